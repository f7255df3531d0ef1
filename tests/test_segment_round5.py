"""Segmentation rules of round 5: the kinds of furniture and boundaries that test3 and test2 showed, by shape,
and shapes of real pages that the benchmark pages lacked (footnote marks, time codes, paywalls, widgets).

Each rule has a test that it fixes and one that it must not break. Every text is written for these
tests, in wordings that are in none of the benchmark pages (other outlets, people, places, labels and
notes), so a rule that memorised a page fails here.
"""

from __future__ import annotations

import pytest
from conftest import segmented_texts as texts

from stanceclf.segment import is_furniture

HEADLINE = "Envoys from Kyiv and Moscow to meet again in Vienna after a month of silence"
BODY = "Delegations from both sides will meet in a hotel near the Danube on Thursday, two diplomats said."
MORE = "A Swiss mediator said the agenda would cover prisoner exchanges and the safety of the Zaporizhzhia plant."
LAST = "Neither side has said who will lead its team, and the Kremlin declined to comment on Wednesday."


# --- live pages: posts, their bylines and buttons, the page's notes --------------------------------


def test_a_live_pages_notes_bylines_and_buttons_are_dropped():
    page = (
        f"{HEADLINE}\n\nLive coverage. Reload this page? Refresh this page to see new entries.\n\n09:12 CET\n\n"
        f"{BODY}\n\nPosted by Marit Olsen\n\nShare post\n\n08:40 CET\n\n{MORE}\n\nLatest updates\n\n"
        f"We are pausing this live coverage for the night.\n\n{LAST}"
    )
    assert texts(page) == [HEADLINE, BODY, MORE, LAST]


def test_a_sentence_about_posts_and_pages_is_kept():
    lines = [
        "The embassy posted by mistake a draft of the communique, the ministry said on Friday.",
        "Officials refresh the list of exchanged prisoners every week, the ombudsman's office said.",
        "The envoy said this live broadcast of the talks was a first for the mediators.",
    ]
    assert texts("\n\n".join(lines)) == lines[:2] + [lines[2]]


def test_posted_by_is_a_byline():
    assert is_furniture("Posted by Anneli Kask")
    assert is_furniture("Filed by Omar Haddad, Amman")
    assert not is_furniture("Posted by the ministry, the video shows a convoy near Kupiansk.")


# --- notes about the text, its rights and its source -------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "This report has not been checked by our editors and is auto-generated from a wire feed.",
        "This conversation has been lightly edited for clarity and condensed for length.",
        "All materials of the portal may be freely reproduced with a reference to the source.",
        "We acknowledge the traditional owners of the country on which this newsroom stands.",
        "Please enable JavaScript in your browser to see the comments.",
    ],
)
def test_notes_about_the_text_are_dropped(note):
    assert texts(f"{BODY}\n\n{MORE}\n\n{note}") == [BODY, MORE]


@pytest.mark.parametrize(
    "sentence",
    [
        "The draft was edited for weeks by lawyers from both delegations, a diplomat said.",
        "The ministry said the map may be reproduced in the final treaty, with the new line marked.",
        "Ukraine does not acknowledge the annexation, the foreign minister said in Vienna.",
        "The syndicated column was translated into Ukrainian and Russian on Monday.",
    ],
)
def test_sentences_with_the_notes_words_are_kept(sentence):
    assert texts(f"{BODY}\n\n{sentence}\n\n{MORE}") == [BODY, sentence, MORE]


# --- newsletters: section heads, the footer, forwarding ----------------------------------------------


def test_a_newsletters_section_heads_and_footer_are_dropped():
    page = (
        "Open in browser\n\nFive things you need to know this morning\n\n"
        f"• {BODY}\n\n• {MORE}\n\nThe top story\n\n{LAST}\n\nQuote of the day\n\n"
        "Liked this briefing? Forward this email to a friend.\n\n"
        "You're receiving this newsletter because you subscribed at danube-desk.example. Unsubscribe"
    )
    assert texts(page) == [BODY, MORE, LAST]


def test_a_headline_that_starts_like_a_section_head_is_kept():
    lines = ["The big story of the summit was who stayed away", BODY, "Things to know about the Vienna format", MORE]
    assert texts("\n\n".join(lines)) == lines


# --- galleries whose numbers stand alone -------------------------------------------------------------


