"""Segmentation rules of round 6: the kinds of furniture and boundaries that test4 showed, by shape.

Transcripts with speakers after a time code, footnote marks and notes lists, fact-check boxes, timeline
and feed items with a stamp before a dash or a colon, press releases, paywalls, podcasts' notes and
content-free sub-heads. Each rule has a test that it fixes and one that it must not break; every text is
written for these tests, in wordings that are in none of the benchmark pages.
"""

from __future__ import annotations

import pytest
from conftest import segmented_texts as texts

from stanceclf.segment import is_furniture

HEADLINE = "Swiss hosts prepare a lakeside venue for a technical round on nuclear safety"
BODY = "Experts from Kyiv and Moscow will meet in Montreux next week to discuss the Zaporizhzhia plant, the host said."
MORE = "The International Atomic Energy Agency will send two inspectors, a spokesperson for the agency said on Tuesday."
LAST = "Neither delegation has confirmed the date, and the Kremlin declined to comment when asked on Wednesday."


# --- transcripts: speakers after a time code, with a role, notes in capitals ------------------------


def test_speaker_labels_after_time_codes_are_cut_in_a_transcript():
    page = (
        "[00:00:04] MARTA HOLUB (host): Good morning, and welcome back. Our guest is a former mediator.\n\n"
        "[00:00:19] BERGER: Thank you. The parties are closer than they admit in public.\n\n"
        "[00:01:02] HOLUB: Closer on what?\n\n"
        "[MUSIC AND STATION IDENTIFICATION]\n\n"
        "[00:03:40] BERGER: On prisoners, above all."
    )
    assert texts(page) == [
        "Good morning, and welcome back.",
        "Our guest is a former mediator.",
        "Thank you.",
        "The parties are closer than they admit in public.",
        "Closer on what?",
        "On prisoners, above all.",
    ]


def test_a_surname_heading_a_news_line_stays_outside_a_dialogue():
    page = f"{HEADLINE}\n\nGROSSI: The plant has lost its last external power line again.\n\n{BODY}"
    assert texts(page)[1] == "GROSSI: The plant has lost its last external power line again."


def test_a_bracketed_line_in_lower_case_is_not_a_transcript_note():
    assert not is_furniture("[The ministry later corrected the figure to 1,200.]")
    assert is_furniture("[CROSSTALK]")


# --- footnote marks and notes lists ----------------------------------------------------------------


def test_footnote_marks_are_cut_and_a_notes_list_of_citations_goes():
    page = (
        f"{BODY}[1] {MORE}²\n\n{LAST}[12]\n\nNotes\n\n"
        "[1] Press release of the Swiss Federal Department of Foreign Affairs, 2 December 2026.\n\n"
        "² Briefing by the agency's spokesperson, Vienna, 1 Dec 2026\n\n"
        "[12] Remarks to reporters, 30 November."
    )
    assert texts(page) == [BODY, MORE, LAST]


def test_a_note_in_full_sentences_keeps_its_sentence_without_the_mark():
    page = f"{BODY}\n\n[3] The names of both inspectors are withheld at the agency's request."
    assert texts(page) == [BODY, "The names of both inspectors are withheld at the agency's request."]


def test_a_bracket_that_is_no_footnote_mark_is_kept():
    page = "The second clause [of the draft] was dropped. The fifth [5] stays."
    assert texts(page) == ["The second clause [of the draft] was dropped.", "The fifth [5] stays."]


# --- quotes glued to each other ----------------------------------------------------------------------


def test_a_quote_glued_after_an_attribution_starts_a_new_sentence():
    page = '"We are not closing any door," the deputy minister said."We are asking for a date."'
    assert texts(page) == ['"We are not closing any door," the deputy minister said.', '"We are asking for a date."']


def test_a_quote_opened_in_an_earlier_sentence_counts_for_the_glue():
    page = '"Nobody walked out.The rooms were cold, that is all," the aide said."Next week we return."'
    assert texts(page) == [
        '"Nobody walked out.',
        'The rooms were cold, that is all," the aide said.',
        '"Next week we return."',
    ]


def test_a_short_quoted_title_with_a_stop_still_runs_on():
    page = 'She read from "Vienna. 1815" at the embassy on Friday.'
    assert texts(page) == [page]


# --- timelines and feeds: a stamp before a dash or a colon ---------------------------------------------


