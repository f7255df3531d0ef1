"""The command line: ``stanceclf classify | report | suggest | train | evaluate | tune | validate``.

Thin over the library: :func:`build_parser` makes the parser, :func:`main`
parses and dispatches, and each ``run_*`` worker takes parsed arguments and
output streams, so tests call them without a subprocess.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Sequence, TextIO

from .errors import DataFileError, StanceclfError
from .predict import LOW_COVERAGE

__all__ = [
    "build_parser",
    "main",
    "run_classify",
    "run_report",
    "run_suggest",
    "run_train",
    "run_evaluate",
    "run_tune",
    "run_validate",
]

_FORMATS = ("table", "jsonl", "csv")

_CLASSIFY_EPILOG = """\
inputs:
  Archive fields other than the text and the id (outlet, date, url, title, ...) and a web
  page's title, date and site are carried into every output format; a title or headline is
  classified as the first statement. Bytes that are not UTF-8 are decoded with the encoding
  charset-normalizer detects (named on stderr), or refused when it is not installed.

exit status:
  0    every input classified
  1    finished, but some inputs were skipped (--skip-bad; each listed on stderr)
  2    stopped at a bad input (every result before it is written) or a usage error
  3    the results could not be written (disk full, output closed)
  130  interrupted (Ctrl-C); 143: terminated (SIGTERM). Rows written so far are whole.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``stanceclf`` command."""
    parser = argparse.ArgumentParser(
        prog="stanceclf",
        description="Tag each statement of news text with its stance toward Russia-Ukraine negotiations "
        "and its propaganda framing.",
    )
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
        "--format", choices=_FORMATS, default=None, help="output format (default: table on a terminal, jsonl otherwise)"
    )
    classify.add_argument("--model", metavar="DIR", default=None, help="a model folder (default: the shipped model)")
    classify.add_argument(
        "--jobs",
        type=_nonzero_int,
        default=None,
        metavar="N",
        help="classify N batches at once (joblib; -1: one per core)",
    )
    classify.add_argument(
        "--batch-size", type=_positive_int, default=64, metavar="N", help="articles per batch (default 64)"
    )
    classify.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
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
        "--id-field", default="id", metavar="NAME", help="the field (column) of an archive that names the text"
    )
    classify.add_argument(
        "--encoding",
        default=None,
        metavar="NAME",
        help="decode every input with this encoding (default: UTF-8, or detected with charset-normalizer)",
    )
    classify.add_argument(
        "--skip-bad",
        action="store_true",
        help="skip a bad file or archive line (listed on stderr, exit 1) instead of stopping at it",
    )

    train = commands.add_parser("train", help="retrain from labels/ and save a model with its card")
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

    evaluate = commands.add_parser("evaluate", help="score a model on held-out labels, with baselines")
    _add_root(evaluate)
    evaluate.add_argument("--model", metavar="DIR", default=None, help="a model folder (default: the shipped model)")
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

    report = commands.add_parser("report", help="a self-contained HTML report of articles, statement by statement")
    report.add_argument("files", nargs="+", metavar="INPUT", help="texts, as for classify")
    report.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")
    report.add_argument("--model", metavar="DIR", default=None, help="a model folder (default: the shipped model)")
    report.add_argument("--title", default="stanceclf report", help="the page title")

    suggest = commands.add_parser("suggest", help="the statements most worth labelling next (uncertainty sampling)")
    suggest.add_argument("files", nargs="+", metavar="INPUT", help="texts, as for classify")
    suggest.add_argument("-n", type=_positive_int, default=20, help="how many statements (default 20)")
    suggest.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="label file to write (JSON Lines, labels left empty)"
    )
    suggest.add_argument("--model", metavar="DIR", default=None, help="a model folder (default: the shipped model)")
    _add_root(suggest)

    tune = commands.add_parser("tune", help="choose hyper-parameters by leave-one-article-out CV on the training split")
    _add_root(tune)

    validate = commands.add_parser("validate", help="check the corpus and label files, print label counts")
    _add_root(validate)
    validate.add_argument("files", nargs="*", metavar="FILE", help="check these label files instead of the project's")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    workers = {
        "classify": run_classify,
        "train": run_train,
        "evaluate": run_evaluate,
        "tune": run_tune,
        "suggest": run_suggest,
        "report": run_report,
        "validate": run_validate,
    }
    try:
        return workers[args.command](args, sys.stdout, sys.stderr)
    except StanceclfError as exc:
        print(f"stanceclf {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `stanceclf classify a.txt | head`
        return 0


def run_classify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Classify a stream of texts, writing one line per statement as results come.

    Every result that precedes a failure (a bad input, a full disk, Ctrl-C)
    is written, in order, before the failure is reported. Ctrl-C and SIGTERM
    end it with one line on stderr, also before the first result.
    """
    signals = _Interrupts()
    with signals:
        try:
            return _classify(args, out, err, signals)
        except KeyboardInterrupt:  # before the results began: nothing written
            how = "terminated (SIGTERM)" if signals.terminated else "interrupted"
            print(f"stanceclf classify: {how} before the first result", file=err)
            return 143 if signals.terminated else 130


