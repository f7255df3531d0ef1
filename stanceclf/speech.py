"""Who a statement's own words say is speaking: its attribution clause, and the side of its subject.

A name in a sentence is not its speaker. "Peskov told reporters the door
stays open" is a Russian official's view; "The Kremlin has shown it
negotiates only under pressure" is the outlet's own sentence about the
Kremlin (codebook section 7). Through the masks alone (``ruactor``, ...)
the speaker head reads both the same way. This module finds the
**attribution clause** of a statement, the subject of its speech verb or of
"according to" ("..., Peskov told reporters", "Lavrov said ...", "the
Kremlin said", "said the Ukrainian president", "according to the
ministry", a headline "Zakharova: ..."), and says what that subject is:

* its side, by the actor lists of :data:`stanceclf.codebook.MASKS`
  (``#said_ruactor``, ``#said_uaactor``, ``#said_westactor``,
  ``#said_otheractor``);
* an office with no side named ("the Energy Ministry said", "a source in
  the delegation told"): ``#said_official``;
* an expert, analyst, outlet or data with no stated side, which the
  codebook leaves to the outlet (``author``): ``#said_expert``, and no side;
* a pronoun ("he said", "she added"): ``#said_pronoun``;
* anything else ("the statement said"): ``#said_unknown``.

Words inside quotation marks are not read: a quote's own "as I said"
attributes nothing. A statement without an attribution clause gets no
token at all: most officials' statements on pages have none (list items,
interview answers, reported actions), and a token for "attributed" would
teach the head that an official needs one (measured in docs/model.md,
"Speaker-only attribution features").

:func:`speaker_cues` gives the tokens; :func:`stanceclf.features.normalise`
appends them after the cue tokens. They are the **speaker head's alone**:
the word block is fitted without them and the stance and framing heads
give their columns no weight (:mod:`stanceclf.model`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator

from .codebook import MASKS

__all__ = ["SPEECH_VERBS", "SPEAKER_CUE_PREFIX", "speaker_cues"]

#: Verbs (and "according to", "pointed out") that attribute words to a speaker.
SPEECH_VERBS = (
    "said says say added adds told tells stated states noted notes stressed stresses emphasized emphasised "
    "declared warned warns argued argues insisted insists explained asked replied recalled wrote writes concluded "
    "claimed claims continued remarked highlighted underlined announced admitted suggested spoke speaking "
    "commented responded answered urged vowed promised reported reports confirmed confirms denied believes"
).split() + ["pointed out", "according to"]
#: What every token of this module starts with (no cue class of the codebook does).
SPEAKER_CUE_PREFIX = "#said"

_SIDES = ("ruactor", "uaactor", "westactor", "otheractor")
_SIDE_SET = frozenset(_SIDES)
# The order of the tokens: sides, then the kinds without one.
_ORDER = (*_SIDES, "official", "expert", "pronoun", "unknown")
_TOKEN_OF = {kind: f"{SPEAKER_CUE_PREFIX}_{kind}" for kind in _ORDER}
_ROLE_OF = {name: role for role, names in MASKS.items() for name in names}
# Offices: a subject that holds one speaks for a side even when the text does not say which.
_OFFICIAL_WORDS = (
    r"minist\w*|spokes\w*|president\w*|premier|prime minister|chancellor|envoy\w*|ambassador\w*|"
    r"government\w*|officials?|general staff|army|armed forces|air force|navy|military|command\w*|governor\w*|"
    r"mayor\w*|administration|department|authorit\w*|agency|service|committee|delegation\w*|diplomat\w*|"
    r"sources?|aide\w*|advis[eo]r\w*|secretary|senator\w*|lawmaker\w*|parliament\w*|council|office|"
    r"presidency|cabinet|embassy|leader\w*|head of|chief\w*|representative\w*|negotiator\w*|"
    r"regime|side|capitals?|iaea|osce|red cross"
).split("|")
# No side of its own: the codebook gives such a source's view to the outlet.
_EXPERT_WORDS = (
    r"analyst\w*|expert\w*|researcher\w*|professor\w*|scholar\w*|observer\w*|journalist\w*|"
    r"correspondent\w*|reporter\w*|newspaper\w*|media|outlet\w*|report|study|data|survey|poll\w*|figures|"
    r"resident\w*|witness\w*|curator\w*|monitor\w*|project|think tank|former|economist\w*|historian\w*|"
    r"commentator\w*|critic\w*|activist\w*|blogger\w*|the post|the times|the journal"
).split("|")
# Scanning a text for a long alternation tries it at every character. Instead: the text as bytes, one a
# character, every one but an ASCII letter, digit or "_" a space (:func:`_spaced`); there a word with no
# letter before it has a space before it, and a bytes pattern of the words by their first letter
# (:func:`_places`) jumps from space to space. Each place found is only where to try the word's own
# pattern, which may still fail there (a hyphen, or a letter that is not ASCII, next to the word).
_SPACE_TABLE = bytes(b if chr(b).isascii() and (chr(b).isalnum() or chr(b) == "_") else 32 for b in range(256))


def _spaced(text: str) -> bytes:
    return b" " + text.encode("ascii", "replace").translate(_SPACE_TABLE)


def _places(words: list[str]) -> re.Pattern[bytes]:
    """A bytes pattern for where one of ``words`` may start in a :func:`_spaced` text.

    ``words`` are pieces of a pattern, each opening with a letter, that match
    the :func:`_spaced` form of wherever their own pattern matches (a name as
    "u s ", not "u.s."), so no place of a match is missed.
    """
    by_letter = itertools.groupby(sorted(words), key=lambda word: word[0])
    trie = "|".join(f"{letter}(?:{'|'.join(word[1:] for word in group)})" for letter, group in by_letter)
    return re.compile(rf" (?:{trie})(?!\w)".encode())


def _branched(patterns: Iterable[str]) -> str:
    """``"|".join(patterns)``, branched on each pattern's first character.

    Each pattern keeps its place among those that open with the same
    character, so the match is the one the plain alternation makes (the
    others cannot match there), and the regex engine tries only the
    patterns that open with the character at hand. Every pattern opens
    with a letter or digit that no quantifier follows.
    """
    by_first: dict[str, list[str]] = {}
    for pattern in patterns:
        if not pattern[:1].isalnum() or pattern[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"an alternation's patterns must each open with a letter or digit: {pattern!r}")
        by_first.setdefault(pattern[0], []).append(pattern[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items())


def _matches(pattern: re.Pattern[str], places: re.Pattern[bytes], text: str, spaced: bytes) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying ``pattern`` only where ``places`` finds a start in ``spaced``."""
    position = 0
    # The space before the character at ``text[i]`` is ``spaced[i]``.
    while place := places.search(spaced, position):
        match = pattern.match(text, place.start())
        position = match.end() if match else place.start() + 1
        if match:
            yield match


