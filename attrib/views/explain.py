"""Why the tagger decided: signed feature contributions and speaker candidate scores.

The quote-type and stance models are scikit-learn Pipelines ending in a
logistic regression, so a label's decision value (its log-odds) is the
intercept plus, for every feature, coefficient × feature value.  Those
products are the contributions shown; they add up exactly.  Nothing here
knows which parts the pipelines hold: feature names are read from the
fitted transformers (`get_feature_names_out` where there is one), and a
hashed part's names are recovered by hashing the sentence's own feature
dictionary again.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.feature_extraction import DictVectorizer, FeatureHasher
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline

from attrib.model.features import SentenceInput, sentence_inputs
from attrib.analysis.lexicon import lexicon_matches
from attrib.records import Record
from attrib.model.speakers import Candidate, Speaker
from attrib.analysis.structure import analyse
from attrib.model.tagger import Tagger, lexicon_prior

# Prefix of the lexicon features in the hand-made feature dictionary (attrib.model.features).
_LEXICON_PREFIX = "lex:"


@dataclass(frozen=True)
class Contribution:
    """One feature's push on a label: `weight` × `value` = `contribution` (log-odds)."""

    part: str
    kind: str
    feature: str
    value: float
    weight: float
    contribution: float


@dataclass(frozen=True)
class Decision:
    """A logistic regression's choice for one sentence.

    `decision_value` is the model's log-odds for `label` and equals
    `intercept` plus the sum of `contributions` (every feature with a
    non-zero value, largest push first).  `prior` is what the lexicon
    prior adds to each label's log-odds after the model (zero for the
    quote-type model); `probabilities` are the final ones, prior included.
    """

    label: str
    probability: float
    decision_value: float
    intercept: float
    contributions: tuple[Contribution, ...]
    scores: dict[str, float]
    prior: dict[str, float]
    probabilities: dict[str, float]

    def by_kind(self) -> dict[str, float]:
        """The contributions summed per kind of feature (word n-gram, lexicon, ...), largest push first."""
        totals: dict[str, float] = {}
        for c in self.contributions:
            totals[c.kind] = totals.get(c.kind, 0.0) + c.contribution
        return dict(sorted(totals.items(), key=lambda kv: -kv[1]))

    def pushing_for(self, count: int) -> list[Contribution]:
        return [c for c in self.contributions if c.contribution > 0][:count]

    def pushing_against(self, count: int) -> list[Contribution]:
        return [c for c in reversed(self.contributions) if c.contribution < 0][:count]


@dataclass(frozen=True)
class LexiconMatch:
    """Words a lexicon matched: `kind` is a stance, negation, condition or modal."""

    kind: str
    words: str
    start: int
    end: int


@dataclass(frozen=True)
class CandidateScore:
    """One possible speaker; `score` + the ranker's bias is its log-odds of being the source."""

    name: str
    mention: str | None
    score: float
    probability: float
    chosen: bool
    contributions: tuple[Contribution, ...]


@dataclass(frozen=True)
class SpeakerExplanation:
    speaker: str | None
    mention: str | None
    cue: str | None
    confidence: float | None
    bias: float
    candidates: tuple[CandidateScore, ...]
    note: str | None


@dataclass(frozen=True)
class SentenceExplanation:
    """Quote type, stance and speaker of one sentence, and why."""

    record: Record
    quote: Decision
    quote_note: str | None
    stance: Decision | None
    lexicon: tuple[LexiconMatch, ...]
    speaker: SpeakerExplanation | None


def explain(tagger: Tagger, text: str, article: str = "article", sentences: Iterable[int] | None = None) -> list[SentenceExplanation]:
    """Why the tagger tags sentences of `text` as it does: the given sentence numbers, or every attributed one.

    Raises ValueError for a sentence number the article does not have.
    """
    records = tagger.tag(text, article=article)
    wanted = [r.index for r in records if r.quote != "none"] if sentences is None else list(sentences)
    missing = [i for i in wanted if not 0 <= i < len(records)]
    if missing:
        raise ValueError(f"there is no sentence {missing[0]}: the article has {len(records)} sentences, numbered from 0")
    view = analyse(text)
    inputs = sentence_inputs(view)
    choices = tagger.speaker_choices(view, [record.quote for record in records])
    return [_explain_sentence(tagger, records[i], inputs[i], choices[i]) for i in wanted]


