"""Negation scope of readiness (stance rules 3 and 6): a conjunction ends it, "not only" is none."""

from __future__ import annotations

import pytest

from stanceclf.features import cue_classes, normalise


@pytest.mark.parametrize(
    "text",
    [
        "Moscow is not ready for talks with Kyiv, the Kremlin spokesman said on Tuesday.",
        "Kyiv has shown no willingness to negotiate on these terms, the envoy told reporters.",
        "The Kremlin falsely claimed to be open to dialogue while its missiles hit Odesa.",
        "Finland's president said Russia was not yet ready to come to the table.",
        "Ukraine isn\u2019t ready, he said, and will not be pushed into a ceasefire.",
    ],
)
def test_readiness_denied_in_its_own_clause_is_still_a_refusal(text):
    assert "notready" in cue_classes(text) and "ready" not in cue_classes(text)


@pytest.mark.parametrize(
    "text",
    [
        "\u201cRussia is not only ready for negotiations, it has held them,\u201d the president said in Minsk.",
        "Beijing did not take sides and remained ready to play a constructive role, the ministry said.",
        "Sanctions will leave Moscow no choice but to come to the negotiating table, the minister argued.",
        "Ankara has no favourites in this war\u00a0and is willing to host both delegations again.",
    ],
)
def test_a_negation_does_not_reach_readiness_past_a_conjunction_or_in_not_only(text):
    cues = cue_classes(text)
    assert "ready" in cues and "notready" not in cues


def test_the_scope_rule_reaches_the_model_features():
    masked = normalise("Beijing did not take sides and remained ready to mediate between Russia and Ukraine.")
    assert "#ready" in masked.split() and "#notready" not in masked.split()