def _classify(args: argparse.Namespace, out: TextIO, err: TextIO, signals: "_Interrupts") -> int:
    import time
    from collections import deque

    from .decoding import check_encoding
    from .language import language_warning
    from .predict import load_model
    from .sources import count_texts, iter_documents, metadata_fields
    from .summary import profile

    inputs = args.files or _standard_input()
    encoding = check_encoding(args.encoding) if args.encoding else None
    model = load_model(args.model)
    fmt = args.format or ("table" if out.isatty() else "jsonl")
    fields = (
        metadata_fields(inputs, text_field=args.text_field, id_field=args.id_field, encoding=encoding)
        if fmt == "csv"
        else []
    )
    # A bar for someone watching a terminal; none when the results are piped
    # on to another program, nor in logs.
    show_progress = err.isatty() and not _is_pipe(out) and not args.no_progress
    progress = _Progress(err, count_texts(inputs)) if show_progress else None
    # Results and bar on the same terminal: the bar steps aside for each text's rows.
    bar_shares_terminal = progress is not None and out.isatty()
    sink = _Sink(out)
    summary = _Summary()

    def note(message: str) -> None:
        if progress:
            progress.clear()
        print(f"stanceclf classify: {message}", file=err)

    def skip(problem: str) -> None:
        summary.skipped += 1
        note(f"skipped {problem}")

    source = _Stopping(
        iter_documents(
            inputs,
            text_field=args.text_field,
            id_field=args.id_field,
            encoding=encoding,
            on_skip=skip if args.skip_bad else None,
            report=note,
        )
    )
    # The documents wait here while their texts are classified; results come in the same order.
    pending: deque = deque()

    def texts():
        for document in source:
            pending.append(document)
            yield document.text

    started = time.perf_counter()
    results = model.classify_many(texts(), batch_size=args.batch_size, n_jobs=args.jobs)
    try:
        with signals.writing():
            writer = _ProfileWriter(fmt, sink, fields) if args.summary else _RowWriter(fmt, sink, fields)
        for predictions in results:
            document = pending.popleft()
            item = profile(document.name, predictions)
            foreign = language_warning(document.text)
            with signals.writing():
                if bar_shares_terminal:
                    progress.clear()
                if foreign:
                    summary.foreign += 1
                    note(
                        f"warning: {document.name}: the text looks {foreign}; the model reads English only, "
                        "so its labels for this text are unreliable"
                    )
                if args.summary:
                    writer.write(item, document.metadata)
                else:
                    for index, prediction in enumerate(predictions, start=1):
                        writer.write(document.name, document.metadata, index, prediction)
                summary.add(item)
                if progress:
                    sink.flush()
                    progress.step(summary)
        with signals.writing():
            writer.close()
    except KeyboardInterrupt:
        _stop(results)
        _flush_quietly(sink, out)
        if progress:
            progress.close()
        how = "terminated (SIGTERM)" if signals.terminated else "interrupted"
        print(f"stanceclf classify: {how}; {summary.texts} text(s) written in full", file=err)
        return 143 if signals.terminated else 130
    except _OutputFailed as failure:
        _stop(results)
        _silence(out)
        if isinstance(failure.error, BrokenPipeError):  # e.g. `stanceclf classify a.txt | head`
            return 0
        print(f"stanceclf classify: error: cannot write the results: {failure.error.strerror}", file=err)
        return 3
    if progress:
        progress.close()
    if source.error is not None:
        problems = list(source.error.problems) if isinstance(source.error, DataFileError) else [str(source.error)]
        if summary.texts:
            problems[-1] += f" (stopped here; the {summary.texts} text(s) before it are written)"
        if _skipping_could_go_on(inputs):
            problems[-1] += "; --skip-bad skips bad inputs and goes on"
        raise DataFileError(problems)
    print(summary.render(time.perf_counter() - started), file=err)
    return 1 if summary.skipped else 0


