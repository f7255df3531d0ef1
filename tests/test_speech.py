"""The attribution clause's tokens (stanceclf.speech), and that they reach the speaker head alone.

The page and the statements are written for these tests: a byline, a
dateline, share buttons, a quote over several sentences, "he added", an
official named as the topic of the outlet's own sentence, an interview
question and its answer, an analyst named after "said". The tests assert on
the feature step and on the zero-weight construction of the model, not on
what a fitted model reads.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
import scipy.sparse as sp
from conftest import ARTICLES, statements_of
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LogisticRegression

from stanceclf import features, segment, speech
from stanceclf.calibration import TemperatureScaled
from stanceclf.features import normalise
from stanceclf.model import SPEAKER_ONLY_HEAD, fit_added_columns, fit_bundle, fit_without_columns, speaker_only_columns
from stanceclf.predict import Model
from stanceclf.speech import SPEAKER_CUE_PREFIX, speaker_cues

PAGE = (
    "Monitors to stay on the southern front for another month, Kyiv says\n"
    "\n"
    "By Halyna Moroz, Kyiv bureau\u00a0| 9 May 2026, 11:40  \u00b7  Share  \u00b7  Copy link\n"
    "\n"
    "KYIV, 9 May \u2014 Ukraine will let international monitors stay along the southern front\n"
    "for another month, Foreign Minister Andrii Sybiha told a news conference on Saturday.\n"
    "\n"
    "\u201cWe want the observers where the guns are. If the shelling stops, they will be the first to\n"
    "see it. If it does not, the whole world will know who broke the truce,\u201d Sybiha said.\n"
    "\n"
    "He added that the technical talks in Geneva would resume next week.\n"
    "\n"
    "The Kremlin has long treated such monitors as spies, and Moscow walked out of the last round.\n"
    "\n"
    "In a separate interview the station put one question to Deputy Foreign Minister Olha Stefanyshyna:\n"
    "would Kyiv accept a freeze of the front line?\n"
    "\n"
    "\u201cNo. Not while our people live under occupation.\u201d\n"
    "\n"
    "Most of the drones launched overnight were shot down, the air force said.\n"
    "\n"
    "\u201cThe numbers change nothing,\u201d said Pavlo Hrytsenko, a military analyst in Lviv.\n"
)


def cues_on_the_page() -> dict[str, tuple[str, ...]]:
    """Each statement of the page (its first words) -> its attribution tokens."""
    return {" ".join(s.text.split()[:4]): speaker_cues(s.text) for s in segment(PAGE)}


def test_the_page_statements_get_their_attribution_clause_and_nothing_else():
    found = cues_on_the_page()
    # The dateline's sentence: a Ukrainian office, subject of "told".
    assert found["Ukraine will let international"] == ("#said_uaactor", "#said_official")
    # A quote over three sentences: only the one outside the quote marks names the speaker.
    assert found["\u201cWe want the observers"] == ()
    assert found["If the shelling stops,"] == ()
    assert found["If it does not,"] == ("#said_uaactor",)
    assert found["He added that the"] == ("#said_pronoun",)
    # An official as the topic of the outlet's own sentence, the interviewer's question, the answer.
    assert found["The Kremlin has long"] == ()
    assert found["In a separate interview"] == ()
    assert found["\u201cNo. Not while our"] == ()
    # An office with no side named; an analyst introduced after "said", by the apposition.
    assert found["Most of the drones"] == ("#said_official",)
    assert found["\u201cThe numbers change nothing,\u201d"] == ("#said_expert",)
    # The byline and the share buttons are no statements at all.
    assert not any("Moroz" in words or "Share" in words for words in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "said X, the ...": the apposition names the office; a subject before the verb with its side.
        (
            "The corridor will stay open, said Dmitry Peskov, the Kremlin spokesman, on Friday.",
            ("#said_ruactor", "#said_official"),
        ),
        ("Lavrov also told his Turkish counterpart that Moscow wants guarantees.", ("#said_ruactor",)),
        # "according to" an office of a named side, and a headline that attributes with a colon.
        (
            "According to the Polish defence ministry, two drones crossed the border.",
            ("#said_westactor", "#said_official"),
        ),
        ("Zelensky: no freeze without guarantees", ("#said_uaactor",)),
        # "according to him"; a reported statement with an unknown subject.
        ("According to him, the prisoners were exchanged in full.", ("#said_pronoun",)),
        ("The statement said the convoy had reached the town.", ("#said_unknown",)),
        # "X, <apposition>, said on Friday that ...": the subject is before the comma, not the object clause.
        (
            "Gen. Oleksandr Syrskyi, the commander-in-chief, said on Telegram that Russia had lost two battalions.",
            ("#said_uaactor", "#said_official"),
        ),
        # Where someone spoke is not whom they speak for; a lone place is (the ministry in Kyiv).
        (
            "\u201cThe papers are the basis,\u201d a Russian diplomat in Riyadh told the paper.",
            ("#said_ruactor", "#said_official"),
        ),
        ("The Kremlin, however, says a summit must wait for a draft.", ("#said_ruactor",)),
        # An apposition that is a new clause, not a description, is not read as the speaker.
        ("Talks will go on, said Peskov, adding that Ukraine must pull back.", ("#said_ruactor",)),
    ],
)
def test_the_attribution_clause_gives_its_subjects_kind(text, expected):
    assert speaker_cues(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Putin meets Gulf envoy as Kremlin signals it could host the next round",
        '"As I said in Istanbul, we are ready to talk."',
        "Moscow rejects the idea of a month-long truce.",
        # The outlet's question, and "reports" as a noun.
        "What does Kyiv say?",
        "Peskov declined to comment on media reports of a draft memorandum.",
        # "states" as a noun: a country's name, a group of countries.
        "The United States imposed new sanctions on two Russian oil traders on Monday.",
        "Several EU member states have sent air-defence systems since the summer.",
    ],
)
def test_no_attribution_clause_gives_no_token_not_even_a_generic_one(text):
    # An official's statement without an attribution of its own (a reported action, a headline) has
    # nothing that a token for "attributed" could teach the head to demand.
    assert speaker_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # An extractor glued a Ukrainian link label to the headline: "joe" has a letter before it, "biden" not.
        "Читайте такожJoe Biden said the aid would go on, the U.S. envoy told reporters in Kyiv.",
        "An ex-Kremlin adviser, the well-said Mr. Volkov, told the paper Moscow’s offer was a trap.",
        "Türkiye’s foreign minister Hakan Fidan said the talks could resume in Istanbul next week.",
        "Ex-minister Dmytro Kuleba’s aide, a non-analyst, said the U.S.’s memo was sent to Kyiv-based media.",
        "Peskovsaid nothing of the kind, Zakharovа said (the last letter of the name is Cyrillic).",
    ],
)
def test_the_scan_for_words_finds_what_each_pattern_finds(text):
    # Each pattern is tried only where the bytes scan finds a word start: it must find every match.
    lowered = text.lower().replace("’", "'")
    spaced = speech._spaced(lowered)
    for pattern, places in [
        (speech._VERB, speech._VERB_PLACES),
        (speech._NAME, speech._NAME_PLACES),
        (speech._OFFICIAL, speech._OFFICIAL_PLACES),
        (speech._EXPERT, speech._EXPERT_PLACES),
    ]:
        found = [match.span() for match in speech._matches(pattern, places, lowered, spaced)]
        assert found == [match.span() for match in pattern.finditer(lowered)], pattern.pattern[:40]


def test_the_tokens_come_last_after_the_cue_tokens():
    tokens = normalise("Russia is ready to talk, but only if Kyiv withdraws, Peskov told reporters.").split()
    said = [i for i, token in enumerate(tokens) if token.startswith(SPEAKER_CUE_PREFIX)]
    cues = [i for i, token in enumerate(tokens) if token.startswith("#") and i not in said]
    assert tokens[said[0]] == "#said_ruactor" and cues and max(cues) < min(said) and said[-1] == len(tokens) - 1


def training_statements():
    return [s for article in ARTICLES for s in statements_of(article)]


PROBES = [
    "Moscow is ready for talks, Peskov told reporters.",
    "The regime is a gang of thieves, the minister said.",
    "Missiles struck the city overnight.",
    '"We will not leave our land," he added.',
    "An analyst said the truce would not hold.",
]


@pytest.fixture(scope="module")
def with_and_without(request):
    """The tiny model fitted with the attribution tokens, and fitted with the hook giving none."""
    fitted = fit_bundle(training_statements(), calibrate=False)
    patch = pytest.MonkeyPatch()
    patch.setattr(features, "speaker_cues", lambda text, verbs=None: ())
    try:
        without = fit_bundle(training_statements(), calibrate=False)
    finally:
        patch.undo()
    return fitted, without


def test_stance_and_framing_are_those_of_a_model_without_the_tokens(with_and_without):
    fitted, without = with_and_without
    assert len(speaker_only_columns(fitted.pipeline.named_steps["features"])) > 0
    assert len(speaker_only_columns(without.pipeline.named_steps["features"])) == 0
    ours, theirs = Model.from_bundle(fitted), Model.from_bundle(without)
    mine, other = ours.predict_proba(PROBES), theirs.predict_proba(PROBES)
    for head in ("stance", "framing"):
        assert np.array_equal(mine[head], other[head]), head
        assert [p.labels[head] for p in ours.classify_statements(PROBES)] == [
            p.labels[head] for p in theirs.classify_statements(PROBES)
        ]
    # The speaker head reads a statement without an attribution clause as the model without the tokens does.
    plain = [i for i, text in enumerate(PROBES) if not speaker_cues(text)]
    attributed = [i for i, text in enumerate(PROBES) if speaker_cues(text)]
    assert plain and attributed
    assert np.array_equal(mine["speaker"][plain], other["speaker"][plain])
    assert not np.allclose(mine["speaker"][attributed], other["speaker"][attributed])


def test_only_the_speaker_head_weighs_the_attribution_columns(with_and_without):
    fitted, _ = with_and_without
    columns = speaker_only_columns(fitted.pipeline.named_steps["features"])
    names = fitted.pipeline.named_steps["features"].get_feature_names_out()[columns]
    assert all(name.startswith("cues__" + SPEAKER_CUE_PREFIX) for name in names)
    for head, estimator in zip(fitted.heads, fitted.pipeline.named_steps["heads"].estimators_):
        weights = estimator.coef_[:, columns]
        if head == SPEAKER_ONLY_HEAD:
            assert np.abs(weights).max() > 0
        else:
            assert not weights.any(), head
    # The word block never learnt them: the attribution tokens are cue columns only.
    words = fitted.pipeline.named_steps["features"].transformer_list[0][1].vocabulary_
    assert not [term for term in words if SPEAKER_CUE_PREFIX in term]


def test_a_column_left_out_gets_zero_weight_and_the_head_is_fitted_on_the_others():
    rng = np.random.default_rng(7)
    X = sp.csr_matrix((rng.random((60, 5)) < 0.4).astype(np.float32))
    dense = X.toarray()
    y = np.where(dense[:, 0] + dense[:, 3] > 0.5, "a", "b")
    y[:3] = "c"
    head = TemperatureScaled(LogisticRegression(C=2.0), temperature=0.8)
    left_out = fit_without_columns(head, X, y, np.array([2, 4]))
    narrow = TemperatureScaled(LogisticRegression(C=2.0), temperature=0.8).fit(X[:, [0, 1, 3]], y)
    # The fitted classifier is still the head's own kind, widened to every column, zero on those left out.
    assert isinstance(left_out.classifier_, LogisticRegression) and left_out.classifier_.coef_.shape == (3, 5)
    assert np.array_equal(left_out.classifier_.coef_[:, [0, 1, 3]], narrow.classifier_.coef_)
    assert not left_out.coef_[:, [2, 4]].any()
    assert np.array_equal(left_out.decision_function(X), narrow.decision_function(X[:, [0, 1, 3]]))
    # Weights added on top: rows without the columns keep their scores, the others move.
    before = left_out.decision_function(X)
    fit_added_columns(left_out, X, y, np.array([2, 4]), C=2.0, class_weight="balanced")
    after = left_out.decision_function(X)
    without = ~(dense[:, [2, 4]].any(axis=1))
    assert left_out.coef_[:, [2, 4]].any() and np.array_equal(left_out.coef_[:, [0, 1, 3]], narrow.coef_)
    assert np.array_equal(after[without], before[without]) and not np.allclose(after[~without], before[~without])


CLAUSE_PIECES = ["peskov", "said", "the", "u.s.", " ", ",", ".", "-", " - ", "—", "(", '"', "’", "'", "é", ":", "x"]
clauses = st.lists(st.sampled_from(CLAUSE_PIECES), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(clauses)
def test_the_last_clause_and_its_words_read_from_the_end_are_the_splits(text):
    # The subject's clause is read from the end of the text before the verb: it must be the split's last piece.
    assert speech._last_clause(text) == speech._CLAUSE_END.split(text)[-1]
    assert speech._words(text) == speech._WORDS.findall(text)


@pytest.mark.parametrize(
    "text",
    [
        # No speech verb and no colon: the normaliser skips speaker_cues, which would give nothing.
        "Moscow rejects the idea of a month-long truce.",
        "The well-said line came from the ministry's own well-briefed staff.",
        # A name whose words hold a verb ("states"), a verb joined by an apostrophe, a headline, a verb.
        "The United States imposed new sanctions on Monday.",
        "Officials o'said nothing of the kind on Friday.",
        "Zelensky: no freeze without guarantees",
        "The talks will resume in June, Peskov said.",
        "Kyiv\u2019s envoy noted \u201cprogress\u201d \u2014 and stressed the deadline.",
        "\u041a\u0440\u0435\u043c\u043b\u044c said the talks are over.",
        # Letters that NFKC folds to capitals the normaliser keeps ("SAID"), and full-width ones.
        "Talks are over, Peskov \U0001d412\U0001d400\U0001d408\U0001d403.",
        "Talks are over, Peskov \uff53\uff41\uff49\uff44.",
    ],
)
def test_the_normaliser_gives_the_tokens_speaker_cues_gives(text):
    tokens = features.normalise(text).split()
    said = tuple(token for token in tokens if token.startswith(SPEAKER_CUE_PREFIX))
    assert said == speaker_cues(features._cased_fold(text))


@pytest.mark.parametrize(
    "text",
    [
        "The talks will resume in June, Peskov said, and Lavrov told reporters the same.",
        "The talks, according to the ministry, resume on Monday; the envoy pointed out the deadline.",
        # A verb inside a masked name, joined by an apostrophe or a hyphen, next to a digit, after a tab.
        "The United States says the Kremlin-said line is old; officials o'told 3 reporters.",
        "Kyiv says2 nothing, and the well-said words of the said\tminister stand.",
        "Says Zelensky: no freeze without guarantees, says the president's office.",
    ],
)
def test_the_verb_places_the_scan_finds_are_where_speaker_cues_finds_its_verbs(text):
    # The normaliser's runs that are a verb's first word hold every place a verb starts: tried there alone,
    # speaker_cues gives what its search of the whole text gives.
    folded = features._fold(text)
    places = features._scan(folded, True)[3]
    assert len(folded) == len(text)
    assert {match.start() for match in speech._VERB.finditer(text.lower())} <= set(places)
    assert speaker_cues(text, tuple(places)) == speaker_cues(text)


@pytest.mark.parametrize(
    "words",
    [
        [re.escape(verb) for verb in sorted(speech.SPEECH_VERBS, key=len, reverse=True)],
        [re.escape(name) for name in sorted(speech._ROLE_OF, key=len, reverse=True)],
        speech._OFFICIAL_WORDS,
        ["sa", "said", "s\\w*", "says", "a", "ab"],  # an earlier pattern that also matches wins, as in a plain "|"
    ],
)
def test_a_branched_alternation_matches_what_the_plain_one_matches(words):
    plain = re.compile(r"(?<![\w-])(" + "|".join(words) + r")")
    branched = re.compile(r"(?<![\w-])(" + speech._branched(words) + r")")
    text = (
        "Kremlin spokesman Dmitry Peskov said on Friday, the Foreign Ministry says; says-who, "
        "Volodymyr Zelensky told the armed forces and the ministers, abs sa said saying"
    ).lower()
    for start in range(len(text)):
        expected, got = plain.match(text, start), branched.match(text, start)
        assert (got and got.group(1)) == (expected and expected.group(1))


def test_a_branched_alternation_refuses_a_pattern_without_a_first_character_of_its_own():
    with pytest.raises(ValueError, match=r"must each open with a letter or digit: 'x\?y'"):
        speech._branched(["said", "x?y"])
    with pytest.raises(ValueError, match=r"must each open with a letter or digit: '\\\\w\+'"):
        speech._branched([r"\w+"])
