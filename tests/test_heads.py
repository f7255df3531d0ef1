"""Heads are data: a head added to the codebook's table reaches predictions and every output without code edits."""

from __future__ import annotations

import csv
import io
import json

import numpy as np
import pytest

from stanceclf import load_model
from stanceclf.codebook import HEADS
from stanceclf.formats import FORMATS, ProfileWriter, write_predictions
from stanceclf.predict import Model
from stanceclf.report import render_report
from stanceclf.scoring import Scorer
from stanceclf.summary import profile

PAGE = (
    "Envoys trade warnings as Geneva round ends without a date\n"
    "By Marta Lindqvist, diplomatic correspondent | Updated 14:05 GMT\n"
    "Share  Tweet  Email\n\n"
    "GENEVA (Reuters) - Russia's deputy foreign minister said on Friday that Moscow\n"
    "remained open to a ceasefire \u201conly if Kyiv stops shelling our cities\u201d, while\n"
    "a Ukrainian delegate called the offer a stalling tactic.\n\n"
    "\u201cWe came here in good faith and we are leaving with nothing,\u201d the delegate told\n"
    "reporters outside the Palais des Nations.\u00a0Swiss officials said a further\n"
    "meeting was possible before the end of the month.\n\n"
    "Photo: delegates leave the talks venue. (AP)\n"
    "Related: Flooding closes border crossings in the north"
)

TONES = ("calm", "heated", "urgent")


@pytest.fixture
def four_heads(monkeypatch) -> Model:
    return with_tone(monkeypatch)


def with_tone(monkeypatch) -> Model:
    """The shipped model with a fourth head, ``tone``, in the codebook's table and in the weights."""
    shipped = load_model()
    monkeypatch.setitem(HEADS, "tone", TONES)
    scorer = shipped.scorer
    rng = np.random.default_rng(11)
    return Model(
        Scorer(
            words=scorer.words,
            cues=scorer.cues,
            cue_weight=scorer.cue_weight,
            heads=(*scorer.heads, "tone"),
            labels={**scorer.labels, "tone": TONES},
            coef=np.hstack([scorer.coef, rng.normal(0, 2, (scorer.n_features, len(TONES)))]),
            intercept=np.concatenate([scorer.intercept, np.zeros(len(TONES))]),
        ),
        shipped.card,
    )


def test_a_fourth_head_reaches_every_prediction(monkeypatch):
    three_heads = load_model().classify(PAGE)
    four = with_tone(monkeypatch)
    predictions = four.classify(PAGE)
    assert predictions and four.heads[-1] == "tone"
    for p in predictions:
        assert tuple(p.labels) == tuple(p.scores) == tuple(HEADS)
        assert p.labels["tone"] in TONES and tuple(p.scores["tone"]) == TONES
        assert p.labels["tone"] == max(p.scores["tone"], key=p.scores["tone"].get)
        assert sum(p.scores["tone"].values()) == pytest.approx(1.0)
        assert set(p.evidence) == set(HEADS)
    # The other heads score as without it.
    assert [p.labels for p in three_heads] == [
        {head: label for head, label in p.labels.items() if head != "tone"} for p in predictions
    ]


def test_a_fourth_head_gets_its_columns_in_every_output(four_heads):
    predictions = four_heads.classify(PAGE)
    meta = {"outlet": "Wire", "date": "2025-02-14"}
    out = io.StringIO()
    write_predictions([("geneva.txt", predictions, meta)], out, fmt="csv", metadata_fields=["outlet"])
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0])[:7] == ["file", "outlet", "statement", "stance", "framing", "speaker", "tone"]
    assert [row["tone"] for row in rows] == [p.labels["tone"] for p in predictions]
    out = io.StringIO()
    write_predictions([("geneva.txt", predictions, meta)], out, fmt="jsonl")
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["tone"], r["tone_scores"]) for r in records] == [
        (p.labels["tone"], p.scores["tone"]) for p in predictions
    ]
    out = io.StringIO()
    write_predictions([("geneva.txt", predictions, meta)], out, fmt="table")
    assert out.getvalue().splitlines()[0].split()[:5] == ["#", "stance", "framing", "speaker", "tone"]
    item = profile("geneva.txt", predictions)
    assert sum(item.counts("tone").values()) == len(predictions)
    out = io.StringIO()
    ProfileWriter(out, "csv").write(item)
    assert [f"tone:{tone}" for tone in TONES] == [c for c in out.getvalue().splitlines()[0].split(",") if "tone" in c]
    page = render_report([("geneva.txt", predictions, PAGE, meta)])
    assert 'id="f-tone"' in page and f'data-tone="{predictions[0].labels["tone"]}"' in page


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_what_the_same_writer_class_writes_row_by_row(fmt):
    model = load_model()
    first, second = model.classify(PAGE), model.classify("Kyiv refused the talks.")
    together, apart = io.StringIO(), io.StringIO()
    write_predictions([("a", first), ("b", second, {"outlet": "Herald"})], together, fmt=fmt)
    from stanceclf.formats import PredictionWriter

    writer = PredictionWriter(apart, fmt)
    writer.write("a", first)
    writer.write("b", second, {"outlet": "Herald"})
    assert together.getvalue() == apart.getvalue() and together.getvalue().count("\n") >= len(first) + len(second)


def test_an_unknown_format_is_named():
    from stanceclf import InvalidInputError

    with pytest.raises(InvalidInputError, match=r"fmt must be one of table, jsonl, csv, got 'xml'"):
        write_predictions([], io.StringIO(), fmt="xml")


def test_a_fourth_head_is_read_from_a_label_file_counted_and_given_a_baseline(monkeypatch, tmp_path):
    """Label files, label counts and the keyword baseline follow the heads table, as training does."""
    from stanceclf import labels
    from stanceclf.evaluate import keyword_baseline

    monkeypatch.setitem(HEADS, "tone", TONES)
    monkeypatch.setattr(labels, "FIELDS", (*labels.FIELDS, "tone"))  # the file format, fixed at import
    path = tmp_path / "train.jsonl"
    records = [
        {"id": "g-s01", "article": "g", "text": "Moscow remained open to a ceasefire.", "stance": "conditional",
         "framing": "goodwill", "speaker": "russia_official", "tone": "calm"},
        {"id": "g-s02", "article": "g", "text": "The delegate called the offer a stalling tactic.", "stance": "oppose",
         "framing": "blame", "speaker": "ukraine_official", "tone": "heated"},
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    statements = labels.read_labels(path)
    assert [s.labels["tone"] for s in statements] == ["calm", "heated"]
    assert [s.to_record() for s in statements] == records
    assert labels.label_counts(statements)["tone"] == {"calm": 1, "heated": 1, "urgent": 0}
    records[1]["tone"] = "furious"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    _, problems = labels.check_labels(path)
    assert problems == [f"{path}:2: tone 'furious' is not a codebook label; expected one of calm, heated, urgent"]
    baseline = keyword_baseline([r["text"] for r in records])
    assert set(baseline) == set(HEADS) and baseline["tone"] == ["urgent", "urgent"]  # no rule, no default: the last
