"""Speaker read in its page: turns of an interview or a transcript, and offices named by post.

Whole pages written for these tests (mastheads, bylines, datelines, share
lines, hard-wrapped paragraphs, no-break spaces): a presidential transcript
with ``Question:`` turns, a radio interview with the guest's name before
each answer, a podcast with a guest who holds no office, and the
look-alikes that must not be read as one person's words (a news story
quoting two people, a story quoting an interview given elsewhere, a page
of "Read also:" and "Photo:" lines). The tests assert on the attribution
step (:func:`stanceclf.attribution.page_speakers`); one runs the shipped
model to check that the page's reading reaches ``classify``.
"""

from __future__ import annotations

import pytest

from stanceclf import classify, load_model, segment
from stanceclf.attribution import page_speakers, speaker_sources

TRANSCRIPT = """Presidential Press Office \u00b7 Transcripts
Events \u00a0 Statements \u00a0 Trips \u00a0 Photo
Press statement and answers to questions after talks with the President of Kazakhstan
14 October 2026, 18:40 \u00a0 Astana
Print version \u00a0 Link to the material
Vladimir Putin answered questions from the press after the talks.
Question: Mr President, London says a new package of sanctions is ready. Will it change your
position on a ceasefire?
Vladimir Putin: Sanctions have never changed our position and they will not change it now.
We have said what we need for a lasting settlement, and this has not changed either.
Question: Is a meeting with the Ukrainian side possible this year?
Vladimir Putin: I do not rule anything out. But a meeting for the sake of a photograph makes no sense.
Question: Thank you.
Publication date: 14 October 2026, 20:15
All materials on this site are available under a Creative Commons licence.
"""

INTERVIEW = """NORTHWIND RADIO \u00a0 Listen live \u00a0 Podcasts
Interview

Ukraine's energy minister: the grid will hold this winter

November 4, 2026 \u00a0 By Ingrid Solberg

Ukraine's energy minister Halyna Dovzhenko told Northwind Radio that repairs were running
ahead of the plan agreed with donors.

The interview has been edited for length.

Northwind Radio: Is Kyiv ready for a winter of strikes?

Halyna Dovzhenko: We are ready as far as anyone can be. We have spare transformers in places
nobody will find.

NR: Would an energy truce help?

Dovzhenko: It would save lives. But the last one was broken within a week, and people remember.

Follow Northwind Radio on Telegram
\u00a9 2026 Northwind Radio
"""

PODCAST = """The Long Table \u00a0 Episodes \u00a0 About
Episode 88: Why ceasefires fail
[00:00:03] TOMAS REY: Welcome to The Long Table. My guest is Anneli Kask, a former diplomat who
now teaches negotiation in Tartu.
[00:00:11] ANNELI KASK: Thank you, Tomas.
[00:00:14] REY: Why do ceasefires fail?
[00:00:18] KASK: Because nobody agrees on who checks them. Moscow says monitors are a trick.
[00:01:40] REY: And what would you change?
[00:01:44] KASK: I would start with the monitors and leave the borders for later.
Subscribe wherever you get your podcasts.
"""

NEWS = """Eastgate Wire \u00a0 World \u00a0 Europe
Kyiv and Moscow trade blame over stalled prisoner exchange

By Olu Adebayo \u00a0 12 May 2026

KYIV -- Ukraine's human rights commissioner said on Tuesday that the exchange was ready on his side.

"We have the lists. We have the buses," he said.

Russian Foreign Ministry spokeswoman Maria Zakharova denied that Moscow was holding it up.
"Kyiv keeps changing the names," she told a briefing.

Read also: Ukraine receives 90 soldiers in a smaller swap
Photo: Eastgate Wire
Share: Facebook \u00a0 X \u00a0 Email
"""

ELSEWHERE = """Baltic Ledger
Lavrov: talks "possible only on the basis of reality"

15 June 2026

RIGA -- In an interview with a Russian state broadcaster, Foreign Minister Sergei Lavrov said talks
were possible only "on the basis of the realities on the ground".
Asked whether Moscow would meet Ukraine's negotiators in Geneva, he said: "We do not refuse."
The broadcaster's host pressed him on the front line. Lavrov did not answer.
"""

OFFICES = """Northern Courier \u00b7 Region
Two injured as drones hit fuel depot

By Sara Lind \u00a0 3 March 2026

Russia's defence ministry said its air defences had shot down 40 drones overnight, and Foreign
Minister Sergei Lavrov said the strikes would "not go unanswered".

The minister said Moscow would raise the attack at the UN Security Council.

Diplomats say the council is unlikely to meet before next week.

The regional emergencies department said two people had been injured.

Rubio's plane left for Riyadh, a State Department official said.
"""


