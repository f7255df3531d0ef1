"""Corpus + labels -> saved model: the training run behind ``train.py``.

One run validates the project, fits a model on the training split (plus the
written examples), scores it on the held-out split, and saves a model whose
card carries those held-out figures. With ``use_all=True`` the saved model is
refitted on every label afterwards; its card keeps the held-out figures of
the training-split model and says so, because no figure may come from a
model that saw the statements it is scored on.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .errors import DataFileError
from .evaluate import EvaluationReport, evaluate
from .files import check_output_path
from .labels import Project, read_labels
from .model import ModelBundle, fit_bundle, save_bundle
from .predict import Model

__all__ = ["TrainingResult", "train_project", "describe"]


@dataclass(frozen=True)
class TrainingResult:
    """What a training run produced.

    Attributes
    ----------
    bundle : ModelBundle
        The saved model.
    heldout_report : EvaluationReport
        Scores of the training-split model on the held-out split.
    output : pathlib.Path
        The folder the model was saved in.
    """

    bundle: ModelBundle
    heldout_report: EvaluationReport
    output: Path


def train_project(
    root: str | os.PathLike[str] | Project,
    output: str | os.PathLike[str],
    *,
    use_all: bool = False,
    extra_labels: tuple[str | os.PathLike[str], ...] = (),
    params: dict[str, Any] | None = None,
    classifier: Any = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> TrainingResult:
    """Train, evaluate and save a model from a project checkout.

    Parameters
    ----------
    root : str, path-like or Project
        Repository root holding ``corpus/`` and ``labels/``, or the project
        read already (:meth:`stanceclf.labels.Project.load`).
    output : str or path-like
        Folder to save the model in (replaced atomically).
    use_all : bool, default False
        Refit the saved model on the held-out split too (figures still come
        from the training-split model).
    extra_labels : tuple of path-like, optional
        More label files to train on (for example a filled-in suggestion
        file); validated like the project's files, never scored.
    params : dict, optional
        Hyper-parameters (see :data:`stanceclf.model.DEFAULT_PARAMS`).
    classifier : estimator, optional
        The linear classifier of each head (see
        :func:`stanceclf.model.build_pipeline`); default logistic regression.
    progress : callable, optional
        Called as ``progress(done, total, step)`` before each step (and once
        at the end, with ``done == total``), for a progress bar.

    Returns
    -------
    TrainingResult

    Raises
    ------
    OutputPathError
        When ``output`` is a file, or a folder that cannot be created or
        written; checked before anything else, so nothing is trained.
    DataFileError
        When the corpus or any label file has a problem; nothing is written.
    """
    check_output_path(output, folder=True)  # before the work, not after a whole training run
    total = 5 if use_all else 4
    tell = progress or (lambda done, total, step: None)
    tell(0, total, "checking the corpus and labels")
    project = root if isinstance(root, Project) else Project.load(root)
    train, heldout, written = project.training, project.heldout, project.written
    extra = [statement for path in extra_labels for statement in read_labels(path)]
    _check_extra_ids(extra, train + heldout + written)
    pages = " + pages.jsonl" if project.pages else ""

    tell(1, total, "fitting the training-split model")
    split_model = fit_bundle(train + extra, always_train=written, params=params, classifier=classifier)
    tell(2, total, "scoring it on the held-out split")
    heldout_report = evaluate(
        Model.from_bundle(split_model),
        heldout,
        training=train + written + extra,
        offtopic=project.offtopic,
        articles=project.article_texts(),
    )
    diagnostics = heldout_report.diagnostics
    evaluation = {
        "heldout_statements": len(heldout),
        "heldout_articles": sorted({s.article for s in heldout}),
        "scored_model": (
            f"the training-split model (train.jsonl{pages} + written.jsonl), which never saw the held-out split"
        ),
        "macro_f1": {head: round(s.macro_f1, 4) for head, s in heldout_report.model.items()},
        "macro_f1_ci95": {head: [round(v, 4) for v in s.macro_f1_ci] for head, s in heldout_report.model.items()},
        "accuracy": {head: round(s.accuracy, 4) for head, s in heldout_report.model.items()},
        "majority_macro_f1": {head: round(s.macro_f1, 4) for head, s in heldout_report.majority.items()},
        "keyword_macro_f1": {head: round(s.macro_f1, 4) for head, s in heldout_report.keyword.items()},
        "summary_markdown": _summary_markdown(heldout_report),
        "diagnostics": {
            "support_oppose_flip_rate": round(diagnostics.flip_rate, 4),
            "offtopic_nonneutral_rate": None
            if diagnostics.offtopic_nonneutral is None
            else round(diagnostics.offtopic_nonneutral, 4),
            "offtopic_statements": diagnostics.offtopic_statements,
            "speaker_in_context": diagnostics.speaker_in_context,
            "selective_accuracy": diagnostics.selective,
            "sure_accuracy": diagnostics.sure_accuracy,
        },
    }
    if use_all:
        tell(3, total, "refitting on every label")
        final = fit_bundle(train + heldout + extra, always_train=written, params=params, classifier=classifier)
        split = f"all labels: train.jsonl + heldout.jsonl{pages} + written.jsonl" + (" + extra files" if extra else "")
        evaluation["note"] = (
            "This model was refitted on all labels, held-out split included; the figures are those of the "
            "training-split model scored on the held-out split before the refit."
        )
    else:
        final = split_model
        split = f"training split: train.jsonl{pages} + written.jsonl" + (" + extra files" if extra else "")
    training = dataclasses.replace(final.card.training, split=split, written_examples=len(written))
    card = final.card.replace(evaluation=evaluation, training=training)
    bundle = ModelBundle(pipeline=final.pipeline, heads=final.heads, card=card)
    tell(total - 1, total, "saving")
    save_bundle(bundle, output)
    tell(total, total, "done")
    return TrainingResult(bundle=bundle, heldout_report=heldout_report, output=Path(output))


def _check_extra_ids(extra: list, existing: list) -> None:
    taken = {s.id for s in existing}
    clashes = sorted({s.id for s in extra} & taken)
    if clashes:
        raise DataFileError([f"extra label file: id {i!r} is already used in labels/" for i in clashes])


def _summary_markdown(report: EvaluationReport) -> str:
    rows = [
        f"Held-out split: {report.statements} statements.",
        "",
        "| head | model macro-F1 (95% CI) | accuracy | majority baseline | keyword baseline |",
        "| --- | --- | --- | --- | --- |",
    ]
    for head, scores in report.model.items():
        low, high = scores.macro_f1_ci
        rows.append(
            f"| {head} | {scores.macro_f1:.3f} ({low:.3f}–{high:.3f}) | {scores.accuracy:.3f} | "
            f"{report.majority[head].macro_f1:.3f} | {report.keyword[head].macro_f1:.3f} |"
        )
    return "\n".join(rows)


def describe(result: TrainingResult) -> str:
    """A printable summary of a training run."""
    training = result.bundle.card.training
    title = "Held-out evaluation of the training-split model"
    summary = f"saved model to {result.output} ({training.split}; {training.statements} statements)"
    return f"{summary}\n\n{result.heldout_report.to_text(title=title)}"
