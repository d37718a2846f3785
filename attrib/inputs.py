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

Only regular files are read: a device (/dev/zero), a named pipe or a
socket given as a path is refused, and skipped (with a note) when found in
a directory, because reading one may never end.  One article (a file,
standard input, or one line of a .jsonl) may be at most `max_bytes` long,
MAX_BYTES (10 MB) unless the caller says otherwise.  Inputs are read one
at a time (`iter_inputs`), so a caller can tag and write what is read
before reading more.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO, Union

from attrib.jsonio import JSONProblem, has_surrogate, loads

STDIN_ARG = "-"
STDIN_SOURCE = "<stdin>"
STDIN_ID = "stdin"

# The largest article read by default: 1 MB takes a few seconds to tag, and
# memory grows with the article (about 450 MiB at 10 MB).
MAX_BYTES = 10_000_000
# Opening a named pipe without O_NONBLOCK waits for a writer; with it, the
# open returns and fstat says what the path is.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

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


@dataclass(frozen=True)
class InputNote(InputProblem):
    """Not an error, but worth saying: an empty file, a directory entry skipped."""


Item = Union[Article, InputProblem]


@dataclass
class Inputs:
    """Everything read: articles to tag, problems to fix, notes (not errors)."""

    articles: list[Article]
    problems: list[InputProblem]
    notes: list[InputNote]


class InputError(Exception):
    """An input that cannot be used; `problem` says why, in one line."""

    def __init__(self, source: str, message: str) -> None:
        self.problem = InputProblem(source, message)
        super().__init__(str(self.problem))


def iter_inputs(
    paths: Iterable[str],
    encoding: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Item]:
    """Articles, problems and notes (InputNote), one input at a time, in the order given.

    A user's mistake becomes an InputProblem, never an exception.  "-"
    reads `stdin` (default: the process's standard input).  A directory
    gives its regular *.txt files (not recursive) sorted by name; a .jsonl
    file gives one article per line; any other file is one article named
    after the file.  Article ids are kept as given, duplicates included:
    renaming them would break the link between a prediction and the user's
    own article.
    """
    for arg in paths:
        try:
            if arg == STDIN_ARG:
                yield _checked(Article(STDIN_ID, _read_stdin(stdin, encoding, max_bytes), STDIN_SOURCE), "input")
            else:
                yield from _read_path(arg, encoding, max_bytes)
        except InputError as error:
            yield error.problem


def read_inputs(
    paths: Iterable[str],
    encoding: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = MAX_BYTES,
) -> Inputs:
    """Everything `iter_inputs` gives, sorted into articles, problems and notes."""
    inputs = Inputs(articles=[], problems=[], notes=[])
    for item in iter_inputs(paths, encoding, stdin, max_bytes):
        if isinstance(item, Article):
            inputs.articles.append(item)
        elif isinstance(item, InputNote):
            inputs.notes.append(item)
        else:
            inputs.problems.append(item)
    return inputs


def count_articles(paths: Iterable[str]) -> int:
    """About how many articles `paths` hold, for a progress bar, without reading any text.

    A file or standard input counts one, a directory its *.txt entries, a
    .jsonl file its lines (counted in blocks of bytes).  Paths that cannot
    be read count nothing: reading them reports why.
    """
    total = 0
    for arg in paths:
        path = Path(arg)
        try:
            if arg != STDIN_ARG and _is_dir(path, arg):
                with os.scandir(path) as scan:
                    total += sum(1 for entry in scan if Path(entry.name).suffix.lower() == ".txt")
            elif arg != STDIN_ARG and path.suffix.lower() == ".jsonl":
                total += _count_lines(path, arg)
            else:
                total += 1
        except (OSError, InputError):
            continue
    return total


def _count_lines(path: Path, source: str) -> int:
    lines = 0
    last = b"\n"
    with _open_regular(path, source, None) as handle:
        while block := handle.read(1 << 20):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")


def decode(data: bytes, source: str, encoding: str | None) -> str:
    """Decode a file's bytes, refusing binary data and never guessing the encoding.

    A leading byte-order mark is removed; nothing else changes.  Raises
    InputError naming `source` with what is wrong and what to do.
    """
    _refuse_binary_start(data, source, encoding)
    wide = _is_wide(source, encoding) if encoding is not None else False
    if not wide and b"\x00" in data:
        raise InputError(
            source,
            "binary file, not text (contains NUL bytes); convert it to plain text first, "
            "or if it is UTF-16 text pass --encoding utf-16",
        )
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(source, _undecodable(error, f"at offset {error.start}, line {line}", encoding)) from None
    return text.removeprefix("\ufeff")


def _refuse_binary_start(data: bytes, source: str, encoding: str | None) -> None:
    """Refuse data that starts like a binary format, or like UTF-16/32 text when no encoding was named."""
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


