"""Labels -> validated records: read, check and write the label files.

The project keeps its labels in JSON Lines files under ``labels/``:

``train.jsonl``
    Statements of the training articles.
``heldout.jsonl``
    Statements of the held-out articles; never used to fit or tune a model.
``written.jsonl``
    Example statements written by the team (not from any article), used for
    training only and never in any held-out evaluation.

Each line is one statement with the codebook's fields (section 5): ``id``,
``article``, ``text``, and one label per head of :data:`stanceclf.codebook.HEADS`
(``stance``, ``framing``, ``speaker``).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from .codebook import DEFAULT_LABELS, FRAMINGS, HEADS, SPEAKERS, STANCES
from .corpus import Article, article_statements, read_corpus
from .errors import DataFileError, InputTypeError, InvalidInputError
from .files import lone_surrogate, parse_jsonl, write_jsonl

__all__ = [
    "STANCES",
    "FRAMINGS",
    "SPEAKERS",
    "HEADS",
    "FIELDS",
    "HINT_FIELDS",
    "LabeledStatement",
    "ValidationReport",
    "read_labels",
    "write_labels",
    "check_labels",
    "validate_project",
    "ProjectFiles",
]

# STANCES, FRAMINGS, SPEAKERS and HEADS are the codebook's (stanceclf.codebook), importable here too.

#: The fields that place a statement: its id, its article and its text.
_KEY_FIELDS = ("id", "article", "text")
#: A label file's fields, in codebook order: the key fields, then one label per head.
FIELDS = (*_KEY_FIELDS, *HEADS)
#: Optional fields ``stanceclf suggest`` writes to help whoever fills in the
#: labels (the neighbouring statements, the model's guess); read, never used.
HINT_FIELDS = ("before", "after", "guess")


@dataclass(frozen=True)
class LabeledStatement:
    """One labelled statement, as stored in a label file.

    Attributes
    ----------
    id, article, text : str
        Stable unique id, the id of its article, and the statement verbatim.
    stance, framing, speaker : str
        Codebook label names; empty strings in an unfilled suggestion file.
    """

    id: str
    article: str
    text: str
    stance: str
    framing: str
    speaker: str

    def __post_init__(self) -> None:
        # Refused here, not after a whole training run: the label hash and
        # every writer need each field as a str with a UTF-8 form.
        for name in FIELDS:
            value = getattr(self, name)
            if not isinstance(value, str):
                raise InputTypeError(f"LabeledStatement field {name!r} must be a str, got {type(value).__name__}")
            at = lone_surrogate(value)
            if at is not None:
                raise InvalidInputError(
                    f"LabeledStatement field {name!r} holds a lone surrogate \\u{ord(value[at]):04x} "
                    f"at character {at + 1}; that is not Unicode text"
                )

    def to_record(self) -> dict[str, str]:
        """The statement as a JSON-ready dict, fields in codebook order."""
        return {name: getattr(self, name) for name in FIELDS}


@dataclass(frozen=True)
class ProjectFiles:
    """Where a project checkout keeps its corpus and labels.

    Parameters
    ----------
    root : path-like
        The repository root (holding ``corpus/`` and ``labels/``).
    """

    root: Path

    @property
    def corpus_dir(self) -> Path:
        return self.root / "corpus"

    @property
    def train(self) -> Path:
        return self.root / "labels" / "train.jsonl"

    @property
    def heldout(self) -> Path:
        return self.root / "labels" / "heldout.jsonl"

    @property
    def written(self) -> Path:
        return self.root / "labels" / "written.jsonl"

    @property
    def offtopic(self) -> Path:
        """Statements about other things (stance ``neutral``): a development set, never trained on."""
        return self.root / "labels" / "offtopic.jsonl"


@dataclass(frozen=True)
class ValidationReport:
    """What :func:`validate_project` found.

    Attributes
    ----------
    problems : list of str
        Every problem, as ``"path:line: what is wrong"``; empty when valid.
    counts : dict
        ``counts[split][head][label]``: label counts per split.
    """

    problems: list[str]
    counts: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def check_labels(
    path: str | os.PathLike[str],
    *,
    articles: Mapping[str, Article] | None = None,
    allow_unlabelled: bool = False,
) -> tuple[list[LabeledStatement], list[str]]:
    """Read a label file and list every problem in it.

    Parameters
    ----------
    path : str or path-like
        A JSON Lines label file.
    articles : mapping of str to Article, optional
        The corpus. When given, a statement whose article is in the corpus
        must occur verbatim in that article's text.
    allow_unlabelled : bool, default False
        Accept empty label fields (a suggestion file not yet filled in).

    Returns
    -------
    statements : list of LabeledStatement
        The records that had every field with the right type.
    problems : list of str
        Each problem as ``"path:line: what is wrong"``.
    """
    numbered, problems = _check_file(path, articles, allow_unlabelled)
    return [statement for _, statement in numbered], problems


def _check_file(
    path: str | os.PathLike[str],
    articles: Mapping[str, Article] | None,
    allow_unlabelled: bool,
) -> tuple[list[tuple[int, LabeledStatement]], list[str]]:
    """check_labels, keeping each statement's line number for messages."""
    rows, problems = parse_jsonl(path)
    statements: list[tuple[int, LabeledStatement]] = []
    seen: dict[str, int] = {}
    for number, record in rows:
        where = f"{path}:{number}"
        found, usable = _record_problems(record, allow_unlabelled)
        problems.extend(f"{where}: {p}" for p in found)
        if not usable:
            continue
        statement = LabeledStatement(
            **{name: record[name].strip() if name == "text" else record[name] for name in FIELDS}
        )
        if statement.id in seen:
            problems.append(f"{where}: duplicate id {statement.id!r} (first on line {seen[statement.id]})")
            continue
        seen[statement.id] = number
        if articles is not None and statement.article in articles:
            if statement.text not in articles[statement.article].text:
                problems.append(
                    f"{where}: text does not occur verbatim in article {statement.article!r}: {statement.text[:60]!r}"
                )
        statements.append((number, statement))
    return statements, problems


