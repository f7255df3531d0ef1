"""Every prediction field on the seed articles and benchmark pages, to compare two versions of the code.

Speed work must not move a prediction. Run it on the code before the change
and after, then compare::

    python benchmarks/same_predictions.py before.json     # on the old code
    python benchmarks/same_predictions.py after.json      # on the new code
    python benchmarks/same_predictions.py --compare before.json after.json

Each article is classified by ``classify()`` and, all together, by
``classify_many()``; every field of every prediction is written (floats as
their shortest repr, so that equal files mean equal bits).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def texts() -> list[str]:
    """The seed articles, then the benchmark pages, in a fixed order."""
    from stanceclf.corpus import read_corpus

    found = [article.text for article in read_corpus(ROOT / "corpus").values()]
    pages = sorted((ROOT / "benchmarks" / "pages").glob("*/*.txt"))
    return found + [page.read_text(encoding="utf-8") for page in pages]


def fields(prediction) -> list:
    """A prediction's every field as JSON values."""
    return [
        prediction.text,
        prediction.start,
        prediction.end,
        prediction.labels,
        {head: {label: repr(value) for label, value in scores.items()} for head, scores in prediction.scores.items()},
        repr(prediction.evidence),
        prediction.unsure,
        repr(prediction.coverage),
    ]


def dump(path: Path) -> int:
    """Write every prediction of :func:`texts` to ``path``; the number of predictions per call style."""
    from stanceclf import classify, load_model

    articles = texts()
    one_call = [[fields(p) for p in classify(text)] for text in articles]
    batched = [[fields(p) for p in found] for found in load_model().classify_many(articles)]
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump({"classify": one_call, "classify_many": batched}, out, ensure_ascii=False)
    os.replace(temporary, path)
    return sum(map(len, one_call))


def compare(before: Path, after: Path) -> bool:
    """Whether two dumps are equal, printing each text that differs."""
    old, new = (json.loads(path.read_text(encoding="utf-8")) for path in (before, after))
    same = True
    for call in ("classify", "classify_many"):
        for index, (a, b) in enumerate(zip(old[call], new[call])):
            if a != b:
                print(f"{call}: text {index} differs")
                same = False
        if len(old[call]) != len(new[call]):
            print(f"{call}: {len(old[call])} texts against {len(new[call])}")
            same = False
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="the file to write, or (with --compare) two files")
    parser.add_argument("--compare", action="store_true", help="compare two files written before")
    args = parser.parse_args()
    if args.compare:
        if len(args.paths) != 2:
            parser.error("--compare takes two files")
        same = compare(*args.paths)
        print("identical" if same else "DIFFERENT")
        sys.exit(0 if same else 1)
    print(f"{dump(args.paths[0]):,} predictions written to {args.paths[0]}")


if __name__ == "__main__":
    main()
