"""Segmentation of whole pasted web pages: furniture, glued labels, real layouts, Unicode look-alikes.

Every page here is invented for the test (outlets, reporters, headlines), in the styles of Russian
state, Ukrainian and international outlets.
"""

from __future__ import annotations

import pytest
from conftest import segmented_texts as texts

from stanceclf.features import _fold, normalise
from stanceclf.segment import is_furniture, segment


def flat(text: str) -> list[str]:
    """Statements with their whitespace collapsed (hard-wrapped ones keep their line breaks)."""
    return [" ".join(s.split()) for s in texts(text)]


WIRE_PAGE = """Skip to main content
Baltic Ledger Wire
World | Business | Markets | Legal | More

Europe
Kremlin says it is ready for a third round if Kyiv accepts "new realities"
By Piotr Halas and Nadia Kosenko
3 min read

MOSCOW, June 3 (Baltic Ledger) - The Kremlin is ready to send its delegation back to Istanbul, spokesman Dmitry Peskov said on Tuesday, but only if Kyiv accepts what he called the new territorial realities.

"We are open. The door has not been closed," Peskov told reporters. "But the other side must understand the situation on the ground."

A woman walks past a burned-out tram in Kharkiv, Ukraine, June 2, 2025.
BALTIC LEDGER/Olha Marchenko

Related news
Ukraine's grain exports slip as ports come under fire
Zelensky names new envoy for prisoner talks

Ukraine's Foreign Ministry said the conditions amounted to an ultimatum and that Kyiv would not give up any land.

Share
Facebook
X
Email
(Reporting by Piotr Halas in Moscow; Writing by Nadia Kosenko; Editing by Tom Weller)
Tags: Russia, Ukraine, peace talks
© 2025 Baltic Ledger. All rights reserved.
"""  # noqa: E501 (a page's paragraphs are long lines)


def test_a_wire_page_keeps_only_its_sentences():
    assert texts(WIRE_PAGE) == [
        'Kremlin says it is ready for a third round if Kyiv accepts "new realities"',
        "The Kremlin is ready to send its delegation back to Istanbul, spokesman Dmitry Peskov said on Tuesday,"
        " but only if Kyiv accepts what he called the new territorial realities.",
        '"We are open.',
        'The door has not been closed," Peskov told reporters.',
        '"But the other side must understand the situation on the ground."',
        "Ukraine's Foreign Ministry said the conditions amounted to an ultimatum and that Kyiv would not give up"
        " any land.",
    ]


UKRAINIAN_PAGE = """Dnipro Evening
News feed  Politics  War  Economy  Columns
Support Dnipro Evening

Umerov after Geneva: Ukraine wants a full exchange, not a partial one
MARIIA HONCHARTuesday, 17 June 2025, 18:40

Rustem Umerov. Photo: Ministry of Defence of Ukraine

Rustem Umerov, Secretary of the National Security and Defence Council, has said Ukraine is ready to swap all prisoners for all prisoners.

Quote: "We are ready for an all-for-all exchange tomorrow. The Russian side keeps changing the lists."

Details: Umerov said the next meeting of the working groups would take place in Geneva.

Background:
• On 2 June, the delegations met in Istanbul for the second time.
• The sides agreed to return the bodies of fallen soldiers.

Read more: Zelensky: no ceasefire deal without our partners

Dnipro Evening has been telling the truth about the war for 12 years. Support us so that we can keep going.
Tags: Umerov exchange Geneva
Comments (12)
Show more
"""  # noqa: E501 (a page's paragraphs are long lines)


def test_a_ukrainian_page_cuts_its_labels_and_keeps_the_bullets():
    assert texts(UKRAINIAN_PAGE) == [
        "Umerov after Geneva: Ukraine wants a full exchange, not a partial one",
        "Rustem Umerov, Secretary of the National Security and Defence Council, has said Ukraine is ready to swap"
        " all prisoners for all prisoners.",
        '"We are ready for an all-for-all exchange tomorrow.',
        'The Russian side keeps changing the lists."',
        "Umerov said the next meeting of the working groups would take place in Geneva.",
        "On 2 June, the delegations met in Istanbul for the second time.",
        "The sides agreed to return the bodies of fallen soldiers.",
    ]


