"""Diagnostics of the evaluation: sure accuracy with one threshold, or one per statement (cross-validation)."""

from __future__ import annotations

import numpy as np
import pytest

from stanceclf.evaluate import cross_validate, diagnose
from stanceclf.predict import UNSURE_BELOW
from tests.conftest import ARTICLES, statements_of


def _diagnosis(thresholds):
    statements = [s for a in ARTICLES for s in statements_of(a)]
    predicted = {"stance": [s.stance for s in statements], "framing": ["neutral_report"] * len(statements)}
    confidence = {
        "stance": np.linspace(0.35, 0.95, len(statements)),
        "framing": np.full(len(statements), 0.9),
    }
    return diagnose(statements, predicted, confidence, thresholds=thresholds)


def test_sure_accuracy_with_one_threshold_per_head():
    sure = _diagnosis({"stance": 0.6, "framing": 0.5}).sure_accuracy
    assert sure["stance"]["threshold"] == [0.6, 0.6]
    assert sure["stance"]["share"] == pytest.approx(5 / 9) and sure["stance"]["accuracy"] == 1.0
    # Two of the nine gold frames are neutral_report.
    assert sure["framing"]["share"] == 1.0 and sure["framing"]["accuracy"] == pytest.approx(2 / 9)


def test_sure_accuracy_with_each_statements_own_threshold_reports_their_range():
    per_statement = np.array([0.3] * 3 + [0.99] * 6)
    diagnosis = _diagnosis({"stance": per_statement, "framing": np.full(9, 0.95)})
    expected = {"threshold": [0.3, 0.99], "share": pytest.approx(1 / 3), "accuracy": 1.0}
    assert diagnosis.sure_accuracy["stance"] == expected
    assert diagnosis.sure_accuracy["framing"]["share"] == 0.0
    assert np.isnan(diagnosis.sure_accuracy["framing"]["accuracy"])
    text = diagnosis.to_text()
    assert "stance sure predictions (p >= 0.30 to 0.99, per fold): 33% of statements" in text


def test_cross_validation_scores_sure_predictions_against_each_fold_models_threshold():
    statements = [s for a in ARTICLES for s in statements_of(a)]
    sure = cross_validate(statements, calibrate=False).diagnostics.sure_accuracy
    assert set(sure) == {"stance", "framing"}
    # Uncalibrated fold models keep the default threshold.
    assert sure["stance"]["threshold"] == [UNSURE_BELOW, UNSURE_BELOW]
    assert 0.0 <= sure["stance"]["share"] <= 1.0
