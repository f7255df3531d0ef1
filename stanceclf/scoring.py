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
from typing import Mapping, NamedTuple, Sequence

import numpy as np
import scipy.sparse as sp

from . import features as _features
from . import ngrams as _ngrams
from .ngrams import NgramTable, Rows, csr_product

__all__ = ["Scorer", "Scored", "Blocks"]

# The one softmax over every head adds each head's exponentials in one row padded to the widest head;
# numpy adds fewer than 8 values one by one in order (as it does a head's own row), 8 or more pairwise.
_FUSED_WIDTH = 7


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


class Blocks(NamedTuple):
    """A few statements scored with their two feature blocks kept apart (:meth:`Scorer.score_blocks`).

    Attributes
    ----------
    words, cues : Rows
        The word block's rows and the cue block's (columns counted from 0
        within the block, values not yet weighted by
        :attr:`Scorer.cue_weight`).
    probabilities : numpy.ndarray
        Shape ``(n_statements, n_labels)``: every head's probabilities side
        by side, heads in :attr:`Scorer.heads` order, each head's labels in
        :attr:`Scorer.labels` order.
    winners, best : numpy.ndarray
        Shape ``(n_statements, n_heads)``: per head, the winning label's
        index in the head's labels (the first largest probability, as
        ``argmax`` picks) and its probability.
    word_counts : list of int
        Distinct words per statement after normalisation (for coverage).
    """

    words: Rows
    cues: Rows
    probabilities: np.ndarray
    winners: np.ndarray
    best: np.ndarray
    word_counts: list[int]


