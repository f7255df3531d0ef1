"""Segmentation rules of round 17: the kinds of error that test13 showed.

An institution's menu of section names with small words in it, an app's banner that names the app, a repost
site's notice of whose the content is and a post's source account, a media registration notice and the outlet on
the networks after the body, news with an editor's note after it in its line, an aggregator's cards under their
source lines and a genre label on a card, a speaker's role in capitals before the name, a lower-case initialism
glued to the next sentence, a site's name with its kind in brackets and an outlet's desk as a byline (see
docs/segmentation.md, "Round 17"). Each rule has a test that it fixes and a look-alike that it must not break;
every text is written for these tests, in wordings that are in none of the benchmark pages. The rules are tested
alone, without the learned filter, so that each test pins a rule.
"""

from __future__ import annotations

import functools

import pytest
from conftest import news_with_line, page_with_line
from conftest import segmented_texts as texts

HEADLINE = "Ferry operators on the Dnipro ask for air cover before the winter crossings resume at Kaniv"
BODY = "The regional administration said on Monday that four ferries were ready to carry lorries across the reservoir."
MORE = "Skippers from the Cherkasy cooperative told the ministry that they would sail only with an air-defence escort."
LAST = "A spokesman for the air force said its mobile groups had shot down three drones near the dam this week."

NEWS = [HEADLINE, BODY, MORE, LAST]
WHERE = ("under", "between", "after")

# The rules alone: the learned filter could hide what a rule does.
pytestmark = pytest.mark.usefixtures("rules_alone")


page_with = functools.partial(page_with_line, NEWS)
news_with = functools.partial(news_with_line, NEWS)


# --- an institution's menu ------------------------------------------------------------------------------------


def test_an_institutions_menu_with_small_words_goes_and_the_headline_under_its_breadcrumb_stays():
    page = (
        "Official portal\n"
        "About the Agency Press office Open data Public hearings Vacancies Contacts\n"
        "Press office / Announcements\n\n"
        f"{HEADLINE}\n"
        "Posted 2 December 2026, 10:40\n\n"
        f"{BODY}\n{MORE}\n\n{LAST}\n"
    )
    assert texts(page) == NEWS


@pytest.mark.parametrize(
    "menu",
    [
        "Ministry Press office Trade policy Visa services Missions abroad Contacts",
        "Sections Film Music Theatre Books TV",
        "Home Briefings & Statements Press Releases",
        "About the Council Decisions Sessions Press service Contacts",
    ],
)
@pytest.mark.parametrize("where", WHERE)
def test_menus_of_section_names_are_furniture(menu, where):
    assert texts(page_with(menu, where)) == NEWS


@pytest.mark.parametrize(
    "line",
    [
        "Zelensky Tells Press in Kyiv That Ferry Talks With Moscow Are Off",
        "Press office reopens after public hearings on the new ferry tariffs",
        "Agency publishes reports on procurement and tenders for the press office",
        "Public hearings on ferry contacts about press freedom open",
    ],
)
def test_a_headline_with_menu_words_is_no_menu(line):
    page = f"{line}\n\n{BODY}\n\n{MORE}\n"
    assert texts(page) == [line, BODY, MORE]


def test_a_last_paragraph_that_opens_with_the_agencys_name_is_no_bio_under_a_menu_that_names_it():
    page = (
        "About the Agency Press office Open data Public hearings Contacts\n\n"
        f"{HEADLINE}\n\n{BODY}\n\n"
        "The Agency reminds skippers that the river hotline answers calls at any hour of the day.\n"
    )
    assert texts(page)[-1] == "The Agency reminds skippers that the river hotline answers calls at any hour of the day."


# --- a repost site: its app banner, its notice, its posts' sources -------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Open in the RiverPost app — it loads faster",
        "Continue in the Dnipro Now app",
        "Reposts are collected automatically; the original channels are solely responsible for their content.",
        "The respective channel owners are responsible for their own content.",
        "Content is imported automatically from public channels.",
        "Reposts appear automatically and may contain errors.",
    ],
)
@pytest.mark.parametrize("where", WHERE)
def test_an_app_banner_and_a_repost_notice_are_furniture(line, where):
    assert texts(page_with(line, where)) == NEWS


@pytest.mark.parametrize(
    "line",
    [
        "Skippers open in the Diia app a form that asks for the ferry's registration number, the ministry said.",
        "Channel owners are responsible for their content, the court ruled on Friday.",
        "The platforms are responsible for the content they host, the regulator's chairman wrote.",
    ],
)
@pytest.mark.parametrize("where", WHERE)
def test_news_that_names_an_app_or_the_owners_of_content_is_kept(line, where):
    assert texts(page_with(line, where)) == news_with(line, where)


@pytest.mark.parametrize("line", ["Forwarded from @kaniv_river_watch", "Via @cherkasy.desk", "Source: @dnipro_ops"])
def test_a_posts_source_account_is_furniture(line):
    page = f"{HEADLINE}\n\n{line}\n{BODY}\n\n{line.replace('_', '-')}\n{MORE}\n\n{LAST}\n"
    assert texts(page) == NEWS


