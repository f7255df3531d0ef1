"""What each feature buys in cross-validated macro-F1, and what it costs.

    python benchmarks/ablations.py

For every variant of the model: leave-one-article-out macro-F1 on the
training split (written examples in every training fold, never scored, as in
`stanceclf tune`; uncalibrated, so the variants are compared with each other,
not with the calibrated figures of the README), the raw pipeline's statements
per second on 10,000 statements (median of 3), and the saved model size
(model.npz). Variants change one thing at a time against the shipped recipe.
"""

from __future__ import annotations

import functools
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stanceclf import features, model, modelfile  # noqa: E402
from stanceclf.evaluate import cross_validate  # noqa: E402
from stanceclf.labels import read_labels  # noqa: E402

REAL_NORMALISE = features._normalise_tokens
REAL_SCAN = features._scan


# Variants patch features._normalise_tokens, the one function that training and
# classifying both normalise through, so a fold's model is scored as it was fitted.
def without_cue_tokens(text: str) -> tuple[list[str], int, tuple[str, ...]]:
    # One constant token in place of the cues: the cue block keeps a column, which says nothing.
    tokens, distinct, _ = REAL_NORMALISE(text)
    return [t for t in tokens if not t.startswith("#")] + ["#none"], distinct, ("#none",)


def without_masking(text: str) -> tuple[list[str], int, tuple[str, ...]]:
    # features._scan finds the cues and masks the actors in one pass: keep its cues, drop its masks.
    def cues_only(folded: str, ascii_only: bool) -> tuple[frozenset[str], str, None]:
        return REAL_SCAN(folded, ascii_only)[0], folded, None

    with mock.patch.object(features, "_scan", cues_only):
        return REAL_NORMALISE(text)


@functools.lru_cache(maxsize=4096)
def _ungated_suffix(present):
    """The cue tokens as before targeting: stance cues counted whether or not the statement names a side."""
    present = present - {"ruua"}
    return (
        *(f"#{name}" for name in (*features.CUES, *features._DERIVED) if name in present),
        *(f"#{a}_{b}" for a, b in features._PAIRS if a in present and b in present),
    )


def without_target_gating(text: str) -> tuple[list[str], int, tuple[str, ...]]:
    with mock.patch.object(features, "_cue_suffix", _ungated_suffix):
        return REAL_NORMALISE(text)


def without_negated_readiness(text: str) -> tuple[list[str], int, tuple[str, ...]]:
    never = features.re.compile(r"(?!x)x")
    with mock.patch.object(features, "_NEGATED_BEFORE", never):
        return REAL_NORMALISE(text)


def variants():
    yield "shipped recipe", {}, {}
    yield "no written examples", {"no_written": True}, {}
    yield "no cue indicator block", {}, {"cue_weight": 0.0}
    yield "no cues at all", {"normalise": without_cue_tokens}, {"cue_weight": 0.0}
    yield "no actor masking", {"normalise": without_masking}, {}
    yield "no target gating (stance cues off the target)", {"normalise": without_target_gating}, {}
    yield "no negated readiness (#notready)", {"normalise": without_negated_readiness}, {}
    yield "word trigrams (ngram_max=3, C=2)", {}, {"ngram_max": 3, "C": 2.0}


def main() -> None:
    train = read_labels(ROOT / "labels" / "train.jsonl")
    written = read_labels(ROOT / "labels" / "written.jsonl")
    probe = ([s.text for s in written] * 10)[:10_000]
    print(f"{'variant':<48} {'stance':>7} {'framing':>8} {'stmts/s':>8} {'MB':>5}")
    for name, how, params in variants():
        patches = []
        if "normalise" in how:
            patches.append(mock.patch.object(features, "_normalise_tokens", how["normalise"]))
        for patch in patches:
            patch.start()
        try:
            extra = [] if how.get("no_written") else written
            pooled = cross_validate(train, extra_training=extra, params=params, calibrate=False).pooled
            bundle = model.fit_bundle(train + written, params=params, calibrate=False)
            fitted = bundle.pipeline
            times = []
            for _ in range(3):
                start = time.perf_counter()
                fitted.predict_proba(probe)
                times.append(time.perf_counter() - start)
            size = len(modelfile.model_bytes(model.scorer_of(fitted, bundle.heads), bundle.card))
        finally:
            for patch in patches:
                patch.stop()
        print(
            f"{name:<48} {pooled['stance'].macro_f1:>7.3f} {pooled['framing'].macro_f1:>8.3f} "
            f"{len(probe) / statistics.median(times):>8,.0f} {size / 1e6:>5.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
