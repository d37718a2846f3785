"""One pass over an article: sentences, quotations, reporting cues and mentions.

Everything downstream (quote type, speaker, stance) reads these views, so
the article is segmented and scanned once, whatever models run on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attrib.analysis import gazetteer as gz
from attrib.analysis.frames import Cue, annotate, main_cue
from attrib.analysis.lexicon import FINDING_VERBS, HEADLINE_VERBS, finding_cues, headline_cues, reporting_cues
from attrib.analysis.names import Mention, NameTable, find_mentions
from attrib.analysis.prose import CLOSERS, DOCUMENT, STOPS, is_credit_line
from attrib.analysis.quotes import QuoteSpan, find_quotes
from attrib.analysis.segmentation import CAPTION_CREDIT, Span, paragraphs, split_sentences

__all__ = ["ArticleView", "Cue", "SentenceView", "analyse", "words_between"]

_WORD = re.compile(r"\w+")
# ASCII bytes with the word characters of \w kept and every other byte made a space.
_ASCII_WORD_BYTES = bytes(c if c < 128 and (chr(c).isalnum() or chr(c) == "_") else 32 for c in range(256))
# A headline ending ": Pentagon": a colon, then one to four words and no final stop.
_HEADLINE_SOURCE = re.compile(r":\s+(?:[\w'\u2019-]+\s+){0,3}[\w'\u2019-]+$")
# A headline opening "China: ...": one to three words, a colon, then the claim.
_LEADING_SOURCE = re.compile(r"^[\w'\u2019.&-]+(?:\s+[\w'\u2019.&-]+){0,2}(?=:\s+\S+\s+\S+\s+\S)")
# A caption carries its picture's credit: "... on Sunday. (Photo by Jane Doe/Agency)", "Photo: Jan Berg".
_PICTURE_CREDIT = re.compile(
    r"(?:^|[(\[])\s*(?:\w+\s+)?(?:photo|photograph|picture|image|file photo|credit)s?\s*(?:by\b|:|/)", re.IGNORECASE
)
# One of these is in every match of _PICTURE_CREDIT ("photograph" and "file photo" hold "photo").
_CREDIT_WORDS = ("photo", "picture", "image", "credit")


def words_between(text: str, start: int, end: int) -> int:
    """How many words lie between two offsets; a large number when they are out of order.

    ASCII text is counted by bytes.translate and split, a fifth of the
    regex's time (measured); other text by the regex.
    """
    if start > end:
        return 99
    if start >= 0:
        span = text[start:end]
        if span.isascii():
            return len(span.encode("ascii").translate(_ASCII_WORD_BYTES).split())
    return len(_WORD.findall(text, start, end))


# Slots, not frozen: built as fast as a tuple (see segmentation.Span).
@dataclass(slots=True, unsafe_hash=True)
class SentenceView:
    """A sentence and what lies in and around it.

    `starts_inside` is true when the sentence begins inside a quotation
    opened earlier (a later sentence of a multi-sentence quote, or a
    paragraph that reopens a quote run over from the previous one).
    `headline` marks a paragraph of one short sentence with no final stop;
    `credit` a byline, a credit line or a picture caption; `reporting_word`
    that the lexicons find a reporting cue anywhere in it, quotations
    included (found once here: the classifiers' features ask too); `main` the cue
    whose frame names the sentence's source, if any (found once here: the
    quote-type rules and the speaker features both ask).
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
    headline: bool
    credit: bool
    reporting_word: bool
    main: Cue | None

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
    paras = paragraphs(text)
    sentences = split_sentences(text, paras)
    quotes = find_quotes(text, paras)
    paragraph_starts: dict[int, int] = {}
    paragraph_sizes: dict[int, int] = {}
    # A picture's credit makes its whole paragraph a caption.
    credits = _may_credit_pictures(text)
    captions = {
        sentence.paragraph
        for sentence in sentences
        if credits and _PICTURE_CREDIT.search(sentence.text) or sentence.text.endswith(")") and CAPTION_CREDIT.search(sentence.text)
    }
    for sentence in sentences:
        paragraph_starts.setdefault(sentence.paragraph, sentence.start)
        paragraph_sizes[sentence.paragraph] = paragraph_sizes.get(sentence.paragraph, 0) + 1
    views: list[SentenceView] = []
    q = 0
    for index, sentence in enumerate(sentences):
        while q < len(quotes) and quotes[q].end <= sentence.start:
            q += 1
        k = q
        while k < len(quotes) and quotes[k].start < sentence.end:
            k += 1
        alone = paragraph_sizes[sentence.paragraph] == 1
        caption = sentence.paragraph in captions
        views.append(_view(text, index, sentence, quotes, range(q, k), paragraph_starts[sentence.paragraph], alone, caption))
    mentions = [m for view in views for m in view.mentions]
    return ArticleView(text, views, NameTable.build(text, mentions))


def _reports_finding(cue: Cue) -> bool:
    """ "The review found that ...", "a poll showed ...": a finding verb reports only a document's
    finding, or a clause that its subject established, or what researchers found; "police found a body"
    reports nothing."""
    if cue.source is None or cue.frame != "subject":
        return False
    return cue.source.entity == DOCUMENT or cue.content or cue.source.text.split()[-1].lower() in gz.RESEARCHERS


def _may_credit_pictures(text: str) -> bool:
    """Whether `text` holds a word _PICTURE_CREDIT needs: most articles do not, and their sentences need no search.

    The case-blind search costs about 9 us a sentence, substring tests on
    the lower-cased article a small part of that (measured).  Case-blind,
    "i" also matches the dotted and dotless capital I, which lower() does
    not map to "i": an article holding either is searched.
    """
    lowered = text.lower()
    return "\u0130" in text or "\u0131" in text or any(word in lowered for word in _CREDIT_WORDS)


