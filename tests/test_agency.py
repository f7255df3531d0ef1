"""Agent and clause tokens: who is ready, who refuses, and in which clause (stanceclf.agency)."""

from __future__ import annotations

import pytest

from stanceclf.agency import agent_tokens
from stanceclf.features import normalise

ON_TARGET = frozenset({"ready", "refuse", "talks", "ruua"})


def tokens_of(text: str) -> set[str]:
    """The agent tokens that normalise appends to a raw statement."""
    return {token for token in normalise(text).split() if token.startswith(("#ready_", "#refuse_", "#first_"))}


@pytest.mark.parametrize(
    ("masked", "expected"),
    [
        ("ruactor's envoy told reporters that uaactor had refused every round of talks.", "#refuse_subj_uaactor"),
        ("speaking in ruactor, the westactor envoy said he was willing to host a meeting.", "#ready_subj_westactor"),
        ('"we remain ready to sit down tomorrow," the minister told state television.', "#ready_subj_self"),
        ("the ruactor foreign minister said he was prepared to meet in otheractor.", "#ready_subj_ruactor"),
        ("they blocked the negotiations from the first day, the ruactor spokesman said.", "#refuse_subj_they"),
        ("the proposed truce was rejected by uaactor within hours.", "#refuse_subj_uaactor"),
    ],
)
def test_subject_role_is_the_nearest_actor_before_the_cue(masked, expected):
    assert expected in agent_tokens(masked, ON_TARGET)


def test_each_side_gets_its_own_role_in_a_two_clause_statement():
    found = agent_tokens('"we are ready, they are the ones refusing," the ruactor spokesman said.', ON_TARGET)
    assert {"#ready_subj_self", "#refuse_subj_they", "#first_ready", "#ready_vs_refuse"} <= set(found)


def test_one_side_both_ready_and_refusing_is_not_a_contrast():
    found = agent_tokens("uaactor said it was ready for a ceasefire and rejected the ruactor memorandum.", ON_TARGET)
    assert "#ready_subj_uaactor" in found and "#refuse_subj_uaactor" in found
    assert "#ready_vs_refuse" not in found


def test_a_third_sides_readiness_met_by_a_refusal_is_not_the_speakers_own():
    # Rule 6: only "we are ready, they refuse" keeps the readiness; this reports a refusal.
    found = agent_tokens("ruactor's repeated calls for talks met with a firm refusal from uaactor.", ON_TARGET)
    assert {"#ready_subj_ruactor", "#refuse_subj_uaactor"} <= set(found)
    assert "#ready_vs_refuse" not in found


def test_quotation_marks_do_not_end_the_clause():
    found = agent_tokens('the envoy said uaactor was "ready to consider" every proposal.', ON_TARGET)
    assert "#ready_subj_uaactor" in found


@pytest.mark.parametrize(
    ("masked", "expected", "absent"),
    [
        ("ruactor accused uaactor of refusing talks in the spring.", "#refuse_accused", "#refuse_main"),
        ("uaactor blamed ruactor for derailing the grain deal.", "#refuse_accused", "#refuse_main"),
        ("claims that ruactor is ready for peace are a smokescreen, uaactor said.", "#ready_claimed", "#ready_main"),
        ("ruactor allegedly signalled it was open to a summit in otheractor.", "#ready_claimed", "#ready_main"),
        ("the talks would go ahead if uaactor were willing to drop its demands.", "#ready_if", "#ready_main"),
        ("ruactor said it was ready for talks with uaactor.", "#ready_main", "#ready_claimed"),
    ],
)
def test_the_clause_a_cue_hangs_on(masked, expected, absent):
    found = agent_tokens(masked, ON_TARGET)
    assert expected in found
    assert absent not in found


@pytest.mark.parametrize(
    ("masked", "expected", "absent"),
    [
        ("uaactor is not ready for negotiations, ruactor said.", "#refuse_subj_uaactor", "#ready_subj_uaactor"),
        ("the delegation showed no willingness to compromise.", "#refuse_negated", "#ready_main"),
        ("ruactor falsely claimed to be ready for talks.", "#refuse_subj_ruactor", "#ready_subj_ruactor"),
        ("ruactor has never refused dialogue with uaactor, the spokesman said.", "#ready_negated", "#refuse_main"),
        ("ruactor doesn't want peace, the uaactor president said.", "#refuse_subj_ruactor", "#ready_main"),
    ],
)
def test_a_negation_before_a_cue_turns_its_polarity(masked, expected, absent):
    found = agent_tokens(masked, ON_TARGET)
    assert expected in found
    assert absent not in found


def test_not_only_ready_is_still_readiness():
    found = agent_tokens("ruactor is not only ready for negotiations, it has held them before.", ON_TARGET)
    assert "#ready_subj_ruactor" in found
    assert "#refuse_negated" not in found


def test_a_negation_in_an_earlier_clause_does_not_reach_the_cue():
    found = agent_tokens("there was no agreement on the date, but uaactor remains ready to meet.", ON_TARGET)
    assert "#ready_subj_uaactor" in found and "#refuse_subj_uaactor" not in found


def test_a_refusal_of_talks_names_its_object():
    assert "#refuse_obj_talks" in agent_tokens("ruactor saw no point in negotiations with uaactor.", ON_TARGET)
    assert "#refuse_obj_talks" in agent_tokens("negotiations are pointless, the ruactor spokesman said.", ON_TARGET)
    # Refusing an accusation is not refusing talks.
    assert "#refuse_obj_talks" not in agent_tokens("ruactor rejected the accusation as slander.", ON_TARGET)


def test_a_statement_with_no_actor_has_no_subject_role():
    found = agent_tokens("the delegation said it was ready to continue the talks next week.", ON_TARGET)
    assert "#ready_subj_none" in found
    assert not [token for token in found if token.endswith(("actor", "_self", "_they"))]


def test_no_cue_or_off_target_gives_no_tokens():
    assert agent_tokens("ruactor shelled the port overnight, officials said.", {"force", "ruua"}) == ()
    # "ready" in a statement that names neither side nor the war: stance is about these talks only.
    assert agent_tokens("the union said it was ready to resume wage talks.", {"ready", "talks"}) == ()


def test_normalise_appends_the_tokens_to_a_raw_statement():
    # A web statement: typographic quotes, a no-break space, an apostrophe look-alike, a dateline.
    text = "KYIV (Reuters) \u2014 \u201cRussia\u2019s\u00a0delegation walked out of the talks,\u201d Yermak said."
    assert {"#refuse_subj_ruactor", "#refuse_main", "#refuse_obj_talks", "#first_refuse"} <= tokens_of(text)


def test_normalise_reads_an_accusation_as_reported_not_as_the_speakers_refusal():
    text = "Moscow accused Kyiv on Monday of sabotaging the Istanbul talks on orders from London."
    found = tokens_of(text)
    assert "#refuse_subj_uaactor" in found and "#refuse_accused" in found
    assert "#refuse_subj_ruactor" not in found
