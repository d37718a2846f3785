"""Paragraphs and sentences with character offsets into the original text.

News text breaks the usual rules: headlines and captions have no final
full stop, honorifics end in one ("Mr. Healey"), quoted sentences end
inside the closing mark, and a quote may run over several sentences.  A
paragraph is a line; a sentence never crosses a line break.

A sentence is at most MAX_SENTENCE characters.  An unpunctuated
transcript or a scraped page can run for thousands of characters without a
full stop, and the speaker features compare every mention with every cue
in a sentence; cutting overlong sentences keeps each sentence's cost
bounded and the whole article's cost linear in its length.  Real news
sentences stay well under the limit (the longest labelled one has fewer
than 500 characters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A paragraph ends at a line break: \n (also of \r\n), a lone \r, \v, \f,
# \x1c-\x1e, \x85 and the Unicode line and paragraph separators, which
# are exactly the breaks str.splitlines knows.

# A run of sentence-final marks, the closing quotes or brackets that may
# follow, and then whitespace.  CJK full stops end a sentence with no space.
# The first mark is written out before the run ("[.!?][.!?]*", not "[.!?]+"):
# a pattern that opens with one character class lets the engine skip ahead
# to a mark, 2.5 times as fast (measured).
_LATIN_END = re.compile(r"[.!?\u2026][.!?\u2026]*[\"'\u201d\u2019\u00bb\u203a\u300d\u300f)\]]*(?=\s)")
_CJK_MARKS = "\u3002\uff01\uff1f"
_CJK_END = re.compile(r"[\u3002\uff01\uff1f]+[\u300d\u300f\u201d\u2019]*")

# Words that take a full stop but rarely end a sentence.
_TITLES = frozenset(
    """mr mrs ms mx dr prof sir st sr jr gen lt col capt cpt sgt maj adm cmdr
    brig det insp supt cpl pvt cdr atty fr engr rt smt alh
    gov sen rep rev hon pres messrs mme mlle vs v cf al approx ca fig figs
    dept est vol nos""".split()
)
# Abbreviations that are part of the sentence only when a number follows.
_BEFORE_NUMBER = frozenset(
    "no jan feb mar apr jun jul aug sep sept oct nov dec art para p pp".split()
)
# Dotted abbreviations (U.S., U.N., e.g., a.m.) end a sentence only when
# the next word usually starts one.
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")
_SENTENCE_STARTERS = frozenset(
    """The A An He She It They We I You This That These Those There But And
    In On At After Before When While However Meanwhile His Her Their Its""".split()
)
# A picture's credit in brackets: "(AP Photo)", "(Photo by Jan Berg/Getty Images)", "(AFP/Simon Maina)".
_PICTURE = r"\((?:[^()\n]{0,40}\b(?:Photo|Photograph|Picture|Image|Images)\b[^()\n]{0,60}|[^()\n/ ][^()\n/]{0,39}/[^()\n]{1,60})\)"
# A caption ends with one.
CAPTION_CREDIT = re.compile(_PICTURE + r"\s*$")
# A credit in brackets: a news agency ("(AP)", "(Reuters)"), any source in a dateline's brackets
# before its dash ("CARSON CITY, Nev. (Western Press) — ..."), or a picture's.
_CREDIT = re.compile(r"\([A-Z][A-Za-z]{1,9}\)|\([^()\n]{1,40}\)\s*(?:--|[-\u2013\u2014])(?=\s)|" + _PICTURE)
_OPENERS = "\"'\u201c\u2018\u00ab\u2039\u201e\u201a\u300c\u300e([\uff02"
_WORD_BEFORE = re.compile(r"(\S+)$")
# The longest sentence; a longer one is cut at the last clause boundary
# (after a comma, semicolon, colon or dash followed by a space, or before a
# spaced dash) in the second half of the limit, else at the last space,
# else (no space at all) at the limit.
MAX_SENTENCE = 500
_CLAUSE_BREAK = re.compile(r"(?<=[,;:\u2013\u2014])(?=\s)|(?=\s[-\u2013\u2014]\s)")
_WORD_AFTER = re.compile(r"\S+")


# Built for every line and sentence.  Slots and no frozen=True: a frozen dataclass sets each
# field through object.__setattr__, five times slower to build (measured); nothing assigns to
# one afterwards, and unsafe_hash gives the hash a frozen dataclass has.
@dataclass(slots=True, unsafe_hash=True)
class Span:
    """A sentence or paragraph: `text == article[start:end]`."""

    start: int
    end: int
    text: str
    paragraph: int


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines, trimmed of surrounding whitespace (str.splitlines finds the lines in a fifth of a regex's time)."""
    spans: list[Span] = []
    line_start = 0
    for line, whole in zip(text.splitlines(), text.splitlines(keepends=True)):
        span = _trimmed(text, line_start, line_start + len(line), len(spans))
        if span is not None:
            spans.append(span)
        line_start += len(whole)
    return spans


