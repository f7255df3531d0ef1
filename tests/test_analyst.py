"""The analyst's tools: article profiles, suggestions to label, the loop back into training."""

from __future__ import annotations

import csv
import io
import json

import pytest

from stanceclf import DataFileError, InputTypeError, InvalidInputError, classify, load_model
from stanceclf.cli import main
from stanceclf.labels import FRAMINGS, SPEAKERS, STANCES
from stanceclf.suggest import suggest
from stanceclf.summary import crosstab, group_rows, merge_profiles, prediction_rows, profile, read_predictions

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


def test_dominant_stance_ignores_neutral_says_tie_and_none():
    assert profile("w", classify_fixed(["oppose", "support", "oppose", "neutral"])).dominant_stance == "oppose"
    assert profile("x", classify_fixed(["support", "oppose", "neutral", "neutral"])).dominant_stance == "tie"
    assert profile("y", classify_fixed(["neutral"])).dominant_stance == "neutral"
    assert profile("z", []).dominant_stance == "none" and profile("z", []).shares("stance")["support"] == 0.0


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


# Four articles from two outlets over two weeks, as a news archive would hold them.
ARCHIVE = [
    {
        "id": "vestnik-0304",
        "outlet": "Vestnik Daily",
        "outlet_type": "russian_state",
        "source": "vestnik.example/politics/0304",
        "date": "2024-03-04T09:12:00+03:00",
        "text": "Kremlin open to talks, spokesman says\nBy Staff Correspondent | 4 March 2024\n\n"
        "Moscow is ready for negotiations with Kyiv without preconditions, the Kremlin spokesman told "
        "reporters on Monday.\nThe regime in Kyiv keeps sabotaging every peace initiative on orders from "
        "Washington, he added.\n\nShare: Facebook | Telegram",
    },
    {
        "id": "vestnik-0312",
        "outlet": "Vestnik Daily",
        "outlet_type": "russian_state",
        "source": "vestnik.example/politics/0312",
        "date": "2024-03-12",
        "text": "Lavrov: any deal must recognise the new realities\n\nAny agreement must recognise the new "
        "borders, the foreign minister said in Minsk.\nRussia has never refused dialogue, he insisted.",
    },
    {
        "id": "ledger-0305",
        "outlet": "Kyiv Ledger",
        "outlet_type": "ukrainian",
        "source": "ledger.example/news/0305",
        "date": "2024-03-05",
        "text": "Kyiv rejects Moscow\u2019s ultimatum\nPhoto: the presidential office\n\nKyiv rejected the "
        "Kremlin ultimatum and refused any talks while Russian troops remain on Ukrainian soil.\nUkraine "
        "will negotiate only once the occupiers have left every inch of our land, the president said.\n"
        "Missiles struck Kharkiv overnight, the air force reported.",
    },
    {
        "id": "ledger-0314",
        "outlet": "Kyiv Ledger",
        "outlet_type": "ukrainian",
        "source": "ledger.example/news/0314",
        "date": "2024-03-14",
        "text": "The delegations met for two hours in a hotel near the port,\u00a0officials said.\nThe envoy "
        "called the proposed truce a ploy to buy time.",
    },
]


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARCHIVE), encoding="utf-8")
    return path


def archive_rows():
    return [
        row
        for article in ARCHIVE
        for row in prediction_rows(
            article["id"], classify(article["text"]), {k: v for k, v in article.items() if k not in ("id", "text")}
        )
    ]


def test_group_rows_by_outlet_and_week_adds_up_to_the_statements():
    rows = archive_rows()
    groups = group_rows(rows, ["outlet", "week"])
    assert [g.key for g in groups] == [
        ("Kyiv Ledger", "2024-W10"),
        ("Kyiv Ledger", "2024-W11"),
        ("Vestnik Daily", "2024-W10"),
        ("Vestnik Daily", "2024-W11"),
    ]
    assert [g.articles for g in groups] == [1, 1, 1, 1]
    assert sum(g.profile.statements for g in groups) == len(rows)
    for group in groups:
        assert group.profile.stance_counts == {
            s: sum(r["stance"] == s for r in rows if (r["outlet"], _week(r["date"])) == group.key) for s in STANCES
        }
    by_month = group_rows(rows, ["outlet_type", "month"])
    assert [(g.key, g.articles) for g in by_month] == [(("russian_state", "2024-03"), 2), (("ukrainian", "2024-03"), 2)]
    assert group_rows(rows, [])[0].profile.statements == len(rows)


