"""Segmentation rules of round 12: the kinds of error that the held-out split test8 showed.

Reader comments under a name and a time, site talk in short lines, a live page's key events, photo-story
credits, advertisements under their label, a glued closing and opening quote, a chair's one-word reply, an
emoji before a headline, a section label under the headline, a Nordic time stamp, a byline "with agencies"
(see docs/segmentation.md, "Round 12"). Each rule has a test that it fixes and a look-alike that it must not
break; every text is written for these tests, in wordings that are in none of the benchmark pages.
"""

from __future__ import annotations

import pytest
from conftest import page_with_line
from conftest import segmented_texts as texts

from stanceclf.segment import is_furniture

HEADLINE = "Romania offers the port of Constanța for a new round of Black Sea shipping talks"
BODY = "Romanian officials said on Wednesday that the harbour master's building could host both delegations."
MORE = "Kyiv welcomed the offer, while Moscow said it would reply through the Romanian embassy next week."
LAST = "No date has been set, and the foreign ministry in Bucharest would not name the mediators it had invited."

NEWS = [HEADLINE, BODY, MORE, LAST]


def page_with(line: str, where: str = "after") -> str:
    return page_with_line(NEWS, line, where)


# --- reader comments under a name and a time, or with their buttons ------------------------------------------


def test_comments_under_a_readers_name_and_a_time_stamp_go() -> None:
    page = (
        f"{HEADLINE}\n\n{BODY}\n{MORE}\n\n"
        "Comments (5)\n"
        "Log in to leave a comment.\n"
        "dan.petrescu yesterday, 19:45\n"
        "The ministry promised the same ferry last winter.\n"
        "Reply\n"
        "portwatcher_88 | 2 December 2026, 21:02\n"
        "The ferry from Galați has not sailed for a week and nobody explains why.\n"
        "Reply\n"
        "Ioana M. today, 08:12\n"
        "Every year they promise the same terminal.\n"
        "Reply\n"
        "Show more comments\n"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_comments_known_by_their_reply_buttons_go() -> None:
    page = (
        f"{HEADLINE}\n\n{BODY}\n{MORE}\n\n"
        "Comments (2)\n"
        "Sorin V.\n"
        "Good that somebody finally asked the port workers.\n"
        "Answer · 7\n"
        "marinar_71\n"
        "Talks, talks and more talks.\n"
        "Answer · 2\n"
        "Write a comment...\n"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_a_name_and_a_time_in_the_body_is_news() -> None:
    line = "Radu Ilie today, at 10:00 local time, opened the session in Constanța."
    assert texts(page_with(line, "between"))[2] == line
    # no comments heading above: the reader's shape alone drops nothing
    assert texts(f"{BODY}\n\nComments by the minister yesterday, 19:45 local time, angered Moscow.") == [
        BODY,
        "Comments by the minister yesterday, 19:45 local time, angered Moscow.",
    ]


def test_a_comments_heading_without_comments_under_it_drops_no_body_text() -> None:
    page = f"{BODY}\n\nComments (2)\n\n{MORE}\n\n{LAST}\n"
    assert texts(page) == [BODY, MORE, LAST]


# --- site talk in short lines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Liked this article? Pass it on to a colleague!",
        "Support Dunărea Post's independent journalism",
        "Watch Prut TV on YouTube and in our app",
        "Riverwire collects stories from hundreds of outlets. Summaries are written automatically from each text.",
        "This interview is for subscribers only.",
        "You've reached your monthly limit of free stories.",
        "Our live coverage is now over. Thanks for staying with us.",
        "Did you see the blackout? Send us your videos and we will publish the best ones.",
        "Noticed a claim we should look into? Write to factdesk@deltaweekly.example.",
        "Like what you read? Support our newsroom today.",
        "This live page is no longer being updated.",
        "Thanks for following our live coverage.",
        "This content is available to subscribers only.",
        "We are on Telegram. Subscribe!",
        "Published in sections: News, Interviews",
        "Back to the list",
        "The editors' choice",
        "Key moments",
    ],
)
def test_site_talk_in_a_short_line_goes(line: str) -> None:
    for where in ("after", "between"):
        assert texts(page_with(line, where)) == NEWS


