"""What classifying gives back: :class:`Prediction` and its :class:`Evidence`.

A prediction keeps its labels and probabilities by head (``p.labels["stance"]``,
``p.scores["framing"]["blame"]``), so that a head added to the codebook
(:data:`stanceclf.labels.HEADS`) reaches every prediction and every output
without a new field; ``p.stance``, ``p.framing_scores``, ... read the same
mappings. :mod:`stanceclf.predict` makes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import repeat
from typing import TYPE_CHECKING, Any, Iterator

import numpy as np

if TYPE_CHECKING:
    from .scoring import Scorer

__all__ = ["Prediction", "Evidence", "EVIDENCE_SIZE", "LOW_COVERAGE", "UNSURE_HEADS"]

#: How many n-grams :attr:`Prediction.evidence` keeps per head.
EVIDENCE_SIZE = 5
#: Below this :attr:`Prediction.coverage` the command line marks a statement
#: as out of scope: most of its words were never seen in training.
LOW_COVERAGE = 0.5
#: The heads whose winning probability decides :attr:`Prediction.unsure`;
#: outputs show their winning probability (``stance_p``, ``framing_p``).
UNSURE_HEADS = ("stance", "framing")

Pairs = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Prediction:
    """The labels of one statement.

    Attributes
    ----------
    text : str
        The statement.
    start, end : int
        Offsets of the statement in the text given to :func:`~stanceclf.classify`
        (for :func:`~stanceclf.classify_statements`: ``0`` and ``len(text)``).
    labels : dict of str to str
        Per head (``"stance"``, ``"framing"``, ``"speaker"``), the codebook
        label name that is the most probable.
    scores : dict of str to dict of str to float
        Per head, the probability of every label of the head, in codebook
        order; each head's sum to 1.
    evidence : Evidence
        A read-only mapping of str to tuple of (str, float): per head, the
        n-grams of this statement that pushed hardest toward
        the chosen label, with their weights (feature value times the
        label's coefficient minus the mean coefficient), strongest first.
        N-grams are shown as the model sees them: lower-cased, actors masked
        (``ruactor``, ``uaactor``, ``westactor``, ``otheractor``) and
        codebook cue tokens (``#deleg``, ``#ready_cond``, ...; ``cue:#deleg``
        is the same cue in the separate indicator block).
    unsure : bool
        True when the stance or the framing probability is below its
        threshold (the model card's ``unsure_below``: the probability above
        which predictions were right 80% of the time on articles the model
        never saw): worth a human look.
    coverage : float
        Share of the statement's distinct words (after normalisation) that
        the model knows from training, 0 to 1. Text in another language,
        gibberish or markup scores low; the command line marks statements
        below :data:`LOW_COVERAGE` as out of scope. 0.0 for a statement
        with no words.

    Examples
    --------
    >>> from stanceclf import classify_statements
    >>> p = classify_statements(["Kyiv refused the talks."])[0]
    >>> p.stance == p.labels["stance"] and p.framing_scores == p.scores["framing"]
    True
    """

    # Slots written out rather than ``slots=True``: on Python 3.11 a slotted
    # copy of a frozen dataclass raises TypeError, not FrozenInstanceError,
    # on assigning to anything but a field (a property such as ``stance``).
    __slots__ = ("text", "start", "end", "labels", "scores", "evidence", "unsure", "coverage")

    text: str
    start: int
    end: int
    labels: dict[str, str]
    scores: dict[str, dict[str, float]]
    evidence: Evidence
    unsure: bool
    coverage: float

    @property
    def stance(self) -> str:
        """``labels["stance"]``: the stance toward negotiations."""
        return self.labels["stance"]

    @property
    def framing(self) -> str:
        """``labels["framing"]``: the propaganda frame."""
        return self.labels["framing"]

    @property
    def speaker(self) -> str:
        """``labels["speaker"]``: who speaks."""
        return self.labels["speaker"]

    @property
    def stance_scores(self) -> dict[str, float]:
        """``scores["stance"]``: the probability of every stance."""
        return self.scores["stance"]

    @property
    def framing_scores(self) -> dict[str, float]:
        """``scores["framing"]``: the probability of every frame."""
        return self.scores["framing"]

    @property
    def speaker_scores(self) -> dict[str, float]:
        """``scores["speaker"]``: the probability of every speaker."""
        return self.scores["speaker"]

    @property
    def out_of_scope(self) -> bool:
        """True when :attr:`coverage` is below :data:`LOW_COVERAGE`: most words are unknown to the model."""
        return self.coverage < LOW_COVERAGE

    def __reduce__(self) -> tuple:
        # Unpickling sets slots through __setattr__, which a frozen class refuses: rebuild through __init__.
        return (Prediction, tuple(getattr(self, name) for name in Prediction.__slots__))

    def probability(self, head: str) -> float:
        """The probability of the chosen label of a head (``p.probability("stance")``)."""
        return self.scores[head][self.labels[head]]


class FeatureWeights:
    """What evidence is read with: a model's feature names and, per head, each feature's push toward each label.

    Worked out from the :class:`~stanceclf.scoring.Scorer` on first use,
    once per model: only explanations need them.

    Parameters
    ----------
    scorer : Scorer
        The fitted model as arrays.
    """

    __slots__ = ("heads", "_scorer", "_names", "_relative")

    def __init__(self, scorer: Scorer) -> None:
        self.heads = scorer.heads
        self._scorer = scorer
        self._names: list[str] | None = None
        self._relative: dict[str, np.ndarray] = {}

    @property
    def names(self) -> list[str]:
        """Feature names, in column order."""
        if self._names is None:
            self._names = [str(name) for name in self._scorer.feature_names()]
        return self._names

    def relative(self, head: str) -> np.ndarray:
        """A head's coefficients, ``(n_labels, n_features)``, relative to their mean over labels."""
        if head not in self._relative:
            self._relative[head] = self._scorer.relative_coef(head)
        return self._relative[head]


class _EvidenceRows:
    """A batch's feature rows and winning labels: what any of its rows' evidence is worked out from."""

    __slots__ = ("weights", "features", "winners")

    def __init__(self, weights: FeatureWeights, features: Any, winners: dict[str, np.ndarray]) -> None:
        self.weights, self.features, self.winners = weights, features, winners

    def explain(self, row: int) -> dict[str, Pairs]:
        start, end = self.features.indptr[row], self.features.indptr[row + 1]
        columns, values = self.features.indices[start:end], self.features.data[start:end]
        names, explained = self.weights.names, {}
        for head in self.weights.heads:
            # A feature's push toward its row's winning label over the others.
            weights = values * self.weights.relative(head)[self.winners[head][row], columns]
            top = np.argsort(-weights, kind="stable")[:EVIDENCE_SIZE]
            explained[head] = tuple((names[columns[i]], round(float(weights[i]), 4)) for i in top if weights[i] > 0)
        return explained


class Evidence(Mapping):
    """Per head, the n-grams that pushed hardest toward the chosen label.

    A read-only mapping ``{head: ((ngram, weight), ...)}``, strongest first.
    It is worked out on first access, so that classifying millions of
    statements does not pay for explanations nobody reads; it compares,
    prints and pickles as the plain dict it stands for.

    Parameters
    ----------
    rows : optional
        The batch's feature rows, winning labels and feature weights
        (made by :mod:`stanceclf.predict`); ``None`` with ``value``.
    row : int
        This statement's row in them.
    value : dict, optional
        The evidence itself, when it is already known.
    """

    __slots__ = ("_rows", "_row", "_value")

    def __init__(self, rows: _EvidenceRows | None, row: int, value: dict[str, Pairs] | None = None) -> None:
        self._rows, self._row, self._value = rows, row, value

    @classmethod
    def of_batch(cls, weights: FeatureWeights, features: Any, winners: dict[str, np.ndarray]) -> Iterator[Evidence]:
        """The lazy evidence of every row of a batch, in row order.

        Parameters
        ----------
        weights : FeatureWeights
            The model's feature names and weights.
        features : scipy.sparse.csr_matrix or Rows
            The batch's feature rows (read only when evidence is).
        winners : dict of str to numpy.ndarray or list of int
            Per head, each row's winning column in the head's label order.
        """
        count = len(next(iter(winners.values()))) if winners else len(features.indptr) - 1
        return map(cls, repeat(_EvidenceRows(weights, features, winners)), range(count))

    def _resolved(self) -> dict[str, Pairs]:
        if self._value is None:
            self._value = self._rows.explain(self._row)
            self._rows = None  # let the batch's arrays go
        return self._value

    def __getitem__(self, head: str) -> Pairs:
        return self._resolved()[head]

    def __iter__(self) -> Iterator[str]:
        return iter(self._resolved())

    def __len__(self) -> int:
        return len(self._resolved())

    def __repr__(self) -> str:
        return repr(self._resolved())

    def __reduce__(self) -> tuple:
        # Pickled as the plain value: the batch it would be worked out from stays behind.
        return (Evidence, (None, self._row, self._resolved()))

    def with_head(self, head: str, pairs: Pairs) -> Evidence:
        """The same evidence with one head's pairs replaced (worked out now)."""
        return Evidence(None, self._row, {**self._resolved(), head: pairs})
