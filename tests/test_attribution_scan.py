"""The speech-verb scan of :mod:`stanceclf.attribution` finds what the regex alone finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stanceclf import attribution

PIECES = ["said", "says", "pointed out", "pointed", "out", "according to", "according", "to", "told", "he", "Lavrov"]
PIECES += [" ", "  ", ",", ".", "-", "_", "'", "’", "\n", "x", "é", "«", "»", "\u00a0", "SAID", "saïd", "0"]
sentences = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(sentences)
def test_speech_words_equal_the_regex_scan(text):
    lowered = text.lower()
    expected = [match.span() for match in attribution._SPEECH_WORD.finditer(lowered)]
    assert [match.span() for match in attribution._speech_words(lowered)] == expected


def test_speech_words_on_a_wire_paragraph():
    text = (
        "MOSCOW, March 3 (Staff) - The Kremlin said_on Monday it was ready; Peskov told reporters, "
        "pointed out that \u201ctalks\u201d are possible and, according to him, unsaid things-said remain."
    ).lower()
    found = [match.group() for match in attribution._speech_words(text)]
    assert found == [match.group() for match in attribution._SPEECH_WORD.finditer(text)]
    assert found == ["told", "pointed out", "according to", "said"]  # "said_on" is one word, "things-said" two


# The subject search as it was: what matching from the end must give.
PLAIN_WORD_BEFORE = re.compile(r"([\w’'-]+),?\s+(?:([\w’'-]+)\s+)?$")
BEFORE_PIECES = ["Lavrov", "also", "has", "he", "Kyiv’s", "minister's", "-", "_", ",", " ", "  ", "\n", "(", '"', "é"]
BEFORE_PIECES += [", ", "\u00a0", "\t", "’", "'"]
windows = st.lists(st.sampled_from(BEFORE_PIECES), max_size=20).map("".join)


@settings(max_examples=600, deadline=None)
@given(windows)
def test_subject_equals_the_plain_search(window):
    expected = PLAIN_WORD_BEFORE.search(window)
    assert attribution._subject(window) == (expected and expected.groups())


@pytest.mark.parametrize(
    ("window", "groups"),
    [
        ("KYIV, Dec 1 (Wire) - Ukraine's foreign-minister, Dmytro Kuleba also ", ("Kuleba", "also")),
        ("the Kremlin spokesman Dmitry Peskov, ", ("Peskov", None)),  # a comma after the last word: alone
        ("officials in Kyiv, he ", ("Kyiv", "he")),
        ("“We will not sign,” ", None),  # a quote mark before the verb: no subject word
        ("", None),
    ],
)
def test_subject_on_byline_windows(window, groups):
    assert attribution._subject(window) == groups
    expected = PLAIN_WORD_BEFORE.search(window)
    assert (expected and expected.groups()) == groups


ATTRIBUTION_PIECES = PIECES + ["he said", "Lavrov said", ", she added", "according to him", "İ", "Σ", "also", "Putin"]
statement_lists = st.lists(st.lists(st.sampled_from(ATTRIBUTION_PIECES), max_size=12).map("".join), max_size=6)


def _one_by_one(words: str) -> tuple[bool, bool]:
    verbs = [(m.start(), m.end(), m.group()) for m in attribution._SPEECH_WORD.finditer(words.lower())]
    return attribution._attribution(words, verbs)


@settings(max_examples=300, deadline=None)
@given(statement_lists)
def test_attributions_of_joined_statements_equal_one_by_one(outside):
    named, pronoun = attribution._attributions(outside)
    assert list(zip(named, pronoun)) == [_one_by_one(words) for words in outside]


def test_attributions_read_each_statement_apart():
    outside = [
        "Sergei Lavrov said",  # named
        " the minister later told reporters, he",  # a verb at the very start of the next statement
        "“We will not sign,” she added.",
        "İstanbul talks, according to him, stalled.",  # a capital whose lower case is longer
    ]
    named, pronoun = attribution._attributions(outside)
    assert list(zip(named, pronoun)) == [_one_by_one(words) for words in outside]
    assert named[0] and pronoun[2] and pronoun[3]


def test_attributions_of_a_long_text_are_read_in_pieces_alike():
    # More statements than one joined scan takes: the pieces meet without losing or shifting a verb.
    outside = [f"Statement {n}: the minister said" if n % 7 == 0 else f"Shelling hit block {n}." for n in range(2_345)]
    outside[999], outside[1000] = "Olena Hrytsenko told", "reporters he added"
    named, pronoun = attribution._attributions(outside)
    assert list(zip(named, pronoun)) == [_one_by_one(words) for words in outside]
    assert named[999] and pronoun[1000] and named[994] and not named[995]
