"""Label and corpus files: reading, validation (one test per kind of error), the split."""

from __future__ import annotations

import json
import os

import pytest
from conftest import REPO, statements_of

from stanceclf.codebook import FRAMINGS, HEADS, SPEAKERS, STANCES
from stanceclf.errors import DataFileError, InputTypeError
from stanceclf.labels import FIELDS, LabeledStatement, check_labels, read_labels, validate_project, write_labels


def problems_of(root) -> list[str]:
    report = validate_project(root)
    return report.problems


def test_mini_project_is_valid_and_counted(mini_project):
    report = validate_project(mini_project)
    assert report.ok, report.problems
    assert report.counts["train"]["stance"] == {"support": 1, "conditional": 1, "oppose": 1, "neutral": 3}
    assert sum(report.counts["heldout"]["framing"].values()) == 3


def test_label_names_are_exactly_the_codebooks():
    codebook = (REPO / "docs" / "codebook.md").read_text(encoding="utf-8")
    for name in STANCES + FRAMINGS + SPEAKERS:
        assert f"`{name}`" in codebook
    # The file format: the key fields, then the heads in codebook order; a statement has a field for each.
    assert FIELDS == ("id", "article", "text", "stance", "framing", "speaker") == ("id", "article", "text", *HEADS)
    statement = LabeledStatement("a-s01", "a", "Kyiv refused the talks.", "oppose", "blame", "ukraine_official")
    assert tuple(statement.to_record()) == FIELDS and tuple(statement.labels) == tuple(HEADS)


def test_the_real_project_is_valid():
    report = validate_project(REPO)
    assert report.ok, "\n".join(report.problems[:10])


def test_the_codebook_copy_is_identical_to_shared_when_shared_is_present():
    shared = REPO.parent / "shared" / "codebook.md"
    if not shared.exists():
        pytest.skip("no ../shared beside this checkout")
    assert (REPO / "docs" / "codebook.md").read_bytes() == shared.read_bytes()


def test_real_split_has_no_article_on_both_sides():
    train = {s.article for s in read_labels(REPO / "labels" / "train.jsonl")}
    heldout = {s.article for s in read_labels(REPO / "labels" / "heldout.jsonl")}
    written = {s.article for s in read_labels(REPO / "labels" / "written.jsonl")}
    assert heldout and train and not train & heldout
    assert not written & (train | heldout)
    total = len(read_labels(REPO / "labels" / "train.jsonl")) + len(read_labels(REPO / "labels" / "heldout.jsonl"))
    assert 0.25 <= len(read_labels(REPO / "labels" / "heldout.jsonl")) / total <= 0.34


def test_article_on_both_sides_of_the_split_is_reported(mini_project):
    with open(mini_project / "labels" / "heldout.jsonl", "a", encoding="utf-8") as stream:
        row = statements_of("alpha")[0].to_record() | {"id": "alpha-copy"}
        stream.write(json.dumps(row) + "\n")
    problems = problems_of(mini_project)
    assert any("heldout.jsonl:4: article 'alpha' is on both sides of the split" in p for p in problems)


def _append(root, line: str, name: str = "train.jsonl") -> None:
    with open(root / "labels" / name, "a", encoding="utf-8") as stream:
        stream.write(line + "\n")


def test_malformed_json_names_file_and_line(mini_project):
    _append(mini_project, '{"id": "x", "article": ')
    assert any(
        p.endswith("train.jsonl:7: malformed JSON: Expecting value at column 24") for p in problems_of(mini_project)
    )


def test_missing_and_unknown_fields(mini_project):
    _append(
        mini_project,
        json.dumps(
            {
                "id": "x",
                "article": "alpha",
                "text": "Moscow says it is ready for talks with Kyiv.",
                "stance": "support",
                "framing": "neutral_report",
                "note": "hi",
            }
        ),
    )
    problems = problems_of(mini_project)
    assert any("train.jsonl:7: missing field(s) speaker" in p for p in problems)
    assert any("train.jsonl:7: unknown field(s) note" in p for p in problems)


def test_label_outside_the_codebook(mini_project):
    row = statements_of("alpha")[0].to_record() | {"id": "alpha-x", "stance": "supportive"}
    _append(mini_project, json.dumps(row))
    assert any(
        "train.jsonl:7: stance 'supportive' is not a codebook label; expected one of support, conditional, "
        "oppose, neutral" in p
        for p in problems_of(mini_project)
    )


def test_duplicate_id(mini_project):
    _append(mini_project, json.dumps(statements_of("alpha")[0].to_record()))
    assert any("train.jsonl:7: duplicate id 'alpha-s01' (first on line 1)" in p for p in problems_of(mini_project))


