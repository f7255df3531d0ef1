"""Shared fixtures: the real repository, and a small project written in the test."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from stanceclf.labels import LabeledStatement
from stanceclf.model import ModelBundle, fit_bundle
from stanceclf.predict import Model

REPO = Path(__file__).resolve().parents[1]

# Three tiny articles, one statement per line, each labelled below.
ARTICLES = {
    "alpha": [
        ("Moscow says it is ready for talks with Kyiv.", "support", "neutral_report", "russia_official"),
        ("The regime in Kyiv is a gang of thieves, the envoy said.", "neutral", "delegitimize", "russia_official"),
        ("The delegations met for two hours in a hotel.", "neutral", "neutral_report", "author"),
    ],
    "beta": [
        (
            "Kyiv will talk only once Russian troops have left Ukrainian land.",
            "conditional",
            "law_sovereignty",
            "ukraine_official",
        ),
        ("Kyiv rejected the Kremlin ultimatum and refused any talks.", "oppose", "blame", "ukraine_official"),
        ("Missiles struck the city overnight, the army said.", "neutral", "force", "author"),
    ],
    "gamma": [
        ("We have always been open to dialogue and hold no grudge.", "support", "goodwill", "russia_official"),
        ("Any agreement must recognise the new borders.", "conditional", "law_sovereignty", "russia_official"),
        ("The envoy called the proposed truce a ploy to buy time.", "oppose", "blame", "western_official"),
    ],
}


def statements_of(article: str) -> list[LabeledStatement]:
    return [
        LabeledStatement(f"{article}-s{i:02d}", article, text, stance, framing, speaker)
        for i, (text, stance, framing, speaker) in enumerate(ARTICLES[article], start=1)
    ]


def page_with_line(news: list[str], line: str, where: str = "after") -> str:
    """A small page of ``news`` (a headline, then its paragraphs) with ``line`` set in it.

    ``where`` is ``"under"`` the headline, ``"between"`` the first two paragraphs or ``"after"`` the body:
    the places the segmentation round tests try a line in.
    """
    headline, *paragraphs = news
    if where == "under":
        return f"{headline}\n{line}\n\n" + "\n\n".join(paragraphs) + "\n"
    paragraphs.insert({"between": 1, "after": len(paragraphs)}[where], line)
    return f"{headline}\n\n" + "\n\n".join(paragraphs) + "\n"


def news_with_line(news: list[str], line: str, where: str = "after") -> list[str]:
    """The statements ``page_with_line(news, line, where)`` should give when ``line`` is a statement."""
    index = {"under": 1, "between": 2, "after": len(news)}[where]
    return [*news[:index], line, *news[index:]]


@pytest.fixture
def rules_alone():
    """The segmentation rules alone: the learned furniture filter could hide what a rule does."""
    from stanceclf.furniture import using_filter

    with using_filter(None):
        yield


def segmented_texts(text: str) -> list[str]:
    """The statements segment() finds in a text, each checked to be its verbatim slice of the text."""
    from stanceclf.segment import segment

    statements = segment(text)
    assert all(text[s.start : s.end] == s.text for s in statements)
    return [s.text for s in statements]


def rows_of(output: str) -> list[dict]:
    """The records of a JSON Lines output."""
    return [json.loads(line) for line in output.splitlines()]


def write_jsonl(path: Path, rows) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture
def mini_project(tmp_path: Path) -> Path:
    """A complete project checkout in miniature: corpus, labels, split."""
    root = tmp_path / "project"
    (root / "corpus" / "seeds").mkdir(parents=True)
    (root / "labels").mkdir()
    index = []
    for article, rows in ARTICLES.items():
        (root / "corpus" / "seeds" / f"{article}.txt").write_text("\n".join(r[0] for r in rows), encoding="utf-8")
        index.append(
            {
                "id": article,
                "seed": f"seeds/{article}.txt",
                "lines": [1, len(rows)],
                "title": rows[0][0],
                "outlet": "unknown",
                "outlet_type": "unknown",
                "date": None,
            }
        )
    write_jsonl(root / "corpus" / "articles.jsonl", index)
    write_jsonl(root / "labels" / "train.jsonl", [s.to_record() for a in ("alpha", "beta") for s in statements_of(a)])
    write_jsonl(root / "labels" / "heldout.jsonl", [s.to_record() for s in statements_of("gamma")])
    written = [
        LabeledStatement(
            "written-t-p01-s01",
            "written-t-p01",
            "The president said he was prepared to meet tomorrow.",
            "support",
            "neutral_report",
            "other_official",
        ),
        LabeledStatement(
            "written-t-p01-s02",
            "written-t-p01",
            "Our army decides where the border lies, he said.",
            "conditional",
            "force",
            "russia_official",
        ),
    ]
    write_jsonl(root / "labels" / "written.jsonl", [s.to_record() for s in written])
    return root


@pytest.fixture(scope="session")
def tiny_bundle() -> ModelBundle:
    """A pipeline fitted in the test on the tiny articles (fast, deterministic)."""
    return fit_bundle([s for a in ARTICLES for s in statements_of(a)])


@pytest.fixture(scope="session")
def tiny_model(tiny_bundle: ModelBundle) -> Model:
    """The tiny pipeline as a model that classifies."""
    return Model.from_bundle(tiny_bundle)


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """The real corpus and labels, copied so a test may train into it."""
    root = tmp_path / "repo"
    for name in ("corpus", "labels"):
        shutil.copytree(REPO / name, root / name)
    return root
