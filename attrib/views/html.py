"""One self-contained HTML page of tagged articles: who said what, coloured by stance.

The page has no scripts and loads nothing (a Content-Security-Policy
forbids it), so it opens offline and prints as it shows.  Article text
and ids are untrusted: every piece of them goes through html.escape, and
links and anchors use article numbers, never ids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from attrib.records import STANCES, Record
from attrib.views.summary import Summary, SpeakerRow, summarise

_LINE_BREAKS = re.compile(r"(?:\r\n|\r|\n)(?:[ \t\f\v]*(?:\r\n|\r|\n))*")
_MEANINGS = {
    "condemn": "denounces an act",
    "hedge": "likely, unconfirmed, conditional",
    "confirm": "asserts it happened",
    "deny": "rejects the claim",
    "none": "attributed, no stance",
}
_CSS = """
:root { --condemn: #f6c1bd; --hedge: #fbe3a1; --confirm: #bfe5c2; --deny: #cfd4f7; --none: #e3e3e3;
  --condemn-edge: #b3261e; --hedge-edge: #9a6b00; --confirm-edge: #1e7b34; --deny-edge: #3640a8; --none-edge: #666; }
* { box-sizing: border-box; }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: #1b1b1b; background: #fff;
  margin: 0 auto; padding: 1rem; max-width: 52rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ccc; overflow-wrap: anywhere; }
.meta, .legend, table, .who, figcaption { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
.meta { color: #555; margin: 0 0 1rem; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem .9rem; padding: 0; margin: 0 0 1rem; list-style: none; font-size: .9rem; }
.legend li { display: flex; align-items: center; gap: .35rem; }
.swatch { display: inline-block; width: 1.1rem; height: 1.1rem; border-radius: 3px; border-bottom: 3px solid; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { padding: .3rem .45rem; border-bottom: 1px solid #ddd; text-align: right; vertical-align: top; }
th:first-child, td:first-child, td.articles, th.articles { text-align: left; }
td.zero { color: #bbb; }
td.articles a { margin-right: .4rem; }
p { margin: 0 0 .8rem; overflow-wrap: anywhere; }
mark { color: inherit; padding: .05rem .1rem; border-radius: 2px; border-bottom: 2px solid;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.who { font-size: .75rem; white-space: nowrap; padding: 0 .3rem; margin: 0 .15rem; border-radius: 8px;
  border: 1px solid; vertical-align: .1em; }
mark:focus { outline: 2px solid #000; }
mark:focus::after, mark:hover::after { content: " [" attr(data-tip) "]"; font-family: system-ui, sans-serif;
  font-size: .75rem; color: #333; }
""" + "".join(
    f".s-{s} {{ background: var(--{s}); border-color: var(--{s}-edge); }}\n"
    f".who.s-{s} {{ background: #fff; color: var(--{s}-edge); }}\n"
    for s in STANCES
) + """
@media (max-width: 600px) {
  body { padding: .6rem; font-size: 15px; }
  th, td { padding: .25rem .3rem; }
  .who { white-space: normal; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .scroll { overflow: visible; }
  article { break-before: page; }
  tr, mark { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  mark:hover::after { content: none; }
}
"""


def html_page(articles: Sequence[tuple[str, str]], records: Sequence[Sequence[Record]], title: str = "attrib: who said what") -> str:
    """The page for (id, text) articles and their records, in the same order."""
    flat = [record for group in records for record in group]
    summary = summarise(flat)
    numbers = {article_id: number for number, (article_id, _) in reversed(list(enumerate(articles)))}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{escape(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head><body>",
        f"<header><h1>{escape(title)}</h1>",
        f'<p class="meta">{len(articles)} article(s), {summary.sentences} sentences, {summary.quotes} attributed to '
        f"{len(summary.rows)} speaker(s). Hover over or tap a highlighted sentence for its confidence.</p>",
        _legend(),
        "</header>",
        _summary_table(summary, numbers),
    ]
    for number, ((article_id, text), group) in enumerate(zip(articles, records)):
        parts.append(_article(number, article_id, text, group))
    parts.append("</body></html>")
    return "\n".join(parts)


def _legend() -> str:
    items = "".join(
        f'<li><span class="swatch s-{s}"></span><b>{s}</b> {escape(_MEANINGS[s])}</li>' for s in STANCES
    )
    return f'<ul class="legend" aria-label="stance colours">{items}</ul>'


def _summary_table(summary: Summary, numbers: dict[str, int]) -> str:
    head = "".join(f'<th scope="col" class="s-{s}">{s}</th>' for s in STANCES)
    rows = [*summary.rows, summary.unattributed] if summary.unattributed.total else summary.rows
    body = "\n".join(_summary_row(row, numbers) for row in rows)
    return (
        '<section class="summary"><h2>Who said what</h2><div class="scroll"><table id="summary">'
        f'<thead><tr><th scope="col">speaker</th><th scope="col">quotes</th>{head}<th scope="col" class="articles">articles</th></tr></thead>'
        f"<tbody>\n{body}\n</tbody></table></div></section>"
    )


def _summary_row(row: SpeakerRow, numbers: dict[str, int]) -> str:
    counts = "".join(
        f'<td data-stance="{s}" class="{"count" if row.counts[s] else "count zero"}">{row.counts[s]}</td>' for s in STANCES
    )
    links = " ".join(f'<a href="#article-{numbers[a]}">{escape(a)}</a>' for a in row.articles if a in numbers)
    names = escape("; ".join(row.names[1:]), quote=True)
    title = f' title="also named: {names}"' if names else ""
    return (
        f'<tr data-speaker="{escape(row.speaker, quote=True)}"><th scope="row"{title}>{escape(row.speaker)}</th>'
        f'<td class="total">{row.total}</td>{counts}<td class="articles">{links}</td></tr>'
    )


def _article(number: int, article_id: str, text: str, records: Sequence[Record]) -> str:
    pieces: list[str] = []
    cursor = 0
    for record in records:
        pieces.append(_plain(text[cursor : record.start]))
        pieces.append(_sentence(record))
        cursor = record.end
    pieces.append(_plain(text[cursor:]))
    paragraphs = [p for p in "".join(pieces).split("\x00") if p.strip()]
    body = "\n".join(f"<p>{p.strip()}</p>" for p in paragraphs)
    return f'<article id="article-{number}"><h2>{escape(article_id)}</h2>\n{body}\n</article>'


def _plain(text: str) -> str:
    """Escaped text between sentences; a line break starts a new paragraph (marked with NUL, never in escaped text)."""
    return "\x00".join(escape(piece) for piece in _LINE_BREAKS.split(text.replace("\x00", "\ufffd")))


def _sentence(record: Record) -> str:
    text = escape(record.text.replace("\x00", "\ufffd"))
    if record.quote == "none":
        return f'<span class="sentence" data-index="{record.index}">{text}</span>'
    stance = record.stance if record.stance in STANCES else "none"
    speaker = record.speaker or "source not found"
    confidence = f"{record.confidence:.2f}" if record.confidence is not None else "?"
    tip = f"{stance}, confidence {confidence}; {record.quote} quote; speaker {speaker}"
    if record.speaker_confidence is not None:
        tip += f" ({record.speaker_confidence:.2f})"
    return (
        f'<mark class="quote s-{stance}" tabindex="0" data-index="{record.index}" data-stance="{stance}" '
        f'data-speaker="{escape(speaker, quote=True)}" data-tip="{escape(tip, quote=True)}" title="{escape(tip, quote=True)}">'
        f'{text}</mark><span class="who s-{stance}">{escape(speaker)} · {stance}</span>'
    )
