"""The `attrib` command as a user runs it: predict, train, evaluate, and whatever users feed it."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import select
import subprocess
import sys
from datetime import datetime
from importlib import metadata
from pathlib import Path

import pytest
from hypothesis import given, settings

from attrib.corpus import load_corpus
from attrib.loading import load_tagger
from attrib.model.compiled import COMPILED_FORMAT
from attrib.model.persistence import MODEL_FORMAT
from attrib.records import PREDICTION_FIELDS, QUOTE_TYPES, STANCES, Record
from attrib.model.tagger import Tagger
from tests.conftest import DATA, SEEDS, USER_ARTICLE, write_user_labels
from tests.strategies import hostile_text

SEED = SEEDS / "003_218fb273f3dd3233.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def records_of(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def assert_valid_records(records: list[dict], texts: dict[str, str]) -> None:
    """Every record indexes its article's text, per article in order 0..n-1, covering it all."""
    by_article: dict[str, list[dict]] = {}
    for record in records:
        assert list(record) == list(PREDICTION_FIELDS)
        by_article.setdefault(record["article"], []).append(record)
    assert set(by_article) == set(texts)
    for article, group in by_article.items():
        text = texts[article]
        assert [r["index"] for r in group] == list(range(len(group)))
        covered = set()
        previous_end = 0
        for record in group:
            assert record["text"] == text[record["start"] : record["end"]]
            assert previous_end <= record["start"] < record["end"]
            previous_end = record["end"]
            covered.update(range(record["start"], record["end"]))
            assert record["quote"] in QUOTE_TYPES and record["stance"] in STANCES
            assert 0.0 <= record["confidence"] <= 1.0
        assert all(i in covered for i, c in enumerate(text) if not c.isspace())


# ---------------------------------------------------------------- predict ---


