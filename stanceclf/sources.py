"""Where texts come from: files, folders, globs and JSON Lines archives.

:func:`iter_texts` turns the command line's inputs into a lazy stream of
``(name, text)`` pairs, so that an archive is never read into memory whole.

- ``-``: standard input, one text.
- a folder: every ``*.txt`` file below it, in sorted path order (a folder
  without any is an error).
- a pattern with ``*``, ``?`` or ``[``: the matching files, sorted (quote it
  so the shell leaves it to us: ``stanceclf classify 'archive/**/*.txt'``).
- a ``.jsonl`` file: one article per line, ``{"id": ..., "text": ...}``
  (``id`` optional; the name becomes ``file:line`` without one).
- any other path: one UTF-8 text file.
"""

from __future__ import annotations

import glob
import json
import sys
from pathlib import Path
from typing import Iterator, Sequence

from .errors import DataFileError
from .files import read_text_file

__all__ = ["iter_texts", "count_texts"]


def iter_texts(inputs: Sequence[str]) -> Iterator[tuple[str, str]]:
    """Yield ``(name, text)`` for every text the inputs name, lazily, in order.

    Parameters
    ----------
    inputs : sequence of str
        Paths, folders, glob patterns, ``.jsonl`` archives or ``-``.

    Yields
    ------
    (str, str)
        A name for the text (path, ``id`` or ``file:line``) and the text.

    Raises
    ------
    DataFileError
        Naming the file (and line, in a ``.jsonl`` archive) that is missing,
        unreadable, not UTF-8 or malformed, a pattern that matches nothing,
        or a folder without ``.txt`` files.
    """
    for item in inputs:
        if item == "-":
            yield "-", sys.stdin.read()
            continue
        paths = _expand(item)
        if _is_pattern(item) and not paths:
            raise DataFileError([f"{item}:0: the pattern matches no file"])
        if not paths:  # a folder with nothing to classify is a mistaken path, not an empty archive
            raise DataFileError([f"{item}:0: the folder holds no .txt file"])
        for path in paths:
            yield from _one_path(path)


def count_texts(inputs: Sequence[str]) -> int | None:
    """How many texts :func:`iter_texts` will yield, when it is cheap to know.

    Counts files and archive lines without reading texts; ``None`` when the
    input includes standard input.
    """
    total = 0
    for item in inputs:
        if item == "-":
            return None
        for path in _expand(item):
            if path.suffix == ".jsonl" and path.is_file():
                with open(path, "rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            else:
                total += 1
    return total


def _expand(item: str) -> list[Path]:
    """The files one input names: a pattern's matches, a folder's ``*.txt``, or the path itself."""
    if _is_pattern(item):
        return sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file())
    if Path(item).is_dir():
        return sorted(Path(item).rglob("*.txt"))
    return [Path(item)]


def _one_path(path: Path) -> Iterator[tuple[str, str]]:
    if path.suffix != ".jsonl":
        yield str(path), read_text_file(path)
        return
    try:
        stream = open(path, "rb")
    except OSError as exc:
        raise DataFileError([f"{path}:0: cannot be read ({exc.strerror})"]) from None
    with stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                raise DataFileError([f"{where}: not valid UTF-8 ({exc.reason})"]) from None
            except json.JSONDecodeError as exc:
                raise DataFileError([f"{where}: malformed JSON: {exc.msg} at column {exc.colno}"]) from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise DataFileError([f'{where}: expected an object with a "text" string'])
            name = record.get("id")
            yield (str(name) if name is not None else where), record["text"]


def _is_pattern(item: str) -> bool:
    return any(char in item for char in "*?[")
