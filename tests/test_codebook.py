"""The codebook module: its tables, their checks, their hash, and what a new cue or rule takes."""

from __future__ import annotations

import contextlib
import importlib
import os
import subprocess
import sys

import pytest
from conftest import REPO

import stanceclf
from stanceclf import codebook, features, labels
from stanceclf.errors import StanceclfError
from stanceclf.evaluate import keyword_baseline
from stanceclf.features import normalise_all
from stanceclf.segment import segment

# A wire page as it reaches the classifier: byline, dateline, no-break spaces, hard-wrapped
# paragraphs, a caption, share buttons and a related-articles list. Written for this test.
PAGE = """\
Envoys meet again as shelling goes on
By Marta Kowalczyk, Eastern Europe correspondent
Updated 14:05 GMT

GENEVA, March 4 (Newswire) - Russia was allegedly ready to resume talks with
Ukraine, but only if Kyiv first withdrew its troops from the occupied regions,
two diplomats briefed on the meetings said on Tuesday.

A Ukrainian official, who asked not to be named, said the reports were
"wishful thinking" and that Kyiv had no plans to sit down with the Kremlin\u00a0this month.

Artillery fire was reportedly heard overnight near Kherson, where the front line has
barely moved since the autumn.

Photo: A delegation car leaves the conference centre. (Newswire)
Share on Facebook  Share on X  Email
Related Articles
Dock strike ends after pay deal in Rotterdam
"""


@contextlib.contextmanager
def features_rebuilt():
    """:mod:`stanceclf.features` run again on the tables as they are now, put back object for object after.

    Its scanners are compiled from the tables on import. Putting the very same objects back matters:
    other modules imported its functions, and pickling a pipeline wants them to be the module's.
    """
    saved = dict(vars(features))
    try:
        yield importlib.reload(features)
    finally:
        vars(features).clear()
        vars(features).update(saved)


def test_the_old_names_are_the_codebooks():
    assert (stanceclf.STANCES, stanceclf.FRAMINGS, stanceclf.SPEAKERS) == (
        codebook.STANCES,
        codebook.FRAMINGS,
        codebook.SPEAKERS,
    )
    assert labels.HEADS is codebook.HEADS and features.CUES is codebook.CUES and features.MASKS is codebook.MASKS
    assert tuple(codebook.HEADS.values()) == (codebook.STANCES, codebook.FRAMINGS, codebook.SPEAKERS)


