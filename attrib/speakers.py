"""Who said it: candidate sources for a sentence, ranked by logistic regression.

Candidates are the mentions outside quotation marks in the sentence,
resolved to a canonical name through the article's name table and the
speakers of earlier sentences, plus the previous speaker (for
continuation paragraphs and later sentences of a long quote).  The
features describe position relative to the reporting cue and the quote,
never the name itself, so a speaker the model has never seen is found as
readily as a familiar one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from attrib.names import Mention, is_person_role
from attrib.structure import ArticleView, SentenceView, words_between

_OBJECT_WORDS = frozenset(
    """told tells tell accused accuses urged urges asked asks pushed thanked
    criticised criticized blamed with to by of from about against for on in
    at between than over into and""".split()
)
_WORD = re.compile(r"\w+")
_CLOSING = "\"\u201d\u2019\u00bb\u203a\u300d'"


@dataclass(frozen=True)
class Candidate:
    """A possible speaker: `mention` is None for the previous sentence's speaker."""

    name: str
    mention: Mention | None
    features: dict[str, float]


@dataclass(frozen=True)
class Speaker:
    name: str | None
    mention: str | None
    confidence: float


def normalise(name: str | None) -> str:
    """Compare names as a reader would: case, spacing and apostrophe style aside."""
    if not name:
        return ""
    return " ".join(name.replace("\u2019", "'").lower().split())


def candidates(article: ArticleView, view: SentenceView, history: list[str]) -> list[Candidate]:
    """Every resolvable source for `view`, given the speakers of earlier sentences (latest last)."""
    found: list[Candidate] = []
    for position, mention in enumerate(view.mentions):
        name = _resolve(article, view, mention, history)
        if name:
            found.append(Candidate(name, mention, _mention_features(article, view, mention, position)))
    if history:
        found.append(Candidate(history[-1], None, _previous_features(view)))
    return found


def _resolve(article: ArticleView, view: SentenceView, mention: Mention, history: list[str]) -> str | None:
    names = article.names
    if mention.kind == "pronoun":
        return _antecedent(article, view, mention.gender, history)
    if mention.kind == "joint" and not mention.parts:
        return next((h for h in reversed(history) if " and " in h), None)
    if mention.kind == "role":
        person = names.by_title(mention.title, mention.start)
        if person:
            return person
        definite = mention.text.lower().startswith("the ")
        if definite and is_person_role(mention):
            return next((h for h in reversed(history) if names.is_person(h)), None)
    return names.canonical(mention)


def _antecedent(article: ArticleView, view: SentenceView, gender: str, history: list[str]) -> str | None:
    """The referent of a pronoun: the latest compatible speaker, else the latest named person."""
    names = article.names
    if gender in ("m", "f"):
        for name in reversed(history[-3:]):
            if names.is_person(name) and names.gender_of(name) in ("", gender):
                return name
        for earlier in reversed(article.sentences[max(0, view.index - 3) : view.index + 1]):
            for mention in reversed(earlier.mentions):
                if mention.kind in ("name", "surname") and mention.start < view.span.end:
                    if names.gender_of(mention.name) in ("", gender):
                        return names.canonical(mention)
        return None
    if gender == "p":
        return next((h for h in reversed(history[-3:]) if not names.is_person(h)), None)
    if gender == "n":
        return next((h for h in reversed(history[-2:]) if not names.is_person(h) and " and " not in h), None)
    return None


def _mention_features(article: ArticleView, view: SentenceView, mention: Mention, position: int) -> dict[str, float]:
    text = article.text
    sentence = view.span
    after = [words_between(text, mention.end, cue.start) for cue in view.cues if cue.start >= mention.end]
    before = [words_between(text, cue.end, mention.start) for cue in view.cues if cue.end <= mention.start]
    gap_after = min(after, default=99)
    gap_before = min(before, default=99)
    preceding = _WORD.findall(text, max(sentence.start, mention.start - 30), mention.start)
    previous_word = preceding[-1].lower() if preceding else ""
    according = len(preceding) >= 2 and preceding[-2].lower() == "according"
    lead = text[sentence.start : mention.start]
    return {
        f"kind={mention.kind}": 1.0,
        "cue_follows": float(gap_after <= 1),
        "cue_follows_near": float(gap_after <= 10),
        "cue_precedes": float(gap_before <= 1),
        "cue_precedes_near": float(gap_before <= 4),
        "object_position": float(previous_word in _OBJECT_WORDS and not according),
        "first_mention": float(position == 0),
        "sentence_start": float(words_between(text, sentence.start, mention.start) <= 2),
        "after_closing_quote": float(any(c in lead for c in _CLOSING) and lead.rstrip()[-1:] in ",\u201d\"" ),
        "possessive": float(mention.text.endswith(("'s", "\u2019s"))),
        "person": float(article.names.is_person(_resolve_plain(article, mention))),
        "no_cue": float(not view.cues),
    }


def _resolve_plain(article: ArticleView, mention: Mention) -> str:
    return article.names.canonical(mention) if mention.kind != "pronoun" else ""


def _previous_features(view: SentenceView) -> dict[str, float]:
    return {
        "kind=previous": 1.0,
        "starts_inside": float(view.starts_inside),
        "continued": float(view.continued),
        "no_cue": float(not view.cues),
        "no_mention": float(not view.mentions),
    }


class SpeakerRanker:
    """Logistic regression over candidates: is this the source of the sentence?"""

    def fit(self, groups: list[tuple[list[Candidate], str]]) -> "SpeakerRanker":
        rows: list[dict[str, float]] = []
        labels: list[int] = []
        for found, gold in groups:
            for candidate in found:
                rows.append(candidate.features)
                labels.append(int(normalise(candidate.name) == normalise(gold)))
        self.vectorizer_ = DictVectorizer()
        self.model_ = LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000, random_state=0)
        self.model_.fit(self.vectorizer_.fit_transform(rows), np.array(labels))
        self.weights_ = dict(zip(self.vectorizer_.feature_names_, self.model_.coef_[0].tolist()))
        self.bias_ = float(self.model_.intercept_[0])
        return self

    def choose(self, found: list[Candidate]) -> Speaker:
        """The best candidate, or no speaker when there is none.

        Scores with the fitted weights directly: a sentence's candidates
        depend on the speakers chosen before it, so they cannot be batched,
        and a dot product over a dozen features is far cheaper than a
        vectoriser call per sentence.
        """
        if not found:
            return Speaker(None, None, 0.0)
        weights = self.weights_
        scores = [sum(weights.get(k, 0.0) * v for k, v in c.features.items()) for c in found]
        best = int(np.argmax(scores))
        chosen = found[best]
        mention = chosen.mention.text if chosen.mention is not None else None
        return Speaker(chosen.name, mention, float(1.0 / (1.0 + np.exp(-(scores[best] + self.bias_)))))