_NAME = re.compile(
    r"(?<![\w-])(" + _branched(map(re.escape, sorted(_ROLE_OF, key=len, reverse=True))) + r")(?:'s)?(?![\w-])"
)
_NAME_PLACES = _places([re.escape(_spaced(name)[1:].decode()) for name in _ROLE_OF])
_VERB = re.compile(
    r"(?<![\w-])(" + _branched(map(re.escape, sorted(SPEECH_VERBS, key=len, reverse=True))) + r")(?![\w-])"
)
_VERB_PLACES = _places([re.escape(verb) for verb in SPEECH_VERBS])
# A speech verb's first word: what the normaliser looks for before it calls speaker_cues().
_VERB_FIRST_WORDS = frozenset(verb.split()[0] for verb in SPEECH_VERBS)
_OFFICIAL = re.compile(r"(?<!\w)(?:" + _branched(_OFFICIAL_WORDS) + r")(?!\w)")
_OFFICIAL_PLACES = _places(_OFFICIAL_WORDS)
_EXPERT = re.compile(r"(?<!\w)(?:" + _branched(_EXPERT_WORDS) + r")(?!\w)")
_EXPERT_PLACES = _places(_EXPERT_WORDS)
_PRONOUN = frozenset("he she they i we it him her them".split())
# Words between a subject and its verb that are not the subject: "Putin also said", "the ministry has said".
_FILLER = frozenset(
    "also then later has have had once again further earlier previously repeatedly is was however too".split()
)
# What opens the words after a verb when they are not its subject: "said on Friday that ...".
_NOT_SUBJECT = frozenset("on in at after before during that this it to from by with for as".split())
# A word before "reports", "claims" or "states" that makes it a noun ("media reports", "these claims",
# "the United States", "EU member states").
_DETERMINER = frozenset(
    "a an the these those such media news press unconfirmed of on to and his her their its "
    "united member baltic gulf nordic allied western neighbouring neighboring european arab".split()
)
# Where a clause ends, looking back from a verb or forward from "said X" / "according to X".
# (A space is one only in " - "; the pattern opens with a set of characters, which the engine jumps to.)
_CLAUSE_END = re.compile(r"[,;:.!?()\[\]\"“”«»„‘’—– ](?:(?<=[^ ])|(?<= )- )")
_QUOTED = re.compile(r"[\"“«„][^\"“”«»„]*[\"”»]")
_HEADLINE = re.compile(r"^\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*:\s+\S")
_APPOSITION = re.compile(r"\s*(?:a|an|the)\s")
_WORDS = re.compile(r"[\w'’.-]+")
# The clause end's marks (all its characters but the space), and what is no _WORDS character in ASCII.
_NO_MARK_REVERSED = re.compile(r"[^,;:.!?()\[\]\"“”«»„‘’—–]*")
_NOT_WORD_TABLE = bytes(b if chr(b).isalnum() or chr(b) in "_'.-" else 32 for b in range(128)) + b" " * 128
# A subject is at most this many words: "Kremlin spokesman Dmitry Peskov" is four.
_SUBJECT_WORDS = 7


