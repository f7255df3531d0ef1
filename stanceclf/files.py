"""Reading and writing the project's data files safely.

Readers report *every* problem of a JSON Lines file as ``path:line: what``
instead of stopping at the first; every JSON reader of stanceclf (label
files, the corpus index, archives, model cards) parses through
:func:`parse_json_line`, so that JSON that breaks the parser in any way
(a malformed line, an integer of thousands of digits, nesting thousands
deep, a lone surrogate) is one problem with file and line, never a
traceback.

Writers never leave a half-written file: they write a temporary file in the
target's folder and rename it into place, so a crash or a kill leaves either
the old file or the new one. :func:`check_output_path` checks a destination
before any work is done, so that a mistyped ``-o`` is found in a second, not
after a whole run.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import DataFileError, InputTypeError, InvalidInputError, OutputPathError

__all__ = [
    "read_jsonl",
    "parse_jsonl",
    "parse_json_line",
    "write_jsonl",
    "atomic_write_bytes",
    "atomic_write_text",
    "check_output_path",
    "read_text_file",
    "lone_surrogate",
]

# A surrogate code point left in a decoded str is always a lone one: json
# joins a valid escaped pair into one character.
_SURROGATE = re.compile("[\ud800-\udfff]")
# In JSON decoded from UTF-8 a surrogate can only come from a \u escape;
# searching for the escape is cheaper than searching the decoded strings.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


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


def parse_json_line(data: bytes | str, where: str) -> Any:
    """Parse one JSON value: a line of a JSON Lines file, or a small JSON file.

    The one JSON parser of stanceclf's readers. Every way JSON can fail is
    turned into one :class:`DataFileError` whose message starts with
    ``where``.

    Parameters
    ----------
    data : bytes or str
        The JSON text; bytes must be UTF-8.
    where : str
        Where the text comes from, for the message: ``"path:line"`` for a
        line, the path for a whole file.

    Returns
    -------
    object
        The parsed value (any JSON type; the caller checks the shape).

    Raises
    ------
    DataFileError
        With one problem ``"{where}: ..."``: bytes that are not UTF-8;
        malformed JSON (with the column, and the line when the text has
        several); an integer longer than Python converts
        (``sys.get_int_max_str_digits()`` digits); arrays or objects nested
        deeper than the parser's recursion limit; a lone surrogate
        (``"\\ud800"``), which is not Unicode text and could not be written
        out again as UTF-8.
    """
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataFileError([f"{where}: not valid UTF-8 ({exc.reason} at column {exc.start + 1})"]) from None
        raw_surrogates = False  # strict UTF-8 decoding never yields one
    else:
        raw_surrogates = not data.isascii() and lone_surrogate(data) is not None
    try:
        value = json.loads(data)
    except json.JSONDecodeError as exc:
        at = f"column {exc.colno}" if exc.lineno == 1 else f"line {exc.lineno} column {exc.colno}"
        raise DataFileError([f"{where}: malformed JSON: {exc.msg} at {at}"]) from None
    except RecursionError:
        raise DataFileError([f"{where}: malformed JSON: arrays or objects nested too deeply"]) from None
    except ValueError:  # the only other ValueError json raises: int() refusing a huge number
        limit = sys.get_int_max_str_digits()
        raise DataFileError([f"{where}: malformed JSON: a number with more than {limit} digits"]) from None
    found = _surrogate_in(value) if raw_surrogates or _SURROGATE_ESCAPE.search(data) else None
    if found is not None:
        field, offset, char = found
        raise DataFileError(
            [
                f"{where}: {field} holds a lone surrogate \\u{ord(char):04x} at character {offset + 1}; "
                "that is not Unicode text (fix the \\u escape)"
            ]
        )
    return value


def lone_surrogate(text: str) -> int | None:
    """The offset of the first lone surrogate in ``text``, or None.

    A surrogate code point left in a Python str is always a lone one (a
    JSON escape like ``"\\ud800"``, or undecodable bytes read with
    ``surrogateescape``): it has no UTF-8 form, so no file could hold it.
    """
    match = _SURROGATE.search(text)
    return match.start() if match else None


def _surrogate_in(value: Any) -> tuple[str, int, str] | None:
    """The first lone surrogate in a parsed JSON value: (field, offset, character).

    Walks with a stack, not recursion: a value nested just under the
    parser's limit must not overflow here.
    """
    stack: list[tuple[str, Any]] = [("the value", value)]
    while stack:
        label, item = stack.pop()
        if isinstance(item, str):
            at = lone_surrogate(item)
            if at is not None:
                return label, at, item[at]
        elif isinstance(item, dict):
            for key, child in reversed(list(item.items())):
                stack.append((f"field {key!r}", child))
                stack.append(("a field name", key))
        elif isinstance(item, list):
            stack.extend((f"{label} item {index + 1}", child) for index, child in reversed(list(enumerate(item))))
    return None


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
        Listing every line that is not a JSON object (see
        :func:`parse_json_line`), with file and line; also for an empty
        file, a byte-order mark, CRLF line endings, a missing file, a
        directory or no permission.
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
            value = parse_json_line(line, f"{path}:{number}")
        except DataFileError as exc:
            problems.extend(exc.problems)
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

    Raises
    ------
    InvalidInputError
        When a string holds a lone surrogate (it has no UTF-8 form); nothing
        is written.
    """
    lines = [json.dumps(obj, ensure_ascii=False) + "\n" for obj in objects]
    atomic_write_text(path, "".join(lines))


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write text as UTF-8 with :func:`atomic_write_bytes`.

    Parameters
    ----------
    path : str or path-like
        Destination; its folder must exist.
    text : str
        The whole content.

    Raises
    ------
    InvalidInputError
        When the text holds a lone surrogate (it has no UTF-8 form); nothing
        is written.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidInputError(
            f"{path}: not written: the text holds a lone surrogate \\u{ord(text[exc.start]):04x} "
            f"at character {exc.start + 1}, which has no UTF-8 form"
        ) from None
    atomic_write_bytes(path, data)


