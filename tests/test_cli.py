"""The command line, called through main() and as a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from conftest import REPO

from stanceclf import FRAMINGS, STANCES
from stanceclf.cli import build_parser, main
from stanceclf.model import CARD_FILE

TEXT = "Putin says Russia ready for talks\nKyiv called it an ultimatum and refused. The delegations met in Istanbul."


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_parser_knows_the_commands():
    parser = build_parser()
    assert parser.parse_args(["classify", "a.txt", "--format", "csv"]).format == "csv"
    assert parser.parse_args(["train", "--all"]).use_all
    assert parser.parse_args(["evaluate", "--no-cv"]).no_cv
    with pytest.raises(SystemExit):
        parser.parse_args(["classify", "a.txt", "--format", "xml"])


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--jobs", "0"], "argument --jobs: must not be 0"),
        (["--batch-size", "0"], "argument --batch-size: must be at least 1, got 0"),
        (["--batch-size", "many"], "argument --batch-size: expected a whole number, got 'many'"),
    ],
)
def test_numeric_options_are_checked_by_name(arguments, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["classify", "a.txt", *arguments])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_classify_jsonl(article, capsys):
    assert main(["classify", str(article), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["text"] for r in rows] == [
        "Putin says Russia ready for talks",
        "Kyiv called it an ultimatum and refused.",
        "The delegations met in Istanbul.",
    ]
    assert [r["statement"] for r in rows] == [1, 2, 3]
    assert all(r["stance"] in STANCES and r["framing"] in FRAMINGS and r["file"] == str(article) for r in rows)
    assert all(abs(sum(r["stance_scores"].values()) - 1) < 1e-6 for r in rows)


def test_classify_csv(article, capsys):
    assert main(["classify", str(article), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 3 and rows[0]["text"] == "Putin says Russia ready for talks"
    assert set(rows[0]) == {
        "file",
        "statement",
        "stance",
        "framing",
        "speaker",
        "stance_p",
        "framing_p",
        "unsure",
        "coverage",
        "out_of_scope",
        "text",
    }


def test_classify_table(article, capsys):
    assert main(["classify", str(article), "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["#", "stance", "framing", "speaker"]
    assert len(lines) == 4 and lines[1].rstrip().endswith("Putin says Russia ready for talks")


def test_classify_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Kyiv refused the talks."))
    assert main(["classify", "-", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["file"], r["text"]) for r in rows] == [("-", "Kyiv refused the talks.")]


def test_classify_missing_file_message(tmp_path, capsys):
    code = main(["classify", str(tmp_path / "nope.txt")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("stanceclf classify: error: ") and "nope.txt: no such file" in err


def test_classify_non_utf8_file_names_line_without_charset_normalizer(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)  # as if the extra were not installed
    path = tmp_path / "latin1.txt"
    path.write_bytes("Talks.\nKyiv refus\xe9.".encode("latin-1"))
    assert main(["classify", str(path)]) == 1
    captured = capsys.readouterr()
    assert "latin1.txt:2: not valid UTF-8" in captured.err and "--encoding NAME" in captured.err
    assert captured.out == ""


def test_validate_real_project(capsys):
    assert main(["validate", "--root", str(REPO)]) == 0
    out = capsys.readouterr().out
    assert "train:" in out and "heldout:" in out and "written:" in out and "ok: no problems found" in out


def test_validate_reports_problems_and_fails(mini_project, capsys):
    with open(mini_project / "labels" / "train.jsonl", "a") as stream:
        stream.write("{oops\n")
    assert main(["validate", "--root", str(mini_project)]) == 1
    err = capsys.readouterr().err
    assert "train.jsonl:7: malformed JSON" in err and "1 problem(s) found" in err


def test_validate_given_files(tmp_path, capsys):
    path = tmp_path / "mine.jsonl"
    path.write_text(
        json.dumps({"id": "m1", "article": "x", "text": "T.", "stance": "", "framing": "blame", "speaker": "author"})
        + "\n"
    )
    assert main(["validate", str(path)]) == 1
    assert "mine.jsonl:1: stance is empty; fill in one of support" in capsys.readouterr().err


def _baseline_columns(out: str) -> dict[str, tuple[str, str]]:
    """The majority and keyword macro-F1 of each head in the first evaluation table (its last two columns)."""
    columns: dict[str, tuple[str, str]] = {}
    for row in (line.split() for line in out.splitlines()):
        if len(row) == 7 and row[0] in ("stance", "framing", "speaker") and row[2].startswith("("):
            columns.setdefault(row[0], (row[-2], row[-1]))
    return columns


def test_train_and_evaluate_on_a_small_project(mini_project, tmp_path, capsys):
    output = tmp_path / "model"
    assert main(["train", "--root", str(mini_project), "--output", str(output)]) == 0
    out = capsys.readouterr().out
    assert f"saved model to {output}" in out and "Held-out evaluation" in out
    assert (output / CARD_FILE).exists()
    trained = _baseline_columns(out)
    assert main(["evaluate", "--root", str(mini_project), "--model", str(output)]) == 0
    out = capsys.readouterr().out
    assert "Evaluation on" in out and "majority" in out and "keyword" in out
    assert _baseline_columns(out) == trained and len(trained) == 3  # both from the training data, as in train.py
    assert "Leave-one-article-out" in out and "alpha" in out and "gamma" in out


def test_evaluate_warns_when_the_model_saw_the_labels(capsys):
    assert main(["evaluate", "--root", str(REPO), "--no-cv", "--shipped"]) == 0
    assert "the model was trained on article(s)" in capsys.readouterr().err


def test_train_with_broken_labels_writes_nothing(mini_project, tmp_path, capsys):
    (mini_project / "labels" / "heldout.jsonl").write_text("{}\n")
    assert main(["train", "--root", str(mini_project), "--output", str(tmp_path / "m")]) == 1
    assert "heldout.jsonl:1: missing field(s)" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_train_furniture_refuses_the_model_options_and_writes_nothing(mini_project, tmp_path, capsys):
    before = (REPO / "stanceclf" / "models" / "furniture.npz").read_bytes()
    code = main(["train", "--furniture", "--all", "--root", str(mini_project), "--output", str(tmp_path / "m")])
    assert code == 2
    assert "--furniture refits the furniture filter alone: it takes no --all, --output or --labels" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "m").exists()
    assert (REPO / "stanceclf" / "models" / "furniture.npz").read_bytes() == before


def test_train_furniture_without_gold_pages_says_so(mini_project, capsys):
    assert main(["train", "--furniture", "--root", str(mini_project)]) == 1
    assert "no gold page of the training splits" in capsys.readouterr().err


def test_installed_command_runs_as_a_subprocess(article):
    result = subprocess.run(
        [sys.executable, "-m", "stanceclf", "classify", str(article), "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(result.stdout.splitlines()) == 3


def test_train_py_is_thin_over_the_cli(mini_project, tmp_path):
    result = subprocess.run(
        [sys.executable, str(REPO / "train.py"), "--root", str(mini_project), "--output", str(tmp_path / "m")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "m" / CARD_FILE).exists()


def test_classify_a_folder_a_glob_and_a_jsonl_archive(tmp_path, capsys):
    folder = tmp_path / "archive"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "b.txt").write_text("Kyiv refused the talks.", encoding="utf-8")
    (folder / "a.txt").write_text("Moscow is ready for talks. The delegations met.", encoding="utf-8")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    archive = tmp_path / "articles.jsonl"
    archive.write_text(
        json.dumps({"id": "x1", "text": "The regime lied."}) + "\n\n" + json.dumps({"text": "Talks resumed."}) + "\n",
        encoding="utf-8",
    )
    pattern = str(folder / "**" / "*.txt")
    assert main(["classify", str(folder), pattern, str(archive), "--format", "jsonl", "--batch-size", "2"]) == 0
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    files = [r["file"] for r in rows]
    assert files == [str(folder / "2024" / "b.txt"), str(folder / "a.txt"), str(folder / "a.txt")] * 2 + [
        "x1",
        f"{archive}:3",
    ]
    assert "summary: 6 text(s), 8 statement(s)" in captured.err


def test_classify_archive_errors_name_file_and_line(tmp_path, capsys):
    archive = tmp_path / "bad.jsonl"
    archive.write_text(json.dumps({"text": "Fine."}) + "\n" + json.dumps({"body": "no text"}) + "\n")
    assert main(["classify", str(archive)]) == 1
    assert f'{archive}:2: no "text" field; its fields: body' in capsys.readouterr().err


def test_classify_glob_without_match_is_an_error(tmp_path, capsys):
    assert main(["classify", str(tmp_path / "*.txt")]) == 1
    assert "the pattern matches no file" in capsys.readouterr().err


def test_classify_folder_without_texts_is_an_error(tmp_path, capsys):
    (tmp_path / "notes.md").write_text("Not a .txt file.")
    assert main(["classify", str(tmp_path)]) == 1
    assert f"{tmp_path}: the folder holds no .txt file (nor .html, .htm)" in capsys.readouterr().err


def test_classify_streams_with_parallel_jobs_in_order(tmp_path, capsys):
    paths = []
    for i in range(6):
        path = tmp_path / f"{i}.txt"
        path.write_text(f"Article {i} says Kyiv refused. Moscow is ready.", encoding="utf-8")
        paths.append(str(path))
    assert main(["classify", *paths, "--format", "jsonl", "--jobs", "2", "--batch-size", "1"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["file"] for r in rows] == [p for p in paths for _ in range(2)]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_and_none_when_output_is_piped(article, tmp_path):
    import os

    from stanceclf.cli import build_parser, run_classify

    args = build_parser().parse_args(["classify", str(article), str(article), "--format", "jsonl"])
    bar = "[" + "#" * 30 + "] 2/2 texts, 6 statements"
    # Results to a file, stderr on a terminal: the bar shows.
    terminal_err = _Terminal()
    with open(tmp_path / "out.jsonl", "w", encoding="utf-8") as to_file:
        assert run_classify(args, to_file, terminal_err) == 0
    assert bar in terminal_err.getvalue()
    # Results and bar on one terminal: the bar is cleared before each text's
    # rows, and every row still arrives whole.
    terminal_out, terminal_err = _Terminal(), _Terminal()
    assert run_classify(args, terminal_out, terminal_err) == 0
    assert bar in terminal_err.getvalue() and "\r" + " " * 10 in terminal_err.getvalue()
    assert len([json.loads(line) for line in terminal_out.getvalue().splitlines()]) == 6
    # Results piped on to another program: no bar, though stderr is a terminal.
    read_end, write_end = os.pipe()
    terminal_err = _Terminal()
    with os.fdopen(write_end, "w", encoding="utf-8") as piped, os.fdopen(read_end, encoding="utf-8") as reader:
        assert run_classify(args, piped, terminal_err) == 0
        piped.close()
        assert len(reader.read().splitlines()) == 6
    assert "texts," not in terminal_err.getvalue().split("summary")[0]
    # stderr not a terminal (a log, CI): no bar.
    plain_err = io.StringIO()
    assert run_classify(args, io.StringIO(), plain_err) == 0
    assert "texts," not in plain_err.getvalue().split("summary")[0]


def test_evaluate_writes_plots(mini_project, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    model = tmp_path / "model"
    assert main(["train", "--root", str(mini_project), "--output", str(model)]) == 0
    plots = tmp_path / "plots"
    assert main(["evaluate", "--root", str(mini_project), "--model", str(model), "--no-cv", "--plots", str(plots)]) == 0
    names = sorted(p.name for p in plots.iterdir())
    assert names == [
        "confusion_framing.png",
        "confusion_speaker.png",
        "confusion_stance.png",
        "f1.png",
        "reliability.png",
    ]
    assert all((plots / n).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for n in names)
    assert "wrote " in capsys.readouterr().err


def test_a_ctrl_c_while_the_command_line_loads_is_one_line_and_exit_130(monkeypatch, capsys):
    import stanceclf.__main__ as entry

    class Interrupting:
        def find_spec(self, name, path=None, target=None):
            if name == "stanceclf.cli":
                raise KeyboardInterrupt
            return None

    monkeypatch.delitem(sys.modules, "stanceclf.cli")
    monkeypatch.setattr(sys, "meta_path", [Interrupting(), *sys.meta_path])
    assert entry.run() == 130
    assert capsys.readouterr().err == "stanceclf: interrupted\n"
