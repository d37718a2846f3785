"""Scoring predicted sentence records against gold records.

The predictor segments text itself, so its sentences need not line up with
the gold ones.  Sentence boundaries are scored on their own; every label
metric is computed over gold sentences, each paired with the predicted
sentence that matches it exactly or, failing that, overlaps it most.

Everything returns plain dicts, lists and floats so a CLI can print them or
dump them as JSON.  Divisions by zero give 0.0 and never warn; a label
absent from gold and predictions alike is left out of macro averages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from attrib.matching import Pair, align, confidence_outcomes, record_key, speaker_exact, speaker_lenient
from attrib.records import FOUR_STANCES, QUOTE_TYPES, STANCES, Record



def _ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, or 0.0 when the denominator is zero."""
    return float(numerator) / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)



# --- alignment -------------------------------------------------------------


def sentence_boundary_scores(gold: Sequence[Record], pred: Sequence[Record]) -> dict[str, Any]:
    """Precision, recall and F1 of predicted sentences whose (article, start,
    end) equals a gold sentence's: how well the predictor segments text."""
    gold_keys = {record_key(record) for record in gold}
    pred_keys = {record_key(record) for record in pred}
    matched = len(gold_keys & pred_keys)
    precision = _ratio(matched, len(pred_keys))
    recall = _ratio(matched, len(gold_keys))
    return {
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "matched": matched,
        "gold": len(gold_keys),
        "pred": len(pred_keys),
    }


def _quotes(pairs: Sequence[Pair]) -> tuple[list[str], list[str]]:
    return (
        [g.quote for g, _ in pairs],
        [p.quote if p is not None else "none" for _, p in pairs],
    )


def _stances(pairs: Sequence[Pair]) -> tuple[list[str], list[str]]:
    return (
        [g.stance for g, _ in pairs],
        [p.stance if p is not None else "none" for _, p in pairs],
    )


def _speakers(pairs: Sequence[Pair]) -> tuple[list[str | None], list[str | None]]:
    """Gold and predicted speakers of the gold sentences that are quotes:
    only those have a speaker to find."""
    quoted = [(g, p) for g, p in pairs if g.quote != "none"]
    return (
        [g.speaker for g, _ in quoted],
        [p.speaker if p is not None else None for _, p in quoted],
    )


# --- classification --------------------------------------------------------


def _confusion(y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str]) -> np.ndarray:
    """Confusion counts, rows gold and columns predicted, in label order.

    Built with bincount because the bootstrap calls it a thousand times.
    """
    if len(y_true) != len(y_pred):
        raise ValueError(f"{len(y_true)} gold labels but {len(y_pred)} predicted")
    code = {label: i for i, label in enumerate(labels)}
    try:
        true = np.fromiter((code[y] for y in y_true), dtype=np.int64, count=len(y_true))
        predicted = np.fromiter((code[y] for y in y_pred), dtype=np.int64, count=len(y_pred))
    except KeyError as error:
        raise ValueError(f"label {error.args[0]!r} is not one of {tuple(labels)}") from None
    k = len(labels)
    return np.bincount(true * k + predicted, minlength=k * k).reshape(k, k)


def _per_label_f1(confusion: np.ndarray) -> np.ndarray:
    tp = np.diag(confusion).astype(float)
    predicted = confusion.sum(axis=0)
    actual = confusion.sum(axis=1)
    # tp <= predicted and tp <= actual, so a zero denominator means tp == 0.
    precision = tp / np.maximum(predicted, 1)
    recall = tp / np.maximum(actual, 1)
    total = precision + recall
    return 2 * precision * recall / np.where(total > 0, total, 1.0)


def _macro_labels(
    confusion: np.ndarray, labels: Sequence[str], average_over: Sequence[str] | None
) -> list[str]:
    """The labels of `average_over` (default all) that occur in the gold or
    the predictions.  A label with neither has no F1 to speak of; counting
    it as 0 would punish a model for a class the test set lacks, and drag
    down every bootstrap resample that happens to miss a rare class."""
    chosen = labels if average_over is None else average_over
    unknown = [label for label in chosen if label not in labels]
    if unknown:
        raise ValueError(f"cannot average over {unknown}: not in {tuple(labels)}")
    present = (confusion.sum(axis=0) + confusion.sum(axis=1)) > 0
    order = list(labels)
    return [label for label in chosen if present[order.index(label)]]


def _macro(f1: np.ndarray, labels: Sequence[str], macro_labels: Sequence[str]) -> float:
    order = list(labels)
    return float(np.mean([f1[order.index(label)] for label in macro_labels])) if macro_labels else 0.0


