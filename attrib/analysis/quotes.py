"""Quoted spans in an article.

Marks are paired by direction: an opening mark opens, a closing mark
closes the nearest open quote of its family, and straight marks, which have
no direction, alternate.  Newspapers leave a quote that runs over several
paragraphs open at each paragraph end and reopen it at the start of the
next; such a span is marked `continued` so that it inherits its speaker.
Odd or unbalanced marks never raise: an unclosed quote ends with its
paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attrib.analysis.segmentation import Span, paragraphs

# Opening mark -> the marks that may close it.
_CLOSERS: dict[str, str] = {
    "\u201c": "\u201d",  # “ ”
    "\u201e": "\u201c\u201d",  # „ “ (German) or „ ”
    "\u201f": "\u201d",
    "\u00ab": "\u00bb",  # « »
    "\u2039": "\u203a",  # ‹ ›
    "\u300c": "\u300d",  # 「 」
    "\u300e": "\u300f",  # 『 』
    "\u2018": "\u2019",  # ‘ ’
    "\u201a": "\u2018\u2019",  # ‚ ‘ or ‚ ’
}
_SINGLE_OPENERS = "\u2018\u201a"
_STRAIGHT = "\"\uff02"
_ALL_MARKS = re.compile("[\"'\uff02" + "".join(_CLOSERS) + "\u201d\u2019\u00bb\u203a\u300d\u300f]")


# Slots, not frozen: built as fast as a tuple (see segmentation.Span).
@dataclass(slots=True, unsafe_hash=True)
class QuoteSpan:
    """A quotation: `start`/`end` include the marks, `inner_*` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int
    closed: bool
    continued: bool


def find_quotes(text: str, paras: list[Span] | None = None) -> list[QuoteSpan]:
    """Top-level quoted spans, in order, never overlapping; `paras` are the text's paragraphs, when the caller has them."""
    spans: list[QuoteSpan] = []
    open_at_end = False
    for para in paragraphs(text) if paras is None else paras:
        para_spans = _paragraph_quotes(text, para, open_at_end)
        spans.extend(para_spans)
        open_at_end = bool(para_spans) and not para_spans[-1].closed
    return spans


def _paragraph_quotes(text: str, para: Span, previous_open: bool) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opener: tuple[int, str] | None = None  # position and mark of the open top-level quote
    nested: list[str] = []  # marks opened inside it
    for match in _ALL_MARKS.finditer(text, para.start, para.end):
        pos, mark = match.start(), match.group()
        if opener is None:
            if _opens(text, pos, mark, para):
                opener, nested = (pos, mark), []
            elif _closes_alone(text, pos, mark, para) and not spans and previous_open:
                # The quote ran on from the previous paragraph without a new opening mark.
                spans.append(_span(para, para.start, para.start, pos, pos + 1, True, True))
            continue
        start, first = opener
        if nested and _closes(text, pos, mark, nested[-1], para):
            nested.pop()
        elif _closes(text, pos, mark, first, para):
            continued = previous_open and not spans and text[para.start : start].strip() == ""
            spans.append(_span(para, start, start + 1, pos, pos + 1, True, continued))
            opener = None
        elif _opens(text, pos, mark, para) and mark not in _STRAIGHT:
            nested.append(mark)
    if opener is not None:
        start = opener[0]
        continued = previous_open and not spans and text[para.start : start].strip() == ""
        spans.append(_span(para, start, start + 1, para.end, para.end, False, continued))
    return spans


def _span(para: Span, start: int, inner_start: int, inner_end: int, end: int, closed: bool, continued: bool) -> QuoteSpan:
    return QuoteSpan(start, end, inner_start, inner_end, para.paragraph, closed, continued)


def _opens(text: str, pos: int, mark: str, para: Span) -> bool:
    if mark in _STRAIGHT or mark == "'" or mark in _SINGLE_OPENERS:
        # Undirected and single marks open only at a word start: "'sends", not "Putin's".
        before = text[pos - 1] if pos > para.start else " "
        after = text[pos + 1] if pos + 1 < para.end else " "
        # "Inc.'s unit": a possessive after an abbreviation's stop opens nothing.
        possessive = mark == "'" and after in "sS" and not _is_word_char(text[pos + 2] if pos + 2 < para.end else " ")
        return not _is_word_char(before) and not after.isspace() and not possessive
    return mark in _CLOSERS


def _closes(text: str, pos: int, mark: str, opening: str, para: Span) -> bool:
    # Copy mixes straight and curly double marks ("... line,” he said): either closes the other.
    if opening in _STRAIGHT:
        return mark == opening or mark == "\u201d"
    if opening == "\u201c" and mark in _STRAIGHT:
        return not _opens(text, pos, mark, para)
    if mark not in _CLOSERS.get(opening, "'\u2019"):
        return False
    if opening in "'" + _SINGLE_OPENERS:
        # A single closing mark is also the apostrophe: close only at a word end.
        after = text[pos + 1] if pos + 1 < para.end else " "
        return not _is_word_char(after)
    return True


def _closes_alone(text: str, pos: int, mark: str, para: Span) -> bool:
    """A double closing mark with no opener, as when a paragraph ends a run-on quote."""
    return mark in "\u201d\u00bb\u203a\u300d\u300f" or (mark in _STRAIGHT and not _opens(text, pos, mark, para))


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
