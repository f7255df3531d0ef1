"""Features -> predictions: classify text with a loaded model.

:class:`Model` wraps a :class:`~stanceclf.scoring.Scorer` (the fitted model as arrays) and offers
:meth:`Model.classify` (text in, one prediction per statement found) and
:meth:`Model.classify_statements` (statements in, one prediction each) and
:meth:`Model.classify_many` (a stream of texts in, lists of predictions out,
lazily). The module-level functions of the same names use the shipped model,
loaded on first use, once, and shared safely across threads.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import os
import threading
from collections import deque
from collections.abc import Mapping, Set
from dataclasses import dataclass, fields, replace
from importlib import resources
from itertools import chain, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

import numpy as np

from .attribution import speaker_sources
from .card import ModelCard
from .codebook import HEADS
from .errors import InputTypeError, InvalidInputError, ModelFileError, check_jobs, check_positive_int
from .prediction import EVIDENCE_SIZE, LOW_COVERAGE, UNSURE_HEADS, Evidence, FeatureWeights, Prediction
from .scoring import JoinedRows, Scorer
from .segment import segment

if TYPE_CHECKING:  # importing scikit-learn costs a second; do it on first use only
    from .model import ModelBundle

__all__ = [
    "Prediction",
    "Evidence",
    "Model",
    "load_model",
    "classify",
    "classify_statements",
    "classify_many",
    "DEFAULT_BATCH_SIZE",
    "EVIDENCE_SIZE",
    "UNSURE_BELOW",
    "LOW_COVERAGE",
]

# Statements vectorised and predicted at once inside one call.
_CHUNK = 10_000
_FEW = 64  # calls of at most this many statements skip the collector pause and the chunking
#: Texts per batch in :func:`classify_many`.
DEFAULT_BATCH_SIZE = 256
#: A prediction is ``unsure`` when the winning stance or framing probability
#: is below its threshold: the model card's ``unsure_below``, fitted at
#: training so that sure predictions were right 80% of the time on held-out
#: articles, or this for a model whose card has none.
UNSURE_BELOW = 0.5


class Model:
    """A loaded stanceclf model.

    Parameters
    ----------
    scorer : Scorer
        The fitted model as arrays (:func:`load_model` reads one from a
        model folder; :meth:`from_bundle` makes one from a freshly fitted
        pipeline).
    card : ModelCard or mapping
        Its model card (a mapping is read with :meth:`ModelCard.from_dict`).

    Attributes
    ----------
    card : ModelCard
        The model card; also a read-only mapping (``card["unsure_below"]``).
    """

    def __init__(self, scorer: Scorer, card: ModelCard | Mapping[str, Any]) -> None:
        self._scorer = scorer
        self.card = card if isinstance(card, ModelCard) else ModelCard.from_dict(dict(card))
        if scorer.heads != tuple(HEADS):
            raise ModelFileError(f"expected the heads {', '.join(HEADS)}; the model has {', '.join(scorer.heads)}")
        unknown = {head: set(names) - set(HEADS[head]) for head, names in scorer.labels.items()}
        if any(unknown.values()):
            raise ModelFileError(f"the model predicts labels outside the codebook: {unknown}")
        # Where each of the head's labels goes among the codebook's labels.
        self._codebook_column = {
            head: np.array([HEADS[head].index(name) for name in names]) for head, names in scorer.labels.items()
        }
        # Every head's codebook labels side by side, in codebook order: where each of the model's label
        # columns goes among them.
        offsets = dict(zip(HEADS, itertools.accumulate(map(len, HEADS.values()), initial=0)))
        self._codebook_at = {head: offsets[head] + columns for head, columns in self._codebook_column.items()}
        self._n_codebook = sum(map(len, HEADS.values()))
        # When the model has every codebook label, its columns side by side (heads in scoring order) are the
        # codebook's columns in another order: this gather puts them in codebook order in one step.
        at = np.concatenate([self._codebook_at[head] for head in scorer.heads])
        self._codebook_order = np.argsort(at) if len(at) == self._n_codebook else None
        self._label_array = {head: np.array(names, dtype=object) for head, names in HEADS.items()}
        # {head: label} from one label per head; {head: {label: probability}} from every head's probabilities.
        self._labels_dict = _dict_display(tuple(HEADS))
        self._scores_dict = _dict_display(HEADS)
        self._weights = FeatureWeights(scorer)
        self._is_word = scorer.word_columns()
        # Thresholds fitted on held-out articles at training (docs/model.md), or the old fixed one.
        fitted = card.get("unsure_below") if isinstance(card.get("unsure_below"), dict) else {}
        # As float64 scalars: a float32 probability is then compared in double precision, as a float is.
        self._unsure_below = {head: np.float64(fitted.get(head, UNSURE_BELOW)) for head in UNSURE_HEADS}
        # For the few-statement path: per head its label names in the model's order, and the threshold of
        # its winning probability (-inf: the head does not decide unsure), as float64 as above.
        self._names = [scorer.labels[head] for head in scorer.heads]
        self._thresholds = np.array([self._unsure_below.get(head, -np.inf) for head in scorer.heads])

    @classmethod
    def from_bundle(cls, bundle: "ModelBundle") -> "Model":
        """A model from a freshly fitted :class:`~stanceclf.model.ModelBundle` (needs scikit-learn)."""
        from .model import scorer_of

        return cls(scorer_of(bundle.pipeline, bundle.heads), bundle.card)

    @property
    def heads(self) -> tuple[str, ...]:
        """The head names: ``("stance", "framing", "speaker")``."""
        return self._scorer.heads

    def classify(self, text: str) -> list[Prediction]:
        """Segment a text into statements and label each one.

        Parameters
        ----------
        text : str
            A sentence, a paragraph or a whole article.

        Returns
        -------
        list of Prediction
            One per statement, in text order; empty for an empty or blank text.
            The speaker is read in context: a statement inside a quotation
            that runs over several statements, or attributed with a pronoun
            ("he added"), carries the speaker of the statement that names
            who is speaking (:mod:`stanceclf.attribution`); its
            ``evidence["speaker"]`` says so.

        Raises
        ------
        InputTypeError
            When ``text`` is not a string (for a list of statements, use
            :meth:`classify_statements`).
        """
        if not isinstance(text, str):
            hint = (
                "; to label a list of statements use classify_statements()" if isinstance(text, (list, tuple)) else ""
            )
            raise InputTypeError(f"classify() expects a str, got {type(text).__name__}{hint}")
        statements = segment(text)
        starts, ends = [s.start for s in statements], [s.end for s in statements]
        predictions = self._predict([s.text for s in statements], starts, ends)
        return _in_context(predictions, _speaker_sources(text, starts, ends))

    def classify_spans(self, text: str, spans: Iterable[tuple[int, int]]) -> list[Prediction]:
        """Label the statements of a text that another segmenter found, reading each speaker in context.

        For a segmentation of your own (another sentence splitter, a
        hand-made gold): each ``(start, end)`` is a statement's place in
        ``text``, in reading order, and the speaker is read in the article
        as :meth:`classify` reads it.

        Parameters
        ----------
        text : str
            The whole text.
        spans : iterable of (int, int)
            Character offsets of each statement, ``text[start:end]``, in order
            and not overlapping.

        Returns
        -------
        list of Prediction
            One per span, in order; each statement's text is
            ``text[start:end]`` with its outer whitespace stripped.

        Raises
        ------
        InputTypeError
            When ``text`` is not a string or a span is not a pair of integers.
        InvalidInputError
            When a span is empty, outside the text, or starts before the
            previous one ends (its index is named).
        """
        if not isinstance(text, str):
            raise InputTypeError(f"classify_spans() expects the text as a str, got {type(text).__name__}")
        starts, ends = _checked_spans(text, spans)
        predictions = self._predict([text[a:b].strip() for a, b in zip(starts, ends)], starts, ends)
        return _in_context(predictions, _speaker_sources(text, starts, ends))

    def classify_statements(self, statements: Iterable[str]) -> list[Prediction]:
        """Label each string as one statement, without segmentation.

        Parameters
        ----------
        statements : iterable of str
            The statements, in order: a list such as
            ``["Russia is ready for talks.", "Kyiv refused."]``, a tuple, a
            generator, a numpy array or a pandas Series of str.

        Returns
        -------
        list of Prediction
            One per input string, in the same order.

        Raises
        ------
        InputTypeError
            When ``statements`` is a single string (wrap it in a list), not
            iterable, or unordered (a set, a dict), or when an item is not a
            string (its index is named).
        """
        statements = _statement_list(statements)
        return self._predict(statements, [0] * len(statements), list(map(len, statements)))

    def classify_many(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        n_jobs: int | None = None,
    ) -> Iterator[list[Prediction]]:
        """Classify a stream of texts lazily, in input order.

        Parameters
        ----------
        texts : iterable of str
            Article texts: a list, a generator over files, a database cursor.
            It is read lazily, a few batches ahead of what has been yielded.
        batch_size : int, default 256
            Texts per batch (a batch also ends at a million characters).
            Each batch is segmented, then vectorised and predicted in one
            call, so memory grows with the batch, not with the stream.
        n_jobs : int, optional
            Batches to run at once through joblib (``None`` or 1: in this
            process; -1: one per core). Inside
            ``joblib.parallel_config(backend="dask")`` the batches run on a
            Dask cluster. Worth it only with idle cores to spare and a
            stream of at least two batches per worker: on two cores that
            other work shares, one process is as fast (docs/performance.md).

        Yields
        ------
        list of Prediction
            One list per input text, as :meth:`classify` would return it.

        Raises
        ------
        InputTypeError
            When ``texts`` is a single string, or an item is not a string
            (raised when that item is reached, naming its index).
        InvalidInputError
            When ``batch_size`` is not a positive integer, or ``n_jobs`` is
            neither ``None`` nor a non-zero integer.
        """
        if isinstance(texts, str):
            raise InputTypeError(
                "classify_many() expects an iterable of str, got a single str; wrap it in a list or use classify()"
            )
        if not isinstance(texts, Iterable):
            raise InputTypeError(f"classify_many() expects an iterable of str, got {type(texts).__name__}")
        check_positive_int("batch_size", batch_size)
        check_jobs("n_jobs", n_jobs)
        batches = _batched(texts, batch_size)
        if n_jobs in (None, 1):
            for batch in batches:
                yield from self._assemble_batch(batch, self._score_batch(batch))
            return
        from joblib import Parallel, delayed

        # Workers segment and score; only numbers come back (no statement
        # texts, no Python objects per statement), and the predictions are
        # assembled here from the batch the caller gave.
        dispatched: deque[list[str]] = deque()

        def tasks() -> Iterator[Any]:
            for batch in batches:
                dispatched.append(batch)
                yield delayed(_score_batch)(self, batch)

        for scored in Parallel(n_jobs=n_jobs, return_as="generator")(tasks()):
            yield from self._assemble_batch(dispatched.popleft(), scored)

    def _score_batch(self, batch: list[str]) -> _BatchScores:
        """Segment a batch of texts and score its statements (the part worth sending to a worker)."""
        with _collector_paused():  # segmenting makes one Statement object per statement
            segmented = [segment(text) for text in batch]
            statements = [statement for found in segmented for statement in found]
            texts = [statement.text for statement in statements]
            starts = [statement.start for statement in statements]
            ends = [statement.end for statement in statements]
            counts = [len(found) for found in segmented]
            # Whose words each statement carries: worked out here, in the worker, as segmentation is.
            sources, position = [], 0
            for text, count in zip(batch, counts):
                sources.append(
                    _speaker_sources(text, starts[position : position + count], ends[position : position + count])
                )
                position += count
            return _BatchScores(
                counts=counts, starts=starts, ends=ends, sources=sources, chunks=list(self._score_chunks(texts))
            )

    def _assemble_batch(self, batch: list[str], scored: _BatchScores) -> list[list[Prediction]]:
        """One list of predictions per text of the batch, from its scores."""
        # Statement texts are slices of the batch's texts: no need to ship them.
        sources = chain.from_iterable(map(repeat, batch, scored.counts))
        texts = list(map(str.__getitem__, sources, map(slice, scored.starts, scored.ends)))
        with _collector_paused():
            predictions = self._assemble_chunks(texts, scored.starts, scored.ends, scored.chunks)
        results, position = [], 0
        for count, sources in zip(scored.counts, scored.sources):
            results.append(_in_context(predictions[position : position + count], sources))
            position += count
        return results

    def __reduce__(self) -> tuple:
        # joblib sends the model with every batch. The shipped model travels
        # as a reference that each worker resolves once, instead of 3 MB per
        # batch; any other model travels as its arrays.
        if self is _DEFAULT_MODEL:
            return (_shipped_model_with_hash, (self.card.get("model_sha256"),))
        return (Model, (self._scorer, self.card))

    def predict_proba(self, statements: Iterable[str]) -> dict[str, np.ndarray]:
        """Probabilities per head as arrays (rows: statements, columns: labels).

        The same scoring as :meth:`classify_statements`, without building
        :class:`Prediction` objects.

        Parameters
        ----------
        statements : iterable of str
            The statements, in order (as for :meth:`classify_statements`).

        Returns
        -------
        dict of str to numpy.ndarray
            For each head, an array of shape ``(n_statements, n_labels)``
            whose columns follow :meth:`labels`.
        """
        texts = _statement_list(statements)
        chunks = [self._scorer.score_rows(texts[at : at + _CHUNK]).probabilities for at in range(0, len(texts), _CHUNK)]
        return {
            head: np.vstack([chunk[head] for chunk in chunks])
            if chunks
            else np.zeros((0, len(self._scorer.labels[head])), dtype=np.float32)
            for head in self.heads
        }

    @property
    def scorer(self) -> Scorer:
        """The arrays behind this model."""
        return self._scorer

    def labels(self, head: str) -> tuple[str, ...]:
        """The labels of a head, in the column order of :meth:`predict_proba`."""
        return self._scorer.labels[head]

    def _predict(self, texts: list[str], starts: list[int], ends: list[int]) -> list[Prediction]:
        if len(texts) <= _FEW:  # a few objects: pausing the collector and chunking cost more than they save
            if self._codebook_order is not None:
                return self._predict_few(texts, starts, ends)
            return self._assemble(texts, starts, ends, self._score(texts))
        with _collector_paused():
            return self._assemble_chunks(texts, starts, ends, self._score_chunks(texts))

    def _predict_few(self, texts: list[str], starts: list[int], ends: list[int]) -> list[Prediction]:
        """:meth:`_predict` for a few statements (one article): the same predictions, in fewer numpy calls.

        For a few statements each numpy call costs more than the work it
        does: the scorer hands over every head's probabilities, winners and
        winning probabilities in three arrays, and the fields are built from
        them by column, the coverage counted in Python.
        """
        blocks = self._scorer.score_blocks(texts)
        # Every field by column, with C-level map(), as _assemble builds them.
        winners = blocks.winners.T.tolist()
        labels = list(map(self._labels_dict, *map(map, (names.__getitem__ for names in self._names), winners)))
        scores = list(map(self._scores_dict, *blocks.probabilities[:, self._codebook_order].T.tolist()))
        unsure = (blocks.best < self._thresholds).any(axis=1).tolist()
        # Known single words per row, from the word block (no cue column is a word): its columns' word flags
        # as bytes, counted row by row in C (an article's thousand entries summed in Python took 100-190 µs).
        flags = self._is_word[blocks.words.indices].tobytes()
        known = [flags.count(1, start, end) for start, end in itertools.pairwise(blocks.words.indptr.tolist())]
        features = JoinedRows(self._scorer, blocks.words, blocks.cues)
        return _predictions_from_columns(
            text=texts,
            start=starts,
            end=ends,
            labels=labels,
            scores=scores,
            evidence=list(Evidence.of_batch(self._weights, features, dict(zip(self.heads, winners)))),
            unsure=unsure,
            coverage=[round(min(k, w) / w, 4) if w > 0 else 0.0 for k, w in zip(known, blocks.word_counts)],
        )

    def _score_chunks(self, texts: list[str]) -> Iterator[_Scores]:
        # Chunks keep the intermediate arrays (normalised text, the matrices
        # of one scoring call) small however many statements one call brings;
        # lazily, so that each chunk is assembled before the next is scored.
        return (self._score(texts[at : at + _CHUNK]) for at in range(0, len(texts), _CHUNK))

    def _assemble_chunks(
        self, texts: list[str], starts: list[int], ends: list[int], chunks: Iterable[_Scores]
    ) -> list[Prediction]:
        return [
            prediction
            for index, scores in enumerate(chunks)
            for prediction in self._assemble(
                texts[index * _CHUNK : (index + 1) * _CHUNK],
                starts[index * _CHUNK : (index + 1) * _CHUNK],
                ends[index * _CHUNK : (index + 1) * _CHUNK],
                scores,
            )
        ]

    def _score(self, texts: list[str]) -> _Scores:
        """Everything about a chunk of statements that numpy can hold."""
        scored = self._scorer.score_rows(texts)
        features = scored.features
        # Every head's scores side by side in codebook order, every codebook label present (0 for one the
        # model never saw): one array, so that the predictions read it with one tolist().
        if self._codebook_order is not None:
            raws = [scored.probabilities[head] for head in self._scorer.heads]
            probabilities = np.concatenate(raws, axis=1, dtype=np.float64)[:, self._codebook_order]
        else:  # a codebook label the model never saw has probability 0
            probabilities = np.zeros((len(texts), self._n_codebook))
            for head, raw in scored.probabilities.items():
                probabilities[:, self._codebook_at[head]] = raw
        winners, chosen, unsure = {}, {}, np.zeros(len(texts), dtype=bool)
        for head, raw in scored.probabilities.items():
            winners[head] = raw.argmax(axis=1)  # in the head's label order
            chosen[head] = self._codebook_column[head][winners[head]]
            if head in self._unsure_below:  # the winner's probability is the row's largest
                unsure |= raw.max(axis=1) < self._unsure_below[head]
        words = scored.word_counts
        # Known single words per row: differences of a running count at the row bounds.
        running = np.zeros(len(features.indices) + 1)
        np.cumsum(self._is_word[features.indices], out=running[1:])
        known = running[features.indptr[1:]] - running[features.indptr[:-1]]
        coverage = np.divide(np.minimum(known, words), words, out=np.zeros(len(texts)), where=words > 0)
        return _Scores(features, winners, chosen, probabilities, unsure, coverage)

    def _assemble(self, texts: list[str], starts: list[int], ends: list[int], scores: _Scores) -> list[Prediction]:
        # Every field is made for the whole chunk at once, with numpy or
        # C-level map(); what is left per statement is filling the objects,
        # which is the library's own cost on top of the scikit-learn pipeline.
        # Evidence is worked out only for the predictions whose evidence is read.
        return _predictions_from_columns(
            text=texts,
            start=starts,
            end=ends,
            labels=list(
                map(self._labels_dict, *(self._label_array[head][scores.chosen[head]].tolist() for head in self.heads))
            ),
            # Probabilities go in by column: a Python list per row would be
            # one more container per statement for the garbage collector.
            scores=list(map(self._scores_dict, *scores.probabilities.T.tolist())),
            evidence=list(Evidence.of_batch(self._weights, scores.features, scores.winners)),
            unsure=scores.unsure.tolist(),
            coverage=list(map(round, scores.coverage.tolist(), repeat(4))),
        )


@dataclass(frozen=True)
class _Scores:
    """A chunk of statements as numbers: what :meth:`Model._assemble` turns into predictions.

    Only numpy arrays and a sparse matrix, so that a worker process sends
    it back quickly.
    """

    features: Any  # CSR arrays (ngrams.Rows), one row per statement: what evidence is read from
    winners: dict[str, np.ndarray]  # per head, the winning column in the head's classes_ order
    chosen: dict[str, np.ndarray]  # per head, the winning label's index in the codebook
    probabilities: np.ndarray  # (statements, every head's codebook labels side by side, in codebook order)
    unsure: np.ndarray
    coverage: np.ndarray


@dataclass(frozen=True)
class _BatchScores:
    """A batch of texts, segmented and scored: statements per text, their offsets, and scores per chunk."""

    counts: list[int]
    starts: list[int]
    ends: list[int]
    sources: list[list[int | str | None] | None]  # per text, attribution.speaker_sources (None: fewer than two)
    chunks: list[_Scores]


# The speed machinery. Building the Python objects of a prediction was most
# of the library's own time per statement, on top of the scikit-learn-like
# scoring (figures: docs/performance.md, "The library's own work"), so:
# - every field is made for a whole chunk at once, with numpy or C-level map();
# - the slots of a frozen Prediction are filled column by column through
#   their setters, from C, instead of calling its __init__ (which goes through
#   object.__setattr__ once per field) per statement;
# - dicts of fixed keys come from a compiled dict display, faster than
#   dict(zip(keys, values));
# - the cyclic garbage collector is paused while the objects are made: they
#   hold no reference cycles, and tens of thousands of new objects set off
#   full collections that walk the whole heap.
_FIELD_SETTERS = {field.name: Prediction.__dict__[field.name].__set__ for field in fields(Prediction)}


def _predictions_from_columns(**columns: list[Any]) -> list[Prediction]:
    """Predictions from one list per field, by field name (what ``Prediction(**row)`` gives, row by row)."""
    if columns.keys() != _FIELD_SETTERS.keys():  # a missing column would leave slots unset
        raise ValueError(f"prediction columns {sorted(columns)} are not Prediction's fields {sorted(_FIELD_SETTERS)}")
    count = len(columns["text"])
    if any(len(column) != count for column in columns.values()):
        raise ValueError(f"prediction columns differ in length: { {name: len(c) for name, c in columns.items()} }")
    predictions = list(map(object.__new__, repeat(Prediction, count)))
    for name, column in columns.items():
        deque(map(_FIELD_SETTERS[name], predictions, column), maxlen=0)  # runs the setters, keeps nothing
    return predictions


_PAUSE_LOCK = threading.Lock()
_pauses = {"count": 0, "was_enabled": False}


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while statements and predictions are built.

    The collector's state is restored when the last of any concurrent
    callers is done, and a collector that was off stays off.
    """
    with _PAUSE_LOCK:
        if _pauses["count"] == 0:
            _pauses["was_enabled"] = gc.isenabled()
            gc.disable()
        _pauses["count"] += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pauses["count"] -= 1
            if _pauses["count"] == 0 and _pauses["was_enabled"]:
                gc.enable()


