"""Calibration as scikit-learn pieces: grouped folds and a temperature-scaled linear head.

Both the calibration of a fitted model (:func:`stanceclf.model.fit_bundle`)
and leave-one-article-out cross-validation
(:func:`stanceclf.evaluate.cross_validate`) split statements with
:class:`ArticleFolds`, so that no article is on both sides of a fold.

:class:`TemperatureScaled` wraps any linear classifier with
``decision_function``, ``coef_`` and ``intercept_`` (``LogisticRegression``,
``LinearSVC``, ``SGDClassifier``, ``RidgeClassifier``): it divides the
decision scores by a temperature and adds a log-odds offset to the head's
default label, without touching the wrapped classifier's weights, and gives
probabilities as the softmax of the calibrated scores (the logistic for two
labels), which is how the saved model scores (:mod:`stanceclf.scoring`).
"""

from __future__ import annotations

from typing import Any, Iterator, Sequence

import numpy as np
from scipy.special import expit, ndtri
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.utils.extmath import safe_sparse_dot, softmax
from sklearn.utils.validation import check_array, check_is_fitted

from .errors import InputTypeError, InvalidInputError

__all__ = [
    "ArticleFolds",
    "TemperatureScaled",
    "Heads",
    "fit_temperature",
    "fit_default_offset",
    "sure_threshold",
    "SURE_ACCURACY",
    "SURE_LEVEL",
    "wilson_lower",
]

#: Temperatures tried, and log-odds offsets of the default label tried (out-of-fold log-loss picks one of each).
TEMPERATURES = np.round(np.arange(0.2, 3.01, 0.05), 2)
OFFSETS = np.round(np.arange(0.0, 3.01, 0.25), 2)
#: How often a sure prediction should be right on articles the model never saw.
SURE_ACCURACY = 0.8
#: Confidence that the sure predictions' accuracy reaches :data:`SURE_ACCURACY` (a one-sided Wilson bound).
SURE_LEVEL = 0.9
_THRESHOLDS = np.round(np.arange(0.3, 0.951, 0.05), 2)


