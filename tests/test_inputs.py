"""Reading what users point attrib at: articles, problems and notes."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from attrib.inputs import MAX_BYTES, Article, InputError, InputProblem, Inputs, decode, iter_inputs, read_inputs


def write(path: Path, data: bytes | str) -> str:
    """Write bytes (or UTF-8 text) to `path` and return it as the user would type it."""
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def only_problem(inputs: Inputs) -> InputProblem:
    assert inputs.articles == []
    assert len(inputs.problems) == 1, inputs.problems
    return inputs.problems[0]


def test_txt_file_is_one_article_named_after_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "budget.story.txt", "The minister said so.\n")
    inputs = read_inputs([path])
    assert inputs.articles == [Article("budget.story", "The minister said so.\n", path)]
    assert inputs.problems == [] and inputs.notes == []


def test_other_extension_is_read_as_text(tmp_path: Path) -> None:
    path = write(tmp_path / "story.md", "Hello there.")
    assert read_inputs([path]).articles == [Article("story", "Hello there.", path)]


def test_directory_gives_txt_files_sorted_by_name_and_ignores_the_rest(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Bee.")
    write(tmp_path / "a.txt", "Ay.")
    write(tmp_path / "c.json", "{}")
    write(tmp_path / "notes.md", "Not me.")
    (tmp_path / "sub.txt").mkdir()
    write(tmp_path / "sub.txt" / "deep.txt", "Not recursive.")
    inputs = read_inputs([str(tmp_path)])
    assert [(a.id, a.text) for a in inputs.articles] == [("a", "Ay."), ("b", "Bee.")]
    assert inputs.articles[0].source == str(tmp_path / "a.txt")
    assert inputs.problems == []


def test_directory_without_txt_files_is_a_problem_naming_it(tmp_path: Path) -> None:
    write(tmp_path / "story.pdf", b"%PDF-1.4")
    problem = only_problem(read_inputs([str(tmp_path)]))
    assert problem.source == str(tmp_path)
    assert "no .txt files" in problem.message


def test_jsonl_bad_line_is_a_problem_and_good_lines_are_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path / "dump.jsonl",
        '{"id": "one", "text": "First."}\n'
        "{not json\n"
        "\n"
        '{"id": "three", "text": "Third."}\n',
    )
    inputs = read_inputs([path])
    assert inputs.articles == [
        Article("one", "First.", f"{path}:1"),
        Article("three", "Third.", f"{path}:4"),
    ]
    assert [p.source for p in inputs.problems] == [f"{path}:2"]
    assert "invalid JSON" in inputs.problems[0].message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('["id", "text"]', "got an array"),
        ('{"text": "No id."}', 'missing "id"'),
        ('{"id": "x"}', 'missing "text"'),
        ('{"id": 7, "text": "Numeric id."}', '"id" is a number'),
        ('{"id": "x", "text": null}', '"text" is null'),
    ],
)
def test_jsonl_line_of_the_wrong_shape_is_a_problem(
    tmp_path: Path, line: str, expected: str
) -> None:
    path = write(tmp_path / "dump.jsonl", line + "\n")
    problem = only_problem(read_inputs([path]))
    assert problem.source == f"{path}:1"
    assert expected in problem.message


def test_jsonl_keeps_duplicate_ids_as_given(tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", '{"id": "x", "text": "A."}\n{"id": "x", "text": "B."}\n')
    assert [a.id for a in read_inputs([path]).articles] == ["x", "x"]


def test_stdin_is_read_from_the_given_stream() -> None:
    inputs = read_inputs(["-"], stdin=io.BytesIO("Caf\u00e9 news.".encode("utf-8")))
    assert inputs.articles == [Article("stdin", "Caf\u00e9 news.", "<stdin>")]


def test_stdin_text_stream_is_taken_as_decoded() -> None:
    inputs = read_inputs(["-"], stdin=io.StringIO("Already text."))
    assert inputs.articles == [Article("stdin", "Already text.", "<stdin>")]


def test_utf8_byte_order_mark_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfHeadline\n")
    assert read_inputs([path]).articles[0].text == "Headline\n"


def test_crlf_and_nbsp_are_kept_verbatim(tmp_path: Path) -> None:
    text = "Headline\r\n\r\nMr.\u00a0Healey said: \u201cNo.\u201d\r\n"
    path = write(tmp_path / "win.txt", text)
    assert read_inputs([path]).articles[0].text == text


def test_cp1252_needs_encoding_and_decodes_with_it(tmp_path: Path) -> None:
    raw = "Caf\u00e9 \u201cquoted\u201d".encode("cp1252")
    path = write(tmp_path / "old.txt", raw)
    problem = only_problem(read_inputs([path]))
    assert problem.source == path
    assert "UTF-8" in problem.message and "offset 3" in problem.message
    assert "--encoding cp1252" in problem.message
    assert str(problem) == f"{path}: {problem.message}" and "\n" not in str(problem)
    assert read_inputs([path], encoding="cp1252").articles[0].text == "Caf\u00e9 \u201cquoted\u201d"


def test_unknown_encoding_is_a_clear_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Text.")
    problem = only_problem(read_inputs([path], encoding="klingon"))
    assert "unknown text encoding 'klingon'" in problem.message


def test_utf16_works_when_named_and_is_explained_when_not(tmp_path: Path) -> None:
    path = write(tmp_path / "wide.txt", "Wide text.".encode("utf-16"))
    message = only_problem(read_inputs([path])).message
    assert "UTF-16 byte-order mark" in message and "--encoding utf-16" in message
    assert read_inputs([path], encoding="utf-16").articles[0].text == "Wide text."


@pytest.mark.parametrize(
    ("data", "expected"),
    [(b"Some\x00thing", "NUL bytes"), (b"%PDF-1.7\n1 0 obj\n", "looks like a PDF")],
)
def test_binary_data_is_refused(tmp_path: Path, data: bytes, expected: str) -> None:
    path = write(tmp_path / "renamed.txt", data)
    problem = only_problem(read_inputs([path]))
    assert "binary" in problem.message and expected in problem.message
    # Naming an encoding that would decode anything must not let binary through.
    assert only_problem(read_inputs([path], encoding="latin-1")).message == problem.message


def test_decode_raises_input_error_naming_the_source() -> None:
    with pytest.raises(InputError) as caught:
        decode(b"PK\x03\x04rest", "report.txt", None)
    assert caught.value.problem.source == "report.txt"
    assert "ZIP" in str(caught.value)


def test_nonexistent_path_is_a_problem(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    problem = only_problem(read_inputs([missing]))
    assert problem.source == missing and "no such file" in problem.message
    under_a_file = str(tmp_path / "nope.txt" / "story.txt")
    write(tmp_path / "nope.txt", "A file, not a directory.")
    assert "no such file" in only_problem(read_inputs([under_a_file])).message


def test_unreadable_file_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    write(path, "Hidden.")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything, so simulate the refusal
        real_open = os.open

        def refuse(name: object, *args: object, **kwargs: object) -> int:
            if Path(str(name)) == path:
                raise PermissionError(13, "Permission denied", str(name))
            return real_open(name, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    try:
        problem = only_problem(read_inputs([str(path)]))
    finally:
        path.chmod(0o644)
    assert problem.source == str(path) and "permission denied" in problem.message


def test_one_bad_file_keeps_every_good_article_in_order(tmp_path: Path) -> None:
    first = write(tmp_path / "first.txt", "One.")
    bad = write(tmp_path / "bad.txt", b"%PDF-1.4")
    last = write(tmp_path / "last.txt", "Three.")
    missing = str(tmp_path / "missing.txt")
    inputs = read_inputs([first, bad, missing, "-", last], stdin=io.BytesIO(b"Two."))
    assert [a.id for a in inputs.articles] == ["first", "stdin", "last"]
    assert [p.source for p in inputs.problems] == [bad, missing]


def test_bad_file_inside_directory_does_not_hide_its_siblings(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Good.")
    write(tmp_path / "b.txt", b"\x00\x01")
    write(tmp_path / "c.txt", "Also good.")
    inputs = read_inputs([str(tmp_path)])
    assert [a.id for a in inputs.articles] == ["a", "c"]
    assert [p.source for p in inputs.problems] == [str(tmp_path / "b.txt")]


def test_empty_and_whitespace_only_inputs_become_notes(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.txt", " \r\n\t\u00a0\n")
    bom_only = write(tmp_path / "bom.txt", b"\xef\xbb\xbf")
    jsonl = write(tmp_path / "d.jsonl", '{"id": "x", "text": "  "}\n')
    inputs = read_inputs([empty, blank, bom_only, jsonl])
    assert inputs.articles == [] and inputs.problems == []
    assert [str(n) for n in inputs.notes] == [
        f"{empty}: empty file, nothing to tag",
        f"{blank}: file has only whitespace, nothing to tag",
        f"{bom_only}: empty file, nothing to tag",
        f'{jsonl}:1: "text" has only whitespace, nothing to tag',
    ]


def test_large_file_is_read_when_the_limit_allows_it(tmp_path: Path) -> None:
    text = "A sentence of news, said the minister.\n" * 1_100_000  # about 43 MB
    path = write(tmp_path / "dump.txt", text)
    assert read_inputs([path], max_bytes=50_000_000).articles[0].text == text


# ----------------------------------------------------------- limits and streams ---


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = write(tmp_path / "dump.txt", "x" * (MAX_BYTES + 1))
    problem = only_problem(read_inputs([path]))
    assert problem.source == path and "too large" in problem.message and "--max-size" in problem.message
    assert read_inputs([path], max_bytes=MAX_BYTES + 1).articles[0].text == "x" * (MAX_BYTES + 1)


def test_standard_input_over_the_limit_is_refused_after_reading_only_the_limit() -> None:
    class Endless(io.RawIOBase):
        """Like /dev/zero: a read never ends the stream."""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    problem = only_problem(read_inputs(["-"], stdin=io.BufferedReader(Endless()), max_bytes=1000))
    assert problem.source == "<stdin>" and "too large" in problem.message


def test_a_device_given_as_a_path_is_refused_not_read() -> None:
    problem = only_problem(read_inputs(["/dev/zero"]))
    assert problem.source == "/dev/zero"
    assert "not a regular file (a device)" in problem.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_when_given_and_skipped_in_a_directory(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "feed.txt")
    write(tmp_path / "story.txt", "The mayor said so.")
    problem = only_problem(read_inputs([str(tmp_path / "feed.txt")]))
    assert "not a regular file (a named pipe)" in problem.message
    inputs = read_inputs([str(tmp_path)])
    assert [a.id for a in inputs.articles] == ["story"] and inputs.problems == []
    assert [str(n) for n in inputs.notes] == [f"{tmp_path / 'feed.txt'}: skipped: a named pipe, not a regular file"]


def test_inputs_come_one_at_a_time(tmp_path: Path) -> None:
    """The second input is not touched before the first article is handed over."""
    first = write(tmp_path / "first.txt", "One.")
    second = tmp_path / "second.txt"
    items = iter_inputs([first, str(second)])
    assert next(items) == Article("first", "One.", first)
    write(second, "Written after the first was read.")
    assert next(items).text == "Written after the first was read."


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('{"id": "a", "text": "Bad \\ud800 text."}', ['"text"', "lone surrogate"]),
        ('{"id": "\\udfff", "text": "Fine text."}', ['"id"', "lone surrogate"]),
        ('{"id": "a", "text": "Fine.", "n": ' + "7" * 5000 + "}", ["number of more than"]),
        ("[" * 100_000 + "]" * 100_000, ["nested too deeply"]),
    ],
    ids=["surrogate-text", "surrogate-id", "long-number", "deep-nesting"],
)
def test_jsonl_lines_json_accepts_but_attrib_cannot_use_are_problems(tmp_path: Path, line: str, words: list[str]) -> None:
    path = write(tmp_path / "d.jsonl", '{"id": "ok1", "text": "First."}\n' + line + '\n{"id": "ok2", "text": "Last."}\n')
    inputs = read_inputs([path])
    assert [a.id for a in inputs.articles] == ["ok1", "ok2"]
    assert [p.source for p in inputs.problems] == [f"{path}:2"]
    for word in words:
        assert word in inputs.problems[0].message


def test_jsonl_line_over_the_limit_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", '{"id": "big", "text": "' + "x" * 5000 + '"}\n{"id": "small", "text": "Fine."}\n')
    inputs = read_inputs([path], max_bytes=1000)
    assert [a.id for a in inputs.articles] == ["small"]
    assert [p.source for p in inputs.problems] == [f"{path}:1"] and "too large" in inputs.problems[0].message


def test_jsonl_bad_bytes_spoil_only_their_line(tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", b'{"id": "a", "text": "Caf\xe9."}\n{"id": "b", "text": "Fine."}\n')
    inputs = read_inputs([path])
    assert [a.id for a in inputs.articles] == ["b"]
    assert [p.source for p in inputs.problems] == [f"{path}:1"] and "--encoding" in inputs.problems[0].message


def test_text_decoded_into_lone_surrogates_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "escaped.txt", b"He said \\ud800 twice.")
    problem = only_problem(read_inputs([path], encoding="unicode_escape"))
    assert "lone surrogate" in problem.message
