"""Report -> pictures: confusion matrices, per-label F1 and reliability as PNG.

Needs matplotlib, an optional extra (``pip install "stanceclf[plots]"``);
nothing else in stanceclf imports this module. Colours are colour-blind safe
(viridis for matrices; Okabe-Ito blue, orange and grey for the three
predictors) and every cell and bar is also labelled with its number.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import StanceclfError
from .evaluate import EvaluationReport
from .files import atomic_write_bytes

__all__ = ["write_plots"]

_PREDICTORS = (("model", "#0072B2"), ("keyword", "#E69F00"), ("majority", "#999999"))


def write_plots(report: EvaluationReport, folder: str | os.PathLike[str]) -> list[Path]:
    """Write one confusion matrix per head, the per-label F1 bars and the reliability curve.

    Parameters
    ----------
    report : EvaluationReport
        From :func:`stanceclf.evaluate.evaluate`.
    folder : str or path-like
        Where to write the PNG files (created if missing).

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
    try:
        import matplotlib

        matplotlib.use("Agg", force=True)
        import matplotlib.pyplot as plt
    except ImportError:
        raise StanceclfError('plots need matplotlib: pip install "stanceclf[plots]"') from None
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for head, scores in report.model.items():
        figure, axes = plt.subplots(figsize=(1.1 * len(scores.labels) + 2.5, 1.0 * len(scores.labels) + 1.8))
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
        written.append(_save(figure, target / f"confusion_{head}.png"))

    heads = list(report.model)
    figure, axes_row = plt.subplots(1, len(heads), figsize=(5 * len(heads), 4.2), squeeze=False)
    for axes, head in zip(axes_row[0], heads):
        labels = report.model[head].labels
        width = 0.27
        for offset, (name, colour) in enumerate(_PREDICTORS):
            scores = getattr(report, name)[head]
            values = [scores.per_label[label]["f1"] for label in labels]
            positions = [i + (offset - 1) * width for i in range(len(labels))]
            bars = axes.bar(positions, values, width, label=f"{name} ({scores.macro_f1:.2f})", color=colour)
            axes.bar_label(bars, fmt="%.2f", fontsize=6, padding=1)
        axes.set_xticks(range(len(labels)), labels, rotation=35, ha="right")
        axes.set_ylim(0, 1.1)
        axes.set_title(f"{head}: F1 per label")
        axes.legend(fontsize=7, title="macro-F1", title_fontsize=7)
    written.append(_save(figure, target / "f1.png"))

    figure, axes = plt.subplots(figsize=(4.8, 4.4))
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
    written.append(_save(figure, target / "reliability.png"))
    return written


def _save(figure, path: Path) -> Path:
    import matplotlib.pyplot as plt

    figure.tight_layout()
    atomic_write_bytes(path, lambda temporary: figure.savefig(temporary, format="png", dpi=110))
    plt.close(figure)
    return path