@pytest.mark.parametrize(
    "line",
    [
        "Support for the Constanța deal grew after Monday's vote, the survey showed.",
        "Independent reporting from the port was banned on Monday, the union said.",
        "Officials shared the shipping figures with agencies in Brussels and Ankara.",
        "The summaries of the talks were written by the Turkish hosts.",
        "Romania will send us more gas this winter, the Moldovan minister said.",
        "This analysis of the port's finances was published by the audit office on Tuesday.",
        "The live broadcast from the port was interrupted twice on Tuesday.",
        "Thanks for following the talks so closely, the envoy told the Romanian hosts.",
        "The ministry's page on the corridor is no longer updated, shipping agents complained on Tuesday.",
        "We are on the brink of a deal on the berths, the Romanian negotiator told the Moldovan delegation.",
        "Back to the list of berths, the harbour master read out the names of eleven tankers.",
        "Key moments of the talks were filmed by Romanian state television.",
    ],
)
def test_news_with_the_words_of_site_talk_stays(line: str) -> None:
    for where in ("after", "between"):
        assert line in texts(page_with(line, where))


def test_a_question_to_the_reader_alone_is_news() -> None:
    line = "Did you see the convoy leave the port, Minister?"
    assert texts(page_with(line, "between"))[2] == line
    line = "Seen from Chisinau, the transit deal looks like a lifeline, and officials say so openly."
    assert texts(page_with(line, "between"))[2] == line


def test_a_company_line_after_the_body_goes_and_the_same_in_the_body_stays() -> None:
    footer = "Dunărea Post is part of Delta Coast Media Holdings Ltd. Registered in Romania."
    page = f"{HEADLINE}\n\n{BODY}\n\n{MORE}\n\nLoad more\n{footer}\n"
    assert texts(page) == [HEADLINE, BODY, MORE]
    news = "Transgaz is part of the Romanian Gas Group."
    assert texts(f"{HEADLINE}\n\n{BODY}\n\n{news}\n") == [HEADLINE, BODY, news]


def test_a_live_pages_sign_off_is_cut_off_the_news_after_it() -> None:
    paragraph = (
        "That is where we will leave our coverage for today. "
        "The ministers meet again on Thursday in Constanța, a spokesman said."
    )
    assert texts(page_with(paragraph, "between"))[2] == (
        "The ministers meet again on Thursday in Constanța, a spokesman said."
    )


def test_a_site_talk_paragraph_with_no_news_after_it_still_goes() -> None:
    paragraph = "That is where we will leave our coverage for today. Thank you for staying with us."
    assert texts(page_with(paragraph, "between")) == NEWS
    notice = (
        "Delta Weekly uses cookies to improve your experience. According to our policy, you can opt out at any time."
    )
    assert texts(page_with(notice, "between")) == NEWS


# --- a live page's key events ---------------------------------------------------------------------------------