def test_the_version_is_the_one_the_codebook_states():
    text = (REPO / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert f"Codebook version: {codebook.CODEBOOK_VERSION}\n" in text
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"(version {codebook.CODEBOOK_VERSION})" in readme  # what the README tells users it follows


def test_default_labels_and_baseline_rules_name_codebook_labels():
    assert all(label in codebook.HEADS[head] for head, label in codebook.DEFAULT_LABELS.items())
    # Every frame but the default has a cue class that stands for it, in order of precedence.
    assert [*codebook.FRAME_OF_CUE.values(), codebook.DEFAULT_LABELS["framing"]] == list(codebook.FRAMINGS)
    assert {stance for _, stance in codebook.STANCE_OF_CUES} | {codebook.DEFAULT_LABELS["stance"]} == set(
        codebook.STANCES
    )


@pytest.mark.parametrize(
    ("table", "value", "message"),
    [
        (
            "FRAME_OF_CUE",
            {"deleg": "delegitimize", "legal": "law_sovereignty"},
            "FRAME_OF_CUE: unknown cue class 'legal'",
        ),
        ("FRAME_OF_CUE", {"deleg": "delegitimise"}, "FRAME_OF_CUE: 'delegitimise' is not a framing label"),
        ("FRAME_OF_CUE", {"force": "force", "deleg": "delegitimize"}, "not in FRAMINGS' order of precedence"),
        ("DEFAULT_LABELS", {"stance": "none"}, "DEFAULT_LABELS: 'none' is not a stance label"),
        ("RULE_PAIRS", (("ready", "conditions"),), "RULE_PAIRS: unknown cue class 'conditions'"),
        ("STANCE_OF_CUES", ((frozenset({"ready"}), "supportive"),), "'supportive' is not a stance label"),
        ("BASELINE_SPEAKER", "journalist", "BASELINE_SPEAKER: 'journalist' is not a speaker label"),
    ],
)
def test_a_table_that_names_an_unknown_label_or_cue_is_refused(monkeypatch, table, value, message):
    monkeypatch.setattr(codebook, table, value)
    with pytest.raises(StanceclfError, match=f"the codebook tables disagree: .*{message}"):
        codebook.check_tables()


def test_tables_hash_is_stable_within_and_across_runs():
    assert codebook.tables_hash() == codebook.tables_hash()
    assert len(codebook.tables_hash()) == 16 and int(codebook.tables_hash(), 16) >= 0
    # Across interpreters with different string hashing (set order): the same digest.
    script = "from stanceclf import codebook; print(codebook.tables_hash())"
    runs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert runs == {codebook.tables_hash()}


def test_tables_hash_changes_with_a_cue_a_mask_a_rule_or_the_normaliser(monkeypatch):
    before = codebook.tables_hash()
    seen = {before}
    with monkeypatch.context() as patch:
        patch.setitem(codebook.CUES, "hedge", (r"allegedly",))
        seen.add(codebook.tables_hash())
    assert codebook.tables_hash() == before
    with monkeypatch.context() as patch:
        patch.setitem(codebook.CUES, "deleg", (*codebook.CUES["deleg"], r"stooges?"))
        seen.add(codebook.tables_hash())
    with monkeypatch.context() as patch:
        patch.setitem(codebook.MASKS, "uaactor", (*codebook.MASKS["uaactor"], "sybiha"))
        seen.add(codebook.tables_hash())
    with monkeypatch.context() as patch:
        patch.setattr(codebook, "RULE_PAIRS", codebook.RULE_PAIRS[:-1])
        seen.add(codebook.tables_hash())
    with monkeypatch.context() as patch:
        patch.setattr(codebook, "NORMALISATION_VERSION", codebook.NORMALISATION_VERSION + 1)
        seen.add(codebook.tables_hash())
    assert len(seen) == 6 and codebook.tables_hash() == before


def test_a_new_cue_class_is_one_table_entry(monkeypatch):
    statements = [s.text for s in segment(PAGE)]
    ready = next(t for t in statements if "allegedly ready" in t)
    shelling = next(t for t in statements if "reportedly heard" in t)
    before = features.normalise_all([ready, shelling])
    baseline = keyword_baseline([ready, shelling])
    assert not any("#hedge" in text for text in before)
    with monkeypatch.context() as patch:
        patch.setitem(codebook.CUES, "hedge", (r"allegedly", r"reportedly", r"purportedly"))
        with features_rebuilt() as rebuilt:
            after = rebuilt.normalise_all([ready, shelling])
            assert "hedge" in rebuilt.cue_classes(shelling)
            # The keyword baseline reads the same rules as before: a hedge is no frame and no stance.
            assert keyword_baseline([ready, shelling]) == baseline
    # Exactly one token more, in table order: the last class of CUES, so after every other
    # class token and before the derived classes and the rule pairs.
    for plain, hedged in zip(before, after):
        tokens = hedged.split()
        assert tokens.count("#hedge") == 1 and [t for t in tokens if t != "#hedge"] == plain.split()
        later = tokens[tokens.index("#hedge") + 1 :]
        assert not any(t[1:] in codebook.CUES for t in later)
    assert any("#ready_cond" in text for text in after)
    assert features.normalise_all([ready, shelling]) == before and features.normalise_all is normalise_all


def test_keyword_baseline_follows_the_named_rules():
    texts = [
        "Moscow is ready for talks, but only if the new borders are recognised, the envoy said.",
        "The minister said Kyiv was ready to negotiate with Russia.",
        "Kyiv refused to hold talks with the Kremlin this year.",
        "The regime in Kyiv is a puppet of its Western masters, the spokeswoman said, and its army faces "
        "heavy losses on the battlefield.",
        "The delegations met for two hours in a hotel near the port.",
    ]
    result = keyword_baseline(texts)
    assert result["stance"] == ["conditional", "support", "oppose", "neutral", "neutral"]
    # Precedence: a loaded label beats the force cue in the same sentence.
    assert result["framing"][3] == "delegitimize" and result["framing"][4] == "neutral_report"
    assert result["speaker"] == [codebook.BASELINE_SPEAKER] * len(texts)


def test_a_cue_class_or_mask_without_words_for_the_report_is_refused(monkeypatch):
    monkeypatch.setitem(codebook.CUES, "relief", (r"humanitarian corridors?", r"prisoner (?:exchange|swap)s?"))
    monkeypatch.setitem(codebook.MASKS, "unactor", (r"the un", r"guterres"))
    with pytest.raises(
        StanceclfError,
        match="EVIDENCE_TERMS: no words for cue class 'relief'; EVIDENCE_TERMS: no words for actor mask 'unactor'",
    ):
        codebook.check_tables()
    monkeypatch.setitem(codebook.EVIDENCE_TERMS["cue"], "relief", "a humanitarian arrangement short of a settlement")
    monkeypatch.setitem(codebook.EVIDENCE_TERMS["actor"], "unactor", "a United Nations official")
    codebook.check_tables()


# Round 5 of the cue tables (docs/model.md, "Framing cues measured one family at a time"): each kept
# cue fires on a sentence that carries its frame and stays quiet on a look-alike that does not. The
# sentences are written for these tests.
@pytest.mark.parametrize(
    ("text", "cue_class"),
    [
        ("Moscow\u2019s mouthpieces on state television called the Geneva round a circus, the minister said.", "deleg"),
        ("\u201cThese people cannot be trusted with a ceasefire line,\u201d she told the Rada.", "deleg"),
        ("The memorandum is a sham and a Trojan horse, the adviser wrote on Telegram.", "deleg"),
        ("\u201cHe can\u2019t be trusted,\u201d the senator\nsaid of the envoy\u2019s errand boys in Moscow.", "deleg"),
        ("No settlement may redraw the internationally recognised borders of a sovereign state.", "law"),
    ],
)
def test_a_kept_cue_fires_on_its_frame(text, cue_class):
    assert cue_class in features.cue_classes(text)


@pytest.mark.parametrize(
    ("text", "cue_class"),
    [
        ("Officials said the mouth of the river was mined and the old bridge could not be trusted.", "deleg"),
        ("The delegation said it felt no shame in asking for more time.", "deleg"),
        ("Queues of lorries at the Polish border stretched for 20\u00a0kilometres on Sunday.", "law"),
        ("The grain deal was signed in Istanbul on Friday, the ministry said in a statement.", "law"),
    ],
)
def test_a_kept_cue_stays_quiet_on_its_look_alike(text, cue_class):
    assert cue_class not in features.cue_classes(text)
