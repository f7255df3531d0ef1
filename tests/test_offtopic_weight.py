"""The stance head's weight of written news about something else (``stance_offtopic_weight``, docs/model.md round 7)."""

from __future__ import annotations

import numpy as np

import stanceclf.model
from stanceclf.labels import LabeledStatement
from tests.conftest import ARTICLES, statements_of


def _written(piece: str, rows: list[tuple[str, str]]) -> list[LabeledStatement]:
    return [
        LabeledStatement(f"written-{piece}-s{i:02d}", f"written-{piece}", text, stance, "neutral_report", "author")
        for i, (text, stance) in enumerate(rows, 1)
    ]


# A council's pay round, in its press officer's and a union's words: no statement takes a stance on the war's talks.
PAY_ROUND = _written(
    "wt-pay",
    [
        ("The council and the cleaners' union reached a deal on Tuesday night after eleven hours of talks.", "neutral"),
        ('"We are ready to sign as soon as members have voted," union organiser Dana Kerr said.', "neutral"),
        ("The agreement raises hourly pay by 6%, backdated to April.", "neutral"),
    ],
)
# A written piece about the talks: one statement takes a stance, so the piece is not news about something else.
TALKS_PIECE = _written(
    "wt-talks",
    [
        ("The delegations met for three hours in a hotel near the port.", "neutral"),
        ("Kyiv said it was ready to resume talks next week without preconditions.", "support"),
    ],
)


def test_the_pieces_where_no_statement_takes_a_stance_are_marked_and_the_real_articles_never_are():
    articles = [s for a in ARTICLES for s in statements_of(a)]
    ordered = sorted([*articles, *PAY_ROUND, *TALKS_PIECE], key=lambda s: s.id)
    real = np.array([s in articles for s in ordered])
    marked = stanceclf.model._offtopic_rows(ordered, real)
    assert {s.id for s, m in zip(ordered, marked) if m} == {s.id for s in PAY_ROUND}


def test_a_real_article_all_of_whose_statements_are_neutral_is_not_marked():
    # A seed article or a page with no stance is news about the war read by a reader, not a written off-topic piece.
    plain = [
        LabeledStatement(f"seed-x-s{i}", "seed-x", text, "neutral", "neutral_report", "author")
        for i, text in enumerate(["Shelling hit a rail depot overnight.", "Two workers were hurt, officials said."])
    ]
    assert not stanceclf.model._offtopic_rows(plain, np.array([True, True])).any()


def _heads(weight: float) -> list:
    articles = [s for a in ARTICLES for s in statements_of(a)]
    bundle = stanceclf.model.fit_bundle(
        articles, always_train=[*PAY_ROUND, *TALKS_PIECE], params={"stance_offtopic_weight": weight}, calibrate=False
    )
    return bundle.pipeline.named_steps["heads"].estimators_


def test_the_weight_moves_the_stance_head_alone():
    plain, weighted = _heads(1.0), _heads(3.0)
    assert not np.allclose(plain[0].coef_, weighted[0].coef_)
    for head in (1, 2):  # framing and speaker: fitted on the same rows with the same weights, to the bit
        assert np.array_equal(plain[head].coef_, weighted[head].coef_)
        assert np.array_equal(plain[head].intercept_, weighted[head].intercept_)
