"""Predictions -> profiles: what an article (or an outlet) says, in shares.

An :class:`ArticleProfile` condenses one article's predictions: how many
statements, the dominant stance among those that take one, and the share of
each stance, frame and speaker. Profiles of several articles can be merged
into one, for an outlet or any other group, so that they compare side by side.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from .errors import InputTypeError
from .labels import FRAMINGS, SPEAKERS, STANCES
from .predict import Prediction

__all__ = ["ArticleProfile", "profile", "merge_profiles"]


@dataclass(frozen=True)
class ArticleProfile:
    """Label counts and shares of one article or a group of articles.

    Attributes
    ----------
    name : str
        The article's (or group's) name.
    statements : int
        How many statements were classified.
    dominant_stance : str
        The most frequent stance among statements that take a position
        (``support``, ``conditional``, ``oppose``); ``neutral`` when none
        does. Ties go to the codebook's order.
    stance_counts, framing_counts, speaker_counts : dict of str to int
        Counts of every codebook label (zeros included).
    unsure, out_of_scope : int
        Statements flagged ``unsure`` and with coverage below the CLI's
        out-of-scope threshold.
    """

    name: str
    statements: int
    dominant_stance: str
    stance_counts: dict[str, int]
    framing_counts: dict[str, int]
    speaker_counts: dict[str, int]
    unsure: int
    out_of_scope: int

    def shares(self, head: str) -> dict[str, float]:
        """Counts of a head (``"stance"``, ``"framing"``, ``"speaker"``) as shares summing to 1.

        All zeros for an article without statements.
        """
        counts = {"stance": self.stance_counts, "framing": self.framing_counts, "speaker": self.speaker_counts}[head]
        return {label: (n / self.statements if self.statements else 0.0) for label, n in counts.items()}


def profile(name: str, predictions: Sequence[Prediction]) -> ArticleProfile:
    """Profile one article from its predictions.

    Parameters
    ----------
    name : str
        A name for the article (file name, id, title).
    predictions : sequence of Prediction
        What :func:`stanceclf.classify` returned for it.

    Returns
    -------
    ArticleProfile

    Examples
    --------
    >>> from stanceclf import classify
    >>> p = profile("a", classify("Kyiv refused the talks. Moscow is ready."))
    >>> p.statements, round(sum(p.shares("framing").values()), 6)
    (2, 1.0)
    """
    if not isinstance(name, str):
        raise InputTypeError(f"profile() expects the name as a str, got {type(name).__name__}")
    predictions = list(predictions)
    for index, item in enumerate(predictions):
        if not isinstance(item, Prediction):
            raise InputTypeError(f"profile() expects Prediction objects; item {index} is {type(item).__name__}")
    return _from_counts(
        name,
        len(predictions),
        Counter(p.stance for p in predictions),
        Counter(p.framing for p in predictions),
        Counter(p.speaker for p in predictions),
        unsure=sum(p.unsure for p in predictions),
        out_of_scope=sum(p.out_of_scope for p in predictions),
    )


def merge_profiles(name: str, profiles: Iterable[ArticleProfile]) -> ArticleProfile:
    """One profile for a group of articles (an outlet, a week, a country).

    Parameters
    ----------
    name : str
        The group's name.
    profiles : iterable of ArticleProfile
        The articles' profiles.

    Returns
    -------
    ArticleProfile
        Counts added up; shares and the dominant stance recomputed.
    """
    profiles = list(profiles)
    stance = Counter()
    framing = Counter()
    speaker = Counter()
    for item in profiles:
        stance.update(item.stance_counts)
        framing.update(item.framing_counts)
        speaker.update(item.speaker_counts)
    return _from_counts(
        name,
        sum(p.statements for p in profiles),
        stance,
        framing,
        speaker,
        unsure=sum(p.unsure for p in profiles),
        out_of_scope=sum(p.out_of_scope for p in profiles),
    )


def _from_counts(
    name: str, statements: int, stance: Counter, framing: Counter, speaker: Counter, *, unsure: int, out_of_scope: int
) -> ArticleProfile:
    """A profile from label counters: every codebook label listed, the dominant stance worked out."""
    return ArticleProfile(
        name=name,
        statements=statements,
        dominant_stance=_dominant(stance),
        stance_counts={label: stance[label] for label in STANCES},
        framing_counts={label: framing[label] for label in FRAMINGS},
        speaker_counts={label: speaker[label] for label in SPEAKERS},
        unsure=unsure,
        out_of_scope=out_of_scope,
    )


def _dominant(stance: Counter) -> str:
    positions = [label for label in STANCES if label != "neutral" and stance[label] > 0]
    return max(positions, key=lambda label: stance[label]) if positions else "neutral"