def test_a_headline_that_names_an_account_is_kept():
    line = "Zelensky answers @dnipro_skipper on ferries"
    assert texts(f"{line}\n\n{BODY}\n\n{MORE}\n") == [line, BODY, MORE]


# --- after the body: a registration notice, the outlet on the networks -----------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Dnipro Evening is registered as a mass medium. Certificate No. 12-3456.",
        "RiverPost is registered as an online publication by the National Media Council. Licence No. R40-0091.",
        "Dnipro Evening is on Viber and X. Subscribe so that you miss nothing.",
    ],
)
def test_a_registration_notice_and_the_outlet_on_the_networks_after_the_body_go(line):
    assert texts(page_with(line, "after")) == NEWS


@pytest.mark.parametrize(
    "line",
    [
        "The media council registered the Cherkasy Courier as a mass medium in 2021, its records show.",
        "The Courier was registered as a mass medium in Moldova, not Ukraine, its lawyer told the court.",
        "The minister is on Telegram every evening with the list of open crossings, aides say.",
    ],
)
def test_news_about_registering_an_outlet_or_a_network_is_kept(line):
    assert texts(page_with(line, "after")) == news_with(line, "after")


@pytest.mark.parametrize(
    "line",
    [
        "Kaniv Evening is registered as a network publication. Registration number 48-1107.",
        "Registered by the State Service for Media and Communications. Certificate EL No. 31-2045.",
        "Mass media registration certificate No. DR-5520 issued by the National Media Council on 1 June 2020.",
        "The outlet is registered with the National Council of Television and Radio Broadcasting under No. R12-0441.",
        "Reposted content belongs to its authors.",
        "The editors are not responsible for the content of reposted channels.",
    ],
)
@pytest.mark.parametrize("where", WHERE)
def test_registration_and_repost_notices_are_furniture_anywhere(line, where):
    assert texts(page_with(line, where)) == NEWS


@pytest.mark.parametrize(
    "line",
    [
        "The ferry, registered in Moldova under No. 5501207, was detained at Reni on Friday.",
        "Registered skippers will receive a certificate of passage before the first crossing, the ministry said.",
        "The cooperative is registered with the Ministry of Justice and has no media licence, its chairman said.",
        "Telegram said it was not responsible for the content of channels run by the river police.",
        "The channel's content belongs to the regional broadcaster, the court found.",
    ],
)
@pytest.mark.parametrize("where", WHERE)
def test_news_about_registration_certificates_and_content_is_kept(line, where):
    assert texts(page_with(line, where)) == news_with(line, where)


# --- news with an editor's note after it in its line -----------------------------------------------------------------


def test_news_before_an_editors_note_in_its_line_is_kept_and_the_note_cut():
    bio = "Captain Olha Moroz has piloted ferries across the Kaniv reservoir for eleven years."
    met = "We met her on the landing stage at Kaniv on a grey morning."
    note = "The interview has been condensed for clarity."
    assert texts(page_with(f"{bio} {met} {note}", "between")) == [HEADLINE, BODY, bio, met, MORE, LAST]


@pytest.mark.parametrize("where", WHERE)
def test_a_line_of_notes_alone_still_goes(where):
    line = "This interview has been edited for length. The conversation has been condensed for clarity."
    assert texts(page_with(line, where)) == NEWS


# --- an aggregator's cards ---------------------------------------------------------------------------------------


def test_cards_under_their_source_lines_keep_their_headlines_and_lose_the_genre_label():
    cards = [
        ("Kaniv Courier · 1 hour ago", "Ferry crossings at Kaniv to resume with an air-defence escort"),
        ("The Cherkasy Post · 4 hours ago · Opinion", "Opinion: The river needs bridges, not promises"),
        ("Dnipro Radio · 6 hours ago", "Air force says three drones were downed near the Kaniv dam overnight"),
        ("Poltava Herald · Yesterday", "Ukraine and Moldova agree on a joint river patrol in the south"),
    ]
    teaser = "The operators said the first lorries would cross on Thursday if the weather held, the ministry said."
    lines = ["RiverFeed", "For you", "Top stories", "Headlines: Dnipro ferries", ""]
    for number, (source, headline) in enumerate(cards):
        lines += [source, headline] + ([teaser] if number == 0 else []) + [""]
    lines += ["See all 58 stories", "More headlines", "Grain prices ease as Danube ports reopen", "Privacy · Terms"]
    assert texts("\n".join(lines) + "\n") == [
        cards[0][1],
        teaser,
        "The river needs bridges, not promises",
        cards[2][1],
        cards[3][1],
    ]


