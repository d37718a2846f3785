"""The `attrib` command: parse arguments, call one library function, print.

Exit codes: 0 success; 1 some inputs could not be read (every other
input's records were still written); 2 nothing could be done (bad
arguments, invalid labels, missing or unusable model).

`predict` exits 1 only when something was tagged: if no input could be
read at all (a lone Windows-1252 file without --encoding, a PDF, a wrong
path) it exits 2, so that a script checking `attrib predict ... || ...`
does not mistake an empty output for a partial success.  Empty or blank
files are not errors: they are noted on stderr and give no records.

Every error is one line on stderr naming the file and what to do; the
only lines on stdout are records (or the evaluation and training summary).
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn, Optional

import typer

from attrib.corpus import CorpusError, load_corpus
from attrib.evaluation import cross_validate, dev_set, evaluate_model, held_out
from attrib.formats import FORMATS, csv_header, evaluation_report, format_lines, table_header
from attrib.inputs import Article, read_inputs
from attrib.persistence import ModelError
from attrib.records import Record
from attrib.tagger import Tagger
from attrib.training import train as train_model
from attrib.views.explain import explain as explain_sentences
from attrib.views.explain import explanation_json, explanation_lines
from attrib.views.html import html_page
from attrib.views.summary import SUMMARY_FORMATS, is_records_file, read_records, summarise, summary_csv, summary_json, summary_table

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Who speaks in each sentence of a news article, and what stance they take.")

EXIT_PARTIAL = 1
EXIT_FAILED = 2
# Articles tagged per vectorisation: large enough to batch, small enough to stream output.
_BATCH = 256


def _fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(EXIT_FAILED)


def _load(model: Optional[Path]) -> Tagger:
    try:
        return Tagger.load(model)
    except ModelError as error:
        _fail(f"attrib: {error}")
    except CorpusError as error:  # only the default model trains, from the data bundled with attrib
        _fail(f"attrib: cannot build the default model, the data bundled with attrib is broken "
              f"({error.problems[0]}); reinstall attrib or pass --model")


def _check_encoding(encoding: Optional[str]) -> None:
    """Refuse an --encoding Python cannot decode text with, once, before reading anything."""
    if encoding is None:
        return
    try:
        known = codecs.lookup(encoding)
    except LookupError:
        known = None
    if known is None or not getattr(known, "_is_text_encoding", True):
        _fail(f"attrib: unknown text encoding {encoding!r}; pass one Python knows, e.g. --encoding utf-8, cp1252 or latin-1")


@app.command()
def train(
    data: Path = typer.Option(Path("data/labels.jsonl"), help="Labelled sentences (JSONL, labelling guide format)."),
    seeds: Path = typer.Option(Path("seeds"), help="Directory of the labelled articles' .txt files."),
    out: Path = typer.Option(Path("models"), help="Directory to write model.joblib and model.json to."),
) -> None:
    """Validate the labels, fit every model, save model and model card."""
    try:
        summary = train_model(data, seeds, out)
    except CorpusError as error:
        _fail("\n".join(error.problems) + f"\nattrib: {len(error.problems)} problem(s) in the training data; nothing was written")
    except ValueError as error:  # valid labels, but too few to fit or to cross-validate on
        _fail(f"attrib: {data}: cannot train on these labels: {error}; nothing was written")
    except OSError as error:
        _fail(f"attrib: cannot write the model to {out}: {error.strerror or error}; nothing was replaced")
    counts = summary["label_counts"]
    typer.echo(f"trained on {summary['training_data']['sentences']} sentences of {summary['training_data']['articles']} articles")
    typer.echo(f"quote types: {counts['quote']}; stances: {counts['stance']}; speakers: {counts['speakers']}")
    scores = summary.get("leave_one_article_out", {})
    for name, figures in scores.items():
        typer.echo(f"leave-one-article-out {name:<9} " + ", ".join(f"{key} {value:.3f}" for key, value in figures.items()))
    typer.echo(f"wrote {summary['model']} and {summary['card']}")


@app.command()
def predict(
    paths: list[str] = typer.Argument(..., help=".txt files, directories of them, .jsonl of {id, text}, or - for standard input."),
    format: str = typer.Option("table", "--format", "-f", help="table, jsonl, csv or html (one self-contained page)."),
    model: Optional[Path] = typer.Option(None, help="Model directory (or its model.json); default: the bundled model."),
    encoding: Optional[str] = typer.Option(None, help="Text encoding of the inputs when not UTF-8, e.g. cp1252."),
) -> None:
    """Tag articles: one record per sentence with quote type, speaker and stance."""
    if format not in (*FORMATS, "html"):
        _fail(f"attrib: unknown format {format!r}; use one of {', '.join(FORMATS)}, html")
    _check_encoding(encoding)
    tagger = _load(model)
    inputs = read_inputs(paths, encoding=encoding)
    for note in inputs.notes:
        typer.echo(f"attrib: {note}", err=True)
    articles = inputs.articles
    try:
        if format == "html":
            _record_line(html_page([(a.id, a.text) for a in articles], list(_tagged(tagger, articles))))
        else:
            if format != "jsonl" and articles:
                _record_line(csv_header() if format == "csv" else table_header())
            for records in _tagged(tagger, articles):
                for line in format_lines(records, format):
                    _record_line(line)
    except BrokenPipeError:
        # The reader has had enough (`attrib predict ... | head`): stop tagging,
        # but still say which inputs could not be read, with the usual exit code.
        _discard_stdout()
    for problem in inputs.problems:
        typer.echo(f"attrib: {problem}", err=True)
    if inputs.problems and not articles:
        typer.echo(f"attrib: {len(inputs.problems)} input(s) could not be read; nothing was tagged", err=True)
        raise typer.Exit(EXIT_FAILED)
    if inputs.problems:
        typer.echo(f"attrib: {len(inputs.problems)} input(s) could not be read; the others were tagged", err=True)
        raise typer.Exit(EXIT_PARTIAL)


def _tagged(tagger: Tagger, articles: list[Article]) -> Iterator[list[Record]]:
    """Each article's records, in order, tagged _BATCH articles at a time."""
    for start in range(0, len(articles), _BATCH):
        yield from tagger.tag_many([(a.id, a.text) for a in articles[start : start + _BATCH]])


