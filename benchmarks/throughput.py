"""Speed, memory and start-up of stanceclf, measured side by side.

    python benchmarks/throughput.py            # full run (several minutes)
    python benchmarks/throughput.py --quick    # smaller sizes, for a smoke run

Prints one table per measurement. Timings are medians of repeated runs, and
every ratio compares two things measured alternately in the same run, so a
noisy shared machine moves both sides alike. Statements are the project's
labelled statements repeated to the size wanted; articles are the seed
articles repeated.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def statements(n: int) -> list[str]:
    from stanceclf.labels import read_labels

    pool = [s.text for name in ("train", "heldout", "written") for s in read_labels(ROOT / "labels" / f"{name}.jsonl")]
    return (pool * (n // len(pool) + 1))[:n]


def articles(n: int) -> list[str]:
    from stanceclf.corpus import read_corpus

    pool = [a.text for a in read_corpus(ROOT / "corpus").values()]
    return (pool * (n // len(pool) + 1))[:n]


def median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired_runs(fn_a, fn_b, repeats: int) -> tuple[list[float], list[float]]:
    """Times of two functions run in pairs, the order swapped every other pair (a b, b a, ...).

    Swapping cancels a drift that would favour whichever runs second; each
    pair shares the machine's state of the moment, so per-pair ratios are
    steadier on a shared machine than a ratio of separate medians.
    """
    a, b = [], []
    for index in range(repeats):
        order = ((fn_a, a), (fn_b, b)) if index % 2 == 0 else ((fn_b, b), (fn_a, a))
        for fn, sink in order:
            start = time.perf_counter()
            fn()
            sink.append(time.perf_counter() - start)
    return a, b


def paired(fn_a, fn_b, repeats: int) -> tuple[float, float]:
    """Median times of two functions run in pairs (see :func:`paired_runs`)."""
    a, b = paired_runs(fn_a, fn_b, repeats)
    return statistics.median(a), statistics.median(b)


def bench_statements(sizes: list[int]) -> None:
    from stanceclf import load_model

    model = load_model()
    raw = model.bundle.pipeline
    # Warm up both (lazy caches, allocator arenas): start-up is measured on its own.
    warm = statements(10_000)
    raw.predict_proba(warm)
    model.classify_statements(warm)
    print("\n## classify_statements vs the raw scikit-learn pipeline (predict_proba)")
    print(
        "(ratio: raw time / library time, the median over pairs run back to back; best: the same for the\n"
        " fastest run of each, the least disturbed by other work on the machine; pairs: lowest-highest pair)"
    )
    print(f"{'statements':>10} {'raw /s':>10} {'library /s':>11} {'ratio':>6} {'best':>5} {'pairs':>10}")
    for n in sizes:
        texts = statements(n)
        # Evenly sized chunks of 10k: the library is called as a user would.
        chunks = [texts[i : i + 10_000] for i in range(0, n, 10_000)]
        repeats = 15 if n <= 10_000 else 5 if n <= 100_000 else 2
        t_raw, t_lib = paired_runs(
            lambda: [raw.predict_proba(c) for c in chunks],
            lambda: [model.classify_statements(c) for c in chunks],
            repeats,
        )
        ratios = sorted(raw_time / library_time for raw_time, library_time in zip(t_raw, t_lib))
        print(
            f"{n:>10,} {n / statistics.median(t_raw):>10,.0f} {n / statistics.median(t_lib):>11,.0f} "
            f"{statistics.median(ratios):>6.2f} {min(t_raw) / min(t_lib):>5.2f} {ratios[0]:>4.2f}-{ratios[-1]:.2f}"
        )


def bench_stages(n: int) -> None:
    """Microseconds per statement of each step, and of each fast path beside the plain one it replaces."""
    from stanceclf import features, load_model

    model = load_model()
    texts = statements(n)
    normalised = features.normalise_all(texts)
    union = dict(model.bundle.pipeline.named_steps["features"].transformer_list)
    # The plain scikit-learn vectorisers the fast ones reproduce, fitted alike.
    words_reference = union["words"]._reference().fit(normalised)
    cues_reference = union["cues"]._reference().fit(normalised)
    features_matrix = model.bundle.pipeline.named_steps["features"].transform(normalised)
    heads = model.bundle.pipeline.named_steps["heads"]
    per = 1e6 / n
    print(f"\n## Steps, µs per statement ({n:,} statements; fast path beside the plain one, alternately)")
    print(f"{'step':<44} {'fast':>7} {'plain':>7}")
    rows = [
        (
            "fold (lower case, quotes, dashes, digits)",
            lambda: [features._fold(t) for t in texts],
            lambda: [t.lower().translate(features._FOLD) for t in texts],
        ),
        ("normalise (fold, cue scan, masks, words)", lambda: features.normalise_all(texts), None),
        (
            "words block: TokenNgrams / TfidfVectorizer",
            lambda: union["words"].transform(normalised),
            lambda: words_reference.transform(normalised),
        ),
        (
            "cue block: TokenNgrams / TfidfVectorizer",
            lambda: union["cues"].transform(normalised),
            lambda: cues_reference.transform(normalised),
        ),
        ("three logistic regressions", lambda: heads.predict_proba(features_matrix), None),
    ]
    for name, fast, plain in rows:
        if plain is None:
            print(f"{name:<44} {median_time(fast, 7) * per:>7.1f} {'':>7}")
        else:
            t_fast, t_plain = paired(fast, plain, 7)
            print(f"{name:<44} {t_fast * per:>7.1f} {t_plain * per:>7.1f}")
    t_raw, t_library = paired(
        lambda: model.bundle.pipeline.predict_proba(texts), lambda: model.classify_statements(texts), 7
    )
    print(f"{'raw pipeline (predict_proba)':<44} {t_raw * per:>7.1f}")
    print(f"{'classify_statements':<44} {t_library * per:>7.1f}")
    print(f"{'  of which the library itself':<44} {(t_library - t_raw) * per:>7.1f}")


def bench_articles(n_articles: int) -> None:
    from stanceclf import classify_many, segment

    texts = articles(n_articles)
    n_statements = sum(len(segment(t)) for t in texts)
    print(f"\n## Whole articles ({n_articles:,} articles, {n_statements:,} statements, segmentation included)")
    print(f"{'what':<28} {'statements/s':>13}")
    t_seg = median_time(lambda: [segment(t) for t in texts], 5)
    print(f"{'segmentation alone':<28} {n_statements / t_seg:>13,.0f}")
    t1, t2 = paired(
        lambda: sum(1 for _ in classify_many(texts, n_jobs=1)),
        lambda: sum(1 for _ in classify_many(texts, n_jobs=2)),
        3,
    )
    print(f"{'classify_many n_jobs=1':<28} {n_statements / t1:>13,.0f}")
    print(f"{'classify_many n_jobs=2':<28} {n_statements / t2:>13,.0f}")


def bench_start() -> None:
    print("\n## Start-up (fresh interpreter each time; median of 7)")
    cold = (
        "import time; t=time.perf_counter(); import stanceclf; "
        "stanceclf.classify_statements(['Kyiv refused.']); print(time.perf_counter()-t)"
    )
    sk = (
        "import time; t=time.perf_counter(); import numpy, joblib, sklearn.pipeline, sklearn.linear_model, "
        "sklearn.feature_extraction.text, sklearn.multioutput, sklearn.preprocessing; print(time.perf_counter()-t)"
    )
    load = (
        "import stanceclf.model, time; from importlib import resources; "
        "f=resources.files('stanceclf')/'models'; t=time.perf_counter(); stanceclf.model.load_bundle(f); "
        "print(time.perf_counter()-t)"
    )

    def run(code: str) -> float:
        return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)

    t_cold, t_sk = [], []
    for _ in range(7):
        t_cold.append(run(cold))
        t_sk.append(run(sk))
    t_load = statistics.median(run(load) for _ in range(7))
    size = (resources.files("stanceclf") / "models" / "model.joblib").stat().st_size
    print(f"{'import scikit-learn modules used':<36} {statistics.median(t_sk):>7.3f} s")
    print(
        f"{'cold start: import, load, predict':<36} {statistics.median(t_cold):>7.3f} s "
        f"(ratio {statistics.median(t_cold) / statistics.median(t_sk):.2f})"
    )
    print(f"{'model load (bundle only)':<36} {t_load:>7.3f} s")
    print(f"{'model file size':<36} {size / 1e6:>7.2f} MB")


def bench_memory(n: int) -> None:
    code = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from benchmarks.throughput import statements
from stanceclf import classify_many
pool = statements(20_000)
def stream():
    for i in range({n}):
        yield pool[i % len(pool)]
count = 0
for result in classify_many(stream(), batch_size=1000):
    count += len(result)
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across
# fork and exec, which would count the benchmark's own memory.
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(count, peak_kb / 1024)
"""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    elapsed = time.perf_counter() - start
    print(f"\n## Peak memory while streaming {n:,} statements through classify_many")
    print(f"peak RSS {float(out[1]):.0f} MB over {int(out[0]):,} statements ({elapsed:.0f} s)")