def _skipping_could_go_on(inputs: Sequence[str]) -> bool:
    """Whether ``--skip-bad`` would leave something to classify: several inputs, a folder, a pattern or an archive."""
    if len(inputs) > 1:
        return True
    (item,) = inputs
    return any(c in item for c in "*?[") or os.path.isdir(item) or item.lower().endswith((".jsonl", ".csv", ".tsv"))


def _stop(results) -> None:
    """Close the results' generator: joblib cancels the batches still in its workers (a warning we need not show)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results.close()


def _standard_input() -> list[str]:
    """``["-"]`` when no input is named and standard input is not a terminal; else an error."""
    stream = sys.stdin
    try:
        usable = stream is not None and not stream.closed and not stream.isatty()
    except (OSError, ValueError):
        usable = False
    if not usable:
        raise StanceclfError(
            "no input: give files, folders, patterns or archives, or pipe a text in (stanceclf classify < article.txt)"
        )
    return ["-"]


class _Stopping:
    """Iterates a source until it fails, keeping the error for after the results before it are written."""

    def __init__(self, documents) -> None:
        self._documents, self.error = documents, None

    def __iter__(self):
        try:
            yield from self._documents
        except StanceclfError as exc:
            self.error = exc


class _OutputFailed(Exception):
    """Writing the results failed (disk full, output closed); carries the OSError."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _Sink:
    """The results' stream, with write errors turned into `_OutputFailed` (told apart from input errors)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, text: str) -> int:
        try:
            return self._out.write(text)
        except OSError as exc:
            raise _OutputFailed(exc) from None

    def flush(self) -> None:
        try:
            self._out.flush()
        except OSError as exc:
            raise _OutputFailed(exc) from None


def _flush_quietly(sink: _Sink, out: TextIO) -> None:
    try:
        sink.flush()
    except _OutputFailed:
        _silence(out)


def _silence(out: TextIO) -> None:
    """Point a failed output at /dev/null, so that Python's own flush at exit does not fail again."""
    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):  # no file behind it (StringIO)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


class _Interrupts:
    """Ctrl-C and SIGTERM, handled alike: stop between texts, never in the middle of a row.

    While a text's rows are written (:meth:`writing`) a signal is only noted,
    and the stop comes when the text is done, so every row on the output is
    whole; while waiting for results it stops at once. After the first stop,
    further signals are only noted, so that the closing flush finishes.
    """

    def __enter__(self) -> "_Interrupts":
        import signal

        self.signum, self._defer, self._previous = None, False, {}
        for signum in (signal.SIGINT, signal.SIGTERM):
            try:
                self._previous[signum] = signal.signal(signum, self._handle)
            except ValueError:  # not the main thread: leave signals alone
                pass
        return self

    def _handle(self, signum, frame) -> None:
        if self.signum is None:
            self.signum = signum
        if not self._defer:
            self._defer = True  # the closing flush is not interrupted again
            raise KeyboardInterrupt

    @contextmanager
    def writing(self):
        """A block that a signal does not cut short; the stop comes right after it."""
        self._defer = True
        try:
            yield
        finally:
            self._defer = False
        if self.signum is not None:
            self._defer = True
            raise KeyboardInterrupt

    @property
    def terminated(self) -> bool:
        """Whether the stop came from SIGTERM (``kill PID``) rather than Ctrl-C."""
        import signal

        return self.signum == signal.SIGTERM

    def __exit__(self, *exc_info) -> None:
        import signal

        for signum, handler in self._previous.items():
            signal.signal(signum, handler)


