"""Loading and validating labelled corpora (attrib.corpus)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from attrib.corpus import Corpus, CorpusError, load_corpus
from attrib.records import FOUR_STANCES, LABEL_FIELDS, QUOTE_TYPES, Record

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_LABELS = ROOT / "data" / "labels.jsonl"
SEEDS = ROOT / "seeds"

# A tiny article with a CRLF line ending, so offsets must index the text as stored.
ARTICLE = "a1"
TEXT = 'Storm hits town\n"We deny it," said Ann Lee.\r\nBob Roe condemned the attack. It may spread.\n'
SENTENCES = [
    ("Storm hits town", "none", None, None, None, "none"),
    ('"We deny it," said Ann Lee.', "direct", "Ann Lee", "Ann Lee", "said", "deny"),
    ("Bob Roe condemned the attack.", "indirect", "Bob Roe", "Bob Roe", "condemned", "condemn"),
    ("It may spread.", "none", None, None, None, "none"),
]


def good_lines(article: str = ARTICLE, text: str = TEXT) -> list[dict[str, Any]]:
    """Valid label objects for TEXT, one per sentence."""
    lines = []
    for index, (sentence, quote, speaker, mention, cue, stance) in enumerate(SENTENCES):
        start = text.index(sentence)
        lines.append(
            {
                "article": article,
                "index": index,
                "start": start,
                "end": start + len(sentence),
                "text": sentence,
                "quote": quote,
                "speaker": speaker,
                "mention": mention,
                "cue": cue,
                "stance": stance,
            }
        )
    return lines


def write_corpus(
    tmp_path: Path, lines: list[dict[str, Any] | str], texts: dict[str, str] | None = None
) -> tuple[Path, Path]:
    """Write a labels file (dicts as JSON, strings verbatim) and an articles folder."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for article, text in (texts if texts is not None else {ARTICLE: TEXT}).items():
        (articles / f"{article}.txt").write_bytes(text.encode("utf-8"))
    labels = tmp_path / "labels.jsonl"
    body = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    labels.write_bytes(body.encode("utf-8"))
    return labels, articles


def at(tmp_path: Path, line: int) -> str:
    """How a problem on `line` of the labels file written by write_corpus begins."""
    return f"{tmp_path / 'labels.jsonl'}:{line}: "


def problems_of(labels: Path, articles: Path) -> list[str]:
    with pytest.raises(CorpusError) as caught:
        load_corpus(labels, articles)
    return caught.value.problems


def assert_problem(problems: list[str], prefix: str, *words: str) -> None:
    """Exactly one problem starts with `prefix` (path and line) and contains every word."""
    matching = [problem for problem in problems if problem.startswith(prefix) and all(w in problem for w in words)]
    assert len(matching) == 1, f"expected one problem at {prefix!r} saying {words}, got {problems}"


def corrupt(tmp_path: Path, line: int, **changes: Any) -> list[str]:
    """Problems of the good corpus with fields of 1-based `line` changed (a value of ... deletes it)."""
    lines = good_lines()
    for name, value in changes.items():
        if value is ...:
            del lines[line - 1][name]
        else:
            lines[line - 1][name] = value
    return problems_of(*write_corpus(tmp_path, lines))


# --- the shipped corpus ------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> Corpus:
    return load_corpus(SHIPPED_LABELS, SEEDS)


def test_shipped_corpus_validates(shipped: Corpus) -> None:
    assert shipped.records
    assert set(shipped.texts) == set(shipped.articles)


def test_shipped_corpus_covers_every_seed_character_exactly_once(shipped: Corpus) -> None:
    for article, records in shipped.by_article().items():
        text = shipped.texts[article]
        counts = [0] * len(text)
        for record in records:
            for i in range(record.start, record.end):
                counts[i] += 1
        assert all(count <= 1 for count in counts), article
        uncovered = [i for i, char in enumerate(text) if not char.isspace() and counts[i] == 0]
        assert uncovered == [], f"{article}: uncovered offsets {uncovered[:10]}"


