"""Output formats: JSONL and CSV records, a readable table, and the evaluation report.

CSV cells are written as they are, so that `text == article[start:end]`
holds in every format.  A spreadsheet, though, runs a cell that starts
with = + - or @ as a formula (`=HYPERLINK(...)` in a scraped article
would become a live link).  `csv_safe` puts a ' before such cells, as
spreadsheets expect; the `text` of those cells then no longer equals the
slice of the article, so it is off by default.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable
from typing import Any

from attrib.records import FOUR_STANCES, PREDICTION_FIELDS, QUOTE_TYPES, STANCES, Record

FORMATS = ("table", "jsonl", "csv")
_SENTENCE_WIDTH = 62
# First characters that make a spreadsheet read a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def jsonl_lines(records: Iterable[Record]) -> Iterable[str]:
    for record in records:
        yield json.dumps(record.prediction_dict(), ensure_ascii=False)


def csv_header() -> str:
    return _csv_row(list(PREDICTION_FIELDS))


def csv_lines(records: Iterable[Record], safe: bool = False) -> Iterable[str]:
    """One row per record; with `safe`, cells a spreadsheet would run as formulas get a leading '."""
    for record in records:
        data = record.prediction_dict()
        values = ["" if data[name] is None else data[name] for name in PREDICTION_FIELDS]
        yield _csv_row([_defused(value) for value in values] if safe else values)


