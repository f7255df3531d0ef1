"""Statements in their article -> whose words each one carries.

A statement read alone often does not name its speaker: the second sentence
of a quote ("They simply gave up on this."), or a sentence attributed with
a pronoun ("'We are ready,' he added."). The codebook gives such a sentence
the speaker of the quote or of the person the pronoun points back to
(section 7). This module finds, for each statement of a text, the statement
whose speaker it should carry:

1. **Quotes over several statements.** Quotation marks are followed through
   the text (double quotes, guillemets and typographic single quotes; a
   straight apostrophe inside a word is not a quote). A run of statements
   inside one quotation takes the speaker of the run's statement that says
   who is speaking outside the quote marks ("..., Putin said."), or, when no
   statement of the run does, of the statement just before the run. A
   quotation left open at the end of a paragraph goes on when the next
   paragraph opens with a quote mark (the newspaper convention), and ends
   otherwise.
2. **Pronoun attributions.** A statement whose words outside quote marks
   attribute it with a pronoun ("he said", "she added", "according to him")
   and name nobody takes the speaker of the nearest statement before it, at
   most :data:`LOOK_BACK` statements back, that names its speaker.

Its page, besides, gives some statements a speaker label of their own
(:func:`page_speakers`):

3. **Turns.** On an interview or a transcript page, a line that opens with
   a speaker label ("Vladimir Putin:", "Question:", "[00:12] KASK:") starts
   a turn that runs to the next label. When a label names a side, by the
   codebook's actor lists or by how the page introduces that name, each
   statement of its turns without an attribution of its own is that side's,
   and the turns of the other labels (the interviewer's questions) are the
   outlet's, ``author``. "A:" and "Answer:" do not say who answers: such a
   page is left to the model, as is a page where nobody speaks for a side.
4. **Offices named by post.** A statement attributed to one office holder
   named by post alone ("the minister said", "the regional emergencies
   department said") takes the side of the nearest office or official named
   with a side before it on the page (codebook section 7: the side the text
   names as the source). Not "diplomats say" or "officials said" (many
   unnamed people), nor an office the actor lists do not know by name ("a
   State Department official"); the outlet's country or dateline is not
   used, which the codebook does not allow.

Only statements that name no speaker of their own are changed; everything
else keeps the model's reading.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Sequence

from .features import _alternation
from .speech import _OFFICIAL, _VERB, _kinds, _subject_phrase, speaker_cues
from .speech import _QUOTED as _QUOTED_TEXT
from .speech import SPEECH_VERBS as _SPEECH_VERBS

__all__ = ["LOOK_BACK", "carried_from", "page_speakers", "speaker_sources"]

#: How many statements back a pronoun attribution may point.
LOOK_BACK = 4

_OPENING = {"“": "double", "«": "guillemet", "„": "double", "‘": "single"}
_CLOSING = {"”": "double", "»": "guillemet", "’": "single"}
_STRAIGHT = {'"': "double", "'": "single"}

# Matched on lower-cased text, alternatives grouped by first letter: five times faster than \b...\b
# with IGNORECASE, and it runs on every statement of every article.
_SPEECH_WORD = re.compile(r"(?<!\w)(?:" + _alternation(re.escape(verb) for verb in _SPEECH_VERBS) + r")(?!\w)")
_PRONOUNS = frozenset("he she they it we i you who which".split())
_ADVERB = re.compile(r"\w+ly|also|then|later|has|had|have|once|again")
# The word before a speech verb (its subject), or the two words before it when the last may be an
# adverb or auxiliary: the groups of ``([\w’'-]+),?\s+(?:([\w’'-]+)\s+)?$`` searched in the text
# before the verb. That search tries every start and costs microseconds a verb; matched from the end
# (the text reversed, the pattern mirrored) it is one anchored match.
# A comma after the last word leaves it alone ("Lavrov, said"); otherwise the word before may come too.
_WORDS_BEFORE_REVERSED = re.compile(r"\s+(?:,([\w’'-]+)|([\w’'-]+)(?:\s+,?([\w’'-]+))?)")


def _subject(before: str) -> tuple[str, str | None] | None:
    """The last word before a speech verb and the one before it, as the search above groups them, or None."""
    match = _WORDS_BEFORE_REVERSED.match(before[::-1])
    if match is None:
        return None
    alone, last, earlier = match.groups()
    if alone:
        return alone[::-1], None
    return (earlier[::-1], last[::-1]) if earlier else (last[::-1], None)


_INFINITIVE = re.compile(r"\bto\s*\Z")
_PRONOUN_INFINITIVE = re.compile(r"(?<!\w)(?:he|she)\s+(?:\w+\s+){0,2}to\s*\Z", re.IGNORECASE)
_AFTER_NAMED = re.compile(r",?\s+(?:[A-Z]|(?:the|a|an)\s+(?!(?:he|she|they|it|we)\b)\w)")
_AFTER_PRONOUN = re.compile(r",?\s+(?:he|she)\b", re.IGNORECASE)


def carried_from(text: str, spans: Sequence[tuple[int, int]]) -> list[int | None]:
    """For each statement, the index of the statement whose speaker it carries.

    Parameters
    ----------
    text : str
        The whole text the statements come from.
    spans : sequence of (int, int)
        Each statement's ``(start, end)`` offsets in ``text``, in order.

    Returns
    -------
    list of int or None
        Per statement, the index of an earlier or later statement that names
        its speaker (see the module notes), or None when it keeps its own.

    Examples
    --------
    >>> text = '"They simply gave up. We had a deal," Lavrov said. He left.'
    >>> carried_from(text, [(0, 20), (21, 50), (51, 59)])
    [1, None, None]
    """
    return _read(text, spans)[0]


def speaker_sources(text: str, spans: Sequence[tuple[int, int]]) -> list[int | str | None]:
    """For each statement, what decides its speaker in the article: a statement, a side, or nothing.

    Parameters
    ----------
    text, spans
        As for :func:`carried_from`.

    Returns
    -------
    list of int, str or None
        Per statement, the index of the statement whose speaker it carries
        (:func:`carried_from`), else a speaker label that its page gives it
        (:func:`page_speakers`), else None.
    """
    carried, page = _read(text, spans)
    return [source if source is not None else side for source, side in zip(carried, page)]


def page_speakers(text: str, spans: Sequence[tuple[int, int]]) -> list[str | None]:
    """For each statement, the speaker label its page gives it, or None (see :func:`speaker_sources`).

    Two readings (module notes 3 and 4): the turns of an interview or a
    transcript, where a label that names a side ("Vladimir Putin:", or
    "Lubinets:" on a page that calls him "Ukraine's human rights
    commissioner Dmytro Lubinets") gives it to every statement of its turns
    that names no speaker of its own, and the interviewer's turns are
    ``author``; and an office named by post only ("the minister said"),
    which takes the side of the last office or official named with one.

    Parameters
    ----------
    text : str
        The page's whole text.
    spans : sequence of (int, int)
        Its statements' offsets, in order (as for :func:`carried_from`).

    Returns
    -------
    list of str or None
        Per statement, a codebook speaker label, or None when the page says
        nothing of its speaker.
    """
    return _read(text, spans)[1]


def _read(text: str, spans: Sequence[tuple[int, int]]) -> tuple[list[int | None], list[str | None]]:
    """:func:`carried_from` and :func:`page_speakers`, from one reading of the quotations and attributions."""
    quotes = _quotations(text)
    names_speaker, pronoun = _attributions(_outside_words(text, spans, quotes))
    runs = _quote_runs(quotes, spans)
    carried: list[int | None] = [None] * len(spans)
    for run in runs:
        named = [i for i in run if names_speaker[i]]
        source = named[0] if named else (run[0] - 1 if run[0] > 0 and names_speaker[run[0] - 1] else None)
        for i in run if source is not None else ():
            if not names_speaker[i] and not pronoun[i]:
                carried[i] = source
    run_of = {i: run for run in runs for i in run}
    for i, attributed in enumerate(pronoun):
        if not attributed or names_speaker[i]:
            continue
        carried[i] = _last_named(i, names_speaker, carried)
        # The quotation this pronoun attributes carries the same speaker.
        for k in run_of.get(i, ()) if carried[i] is not None else ():
            if k != i and not names_speaker[k] and not pronoun[k]:
                carried[k] = carried[i]
    _carry_lone_quotes(text, spans, quotes, names_speaker, pronoun, run_of, carried)
    _carry_lists(text, spans, names_speaker, pronoun, carried)
    page: list[str | None] = [None] * len(spans)
    _read_turns(text, spans, carried, page)
    _read_offices(text, spans, carried, page)
    return carried, page


def _carry_lone_quotes(
    text: str,
    spans: Sequence[tuple[int, int]],
    quotes: list[tuple[int, int]],
    names_speaker: list[bool],
    pronoun: list[bool],
    run_of: dict[int, list[int]],
    carried: list[int | None],
) -> None:
    """A statement that is a quotation and nothing else takes the speaker of the last statement that names one.

    The second paragraph of a quote often stands alone between its own
    quote marks ("Nobody has the right to do that.") after a paragraph that
    says who is speaking (codebook section 7): it carries, as a pronoun
    attribution does, the statement just before it when that one names its
    speaker or carries one (a quote further on may be someone else's).
    """
    starts = [start for start, _ in quotes]
    for i, (start, end) in enumerate(spans):
        if names_speaker[i] or pronoun[i] or carried[i] is not None or i in run_of:
            continue
        at = bisect.bisect_right(starts, start + _leading_space(text, start)) - 1
        if at < 0 or quotes[at][0] < start or quotes[at][1] < _trimmed_end(text, start, end) - 1:
            continue  # the statement does not open with a quotation that runs to its end
        source = i - 1 if i > 0 and names_speaker[i - 1] else carried[i - 1] if i > 0 else None
        if source is not None and names_speaker[source]:
            carried[i] = source


def _leading_space(text: str, start: int) -> int:
    return _SPACES.match(text, start).end() - start


def _trimmed_end(text: str, start: int, end: int) -> int:
    """Where a statement ends once its trailing spaces and closing punctuation after a quote mark are cut."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return end


# A list item's marker at the start of its line: a bullet, a dash, or a number ("1.", "2)").
_BULLET = re.compile(r"[ \t]*(?:[•·▪◦*‣-]|\d{1,2}[.)])\s")
#: How many items a list introduced by a colon may have.
LIST_ITEMS = 12
# An item on a line of its own, with no marker, is a list item only when shorter than this.
_SHORT_ITEM = 120


def _carry_lists(
    text: str,
    spans: Sequence[tuple[int, int]],
    names_speaker: list[bool],
    pronoun: list[bool],
    carried: list[int | None],
) -> None:
    """The items of a list that a statement ending with a colon introduces carry that statement's speaker.

    "The Russian side set out its conditions:" followed by "the lifting of
    sanctions;" and more: each item is the introducer's view. An item is a
    statement after the introducer that opens with a bullet or a number at
    the start of its line, or with a small letter, or ends with a semicolon,
    or stands on a line of its own; the list ends at the first statement
    that is none of these or says who speaks.
    """
    for intro, (start, end) in enumerate(spans[:-1]):
        if not text[start:end].rstrip().endswith(":"):
            continue
        source = intro if carried[intro] is None else carried[intro]
        for item in range(intro + 1, min(len(spans), intro + 1 + LIST_ITEMS)):
            if names_speaker[item] or pronoun[item] or not _is_list_item(text, spans, item):
                break
            if carried[item] is None:
                carried[item] = source


def _last_named(index: int, names_speaker: list[bool], carried: list[int | None]) -> int | None:
    """The nearest statement before ``index``, at most :data:`LOOK_BACK` back, that names or carries a speaker."""
    for j in range(index - 1, max(index - 1 - LOOK_BACK, -1), -1):
        if names_speaker[j]:
            return j
        if carried[j] is not None and names_speaker[carried[j]]:
            return carried[j]
    return None


def _is_list_item(text: str, spans: Sequence[tuple[int, int]], index: int) -> bool:
    start, end = spans[index]
    body = text[start:end].strip()
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    # A short line of its own right under the line before (no blank line between): "Halt the launches."
    on_own_line = (
        text[spans[index - 1][1] : start].count("\n") == 1
        and before.strip() == ""
        and text[end:].split("\n", 1)[0].strip() == ""
        and len(body) < _SHORT_ITEM
    )
    return bool(_BULLET.match(before + body[:3]) or body[:1].islower() or body.endswith(";") or on_own_line)


# Statements whose speech verbs are looked for in one joined string: enough to share the scan's
# fixed cost, few enough that a long text's runs are never all held at once.
_JOINED = 1_000


def _attributions(outside: list[str]) -> tuple[list[bool], list[bool]]:
    """Per statement, :func:`_attribution` of its words outside quote marks.

    Most statements hold no speech verb, so the verbs are looked for once
    in many statements joined by line breaks (no verb spans one), and only
    the statements with one are read further.
    """
    named, pronoun = [False] * len(outside), [False] * len(outside)
    for first in range(0, len(outside), _JOINED):
        for index, verbs in _verbs_by_statement(outside[first : first + _JOINED]).items():
            named[first + index], pronoun[first + index] = _attribution(outside[first + index], verbs)
    return named, pronoun


def _verbs_by_statement(outside: list[str]) -> dict[int, list[tuple[int, int, str]]]:
    """The speech verbs of each statement that has any: start, end (in the statement) and the verb."""
    joined = "\n".join(outside)
    lowered = joined.lower()
    if len(lowered) != len(joined):  # a letter whose lower case is longer ("İ"): statement by statement
        found = ((index, _speech_words(words.lower())) for index, words in enumerate(outside))
        return {index: [(m.start(), m.end(), m.group()) for m in matches] for index, matches in found if matches}
    # Statement k starts after the statements before it and their line breaks.
    starts = list(itertools.accumulate((len(words) + 1 for words in outside), initial=0))
    by_statement: dict[int, list[tuple[int, int, str]]] = {}
    for match in _speech_words(lowered):
        index = bisect.bisect_right(starts, match.start()) - 1
        offset = starts[index]
        by_statement.setdefault(index, []).append((match.start() - offset, match.end() - offset, match.group()))
    return by_statement


def _attribution(outside: str, verbs: list[tuple[int, int, str]]) -> tuple[bool, bool]:
    """Whether words outside quote marks attribute the statement to someone named, and to a pronoun.

    ``verbs`` are the speech verbs found in them: start, end and the verb, lower-cased.
    """
    named = pronoun = False
    for start, end, verb in verbs:
        after = outside[end : end + 40]
        if verb == "according to":
            object_ = after.split(maxsplit=1)[:1]
            if object_ and object_[0].lower().strip(",.") in ("him", "her", "them"):
                pronoun = True
            elif object_:
                named = True
            continue
        window = outside[max(0, start - 60) : start]
        if _INFINITIVE.search(window):
            # "He declined to say", "Putin refused to comment": the subject is before the "to".
            by_pronoun = _PRONOUN_INFINITIVE.search(window) is not None
            pronoun = pronoun or by_pronoun
            named = named or not by_pronoun
            continue
        subject = _subject(window)
        if subject:
            first, second = subject
            # "Putin also said": the subject is the word before the adverb.
            word = first if second and _ADVERB.fullmatch(second.lower()) else (second or first)
            if word.lower() in _PRONOUNS:
                pronoun = pronoun or word.lower() in ("he", "she")
                continue
            if not _ADVERB.fullmatch(word.lower()):
                named = True
                continue
        if _AFTER_PRONOUN.match(after):
            pronoun = True
        elif _AFTER_NAMED.match(after):
            named = True
    return named, pronoun and not named


# Where a speech verb can start: a run of word characters that is a verb's first word. The text is
# split into its runs of ASCII word characters once (a byte table blanks the rest) and the pattern is
# tried only there.
_VERB_FIRST_WORDS = frozenset(verb.split()[0] for verb in _SPEECH_VERBS)
_ASCII_NON_WORD = (
    bytes(byte if chr(byte).isalnum() or byte == ord("_") else ord(" ") for byte in range(128)) + b" " * 128
)


def _speech_words(lowered: str) -> list[re.Match[str]]:
    """``list(_SPEECH_WORD.finditer(lowered))``, trying the pattern only where a verb's first word is a run."""
    # Each other character is one "?", then blank: offsets unchanged. A run of ASCII letters next to a
    # non-ASCII letter ("saïd") may be tried in vain: the pattern's own look-arounds reject it.
    blanked = lowered.encode("ascii", "replace").translate(_ASCII_NON_WORD).decode("ascii")
    present = _VERB_FIRST_WORDS.intersection(blanked.split(" "))
    if not present:
        return []
    # Where the runs that are a verb's first word start: found by substring search, blank to blank.
    padded = f" {blanked} "
    starts = []
    for word in present:
        needle = f" {word} "
        at = padded.find(needle)
        while at >= 0:
            starts.append(at)  # the word starts at at + 1 in padded, so at at in the text
            at = padded.find(needle, at + len(word) + 1)
    starts.sort()
    found: list[re.Match[str]] = []
    done = 0
    for start in starts:
        if start >= done:
            match = _SPEECH_WORD.match(lowered, start)
            if match is not None:
                found.append(match)
                done = match.end()
    return found


def _outside_words(text: str, spans: Sequence[tuple[int, int]], quotes: list[tuple[int, int]]) -> list[str]:
    """Per statement, its words that lie outside quotation marks.

    Statements and quotations both come in text order without overlaps, so
    one sweep pairs them: linear in their number, whatever the text's size.
    """
    words, first = [], 0
    for start, end in spans:
        while first < len(quotes) and quotes[first][1] <= start:
            first += 1
        pieces, position, index = [], start, first
        while index < len(quotes) and quotes[index][0] < end:
            quote_start, quote_end = quotes[index]
            pieces.append(text[position : max(position, quote_start)])
            position = max(position, min(quote_end, end))
            index += 1
        pieces.append(text[position:end])
        words.append(" ".join(pieces))
    return words


def _quote_runs(quotes: list[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Runs of two or more consecutive statements that one quotation spans (one sweep, as above)."""
    runs, first = [], 0
    for quote_start, quote_end in quotes:
        while first < len(spans) and spans[first][1] <= quote_start:
            first += 1
        inside, index = [], first
        while index < len(spans) and spans[index][0] < quote_end:
            inside.append(index)
            index += 1
        if len(inside) > 1:
            runs.append(inside)
    return runs


# Quotation marks and line breaks: the only characters the quotation scan looks at.
_MARKS = re.compile("[\"'“”«»„‘’\n]")


def _quotations(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the text's quotations, marks included, in order."""
    spans: list[tuple[int, int]] = []
    open_kind: str | None = None
    opened = 0
    for match in _MARKS.finditer(text):
        position = match.start()
        if text[position] == "\n":
            if open_kind is not None and _ends_paragraph(text, position):
                # Newspaper style: an open quote goes on into the next
                # paragraph only when that paragraph opens with a quote mark.
                spans.append((opened, position))
                open_kind = None
            continue
        kind = _mark(text, position, open_kind)
        if kind is None:
            continue
        if open_kind is None and kind[0] == "open":
            open_kind, opened = kind[1], position
        elif open_kind is not None and kind[0] == "close" and kind[1] == open_kind:
            spans.append((opened, position + 1))
            open_kind = None
    if open_kind is not None:
        spans.append((opened, len(text)))
    return spans


def _ends_paragraph(text: str, position: int) -> bool:
    """A line break that ends a quotation left open: after a sentence end, before no quote mark.

    A hard-wrapped quotation breaks its lines mid-sentence and goes on; a
    quotation carried into the next paragraph opens it with a quote mark.
    Only the characters around the break are read, so a long text costs no
    more per break than a short one.
    """
    before = position - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    after = _SPACES.match(text, position).end()
    return before >= 0 and text[before] in ".!?…:" and (after == len(text) or text[after] not in "\"'“«„‘")


_SPACES = re.compile(r"\s*")


def _mark(text: str, position: int, open_kind: str | None) -> tuple[str, str] | None:
    """("open" | "close", kind) when the character at ``position`` is a quotation mark."""
    char = text[position]
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if char in _OPENING and not (char == "‘" and before.isalnum()):
        return ("open", _OPENING[char])
    if char in _CLOSING:
        if char == "’" and before.isalnum() and after.isalnum():
            return None  # an apostrophe: "Kyiv’s", "don’t"
        if char == "’" and open_kind != "single":
            return None
        return ("close", _CLOSING[char])
    if char in _STRAIGHT:
        kind = _STRAIGHT[char]
        if kind == "single" and before.isalnum() and (after.isalnum() or open_kind != "single"):
            return None  # an apostrophe or a possessive ("leaders' meeting")
        if open_kind == kind and not before.isspace():
            return ("close", kind)
        if open_kind is None and not after.isspace():
            return ("open", kind)
    return None


# A speaker label opening a line: an optional time stamp, one to five capitalised words (or initials,
# "V. Putin"), an optional post in brackets, a colon. "Read also:" and the like are furniture, not turns.
_TURN_LABEL = re.compile(
    r"^[ \t]*(?:\[[\d:.]+\][ \t]*)?"
    r"(?P<label>[A-ZÀ-ÞА-Я][\w’'.-]*(?:[ \t]+[A-ZÀ-ÞА-Я][\w’'.-]*){0,4})"
    r"(?:[ \t]*\((?P<post>[^()\n]{1,60})\))?[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
_NOT_TURNS = frozenset(
    "read repost forwarded posted photo photos video publication direct url page keywords tags tag source sources "
    "updated update quote note editor editor's share copyright related see image credit caption filed topics "
    "location date time views watch listen subscribe also breaking live more follow".split()
)
#: How many labelled lines make a page of turns, at least.
TURN_LINES = 3
# The words before a name that say who the person is ("Kremlin spokesman Dmitry Peskov").
_INTRODUCED = re.compile(r"(?:[\w’'.-]+\s+){0,6}[\w’'.-]+$")
_ANSWERS = frozenset(("a", "answer", "answers", "response", "reply"))
_NOT_INTRODUCING = frozenset("is was are were be from in at with to by for and me us our said told says tells".split())
_SIDE_LABELS = {
    "ruactor": "russia_official",
    "uaactor": "ukraine_official",
    "westactor": "western_official",
    "otheractor": "other_official",
}


def _read_turns(
    text: str,
    spans: Sequence[tuple[int, int]],
    carried: list[int | None],
    page: list[str | None],
) -> None:
    """The speaker labels of a page of turns (see :func:`page_speakers`), written into ``page``."""
    labels = [m for m in _TURN_LABEL.finditer(text) if m.group("label").split()[0].lower() not in _NOT_TURNS]
    people = {_person(m.group("label")) for m in labels}
    # "A:" and "Answer:" do not say who answers; the page's introduction does, in words no list holds.
    if len(labels) < TURN_LINES or len(people) < 2 or people & _ANSWERS:
        return
    sides = {person: _side_of(text, labels, person) for person in people}
    if not any(sides.values()):
        return  # nobody on the page speaks for a side: the model reads it
    starts = [m.start() for m in labels]
    for i, (start, end) in enumerate(spans):
        turn = bisect.bisect_right(starts, start + _leading_space(text, start)) - 1
        if turn < 0 or carried[i] is not None:
            continue
        side = sides[_person(labels[turn].group("label"))]
        cues = speaker_cues(text[start:end])
        # A side named as the source ("Washington says ...") keeps the model's reading, even inside a turn;
        # a turn of the outlet's or of someone with no side keeps any attributed sentence's reading.
        if side is None and cues or any(cue.removeprefix("#said_") in _SIDE_LABELS for cue in cues):
            continue
        page[i] = side or "author"


def _person(label: str) -> str:
    """Who a label names, by its last word: "Dmytro Lubinets" and "Lubinets" are one person."""
    return label.split()[-1].lower().strip(".")


def _side_of(text: str, labels: list[re.Match[str]], person: str) -> str | None:
    """The speaker label of a turn's person: by their label and post, else by how the page introduces them."""
    phrases = [f"{m.group('label')} {m.group('post') or ''}" for m in labels if _person(m.group("label")) == person]
    name = re.compile(rf"(?<!\w){re.escape(person)}(?!\w)", re.IGNORECASE)
    for found in name.finditer(text):
        if any(m.start() <= found.start() < m.end() for m in labels):
            continue  # the label itself
        line = text[text.rfind("\n", 0, found.start()) + 1 : found.end()]
        words = _INTRODUCED.search(re.split(r"[,;:.!?()]", line)[-1]).group().split()
        # "joining me from Vienna is X": what comes before a verb or a preposition says nothing of X's side.
        cut = max((k + 1 for k, word in enumerate(words) if word.lower() in _NOT_INTRODUCING), default=0)
        phrases.append(" ".join(words[cut:]))
    for phrase in phrases:
        kinds = _kinds(" ".join(phrase.lower().replace("’", "'").split()))
        sides = kinds & _SIDE_LABELS.keys()
        if len(sides) == 1 and "expert" not in kinds:
            return _SIDE_LABELS[next(iter(sides))]
    return None


def _read_offices(
    text: str, spans: Sequence[tuple[int, int]], carried: list[int | None], page: list[str | None]
) -> None:
    """An office named by its post only ("the ministry said") takes the side of the last office named before it.

    The side is that of the nearest statement before it whose attribution
    names exactly one side ("Lavrov said", "the Ukrainian foreign ministry
    said"), or of a turn its page gave a side.
    """
    last: str | None = None
    for i, (start, end) in enumerate(spans):
        cues = speaker_cues(text[start:end])
        sides = [cue.removeprefix("#said_") for cue in cues if cue.removeprefix("#said_") in _SIDE_LABELS]
        if len(sides) == 1:
            last = _SIDE_LABELS[sides[0]]
        elif page[i] in _SIDE_LABELS.values():
            last = page[i]
        elif not sides and "#said_official" in cues and carried[i] is None and page[i] is None and last:
            if _by_post(text[start:end]):
                page[i] = last


# Capitalised words of an office's name that do not say whose office it is ("the Interior Ministry").
_PORTFOLIOS = frozenset(
    "interior foreign defence defense health energy emergencies emergency regional general deputy first "
    "finance economy justice culture education".split()
)


def _by_post(statement: str) -> bool:
    """Whether the statement is attributed to one office holder named by post alone: "the minister said".

    Not a named office the actor lists lack ("a State Department official"),
    nor many ("diplomats say", "officials said"): those may be anyone's.
    """
    outside = _QUOTED_TEXT.sub(" ", statement)
    lowered = outside.lower().replace("’", "'")
    for verb in _VERB.finditer(lowered):
        phrase = _subject_phrase(lowered, verb).split()
        if not phrase or not _kinds(" ".join(phrase)) == {"official"}:
            continue
        words = re.findall(r"[\w'’.-]+", outside[: verb.start()])[-len(phrase) :]
        posts = [word for word in phrase if _OFFICIAL.fullmatch(word)]
        named = [word for word in words[1:] if word[:1].isupper() and not _OFFICIAL.fullmatch(word.lower())]
        if any(word.lower() not in _PORTFOLIOS for word in named) or any(word.endswith("s") for word in posts):
            return False
        return True
    return False