def _dict_display(keys: Sequence[str] | Mapping[str, Sequence[str]]) -> Any:
    """A function building a dict of fixed keys from one value per key, compiled as a dict display.

    For a sequence of keys, ``lambda v0, v1, ...: {"stance": v0, ...}``; for
    a mapping of keys to sequences, the nested dict, values in order:
    ``lambda v0, ...: {"stance": {"support": v0, ...}, "framing": {...}}``.
    The keys are codebook names (heads and labels) only.
    """
    count = itertools.count()

    def display(shape: Sequence[str] | Mapping[str, Sequence[str]]) -> str:
        if isinstance(shape, Mapping):
            return "{" + ", ".join(f"{key!r}: {display(inner)}" for key, inner in shape.items()) + "}"
        return "{" + ", ".join(f"{key!r}: v{next(count)}" for key in shape) + "}"

    body = display(keys)
    arguments = ", ".join(f"v{column}" for column in range(next(count)))
    return eval(f"lambda {arguments}: {body}")  # noqa: S307 - built from codebook constants only


def _checked_spans(text: str, spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts and ends of ``classify_spans``'s spans, each checked against the text and the one before."""
    starts, ends = [], []
    for index, span in enumerate(spans):
        if (
            not isinstance(span, (tuple, list))
            or len(span) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in span)
        ):
            raise InputTypeError(f"span {index} is not a (start, end) pair of integers: {span!r}")
        start, end = span
        if not 0 <= start < end <= len(text) or not text[start:end].strip():
            raise InvalidInputError(
                f"span {index} ({start}, {end}) is empty or outside the text of {len(text)} characters"
            )
        if ends and start < ends[-1]:
            raise InvalidInputError(f"span {index} ({start}, {end}) starts before span {index - 1} ends ({ends[-1]})")
        starts.append(start)
        ends.append(end)
    return starts, ends


