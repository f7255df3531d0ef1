"""The codebook as data: heads, label names, cue and actor tables, and the rules built on them.

Everything the annotation contract (the project codebook, version :data:`CODEBOOK_VERSION`)
fixes for the code lives here, as plain dicts and tuples, so that a new label, cue or rule is
a change in this one file:

* :data:`STANCES`, :data:`FRAMINGS`, :data:`SPEAKERS`: the label names of each head, in
  codebook order (sections 3, 4 and 5; framing in its order of precedence), and :data:`HEADS`,
  the heads in the order every model, file and output lists them;
* :data:`DEFAULT_LABELS`: per head, the label of a statement with nothing to say (stance
  ``neutral``, section 3; framing ``neutral_report``, section 4 rule 3);
* :data:`CUES`: the codebook's cue words per cue class (framing cues of section 4 and its hard
  cases in section 6, stance cues of section 3, and the target of section 3: this war, and
  other topics); :data:`MASKS`: named actors and the role token that replaces them (section 5,
  the speaker field);
* :data:`RULE_PAIRS`, :data:`STANCE_CUE_CLASSES`, :data:`DERIVED_CUE_CLASSES`: the cue
  combinations the stance rules of section 3 turn on (readiness with a condition, rule 1; ...);
* :data:`FRAME_OF_CUE` and :data:`STANCE_OF_CUES`: the keyword baseline's rules (the framing
  cue class that stands for each frame, section 4; the stance rules 1, 3 and 6 of section 3);
* :data:`EVIDENCE_TERMS`: each cue class, rule pair and actor mask in an analyst's words, for
  the report's evidence;
* :func:`tables_hash`: a short digest of the tables the features are built from, recorded
  with a fitted model so that a model fitted on other tables can be told apart.

The tables stay Python rather than a data file: their comments say which codebook rule or
hard case each group of cues comes from, and a review reads them next to the entries.
"""

from __future__ import annotations

import hashlib
import json

from .errors import StanceclfError

__all__ = [
    "CODEBOOK_VERSION",
    "STANCES",
    "FRAMINGS",
    "SPEAKERS",
    "HEADS",
    "DEFAULT_LABELS",
    "CUES",
    "MASKS",
    "RULE_PAIRS",
    "STANCE_CUE_CLASSES",
    "DERIVED_CUE_CLASSES",
    "FRAME_OF_CUE",
    "STANCE_OF_CUES",
    "BASELINE_SPEAKER",
    "EVIDENCE_TERMS",
    "NORMALISATION_VERSION",
    "tables_hash",
    "check_tables",
]

#: The codebook version the labels, the shipped model and these tables follow.
CODEBOOK_VERSION = "1.2"

#: Label names, exactly as in the codebook (sections 3, 4 and 5).
STANCES = ("support", "conditional", "oppose", "neutral")
#: Frames in the codebook's order of precedence (section 4): the first that applies wins.
FRAMINGS = ("delegitimize", "blame", "force", "law_sovereignty", "goodwill", "neutral_report")
SPEAKERS = ("russia_official", "ukraine_official", "western_official", "other_official", "author")
#: The heads and their label names, in the order of the label files' fields (section 5).
HEADS: dict[str, tuple[str, ...]] = {"stance": STANCES, "framing": FRAMINGS, "speaker": SPEAKERS}

#: The label a head gives a statement with nothing to say: the one whose prior
#: ``class_weight="balanced"`` pushes down, and calibration puts back.
DEFAULT_LABELS = {"stance": "neutral", "framing": "neutral_report"}

