"""Cross-validation over whole pages: each page of ``labels/pages.jsonl`` scored by a model that never saw it.

Usage::

    python benchmarks/page_cv.py [--folds 5 | --by-split] [--errors HEAD] [--fixed-calibration [DIR]]

``benchmarks/page_labels.py`` scores the shipped model on a held-out page split, which can be scored
only once before it has been used for choices. This script is the development measure for work on
whole pages: the 108 labelled development pages are dealt into ``--folds`` groups (whole pages, in
a fixed order, so every run deals them alike), or with ``--by-split`` grouped by the benchmark split
they were written for (``dev``, ``dev2``, ...: each split's writers and outlets held out together,
closer to what pages from a new site meet); for each group a model is fitted on the training
split, the written examples and the other groups' pages (calibration holds out pages as training
does), and each page of the group is classified in place, on its gold segmentation
(``Model.classify_spans``: the speaker read in context, as ``classify`` reads it) and alone
(``Model.classify_statements``, as a user with a column of sentences gets them).

It prints macro-F1 per head pooled over every page, both ways, the support/oppose flips, and with
``--errors HEAD`` every statement that head reads wrongly in context. Each fold fits a whole model: five folds take some
minutes, and much longer with each fold's calibration refitted. ``--fixed-calibration`` holds every fold's
temperatures, default-label offsets and unsure thresholds at those of a model's card (default the shipped model),
as docs/model.md's page-CV rows do: variants then compare with each other, not with calibrated figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.page_labels import gold_records, gold_spans, macro_f1  # noqa: E402
from stanceclf.codebook import HEADS  # noqa: E402
from stanceclf.labels import Project  # noqa: E402
from stanceclf.model import Calibration, fit_bundle  # noqa: E402
from stanceclf.predict import Model, load_model  # noqa: E402

PAGES = ROOT / "benchmarks" / "pages"
PREFIX = "page-"


def page_files() -> dict[str, dict]:
    """Article id (``page-<page>``) -> its ``.txt`` page's gold record, from every gold file."""
    return {PREFIX + page: record for page, record in gold_records(PAGES).items() if record["file"].endswith(".txt")}


def deal(pages: list[str], folds: int) -> list[list[str]]:
    """Pages dealt round-robin into ``folds`` groups, in sorted order: the same groups on every run."""
    return [sorted(pages)[start::folds] for start in range(folds)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5, help="groups of pages (default 5)")
    parser.add_argument("--by-split", action="store_true", help="one group per benchmark split instead")
    parser.add_argument("--errors", choices=sorted(HEADS), help="list the statements this head reads wrongly")
    parser.add_argument("--dump", metavar="FILE", help="write each statement's gold, readings and scores (JSON lines)")
    parser.add_argument(
        "--fixed-calibration",
        nargs="?",
        const=str(ROOT / "stanceclf" / "models"),
        metavar="DIR",
        help="hold calibration at this model's card (default the shipped model) instead of refitting it per fold",
    )
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    project = Project.load(ROOT)
    by_page: dict[str, list] = {}
    for statement in project.pages:
        by_page.setdefault(statement.article, []).append(statement)
    calibrate: bool | Calibration = True
    if args.fixed_calibration:
        card = load_model(args.fixed_calibration).card
        calibrate = Calibration(dict(card.temperatures), dict(card.default_label_offsets), dict(card.unsure_below))
    files = page_files()
    missing = sorted(set(by_page) - set(files))
    if missing:
        raise SystemExit(f"no page file for {', '.join(missing[:5])}")
    if args.by_split:
        splits: dict[str, list[str]] = {}
        for page in sorted(by_page):
            splits.setdefault(files[page]["split"], []).append(page)
        groups = list(splits.values())
    else:
        groups = deal(list(by_page), args.folds)
    gold = {head: [] for head in HEADS}
    guessed = {way: {head: [] for head in HEADS} for way in ("in context", "alone")}
    errors, dumped = [], []
    for number, group in enumerate(groups, 1):
        held = set(group)
        training = project.train + [s for s in project.pages if s.article not in held]
        model = Model.from_bundle(fit_bundle(training, always_train=project.written, calibrate=calibrate))
        for page in group:
            statements = by_page[page]  # in page order: ids count up through the page
            text = (PAGES / files[page]["file"]).read_text(encoding="utf-8")
            predictions = model.classify_spans(text, gold_spans(text, [s.text for s in statements]))
            alone = model.classify_statements([s.text for s in statements])
            for statement, prediction, single in zip(statements, predictions, alone):
                for head in HEADS:
                    gold[head].append(statement.labels[head])
                    guessed["in context"][head].append(prediction.labels[head])
                    guessed["alone"][head].append(single.labels[head])
                dumped.append(
                    {
                        "id": statement.id,
                        "text": statement.text,
                        "gold": statement.labels,
                        "in_context": prediction.labels,
                        "alone": single.labels,
                        "scores_alone": single.scores,
                    }
                )
                if args.errors and prediction.labels[args.errors] != statement.labels[args.errors]:
                    errors.append(
                        f"{statement.id}: gold {statement.labels[args.errors]}, read "
                        f"{prediction.labels[args.errors]}: {statement.text}"
                    )
        print(f"fold {number}/{len(groups)}: {len(group)} pages", file=sys.stderr)
    if args.dump:
        Path(args.dump).write_text("".join(json.dumps(row) + "\n" for row in dumped), encoding="utf-8")
    print(f"page cross-validation: {len(by_page)} pages, {len(gold['stance'])} statements, {len(groups)} folds")
    print(f"{'':<11} " + " ".join(f"{head:>9}" for head in HEADS) + "   flips")
    for way, guess in guessed.items():
        flips = sum({g, p} == {"support", "oppose"} for g, p in zip(gold["stance"], guess["stance"]))
        print(f"{way:<11} " + " ".join(f"{macro_f1(gold[head], guess[head]):>9.3f}" for head in HEADS) + f"   {flips}")
    guess = guessed["in context"]
    for head in HEADS:
        confused = Counter((g, p) for g, p in zip(gold[head], guess[head]) if g != p).most_common(6)
        print(f"{head} errors: " + ", ".join(f"{g}->{p} {n}" for (g, p), n in confused))
    if errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
