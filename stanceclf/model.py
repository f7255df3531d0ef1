"""Labels -> model: build, fit, save and load the pipeline bundle.

The trainable core is a plain scikit-learn ``Pipeline``: statements are
normalised once (:func:`stanceclf.features.normalise_all`), then turned into
TF-IDF word n-grams beside a block of binary codebook-cue indicators, and
these shared features feed one logistic regression per head (stance,
framing, speaker).

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
from sklearn.linear_model import LogisticRegression
from sklearn.multioutput import MultiOutputClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from .errors import InputTypeError, InvalidInputError, ModelFileError
from .features import normalise_all
from .files import atomic_write_bytes
from .labels import HEADS, LabeledStatement
from .vectorise import TokenNgrams

__all__ = [
    "FORMAT_VERSION",
    "DEFAULT_PARAMS",
    "ModelBundle",
    "build_pipeline",
    "feature_names",
    "fit_bundle",
    "save_bundle",
    "load_bundle",
    "labels_hash",
    "MODEL_FILE",
    "CARD_FILE",
    "CARD_MD_FILE",
]

#: Version of the saved-model layout; a loader refuses any other. Version 2:
#: the vectorisers are :class:`~stanceclf.vectorise.TokenNgrams`.
FORMAT_VERSION = 2
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
    "cue_weight": 1.0,
}


@dataclass(frozen=True)
class ModelBundle:
    """A fitted pipeline with its card.

    Attributes
    ----------
    pipeline : sklearn.pipeline.Pipeline
        ``normalise`` (a ``FunctionTransformer``), ``features`` (a
        ``FeatureUnion`` of ``words``, TF-IDF word n-grams, and ``cues``,
        binary cue indicators, both :class:`~stanceclf.vectorise.TokenNgrams`),
        then ``heads`` (a
        ``MultiOutputClassifier`` of logistic regressions, one per head).
    heads : tuple of str
        The head names in output order: ``("stance", "framing", "speaker")``.
    card : dict
        The model card (see the module notes).
    """

    pipeline: Pipeline
    heads: tuple[str, ...]
    card: dict[str, Any]


def feature_names(pipeline: Pipeline) -> np.ndarray:
    """Names of the pipeline's features, in column order.

    Word n-grams as the model sees them (cue tokens such as ``#deleg`` among
    them); the cue indicator block prefixed ``cue:`` (``cue:#deleg``) so it
    reads apart from the same token among the words.
    """
    union = pipeline.named_steps["features"]
    names = []
    for name, transformer in union.transformer_list:
        vocabulary = transformer.get_feature_names_out()
        names.append(vocabulary if name == "words" else np.array([f"cue:{v}" for v in vocabulary], dtype=object))
    return np.concatenate(names)


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
        raise InputTypeError(f"unknown hyper-parameter(s): {', '.join(sorted(unknown))}")
    # normalise_all has lower-cased, masked and tokenised already.
    words = TokenNgrams(
        ngram_max=settings["ngram_max"],
        min_df=settings["min_df"],
        sublinear_tf=settings["sublinear_tf"],
        dtype=np.float32,
    )
    # The cue tokens are also among the words, but there TF-IDF scales them
    # down for being common; as plain indicators they carry the codebook's
    # cues at a weight of their own (chosen by cross-validation).
    cues = TokenNgrams(prefix="#", binary=True, use_idf=False, norm=None, dtype=np.float32)
    features = FeatureUnion(
        [("words", words), ("cues", cues)],
        transformer_weights={"words": 1.0, "cues": settings["cue_weight"]},
    )
    head = LogisticRegression(
        C=settings["C"],
        class_weight=settings["class_weight"],
        max_iter=5000,
        solver="lbfgs",
    )
    return Pipeline(
        [
            ("normalise", FunctionTransformer(normalise_all)),
            ("features", features),
            ("heads", MultiOutputClassifier(head)),
        ]
    )


def fit_bundle(
    statements: Sequence[LabeledStatement],
    *,
    params: dict[str, Any] | None = None,
    card: dict[str, Any] | None = None,
    calibrate: bool = True,
    always_train: Sequence[LabeledStatement] = (),
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
    calibrate : bool, default True
        Fit one temperature per head on out-of-fold predictions (folds
        grouped by article) and fold it into the head's coefficients, so
        that probabilities match observed accuracy. Labels are unchanged.
    always_train : sequence of LabeledStatement, optional
        More training statements (the written examples) that are in every
        calibration fold's training data and never held out: temperatures
        are fitted on real articles only.

    Returns
    -------
    ModelBundle

    Notes
    -----
    Training is deterministic: lbfgs has no random state, the folds are fixed
    by article id, and the statements are sorted by id first.
    """
    held_out_able = {s.id for s in statements}
    ordered = sorted([*statements, *always_train], key=lambda s: s.id)
    heads = tuple(HEADS)
    texts = [s.text for s in ordered]
    targets = np.array([[getattr(s, head) for head in heads] for s in ordered], dtype=object)
    for column, head in enumerate(heads):
        if len(set(targets[:, column])) < 2:
            raise InvalidInputError(f"cannot train the {head} head: the training labels hold only one {head} label")
    settings = {**DEFAULT_PARAMS, **(params or {})}
    pipeline = build_pipeline(**settings)
    pipeline.fit(texts, targets)
    # Statements that may never be held out share one group that no fold leaves out.
    groups = [s.article if s.id in held_out_able else None for s in ordered]
    temperatures = _fit_temperatures(settings, texts, targets, groups) if calibrate else {}
    for head, estimator in zip(heads, pipeline.named_steps["heads"].estimators_):
        temperature = temperatures.get(head, 1.0)
        estimator.coef_ = estimator.coef_ / temperature
        estimator.intercept_ = estimator.intercept_ / temperature
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
        "temperatures": {head: temperatures.get(head, 1.0) for head in heads},
        "training": {
            "statements": len(ordered),
            "calibration": "temperatures fitted on out-of-fold predictions of held-out-able articles"
            if temperatures
            else "none",
            "labels_sha256": labels_hash(ordered),
            "articles": sorted({s.article for s in ordered}),
        },
        **(card or {}),
    }
    return ModelBundle(pipeline=pipeline, heads=heads, card=full_card)


