"""Who said what across articles: one row per speaker, stances counted.

Speakers are merged across articles by their canonical names (each
article already names a person by the fullest form it uses).  Across
articles the same person may still appear as "Mr Healey", "Healey",
"John Healey" or "Defence Secretary John Healey"; the merge key drops
titles and initials, and a one-word name joins the only fuller person
name that starts or ends with it.  Sources introduced with "a" or "an"
("a senior official") are anonymous and never merged across articles.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from attrib.matching import normalise_speaker
from attrib.records import PREDICTION_FIELDS, STANCES, Record

SUMMARY_FORMATS = ("table", "csv", "json")
UNKNOWN_SPEAKER = "(speaker not found)"

# Words before a name that do not tell people apart ("Mr", "Defence Secretary"):
# honorifics, and job titles ending in a head noun ("Foreign Minister", not "Foreign Office").
_HONORIFICS = frozenset("mr mrs ms mx miss dr prof professor sir dame lord lady baroness baron viscount earl rev reverend".split())
_TITLE_HEADS = frozenset(
    """president minister secretary chancellor senator sen rep representative
    governor gov mayor general gen colonel col admiral commander major captain
    lieutenant chief ambassador envoy spokesman spokeswoman spokesperson judge
    king queen prince princess pope premier""".split()
)
_TITLE_MODIFIERS = frozenset(
    """vice prime deputy foreign defence defense home interior justice finance
    state shadow former acting junior senior""".split()
)
_PEERAGE = frozenset("lord lady baroness baron viscount earl".split())
# Lowercase words inside a person's name ("Baroness Chapman of Darlington", "Ursula von der Leyen").
_NAME_LINKS = frozenset("of de da van von der den del bin al le la".split())
_JOINT = re.compile(r"\s+(?:and|&)\s+")
_INITIAL = re.compile(r"^[^\W\d_]\.?$")
_ANONYMOUS = ("a ", "an ")


@dataclass(frozen=True)
class Example:
    """The most confident sentence of one stance for one speaker."""

    article: str
    index: int
    text: str
    confidence: float | None


@dataclass
class SpeakerRow:
    """One source across articles: `names` are every canonical form merged into it."""

    speaker: str
    names: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STANCES, 0))
    articles: list[str] = field(default_factory=list)
    examples: dict[str, Example] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Summary:
    """Rows sorted most quoted first; `unattributed` counts quotes whose source was not found."""

    rows: list[SpeakerRow]
    articles: list[str]
    sentences: int
    quotes: int
    unattributed: SpeakerRow


def summarise(records: Iterable[Record]) -> Summary:
    """One row per speaker over the attributed sentences (quote type not none) of `records`."""
    records = list(records)
    articles = list(dict.fromkeys(record.article for record in records))
    quoted = [record for record in records if record.quote != "none"]
    keys = merge_keys((record.article, record.speaker) for record in quoted if record.speaker)
    rows: dict[tuple[str, ...], SpeakerRow] = {}
    variants: dict[tuple[str, ...], Counter[str]] = {}
    unattributed = SpeakerRow(UNKNOWN_SPEAKER)
    for record in quoted:
        if record.speaker:
            key = keys[(record.article, record.speaker)]
            row = rows.setdefault(key, SpeakerRow(record.speaker))
            variants.setdefault(key, Counter())[record.speaker] += 1
        else:
            row = unattributed
        _add(row, record)
    for key, row in rows.items():
        names = variants[key]
        row.names = sorted(names, key=lambda name: (-len(_name_words(name)[0]), -names[name], name))
        row.speaker = row.names[0]
    ordered = sorted(rows.values(), key=lambda row: (-row.total, row.speaker.casefold()))
    return Summary(ordered, articles, len(records), len(quoted), unattributed)


def _add(row: SpeakerRow, record: Record) -> None:
    stance = record.stance if record.stance in row.counts else "none"
    row.counts[stance] += 1
    if record.article not in row.articles:
        row.articles.append(record.article)
    best = row.examples.get(stance)
    if best is None or (record.confidence or 0.0) > (best.confidence or 0.0):
        row.examples[stance] = Example(record.article, record.index, record.text, record.confidence)


def merge_keys(speakers: Iterable[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, ...]]:
    """The row key of each (article, canonical speaker) pair.

    A key is the sorted merge keys of the speaker's parties (a joint
    source "A and B" is its own row, whatever the order of its parties);
    anonymous sources are keyed by article as well.
    """
    pairs = list(dict.fromkeys(speakers))
    parties = {name: [_party(party) for party in _JOINT.split(name)] for _, name in pairs}
    full = {party.key for found in parties.values() for party in found if party.person and " " in party.key}
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    for key in full:
        by_first.setdefault(key.split()[0], set()).add(key)
        by_last.setdefault(key.split()[-1], set()).add(key)

    def resolve(party: _Party) -> str:
        if not party.person or " " in party.key:
            return party.key
        # "Mr Cho" is a surname, so it may be the first word of a family-name-first name ("Cho Tae-yul");
        # a bare word or "King Charles" is not ("Charles Michel").
        fuller = by_last.get(party.key, set()) | (by_first.get(party.key, set()) if party.honorific else set())
        return next(iter(fuller)) if len(fuller) == 1 else party.key

    result: dict[tuple[str, str], tuple[str, ...]] = {}
    for article, name in pairs:
        key = tuple(sorted(resolve(party) for party in parties[name]))
        anonymous = any(party.anonymous for party in parties[name])
        result[(article, name)] = (f"article:{article}", *key) if anonymous else key
    return result


@dataclass(frozen=True)
class _Party:
    """One source of a (possibly joint) speaker: its merge key and how it was written."""

    key: str
    person: bool
    honorific: bool
    anonymous: bool


def _party(text: str) -> _Party:
    words, honorific = _name_words(text)
    person = bool(words) and all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in words)
    middle = [w for w in words[1:-1] if not (_INITIAL.match(w) and w[0].isupper())]
    kept = words[:1] + middle + words[1:][-1:]
    return _Party(normalise_speaker(" ".join(kept)), person, honorific, normalise_speaker(text).startswith(_ANONYMOUS))


def _name_words(party: str) -> tuple[list[str], bool]:
    """The words of a name without a leading "the", titles, or a peer's territorial designation; and whether an honorific was among the titles."""
    words = party.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    titles = 0
    for end, word in enumerate(words[:-1], start=1):
        word = word.lower().rstrip(".")
        if word in _HONORIFICS or word in _TITLE_HEADS:
            titles = end
        elif word not in _TITLE_MODIFIERS:
            break
    stripped = [w.lower().rstrip(".") for w in words[:titles]]
    rest = words[titles:]
    if any(w in _PEERAGE for w in stripped) and "of" in (w.lower() for w in rest[1:]):
        rest = rest[: [w.lower() for w in rest].index("of", 1)]
    return rest, any(w in _HONORIFICS for w in stripped)


