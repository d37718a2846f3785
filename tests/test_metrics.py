"""Tests for attrib.metrics, with expected numbers worked out by hand."""

from __future__ import annotations

import json
import time
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attrib.matching import align, confidence_outcomes, speaker_exact, speaker_lenient
from attrib.metrics import (
    bootstrap_interval,
    classification_scores,
    lenient_rate,
    macro_f1,
    quote_report,
    reliability,
    score,
    sentence_boundary_scores,
    speaker_scores,
    stance_report,
)
from attrib.records import FOUR_STANCES, QUOTE_TYPES, STANCES, Record


def rec(start: int, end: int, quote: str = "none", speaker: str | None = None,
        stance: str = "none", article: str = "a", index: int = 0) -> Record:
    return Record(article=article, index=index, start=start, end=end, text="x" * (end - start),
                  quote=quote, speaker=speaker, stance=stance)


def gold_article() -> list[Record]:
    """Seven sentences using every quote type and every stance."""
    rows = [
        ("direct", "John Healey", "hedge"),
        ("direct", "David Lammy and Cho Tae-yul", "condemn"),
        ("indirect", "US", "confirm"),
        ("indirect", "Officials in Moscow", "deny"),
        ("indirect", "Pentagon", "none"),
        ("none", None, "none"),
        ("none", None, "none"),
    ]
    return [rec(10 * i, 10 * i + 9, q, s, t, index=i) for i, (q, s, t) in enumerate(rows)]


# --- perfect predictions ---------------------------------------------------


def test_perfect_predictions_score_one_everywhere() -> None:
    gold = gold_article()
    result = score(gold, [Record(**vars(r)) for r in gold], bootstrap=200)
    assert result["sentences"] == 7
    assert result["boundaries"]["f1"] == 1.0
    assert result["quote"]["accuracy"] == 1.0
    assert result["quote"]["macro_f1"] == 1.0
    assert result["stance"]["macro_f1_4"] == 1.0
    assert result["stance"]["macro_f1_5"] == 1.0
    assert result["speaker"] == {"exact": 1.0, "lenient": 1.0, "n": 5}
    assert set(result["intervals"]) == {
        "stance_macro_f1_4", "stance_macro_f1_5", "quote_macro_f1", "speaker_exact", "speaker_lenient",
    }
    assert result["intervals"]["speaker_lenient"] == [1.0, 1.0]
    assert result["intervals"]["quote_macro_f1"] == [1.0, 1.0]
    json.dumps(result)  # plain types only


def test_score_without_bootstrap_has_no_intervals() -> None:
    gold = gold_article()
    assert score(gold, gold, bootstrap=0)["intervals"] == {}


# --- classification --------------------------------------------------------


def test_known_confusion_gives_hand_computed_numbers() -> None:
    # gold \ pred   direct indirect none
    # direct          1      1       0
    # indirect        0      1       0
    # none            1      0       2
    y_true = ["direct", "direct", "indirect", "none", "none", "none"]
    y_pred = ["direct", "indirect", "indirect", "none", "none", "direct"]
    result = classification_scores(y_true, y_pred, QUOTE_TYPES)
    assert result["confusion"] == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    assert result["accuracy"] == pytest.approx(4 / 6)
    direct, indirect, none = (result["per_label"][k] for k in QUOTE_TYPES)
    assert (direct["precision"], direct["recall"], direct["f1"], direct["support"]) == pytest.approx((0.5, 0.5, 0.5, 2))
    assert (indirect["precision"], indirect["recall"], indirect["f1"], indirect["support"]) == pytest.approx((0.5, 1.0, 2 / 3, 1))
    assert (none["precision"], none["recall"], none["f1"], none["support"]) == pytest.approx((1.0, 2 / 3, 0.8, 3))
    assert result["macro_f1"] == pytest.approx((0.5 + 2 / 3 + 0.8) / 3)


def test_four_stance_macro_counts_none_predictions_as_misses() -> None:
    gold = ["condemn", "condemn", "hedge", "hedge", "deny"]
    pred = ["condemn", "none", "hedge", "none", "none"]
    # condemn and hedge: precision 1, recall 1/2, F1 2/3; deny: F1 0;
    # confirm occurs nowhere and is not averaged.  Dropping the "none"
    # predictions would instead give (1 + 1) / 2 or (1 + 1 + 0) / 3.
    assert macro_f1(gold, pred, STANCES, FOUR_STANCES) == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)
    # none: three predicted, none gold, F1 0.
    assert macro_f1(gold, pred, STANCES) == pytest.approx((2 / 3 + 2 / 3 + 0 + 0) / 4)
    report = classification_scores(gold, pred, STANCES, FOUR_STANCES)
    assert report["macro_labels"] == ["condemn", "hedge", "deny"]
    assert report["per_label"]["deny"]["recall"] == 0.0