def test_duplicate_id_across_files(mini_project):
    row = statements_of("gamma")[0].to_record() | {"id": "alpha-s01"}
    rows = (mini_project / "labels" / "heldout.jsonl").read_text().splitlines()
    rows[0] = json.dumps(row)
    (mini_project / "labels" / "heldout.jsonl").write_text("\n".join(rows) + "\n")
    assert any(
        "heldout.jsonl:1: id 'alpha-s01' is also used at" in p and "train.jsonl:1" in p
        for p in problems_of(mini_project)
    )


def test_text_not_verbatim_in_its_article(mini_project):
    row = statements_of("alpha")[0].to_record() | {"id": "alpha-s09", "text": "Moscow says it is NOT ready."}
    _append(mini_project, json.dumps(row))
    assert any("train.jsonl:7: text does not occur verbatim in article 'alpha'" in p for p in problems_of(mini_project))


def test_statement_without_label_is_reported_with_seed_line(mini_project):
    rows = (mini_project / "labels" / "train.jsonl").read_text().splitlines()
    (mini_project / "labels" / "train.jsonl").write_text("\n".join(rows[1:]) + "\n")
    assert any(
        "seeds/alpha.txt:1: statement has no label: 'Moscow says it is ready" in p for p in problems_of(mini_project)
    )


def test_unknown_article(mini_project):
    row = statements_of("alpha")[0].to_record() | {"id": "zeta-s01", "article": "zeta"}
    _append(mini_project, json.dumps(row))
    assert any("train.jsonl:7: unknown article 'zeta'" in p for p in problems_of(mini_project))


def test_written_example_cannot_claim_a_corpus_article(mini_project):
    row = statements_of("alpha")[0].to_record() | {"id": "written-x"}
    _append(mini_project, json.dumps(row), "written.jsonl")
    assert any(
        "written.jsonl:3: a written example cannot belong to corpus article 'alpha'" in p
        for p in problems_of(mini_project)
    )


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "train.jsonl:1: the file is empty; expected one JSON object per line"),
        (b"\xef\xbb\xbf{}\n", "train.jsonl:1: the file starts with a byte-order mark; save it as UTF-8 without BOM"),
        (b'{"id": 1}\r\n', "train.jsonl:1: line ends with CRLF; use LF line endings"),
        (b'{"id": "\xff"}\n', "train.jsonl:1: not valid UTF-8 (invalid start byte at column 9)"),
        (b"[1, 2]\n", "train.jsonl:1: expected a JSON object, got list"),
        (
            b'{"id": "a", "article": "alpha", "text": 5, "stance": "neutral", "framing": "neutral_report", '
            b'"speaker": "author"}\n',
            "train.jsonl:1: field 'text' must be a string, got int",
        ),
    ],
    ids=["empty", "bom", "crlf", "encoding", "not-object", "wrong-type"],
)
def test_broken_files(mini_project, content, message):
    (mini_project / "labels" / "train.jsonl").write_bytes(content)
    problems = problems_of(mini_project)
    assert any(p.endswith(message) for p in problems), problems


def test_directory_instead_of_file(mini_project):
    path = mini_project / "labels" / "train.jsonl"
    path.unlink()
    path.mkdir()
    assert any(p.endswith("train.jsonl: is a directory, expected a file") for p in problems_of(mini_project))


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads any file")
def test_no_permission(mini_project):
    path = mini_project / "labels" / "train.jsonl"
    path.chmod(0)
    assert any(p.endswith("train.jsonl: permission denied") for p in problems_of(mini_project))


def test_every_problem_is_reported_not_just_the_first(mini_project):
    _append(mini_project, "{broken")
    _append(mini_project, "[]")
    problems = problems_of(mini_project)
    assert sum("train.jsonl:7:" in p for p in problems) == 1 and sum("train.jsonl:8:" in p for p in problems) == 1


def test_unfilled_labels_pass_only_where_allowed_and_a_wrong_label_never(tmp_path):
    # A suggestion file half filled in: one statement labelled, one untouched, one mistyped.
    rows = [
        {"id": "kyiv-post-s01", "article": "kyiv-post", "text": "Peace talks resume in Istanbul on Monday.",
         "stance": "neutral", "framing": "neutral_report", "speaker": "author"},
        {"id": "kyiv-post-s02", "article": "kyiv-post", "text": "The Kremlin called the plan a trap.",
         "stance": "", "framing": "", "speaker": "", "guess": {"stance": "oppose"}},
        {"id": "kyiv-post-s03", "article": "kyiv-post", "text": "Kyiv said it would not give up land.",
         "stance": "conditonal", "framing": "", "speaker": "ukraine_official"},
    ]  # fmt: skip
    path = tmp_path / "suggested.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    statements, problems = check_labels(path, allow_unlabelled=True)
    assert [s.id for s in statements] == ["kyiv-post-s01", "kyiv-post-s02", "kyiv-post-s03"]
    assert problems == [f"{path}:3: stance 'conditonal' is not a codebook label; expected one of {', '.join(STANCES)}"]
    _, problems = check_labels(path)
    assert f"{path}:2: stance is empty; fill in one of {', '.join(STANCES)}" in problems
    assert f"{path}:2: speaker is empty; fill in one of {', '.join(SPEAKERS)}" in problems
    assert f"{path}:3: framing is empty; fill in one of {', '.join(FRAMINGS)}" in problems
    assert len(problems) == 5


