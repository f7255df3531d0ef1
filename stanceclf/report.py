"""Predictions -> an HTML report an analyst can read, offline, in one file.

Each article is shown whole, every statement highlighted by its stance and
tagged with its frame; hovering over or tabbing to a statement shows its
scores and evidence in a side panel (and in a plain tooltip). A summary per
article counts statements by stance and frame in small bar charts.

Design choices:

- one self-contained file: CSS and script inline, no fonts, images or
  scripts from elsewhere, so it opens offline and can be mailed;
- colours from the Okabe-Ito palette, which stays distinct under the common
  colour-vision deficiencies, and never colour alone: each stance also has
  its own underline style (solid, double, dashed, dotted) and every statement
  carries its labels as text, so the report reads in black and white;
- the page works without its script; the script only fills the side panel.
"""

from __future__ import annotations

import html
import json
from typing import Sequence

from .errors import InputTypeError
from .labels import FRAMINGS, STANCES
from .predict import Prediction
from .summary import ArticleProfile, profile

__all__ = ["render_report", "STANCE_COLOURS"]

#: Okabe-Ito colours per stance (with an underline style each, for print).
STANCE_COLOURS = {
    "support": ("#009E73", "solid"),
    "conditional": ("#E69F00", "double"),
    "oppose": ("#D55E00", "dashed"),
    "neutral": ("#999999", "dotted"),
}

