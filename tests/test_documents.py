"""classify_documents from Python: a folder of files and archives in, one result per document out."""

from __future__ import annotations

import importlib

import pytest

from stanceclf import DataFileError, Document, DocumentResult, InputTypeError, classify, classify_documents
from stanceclf.summary import profile

segment_module = importlib.import_module("stanceclf.segment")  # the package's `segment` is the function

PAGE = (
    "Talks in Istanbul stall as both sides trade blame\n\n"
    "By Olena Marchenko, Staff Correspondent\n"
    "Published 12 March 2024, 09:41 · Updated 11:02\n\n"
    "ISTANBUL — Ukraine's foreign minister said on Tuesday that Kyiv would not sit down\n"
    "with Moscow while Russian troops remained on Ukrainian soil, hardening a position\n"
    "that mediators had hoped was softening.\n\n"
    '"We are ready for a just peace, not for a pause that lets them regroup," he told\n'
    "reporters after a closed meeting with Turkish officials.\n\n"
    "The Kremlin's spokesman answered within the hour that Russia remained open to\n"
    "negotiations \u201cwithout preconditions\u201d and accused the West of pushing Kyiv to fight on.\n\n"
    "Share on Facebook  Share on X  Copy link\n\n"
    "Related articles\n"
    "Grain corridor ships resume sailing from Odesa\n"
    "Power cuts return to Kharkiv after overnight strikes\n"
)

ARCHIVE = (
    "id,outlet,date,title,text\n"
    'wire-0412,Northern Herald,2024-03-11,Moscow signals openness,"MOSCOW, March 11 (Wire) - Russia is ready to '
    "resume talks with Ukraine if the West stops arming Kyiv, a deputy foreign minister said on Monday.\n\n"
    'Photo: a delegation arrives in Minsk. (Wire/Archive)"\n'
    'wire-0413,Evening Courier,2024-03-12,,"KYIV - Air-raid sirens sounded across the capital overnight; the '
    'city administration said debris fell on two districts and no one was hurt."\n'
)


def _write_folder(tmp_path):
    folder = tmp_path / "clippings"
    folder.mkdir()
    (folder / "a-wires.csv").write_text(ARCHIVE, encoding="utf-8")
    (folder / "b-istanbul.txt").write_text(PAGE, encoding="utf-8")
    return folder


def test_a_folder_with_an_archive_and_a_text_gives_one_result_per_document_with_its_metadata(tmp_path):
    folder = _write_folder(tmp_path)
    archive = folder / "a-wires.csv"
    results = list(classify_documents([str(archive), folder / "b-istanbul.txt"]))
    assert all(isinstance(r, DocumentResult) for r in results)
    assert [r.document.name for r in results] == ["wire-0412", "wire-0413", str(folder / "b-istanbul.txt")]
    first, second, page = results
    assert first.document.metadata == {
        "outlet": "Northern Herald",
        "date": "2024-03-11",
        "title": "Moscow signals openness",
    }
    assert second.document.metadata["outlet"] == "Evening Courier"
    assert page.document.metadata == {}
    # The headline is the first statement, as the command line classifies it.
    assert first.predictions[0].text == "Moscow signals openness"
    for result in results:
        assert result.predictions == tuple(classify(result.document.text))
        assert result.profile == profile(result.document.name, result.predictions)
        assert result.language is None
        assert all(result.document.text[p.start : p.end] == p.text for p in result.predictions)


def test_a_folder_gives_its_texts_not_its_archives_and_documents_can_be_given_directly(tmp_path):
    folder = _write_folder(tmp_path)
    with pytest.warns(UserWarning, match=r"1 file\(s\) of other kinds left out \(\.csv\)"):
        names = [r.document.name for r in classify_documents([folder, folder / "a-wires.csv"])]
    assert names == [str(folder / "b-istanbul.txt"), "wire-0412", "wire-0413"]
    given = Document("desk-note", "Kyiv said it was ready to talk. Moscow refused.", {"outlet": "Desk"})
    (result,) = classify_documents([given])
    assert result.document is given
    assert [p.text for p in result.predictions] == ["Kyiv said it was ready to talk.", "Moscow refused."]


def test_a_long_text_in_pieces_gives_the_predictions_of_the_whole_text(tmp_path, monkeypatch):
    paragraphs = [
        f"Day {i}: Kyiv refused a ceasefire that would freeze the front. The Kremlin said it was\n"
        "ready to talk, but only on its own terms, and shelling went on near Zaporizhzhia."
        for i in range(120)
    ]
    text = "\n\n".join(paragraphs)
    monkeypatch.setattr(segment_module.pieces, "__defaults__", (1_500,))  # many pieces from a modest text
    assert len(list(segment_module.pieces(text))) > 10
    (result,) = classify_documents([Document("dense", text)])
    whole = classify(text)
    assert [(p.start, p.end, p.text, p.labels) for p in result.predictions] == [
        (p.start, p.end, p.text, p.labels) for p in whole
    ]
    assert result.profile == profile("dense", whole)


def test_a_text_that_is_not_english_carries_a_language_warning():
    text = "Міністр закордонних справ заявив, що Україна не піде на переговори під тиском ультиматумів."
    (result,) = classify_documents([Document("uk", text)])
    assert result.language and result.language.startswith("Ukrainian")


def test_a_bad_archive_line_is_skipped_with_on_skip_and_stops_the_stream_without_it(tmp_path):
    folder = _write_folder(tmp_path)
    (folder / "a-wires.csv").write_text(ARCHIVE + "wire-0414,Daily,2024-03-13\n", encoding="utf-8")
    skipped = []
    inputs = [folder / "a-wires.csv", folder]
    with pytest.warns(UserWarning, match=r"left out \(\.csv\)"):  # the folder's own .csv is named, not read
        names = [r.document.name for r in classify_documents(inputs, on_skip=skipped.append)]
    assert names == ["wire-0412", "wire-0413", str(folder / "b-istanbul.txt")]
    assert len(skipped) == 1 and skipped[0].endswith("a-wires.csv:6: expected 5 fields as in the header, got 3")
    seen = []
    with pytest.raises(DataFileError, match=r"a-wires\.csv:6: expected 5 fields as in the header, got 3"):
        for result in classify_documents(inputs):
            seen.append(result.document.name)
    assert seen == ["wire-0412", "wire-0413"]  # the results before the bad line come first


def test_a_bare_path_or_a_wrong_item_is_refused():
    with pytest.raises(InputTypeError, match="got a single str: wrap it in a list"):
        list(classify_documents("article.txt"))
    with pytest.raises(InputTypeError, match="item 1 is int"):
        list(classify_documents([Document("a", "Kyiv refused."), 7]))
    with pytest.raises(InputTypeError, match="model must be a Model, a model folder or None, got int"):
        list(classify_documents([Document("a", "Kyiv refused.")], model=3))