STATE_PAGE = """Northern Telegraph Agency
Politics  World  Economy  Sport  Regions
EN | RU

Lavrov: Moscow will not accept a truce that lets Kiev rearm

MOSCOW, April 9. /NTA/. Russia will not accept a ceasefire that gives the Kiev regime time to rearm, Foreign Minister Sergey Lavrov said on Wednesday."We have seen this before.Every pause was used to bring in new weapons," he said.He added that the U.S. side understood this.

The minister said the next contacts were planned for Jan.5 and that the figure of 3.5 million refugees was exaggerated.

Read also
Peskov: no date yet for a Putin-Trump meeting
Russian MFA comments on European "peace plan"

Lavrov also said the sides had exchanged draft memorandums.

Tags: Lavrov, ceasefire
Telegram
VK
Print version
© 2001-2025 Northern Telegraph Agency. Reproduction of materials is permitted only with a hyperlink to the source.
"""  # noqa: E501 (a page's paragraphs are long lines)


def test_a_state_agency_page_with_glued_sentences():
    assert texts(STATE_PAGE) == [
        "Lavrov: Moscow will not accept a truce that lets Kiev rearm",
        "Russia will not accept a ceasefire that gives the Kiev regime time to rearm, Foreign Minister Sergey"
        " Lavrov said on Wednesday.",
        '"We have seen this before.',
        'Every pause was used to bring in new weapons," he said.',
        "He added that the U.S. side understood this.",
        "The minister said the next contacts were planned for Jan.5 and that the figure of 3.5 million refugees"
        " was exaggerated.",
        "Lavrov also said the sides had exchanged draft memorandums.",
    ]


WRAPPED_PAGE = """Harbour Wire Service
Zelensky says Ukraine will not trade land for a pause as envoys head to
Riyadh
By Anna Berg

KYIV, March 20 (Harbour) - Ukraine will not give up territory in return for
a ceasefire, President Volodymyr Zelensky said on Thursday, as American and
Russian negotiators prepared for another round of talks in Saudi Arabia.

"We want peace. We are ready for a full ceasefire, but we will never
recognise any occupied land as Russian," Zelensky told a news conference in
Kyiv, adding that the United States understood Ukraine's position.

The Kremlin said it saw no reason to hurry. Spokesman Dmitry Peskov said the
talks would be "long and difficult" and that Moscow would insist on what it

calls the root causes of the conflict being addressed first.
"""


def test_hard_wrapped_text_keeps_sentences_whole_and_headlines_apart():
    assert flat(WRAPPED_PAGE) == [
        "Zelensky says Ukraine will not trade land for a pause as envoys head to Riyadh",
        "Ukraine will not give up territory in return for a ceasefire, President Volodymyr Zelensky said on"
        " Thursday, as American and Russian negotiators prepared for another round of talks in Saudi Arabia.",
        '"We want peace.',
        'We are ready for a full ceasefire, but we will never recognise any occupied land as Russian," Zelensky'
        " told a news conference in Kyiv, adding that the United States understood Ukraine's position.",
        "The Kremlin said it saw no reason to hurry.",
        'Spokesman Dmitry Peskov said the talks would be "long and difficult" and that Moscow would insist on'
        " what it calls the root causes of the conflict being addressed first.",
    ]


def test_a_line_break_before_a_capital_or_a_quote_continues_a_wrapped_sentence():
    lines = [
        "The foreign minister told the parliament in Kyiv on Friday that the",
        "European Union had agreed to keep its sanctions in place until at least",
        '"the last Russian soldier" had left the country, and that talks would',
        "follow only after that, whatever the pressure from Washington might be.",
        "Then the session ended.",
    ]
    assert flat("\n".join(lines)) == [" ".join(lines[:4]), "Then the session ended."]