def _week(date):
    import datetime

    year, week, _ = datetime.date.fromisoformat(date[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def test_crosstab_counts_speaker_against_stance():
    rows = archive_rows()
    table = crosstab(rows, "speaker", "stance")
    assert sum(sum(counts.values()) for counts in table.values()) == len(rows)
    for speaker, counts in table.items():
        assert list(counts) == list(STANCES)
        assert counts["support"] == sum(r["speaker"] == speaker and r["stance"] == "support" for r in rows)


def test_grouping_errors_name_the_field_and_the_date():
    rows = archive_rows()
    with pytest.raises(InvalidInputError, match="no row has a field 'outlett'; fields present: .*outlet,"):
        group_rows(rows, ["outlett"])
    rows[0]["date"] = "4 March"
    with pytest.raises(
        InvalidInputError, match="date '4 March' is not an ISO date \\(YYYY-MM-DD\\); cannot group by week"
    ):
        group_rows(rows, ["week"])
    rows[0]["date"] = None
    assert group_rows(rows, ["week"])[0].key == ("(none)",)


def test_summarize_saved_predictions_matches_classifying_again(archive, tmp_path, capsys):
    saved = tmp_path / "preds.jsonl"
    assert main(["classify", str(archive), "-o", str(saved)]) == 0
    assert f"wrote {saved}" in capsys.readouterr().err
    assert main(["summarize", str(archive), "--by", "file", "--format", "csv"]) == 0
    fresh = capsys.readouterr().out
    assert main(["summarize", str(saved), "--by", "file", "--format", "csv"]) == 0
    assert capsys.readouterr().out == fresh
    rows = list(csv.DictReader(io.StringIO(fresh)))
    assert [r["file"] for r in rows] == sorted(a["id"] for a in ARCHIVE)
    assert sum(int(r["statements"]) for r in rows) == len(read_predictions(saved))


def test_summarize_articles_by_outlet_and_week_as_json_lines_and_table(archive, capsys):
    assert main(["summarize", str(archive), "--by", "outlet", "--by", "week", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    expected = group_rows(archive_rows(), ["outlet", "week"])
    assert [(r["outlet"], r["week"], r["statements"]) for r in records] == [
        (*g.key, g.profile.statements) for g in expected
    ]
    for record in records:
        assert sum(record[f"stance_share:{s}"] for s in STANCES) == pytest.approx(1.0, abs=1e-3)
        assert record["dominant_stance"] in (*STANCES, "tie")
    assert main(["summarize", str(archive), "--by", "outlet", "--format", "table"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:4] == ["outlet", "articles", "stmts", "dominant"]
    assert [line.split("  ")[0].strip() for line in table[1:]] == ["Kyiv Ledger", "Vestnik Daily"]


def test_summarize_speakers_is_the_speaker_by_stance_table(archive, capsys):
    assert main(["summarize", str(archive), "--by", "outlet", "--speakers", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    rows = archive_rows()
    for record in records:
        assert record["stance:support"] == sum(
            r["outlet"] == record["outlet"] and r["speaker"] == record["speaker"] and r["stance"] == "support"
            for r in rows
        )
    assert {r["speaker"] for r in records} == {r["speaker"] for r in rows}


def test_summarize_draws_a_chart_over_time_and_side_by_side(archive, tmp_path, capsys):
    for by, name in ((["--by", "outlet", "--by", "week"], "weeks.png"), (["--by", "outlet"], "outlets.png")):
        chart = tmp_path / name
        assert main(["summarize", str(archive), *by, "--chart", str(chart), "--format", "csv"]) == 0
        assert f"wrote {chart}" in capsys.readouterr().err
        assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_summarize_refuses_a_file_that_is_not_predictions(tmp_path):
    broken = tmp_path / "preds.jsonl"
    broken.write_text(
        json.dumps(
            {"file": "a", "text": "Talks resumed.", "stance": "supportive", "framing": "goodwill", "speaker": "author"}
        )
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"preds.jsonl:1: stance 'supportive' is not a codebook label"):
        read_predictions(broken)
