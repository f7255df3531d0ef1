"""Bytes -> text, one rule for files, archives and standard input.

- A UTF-8 byte-order mark is removed: it is not part of the text, and left
  in it would become a statement of its own or hide a repeated headline.
- Text that is valid UTF-8 is read as UTF-8.
- Otherwise, with ``encoding=None``, the encoding is detected with
  charset-normalizer (``pip install "stanceclf[encodings]"``) and reported
  through ``report``; without charset-normalizer the text is refused with a
  message that names ``--encoding``.
- With an explicit ``encoding`` the bytes are decoded with it, strictly.
"""

from __future__ import annotations

import codecs
from typing import Callable

from .errors import DataFileError, InvalidInputError

__all__ = ["decode_bytes", "LineDecoder", "check_encoding", "check_not_binary"]

_BOM = b"\xef\xbb\xbf"
_CHOOSE = "choose another with --encoding NAME (encoding= from Python)"
_HINT = (
    "give its encoding with --encoding NAME (encoding= from Python; e.g. cp1251), "
    'or pip install "stanceclf[encodings]" to detect it'
)
# A text file has no NUL byte (UTF-16 and UTF-32, which have many, start with a byte-order mark or are named).
_BINARY_PROBE = 8192
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Detectors often name a rare Latin code page for Western European bytes that the common ones read the same.
_COMMON = ("cp1252", "iso8859-1")


def check_encoding(name: str) -> str:
    """The codec's canonical name, or `DataFileError` for an encoding Python does not know.

    Parameters
    ----------
    name : str
        An encoding name such as ``cp1251`` or ``latin-1``.

    Returns
    -------
    str
        The canonical codec name (``cp1251``, ``iso8859-1``).
    """
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InvalidInputError(f"--encoding {name}: unknown encoding") from None


def decode_bytes(
    raw: bytes,
    where: str,
    encoding: str | None = None,
    report: Callable[[str], None] | None = None,
    declared: str | None = None,
) -> str:
    """Decode a whole text by the module's rule.

    Parameters
    ----------
    raw : bytes
        The file's (or standard input's) bytes.
    where : str
        The file name, for messages.
    encoding : str, optional
        Decode with this codec; ``None``: UTF-8, or detected when not UTF-8.
    report : callable, optional
        Called with one line naming a detected encoding.
    declared : str, optional
        The encoding the file says it has (a web page's ``<meta charset>``):
        tried before detection when the bytes are not UTF-8.

    Returns
    -------
    str
        The text, without a byte-order mark.

    Raises
    ------
    DataFileError
        ``where:line: not valid ...`` when the bytes cannot be decoded.
    """
    check_not_binary(raw, where, encoding)
    if encoding is not None:
        return _strict(raw, where, encoding, 1).removeprefix("\ufeff")
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        failure = exc
    detected = _declared(raw, declared) or _detect(raw)
    if detected is None:
        line = raw[: failure.start].count(b"\n") + 1
        raise DataFileError(
            [f"{where}:{line}: not valid UTF-8 ({failure.reason} at byte {failure.start}); {_HINT}"]
        ) from None
    text, name = detected
    if declared and name == _canonical(declared):
        how = "declared by the file"
    else:
        name, how = _named(raw, text, name)
    if report is not None:
        report(f"{where}: not UTF-8; read as {name} ({how}; {_CHOOSE})")
    return text.removeprefix("\ufeff")


def check_not_binary(head: bytes, where: str, encoding: str | None = None) -> None:
    """Refuse bytes with a NUL byte in their first 8 KB: a binary file (an image, a PDF, a database), not text.

    Parameters
    ----------
    head : bytes
        The file's first bytes (more may be given; only the first 8 KB are looked at).
    where : str
        The file name, for the message.
    encoding : str, optional
        An encoding named by the user: UTF-16 and UTF-32 (whose text has NUL bytes) are not checked.

    Raises
    ------
    DataFileError
        ``where:line: binary file, not text (a NUL byte at byte N)``.
    """
    if (encoding or "").startswith(("utf-16", "utf-32")) or (encoding is None and head.startswith(_WIDE_BOMS)):
        return
    at = head.find(b"\0", 0, _BINARY_PROBE)
    if at >= 0:
        line = head[:at].count(b"\n") + 1
        raise DataFileError([f"{where}:{line}: binary file, not text (a NUL byte at byte {at}); not read"])


def _named(raw: bytes, text: str, name: str) -> tuple[str, str]:
    """The detected encoding, or cp1252 / latin-1 when it reads the bytes into the same text; and how it was found.

    The detector's own name is kept in the second part, so nothing is hidden.
    """
    for common in _COMMON:
        try:
            same = common != name and raw.decode(common) == text
        except UnicodeDecodeError:
            continue
        if same:
            return common, f"detected as {name}, which reads these bytes the same"
    return name, "detected"


class LineDecoder:
    """Decodes the lines of one archive (JSON Lines, CSV) by the module's rule, line by line.

    An archive is streamed, so the encoding is settled at the first line that
    is not UTF-8: if every line before it was ASCII, which reads the same in
    any ASCII-compatible encoding, that line's detected encoding is used from
    there on; a file that mixes UTF-8 with another encoding is refused.

    Parameters
    ----------
    where : str
        The file name, for messages.
    encoding : str, optional
        As for :func:`decode_bytes`.
    report : callable, optional
        As for :func:`decode_bytes`.
    """

    def __init__(self, where: str, encoding: str | None = None, report: Callable[[str], None] | None = None) -> None:
        self.where, self.encoding, self.report = where, encoding, report
        self._ascii_so_far = True

    def decode(self, raw: bytes, number: int) -> str:
        """Decode line ``number`` (1-based; a BOM is removed from line 1)."""
        if number == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
        if self.encoding is not None:
            return _strict(raw, self.where, self.encoding, number)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            failure = exc
        else:
            self._ascii_so_far = self._ascii_so_far and text.isascii()
            return text
        detected = _detect(raw) if self._ascii_so_far else None
        if detected is None:
            mixed = "" if self._ascii_so_far else "; earlier lines are UTF-8, so the file mixes encodings"
            raise DataFileError(
                [
                    f"{self.where}:{number}: not valid UTF-8 ({failure.reason} at column {failure.start + 1})"
                    f"{mixed}; {_HINT}"
                ]
            ) from None
        self.encoding, how = _named(raw, *detected)
        if self.report is not None:
            self.report(f"{self.where}: not UTF-8 from line {number}; read as {self.encoding} ({how}; {_CHOOSE})")
        return _strict(raw, self.where, self.encoding, number)


def _strict(raw: bytes, where: str, encoding: str, number: int) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = number + raw[: exc.start].count(b"\n")
        raise DataFileError([f"{where}:{line}: not valid {encoding} ({exc.reason} at byte {exc.start})"]) from None


def _canonical(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _declared(raw: bytes, declared: str | None) -> tuple[str, str] | None:
    """The text in the encoding the file declares, or None (none declared, unknown, or the bytes disagree)."""
    name = _canonical(declared) if declared else None
    if name is None:
        return None
    try:
        return raw.decode(name), name
    except UnicodeDecodeError:
        return None


def _detect(raw: bytes) -> tuple[str, str] | None:
    """The text and the encoding charset-normalizer finds, or None (not installed, or nothing fits)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(raw).best()
    if best is None:
        return None
    return str(best), codecs.lookup(best.encoding).name