def _defused(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _csv_row(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(values)
    return buffer.getvalue()


def table_header() -> str:
    return f"{'article':<22} {'#':>3}  {'speaker':<28} {'quote':<8} {'stance':<8} {'conf':>4}  sentence"


def table_lines(records: Iterable[Record]) -> Iterable[str]:
    """One row per attributed sentence; narration is left out of the table."""
    for record in records:
        if record.quote == "none":
            continue
        speaker = _shorten(record.speaker or "?", 28)
        confidence = f"{record.confidence:.2f}" if record.confidence is not None else ""
        yield (
            f"{_shorten(record.article, 22):<22} {record.index:>3}  {speaker:<28} {record.quote:<8} "
            f"{record.stance:<8} {confidence:>4}  {_shorten(record.text, _SENTENCE_WIDTH)}"
        )


def _shorten(text: str, width: int) -> str:
    """One line for a terminal: whitespace collapsed, control characters shown as U+FFFD, cut to `width`."""
    text = "".join("\ufffd" if unicodedata.category(char) == "Cc" else char for char in " ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def header_line(fmt: str) -> str | None:
    """The line that goes before the first record, if the format has one."""
    if fmt == "csv":
        return csv_header()
    return table_header() if fmt == "table" else None


def format_lines(records: Iterable[Record], fmt: str, csv_safe: bool = False) -> Iterable[str]:
    if fmt == "jsonl":
        return jsonl_lines(records)
    if fmt == "csv":
        return csv_lines(records, safe=csv_safe)
    return table_lines(records)


def evaluation_report(result: dict[str, Any]) -> str:
    """The evaluation as text: each figure for the model beside the baselines."""
    systems = [name for name in ("model", "majority", "keywords") if name in result]
    model = result["model"]
    lines = [
        f"split: {result['split']}; test articles: {', '.join(result['test_articles'])}",
        f"sentences: {model['sentences']}" + (f"; training sentences: {result['train_sentences']}" if "train_sentences" in result else ""),
        "",
        f"{'figure':<28}" + "".join(f"{name:>10}" for name in systems) + "   95% interval (model)",
    ]
    rows = [
        ("stance macro-F1 (4 stances)", ("stance", "macro_f1_4"), "stance_macro_f1_4"),
        ("stance macro-F1 (5 labels)", ("stance", "macro_f1_5"), "stance_macro_f1_5"),
        ("quote-type accuracy", ("quote", "accuracy"), None),
        ("quote-type macro-F1", ("quote", "macro_f1"), "quote_macro_f1"),
        ("speaker exact", ("speaker", "exact"), "speaker_exact"),
        ("speaker lenient", ("speaker", "lenient"), "speaker_lenient"),
        ("sentence-boundary F1", ("boundaries", "f1"), None),
    ]
    for label, (group, key), interval in rows:
        values = "".join(f"{result[name][group][key]:>10.3f}" for name in systems)
        bounds = model["intervals"].get(interval) if interval else None
        lines.append(f"{label:<28}{values}" + (f"   [{bounds[0]:.3f}, {bounds[1]:.3f}]" if bounds else ""))
    lines.append(f"(speaker scored on {model['speaker']['n']} attributed sentences)")
    lines += ["", "stance per class (model)"] + _per_class(model["stance"], STANCES)
    lines += ["", "stance confusion (rows gold, columns predicted)"] + _confusion(model["stance"], STANCES)
    lines += ["", "quote type per class (model)"] + _per_class(model["quote"], QUOTE_TYPES)
    lines += ["", "quote type confusion (rows gold, columns predicted)"] + _confusion(model["quote"], QUOTE_TYPES)
    lines += ["", "reliability of the model's confidences"] + reliability_table(model["reliability"])
    lines.append(f"\nmacro-F1 over the four stances uses {', '.join(FOUR_STANCES)} from the five-label confusion")
    return "\n".join(lines)


def reliability_table(reliability: dict[str, Any]) -> list[str]:
    """Stance and speaker confidence side by side: per bin the sentences, their accuracy and mean confidence."""
    kinds = ("stance", "speaker")

    def cells(values: list[tuple[Any, Any, Any]]) -> str:
        return "".join(
            f"{n:>12}{'-' if accuracy is None else f'{accuracy:.3f}':>10}{'' if confidence is None else f'{confidence:.3f}':>11}"
            for n, accuracy, confidence in values
        )

    lines = [f"  {'confidence':<12}" + "".join(f"{kind + ': n':>12}{'accuracy':>10}{'mean conf':>11}" for kind in kinds)]
    for i, first in enumerate(reliability["stance"]["bins"]):
        row = [reliability[kind]["bins"][i] for kind in kinds]
        label = f"{first['lower']:.1f}-{first['upper']:.1f}"
        lines.append(f"  {label:<12}" + cells([(b["n"], b["accuracy"], b["confidence"]) for b in row]))
    threshold = reliability["stance"]["above"]["threshold"]
    lines.append(f"  {f'>= {threshold:g}':<12}" + cells([(reliability[k]["above"]["n"], reliability[k]["above"]["accuracy"], None) for k in kinds]))
    lines.append(f"  {'all':<12}" + cells([(reliability[k]["n"], reliability[k]["accuracy"], None) for k in kinds]))
    lines.append(f"  {'ECE':<12}" + "".join(f"{'':>12}{reliability[k]['ece']:>10.3f}{'':>11}" for k in kinds))
    lines.append("  stance: every sentence, confidence against stance right")
    lines.append("  speaker: sentences attributed in gold and prediction, speaker_confidence against speaker right (lenient)")
    return [line.rstrip() for line in lines]


def _per_class(report: dict[str, Any], labels: tuple[str, ...]) -> list[str]:
    lines = [f"  {'label':<10}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}"]
    for label in labels:
        row = report["per_label"][label]
        lines.append(f"  {label:<10}{row['precision']:>10.3f}{row['recall']:>10.3f}{row['f1']:>10.3f}{row['support']:>10}")
    return lines


def _confusion(report: dict[str, Any], labels: tuple[str, ...]) -> list[str]:
    lines = ["  " + " " * 10 + "".join(f"{label:>9}" for label in labels)]
    for label, row in zip(labels, report["confusion"]):
        lines.append(f"  {label:<10}" + "".join(f"{value:>9}" for value in row))
    return lines
