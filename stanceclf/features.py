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
from itertools import accumulate, chain, compress
from typing import Callable, Iterable

# The tables come from the codebook module; the rule tables keep their short private names here.
# A change to what normalise() gives for some text needs codebook.NORMALISATION_VERSION bumped.
from .codebook import CUES, MASKS
from .codebook import DERIVED_CUE_CLASSES as _DERIVED
from .codebook import RULE_PAIRS as _PAIRS
from .codebook import STANCE_CUE_CLASSES as _STANCE_CLASSES
from .speech import _VERB_FIRST_WORDS, _branched, speaker_cues

__all__ = [
    "CUES",
    "MASKS",
    "WORD_PATTERN",
    "CUE_PREFIX",
    "normalise",
    "normalise_all",
    "normalise_counted",
    "cue_classes",
]

#: What counts as a word for the vectoriser and for coverage.
WORD_PATTERN = r"\w+(?:'\w+)*"
#: What every cue token starts with (a character no word has).
CUE_PREFIX = "#"

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


_ACTOR_OF = {name: role for role, names in MASKS.items() for name in names}


def _alternation(patterns: Iterable[str]) -> str:
    """One regex alternative per pattern, longest first, grouped by first letter.

    Python's regex engine tries alternatives one by one at every word start;
    branching on the first character first makes the cue scan several times
    faster on long texts. Every pattern starts with a literal character.
    """
    return _branched(sorted(patterns, key=len, reverse=True))


_CUE_RE = {name: re.compile(r"(?:" + _alternation(patterns) + r")(?![\w-])") for name, patterns in CUES.items()}
# Every cue of every class, in the order of the one alternation that would find them all.
_ALL_CUES = tuple({p for patterns in CUES.values() for p in patterns})
_ACTOR_NAMES = tuple(map(re.escape, _ACTOR_OF))
# For ASCII text (nearly every statement once folded), re.ASCII gives the same matches faster.
_WORD = {ascii_only: re.compile(WORD_PATTERN, re.ASCII if ascii_only else 0) for ascii_only in (False, True)}

# Tokenising once. A cue or an actor name can only start where a run of word
# characters and hyphens starts (the patterns' look-behind), and which run it
# starts at is fixed by its literal prefix. So every other character is blanked
# (a byte table for ASCII text, offsets unchanged), the text is split at the
# blanks once, and each distinct run is looked up once in a dict: most runs
# start nothing; a run that can only be a one-run cue or name ("dictator",
# "putin") is resolved by the look-up; the regexes above are tried only at runs
# that may start a longer one ("the" of "the west"). Words (WORD_PATTERN) are
# split out of the masked text the same way.
_ASCII_RUN_CHARS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
_ASCII_RUNS = bytes(byte if byte in _ASCII_RUN_CHARS else 32 for byte in range(256))
_ASCII_WORDS = bytes(byte if byte in _ASCII_RUN_CHARS - {ord("-")} or byte == ord("'") else 32 for byte in range(256))
_NOT_RUN = re.compile(r"[^\w-]")
_RUN_START = {ascii_only: re.compile(r"[\w-]*", re.ASCII if ascii_only else 0) for ascii_only in (False, True)}
# The regex parser that re.compile uses: the tables' patterns, read as the regex engine reads them.
_regex_parser, _regex_constants = re._parser, re._constants  # type: ignore[attr-defined]
_CONTEXT = "context"  # the run may start a match that reaches past it: the regex decides
_NO_CUE: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=None)  # one per set of patterns that start at some run: a few hundred at most
def _any_cue(patterns: tuple[str, ...], ascii_only: bool) -> re.Pattern[str]:
    """The alternation of every cue, ``(?<![\\w-])(...)(?![\\w-])``, cut to the cues that may start at one run.

    At a run, only those may match, and kept in the full alternation's order
    they match what it would: leftmost-first, longest pattern first. Fewer
    alternatives are faster to try, and the full one is never compiled.
    """
    return re.compile(r"(?<![\w-])(" + _alternation(patterns) + r")(?![\w-])", re.ASCII if ascii_only else 0)


@functools.lru_cache(maxsize=None)
def _any_actor(names: tuple[str, ...], ascii_only: bool) -> re.Pattern[str]:
    """The actor names' alternation, ``(?<![\\w-])(...)(?:'s)?(?![\\w-])``, cut as in :func:`_any_cue`."""
    return re.compile(r"(?<![\w-])(" + _alternation(names) + r")(?:'s)?(?![\w-])", re.ASCII if ascii_only else 0)


