"""Load labelled sentences (JSONL) and check them against the article texts.

Labels are written by hand, so a load reports every mistake it finds at
once, one line each, as `path:line: what is wrong (what was expected)`,
instead of stopping at the first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

from attrib.jsonio import JSONProblem, loads
from attrib.records import LABEL_FIELDS, QUOTE_TYPES, STANCES, Record

_POSITION_FIELDS = ("index", "start", "end")
_OPTIONAL_FIELDS = ("speaker", "mention", "cue")
_EXCERPT_LENGTH = 40

@dataclass(frozen=True)
class _Line:
    """Where a record was read: the labels file (and its place among them) and the line."""

    path: Path
    number: int
    order: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.number}"

    def named_from(self, other: "_Line") -> str:
        """How a problem on `other` refers to this line: "line 3" in the same file, else "path:3"."""
        return f"line {self.number}" if self.path == other.path else str(self)


# A record together with where it was read.
_Numbered = tuple[_Line, Record]
Paths = Union[str, Path, Sequence[Union[str, Path]]]


@dataclass
class Corpus:
    """Labelled sentences in file order, the text of each article they cite, and the labels files read."""

    records: list[Record]
    texts: dict[str, str]
    label_files: list[Path] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        """Article ids in order of first appearance in the labels."""
        return list(dict.fromkeys(record.article for record in self.records))

    def by_article(self) -> dict[str, list[Record]]:
        """Each article's sentences, in file order; articles in order of first appearance."""
        grouped: dict[str, list[Record]] = {}
        for record in self.records:
            grouped.setdefault(record.article, []).append(record)
        return grouped


class CorpusError(Exception):
    """The labels could not be loaded; `problems` holds one readable line per mistake."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class _Report:
    """Problems found so far: file-level ones first, then by labels file and line."""

    files: list[str] = field(default_factory=list)
    lines: list[tuple[tuple[int, int], str]] = field(default_factory=list)

    def file(self, path: Path, problem: str) -> None:
        self.files.append(f"{path}: {problem}")

    def at(self, where: _Line, problem: str) -> None:
        self.lines.append(((where.order, where.number), f"{where}: {problem}"))

    def problems(self) -> list[str]:
        return self.files + [text for _, text in sorted(self.lines, key=lambda item: item[0])]


def as_paths(paths: Paths) -> list[Path]:
    """One path or several, as a list of Paths."""
    if isinstance(paths, (str, Path)):
        return [Path(paths)]
    return [Path(path) for path in paths]


def load_corpus(labels: Paths, articles: Paths) -> Corpus:
    """Read the labels and the `<article>.txt` files they cite.

    `labels` is a JSONL file, a folder of them (every *.jsonl inside, by
    name), or a list of either; `articles` is a folder of article texts or
    a list of folders, searched in order.  Everything is merged and checked
    together, so the same sentence labelled in two files is a duplicate.
    Raises CorpusError listing every problem found; returns only a corpus
    that passed all checks.
    """
    report = _Report()
    numbered: list[_Numbered] = []
    # Articles with a line that could not be read (None: a line whose article
    # is unknown).  Their order and coverage are not checked, since the
    # missing record would show up again as an index jump and a gap.
    unreadable: set[str | None] = set()
    files = _label_files(as_paths(labels), report)
    for order, path in enumerate(files):
        content = _read_labels(path, report)
        for number, line in enumerate(content.split("\n"), start=1):
            if not line.strip():
                continue
            where = _Line(path, number, order)
            article, record = _parse_line(line, where, report)
            if record is None:
                unreadable.add(article)
            else:
                numbered.append((where, record))
    if not numbered and not unreadable and not report.files:
        report.file(as_paths(labels)[0], "no sentences: the labels file is empty (expected one JSON object per sentence)")

    texts = _read_texts(as_paths(articles), _first_lines(numbered), report)
    for where, record in numbered:
        for problem in _offset_problems(record, texts.get(record.article)):
            report.at(where, problem)
    for article, group in _group(_without_duplicates(numbered, report)).items():
        if article not in unreadable and None not in unreadable:
            _check_order(group, report)
            if article in texts:
                _check_coverage(group, texts[article], report)

    problems = report.problems()
    if problems:
        raise CorpusError(problems)
    return Corpus([record for _, record in numbered], texts, files)


def _label_files(paths: list[Path], report: _Report) -> list[Path]:
    """The labels files to read: each path given, a folder standing for its *.jsonl files.

    A file given twice (or once directly and once through a link or its
    folder) is read once.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(entry for entry in path.iterdir() if entry.suffix.lower() == ".jsonl" and entry.is_file())
            if not inside:
                report.file(path, "no .jsonl files in this folder (expected labels files, one JSON object per sentence)")
            files.extend(inside)
        else:
            files.append(path)
    seen: set[Path] = set()
    unique = []
    for path in files:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            unique.append(path)
    return unique


