"""Is a text English? The model reads English only; say so when it is not.

Two tests, no guessing model:

- **script**: when fewer than half of the letters are Latin, the text is in
  another script (Cyrillic, Greek, Arabic, ...); Cyrillic text is named
  Ukrainian or Russian when letters that only one of them uses occur;
- **words**: in Latin script, English prose is about a third function words
  (``the``, ``of``, ``and``, ``said``, ...); a text of 20 words or more with
  fewer than 8% of them is in another language (German, French, Polish, ...).

A text shorter than that, or English quoting a foreign phrase, passes. Only
the first 20,000 characters are looked at.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["language_warning"]

_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = frozenset(
    "the a an of and or to in on at by for with from as is are was were be been has have had it its this that "
    "these those he she they we you i his her their our not but if will would can could said says than which "
    "who what when after before over about into also".split()
)
_UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")
_RUSSIAN_ONLY = frozenset("ыэъёЫЭЪЁ")
_MIN_WORDS = 20
_SAMPLE_CHARS = 20_000  # enough to tell; a 50 MB text is not scanned whole
_MIN_FUNCTION_SHARE = 0.08


def language_warning(text: str) -> str | None:
    """Why a text looks like it is not English, or None when it may well be.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str or None
        A short reason (``"Ukrainian (Cyrillic script, 97% of letters)"``),
        or None.

    Examples
    --------
    >>> language_warning("Президент заявив, що Україна не піде на поступки.")
    'Ukrainian (Cyrillic script, 100% of letters)'
    >>> language_warning("Kyiv refused the talks.") is None
    True
    """
    sample = text[:_SAMPLE_CHARS]
    letters = [char for char in sample if char.isalpha()]
    if not letters:
        return None
    others = [char for char in letters if not _is_latin(char)]
    if len(others) * 2 > len(letters):
        scripts: dict[str, int] = {}
        for char in others:
            script = _script(char)
            scripts[script] = scripts.get(script, 0) + 1
        script, count = max(scripts.items(), key=lambda item: item[1])
        share = f"{count / len(letters):.0%} of letters"
        if script == "CYRILLIC":
            found = set(others)
            ukrainian, russian = bool(found & _UKRAINIAN_ONLY), bool(found & _RUSSIAN_ONLY)
            language = "Ukrainian" if ukrainian > russian else "Russian" if russian > ukrainian else "Cyrillic"
            return f"{language} (Cyrillic script, {share})"
        return f"{script.title()} script ({share})"
    words = [word.lower() for word in _WORD.findall(sample) if _is_latin(word[0])]
    if len(words) < _MIN_WORDS:
        return None
    share = sum(word in _FUNCTION_WORDS for word in words) / len(words)
    if share < _MIN_FUNCTION_SHARE:
        return f"non-English (Latin script, {share:.0%} English function words)"
    return None


def _is_latin(char: str) -> bool:
    """Latin letters: Basic Latin to Latin Extended-B, and Latin Extended Additional (Vietnamese)."""
    return char < "\u0250" or "\u1e00" <= char <= "\u1eff"


def _script(char: str) -> str:
    """The first word of a letter's Unicode name: LATIN, CYRILLIC, GREEK, ARABIC, CJK, ..."""
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
