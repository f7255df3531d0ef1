"""Hostile input and hostile circumstances: scope flags, huge text, processes racing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, rows_of

from stanceclf import classify, classify_statements, load_model
from stanceclf.errors import DataFileError
from stanceclf.labels import validate_project
from stanceclf.model import CARD_FILE, MODEL_FILE
from stanceclf.predict import LOW_COVERAGE
from stanceclf.segment import MAX_STATEMENT_CHARS


@pytest.mark.parametrize(
    "text",
    [
        "Президент заявив, що Україна не піде на жодні поступки агресору.",
        "Der Kanzler sagte, die Gespräche würden nächste Woche fortgesetzt.",
        "xqzv blorp fnarg wuzzle kroot plimb",
        '<div class="nav"><ul><li><a href="/x">zzq</a></li></ul></div>',
    ],
    ids=["ukrainian", "german", "gibberish", "html"],
)
def test_out_of_scope_text_is_labelled_but_flagged(text):
    (prediction,) = classify_statements([text])
    assert prediction.coverage < LOW_COVERAGE and prediction.out_of_scope


def test_in_scope_news_has_high_coverage():
    predictions = classify_statements(
        [
            "Russia is ready for talks with Ukraine, the Kremlin said on Monday.",
            "Kyiv rejected the ultimatum and said the war must end with a full withdrawal.",
        ]
    )
    assert all(p.coverage >= 0.9 and not p.out_of_scope for p in predictions)


def test_empty_statement_has_zero_coverage():
    assert classify_statements([""])[0].coverage == 0.0


def test_a_megabyte_sentence_without_punctuation_is_cut_not_hung():
    text = "talks " * 175_000  # about 1 MB, no full stop anywhere
    predictions = classify(text)
    assert len(predictions) == len(text) // MAX_STATEMENT_CHARS + 1
    assert all(len(p.text) <= MAX_STATEMENT_CHARS for p in predictions)


def test_control_characters_and_nul_bytes_are_harmless():
    text = "Kyiv\x00 refused\x07 the talks.\u200b\u202eRussia is ready.\ufeff"
    predictions = classify(text)
    assert [p.text for p in predictions] == [text[p.start : p.end] for p in predictions]
    assert predictions


def test_unreadable_label_file_names_the_file(mini_project, monkeypatch):
    target = mini_project / "labels" / "train.jsonl"
    real = Path.read_bytes

    def deny(self):
        if self == target:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert any(p.endswith("train.jsonl: permission denied") for p in validate_project(mini_project).problems)


def test_truncated_label_file_names_the_last_line(mini_project):
    path = mini_project / "labels" / "train.jsonl"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 40])
    problems = validate_project(mini_project).problems
    assert any("train.jsonl:6: malformed JSON" in p for p in problems)


def test_two_processes_training_into_one_folder_leave_one_whole_model(mini_project, tmp_path):
    output = tmp_path / "shared-model"
    command = [sys.executable, str(REPO / "train.py"), "--root", str(mini_project), "--output", str(output)]
    runs = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
    for run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read()
    model = load_model(output)  # refuses a model beside another model's card
    single = tmp_path / "single"
    subprocess.run([*command[:-1], str(single)], check=True, capture_output=True)
    probes = ["Moscow is ready for talks.", "Kyiv rejected the ultimatum."]
    assert model.classify_statements(probes) == load_model(single).classify_statements(probes)
    assert (output / MODEL_FILE).read_bytes() == (single / MODEL_FILE).read_bytes()
    assert (output / CARD_FILE).read_bytes() == (single / CARD_FILE).read_bytes()
    assert not [p for p in output.iterdir() if p.name not in {MODEL_FILE, CARD_FILE, "card.md", ".lock"}]


def test_validation_errors_are_data_file_errors_with_every_problem(tmp_path):
    from stanceclf.labels import read_labels

    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"id": "a", "article": "x", "text": "t", "stance": "maybe", "framing": "spin", "speaker": "me"}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as info:
        read_labels(path)
    assert [p.split(": ", 1)[1].split(" ")[0] for p in info.value.problems] == ["stance", "framing", "speaker"]


# --- classify and its inputs (issue 12): clear errors, nothing lost, no hang -----------------------------

HARD_WRAPPED = (
    "KYIV, May 2 (Northern Wire) - Ukraine's foreign minister said on Friday that Kyiv would not\n"
    "trade territory for a ceasefire.\n"
    "\u201cA pause without guarantees only lets Russia regroup,\u201d he told reporters.\n"
)


def _deny(monkeypatch, function_name: str, target: Path) -> None:
    """Make ``os.<function_name>`` raise PermissionError for one path, as for a user without the right.

    Tests run as root in CI, and root may read and list everything, so the
    refusal is simulated where the operating system would make it.
    """
    import os

    real = getattr(os, function_name)

    def denied(path, *args, **kwargs):
        if os.fspath(path) == os.fspath(target):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, function_name, denied)


def test_a_folder_that_cannot_be_listed_is_permission_denied(tmp_path, monkeypatch, capsys):
    from stanceclf.cli import main

    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "a.txt").write_text(HARD_WRAPPED, encoding="utf-8")
    _deny(monkeypatch, "scandir", folder)  # what listing a folder without read permission raises
    assert main(["classify", str(folder)]) == 1
    captured = capsys.readouterr()
    assert f"{folder}: permission denied (the folder cannot be listed)" in captured.err
    assert "holds no .txt file" not in captured.err and "Traceback" not in captured.err and captured.out == ""


def test_a_file_under_a_folder_without_search_permission_is_permission_denied(tmp_path, monkeypatch, capsys):
    from stanceclf.cli import main

    path = tmp_path / "closed" / "a.txt"
    path.parent.mkdir()
    path.write_text(HARD_WRAPPED, encoding="utf-8")
    _deny(monkeypatch, "stat", path)  # what stat() of a file under a folder without x permission raises
    assert main(["classify", str(path)]) == 1
    assert f"{path}: permission denied" in capsys.readouterr().err


@pytest.mark.skipif(
    not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0, reason="root reads all"
)
def test_real_permissions_when_not_root(tmp_path, capsys):
    from stanceclf.cli import main

    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "a.txt").write_text(HARD_WRAPPED, encoding="utf-8")
    folder.chmod(0o000)
    try:
        assert main(["classify", str(folder)]) == 1
        assert main(["classify", str(folder / "a.txt")]) == 1
    finally:
        folder.chmod(0o755)
    assert capsys.readouterr().err.count("permission denied") == 2


@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply to read"),
        ('{"id": "big", "n": ' + "7" * 5000 + ', "text": "Talks."}', "a number too long to read"),
    ],
    ids=["nesting", "long-integer"],
)
def test_json_that_python_cannot_read_names_file_and_line(tmp_path, capsys, line, reason):
    from stanceclf.cli import main

    path = tmp_path / "archive.jsonl"
    path.write_text('{"id": "first", "text": "Talks resumed in Geneva."}\n' + line + "\n", encoding="utf-8")
    assert main(["classify", str(path), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert f"{path}:2: malformed JSON: {reason}" in captured.err and "Traceback" not in captured.err
    assert [r["file"] for r in rows_of(captured.out)] == ["first"]


@pytest.mark.parametrize("text", [HARD_WRAPPED * 4, "Kyiv refused.\nMoscow is ready."], ids=["long", "lines"])
def test_an_article_pasted_where_a_file_name_belongs_is_explained(capsys, text):
    from stanceclf.cli import main

    assert main(["classify", text]) == 1
    captured = capsys.readouterr()
    assert f": not a file name (an input of {len(text):,} characters); to classify a text itself, pipe it in" in (
        captured.err
    )
    assert len(captured.err.splitlines()) == 1 and captured.out == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_results_onto_a_full_disk_give_one_line_and_exit_3(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(HARD_WRAPPED, encoding="utf-8")
    for options in ([], ["--format", "table"], ["--summary", "--format", "csv"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "stanceclf", "classify", str(path), *options],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                timeout=120,
            )
        assert result.returncode == 4
        assert result.stderr.splitlines() == [
            "stanceclf classify: error: cannot write the results: No space left on device"
        ]


def test_a_quoted_glob_over_symlink_loops_yields_each_file_once(tmp_path):
    root = tmp_path / "arch"
    (root / "2024" / "03").mkdir(parents=True)
    (root / "2024" / "03" / "a.txt").write_text("Kyiv refused the talks.", encoding="utf-8")
    (root / "2024" / "b.txt").write_text("Moscow is ready for talks.", encoding="utf-8")
    (root / "2024" / "03" / "up").symlink_to("..")  # a loop: 03/up/03/up/...
    (root / "2024" / "again").symlink_to(root)  # a loop through the top
    (root / "self").symlink_to("self")  # a link to itself
    (root / "2024" / "03" / "alias.txt").symlink_to("a.txt")  # the same file by another name
    for inputs in ([str(root / "**" / "*.txt")], [str(root)]):
        result = subprocess.run(
            [sys.executable, "-m", "stanceclf", "classify", *inputs, "--format", "jsonl"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        files = [r["file"] for r in rows_of(result.stdout)]
        assert files == [str(root / "2024" / "03" / "a.txt"), str(root / "2024" / "b.txt")]


def _big_archive(path: Path, texts: int) -> None:
    import json

    with open(path, "w", encoding="utf-8") as stream:
        for i in range(texts):
            text = f"Report {i}: Kyiv refused the talks, the ministry said. Moscow said it was ready for dialogue."
            stream.write(json.dumps({"id": f"n{i}", "text": text}) + "\n")


@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT"])
def test_stopping_classify_with_two_jobs_ends_cleanly_with_one_line(tmp_path, how):
    import json
    import os
    import signal

    path = tmp_path / "big.jsonl"
    _big_archive(path, 60_000)
    command = [sys.executable, "-m", "stanceclf", "classify", str(path), "--jobs", "2", "--format", "jsonl"]
    # Unbuffered, so that communicate() below reads on from exactly where readline() stopped.
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, bufsize=0)
    first = run.stdout.readline()  # results are flowing: workers are busy
    assert first
    if how == "SIGTERM":
        run.send_signal(signal.SIGTERM)  # `kill PID`
    else:
        os.killpg(run.pid, signal.SIGINT)  # Ctrl-C: the whole process group, workers too
    # EOF on stdout within the timeout: no worker is left holding it open.
    rest, err = run.communicate(timeout=120)
    assert run.returncode == (143 if how == "SIGTERM" else 130)
    lines = err.decode().splitlines()
    assert len(lines) == 1 and "Traceback" not in err.decode()
    rows = [json.loads(line) for line in (first + rest).decode().splitlines()]  # every row whole
    written = int(lines[0].split("; ")[1].split(" ")[0])
    assert written <= len({r["file"] for r in rows}) <= written + 1
    expected = "terminated (SIGTERM)" if how == "SIGTERM" else "interrupted"
    assert lines[0] == f"stanceclf classify: {expected}; {written} text(s) written in full"


@pytest.mark.parametrize("fmt, summary", [("jsonl", False), ("csv", False), ("table", False), ("jsonl", True)])
def test_a_lone_surrogate_is_replaced_and_reported_in_every_writer(tmp_path, fmt, summary):
    import io

    from stanceclf.cli import build_parser, run_classify

    path = tmp_path / "surrogates.jsonl"
    path.write_text(
        '{"id": "s\\udc80", "outlet": "Wire \\ud800", "text": "Kyiv refused \\ud800 the talks."}\n', encoding="utf-8"
    )
    odd_name = os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt")  # a file name that is not UTF-8
    Path(odd_name).write_text("Moscow is ready for talks.", encoding="utf-8")
    args = build_parser().parse_args(
        ["classify", str(path), odd_name, "--format", fmt, *(["--summary"] if summary else [])]
    )
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
    err = io.StringIO()
    assert run_classify(args, out, err) == 0
    out.flush()
    written = raw.getvalue().decode("utf-8")  # strict: no surrogate got through
    assert "\ufffd" in written and "\\xe9.txt" in written  # the name's odd byte, shown as \\xe9
    assert f"{path}:1: lone surrogate(s) replaced with U+FFFD (no output can encode them)" in err.getvalue()


def test_classify_help_documents_the_exit_codes(capsys):
    from stanceclf.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["classify", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "exit status:" in out
    for line in (
        "0  success",
        "1  data error",
        "3  partial success: some inputs were skipped",
        "4  the results could not be written",
        "130, 143  interrupted by Ctrl-C or SIGTERM",
    ):
        assert line in out


def test_a_dense_text_is_classified_in_pieces_with_rows_as_for_the_whole_text(tmp_path, capsys, monkeypatch):
    """A huge text goes through the command line a piece at a time; its rows read as one text's."""
    import importlib
    import json

    from stanceclf import classify, segment
    from stanceclf.cli import main

    segment_module = importlib.import_module("stanceclf.segment")  # the package's `segment` is the function

    paragraphs = [
        f"Kyiv refused talks on day {i}. Moscow said it was ready, but only on its terms. Shelling went on."
        for i in range(300)
    ]
    text = "\n\n".join(paragraphs)
    path = tmp_path / "dense.txt"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(segment_module.pieces, "__defaults__", (2_000,))  # many pieces from a small text
    assert len(list(segment_module.pieces(text))) > 10
    assert main(["classify", str(path), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    whole = classify(text)
    assert [r["statement"] for r in rows] == list(range(1, len(whole) + 1))
    assert [(r["start"], r["end"], r["text"], r["stance"]) for r in rows] == [
        (p.start, p.end, p.text, p.stance) for p in whole
    ]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert len(segment(text)) == len(rows)