def test_bullets_after_a_lead_in_are_statements_and_so_is_the_lead_in():
    page = (
        "Lavrov listed the conditions for a settlement:\n"
        "- the neutral status of Ukraine;\n"
        "- the recognition of the new borders;\n"
        "- the lifting of Western sanctions.\n"
        "Kyiv rejected all three."
    )
    assert texts(page) == [
        "Lavrov listed the conditions for a settlement:",
        "the neutral status of Ukraine;",
        "the recognition of the new borders;",
        "the lifting of Western sanctions.",
        "Kyiv rejected all three.",
    ]
    inline = "Lavrov listed the conditions: • the neutral status of Ukraine; • the lifting of sanctions."
    assert texts(inline) == [
        "Lavrov listed the conditions:",
        "the neutral status of Ukraine;",
        "the lifting of sanctions.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        'The company staged "Mariupol. The Unbroken City" in Lviv on Sunday.',
        "He flew from St. Petersburg to Minsk on Friday.",
        'Critics praised the film "Ash. A Winter Diary" and its score.',
        "The memo was filed under No. 12 of the register.",
    ],
)
def test_titles_and_places_with_full_stops_do_not_split(text):
    assert texts(text) == [text]


@pytest.mark.parametrize(
    "prefix",
    [
        "MOSCOW, March 14. /TASS/. ",
        "MOSCOW, March 14. /TASS/.",
        "KYIV, May 2 (Reuters) - ",
        "KYIV, May 2 (Reuters) -",
        "ODESA — ",
        "KYIV, Ukraine (AP) — ",
        "Kyiv, 12 May (Ukrinform) – ",
        "Kherson (Ukraine) (AFP) - ",
        "(UNIAN) ",
        "• ",
        "- ",
        "Quote: ",
        "Context: ",
        "Summary ",
    ],
)
def test_datelines_tags_labels_and_bullets_are_cut_from_their_sentence(prefix):
    sentence = "Russia said it was ready for talks on Monday."
    assert texts(prefix + sentence) == [sentence]


@pytest.mark.parametrize(
    "line",
    [
        "OLENA PETRENKOMonday, 3 March 2025, 09:12",
        "By Ivan Petrov, staff correspondent",
        "(Reporting by Ivan Petrov; Editing by Mark Lowe)",
        "(Writing by Dana Kraus)",
        "Photo: Office of the President of Ukraine",
        "Credit: AGENCY/Taras Hlib",
        "(Taras Hlib/Eastern Wire)",
        "© Pavel Orlov/POOL/EASTERN WIRE",
        "A rescuer works at the site in Dnipro on Monday. (Pavel Orlov/Eastern Wire)",
        "Share",
        "Print",
        "Font size",
        "Show more",
        "Read more: Ukraine and Poland sign a new transit deal",
        "Read also:",
        "Related news",
        "Tags: ceasefire, Istanbul, prisoners",
        "Comments (214)",
        "5 min read",
        "Listen to this article",
        "Advertisement",
        "Accept cookies",
        "Skip to content",
        "© 2025 Harbour Media Group",
        "All rights reserved.",
        "Telegram",
        "Follow us on Telegram and X",
        "News  World  Politics  Economy  Sport",
        "Kyiv • Eastern Wire",
        "We use cookies to improve your experience on our website.",
        "Subscribe to our newsletter to get the morning briefing.",
        "Visit our live page for the latest updates.",
        "If you value our reporting, support us with a donation today.",
        "Updated 4:17 PM EDT, May 23, 2025",
        "17:45 21.05.2025 (updated: 18:02 21.05.2025)",
        "Item 1 of 3 A soldier walks past a burned-out building in Pokrovsk.",
        "[1/2] A soldier walks past a burned-out building in Pokrovsk.",
        "A soldier walks past a burned-out building in Pokrovsk. [File: Ivan Petrov/Eastern Wire]",
        "REUTERS/Gleb Orlov/File Photo Purchase Licensing Rights, opens new tab",
        "Published 2 hours ago",
        "14:07 Zelensky meets Macron in Paris",
        "Follow Eastern Wire on Telegram",
        "Associated Press writer Ivan Petrov in Kyiv contributed to this report.",
        "This article was originally written in German.",
        "If you see a mistake, select the text and press Ctrl+Enter.",
        "WorldRussiaEconomyAnalysisMultimedia",
        "https://example.org/p/4Fq2x",
    ],
)
def test_every_kind_of_furniture_line_is_dropped(line):
    assert is_furniture(line)
    assert texts(f"Talks resumed on Monday in Istanbul after a long pause.\n{line}\nKyiv sent its team.") == [
        "Talks resumed on Monday in Istanbul after a long pause.",
        "Kyiv sent its team.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Putin said he would read more of the proposal before replying.",
        "Zelensky will share the plan with European allies on Friday.",
        "Kyiv's allies follow the talks closely, officials said.",
        "The Kremlin said it would print no new version of the memorandum.",
        "Ukraine said it would support a ceasefire monitored by the United Nations.",
        "Russia says it is ready for talks",
        "Peskov: no date yet for a meeting of the leaders",
    ],
)
def test_real_sentences_with_interface_words_are_kept(sentence):
    assert not is_furniture(sentence)
    assert texts(sentence) == [sentence]


