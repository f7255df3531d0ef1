"""The unsure thresholds: Wilson's lower bound, the rule that reads them, and the statements it reads them from."""

from __future__ import annotations

import numpy as np
import pytest

import stanceclf.model
from stanceclf.calibration import SURE_ACCURACY, SURE_LEVEL, sure_threshold, wilson_lower
from stanceclf.labels import LabeledStatement
from tests.conftest import ARTICLES, statements_of


def test_wilson_lower_bound_is_below_the_observed_share_and_tightens_with_more_trials():
    assert wilson_lower(0, 0) == 0.0
    small, large = wilson_lower(9, 10), wilson_lower(900, 1000)
    assert small < large < 0.9
    assert large == pytest.approx(0.8877, abs=1e-3)  # 0.9 - z(0.9) * sqrt(0.09 / 1000), nearly
    assert wilson_lower(0, 5) == pytest.approx(0.0, abs=1e-12)
    assert 0.0 < wilson_lower(1, 5) < 0.2
    assert wilson_lower(10, 10) < 1.0  # ten right of ten is not proof of a perfect rate


def test_wilson_lower_bound_at_a_higher_level_is_lower():
    assert wilson_lower(40, 50, level=0.99) < wilson_lower(40, 50, level=SURE_LEVEL) < wilson_lower(40, 50, level=0.5)
    assert wilson_lower(40, 50, level=0.5) == pytest.approx(0.8)


def test_a_threshold_whose_sure_predictions_only_just_reach_the_target_does_not_qualify():
    # 0.8 of 20 right above 0.7, all right above 0.9: the old rule's pick (0.7) is a noisy best estimate.
    confidence = np.array([0.75] * 20 + [0.95] * 30)
    correct = np.array([True] * 12 + [False] * 8 + [True] * 30)
    assert (correct[confidence >= 0.7].mean()) >= SURE_ACCURACY
    assert sure_threshold(confidence, correct) == pytest.approx(0.8)


def test_many_right_predictions_make_a_low_threshold_qualify():
    confidence = np.linspace(0.3, 0.99, 400)
    correct = np.ones(400, dtype=bool)
    correct[::10] = False  # 90% right everywhere
    assert sure_threshold(confidence, correct) == pytest.approx(0.3)


def test_without_any_qualifying_threshold_the_highest_is_returned():
    confidence = np.array([0.4, 0.6, 0.97, 0.99])
    correct = np.array([False, True, True, False])
    assert sure_threshold(confidence, correct) == pytest.approx(0.95)
    assert sure_threshold(np.array([]), np.array([], dtype=bool)) == pytest.approx(0.95)


def test_thresholds_are_read_from_article_statements_only_never_from_written_examples(monkeypatch):
    read = []
    real = stanceclf.model.sure_threshold
    monkeypatch.setattr(stanceclf.model, "sure_threshold", lambda c, ok: read.append(len(c)) or real(c, ok))
    articles = [s for a in ARTICLES for s in statements_of(a)]
    stanceclf.model.fit_bundle(articles, always_train=_harbour_news(pieces=1, per_piece=30))
    assert read and all(0 < n <= len(articles) for n in read)


def test_calibration_holds_out_written_pieces_too_so_the_prior_sees_off_topic_news(monkeypatch):
    fitted_on = []
    real = stanceclf.model._calibrate_head
    monkeypatch.setattr(
        stanceclf.model, "_calibrate_head", lambda head, d, g: fitted_on.append(len(g)) or real(head, d, g)
    )
    articles = [s for a in ARTICLES for s in statements_of(a)]
    written = _harbour_news(pieces=4, per_piece=1)
    stanceclf.model.fit_bundle(articles, always_train=written)
    # Every statement is predicted out of fold once: the articles' and the written pieces'.
    assert fitted_on and set(fitted_on) == {len(articles) + len(written)}


def test_too_few_real_articles_leave_the_model_uncalibrated_whatever_the_written_pieces():
    two_articles = [s for a in ("alpha", "beta") for s in statements_of(a)]
    written = [
        LabeledStatement(
            f"written-few-p{p:02d}-s01", f"written-few-p{p:02d}", text, "neutral", "neutral_report", "author"
        )
        for p, text in enumerate(("Rain is due on Monday.", "The museum reopens in May.", "Bus fares rise."), start=1)
    ]
    bundle = stanceclf.model.fit_bundle(two_articles, always_train=written)
    assert set(bundle.card.temperatures.values()) == {1.0}


def _harbour_news(pieces: int, per_piece: int) -> list[LabeledStatement]:
    """Written off-topic examples: ``pieces`` pieces of ``per_piece`` neutral statements each."""
    return [
        LabeledStatement(
            f"written-cal-p{piece:02d}-s{i:02d}",
            f"written-cal-p{piece:02d}",
            f"Ferry sailings from the northern harbour resume on day {i} of week {piece} once the storm has passed.",
            "neutral",
            "neutral_report",
            "author",
        )
        for piece in range(1, pieces + 1)
        for i in range(1, per_piece + 1)
    ]


def test_a_calibration_given_is_used_as_it_is_and_none_is_fitted(monkeypatch):
    # benchmarks/page_cv.py --fixed-calibration compares variants with the calibration held at a card's.
    monkeypatch.setattr(stanceclf.model, "_calibrate", lambda *a: pytest.fail("a given calibration was refitted"))
    given = stanceclf.model.Calibration({"stance": 0.85, "framing": 1.3}, {"framing": 0.5}, {"stance": 0.55})
    bundle = stanceclf.model.fit_bundle([s for a in ARTICLES for s in statements_of(a)], calibrate=given)
    assert bundle.card.temperatures == {"stance": 0.85, "framing": 1.3, "speaker": 1.0}
    assert bundle.card.default_label_offsets == {"stance": 0.0, "framing": 0.5}
    assert bundle.card.unsure_below["stance"] == 0.55
    framing = bundle.pipeline.named_steps["heads"].estimators_[1]
    assert (framing.temperature_, framing.default_offset_) == (1.3, 0.5)
