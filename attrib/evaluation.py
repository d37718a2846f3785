"""Honest scores: split by article, near-copies kept on one side, beside two baselines.

Every split here drops from training each sentence that nearly copies a
test sentence (see `attrib.model.splits`), so the model is never scored on words
it was trained on.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from attrib.corpus import Corpus
from attrib.analysis.lexicon import keyword_stance
from attrib.metrics import score
from attrib.records import Record
from attrib.model.splits import training_part
from attrib.analysis.structure import analyse, words_between
from attrib.model.tagger import Tagger

# Two articles from different outlets, together holding every stance and
# quote type; see the README for why these two.
HELD_OUT: tuple[str, ...] = ("002_8434543e79469e45", "004_7d1d04a31ce8ace6")
# The development set: real news, for measuring only (see its README).
DEV_SET = Path("data") / "dev"


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


def evaluate_model(tagger: Tagger, corpus: Corpus, bootstrap: int = 1000, split: str = "gold") -> dict[str, Any]:
    """A saved model scored on any labelled set (`split` names the set in the report).

    With no training data at hand, the majority baseline takes the scored
    set's own majority labels, which flatters it.
    """
    articles = corpus.articles
    return {
        "split": split,
        "test_articles": articles,
        "model": score(corpus.records, _predictions(tagger, corpus, articles), bootstrap=bootstrap),
        "majority": score(corpus.records, majority_baseline(corpus, corpus, articles), bootstrap=0),
        "keywords": score(corpus.records, keyword_baseline(corpus, articles), bootstrap=0),
    }


def dev_set() -> tuple[Path, Path]:
    """The development set's labels file and articles directory.

    data/dev under the working directory, else in the source tree attrib
    runs from (a clone, or an editable install).  The set is not installed
    with the package: it is real news, for measuring while developing.
    """
    for root in (Path.cwd(), Path(__file__).resolve().parents[1]):
        directory = root / DEV_SET
        if (directory / "labels.jsonl").is_file():
            return directory / "labels.jsonl", directory / "articles"
    raise FileNotFoundError(
        f"no development set: {DEV_SET}/labels.jsonl is in a clone of attrib's repository; "
        "run from the clone, or score another labelled set with --gold FILE --articles DIR"
    )
