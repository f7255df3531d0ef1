"""Write ``probabilities.npz``: what the frozen model gives on fixed probes.

``tests/test_frozen.py`` checks that the code scores the frozen model exactly
as it did when these were written (to 1e-12): a refactor or a speed change
must not move a prediction. A change that is meant to change predictions (a
new cue, a new normalisation) regenerates this file with ``python
tests/frozen/make.py`` and says so in its commit message.

The probes are every labelled statement, the off-topic set, and variants of
some of them as web pages have them (no-break spaces, soft hyphens, curly
quotes, capitals, hard wraps), plus every corpus article classified whole
(speaker read in context). The probe texts are stored beside their
probabilities, so that labels added later do not change the probes.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def probe_texts() -> list[str]:
    """The probes as the label files give them now (stored with the probabilities when written)."""
    texts = []
    for name in ("train", "heldout", "written", "offtopic"):
        with open(REPO / "labels" / f"{name}.jsonl", encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    variants = []
    for text in texts[::7]:
        variants.append(text.replace(" ", "\u00a0", 3))
        variants.append(text.replace("e", "e\u00ad", 2))
        variants.append(text.replace('"', "\u201c", 1).replace("'", "\u2019"))
        variants.append(text.upper())
        variants.append(text.replace(" ", "\n", 2))
    return texts + variants


def articles() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted((REPO / "corpus" / "seeds").glob("*.txt"))]


def probabilities(model, texts: list[str]) -> dict[str, np.ndarray]:
    arrays = {f"statements_{head}": values for head, values in model.predict_proba(texts).items()}
    in_context = [p for text in articles() for p in model.classify(text)]
    for head in model.heads:
        scores = [getattr(prediction, f"{head}_scores") for prediction in in_context]
        arrays[f"articles_{head}"] = np.array([[row[label] for label in model.labels(head)] for row in scores])
    arrays["articles_spans"] = np.array([(p.start, p.end) for p in in_context])
    return arrays


if __name__ == "__main__":
    from stanceclf import load_model

    texts = probe_texts()
    arrays = probabilities(load_model(HERE), texts)
    np.savez_compressed(HERE / "probabilities.npz", probe_texts=np.array(texts), **arrays)
    print(f"wrote {HERE / 'probabilities.npz'}")
