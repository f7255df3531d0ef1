"""Predictions -> profiles: what an article (or an outlet, or a week) says, in shares.

An :class:`ArticleProfile` condenses one article's predictions: how many
statements, the dominant stance among those that take one, and the share of
each stance, frame and speaker. Profiles of several articles can be merged
into one, for an outlet or any other group, so that they compare side by side.

Grouped summaries work on *prediction rows*: one dict per statement, with
its labels and whatever metadata came with its article (``file``,
``outlet``, ``outlet_type``, ``source``, ``date``, ...), the form
``stanceclf classify --format jsonl`` writes. :func:`read_predictions` reads
such a file back, so a summary is reproduced from saved predictions without
classifying again; :func:`prediction_rows` makes rows from fresh predictions.
:func:`group_rows` groups rows by any fields, dates bucketed by ``day``,
``week`` or ``month``, and :func:`crosstab` counts one field against another
(the speaker x stance table: who says they are ready to talk).

>>> rows = [
...     {"file": "a", "outlet": "Daily", "date": "2024-03-04", "stance": "support", "framing": "goodwill",
...      "speaker": "russia_official"},
...     {"file": "a", "outlet": "Daily", "date": "2024-03-04", "stance": "neutral", "framing": "neutral_report",
...      "speaker": "author"},
...     {"file": "b", "outlet": "Herald", "date": "2024-03-12", "stance": "oppose", "framing": "blame",
...      "speaker": "ukraine_official"},
... ]
>>> [(g.key, g.articles, g.profile.dominant_stance) for g in group_rows(rows, ["outlet", "week"])]
[(('Daily', '2024-W10'), 1, 'support'), (('Herald', '2024-W11'), 1, 'oppose')]
>>> crosstab(rows, "speaker", "stance")["russia_official"]["support"]
1
"""

from __future__ import annotations

import datetime
import os
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping, Sequence

from .codebook import HEADS
from .errors import DataFileError, InputTypeError, InvalidInputError
from .prediction import LOW_COVERAGE, Prediction

__all__ = [
    "ArticleProfile",
    "Group",
    "profile",
    "merge_profiles",
    "profile_rows",
    "prediction_rows",
    "read_predictions",
    "read_prediction_lines",
    "check_dates",
    "group_rows",
    "crosstab",
    "iter_group_records",
    "DATE_BUCKETS",
    "MISSING",
]

#: Grouping keys that bucket the rows' ``date`` field rather than name a field.
DATE_BUCKETS = ("day", "week", "month")

