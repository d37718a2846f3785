"""The tagger: quote type, speaker and stance for every sentence of an article.

`fit` learns three models from labelled articles; `tag_many` runs them,
vectorising all sentences of a batch at once.  Stance is learned on
attributed sentences only and combined with the quote-type probability:
a sentence that reports no one takes no stance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from attrib.model.compiled import CompiledClassifier, compile_pipeline
from attrib.model.calibration import Calibration, FeatureRows, RefitClassifier, article_folds, fit_calibration, refit_classifier
from attrib.corpus import Corpus
from attrib.model.features import SentenceInput, sentence_inputs, text_classifier
from attrib.analysis.lexicon import ACT_VERBS, HEADLINE_VERBS
from attrib.records import Record
from attrib.model.speakers import Candidate, Speaker, SpeakerRanker, candidates
from attrib.model.splits import training_part
from attrib.analysis.structure import ArticleView, SentenceView, analyse

_CHUNK = 4096
# Verbs that, with "by", only name who reported or wrote something.
_AUTHORING = frozenset(("reported", "written"))
# Log-odds bonus for the stance the lexicons' precedence rule gives; see _with_lexicon_prior.
LEXICON_PRIOR = 1.5


@dataclass(frozen=True)
class _Parsed:
    article: str
    view: ArticleView
    inputs: list[SentenceInput]


class Tagger:
    """Quote type, speaker and stance, learned from labelled articles.

    Follows scikit-learn's conventions: nothing happens in `__init__`,
    `fit` returns the fitted tagger, fitted attributes end in `_`.
    Tagging reads only the compiled attributes (see `compiled`), so a
    tagger loaded for tagging never imports scikit-learn; fitting does.
    """

    def fit(self, corpus: Corpus) -> "Tagger":
        import sklearn.linear_model  # noqa: F401  (loads scipy's BLAS and OpenMP, so that the limit below reaches them)
        from threadpoolctl import threadpool_limits

        # The models are small: multi-threaded BLAS only adds overhead, and on a
        # busy machine its spinning threads make fitting tens of times slower.
        # The limit applies to the libraries loaded when it is set, hence the import.
        with threadpool_limits(limits=1, user_api="blas"):
            return self._fit(corpus)

    def compiled(self) -> "Tagger":
        """The part of this fitted tagger that tags: compiled scorers, speaker weights, calibration.

        Numpy arrays and attrib's own classes only, so loading it imports
        neither scikit-learn nor scipy; the pipelines stay with the full
        tagger, for `attrib explain`.
        """
        tagger = Tagger()
        tagger.quote_scorer_, tagger.stance_scorer_ = self.quote_scorer_, self.stance_scorer_
        tagger.speaker_model_ = self.speaker_model_.compiled()
        tagger.calibration_ = self.calibration_
        return tagger

    def _fit(self, corpus: Corpus) -> "Tagger":
        parsed = [_parse(article, corpus.texts[article]) for article in corpus.articles]
        rows = _training_rows(parsed, corpus.by_article())
        if len(set(rows.quotes)) < 2 or len(set(rows.stances)) < 2:
            raise ValueError(
                "too little training data: need at least two quote types, and attributed sentences with at least two stances"
            )
        self.quote_model_ = text_classifier(C=2.0).fit(rows.inputs, rows.quotes)
        self.stance_model_ = text_classifier(C=1.0, stance_evidence=True).fit(rows.attributed, rows.stances)
        self.speaker_model_ = SpeakerRanker().fit(rows.groups)
        # Tagging scores the same pipelines compiled to numpy arrays: the same
        # probabilities (tests/test_compiled.py) without scikit-learn's per-call costs.
        self.quote_scorer_ = compile_pipeline(self.quote_model_)
        self.stance_scorer_ = compile_pipeline(self.stance_model_)
        self.calibration_ = self._calibrate(corpus, parsed)
        return self

    def _calibrate(self, corpus: Corpus, parsed: list[_Parsed]) -> Calibration:
        """Temperatures for both confidences, from out-of-fold predictions on the training articles.

        A fold keeps this model's fitted features and refits its classifiers
        on the other folds (near-copies of the fold's sentences dropped), so
        calibrating costs a fraction of a fit.  See attrib.model.calibration.
        """
        sentences = [sentence for item in parsed for sentence in item.inputs]
        quote_rows, stance_rows = FeatureRows(self.quote_model_, sentences), FeatureRows(self.stance_model_, sentences)
        predicted: list[Record] = []
        for fold in article_folds(corpus.articles):
            held_out = set(fold)
            train = training_part(corpus, held_out)
            rows = _training_rows([item for item in parsed if item.article not in held_out], train.by_article())
            model = Tagger()
            try:
                model.quote_scorer_ = refit_classifier(quote_rows, rows.inputs, rows.quotes)
                model.stance_scorer_ = refit_classifier(stance_rows, rows.attributed, rows.stances)
                model.speaker_model_ = SpeakerRanker().fit(rows.groups)
            except ValueError:  # the other folds lack a class to learn
                continue
            model.calibration_ = Calibration()
            for records in model._tag_parsed([item for item in parsed if item.article in held_out]):
                predicted += records
        return fit_calibration(corpus.records, predicted)

    def tag(self, text: str, article: str = "article") -> list[Record]:
        return self.tag_many([(article, text)])[0]

    def tag_many(self, articles: Iterable[tuple[str, str]]) -> list[list[Record]]:
        """Records for each (id, text) pair, in order; one vectorisation for the whole batch."""
        return self._tag_parsed([_parse(article, text) for article, text in _checked_pairs(self, articles)])

    def _tag_parsed(self, parsed: list[_Parsed]) -> list[list[Record]]:
        inputs = [sentence_input for item in parsed for sentence_input in item.inputs]
        if not inputs:
            return [[] for _ in parsed]
        quote_proba = _predict_proba(self.quote_scorer_, inputs)
        quote_labels = [str(label) for label in self.quote_scorer_.classes_]
        quotes = [quote_labels[i] for i in np.argmax(quote_proba, axis=1).tolist()]
        ruled = _apply_guide_rules(parsed, quotes)
        none_quote = quote_labels.index("none")
        # Stance is scored only for attributed sentences; the rest take none.
        attributed = [row for row, quote in enumerate(quotes) if quote != "none"]
        stance_labels = [str(label) for label in self.stance_scorer_.classes_]
        # Per-row numbers as Python floats, taken from the arrays in one step each.
        p_none = quote_proba[:, none_quote].tolist()
        stance_rows: dict[int, tuple[int, float]] = {}  # row -> most probable stance and its probability
        if attributed:
            chosen = [inputs[row] for row in attributed]
            proba = _with_lexicon_prior(_predict_proba(self.stance_scorer_, chosen), stance_labels, chosen)
            best = np.argmax(proba, axis=1)
            stance_rows = dict(zip(attributed, zip(best.tolist(), proba[np.arange(len(best)), best].tolist())))
        results: list[list[Record]] = []
        row = 0
        for item in parsed:
            records: list[Record] = []
            choices = self.speaker_choices(item.view, quotes[row : row + len(item.view.sentences)])
            for view, choice in zip(item.view.sentences, choices):
                quote = quotes[row]
                record = Record(item.article, view.index, view.span.start, view.span.end, view.text, quote=quote)
                if quote == "none":
                    # A guide rule that reports no one is as sure as one that reports someone.
                    record.confidence = self.calibration_.stance(1.0 if row in ruled else p_none[row])
                else:
                    stance, p_stance = stance_rows[row]
                    record.stance = stance_labels[stance]
                    p_attributed = 1.0 if row in ruled else 1.0 - p_none[row]
                    record.confidence = self.calibration_.stance(p_attributed * p_stance)
                    speaker = choice[1]
                    record.speaker, record.mention, record.cue = speaker.name, speaker.mention, speaker.cue or None
                    record.speaker_confidence = self.calibration_.speaker(speaker.confidence)
                records.append(record)
                row += 1
            _share_quote_speakers(item.view, records)
            results.append(records)
        return results

    def speaker_choices(self, view: ArticleView, quotes: list[str]) -> list[tuple[list[Candidate], Speaker] | None]:
        """The candidates and the chosen speaker of each sentence not of quote type none, in order.

        Each choice depends on the speakers chosen before it; `tag_many` and
        the explanations (attrib.views) both read them from here.
        """
        choices: list[tuple[list[Candidate], Speaker] | None] = []
        history: dict[int, str] = {}
        for sentence, quote in zip(view.sentences, quotes):
            if quote == "none":
                choices.append(None)
                continue
            found = candidates(view, sentence, history)
            speaker = self.speaker_model_.choose(found, sentence.cues)
            if speaker.name:
                history[sentence.index] = speaker.name
            choices.append((found, speaker))
        return choices


@dataclass
class _Rows:
    """Training rows: every labelled sentence for quote type; attributed ones for stance and speaker."""

    inputs: list[SentenceInput] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    attributed: list[SentenceInput] = field(default_factory=list)
    stances: list[str] = field(default_factory=list)
    groups: list[tuple[list[Candidate], str]] = field(default_factory=list)


def _training_rows(parsed: list[_Parsed], gold: dict[str, list[Record]]) -> _Rows:
    """The rows of the sentences whose boundaries match a gold record."""
    rows = _Rows()
    for item in parsed:
        labels = _align(item.view, gold.get(item.article, []))
        history: dict[int, str] = {}
        for view, sentence_input, label in zip(item.view.sentences, item.inputs, labels):
            if label is None:
                continue
            rows.inputs.append(sentence_input)
            rows.quotes.append(label.quote)
            if label.quote == "none" or not label.speaker:
                continue
            rows.attributed.append(sentence_input)
            rows.stances.append(label.stance)
            rows.groups.append((candidates(item.view, view, history), label.speaker))
            history[view.index] = label.speaker
    return rows


def _checked_pairs(tagger: Tagger, articles: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (id, text) pairs, after saying plainly what is wrong with a call that cannot work."""
    if not hasattr(tagger, "quote_scorer_"):
        from sklearn.exceptions import NotFittedError

        raise NotFittedError("this Tagger is not fitted yet; call fit(corpus) first, or use attrib.load_tagger()")
    if isinstance(articles, (str, bytes)):
        raise TypeError("tag_many takes (id, text) pairs, e.g. [('a1', text)], not one string; use tag(text) for one article")
    pairs = list(articles)
    for position, pair in enumerate(pairs):
        where = f" (item {position})" if len(pairs) > 1 else ""
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise TypeError(f"tag_many takes (id, text) pairs, got {type(pair).__name__} {pair!r:.40}{where}")
        for name, value in zip(("article id", "text"), pair):
            if not isinstance(value, str):
                raise TypeError(f"{name} must be str, got {type(value).__name__}{where}")
    return pairs


def _parse(article: str, text: str) -> _Parsed:
    view = analyse(text)
    return _Parsed(article, view, sentence_inputs(view))


def _apply_guide_rules(parsed: list[_Parsed], quotes: list[str]) -> set[int]:
    """Quote types the labelling guide decides outright; returns the rows they changed.

    The seeds hold no example of these to learn from:
    - a headline that names its source ("...: Pentagon", "China: ...",
      "Russia summons US envoy", "..., Qatar says") reports that source, and
      so does a main clause whose reporting verb has a source of its own
      ("Rebels took the town, the army said");
    - a sentence that quotes no one and whose reporting words are all negated
      ("did not respond to a request for comment", "has not denied", "Neither
      A nor B have confirmed") or passive with no source and no content
      ("Police were called to the scene"), or that only respond or speak
      ("The firm responded to the claims") reports nothing: none, as do a
      credit line ("(Reporting by ...; Editing by ...)"), a picture caption
      and a sentence that only names who reported or wrote it ("as reported
      by X", "The story was written by X");
    - every sentence of a quotation that runs over several sentences is a
      direct quote once any of them is attributed.
    """
    ruled: set[int] = set()
    row = 0
    for item in parsed:
        sentences = item.view.sentences
        for i, view in enumerate(sentences):
            forced = _guide_quote(view, quotes[row + i])
            if forced is not None and forced != quotes[row + i]:
                quotes[row + i] = forced
                ruled.add(row + i)
        attributed_quotes = {q for i, view in enumerate(sentences) if quotes[row + i] != "none" for q in view.quote_ids}
        for i, view in enumerate(sentences):
            if quotes[row + i] == "none" and view.quoted_chars * 2 > len(view.text) and attributed_quotes.intersection(view.quote_ids):
                quotes[row + i] = "direct"
                ruled.add(row + i)
        row += len(sentences)
    return ruled


def _guide_quote(view: SentenceView, predicted: str) -> str | None:
    """The quote type a guide rule gives `view` (which the classifier labelled `predicted`), or None to keep it."""
    if view.credit:
        return "none"
    main = view.main
    quoted = "direct" if view.longest_quote_words else "indirect"
    if main is not None and main.frame == "headline" and (main.verb in HEADLINE_VERBS or main.verb not in ACT_VERBS):
        return quoted
    if predicted == "none" and main is not None and not main.subordinate and not main.empty and main.verb not in ACT_VERBS:
        return quoted  # a main clause whose reporting verb has its own source reports that source
    if view.quote_count == 0 and view.cues and not any(cue.reports and not cue.empty for cue in view.cues):
        return "none"
    named_only = main is not None and main.frame == "by" and main.verb in _AUTHORING and (main.subordinate or main.passive)
    if view.quote_count == 0 and named_only:
        return "none"  # "..., as reported by the local paper": a source named, nothing of it reported
    return None


def _share_quote_speakers(view: ArticleView, records: list[Record]) -> None:
    """Sentences of one quotation share the speaker named in any of them.

    A quote that opens in one sentence and is attributed at the end of the
    next ("... to be trained. We don't know ...," a senior US official
    said) has its speaker named after the first sentence was resolved.
    """
    named: dict[int, Record] = {}
    for sentence, record in zip(view.sentences, records):
        if record.mention is not None:
            for quote in sentence.quote_ids:
                named.setdefault(quote, record)
    for sentence, record in zip(view.sentences, records):
        if record.quote == "none" or record.mention is not None:
            continue
        source = next((named[q] for q in sentence.quote_ids if q in named), None)
        if source is not None:
            record.speaker, record.speaker_confidence = source.speaker, source.speaker_confidence


def _predict_proba(model: CompiledClassifier | RefitClassifier, inputs: list[SentenceInput]) -> np.ndarray:
    """Probabilities in chunks of _CHUNK sentences, so one huge article does not hold every n-gram matrix at once."""
    return np.vstack([model.predict_proba(inputs[i : i + _CHUNK]) for i in range(0, len(inputs), _CHUNK)])


def _with_lexicon_prior(proba: np.ndarray, labels: list[str], inputs: list[SentenceInput]) -> np.ndarray:
    """Tilt the stance probabilities towards the label the cue lexicons' precedence rule gives.

    Five articles hold three denials; the hand-written lexicons know far
    more ways to deny, condemn or hedge than the classifier can learn from
    them, so their verdict acts as a prior (a fixed log-odds bonus of
    LEXICON_PRIOR) on the learned probabilities.  The seeds share one topic:
    held out by article, their log-loss is lowest near a bonus of 1, while
    news on other topics, where the learned words carry over less, is best
    served by more; 1.5 sits between, and from there up the labels given
    no longer change on either.
    """
    tilted = proba * np.exp(lexicon_prior(labels, inputs))
    return tilted / tilted.sum(axis=1, keepdims=True)


def lexicon_prior(labels: list[str], inputs: list[SentenceInput]) -> np.ndarray:
    """The log-odds bonus each stance label gets from the lexicons, one row per sentence (see _with_lexicon_prior)."""
    keys = [f"lex:lex_rule_{label}" for label in labels]
    bonus = np.zeros((len(inputs), len(labels)))
    for row, item in enumerate(inputs):
        evidence = item.stance_evidence
        for column, key in enumerate(keys):
            if evidence.get(key):
                bonus[row, column] = LEXICON_PRIOR
    return bonus


def _align(view: ArticleView, gold: list[Record]) -> list[Record | None]:
    """The gold record of each segmented sentence; None where boundaries disagree."""
    by_span = {(record.start, record.end): record for record in gold}
    return [by_span.get((sentence.span.start, sentence.span.end)) for sentence in view.sentences]