_TEMPERATURES = np.round(np.arange(0.2, 3.01, 0.05), 2)
_CALIBRATION_FOLDS = 5


def _fit_temperatures(
    settings: dict[str, Any], texts: list[str], targets: np.ndarray, groups: list[str]
) -> dict[str, float]:
    """Per head, the temperature that minimises out-of-fold log-loss.

    Out-of-fold decision scores come from grouped folds (no article on both
    sides), so the temperature reflects statements of unseen articles.
    Statements whose group is None are always trained on, never held out.
    With fewer than three articles to hold out there is nothing to fit: 1.0.
    """
    articles = sorted({g for g in groups if g is not None})
    if len(articles) < 3:
        return {}
    heads = tuple(HEADS)
    scores: dict[str, list[np.ndarray]] = {head: [] for head in heads}
    truth: dict[str, list[np.ndarray]] = {head: [] for head in heads}
    # Fold k holds out every n-th article (sorted by id): deterministic, grouped.
    n_folds = min(_CALIBRATION_FOLDS, len(articles))
    fold_of = {article: index % n_folds for index, article in enumerate(articles)}
    for fold_index in range(n_folds):
        test_idx = np.array([i for i, g in enumerate(groups) if g is not None and fold_of[g] == fold_index])
        train_idx = np.array([i for i, g in enumerate(groups) if g is None or fold_of[g] != fold_index])
        fold_targets = targets[train_idx]
        if any(len(set(fold_targets[:, c])) < 2 for c in range(len(heads))):
            continue
        fold = build_pipeline(**settings).fit([texts[i] for i in train_idx], fold_targets)
        features = fold[:-1].transform([texts[i] for i in test_idx])
        for column, (head, estimator) in enumerate(zip(heads, fold.named_steps["heads"].estimators_)):
            decision = estimator.decision_function(features)
            if decision.ndim == 1:
                decision = np.column_stack([-decision / 2, decision / 2])
            full = np.full((len(test_idx), len(HEADS[head])), -1e9)
            for j, label in enumerate(estimator.classes_):
                full[:, HEADS[head].index(label)] = decision[:, j]
            scores[head].append(full)
            truth[head].append(np.array([HEADS[head].index(v) for v in targets[test_idx, column]]))
    temperatures = {}
    for head in heads:
        if not scores[head]:
            continue
        decision, gold = np.vstack(scores[head]), np.concatenate(truth[head])
        losses = [_log_loss(decision / t, gold) for t in _TEMPERATURES]
        temperatures[head] = float(_TEMPERATURES[int(np.argmin(losses))])
    return temperatures


def _log_loss(decision: np.ndarray, gold: np.ndarray) -> float:
    shifted = decision - decision.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(len(gold)), gold].mean())


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
        # Dump to bytes in memory first: the hash must describe exactly what is written.
        buffer = io.BytesIO()
        joblib.dump(bundle.pipeline, buffer, compress=3)
        payload = buffer.getvalue()
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
            f"{card_path}: unknown model format version {found!r}; this stanceclf reads version {FORMAT_VERSION} "
            "(retrain with `python train.py`)"
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
