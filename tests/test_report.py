"""The HTML report, rendered by a real headless browser (Debian's chromium)."""

from __future__ import annotations

import html as html_module
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO

from stanceclf import classify
from stanceclf.cli import main
from stanceclf.corpus import read_corpus
from stanceclf.report import render_report
from stanceclf.summary import profile

ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium is not installed")
    return CHROMIUM


@pytest.fixture(scope="module")
def articles():
    corpus = read_corpus(REPO / "corpus")
    return [(name, classify(corpus[name].text)) for name in ("002_490b98aef62dcad9", "004_b958ac358e07234c_r1")]


def run_browser(browser: str, tmp_path: Path, *args: str) -> str:
    result = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_report_is_self_contained(articles):
    page = render_report(articles)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page


def test_browser_renders_statements_labels_and_summary_counts(browser, articles, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(render_report(articles), encoding="utf-8")
    dom = run_browser(browser, tmp_path, "--dump-dom", path.as_uri())
    sections = re.findall(
        r'<article class="report-article" data-name="([^"]+)" data-statements="(\d+)">(.*?)</article>', dom, re.S
    )
    assert [(name, int(n)) for name, n, _ in sections] == [(name, len(preds)) for name, preds in articles]
    for (name, predictions), (_, _, body) in zip(articles, sections):
        spans = re.findall(
            r'<span class="stmt" id="[^"]+" tabindex="0" data-stance="(\w+)" data-framing="(\w+)"'
            r' data-speaker="(\w+)"[^>]*>(.*?)<span class="badge">(\w+)</span>',
            body,
            re.S,
        )
        assert [(s, f, sp) for s, f, sp, _, _ in spans] == [(p.stance, p.framing, p.speaker) for p in predictions]
        assert [html_module.unescape(text) for *_, text, _ in spans] == [p.text for p in predictions]
        assert [badge for *_, badge in spans] == [p.framing for p in predictions]
        expected = profile(name, predictions)
        for head, counts in (("stance", expected.stance_counts), ("framing", expected.framing_counts)):
            shown = dict(
                re.findall(rf'<div class="bar-row" data-{head}="(\w+)">.*?<span class="count">(\d+)</span>', body, re.S)
            )
            assert {label: int(n) for label, n in shown.items()} == counts
    # The script ran: the side panel shows the first statement's scores and evidence.
    panel = re.search(r'<div id="panel-body" data-shown="a1-s1">(.*?)</div>', dom, re.S)
    assert panel and articles[0][1][0].stance in panel.group(1) and "evidence" in panel.group(1)


def test_browser_screenshot_is_kept_as_an_artifact(browser, articles, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    path = tmp_path / "report.html"
    path.write_text(render_report(articles), encoding="utf-8")
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    run_browser(browser, tmp_path, "--window-size=1280,1400", f"--screenshot={shot}", path.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_report_command_writes_the_file(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Kyiv refused the talks. Moscow said it was ready.", encoding="utf-8")
    output = tmp_path / "out.html"
    assert main(["report", str(article), "-o", str(output)]) == 0
    assert "1 article(s), 2 statement(s)" in capsys.readouterr().out
    page = output.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('class="stmt"') == 2