class ArticleFolds:
    """Folds grouped by article, with statements that are never held out.

    Articles are sorted by id and fold ``k`` holds out every ``n_splits``-th
    of them, starting at the ``k``-th: deterministic and grouped. A statement
    whose group is None (a written example) is in every fold's training side.

    Parameters
    ----------
    n_splits : int or None, default None
        Number of folds, at most the number of articles; None: one fold per
        article (leave-one-article-out).

    Examples
    --------
    >>> folds = ArticleFolds(2)
    >>> [(tr.tolist(), te.tolist()) for tr, te in folds.split(None, None, ["b", "a", None, "c"])]
    [([0, 2], [1, 3]), ([1, 2, 3], [0])]
    """

    def __init__(self, n_splits: int | None = None) -> None:
        self.n_splits = n_splits

    def articles(self, groups: Sequence[str | None]) -> list[str]:
        """The articles that can be held out, sorted."""
        return sorted({g for g in groups if g is not None})

    def get_n_splits(self, X: Any = None, y: Any = None, groups: Sequence[str | None] | None = None) -> int:
        """Number of folds for these groups."""
        articles = self.articles(groups or [])
        return len(articles) if self.n_splits is None else min(self.n_splits, len(articles))

    def split(
        self, X: Any, y: Any = None, groups: Sequence[str | None] | None = None
    ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Yield ``(train_indices, test_indices)`` per fold, each in input order."""
        if groups is None:
            raise InvalidInputError("ArticleFolds.split needs groups (the article of each statement)")
        n_folds = self.get_n_splits(groups=groups)
        fold_of = {article: index % n_folds for index, article in enumerate(self.articles(groups))}
        folds = np.array([-1 if g is None else fold_of[g] for g in groups])
        for fold in range(n_folds):
            yield np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)


class TemperatureScaled(ClassifierMixin, BaseEstimator):
    """A linear classifier whose scores are divided by a temperature, its default label raised by an offset.

    Parameters
    ----------
    classifier : estimator, optional
        A linear classifier with ``decision_function``, ``coef_`` and
        ``intercept_`` after fitting; cloned when fitted. None: a
        ``LogisticRegression`` with scikit-learn's defaults.
    temperature : float, default 1.0
        Divides the decision scores (greater than 1: less sure).
    default_label : str or None, default None
        The label raised by ``default_offset`` (``"neutral"``).
    default_offset : float, default 0.0
        Log-odds added to ``default_label``'s score after scaling, when the
        head has more than two labels and that label among them.

    Attributes
    ----------
    classifier_ : estimator
        The fitted classifier, weights untouched.
    classes_ : numpy.ndarray
        Its labels.
    temperature_ : float
    default_offset_ : float
        The offset applied (0.0 when it does not apply).
    coef_, intercept_ : numpy.ndarray
        The calibrated weights: what :meth:`decision_function` applies and
        the saved model stores.
    """

    def __init__(
        self,
        classifier: Any = None,
        *,
        temperature: float = 1.0,
        default_label: str | None = None,
        default_offset: float = 0.0,
    ) -> None:
        self.classifier = classifier
        self.temperature = temperature
        self.default_label = default_label
        self.default_offset = default_offset

    def fit(self, X: Any, y: Any, sample_weight: Any = None) -> "TemperatureScaled":
        """Fit the wrapped classifier (with a weight per row, when given) and record the calibration."""
        if self.classifier is None:
            from sklearn.linear_model import LogisticRegression

            base = LogisticRegression()
        else:
            base = clone(self.classifier)
        if not hasattr(base, "decision_function"):
            raise InputTypeError(f"{type(base).__name__} has no decision_function: not a linear classifier")
        self.classifier_ = base.fit(X, y) if sample_weight is None else base.fit(X, y, sample_weight=sample_weight)
        if not (hasattr(self.classifier_, "coef_") and hasattr(self.classifier_, "intercept_")):
            raise InputTypeError(f"{type(base).__name__} has no coef_ and intercept_ after fitting: not a linear model")
        self.classes_ = self.classifier_.classes_
        self.temperature_ = float(self.temperature)
        classes = list(self.classes_)
        applies = self.default_offset and len(classes) > 2 and self.default_label in classes
        self.default_offset_ = float(self.default_offset) if applies else 0.0
        return self

    @property
    def coef_(self) -> np.ndarray:
        check_is_fitted(self, "classifier_")
        return self.classifier_.coef_ / self.temperature_

    @property
    def intercept_(self) -> np.ndarray:
        check_is_fitted(self, "classifier_")
        intercept = np.atleast_1d(self.classifier_.intercept_ / self.temperature_)
        if self.default_offset_:
            intercept = intercept.copy()
            intercept[list(self.classes_).index(self.default_label)] += np.float32(self.default_offset_)
        return intercept

    def decision_function(self, X: Any) -> np.ndarray:
        """Calibrated scores: shape ``(n, n_classes)``, or ``(n,)`` for two labels."""
        # As scikit-learn's linear models score: CSR rows, the same dot product, in the same float type.
        X = check_array(X, accept_sparse="csr")
        scores = safe_sparse_dot(X, self.coef_.T, dense_output=True) + self.intercept_
        return scores.reshape(-1) if scores.ndim > 1 and scores.shape[1] == 1 else scores

    def predict_proba(self, X: Any) -> np.ndarray:
        """Softmax of the calibrated scores (the logistic for two labels), columns in ``classes_`` order."""
        scores = self.decision_function(X)
        if scores.ndim == 1:
            positive = expit(scores)
            return np.vstack([1 - positive, positive]).T
        return softmax(scores, copy=False)

    def predict(self, X: Any) -> np.ndarray:
        """The label of the highest calibrated score."""
        scores = self.decision_function(X)
        winners = (scores > 0).astype(int) if scores.ndim == 1 else scores.argmax(axis=1)
        return self.classes_[winners]


class Heads(BaseEstimator):
    """One classifier per target column, each with its own parameters.

    Like ``MultiOutputClassifier``, but each head is given its own estimator
    (its own temperature and default label).

    Parameters
    ----------
    estimators : list of (str, estimator)
        Head name and its unfitted estimator, in target column order.

    Attributes
    ----------
    estimators_ : list of estimator
        The fitted estimators, in column order.
    """

    def __init__(self, estimators: list[tuple[str, Any]]) -> None:
        self.estimators = estimators

    def fit(self, X: Any, Y: Any) -> "Heads":
        """Fit each head on its target column."""
        Y = np.asarray(Y, dtype=object)
        if Y.ndim != 2 or Y.shape[1] != len(self.estimators):
            raise InvalidInputError(f"expected {len(self.estimators)} target columns, got shape {Y.shape}")
        self.estimators_ = [clone(estimator).fit(X, Y[:, i]) for i, (_, estimator) in enumerate(self.estimators)]
        return self

    def predict(self, X: Any) -> np.ndarray:
        """Labels per head, shape ``(n, n_heads)``."""
        return np.column_stack([estimator.predict(X) for estimator in self.estimators_])

    def predict_proba(self, X: Any) -> list[np.ndarray]:
        """Probabilities per head, in column order."""
        return [estimator.predict_proba(X) for estimator in self.estimators_]


def _log_softmax(decision: np.ndarray) -> np.ndarray:
    shifted = decision - decision.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def log_loss(decision: np.ndarray, gold: np.ndarray) -> float:
    """Mean negative log-probability of the gold columns under the softmax of ``decision``."""
    return float(-_log_softmax(decision)[np.arange(len(gold)), gold].mean())


def probabilities(decision: np.ndarray) -> np.ndarray:
    """Softmax of decision scores, row by row."""
    return np.exp(_log_softmax(decision))


def fit_temperature(decision: np.ndarray, gold: np.ndarray) -> float:
    """The temperature of :data:`TEMPERATURES` that minimises the log-loss of ``decision / t``.

    Parameters
    ----------
    decision : numpy.ndarray
        Out-of-fold decision scores, ``(n, n_labels)``.
    gold : numpy.ndarray
        The gold column of each row.

    Returns
    -------
    float
    """
    losses = [log_loss(decision / t, gold) for t in TEMPERATURES]
    return float(TEMPERATURES[int(np.argmin(losses))])


def fit_default_offset(decision: np.ndarray, gold: np.ndarray, column: int) -> float:
    """The log-odds of :data:`OFFSETS` added to the default label that minimises out-of-fold log-loss.

    Balanced class weights train each head as if every label were equally
    common; on real articles most statements take no stance and carry no
    frame, so the default label is under-predicted (measured in
    docs/model.md). Restoring its prior on held-out articles is a prior
    shift, fitted like the temperature.
    """
    losses = []
    for offset in OFFSETS:
        shifted = decision.copy()
        shifted[:, column] += offset
        losses.append(log_loss(shifted, gold))
    return float(OFFSETS[int(np.argmin(losses))])


def wilson_lower(successes: int, trials: int, level: float = SURE_LEVEL) -> float:
    """One-sided lower confidence bound of a proportion (Wilson's score interval).

    Parameters
    ----------
    successes, trials : int
        Right predictions and predictions.
    level : float, default :data:`SURE_LEVEL`
        Confidence of the bound: the true proportion is above it with this probability.

    Returns
    -------
    float
        0.0 when there are no trials.

    Examples
    --------
    >>> round(wilson_lower(45, 50), 3)
    0.832
    """
    if trials <= 0:
        return 0.0
    z = float(ndtri(level))
    share = successes / trials
    centre = share + z * z / (2 * trials)
    spread = z * np.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials))
    return float((centre - spread) / (1 + z * z / trials))


def sure_threshold(confidence: np.ndarray, correct: np.ndarray) -> float:
    """The lowest probability whose sure predictions are right :data:`SURE_ACCURACY` of the time, with confidence.

    Read from out-of-fold predictions of the real articles' statements only
    (written examples are never held out, and are far easier), so ``unsure``
    means the same on articles the model never saw. A threshold qualifies
    when the one-sided :data:`SURE_LEVEL` Wilson lower bound of the accuracy
    of the predictions at or above it reaches :data:`SURE_ACCURACY`: the
    observed accuracy of the lowest threshold that just reaches the target
    is the best of many noisy estimates, and a few hundred statements make
    it optimistic (measured in docs/model.md). The highest threshold tried
    when none qualifies.

    Parameters
    ----------
    confidence : numpy.ndarray
        Each prediction's winning-label probability.
    correct : numpy.ndarray of bool
        Whether it was right.

    Returns
    -------
    float
    """
    confidence, correct = np.asarray(confidence), np.asarray(correct, dtype=bool)
    for threshold in _THRESHOLDS:
        sure = confidence >= threshold
        if wilson_lower(int(correct[sure].sum()), int(sure.sum())) >= SURE_ACCURACY:
            return float(threshold)
    return float(_THRESHOLDS[-1])
