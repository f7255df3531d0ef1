"""Model -> report: held-out evaluation, baselines and grouped cross-validation.

Every figure here is computed on statements the scored model never saw:
the held-out split (or a label file the user passes), or the left-out
article of a leave-one-article-out fold. Written examples
(``labels/written.jsonl``) are only ever training data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Mapping, Sequence

import numpy as np
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from .calibration import ArticleFolds
from .codebook import BASELINE_SPEAKER, DEFAULT_LABELS, FRAME_OF_CUE, HEADS, STANCE_OF_CUES
from .errors import InvalidInputError
from .features import cue_classes
from .labels import LabeledStatement
from .model import fit_bundle
from .predict import Model
from .prediction import UNSURE_HEADS

__all__ = [
    "HeadScores",
    "EvaluationReport",
    "evaluate",
    "score_head",
    "majority_baseline",
    "keyword_baseline",
    "cross_validate",
    "tune",
    "TUNING_GRID",
    "CrossValidation",
    "diagnose",
    "Diagnostics",
    "COVERAGES",
    "BOOTSTRAP_SAMPLES",
]

#: Resamples for the 95% bootstrap interval of macro-F1 (seeded, so reports repeat).
BOOTSTRAP_SAMPLES = 1000
_CALIBRATION_BINS = 5


@dataclass(frozen=True)
class HeadScores:
    """Scores of one head on one set of statements.

    Attributes
    ----------
    head : str
        ``"stance"``, ``"framing"`` or ``"speaker"``.
    labels : tuple of str
        The head's codebook labels, the row/column order of ``confusion``.
    macro_f1, accuracy : float
        Macro-F1 over the labels present in the gold or predicted labels,
        and plain accuracy.
    macro_f1_ci : tuple of float
        95% bootstrap interval of macro-F1 (percentile, statements resampled).
    per_label : dict
        ``{label: {"precision", "recall", "f1", "support"}}``.
    confusion : list of list of int
        Rows: gold label; columns: predicted label.
    calibration_error : float or None
        Expected calibration error of the winning label's probability
        (5 equal-width bins); None for baselines, which give no probabilities.
    reliability : list of dict
        Per probability bin: mean confidence, accuracy and count.
    """

    head: str
    labels: tuple[str, ...]
    macro_f1: float
    accuracy: float
    macro_f1_ci: tuple[float, float]
    per_label: dict[str, dict[str, float]]
    confusion: list[list[int]]
    calibration_error: float | None = None
    reliability: list[dict[str, float]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The scores as plain JSON values, rounded to 4 decimals."""
        return {
            "macro_f1": round(self.macro_f1, 4),
            "macro_f1_ci95": [round(v, 4) for v in self.macro_f1_ci],
            "accuracy": round(self.accuracy, 4),
            "calibration_error": None if self.calibration_error is None else round(self.calibration_error, 4),
            "per_label": {
                label: {k: (round(v, 4) if isinstance(v, float) else v) for k, v in values.items()}
                for label, values in self.per_label.items()
            },
            "confusion": {"labels": list(self.labels), "rows_gold_columns_predicted": self.confusion},
        }

    def text_lines(self) -> list[str]:
        """Per-label scores, confusion matrix and reliability bins as plain text lines."""
        lines = [
            f"{self.head}: per label (model)",
            f"  {'label':<17} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>7}",
        ]
        for name, values in self.per_label.items():
            lines.append(
                f"  {name:<17} {values['precision']:>9.3f} {values['recall']:>7.3f} {values['f1']:>6.3f} "
                f"{values['support']:>7d}"
            )
        lines += ["", f"{self.head}: confusion (rows gold, columns predicted)"]
        lines.append("  " + " " * 17 + " ".join(f"{name[:8]:>8}" for name in self.labels))
        for name, row in zip(self.labels, self.confusion):
            lines.append(f"  {name:<17}" + " ".join(f"{v:>8d}" for v in row))
        if self.reliability:
            lines += ["", f"{self.head}: reliability (winning-label probability vs accuracy)"]
            for bin_ in self.reliability:
                lines.append(
                    f"  p in [{bin_['low']:.1f}, {bin_['high']:.1f}): n={bin_['count']:<4d} "
                    f"mean p={bin_['confidence']:.2f}  accuracy={bin_['accuracy']:.2f}"
                )
        return lines