@functools.lru_cache(maxsize=16384)
def speaker_cues(text: str, verbs: tuple[int, ...] | None = None) -> tuple[str, ...]:
    """The tokens of a statement's attribution clause (see the module notes), empty when it has none.

    Parameters
    ----------
    text : str
        One statement, as it stands in its article.
    verbs : tuple of int, optional
        Where a speech verb (:data:`SPEECH_VERBS`) may start in ``text``, at
        least every place one starts (the normaliser's runs that are a verb's
        first word): the verbs are then tried there alone. ``None`` (the
        default) looks for them in the whole text.

    Returns
    -------
    tuple of str
        One token per kind of subject found, sides first.

    Examples
    --------
    >>> speaker_cues("The door stays open, Kremlin spokesman Dmitry Peskov told reporters.")
    ('#said_ruactor', '#said_official')
    >>> speaker_cues("The Kremlin has shown that it negotiates only under pressure.")
    ()
    """
    # Most statements quote nothing and have no colon: a test for the character is cheaper than the pattern.
    outside = _QUOTED.sub(" ", text) if '"' in text or "“" in text or "«" in text or "„" in text else text
    if outside.rstrip().endswith("?"):  # "What does Kyiv say?": the outlet's question
        return ()
    kinds: set[str] = set()
    headline = ":" in outside and _HEADLINE.match(outside)
    if headline and (named := _kinds(headline.group(1).lower())) & _SIDE_SET:
        kinds |= named
    lowered = outside.lower().replace("’", "'")
    if verbs is None:
        found = _matches(_VERB, _VERB_PLACES, lowered, _spaced(lowered))
    else:
        found = [match for place in verbs if (match := _VERB.match(lowered, place))]
    for match in found:
        if match.group(1).endswith("s") and _word_before(lowered, match.start()) in _DETERMINER:
            continue
        kinds |= _kinds(_subject_phrase(lowered, match))
    return _tokens(frozenset(kinds)) if kinds else ()


# A few dozen sets of kinds occur: each one's tokens are put in order once.
@functools.lru_cache(maxsize=256)
def _tokens(kinds: frozenset[str]) -> tuple[str, ...]:
    return tuple([_TOKEN_OF[kind] for kind in _ORDER if kind in kinds])