def test_shipped_corpus_has_every_seed_article(shipped: Corpus) -> None:
    seeds = {path.stem for path in SEEDS.glob("*.txt")}
    assert seeds
    assert seeds <= set(shipped.articles)


def test_shipped_corpus_has_every_stance_and_quote_type(shipped: Corpus) -> None:
    assert set(FOUR_STANCES) <= {record.stance for record in shipped.records}
    assert set(QUOTE_TYPES) <= {record.quote for record in shipped.records}


# --- a good file -------------------------------------------------------------


def test_good_corpus_loads(tmp_path: Path) -> None:
    other = "Nothing was said."
    lines = good_lines() + [{**good_lines()[0], "article": "b2", "start": 0, "end": len(other), "text": other}]
    labels, articles = write_corpus(tmp_path, lines, {ARTICLE: TEXT, "b2": other})
    corpus = load_corpus(labels, articles)
    assert corpus.records[1] == Record(
        ARTICLE, 1, 16, 43, '"We deny it," said Ann Lee.', "direct", "Ann Lee", "Ann Lee", "said", "deny"
    )
    assert [record.label_dict() for record in corpus.records] == lines
    assert corpus.texts == {ARTICLE: TEXT, "b2": other}
    assert corpus.articles == [ARTICLE, "b2"]
    assert [r.index for r in corpus.by_article()[ARTICLE]] == [0, 1, 2, 3]
    assert list(corpus.by_article()) == [ARTICLE, "b2"]


def test_blank_lines_are_ignored(tmp_path: Path) -> None:
    lines: list[dict[str, Any] | str] = ["", *good_lines()[:2], "   ", *good_lines()[2:], "\t"]
    corpus = load_corpus(*write_corpus(tmp_path, lines))
    assert len(corpus.records) == 4


def test_blank_lines_count_in_line_numbers(tmp_path: Path) -> None:
    lines: list[dict[str, Any] | str] = ["", *good_lines()]
    lines[3]["stance"] = "maybe"  # type: ignore[index]
    labels, articles = write_corpus(tmp_path, lines)
    assert_problem(problems_of(labels, articles), f"{labels}:4: ", "unknown stance")


def test_labels_with_bom_and_crlf_load(tmp_path: Path) -> None:
    labels, articles = write_corpus(tmp_path, good_lines())
    labels.write_bytes(b"\xef\xbb\xbf" + labels.read_bytes().replace(b"\n", b"\r\n"))
    assert len(load_corpus(labels, articles).records) == 4


def test_article_bom_is_stripped_and_text_otherwise_kept(tmp_path: Path) -> None:
    labels, articles = write_corpus(tmp_path, good_lines())
    (articles / f"{ARTICLE}.txt").write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert load_corpus(labels, articles).texts[ARTICLE] == TEXT


# --- bad files ---------------------------------------------------------------


def test_missing_labels_file(tmp_path: Path) -> None:
    labels = tmp_path / "nowhere.jsonl"
    problems = problems_of(labels, tmp_path)
    assert problems == [
        f"{labels}: labels file not found; check the path (expected a JSONL file, one object per sentence)"
    ]


def test_unreadable_labels_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    labels, articles = write_corpus(tmp_path, good_lines())

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    assert_problem(problems_of(labels, articles), f"{labels}: ", "cannot read the labels file", "Permission denied")


def test_labels_folder_without_jsonl_files(tmp_path: Path) -> None:
    labels = tmp_path / "labels"
    labels.mkdir()
    assert_problem(problems_of(labels, tmp_path), f"{labels}: ", "no .jsonl files")


def test_labels_that_are_a_device_are_refused_unread(tmp_path: Path) -> None:
    assert_problem(problems_of(Path("/dev/zero"), tmp_path), "/dev/zero: ", "not a regular file")


