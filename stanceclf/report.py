"""Predictions -> an HTML report an analyst can read, offline, in one file.

The page has an overview that compares outlets (or articles) side by side,
an index of the articles, filters (stance, frame, speaker, unsure), a search
box and an export of the matching statements as CSV; then each article in
its own shape: headline, a metadata line (outlet, date, source),
paragraphs and bullet lists. Only statements that carry a stance or a frame
are tinted; neutral reporting stays plain. Each tinted statement starts with
a stance mark, has a frame tag and, when someone other than the author
speaks, a small speaker marker. Pointing at, tabbing to or clicking a
statement shows its scores and evidence, in words, in a side panel.

Design choices:

- one self-contained file: CSS, script and data inline, no fonts, images or
  scripts from elsewhere, so it opens offline and can be mailed;
- colours from the Okabe-Ito palette, which stays distinct under the common
  colour-vision deficiencies, and never colour alone: each stance has its own
  mark (``+`` support, ``±`` conditional, ``×`` oppose) and underline style,
  and ``oppose`` is hatched, so the page reads in black and white;
- the scores and evidence of every statement are kept once in a JSON block,
  evidence phrases interned (an n-gram that recurs is written once), which
  keeps a 2,000-article report small enough to open (figures in
  ``docs/performance.md``);
- the page reads without its script; the script adds the panel, filters,
  search and export.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from .codebook import EVIDENCE_TERMS, HEADS
from .errors import InputTypeError
from .prediction import UNSURE_HEADS, Prediction
from .summary import group_rows, prediction_rows, profile

__all__ = ["render_report", "explain_evidence", "STANCE_COLOURS", "STANCE_MARKS", "EVIDENCE_TERMS", "DEFAULT_CAP"]

# EVIDENCE_TERMS (the cue and actor words of the evidence) lives with the cue tables in stanceclf.codebook.

#: Okabe-Ito colours per stance (with an underline style each, for print).
STANCE_COLOURS = {
    "support": ("#009E73", "solid"),
    "conditional": ("#E69F00", "double"),
    "oppose": ("#D55E00", "dashed"),
    "neutral": ("#999999", "dotted"),
}

#: A mark per stance at the start of a tinted statement, legible in black and white.
STANCE_MARKS = {"support": "+", "conditional": "±", "oppose": "×", "neutral": ""}

#: Articles shown in full by default; the overview always counts every article.
DEFAULT_CAP = 300

_SPEAKER_MARKS = {
    "russia_official": "RU",
    "ukraine_official": "UA",
    "western_official": "W",
    "other_official": "OTH",
    "author": "",
}
_BULLET = re.compile(r"[ \t]*(?:[-*•‣–·]|\d{1,2}[.)])[ \t]+")
_NO_TERMINAL = re.compile(r"[^.!?:;\"'”’»)]\s*$")

_CSS = """
:root { --ink: #1a1a1a; --muted: #555; --panel: #f6f6f6; --rule: #ddd; }
* { box-sizing: border-box; }
body { font: 16px/1.6 Georgia, 'Times New Roman', serif; color: var(--ink); margin: 0; }
header, .layout, .overview, .controls, .notice { max-width: 1240px; margin: 0 auto; padding: 0 1.5rem; }
h1, h2, h3, .ui, .meta, .badge, .spk, table, .controls, .legend { font-family: system-ui, sans-serif; }
header h1 { font-size: 1.6rem; line-height: 1.2; margin: 1.2rem 0 0.3rem; }
.legend { font-size: 0.85rem; color: var(--muted); display: flex; gap: 0.4rem 1.2rem; flex-wrap: wrap; margin: 0.3rem 0 0.8rem; }
.notice p { background: #fff4d6; border: 1px solid #d9b24a; padding: 0.5rem 0.8rem; font: 0.9rem system-ui, sans-serif; }
.overview h2, .index h2 { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
.overview { overflow-x: auto; }
.overview table { border-collapse: collapse; font-size: 0.8rem; width: 100%; }
.overview th, .overview td { padding: 0.2rem 0.4rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: middle; }
.overview td.n { text-align: right; font-variant-numeric: tabular-nums; }
.shares { display: flex; height: 1rem; min-width: 14rem; border: 1px solid #666; }
.shares span { display: block; height: 100%; }
.controls { position: sticky; top: 0; background: #fff; z-index: 2; border-bottom: 1px solid var(--rule); padding-top: 0.5rem; padding-bottom: 0.5rem;
            display: flex; gap: 0.6rem; flex-wrap: wrap; align-items: center; font-size: 0.85rem; }
.controls input[type=search] { min-width: 16rem; padding: 0.2rem 0.4rem; }
#match-count { color: var(--muted); }
.layout { display: grid; grid-template-columns: 15rem minmax(0, 1fr) 20rem; gap: 1.5rem; }
nav.index { position: sticky; top: 3.5rem; align-self: start; max-height: calc(100vh - 4rem); overflow: auto; font: 0.8rem/1.35 system-ui, sans-serif; }
nav.index ol { padding-left: 1.2rem; margin: 0; }
nav.index li { margin-bottom: 0.35rem; }
nav.index .meta { display: block; color: var(--muted); font-size: 0.72rem; }
article.report-article { border-top: 2px solid var(--rule); padding: 0.8rem 0 1rem; }
article.report-article h2 { font-size: 1.3rem; line-height: 1.3; margin: 0 0 0.2rem; }
article .meta { color: var(--muted); font-size: 0.8rem; margin: 0 0 0.7rem; }
article p, article ul { margin: 0 0 0.7rem; }
article ul { list-style: none; padding-left: 1.2rem; }  /* the statement keeps its own bullet */
.stmt { cursor: help; }
.stmt:focus, .stmt:hover { outline: 2px solid var(--ink); outline-offset: 1px; }
.stmt.tinted, .key { border-bottom: 3px solid; padding: 0 0.1rem; }
.stmt.tinted[data-stance=oppose], .key[data-stance=oppose] { background-image: repeating-linear-gradient(135deg, transparent 0 5px, rgba(0,0,0,0.10) 5px 6px); }
.mark { font: 700 0.85em system-ui, sans-serif; margin-right: 0.15rem; }
.badge { font-weight: 600; font-size: 0.62rem; text-transform: uppercase; letter-spacing: 0.03em; border: 1px solid #888;
         border-radius: 3px; padding: 0 0.2rem; margin-left: 0.2rem; vertical-align: 0.15em; background: #fff; color: #333; }
.spk { font-size: 0.6rem; font-weight: 700; vertical-align: super; color: #333; margin-left: 0.1rem; }
.flag { font: 0.7rem system-ui, sans-serif; color: var(--muted); }
.dim { opacity: 0.25; }
.hidden { display: none !important; }
aside#panel { position: sticky; top: 3.5rem; align-self: start; background: var(--panel); padding: 0.8rem 1rem;
              max-height: calc(100vh - 4rem); overflow: auto;
              font: 0.82rem/1.4 system-ui, sans-serif; border-radius: 6px; }
aside#panel h4 { margin: 0.6rem 0 0.1rem; font-size: 0.75rem; text-transform: uppercase; color: var(--muted); }
aside#panel table { width: 100%; border-collapse: collapse; }
aside#panel td { padding: 0.02rem 0.2rem; }
aside#panel td.p { text-align: right; font-variant-numeric: tabular-nums; }
aside#panel ul { margin: 0.1rem 0 0; padding-left: 1rem; }
@media (max-width: 1000px) { .layout { grid-template-columns: minmax(0, 1fr); } nav.index, aside#panel { position: static; } }
@media print {
  .layout { display: block; } aside#panel, nav.index, .controls { display: none; }
  .dim { opacity: 1; } .stmt.tinted { background-color: transparent !important; }
}
"""

_SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  // Per statement: the scores of each head (data.labels' order), then evidence per head, then coverage.
  var heads = Object.keys(data.labels), n = heads.length;
  var panel = document.getElementById('panel-body');
  var statements = Array.prototype.slice.call(document.querySelectorAll('#articles .stmt'));
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }
  function detail(el) { var ij = el.id.slice(1).split('-s'); return data.details[+ij[0] - 1][+ij[1] - 1]; }
  function show(el) {
    var d = detail(el), out = '<p>' + heads.map(function (head, h) {
      var label = esc(el.dataset[head]);
      return data.sure.indexOf(h) >= 0 ? '<strong>' + label + '</strong>' : label;
    }).join(' · ') + '</p>';
    heads.forEach(function (head, h) {
      out += '<h4>' + head + '</h4><table>';
      data.labels[head].forEach(function (label, k) { out += '<tr><td>' + label + '</td><td class="p">' + Math.round(100 * d[h][k]) + '%</td></tr>'; });
      out += '</table>';
      if (d[n][h].length) {
        out += '<p>why:</p><ul>' + d[n][h].map(function (e) { return '<li>' + esc(data.phrases[e]) + '</li>'; }).join('') + '</ul>';
      }
    });
    out += '<p>words the model knows: ' + Math.round(100 * d[n + 1]) + '%' + (el.dataset.unsure === '1' ? ' · unsure: worth a look' : '') + '</p>';
    panel.innerHTML = out;
    panel.setAttribute('data-shown', el.id);
  }
  statements.forEach(function (el) {
    el.addEventListener('mouseenter', function () { show(el); });
    el.addEventListener('focus', function () { show(el); });
    el.addEventListener('click', function () { show(el); });
  });
  var controls = {};
  heads.forEach(function (head) { controls[head] = document.getElementById('f-' + head); });
  var unsure = document.getElementById('f-unsure'), search = document.getElementById('f-search');
  var count = document.getElementById('match-count');
  function matches(el) {
    for (var head in controls) { if (controls[head].value && el.dataset[head] !== controls[head].value) { return false; } }
    if (unsure.checked && el.dataset.unsure !== '1') { return false; }
    var q = search.value.trim().toLowerCase();
    return !q || el.querySelector('.t').textContent.toLowerCase().indexOf(q) >= 0;
  }
  function apply() {
    var active = heads.some(function (head) { return controls[head].value; }) || unsure.checked || search.value.trim();
    var shown = 0, articles = 0;
    document.querySelectorAll('article.report-article').forEach(function (art) {
      var n = 0;
      art.querySelectorAll('.stmt').forEach(function (el) {
        var ok = !active || matches(el);
        el.classList.toggle('dim', !ok);
        if (ok) { n += 1; }
      });
      art.classList.toggle('hidden', !n);
      var entry = document.getElementById('index-' + art.id);
      if (entry) { entry.classList.toggle('hidden', !n); }
      shown += n; articles += n ? 1 : 0;
    });
    count.textContent = shown + ' of ' + statements.length + ' statements match, in ' + articles + ' article(s)';
    count.setAttribute('data-matches', shown);
  }
  heads.map(function (head) { return controls[head]; }).concat([unsure]).forEach(function (c) { c.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  function cell(v) { v = String(v); return /[",\\n\\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
  document.getElementById('export').addEventListener('click', function () {
    var rows = [['article', 'outlet', 'date', 'statement'].concat(heads, data.sure.map(function (h) { return heads[h] + '_p'; }), ['unsure', 'text'])];
    statements.forEach(function (el) {
      if (el.classList.contains('dim') || el.closest('article').classList.contains('hidden')) { return; }
      var art = el.closest('article'), d = detail(el);
      rows.push([art.dataset.name, art.dataset.outlet || '', art.dataset.date || '', el.id.split('-s')[1]].concat(
        heads.map(function (head) { return el.dataset[head]; }),
        data.sure.map(function (h) { return Math.max.apply(null, d[h]).toFixed(3); }),
        [el.dataset.unsure === '1', el.querySelector('.t').textContent]));
    });
    var csv = rows.map(function (r) { return r.map(cell).join(','); }).join('\\r\\n') + '\\r\\n';
    var link = document.getElementById('export-link');
    link.href = 'data:text/csv;charset=utf-8,' + encodeURIComponent(csv);
    link.setAttribute('data-rows', rows.length - 1);
    link.click();
  });
  apply();
  if (statements.length) { show(statements[0]); }
})();
"""


@dataclass(frozen=True)
class _Block:
    kind: str  # "p", "li" or "gap" (blank lines between them)
    start: int
    end: int


def explain_evidence(ngram: str) -> str:
    """One evidence n-gram in words an analyst understands.

    Parameters
    ----------
    ngram : str
        An evidence n-gram as :attr:`stanceclf.Prediction.evidence` gives it:
        ``cue:#cond`` (a cue indicator), ``#deleg`` (a cue token among the
        words), ``ruactor said`` (words, actors masked by role).

    Returns
    -------
    str
        ``cue: ...`` for a cue, ``actor: ...`` for a lone actor mask, else
        ``words: "..."`` with masked actors spelt out.

    Examples
    --------
    >>> explain_evidence("cue:#ready_cond")
    'cue: readiness with a condition (codebook 3, rule 1)'
    >>> explain_evidence("ruactor")
    'actor: a Russian official (or Russia, the Kremlin)'
    >>> explain_evidence("the uaactor regime")
    'words: "the [a Ukrainian official] regime"'
    """
    cues, actors, off_target = EVIDENCE_TERMS["cue"], EVIDENCE_TERMS["actor"], EVIDENCE_TERMS["off_target"]
    if ngram.startswith("cue:#") and ngram[5:] in cues:
        return f"cue: {cues[ngram[5:]]}"
    if ngram.startswith("cue:#") and ngram.endswith(off_target["suffix"]):
        base = ngram[5 : -len(off_target["suffix"])]
        if base in cues:
            return "cue: " + off_target["words"].format(cue=cues[base])
    tokens = ngram.split()
    if len(tokens) == 1 and tokens[0] in actors:
        return f"actor: {actors[tokens[0]]}"
    if len(tokens) == 1 and tokens[0][:1] == "#" and tokens[0][1:] in cues:
        return f"cue word: {cues[tokens[0][1:]]}"
    spelt = [
        f"[{actors[t].split(' (')[0]}]" if t in actors else f"[{t[1:]} cue]" if t[:1] == "#" else t for t in tokens
    ]
    return 'words: "' + " ".join(spelt) + '"'


def render_report(
    articles: Sequence[tuple],
    *,
    title: str = "stanceclf report",
    cap: int | None = DEFAULT_CAP,
) -> str:
    """Render articles and their predictions as one self-contained HTML page.

    Parameters
    ----------
    articles : sequence of tuple
        Per article ``(name, predictions)``, ``(name, predictions, text)`` or
        ``(name, predictions, text, metadata)``: its name, what
        :func:`stanceclf.classify` returned for ``text``, the text itself
        (for the article's shape: headline, paragraphs, bullets; without
        it the statements form one paragraph) and a mapping of its fields
        (``title``, ``outlet``, ``outlet_type``, ``date``, ``source`` or
        ``url``, ``author``).
    title : str, optional
        The page title.
    cap : int or None, optional
        Show at most this many articles in full (the first ones); the
        overview still counts every article and a note says what was left
        out. ``None`` or ``0``: no cap.

    Returns
    -------
    str
        The HTML document.

    Raises
    ------
    InputTypeError
        When ``title`` is not a str, an item is not a ``(str, predictions)``
        pair, or a prediction is not a :class:`~stanceclf.predict.Prediction`.
    """
    articles = _checked_articles(articles, title)
    items = [_unpack(article) for article in articles]
    shown = items[:cap] if cap else items
    phrases: dict[str, int] = {}
    sections, details, index = [], [], []
    for number, (name, predictions, text, metadata) in enumerate(shown, start=1):
        section, entry, detail = _article(number, name, predictions, text, metadata, phrases)
        sections.append(section)
        index.append(entry)
        details.append(detail)
    data = {
        "labels": {head: list(labels) for head, labels in HEADS.items()},
        "sure": [list(HEADS).index(head) for head in UNSURE_HEADS],
        "phrases": list(phrases),
        "details": details,
    }
    notice = ""
    if len(shown) < len(items):
        notice = (
            f'<div class="notice"><p id="cap-note">This report shows the first {len(shown):,} of {len(items):,} '
            f"articles in full, to stay quick to open; the overview counts all {len(items):,}. "
            "Run <code>stanceclf report --max-articles 0</code> for every article, or split the input.</p></div>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<title>{html.escape(title)}</title><meta name="viewport" content="width=device-width">'
        f"<style>{_CSS}</style></head><body>"
        f"<header><h1>{html.escape(title)}</h1>{_legend()}</header>{notice}"
        f"{_overview(items)}{_controls()}"
        '<div class="layout"><nav class="index" aria-label="Articles"><h2>Articles</h2><ol>'
        + "".join(index)
        + '</ol></nav><main id="articles">'
        + "".join(sections)
        + '</main><aside id="panel" aria-live="polite"><strong>Details</strong><div id="panel-body">'
        "Point at, tab to or click a statement.</div></aside></div>"
        '<script type="application/json" id="report-data">'
        + json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        + f"</script><script>{_SCRIPT}</script></body></html>\n"
    )


def _checked_articles(articles: Sequence[tuple[str, Sequence[Prediction]]], title: str) -> list:
    if not isinstance(title, str):
        raise InputTypeError(f"render_report() title must be a str, got {type(title).__name__}")
    if isinstance(articles, (str, bytes)):
        raise InputTypeError("render_report() expects (name, predictions) pairs, got a single str")
    checked = list(articles)
    for position, item in enumerate(checked):
        if not (isinstance(item, (tuple, list)) and 2 <= len(item) <= 4 and isinstance(item[0], str)):
            raise InputTypeError(
                "render_report() expects (name, predictions[, text[, metadata]]) tuples; "
                f"item {position} is {type(item).__name__}"
            )
    return checked


def _unpack(article: tuple) -> tuple[str, list[Prediction], str | None, Mapping[str, Any]]:
    name, predictions, *rest = article
    text = rest[0] if rest else None
    metadata = rest[1] if len(rest) > 1 and rest[1] else {}
    return name, list(predictions), text, metadata


def _legend() -> str:
    keys = " ".join(
        f'<span class="key" data-stance="{label}" style="border-color:{colour};border-bottom-style:{style};'
        f'background-color:{colour}2e"><span class="mark">{STANCE_MARKS[label]}</span>{label}</span>'
        for label, (colour, style) in STANCE_COLOURS.items()
        if label != "neutral"
    )
    speakers = ", ".join(f"{mark} {label}" for label, mark in _SPEAKER_MARKS.items() if mark)
    return (
        f'<p class="legend"><span>Stance: {keys}</span><span>grey dotted: a frame, no stance</span>'
        "<span>untinted: neutral reporting</span><span>tag: the frame</span>"
        f"<span>speaker marks: {speakers} (none: the author)</span><span>? unsure · ~ out of scope</span></p>"
    )


def _controls() -> str:
    def select(head: str, labels: Sequence[str]) -> str:
        options = "".join(f'<option value="{label}">{label}</option>' for label in labels)
        return (
            f'<label>{head} <select id="f-{head}" data-head="{head}"><option value="">any</option>{options}</select>'
            "</label>"
        )

    return (
        '<div class="controls" role="search">'
        + "".join(select(head, labels) for head, labels in HEADS.items())
        + '<label><input type="checkbox" id="f-unsure"> unsure only</label>'
        '<input type="search" id="f-search" placeholder="search statements" aria-label="search statements">'
        '<button type="button" id="export">Export matching rows as CSV</button>'
        '<a id="export-link" class="hidden" download="stanceclf-statements.csv">download</a>'
        '<span id="match-count" aria-live="polite"></span>'
        "<noscript>Filters, search and export need JavaScript.</noscript></div>"
    )


def _overview(items: list) -> str:
    rows = [
        row
        for name, predictions, _, metadata in items
        for row in prediction_rows(name, predictions, {"outlet": metadata.get("outlet")})
    ]
    by = "outlet" if any(row.get("outlet") for row in rows) else "file"
    groups = group_rows(rows, [by])
    short = {"delegitimize": "deleg.", "law_sovereignty": "law", "neutral_report": "report", "conditional": "cond."}
    header = "".join(f'<th title="frame: {label}">{short.get(label, label)}</th>' for label in HEADS["framing"])
    lines = []
    for group in groups:
        item = group.profile
        shares = item.shares("stance")
        bar = "".join(
            f'<span title="{label} {shares[label]:.0%}" data-stance="{label}" '
            f'style="width:{100 * shares[label]:.1f}%;background:{STANCE_COLOURS[label][0]}'
            + (
                ";background-image:repeating-linear-gradient(135deg,transparent 0 3px,#0005 3px 4px)"
                if label == "oppose"
                else ""
            )
            + '"></span>'
            for label in HEADS["stance"]
            if shares[label]
        )
        frames = item.shares("framing")
        lines.append(
            f'<tr data-group="{html.escape(group.key[0])}"><td>{html.escape(group.key[0])}</td>'
            f'<td class="n">{group.articles}</td><td class="n">{item.statements}</td><td>{item.dominant_stance}</td>'
            + "".join(f'<td class="n" data-stance="{s}">{shares[s]:.0%}</td>' for s in HEADS["stance"])
            + f'<td><div class="shares">{bar}</div></td>'
            + "".join(f'<td class="n">{frames[f]:.0%}</td>' for f in HEADS["framing"])
            + "</tr>"
        )
    stance_header = "".join(f'<th title="stance: {label}">{short.get(label, label)}</th>' for label in HEADS["stance"])
    return (
        f'<section class="overview" data-by="{by}"><h2>Overview: {by}s side by side (share of statements)</h2>'
        f'<table><thead><tr><th colspan="4"></th><th colspan="{len(HEADS["stance"]) + 1}">stance</th>'
        f'<th colspan="{len(HEADS["framing"])}">frame</th></tr>'
        f"<tr><th>{by}</th><th>articles</th><th>statements</th><th>dominant stance</th>{stance_header}"
        f"<th>shares</th>{header}</tr></thead><tbody>{''.join(lines)}</tbody></table></section>"
    )


def _article(
    number: int,
    name: str,
    predictions: list[Prediction],
    text: str | None,
    metadata: Mapping[str, Any],
    phrases: dict[str, int],
) -> tuple[str, str, list]:
    """One article's section, its index entry and its statements' details."""
    blocks = _blocks(text, predictions)
    spans = [_statement(number, position + 1, p) for position, p in enumerate(predictions)]
    headline = 0 if predictions and text is not None and _is_headline(text, predictions[0]) else None
    members: dict[int, list[int]] = {}
    for position, p in enumerate(predictions):
        if position != headline:
            members.setdefault(_block_of(blocks, p.start), []).append(position)
    order = sorted(members)
    heading = spans[0] if headline is not None else html.escape(str(metadata.get("title") or name))
    body, open_list = [], False
    for block_index in order:
        kind = blocks[block_index].kind
        if kind == "li" and not open_list:
            body.append("<ul>")
        if kind != "li" and open_list:
            body.append("</ul>")
        open_list = kind == "li"
        body.append(f"<{kind}>" + " ".join(spans[i] for i in members[block_index]) + f"</{kind}>")
    if open_list:
        body.append("</ul>")
    item = profile(name, predictions)
    meta = [str(metadata[key]) for key in ("outlet", "date", "author") if metadata.get(key)]
    source = metadata.get("source") or metadata.get("url")
    meta_line = " · ".join(html.escape(part) for part in meta)
    if source:
        meta_line += (" · " if meta_line else "") + f"source: {html.escape(str(source))}"
    meta_line += (" · " if meta_line else "") + f"file: {html.escape(name)}"
    counts = f"{item.statements} statements, dominant stance {item.dominant_stance}"
    section = (
        f'<article class="report-article" id="a{number}" data-name="{html.escape(name)}" '
        f'data-statements="{len(predictions)}" data-dominant="{item.dominant_stance}"'
        + "".join(f' data-{key}="{html.escape(str(metadata[key]))}"' for key in ("outlet", "date") if metadata.get(key))
        + f'><h2>{heading}</h2><p class="meta">{meta_line} · {counts}</p>{"".join(body)}</article>'
    )
    label = html.escape(str(metadata.get("title") or (predictions[0].text if headline is not None else name)))
    entry_meta = " · ".join(html.escape(str(metadata[k])) for k in ("outlet", "date") if metadata.get(k))
    entry = (
        f'<li id="index-a{number}"><a href="#a{number}">{label}</a>'
        f'<span class="meta">{entry_meta + " · " if entry_meta else ""}{counts}</span></li>'
    )
    detail = [_detail(p, phrases) for p in predictions]
    return section, entry, detail


def _statement(article: int, number: int, p: Prediction) -> str:
    tinted = p.stance != "neutral" or p.framing != "neutral_report"
    colour, style = STANCE_COLOURS[p.stance]
    tooltip = " · ".join(
        f"{label} {p.probability(head):.0%}" if head in UNSURE_HEADS else label for head, label in p.labels.items()
    )
    labels = "".join(f'data-{head}="{label}" ' for head, label in p.labels.items())
    attributes = (
        f'class="stmt{" tinted" if tinted else ""}" id="a{article}-s{number}" tabindex="0" {labels}'
        f'data-unsure="{int(p.unsure)}" title="{tooltip}"'
    )
    if tinted:
        attributes += f' style="border-color:{colour};border-bottom-style:{style};background-color:{colour}2e"'
    mark = f'<span class="mark" aria-hidden="true">{STANCE_MARKS[p.stance]}</span>' if STANCE_MARKS[p.stance] else ""
    badge = f'<span class="badge">{p.framing}</span>' if p.framing != "neutral_report" else ""
    speaker = _SPEAKER_MARKS[p.speaker]
    marker = f'<span class="spk" title="speaker: {p.speaker}">{speaker}</span>' if speaker else ""
    flags = ("?" if p.unsure else "") + ("~" if p.out_of_scope else "")
    flag = f'<span class="flag">{flags}</span>' if flags else ""
    return f'<span {attributes}>{mark}<span class="t">{html.escape(p.text)}</span>{marker}{badge}{flag}</span>'


def _detail(p: Prediction, phrases: dict[str, int]) -> list:
    """A statement's scores (label order), evidence (phrase numbers, top three per head) and coverage."""
    evidence = [
        [phrases.setdefault(explain_evidence(ngram), len(phrases)) for ngram, _ in p.evidence[head][:3]]
        for head in HEADS
    ]
    return [
        *([round(p.scores[head][label], 3) for label in labels] for head, labels in HEADS.items()),
        evidence,
        round(p.coverage, 2),
    ]


def _is_headline(text: str, first: Prediction) -> bool:
    """Whether the first statement is a headline: a short line of its own without closing punctuation."""
    line_start = text.rfind("\n", 0, first.start) + 1
    line_end = text.find("\n", first.end)
    own_line = (
        not text[line_start : first.start].strip() and not text[first.end : None if line_end < 0 else line_end].strip()
    )
    return own_line and len(first.text) <= 160 and bool(_NO_TERMINAL.search(first.text))


def _blocks(text: str | None, predictions: list[Prediction]) -> list[_Block]:
    """The text's paragraphs and bullet items with their offsets (one block without the text).

    A blank line ends a paragraph, and so does a line ending a sentence (web
    text often puts one paragraph on each line); a line that stops mid-sentence
    is hard-wrapped and goes on with the next, as does an indented line after
    a bullet.
    """
    if text is None:
        return [_Block("p", 0, max((p.end for p in predictions), default=0))]
    blocks: list[_Block] = []
    offset, previous = 0, ""
    for line in text.splitlines(keepends=True):
        start, end = offset, offset + len(line)
        offset = end
        if not line.strip():
            blocks.append(_Block("gap", start, end))
            previous = ""
            continue
        wrapped = previous and _NO_TERMINAL.search(previous)
        if _BULLET.match(line):
            blocks.append(_Block("li", start, end))
        elif blocks and blocks[-1].kind == "li" and line[:1] in " \t":
            blocks[-1] = _Block("li", blocks[-1].start, end)
        elif blocks and blocks[-1].kind == "p" and wrapped:
            blocks[-1] = _Block("p", blocks[-1].start, end)
        else:
            blocks.append(_Block("p", start, end))
        previous = line
    return blocks or [_Block("p", 0, len(text))]


def _block_of(blocks: list[_Block], start: int) -> int:
    for index, block in enumerate(blocks):
        if block.start <= start < block.end and block.kind != "gap":
            return index
    # A statement that starts in a gap (or past the end) joins the next block with text.
    following = [i for i, b in enumerate(blocks) if b.kind != "gap" and b.start >= start]
    return following[0] if following else len(blocks) - 1
