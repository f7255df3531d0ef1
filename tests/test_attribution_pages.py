"""Speaker on whole pages: what a page's statements carry from the statement that says who speaks.

The pages are written for these tests: a byline, a dateline, share buttons,
a quote over several sentences, a lone quote paragraph, "he said", "he
declined to say", a list under a colon, and sentences of the outlet's own
that name an official as their topic. The tests assert on the attribution
step (:func:`stanceclf.attribution.carried_from`), not on what a fitted
model reads.
"""

from __future__ import annotations

from stanceclf import segment
from stanceclf.attribution import carried_from

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


def test_he_declined_to_say_is_attributed_to_the_last_named_speaker():
    statements, carried = statements_and_carried(PAGE)
    declined = index_of(statements, "He declined to say")
    assert "Peskov" in statements[carried[declined]].text


def test_a_named_subject_before_an_infinitive_names_its_speaker_and_carries_nothing():
    text = (
        'KYIV -- "We will not trade land for a pause," Sybiha said.\n\n'
        "Zelensky refused to say whether a meeting was planned.\n"
    )
    statements, carried = statements_and_carried(text)
    assert carried[index_of(statements, "refused to say")] is None


def test_a_carried_group_takes_the_speaker_its_statements_make_likeliest_together():
    # Whatever the model reads: the statements that carry one source get the label that maximises
    # the summed log speaker probabilities of the source and of them, each read alone.
    import math

    from stanceclf import classify, classify_statements

    statements, carried = statements_and_carried(PAGE)
    in_context = classify(PAGE)
    alone = classify_statements([s.text for s in statements])
    assert [p.text for p in in_context] == [s.text for s in statements]
    groups = {}
    for index, source in enumerate(carried):
        if source is not None:
            groups.setdefault(source, []).append(index)
    assert len(groups) == 2  # Peskov (his quote, "he declined to say", "he added"), and the list
    for source, members in groups.items():
        together = {label: 0.0 for label in alone[source].speaker_scores}
        for i in (source, *members):
            for label, p in alone[i].speaker_scores.items():
                together[label] += math.log(max(p, 1e-12))
        expected = max(together, key=together.get)
        assert {in_context[i].speaker for i in members} == {expected}
        assert in_context[source].speaker == alone[source].speaker