def test_labels_file_not_utf8(tmp_path: Path) -> None:
    labels, articles = write_corpus(tmp_path, good_lines())
    labels.write_bytes(labels.read_bytes() + b'{"article": "caf\xe9"}\n')
    problems = problems_of(labels, articles)
    assert_problem(problems, f"{labels}: ", "not UTF-8", "0xe9", "line 5", "save the file as UTF-8")


def test_empty_labels_file(tmp_path: Path) -> None:
    labels, articles = write_corpus(tmp_path, ["", "  "])
    assert_problem(problems_of(labels, articles), f"{labels}: ", "no sentences")


def test_article_text_not_utf8(tmp_path: Path) -> None:
    labels, articles = write_corpus(tmp_path, good_lines())
    path = articles / f"{ARTICLE}.txt"
    path.write_bytes(b"Caf\xe9 society")
    assert_problem(problems_of(labels, articles), f"{path}: ", "not UTF-8", "line 1")


def test_missing_articles_directory(tmp_path: Path) -> None:
    labels, _ = write_corpus(tmp_path, good_lines())
    articles = tmp_path / "elsewhere"
    assert_problem(problems_of(labels, articles), f"{articles}: ", "articles directory not found")


# --- bad lines ---------------------------------------------------------------


@pytest.mark.parametrize("line", ['{"article": "a1", "index": 2', "not json", "{'article': 'a1'}"])
def test_invalid_json(tmp_path: Path, line: str) -> None:
    lines: list[dict[str, Any] | str] = [*good_lines()]
    lines[2] = line
    labels, articles = write_corpus(tmp_path, lines)
    problems = problems_of(labels, articles)
    assert_problem(problems, f"{labels}:3: ", "invalid JSON", "column")
    assert len(problems) == 1, "a broken line must not also be reported as a gap or index jump"


@pytest.mark.parametrize("line, found", [("[1, 2]", "a list"), ('"a1"', "'a1'"), ("7", "7"), ("null", "null")])
def test_line_not_an_object(tmp_path: Path, line: str, found: str) -> None:
    lines: list[dict[str, Any] | str] = [*good_lines()]
    lines[1] = line
    labels, articles = write_corpus(tmp_path, lines)
    assert_problem(problems_of(labels, articles), f"{labels}:2: ", "expected a JSON object", f"found {found}")


@pytest.mark.parametrize("name", LABEL_FIELDS)
def test_missing_field(tmp_path: Path, name: str) -> None:
    problems = corrupt(tmp_path, 2, **{name: ...})
    assert_problem(problems, at(tmp_path, 2), "missing field", repr(name))


def test_several_missing_fields_in_one_problem(tmp_path: Path) -> None:
    problems = corrupt(tmp_path, 2, cue=..., stance=...)
    assert_problem(problems, at(tmp_path, 2), "missing fields 'cue', 'stance'")


def test_unknown_field(tmp_path: Path) -> None:
    problems = corrupt(tmp_path, 3, colour="red")
    assert_problem(problems, at(tmp_path, 3), "unknown field 'colour'", "allowed fields")


@pytest.mark.parametrize(
    "name, value, words",
    [
        ("index", "1", ("'index' must be a whole number >= 0", "got '1'")),
        ("index", -1, ("'index' must be a whole number >= 0", "got -1")),
        ("index", True, ("'index' must be a whole number >= 0", "got true")),
        ("start", 16.0, ("'start' must be a whole number >= 0", "got 16.0")),
        ("end", None, ("'end' must be a whole number >= 0", "got null")),
        ("text", 3, ("'text' must be a string", "got 3")),
        ("speaker", 5, ("'speaker' must be a string or null", "got 5")),
        ("mention", ["Ann"], ("'mention' must be a string or null", "got a list")),
        ("cue", {"word": "said"}, ("'cue' must be a string or null", "got an object")),
        ("quote", None, ("'quote' must be a string", "got null")),
        ("stance", 0, ("'stance' must be a string", "got 0")),
        ("article", 1, ("'article' must be the article's file name", "got 1")),
        ("article", "", ("'article' must be the article's file name", "got ''")),
        ("article", "../a1", ("'article' must be the article's file name", "got '../a1'")),
    ],
)
def test_wrong_type(tmp_path: Path, name: str, value: Any, words: tuple[str, ...]) -> None:
    problems = corrupt(tmp_path, 2, **{name: value})
    assert_problem(problems, at(tmp_path, 2), *words)