def test_a_caption_above_its_credit_is_dropped_but_body_text_is_not():
    page = (
        "Rescuers search the rubble of a house in Sumy on Saturday.\n"
        "© Orest Lysak / EASTERN WIRE\n"
        "\n"
        "Russian drones struck the city overnight, the regional governor said on Saturday."
    )
    assert texts(page) == ["Russian drones struck the city overnight, the regional governor said on Saturday."]


def test_a_related_block_with_full_text_keeps_its_headline():
    page = (
        "Kyiv asks for more air defence\n"
        "Ukraine asked its allies for more air defence systems on Monday.\n"
        "Related Articles\n"
        "Eastern Wire\n"
        "2 hours ago\n"
        "Moscow says Istanbul talks can resume\n"
        "Russia is ready to resume talks in Istanbul next month, the Kremlin said on Monday.\n"
    )
    assert texts(page) == [
        "Kyiv asks for more air defence",
        "Ukraine asked its allies for more air defence systems on Monday.",
        "Moscow says Istanbul talks can resume",
        "Russia is ready to resume talks in Istanbul next month, the Kremlin said on Monday.",
    ]


def test_speaker_labels_of_a_transcript_are_cut():
    page = (
        "Question: Mr. President, are you ready to meet Zelensky?\n"
        "Vladimir Putin: I have never refused. But a meeting has to be prepared.\n"
    )
    assert texts(page) == [
        "Mr. President, are you ready to meet Zelensky?",
        "I have never refused.",
        "But a meeting has to be prepared.",
    ]


PLAIN = "Vladimir Putin said the regime in Kyiv was not ready. Ukraine's envoy in Istanbul disagreed."


@pytest.mark.parametrize(
    "lookalike",
    [
        PLAIN.replace("Vladimir Putin", "Vladimir\u00a0Putin"),  # no-break space between names
        PLAIN.replace("regime", "re\u00adgime"),  # soft hyphen inside a word
        PLAIN.replace("in Kyiv", "in\u2009Kyiv").replace("ready. U", "ready.\u202fU"),  # thin spaces
        PLAIN.replace("Putin", "Ｐｕｔｉｎ"),  # full-width letters
        PLAIN.replace("Ukraine's", "Ukraine\u02bcs"),  # modifier apostrophe
        PLAIN.replace("Istanbul", "\u0130stanbul"),  # dotted capital I
        PLAIN.replace("Vladimir Putin", "Vladimir\tPutin"),  # a tab inside a name
        PLAIN.replace("regime", "reg\u200bime"),  # zero-width space
    ],
    ids=["nbsp", "soft-hyphen", "thin-space", "full-width", "modifier-apostrophe", "dotted-i", "tab", "zero-width"],
)
def test_lookalike_characters_give_the_same_statements_and_features(lookalike):
    plain = segment(PLAIN)
    found = segment(lookalike)
    assert len(found) == len(plain) == 2
    assert [normalise(s.text) for s in found] == [normalise(s.text) for s in plain]
    assert [_fold(s.text) for s in found] == [_fold(s.text) for s in plain]


def test_full_width_digits_fold_like_ascii_digits():
    assert normalise("Ceasefire for ３０ days") == normalise("Ceasefire for 30 days")


def test_a_hard_wrapped_name_is_masked_like_the_plain_name():
    assert normalise("Vladimir\nPutin said so.") == normalise("Vladimir Putin said so.")