def test_predict_jsonl_prints_one_record_per_sentence(cli) -> None:
    result = cli("predict", SEED, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = records_of(result.stdout)
    assert len(records) > 10
    assert_valid_records(records, {SEED.stem: SEED_TEXT})
    assert any(r["quote"] != "none" and r["speaker"] for r in records)
    assert all((r["quote"] == "none") <= (r["speaker"] is None and r["stance"] == "none") for r in records)
    assert result.stderr == ""


def test_predict_works_from_any_working_directory(cli, cli_process, tmp_path: Path) -> None:
    """Nothing depends on being run inside the repository (the default model is bundled)."""
    expected = cli("predict", SEED, "--format", "jsonl").stdout
    (tmp_path / "article.txt").write_bytes(SEED.read_bytes())
    process = cli_process("predict", "article.txt", "--format", "jsonl", cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    records = records_of(process.stdout)
    assert_valid_records(records, {"article": SEED_TEXT})
    assert [dict(r, article=SEED.stem) for r in records] == records_of(expected)


def test_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    """`attrib predict ... | head -1`: no traceback, and the exit code still speaks about the inputs."""
    missing = tmp_path / "missing.txt"
    many = tmp_path / "many.jsonl"  # short articles: far more output than a pipe holds, quickly
    many.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Officials said {i} troops arrived."}) + "\n" for i in range(3000)))
    process = subprocess.Popen(
        [sys.executable, "-c", "from attrib.cli import main; main()", "predict", "--format", "jsonl", str(many), str(missing)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == 1
    assert json.loads(first)["index"] == 0
    assert "Traceback" not in stderr and "Exception" not in stderr
    assert str(missing) in stderr


def test_predict_csv_has_a_header_and_the_same_records(cli) -> None:
    expected = records_of(cli("predict", SEED, "--format", "jsonl").stdout)
    result = cli("predict", SEED, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == list(PREDICTION_FIELDS)
    assert len(rows) - 1 == len(expected)
    for row, record in zip(rows[1:], expected):
        assert row[PREDICTION_FIELDS.index("text")] == record["text"]
        assert int(row[PREDICTION_FIELDS.index("start")]) == record["start"]
        assert row[PREDICTION_FIELDS.index("speaker")] == (record["speaker"] or "")
        assert row[PREDICTION_FIELDS.index("stance")] == record["stance"]


def test_predict_table_shows_attributed_sentences(cli) -> None:
    expected = records_of(cli("predict", SEED, "--format", "jsonl").stdout)
    attributed = [r for r in expected if r["quote"] != "none"]
    result = cli("predict", SEED)  # table is the default
    assert result.exit_code == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["article", "#", "speaker", "quote", "stance", "conf", "sentence"]
    assert len(rows) == len(attributed) >= 1
    sentence_column = header.index("sentence")
    for row, record in zip(rows, attributed):
        assert row.startswith(SEED.stem)
        assert (record["speaker"] or "?")[:20] in row and record["stance"] in row
        assert row[header.index("quote") :].split()[0] == record["quote"]
        assert record["text"].startswith(row[sentence_column:].rstrip("\u2026"))


def test_unknown_format_is_refused(cli) -> None:
    result = cli("predict", SEED, "--format", "xml")
    assert result.exit_code == 2
    assert "'xml'" in result.stderr and "jsonl" in result.stderr and "csv" in result.stderr
    assert result.stdout == ""


def test_predict_a_directory_tags_every_txt_file(cli) -> None:
    result = cli("predict", SEEDS, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    texts = {path.stem: path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")}
    records = records_of(result.stdout)
    assert_valid_records(records, texts)
    assert list(dict.fromkeys(r["article"] for r in records)) == sorted(texts)


def test_predict_standard_input(cli) -> None:
    result = cli("predict", "-", "--format", "jsonl", input=SEED.read_bytes())
    assert result.exit_code == 0, result.stderr
    records = records_of(result.stdout)
    assert_valid_records(records, {"stdin": SEED_TEXT})


def test_predict_jsonl_articles_uses_their_ids(cli, tmp_path: Path) -> None:
    articles = {"first": "“We deny it,” Mr Smith said.", "second": SEED_TEXT}
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in articles.items()), encoding="utf-8")
    result = cli("predict", path, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert_valid_records(records_of(result.stdout), articles)


# ---------------------------------------------------------- train/evaluate ---


def test_train_writes_model_and_card(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one run with leave-one-article-out scoring; outside the clone, on the bundled labels and seeds."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "model"
    result = cli("train", "--out", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["model.joblib", "model.json", "tagger.pickle"]
    card = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert {"attrib", "python", "scikit-learn", "numpy"} <= set(card["versions"])
    assert card["model_sha256"] == hashlib.sha256((out / "model.joblib").read_bytes()).hexdigest()
    assert card["serving_sha256"] == hashlib.sha256((out / "tagger.pickle").read_bytes()).hexdigest()
    assert card["format"] == MODEL_FORMAT and card["compiled_format"] == COMPILED_FORMAT
    assert card["training_data"]["labels_sha256"] == hashlib.sha256(DATA.read_bytes()).hexdigest()
    labels = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert card["training_data"]["sentences"] == len(labels)
    for field in ("quote", "stance"):
        counts = {}
        for label in labels:
            counts[label[field]] = counts.get(label[field], 0) + 1
        assert card["label_counts"][field] == counts
    assert datetime.fromisoformat(card["created"]).tzinfo is not None
    scores = card["leave_one_article_out"]
    assert set(scores) == {"model", "majority", "keywords"}
    assert all(0.0 <= value <= 1.0 for figures in scores.values() for value in figures.values())
    assert "leave-one-article-out model" in result.stdout and str(out / "model.joblib") in result.stdout
    assert load_tagger(out).tag(SEED_TEXT)


FIGURES = (
    "stance macro-F1 (4 stances)",
    "quote-type macro-F1",
    "speaker exact",
    "speaker lenient",
    "sentence-boundary F1",
)


def test_evaluate_held_out_prints_figures_beside_baselines(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside the clone, without --data and --seeds: the bundled labels and seeds."""
    monkeypatch.chdir(tmp_path)
    result = cli("evaluate")
    assert result.exit_code == 0, result.stderr
    for figure in FIGURES:
        assert figure in result.stdout
    assert "majority" in result.stdout and "keywords" in result.stdout
    assert "split: held-out" in result.stdout


def test_evaluate_saved_model_on_gold(cli, trained_model: Path) -> None:
    text = cli("evaluate", "--gold", DATA, "--articles", SEEDS, "--model", trained_model)
    assert text.exit_code == 0, text.stderr
    for figure in FIGURES:
        assert figure in text.stdout
    result = cli("evaluate", "--gold", DATA, "--articles", SEEDS, "--model", trained_model, "--json")
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert {"model", "majority", "keywords"} <= set(scores)
    assert scores["model"]["sentences"] == len(DATA.read_text(encoding="utf-8").splitlines())
    for run in (text, result):  # the model was trained on these very articles
        assert "warning: 5 of 5 gold articles" in run.stderr and "training data" in run.stderr


def test_evaluate_on_articles_the_model_never_saw_gives_no_warning(cli, trained_model: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ferry.txt").write_text(USER_ARTICLE, encoding="utf-8")
    labels = write_user_labels(tmp_path / "gold.jsonl")
    result = cli("evaluate", "--gold", labels, "--articles", articles, "--model", trained_model, "--json")
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--gold", str(DATA)], "--articles"),
        (["--model", "somewhere"], "--gold"),
        (["--cv", "--gold", str(DATA), "--articles", str(SEEDS)], "--cv"),
        (["--data", "missing.jsonl"], "missing.jsonl"),
    ],
)
def test_evaluate_refuses_options_it_would_ignore(cli, args: list[str], message: str) -> None:
    result = cli("evaluate", *args)
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""


def test_evaluate_cv_meets_the_acceptance_floors(cli) -> None:
    """The one cross-validated evaluation: the model beats both baselines and keeps the
    seed floors set when the dev-set work began (speaker 0.90, stance four 0.75)."""
    result = cli("evaluate", "--cv", "--json", "--data", DATA, "--seeds", SEEDS)
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    model, baselines = scores["model"], [scores["majority"], scores["keywords"]]
    for baseline in baselines:
        assert model["stance"]["macro_f1_4"] > baseline["stance"]["macro_f1_4"]
        assert model["quote"]["macro_f1"] > baseline["quote"]["macro_f1"]
    assert model["speaker"]["lenient"] >= 0.90
    assert model["stance"]["macro_f1_4"] >= 0.75


def _dicts(tagged: list[list[Record]]) -> list[dict]:
    return [record.prediction_dict() for records in tagged for record in records]


def test_saved_model_predicts_like_the_one_in_memory(session_tagger: Tagger, tmp_path: Path) -> None:
    """fit -> save -> load -> predict == fit -> predict; and two trainings agree (determinism)."""
    from attrib.model.persistence import load_model, save_model

    corpus = load_corpus(DATA, SEEDS)
    articles = [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]
    articles.append(("hostile", "„Wir bestätigen das“, sagte er. « Non », a-t-il dit. 「はい」と彼は言った。"))
    in_memory = Tagger().fit(corpus)
    save_model(in_memory, tmp_path, {})
    expected = _dicts(in_memory.tag_many(articles))
    assert _dicts(load_model(tmp_path).tag_many(articles)) == expected
    assert _dicts(session_tagger.tag_many(articles)) == expected  # trained separately by the fixture


def test_cli_predict_with_saved_model_matches_the_library(cli, session_tagger: Tagger, trained_model: Path) -> None:
    result = cli("predict", SEED, "--format", "jsonl", "--model", trained_model / "model.json")
    assert result.exit_code == 0, result.stderr
    assert records_of(result.stdout) == _dicts([session_tagger.tag(SEED_TEXT, SEED.stem)])


# ------------------------------------------------------ hostile inputs: files ---


@pytest.mark.parametrize("content, kind", [(b"", "empty"), (b"  \n\t\r\n \xc2\xa0\n", "whitespace")], ids=["empty", "whitespace"])
def test_empty_and_blank_files_are_a_note_not_an_error(cli, tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / f"{kind}.txt"
    path.write_bytes(content)
    for fmt in ("jsonl", "csv", "table"):
        result = cli("predict", path, "--format", fmt)
        assert result.exit_code == 0
        assert result.stdout == ""
        assert str(path) in result.stderr and "nothing to tag" in result.stderr


def test_bom_crlf_and_nbsp_keep_offsets_into_the_decoded_text(cli, tmp_path: Path) -> None:
    text = (
        "Ministers\u00a0met on Monday.\r\n"
        "\u201cWe condemn this reckless escalation,\u201d Mr\u00a0Healey said.\r\n"
        "\r\n"
        "The Kremlin denied the claims, officials said.\r\n"
    )
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = cli("predict", path, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = records_of(result.stdout)
    assert_valid_records(records, {"windows": text})  # BOM stripped, CRLF and NBSP kept
    assert not any("\r" in r["text"] or "\ufeff" in r["text"] for r in records)
    assert any(r["speaker"] and "Healey" in r["speaker"] for r in records)


CP1252 = b"Caf\xe9 owner Jean Dupont said \x93hello\x94 to the minister."


def test_cp1252_alone_fails_and_suggests_an_encoding(cli, tmp_path: Path) -> None:
    """No input could be read, so nothing was done: exit 2 (see the cli docstring)."""
    path = tmp_path / "cafe.txt"
    path.write_bytes(CP1252)
    result = cli("predict", path, "--format", "jsonl")
    assert result.exit_code == 2
    assert str(path) in result.stderr and "--encoding" in result.stderr and "UTF-8" in result.stderr
    assert "nothing was tagged" in result.stderr
    assert result.stdout == ""

    decoded = cli("predict", path, "--format", "jsonl", "--encoding", "cp1252")
    assert decoded.exit_code == 0, decoded.stderr
    records = records_of(decoded.stdout)
    assert_valid_records(records, {"cafe": CP1252.decode("cp1252")})
    assert "Café" in records[0]["text"] and "\u201chello\u201d" in records[0]["text"]


def test_unknown_encoding_is_one_clear_error(cli, tmp_path: Path) -> None:
    paths = []
    for name in ("a.txt", "b.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_bytes(CP1252)
    result = cli("predict", *paths, "--encoding", "klingon")
    assert result.exit_code == 2
    assert result.stderr.count("klingon") == 1 and "--encoding" in result.stderr


@pytest.mark.parametrize(
    "content, words",
    [
        (b"He said\x00 hello\x00.", ["binary", "NUL"]),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>", ["binary", "PDF"]),
        (b"PK\x03\x04\x14\x00\x06\x00", ["binary", "ZIP"]),
        (b"\xff\xfeH\x00e\x00", ["UTF-16", "--encoding utf-16"]),
    ],
)
def test_binary_files_are_named_and_refused(cli, tmp_path: Path, content: bytes, words: list[str]) -> None:
    path = tmp_path / "renamed.txt"
    path.write_bytes(content)
    result = cli("predict", path, "--format", "jsonl")
    assert result.exit_code == 2
    assert str(path) in result.stderr
    for word in words:
        assert word in result.stderr
    assert result.stdout == ""


def test_nonexistent_path(cli, tmp_path: Path) -> None:
    path = tmp_path / "no" / "such.txt"
    result = cli("predict", path)
    assert result.exit_code == 2
    assert str(path) in result.stderr and "no such file" in result.stderr
    assert result.stdout == ""


def test_directory_without_txt_files(cli, tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("He said hi.", encoding="utf-8")
    result = cli("predict", tmp_path)
    assert result.exit_code == 2
    assert str(tmp_path) in result.stderr and ".txt" in result.stderr


def test_jsonl_with_one_bad_line_tags_the_others(cli, tmp_path: Path) -> None:
    path = tmp_path / "scraped.jsonl"
    good = {"a": "“It is shocking,” Mr Healey said.", "c": "Officials denied the claims, the ministry said."}
    path.write_text(
        json.dumps({"id": "a", "text": good["a"]}) + "\n"
        + '{"id": "b", "text": "cut off\n'
        + json.dumps({"id": "c", "text": good["c"]}) + "\n",
        encoding="utf-8",
    )
    result = cli("predict", path, "--format", "jsonl")
    assert result.exit_code == 1
    assert f"{path}:2:" in result.stderr and "invalid JSON" in result.stderr
    assert_valid_records(records_of(result.stdout), good)


def test_one_bad_file_in_a_batch_loses_nothing_else(cli, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    texts = {}
    for index, seed in enumerate(sorted(SEEDS.glob("*.txt"))[:3]):
        texts[f"{index}_good"] = seed.read_text(encoding="utf-8")
        (folder / f"{index}_good.txt").write_text(texts[f"{index}_good"], encoding="utf-8")
    (folder / "1_bad.txt").write_bytes(b"%PDF-1.7 binary")
    (folder / "2_bad.txt").write_bytes(CP1252)
    missing = tmp_path / "missing.txt"
    result = cli("predict", folder, missing, "--format", "jsonl")
    assert result.exit_code == 1
    assert_valid_records(records_of(result.stdout), texts)
    for bad in (folder / "1_bad.txt", folder / "2_bad.txt", missing):
        assert str(bad) in result.stderr
    assert "3 input(s) could not be read" in result.stderr


# ---------------------------------------------------- hostile inputs: text ---


def assert_tagging_invariants(tagger: Tagger, text: str) -> list[Record]:
    records = tagger.tag(text)
    previous_end = 0
    covered = set()
    for index, record in enumerate(records):
        assert record.index == index
        assert record.text == text[record.start : record.end]
        assert previous_end <= record.start < record.end
        previous_end = record.end
        covered.update(range(record.start, record.end))
        assert record.quote in QUOTE_TYPES and record.stance in STANCES
        if record.quote == "none":
            assert record.speaker is None and record.stance == "none"
    assert [i for i, c in enumerate(text) if not c.isspace() and i not in covered] == []
    return records


@settings(max_examples=50, deadline=None)
@given(text=hostile_text)
def test_hostile_text_never_breaks_the_tagger(session_tagger: Tagger, text: str) -> None:
    assert_tagging_invariants(session_tagger, text)


def test_a_quote_with_no_source_in_sight_abstains_rather_than_guessing(session_tagger: Tagger) -> None:
    """A quote whose speaker cannot be found keeps its quote type and takes no speaker (documented)."""
    records = session_tagger.tag("\u201cIt is highly likely that troops have been deployed,\u201d he said.")
    assert [(r.quote, r.speaker) for r in records] == [("direct", None)]


HOSTILE = {
    "german quotes": "„Das ist inakzeptabel“, sagte Scholz. Er fügte hinzu: „Wir prüfen das.“",
    "english curly": "\u201cWe know that,\u201d he said. \u2018It is likely,\u2019 she added.",
    "guillemets": "« C'est une escalade », a déclaré Macron. »Nein«, sagte er.",
    "single guillemets": "‹ Non ›, dit-il. ‚Ja‘, sagte sie.",
    "fullwidth": "＂We deny it＂, the embassy said.",
    "cjk corner": "「これは挑発だ」と外相は述べた。『確認していない』と報道官は語った。",
    "only marks": "\"\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb\u2039\u203a\u201a\uff02\u300c\u300d",
    "unbalanced marks": "\u201c" * 2500 + "\u00ab" * 2500,
    "long line": "word " * 20000,
    "cjk": "中国外交部发言人表示，中方对此表示严重关切。他说：“我们反对。”",
    "arabic": "وقال المتحدث باسم الوزارة: «ندين هذا التصعيد». وأضاف أن الوضع خطير.",
    "hebrew": "\u200f\"אנחנו מכחישים\", אמר הדובר. הוא הוסיף כי המצב מורכב.",
    "emoji": "“This is 🔥🔥 reckless 😡,” the minister said 👍🏽. 👨‍👩‍👧 Flags 🇺🇦🇰🇷.",
    "control characters": "He said\x00 \x1b[31m\"no\"\x1b[0m.\x07\x08 Officials\x0bdenied\x0cit.\x7f\x85\u2028Done.",
    "lone surrogate-free oddities": "\ufeff\u200b\u200d\u2060\ufffd\U0010ffff said \"x\".",
    "no newline at all": "said" * 5000,
    "newlines only between words": "He\nsaid\n\"yes\"\n.\r\r\r\n\u2029x",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_fixed_hostile_examples(session_tagger: Tagger, name: str) -> None:
    text = HOSTILE[name]
    records = assert_tagging_invariants(session_tagger, text)
    assert records  # each holds non-whitespace text, so at least one sentence


def test_hostile_text_through_the_cli(cli, tmp_path: Path) -> None:
    path = tmp_path / "hostile.jsonl"
    path.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in HOSTILE.items()), encoding="utf-8")
    result = cli("predict", path, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = records_of(result.stdout)
    assert_valid_records(records, HOSTILE)
    rows = list(csv.reader(io.StringIO(cli("predict", path, "--format", "csv").stdout, newline="")))
    assert [row[PREDICTION_FIELDS.index("text")] for row in rows[1:]] == [r["text"] for r in records]
    table = cli("predict", path, "--format", "table")
    assert table.exit_code == 0
    assert len(table.stdout.splitlines()) == 1 + sum(r["quote"] != "none" for r in records)


# ------------------------------------------- input that parses but cannot be used ---


UNUSABLE_LINES = {
    "surrogate-text": '{"id": "s1", "text": "The minister said \\ud800 no."}',
    "surrogate-id": '{"id": "\\ud800", "text": "The minister said no."}',
    "long-number": '{"id": "n1", "text": "The minister said no.", "views": ' + "4" * 5000 + "}",
    "deep-nesting": '{"id": "d1", "text": "x", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}",
}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_jsonl_lines_json_accepts_but_no_record_could_hold_are_reported_and_the_rest_tagged(cli, tmp_path: Path, fmt: str) -> None:
    good = {"g1": "\u201cIt is reckless,\u201d Mr Alvarez said.", "g2": "The ministry denied the report, officials said."}
    path = tmp_path / "scraped.jsonl"
    lines = [json.dumps({"id": "g1", "text": good["g1"]}), *UNUSABLE_LINES.values(), json.dumps({"id": "g2", "text": good["g2"]})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("predict", path, "--format", fmt)
    assert result.exit_code == 1
    for number, words in zip(range(2, 6), ["lone surrogate", "lone surrogate", "digits", "nested too deeply"]):
        assert any(line.startswith(f"attrib: {path}:{number}: ") and words in line for line in result.stderr.splitlines())
    if fmt == "jsonl":
        assert_valid_records(records_of(result.stdout), good)


# ------------------------------------------------------ what is not a regular file ---


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_devices_and_named_pipes_are_refused_when_named_and_skipped_in_a_directory(cli_process, tmp_path: Path) -> None:
    """/dev/zero would fill memory and a pipe would wait for a writer forever; one process checks all three."""
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "0_feed.txt")
    (folder / "1_story.txt").write_bytes(SEED.read_bytes())
    process = cli_process("predict", "/dev/zero", folder / "0_feed.txt", folder, "--format", "jsonl", timeout=120)
    assert process.returncode == 1
    lines = process.stderr.splitlines()
    assert "attrib: /dev/zero: not a regular file (a device); attrib reads text files, or - for standard input" in lines
    assert any(line.startswith(f"attrib: {folder / '0_feed.txt'}: not a regular file (a named pipe)") for line in lines)
    assert f"attrib: {folder / '0_feed.txt'}: skipped: a named pipe, not a regular file" in lines
    assert_valid_records(records_of(process.stdout), {"1_story": SEED_TEXT})


def test_an_article_over_the_size_limit_is_refused_until_the_limit_is_raised(cli, tmp_path: Path) -> None:
    result = cli("predict", SEED, "--max-size", "0.001")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{SEED}: too large" in result.stderr and "--max-size" in result.stderr
    assert cli("predict", SEED, "--max-size", "1", "--format", "jsonl").exit_code == 0
    assert cli("predict", SEED, "--max-size", "0").exit_code == 2


def test_records_are_written_before_a_slow_standard_input_ends() -> None:
    """`attrib predict story.txt -`: story.txt's records come out while standard input is still open."""
    process = subprocess.Popen(
        [sys.executable, "-c", "from attrib.cli import main; main()", "predict", str(SEED), "-", "--format", "jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        ready, _, _ = select.select([process.stdout], [], [], 120)
        assert ready, "no record before standard input was closed"
        assert json.loads(process.stdout.readline())["article"] == SEED.stem
        process.stdin.write(b"The mayor said the bridge would reopen.")
        process.stdin.close()
        rest = process.stdout.read().decode("utf-8")
        assert process.wait(timeout=120) == 0
    finally:
        process.kill()
    assert records_of(rest)[-1]["article"] == "stdin"


# ------------------------------------------------------ output that cannot be written ---


def run_attrib(*args: str, stdout: object, preexec: object = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "from attrib.cli import main; main()", *args],
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        preexec_fn=preexec,  # type: ignore[arg-type]
        timeout=120,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_on_standard_output_is_one_line_and_exit_2() -> None:
    with open("/dev/full", "w") as full:
        process = run_attrib("predict", str(SEED), "--format", "jsonl", stdout=full)
    stderr = process.stderr.decode("utf-8")
    assert process.returncode == 2
    assert stderr.splitlines() == [stderr.strip()] and "No space left on device" in stderr
    assert "Traceback" not in stderr


@pytest.mark.skipif(os.name != "posix", reason="closes file descriptor 1")
def test_a_closed_standard_output_is_one_line_and_exit_2() -> None:
    process = run_attrib("predict", str(SEED), "--format", "jsonl", stdout=None, preexec=lambda: os.close(1))
    stderr = process.stderr.decode("utf-8")
    assert process.returncode == 2
    assert stderr.splitlines() == [stderr.strip()] and "standard output is closed" in stderr


def test_output_file_holds_the_records_and_is_replaced_only_by_a_run_that_tagged(cli, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    result = cli("predict", SEED, "--format", "jsonl", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == cli("predict", SEED, "--format", "jsonl").stdout
    before = out.read_bytes()
    failed = cli("predict", tmp_path / "missing.txt", "--output", out)
    assert failed.exit_code == 2
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.jsonl"]  # no temporary left behind


def test_output_file_that_cannot_be_written_is_left_as_it_was(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import attrib.cli as attrib_cli

    out = tmp_path / "records.jsonl"
    out.write_text("previous run\n", encoding="utf-8")

    def full(self: object, lines: list[str]) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(attrib_cli._Records, "write", full)
    result = cli("predict", SEED, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"attrib: cannot write the records to {out} (No space left on device); stopped, {out} was left as it was"
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.jsonl"]


# --------------------------------------------------------------- unexpected errors ---


_BROKEN_TAGGER = """
import sys
from attrib.model import tagger

def broken(self, articles):
    raise KeyError("an internal table lost its key")

tagger.Tagger.tag_many = broken
from attrib.cli import main
main()
"""


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_an_unexpected_error_has_its_own_exit_code_and_one_line(debug: bool) -> None:
    args = ["--debug"] * debug + ["predict", str(SEED)]
    process = subprocess.run([sys.executable, "-c", _BROKEN_TAGGER, *args], capture_output=True, timeout=120)
    stderr = process.stderr.decode("utf-8")
    assert process.returncode == 70
    assert stderr.splitlines()[-1].startswith("attrib: unexpected error (KeyError")
    assert ("Traceback" in stderr) == debug
    if not debug:
        assert len(stderr.splitlines()) == 1 and "--debug" in stderr


# ------------------------------------------------------------------ csv, version ---


def test_csv_cells_a_spreadsheet_would_run_are_kept_unless_csv_safe_is_asked_for(cli, tmp_path: Path) -> None:
    text = "=HYPERLINK(\"http://example.com\",\"Click\") the spokesman said.\n@SUM(1) is here.\n"
    path = tmp_path / "formula.txt"
    path.write_text(text, encoding="utf-8")
    raw = list(csv.reader(io.StringIO(cli("predict", path, "--format", "csv").stdout)))
    column = PREDICTION_FIELDS.index("text")
    assert [row[column] for row in raw[1:]] == ['=HYPERLINK("http://example.com","Click") the spokesman said.', "@SUM(1) is here."]
    safe = list(csv.reader(io.StringIO(cli("predict", path, "--format", "csv", "--csv-safe").stdout)))
    assert [row[column] for row in safe[1:]] == ["'" + row[column] for row in raw[1:]]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in safe[1:] for cell in row)


def test_version_is_the_installed_package_version(cli) -> None:
    import attrib

    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"attrib {metadata.version('attrib')}\n" == f"attrib {attrib.__version__}\n"