def _speaker_sources(text: str, starts: list[int], ends: list[int]) -> list[int | str | None] | None:
    """Per statement of a text, what decides its speaker in context (:func:`~stanceclf.attribution.speaker_sources`).

    None for a text of fewer than two statements, which carry nothing.
    """
    return speaker_sources(text, list(zip(starts, ends))) if len(starts) > 1 else None


def _in_context(predictions: list[Prediction], sources: list[int | str | None] | None) -> list[Prediction]:
    """The predictions of one text, each statement's speaker read in its article (see :mod:`stanceclf.attribution`).

    ``sources`` is what :func:`_speaker_sources` gives for the text: a
    statement's index, whose speaker it carries, or a speaker label that its
    page gives it. The page's labels are set first, so that a statement
    carrying one reads it.
    """
    if sources is None:
        return predictions
    for index, side in enumerate(sources):
        own = predictions[index]
        if not isinstance(side, str) or own.speaker == side:
            continue
        # The page's label takes the probability the statement gave its own reading, and the reverse.
        scores = {**own.speaker_scores, side: own.probability("speaker"), own.speaker: own.speaker_scores[side]}
        note = ("context: its page gives the speaker", scores[side])
        predictions[index] = replace(
            own,
            labels={**own.labels, "speaker": side},
            scores={**own.scores, "speaker": scores},
            evidence=own.evidence.with_head("speaker", (note,)),
        )
    for index, source in enumerate(sources):
        if not isinstance(source, int):
            continue
        own, named = predictions[index], predictions[source]
        if own.speaker == named.speaker:
            continue
        note = (f"context: statement {source + 1} names the speaker", named.probability("speaker"))
        predictions[index] = replace(
            own,
            labels={**own.labels, "speaker": named.speaker},
            scores={**own.scores, "speaker": named.speaker_scores},
            evidence=own.evidence.with_head("speaker", (note,)),
        )
    return predictions


