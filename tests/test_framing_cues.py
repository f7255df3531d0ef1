"""The framing cues added in round 6 (docs/model.md, "Framing and speaker on pages (round 6)").

Each cue fires on a sentence of the kind it was added for, as a page gives it (a quote, a caption,
a hard-wrapped line, a no-break space), and stays quiet on a look-alike that carries no such frame.
"""

from __future__ import annotations

import pytest

from stanceclf import features

FIRES = [
    # blame: a truce or talks as cover for a hidden plan
    (
        "\u201cA thirty-day pause would simply let Kyiv rearm with fresh Western shells,\u201d the deputy minister "
        "told the Zvezda channel.",
        "blame",
    ),
    ("The envoy said any freeze along the current line would only give\nthe Russian units time to regroup.", "blame"),
    ("Photo: Reuters. Moscow\u2019s talk of talks is a smokescreen for the\u00a0winter offensive, Kyiv says", "blame"),
    ("Kremlin never intended to honour the grain corridor, the foreign minister said on Friday.", "blame"),
    ("That memorandum was never meant to work, and everybody in the room knew it.", "blame"),
    ("\u201cThey are not serious about a ceasefire,\u201d the adviser wrote on X. Share Tweet", "blame"),
    ("The delegation left Istanbul on instructions from Washington, the spokeswoman claimed.", "blame"),
    ("She said the walk-out came on the instructions of the delegation\u2019s foreign patrons.", "blame"),
    ("Critics say the prime minister is doing the Kremlin\u2019s bidding inside the bloc.", "blame"),
    ("Terms dictated from London will not be signed in Moscow, the senator said.", "blame"),
    # goodwill: an offer held out
    ("\u201cWe came to Geneva with an open mind,\u201d the Swiss-born mediator said.", "goodwill"),
    ("Our door remains open for a meeting at any level, the president\u2019s office said.", "goodwill"),
    ("The doors are open, the ambassador added, and Ankara is ready to host the next round.", "goodwill"),
    ("We extend our hand to the people of Ukraine, the patriarch said in his Christmas address.", "goodwill"),
    ("The gesture was read in Brussels as an olive branch to the new coalition.", "goodwill"),
]

QUIET = [
    # the plain sense of the same words, no hidden plan
    ("The ministry will present its rearmament budget to the Bundestag on Thursday.", "blame"),
    ("Farm cooperatives in the region were regrouped into three larger districts in 2019.", "blame"),
    ("Thick smoke from the refinery fire drifted over the screens of the open-air cinema.", "blame"),
    ("The minister gave instructions to the emergency crews on the ground.", "blame"),
    ("The bidding for the port concession opens in March, the tender office said.", "blame"),
    ("He said he had never been to Kherson before the war.", "blame"),
    ("The patient was in a serious condition after the strike, doctors said.", "blame"),
    # goodwill look-alikes
    ("The shop doors open at 9 a.m. on weekdays, the market authority said.", "goodwill"),
    ("The border crossing stays open around the clock for lorries.", "goodwill"),
    ("The striker injured his hand in the first half and was substituted.", "goodwill"),
    ("Olive oil prices rose by a fifth after the drought in Spain.", "goodwill"),
]


@pytest.mark.parametrize(("text", "cue_class"), FIRES)
def test_a_round_six_cue_fires_on_its_frame(text, cue_class):
    assert cue_class in features.cue_classes(text)


@pytest.mark.parametrize(("text", "cue_class"), QUIET)
def test_a_round_six_cue_stays_quiet_on_its_look_alike(text, cue_class):
    assert cue_class not in features.cue_classes(text)


def test_the_cue_reaches_the_features_as_its_token():
    # The token is what the model reads: the class alone is not enough if the normaliser drops it.
    tokens = features.normalise("The Kremlin wants a truce only so that it can regroup.").split()
    assert "#blame" in tokens
    assert "#blame" not in features.normalise("The regiment regrouped after the winter exercise.").split()
