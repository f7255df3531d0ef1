"""Inputs people have: web pages, CSV/TSV/JSON Lines with metadata, encodings, bad files, other languages.

Each kind is tried end to end through the command line (``main`` or a real
subprocess) and through the Python API (:mod:`stanceclf.sources`,
:mod:`stanceclf.extract`), on pages and archives written here.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import sys

import pytest
from conftest import rows_of
from pages import KYIV, PAGES, STATE, WIRE

from stanceclf import classify
from stanceclf.cli import main
from stanceclf.extract import extract_html
from stanceclf.sources import Document, iter_documents

needs_trafilatura = pytest.mark.skipif(importlib.util.find_spec("trafilatura") is None, reason="the html extra")
needs_detection = pytest.mark.skipif(importlib.util.find_spec("charset_normalizer") is None, reason="encodings extra")

WIRE_TEXT = (
    "MOSCOW, March 14 (Northern Wire) - The Kremlin said on Friday it was ready to resume talks with Kyiv.\n"
    "Kremlin spokesman Dmitry Peskov told reporters that Moscow had never refused dialogue.\n"
    "\u201cThe realities on the ground cannot be ignored,\u201d he said.\n"
)


# --- HTML -------------------------------------------------------------------------------------------


@needs_trafilatura
@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_gives_its_body_in_order_and_none_of_its_furniture(name):
    page = PAGES[name]
    article = extract_html(page["html"])
    positions = [article.text.find(sentence) for sentence in page["body"]]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert not [piece for piece in page["furniture"] if piece in article.text]
    assert "<" not in article.text and "&amp;" not in article.text and "{" not in article.text
    assert (article.title, article.date, article.site) == (page["title"], page["date"], page["site"])


@needs_trafilatura
def test_classify_a_page_headline_first_entities_decoded_metadata_in_every_row(tmp_path, capsys):
    path = tmp_path / "kremlin-talks.html"
    path.write_text(WIRE["html"], encoding="utf-8")
    assert main(["classify", str(path), "--format", "jsonl"]) == 0
    rows = rows_of(capsys.readouterr().out)
    texts = [r["text"] for r in rows]
    assert texts[0] == WIRE["title"]
    assert "Ukraine's foreign ministry rejected the remarks within hours & called them an ultimatum." in texts
    joined = " ".join(texts)
    assert not any(piece in joined for piece in ("<", "trackEvent", "font-family", "Accept cookies", "Related"))
    assert all(
        (r["title"], r["date"], r["site"]) == (WIRE["title"], "2025-03-14", "Northern Wire") and r["file"] == str(path)
        for r in rows
    )


@needs_trafilatura
def test_a_folder_of_pages_and_texts_as_csv_has_metadata_columns(tmp_path, capsys):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a-kyiv.htm").write_text(KYIV["html"], encoding="utf-8")
    (folder / "b-state.html").write_text(STATE["html"], encoding="utf-8")
    (folder / "c-wire.txt").write_text(WIRE_TEXT, encoding="utf-8")
    assert main(["classify", str(folder), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0])[:5] == ["file", "title", "date", "site", "url"]
    by_file = {}
    for row in rows:
        by_file.setdefault(row["file"].rsplit("/", 1)[1], []).append(row)
    assert list(by_file) == ["a-kyiv.htm", "b-state.html", "c-wire.txt"]
    assert by_file["a-kyiv.htm"][0]["text"] == KYIV["title"] and by_file["a-kyiv.htm"][0]["site"] == "Dnipro Herald"
    assert not any("Read also" in r["text"] or "Comments (214)" in r["text"] for r in by_file["a-kyiv.htm"])
    assert by_file["b-state.html"][0]["text"] == STATE["title"]
    assert all(r["title"] == "" for r in by_file["c-wire.txt"])


def test_without_trafilatura_a_page_is_refused_saying_what_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    path = tmp_path / "page.html"
    path.write_text(WIRE["html"], encoding="utf-8")
    assert main(["classify", str(path)]) == 1
    captured = capsys.readouterr()
    assert 'reading .html needs trafilatura: pip install "stanceclf[html]"' in captured.err
    assert captured.out == ""


@needs_trafilatura
def test_a_page_without_an_article_is_a_bad_input(tmp_path, capsys):
    path = tmp_path / "login.html"
    # An app shell saved before its script filled it in.
    path.write_text("<html><head><script src='/app.js'></script></head><body><div id='root'></div></body></html>")
    assert main(["classify", str(path)]) == 1
    assert f"{path}: no article text found in the page" in capsys.readouterr().err


# --- CSV / TSV / JSON Lines with metadata -------------------------------------------------------------


def write_archive_csv(path, delimiter=","):
    rows = [
        ["key", "outlet", "date", "url", "headline", "body"],
        [
            "nw-0314",
            "Northern Wire",
            "2025-03-14",
            "https://example.invalid/a",
            "Kremlin open to talks",
            WIRE_TEXT,
        ],
        [
            "dh-0502",
            "Dnipro Herald",
            "2025-05-02",
            "",
            "",
            "Kyiv will not trade land for a ceasefire, the minister said.",
        ],
    ]
    with open(path, "w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter=delimiter).writerows(rows)


@pytest.mark.parametrize("suffix, delimiter", [(".csv", ","), (".tsv", "\t")])
def test_an_archive_with_metadata_carries_every_field_to_every_format(tmp_path, capsys, suffix, delimiter):
    path = tmp_path / f"archive{suffix}"
    write_archive_csv(path, delimiter)
    options = ["--text-field", "body", "--id-field", "key"]
    assert main(["classify", str(path), *options, "--format", "jsonl"]) == 0
    rows = rows_of(capsys.readouterr().out)
    first = [r for r in rows if r["file"] == "nw-0314"]
    assert first[0]["text"] == "Kremlin open to talks" and first[0]["statement"] == 1
    assert {(r["outlet"], r["date"], r["url"], r["headline"]) for r in first} == {
        ("Northern Wire", "2025-03-14", "https://example.invalid/a", "Kremlin open to talks")
    }
    second = [r for r in rows if r["file"] == "dh-0502"]
    assert second[0]["text"].startswith("Kyiv will not trade land") and second[0]["outlet"] == "Dnipro Herald"

    assert main(["classify", str(path), *options, "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(table[0])[:5] == ["file", "outlet", "date", "url", "headline"]
    assert [r["text"] for r in table if r["file"] == "nw-0314"] == [r["text"] for r in first]

    assert main(["classify", str(path), *options, "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "source" in lines[0] and "2025-03-14" in lines[1] and "nw-0314" in lines[1]

    assert main(["classify", str(path), *options, "--summary", "--format", "jsonl"]) == 0
    summaries = rows_of(capsys.readouterr().out)
    assert [(s["name"], s["outlet"], s["date"]) for s in summaries] == [
        ("nw-0314", "Northern Wire", "2025-03-14"),
        ("dh-0502", "Dnipro Herald", "2025-05-02"),
    ]
    assert main(["classify", str(path), *options, "--summary", "--format", "csv"]) == 0
    summary_rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["outlet"] for r in summary_rows] == ["Northern Wire", "Dnipro Herald"]


def test_an_archive_field_named_like_an_output_field_is_renamed_not_lost(tmp_path, capsys):
    path = tmp_path / "hand-labelled.jsonl"
    path.write_text(json.dumps({"id": "h1", "text": "Kyiv refused the talks.", "stance": "oppose"}) + "\n")
    assert main(["classify", str(path), "--format", "jsonl"]) == 0
    (row,) = rows_of(capsys.readouterr().out)
    assert row["input_stance"] == "oppose" and row["stance"] in {"support", "conditional", "oppose", "neutral"}


def test_bad_csv_rows_name_file_and_line(tmp_path, capsys):
    path = tmp_path / "wires.csv"
    path.write_text(
        'id,text\nw1,"A quote that runs\nover two lines, as pasted."\nw2,Kyiv refused.,extra\n', encoding="utf-8"
    )
    assert main(["classify", str(path), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert f"{path}:4: expected 2 fields as in the header, got 3" in captured.err
    assert {r["file"] for r in rows_of(captured.out)} == {"w1"}  # the row before it is written


def test_an_archive_without_the_text_column_says_which_to_name(tmp_path, capsys):
    path = tmp_path / "wires.csv"
    path.write_text("id,body\nw1,Kyiv refused.\n", encoding="utf-8")
    assert main(["classify", str(path)]) == 1
    assert f'{path}:1: no "text" column (columns: id, body); name the text\'s column with --text-field' in (
        capsys.readouterr().err
    )


def test_iter_documents_is_the_python_entry_point(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_text(
        json.dumps({"id": "a1", "title": "Talks resume", "text": "Delegations met in Geneva.", "outlet": "NW"}) + "\n"
    )
    (document,) = iter_documents([str(path)])
    assert document == Document(
        "a1", "Talks resume\n\nDelegations met in Geneva.", {"title": "Talks resume", "outlet": "NW"}
    )
    assert [p.text for p in classify(document.text)] == ["Talks resume", "Delegations met in Geneva."]


# --- Encodings ----------------------------------------------------------------------------------------


def test_a_byte_order_mark_never_changes_results(tmp_path, monkeypatch, capsys):
    text = "Kremlin open to talks\nKremlin open to talks\nKyiv refused the offer on Friday."
    plain, marked = tmp_path / "plain.txt", tmp_path / "marked.txt"
    plain.write_bytes(text.encode("utf-8"))
    marked.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    archive = tmp_path / "marked.jsonl"
    archive.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "m", "text": text}).encode("utf-8") + b"\n")
    table = tmp_path / "marked.csv"
    table.write_bytes(b'\xef\xbb\xbfid,text\nm,"' + text.encode("utf-8") + b'"\n')
    results = []
    for path in (plain, marked, archive, table):
        assert main(["classify", str(path), "--format", "jsonl"]) == 0
        results.append([(r["text"], r["stance"], r["start"]) for r in rows_of(capsys.readouterr().out)])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(marked.read_bytes())))
    assert main(["classify", "-", "--format", "jsonl"]) == 0
    results.append([(r["text"], r["stance"], r["start"]) for r in rows_of(capsys.readouterr().out)])
    assert results[0] == [("Kremlin open to talks", results[0][0][1], 0), results[0][1]]
    assert all(found == results[0] for found in results)


CP1252 = "The minister\u2019s \u201cpeace formula\u201d was rejected by Moscow \u2013 again.\nTalks stalled.".encode(
    "cp1252"
)


@needs_detection
def test_a_text_that_is_not_utf8_is_decoded_and_the_encoding_named_the_same_from_stdin(tmp_path, monkeypatch, capsys):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(CP1252)
    assert main(["classify", str(path), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    from_file = [r["text"] for r in rows_of(captured.out)]
    assert from_file[0] == "The minister\u2019s \u201cpeace formula\u201d was rejected by Moscow \u2013 again."
    # cp1250 and cp1252 agree on these bytes; either is a right answer.
    assert f"{path}: not UTF-8; read as cp125" in captured.err and "choose another with --encoding NAME" in captured.err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CP1252)))
    assert main(["classify", "-", "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert [r["text"] for r in rows_of(captured.out)] == from_file
    assert "standard input: not UTF-8; read as cp125" in captured.err


@needs_trafilatura
def test_a_page_in_the_encoding_it_declares_is_read_in_it(tmp_path, capsys):
    html = STATE["html"].replace('<meta charset="utf-8">', '<meta charset="windows-1251">')
    html = html.replace("<button>Font size</button>", "<button>\u0428\u0440\u0438\u0444\u0442</button>")  # "Font"
    path = tmp_path / "state.html"
    path.write_bytes(html.encode("cp1251"))
    assert main(["classify", str(path), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert f"{path}: not UTF-8; read as cp1251 (declared by the file;" in captured.err
    assert rows_of(captured.out)[0]["text"] == STATE["title"]


def test_an_explicit_encoding_is_used_and_checked(tmp_path, capsys):
    path = tmp_path / "koi8.txt"
    path.write_bytes("Kyiv refused. Президент отказался.".encode("koi8-r"))
    assert main(["classify", str(path), "--encoding", "koi8-r", "--format", "jsonl"]) == 0
    assert rows_of(capsys.readouterr().out)[-1]["text"] == "Президент отказался."
    assert main(["classify", str(path), "--encoding", "klingon"]) == 2
    assert "--encoding klingon: unknown encoding" in capsys.readouterr().err
    assert main(["classify", str(path), "--encoding", "ascii"]) == 1
    assert f"{path}:1: not valid ascii" in capsys.readouterr().err


def test_without_charset_normalizer_stdin_bytes_are_refused_like_a_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CP1252)))
    assert main(["classify", "-", "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert "standard input:1: not valid UTF-8" in captured.err and "--encoding NAME" in captured.err
    assert captured.out == ""


def test_a_csv_in_another_encoding_keeps_its_columns_in_a_csv_output(tmp_path, capsys):
    path = tmp_path / "kyiv-desk.csv"
    text = "id,видання,text\nk1,Дніпровський вісник,Kyiv refused the talks on Friday.\n"
    path.write_bytes(text.encode("cp1251"))
    assert main(["classify", str(path), "--encoding", "cp1251", "--format", "csv"]) == 0
    (row,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["видання"] == "Дніпровський вісник" and row["file"] == "k1"


def test_an_archive_that_mixes_utf8_and_another_encoding_is_refused_at_the_line(tmp_path, capsys):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "u", "text": "Zelensky\u2019s office said no."}, ensure_ascii=False).encode("utf-8")
    bad = '{"id": "c", "text": "Peskov\u2019s reply."}'.encode("cp1252")
    path.write_bytes(good + b"\n" + bad + b"\n")
    assert main(["classify", str(path), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert f"{path}:2: not valid UTF-8" in captured.err and "mixes encodings" in captured.err
    assert [r["file"] for r in rows_of(captured.out)] == ["u"]


# --- A bad input in a run -------------------------------------------------------------------------------


@pytest.fixture
def folder_with_one_bad_file(tmp_path):
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "a.txt").write_text(WIRE_TEXT, encoding="utf-8")
    (folder / "b.html").write_text("<html><body><div id='app'></div><script>load()</script></body></html>")
    (folder / "c.txt").write_text("Kyiv will not trade land for a ceasefire, the minister said.", encoding="utf-8")
    return folder


@needs_trafilatura
def test_by_default_a_bad_file_stops_the_run_after_the_results_before_it(folder_with_one_bad_file, capsys):
    assert main(["classify", str(folder_with_one_bad_file), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert {r["file"].rsplit("/", 1)[1] for r in rows_of(captured.out)} == {"a.txt"}
    assert "b.html: no article text found in the page (stopped here; the 1 text(s) before it are written)" in (
        captured.err
    )
    assert "--skip-bad skips bad inputs and goes on" in captured.err


@needs_trafilatura
def test_skip_bad_lists_the_skipped_file_and_exits_1(folder_with_one_bad_file, capsys):
    assert main(["classify", str(folder_with_one_bad_file), "--skip-bad", "--format", "jsonl"]) == 3
    captured = capsys.readouterr()
    assert [r["file"].rsplit("/", 1)[1] for r in rows_of(captured.out)][-1] == "c.txt"
    assert {r["file"].rsplit("/", 1)[1] for r in rows_of(captured.out)} == {"a.txt", "c.txt"}
    assert f"stanceclf classify: skipped {folder_with_one_bad_file / 'b.html'}: no article text found" in (captured.err)
    assert "summary: 2 text(s)" in captured.err and "skipped: 1 bad input(s)" in captured.err


def test_skip_bad_skips_only_the_bad_archive_line(tmp_path, capsys):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "k1", "text": "Talks resumed."}), "{broken", json.dumps({"id": "k3", "text": "Kyiv."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["classify", str(path), "--skip-bad", "--format", "jsonl"]) == 3
    captured = capsys.readouterr()
    assert [r["file"] for r in rows_of(captured.out)] == ["k1", "k3"]
    assert f"skipped {path}:2: malformed JSON" in captured.err


def test_thousands_of_results_before_a_bad_line_are_written_in_order_with_two_jobs(tmp_path, capsys):
    path = tmp_path / "big.jsonl"
    good = [json.dumps({"id": f"n{i}", "text": f"Report {i}: Kyiv refused the talks."}) for i in range(3000)]
    path.write_text("\n".join(good) + '\n{"id": "bad", "text": \n', encoding="utf-8")
    assert main(["classify", str(path), "--jobs", "2", "--batch-size", "64", "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    names = [r["file"] for r in rows_of(captured.out)]
    assert list(dict.fromkeys(names)) == [f"n{i}" for i in range(3000)] and names == sorted(
        names, key=lambda n: int(n[1:])
    )
    assert f"{path}:3001: malformed JSON" in captured.err


# --- Other languages -------------------------------------------------------------------------------------


def test_a_text_in_another_language_gets_one_warning(tmp_path, capsys):
    texts = {
        "ru.txt": "Президент России заявил, что Москва готова к переговорам. Он добавил, что условия известны. "
        "Это не ультиматум, сказал он.",
        "uk.txt": "Міністр заявив, що Україна не обмінює територію на перемир'я. Переговори можливі лише після "
        "виведення військ. Він додав, що Київ готовий до обміну полоненими.",
        "de.txt": "Der Kanzler sagte am Montag, die Gespräche mit Moskau und Kiew würden nächste Woche in Genf "
        "fortgesetzt, obwohl beide Seiten weiterhin unterschiedliche Positionen vertreten und keine Einigung "
        "absehbar ist.",
        "en.txt": WIRE_TEXT,
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["classify", *(str(tmp_path / n) for n in texts), "--format", "jsonl"]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if "the model reads English only" in line]
    assert len(warnings) == 3
    assert "ru.txt: the text looks Russian (Cyrillic script" in warnings[0]
    assert "uk.txt: the text looks Ukrainian (Cyrillic script" in warnings[1]
    assert "de.txt: the text looks non-English (Latin script" in warnings[2]
    assert "not English: 3 text(s)" in err


# --- Standard input ----------------------------------------------------------------------------------------


def test_no_input_named_reads_standard_input_when_it_is_not_a_terminal(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Kyiv refused the talks.")))
    assert main(["classify", "--format", "jsonl"]) == 0
    assert [(r["file"], r["text"]) for r in rows_of(capsys.readouterr().out)] == [("-", "Kyiv refused the talks.")]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("stdin", [None, _Terminal()], ids=["closed", "terminal"])
def test_no_input_and_no_usable_standard_input_is_a_clear_error(monkeypatch, capsys, stdin):
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["classify"]) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        "stanceclf classify: error: no input: give files, folders, patterns or archives, "
        "or pipe a text in (stanceclf classify < article.txt)\n"
    )
    assert captured.out == ""


def test_dash_with_standard_input_closed_is_a_clear_error(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["classify", "-"]) == 1
    assert "standard input: is closed; give files to classify, or pipe a text in" in capsys.readouterr().err
