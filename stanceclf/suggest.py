"""Unlabelled statements -> a to-label list: uncertainty sampling.

The statements the model is least sure of are the ones a human label teaches
it most. :func:`suggest` classifies every statement of the texts it is given,
ranks them by uncertainty, and returns the top ones as :class:`Suggestion`
records: a :class:`~stanceclf.labels.LabeledStatement` with empty labels,
ready to be written as a label file, filled in, checked with ``stanceclf
validate`` and trained on with ``python train.py --labels FILE``, plus the
statements before and after it and the model's current guess, to label it
in context. :func:`label_studio_tasks` turns them into Label Studio's JSON
import format.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from .codebook import HEADS
from .errors import InvalidInputError, check_positive_int
from .labels import LabeledStatement
from .predict import Model
from .prediction import UNSURE_HEADS

__all__ = [
    "Suggestion",
    "suggest",
    "uncertainty",
    "article_id",
    "label_studio_tasks",
    "write_suggestions",
    "LABEL_STUDIO_CONFIG",
    "SUGGESTION_FORMATS",
]

#: What :func:`write_suggestions` writes: a label file to fill in, or Label Studio tasks.
SUGGESTION_FORMATS = ("jsonl", "label-studio")


@dataclass(frozen=True)
class Suggestion:
    """One statement worth labelling.

    Attributes
    ----------
    uncertainty : float
        See :func:`uncertainty`; higher is less sure.
    statement : LabeledStatement
        The record to fill in (labels empty).
    before, after : str
        The previous and the next statement of its text ("" at either end).
    guess : dict
        The model's current labels and their probabilities:
        ``{"stance", "stance_p", "framing", "framing_p", "speaker", "speaker_p"}``.
    """

    uncertainty: float
    statement: LabeledStatement
    before: str
    after: str
    guess: dict[str, Any]

    def to_record(self) -> dict[str, Any]:
        """The label file line: the codebook fields, then ``before``, ``after`` and ``guess`` as hints."""
        return {**self.statement.to_record(), "before": self.before, "after": self.after, "guess": self.guess}


def uncertainty(stance_p: float, framing_p: float) -> float:
    """How unsure the model is of a statement: 0 (certain) to 2.

    The sum of one minus the winning probability of the stance and of the
    framing head ("least confidence", added over the two heads the codebook
    is about).
    """
    return (1.0 - stance_p) + (1.0 - framing_p)


def suggest(
    model: Model,
    texts: Iterable[tuple[str, str]],
    n: int,
    *,
    exclude: Iterable[str] = (),
) -> list[Suggestion]:
    """The ``n`` statements the model is least sure of, labels left empty.

    Parameters
    ----------
    model : Model
        The model whose uncertainty ranks the statements.
    texts : iterable of (str, str)
        ``(name, text)`` pairs, e.g. from :func:`stanceclf.sources.iter_texts`.
    n : int
        How many statements to return (fewer if there are fewer).
    exclude : iterable of str
        Statement texts already labelled; they are skipped.

    Returns
    -------
    list of Suggestion
        Most uncertain first. The article id is ``suggest-<stem>-<hash>``:
        the text's file stem and six hex digits of its full name, so that
        ``a/notes.txt`` and ``b/notes.txt`` get different ids; statement ids
        add ``-sNNN``, the statement's position in its text.

    Raises
    ------
    InvalidInputError
        When ``n`` is not a positive integer.
    """
    check_positive_int("n", n)
    skip = set(exclude)
    scored: list[Suggestion] = []
    for name, text in texts:
        article = article_id(name)
        predictions = model.classify(text)
        for index, prediction in enumerate(predictions):
            if prediction.text in skip:
                continue
            skip.add(prediction.text)  # the same boilerplate sentence once only
            score = uncertainty(*(prediction.probability(head) for head in UNSURE_HEADS))
            record = LabeledStatement(f"{article}-s{index + 1:03d}", article, prediction.text)  # labels empty
            guess: dict[str, Any] = {}
            for head, label in prediction.labels.items():
                guess[head] = label
                guess[f"{head}_p"] = round(prediction.probability(head), 3)
            scored.append(
                Suggestion(
                    round(score, 4),
                    record,
                    predictions[index - 1].text if index else "",
                    predictions[index + 1].text if index + 1 < len(predictions) else "",
                    guess,
                )
            )
    # Most uncertain first; ties in text order, so the ranking is stable.
    scored.sort(key=lambda item: -item.uncertainty)
    return scored[:n]


def article_id(name: str) -> str:
    """The article id of a suggested text: ``suggest-<stem>-<six hex digits of the full name>``.

    >>> article_id("2024/03/notes.txt"), article_id("2024/04/notes.txt")
    ('suggest-notes-e73a7b', 'suggest-notes-823759')
    """
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:6]
    return f"suggest-{_slug(name)}-{digest}"


#: A Label Studio labelling configuration for :func:`label_studio_tasks`:
#: the statement between its neighbours and one single choice per head.
LABEL_STUDIO_CONFIG = (
    "<View>\n"
    '  <Text name="before" value="$before"/>\n'
    '  <Text name="text" value="$text"/>\n'
    '  <Text name="after" value="$after"/>\n'
    + "".join(
        f'  <Choices name="{head}" toName="text" choice="single" showInline="true">'
        + "".join(f'<Choice value="{label}"/>' for label in labels)
        + "</Choices>\n"
        for head, labels in HEADS.items()
    )
    + "</View>\n"
)


def label_studio_tasks(suggestions: Sequence[Suggestion], *, model_version: str = "stanceclf") -> list[dict]:
    """Suggestions as Label Studio tasks (its JSON import format: a list of tasks with ``data``).

    Each task's ``data`` holds ``text``, ``before``, ``after``, ``id``
    (the statement id), ``article`` and ``uncertainty``; its ``predictions``
    hold the model's guess as one ``choices`` result per head (``from_name``
    the head, ``to_name`` ``text``), so the labelling screen opens with the
    guess selected (see :data:`LABEL_STUDIO_CONFIG`).

    Parameters
    ----------
    suggestions : sequence of Suggestion
        From :func:`suggest`.
    model_version : str, optional
        Shown by Label Studio next to the predictions.

    Returns
    -------
    list of dict
        JSON-ready tasks, most uncertain first.
    """
    return [
        {
            "data": {
                "id": item.statement.id,
                "article": item.statement.article,
                "text": item.statement.text,
                "before": item.before,
                "after": item.after,
                "uncertainty": item.uncertainty,
            },
            "predictions": [
                {
                    "model_version": model_version,
                    "score": round(1.0 - item.uncertainty / 2, 4),
                    "result": [
                        {
                            "from_name": head,
                            "to_name": "text",
                            "type": "choices",
                            "value": {"choices": [item.guess[head]]},
                        }
                        for head in HEADS
                    ],
                }
            ],
        }
        for item in suggestions
    ]


def write_suggestions(
    path: str | os.PathLike[str],
    suggestions: Sequence[Suggestion],
    *,
    fmt: str = "jsonl",
    model_version: str = "stanceclf",
) -> None:
    """Write suggestions to a file, whole or not at all.

    Parameters
    ----------
    path : str or path-like
        The file to write.
    suggestions : sequence of Suggestion
        From :func:`suggest`.
    fmt : {"jsonl", "label-studio"}, default "jsonl"
        ``jsonl``: a label file, labels left empty, one
        :meth:`Suggestion.to_record` per line; ``label-studio``: a JSON list
        of tasks for Label Studio's import (:func:`label_studio_tasks`).
    model_version : str, optional
        For ``label-studio``: shown next to the model's guess.

    Raises
    ------
    InvalidInputError
        When ``fmt`` is not one of :data:`SUGGESTION_FORMATS`.
    """
    from .files import atomic_write_bytes, write_jsonl

    if fmt not in SUGGESTION_FORMATS:
        raise InvalidInputError(f"fmt must be one of {', '.join(SUGGESTION_FORMATS)}, got {fmt!r}")
    if fmt == "jsonl":
        write_jsonl(path, (item.to_record() for item in suggestions))
        return
    tasks = label_studio_tasks(suggestions, model_version=model_version)
    atomic_write_bytes(path, (json.dumps(tasks, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))


def _slug(name: str) -> str:
    stem = re.sub(r"\.(txt|jsonl)$", "", name.rsplit("/", 1)[-1])
    return re.sub(r"[^A-Za-z0-9_]+", "-", stem).strip("-") or "text"
