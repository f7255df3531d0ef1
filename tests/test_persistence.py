"""Saving and loading models: round trip, integrity, versions, atomic writes, determinism."""

from __future__ import annotations

import hashlib
import json
import re
import warnings

import joblib
import numpy as np
import pytest
from conftest import ARTICLES, REPO, statements_of

from stanceclf import ModelFileError, ModelVersionWarning, load_model
from stanceclf.card import ModelCard
from stanceclf.codebook import tables_hash
from stanceclf.labels import Project, read_labels
from stanceclf.model import CARD_FILE, CARD_MD_FILE, MODEL_FILE, fit_bundle, save_bundle
from stanceclf.modelfile import FORMAT_VERSION, LEGACY_MODEL_FILE
from stanceclf.predict import Model
from stanceclf.training import train_project

PROBES = ["Moscow is ready for talks.", "Kyiv rejected the ultimatum.", "The regime lies.", "Missiles struck."]


@pytest.fixture
def saved(tmp_path, tiny_bundle):
    folder = tmp_path / "model"
    save_bundle(tiny_bundle, folder)
    return folder


def test_round_trip_gives_identical_predictions(saved, tiny_model):
    loaded = load_model(saved)
    assert loaded.classify_statements(PROBES) == tiny_model.classify_statements(PROBES)
    assert sorted(p.name for p in saved.iterdir() if not p.name.startswith(".")) == sorted(
        [MODEL_FILE, CARD_FILE, CARD_MD_FILE]
    )


def test_loaded_model_gives_the_fitted_pipelines_probabilities(saved, tiny_bundle):
    texts = [*PROBES, "", "Talks with Kyiv are a trap, the minister said.", "Мир"]
    loaded = load_model(saved).predict_proba(texts)
    for head, estimator in zip(tiny_bundle.heads, tiny_bundle.pipeline.named_steps["heads"].estimators_):
        features = tiny_bundle.pipeline[:-1].transform(texts)
        assert np.array_equal(loaded[head], estimator.predict_proba(features)), head


def test_card_records_what_the_issue_asks(saved):
    card = json.loads((saved / CARD_FILE).read_text())
    for key in (
        "format_version",
        "stanceclf_version",
        "sklearn_version",
        "numpy_version",
        "scipy_version",
        "codebook_version",
        "labels",
        "hyper_parameters",
        "training",
        "model_sha256",
    ):
        assert key in card, key
    assert card["format_version"] == FORMAT_VERSION
    assert card["labels"]["stance"] == ["support", "conditional", "oppose", "neutral"]
    assert card["model_sha256"] == hashlib.sha256((saved / MODEL_FILE).read_bytes()).hexdigest()
    assert len(card["training"]["labels_sha256"]) == 64
    assert "runs no code" in (saved / CARD_MD_FILE).read_text() and "trust" in (saved / CARD_MD_FILE).read_text()


def test_loader_reads_the_card_inside_the_model_file(saved):
    """card.json is a copy for people: editing it changes nothing the loader sees."""
    (saved / CARD_FILE).write_text("not even json")
    assert load_model(saved).card["format_version"] == FORMAT_VERSION