def test_unknown_quote_type(tmp_path: Path) -> None:
    problems = corrupt(tmp_path, 2, quote="quoted")
    assert_problem(
        problems, at(tmp_path, 2), "unknown quote type 'quoted' (expected one of direct, indirect, none)"
    )


def test_unknown_stance(tmp_path: Path) -> None:
    problems = corrupt(tmp_path, 2, stance="maybe")
    assert problems == [
        f"{tmp_path / 'labels.jsonl'}:2: unknown stance 'maybe' (expected one of condemn, hedge, confirm, deny, none)"
    ]


def test_missing_article_text_reported_once_per_article(tmp_path: Path) -> None:
    lines = good_lines() + good_lines(article="gone")
    labels, articles = write_corpus(tmp_path, lines)
    problems = problems_of(labels, articles)
    missing = [problem for problem in problems if "no text file" in problem]
    assert missing == [f"{labels}:5: no text file for article 'gone' (expected {articles / 'gone.txt'})"]


def test_offsets_do_not_reproduce_text(tmp_path: Path) -> None:
    problems = corrupt(tmp_path, 3, text="Bob Roe condoned the attack.")
    assert_problem(
        problems, at(tmp_path, 3), "offsets 45-74 do not reproduce 'text'", "character 12", "'emned", "'oned"
    )


def test_offsets_out_of_range(tmp_path: Path) -> None:
    problems = corrupt(tmp_path, 4, end=95)
    assert_problem(problems, at(tmp_path, 4), "end 95 is out of range", "has only 90 characters")


def test_start_not_before_end(tmp_path: Path) -> None:
    problems = corrupt(tmp_path, 4, start=89, end=75)
    assert any(problem.startswith(at(tmp_path, 4) + "start 89 is not before end 75") for problem in problems)


@pytest.mark.parametrize(
    "line, changes, words",
    [
        (1, {"speaker": "Ann Lee"}, ("speaker 'Ann Lee' on a sentence with quote 'none'",)),
        (1, {"stance": "hedge"}, ("stance 'hedge' on a sentence with quote 'none'", "expected 'none'")),
        (2, {"speaker": " "}, ("empty speaker ' '", "null for a direct quote")),
        (3, {"speaker": None}, ("indirect quote with no speaker",)),
    ],
)
def test_labels_that_contradict_quote(
    tmp_path: Path, line: int, changes: dict[str, Any], words: tuple[str, ...]
) -> None:
    problems = corrupt(tmp_path, line, **changes)
    assert_problem(problems, at(tmp_path, line), *words)


def test_duplicate_index(tmp_path: Path) -> None:
    lines = good_lines()
    labels, articles = write_corpus(tmp_path, [*lines[:3], lines[2], lines[3]])
    problems = problems_of(labels, articles)
    assert problems == [f"{labels}:4: duplicate sentence: article 'a1' index 2 is already on line 3"]


def test_duplicate_offsets(tmp_path: Path) -> None:
    lines = good_lines()
    labels, articles = write_corpus(tmp_path, [*lines, {**lines[1], "index": 4}])
    assert_problem(problems_of(labels, articles), f"{labels}:5: ", "duplicate sentence", "offsets 16-43", "line 2")


