"""Hostile input and hostile circumstances: scope flags, huge text, processes racing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

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
    assert any(p.endswith("train.jsonl:0: permission denied") for p in validate_project(mini_project).problems)


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