def test_stance_and_quote_reports_read_missing_predictions_as_none() -> None:
    gold = [rec(0, 9, "direct", "US", "confirm"), rec(10, 19, "indirect", "US", "deny")]
    pairs = [(gold[0], rec(0, 9, "direct", "US", "confirm")), (gold[1], None)]
    stance = stance_report(pairs)
    assert stance["confusion"][STANCES.index("deny")][STANCES.index("none")] == 1
    assert stance["macro_f1_4"] == pytest.approx(1 / 2)  # confirm 1, deny 0
    assert stance["macro_f1"] == stance["macro_f1_4"]
    assert stance["macro_f1_5"] == pytest.approx(1 / 3)  # and none 0
    quote = quote_report(pairs)
    assert quote["confusion"] == [[1, 0, 0], [0, 0, 1], [0, 0, 0]]
    assert quote["accuracy"] == 0.5


@pytest.mark.filterwarnings("error")
def test_zero_divisions_neither_warn_nor_crash() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        empty = classification_scores([], [], QUOTE_TYPES)
        assert empty["accuracy"] == 0.0 and empty["macro_f1"] == 0.0
        assert empty["confusion"] == [[0] * 3] * 3
        # "indirect" is absent from gold and predictions alike.
        result = classification_scores(["direct", "none"], ["direct", "none"], QUOTE_TYPES)
        assert result["per_label"]["indirect"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
        assert result["macro_f1"] == 1.0
        assert result["macro_labels"] == ["direct", "none"]
        assert speaker_scores([]) == {"exact": 0.0, "lenient": 0.0, "n": 0}
        assert sentence_boundary_scores([], []) == {
            "precision": 0.0, "recall": 0.0, "f1": 0.0, "matched": 0, "gold": 0, "pred": 0,
        }
        assert bootstrap_interval([], [], lenient_rate) == (0.0, 0.0)
        result = score([], [], bootstrap=50)
        assert result["sentences"] == 0


def test_unknown_label_is_an_error() -> None:
    with pytest.raises(ValueError, match="maybe"):
        classification_scores(["direct"], ["maybe"], QUOTE_TYPES)
    with pytest.raises(ValueError, match="maybe"):
        macro_f1(["direct"], ["direct"], QUOTE_TYPES, ("maybe",))


def reference_macro_f1(y_true: list[str], y_pred: list[str], averaged: tuple[str, ...]) -> float:
    """F1 = 2tp / (2tp + fp + fn), averaged over labels that occur at all."""
    f1s = []
    for label in averaged:
        tp = sum(t == p == label for t, p in zip(y_true, y_pred))
        fp = sum(p == label != t for t, p in zip(y_true, y_pred))
        fn = sum(t == label != p for t, p in zip(y_true, y_pred))
        if tp + fp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s) if f1s else 0.0


stance_labels = st.sampled_from(STANCES)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(stance_labels, stance_labels), max_size=40))
def test_scores_lie_in_unit_interval_and_match_a_reference(pairs: list[tuple[str, str]]) -> None:
    y_true = [t for t, _ in pairs]
    y_pred = [p for _, p in pairs]
    result = classification_scores(y_true, y_pred, STANCES, FOUR_STANCES)
    values = [result["accuracy"], result["macro_f1"]]
    values += [v for per in result["per_label"].values() for k, v in per.items() if k != "support"]
    assert all(0.0 <= v <= 1.0 for v in values)
    assert result["macro_f1"] == pytest.approx(reference_macro_f1(y_true, y_pred, FOUR_STANCES))


# --- boundaries and alignment ----------------------------------------------


def test_boundaries_when_one_sentence_is_split_in_two() -> None:
    gold = [rec(0, 20), rec(21, 40)]
    pred = [rec(0, 20), rec(21, 30), rec(31, 40)]
    result = sentence_boundary_scores(gold, pred)
    assert result["precision"] == pytest.approx(1 / 3)
    assert result["recall"] == pytest.approx(1 / 2)
    assert result["f1"] == pytest.approx(0.4)


def test_alignment_prefers_exact_then_largest_overlap_in_same_article() -> None:
    gold = [rec(0, 20, index=0), rec(21, 40, index=1), rec(0, 20, article="b"), rec(50, 60, index=2)]
    exact = rec(0, 20, "direct")
    small = rec(15, 30, "indirect")   # 9 chars of the second gold sentence
    large = rec(29, 45, "direct")     # 11 chars of the second gold sentence
    other = rec(100, 120, article="b")
    pairs = align(gold, [large, small, exact, other])
    assert [p for _, p in pairs] == [exact, large, None, None]
    assert [g for g, _ in pairs] == gold


