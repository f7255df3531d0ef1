"""Segmentation rules of round 7: the kinds of furniture that test5 showed, by shape.

Reader comments under an article, author bios under a byline or under "About the author", a byline's name
and its dated time on one line, paywall and registration notes, reading times, sort and download lines,
sponsored blocks, briefing titles with a place and a date, sources lists, time zones, a list of points at
the body's end. Each rule has a test that it fixes and one that it must not break; every text is written
for these tests, in wordings that are in none of the benchmark pages.
"""

from __future__ import annotations

import pytest
from conftest import segmented_texts as texts

from stanceclf.segment import is_furniture

HEADLINE = "Negotiators in Doha weigh a winter pause on strikes against power plants"
BODY = "Delegations from Kyiv and Moscow held separate meetings with Qatari mediators on Tuesday, two diplomats said."
MORE = "The mediators hope to agree on a list of facilities before the first frost, one of the diplomats added."
LAST = "Neither side has confirmed the talks in public, and the Kremlin declined to comment on Wednesday evening."


# --- reader comments under the article -----------------------------------------------------------------


def test_a_comments_section_goes_to_the_end_of_the_page():
    page = (
        f"{HEADLINE}\n{BODY}\n{MORE}\n{LAST}\n"
        "42 comments\n"
        "Sort by: Oldest\n"
        "kharkiv_dad · 5h\n"
        "About time somebody said it. Winter is coming either way.\n"
        "Reply 3 likes\n"
        "Tomas R. 40m ago\n"
        "No pause without monitors.\n"
        "Show more comments\n"
    )
    assert texts(page) == [HEADLINE, BODY, MORE, LAST]


def test_a_comments_heading_without_comment_headers_keeps_the_text_below():
    # "Comments" as a sub-head of a story, with news below it and no comment's header: nothing is cut.
    page = f"{HEADLINE}\n{BODY}\n\nComments\n\n{MORE}\n\n{LAST}"
    assert texts(page) == [HEADLINE, BODY, MORE, LAST]


# --- author bios --------------------------------------------------------------------------------------


def test_a_bio_under_the_byline_goes():
    page = (
        f"Opinion\n{HEADLINE}\nMarek Zielinski\n"
        "Marek Zielinski is a Warsaw-based security commentator and a former defence attaché.\n"
        f"{BODY}\n{MORE}"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_a_sentence_naming_the_author_elsewhere_is_kept():
    # The same shape with no byline line above it holding the name: news about a commentator stays.
    sentence = "Marek Zielinski is a Warsaw-based commentator who was detained in Minsk on Monday, his lawyer said."
    assert texts(f"{HEADLINE}\n{BODY}\n{sentence}\n{MORE}") == [HEADLINE, BODY, sentence, MORE]


def test_a_paragraph_under_about_the_author_goes():
    page = (
        f"{HEADLINE}\n{BODY}\n{MORE}\n{LAST}\nAbout the author\n"
        "Salome Beridze heads the institute's Black Sea programme. She previously served in Georgia's foreign "
        "ministry.\n"
        "Sign up for our newsletter"
    )
    assert texts(page) == [HEADLINE, BODY, MORE, LAST]


def test_news_under_about_the_author_stays():
    # "About the author" as a widget between paragraphs: a paragraph that opens with no person's name stays.
    page = f"{BODY}\n\nAbout the author\n\nA Qatari official said the next round could open in January."
    assert texts(page) == [BODY, "A Qatari official said the next round could open in January."]


def test_the_bio_of_a_fellow_and_her_past_jobs_go_after_the_body():
    page = (
        f"{HEADLINE}\n{BODY}\n{MORE}\n{LAST}\n"
        "Hanna Lutsenko, Research Fellow\n"
        "Hanna Lutsenko is a senior fellow at the centre. She previously worked for the OSCE in Vienna.\n"
    )
    assert texts(page) == [HEADLINE, BODY, MORE, LAST]


def test_a_closing_sentence_with_previously_is_kept():
    sentence = "It previously worked for both sides, a Qatari official noted, and it could work again this winter."
    assert texts(f"{HEADLINE}\n{BODY}\n{MORE}\n{sentence}") == [HEADLINE, BODY, MORE, sentence]


# --- bylines with a dated time, stamps with a time zone --------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Oksana Hryhorenko 2 December 2026, 08:45",
        "Jean-Luc Marchetti, in Geneva Published on 2 December 2026 at 9h12, updated at 10h30",
        "Rui Tanaka Tue, December 1, 2026, 21:05",
        "December 2, 2026 (Wed) 07:15 KST",
        "2 Dec 2026 · 18:40 IST",
    ],
)
def test_a_name_with_its_dated_time_and_a_stamp_with_a_zone_are_furniture(line):
    assert is_furniture(line)
    assert texts(f"{HEADLINE}\n{line}\n{BODY}") == [HEADLINE, BODY]


