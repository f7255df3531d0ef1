"""Segmentation rules of round 8: kinds of furniture that real copied pages have and the benchmark rarely does.

Footnote marks that hid a line's stop, an embedded post's age after a separator, captions with no credit
line (under a gallery's counter, above a credit in the present tense, after a caption's prefix such as
"Pictured:"), reader polls, newsletter boxes, a site's tagline above the headline, a briefing's single topic
heading, a headline under a menu that fills a wrapped text's width, a byline alone on its line, a headline
wrapped onto a lower-case line (with CRLF line ends too), bylines of a name and a place, weather boxes,
language links and a site's address. Each rule has a test that it fixes and one that it must not break;
every text is written for these tests, in wordings that are in none of the benchmark pages.
"""

from __future__ import annotations

import pytest
from conftest import segmented_texts as texts

from stanceclf.segment import is_furniture

HEADLINE = "Ankara offers to host a fourth round of prisoner talks before the new year"
BODY = "Turkish officials told both delegations on Monday that a venue on the Bosphorus could be ready within days."
MORE = "Kyiv welcomed the offer, while Moscow said it would study the proposal and reply through the Turkish side."
LAST = "No date has been set, and the Turkish foreign ministry declined to comment on the timing on Tuesday evening."


# --- footnote marks: a sentence still ends at its stop -------------------------------------------------


def test_a_paragraph_whose_stop_carries_a_footnote_mark_is_body_text():
    page = (
        "Analysis\n\n"
        f"{HEADLINE}\n\n"
        "A freeze along the present line would leave the port towns of the south in reach of artillery.[4]\n\n"
        "Grain traders say insurance costs would halve within a month of a truce.³\n"
    )
    assert texts(page) == [
        HEADLINE,
        "A freeze along the present line would leave the port towns of the south in reach of artillery.",
        "Grain traders say insurance costs would halve within a month of a truce.",
    ]


def test_a_number_after_a_stop_inside_a_sentence_is_no_footnote():
    assert texts(f"{HEADLINE}\nThe plan has 2.5 stages, the envoy said, and 3.4 billion euros behind it.") == [
        HEADLINE,
        "The plan has 2.5 stages, the envoy said, and 3.4 billion euros behind it.",
    ]


# --- an embedded post's age after a separator ------------------------------------------------------------


@pytest.mark.parametrize("line", ["· 3h", "• 12m", "| 2 Dec 2026"])
def test_a_stamp_after_a_separator_is_furniture(line):
    assert is_furniture(line)
    assert texts(f"{HEADLINE}\n{BODY}\nMarta Holub\n@marta_holub\n{line}\n{MORE}") == [HEADLINE, BODY, MORE]


def test_a_bullet_before_a_number_that_says_something_stays():
    page = f"{HEADLINE}\nThe offer has two parts:\n• 300 prisoners on each side;\n• a second round in January."
    assert texts(page)[-2:] == ["300 prisoners on each side;", "a second round in January."]


# --- captions without a credit line -------------------------------------------------------------------


