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
    assert type(entry) is features._OnlyIfLonger and any(p.startswith("the west") for p in entry)


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


def _fields(prediction):
    return (
        prediction.text,
        prediction.start,
        prediction.end,
        prediction.labels,
        prediction.scores,
        dict(prediction.evidence),
        prediction.unsure,
        prediction.coverage,
    )


@pytest.mark.parametrize("size", [0, 1, 2, 21, 64])
def test_a_few_statements_get_the_general_paths_predictions(model, statements, size):
    # No statement at all; one blank statement (no words: coverage 0); statements of the page.
    texts = {0: [], 1: ["\u00a0"]}.get(size, (statements * 4)[:size])
    starts, ends = list(range(len(texts))), [start + len(text) for start, text in zip(range(len(texts)), texts)]
    few = model._predict_few(texts, starts, ends)
    general = model._assemble(texts, starts, ends, model._score(texts))
    assert [_fields(p) for p in few] == [_fields(p) for p in general]
    # The same Python types as the general path's tolist(): outputs serialise them (JSON refuses numpy bools).
    assert all(type(p.unsure) is bool and type(p.coverage) is float for p in few)
    assert all(type(v) is float for p in few for scores in p.scores.values() for v in scores.values())


def test_a_few_statements_whose_evidence_is_never_read_leave_the_blocks_unjoined(model, statements):
    prediction = model.classify_statements(statements[:3])[0]
    rows = prediction.evidence._rows.features
    assert rows._rows is None  # not joined yet
    expected = model.scorer.feature_rows_of_tokens(features.normalise_counted(statements[:3])[0].tokens)
    for got, want in zip((rows.indptr, rows.indices, rows.data), expected):
        assert got.dtype == want.dtype and np.array_equal(got, want)


@pytest.mark.parametrize("matvecs", ["scipy's loop", "the operator"])
def test_two_blocks_multiplied_into_one_output_equal_the_joined_rows_product(model, statements, monkeypatch, matvecs):
    texts = statements + ["Share on Facebook", "", "#deleg #ready_cond ceasefire ceasefire ceasefire"]
    if matvecs == "the operator":
        monkeypatch.setattr(ngrams, "csr_matvecs", None)
    blocks = model.scorer.score_blocks(texts)
    general = model.scorer.score_rows(texts).probabilities
    expected = np.hstack([general[head] for head in model.heads])
    assert blocks.probabilities.dtype == expected.dtype and np.array_equal(blocks.probabilities, expected)


@pytest.mark.parametrize("widths", [(4, 6, 5), (3, 7), (7, 3, 3, 5)])
def test_one_softmax_over_every_head_equals_the_softmax_head_by_head(model, widths):
    rng = np.random.default_rng(sum(widths))
    scale = rng.lognormal(0, 3, size=(500, 1))  # from near-ties to one label far ahead
    decision = (rng.standard_normal((500, sum(widths))) * scale).astype(np.float32)
    labels = {f"h{index}": tuple(f"l{label}" for label in range(width)) for index, width in enumerate(widths)}
    scorer = _scorer_with_heads(model.scorer, labels)
    assert scorer._padded is not None
    together = scorer._padded_softmax(decision).reshape(len(decision), -1)[:, scorer._padded[2]]
    for head, columns in scorer.head_columns().items():
        alone = scorer._softmax(decision[:, columns])
        assert np.array_equal(together[:, columns], alone), head


def test_heads_of_two_or_of_eight_labels_take_the_softmax_head_by_head(model):
    for widths in ((2, 4), (8, 3)):
        labels = {f"h{index}": tuple(f"l{label}" for label in range(width)) for index, width in enumerate(widths)}
        scorer = _scorer_with_heads(model.scorer, labels)
        assert scorer._padded is None
        probabilities = scorer.score_blocks(["Kyiv refused.", "Talks resumed.", ""]).probabilities
        assert probabilities.shape == (3, sum(widths))
        assert np.allclose(probabilities[:, : widths[0]].sum(axis=1), 1, atol=1e-6)


@pytest.mark.parametrize("widths", [(4, 6, 5), (2, 4), (8, 3)])
def test_a_few_statements_winners_are_the_first_largest_probability(model, statements, widths):
    labels = {f"h{index}": tuple(f"l{label}" for label in range(width)) for index, width in enumerate(widths)}
    scorer = _scorer_with_heads(model.scorer, labels)  # every weight 0: every label ties, the first wins
    rng = np.random.default_rng(7)
    for weights in (scorer.coef, rng.standard_normal(scorer.coef.shape).astype(np.float32)):
        scorer = _with_coef(scorer, weights)
        blocks = scorer.score_blocks(statements)
        bounds = np.cumsum([0, *widths])
        for head, (start, end) in enumerate(zip(bounds, bounds[1:])):
            assert blocks.winners[:, head].tolist() == blocks.probabilities[:, start:end].argmax(axis=1).tolist()
            assert np.array_equal(blocks.best[:, head], blocks.probabilities[:, start:end].max(axis=1))
        decision = _decision(scorer, statements)
        head_by_head = [scorer._softmax(decision[:, columns]) for columns in scorer.head_columns().values()]
        assert np.array_equal(blocks.probabilities, np.hstack(head_by_head))


def _with_coef(scorer, coef):
    from dataclasses import replace

    return replace(scorer, coef=np.ascontiguousarray(coef))


def _decision(scorer, statements):
    rows = scorer.score_rows(statements).features
    return ngrams.csr_product(rows.indptr, rows.indices, rows.data, scorer.coef) + scorer.intercept


def _scorer_with_heads(scorer, labels):
    from stanceclf.scoring import Scorer

    n_columns = sum(1 if len(names) == 2 else len(names) for names in labels.values())
    return Scorer(
        words=scorer.words,
        cues=scorer.cues,
        cue_weight=1.0,
        heads=tuple(labels),
        labels=labels,
        coef=np.zeros((scorer.n_features, n_columns), dtype=np.float32),
        intercept=np.zeros(n_columns, dtype=np.float32),
    )