def _view(
    text: str,
    index: int,
    sentence: Span,
    all_quotes: list[QuoteSpan],
    ids: range,
    paragraph_start: int,
    alone: bool,
    caption: bool,
) -> SentenceView:
    # One pass over the quotes the sentence touches (most sentences touch none).
    quote_ids: list[int] = []
    blocked: list[tuple[int, int]] = []
    quoted_chars = longest = 0
    starts_inside = continued = opens = False
    for i in ids:
        qs = all_quotes[i]
        blocked.append((qs.inner_start, qs.inner_end))
        a, b = max(qs.inner_start, sentence.start), min(qs.inner_end, sentence.end)
        if a < b:
            quote_ids.append(i)
            quoted_chars += b - a
            longest = max(longest, len(text[a:b].split()))
        starts_inside = starts_inside or qs.start < sentence.start < qs.end
        continued = continued or (qs.continued and qs.start <= sentence.start < qs.end)
        opens = opens or qs.start == sentence.start
    first = sentence.start == paragraph_start
    continued = continued and first
    final = sentence.text.rstrip(CLOSERS)[-1:]
    headline = alone and not starts_inside and final not in STOPS and len(sentence.text.split()) <= 20
    found = reporting_cues(sentence.text)
    raw = [(sentence.start + a, sentence.start + b, word) for a, b, word in found]
    if headline:
        raw = _with_headline_verbs(sentence, raw)
    findings = [(sentence.start + a, sentence.start + b, word) for a, b, word in finding_cues(sentence.text)]
    if findings:
        raw = sorted(raw + findings)
    if blocked:
        raw = [cue for cue in raw if not any(x <= cue[0] < y for x, y in blocked)]
    mentions = find_mentions(text, sentence.start, sentence.end, blocked)
    if headline:
        mentions = _split_at_cues(text, mentions, raw, blocked)
    colon = _colon_source(text, sentence, mentions) if headline or final not in STOPS else None
    cues = annotate(text, sentence.start, sentence.end, raw, tuple(mentions), blocked, headline)
    if findings:
        cues = tuple(cue for cue in cues if (cue.start, cue.end, cue.text) not in findings or _reports_finding(cue))
    if colon is not None and colon.source is not None:
        mentions = [m for m in mentions if m.start != colon.source.start] + [colon.source]
        mentions.sort(key=lambda m: m.start)
        cues = tuple(sorted((*cues, colon), key=lambda c: c.start))
    return SentenceView(
        index=index,
        span=sentence,
        quoted_chars=quoted_chars,
        longest_quote_words=longest,
        quote_count=len(quote_ids),
        starts_inside=starts_inside,
        continued=continued or (starts_inside and first),
        opens_quote=opens,
        cues=cues,
        mentions=tuple(mentions),
        quote_ids=tuple(quote_ids),
        headline_source=colon is not None,
        headline=headline,
        credit=caption or is_credit_line(sentence.text),
        reporting_word=bool(found) or any(cue.text.lower() in FINDING_VERBS for cue in cues),
        main=main_cue(cues),
    )


def _with_headline_verbs(sentence: Span, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Reporting cues plus the headline's present-tense verbs that no cue covers."""
    extra = [
        (sentence.start + a, sentence.start + b, word)
        for a, b, word in headline_cues(sentence.text)
        if not any(x < sentence.start + b and sentence.start + a < y for x, y, _ in raw)
    ]
    return sorted(raw + extra)


def _split_at_cues(
    text: str, mentions: list[Mention], cues: list[tuple[int, int, str]], blocked: list[tuple[int, int]]
) -> list[Mention]:
    """A Title Case headline runs source, verb and object together ("Ministry Denies Report"): cut the run at the verb."""
    out: list[Mention] = []
    for mention in mentions:
        cut = next(((a, b) for a, b, _ in cues if mention.start < a and b <= mention.end), None)
        if cut is None:
            out.append(mention)
        else:
            out.extend(find_mentions(text, mention.start, cut[0], blocked))
            out.extend(find_mentions(text, cut[1], mention.end, blocked))
    return out


def _colon_source(text: str, sentence: Span, mentions: list[Mention]) -> Cue | None:
    """ "Drone sparks fire at refinery: governor" and "China: boats entered its waters": the colon attributes.

    The words after the colon need at least three words before them; the
    words before it must be exactly one mention (a section label such as
    "Analysis:" is none).
    """
    trailing = _HEADLINE_SOURCE.search(sentence.text)
    if trailing and not HEADLINE_VERBS.isdisjoint(w.lower() for w in _WORD.findall(trailing.group())):
        trailing = None  # "'We will not back down': Reeves defends plan": a clause, with its own verb
    if trailing and len(_WORD.findall(sentence.text, 0, trailing.start())) >= 3:
        colon = sentence.start + trailing.start()
        source_start = colon + 1
        while text[source_start].isspace():
            source_start += 1
        source = next((m for m in mentions if (m.start, m.end) == (source_start, sentence.end)), None)
        if source is None:
            words = text[source_start : sentence.end]
            source = Mention(source_start, sentence.end, words, "role", title=words)
        return Cue(colon, colon + 1, "", source, "headline")
    leading = _LEADING_SOURCE.match(sentence.text)
    if leading:
        end = sentence.start + leading.end()
        source = next((m for m in mentions if (m.start, m.end) == (sentence.start, end) and m.kind != "pronoun"), None)
        if source is not None:
            return Cue(end, end + 1, "", source, "headline")
    return None
