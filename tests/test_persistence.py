"""Saving and loading models: round trip, integrity, versions, atomic writes, determinism."""

from __future__ import annotations

import hashlib
import json

import joblib
import pytest
from conftest import ARTICLES, REPO, statements_of

from stanceclf import ModelFileError, load_model
from stanceclf.labels import read_labels
from stanceclf.model import CARD_FILE, CARD_MD_FILE, MODEL_FILE, fit_bundle, save_bundle
from stanceclf.predict import Model
from stanceclf.training import train_project

PROBES = ["Moscow is ready for talks.", "Kyiv rejected the ultimatum.", "The regime lies.", "Missiles struck."]


@pytest.fixture
def saved(tmp_path, tiny_model):
    folder = tmp_path / "model"
    save_bundle(tiny_model._bundle, folder)
    return folder


def test_round_trip_gives_identical_predictions(saved, tiny_model):
    loaded = load_model(saved)
    assert loaded.classify_statements(PROBES) == tiny_model.classify_statements(PROBES)
    assert sorted(p.name for p in saved.iterdir() if not p.name.startswith(".")) == sorted(
        [MODEL_FILE, CARD_FILE, CARD_MD_FILE]
    )


def test_card_records_what_the_issue_asks(saved):
    card = json.loads((saved / CARD_FILE).read_text())
    for key in (
        "format_version",
        "stanceclf_version",
        "sklearn_version",
        "numpy_version",
        "codebook_version",
        "labels",
        "hyper_parameters",
        "training",
        "model_sha256",
    ):
        assert key in card, key
    assert card["labels"]["stance"] == ["support", "conditional", "oppose", "neutral"]
    assert card["model_sha256"] == hashlib.sha256((saved / MODEL_FILE).read_bytes()).hexdigest()
    assert len(card["training"]["labels_sha256"]) == 64
    assert "only" in (saved / CARD_MD_FILE).read_text() and "trust" in (saved / CARD_MD_FILE).read_text()