class JoinedRows:
    """Two blocks' rows joined into one row per statement (word columns, then cue columns), when first read.

    What :meth:`Scorer.feature_rows` gives, with its ``indptr``,
    ``indices`` and ``data``; only evidence reads them, so a call that
    reads none never joins.
    """

    __slots__ = ("_scorer", "_blocks", "_rows")

    def __init__(self, scorer: Scorer, words: Rows, cues: Rows) -> None:
        self._scorer, self._blocks, self._rows = scorer, (words, cues), None

    def _joined(self) -> Rows:
        if self._rows is None:
            self._rows = self._scorer._joined(*self._blocks)
            self._blocks = None
        return self._rows

    @property
    def indptr(self) -> np.ndarray:
        """Row bounds."""
        return self._joined().indptr

    @property
    def indices(self) -> np.ndarray:
        """Columns."""
        return self._joined().indices

    @property
    def data(self) -> np.ndarray:
        """Values."""
        return self._joined().data


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

    @functools.cached_property
    def _padded(self) -> tuple[int, int, np.ndarray] | None:
        """The one softmax's layout: heads, the widest head, and where each column goes in the padded rows.

        None when a head has two labels (one column: the logistic) or more
        than :data:`_FUSED_WIDTH`: those take the softmax head by head.
        """
        spans = list(self._head_columns.values())
        widths = [span.stop - span.start for span in spans]
        if min(widths) < 3 or max(widths) > _FUSED_WIDTH:
            return None
        width = max(widths)
        at = np.concatenate([head * width + np.arange(span.stop - span.start) for head, span in enumerate(spans)])
        return len(spans), width, at

    @functools.cached_property
    def _direct(self) -> bool:
        """Whether :meth:`score_blocks` can multiply the two blocks straight into one output (same types)."""
        return self.coef.flags.c_contiguous and self.coef.dtype == self.intercept.dtype == np.dtype(
            self.words.dtype
        ) == np.dtype(self.cues.dtype)

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

    def score_blocks(self, texts: Sequence[str]) -> Blocks:
        """:meth:`score_rows` for a few statements: the same probabilities, in fewer steps.

        The two blocks are not joined (the product adds a row's cue entries
        after its word entries, the joined row's order: the same bits), and
        every head's softmax is one pass over one array.
        """
        normalised, word_counts = _features.normalise_counted(texts)
        split = getattr(normalised, "tokens", None)
        if split is None:  # a normaliser without tokens (patched in by a test or an ablation)
            split = list(map(str.split, normalised))
        cue_tokens = getattr(normalised, "cue_tokens", None)
        words = self.words.rows_of_tokens(split)
        if cue_tokens is not None and self.cues.prefix == _features.CUE_PREFIX:
            cues = self.cues.rows_of_prefixed(cue_tokens)
        else:
            cues = self.cues.rows_of_tokens(split)
        if self._direct and _ngrams.csr_matvecs is not None:  # scipy's loop, called twice into one output
            decision = np.zeros((len(split), self.coef.shape[1]), dtype=self.coef.dtype)
            cue_data = cues.data * np.float32(self.cue_weight) if self.cue_weight != 1 else cues.data
            for rows, weights in ((words, self.coef), (cues, self.coef[self.words.n_columns :])):
                _ngrams.csr_matvecs(
                    len(split),
                    weights.shape[0],
                    weights.shape[1],
                    rows.indptr.astype(np.int32),
                    rows.indices,
                    rows.data if rows is words else cue_data,
                    weights.ravel(),
                    decision.ravel(),
                )
            decision += self.intercept
        else:
            rows = self._joined(words, cues)
            decision = csr_product(rows.indptr, rows.indices, rows.data, self.coef) + self.intercept
        if self._padded is None:
            heads = [self._softmax(decision[:, columns]) for columns in self._head_columns.values()]
            winners = np.stack([probabilities.argmax(axis=1) for probabilities in heads], axis=1)
            best = np.stack([probabilities.max(axis=1) for probabilities in heads], axis=1)
            return Blocks(words, cues, np.hstack(heads), winners, best, word_counts)
        # A padding probability is 0 and comes after its head's labels: never the first largest.
        scores = self._padded_softmax(decision)
        probabilities = scores.reshape(len(decision), scores.shape[1] * scores.shape[2])[:, self._padded[2]]
        return Blocks(words, cues, probabilities, scores.argmax(axis=2), scores.max(axis=2), word_counts)

    def _padded_softmax(self, decision: np.ndarray) -> np.ndarray:
        """Every head's softmax at once, shape ``(n_rows, n_heads, widest head)`` (padding: probability 0)."""
        # Each head's columns padded to the widest head with -inf (whose exponential is 0, and adding 0 to
        # a positive sum changes nothing): max, exp and sum then run over every head at once, each value
        # computed as in the head-by-head softmax.
        n_heads, width, at = self._padded
        padded = np.full((len(decision), n_heads * width), -np.inf, dtype=decision.dtype)
        padded[:, at] = decision
        scores = padded.reshape(len(decision), n_heads, width)
        scores -= scores.max(axis=2, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=2, keepdims=True)
        return scores

    @staticmethod
    def _softmax(scores: np.ndarray) -> np.ndarray:
        """One head's probabilities from its decision columns, as scikit-learn computes them."""
        if scores.shape[1] == 1:  # two labels: the logistic of the one score, as scikit-learn
            from scipy.special import expit  # rare (only small custom models), so imported here

            positive = expit(scores[:, 0])
            return np.vstack([1 - positive, positive]).T
        scores = scores - scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        return scores / scores.sum(axis=1, keepdims=True)

    def probabilities(self, features: sp.csr_matrix | Rows) -> dict[str, np.ndarray]:
        """Per head, label probabilities of feature rows (columns in :attr:`labels` order)."""
        # scipy's own loop on the arrays (the operator's bits), without the constructor's checks and the
        # operator's dispatch, which cost more than an article's product.
        decision = csr_product(features.indptr, features.indices, features.data, self.coef) + self.intercept
        # Head by head: for a batch of thousands the one padded softmax measured slower (0.45 against 0.39 µs a
        # statement); it pays for a few statements (score_blocks).
        return {head: self._softmax(decision[:, columns]) for head, columns in self._head_columns.items()}

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
