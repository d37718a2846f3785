"""Turn the paths a user gives attrib into articles, or into clear problems.

People point attrib at whatever they scraped: empty files, PDFs renamed
.txt, Windows-1252 text, huge dumps.  Every input ends up as articles, a
problem (something the user must fix, said in one line) or a note (not an
error, e.g. an empty file); one bad input never hides the good ones.

Text is kept exactly as decoded, apart from removing a leading byte-order
mark, because predicted offsets must index the text as the user's file
holds it.  Windows line endings (\\r\\n) are kept as they are: the segmenter
treats \\r\\n as one line break and never puts the \\r inside a sentence.
Non-breaking spaces are kept too.

Encodings are never guessed: UTF-8 is assumed unless the user names an
encoding, and a file that is not UTF-8 is reported with the offending byte
and a suggested --encoding.
"""

from __future__ import annotations

import codecs
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

STDIN_SOURCE = "<stdin>"
STDIN_ID = "stdin"

# Leading bytes of binary formats people mistake for text, and what to call them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive or an Office document such as .docx"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document such as .doc"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "a program"),
)

# Byte-order marks of text that is valid but not UTF-8; UTF-32 first,
# because its little-endian mark begins with UTF-16's.
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Article:
    """One article's text; `source` is the path, "<stdin>" or "path:line"."""

    id: str
    text: str
    source: str