@app.command()
def summarize(
    paths: list[str] = typer.Argument(..., help="Inputs as for predict, or .jsonl files of records written by predict --format jsonl."),
    format: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
    model: Optional[Path] = typer.Option(None, help="Model directory (or its model.json); default: the bundled model."),
    encoding: Optional[str] = typer.Option(None, help="Text encoding of the inputs when not UTF-8, e.g. cp1252."),
) -> None:
    """One row per speaker across articles: stances counted, articles, the most confident sentence of each stance."""
    if format not in SUMMARY_FORMATS:
        _fail(f"attrib: unknown format {format!r}; use one of {', '.join(SUMMARY_FORMATS)}")
    _check_encoding(encoding)
    record_files = [path for path in paths if path != "-" and is_records_file(Path(path))]
    records: list[Record] = []
    problems: list[str] = []
    for path in record_files:
        found, bad = read_records(Path(path))
        records += found
        problems += bad
    articles = [path for path in paths if path not in record_files]
    if articles:
        tagger = _load(model)
        inputs = read_inputs(articles, encoding=encoding)
        for note in inputs.notes:
            typer.echo(f"attrib: {note}", err=True)
        problems += [str(problem) for problem in inputs.problems]
        for tagged in _tagged(tagger, inputs.articles):
            records += tagged
    if records or not problems:
        render = {"table": summary_table, "csv": summary_csv, "json": summary_json}[format]
        _record_line(render(summarise(records)))
    _exit_for_problems(problems, done=bool(records), what="summarised")


@app.command()
def explain(
    file: str = typer.Argument(..., help="One article: a .txt file, or - for standard input."),
    sentence: Optional[int] = typer.Option(None, "--sentence", "-s", help="Explain this sentence (0-based, as predict numbers them); default: every attributed sentence."),
    as_json: bool = typer.Option(False, "--json", help="Print every contribution as JSON."),
    top: int = typer.Option(6, min=1, help="How many features to show for and against each label."),
    model: Optional[Path] = typer.Option(None, help="Model directory (or its model.json); default: the bundled model."),
    encoding: Optional[str] = typer.Option(None, help="Text encoding of the input when not UTF-8, e.g. cp1252."),
) -> None:
    """Why each sentence got its quote type, stance and speaker: the features that pushed for and against."""
    _check_encoding(encoding)
    inputs = read_inputs([file], encoding=encoding)
    for note in inputs.notes:
        typer.echo(f"attrib: {note}", err=True)
    if inputs.problems:
        _fail(f"attrib: {inputs.problems[0]}")
    if len(inputs.articles) > 1:
        _fail(f"attrib: {file} holds {len(inputs.articles)} articles; explain reads one, pass a single .txt file")
    if not inputs.articles:
        return
    article = inputs.articles[0]
    tagger = _load(model)
    try:
        explanations = explain_sentences(tagger, article.text, article.id, None if sentence is None else [sentence])
    except ValueError as error:
        _fail(f"attrib: {file}: {error}")
    if as_json:
        _record_line(explanation_json(explanations))
    else:
        _record_line("\n\n".join("\n".join(explanation_lines(e, top)) for e in explanations))


