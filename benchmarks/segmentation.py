"""Segmentation benchmark: statements and furniture on whole web pages against a hand-made gold.

Usage::

    python benchmarks/segmentation.py [PAGES_DIR] [--split NAME|all] [--gold FILE] [--segmenter SEGMENT_PY]
                                      [--verbose] [--no-filter] [--cv]

``PAGES_DIR`` (default ``benchmarks/pages``) holds ``gold.jsonl`` (or the file given with ``--gold``,
a path of its own or a name inside ``PAGES_DIR``: ``--gold gold_dev2.jsonl``), one line per page file::

    {"page": id, "split": "dev"|"dev2"|"dev3"|"test2", "file": "<split>/<file>", "outlet": name,
     "outlet_type": "russian_state"|"ukrainian"|"international",
     "statements": [...], "furniture": [...]}

For each page the script segments the page text with :func:`stanceclf.segment` (or with the ``segment``
of the copy of ``stanceclf/segment.py`` given with ``--segmenter``: an older rule set) and prints, per
split, per outlet type and overall:

- statement precision, recall and F1: a predicted statement matches a gold statement when both
  are equal after folding (whitespace runs to one space, no-break and other Unicode spaces to a
  space, soft hyphens and zero-width characters removed); each gold statement matches once;
- furniture leaked: the share of gold furniture pieces found (folded the same way) inside a
  predicted statement of their page that is not itself a gold statement (a tag "Ukraine" is not
  leaked by the correct sentence "Ukraine refused the offer.", but is by a predicted "Ukraine").

``--speed [OLD_SEGMENT_PY ...]`` times segmentation instead: this stanceclf's ``segment`` and each
given copy of ``stanceclf/segment.py`` (an older rule set, say) on the corpus's seed articles repeated
to 500 texts, run in turns in one process (the order swapped every other round), median of 7 rounds;
it prints statements per second for each, side by side, by the wall clock and per second of CPU time.

``--no-filter`` scores the rules alone, without the learned furniture filter (``stanceclf.furniture``);
``--cv`` prints the filter's grouped 5-fold cross-validation by page over its training splits (with ``--verbose``,
the extra statements and leaked pieces it leaves out of fold, page by page).

``.html`` pages go through stanceclf's HTML text extraction (``stanceclf.extract``) when the
installed stanceclf has it, and a line "overall .txt" then gives the figures over the ``.txt``
pages alone; without it, ``.html`` pages are skipped, and the script says so.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stanceclf import segment  # noqa: E402
from stanceclf.furniture import _INVISIBLE  # noqa: E402,F401  (benchmarks/page_labels.py maps offsets with it)
from stanceclf.furniture import fold_spaces as fold  # noqa: E402  (the filter's training matches gold the same way)


def html_extractor():
    """A function from an HTML page to the text to segment, or None when this stanceclf has none.

    The text is what stanceclf classifies for a page: its headline, then its article text
    (``stanceclf.extract``: ``extract_html`` and ``article_text``).
    """
    try:
        from stanceclf.extract import article_text, extract_html
    except ImportError:
        return None

    def extract(html: str) -> str:
        article = extract_html(html)
        return article_text(article.title, article.text)

    return extract


def page_text(path: Path, extract) -> str | None:
    """The text a user would paste for a page file, or None when it cannot be read here."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix.lower() not in (".html", ".htm"):
        return raw
    return None if extract is None else extract(raw)


def score_page(text: str, gold: dict, segmenter=segment) -> dict[str, int]:
    """Counts for one page: true positives, predicted, gold, furniture pieces and leaked pieces."""
    predicted = [fold(s.text) for s in segmenter(text)]
    wanted = Counter(fold(s) for s in gold["statements"])
    matched = 0
    for statement in predicted:
        if wanted[statement] > 0:
            wanted[statement] -= 1
            matched += 1
    furniture = [fold(piece) for piece in gold["furniture"] if fold(piece)]
    # A furniture word inside a correct sentence ("Ukraine" as a tag, "Ukraine" in a sentence) is no
    # leak: only predicted statements that are not gold statements can carry furniture.
    gold_set = {fold(s) for s in gold["statements"]}
    wrong = [statement for statement in predicted if statement not in gold_set]
    leaked = [piece for piece in furniture if any(piece in statement for statement in wrong)]
    return {
        "tp": matched,
        "predicted": len(predicted),
        "gold": len(gold["statements"]),
        "furniture": len(furniture),
        "leaked": len(leaked),
        "misses": [s for s in (fold(s) for s in gold["statements"]) if s not in predicted],
        "extra": wrong,
        "leaks": leaked,
    }


