"""A learned furniture filter that runs after the segmentation rules (round 13).

The rules of :mod:`stanceclf.segment` mark furniture by shape, position and a closed
vocabulary. Each new set of pages leaks furniture in wordings no rule has seen (site talk,
appeals, captions, comments, promotion lines), so a small linear model learns from the gold
pages what the short blocks the rules keep look like when they are furniture.

- The unit is a block the rules keep (a line, or a sentence hard-wrapped over several lines) of at
  most 300 characters; longer blocks are paragraphs of news text and are never scored, nor are finished
  sentences of 90 characters or more, nor the page's headline when the rules kept it for its place.
- Features: the block's lower-case words and word pairs, character 4-grams of its start and end,
  its shape (words, share of capitalised and lower-case words, digits, a final stop or colon,
  quote marks, a run of lower-case words, a headline's title case), its position (first or last
  blocks of the page, distance to the nearest long paragraph, above or below the body) and its
  neighbours (whether the rules dropped the block before or after it, and below the body both).
- The model is a logistic regression fitted with scikit-learn by :func:`fit_filter`
  (``python train.py --furniture``) on the short blocks of the gold pages of :data:`TRAINING_SPLITS`
  (those the rules drop too: the rules keep too little furniture there to learn from) and on clean text
  (the seed articles and the labelled statements joined into their articles). It is stored as plain
  arrays in ``stanceclf/models/furniture.npz`` (features, weights, threshold) and scored here with a
  dictionary look-up per feature: classifying imports neither scikit-learn nor joblib.
- A block is dropped only when P(furniture) reaches the threshold chosen in grouped cross-validation
  by page, the lowest that loses at most 0.3% of the gold statements of the training pages.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any, Protocol, TextIO

import numpy as np

from .errors import DataFileError, ModelFileError

__all__ = [
    "FILTER_FILE",
    "FILTER_VERSION",
    "HELD_OUT_SPLITS",
    "TRAINING_SPLITS",
    "FurnitureFilter",
    "block_features",
    "drop_learned_furniture",
    "fit_filter",
    "fold_filters",
    "fold_spaces",
    "gold_training_pages",
    "read_filter",
    "using_filter",
    "write_filter",
]

#: Layout version of ``furniture.npz``.
FILTER_VERSION = 2
#: What separates the feature names in the file.
_NAME_SEPARATOR = "\x00"
#: The shipped filter, inside the package.
FILTER_FILE = "furniture.npz"
#: Page splits the filter learns from (benchmarks/pages).
TRAINING_SPLITS = (
    "dev",
    "dev2",
    "dev3",
    "test2",
    "test3",
    "test4",
    "test5",
    "test6",
    "test7",
    "test8",
    "test9",
    "test10",
    "test11",
    "dev4",
    "test12",
    "test13",
)
#: Page splits never read for training: test14, the split written during round 17 (test11 and dev4, each scored
#: twice with its rules frozen, are training pages since round 15; test12 since round 16; test13 since round 17).
HELD_OUT_SPLITS = ("test14",)

#: Blocks longer than this are paragraphs of news text: the filter never scores them (segment's rule 2 limit).
MAX_BLOCK_CHARS = 300
#: A block this long that ends like a sentence is news text or site talk in a sentence: not scored (speed:
#: news text is made of them, and the furniture the rules miss is mostly in short or unfinished lines).
MAX_SENTENCE_CHARS = 90
#: A kept block this long that ends like a sentence is the page's body text ("long prose").
_PROSE_CHARS = 150
#: Share of the training pages' gold statements the threshold may lose.
MAX_LOST_SHARE = 0.003
_FOLDS = 5
_MIN_COUNT = 2  # a feature seen once is a page's string, not a kind
_C = 1.0
_EDGE_CHARS = 20

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = re.compile(r"\s+")
# Lower-case letters to "l" (a word's first letters then show a run of lower-case words as "lll").
_LOWER_TO_L = str.maketrans(dict.fromkeys("abcdefghijklmnopqrstuvwxyzßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ", "l"))
# Punctuation stripped from the ends of a block's words (a translation table or a pattern costs five times more).
_PUNCTUATION = ".,:;!?()[]{}\"“”«»„‘’'|/\\•·▪–—-_*#@&+=<>~^`…"
#: Blocks of more words than this are sentences of body text or site talk: their words alone are scored,
#: without word pairs and character n-grams (speed: news text is made of them).
_SHORT_WORDS = 20


class _BlockLike(Protocol):
    """What the filter reads of a segmenter's block (:class:`stanceclf.segment._Block`)."""

    start: int
    end: int
    blank_before: bool
    plain: str
    terminal: bool
    drop: bool