def test_a_live_pages_key_events_go() -> None:
    page = (
        f"{HEADLINE}\n\n"
        "Key events\n"
        "• 16:05 Bucharest names Constanța harbour as the venue\n"
        "• 11:30 Welcome to our coverage\n"
        "• 3h ago Kyiv confirms its delegation\n\n"
        f"16:05\n\n{BODY}\n\n11:30\n\n{MORE}\n"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_a_sentence_that_starts_with_a_time_and_a_timetables_items_stay() -> None:
    line = "09:30 The delegations arrived at the harbour master's building, the ministry said."
    assert texts(page_with(line, "between"))[2] == line
    programme = "The ministry published the programme:\n• 09:30 arrival of the delegations;\n• 10:15 opening session."
    assert texts(programme) == [
        "The ministry published the programme:",
        "09:30 arrival of the delegations;",
        "10:15 opening session.",
    ]


# --- photo stories: credits, captions, advertisements ---------------------------------------------------------


@pytest.mark.parametrize("line", ["Photographs and text by Corina Munteanu", "Text and photos by Corina Munteanu"])
def test_a_photo_storys_credit_goes(line: str) -> None:
    assert is_furniture(line)
    assert texts(page_with(line, "under")) == NEWS


def test_a_photographers_credit_for_the_paper_takes_its_caption() -> None:
    page = (
        f"{HEADLINE}\n\n{BODY}\n\n"
        "Dockers unload grain sacks at the third berth of the port.\n"
        "Corina Munteanu for Delta Weekly\n\n"
        f"{MORE}\n\n{LAST}\n"
    )
    assert texts(page) == NEWS


def test_a_title_case_headline_with_for_stays() -> None:
    page = f"Support Grows for Constanța Deal\n\n{BODY}\n\n{MORE}\n"
    assert texts(page) == ["Support Grows for Constanța Deal", BODY, MORE]
    # under a sentence of news in the past tense, the same line is no credit either
    assert "Bucharest Bids for Grain Hub" in texts(
        f"{BODY}\n\nThe port authority signed the lease on Monday.\nBucharest Bids for Grain Hub\n\n{MORE}\n"
    )


@pytest.mark.parametrize(
    "label, ad",
    [
        ("Advertisement", "Winter tyres fitted at half price in Iași until Sunday"),
        ("Sponsored · Carpathia Travel", "Book your Danube cruise in three clicks"),
        ("Advertising", "Give Delta Weekly to a friend: 6 issues for €15."),
        ("PROMO", "Open a savings account at 9% a year with Prut Bank"),
    ],
)
def test_an_advertisement_under_its_label_goes(label: str, ad: str) -> None:
    page = f"DELTA WEEKLY\n{label}\n{ad}\n\n{HEADLINE}\n\n{BODY}\n\n{MORE}\n"
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_an_offer_with_its_price_over_a_blank_line_under_its_label_goes() -> None:
    page = (
        f"{HEADLINE}\n\n{BODY}\n\nSponsored\n\nFly Iași–Vienna from 49 EUR. Book by Sunday for a free seat choice.\n\n"
        f"Port Daily · 2 h ago\n\nFerry operators cut fares on the Danube as demand falls\n\n{MORE}\n"
    )
    assert texts(page) == [HEADLINE, BODY, "Ferry operators cut fares on the Danube as demand falls", MORE]


def test_body_text_over_a_blank_line_under_an_advertisement_label_stays() -> None:
    line = "Kyiv says it will send a delegation to Constanța next week."
    assert texts(f"{HEADLINE}\n\n{BODY}\n\nAdvertisement\n\n{line}\n\n{MORE}\n") == [HEADLINE, BODY, line, MORE]


def test_body_text_right_under_an_advertisement_label_stays() -> None:
    line = "The port authority said the third berth would reopen on Friday."
    assert texts(f"{HEADLINE}\n\n{BODY}\n\nADVERTISEMENT\n{line}\n\n{MORE}\n") == [HEADLINE, BODY, line, MORE]
    # a paragraph that runs on under the label (no blank line after the first line) is body text too
    assert texts(f"{HEADLINE}\n\n{BODY}\n\nAdvertisement\nShips wait outside the harbour\n{MORE}\n") == [
        HEADLINE,
        BODY,
        "Ships wait outside the harbour",
        MORE,
    ]


def test_an_interface_line_of_save_and_hide_goes() -> None:
    assert is_furniture("Save  Hide this source")
    line = "Hide the source of the leak, the order said."
    assert texts(page_with(line, "between"))[2] == line


# --- bylines, stamps, weather ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Corina Munteanu with agencies",
        "Radu Ilie and agencies",
        "Ana Lupu with wires",
        "Delta Weekly staff and agencies",
    ],
)
def test_a_byline_with_agencies_goes(line: str) -> None:
    assert is_furniture(line)
    assert texts(page_with(line, "under")) == NEWS


def test_a_sentence_with_agencies_stays() -> None:
    line = "The ministry shares its shipping data with agencies in Brussels."
    assert texts(page_with(line, "between"))[2] == line


@pytest.mark.parametrize(
    "line",
    [
        "Aarhus  ·  03.12.2026 kl. 09:40",
        "Tampere · 3.12.2026 klo 9.40",
        "3.12.2026, 09:40 Uhr",
        "Odense, 3. december 2026 kl. 09.40",
        "Uppsala 3 dec 2026 kl 09.40",
    ],
)
def test_a_nordic_or_german_time_stamp_goes(line: str) -> None:
    assert texts(page_with(line, "under")) == NEWS


def test_a_place_and_a_figure_with_a_stop_stay() -> None:
    headline = "Constanța 2.50 million tonnes of grain shipped in November"
    assert texts(f"{headline}\n\n{BODY}\n") == [headline, BODY]


@pytest.mark.parametrize("line", ["Weather: +2°C, rain", "Weather in Iași: −11 °C, clear"])
def test_a_labelled_weather_box_goes(line: str) -> None:
    assert texts(page_with(line, "under")) == NEWS