def test_the_caption_under_a_gallerys_counter_goes():
    page = (
        f"{HEADLINE}\n\n{BODY}\n\n"
        "Photo 4 of 9\n"
        "A ferry waits at the quay in Karakoy as officials inspect the venue\n\n"
        "Slide 5 of 9\n"
        "Security staff check the conference hall.\n\n"
        f"{MORE}\n"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_a_sentence_that_reports_speech_under_a_counter_stays():
    page = f"{HEADLINE}\n\nImage 2 of 5\n\n{BODY}\n\n{MORE}\n"
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_a_present_tense_caption_above_its_credit_goes():
    page = (
        f"{HEADLINE}\n{BODY}\n"
        "Delegates gather in the hall of the Ciragan palace ahead of the first session.\n"
        "REUTERS/Selin Aydemir\n"
        f"{MORE}\n"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


@pytest.mark.parametrize(
    "above",
    [
        "The talks resumed on Monday after a pause of six weeks.",  # the past tense: news
        "The venue has not been chosen yet.",  # a negation
        "Turkish officials say the hall is ready.",  # speech
        "\u201cWe are ready,\u201d one delegate told the crowd.",  # a quote
    ],
)
def test_news_above_a_credit_stays(above):
    assert texts(f"{HEADLINE}\n{above}\nREUTERS/Selin Aydemir\n{MORE}") == [HEADLINE, above, MORE]


def test_a_sentence_above_a_bracketed_source_stays():
    # "(Writing by ...)" and "(Naftogaz)" can be a byline or a source, not a photo's credit.
    above = "Talks go on in the hall today."
    assert texts(f"{HEADLINE}\n{above}\n(Writing by Deniz Kaya)\n{MORE}") == [HEADLINE, above, MORE]


@pytest.mark.parametrize(
    "line",
    [
        "Pictured: the delegations at the Ciragan palace",
        "From left: Fidan, Sybiha and Lavrov",
        "Above: the ferry terminal in Karakoy",
        "Alt text: Two men shake hands in front of a window",
        "Image description: A ferry at a quay",
    ],
)
def test_a_captions_prefix_marks_it_as_furniture(line):
    assert is_furniture(line)
    assert texts(f"{HEADLINE}\n{BODY}\n{line}\n{MORE}") == [HEADLINE, BODY, MORE]


def test_a_caption_that_ends_with_photograph_and_its_credit_goes():
    line = "Hakan Fidan greets the delegations in Istanbul on Monday. Photograph: Selin Aydemir/Reuters"
    assert is_furniture(line)
    assert texts(f"{HEADLINE}\n{line}\n{BODY}") == [HEADLINE, BODY]


def test_a_sentence_that_merely_starts_like_a_caption_stays():
    sentence = "Left to itself, the mediation would have collapsed in October, a diplomat said."
    assert texts(f"{HEADLINE}\n{sentence}\n{BODY}") == [HEADLINE, sentence, BODY]


# --- polls and newsletter boxes -------------------------------------------------------------------------


def test_a_reader_poll_goes_with_its_question_and_answers():
    page = (
        f"{HEADLINE}\n\n{BODY}\n\n"
        "Quick poll\n"
        "Will the talks in Istanbul bring a prisoner exchange?\n"
        "Yes\nNo\nHard to say\n"
        "See results\n\n"
        f"{MORE}\n"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_a_question_in_the_body_stays():
    question = "Will the talks in Istanbul bring a prisoner exchange?"
    assert texts(f"{HEADLINE}\n\n{BODY}\n\n{question}\n\n{MORE}") == [HEADLINE, BODY, question, MORE]


def test_a_newsletter_box_goes():
    page = (
        f"{HEADLINE}\n\n{BODY}\n\n"
        "Get our evening digest\n"
        "The day's diplomacy, delivered every weekday at six.\n"
        "Sign up\n\n"
        f"{MORE}\n"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_news_about_a_delivery_stays():
    sentence = "The first grain was delivered every morning by lorries from Odesa, the traders said."
    assert texts(f"{HEADLINE}\n{sentence}") == [HEADLINE, sentence]


# --- the site's tagline above the headline -------------------------------------------------------------


@pytest.mark.parametrize(
    "tagline",
    [
        "Independent journalism from the Black Sea coast",
        "Reporting the region since 1996",
        "Your daily news from the capital",
        "News of the city and the region",
    ],
)
def test_a_sites_tagline_above_the_headline_goes(tagline):
    page = f"The Bosphorus Courier\n{tagline}\n{HEADLINE}\n{BODY}\n{MORE}"
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_a_headline_about_news_above_its_deck_stays():
    headline = "Ankara welcomes news of a prisoner deal"
    deck = "Turkish officials say both sides have agreed on the lists and the exchange could come within days"
    assert texts(f"Menu\n{headline}\n{deck}\n{BODY}") == [headline, deck, BODY]


# --- a briefing's topic heading in the body --------------------------------------------------------------


def test_a_single_topic_heading_in_a_briefing_goes():
    page = f"{HEADLINE}\n\n{BODY}\n\nRegarding the exchange of prisoners\n\n{MORE}\n"
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_a_sentence_that_opens_with_on_stays():
    sentence = "On the exchange of prisoners, the sides are close."
    assert texts(f"{HEADLINE}\n\n{BODY}\n\n{sentence}\n\n{MORE}\n") == [HEADLINE, BODY, sentence, MORE]


def test_a_headline_that_opens_with_on_stays_above_the_body():
    headline = "On the ferry to Istanbul with the delegation"
    assert texts(f"{headline}\n\n{BODY}") == [headline, BODY]


# --- wrapped text: a headline under a menu, a byline alone, a headline wrapped -------------------------------


def test_a_headline_under_a_menu_is_not_carried_on_by_the_wrap_width():
    page = (
        "BOSPHORUS COURIER \u00b7 Istanbul news\n"
        "World | Turkey | Economy | Culture | Weather\n"
        "Ankara offers to host fourth round of prisoner talks before new year\n"
        "Turkish officials told both delegations on Monday that a venue on the\n"
        "Bosphorus could be ready within days, the foreign ministry said in a\n"
        "statement released late in the evening.\n"
        "Kyiv welcomed the offer, while Moscow said it would study the proposal\n"
        "and reply through the Turkish side in the coming days, officials said.\n"
    )
    assert [" ".join(t.split()) for t in texts(page)] == [
        "Ankara offers to host fourth round of prisoner talks before new year",
        "Turkish officials told both delegations on Monday that a venue on the Bosphorus could be ready within "
        "days, the foreign ministry said in a statement released late in the evening.",
        "Kyiv welcomed the offer, while Moscow said it would study the proposal and reply through the Turkish "
        "side in the coming days, officials said.",
    ]


def test_a_wrapped_paragraph_still_runs_on_over_a_capital():
    page = (
        "Turkish officials told both delegations on Monday that a venue on the\n"
        "Bosphorus could be ready within days, the foreign ministry said in a\n"
        "statement released late in the evening, adding that the delegations\n"
        "Kyiv and Moscow had named would be housed in separate hotels nearby.\n"
    )
    assert len(texts(page)) == 1


def test_a_byline_alone_on_its_line_is_not_the_headline_carried_on():
    page = f"Ankara offers to host a fourth round\nby Deniz Kaya and Olena Marchuk\n{BODY}"
    assert texts(page) == ["Ankara offers to host a fourth round", BODY]


def test_a_sentence_wrapped_before_by_runs_on():
    page = "The venue was chosen\nby Hakan Fidan and the Swiss envoy after a long call.\n"
    assert texts(page) == ["The venue was chosen\nby Hakan Fidan and the Swiss envoy after a long call."]


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_a_headline_wrapped_onto_a_lower_case_line_stays_whole(end):
    page = end.join(["Ankara says it is ready", "for prisoner talks", "", BODY, ""])
    assert [t.replace("\r\n", "\n") for t in texts(page)] == ["Ankara says it is ready\nfor prisoner talks", BODY]


def test_a_sites_address_under_a_headline_is_not_carried_on():
    assert texts(f"{HEADLINE}\nmfa.gov.tr\n{BODY}") == [HEADLINE, BODY]


def test_a_sentence_that_ends_with_an_address_stays():
    sentence = "The ministry put the full text of the offer on its website, www.mfa.gov.tr."
    assert texts(f"{HEADLINE}\n{sentence}\n{BODY}") == [HEADLINE, sentence, BODY]


def test_a_short_line_that_is_only_a_link_goes():
    assert texts(f"{HEADLINE}\n{BODY}\nFull statement: https://www.mfa.gov.tr/offer\n{MORE}") == [HEADLINE, BODY, MORE]


# --- bylines, places, widgets -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["Deniz Kaya, Istanbul", "Olʼena Marchuk, Izmail", "Izmir, Turkey", "By Deniz Kaya on 1 December 2026"],
)
def test_a_name_and_its_place_above_the_body_is_no_headline(line):
    assert texts(f"{HEADLINE}\n{line}\n{BODY}") == [HEADLINE, BODY]


def test_a_title_case_headline_of_four_words_with_a_comma_stays():
    headline = "Ankara Offers Talks Venue, Kyiv Agrees To Date"
    assert texts(f"{headline}\n{BODY}") == [headline, BODY]


@pytest.mark.parametrize("line", ["+4 °C Izmail", "Istanbul 11°C", "−12°C"])
def test_a_weather_box_goes(line):
    assert is_furniture(line)
    assert texts(f"{line}\n{HEADLINE}\n{BODY}") == [HEADLINE, BODY]


def test_a_headline_with_a_temperature_stays():
    headline = "Izmail shivers at −12°C as the power goes out"
    assert texts(f"{headline}\n{BODY}") == [headline, BODY]


@pytest.mark.parametrize(
    "line",
    [
        "This article is also available in Ukrainian",
        "Read this story in Turkish",
        "Do not sell or share my personal information",
        "Please turn on JavaScript to watch this video",
    ],
)
def test_site_talk_about_the_page_goes(line):
    assert texts(f"{HEADLINE}\n{BODY}\n{line}\n{MORE}\n{LAST}") == [HEADLINE, BODY, MORE, LAST]


def test_news_about_a_translation_or_personal_data_stays():
    sentence = "The treaty is also available in Ukrainian and Russian, and neither side will sell personal data."
    assert texts(f"{HEADLINE}\n{sentence}") == [HEADLINE, sentence]


def test_a_list_of_top_stories_with_a_number_goes():
    page = (
        f"{HEADLINE}\n{BODY}\n{MORE}\n\n"
        "Top 3 stories\n"
        "1. Black Sea ports reopen after storm\n"
        "2. Lira steadies after rate decision\n"
        "3. Ferry strike called off\n"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_a_bio_with_our_after_the_body_goes():
    bio = "Deniz Kaya is our Istanbul correspondent. She has covered Turkey since 2018."
    page = f"{HEADLINE}\n\n{BODY}\n\nDeniz Kaya\n{bio}\n"
    assert texts(page) == [HEADLINE, BODY]


def test_news_of_a_correspondent_in_the_body_stays():
    sentence = "Deniz Kaya is our Istanbul correspondent, the editor said, and she was detained on Monday."
    assert texts(f"{HEADLINE}\n\n{sentence}\n\n{BODY}") == [HEADLINE, sentence, BODY]


# --- a reporter in a place, a subscription offer, a slogan above the headline ---------------------------------


def test_a_reporter_in_a_place_under_the_headline_is_no_headline():
    assert texts(f"{HEADLINE}\nDeniz Kaya in Izmir\nPublished 2 December 2026\n{BODY}") == [HEADLINE, BODY]


def test_a_short_headline_with_in_stays():
    headline = "Fidan in Kyiv"
    assert texts(f"{headline}\n{BODY}") == [headline, BODY]


@pytest.mark.parametrize(
    "line",
    [
        "Just $2 for 8 weeks",
        "Then €59 per month.",
        "Cancel anytime.",
        "Full digital access to award-winning journalism on any device.",
    ],
)
def test_a_subscription_offer_goes(line):
    assert texts(f"{HEADLINE}\n{BODY}\n{MORE}\nSubscribe to read on\n{line}") == [HEADLINE, BODY, MORE]


def test_news_of_prices_and_cancellations_stays():
    sentence = "Then $40 per barrel became the floor, and the ministry said it could cancel at any moment."
    assert texts(f"{HEADLINE}\n{sentence}") == [HEADLINE, sentence]


def test_a_slogan_in_short_sentences_above_the_headline_goes():
    assert texts(f"Straight talk. Every day.\n{HEADLINE}\n{BODY}") == [HEADLINE, BODY]


def test_a_short_sentence_under_the_headline_stays():
    assert texts(f"{HEADLINE}\nTalks resume.\n{BODY}") == [HEADLINE, "Talks resume.", BODY]


# --- interface lines between paragraphs ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Pinned post",
        "Last updated 3 hours ago",
        "Yesterday at 18:40",
        "Now playing",
        "Forwarded from Ankara Desk",
        "Translated from Turkish",
        "Show translation",
        "See original",
        "Dark mode",
        "My account",
        "Cancel reply",
        "Be the first to comment",
        "Your email address will not be published.",
        "Required fields are marked *",
        "Screenshot: Telegram",
        "Video screenshot",
        "Voiced by AI",
        "AI-generated summary",
        "In brief",
        "What's next",
        "Around the web",
        "You might like",
        "From our partners",
        "Get it on Google Play",
        "Download on the App Store",
    ],
)
def test_an_interface_line_between_paragraphs_goes(line):
    assert texts(f"{HEADLINE}\n\n{BODY}\n\n{line}\n\n{MORE}\n") == [HEADLINE, BODY, MORE]


@pytest.mark.parametrize(
    "subhead",
    ["Dark days for the ferry lines", "A brief respite on the coast", "Screenshots of the draft leaked on Monday"],
)
def test_a_sub_head_with_an_interface_word_stays(subhead):
    assert texts(f"{HEADLINE}\n\n{BODY}\n\n{subhead}\n\n{MORE}\n") == [HEADLINE, BODY, subhead, MORE]


# --- an outlet's name after a headline ------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [" – Meduza", " - Kyiv Post", " — Euronews", " - Radio Liberty"])
def test_an_outlets_name_after_the_headline_is_cut_off(suffix):
    assert texts(f"{HEADLINE}{suffix}\n{BODY}") == [HEADLINE, BODY]


def test_an_attribution_after_the_headline_stays():
    headline = "Ankara is ready to host the next round – Fidan"
    assert texts(f"{headline}\n{BODY}") == [headline, BODY]


# --- a caption under a photo's marker -------------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["Photo", "[Image]", "📷"])
def test_a_caption_under_a_photos_marker_goes(marker):
    page = f"{HEADLINE}\n\n{BODY}\n\n{marker}\nA ferry leaves the quay at Karakoy\n\n{MORE}\n"
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_the_headline_under_a_sections_video_marker_stays():
    assert texts(f"Menu\nSearch\nVideo\n{HEADLINE}\n{BODY}") == [HEADLINE, BODY]


def test_news_under_a_photos_marker_stays():
    sentence = "Fidan told reporters the ferry would carry the prisoners."
    assert texts(f"{HEADLINE}\n\n{BODY}\n\nPhoto\n{sentence}\n\n{MORE}\n") == [HEADLINE, BODY, sentence, MORE]


# --- datelines in more styles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dateline",
    [
        "İZMİR, Türkiye — ",
        "BOGOTÁ (wire) - ",
        "ISTANBUL, 1 December 2026, 09:40 — ",
        "ANKARA. Dec 1. TRT. ",
        "Izmir • Anadolu Wire — ",
        "ANKARA/ISTANBUL (dpa) – ",
    ],
)
def test_a_dateline_in_another_style_is_cut_off(dateline):
    assert texts(f"{HEADLINE}\n{dateline}{BODY}") == [HEADLINE, BODY]


@pytest.mark.parametrize(
    "sentence",
    [
        "Türkiye, Qatar and Egypt — the three mediators — met on Monday.",
        "Ankara NATO. That was the phrase one diplomat used for the talks.",
    ],
)
def test_a_sentence_that_starts_with_places_keeps_them(sentence):
    assert texts(f"{HEADLINE}\n{sentence}")[1].split()[:2] == sentence.split()[:2]


# --- notes about the article below the body ------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "This story has been shared 3,410 times.",
        "This material was prepared with the financial support of the Black Sea Media Fund.",
        "Its contents are the sole responsibility of the authors.",
        "Published in partnership with the Aegean Review.",
        "A version of this story first appeared in the Aegean Review.",
        "Clarification: The headline has been changed to reflect the ministry's statement.",
    ],
)
def test_a_note_about_the_article_goes(note):
    assert texts(f"{HEADLINE}\n\n{BODY}\n\n{MORE}\n\n{note}\n") == [HEADLINE, BODY, MORE]