@pytest.mark.parametrize(
    ("item", "sentence"),
    [
        (
            "12 February — The envoys agree to a second round in Riyadh.",
            "The envoys agree to a second round in Riyadh.",
        ),
        ("Aug. 30: Kyiv rejects the draft memorandum.", "Kyiv rejects the draft memorandum."),
        ("March 4, 2026 – Both sides exchange 400 prisoners.", "Both sides exchange 400 prisoners."),
        ("Baltic Courier, 09:40 — Flights resumed at Riga airport.", "Flights resumed at Riga airport."),
        ("14:55 - The talks were adjourned until the evening.", "The talks were adjourned until the evening."),
    ],
)
def test_a_timeline_or_feed_items_stamp_is_cut(item: str, sentence: str) -> None:
    assert texts(f"{item}\n\n{BODY}")[0] == sentence


def test_a_dateline_before_an_agency_is_still_a_dateline():
    page = "RIGA, Oct 2 — BALTA. The ministers met for three hours in the old town."
    assert texts(page) == ["The ministers met for three hours in the old town."]


def test_a_date_inside_a_sentence_is_no_stamp():
    page = "On 12 February - the day after the strike - the envoys agreed to meet."
    assert texts(page) == [page]


# --- fact checks' boxes -------------------------------------------------------------------------------


def test_a_fact_checks_labels_are_cut_and_its_rating_line_goes():
    page = (
        f"{HEADLINE}\n\nThe claim: Kyiv has banned every contact with Russian officials.\n\n"
        "Our verdict: Partly false\n\nTL;DR: The ban covers talks with one man, not with Russian delegations.\n\n"
        f"{BODY}"
    )
    assert texts(page) == [
        HEADLINE,
        "Kyiv has banned every contact with Russian officials.",
        "The ban covers talks with one man, not with Russian delegations.",
        BODY,
    ]


def test_a_headline_that_starts_with_a_label_word_is_kept():
    assert not is_furniture("Claim: Kremlin says truce talks could start within days")
    assert texts("Verdict awaited on the grain corridor deal") == ["Verdict awaited on the grain corridor deal"]


# --- sub-heads and press releases -------------------------------------------------------------------------


def test_content_free_subheads_in_the_body_go():
    page = f"{HEADLINE}\n\n{BODY}\n\nWhat the inspectors want\n\n{MORE}\n\nOur assessment\n\n{LAST}"
    assert texts(page) == [HEADLINE, BODY, MORE, LAST]


def test_a_headline_with_a_question_word_above_the_body_is_kept():
    page = f"What the Montreux round could change for the plant\n\n{BODY}\n\nWhy? Nobody would say.\n\n{MORE}"
    assert texts(page) == [
        "What the Montreux round could change for the plant",
        BODY,
        "Why?",
        "Nobody would say.",
        MORE,
    ]


def test_a_press_releases_about_section_goes():
    page = (
        f"{BODY}\n\n{MORE}\n\nAbout the Service\n\n"
        "The Federal Mine Action Service surveys and clears farmland and trains deminers in five regions.\n\n"
        "-ends-"
    )
    assert texts(page) == [BODY, MORE]


def test_about_a_number_is_no_about_section():
    page = f"{BODY}\n\nAbout 40 experts in total\n\n{MORE}"
    assert MORE in texts(page)


# --- lists, glued tags, notes about the page ------------------------------------------------------------


def test_a_podcasts_credit_after_the_body_goes():
    page = f"{BODY}\n\n{MORE}\n\nThe Long Table is produced by Halcyon Audio.\n\nProducer: Ines Duarte."
    assert texts(page) == [BODY, MORE]


def test_list_items_ending_in_semicolons_over_blank_lines_stay_apart():
    page = (
        "The draft sets out three steps:\n\na halt to strikes on power plants;\n\n"
        "an exchange of all prisoners;\n\ntalks on borders within a year."
    )
    assert texts(page) == [
        "The draft sets out three steps:",
        "a halt to strikes on power plants;",
        "an exchange of all prisoners;",
        "talks on borders within a year.",
    ]


def test_a_sentence_wrapped_after_a_comma_over_a_blank_line_still_runs_on():
    page = "The inspectors will arrive on Monday,\n\nweather permitting, and stay a week."
    assert texts(page) == [page]


def test_an_agency_tag_glued_to_the_first_sentence_is_cut():
    assert texts("ZhNA.Negotiators from both sides met in Geneva on Monday.") == [
        "Negotiators from both sides met in Geneva on Monday."
    ]
    assert texts("Mr.Berger met both delegations on Monday.") == ["Mr.Berger met both delegations on Monday."]


