"""The learned furniture filter after the segmentation rules (round 13, ``stanceclf.furniture``)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from stanceclf import StanceclfError, segment
from stanceclf import furniture as F
from stanceclf.errors import DataFileError, ModelFileError
from stanceclf.segment import _blocks, _mark_furniture

ROOT = Path(__file__).resolve().parents[1]

LEAD = (
    "ISTANBUL, Dec 4 - Negotiators from Kyiv and Moscow swapped written drafts on a Black Sea shipping truce on "
    "Thursday, but failed to agree on who would inspect cargo ships, two officials briefed on the talks said."
)
SECOND = (
    "Turkish mediators had hoped to announce a framework before the weekend. Instead the two delegations left "
    "the Ciragan\u00a0Palace without a joint statement, and a third session was pencilled in for next week."
)
QUOTE = (
    '"We are closer than we were in the summer, but not close enough," a Ukrainian official said, asking not to '
    "be named because the drafts are confidential."
)
LAST = (
    "Russian Foreign Ministry spokeswoman Maria Zakharova said Moscow would not accept inspections run by NATO "
    "members, and repeated that any deal must include Russian ports."
)
# Furniture in wordings no rule names: a staff credit, a paywall badge, an edition label.
NEW_FURNITURE = ("Kyiv Morning Star staff", "Subscriber exclusive", "Weekend edition")
# Real sentences that look like them: a subscription, members, an exclusive.
LOOK_ALIKES = (
    "Subscribers to the grain deal include Turkey and Egypt.",
    "Members of both delegations declined to comment.",
    "Exclusive talks on the corridor continue in Ankara",
)


def page(middle: tuple[str, ...]) -> str:
    headline = "Ceasefire envoys trade drafts as Black Sea grain talks stall"
    return "\n".join([headline, LEAD, middle[0], SECOND, middle[1], QUOTE, middle[2], LAST, ""])


def scores(text: str, lines: tuple[str, ...]) -> dict[str, float | None]:
    blocks = _blocks(text)
    _mark_furniture(text, blocks)
    by_line = dict(zip((block.plain for block in blocks), F._active_filter().probabilities(blocks)))
    return {line: by_line[line] for line in lines}


def test_a_page_loses_furniture_in_new_wordings_the_rules_keep():
    text = page(NEW_FURNITURE)
    with F.using_filter(None):
        rules = [s.text for s in segment(text)]
    leaked = list(NEW_FURNITURE)
    assert all(line in rules for line in leaked)  # the rules alone keep them
    kept = [s.text for s in segment(text)]
    assert not any(line in kept for line in leaked)
    assert [s for s in rules if s not in leaked] == kept  # every sentence of the page stays
    assert all(p is not None and p > 0.9 for p in scores(text, NEW_FURNITURE).values())


def test_look_alike_sentences_are_kept_with_a_margin():
    text = page(LOOK_ALIKES)
    kept = [s.text for s in segment(text)]
    assert all(line in kept for line in LOOK_ALIKES)
    margin = F._active_filter().threshold - 0.3  # well under the threshold, so that a refit keeps them too
    assert all(p is not None and p < margin for p in scores(text, LOOK_ALIKES).values())


def test_long_finished_sentences_and_paragraphs_are_never_scored():
    text = page(LOOK_ALIKES)
    blocks = _blocks(text)
    _mark_furniture(text, blocks)
    features = dict(zip((block.plain for block in blocks), F.block_features(blocks)))
    assert features[LEAD] is None and features[LAST] is None


@pytest.mark.parametrize(
    ("line", "title_case"),
    [
        ("Envoys Trade Drafts as Grain Talks Stall in Ankara", True),  # a related headline's case
        ("Envoys trade drafts as grain talks stall in Ankara", False),  # a sentence's case
        ("ENVOYS TRADE DRAFTS", False),  # capitals are a shape of their own
        ("Kyiv and Ankara", False),  # fewer than three words of four letters
    ],
)
def test_a_headlines_title_case_is_a_feature(line, title_case):
    text = "\n".join(["Ceasefire envoys trade drafts as Black Sea grain talks stall", LEAD, line, SECOND, ""])
    blocks = _blocks(text)
    _mark_furniture(text, blocks)
    features = dict(zip((block.plain for block in blocks), F.block_features(blocks, dropped=True)))
    assert ("s:title_case" in features[line]) is title_case


def small_filter() -> F.FurnitureFilter:
    return F.FurnitureFilter(("w:share", "s:n0"), np.array([2.5, -0.5]), -1.0, 0.9, {"note": "test"})


def test_saved_arrays_round_trip(tmp_path):
    path = tmp_path / "furniture.npz"
    F.write_filter(path, small_filter())
    back = F.read_filter(path)
    assert back.features == ("w:share", "s:n0")
    assert np.array_equal(back.coef, [2.5, -0.5]) and back.intercept == -1.0 and back.threshold == 0.9
    assert back.info == {"note": "test"}
    assert F.filter_bytes(back) == path.read_bytes()
    assert not list(tmp_path.glob(".*.tmp"))  # written by temp file and rename


def test_the_shipped_filter_reads_and_names_its_training_splits():
    shipped = F.read_filter(ROOT / "stanceclf" / "models" / F.FILTER_FILE)
    assert shipped.info["splits"] == list(F.TRAINING_SPLITS)
    assert 0.5 <= shipped.threshold < 1.0


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"not a zip at all", "not a readable furniture filter"),
        (b"PK\x03\x04 broken", "not a readable furniture filter"),
    ],
)
def test_a_corrupt_file_gives_a_clear_error(tmp_path, payload, message):
    path = tmp_path / "furniture.npz"
    path.write_bytes(payload)
    with pytest.raises(StanceclfError, match=message):
        F.read_filter(path)


def write_arrays(path: Path, version: int, coef: list[float]) -> None:
    from stanceclf.modelfile import npz_bytes

    layout = json.dumps({"format_version": version, "threshold": 0.9, "info": {}}).encode()
    arrays = {
        "features": np.frombuffer(b"w:a\x00w:b", dtype=np.uint8),
        "coef": np.array(coef),
        "intercept": np.array([0.0]),
        "layout.json": np.frombuffer(layout, dtype=np.uint8),
    }
    path.write_bytes(npz_bytes(arrays))


def test_a_missing_or_other_version_file_gives_a_clear_error(tmp_path):
    with pytest.raises(ModelFileError, match="furniture filter file is missing"):
        F.read_filter(tmp_path / "nothing.npz")
    path = tmp_path / "furniture.npz"
    write_arrays(path, 7, [1.0, 2.0])
    with pytest.raises(ModelFileError, match="unknown furniture filter version 7"):
        F.read_filter(path)


def test_damaged_arrays_give_a_clear_error(tmp_path):
    path = tmp_path / "furniture.npz"
    write_arrays(path, F.FILTER_VERSION, [1.0])  # two features, one weight
    with pytest.raises(ModelFileError, match="damaged furniture filter"):
        F.read_filter(path)


def test_feature_names_stored_as_another_array_type_give_a_clear_error(tmp_path):
    from stanceclf.modelfile import npz_bytes

    layout = json.dumps({"format_version": F.FILTER_VERSION, "threshold": 0.9, "info": {}}).encode()
    arrays = {
        "features": np.array(["w:a", "w:b"]),  # version 1's fixed-width Unicode names
        "coef": np.array([1.0, 2.0]),
        "intercept": np.array([0.0]),
        "layout.json": np.frombuffer(layout, dtype=np.uint8),
    }
    path = tmp_path / "furniture.npz"
    path.write_bytes(npz_bytes(arrays))
    with pytest.raises(ModelFileError, match="damaged furniture filter.*not UTF-8 bytes"):
        F.read_filter(path)


def test_held_out_splits_are_a_constant_kept_out_of_training():
    assert F.HELD_OUT_SPLITS == ("test14",)
    assert {"test9", "test10"} <= set(F.TRAINING_SPLITS)  # round 14: each scored once with its rules frozen
    assert {"test11", "dev4"} <= set(F.TRAINING_SPLITS)  # round 15: each scored twice with its rules frozen
    assert "test12" in F.TRAINING_SPLITS  # round 16: scored twice with its rules frozen
    assert "test13" in F.TRAINING_SPLITS  # round 17: scored twice with its rules frozen
    assert not set(F.HELD_OUT_SPLITS) & set(F.TRAINING_SPLITS)


def write_pages(folder: Path) -> None:
    """Six small pages of a training split, one of a held-out split, and a held-out gold file that is not JSON."""
    folder.mkdir()
    (folder / "dev").mkdir()
    (folder / "test14").mkdir()
    entries = []
    furniture = ["Share this article", "Subscriber exclusive", "Read more on Kyiv Morning Star", "Most viewed"]
    for number in range(6):
        lines = [f"Talks on grain corridor resume in round {number + 1}", LEAD, furniture[number % 4], LAST]
        name = f"dev/p{number}.txt"
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        statements = [lines[0], LEAD, LAST]
        entries.append({"page": f"p{number}", "split": "dev", "file": name, "statements": statements})
    (folder / "test14" / "h.txt").write_text("Never read\n", encoding="utf-8")
    entries.append({"page": "h", "split": "test14", "file": "test14/h.txt", "statements": ["Never read"]})
    (folder / "gold.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    (folder / "gold_test14.jsonl").write_text("{not json: a held-out split is never opened\n", encoding="utf-8")


NEUTRAL = {"stance": "neutral", "framing": "neutral_report", "speaker": "author"}


def test_fitting_is_deterministic_and_reads_no_held_out_page(tmp_path):
    pytest.importorskip("sklearn")
    pages, labels = tmp_path / "pages", tmp_path / "labels"
    write_pages(pages)
    labels.mkdir()
    (labels / "train.jsonl").write_text(
        "".join(
            json.dumps({"id": f"s{i}", "article": f"a{i % 2}", "text": s, **NEUTRAL}) + "\n"
            for i, s in enumerate(LOOK_ALIKES)
        ),
        encoding="utf-8",
    )
    assert [entry["page"] for entry, _ in F.gold_training_pages(pages)] == [f"p{n}" for n in range(6)]
    with F.using_filter(None):
        first = F.fit_filter(pages, labels, ROOT / "corpus")
        second = F.fit_filter(pages, labels, ROOT / "corpus")
    assert F.filter_bytes(first) == F.filter_bytes(second)
    assert first.info["pages"] == 6


def test_labels_of_a_held_out_page_never_reach_the_filter_as_clean_text(tmp_path):
    # A held-out split's pages may be labelled for the model (labels/pages.jsonl); their lines must not
    # become the filter's "statement" rows, or the held-out score would be flattered.
    pages, labels = tmp_path / "pages", tmp_path / "labels"
    write_pages(pages)
    labels.mkdir()
    records = [
        {"id": "page-p0-s01", "article": "page-p0", "text": "Talks on grain corridor resume", **NEUTRAL},
        {"id": "page-h-s01", "article": "page-h", "text": "Never read", **NEUTRAL},
        {"id": "w-1", "article": "written-x", "text": "Envoys meet again in Geneva", **NEUTRAL},
    ]
    (labels / "pages.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    rows, statements = F.training_rows(pages, labels, ROOT / "corpus")
    groups = {row.group for row in rows}
    assert "labels:pages:page-p0" in groups and "labels:pages:written-x" in groups
    assert not any("page-h" in group for group in groups)
    assert statements == 18


def test_a_broken_gold_record_or_no_training_page_gives_the_file_and_line(tmp_path):
    pages = tmp_path / "pages"
    write_pages(pages)
    gold = pages / "gold.jsonl"
    lines = gold.read_text(encoding="utf-8").splitlines()
    lines[2] = json.dumps({"page": "p2", "split": "dev", "file": "p2.txt"})  # no statements
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"gold\.jsonl:3: not a gold page record \(KeyError: 'statements'\)"):
        list(F.gold_training_pages(pages))
    gold.unlink()
    with pytest.raises(DataFileError, match="no gold page of the training splits"):
        list(F.gold_training_pages(pages))
