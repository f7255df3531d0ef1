"""What each feature buys in cross-validated macro-F1, and what it costs.

    python benchmarks/ablations.py

For every variant of the model: leave-one-article-out macro-F1 on the
training split (written examples in every training fold, never scored, as in
`stanceclf tune`), the raw pipeline's statements per second on 10,000
statements (median of 3), and the pickled model size. Variants change one
thing at a time against the shipped recipe.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

import joblib
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stanceclf import features, model  # noqa: E402
from stanceclf.evaluate import cross_validate  # noqa: E402
from stanceclf.labels import read_labels  # noqa: E402

REAL_BUILD = model.build_pipeline
REAL_NORMALISE = features._normalise


# Variants patch features._normalise, the one function that training and
# classifying both normalise through, so a fold's model is scored as it was fitted.
def without_cue_tokens(text: str) -> tuple[str, int]:
    normalised, distinct = REAL_NORMALISE(text)
    return " ".join(t for t in normalised.split() if not t.startswith("#")), distinct


def without_masking(text: str) -> tuple[str, int]:
    never = features.re.compile(r"(?!x)x")
    with mock.patch.object(features, "_ACTOR_RE", {False: never, True: never}):
        return REAL_NORMALISE(text)


def without_cue_block(**params):
    pipeline = REAL_BUILD(**params)
    union = pipeline.named_steps["features"]
    union.transformer_list = [(name, t) for name, t in union.transformer_list if name != "cues"]
    union.transformer_weights = {"words": 1.0}
    return pipeline


def words_only(normalised: str) -> str:
    return " ".join(features.statement_words(normalised))


def with_char_ngrams(**params):
    pipeline = REAL_BUILD(**params)
    union = pipeline.named_steps["features"]
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True, preprocessor=words_only, dtype=np.float32
    )
    union.transformer_list.append(("chars", chars))
    union.transformer_weights["chars"] = 1.0
    return pipeline


def variants():
    yield "shipped recipe", {}, {}
    yield "no written examples", {"no_written": True}, {}
    yield "no cue indicator block", {"build": without_cue_block}, {}
    yield "no cues at all", {"normalise": without_cue_tokens, "build": without_cue_block}, {}
    yield "no actor masking", {"normalise": without_masking}, {}
    yield "word trigrams (ngram_max=3, C=2)", {}, {"ngram_max": 3, "C": 2.0}
    yield "plus character 3-5-grams", {"build": with_char_ngrams}, {}


def main() -> None:
    train = read_labels(ROOT / "labels" / "train.jsonl")
    written = read_labels(ROOT / "labels" / "written.jsonl")
    probe = ([s.text for s in written] * 10)[:10_000]
    print(f"{'variant':<48} {'stance':>7} {'framing':>8} {'stmts/s':>8} {'MB':>5}")
    for name, how, params in variants():
        patches = []
        if "normalise" in how:
            patches.append(mock.patch.object(features, "_normalise", how["normalise"]))
        if "build" in how:
            patches.append(mock.patch.object(model, "build_pipeline", how["build"]))
        for patch in patches:
            patch.start()
        try:
            extra = [] if how.get("no_written") else written
            pooled = cross_validate(train, extra_training=extra, params=params)["pooled"]
            fitted = model.fit_bundle(train + written, params=params, calibrate=False).pipeline
            times = []
            for _ in range(3):
                start = time.perf_counter()
                fitted.predict_proba(probe)
                times.append(time.perf_counter() - start)
            buffer = io.BytesIO()
            joblib.dump(fitted, buffer, compress=3)
        finally:
            for patch in patches:
                patch.stop()
        print(
            f"{name:<48} {pooled['stance'].macro_f1:>7.3f} {pooled['framing'].macro_f1:>8.3f} "
            f"{len(probe) / statistics.median(times):>8,.0f} {buffer.tell() / 1e6:>5.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
