"""Predictions -> output formats: an aligned table, JSON Lines or CSV.

The one place where predictions, article profiles and grouped summaries
become records and rows, for the command line and for Python alike. Every
column follows the codebook's heads (:data:`stanceclf.labels.HEADS`): a head
added there gets its label column, its scores and its shares here without
an edit. An output format is one writer class per kind of output, named in
its ``_WRITERS`` table.

>>> import io
>>> from stanceclf import classify
>>> out = io.StringIO()
>>> write_predictions([("a.txt", classify("Kyiv refused the talks."))], out, fmt="csv")
>>> out.getvalue().splitlines()[0]
'file,statement,stance,framing,speaker,stance_p,framing_p,unsure,coverage,out_of_scope,text'
"""

from __future__ import annotations

import csv
import json
import os
from typing import Any, Iterable, Mapping, Sequence, TextIO

from .codebook import HEADS
from .errors import InvalidInputError
from .prediction import UNSURE_HEADS, Prediction

__all__ = [
    "FORMATS",
    "HEADER_FORMATS",
    "prediction_record",
    "prediction_row",
    "PredictionWriter",
    "ProfileWriter",
    "write_predictions",
    "write_profiles",
    "write_groups",
]


# Tables are read on a terminal: they show the shares of the heads a
# prediction's confidence is judged on (stance, framing), labels shortened.
_TABLE_HEADS = UNSURE_HEADS
_SHORT = {
    "conditional": "cond",
    "neutral": "neutr",
    "delegitimize": "deleg",
    "law_sovereignty": "law",
    "goodwill": "good",
    "neutral_report": "report",
}


def prediction_record(p: Prediction) -> dict[str, Any]:
    """Everything about one prediction, as JSON Lines writes it.

    Parameters
    ----------
    p : Prediction

    Returns
    -------
    dict
        ``start``, ``end``, ``text``, one label per head (``stance``, ...),
        ``<head>_scores`` per head, ``unsure``, ``coverage``,
        ``out_of_scope`` and ``evidence`` (per head, ``[ngram, weight]``
        pairs).
    """
    return {
        "start": p.start,
        "end": p.end,
        "text": p.text,
        **p.labels,
        **{f"{head}_scores": scores for head, scores in p.scores.items()},
        "unsure": p.unsure,
        "coverage": p.coverage,
        "out_of_scope": p.out_of_scope,
        "evidence": {head: [list(pair) for pair in pairs] for head, pairs in p.evidence.items()},
    }


def prediction_row(p: Prediction) -> dict[str, Any]:
    """One prediction as a flat row: text, labels, winning probabilities and flags (no scores, no evidence).

    Parameters
    ----------
    p : Prediction

    Returns
    -------
    dict
        ``text``, one label per head, ``<head>_p`` (the winning
        probability, 4 decimals) for the stance and the framing,
        ``unsure``, ``coverage`` and ``out_of_scope``.
    """
    return {
        "text": p.text,
        **p.labels,
        **{f"{head}_p": round(p.probability(head), 4) for head in UNSURE_HEADS},
        "unsure": p.unsure,
        "coverage": round(p.coverage, 4),
        "out_of_scope": p.out_of_scope,
    }


class _MetadataColumns:
    """The input's metadata fields as output fields, renamed ``input_NAME`` where they clash with ours."""

    def __init__(self, fields: Sequence[str], own: Iterable[str]) -> None:
        self._taken = set(own)
        self._fields = list(fields)
        self.names = [f"input_{name}" if name in self._taken else name for name in self._fields]
        self._renamed = dict(zip(self._fields, self.names))

    def record(self, metadata: Mapping[str, str]) -> dict[str, str]:
        """For JSON Lines: every field the text has (also those no header listed)."""
        return {self._renamed.get(k, f"input_{k}" if k in self._taken else k): v for k, v in metadata.items()}

    def row(self, metadata: Mapping[str, str]) -> list[str]:
        """For CSV: one cell per header field, empty where the text has none."""
        return [metadata.get(name, "") for name in self._fields]


def _writer_class(writers: Mapping[str, type], fmt: str) -> type:
    if fmt not in writers:
        raise InvalidInputError(f"fmt must be one of {', '.join(writers)}, got {fmt!r}")
    return writers[fmt]


