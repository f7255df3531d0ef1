"""Text -> statements: split news text into sentences and drop web furniture.

A *statement* is one sentence of an article's body text (codebook, section 1).
The segmenter never rewrites text: every statement is a verbatim slice
``text[start:end]`` of the input, and statements come out in input order.

The rules, in the order they apply:

1. The text is read line by line. A line that starts with a lower-case letter
   continues the previous line (hard-wrapped text); any other line break ends
   a sentence, because headlines and sub-headings carry no full stop.
2. Whole lines of web furniture are dropped: "Hashtags", "Comments",
   "Related Articles", "6 hours ago", share prompts, bare site names, bare
   datelines ("VLADIVOSTOK"), date stamps and bylines. A line that repeats an
   earlier line of the same text (a headline scraped twice) is dropped too.
3. A paragraph is split after ``.``, ``!``, ``?`` or an ellipsis, with any
   closing quotes or brackets, when the next word starts with a capital
   letter, a digit or an opening quote. No split after titles and
   abbreviations ("Mrs.", "Gen."), initialisms ("U.S."), single initials,
   before a lower-case word ("worry... and"), or between a quote and its
   attribution ("'Are we ready?' Putin asked.").
4. A one-word fragment such as "Meanwhile." is joined to the sentence after it.
5. A sentence longer than :data:`MAX_STATEMENT_CHARS` characters (a megabyte
   of text without punctuation, say) is cut at the last whitespace before the
   limit, or at the limit itself when there is none, so that no input makes
   the segmenter or the model work on one unbounded statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

__all__ = ["MAX_STATEMENT_CHARS", "Statement", "segment", "is_furniture"]

#: Longest statement the segmenter emits; longer runs are cut (rule 5).
MAX_STATEMENT_CHARS = 2000

_OPEN_QUOTES = "\"'“‘«„‚"
_CLOSE_QUOTES = "\"'”’»"

# A candidate boundary: terminal punctuation (a run of it: "?!", "..."),
# optional closing quotes or brackets, whitespace, then (looked at, not
# consumed) what comes next. Starting with a character class lets the regex
# engine skip ahead to the next punctuation mark: twice as fast as an
# alternation that matches the same runs.
_BOUNDARY = re.compile(
    r"(?P<term>[.!?…]+)"
    r"(?P<close>[\"'”’»)\]]*)"
    r"(?P<space>\s+)"
)

# Words after which a full stop does not end a sentence.
_TITLES = frozenset(
    "mr mrs ms dr gen col lt sgt capt cpt maj adm gov sen rep st prof jr sr "
    "rev hon pres amb lieut cmdr brig no nos vs approx dept fig jan feb mar "
    "apr jun jul aug sep sept oct nov dec".split()
)
_INITIALISM = re.compile(r"(?:\b[A-Za-z]\.)+[A-Za-z]$|^[A-Z]$")
_SPEECH_VERB = re.compile(
    r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}\s+"
    r"(?:said|says|asked|asks|added|adds|stated|told|wrote|noted|declared|"
    r"replied|stressed|insisted|explained|continued|emphasi[sz]ed|remarked|"
    r"concluded|claimed|argued|warned|recalled)\b"
)

# --- web furniture: whole lines that are never statements -----------------
_FURNITURE_LINES = re.compile(
    r"""^(?:
        hashtags | tags | comments? | no\ comments\ yet\.* | related\ articles?
      | related | read\ more | read\ also | see\ also | more\ on\ this\ topic
      | try\ our\ ai\ features | explore\ what\ .{1,40}\ can\ do\ for\ you:?
      | share | share\ this(?:\ article)? | advertisement | subscribe.{0,40}
      | follow\ us.{0,40} | sign\ up.{0,40} | click\ here.{0,40}
      | \d+\ (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\ ago
      | just\ now | yesterday | today
      | by\ [A-Z][\w.'\-]+(?:\ [A-Z][\w.'\-]+){0,3}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_SITE_NAMES = frozenset(
    name.lower()
    for name in (
        "Russia Today",
        "RT",
        "RT News",
        "TASS",
        "Sputnik",
        "RIA Novosti",
        "RIA",
        "Interfax",
        "Izvestia",
        "Kommersant",
        "Meduza",
        "Moscow Times",
        "The Moscow Times",
        "Reuters",
        "AP",
        "Associated Press",
        "AFP",
        "BBC",
        "BBC News",
        "CNN",
        "Al Jazeera",
        "DW",
        "Deutsche Welle",
        "Politico",
        "Bloomberg",
        "The Guardian",
        "Guardian",
        "Euronews",
        "Kyiv Independent",
        "The Kyiv Independent",
        "Kyiv Post",
        "Ukrainska Pravda",
        "Ukrinform",
        "RBC-Ukraine",
        "UNIAN",
        "Daily8",
        "Newsweek",
        "Fox News",
        "NBC News",
        "CBS News",
        "ABC News",
        "NPR",
        "Washington Post",
        "The Washington Post",
        "New York Times",
        "The New York Times",
        "Financial Times",
        "The Economist",
        "Anadolu",
        "Anadolu Agency",
        "Xinhua",
        "Yahoo News",
        "MSN",
    )
)
_DATELINE = re.compile(r"^[A-Z][A-Z'\-]{2,}(?:[ ,]+[A-Z][A-Za-z'\-]*){0,3}\.?$")
_DATE_WORDS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?|am|pm|a\.m\.|p\.m\.|utc|gmt|est|edt|cet|cest|"
    r"msk|eet|eest|updated|published|posted|last|on|at)"
)
_DATE_TOKEN = rf"(?:\d{{1,4}}(?:[:./\-]\d{{1,4}})*|{_DATE_WORDS}\.?)"
_DATE_STAMP = re.compile(
    rf"^(?=.*\d){_DATE_TOKEN}(?:[\s,|/:\-–]+{_DATE_TOKEN})*$",
    re.IGNORECASE,
)
# Furniture is short; longer lines are news text and skip the checks.
_MAX_FURNITURE_CHARS = 80
_LEADING_BULLET = re.compile(r"^[-–—•*|]\s*")
# A dateline glued to the start of a lead: "KYIV, Ukraine (AP) — ".
_DATELINE_PREFIX = re.compile(
    r"^[A-Z][A-Z'\-]{2,}(?:[ ,]+[A-Z][A-Za-z'.\-]*){0,3}"
    r"(?:,?\s*[A-Za-z]{3,9}\.?\s+\d{1,2})?\s*(?:\([^()\n]{1,30}\))?\s*[-–—]+\s+(?=[A-Z\"“‘'«])"
)