def split_sentences(text: str, paras: list[Span] | None = None) -> list[Span]:
    """Every sentence of `text` in order; together they cover all its non-whitespace.

    `paras` are its paragraphs, when the caller has them already.
    """
    sentences: list[Span] = []
    # Most text holds no CJK full stop: a substring test spares a regex search of every paragraph.
    cjk = any(mark in text for mark in _CJK_MARKS)
    for para in paragraphs(text) if paras is None else paras:
        start = para.start
        for cut in [*_cuts(text, para.start, para.end, cjk), para.end]:
            span = _trimmed(text, start, cut, para.paragraph)
            if span is not None:
                sentences.extend(_bounded(text, span))
            start = cut
    return sentences


def _bounded(text: str, span: Span) -> list[Span]:
    """`span` cut into pieces of at most MAX_SENTENCE characters (see the module docstring)."""
    pieces: list[Span] = []
    start = span.start
    while span.end - start > MAX_SENTENCE:
        cut = _last_cut(text, start)
        piece = _trimmed(text, start, cut, span.paragraph)
        if piece is not None:
            pieces.append(piece)
        start = cut
    piece = _trimmed(text, start, span.end, span.paragraph)
    if piece is not None:
        pieces.append(piece)
    return pieces


def _last_cut(text: str, start: int) -> int:
    """Where a piece that starts at `start` ends: the last clause boundary in its second half, else the last space."""
    limit = start + MAX_SENTENCE
    clause = None
    for clause in _CLAUSE_BREAK.finditer(text, start + MAX_SENTENCE // 2, limit):
        pass
    if clause is not None:
        return clause.start()
    return next((i for i in range(limit, start, -1) if text[i].isspace()), limit)


def _cuts(text: str, start: int, end: int, cjk: bool) -> list[int]:
    """Offsets inside one paragraph where a sentence ends; `cjk`: the text holds a CJK full stop."""
    cuts = [m.end() for m in _CJK_END.finditer(text, start, end) if m.end() < end] if cjk else []
    for match in _LATIN_END.finditer(text, start, end):
        if _ends_sentence(text, match.start(), match.end(), end):
            cuts.append(match.end())
    return sorted(cuts) if cjk else cuts


def _ends_sentence(text: str, mark: int, after: int, end: int) -> bool:
    following = _WORD_AFTER.search(text, after, end)
    if following is None:
        return False
    nxt = following.group()
    first = nxt[0]
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    if first == "(" and (nxt[1:2].islower() or _CREDIT.match(text, following.start())):
        # "Altria Group Inc. (down $4.62) fell": a lower-case aside goes on with the sentence; so does a
        # dateline's agency ("MILLBROOK, Pa. (AP) -- ...") and a caption's credit ("... 2012. (AP Photo)").
        return False
    if text[mark] != ".":
        return True
    before = _WORD_BEFORE.search(text, max(mark - 40, 0), mark)
    if before is None:
        return True
    word = before.group().lstrip(_OPENERS)
    lower = word.lower()
    if lower in _TITLES:
        return False
    if lower in _BEFORE_NUMBER and first.isdigit():
        return False
    if len(word) == 1 and word.isupper():
        # An initial ("George W. Bush") goes on with a name; a quotation or a sentence's usual first
        # word after one ends the sentence ("the comedian wrote on X. \"That is ...\"").
        return first in _OPENERS or nxt in _SENTENCE_STARTERS
    if _DOTTED.search(word + "."):
        return nxt in _SENTENCE_STARTERS
    return True


def _trimmed(text: str, start: int, end: int, paragraph: int) -> Span | None:
    """`text[start:end]` without its surrounding whitespace (`strip` drops what `isspace` tells), None when nothing is left."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    start += len(piece) - len(piece.lstrip())
    return Span(start, start + len(stripped), stripped, paragraph)
