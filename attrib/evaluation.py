"""Honest scores: split by article, near-copies kept on one side, beside two baselines.

The seeds quote the same officials in the same words across outlets, so a
test sentence may have a near-copy in another article.  Every split here
drops from training each sentence that nearly copies a test sentence, so
the model is never scored on words it was trained on.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from attrib.corpus import Corpus
from attrib.lexicon import keyword_stance
from attrib.metrics import score
from attrib.records import Record
from attrib.structure import analyse, words_between
from attrib.tagger import Tagger

# Two articles from different outlets, together holding every stance and
# quote type; see the README for why these two.
HELD_OUT: tuple[str, ...] = ("002_8434543e79469e45", "004_7d1d04a31ce8ace6")
_WORDS = re.compile(r"\w+")
_MIN_WORDS = 5


def _word_set(text: str) -> frozenset[str]:
    return frozenset(word.lower() for word in _WORDS.findall(text))


def near_copy(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sentences of five words or more that share most of their words.

    Either half their joint vocabulary is shared (Jaccard 0.5), or 65% of the
    shorter one's words recur in the other: a quote carried inside a longer
    sentence elsewhere ("Speaking at Trinity House, he told reporters: ...").
    """
    if min(len(a), len(b)) < _MIN_WORDS:
        return False
    shared = len(a & b)
    return shared / len(a | b) >= 0.5 or shared / min(len(a), len(b)) >= 0.65


def training_part(corpus: Corpus, test_articles: set[str]) -> Corpus:
    """The corpus minus the test articles and minus every near-copy of a test sentence."""
    test_sets = [_word_set(r.text) for r in corpus.records if r.article in test_articles]
    kept = [
        record
        for record in corpus.records
        if record.article not in test_articles and not any(near_copy(_word_set(record.text), t) for t in test_sets)
    ]
    return Corpus(kept, {a: t for a, t in corpus.texts.items() if a not in test_articles})


def _predictions(tagger: Tagger, corpus: Corpus, articles: list[str]) -> list[Record]:
    tagged = tagger.tag_many([(article, corpus.texts[article]) for article in articles])
    return [record for records in tagged for record in records]


def majority_baseline(train: Corpus, corpus: Corpus, articles: list[str]) -> list[Record]:
    """Every sentence gets the training set's most common quote type, stance and speaker."""
    quote = Counter(r.quote for r in train.records).most_common(1)[0][0]
    stance = Counter(r.stance for r in train.records).most_common(1)[0][0]
    speakers = Counter(r.speaker for r in train.records if r.speaker)
    speaker = speakers.most_common(1)[0][0] if speakers and quote != "none" else None
    return [
        Record(article, view.index, view.span.start, view.span.end, view.text, quote, speaker, None, None, stance)
        for article in articles
        for view in analyse(corpus.texts[article]).sentences
    ]


def keyword_baseline(corpus: Corpus, articles: list[str]) -> list[Record]:
    """Rules a newsroom script would use: quote marks, a reporting verb, the name before it, cue words."""
    records: list[Record] = []
    for article in articles:
        view = analyse(corpus.texts[article])
        for sentence in view.sentences:
            record = Record(article, sentence.index, sentence.span.start, sentence.span.end, sentence.text)
            if sentence.longest_quote_words >= 4:
                record.quote = "direct"
            elif sentence.cues:
                record.quote = "indirect"
            if record.quote != "none":
                record.stance = keyword_stance(sentence.text)
                cue = sentence.cues[0] if sentence.cues else None
                before = [m for m in sentence.mentions if cue is not None and m.end <= cue.start]
                if before and cue is not None and words_between(view.text, before[-1].end, cue.start) <= 3:
                    record.speaker = view.names.canonical(before[-1])
            records.append(record)
    return records


def _report(train: Corpus, corpus: Corpus, articles: list[str], bootstrap: int) -> dict[str, Any]:
    gold = [r for r in corpus.records if r.article in set(articles)]
    tagger = Tagger().fit(train)
    return {
        "test_articles": articles,
        "train_sentences": len(train.records),
        "model": score(gold, _predictions(tagger, corpus, articles), bootstrap=bootstrap),
        "majority": score(gold, majority_baseline(train, corpus, articles), bootstrap=0),
        "keywords": score(gold, keyword_baseline(corpus, articles), bootstrap=0),
    }


def held_out(corpus: Corpus, test_articles: tuple[str, ...] = HELD_OUT, bootstrap: int = 1000) -> dict[str, Any]:
    """Train on the seeds minus the held-out articles (and their near-copies); score on those."""
    missing = [a for a in test_articles if a not in corpus.texts]
    if missing:
        raise ValueError(f"held-out articles not in the corpus: {', '.join(missing)}")
    train = training_part(corpus, set(test_articles))
    return {"split": "held-out", **_report(train, corpus, list(test_articles), bootstrap)}


def cross_validate(corpus: Corpus, bootstrap: int = 1000) -> dict[str, Any]:
    """Leave one article out, for each article; predictions pooled, then scored once."""
    gold: list[Record] = []
    pooled: dict[str, list[Record]] = {"model": [], "majority": [], "keywords": []}
    for article in corpus.articles:
        train = training_part(corpus, {article})
        gold.extend(r for r in corpus.records if r.article == article)
        pooled["model"].extend(_predictions(Tagger().fit(train), corpus, [article]))
        pooled["majority"].extend(majority_baseline(train, corpus, [article]))
        pooled["keywords"].extend(keyword_baseline(corpus, [article]))
    return {
        "split": "leave-one-article-out",
        "test_articles": corpus.articles,
        "model": score(gold, pooled["model"], bootstrap=bootstrap),
        "majority": score(gold, pooled["majority"], bootstrap=0),
        "keywords": score(gold, pooled["keywords"], bootstrap=0),
    }


def evaluate_model(tagger: Tagger, corpus: Corpus, bootstrap: int = 1000) -> dict[str, Any]:
    """A saved model scored on any labelled set.

    With no training data at hand, the majority baseline takes the scored
    set's own majority labels, which flatters it.
    """
    articles = corpus.articles
    return {
        "split": "gold",
        "test_articles": articles,
        "model": score(corpus.records, _predictions(tagger, corpus, articles), bootstrap=bootstrap),
        "majority": score(corpus.records, majority_baseline(corpus, corpus, articles), bootstrap=0),
        "keywords": score(corpus.records, keyword_baseline(corpus, articles), bootstrap=0),
    }
