"""Compare stanceclf's segmenter with pysbd and syntok on the seed articles.

    pip install pysbd syntok
    python benchmarks/segmenters.py

Gold statements are the labelled statements (labels/train.jsonl and
labels/heldout.jsonl), read and checked by two annotators. Every segmenter
gets the same paragraphs: the article's lines with web furniture removed by
stanceclf's rules (the libraries have no notion of "Hashtags" or "6 hours
ago"), so the table compares sentence splitting alone. Prints exact-match
precision, recall and F1 of statements, and statements per second over the
corpus repeated 50 times (median of 5 runs).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stanceclf.corpus import read_corpus  # noqa: E402
from stanceclf.labels import read_labels  # noqa: E402
from stanceclf.segment import is_furniture, segment  # noqa: E402


def paragraphs(text: str) -> list[str]:
    seen, kept = set(), []
    for line in text.splitlines():
        line = line.strip()
        if line and not is_furniture(line) and line not in seen:
            seen.add(line)
            kept.append(line)
    return kept


def ours(text: str) -> list[str]:
    return [s.text for s in segment(text)]


def with_pysbd():
    import pysbd

    splitter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for p in paragraphs(text) for s in splitter.segment(p) if s.strip()]


def with_syntok():
    from syntok import segmenter

    def split(text: str) -> list[str]:
        out = []
        for paragraph in paragraphs(text):
            for sentence in segmenter.analyze(paragraph):
                for tokens in sentence:
                    start, end = tokens[0].offset, tokens[-1].offset + len(tokens[-1].value)
                    out.append(paragraph[start:end].strip())
        return out

    return split


def main() -> None:
    corpus = read_corpus(ROOT / "corpus")
    gold = {}
    for name in ("train", "heldout"):
        for s in read_labels(ROOT / "labels" / f"{name}.jsonl"):
            gold.setdefault(s.article, set()).add(s.text)
    candidates = {"stanceclf": ours}
    for name, factory in (("pysbd", with_pysbd), ("syntok", with_syntok)):
        try:
            candidates[name] = factory()
        except ImportError:
            print(f"({name} not installed: skipped)")
    texts = [a.text for a in corpus.values()]
    print(f"{'segmenter':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'statements/s':>13}")
    for name, split in candidates.items():
        found = sum(len(set(split(a.text))) for a in corpus.values())
        correct = sum(len(set(split(a.text)) & gold[a.id]) for a in corpus.values())
        total = sum(len(g) for g in gold.values())
        precision, recall = correct / found, correct / total
        f1 = 2 * precision * recall / (precision + recall)
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            count = sum(len(split(t)) for t in texts * 50)
            runs.append(count / (time.perf_counter() - start))
        print(f"{name:<10} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {statistics.median(runs):>13,.0f}")


if __name__ == "__main__":
    main()