@dataclass(frozen=True)
class InputProblem:
    """Something about one input, said for people: what is wrong, what to do."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class Inputs:
    """Everything read: articles to tag, problems to fix, notes (not errors)."""

    articles: list[Article]
    problems: list[InputProblem]
    notes: list[InputProblem]


class InputError(Exception):
    """An input that cannot be used; `problem` says why, in one line."""

    def __init__(self, source: str, message: str) -> None:
        self.problem = InputProblem(source, message)
        super().__init__(str(self.problem))


def read_inputs(
    paths: list[str],
    encoding: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Inputs:
    """Read every path in order; a user's mistake becomes a problem, never an exception.

    "-" reads `stdin` (default: the process's standard input).  A directory
    gives its *.txt files (not recursive) sorted by name; a .jsonl file gives
    one article per line; any other file is one article named after the file.
    Article ids are kept as given, duplicates included: renaming them would
    break the link between a prediction and the user's own article.
    """
    inputs = Inputs(articles=[], problems=[], notes=[])
    for arg in paths:
        try:
            if arg == "-":
                _add(inputs, Article(STDIN_ID, _read_stdin(stdin, encoding), STDIN_SOURCE), "input")
            else:
                _read_path(inputs, arg, encoding)
        except InputError as error:
            inputs.problems.append(error.problem)
    return inputs


def decode(data: bytes, source: str, encoding: str | None) -> str:
    """Decode a file's bytes, refusing binary data and never guessing the encoding.

    A leading byte-order mark is removed; nothing else changes.  Raises
    InputError naming `source` with what is wrong and what to do.
    """
    wide = _is_wide(source, encoding) if encoding is not None else False
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(
                source, f"binary file, not text (looks like {what}); convert it to plain text first"
            )
    if encoding is None:
        for bom, codec in _WIDE_BOMS:
            if data.startswith(bom):
                raise InputError(
                    source,
                    f"not UTF-8 but {codec.upper()} text (it starts with a {codec.upper()} "
                    f"byte-order mark); pass --encoding {codec}",
                )
    if not wide and b"\x00" in data:
        raise InputError(
            source,
            "binary file, not text (contains NUL bytes); convert it to plain text first, "
            "or if it is UTF-16 text pass --encoding utf-16",
        )
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        raise InputError(source, _undecodable(error, data, encoding)) from None
    return text.removeprefix("\ufeff")


def _is_wide(source: str, encoding: str) -> bool:
    """Whether `encoding` is a text encoding whose ordinary text holds NUL bytes (UTF-16/32)."""
    try:
        return b"\x00" in "a".encode(encoding)
    except LookupError:
        raise InputError(
            source,
            f"unknown text encoding {encoding!r}; pass one Python knows, "
            "e.g. --encoding utf-8, cp1252 or latin-1",
        ) from None


def _undecodable(error: UnicodeDecodeError, data: bytes, encoding: str | None) -> str:
    """Where decoding failed and what to try next."""
    line = data.count(b"\n", 0, error.start) + 1
    where = f"byte 0x{data[error.start]:02x} at offset {error.start}, line {line}"
    if encoding is None:
        return (
            f"cannot decode as UTF-8 ({where}); if you know the encoding, pass --encoding, "
            "e.g. --encoding cp1252 (Windows) or --encoding latin-1"
        )
    return (
        f"cannot decode as {encoding} ({where}); "
        f"check that --encoding {encoding} is right for this file"
    )


def _read_stdin(stdin: TextIO | BinaryIO | None, encoding: str | None) -> str:
    """Standard input's text; a text stream is taken as already decoded."""
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read()
    except OSError as error:
        message = f"cannot read standard input ({error.strerror or error})"
        raise InputError(STDIN_SOURCE, message) from None
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    return decode(data, STDIN_SOURCE, encoding)


def _read_path(inputs: Inputs, arg: str, encoding: str | None) -> None:
    """Add the articles of one path given by the user."""
    if not arg:
        raise InputError(repr(arg), "empty path; give a file, a directory or - for standard input")
    path = Path(arg)
    if _is_dir(path, arg):
        _read_directory(inputs, path, arg, encoding)
    elif path.suffix.lower() == ".jsonl":
        _read_jsonl(inputs, _read_file(path, arg, encoding), arg)
    else:
        _add(inputs, Article(path.stem, _read_file(path, arg, encoding), arg), "file")


def _is_dir(path: Path, source: str) -> bool:
    """Whether `path` is a directory; a parent we may not enter is a problem."""
    try:
        return path.is_dir()
    except OSError as error:
        raise InputError(source, _os_message(error)) from None


def _read_directory(inputs: Inputs, path: Path, source: str, encoding: str | None) -> None:
    """Add every *.txt file directly inside `path`, sorted by name, each on its own."""
    try:
        entries = path.iterdir()
        files = sorted(
            (entry for entry in entries if entry.suffix.lower() == ".txt" and not entry.is_dir()),
            key=lambda entry: entry.name,
        )
    except OSError as error:
        raise InputError(source, _os_message(error)) from None
    if not files:
        raise InputError(
            source, "no .txt files in this directory; attrib reads *.txt files directly inside it"
        )
    for file in files:
        try:
            text = _read_file(file, str(file), encoding)
            _add(inputs, Article(file.stem, text, str(file)), "file")
        except InputError as error:
            inputs.problems.append(error.problem)


def _read_file(path: Path, source: str, encoding: str | None) -> str:
    """A file's decoded text, read once as bytes."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(source, _os_message(error)) from None
    return decode(data, source, encoding)


def _os_message(error: OSError) -> str:
    """Why a path could not be read, and what to do about it."""
    if isinstance(error, (FileNotFoundError, NotADirectoryError)):
        return "no such file or directory; check the path"
    if isinstance(error, PermissionError):
        return "permission denied; check that you may read it (e.g. chmod +r)"
    return f"cannot read it ({error.strerror or error})"


def _read_jsonl(inputs: Inputs, text: str, path: str) -> None:
    """Add one article per non-blank line; a bad line is a problem, the rest still count.

    Lines are split on \\n only: JSON strings may hold other line separators.
    """
    lines = text.split("\n")
    if not any(line.strip() for line in lines):
        inputs.notes.append(InputProblem(path, "empty file, nothing to tag"))
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            article = _jsonl_article(line, source)
        except InputError as error:
            inputs.problems.append(error.problem)
        else:
            _add(inputs, article, '"text"')


def _jsonl_article(line: str, source: str) -> Article:
    """The article on one JSONL line, which must be {"id": str, "text": str}."""
    shape = 'each line must be a JSON object with string fields "id" and "text"'
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        message = f"invalid JSON ({error.msg} at column {error.colno}); {shape}"
        raise InputError(source, message) from None
    if not isinstance(record, dict):
        raise InputError(source, f"expected a JSON object, got {_json_kind(record)}; {shape}")
    for field in ("id", "text"):
        if field not in record:
            raise InputError(source, f'missing "{field}"; {shape}')
        if not isinstance(record[field], str):
            kind = _json_kind(record[field])
            raise InputError(source, f'"{field}" is {kind}, not a string; {shape}')
    return Article(record["id"], record["text"], source)


def _json_kind(value: object) -> str:
    """A JSON value's type as people call it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def _add(inputs: Inputs, article: Article, what: str) -> None:
    """Keep an article with text to tag; an empty or blank one becomes a note."""
    if article.text.strip():
        inputs.articles.append(article)
    elif article.text:
        message = f"{what} has only whitespace, nothing to tag"
        inputs.notes.append(InputProblem(article.source, message))
    else:
        inputs.notes.append(InputProblem(article.source, f"empty {what}, nothing to tag"))