@functools.lru_cache(maxsize=None)  # the tables' patterns, each read once for both run indexes
def _parsed(pattern: str) -> list:
    """A regex as the regex engine's parser reads it: its items."""
    return _regex_parser.parse(pattern).data


# A pattern of literal characters only (most cues, every escaped actor name): ASCII letters, digits, "_", "'",
# " ", "-", and escaped ASCII punctuation. Such a pattern is its own literal text, read without the parser.
_PLAIN_PATTERN = re.compile(r"(?:[a-z0-9_' -]|\\[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e])*")
_ESCAPE = re.compile(r"\\(.)")


def _plain_literal(pattern: str) -> str | None:
    """The text a pattern of literal characters matches, else ``None`` (a regex, for the parser to read)."""
    if not _PLAIN_PATTERN.fullmatch(pattern):
        return None
    return _ESCAPE.sub(r"\1", pattern) if "\\" in pattern else pattern


def _literal_prefix(pattern: str) -> str:
    """The literal characters every match of a regex starts with."""
    prefix = []
    for op, value in _parsed(pattern):
        if op is not _regex_constants.LITERAL:
            break
        prefix.append(chr(value))
    return "".join(prefix)


def _is_run_char(char: str, ascii_only: bool) -> bool:
    return char in "_-" or (char.isalnum() and (char.isascii() or not ascii_only))


def _within_one_run(items: Iterable, ascii_only: bool) -> bool:
    """Whether a parsed regex only matches word characters and hyphens (so never more than one run).

    Anything not understood counts as reaching past the run: the regex is then tried in the text.
    """
    c = _regex_constants
    for op, value in items:
        if op is c.LITERAL:
            ok = _is_run_char(chr(value), ascii_only)
        elif op is c.IN:
            ok = all(
                (kind is c.LITERAL and _is_run_char(chr(item), ascii_only))
                or (
                    kind is c.RANGE and all(_is_run_char(chr(code), ascii_only) for code in range(item[0], item[1] + 1))
                )
                or (kind is c.CATEGORY and item in (c.CATEGORY_WORD, c.CATEGORY_DIGIT))
                for kind, item in value
            )
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            ok = _within_one_run(value[2], ascii_only)
        elif op is c.SUBPATTERN:
            ok = _within_one_run(value[3], ascii_only)
        elif op is c.BRANCH:
            ok = all(_within_one_run(branch, ascii_only) for branch in value[1])
        else:
            ok = False
        if not ok:
            return False
    return True