def bench_size(sizes_mb: list[int]) -> None:
    from stanceclf import classify

    pool = "\n".join(articles(8))
    print("\n## One long text: time per MB (must stay flat)")
    print(f"{'MB':>4} {'seconds':>8} {'s/MB':>6}")
    for mb in sizes_mb:
        text = (pool + "\n") * (mb * 1_000_000 // (len(pool) + 1) + 1)
        text = text[: mb * 1_000_000]
        # The segmenter drops lines it has already seen (repeated headlines);
        # number the copies so the long text is all new lines.
        lines = text.split("\n")
        text = "\n".join(f"{line} ({i})" if line.strip() else line for i, line in enumerate(lines))
        elapsed = median_time(lambda: classify(text), 3)
        print(f"{mb:>4} {elapsed:>8.2f} {elapsed / mb:>6.2f}")
    code = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from benchmarks.throughput import articles
from stanceclf import classify
pool = "\\n".join(articles(8))
lines = ((pool + "\\n") * ({max(sizes_mb)} * 1_000_000 // (len(pool) + 1) + 1)).split("\\n")
numbered = (f"{{line}} ({{i}})" if line.strip() else line for i, line in enumerate(lines))
text = "\\n".join(numbered)[: {max(sizes_mb)} * 1_000_000]
before = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS:"))
predictions = classify(text)
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(len(predictions), before / 1024, peak / 1024)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    print(
        f"peak memory classifying one {max(sizes_mb)} MB text: {float(out[2]):.0f} MB "
        f"({float(out[1]):.0f} MB before; {int(out[0]):,} predictions kept, the result itself)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import numpy
    import sklearn

    import stanceclf

    print(f"# stanceclf {stanceclf.__version__} benchmarks")
    print(
        f"python {platform.python_version()}, scikit-learn {sklearn.__version__}, numpy {numpy.__version__}, "
        f"{os.cpu_count()} cores, {platform.machine()}, {time.strftime('%Y-%m-%d')}"
    )
    if args.quick:
        bench_statements([10_000])
        bench_stages(10_000)
        bench_articles(200)
        bench_start()
        bench_memory(50_000)
        bench_size([1, 2])
    else:
        bench_statements([10_000, 100_000, 1_000_000])
        bench_stages(10_000)
        bench_articles(2_000)
        bench_start()
        bench_memory(1_000_000)
        bench_size([1, 5, 20])


if __name__ == "__main__":
    main()
