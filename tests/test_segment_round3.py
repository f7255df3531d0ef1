"""Segmentation rules of round 3: furniture that round 2 kept as statements, by kind.

Each rule has a test that it fixes and one that it must not break. Every text is written for
these tests, in wordings that are in none of the benchmark pages (other outlets, people, places and
menus), so a rule that memorised a page fails here.
"""

from __future__ import annotations

import pytest
from conftest import segmented_texts as texts

from stanceclf.segment import is_furniture

BODY = "Delegations from both sides spent six hours at a conference centre outside Bern on Monday, diplomats said."
MORE = "A Swiss mediator said a second round could follow before the end of the month."


# --- captions and credits -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "Negotiators walk past the flags of both countries in Bern, on 4 May 2026. LIESEL KAMM / ALPINE PRESS",
        "Children wait for a bus in a flooded street of Kherson, in a still from the film. (Dnipro Film Fund)",
        "Finland's foreign minister (R) greets her Ukrainian counterpart in Helsinki on Tuesday.",
        "Mediators (2nd L) listen as the talks open in a hotel on the lake, officials said on Monday.",
    ],
)
def test_a_caption_with_its_credit_or_a_position_mark_is_dropped(caption):
    assert texts(f"{BODY}\n\n{caption}\n\n{MORE}") == [BODY, MORE]


@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Ruth Alder (R-Ohio) said the sanctions bill would pass before the recess.",
        "Russia's 2025/26 wheat exports could reach 45 million tonnes, the ministry said.",
        "The envoy left the room (briefly) and came back with a new map of the line.",
    ],
)
def test_sentences_with_brackets_and_slashes_stay(sentence):
    assert texts(f"{BODY}\n\n{sentence}\n\n{MORE}") == [BODY, sentence, MORE]


def test_a_caption_cut_short_above_its_photo_credit_is_dropped():
    caption = "Delegates in the main hall of the conference centre…"
    page = f"Bern talks end without a date\n\n{caption}\n\nPhoto: Federal Department press office\n\n{BODY}"
    assert texts(page) == ["Bern talks end without a date", BODY]


def test_a_credit_notice_in_capitals_is_dropped_but_a_headline_in_capitals_stays():
    notice = 'EDITORIAL USE ONLY - CREDIT "ALPINE PRESS / POOL" - NOT FOR SALE'
    assert texts(f"{BODY}\n{notice}\n{MORE}") == [BODY, MORE]
    assert texts(f"KREMLIN SAYS NEW ROUND OF TALKS IS POSSIBLE\n\n{BODY}") == [
        "KREMLIN SAYS NEW ROUND OF TALKS IS POSSIBLE",
        BODY,
    ]


# --- bylines ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        "by Marta Vogel May 4, 2026 9:15 AM 5 min read",
        "Review by Jonas Brandt",
        "Mira Holt (Warsaw, correspondent)",
        "Pieter van Dam (The Hague, senior correspondent)",
        "Tom Reed East Asia correspondent, Reporting from Seoul",
    ],
)
def test_bylines_with_dates_places_and_roles_are_dropped(byline):
    assert texts(f"Bern talks end without a date\n\n{byline}\n\n{BODY}") == ["Bern talks end without a date", BODY]


def test_a_second_author_on_a_line_of_its_own_is_not_a_headline():
    byline = "Tom Reed East Asia correspondent, Reporting from Seoul\n\nand Ana Ruiz Madrid"
    page = f"Bern talks end without a date\n\n{byline}\n\n{BODY}"
    assert texts(page) == ["Bern talks end without a date", BODY]


def test_a_headline_wrapped_onto_a_line_starting_with_by_the_carries_on():
    page = f"Kremlin says a summit\nby the end of May is possible\n\n{BODY}"
    assert texts(page) == ["Kremlin says a summit\nby the end of May is possible", BODY]


def test_a_wrapped_sentence_going_on_with_by_and_a_name_stays_whole():
    page = (
        f"The order to open the corridor was signed late on Thursday\nby Anna Berg and two deputy ministers.\n\n{BODY}"
    )
    assert texts(page) == [
        "The order to open the corridor was signed late on Thursday\nby Anna Berg and two deputy ministers.",
        BODY,
    ]


def test_a_headline_about_a_correspondent_stays():
    headline = "Dutch correspondent expelled from Moscow"
    assert texts(f"{headline}\n\n{BODY}") == [headline, BODY]


# --- date stamps, datelines and labels ---------------------------------------------------------------


@pytest.mark.parametrize(
    "stamp",
    ["Published on 4 May 2026 at 07h30, updated at 11h05 · 4 min read", "05 May 2026 — 18:40"],
)
def test_date_stamps_with_hours_and_dots_are_dropped(stamp):
    assert is_furniture(stamp)
    assert texts(f"Bern talks end without a date\n{stamp}\n\n{BODY}") == ["Bern talks end without a date", BODY]


