"""Labels -> validated records: read, check and write the label files.

The project keeps its labels in JSON Lines files under ``labels/``:

``train.jsonl``
    Statements of the training articles.
``heldout.jsonl``
    Statements of the held-out articles; never used to fit or tune a model.
``written.jsonl``
    Example statements written by the team (not from any article), used for
    training only and never in any held-out evaluation.
``pages.jsonl`` (optional)
    Every statement of the development pages of the page benchmark
    (``benchmarks/pages/``), in page order, one article per page: training
    data that, like the training articles, calibration may hold out.
``offtopic.jsonl`` (optional)
    Statements about other things: a development set, never trained on.

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
from .corpus import Article, read_corpus
from .errors import DataFileError, InputTypeError, InvalidInputError
from .files import lone_surrogate, parse_jsonl, write_jsonl
from .segment import segment

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
    "validate_files",
    "Project",
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


@dataclass(frozen=True, init=False)
class LabeledStatement:
    """One labelled statement, as stored in a label file.

    Parameters
    ----------
    id, article, text : str
        Stable unique id, the id of its article, and the statement verbatim.
    *values : str
        One label per head of :data:`stanceclf.codebook.HEADS`, in its order
        (stance, framing, speaker); or by head name as keywords, or as a
        ``labels`` mapping. A head not given is ``""``, as in an unfilled
        suggestion file.

    Attributes
    ----------
    labels : dict of str to str
        Codebook label names by head, in codebook order; ``stance``,
        ``framing`` and ``speaker`` read it by head.

    Examples
    --------
    >>> s = LabeledStatement("a-s01", "a", "Kyiv refused.", "oppose", "blame", speaker="ukraine_official")
    >>> s.labels == {"stance": "oppose", "framing": "blame", "speaker": "ukraine_official"}, s.speaker
    (True, 'ukraine_official')
    """

    id: str
    article: str
    text: str
    labels: dict[str, str]

    def __init__(
        self, id: str, article: str, text: str, *values: str, labels: Mapping[str, str] | None = None, **by_head: str
    ) -> None:
        if len(values) > len(HEADS):
            raise InputTypeError(f"LabeledStatement takes {len(HEADS)} labels ({', '.join(HEADS)}), got {len(values)}")
        given: dict[str, str] = {}
        for source in (dict(zip(HEADS, values)), dict(labels or {}), by_head):
            unknown = sorted(set(source) - set(HEADS))
            if unknown:
                raise InputTypeError(
                    f"LabeledStatement got unknown head(s) {', '.join(unknown)}; expected {', '.join(HEADS)}"
                )
            twice = sorted(set(given) & set(source))
            if twice:
                raise InputTypeError(f"LabeledStatement got head(s) {', '.join(twice)} twice")
            given.update(source)
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "article", article)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "labels", {head: given.get(head, "") for head in HEADS})
        # Refused here, not after a whole training run: the label hash and
        # every writer need each field as a str with a UTF-8 form.
        for name, value in self.to_record().items():
            if not isinstance(value, str):
                raise InputTypeError(f"LabeledStatement field {name!r} must be a str, got {type(value).__name__}")
            at = lone_surrogate(value)
            if at is not None:
                raise InvalidInputError(
                    f"LabeledStatement field {name!r} holds a lone surrogate \\u{ord(value[at]):04x} "
                    f"at character {at + 1}; that is not Unicode text"
                )

    def __hash__(self) -> int:
        return hash((self.id, self.article, self.text, *self.labels.values()))

    @property
    def stance(self) -> str:
        """``labels["stance"]``."""
        return self.labels["stance"]

    @property
    def framing(self) -> str:
        """``labels["framing"]``."""
        return self.labels["framing"]

    @property
    def speaker(self) -> str:
        """``labels["speaker"]``."""
        return self.labels["speaker"]

    def to_record(self) -> dict[str, str]:
        """The statement as a JSON-ready dict, fields in codebook order."""
        return {"id": self.id, "article": self.article, "text": self.text, **self.labels}


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

    @property
    def pages(self) -> Path:
        """Statements of whole web pages written for the page benchmark: training data, one article per page."""
        return self.root / "labels" / "pages.jsonl"

    def label_files(self) -> dict[str, Path]:
        """The label file of each split; ``pages`` and ``offtopic`` only when their file exists."""
        paths = {"train": self.train, "heldout": self.heldout, "written": self.written}
        for split, path in (("pages", self.pages), ("offtopic", self.offtopic)):
            if path.is_file():
                paths[split] = path
        return paths


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

    def totals(self) -> dict[str, int]:
        """Statements per split."""
        return {split: sum(next(iter(heads.values())).values()) for split, heads in self.counts.items()}

    def to_json(self) -> dict[str, Any]:
        """The report as plain JSON values: ``ok``, ``problems``, ``statements`` per split, ``counts``."""
        return {"ok": self.ok, "problems": list(self.problems), "statements": self.totals(), "counts": self.counts}

    def counts_text(self) -> str:
        """The label counts per split as plain text lines (empty when nothing was counted)."""
        lines = []
        for split, heads in self.counts.items():
            lines.append(f"{split}: {self.totals()[split]} statements")
            lines += [
                f"  {head:<8} " + "  ".join(f"{name} {n}" for name, n in names.items()) for head, names in heads.items()
            ]
        return "\n".join(lines)


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
    return statements, sorted(problems, key=lambda problem: _line_of(problem, path))


def _line_of(problem: str, path: str | os.PathLike[str]) -> int:
    """The line a ``path:line: ...`` problem names (0 when none), so that problems come in file order."""
    line = problem[len(str(path)) + 1 :].split(":", 1)[0]
    return int(line) if line.isdigit() else 0


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
    return Project.check(root).report


@dataclass(frozen=True)
class Project:
    """A project checkout read once: its corpus, its label files, and what is wrong with them.

    Training, evaluation, validation and the command line all work on one
    ``Project``, so each file is read and checked once per run.

    Attributes
    ----------
    files : ProjectFiles
        Where the files are.
    articles : dict of str to Article
        The corpus, by article id (empty when the corpus cannot be read).
    train, heldout, written : list of LabeledStatement
        The statements of ``labels/train.jsonl``, ``labels/heldout.jsonl``
        (never used to fit or tune a model) and ``labels/written.jsonl``
        (training data only, never scored) that could be read.
    pages : list of LabeledStatement
        ``labels/pages.jsonl``: every statement of the benchmark's
        development pages, trained on like :attr:`train` (each page an
        article that calibration may hold out) but never scored; empty when
        the file does not exist.
    offtopic : list of LabeledStatement
        ``labels/offtopic.jsonl``, scored and never trained on; empty when
        the file does not exist.
    report : ValidationReport
        Every problem found, and the label counts per split.
    """

    files: ProjectFiles
    articles: dict[str, Article]
    train: list[LabeledStatement]
    heldout: list[LabeledStatement]
    written: list[LabeledStatement]
    pages: list[LabeledStatement]
    offtopic: list[LabeledStatement]
    report: ValidationReport

    @classmethod
    def check(cls, root: str | os.PathLike[str]) -> "Project":
        """Read and check a checkout, listing its problems in :attr:`report` (never raising for them).

        Parameters
        ----------
        root : str or path-like
            The repository root (holding ``corpus/`` and ``labels/``).

        Returns
        -------
        Project
        """
        files = ProjectFiles(Path(root))
        try:
            articles = read_corpus(files.corpus_dir)
        except DataFileError as exc:
            return cls(files, {}, [], [], [], [], [], ValidationReport(list(exc.problems)))
        paths = files.label_files()
        numbered, problems = _read_splits(paths, articles)
        problems += _split_problems(numbered, files)
        problems += _segmentation_problems(articles, numbered, paths, files.corpus_dir)
        splits = {split: [s for _, s in rows] for split, rows in numbered.items()}
        counts = {split: label_counts(statements) for split, statements in splits.items()}
        return cls(
            files,
            articles,
            train=splits["train"],
            heldout=splits["heldout"],
            written=splits["written"],
            pages=splits.get("pages", []),
            offtopic=splits.get("offtopic", []),
            report=ValidationReport(problems, counts),
        )

    @classmethod
    def load(cls, root: str | os.PathLike[str]) -> "Project":
        """Read and check a checkout, refusing it when anything is wrong.

        Parameters
        ----------
        root : str or path-like
            The repository root.

        Returns
        -------
        Project

        Raises
        ------
        DataFileError
            Listing every problem :func:`validate_project` finds.
        """
        project = cls.check(root)
        if not project.report.ok:
            raise DataFileError(project.report.problems)
        return project

    @property
    def root(self) -> Path:
        """The repository root."""
        return self.files.root

    @property
    def training(self) -> list[LabeledStatement]:
        """What a model is fitted on beside the written examples: the training split's and the pages' statements.

        Both are articles that calibration may hold out; the held-out split is never among them.
        """
        return self.train + self.pages

    def article_texts(self) -> dict[str, str]:
        """Article id to its whole text."""
        return {article.id: article.text for article in self.articles.values()}


_Numbered = dict[str, list[tuple[int, LabeledStatement]]]


def _read_splits(paths: Mapping[str, Path], articles: Mapping[str, Article]) -> tuple[_Numbered, list[str]]:
    """Every label file's statements with their line numbers, and the problems of each record.

    Beyond each file's own checks: ids used twice across files, and where a
    split's statements may come from (corpus articles for train and
    held-out, never for written examples, pages or off-topic statements).
    """
    numbered: _Numbered = {}
    problems: list[str] = []
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
            problems += [f"{where}: {p}" for p in _placement_problems(split, statement, articles)]
    return numbered, problems


def _placement_problems(split: str, statement: LabeledStatement, articles: Mapping[str, Article]) -> list[str]:
    """What is wrong with a statement being in this split."""
    in_corpus = statement.article in articles
    problems = []
    if split in ("written", "pages", "offtopic") and in_corpus:
        what = "a page statement" if split == "pages" else "a written example"
        problems.append(f"{what} cannot belong to corpus article {statement.article!r}")
    if split == "offtopic" and statement.stance != DEFAULT_LABELS["stance"]:
        problems.append(
            f"an off-topic statement has stance {statement.stance!r}, expected {DEFAULT_LABELS['stance']!r}"
        )
    if split in ("train", "heldout") and not in_corpus:
        problems.append(f"unknown article {statement.article!r} (not in corpus/articles.jsonl)")
    return problems


def _split_problems(numbered: _Numbered, files: ProjectFiles) -> list[str]:
    """Articles on both sides of the train/held-out split, each reported once."""
    train_articles = {s.article for _, s in numbered["train"]}
    problems = []
    for number, statement in numbered["heldout"]:
        if statement.article in train_articles:
            problems.append(
                f"{files.heldout}:{number}: article {statement.article!r} "
                f"is on both sides of the split (also in {files.train})"
            )
            train_articles.discard(statement.article)
    return problems


def _segmentation_problems(
    articles: Mapping[str, Article], numbered: _Numbered, paths: Mapping[str, Path], corpus_dir: Path
) -> list[str]:
    """Corpus statements the segmenter finds with no label, and labels for text it does not find as a statement."""
    labelled = {(s.article, s.text) for split in ("train", "heldout") for _, s in numbered[split]}
    found_statements = set()
    problems = []
    for article in articles.values():
        for statement in segment(article.text):
            found_statements.add((article.id, statement.text))
            if (article.id, statement.text) not in labelled:
                problems.append(
                    f"{corpus_dir / article.seed}:{_seed_line(article, statement.start)}: "
                    f"statement has no label: {statement.text[:60]!r}"
                )
    for split in ("train", "heldout"):
        for number, statement in numbered[split]:
            if statement.article in articles and (statement.article, statement.text) not in found_statements:
                problems.append(
                    f"{paths[split]}:{number}: text is not a statement the segmenter finds "
                    f"in {statement.article!r}: {statement.text[:60]!r}"
                )
    return problems


def validate_files(paths: Iterable[str | os.PathLike[str]], *, root: str | os.PathLike[str] = ".") -> ValidationReport:
    """Check label files of one's own (a filled-in suggestion file), each on its own.

    Parameters
    ----------
    paths : iterable of str or path-like
        The label files.
    root : str or path-like, default "."
        A project checkout whose corpus, when it can be read, is used to
        check that each text occurs in its article; without one the files
        are checked alone.

    Returns
    -------
    ValidationReport
        The problems of every file, and the label counts per file.
    """
    try:
        articles: dict[str, Article] | None = read_corpus(ProjectFiles(Path(root)).corpus_dir)
    except DataFileError:
        articles = None  # a label file can be checked without a corpus
    problems: list[str] = []
    counts = {}
    for path in paths:
        statements, found = check_labels(path, articles=articles)
        problems += found
        counts[str(path)] = label_counts(statements)
    return ValidationReport(problems, counts)


def label_counts(statements: Iterable[LabeledStatement]) -> dict[str, dict[str, int]]:
    """Count labels per head, listing every codebook label (zeros included).

    A statement with a label outside the codebook (reported as a problem) is
    not counted under any head, so that every head's counts add up to the
    same number of statements.
    """
    statements = [s for s in statements if all(s.labels[head] in names for head, names in HEADS.items())]
    counts: dict[str, dict[str, int]] = {}
    for head, names in HEADS.items():
        tally = Counter(s.labels[head] for s in statements)
        counts[head] = {name: tally.get(name, 0) for name in names}
    return counts


def _record_problems(record: Mapping[str, Any], allow_unlabelled: bool) -> tuple[list[str], bool]:
    """A record's problems, and whether it can still be read as a statement.

    Missing, mistyped or empty id/article/text fields make it unusable; an
    unknown extra field or a bad label is reported but the record is kept, so
    that later checks (duplicates, verbatim text) still run on it.
    """
    problems, readable = _field_problems(record)
    if not readable:
        return problems, False
    problems += [f"field {name!r} is empty" for name in _KEY_FIELDS if not record[name].strip()]
    usable = all(record[name].strip() for name in _KEY_FIELDS)
    return problems + _label_problems(record, allow_unlabelled), usable


def _field_problems(record: Mapping[str, Any]) -> tuple[list[str], bool]:
    """Missing, unknown and mistyped fields, and whether every field is there as a string."""
    problems = []
    missing = [name for name in FIELDS if name not in record]
    if missing:
        problems.append(f"missing field(s) {', '.join(missing)}")
    unknown = sorted(name for name in record if name not in FIELDS and name not in HINT_FIELDS)
    if unknown:
        problems.append(f"unknown field(s) {', '.join(unknown)}; expected {', '.join(FIELDS)}")
    mistyped = [name for name in FIELDS if name in record and not isinstance(record[name], str)]
    problems += [f"field {name!r} must be a string, got {type(record[name]).__name__}" for name in mistyped]
    return problems, not (missing or mistyped)


def _label_problems(record: Mapping[str, Any], allow_unlabelled: bool) -> list[str]:
    """Empty labels (unless allowed) and names outside the codebook."""
    problems = []
    for head, names in HEADS.items():
        value = record[head]
        if value == "" and not allow_unlabelled:
            problems.append(f"{head} is empty; fill in one of {', '.join(names)}")
        elif value != "" and value not in names:
            problems.append(f"{head} {value!r} is not a codebook label; expected one of {', '.join(names)}")
    return problems


def _seed_line(article: Article, offset: int) -> int:
    return article.first_line + article.text.count("\n", 0, offset)
