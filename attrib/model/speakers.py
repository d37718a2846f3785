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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import Any

import numpy as np

from attrib.matching import normalise_speaker
from attrib.analysis.names import COUNTRY, ORG, PERSON, Mention, is_person_role
from attrib.analysis.structure import ArticleView, Cue, SentenceView, words_between

_OBJECT_WORDS = frozenset(
    """told tells tell accused accuses urged urges asked asks pushed thanked
    criticised criticized blamed with to by of from about against for on in
    at between than over into and""".split()
)
_WORD = re.compile(r"\w+")
_PARENTHESIS = re.compile(r"\([^()]*\)")
_AUXILIARIES = frozenset("has have had is was were will would also has previously earlier later then now".split())
_LOOKBACK = 20
# Matches where at least three words follow: "within two words of the sentence start" without counting them all.
_THIRD_WORD = re.compile(r"\W*\w+\W+\w+\W+\w")
_ROLE_PREPOSITIONS = frozenset("for of in at from to with".split())
# Modifiers that set a holder apart from the person named before: "the current mayor", "the new coach".
_ANOTHER_HOLDER = frozenset("current new former incoming outgoing previous acting other then interim".split())
_SPOKESPERSON = re.compile(r"(?i)an?\s+(?:spokes(?:person|man|woman)|representative)")
_CLOSING = "\"\u201d\u2019\u00bb\u203a\u300d'"


@dataclass(frozen=True)
class Candidate:
    """A possible speaker: `mention` is None for the previous sentence's speaker.

    `frame_cue` is the sentence's main cue when its frame names this
    candidate (the `frame_source` feature), so `choose` need not look for it again.
    `row` is the candidate's features, or the function that works them out
    when `features` is first read: when the frame names the source, `choose`
    reads that candidate's alone (a third fewer feature rows in a batch of
    news articles).
    """

    name: str
    mention: Mention | None
    row: dict[str, float] | Callable[[], dict[str, float]] = field(repr=False, compare=False)
    frame_cue: Cue | None = None

    @property
    def features(self) -> dict[str, float]:
        """The feature row the ranker scores, by feature name."""
        row = self.row
        if callable(row):
            row = row()
            object.__setattr__(self, "row", row)  # frozen, but the function gives way to what it worked out
        return row


@dataclass(frozen=True)
class Speaker:
    """The chosen source, the words that name it and the reporting cue nearest to them."""

    name: str | None
    mention: str | None
    cue: str | None
    confidence: float


def candidates(article: ArticleView, view: SentenceView, history: dict[int, str]) -> list[Candidate]:
    """Every resolvable source for `view`, given the speakers of earlier sentences by index.

    The source that the sentence's attribution frame names (the subject
    of the main reporting verb, "according to X", a headline's "...:
    Pentagon") is marked `frame_source`; `choose` takes it when it resolves.
    """
    found: list[Candidate] = []
    main = view.main
    framed = main.source if main is not None else None
    mentions = list(view.mentions)
    if framed is not None and all((m.start, m.end) != (framed.start, framed.end) for m in mentions):
        mentions.append(framed)  # "according to Israeli tallies": a phrase no mention covers
        mentions.sort(key=lambda m: m.start)
    audience, content = _audience(view)
    for position, mention in enumerate(mentions):
        if ((mention.start, mention.end) in audience or mention.start >= content) and mention is not framed:
            continue
        name = _resolve(article, view, mention, history)
        if name:
            is_framed = framed is not None and mention.start == framed.start and mention.end == framed.end
            describe = partial(_mention_features, article, view, mention, position, is_framed)
            found.append(Candidate(name, mention, describe, main if is_framed else None))
    if view.headline_source and any(c.frame_cue is not None for c in found):
        return found
    if history:
        found.append(Candidate(next(reversed(history.values())), None, partial(_previous_features, view)))
    return found


def _audience(view: SentenceView) -> tuple[set[tuple[int, int]], int]:
    """Mentions that hear a statement rather than make it, and where its content starts.

    "The ambassador was informed that A and B must leave": the ambassador
    is the audience, A and B are what was said; neither is the source.
    """
    heard: set[tuple[int, int]] = set()
    content = view.span.end
    for cue in view.cues:
        if cue.passive and cue.source is None:
            before = [m for m in view.mentions if m.end <= cue.start]
            if before:
                heard.add((before[-1].start, before[-1].end))
            content = min(content, cue.end)
    return heard, content


def _recent(history: dict[int, str]) -> Iterator[str]:
    """Earlier speakers, latest first, at most _LOOKBACK of them: a long article stays linear."""
    return islice(reversed(history.values()), _LOOKBACK)