class _Writer:
    """A writer of one kind of output, in one format: ``PredictionWriter(stream, "csv")`` makes the CSV one."""

    # On each public writer class: its subclass for each format.
    _by_format: dict[str, type]

    def __new__(cls, stream: TextIO, fmt: str = "jsonl", metadata_fields: Sequence[str] = ()) -> Any:
        if "_by_format" in cls.__dict__:
            cls = _writer_class(cls._by_format, fmt)
        return super().__new__(cls)

    def _header(self) -> None:
        pass

    def close(self) -> None:
        """Flush what was written."""
        self.out.flush()


class PredictionWriter(_Writer):
    """Writes predictions one row per statement, each with its text's name and metadata.

    ``PredictionWriter(stream, "csv")`` gives the writer of that format.

    Parameters
    ----------
    stream : text stream
        Where rows go (a file opened with ``newline=""`` for CSV).
    fmt : {"table", "jsonl", "csv"}, default "jsonl"
        The format.
    metadata_fields : sequence of str, optional
        The texts' metadata fields that CSV gives a column each (JSON Lines
        writes whatever fields a text has; the table shows outlet, site and
        date); a field named like one of ours is renamed ``input_NAME``.

    Raises
    ------
    InvalidInputError
        When ``fmt`` is not a known format.
    """

    def __init__(self, stream: TextIO, fmt: str = "jsonl", metadata_fields: Sequence[str] = ()) -> None:
        self.out = stream
        self._columns = ["file", "statement", *HEADS, *(f"{head}_p" for head in UNSURE_HEADS)]
        self._columns += ["unsure", "coverage", "out_of_scope", "text"]
        record_keys = ["start", "end", *(f"{head}_scores" for head in HEADS), "evidence"]
        self._fields = _MetadataColumns(metadata_fields, self._columns + record_keys)
        self._header()

    def _header(self) -> None:
        pass

    def write(
        self, name: str, predictions: Iterable[Prediction], metadata: Mapping[str, str] | None = None, *, first: int = 1
    ) -> None:
        """Write the rows of one text's predictions.

        Parameters
        ----------
        name : str
            The text's name (its file or id): the ``file`` column.
        predictions : iterable of Prediction
            Its predictions, in order.
        metadata : mapping of str to str, optional
            Its fields (outlet, date, title, ...).
        first : int, default 1
            The statement number of the first prediction (for a text
            written in pieces).
        """
        for index, p in enumerate(predictions, start=first):
            self._row(name, metadata or {}, index, p)

    def _row(self, name: str, metadata: Mapping[str, str], index: int, p: Prediction) -> None:
        raise NotImplementedError


class _JsonPredictions(PredictionWriter):
    def _row(self, name: str, metadata: Mapping[str, str], index: int, p: Prediction) -> None:
        record = {"file": name, **self._fields.record(metadata), "statement": index, **prediction_record(p)}
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")


class _CsvPredictions(PredictionWriter):
    def _header(self) -> None:
        self._csv = csv.writer(self.out)
        self._csv.writerow((self._columns[0], *self._fields.names, *self._columns[1:]))

    def _row(self, name: str, metadata: Mapping[str, str], index: int, p: Prediction) -> None:
        self._csv.writerow(
            (
                name,
                *self._fields.row(metadata),
                index,
                *p.labels.values(),
                *(f"{p.probability(head):.3f}" for head in UNSURE_HEADS),
                p.unsure,
                f"{p.coverage:.3f}",
                p.out_of_scope,
                p.text,
            )
        )


class _TablePredictions(PredictionWriter):
    # A column per head as wide as its longest label.
    def _header(self) -> None:
        self._widths = {head: max(len(head), *map(len, labels)) for head, labels in HEADS.items()}
        heads = " ".join(f"{head:<{width}}" for head, width in self._widths.items())
        self.out.write(f"{'#':>3} {heads} {'p':>4}  {'source':<24} text\n")

    def _row(self, name: str, metadata: Mapping[str, str], index: int, p: Prediction) -> None:
        # "~": out of scope (few known words); "?": the model is unsure.
        flag = "~" if p.out_of_scope else "?" if p.unsure else " "
        text = p.text if len(p.text) <= 100 else p.text[:97] + "..."
        labels = " ".join(f"{p.labels[head]:<{width}}" for head, width in self._widths.items())
        confidence = min(p.probability(head) for head in UNSURE_HEADS)
        self.out.write(f"{index:>3} {labels} {confidence:.2f}{flag} {_source_cell(name, metadata)} {text}\n")


