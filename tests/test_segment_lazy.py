"""The segmenter's patterns are compiled on first use (issue 14, cold start), with the same matches."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from stanceclf.segment import _Pattern

PAGE = """Home | World | Europe | Opinion

Talks in Istanbul stall over the Zaporizhzhia plant

By Marta Kovalenko and Pieter de Vries
Updated 14:32, 3 March 2026

ISTANBUL, March 3 (Reuters) - Ukrainian and Russian delegations left the second day of talks
without a joint statement, two officials present said on Tuesday.
"We are not going to sign anything that hands over the plant," Ukraine's deputy foreign minister
told reporters outside the Ciragan Palace.

Share on Facebook  Share on X  Copy link

Workers repair a power line near Zaporizhzhia on March 2. Photo: Dmytro Lysenko/AFP

Moscow's envoy said\u00a0the Kremlin "remains open to dialogue" but repeated that any ceasefire must
recognise "the new territorial realities".
Meanwhile, a drone strike on a grain terminal in Izmail wounded three people, the regional governor said.

Related
Zelensky meets Erdogan ahead of talks
Grain corridor: what we know so far
Sign up for our morning briefing
"""

SCRIPT = f"""
import json, re, sys
import stanceclf.segment
segment_module = sys.modules["stanceclf.segment"]
def compiled():
    return sum(isinstance(value, re.Pattern) for value in vars(segment_module).values())
after_import = compiled()
page = {PAGE!r}
first = [tuple(s) for s in segment_module.segment(page)]
after_page = compiled()
again = [tuple(s) for s in segment_module.segment(page)]
print(json.dumps([after_import, after_page, first, again]))
"""


@pytest.fixture(scope="module")
def cold_run() -> list:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_import_compiles_almost_none_of_the_segmenters_patterns(cold_run: list) -> None:
    after_import, after_page, _, _ = cold_run
    assert after_import < 5
    assert after_page > after_import  # a page with furniture compiles the rules it reaches


def test_a_page_segments_the_same_with_cold_and_compiled_patterns(cold_run: list) -> None:
    _, _, first, again = cold_run
    assert first == again
    texts = [text for text, _, _ in first]
    assert any("left the second day" in text for text in texts)
    assert any("the Kremlin" in text for text in texts)
    furniture = ("By Marta", "Share on Facebook", "Photo: Dmytro", "Sign up for", "Grain corridor")
    assert not any(mark in text for text in texts for mark in furniture)


@pytest.mark.parametrize(
    ("method", "args", "kwargs"),
    [
        ("search", ("Kyiv, 3\u00a0March",), {}),
        ("match", ("KYIV — talks",), {}),
        ("fullmatch", ("Kyiv",), {}),
        ("sub", ("-", "Kyiv  and   Moscow"), {"count": 1}),
        ("split", ("Kyiv and Moscow and Ankara",), {"maxsplit": 1}),
        ("findall", ("Kyiv, Lviv, Odesa",), {}),
    ],
)
def test_the_first_call_answers_as_the_compiled_pattern(method: str, args: tuple, kwargs: dict) -> None:
    source = r"(?i)\s+(?:and\s+)?|k\w+"
    lazy = _Pattern(source)
    first = getattr(lazy, method)(*args, **kwargs)
    expected = getattr(re.compile(source), method)(*args, **kwargs)
    if isinstance(expected, re.Match):
        assert first.span() == expected.span()
    else:
        assert first == expected
    assert getattr(lazy, method).__self__ == re.compile(source)  # later calls go to the compiled pattern