@dataclass(frozen=True)
class Statement:
    """One statement found in a text.

    Attributes
    ----------
    text : str
        The statement, exactly ``source[start:end]`` of the segmented text.
    start, end : int
        Character offsets of the statement in the segmented text.
    """

    text: str
    start: int
    end: int


def is_furniture(line: str) -> bool:
    """Tell whether a whole line is web furniture rather than news text.

    Parameters
    ----------
    line : str
        One line of an article, with or without surrounding whitespace.

    Returns
    -------
    bool
        True for lines such as "Hashtags", "6 hours ago", "- Russia Today",
        "VLADIVOSTOK" or "5 November 2024 14:07".

    Examples
    --------
    >>> is_furniture("No comments yet...")
    True
    >>> is_furniture("Putin says Russia ready for talks with Ukraine")
    False
    """
    stripped = line.strip()
    if not stripped:
        return True
    if len(stripped) > _MAX_FURNITURE_CHARS:
        return False
    if _FURNITURE_LINES.match(stripped) or _DATE_STAMP.match(stripped):
        return True
    bare = _LEADING_BULLET.sub("", stripped).rstrip(":.").strip()
    if bare.lower() in _SITE_NAMES:
        return True
    # An all-capitals line of a few words with no sentence in it: a dateline.
    return bool(_DATELINE.match(stripped)) and not any(c.islower() for c in stripped.split()[0])