def _explain_sentence(
    tagger: Tagger, record: Record, item: SentenceInput, choice: tuple[list[Candidate], Speaker] | None
) -> SentenceExplanation:
    quote = explain_decision(tagger.quote_model_, item)
    note = None
    if quote.label != record.quote:
        note = f"the classifier chose {quote.label}; a rule of the labelling guide applied after it made this {record.quote}"
    stance = None
    if record.quote != "none":
        labels = [str(label) for label in tagger.stance_model_.classes_]
        stance = explain_decision(tagger.stance_model_, item, prior=lexicon_prior(labels, [item])[0])
    matches = tuple(
        LexiconMatch(kind, record.text[start:end], start, end) for start, end, kind in lexicon_matches(record.text)
    )
    speaker = _explain_speaker(tagger, record, choice) if choice is not None else None
    return SentenceExplanation(record, quote, note, stance, matches, speaker)


def explain_decision(pipeline: Pipeline, item: SentenceInput, prior: Sequence[float] | None = None) -> Decision:
    """The contributions behind a fitted Pipeline(…, logistic regression)'s label for one sentence.

    `prior` (one log-odds bonus per class, in `classes_` order) is added to
    the model's decision values before the label is chosen, as the tagger
    does for stance.
    """
    transformer, classifier = pipeline[:-1], pipeline.steps[-1][1]
    x = transformer.transform([item])
    columns, values = _nonzero(x)
    name = _namer(_feature_names(transformer, [item], ""), x.shape[1])
    classes = [str(label) for label in classifier.classes_]
    bonus = np.zeros(len(classes)) if prior is None else np.asarray(prior, dtype=float)
    proba = classifier.predict_proba(x)[0] * np.exp(bonus)
    proba /= proba.sum()
    best = int(np.argmax(proba))
    weights, intercepts, scores = _per_class(classifier, x)
    contributions = sorted(
        (
            Contribution(*name(int(j)), value=float(value), weight=float(weights[best, j]), contribution=float(weights[best, j] * value))
            for j, value in zip(columns, values)
        ),
        key=lambda c: -c.contribution,
    )
    return Decision(
        label=classes[best],
        probability=float(proba[best]),
        decision_value=float(scores[best]),
        intercept=float(intercepts[best]),
        contributions=tuple(contributions),
        scores={label: float(s) for label, s in zip(classes, scores)},
        prior={label: float(b) for label, b in zip(classes, bonus)},
        probabilities={label: float(p) for label, p in zip(classes, proba)},
    )


def _nonzero(x: Any) -> tuple[np.ndarray, np.ndarray]:
    """Columns and values of the non-zero features of a one-row matrix, sparse or dense."""
    if hasattr(x, "tocsr"):
        row = x.tocsr()
        return row.indices, row.data
    dense = np.asarray(x, dtype=float)[0]
    columns = np.flatnonzero(dense)
    return columns, dense[columns]


