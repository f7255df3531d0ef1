"""The command line: ``stanceclf classify | report | suggest | train | evaluate | tune | validate``.

Thin over the library: :func:`build_parser` makes the parser, :func:`main`
parses and dispatches, and each ``run_*`` worker takes parsed arguments and
output streams, so tests call them without a subprocess.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from pathlib import Path
from typing import Sequence, TextIO

from ._progress import Progress, progress_bar, stage
from ._stopping import Interrupts, OutputFailed, Sink, flush_quietly, quiet_workers, silence
from .codebook import HEADS
from .errors import (
    DataFileError,
    InputTypeError,
    InvalidInputError,
    OutputPathError,
    StanceclfError,
    check_jobs,
    check_positive_int,
)
from .formats import FORMATS, HEADER_FORMATS
from .prediction import LOW_COVERAGE, UNSURE_HEADS
from .report import DEFAULT_CAP
from .suggest import SUGGESTION_FORMATS

__all__ = [
    "build_parser",
    "main",
    "run_classify",
    "run_summarize",
    "run_report",
    "run_suggest",
    "run_train",
    "run_evaluate",
    "run_tune",
    "run_validate",
]

# Output paths are checked before the work, so status 2 comes early.
# Exit statuses, the same for every command (README, "Command line").
EXIT_OK = 0  #: success
EXIT_DATA = 1  #: a data error: an input, label or model file could not be used, or validate found problems
EXIT_USAGE = 2  #: a usage error: unknown option, bad value, unwritable output path, not a project checkout
EXIT_PARTIAL = 3  #: partial success: some inputs were skipped (each named on stderr), the rest written
EXIT_OUTPUT = 4  #: the results could not be written (disk full, output closed); what was written stays
EXIT_INTERRUPTED = 130  #: Ctrl-C (128 + SIGINT), after the texts already written
EXIT_TERMINATED = 143  #: SIGTERM (128 + SIGTERM), handled like Ctrl-C

_EPILOG = """exit status:
  0  success
  1  data error: an input, label or model file could not be used, or validate found problems
  2  usage error: unknown option, bad value, an output path that cannot be written (checked
     before any work), not a project checkout (pass --root DIR)
  3  partial success: some inputs were skipped (each named on standard error), the rest written
  4  the results could not be written (disk full, output closed); what was written stays
  130, 143  interrupted by Ctrl-C or SIGTERM, after the texts already written in full

Results go to standard output (or -o FILE); progress, warnings and "wrote ..." lines to standard error."""
# Every command's --help ends with the exit statuses, laid out as written.
_EXIT_HELP = {"epilog": _EPILOG, "formatter_class": argparse.RawDescriptionHelpFormatter}

_CLASSIFY_EPILOG = (
    """\
inputs:
  Archive fields other than the text and the id (outlet, date, url, title, ...) and a web
  page's title, date and site are carried into every output format; a title or headline is
  classified as the first statement. Bytes that are not UTF-8 are decoded with the encoding
  charset-normalizer detects (named on stderr), or refused when it is not installed.
  A bad input stops the run after every result before it is written (exit 1);
  --skip-bad lists it on stderr and goes on (exit 3).

