"""Round 6 (docs/model.md, "Framing and speaker on pages (round 6)"): the NATO and EU states' masks, and
the weight of whole pages' statements in the framing head's fit."""

from __future__ import annotations

import numpy as np
import pytest

from stanceclf import features
from stanceclf.labels import LabeledStatement
from stanceclf.model import fit_bundle
from tests.conftest import ARTICLES, statements_of


@pytest.mark.parametrize(
    "text",
    [
        "Lithuania\u2019s foreign minister confirmed Vilnius would allocate\na further EUR\u00a040 million.",
        "VILNIUS \u2014 The Danish business minister said on Wednesday that checks on old tankers would start in May.",
        "Finnish President Alexander Stubb told reporters in Helsinki that monitors\nwould need a mandate.",
        "The Czech government said the shells had been paid for in full, Share this article",
    ],
)
def test_the_other_nato_and_eu_states_are_masked_as_western(text):
    tokens = features.normalise(text).split()
    assert "westactor" in tokens
    assert "otheractor" not in tokens


@pytest.mark.parametrize(
    "text",
    [
        "The finished hall in the romance language department reopens after the spring holidays.",
        "Riga-based start-ups raised less in the third quarter than a year before.",  # a hyphenated compound
        "The romanticists at the festival read from a Spanishtown chronicle.",
    ],
)
def test_a_word_that_only_contains_a_state_name_is_not_masked(text):
    assert "westactor" not in features.normalise(text).split()


def test_a_named_western_minister_is_the_speaker_the_attribution_reads():
    text = "\u201cAn oil spill would be a disaster,\u201d the Danish business minister said."
    tokens = features.normalise(text).split()
    assert "#said_westactor" in tokens


def _page_statements() -> list[LabeledStatement]:
    """Statements of two written whole pages (article ids ``page-...``) with frames the articles seldom have."""
    texts = [
        ("They want a pause only so that their sponsors can ship more shells.", "oppose", "blame"),
        ("We came with an open mind and we hold no grudge, the envoy said.", "support", "goodwill"),
        ("The delegations met for three hours in a hotel by the port.", "neutral", "neutral_report"),
        ("Our army will decide where the line runs, the general said on television.", "oppose", "force"),
    ]
    return [
        LabeledStatement(f"page-wt{p}-s{i:02d}", f"page-wt{p}", text, stance, frame, "russia_official")
        for p in (1, 2)
        for i, (text, stance, frame) in enumerate(texts, start=1)
    ]


def _heads(statements, weight):
    bundle = fit_bundle(statements, params={"framing_page_weight": weight}, calibrate=False)
    fitted = zip(bundle.heads, bundle.pipeline[-1].estimators_)
    return {name: (e.coef_.copy(), e.intercept_.copy()) for name, e in fitted}


def test_page_statements_weigh_more_in_the_framing_head_only():
    statements = [s for a in ARTICLES for s in statements_of(a)] + _page_statements()
    once, twice = _heads(statements, 1.0), _heads(statements, 2.0)
    for head in ("stance", "speaker"):
        np.testing.assert_array_equal(once[head][0], twice[head][0])
        np.testing.assert_array_equal(once[head][1], twice[head][1])
    assert not np.allclose(once["framing"][0], twice["framing"][0])


def test_without_page_statements_the_weight_changes_nothing():
    statements = [s for a in ARTICLES for s in statements_of(a)]
    once, twice = _heads(statements, 1.0), _heads(statements, 3.0)
    for head in once:
        np.testing.assert_array_equal(once[head][0], twice[head][0])