def test_tampered_model_file_is_refused_before_unpickling(saved, monkeypatch):
    data = bytearray((saved / MODEL_FILE).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (saved / MODEL_FILE).write_bytes(bytes(data))
    monkeypatch.setattr(joblib, "load", lambda *a, **k: pytest.fail("joblib.load ran on a tampered file"))
    with pytest.raises(
        ModelFileError, match=r"model.joblib: SHA-256 .* does not match the card's .*refusing to load it"
    ):
        load_model(saved)


def test_truncated_model_file_is_refused(saved):
    data = (saved / MODEL_FILE).read_bytes()
    (saved / MODEL_FILE).write_bytes(data[: len(data) // 3])
    with pytest.raises(ModelFileError, match="does not match the card"):
        load_model(saved)


def test_unknown_format_version_is_a_clear_error(saved):
    card = json.loads((saved / CARD_FILE).read_text())
    card["format_version"] = 99
    (saved / CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(ModelFileError, match="unknown model format version 99; this stanceclf reads version 2"):
        load_model(saved)


def test_other_sklearn_version_warns(saved):
    card = json.loads((saved / CARD_FILE).read_text())
    card["sklearn_version"] = "0.0.1"
    (saved / CARD_FILE).write_text(json.dumps(card))
    with pytest.warns(UserWarning, match="model saved with scikit-learn 0.0.1, running"):
        load_model(saved)


def test_a_file_that_is_not_a_model_is_refused(saved):
    joblib.dump({"not": "a pipeline"}, saved / MODEL_FILE)
    card = json.loads((saved / CARD_FILE).read_text())
    card["model_sha256"] = hashlib.sha256((saved / MODEL_FILE).read_bytes()).hexdigest()
    (saved / CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(ModelFileError, match="does not hold a stanceclf pipeline"):
        load_model(saved)


def test_garbage_bytes_with_matching_hash_are_refused(saved):
    (saved / MODEL_FILE).write_bytes(b"this is not a joblib file")
    card = json.loads((saved / CARD_FILE).read_text())
    card["model_sha256"] = hashlib.sha256(b"this is not a joblib file").hexdigest()
    (saved / CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(ModelFileError, match="not a loadable model"):
        load_model(saved)


@pytest.mark.parametrize("missing, message", [(CARD_FILE, "no model card"), (MODEL_FILE, "model file is missing")])
def test_missing_files(saved, missing, message):
    (saved / missing).unlink()
    with pytest.raises(ModelFileError, match=message):
        load_model(saved)


def test_not_a_model_folder(tmp_path):
    with pytest.raises(ModelFileError, match="no model card; is .* a stanceclf model folder"):
        load_model(tmp_path)


def test_failed_save_leaves_the_previous_model_intact(saved, tiny_model, monkeypatch):
    before = {name: (saved / name).read_bytes() for name in (MODEL_FILE, CARD_FILE, CARD_MD_FILE)}

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed half-way")

    other = fit_bundle(statements_of("alpha") + statements_of("beta"))
    monkeypatch.setattr(joblib, "dump", crash)
    with pytest.raises(KeyboardInterrupt):
        save_bundle(other, saved)
    assert {name: (saved / name).read_bytes() for name in before} == before
    assert load_model(saved).classify_statements(PROBES) == tiny_model.classify_statements(PROBES)
    assert not [p for p in saved.iterdir() if p.name not in before and p.name != ".lock"]


def test_crash_between_model_and_card_is_refused_not_mixed(saved, monkeypatch):
    from stanceclf import model as model_module

    real = model_module.atomic_write_bytes
    calls = []

    def second_write_fails(path, data):
        calls.append(path)
        if len(calls) == 2:
            raise OSError("power cut")
        real(path, data)

    monkeypatch.setattr(model_module, "atomic_write_bytes", second_write_fails)
    with pytest.raises(OSError):
        save_bundle(fit_bundle(statements_of("alpha") + statements_of("beta")), saved)
    with pytest.raises(ModelFileError, match="does not match the card"):
        load_model(saved)


def assert_training_is_deterministic(root, tmp_path):
    first = train_project(root, tmp_path / "a")
    second = train_project(root, tmp_path / "b")
    assert (tmp_path / "a" / MODEL_FILE).read_bytes() == (tmp_path / "b" / MODEL_FILE).read_bytes()
    texts = [s.text for s in read_labels(root / "labels" / "heldout.jsonl")]
    assert Model(first.bundle).classify_statements(texts) == Model(second.bundle).classify_statements(texts)


def test_training_is_deterministic(mini_project, tmp_path):
    assert_training_is_deterministic(mini_project, tmp_path)


@pytest.mark.slow
def test_training_on_the_real_corpus_is_deterministic(repo_copy, tmp_path):
    assert_training_is_deterministic(repo_copy, tmp_path)


def test_statement_order_does_not_change_the_model():
    statements = [s for a in ARTICLES for s in statements_of(a)]
    forward = Model(fit_bundle(statements)).classify_statements(PROBES)
    backward = Model(fit_bundle(list(reversed(statements)))).classify_statements(PROBES)
    assert forward == backward


def test_train_project_card_keeps_heldout_figures_of_the_split_model(mini_project, tmp_path):
    result = train_project(mini_project, tmp_path / "all", use_all=True)
    card = result.bundle.card
    heldout_articles = {s.article for s in read_labels(mini_project / "labels" / "heldout.jsonl")}
    assert heldout_articles <= set(card["training"]["articles"])
    assert "refitted on all labels" in card["evaluation"]["note"]
    split = train_project(mini_project, tmp_path / "split")
    assert not heldout_articles & set(split.bundle.card["training"]["articles"])
    assert card["evaluation"]["macro_f1"] == split.bundle.card["evaluation"]["macro_f1"]


def test_shipped_model_card_matches_its_file_and_the_labels():
    from importlib import resources

    folder = resources.files("stanceclf") / "models"
    card = json.loads((folder / CARD_FILE).read_text())
    assert card["model_sha256"] == hashlib.sha256((folder / MODEL_FILE).read_bytes()).hexdigest()
    from stanceclf.model import labels_hash

    everything = [s for name in ("train", "heldout", "written") for s in read_labels(REPO / "labels" / f"{name}.jsonl")]
    assert card["training"]["labels_sha256"] == labels_hash(everything), "labels changed: run `python train.py --all`"
