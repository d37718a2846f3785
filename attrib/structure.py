"""One pass over an article: sentences, quotations, reporting cues and mentions.

Everything downstream (quote type, speaker, stance) reads these views, so
the article is segmented and scanned once, whatever models run on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attrib.lexicon import reporting_cues
from attrib.names import Mention, NameTable, find_mentions
from attrib.quotes import QuoteSpan, find_quotes
from attrib.segmentation import Span, split_sentences


_WORD = re.compile(r"\w+")
# A headline ending ": Pentagon": a colon, then one to four words and no final stop.
_HEADLINE_SOURCE = re.compile(r":\s+(?:[\w'\u2019-]+\s+){0,3}[\w'\u2019-]+$")


def words_between(text: str, start: int, end: int) -> int:
    """How many words lie between two offsets; a large number when they are out of order."""
    return len(_WORD.findall(text, start, end)) if start <= end else 99


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SentenceView:
    """A sentence and what lies in and around it.

    `starts_inside` is true when the sentence begins inside a quotation
    opened earlier (a later sentence of a multi-sentence quote, or a
    paragraph that reopens a quote run over from the previous one).
    """

    index: int
    span: Span
    quoted_chars: int
    longest_quote_words: int
    quote_count: int
    starts_inside: bool
    continued: bool
    opens_quote: bool
    cues: tuple[Cue, ...]
    mentions: tuple[Mention, ...]
    quote_ids: tuple[int, ...]
    headline_source: bool

    @property
    def text(self) -> str:
        return self.span.text


@dataclass(frozen=True)
class ArticleView:
    text: str
    sentences: list[SentenceView]
    names: NameTable


def analyse(text: str) -> ArticleView:
    """Segment and scan `text` once."""
    sentences = split_sentences(text)
    quotes = find_quotes(text)
    paragraph_starts: dict[int, int] = {}
    for sentence in sentences:
        paragraph_starts.setdefault(sentence.paragraph, sentence.start)
    views: list[SentenceView] = []
    q = 0
    for index, sentence in enumerate(sentences):
        while q < len(quotes) and quotes[q].end <= sentence.start:
            q += 1
        k = q
        while k < len(quotes) and quotes[k].start < sentence.end:
            k += 1
        views.append(_view(text, index, sentence, quotes, range(q, k), paragraph_starts[sentence.paragraph]))
    mentions = [m for view in views for m in view.mentions]
    return ArticleView(text, views, NameTable.build(text, mentions))


def _view(text: str, index: int, sentence: Span, all_quotes: list[QuoteSpan], ids: range, paragraph_start: int) -> SentenceView:
    quotes = [all_quotes[i] for i in ids]
    clipped = [(i, max(all_quotes[i].inner_start, sentence.start), min(all_quotes[i].inner_end, sentence.end)) for i in ids]
    inside = [(i, a, b) for i, a, b in clipped if a < b]
    inner = [(a, b) for _, a, b in inside]
    quoted_chars = sum(b - a for a, b in inner)
    longest = max((len(text[a:b].split()) for a, b in inner), default=0)
    starts_inside = any(qs.start < sentence.start < qs.end for qs in quotes)
    first = sentence.start == paragraph_start
    continued = any(qs.continued and qs.start <= sentence.start < qs.end for qs in quotes) and first
    opens = any(qs.start == sentence.start for qs in quotes)
    blocked = [(qs.inner_start, qs.inner_end) for qs in quotes]
    cues = tuple(
        Cue(sentence.start + a, sentence.start + b, word)
        for a, b, word in reporting_cues(sentence.text)
        if not any(x <= sentence.start + a < y for x, y in blocked)
    )
    headline = _HEADLINE_SOURCE.search(sentence.text)
    headline_source = bool(headline) and len(_WORD.findall(sentence.text, 0, headline.start())) >= 3
    if headline and headline_source:
        # "Israel rejects UN report: foreign ministry": the colon attributes, with no reporting word.
        colon = sentence.start + headline.start()
        cues = (*cues, Cue(colon, colon + 1, ""))
    mentions = tuple(find_mentions(text, sentence.start, sentence.end, blocked))
    return SentenceView(
        index=index,
        span=sentence,
        quoted_chars=quoted_chars,
        longest_quote_words=longest,
        quote_count=len(inner),
        starts_inside=starts_inside,
        continued=continued or (starts_inside and first),
        opens_quote=opens,
        cues=cues,
        mentions=mentions,
        quote_ids=tuple(i for i, _, _ in inside),
        headline_source=headline_source,
    )