def test_alignment_ties_go_to_the_earlier_sentence() -> None:
    gold = [rec(0, 20)]
    first, second = rec(0, 10, "direct"), rec(10, 20, "indirect")
    assert align(gold, [second, first])[0][1] is first


def test_misaligned_prediction_takes_the_overlapping_labels() -> None:
    gold = [rec(0, 40, "indirect", "US", "confirm")]
    pred = [rec(0, 5), rec(5, 40, "indirect", "US officials", "confirm")]
    result = score(gold, pred, bootstrap=0)
    assert result["boundaries"]["f1"] == 0.0
    assert result["quote"]["accuracy"] == 1.0
    assert result["stance"]["per_label"]["confirm"]["f1"] == 1.0
    assert result["speaker"] == {"exact": 0.0, "lenient": 1.0, "n": 1}


# --- speakers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "pred", "exact", "lenient"),
    [
        ("John Healey", "john  healey", True, True),
        ("South Korea\u2019s spy agency", "South Korea's spy agency", True, True),
        ("Pentagon", "the Pentagon", True, True),                        # "the" is filler
        ("Amara Osei", "Dr Amara Osei", True, True),                      # so are honorifics
        ("Acme Holdings Inc.", "Acme Holdings Inc", True, True),          # punctuation
        ("H\u00e9l\u00e8ne Dubois", "Helene Dubois", True, True),      # accents
        ("Nadia Okafor and Tomas Berg", "Tomas Berg and Nadia Okafor", True, True),
        ("John Healey", "Healey", False, True),                           # surname
        ("UK government", "government", False, True),                     # head noun
        ("Chilean Ministry of Mining", "ministry", False, True),           # every word of the shorter
        ("Chilean Ministry of Mining", "Chilean Ministry", False, True),
        ("Zapatista movement", "Zapatistas", False, True),                # a plural or demonym ending
        ("David Lammy and Cho Tae-yul", "Cho Tae-yul and David Lammy", True, True),
        ("David Lammy and Cho Tae-yul", "David Lammy", False, False),     # one of two sources
        ("David Lammy, Cho Tae-yul and Lloyd Austin", "Lloyd Austin", False, False),
        ("Nadia Okafor", "Nadia Okafor and Tomas Berg", False, False),
        ("Ministry of Mining", "Ministry of Energy", False, False),
        ("Ana Ruiz", "Anabel Ruizcarro", False, False),                   # more than two letters longer
        ("Bo Li", "Bo Lin", False, False),                                # too short to take an ending
        ("John Healey", "Lloyd Austin", False, False),
        ("UK government", "Pentagon", False, False),
        ("John Healey", None, False, False),
        ("John Healey", "", False, False),
    ],
)
def test_speaker_matching(gold: str, pred: str | None, exact: bool, lenient: bool) -> None:
    assert speaker_exact(gold, pred) is exact
    assert speaker_lenient(gold, pred) is lenient
    assert speaker_exact(pred, gold) is exact
    assert speaker_lenient(pred, gold) is lenient


def test_speaker_scores_count_only_quoted_gold_sentences() -> None:
    pairs = [
        (rec(0, 9, "direct", "John Healey"), rec(0, 9, "direct", "Healey")),
        (rec(10, 19, "indirect", "UK government"), rec(10, 19, "indirect", "UK Government")),
        (rec(20, 29, "direct", "Lloyd Austin"), None),
        (rec(30, 39), rec(30, 39, "direct", "Lloyd Austin")),  # gold none: not counted
    ]
    assert speaker_scores(pairs) == {"exact": pytest.approx(1 / 3), "lenient": pytest.approx(2 / 3), "n": 3}


# --- bootstrap -------------------------------------------------------------


def noisy_labels(size: int, seed: int) -> tuple[list[str], list[str]]:
    rng = np.random.default_rng(seed)
    gold = [QUOTE_TYPES[i] for i in rng.integers(0, 3, size)]
    pred = [g if rng.random() < 0.7 else QUOTE_TYPES[rng.integers(0, 3)] for g in gold]
    return gold, pred


def quote_macro(gold: list, pred: list) -> float:
    return macro_f1(gold, pred, QUOTE_TYPES)


def test_bootstrap_is_deterministic_and_brackets_the_estimate() -> None:
    gold, pred = noisy_labels(100, seed=1)
    start = time.perf_counter()
    lo, hi = bootstrap_interval(gold, pred, quote_macro, n=1000, seed=3)
    elapsed = time.perf_counter() - start
    assert bootstrap_interval(gold, pred, quote_macro, n=1000, seed=3) == (lo, hi)
    assert bootstrap_interval(gold, pred, quote_macro, n=1000, seed=4) != (lo, hi)
    assert 0.0 <= lo <= quote_macro(gold, pred) <= hi <= 1.0
    assert lo < hi
    assert elapsed < 1.0


