"""Unlabelled statements -> a to-label list: uncertainty sampling.

The statements the model is least sure of are the ones a human label teaches
it most. :func:`suggest` classifies every statement of the texts it is given,
ranks them by uncertainty, and returns the top ones as
:class:`~stanceclf.labels.LabeledStatement` records with empty labels, ready
to be written as a label file, filled in, checked with ``stanceclf validate``
and trained on with ``python train.py --labels FILE``.
"""

from __future__ import annotations

import re
from typing import Iterable

from .errors import check_positive_int
from .labels import LabeledStatement
from .predict import Model

__all__ = ["suggest", "uncertainty"]


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
) -> list[tuple[float, LabeledStatement]]:
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
    list of (float, LabeledStatement)
        Uncertainty and record, most uncertain first; ids are
        ``suggest-<name>-sNNN`` (the statement's position in its text), the
        article is ``suggest-<name>``.

    Raises
    ------
    InvalidInputError
        When ``n`` is not a positive integer.
    """
    check_positive_int("n", n)
    skip = set(exclude)
    scored: list[tuple[float, LabeledStatement]] = []
    for name, text in texts:
        article = f"suggest-{_slug(name)}"
        for index, prediction in enumerate(model.classify(text), start=1):
            if prediction.text in skip:
                continue
            skip.add(prediction.text)  # the same boilerplate sentence once only
            score = uncertainty(
                prediction.stance_scores[prediction.stance], prediction.framing_scores[prediction.framing]
            )
            record = LabeledStatement(f"{article}-s{index:03d}", article, prediction.text, "", "", "")
            scored.append((round(score, 4), record))
    # Most uncertain first; ties in text order, so the ranking is stable.
    scored.sort(key=lambda pair: -pair[0])
    return scored[:n]


def _slug(name: str) -> str:
    stem = re.sub(r"\.(txt|jsonl)$", "", name.rsplit("/", 1)[-1])
    return re.sub(r"[^A-Za-z0-9_]+", "-", stem).strip("-") or "text"
