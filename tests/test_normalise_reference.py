"""The one-split normaliser against a reference copy of the regex scans it replaced.

:func:`stanceclf.features.normalise` splits a statement into runs once and
looks cues and actor names up per run, trying the regexes only where the
look-up cannot decide. The reference below is the code before that change: a
zero-width ``finditer`` at every position for the cues, a ``sub`` for the
actor masks and a ``findall`` for the words, built from the same tables. The
two must give the same string and the same distinct-word count on every text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stanceclf import features
from stanceclf.features import CUES, MASKS, WORD_PATTERN
from stanceclf.speech import speaker_cues

ROOT = Path(__file__).resolve().parents[1]

# --- reference: the scans as they were -------------------------------------------------------

_ACTOR_OF = {name: role for role, names in MASKS.items() for name in names}


def _alternation(patterns):
    by_first = {}
    for pattern in sorted(patterns, key=len, reverse=True):
        by_first.setdefault(pattern[0], []).append(pattern[1:])
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())


_ACTOR_PATTERN = r"(?<![\w-])(" + _alternation(re.escape(n) for n in _ACTOR_OF) + r")(?:'s)?(?![\w-])"
_CUE_RE = {name: re.compile(r"(?:" + _alternation(patterns) + r")(?![\w-])") for name, patterns in CUES.items()}
_ANY_CUE_PATTERN = (
    r"(?<![\w-])(?=(" + _alternation({p for patterns in CUES.values() for p in patterns}) + r")(?![\w-]))"
)
_FLAGS = {True: re.ASCII, False: 0}
_ACTOR_RE = {a: re.compile(_ACTOR_PATTERN, flags) for a, flags in _FLAGS.items()}
_ANY_CUE = {a: re.compile(_ANY_CUE_PATTERN, flags) for a, flags in _FLAGS.items()}
_WORD = {a: re.compile(WORD_PATTERN, flags) for a, flags in _FLAGS.items()}


def reference_classes(folded: str, ascii_only: bool) -> frozenset[str]:
    found = set()
    for match in _ANY_CUE[ascii_only].finditer(folded):
        classes = frozenset(name for name, pattern in _CUE_RE.items() if pattern.match(match.group(1)))
        if "ready" in classes and features._NEGATED_BEFORE.search(folded, max(0, match.start() - 40), match.start()):
            classes = (classes - {"ready"}) | {"notready"}
        found |= classes
    return frozenset(found)


def reference_normalise(text: str) -> tuple[str, int]:
    folded = features._fold(text)
    ascii_only = folded.isascii()
    present = reference_classes(folded, ascii_only)
    masked = _ACTOR_RE[ascii_only].sub(lambda match: _ACTOR_OF[match.group(1)], folded)
    tokens = _WORD[ascii_only].findall(masked)
    words = set(tokens)
    if "ruactor" in words or "uaactor" in words:
        present = present | {"ruua"}
    tokens.extend(features._cue_suffix(present))
    tokens.extend(speaker_cues(features._cased_fold(text)))  # stanceclf.speech: not a scan replaced here
    return " ".join(tokens), len(words)


def ours(text: str) -> tuple[str, int]:
    normalised, counts = features.normalise_counted([text])
    assert normalised.tokens == [normalised[0].split()]
    return normalised[0], counts[0]


# --- texts ------------------------------------------------------------------------------------


def project_texts() -> list[str]:
    texts = [json.loads(line)["text"] for path in sorted((ROOT / "labels").glob("*.jsonl")) for line in path.open()]
    pages = sorted((ROOT / "corpus" / "seeds").glob("*.txt")) + sorted((ROOT / "benchmarks" / "pages").glob("*/*.txt"))
    for path in pages:
        texts += path.read_text(encoding="utf-8").splitlines()
    return texts


# Pieces of cues and names (whole, cut short, run on), and the characters
# around them that decide a match: hyphens, apostrophes, dots, look-alikes.
_CUE_WORDS = sorted({re.sub(r"\\w[*+]|[?()|:\\\[\]]|\.\{0,20\}", "", p) for ps in CUES.values() for p in ps})
_NAMES = sorted(_ACTOR_OF)
FRAGMENTS = (
    _CUE_WORDS
    + _NAMES
    + [name.title() for name in _NAMES[:40]]
    + [name[:-1] for name in _NAMES[:30]]
    + ["s", "'s", "'", "''", "-", "--", " ", "  ", ", ", ". ", "!", "?", "\n", "\t", "_", "0", "12", "x"]
    + ["\u00a0", "\u2009", "\u00ad", "\u200b", "\u02bc", "\u2019", "\u2018", "\u201c", "\u2014", "\u2013", "…"]
    + ["\uff30\uff55\uff54\uff49\uff4e", "\u0130", "Путин", "Київ", "é", "ß", "ǅ", "٣", "Ⅻ", "ﬁ"]
    + ["not", "no", "never", "n't", "without", "willing", "ready", "open to", "the", "a", "on", "in"]
)
fragment_texts = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join) | st.lists(
    st.sampled_from(FRAGMENTS), max_size=40
).map("".join)
any_texts = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FFFF), max_size=200)
MANY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return project_texts()


def test_equals_the_reference_on_every_project_statement(texts):
    assert len(texts) > 6_000
    different = [text for text in texts if ours(text) != reference_normalise(text)]
    assert different == []


def test_normalise_counted_equals_the_reference(texts):
    sample = texts[:500]
    normalised, counts = features.normalise_counted(sample)
    assert list(zip(normalised, counts)) == [reference_normalise(text) for text in sample]


@MANY
@given(fragment_texts)
def test_equals_the_reference_on_runs_of_cues_and_names(text):
    assert ours(text) == reference_normalise(text)


@MANY
@given(any_texts)
def test_equals_the_reference_on_arbitrary_unicode(text):
    assert ours(text) == reference_normalise(text)


@pytest.mark.parametrize(
    "text",
    [
        "Putin's-backed plan",
        "o'putin and putin'x and putin''s",
        "'Putin' said the West's 'regime' was 'ready'",
        "pro-Russia, anti-Putin; Vladimir Putin's men; Putin-Trump talks",
        "U.S.-led talks: the U.S. said the u.s.a. was not ready",
        "Saudi Arabia's and Saudi officials, the west-bound train, the West",
        "He is not at all ready to talk, nor willing; never open to talks",
        "lies about lies and lies, the lie, the lies; a lie",
        "front line, frontline, front-line, frontlines",
        "Zelensky\u2019s team\u00a0said the\u00adregime is a \uff4a\uff55\uff4e\uff54\uff41",
        "\u0130stanbul talks in T\u00fcrkiye and t\u00fcrkiye's role",
        "",
        "   ",
        "''''",
        "-'-'-",
    ],
)
def test_equals_the_reference_on_boundary_cases(text):
    assert ours(text) == reference_normalise(text)


def test_cue_classes_equal_the_reference_scan():
    text = "The dictator refused to negotiate, and said Kyiv was not ready for talks."
    folded = features._fold(text)
    assert features.cue_classes(text) == reference_classes(folded, folded.isascii())
    assert {"deleg", "refuse", "talks", "notready"} <= features.cue_classes(text)


def test_run_index_reads_its_patterns():
    # Prefixes that end inside a run admit every run starting with them; a
    # prefix running past its first run admits that run alone and reaches past it.
    patterns = [r"zork\w*", r"quux (?:a|b)", r"do(?:es)? not", r"abc", r"d\w+"]
    starts = features._Starts(patterns, ascii_only=True)
    assert starts.at("zorkish") == ((r"zork\w*",), ())
    assert starts.at("zor") == ((), ())
    assert starts.at("quux") == ((r"quux (?:a|b)",), ("quux ",))
    assert starts.at("quuxes") == ((), ())
    assert starts.at("does") == ((r"do(?:es)? not", r"d\w+"), ("do",))  # in the table's order
    assert starts.at("abc") == ((r"abc",), ())
    assert starts.at("abcd") == ((r"abc",), ())  # a superset: the pattern itself then finds no cue there
    assert starts.at("d") == ((r"d\w+",), ())  # a prefix of one character: tried at every run


def _every_prefix_tried(starts, run):
    """What ``_Starts.at`` gives, found by testing the run against every prefix pattern of the table."""
    found = list(starts._exact.get(run, ()))
    found += [entry for prefix, more in starts._prefixes.items() if run.startswith(prefix) for entry in more]
    found.sort()
    return tuple(pattern for _, pattern, _ in found), tuple(literal for _, _, literal in found if literal)


@pytest.mark.parametrize("ascii_only", [True, False])
def test_run_index_looks_up_the_prefixes_that_open_as_the_run_does(ascii_only):
    # The prefixes are grouped by their first two characters: every run finds what a test of all of them finds,
    # among them the prefixes themselves, one character longer or shorter, and runs of one character.
    index = features._RUN_INDEX[ascii_only]
    for starts in (index._cues, index._actors):
        runs = {run for prefix in starts._prefixes for run in (prefix, prefix + "s", prefix[:-1], prefix[:1])}
        runs |= set(starts._exact) | {"a", "the", "warmongering", "kremlin-backed", "z", "zz"}
        for run in runs:
            assert starts.at(run) == _every_prefix_tried(starts, run), run


@pytest.mark.parametrize(
    "text",
    [
        "the west said no to talks",
        "the western press",
        "not at all ready, not without preconditions",
        "called for a ceasefire; calls for talks",
        "agreement to talks on the orders of the kremlin",
        "vladimir putin's men in the european union",
        "russian federation and russian-speaking people",
    ],
)
def test_each_run_s_cut_alternation_matches_as_the_whole_one(text):
    # At every run start, the alternation cut to the run's patterns matches what the whole one would.
    for ascii_only, flags in _FLAGS.items():
        whole_cue = re.compile(r"(?<![\w-])(" + _alternation(features._ALL_CUES) + r")(?![\w-])", flags)
        for match in re.finditer(r"[\w-]+", text, flags):
            cues, _ = features._RUN_INDEX[ascii_only]._cues.at(match.group())
            names, _ = features._RUN_INDEX[ascii_only]._actors.at(match.group())
            expected_cue = whole_cue.match(text, match.start())
            expected_name = _ACTOR_RE[ascii_only].match(text, match.start())
            got_cue = features._any_cue(cues, ascii_only).match(text, match.start()) if cues else None
            got_name = features._any_actor(names, ascii_only).match(text, match.start()) if names else None
            assert (got_cue and got_cue.group(1)) == (expected_cue and expected_cue.group(1))
            assert (got_name and got_name.span()) == (expected_name and expected_name.span())


def test_a_pattern_that_can_cross_a_blank_is_tried_in_the_text():
    reaching = features._regex_parser.parse(r"front ?line\w*").data
    assert not features._within_one_run(reaching, ascii_only=True)
    assert features._within_one_run(features._regex_parser.parse(r"neo-?nazi\w*").data, ascii_only=True)
    assert not features._within_one_run(features._regex_parser.parse(r"t[^x]y").data, ascii_only=True)
    assert features._within_one_run(features._regex_parser.parse(r"t[a-c_-]y").data, ascii_only=True)
    assert not features._within_one_run(features._regex_parser.parse(r"t[+-/]y").data, ascii_only=True)


def test_plain_patterns_are_read_as_the_parser_reads_them():
    # Patterns of literal characters skip the parser: their text is their literal prefix, and they stay
    # within one run exactly when the parser's reading says so.
    patterns = features._ALL_CUES + features._ACTOR_NAMES + (r"u\.s\.", r"al\-qaeda", r"o'brien", r"ab\ cd")
    plain = [pattern for pattern in patterns if features._plain_literal(pattern) is not None]
    assert len(plain) > len(patterns) / 2
    for pattern in plain:
        assert features._plain_literal(pattern) == features._literal_prefix(pattern)
        for ascii_only in (False, True):
            one_run = all(features._is_run_char(char, ascii_only) for char in features._plain_literal(pattern))
            assert one_run == features._within_one_run(features._parsed(pattern), ascii_only)
    for regex in (r"red lines?", r"blam\w+", r"do(?:es)? not", r"t[a-c]y", r"\w+", r"a.b", r"k\d"):
        assert features._plain_literal(regex) is None
