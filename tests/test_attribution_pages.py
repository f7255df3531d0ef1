"""Speaker on whole pages: the attribution clause's side (stanceclf.speech) and what a page carries.

The pages are written for these tests: a byline, a dateline, share buttons,
a quote over several sentences, a lone quote paragraph, "he said", a list
under a colon, and sentences of the outlet's own that name an official as
their topic. The tests assert on the attribution and feature step, not on
what a fitted model reads from it.
"""

from __future__ import annotations

import pytest

from stanceclf import segment
from stanceclf.attribution import carried_from
from stanceclf.features import normalise
from stanceclf.speech import speaker_cues

PAGE = """Kremlin says talks with Kyiv can resume "on the basis of reality"

By Marta Kowalczyk | 14 March 2026, 09:12  Share  Tweet  Email

MOSCOW -- Russia is open to a new round of talks with Ukraine, Kremlin spokesman Dmitry Peskov told reporters on Friday.

"We have said many times that we are ready. But any document must reflect the situation on the ground," Peskov said.

"Nobody will sign a paper that ignores it."

He declined to say when the delegations might meet. "There are no dates yet," he added.

The Kremlin has shown before that it negotiates only when the alternative looks worse.

Deputy Foreign Minister Mikhail Galuzin set out Moscow's conditions for a settlement:
\u2022 a legally binding refusal by Ukraine to join NATO;
\u2022 the lifting of the main Western sanctions;
\u2022 guarantees for the Russian language.

According to the Energy Ministry in Kyiv, 600 towns lost power after the overnight strikes.

"There is no trust in the room," said Leyla Arslan, an analyst at an Istanbul think tank.

Related articles
Zelensky: no ceasefire without guarantees
"""


def statements_and_carried(text):
    found = segment(text)
    return found, carried_from(text, [(s.start, s.end) for s in found])


def index_of(statements, words):
    return next(i for i, s in enumerate(statements) if words in s.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The subject of the speech verb, before it in its clause, with its side and its office.
        (
            "Russia is open to a new round of talks, Kremlin spokesman Dmitry Peskov told reporters on Friday.",
            ("#said", "#said_ruactor", "#said_official"),
        ),
        # "said X": the subject after the verb; a typographic possessive still names the side.
        (
            "Kiev is being used to wage war, Russia\u2019s top diplomat has claimed.",
            ("#said", "#said_ruactor", "#said_official"),
        ),
        # A headline that attributes with a colon.
        ("Zelensky: no ceasefire without guarantees", ("#said", "#said_uaactor")),
        # "according to" an office of a named side.
        (
            "According to the Energy Ministry in Kyiv, 600 towns lost power.",
            ("#said", "#said_uaactor", "#said_official"),
        ),
        # An office with no side named.
        ("Most of the drones were shot down, the General Staff said on Sunday.", ("#said", "#said_official")),
        # A pronoun.
        ('"There are no dates yet," he added.', ("#said", "#said_pronoun")),
        ("According to him, the exchange was carried out in full.", ("#said", "#said_pronoun")),
        # Experts and analysts have no side of their own (codebook section 7): no side token.
        ("Russian analysts said the offer changes nothing.", ("#said", "#said_expert")),
    ],
)
def test_the_attribution_clause_gives_its_subjects_side(text, expected):
    assert speaker_cues(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # An official named as the topic of the outlet's own sentence: no attribution at all.
        "The Kremlin has shown before that it negotiates only when the alternative looks worse.",
        "Putin meets US envoy as Kremlin signals openness",
        # "said" inside a quotation attributes nothing.
        '"As I said in Minsk, we are ready to talk."',
        "Analysis: what a ceasefire would look like",
    ],
)
def test_a_named_official_without_an_attribution_clause_gets_no_speaker_cue(text):
    assert speaker_cues(text) == ()


def test_the_speaker_cues_reach_the_features_and_a_mention_alone_does_not():
    said = normalise("Russia is open to talks, Peskov told reporters.").split()
    topic = normalise("The Kremlin has shown it negotiates only under pressure.").split()
    assert "#said_ruactor" in said and "ruactor" in said
    assert not any(token.startswith("#said") for token in topic) and "ruactor" in topic


def test_a_quote_over_two_sentences_and_its_lone_continuation_carry_the_named_speaker():
    statements, carried = statements_and_carried(PAGE)
    named = index_of(statements, "Peskov said")
    first = index_of(statements, "We have said many times")
    lone = index_of(statements, "Nobody will sign")
    assert carried[first] == named
    assert carried[lone] == named
    assert carried[named] is None


def test_he_said_points_back_to_the_last_named_speaker():
    statements, carried = statements_and_carried(PAGE)
    added = index_of(statements, "he added")
    assert "Peskov" in statements[carried[added]].text


def test_the_items_of_a_list_under_a_colon_carry_the_statement_that_introduces_them():
    statements, carried = statements_and_carried(PAGE)
    intro = index_of(statements, "set out Moscow's conditions")
    items = [
        index_of(statements, words) for words in ("refusal by Ukraine", "main Western sanctions", "Russian language")
    ]
    assert [carried[i] for i in items] == [intro] * 3
    # The paragraph after the list says who speaks itself: the list has ended.
    assert carried[index_of(statements, "Energy Ministry in Kyiv")] is None


def test_the_outlets_own_sentences_and_a_quote_after_them_carry_nothing():
    statements, carried = statements_and_carried(PAGE)
    assert carried[index_of(statements, "The Kremlin has shown before")] is None
    assert carried[index_of(statements, "Russia is open to a new round")] is None


def test_a_lone_quote_after_the_outlets_own_sentence_carries_nothing():
    text = (
        "The summit ended without a joint statement.\n\n"
        "Officials in Brussels were tight-lipped about the next steps.\n\n"
        '"We will see."\n'
    )
    statements, carried = statements_and_carried(text)
    assert carried[index_of(statements, "We will see")] is None


def test_a_paragraph_that_ends_with_a_colon_does_not_capture_the_paragraphs_after_it():
    text = (
        "The ministry listed its figures for the week:\n\n"
        "Prices for bread rose by two percent in the capital, the statistics office said.\n\n"
        "In the east, the front line did not move.\n"
    )
    statements, carried = statements_and_carried(text)
    assert carried[index_of(statements, "the front line did not move")] is None
