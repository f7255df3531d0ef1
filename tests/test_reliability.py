"""Hardening round 2 (issue 12), outside the classify input path.

One section per class of fault: JSON that breaks the parser, lone
surrogates, output paths checked before the work, user-caused errors that
must be StanceclfError, atomic overwrites (permissions, stray temporary
files), and the one validator of boundary values. Each test asserts the
message, the exit code and what was (or was not) written.
"""

from __future__ import annotations

import ast
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import REPO, statements_of

import stanceclf.predict
import stanceclf.sources
import stanceclf.training
from stanceclf.cli import main
from stanceclf.errors import (
    DataFileError,
    InputTypeError,
    InvalidInputError,
    OutputPathError,
    StanceclfError,
    check_jobs,
    check_positive_int,
)
from stanceclf.evaluate import cross_validate, evaluate, score_head
from stanceclf.files import atomic_write_bytes, atomic_write_text, check_output_path, parse_json_line, write_jsonl
from stanceclf.labels import LabeledStatement, Project, check_labels, read_labels, validate_project, write_labels
from stanceclf.model import build_pipeline, fit_bundle
from stanceclf.report import render_report
from stanceclf.suggest import suggest

DIGITS = sys.get_int_max_str_digits()

# A page as an analyst saves it from a news site: section line, headline,
# byline, share buttons, a caption, hard-wrapped body, a related list.
PAGE = """World | Europe
Kremlin says it is open to talks if Kyiv accepts "the new realities"
By Marta Kowalczyk, Warsaw correspondent
14 March 2025, 09:12 GMT · Share on X · Share on Facebook · Copy link

MOSCOW, March 14 - Kremlin spokesman Dmitry Peskov said on Friday that
Russia remained ready for negotiations with Ukraine, but only if Kyiv
accepted what he called the new territorial realities.

Photo: Delegations at the 2022 meeting in Istanbul. (AP Photo/Emrah Gurel)

Ukrainian Foreign Minister Andrii Sybiha rejected the condition within hours.
"Nobody will trade Ukrainian land for a pause in the shelling," he told
reporters in Kyiv.

Overnight, air defence units shot down 41 drones over the Kharkiv region,
the Ukrainian air force said.

Related articles
EU ministers meet on frozen Russian assets
Grain corridor: ships wait off Odesa
"""


def _bad_label_line(number: int, text_json: str) -> str:
    """A label line for article alpha whose text field is raw JSON (to break the parser)."""
    return (
        f'{{"id": "alpha-x{number:02d}", "article": "alpha", "text": {text_json}, '
        '"stance": "neutral", "framing": "neutral_report", "speaker": "author"}\n'
    )


def _append(path: Path, *lines: str) -> int:
    """Append lines to a label file; returns the line number of the first one."""
    first = len(path.read_text(encoding="utf-8").splitlines()) + 1
    with open(path, "a", encoding="utf-8") as stream:
        stream.writelines(lines)
    return first


# --- 1. JSON that breaks the parser beyond JSONDecodeError ---------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        (b'{"id": "a", "n": ' + b"7" * (DIGITS + 1) + b"}", f"malformed JSON: a number with more than {DIGITS} digits"),
        (b"[" * 5000 + b"]" * 5000, "malformed JSON: arrays or objects nested too deeply"),
        (b'{"text": ' * 3000 + b'"x"' + b"}" * 3000, "malformed JSON: arrays or objects nested too deeply"),
        (b'{"text": "Talks in Riyadh \\ud800 ended."}', r"field 'text' holds a lone surrogate \ud800 at character 17"),
        (b'{"quotes": ["ok", "\\udfff"]}', r"field 'quotes' item 2 holds a lone surrogate \udfff at character 1"),
        (b'{"\\ud834": "key"}', r"a field name holds a lone surrogate \ud834"),
        ('{"text": "Odesa \udcc3\udca9 port"}', r"field 'text' holds a lone surrogate \udcc3 at character 7"),
        (b'{"text": "Kyiv \xff"}', "not valid UTF-8 (invalid start byte at column 16)"),
        (b'{"format_version": 3,\n "heads": [1,,]}', "malformed JSON: Expecting value at line 2 column 14"),
    ],
    ids=[
        "huge-int",
        "deep-array",
        "deep-object",
        "surrogate",
        "surrogate-in-list",
        "surrogate-key",
        "raw-surrogate-in-str",
        "utf8",
        "card",
    ],
)
def test_parse_json_line_makes_every_parser_failure_one_problem(data, message):
    with pytest.raises(DataFileError) as info:
        parse_json_line(data, "archive.jsonl:12")
    (problem,) = info.value.problems
    assert problem.startswith(f"archive.jsonl:12: {message}")
    assert "\n" not in str(info.value)