@pytest.mark.parametrize("label", ["Opinion: ", "Commentary — ", "Op-ed | "])
def test_a_genre_label_is_cut_from_its_headline(label):
    line = "The Dnipro ferries need an escort, not a promise"
    assert texts(f"{label}{line}\n\n{BODY}\n\n{MORE}\n") == [line, BODY, MORE]


def test_a_sentence_that_names_an_opinion_keeps_it():
    line = "Opinion polls show that most skippers back the escort plan, the cooperative said."
    assert texts(page_with(line, "between")) == news_with(line, "between")


# --- transcripts: a role before the speaker's name ---------------------------------------------------------------


def test_a_role_in_capitals_before_a_speakers_name_is_cut_with_the_name():
    page = (
        "River Talk, episode 31\n\n"
        "[00:00:02] PRESENTER, OKSANA LEVCHUK: Welcome to River Talk.\n\n"
        "[00:00:09] GUEST, CAPT. IHOR BONDAR: Thank you, it is good to be here.\n\n"
        "[00:01:15] LEVCHUK: How many ferries will cross this winter?\n\n"
        "[00:01:20] BONDAR: Four, if the escort comes.\n"
    )
    assert texts(page)[-4:] == [
        "Welcome to River Talk.",
        "Thank you, it is good to be here.",
        "How many ferries will cross this winter?",
        "Four, if the escort comes.",
    ]


def test_a_shows_role_by_name_before_a_speakers_name_is_cut_and_makes_the_page_a_dialogue():
    page = (
        "River Talk, episode 32\n\n"
        "[00:00:03] Host, Oksana Levchuk: Welcome back to the programme about the river.\n\n"
        "[00:00:10] Guest, Ihor Bondar: Thanks, Oksana.\n\n"
        "[00:00:21] LEVCHUK: So what happened at the landing stage?\n"
    )
    assert texts(page)[-3:] == [
        "Welcome back to the programme about the river.",
        "Thanks, Oksana.",
        "So what happened at the landing stage?",
    ]


def test_a_hosts_question_that_opens_with_a_name_and_a_comma_is_kept_whole():
    page = (
        "River Talk, episode 31\n\n"
        "[00:02:00] LEVCHUK: Captain Bondar, the ministry says the escort is ready. Is it?\n\n"
        "Ihor, what would you tell the skippers who want to wait?\n\n"
        "[00:02:30] BONDAR: That the river does not wait for anyone.\n"
    )
    assert "Ihor, what would you tell the skippers who want to wait?" in texts(page)
    assert "Captain Bondar, the ministry says the escort is ready." in texts(page)


# --- glued sentences after a lower-case initialism ---------------------------------------------------------------


def test_a_sentence_glued_after_p_m_is_cut_there():
    line = "The landing stage will be open from 9 a.m. until 5 p.m.Skippers said about 30 lorries had booked a place."
    assert texts(page_with(line, "between"))[2:4] == [
        "The landing stage will be open from 9 a.m. until 5 p.m.",
        "Skippers said about 30 lorries had booked a place.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The first ferry leaves at 4 p.m. Kyiv time on Thursday, the operator said.",
        "The U.S. Embassy in Kyiv said the crossings were a matter for the Ukrainian authorities.",
    ],
)
def test_an_initialism_with_its_space_runs_on_as_before(line):
    assert texts(page_with(line, "between")) == news_with(line, "between")


# --- a site's name with its kind, an outlet's desk as a byline ---------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Dnipro Public Radio (regional public broadcaster)",
        "RiverPost (Ukrainian news site)",
        "Kaniv Radio – regional public broadcaster",
    ],
)
def test_a_sites_name_with_its_kind_in_brackets_is_furniture(line):
    assert texts(f"{line}\n\n{HEADLINE}\n\n{BODY}\n\n{MORE}\n\n{LAST}\n") == NEWS


@pytest.mark.parametrize(
    "line",
    [
        "Kremlin Bans Dnipro Radio (Regional TV Channel)",
        "Kyiv shuts RiverPost (news site)",
        "Ferry Talks Resume at Kaniv - state tv",
    ],
)
def test_a_headline_with_an_outlet_in_brackets_is_kept(line):
    assert texts(f"{line}\n\n{BODY}\n\n{MORE}\n") == [line, BODY, MORE]


@pytest.mark.parametrize(
    "byline", ["by The Cherkasy Courier news desk", "By Cherkasy Courier staff", "by Cherkasy Courier foreign desk"]
)
def test_an_outlets_desk_under_the_headline_is_a_byline_not_the_headline_carried_on(byline):
    page = f"{HEADLINE}\n{byline}\n\n{BODY}\n\n{MORE}\n\n{LAST}\n"
    assert texts(page) == NEWS


def test_a_wrapped_sentence_that_goes_on_with_by_is_carried_on():
    page = f"{HEADLINE}\n\nThe crossing was approved on Monday\nby The Hague-based river commission and the ministry.\n"
    assert texts(page)[1] == (
        "The crossing was approved on Monday\nby The Hague-based river commission and the ministry."
    )