#: Codebook cues per class. Each entry is a regular expression matched on the
#: lower-cased, quote-folded text at word boundaries.
CUES: dict[str, tuple[str, ...]] = {
    # --- framing (section 4) ---
    "deleg": (
        # Outside control named as such, and mockery (codebook 6, hard cases of 1.2).
        r"handlers?",
        r"curators?",
        r"masters?",
        r"puppet-masters?",
        r"warmonger\w*",
        r"mock\w*",
        r"ridicul\w*",
        r"idle pastime",
        r"dictator\w*",
        r"regime",
        r"junta",
        r"clique",
        r"puppet\w*",
        r"expired",
        r"illegitimate",
        r"propagand\w*",
        r"disinformation",
        r"fake\w*",
        r"so-called",
        r"usurp\w*",
        r"neo-?nazi\w*",
        r"nazi\w*",
        r"terroris\w*",
        r"criminal\w*",
        r"war criminal",
        r"thie\w+",
        r"stole\w*",
        r"steal\w*",
        r"liars?",
        # Lying, not where a border "lies": the bare verb is left out.
        r"lied",
        r"lying",
        r"a lie",
        r"the lies?",
        r"big lies?",
        r"outright lies?",
        r"blatant lies?",
        r"pack of lies",
        r"lies (?:and|about)",
        r"spread\w* lies",
        r"cynic\w*",
        r"hypocri\w*",
        r"sane",
        r"insane",
        r"madm[ae]n",
        r"lunatic",
        r"incompeten\w*",
        r"clown\w*",
        r"politically dead",
        r"butcher\w*",
        r"thug\w*",
        r"gang\w*",
        r"mafia",
        r"evil",
        r"betray\w*",
        r"lost (?:his|its|their) legitimacy",
        r"legitimacy",
        r"not legitimate",
        r"information war\w*",
        r"bloody",
        r"tyrant\w*",
        r"despot\w*",
        r"rogue",
        r"cling\w* to power",
        r"occupiers?",
        r"aggressor\w*",
        r"racist\w*",
        r"russophob\w*",
        r"failed miserably",
        r"delusional",
        r"absurd\w*",
        r"nonsense",
        r"hysteri\w*",
        # Name-calling and charges of lying or play-acting a lexicon lists beside the ones above
        # (codebook 4 rules 1 and 6: an explicit charge of lying is delegitimize; 6: mockery).
        r"mouthpieces?",
        r"lackeys?",
        r"stooges?",
        r"henchm[ae]n",
        r"minions?",
        r"cronies",
        r"vassals?",
        r"traitors?",
        r"crooks?",
        r"charlatans?",
        r"impostors?",
        r"errand (?:boys?|girls?)",
        r"fascis\w*",
        r"banderit\w*",
        r"deceit\w*",
        r"deceiv\w*",
        r"deception",
        r"deceptive",
        r"disingenuous",
        r"duplicit\w*",
        r"manipulative",
        r"untrustworthy",
        r"cannot be trusted",
        r"can't be trusted",
        r"no mandate",
        r"circus",
        r"charade",
        r"farc(?:e|ical)",
        r"sham",
        r"stunts?",
        r"theatrics",
        r"pantomime",
        r"trojan horse",
        r"laughable",
        r"laughing stock",
        r"pathetic",
        r"grotesque",
        r"crazy",
    ),
    "blame": (
        r"capitulat\w*",
        r"on (?:the )?orders? (?:of|from)",
        r"orders? from",
        r"external recommendations?",
        r"sabotag\w*",
        r"provocation\w*",
        r"provok\w*",
        r"prox(?:y|ies)",
        r"ultimatums?",
        r"unrealistic",
        r"unacceptable",
        r"not constructive",
        r"uncompromising",
        r"sponsors?",
        r"backers?",
        r"derail\w*",
        r"torpedo\w*",
        r"buy time",
        r"trap",
        r"bad faith",
        r"prolong\w*",
        r"escalat\w*",
        r"blam\w+",
        r"responsib\w+ for",
        r"wanted to (?:defeat|achieve)",
        r"strategic defeat",
        r"given a command",
        r"command not to",
        r"stand in the way",
        r"obstruct\w*",
        r"undermin\w*",
        r"hidden (?:plan|agenda)",
        r"pretext",
        r"stall\w*",
        r"drag\w* out",
        r"party of war",
        r"not interested in peace",
        r"do(?:es)? not want peace",
        r"instead of",
        r"at the behest",
        r"pressure from",
        r"dictat(?:e|ed) by (?:washington|london|brussels)",
        r"whatabout\w*",
        r"double standards?",
        r"sincerity",
        r"insincer\w*",
        r"hostile course",
    ),
    "force": (
        r"battlefield",
        r"on the ground",
        r"realities",
        r"losses",
        r"missiles?",
        r"oreshnik",
        r"troops",
        r"army",
        r"armed forces",
        r"offensive\w*",
        r"counteroffensive",
        r"advanc\w*",
        r"weapons?",
        r"arms",
        r"strikes?",
        r"drones?",
        r"nuclear",
        r"threat\w*",
        r"fear",
        r"squeez\w*",
        r"weak position",
        r"position of strength",
        r"strength",
        r"stronger",
        r"military",
        r"militar\w+",
        r"surrender\w*",
        r"liberat\w*",
        r"captur\w*",
        r"retreat\w*",
        r"losing",
        r"win (?:the|this) war",
        r"force\w*",
        r"by force",
        r"artillery",
        r"tanks?",
        r"hypersonic",
        r"air defen[cs]e\w*",
        r"escalation",
        r"retaliat\w*",
        r"defeat\w*",
        r"destroy\w*",
        r"front ?line\w*",
        r"seiz\w*",
        r"victory",
        r"punish\w*",
    ),
    "law": (
        r"international law",
        r"law",
        r"legal\w*",
        r"illegal\w*",
        r"sovereign\w*",
        r"territorial integrity",
        r"integrity",
        r"inviolab\w*",
        r"borders",
        r"self-determination",
        r"un charter",
        r"charter",
        r"initial(?:l)?ed",
        r"signature\w*",
        r"treaty",
        r"treaties",
        r"constitution\w*",
        r"referend\w*",
        r"justice",
        r"just peace",
        r"rights?",
        r"internationally recognized",
        r"internationally recognised",
        r"legitimate",
        r"legally binding",
        r"binding",
        r"jurisdiction",
        r"accountab\w*",
        r"tribunal",
        r"icc",
        r"independent",
        r"recogni[sz]\w*",
    ),
    "goodwill": (
        r"never refused",
        r"not refuse",
        r"do(?:es)? not refuse",
        r"not reject",
        r"do not reject",
        r"with anyone",
        r"with anybody",
        r"without (?:any )?preconditions",
        r"no preconditions",
        r"grudge",
        r"brothers?",
        r"brotherly",
        r"fraternal",
        r"humanitarian",
        r"gesture\w*",
        r"do(?:es)? not seek confrontation",
        r"no confrontation",
        r"mutually beneficial",
        r"goodwill",
        r"good will",
        r"good faith",
        r"peaceful\w*",
        r"peace-loving",
        r"sincere\w*",
        r"respect\w*",
        r"reasonable",
        r"constructive",
        r"open to dialogue",
        r"dialogue",
        r"patien\w*",
        r"generous",
        r"friend\w*",
        r"cooperation",
        r"compromises?",
        r"bridge the gap",
        r"common ground",
        r"understanding",
        r"good-neighbou?rl\w*",
        r"spirit of",
    ),
    # --- stance (section 3) ---
    "ready": (
        r"ready",
        r"readiness",
        r"willing\w*",
        r"open to",
        r"prepared to",
        r"prepared for",
        r"call\w* for",
        r"seek\w* (?:talks|peace|a settlement)",
        r"want\w* (?:talks|peace)",
        r"agree\w* to (?:talks|meet)",
        r"sit down",
        r"negotiating table",
        r"negotiation table",
        r"hopes?",
        r"welcom\w*",
        r"propos\w*",
        r"support\w* (?:the )?(?:talks|peace|negotiation)",
    ),
    "cond": (
        r"but",
        r"only",
        r"on the basis",
        r"basis",
        r"based on",
        r"provided",
        r"condition\w*",
        r"preconditions?",
        r"unless",
        r"once",
        r"if",
        r"must",
        r"should",
        r"demand\w*",
        r"requir\w*",
        r"withdraw\w*",
        r"recogni[sz]\w*",
        r"concessions?",
        r"red lines?",
        r"non-negotiable",
        r"terms",
        r"guarantee\w*",
        r"first",
        r"in exchange",
        r"neutral status",
        r"non-aligned",
        r"cannot sign",
        r"not .{0,20} without",
        r"without resolving",
        r"in favou?r of",
        r"realities",
    ),
    "refuse": (
        r"refus\w*",
        r"reject\w*",
        r"rul(?:e|ed|es|ing) out",
        r"no talks?",
        r"no negotiations?",
        r"impossible",
        r"pointless",
        r"trap",
        r"ploy",
        r"insincere",
        r"not ready",
        r"never",
        r"will not negotiate",
        r"won't negotiate",
        r"ban\w*",
        r"sabotag\w*",
        r"derail\w*",
        r"collaps\w*",
        r"walk\w* (?:away|out)",
        r"break\w* off",
        r"broke off",
        r"postpon\w*",
        r"halt\w*",
        r"freez\w*",
        r"dead end",
        r"no point",
        r"not going to",
        r"cannot",
        r"can't",
        r"toss\w* .{0,20}dumpster",
        r"does not agree",
        r"do not agree",
        r"ruled out",
        r"no deal",
        r"not (?:be )?interested",
        r"undermin\w*",
    ),
    "talks": (
        r"talks?",
        r"negotiat\w*",
        r"ceasefire\w*",
        r"cease-fire\w*",
        r"truce",
        r"peace",
        r"settlement\w*",
        r"deal",
        r"agreement\w*",
        r"accords?",
        r"diplomatic\w*",
        r"diploma\w*",
        r"memorand\w*",
        r"summit",
        r"meeting",
        r"meet",
        r"dialogue",
        r"mediat\w*",
        r"compromise\w*",
        r"end (?:the|this) war",
        r"end to the (?:war|conflict)",
        r"resolv\w*",
        r"round",
    ),
    # --- target (section 3: talks to end the Russia-Ukraine war) ---
    # The war itself: with a Russian or Ukrainian actor, what says a
    # statement is about this war and not another topic.
    "war": (
        r"war",
        r"wars",
        r"conflict",
        r"invasion",
        r"invaded",
        r"front ?lines?",
        r"the front",
        r"occupied",
        r"occupation",
        r"annex\w*",
        r"donbas+",
        r"crimea\w*",
        r"donetsk",
        r"luhansk",
        r"zaporizhzhi?a",
        r"kherson",
        r"kursk",
        r"special military operation",
        r"hostilities",
    ),
    # Other conflicts and other kinds of negotiation: a statement about them
    # takes no stance toward these talks, whatever its "but", "only" or "ready".
    "elsewhere": (
        r"gaza\w*",
        r"israel\w*",
        r"hamas",
        r"hezbollah",
        r"lebanon",
        r"houthis?",
        r"yemen\w*",
        r"iran\w*",
        r"sudan\w*",
        r"syria\w*",
        r"palestin\w*",
        r"west bank",
        r"hostages?",
        r"tariffs?",
        r"trade (?:talks|deal|agreement|negotiations|war)",
        r"wages?",
        r"pay (?:talks|deal|rise|offer|dispute)",
        r"trade unions?",
        r"labou?r unions?",
        r"collective bargaining",
        r"coalition (?:talks|government|agreement|deal|partners?)",
        r"mergers?",
        r"takeover",
        r"brexit",
        r"shareholders?",
        r"interest rates?",
        r"inflation",
        r"elections? in",
        r"climate",
    ),
}

