"""Reading and writing the project's data files safely.

Readers report *every* problem of a JSON Lines file as ``path:line: what``
instead of stopping at the first. Writers never leave a half-written file:
they write a temporary file in the target's folder and rename it into place,
so a crash or a kill leaves either the old file or the new one.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import DataFileError

__all__ = ["read_jsonl", "parse_jsonl", "write_jsonl", "atomic_write_bytes", "read_text_file"]


def read_text_file(path: str | os.PathLike[str]) -> str:
    """Read a whole UTF-8 text file, raising `DataFileError` naming the file.

    Parameters
    ----------
    path : str or path-like
        The file to read.

    Returns
    -------
    str
        The file's text, line endings kept as they are.

    Raises
    ------
    DataFileError
        When the file is missing, a directory, unreadable or not UTF-8.
    """
    raw = _read_bytes(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError([f"{path}:{line}: not valid UTF-8 ({exc.reason} at byte {exc.start})"]) from None


def read_jsonl(path: str | os.PathLike[str]) -> list[tuple[int, dict[str, Any]]]:
    """Read a JSON Lines file into ``(line_number, object)`` pairs.

    Parameters
    ----------
    path : str or path-like
        The file to read: UTF-8 without a byte-order mark, LF line endings,
        one JSON object per line.

    Returns
    -------
    list of (int, dict)
        Each object with its 1-based line number.

    Raises
    ------
    DataFileError
        Listing every line that is not a JSON object, with file and line;
        also for an empty file, a byte-order mark, CRLF line endings, bytes
        that are not UTF-8, a missing file, a directory or no permission.
    """
    records, problems = parse_jsonl(path)
    if problems:
        raise DataFileError(problems)
    return records


def parse_jsonl(path: str | os.PathLike[str]) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    """Read a JSON Lines file, returning the good lines and every problem.

    Parameters
    ----------
    path : str or path-like
        The file to read.

    Returns
    -------
    records : list of (int, dict)
        The lines that hold a JSON object, with their 1-based numbers.
    problems : list of str
        Each problem as ``"path:line: what is wrong"`` (see :func:`read_jsonl`).
    """
    try:
        raw = _read_bytes(path)
    except DataFileError as exc:
        return [], list(exc.problems)
    problems: list[str] = []
    if not raw.strip():
        return [], [f"{path}:1: the file is empty; expected one JSON object per line"]
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{path}:1: the file starts with a byte-order mark; save it as UTF-8 without BOM")
        raw = raw[3:]
    records: list[tuple[int, dict[str, Any]]] = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if line.endswith(b"\r"):
            problems.append(f"{path}:{number}: line ends with CRLF; use LF line endings")
            line = line[:-1]
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(f"{path}:{number}: not valid UTF-8 ({exc.reason} at column {exc.start + 1})")
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(value, dict):
            problems.append(f"{path}:{number}: expected a JSON object, got {type(value).__name__}")
            continue
        records.append((number, value))
    return records, problems


def write_jsonl(path: str | os.PathLike[str], objects: Iterable[dict[str, Any]]) -> None:
    """Write objects as JSON Lines atomically (temporary file, then rename).

    Parameters
    ----------
    path : str or path-like
        Destination; its folder must exist.
    objects : iterable of dict
        Written one per line, keys in the order given, UTF-8, LF endings.
    """
    lines = [json.dumps(obj, ensure_ascii=False) + "\n" for obj in objects]
    atomic_write_bytes(path, "".join(lines).encode("utf-8"))


def atomic_write_bytes(
    path: str | os.PathLike[str],
    data: bytes | Callable[[Path], None],
) -> None:
    """Write a file so that readers only ever see the old or the new whole file.

    Parameters
    ----------
    path : str or path-like
        Destination; its folder must exist.
    data : bytes or callable
        The bytes to write, or a function that writes the content to the
        temporary path it is given (used for joblib dumps).

    Notes
    -----
    The temporary file lives in the destination's folder so that the final
    ``os.replace`` is a rename within one file system, which is atomic. On any
    failure the temporary file is removed and the destination is untouched.
    """
    target = Path(path)
    handle, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        if callable(data):
            os.close(handle)
            data(tmp)
        else:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
        with open(tmp, "rb+") as stream:
            os.fsync(stream.fileno())
        # mkstemp creates 0600; give the file the permissions a plain open() would.
        os.chmod(tmp, 0o666 & ~_current_umask())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _read_bytes(path: str | os.PathLike[str]) -> bytes:
    target = Path(path)
    try:
        return target.read_bytes()
    except FileNotFoundError:
        raise DataFileError([f"{path}:0: no such file"]) from None
    except IsADirectoryError:
        raise DataFileError([f"{path}:0: is a directory, expected a file"]) from None
    except PermissionError:
        raise DataFileError([f"{path}:0: permission denied"]) from None
    except OSError as exc:
        raise DataFileError([f"{path}:0: cannot be read ({exc.strerror})"]) from None