def test_news_about_funding_and_versions_stays():
    sentence = "The draft was prepared with the support of Qatar, and a version of it ran to 40 pages, officials said."
    assert texts(f"{HEADLINE}\n\n{sentence}\n") == [HEADLINE, sentence]


def test_a_lead_above_a_credit_with_a_caption_sentence_below_stays():
    lead = "Ankara is ready to host the talks in a palace on the Bosphorus."
    caption = "A ferry passes the Ciragan palace on the Bosphorus."
    page = f"{HEADLINE}\n{lead}\nREUTERS/Selin Aydemir\n{caption}\n{MORE}"
    assert lead in texts(page)


def test_the_headline_under_the_pages_title_is_not_repeated():
    page = f"{HEADLINE} | Bosphorus Courier\nBosphorus Courier\nWorld  Turkey  Economy\n{HEADLINE}\n{BODY}"
    assert texts(page) == [HEADLINE, BODY]


def test_a_wrapped_first_paragraph_under_a_headline_that_fills_the_width_starts_at_its_dateline():
    page = (
        "Ankara says it will host a fourth round of talks before the new year\n"
        "ISTANBUL, 1 December 2026 – Turkish officials told both delegations that\n"
        "a venue on the Bosphorus could be ready within days, adding that the\n"
        "talks would be held behind closed doors.\n"
        "Kyiv welcomed the offer, while Moscow said it would study the proposal\n"
        "and reply through the Turkish side in the coming days, officials said.\n"
    )
    assert [" ".join(t.split()) for t in texts(page)] == [
        "Ankara says it will host a fourth round of talks before the new year",
        "Turkish officials told both delegations that a venue on the Bosphorus could be ready within days, adding "
        "that the talks would be held behind closed doors.",
        "Kyiv welcomed the offer, while Moscow said it would study the proposal and reply through the Turkish side "
        "in the coming days, officials said.",
    ]