def _binned(prefix: str, edges: tuple[int, ...]) -> tuple[str, ...]:
    """Feature names for the values 0 .. edges[-1]: the value's bin, the index of the first edge it stays under."""
    return tuple(f"{prefix}{sum(1 for edge in edges if value >= edge)}" for value in range(edges[-1] + 1))


# Bins as tables indexed by the value (capped at the last edge): a look-up costs a tenth of a loop over the edges.
_WORDS_BIN = _binned("s:n", (2, 3, 4, 7, 13, 26))
_CAPITALS_BIN = _binned("s:cap", (1, 2, 3, 4, 5))  # fifths of the words
_LOWER_BIN = _binned("s:low", (1, 2, 3, 4, 5))
_DIGITS_BIN = _binned("s:dig", (1, 3, 6))
_GAP_BIN = _binned("p:gap", (1, 2, 3, 6))
_START_BIN = _binned("p:from_start", (1, 2, 3, 5))
_END_BIN = _binned("p:from_end", (1, 2, 3, 5))


def _shape(plain: str, words: list[str]) -> list[str]:
    """Shape features of one block: length, capitals, digits, punctuation, a run of lower-case words."""
    # Counted by string methods rather than loops or patterns: they cost a tenth (news text has many lines).
    tokens = plain.split()
    firsts = "".join([word[0] for word in tokens])
    count = len(firsts)
    capitals = sum(map(str.isupper, firsts))
    flags = firsts.translate(_LOWER_TO_L)
    lower = flags.count("l")
    digits = sum(map(str.isdigit, plain))
    last = plain.rstrip("\"'”’»)]")[-1:] or " "
    features = [
        _WORDS_BIN[min(count, 26)],
        _CAPITALS_BIN[capitals * 5 // count],
        _LOWER_BIN[lower * 5 // count],
        _DIGITS_BIN[min(digits, 6)],
        "s:run5" if "lllll" in flags else "s:run3" if "lll" in flags else "s:run0",
        "s:end" + (last if last in ".!?:;," else "w" if last.isalnum() else "o"),
    ]
    if plain.isupper():
        features.append("s:upper")
    elif _is_title_case(tokens):
        features.append("s:title_case")  # round 16: a headline's case ("Zelensky Sets Terms for a Meeting With Putin")
    if _has_quote(plain):
        features.append("s:quote")
    if plain[-1] in '"”»’' or plain[0] in '"“«‘':
        features.append("s:quoted_edge")
    if not words:
        features.append("s:nowords")
    return features


def _is_title_case(tokens: list[str]) -> bool:
    """Whether three words of four letters or more, and every such word, start with a capital letter."""
    long = [word[0] for word in tokens if len(word) >= 4 and word[0].isalpha()]
    return len(long) >= 3 and all(map(str.isupper, long))


def _has_quote(plain: str) -> bool:
    for mark in '"“”«»':
        if mark in plain:
            return True
    return False


def block_features(blocks: list[_BlockLike], *, dropped: bool = False) -> list[list[str] | None]:
    """Features of every block the rules kept, None for the others and for paragraphs.

    Parameters
    ----------
    blocks : list of blocks
        A page's blocks after the rules (:func:`stanceclf.segment._mark_furniture`), in text order.
    dropped : bool, default False
        Give features for the blocks the rules dropped too (training: they show what furniture looks like).

    Returns
    -------
    list
        For each block, its feature names (strings), or None when the filter does not score it.
    """
    count = len(blocks)
    prose = [
        index
        for index, block in enumerate(blocks)
        if not block.drop and len(block.plain) >= _PROSE_CHARS and block.terminal
    ]
    first_prose = prose[0] if prose else count
    first_kept = next((index for index, block in enumerate(blocks) if not block.drop), count)
    last_prose = prose[-1] if prose else -1
    out: list[list[str] | None] = []
    pointer = 0
    for index, block in enumerate(blocks):
        plain = block.plain
        if block.drop and not dropped or not plain or len(plain) > MAX_BLOCK_CHARS:
            out.append(None)
            continue
        if block.terminal and len(plain) >= MAX_SENTENCE_CHARS or index == first_kept and not dropped:
            # The page's first kept line is its headline, or a line the rules have read at the top of the page;
            # it is never scored (a short headline, "Ceasefire holds", has the shape of a section name). It
            # stays in training (``dropped``), where it shows that headlines are statements.
            out.append(None)
            continue
        low = plain.lower()
        words = [word for word in (token.strip(_PUNCTUATION) for token in low.split()) if word]
        features = ["w:" + word for word in words]
        head = "<" + low[:_EDGE_CHARS]
        tail = low[-12:] + ">"
        features.append("h:" + head[:6])
        features.append("t:" + tail[-6:])
        if len(words) <= _SHORT_WORDS:
            features.extend(f"b:{a} {b}" for a, b in zip(["<", *words], [*words, ">"]))
            features.extend("h:" + head[i : i + 4] for i in range(max(1, len(head) - 3)))
            features.extend("t:" + tail[i : i + 4] for i in range(max(1, len(tail) - 3)))
        features.extend(_shape(plain, words))
        while pointer < len(prose) and prose[pointer] < index:
            pointer += 1
        gaps = [abs(prose[i] - index) for i in (pointer - 1, pointer) if 0 <= i < len(prose)]
        features.append(_GAP_BIN[min(min(gaps), 6)] if gaps else "p:gapnone")
        features.append(_START_BIN[min(index, 5)])
        features.append(_END_BIN[min(count - 1 - index, 5)])
        if index < first_prose:
            features.append("p:above_body")
        elif index > last_prose:
            features.append("p:below_body")
        features.append(f"n:before_{'none' if index == 0 else 'drop' if blocks[index - 1].drop else 'kept'}")
        features.append(f"n:after_{'none' if index == count - 1 else 'drop' if blocks[index + 1].drop else 'kept'}")
        if block.blank_before:
            features.append("n:blank_before")
        if index > last_prose and 0 < index < count - 1 and blocks[index - 1].drop and blocks[index + 1].drop:
            features.append("n:below_among_drops")  # round 14: a footer's line between dropped lines
        out.append(features)
    return out


@dataclass(frozen=True)
class FurnitureFilter:
    """A fitted furniture filter: feature weights, an intercept and the drop threshold.

    Attributes
    ----------
    features : tuple of str
        Feature names, sorted.
    coef : numpy.ndarray
        One weight per feature (float64).
    intercept : float
    threshold : float
        Blocks with P(furniture) at or above it are dropped.
    info : dict
        How it was fitted (splits, counts, cross-validation figures), for people.
    """

    features: tuple[str, ...]
    coef: np.ndarray
    intercept: float
    threshold: float
    info: dict[str, Any] = field(default_factory=dict)
    _weights: dict[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.features) != len(self.coef):
            raise ValueError(f"{len(self.features)} features but {len(self.coef)} weights")
        object.__setattr__(self, "_weights", dict(zip(self.features, self.coef.tolist())))

    def probability(self, features: Iterable[str]) -> float:
        """P(furniture) of one block given its features (from :func:`block_features`)."""
        weights = self._weights
        score = self.intercept + sum(map(weights.get, features, repeat(0.0)))
        if score < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-score))

    def probabilities(self, blocks: list[_BlockLike]) -> list[float | None]:
        """P(furniture) of every scored block of a page, None for blocks the filter leaves alone."""
        return [None if f is None else self.probability(f) for f in block_features(blocks)]


