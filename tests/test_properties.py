"""Property-based tests: arbitrary Unicode never breaks the documented contract."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stanceclf import FRAMINGS, SPEAKERS, STANCES, Model, classify, classify_statements, load_model, segment

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
FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def tiny_bundle_for_properties(tiny_bundle):
    return tiny_bundle, Model.from_bundle(tiny_bundle)


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


@FAST
@given(st.lists(texts, max_size=12))
def test_predict_proba_and_classify_statements_score_alike(statements):
    """One scoring path: the arrays API and the objects API give the same probabilities."""
    model = load_model()
    arrays = model.predict_proba(statements)
    predictions = model.classify_statements(statements)
    for head in model.heads:
        assert arrays[head].shape == (len(statements), len(model.labels(head)))
        for row, prediction in zip(arrays[head], predictions):
            scores = getattr(prediction, f"{head}_scores")
            assert [scores[label] for label in model.labels(head)] == row.tolist()


@FAST
@given(st.lists(texts, min_size=1, max_size=8))
def test_direct_scoring_equals_the_fitted_pipeline(tiny_bundle_for_properties, statements):
    """The scorer a model classifies with gives the scikit-learn pipeline's probabilities exactly."""
    bundle, model = tiny_bundle_for_properties
    features = bundle.pipeline[:-1].transform(statements)
    arrays = model.predict_proba(statements)
    for head, estimator in zip(bundle.heads, bundle.pipeline.named_steps["heads"].estimators_):
        assert np.array_equal(arrays[head], estimator.predict_proba(features)), head
