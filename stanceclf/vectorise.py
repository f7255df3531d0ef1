"""Training side of the vectoriser: the scikit-learn estimator around :class:`~stanceclf.ngrams.NgramTable`.

:class:`TokenNgrams` learns its vocabulary and IDF weights with
scikit-learn's own ``TfidfVectorizer`` and then transforms through the
:class:`~stanceclf.ngrams.NgramTable` it builds, which returns the very
matrix that ``TfidfVectorizer.transform`` would, computed in batch (tests
check the equality). A loaded model keeps only the table, so classifying
needs no scikit-learn.

The input is what :func:`stanceclf.features.normalise` makes: tokens
separated by whitespace, nothing left to lower-case or strip.
"""

from __future__ import annotations

import functools
from typing import Iterable

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from .ngrams import NgramTable

__all__ = ["TokenNgrams"]


def _tokens(document: str, prefix: str) -> list[str]:
    """A document's whitespace-separated tokens that start with ``prefix``."""
    tokens = document.split()
    return [token for token in tokens if token.startswith(prefix)] if prefix else tokens


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
    table_ : NgramTable
        The fitted vocabulary as arrays: what transforms, and what a saved
        model keeps.

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
        if self.norm not in ("l2", "l1", None):
            raise ValueError(f"TokenNgrams norm must be 'l2', 'l1' or None, got {self.norm!r}")
        reference = self._reference().fit(_documents(documents))
        self.vocabulary_ = reference.vocabulary_
        self.idf_ = reference.idf_ if self.use_idf else None
        self.table_ = self._table()
        return self

    def _table(self) -> NgramTable:
        return NgramTable.from_vocabulary(
            self.vocabulary_,
            idf=self.idf_,
            ngram_max=self.ngram_max,
            sublinear_tf=self.sublinear_tf,
            binary=self.binary,
            norm=self.norm,
            prefix=self.prefix,
            dtype=self.dtype,
        )

    def __setstate__(self, state: dict) -> None:
        # Pickles of format 2 (read with trust=True) kept the tables as
        # separate attributes; rebuild the table from their vocabulary.
        super().__setstate__(state)
        if "vocabulary_" in state and "table_" not in state:
            for stale in ("token_ids_", "key_base_", "unigram_columns_", "ngram_keys_", "ngram_columns_"):
                self.__dict__.pop(stale, None)
            self.table_ = self._table()

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
        check_is_fitted(self, "table_")
        return self.table_.transform(_documents(documents))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """The n-grams, in column order (the table's names: what a saved model explains with)."""
        check_is_fitted(self, "table_")
        return self.table_.feature_names()


def _documents(documents: Iterable[str]) -> Iterable[str]:
    # Same guard as scikit-learn: a lone string would be read letter by letter.
    if isinstance(documents, str):
        raise ValueError("Iterable over raw text documents expected, string object received.")
    return documents