#: Named actors and the role token that replaces them.
MASKS: dict[str, tuple[str, ...]] = {
    "ruactor": (
        "vladimir putin",
        "putin",
        "peskov",
        "lavrov",
        "zakharova",
        "ushakov",
        "medinsky",
        "nebenzia",
        "medvedev",
        "shoigu",
        "belousov",
        "gerasimov",
        "patrushev",
        "dmitriev",
        "kadyrov",
        "kozak",
        "kremlin",
        "moscow",
        "russian federation",
        "russia",
        "russians",
        "russian",
        "rt",
    ),
    "uaactor": (
        "volodymyr zelensky",
        "vladimir zelensky",
        "zelenskyy",
        "zelensky",
        "zelenskiy",
        "yermak",
        "sybiha",
        "kuleba",
        "umerov",
        "podolyak",
        "podoliak",
        "budanov",
        "syrskyi",
        "zaluzhny",
        "zaluzhnyi",
        "shmyhal",
        "svyrydenko",
        "stefanchuk",
        "kyiv",
        "kiev",
        "ukraine",
        "ukrainians",
        "ukrainian",
    ),
    "westactor": (
        "donald trump",
        "trump",
        "joe biden",
        "biden",
        "kamala harris",
        "harris",
        "witkoff",
        "rubio",
        "vance",
        "kellogg",
        "blinken",
        "sullivan",
        "hegseth",
        "macron",
        "scholz",
        "merz",
        "starmer",
        "boris johnson",
        "johnson",
        "sunak",
        "von der leyen",
        "kallas",
        "rutte",
        "stoltenberg",
        "borrell",
        "merkel",
        "hollande",
        "washington",
        "white house",
        "nato",
        "european union",
        "eu",
        "europe",
        "europeans",
        "european",
        "the west",
        "west",
        "western",
        "america",
        "americans",
        "american",
        "united states",
        "u.s.",
        "us",
        "uk",
        "britain",
        "british",
        "london",
        "paris",
        "berlin",
        "brussels",
        "france",
        "french",
        "germany",
        "german",
        "poland",
        "polish",
        "warsaw",
        # NATO and EU states beyond the usual ones (codebook section 5).
        "recep tayyip erdogan",
        "erdogan",
        "fidan",
        "turkey",
        "turkish",
        "türkiye",
        "ankara",
        "orban",
        "hungary",
        # The other NATO and EU states, their people and capitals (codebook section 5: their officials are
        # western_official); measured in docs/model.md, round 6.
        "canada",
        "canadian",
        "ottawa",
        "italy",
        "italian",
        "rome",
        "spain",
        "spanish",
        "madrid",
        "netherlands",
        "dutch",
        "the hague",
        "belgium",
        "belgian",
        "denmark",
        "danish",
        "copenhagen",
        "sweden",
        "swedish",
        "stockholm",
        "finland",
        "finnish",
        "helsinki",
        "norway",
        "norwegian",
        "oslo",
        "estonia",
        "estonian",
        "tallinn",
        "latvia",
        "latvian",
        "riga",
        "lithuania",
        "lithuanian",
        "vilnius",
        "czech republic",
        "czechia",
        "czech",
        "prague",
        "slovakia",
        "slovak",
        "bratislava",
        "romania",
        "romanian",
        "bucharest",
        "bulgaria",
        "bulgarian",
        "portugal",
        "portuguese",
        "lisbon",
        "greece",
        "greek",
        "athens",
        "austria",
        "austrian",
        "vienna",
        "ireland",
        "irish",
        "dublin",
    ),
    "otheractor": (
        "istanbul",
        "guterres",
        "united nations",
        "un",
        "xi jinping",
        "xi",
        "china",
        "chinese",
        "beijing",
        "lula",
        "brazil",
        "modi",
        "india",
        "saudi arabia",
        "saudi",
        "riyadh",
        "jeddah",
        "qatar",
        "doha",
        "uae",
        "abu dhabi",
        "vatican",
        "pope",
        "lukashenko",
        "belarus",
        "minsk",
        "geneva",
    ),
}