def segment(text: str) -> list[Statement]:
    """Split a news text into statements.

    Parameters
    ----------
    text : str
        A sentence, a paragraph or a whole article. Line breaks matter: a
        line that does not start with a lower-case letter starts a new
        statement (headlines have no full stop).

    Returns
    -------
    list of Statement
        The statements in text order, each a verbatim slice of ``text``.
        Web furniture and repeated lines are left out (see the module notes).

    Examples
    --------
    >>> [s.text for s in segment("Talks stalled.\\nMrs. Smith said the U.S. would help.")]
    ['Talks stalled.', 'Mrs. Smith said the U.S. would help.']
    """
    return list(_iter_statements(text))


def _iter_statements(text: str) -> Iterator[Statement]:
    seen_lines: set[str] = set()
    for para_start, para_end in _paragraphs(text, seen_lines):
        yield from _split_paragraph(text, para_start, para_end)


def _paragraphs(text: str, seen_lines: set[str]) -> Iterator[tuple[int, int]]:
    """Yield (start, end) spans of paragraphs: runs of kept lines."""
    span: list[int] | None = None
    pos = 0
    length = len(text)
    while pos < length:
        newline = text.find("\n", pos)
        line_end = length if newline == -1 else newline
        line = text[pos:line_end]
        stripped = line.strip()
        if stripped and not is_furniture(stripped) and stripped not in seen_lines:
            seen_lines.add(stripped)
            first = line.lstrip()[0]
            start = pos + (len(line) - len(line.lstrip()))
            end = pos + len(line.rstrip())
            if span is not None and first.islower():
                span[1] = end  # a hard-wrapped line continues the sentence
            else:
                if span is not None:
                    yield span[0], span[1]
                span = [start, end]
        elif span is not None:
            yield span[0], span[1]
            span = None
        pos = line_end + 1
    if span is not None:
        yield span[0], span[1]


def _split_paragraph(text: str, start: int, end: int) -> Iterator[Statement]:
    paragraph = text[start:end]
    prefix = _DATELINE_PREFIX.match(paragraph)
    offset = prefix.end() if prefix else 0
    pieces: list[tuple[int, int]] = []
    for match in _BOUNDARY.finditer(paragraph, offset):
        if _ends_sentence(paragraph, match):
            pieces.append((offset, match.start("space")))
            offset = match.end()
    pieces.append((offset, len(paragraph)))

    pending: int | None = None  # start of a one-word fragment waiting to join
    for piece_start, piece_end in pieces:
        if pending is not None:
            piece_start, pending = pending, None
        chunk = paragraph[piece_start:piece_end]
        if not chunk.strip():
            continue
        if len(chunk.split(maxsplit=1)) == 1 and chunk.strip()[-1] == "." and piece_end < len(paragraph):
            pending = piece_start
            continue
        yield from _bounded(text, start + piece_start, start + piece_end)
    if pending is not None:
        yield from _bounded(text, start + pending, end)


def _ends_sentence(paragraph: str, match: re.Match[str]) -> bool:
    """Decide whether a candidate boundary really ends a sentence."""
    after = paragraph[match.end() : match.end() + 80]
    following = after.lstrip(_OPEN_QUOTES + "([")
    if not following or not (following[0].isupper() or following[0].isdigit()):
        return False
    if match.group("term") == ".":
        # Look back a few characters only: a whole-prefix copy would make
        # long paragraphs quadratic.
        before = paragraph[max(0, match.start() - 30) : match.start()].split()
        word = before[-1] if before else ""
        word = word.lstrip(_OPEN_QUOTES + "([")
        if word.lower() in _TITLES or _INITIALISM.search(word):
            return False
    # "'Are we ready?' Putin asked." is one sentence: quote plus attribution.
    if match.group("close") and match.group("term") in "?!" and _SPEECH_VERB.match(after):
        return False
    return True


def _bounded(text: str, start: int, end: int) -> Iterator[Statement]:
    """Trim a span and yield it, cut into pieces no longer than the limit."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_STATEMENT_CHARS:
        limit = start + MAX_STATEMENT_CHARS
        cut = max(text.rfind(" ", start + 1, limit), text.rfind("\n", start + 1, limit))
        cut = cut if cut > start else limit
        yield Statement(text[start:cut], start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield Statement(text[start:end], start, end)
