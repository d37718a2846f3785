"""Sentence features shared by the quote-type and stance classifiers.

Both are TF-IDF n-grams beside hand-made features (quote structure, cue
lexicons, negation, position) in one logistic regression.  The hand-made
features carry what the n-grams of five articles cannot: how reported
speech looks in any article.  The stance lexicons' evidence goes to the
stance classifier only, and is computed only for the sentences it sees:
whether a sentence reports someone does not turn on whether it denies or
condemns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from attrib.analysis.lexicon import FEATURE_NAMES, stance_features
from attrib.analysis.structure import ArticleView, SentenceView, words_between

if TYPE_CHECKING:
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.pipeline import Pipeline

_HEADLINE_ENDINGS = ".!?\u201d\"'\u2019)\u2026:"
_LEXICON_KEYS = {name: f"lex:{name}" for name in FEATURE_NAMES}


@dataclass(frozen=True)
class SentenceInput:
    """What a classifier sees of one sentence: its text and its hand-made features."""

    text: str
    features: dict[str, float]

    @cached_property
    def stance_evidence(self) -> dict[str, float]:
        """The stance lexicons' features, worked out once and only when the stance model asks."""
        return {_LEXICON_KEYS[name]: value for name, value in stance_features(self.text).items()}


def sentence_inputs(article: ArticleView) -> list[SentenceInput]:
    return [SentenceInput(view.text, sentence_features(article, view)) for view in article.sentences]


def sentence_features(article: ArticleView, view: SentenceView) -> dict[str, float]:
    """Structure and reporting-cue features of one sentence (the stance lexicons' are SentenceInput.stance_evidence)."""
    text = view.text
    cue_words = {cue.text.lower() for cue in view.cues}
    # A mention after the cue is never before it: words_between need not count.
    subject_before_cue = any(
        m.end <= cue.start and words_between(article.text, m.end, cue.start) <= 4 for cue in view.cues for m in view.mentions
    )
    previous = article.sentences[view.index - 1] if view.index > 0 else None
    features = {
        "quoted_share": view.quoted_chars / max(len(text), 1),
        "long_quote": float(view.longest_quote_words >= 4),
        "scare_quotes_only": float(0 < view.longest_quote_words < 4),
        "starts_inside_quote": float(view.starts_inside),
        "continued_paragraph": float(view.continued),
        "opens_with_quote": float(view.opens_quote),
        "has_cue": float(bool(view.cues)),
        "cue_and_quote": float(bool(view.cues) and view.quote_count > 0),
        "cue_and_long_quote": float(bool(view.cues) and view.longest_quote_words >= 4),
        "cue_count": float(min(len(view.cues), 3)),
        "subject_before_cue": float(subject_before_cue),
        "cue_then_colon": float(any(text[cue.end - view.span.start : cue.end - view.span.start + 1] == ":" for cue in view.cues)),
        "has_mention": float(bool(view.mentions)),
        "pronoun_mention": float(any(m.kind == "pronoun" for m in view.mentions)),
        "no_final_punctuation": float(text[-1] not in _HEADLINE_ENDINGS),
        "first_sentence": float(view.index == 0),
        "short": float(len(text.split(None, 5)) <= 5),  # five words at most: no need to split them all
        "previous_quoted": float(previous is not None and previous.longest_quote_words >= 4),
        "previous_cue": float(previous is not None and bool(previous.cues)),
        "reporting_word": float(view.reporting_word),
    }
    for cue in sorted(cue_words):  # set order follows the hash seed; sums must not
        features[f"cue={cue}"] = 1.0
    return features


def _texts(inputs: list[SentenceInput]) -> list[str]:
    return [item.text for item in inputs]


def _dicts(inputs: list[SentenceInput]) -> list[dict[str, float]]:
    return [item.features for item in inputs]


def _dicts_with_stance_evidence(inputs: list[SentenceInput]) -> list[dict[str, float]]:
    return [{**item.features, **item.stance_evidence} for item in inputs]


def _hasher() -> FeatureHasher:
    """Hashing instead of a DictVectorizer: the same columns at a fraction of the cost per sentence.

    A few hundred feature names in 2**16 buckets leave collisions rare, and unseen cue words still get a column.
    """
    from sklearn.feature_extraction import FeatureHasher

    return FeatureHasher(n_features=2**16, alternate_sign=False)


def text_classifier(C: float, stance_evidence: bool = False) -> Pipeline:
    """TF-IDF words (1-2 grams) with the hand-made features, into a balanced logistic regression.

    `stance_evidence` adds the stance lexicons' features (for the stance model).
    No character n-grams: measured on the development set and the seeds,
    they changed no label (see the README's "How it works").
    Only fitting calls this, so only fitting imports scikit-learn; tagging scores
    the compiled pipelines (attrib.model.compiled).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

    dicts = _dicts_with_stance_evidence if stance_evidence else _dicts
    parts = [
        ("words", Pipeline([("get", FunctionTransformer(_texts)), ("tfidf", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1))])),
        ("features", Pipeline([("get", FunctionTransformer(dicts)), ("hash", _hasher())])),
    ]
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=2000, random_state=0)
    return Pipeline([("union", FeatureUnion(parts)), ("model", model)])