def run_train(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Retrain from labels/, save the model and print the held-out evaluation."""
    from .training import describe, train_project

    root = Path(args.root)
    output = Path(args.output) if args.output else root / "stanceclf" / "models"
    result = train_project(root, output, use_all=args.use_all, extra_labels=tuple(args.labels))
    print(describe(result), file=out)
    return 0


def run_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Score a model on held-out labels and run grouped cross-validation."""
    from .evaluate import cross_validate, evaluate, format_report
    from .labels import ProjectFiles, read_labels
    from .predict import load_model

    files = ProjectFiles(Path(args.root))
    model = load_model(args.model)
    paths = [Path(p) for p in args.labels] or [files.heldout]
    gold = [statement for path in paths for statement in read_labels(path)]
    trained_on = set(model.card.get("training", {}).get("articles", []))
    seen = sorted({s.article for s in gold} & trained_on)
    if seen:
        print(
            f"warning: the model was trained on article(s) {', '.join(seen)}; their scores are not held-out figures",
            file=err,
        )
    report = evaluate(model, gold)
    print(format_report(report, title=f"Evaluation on {', '.join(map(str, paths))}"), file=out)
    if args.plots:
        from .plots import write_plots

        for path in write_plots(report, args.plots):
            print(f"wrote {path}", file=out)
    if not args.no_cv:
        labelled = read_labels(files.train) + read_labels(files.heldout)
        result = cross_validate(
            labelled, extra_training=read_labels(files.written), params=model.card.get("hyper_parameters")
        )
        print(
            "\nLeave-one-article-out cross-validation over all labelled articles "
            "(written examples in every training fold, never scored)",
            file=out,
        )
        for head, scores in result["pooled"].items():
            low, high = scores.macro_f1_ci
            print(
                f"  {head:<9} pooled macro-F1 {scores.macro_f1:.3f} ({low:.3f}-{high:.3f}), "
                f"accuracy {scores.accuracy:.3f}",
                file=out,
            )
        for fold in result["folds"]:
            print(
                f"  {fold['article']:<26} n={fold['statements']:<3d} "
                + " ".join(f"{h}_acc={fold[f'{h}_accuracy']:.2f}" for h in result["pooled"]),
                file=out,
            )
    return 0


def run_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write an HTML report of the given texts."""
    from .files import atomic_write_bytes
    from .predict import load_model
    from .report import render_report
    from .sources import iter_texts

    model = load_model(args.model)
    names, texts = _unzip(iter_texts(args.files))
    articles = list(zip(names, model.classify_many(texts)))
    page = render_report(articles, title=args.title)
    atomic_write_bytes(args.output, page.encode("utf-8"))
    statements = sum(len(predictions) for _, predictions in articles)
    print(f"wrote {args.output}: {len(articles)} article(s), {statements} statement(s)", file=out)
    return 0


def run_suggest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the statements the model is least sure of as a label file to fill in."""
    from .files import write_jsonl
    from .labels import ProjectFiles, read_labels
    from .predict import load_model
    from .sources import iter_texts
    from .suggest import suggest

    files = ProjectFiles(Path(args.root))
    labelled = [
        s.text for path in (files.train, files.heldout, files.written) if path.is_file() for s in read_labels(path)
    ]
    ranked = suggest(load_model(args.model), iter_texts(args.files), args.n, exclude=labelled)
    write_jsonl(args.output, (record.to_record() for _, record in ranked))
    print(f"{'rank':>4} {'uncertainty':>11}  statement", file=out)
    for rank, (score, record) in enumerate(ranked, start=1):
        text = record.text if len(record.text) <= 90 else record.text[:87] + "..."
        print(f"{rank:>4} {score:>11.3f}  {text}", file=out)
    print(
        f"wrote {len(ranked)} statement(s) to {args.output}: fill in stance, framing and speaker, "
        f"check with `stanceclf validate {args.output}`, train with `python train.py --labels {args.output}`",
        file=err,
    )
    return 0


def run_tune(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the cross-validated score of every hyper-parameter setting."""
    from .evaluate import tune
    from .labels import ProjectFiles, read_labels

    files = ProjectFiles(Path(args.root))
    result = tune(read_labels(files.train), extra_training=read_labels(files.written))
    print("Leave-one-article-out CV on the training split (written examples always trained on, never scored)", file=out)
    print(f"{'setting':<40} {'stance':>7} {'framing':>8} {'mean':>6}", file=out)
    for row in sorted(result["results"], key=lambda r: -r["score"]):
        setting = ", ".join(f"{k}={v}" for k, v in row["params"].items())
        print(f"{setting:<40} {row['stance']:>7.3f} {row['framing']:>8.3f} {row['score']:>6.3f}", file=out)
    print(f"best: {json.dumps(result['best'])}", file=out)
    return 0


def run_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Validate the project (or given label files); non-zero on any problem."""
    from .corpus import read_corpus
    from .labels import ProjectFiles, check_labels, label_counts, validate_project

    if args.files:
        try:
            articles = read_corpus(ProjectFiles(Path(args.root)).corpus_dir)
        except StanceclfError:
            articles = None  # a label file can be checked without a corpus
        problems: list[str] = []
        counts = {}
        for name in args.files:
            statements, found = check_labels(name, articles=articles)
            problems += found
            counts[name] = label_counts(statements)
    else:
        report = validate_project(args.root)
        problems, counts = report.problems, report.counts
    for problem in problems:
        print(problem, file=err)
    for split, heads in counts.items():
        total = sum(next(iter(heads.values())).values())
        print(f"{split}: {total} statements", file=out)
        for head, labels in heads.items():
            print(f"  {head:<8} " + "  ".join(f"{name} {n}" for name, n in labels.items()), file=out)
    if problems:
        print(f"{len(problems)} problem(s) found", file=err)
        return 1
    print("ok: no problems found", file=out)
    return 0


class _ProfileWriter:
    """Writes one article profile per line: a table, JSON Lines or CSV, the text's metadata beside it."""

    def __init__(self, fmt: str, out, fields: Sequence[str] = ()) -> None:
        from .labels import FRAMINGS, SPEAKERS, STANCES

        self.fmt, self.out = fmt, out
        self._columns = (
            [f"stance:{x}" for x in STANCES] + [f"framing:{x}" for x in FRAMINGS] + [f"speaker:{x}" for x in SPEAKERS]
        )
        own = ["name", "statements", "dominant_stance", *self._columns, "unsure", "out_of_scope"]
        self._fields = _MetadataColumns(fields, own)
        self._csv = csv.writer(out) if fmt == "csv" else None
        if self._csv:
            self._csv.writerow(["name", *self._fields.names, *own[1:]])
        elif fmt == "table":
            out.write(
                f"{'statements':>10} {'dominant':<11} {'support':>7} {'cond':>5} {'oppose':>6} {'neutr':>5}  "
                f"{'deleg':>5} {'blame':>5} {'force':>5} {'law':>5} {'good':>5} {'report':>6}  name\n"
            )

    def write(self, item, metadata: dict[str, str] | None = None) -> None:
        metadata = metadata or {}
        shares = {
            f"{head}:{label}": share
            for head in ("stance", "framing", "speaker")
            for label, share in item.shares(head).items()
        }
        if self.fmt == "jsonl":
            record = {
                "name": item.name,
                **self._fields.record(metadata),
                "statements": item.statements,
                "dominant_stance": item.dominant_stance,
                "stance_shares": item.shares("stance"),
                "framing_shares": item.shares("framing"),
                "speaker_shares": item.shares("speaker"),
                "unsure": item.unsure,
                "out_of_scope": item.out_of_scope,
            }
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self._csv:
            self._csv.writerow(
                [
                    item.name,
                    *self._fields.row(metadata),
                    item.statements,
                    item.dominant_stance,
                    *(f"{shares[c]:.3f}" for c in self._columns),
                    item.unsure,
                    item.out_of_scope,
                ]
            )
        else:
            cells = " ".join(f"{shares[c]:>5.0%}" for c in self._columns[:4])
            frames = " ".join(f"{shares[c]:>5.0%}" for c in self._columns[4:10])
            name = " · ".join([item.name, *(value for value in metadata.values() if value)])
            self.out.write(f"{item.statements:>10} {item.dominant_stance:<11} {cells}  {frames}  {name}\n")

    def close(self) -> None:
        self.out.flush()


class _MetadataColumns:
    """The input's metadata fields as output fields, renamed ``input_NAME`` where they clash with ours."""

    def __init__(self, fields: Sequence[str], own: Sequence[str]) -> None:
        taken = set(own)
        self._fields = list(fields)
        self.names = [f"input_{name}" if name in taken else name for name in self._fields]
        self._renamed = dict(zip(self._fields, self.names))
        self._taken = taken

    def record(self, metadata: dict[str, str]) -> dict[str, str]:
        """For JSON Lines: every field the text has (also those no header listed)."""
        return {self._renamed.get(k, f"input_{k}" if k in self._taken else k): v for k, v in metadata.items()}

    def row(self, metadata: dict[str, str]) -> list[str]:
        """For CSV: one cell per header field, empty where the text has none."""
        return [metadata.get(name, "") for name in self._fields]


def _unzip(pairs):
    """Split a lazy stream of (name, text) pairs into two lazy streams."""
    import itertools

    left, right = itertools.tee(pairs)
    return (name for name, _ in left), (text for _, text in right)


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
                "  stance:  " + ", ".join(f"{name} {n}" for name, n in total.stance_counts.items()),
                "  framing: " + ", ".join(f"{name} {n}" for name, n in total.framing_counts.items()),
                f"  unsure: {total.unsure}; out of scope (coverage < {LOW_COVERAGE}): {total.out_of_scope}",
                *([f"  not English: {self.foreign} text(s) (warned above)"] if self.foreign else []),
                *([f"  skipped: {self.skipped} bad input(s) (listed above)"] if self.skipped else []),
            ]
        )