#: Shares of statements kept, most confident first, for selective accuracy.
COVERAGES = (0.25, 0.5, 0.75, 1.0)


@dataclass(frozen=True)
class Diagnostics:
    """Where a model fails, beyond macro-F1 (issue-level checks of the codebook's hardest rules).

    Attributes
    ----------
    flips : int
        Statements whose gold stance is ``support`` and predicted ``oppose``,
        or the reverse: the costliest error (who is ready and who refuses).
    flip_rate : float
        ``flips`` over the statements scored.
    selective : dict of str to list of dict
        Per head, accuracy of the most confident predictions at each of
        :data:`COVERAGES`: ``{"coverage", "accuracy", "min_probability"}``.
    sure_accuracy : dict of str to dict
        Per head, the share of predictions at or above the model's
        ``unsure_below`` threshold and their accuracy
        (``{"threshold", "share", "accuracy"}``; in cross-validation each
        fold's model has its own threshold, and ``"threshold"`` is the
        lowest and highest of them).
    offtopic_nonneutral : float or None
        On statements that are not about these talks (the off-topic
        development set), the share given a stance other than ``neutral``.
    offtopic_statements : int
        How many off-topic statements that share is of.
    speaker_in_context : dict of str to float or None
        Speaker macro-F1 on whole articles, statements read alone
        (``"alone"``) and in their article (``"in_context"``), with
        ``"statements"``: how many; None when no article texts were given.
    """

    flips: int
    flip_rate: float
    selective: dict[str, list[dict[str, float]]]
    sure_accuracy: dict[str, dict[str, float]] = field(default_factory=dict)
    offtopic_nonneutral: float | None = None
    offtopic_statements: int = 0
    speaker_in_context: dict[str, float] | None = None

    def to_json(self) -> dict[str, Any]:
        """The diagnostics as plain JSON values."""
        return asdict(self)

    def to_text(self) -> str:
        """The diagnostics as plain text lines."""
        lines = [f"support<->oppose flips: {self.flips} ({self.flip_rate:.1%} of statements)"]
        if self.offtopic_nonneutral is not None:
            lines.append(
                f"off-topic statements given a stance: {self.offtopic_nonneutral:.1%} of {self.offtopic_statements}"
            )
        if self.speaker_in_context:
            context = self.speaker_in_context
            lines.append(
                f"speaker macro-F1 on whole articles ({context['statements']} statements): "
                f"read alone {context['alone']:.3f}, in context {context['in_context']:.3f}"
            )
        for head, rows in self.selective.items():
            cells = ", ".join(f"{row['coverage']:.0%}: {row['accuracy']:.2f}" for row in rows)
            lines.append(f"{head} accuracy of the most confident predictions, by share kept: {cells}")
        for head, sure in self.sure_accuracy.items():
            low, high = sure["threshold"]
            threshold = f"{low:.2f}" if low == high else f"{low:.2f} to {high:.2f}, per fold"
            lines.append(
                f"{head} sure predictions (p >= {threshold}): {sure['share']:.0%} of statements, "
                f"accuracy {sure['accuracy']:.2f}"
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class EvaluationReport:
    """A model's held-out scores next to two baselines.

    Attributes
    ----------
    statements : int
        How many statements were scored.
    model, majority, keyword : dict of str to HeadScores
        Scores per head of the model, the majority-class baseline and the
        codebook keyword baseline.
    diagnostics : Diagnostics or None
        Flip rate, selective accuracy, off-topic stance rate and speaker in
        context.
    """

    statements: int
    model: dict[str, HeadScores]
    majority: dict[str, HeadScores]
    keyword: dict[str, HeadScores]
    diagnostics: Diagnostics | None = None

    def to_json(self) -> dict[str, Any]:
        """The report (model, both baselines, diagnostics) as plain JSON values."""
        return {
            "statements": self.statements,
            **{
                name: {head: scores.to_json() for head, scores in getattr(self, name).items()}
                for name in ("model", "majority", "keyword")
            },
            "diagnostics": self.diagnostics.to_json() if self.diagnostics else None,
        }

    def to_text(self, *, title: str = "Held-out evaluation") -> str:
        """The report as plain text: summary table, per-label scores, confusions, diagnostics."""
        lines = [f"{title}: {self.statements} statements", ""]
        lines.append(
            f"{'head':<9} {'model macro-F1 (95% CI)':<26} {'accuracy':>8} {'ECE':>6}  {'majority':>8} {'keyword':>8}"
        )
        for head, scores in self.model.items():
            low, high = scores.macro_f1_ci
            ece = f"{scores.calibration_error:.3f}" if scores.calibration_error is not None else "-"
            lines.append(
                f"{head:<9} {scores.macro_f1:.3f} ({low:.3f}-{high:.3f}){'':<8} {scores.accuracy:>8.3f} {ece:>6}  "
                f"{self.majority[head].macro_f1:>8.3f} {self.keyword[head].macro_f1:>8.3f}"
            )
        for scores in self.model.values():
            lines += ["", *scores.text_lines()]
        if self.diagnostics:
            lines += ["", "Diagnostics", *("  " + line for line in self.diagnostics.to_text().splitlines())]
        return "\n".join(lines)


@dataclass(frozen=True)
class CrossValidation:
    """Pooled leave-one-article-out predictions, scored once.

    Attributes
    ----------
    folds : list of dict
        Per left-out article: ``{"article", "statements", "<head>_accuracy", ...}``.
    pooled : dict of str to HeadScores
        Scores per head over every fold's predictions.
    diagnostics : Diagnostics
    """

    folds: list[dict[str, Any]]
    pooled: dict[str, HeadScores]
    diagnostics: Diagnostics

    def to_json(self) -> dict[str, Any]:
        """The result as plain JSON values."""
        return {
            "pooled": {head: scores.to_json() for head, scores in self.pooled.items()},
            "folds": self.folds,
            "diagnostics": self.diagnostics.to_json(),
        }

    def to_text(self, *, title: str = "Leave-one-article-out cross-validation") -> str:
        """Pooled scores, per-fold accuracies and diagnostics as plain text."""
        lines = [title]
        for head, scores in self.pooled.items():
            low, high = scores.macro_f1_ci
            lines.append(
                f"  {head:<9} pooled macro-F1 {scores.macro_f1:.3f} ({low:.3f}-{high:.3f}), "
                f"accuracy {scores.accuracy:.3f}"
            )
        for fold in self.folds:
            lines.append(
                f"  {fold['article']:<26} n={fold['statements']:<3d} "
                + " ".join(f"{h}_acc={fold[f'{h}_accuracy']:.2f}" for h in self.pooled)
            )
        lines.append("  " + self.diagnostics.to_text().replace("\n", "\n  "))
        return "\n".join(lines)


def score_head(
    head: str,
    gold: Sequence[str],
    predicted: Sequence[str],
    probabilities: np.ndarray | None = None,
    *,
    seed: int = 0,
) -> HeadScores:
    """Score one head's predictions against gold labels.

    Parameters
    ----------
    head : str
        The head name (selects its codebook labels).
    gold, predicted : sequence of str
        Gold and predicted labels, aligned.
    probabilities : numpy.ndarray, optional
        The winning label's probability per statement, for calibration.
    seed : int, default 0
        Seed of the bootstrap.

    Returns
    -------
    HeadScores
    """
    if head not in HEADS:
        raise InvalidInputError(f"unknown head {head!r}; expected one of {', '.join(HEADS)}")
    labels = HEADS[head]
    if len(gold) != len(predicted) or not len(gold):
        raise InvalidInputError(f"gold and predicted must be aligned and not empty: {len(gold)}, {len(predicted)}")
    gold_arr, pred_arr = np.asarray(gold, dtype=object), np.asarray(predicted, dtype=object)
    unknown = sorted((set(gold_arr) | set(pred_arr)) - set(labels), key=str)
    if unknown:
        raise InvalidInputError(
            f"{head} label(s) {', '.join(map(repr, unknown))} not in the codebook; expected one of {', '.join(labels)}"
        )
    present = [name for name in labels if name in set(gold_arr) | set(pred_arr)]
    index = {name: i for i, name in enumerate(present)}
    gold_ids = np.array([index[g] for g in gold_arr], dtype=np.int64)
    pred_ids = np.array([index[p] for p in pred_arr], dtype=np.int64)
    macro = _macro_f1(gold_ids, pred_ids, len(present))
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(gold_ids), (BOOTSTRAP_SAMPLES, len(gold_ids)))
    samples = [_macro_f1(gold_ids[pick], pred_ids[pick], len(present)) for pick in picks]
    low, high = np.percentile(samples, [2.5, 97.5])
    precision, recall, f1, support = precision_recall_fscore_support(
        gold_arr, pred_arr, labels=list(labels), zero_division=0
    )
    per_label = {
        name: {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
        for name, p, r, f, s in zip(labels, precision, recall, f1, support)
    }
    confusion = confusion_matrix(gold_arr, pred_arr, labels=list(labels)).tolist()
    calibration, reliability = (None, [])
    if probabilities is not None:
        calibration, reliability = _calibration(np.asarray(probabilities), gold_arr == pred_arr)
    return HeadScores(
        head=head,
        labels=labels,
        macro_f1=float(macro),
        accuracy=float(np.mean(gold_arr == pred_arr)),
        macro_f1_ci=(float(low), float(high)),
        per_label=per_label,
        confusion=confusion,
        calibration_error=calibration,
        reliability=reliability,
    )


def majority_baseline(training: Sequence[LabeledStatement]) -> Callable[[Sequence[str]], dict[str, list[str]]]:
    """A predictor that gives every statement the training split's most common labels.

    Parameters
    ----------
    training : sequence of LabeledStatement
        The statements the baseline "trains" on.

    Returns
    -------
    callable
        Texts in, ``{head: [label, ...]}`` out.
    """
    most_common = {}
    for head in HEADS:
        values = [s.labels[head] for s in training]
        most_common[head] = max(HEADS[head], key=values.count)
    return lambda texts: {head: [label] * len(texts) for head, label in most_common.items()}


def keyword_baseline(texts: Sequence[str]) -> dict[str, list[str]]:
    """Label statements by the codebook's cues alone, with its rules and precedence.

    Stance: readiness with a condition is ``conditional``, readiness alone
    ``support``, a refusal about talks ``oppose``, anything else ``neutral``.
    Framing: the first frame in precedence order whose cues appear, else
    ``neutral_report``. Speaker: always ``author``. Any other head: its
    default label, else its last. The rules are the tables
    :data:`~stanceclf.codebook.STANCE_OF_CUES` and
    :data:`~stanceclf.codebook.FRAME_OF_CUE`.

    Parameters
    ----------
    texts : sequence of str
        Statements.

    Returns
    -------
    dict of str to list of str
        Labels per head.
    """
    rules = {
        "stance": lambda cues: next((label for needed, label in STANCE_OF_CUES if needed <= cues), None),
        "framing": lambda cues: next((frame for cue, frame in FRAME_OF_CUE.items() if cue in cues), None),
        "speaker": lambda cues: BASELINE_SPEAKER,
    }
    # A head the cues say nothing about: its default label, else its last (the codebook lists
    # each head's nothing-to-say label last: neutral, neutral_report, author).
    fallback = {head: DEFAULT_LABELS.get(head, labels[-1]) for head, labels in HEADS.items()}
    result: dict[str, list[str]] = {head: [] for head in HEADS}
    for text in texts:
        cues = cue_classes(text)
        for head in HEADS:
            rule = rules.get(head)
            result[head].append((rule(cues) if rule else None) or fallback[head])
    return result


def evaluate(
    model: Model,
    statements: Sequence[LabeledStatement],
    *,
    training: Sequence[LabeledStatement] = (),
    offtopic: Sequence[LabeledStatement] = (),
    articles: Mapping[str, str] | None = None,
) -> EvaluationReport:
    """Score a model on gold statements, next to the majority and keyword baselines.

    Parameters
    ----------
    model : Model
        The model to score; it must not have seen ``statements``.
    statements : sequence of LabeledStatement
        Gold statements (the held-out split, or a user's label file).
    training : sequence of LabeledStatement, optional
        The model's training statements, for the majority baseline; when
        empty, the majority is taken from ``statements`` themselves.
    offtopic : sequence of LabeledStatement, optional
        Statements about other things (the off-topic development set), for
        the share that wrongly gets a stance.
    articles : mapping of str to str, optional
        Article id to its whole text, to score speaker in context on the
        articles of ``statements`` found there.

    Returns
    -------
    EvaluationReport
    """
    if not statements:
        raise InvalidInputError("no statements to evaluate")
    texts = [s.text for s in statements]
    probabilities = model.predict_proba(texts)
    scores: dict[str, dict[str, HeadScores]] = {"model": {}, "majority": {}, "keyword": {}}
    majority = majority_baseline(training or statements)(texts)
    keyword = keyword_baseline(texts)
    predicted: dict[str, list[str]] = {}
    for head in model.heads:
        gold = [s.labels[head] for s in statements]
        names = model.labels(head)
        winners = probabilities[head].argmax(axis=1)
        predicted[head] = [names[i] for i in winners]
        scores["model"][head] = score_head(head, gold, predicted[head], probabilities[head].max(axis=1))
        scores["majority"][head] = score_head(head, gold, majority[head])
        scores["keyword"][head] = score_head(head, gold, keyword[head])
    confidence = {head: probabilities[head].max(axis=1) for head in UNSURE_HEADS}
    context = _speaker_in_context(model, statements, articles) if articles else None
    offtopic_stances = [p.stance for p in model.classify_statements([s.text for s in offtopic])]
    diagnostics = diagnose(
        statements,
        predicted,
        confidence,
        thresholds=model.card.get("unsure_below"),
        offtopic_stances=offtopic_stances,
        speaker_in_context=context,
    )
    return EvaluationReport(statements=len(statements), **scores, diagnostics=diagnostics)


def diagnose(
    statements: Sequence[LabeledStatement],
    predicted: Mapping[str, Sequence[str]],
    confidence: Mapping[str, np.ndarray],
    *,
    thresholds: Mapping[str, float | np.ndarray] | None = None,
    offtopic_stances: Sequence[str] = (),
    speaker_in_context: dict[str, float] | None = None,
) -> Diagnostics:
    """Flip rate, selective accuracy and off-topic stance rate of predictions against gold.

    Parameters
    ----------
    statements : sequence of LabeledStatement
        Gold statements.
    predicted : mapping of str to sequence of str
        Predicted labels per head, aligned with ``statements``.
    confidence : mapping of str to numpy.ndarray
        Per head (stance, framing), the winning label's probability.
    thresholds : mapping of str to float or numpy.ndarray, optional
        The model's ``unsure_below`` per head, or per head one threshold per
        statement (in cross-validation, its fold model's).
    offtopic_stances : sequence of str, optional
        Predicted stances of off-topic statements.
    speaker_in_context : dict, optional
        Passed through (see :class:`Diagnostics`).

    Returns
    -------
    Diagnostics
    """
    gold_stance = [s.stance for s in statements]
    flips = sum({gold, guess} == {"support", "oppose"} for gold, guess in zip(gold_stance, predicted["stance"]))
    selective, sure = {}, {}
    for head, probability in confidence.items():
        correct = np.array([s.labels[head] == p for s, p in zip(statements, predicted[head])])
        order = np.argsort(-np.asarray(probability), kind="stable")
        rows = []
        for coverage in COVERAGES:
            kept = order[: max(1, int(round(coverage * len(order))))]
            rows.append(
                {
                    "coverage": coverage,
                    "accuracy": float(correct[kept].mean()),
                    "min_probability": float(np.asarray(probability)[kept].min()),
                }
            )
        selective[head] = rows
        if thresholds and head in thresholds:
            below = np.broadcast_to(np.asarray(thresholds[head], dtype=float), correct.shape)
            is_sure = np.asarray(probability) >= below
            sure[head] = {
                "threshold": [float(below.min()), float(below.max())],
                "share": float(is_sure.mean()),
                "accuracy": float(correct[is_sure].mean()) if is_sure.any() else float("nan"),
            }
    nonneutral = (
        sum(stance != "neutral" for stance in offtopic_stances) / len(offtopic_stances) if offtopic_stances else None
    )
    return Diagnostics(
        flips=int(flips),
        flip_rate=flips / len(statements),
        selective=selective,
        sure_accuracy=sure,
        offtopic_nonneutral=nonneutral,
        offtopic_statements=len(offtopic_stances),
        speaker_in_context=speaker_in_context,
    )


def _article_speakers(model: Model, held: Sequence[LabeledStatement], text: str) -> tuple[list, list, list] | None:
    """Gold speakers of one article's statements, and the model's read alone and in the article.

    None when the article's text does not segment into exactly its gold statements.
    """
    predictions = model.classify(text)
    if [p.text for p in predictions] != [s.text for s in held]:
        return None
    alone = [p.speaker for p in model.classify_statements([s.text for s in held])]
    return [s.speaker for s in held], alone, [p.speaker for p in predictions]


def _speaker_scores(pooled: list[tuple[list, list, list]]) -> dict[str, float] | None:
    """Speaker macro-F1 over whole articles, alone and in context (see :class:`Diagnostics`)."""
    if not pooled:
        return None
    gold, alone, in_context = (sum(column, []) for column in zip(*pooled))
    return {
        "statements": len(gold),
        "alone": score_head("speaker", gold, alone).macro_f1,
        "in_context": score_head("speaker", gold, in_context).macro_f1,
    }


def _speaker_in_context(
    model: Model, statements: Sequence[LabeledStatement], articles: Mapping[str, str]
) -> dict[str, float] | None:
    """Speaker macro-F1 on the whole articles of ``statements`` that ``articles`` holds."""
    pooled = []
    for article in sorted({s.article for s in statements} & set(articles)):
        found = _article_speakers(model, [s for s in statements if s.article == article], articles[article])
        if found:
            pooled.append(found)
    return _speaker_scores(pooled)


def cross_validate(
    statements: Sequence[LabeledStatement],
    *,
    extra_training: Sequence[LabeledStatement] = (),
    extra_articles: Sequence[LabeledStatement] = (),
    params: dict[str, Any] | None = None,
    classifier: Any = None,
    articles: Mapping[str, str] | None = None,
    calibrate: bool = True,
) -> CrossValidation:
    """Leave-one-article-out cross-validation.

    Each article's statements are predicted by a model fitted on all other
    articles plus ``extra_training`` (the written examples, which are never
    scored). Predictions of all folds are pooled and scored once.

    Parameters
    ----------
    statements : sequence of LabeledStatement
        Labelled statements of at least two articles.
    extra_training : sequence of LabeledStatement, optional
        Statements added to every fold's training data, never scored.
    extra_articles : sequence of LabeledStatement, optional
        Statements of other articles (the labelled pages) added to every
        fold's training data and never scored, which the fold's calibration
        may hold out by article, as the shipped model's calibration does.
    params : dict, optional
        Hyper-parameters for :func:`stanceclf.model.fit_bundle`.
    classifier : estimator, optional
        The linear classifier of each head (see :func:`stanceclf.model.build_pipeline`).
    articles : mapping of str to str, optional
        Article id to whole text: each fold's model also classifies its
        left-out article whole, for speaker in context.
    calibrate : bool, default True
        Calibrate each fold's model as the shipped one is (temperatures and
        the default-label offsets, which change labels); False is about five
        times cheaper and is what :func:`tune` uses to compare settings.

    Returns
    -------
    CrossValidation
    """
    statements = list(statements)
    groups = [s.article for s in statements]
    if len(ArticleFolds().articles(groups)) < 2:
        raise InvalidInputError(
            "leave-one-article-out needs statements from at least two articles, "
            f"got {len(ArticleFolds().articles(groups))}"
        )
    ordered: list[LabeledStatement] = []
    predicted: dict[str, list[str]] = {head: [] for head in HEADS}
    confidence: dict[str, list[float]] = {head: [] for head in UNSURE_HEADS}
    unsure_below: dict[str, list[float]] = {head: [] for head in UNSURE_HEADS}
    folds, speakers = [], []
    for train_idx, test_idx in ArticleFolds().split(statements, groups=groups):
        held = [statements[i] for i in test_idx]
        fitted = Model.from_bundle(
            fit_bundle(
                [statements[i] for i in train_idx] + list(extra_articles),
                params=params,
                classifier=classifier,
                calibrate=calibrate,
                always_train=extra_training,
            )
        )
        predictions = fitted.classify_statements([s.text for s in held])
        ordered += held
        folds.append(_fold_record(held, predictions, predicted, confidence))
        for head in UNSURE_HEADS:
            unsure_below[head] += [fitted.card["unsure_below"][head]] * len(held)
        article = held[0].article
        if articles and article in articles:
            found = _article_speakers(fitted, held, articles[article])
            if found:
                speakers.append(found)
    pooled = {head: score_head(head, [s.labels[head] for s in ordered], predicted[head]) for head in HEADS}
    diagnostics = diagnose(
        ordered,
        predicted,
        {head: np.array(values) for head, values in confidence.items()},
        thresholds={head: np.array(values) for head, values in unsure_below.items()},
        speaker_in_context=_speaker_scores(speakers),
    )
    return CrossValidation(folds=folds, pooled=pooled, diagnostics=diagnostics)


def _fold_record(
    held: list[LabeledStatement],
    predictions: list,
    predicted: dict[str, list[str]],
    confidence: dict[str, list[float]],
) -> dict[str, Any]:
    """One fold's accuracies; its labels and confidences are added to the pooled ones."""
    fold: dict[str, Any] = {"article": held[0].article, "statements": len(held)}
    for head in HEADS:
        fold_pred = [p.labels[head] for p in predictions]
        predicted[head] += fold_pred
        fold[f"{head}_accuracy"] = float(np.mean([s.labels[head] == g for s, g in zip(held, fold_pred)]))
    for head in confidence:
        confidence[head] += [p.scores[head][p.labels[head]] for p in predictions]
    return fold


#: Hyper-parameters tried by :func:`tune` (every combination).
TUNING_GRID: dict[str, tuple[Any, ...]] = {
    "C": (1.0, 2.0, 4.0, 8.0),
    "ngram_max": (1, 2, 3),
    "cue_weight": (0.25, 0.5, 1.0),
}


def tune(
    statements: Sequence[LabeledStatement],
    *,
    extra_training: Sequence[LabeledStatement] = (),
    grid: dict[str, Sequence[Any]] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Choose hyper-parameters by leave-one-article-out cross-validation.

    The score of a setting is the mean of the pooled stance and framing
    macro-F1 over the left-out articles of ``statements`` (the training split:
    never the held-out split). Ties go to the earlier setting of the grid.

    Parameters
    ----------
    statements : sequence of LabeledStatement
        Labelled statements of at least two articles (the training split).
    extra_training : sequence of LabeledStatement, optional
        Added to every fold's training data, never scored (written examples).
    grid : dict, optional
        Values to try per hyper-parameter; default :data:`TUNING_GRID`.
    progress : callable, optional
        Called as ``progress(done, total)`` after each setting, for a
        progress bar.

    Returns
    -------
    dict
        ``{"best": params, "results": [{"params", "stance", "framing", "score"}]}``.
    """
    import itertools

    grid = dict(grid or TUNING_GRID)
    results = []
    settings = list(itertools.product(*grid.values()))
    for values in settings:
        params = dict(zip(grid, values))
        pooled = cross_validate(statements, extra_training=extra_training, params=params, calibrate=False).pooled
        stance, framing = pooled["stance"].macro_f1, pooled["framing"].macro_f1
        results.append(
            {
                "params": params,
                "stance": round(stance, 4),
                "framing": round(framing, 4),
                "score": round((stance + framing) / 2, 4),
            }
        )
        if progress:
            progress(len(results), len(settings))
    best = max(results, key=lambda r: r["score"])  # max keeps the first of equal scores
    return {"best": best["params"], "results": results}


def _macro_f1(gold: np.ndarray, predicted: np.ndarray, n_labels: int) -> float:
    """Macro-F1 over label ids 0..n_labels-1 (as sklearn's, zero_division=0).

    Written with bincount because the bootstrap calls it thousands of times.
    """
    confusion = np.bincount(gold * n_labels + predicted, minlength=n_labels * n_labels).reshape(n_labels, n_labels)
    true_positive = np.diag(confusion).astype(float)
    denominator = confusion.sum(axis=0) + confusion.sum(axis=1)
    f1 = np.divide(2 * true_positive, denominator, out=np.zeros(n_labels), where=denominator > 0)
    return float(f1.mean())


def _calibration(confidence: np.ndarray, correct: np.ndarray) -> tuple[float, list[dict[str, float]]]:
    edges = np.linspace(0.0, 1.0, _CALIBRATION_BINS + 1)
    bins = np.clip(np.digitize(confidence, edges[1:-1]), 0, _CALIBRATION_BINS - 1)
    error = 0.0
    table = []
    for index in range(_CALIBRATION_BINS):
        mask = bins == index
        if not mask.any():
            continue
        mean_conf, accuracy = float(confidence[mask].mean()), float(correct[mask].mean())
        error += mask.mean() * abs(mean_conf - accuracy)
        table.append(
            {
                "low": float(edges[index]),
                "high": float(edges[index + 1]),
                "count": int(mask.sum()),
                "confidence": mean_conf,
                "accuracy": accuracy,
            }
        )
    return float(error), table