PredictionWriter._by_format = {"table": _TablePredictions, "jsonl": _JsonPredictions, "csv": _CsvPredictions}


def _source_cell(name: str, metadata: Mapping[str, str], width: int = 24) -> str:
    """The table's source column: the file's base name (or id), its outlet or site and date; cut in the middle."""
    parts = [os.path.basename(name) or name] + [metadata[k] for k in ("outlet", "site", "date") if metadata.get(k)]
    cell = " · ".join(parts)
    if len(cell) > width:
        head = (width - 1) // 2
        cell = cell[:head] + "…" + cell[len(cell) - (width - 1 - head) :]
    return f"{cell:<{width}}"


class ProfileWriter(_Writer):
    """Writes one article profile per line, the text's metadata beside it.

    Parameters
    ----------
    stream : text stream
        Where lines go.
    fmt : {"table", "jsonl", "csv"}, default "jsonl"
        The format.
    metadata_fields : sequence of str, optional
        As for :class:`PredictionWriter`.

    Raises
    ------
    InvalidInputError
        When ``fmt`` is not a known format.
    """

    def __init__(self, stream: TextIO, fmt: str = "jsonl", metadata_fields: Sequence[str] = ()) -> None:
        self.out = stream
        self._columns = [f"{head}:{label}" for head, labels in HEADS.items() for label in labels]
        self._own = ["name", "statements", "dominant_stance", *self._columns, "unsure", "out_of_scope"]
        self._fields = _MetadataColumns(metadata_fields, self._own)
        self._header()

    def write(self, item: Any, metadata: Mapping[str, str] | None = None) -> None:
        """Write one profile (:class:`~stanceclf.summary.ArticleProfile`) and its text's metadata."""
        raise NotImplementedError


class _JsonProfiles(ProfileWriter):
    def write(self, item: Any, metadata: Mapping[str, str] | None = None) -> None:
        record = {
            "name": item.name,
            **self._fields.record(metadata or {}),
            "statements": item.statements,
            "dominant_stance": item.dominant_stance,
            **{f"{head}_shares": item.shares(head) for head in HEADS},
            "unsure": item.unsure,
            "out_of_scope": item.out_of_scope,
        }
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")


class _CsvProfiles(ProfileWriter):
    def _header(self) -> None:
        self._csv = csv.writer(self.out)
        self._csv.writerow(["name", *self._fields.names, *self._own[1:]])

    def write(self, item: Any, metadata: Mapping[str, str] | None = None) -> None:
        shares = [f"{share:.3f}" for head in HEADS for share in item.shares(head).values()]
        row = [item.name, *self._fields.row(metadata or {}), item.statements, item.dominant_stance, *shares]
        self._csv.writerow([*row, item.unsure, item.out_of_scope])


class _TableProfiles(ProfileWriter):
    def _header(self) -> None:
        labels = "  ".join(
            " ".join(f"{_SHORT.get(x, x):>{max(5, len(_SHORT.get(x, x)))}}" for x in HEADS[head])
            for head in _TABLE_HEADS
        )
        self.out.write(f"{'statements':>10} {'dominant':<11} {labels}  name\n")

    def write(self, item: Any, metadata: Mapping[str, str] | None = None) -> None:
        cells = "  ".join(" ".join(f"{share:>5.0%}" for share in item.shares(head).values()) for head in _TABLE_HEADS)
        name = " · ".join([item.name, *(value for value in (metadata or {}).values() if value)])
        self.out.write(f"{item.statements:>10} {item.dominant_stance:<11} {cells}  {name}\n")


ProfileWriter._by_format = {"table": _TableProfiles, "jsonl": _JsonProfiles, "csv": _CsvProfiles}


def write_predictions(
    articles: Iterable[tuple], stream: TextIO, fmt: str = "jsonl", *, metadata_fields: Sequence[str] = ()
) -> None:
    """Write the predictions of texts, one row per statement.

    Parameters
    ----------
    articles : iterable of tuple
        ``(name, predictions)`` or ``(name, predictions, metadata)`` per text.
    stream : text stream
        Where rows go.
    fmt : {"table", "jsonl", "csv"}, default "jsonl"
        The format.
    metadata_fields : sequence of str, optional
        Metadata fields that get a CSV column each.
    """
    writer = PredictionWriter(stream, fmt, metadata_fields)
    for name, predictions, *metadata in articles:
        writer.write(name, predictions, metadata[0] if metadata else None)
    writer.close()