#: Cue pairs that mark a codebook rule, appended as their own token (``#ready_cond``: stance rule 1).
RULE_PAIRS = (("ready", "cond"), ("ready", "refuse"), ("ready", "blame"), ("refuse", "talks"), ("cond", "talks"))
#: Classes that only tell stance (section 3); off the target they are renamed (``#ready_notarget``).
STANCE_CUE_CLASSES = frozenset({"ready", "notready", "cond", "refuse", "talks"})
#: Classes the features derive rather than match (readiness denied), emitted after those of :data:`CUES`.
DERIVED_CUE_CLASSES = ("notready",)

#: The keyword baseline's framing: the cue class that stands for each frame (section 4), in the
#: frames' order of precedence; a statement with none of them is ``neutral_report``.
FRAME_OF_CUE = {
    "deleg": "delegitimize",
    "blame": "blame",
    "force": "force",
    "law": "law_sovereignty",
    "goodwill": "goodwill",
}
#: The keyword baseline's stance: the first rule whose cue classes are all present gives the
#: stance (section 3: readiness with a condition, rule 1; readiness alone; a refusal about talks,
#: rules 3 and 6); a statement that meets none is ``neutral``.
STANCE_OF_CUES = (
    (frozenset({"ready", "cond"}), "conditional"),
    (frozenset({"ready"}), "support"),
    (frozenset({"refuse", "talks"}), "oppose"),
)
#: The keyword baseline's speaker: cues say nothing about who speaks.
BASELINE_SPEAKER = "author"