def _read_labels(labels: Path, report: _Report) -> str:
    """The labels file's text, or "" after reporting why it cannot be read."""
    try:
        return _read_utf8(labels)
    except FileNotFoundError:
        report.file(labels, "labels file not found; check the path (expected a JSONL file, one object per sentence)")
    except _NotRegular as error:
        report.file(labels, f"not a regular file ({error}); expected a JSONL file, one object per sentence")
    except OSError as error:
        report.file(labels, f"cannot read the labels file ({error.strerror}); check that it is a readable file")
    except UnicodeDecodeError as error:
        report.file(labels, _not_utf8(error))
    return ""


class _NotRegular(OSError):
    """A path that is a directory, device or pipe where a file was expected."""


def _read_utf8(path: Path) -> str:
    """The file's text less a leading BOM; line endings are kept so that offsets stay true.

    Only regular files are read: a device such as /dev/zero never ends.
    """
    if path.exists() and not path.is_file():
        raise _NotRegular("a directory" if path.is_dir() else "a device, pipe or socket")
    return path.read_bytes().decode("utf-8").removeprefix("\ufeff")


def _not_utf8(error: UnicodeDecodeError) -> str:
    data = error.object
    line = data.count(b"\n", 0, error.start) + 1
    return f"not UTF-8 text: byte 0x{data[error.start]:02x} on line {line} cannot be decoded; save the file as UTF-8"


def _parse_line(line: str, where: _Line, report: _Report) -> tuple[str | None, Record | None]:
    """The line's article id (None if unknown) and its record (None if it cannot be built)."""
    try:
        obj = loads(line)
    except JSONProblem as error:
        report.at(where, f"{error} (expected one JSON object per line)")
        return None, None
    if not isinstance(obj, dict):
        report.at(where, f"expected a JSON object {{...}}, found {_shown(obj)}")
        return None, None

    missing = [name for name in LABEL_FIELDS if name not in obj]
    unknown = [name for name in obj if name not in LABEL_FIELDS]
    wrong = [problem for name in LABEL_FIELDS if name in obj for problem in _type_problems(name, obj[name])]
    if missing:
        report.at(where, f"missing {_fields(missing)} (each line needs {', '.join(LABEL_FIELDS)})")
    if unknown:
        report.at(where, f"unknown {_fields(unknown)} (allowed fields: {', '.join(LABEL_FIELDS)})")
    for problem in wrong:
        report.at(where, problem)

    article = obj.get("article") if isinstance(obj.get("article"), str) else None
    if missing or wrong:
        return article, None
    record = Record(**{name: obj[name] for name in LABEL_FIELDS})
    for problem in _label_problems(record):
        report.at(where, problem)
    return article, record


def _fields(names: list[str]) -> str:
    quoted = ", ".join(repr(name) for name in names)
    return f"field {quoted}" if len(names) == 1 else f"fields {quoted}"


