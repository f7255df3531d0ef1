"""The per-call shortcuts of scoring give what the general paths give, to the bit.

A call of a few dozen statements (one article) skips scipy's constructor and
operator for the heads product, remembers each cue token list's row, learns
new runs in the run index's ``__missing__``, and reads every head's
probabilities from one array: each is checked here against the path it
shortcuts.
"""

from __future__ import annotations

import numpy as np
import pytest

from stanceclf import features, load_model, ngrams, segment
from stanceclf.codebook import HEADS

# A wire page as a scraper hands it over: byline, dateline, caption, share buttons, a related list,
# hard-wrapped lines, no-break spaces, a long quote, and war news that is not about talks.
PAGE = """\
By Olena Hrytsenko and Mark Devlin\u00a0| Updated 14:02 GMT
KYIV, March 3 (Wire) - Ukraine's foreign minister said on Monday that Kyiv
would not negotiate "with a gun to its head", a day after Moscow offered
talks in Istanbul on condition that Ukraine drop its bid to join NATO.
"We are ready to talk, but only once Russian troops have left our land. Any
other deal is a ceasefire that lets them rearm," the minister told reporters.
He added that the so-called peace plan was a Kremlin-backed ploy.
Kremlin spokesman Dmitry Peskov said Russia had always been open to dialogue
and blamed the West for dragging out the war.
Photo: Firefighters work at a grain terminal hit by drones near Odesa.
Share on Facebook  Share on X  Copy link
Air-raid alerts sounded across six regions overnight; a power plant in
Kharkiv was damaged and 40,000 homes lost electricity, officials said.
The EU's foreign-policy chief urged both sides to return to the table.
Related: Grain exports fall for a third month | Talks in Geneva end without a deal
"""


@pytest.fixture(scope="module")
def model():
    return load_model()


@pytest.fixture(scope="module")
def statements(model):
    found = [line.strip() for line in PAGE.splitlines() if line.strip()]
    return found + [statement.text for statement in segment(PAGE)]


@pytest.mark.parametrize("size", [3, 25, 64, 300])
def test_the_heads_product_without_scipy_is_scipys(model, statements, monkeypatch, size):
    texts = (statements * 20)[:size]
    direct = model.scorer.score_rows(texts).probabilities
    monkeypatch.setattr(ngrams, "csr_matvecs", None)  # the CSR matrix and scipy's operator
    through_scipy = model.scorer.score_rows(texts).probabilities
    for head in model.heads:
        assert direct[head].dtype == through_scipy[head].dtype
        assert np.array_equal(direct[head], through_scipy[head]), head


def test_remembered_cue_rows_equal_counted_ones(model, statements, monkeypatch):
    normalised = features.normalise_counted(statements)[0]
    cues = model.scorer.cues
    expected = cues.rows_of_tokens(normalised.tokens)
    monkeypatch.setattr(ngrams, "_MEMO_SIZE", 3)  # the memo starts again several times on the way
    for _ in range(3):
        got = cues.rows_of_prefixed(normalised.cue_tokens)
        for mine, theirs in zip(got, expected):
            assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs)
    assert len(cues._counted_rows) <= 3 + len(set(normalised.cue_tokens))
    empty = cues.rows_of_prefixed([])
    assert empty.indptr.tolist() == [0] and len(empty.indices) == len(empty.data) == 0


def test_a_run_index_that_starts_again_normalises_alike(statements, monkeypatch):
    expected = features.normalise_counted(statements)
    monkeypatch.setattr(features._Learnt, "_LIMIT", 5)  # forgets every run again and again
    assert features.normalise_counted(statements) == expected
    assert features.normalise_counted(statements)[0].tokens == expected[0].tokens


def test_only_if_longer_runs_still_find_their_longer_cues_and_names():
    # "the" starts "the west", "on" and "not" start longer cues: their entries settle by one prefix test.
    normalised = features.normalise("Not ready, the West said; talks went on the ground in Kyiv.")
    assert normalised.split()[:4] == ["not", "ready", "westactor", "said"]
    assert "#notready" in normalised.split()
    entry = features._RUN_INDEX[True].look_up(["the"])[0]
    assert type(entry) is features._OnlyIfLonger and any(p.startswith("the west") for p in entry.prefixes)


def test_unsure_is_the_codebook_probability_against_its_threshold(model, statements):
    scores = model._score(statements)
    offsets = {"stance": 0, "framing": len(HEADS["stance"])}
    expected = np.zeros(len(statements), dtype=bool)
    for head, offset in offsets.items():
        winner = scores.probabilities[np.arange(len(statements)), offset + scores.chosen[head]]
        expected |= winner < float(model._unsure_below[head])
    assert scores.unsure.tolist() == expected.tolist()
    predictions = model.classify_statements(statements)
    assert [p.unsure for p in predictions] == expected.tolist()
    for p in predictions:
        assert all(abs(sum(p.scores[head].values()) - 1) < 1e-6 for head in model.heads)


def test_the_codebook_gather_equals_the_column_by_column_fill(model, statements, monkeypatch):
    # A model with every codebook label takes one gather; a model missing one fills column by column.
    texts = (statements * 4)[:70]
    gathered = model.classify_statements(texts)
    assert model._codebook_order is not None
    monkeypatch.setattr(model, "_codebook_order", None)
    filled = model.classify_statements(texts)
    assert [p.scores for p in gathered] == [p.scores for p in filled]
    assert [(p.labels, p.unsure, p.coverage) for p in gathered] == [(p.labels, p.unsure, p.coverage) for p in filled]
