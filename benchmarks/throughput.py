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
# CPU time of this process: on a shared machine, other jobs' load moves it far less than the wall clock.
# (Start-up and two-process runs are timed by the wall clock: their cost is partly in other processes.)
CLOCK = time.process_time


def statements(n: int) -> list[str]:
    from stanceclf.labels import read_labels

    pool = [s.text for name in ("train", "heldout", "written") for s in read_labels(ROOT / "labels" / f"{name}.jsonl")]
    return (pool * (n // len(pool) + 1))[:n]


def articles(n: int) -> list[str]:
    from stanceclf.corpus import read_corpus

    pool = [a.text for a in read_corpus(ROOT / "corpus").values()]
    return (pool * (n // len(pool) + 1))[:n]


def median_time(fn, repeats: int, clock=CLOCK) -> float:
    times = []
    for _ in range(repeats):
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times)


def paired_runs(fn_a, fn_b, repeats: int, clock=CLOCK) -> tuple[list[float], list[float]]:
    """Times of two functions run in pairs, the order swapped every other pair (a b, b a, ...).

    Swapping cancels a drift that would favour whichever runs second; each
    pair shares the machine's state of the moment, so per-pair ratios are
    steadier on a shared machine than a ratio of separate medians.
    """
    a, b = [], []
    for index in range(repeats):
        order = ((fn_a, a), (fn_b, b)) if index % 2 == 0 else ((fn_b, b), (fn_a, a))
        for fn, sink in order:
            start = clock()
            fn()
            sink.append(clock() - start)
    return a, b


def paired(fn_a, fn_b, repeats: int, clock=CLOCK) -> tuple[float, float]:
    """Median times of two functions run in pairs (see :func:`paired_runs`)."""
    a, b = paired_runs(fn_a, fn_b, repeats, clock)
    return statistics.median(a), statistics.median(b)


def plain_pipeline():
    """The plain three-head model a user would compare with: one TfidfVectorizer, three logistic regressions.

    ``TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)`` on the raw
    statements, fitted on the same labels as the shipped model, with one
    ``LogisticRegression`` per head sharing the one vectorisation.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from stanceclf.labels import HEADS, read_labels

    labelled = [s for name in ("train", "heldout", "written") for s in read_labels(ROOT / "labels" / f"{name}.jsonl")]
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit([s.text for s in labelled])
    features = vectoriser.transform([s.text for s in labelled])
    heads = [LogisticRegression(max_iter=5000).fit(features, [getattr(s, head) for s in labelled]) for head in HEADS]

    def predict(texts: list[str]) -> list:
        rows = vectoriser.transform(texts)
        return [head.predict_proba(rows) for head in heads]

    return predict


def _cold_caches() -> None:
    """Empty stanceclf's caches keyed on a statement's text or its phrases, as a stream of distinct texts finds them.

    The caches keyed on words, cue sets and patterns (the run index, the cue classes of a matched cue, the cue
    tokens of a set) stay warm: a long stream of news keeps meeting the same words.
    """
    from stanceclf import speech

    speech.speaker_cues.cache_clear()
    speech._kinds.cache_clear()


def _cold_words() -> None:
    """:func:`_cold_caches`, and the cue scan's run index forgets every word: as if each word were new."""
    from stanceclf import features

    _cold_caches()
    for index in features._RUN_INDEX.values():
        index.entry_of.__self__.forget()  # the dict of runs learnt (features._Learnt)


def bench_statements(n: int) -> None:
    from stanceclf import load_model

    model = load_model()
    plain = plain_pipeline()
    texts = statements(n)
    # Evenly sized chunks of 10k: both called as a user would.
    chunks = [texts[i : i + 10_000] for i in range(0, n, 10_000)]
    # Texts new: each call the distinct statements once (4,460), the text caches emptied before it, so that
    # no text is answered from a cache (the pool repeated in calls of 10k would meet each text twice a call).
    distinct = list(dict.fromkeys(texts))
    fresh = [distinct] * max(1, round(n / len(distinct)))
    # Warm up both (lazy caches, allocator arenas): start-up is measured on its own.
    plain(chunks[0])
    model.classify_statements(chunks[0])
    print(f"\n## classify_statements vs a plain scikit-learn model, {n:,} statements in calls of 10k")
    print(
        "(plain: TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True) + three LogisticRegression heads sharing\n"
        " one vectorisation; ratio: plain time / stanceclf time, the median over pairs run back to back with the\n"
        " order swapped every other pair; best: the same for the fastest run of each; pairs: lowest-highest;\n"
        " texts seen: the statements repeat from run to run, so stanceclf's per-text caches answer;\n"
        f" texts new: calls of the {len(distinct):,} distinct statements, stanceclf's per-text caches emptied\n"
        " before each call, as an archive of distinct texts has them; the plain pipeline gets the same calls;\n"
        " words new: the same, and the cue scan's index of words emptied too: every word of a call new to it,\n"
        " a bound for the first pass over a stream (which meets fewer new words a statement the longer it runs))"
    )
    print(f"{'':>11} {'plain /s':>10} {'stanceclf /s':>13} {'ratio':>6} {'best':>5} {'pairs':>10}")
    for name, calls, before in (
        ("texts seen", chunks, lambda: None),
        ("texts new", fresh, _cold_caches),
        ("words new", fresh, _cold_words),
    ):
        count = sum(map(len, calls))
        t_plain, t_lib = paired_runs(
            lambda: [plain(c) for c in calls],
            lambda: [before() or model.classify_statements(c) for c in calls],
            9,
        )
        ratios = sorted(p / lib for p, lib in zip(t_plain, t_lib))
        print(
            f"{name:>11} {count / statistics.median(t_plain):>10,.0f} {count / statistics.median(t_lib):>13,.0f} "
            f"{statistics.median(ratios):>6.2f} {min(t_plain) / min(t_lib):>5.2f} {ratios[0]:>4.2f}-{ratios[-1]:.2f}"
        )


def bench_per_call() -> None:
    """Cost per statement by call size: what a caller pays for small calls."""
    from stanceclf import classify, load_model, segment

    model = load_model()
    plain = plain_pipeline()
    pool = statements(10_000)
    article = next(a for a in articles(8) if 20 <= len(segment(a)) <= 30)
    n_article = len(segment(article))
    print("\n## Cost per call size, µs per statement (median; stanceclf and plain alternately)")
    print(f"{'call':<34} {'stanceclf':>10} {'plain':>8}")
    batched = None
    for size in (1, 25, 1_000, 10_000):
        texts = pool[:size]
        repeats = max(7, 3_000 // size)
        t_lib, t_plain = paired(lambda: model.classify_statements(texts), lambda: plain(texts), repeats)
        if size == 10_000:
            batched = t_lib / size
        print(
            f"{'classify_statements, ' + format(size, ',') + ' per call':<34} {t_lib / size * 1e6:>10.1f} "
            f"{t_plain / size * 1e6:>8.1f}"
        )
    # One article per call against the same kind of articles classified in one batch: both pay for
    # segmentation and speaker attribution, so the ratio is the fixed cost of a call.
    pages = articles(200)
    n_pages = sum(len(segment(page)) for page in pages)
    t_article, t_pages = paired(
        lambda: [classify(article) for _ in range(10)],
        lambda: sum(1 for _ in model.classify_many(pages)),
        15,
    )
    t_article, t_pages = t_article / (10 * n_article), t_pages / n_pages
    print(f"{f'classify(article), {n_article} statements':<34} {t_article * 1e6:>10.1f}")
    print(f"{'  against batched (10k per call)':<34} {t_article / batched:>9.2f}×")
    print(f"{f'articles batched ({len(pages)} per call)':<34} {t_pages * 1e6:>10.1f}")
    print(f"{'  classify(article) against it':<34} {t_article / t_pages:>9.2f}×")
    # The same 200 articles one classify() call each: the fixed cost of a call without the chosen article's
    # own cost per statement (which differs from the average page's) in the ratio.
    each, batch = paired_runs(lambda: [classify(page) for page in pages], lambda: list(model.classify_many(pages)), 7)
    print(f"{'the same articles, one call each':<34} {statistics.median(each) / n_pages * 1e6:>10.1f}")
    ratios = sorted(a / b for a, b in zip(each, batch))
    print(
        f"{'  against them batched (pairs)':<34} {statistics.median(ratios):>9.2f}× ({ratios[0]:.2f}-{ratios[-1]:.2f})"
    )
    t_one = median_time(lambda: model.classify_statements(pool[:1]), 2_000)
    print(f"{'one sentence, one call':<34} {t_one * 1e3:>9.3f} ms")


def bench_stages(n: int) -> None:
    """Microseconds per statement of each step, and of each fast path beside the plain one it replaces."""
    from stanceclf import features, load_model, segment
    from stanceclf.attribution import carried_from

    model = load_model()
    scorer = model.scorer
    texts = statements(n)
    normalised = features.normalise_all(texts)
    split, cue_tokens = normalised.tokens, normalised.cue_tokens
    # The plain scikit-learn vectorisers the fast ones reproduce, fitted alike.
    from stanceclf.vectorise import TokenNgrams

    words_reference = TokenNgrams(ngram_max=scorer.words.ngram_max, sublinear_tf=True)._reference().fit(normalised)
    cues_reference = TokenNgrams(prefix="#", binary=True, use_idf=False, norm=None)._reference().fit(normalised)
    rows = scorer.feature_rows_of_tokens(split, cue_tokens)
    pages = articles(200)
    n_page_statements = sum(len(segment(page)) for page in pages)
    per = 1e6 / n
    print(f"\n## Steps, µs per statement ({n:,} statements; fast path beside the plain one, alternately)")
    print(f"{'step':<44} {'fast':>7} {'plain':>7}")
    t_segment = median_time(lambda: [segment(page) for page in pages], 5) * 1e6 / n_page_statements
    print(f"{'segment (200 whole articles)':<44} {t_segment:>7.1f}")
    spans = [[(s.start, s.end) for s in segment(page)] for page in pages]
    t_attribution = median_time(lambda: list(map(carried_from, pages, spans)), 5) * 1e6 / n_page_statements
    print(f"{'speaker attribution (the same articles)':<44} {t_attribution:>7.1f}")
    steps = [
        (
            "fold (lower case, quotes, dashes, digits)",
            lambda: [features._fold(t) for t in texts],
            lambda: [t.lower().translate(features._FOLD) for t in texts],
        ),
        ("normalise (fold, cue scan, masks, words)", lambda: features.normalise_counted(texts), None),
        (
            "words block: NgramTable / TfidfVectorizer",
            lambda: scorer.words.rows_of_tokens(split),
            lambda: words_reference.transform(normalised),
        ),
        (
            "cue block: NgramTable / TfidfVectorizer",
            lambda: scorer.cues.rows_of_prefixed(cue_tokens),
            lambda: cues_reference.transform(normalised),
        ),
        ("vectorise: both blocks as one CSR matrix", lambda: scorer.feature_rows_of_tokens(split, cue_tokens), None),
        ("heads: one product, softmax per head", lambda: scorer.probabilities(rows), None),
    ]
    for name, fast, plain in steps:
        if plain is None:
            print(f"{name:<44} {median_time(fast, 7) * per:>7.1f} {'':>7}")
        else:
            t_fast, t_plain = paired(fast, plain, 7)
            print(f"{name:<44} {t_fast * per:>7.1f} {t_plain * per:>7.1f}")
    # The same on distinct texts, the text caches emptied first (what "texts new" pays; the rows above reuse them).
    distinct = list(dict.fromkeys(texts))
    t_new = median_time(lambda: _cold_caches() or features.normalise_counted(distinct), 7) * 1e6 / len(distinct)
    print(f"{'normalise, distinct, text caches emptied':<44} {t_new:>7.1f}")
    t_score, t_library = paired(lambda: model._score(texts), lambda: model.classify_statements(texts), 7)
    print(f"{'scoring (normalise to probabilities)':<44} {t_score * per:>7.1f}")
    print(f"{'predictions (Prediction objects)':<44} {(t_library - t_score) * per:>7.1f}")
    print(f"{'classify_statements':<44} {t_library * per:>7.1f}")


def bench_articles(n_articles: int) -> None:
    from stanceclf import classify_many, segment

    texts = articles(n_articles)
    n_statements = sum(len(segment(t)) for t in texts)
    print(f"\n## Whole articles ({n_articles:,} articles, {n_statements:,} statements, segmentation included)")
    print(f"{'what':<40} {'statements/s':>13}")
    t_seg = median_time(lambda: [segment(t) for t in texts], 5)
    print(f"{'segmentation alone':<40} {n_statements / t_seg:>13,.0f}")
    # Batches small enough that both workers get some (a stream of fewer than two batches runs in one
    # worker), and the workers started before the clock runs (joblib keeps them between calls).
    batch = max(8, n_articles // 16)
    start = time.perf_counter()
    sum(1 for _ in classify_many(texts[: 2 * batch], n_jobs=2, batch_size=batch))
    started = time.perf_counter() - start
    t1, t2 = paired(
        lambda: sum(1 for _ in classify_many(texts, n_jobs=1, batch_size=batch)),
        lambda: sum(1 for _ in classify_many(texts, n_jobs=2, batch_size=batch)),
        5,
        clock=time.perf_counter,  # the workers' CPU time is not this process's
    )
    print(f"{f'classify_many n_jobs=1, batches of {batch}':<40} {n_statements / t1:>13,.0f}")
    print(f"{f'classify_many n_jobs=2, batches of {batch}':<40} {n_statements / t2:>13,.0f}")
    print(f"(starting the two workers and their first batches took {started:.1f} s; load average {_load()})")


def _load() -> str:
    """The machine's 1-minute load average: how much else ran (other jobs share the cores)."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def bench_start() -> None:
    print("\n## Start-up (fresh interpreter each time; median of 9, the two run alternately)")
    cold = (
        "import time; t=time.perf_counter(); import stanceclf; "
        "stanceclf.classify_statements(['Kyiv refused.']); print(time.perf_counter()-t)"
    )
    sk = (
        "import time; t=time.perf_counter(); import sklearn.linear_model, sklearn.feature_extraction.text; "
        "print(time.perf_counter()-t)"
    )
    load = (
        "import stanceclf.modelfile, time; from importlib import resources; "
        "f=resources.files('stanceclf')/'models'; t=time.perf_counter(); stanceclf.modelfile.read_model(f); "
        "print(time.perf_counter()-t)"
    )

    def run(code: str) -> float:
        return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)

    t_cold, t_sk = [], []
    for _ in range(9):
        t_cold.append(run(cold))
        t_sk.append(run(sk))
    t_load = statistics.median(run(load) for _ in range(7))
    size = (resources.files("stanceclf") / "models" / "model.npz").stat().st_size
    print(f"{'import sklearn.linear_model + .feature_extraction.text':<54} {statistics.median(t_sk):>7.3f} s")
    print(
        f"{'cold start: import stanceclf, load, first prediction':<54} {statistics.median(t_cold):>7.3f} s "
        f"(ratio {statistics.median(t_cold) / statistics.median(t_sk):.2f})"
    )
    print(f"{'model load (read_model only)':<54} {t_load:>7.3f} s")
    print(f"{'model file size':<54} {size / 1e6:>7.2f} MB")


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
    elapsed = time.perf_counter() - start  # the child's time: wall clock
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
        bench_statements(10_000)
        bench_per_call()
        bench_stages(10_000)
        bench_articles(200)
        bench_start()
        bench_memory(50_000)
        bench_size([1, 2])
    else:
        bench_statements(50_000)
        bench_per_call()
        bench_stages(10_000)
        bench_articles(2_000)
        bench_start()
        bench_memory(1_000_000)
        bench_size([1, 5, 20])


if __name__ == "__main__":
    main()
