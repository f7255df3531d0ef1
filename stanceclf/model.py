"""Labels -> model: build, fit and save the pipeline bundle (the training side).

The trainable core is a plain scikit-learn ``Pipeline``: statements are
normalised once (:func:`stanceclf.features.normalise_all`), then turned into
TF-IDF word n-grams beside a block of binary codebook-cue indicators, and
these shared features feed one logistic regression per head (stance,
framing, speaker).

A fitted pipeline is saved as arrays (:func:`scorer_of`, then
:mod:`stanceclf.modelfile`): loading and classifying need neither
scikit-learn nor joblib, and a model file cannot run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

import numpy as np
import scipy
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.multioutput import MultiOutputClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from .codebook import CODEBOOK_VERSION, DEFAULT_LABELS, HEADS
from .errors import InputTypeError, InvalidInputError
from .features import normalise_all
from .labels import LabeledStatement
from .modelfile import CARD_FILE, CARD_MD_FILE, FORMAT_VERSION, MODEL_FILE, write_model
from .predict import UNSURE_BELOW
from .scoring import Scorer
from .vectorise import TokenNgrams

__all__ = [
    "FORMAT_VERSION",
    "DEFAULT_PARAMS",
    "ModelBundle",
    "build_pipeline",
    "fit_bundle",
    "save_bundle",
    "scorer_of",
    "labels_hash",
    "MODEL_FILE",
    "CARD_FILE",
    "CARD_MD_FILE",
]

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
    temperatures, offsets, out_of_fold = (
        _fit_temperatures(settings, texts, targets, groups) if calibrate else ({}, {}, {})
    )
    unsure_below = {head: _sure_threshold(*out_of_fold[head]) for head in ("stance", "framing") if head in out_of_fold}
    for head, estimator in zip(heads, pipeline.named_steps["heads"].estimators_):
        temperature = temperatures.get(head, 1.0)
        estimator.coef_ = estimator.coef_ / temperature
        estimator.intercept_ = estimator.intercept_ / temperature
        classes = list(estimator.classes_)
        if offsets.get(head) and len(classes) > 2 and DEFAULT_LABELS[head] in classes:
            intercept = estimator.intercept_.copy()
            intercept[classes.index(DEFAULT_LABELS[head])] += np.float32(offsets[head])
            estimator.intercept_ = intercept
    full_card = {
        "format_version": FORMAT_VERSION,
        "stanceclf_version": _own_version(),
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "codebook_version": CODEBOOK_VERSION,
        "labels": {head: list(HEADS[head]) for head in heads},
        "heads": list(heads),
        "hyper_parameters": settings,
        "temperatures": {head: temperatures.get(head, 1.0) for head in heads},
        "default_label_offsets": {head: offsets.get(head, 0.0) for head in DEFAULT_LABELS},
        "unsure_below": {head: unsure_below.get(head, UNSURE_BELOW) for head in ("stance", "framing")},
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
) -> tuple[dict[str, float], dict[str, float], dict[str, tuple[np.ndarray, np.ndarray]]]:
    """Per head, the temperature and default-label offset that minimise out-of-fold log-loss.

    Out-of-fold decision scores come from grouped folds (no article on both
    sides), so the calibration reflects statements of unseen articles.
    Statements whose group is None are always trained on, never held out.
    With fewer than three articles to hold out there is nothing to fit: 1.0.
    Returns the temperatures, the offsets of :data:`DEFAULT_LABELS` (see
    :func:`_default_offset`), and per head the winning label's calibrated
    probability and whether it was right, for every held-out statement.
    """
    articles = sorted({g for g in groups if g is not None})
    if len(articles) < 3:
        return {}, {}, {}
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
    temperatures, offsets, out_of_fold = {}, {}, {}
    for head in heads:
        if not scores[head]:
            continue
        decision, gold = np.vstack(scores[head]), np.concatenate(truth[head])
        losses = [_log_loss(decision / t, gold) for t in _TEMPERATURES]
        temperatures[head] = float(_TEMPERATURES[int(np.argmin(losses))])
        calibrated = decision / temperatures[head]
        if head in DEFAULT_LABELS:
            column = HEADS[head].index(DEFAULT_LABELS[head])
            offsets[head] = _default_offset(calibrated, gold, column)
            calibrated[:, column] += offsets[head]
        probabilities = np.exp(_log_softmax(calibrated))
        out_of_fold[head] = (probabilities.max(axis=1), probabilities.argmax(axis=1) == gold)
    return temperatures, offsets, out_of_fold


_OFFSETS = np.round(np.arange(0.0, 3.01, 0.25), 2)


def _default_offset(decision: np.ndarray, gold: np.ndarray, column: int) -> float:
    """The log-odds added to the default label that minimises out-of-fold log-loss.

    Balanced class weights train each head as if every label were equally
    common; on real articles most statements take no stance and carry no
    frame, so the default label is under-predicted (measured in
    docs/model.md). Restoring its prior on held-out articles is a prior
    shift, fitted like the temperature.
    """
    losses = []
    for offset in _OFFSETS:
        shifted = decision.copy()
        shifted[:, column] += offset
        losses.append(_log_loss(shifted, gold))
    return float(_OFFSETS[int(np.argmin(losses))])


#: How often a sure prediction should be right on articles the model never saw.
SURE_ACCURACY = 0.8
_THRESHOLDS = np.round(np.arange(0.3, 0.951, 0.05), 2)


def _sure_threshold(confidence: np.ndarray, correct: np.ndarray) -> float:
    """The lowest probability at which predictions at or above it were right :data:`SURE_ACCURACY` of the time.

    Read from out-of-fold predictions of held-out articles, so ``unsure``
    means the same on articles the model never saw; the highest threshold
    tried when none reaches the target.
    """
    for threshold in _THRESHOLDS:
        sure = confidence >= threshold
        if sure.any() and correct[sure].mean() >= SURE_ACCURACY:
            return float(threshold)
    return float(_THRESHOLDS[-1])


def _log_softmax(decision: np.ndarray) -> np.ndarray:
    shifted = decision - decision.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def _log_loss(decision: np.ndarray, gold: np.ndarray) -> float:
    return float(-_log_softmax(decision)[np.arange(len(gold)), gold].mean())


def labels_hash(statements: Sequence[LabeledStatement]) -> str:
    """SHA-256 of the training statements, independent of their order."""
    digest = hashlib.sha256()
    for statement in sorted(statements, key=lambda s: s.id):
        digest.update(json.dumps(statement.to_record(), ensure_ascii=False, sort_keys=True).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def scorer_of(pipeline: Pipeline, heads: Sequence[str]) -> Scorer:
    """The arrays of a fitted pipeline, as a :class:`~stanceclf.scoring.Scorer` that scores without scikit-learn.

    Parameters
    ----------
    pipeline : sklearn.pipeline.Pipeline
        A pipeline fitted by :func:`fit_bundle`.
    heads : sequence of str
        Its head names, in output order.

    Returns
    -------
    Scorer
    """
    union = pipeline.named_steps["features"]
    blocks = dict(union.transformer_list)
    weights = union.transformer_weights or {}
    if weights.get("words", 1.0) != 1.0:
        raise ValueError("the word block's weight must be 1 (only the cue block is weighted)")
    estimators = pipeline.named_steps["heads"].estimators_
    return Scorer.from_heads(
        words=blocks["words"].table_,
        cues=blocks["cues"].table_,
        cue_weight=weights.get("cues", 1.0),
        heads={head: (e.classes_, e.coef_, e.intercept_) for head, e in zip(heads, estimators)},
    )


def save_bundle(bundle: ModelBundle, folder: str | os.PathLike[str]) -> Path:
    """Save a bundle into a folder, atomically, one writer at a time.

    The model and its card go into one file, ``model.npz``, written to a
    temporary file and renamed into place: a reader, or a save that is
    killed at any point, leaves either the previous model or the new one,
    whole. ``card.json`` and ``card.md`` are copies for people, written
    after. An exclusive lock on the folder keeps two processes from saving
    into it at once.

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
        card = {**bundle.card, "format_version": FORMAT_VERSION}
        write_model(target, scorer_of(bundle.pipeline, bundle.heads), card, render_card_markdown(card))
    return target


def render_card_markdown(card: dict[str, Any]) -> str:
    """The model card as a short Markdown page."""
    lines = [
        "# stanceclf model card",
        "",
        f"- Format version: {card['format_version']}",
        f"- stanceclf {card['stanceclf_version']}, scikit-learn {card['sklearn_version']}, "
        f"numpy {card['numpy_version']}, scipy {card['scipy_version']}",
        f"- Codebook version: {card['codebook_version']}",
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
        f"The model is `{MODEL_FILE}`: numeric and string arrays read with `allow_pickle=False`, so loading",
        "it runs no code from the file. Older joblib models (format 2) load only with `trust=True`.",
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
