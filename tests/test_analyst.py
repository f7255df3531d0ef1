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
    return [dataclasses.replace(base, labels={**base.labels, "stance": s}) for s in stances]


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
    scores = [item.uncertainty for item in ranked]
    assert len(ranked) == 3 and scores == sorted(scores, reverse=True)
    texts_out = [item.statement.text for item in ranked]
    assert "The delegations met in Istanbul." not in texts_out
    assert len(set(texts_out)) == 3  # "Kyiv rejected the ultimatum." appears in both texts, suggested once at most
    assert all(i.statement.stance == i.statement.framing == i.statement.speaker == "" for i in ranked)
    assert all(i.statement.id.startswith("suggest-") for i in ranked)


def test_suggest_gives_neighbours_and_the_current_guess():
    model = load_model()
    [only] = suggest(model, [("one.txt", TEXT)], 1)
    statements = [p.text for p in model.classify(TEXT)]
    position = statements.index(only.statement.text)
    assert only.before == (statements[position - 1] if position else "")
    assert only.after == (statements[position + 1] if position + 1 < len(statements) else "")
    guess = model.classify(TEXT)[position]
    assert only.guess == {
        "stance": guess.stance,
        "stance_p": round(guess.stance_scores[guess.stance], 3),
        "framing": guess.framing,
        "framing_p": round(guess.framing_scores[guess.framing], 3),
        "speaker": guess.speaker,
        "speaker_p": round(guess.speaker_scores[guess.speaker], 3),
    }
    assert int(only.statement.id[-3:]) == position + 1


def test_write_suggestions_writes_a_label_file_or_label_studio_tasks_and_names_a_bad_format(tmp_path):
    from stanceclf.suggest import write_suggestions

    ranked = suggest(load_model(), [("brief.txt", TEXT)], 2)
    write_suggestions(tmp_path / "todo.jsonl", ranked)
    lines = [json.loads(line) for line in (tmp_path / "todo.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["text"] for line in lines] == [item.statement.text for item in ranked]
    write_suggestions(tmp_path / "tasks.json", ranked, fmt="label-studio", model_version="test")
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    assert [task["data"]["text"] for task in tasks] == [item.statement.text for item in ranked]
    with pytest.raises(InvalidInputError, match=r"fmt must be one of jsonl, label-studio, got 'xlsx'"):
        write_suggestions(tmp_path / "todo.xlsx", ranked, fmt="xlsx")
    assert not (tmp_path / "todo.xlsx").exists()


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
    assert rows[0]["before"] == rows[0]["after"] == "" and rows[0]["guess"]["stance"] in STANCES
    rows[0].update(stance="oppose", framing="delegitimize", speaker="author")
    suggestions.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["validate", str(suggestions)]) == 0
    after = tmp_path / "after"
    assert main(["train", "--root", str(mini_project), "--output", str(after), "--labels", str(suggestions)]) == 0
    text = rows[0]["text"]
    old = load_model(before).classify_statements([text])[0]
    new = load_model(after).classify_statements([text])[0]
    # The filled-in labels are what the retrained model now reads. (Probabilities are not compared:
    # with the new file's article the tiny project has enough articles to calibrate, which rescales them.)
    assert old.stance != "oppose"
    assert (new.stance, new.framing) == ("oppose", "delegitimize")
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


class Terminal(io.StringIO):
    """Standard error as a person's terminal: progress bars are drawn."""

    def isatty(self) -> bool:
        return True


def test_suggest_ids_stay_unique_across_folders_and_the_filled_file_validates(tmp_path, capsys):
    for folder, text in (
        ("march", "Moscow is ready for talks, but only on its terms. The envoy left Geneva."),
        ("april", "Kyiv will not negotiate under threat. Missiles hit the port overnight."),
    ):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notes.txt").write_text(text, encoding="utf-8")
    todo = tmp_path / "todo.jsonl"
    assert main(["suggest", str(tmp_path), "-n", "4", "-o", str(todo), "--root", str(tmp_path)]) == 0
    rows = [json.loads(line) for line in todo.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 4 and len({r["id"] for r in rows}) == 4 and len({r["article"] for r in rows}) == 2
    for row in rows:
        row.update(stance=row["guess"]["stance"], framing=row["guess"]["framing"], speaker=row["guess"]["speaker"])
    todo.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(todo)]) == 0, capsys.readouterr().err


def test_suggest_exports_label_studio_tasks(tmp_path, capsys):
    article = tmp_path / "wire.txt"
    article.write_text(TEXT, encoding="utf-8")
    tasks_file = tmp_path / "tasks.json"
    assert main(["suggest", str(article), "-n", "2", "-o", str(tasks_file), "--format", "label-studio"]) == 0
    assert '<Choices name="stance" toName="text"' in capsys.readouterr().err
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    assert isinstance(tasks, list) and len(tasks) == 2
    statements = [p.text for p in classify(TEXT)]
    for task in tasks:
        data = task["data"]
        assert data["text"] in statements and data["id"].startswith(data["article"] + "-s")
        position = statements.index(data["text"])
        assert data["before"] == (statements[position - 1] if position else "")
        [prediction] = task["predictions"]
        choices = {r["from_name"]: r["value"]["choices"] for r in prediction["result"]}
        assert set(choices) == {"stance", "framing", "speaker"}
        assert choices["stance"][0] in STANCES and choices["framing"][0] in FRAMINGS
        assert all(r["to_name"] == "text" and r["type"] == "choices" for r in prediction["result"])


def test_version_and_exit_codes_in_help(capsys):
    from stanceclf import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"stanceclf {__version__}"
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "exit status:" in text and "2  usage error" in text and "3  partial success" in text


