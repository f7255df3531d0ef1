"""Labels -> model: build, fit and save the pipeline bundle (the training side).

The trainable core is a scikit-learn ``Pipeline``: statements are
normalised once (:func:`stanceclf.features.normalise_all`), then turned into
TF-IDF word n-grams beside a block of binary codebook-cue indicators, and
these shared features feed one linear classifier per head (stance,
framing, speaker; logistic regression by default), each calibrated by a
temperature fitted on held-out articles (:mod:`stanceclf.calibration`).
The attribution-clause tokens of :mod:`stanceclf.speech` are cue columns
that the speaker head alone weighs: its pipeline fits every head without
them, then the speaker head's weights for them on top (``_Pipeline``).

A fitted pipeline is saved as arrays (:func:`scorer_of`, then
:mod:`stanceclf.modelfile`): loading and classifying need neither
scikit-learn nor joblib, and a model file cannot run code.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import numpy as np
import scipy
import scipy.sparse as sp
import sklearn
from scipy.optimize import minimize
from scipy.special import logsumexp
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils.class_weight import compute_sample_weight

from .calibration import (
    ArticleFolds,
    Heads,
    TemperatureScaled,
    fit_default_offset,
    fit_temperature,
    sure_threshold,
)
from .calibration import probabilities as calibration_probabilities
from .card import ModelCard, TrainingInfo
from .codebook import CODEBOOK_VERSION, DEFAULT_LABELS, HEADS, tables_hash
from .errors import InputTypeError, InvalidInputError
from .features import normalise_all
from .labels import LabeledStatement
from .modelfile import CARD_FILE, CARD_MD_FILE, FORMAT_VERSION, MODEL_FILE, write_model
from .predict import UNSURE_BELOW
from .prediction import UNSURE_HEADS
from .scoring import Scorer
from .speech import SPEAKER_CUE_PREFIX
from .vectorise import TokenNgrams

__all__ = [
    "FORMAT_VERSION",
    "DEFAULT_PARAMS",
    "ModelBundle",
    "Calibration",
    "SPEAKER_ONLY_HEAD",
    "fit_without_columns",
    "fit_added_columns",
    "speaker_only_columns",
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
#: cross-validation on the training split (see docs/model.md). ``framing_page_weight``
#: is the weight of a whole page's statement in the framing head's fit (1: as any
#: other), chosen by page cross-validation (docs/model.md, round 6).
DEFAULT_PARAMS: dict[str, Any] = {
    "ngram_max": 2,
    "min_df": 1,
    "sublinear_tf": True,
    "C": 4.0,
    "class_weight": "balanced",
    "cue_weight": 1.0,
    "framing_page_weight": 2.0,
}

#: Article ids of the statements of whole pages (``labels/pages.jsonl``): ``page-<page>``.
PAGE_ARTICLE_PREFIX = "page-"

#: The head that reads the attribution-clause tokens of :mod:`stanceclf.speech`; the others give them no weight.
SPEAKER_ONLY_HEAD = "speaker"


@dataclass(frozen=True)
class ModelBundle:
    """A fitted pipeline with its card.

    Attributes
    ----------
    pipeline : sklearn.pipeline.Pipeline
        ``normalise`` (a ``FunctionTransformer``), ``features`` (a
        ``FeatureUnion`` of ``words``, TF-IDF word n-grams, and ``cues``,
        binary cue indicators, both :class:`~stanceclf.vectorise.TokenNgrams`),
        then ``heads`` (a :class:`~stanceclf.calibration.Heads` of one
        :class:`~stanceclf.calibration.TemperatureScaled` linear classifier
        per head, logistic regression unless another was asked for).
    heads : tuple of str
        The head names in output order: ``("stance", "framing", "speaker")``.
    card : ModelCard
        The model card.
    """

    pipeline: Pipeline
    heads: tuple[str, ...]
    card: ModelCard


def build_pipeline(
    *,
    classifier: Any = None,
    temperatures: Mapping[str, float] | None = None,
    default_label_offsets: Mapping[str, float] | None = None,
    **params: Any,
) -> Pipeline:
    """An unfitted pipeline with the given hyper-parameters.

    Parameters
    ----------
    classifier : estimator, optional
        The linear classifier of each head: any scikit-learn classifier with
        ``decision_function`` and, once fitted, ``coef_`` and ``intercept_``
        (``LinearSVC``, ``SGDClassifier``, ``RidgeClassifier``, ...); cloned
        per head. Default: a ``LogisticRegression`` with the ``C`` and
        ``class_weight`` of the hyper-parameters.
    temperatures, default_label_offsets : mapping of str to float, optional
        Per head, the calibration of its :class:`~stanceclf.calibration.TemperatureScaled`
        (see :func:`fit_bundle`); default 1.0 and 0.0.
    **params
        Keys of :data:`DEFAULT_PARAMS`; missing keys take the defaults.

    Returns
    -------
    sklearn.pipeline.Pipeline

    Examples
    --------
    >>> from sklearn.svm import LinearSVC
    >>> build_pipeline(classifier=LinearSVC(), ngram_max=1).named_steps["heads"].estimators[0][0]
    'stance'
    """
    settings = _settings(params)
    # normalise_all has lower-cased, masked and tokenised already.
    words = _WordNgrams(
        ngram_max=settings["ngram_max"],
        min_df=settings["min_df"],
        sublinear_tf=settings["sublinear_tf"],
        dtype=np.float32,
    )
    # The cue tokens are also among the words, but there TF-IDF scales them
    # down for being common; as plain indicators they carry the codebook's
    # cues at a weight of their own (chosen by cross-validation). The
    # attribution-clause tokens are cue tokens too, of the speaker head alone.
    cues = TokenNgrams(prefix="#", binary=True, use_idf=False, norm=None, dtype=np.float32)
    features = FeatureUnion(
        [("words", words), ("cues", cues)],
        transformer_weights={"words": 1.0, "cues": settings["cue_weight"]},
    )
    if classifier is None:
        classifier = LogisticRegression(
            C=settings["C"], class_weight=settings["class_weight"], max_iter=5000, solver="lbfgs"
        )
    temperatures, offsets = temperatures or {}, default_label_offsets or {}
    heads = Heads(
        [
            (
                head,
                TemperatureScaled(
                    classifier,
                    temperature=temperatures.get(head, 1.0),
                    default_label=DEFAULT_LABELS.get(head),
                    default_offset=offsets.get(head, 0.0),
                ),
            )
            for head in HEADS
        ]
    )
    return _Pipeline(
        [("normalise", FunctionTransformer(normalise_all)), ("features", features), ("heads", heads)],
        C=settings["C"],
        class_weight=settings["class_weight"],
        framing_page_weight=settings["framing_page_weight"],
    )


def _without_speaker_cues(document: str) -> str:
    return " ".join(token for token in document.split() if not token.startswith(SPEAKER_CUE_PREFIX))


class _WordNgrams(TokenNgrams):
    """The word block, whose vocabulary is fitted without the attribution-clause tokens of :mod:`stanceclf.speech`.

    Those tokens come last in a normalised statement, so no n-gram of the
    vocabulary holds one: each row, its norm included, is what it would be
    without them, for every head.
    """

    def fit(self, documents: Any, y: object = None) -> "_WordNgrams":
        """Learn the vocabulary and IDF weights of the statements without their attribution-clause tokens."""
        if isinstance(documents, str):  # TokenNgrams refuses it with scikit-learn's message
            return super().fit(documents, y)
        return super().fit([_without_speaker_cues(document) for document in documents], y)


def fit_without_columns(estimator: Any, X: Any, y: Any, columns: np.ndarray, sample_weight: Any = None) -> Any:
    """A head fitted with some feature columns left out, its fitted classifier widened back with zeros on them.

    The head is the one fitted on the other columns, to the bit, and its
    classifier (``estimator.classifier_``, of the head's own kind) applies
    to every column, as the saved model does.

    Parameters
    ----------
    estimator : TemperatureScaled
        An unfitted head; cloned.
    X : sparse matrix
        The features, ``(n, n_features)``.
    y : array-like
        The head's labels.
    columns : numpy.ndarray
        The columns to leave out.
    sample_weight : array-like, optional
        A weight per row (on top of the head's class weights).

    Returns
    -------
    TemperatureScaled
        The fitted head.
    """
    head = clone(estimator)
    if not len(columns):
        return head.fit(X, y, sample_weight=sample_weight)
    kept = np.setdiff1d(np.arange(X.shape[1]), columns)
    head.fit(sp.csr_matrix(X)[:, kept], y, sample_weight=sample_weight)
    narrow = head.classifier_
    wide = copy.copy(narrow)
    wide.coef_ = np.zeros((narrow.coef_.shape[0], X.shape[1]), dtype=narrow.coef_.dtype)
    wide.coef_[:, kept] = narrow.coef_
    wide.n_features_in_ = X.shape[1]
    head.classifier_ = wide
    return head


def fit_added_columns(head: Any, X: Any, y: Any, columns: np.ndarray, *, C: float, class_weight: Any) -> None:
    """Weights for ``columns`` on top of a fitted head whose other weights stay as they are.

    The weights minimise the head's L2-penalised log-loss (``C`` and
    ``class_weight`` as logistic regression reads them) with its scores on
    the other columns held fixed: a statement with none of the columns keeps
    the reading of the head fitted without them, and the others are read as
    that reading plus what the columns add. Written into
    ``head.classifier_.coef_`` (uncalibrated, so that the temperature applies
    to them as to the rest); a head with two labels is left as it is.

    Parameters
    ----------
    head : TemperatureScaled
        Fitted with zero weights on ``columns`` (:func:`fit_without_columns`).
    X : sparse matrix
        The features it was fitted on.
    y : array-like
        Its labels.
    columns : numpy.ndarray
        The columns to weigh.
    C : float
        Inverse of the penalty's strength.
    class_weight : dict, "balanced" or None
        As for logistic regression.
    """
    classifier = head.classifier_
    classes = list(classifier.classes_)
    if not len(columns) or classifier.coef_.shape[0] != len(classes):
        return
    gold = np.array([classes.index(label) for label in y])
    weights = compute_sample_weight(class_weight, gold)
    added = np.asarray(sp.csr_matrix(X)[:, columns].todense(), dtype=np.float64)
    rows = added.any(axis=1)  # a row without any of the columns adds a constant to the loss
    added, gold, weights = added[rows], gold[rows], weights[rows]
    fixed = np.asarray(X[rows] @ classifier.coef_.T, dtype=np.float64) + classifier.intercept_
    picked = np.arange(len(gold))
    shape = (len(classes), len(columns))

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        coef = flat.reshape(shape)
        scores = fixed + added @ coef.T
        total = logsumexp(scores, axis=1)
        gradient = np.exp(scores - total[:, None])
        gradient[picked, gold] -= 1
        value = C * float(weights @ (total - scores[picked, gold])) + 0.5 * float((coef * coef).sum())
        return value, (C * (gradient * weights[:, None]).T @ added + coef).ravel()

    found = minimize(loss, np.zeros(np.prod(shape)), jac=True, method="L-BFGS-B")
    classifier.coef_[:, columns] = found.x.reshape(shape)


class _Pipeline(Pipeline):
    """The model's pipeline: every head reads the features, the speaker head alone the attribution-clause tokens.

    Fitting finds the cue columns of :mod:`stanceclf.speech`'s tokens once
    the features are fitted, fits every head without them
    (:func:`fit_without_columns`: the stance and framing heads'
    probabilities are those of a model that never had them, to the bit),
    then the speaker head's weights for them on top of its reading without
    them (:func:`fit_added_columns`): a statement without an attribution
    clause is read as it would be without the tokens.
    """

    def __init__(
        self,
        steps: list,
        *,
        C: float = 1.0,
        class_weight: Any = None,
        framing_page_weight: float = 1.0,
        memory: Any = None,
        verbose: bool = False,
    ) -> None:
        super().__init__(steps, memory=memory, verbose=verbose)
        self.C = C
        self.class_weight = class_weight
        self.framing_page_weight = framing_page_weight

    def fit(self, X: Any, y: Any = None, *, pages: Any = None, **params: Any) -> "_Pipeline":
        """Fit the normaliser, the features, then the heads.

        ``pages`` marks the rows that are statements of whole pages: the
        framing head weighs them ``framing_page_weight`` times as much.
        """
        features = self.named_steps["features"]
        matrix = features.fit_transform(self.named_steps["normalise"].fit_transform(X))
        speaker_only = speaker_only_columns(features)
        heads = self.named_steps["heads"]
        Y = np.asarray(y, dtype=object)
        if Y.ndim != 2 or Y.shape[1] != len(heads.estimators):
            raise InvalidInputError(f"expected {len(heads.estimators)} target columns, got shape {Y.shape}")
        page_weights = None
        if pages is not None and self.framing_page_weight != 1.0:
            page_weights = np.where(np.asarray(pages, dtype=bool), self.framing_page_weight, 1.0)
        heads.estimators_ = [
            fit_without_columns(
                estimator, matrix, Y[:, column], speaker_only, sample_weight=page_weights if head == "framing" else None
            )
            for column, (head, estimator) in enumerate(heads.estimators)
        ]
        speaker = [head for head, _ in heads.estimators].index(SPEAKER_ONLY_HEAD)
        fit_added_columns(
            heads.estimators_[speaker], matrix, Y[:, speaker], speaker_only, C=self.C, class_weight=self.class_weight
        )
        return self


def speaker_only_columns(features: FeatureUnion) -> np.ndarray:
    """The columns of a fitted feature union that hold the attribution-clause tokens (cue block, ``#said...``)."""
    blocks = dict(features.transformer_list)
    offset = blocks["words"].table_.n_columns
    vocabulary = blocks["cues"].vocabulary_
    return np.array(
        sorted(offset + column for token, column in vocabulary.items() if token.startswith(SPEAKER_CUE_PREFIX)),
        dtype=np.intp,
    )


def _settings(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """The hyper-parameters, defaults filled in; unknown keys refused."""
    settings = {**DEFAULT_PARAMS, **(params or {})}
    unknown = set(settings) - set(DEFAULT_PARAMS)
    if unknown:
        raise InputTypeError(f"unknown hyper-parameter(s): {', '.join(sorted(unknown))}")
    return settings


def fit_bundle(
    statements: Sequence[LabeledStatement],
    *,
    params: dict[str, Any] | None = None,
    classifier: Any = None,
    card: Mapping[str, Any] | None = None,
    calibrate: bool | Calibration = True,
    always_train: Sequence[LabeledStatement] = (),
) -> ModelBundle:
    """Fit a pipeline on labelled statements.

    Parameters
    ----------
    statements : sequence of LabeledStatement
        Training statements; every head needs at least two labels present.
    params : dict, optional
        Hyper-parameters (see :data:`DEFAULT_PARAMS`).
    classifier : estimator, optional
        The linear classifier of each head (see :func:`build_pipeline`);
        default logistic regression.
    card : mapping, optional
        Extra card entries (``split``, ``written_examples`` go into the
        training info; any other key is kept as it is).
    calibrate : bool or Calibration, default True
        Fit one temperature per head, and an offset of its default label, on
        out-of-fold decision scores (folds grouped by article, see
        :class:`~stanceclf.calibration.ArticleFolds`), so that probabilities
        match observed accuracy; and the ``unsure`` thresholds. A
        :class:`Calibration` is used as it is, fitting none (a benchmark that
        compares variants with the calibration held fixed).
    always_train : sequence of LabeledStatement, optional
        More training statements (the written examples). Calibration holds
        them out by piece as it holds out articles, so that the fitted prior
        of the default label reflects off-topic news as well as articles
        about talks; the ``unsure`` thresholds are read from ``statements``
        alone (real articles and pages: written examples are far easier).

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
    targets = np.array([[s.labels[head] for head in heads] for s in ordered], dtype=object)
    for column, head in enumerate(heads):
        if len(set(targets[:, column])) < 2:
            raise InvalidInputError(f"cannot train the {head} head: the training labels hold only one {head} label")
    settings = _settings(params)
    groups = [s.article for s in ordered]
    real = np.array([s.id in held_out_able for s in ordered])
    pages = np.array([s.article.startswith(PAGE_ARTICLE_PREFIX) for s in ordered])
    if isinstance(calibrate, Calibration):
        calibration = calibrate
    elif calibrate:
        calibration = _calibrate(settings, classifier, texts, targets, groups, real, pages)
    else:
        calibration = Calibration()
    pipeline = build_pipeline(
        classifier=classifier,
        temperatures=calibration.temperatures,
        default_label_offsets=calibration.offsets,
        **settings,
    ).fit(texts, targets, pages=pages)
    extra = dict(card or {})
    training = TrainingInfo(
        statements=len(ordered),
        labels_sha256=labels_hash(ordered),
        articles=tuple(sorted({s.article for s in ordered})),
        calibration="temperatures fitted on out-of-fold predictions of held-out-able articles"
        if calibration.temperatures
        else "none",
        split=extra.pop("split", None),
        written_examples=extra.pop("written_examples", None),
    )
    full_card = ModelCard(
        format_version=FORMAT_VERSION,
        stanceclf_version=_own_version(),
        sklearn_version=sklearn.__version__,
        numpy_version=np.__version__,
        scipy_version=scipy.__version__,
        codebook_version=CODEBOOK_VERSION,
        heads=heads,
        labels={head: tuple(HEADS[head]) for head in heads},
        hyper_parameters=settings,
        training=training,
        temperatures={head: calibration.temperatures.get(head, 1.0) for head in heads},
        default_label_offsets={head: calibration.offsets.get(head, 0.0) for head in DEFAULT_LABELS},
        unsure_below={head: calibration.unsure_below.get(head, UNSURE_BELOW) for head in UNSURE_HEADS},
        classifier=None if classifier is None else repr(classifier),
        feature_tables_sha256=tables_hash(),
        evaluation=extra.pop("evaluation", None),
        extra=extra,
    )
    return ModelBundle(pipeline=pipeline, heads=heads, card=full_card)


_CALIBRATION_FOLDS = 5


@dataclass(frozen=True)
class Calibration:
    """Per head: temperature, default-label offset, and (stance, framing) unsure threshold.

    Attributes
    ----------
    temperatures, offsets, unsure_below : dict of str to float
        Keyed by head; a head missing takes 1.0, 0.0 and the default threshold.
    """

    temperatures: dict[str, float] = field(default_factory=dict)
    offsets: dict[str, float] = field(default_factory=dict)
    unsure_below: dict[str, float] = field(default_factory=dict)


def _calibrate(
    settings: dict[str, Any],
    classifier: Any,
    texts: list[str],
    targets: np.ndarray,
    groups: list[str],
    real: np.ndarray,
    pages: np.ndarray,
) -> Calibration:
    """Per head, the temperature and default-label offset that minimise out-of-fold log-loss.

    Out-of-fold decision scores come from grouped folds (no article or
    written piece on both sides), so the calibration reflects statements of
    unseen articles; the ``unsure`` thresholds are read from the same
    calibrated predictions of the ``real`` statements (articles and pages)
    only. With fewer than three real articles to hold out there is nothing
    to fit.
    """
    if len(ArticleFolds().articles([g for g, is_real in zip(groups, real) if is_real])) < 3:
        return Calibration()
    out_of_fold, rows = _out_of_fold_scores(settings, classifier, texts, targets, groups, pages)
    temperatures, offsets, unsure_below = {}, {}, {}
    for head, (decision, gold) in out_of_fold.items():
        temperatures[head], offset, calibrated = _calibrate_head(head, decision, gold)
        if offset is not None:
            offsets[head] = offset
        if head in UNSURE_HEADS:
            probabilities = calibration_probabilities(calibrated)[real[rows]]
            correct = probabilities.argmax(axis=1) == gold[real[rows]]
            unsure_below[head] = sure_threshold(probabilities.max(axis=1), correct)
    return Calibration(temperatures, offsets, unsure_below)


def _calibrate_head(head: str, decision: np.ndarray, gold: np.ndarray) -> tuple[float, float | None, np.ndarray]:
    """A head's temperature, its default label's offset (None for a head without one), and the calibrated scores."""
    temperature = fit_temperature(decision, gold)
    calibrated = decision / temperature
    if head not in DEFAULT_LABELS:
        return temperature, None, calibrated
    column = HEADS[head].index(DEFAULT_LABELS[head])
    offset = fit_default_offset(calibrated, gold, column)
    calibrated[:, column] += offset
    return temperature, offset, calibrated


def _out_of_fold_scores(
    settings: dict[str, Any],
    classifier: Any,
    texts: list[str],
    targets: np.ndarray,
    groups: list[str],
    pages: np.ndarray,
) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]], np.ndarray]:
    """Per head, uncalibrated decision scores of every held-out statement (codebook label columns) and gold columns.

    Also the index of the statement behind each row. A fold whose training
    side lacks a label of some head is skipped.
    """
    scores: dict[str, list[np.ndarray]] = {head: [] for head in HEADS}
    truth: dict[str, list[np.ndarray]] = {head: [] for head in HEADS}
    rows: list[np.ndarray] = []
    for train_idx, test_idx in ArticleFolds(_CALIBRATION_FOLDS).split(texts, groups=groups):
        fold_targets = targets[train_idx]
        if any(len(set(fold_targets[:, c])) < 2 for c in range(len(HEADS))):
            continue
        rows.append(test_idx)
        fold = build_pipeline(classifier=classifier, **settings).fit(
            [texts[i] for i in train_idx], fold_targets, pages=pages[train_idx]
        )
        features = fold[:-1].transform([texts[i] for i in test_idx])
        for column, (head, estimator) in enumerate(zip(HEADS, fold.named_steps["heads"].estimators_)):
            scores[head].append(_codebook_decision(head, estimator, features))
            truth[head].append(np.array([HEADS[head].index(v) for v in targets[test_idx, column]]))
    scored = {head: (np.vstack(scores[head]), np.concatenate(truth[head])) for head in HEADS if scores[head]}
    return scored, np.concatenate(rows) if rows else np.array([], dtype=int)


def _codebook_decision(head: str, estimator: Any, features: Any) -> np.ndarray:
    """A head's decision scores with one column per codebook label (-1e9 for labels it never saw)."""
    decision = estimator.decision_function(features)
    if decision.ndim == 1:
        decision = np.column_stack([-decision / 2, decision / 2])
    full = np.full((decision.shape[0], len(HEADS[head])), -1e9)
    for j, label in enumerate(estimator.classes_):
        full[:, HEADS[head].index(label)] = decision[:, j]
    return full


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
        write_model(
            target, scorer_of(bundle.pipeline, bundle.heads), bundle.card.replace(format_version=FORMAT_VERSION)
        )
    return target


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