def test_bootstrap_rejects_mismatched_lengths() -> None:
    with pytest.raises(ValueError):
        bootstrap_interval(["none"], [], quote_macro)


# --- reliability -------------------------------------------------------------


def test_reliability_bins_worked_by_hand() -> None:
    confidences = [0.05, 0.15, 0.8, 0.85, 0.95, 1.0]
    correct = [False, True, False, True, True, True]
    result = reliability(confidences, correct)
    bins = {round(b["lower"], 1): b for b in result["bins"]}
    assert len(result["bins"]) == 10 and result["n"] == 6
    assert bins[0.0] == {"lower": 0.0, "upper": 0.1, "n": 1, "accuracy": 0.0, "confidence": 0.05}
    assert bins[0.1]["accuracy"] == 1.0
    assert bins[0.8]["n"] == 2 and bins[0.8]["accuracy"] == 0.5  # 0.8 opens its bin
    assert bins[0.8]["confidence"] == pytest.approx(0.825)
    assert bins[0.9]["n"] == 2 and bins[0.9]["confidence"] == pytest.approx(0.975)  # 1.0 closes the last
    assert bins[0.5] == {"lower": 0.5, "upper": 0.6, "n": 0, "accuracy": None, "confidence": None}
    # |0 - 0.05| + |1 - 0.15| + |1 - 1.65| + |2 - 1.95|, over 6
    assert result["ece"] == pytest.approx((0.05 + 0.85 + 0.65 + 0.05) / 6)
    assert result["above"] == {"threshold": 0.8, "n": 4, "accuracy": 0.75}
    assert result["accuracy"] == pytest.approx(4 / 6)


def test_reliability_bins_agree_with_scikit_learn() -> None:
    from sklearn.calibration import calibration_curve

    rng = np.random.default_rng(7)
    confidences = rng.uniform(0.0, 1.0, 500)
    correct = rng.uniform(0.0, 1.0, 500) < confidences ** 2
    result = reliability(confidences.tolist(), correct.tolist())
    accuracy, confidence = calibration_curve(correct, confidences, n_bins=10)
    filled = [b for b in result["bins"] if b["n"]]
    np.testing.assert_allclose([b["accuracy"] for b in filled], accuracy)
    np.testing.assert_allclose([b["confidence"] for b in filled], confidence)
    assert result["ece"] > 0.05  # confidence squared is not confidence


def test_a_calibrated_predictor_has_a_small_ece() -> None:
    rng = np.random.default_rng(11)
    confidences = rng.uniform(0.0, 1.0, 20000)
    correct = rng.uniform(0.0, 1.0, 20000) < confidences
    assert reliability(confidences.tolist(), correct.tolist())["ece"] < 0.02


def test_reliability_of_nothing_and_of_nonsense() -> None:
    empty = reliability([], [])
    assert empty["n"] == 0 and empty["ece"] == 0.0 and empty["accuracy"] is None
    assert empty["above"] == {"threshold": 0.8, "n": 0, "accuracy": None}
    with pytest.raises(ValueError):
        reliability([0.5, 0.6], [True])
    with pytest.raises(ValueError):
        reliability([1.5], [True])


def test_score_reports_reliability_of_the_confidences_it_is_given() -> None:
    gold = gold_article()
    pred = [Record(**vars(r)) for r in gold]
    for record in pred:
        record.confidence = 0.9
        if record.quote != "none":
            record.speaker_confidence = 0.7
    pred[0].stance = "deny"            # one stance wrong
    pred[1].speaker = "Lloyd Austin"   # one speaker wrong
    pred[2].quote = "none"             # attributed in gold only: not a speaker outcome
    result = score(gold, pred, bootstrap=0)["reliability"]
    assert result["stance"]["n"] == 7 and result["stance"]["accuracy"] == pytest.approx(6 / 7)
    assert result["speaker"]["n"] == 4 and result["speaker"]["accuracy"] == pytest.approx(3 / 4)
    assert result["stance"]["above"]["n"] == 7 and result["speaker"]["above"]["n"] == 0
    stance, speaker = confidence_outcomes(align(gold, pred))
    assert len(stance) == 7 and len(speaker) == 4
    baseline = score(gold, [Record(**vars(r)) for r in gold], bootstrap=0)["reliability"]
    assert baseline["stance"]["n"] == baseline["speaker"]["n"] == 0