def test_train_and_validate_outside_a_checkout_say_to_pass_root(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for command in (["train"], ["validate"]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "is not a stanceclf project checkout (no corpus/ or labels/ folder)" in err
        assert f"run `stanceclf {command[0]}` in the checkout or pass --root DIR" in err


def test_validate_as_json(mini_project, capsys):
    assert main(["validate", "--root", str(mini_project), "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["ok"] is True and record["problems"] == []
    assert record["statements"]["train"] == 6 and record["counts"]["heldout"]["stance"]["oppose"] == 1
    (mini_project / "labels" / "heldout.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    assert main(["validate", "--root", str(mini_project), "--format", "json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["ok"] is False and any("heldout.jsonl:1: missing field(s)" in p for p in record["problems"])


def test_evaluate_scores_the_split_model_and_every_plot_says_so(mini_project, tmp_path, capsys, monkeypatch):
    pytest.importorskip("matplotlib")
    import stanceclf.plots as plots

    captions = []
    real = plots.write_plots
    monkeypatch.setattr(
        plots, "write_plots", lambda r, d, caption: captions.append(caption) or real(r, d, caption=caption)
    )
    figures_dir = tmp_path / "plots"
    assert (
        main(["evaluate", "--root", str(mini_project), "--no-cv", "--plots", str(figures_dir), "--format", "json"]) == 0
    )
    captured = capsys.readouterr()
    record = json.loads(captured.out)
    assert record["model"].startswith("training-split model") and record["warning"] is None
    assert record["data"] == "heldout.jsonl: 3 statements of 1 articles"
    assert set(record["scores"]["model"]) == {"stance", "framing", "speaker"}
    assert captions == [f"model: {record['model']}\ndata: {record['data']}"]
    assert "wrote " in captured.err and sorted(p.name for p in figures_dir.iterdir())[-1] == "reliability.png"
    # A model trained on every label is scored only when asked for, and then every plot carries the warning.
    everything = tmp_path / "all"
    assert main(["train", "--root", str(mini_project), "--all", "--output", str(everything)]) == 0
    capsys.readouterr()
    assert (
        main(
            [
                "evaluate",
                "--root",
                str(mini_project),
                "--no-cv",
                "--model",
                str(everything),
                "--plots",
                str(figures_dir),
            ]
        )
        == 0
    )
    assert "warning: the model was trained on article(s) gamma" in capsys.readouterr().err
    assert "warning: the model was trained on article(s) gamma" in captions[-1] and str(everything) in captions[-1]


def test_f1_bar_labels_do_not_overlap(tiny_model):
    pytest.importorskip("matplotlib")
    from conftest import statements_of

    from stanceclf.evaluate import evaluate
    from stanceclf.plots import evaluation_figures

    report = evaluate(tiny_model, statements_of("gamma") + statements_of("beta"))
    figure = evaluation_figures(report, "model: a test model\ndata: two articles")["f1"]
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    for axes, head in zip(figure.axes, report.model):
        boxes = [label.get_window_extent(renderer) for label in axes.texts]
        assert len(boxes) == 3 * len(report.model[head].labels)  # one label per bar, three predictors
        for i, first in enumerate(boxes):
            for second in boxes[i + 1 :]:
                assert not first.overlaps(second), (first, second)


def test_progress_with_an_eta_on_a_terminal(mini_project, tmp_path, monkeypatch):
    import stanceclf.evaluate as evaluate_module
    from stanceclf.cli import build_parser, run_report, run_train, run_tune

    (tmp_path / "texts").mkdir()
    for number in range(3):
        (tmp_path / "texts" / f"t{number}.txt").write_text(TEXT, encoding="utf-8")
    err = Terminal()
    arguments = build_parser().parse_args(["report", str(tmp_path / "texts"), "-o", str(tmp_path / "r.html")])
    run_report(arguments, io.StringIO(), err)
    assert "/3 texts, ETA " in err.getvalue() and "[" + "#" * 30 + "] 3/3 texts" in err.getvalue()
    err = Terminal()
    run_train(
        build_parser().parse_args(["train", "--root", str(mini_project), "--output", str(tmp_path / "m")]),
        io.StringIO(),
        err,
    )
    assert "1/4 steps, fitting the training-split model, ETA " in err.getvalue()
    err = Terminal()
    small = {"C": (1.0, 2.0), "ngram_max": (1,), "cue_weight": (1.0,)}
    original = evaluate_module.tune
    monkeypatch.setattr(evaluate_module, "tune", lambda *a, **k: original(*a, grid=small, **k))
    run_tune(build_parser().parse_args(["tune", "--root", str(mini_project)]), io.StringIO(), err)
    assert "1/2 settings, ETA " in err.getvalue() and "2/2 settings" in err.getvalue()
    plain = io.StringIO()
    run_train(
        build_parser().parse_args(["train", "--root", str(mini_project), "--output", str(tmp_path / "m2")]),
        io.StringIO(),
        plain,
    )
    assert "steps" not in plain.getvalue()


def test_summarize_skips_a_broken_predictions_file_and_exits_3(archive, tmp_path, capsys):
    saved = tmp_path / "preds.jsonl"
    assert main(["classify", str(archive), "-o", str(saved)]) == 0
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"file": "x", "text": "Talks.", "stance": "maybe"}\n{"file": "x", "text": "Talks."\n')
    capsys.readouterr()
    assert main(["summarize", str(saved), str(broken), "--by", "file", "--format", "jsonl"]) == 3
    captured = capsys.readouterr()
    assert f"skipped {broken}" in captured.err and "broken.jsonl:2: malformed JSON" in captured.err
    assert "partial: 1 of 2 input(s) skipped" in captured.err
    assert len(captured.out.splitlines()) == len(ARCHIVE)
    assert main(["summarize", str(broken)]) == 1