def write_profiles(
    profiles: Iterable[Any], stream: TextIO, fmt: str = "jsonl", *, metadata_fields: Sequence[str] = ()
) -> None:
    """Write article profiles (:func:`stanceclf.summary.profile`), one line each.

    Parameters
    ----------
    profiles : iterable of ArticleProfile or of (ArticleProfile, metadata)
        The profiles, each alone or with its text's metadata.
    stream : text stream
        Where lines go.
    fmt : {"table", "jsonl", "csv"}, default "jsonl"
        The format.
    metadata_fields : sequence of str, optional
        Metadata fields that get a CSV column each.
    """
    writer = ProfileWriter(stream, fmt, metadata_fields)
    for item in profiles:
        writer.write(*item) if isinstance(item, tuple) else writer.write(item)
    writer.close()


def write_groups(
    groups: Sequence[Any], by: Sequence[str], stream: TextIO, fmt: str = "jsonl", *, counts: bool = False
) -> None:
    """Write a grouped summary (:func:`stanceclf.summary.group_rows`), one line per group.

    Parameters
    ----------
    groups : sequence of Group
        The groups.
    by : sequence of str
        The grouping fields, in order.
    stream : text stream
        Where lines go.
    fmt : {"table", "jsonl", "csv"}, default "jsonl"
        The format; JSON Lines and CSV carry every count and share
        (:func:`stanceclf.summary.iter_group_records`).
    counts : bool, default False
        For the table: stance counts beside their shares (the speaker x
        stance table) instead of stance and frame shares.
    """
    _writer_class(_GROUP_WRITERS, fmt)(groups, by, stream, counts=counts)


def _group_records(groups: Sequence[Any], by: Sequence[str]) -> list[dict[str, Any]]:
    from .summary import iter_group_records

    return list(iter_group_records(groups, by))


def _group_jsonl(groups: Sequence[Any], by: Sequence[str], out: TextIO, *, counts: bool) -> None:
    for record in _group_records(groups, by):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _group_csv(groups: Sequence[Any], by: Sequence[str], out: TextIO, *, counts: bool) -> None:
    records = _group_records(groups, by)
    writer = csv.DictWriter(out, fieldnames=list(records[0]) if records else list(by))
    writer.writeheader()
    writer.writerows(records)


def _group_table(groups: Sequence[Any], by: Sequence[str], out: TextIO, *, counts: bool) -> None:
    """The grouped summary as an aligned table: stance and frame shares (or stance counts and shares)."""
    heads = _TABLE_HEADS[:1] if counts else _TABLE_HEADS
    widths = [max([len(field)] + [len(g.key[i]) for g in groups]) for i, field in enumerate(by)]
    keys = " ".join(f"{field:<{w}}" for field, w in zip(by, widths))
    labels = "  ".join(" ".join(f"{_SHORT.get(x, x):>{11 if counts else 6}}" for x in HEADS[head]) for head in heads)
    out.write(f"{keys + ' ' if by else ''}{'articles':>8} {'stmts':>6} {'dominant':<11} {labels}\n")
    for group in groups:
        item = group.profile
        key = " ".join(f"{value:<{w}}" for value, w in zip(group.key, widths))
        if counts:
            shares, numbers = item.shares(heads[0]), item.counts(heads[0])
            cells = " ".join(f"{numbers[x]:>5} ({shares[x]:>4.0%})" for x in HEADS[heads[0]])
        else:
            cells = "  ".join(" ".join(f"{share:>6.0%}" for share in item.shares(head).values()) for head in heads)
        out.write(
            f"{key + ' ' if by else ''}{group.articles:>8} {item.statements:>6} {item.dominant_stance:<11} {cells}\n"
        )


_GROUP_WRITERS = {"table": _group_table, "jsonl": _group_jsonl, "csv": _group_csv}

#: The output formats of :class:`PredictionWriter`, :class:`ProfileWriter` and :func:`write_groups`.
FORMATS = tuple(PredictionWriter._by_format)
#: The formats whose columns are fixed by their header: they need every metadata field before the first row.
HEADER_FORMATS = ("csv",)
