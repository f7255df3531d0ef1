"""labels/pages.jsonl: whole pages' statements as training data, kept apart from the held-out pages."""

from __future__ import annotations

import json

import pytest
from conftest import REPO, statements_of, write_jsonl

from stanceclf.evaluate import cross_validate
from stanceclf.labels import LabeledStatement, Project, read_labels
from stanceclf.training import train_project

PAGES = REPO / "benchmarks" / "pages"

# One small page: headline, a quote over two sentences, and a procedural line.
PAGE = [
    ("Kremlin says it is open to a new round in Istanbul", "support", "neutral_report", "russia_official"),
    ('"We are ready to meet next week," Peskov told reporters.', "support", "neutral_report", "russia_official"),
    ('"But any deal must recognise the new regions."', "conditional", "law_sovereignty", "russia_official"),
    ("The delegations last met in June.", "neutral", "neutral_report", "author"),
]


def _page_statements(article: str = "page-p01") -> list[LabeledStatement]:
    return [
        LabeledStatement(f"{article}-s{i:02d}", article, text, stance, framing, speaker)
        for i, (text, stance, framing, speaker) in enumerate(PAGE, start=1)
    ]


def _page_rows() -> list[dict]:
    return [s.to_record() for s in _page_statements()]


def test_page_statements_are_read_as_their_own_split(mini_project):
    write_jsonl(mini_project / "labels" / "pages.jsonl", _page_rows())
    project = Project.load(mini_project)
    assert [s.id for s in project.pages] == [f"page-p01-s{i:02d}" for i in range(1, 5)]
    assert project.report.counts["pages"]["stance"]["conditional"] == 1
    assert not {s.article for s in project.pages} & {s.article for s in project.train + project.heldout}


def test_a_page_statement_cannot_claim_a_corpus_article(mini_project):
    rows = _page_rows()
    rows[2]["article"] = "alpha"
    write_jsonl(mini_project / "labels" / "pages.jsonl", rows)
    project = Project.check(mini_project)
    assert f"{mini_project / 'labels' / 'pages.jsonl'}:3: a page statement cannot belong to corpus article 'alpha'" in (
        project.report.problems
    )


def test_a_page_id_used_in_another_label_file_is_refused(mini_project):
    rows = _page_rows()
    rows[0]["id"] = "alpha-s01"
    write_jsonl(mini_project / "labels" / "pages.jsonl", rows)
    problems = Project.check(mini_project).report.problems
    assert any(
        p.startswith(f"{mini_project / 'labels' / 'pages.jsonl'}:1: id 'alpha-s01' is also used at") for p in problems
    )


def test_training_uses_the_pages_and_says_so(mini_project, tmp_path):
    without = train_project(mini_project, tmp_path / "without")
    write_jsonl(mini_project / "labels" / "pages.jsonl", _page_rows())
    with_pages = train_project(mini_project, tmp_path / "with")
    trained = with_pages.bundle.card.training
    assert trained.statements == without.bundle.card.training.statements + len(PAGE)
    assert "page-p01" in trained.articles
    assert "pages.jsonl" in trained.split
    # The held-out split is scored alone: the pages never join it.
    assert with_pages.heldout_report.statements == without.heldout_report.statements == 3


def test_cross_validation_trains_on_extra_articles_and_never_scores_them():
    statements = [s for a in ("alpha", "beta", "gamma") for s in statements_of(a)]
    cv = cross_validate(statements, extra_articles=_page_statements(), calibrate=False)
    scored = sum(fold["statements"] for fold in cv.folds)
    assert scored == len(statements)
    assert {fold["article"] for fold in cv.folds} == {"alpha", "beta", "gamma"}


def _gold_pages() -> dict[str, dict]:
    gold = {}
    for path in PAGES.glob("gold*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            gold[record["page"]] = record
    return gold


HELD_OUT_PAGE_SPLITS = ("test5", "test10")


@pytest.mark.skipif(not (REPO / "labels" / "pages.jsonl").is_file(), reason="no labelled pages in this checkout")
def test_labelled_pages_are_the_development_pages_whole_and_never_the_held_out_ones():
    gold = _gold_pages()
    by_page: dict[str, list[str]] = {}
    for statement in read_labels(REPO / "labels" / "pages.jsonl"):
        by_page.setdefault(statement.article.removeprefix("page-"), []).append(statement.text)
    held_out = {page for page, record in gold.items() if record["split"] in HELD_OUT_PAGE_SPLITS}
    assert {gold[page]["split"] for page in held_out} == set(HELD_OUT_PAGE_SPLITS)
    assert not set(by_page) & held_out
    for page, texts in by_page.items():
        assert gold[page]["file"].endswith(".txt"), page
        assert texts == gold[page]["statements"], f"{page}: labels do not follow the page's gold statements"


@pytest.mark.parametrize("split", HELD_OUT_PAGE_SPLITS)
def test_held_out_page_labels_cover_every_txt_page_of_their_split_in_gold_order(split):
    gold = {page: r for page, r in _gold_pages().items() if r["split"] == split and r["file"].endswith(".txt")}
    by_page: dict[str, list[tuple[int, str]]] = {}
    for line in (PAGES / f"labels_{split}.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        by_page.setdefault(record["page"], []).append((record["index"], record["text"]))
    assert set(by_page) == set(gold)
    for page, rows in by_page.items():
        assert [text for _, text in sorted(rows)] == gold[page]["statements"], page
