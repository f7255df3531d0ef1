"""The HTML report, rendered and driven by a real headless browser (Debian's chromium)."""

from __future__ import annotations

import csv
import html as html_module
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO

from stanceclf import classify
from stanceclf.cli import main
from stanceclf.codebook import CUES, MASKS, RULE_PAIRS, STANCE_CUE_CLASSES
from stanceclf.corpus import read_corpus
from stanceclf.extract import article_text
from stanceclf.report import EVIDENCE_TERMS, explain_evidence, render_report
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
    "--virtual-time-budget=5000",
]

# A wire story as a news site prints it: headline, byline, a hard-wrapped paragraph,
# a bullet list of demands, a photo caption, share buttons and related links.
WIRE_STORY = (
    "Kremlin says it is open to talks, but only on its own terms\n"
    "By Anna Petrova, Moscow correspondent\n"
    "Updated 14:05\u00a0GMT, 12 March 2024\n"
    "\n"
    "Moscow is ready for negotiations with Kyiv, the Kremlin spokesman said on Tuesday, but\n"
    "any agreement must recognise what he called the new territorial realities.\n"
    "The regime in Kyiv is a puppet of Washington and cannot sign anything, he added.\n"
    "\n"
    "The Russian side listed its demands:\n"
    "- Ukraine must renounce its bid to join NATO.\n"
    "- Western sanctions must be lifted before any ceasefire.\n"
    "\n"
    "Missiles struck the port of Odesa overnight, the Ukrainian air force said.\n"
    "Kyiv rejected the ultimatum and said it would not negotiate under threat.\n"
    "\n"
    "Share this article: Facebook Twitter Telegram\n"
)
WIRE_META = {
    "title": "Kremlin open to talks on its terms",
    "outlet": "Vestnik Daily",
    "outlet_type": "russian_state",
    "date": "2024-03-12",
    "source": "vestnik.example/world/talks-terms",
}
LEDGER_STORY = (
    "Kyiv will talk only once Russian troops have left Ukrainian land, the president said on Monday.\n"
    "Ukraine is ready to meet in Istanbul for talks on a prisoner exchange, the foreign minister said.\n"
    "The delegations met for two hours in a hotel near the port.\n"
)


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
    seeds = [(name, corpus[name].text) for name in ("002_490b98aef62dcad9", "004_b958ac358e07234c_r1")]
    return [
        ("wire.txt", classify(WIRE_STORY), WIRE_STORY, WIRE_META),
        ("ledger.txt", classify(LEDGER_STORY), LEDGER_STORY, {"outlet": "Kyiv Ledger", "date": "2024-03-11"}),
        *((name, classify(text), text, {"outlet": corpus[name].outlet}) for name, text in seeds),
    ]


def run_browser(browser: str, tmp_path: Path, *args: str) -> str:
    result = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def drive(browser: str, tmp_path: Path, page: str, steps: str, *, screenshot: Path | None = None) -> dict:
    """Load the report in chromium, run a script of steps after the report's own, read back what it recorded."""
    harness = (
        "<script>(function () {"
        "  var result = {};"
        "  document.getElementById('export-link').click = function () {};"  # no download dialog in the test
        "  function set(id, value) { var el = document.getElementById(id); el.value = value;"
        "    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input')); }"
        "  function tick(id) { var el = document.getElementById(id); el.checked = !el.checked;"
        "    el.dispatchEvent(new Event('change')); }"
        "  function visible() { var shown = '#articles article:not(.hidden) .stmt:not(.dim)';"
        "    return Array.prototype.map.call(document.querySelectorAll(shown), function (el) { return el.id; }); }"
        "  function exported() { document.getElementById('export').click();"
        "    return decodeURIComponent(document.getElementById('export-link').href.split(',').slice(1).join(',')); }"
        f"  {steps}"
        "  var out = document.createElement('pre'); out.id = 'test-result';"
        "  out.textContent = JSON.stringify(result); document.body.appendChild(out);"
        "})();</script></body>"
    )
    path = tmp_path / "driven.html"
    path.write_text(page.replace("</body>", harness), encoding="utf-8")
    if screenshot is not None:
        screenshot.unlink(missing_ok=True)
        run_browser(browser, tmp_path, "--window-size=1400,1100", f"--screenshot={screenshot}", path.as_uri())
    dom = run_browser(browser, tmp_path, "--dump-dom", path.as_uri())
    found = re.search(r'<pre id="test-result">(.*?)</pre>', dom, re.S)
    assert found, "the harness did not run: the report's script failed"
    return json.loads(html_module.unescape(found.group(1)))


def test_report_is_self_contained(articles):
    page = render_report(articles)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page