class _Progress:
    """A one-line progress bar on standard error, redrawn at most ten times a second."""

    def __init__(self, err: TextIO, total: int | None) -> None:
        import time

        self.err, self.total, self._clock, self._last = err, total, time.perf_counter, 0.0
        self._shown = ""  # the line on screen now ("" once cleared)

    def clear(self) -> None:
        """Blank the bar's line, so that other output can take it."""
        if self._shown:
            self.err.write("\r" + " " * len(self._shown) + "\r")
            self.err.flush()
            self._shown = ""

    def step(self, summary: _Summary) -> None:
        now = self._clock()
        if self._shown and now - self._last < 0.1 and summary.texts != self.total:
            return
        self._last = now
        if self.total:
            done = summary.texts / self.total
            bar = "#" * int(done * 30)
            line = f"[{bar:<30}] {summary.texts}/{self.total} texts, {summary.statements} statements"
        else:
            line = f"{summary.texts} texts, {summary.statements} statements"
        self.err.write("\r" + line)
        self.err.flush()
        self._shown = line

    def close(self) -> None:
        if self._shown:
            self.err.write("\n")


def _is_pipe(stream: TextIO) -> bool:
    """Whether a stream is a pipe to another program (``| jq``), rather than a terminal or a file."""
    try:
        return stat.S_ISFIFO(os.fstat(stream.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):  # no file behind it (StringIO)
        return False


def _positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    number = _whole_number(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return number


def _nonzero_int(value: str) -> int:
    """An argparse type: a whole number other than 0 (joblib's n_jobs: -1 is one per core)."""
    number = _whole_number(value)
    if number == 0:
        raise argparse.ArgumentTypeError("must not be 0 (1: one process, -1: one per core)")
    return number


def _whole_number(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None


def _add_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root",
        default=".",
        metavar="DIR",
        help="project checkout holding corpus/ and labels/ (default: current folder)",
    )


class _RowWriter:
    """Writes predictions as a table, JSON Lines or CSV, each row with its text's name and metadata."""

    _COLUMNS = (
        "file",
        "statement",
        "stance",
        "framing",
        "speaker",
        "stance_p",
        "framing_p",
        "unsure",
        "coverage",
        "out_of_scope",
        "text",
    )
    _RECORD = ("file", "statement", "start", "end", "text", "stance", "framing", "speaker", "stance_scores")
    _RECORD += ("framing_scores", "speaker_scores", "unsure", "coverage", "out_of_scope", "evidence")

    def __init__(self, fmt: str, out, fields: Sequence[str] = ()) -> None:
        self.fmt, self.out = fmt, out
        self._fields = _MetadataColumns(fields, self._COLUMNS + self._RECORD)
        self._csv = csv.writer(out) if fmt == "csv" else None
        if self._csv:
            self._csv.writerow((self._COLUMNS[0], *self._fields.names, *self._COLUMNS[1:]))
        elif fmt == "table":
            out.write(f"{'#':>3} {'stance':<11} {'framing':<15} {'speaker':<16} {'p':>4}  {'source':<24} text\n")

    def write(self, name: str, metadata: dict[str, str], index: int, p) -> None:
        stance_p, framing_p = p.stance_scores[p.stance], p.framing_scores[p.framing]
        if self.fmt == "jsonl":
            record = {
                "file": name,
                **self._fields.record(metadata),
                "statement": index,
                "start": p.start,
                "end": p.end,
                "text": p.text,
                "stance": p.stance,
                "framing": p.framing,
                "speaker": p.speaker,
                "stance_scores": p.stance_scores,
                "framing_scores": p.framing_scores,
                "speaker_scores": p.speaker_scores,
                "unsure": p.unsure,
                "coverage": p.coverage,
                "out_of_scope": p.out_of_scope,
                "evidence": {head: [list(pair) for pair in pairs] for head, pairs in p.evidence.items()},
            }
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self._csv:
            self._csv.writerow(
                (
                    name,
                    *self._fields.row(metadata),
                    index,
                    p.stance,
                    p.framing,
                    p.speaker,
                    f"{stance_p:.3f}",
                    f"{framing_p:.3f}",
                    p.unsure,
                    f"{p.coverage:.3f}",
                    p.out_of_scope,
                    p.text,
                )
            )
        else:
            # "~": out of scope (few known words); "?": the model is unsure.
            flag = "~" if p.out_of_scope else "?" if p.unsure else " "
            text = p.text if len(p.text) <= 100 else p.text[:97] + "..."
            self.out.write(
                f"{index:>3} {p.stance:<11} {p.framing:<15} {p.speaker:<16} "
                f"{min(stance_p, framing_p):.2f}{flag} {_source_cell(name, metadata)} {text}\n"
            )

    def close(self) -> None:
        self.out.flush()


def _source_cell(name: str, metadata: dict[str, str], width: int = 24) -> str:
    """The table's source column: the file's base name (or id), its outlet or site and date; cut in the middle."""
    parts = [os.path.basename(name) or name] + [metadata[k] for k in ("outlet", "site", "date") if metadata.get(k)]
    cell = " · ".join(parts)
    if len(cell) > width:
        head = (width - 1) // 2
        cell = cell[:head] + "…" + cell[len(cell) - (width - 1 - head) :]
    return f"{cell:<{width}}"