# --------------------------------------------------------------- reading ---

_RECORD_KEYS = frozenset(("article", "index", "text", "quote", "stance"))


def is_records_file(path: Path) -> bool:
    """Whether `path` is a JSONL of records written by `attrib predict` (not articles to tag)."""
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8-sig") as handle:
            for line in handle:
                if line.strip():
                    first = json.loads(line)
                    return isinstance(first, dict) and _RECORD_KEYS <= first.keys()
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return False


def read_records(path: Path) -> tuple[list[Record], list[str]]:
    """The records of a predict JSONL, and one problem per unusable line ("file:line: what is wrong")."""
    records: list[Record] = []
    problems: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        return [], [f"{path}: cannot read records: {error}"]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records.append(_record(json.loads(line)))
        except (ValueError, TypeError, KeyError) as error:
            problems.append(f"{path}:{number}: not a record written by attrib predict ({error}); line skipped")
    return records, problems


def _record(data: Any) -> Record:
    if not isinstance(data, dict):
        raise TypeError("expected a JSON object")
    fields = {name: data[name] for name in PREDICTION_FIELDS if name in data}
    record = Record(**fields)
    if not isinstance(record.article, str) or not isinstance(record.index, int) or not isinstance(record.text, str):
        raise TypeError("article and text must be strings and index a number")
    if record.speaker is not None and not isinstance(record.speaker, str):
        raise TypeError("speaker must be a string or null")
    if record.confidence is not None and not isinstance(record.confidence, (int, float)):
        raise TypeError("confidence must be a number or null")
    return record