def drop_learned_furniture(blocks: list[_BlockLike]) -> None:
    """Set ``drop`` on the kept blocks the active filter finds to be furniture (the hook in ``segment``)."""
    active = _active_filter()
    if active is None:
        return
    threshold = active.threshold
    scores = active.probabilities(blocks)
    for block, score in zip(blocks, scores):
        if score is not None and score >= threshold:
            block.drop = True


_UNSET = object()
_active: Any = _UNSET


def _active_filter() -> FurnitureFilter | None:
    global _active
    if _active is _UNSET:
        _active = read_filter(resources.files("stanceclf") / "models" / FILTER_FILE)
    return _active


@contextmanager
def using_filter(active: FurnitureFilter | None) -> Iterator[None]:
    """Segment with another filter (or None: the rules alone) inside the ``with`` block.

    For benchmarks and cross-validation; not thread-safe.
    """
    global _active
    before = _active
    _active = active
    try:
        yield
    finally:
        _active = before


def filter_bytes(active: FurnitureFilter) -> bytes:
    """The content of a filter file (deterministic: the same filter gives the same bytes)."""
    from .modelfile import _json_array, npz_bytes

    layout = {"format_version": FILTER_VERSION, "threshold": active.threshold, "info": active.info}
    if any(_NAME_SEPARATOR in name for name in active.features):
        raise ValueError("a feature name holds NUL, the names' separator in the file")
    return npz_bytes(
        {
            # The names as one UTF-8 text split by NUL (which no feature holds): a quarter of the size of a
            # fixed-width Unicode array, and read back in a third of its time (the filter loads on first use).
            "features": np.frombuffer(_NAME_SEPARATOR.join(active.features).encode("utf-8"), dtype=np.uint8),
            "coef": np.asarray(active.coef, dtype=np.float64),
            "intercept": np.array([active.intercept], dtype=np.float64),
            "layout.json": _json_array(layout),
        }
    )


