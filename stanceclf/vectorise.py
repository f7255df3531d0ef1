"""Normalised statements -> sparse feature rows: TF-IDF of token n-grams.

:class:`TokenNgrams` is the pipeline's vectoriser. It learns its vocabulary
and IDF weights with scikit-learn's own ``TfidfVectorizer`` and returns the
very matrix that ``TfidfVectorizer.transform`` would, but computes it in
batch: every token of the batch is looked up once, and n-grams are found by
integer arithmetic on token ids in numpy instead of building one Python
string per n-gram. On the project's statements that is about two and a half
times faster than scikit-learn's per-document loop, which had been a third
of the cost of classifying (docs/performance.md). Tests check the equality.

The input is what :func:`stanceclf.features.normalise` makes: tokens
separated by whitespace, nothing left to lower-case or strip.
"""

from __future__ import annotations

import functools
import re
from itertools import chain, repeat
from typing import Iterable

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

__all__ = ["TokenNgrams"]

# Token ids start at 1 so that an n-gram's key, id_1 * base**(n-1) + ...,
# never equals a shorter n-gram's: keys of n-grams fill [base**(n-1), base**n).
_UNKNOWN = 0


def _tokens(document: str, prefix: str) -> list[str]:
    """A document's whitespace-separated tokens that start with ``prefix``."""
    tokens = document.split()
    return [token for token in tokens if token.startswith(prefix)] if prefix else tokens


@functools.lru_cache(maxsize=None)
def _prefixed_tokens(prefix: str) -> re.Pattern[str]:
    """A pattern whose ``findall`` gives what :func:`_tokens` gives for ``prefix``.

    The prefix comes first so that the scan jumps from one occurrence to the
    next; the look-behind then keeps only those that start a token.
    """
    escaped = re.escape(prefix)
    return re.compile(rf"{escaped}(?<!\S{escaped})\S*")