#: How the model's internal feature names read to an analyst (the report's evidence): every cue
#: class of :data:`CUES` and :data:`DERIVED_CUE_CLASSES`, every rule pair of :data:`RULE_PAIRS`
#: and ``untargeted`` with the codebook section and rule they stand for, and the actor masks of
#: :data:`MASKS`. Kept next to the tables, so that a new cue class is one edit in this file;
#: :func:`check_tables` refuses a class or mask without its words.
EVIDENCE_TERMS: dict[str, dict[str, str]] = {
    "cue": {
        "deleg": "a loaded label or an attack on legitimacy (codebook 4, delegitimize, rule 1)",
        "blame": "a charge of bad faith, sabotage or orders from outside (codebook 4, blame, rule 5)",
        "force": "military strength, threats or battlefield realities (codebook 4, force)",
        "law": "international law, sovereignty or borders (codebook 4, law_sovereignty)",
        "goodwill": "a side shown as peaceful, open or generous (codebook 4, goodwill, rule 4)",
        "ready": "readiness for talks (codebook 3, support)",
        "cond": "a condition, a required basis or demanded terms (codebook 3, rules 1 and 5)",
        "refuse": "a refusal, rejection or ban (codebook 3, rules 3 and 6)",
        "talks": "talks, a ceasefire or a deal mentioned (codebook 3, the target)",
        "ready_cond": "readiness with a condition (codebook 3, rule 1)",
        "ready_refuse": "readiness next to a refusal (codebook 3, rule 6)",
        "ready_blame": "readiness while blaming the other side (codebook 3, rule 6; codebook 4, rule 5)",
        "refuse_talks": "a refusal of talks (codebook 3, rule 6)",
        "cond_talks": "terms for talks or a settlement (codebook 3, rule 5)",
        "notready": "readiness denied: 'not ready', 'showed no willingness' (codebook 3, rules 3 and 6)",
        "war": "the war itself named: a front, an offensive, occupied land (codebook 3, the target)",
        "elsewhere": "another conflict or another kind of negotiation named (codebook 3: not the target)",
        "untargeted": (
            "no word of talks, readiness or refusal, no Russian or Ukrainian actor: no stance cue (codebook 3)"
        ),
        # The speaker head's attribution tokens (stanceclf.speech): who the statement's words are given to.
        "said_ruactor": "attributed to a Russian official: '..., Peskov said' (codebook 7)",
        "said_uaactor": "attributed to a Ukrainian official (codebook 7)",
        "said_westactor": "attributed to a Western official (codebook 7)",
        "said_otheractor": "attributed to another official, a mediator or a third country (codebook 7)",
        "said_official": "attributed to an office whose side the sentence does not name (codebook 7)",
        "said_expert": "attributed to an expert, an outlet or data, with no side: the outlet's voice (codebook 7)",
        "said_pronoun": "attributed with a pronoun: 'he said' points back to the last speaker (codebook 7)",
        "said_unknown": "attributed to someone the sentence does not place (codebook 7)",
    },
    # A stance cue in a statement that names neither side nor the war: "<cue>_notarget".
    "off_target": {
        "suffix": "_notarget",
        "words": "{cue}, in a statement that names neither side nor the war (codebook 3: perhaps not the target)",
    },
    "actor": {
        "ruactor": "a Russian official (or Russia, the Kremlin)",
        "uaactor": "a Ukrainian official (or Ukraine, Kyiv)",
        "westactor": "a Western official (or the US, the EU, NATO)",
        "otheractor": "another official (a mediator, a third country)",
    },
}