#: The group value of a row that lacks the field (or has it empty).
MISSING = "(none)"


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
        (``support``, ``conditional``, ``oppose``); ``neutral`` when
        statements exist but none takes one; ``tie`` when two or more
        positions are equally frequent; ``none`` without any statement.
    label_counts : dict of str to dict of str to int
        Per head, the count of every codebook label (zeros included, codebook
        order); ``stance_counts``, ``framing_counts`` and ``speaker_counts``
        read it by head.
    unsure, out_of_scope : int
        Statements flagged ``unsure`` and with coverage below the CLI's
        out-of-scope threshold.
    """

    name: str
    statements: int
    dominant_stance: str
    label_counts: dict[str, dict[str, int]]
    unsure: int
    out_of_scope: int

    @property
    def stance_counts(self) -> dict[str, int]:
        """``counts("stance")``."""
        return self.label_counts["stance"]

    @property
    def framing_counts(self) -> dict[str, int]:
        """``counts("framing")``."""
        return self.label_counts["framing"]

    @property
    def speaker_counts(self) -> dict[str, int]:
        """``counts("speaker")``."""
        return self.label_counts["speaker"]

    def counts(self, head: str) -> dict[str, int]:
        """The label counts of a head (``"stance"``, ``"framing"``, ``"speaker"``)."""
        return self.label_counts[head]

    def shares(self, head: str) -> dict[str, float]:
        """Counts of a head (``"stance"``, ``"framing"``, ``"speaker"``) as shares summing to 1.

        All zeros for an article without statements.
        """
        return {label: (n / self.statements if self.statements else 0.0) for label, n in self.counts(head).items()}


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
        {head: Counter(p.labels[head] for p in predictions) for head in HEADS},
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
    counters: dict[str, Counter] = {head: Counter() for head in HEADS}
    for item in profiles:
        for head, counter in counters.items():
            counter.update(item.counts(head))
    return _from_counts(
        name,
        sum(p.statements for p in profiles),
        counters,
        unsure=sum(p.unsure for p in profiles),
        out_of_scope=sum(p.out_of_scope for p in profiles),
    )


def _from_counts(
    name: str, statements: int, counters: Mapping[str, Counter], *, unsure: int, out_of_scope: int
) -> ArticleProfile:
    """A profile from label counters per head: every codebook label listed, the dominant stance worked out."""
    return ArticleProfile(
        name=name,
        statements=statements,
        dominant_stance=_dominant(counters["stance"]),
        label_counts={head: {label: counters[head][label] for label in labels} for head, labels in HEADS.items()},
        unsure=unsure,
        out_of_scope=out_of_scope,
    )


def _dominant(stance: Counter) -> str:
    if not sum(stance.values()):
        return "none"
    positions = {label: stance[label] for label in HEADS["stance"] if label != "neutral" and stance[label] > 0}
    if not positions:
        return "neutral"
    top = max(positions.values())
    winners = [label for label, n in positions.items() if n == top]
    return winners[0] if len(winners) == 1 else "tie"


def profile_rows(name: str, rows: Iterable[Mapping[str, Any]]) -> ArticleProfile:
    """Profile any set of prediction rows (one article, an outlet, a week).

    Parameters
    ----------
    name : str
        A name for the group.
    rows : iterable of mapping
        Prediction rows, as :func:`read_predictions` or
        :func:`prediction_rows` give them.

    Returns
    -------
    ArticleProfile
    """
    rows = list(rows)
    return _from_counts(
        name,
        len(rows),
        {head: Counter(row[head] for row in rows) for head in HEADS},
        unsure=sum(bool(row.get("unsure")) for row in rows),
        out_of_scope=sum(_out_of_scope(row) for row in rows),
    )


def prediction_rows(
    name: str, predictions: Sequence[Prediction], metadata: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Prediction rows of one article: its metadata, then each statement's labels.

    Parameters
    ----------
    name : str
        The article's name (its file or id), kept as the ``file`` field.
    predictions : sequence of Prediction
        What :func:`stanceclf.classify` returned for it.
    metadata : mapping, optional
        The article's fields (``outlet``, ``date``, ``source``, ...), copied
        into every row.

    Returns
    -------
    list of dict
        One row per statement, with the fields ``classify --format jsonl``
        writes (evidence left out).
    """
    from .formats import prediction_row

    base = {**(metadata or {}), "file": name}
    return [{**base, "statement": number, **prediction_row(p)} for number, p in enumerate(predictions, start=1)]


