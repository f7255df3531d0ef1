"""The command line and the readers on the defects a new user reported: interrupts, -o, archives, messages."""

from __future__ import annotations

import json
import signal

import pytest

from stanceclf import cli
from stanceclf.cli import main

WIRE = (
    "By Olena Hrytsenko, Kyiv bureau\n"
    "KYIV, March 3 (Reuters) - Ukraine's foreign minister said on Monday that Kyiv would not\n"
    "negotiate under fire, a day after Moscow repeated that it was ready for talks.\n"
    "\u00a0\n"
    "Share this article: Facebook | X | Email\n"
)
BRIEFING = (
    "Kremlin spokesman Dmitry Peskov told reporters that Russia remained open to a settlement,\n"
    "but only if Ukraine accepted \u201cthe new territorial realities\u201d.\n"
    "Related: Grain corridor talks stall again\n"
)
SHELLING = "Overnight shelling damaged a power station near Kharkiv, the regional governor said. No one was hurt.\n"


@pytest.fixture
def folder(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    for name, text in (("a_wire.txt", WIRE), ("b_briefing.txt", BRIEFING), ("c_shelling.txt", SHELLING)):
        (texts / name).write_text(text, encoding="utf-8")
    return texts


def _interrupt_at_second_text(monkeypatch):
    write = cli._Rows.write

    def interrupted(self, part):
        if self.summary.texts == 1:
            raise KeyboardInterrupt
        write(self, part)

    monkeypatch.setattr(cli._Rows, "write", interrupted)


def test_ctrl_c_with_output_keeps_the_old_file_and_says_it_was_not_written(folder, tmp_path, monkeypatch, capsys):
    output = tmp_path / "predictions.jsonl"
    output.write_text('{"old": "predictions of last week"}\n', encoding="utf-8")
    _interrupt_at_second_text(monkeypatch)
    assert main(["classify", str(folder), "-o", str(output)]) == cli.EXIT_INTERRUPTED
    err = capsys.readouterr().err
    assert output.read_text(encoding="utf-8") == '{"old": "predictions of last week"}\n'
    assert f"interrupted; {output} not written" in err and "the old file is kept" in err
    assert "wrote" not in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["predictions.jsonl", "texts"]  # no temporary left


def test_ctrl_c_with_a_new_output_leaves_no_file(folder, tmp_path, monkeypatch, capsys):
    output = tmp_path / "new.jsonl"
    _interrupt_at_second_text(monkeypatch)
    assert main(["classify", str(folder), "-o", str(output), "--jobs", "2"]) == cli.EXIT_INTERRUPTED
    assert not output.exists()
    assert f"{output} not written" in capsys.readouterr().err


def test_a_data_error_with_output_says_nothing_was_written(folder, tmp_path, capsys):
    output = tmp_path / "predictions.jsonl"
    output.write_text("last run\n", encoding="utf-8")
    (folder / "d_broken.txt").write_bytes(b"\xff\xfe\x00\x00 not text")
    assert main(["classify", str(folder), "-o", str(output)]) == cli.EXIT_DATA
    err = capsys.readouterr().err
    assert f"(stopped here; {output} not written" in err and "the old file is kept" in err
    assert "before it are written" not in err
    assert output.read_text(encoding="utf-8") == "last run\n"


@pytest.mark.parametrize("command", ["report", "suggest"])
def test_ctrl_c_in_other_commands_is_one_line_and_130(command, folder, tmp_path, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("stanceclf.predict.load_model", interrupted)
    extra = ["--root", str(tmp_path)] if command == "suggest" else []
    assert main([command, str(folder), "-o", str(tmp_path / "out"), *extra]) == cli.EXIT_INTERRUPTED
    err = capsys.readouterr().err
    assert err.strip() == f"stanceclf {command}: interrupted (files are written whole or not at all)"


def test_ctrl_c_in_summarize_is_one_line_and_130(tmp_path, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("stanceclf.summary.group_rows", interrupted)
    predictions = tmp_path / "preds.jsonl"
    predictions.write_text(
        json.dumps(
            {"file": "a.txt", "text": "Kyiv refused.", "stance": "oppose", "framing": "blame", "speaker": "author"}
        )
        + "\n"
    )
    assert main(["summarize", str(predictions)]) == cli.EXIT_INTERRUPTED
    assert capsys.readouterr().err.count("\n") == 1


def test_worker_processes_ignore_ctrl_c():
    from joblib import Parallel, delayed

    from stanceclf._stopping import quiet_workers

    with quiet_workers(2):
        handlers = Parallel(n_jobs=2)(delayed(signal.getsignal)(signal.SIGINT) for _ in range(2))
    assert handlers == [signal.SIG_IGN, signal.SIG_IGN]


def test_skip_bad_that_skipped_everything_is_a_failure(tmp_path, capsys):
    archive = tmp_path / "wires.jsonl"
    archive.write_text('{"id": "w1", "body": "Kyiv refused."}\n{"id": "w2", "text": 7}\n', encoding="utf-8")
    assert main(["classify", str(archive), "--skip-bad", "--format", "jsonl"]) == cli.EXIT_DATA
    err = capsys.readouterr().err
    assert "error: no text was usable: every input was skipped (2 problem(s) listed above)" in err


def test_empty_texts_and_files_of_other_kinds_get_one_line_each(folder, tmp_path, capsys):
    (folder / "d_blank.txt").write_text("\u00a0\n\n", encoding="utf-8")
    (folder / "wires.csv").write_text("id,text\nw1,\n", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    archive = tmp_path / "wires.csv"
    archive.write_text(f'id,text\nw1,"{SHELLING.strip()}"\nw2,""\n', encoding="utf-8")
    assert main(["classify", str(folder), str(archive), "--format", "jsonl"]) == 0
    err = capsys.readouterr().err
    assert f"stanceclf classify: {folder}: 2 file(s) of other kinds left out (.csv, .pdf)" in err
    assert f"stanceclf classify: {folder / 'd_blank.txt'}: the file is empty (no statement to classify)\n" in err
    assert f"stanceclf classify: {archive}:3: the text is empty (no statement to classify)\n" in err


@pytest.mark.parametrize("command", ["report", "suggest"])
def test_report_and_suggest_skip_bad_inputs_with_skip_bad(command, folder, tmp_path, capsys):
    missing = tmp_path / "nosuch.txt"
    extra = ["--root", str(tmp_path), "-n", "2"] if command == "suggest" else []
    output = tmp_path / "out"
    assert main([command, str(folder), str(missing), "-o", str(output), *extra]) == cli.EXIT_DATA
    assert not output.exists()
    assert main([command, str(folder), str(missing), "-o", str(output), "--skip-bad", *extra]) == cli.EXIT_PARTIAL
    assert output.is_file()
    assert f"stanceclf {command}: skipped {missing}: no such file" in capsys.readouterr().err
    assert main([command, str(missing), "-o", str(tmp_path / "none"), "--skip-bad", *extra]) == cli.EXIT_DATA
    assert "no text was usable" in capsys.readouterr().err and not (tmp_path / "none").exists()
