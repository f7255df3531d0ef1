"""Where texts come from: files, folders, globs, web pages, CSV/TSV and JSON Lines archives.

:func:`iter_documents` turns the command line's inputs into a lazy stream of
:class:`Document` (name, text, metadata), so that an archive is never read
into memory whole; :func:`iter_texts` gives the same stream as ``(name,
text)`` pairs.

- ``-``: standard input, one text (bytes decoded exactly as a file's).
- a folder: every ``*.txt``, ``*.html`` and ``*.htm`` file below it, in sorted
  path order (a folder without any is an error). Names starting with ``.``
  are skipped; symbolic links are followed, but each folder and each file is
  visited once, so a link loop ends.
- a pattern with ``*``, ``?`` or ``[``: the matching files, sorted, walked the
  same way (quote it so the shell leaves it to us:
  ``stanceclf classify 'archive/**/*.txt'``).
- a ``.html`` / ``.htm`` file: the article's text and metadata (title, date,
  site, url), extracted with trafilatura (:mod:`stanceclf.extract`).
- a ``.jsonl`` file: one article per line, ``{"id": ..., "text": ..., ...}``.
- a ``.csv`` / ``.tsv`` file: one article per row, with a header row.
- any other path: one text file.

In archives the text's field is ``text`` and the name's field ``id`` unless
told otherwise (``text_field``, ``id_field``); the name is ``file:line``
without one. Every other field is kept as the document's metadata, and a
``title`` (or ``headline``) field is put before the text as its first
statement, as a web page's title is.

Bytes are decoded by :mod:`stanceclf.decoding` (byte-order mark removed; not
UTF-8: detected or refused). A lone surrogate in a JSON string (``"\\ud800"``,
which no output can encode) is replaced with U+FFFD and reported.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from .decoding import LineDecoder, check_not_binary, decode_bytes
from .errors import DataFileError, StanceclfError
from .extract import article_text, extract_html
from .files import _read_bytes, unreadable

__all__ = ["Document", "iter_documents", "iter_texts", "count_texts", "metadata_fields", "HTML_FIELDS"]

FOLDER_SUFFIXES = (".txt", ".html", ".htm")
HTML_FIELDS = ("title", "date", "site", "url")
_TABLES = {".csv": ",", ".tsv": "\t"}
_HEADLINE_FIELDS = ("title", "headline")
_SURROGATE = re.compile("[\ud800-\udfff]")

Report = Callable[[str], None]


@dataclass(frozen=True)
class Document:
    """One text to classify.

    Attributes
    ----------
    name : str
        The path, the archive's id, or ``file:line``.
    text : str
        The text, a headline first when the input has one.
    metadata : dict of str to str
        Every other field of the input (an archive's outlet, date, url,
        title, ...; a web page's title, date, site, url), in input order.
    """

    name: str
    text: str
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Options:
    text_field: str
    id_field: str
    id_required: bool  # the id field was named (not the default "id"): an archive without it is an error
    encoding: str | None
    on_skip: Report | None
    report: Report


def iter_documents(
    inputs: Sequence[str],
    *,
    text_field: str = "text",
    id_field: str | None = None,
    encoding: str | None = None,
    on_skip: Report | None = None,
    report: Report | None = None,
) -> Iterator[Document]:
    """Yield a :class:`Document` for every text the inputs name, lazily, in order.

    Parameters
    ----------
    inputs : sequence of str
        Paths, folders, glob patterns, ``.html``, ``.jsonl``, ``.csv`` and
        ``.tsv`` files, or ``-``.
    text_field : str
        The field (column) holding an archive's text.
    id_field : str, optional
        The field (column) holding an archive's name for each text. None:
        ``id`` when the archive has it (else ``file:line``); a name given
        must be a column of a CSV/TSV file and a field of every JSON Lines
        record. Two records of one archive with the same id are reported
        (``report``), both are kept.
    encoding : str, optional
        Decode every input with this codec instead of UTF-8 / detection.
    on_skip : callable, optional
        When given, a bad file (or a bad archive line) is passed to it as
        ``"path:line: what is wrong"`` and skipped; when None, it is raised.
    report : callable, optional
        Called with notes that are not errors: a detected encoding, replaced
        surrogates (default: :func:`warnings.warn`).

    Yields
    ------
    Document

    Raises
    ------
    DataFileError
        Without ``on_skip``: naming the file (and line, in an archive) that
        is missing, unreadable, undecodable or malformed, a pattern that
        matches nothing, a folder without texts, or an input that is text
        rather than a file name.
    StanceclfError
        For a ``.html`` file when trafilatura is not installed.
    """
    options = _Options(text_field, id_field or "id", id_field is not None, encoding, on_skip, report or _warn)
    for item in inputs:
        if item == "-":
            yield from _guarded(lambda: iter([Document("-", _read_stdin(options))]), options)
            continue
        try:
            paths = _expand(item, options.on_skip, options.report)
        except DataFileError as exc:
            _skip_or_raise(exc, options)
            continue
        for path in paths:
            yield from _guarded(lambda: _one_path(path, options), options)


def iter_texts(inputs: Sequence[str], **options: Any) -> Iterator[tuple[str, str]]:
    """Yield ``(name, text)`` for every text the inputs name (see :func:`iter_documents`).

    Parameters
    ----------
    inputs : sequence of str
        As for :func:`iter_documents`.
    **options
        Passed on to :func:`iter_documents`.

    Yields
    ------
    (str, str)
        A name for the text (path, ``id`` or ``file:line``) and the text.
    """
    for document in iter_documents(inputs, **options):
        yield document.name, document.text


def count_texts(inputs: Sequence[str]) -> int | None:
    """How many texts :func:`iter_documents` will yield, when it is cheap to know.

    Counts files and archive rows without reading texts; ``None`` when the
    input includes standard input or cannot be listed.
    """
    total = 0
    try:
        for item in inputs:
            if item == "-":
                return None
            for path in _expand(item, on_skip=lambda problem: None):
                total += _count_rows(path)
    except StanceclfError:
        return None
    return total


def metadata_fields(
    inputs: Sequence[str], *, text_field: str = "text", id_field: str | None = None, encoding: str | None = None
) -> list[str]:
    """Every metadata field the inputs' documents can carry, in first-seen order.

    For a CSV output, whose columns are written before the first row: reads
    the header of CSV/TSV files and the keys of every JSON Lines line,
    decoded with ``encoding`` as :func:`iter_documents` decodes them (bad
    lines are left to :func:`iter_documents` to report).
    """
    found: dict[str, None] = {}
    for item in inputs:
        if item == "-":
            continue
        try:
            paths = _expand(item, on_skip=lambda problem: None)
        except StanceclfError:
            continue
        for path in paths:
            for name in _fields_of(path, encoding):
                if name not in (text_field, id_field or "id"):
                    found[name] = None
    return list(found)


def _guarded(make: Callable[[], Iterator[Document]], options: _Options) -> Iterator[Document]:
    """Yield from a reader; a file-level error is skipped (reported) or raised."""
    try:
        yield from make()
    except DataFileError as exc:
        _skip_or_raise(exc, options)


def _skip_or_raise(exc: DataFileError, options: _Options) -> None:
    if options.on_skip is None:
        raise exc
    for problem in exc.problems:
        options.on_skip(problem)


def _warn(message: str) -> None:
    import warnings

    warnings.warn(message, UserWarning, stacklevel=3)


def _read_stdin(options: _Options) -> str:
    stream = sys.stdin
    closed = DataFileError(["standard input: is closed; give files to classify, or pipe a text in"])
    if stream is None:
        raise closed
    buffer = getattr(stream, "buffer", None)
    try:
        raw = stream.read() if buffer is None else buffer.read()  # no buffer: a text stream (io.StringIO)
    except (OSError, ValueError):  # closed descriptor, or a stream already closed
        raise closed from None
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    return decode_bytes(raw, "standard input", options.encoding, options.report)


def _expand(item: str, on_skip: Report | None, report: Report | None = None) -> list[Path]:
    """The files one input names: a pattern's matches, a folder's texts, or the path itself."""
    if _is_pattern(item):
        paths = _match(item, on_skip)
        if not paths:
            raise DataFileError([f"{item}: the pattern matches no file"])
        return paths
    try:
        info = os.stat(item)
    except (FileNotFoundError, NotADirectoryError):
        if "\n" in item:
            raise DataFileError([_not_a_file_name(item)]) from None
        return [Path(item)]  # reading it says "no such file"
    except ValueError:  # a NUL character
        raise DataFileError([_not_a_file_name(item)]) from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise DataFileError([_not_a_file_name(item)]) from None
        raise unreadable(item, exc) from None
    if not _is_dir(info):
        return [Path(item)]
    others: list[str] = []
    paths = _walk(Path(item), lambda relative: relative.lower().endswith(FOLDER_SUFFIXES), None, on_skip, others)
    if not paths:  # a folder with nothing to classify is a mistaken path, not an empty archive
        raise DataFileError([f"{item}: the folder holds no .txt file (nor .html, .htm)"])
    if others and report is not None:  # a folder of .csv or .pdf files is read as nothing: say so
        kinds = ", ".join(sorted({Path(name).suffix.lower() or "(no suffix)" for name in others}))
        report(f"{item}: {len(others)} file(s) of other kinds left out ({kinds}); a folder gives its .txt and .html")
    return paths


def _is_dir(info: os.stat_result) -> bool:
    import stat

    return stat.S_ISDIR(info.st_mode)


def _not_a_file_name(item: str) -> str:
    shown = " ".join(item.split())
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return (
        f"{shown!r}: not a file name (an input of {len(item):,} characters); to classify a text itself, "
        "pipe it in: stanceclf classify - < article.txt"
    )


def _match(pattern: str, on_skip: Report | None) -> list[Path]:
    """Files matching a glob pattern (``**``: any folders), walked with :func:`_walk`."""
    parts = pattern.split("/")
    fixed = next(i for i, part in enumerate(parts) if _is_pattern(part))
    root = "/".join(parts[:fixed]) or ("/" if pattern.startswith("/") else ".")
    rest = parts[fixed:]
    regex = re.compile("".join(_segment_regex(part, i == len(rest) - 1) for i, part in enumerate(rest)))
    depth = None if "**" in rest else len(rest) - 1
    if not os.path.isdir(root):
        return []
    return _walk(Path(root), regex.fullmatch, depth, on_skip)


def _segment_regex(part: str, last: bool) -> str:
    """One path segment of a glob as a regular expression (``*`` and ``?`` stay within the segment)."""
    if part == "**":
        return ".*" if last else "(?:[^/]+/)*"
    out, i = [], 0
    while i < len(part):
        char = part[i]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and "]" in part[i + 2 :]:
            end = part.index("]", i + 2)  # a "]" right after "[" is part of the set
            body = part[i + 1 : end].replace("\\", "\\\\")
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out) + ("" if last else "/")


def _walk(
    root: Path,
    accept: Callable[[str], Any],
    max_depth: int | None,
    on_skip: Report | None,
    refused: list[str] | None = None,
) -> list[Path]:
    """Files below ``root`` whose path relative to it is accepted; every folder and file once.

    The files not accepted are added to ``refused``, when given.

    Symbolic links to folders are followed, but a folder already visited (by
    device and inode) is not entered again, so link loops end; a file reached
    by two paths is listed once, under the first path in sorted order.
    """
    files: dict[tuple[int, int], Path] = {}
    visited: set[tuple[int, int]] = set()
    stack = [(root, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            info = os.stat(folder)
        except OSError:  # vanished, or a link loop the kernel refuses
            continue
        if (info.st_dev, info.st_ino) in visited:
            continue
        visited.add((info.st_dev, info.st_ino))
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except PermissionError:
            _problem(f"{folder}: permission denied (the folder cannot be listed)", on_skip)
            continue
        except OSError as exc:
            _problem(f"{folder}: the folder cannot be listed ({exc.strerror})", on_skip)
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_dir():
                    if max_depth is None or depth < max_depth:
                        stack.append((path, depth + 1))
                    continue
                if not entry.is_file():
                    continue
                found = entry.stat()
            except OSError:  # a looping or unreadable link
                continue
            if accept(path.relative_to(root).as_posix()):
                key = (found.st_dev, found.st_ino)
                files[key] = min(files.get(key, path), path)
            elif refused is not None:
                refused.append(entry.name)
    return sorted(files.values())


def _problem(problem: str, on_skip: Report | None) -> None:
    if on_skip is None:
        raise DataFileError([problem])
    on_skip(problem)


def _one_path(path: Path, options: _Options) -> Iterator[Document]:
    name = _display(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, name, options)
    elif suffix in _TABLES:
        yield from _read_table(path, name, _TABLES[suffix], options)
    elif suffix in (".html", ".htm"):
        raw = _read_bytes(path)
        html = decode_bytes(raw, name, options.encoding, options.report, declared=_meta_charset(raw))
        article = extract_html(html)
        if not article.text.strip():
            raise DataFileError([f"{name}: no article text found in the page"])
        yield Document(name, article_text(article.title, article.text), article.metadata)
    else:
        text = decode_bytes(_read_bytes(path), name, options.encoding, options.report)
        if not text.strip():
            options.report(f"{name}: the file is empty (no statement to classify)")
        yield Document(name, text)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _meta_charset(raw: bytes) -> str | None:
    """The encoding a page declares in its first 4 KB (``<meta charset=...>``), if any."""
    found = _META_CHARSET.search(raw[:4096])
    return found.group(1).decode("ascii") if found else None


def _display(path: Path) -> str:
    """A path as text that every output can encode (undecodable file-name bytes as ``\\xNN``)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _lines(path: Path, name: str, encoding: str | None = None) -> Iterator[tuple[int, bytes]]:
    """An archive's lines, numbered from 1; a binary file (a NUL byte in its first 8 KB) is refused first."""
    try:
        stream = open(path, "rb")
    except OSError as exc:
        raise unreadable(name, exc) from None
    with stream:
        check_not_binary(stream.peek(8192), name, encoding)
        yield from enumerate(stream, start=1)


def _read_jsonl(path: Path, name: str, options: _Options) -> Iterator[Document]:
    decoder = LineDecoder(name, options.encoding, options.report)
    ids: dict[str, int] = {}
    for number, raw in _lines(path, name, options.encoding):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = _parse_json(decoder.decode(raw, number), where)
            _check_record(record, where, options)
            yield _document(record, where, number, options, ids)
        except DataFileError as exc:
            _skip_or_raise(exc, options)


_JSON_TYPES = {
    bool: "true or false",
    int: "a number",
    float: "a number",
    str: "a string",
    list: "a list",
    dict: "an object",
}


def _check_record(record: Any, where: str, options: _Options) -> None:
    """A JSON Lines record must be an object with the text (a string) and, when named, the id field."""
    if not isinstance(record, dict):
        raise DataFileError([f"{where}: expected a JSON object, got {_JSON_TYPES.get(type(record), 'null')}"])
    fields = f"; its fields: {', '.join(map(str, record))}" if record else "; it has no fields"
    text = record.get(options.text_field)
    if options.text_field not in record:
        raise DataFileError([f'{where}: no "{options.text_field}" field{fields}'])
    if not isinstance(text, str):
        kind = _JSON_TYPES.get(type(text), "null")
        raise DataFileError([f'{where}: the "{options.text_field}" field is {kind}, expected a string (the text)'])
    if options.id_required and options.id_field not in record:
        raise DataFileError([f'{where}: no "{options.id_field}" field for the id (--id-field, id_field=){fields}'])


def _parse_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError([f"{where}: malformed JSON: {exc.msg} at column {exc.colno}"]) from None
    except RecursionError:
        raise DataFileError([f"{where}: malformed JSON: nested too deeply to read"]) from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        reason = "a number too long to read" if "digits" in str(exc) else str(exc)
        raise DataFileError([f"{where}: malformed JSON: {reason}"]) from None


def _read_table(path: Path, name: str, delimiter: str, options: _Options) -> Iterator[Document]:
    decoder = LineDecoder(name, options.encoding, options.report)
    # Articles are longer than the csv module's default limit of 128 KB per field.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    positions: list[int] = []
    read: list[tuple[int, str]] = []  # the current row's lines, to tell where an unclosed quote ran on

    def lines() -> Iterator[str]:
        for number, raw in _lines(path, name, options.encoding):
            positions.append(number)
            text = decoder.decode(raw, number)
            read.append((number, text))
            yield text

    # strict: a closing quote must be followed by the delimiter or the line's end, and a quote may not run to
    # the end of the file; unclosed quotes (which would swallow the rows after them) are told that way.
    reader = csv.reader(lines(), delimiter=delimiter, strict=True)
    first = 1
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise DataFileError([f"{name}:1: malformed header row ({exc})"]) from None
    if header is None:
        raise DataFileError([f"{name}:1: the file is empty; expected a header row"])
    for column, required, what in ((options.text_field, True, "text"), (options.id_field, options.id_required, "id")):
        if required and column not in header:
            raise DataFileError(
                [
                    f'{name}:1: no "{column}" column (columns: {", ".join(header)}); name the {what}\'s column '
                    f"with --{what}-field ({what}_field= from Python)"
                ]
            )
    ids: dict[str, int] = {}
    while True:
        first = (positions[-1] + 1) if positions else first
        where = f"{name}:{first}"
        read.clear()
        try:
            row = next(reader, None)
            if row is None:
                return
            if not row:
                continue
            if len(row) != len(header):
                raise DataFileError([f"{where}: expected {len(header)} fields as in the header, got {len(row)}"])
            yield _document(dict(zip(header, row)), where, first, options, ids)
        except csv.Error as exc:
            problem = _malformed_row(where, first, str(exc), read, delimiter, len(header))
            _skip_or_raise(DataFileError([problem]), options)
        except DataFileError as exc:
            _skip_or_raise(exc, options)


def _malformed_row(where: str, line: int, reason: str, read: list[tuple[int, str]], delimiter: str, width: int) -> str:
    """The problem of a row the csv reader refused: an unclosed quote names the line it ran into.

    ``line`` is the row's first line. When the row took several lines, its quoted field is taken to be
    unclosed: the message names the first later line that reads as a row of its own (as many fields as
    the header), or the end of the file.
    """
    if len(read) < 2:
        return f"{where}: malformed row ({reason})"
    for number, text in read[1:]:
        if len(next(csv.reader([text], delimiter=delimiter), [])) == width:
            shown = text.strip() if len(text.strip()) <= 40 else text.strip()[:37] + "..."
            return (
                f"{where}: a quoted field is not closed: it runs on into line {number}, which reads as a row "
                f"of its own ({shown!r}); close the quote on line {line}"
            )
    if reason.startswith("unexpected end of data"):
        return f"{where}: a quoted field is not closed: it runs on to the end of the file (line {read[-1][0]})"
    return f"{where}: malformed row ({reason}, line {read[-1][0]})"


def _document(record: dict[str, Any], where: str, line: int, options: _Options, ids: dict[str, int]) -> Document:
    """An archive record as a Document: text, name, the other fields as metadata, the headline first.

    ``where`` is ``file:line`` for messages, ``line`` the record's (first) line. ``ids`` maps the
    archive's ids seen so far to their lines: a repeated id is reported, not refused.
    """
    cleaned = {str(key): _clean(value, where, options.report) for key, value in record.items() if value is not None}
    text = cleaned.pop(options.text_field)
    if not text.strip():
        options.report(f"{where}: the text is empty (no statement to classify)")
    name = cleaned.pop(options.id_field, "") or where
    if name != where and ids.setdefault(name, line) != line:
        options.report(f"warning: {where}: the id {name!r} is also the id of line {ids[name]}; both texts are kept")
    headline = next((cleaned[key] for key in _HEADLINE_FIELDS if cleaned.get(key, "").strip()), None)
    return Document(name, article_text(headline, text), cleaned)


def _clean(value: Any, where: str, report: Report) -> str:
    """A field's value as text that every output can encode."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if _SURROGATE.search(text):
        report(f"{where}: lone surrogate(s) replaced with U+FFFD (no output can encode them)")
        text = _SURROGATE.sub("\ufffd", text)
    return text


def _count_rows(path: Path) -> int:
    suffix = path.suffix.lower()
    if suffix not in _TABLES and suffix != ".jsonl":
        return 1
    try:
        with open(path, "rb") as stream:
            if suffix == ".jsonl":
                return sum(1 for line in stream if line.strip())
            lines = (line.decode("latin-1") for line in stream)  # counting only: any byte decodes
            return max(sum(1 for row in csv.reader(lines, delimiter=_TABLES[suffix]) if row) - 1, 0)
    except (OSError, csv.Error):
        raise DataFileError([f"{path}: cannot be counted"]) from None


def _fields_of(path: Path, encoding: str | None) -> list[str]:
    """The field names of one input, decoded as :func:`iter_documents` will decode them."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return list(HTML_FIELDS)
    if suffix not in _TABLES and suffix != ".jsonl":
        return []
    decoder = LineDecoder(str(path), encoding)
    keys: dict[str, None] = {}
    try:
        for number, raw in _lines(path, str(path)):
            line = decoder.decode(raw, number)
            if suffix in _TABLES:
                return next(csv.reader([line], delimiter=_TABLES[suffix]), [])
            try:
                record = json.loads(line)
            except (ValueError, RecursionError):
                continue
            if isinstance(record, dict):
                keys.update((str(key), None) for key in record)
    except DataFileError:  # left for iter_documents to report
        pass
    return list(keys)


def _is_pattern(item: str) -> bool:
    return any(char in item for char in "*?[")
