"""Labels on whole pages: stance, framing and speaker of every statement of the benchmark's pages.

Usage::

    python benchmarks/page_labels.py [--labels benchmarks/pages/labels_test10.jsonl] [--model DIR] [--errors]

The label file holds one line per gold statement of a page split (``{"id", "page", "index", "text",
"stance", "framing", "speaker"}``, ``index`` counting from 1 in the page's gold order), labelled from
the codebook by two independent readers and adjudicated (``benchmarks/pages/README.md``). The script
scores the model two ways, as the hidden real-page evaluation does:

- **gold segmentation**: each gold statement is classified at its place in the page
  (``Model.classify_spans``), so the speaker is read in context as ``classify`` reads it;
- **end to end**: ``classify(page text)``; each gold statement takes the labels of the predicted
  statement that covers most of it, and a gold statement no predicted statement covers counts as
  wrong on every head.

It prints macro-F1 per head (over the labels present in gold or predictions, as ``evaluate`` does),
the 95% bootstrap interval of the gold-segmentation figures (statements resampled, as ``evaluate``
computes it), the support/oppose flips and, with ``--errors``, every statement read wrongly on stance.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.segmentation import _INVISIBLE, fold  # noqa: E402
from stanceclf import load_model  # noqa: E402
from stanceclf.codebook import HEADS  # noqa: E402
from stanceclf.evaluate import score_head  # noqa: E402

MISSING = "(missing)"


def folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each of its characters, the offset of the character it came from."""
    out, offsets = [], []
    pending_space = False
    for at, char in enumerate(text):
        if ord(char) in _INVISIBLE:
            continue
        if char.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            offsets.append(at - 1)
            pending_space = False
        out.append(char)
        offsets.append(at)
    return "".join(out), offsets


def gold_spans(text: str, statements: list[str]) -> list[tuple[int, int]]:
    """Where each gold statement lies in the raw page text, searched in reading order."""
    folded, offsets = folded_with_offsets(text)
    spans, at = [], 0
    for statement in statements:
        target = fold(statement)
        found = folded.find(target, at)
        if found < 0:
            found = folded.find(target)
        if found < 0:
            raise SystemExit(f"gold statement not found in its page: {statement[:60]!r}")
        end = found + len(target)
        spans.append((offsets[found], offsets[end - 1] + 1))
        at = end
    return spans


def macro_f1(gold: list[str], guess: list[str]) -> float:
    """Macro-F1 over the labels present, as ``stanceclf.evaluate.score_head`` computes it.

    Written out here because the end-to-end path has a ``(missing)`` guess, wrong on every head and
    no label of its own, which ``score_head`` (rightly) refuses as outside the codebook.
    """
    labels = sorted(set(gold) | (set(guess) - {MISSING}))
    scores = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, guess))
        fp = sum(g != label and p == label for g, p in zip(gold, guess))
        fn = sum(g == label and p != label for g, p in zip(gold, guess))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def read_labels(path: Path) -> dict[str, list[dict]]:
    pages: dict[str, list[dict]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        for head in HEADS:
            if record[head] not in HEADS[head]:
                raise SystemExit(f"{path}:{number}: {head} {record[head]!r} is not a codebook label")
        pages.setdefault(record["page"], []).append(record)
    for records in pages.values():
        records.sort(key=lambda r: r["index"])
    return pages


def gold_records(folder: Path) -> dict[str, dict]:
    """Page id -> its gold record (split, file, outlet, statements, ...), from every gold file in ``folder``."""
    records = {}
    for gold in sorted(folder.glob("gold*.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            records[record["page"]] = record
    return records


def page_files(labels_path: Path) -> dict[str, Path]:
    """Page id -> its page file, from the gold files beside the labels."""
    folder = labels_path.parent
    return {page: folder / record["file"] for page, record in gold_records(folder).items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default=str(ROOT / "benchmarks" / "pages" / "labels_test10.jsonl"))
    parser.add_argument("--model", help="a model folder (default: the shipped model)")
    parser.add_argument("--errors", action="store_true", help="list the statements read wrongly on stance")
    args = parser.parse_args(argv)
    labels_path = Path(args.labels)
    pages = read_labels(labels_path)
    files = page_files(labels_path)
    model = load_model(args.model) if args.model else load_model()
    gold = {head: [] for head in HEADS}
    guessed = {"gold segmentation": {head: [] for head in HEADS}, "end to end": {head: [] for head in HEADS}}
    errors = []
    for page, records in sorted(pages.items()):
        text = files[page].read_text(encoding="utf-8")
        spans = gold_spans(text, [r["text"] for r in records])
        in_place = model.classify_spans(text, spans)
        whole = model.classify(text)
        for record, (start, end), prediction in zip(records, spans, in_place):
            for head in HEADS:
                gold[head].append(record[head])
                guessed["gold segmentation"][head].append(prediction.labels[head])
            cover = max(whole, key=lambda p: min(end, p.end) - max(start, p.start), default=None)
            covered = cover is not None and min(end, cover.end) > max(start, cover.start)
            for head in HEADS:
                guessed["end to end"][head].append(cover.labels[head] if covered else MISSING)
            if prediction.stance != record["stance"]:
                errors.append(f"{record['id']}: gold {record['stance']}, read {prediction.stance}: {record['text']}")
    print(f"{labels_path.name}: {len(pages)} pages, {len(gold['stance'])} statements")
    print(f"{'path':<20} " + " ".join(f"{head:>9}" for head in HEADS) + "   flips")
    for path, guess in guessed.items():
        flips = sum({g, p} == {"support", "oppose"} for g, p in zip(gold["stance"], guess["stance"]))
        scores = " ".join(f"{macro_f1(gold[head], guess[head]):>9.3f}" for head in HEADS)
        print(f"{path:<20} {scores}   {flips}")
    # Few statements of each frame and stance on a page set: the interval says how far a figure can move.
    intervals = [score_head(head, gold[head], guessed["gold segmentation"][head]).macro_f1_ci for head in HEADS]
    print(f"{'95% interval (gold)':<20} " + " ".join(f"{f'{low:.2f}-{high:.2f}':>9}" for low, high in intervals))
    print("gold stance: " + ", ".join(f"{k} {v}" for k, v in Counter(gold["stance"]).most_common()))
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
