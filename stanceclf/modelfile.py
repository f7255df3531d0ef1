"""Model -> file and back: the saved model folder, in a format that runs no code when read.

A saved model is a folder:

``model.npz``
    Everything the model needs, in one file: the vectoriser tables and the
    stacked head weights (:class:`~stanceclf.scoring.Scorer`) as numeric and
    string arrays, plus two JSON documents stored as bytes, the layout
    (heads, labels, settings) and the model card. It is read with
    ``numpy.load(allow_pickle=False)``: no object in it can run code, so a
    model someone sends you can do no more harm than give bad labels.
    Being one file, it is replaced by one rename: a reader sees the old
    model or the new one, never half of each.
``card.json``, ``card.md``
    Copies of the card for people and tools, written after the model. The
    loader reads the card inside ``model.npz``.

Folders of format 2 (``model.joblib``, a pickled scikit-learn pipeline)
are read only with ``trust=True``, because unpickling runs code.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import warnings
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from .card import ModelCard
from .codebook import CODEBOOK_VERSION, tables_hash
from .errors import ModelFileError, ModelVersionWarning
from .files import atomic_write_bytes
from .ngrams import NgramTable
from .scoring import Scorer

__all__ = [
    "FORMAT_VERSION",
    "MODEL_FILE",
    "LEGACY_MODEL_FILE",
    "CARD_FILE",
    "CARD_MD_FILE",
    "write_model",
    "read_model",
    "model_bytes",
    "npz_bytes",
]

#: Version of the saved-model layout. 3: arrays in ``model.npz``; 2: a joblib pickle.
FORMAT_VERSION = 3
_LEGACY_FORMAT = 2
MODEL_FILE = "model.npz"
LEGACY_MODEL_FILE = "model.joblib"
CARD_FILE = "card.json"
CARD_MD_FILE = "card.md"

_BLOCKS = ("words", "cues")


def model_bytes(scorer: Scorer, card: ModelCard) -> bytes:
    """The content of ``model.npz`` for a scorer and its card (deterministic: same model, same bytes)."""
    layout = {
        "format_version": FORMAT_VERSION,
        "heads": list(scorer.heads),
        "labels": {head: list(names) for head, names in scorer.labels.items()},
        "cue_weight": scorer.cue_weight,
        "words": scorer.words.settings(),
        "cues": scorer.cues.settings(),
    }
    arrays = {
        **scorer.words.to_arrays("words"),
        **scorer.cues.to_arrays("cues"),
        "coef": scorer.coef,
        "intercept": scorer.intercept,
        "layout.json": _json_array(layout),
        "card.json": _json_array(card.to_dict()),
    }
    return npz_bytes(arrays)


def npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """The bytes of an ``.npz`` file holding ``arrays``, deterministic: equal arrays give equal bytes.

    No member is an object array, so the file is read back with ``allow_pickle=False``.
    """
    buffer = io.BytesIO()
    # A zip written member by member with a fixed timestamp, so that equal
    # models give equal bytes (numpy.savez stamps the current time).
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, member.getvalue())
    return buffer.getvalue()


def write_model(folder: Path, scorer: Scorer, card: ModelCard) -> ModelCard:
    """Write a model folder: ``model.npz`` by one rename, then the card copies.

    Returns the card as written to ``card.json`` (with the model file's
    SHA-256 and size). Stray temporary files of an earlier save that was
    killed are removed first.
    """
    for stray in folder.glob(".*.tmp"):
        stray.unlink(missing_ok=True)
    payload = model_bytes(scorer, card)
    written = card.replace(
        model_sha256=hashlib.sha256(payload).hexdigest(),
        model_bytes=len(payload),
        extra={**card.extra, "model_file": MODEL_FILE},
    )
    atomic_write_bytes(folder / MODEL_FILE, payload)
    # A model of format 2 left beside it would only confuse readers.
    (folder / LEGACY_MODEL_FILE).unlink(missing_ok=True)
    atomic_write_bytes(folder / CARD_FILE, written.to_json().encode("utf-8"))
    atomic_write_bytes(folder / CARD_MD_FILE, written.to_markdown().encode("utf-8"))
    return written


def read_model(folder: Any, *, trust: bool = False) -> tuple[Scorer, ModelCard]:
    """Read a model folder into a scorer and its card.

    Parameters
    ----------
    folder : path-like or importlib.resources Traversable
        A folder written by :func:`write_model` (or, with ``trust``, a
        format-2 folder holding ``model.joblib``).
    trust : bool, default False
        Allow reading a format-2 joblib model, which runs code from the
        file while it loads. Only for folders you wrote or trust.

    Returns
    -------
    scorer : Scorer
    card : ModelCard

    Raises
    ------
    ModelFileError
        When the folder holds no model, the file is damaged or not a
        stanceclf model, its format version is unknown, its card lacks a key
        or has a value of the wrong type, or it is a joblib model and
        ``trust`` is false.

    Warns
    -----
    ModelVersionWarning
        When the model was fitted with other feature tables than the
        running code's (cues, masks, normalisation): retrain it.
    """
    path = folder / MODEL_FILE
    try:
        payload = path.read_bytes()
    except FileNotFoundError:
        legacy = folder / LEGACY_MODEL_FILE
        if legacy.is_file():
            return _read_legacy(folder, trust=trust)
        raise ModelFileError(f"{path}: model file is missing; is {folder} a stanceclf model folder?") from None
    except IsADirectoryError:
        raise ModelFileError(f"{path}: is a folder, expected a model file") from None
    except OSError as exc:
        raise ModelFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        with np.load(io.BytesIO(payload), allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
    except Exception as exc:  # zip, header or pickle refusals: all mean "not a model file"
        raise ModelFileError(f"{path}: not a readable stanceclf model ({type(exc).__name__}: {exc})") from None
    layout = _json_member(arrays, "layout.json", path)
    card = ModelCard.from_dict(_json_member(arrays, "card.json", path), f"{path}")
    if layout.get("format_version") != FORMAT_VERSION:
        raise ModelFileError(
            f"{path}: unknown model format version {layout.get('format_version')!r}; "
            f"this stanceclf reads version {FORMAT_VERSION} (retrain with `python train.py`)"
        )
    _check_card_format(card, FORMAT_VERSION, path)
    try:
        scorer = Scorer(
            words=NgramTable.from_arrays(arrays, "words", layout["words"]),
            cues=NgramTable.from_arrays(arrays, "cues", layout["cues"]),
            cue_weight=float(layout["cue_weight"]),
            heads=tuple(str(head) for head in layout["heads"]),
            labels={str(head): tuple(str(name) for name in names) for head, names in layout["labels"].items()},
            coef=arrays["coef"],
            intercept=arrays["intercept"],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelFileError(f"{path}: damaged model layout ({type(exc).__name__}: {exc})") from None
    if set(scorer.heads) != set(scorer.labels):
        raise ModelFileError(
            f"{path}: damaged model layout (heads {scorer.heads} but labels for {sorted(scorer.labels)})"
        )
    _warn_if_other_tables(card, path)
    # The same identity as card.json gives (workers compare it with the caller's).
    return scorer, card.replace(model_sha256=hashlib.sha256(payload).hexdigest(), model_bytes=len(payload))


def _warn_if_other_tables(card: ModelCard, path: Any) -> None:
    """A ModelVersionWarning when the model was fitted under other codebook tables than the running code's.

    Two checks: the feature tables' hash (cues, masks, rule pairs, normalisation
    version; old cards have none and are not compared) and the codebook version.
    """
    reasons = []
    if card.feature_tables_sha256 is not None and card.feature_tables_sha256 != tables_hash():
        reasons.append("with other cue tables (cues, masks or normalisation changed since)")
    if card.codebook_version != CODEBOOK_VERSION:
        reasons.append(f"under codebook {card.codebook_version} (this stanceclf follows {CODEBOOK_VERSION})")
    if reasons:
        warnings.warn(
            f"{path}: the model was fitted {' and '.join(reasons)}, so its features or labels no longer "
            "mean what they meant; retrain it with `python train.py`",
            ModelVersionWarning,
            stacklevel=4,
        )


def _read_legacy(folder: Any, *, trust: bool) -> tuple[Scorer, ModelCard]:
    """A format-2 folder: a joblib pickle, read only when trusted."""
    path = folder / LEGACY_MODEL_FILE
    if not trust:
        raise ModelFileError(
            f"{path}: a joblib model (format 2), which runs code from the file while it loads; "
            "retrain it with `python train.py` to get the safe format, or, for a model you wrote or trust, "
            "pass trust=True to load_model()"
        )
    warnings.warn(
        f"{path}: loading a joblib model runs code from the file; retrain to get the safe format",
        ModelVersionWarning,
        stacklevel=4,
    )
    import joblib

    from .model import scorer_of

    try:
        card = ModelCard.from_json((folder / CARD_FILE).read_bytes(), f"{folder / CARD_FILE}")
        _check_card_format(card, _LEGACY_FORMAT, folder / CARD_FILE)
        pipeline = joblib.load(io.BytesIO(path.read_bytes()))
        return scorer_of(pipeline, card.heads), card
    except ModelFileError:
        raise
    except Exception as exc:  # whatever the pickle raises, the folder is not a model we can use
        raise ModelFileError(f"{path}: not a loadable joblib model ({type(exc).__name__}: {exc})") from None


def _check_card_format(card: ModelCard, expected: int, path: Any) -> None:
    """A card whose ``format_version`` is not the file's: a format this code does not know, or a mixed-up folder."""
    if card.format_version != expected:
        raise ModelFileError(
            f"{path}: the model card says format_version {card.format_version!r}, which this stanceclf does not "
            f"know for this file: it reads format {FORMAT_VERSION} ({MODEL_FILE}) and format {_LEGACY_FORMAT} "
            f"({LEGACY_MODEL_FILE}, with trust=True); retrain with `python train.py`"
        )


def _json_array(value: Any) -> np.ndarray:
    return np.frombuffer(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)


def _json_member(arrays: dict[str, np.ndarray], name: str, path: os.PathLike[str]) -> dict[str, Any]:
    try:
        value = json.loads(arrays[name].tobytes().decode("utf-8"))
    except KeyError:
        raise ModelFileError(f"{path}: not a stanceclf model (no {name})") from None
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ModelFileError(f"{path}: damaged {name} ({type(exc).__name__})") from None
    if not isinstance(value, dict):
        raise ModelFileError(f"{path}: damaged {name} (expected an object, got {type(value).__name__})")
    return value