@pytest.mark.parametrize("line, index, expected", [(1, 1, 0), (3, 5, 2)])
def test_index_out_of_order(tmp_path: Path, line: int, index: int, expected: int) -> None:
    problems = corrupt(tmp_path, line, index=index)
    assert_problem(problems, at(tmp_path, line), f"index {index} out of order", f"expected {expected}")


def test_missing_sentence_is_one_index_problem_and_one_gap(tmp_path: Path) -> None:
    lines = good_lines()
    labels, articles = write_corpus(tmp_path, [lines[0], lines[2], lines[3]])
    problems = problems_of(labels, articles)
    assert len(problems) == 2
    assert_problem(problems, f"{labels}:2: ", "index 2 out of order", "expected 1")
    assert_problem(problems, f"{labels}:2: ", "16-43 is not covered", "between line 1 and this sentence")


def test_overlap(tmp_path: Path) -> None:
    start = good_lines()[2]["start"] - 3
    problems = corrupt(tmp_path, 3, start=start, text=TEXT[start : good_lines()[2]["end"]])
    assert_problem(problems, at(tmp_path, 3), "overlaps the sentence on line 2", f"starts at {start}")


def test_sentences_out_of_order(tmp_path: Path) -> None:
    lines = good_lines()
    lines[2], lines[3] = lines[3], lines[2]
    lines[2]["index"], lines[3]["index"] = 2, 3
    labels, articles = write_corpus(tmp_path, lines)
    problems = problems_of(labels, articles)
    assert problems == [
        f"{labels}:4: sentence out of order: starts at 45, before the sentence on line 3 (starts at 75); "
        "sentences must follow the article's order"
    ]


@pytest.mark.parametrize(
    "line, changes, reported, words",
    [
        (1, {"start": 6, "text": "hits town"}, 1, ("0-5 is not covered", "before the first sentence", "'Storm'")),
        (3, {"end": 66, "text": "Bob Roe condemned the"}, 4, ("67-74 is not covered", "between line 3 and this")),
        (4, {"end": 81, "text": "It may"}, 4, ("82-89 is not covered", "after the last sentence", "'spread.'")),
    ],
)
def test_gap(tmp_path: Path, line: int, changes: dict[str, Any], reported: int, words: tuple[str, ...]) -> None:
    """Shortening a sentence leaves text uncovered, reported at the sentence after the gap (or the last)."""
    problems = corrupt(tmp_path, line, **changes)
    assert_problem(problems, at(tmp_path, reported), *words)
    assert len(problems) == 1


def test_whitespace_between_sentences_is_not_a_gap(tmp_path: Path) -> None:
    text = "  One.\t\u00a0\n Two.\r\n  "
    lines = [
        {**good_lines()[0], "index": 0, "start": 2, "end": 6, "text": "One."},
        {**good_lines()[0], "index": 1, "start": 10, "end": 14, "text": "Two."},
    ]
    assert len(load_corpus(*write_corpus(tmp_path, lines, {ARTICLE: text})).records) == 2


# --- reporting ----------------------------------------------------------------


def test_several_bad_lines_all_reported_in_one_run(tmp_path: Path) -> None:
    lines: list[dict[str, Any] | str] = [*good_lines()]
    lines[0]["stance"] = "maybe"  # type: ignore[index]
    lines[1] = "{oops"
    lines[2]["colour"] = "red"  # type: ignore[index]
    lines[3]["text"] = "It may not spread."  # type: ignore[index]
    labels, articles = write_corpus(tmp_path, lines)
    problems = problems_of(labels, articles)
    assert_problem(problems, f"{labels}:1: ", "unknown stance 'maybe'")
    assert_problem(problems, f"{labels}:2: ", "invalid JSON")
    assert_problem(problems, f"{labels}:3: ", "unknown field 'colour'")
    assert_problem(problems, f"{labels}:4: ", "do not reproduce 'text'")
    assert len(problems) == 4


