"""Statements -> features: text normalisation, actor masking and codebook cues.

The model reads each statement through :func:`normalise`, which

* folds web look-alikes to their plain twins (NFKC: no-break and thin spaces,
  full-width letters; soft hyphens and zero-width characters dropped; the
  modifier apostrophe, dotted capital I; whitespace runs to one space),
  lower-cases the text and folds typographic quotes and dashes;
* masks named actors with a role token (``ruactor``, ``uaactor``,
  ``westactor``, ``otheractor``), so that the model learns the frame of
  "<actor> is a dictator" rather than who happened to be called one in five
  articles; the role survives, so the speaker head can still use it;
* replaces digits with ``0`` (years and counts carry no frame);
* keeps only the words (punctuation goes), one space apart;
* appends one token per codebook cue class found (``#deleg``, ``#blame``,
  ...), and tokens for cue pairs that the codebook's rules turn on, such as
  readiness together with a condition (``#ready_cond``, stance rule 1).

The cue lists (:data:`stanceclf.codebook.CUES`, with the actor masks and the
rule pairs) turn the codebook's cues (sections 3 and 4) into features that
carry over to wording the training statements never used: "junta" and
"clique" share ``#deleg``. They are also the keyword baseline of
:mod:`stanceclf.evaluate`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable

# The tables come from the codebook module; the rule tables keep their short private names here.
# A change to what normalise() gives for some text needs codebook.NORMALISATION_VERSION bumped.
from .codebook import CUES, MASKS
from .codebook import DERIVED_CUE_CLASSES as _DERIVED
from .codebook import RULE_PAIRS as _PAIRS
from .codebook import STANCE_CUE_CLASSES as _STANCE_CLASSES

__all__ = [
    "CUES",
    "MASKS",
    "WORD_PATTERN",
    "normalise",
    "normalise_all",
    "normalise_counted",
    "cue_classes",
]

#: What counts as a word for the vectoriser and for coverage.
WORD_PATTERN = r"\w+(?:'\w+)*"

_TYPOGRAPHY = {
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "‘": "'",
    "’": "'",
    "‚": "'",
    "–": " - ",
    "—": " - ",
    "…": "...",
}
_DIGITS = "123456789"  # folded to 0: years and counts carry no frame
_FOLD = str.maketrans({**_TYPOGRAPHY, **{digit: "0" for digit in _DIGITS}})
_ASCII_DIGITS = bytes.maketrans(_DIGITS.encode(), b"0" * len(_DIGITS))
# Web text's look-alikes that NFKC leaves alone: invisible characters inside words (soft hyphen,
# zero-width spaces and joiners, a stray byte-order mark), the modifier apostrophe, and the dotted
# capital I, which lower() would turn into "i" plus a combining dot.
_LOOKALIKES = {
    "\u00ad": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\u02bc": "'",
    "\u0130": "I",
}
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)


_LOOKALIKE = re.compile("[" + "".join(_LOOKALIKES) + "]")


def _fold(text: str) -> str:
    """Fold look-alike characters, lower-case, fold typographic quotes and dashes, digits to ``0``.

    The same as ``" ".join(unicodedata.normalize("NFKC", text.translate(lookalikes).lower())
    .translate(_FOLD).split())`` with ``lookalikes = str.maketrans(_LOOKALIKES)``: web look-alikes
    (no-break and thin spaces, full-width letters and digits, soft hyphens, the modifier
    apostrophe, dotted capital I, tabs and line breaks inside a name) give the text their plain
    twins give. Faster on news text: most statements are ASCII, or ASCII once their quotes and
    dashes are folded; those skip NFKC and take ``bytes.translate`` (a table) rather than
    ``str.translate`` (a dict look-up per character), and their whitespace is collapsed only when
    a run, a tab or a line break is there.
    """
    folded = text
    if not folded.isascii() and _LOOKALIKE.search(folded):
        folded = folded.translate(_LOOKALIKE_TABLE)
    folded = folded.lower()
    if not folded.isascii():
        for typographic, plain in _TYPOGRAPHY.items():
            if typographic in folded:
                folded = folded.replace(typographic, plain)
        if not folded.isascii():  # Cyrillic, full-width letters and the like: the general path
            if not unicodedata.is_normalized("NFKC", folded):
                folded = unicodedata.normalize("NFKC", folded)
            return " ".join(folded.translate(_FOLD).split())
    if not folded.isprintable() or "  " in folded or folded[:1] == " " or folded[-1:] == " ":
        folded = " ".join(folded.split())  # tabs, line breaks, runs of spaces
    return folded.encode("ascii").translate(_ASCII_DIGITS).decode("ascii")


# One pass over the text finds every actor name and every cue; the longest
# alternative wins because alternatives are sorted by length.
_ACTOR_OF = {name: role for role, names in MASKS.items() for name in names}


def _alternation(patterns: Iterable[str]) -> str:
    """One regex alternative per pattern, longest first, grouped by first letter.

    Python's regex engine tries alternatives one by one at every word start;
    branching on the first character first makes the cue scan several times
    faster on long texts. Every pattern starts with a literal character.
    """
    by_first: dict[str, list[str]] = {}
    for pattern in sorted(patterns, key=len, reverse=True):
        if not pattern[0].isalnum():
            raise ValueError(f"a cue or actor pattern must start with a letter or digit: {pattern!r}")
        by_first.setdefault(pattern[0], []).append(pattern[1:])
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())


_ACTOR_PATTERN = r"(?<![\w-])(" + _alternation(re.escape(n) for n in _ACTOR_OF) + r")(?:'s)?(?![\w-])"
_CUE_RE = {name: re.compile(r"(?:" + _alternation(patterns) + r")(?![\w-])") for name, patterns in CUES.items()}
# Every cue of every class in one pattern, so a statement is scanned once.
# A zero-width look-ahead, so that one finditer() visits every position a cue
# starts at, overlapping ones included ("refused to negotiate" holds the talks
# cue "negotiate"), and captures the longest cue there.
_ANY_CUE_PATTERN = (
    r"(?<![\w-])(?=(" + _alternation({p for patterns in CUES.values() for p in patterns}) + r")(?![\w-]))"
)
# The scanners, compiled twice: for ASCII text (nearly every statement once
# folded), re.ASCII gives the same matches about 10% faster.
_ACTOR_RE = {ascii_only: re.compile(_ACTOR_PATTERN, re.ASCII if ascii_only else 0) for ascii_only in (False, True)}
_ANY_CUE = {ascii_only: re.compile(_ANY_CUE_PATTERN, re.ASCII if ascii_only else 0) for ascii_only in (False, True)}
_WORD = {ascii_only: re.compile(WORD_PATTERN, re.ASCII if ascii_only else 0) for ascii_only in (False, True)}


@functools.lru_cache(maxsize=8192)
def _classes_at(matched: str) -> frozenset[str]:
    """The cue classes whose pattern matches at the start of a matched cue.

    "refused to negotiate" is a blame cue, but it also starts with a refusal
    cue; checking every class at the start credits both.
    """
    return frozenset(name for name, pattern in _CUE_RE.items() if pattern.match(matched))


def _found_classes(folded: str, ascii_only: bool) -> frozenset[str]:
    found: set[str] = set()
    for match in _ANY_CUE[ascii_only].finditer(folded):
        classes = _classes_at(match.group(1))
        if "ready" in classes and _NEGATED_BEFORE.search(folded, max(0, match.start() - 40), match.start()):
            # "not ready", "showed no willingness", "falsely claimed to be open to":
            # readiness denied is a refusal (stance rules 3 and 6), not readiness.
            classes = (classes - {"ready"}) | {"notready"}
        found |= classes
    return frozenset(found)


# A negation in the same clause before a readiness cue, within a few words.
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:not|no|never|nor|neither|without|hardly|falsely|pretend\w*|feign\w*|lack of|unwilling)\b|n't)"
    r"[^,;:.!?]{0,30}\Z"
)


@functools.lru_cache(maxsize=4096)
def _cue_suffix(present: frozenset[str]) -> tuple[str, ...]:
    """The cue tokens for a set of cue classes: one per class, then one per rule pair.

    ``present`` also holds ``"ruua"`` when a Russian or Ukrainian actor is
    named. Stance is toward talks to end this war (codebook section 3): a
    statement that names neither side nor the war gets its stance cues as
    ``#ready_notarget``, ``#cond_notarget``, ... (or ``#untargeted`` when it
    has none), never as ``#ready`` or ``#cond``, so that "the union is ready
    to talk, but only if ..." and "sailings resume only once the wind drops"
    do not read as conditions for these talks. Measured in docs/model.md.
    """
    tail: tuple[str, ...] = ()
    if "ruua" not in present and "war" not in present:
        off_target = present & _STANCE_CLASSES
        present = present - _STANCE_CLASSES
        tail = tuple(f"#{name}_notarget" for name in sorted(off_target)) or ("#untargeted",)
    return (
        *(f"#{name}" for name in (*CUES, *_DERIVED) if name in present),
        *(f"#{a}_{b}" for a, b in _PAIRS if a in present and b in present),
        *tail,
    )


def _mask_actor(match: re.Match[str]) -> str:
    return _ACTOR_OF[match.group(1)]


def cue_classes(text: str) -> frozenset[str]:
    """The cue classes of :data:`CUES` found in a text.

    Parameters
    ----------
    text : str
        A statement, raw or already folded.

    Returns
    -------
    frozenset of str
        Names of the cue classes that match at least once.

    Examples
    --------
    >>> sorted(cue_classes("The dictator rejected the talks."))
    ['deleg', 'refuse', 'talks']
    """
    folded = _fold(text)
    return _found_classes(folded, folded.isascii())


def normalise(text: str) -> str:
    """Prepare one statement for the vectoriser (see the module notes).

    Parameters
    ----------
    text : str
        A statement.

    Returns
    -------
    str
        The statement's words, folded and masked, one space apart, followed
        by its cue tokens (which start with ``#``, a character no word has).

    Examples
    --------
    >>> normalise("Putin said Russia was ready, but only on its terms.")
    'ruactor said ruactor was ready but only on its terms #ready #cond #ready_cond'
    """
    return normalise_counted([text])[0][0]


def _normalise(text: str) -> tuple[str, int]:
    """:func:`normalise`, plus the number of distinct words (for coverage)."""
    folded = _fold(text)
    ascii_only = folded.isascii()
    present = _found_classes(folded, ascii_only)
    tokens = _WORD[ascii_only].findall(_ACTOR_RE[ascii_only].sub(_mask_actor, folded))
    words = set(tokens)
    if "ruactor" in words or "uaactor" in words:
        present = present | {"ruua"}
    tokens.extend(_cue_suffix(present))
    distinct = len(words)
    return " ".join(tokens), distinct


def normalise_all(texts: Iterable[str]) -> list[str]:
    """:func:`normalise` over many statements (the pipeline's first step)."""
    return normalise_counted(texts)[0]


def normalise_counted(texts: Iterable[str]) -> tuple[list[str], list[int]]:
    """:func:`normalise_all`, plus each statement's number of distinct words.

    Every normalisation goes through this one function, training (the
    pipeline's first step) and classifying alike, so that a change to it
    is seen by both.
    """
    pairs = [_normalise(text) for text in texts]
    return [text for text, _ in pairs], [count for _, count in pairs]