def test_parse_json_line_keeps_good_values_and_valid_surrogate_pairs():
    assert parse_json_line('{"text": "Talks \\ud83d\\udd4a resumed", "n": 7}', "x:1") == {
        "text": "Talks \U0001f54a resumed",
        "n": 7,
    }
    assert parse_json_line(b"[" * 200 + b"]" * 200, "x:1") is not None  # deep, but within the limit


def test_validate_reports_huge_numbers_and_deep_nesting_with_every_other_problem(mini_project, capsys):
    train = mini_project / "labels" / "train.jsonl"
    first = _append(
        train,
        _bad_label_line(1, "1" + "0" * (DIGITS + 50)),
        _bad_label_line(2, "[" * 4000 + "]" * 4000),
        '{"id": "beta-s01", "article": "beta", "text": "Missiles struck the city overnight, the army said.", '
        '"stance": "neutral", "framing": "force", "speaker": "author"}\n',
        '{"id": "alpha-x04", "article": "alpha", "text": "The delegations met for two hours in a hotel.", '
        '"stance": "hopeful", "framing": "neutral_report", "speaker": "author"}\n',
    )
    assert main(["validate", "--root", str(mini_project)]) == 1
    err = capsys.readouterr().err
    assert f"{train}:{first}: malformed JSON: a number with more than {DIGITS} digits" in err
    assert f"{train}:{first + 1}: malformed JSON: arrays or objects nested too deeply" in err
    assert f"{train}:{first + 2}: duplicate id 'beta-s01' (first on line 4)" in err
    assert f"{train}:{first + 3}: stance 'hopeful' is not a codebook label" in err
    assert "Traceback" not in err and err.rstrip().endswith("problem(s) found")


def test_validate_of_a_given_file_reports_parser_failures_by_line(tmp_path, capsys):
    path = tmp_path / "filled-in.jsonl"
    write_jsonl(path, [s.to_record() for s in statements_of("gamma")])
    line = _append(path, _bad_label_line(1, "[" * 5000 + "]" * 5000))
    assert main(["validate", "--root", str(tmp_path), str(path)]) == 1
    captured = capsys.readouterr()
    assert f"{path}:{line}: malformed JSON: arrays or objects nested too deeply" in captured.err
    assert f"{path}: 3 statements" in captured.out  # the good lines are still read and counted


def test_corpus_index_with_a_huge_number_still_reports_its_other_problems(mini_project):
    index = mini_project / "corpus" / "articles.jsonl"
    rows = index.read_text(encoding="utf-8").splitlines()
    rows.append('{"id": "delta", "seed": "seeds/alpha.txt", "lines": [1, ' + "9" * (DIGITS + 1) + "]}")
    rows.append(rows[0])  # duplicate id alpha
    index.write_text("\n".join(rows) + "\n", encoding="utf-8")
    problems = validate_project(mini_project).problems
    assert f"{index}:4: malformed JSON: a number with more than {DIGITS} digits" in problems
    assert f"{index}:5: duplicate article id 'alpha'" in problems


def test_train_on_a_deeply_nested_label_line_exits_1_and_writes_nothing(mini_project, tmp_path, capsys):
    heldout = mini_project / "labels" / "heldout.jsonl"
    line = _append(heldout, _bad_label_line(1, "[" * 5000 + "]" * 5000))
    output = tmp_path / "model"
    assert main(["train", "--root", str(mini_project), "--output", str(output)]) == 1  # a data error
    err = capsys.readouterr().err
    assert f"{heldout}:{line}: malformed JSON: arrays or objects nested too deeply" in err
    assert "Traceback" not in err
    assert not output.exists()


# --- 2. Lone surrogates: refused when read, never a crash later -----------------------------------


