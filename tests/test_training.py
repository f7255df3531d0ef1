"""Training pieces: grouped folds, the temperature-scaled heads, the classifier as a parameter, a project read once."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import ARTICLES, statements_of, write_jsonl
from sklearn.linear_model import LogisticRegression, RidgeClassifier
from sklearn.svm import LinearSVC
from sklearn.tree import DecisionTreeClassifier

import stanceclf.labels
from stanceclf import FRAMINGS, STANCES, DataFileError, InputTypeError, load_model
from stanceclf.calibration import ArticleFolds, TemperatureScaled
from stanceclf.evaluate import cross_validate
from stanceclf.labels import HEADS, Project
from stanceclf.model import fit_bundle
from stanceclf.predict import Model
from stanceclf.training import train_project

PAGE = (
    "Kremlin: talks possible 'only on our terms'\n"
    "By Staff Writer | 14 March, 09:12\n"
    "Share on X  Share on Telegram\n\n"
    "MOSCOW, March 14 - Moscow is ready for talks with Kyiv, the Kremlin spokesman told reporters on\n"
    "Thursday, but only once the new borders are recognised.\n\n"
    "\u201cThe regime in Kyiv has no legitimacy and we will not sit down with it,\u201d the envoy said.\n\n"
    "Missiles struck a power station near Kharkiv overnight, the regional governor said.\n"
    "Related: Grain exports fall for a third month"
)


def test_article_folds_never_put_an_article_on_both_sides_and_always_train_on_written_examples():
    groups = ["b", "a", None, "c", "a", "d", None, "b"]
    folds = list(ArticleFolds(3).split(groups, groups=groups))
    assert len(folds) == 3
    held = []
    for train, test in folds:
        assert not {groups[i] for i in train} & {groups[i] for i in test}
        assert {2, 6} <= set(train) and not {2, 6} & set(test)
        held += list(test)
    assert sorted(held) == [0, 1, 3, 4, 5, 7]  # every article held out exactly once
    one_each = list(ArticleFolds().split(groups, groups=groups))
    assert [sorted({groups[i] for i in test}) for _, test in one_each] == [["a"], ["b"], ["c"], ["d"]]


def test_calibration_leaves_the_classifier_weights_as_fitted(tiny_bundle):
    """The temperature and the default-label offset live in the wrapper, not in coef_/intercept_."""
    texts = [s.text for a in ARTICLES for s in statements_of(a)]
    features = tiny_bundle.pipeline[:-1].transform(texts)
    for head, scaled in zip(tiny_bundle.heads, tiny_bundle.pipeline.named_steps["heads"].estimators_):
        assert isinstance(scaled, TemperatureScaled)
        assert scaled.temperature_ == tiny_bundle.card.temperatures[head]
        raw = scaled.classifier_.decision_function(features)
        expected = raw / scaled.temperature_
        if scaled.default_offset_:
            expected[:, list(scaled.classes_).index(scaled.default_label)] += scaled.default_offset_
        np.testing.assert_allclose(scaled.decision_function(features), expected, rtol=1e-6, atol=1e-6)
        probabilities = scaled.predict_proba(features)
        np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-6)
        assert list(scaled.predict(features)) == list(scaled.classes_[probabilities.argmax(axis=1)])
    offsets = tiny_bundle.card.default_label_offsets
    assert set(offsets) == {"stance", "framing"}


def _check_classifies(model: Model) -> None:
    predictions = model.classify(PAGE)
    assert len(predictions) >= 3
    for prediction in predictions:
        assert prediction.stance in STANCES and prediction.framing in FRAMINGS
        for head in HEADS:
            scores = getattr(prediction, f"{head}_scores")
            assert set(scores) == set(HEADS[head]) and abs(sum(scores.values()) - 1) < 1e-5


@pytest.mark.parametrize("classifier", [LinearSVC(C=0.5), RidgeClassifier(alpha=2.0)], ids=["svc", "ridge"])
def test_another_linear_classifier_through_the_public_parameter(mini_project, tmp_path, classifier):
    result = train_project(mini_project, tmp_path / "model", classifier=classifier)
    card = result.bundle.card
    assert card.classifier == repr(classifier)
    estimators = result.bundle.pipeline.named_steps["heads"].estimators_
    assert all(isinstance(e.classifier_, type(classifier)) for e in estimators)
    fitted, loaded = Model.from_bundle(result.bundle), load_model(tmp_path / "model")
    _check_classifies(loaded)
    texts = [s.text for a in ARTICLES for s in statements_of(a)] + [PAGE]
    ours, theirs = fitted.predict_proba(texts), loaded.predict_proba(texts)
    for head in HEADS:
        np.testing.assert_array_equal(ours[head], theirs[head])
    assert load_model(tmp_path / "model").card.classifier == repr(classifier)
    assert "Classifier per head: " + repr(classifier) in (tmp_path / "model" / "card.md").read_text()


def test_the_default_classifier_is_the_logistic_regression_of_the_hyper_parameters(tiny_bundle):
    for scaled in tiny_bundle.pipeline.named_steps["heads"].estimators_:
        assert isinstance(scaled.classifier_, LogisticRegression) and scaled.classifier_.C == 4.0
    assert tiny_bundle.card.classifier is None  # read as "LogisticRegression" by old and new readers alike


def test_a_classifier_without_decision_function_is_refused():
    statements = [s for a in ARTICLES for s in statements_of(a)]
    with pytest.raises(InputTypeError, match="DecisionTreeClassifier has no decision_function"):
        fit_bundle(statements, classifier=DecisionTreeClassifier(), calibrate=False)


def test_cross_validation_result_formats_itself():
    statements = [s for a in ARTICLES for s in statements_of(a)]
    cv = cross_validate(statements, calibrate=False)
    assert [fold["article"] for fold in cv.folds] == sorted(ARTICLES)
    record = json.loads(json.dumps(cv.to_json()))
    assert set(record["pooled"]) == set(HEADS) and len(record["folds"]) == 3
    text = cv.to_text(title="CV")
    assert text.startswith("CV\n") and all(article in text for article in ARTICLES)
    assert "support<->oppose flips" in text


def test_project_load_reads_each_file_once_for_a_whole_training_run(mini_project, tmp_path, monkeypatch):
    read = []
    real = stanceclf.labels.parse_jsonl
    monkeypatch.setattr(stanceclf.labels, "parse_jsonl", lambda path: read.append(path) or real(path))
    train_project(mini_project, tmp_path / "model")
    assert sorted(p.name for p in read) == ["heldout.jsonl", "train.jsonl", "written.jsonl"]


def test_project_load_refuses_a_broken_project_with_file_and_line(mini_project):
    rows = [json.loads(line) for line in (mini_project / "labels" / "train.jsonl").read_text().splitlines()]
    rows[1]["stance"] = "maybe"
    write_jsonl(mini_project / "labels" / "train.jsonl", rows)
    with pytest.raises(DataFileError, match=r"train.jsonl:2: stance 'maybe' is not a codebook label"):
        Project.load(mini_project)
    checked = Project.check(mini_project)
    assert not checked.report.ok and len(checked.train) == 6 and checked.heldout == statements_of("gamma")
    assert set(checked.article_texts()) == set(ARTICLES)


def test_evaluation_report_formats_itself_as_text_and_json(tiny_model):
    from stanceclf.evaluate import evaluate

    report = evaluate(tiny_model, statements_of("gamma") + statements_of("beta"))
    record = json.loads(json.dumps(report.to_json()))
    assert record["statements"] == 6 and set(record["model"]) == set(HEADS)
    assert record["model"]["stance"]["confusion"]["labels"] == list(STANCES)
    assert set(record["diagnostics"]) >= {"flips", "flip_rate", "selective"}
    text = report.to_text(title="Held-out evaluation of a test model")
    assert text.startswith("Held-out evaluation of a test model: 6 statements")
    assert "stance: confusion (rows gold, columns predicted)" in text and "Diagnostics" in text