def _undecodable(error: UnicodeDecodeError, where: str, encoding: str | None) -> str:
    """Where decoding failed and what to try next."""
    byte = f"byte 0x{error.object[error.start]:02x} {where}"
    if encoding is None:
        return (
            f"cannot decode as UTF-8 ({byte}); if you know the encoding, pass --encoding, "
            "e.g. --encoding cp1252 (Windows) or --encoding latin-1"
        )
    return f"cannot decode as {encoding} ({byte}); check that --encoding {encoding} is right for this file"


def _read_stdin(stdin: TextIO | BinaryIO | None, encoding: str | None, max_bytes: int) -> str:
    """Standard input's text; a text stream is taken as already decoded."""
    if stdin is None and sys.stdin is None:
        raise InputError(STDIN_SOURCE, "standard input is closed; give a file, or pipe the text in")
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read(max_bytes + 1)
    except OSError as error:
        message = f"cannot read standard input ({error.strerror or error})"
        raise InputError(STDIN_SOURCE, message) from None
    if len(data) > max_bytes:
        raise InputError(STDIN_SOURCE, _too_large(f"more than {max_bytes:,} bytes", max_bytes))
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    return decode(data, STDIN_SOURCE, encoding)


def _read_path(arg: str, encoding: str | None, max_bytes: int) -> Iterator[Item]:
    """The articles, problems and notes of one path given by the user."""
    if not arg:
        raise InputError(repr(arg), "empty path; give a file, a directory or - for standard input")
    path = Path(arg)
    if _is_dir(path, arg):
        yield from _read_directory(path, arg, encoding, max_bytes)
    elif path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, arg, encoding, max_bytes)
    else:
        yield _checked(Article(path.stem, _read_file(path, arg, encoding, max_bytes), arg), "file")


def _is_dir(path: Path, source: str) -> bool:
    """Whether `path` is a directory; a parent we may not enter is a problem."""
    try:
        return path.is_dir()
    except OSError as error:
        raise InputError(source, _os_message(error)) from None


def _read_directory(path: Path, source: str, encoding: str | None, max_bytes: int) -> Iterator[Item]:
    """Every regular *.txt file directly inside `path`, sorted by name, each on its own.

    Other *.txt entries (a named pipe, a device, a subdirectory) are
    skipped with a note: reading a pipe would wait for a writer forever.
    """
    try:
        with os.scandir(path) as scan:
            entries = sorted((entry for entry in scan if Path(entry.name).suffix.lower() == ".txt"), key=lambda entry: entry.name)
    except OSError as error:
        raise InputError(source, _os_message(error)) from None
    regular = []
    for entry in entries:
        if _is_regular(entry):
            regular.append(entry)
        else:
            yield InputNote(entry.path, f"skipped: {_kind_of(entry.path)}, not a regular file")
    if not regular:
        raise InputError(
            source, "no .txt files in this directory; attrib reads regular *.txt files directly inside it"
        )
    for entry in regular:
        try:
            yield _checked(Article(Path(entry.name).stem, _read_file(Path(entry.path), entry.path, encoding, max_bytes), entry.path), "file")
        except InputError as error:
            yield error.problem