def test_every_cue_pair_and_mask_reads_in_words():
    for name in CUES:
        assert explain_evidence(f"cue:#{name}").startswith("cue: ") and "codebook" in explain_evidence(f"cue:#{name}")
        assert explain_evidence(f"#{name}").startswith("cue word: ")
    for first, second in RULE_PAIRS:
        assert f"{first}_{second}" in EVIDENCE_TERMS["cue"]
    for name in STANCE_CUE_CLASSES:
        assert explain_evidence(f"cue:#{name}_notarget").startswith("cue: ") and "names neither side" in (
            explain_evidence(f"cue:#{name}_notarget")
        )
    assert "codebook" in explain_evidence("cue:#untargeted")
    for mask in MASKS:
        assert explain_evidence(mask) == f"actor: {EVIDENCE_TERMS['actor'][mask]}"
    assert (
        explain_evidence("cue:#cond")
        == "cue: a condition, a required basis or demanded terms (codebook 3, rules 1 and 5)"
    )
    assert explain_evidence("ruactor said") == 'words: "[a Russian official] said"'
    assert explain_evidence("regime") == 'words: "regime"'


def test_report_keeps_the_article_shape_and_tints_only_what_carries_a_label(articles):
    page = render_report(articles)
    wire = re.search(r'<article class="report-article" id="a1".*?</article>', page, re.S).group(0)
    predictions = articles[0][1]
    # The headline is the first statement, set as the heading; the metadata line names outlet, date and source.
    assert re.search(r'<h2><span class="stmt[^"]*" id="a1-s1"', wire)
    assert predictions[0].text.startswith("Kremlin says it is open to talks")
    meta = re.search(r'<p class="meta">(.*?)</p>', wire).group(1)
    assert "Vestnik Daily · 2024-03-12 · source: vestnik.example/world/talks-terms · file: wire.txt" in meta
    # Paragraphs and the bullet list survive: the hard-wrapped sentence is one paragraph, the demands two items.
    items = re.findall(r"<li>(.*?)</li>", wire, re.S)
    assert len(items) == 2 and "NATO" in items[0] and "sanctions" in items[1]
    paragraph = next(p for p in re.findall(r"<p>(.*?)</p>", wire, re.S) if "new territorial" in p)
    assert "Moscow is ready" in paragraph
    assert len(re.findall(r"<p>", wire)) >= 3
    # Only statements with a stance or a frame are tinted; the frame tag only for a frame.
    for number, p in enumerate(predictions, start=1):
        span = re.search(rf'<span class="stmt( tinted)?" id="a1-s{number}"[^>]*>(.*?)<span class="t">', wire, re.S)
        assert bool(span.group(1)) == (p.stance != "neutral" or p.framing != "neutral_report")
        after = wire[span.end() :].split('<span class="stmt', 1)[0]
        assert (f'<span class="badge">{p.framing}</span>' in after) == (p.framing != "neutral_report")
        marks = {"support": "+", "conditional": "±", "oppose": "×"}
        assert (p.stance in marks) == (f'<span class="mark" aria-hidden="true">{marks.get(p.stance)}' in span.group(2))
        assert ('class="spk"' in after) == (p.speaker != "author")


def test_cap_shows_the_first_articles_and_says_so(articles):
    page = render_report(articles, cap=2)
    assert len(re.findall(r'<article class="report-article"', page)) == 2
    assert "shows the first 2 of 4 articles in full" in page
    overview = re.search(r'<section class="overview".*?</section>', page, re.S).group(0)
    counted = sum(int(n) for n in re.findall(r'<td class="n">(\d+)</td><td class="n">\d+</td><td>', overview))
    assert counted == 4
    assert "cap-note" not in render_report(articles, cap=None)


