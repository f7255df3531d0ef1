"""Who is ready and who refuses: agent and clause tokens for the stance head.

Stance rules 3 and 6 of the codebook turn on who does what: "we are ready,
they are the ones refusing" is `support`, "Moscow accused Kyiv of refusing
talks" reports a refusal, and "claims that Russia is ready are a smokescreen"
denies the readiness it names. A bag of words sees "ready" and "refusing" in
all three. :func:`agent_tokens` reads each readiness or refusal cue of a
statement with

* its **polarity**: readiness, or refusal (a refusal or sabotage verb, or
  readiness negated before it in its clause: "not ready", "showed no
  willingness"; a refusal negated, "has never refused", is readiness);
* its **subject's role**: the nearest actor before the cue in its clause
  (``ruactor``, ``uaactor``, ``westactor``, ``otheractor``), ``self`` for
  "we", "I", "our" (the speaker's own side), ``they`` for "they", "them";
  "he", "she" take the actor named before them in the sentence;
* its **clause**: the main clause, or a clause that an accusation ("accused
  ... of", "blamed ... for"), a claim ("claims that", "allegedly",
  "so-called") or a condition ("if", "whether", "unless") hangs it on;

and returns tokens such as ``#refuse_subj_uaactor``, ``#ready_subj_self``,
``#refuse_accused``, ``#ready_claimed``, ``#first_ready`` (the polarity of the
first cue, which is nearly always the main clause's) and ``#ready_vs_refuse``
(the speaker's own readiness against another side's refusal). A refusal verb whose
object is talks ("rejected the talks", "no point in negotiations") adds
``#refuse_obj_talks``.

The input is the folded text with actors masked (see
:mod:`stanceclf.features`), punctuation kept: clauses end at it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Set

__all__ = ["ACCUSE", "CLAIM", "CONDITION", "NEGATION", "READY", "REFUSE", "TALKS", "agent_tokens"]

#: Readiness cues (stance: support, or conditional with a condition).
READY: tuple[str, ...] = (
    r"ready",
    r"readiness",
    r"willing\w*",
    r"open to",
    r"prepared to",
    r"prepared for",
    r"call\w* for (?:talks|negotiations?|peace|a ceasefire|dialogue)",
    r"seek\w* (?:talks|peace|a settlement|dialogue)",
    r"want\w* (?:talks|peace|to negotiate|to talk)",
    r"agree\w* to (?:talks|meet|negotiate)",
    r"sit down",
    r"accept\w* (?:the )?(?:talks|ceasefire|proposal|offer|invitation)",
)

#: Refusal and sabotage cues (stance rules 3 and 6; 1.2's pointless-talks hard case).
REFUSE: tuple[str, ...] = (
    r"refus\w*",
    r"reject\w*",
    r"rul(?:e|ed|es|ing) out",
    r"ban(?:s|ned|ning)?",
    r"block\w*",
    r"derail\w*",
    r"sabotag\w*",
    r"torpedo\w*",
    r"wreck\w*",
    r"scuttl\w*",
    r"walk\w* (?:away|out)",
    r"broke off",
    r"break\w* off",
    r"pull\w* out of",
    r"no point",
    r"pointless",
    r"futile",
    r"will not negotiate",
    r"won't negotiate",
    r"not interested in",
    r"unwilling\w*",
)

#: What a refusal must have as its object to count as refusing talks.
TALKS: tuple[str, ...] = (
    r"talks?",
    r"negotiat\w*",
    r"ceasefire\w*",
    r"cease-fire\w*",
    r"truce",
    r"peace",
    r"settlement\w*",
    r"deal",
    r"agreements?",
    r"accords?",
    r"dialogue",
    r"diplomacy",
    r"meet\w*",
    r"summit",
)

#: A negation before a cue in its clause turns its polarity.
NEGATION: tuple[str, ...] = (
    r"not(?! only)",
    r"no",
    r"never",
    r"nor",
    r"neither",
    r"without",
    r"hardly",
    r"falsely",
    r"pretend\w*",
    r"feign\w*",
    r"lack of",
    r"\w+n't",
)

#: Markers that hang a cue on an accusation ("accused kyiv of refusing talks").
ACCUSE: tuple[str, ...] = (r"accus\w*", r"blam\w*", r"charg\w*", r"condemn\w*", r"criticis\w*", r"criticiz\w*")

#: Markers that put a cue in a claim the statement need not share.
CLAIM: tuple[str, ...] = (
    r"claim\w*",
    r"alleg\w*",
    r"so-called",
    r"supposed\w*",
    r"purported\w*",
    r"smokescreen",
    r"pretext",
    r"illusion",
    r"imitat\w*",
)

#: Markers of a hypothetical clause.
CONDITION: tuple[str, ...] = (r"if", r"whether", r"unless")

_ROLES = ("ruactor", "uaactor", "westactor", "otheractor")
_SELF = ("we", "i", "our", "ours", "my", "ourselves", "myself")
_THEY = ("they", "them", "their", "theirs")
_HE = ("he", "she", "his", "her")

# Clauses end at punctuation (not at quotation marks, which often wrap a phrase), a dash and the
# conjunctions that start a contrasting clause.
_CLAUSE_END = re.compile(r"[,;:.!?()]|\s-\s|\b(?:but|while|whereas|although|though|however|yet)\b")
_WORDS = re.compile(r"[\w-]+")


def _any(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern matching any of ``patterns`` as whole words, longest first."""
    ordered = sorted(patterns, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(ordered) + r")(?![\w-])")


