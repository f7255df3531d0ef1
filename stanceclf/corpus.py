"""The corpus: the articles index and the text of each article.

``corpus/articles.jsonl`` lists one article per line. A seed file can hold
more than one article (seed 004 carries "Related Articles" pieces), so each
entry names its seed file and the 1-based, inclusive line range of that file
that belongs to it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import DataFileError
from .files import parse_jsonl, read_text_file

__all__ = ["OUTLET_TYPES", "Article", "read_corpus"]

OUTLET_TYPES = ("russian_state", "ukrainian", "international", "unknown")

_FIELDS = {"id": str, "seed": str, "lines": list, "title": str, "outlet": str, "outlet_type": str}
_OPTIONAL = {"date": (str, type(None)), "note": str}


@dataclass(frozen=True)
class Article:
    """One article of the corpus.

    Attributes
    ----------
    id : str
        Seed file name without ``.txt``, with ``_rN`` for a related piece.
    title, outlet, outlet_type : str
        As far as the text shows them; ``outlet_type`` is one of
        :data:`OUTLET_TYPES`.
    date : str or None
        ISO date when the text gives one.
    seed : str
        Path of the seed file, relative to the corpus folder.
    first_line, last_line : int
        The seed file's lines (1-based, inclusive) that hold the article.
    text : str
        Those lines, joined with ``\\n``.
    """

    id: str
    title: str
    outlet: str
    outlet_type: str
    date: str | None
    seed: str
    first_line: int
    last_line: int
    text: str


def read_corpus(corpus_dir: str | os.PathLike[str]) -> dict[str, Article]:
    """Read and check ``articles.jsonl`` and the seed files it names.

    Parameters
    ----------
    corpus_dir : str or path-like
        The folder holding ``articles.jsonl`` and the seed files.

    Returns
    -------
    dict of str to Article
        The articles by id, in index order.

    Raises
    ------
    DataFileError
        Listing every problem with file and line: lines that are not JSON
        objects (also JSON that breaks the parser: huge numbers, deep
        nesting, lone surrogates), unknown or missing fields, wrong types,
        duplicate ids, unknown outlet types, missing seed files
        and line ranges outside the seed file.
    """
    folder = Path(corpus_dir)
    index = folder / "articles.jsonl"
    articles: dict[str, Article] = {}
    seeds = _SeedFiles(folder)
    # Bad lines are problems like any other: the good lines are still checked.
    records, problems = parse_jsonl(index)
    for number, record in records:
        where = f"{index}:{number}"
        found, usable = _index_problems(record)
        if usable and record["id"] in articles:
            found, usable = [*found, f"duplicate article id {record['id']!r}"], False
        problems += [f"{where}: {p}" for p in found]
        if not usable:
            continue
        lines, found = seeds.lines(record["seed"])
        problems += [f"{where}: seed file: {p}" for p in found]
        span = record["lines"]
        if lines and span[1] > len(lines):
            problems.append(f"{where}: lines {span} run past the end of {record['seed']} ({len(lines)} lines)")
        elif lines:
            articles[record["id"]] = _article(record, lines)
    if problems:
        raise DataFileError(problems)
    return articles


def _index_problems(record: dict) -> tuple[list[str], bool]:
    """What is wrong with one index record, and whether its article can still be read."""
    problems = []
    missing = [name for name in _FIELDS if name not in record]
    unknown = [name for name in record if name not in _FIELDS and name not in _OPTIONAL]
    if missing:
        problems.append(f"missing field(s) {', '.join(missing)}")
    if unknown:
        problems.append(f"unknown field(s) {', '.join(unknown)}")
    kinds = {**_FIELDS, **_OPTIONAL}
    bad_types = [name for name, kind in kinds.items() if name in record and not isinstance(record[name], kind)]
    if bad_types:
        problems.append(f"wrong type for field(s) {', '.join(bad_types)}")
    if missing or bad_types:
        return problems, False
    if record["outlet_type"] not in OUTLET_TYPES:
        problems.append(f"outlet_type {record['outlet_type']!r} is not one of {', '.join(OUTLET_TYPES)}")
    span = record["lines"]
    whole = all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in span)
    if len(span) != 2 or not whole or span[0] > span[1]:
        problems.append(f"lines must be [first, last], 1-based with first <= last, got {span!r}")
        return problems, False
    return problems, True


class _SeedFiles:
    """The seed files' lines, each file read once; a file that cannot be read reports its problems once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lines: dict[str, list[str]] = {}

    def lines(self, seed: str) -> tuple[list[str], list[str]]:
        """The file's lines (empty when unreadable), and its problems on the first reading."""
        if seed in self._lines:
            return self._lines[seed], []
        try:
            self._lines[seed] = read_text_file(self.folder / seed).splitlines()
        except DataFileError as exc:
            self._lines[seed] = []
            return [], list(exc.problems)
        return self._lines[seed], []


def _article(record: dict, lines: list[str]) -> Article:
    first, last = record["lines"]
    return Article(
        id=record["id"],
        title=record["title"],
        outlet=record["outlet"],
        outlet_type=record["outlet_type"],
        date=record.get("date"),
        seed=record["seed"],
        first_line=first,
        last_line=last,
        text="\n".join(lines[first - 1 : last]),
    )