def test_a_gallerys_captions_under_numbers_alone_are_dropped():
    gallery = (
        "4 / 9\n\nA ferry waits at the pier in Izmail after the night alert.\n\n"
        "5 / 9\n\nVolunteers hand out water near the damaged warehouse.\n\n6 / 9"
    )
    assert texts(f"{HEADLINE}\n\n{BODY}\n\n{gallery}\n\n{MORE}") == [HEADLINE, BODY, MORE]


def test_a_fraction_alone_does_not_make_a_caption():
    lines = [BODY, "2/3", "A two-thirds majority is needed to ratify the deal, the speaker said.", MORE]
    assert texts("\n\n".join(lines)) == [BODY, lines[2], MORE]


# --- bylines with date stamps, from a place; players; counters ---------------------------------------


def test_a_byline_set_with_its_date_stamps_is_dropped():
    assert is_furniture("Priya Natarajan · Published: Nov 30, 2026 7:45 PM ET | Updated: 2 hours ago")
    assert is_furniture("Hanna Berg | 12.05.2026 | Updated 14:20")
    assert is_furniture("Luis Ferreira, from Maputo")
    assert is_furniture("Ana Costa, reporting from Luanda")


def test_a_headline_with_a_separator_and_a_sentence_with_from_are_kept():
    assert not is_furniture("Kyiv rejects the Vienna draft | Talks to go on")
    assert not is_furniture("Grain, from Odesa to Alexandria, moves again as the corridor holds.")
    assert texts(f"Kyiv and Moscow swap 300 prisoners · Talks to resume\n\n{BODY}") == [
        "Kyiv and Moscow swap 300 prisoners · Talks to resume",
        BODY,
    ]


def test_players_and_counters_with_times_are_dropped():
    assert is_furniture("Video 3:05")
    assert is_furniture("Podcast 1:02:47")
    assert is_furniture("🔁 2.4K  ❤ 11.9K  08:15")
    assert is_furniture("1.1K Reposts 4.8K Likes 96 Replies")
    assert not is_furniture("Video shows 3:05 on the clock as the convoy passes")


# --- table notes, sign-offs, kickers -----------------------------------------------------------------


def test_a_tables_note_in_brackets_is_dropped():
    assert is_furniture("(Unit: thousand tonnes)")
    assert is_furniture("(In billions of euros)")
    assert texts(f"{BODY}\n\n(The figures for October were revised on Monday.)\n\n{MORE}") == [
        BODY,
        "(The figures for October were revised on Monday.)",
        MORE,
    ]


def test_a_sign_off_of_short_exclamations_after_the_body_is_dropped():
    page = f"{BODY}\n\n{MORE}\n\nStay with us! Stay safe!\n\nTelegram | Viber"
    assert texts(page) == [BODY, MORE]


def test_a_short_exclamation_inside_the_body_is_kept():
    lines = [BODY, "Not one step back!", MORE]
    assert texts("\n\n".join(lines)) == lines


def test_a_kicker_of_genre_words_is_dropped():
    page = f"{HEADLINE}\n\nExclusive interview\n\nGuest opinion\n\n{BODY}"
    assert texts(page) == [HEADLINE, BODY]


# --- speakers: a surname alone heads a channel's news, a dialogue's turns are cut --------------------


def test_a_surname_before_a_headline_sentence_is_kept():
    page = f"Sybiha: Kyiv has not seen any new proposal from Moscow.\n\n{BODY}\n\nYermak: the next call is planned."
    assert texts(page)[0] == "Sybiha: Kyiv has not seen any new proposal from Moscow."


def test_a_dialogues_one_word_speakers_are_cut():
    page = (
        "Q: Will Kyiv sign a deal this year?\n\nLubinets: Not before every prisoner is home.\n\n"
        "Host: And if Moscow refuses?\n\nLubinets: Then we keep talking."
    )
    assert texts(page) == [
        "Will Kyiv sign a deal this year?",
        "Not before every prisoner is home.",
        "And if Moscow refuses?",
        "Then we keep talking.",
    ]


# --- briefings: topic headings -----------------------------------------------------------------------


def test_a_briefings_topic_headings_are_dropped():
    page = (
        "On the outcome of the Vienna consultations\n\n"
        f"{BODY}\n\nOn the humanitarian situation in the Kherson region\n\n{MORE}"
    )
    assert texts(page) == [BODY, MORE]