def atomic_write_bytes(
    path: str | os.PathLike[str],
    data: bytes | Callable[[Path], None],
) -> None:
    """Write a file so that readers only ever see the old or the new whole file.

    Parameters
    ----------
    path : str or path-like
        Destination; its folder must exist. A symbolic link is followed, so
        the file it points to is replaced and the link stays.
    data : bytes or callable
        The bytes to write, or a function that writes the content to the
        temporary path it is given (used for joblib dumps).

    Raises
    ------
    OutputPathError
        When the destination is a folder or a device, or the file system
        refuses the write (no such folder, permission denied, disk full);
        the destination is then untouched.

    Notes
    -----
    The temporary file ``.NAME.PID.XXXX.tmp`` lives in the destination's
    folder so that the final ``os.replace`` is a rename within one file
    system, which is atomic. On any failure it is removed; one left behind
    by a killed process (whose PID no longer runs) is removed by the next
    write to the same destination. An existing file keeps its permission
    bits (a 0600 report stays 0600); a new file gets those a plain
    ``open()`` would give it under the umask.
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    mode = _mode_for(target, path)
    _remove_stray_temporaries(target)
    try:
        handle, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputPathError(f"{path}: cannot be written ({exc.strerror})") from None
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
        os.chmod(tmp, mode)  # mkstemp creates 0600
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputPathError(f"{path}: cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check_output_path(path: str | os.PathLike[str], *, folder: bool = False) -> Path:
    """Check that a destination can be written, before any work is done.

    Every command that writes calls this first, so a mistyped output path
    costs a second, not a whole run.

    Parameters
    ----------
    path : str or path-like
        The file (or, with ``folder=True``, the folder) to be written.
    folder : bool, default False
        The destination is a folder (a model folder, a folder of plots); it
        may be missing, as long as it can be created.

    Returns
    -------
    pathlib.Path
        The path, unchanged.

    Raises
    ------
    OutputPathError
        One line naming the path and what is wrong: a folder where a file is
        expected (or a file where a folder is), a device or pipe, a missing
        folder, a file where a folder should be on the way, no permission to
        create files, a name the file system refuses (too long).
    """
    target = Path(path)
    try:
        info = target.stat()
    except (FileNotFoundError, NotADirectoryError):  # missing, or below a file: said below
        info = None
    except OSError as exc:
        raise OutputPathError(f"{path}: cannot be written ({exc.strerror})") from None
    if info is not None:
        if folder and not stat.S_ISDIR(info.st_mode):
            raise OutputPathError(f"{path}: is a file, expected a folder (or a path where one can be made)")
        if not folder and stat.S_ISDIR(info.st_mode):
            raise OutputPathError(f"{path}: is a folder, expected a file name to write")
        if not folder and not stat.S_ISREG(info.st_mode):
            raise OutputPathError(f"{path}: is not a regular file (a device or a pipe); give a file name")
        _check_can_create(path, target if folder else target.parent)
        return target
    if folder:
        existing = next(p for p in target.absolute().parents if p.exists())
    else:
        existing = target.parent
        if not existing.exists():
            blocker = next((p for p in existing.parents if p.exists() and not p.is_dir()), None)
            if blocker is None:
                raise OutputPathError(f"{path}: cannot be written: the folder {existing} does not exist")
            existing = blocker
    if not existing.is_dir():
        raise OutputPathError(f"{path}: cannot be written: {existing} is a file, not a folder")
    _check_can_create(path, existing)
    return target


def _check_can_create(path: str | os.PathLike[str], folder: Path) -> None:
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputPathError(f"{path}: permission denied: cannot create files in {folder}")
    # os.access says yes to root everywhere, and knows nothing of read-only or virtual file systems (/proc):
    # creating (and removing) an empty probe file is the one sure test.
    try:
        handle, probe = tempfile.mkstemp(prefix=f".stanceclf-probe.{os.getpid()}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputPathError(f"{path}: cannot be written: cannot create files in {folder} ({exc.strerror})") from None
    os.close(handle)
    os.unlink(probe)


def _mode_for(target: Path, shown: str | os.PathLike[str]) -> int:
    """The permission bits the written file gets: the existing file's, else the umask's default."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return 0o666 & ~_current_umask()
    except OSError as exc:
        raise OutputPathError(f"{shown}: cannot be written ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputPathError(f"{shown}: is a folder, expected a file name to write")
    if not stat.S_ISREG(info.st_mode):  # never replace /dev/null or a pipe with a file
        raise OutputPathError(f"{shown}: is not a regular file (a device or a pipe); give a file name")
    return stat.S_IMODE(info.st_mode)


def _remove_stray_temporaries(target: Path) -> None:
    """Remove temporary files of ``target`` left by writers that no longer run."""
    prefix = f".{target.name}."
    try:
        candidates = [entry for entry in os.scandir(target.parent) if entry.name.startswith(prefix)]
    except OSError:
        return  # the write itself will report the folder
    for entry in candidates:
        middle = entry.name[len(prefix) :]
        if not middle.endswith(".tmp"):
            continue
        owner = re.fullmatch(r"(\d+)\.[^.]+", middle[: -len(".tmp")])
        if owner and _is_running(int(owner.group(1))):
            continue  # another writer's file in progress
        try:
            os.unlink(entry.path)
        except OSError:
            pass  # gone already, or not ours to remove


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process: leave its file alone
    return True


def _current_umask() -> int:
    # Read it where the system shows it: setting and restoring the umask
    # would briefly change it for every other thread.
    try:
        with open("/proc/self/status", encoding="ascii") as stream:
            for line in stream:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _read_bytes(path: str | os.PathLike[str]) -> bytes:
    if not isinstance(path, (str, os.PathLike)):
        raise InputTypeError(f"expected a file path (str or path-like), got {type(path).__name__}")
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise unreadable(path, exc) from None


def unreadable(name: str | os.PathLike[str], exc: OSError) -> DataFileError:
    """The error for a file that could not be opened or read, saying why in the reader's words."""
    if isinstance(exc, FileNotFoundError):
        return DataFileError([f"{name}: no such file"])
    if isinstance(exc, IsADirectoryError):
        return DataFileError([f"{name}: is a directory, expected a file"])
    if isinstance(exc, PermissionError):
        return DataFileError([f"{name}: permission denied"])
    return DataFileError([f"{name}: cannot be read ({exc.strerror})"])