def _exit_for_problems(problems: list[str], done: bool, what: str) -> None:
    """Report unreadable inputs; exit 1 when the others were used, 2 when nothing was."""
    for problem in problems:
        typer.echo(f"attrib: {problem}", err=True)
    if problems:
        outcome = f"the others were {what}" if done else f"nothing was {what}"
        typer.echo(f"attrib: {len(problems)} input(s) could not be read; {outcome}", err=True)
        raise typer.Exit(EXIT_PARTIAL if done else EXIT_FAILED)


def _record_line(line: str) -> None:
    """Print one output line exactly as formatted.

    click strips anything that looks like an ANSI escape when stdout is not a
    terminal, which would silently change the text of CSV records (so that
    `text` no longer equals the article at start:end); records go out as
    they are.
    """
    typer.echo(line, color=True)


def _discard_stdout() -> None:
    """Point stdout at the null device so that Python's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (tests), nothing to redirect
        pass


@app.command()
def evaluate(
    cv: bool = typer.Option(False, "--cv", help="Leave-one-article-out over all seeds instead of the held-out split."),
    dev: bool = typer.Option(False, "--dev", help="Score a saved model on the development set (data/dev of a clone)."),
    gold: Optional[Path] = typer.Option(None, help="Score a saved model on this labelled JSONL instead."),
    articles: Optional[Path] = typer.Option(None, help="Directory of the --gold file's articles."),
    model: Optional[Path] = typer.Option(None, help="Model to score with --gold or --dev; default: the bundled model."),
    data: Path = typer.Option(Path("data/labels.jsonl"), help="Labelled sentences for the held-out and --cv splits."),
    seeds: Path = typer.Option(Path("seeds"), help="Articles of --data."),
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON."),
) -> None:
    """Score quote type, speaker, stance, sentence boundaries and confidences beside two baselines."""
    if dev and (gold is not None or articles is not None):
        _fail("attrib: --dev scores on data/dev; pass either --dev or --gold FILE --articles DIR, not both")
    if dev and cv:
        _fail("attrib: --cv trains afresh on --data, it cannot score a saved model on --dev; pass one of them")
    if gold is not None and articles is None:
        _fail("attrib: --gold needs --articles DIR, the directory of its articles' .txt files")
    if gold is None and not dev and (model is not None or articles is not None):
        option = "--model" if model is not None else "--articles"
        _fail(f"attrib: {option} is only used with --gold FILE or --dev; pass --gold with the labelled sentences to score on, or --dev")
    if gold is not None and cv:
        _fail("attrib: --cv trains afresh on --data, it cannot score a saved model on --gold; pass one of them")
    try:
        if dev:
            labels, texts = dev_set()
            result = evaluate_model(_load(model), load_corpus(labels, texts), split="dev")
        elif gold is not None and articles is not None:
            result = evaluate_model(_load(model), load_corpus(gold, articles))
        else:
            corpus = load_corpus(data, seeds)
            result = cross_validate(corpus) if cv else held_out(corpus)
    except FileNotFoundError as error:
        _fail(f"attrib: {error}")
    except CorpusError as error:
        _fail("\n".join(error.problems) + f"\nattrib: {len(error.problems)} problem(s) in the labelled data")
    except ValueError as error:
        _fail(f"attrib: {error}")
    typer.echo(json.dumps(result, indent=2) if as_json else evaluation_report(result))


def main() -> None:
    """Entry point that keeps tracebacks from users on a broken pipe (`attrib predict ... | head`).

    SIGTERM (a job scheduler's timeout, `kill`) exits like Ctrl-C does, so
    that an interrupted `attrib train` removes its temporary files and
    leaves the previous model in place.
    """
    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)


def _terminate(signum: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signum)