def test_error_message_is_problems_one_per_line(tmp_path: Path) -> None:
    lines = good_lines()
    lines[0]["text"] = "Storm\nhits town"
    lines[2]["stance"] = "maybe"
    labels, articles = write_corpus(tmp_path, lines)
    with pytest.raises(CorpusError) as caught:
        load_corpus(labels, articles)
    problems = caught.value.problems
    assert len(problems) == 2
    assert str(caught.value) == "\n".join(problems)
    assert str(caught.value).count("\n") == 1


# --- several files, str paths, JSON that parses but cannot be used -------------


def test_paths_may_be_given_as_strings(tmp_path: Path) -> None:
    labels, articles = write_corpus(tmp_path, good_lines())
    assert len(load_corpus(str(labels), str(articles)).records) == len(SENTENCES)


def test_a_direct_quote_may_have_no_speaker(tmp_path: Path) -> None:
    lines = good_lines()
    lines[1].update(speaker=None, mention=None, cue=None)
    corpus = load_corpus(*write_corpus(tmp_path, lines))
    assert corpus.records[1].quote == "direct" and corpus.records[1].speaker is None


def split_corpus(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """The good corpus and a second article, each with its own labels file and folder."""
    first_labels, first_articles = write_corpus(tmp_path, good_lines())
    other = tmp_path / "other"
    other.mkdir()
    second_labels, second_articles = write_corpus(other, good_lines("b2"), {"b2": TEXT})
    return first_labels, first_articles, second_labels, second_articles


def test_several_labels_files_and_article_folders_are_merged(tmp_path: Path) -> None:
    first_labels, first_articles, second_labels, second_articles = split_corpus(tmp_path)
    corpus = load_corpus([first_labels, second_labels], [first_articles, second_articles])
    assert corpus.articles == [ARTICLE, "b2"] and len(corpus.records) == 2 * len(SENTENCES)
    folder = tmp_path / "all-labels"
    folder.mkdir()
    (folder / "1.jsonl").write_bytes(first_labels.read_bytes())
    (folder / "2.jsonl").write_bytes(second_labels.read_bytes())
    assert load_corpus(folder, [first_articles, second_articles]).articles == [ARTICLE, "b2"]


def test_the_same_labels_in_two_files_are_duplicates_naming_both(tmp_path: Path) -> None:
    labels, articles = write_corpus(tmp_path, good_lines())
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(labels.read_bytes())
    problems = problems_of([labels, copy], articles)  # type: ignore[arg-type]
    assert_problem(problems, f"{copy}:1: ", "duplicate sentence", f"already on {labels}:1")


def test_one_article_with_two_texts_is_a_problem(tmp_path: Path) -> None:
    labels, articles = write_corpus(tmp_path, good_lines())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / f"{ARTICLE}.txt").write_text(TEXT + "More.\n", encoding="utf-8")
    assert_problem(problems_of(labels, [articles, elsewhere]), f"{labels}:1: ", "different texts")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "line, words",
    [
        ('{"article": "a1", "index": 0, "text": "\\ud800"}', ('"text"', "lone surrogate")),
        ('{"article": "a1", "index": ' + "9" * 5000 + "}", ("number of more than",)),
        ("[" * 100_000 + "]" * 100_000, ("nested too deeply",)),
    ],
    ids=["surrogate", "long-number", "deep-nesting"],
)
def test_json_that_parses_but_cannot_be_used_is_reported_at_its_line(tmp_path: Path, line: str, words: tuple[str, ...]) -> None:
    lines: list[dict[str, Any] | str] = [*good_lines(), line]
    problems = problems_of(*write_corpus(tmp_path, lines))
    assert_problem(problems, at(tmp_path, 5), *words)


def test_a_labels_file_given_twice_is_read_once(tmp_path: Path) -> None:
    labels, articles = write_corpus(tmp_path, good_lines())
    assert len(load_corpus([labels, labels, tmp_path], articles).records) == len(SENTENCES)
