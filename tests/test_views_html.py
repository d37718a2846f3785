"""The HTML page: self-contained, every untrusted string escaped, and checked in a real browser."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path


from attrib.records import STANCES, Record
from attrib.model.tagger import Tagger
from attrib.views.html import html_page
from attrib.views.summary import summarise
from tests.conftest import SEEDS

SEED = SEEDS / "002_8434543e79469e45.txt"
TITLE = "attrib: who said what"
# Each would change the page if it ran or were parsed as markup: a new title, an element, a link.
SCRIPT = "<script>document.title='pwned'</script>"
IMG = "\"><img src=x onerror=\"document.title='pwned'\">"
LINK = "javascript:document.title='pwned'"
HOSTILE_ID = f"{IMG}{SCRIPT}"
HOSTILE_TEXT = (
    f"Harbour officials said the {SCRIPT} crane had collapsed.\n"
    f"\u201cWe cannot confirm how many workers were hurt {IMG},\u201d the port director said.\n"
    f"A spokesperson for the union condemned the delays, see {LINK} for details.\n"
)


class _Dom(HTMLParser):
    """Elements of a page by tag, with their attributes and text."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[int] = []
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}, []))
        if tag not in ("meta", "br", "img", "link", "input"):
            self._open.append(len(self.elements) - 1)

    def handle_endtag(self, tag: str) -> None:
        for position in range(len(self._open) - 1, -1, -1):
            if self.elements[self._open[position]][0] == tag:
                del self._open[position:]
                break

    def handle_data(self, data: str) -> None:
        for index in self._open:
            self.elements[index][2].append(data)
        if self._open and self.elements[self._open[-1]][0] == "title":
            self.title += data

    def tags(self, tag: str) -> list[tuple[dict[str, str], str]]:
        return [(attrs, "".join(text)) for name, attrs, text in self.elements if name == tag]


def _dom(page: str) -> _Dom:
    dom = _Dom()
    dom.feed(page)
    return dom


def _page(tagger: Tagger) -> tuple[str, list[tuple[str, str]], list[list[Record]]]:
    articles = [(SEED.stem, SEED.read_text(encoding="utf-8")), (HOSTILE_ID, HOSTILE_TEXT)]
    records = tagger.tag_many(articles)
    return html_page(articles, records), articles, records


def _check_page(dom: _Dom, records: list[list[Record]]) -> None:
    """Every attributed sentence highlighted with its stance and speaker; the summary counts right; no payload live."""
    marks = dom.tags("mark")
    attributed = [r for group in records for r in group if r.quote != "none"]
    assert len(marks) == len(attributed) > 5
    for (attrs, text), record in zip(marks, attributed):
        assert attrs["data-stance"] == record.stance and f"s-{record.stance}" in attrs["class"].split()
        assert attrs["data-index"] == str(record.index) and text == record.text
        assert attrs["data-speaker"] == (record.speaker or "source not found")
        assert f"confidence {record.confidence:.2f}" in attrs["title"]
    summary = summarise(r for group in records for r in group)
    rows = {attrs["data-speaker"]: attrs for attrs, _ in dom.tags("tr") if "data-speaker" in attrs}
    assert set(rows) == {row.speaker for row in summary.rows}
    cells = [(attrs, text) for attrs, text in dom.tags("td") if "data-stance" in attrs]
    expected = [(stance, str(row.counts[stance])) for row in summary.rows for stance in STANCES]
    assert [(attrs["data-stance"], text) for attrs, text in cells] == expected
    assert dom.title == TITLE
    assert not dom.tags("script") and not dom.tags("img") and not dom.tags("iframe")
    hrefs = [attrs["href"] for attrs, _ in dom.tags("a")]
    assert hrefs and all(href.startswith("#article-") for href in hrefs)
    headings = [text for _, text in dom.tags("h2")]
    assert HOSTILE_ID in headings  # shown as text, verbatim


def test_page_escapes_text_ids_and_speakers(session_tagger: Tagger) -> None:
    page, _, records = _page(session_tagger)
    for payload in (SCRIPT, IMG, "<img", "<script", "onerror=\""):
        assert payload not in page
    assert "&lt;script&gt;" in page and "&quot;&gt;&lt;img src=x onerror=" in page
    _check_page(_dom(page), records)


def test_hostile_speaker_and_stance_values_are_escaped() -> None:
    """Records read back from a file can hold anything: nothing of them reaches the page as markup."""
    text = "Ana said yes."
    record = Record(IMG, 0, 0, len(text), text, quote="direct", speaker=IMG + SCRIPT, mention=LINK, stance=SCRIPT, confidence=0.5)
    page = html_page([(LINK, text)], [[record]])
    assert "<img" not in page and "<script>" not in page
    dom = _dom(page)
    [(attrs, _)] = dom.tags("mark")
    assert attrs["data-speaker"] == IMG + SCRIPT and attrs["data-stance"] == "none"
    assert not dom.tags("img") and not dom.tags("script")


def test_page_is_self_contained_responsive_and_printable(session_tagger: Tagger) -> None:
    page, _, _ = _page(session_tagger)
    dom = _dom(page)
    for tag, attrs, _ in dom.elements:
        assert tag not in ("link", "script", "img", "iframe", "object", "embed", "base", "form")
        assert not {"src", "srcset", "action", "poster", "background"} & attrs.keys()
        assert attrs.get("href", "#").startswith("#")
    [(_, css)] = dom.tags("style")
    assert "url(" not in css and "@import" not in css
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert 'name="viewport"' in page and "@media (max-width" in page and "@media print" in page
    legend = [text for attrs, text in dom.tags("ul") if attrs.get("class") == "legend"]
    assert len(legend) == 1 and all(stance in legend[0] for stance in STANCES)


def test_predict_format_html(cli) -> None:
    result = cli("predict", SEED, "--format", "html")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>") and f"<h2>{SEED.stem}</h2>" in result.stdout


_CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_page_in_headless_chromium(session_tagger: Tagger, tmp_path: Path) -> None:
    """The DOM as Chromium built it (scripts allowed to run): highlights and counts right, no payload ran."""
    assert _CHROMIUM is not None, "this test needs Debian's chromium package: apt-get install chromium (.ci/run installs it)"
    page, _, records = _page(session_tagger)
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    process = subprocess.run(
        [str(_CHROMIUM), "--headless", "--disable-gpu", "--no-sandbox", f"--user-data-dir={tmp_path / 'profile'}",
         "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert process.returncode == 0, process.stderr
    dom = _dom(process.stdout)
    _check_page(dom, records)
