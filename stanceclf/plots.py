"""Report -> pictures: confusion matrices, per-label F1 and reliability as PNG.

Needs matplotlib, an optional extra (``pip install "stanceclf[plots]"``);
nothing else in stanceclf imports this module. Colours are colour-blind safe
(viridis for matrices; Okabe-Ito blue, orange and grey for the three
predictors) and every cell and bar is also labelled with its number.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from .errors import StanceclfError
from .evaluate import EvaluationReport
from .files import atomic_write_bytes

if TYPE_CHECKING:
    from .summary import Group

__all__ = ["write_plots", "evaluation_figures", "write_summary_chart"]

_PREDICTORS = (("model", "#0072B2"), ("keyword", "#E69F00"), ("majority", "#999999"))


def write_summary_chart(groups: Sequence[Group], by: Sequence[str], path: str | os.PathLike[str]) -> Path:
    """Draw a grouped summary's stance shares as one PNG.

    With a date bucket (``day``, ``week``, ``month``) among the grouping
    fields: one panel per position (support, conditional, oppose), the share
    over time, one line per value of the other fields (an outlet each).
    Without one: the groups side by side as stacked bars of all four stances.

    Parameters
    ----------
    groups : sequence of Group
        From :func:`stanceclf.summary.group_rows`.
    by : sequence of str
        The grouping fields the groups were made with.
    path : str or path-like
        The PNG file to write.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    from .labels import STANCES
    from .report import STANCE_COLOURS
    from .summary import DATE_BUCKETS

    plt = _pyplot()
    by = list(by)
    time_fields = [i for i, field in enumerate(by) if field in DATE_BUCKETS]
    statements = sum(g.profile.statements for g in groups)
    if time_fields:
        when = time_fields[0]
        series: dict[str, dict[str, object]] = {}
        for group in groups:
            name = " / ".join(v for i, v in enumerate(group.key) if i != when) or "all"
            series.setdefault(name, {})[group.key[when]] = group.profile
        periods = sorted({g.key[when] for g in groups})
        positions = [s for s in STANCES if s != "neutral"]
        figure, axes_row = plt.subplots(1, len(positions), figsize=(4.6 * len(positions), 3.8), sharey=True)
        for axes, stance in zip(axes_row, positions):
            for (name, by_period), marker in zip(sorted(series.items()), "osD^v<>ph*"):
                xs = [i for i, period in enumerate(periods) if period in by_period]
                ys = [by_period[periods[i]].shares("stance")[stance] for i in xs]
                axes.plot(xs, ys, marker=marker, label=name)
            axes.set_xticks(range(len(periods)), periods, rotation=35, ha="right", fontsize=8)
            axes.set_title(f"share {stance}", color=STANCE_COLOURS[stance][0])
            axes.set_ylim(0, 1)
        axes_row[0].set_ylabel("share of statements")
        axes_row[-1].legend(fontsize=7)
        figure.suptitle(f"Stance shares by {' and '.join(by)}: {statements} statements", fontsize=10)
    else:
        names = [" / ".join(g.key) or "all" for g in groups]
        figure, axes = plt.subplots(figsize=(7.5, 0.45 * len(groups) + 1.6))
        left = [0.0] * len(groups)
        for stance, hatch in zip(STANCES, ("", "//", "xx", "..")):
            values = [g.profile.shares("stance")[stance] for g in groups]
            axes.barh(names, values, left=left, color=STANCE_COLOURS[stance][0], hatch=hatch, label=stance)
            left = [a + b for a, b in zip(left, values)]
        axes.invert_yaxis()
        axes.set_xlim(0, 1)
        axes.set_xlabel("share of statements")
        axes.legend(fontsize=7, ncol=4, loc="lower center", bbox_to_anchor=(0.5, 1.0))
        axes.set_title(f"Stance shares by {' and '.join(by) or 'all'}: {statements} statements", fontsize=10, pad=24)
    figure.tight_layout()
    return _save(figure, Path(path))


def _pyplot():
    """matplotlib's pyplot on the file-only Agg backend, or a clear error without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg", force=True)
        import matplotlib.pyplot as plt
    except ImportError:
        raise StanceclfError('plots need matplotlib: pip install "stanceclf[plots]"') from None
    return plt


def write_plots(report: EvaluationReport, folder: str | os.PathLike[str], *, caption: str) -> list[Path]:
    """Write one confusion matrix per head, the per-label F1 bars and the reliability curve.

    Parameters
    ----------
    report : EvaluationReport
        From :func:`stanceclf.evaluate.evaluate`.
    folder : str or path-like
        Where to write the PNG files (created if missing).
    caption : str
        Which model and which data the figures show (and any warning, such
        as labels the model was trained on); printed under every plot.

    Returns
    -------
    list of pathlib.Path
        The files written: ``confusion_<head>.png`` per head, ``f1.png``,
        ``reliability.png``.

    Raises
    ------
    StanceclfError
        When matplotlib is not installed.
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    return [_save(figure, target / f"{name}.png") for name, figure in evaluation_figures(report, caption).items()]