_CSS = """
:root { --ink: #1a1a1a; --muted: #555; --panel: #f6f6f6; }
body { font: 16px/1.55 Georgia, 'Times New Roman', serif; color: var(--ink); margin: 0; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 1.5rem; }
header h1 { font: 600 1.6rem/1.2 system-ui, sans-serif; margin: 1.2rem 0 0.3rem; }
.legend { font: 0.85rem system-ui, sans-serif; color: var(--muted); display: flex; gap: 1.2rem; flex-wrap: wrap; }
.legend span.key { padding: 0 0.35rem; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 1.5rem; }
article.report-article { border-top: 2px solid #ddd; padding: 1rem 0; }
article.report-article h2 { font: 600 1.2rem system-ui, sans-serif; margin: 0 0 0.6rem; }
.summary { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; font: 0.8rem system-ui, sans-serif; margin-bottom: 0.8rem; }
.summary h3 { font-size: 0.8rem; margin: 0 0 0.2rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.bar-row { display: grid; grid-template-columns: 8.5rem 1fr 2rem; align-items: center; gap: 0.4rem; }
.bar { height: 0.7rem; background: #444; min-width: 1px; }
.count { text-align: right; font-variant-numeric: tabular-nums; }
.stmt { border-bottom: 3px solid; padding: 0 0.1rem; cursor: help; }
.stmt:focus, .stmt:hover { outline: 2px solid var(--ink); }
.badge { font: 600 0.62rem system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.03em; border: 1px solid #888;
         border-radius: 3px; padding: 0 0.2rem; margin-left: 0.15rem; vertical-align: 0.2em; background: #fff; color: #333; }
.flag { font: 0.7rem system-ui, sans-serif; color: var(--muted); }
aside#panel { position: sticky; top: 1rem; align-self: start; background: var(--panel); padding: 0.8rem 1rem;
              font: 0.85rem/1.4 system-ui, sans-serif; border-radius: 6px; }
aside#panel table { width: 100%; border-collapse: collapse; }
aside#panel td { padding: 0.05rem 0.2rem; }
aside#panel td.p { text-align: right; font-variant-numeric: tabular-nums; }
@media print {
  .layout { display: block; } aside#panel { display: none; }
  .stmt { background: none !important; } .bar { background: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

_SCRIPT = """
(function () {
  var panel = document.getElementById('panel-body');
  function row(label, p) { return '<tr><td>' + label + '</td><td class="p">' + (100 * p).toFixed(0) + '%</td></tr>'; }
  function show(el) {
    var d = JSON.parse(el.getAttribute('data-detail'));
    var out = '<p><strong>' + d.stance + '</strong> · <strong>' + d.framing + '</strong> · ' + d.speaker + '</p>';
    ['stance', 'framing', 'speaker'].forEach(function (head) {
      out += '<h4>' + head + '</h4><table>';
      Object.keys(d.scores[head]).forEach(function (k) { out += row(k, d.scores[head][k]); });
      out += '</table>';
      if (d.evidence[head].length) {
        out += '<p>evidence: ' + d.evidence[head].map(function (e) { return e[0] + ' (' + e[1] + ')'; }).join(', ') + '</p>';
      }
    });
    out += '<p>coverage ' + (100 * d.coverage).toFixed(0) + '%' + (d.unsure ? ' · unsure' : '') + '</p>';
    panel.innerHTML = out;
    panel.setAttribute('data-shown', el.id);
  }
  var statements = document.querySelectorAll('.stmt[data-detail]');
  statements.forEach(function (el) {
    el.addEventListener('mouseenter', function () { show(el); });
    el.addEventListener('focus', function () { show(el); });
  });
  if (statements.length) { show(statements[0]); }
})();
"""


def render_report(articles: Sequence[tuple[str, Sequence[Prediction]]], *, title: str = "stanceclf report") -> str:
    """Render articles and their predictions as one self-contained HTML page.

    Parameters
    ----------
    articles : sequence of (str, sequence of Prediction)
        Each article's name and the predictions :func:`stanceclf.classify`
        returned for it.
    title : str, optional
        The page title.

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
    sections = [_article(index, name, list(predictions)) for index, (name, predictions) in enumerate(articles, start=1)]
    legend = " ".join(
        f'<span class="key" style="border-bottom:3px {style} {colour};background:{colour}22">{label}</span>'
        for label, (colour, style) in STANCE_COLOURS.items()
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<title>{html.escape(title)}</title><meta name="viewport" content="width=device-width">'
        f"<style>{_CSS}</style></head><body>"
        f"<header><h1>{html.escape(title)}</h1>"
        f'<p class="legend">Stance: {legend} · Frame: shown as a tag after each statement · '
        "? unsure · ~ out of scope</p></header>"
        '<main class="layout"><div>' + "".join(sections) + "</div>"
        '<aside id="panel" aria-live="polite"><strong>Details</strong><div id="panel-body">'
        "Point at or tab to a statement.</div></aside></main>"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def _checked_articles(articles: Sequence[tuple[str, Sequence[Prediction]]], title: str) -> list:
    if not isinstance(title, str):
        raise InputTypeError(f"render_report() title must be a str, got {type(title).__name__}")
    if isinstance(articles, (str, bytes)):
        raise InputTypeError("render_report() expects (name, predictions) pairs, got a single str")
    checked = list(articles)
    for position, item in enumerate(checked):
        if not (isinstance(item, (tuple, list)) and len(item) == 2 and isinstance(item[0], str)):
            raise InputTypeError(
                f"render_report() expects (name, predictions) pairs; item {position} is {type(item).__name__}"
            )
    return checked


def _article(index: int, name: str, predictions: list[Prediction]) -> str:
    summary = profile(name, predictions)
    spans = []
    for number, p in enumerate(predictions, start=1):
        colour, style = STANCE_COLOURS[p.stance]
        detail = {
            "stance": p.stance,
            "framing": p.framing,
            "speaker": p.speaker,
            "scores": {"stance": p.stance_scores, "framing": p.framing_scores, "speaker": p.speaker_scores},
            "evidence": {head: [list(pair) for pair in pairs] for head, pairs in p.evidence.items()},
            "coverage": p.coverage,
            "unsure": p.unsure,
        }
        tooltip = (
            f"{p.stance} {p.stance_scores[p.stance]:.0%} · {p.framing} {p.framing_scores[p.framing]:.0%} · {p.speaker}"
        )
        flags = ("?" if p.unsure else "") + ("~" if p.out_of_scope else "")
        spans.append(
            f'<span class="stmt" id="a{index}-s{number}" tabindex="0" data-stance="{p.stance}" '
            f'data-framing="{p.framing}" data-speaker="{p.speaker}" title="{html.escape(tooltip)}" '
            f'style="border-color:{colour};border-bottom-style:{style};background:{colour}22" '
            f'data-detail="{html.escape(json.dumps(detail))}">{html.escape(p.text)}'
            f'<span class="badge">{p.framing}</span>'
            + (f'<span class="flag">{flags}</span>' if flags else "")
            + "</span>"
        )
    return (
        f'<article class="report-article" data-name="{html.escape(name)}" data-statements="{len(predictions)}">'
        f"<h2>{html.escape(name)}</h2>{_summary(summary)}<p>{' '.join(spans)}</p></article>"
    )


def _summary(item: ArticleProfile) -> str:
    def bars(head: str, labels: Sequence[str], counts: dict[str, int]) -> str:
        top = max(counts.values()) or 1
        rows = "".join(
            f'<div class="bar-row" data-{head}="{label}"><span>{label}</span>'
            f'<span><span class="bar" style="display:block;width:{100 * counts[label] / top:.0f}%"></span></span>'
            f'<span class="count">{counts[label]}</span></div>'
            for label in labels
        )
        return f'<div class="chart" data-head="{head}"><h3>{head}</h3>{rows}</div>'

    return (
        f'<div class="summary" data-dominant="{item.dominant_stance}">'
        f"{bars('stance', STANCES, item.stance_counts)}{bars('framing', FRAMINGS, item.framing_counts)}</div>"
    )