# -------------------------------------------------------------- writing ---


def summary_dict(summary: Summary) -> dict[str, Any]:
    rows = [_row_dict(row) for row in summary.rows]
    return {
        "articles": summary.articles,
        "sentences": summary.sentences,
        "quotes": summary.quotes,
        "speakers": rows,
        "speaker_not_found": _row_dict(summary.unattributed),
    }


def _row_dict(row: SpeakerRow) -> dict[str, Any]:
    return {
        "speaker": row.speaker,
        "names": row.names,
        "quotes": row.total,
        "stances": row.counts,
        "articles": row.articles,
        "examples": {stance: asdict(example) for stance, example in row.examples.items()},
    }


def summary_json(summary: Summary) -> str:
    return json.dumps(summary_dict(summary), ensure_ascii=False, indent=2)


def summary_csv(summary: Summary) -> str:
    """One line per speaker: counts, articles (;-separated) and each stance's example sentence."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["speaker", "quotes", *STANCES, "articles", "names", *(f"example_{s}" for s in STANCES)])
    for row in [*summary.rows, summary.unattributed] if summary.unattributed.total else summary.rows:
        examples = [row.examples[s].text if s in row.examples else "" for s in STANCES]
        writer.writerow([row.speaker, row.total, *(row.counts[s] for s in STANCES), ";".join(row.articles), ";".join(row.names), *examples])
    return buffer.getvalue().rstrip("\n")


def summary_table(summary: Summary, width: int = 100) -> str:
    """Counts per speaker, and under each the most confident sentence of each stance."""
    name_width = 32
    lines = [
        f"{len(summary.articles)} articles, {summary.sentences} sentences, {summary.quotes} attributed; "
        f"{len(summary.rows)} speakers, most quoted first",
        "",
        f"{'speaker':<{name_width}} {'quotes':>6} " + " ".join(f"{s:>7}" for s in STANCES) + "  articles",
    ]
    rows = [*summary.rows, summary.unattributed] if summary.unattributed.total else summary.rows
    for row in rows:
        lines.append(
            f"{_clip(row.speaker, name_width):<{name_width}} {row.total:>6} "
            + " ".join(f"{row.counts[s]:>7}" for s in STANCES)
            + f"  {_articles(row.articles)}"
        )
        if len(row.names) > 1:
            lines.append(f"    also named: {'; '.join(row.names[1:])}")
        for stance in STANCES:
            example = row.examples.get(stance)
            if example is not None:
                confidence = f"{example.confidence:.2f}" if example.confidence is not None else "    "
                prefix = f"    {stance:<7} {confidence} {example.article}#{example.index} "
                lines.append(prefix + _clip(example.text, max(width - len(prefix), 20)))
    return "\n".join(lines)


def _articles(articles: list[str], shown: int = 3) -> str:
    more = f", +{len(articles) - shown} more" if len(articles) > shown else ""
    return f"{len(articles)}: {', '.join(articles[:shown])}{more}"


def _clip(text: str, width: int) -> str:
    text = "".join("\ufffd" if ord(char) < 32 or ord(char) == 127 else char for char in " ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "\u2026"