def _subject_phrase(lowered: str, verb: re.Match[str]) -> str:
    """The words that say who speaks: before the verb in its clause, else after it ("..., said Peskov").

    A verb right after a comma is either inverted ("..., said Peskov, the
    spokesman") or ends an apposition ("Syrskyi, the commander-in-chief,
    said on Telegram that ..."): the words after it are its subject only
    when they are few, open with no preposition or "that", and are short or
    name someone; else the subject is the name and apposition before the comma.
    """
    before = lowered[: verb.start()]
    if verb.group(1) != "according to":
        words = _words(_last_clause(before))[-_SUBJECT_WORDS:]
        while words and words[-1] in _FILLER:
            words.pop()
        if words:
            return " ".join(words)
    pieces = _CLAUSE_END.split(before)
    after = _CLAUSE_END.split(lowered[verb.end() :], maxsplit=2)
    subject = _WORDS.findall(after[0])
    # "said Ahmet Yilmaz, a former diplomat": the apposition says what the speaker is.
    if len(after) > 1 and _APPOSITION.match(after[1]):
        subject += _WORDS.findall(after[1])[:_SUBJECT_WORDS]
    if verb.group(1) == "according to" or _inverted(subject):
        return " ".join(subject[: 2 * _SUBJECT_WORDS])
    # The name and its apposition before the comma: "gen. oleksandr syrskyi, the commander-in-chief,".
    named = [words for words in map(_WORDS.findall, pieces[:-1]) if words and not set(words) <= _FILLER][-2:]
    return " ".join(word for words in named for word in words[-_SUBJECT_WORDS:])


def _last_clause(before: str) -> str:
    """``_CLAUSE_END.split(before)[-1]``, read from the end.

    Every punctuation mark of the pattern is a clause end of its own (a
    " - " match never covers one), so the last clause starts after the last
    of them, where the split goes on afresh, and only " - " can end a clause
    after it. The text reversed, the characters after that mark are one
    anchored match.
    """
    tail = before[len(before) - _NO_MARK_REVERSED.match(before[::-1]).end() :]
    return _CLAUSE_END.split(tail)[-1] if " - " in tail else tail


def _words(text: str) -> list[str]:
    """``_WORDS.findall(text)``; ASCII text split at a byte table instead."""
    if not text.isascii():
        return _WORDS.findall(text)
    return text.encode("ascii").translate(_NOT_WORD_TABLE).decode("ascii").split()


def _inverted(after: list[str]) -> bool:
    """Whether the words after a verb are its subject ("said Peskov"), not what was said ("says a summit must ...")."""
    if not after or after[0] in _NOT_SUBJECT or len(after) > 2 * _SUBJECT_WORDS:
        return False
    return len(after) <= 4 or _kinds(" ".join(after)) != {"unknown"}


def _word_before(lowered: str, position: int) -> str:
    words = _words(lowered[max(0, position - 30) : position])
    return words[-1] if words else ""


# Subject phrases repeat from statement to statement ("he", "peskov", "the ministry"): each is read once.
@functools.lru_cache(maxsize=4096)
def _kinds(phrase: str) -> frozenset[str]:
    """What a subject phrase is: its side, an office, an expert, a pronoun, or unknown."""
    words = phrase.split()
    if not words:
        return frozenset()
    spaced = _spaced(phrase)
    if next(_matches(_EXPERT, _EXPERT_PLACES, phrase, spaced), None):
        return frozenset(("expert",))
    named = [
        (match.group(1), phrase[: match.start()].endswith("in "))
        for match in _matches(_NAME, _NAME_PLACES, phrase, spaced)
    ]
    # "a Russian diplomat in Riyadh": the place says where they spoke, not for whom, beside a side.
    own = [name for name, venue in named if not venue] or [name for name, _ in named]
    found = {_ROLE_OF[name] for name in own}
    if next(_matches(_OFFICIAL, _OFFICIAL_PLACES, phrase, spaced), None):
        found.add("official")
    if not found:
        found.add("pronoun" if words[-1] in _PRONOUN or words[0] in _PRONOUN else "unknown")
    return frozenset(found)
