"""Features -> probabilities: the fitted model as arrays, scored directly.

A :class:`Scorer` is everything a fitted pipeline needs to label
statements, as plain arrays: the two vectoriser tables (TF-IDF word
n-grams and the binary codebook-cue block), and the logistic-regression
heads stacked into one weight matrix with their calibration temperatures
already folded in. Scoring a batch is one normalisation pass, two table
look-ups, one sparse-dense product and a softmax per head: no scikit-learn
input checks or dispatch per call, which had cost more than the work itself
for a single sentence (docs/performance.md).

The arithmetic follows scikit-learn's ``FeatureUnion`` and
``LogisticRegression.predict_proba`` step for step, in the same float
types, so the probabilities are those of the fitted pipeline; a test checks
it on every training run's model.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import scipy.sparse as sp

from . import features as _features
from .ngrams import NgramTable, Rows, csr_product

__all__ = ["Scorer", "Scored"]


@dataclass(frozen=True, eq=False)
class Scored:
    """A batch of statements as numbers.

    Attributes
    ----------
    features : scipy.sparse.csr_matrix or Rows
        One row per statement: the word block, then the cue block (its
        three CSR arrays from :meth:`Scorer.score_rows`).
    probabilities : dict of str to numpy.ndarray
        Per head, shape ``(n_statements, n_labels)`` in the head's label
        order (:attr:`Scorer.labels`).
    word_counts : numpy.ndarray
        Distinct words per statement after normalisation (for coverage).
    """

    features: sp.csr_matrix | Rows
    probabilities: dict[str, np.ndarray]
    word_counts: np.ndarray


@dataclass(frozen=True, eq=False)
class Scorer:
    """A fitted stanceclf model as arrays.

    Attributes
    ----------
    words, cues : NgramTable
        The word n-gram block and the cue indicator block.
    cue_weight : float
        The cue block's weight in the feature union.
    heads : tuple of str
        Head names in output order.
    labels : dict of str to tuple of str
        Per head, its labels in column order (sorted, as scikit-learn's
        ``classes_``).
    coef : numpy.ndarray
        Shape ``(n_features, n_columns)``: every head's coefficients side by
        side, one column per label (a two-label head has one column, as in
        scikit-learn).
    intercept : numpy.ndarray
        Shape ``(n_columns,)``.
    """

    words: NgramTable
    cues: NgramTable
    cue_weight: float
    heads: tuple[str, ...]
    labels: dict[str, tuple[str, ...]]
    coef: np.ndarray
    intercept: np.ndarray

    def __post_init__(self) -> None:
        expected = (self.words.n_columns + self.cues.n_columns, sum(map(_columns_of, self.labels.values())))
        if self.coef.shape != expected or self.intercept.shape != expected[1:]:
            raise ValueError(
                f"head weights of shape {self.coef.shape} / {self.intercept.shape} do not fit "
                f"{expected[0]} features and {expected[1]} label columns"
            )

    @functools.cached_property
    def _head_columns(self) -> dict[str, slice]:
        """:meth:`head_columns`, worked out once (every scoring call reads it)."""
        return self.head_columns()

    @property
    def n_features(self) -> int:
        """Number of feature columns (words, then cues)."""
        return self.words.n_columns + self.cues.n_columns

    def head_columns(self) -> dict[str, slice]:
        """Per head, its columns in :attr:`coef`."""
        columns, start = {}, 0
        for head in self.heads:
            width = _columns_of(self.labels[head])
            columns[head] = slice(start, start + width)
            start += width
        return columns

    def features(self, normalised: Sequence[str]) -> sp.csr_matrix:
        """Feature rows of normalised statements: what the pipeline's ``features`` step gives, to the bit."""
        return _csr(self.feature_rows(normalised), self.n_features)

    def feature_rows(self, normalised: Sequence[str]) -> Rows:
        """:meth:`features` as its three CSR arrays (no scipy constructor: it costs more than one sentence)."""
        return self._joined(self.words.rows(normalised), self.cues.rows(normalised))

    def feature_rows_of_tokens(
        self, split: Sequence[list[str]], cue_tokens: Sequence[Sequence[str]] | None = None
    ) -> Rows:
        """:meth:`feature_rows` of statements as their token lists (:attr:`stanceclf.features.Normalised.tokens`).

        ``cue_tokens``, when given, are each statement's tokens that start
        with :data:`stanceclf.features.CUE_PREFIX`
        (:attr:`~stanceclf.features.Normalised.cue_tokens`): the cue block
        counts them without picking them out of every statement's words.
        """
        if cue_tokens is not None and self.cues.prefix == _features.CUE_PREFIX:
            cues = self.cues.rows_of_prefixed(cue_tokens)
        else:
            cues = self.cues.rows_of_tokens(split)
        return self._joined(self.words.rows_of_tokens(split), cues)

    def _joined(self, words: Rows, cues: Rows) -> Rows:
        # A row is its word entries, then its cue entries (their columns
        # come after every word column), as scipy's hstack lays them out.
        word_lengths = words.indptr[1:] - words.indptr[:-1]
        cue_lengths = cues.indptr[1:] - cues.indptr[:-1]
        indptr = words.indptr + cues.indptr
        word_at = np.arange(len(words.data)) + np.repeat(cues.indptr[:-1], word_lengths)
        cue_at = np.arange(len(cues.data)) + np.repeat(words.indptr[1:], cue_lengths)
        indices = np.empty(indptr[-1], dtype=np.int32)
        data = np.empty(indptr[-1], dtype=words.data.dtype)
        indices[word_at], data[word_at] = words.indices, words.data
        indices[cue_at] = cues.indices + self.words.n_columns
        data[cue_at] = cues.data * np.float32(self.cue_weight) if self.cue_weight != 1 else cues.data
        return Rows(indptr, indices, data)

    def score(self, texts: Sequence[str]) -> Scored:
        """Normalise, vectorise and score a batch of statements.

        Parameters
        ----------
        texts : sequence of str
            The statements.

        Returns
        -------
        Scored
        """
        scored = self.score_rows(texts)
        return Scored(_csr(scored.features, self.n_features), scored.probabilities, scored.word_counts)

    def score_rows(self, texts: Sequence[str]) -> Scored:
        """:meth:`score` with the features as their three CSR arrays (:class:`~stanceclf.ngrams.Rows`)."""
        # Looked up at call time, as the pipeline's normalise step does: one path for both.
        normalised, word_counts = _features.normalise_counted(texts)
        split = getattr(normalised, "tokens", None)
        if split is None:
            rows = self.feature_rows(normalised)
        else:
            rows = self.feature_rows_of_tokens(split, getattr(normalised, "cue_tokens", None))
        return Scored(rows, self.probabilities(rows), np.asarray(word_counts, dtype=np.float64))

    def probabilities(self, features: sp.csr_matrix | Rows) -> dict[str, np.ndarray]:
        """Per head, label probabilities of feature rows (columns in :attr:`labels` order)."""
        # scipy's own loop on the arrays (the operator's bits), without the constructor's checks and the
        # operator's dispatch, which cost more than an article's product.
        decision = csr_product(features.indptr, features.indices, features.data, self.coef) + self.intercept
        probabilities = {}
        for head, columns in self._head_columns.items():
            scores = decision[:, columns]
            if scores.shape[1] == 1:  # two labels: the logistic of the one score, as scikit-learn
                from scipy.special import expit  # rare (only small custom models), so imported here

                positive = expit(scores[:, 0])
                probabilities[head] = np.vstack([1 - positive, positive]).T
            else:
                scores = scores - scores.max(axis=1, keepdims=True)
                np.exp(scores, out=scores)
                probabilities[head] = scores / scores.sum(axis=1, keepdims=True)
        return probabilities

    def relative_coef(self, head: str) -> np.ndarray:
        """A head's coefficients as ``(n_labels, n_features)``, relative to their mean over labels.

        A feature's value times its entry says how much it favours one label
        over the others (what :class:`~stanceclf.predict.Evidence` reports).
        """
        coef = self.coef[:, self.head_columns()[head]].T
        if coef.shape[0] == 1:  # two labels: one row for the second label
            coef = np.vstack([-coef, coef]) / 2
        return (coef - coef.mean(axis=0, keepdims=True)).astype(np.float32)

    def feature_names(self) -> np.ndarray:
        """Feature names in column order; the cue block's prefixed ``cue:`` (``cue:#deleg``)."""
        cue_names = np.array([f"cue:{name}" for name in self.cues.feature_names()], dtype=object)
        return np.concatenate([self.words.feature_names(), cue_names])

    def word_columns(self) -> np.ndarray:
        """A mask over the features: single known words (not n-grams, not cue tokens)."""
        mask = np.zeros(self.n_features, dtype=bool)
        known = np.flatnonzero(self.words.unigram_columns >= 0)
        plain = [token_id for token_id in known if not self.words.tokens[token_id - 1].startswith("#")]
        mask[self.words.unigram_columns[plain]] = True
        return mask

    @classmethod
    def from_heads(
        cls,
        *,
        words: NgramTable,
        cues: NgramTable,
        cue_weight: float,
        heads: Mapping[str, tuple[Sequence[str], np.ndarray, np.ndarray]],
    ) -> "Scorer":
        """Stack per-head ``(labels, coef_, intercept_)`` as scikit-learn holds them."""
        return cls(
            words=words,
            cues=cues,
            cue_weight=float(cue_weight),
            heads=tuple(heads),
            labels={head: tuple(str(label) for label in labels) for head, (labels, _, _) in heads.items()},
            coef=np.hstack([np.asarray(coef).T for _, coef, _ in heads.values()]),
            intercept=np.concatenate([np.asarray(intercept) for _, _, intercept in heads.values()]),
        )


def _csr(rows: Rows, n_columns: int) -> sp.csr_matrix:
    return sp.csr_matrix((rows.data, rows.indices, rows.indptr), shape=(len(rows.indptr) - 1, n_columns))


def _columns_of(labels: Sequence[str]) -> int:
    return 1 if len(labels) == 2 else len(labels)