class _Starts:
    """What may start at a run of word characters and hyphens, for one set of patterns.

    Built from the patterns themselves, so a pattern added to the tables is
    indexed without other edits: its literal prefix says which runs it can
    start at (a prefix that ends inside its first run, "warmonger" of
    ``warmonger\\w*``, admits every run that starts with it; one whose first
    run ends within it, "lies" of ``lies (?:and|about)``, admits that run
    alone), and its parsed form whether it can reach past that run.
    """

    def __init__(self, patterns: Iterable[str], ascii_only: bool) -> None:
        # First run -> its patterns: their place in the table, the pattern, and its literal prefix if it may
        # reach past the run (else None).
        self._exact: dict[str, list[tuple[int, str, str | None]]] = {}
        self._prefixes: dict[str, list[tuple[int, str, str | None]]] = {}
        for order, pattern in enumerate(patterns):
            literal = _plain_literal(pattern)
            if literal is None:
                literal, one_run = _literal_prefix(pattern), _within_one_run(_parsed(pattern), ascii_only)
            else:
                one_run = all(_is_run_char(char, ascii_only) for char in literal)
            run = _RUN_START[ascii_only].match(literal).group()
            index = self._exact if len(run) < len(literal) else self._prefixes
            reaching = None if one_run else literal
            index.setdefault(run, []).append((order, pattern, reaching))
        # The prefixes by their first two characters, so that a run is tested against the few that open as it
        # does, not all 300: most runs learnt are words that start nothing, and a text of new words learns
        # many. (A prefix of one character, which no table has, would be tested at every run.)
        by_start: dict[str, list[tuple[str, list[tuple[int, str, str | None]]]]] = {}
        for prefix, more in self._prefixes.items():
            by_start.setdefault(prefix[:2] if len(prefix) > 1 else "", []).append((prefix, more))
        self._prefixes_by_start = {
            start: (tuple(prefix for prefix, _ in pairs), pairs) for start, pairs in by_start.items()
        }
        self._short_prefixes = self._prefixes_by_start.pop("", ((), ()))

    def at(self, run: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The patterns that may start at ``run`` in table order, and the literal prefixes of those reaching past it."""
        found = list(self._exact.get(run, ()))
        for prefixes, pairs in (self._prefixes_by_start.get(run[:2], ((), ())), self._short_prefixes):
            if run.startswith(prefixes):
                found += chain.from_iterable(more for prefix, more in pairs if run.startswith(prefix))
        if not found:  # most runs
            return (), ()
        found.sort()
        return tuple(pattern for _, pattern, _ in found), tuple(literal for _, _, literal in found if literal)


class _RunIndex:
    """Per distinct run: the cue classes and the actor role that start there.

    A run maps to 0 when nothing can start there (most runs), else to a pair
    ``(cues, role)``: ``cues`` is ``None``, the cue classes of the run alone,
    or, when a cue starting there may reach past the run, ``(prefixes,
    classes, pattern)``: the pattern (:func:`_any_cue`) decides where the
    text goes on with one of those literal prefixes, else the run alone
    does. ``role`` likewise: ``None``, the role of the name the run is, or
    ``(prefixes, role, pattern)``. Two entries go by their type alone: a
    frozenset (the run is a cue, no name, nothing longer starts there) and a
    str (the run is a name and starts nothing else); and a run that starts
    nothing of its own is an :class:`_OnlyIfLonger`. A run that is a speech
    verb's first word (:data:`stanceclf.speech.SPEECH_VERBS`) is a
    :class:`_Verb` holding its entry, so that the scan finds where the verbs
    may be as it looks up the runs.
    """

    def __init__(self, ascii_only: bool) -> None:
        self._ascii_only = ascii_only
        self._cues = _Starts(_ALL_CUES, ascii_only)
        self._actors = _Starts(_ACTOR_NAMES, ascii_only)
        #: Run -> its entry (see the class notes), learnt on the first look-up.
        self.entry_of = _Learnt(self._learn).__getitem__

    def look_up(self, runs: list[str]) -> list:
        """The entries of ``runs`` (see the class notes)."""
        return list(map(self.entry_of, runs))

    def _learn(self, run: str) -> object:
        entry = self._starting(run)
        return _Verb(entry) if run in _VERB_FIRST_WORDS else entry

    def _starting(self, run: str) -> object:
        cue_patterns, cue_reaching = self._cues.at(run)
        actor_names, actor_reaching = self._actors.at(run)
        cues = role = None
        if cue_patterns:
            # Unless the text goes on with a longer cue, the cue is the run itself, or none.
            any_cue = _any_cue(cue_patterns, self._ascii_only)
            matched = any_cue.match(run)
            cues = _classes_at(matched.group(1)) if matched else None
            if cue_reaching:
                cues = (cue_reaching, cues or _NO_CUE, any_cue)
        if actor_names:
            role = _ACTOR_OF.get(run)
            if actor_reaching:
                role = (actor_reaching, role, _any_actor(actor_names, self._ascii_only))
        if not cues and role is None:
            return 0
        if type(cues) is tuple and not cues[1] and (role is None or (type(role) is tuple and role[1] is None)):
            # Nothing here unless the text goes on with a longer cue or name ("the" of "the west"): most
            # such runs are function words, and one test of every prefix settles most of them.
            return _OnlyIfLonger(cues[0] + (role[0] if role else ()), (cues, role))
        # The two commonest entries by their type alone: a run that is a cue and nothing longer, or a name.
        if role is None and type(cues) is frozenset:
            return cues
        if cues is None and type(role) is str:
            return role
        return (cues, role)


class _OnlyIfLonger(tuple):
    """A :class:`_RunIndex` entry for a run that starts nothing of its own, only longer cues or names.

    The tuple holds the literal prefixes of every cue and name that may start
    there (what ``str.startswith`` takes); :attr:`entry` is the entry itself,
    ``(cues, role)``, for when the text goes on with one of them.
    """

    entry: tuple

    def __new__(cls, prefixes: tuple[str, ...], entry: tuple) -> _OnlyIfLonger:
        self = super().__new__(cls, prefixes)
        self.entry = entry
        return self


class _Verb:
    """A :class:`_RunIndex` entry for a run that is a speech verb's first word: :attr:`entry` is the run's own."""

    __slots__ = ("entry",)

    def __init__(self, entry: object) -> None:
        self.entry = entry


class _Learnt(dict):
    """Run -> its :class:`_RunIndex` entry, each run worked out on its first look-up only.

    A dict whose ``__missing__`` learns: the look-up of a batch of runs is
    then one C-level ``map`` with no check for the runs not seen yet.
    """

    _LIMIT = 200_000  # a long stream of new words: start again rather than grow

    def __init__(self, learn: Callable[[str], object]) -> None:
        super().__init__()
        self._learn = learn
        self.forget()

    def forget(self) -> None:
        """Forget every run learnt: all but the empty run (between two blanks), which starts nothing."""
        self.clear()
        self[""] = 0

    def __missing__(self, run: str) -> object:
        if len(self) > self._LIMIT:
            self.forget()
        entry = self[run] = self._learn(run)
        return entry


def _words(text: str, ascii_only: bool) -> list[str]:
    """``re.findall(WORD_PATTERN, text)``; ASCII text split at a byte table instead."""
    if not ascii_only:
        return _WORD[False].findall(text)
    spaced = text.encode("ascii").translate(_ASCII_WORDS).decode("ascii")
    if "'" in spaced:
        # An apostrophe joins words only between two word characters ("don't", not "'war'").
        while "''" in spaced:
            spaced = spaced.replace("''", "  ")
        spaced = spaced.replace(" '", "  ").replace("' ", "  ")
        if spaced[:1] == "'":
            spaced = " " + spaced[1:]
        if spaced[-1:] == "'":
            spaced = spaced[:-1] + " "
    return spaced.split()


def _scan(folded: str, ascii_only: bool) -> tuple[frozenset[str], str, list[str] | None, list[int]]:
    """A folded statement's cue classes, its text with every actor name replaced by its role, its words, and verbs.

    The same as a ``finditer`` of every cue's alternation at every position and
    a ``sub`` of the names' (``_alternation`` of the tables, with the run boundaries
    of :func:`_any_cue` and :func:`_any_actor`), with regexes tried only where the run
    index cannot decide. The words (what :func:`_words` gives for the masked
    text) come from the same runs when the text is ASCII without apostrophes,
    where runs split at their hyphens are the words (four statements in five);
    otherwise they are ``None``. A name is never part of a hyphenated run
    (the name patterns' look-arounds), so a masked run is a word. The verbs are
    where the runs that are a speech verb's first word start (masked or not).
    """
    if ascii_only:
        blanked = folded.encode("ascii").translate(_ASCII_RUNS).decode("ascii")
    else:
        blanked = _NOT_RUN.sub(" ", folded)  # one space per character: offsets unchanged
    runs = blanked.split(" ")  # every run, and an empty string per further blank
    runs_are_words = ascii_only and "'" not in folded
    entries = list(map(_ENTRY_OF[ascii_only], runs))
    # Run k starts after the k blanks and the runs before it.
    offsets = [0, *accumulate(map(len, runs))]
    found: set[str] = set()
    pieces: list[str] = []
    verbs: list[int] = []
    masked_to = 0
    # The entries by how often they come: a run that starts only longer cues or names, a cue, a name.
    for index, entry in compress(enumerate(entries), entries):
        kind = type(entry)
        if kind is _Verb:
            verbs.append(offsets[index] + index)
            entry = entry.entry
            if not entry:
                continue
            kind = type(entry)
        if kind is _OnlyIfLonger:
            start = offsets[index] + index
            if not folded.startswith(entry, start):
                continue
            entry = entry.entry
        elif kind is frozenset:  # a cue, the run alone
            found |= _readiness(entry, folded, offsets[index] + index) if "ready" in entry else entry
            continue
        else:
            start = offsets[index] + index
        if kind is str:  # a name, the run alone
            if start < masked_to:  # inside the one just masked ("vladimir putin")
                continue
            role, end = entry, None
        else:
            cues, role = entry
            if type(cues) is tuple:
                prefixes, cues, any_cue = cues
                if folded.startswith(prefixes, start):
                    match = any_cue.match(folded, start)
                    cues = _classes_at(match.group(1)) if match else _NO_CUE
            if cues:
                found |= _readiness(cues, folded, start) if "ready" in cues else cues
            if role is None or start < masked_to:
                continue
            end = None
            if type(role) is tuple:
                prefixes, role, any_actor = role
                if folded.startswith(prefixes, start):
                    match = any_actor.match(folded, start)
                    role, end = (_ACTOR_OF[match.group(1)], match.end()) if match else (None, None)
            if role is None:
                continue
        if end is None:  # the run is the name: its "'s" goes with it, as in _any_actor
            end = start + len(runs[index])
            if folded.startswith("'s", end) and not _is_run_char(folded[end + 2 : end + 3] or " ", False):
                end += 2
        pieces += (folded[masked_to:start], role)
        masked_to = end
        if runs_are_words:
            # The name's runs become its role among the words (runs past this one are not read again).
            runs[index] = role
            index += 1
            while index < len(runs) and offsets[index] + index < end:
                runs[index] = ""
                index += 1
    masked = "".join(pieces) + folded[masked_to:] if pieces else folded
    if not runs_are_words:
        return frozenset(found), masked, None, verbs
    return frozenset(found), masked, _words_of_runs(runs, folded), verbs


def _readiness(cues: frozenset[str], folded: str, start: int) -> frozenset[str]:
    """Cue classes with "ready" at ``start``: "notready" instead when a negation comes before it."""
    negation = _NEGATION_START.search(folded, max(0, start - 40), start)
    if negation and _NEGATED_BEFORE.search(folded, negation.start(), start):
        # "not ready", "showed no willingness", "falsely claimed to be open to":
        # readiness denied is a refusal (stance rules 3 and 6), not readiness.
        return (cues - {"ready"}) | {"notready"}
    return cues


def _words_of_runs(runs: list[str], folded: str) -> list[str]:
    """The words of ASCII runs without apostrophes: the runs, each split at its hyphens ("kremlin-backed")."""
    if "-" in folded:
        return " ".join(runs).replace("-", " ").split()
    return list(filter(None, runs))


_RUN_INDEX = {ascii_only: _RunIndex(ascii_only) for ascii_only in (False, True)}
_ENTRY_OF = {ascii_only: index.entry_of for ascii_only, index in _RUN_INDEX.items()}


@functools.lru_cache(maxsize=8192)
def _classes_at(matched: str) -> frozenset[str]:
    """The cue classes whose pattern matches at the start of a matched cue.

    "refused to negotiate" is a blame cue, but it also starts with a refusal
    cue; checking every class at the start credits both.
    """
    return frozenset(name for name, pattern in _CUE_RE.items() if pattern.match(matched))


# A negation in the same clause before a readiness cue, within a few words. Its scope ends at a
# conjunction as at a punctuation mark ("did not take sides and remained ready", "no choice but to
# come to the table"), and "not only" is no negation (NegEx's termination terms and pseudo-negations).
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:not|no|never|nor|neither|without|hardly|falsely|pretend\w*|feign\w*|lack of|unwilling)\b|n't)"
    r"(?! (?:only|just|merely|simply)\b)"
    r"(?:(?!\b(?:and|but|however|while|whereas|although|though|which|who)\b)[^,;:.!?]){0,30}\Z"
)
# Where a match of _NEGATED_BEFORE may start: the first letters of its words, then the word boundary before
# them as a look-behind. The regex engine skips to those letters; _NEGATED_BEFORE, which opens with \b, is
# tried at every character. Its search from the first place found here finds what it finds from the window's
# start (\b and look-behinds read the characters before the search's start).
_NEGATION_START = re.compile(
    r"n(?:(?<!\wn)(?:o|ever|either)|'t)|w(?<!\ww)ithout|h(?<!\wh)ardly|f(?<!\wf)(?:alsely|eign)|p(?<!\wp)retend"
    r"|l(?<!\wl)ack of|u(?<!\wu)nwilling"
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
        tail = tuple(f"{CUE_PREFIX}{name}_notarget" for name in sorted(off_target)) or (f"{CUE_PREFIX}untargeted",)
    return (
        *(f"{CUE_PREFIX}{name}" for name in (*CUES, *_DERIVED) if name in present),
        *(f"{CUE_PREFIX}{a}_{b}" for a, b in _PAIRS if a in present and b in present),
        *tail,
    )


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
    return _scan(folded, folded.isascii())[0]


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
        by its cue tokens (which start with ``#``, a character no word has)
        and its attribution tokens (``#said_<side>``: who the statement is
        attributed to, read by the speaker head alone; see :mod:`stanceclf.speech`).

    Examples
    --------
    >>> normalise("Putin said Russia was ready, but only on its terms.")
    'ruactor said ruactor was ready but only on its terms #ready #cond #ready_cond #said_ruactor'
    """
    return normalise_counted([text])[0][0]


def _cased_fold(text: str) -> str:
    """A text with its web look-alikes folded as :func:`_fold` folds them, its case and quote marks kept."""
    if text.isascii():
        return text
    # The same guards as _fold's: most news text with curly quotes has no look-alike and is NFKC already.
    if _LOOKALIKE.search(text):
        text = text.translate(_LOOKALIKE_TABLE)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


# Most statements have no attribution clause, and their runs already say so: speaker_cues() needs a colon
# (a headline) or a speech verb, which starts at a run that is a verb's first word (the verbs' look-arounds
# are the runs' bounds; a masked name's runs are read too, "states" of "united states"). That holds when the
# text is ASCII but for quotes, dashes and look-alikes (speaker_cues then reads the same letters; a text
# that needs NFKC may not: "𝐒𝐀𝐈𝐃" folds to "SAID", which lower() would have made "said"). Where the text is
# ASCII, quotes nothing and the fold keeps every offset, speaker_cues reads the text at those runs alone.
_NOT_FOLDED_BY_TABLES = re.compile(r"[^\x00-\x7f" + "".join(_TYPOGRAPHY) + "".join(_LOOKALIKES) + "]")


def _normalise_tokens(text: str) -> tuple[list[str], int, tuple[str, ...]]:
    """:func:`normalise` as its list of tokens, the number of distinct words (for coverage), and the cue tokens."""
    folded = _fold(text)
    ascii_only = folded.isascii()
    present, masked, tokens, verbs = _scan(folded, ascii_only)
    if tokens is None:
        tokens = _words(masked, ascii_only)
    words = set(tokens)
    if "ruactor" in words or "uaactor" in words:
        present = present | {"ruua"}
    cues = _cue_suffix(present)
    # Last, after the cue tokens: the attribution clause's tokens (stanceclf.speech), the speaker head's alone.
    # A text with no headline and no speech verb is skipped: speaker_cues would give ().
    if not ascii_only:
        cues = cues + speaker_cues(_cased_fold(text))
    elif text.isascii():
        if verbs or ":" in folded:
            aligned = '"' not in text and len(folded) == len(text)
            cues = cues + speaker_cues(text, tuple(verbs) if aligned else None)
    elif verbs or ":" in folded or _NOT_FOLDED_BY_TABLES.search(text):
        cues = cues + speaker_cues(_cased_fold(text))
    tokens.extend(cues)
    return tokens, len(words), cues


class Normalised(list):
    """Normalised statements (a list of str), with each one's tokens as :attr:`tokens`.

    What :func:`normalise_counted` returns: the vectoriser of a fitted
    pipeline reads the strings, scoring reads the tokens, and a list without
    them (a normaliser patched in by a test or an ablation) is split again.
    :attr:`cue_tokens` are each statement's tokens that start with
    :data:`CUE_PREFIX` (its last ones: no word has that character), which
    the cue block then need not pick out of the words.
    """

    tokens: list[list[str]]
    cue_tokens: list[tuple[str, ...]]


def normalise_all(texts: Iterable[str]) -> list[str]:
    """:func:`normalise` over many statements (the pipeline's first step)."""
    return normalise_counted(texts)[0]


def normalise_counted(texts: Iterable[str]) -> tuple[list[str], list[int]]:
    """:func:`normalise_all`, plus each statement's number of distinct words.

    Every normalisation goes through this one function, training (the
    pipeline's first step) and classifying alike, so that a change to it
    is seen by both. The first list is a :class:`Normalised`.
    """
    triples = list(map(_normalise_tokens, texts))
    split = [tokens for tokens, _, _ in triples]
    normalised = Normalised(map(" ".join, split))
    normalised.tokens = split
    normalised.cue_tokens = [cues for _, _, cues in triples]
    return normalised, [count for _, count, _ in triples]