def test_validate_reports_a_lone_surrogate_with_file_and_line(mini_project, capsys):
    train = mini_project / "labels" / "train.jsonl"
    line = _append(train, _bad_label_line(1, '"The envoy \\ud800 left the room."'))
    assert main(["validate", "--root", str(mini_project)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{train}:{line}: field 'text' holds a lone surrogate \\ud800 at character 11; "
        "that is not Unicode text (fix the \\u escape)"
    ) in err


def test_train_refuses_a_lone_surrogate_before_fitting(mini_project, tmp_path, capsys, monkeypatch):
    written = mini_project / "labels" / "written.jsonl"
    line = _append(
        written,
        '{"id": "written-t-p02-s01", "article": "written-t-p02", "text": "Talks \\udc80 are off, the minister said.", '
        '"stance": "oppose", "framing": "neutral_report", "speaker": "other_official"}\n',
    )
    monkeypatch.setattr(stanceclf.training, "fit_bundle", lambda *a, **k: pytest.fail("fitted on a bad label file"))
    output = tmp_path / "model"
    assert main(["train", "--root", str(mini_project), "--output", str(output)]) == 1  # a data error
    assert f"{written}:{line}: field 'text' holds a lone surrogate \\udc80" in capsys.readouterr().err
    assert not output.exists()


def test_a_statement_with_a_lone_surrogate_cannot_reach_the_label_hash():
    with pytest.raises(InvalidInputError, match=r"field 'text' holds a lone surrogate \\udcff at character 5"):
        LabeledStatement("w-s01", "w", "Kyiv\udcff refused.", "oppose", "blame", "ukraine_official")
    with pytest.raises(InputTypeError, match="field 'stance' must be a str, got NoneType"):
        LabeledStatement("w-s01", "w", "Kyiv refused.", None, "blame", "ukraine_official")


def _texts_with_a_surrogate(monkeypatch):
    """Any source that hands over a str with a lone surrogate (as surrogateescape makes of bad bytes)."""
    page = PAGE.replace("Friday", "Fri\udce9day")
    monkeypatch.setattr(stanceclf.sources, "iter_texts", lambda inputs, **options: iter([("kremlin.txt", page)]))
    document = stanceclf.sources.Document("kremlin.txt", page)
    monkeypatch.setattr(stanceclf.documents, "iter_documents", lambda inputs, **options: iter([document]))


def test_report_of_a_text_with_a_lone_surrogate_is_one_error_and_no_file(tmp_path, capsys, monkeypatch):
    _texts_with_a_surrogate(monkeypatch)
    output = tmp_path / "report.html"
    assert main(["report", "kremlin.txt", "-o", str(output)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"stanceclf report: error: {output}: not written: the text holds a lone surrogate \\udce9")
    assert len(err.splitlines()) == 1
    assert not output.exists() and not list(tmp_path.iterdir())


def test_suggest_from_a_text_with_a_lone_surrogate_is_one_error_and_no_file(tmp_path, capsys, monkeypatch):
    _texts_with_a_surrogate(monkeypatch)
    output = tmp_path / "to-label.jsonl"
    assert main(["suggest", "kremlin.txt", "-n", "50", "-o", str(output), "--root", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "holds a lone surrogate \\udce9" in err and len(err.splitlines()) == 1
    assert not output.exists()


def test_api_writers_refuse_a_lone_surrogate_and_keep_the_old_file(tmp_path, tiny_model):
    path = tmp_path / "report.html"
    path.write_text("<p>yesterday's report</p>", encoding="utf-8")
    text = "Kyiv rejected the Kremlin ultimatum\udc9d and refused any talks."
    page = render_report([("kyiv.txt", tiny_model.classify(text))])
    with pytest.raises(InvalidInputError, match=r"report.html: not written: the text holds a lone surrogate \\udc9d"):
        atomic_write_text(path, page)
    assert path.read_text(encoding="utf-8") == "<p>yesterday's report</p>"
    with pytest.raises(InvalidInputError, match="lone surrogate"):
        suggest(tiny_model, [("kyiv.txt", text)], 3)


# --- 3. Output paths, checked before the work ------------------------------------------------------


def _no_work(monkeypatch):
    """Make loading a model (the first piece of work of report, suggest, evaluate) fail the test."""
    monkeypatch.setattr(stanceclf.predict, "load_model", lambda *a, **k: pytest.fail("the work started"))


def _output_case(tmp_path: Path, case: str) -> tuple[Path, str]:
    if case == "missing-folder":
        return (
            tmp_path / "reports" / "march" / "out",
            f"cannot be written: the folder {tmp_path / 'reports' / 'march'} does not exist",
        )
    if case == "file-as-folder":
        (tmp_path / "reports").write_text("not a folder\n", encoding="utf-8")
        return (
            tmp_path / "reports" / "march" / "out",
            f"cannot be written: {tmp_path / 'reports'} is a file, not a folder",
        )
    if case == "existing-folder":
        (tmp_path / "out").mkdir()
        return tmp_path / "out", "is a folder, expected a file name to write"
    os.mkfifo(tmp_path / "out")
    return tmp_path / "out", "is not a regular file (a device or a pipe); give a file name"


@pytest.mark.parametrize("command", ["report", "suggest"])
@pytest.mark.parametrize("case", ["missing-folder", "file-as-folder", "existing-folder", "pipe"])
def test_report_and_suggest_check_the_output_before_the_work(command, case, tmp_path, capsys, monkeypatch):
    _no_work(monkeypatch)
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    target, message = _output_case(tmp_path, case)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert (
        main([command, str(page), "-o", str(target), *(["--root", str(tmp_path)] if command == "suggest" else [])]) == 2
    )
    assert capsys.readouterr().err == f"stanceclf {command}: error: {target}: {message}\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    if case == "pipe":
        assert stat.S_ISFIFO(target.stat().st_mode)  # never replaced by a regular file


@pytest.mark.parametrize("case", ["existing-file", "below-a-file"])
def test_train_onto_a_path_it_cannot_write_fails_before_reading_the_project(
    mini_project, tmp_path, capsys, monkeypatch, case
):
    monkeypatch.setattr(Project, "check", classmethod(lambda cls, root: pytest.fail("the work started")))
    if case == "existing-file":
        target = tmp_path / "model.joblib"
        target.write_bytes(b"an old model file the user keeps")
        message = f"{target}: is a file, expected a folder (or a path where one can be made)"
    else:
        (tmp_path / "models").write_text("notes\n", encoding="utf-8")
        target = tmp_path / "models" / "2025-03"
        message = f"{target}: cannot be written: {tmp_path / 'models'} is a file, not a folder"
    assert main(["train", "--root", str(mini_project), "--output", str(target)]) == 2
    assert capsys.readouterr().err == f"stanceclf train: error: {message}\n"
    if case == "existing-file":
        assert target.read_bytes() == b"an old model file the user keeps"


def test_evaluate_plots_onto_a_file_fails_before_loading_the_model(tmp_path, capsys, monkeypatch):
    _no_work(monkeypatch)
    target = tmp_path / "plots.png"
    target.write_bytes(b"\x89PNG old")
    assert main(["evaluate", "--root", str(REPO), "--plots", str(target), "--no-cv"]) == 2
    assert "plots.png: is a file, expected a folder" in capsys.readouterr().err
    assert target.read_bytes() == b"\x89PNG old"


def test_check_output_path_accepts_what_can_be_written(tmp_path):
    (tmp_path / "old.html").write_text("old", encoding="utf-8")
    assert check_output_path(tmp_path / "old.html") == tmp_path / "old.html"  # overwriting is fine
    assert check_output_path(tmp_path / "new.html") == tmp_path / "new.html"
    assert check_output_path(tmp_path / "models" / "v2", folder=True) == tmp_path / "models" / "v2"  # made on save
    assert not (tmp_path / "models").exists()


def test_check_output_path_names_permission_and_name_length(tmp_path, monkeypatch):
    with pytest.raises(OutputPathError, match=r": cannot be written \(File name too long\)"):
        check_output_path(tmp_path / ("Kremlin says it is open to talks " * 12 + ".html"))
    # Root may write anywhere, so the refusal is simulated where stanceclf asks the system.
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != tmp_path)
    with pytest.raises(OutputPathError, match=rf"report.html: permission denied: cannot create files in {tmp_path}$"):
        check_output_path(tmp_path / "report.html")


# --- 4. Errors a user can cause are StanceclfError (and still the built-in) ------------------------


@pytest.mark.parametrize(
    "call, kind, builtin, message",
    [
        (lambda m: evaluate(m, []), InvalidInputError, ValueError, "no statements to evaluate"),
        (
            lambda m: cross_validate(statements_of("alpha")),
            InvalidInputError,
            ValueError,
            "needs statements from at least two articles, got 1",
        ),
        (
            lambda m: score_head("stance", ["support", "maybe"], ["support", "oppose"]),
            InvalidInputError,
            ValueError,
            "stance label\\(s\\) 'maybe' not in the codebook",
        ),
        (lambda m: score_head("tone", ["a"], ["a"]), InvalidInputError, ValueError, "unknown head 'tone'"),
        (
            lambda m: fit_bundle([s for s in statements_of("alpha") if s.stance == "neutral"]),
            InvalidInputError,
            ValueError,
            "cannot train the stance head: the training labels hold only one stance label",
        ),
        (
            lambda m: build_pipeline(ngram_maxx=3),
            InputTypeError,
            TypeError,
            "unknown hyper-parameter\\(s\\): ngram_maxx",
        ),
        (lambda m: render_report([("a.txt", [])], title=None), InputTypeError, TypeError, "title must be a str"),
        (lambda m: render_report(["a.txt"]), InputTypeError, TypeError, "item 0 is str"),
        (
            lambda m: check_labels(3.5),
            InputTypeError,
            TypeError,
            "expected a file path \\(str or path-like\\), got float",
        ),
    ],
    ids=[
        "evaluate-empty",
        "cv-one-article",
        "unknown-label",
        "unknown-head",
        "one-label",
        "bad-param",
        "title",
        "pair",
        "path",
    ],
)
def test_user_caused_errors_are_stanceclf_errors(call, kind, builtin, message, tiny_model):
    with pytest.raises(kind, match=message) as info:
        call(tiny_model)
    assert isinstance(info.value, StanceclfError) and isinstance(info.value, builtin)


def test_tune_on_one_article_is_one_line_and_exit_2(tmp_path, capsys):
    (tmp_path / "labels").mkdir()
    (tmp_path / "corpus").mkdir()
    write_labels(tmp_path / "labels" / "train.jsonl", statements_of("beta"))
    write_labels(tmp_path / "labels" / "written.jsonl", statements_of("gamma"))
    assert main(["tune", "--root", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        "stanceclf tune: error: leave-one-article-out needs statements from at least two articles, got 1\n"
    )


LIBRARY = (
    "labels",
    "corpus",
    "training",
    "evaluate",
    "report",
    "files",
    "suggest",
    "summary",
    "errors",
    "calibration",
    "card",
)


@pytest.mark.parametrize("module", LIBRARY)
def test_library_modules_raise_no_bare_builtin_errors(module):
    """A guard for the class: every raise in these modules is a StanceclfError (or re-raises)."""
    tree = ast.parse((REPO / "stanceclf" / f"{module}.py").read_text(encoding="utf-8"))
    bare = [
        f"{module}.py:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Raise)
        and isinstance(node.exc, ast.Call)
        and getattr(node.exc.func, "id", "") in {"ValueError", "TypeError", "KeyError", "RuntimeError", "OSError"}
    ]
    assert not bare


# --- 5. Atomic overwrite: permissions kept, stray temporaries cleaned -----------------------------


def test_overwrite_keeps_an_existing_files_permission_bits(tmp_path):
    path = tmp_path / "heldout-report.html"
    path.write_text("<p>confidential draft</p>", encoding="utf-8")
    path.chmod(0o600)
    atomic_write_text(path, "<p>the new report</p>")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8") == "<p>the new report</p>"
    path.chmod(0o640)
    write_labels(path, statements_of("beta"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_default(tmp_path):
    old = os.umask(0o027)
    try:
        atomic_write_bytes(tmp_path / "new.jsonl", b'{"id": "x"}\n')
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.jsonl").stat().st_mode) == 0o640


def test_overwrite_through_a_symlink_replaces_the_file_and_keeps_the_link(tmp_path):
    (tmp_path / "2025-03-14.html").write_text("old", encoding="utf-8")
    (tmp_path / "latest.html").symlink_to("2025-03-14.html")
    atomic_write_text(tmp_path / "latest.html", "new")
    assert (tmp_path / "latest.html").is_symlink()
    assert (tmp_path / "2025-03-14.html").read_text(encoding="utf-8") == "new"


def test_a_killed_writers_temporary_file_is_removed_by_the_next_write(tmp_path):
    target = tmp_path / "train.jsonl"
    # A writer that stops inside its write, with the temporary file on disk, and is then killed.
    script = textwrap.dedent(
        f"""
        import sys, time
        from stanceclf.files import atomic_write_bytes
        def stall(tmp):
            tmp.write_bytes(b'{{"id": "half-writ')
            print("writing", flush=True)
            time.sleep(600)
        atomic_write_bytes({str(target)!r}, stall)
        """
    )
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline() == "writing\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    (stray,) = tmp_path.glob(".train.jsonl.*.tmp")
    old_style = tmp_path / ".train.jsonl.k2x9q1.tmp"  # a temporary file named by an older stanceclf
    old_style.write_bytes(b"")
    write_labels(target, statements_of("alpha"))
    assert [p.name for p in tmp_path.iterdir()] == ["train.jsonl"]
    assert len(read_labels(target)) == 3


def test_a_running_writers_temporary_file_is_left_alone(tmp_path):
    live = tmp_path / f".train.jsonl.{os.getpid()}.abc123.tmp"  # this process is alive
    live.write_bytes(b"in progress")
    other = tmp_path / ".heldout.jsonl.1.zz.tmp"  # another target's file: never touched
    other.write_bytes(b"")
    write_labels(tmp_path / "train.jsonl", statements_of("gamma"))
    assert live.exists() and other.exists()


# --- 6. One validator of boundary values ------------------------------------------------------


@pytest.mark.parametrize("value", [0, -3, 2.0, True, "64", None])
def test_check_positive_int_refuses_with_one_message(value):
    with pytest.raises(InvalidInputError) as info:
        check_positive_int("batch_size", value)
    assert str(info.value) == f"batch_size must be a positive int, got {value!r}"


def test_check_jobs_takes_none_and_non_zero_whole_numbers():
    assert [check_jobs("n_jobs", v) for v in (None, 1, 2, -1)] == [None, 1, 2, -1]
    for value in (0, 1.5, False):
        with pytest.raises(
            InvalidInputError, match=rf"^n_jobs must be None or a non-zero int \(-1: one per core\), got {value!r}$"
        ):
            check_jobs("n_jobs", value)


def test_library_and_command_line_use_the_one_validator(tiny_model, capsys):
    expected = "batch_size must be a positive int, got 0"
    with pytest.raises(InvalidInputError, match=f"^{expected}$"):
        next(iter(tiny_model.classify_many([PAGE], batch_size=0)))
    with pytest.raises(InvalidInputError, match="^n must be a positive int, got -2$"):
        suggest(tiny_model, [("page.txt", PAGE)], -2)
    for arguments, option in (
        (["suggest", "p.txt", "-o", "x.jsonl", "-n", "0"], "-n"),
        (["classify", "p.txt", "--batch-size", "-1"], "--batch-size"),
    ):
        with pytest.raises(SystemExit) as exit_:
            main(arguments)
        assert exit_.value.code == 2
        assert f"argument {option}: must be at least 1, got" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["classify", "p.txt", "--jobs", "0"])
    assert "argument --jobs: must not be 0 (1: one process, -1: one per core)" in capsys.readouterr().err


def test_the_validators_are_the_only_copies():
    """The check is written once: no other module words the message by hand."""
    sources = {
        p.name: p.read_text(encoding="utf-8") for p in (REPO / "stanceclf").glob("*.py") if p.name != "errors.py"
    }
    assert not [
        name for name, text in sources.items() if "must be a positive int" in text and "check_positive_int" not in text
    ]


@pytest.mark.parametrize("command", ["train", "evaluate", "report", "suggest", "tune", "validate"])
def test_help_documents_the_exit_status(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    help_text = capsys.readouterr().out
    assert "exit status:\n  0  success\n  1  data error" in help_text and "2  usage error" in help_text
