"""The analyst's tools: article profiles, suggestions to label, the loop back into training."""

from __future__ import annotations

import json

import pytest

from stanceclf import InputTypeError, classify, load_model
from stanceclf.cli import main
from stanceclf.labels import FRAMINGS, SPEAKERS, STANCES
from stanceclf.suggest import suggest
from stanceclf.summary import merge_profiles, profile

TEXT = (
    "Moscow is ready for talks without preconditions. Kyiv rejected the ultimatum. "
    "The regime in Kyiv is a gang of thieves. The delegations met in Istanbul."
)


def test_profile_counts_and_shares():
    predictions = classify(TEXT)
    item = profile("a", predictions)
    assert item.statements == 4
    assert sum(item.stance_counts.values()) == 4 and list(item.stance_counts) == list(STANCES)
    assert list(item.framing_counts) == list(FRAMINGS) and list(item.speaker_counts) == list(SPEAKERS)
    for head in ("stance", "framing", "speaker"):
        assert sum(item.shares(head).values()) == pytest.approx(1.0)
    assert item.stance_counts == {s: sum(p.stance == s for p in predictions) for s in STANCES}


def test_dominant_stance_ignores_neutral_and_breaks_ties_by_codebook_order():
    predictions = classify_fixed(["support", "oppose", "neutral", "neutral"])
    assert profile("x", predictions).dominant_stance == "support"
    assert profile("y", classify_fixed(["neutral"])).dominant_stance == "neutral"
    assert profile("z", []).dominant_stance == "neutral" and profile("z", []).shares("stance")["support"] == 0.0


def classify_fixed(stances):
    import dataclasses

    base = classify("Talks resumed.")[0]
    return [dataclasses.replace(base, stance=s) for s in stances]


def test_merge_profiles_adds_counts():
    first, second = profile("a", classify(TEXT)), profile("b", classify("Kyiv refused. Talks stalled."))
    outlet = merge_profiles("outlet", [first, second])
    assert outlet.statements == first.statements + second.statements
    assert outlet.framing_counts == {k: first.framing_counts[k] + second.framing_counts[k] for k in FRAMINGS}


def test_profile_rejects_wrong_types():
    with pytest.raises(InputTypeError, match="profile\\(\\) expects Prediction objects; item 0 is str"):
        profile("a", ["not a prediction"])


def test_cli_summary_one_line_per_text(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text("Kyiv refused the talks.", encoding="utf-8")
    assert main(["classify", str(a), str(b), "--summary", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["name"], r["statements"]) for r in rows] == [(str(a), 4), (str(b), 1)]
    assert all(sum(r["framing_shares"].values()) == pytest.approx(1.0) for r in rows)


def test_suggest_ranks_by_uncertainty_and_skips_labelled_text():
    model = load_model()
    texts = [("one.txt", TEXT), ("two.txt", "Kyiv rejected the ultimatum. Talks resumed in Geneva.")]
    ranked = suggest(model, texts, 3, exclude=["The delegations met in Istanbul."])
    scores = [score for score, _ in ranked]
    assert len(ranked) == 3 and scores == sorted(scores, reverse=True)
    texts_out = [record.text for _, record in ranked]
    assert "The delegations met in Istanbul." not in texts_out
    assert len(set(texts_out)) == 3  # "Kyiv rejected the ultimatum." appears in both texts, suggested once at most
    assert all(r.stance == r.framing == r.speaker == "" and r.id.startswith("suggest-") for _, r in ranked)


def test_suggest_rejects_a_bad_n():
    from stanceclf import InvalidInputError

    with pytest.raises(InvalidInputError, match="n must be a positive int, got 0"):
        suggest(load_model(), [], 0)


def test_the_labelling_loop_changes_the_model(mini_project, tmp_path, capsys):
    article = tmp_path / "new.txt"
    article.write_text("The junta in the capital keeps inventing pretexts to stall the talks.", encoding="utf-8")
    before = tmp_path / "before"
    assert main(["train", "--root", str(mini_project), "--output", str(before)]) == 0
    suggestions = tmp_path / "todo.jsonl"
    assert (
        main(
            [
                "suggest",
                str(article),
                "-n",
                "5",
                "-o",
                str(suggestions),
                "--model",
                str(before),
                "--root",
                str(mini_project),
            ]
        )
        == 0
    )
    # Unfilled, the file does not validate ...
    assert main(["validate", str(suggestions)]) == 1
    assert "stance is empty; fill in one of" in capsys.readouterr().err
    # ... filled in by an analyst, it does, and training takes it.
    rows = [json.loads(line) for line in suggestions.read_text().splitlines()]
    assert len(rows) == 1
    rows[0].update(stance="oppose", framing="delegitimize", speaker="author")
    suggestions.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["validate", str(suggestions)]) == 0
    after = tmp_path / "after"
    assert main(["train", "--root", str(mini_project), "--output", str(after), "--labels", str(suggestions)]) == 0
    text = rows[0]["text"]
    old = load_model(before).classify_statements([text])[0]
    new = load_model(after).classify_statements([text])[0]
    assert new.framing_scores["delegitimize"] > old.framing_scores["delegitimize"]
    assert new.stance_scores["oppose"] > old.stance_scores["oppose"]
    assert load_model(after).card["training"]["statements"] == load_model(before).card["training"]["statements"] + 1