def test_a_single_headline_that_starts_with_on_is_kept():
    page = f"On the road with the deminers of Izium\n\n{BODY}\n\n{MORE}"
    assert texts(page) == ["On the road with the deminers of Izium", BODY, MORE]


# --- print lines, wrapped notices --------------------------------------------------------------------


def test_a_print_editions_line_is_dropped():
    assert is_furniture("Issue No. 77 of 14.11.2026, p. 5")
    assert is_furniture("Newspaper No. 12 (3410), 3 March 2026")
    assert not is_furniture("Issue No. 1 for Kyiv is the return of its prisoners")


def test_the_wrapped_end_of_a_notice_goes_with_it():
    page = (
        f"{BODY}\n\nSubscribe to the weekly and get each issue as a PDF on the\nday before it reaches kiosks.\n\n{MORE}"
    )
    assert texts(page) == [BODY, MORE]


def test_a_wrapped_sentence_after_a_long_line_is_kept():
    page = f"{HEADLINE}\n{BODY[:40]}\n{BODY[40:]}"
    assert texts(page) == [HEADLINE, f"{BODY[:40]}\n{BODY[40:]}"]


# --- sentence boundaries: "on X.", footnote marks, time codes, a glued headline ----------------------


def test_a_quote_after_wrote_on_x_is_a_new_sentence():
    page = "“The door stays open,” the envoy wrote on X. “We will be in Vienna on Thursday.”"
    assert texts(page) == ["“The door stays open,” the envoy wrote on X.", "“We will be in Vienna on Thursday.”"]


def test_an_initial_before_a_surname_is_kept():
    page = "The talks were led by Malcolm X. Brandt, a retired Swiss diplomat, the ministry said."
    assert texts(page) == [page]


def test_a_footnote_mark_ends_its_sentence_and_is_cut_off():
    # Round 6: the test4 gold (codebook section 1) counts the mark as furniture, so it is no longer kept.
    page = "The treaty of 1994 gave security assurances.[3] Kyiv says they were broken.¹ Moscow denies it."
    assert texts(page) == [
        "The treaty of 1994 gave security assurances.",
        "Kyiv says they were broken.",
        "Moscow denies it.",
    ]


def test_a_time_code_is_cut_off_a_transcripts_sentence():
    page = "[01:42] The minister said the corridor would stay open.\n\n(12:05) Kyiv has not replied."
    assert texts(page) == ["The minister said the corridor would stay open.", "Kyiv has not replied."]


def test_a_time_in_brackets_inside_a_sentence_is_kept():
    page = "(14:30) was the hour set for the call, the Kremlin said."
    assert texts(page) == [page]


def test_a_headline_glued_to_its_first_sentence_is_split():
    page = f"{HEADLINE}{BODY}"
    assert texts(page) == [HEADLINE, BODY]
    quoted = 'Kremlin says a deal is "close"Officials in Moscow gave no date for the signing.'
    assert texts(quoted) == ['Kremlin says a deal is "close"', "Officials in Moscow gave no date for the signing."]


def test_names_with_inner_capitals_do_not_split_a_sentence():
    page = "Russian regulators slowed YouTube and blocked the iPhone app of the McDonald family's foundation."
    assert texts(page) == [page]


# --- widgets and paywalls of real pages --------------------------------------------------------------


@pytest.mark.parametrize(
    "widget",
    [
        "Advertisement - Scroll to continue",
        "Article continues below this advertisement",
        "Story continues after advertisement",
        "Photo 2 of 14",
        "Slide 3/8",
        "Continue reading",
        "Open in app",
        "You have 3 free articles remaining this month.",
        "This article is only for subscribers.",
        "We and our 842 partners store and/or access information on a device, such as cookies.",
    ],
)
def test_widgets_and_paywalls_are_dropped(widget):
    assert texts(f"{BODY}\n\n{widget}\n\n{MORE}") == [BODY, MORE]


def test_a_loading_widget_is_not_a_wrapped_sentences_end():
    page = f"{BODY}\n\nArticle continues after this advertisement\n\nLoading...\n\n{MORE}"
    assert texts(page) == [BODY, MORE]