def test_damaged_model_file_is_refused(saved):
    data = bytearray((saved / MODEL_FILE).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (saved / MODEL_FILE).write_bytes(bytes(data))
    with pytest.raises(ModelFileError, match="model.npz: not a readable stanceclf model"):
        load_model(saved)


def test_truncated_model_file_is_refused(saved):
    data = (saved / MODEL_FILE).read_bytes()
    (saved / MODEL_FILE).write_bytes(data[: len(data) // 3])
    with pytest.raises(ModelFileError, match="model.npz: not a readable stanceclf model"):
        load_model(saved)


def _rewrite_member(folder, name, value):
    """Replace one JSON member of a model file, keeping the rest."""
    with np.load(folder / MODEL_FILE, allow_pickle=False) as archive:
        arrays = {key: archive[key] for key in archive.files}
    arrays[name] = np.frombuffer(json.dumps(value).encode(), dtype=np.uint8)
    np.savez(folder / MODEL_FILE, **arrays)


def test_unknown_format_version_is_a_clear_error(saved):
    with np.load(saved / MODEL_FILE, allow_pickle=False) as archive:
        layout = json.loads(archive["layout.json"].tobytes())
    _rewrite_member(saved, "layout.json", {**layout, "format_version": 99})
    with pytest.raises(ModelFileError, match="unknown model format version 99; this stanceclf reads version 3"):
        load_model(saved)


@pytest.mark.parametrize("damage", [{"heads": 3}, {"heads": None}, {"labels": []}, {"words": {}}, {"cue_weight": "x"}])
def test_damaged_layout_is_a_model_file_error(saved, damage):
    with np.load(saved / MODEL_FILE, allow_pickle=False) as archive:
        layout = json.loads(archive["layout.json"].tobytes())
    _rewrite_member(saved, "layout.json", {**layout, **damage})
    with pytest.raises(ModelFileError, match="model.npz: damaged model layout"):
        load_model(saved)


def test_a_pickle_inside_the_model_file_is_never_run(saved, tmp_path):
    """A forged model file holding a pickled object is refused without unpickling it."""
    marker = tmp_path / "ran"
    with np.load(saved / MODEL_FILE, allow_pickle=False) as archive:
        arrays = {key: archive[key] for key in archive.files}
    arrays["coef"] = np.array([_Payload(marker)], dtype=object)
    np.savez(saved / MODEL_FILE, **arrays)
    with pytest.raises(ModelFileError, match="not a readable stanceclf model .*pickle"):
        load_model(saved)
    assert not marker.exists()


class _Payload:
    """Pickles into a call that creates a file: what a hostile model would do."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_joblib_model_folder_needs_trust(saved, tiny_bundle, tmp_path):
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    joblib.dump(tiny_bundle.pipeline, legacy / LEGACY_MODEL_FILE)
    (legacy / CARD_FILE).write_text(json.dumps({**tiny_bundle.card, "format_version": 2}))
    refused = "runs code from the file while it loads; retrain it .* pass trust=True to load_model"
    with pytest.raises(ModelFileError, match=refused):
        load_model(legacy)
    with pytest.warns(ModelVersionWarning, match="loading a joblib model runs code"):
        trusted = load_model(legacy, trust=True)
    assert trusted.classify_statements(PROBES) == load_model(saved).classify_statements(PROBES)


def test_garbage_bytes_are_refused(saved):
    (saved / MODEL_FILE).write_bytes(b"this is not a model file")
    with pytest.raises(ModelFileError, match="not a readable stanceclf model"):
        load_model(saved)


def test_missing_model_file(saved):
    (saved / MODEL_FILE).unlink()
    with pytest.raises(ModelFileError, match="model file is missing; is .* a stanceclf model folder"):
        load_model(saved)


def test_not_a_model_folder(tmp_path):
    with pytest.raises(ModelFileError, match="model file is missing; is .* a stanceclf model folder"):
        load_model(tmp_path)


def test_failed_save_leaves_the_previous_model_intact(saved, tiny_model, monkeypatch):
    from stanceclf import modelfile

    before = {name: (saved / name).read_bytes() for name in (MODEL_FILE, CARD_FILE, CARD_MD_FILE)}

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed half-way")

    other = fit_bundle(statements_of("alpha") + statements_of("beta"))
    monkeypatch.setattr(modelfile, "model_bytes", crash)
    with pytest.raises(KeyboardInterrupt):
        save_bundle(other, saved)
    assert {name: (saved / name).read_bytes() for name in before} == before
    assert load_model(saved).classify_statements(PROBES) == tiny_model.classify_statements(PROBES)
    assert not [p for p in saved.iterdir() if p.name not in before and p.name != ".lock"]


@pytest.mark.parametrize("killed_at_write", [1, 2, 3])
def test_a_save_killed_at_any_write_leaves_a_whole_model(saved, tiny_model, monkeypatch, killed_at_write):
    """Killed before, between or after the renames, the folder loads as the old model or the new one."""
    from stanceclf import modelfile

    real = modelfile.atomic_write_bytes
    calls = []

    def killed(path, data):
        calls.append(path)
        if len(calls) == killed_at_write:
            # What a kill leaves: a temporary file beside the target, never renamed.
            (path.parent / f".{path.name}.killed.tmp").write_bytes(b"partial")
            raise KeyboardInterrupt("killed")
        real(path, data)

    other = fit_bundle(statements_of("alpha") + statements_of("beta"))
    monkeypatch.setattr(modelfile, "atomic_write_bytes", killed)
    with pytest.raises(KeyboardInterrupt):
        save_bundle(other, saved)
    got = load_model(saved).classify_statements(PROBES)
    expected_old = tiny_model.classify_statements(PROBES)
    expected_new = Model.from_bundle(other).classify_statements(PROBES)
    assert got == (expected_old if killed_at_write == 1 else expected_new)
    monkeypatch.undo()
    save_bundle(other, saved)  # the next save cleans up what the killed one left
    assert not list(saved.glob(".*.tmp"))


def assert_training_is_deterministic(root, tmp_path):
    first = train_project(root, tmp_path / "a")
    second = train_project(root, tmp_path / "b")
    assert (tmp_path / "a" / MODEL_FILE).read_bytes() == (tmp_path / "b" / MODEL_FILE).read_bytes()
    texts = [s.text for s in read_labels(root / "labels" / "heldout.jsonl")]
    assert Model.from_bundle(first.bundle).classify_statements(texts) == Model.from_bundle(
        second.bundle
    ).classify_statements(texts)


def test_training_is_deterministic(mini_project, tmp_path):
    assert_training_is_deterministic(mini_project, tmp_path)


@pytest.mark.slow
def test_training_on_the_real_corpus_is_deterministic(repo_copy, tmp_path):
    assert_training_is_deterministic(repo_copy, tmp_path)


def test_statement_order_does_not_change_the_model():
    statements = [s for a in ARTICLES for s in statements_of(a)]
    forward = Model.from_bundle(fit_bundle(statements)).classify_statements(PROBES)
    backward = Model.from_bundle(fit_bundle(list(reversed(statements)))).classify_statements(PROBES)
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

    project = Project.load(REPO)
    everything = project.training + project.heldout + project.written
    assert card["training"]["labels_sha256"] == labels_hash(everything), "labels changed: run `python train.py --all`"


def test_a_changed_normaliser_is_seen_by_training_and_by_classifying_alike(monkeypatch):
    """One normalisation path: patch it, fit, and the model scores exactly as its fitted pipeline."""
    from stanceclf import features

    real = features.normalise_counted

    def without_actor_masks(texts):
        normalised, distinct = real(texts)
        return [text.replace("actor", "actorless") for text in normalised], distinct

    monkeypatch.setattr(features, "normalise_counted", without_actor_masks)
    bundle = fit_bundle([s for a in ARTICLES for s in statements_of(a)], calibrate=False)
    names = bundle.pipeline.named_steps["features"].get_feature_names_out()
    assert any("actorless" in name for name in names)
    texts = [*PROBES, "The regime refused the ultimatum."]
    ours = Model.from_bundle(bundle).predict_proba(texts)
    features_matrix = bundle.pipeline[:-1].transform(texts)
    for head, estimator in zip(bundle.heads, bundle.pipeline.named_steps["heads"].estimators_):
        assert np.array_equal(ours[head], estimator.predict_proba(features_matrix)), head


# --- the typed card: validated when read, a hash of the feature tables, ModelVersionWarning ---------------


def _card_member(folder):
    with np.load(folder / MODEL_FILE, allow_pickle=False) as archive:
        return json.loads(archive["card.json"].tobytes())


def test_card_round_trips_through_json_and_reads_as_a_mapping(saved, tiny_bundle):
    card = load_model(saved).card
    assert isinstance(card, ModelCard)
    assert ModelCard.from_json(card.to_json()) == card
    assert card["unsure_below"] == card.unsure_below and card.get("no such key") is None
    assert card.training.labels_sha256 == tiny_bundle.card.training.labels_sha256
    assert card.feature_tables_sha256 == tables_hash()
    assert (saved / CARD_MD_FILE).read_text() == ModelCard.from_json((saved / CARD_FILE).read_text()).to_markdown()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"heads": None}, "model card has no 'heads'"),
        ({"unsure_below": [0.5, 0.6]}, "model card key 'unsure_below' must be an object of numbers, got a list"),
        ({"temperatures": {"stance": "warm"}}, "model card key 'temperatures' must be an object of numbers"),
        ({"format_version": "3"}, "model card key 'format_version' must be an int, got a string"),
        ({"labels": {"stance": "support"}}, "model card key 'labels' must be an object of lists of str"),
        ({"training": {"statements": 9}}, "model card has no 'labels_sha256'"),
        ({"training": {"statements": True, "labels_sha256": "0"}}, "key 'statements' must be an int, got a boolean"),
    ],
)
def test_a_card_with_a_missing_key_or_a_wrong_type_is_a_model_file_error(saved, change, message):
    card = {**_card_member(saved), **change}
    card = {key: value for key, value in card.items() if value is not None}
    _rewrite_member(saved, "card.json", card)
    with pytest.raises(ModelFileError, match=rf"model.npz.*{re.escape(message)}"):
        load_model(saved)


def test_models_fitted_before_the_typed_card_load_without_a_version_warning():
    """tests/frozen/ and the shipped model carry cards of format 3 without a feature-tables hash."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", ModelVersionWarning)
        frozen, shipped = load_model(REPO / "tests" / "frozen"), load_model()
    assert frozen.card.feature_tables_sha256 is None and frozen.card.training.statements > 0
    # A later recipe may add hyper-parameters (their defaults give the old fit); the frozen ones stay as they were.
    frozen_parameters = frozen.card.hyper_parameters
    assert {key: shipped.card.hyper_parameters[key] for key in frozen_parameters} == frozen_parameters


def test_a_model_fitted_with_other_cue_tables_warns_that_it_should_be_retrained(saved, monkeypatch):
    from stanceclf import features

    with warnings.catch_warnings():
        warnings.simplefilter("error", ModelVersionWarning)
        load_model(saved)  # the tables it was fitted with: no warning
    monkeypatch.setitem(features.CUES, "deleg", (*features.CUES["deleg"], "bandits?"))
    with pytest.warns(ModelVersionWarning, match="fitted with other cue tables .* retrain it") as caught:
        model = load_model(saved)
    assert caught[0].filename == __file__  # points at the caller of load_model
    assert model.classify_statements(PROBES)  # still loads and classifies
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", category=ModelVersionWarning)  # what a user who knows can do
        load_model(saved)
    assert not seen


def test_a_model_fitted_under_another_codebook_version_warns(saved, monkeypatch):
    from stanceclf import modelfile

    monkeypatch.setattr(modelfile, "CODEBOOK_VERSION", "9.9")
    with pytest.warns(ModelVersionWarning, match=r"under codebook 1\.2 \(this stanceclf follows 9\.9\).*retrain it"):
        load_model(saved)


def test_the_shipped_model_was_fitted_with_the_running_codes_tables():
    """A cue or mask edited without retraining leaves a shipped model whose features mean other things."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", ModelVersionWarning)
        shipped = load_model()
    assert shipped.card.feature_tables_sha256 == tables_hash()
