"""Readers, model cards, validate and summarize on the defects a new user reported (each test fails before the fix)."""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest

from stanceclf import ModelFileError, load_model
from stanceclf.cli import main
from stanceclf.errors import DataFileError, OutputPathError
from stanceclf.files import check_output_path
from stanceclf.model import MODEL_FILE, save_bundle
from stanceclf.sources import iter_documents

LEAD = "KYIV, June 2 - Ukraine's president said on Sunday that talks could resume only after a full ceasefire."
CAPTION = "Photo: delegations arrive in Istanbul. (Reuters/Umit Bektas)"
REPLY = "The Kremlin's spokesman said Moscow was \u201cready to listen\u201d but set no date."


def _documents(path, **options):
    notes = []
    documents = list(iter_documents([str(path)], report=notes.append, **options))
    return documents, notes


def test_an_unclosed_quote_is_named_with_the_row_it_swallows(tmp_path):
    archive = tmp_path / "wires.csv"
    archive.write_text(f'id,outlet,text\nw1,Kyiv Post,"{LEAD}\nw2,TASS,"{REPLY}"\nw3,AFP,{CAPTION}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"wires.csv:2: a quoted field is not closed: it runs on into line 3"):
        _documents(archive)


def test_an_unclosed_quote_running_to_the_end_of_the_file_is_an_error(tmp_path):
    archive = tmp_path / "wires.csv"
    archive.write_text(f'id,text\nw1,"{LEAD}\nMore of the story that the wire hard-wrapped\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"wires.csv:2: a quoted field is not closed: it runs on to the end"):
        _documents(archive)


def test_a_closed_quote_over_several_lines_is_still_one_row(tmp_path):
    archive = tmp_path / "wires.csv"
    archive.write_text(f'id,text\nw1,"{LEAD}\n{CAPTION}"\nw2,"{REPLY}"\n', encoding="utf-8")
    documents, notes = _documents(archive)
    assert [d.name for d in documents] == ["w1", "w2"] and CAPTION in documents[0].text and not notes


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_repeated_id_in_one_archive_is_reported_with_both_lines(tmp_path, suffix):
    archive = tmp_path / f"wires{suffix}"
    if suffix == ".csv":
        archive.write_text(f'id,text\nw1,"{LEAD}"\nw2,"{REPLY}"\nw1,"{CAPTION}"\n', encoding="utf-8")
    else:
        archive.write_text(
            "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in (("w1", LEAD), ("w2", REPLY), ("w1", CAPTION))),
            encoding="utf-8",
        )
    documents, notes = _documents(archive)
    assert len(documents) == 3
    line = 4 if suffix == ".csv" else 3
    assert notes == [f"warning: {archive}:{line}: the id 'w1' is also the id of line {line - 2}; both texts are kept"]


def test_a_named_id_column_that_is_missing_is_an_error(tmp_path, capsys):
    archive = tmp_path / "wires.csv"
    archive.write_text(f'key,text\nw1,"{LEAD}"\n', encoding="utf-8")
    assert main(["classify", str(archive), "--id-field", "story", "--format", "jsonl"]) == 1
    assert f'{archive}:1: no "story" column (columns: key, text); name the id\'s column with --id-field' in (
        capsys.readouterr().err
    )
    assert [d.name for d in _documents(archive)[0]] == [f"{archive}:2"]  # no id column named: file:line


def test_a_named_id_field_missing_from_a_jsonl_record_is_an_error(tmp_path):
    archive = tmp_path / "wires.jsonl"
    archive.write_text(json.dumps({"key": "w1", "text": LEAD}) + "\n" + json.dumps({"text": REPLY}) + "\n")
    with pytest.raises(DataFileError, match=r'wires.jsonl:2: no "key" field for the id'):
        _documents(archive, id_field="key")


def test_a_number_where_the_text_belongs_is_called_a_number(tmp_path):
    archive = tmp_path / "wires.jsonl"
    archive.write_text(json.dumps({"id": "w1", "text": 5}) + "\n")
    with pytest.raises(DataFileError, match=r'wires.jsonl:1: the "text" field is a number, expected a string'):
        _documents(archive)


@pytest.mark.parametrize("encoding", [None, "latin-1"])
def test_a_binary_file_is_refused_as_binary(tmp_path, encoding):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + LEAD.encode())
    with pytest.raises(DataFileError, match=r"scan.txt:3: binary file, not text \(a NUL byte at byte 8\)"):
        _documents(path, encoding=encoding)


def test_a_binary_archive_is_refused_before_its_rows(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"id,text\nw1,\x00\x00\x00\x00binary\n")
    with pytest.raises(DataFileError, match=r"export.csv:2: binary file, not text"):
        _documents(path)


def test_utf16_with_a_byte_order_mark_is_not_called_binary(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("\ufeff".encode("utf-16-le") + LEAD.encode("utf-16-le"))
    try:
        documents, _ = _documents(path)
    except DataFileError as exc:  # without charset-normalizer it is refused as not UTF-8, never as binary
        assert "binary" not in str(exc)
    else:
        assert "Ukraine" in documents[0].text


def test_a_rare_detected_code_page_is_reported_as_the_common_one(tmp_path, monkeypatch):
    import stanceclf.decoding as decoding

    raw = "Caf\u00e9 owners in Kyiv and Z\u00fcrich doubted the talks.".encode("cp1252")
    monkeypatch.setattr(decoding, "_detect", lambda data: (data.decode("iso8859-10"), "iso8859-10"))
    path = tmp_path / "old.txt"
    path.write_bytes(raw)
    documents, notes = _documents(path)
    assert documents[0].text == raw.decode("cp1252")
    assert notes == [
        f"{path}: not UTF-8; read as cp1252 (detected as iso8859-10, which reads these bytes the same; "
        "choose another with --encoding NAME (encoding= from Python))"
    ]


def test_not_utf8_without_the_detector_names_the_python_argument_too(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)
    path = tmp_path / "old.txt"
    path.write_bytes("Gen\u00e8ve".encode("cp1252"))
    with pytest.raises(DataFileError, match=r"encoding= from Python"):
        _documents(path)


def test_missing_files_and_empty_folders_have_no_line_zero(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["classify", str(tmp_path / "nosuch.txt"), str(tmp_path / "empty"), "--skip-bad"]) == 1
    err = capsys.readouterr().err
    assert f"skipped {tmp_path / 'nosuch.txt'}: no such file" in err and ":0:" not in err


def test_a_card_format_the_code_does_not_know_is_refused(tmp_path, tiny_bundle):
    folder = tmp_path / "model"
    save_bundle(tiny_bundle, folder)
    with np.load(folder / MODEL_FILE, allow_pickle=False) as archive:
        arrays = {key: archive[key] for key in archive.files}
    card = json.loads(arrays["card.json"].tobytes())
    arrays["card.json"] = np.frombuffer(json.dumps({**card, "format_version": 99}).encode(), dtype=np.uint8)
    np.savez(folder / MODEL_FILE, **arrays)
    with pytest.raises(ModelFileError, match=r"model.npz: the model card says format_version 99, .* reads format 3"):
        load_model(folder)


def test_validate_counts_add_up_and_problems_come_in_line_order(tmp_path, capsys):
    labels = tmp_path / "mine.jsonl"
    record = {"article": "kp-0602", "framing": "neutral_report", "speaker": "author"}
    lines = [
        json.dumps({"id": "m1", **record, "text": LEAD, "stance": "conditional"}),
        json.dumps({"id": "m2", **record, "text": REPLY, "stance": "opose"}),  # a typo: reported, not counted
        '{"id": "m3", "article": "kp-0602", "text": "Broken',
        json.dumps({"id": "m1", **record, "text": CAPTION, "stance": "neutral"}),
    ]
    labels.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["validate", str(labels), "--root", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    problem_lines = [int(line.split(":")[1]) for line in captured.err.splitlines() if line.startswith(str(labels))]
    assert problem_lines == [2, 3, 4]
    counts = [line for line in captured.out.splitlines() if line.startswith("  ")]
    totals = {sum(int(word) for word in line.split()[2::2]) for line in counts}
    assert f"{labels}: 1 statements" in captured.out and totals == {1}


def test_summarize_by_week_names_the_line_of_a_bad_date(tmp_path, capsys):
    predictions = tmp_path / "preds.jsonl"
    row = {"file": "kp.txt", "text": LEAD, "stance": "conditional", "framing": "neutral_report", "speaker": "author"}
    predictions.write_text(
        json.dumps({**row, "date": "2025-06-02"}) + "\n" + json.dumps({**row, "date": "02/06/2025"}) + "\n"
    )
    assert main(["summarize", str(predictions), "--by", "week"]) == 1
    assert f"{predictions}:2: date '02/06/2025' is not an ISO date" in capsys.readouterr().err


def test_summarize_names_a_skipped_file_and_its_reason_on_one_line(tmp_path, capsys):
    good, broken = tmp_path / "preds.jsonl", tmp_path / "old.jsonl"
    row = {"file": "kp.txt", "text": LEAD, "stance": "conditional", "framing": "neutral_report", "speaker": "author"}
    good.write_text(json.dumps(row) + "\n")
    broken.write_text(json.dumps({**row, "stance": "maybe"}) + "\n")
    assert main(["summarize", str(good), str(broken), "--format", "jsonl"]) == 3
    assert f"stanceclf summarize: skipped {broken}:1: stance 'maybe' is not a codebook label" in (
        capsys.readouterr().err
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_an_output_folder_that_cannot_be_made_is_found_before_the_run(mini_project, capsys):
    with pytest.raises(OutputPathError, match=r"/proc/stanceclf-plots: cannot be written"):
        check_output_path("/proc/stanceclf-plots", folder=True)
    assert main(["evaluate", "--root", str(mini_project), "--plots", "/proc/stanceclf-plots", "--no-cv"]) == 2
    assert "stanceclf evaluate: error: /proc/stanceclf-plots: cannot be written" in capsys.readouterr().err


def test_classify_a_list_message_has_no_stray_space():
    from stanceclf import InputTypeError, classify

    with pytest.raises(InputTypeError, match=r"got list; to label a list of statements use classify_statements"):
        classify(["Kyiv refused the talks."])