_READY_RE = _any(READY)
_REFUSE_RE = _any(REFUSE)
_TALKS_RE = _any(TALKS)
_NEGATION_RE = _any(NEGATION)
_ACCUSE_RE = _any(ACCUSE)
_CLAIM_RE = _any(CLAIM)
_CONDITION_RE = _any(CONDITION)
# A talks word within a few words after a refusal, or "talks are pointless" before it.
_OBJECT_AFTER = re.compile(r"(?:\s+[\w'-]+){0,4}?\s+(?:" + _TALKS_RE.pattern + r")")
_OBJECT_BEFORE = re.compile(r"(?:" + _TALKS_RE.pattern + r")(?:\s+[\w'-]+){0,3}\s*\Z")
# An agent named after the cue, which wins over one before it: "talks were rejected by kyiv",
# "calls for talks met with a refusal from kyiv".
_BY_ACTOR = re.compile(r"\s+(?:by|from)\s+(?:the\s+)?(" + "|".join(_ROLES) + r")\b")

#: The stance cue classes that make :func:`agent_tokens` look at a statement.
TRIGGERS = frozenset({"ready", "notready", "refuse"})


def _subject(text: str, clause: int, position: int) -> str:
    """The role of the nearest actor or pronoun before ``position`` in its clause (from ``clause``)."""
    words = _WORDS.findall(text, clause, position)
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word in _ROLES:
            return word
        if word in _SELF:
            return "self"
        if word in _THEY:
            return "they"
        if word in _HE:
            # "ruactor said he was ready": the pronoun is the actor named before it in the sentence.
            earlier = [w for w in _WORDS.findall(text, 0, clause) + words[:index] if w in _ROLES]
            return earlier[-1] if earlier else "none"
    return "none"


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` starts."""
    start = 0
    for match in _CLAUSE_END.finditer(text, 0, position):
        start = match.end()
    return start


def _marker(text: str, clause: int, position: int) -> str | None:
    """The accusation, claim or condition that a cue at ``position`` hangs on, if any."""
    # An accusation or claim reaches over the clause boundary of its own verb
    # ("accused kyiv, which ..., of refusing"), so look back through the sentence.
    if _ACCUSE_RE.search(text, max(0, position - 60), position):
        return "accused"
    if _CLAIM_RE.search(text, max(0, position - 40), position) or _CLAIM_RE.match(text, position + 1):
        return "claimed"
    if _CONDITION_RE.search(text, clause, position):
        return "if"
    return None


@functools.lru_cache(maxsize=8192)
def _tokens(masked: str) -> tuple[str, ...]:
    cues: list[tuple[int, int, str]] = []
    for polarity, pattern in (("ready", _READY_RE), ("refuse", _REFUSE_RE)):
        cues += [(m.start(), m.end(), polarity) for m in pattern.finditer(masked)]
    if not cues:
        return ()
    cues.sort()
    found: list[str] = []
    polarities: dict[str, set[str]] = {"ready": set(), "refuse": set()}
    first = None
    for start, end, polarity in cues:
        clause = _clause_start(masked, start)
        negated = _NEGATION_RE.search(masked, max(clause, start - 30), start) is not None
        if negated:
            polarity = "refuse" if polarity == "ready" else "ready"
            found.append(f"#{polarity}_negated")
        by = _BY_ACTOR.match(masked, end)
        subject = by.group(1) if by else _subject(masked, clause, start)
        found.append(f"#{polarity}_subj_{subject}")
        marker = _marker(masked, clause, start)
        if marker:
            found.append(f"#{polarity}_{marker}")
        else:
            found.append(f"#{polarity}_main")
        if first is None:
            first = polarity
        if polarity == "refuse" and not negated:
            if _OBJECT_AFTER.match(masked, end) or _OBJECT_BEFORE.search(masked, max(0, start - 60), start):
                found.append("#refuse_obj_talks")
        polarities[polarity].add(subject)
    found.append(f"#first_{first}")
    # Rule 6: "we are ready, they are the ones refusing" is the speaker's own readiness against
    # another's refusal; a third side's readiness met by a refusal is reported as a refusal.
    if "self" in polarities["ready"] and polarities["refuse"] - {"self"}:
        found.append("#ready_vs_refuse")
    return tuple(dict.fromkeys(found))


def agent_tokens(masked: str, present: Set[str]) -> tuple[str, ...]:
    """The agent and clause tokens of one statement (see the module notes).

    Parameters
    ----------
    masked : str
        The statement folded and with its actors masked, punctuation kept.
    present : set of str
        The cue classes found in it (with ``"ruua"`` when a Russian or
        Ukrainian actor is named); a statement with no readiness or refusal
        cue, or off the target (naming neither side nor the war), gets none.

    Returns
    -------
    tuple of str
        Tokens starting with ``#``, each once, in the order found.

    Examples
    --------
    >>> agent_tokens("ruactor accused uaactor of refusing talks.", {"refuse", "talks", "ruua"})
    ('#refuse_subj_uaactor', '#refuse_accused', '#refuse_obj_talks', '#first_refuse')
    """
    if not (present & TRIGGERS) or not ({"ruua", "war"} & present):
        return ()
    return _tokens(masked)