def test_a_dateline_of_a_city_and_its_country_is_cut_off():
    assert texts("Lviv, Ukraine – The city council voted to rename six streets on Friday.") == [
        "The city council voted to rename six streets on Friday."
    ]
    sentence = "Warsaw, Berlin and Paris – the three capitals – agreed on a common line."
    assert texts(sentence) == [sentence]


def test_an_agency_glued_after_the_dash_is_cut_off():
    page = "ODESA, May 5 — NV.Grain ships left the port at dawn, the harbour master said."
    assert texts(page) == ["Grain ships left the port at dawn, the harbour master said."]


def test_a_quote_label_with_a_name_is_cut_off():
    page = 'Quote from Sybiha: "No border will be redrawn by force, not now and not later."'
    assert texts(page) == ['"No border will be redrawn by force, not now and not later."']


# --- wrapped text ------------------------------------------------------------------------------------

WRAPPED = (
    "The regional administration said the drones struck a substation near\n"
    "the village of Pisky overnight and that repair crews from the State\n"
    "\n"
    "Emergency Service were working to restore power to about 4,000 homes.\n"
    "The strike came hours after a visit by Maj.\n"
    "Gen. Taras Melnyk, the commander of the sector, to the same district.\n"
    "Officials gave no figure for the damage, and repairs could take a week.\n"
    "Residents of the nearby town were asked to keep water in their homes.\n"
)


def test_a_wrapped_paragraph_runs_on_over_a_blank_line_and_after_a_title():
    assert texts(WRAPPED) == [
        "The regional administration said the drones struck a substation near\nthe village of Pisky overnight "
        "and that repair crews from the State\n\nEmergency Service were working to restore power to about 4,000 homes.",
        "The strike came hours after a visit by Maj.\nGen. Taras Melnyk, the commander of the sector, to the same "
        "district.",
        "Officials gave no figure for the damage, and repairs could take a week.",
        "Residents of the nearby town were asked to keep water in their homes.",
    ]


def test_a_line_ending_in_a_title_over_a_blank_line_ends_there():
    page = "The interview was conducted by phone with the duty officer, Capt.\n\nThe line then went dead."
    assert texts(page) == [
        "The interview was conducted by phone with the duty officer, Capt.",
        "The line then went dead.",
    ]


def test_editors_initials_end_the_last_paragraph():
    page = f"{BODY} {MORE}\nkv-lm/ts\n(Writing by Irena Walsh)"
    assert texts(page) == [BODY, MORE]


def test_a_page_header_in_capitals_does_not_run_into_the_headline():
    lines = [
        "ALPINE COURIER  MONDAY 4 MAY 2026  WORLD | 3",
        "Swiss mediators ask both sides for a written list of their demands",
        "",
        "BERN – The two delegations agreed on Monday to put their demands in writing before",
        "they meet again, the Swiss foreign ministry said in a statement published late at",
        "night. A spokesman said the lists would be exchanged through the mediators and not",
        "published, and that neither side had asked for the talks to be moved to a new venue.",
    ]
    found = texts("\n".join(lines))
    assert found[0] == "Swiss mediators ask both sides for a written list of their demands"
    assert not any("ALPINE" in statement for statement in found)


# --- site talk ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "appeal",
    [
        "If you value our reporting, please consider a gift: your weekly donation keeps the desk open.",
        "We have been covering the war in the south since the first night of the invasion.",
        "We rely on our readers, not on advertisers or owners.",
        "Copying of this article is prohibited without the written consent of the editors.",
        "You can accept, reject or customise these choices at any time.",
        "Read about our editorial standards and how we correct mistakes.",
        "How we work: the Alpine Courier's rules for sources and corrections.",
        "This interview has been condensed and edited for length.",
    ],
)
def test_reader_appeals_and_notes_in_full_sentences_are_dropped(appeal):
    assert texts(f"{BODY}\n\n{appeal}\n\n{MORE}") == [BODY, MORE]


@pytest.mark.parametrize(
    "sentence",
    [
        '"Our members will not sign a deal that cuts their pay," the dockers\' union leader said.',
        "Kyiv would accept or reject the proposal after talks with its partners, an adviser said.",
        '"We rely on you," the president told the allies gathered at the air base on Friday.',
        "Investigators say the copying of Western drone designs without licences has sped up this year.",
        "The regulator said the broadcaster had breached its editorial guidelines in two reports on Crimea.",
    ],
)
def test_sentences_that_share_words_with_appeals_stay(sentence):
    assert texts(f"{BODY}\n\n{sentence}\n\n{MORE}") == [BODY, sentence, MORE]


def test_a_bio_and_a_note_about_the_outlet_after_the_body_are_dropped():
    page = (
        f"{BODY}\n\n{MORE}\n\nMarta Vogel\n\nMarta Vogel is a correspondent for the Alpine Courier covering "
        "diplomacy. She was based in Kyiv until 2024.\n\nThe Alpine Courier is an independent regional daily.\n"
        "The Alpine Courier is published by Courier Media AG."
    )
    assert texts(page) == [BODY, MORE]


