"""Property-based tests: arbitrary Unicode never breaks the documented contract."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stanceclf import FRAMINGS, SPEAKERS, STANCES, classify, classify_statements, segment

# Every code point Python allows in a str, lone surrogates included, plus
# runs that stress the segmenter: marks, control and zero-width characters,
# RTL marks, emoji, quotes, dots and dashes.
SPECIAL = list("\u200b\u200c\u200d\u200e\u200f\u202e\ufeff\x00\x07\r\n\t .!?…\"'“”‘’«»–—-|") + [
    "😀",
    "🇺🇦",
    "U.S.",
    "Mrs.",
    "\ud800",
]
texts = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=300),
    st.lists(st.sampled_from(SPECIAL + ["Putin", "talks", "ready", "Kyiv", "regime", "word"]), max_size=80).map(
        "".join
    ),
    st.text(alphabet=".!?…\"'“”«» \n", max_size=200),
    st.text(alphabet="abcdefghij", min_size=1, max_size=5000),
)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_prediction(p) -> None:
    assert p.stance in STANCES and p.framing in FRAMINGS and p.speaker in SPEAKERS
    for scores in (p.stance_scores, p.framing_scores, p.speaker_scores):
        assert math.isclose(sum(scores.values()), 1.0, abs_tol=1e-5)
    assert 0.0 <= p.coverage <= 1.0


@FAST
@given(texts)
def test_segment_gives_ordered_verbatim_substrings(text):
    statements = segment(text)
    last_end = 0
    for s in statements:
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text and s.text
        assert s.start >= last_end
        last_end = s.end


@FAST
@given(texts)
def test_classify_keeps_its_contract(text):
    predictions = classify(text)
    assert [p.text for p in predictions] == [s.text for s in segment(text)]
    for p in predictions:
        assert text[p.start : p.end] == p.text
        check_prediction(p)
    assert classify(text) == predictions


@FAST
@given(st.lists(texts, max_size=5))
def test_classify_statements_keeps_its_contract(items):
    predictions = classify_statements(items)
    assert [p.text for p in predictions] == items
    for p in predictions:
        check_prediction(p)
    assert classify_statements(items) == predictions