def _type_problems(name: str, value: Any) -> list[str]:
    """Why `value` is not a valid `name` field, ignoring the label vocabularies."""
    if name == "article":
        if not isinstance(value, str) or not value or any(c in value for c in "/\\\0"):
            return [f"'article' must be the article's file name without extension, got {_shown(value)}"]
    elif name in _POSITION_FIELDS:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return [f"{name!r} must be a whole number >= 0, got {_shown(value)}"]
    elif name in _OPTIONAL_FIELDS:
        if value is not None and not isinstance(value, str):
            return [f"{name!r} must be a string or null, got {_shown(value)}"]
    elif not isinstance(value, str):
        return [f"{name!r} must be a string, got {_shown(value)}"]
    return []


def _label_problems(record: Record) -> list[str]:
    """Unknown labels, and labels that contradict each other (see the labelling guide).

    A direct quote may have a null speaker: the words are quoted, but the
    article never says whose they are (the tagger outputs the same).
    """
    problems = []
    if record.quote not in QUOTE_TYPES:
        problems.append(f"unknown quote type {record.quote!r} (expected one of {', '.join(QUOTE_TYPES)})")
    if record.stance not in STANCES:
        problems.append(f"unknown stance {record.stance!r} (expected one of {', '.join(STANCES)})")
    if record.quote == "none":
        if record.speaker is not None:
            problems.append(
                f"speaker {record.speaker!r} on a sentence with quote 'none' (expected null, or quote direct/indirect)"
            )
        if record.stance != "none" and record.stance in STANCES:
            problems.append(
                f"stance {record.stance!r} on a sentence with quote 'none' (only quotes have a stance; expected 'none')"
            )
    elif record.speaker is not None and not record.speaker.strip():
        problems.append(f"empty speaker {record.speaker!r} (expected the source's name, or null for a direct quote whose source is not given)")
    elif record.quote == "indirect" and record.speaker is None:
        problems.append("indirect quote with no speaker (expected the source's name; only a direct quote may have a null speaker)")
    return problems


def _first_lines(numbered: list[_Numbered]) -> dict[str, _Line]:
    """The first line of each article, in order of first appearance."""
    first: dict[str, _Line] = {}
    for where, record in numbered:
        first.setdefault(record.article, where)
    return first


def _read_texts(folders: list[Path], first_lines: dict[str, _Line], report: _Report) -> dict[str, str]:
    """The text of each article that has a readable file; the others are reported.

    Folders are searched in order; an article found in two folders must
    have the same text in both.
    """
    present = [folder for folder in folders if folder.is_dir()]
    if first_lines:
        for folder in folders:
            if folder not in present:
                report.file(folder, "articles directory not found (expected a folder with one <article>.txt per article)")
    if not present:
        return {}
    texts: dict[str, str] = {}
    for article, where in first_lines.items():
        existing = [folder / f"{article}.txt" for folder in present if (folder / f"{article}.txt").exists()]
        if not existing:
            expected = " or ".join(str(folder / f"{article}.txt") for folder in present)
            report.at(where, f"no text file for article {article!r} (expected {expected})")
            continue
        found: dict[Path, str] = {}
        for path in existing:
            try:
                found[path] = _read_utf8(path)
            except OSError as error:
                report.file(path, f"cannot read article text ({error.strerror or error}); check that it is a readable file")
            except UnicodeDecodeError as error:
                report.file(path, _not_utf8(error))
        if len(set(found.values())) > 1:
            report.at(where, f"article {article!r} has different texts in {' and '.join(map(str, found))} (an article id must name one text)")
        elif found:
            texts[article] = next(iter(found.values()))
    return texts


def _offset_problems(record: Record, text: str | None) -> list[str]:
    """Offsets that are impossible, or do not give back the sentence's text."""
    if record.start >= record.end:
        return [f"start {record.start} is not before end {record.end} (a sentence covers at least one character)"]
    if text is None:
        return []
    if record.end > len(text):
        return [f"end {record.end} is out of range: article {record.article!r} has only {len(text)} characters"]
    found = text[record.start : record.end]
    if found == record.text:
        return []
    at = _first_difference(found, record.text)
    return [
        f"offsets {record.start}-{record.end} do not reproduce 'text': from character {at} on, "
        f"the article has {_excerpt(found[at:])} but the line has {_excerpt(record.text[at:])}"
    ]


