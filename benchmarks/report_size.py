"""Size of a 2,000-article HTML report and the time headless chromium takes to open it.

    python benchmarks/report_size.py [--articles 2000]

Builds an archive of invented articles in four outlet styles (about 20
statements each, the length of the seeds), classifies them, renders the
report with the default cap and without one, and opens each file in
headless chromium (Debian's package) three times. Prints the file size, the
time until the report's script has run (``performance.now()`` at the end of
the page, so parsing, layout of the first screen and the filters' set-up
are in it) and the wall-clock time of the whole browser run next to that of
an empty page (the browser's own start-up).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stanceclf import classify_many  # noqa: E402
from stanceclf.report import DEFAULT_CAP, render_report  # noqa: E402

OUTLETS = ("Vestnik Daily", "Kyiv Ledger", "Geneva Wire", "Ankara Observer")
SENTENCES = (
    "Moscow is ready for negotiations with Kyiv, the spokesman told reporters on {day}.",
    "Any agreement must recognise the new territorial realities, the minister said.",
    "The regime in Kyiv keeps sabotaging every peace initiative on orders from abroad.",
    "Kyiv rejected the ultimatum and refused any talks while troops remain on its soil.",
    "Ukraine will negotiate only once the occupiers have left every inch of its land.",
    "Missiles struck the port overnight, the air force reported.",
    "The delegations met for two hours in a hotel near the port of {city}.",
    "We have always been open to dialogue and hold no grudge, the envoy insisted.",
    "The so-called peace plan is a ploy to buy time and rearm, the analyst wrote.",
    "No settlement can violate internationally recognised borders, the statement said.",
    "Energy prices rose for a third week as the heating season began in {city}.",
    "Mediators in {city} said a prisoner exchange could come before any wider talks.",
)


def archive(n: int, seed: int = 7) -> list[tuple[str, str, dict]]:
    rng = random.Random(seed)
    days, cities = ("Monday", "Tuesday", "Thursday"), ("Istanbul", "Geneva", "Doha", "Riyadh")
    articles = []
    for i in range(n):
        lines = [f"Talks update {i}: what was said this week", f"By Staff Writer, {rng.choice(cities)}", ""]
        for _ in range(4):
            paragraph = [rng.choice(SENTENCES).format(day=rng.choice(days), city=rng.choice(cities)) for _ in range(5)]
            lines += [" ".join(paragraph), ""]
        meta = {"outlet": OUTLETS[i % 4], "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"}
        articles.append((f"article-{i:04d}", "\n".join(lines), meta))
    return articles


def open_times(browser: str, page: Path, runs: int = 3) -> tuple[float, float]:
    """Median script-done time inside the page and median wall-clock time of the browser run, in seconds."""
    timed = page.with_name("timed-" + page.name)
    timed.write_text(
        page.read_text(encoding="utf-8").replace(
            "</body>",
            "<script>var t = document.createElement('pre'); t.id = 'ready-ms';"
            " t.textContent = performance.now().toFixed(0); document.body.appendChild(t);</script></body>",
        ),
        encoding="utf-8",
    )
    inside, wall = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            started = time.perf_counter()
            dom = subprocess.run(
                [
                    browser,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    f"--user-data-dir={profile}",
                    "--dump-dom",
                    timed.as_uri(),
                ],
                capture_output=True,
                text=True,
                timeout=600,
                check=True,
            ).stdout
            wall.append(time.perf_counter() - started)
        found = re.search(r'<pre id="ready-ms">(\d+)</pre>', dom)
        inside.append(int(found.group(1)) / 1000 if found else float("nan"))
    return statistics.median(inside), statistics.median(wall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    items = archive(args.articles)
    results = list(classify_many(text for _, text, _ in items))
    statements = sum(len(r) for r in results)
    articles = [(name, preds, text, meta) for (name, text, meta), preds in zip(items, results)]
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.html"
        empty.write_text("<!DOCTYPE html><title>x</title><p>x</p>", encoding="utf-8")
        print(f"{args.articles} articles, {statements} statements")
        print(f"{'report':<24} {'size':>9} {'render':>8} {'script done':>12} {'browser run':>12}")
        if browser:
            _, base = open_times(browser, empty)
            print(f"{'empty page':<24} {'':>9} {'':>8} {'':>12} {base:>11.2f}s")
        for label, cap in ((f"cap {DEFAULT_CAP} (default)", DEFAULT_CAP), ("no cap", None)):
            started = time.perf_counter()
            page = render_report(articles, cap=cap)
            render = time.perf_counter() - started
            path = Path(folder) / f"report-{cap}.html"
            path.write_text(page, encoding="utf-8")
            size = path.stat().st_size / 1e6
            if browser:
                inside, wall = open_times(browser, path)
                print(f"{label:<24} {size:>7.1f}MB {render:>7.2f}s {inside:>11.2f}s {wall:>11.2f}s")
            else:
                print(f"{label:<24} {size:>7.1f}MB {render:>7.2f}s  (no chromium: open times not measured)")


if __name__ == "__main__":
    main()