def test_a_wrapped_line_that_starts_with_a_place_runs_on():
    page = (
        "Turkish officials told both delegations on Monday that the mayor of\n"
        "Istanbul, Ekrem Aydin, had offered a hall in the old town for the talks,\n"
        "and that security would be provided by the city police, officials said.\n"
        "Kyiv welcomed the offer, while Moscow said it would study the proposal.\n"
    )
    assert len(texts(page)) == 2


# --- a transcript's stage notes ------------------------------------------------------------------------------


@pytest.mark.parametrize("note", ["(Laughs.)", "[Applause]", "(Crosstalk)"])
def test_a_transcripts_stage_note_goes(note):
    page = f"Q: Why go at all?\nA: Because if we stay away, they say we refused. {note} That is the game.\n{note}\n"
    assert texts(page) == ["Why go at all?", "Because if we stay away, they say we refused.", "That is the game."]


def test_a_sentence_in_brackets_stays():
    page = f"{HEADLINE}\n(The ministry later corrected the figure.) {BODY}"
    assert texts(page) == [HEADLINE, "(The ministry later corrected the figure.)", BODY]


def test_a_sentence_of_what_did_not_happen_under_a_photos_marker_stays():
    sentence = "No date has been set for the talks."
    assert texts(f"{HEADLINE}\n\n{BODY}\n\nPhoto gallery\n\n{sentence}\n") == [HEADLINE, BODY, sentence]