def _resolve(article: ArticleView, view: SentenceView, mention: Mention, history: dict[int, str]) -> str | None:
    names = article.names
    if mention.kind == "pronoun":
        return _antecedent(article, view, mention, history)
    if mention.kind == "joint" and not mention.parts:  # "the pair"
        return next((h for h in _recent(history) if " and " in h), None) or _joint_before(article, view, mention)
    if mention.kind == "role":
        if _SPOKESPERSON.fullmatch(mention.text):
            return _unnamed_spokesperson(article, view, mention, history) or names.canonical(mention)
        holder = names.by_title(mention.title, mention.start)
        if holder:
            return holder
        if mention.text.lower().startswith("the "):
            earlier = _same_role_before(article, view, mention)
            if earlier:
                return earlier
            other = _ANOTHER_HOLDER.intersection(mention.text.lower().split())
            if is_person_role(mention) and not mention.text.endswith("s") and not other:
                # "The defence secretary said" goes on with the person just quoted; "the current mayor" may be someone new.
                person = _person_before(article, view, mention, history, "")
                # ... a named person: "The Chancellor" is not the headline's unnamed "Minister".
                if person and names.is_person(person) and not names.holds_other_office(person, mention.title):
                    return person
    # The name table resolves descriptions ("the 28-year-old", "the company", "the report").
    return names.canonical(mention)


def _same_role_before(article: ArticleView, view: SentenceView, mention: Mention) -> str | None:
    """ "the spokesperson" after "A spokesperson for the mayor": the source introduced with that role noun.

    Members of a joint source count ("A union official and the mayor said
    ... the union official"); the head noun must be the same, so "the
    Ukrainian military" is not "Ukrainian military sources".
    """
    own_words = mention.text.lower().split()
    own = set(own_words[1:])
    for earlier in reversed(article.sentences[max(0, view.index - 5) : view.index + 1]):
        for candidate in reversed([p for m in earlier.mentions for p in (m.parts or (m,))]):
            words = candidate.text.lower().split()
            # Only a fuller description of the same role: "the Israeli ministry" is not "a ministry".
            if (
                candidate.kind == "role"
                and candidate.start < mention.start
                and own < set(words)
                and words[0] != "the"
                and _head(words) == _head(own_words)
            ):
                if article.names.body_named_since(candidate.start, mention.start, _head(own_words)):
                    return None  # a body named since the description is what "the agency" means
                return article.names.canonical(candidate)
    return None


def _head(words: list[str]) -> str:
    """The role noun of a description: "spokesperson" of "a spokesperson for the mayor"."""
    cut = next((i for i, w in enumerate(words) if w in _ROLE_PREPOSITIONS and i > 0), len(words))
    return words[cut - 1]


def _unnamed_spokesperson(article: ArticleView, view: SentenceView, mention: Mention, history: dict[int, str]) -> str | None:
    """ "..., a spokesperson said": an unnamed spokesperson speaks for the institution the sentence or the story is about."""
    names = article.names
    for cue in view.cues:
        source = cue.source
        if source is not None and source is not mention and source.kind not in ("pronoun", "joint"):
            name = names.canonical(source)
            if not names.is_person(name):
                return name
    return next((h for h in islice(_recent(history), 3) if not names.is_person(h) and " and " not in h), None)


def _joint_before(article: ArticleView, view: SentenceView, mention: Mention) -> str | None:
    """The latest "A and B" named before a mention of "the pair"."""
    for earlier in reversed(article.sentences[max(0, view.index - 3) : view.index + 1]):
        for candidate in reversed(earlier.mentions):
            if candidate.parts and candidate.start < mention.start:
                return article.names.canonical(candidate)
    return None


def _antecedent(article: ArticleView, view: SentenceView, pronoun: Mention, history: dict[int, str]) -> str | None:
    """The referent of "he", "she", "they" or a reporting "it"; "I" and "we" are left to the quote's speaker."""
    names = article.names
    if pronoun.gender in ("m", "f"):
        return _person_before(article, view, pronoun, history, pronoun.gender)
    recent = list(islice(_recent(history), 3))
    if pronoun.gender == "p":
        return next((h for h in recent if not names.is_person(h)), None)
    if pronoun.gender == "n" and any(0 <= words_between(article.text, pronoun.end, cue.start) <= 1 for cue in view.cues):
        return _body_just_named(article, view, history) or next((h for h in recent if not names.is_person(h) and " and " not in h), None)
    return None


def _body_just_named(article: ArticleView, view: SentenceView, history: dict[int, str]) -> str | None:
    """ "Taiwan's defence ministry thanked Washington. In a statement, it said ...": a body that opens
    the previous sentence, when that sentence reported no one, is what "it" says."""
    if view.index == 0 or view.index - 1 in history:
        return None
    previous = article.sentences[view.index - 1]
    opening = previous.mentions[0] if previous.mentions else None
    if opening is None or opening.entity not in (ORG, COUNTRY) or words_between(article.text, previous.span.start, opening.start) > 1:
        return None
    return article.names.canonical(opening) or None