def test_a_weather_headline_stays() -> None:
    headline = "Weather chaos: −20°C grips Moldova as the grid strains"
    assert texts(f"{headline}\n\n{BODY}\n") == [headline, BODY]


# --- headlines: an emoji, a section label -----------------------------------------------------------------------


def test_an_emoji_before_a_headline_is_cut() -> None:
    assert texts(f"🟢 Bucharest and Chisinau sign a gas transit memorandum\n\n{BODY}\n") == [
        "Bucharest and Chisinau sign a gas transit memorandum",
        BODY,
    ]


def test_a_section_label_under_the_headline_goes() -> None:
    page = f"{HEADLINE}\nEurope & Eurasia\n3 Dec, 2026 11:05\n\n{BODY}\n\n{MORE}\n"
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_a_short_deck_in_sentence_case_and_a_two_word_headline_stay() -> None:
    assert texts(f"{HEADLINE}\nFerries still idle\n\n{BODY}\n") == [HEADLINE, "Ferries still idle", BODY]
    assert texts(f"DELTA WEEKLY\nGas deal signed\n\n{BODY}\n") == ["Gas deal signed", BODY]


# --- sentence boundaries: glued quotes, one-word replies --------------------------------------------------------


def test_a_glued_closing_quote_met_by_an_opening_one_splits_between_them() -> None:
    text = (
        'The envoy said the plan was "a step towards Chisinau.""We will see in March," she added.'
        "The U.S. delegation, led by J. R. Hale, sat in the No. 2 row."
    )
    assert texts(text) == [
        'The envoy said the plan was "a step towards Chisinau."',
        '"We will see in March," she added.',
        "The U.S. delegation, led by J. R. Hale, sat in the No. 2 row.",
    ]


def test_a_glued_quote_that_closes_alone_still_goes_with_its_sentence() -> None:
    assert texts('Talks ended on Friday."Our position is the same," the envoy said.') == [
        "Talks ended on Friday.",
        '"Our position is the same," the envoy said.',
    ]


@pytest.mark.parametrize("reply", ["Good.", "Fine.", "Understood."])
def test_a_chairs_one_word_reply_is_a_statement_of_its_own(reply: str) -> None:
    text = f"V. Ionescu: The second item is the insurance of the tankers.\nM. Rusu: {reply} We move to the next item."
    assert texts(text)[-2:] == [reply, "We move to the next item."]


def test_a_one_word_reply_inside_a_quote_stays_with_its_sentence() -> None:
    line = '"Good. We sign on Thursday," the Moldovan envoy told reporters.'
    assert texts(line) == [line]
    assert texts("Meanwhile. The envoy flew on to Iași.") == ["Meanwhile. The envoy flew on to Iași."]


# --- a speech's last exclamation --------------------------------------------------------------------------------


def test_one_exclamation_right_under_the_last_paragraph_ends_the_speech() -> None:
    speech = f"{BODY}\n{MORE}\nLong live free Moldova!\n\nShare:\nFacebook\n"
    assert texts(speech) == [BODY, MORE, "Long live free Moldova!"]
    # set apart by a blank line, or two of them, it is a channel's sign-off
    assert texts(f"{BODY}\n{MORE}\n\nLong live free Moldova!\n\nShare:\n") == [BODY, MORE]
    assert texts(f"{BODY}\n{MORE}\nStay safe! Stay with us!\n") == [BODY, MORE]


# --- HTML: an item's own bullet sign -----------------------------------------------------------------------------


def test_html_list_items_with_their_own_bullet_sign_give_one_statement_each() -> None:
    pytest.importorskip("trafilatura")
    from stanceclf.extract import extract_html

    paragraphs = "".join(f"<p>{p}</p>" for p in (BODY, MORE))
    items = "".join(
        f'<li><span class="dot">•</span> {item}</li>'
        for item in ("a pause in strikes on the ports;", "the release of two detained crews;", "a neutral pilot.")
    )
    html = (
        "<html><head><title>Port talks</title></head><body><article><h1>Port talks</h1>"
        f"{paragraphs}<p>The Romanian side set out three conditions for the next round:</p><ul>{items}</ul>"
        f"<p>{LAST}</p></article></body></html>"
    )
    statements = texts(extract_html(html).text)
    assert statements[-5:] == [
        "The Romanian side set out three conditions for the next round:",
        "a pause in strikes on the ports;",
        "the release of two detained crews;",
        "a neutral pilot.",
        LAST,
    ]