@pytest.mark.parametrize(
    "line",
    [
        "The rest of this story is available to subscribers only.",
        "Full digital access costs 4 euros a month, cancel at any time.",
        "This episode was automatically generated from the broadcast and may contain mistakes.",
        "This podcast transcript may contain errors, so please check it against the audio.",
        "Full transcripts are available to members.",
        "Photos from the signing may be used free of charge with a credit to the ministry.",
        "This translation was made possible by a grant from a media foundation.",
        "The Geneva Monitor is a signatory of the European code of standards for fact-checkers.",
        "Noticed an error in this article?",
        "Write to us and we will look at it.",
        "Originally published in Polish by a regional weekly.",
        "Translated from Ukrainian by Anna Kowal",
        "Sound design: Tomasz Nowak.",
        "Stories read better in our app, tap here to open it",
    ],
)
def test_page_notes_by_shape_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "sentence",
    [
        "The rest of the delegation flew to Geneva on Tuesday.",
        "Full access to the plant was granted to the inspectors, the agency said.",
        "Photos of the damage were published by the regional governor.",
        "The translation of the memorandum was disputed by both sides.",
        "Kyiv is a signatory to the Budapest memorandum, the minister recalled.",
        "We found an error in the Russian draft, a Ukrainian negotiator said.",
        "Ukraine first published its peace formula in November 2022.",
        "The deal was produced by months of quiet work in Ankara.",
    ],
)
def test_news_sentences_that_look_like_page_notes_are_kept(sentence: str) -> None:
    assert not is_furniture(sentence)


def test_a_tables_of_contents_items_and_the_subheads_they_name_go():
    page = (
        f"{HEADLINE}\n\nIn this explainer\n\n1. The venue\n\n2. Who sends inspectors\n\n{BODY}\n\n"
        f"The venue\n\n{MORE}\n\nWho sends inspectors\n\n{LAST}"
    )
    assert texts(page) == [HEADLINE, BODY, MORE, LAST]


def test_a_list_of_points_is_kept_when_no_subhead_repeats_it():
    page = f"{BODY}\n\n1. A halt to shelling near the plant\n\n2. Inspectors on site every week\n\n{MORE}"
    assert texts(page) == [BODY, "A halt to shelling near the plant", "Inspectors on site every week", MORE]


def test_a_subhead_without_blank_lines_around_it_goes():
    page = f"{BODY}\nWhat happens after the round\n{MORE}"
    assert texts(page) == [BODY, MORE]


def test_a_wrapped_paragraphs_short_line_before_a_blank_line_carries_on():
    page = (
        "The inspectors will stay at the plant for two weeks and will report to the\n"
        "agency's board before the end of the month, a spokesperson said, adding that\n"
        "their rota would\n\nchange in January."
    )
    assert texts(page) == [page]


def test_a_short_lower_case_line_under_a_related_heading_stays_apart():
    page = f"{BODY}\n\nRecommended stories\n\nlist of 3 items\n\n{MORE}"
    assert texts(page) == [BODY, MORE]


def test_a_headline_glued_to_a_standfirst_without_a_stop_is_split():
    page = (
        "Montreux talks on the nuclear plant to open on Monday with two inspectorsBoth delegations say the agenda "
        f"is set, but neither has named its team\n\n{BODY}"
    )
    assert texts(page)[:2] == [
        "Montreux talks on the nuclear plant to open on Monday with two inspectors",
        "Both delegations say the agenda is set, but neither has named its team",
    ]


def test_a_brand_name_inside_a_headline_is_no_glue():
    page = f"Kyiv says Russian hackers targeted iPhone users in the occupied south\n\n{BODY}"
    assert texts(page)[0] == "Kyiv says Russian hackers targeted iPhone users in the occupied south"


def test_a_dated_source_line_goes_and_a_sourced_sentence_stays():
    assert is_furniture("Source of the quote: a deputy foreign minister, state television, 3 May 2026")
    assert not is_furniture("Source: Kyiv will not sign any deal that freezes the front before 2027.")


def test_a_long_wrapped_line_shaped_like_a_byline_carries_on():
    page = (
        "Deputy Governor Ivan\tMoroz told reporters on Tuesday that the region's two\n"
        "power plants had been repaired and would run through the winter."
    )
    assert texts(page) == [page]


def test_a_print_pages_header_goes():
    assert is_furniture("Printed from eastwire.example on Monday, Dec. 7, 2026, 9:02 a.m.")
    assert not is_furniture("Printed on cheap paper, the leaflets were handed out in Kherson on Monday.")
