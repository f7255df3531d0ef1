"""How often each codebook cue pattern fires, and how often it is right (issue 10, item 3).

    python benchmarks/cues.py

For every pattern of every framing cue class (deleg, blame, force, law,
goodwill) and stance cue class (ready, cond, refuse, talks) in
:data:`stanceclf.features.CUES`, matched on the folded text (``features._fold``)
at word boundaries as the one-pass cue scan does:

* ``fires``: labelled statements (train, heldout, pages, written) it fires on;
* ``prec``: share of those whose gold label is the class's (see ``right``);
* ``page``: its firings and precision on the whole pages alone (labels/pages.jsonl);
* ``off``: off-topic statements (labels/offtopic.jsonl, all stance neutral)
  it fires on wrongly: every firing for a stance class, a firing on a
  statement of another frame for a framing class; ``war`` and ``gen`` split
  them into war news that is not about the talks and general news;
* ``flag``: ``low`` when it fires at least 5 times with precision under 0.2,
  ``off`` when it fires wrongly off-topic more often than rightly on-topic.

Then the narrower patterns proposed for the flagged ones (``NARROWER``),
measured the same way, and the words of ``delegitimize`` statements that no
deleg pattern covers (candidate epithets), with their counts in delegitimize
and other statements, and the candidate epithet patterns (``EPITHETS``).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stanceclf import features  # noqa: E402

LABELLED = ("train.jsonl", "heldout.jsonl", "pages.jsonl", "written.jsonl")
PAGES = "pages.jsonl"
GENERAL = "written-gennews"  # article id prefix of the off-topic set's general news
OFFTOPIC = "offtopic.jsonl"

FRAME_OF = {
    "deleg": "delegitimize",
    "blame": "blame",
    "force": "force",
    "law": "law_sovereignty",
    "goodwill": "goodwill",
}
STANCE_RIGHT = {
    "ready": {"support", "conditional"},
    "cond": {"conditional"},
    "refuse": {"oppose", "conditional"},
    "talks": {"support", "conditional", "oppose"},
}
CLASSES = (*FRAME_OF, *STANCE_RIGHT)


def right(cls: str, row: dict) -> bool:
    """Whether a firing of a class's cue on a statement agrees with its gold label."""
    if cls in FRAME_OF:
        return row["framing"] == FRAME_OF[cls]
    return row["stance"] in STANCE_RIGHT[cls]


#: Replacements proposed for flagged patterns, measured below: (class, pattern) -> ((class, pattern), ...).
#: A pattern moved to the class whose frame it marks keeps its regex; a pattern flagged and not here
#: is recommended for dropping. Entries joined by "|" stand for several CUES entries (each must start
#: with a letter there).
NARROWER: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("blame", r"masters?"): (("deleg", r"masters?"), ("deleg", r"western masters|their masters|its masters")),
    ("blame", r"warmonger\w*"): (("deleg", r"warmonger\w*"),),
    ("force", r"capitulat\w*"): (("blame", r"capitulat\w*"),),
    ("force", r"strikes?"): (("force", r"long-range (?:drone )?strikes?"),),
    ("force", r"drones?"): (("force", r"our (?:sea |naval )?drones"),),
    ("force", r"nuclear"): (("force", r"nuclear (?:blackmail|triad|threats?|war|weapons?|arsenal|strikes?)"),),
    ("force", r"seiz\w*"): (("force", r"seiz\w* (?:more )?(?:land|territor\w*)"),),
    ("deleg", r"criminal\w*"): (
        ("deleg", r"criminals"),
        ("deleg", r"criminal (?:regime|cartel|gang|clique|junta|leadership|government|state)"),
        ("deleg", r"war criminals?"),
    ),
    ("force", r"advanc\w*"): (("force", r"advancing"), ("force", r"advances")),
    ("goodwill", r"patien\w*"): (
        ("goodwill", r"patience|patiently"),
        ("goodwill", r"are patient|is patient|be patient|been patient|remain patient|more patient"),
        ("goodwill", r"patient (?:channel|diplomacy|negotiation\w*|approach)"),
    ),
    ("ready", r"willing\w*"): (
        ("ready", r"willing(?:ness)? to (?:talk|negotiat\w*|meet|hold talks|resume|discuss|sit)"),
        ("ready", r"willing to (?:talk|have talks|negotiat\w*|meet)"),
    ),
    ("ready", r"hopes?"): (
        ("ready", r"still hope|given up hope"),
        (
            "ready",
            r"hopes? (?:that )?(?:it|they|this|the talks|the negotiations|the meeting|the contacts) will "
            r"(?:lead|be possible|bring|help)",
        ),
        ("ready", r"hope (?:all|both) (?:parties|sides)"),
    ),
    ("cond", r"preconditions?"): (
        (
            "cond",
            r"preconditions?(?<!no preconditions)(?<!no precondition)(?<!without preconditions)"
            r"(?<!without any preconditions)",
        ),
    ),
    ("cond", r"should"): (
        ("cond", r"should (?:first|only|be based|form the basis|respect|recogni[sz]e|withdraw|center|centre)"),
    ),
    ("refuse", r"suspend\w*"): (("refuse", r"suspend\w* (?:the )?(?:talks|negotiations)"),),
}