def report_line(name: str, counts: dict[str, int]) -> str:
    precision = counts["tp"] / counts["predicted"] if counts["predicted"] else 0.0
    recall = counts["tp"] / counts["gold"] if counts["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    share = counts["leaked"] / counts["furniture"] if counts["furniture"] else 0.0
    return (
        f"{name:<16} {counts['pages']:>5} {counts['gold']:>6} {precision:>9.3f} {recall:>7.3f} {f1:>7.3f}"
        f" {counts['leaked']:>4}/{counts['furniture']:<4} {share:>6.1%}"
    )


def load_segmenter(path: Path):
    """The ``segment`` function of a copy of ``stanceclf/segment.py`` kept outside the package."""
    name = f"_segment_{len(sys.modules)}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: not a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the module runs
    spec.loader.exec_module(module)
    return module.segment


def speed(others: list[str], rounds: int = 7) -> None:
    """Print statements per second of this stanceclf's segmenter and of each given segment.py, side by side."""
    from stanceclf.corpus import read_corpus

    pool = [article.text for article in read_corpus(ROOT / "corpus").values()]
    texts = (pool * (500 // len(pool) + 1))[:500]
    runs = [("this stanceclf", segment)] + [(path, load_segmenter(Path(path))) for path in others]
    counts = {name: sum(len(fn(text)) for text in texts) for name, fn in runs}
    times: dict[str, list[float]] = {name: [] for name, _ in runs}
    cpu: dict[str, list[float]] = {name: [] for name, _ in runs}
    for index in range(rounds):
        for name, fn in runs if index % 2 == 0 else runs[::-1]:
            start, start_cpu = time.perf_counter(), time.process_time()
            for text in texts:
                fn(text)
            times[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    # On a shared machine the wall clock counts the other processes' turns too: the CPU time of this
    # process is the steadier figure, the ratio between segmenters the one to compare.
    print(f"segmentation speed: {len(texts)} seed articles, median of {rounds} rounds run in turns")
    print(f"{'segmenter':<48} {'statements':>10} {'statements/s':>13} {'per CPU s':>10}")
    for name, _ in runs:
        wall, used = statistics.median(times[name]), statistics.median(cpu[name])
        print(f"{name:<48} {counts[name]:>10} {counts[name] / wall:>13,.0f} {counts[name] / used:>10,.0f}")


def cross_validate(folder: Path, verbose: bool = False) -> None:
    """Print the grouped 5-fold CV by page of the furniture filter: rules alone against rules + filter.

    Each fold's pages are segmented with a filter fitted on the other folds' pages and on the clean text,
    at the threshold chosen on the out-of-fold scores (as ``python train.py --furniture`` chooses it).
    Only the ``.txt`` pages of the training splits are read. ``verbose`` prints, for each page, the extra
    statements and the leaked pieces that the filter leaves out of fold (round 15: what it still misses).
    """
    from stanceclf import furniture

    with furniture.using_filter(None):
        rows, statements = furniture.training_rows(folder, ROOT / "labels", ROOT / "corpus")
    folds = furniture.fold_filters(rows)
    scores = furniture.out_of_fold(rows, folds)
    scored = [(row, score) for row, score in zip(rows, scores) if row.kept and row.group.startswith("page:")]
    threshold = furniture.choose_threshold([row for row, _ in scored], [score for _, score in scored], statements)
    fold_of, filters = folds
    totals: dict[str, dict[str, Counter]] = {"rules": defaultdict(Counter), "rules + filter": defaultdict(Counter)}
    lost = 0
    for entry, text in furniture.gold_training_pages(folder):
        fitted = dataclasses.replace(filters[fold_of[f"page:{entry['page']}"]], threshold=threshold)
        for name, active in (("rules", None), ("rules + filter", fitted)):
            with furniture.using_filter(active):
                counts = score_page(text, entry)
            numbers = {key: value for key, value in counts.items() if isinstance(value, int)}
            numbers["pages"] = 1
            for group in (entry["split"], entry["outlet_type"], "overall"):
                totals[name][group].update(numbers)
            if active is None:
                before = set(counts["misses"])
            else:
                lost += len(set(counts["misses"]) - before)
                if verbose and (counts["extra"] or counts["leaks"]):
                    print(f"== {entry['split']} {entry['page']} ({entry['outlet_type']})")
                    for kind in ("extra", "leaks"):
                        for piece in counts[kind]:
                            print(f"   {kind.rstrip('s')}: {piece}")
    print(f"grouped 5-fold CV by page, threshold {threshold:.2f}; gold statements lost to the filter: {lost}")
    header = f"{'group':<16} {'pages':>5} {'gold':>6} {'precision':>9} {'recall':>7} {'F1':>7}"
    for name, groups in totals.items():
        print(f"\n## {name}\n{header} {'furniture leaked':>16}")
        for group in [*furniture.TRAINING_SPLITS, "international", "russian_state", "ukrainian", "overall"]:
            if group in groups:
                print(report_line(group, groups[group]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="?", default=str(ROOT / "benchmarks" / "pages"), help="folder with gold.jsonl")
    parser.add_argument("--split", default="all", help="a split's name, or all (default: every split, one table each)")
    parser.add_argument("--gold", default="gold.jsonl", help="gold file, in PAGES_DIR or a path (default: gold.jsonl)")
    parser.add_argument("--verbose", action="store_true", help="print the missed, extra and leaked pieces per page")
    parser.add_argument("--segmenter", metavar="SEGMENT_PY", help="score this copy of stanceclf/segment.py instead")
    parser.add_argument(
        "--speed", nargs="*", metavar="SEGMENT_PY", help="time segmentation, side by side with these segment.py copies"
    )
    parser.add_argument(
        "--no-filter", action="store_true", help="the rules alone, without the learned furniture filter (round 13)"
    )
    parser.add_argument("--cv", action="store_true", help="grouped 5-fold CV by page of the learned furniture filter")
    args = parser.parse_args(argv)
    if args.cv:
        cross_validate(Path(args.pages), verbose=args.verbose)
        return 0
    if args.no_filter:
        from stanceclf.furniture import using_filter

        with using_filter(None):
            return main([arg for arg in (argv if argv is not None else sys.argv[1:]) if arg != "--no-filter"])
    if args.speed is not None:
        speed(args.speed)
        return 0
    folder = Path(args.pages)
    gold_path = Path(args.gold) if Path(args.gold).is_file() else folder / args.gold
    if not gold_path.is_file():
        parser.error(f"{gold_path}: no such file (give a gold file with --gold, or a folder that holds gold.jsonl)")
    pages = []
    splits = set()
    for number, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            parser.error(f"{gold_path}:{number}: not JSON ({error.msg})")
        splits.add(str(entry.get("split")))
        if args.split == "all" or entry.get("split") == args.split:
            pages.append(entry)
    if not pages:
        parser.error(f"{gold_path}: no page of split {args.split!r} (its splits: {', '.join(sorted(splits))})")
    segmenter = load_segmenter(Path(args.segmenter)) if args.segmenter else segment

    extract = html_extractor()
    skipped = 0
    totals: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(Counter))
    for entry in pages:
        text = page_text(folder / entry["file"], extract)
        if text is None:
            skipped += 1
            continue
        counts = score_page(text, entry, segmenter)
        if args.verbose:
            print(f"== {entry['page']}: {counts['tp']}/{counts['gold']} gold, {counts['predicted']} predicted")
            for kind in ("misses", "extra", "leaks"):
                for piece in counts[kind]:
                    print(f"   {({'misses': 'miss', 'extra': 'extra', 'leaks': 'leak'})[kind]}: {piece[:150]}")
        numbers = {key: value for key, value in counts.items() if isinstance(value, int)}
        numbers["pages"] = 1
        groups = [entry["outlet_type"], "overall"]
        if extract is not None and not entry["file"].lower().endswith((".html", ".htm")):
            groups.append("overall .txt")  # the figure a stanceclf without HTML extraction can reach
        for group in groups:
            totals[entry["split"]][group].update(numbers)

    for split in sorted(totals):
        print(f"\n## split {split}")
        header = f"{'outlet type':<16} {'pages':>5} {'gold':>6} {'precision':>9} {'recall':>7} {'F1':>7}"
        print(f"{header} {'furniture leaked':>16}")
        groups = totals[split]
        for group in sorted(g for g in groups if not g.startswith("overall")) + ["overall", "overall .txt"]:
            if group not in groups:
                continue
            print(report_line(group, groups[group]))
    if skipped:
        print(f"\n{skipped} .html page(s) skipped: this stanceclf has no HTML text extraction", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