def _is_regular(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _kind_of(path: str) -> str:
    """What a path that is not a regular file is, as people call it."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "a broken link or an unreadable entry"
    return _kind(mode)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _open_regular(path: Path, source: str, max_bytes: int | None) -> BinaryIO:
    """The file opened for reading, after checking that it is a regular file of at most `max_bytes`."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    except OSError as error:
        raise InputError(source, _os_message(error)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                source,
                f"not a regular file ({_kind(info.st_mode)}); attrib reads text files, or - for standard input",
            )
        if max_bytes is not None and info.st_size > max_bytes:
            raise InputError(source, _too_large(f"{info.st_size:,} bytes", max_bytes))
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _too_large(size: str, max_bytes: int) -> str:
    return (
        f"too large ({size}; one article may have at most {max_bytes:,} bytes); split it into "
        "articles (a .jsonl holds one per line) or raise the limit with --max-size"
    )


def _read_file(path: Path, source: str, encoding: str | None, max_bytes: int) -> str:
    """A regular file's decoded text, read once as bytes."""
    with _open_regular(path, source, max_bytes) as handle:
        try:
            data = handle.read(max_bytes + 1)
        except OSError as error:
            raise InputError(source, _os_message(error)) from None
    if len(data) > max_bytes:  # it grew after the size check
        raise InputError(source, _too_large(f"more than {max_bytes:,} bytes", max_bytes))
    return decode(data, source, encoding)


def _os_message(error: OSError) -> str:
    """Why a path could not be read, and what to do about it."""
    if isinstance(error, (FileNotFoundError, NotADirectoryError)):
        return "no such file or directory; check the path"
    if isinstance(error, PermissionError):
        return "permission denied; check that you may read it (e.g. chmod +r)"
    return f"cannot read it ({error.strerror or error})"


def iter_jsonl_span(path: str, start: int, stop: int, line: int, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """The articles and problems of the lines of a .jsonl file from byte `start` to byte `stop`.

    `start` is the offset of line number `line`; a large file is read in
    parts this way, each on its own (attrib.distributed).  Problems name the
    lines as reading the whole file would.
    """
    try:
        yield from _read_jsonl(Path(path), path, encoding, max_bytes, (start, stop, line))
    except InputError as error:
        yield error.problem


def _read_jsonl(path: Path, source: str, encoding: str | None, max_bytes: int, span: tuple[int, int, int] | None = None) -> Iterator[Item]:
    """One article per non-blank line; a bad line is a problem, the rest still count.

    Lines are split on \\n only: JSON strings may hold other line separators.
    The file is read line by line, so its size is not limited, only each
    line's; a file in UTF-16 or UTF-32 is read whole, within the limit.
    With `span` (start byte, stop byte, number of the first line), only
    those lines are read (not for UTF-16 or UTF-32).
    """
    wide = encoding is not None and _is_wide(source, encoding)
    with _open_regular(path, source, max_bytes if wide else None) as handle:
        if span is not None and not wide:
            handle.seek(span[0])
        lines = _wide_lines(handle, source, encoding, max_bytes) if wide else _byte_lines(handle, source, encoding, max_bytes, span)
        blank = True
        for number, line in lines:
            where = f"{source}:{number}"
            if isinstance(line, InputProblem):
                blank = False
                yield line
            elif line.strip():
                blank = False
                try:
                    yield _checked(_jsonl_article(line, where), '"text"')
                except InputError as error:
                    yield error.problem
    if blank and (span is None or span[0] == 0):
        yield InputNote(source, "empty file, nothing to tag")


def _wide_lines(handle: BinaryIO, source: str, encoding: str | None, max_bytes: int) -> Iterator[tuple[int, str]]:
    """The lines of a whole file in a wide encoding (UTF-16/32), which cannot be split as bytes."""
    try:
        data = handle.read(max_bytes + 1)
    except OSError as error:
        raise InputError(source, _os_message(error)) from None
    if len(data) > max_bytes:
        raise InputError(source, _too_large(f"more than {max_bytes:,} bytes", max_bytes))
    yield from enumerate(decode(data, source, encoding).split("\n"), start=1)


def _byte_lines(handle: BinaryIO, source: str, encoding: str | None, max_bytes: int, span: tuple[int, int, int] | None = None) -> Iterator[tuple[int, str | InputProblem]]:
    """Each line decoded on its own, or the problem with it; a line longer than `max_bytes` is skipped unread.

    With `span`, the lines from the handle's position up to byte span[1], numbered from span[2].
    """
    number = 0 if span is None else span[2] - 1
    while True:
        try:
            if span is not None and handle.tell() >= span[1]:
                return
            raw = handle.readline(max_bytes + 1)
        except OSError as error:
            raise InputError(source, _os_message(error)) from None
        if not raw:
            return
        number += 1
        where = f"{source}:{number}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            _skip_line(handle)
            yield number, InputProblem(where, _too_large(f"more than {max_bytes:,} bytes", max_bytes))
            continue
        if number == 1:
            _refuse_binary_start(raw, source, encoding)
            raw = raw.removeprefix(codecs.BOM_UTF8) if encoding is None else raw
        try:
            yield number, _decode_line(raw, where, encoding)
        except InputError as error:
            yield number, error.problem


def _skip_line(handle: BinaryIO) -> None:
    """Read past the rest of an overlong line, a block at a time."""
    while True:
        block = handle.readline(1 << 20)
        if not block or block.endswith(b"\n"):
            return


def _decode_line(raw: bytes, where: str, encoding: str | None) -> str:
    if b"\x00" in raw:
        raise InputError(where, "binary data, not text (contains NUL bytes)")
    try:
        return raw.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        raise InputError(where, _undecodable(error, f"at byte {error.start + 1} of the line", encoding)) from None


def _jsonl_article(line: str, source: str) -> Article:
    """The article on one JSONL line, which must be {"id": str, "text": str}."""
    shape = 'each line must be a JSON object with string fields "id" and "text"'
    try:
        record = loads(line)
    except JSONProblem as error:
        raise InputError(source, f"{error}; {shape}") from None
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


def _checked(article: Article, what: str) -> Item:
    """An article with text to tag; an empty or blank one becomes a note.

    Text that is not valid Unicode (a lone surrogate, which some codecs
    decode from escapes) is refused: no record holding it could be written.
    """
    if has_surrogate(article.text):
        raise InputError(article.source, f"{what} holds a lone surrogate (U+D800 to U+DFFF), which is not valid Unicode text")
    if article.text.strip():
        return article
    if article.text:
        return InputNote(article.source, f"{what} has only whitespace, nothing to tag")
    return InputNote(article.source, f"empty {what}, nothing to tag")
