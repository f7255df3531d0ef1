"""The public API: classify, classify_statements, load_model, Prediction."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys
import threading

import pytest

import stanceclf
from stanceclf import (
    FRAMINGS,
    SPEAKERS,
    STANCES,
    InputTypeError,
    Prediction,
    StanceclfError,
    classify,
    classify_statements,
    load_model,
)

ARTICLE = (
    "Putin says Russia ready for talks\n"
    "Russian President Vladimir Putin said on Thursday he was ready for talks with Ukraine. "
    '"We will talk, but only once their troops have left our land," he said. '
    "Kyiv called the proposal an ultimatum and refused."
)


def test_public_names():
    assert set(stanceclf.__all__) >= {"classify", "classify_statements", "load_model", "Prediction", "StanceclfError"}
    assert isinstance(stanceclf.__version__, str)


def test_import_loads_no_model():
    code = "import stanceclf, stanceclf.predict as p, sys; print(p._DEFAULT_MODEL is None, 'sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "False"]


def test_import_loads_neither_scipy_nor_the_model_code_until_a_name_needs_them():
    code = (
        "import sys, stanceclf; before = [m in sys.modules for m in ('scipy', 'stanceclf.predict')]; "
        "from stanceclf import classify, segment, Document; "
        "print(*before, 'stanceclf.predict' in sys.modules, callable(segment), stanceclf.segment is segment)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "True", "True", "True"]  # the function, not the submodule of that name
    assert set(stanceclf.__all__) <= set(dir(stanceclf))
    with pytest.raises(AttributeError, match="has no attribute 'clasify'"):
        stanceclf.clasify  # noqa: B018


def test_classify_returns_one_prediction_per_statement_in_order():
    predictions = classify(ARTICLE)
    assert [p.text for p in predictions] == [
        "Putin says Russia ready for talks",
        "Russian President Vladimir Putin said on Thursday he was ready for talks with Ukraine.",
        '"We will talk, but only once their troops have left our land," he said.',
        "Kyiv called the proposal an ultimatum and refused.",
    ]
    assert all(isinstance(p, Prediction) for p in predictions)
    assert all(ARTICLE[p.start : p.end] == p.text for p in predictions)


def test_labels_are_codebook_names_and_scores_are_probabilities():
    for p in classify(ARTICLE):
        assert p.stance in STANCES and p.framing in FRAMINGS and p.speaker in SPEAKERS
        for scores, names in ((p.stance_scores, STANCES), (p.framing_scores, FRAMINGS), (p.speaker_scores, SPEAKERS)):
            assert set(scores) == set(names)
            assert math.isclose(sum(scores.values()), 1.0, abs_tol=1e-6)
            assert all(0.0 <= v <= 1.0 for v in scores.values())
        assert p.stance == max(p.stance_scores, key=p.stance_scores.get)
        assert p.framing == max(p.framing_scores, key=p.framing_scores.get)
        thresholds = load_model().card["unsure_below"]
        assert p.unsure == (
            p.stance_scores[p.stance] < thresholds["stance"] or p.framing_scores[p.framing] < thresholds["framing"]
        )


def test_evidence_holds_ngrams_of_the_statement_that_favour_the_chosen_label():
    model = load_model()
    for p in classify(ARTICLE):
        row = model.scorer.score([p.text]).features
        names = model.scorer.feature_names()
        grams = {names[i] for i in row.indices}
        assert set(p.evidence) == {"stance", "framing", "speaker"}
        for head, pairs in p.evidence.items():
            if head == "speaker" and pairs and pairs[0][0].startswith("context: statement"):
                continue  # a speaker read from the article (tests/test_attribution.py)
            assert len(pairs) <= stanceclf.predict.EVIDENCE_SIZE
            assert all(gram in grams and weight > 0 for gram, weight in pairs)
            assert [w for _, w in pairs] == sorted((w for _, w in pairs), reverse=True)


def test_prediction_is_frozen():
    prediction = classify_statements(["Kyiv refused."])[0]
    for name in ("stance", "labels", "scores", "coverage"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(prediction, name, None)


def test_batch_built_predictions_equal_those_built_by_the_constructor():
    # Batches fill Prediction's slots column by column (a fast path); the
    # objects must be indistinguishable from Prediction(**fields).
    predictions = classify_statements(["Kyiv refused.", "Russia is ready for talks, but only on its terms.", ""])
    for p in predictions:
        values = {field.name: getattr(p, field.name) for field in dataclasses.fields(p)}
        rebuilt = stanceclf.Prediction(**values)
        assert rebuilt == p and repr(rebuilt) == repr(p)
        assert type(p) is stanceclf.Prediction


def test_labels_and_scores_are_mappings_by_head_behind_the_named_properties():
    p = classify(ARTICLE)[1]
    assert tuple(p.labels) == tuple(p.scores) == load_model().heads
    # Scores in codebook order, every label present.
    assert tuple(map(tuple, p.scores.values())) == (STANCES, FRAMINGS, SPEAKERS)
    assert (p.stance, p.framing, p.speaker) == (p.labels["stance"], p.labels["framing"], p.labels["speaker"])
    assert (p.stance_scores, p.framing_scores, p.speaker_scores) == tuple(p.scores.values())
    assert p.probability("framing") == p.scores["framing"][p.framing]
    assert p.labels == {head: max(scores, key=scores.get) for head, scores in p.scores.items()}


def test_classify_statements_takes_any_ordered_collection():
    import numpy as np

    inputs = ["Kyiv refused.", "Russia is ready for talks, but only on its terms."]
    expected = classify_statements(inputs)
    assert classify_statements(tuple(inputs)) == expected
    assert classify_statements(text for text in inputs) == expected
    assert [p.stance for p in classify_statements(np.array(inputs))] == [p.stance for p in expected]
    probabilities = load_model().predict_proba(iter(inputs))
    assert probabilities["stance"].shape == (2, len(load_model().labels("stance")))


def test_classify_statements_keeps_one_per_input_without_segmenting():
    inputs = ["Russia is ready for talks. Kyiv refused.", "", "Hashtags"]
    predictions = classify_statements(inputs)
    assert [p.text for p in predictions] == inputs
    assert [(p.start, p.end) for p in predictions] == [(0, len(s)) for s in inputs]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_blank_text_gives_empty_list(text):
    assert classify(text) == []


def test_empty_list_gives_empty_list():
    assert classify_statements([]) == [] and classify_statements(()) == []


def test_same_input_same_output():
    assert classify(ARTICLE) == classify(ARTICLE)
    assert classify_statements(["Kyiv refused."]) == [classify("Kyiv refused.")[0]]


@pytest.mark.parametrize(
    "call, arg, message",
    [
        (
            classify,
            ["a"],
            r"classify\(\) expects a str, got list; to label a list of statements use classify_statements\(\)",
        ),
        (classify, None, r"classify\(\) expects a str, got NoneType"),
        (classify, b"bytes", r"classify\(\) expects a str, got bytes"),
        (
            classify_statements,
            "a",
            r"classify_statements\(\) expects a list of str, got a single str; wrap it in a list",
        ),
        (
            classify_statements,
            None,
            r"classify_statements\(\) expects a list of str \(or another ordered collection\), got NoneType",
        ),
        (classify_statements, ["ok", None], r"expects every item to be a str; item 1 is NoneType"),
        (classify_statements, ["ok", "fine", 3], r"expects every item to be a str; item 2 is int"),
        (classify_statements, {"a"}, r"expects a list of str \(or another ordered collection\), got set"),
        (classify_statements, {"a": 1}, r"expects a list of str \(or another ordered collection\), got dict"),
        (classify_statements, b"Kyiv refused.", r"expects a list of str, got a single bytes"),
    ],
)
def test_wrong_input_types_are_explained(call, arg, message):
    with pytest.raises(InputTypeError, match=message) as info:
        call(arg)
    assert isinstance(info.value, TypeError) and isinstance(info.value, StanceclfError)


def test_load_model_caches_the_shipped_model():
    assert load_model() is load_model()
    assert load_model().heads == ("stance", "framing", "speaker")
    assert load_model().labels("stance") == tuple(sorted(STANCES))


def test_model_objects_offer_the_same_two_methods(tiny_model):
    predictions = tiny_model.classify("Moscow is ready for talks. The regime is a gang of thieves.")
    assert len(predictions) == 2
    assert [p.text for p in tiny_model.classify_statements(["a", "b"])] == ["a", "b"]


def test_threads_sharing_one_model_get_single_thread_results():
    texts = [ARTICLE, "Kyiv refused the ultimatum.", "The dictator lied again.", "Talks resumed in Istanbul."] * 5
    expected = [classify(t) for t in texts]
    results: dict[int, list] = {}

    def work(index: int) -> None:
        results[index] = [classify(t) for t in texts]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(results[i] == expected for i in range(8))


def test_first_use_from_many_threads_loads_once(monkeypatch):
    from stanceclf import modelfile, predict

    monkeypatch.setattr(predict, "_DEFAULT_MODEL", None)
    loads = []
    real = modelfile.read_model
    monkeypatch.setattr(modelfile, "read_model", lambda path, **kw: loads.append(path) or real(path, **kw))
    threads = [threading.Thread(target=load_model) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(loads) == 1


def test_classify_many_is_lazy_ordered_and_matches_classify():
    texts = [ARTICLE, "", "Kyiv refused the talks. Moscow is ready.", "Hashtags"]
    consumed = []

    def source():
        for text in texts:
            consumed.append(text)
            yield text

    results = stanceclf.classify_many(source(), batch_size=1)
    first = next(results)
    assert first == classify(ARTICLE) and len(consumed) == 1  # nothing read ahead of need
    assert [first, *results] == [classify(t) for t in texts]


@pytest.mark.parametrize(
    "arg, kwargs, error, message",
    [
        ("one text", {}, InputTypeError, r"classify_many\(\) expects an iterable of str, got a single str"),
        (5, {}, InputTypeError, r"classify_many\(\) expects an iterable of str, got int"),
        (["ok", 3], {}, InputTypeError, r"classify_many\(\) expects every item to be a str; item 1 is int"),
        (["ok"], {"batch_size": 0}, stanceclf.InvalidInputError, r"batch_size must be a positive int, got 0"),
        (["ok"], {"n_jobs": 0}, stanceclf.InvalidInputError, r"n_jobs must be None or a non-zero int .*, got 0"),
        (["ok"], {"n_jobs": 2.5}, stanceclf.InvalidInputError, r"n_jobs must be None or a non-zero int .*, got 2\.5"),
        (["ok"], {"n_jobs": True}, stanceclf.InvalidInputError, r"n_jobs must be None or a non-zero int .*, got True"),
    ],
)
def test_classify_many_input_errors(arg, kwargs, error, message):
    with pytest.raises(error, match=message):
        list(stanceclf.classify_many(arg, **kwargs))


def test_predictions_pickle_with_their_evidence():
    import pickle

    prediction = classify(ARTICLE)[2]
    copy = pickle.loads(pickle.dumps(prediction))
    assert copy == prediction and dict(copy.evidence) == dict(prediction.evidence)


def _same_results(results, expected) -> None:
    assert results == expected
    for got, want in zip(results, expected):
        assert [dict(p.evidence) for p in got] == [dict(p.evidence) for p in want]


def test_classify_many_in_worker_processes_equals_one_process(tiny_model):
    from conftest import REPO

    from stanceclf.corpus import read_corpus

    texts = [article.text for article in read_corpus(REPO / "corpus").values()] + ["", ARTICLE, "Kyiv refused."]
    for model in (load_model(), tiny_model):
        expected = list(model.classify_many(texts, batch_size=3))
        _same_results(list(model.classify_many(iter(texts), batch_size=3, n_jobs=2)), expected)
        # Statement texts are rebuilt from the caller's texts: still verbatim slices.
        for text, predictions in zip(texts, expected):
            assert all(p.text == text[p.start : p.end] for p in predictions)


def test_models_travel_to_workers_cheaply_and_intact(tiny_model):
    import pickle

    shipped = load_model()
    payload = pickle.dumps(shipped)
    assert len(payload) < 10_000  # a reference, not the 3 MB of arrays
    assert pickle.loads(payload) is shipped
    copy = pickle.loads(pickle.dumps(tiny_model))
    statements = ["Kyiv refused.", "Russia is ready for talks, but only on its terms."]
    assert copy.classify_statements(statements) == tiny_model.classify_statements(statements)
    with pytest.raises(stanceclf.ModelFileError, match="differs from the caller's"):
        stanceclf.predict._shipped_model_with_hash("0" * 64)
