"""Segmentation rules of round 14: the kinds of error that the split test10 showed once scored.

Site talk in full sentences of new kinds (the newsroom's praise of its own hours, a call to give at a sentence's
end, an appeal for local or independent journalism, an apology that ends a service notice, a call for the
reader's thoughts, an aggregator's note on how its feed is chosen, a print-edition note, a market-data delay
note, a reporter's contact), a comments section under a "View 87 comments" button, an author's bio under a byline
below the standfirst, a sentence that ends in an abbreviation like "Blvd." before the next, a fact-check card's
rating, a video's title under its player, a caption and its credit in capitals each set apart, a reporter's name
glued to the staff line, "Members only", "Full coverage: ...", an episode number, a transcript's speaker with a
rank in brackets and a transcript's date, time and place (see docs/segmentation.md, "Round 14"). Each rule has a
test that it fixes and a look-alike that it must not break; every text is written for these tests, in wordings
that are in none of the benchmark pages. The rules are tested alone, without the learned filter, so that each
test pins a rule.
"""

from __future__ import annotations

import pytest
from conftest import news_with_line, page_with_line
from conftest import segmented_texts as texts

HEADLINE = "Danube ferry operators resume crossings to Izmail after two weeks of drone alerts"
BODY = "Romanian and Ukrainian officials said on Tuesday that the first ferry had crossed at dawn with 40 trucks."
MORE = "The port authority said it would keep the night crossings closed until the air defence upgrades are done."
LAST = "Drivers waiting at Isaccea told reporters that the queue had shrunk from three days to about nine hours."

NEWS = [HEADLINE, BODY, MORE, LAST]
WHERE = ("under", "between", "after")


# The rules alone: the learned filter could hide what a rule does.
pytestmark = pytest.mark.usefixtures("rules_alone")


def page_with(line: str, where: str = "after") -> str:
    return page_with_line(NEWS, line, where)


def news_with(line: str, where: str) -> list[str]:
    return news_with_line(NEWS, line, where)


# --- site talk in full sentences ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Our reporters are working around the clock to bring you verified news from the south.",
        "Our correspondents report non-stop from the front line.",
        "Keep Dnipro Evening on air – donate.",
        "Support independent regional radio.",
        "Support community journalism. Subscribe for only 49¢ a week.",
        "Power cuts may interrupt our broadcast in parts of the oblast tonight. We are sorry for any inconvenience.",
        "The app may not load during air raid alerts. We apologize for the disruption.",
        "We are keen to hear your thoughts on the crossings.",
        "Share your views below.",
        "Tell us your views. Comments are moderated.",
        "Stories are ranked automatically by relevance.",
        "Find out why you are seeing this story.",
        "A version of this interview appeared in the March 2026 issue.",
        "Printed in the weekend edition with the headline “The Long Winter.”",
        "*Quotes are delayed by at least 20 minutes.",
        "Prices are a real-time snapshot. *Market data is delayed 15 minutes.",
        "Contact reporter Ian Vos at ivos@northgate.example or 555-0172.",
        "Email columnist Ada Lind at alind@harbourledger.example.",
        "Refresh the page for the latest entries.",
        "Our team is on the ground 24/7.",
        "Maintenance is planned on the site tonight. Sorry for the inconvenience.",
        "Why am I seeing this?",
        "Quotes delayed at least 15 minutes.",
        "Market data provided by Stockline.",
        "Prices are as of the market close.",
        "Our journalists are reporting from Kharkiv, Zaporizhzhia and Kherson around the clock.",
        "We want to hear from you: what should the crossings look like next year?",
        "This interview appeared in the November issue of the magazine.",
        "Members-only article",
        "Abonneer op De Rivierkrant en lees onbeperkt. Opzeggen kan altijd.",
        "Abonnez-vous pour lire la suite.",
    ],
)
@pytest.mark.parametrize("where", WHERE)
def test_site_talk_in_full_sentences_goes(line: str, where: str) -> None:
    assert texts(page_with(line, where)) == NEWS