#: Candidate epithet patterns for the deleg class, measured like the cues.
EPITHETS: tuple[str, ...] = (
    r"propagandists?",
    r"mouthpieces?",
    r"warmonger\w*",
    r"handlers?",
    r"curators?",
    r"circus",
    r"errand (?:boys?|girls?)",
    r"stunt",
    r"staged",
    r"trojan horse",
    r"sham",
    r"theatre|theater",
    r"comedian",
    r"crazy",
    r"bunker",
    r"no mandate",
    r"worth nothing",
    r"band of",
    r"mock\w*",
    r"degenerates?",
    r"cheap",
)

MIN_FIRES = 5
LOW_PRECISION = 0.2


def load(name: str) -> list[dict]:
    rows = []
    with open(ROOT / "labels" / name, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                row["folded"] = features._fold(row["text"])
                row["file"] = name
                rows.append(row)
    return rows


def compile_cue(pattern: str) -> dict[bool, re.Pattern[str]]:
    # The boundaries of the cue index (features), ASCII-only for ASCII text as there.
    source = r"(?<![\w-])(?:" + pattern + r")(?![\w-])"
    return {ascii_only: re.compile(source, re.ASCII if ascii_only else 0) for ascii_only in (False, True)}


def fires(compiled: dict[bool, re.Pattern[str]], row: dict) -> bool:
    return compiled[row["folded"].isascii()].search(row["folded"]) is not None


def negated(compiled: dict[bool, re.Pattern[str]], row: dict) -> bool:
    """Whether every firing of a readiness cue follows a negation (features._NEGATED_BEFORE)."""
    folded = row["folded"]
    return all(
        features._NEGATED_BEFORE.search(folded, max(0, m.start() - 40), m.start())
        for m in compiled[folded.isascii()].finditer(folded)
    )


def measure(cls: str, pattern: str, labelled: list[dict], offtopic: list[dict]) -> dict:
    compiled = compile_cue(pattern)
    hits = [row for row in labelled if fires(compiled, row)]
    good = sum(right(cls, row) for row in hits)
    off_hits = [row for row in offtopic if fires(compiled, row)]
    off_wrong = sum(not right(cls, row) for row in off_hits)
    off_general = sum(not right(cls, row) for row in off_hits if row["article"].startswith(GENERAL))
    page_hits = [row for row in hits if row["file"] == PAGES]
    page_good = sum(right(cls, row) for row in page_hits)
    precision = good / len(hits) if hits else float("nan")
    if cls == "ready":
        # features.py reads a readiness cue after a negation as #notready: count the plain ones too.
        plain = [row for row in hits if not negated(compiled, row)]
        plain_precision = f"{sum(right(cls, r) for r in plain) / len(plain):.2f}" if plain else "-"
        plain_note = f"  (not negated: {len(plain)}, prec {plain_precision})"
    else:
        plain_note = ""
    flags = []
    if len(hits) >= MIN_FIRES and precision < LOW_PRECISION:
        flags.append("low")
    if off_wrong > good:
        flags.append("off")
    return {
        "cls": cls,
        "pattern": pattern,
        "fires": len(hits),
        "right": good,
        "precision": precision,
        "off": off_wrong,
        "off_general": off_general,
        "page_fires": len(page_hits),
        "page_precision": page_good / len(page_hits) if page_hits else float("nan"),
        "flags": flags,
        "note": plain_note,
    }


def row_text(m: dict) -> str:
    precision = "  -  " if m["fires"] == 0 else f"{m['precision']:.2f}"
    page = "  -  " if m["page_fires"] == 0 else f"{m['page_precision']:.2f}"
    war = m["off"] - m["off_general"]
    return (
        f"{m['cls']:<9}{m['pattern']:<36}{m['fires']:>6}{m['right']:>6}  {precision:>5}{m['page_fires']:>6}  {page:>5}"
        f"{m['off']:>5}{war:>5}{m['off_general']:>5}  {','.join(m['flags']):<8}{m['note']}"
    ).rstrip()


HEADER = (
    f"{'class':<9}{'pattern':<36}{'fires':>6}{'right':>6}  {'prec':>5}{'page':>6}  {'prec':>5}{'off':>5}{'war':>5}"
    f"{'gen':>5}  flag"
)

STOP = set(
    """a an the and or but of to in on at by for with from as is are was were be been being it its this that these
    those he she they we you i his her their our your my him them us who whom which what when where why how not no
    nor so than then there here has have had do does did will would shall should can could may might must said says
    say saying told tell also just only very more most much many any all some such own other about after before over
    into out up down off again once one two s t if while because until against between through during without within
    per via said""".split()
)
ACTOR_WORDS = {word for names in features.MASKS.values() for name in names for word in name.split()}


def uncovered_words(folded: str, deleg: list[dict[bool, re.Pattern[str]]]) -> set[str]:
    """The words and word pairs of a statement outside every deleg cue match."""
    ascii_only = folded.isascii()
    for compiled in deleg:
        folded = compiled[ascii_only].sub(" | ", folded)
    words = re.findall(features.WORD_PATTERN, folded)
    # Word pairs do not cross a removed cue or punctuation.
    grams = {w for w in words if w not in STOP and w not in ACTOR_WORDS and not w.isdigit() and len(w) > 2}
    for chunk in re.split(r"[|,;:.!?()\"]", folded):
        chunk_words = re.findall(features.WORD_PATTERN, chunk)
        for a, b in zip(chunk_words, chunk_words[1:]):
            if not (a in STOP and b in STOP) and "0" not in a + b:
                grams.add(f"{a} {b}")
    return grams


def epithet_table(labelled: list[dict], offtopic: list[dict], top: int = 80) -> list[str]:
    deleg = [compile_cue(p) for p in features.CUES["deleg"]]
    in_deleg: Counter[str] = Counter()
    in_other: Counter[str] = Counter()
    for row in labelled:
        target = in_deleg if row["framing"] == "delegitimize" else in_other
        target.update(uncovered_words(row["folded"], deleg))
    in_off: Counter[str] = Counter()
    for row in offtopic:
        in_off.update(uncovered_words(row["folded"], deleg))
    # Words that lean to delegitimize: at least 3 there, and at least half of their statements.
    ranked = sorted(
        (g for g, n in in_deleg.items() if n >= 3 and n / (n + in_other[g]) >= 0.5),
        key=lambda g: (-in_deleg[g] / (in_deleg[g] + in_other[g] + 1), -in_deleg[g], g),
    )
    lines = [f"{'word(s)':<30}{'deleg':>6}{'other':>6}{'offtopic':>9}"]
    lines += [f"{g:<30}{in_deleg[g]:>6}{in_other[g]:>6}{in_off[g]:>9}" for g in ranked[:top]]
    return lines


def main() -> None:
    labelled = [row for name in LABELLED for row in load(name)]
    offtopic = load(OFFTOPIC)
    print(f"labelled statements: {len(labelled)}; off-topic statements: {len(offtopic)}")
    print("prec: share of firings with the class's gold label; off: wrong firings on the off-topic set\n")
    flagged = []
    for cls in CLASSES:
        print(HEADER)
        for pattern in features.CUES[cls]:
            m = measure(cls, pattern, labelled, offtopic)
            print(row_text(m))
            if m["flags"]:
                flagged.append(m)
        print()
    print(f"FLAGGED ({len(flagged)}): at least {MIN_FIRES} firings with precision under {LOW_PRECISION}, or more")
    print("wrong firings off-topic than right firings on-topic\n" + HEADER)
    for m in flagged:
        print(row_text(m))
    if NARROWER:
        print("\nNARROWER PATTERNS PROPOSED\n" + HEADER)
        for (cls, pattern), replacements in NARROWER.items():
            print(row_text(measure(cls, pattern, labelled, offtopic)))
            for new_cls, replacement in replacements:
                print("  -> " + row_text(measure(new_cls, replacement, labelled, offtopic)))
    delegitimize = [row for row in labelled if row["framing"] == "delegitimize"]
    deleg_any = compile_cue("|".join(features.CUES["deleg"]))
    missed = [row for row in delegitimize if not fires(deleg_any, row)]
    print(f"\ndelegitimize statements: {len(delegitimize)}; with no deleg cue: {len(missed)}")
    print("CANDIDATE EPITHETS: words in delegitimize statements outside every deleg match")
    print("\n".join(epithet_table(labelled, offtopic)))
    if EPITHETS:
        print("\nCANDIDATE EPITHET PATTERNS (class deleg); 'new' = delegitimize statements with no deleg cue it adds")
        print(HEADER + "   new")
        for pattern in EPITHETS:
            m = measure("deleg", pattern, labelled, offtopic)
            compiled = compile_cue(pattern)
            print(row_text(m) + f"   {sum(fires(compiled, row) for row in missed)}")
        together = compile_cue("|".join(EPITHETS))
        added = sum(fires(together, row) for row in missed)
        print(f"all candidates together add a deleg cue to {added} of the {len(missed)} uncued delegitimize statements")


if __name__ == "__main__":
    main()
