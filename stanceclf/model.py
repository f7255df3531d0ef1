"""Labels -> model: build, fit, save and load the pipeline bundle.

The trainable core is a plain scikit-learn ``Pipeline``: one TF-IDF
vectoriser over :func:`stanceclf.features.normalise`, shared by one logistic
regression per head (stance, framing, speaker).

A saved model is a folder with three files:

``model.joblib``
    The fitted pipeline. joblib runs code while loading a file, so the
    loader first checks the file's SHA-256 against the card and refuses any
    mismatch. Load only model folders that stanceclf wrote or that you trust.
``card.json``
    The model card: format version, library versions, label sets, hash of
    the training labels, codebook version, training split,
    hyper-parameters, evaluation figures and the model file's SHA-256.
``card.md``
    The same card for people.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

import joblib
import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multioutput import MultiOutputClassifier
from sklearn.pipeline import Pipeline

from .errors import ModelFileError
from .features import normalise
from .files import atomic_write_bytes
from .labels import HEADS, LabeledStatement

__all__ = [
    "FORMAT_VERSION",
    "DEFAULT_PARAMS",
    "ModelBundle",
    "build_pipeline",
    "fit_bundle",
    "save_bundle",
    "load_bundle",
    "labels_hash",
    "MODEL_FILE",
    "CARD_FILE",
    "CARD_MD_FILE",
]

#: Version of the saved-model layout; a loader refuses any other.
FORMAT_VERSION = 1
MODEL_FILE = "model.joblib"
CARD_FILE = "card.json"
CARD_MD_FILE = "card.md"
CODEBOOK_VERSION = "1.1"

#: Hyper-parameters of the shipped model, chosen by leave-one-article-out
#: cross-validation on the training split (see docs/model.md).
DEFAULT_PARAMS: dict[str, Any] = {
    "ngram_max": 2,
    "min_df": 1,
    "sublinear_tf": True,
    "C": 4.0,
    "class_weight": "balanced",
}


@dataclass(frozen=True)
class ModelBundle:
    """A fitted pipeline with its card.

    Attributes
    ----------
    pipeline : sklearn.pipeline.Pipeline
        ``tfidf`` (a ``TfidfVectorizer``) then ``heads`` (a
        ``MultiOutputClassifier`` of logistic regressions, one per head).
    heads : tuple of str
        The head names in output order: ``("stance", "framing", "speaker")``.
    card : dict
        The model card (see the module notes).
    """

    pipeline: Pipeline
    heads: tuple[str, ...]
    card: dict[str, Any]


def build_pipeline(**params: Any) -> Pipeline:
    """An unfitted pipeline with the given hyper-parameters.

    Parameters
    ----------
    **params
        Keys of :data:`DEFAULT_PARAMS`; missing keys take the defaults.

    Returns
    -------
    sklearn.pipeline.Pipeline
    """
    settings = {**DEFAULT_PARAMS, **params}
    unknown = set(settings) - set(DEFAULT_PARAMS)
    if unknown:
        raise TypeError(f"unknown hyper-parameter(s): {', '.join(sorted(unknown))}")
    vectoriser = TfidfVectorizer(
        preprocessor=normalise,
        ngram_range=(1, settings["ngram_max"]),
        min_df=settings["min_df"],
        sublinear_tf=settings["sublinear_tf"],
        token_pattern=r"(?u)\b\w[\w']*\b",
        dtype=np.float32,
    )
    head = LogisticRegression(
        C=settings["C"],
        class_weight=settings["class_weight"],
        max_iter=5000,
        solver="lbfgs",
    )
    return Pipeline([("tfidf", vectoriser), ("heads", MultiOutputClassifier(head))])


def fit_bundle(
    statements: Sequence[LabeledStatement],
    *,
    params: dict[str, Any] | None = None,
    card: dict[str, Any] | None = None,
) -> ModelBundle:
    """Fit a pipeline on labelled statements.

    Parameters
    ----------
    statements : sequence of LabeledStatement
        Training statements; every head needs at least two labels present.
    params : dict, optional
        Hyper-parameters (see :data:`DEFAULT_PARAMS`).
    card : dict, optional
        Extra card entries (training split, evaluation figures, ...).

    Returns
    -------
    ModelBundle

    Notes
    -----
    Training is deterministic: lbfgs has no random state, and the order of
    the statements is fixed by sorting them by id first.
    """
    ordered = sorted(statements, key=lambda s: s.id)
    heads = tuple(HEADS)
    texts = [s.text for s in ordered]
    targets = np.array([[getattr(s, head) for head in heads] for s in ordered], dtype=object)
    for column, head in enumerate(heads):
        if len(set(targets[:, column])) < 2:
            raise ValueError(f"cannot train the {head} head: the training labels hold only one {head} label")
    settings = {**DEFAULT_PARAMS, **(params or {})}
    pipeline = build_pipeline(**settings)
    pipeline.fit(texts, targets)
    full_card = {
        "format_version": FORMAT_VERSION,
        "stanceclf_version": _own_version(),
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "joblib_version": joblib.__version__,
        "codebook_version": CODEBOOK_VERSION,
        "labels": {head: list(HEADS[head]) for head in heads},
        "heads": list(heads),
        "hyper_parameters": settings,
        "training": {
            "statements": len(ordered),
            "labels_sha256": labels_hash(ordered),
            "articles": sorted({s.article for s in ordered}),
        },
        **(card or {}),
    }
    return ModelBundle(pipeline=pipeline, heads=heads, card=full_card)


def labels_hash(statements: Sequence[LabeledStatement]) -> str:
    """SHA-256 of the training statements, independent of their order."""
    digest = hashlib.sha256()
    for statement in sorted(statements, key=lambda s: s.id):
        digest.update(json.dumps(statement.to_record(), ensure_ascii=False, sort_keys=True).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def save_bundle(bundle: ModelBundle, folder: str | os.PathLike[str]) -> Path:
    """Save a bundle into a folder, atomically, one writer at a time.

    The model file and both cards are each written to a temporary file and
    renamed into place; an exclusive lock on the folder keeps two processes
    saving into it at once from leaving a model beside another model's
    card. A failure leaves the previous model as it was.

    Parameters
    ----------
    bundle : ModelBundle
        The fitted bundle.
    folder : str or path-like
        Destination folder; created if missing.

    Returns
    -------
    pathlib.Path
        The folder.
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    with _folder_lock(target):
        # Dump to bytes first: the hash must describe exactly what is written.
        staging = target / f".{MODEL_FILE}.{os.getpid()}.staging"
        try:
            joblib.dump(bundle.pipeline, staging, compress=3)
            payload = staging.read_bytes()
        finally:
            staging.unlink(missing_ok=True)
        card = {**bundle.card, "model_sha256": hashlib.sha256(payload).hexdigest(), "model_bytes": len(payload)}
        # Model first, card last: a reader between the two renames sees the
        # old card's hash fail against the new file and is refused, never
        # handed a model with another model's card.
        atomic_write_bytes(target / MODEL_FILE, payload)
        atomic_write_bytes(target / CARD_FILE, (json.dumps(card, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
        atomic_write_bytes(target / CARD_MD_FILE, render_card_markdown(card).encode("utf-8"))
    return target


def load_bundle(folder: str | os.PathLike[str] | Any) -> ModelBundle:
    """Load a saved bundle after checking its card and the model file's hash.

    Parameters
    ----------
    folder : str, path-like or importlib.resources Traversable
        A folder written by :func:`save_bundle`.

    Returns
    -------
    ModelBundle

    Raises
    ------
    ModelFileError
        When the card is missing or unreadable, the format version is unknown,
        the model file is missing, its SHA-256 differs from the card's (the
        file was changed or truncated; it is not unpickled), or the file does
        not hold a stanceclf pipeline.

    Warns
    -----
    UserWarning
        When the model was saved with another scikit-learn version.
    """
    card_path = folder / CARD_FILE
    model_path = folder / MODEL_FILE
    try:
        card = json.loads(card_path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise ModelFileError(f"{card_path}: no model card; is {folder} a stanceclf model folder?") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"{card_path}: unreadable model card ({exc})") from None
    if not isinstance(card, dict) or card.get("format_version") != FORMAT_VERSION:
        found = card.get("format_version") if isinstance(card, dict) else None
        raise ModelFileError(
            f"{card_path}: unknown model format version {found!r}; this stanceclf reads version {FORMAT_VERSION}"
        )
    try:
        payload = model_path.read_bytes()
    except FileNotFoundError:
        raise ModelFileError(f"{model_path}: model file is missing") from None
    except OSError as exc:
        raise ModelFileError(f"{model_path}: cannot be read ({exc})") from None
    digest = hashlib.sha256(payload).hexdigest()
    if digest != card.get("model_sha256"):
        raise ModelFileError(
            f"{model_path}: SHA-256 {digest[:12]}... does not match the card's "
            f"{str(card.get('model_sha256'))[:12]}...; the file was changed or truncated, refusing to load it"
        )
    if card.get("sklearn_version") != sklearn.__version__:
        warnings.warn(
            f"model saved with scikit-learn {card.get('sklearn_version')}, running {sklearn.__version__}; "
            "predictions may differ (retrain with `python train.py`)",
            UserWarning,
            stacklevel=2,
        )
    try:
        pipeline = joblib.load(io.BytesIO(payload))
    except Exception as exc:  # a hash-checked file that still fails is broken, not hostile
        raise ModelFileError(f"{model_path}: not a loadable model ({type(exc).__name__}: {exc})") from None
    heads = tuple(card.get("heads", ()))
    if not isinstance(pipeline, Pipeline) or "heads" not in pipeline.named_steps or not heads:
        raise ModelFileError(f"{model_path}: does not hold a stanceclf pipeline")
    return ModelBundle(pipeline=pipeline, heads=heads, card=card)


def render_card_markdown(card: dict[str, Any]) -> str:
    """The model card as a short Markdown page."""
    lines = [
        "# stanceclf model card",
        "",
        f"- Format version: {card['format_version']}",
        f"- stanceclf {card['stanceclf_version']}, scikit-learn {card['sklearn_version']}, "
        f"numpy {card['numpy_version']}, joblib {card['joblib_version']}",
        f"- Codebook version: {card['codebook_version']}",
        f"- Model file SHA-256: `{card.get('model_sha256', '')}` ({card.get('model_bytes', 0):,} bytes)",
        f"- Trained on: {card['training']['statements']} statements "
        f"({card['training'].get('split', 'unspecified split')}); labels SHA-256 `{card['training']['labels_sha256']}`",
        f"- Hyper-parameters: {json.dumps(card['hyper_parameters'])}",
        "",
        "## Labels",
        "",
    ]
    for head, names in card["labels"].items():
        lines.append(f"- {head}: {', '.join(names)}")
    if card.get("evaluation"):
        lines += ["", "## Evaluation", "", card["evaluation"].get("summary_markdown", "")]
    lines += [
        "",
        "## Safety",
        "",
        "joblib executes code while loading a model file. stanceclf checks the file's SHA-256 against",
        "this card before loading, but a card can be forged along with the file: load only model",
        "folders that stanceclf wrote or that you trust.",
        "",
    ]
    return "\n".join(lines)


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive advisory lock on a model folder (POSIX ``flock``)."""
    import fcntl

    with open(folder / ".lock", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _own_version() -> str:
    from . import __version__

    return __version__
