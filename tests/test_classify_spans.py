"""Model.classify_spans: a segmentation of the user's own, with the speaker read in context."""

from __future__ import annotations

import pytest

from stanceclf import load_model, segment
from stanceclf.errors import InputTypeError, InvalidInputError

PAGE = (
    "Kremlin open to a new round in Istanbul\n\n"
    "By Irina\u00a0Sokolova, staff correspondent\n\n"
    "MOSCOW, June 3 - The Kremlin is ready for a third round of talks in Istanbul, "
    'spokesman Dmitry Peskov told reporters on Tuesday. "We have said so many times. '
    'The date depends on the other side."\n'
    "He added that Moscow had not yet received Kyiv's reply.\n\n"
    "Share  Print  Comments (12)\n"
)


@pytest.fixture(scope="module")
def model():
    return load_model()


def test_the_segmenters_own_spans_give_what_classify_gives(model):
    spans = [(s.start, s.end) for s in segment(PAGE)]
    by_spans = model.classify_spans(PAGE, spans)
    whole = model.classify(PAGE)
    assert [p.text for p in by_spans] == [p.text for p in whole]
    assert [p.labels for p in by_spans] == [p.labels for p in whole]
    assert [(p.start, p.end) for p in by_spans] == spans


def test_a_quote_over_two_sentences_keeps_its_speaker_from_the_sentence_that_names_him(model):
    first = PAGE.index("The Kremlin is ready")
    second = PAGE.index('"We have said')
    third = PAGE.index("The date depends")
    spans = [(first, second - 1), (second, third - 1), (third, PAGE.index("\nHe added"))]
    predictions = model.classify_spans(PAGE, spans)
    alone = model.classify_statements([p.text for p in predictions])
    assert predictions[2].text == 'The date depends on the other side."'
    assert predictions[1].speaker == predictions[2].speaker == predictions[0].speaker
    # The context is what carries it: read alone, the statements are scored as classify_statements scores them.
    assert [p.stance for p in predictions] == [p.stance for p in alone]


@pytest.mark.parametrize(
    ("spans", "error", "message"),
    [
        ([(0, 10), (5, 20)], InvalidInputError, r"span 1 \(5, 20\) starts before span 0 ends \(10\)"),
        ([(0, 10_000)], InvalidInputError, r"span 0 \(0, 10000\) is empty or outside the text of \d+ characters"),
        ([(39, 41)], InvalidInputError, r"span 0 \(39, 41\) is empty"),
        ([(0, "9")], InputTypeError, r"span 0 is not a \(start, end\) pair of integers"),
        ([(0, 5, 9)], InputTypeError, r"span 0 is not a \(start, end\) pair of integers"),
    ],
)
def test_bad_spans_are_refused_with_their_index(model, spans, error, message):
    with pytest.raises(error, match=message):
        model.classify_spans(PAGE, spans)


def test_a_text_that_is_not_a_string_is_refused(model):
    with pytest.raises(InputTypeError, match="expects the text as a str, got bytes"):
        model.classify_spans(PAGE.encode(), [(0, 5)])