def evaluation_figures(report: EvaluationReport, caption: str) -> dict[str, Any]:
    """The figures :func:`write_plots` saves, by file stem, each laid out with its caption.

    Parameters
    ----------
    report : EvaluationReport
        From :func:`stanceclf.evaluate.evaluate`.
    caption : str
        Printed under every figure: which model, which data, any warning.

    Returns
    -------
    dict of str to matplotlib.figure.Figure
        ``confusion_<head>`` per head, ``f1`` and ``reliability``.
    """
    plt = _pyplot()
    figures = {}
    for head, scores in report.model.items():
        figure, axes = plt.subplots(figsize=(1.1 * len(scores.labels) + 2.5, 1.0 * len(scores.labels) + 2.4))
        matrix = scores.confusion
        image = axes.imshow(matrix, cmap="viridis")
        top = max(max(row) for row in matrix) or 1
        for i, row in enumerate(matrix):
            for j, value in enumerate(row):
                axes.text(j, i, str(value), ha="center", va="center", color="white" if value < top / 2 else "black")
        axes.set_xticks(range(len(scores.labels)), scores.labels, rotation=35, ha="right")
        axes.set_yticks(range(len(scores.labels)), scores.labels)
        axes.set_xlabel("predicted")
        axes.set_ylabel("gold")
        axes.set_title(f"{head}: macro-F1 {scores.macro_f1:.2f} on {report.statements} statements")
        figure.colorbar(image, ax=axes, fraction=0.046)
        figures[f"confusion_{head}"] = _captioned(figure, caption)

    heads = list(report.model)
    # Wide enough that each bar's label, set upright, has its bar's width to itself.
    figure, axes_row = plt.subplots(
        1, len(heads), figsize=(sum(1.05 * len(report.model[h].labels) + 1.2 for h in heads), 4.8), squeeze=False
    )
    for axes, head in zip(axes_row[0], heads):
        labels = report.model[head].labels
        width = 0.27
        for offset, (name, colour) in enumerate(_PREDICTORS):
            scores = getattr(report, name)[head]
            values = [scores.per_label[label]["f1"] for label in labels]
            positions = [i + (offset - 1) * width for i in range(len(labels))]
            bars = axes.bar(positions, values, width, label=f"{name} ({scores.macro_f1:.2f})", color=colour)
            axes.bar_label(bars, fmt="%.2f", fontsize=6.5, padding=2, rotation=90)
        axes.set_xticks(range(len(labels)), labels, rotation=35, ha="right")
        axes.set_ylim(0, 1.45)
        axes.set_yticks([0, 0.25, 0.5, 0.75, 1.0])
        axes.set_title(f"{head}: F1 per label")
        axes.legend(fontsize=7, title="macro-F1", title_fontsize=7, loc="upper right", ncol=3)
    figures["f1"] = _captioned(figure, caption)

    figure, axes = plt.subplots(figsize=(4.8, 5.0))
    axes.plot([0, 1], [0, 1], color="#999999", linestyle=":", label="perfect calibration")
    for (head, scores), marker in zip(report.model.items(), "os^"):
        points = scores.reliability
        axes.plot(
            [p["confidence"] for p in points],
            [p["accuracy"] for p in points],
            marker=marker,
            label=f"{head} (ECE {scores.calibration_error:.2f})",
        )
    axes.set_xlabel("mean winning probability in bin")
    axes.set_ylabel("accuracy in bin")
    axes.set_title("Reliability")
    axes.legend(fontsize=8)
    figures["reliability"] = _captioned(figure, caption)
    return figures


def _captioned(figure, caption: str):
    """Lay the figure out with the caption, wrapped to its width, along the bottom."""
    import textwrap

    width = max(40, int(figure.get_figwidth() * 15))
    lines = [wrapped for line in caption.splitlines() for wrapped in textwrap.wrap(line, width)]
    figure.text(0.01, 0.01, "\n".join(lines), fontsize=7, va="bottom", ha="left", color="#333333")
    # 7-point lines, about 0.13 inch each with spacing, plus a margin.
    figure.tight_layout(rect=(0, (0.13 * len(lines) + 0.1) / figure.get_figheight(), 1, 1))
    return figure


def _save(figure, path: Path) -> Path:
    import matplotlib.pyplot as plt

    atomic_write_bytes(path, lambda temporary: figure.savefig(temporary, format="png", dpi=110))
    plt.close(figure)
    return path
