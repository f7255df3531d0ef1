"""Normalised statements -> sparse feature rows, with numpy and scipy only.

:class:`NgramTable` holds what a fitted vectoriser learned (its n-gram
vocabulary as integer keys, the IDF weights and the settings) as plain
arrays, and turns a batch of normalised statements into the TF-IDF rows that
scikit-learn's ``TfidfVectorizer.transform`` would give for the same
settings (equal up to float32 rounding in the row norms). It is what a
loaded model scores with: classifying needs neither scikit-learn nor joblib,
and a table is saved as arrays that cannot run code when read
(:mod:`stanceclf.modelfile`). Training builds the table through
:class:`stanceclf.vectorise.TokenNgrams`, the scikit-learn estimator.

The batch trick: every token of the batch is looked up once, and n-grams are
found by integer arithmetic on token ids instead of one Python string per
n-gram (docs/performance.md has the figures).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate, chain, repeat
from typing import Iterable, Mapping, NamedTuple, Sequence

import numpy as np
import scipy.sparse as sp

try:  # scipy's C loop behind a CSR matrix times a dense one; private, so a scipy without it takes the operator
    from scipy.sparse._sparsetools import csr_matvecs
except ImportError:  # pragma: no cover - every scipy since 0.14 has it
    csr_matvecs = None

__all__ = ["NgramTable"]

# Token ids start at 1 so that an n-gram's key, id_1 * base**(n-1) + ...,
# never equals a shorter n-gram's: keys of n-grams fill [base**(n-1), base**n).
_UNKNOWN = 0
# In NgramTable._counts, the column of a token or n-gram that has none (and of the end marker): its key stays
# below 0 whatever its statement.
_NO_KEY = -(2**62)
# Batches of up to this many tokens are counted in Python (NgramTable._counts_few): below it the numpy
# block's fixed cost is more than the work (after other work, Python / numpy: 30 tokens 0.89, 40-50 about 1,
# 60 1.25, 100 1.68; docs/performance.md, round 7).
_FEW_TOKENS = 48
# Token lists remembered by NgramTable.rows_of_prefixed before it starts again (a few hundred in practice).
_MEMO_SIZE = 100_000
# Read once: np.iinfo builds an object on every call.
_UINT32_MAX = int(np.iinfo(np.uint32).max)
_INT64_MAX = int(np.iinfo(np.int64).max)


@functools.lru_cache(maxsize=None)
def _prefixed_tokens(prefix: str) -> re.Pattern[str]:
    """A pattern whose ``findall`` gives the whitespace-separated tokens that start with ``prefix``.

    The prefix comes first so that the scan jumps from one occurrence to the
    next; the look-behind then keeps only those that start a token.
    """
    escaped = re.escape(prefix)
    return re.compile(rf"{escaped}(?<!\S{escaped})\S*")


@dataclass(frozen=True, eq=False)
class NgramTable:
    """A fitted n-gram vectoriser as arrays.

    Attributes
    ----------
    tokens : tuple of str
        Every token that occurs in the vocabulary; token ``tokens[i]`` has
        the id ``i + 1`` (0 is an unknown token).
    unigram_columns : numpy.ndarray
        Column of each token id as a unigram (-1: the token only occurs
        inside longer n-grams, or is unknown).
    ngram_keys, ngram_columns : numpy.ndarray
        Keys of the n-grams of two tokens or more, sorted, and their
        columns. Tokens ``a, b, c`` have the key ``(a * base + b) * base + c``
        with ``base = len(tokens) + 1``.
    idf : numpy.ndarray or None
        Inverse document frequency per column (``None``: no IDF weighting).
    n_columns : int
        Number of columns (features).
    ngram_max : int
        Longest n-gram.
    sublinear_tf, binary : bool
        ``1 + log(count)`` instead of the count; every n-gram present as 1.
    norm : {"l2", "l1", None}
        Scale each row to unit Euclidean (or l1) norm, or not.
    prefix : str
        Count only tokens that start with this ("" for every token).
    dtype : numpy dtype
        Type of the rows returned.
    """

    tokens: tuple[str, ...]
    unigram_columns: np.ndarray
    ngram_keys: np.ndarray
    ngram_columns: np.ndarray
    idf: np.ndarray | None
    n_columns: int
    ngram_max: int = 1
    sublinear_tf: bool = False
    binary: bool = False
    norm: str | None = "l2"
    prefix: str = ""
    dtype: type = np.float32

    @classmethod
    def from_vocabulary(
        cls, vocabulary: Mapping[str, int], *, idf: np.ndarray | None = None, **settings: object
    ) -> "NgramTable":
        """Build the table of a ``TfidfVectorizer``-style vocabulary (n-gram -> column).

        Parameters
        ----------
        vocabulary : mapping of str to int
            N-grams (tokens joined by one space) to their columns.
        idf : numpy.ndarray, optional
            IDF weight per column.
        **settings
            The other attributes (``ngram_max``, ``sublinear_tf``, ...).

        Returns
        -------
        NgramTable
        """
        tokens = sorted({token for ngram in vocabulary for token in ngram.split(" ")})
        token_ids = {token: index for index, token in enumerate(tokens, start=1)}
        base = len(tokens) + 1
        ngram_max = int(settings.get("ngram_max", 1))
        if 2 * base**ngram_max >= _INT64_MAX:  # (a key that holds the end marker is below 2 * base**n)
            raise ValueError(f"vocabulary too large for {ngram_max}-grams keyed in 64 bits")
        unigram_columns = np.full(base, -1, dtype=np.int64)
        keys, columns = [], []
        for ngram, column in vocabulary.items():
            ids = [token_ids[token] for token in ngram.split(" ")]
            if len(ids) == 1:
                unigram_columns[ids[0]] = column
            else:
                keys.append(functools.reduce(lambda key, id_: key * base + id_, ids))
                columns.append(column)
        order = np.argsort(np.asarray(keys, dtype=np.int64), kind="stable")
        return cls(
            tokens=tuple(tokens),
            unigram_columns=unigram_columns,
            ngram_keys=np.asarray(keys, dtype=np.int64)[order],
            ngram_columns=np.asarray(columns, dtype=np.int64)[order],
            idf=None if idf is None else np.asarray(idf, dtype=np.float64),
            n_columns=len(vocabulary),
            **settings,
        )

    @functools.cached_property
    def token_ids(self) -> dict[str, int]:
        """Token -> id (ids from 1)."""
        return {token: index for index, token in enumerate(self.tokens, start=1)}

    @property
    def key_base(self) -> int:
        """The base of the n-gram keys: number of tokens plus one."""
        return len(self.tokens) + 1

    def feature_names(self) -> np.ndarray:
        """The n-grams, in column order (tokens joined by one space)."""
        names = np.empty(self.n_columns, dtype=object)
        known = np.flatnonzero(self.unigram_columns >= 0)
        for token_id in known:
            names[self.unigram_columns[token_id]] = self.tokens[token_id - 1]
        base = self.key_base
        for key, column in zip(self.ngram_keys.tolist(), self.ngram_columns.tolist()):
            ids = []
            while key:
                key, digit = divmod(key, base)
                ids.append(digit)
            names[column] = " ".join(self.tokens[i - 1] for i in reversed(ids))
        return names

    def transform(self, documents: Iterable[str]) -> sp.csr_matrix:
        """Feature rows of normalised statements, one row per statement.

        Parameters
        ----------
        documents : iterable of str
            Normalised statements: tokens separated by whitespace.

        Returns
        -------
        scipy.sparse.csr_matrix
            Shape ``(n_statements, n_columns)``.
        """
        rows = self.rows(documents)
        return sp.csr_matrix((rows.data, rows.indices, rows.indptr), shape=(len(rows.indptr) - 1, self.n_columns))

    def rows(self, documents: Iterable[str]) -> "Rows":
        """:meth:`transform`'s matrix as its three CSR arrays, built with numpy alone.

        scipy's sparse constructors check and convert on every call, which
        costs more than the work itself for one sentence; the arrays are
        canonical (columns sorted within a row, no duplicates).
        """
        if self.prefix:
            # One regex scan finds the few prefixed tokens (the cue tokens)
            # without splitting every word of the statement.
            return self._rows_of(list(map(_prefixed_tokens(self.prefix).findall, documents)))
        return self._rows_of(list(map(str.split, documents)))

    def rows_of_tokens(self, split: Iterable[list[str]]) -> "Rows":
        """:meth:`rows` of statements already split into their tokens (:attr:`stanceclf.features.Normalised.tokens`)."""
        if self.prefix:
            return self._rows_of([_prefixed(tokens, self.prefix) for tokens in split])
        return self._rows_of(split if isinstance(split, list) else list(split))

    def rows_of_prefixed(self, split: Iterable[Sequence[str]]) -> "Rows":
        """:meth:`rows_of_tokens` of token lists that hold only the tokens starting with :attr:`prefix`.

        These are the cue tokens of statements, which come from a few
        hundred sets: each distinct list is counted once and remembered, so
        a call costs a look-up per statement whatever its size.
        """
        memo = self._counted_rows
        if len(memo) > _MEMO_SIZE:  # a stream of ever new lists: start again rather than grow
            memo.clear()
        keys = list(map(tuple, split))
        rows = list(map(memo.get, keys))
        if None in rows:
            rows = [memo[key] if key in memo else self._remember_row(key) for key in keys]
        columns, counts = [row[0] for row in rows], [row[1] for row in rows]
        indptr = np.fromiter(accumulate(map(len, columns), initial=0), dtype=np.int64, count=len(rows) + 1)
        return self._weighted(
            indptr,
            np.array(list(chain.from_iterable(columns)), dtype=np.int32),
            np.array(list(chain.from_iterable(counts)), dtype=self.dtype),
        )

    @functools.cached_property
    def _counted_rows(self) -> dict[tuple[str, ...], tuple[list[int], list[float]]]:
        """Token list -> its row's columns and counts (for :meth:`rows_of_prefixed`)."""
        return {}

    def _remember_row(self, tokens: tuple[str, ...]) -> tuple[list[int], list[float]]:
        _, columns, counts = self._counts_few([list(tokens)])
        row = self._counted_rows[tokens] = (columns.tolist(), counts.tolist())
        return row

    def _rows_of(self, split: list[Sequence[str]]) -> "Rows":
        if sum(map(len, split)) > _FEW_TOKENS:
            return self._weighted(*self._counts(split))
        indptr, indices, counts = self._count_lists(split)
        if self.binary or self.norm != "l2":
            return self._weighted(*self._as_arrays(indptr, indices, counts))
        data = self._unit_values(indptr, indices, counts)
        return Rows(np.array(indptr, dtype=np.int64), np.array(indices, dtype=np.int32), data)

    @functools.cached_property
    def _value_of_count(self) -> list[float]:
        """Per count up to :data:`_FEW_TOKENS`, its value before IDF in :attr:`dtype` (``1 + log`` if sublinear)."""
        counts = np.arange(_FEW_TOKENS + 1, dtype=self.dtype)
        if self.sublinear_tf:  # as _weighted computes it: numpy's log in the rows' type, then 1 added
            counts[1:] = np.log(counts[1:])
            counts[1:] += 1
        return counts.tolist()

    @functools.cached_property
    def _idf_list(self) -> list[float] | None:
        return None if self.idf is None else self.idf.tolist()

    def _unit_values(self, indptr: list[int], indices: list[int], counts: list[int]) -> np.ndarray:
        """:meth:`_weighted`'s l2-normalised values of a few rows, to the bit, in three numpy calls.

        Each step is the numpy one's: the count's value times its IDF in
        double precision, rounded to the rows' type; squares in that type;
        each row's squares added one by one in double precision from 0, as
        :func:`_unit_rows` adds; the square root and the division in double
        precision (Python's float), the quotient rounded to the rows' type.
        """
        value, idf = self._value_of_count, self._idf_list
        raw = list(map(value.__getitem__, counts))
        if idf is not None:
            raw = list(map(float.__mul__, raw, map(idf.__getitem__, indices)))
        values = np.array(raw, dtype=self.dtype)
        squares, raw = (values * values).tolist(), values.tolist()
        unit = []
        for start, end in zip(indptr, indptr[1:]):
            total = 0.0
            for square in squares[start:end]:
                total += square
            norm = math.sqrt(total) or 1.0
            unit += [value / norm for value in raw[start:end]]
        return np.array(unit, dtype=self.dtype)

    def _weighted(
        self, indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, rows: np.ndarray | None = None
    ) -> "Rows":
        """Rows from their counts: binary, sublinear, IDF and norm as the settings say (``rows``: each count's row)."""
        if self.binary:
            data.fill(1)
        if self.sublinear_tf:
            np.log(data, data)
            data += 1
        if self.idf is not None:
            data *= self.idf[indices]
        if self.norm is not None:
            data = _unit_rows(indptr, indices, data, self.norm, rows)
        return Rows(indptr, indices, data)

    def _counts(self, split: list[list[str]]) -> tuple[np.ndarray, ...]:
        """Counts of known n-grams per statement, as canonical CSR arrays, and each count's statement."""
        token_ids, by_id = self._marked_ids
        # The statements' tokens with an end marker after each (id key_base): an n-gram that runs from one
        # statement into the next holds it, which leaves a key no n-gram has (the digit before it carries,
        # and its own digit is 0), and the markers before a token give its statement.
        tokens = chain.from_iterable(chain.from_iterable(zip(split, repeat(("",)))))
        count = sum(map(len, split)) + len(split)
        ids = np.fromiter(map(token_ids.get, tokens, repeat(_UNKNOWN)), dtype=np.int64, count=count)
        # Each n-gram found becomes one key, statement * n_columns + column: each token's statement times
        # n_columns is the running sum of the markers before it, each worth n_columns (np.cumsum is a Python
        # function around np.add.accumulate). A token with no unigram column, the marker, and an n-gram not
        # found get a key below 0, all dropped at once; a last key of n_statements * n_columns, above every
        # other, closes the last run of equal keys.
        steps = by_id.take(ids, axis=0)  # (indexing by_id[ids] copies row by row: 15 times slower for a batch)
        offset = np.add.accumulate(steps[:, 0])
        limit = len(split) * self.n_columns
        keys = [offset + steps[:, 1], np.array([limit])]
        for n in range(2, self.ngram_max + 1) if len(self.ngram_keys) else ():
            keys.append(self._ngram_keys_found(ids, offset, n))
        key = np.concatenate(keys)
        key = key[key >= 0]
        if limit <= _UINT32_MAX:
            key = key.astype(np.uint32)  # numpy sorts 32-bit integers several times faster than 64-bit ones
        # Equal neighbours are one n-gram counted again: the last of each run, and the run's length (numpy's
        # diff and append are Python functions: their overhead counts for one article).
        key.sort()
        ends = np.flatnonzero(key[:-1] != key[1:])
        past = ends + 1
        counts = past.astype(self.dtype)
        counts[1:] -= past[:-1]
        statement, indices = np.divmod(key[ends], self.n_columns)
        # Statements are sorted: each one's first entry is where it would be inserted.
        indptr = np.searchsorted(statement, np.arange(len(split) + 1))
        return indptr, indices.astype(np.int32), counts, statement

    @functools.cached_property
    def _marked_ids(self) -> tuple[dict[str, int], np.ndarray]:
        """For :meth:`_counts`: :attr:`token_ids` with the end-of-statement marker ``""`` (id :attr:`key_base`),
        and per token id, in one row so that one gather reads both, the step to a token's statement offset
        (:attr:`n_columns` at the marker, else 0) and its unigram column (:data:`_NO_KEY` if it has none, and
        at the marker)."""
        by_id = np.zeros((self.key_base + 1, 2), dtype=np.int64)
        by_id[self.key_base, 0] = self.n_columns
        by_id[:-1, 1] = np.where(self.unigram_columns >= 0, self.unigram_columns, _NO_KEY)
        by_id[self.key_base, 1] = _NO_KEY
        return {**self.token_ids, "": self.key_base}, by_id

    @functools.cached_property
    def _columns_of_keys(self) -> tuple[list[int], dict[int, int]]:
        """Unigram column per token id, and n-gram key -> column, as Python containers (for :meth:`_counts_few`)."""
        return self.unigram_columns.tolist(), dict(zip(self.ngram_keys.tolist(), self.ngram_columns.tolist()))

    def _counts_few(self, split: list[list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`_counts` for a few statements: the same arrays, counted in Python.

        For one sentence, numpy's fixed cost per call (some twenty calls)
        is several times the work itself.
        """
        return self._as_arrays(*self._count_lists(split))

    def _as_arrays(self, indptr: list[int], indices: list[int], counts: list[int]) -> tuple[np.ndarray, ...]:
        return (
            np.array(indptr, dtype=np.int64),
            np.array(indices, dtype=np.int32),
            np.array(counts, dtype=self.dtype),
        )

    def _count_lists(self, split: list[list[str]]) -> tuple[list[int], list[int], list[int]]:
        """:meth:`_counts_few` as Python lists."""
        unigram_column, ngram_column = self._columns_of_keys
        token_ids, base, longest = self.token_ids, self.key_base, self.ngram_max if ngram_column else 1
        indptr, indices, counts = [0], [], []
        for tokens in split:
            ids = list(map(token_ids.get, tokens, repeat(_UNKNOWN)))
            row = Counter(map(unigram_column.__getitem__, ids))
            keys = ids
            for n in range(2, longest + 1):
                # An n-gram's key from the (n-1)-gram's; 0 marks one that starts with an unknown token
                # (an unknown token inside leaves a key no n-gram has).
                keys = [key * base + id_ if key else 0 for key, id_ in zip(keys, ids[n - 1 :])]
                row.update(map(ngram_column.get, keys, repeat(-1)))
            row.pop(-1, None)
            columns = sorted(row)
            indices += columns
            counts += map(row.__getitem__, columns)
            indptr.append(len(indices))
        return indptr, indices, counts

    def _ngram_keys_found(self, ids: np.ndarray, offset: np.ndarray, n: int) -> np.ndarray:
        """The key (see :meth:`_counts`) of every n-gram of length ``n`` in a batch's token ids; below 0 if unknown."""
        count = max(len(ids) - n + 1, 0)  # n-grams start at 0 .. count - 1: slices, not gathers
        key = ids[:count]
        for step in range(1, n):
            key = key * self.key_base + ids[step : step + count]
        # An n-gram with an unknown token (id 0) inside has a digit 0, which no known n-gram's key has: it
        # is looked up and not found. A first token unknown would leave the key of the shorter n-gram
        # after it (for n > 2): key 0.
        if n > 2:
            key[ids[:count] == _UNKNOWN] = 0
        # Looked up in increasing order: each binary search then starts where the last one ended,
        # several times faster than in text order (the counts do not depend on the order).
        order = np.argsort(key)
        key = key[order]
        keys, columns = self._padded_ngrams
        found = np.searchsorted(keys, key)
        return offset[order] + np.where(keys[found] == key, columns[found], _NO_KEY)

    @functools.cached_property
    def _padded_ngrams(self) -> tuple[np.ndarray, np.ndarray]:
        """The n-gram keys and columns, with a last key above every n-gram's: a search past them all finds it."""
        return np.append(self.ngram_keys, _INT64_MAX), np.append(self.ngram_columns, -1)

    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The table as named arrays (no Python objects), for :func:`numpy.savez`."""
        arrays = {
            "tokens": np.array(self.tokens, dtype=str),
            "unigram_columns": self.unigram_columns,
            "ngram_keys": self.ngram_keys,
            "ngram_columns": self.ngram_columns,
        }
        if self.idf is not None:
            arrays["idf"] = self.idf
        return {f"{prefix}.{name}": value for name, value in arrays.items()}

    def settings(self) -> dict[str, object]:
        """The scalar settings, JSON-ready (the other half of :meth:`to_arrays`)."""
        return {
            "n_columns": self.n_columns,
            "ngram_max": self.ngram_max,
            "sublinear_tf": self.sublinear_tf,
            "binary": self.binary,
            "norm": self.norm,
            "prefix": self.prefix,
            "dtype": np.dtype(self.dtype).name,
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], prefix: str, settings: Mapping[str, object]) -> "NgramTable":
        """Rebuild a table from :meth:`to_arrays` and :meth:`settings` output."""
        idf_key = f"{prefix}.idf"
        return cls(
            tokens=tuple(arrays[f"{prefix}.tokens"].tolist()),
            unigram_columns=np.asarray(arrays[f"{prefix}.unigram_columns"], dtype=np.int64),
            ngram_keys=np.asarray(arrays[f"{prefix}.ngram_keys"], dtype=np.int64),
            ngram_columns=np.asarray(arrays[f"{prefix}.ngram_columns"], dtype=np.int64),
            idf=np.asarray(arrays[idf_key], dtype=np.float64) if idf_key in arrays else None,
            n_columns=int(settings["n_columns"]),
            ngram_max=int(settings["ngram_max"]),
            sublinear_tf=bool(settings["sublinear_tf"]),
            binary=bool(settings["binary"]),
            norm=settings["norm"],
            prefix=str(settings["prefix"]),
            dtype=np.dtype(str(settings["dtype"])).type,
        )


def _prefixed(tokens: list[str], prefix: str) -> list[str]:
    """The tokens that start with ``prefix``, in order.

    Normalised statements end with their cue tokens: when the tokens before
    that tail do not hold the prefix at all, the tail is the answer, found
    without testing every word.
    """
    width, start = len(prefix), len(tokens)
    while start and tokens[start - 1][:width] == prefix:
        start -= 1
    if prefix not in "".join(tokens[:start]):
        return tokens[start:]
    return [token for token in tokens if token[:width] == prefix]


class Rows(NamedTuple):
    """Sparse rows as the three arrays of a CSR matrix."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray


def _unit_rows(
    indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, norm: str, rows: np.ndarray | None = None
) -> np.ndarray:
    """CSR values with every non-empty row scaled to unit norm (``"l2"`` or ``"l1"``).

    The arithmetic is scikit-learn's ``normalize`` to the bit: squares (or
    absolute values) in the values' own type, summed row by row in order in
    double precision (as its CSR loop does: ``bincount`` adds its weights
    one by one in order from 0, where numpy's reductions sum pairwise), and
    each value divided in double precision. ``rows`` is each value's row,
    when the caller has it.
    """
    if rows is None:
        rows = np.repeat(np.arange(len(indptr) - 1), indptr[1:] - indptr[:-1])
    norms = np.bincount(rows, weights=data * data if norm == "l2" else np.abs(data), minlength=len(indptr) - 1)
    if norm == "l2":
        norms = np.sqrt(norms)
    norms[norms == 0] = 1.0
    return (data / norms[rows]).astype(data.dtype)


def csr_product(indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, dense: np.ndarray) -> np.ndarray:
    """The CSR matrix of these arrays times ``dense`` (shape ``(n_columns, k)``), as scipy's operator computes it.

    Calls scipy's own loop (``csr_matvecs``, what ``@`` runs: the same
    bits) on the arrays as they are; the operator (which picks the type to
    compute in) when that loop is missing or the types differ.
    """
    n_rows = len(indptr) - 1
    if csr_matvecs is None or data.dtype != dense.dtype or len(indices) >= 2**31:
        matrix = sp.csr_matrix((data, indices, indptr), shape=(n_rows, dense.shape[0]))
        return np.asarray(matrix @ dense)
    result = np.zeros((n_rows, dense.shape[1]), dtype=dense.dtype)
    csr_matvecs(
        n_rows,
        dense.shape[0],
        dense.shape[1],
        np.asarray(indptr, dtype=np.int32),
        np.asarray(indices, dtype=np.int32),
        data,
        np.ascontiguousarray(dense).ravel(),
        result.ravel(),
    )
    return result