@pytest.mark.parametrize(
    "line",
    [
        "Our soldiers work around the clock to hold the line near Pokrovsk, the brigade's commander said.",
        "Moscow did not apologise for the disruption to gas flows, officials in Chisinau said.",
        "“We apologise for the inconvenience,” the railway company said in a statement on Monday.",
        "The ministry said its data is delayed by 15 minutes on the public dashboard.",
        "Support for local television fell sharply last year, the regulator's survey found.",
        "The decree was published in the official gazette on Monday and takes effect at once.",
        "The sources were selected by the commission in March from a list of forty candidates.",
        "Tell us what happened on the bridge, the judge asked the ferry's captain on Thursday.",
        "Prices are delayed by the war, the grain traders' association complained in its report.",
        "Refresh for the latest news, the mayor told residents sheltering in the metro.",
        "Prices rose sharply as of the market close on Friday, grain traders in Constanta said.",
        "The ministry is sorry for the delays, a spokesman told reporters outside the port.",
        "Our team is on the ground in Kherson, the aid group's director said on Monday.",
        "The report appeared in the latest issue of Foreign Affairs, officials in Bucharest said.",
        "We want to hear from Moscow before the summit, the foreign minister told reporters.",
        "Our journalists are reporting from Izmail, where the cranes worked around the clock, the editor said.",
    ],
)
@pytest.mark.parametrize("where", WHERE)
def test_news_with_the_same_words_stays(line: str, where: str) -> None:
    assert texts(page_with(line, where)) == news_with(line, where)


# --- reader comments under a button with a count ------------------------------------------------------------------


@pytest.mark.parametrize("heading", ["View 87 comments", "Show all 23 comments", "Load 4 replies"])
def test_comments_under_a_button_with_a_count_go(heading: str) -> None:
    page = (
        f"{HEADLINE}\n\n{BODY}\n\n{MORE}\n\n{LAST}\n\n{heading}\n\ndanube_watcher\n\n5 hours ago\n\n"
        "Finally some good news for the drivers, they have waited long enough.\n\nReply · 3 likes\n\n"
        "Olga T.\n\n1 hour ago\n\nThe ferries will stop again at the next alert, mark my words.\n"
    )
    assert texts(page) == NEWS


def test_comments_with_no_name_line_above_them_go_under_their_buttons() -> None:
    page = (
        f"{HEADLINE}\n\n{BODY}\n\n{MORE}\n\n{LAST}\n\nShow all 5 comments\n\n"
        "So the ferries run again until the next drone, and then what?\n\nReply · 7 likes\n\n"
        "Nobody in Izmail believes the night crossings will open before spring.\n\nReply\n"
    )
    assert texts(page) == NEWS


def test_a_count_of_comments_with_no_comment_under_it_leaves_the_body() -> None:
    page = f"{HEADLINE}\n\nView 12 comments\n\n{BODY}\n\n{MORE}\n\n{LAST}\n"
    assert texts(page) == NEWS


# --- an author's bio under a byline below the standfirst --------------------------------------------------------

STANDFIRST = "A truce on the river is not a peace treaty. It is a test of who keeps their word."
COLUMN = [
    "Every spring the ferries stop and every summer they start again, and each time we are told it is the last.",
    "This year the crossings matter more, because the grain that leaves Izmail pays for the schools in Odesa.",
    "A truce on the water, watched by both navies, would be a small deal that nobody will love and many will use.",
]


def test_a_bio_under_a_byline_below_the_standfirst_goes() -> None:
    bio = "Ilse Marten served as ambassador to Moldova from 2015 to 2019. She now teaches at a university in Graz."
    paragraphs = "\n\n".join(COLUMN)
    page = f"{HEADLINE}\n\n{STANDFIRST}\n\nBy Ilse\u00a0Marten\n\nGuest columnist\n\n{paragraphs}\n\n{bio}\n"
    assert texts(page) == [
        HEADLINE,
        "A truce on the river is not a peace treaty.",
        "It is a test of who keeps their word.",
        *COLUMN,
    ]


def test_a_last_paragraph_about_someone_elses_past_post_stays() -> None:
    last = "Oleksii Reznikov served as defence minister until 2023. He now advises the government on procurement."
    paragraphs = "\n\n".join(COLUMN)
    page = f"{HEADLINE}\n\n{STANDFIRST}\n\nBy Ilse Marten\n\n{paragraphs}\n\n{last}\n"
    assert texts(page)[-2:] == [
        "Oleksii Reznikov served as defence minister until 2023.",
        "He now advises the government on procurement.",
    ]


@pytest.mark.parametrize(
    "bio",
    [
        "Dr. Ostrowska taught international law in Krakow for two decades.",
        "Hanna K. Ostrowska served as Poland's consul in Odesa from 2016 to 2020.",
        "Ms. Ostrowska is a senior fellow at the Baltic Policy Forum.",
    ],
)
def test_a_bio_right_under_its_byline_goes(bio: str) -> None:
    page = f"Guest essay\n{HEADLINE}\n\nBy Hanna K. Ostrowska\n{bio}\n\n{BODY}\n\n{MORE}\n\n{LAST}\n"
    assert texts(page) == NEWS


