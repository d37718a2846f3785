"""Splitting labelled articles so that no test sentence is scored on words it was trained on.

The seeds quote the same officials in the same words across outlets, so a
test sentence may have a near-copy in another article.  Every split by
article (the evaluation's held-out and leave-one-out splits, the folds the
tagger calibrates its confidences on) drops from training each sentence
that nearly copies a test sentence.
"""

from __future__ import annotations

import re

from attrib.corpus import Corpus

_WORDS = re.compile(r"\w+")
_MIN_WORDS = 5


def word_set(text: str) -> frozenset[str]:
    """The sentence's distinct words, lower-cased."""
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
    test_sets = [word_set(r.text) for r in corpus.records if r.article in test_articles]
    kept = [
        record
        for record, words in ((r, word_set(r.text)) for r in corpus.records if r.article not in test_articles)
        if not any(near_copy(words, t) for t in test_sets)
    ]
    return Corpus(kept, {a: t for a, t in corpus.texts.items() if a not in test_articles})