def test_a_sentence_about_an_outlet_inside_the_body_stays():
    sentence = "Novaya Gazeta is an independent newspaper that suspended printing in 2022, its editor said."
    assert texts(f"{BODY}\n\n{sentence}\n\n{MORE}") == [BODY, sentence, MORE]


@pytest.mark.parametrize(
    "line",
    [
        "Skip links",
        "Official website of the Ministry of Foreign Affairs",
        "Continue without accepting →",
        "Article reserved for subscribers",
        "Contributions (31)",
        "Watch: How the talks in Bern unfolded",
        "Listen: The morning briefing",
        "Follow live: Talks in Bern",
        "list 2 of 4 Swiss mediators ask for written demands",
        "TelegramViberCopy link",
        "Add to your saved stories",
        "Home > World > Europe",
        "Read alsoKremlin: no date for the next round",
    ],
)
def test_interface_strings_of_round_3_are_dropped(line):
    assert texts(f"{BODY}\n{line}\n{MORE}") == [BODY, MORE]


def test_a_sentence_with_interface_words_stays():
    sentence = "The minister said he would watch the vote from Kyiv and read more of the draft overnight."
    assert texts(f"{BODY}\n{sentence}\n{MORE}") == [BODY, sentence, MORE]


# --- headlines by their place --------------------------------------------------------------------------


def test_menus_above_the_headline_are_dropped():
    page = (
        "ALPINE COURIER Live radio\n\nNews Regions In the world Economy Sport Culture Weather\n\n"
        "Bern talks end without a date\n\n" + BODY
    )
    assert texts(page) == ["Bern talks end without a date", BODY]


def test_a_breadcrumb_above_a_headline_and_its_deck_is_dropped():
    page = (
        "Home World Europe Ukraine talks\n"
        "Bern Talks End Without a Date for the next round\n"
        "Mediators say both delegations will put their demands in writing\n\n" + BODY
    )
    assert texts(page) == [
        "Bern Talks End Without a Date for the next round",
        "Mediators say both delegations will put their demands in writing",
        BODY,
    ]


def test_a_headline_with_its_deck_below_stays_under_the_site_name():
    page = (
        "Alpine Courier — Facts first\n"
        "Sybiha: Kyiv wants Western guarantees\n"
        "The foreign minister says verbal promises are worth nothing after 2014\n"
        "5 May 2026 10:12\n\n" + BODY
    )
    assert texts(page) == [
        "Sybiha: Kyiv wants Western guarantees",
        "The foreign minister says verbal promises are worth nothing after 2014",
        BODY,
    ]


def test_a_headline_and_its_deck_set_apart_by_a_blank_line_stay():
    page = (
        "Alpine Courier\n\nSybiha: Kyiv wants Western guarantees\n\n"
        "The foreign minister told parliament that verbal promises were worth nothing\n\n5 May 2026\n\n" + BODY
    )
    assert texts(page) == [
        "Sybiha: Kyiv wants Western guarantees",
        "The foreign minister told parliament that verbal promises were worth nothing",
        BODY,
    ]


def test_a_summary_s_bullets_stay():
    page = (
        "Bern talks end without a date\n• Both sides to put demands in writing\n• Next round not before June\n\n" + BODY
    )
    assert texts(page) == [
        "Bern talks end without a date",
        "Both sides to put demands in writing",
        "Next round not before June",
        BODY,
    ]


# --- related lists -------------------------------------------------------------------------------------


@pytest.mark.parametrize("heading", ["Related", "In the same section", "Explore more", "More in Europe"])
def test_question_headlines_under_a_related_heading_are_dropped(heading):
    page = (
        f"{BODY}\n\n{heading}\n\nWhat do the Swiss mediators want?\nWho is the new Ukrainian negotiator?\n"
        f"Grain talks stall in Ankara\n\n{MORE}"
    )
    assert texts(page) == [BODY, MORE]


def test_a_question_in_the_body_stays():
    question = "What would a ceasefire along the current line mean for the towns left behind it?"
    assert texts(f"{BODY}\n\n{question}\n\n{MORE}") == [BODY, question, MORE]


def test_a_related_piece_with_its_text_under_a_date_line_is_kept():
    page = (
        f"{BODY}\n\nRelated news\n\nKremlin: no date set for the next round\n14:05 05.05.2026\n"
        "Moscow has not agreed on a date for a new round of talks with Kyiv, a Kremlin spokesman said on Tuesday."
    )
    assert texts(page) == [
        BODY,
        "Kremlin: no date set for the next round",
        "Moscow has not agreed on a date for a new round of talks with Kyiv, a Kremlin spokesman said on Tuesday.",
    ]