@pytest.mark.parametrize(
    "line",
    [
        "Kessler served as defence minister until 2019, when the coalition fell apart.",
        "Ostrowska said the ferry had been turned back twice at the Romanian side.",
    ],
)
def test_a_sentence_under_a_byline_that_is_no_bio_of_its_author_stays(line: str) -> None:
    page = f"{HEADLINE}\n\nBy Hanna K. Ostrowska\n{line}\n\n{BODY}\n\n{MORE}\n"
    assert texts(page) == [HEADLINE, line, BODY, MORE]


def test_a_news_story_that_ends_on_a_past_post_keeps_it() -> None:
    last = "Marten served as defence minister until 2019 and has led the ferry operators' union since."
    assert texts(f"{HEADLINE}\n\n{BODY}\n\n{MORE}\n\n{last}\n") == [HEADLINE, BODY, MORE, last]


# --- a sentence that ends in an abbreviation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        (
            "The aid depot is on Prospect Ave. “We load two trucks a night,” said its manager, Dr. Ana Ruiz.",
            ["The aid depot is on Prospect Ave.", "“We load two trucks a night,” said its manager, Dr. Ana Ruiz."],
        ),
        (
            "The generators were bought from Danube Power Co. The company said more would follow.",
            ["The generators were bought from Danube Power Co.", "The company said more would follow."],
        ),
        (
            "A shell hit a shop on Peremohy Ave. Residents said nobody was hurt.",
            ["A shell hit a shop on Peremohy Ave.", "Residents said nobody was hurt."],
        ),
        ("The clinic on Speedway Blvd. near the campus opened in May.", None),
        ("The embassy is on Pennsylvania Ave. NW near the park.", None),
        ("Shares of Harbour Shipping Inc. rose 4% after the first crossing.", None),
        ("The delegation flew to St. Petersburg on Monday.", None),
        ("They met at 10 Main St. in the old town, officials said.", None),
    ],
)
def test_an_abbreviation_ends_a_sentence_only_before_a_new_one(paragraph: str, sentences: list[str] | None) -> None:
    assert texts(f"{HEADLINE}\n\n{paragraph}\n") == [HEADLINE, *(sentences or [paragraph])]


# --- a fact-check card's rating ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rating", ["VerityDesk · Verdict: Misleading", "Rated: Mostly false", "Rating: Missing context"]
)
def test_a_fact_checks_rating_under_its_headline_goes(rating: str) -> None:
    page = f"Fact check\nNo, the Izmail ferry was not sunk by a naval drone\n{rating}\n\n{BODY}\n\n{MORE}\n"
    assert texts(page) == ["No, the Izmail ferry was not sunk by a naval drone", BODY, MORE]


def test_a_headline_with_verdict_as_its_label_keeps_its_words() -> None:
    statements = texts(f"Verdict: the court backs the port lease\n\n{BODY}\n\n{MORE}\n")
    assert any("the court backs the port lease" in s for s in statements)


# --- a video's title under its player -------------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["VIDEO 02:47", "Watch · 1:15", "▶ 04:09", "Video, 3:20"])
def test_a_videos_title_under_its_player_goes(marker: str) -> None:
    page = f"{HEADLINE}\n\n{BODY}\n\n{marker}\n\nWhat the ferry crossings mean for Odesa's grain\n\n{MORE}\n\n{LAST}\n"
    assert texts(page) == NEWS


def test_a_sub_head_between_paragraphs_with_no_player_stays() -> None:
    subhead = "What the ferry crossings mean for Odesa's grain"
    page = f"{HEADLINE}\n\n{BODY}\n\n{subhead}\n\n{MORE}\n\n{LAST}\n"
    assert texts(page) == [HEADLINE, BODY, subhead, MORE, LAST]


# --- a caption and its credit in capitals, each set apart -------------------------------------------------------


def test_a_caption_and_its_credit_in_capitals_set_apart_go() -> None:
    caption = "A truck driver waits for the ferry at the Isaccea crossing on Tuesday."
    page = f"{HEADLINE}\n\n{BODY}\n\n{caption}\n\nMARTA LIND, THE HARBOUR LEDGER\n\n{MORE}\n\n{LAST}\n"
    assert texts(page) == NEWS


def test_a_sentence_in_the_past_above_a_credit_stays() -> None:
    line = "The first ferry crossed at dawn with 40 trucks, the port said."
    page = f"{HEADLINE}\n\n{BODY}\n\n{line}\n\nMARTA LIND, THE HARBOUR LEDGER\n\n{MORE}\n\n{LAST}\n"
    assert texts(page) == [HEADLINE, BODY, line, MORE, LAST]