def read_labels(
    path: str | os.PathLike[str],
    *,
    articles: Mapping[str, Article] | None = None,
    allow_unlabelled: bool = False,
) -> list[LabeledStatement]:
    """Read a label file, raising on any problem.

    Parameters
    ----------
    path : str or path-like
        A JSON Lines label file.
    articles : mapping of str to Article, optional
        The corpus, to check that each text occurs in its article.
    allow_unlabelled : bool, default False
        Accept empty label fields.

    Returns
    -------
    list of LabeledStatement
        In file order.

    Raises
    ------
    DataFileError
        Listing every problem with file and line.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> row = {"id": "a-s01", "article": "a", "text": "Talks resumed.",
    ...        "stance": "neutral", "framing": "neutral_report", "speaker": "author"}
    >>> _ = (folder / "l.jsonl").write_text(json.dumps(row) + "\\n")
    >>> read_labels(folder / "l.jsonl")[0].stance
    'neutral'
    """
    statements, problems = check_labels(path, articles=articles, allow_unlabelled=allow_unlabelled)
    if problems:
        raise DataFileError(problems)
    return statements


def write_labels(path: str | os.PathLike[str], statements: Iterable[LabeledStatement]) -> None:
    """Write statements as a label file, sorted by id, atomically.

    Parameters
    ----------
    path : str or path-like
        Destination file; it is replaced only once the new file is complete.
    statements : iterable of LabeledStatement
        The statements to write.
    """
    write_jsonl(path, (s.to_record() for s in sorted(statements, key=lambda s: s.id)))