def speakers_by_text(text: str) -> dict[str, str | None]:
    found = segment(text)
    return dict(zip((s.text for s in found), page_speakers(text, [(s.start, s.end) for s in found])))


def reading_of(readings: dict[str, str | None], words: str) -> str | None:
    (key,) = [text for text in readings if words in text]
    return readings[key]


def test_a_transcript_gives_its_speaker_label_to_every_answer_and_leaves_the_questions_to_the_outlet():
    readings = speakers_by_text(TRANSCRIPT)
    assert reading_of(readings, "Sanctions have never changed") == "russia_official"
    assert reading_of(readings, "this has not changed either") == "russia_official"  # the answer's next line
    assert reading_of(readings, "I do not rule anything out") == "russia_official"
    assert reading_of(readings, "for the sake of a photograph") == "russia_official"
    assert reading_of(readings, "Is a meeting with the Ukrainian side") == "author"
    assert reading_of(readings, "Will it change your") == "author"
    # A question that names its own source ("London says") keeps the model's reading.
    assert reading_of(readings, "London says") is None
    # Before the first turn: the outlet's introduction is not read from the turns.
    assert reading_of(readings, "answered questions from the press") is None


def test_an_interviewee_named_only_in_the_introduction_gets_the_side_it_gives_them():
    readings = speakers_by_text(INTERVIEW)
    assert reading_of(readings, "We are ready as far as anyone") == "ukraine_official"
    assert reading_of(readings, "spare transformers") == "ukraine_official"
    assert reading_of(readings, "It would save lives") == "ukraine_official"  # "Dovzhenko:" alone
    assert reading_of(readings, "Is Kyiv ready for a winter") == "author"
    assert reading_of(readings, "Would an energy truce help") == "author"


def test_a_podcast_whose_guest_holds_no_office_is_left_to_the_model():
    # Nobody on the page speaks for a side: the model reads the guest (codebook: experts are ``author``).
    assert set(speakers_by_text(PODCAST).values()) == {None}


@pytest.mark.parametrize("page", [NEWS, ELSEWHERE], ids=["two quoted people", "an interview given elsewhere"])
def test_a_news_story_is_not_read_as_one_persons_words(page):
    assert set(speakers_by_text(page).values()) == {None}


def test_an_office_named_by_post_takes_the_side_of_the_office_named_before_it():
    readings = speakers_by_text(OFFICES)
    assert reading_of(readings, "The minister said Moscow would raise") == "russia_official"
    assert reading_of(readings, "regional emergencies department") == "russia_official"
    # Many unnamed people, and a named office the actor lists do not know, may be anyone's.
    assert reading_of(readings, "Diplomats say") is None
    assert reading_of(readings, "State Department official") is None
    # The statement that names its side is the model's to read.
    assert reading_of(readings, "defence ministry said") is None


def test_a_carry_comes_before_the_pages_reading():
    found = segment(INTERVIEW)
    sources = speaker_sources(INTERVIEW, [(s.start, s.end) for s in found])
    assert all(isinstance(source, (int, str)) or source is None for source in sources)
    assert "ukraine_official" in sources and "author" in sources


def test_classify_reads_a_transcripts_answers_as_its_speakers_and_classify_statements_does_not():
    found = {p.text: p for p in classify(TRANSCRIPT)}
    answer = next(p for text, p in found.items() if "I do not rule anything out" in text)
    assert answer.speaker == "russia_official"
    # The label's scores are still a distribution that the label tops.
    assert answer.speaker_scores[answer.speaker] == max(answer.speaker_scores.values())
    assert sum(answer.speaker_scores.values()) == pytest.approx(1.0)
    alone = load_model().classify_statements([answer.text])[0]
    assert not any("its page" in str(note) for note in alone.evidence["speaker"])
    if alone.speaker != "russia_official":
        assert any("its page gives the speaker" in str(note) for note in answer.evidence["speaker"])


QA = """IZBORSK DAILY \u00a0 Interviews
"We are not the ones who left the table"

Deputy Foreign Minister Pavel Ruzin told Izborsk Daily how Moscow sees a new round.

Q: Is a new round possible before the winter?

A: It is possible if the other side wants substance and not only a pause.

Q: And the European contingent?

A: No foreign troops. That is not a bargaining chip.
"""


def test_an_interview_whose_answers_are_marked_a_is_left_to_the_model():
    # "A:" does not say who answers; the introduction names him in words the actor lists lack.
    assert set(speakers_by_text(QA).values()) == {None}