def _first_difference(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _without_duplicates(numbered: list[_Numbered], report: _Report) -> list[_Numbered]:
    """Records that do not repeat an earlier sentence; the repeats are reported."""
    by_index: dict[tuple[str, int], _Line] = {}
    by_span: dict[tuple[str, int, int], _Line] = {}
    unique = []
    for where, record in numbered:
        index_key = (record.article, record.index)
        span_key = (record.article, record.start, record.end)
        if index_key in by_index:
            report.at(
                where,
                f"duplicate sentence: article {record.article!r} index {record.index} "
                f"is already on {by_index[index_key].named_from(where)}",
            )
        elif span_key in by_span:
            report.at(
                where,
                f"duplicate sentence: article {record.article!r} offsets {record.start}-{record.end} "
                f"are already on {by_span[span_key].named_from(where)}",
            )
        else:
            by_index[index_key] = by_span[span_key] = where
            unique.append((where, record))
    return unique


def _group(numbered: list[_Numbered]) -> dict[str, list[_Numbered]]:
    grouped: dict[str, list[_Numbered]] = {}
    for where, record in numbered:
        grouped.setdefault(record.article, []).append((where, record))
    return grouped


def _check_order(group: list[_Numbered], report: _Report) -> None:
    """One article's indexes count 0, 1, 2, ... and its sentences follow the text without overlapping."""
    previous: _Numbered | None = None
    for where, record in group:
        expected = previous[1].index + 1 if previous else 0
        if record.index != expected:
            report.at(
                where,
                f"index {record.index} out of order: expected {expected} "
                "(each article's indexes count 0, 1, 2, ... in file order)",
            )
        if previous:
            before_line, before = previous
            if record.start < before.start:
                report.at(
                    where,
                    f"sentence out of order: starts at {record.start}, before the sentence on {before_line.named_from(where)} "
                    f"(starts at {before.start}); sentences must follow the article's order",
                )
            elif record.start < before.end:
                report.at(
                    where,
                    f"overlaps the sentence on {before_line.named_from(where)}: "
                    f"starts at {record.start}, before that one ends at {before.end}",
                )
        previous = (where, record)


def _check_coverage(group: list[_Numbered], text: str, report: _Report) -> None:
    """Every non-whitespace character of the article belongs to some sentence.

    Sentences are taken in text order, so one out of file order still counts
    as covering its text.
    """
    covered_to = 0
    where = "before the first sentence"
    for line, record in sorted(group, key=lambda item: (item[1].start, item[1].end)):
        _check_gap(text, covered_to, record.start, where, line, report)
        if record.end > covered_to:
            covered_to = record.end
            where = f"between {line.named_from(line)} and this sentence"
    last_line = max(group, key=lambda item: item[1].end)[0]
    _check_gap(text, covered_to, len(text), "after the last sentence", last_line, report)


def _check_gap(text: str, start: int, end: int, where: str, line: _Line, report: _Report) -> None:
    """Report non-whitespace in text[start:end], which no sentence covers."""
    uncovered = [i for i in range(start, min(end, len(text))) if not text[i].isspace()]
    if uncovered:
        first, last = uncovered[0], uncovered[-1] + 1
        report.at(
            line,
            f"article text at {first}-{last} is not covered by any sentence ({where}): {_excerpt(text[first:last])} "
            f"(every non-whitespace character belongs to exactly one sentence)",
        )


def overlap(corpus: Corpus, trained: set[str]) -> list[str]:
    """The corpus's articles whose text (by sha256) is in `trained`, the hashes a model card lists."""
    return [article for article in corpus.articles if text_sha256(corpus.texts[article]) in trained]


def text_sha256(text: str) -> str:
    """The hash of an article's text as a model card records it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _excerpt(text: str) -> str:
    """A short, single-line rendering of `text` for a message."""
    if len(text) > _EXCERPT_LENGTH:
        text = text[:_EXCERPT_LENGTH] + "\u2026"
    return repr(text)


def _shown(value: Any) -> str:
    """A JSON value as a person reading the labels file would write it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return repr(value)