def test_a_headline_with_a_date_and_a_time_stays():
    # Lower-case words: no name before the date.
    headline = "Talks resume in Doha on 3 December at 10:00"
    assert texts(f"{headline}\n{BODY}") == [headline, BODY]


# --- a site's copyright before its registration note ----------------------------------------------------


def test_a_site_name_and_its_copyright_open_a_footer_paragraph():
    footer = "Volga Herald © 2026. Registered as an online media outlet."
    assert texts(f"{HEADLINE}\n{BODY}\n{MORE}\n{footer}") == [HEADLINE, BODY, MORE]
    kept = "Volga Herald reported the strike first. Its editor said the pictures were verified."
    assert texts(f"{BODY}\n\n{kept}") == [BODY, *kept.replace(". ", ".\n").split("\n")]


# --- sponsored blocks, tip lines ------------------------------------------------------------------------


def test_a_sponsored_line_glued_to_its_headline_goes():
    page = f"{HEADLINE}\n{BODY}\n{MORE}\nPartner content Six ways to keep a flat warm when the power goes off\n{LAST}"
    assert texts(page) == [HEADLINE, BODY, MORE, LAST]


def test_tip_line_and_contact_appeals_go():
    page = (
        f"{HEADLINE}\n{BODY}\n{MORE}\n"
        "Saw something on the front line? Email it to our tip line.\n"
        "Get in touch: write to our team with your questions.\n"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


# --- briefing titles with a place and a date, sources lists -----------------------------------------------------


def test_a_sources_list_goes_and_a_numbered_list_of_points_stays():
    page = (
        f"{HEADLINE}\n{BODY}\n{MORE}\nSources\n"
        "1. Ministry of Energy, daily outage report, 1 December 2026\n"
        "2. Interview with a Qatari diplomat, Doha\n"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]
    points = f"{BODY}\n\nThey proposed two steps.\n\n1. A halt to strikes on substations.\n\n2. A swap of lists."
    assert texts(points)[-2:] == ["A halt to strikes on substations.", "A swap of lists."]


# --- a list of points at the body's end, an agency's name glued after a dateline ----------------------------


def test_a_list_led_in_by_a_colon_at_the_body_end_is_kept():
    page = (
        f"{HEADLINE}\n{BODY}\n{MORE}\n"
        "The mediators set out three steps for the winter:\n"
        "• A list of protected substations\n"
        "• A hotline between the two energy ministries\n"
        "For media enquiries, please contact:\n"
        "Press office press@doha-talks.example\n"
    )
    assert texts(page) == [
        HEADLINE,
        BODY,
        MORE,
        "The mediators set out three steps for the winter:",
        "A list of protected substations",
        "A hotline between the two energy ministries",
    ]


def test_short_lines_after_the_body_without_a_lead_in_still_go():
    page = f"{HEADLINE}\n{BODY}\n{MORE}\n• Energy\n• Diplomacy\nPrint this page"
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_an_agency_name_glued_after_a_dateline_is_cut():
    page = "DOHA, 2 Dec — Volga Herald.The mediators met both delegations on Tuesday, officials said."
    assert texts(page) == ["The mediators met both delegations on Tuesday, officials said."]
    titled = "DOHA, 2 Dec — Mr.Berger met both delegations on Tuesday, officials said."
    assert texts(titled)[0].startswith("Mr.Berger")


# --- shapes that real pages have and the benchmark pages had few of ---------------------------------------------


def test_a_caption_button_in_lower_case_is_no_sentence_carried_on():
    page = f"{HEADLINE}\n{BODY}\nhide caption\n{MORE}"
    assert texts(page) == [HEADLINE, BODY, MORE]
    wrapped = "The two delegations met on the\ncontact line near Zaporizhzhia, officials said."
    assert texts(f"{BODY}\n{wrapped}") == [BODY, wrapped]


@pytest.mark.parametrize(
    "sentence",
    [
        "Evening talks on Monday, 1 December, ended without a statement, the host said.",
        "The ministry's map shows the front line moving west, a spokesman said on Tuesday.",
        "Thank you for coming to Doha, the emir told the two delegations on Tuesday evening.",
        "New talks could start in January, officials in Doha said.",
        "Kyiv, December 2 (Reuters) - The mediators met both delegations on Tuesday.",
    ],
)
def test_sentences_near_those_shapes_are_kept(sentence):
    out = texts(f"{BODY}\n\n{sentence}")
    assert out[0] == BODY and out[-1].endswith(sentence.rsplit(" - ", 1)[-1])


# --- each furniture line of round 7 goes; each sentence of a similar shape stays ------------------------------

FURNITURE_LINES = [
    "Sort by: Most liked",
    "Log in to comment",
    "Load more replies",
    "Posted 3h ago",
    "12 min ago",
    "Reading time 5 min",
    "Reading time about 7 minutes.",
    "You have 64% of this article left to read.",
    "The rest of the article is for subscribers only.",
    "Registered as an electronic media outlet.",
    "Download the report (PDF, 1.2 MB)",
    "Download PDF 880 KB",
    "Gift this article",
    "Save this story Share 6 min",
    "Listen on: Deezer YouTube Music",
    "Transcript (machine-made, not checked)",
    "Statement by the Permanent Representative at the Security Council, New York, 1 December 2026",
    "Operational update on the humanitarian situation, November 30, 2026",
    "Posted Wed 3 Dec 2026 at 6:40pm, updated 2h ago",
    "This story is more than three years old",
    "Enlarge this image",
    "Toggle caption",
    "AFP via Getty Images",
    "Your browser does not support the video tag.",
    "Comments are closed.",
    "Join the discussion",
    "About this author",
    "By the numbers",
    "Evening briefing: Monday, 1 December",
    "pic.twitter.com/Qm83LkPz",
    "2,417 Reposts 9,050 Likes",
    "Report an error",
    "Opens in new window",
    "Add to favourites",
    "This story appeared in the 2 December print edition",
    "Duration 4:27",
    "Newsletter sign-up",
    "Enter your email",
    "Thank you for subscribing!",
    "Graphic: Lena Vogt",
    "Map: where the front line ran in November",
    "Odesa, December 2 (Reuters)",
]
KEPT_SENTENCES = [
    "Sort by size, the inspectors were told, and count every shell twice.",
    "The rest of the delegation is for a pause, a diplomat said after the meeting in Doha.",
    "Registered voters in the occupied areas were not consulted, the monitors said on Tuesday.",
    "You have to read the annex to understand the deal, one of the mediators told the reporters.",
    "Download speeds in Kharkiv fell to 2 MB a second after the strike, the operator said.",
    "Sponsored by Qatar, the talks have so far produced one exchange of prisoners, officials said.",
    "The next round, the mediators said, will open in Doha on 14 December 2026.",
    "This story is more complicated than either side admits, a European diplomat said on Tuesday.",
    "Comments by the envoy were closed to the press, but his aides briefed reporters afterwards.",
    "Join the talks or be left out, the mediators told the two delegations in Doha on Tuesday.",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_a_furniture_line_goes_between_paragraphs(line):
    assert is_furniture(line)
    assert texts(f"{HEADLINE}\n{BODY}\n{line}\n{MORE}") == [HEADLINE, BODY, MORE]


@pytest.mark.parametrize("sentence", KEPT_SENTENCES)
def test_a_sentence_shaped_like_furniture_is_kept(sentence):
    assert texts(f"{BODY}\n\n{sentence}") == [BODY, sentence]


def test_a_short_news_line_with_a_day_is_no_comment_header():
    page = f"{HEADLINE}\n{BODY}\n\nDiscussion\n\nTalks ended yesterday\n\n{MORE}\n\n{LAST}"
    assert texts(page)[-2:] == [MORE, LAST]