def test_a_numbered_most_read_list_goes_even_before_body_text():
    page = (
        f"{HEADLINE}\n{BODY}\nTrending\n"
        "01 Lira steadies after rate decision\n"
        "02 Ferry strike called off in Izmir\n"
        f"{MORE}\n"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_a_numbered_section_heading_after_a_related_list_stays():
    page = f"{HEADLINE}\n{BODY}\nRelated\nLira steadies after rate decision\n\n2. The venue\n{MORE}\n"
    assert texts(page) == [HEADLINE, BODY, "The venue", MORE]  # its number is cut like a bullet


def test_a_site_name_after_an_agency_tag_leaves_nothing_and_no_error():
    # The tag reads as a dateline ("TPA –") and the rest as a site's name after a headline: nothing is left.
    assert texts("TPA – World News") == []
    assert texts(f"{HEADLINE}\nTPA – World News\n{BODY}") == [HEADLINE, BODY]


# --- datelines alone on their lines, tickers, more site talk --------------------------------------------------


@pytest.mark.parametrize(
    "line", ["IZMIR -", "Ankara (AFP) -", "ISTANBUL, Dec 1 (Reuters) -", "MERSIN, 1 December (Anadolu Wire)."]
)
def test_a_dateline_alone_on_its_line_goes(line):
    assert is_furniture(line)
    assert texts(f"{HEADLINE}\n\n{BODY}\n\n{line}\n\n{MORE}\n") == [HEADLINE, BODY, MORE]


def test_a_headline_that_ends_in_a_dash_stays():
    assert not is_furniture("Ankara responds —")


@pytest.mark.parametrize("line", ["+7 °C USD 41.25 EUR 43.10", "Brent $78.40  Gold $2,410  TRY 34.10 BTC 96,000"])
def test_a_markets_ticker_goes(line):
    assert is_furniture(line)


@pytest.mark.parametrize("headline", ["Oil rises to $78 as Brent tops $80", "Kyiv pays $2 billion for EUR 1.8 billion"])
def test_a_headline_with_prices_stays(headline):
    assert not is_furniture(headline)


@pytest.mark.parametrize(
    "line",
    [
        "Watch the full interview on Bosphorus TV at 21:30",
        "Read the column in Turkish",
        "Read the previous digest",
        "Give this article as a gift",
        "Copying of materials is allowed with a link to the site",
        "Subscribe from ₴99 a month",
        "Cookies on the Bosphorus Courier",
        "Printer-friendly version",
        "Full coverage",
        "Live TV Sign In Subscribe",
    ],
)
def test_more_site_talk_goes(line):
    assert texts(f"{HEADLINE}\n\n{BODY}\n\n{line}\n\n{MORE}\n") == [HEADLINE, BODY, MORE]


def test_news_of_copying_and_gifts_stays():
    sentence = "Copying of the ferry's design is allowed under the treaty, and Ankara will give the hall as a gift."
    assert texts(f"{HEADLINE}\n\n{sentence}\n") == [HEADLINE, sentence]


# --- menus of section names, bylines with a checker, contact and feed lines -----------------------------------


@pytest.mark.parametrize(
    "menu",
    ["News Business Sport Opinion Lifestyle Motoring", "Turkey World Economy Science Sport Regions", "TR EN AR RU"],
)
def test_a_menu_of_section_names_under_the_headline_goes(menu):
    assert texts(f"{HEADLINE}\n{menu}\n{BODY}") == [HEADLINE, BODY]


@pytest.mark.parametrize(
    "headline", ["Russia Strikes Kyiv Power Plants Again", "World Leaders Meet Erdogan In Ankara Today"]
)
def test_a_title_case_headline_with_few_section_words_stays(headline):
    assert texts(f"Menu\n{headline}\n{BODY}") == [headline, BODY]


@pytest.mark.parametrize(
    "line",
    [
        "Published 1 December 2026 | Checked by Deniz Kaya and Olena Marchuk",
        "Kyiv, Ukraine –",
        "MERSIN, April 3. /Anadolu Wire/.",
        "Full version of the site",
        "Do not share or sell my info",
        "Unsubscribe from press mailings",
        "Follow Anadolu Wire on social networks",
        "Repost from @ferry_channel",
        "Reporting from Izmir",
        "Address: 1 Quay Street, Izmir",
        "Subscribers only: download the full shipping outlook (PDF)",
        "TV schedule",
    ],
)
def test_more_furniture_under_the_headline_goes(line):
    assert texts(f"{HEADLINE}\n{line}\n{BODY}") == [HEADLINE, BODY]


def test_a_sentence_about_reporting_from_a_place_stays():
    sentence = "Reporting from Izmir was banned on Monday, the journalists' union said."
    assert texts(f"{HEADLINE}\n{sentence}") == [HEADLINE, sentence]
