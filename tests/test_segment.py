"""Segmentation: text -> statements, on small texts written here and the real corpus."""

from __future__ import annotations

import pytest
from conftest import REPO

from stanceclf.corpus import read_corpus
from stanceclf.segment import MAX_STATEMENT_CHARS, is_furniture, segment


def texts(text: str) -> list[str]:
    return [s.text for s in segment(text)]


def test_offsets_are_verbatim_slices_in_order():
    text = "  First one.  Second one!\n\nThird? Yes.  "
    statements = segment(text)
    assert [s.text for s in statements] == ["First one.", "Second one!", "Third?", "Yes."]
    assert all(text[s.start : s.end] == s.text for s in statements)
    assert [s.start for s in statements] == sorted(s.start for s in statements)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The U.S. indicted two employees. Washington accused them.",
            ["The U.S. indicted two employees.", "Washington accused them."],
        ),
        (
            "Biden backed Mrs. Harris in the race. She laughed.",
            ["Biden backed Mrs. Harris in the race.", "She laughed."],
        ),
        ("Gen. Gerasimov spoke. Talks stalled.", ["Gen. Gerasimov spoke.", "Talks stalled."]),
        (
            "The 2014-15 Minsk deals failed. Moscow handed over 6,000 bodies.",
            ["The 2014-15 Minsk deals failed.", "Moscow handed over 6,000 bodies."],
        ),
        ("Inflation hit 3.5 percent. Prices rose.", ["Inflation hit 3.5 percent.", "Prices rose."]),
    ],
    ids=["initialism", "title", "rank", "numbers", "decimal"],
)
def test_abbreviations_and_numbers_do_not_split(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We are ready. They refuse," he said.', ['"We are ready.', 'They refuse," he said.']),
        ("“We hope so. We do not reject them,” Putin said.", ["“We hope so.", "We do not reject them,” Putin said."]),
        (
            "'These are opposing documents. But that is normal,' he said.",
            ["'These are opposing documents.", "But that is normal,' he said."],
        ),
        ("‘Zelensky is dead.’ Nebenzia said so. Fine.", ["‘Zelensky is dead.’", "Nebenzia said so.", "Fine."]),
        ("«Мы готовы.» Talks resumed.", ["«Мы готовы.»", "Talks resumed."]),
        (
            "It was clear “with certain reservations”. “But unfortunately, it failed.”",
            ["It was clear “with certain reservations”.", "“But unfortunately, it failed.”"],
        ),
    ],
    ids=["straight", "curly", "single", "single-curly", "guillemets", "stop-after-quote"],
)
def test_quotes_of_every_style(text, expected):
    assert texts(text) == expected


def test_question_then_attribution_stays_one_statement():
    assert texts("'Are we ready?' Putin asked. Nobody answered.") == [
        "'Are we ready?' Putin asked.",
        "Nobody answered.",
    ]


def test_ellipsis_splits_before_capital_but_not_lowercase():
    assert texts("He came to power on a promise... He turned 180 degrees… Politically, he is dead.") == [
        "He came to power on a promise...",
        "He turned 180 degrees…",
        "Politically, he is dead.",
    ]
    assert texts("The aim was to make us worry... and to stop our offensive.") == [
        "The aim was to make us worry... and to stop our offensive."
    ]


def test_dashes_do_not_split():
    assert texts("Overall, we're ready – we just need to agree on the time—and place.") == [
        "Overall, we're ready – we just need to agree on the time—and place."
    ]


def test_headlines_without_full_stop_end_at_the_line():
    assert texts("Putin says Russia ready for talks\nThe Kremlin said so on Monday.") == [
        "Putin says Russia ready for talks",
        "The Kremlin said so on Monday.",
    ]


def test_hard_wrapped_line_continues_the_sentence():
    assert texts("The talks in Istanbul\nlasted two hours. Then they ended.") == [
        "The talks in Istanbul\nlasted two hours.",
        "Then they ended.",
    ]


def test_one_word_fragment_joins_the_next_sentence():
    assert texts("Meanwhile. Zelenskyy asked a question.") == ["Meanwhile. Zelenskyy asked a question."]


@pytest.mark.parametrize(
    "line",
    [
        "Hashtags",
        "Comments",
        "No comments yet...",
        "Related Articles",
        "Try Our AI Features",
        "6 hours ago",
        "- Russia Today",
        "Russia Today",
        "VLADIVOSTOK",
        "5 November 2024 14:07",
        "Explore what Daily8 AI can do for you:",
        "By John Smith",
        "Updated: Nov. 5, 2024 at 14:07 GMT",
        "Share this article",
    ],
)
def test_web_furniture_is_dropped(line):
    assert is_furniture(line)
    assert texts(f"{line}\nTalks resumed on Monday.") == ["Talks resumed on Monday."]


@pytest.mark.parametrize(
    "line",
    [
        "Putin talks about negotiations again",
        "Kyiv does not agree to Putin's ultimatum",
        "Negotiations in Istanbul to end the war",
    ],
)
def test_subheadings_that_say_something_are_kept(line):
    assert not is_furniture(line)
    assert texts(line) == [line]


def test_repeated_headline_is_kept_once():
    assert texts("Russia ready for talks\n\nRussia ready for talks\nIt said so.") == [
        "Russia ready for talks",
        "It said so.",
    ]


def test_dateline_prefix_is_left_out_of_the_lead():
    assert texts("KYIV, Ukraine (AP) — Ukraine refused the offer.") == ["Ukraine refused the offer."]


def test_empty_and_blank_texts_give_no_statements():
    assert segment("") == [] and segment(" \n\t\n ") == []


def test_a_megabyte_without_punctuation_is_cut_at_the_limit():
    text = "word " * 200_000
    statements = segment(text)
    assert all(len(s.text) <= MAX_STATEMENT_CHARS for s in statements)
    assert "".join(s.text for s in statements).replace(" ", "") == text.replace(" ", "")
    assert all(text[s.start : s.end] == s.text for s in statements)


def test_real_corpus_statements_are_substrings_in_article_order():
    for article in read_corpus(REPO / "corpus").values():
        statements = segment(article.text)
        assert statements, article.id
        positions = [article.text.index(s.text, s.start) for s in statements]
        assert positions == sorted(positions)
        assert not any(is_furniture(s.text) for s in statements)


def test_seed_004_furniture_and_related_pieces():
    corpus = read_corpus(REPO / "corpus")
    host = [s.text for s in segment(corpus["004_b958ac358e07234c"].text)]
    assert host[0] == "Russia ready for new talks with Ukraine"
    assert not {"Hashtags", "Comments", "Related Articles", "No comments yet..."} & set(host)
    first_related = [s.text for s in segment(corpus["004_b958ac358e07234c_r1"].text)]
    assert first_related[0] == "Zelensky is ‘politically dead' – Russia's top UN diplomat"
