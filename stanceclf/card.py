"""The model card: what a saved model records about itself, as a typed, validated record.

:func:`stanceclf.model.fit_bundle` builds a :class:`ModelCard`,
:mod:`stanceclf.modelfile` stores it inside ``model.npz`` (and copies it to
``card.json`` and ``card.md`` for people) and reads it back with
:meth:`ModelCard.from_json`, which checks every key: a card with a missing
key or a value of the wrong type is a :class:`~stanceclf.errors.ModelFileError`
naming the key. Cards written before this module (format 3 without
``feature_tables_sha256`` or ``classifier``) load as they are.

A card is also a read-only mapping over its JSON form, so
``model.card["unsure_below"]`` and ``model.card.get("training", {})`` work
as they did when the card was a dict.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Iterator

from .errors import ModelFileError

__all__ = ["ModelCard", "TrainingInfo"]


def _check(value: Any, kind: str, key: str, where: str) -> Any:
    """``value`` if it has the JSON ``kind``, else a ModelFileError naming ``key``."""
    checks = {
        "str": lambda v: isinstance(v, str),
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "object": lambda v: isinstance(v, dict),
        "list of str": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        "object of numbers": lambda v: (
            isinstance(v, dict) and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v.values())
        ),
        "object of lists of str": lambda v: (
            isinstance(v, dict) and all(isinstance(x, list) and all(isinstance(s, str) for s in x) for x in v.values())
        ),
    }
    if not checks[kind](value):
        raise ModelFileError(f"{where}: model card key {key!r} must be {_article(kind)}, got {_json_type(value)}")
    return value


def _article(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), f"the number {value!r}" if isinstance(value, (int, float)) else type(value).__name__)


def _required(record: Mapping[str, Any], key: str, kind: str, where: str) -> Any:
    if key not in record:
        raise ModelFileError(f"{where}: model card has no {key!r}")
    return _check(record[key], kind, key, where)


def _optional(record: Mapping[str, Any], key: str, kind: str, where: str, default: Any = None) -> Any:
    if record.get(key) is None:
        return default
    return _check(record[key], kind, key, where)


@dataclass(frozen=True)
class TrainingInfo:
    """What a model was trained on.

    Attributes
    ----------
    statements : int
        Training statements (written examples included).
    labels_sha256 : str
        SHA-256 of those statements (:func:`stanceclf.model.labels_hash`).
    articles : tuple of str
        Article ids of the training statements.
    calibration : str
        How probabilities were calibrated.
    split : str or None
        Which label files (``"training split: train.jsonl + written.jsonl"``).
    written_examples : int or None
        How many written examples were among the statements.
    """

    statements: int
    labels_sha256: str
    articles: tuple[str, ...]
    calibration: str = "none"
    split: str | None = None
    written_examples: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (keys with no value left out)."""
        record = {**dataclasses.asdict(self), "articles": list(self.articles)}
        return {key: value for key, value in record.items() if value is not None}

    @classmethod
    def from_dict(cls, record: Any, where: str) -> "TrainingInfo":
        """Read and check the JSON form; ``where`` names the file for messages."""
        record = _check(record, "object", "training", where)
        return cls(
            statements=_required(record, "statements", "int", where + " training"),
            labels_sha256=_required(record, "labels_sha256", "str", where + " training"),
            articles=tuple(_optional(record, "articles", "list of str", where + " training", [])),
            calibration=_optional(record, "calibration", "str", where + " training", "none"),
            split=_optional(record, "split", "str", where + " training"),
            written_examples=_optional(record, "written_examples", "int", where + " training"),
        )


