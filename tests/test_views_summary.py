"""`attrib summarize`: one row per speaker across articles, merged by canonical name."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

from attrib.records import STANCES, Record
from attrib.views.summary import merge_keys, summarise
from tests.conftest import SEEDS


def _record(article: str, index: int, speaker: str | None, stance: str = "none", quote: str = "indirect", confidence: float = 0.5) -> Record:
    text = f"Sentence {index} of {article}."
    return Record(article, index, 0, len(text), text, quote=quote, speaker=speaker, stance=stance, confidence=confidence)


def _rows_by_speaker(summary_json: str) -> dict[str, dict]:
    return {row["speaker"]: row for row in json.loads(summary_json)["speakers"]}


# ------------------------------------------------------------ the seeds ---


def test_summarize_seeds_counts_match_predict(cli) -> None:
    predicted = [json.loads(line) for line in cli("predict", SEEDS, "--format", "jsonl").stdout.splitlines()]
    result = cli("summarize", SEEDS, "--format", "json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    rows = summary["speakers"]
    by_speaker = {row["speaker"]: row for row in rows}
    for speaker in ("John Healey", "David Lammy and Cho Tae-yul", "Lloyd Austin", "Maria Zakharova"):
        assert speaker in by_speaker
    attributed = [r for r in predicted if r["quote"] != "none"]
    for row in rows:
        expected = Counter(r["stance"] for r in attributed if r["speaker"] in row["names"] and r["article"] in row["articles"])
        assert row["stances"] == {stance: expected[stance] for stance in STANCES}, row["speaker"]
        assert row["quotes"] == sum(expected.values())
        assert row["articles"] == list(dict.fromkeys(r["article"] for r in attributed if r["speaker"] in row["names"] and r["article"] in row["articles"]))
    assert sum(row["quotes"] for row in rows) + summary["speaker_not_found"]["quotes"] == len(attributed) == summary["quotes"]
    assert [row["quotes"] for row in rows] == sorted((row["quotes"] for row in rows), reverse=True)
    healey = by_speaker["John Healey"]
    assert len(healey["articles"]) >= 3  # quoted across outlets: one row, not one per article
    for stance, example in healey["examples"].items():
        same = [r for r in attributed if r["speaker"] in healey["names"] and r["stance"] == stance]
        assert example["confidence"] == max(r["confidence"] for r in same)


def test_summarize_reads_records_written_by_predict(cli, tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text(cli("predict", SEEDS, "--format", "jsonl").stdout, encoding="utf-8")
    from_records = cli("summarize", records, "--format", "json")
    assert from_records.exit_code == 0, from_records.stderr
    assert from_records.stdout == cli("summarize", SEEDS, "--format", "json").stdout


def test_summarize_table_and_csv(cli, tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    rows = [_record("a", 0, "Mr Okafor", "deny", confidence=0.4), _record("b", 0, "Chidi Okafor", "deny", confidence=0.9)]
    records.write_text("".join(json.dumps(r.prediction_dict()) + "\n" for r in rows), encoding="utf-8")
    table = cli("summarize", records)
    assert table.exit_code == 0, table.stderr
    assert "Chidi Okafor" in table.stdout and "also named: Mr Okafor" in table.stdout
    assert "deny    0.90 b#0 Sentence 0 of b." in table.stdout
    parsed = list(csv.DictReader(io.StringIO(cli("summarize", records, "--format", "csv").stdout)))
    assert len(parsed) == 1
    assert parsed[0]["speaker"] == "Chidi Okafor" and parsed[0]["deny"] == "2" and parsed[0]["articles"] == "a;b"


def test_bad_record_lines_are_reported_and_the_rest_summarised(cli, tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    good = json.dumps(_record("a", 0, "Ines Duarte", "confirm").prediction_dict())
    bad = json.dumps({**_record("a", 1, "Ines Duarte").prediction_dict(), "index": "one"})
    records.write_text(f"{good}\n{bad}\n[1, 2]\n", encoding="utf-8")
    result = cli("summarize", records, "--format", "json")
    assert result.exit_code == 1
    assert f"{records}:2:" in result.stderr and f"{records}:3:" in result.stderr
    assert _rows_by_speaker(result.stdout)["Ines Duarte"]["quotes"] == 1


def test_unknown_summary_format_is_refused(cli) -> None:
    result = cli("summarize", SEEDS, "--format", "xml")
    assert result.exit_code == 2 and "'xml'" in result.stderr and result.stdout == ""


# -------------------------------------------------------------- merging ---


def test_surname_and_title_variants_are_one_person() -> None:
    keys = merge_keys([
        ("a", "Chidi Okafor"), ("b", "Mr Okafor"), ("c", "Foreign Minister Chidi Okafor"), ("d", "Okafor"),
        ("e", "Maria T. Ferreira"), ("f", "Dr Maria Ferreira"), ("g", "Ferreira"),
        ("h", "Lord Hale of Richmond"), ("i", "Lord Hale"),
    ])
    assert len({keys[("a", "Chidi Okafor")], keys[("b", "Mr Okafor")], keys[("c", "Foreign Minister Chidi Okafor")], keys[("d", "Okafor")]}) == 1
    assert keys[("e", "Maria T. Ferreira")] == keys[("f", "Dr Maria Ferreira")] == keys[("g", "Ferreira")]
    assert keys[("h", "Lord Hale of Richmond")] == keys[("i", "Lord Hale")]
    assert keys[("a", "Chidi Okafor")] != keys[("e", "Maria T. Ferreira")]


def test_family_name_first_finds_the_full_name() -> None:
    keys = merge_keys([("a", "Park Ji-hoon"), ("b", "Mr Park")])
    assert keys[("a", "Park Ji-hoon")] == keys[("b", "Mr Park")]


def test_an_ambiguous_surname_stays_its_own_row() -> None:
    keys = merge_keys([("a", "Anna Novak"), ("b", "Tomas Novak"), ("c", "Mr Novak")])
    assert len({keys[("a", "Anna Novak")], keys[("b", "Tomas Novak")], keys[("c", "Mr Novak")]}) == 3


def test_joint_sources_are_their_own_row_in_any_order() -> None:
    keys = merge_keys([("a", "Chidi Okafor and Park Ji-hoon"), ("b", "Mr Park and Mr Okafor"), ("a", "Chidi Okafor"), ("b", "Park Ji-hoon")])
    assert keys[("a", "Chidi Okafor and Park Ji-hoon")] == keys[("b", "Mr Park and Mr Okafor")]
    assert keys[("a", "Chidi Okafor")] != keys[("a", "Chidi Okafor and Park Ji-hoon")] != keys[("b", "Park Ji-hoon")]


def test_anonymous_sources_are_not_merged_across_articles() -> None:
    summary = summarise([
        _record("a", 0, "a senior police officer", "confirm"),
        _record("a", 1, "a senior police officer", "confirm"),
        _record("b", 0, "a senior police officer", "deny"),
        _record("a", 2, "the Interior Ministry", "deny"),
        _record("b", 1, "Interior Ministry", "deny"),
    ])
    officers = [row for row in summary.rows if row.speaker == "a senior police officer"]
    assert sorted((row.articles, row.total) for row in officers) == [(["a"], 2), (["b"], 1)]
    ministry = [row for row in summary.rows if "Interior Ministry" in row.speaker]
    assert len(ministry) == 1 and ministry[0].counts["deny"] == 2 and ministry[0].articles == ["a", "b"]


def test_rows_count_attributed_sentences_only_and_sort_most_quoted_first() -> None:
    summary = summarise([
        _record("a", 0, None, quote="none"),
        _record("a", 1, "Ines Duarte", "hedge", confidence=0.3),
        _record("a", 2, "Ines Duarte", "hedge", confidence=0.8),
        _record("a", 3, "Ines Duarte", "condemn"),
        _record("b", 0, "Tomas Novak", "confirm"),
        _record("b", 1, None, "confirm"),
    ])
    assert [row.speaker for row in summary.rows] == ["Ines Duarte", "Tomas Novak"]
    assert summary.rows[0].counts == {"condemn": 1, "hedge": 2, "confirm": 0, "deny": 0, "none": 0}
    assert summary.rows[0].examples["hedge"].index == 2
    assert summary.unattributed.total == 1 and summary.quotes == 5 and summary.sentences == 6


def test_institutions_that_share_a_title_word_stay_apart() -> None:
    keys = merge_keys([("a", "Home Office"), ("b", "Foreign Office"), ("c", "State Department"), ("d", "Justice Department")])
    assert len(set(keys.values())) == 4


def test_a_first_name_joins_a_full_name_only_after_an_honorific() -> None:
    keys = merge_keys([("a", "King Charles"), ("b", "Charles Michel"), ("c", "Mr Park"), ("d", "Park Ji-hoon")])
    assert keys[("a", "King Charles")] != keys[("b", "Charles Michel")]
    assert keys[("c", "Mr Park")] == keys[("d", "Park Ji-hoon")]


def test_nothing_readable_prints_nothing_and_exits_2(cli, tmp_path: Path) -> None:
    result = cli("summarize", tmp_path / "missing.txt")
    assert result.exit_code == 2 and result.stdout == "" and "missing.txt" in result.stderr