def _score_batch(model: Model, batch: list[str]) -> _BatchScores:
    """One batch of :meth:`Model.classify_many`, run by a joblib worker."""
    _leave_interrupts_to_the_caller()
    return model._score_batch(batch)


def _leave_interrupts_to_the_caller() -> None:
    """In a worker process, ignore Ctrl-C: the caller stops the workers itself.

    Ctrl-C goes to the terminal's whole process group, workers included; a
    worker that took it would print its own KeyboardInterrupt traceback
    while the caller is already shutting the pool down (the usual practice
    for process pools). Only in a child process's main thread: a worker
    thread cannot set signal handlers, and the caller's own process keeps
    its Ctrl-C.
    """
    import multiprocessing

    if multiprocessing.parent_process() is None or threading.current_thread() is not threading.main_thread():
        return
    import signal

    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _shipped_model_with_hash(model_sha256: str | None) -> Model:
    """The shipped model in this process (a joblib worker), checked to be the caller's."""
    model = load_model()
    if model.card.get("model_sha256") != model_sha256:
        raise ModelFileError(
            "this worker's shipped stanceclf model differs from the caller's "
            f"({str(model.card.get('model_sha256'))[:12]}... against {str(model_sha256)[:12]}...); "
            "install the same stanceclf version on every worker"
        )
    return model