def test_sentences_with_widget_words_are_kept():
    lines = [
        "The story continues a pattern of strikes on ports, the navy said.",
        "Slide 3 of the presentation showed the new line of contact, a delegate said.",
        "Russia said it would continue reading the draft before the next round.",
    ]
    assert texts("\n\n".join(lines)) == lines


# --- tables of contents ------------------------------------------------------------------------------


def test_a_table_of_contents_is_dropped():
    page = f"{HEADLINE}\n\nIn this article\n1. Who is at the table\n2. What each side wants\n\n{BODY}\n\n{MORE}"
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_crlf_line_endings_give_the_same_statements():
    page = f"{HEADLINE}\n\nShare post\n\n{BODY}\n{MORE}\n\nStay with us! Stay safe!"
    crlf = page.replace("\n", "\r\n")
    assert texts(crlf) == texts(page) == [HEADLINE, BODY, MORE]


# --- a menu item that reads like a related-articles heading, above the headline ----------------------


def test_a_headline_under_a_menus_latest_item_is_kept():
    page = (
        f"DANUBE DESK\nHome | Europe | World\nMost popular\n\n{HEADLINE}\n\n09:40, 2 December 2026\n\n{BODY}\n\n{MORE}"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_a_related_list_between_the_headline_and_the_body_is_still_dropped():
    page = f"{HEADLINE}\n\nMost popular\nKremlin aide to visit Ankara next week\nGrain prices fall in Odesa\n\n{BODY}"
    assert texts(page) == [HEADLINE, BODY]


def test_topic_headings_repeated_from_a_contents_list_are_dropped():
    page = (
        "Contents\nOn the Vienna consultations\nOn the grain corridor\n\n"
        f"On the Vienna consultations\n\n{BODY}\n\nOn the grain corridor\n\n{MORE}"
    )
    assert texts(page) == [BODY, MORE]


# --- a table's title and source, labelled and dated bylines, reporters in places ---------------------


def test_a_tables_title_and_source_are_dropped():
    page = (
        f"{BODY}\n\nWheat shipped from Danube ports, monthly totals\n"
        "Month\tTonnes\tChange\nSept.\t410,200\t-3%\nOct.\t398,750\t-2%\n"
        "Source: port authority, shipping agents\n\n"
        f"{MORE}"
    )
    assert texts(page) == [BODY, MORE]


def test_a_sentence_before_a_table_and_a_subheading_after_it_are_kept():
    page = (
        f"{BODY}\n\nThe ministry gave these figures for the two months.\n"
        "Month   Tonnes   Change\nSept.   410,200   -3%\nOct.   398,750   -2%\n\n"
        f"Exports fall for a second month\n\n{MORE}"
    )
    assert texts(page) == [
        BODY,
        "The ministry gave these figures for the two months.",
        "Exports fall for a second month",
        MORE,
    ]


def test_labelled_and_dated_bylines_are_dropped():
    assert is_furniture("Responsible editor: Zhao Min")
    assert is_furniture("Source: Harbour Times Editor: Chen Yu 2026-11-30 08:41:07")
    assert is_furniture("Daily Press Briefing – November 30, 2026")
    assert is_furniture("Marta Kowal in Warsaw and Jonas Eik in Oslo")
    assert not is_furniture("Foreign correspondents: Moscow expels three reporters from Kyiv bureaus")
    assert not is_furniture("Kyiv rejects the plan – November 30, 2026, the day after the vote in Vienna")
    assert not is_furniture("Marta Kowal in Warsaw")


def test_a_short_interface_sentence_after_a_sponsors_line_is_dropped():
    page = f"{BODY}\n\nWe build the grids of tomorrow. Learn more.\n\n{MORE}"
    assert texts(page) == [BODY, "We build the grids of tomorrow.", MORE]
    assert texts("Are the talks over? Yes.") == ["Are the talks over?", "Yes."]


@pytest.mark.parametrize(
    "line",
    [
        "Unlock the Morning Ledger for free",
        "Russia-Ukraine war + Add to myLedger",
        "The agency's site publishes only a selection of the news items sent to its subscribers.",
    ],
)
def test_site_offers_are_dropped(line):
    assert texts(f"{BODY}\n\n{line}\n\n{MORE}") == [BODY, MORE]


# --- pull quotes, appeals of a channel, a transcript's place line ------------------------------------


def test_a_pull_quote_repeating_a_body_sentence_is_dropped():
    body = "The envoy spoke for an hour. They want a pause, not a peace, he said of the other side."
    page = f"{HEADLINE}\n\n{body}\n\n“They want a pause, not a peace, he said of the other side.”\n\n{MORE}"
    assert texts(page) == [HEADLINE, "The envoy spoke for an hour.", body[29:], MORE]


def test_a_quote_paragraph_said_once_is_kept():
    quote = "“We will not trade land for a pause in the shelling,” the mayor of Kherson said."
    assert texts(f"{BODY}\n\n{quote}\n\n{MORE}") == [BODY, quote, MORE]


def test_a_channels_appeal_and_a_place_line_are_dropped():
    page = f"Columbus, O.\n\n{BODY}\n\nSupport the channel: the donation link is in the description.\n\n{MORE}"
    assert texts(page) == [BODY, MORE]
    assert not is_furniture("Support the ceasefire, the envoy urged both delegations.")
    assert not is_furniture("Kyiv, Ukraine.")


# --- gift articles, credits after dots, source lines -------------------------------------------------


def test_gift_article_notes_credits_and_source_lines_are_dropped():
    page = (
        f"{HEADLINE}\n\nSource: Danube Desk\n\nSend any friend a story\n"
        "As a subscriber, you have 5 gift articles to give each month. Anyone can read what you share.\n\n"
        f"{BODY}\n\nCredit...Tomas Lind for The Harbour Times\n\n{MORE}"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_a_source_label_before_a_sentence_and_a_gift_in_the_news_are_kept():
    lines = [
        "Source: the delegations will meet again in Vienna next week.",
        "The gift of grain to Egypt was announced by the ministry on Friday.",
    ]
    assert texts("\n\n".join(lines)) == ["the delegations will meet again in Vienna next week.", lines[1]]
    assert not is_furniture("Sources: Kremlin aide says the draft still needs work")


# --- a blog platform's sharing buttons, comment form and appeals ------------------------------------


def test_a_blog_platforms_buttons_form_and_appeals_are_dropped():
    page = (
        f"{HEADLINE}\n\n{BODY}\n\nShare this:\nClick to share on Telegram (Opens in new window)\n"
        "Click to print (Opens in new window)\nLike this:\nLike Loading...\n\n"
        "Leave a Reply Cancel reply\nFull name *\nEmail *\n"
        "Save my name, email, and website in this browser for the next time I comment.\n\n"
        "Note from the editor: Thanks for reading this story. We are an independent news outlet.\n\n"
        "Hi, it's Ola from the desk. We have a small favour to ask.\n\n"
        f"{MORE}"
    )
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_sentences_near_the_appeals_words_are_kept():
    lines = [
        "Thanks for reading the draft so closely, the envoy told the committee.",
        "We are an independent commission, the chair of the inquiry said on Monday.",
        "The mayor said the city had a favour to ask of its partners in Vienna.",
    ]
    assert texts("\n\n".join(lines)) == lines


# --- a breadcrumb with slashes is no photo credit; reuse notes of agencies ---------------------------


def test_a_headline_under_a_breadcrumb_with_slashes_is_kept():
    page = f"Home / World / Europe\n\n{HEADLINE}\n\n© Danube Desk / Ana Ruiz\n\n{BODY}"
    assert texts(page) == [HEADLINE, BODY]


def test_a_caption_under_a_credit_with_slashes_still_goes():
    page = f"{HEADLINE}\n\n{BODY}\n\nREUTERS/Ana Ruiz\nDelegates queue at the entrance of the hall in Vienna\n\n{MORE}"
    assert texts(page) == [HEADLINE, BODY, MORE]


def test_an_agencys_reuse_note_is_dropped():
    note = "When citing any materials of the agency online, links to the site in the first paragraph are required."
    assert texts(f"{BODY}\n\n{note}\n\n{MORE}") == [BODY, MORE]
    kept = "When citing the materials of the inquiry, the court said, links to the evidence were missing."
    assert texts(f"{BODY}\n\n{kept}") == [BODY, kept]


# --- widgets between paragraphs: players, feedback, regions, sub-heads without content --------------


@pytest.mark.parametrize(
    "widget",
    [
        "Key takeaways",
        "What we know so far",
        "About the author",
        "Copy link to clipboard",
        "Listen to article 6 min",
        "Narration generated by AI.",
        "This video is not available in your country.",
        "Was this story helpful?",
        "Thanks for your feedback!",
        "Tap to unmute",
        "Rate this article",
        "Report a problem",
        "Edited by Nora Vaag",
        "First published on 30 November 2026",
    ],
)
def test_widgets_between_paragraphs_are_dropped(widget):
    assert texts(f"{BODY}\n\n{widget}\n\n{MORE}") == [BODY, MORE]


@pytest.mark.parametrize(
    "line",
    [
        "Key developments in the talks were kept secret, a diplomat said.",
        "What we know about the draft comes from two officials in Vienna.",
        "The report was edited by the ministry before it was published, the envoy said.",
        "The vote was not available to observers in the region, the mission said.",
    ],
)
def test_sentences_that_start_like_widgets_are_kept(line):
    assert texts(f"{BODY}\n\n{line}\n\n{MORE}") == [BODY, line, MORE]


# --- embeds, contacts, credits and reporting notes ---------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "— Olena Kurylo (@kurylo_olena) November 30, 2026",
        "A post shared by Danube Desk (@danube.desk)",
        "Embed from Getty Images",
        "Click to enlarge",
        "Already a member? Sign in",
        "Reuters and AP contributed reporting.",
        "With reporting by Jonas Eik in Oslo",
        "Contact the author: o.kurylo@danube-desk.example",
        "Tel.: +43 1 234 56 78",
        "Source: the regional military administration",
        "Sources: Reuters, AP",
        "Translation: Ines Moll",
        "Go to comments",
        "Share via",
        "Archive photo",
        "Danube Desk news desk",
        "Key updates on Nov. 30, 2026",
        "Add Danube Desk to your Google News feed",
    ],
)
def test_embeds_contacts_and_notes_are_dropped(line):
    assert texts(f"{BODY}\n\n{line}\n\n{MORE}") == [BODY, MORE]


