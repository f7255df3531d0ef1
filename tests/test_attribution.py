"""Speaker in context: quotations over several statements and pronoun attributions (codebook section 7)."""

from __future__ import annotations

import pytest

from stanceclf import classify, classify_many, classify_statements, segment
from stanceclf.attribution import carried_from

# A wire story written for this test: a quote over three sentences closed
# by its attribution, a pronoun attribution, a quote carried over a
# paragraph break in newspaper style, and sentences of the outlet's own.
STORY = """Lavrov says Moscow will not sign ''under pressure''

MOSCOW, June 3 -- Russia's foreign minister said on Tuesday that a new round of talks could take place in Istanbul.

"They simply walked away from the draft. They came back with new demands. We cannot accept that," Lavrov told reporters after meeting his Turkish counterpart.

"We remain ready to talk," he added.

The Kremlin later released a transcript.

Speaking at the same briefing, Foreign Ministry spokeswoman Maria Zakharova said: "The Europeans keep sending weapons.

"Nobody in Brussels wants peace."

Ukraine's foreign ministry did not reply to a request for comment.
"""


def spans(text):
    return [(s.start, s.end) for s in segment(text)]


def test_every_sentence_of_a_quote_points_to_the_one_that_names_the_speaker():
    statements = segment(STORY)
    carried = carried_from(STORY, spans(STORY))
    named = next(i for i, s in enumerate(statements) if "Lavrov told reporters" in s.text)
    quote = [i for i, s in enumerate(statements) if s.text.startswith(('"They simply', "They came back"))]
    assert len(quote) == 2 and all(carried[i] == named for i in quote)
    assert carried[named] is None


def test_a_pronoun_attribution_points_to_the_last_named_speaker():
    statements = segment(STORY)
    carried = carried_from(STORY, spans(STORY))
    pronoun = next(i for i, s in enumerate(statements) if "he added" in s.text)
    assert statements[carried[pronoun]].text.find("Lavrov") >= 0


def test_a_quote_goes_on_into_a_paragraph_that_opens_with_a_quote_mark():
    statements = segment(STORY)
    carried = carried_from(STORY, spans(STORY))
    opened = next(i for i, s in enumerate(statements) if "Zakharova said" in s.text)
    continued = next(i for i, s in enumerate(statements) if "Nobody in Brussels" in s.text)
    assert carried[continued] == opened


def test_sentences_of_the_outlet_and_named_sentences_keep_their_own_speaker():
    statements = segment(STORY)
    carried = carried_from(STORY, spans(STORY))
    for i, statement in enumerate(statements):
        if statement.text.startswith(("The Kremlin later", "Ukraine's foreign ministry", "MOSCOW", "Russia's")):
            assert carried[i] is None, statement.text


@pytest.mark.parametrize(
    "text",
    [
        "It's a deal, the Kremlin's envoy said. Kyiv's leaders' position is weak. Nobody won.",
        "The leaders' meeting ended. 'Rock 'n' roll' was the mood, officials said. He left.",
    ],
)
def test_apostrophes_are_not_quotations(text):
    assert carried_from(text, spans(text)) == [None] * len(segment(text))


def test_an_unclosed_quote_ends_at_the_paragraph_it_opened():
    text = 'Peskov said: "We are ready.\n\nThe talks resumed on Monday. The delegations met for two hours.'
    assert carried_from(text, spans(text)) == [None, None, None]


def test_classify_gives_a_continued_quote_its_speakers_label_and_says_why():
    predictions = classify(STORY)
    by_text = {p.text: p for p in predictions}
    named = next(p for p in predictions if "Lavrov told reporters" in p.text)
    for p in predictions:
        if p.text.startswith("They came back"):
            assert p.speaker == named.speaker
            assert p.speaker_scores == named.speaker_scores
            if classify_statements([p.text])[0].speaker != named.speaker:
                assert p.evidence["speaker"][0][0].startswith("context: statement")
    assert set(by_text) == {s.text for s in segment(STORY)}


def test_classify_many_reads_speakers_in_context_like_classify():
    assert next(classify_many([STORY])) == classify(STORY)


def test_workers_read_speakers_in_context_as_the_caller_does():
    # The speaker sources are worked out where segmentation runs: in a worker with n_jobs=2.
    texts = [STORY, "", "Kyiv refused.", STORY.replace("\n", "\n\n"), STORY]
    expected = [classify(text) for text in texts]
    assert list(classify_many(iter(texts), batch_size=2, n_jobs=2)) == expected
    assert list(classify_many(iter(texts), batch_size=2)) == expected