@dataclass(frozen=True)
class ModelCard(Mapping):
    """A saved model's card: versions, labels, settings, calibration, training data and figures.

    Attributes
    ----------
    format_version : int
        Version of the saved-model layout (:data:`stanceclf.modelfile.FORMAT_VERSION`).
    stanceclf_version, sklearn_version, numpy_version, scipy_version : str
        Library versions the model was fitted with.
    codebook_version : str
        The codebook the labels follow.
    heads : tuple of str
        Head names in output order.
    labels : dict of str to tuple of str
        Per head, its codebook labels.
    hyper_parameters : dict
        The settings of :func:`stanceclf.model.build_pipeline`.
    training : TrainingInfo
    temperatures, default_label_offsets, unsure_below : dict of str to float
        Per head: the calibration temperature, the log-odds added to its
        default label, and the probability below which a prediction is
        ``unsure``.
    classifier : str or None
        The linear classifier of each head, as scikit-learn prints it;
        None in cards written before it was recorded (logistic regression).
    feature_tables_sha256 : str or None
        `stanceclf.codebook.tables_hash()` when the model was fitted; None in
        older cards.
    evaluation : dict or None
        Held-out figures (:func:`stanceclf.training.train_project`).
    model_sha256 : str or None
        SHA-256 of ``model.npz``, set when the card is read from a file.
    model_bytes : int or None
        Size of ``model.npz``, likewise.
    extra : dict
        Keys this version does not know, kept as they were.
    """

    format_version: int
    stanceclf_version: str
    sklearn_version: str
    numpy_version: str
    scipy_version: str
    codebook_version: str
    heads: tuple[str, ...]
    labels: dict[str, tuple[str, ...]]
    hyper_parameters: dict[str, Any]
    training: TrainingInfo
    temperatures: dict[str, float] = field(default_factory=dict)
    default_label_offsets: dict[str, float] = field(default_factory=dict)
    unsure_below: dict[str, float] = field(default_factory=dict)
    classifier: str | None = None
    feature_tables_sha256: str | None = None
    evaluation: dict[str, Any] | None = None
    model_sha256: str | None = None
    model_bytes: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The card as JSON values (keys with no value left out)."""
        record: dict[str, Any] = {}
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if item.name == "extra" or value is None:
                continue
            if item.name == "training":
                value = value.to_dict()
            elif item.name == "heads":
                value = list(value)
            elif item.name == "labels":
                value = {head: list(names) for head, names in value.items()}
            elif isinstance(value, dict):
                value = dict(value)
            record[item.name] = value
        return {**self.extra, **record}

    def to_json(self) -> str:
        """The card as a JSON document (what ``card.json`` holds)."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_dict(cls, record: Any, where: str = "model card") -> "ModelCard":
        """Read and check a card's JSON values.

        Parameters
        ----------
        record : object
            The parsed JSON.
        where : str
            The file it came from, for messages.

        Returns
        -------
        ModelCard

        Raises
        ------
        ModelFileError
            When a required key is missing or a value has the wrong type;
            the message names the key.
        """
        if not isinstance(record, dict):
            raise ModelFileError(f"{where}: the model card must be a JSON object, got {_json_type(record)}")
        known = {item.name for item in dataclasses.fields(cls)} - {"extra"}
        return cls(
            format_version=_required(record, "format_version", "int", where),
            stanceclf_version=_required(record, "stanceclf_version", "str", where),
            sklearn_version=_required(record, "sklearn_version", "str", where),
            numpy_version=_required(record, "numpy_version", "str", where),
            scipy_version=_required(record, "scipy_version", "str", where),
            codebook_version=_required(record, "codebook_version", "str", where),
            heads=tuple(_required(record, "heads", "list of str", where)),
            labels={h: tuple(n) for h, n in _required(record, "labels", "object of lists of str", where).items()},
            hyper_parameters=dict(_required(record, "hyper_parameters", "object", where)),
            training=TrainingInfo.from_dict(_required(record, "training", "object", where), where),
            temperatures=dict(_optional(record, "temperatures", "object of numbers", where, {})),
            default_label_offsets=dict(_optional(record, "default_label_offsets", "object of numbers", where, {})),
            unsure_below=dict(_optional(record, "unsure_below", "object of numbers", where, {})),
            classifier=_optional(record, "classifier", "str", where),
            feature_tables_sha256=_optional(record, "feature_tables_sha256", "str", where),
            evaluation=_optional(record, "evaluation", "object", where),
            model_sha256=_optional(record, "model_sha256", "str", where),
            model_bytes=_optional(record, "model_bytes", "int", where),
            extra={key: value for key, value in record.items() if key not in known},
        )

    @classmethod
    def from_json(cls, text: str | bytes, where: str = "model card") -> "ModelCard":
        """Parse and check a card's JSON document (see :meth:`from_dict`)."""
        try:
            record = json.loads(text)
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise ModelFileError(f"{where}: damaged model card ({type(exc).__name__})") from None
        return cls.from_dict(record, where)

    def replace(self, **changes: Any) -> "ModelCard":
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def to_markdown(self) -> str:
        """The card as a short Markdown page (``card.md``)."""
        lines = [
            "# stanceclf model card",
            "",
            f"- Format version: {self.format_version}",
            f"- stanceclf {self.stanceclf_version}, scikit-learn {self.sklearn_version}, "
            f"numpy {self.numpy_version}, scipy {self.scipy_version}",
            f"- Codebook version: {self.codebook_version}",
            f"- Trained on: {self.training.statements} statements "
            f"({self.training.split or 'unspecified split'}); labels SHA-256 `{self.training.labels_sha256}`",
            f"- Classifier per head: {self.classifier or 'LogisticRegression'}",
            f"- Hyper-parameters: {json.dumps(self.hyper_parameters)}",
            "",
            "## Labels",
            "",
        ]
        lines += [f"- {head}: {', '.join(names)}" for head, names in self.labels.items()]
        if self.evaluation:
            lines += ["", "## Evaluation", "", self.evaluation.get("summary_markdown", "")]
        lines += [
            "",
            "## Safety",
            "",
            "The model is `model.npz`: numeric and string arrays read with `allow_pickle=False`, so loading",
            "it runs no code from the file. Older joblib models (format 2) load only with `trust=True`.",
            "",
        ]
        return "\n".join(lines)

    # The mapping view over the JSON form, for readers that index the card by key.
    def __getitem__(self, key: str) -> Any:
        return self.to_dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_dict())

    def __len__(self) -> int:
        return len(self.to_dict())
