"""Calibrated confidences: temperatures fitted out of fold, stored in the model, applied when tagging."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sklearn.base import clone

from attrib.model.calibration import (
    Calibration,
    FeatureRows,
    Temperature,
    article_folds,
    fit_calibration,
    fit_temperature,
    refit_classifier,
)
from attrib.corpus import load_corpus
from attrib.model.features import SentenceInput, text_classifier
from attrib.records import Record
from attrib.model.tagger import Tagger

ROOT = Path(__file__).resolve().parents[1]

# Made up for these tests: a council row over a bridge, no seed speaker or event.
BRIDGE = """Council halts work on river bridge.
Works Director Amira Haddad said the steel was "not what we ordered".
"We will not open a bridge we cannot trust," she said.
The contractor, Norvik Steel, denied supplying the wrong grade.
Mayor Piet Jansen said an inquiry was likely but had not been decided.
The bridge was due to open in May."""


# --- the temperature ----------------------------------------------------------


def test_an_overconfident_model_is_softened_to_its_accuracy() -> None:
    """Said 0.9, right 60% of the time: the fitted temperature brings 0.9 down to about 0.6."""
    confidences = [0.9] * 100
    correct = [True] * 60 + [False] * 40
    scale = fit_temperature(confidences, correct)
    assert scale.temperature > 1.0 and scale.temperature == scale.fitted
    assert scale.samples == 100
    assert scale(0.9) == pytest.approx(0.6, abs=0.02)


def test_an_underconfident_model_is_never_made_surer() -> None:
    """Said 0.6, always right: the best fit would sharpen, the applied temperature stays 1."""
    scale = fit_temperature([0.6] * 50 + [0.7] * 50, [True] * 100)
    assert scale.fitted < 1.0
    assert scale.temperature == 1.0
    assert scale(0.6) == 0.6


def test_certain_confidences_do_not_move_the_fit() -> None:
    assert fit_temperature([0.0, 1.0], [True, False]) == Temperature()
    assert fit_temperature([], []) == Temperature()
    with pytest.raises(ValueError):
        fit_temperature([0.5], [])


@given(
    temperature=st.floats(min_value=1.0, max_value=8.0),
    a=st.floats(min_value=0.0, max_value=1.0),
    b=st.floats(min_value=0.0, max_value=1.0),
)
@example(temperature=1.0078125, a=0.0, b=2.2250738585e-313)  # a subnormal confidence: its logit's exp overflowed
def test_a_temperature_keeps_confidences_in_range_and_in_order(temperature: float, a: float, b: float) -> None:
    scale = Temperature(temperature, temperature, 1)
    low, high = sorted((a, b))
    assert 0.0 <= scale(low) <= scale(high) <= 1.0
    assert scale(0.0) == 0.0 and scale(1.0) == 1.0 and scale(0.5) == pytest.approx(0.5)
    assert Temperature()(a) == a


def test_calibration_is_fitted_on_the_gold_sentences_predictions() -> None:
    gold = [Record("a", i, 10 * i, 10 * i + 9, "x" * 9, "direct", "Amira Haddad", None, None, "deny") for i in range(40)]
    pred = [Record(**vars(record)) for record in gold]
    for i, record in enumerate(pred):
        record.confidence = record.speaker_confidence = 0.95
        if i % 5 < 2:  # 40% of the stances and speakers wrong, all said with 0.95
            record.stance, record.speaker = "confirm", "Piet Jansen"
    calibration = fit_calibration(gold, pred)
    assert calibration.stance.samples == calibration.speaker.samples == 40
    assert calibration.stance(0.95) == pytest.approx(0.6, abs=0.02)
    assert calibration.speaker(0.95) == pytest.approx(0.6, abs=0.02)
    assert set(calibration.card()) == {"stance", "speaker"}


# --- folds and refitting ------------------------------------------------------


def test_articles_are_dealt_into_at_most_five_folds() -> None:
    articles = [f"art{i}" for i in range(12)]
    folds = article_folds(articles)
    assert len(folds) == 5
    assert sorted(a for fold in folds for a in fold) == sorted(articles)
    assert article_folds(articles[:3]) == [["art0"], ["art1"], ["art2"]]
    assert article_folds(articles[:1]) == []


def _inputs(texts: list[str]) -> list[SentenceInput]:
    return [SentenceInput(text, {"long": float(len(text) > 40)}) for text in texts]


def test_a_refitted_classifier_equals_one_fitted_on_every_column() -> None:
    """Dropping the columns no training row uses, and the looser tolerance, barely move the probabilities."""
    texts = [
        "The minister said the plan was sound.",
        "Officials denied any wrongdoing on Monday.",
        "Rain is expected across the north.",
        "She said the figures were probably right.",
        "The company rejected the claims outright.",
        "Markets closed higher on Friday.",
        "He said it was too early to tell.",
        "Police said no one was hurt.",
    ]
    labels = ["indirect", "indirect", "none", "indirect", "indirect", "none", "indirect", "indirect"]
    sentences = _inputs(texts)
    pipeline = text_classifier(C=1.0).fit(sentences, labels)
    rows = FeatureRows(pipeline, sentences)
    train, held_out = [sentences[i] for i in (0, 2, 3, 5, 6)], [sentences[i] for i in (1, 4, 7)]
    train_labels = [labels[i] for i in (0, 2, 3, 5, 6)]
    refitted = refit_classifier(rows, train, train_labels)
    assert len(refitted.columns) < rows.matrix.shape[1]
    full = clone(pipeline.steps[-1][1]).fit(pipeline[:-1].transform(train), train_labels)
    assert list(refitted.classes_) == list(full.classes_)
    np.testing.assert_allclose(refitted.predict_proba(held_out), full.predict_proba(pipeline[:-1].transform(held_out)), atol=0.03)


# --- in the tagger ------------------------------------------------------------


def test_fit_stores_temperatures_from_out_of_fold_predictions(session_tagger: Tagger) -> None:
    calibration = session_tagger.calibration_
    labelled = load_corpus(ROOT / "data" / "labels.jsonl", ROOT / "seeds").records
    attributed = sum(record.quote != "none" for record in labelled)
    assert 0.8 * len(labelled) <= calibration.stance.samples <= len(labelled)
    assert 0.5 * attributed <= calibration.speaker.samples <= attributed
    for scale in (calibration.stance, calibration.speaker):
        assert scale.temperature == max(1.0, scale.fitted)


def test_tagging_applies_the_stored_temperatures(session_tagger: Tagger) -> None:
    raw, softened = copy.copy(session_tagger), copy.copy(session_tagger)
    raw.calibration_ = Calibration()
    softened.calibration_ = Calibration(Temperature(2.0, 2.0, 1), Temperature(3.0, 3.0, 1))
    before, after = raw.tag(BRIDGE), softened.tag(BRIDGE)
    assert [r.label_dict() for r in before] == [r.label_dict() for r in after]  # labels untouched
    attributed = [(b, a) for b, a in zip(before, after) if b.speaker_confidence is not None]
    assert attributed
    for b, a in zip(before, after):
        assert 0.0 <= a.confidence <= 1.0
        assert a.confidence == pytest.approx(Temperature(2.0)(b.confidence))
        assert abs(a.confidence - 0.5) <= abs(b.confidence - 0.5)
    for b, a in attributed:
        assert 0.0 <= a.speaker_confidence <= 1.0
        assert a.speaker_confidence == pytest.approx(Temperature(3.0)(b.speaker_confidence))
    assert any(a.confidence != b.confidence for b, a in zip(before, after))


def test_calibration_is_deterministic(session_tagger: Tagger) -> None:
    again = Tagger().fit(load_corpus(ROOT / "data" / "labels.jsonl", ROOT / "seeds"))
    assert again.calibration_ == session_tagger.calibration_
    assert [r.prediction_dict() for r in again.tag(BRIDGE)] == [r.prediction_dict() for r in session_tagger.tag(BRIDGE)]


def test_the_model_card_records_the_temperatures(trained_model: Path, session_tagger: Tagger) -> None:
    card = json.loads((trained_model / "model.json").read_text(encoding="utf-8"))
    assert card["calibration"] == session_tagger.calibration_.card()
    assert card["calibration"]["speaker"]["temperature"] >= 1.0