def _per_class(classifier: BaseEstimator, x: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Coefficients, intercepts and decision values with one row per class.

    A binary model stores one row, for its second class; the first class's
    log-odds are the same numbers negated.
    """
    coef = np.asarray(classifier.coef_)
    intercept = np.asarray(classifier.intercept_, dtype=float)
    decision = np.atleast_1d(classifier.decision_function(x)[0])
    if coef.shape[0] == 1:
        return np.vstack([-coef, coef]), np.array([-intercept[0], intercept[0]]), np.array([-decision[0], decision[0]])
    return coef, intercept, decision


@dataclass(frozen=True)
class _Segment:
    """A run of adjacent output columns of one part; `name_of` gives (kind, name) of a column counted from its start."""

    part: str
    width: int
    name_of: Callable[[int], tuple[str, str]]


def _namer(segments: list[_Segment], width: int) -> Callable[[int], tuple[str, str, str]]:
    """(part, kind, name) of a column of the whole feature matrix; plain numbers if the parts do not account for it."""
    starts = [0]
    for segment in segments:
        starts.append(starts[-1] + segment.width)
    if starts[-1] != width:
        return lambda column: ("features", "feature", f"#{column}")

    def name(column: int) -> tuple[str, str, str]:
        k = bisect_right(starts, column) - 1
        return (segments[k].part, *segments[k].name_of(column - starts[k]))

    return name


def _feature_names(estimator: Any, raw: Any, part: str) -> list[_Segment]:
    """The named column runs of a fitted transformer's output, for the inputs `raw`."""
    if isinstance(estimator, FeatureUnion):
        segments: list[_Segment] = []
        for name, sub in estimator.transformer_list:
            if isinstance(sub, str):  # "drop" adds no columns; "passthrough" of sentence inputs cannot occur
                continue
            segments += _feature_names(sub, raw, f"{part}/{name}" if part else name)
        return segments
    if isinstance(estimator, Pipeline):
        last = estimator.steps[-1][1]
        inner = estimator[:-1].transform(raw) if len(estimator.steps) > 1 else raw
        own = "" if isinstance(last, FeatureUnion) else estimator.steps[-1][0]
        return _feature_names(last, inner, part or own)
    if isinstance(estimator, FeatureHasher):
        return [_hashed_names(estimator, raw, part)]
    try:
        found = [str(name) for name in estimator.get_feature_names_out()]
    except (AttributeError, TypeError, ValueError):
        return [_Segment(part, estimator.transform(raw).shape[1], lambda column: (part, f"#{column}"))]
    if isinstance(estimator, DictVectorizer):
        return [_Segment(part, len(found), lambda column: (_dict_kind(found[column]), found[column]))]
    kind = _vectorizer_kind(estimator, part)
    return [_Segment(part, len(found), lambda column: (kind, found[column]))]


def _vectorizer_kind(estimator: Any, part: str) -> str:
    """A word vectoriser's columns (TfidfVectorizer's included) are word n-grams; any other part's kind is the part's name."""
    return "word n-gram" if isinstance(estimator, CountVectorizer) and estimator.analyzer == "word" else part


def _dict_kind(name: str) -> str:
    return "lexicon" if name.startswith(_LEXICON_PREFIX) else "structure"


def _hashed_names(hasher: FeatureHasher, raw: Any, part: str) -> _Segment:
    """Hashed columns named after the features of `raw` that land in them (hashed again, one row per feature)."""
    features = [pair for sample in raw for pair in (sample.items() if isinstance(sample, dict) else sample)]
    keys = [pair if isinstance(pair, str) else pair[0] for pair in features]
    rows = [{key: 1.0} for key in keys] if hasher.input_type == "dict" else [[pair] for pair in features]
    found: dict[int, set[str]] = {}
    if rows:
        hashed = hasher.transform(rows).tocsr()
        for row, key in enumerate(keys):
            for column in hashed.indices[hashed.indptr[row] : hashed.indptr[row + 1]]:
                found.setdefault(int(column), set()).add(str(key))
    labels = {column: " | ".join(sorted(names)) for column, names in found.items()}

    def name_of(column: int) -> tuple[str, str]:
        label = labels.get(column)
        return (_dict_kind(label), label) if label else (part, f"bucket {column}")

    return _Segment(part, hasher.n_features, name_of)


def _explain_speaker(tagger: Tagger, record: Record, choice: tuple[list[Candidate], Speaker]) -> SpeakerExplanation:
    found, chosen = choice
    ranker = tagger.speaker_model_
    weights: dict[str, float] = ranker.weights_
    scored = []
    for candidate in found:
        contributions = sorted(
            (
                Contribution("speaker", "position", key, value, weights.get(key, 0.0), weights.get(key, 0.0) * value)
                for key, value in candidate.features.items()
                if value
            ),
            key=lambda c: -abs(c.contribution),
        )
        score = sum(c.contribution for c in contributions)
        probability = float(1.0 / (1.0 + np.exp(-(score + ranker.bias_))))
        mention = candidate.mention.text if candidate.mention is not None else None
        scored.append((candidate, score, probability, mention, tuple(contributions)))
    best = max(range(len(scored)), key=lambda i: scored[i][1], default=None)
    candidates = tuple(
        CandidateScore(c.name, mention, float(score), probability, i == best, contributions)
        for i, (c, score, probability, mention, contributions) in enumerate(scored)
    )
    note = None
    if not found:
        note = "no candidate: no source is named in or before this sentence"
    elif record.speaker != chosen.name:
        note = f"the ranker chose {chosen.name}; the speaker named in another sentence of the same quotation was taken instead"
    return SpeakerExplanation(record.speaker, record.mention, record.cue, record.speaker_confidence, float(ranker.bias_), candidates, note)


def explanation_dict(explanation: SentenceExplanation) -> dict[str, Any]:
    """The explanation as plain JSON-ready data, every contribution included."""
    data = asdict(explanation)
    data["record"] = explanation.record.prediction_dict()
    return data


def explanation_json(explanations: Iterable[SentenceExplanation]) -> str:
    return json.dumps([explanation_dict(e) for e in explanations], ensure_ascii=False, indent=2)


def explanation_lines(explanation: SentenceExplanation, top: int = 6) -> list[str]:
    """A readable account of one sentence: the pushes for and against each label, and the speaker candidates."""
    record = explanation.record
    lines = [f"{record.article} sentence {record.index}: {_clip(record.text, 160)}"]
    quote = explanation.quote
    lines.append(f"  quote type: {record.quote}  (classifier: {quote.label}, p={quote.probability:.2f})")
    if explanation.quote_note:
        lines.append(f"    {explanation.quote_note}")
    lines += _decision_lines(quote, top)
    stance = explanation.stance
    if stance is None:
        lines.append("  stance: none  (the sentence reports no one, so the stance model is not run)")
    else:
        lines.append(f"  stance: {stance.label}  (p={stance.probability:.2f}; " + ", ".join(
            f"{label} {p:.2f}" for label, p in sorted(stance.probabilities.items(), key=lambda kv: -kv[1]) if label != stance.label
        ) + ")")
        if explanation.lexicon:
            lines.append("    lexicon matches: " + "; ".join(f'{m.kind} "{m.words}"' for m in explanation.lexicon))
        lines += _decision_lines(stance, top)
    if explanation.speaker is not None:
        lines += _speaker_lines(explanation.speaker, top)
    return lines


def _decision_lines(decision: Decision, top: int) -> list[str]:
    shown_for, shown_against = decision.pushing_for(top), decision.pushing_against(top)
    lines = [f"    log-odds of {decision.label}: {decision.decision_value:+.3f} = intercept {decision.intercept:+.3f}"
             f" + {len(decision.contributions)} features {decision.decision_value - decision.intercept:+.3f}"]
    lines.append("      by kind: " + ", ".join(f"{kind} {total:+.3f}" for kind, total in decision.by_kind().items()))
    lines += [f"      for      {_contribution(c)}" for c in shown_for]
    lines += [f"      against  {_contribution(c)}" for c in shown_against]
    rest = decision.contributions[len(shown_for) : len(decision.contributions) - len(shown_against)]
    if rest:
        lines.append(f"      the other {len(rest)} features together: {sum(c.contribution for c in rest):+.3f}")
    prior = decision.prior.get(decision.label, 0.0)
    if any(decision.prior.values()):
        favoured = ", ".join(f"{label} {bonus:+.3f}" for label, bonus in decision.prior.items() if bonus)
        lines.append(f"      lexicon prior: {favoured} (so {decision.label}: {decision.decision_value + prior:+.3f} after the prior)")
    return lines


def _contribution(c: Contribution) -> str:
    feature = json.dumps(c.feature, ensure_ascii=False) if c.kind == "word n-gram" else c.feature
    return f"{c.contribution:+.3f}  {c.kind:<16} {feature}  ({c.weight:+.3f} × {c.value:.3f})"


def _speaker_lines(speaker: SpeakerExplanation, top: int) -> list[str]:
    confidence = f", p={speaker.confidence:.2f}" if speaker.confidence is not None else ""
    lines = [f"  speaker: {speaker.speaker or '(none found)'}  (mention {_quoted(speaker.mention)}, cue {_quoted(speaker.cue)}{confidence})"]
    if speaker.note:
        lines.append(f"    {speaker.note}")
    for candidate in sorted(speaker.candidates, key=lambda c: -c.score):
        mark = "*" if candidate.chosen else " "
        mention = _quoted(candidate.mention) if candidate.mention is not None else "(the previous speaker)"
        pushes = ", ".join(f"{c.feature} {c.contribution:+.2f}" for c in candidate.contributions[:top] if c.contribution)
        lines.append(f"    {mark} {candidate.name}  {mention}  score {candidate.score:+.3f}  p={candidate.probability:.2f}  [{pushes}]")
    return lines


def _quoted(text: str | None) -> str:
    return "none" if text is None else json.dumps(text, ensure_ascii=False)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