#: The version of :func:`stanceclf.features.normalise`'s behaviour: bump it when the normaliser
#: (folding, masking, cue tokens) gives any text other features, so that :func:`tables_hash`
#: tells models fitted before and after apart.
NORMALISATION_VERSION = 3


def tables_hash() -> str:
    """A short digest of the tables a model's features are built from.

    Covers :data:`CUES`, :data:`MASKS`, the rule pairs, the stance and derived cue classes, and
    :data:`NORMALISATION_VERSION`. Order counts (it sets the cue tokens' order and which pattern
    wins a tie), so reordering a table changes the digest too.

    Returns
    -------
    str
        The first 16 hexadecimal digits of the tables' SHA-256.

    Examples
    --------
    >>> len(tables_hash()), tables_hash() == tables_hash()
    (16, True)
    """
    tables = {
        "normalisation_version": NORMALISATION_VERSION,
        "cues": CUES,
        "masks": MASKS,
        "rule_pairs": RULE_PAIRS,
        "stance_cue_classes": sorted(STANCE_CUE_CLASSES),
        "derived_cue_classes": DERIVED_CUE_CLASSES,
    }
    return hashlib.sha256(json.dumps(tables, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def check_tables() -> None:
    """Check that the tables name only heads, labels and cue classes the codebook has.

    Run on import, so that a typo in a table stops the package from loading rather than
    quietly matching nothing.

    Raises
    ------
    StanceclfError
        Naming every table entry that is not a known cue class or label, and a framing
        table out of the frames' order of precedence.
    """
    known = {*CUES, *DERIVED_CUE_CLASSES}
    cue_uses = [
        *(("RULE_PAIRS", name) for pair in RULE_PAIRS for name in pair),
        *(("STANCE_CUE_CLASSES", name) for name in sorted(STANCE_CUE_CLASSES)),
        *(("FRAME_OF_CUE", name) for name in FRAME_OF_CUE),
        *(("STANCE_OF_CUES", name) for needed, _ in STANCE_OF_CUES for name in sorted(needed)),
    ]
    label_uses = [
        *(("DEFAULT_LABELS", head, label) for head, label in DEFAULT_LABELS.items()),
        *(("FRAME_OF_CUE", "framing", frame) for frame in FRAME_OF_CUE.values()),
        *(("STANCE_OF_CUES", "stance", stance) for _, stance in STANCE_OF_CUES),
        ("BASELINE_SPEAKER", "speaker", BASELINE_SPEAKER),
    ]
    problems = [f"{table}: unknown cue class {name!r}" for table, name in cue_uses if name not in known]
    problems += [
        f"{table}: {label!r} is not a {head} label"
        for table, head, label in label_uses
        if label not in HEADS.get(head, ())
    ]
    described = [*CUES, *DERIVED_CUE_CLASSES, *(f"{first}_{second}" for first, second in RULE_PAIRS)]
    problems += [
        f"EVIDENCE_TERMS: no words for cue class {name!r}" for name in described if name not in EVIDENCE_TERMS["cue"]
    ]
    problems += [
        f"EVIDENCE_TERMS: no words for actor mask {name!r}" for name in MASKS if name not in EVIDENCE_TERMS["actor"]
    ]
    frames = [frame for frame in FRAME_OF_CUE.values() if frame in FRAMINGS]
    if frames != sorted(frames, key=FRAMINGS.index):
        problems.append(f"FRAME_OF_CUE: frames {', '.join(frames)} are not in FRAMINGS' order of precedence")
    if problems:
        raise StanceclfError("the codebook tables disagree: " + "; ".join(problems))


check_tables()