def macro_f1(
    y_true: Sequence[str],
    y_pred: Sequence[str],
    labels: Sequence[str],
    average_over: Sequence[str] | None = None,
) -> float:
    """Mean F1 over `average_over` (default all labels) from the confusion
    over all `labels`, so predicting a label left out of the average (say
    stance none) still counts as a miss for the gold label.  Labels absent
    from gold and predictions alike are left out (see `_macro_labels`);
    with none left the result is 0.0."""
    confusion = _confusion(y_true, y_pred, labels)
    return _macro(_per_label_f1(confusion), labels, _macro_labels(confusion, labels, average_over))


def classification_scores(
    y_true: Sequence[str],
    y_pred: Sequence[str],
    labels: tuple[str, ...],
    average_over: tuple[str, ...] | None = None,
) -> dict[str, Any]:
    """Accuracy, per-label precision/recall/F1/support, macro-F1 over
    `average_over` (default all labels) and the confusion matrix (rows gold,
    columns predicted, in `labels` order).

    A label with no gold and no predicted items has precision, recall and
    F1 0.0 but is left out of the macro average; `macro_labels` lists the
    labels that were averaged.  This is sklearn's macro F1 with
    ``zero_division=np.nan``.
    """
    confusion = _confusion(y_true, y_pred, labels)
    tp = np.diag(confusion)
    predicted = confusion.sum(axis=0)
    actual = confusion.sum(axis=1)
    f1 = _per_label_f1(confusion)
    per_label = {
        label: {
            "precision": _ratio(tp[i], predicted[i]),
            "recall": _ratio(tp[i], actual[i]),
            "f1": float(f1[i]),
            "support": int(actual[i]),
        }
        for i, label in enumerate(labels)
    }
    macro_labels = _macro_labels(confusion, labels, average_over)
    return {
        "n": len(y_true),
        "accuracy": _ratio(tp.sum(), len(y_true)),
        "macro_f1": _macro(f1, labels, macro_labels),
        "macro_labels": macro_labels,
        "labels": list(labels),
        "per_label": per_label,
        "confusion": confusion.tolist(),
    }


def stance_report(pairs: Sequence[Pair]) -> dict[str, Any]:
    """Stance scores over all gold sentences: macro_f1_4 (the four stances,
    the headline number; also `macro_f1`) and macro_f1_5 (none included)."""
    y_true, y_pred = _stances(pairs)
    report = classification_scores(y_true, y_pred, STANCES, FOUR_STANCES)
    report["macro_f1_4"] = report["macro_f1"]
    report["macro_f1_5"] = macro_f1(y_true, y_pred, STANCES)
    return report


def quote_report(pairs: Sequence[Pair]) -> dict[str, Any]:
    """Quote-type scores over all gold sentences, macro-F1 over the three."""
    y_true, y_pred = _quotes(pairs)
    return classification_scores(y_true, y_pred, QUOTE_TYPES)


def exact_rate(gold: Sequence[str | None], pred: Sequence[str | None]) -> float:
    """Share of speaker pairs that match exactly (a bootstrap metric)."""
    return _ratio(sum(map(speaker_exact, gold, pred)), len(gold))


def lenient_rate(gold: Sequence[str | None], pred: Sequence[str | None]) -> float:
    """Share of speaker pairs that match leniently (a bootstrap metric)."""
    return _ratio(sum(map(speaker_lenient, gold, pred)), len(gold))


def speaker_scores(pairs: Sequence[Pair]) -> dict[str, Any]:
    """Share of quoted gold sentences (gold quote not none) whose predicted
    speaker matches exactly and leniently; `n` is how many there are."""
    gold, pred = _speakers(pairs)
    return {"exact": exact_rate(gold, pred), "lenient": lenient_rate(gold, pred), "n": len(gold)}


# --- reliability ---------------------------------------------------------------

RELIABILITY_BINS = 10
# "Keep the records at or above this confidence when precision matters."
CONFIDENT = 0.8