def test_an_off_topic_statement_must_take_no_stance(mini_project):
    rows = [
        ("offtopic-dock-s01", "Dock workers in Rotterdam ended their strike after a pay deal on Friday.", "neutral"),
        ("offtopic-dock-s02", "The union said it was ready to talk, but only about wages.", "conditional"),
    ]
    _append(
        mini_project,
        "\n".join(
            json.dumps(
                {"id": id_, "article": "offtopic-dock", "text": text, "stance": stance}
                | {"framing": "neutral_report", "speaker": "author"}
            )
            for id_, text, stance in rows
        ),
        name="offtopic.jsonl",
    )
    problems = problems_of(mini_project)
    assert [p for p in problems if "offtopic.jsonl" in p] == [
        f"{mini_project / 'labels' / 'offtopic.jsonl'}:2: an off-topic statement has stance 'conditional', "
        "expected 'neutral'"
    ]


def test_read_labels_raises_with_every_problem(tmp_path):
    path = tmp_path / "l.jsonl"
    path.write_text('{"id": "a"}\nnot json\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"l.jsonl:1: missing field\(s\) article") as info:
        read_labels(path)
    assert len(info.value.problems) == 2


def test_corpus_index_problems_name_file_and_line(mini_project):
    index = mini_project / "corpus" / "articles.jsonl"
    rows = index.read_text().splitlines()
    first = json.loads(rows[0])
    rows.append(json.dumps(first))  # duplicate id
    rows.append(json.dumps(first | {"id": "delta", "lines": [1, 99]}))
    rows.append(json.dumps(first | {"id": "eps", "outlet_type": "tabloid"}))
    index.write_text("\n".join(rows) + "\n")
    problems = problems_of(mini_project)
    assert any("articles.jsonl:4: duplicate article id 'alpha'" in p for p in problems)
    assert any("articles.jsonl:5: lines [1, 99] run past the end of seeds/alpha.txt (3 lines)" in p for p in problems)
    assert any("articles.jsonl:6: outlet_type 'tabloid' is not one of" in p for p in problems)


def test_write_labels_is_sorted_and_round_trips(tmp_path):
    statements = list(reversed(statements_of("beta")))
    write_labels(tmp_path / "out.jsonl", statements)
    back = read_labels(tmp_path / "out.jsonl")
    assert back == sorted(statements, key=lambda s: s.id)
    assert not list(tmp_path.glob(".*.tmp"))


def test_write_labels_failure_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "out.jsonl"
    write_labels(path, statements_of("beta"))
    before = path.read_bytes()

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", explode)
    with pytest.raises(OSError, match="disk full"):
        write_labels(path, statements_of("alpha"))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_a_statement_keeps_its_labels_by_head_however_they_are_given():
    import dataclasses

    text = "The Kremlin said it was open to talks \u201cwithout preconditions\u201d."
    by_position = LabeledStatement("k-s03", "k", text, "support", "goodwill", "russia_official")
    by_name = LabeledStatement("k-s03", "k", text, speaker="russia_official", stance="support", framing="goodwill")
    by_mapping = LabeledStatement("k-s03", "k", text, labels=dict(by_position.labels))
    assert by_position == by_name == by_mapping and len({by_position, by_name, by_mapping}) == 1
    assert (by_position.stance, by_position.framing, by_position.speaker) == ("support", "goodwill", "russia_official")
    assert dataclasses.replace(by_position, text="Moscow is open to talks.").labels == by_position.labels
    assert LabeledStatement("k-s04", "k", "Shelling went on.").labels == dict.fromkeys(HEADS, "")  # unfilled
    with pytest.raises(InputTypeError, match="unknown head\\(s\\) tone; expected stance, framing, speaker"):
        LabeledStatement("k-s03", "k", text, tone="calm")
    with pytest.raises(InputTypeError, match="got head\\(s\\) stance twice"):
        LabeledStatement("k-s03", "k", text, "support", stance="oppose")
    with pytest.raises(InputTypeError, match="takes 3 labels \\(stance, framing, speaker\\), got 4"):
        LabeledStatement("k-s03", "k", text, "support", "goodwill", "russia_official", "calm")