def _person_before(article: ArticleView, view: SentenceView, mention: Mention, history: dict[int, str], gender: str) -> str | None:
    """The person a pronoun or "the minister" points back to.

    A person named earlier in the same sentence first, then the previous
    sentence's speaker (news rarely switches speaker without naming the
    new one), then the latest person named in the preceding sentences,
    then the latest person who spoke.
    """
    names = article.names

    def fits(name: str | None) -> bool:
        # A person by name, or by description ("the current mayor"); never a place, a body or an event.
        person = bool(name) and (names.is_person(name) or names.entities.get(name) == PERSON)
        return person and names.gender_of(name) in ("", gender or names.gender_of(name))

    def unknown(name: str | None) -> bool:
        # A full name of no known kind ("Mary Lane" after an unusual title): a person, when no one else fits.
        return bool(name) and " " in name and "/" not in name and not names.entities.get(name) and names.gender_of(name) in ("", gender)

    def named_in(sentences: list[SentenceView], fits: Callable[[str | None], bool]) -> str | None:
        for earlier in reversed(sentences):
            for candidate in reversed(earlier.mentions):
                if candidate.start < mention.start and candidate.kind in ("name", "surname"):
                    name = names.canonical(candidate)
                    if fits(name):
                        return name
        return None

    def spoke_through(name: str | None) -> bool:
        # "..., a company spokeswoman said. She declined to say ...": the body the spokesperson speaks for.
        spokesperson = "spokeswoman" if gender == "f" else "spokesman"
        return any(
            m.kind == "role" and spokesperson in m.text.lower() and names.canonical(m) == name for earlier in before for m in earlier.mentions
        )

    previous = history.get(view.index - 1)
    before = article.sentences[max(0, view.index - 3) : view.index]
    return (
        named_in([view], fits)
        or (previous if fits(previous) or spoke_through(previous) else None)
        or named_in(before, fits)
        or next((h for h in _recent(history) if fits(h)), None)
        or named_in([*before, view], unknown)
    )


def _mention_features(article: ArticleView, view: SentenceView, mention: Mention, position: int, framed: bool) -> dict[str, float]:
    text, start, end = article.text, mention.start, mention.end
    sentence = view.span
    cues = view.cues
    after = [cue.start for cue in cues if cue.start >= end]
    gap_after = min([_gap(text, end, cue) for cue in after]) if after else 99
    # Fewer words lie after a later cue end, so the last cue to end before the mention is the nearest.
    ends = [cue.end for cue in cues if cue.end <= start]
    gap_before = words_between(text, max(ends), start) if ends else 99
    preceding = _WORD.findall(text, max(sentence.start, start - 30), start)
    previous_word = preceding[-1].lower() if preceding else ""
    according = len(preceding) >= 2 and preceding[-2].lower() == "according"
    lead = text[sentence.start : start]
    if gap_after <= 10:
        # A mention between this one and a cue: any cue will do, so the last one bounds them all.
        last_cue = max(after)
        nearest = not any(other.start >= end and other.end <= last_cue for other in view.mentions)
    else:
        nearest = False
    return {
        "nearest_before_cue": float(nearest),
        "ends_sentence_after_cue": float(gap_before <= 1 and text[end : sentence.end].strip(" .,;:!?\"'\u201d\u2019") == ""),
        f"kind={mention.kind}": 1.0,
        "cue_follows": float(gap_after <= 1),
        "cue_follows_near": float(gap_after <= 10),
        "cue_precedes": float(gap_before <= 1),
        "cue_precedes_near": float(gap_before <= 4),
        "object_position": float(previous_word in _OBJECT_WORDS and not according),
        "first_mention": float(position == 0),
        "sentence_start": float(sentence.start <= start and not _THIRD_WORD.match(text, sentence.start, start)),
        "after_closing_quote": float(lead.rstrip()[-1:] in ",\u201d\"" and any(c in lead for c in _CLOSING)),
        "possessive": float(mention.text.endswith(("'s", "\u2019s"))),
        "person": float(article.names.is_person(_resolve_plain(article, mention))),
        "no_cue": float(not cues),
        "frame_source": float(framed),
    }


def _resolve_plain(article: ArticleView, mention: Mention) -> str:
    return article.names.canonical(mention) if mention.kind != "pronoun" else ""