class TokenNgrams(TransformerMixin, BaseEstimator):
    """TF-IDF of the n-grams of whitespace-separated tokens, transformed in batch.

    Parameters
    ----------
    ngram_max : int, default 1
        Longest n-gram (n-grams of 1 to ``ngram_max`` tokens are counted).
    min_df : int, default 1
        Keep n-grams found in at least this many training statements.
    sublinear_tf : bool, default False
        Use ``1 + log(count)`` instead of the count.
    binary : bool, default False
        Count every n-gram present as 1.
    use_idf : bool, default True
        Multiply by the smoothed inverse document frequency.
    norm : {"l2", "l1", None}, default "l2"
        Scale each row to unit norm.
    prefix : str, default ""
        Count only tokens that start with this (``"#"``: the codebook cue
        tokens of :func:`stanceclf.features.normalise`). With a prefix,
        ``ngram_max`` must be 1.
    dtype : numpy dtype, default numpy.float64
        Type of the returned matrix.

    Attributes
    ----------
    vocabulary_ : dict of str to int
        N-gram to column, as in ``TfidfVectorizer``.
    idf_ : numpy.ndarray or None
        Inverse document frequency per column (``None`` without ``use_idf``).
    token_ids_ : dict of str to int
        Every token that occurs in the vocabulary, numbered from 1 (0 is an
        unknown token).
    key_base_ : int
        An n-gram of token ids ``a, b, c`` has the key
        ``(a * key_base_ + b) * key_base_ + c``.
    unigram_columns_ : numpy.ndarray
        Column of each token id as a unigram (-1: the token only occurs
        inside longer n-grams, or is unknown).
    ngram_keys_, ngram_columns_ : numpy.ndarray
        Keys of the n-grams of two tokens or more, sorted, and their columns.

    Examples
    --------
    >>> vectoriser = TokenNgrams(ngram_max=2).fit(["ruactor is ready", "uaactor is not ready"])
    >>> list(vectoriser.get_feature_names_out()[:3])
    ['is', 'is not', 'is ready']
    >>> vectoriser.transform(["ruactor is ready"]).nnz
    5
    """

    def __init__(
        self,
        *,
        ngram_max: int = 1,
        min_df: int = 1,
        sublinear_tf: bool = False,
        binary: bool = False,
        use_idf: bool = True,
        norm: str | None = "l2",
        prefix: str = "",
        dtype: type = np.float64,
    ) -> None:
        self.ngram_max = ngram_max
        self.min_df = min_df
        self.sublinear_tf = sublinear_tf
        self.binary = binary
        self.use_idf = use_idf
        self.norm = norm
        self.prefix = prefix
        self.dtype = dtype

    def _reference(self) -> TfidfVectorizer:
        """The scikit-learn vectoriser whose results this one reproduces."""
        return TfidfVectorizer(
            lowercase=False,
            tokenizer=functools.partial(_tokens, prefix=self.prefix),
            token_pattern=None,
            ngram_range=(1, self.ngram_max),
            min_df=self.min_df,
            sublinear_tf=self.sublinear_tf,
            binary=self.binary,
            use_idf=self.use_idf,
            norm=self.norm,
            dtype=self.dtype,
        )

    def fit(self, documents: Iterable[str], y: object = None) -> "TokenNgrams":
        """Learn the n-gram vocabulary and IDF weights from normalised statements."""
        if self.prefix and self.ngram_max != 1:
            raise ValueError("TokenNgrams counts only single tokens when a prefix is given (ngram_max=1)")
        reference = self._reference().fit(_documents(documents))
        self.vocabulary_ = reference.vocabulary_
        self.idf_ = reference.idf_ if self.use_idf else None
        self._build_tables()
        return self

    def _build_tables(self) -> None:
        # Every token that occurs in the vocabulary gets an id; an n-gram is
        # then a number in base (number of ids + 1), sorted for searchsorted.
        parts = {token for ngram in self.vocabulary_ for token in ngram.split(" ")}
        self.token_ids_ = {token: index for index, token in enumerate(sorted(parts), start=1)}
        self.key_base_ = len(self.token_ids_) + 1
        if self.key_base_**self.ngram_max >= np.iinfo(np.int64).max:
            raise ValueError(f"vocabulary too large for {self.ngram_max}-grams keyed in 64 bits")
        self.unigram_columns_ = np.full(self.key_base_, -1, dtype=np.int64)
        keys, columns = [], []
        for ngram, column in self.vocabulary_.items():
            ids = [self.token_ids_[token] for token in ngram.split(" ")]
            if len(ids) == 1:
                self.unigram_columns_[ids[0]] = column
            else:
                keys.append(functools.reduce(lambda key, id_: key * self.key_base_ + id_, ids))
                columns.append(column)
        order = np.argsort(keys, kind="stable")
        self.ngram_keys_ = np.asarray(keys, dtype=np.int64)[order]
        self.ngram_columns_ = np.asarray(columns, dtype=np.int64)[order]

    def transform(self, documents: Iterable[str]) -> sp.csr_matrix:
        """TF-IDF rows of normalised statements, one row per statement.

        Parameters
        ----------
        documents : iterable of str
            Normalised statements.

        Returns
        -------
        scipy.sparse.csr_matrix
            Shape ``(n_statements, n_features)``, equal to what
            ``TfidfVectorizer.transform`` returns for the same settings.
        """
        check_is_fitted(self, "vocabulary_")
        documents = _documents(documents)
        if self.prefix:
            # One regex scan finds the few prefixed tokens (the cue tokens)
            # without splitting every word of the statement.
            counts = self._counts(list(map(_prefixed_tokens(self.prefix).findall, documents)))
        else:
            counts = self._counts(list(map(str.split, documents)))
        if self.binary:
            counts.data.fill(1)
        if self.sublinear_tf:
            np.log(counts.data, counts.data)
            counts.data += 1
        if self.use_idf:
            counts.data *= self.idf_[counts.indices]
        return normalize(counts, norm=self.norm, copy=False) if self.norm else counts

    def _counts(self, split: list[list[str]]) -> sp.csr_matrix:
        """Counts of known n-grams per statement, as a canonical CSR matrix."""
        lengths = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
        tokens = list(chain.from_iterable(split))
        ids = np.fromiter(map(self.token_ids_.get, tokens, repeat(_UNKNOWN)), dtype=np.int64, count=len(tokens))
        statement_of = np.repeat(np.arange(len(split)), lengths)
        rows, columns = [statement_of], [self.unigram_columns_[ids]]
        for n in range(2, self.ngram_max + 1) if len(self.ngram_keys_) else ():
            ngram_rows, ngram_columns = self._ngram_hits(ids, statement_of, n)
            rows.append(ngram_rows)
            columns.append(ngram_columns)
        row, column = np.concatenate(rows), np.concatenate(columns)
        present = column >= 0
        counts = sp.csr_matrix(
            (np.ones(int(present.sum()), dtype=self.dtype), (row[present], column[present])),
            shape=(len(split), len(self.vocabulary_)),
            dtype=self.dtype,
        )
        counts.sum_duplicates()
        return counts

    def _ngram_hits(self, ids: np.ndarray, statement_of: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Statement and column of every known n-gram of length ``n`` in a batch's token ids."""
        starts = np.arange(max(len(ids) - n + 1, 0))
        key = ids[starts].copy()
        inside = key != _UNKNOWN
        for offset in range(1, n):
            following = ids[starts + offset]
            key = key * self.key_base_ + following
            inside &= following != _UNKNOWN
        # An n-gram must not run from one statement into the next.
        inside &= statement_of[starts] == statement_of[starts + n - 1]
        key, starts = key[inside], starts[inside]
        found = np.minimum(np.searchsorted(self.ngram_keys_, key), len(self.ngram_keys_) - 1)
        known = self.ngram_keys_[found] == key
        return statement_of[starts[known]], self.ngram_columns_[found[known]]

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """The n-grams, in column order."""
        check_is_fitted(self, "vocabulary_")
        names = np.empty(len(self.vocabulary_), dtype=object)
        for ngram, column in self.vocabulary_.items():
            names[column] = ngram
        return names


def _documents(documents: Iterable[str]) -> Iterable[str]:
    # Same guard as scikit-learn: a lone string would be read letter by letter.
    if isinstance(documents, str):
        raise ValueError("Iterable over raw text documents expected, string object received.")
    return documents