def validate_project(root: str | os.PathLike[str]) -> ValidationReport:
    """Check the corpus and every label file of a project checkout.

    Checks, each reported with file and line: the corpus index and seed
    files; malformed JSON; missing, unknown or mistyped fields; label names
    outside the codebook; duplicate ids across all label files; statement
    texts that do not occur verbatim in their article; unknown articles; an
    article on both sides of the train/held-out split; corpus statements the
    segmenter finds that carry no label, and labels for text the segmenter
    does not find as a statement; written examples that claim a corpus
    article.

    Parameters
    ----------
    root : str or path-like
        The repository root.

    Returns
    -------
    ValidationReport
        The problems (empty when valid) and the label counts per split.
    """
    files = ProjectFiles(Path(root))
    problems: list[str] = []
    try:
        articles = read_corpus(files.corpus_dir)
    except DataFileError as exc:
        return ValidationReport(list(exc.problems))

    paths = {"train": files.train, "heldout": files.heldout, "written": files.written}
    if files.offtopic.is_file():
        paths["offtopic"] = files.offtopic
    numbered: dict[str, list[tuple[int, LabeledStatement]]] = {}
    line_of: dict[str, str] = {}
    for split, path in paths.items():
        numbered[split], found = _check_file(path, articles, allow_unlabelled=False)
        problems.extend(found)
        for number, statement in numbered[split]:
            where = f"{path}:{number}"
            if statement.id in line_of:
                problems.append(f"{where}: id {statement.id!r} is also used at {line_of[statement.id]}")
            else:
                line_of[statement.id] = where
            in_corpus = statement.article in articles
            if split in ("written", "offtopic") and in_corpus:
                problems.append(f"{where}: a written example cannot belong to corpus article {statement.article!r}")
            if split == "offtopic" and statement.stance != DEFAULT_LABELS["stance"]:
                problems.append(
                    f"{where}: an off-topic statement has stance {statement.stance!r}, "
                    f"expected {DEFAULT_LABELS['stance']!r}"
                )
            if split in ("train", "heldout") and not in_corpus:
                problems.append(f"{where}: unknown article {statement.article!r} (not in corpus/articles.jsonl)")

    by_split = {split: [s for _, s in rows] for split, rows in numbered.items()}
    train_articles = {s.article for s in by_split["train"]}
    for number, statement in numbered["heldout"]:
        if statement.article in train_articles:
            problems.append(
                f"{files.heldout}:{number}: article {statement.article!r} "
                f"is on both sides of the split (also in {files.train})"
            )
            train_articles.discard(statement.article)  # report each article once

    labelled = {(s.article, s.text) for split in ("train", "heldout") for s in by_split[split]}
    found_statements = set()
    for article in articles.values():
        for statement in article_statements(article):
            found_statements.add((article.id, statement.text))
            if (article.id, statement.text) not in labelled:
                problems.append(
                    f"{files.corpus_dir / article.seed}:{_seed_line(article, statement.start)}: "
                    f"statement has no label: {statement.text[:60]!r}"
                )
    for split in ("train", "heldout"):
        for number, statement in numbered[split]:
            if statement.article in articles and (statement.article, statement.text) not in found_statements:
                problems.append(
                    f"{paths[split]}:{number}: text is not a statement the segmenter finds "
                    f"in {statement.article!r}: {statement.text[:60]!r}"
                )

    counts = {split: label_counts(statements) for split, statements in by_split.items()}
    return ValidationReport(problems, counts)


def label_counts(statements: Iterable[LabeledStatement]) -> dict[str, dict[str, int]]:
    """Count labels per head, listing every codebook label (zeros included)."""
    statements = list(statements)
    counts: dict[str, dict[str, int]] = {}
    for head, names in HEADS.items():
        tally = Counter(getattr(s, head) for s in statements)
        counts[head] = {name: tally.get(name, 0) for name in names}
    return counts


def _record_problems(record: Mapping[str, Any], allow_unlabelled: bool) -> tuple[list[str], bool]:
    """A record's problems, and whether it can still be read as a statement.

    Missing, mistyped or empty id/article/text fields make it unusable; an
    unknown extra field or a bad label is reported but the record is kept, so
    that later checks (duplicates, verbatim text) still run on it.
    """
    problems = []
    missing = [name for name in FIELDS if name not in record]
    if missing:
        problems.append(f"missing field(s) {', '.join(missing)}")
    unknown = sorted(name for name in record if name not in FIELDS and name not in HINT_FIELDS)
    if unknown:
        problems.append(f"unknown field(s) {', '.join(unknown)}; expected {', '.join(FIELDS)}")
    mistyped = [name for name in FIELDS if name in record and not isinstance(record[name], str)]
    problems += [f"field {name!r} must be a string, got {type(record[name]).__name__}" for name in mistyped]
    if missing or mistyped:
        return problems, False
    problems += [f"field {name!r} is empty" for name in _KEY_FIELDS if not record[name].strip()]
    usable = all(record[name].strip() for name in _KEY_FIELDS)
    return problems + _label_problems(record, allow_unlabelled), usable


def _label_problems(record: Mapping[str, str], allow_unlabelled: bool) -> list[str]:
    """The labels of a record that are empty (unless allowed) or not a codebook label of their head."""
    problems = []
    for head, names in HEADS.items():
        value = record[head]
        if value == "" and not allow_unlabelled:
            problems.append(f"{head} is empty; fill in one of {', '.join(names)}")
        elif value and value not in names:
            problems.append(f"{head} {value!r} is not a codebook label; expected one of {', '.join(names)}")
    return problems


def _seed_line(article: Article, offset: int) -> int:
    return article.first_line + article.text.count("\n", 0, offset)
