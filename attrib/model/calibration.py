"""Calibrating the tagger's confidences on predictions for articles it was not trained on.

A confidence should mean what it says: of the sentences given 0.8, about
80% right.  A classifier's own probabilities need not: on text unlike its
training articles it is sure more often than it is right.  With a few
hundred training sentences a one-parameter method is the safe choice, so
each confidence (stance, speaker) gets one temperature, fitted on
out-of-fold predictions: the training articles split into folds, each fold
tagged by models fitted on the others.

Two decisions keep this cheap and safe:

- A fold refits only the classifiers' last step, on the feature columns the
  fitted model already has (`refit_classifier`).  The features are fitted on
  the text of every article, but no label of the held-out fold reaches its
  classifier, and the logistic regression is fitted afresh.
- The temperature only ever softens (it is at least 1).  Out-of-fold scores
  on a handful of articles about the same events overstate accuracy on new
  text; they may say the model is less sure than it should be, but that is
  not evidence to make it surer.  Evidence of overconfidence is applied.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from attrib.matching import align, confidence_outcomes
from attrib.records import Record

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

# At most this many folds: with more articles, each fold holds several.
FOLDS = 5
# One temperature fitted on a few hundred sentences needs fold probabilities
# good to a hundredth, not the final model's precision.
FOLD_TOLERANCE = 1e-3
# math.exp overflows just above 709.78.
_LARGEST_EXPONENT = 709.0
_LOG_TEMPERATURES = np.linspace(math.log(1 / 8), math.log(8), 481)


@dataclass(frozen=True)
class Temperature:
    """c -> sigmoid(logit(c) / temperature): the ranking is kept, the scale is stretched.

    `fitted` is the temperature that best fits the out-of-fold predictions
    (their negative log-likelihood), `samples` how many there were;
    `temperature` is the one applied, max(1, fitted).
    """

    temperature: float = 1.0
    fitted: float = 1.0
    samples: int = 0

    def __call__(self, confidence: float) -> float:
        if self.temperature == 1.0 or confidence <= 0.0 or confidence >= 1.0:
            return confidence
        logit = math.log(confidence) - math.log1p(-confidence)
        # Capped: a subnormal confidence (2e-313) has a logit whose exp overflows; the result stays in order.
        return 1.0 / (1.0 + math.exp(min(-logit / self.temperature, _LARGEST_EXPONENT)))


@dataclass(frozen=True)
class Calibration:
    """One temperature for the stance confidence, one for the speaker confidence."""

    stance: Temperature = field(default_factory=Temperature)
    speaker: Temperature = field(default_factory=Temperature)

    def card(self) -> dict[str, Any]:
        """For the model card."""
        return {
            name: {"temperature": scale.temperature, "fitted": scale.fitted, "samples": scale.samples}
            for name, scale in (("stance", self.stance), ("speaker", self.speaker))
        }


def fit_temperature(confidences: Sequence[float], correct: Sequence[bool]) -> Temperature:
    """The temperature minimising the negative log-likelihood of `correct`, on a fixed grid (deterministic).

    Confidences of exactly 0 or 1 are left out: no temperature moves them.
    """
    if len(confidences) != len(correct):
        raise ValueError(f"{len(confidences)} confidences but {len(correct)} outcomes")
    c = np.asarray(confidences, dtype=float)
    y = np.asarray(correct, dtype=float)
    inside = (c > 0.0) & (c < 1.0)
    c, y = c[inside], y[inside]
    if c.size == 0:
        return Temperature()
    logits = np.log(c) - np.log1p(-c)
    scaled = logits[None, :] / np.exp(_LOG_TEMPERATURES)[:, None]
    # -log sigmoid(z) = logaddexp(0, -z); -log(1 - sigmoid(z)) = logaddexp(0, z)
    nll = (y * np.logaddexp(0.0, -scaled) + (1.0 - y) * np.logaddexp(0.0, scaled)).sum(axis=1)
    fitted = float(np.exp(_LOG_TEMPERATURES[int(np.argmin(nll))]))
    return Temperature(max(1.0, fitted), fitted, int(c.size))


def article_folds(articles: Sequence[str], folds: int = FOLDS) -> list[list[str]]:
    """Articles dealt round-robin into at most `folds` folds (one article each when there are few)."""
    count = min(folds, len(articles))
    return [list(articles[i::count]) for i in range(count)] if count > 1 else []


def fit_calibration(gold: Sequence[Record], pred: Sequence[Record]) -> Calibration:
    """Both temperatures from out-of-fold predictions of the gold sentences
    (see `attrib.matching.confidence_outcomes` for which sentences count)."""
    stance, speaker = confidence_outcomes(align(gold, pred))
    return Calibration(
        fit_temperature([c for c, _ in stance], [right for _, right in stance]),
        fit_temperature([c for c, _ in speaker], [right for _, right in speaker]),
    )


class FeatureRows:
    """The feature rows of a fixed set of sentences under a fitted pipeline, transformed once for every fold."""

    def __init__(self, pipeline: Pipeline, inputs: Sequence[Any]) -> None:
        data: Any = list(inputs)
        for _, step in pipeline.steps[:-1]:
            data = step.transform(data)
        self.matrix = data.tocsr()
        self.classifier = pipeline.steps[-1][1]
        # The sentences are alive for as long as this object, so their ids are stable keys.
        self._row = {id(item): row for row, item in enumerate(inputs)}

    def of(self, inputs: Sequence[Any]) -> Any:
        """The rows of `inputs`, which must be among the sentences given at construction."""
        return self.matrix[[self._row[id(item)] for item in inputs]]


@dataclass(frozen=True)
class RefitClassifier:
    """A classifier refitted on some sentences' rows, over the columns those rows use."""

    features: FeatureRows
    columns: np.ndarray
    classifier: Any

    @property
    def classes_(self) -> np.ndarray:
        return self.classifier.classes_

    def predict_proba(self, inputs: Sequence[Any]) -> np.ndarray:
        return self.classifier.predict_proba(self.features.of(inputs)[:, self.columns])


def refit_classifier(features: FeatureRows, inputs: Sequence[Any], labels: Sequence[str]) -> RefitClassifier:
    """The pipeline's classifier fitted afresh on `inputs`, through its already fitted features.

    Only the columns non-zero in some training row are kept: an L2-penalised
    logistic regression gives every other column a zero weight anyway, and
    the fit is several times faster than over every hashed feature.  The
    solver stops at a looser tolerance (FOLD_TOLERANCE), which moves the
    probabilities by about 0.02 and halves the time.
    """
    from sklearn.base import clone

    matrix = features.of(inputs)
    columns = np.unique(matrix.nonzero()[1])
    classifier = clone(features.classifier).set_params(tol=FOLD_TOLERANCE)
    classifier.fit(matrix[:, columns], list(labels))
    return RefitClassifier(features, columns, classifier)