def write_filter(path: str | os.PathLike[str], active: FurnitureFilter) -> None:
    """Write a filter file by temp file and rename."""
    from .files import atomic_write_bytes

    atomic_write_bytes(path, filter_bytes(active))


def read_filter(path: Any) -> FurnitureFilter:
    """Read a filter file written by :func:`write_filter`.

    Parameters
    ----------
    path : path-like or importlib.resources Traversable

    Raises
    ------
    ModelFileError
        When the file is missing, damaged, of another format version or not a furniture filter.
    """
    try:
        payload = path.read_bytes() if hasattr(path, "read_bytes") else Path(path).read_bytes()
    except FileNotFoundError:
        raise ModelFileError(f"{path}: furniture filter file is missing (refit it with `python train.py --furniture`)")
    except OSError as exc:
        raise ModelFileError(f"{path}: furniture filter cannot be read ({exc.strerror or exc})") from None
    try:
        with np.load(io.BytesIO(payload), allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
        layout = json.loads(arrays["layout.json"].tobytes().decode("utf-8"))
        version = layout["format_version"]
    except (zipfile.BadZipFile, ValueError, KeyError, OSError, UnicodeDecodeError, TypeError) as exc:
        raise ModelFileError(f"{path}: not a readable furniture filter ({type(exc).__name__}: {exc})") from None
    if version != FILTER_VERSION:
        raise ModelFileError(
            f"{path}: unknown furniture filter version {version!r}; this stanceclf reads version {FILTER_VERSION}"
        )
    try:
        names, coef, intercept = arrays["features"], arrays["coef"], arrays["intercept"]
        if names.dtype != np.uint8 or names.ndim != 1:
            raise ValueError(f"feature names stored as {names.dtype} {names.shape}, not UTF-8 bytes")
        features = names.tobytes().decode("utf-8").split(_NAME_SEPARATOR) if names.size else []
        if coef.shape != (len(features),) or intercept.shape != (1,):
            raise ValueError(f"{len(features)} feature names, weights {coef.shape}, intercept {intercept.shape}")
        threshold = float(layout["threshold"])
        if not 0.0 < threshold <= 1.0 or not np.all(np.isfinite(coef)):
            raise ValueError(f"threshold {threshold} or weights out of range")
        return FurnitureFilter(
            tuple(features), coef.astype(np.float64), float(intercept[0]), threshold, dict(layout["info"])
        )
    except (KeyError, TypeError, ValueError, UnicodeDecodeError) as exc:
        raise ModelFileError(f"{path}: damaged furniture filter ({type(exc).__name__}: {exc})") from None


# --- fitting (scikit-learn, at training time only) ---------------------------------------------------------------


def fold_spaces(text: str) -> str:
    """Fold whitespace (NBSP and Unicode spaces included), soft hyphens and zero-width characters.

    How a page's text is matched against its gold statements, here and in ``benchmarks/segmentation.py``.
    """
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


@dataclass
class _Row:
    group: str
    kept: bool  # the rules kept the block: only such blocks are ever scored
    features: list[str]
    furniture: bool
    carries: int  # gold statements the block holds: lost when it is dropped


def _page_rows(text: str, statements: list[str], group: str) -> list[_Row]:
    """Rows for one page's short blocks, kept or dropped by the rules, labelled against its gold statements.

    The rules drop almost all the furniture of the pages they were written on (43 pieces kept on the ten
    training splits): the dropped blocks are what shows the model what furniture looks like.
    """
    from .segment import _blocks, _mark_furniture

    blocks = _blocks(text)
    _mark_furniture(text, blocks)
    gold = [folded for folded in map(fold_spaces, statements) if folded]
    rows = []
    for block, features in zip(blocks, block_features(blocks, dropped=True)):
        if features is None:
            continue
        folded = fold_spaces(text[block.start : block.end])
        carries = sum(1 for s in gold if s in folded)
        inside = len(folded) >= 12 and any(folded in s for s in gold)
        rows.append(_Row(group, not block.drop, features, not carries and not inside, carries or int(inside)))
    return rows


def gold_training_pages(pages_dir: Path) -> Iterator[tuple[dict[str, Any], str]]:
    """(gold record, page text) of every ``.txt`` page of :data:`TRAINING_SPLITS` in ``pages_dir``.

    A held-out split's gold file is never opened. A record that is not a gold page record is a
    :class:`~stanceclf.errors.DataFileError` with its file and line, and so is a folder with no training page.
    """
    found = 0
    for gold_file in sorted(pages_dir.glob("gold*.jsonl")):
        if any(name in gold_file.name for name in HELD_OUT_SPLITS):
            continue  # never open a held-out split's gold
        for number, line in enumerate(gold_file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                split, file = entry["split"], entry["file"]
                entry["page"], entry["statements"]
            except (ValueError, KeyError, TypeError) as exc:
                raise DataFileError([f"{gold_file}:{number}: not a gold page record ({type(exc).__name__}: {exc})"])
            if split not in TRAINING_SPLITS or split in HELD_OUT_SPLITS or not file.endswith(".txt"):
                continue
            found += 1
            yield entry, (pages_dir / file).read_text(encoding="utf-8")
    if not found:
        raise DataFileError([f"{pages_dir}: no gold page of the training splits ({', '.join(TRAINING_SPLITS)})"])


def _clean_texts(labels_dir: Path, corpus_dir: Path, training_pages: set[str]) -> Iterator[tuple[str, str]]:
    """(article id, text) of clean news text: the seed articles, and labelled statements joined by article.

    A labelled page (article ``page-<page>``) is read only when it is one of ``training_pages``: the labels of
    a held-out split's pages are training data for the model, but must not teach the filter their lines.
    """
    from .corpus import read_corpus
    from .labels import read_labels

    for name, article in sorted(read_corpus(corpus_dir).items()):
        yield f"seed:{name}", article.text
    for labels_file in sorted(labels_dir.glob("*.jsonl")):
        articles: dict[str, list[str]] = defaultdict(list)
        for statement in read_labels(labels_file):
            page = statement.article.removeprefix("page-")
            if page != statement.article and page not in training_pages:
                continue
            articles[statement.article].append(statement.text)
        for name in sorted(articles):
            yield f"labels:{labels_file.stem}:{name}", "\n\n".join(articles[name])


def _matrix(rows: list[_Row], index: dict[str, int]):
    from scipy.sparse import csr_matrix

    data_rows, cols = [], []
    for number, row in enumerate(rows):
        present = sorted({index[name] for name in row.features if name in index})
        data_rows.extend([number] * len(present))
        cols.extend(present)
    return csr_matrix((np.ones(len(cols)), (data_rows, cols)), shape=(len(rows), len(index)))


def _fit(rows: list[_Row]) -> tuple[tuple[str, ...], np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for row in rows for name in set(row.features))
    features = tuple(sorted(name for name, n in counts.items() if n >= _MIN_COUNT))
    index = {name: i for i, name in enumerate(features)}
    model = LogisticRegression(C=_C, max_iter=5000, solver="lbfgs", class_weight="balanced")
    model.fit(_matrix(rows, index), np.array([row.furniture for row in rows], dtype=int))
    return features, model.coef_[0].astype(np.float64), float(model.intercept_[0])


def _folds(groups: list[str]) -> dict[str, int]:
    """Page group -> fold, by a stable order: every fifth group of the sorted list."""
    return {group: number % _FOLDS for number, group in enumerate(sorted(set(groups)))}


def fold_filters(rows: list[_Row]) -> tuple[dict[str, int], list[FurnitureFilter]]:
    """Each row group's fold (grouped by page), and for each fold the filter fitted on the other folds' rows.

    The filters' threshold is 1.0 (they drop nothing until one is chosen: :func:`choose_threshold`).
    """
    fold_of = _folds([row.group for row in rows])
    fitted = [
        FurnitureFilter(*_fit([row for row in rows if fold_of[row.group] != fold]), threshold=1.0)
        for fold in range(_FOLDS)
    ]
    return fold_of, fitted


def out_of_fold(rows: list[_Row], folds: tuple[dict[str, int], list[FurnitureFilter]] | None = None) -> list[float]:
    """P(furniture) of every row from the filter fitted on the other folds (``folds``: :func:`fold_filters`)."""
    fold_of, fitted = folds or fold_filters(rows)
    return [fitted[fold_of[row.group]].probability(row.features) for row in rows]


def choose_threshold(rows: list[_Row], scores: list[float], gold_statements: int) -> float:
    """The lowest threshold (on a grid of 0.01) whose drops lose at most :data:`MAX_LOST_SHARE` of gold statements."""
    allowed = MAX_LOST_SHARE * gold_statements
    for step in range(50, 100):
        threshold = step / 100
        lost = sum(row.carries for row, score in zip(rows, scores) if score >= threshold and not row.furniture)
        if lost <= allowed:
            return threshold
    return 0.995


def training_rows(pages_dir: Path, labels_dir: Path, corpus_dir: Path) -> tuple[list[_Row], int]:
    """Rows of the training pages and of clean text, and the number of gold statements on the pages."""
    rows: list[_Row] = []
    statements = 0
    training_pages: set[str] = set()
    for entry, text in gold_training_pages(pages_dir):
        rows.extend(_page_rows(text, entry["statements"], f"page:{entry['page']}"))
        statements += len(entry["statements"])
        training_pages.add(entry["page"])
    for name, text in _clean_texts(labels_dir, corpus_dir, training_pages):
        rows.extend(_clean_rows(text, name))
    return rows, statements


def _clean_rows(text: str, group: str) -> list[_Row]:
    from .segment import _blocks, _mark_furniture

    blocks = _blocks(text)
    _mark_furniture(text, blocks)
    # Every block the rules keep, the first (a headline) included: ``dropped`` gives the first's features too.
    scored = zip(blocks, block_features(blocks, dropped=True))
    return [_Row(group, True, features, False, 1) for block, features in scored if features and not block.drop]


def fit_filter(
    pages_dir: str | os.PathLike[str], labels_dir: str | os.PathLike[str], corpus_dir: str | os.PathLike[str]
):
    """Fit the furniture filter from the gold pages and clean text, with its threshold from grouped CV.

    Parameters
    ----------
    pages_dir : path-like
        ``benchmarks/pages``: the gold files and pages; only :data:`TRAINING_SPLITS` are read.
    labels_dir, corpus_dir : path-like
        ``labels/`` and ``corpus/``: clean news text, every block of which is a statement.

    Returns
    -------
    FurnitureFilter
        Deterministic: the same data give the same arrays.
    """
    rows, statements = training_rows(Path(pages_dir), Path(labels_dir), Path(corpus_dir))
    scores = out_of_fold(rows)
    # Only blocks the rules keep are ever scored: the threshold is chosen on those of the pages.
    scored = [(row, score) for row, score in zip(rows, scores) if row.kept and row.group.startswith("page:")]
    threshold = choose_threshold([row for row, _ in scored], [score for _, score in scored], statements)
    features, coef, intercept = _fit(rows)
    info = {
        "splits": list(TRAINING_SPLITS),
        "rows": len(rows),
        "furniture_rows": sum(row.furniture for row in rows),
        "pages": len({row.group for row in rows if row.group.startswith("page:")}),
        "gold_statements": statements,
        "max_lost_share": MAX_LOST_SHARE,
    }
    return FurnitureFilter(features, coef, intercept, threshold, info)


def refit_shipped_filter(root: str | os.PathLike[str], out: TextIO = sys.stdout) -> FurnitureFilter:
    """Refit the shipped filter from a checkout (``python train.py --furniture``) and write it in the package.

    Reads ``benchmarks/pages``, ``labels/`` and ``corpus/`` under ``root``; writes
    ``stanceclf/models/furniture.npz`` by temp file and rename, and prints what it fitted.
    """
    root = Path(root)
    with using_filter(None):  # the rules alone make the training blocks
        fitted = fit_filter(root / "benchmarks" / "pages", root / "labels", root / "corpus")
    target = root / "stanceclf" / "models" / FILTER_FILE
    write_filter(target, fitted)
    print(
        f"{target}: {len(fitted.features)} features, threshold {fitted.threshold:.2f}, {json.dumps(fitted.info)}",
        file=out,
    )
    return fitted