def reliability(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = RELIABILITY_BINS, threshold: float = CONFIDENT
) -> dict[str, Any]:
    """Does a confidence mean what it says?  Accuracy against confidence.

    Items fall into `bins` equal-width bins, [0, 0.1), [0.1, 0.2), ...,
    [0.9, 1.0], each with its count, accuracy and mean confidence (None when
    empty).  `ece` is the expected calibration error, the count-weighted
    mean of |accuracy - mean confidence| over the bins; `above` is the count
    and accuracy of the items at or above `threshold`.

    scikit-learn's calibration_curve bins the same way (its bins are closed
    on the right, these on the left, so a user's "confidence >= 0.8" is a
    union of bins) but drops empty bins and returns no counts, which the
    table and the ECE need.
    """
    c = np.asarray(confidences, dtype=float)
    y = np.asarray(correct, dtype=float)
    if c.shape != y.shape or c.ndim != 1:
        raise ValueError(f"{c.size} confidences but {y.size} outcomes")
    if c.size and (c.min() < 0.0 or c.max() > 1.0):
        raise ValueError("confidences must lie in [0, 1]")
    edges = np.arange(bins + 1) / bins  # 6 / 10 is the float 0.6; linspace gives 0.6000000000000001
    index = np.minimum(np.searchsorted(edges, c, side="right") - 1, bins - 1)
    counts = np.bincount(index, minlength=bins)
    confidence = np.bincount(index, weights=c, minlength=bins)
    hits = np.bincount(index, weights=y, minlength=bins)
    above = c >= threshold
    return {
        "n": int(c.size),
        "accuracy": float(y.mean()) if c.size else None,
        "ece": float(np.abs(hits - confidence).sum() / c.size) if c.size else 0.0,
        "bins": [
            {
                "lower": float(edges[i]),
                "upper": float(edges[i + 1]),
                "n": int(counts[i]),
                "accuracy": float(hits[i] / counts[i]) if counts[i] else None,
                "confidence": float(confidence[i] / counts[i]) if counts[i] else None,
            }
            for i in range(bins)
        ],
        "above": {
            "threshold": threshold,
            "n": int(above.sum()),
            "accuracy": float(y[above].mean()) if above.any() else None,
        },
    }




def reliability_report(pairs: Sequence[Pair]) -> dict[str, Any]:
    """Reliability of the stance and speaker confidences (see
    `confidence_outcomes`); predictions without confidences (the
    baselines) give empty tables."""
    return {
        name: reliability([c for c, _ in outcomes], [right for _, right in outcomes])
        for name, outcomes in zip(("stance", "speaker"), confidence_outcomes(pairs))
    }


# --- bootstrap ---------------------------------------------------------------


def bootstrap_interval(
    gold: Sequence[Any],
    pred: Sequence[Any],
    metric: Callable[[list, list], float],
    n: int = 1000,
    seed: int = 0,
    alpha: float = 0.05,
) -> tuple[float, float]:
    """Percentile interval of `metric` over `n` resamples of the paired
    items (with replacement), so a score on ~100 sentences comes with its
    uncertainty.  Deterministic for a seed; with no items the interval
    collapses onto metric([], [])."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold items but {len(pred)} predicted")
    if n < 1:
        raise ValueError("n must be at least 1")
    if not 0 < alpha < 1:
        raise ValueError("alpha must be between 0 and 1")
    size = len(gold)
    if size == 0:
        value = float(metric([], []))
        return (value, value)
    rng = np.random.default_rng(seed)
    samples = rng.integers(0, size, size=(n, size))
    values = np.array(
        [metric([gold[i] for i in row], [pred[i] for i in row]) for row in samples.tolist()]
    )
    lo, hi = np.quantile(values, [alpha / 2, 1 - alpha / 2])
    return (float(lo), float(hi))


# --- everything --------------------------------------------------------------


def score(gold: list[Record], pred: list[Record], bootstrap: int = 1000, seed: int = 0) -> dict[str, Any]:
    """Every metric in one JSON-ready dict.

    `bootstrap` is the number of resamples for the 95% intervals; 0 leaves
    `intervals` empty.
    """
    pairs = align(gold, pred)
    result: dict[str, Any] = {
        "sentences": len(gold),
        "boundaries": sentence_boundary_scores(gold, pred),
        "quote": quote_report(pairs),
        "stance": stance_report(pairs),
        "speaker": speaker_scores(pairs),
        "reliability": reliability_report(pairs),
        "intervals": {},
    }
    if bootstrap:
        stances, quotes, speakers = _stances(pairs), _quotes(pairs), _speakers(pairs)
        metrics: dict[str, tuple[tuple[list, list], Callable[[list, list], float]]] = {
            "stance_macro_f1_4": (stances, lambda t, p: macro_f1(t, p, STANCES, FOUR_STANCES)),
            "stance_macro_f1_5": (stances, lambda t, p: macro_f1(t, p, STANCES)),
            "quote_macro_f1": (quotes, lambda t, p: macro_f1(t, p, QUOTE_TYPES)),
            "speaker_exact": (speakers, exact_rate),
            "speaker_lenient": (speakers, lenient_rate),
        }
        result["intervals"] = {
            name: list(bootstrap_interval(*data, metric, n=bootstrap, seed=seed))
            for name, (data, metric) in metrics.items()
        }
    return result
