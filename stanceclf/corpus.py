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
from .segment import Statement, segment

__all__ = ["OUTLET_TYPES", "Article", "read_corpus", "article_statements"]

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
    seed_lines: dict[str, list[str]] = {}
    # Bad lines are problems like any other: the good lines are still checked.
    records, problems = parse_jsonl(index)
    for number, record in records:
        where = f"{index}:{number}"
        missing = [name for name in _FIELDS if name not in record]
        unknown = [name for name in record if name not in _FIELDS and name not in _OPTIONAL]
        if missing:
            problems.append(f"{where}: missing field(s) {', '.join(missing)}")
        if unknown:
            problems.append(f"{where}: unknown field(s) {', '.join(unknown)}")
        bad_types = [
            name
            for name, kind in {**_FIELDS, **_OPTIONAL}.items()
            if name in record and not isinstance(record[name], kind)
        ]
        if bad_types:
            problems.append(f"{where}: wrong type for field(s) {', '.join(bad_types)}")
        if missing or bad_types:
            continue
        if record["id"] in articles:
            problems.append(f"{where}: duplicate article id {record['id']!r}")
            continue
        if record["outlet_type"] not in OUTLET_TYPES:
            problems.append(f"{where}: outlet_type {record['outlet_type']!r} is not one of {', '.join(OUTLET_TYPES)}")
        span = record["lines"]
        whole = all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in span)
        if len(span) != 2 or not whole or span[0] > span[1]:
            problems.append(f"{where}: lines must be [first, last], 1-based with first <= last, got {span!r}")
            continue
        if record["seed"] not in seed_lines:
            try:
                seed_lines[record["seed"]] = read_text_file(folder / record["seed"]).splitlines()
            except DataFileError as exc:
                problems.extend(f"{where}: seed file: {p}" for p in exc.problems)
                seed_lines[record["seed"]] = []
                continue
        lines = seed_lines[record["seed"]]
        if not lines:
            continue
        if span[1] > len(lines):
            problems.append(f"{where}: lines {span} run past the end of {record['seed']} ({len(lines)} lines)")
            continue
        articles[record["id"]] = Article(
            id=record["id"],
            title=record["title"],
            outlet=record["outlet"],
            outlet_type=record["outlet_type"],
            date=record.get("date"),
            seed=record["seed"],
            first_line=span[0],
            last_line=span[1],
            text="\n".join(lines[span[0] - 1 : span[1]]),
        )
    if problems:
        raise DataFileError(problems)
    return articles


def article_statements(article: Article) -> list[Statement]:
    """The statements the project's segmenter finds in an article.

    Parameters
    ----------
    article : Article
        An article of the corpus.

    Returns
    -------
    list of Statement
        As :func:`stanceclf.segment.segment` finds them in ``article.text``.
    """
    return segment(article.text)