def _gap(text: str, start: int, end: int) -> int:
    """Words between a mention and the cue after it, not counting a parenthesis or an auxiliary.

    "the British Medical Association (BMA) has confirmed" puts the cue right after the source.
    """
    if text.find("(", start, end) < 0:  # no parenthesis to drop: the words are read in place
        return len([word for word in _WORD.findall(text, start, end) if word.lower() not in _AUXILIARIES])
    between = _PARENTHESIS.sub(" ", text[start:end])
    return len([word for word in _WORD.findall(between) if word.lower() not in _AUXILIARIES])


def _previous_features(view: SentenceView) -> dict[str, float]:
    """The previous speaker carries on when the sentence continues a quote and names no one."""
    return {
        "kind=previous": 1.0,
        "previous:starts_inside": float(view.starts_inside),
        "previous:continued": float(view.continued),
        "previous:no_cue": float(not view.cues),
        "previous:no_mention": float(not view.mentions),
        "previous:cue_and_mention": float(bool(view.cues) and bool(view.mentions)),
    }


class SpeakerRanker:
    """Logistic regression over candidates: is this the source of the sentence?

    `fit` keeps the fitted scikit-learn pipeline (`pipeline_`) and its
    weights by feature name (`weights_`, `bias_`); scoring reads only the
    weights, so `compiled()` drops the pipeline for tagging without
    scikit-learn.
    """

    def fit(self, groups: list[tuple[list[Candidate], str]]) -> "SpeakerRanker":
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import Pipeline

        rows: list[dict[str, float]] = []
        labels: list[int] = []
        for found, gold in groups:
            target = normalise_speaker(gold)
            named = any(c.mention is not None and normalise_speaker(c.name) == target for c in found)
            for candidate in found:
                rows.append(candidate.features)
                # When the sentence names its speaker, the mention is the link to learn, not the carry-over.
                correct = normalise_speaker(candidate.name) == target and not (named and candidate.mention is None)
                labels.append(int(correct))
        if len(set(labels)) < 2:
            raise ValueError("too little training data: no attributed sentence whose speaker is among its candidates")
        model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000, random_state=0)
        self.pipeline_: Any = Pipeline([("vectorizer", DictVectorizer()), ("model", model)]).fit(rows, np.array(labels))
        vectorizer = self.pipeline_.named_steps["vectorizer"]
        self.weights_ = dict(zip(vectorizer.feature_names_, model.coef_[0].tolist()))
        self.bias_ = float(model.intercept_[0])
        return self

    def compiled(self) -> "SpeakerRanker":
        """The weights alone: what `choose` needs, nothing whose unpickling imports scikit-learn."""
        ranker = SpeakerRanker()
        ranker.weights_, ranker.bias_ = self.weights_, self.bias_
        return ranker

    def scores(self, found: list[Candidate]) -> list[float]:
        """Each candidate's logit less the bias: its features times their weights."""
        weights = self.weights_
        # A feature at 0.0 adds a zero and leaves the sum as it is: only the others are looked up.
        return [sum([weights.get(k, 0.0) * v for k, v in c.features.items() if v], 0.0) for c in found]

    def probability(self, score: float) -> float:
        """The probability that a candidate with this score is the source (the pipeline's predict_proba)."""
        return float(1.0 / (1.0 + np.exp(-(score + self.bias_))))

    def choose(self, found: list[Candidate], cues: tuple[Cue, ...]) -> Speaker:
        """The source the sentence's attribution frame names, else the best-scored candidate.

        Grammar decides where it can: five training articles cannot teach the
        ranker that "the army" in "Rebels took the town, the army said" outranks
        the sentence's first mention.  Scores use the fitted weights directly: a
        sentence's candidates depend on the speakers chosen before it, so they
        cannot be batched, and a dot product over a dozen features is far
        cheaper than a vectoriser call per sentence.
        """
        first_cue = cues[0].text if cues else None
        if not found:
            return Speaker(None, None, first_cue, 0.0)
        framed = next((c for c in found if c.frame_cue is not None), None)
        if framed is not None:
            chosen, score = framed, self.scores([framed])[0]
        else:
            scores = self.scores(found)
            # The first of the best scores, as numpy's argmax picks it, without making an array of a few numbers.
            best = max(range(len(scores)), key=scores.__getitem__)
            chosen, score = found[best], scores[best]
        confidence = self.probability(score)
        if chosen.mention is None:
            return Speaker(chosen.name, None, first_cue, confidence)
        mention = chosen.mention
        if chosen.frame_cue is not None:
            cue = chosen.frame_cue.text
        else:
            nearest = min(cues, key=lambda c: min(abs(c.start - mention.end), abs(mention.start - c.end)), default=None)
            cue = nearest.text if nearest else None
        return Speaker(chosen.name, mention.text, cue, confidence)
