"""The code scores a frozen model as it did: refactors and speed work move no prediction.

``tests/frozen/`` holds a copy of a shipped model and the probabilities it
gave on fixed probes when it was frozen (see ``tests/frozen/make.py``). A
change that is meant to change predictions regenerates them and says so.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from stanceclf import load_model

FROZEN = Path(__file__).resolve().parent / "frozen"


def _make():
    spec = importlib.util.spec_from_file_location("frozen_make", FROZEN / "make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def now_and_then():
    model = load_model(FROZEN)
    with np.load(FROZEN / "probabilities.npz") as stored:
        then = {name: stored[name] for name in stored.files}
    return _make().probabilities(model, [str(text) for text in then.pop("probe_texts")]), then


def test_statement_probabilities_are_unchanged(now_and_then):
    now, then = now_and_then
    for name in (key for key in then if key.startswith("statements_")):
        assert now[name].shape == then[name].shape, name
        np.testing.assert_allclose(now[name], then[name], rtol=0, atol=1e-12, err_msg=name)


def test_whole_articles_give_the_same_statements_and_probabilities(now_and_then):
    now, then = now_and_then
    np.testing.assert_array_equal(now["articles_spans"], then["articles_spans"])
    for name in (key for key in then if key.startswith("articles_") and key != "articles_spans"):
        np.testing.assert_allclose(now[name], then[name], rtol=0, atol=1e-12, err_msg=name)