"""
    + _EPILOG
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``stanceclf`` command."""
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="stanceclf",
        description="Tag each statement of news text with its stance toward Russia-Ukraine negotiations "
        "and its propaganda framing.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"stanceclf {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    classify = commands.add_parser(
        "classify",
        help="label every statement of files, folders, globs, web pages or archives",
        epilog=_CLASSIFY_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    classify.add_argument(
        "files",
        nargs="*",
        metavar="INPUT",
        help="a text file, a folder (its *.txt and *.html files), a quoted glob pattern, a web page (.html), "
        "an archive of articles (.jsonl, .csv, .tsv), or '-' for standard input (the default when it is "
        "not a terminal)",
    )
    classify.add_argument(
        "--format", choices=FORMATS, default=None, help="output format (default: table on a terminal, jsonl otherwise)"
    )
    classify.add_argument("--model", metavar="DIR", default=None, help="a model folder (default: the shipped model)")
    classify.add_argument(
        "--jobs",
        type=_nonzero_int,
        default=None,
        metavar="N",
        help="classify N batches at once (joblib; -1: one per core); only worth it with idle cores to spare",
    )
    classify.add_argument(
        "--batch-size", type=_positive_int, default=64, metavar="N", help="articles per batch (default 64)"
    )
    classify.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    classify.add_argument(
        "-o", "--output", metavar="FILE", default=None, help="write the results to FILE (whole or not at all)"
    )
    classify.add_argument(
        "--summary",
        action="store_true",
        help="one line per text instead of per statement: dominant stance and the shares of "
        "each stance, frame and speaker",
    )
    classify.add_argument(
        "--text-field", default="text", metavar="NAME", help="the field (column) of an archive that holds the text"
    )
    classify.add_argument(
        "--id-field",
        default=None,
        metavar="NAME",
        help="the field (column) of an archive that names the text (default: id, when there is one)",
    )
    classify.add_argument(
        "--encoding",
        default=None,
        metavar="NAME",
        help="decode every input with this encoding (default: UTF-8, or detected with charset-normalizer)",
    )
    _add_skip_bad(classify)

    summarize = commands.add_parser(
        "summarize",
        help="counts and shares per stance, frame and speaker, grouped by outlet, week, speaker, ...",
        description="Grouped summaries of saved predictions (classify --format jsonl output) or of articles "
        "classified on the fly.",
    )
    summarize.add_argument(
        "files",
        nargs="+",
        metavar="INPUT",
        help="a predictions file (JSON Lines from `classify`), or texts as for classify "
        '(a .jsonl archive of {"id", "text", "outlet", "date", ...} articles keeps its fields)',
    )
    summarize.add_argument(
        "--by",
        action="append",
        default=[],
        metavar="FIELD",
        help="group by a field (outlet, outlet_type, source, speaker, file, any metadata field) or by the date "
        "field's day, week or month; repeat for combinations (--by outlet --by week)",
    )
    summarize.add_argument(
        "--speakers",
        action="store_true",
        help="the speaker x stance table (within each group): who says they are ready to talk",
    )
    summarize.add_argument(
        "--format", choices=FORMATS, default=None, help="output format (default: table on a terminal, jsonl otherwise)"
    )
    summarize.add_argument(
        "--chart",
        metavar="PNG",
        default=None,
        help="also draw stance shares: over time per group with a day/week/month field, else groups side by side "
        "(needs the plots extra: matplotlib)",
    )
    summarize.add_argument("--model", metavar="DIR", default=None, help="for texts: a model folder")

    train = commands.add_parser("train", help="retrain from labels/ and save a model with its card", **_EXIT_HELP)
    _add_root(train)
    train.add_argument(
        "--output",
        metavar="DIR",
        default=None,
        help="where to save the model (default: ROOT/stanceclf/models, the shipped model)",
    )
    train.add_argument(
        "--all",
        action="store_true",
        dest="use_all",
        help="refit on every label, held-out split included (figures still come from the training-split model)",
    )
    train.add_argument(
        "--labels",
        nargs="*",
        default=[],
        metavar="FILE",
        help="extra label files to train on, e.g. filled-in suggestions",
    )
    train.add_argument(
        "--furniture",
        action="store_true",
        help="refit only the learned furniture filter (stanceclf/models/furniture.npz) from the gold pages of "
        "benchmarks/pages, labels/ and corpus/",
    )

    evaluate = commands.add_parser(
        "evaluate",
        help="score the training-split model on held-out labels, with baselines and cross-validation",
        description="By default fits the training-split model (train.jsonl + pages.jsonl + written.jsonl) and scores "
        "it on labels/heldout.jsonl, which it never saw; --model or --shipped score a saved model instead.",
        **_EXIT_HELP,
    )
    _add_root(evaluate)
    evaluate.add_argument(
        "--model", metavar="DIR", default=None, help="score this saved model instead of the training-split model"
    )
    evaluate.add_argument(
        "--shipped",
        action="store_true",
        help="score the shipped model (trained on every label: a warning says so for labels it saw)",
    )
    evaluate.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    evaluate.add_argument(
        "--labels",
        nargs="*",
        default=[],
        metavar="FILE",
        help="label files to score on (default: ROOT/labels/heldout.jsonl)",
    )
    evaluate.add_argument(
        "--plots",
        metavar="DIR",
        default=None,
        help="also write confusion matrices, F1 bars and a reliability curve as PNG "
        "(needs the plots extra: matplotlib)",
    )
    evaluate.add_argument(
        "--no-cv", action="store_true", help="skip leave-one-article-out cross-validation over all labelled articles"
    )

    report = commands.add_parser(
        "report", help="a self-contained HTML report of articles, statement by statement", **_EXIT_HELP
    )
    report.add_argument("files", nargs="+", metavar="INPUT", help="texts, as for classify")
    report.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")
    report.add_argument("--model", metavar="DIR", default=None, help="a model folder (default: the shipped model)")
    report.add_argument("--title", default="stanceclf report", help="the page title")
    report.add_argument(
        "--max-articles",
        type=_whole_number,
        default=DEFAULT_CAP,
        metavar="N",
        help=f"show the first N articles in full (default {DEFAULT_CAP}; 0: all); the overview counts every article",
    )
    _add_skip_bad(report)

    suggest = commands.add_parser(
        "suggest", help="the statements most worth labelling next (uncertainty sampling)", **_EXIT_HELP
    )
    suggest.add_argument("files", nargs="+", metavar="INPUT", help="texts, as for classify")
    suggest.add_argument("-n", type=_positive_int, default=20, help="how many statements (default 20)")
    suggest.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="label file to write (JSON Lines, labels left empty)"
    )
    suggest.add_argument("--model", metavar="DIR", default=None, help="a model folder (default: the shipped model)")
    suggest.add_argument(
        "--format",
        choices=SUGGESTION_FORMATS,
        default="jsonl",
        help="jsonl: a label file to fill in (default); label-studio: a JSON list of tasks for Label Studio's import",
    )
    _add_skip_bad(suggest)
    _add_root(suggest)

    tune = commands.add_parser(
        "tune", help="choose hyper-parameters by leave-one-article-out CV on the training split", **_EXIT_HELP
    )
    _add_root(tune)

    validate = commands.add_parser(
        "validate",
        help="check the corpus and label files, print label counts (exit 1: problems found, each with file:line)",
        **_EXIT_HELP,
    )
    _add_root(validate)
    validate.add_argument("files", nargs="*", metavar="FILE", help="check these label files instead of the project's")
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default), or json: ok, problems, statements per split and label counts",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    workers = {
        "classify": run_classify,
        "summarize": run_summarize,
        "train": run_train,
        "evaluate": run_evaluate,
        "tune": run_tune,
        "suggest": run_suggest,
        "report": run_report,
        "validate": run_validate,
    }
    try:
        return workers[args.command](args, sys.stdout, sys.stderr)
    except KeyboardInterrupt:  # Ctrl-C in any command but classify (which tells what it wrote): one line
        print(f"stanceclf {args.command}: interrupted (files are written whole or not at all)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (InputTypeError, InvalidInputError, OutputPathError) as exc:
        print(f"stanceclf {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StanceclfError as exc:
        print(f"stanceclf {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_DATA
    except BrokenPipeError:  # e.g. `stanceclf classify a.txt | head`
        return 0


def run_classify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Classify a stream of texts, writing one line per statement as results come."""
    if not getattr(args, "output", None):
        return _classify_into(args, out, err)
    from .files import atomic_write_bytes

    status = []

    def write(temporary: Path) -> None:
        with open(temporary, "w", encoding="utf-8", newline="") as stream:
            status.append(_classify_into(args, stream, err))
        if status[0] not in (EXIT_OK, EXIT_PARTIAL):  # interrupted, or the disk filled: no partial file
            raise _NotWritten

    try:
        atomic_write_bytes(args.output, write)
    except _NotWritten:
        return status[0]
    print(f"wrote {args.output}", file=err)
    return status[0]


class _NotWritten(Exception):
    """``classify -o`` stopped (Ctrl-C, a full disk): the temporary file is dropped, an old FILE kept."""


def _not_written(output: str) -> str:
    """What a stopped ``classify -o FILE`` leaves: no new FILE (and the old one, if any, untouched)."""
    kept = "; the old file is kept as it was" if os.path.exists(output) else ""
    return f"{output} not written (it is written whole or not at all){kept}"


def _classify_into(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """:func:`run_classify` writing to one stream (standard output, or the temporary file behind ``-o``).

    Every result that precedes a failure (a bad input, a full disk, Ctrl-C)
    is written, in order, before the failure is reported. Ctrl-C and SIGTERM
    end it with one line on stderr, also before the first result.
    """
    signals = Interrupts()
    with signals, quiet_workers(args.jobs):
        try:
            return _classify(args, out, err, signals)
        except KeyboardInterrupt:  # before the results began: nothing written
            how = "terminated (SIGTERM)" if signals.terminated else "interrupted"
            output = getattr(args, "output", None)
            where = f"; {_not_written(output)}" if output else ""
            print(f"stanceclf classify: {how} before the first result{where}", file=err)
            return EXIT_TERMINATED if signals.terminated else EXIT_INTERRUPTED


def _classify(args: argparse.Namespace, out: TextIO, err: TextIO, signals: "Interrupts") -> int:
    import time

    from .decoding import check_encoding
    from .documents import classify_parts
    from .predict import load_model

    inputs = args.files or _standard_input()
    output = getattr(args, "output", None)  # -o FILE: written whole after the run, or not at all
    encoding = check_encoding(args.encoding) if args.encoding else None
    model = load_model(args.model)
    rows = _Rows(args, inputs, encoding, out, err)
    started = time.perf_counter()
    # A long text comes in pieces (DocumentPart), written as they come: it is never held whole.
    parts = classify_parts(
        inputs,
        model,
        batch_size=args.batch_size,
        n_jobs=args.jobs,
        text_field=args.text_field,
        id_field=args.id_field,
        encoding=encoding,
        on_skip=rows.skip if args.skip_bad else None,
        report=rows.note,
    )
    stopped = None  # a bad input, raised after every result before it
    try:
        with signals.writing():
            rows.open()
        try:
            for part in parts:
                with signals.writing():
                    rows.write(part)
        except StanceclfError as exc:
            stopped = exc
        with signals.writing():
            rows.writer.close()
    except KeyboardInterrupt:
        parts.close()
        flush_quietly(rows.sink, out)
        rows.close_bar()
        how = "terminated (SIGTERM)" if signals.terminated else "interrupted"
        done = _not_written(output) if output else f"{rows.summary.texts} text(s) written in full"
        print(f"stanceclf classify: {how}; {done}", file=err)
        return EXIT_TERMINATED if signals.terminated else EXIT_INTERRUPTED
    except OutputFailed as failure:
        parts.close()
        silence(out)
        if isinstance(failure.error, BrokenPipeError):  # e.g. `stanceclf classify a.txt | head`
            return 0
        where = f"; {_not_written(output)}" if output else ""
        print(f"stanceclf classify: error: cannot write the results: {failure.error.strerror}{where}", file=err)
        return EXIT_OUTPUT
    rows.close_bar()
    if stopped is not None:
        raise _stopped_here(stopped, rows.summary.texts, inputs, output)
    if rows.summary.skipped and not rows.summary.texts:  # nothing was used: a failure, not a partial success
        raise DataFileError(
            [f"no text was usable: every input was skipped ({rows.summary.skipped} problem(s) listed above)"]
        )
    print(rows.summary.render(time.perf_counter() - started), file=err)
    return EXIT_PARTIAL if rows.summary.skipped else EXIT_OK


class _Rows:
    """What ``classify`` writes: each piece's rows (or each text's profile), notes on stderr, the bar, the totals."""

    def __init__(
        self, args: argparse.Namespace, inputs: Sequence[str], encoding: str | None, out: TextIO, err: TextIO
    ) -> None:
        from .sources import count_texts, metadata_fields

        self.args, self.err = args, err
        self.fmt = args.format or ("table" if out.isatty() else "jsonl")
        # A CSV's header names every metadata field of the inputs, read before the first row.
        self.fields = (
            metadata_fields(inputs, text_field=args.text_field, id_field=args.id_field, encoding=encoding)
            if self.fmt in HEADER_FORMATS
            else []
        )
        # A bar for someone watching a terminal; none when the results are piped
        # on to another program, nor in logs.
        show_progress = err.isatty() and not _is_pipe(out) and not args.no_progress
        self.progress = Progress(err, count_texts(inputs)) if show_progress else None
        # Results and bar on the same terminal: the bar steps aside for each text's rows.
        self.bar_shares_terminal = self.progress is not None and out.isatty()
        self.sink = Sink(out)
        self.summary = _Summary()

    def open(self) -> None:
        """Start the output (a table's or a CSV's header)."""
        from .formats import PredictionWriter, ProfileWriter

        self.writer = (ProfileWriter if self.args.summary else PredictionWriter)(self.sink, self.fmt, self.fields)

    def note(self, message: str) -> None:
        if self.progress:
            self.progress.clear()
        print(f"stanceclf classify: {message}", file=self.err)

    def skip(self, problem: str) -> None:
        self.summary.skipped += 1
        self.note(f"skipped {problem}")

    def write(self, part) -> None:
        """One piece of a text: its language warning, its rows, and on its last piece its profile."""
        document, summary = part.document, self.summary
        if self.bar_shares_terminal:
            self.progress.clear()
        if part.language:
            summary.foreign += 1
            self.note(
                f"warning: {document.name}: the text looks {part.language}; the model reads English only, "
                "so its labels for this text are unreliable"
            )
        if not self.args.summary:
            self.writer.write(document.name, part.predictions, document.metadata, first=part.first)
        if part.profile is None:
            return
        if self.args.summary:
            self.writer.write(part.profile, document.metadata)
        summary.add(part.profile)
        if self.progress:
            self.sink.flush()
            self.progress.advance(summary.texts, f"{summary.statements} statements")

    def close_bar(self) -> None:
        if self.progress:
            self.progress.close()


def _stopped_here(error: StanceclfError, written: int, inputs: Sequence[str], output: str | None) -> DataFileError:
    """A bad input's error, saying what was written before it and whether --skip-bad would go on.

    With ``-o FILE`` nothing is written (the file is whole or absent), and the message says so.
    """
    problems = list(error.problems) if isinstance(error, DataFileError) else [str(error)]
    if output:
        problems[-1] += f" (stopped here; {_not_written(output)})"
    elif written:
        problems[-1] += f" (stopped here; the {written} text(s) before it are written)"
    if _skipping_could_go_on(inputs):
        problems[-1] += "; --skip-bad skips bad inputs and goes on"
    return DataFileError(problems)


def _skipping_could_go_on(inputs: Sequence[str]) -> bool:
    """Whether ``--skip-bad`` would leave something to classify: several inputs, a folder, a pattern or an archive."""
    if len(inputs) > 1:
        return True
    (item,) = inputs
    return any(c in item for c in "*?[") or os.path.isdir(item) or item.lower().endswith((".jsonl", ".csv", ".tsv"))


def _standard_input() -> list[str]:
    """``["-"]`` when no input is named and standard input is not a terminal; else an error."""
    stream = sys.stdin
    try:
        usable = stream is not None and not stream.closed and not stream.isatty()
    except (OSError, ValueError):
        usable = False
    if not usable:
        raise InvalidInputError(
            "no input: give files, folders, patterns or archives, or pipe a text in (stanceclf classify < article.txt)"
        )
    return ["-"]


def run_summarize(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print a grouped summary of saved predictions or of texts classified now."""
    from .formats import write_groups
    from .summary import check_dates, group_rows

    located, skipped = _summary_rows(args.files, args.model, err)
    by = list(args.by) + (["speaker"] if args.speakers else [])
    check_dates(located, by)
    groups = group_rows([row for _, row in located], by)
    write_groups(groups, by, out, args.format or ("table" if out.isatty() else "jsonl"), counts=args.speakers)
    if args.chart:
        from .plots import write_summary_chart

        print(f"wrote {write_summary_chart(groups, by, args.chart)}", file=err)
    if skipped:
        print(f"partial: {skipped} of {len(args.files)} input(s) skipped (see above)", file=err)
        return EXIT_PARTIAL
    return EXIT_OK


def _summary_rows(inputs: Sequence[str], model_path: str | None, err: TextIO) -> tuple[list[tuple[str, dict]], int]:
    """Prediction rows from saved predictions files, or from texts classified now (with their metadata).

    A broken predictions file is skipped with its problems on ``err``, when
    there are other inputs to go on with; returns the rows, each with where
    it comes from (``file:line`` of a predictions file, or the text's name
    and statement), and how many files were skipped.
    """
    from .errors import DataFileError
    from .summary import prediction_rows, read_prediction_lines

    rows: list[tuple[str, dict]] = []
    texts: list[str] = []
    skipped = 0
    for item in inputs:
        if not _is_predictions_file(item):
            texts.append(item)
            continue
        try:
            rows += [(f"{item}:{number}", row) for number, row in read_prediction_lines(item)]
        except DataFileError as exc:
            if len(inputs) == 1:
                raise
            skipped += 1
            for problem in exc.problems:  # each on one line: "skipped FILE:LINE: what is wrong"
                print(f"stanceclf summarize: skipped {problem}", file=err)
    if texts:
        from .documents import classify_documents
        from .predict import load_model

        for result in classify_documents(texts, load_model(model_path)):
            name = result.document.name
            rows += [
                (f"{name} (statement {row['statement']})", row)
                for row in prediction_rows(name, result.predictions, result.document.metadata)
            ]
    if skipped == len(inputs):
        raise DataFileError([f"no input could be read ({skipped} predictions file(s) skipped)"])
    return rows, skipped


def _is_predictions_file(item: str) -> bool:
    """A JSON Lines file whose first record carries a stance: predictions, not articles."""
    path = Path(item)
    if path.suffix != ".jsonl" or not path.is_file():
        return False
    with open(path, "rb") as stream:
        for raw in stream:
            if raw.strip():
                try:
                    record = json.loads(raw)
                except ValueError:
                    return False  # iter_documents reports the broken line with its number
                return isinstance(record, dict) and "stance" in record and "text" in record
    return False


def run_train(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Retrain from labels/, save the model and print the held-out evaluation."""
    from .training import describe, train_project

    if args.furniture and (args.use_all or args.output or args.labels):
        raise InvalidInputError(
            "--furniture refits the furniture filter alone: it takes no --all, --output or --labels"
        )
    root = _project_root(args.root, "train")
    if args.furniture:
        from .furniture import refit_shipped_filter

        refit_shipped_filter(root, out)
        return EXIT_OK
    output = Path(args.output) if args.output else root / "stanceclf" / "models"
    bar = progress_bar(err, None, "steps")

    def tell(done: int, total: int, step: str) -> None:
        if bar:
            bar.total = total
            bar.advance(done, step, every=True)

    result = train_project(root, output, use_all=args.use_all, extra_labels=tuple(args.labels), progress=tell)
    if bar:
        bar.close()
    print(describe(result), file=out)
    return EXIT_OK


def run_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Score a model on held-out labels and run grouped cross-validation.

    By default the model scored is the training-split model, fitted now on
    ``labels/train.jsonl`` and the written examples with the shipped model's
    hyper-parameters: it never saw ``labels/heldout.jsonl``, so its figures
    are held-out figures. ``--model DIR`` or ``--shipped`` score a saved model
    instead, with a warning (on standard error and on every plot) for labels
    of articles it was trained on.
    """
    from .evaluate import cross_validate, evaluate
    from .files import check_output_path
    from .labels import Project, read_labels
    from .predict import load_model

    if args.plots:
        check_output_path(args.plots, folder=True)
    project = Project.load(_project_root(args.root, "evaluate"))
    paths = [Path(p) for p in args.labels] or [project.files.heldout]
    gold = [statement for path in paths for statement in read_labels(path)] if args.labels else project.heldout
    saved = load_model(args.model)  # the shipped model unless --model
    model, trained_on, described = _model_to_evaluate(args, project, saved, err)
    seen = sorted({s.article for s in gold} & trained_on)
    data = f"{', '.join(p.name for p in paths)}: {len(gold)} statements of {len({s.article for s in gold})} articles"
    warning = ""
    if seen:
        warning = (
            f"warning: the model was trained on article(s) {', '.join(seen)}; their scores are not held-out figures"
        )
        print(warning, file=err)
    # The majority baseline is the training data's majority, as train.py reports it (not the gold's own).
    training = project.training + project.written
    report = evaluate(model, gold, training=training, offtopic=project.offtopic, articles=project.article_texts())
    result: dict = {"model": described, "data": data, "warning": warning or None, "scores": report.to_json()}
    if args.plots:
        from .plots import write_plots

        caption = f"model: {described}\ndata: {data}" + (f"\n{warning}" if warning else "")
        for path in write_plots(report, args.plots, caption=caption):
            print(f"wrote {path}", file=err)
    if args.format == "text":
        print(report.to_text(title=f"Evaluation on {', '.join(map(str, paths))} of the {described}"), file=out)
    if not args.no_cv:
        with stage(err, "leave-one-article-out cross-validation"):
            cv = cross_validate(
                project.train + project.heldout,
                extra_training=project.written,
                extra_articles=project.pages,
                params=saved.card.hyper_parameters,
                articles=project.article_texts(),
            )
        result["cross_validation"] = cv.to_json()
        if args.format == "text":
            title = (
                "Leave-one-article-out cross-validation over all labelled articles "
                "(written examples in every training fold, never scored)"
            )
            print("\n" + cv.to_text(title=title), file=out)
    if args.format == "json":
        print(json.dumps(result, indent=2, ensure_ascii=False), file=out)
    return EXIT_OK


def _model_to_evaluate(args: argparse.Namespace, project, saved, err: TextIO) -> tuple:
    """The model ``evaluate`` scores, the articles it was trained on, and how to name it."""
    if args.model or args.shipped:
        described = f"model {args.model or 'shipped with stanceclf'} ({saved.card.training.split or '?'})"
        return saved, set(saved.card.training.articles), described
    from .model import fit_bundle
    from .predict import Model

    with stage(err, "fitting the training-split model"):
        bundle = fit_bundle(project.training, always_train=project.written, params=saved.card.hyper_parameters)
    pages = " + pages.jsonl" if project.pages else ""
    described = f"training-split model (fitted now on train.jsonl{pages} + written.jsonl, shipped hyper-parameters)"
    return Model.from_bundle(bundle), {s.article for s in project.train}, described


def run_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write an HTML report of the given texts."""
    from .documents import classify_documents
    from .files import atomic_write_text, check_output_path
    from .predict import load_model
    from .report import render_report
    from .sources import count_texts

    check_output_path(args.output)
    model = load_model(args.model)
    skipped = _Skipped(args, "report", err)
    bar = progress_bar(err, count_texts(args.files), "texts")
    articles = []
    for result in classify_documents(args.files, model, on_skip=skipped.on_skip, report=skipped.note):
        document = result.document
        articles.append((document.name, result.predictions, document.text, document.metadata))
        if bar:
            bar.advance(len(articles))
    if bar:
        bar.close()
    skipped.check_usable(len(articles))
    page = render_report(articles, title=args.title, cap=args.max_articles)
    atomic_write_text(args.output, page)
    statements = sum(len(article[1]) for article in articles)
    shown = min(len(articles), args.max_articles or len(articles))
    print(f"wrote {args.output}: {len(articles)} article(s), {statements} statement(s)", file=err)
    if shown < len(articles):
        print(
            f"note: {shown} of {len(articles)} articles shown in full (--max-articles {args.max_articles}); "
            "the overview counts all of them",
            file=err,
        )
    return skipped.status


def run_suggest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the statements the model is least sure of as a label file to fill in (or Label Studio tasks)."""
    from . import __version__
    from .files import check_output_path
    from .labels import ProjectFiles, read_labels
    from .predict import load_model
    from .sources import count_texts, iter_texts
    from .suggest import LABEL_STUDIO_CONFIG, suggest, write_suggestions

    check_output_path(args.output)
    files = ProjectFiles(Path(args.root))
    labelled = [
        s.text
        for path in (files.train, files.heldout, files.written, files.pages)
        if path.is_file()
        for s in read_labels(path)
    ]
    bar = progress_bar(err, count_texts(args.files), "texts")
    skipped = _Skipped(args, "suggest", err)
    used = []

    def counted(pairs):
        for done, pair in enumerate(pairs, start=1):
            used.append(done)
            yield pair
            if bar:
                bar.advance(done)

    model = load_model(args.model)
    texts = iter_texts(args.files, on_skip=skipped.on_skip, report=skipped.note)
    ranked = suggest(model, counted(texts), args.n, exclude=labelled)
    if bar:
        bar.close()
    skipped.check_usable(len(used))
    version = f"stanceclf {__version__} ({model.card.get('model_sha256', '')[:12] or args.model or 'shipped'})"
    write_suggestions(args.output, ranked, fmt=args.format, model_version=version)
    print(f"{'rank':>4} {'uncertainty':>11}  {'guess':<24} statement", file=out)
    for rank, item in enumerate(ranked, start=1):
        text = item.statement.text if len(item.statement.text) <= 80 else item.statement.text[:77] + "..."
        guess = f"{item.guess['stance']}/{item.guess['framing']}"
        print(f"{rank:>4} {item.uncertainty:>11.3f}  {guess:<24} {text}", file=out)
    heads = ", ".join(list(HEADS)[:-1]) + " and " + list(HEADS)[-1]
    if args.format == "label-studio":
        print(
            f"wrote {len(ranked)} task(s) to {args.output}: import it into a Label Studio project "
            f"with this labelling configuration:\n{LABEL_STUDIO_CONFIG}",
            file=err,
        )
    else:
        print(
            f"wrote {len(ranked)} statement(s) to {args.output}: fill in {heads} "
            f"(before, after and guess are there to help), check with `stanceclf validate {args.output}`, "
            f"train with `python train.py --labels {args.output}`",
            file=err,
        )
    return skipped.status


def run_tune(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the cross-validated score of every hyper-parameter setting."""
    from .evaluate import tune
    from .labels import ProjectFiles, read_labels

    # Tuning reads the training split alone: it needs no corpus and never sees the held-out split.
    files = ProjectFiles(_project_root(args.root, "tune"))
    bar = progress_bar(err, None, "settings")

    def tell(done: int, total: int) -> None:
        if bar:
            bar.total = total
            bar.advance(done, every=True)

    pages = read_labels(files.pages) if files.pages.is_file() else []
    result = tune(read_labels(files.train), extra_training=read_labels(files.written) + pages, progress=tell)
    if bar:
        bar.close()
    print("Leave-one-article-out CV on the training split (written examples always trained on, never scored)", file=out)
    print(f"{'setting':<40} {'stance':>7} {'framing':>8} {'mean':>6}", file=out)
    for row in sorted(result["results"], key=lambda r: -r["score"]):
        setting = ", ".join(f"{k}={v}" for k, v in row["params"].items())
        print(f"{setting:<40} {row['stance']:>7.3f} {row['framing']:>8.3f} {row['score']:>6.3f}", file=out)
    print(f"best: {json.dumps(result['best'])}", file=out)
    return 0


def run_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Validate the project (or given label files); exit status 1 on any problem."""
    from .labels import validate_files, validate_project

    if args.files:
        report = validate_files(args.files, root=args.root)
    else:
        report = validate_project(_project_root(args.root, "validate"))
    if args.format == "json":
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False), file=out)
        return EXIT_OK if report.ok else EXIT_DATA
    for problem in report.problems:
        print(problem, file=err)
    if report.counts:
        print(report.counts_text(), file=out)
    if not report.ok:
        print(f"{len(report.problems)} problem(s) found", file=err)
        return EXIT_DATA
    print("ok: no problems found", file=out)
    return EXIT_OK


class _Summary:
    """Running totals for the closing summary of ``classify``: the texts' profiles merged."""

    def __init__(self) -> None:
        from .summary import merge_profiles

        self._merge = merge_profiles
        self.texts = 0
        self.skipped = 0  # inputs skipped with --skip-bad
        self.foreign = 0  # texts that do not look English
        self.total = merge_profiles("all", [])

    @property
    def statements(self) -> int:
        return self.total.statements

    def add(self, item) -> None:
        self.texts += 1
        self.total = self._merge("all", [self.total, item])

    def render(self, seconds: float) -> str:
        total = self.total
        rate = total.statements / seconds if seconds > 0 else 0.0
        return "\n".join(
            [
                f"summary: {self.texts} text(s), {total.statements} statement(s) in {seconds:.1f} s ({rate:,.0f}/s)",
                *(
                    f"  {head + ':':<9}" + ", ".join(f"{name} {n}" for name, n in total.counts(head).items())
                    for head in UNSURE_HEADS
                ),
                f"  unsure: {total.unsure}; out of scope (coverage < {LOW_COVERAGE}): {total.out_of_scope}",
                *([f"  not English: {self.foreign} text(s) (warned above)"] if self.foreign else []),
                *([f"  skipped: {self.skipped} bad input(s) (listed above)"] if self.skipped else []),
            ]
        )


def _is_pipe(stream: TextIO) -> bool:
    """Whether a stream is a pipe to another program (``| jq``), rather than a terminal or a file."""
    try:
        return stat.S_ISFIFO(os.fstat(stream.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):  # no file behind it (StringIO)
        return False


def _positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1 (checked by :func:`check_positive_int`)."""
    number = _whole_number(value)
    try:
        return check_positive_int("value", number)
    except InvalidInputError:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}") from None


def _nonzero_int(value: str) -> int:
    """An argparse type: a whole number other than 0 (checked by :func:`check_jobs`; -1 is one per core)."""
    number = _whole_number(value)
    try:
        return check_jobs("value", number)
    except InvalidInputError:
        raise argparse.ArgumentTypeError("must not be 0 (1: one process, -1: one per core)") from None


def _whole_number(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None


def _project_root(root: str, command: str) -> Path:
    """The project checkout named by --root, or a usage error saying to pass --root."""
    path = Path(root)
    missing = [name for name in ("corpus", "labels") if not (path / name).is_dir()]
    if missing:
        raise InvalidInputError(
            f"{path.resolve()} is not a stanceclf project checkout (no {' or '.join(m + '/' for m in missing)} "
            f"folder): run `stanceclf {command}` in the checkout or pass --root DIR"
        )
    return path


def _add_skip_bad(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="skip a bad file or archive line (listed on stderr, exit 3) instead of stopping at it",
    )


class _Skipped:
    """``--skip-bad`` for ``report`` and ``suggest``: each skipped input on stderr, and the exit status it makes.

    Notes on the inputs (a detected encoding, an empty file) go to stderr as one line each, too.
    """

    def __init__(self, args: argparse.Namespace, command: str, err: TextIO) -> None:
        self.command, self.err, self.problems = command, err, []
        self.on_skip = self._skip if args.skip_bad else None

    def note(self, message: str) -> None:
        print(f"stanceclf {self.command}: {message}", file=self.err)

    def _skip(self, problem: str) -> None:
        self.problems.append(problem)
        self.note(f"skipped {problem}")

    def check_usable(self, used: int) -> None:
        """Nothing used although inputs were skipped: a failure, as for ``classify``."""
        if self.problems and not used:
            raise DataFileError(
                [f"no text was usable: every input was skipped ({len(self.problems)} problem(s) listed above)"]
            )

    @property
    def status(self) -> int:
        return EXIT_PARTIAL if self.problems else EXIT_OK


def _add_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root",
        default=".",
        metavar="DIR",
        help="project checkout holding corpus/ and labels/ (default: current folder)",
    )