def test_browser_renders_statements_labels_and_overview(browser, articles, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(render_report(articles), encoding="utf-8")
    dom = run_browser(browser, tmp_path, "--dump-dom", path.as_uri())
    sections = re.findall(
        r'<article class="report-article" id="a\d+" data-name="([^"]+)" data-statements="(\d+)"[^>]*>(.*?)</article>',
        dom,
        re.S,
    )
    assert [(name, int(n)) for name, n, _ in sections] == [(a[0], len(a[1])) for a in articles]
    for article, (_, _, body) in zip(articles, sections):
        spans = re.findall(
            r'<span class="stmt[^"]*" id="[^"]+" tabindex="0" data-stance="(\w+)" data-framing="(\w+)"'
            r' data-speaker="(\w+)" data-unsure="([01])"[^>]*>.*?<span class="t">(.*?)</span>',
            body,
            re.S,
        )
        predictions = article[1]
        assert [(s, f, sp, u == "1") for s, f, sp, u, _ in spans] == [
            (p.stance, p.framing, p.speaker, p.unsure) for p in predictions
        ]
        assert [html_module.unescape(text) for *_, text in spans] == [p.text for p in predictions]
    # The overview puts the outlets side by side with their statement counts.
    overview = dict(
        re.findall(r'<tr data-group="([^"]+)"><td>[^<]+</td><td class="n">\d+</td><td class="n">(\d+)</td>', dom)
    )
    assert int(overview["Vestnik Daily"]) == len(articles[0][1]) and int(overview["Kyiv Ledger"]) == len(articles[1][1])
    # The script ran: the side panel shows the first statement's scores and evidence in words.
    panel = re.search(r'<div id="panel-body" data-shown="a1-s1">(.*?)</div>', dom, re.S)
    assert panel and articles[0][1][0].stance in panel.group(1)
    assert "why:" in panel.group(1) and "ruactor" not in panel.group(1) and "cue:#" not in panel.group(1)
    count = re.search(r'<span id="match-count"[^>]*data-matches="(\d+)"', dom)
    assert int(count.group(1)) == sum(len(a[1]) for a in articles)


def test_browser_filters_search_and_export(browser, articles, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    page = render_report(articles)
    everything = [(f"a{i}-s{j}", a, p) for i, a in enumerate(articles, 1) for j, p in enumerate(a[1], 1)]
    target = next(p.stance for *_, p in everything if p.stance != "neutral")
    result = drive(
        browser,
        tmp_path,
        page,
        f"set('f-stance', '{target}'); result.stance = visible(); result.stanceCsv = exported();"
        "set('f-stance', ''); set('f-framing', 'delegitimize'); set('f-speaker', 'russia_official');"
        " result.frameSpeaker = visible();"
        "set('f-framing', ''); set('f-speaker', ''); tick('f-unsure'); result.unsure = visible(); tick('f-unsure');"
        "set('f-search', 'ISTANBUL'); result.search = visible(); result.searchCsv = exported();"
        "result.hiddenArticles = document.querySelectorAll('#articles article.hidden').length;"
        "result.hiddenIndex = document.querySelectorAll('nav.index li.hidden').length;"
        "set('f-search', ''); result.all = visible(); set('f-stance', 'oppose');",
        screenshot=ARTIFACTS / "report-filtered.png",
    )
    assert result["stance"] == [sid for sid, _, p in everything if p.stance == target]
    assert result["frameSpeaker"] == [
        sid for sid, _, p in everything if p.framing == "delegitimize" and p.speaker == "russia_official"
    ]
    assert result["unsure"] == [sid for sid, _, p in everything if p.unsure]
    assert result["search"] == [sid for sid, _, p in everything if "istanbul" in p.text.lower()] != []
    with_match = {a[0] for _, a, p in everything if "istanbul" in p.text.lower()}
    assert result["hiddenArticles"] == result["hiddenIndex"] == len(articles) - len(with_match)
    assert len(result["all"]) == len(everything)
    rows = list(csv.DictReader(io.StringIO(result["stanceCsv"])))
    expected = [(a, p) for _, a, p in everything if p.stance == target]
    assert [(r["article"], r["stance"], r["text"]) for r in rows] == [(a[0], p.stance, p.text) for a, p in expected]
    assert rows[0]["outlet"] == expected[0][0][3].get("outlet", "")
    searched = list(csv.DictReader(io.StringIO(result["searchCsv"])))
    assert [r["text"] for r in searched] == [p.text for *_, p in everything if "istanbul" in p.text.lower()]
    assert float(searched[0]["stance_p"]) == pytest.approx(
        max(next(p for *_, p in everything if "istanbul" in p.text.lower()).stance_scores.values()), abs=1e-3
    )
    shot = ARTIFACTS / "report-filtered.png"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_browser_screenshot_is_kept_as_an_artifact(browser, articles, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    path = tmp_path / "report.html"
    path.write_text(render_report(articles), encoding="utf-8")
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    run_browser(browser, tmp_path, "--window-size=1400,1300", f"--screenshot={shot}", path.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_report_command_writes_the_file_with_metadata_from_an_archive(tmp_path, capsys):
    archive = tmp_path / "archive.jsonl"
    archive.write_text(
        json.dumps({"id": "w1", "text": WIRE_STORY, **WIRE_META}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    article = tmp_path / "a.txt"
    article.write_text("Kyiv refused the talks. Moscow said it was ready.", encoding="utf-8")
    output = tmp_path / "out.html"
    assert main(["report", str(archive), str(article), "-o", str(output), "--max-articles", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"wrote {output}: 2 article(s)," in captured.err and "note: 1 of 2 articles shown in full" in captured.err
    page = output.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('class="report-article"') == 1
    assert 'data-outlet="Vestnik Daily"' in page and '<tr data-group="(none)">' in page
    # The archive's title is classified as the first statement, before the story.
    headlined = article_text(WIRE_META["title"], WIRE_STORY)
    assert profile("w1", classify(headlined)).statements == page.count('<span class="t">')


def test_every_attribution_token_is_explained_in_an_analysts_words():
    from stanceclf.speech import speaker_cues

    sentences = [
        "The door stays open, Kremlin spokesman Dmitry Peskov told reporters on Tuesday.",
        "We will not trade land for a pause, Zelensky said in his evening address.",
        "The offer stands, Secretary of State Marco Rubio said after the call.",
        "Riyadh is ready to host both delegations, Saudi Arabia said.",
        "The talks ended without a date for the next round, the Energy Ministry said.",
        "A freeze would suit Moscow, said Ahmet Yilmaz, a former diplomat.",
        '"We are not in a hurry," he added.',
        "The statement said both sides had agreed to meet again.",
    ]
    tokens = {token for sentence in sentences for token in speaker_cues(sentence)}
    assert len(tokens) == 8
    for token in tokens:
        words = explain_evidence(f"cue:{token}")
        assert words.startswith("cue: attributed") and "said_" not in words, token