@pytest.mark.parametrize(
    "line",
    [
        "The ministry wrote to the mission at info@osce.example on Monday, asking for observers.",
        "Source: Kyiv will not sign any deal that freezes the front line.",
        "With reporting from both sides banned, the front line is a blank on the map, the union said.",
        "The latest developments on the front show a slow Russian advance, analysts said.",
    ],
)
def test_sentences_with_handles_sources_and_reporting_are_kept(line):
    found = texts(f"{BODY}\n\n{line}\n\n{MORE}")
    assert found[0] == BODY and found[-1] == MORE and len(found) == 3


# --- an initialism at a sentence's end ---------------------------------------------------------------


def test_a_sentence_ending_in_an_initialism_ends_before_a_sentence_starter():
    page = "The envoys landed at 9 a.m. They drove to the palace. Talks were held in the U.S. It was a first."
    assert texts(page) == [
        "The envoys landed at 9 a.m.",
        "They drove to the palace.",
        "Talks were held in the U.S.",
        "It was a first.",
    ]


def test_an_initialism_before_a_name_or_a_noun_runs_on():
    lines = [
        "The call began at 9 a.m. Kyiv time, the presidential office said.",
        "The U.S. Senate will vote on the aid package next week.",
        "The talks were chaired by Anna K. Berg of the OSCE mission.",
    ]
    assert texts("\n\n".join(lines)) == lines


# --- Q. and A., short list items, a note behind a label ----------------------------------------------


def test_q_and_a_labels_of_an_interview_are_cut():
    page = "Q. Will Vienna host the next round?\n\nA. We have offered it, and Kyiv has accepted."
    assert texts(page) == ["Will Vienna host the next round?", "We have offered it, and Kyiv has accepted."]


def test_an_initial_a_outside_an_interview_is_kept():
    page = "A. Berg, the Swiss mediator, said the round would open on Thursday."
    assert texts(page) == [page]


def test_short_items_of_a_list_after_a_lead_in_are_kept():
    page = "The envoy set out two demands:\n1) a truce;\n2) an exchange of all prisoners."
    assert texts(page) == ["The envoy set out two demands:", "a truce;", "an exchange of all prisoners."]


def test_a_note_behind_a_label_is_dropped():
    page = f"{BODY}\n\nEditor's note: This report has been updated with the ministry's figures.\n\n{MORE}"
    assert texts(page) == [BODY, MORE]