def read_predictions(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read saved predictions (``classify --format jsonl`` output) back as rows.

    Parameters
    ----------
    path : str or path-like
        A JSON Lines file, one statement per line.

    Returns
    -------
    list of dict
        The rows, with an article's metadata flattened to the top level
        when it was saved under ``"metadata"``.

    Raises
    ------
    DataFileError
        Listing every line without a codebook ``stance``, ``framing`` or
        ``speaker``, with file and line (and every malformed line).
    """
    return [row for _, row in read_prediction_lines(path)]


def read_prediction_lines(path: str | os.PathLike[str]) -> list[tuple[int, dict[str, Any]]]:
    """:func:`read_predictions` with each row's line number, for messages that name ``file:line``."""
    from .files import read_jsonl

    rows, problems = [], []
    for number, record in read_jsonl(path):
        nested = record.get("metadata")
        row = {**nested, **{k: v for k, v in record.items() if k != "metadata"}} if isinstance(nested, dict) else record
        for head, labels in HEADS.items():
            if row.get(head) not in labels:
                problems.append(
                    f"{path}:{number}: {head} {row.get(head)!r} is not a codebook label "
                    f"(is this a predictions file from `stanceclf classify --format jsonl`?)"
                )
        rows.append((number, row))
    if problems:
        raise DataFileError(problems)
    return rows


@dataclass(frozen=True)
class Group:
    """One group of a grouped summary.

    Attributes
    ----------
    key : tuple of str
        The group's value for each grouping field, in the order asked for.
    articles : int
        How many distinct articles (``file`` values) have rows in it.
    profile : ArticleProfile
        Counts, shares and dominant stance of its statements; its name is
        the key joined with `` / ``.
    """

    key: tuple[str, ...]
    articles: int
    profile: ArticleProfile


def group_rows(rows: Iterable[Mapping[str, Any]], by: Sequence[str]) -> list[Group]:
    """Group prediction rows by fields and profile each group.

    Parameters
    ----------
    rows : iterable of mapping
        Prediction rows.
    by : sequence of str
        Field names (``outlet``, ``outlet_type``, ``source``, ``speaker``,
        ``file``, any metadata field) and date buckets (``day``, ``week``,
        ``month``: the row's ``date`` field, ISO ``YYYY-MM-DD`` or a
        timestamp starting with one; weeks are ISO weeks, ``2024-W07``).
        Empty: one group of everything.

    Returns
    -------
    list of Group
        Sorted by key; a row without the field falls in the group ``(none)``.

    Raises
    ------
    InvalidInputError
        When a date bucket meets a ``date`` that is not an ISO date, or no
        row has a field asked for (a misspelt field name).
    """
    by = list(by)
    rows = list(rows)
    for field in by:
        name = "date" if field in DATE_BUCKETS else field
        if rows and not any(name in row for row in rows):
            known = sorted({key for row in rows for key in row} | set(DATE_BUCKETS))
            raise InvalidInputError(f"no row has a field {name!r}; fields present: {', '.join(known)}")
    buckets: dict[tuple[str, ...], list[Mapping[str, Any]]] = {}
    for row in rows:
        buckets.setdefault(tuple(_value(row, field) for field in by), []).append(row)
    return [
        Group(key, len({row.get("file") for row in members}), profile_rows(" / ".join(key) or "all", members))
        for key, members in sorted(buckets.items())
    ]


def crosstab(rows: Iterable[Mapping[str, Any]], field: str, head: str = "stance") -> dict[str, dict[str, int]]:
    """Count a field's values against a head's labels, e.g. speaker x stance.

    Parameters
    ----------
    rows : iterable of mapping
        Prediction rows.
    field : str
        The rows' field (``speaker``, ``outlet``, ...), or a date bucket.
    head : str
        ``stance``, ``framing`` or ``speaker``: the columns.

    Returns
    -------
    dict of str to dict of str to int
        Per value of the field (sorted), the count of every label of the head
        (zeros included, codebook order).
    """
    if head not in HEADS:
        raise InvalidInputError(f"head must be one of {', '.join(HEADS)}, got {head!r}")
    table: dict[str, Counter] = {}
    for row in rows:
        table.setdefault(_value(row, field), Counter())[row[head]] += 1
    return {value: {label: table[value][label] for label in HEADS[head]} for value in sorted(table)}


def _value(row: Mapping[str, Any], field: str) -> str:
    """A row's group value for one grouping field, as text."""
    if field in DATE_BUCKETS:
        return _bucket(row.get("date"), field)
    value = row.get(field)
    return MISSING if value is None or value == "" else str(value)


def _bucket(value: Any, size: str) -> str:
    if value is None or value == "":
        return MISSING
    try:
        day = datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InvalidInputError(f"date {value!r} is not an ISO date (YYYY-MM-DD); cannot group by {size}") from None
    if size == "day":
        return day.isoformat()
    if size == "month":
        return f"{day.year:04d}-{day.month:02d}"
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def check_dates(rows: Iterable[tuple[str, Mapping[str, Any]]], by: Sequence[str]) -> None:
    """Check, before grouping by a date bucket, that every row's ``date`` reads as an ISO date.

    Parameters
    ----------
    rows : iterable of (str, mapping)
        Each prediction row with where it comes from (``file:line``).
    by : sequence of str
        The grouping fields; nothing is checked without ``day``, ``week`` or ``month``.

    Raises
    ------
    DataFileError
        Naming every row (``file:line``) whose date is not ``YYYY-MM-DD``.
    """
    size = next((field for field in by if field in DATE_BUCKETS), None)
    if size is None:
        return
    problems = []
    for where, row in rows:
        try:
            _bucket(row.get("date"), size)
        except InvalidInputError as exc:
            problems.append(f"{where}: {exc}")
    if problems:
        raise DataFileError(problems)


def _out_of_scope(row: Mapping[str, Any]) -> bool:
    if "out_of_scope" in row:
        return bool(row["out_of_scope"])
    return "coverage" in row and row["coverage"] < LOW_COVERAGE


def iter_group_records(groups: Sequence[Group], by: Sequence[str]) -> Iterator[dict[str, Any]]:
    """Flat records of a grouped summary, one per group, for CSV and JSON Lines.

    Each has the grouping fields, ``articles``, ``statements``,
    ``dominant_stance``, ``unsure``, ``out_of_scope`` and, per label of each
    head, ``<head>:<label>`` (count) and ``<head>_share:<label>`` (share).
    """
    for group in groups:
        item = group.profile
        record: dict[str, Any] = dict(zip(by, group.key))
        record.update(articles=group.articles, statements=item.statements, dominant_stance=item.dominant_stance)
        for head in HEADS:
            for label, n in item.counts(head).items():
                record[f"{head}:{label}"] = n
            for label, share in item.shares(head).items():
                record[f"{head}_share:{label}"] = round(share, 4)
        record.update(unsure=item.unsure, out_of_scope=item.out_of_scope)
        yield record