#: A batch of :meth:`Model.classify_many` ends at this many characters even
#: before ``batch_size`` texts: what one batch holds in memory (statements,
#: features, predictions) follows its characters, not its count of texts.
_BATCH_CHARS = 1_000_000


def _batched(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    characters = 0
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            raise InputTypeError(
                f"classify_many() expects every item to be a str; item {index} is {type(text).__name__}"
            )
        batch.append(text)
        characters += len(text)
        if len(batch) == size or characters >= _BATCH_CHARS:
            yield batch
            batch, characters = [], 0
    if batch:
        yield batch


def _statement_list(statements: Any) -> list[str]:
    """The statements as a checked list: any ordered collection of str (list, tuple, numpy array, pandas Series)."""
    if isinstance(statements, (str, bytes)):
        raise InputTypeError(
            f"classify_statements() expects a list of str, got a single {type(statements).__name__}; "
            "wrap it in a list ([text]) or use classify(text) to split it into statements"
        )
    # Sets and mappings have no order (or would give their keys), so the
    # predictions could not be matched back to what was given.
    if not isinstance(statements, Iterable) or isinstance(statements, (Set, Mapping)):
        raise InputTypeError(
            f"classify_statements() expects a list of str (or another ordered collection), "
            f"got {type(statements).__name__}"
        )
    listed = list(statements)
    for index, item in enumerate(listed):
        if not isinstance(item, str):
            raise InputTypeError(
                f"classify_statements() expects every item to be a str; item {index} is {type(item).__name__}"
            )
    return listed


_DEFAULT_MODEL: Model | None = None
_DEFAULT_LOCK = threading.Lock()


def load_model(path: str | os.PathLike[str] | None = None, *, trust: bool = False) -> Model:
    """Load a model folder, or the model shipped inside the package.

    Parameters
    ----------
    path : str or path-like, optional
        A folder written by ``train.py`` / :func:`stanceclf.model.save_bundle`.
        ``None`` loads the shipped model (cached: one load per process).
    trust : bool, default False
        Also read an old joblib model folder (format 2). Unpickling it runs
        code from the file: only for folders you wrote or trust. Folders
        of the current format never need it.

    Returns
    -------
    Model

    Raises
    ------
    ModelFileError
        When the folder is not a valid model (see
        :func:`stanceclf.modelfile.read_model`), or is a joblib model and
        ``trust`` is false.

    Notes
    -----
    The current format is arrays read with ``allow_pickle=False``: loading
    it runs no code from the file, and needs neither scikit-learn nor joblib.

    Examples
    --------
    >>> model = load_model()
    >>> model.heads
    ('stance', 'framing', 'speaker')
    """
    global _DEFAULT_MODEL
    from .modelfile import read_model

    if path is not None:
        if not isinstance(path, (str, os.PathLike)):
            raise InputTypeError(f"load_model() expects a folder path (str or path-like), got {type(path).__name__}")
        return Model(*read_model(Path(path), trust=trust))
    if _DEFAULT_MODEL is None:
        with _DEFAULT_LOCK:
            if _DEFAULT_MODEL is None:
                _DEFAULT_MODEL = Model(*read_model(resources.files("stanceclf") / "models"))
    return _DEFAULT_MODEL


def classify(text: str) -> list[Prediction]:
    """Segment a text into statements and label each with the shipped model.

    Parameters
    ----------
    text : str
        A sentence, a paragraph or a whole article.

    Returns
    -------
    list of Prediction
        One per statement found, in text order; empty for a blank text.

    Raises
    ------
    InputTypeError
        When ``text`` is not a string.

    Examples
    --------
    >>> preds = classify("Putin said Russia was ready for talks. Kyiv refused.")
    >>> [p.text for p in preds]
    ['Putin said Russia was ready for talks.', 'Kyiv refused.']
    >>> round(sum(preds[0].stance_scores.values()), 6)
    1.0
    """
    return load_model().classify(text)


def classify_many(
    texts: Iterable[str], *, batch_size: int = DEFAULT_BATCH_SIZE, n_jobs: int | None = None
) -> Iterator[list[Prediction]]:
    """Classify a stream of article texts with the shipped model, lazily.

    Parameters
    ----------
    texts : iterable of str
        Article texts, read lazily.
    batch_size : int, default 256
        Texts per batch (see :meth:`Model.classify_many`).
    n_jobs : int, optional
        Parallel batches through joblib; any joblib backend, Dask included.

    Yields
    ------
    list of Prediction
        One list per input text, in input order.

    Examples
    --------
    >>> results = classify_many(["Kyiv refused.", "Talks resumed. Both sides met."])
    >>> [len(r) for r in results]
    [1, 2]
    """
    return load_model().classify_many(texts, batch_size=batch_size, n_jobs=n_jobs)


def classify_statements(statements: Iterable[str]) -> list[Prediction]:
    """Label each string as one statement with the shipped model.

    Parameters
    ----------
    statements : iterable of str
        The statements, in order (a list, a tuple, a generator, a numpy
        array or a pandas Series); no segmentation is done.

    Returns
    -------
    list of Prediction
        One per input string, in the same order.

    Raises
    ------
    InputTypeError
        When given a single string, something not iterable or unordered
        (a set, a dict), or a non-string item.

    Examples
    --------
    >>> [p.text for p in classify_statements(["Russia is ready for talks.", "Kyiv refused."])]
    ['Russia is ready for talks.', 'Kyiv refused.']
    """
    return load_model().classify_statements(statements)