# --- bylines, labels and counters -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Ian Cole Harbour Post Staff",
        "Marta Lind Staff Writer",
        "Members only",
        "Premium only",
        "Full coverage: Danube crossings",
        "More coverage: the war in Ukraine",
        "Episode 48",
        "Season 2, Episode 7",
        "0",
    ],
)
@pytest.mark.parametrize("where", WHERE)
def test_bylines_labels_and_counters_go(line: str, where: str) -> None:
    assert texts(page_with(line, where)) == NEWS


@pytest.mark.parametrize(
    "line",
    [
        "Members only voted for the bill after a long debate in the regional council.",
        "0 of them returned to the port before the curfew, the border guards said.",
        "Episode 48 of the talks ended without a date for the next round, the mediators said.",
    ],
)
@pytest.mark.parametrize("where", WHERE)
def test_sentences_that_start_with_those_words_stay(line: str, where: str) -> None:
    assert texts(page_with(line, where)) == news_with(line, where)


@pytest.mark.parametrize("headline", ["Ukraine Replaces Military Staff", "Army Names New Chief of Staff"])
def test_a_headline_that_ends_in_staff_stays(headline: str) -> None:
    assert texts(f"{headline}\n\n{BODY}\n\n{MORE}\n") == [headline, BODY, MORE]


def test_a_shows_name_and_its_episode_number_go() -> None:
    page = f"NIGHT DESK — Episode 48\n\nCan the ferries keep running?\n\n{BODY}\n\n{MORE}\n"
    assert texts(page) == ["Can the ferries keep running?", BODY, MORE]


# --- transcripts: a speaker with a rank in brackets, the date, time and place -------------------------------------


def test_a_speaker_with_a_rank_in_brackets_is_cut_off() -> None:
    page = (
        "HOST: General, welcome back.\n\nGEN. (RET.) OLAF BRENNER: Thanks for having me.\n\n"
        "HOST: Can the ferries keep running?\n\nGEN. (RET.) OLAF BRENNER: As long as the air defence holds.\n"
    )
    assert texts(page) == [
        "General, welcome back.",
        "Thanks for having me.",
        "Can the ferries keep running?",
        "As long as the air defence holds.",
    ]


def test_a_rank_in_brackets_inside_a_sentence_stays() -> None:
    paragraph = f"{BODY} Gen. (Ret.) Olaf Brenner said the line was too long to watch."
    assert texts(f"{HEADLINE}\n\n{paragraph}\n") == [
        HEADLINE,
        BODY,
        "Gen. (Ret.) Olaf Brenner said the line was too long to watch.",
    ]


@pytest.mark.parametrize(
    "stamp", ["3 June 2026, 11:00 Novo-Ogaryovo, Moscow Region", "November 4, 2026, 16:45 The Kremlin, Moscow"]
)
def test_a_transcripts_date_time_and_place_go(stamp: str) -> None:
    page = f"Meeting with the heads of the river ports\n\n{stamp}\n\n{BODY}\n\n{MORE}\n"
    assert texts(page) == ["Meeting with the heads of the river ports", BODY, MORE]


def test_a_sentence_with_a_date_time_and_place_stays() -> None:
    line = "On 3 June 2026, at 11:00 Kyiv time, the talks resumed in Geneva."
    assert texts(page_with(line, "between")) == news_with(line, "between")


# --- an address's closing exclamation -------------------------------------------------------------------------

ADDRESS = [
    "Today I spoke with the leaders of Moldova and Romania about the ferries on the Danube and the grain they carry.",
    "Every crossing that runs is a school that stays open in Odesa, and we will protect each one of them.",
]


def test_an_address_that_opens_with_its_salutation_keeps_its_closing_exclamation() -> None:
    body = "\n\n".join(ADDRESS)
    page = f"Address on the Danube crossings\n\nFellow citizens!\n\n{body}\n\nGlory to the river!\n"
    assert texts(page) == [
        "Address on the Danube crossings",
        "Fellow citizens!",
        *ADDRESS,
        "Glory to the river!",
    ]


def test_a_channels_sign_off_after_the_body_still_goes() -> None:
    body = "\n\n".join(ADDRESS)
    assert texts(f"Ferries on the Danube\n\n{body}\n\nStay with us!\n") == ["Ferries on the Danube", *ADDRESS]
    page = f"Ferries on the Danube\n\nDear compatriots!\n\n{body}\n\nGlory to Odesa! Glory to the crews!\n"
    assert texts(page) == ["Ferries on the Danube", "Dear compatriots!", *ADDRESS]
