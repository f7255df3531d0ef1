"""The speech-verb scan of :mod:`stanceclf.attribution` finds what the regex alone finds."""

from __future__ import annotations

import re

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


# The subject pattern without its look-behind: what the look-behind must not change.
PLAIN_WORD_BEFORE = re.compile(r"([\w’'-]+),?\s+(?:([\w’'-]+)\s+)?$")
BEFORE_PIECES = ["Lavrov", "also", "has", "he", "Kyiv’s", "minister's", "-", "_", ",", " ", "  ", "\n", "(", '"', "é"]
windows = st.lists(st.sampled_from(BEFORE_PIECES), max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(windows)
def test_word_before_ignores_its_look_behind(window):
    expected = PLAIN_WORD_BEFORE.search(window)
    found = attribution._WORD_BEFORE.search(window)
    assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))


def test_word_before_on_a_byline_window():
    window = "KYIV, Dec 1 (Wire) - Ukraine's foreign-minister, Dmytro Kuleba also "
    assert attribution._WORD_BEFORE.search(window).groups() == ("Kuleba", "also")
