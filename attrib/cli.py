"""The `attrib` command: parse arguments, call library functions, print.

Exit codes: 0 success; 1 some inputs could not be read (every other
input's records were still written); 2 nothing could be done (bad
arguments, invalid labels, missing or unusable model, output that cannot
be written); 70 an unexpected error inside attrib (a bug: the message is
one line, `attrib --debug ...` shows the traceback); 130 and 143 when
interrupted.

`predict` exits 1 only when something was tagged: if no input could be
read at all (a lone Windows-1252 file without --encoding, a PDF, a wrong
path) it exits 2, so that a script checking `attrib predict ... || ...`
does not mistake an empty output for a partial success.  Empty or blank
files are not errors: they are noted on stderr and give no records.

Every error is one line on stderr naming the file and what to do; the
only lines on stdout are records (or the evaluation, training and
`predict --out` summaries).  `predict`'s progress bar goes to stderr, and
only when it is a terminal.
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import sys
import traceback
from collections.abc import Callable
from concurrent.futures import BrokenExecutor  # BrokenProcessPool is one; its module imports multiprocessing (~40 ms)
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Optional, TextIO, TypeVar

import typer

import attrib
from attrib.atomic import AtomicFile
from attrib.batch import Tagged, Tagging, resolve_model, worker_count
from attrib.corpus import Corpus, CorpusError, load_corpus, overlap
from attrib.formats import FORMATS, evaluation_report, header_line
from attrib.inputs import MAX_BYTES, Article, InputNote, count_articles, read_inputs
from attrib.records import Record
from attrib.views.html import html_page
from attrib.views.summary import SUMMARY_FORMATS, is_records_file, read_records, summarise, summary_csv, summary_json, summary_table

if TYPE_CHECKING:
    from attrib.model.tagger import Tagger

# Model, training, evaluation and explanation code is imported inside the commands
# that use it, so that `attrib --help` and argument errors answer at once.

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Who speaks in each sentence of a news article, and what stance they take.")

EXIT_PARTIAL = 1
EXIT_FAILED = 2
# sysexits.h's EX_SOFTWARE: an internal error, distinct from anything the user can fix.
EXIT_INTERNAL = 70
# A progress bar is shown for more articles than this (and only on a terminal).
_PROGRESS_ABOVE = 10


@dataclass
class _Options:
    """Options of the `attrib` command itself, read again by `main` after a crash."""

    debug: bool = False


_options = _Options()
_T = TypeVar("_T")


def _fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(EXIT_FAILED)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"attrib {attrib.__version__}")
        raise typer.Exit()


@app.callback()
def options(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True, help="Print attrib's version and exit."),
    debug: bool = typer.Option(False, "--debug", help="On an unexpected error, print the traceback (for a bug report)."),
) -> None:
    """Who speaks in each sentence of a news article, and what stance they take."""
    _options.debug = debug


def _loaded(load: Callable[[], _T]) -> _T:
    """`load()`, or a model that cannot be loaded or built said in one line (exit 2)."""
    from attrib.model.persistence import ModelError

    try:
        return load()
    except ModelError as error:
        _fail(f"attrib: {error}")
    except CorpusError as error:  # only the default model trains, from the data bundled with attrib
        _fail(f"attrib: cannot build the default model, the data bundled with attrib is broken "
              f"({error.problems[0]}); reinstall attrib or pass --model")


def _load(model: Optional[Path], pipelines: bool = False) -> Tagger:
    from attrib.loading import load_tagger

    return _loaded(lambda: load_tagger(model, pipelines=pipelines))


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


def _corpus_failed(error: CorpusError, what: str) -> NoReturn:
    _fail("\n".join(error.problems) + f"\nattrib: {len(error.problems)} problem(s) in {what}")


@app.command()
def train(
    data: Optional[list[Path]] = typer.Option(None, help="Labelled sentences: a JSONL file in the labelling guide's format, or a folder of them; repeat for several. Default: the seed labels bundled with attrib."),
    seeds: Optional[list[Path]] = typer.Option(None, help="Folder of the labelled articles' .txt files; repeat for several. Default: the seed articles bundled with attrib."),
    with_seeds: bool = typer.Option(False, "--with-seeds", help="Also train on the bundled seed labels and articles, to add your own to them."),
    out: Path = typer.Option(Path("models"), help="Directory to write the model (tagger.pickle, model.joblib) and its card model.json to."),
) -> None:
    """Validate the labels, fit every model, save model and model card."""
    from attrib.training import sources
    from attrib.training import train as train_model

    labels, folders = sources(data or [], seeds or [], with_bundled=with_seeds)
    try:
        summary = train_model(labels, folders, out)
    except CorpusError as error:
        _corpus_failed(error, "the training data; nothing was written")
    except ValueError as error:  # valid labels, but too few to fit or to cross-validate on
        _fail(f"attrib: {', '.join(map(str, labels))}: cannot train on these labels: {error}; nothing was written")
    except OSError as error:
        _fail(f"attrib: cannot write the model to {out}: {error.strerror or error}; nothing was replaced")
    counts = summary["label_counts"]
    typer.echo(f"trained on {summary['training_data']['sentences']} sentences of {summary['training_data']['articles']} articles")
    typer.echo(f"quote types: {counts['quote']}; stances: {counts['stance']}; speakers: {counts['speakers']}")
    scores = summary.get("leave_one_article_out", {})
    for name, figures in scores.items():
        typer.echo(f"leave-one-article-out {name:<9} " + ", ".join(f"{key} {value:.3f}" for key, value in figures.items()))
    typer.echo(f"wrote {summary['model']} and {summary['card']}")


class _Records:
    """Where `predict` writes: standard output, or FILE under a temporary name, renamed into place by `finish`."""

    def __init__(self, output: Optional[Path]) -> None:
        self.name = str(output) if output is not None else "standard output"
        self._file = AtomicFile(output) if output is not None else None
        stream = self._file.handle if self._file is not None else sys.stdout
        assert stream is not None  # predict refuses a closed standard output first
        self._stream: TextIO = stream

    def write(self, lines: list[str]) -> None:
        """Write and flush, so that a full disk or a closed reader shows at once (OSError)."""
        if lines:
            self._stream.write("\n".join(lines) + "\n")
        self._stream.flush()

    def give_up(self) -> str:
        """Stop writing after a write error; says what that leaves behind."""
        if self._file is not None:
            return f"stopped, {self.name} was left as it was"
        _discard_stdout()  # so that Python's final flush does not fail again
        return "stopped, the output is incomplete"

    def finish(self) -> None:
        if self._file is not None:
            self._file.commit()

    def abandon(self) -> None:
        if self._file is not None:
            self._file.discard()


@app.command()
def predict(
    paths: list[str] = typer.Argument(..., help=".txt files, directories of them, .jsonl of {id, text}, or - for standard input."),
    format: str = typer.Option("table", "--format", "-f", help="table, jsonl, csv or html (one self-contained page)."),
    model: Optional[Path] = typer.Option(None, help="Model directory, or its model.joblib or model.json; default: the bundled model."),
    encoding: Optional[str] = typer.Option(None, help="Text encoding of the inputs when not UTF-8, e.g. cp1252."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the records to FILE (replaced only when the run ends) instead of standard output."),
    max_size: float = typer.Option(MAX_BYTES / 1e6, "--max-size", help="Largest article to read, in MB (1 MB = 1,000,000 bytes): a file, standard input or one .jsonl line."),
    csv_safe: bool = typer.Option(False, "--csv-safe", help="CSV: put a ' before cells starting with = + - @, so spreadsheets do not run them as formulas (their text then differs from the article)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Tag batches of articles in this many worker processes (-1: one per core; default 1, with --scheduler local one per core); the output is the same."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar (it is shown only when standard error is a terminal)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Tag with Dask into this directory: one JSONL shard per partition and manifest.json; a re-run redoes only missing or failed shards."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --out: local (a LocalCluster of --jobs processes) or a Dask scheduler's address, tcp://HOST:PORT. Default: local."),
    partitions: Optional[int] = typer.Option(None, "--partitions", min=1, help="With --out: how many shards to split the inputs into (default: one per 100 articles, at most 1000)."),
) -> None:
    """Tag articles: one record per sentence with quote type, speaker and stance."""
    if format not in (*FORMATS, "html"):
        _fail(f"attrib: unknown format {format!r}; use one of {', '.join(FORMATS)}, html")
    if not max_size > 0:
        _fail(f"attrib: --max-size must be a positive number of MB, got {max_size}")
    try:
        workers = None if jobs is None else worker_count(jobs)
    except ValueError as error:
        _fail(f"attrib: {error}")
    _check_encoding(encoding)
    if out is not None or scheduler is not None or partitions is not None:
        _tag_corpus(paths, out, scheduler, partitions, workers, format, model, output, encoding, int(max_size * 1e6))
        return
    if output is None and sys.stdout is None:
        _fail("attrib: standard output is closed, so the records could not be written anywhere; pass -o FILE or redirect it")
    if output is not None and output.is_dir():
        _fail(f"attrib: {output} is a directory; -o takes the name of the file to write")
    tagging = Tagging(_loaded(lambda: resolve_model(model)), None if format == "html" else format, csv_safe, workers or 1)
    try:
        records = _Records(output)
    except OSError as error:
        _fail(f"attrib: cannot write {output}: {error.strerror or error}")
    run = _Writing(records, format)
    try:
        with _Progress(paths, shown=not quiet and _is_terminal(sys.stderr)) as progress:
            for item in tagging.run(paths, encoding, int(max_size * 1e6)):
                if isinstance(item, Tagged):
                    run.add(item, tagging)
                    progress.advance(len(item.articles), item.sentences)
                else:
                    run.problems += not isinstance(item, InputNote)
                    progress.say(f"attrib: {item}")
                    progress.advance(1, 0)
        run.write_page()
        if run.tagged or not run.problems:
            records.finish()
    except BrokenExecutor:
        _fail(f"attrib: a worker process died while tagging (killed, or out of memory); {records.give_up()}; try fewer --jobs")
    finally:
        records.abandon()
    if run.problems and not run.tagged:
        typer.echo(f"attrib: {run.problems} input(s) could not be read; nothing was tagged", err=True)
        raise typer.Exit(EXIT_FAILED)
    if run.problems:
        typer.echo(f"attrib: {run.problems} input(s) could not be read; the others were tagged", err=True)
        raise typer.Exit(EXIT_PARTIAL)


def _tag_corpus(
    paths: list[str], out: Optional[Path], scheduler: Optional[str], partitions: Optional[int], workers: Optional[int],
    format: str, model: Optional[Path], output: Optional[Path], encoding: Optional[str], max_bytes: int,
) -> None:
    """`predict --out DIR`: the inputs tagged with Dask into shards, a summary on stdout, problems on stderr."""
    if out is None:
        _fail("attrib: --scheduler and --partitions go with --out DIR, the directory to write the shards to")
    if format not in ("table", "jsonl") or output is not None:
        _fail("attrib: --out writes JSONL shards into a directory; leave out --format and -o")
    if "-" in paths:
        _fail("attrib: --out cannot read standard input (every worker reads its own inputs); give files, directories or patterns")
    try:
        from attrib.distributed import tag_corpus
    except ImportError:
        _fail("attrib: --out and --scheduler need Dask; install it with pip install 'attrib[dask]'")
    ref = _loaded(lambda: resolve_model(model))
    try:
        manifest = tag_corpus(paths, out, scheduler or "local", ref, partitions, workers, encoding, max_bytes)
    except OSError as error:
        _fail(f"attrib: cannot write to {out}: {error.strerror or error}")
    for line in manifest.problems + manifest.failures:
        typer.echo(f"attrib: {line}", err=True)
    typer.echo(
        f"{manifest.complete} of {manifest.partitions} shards complete ({manifest.skipped} from an earlier run), "
        f"{manifest.articles} articles, {manifest.sentences} sentences; wrote {manifest.path}"
    )
    if manifest.failures or manifest.problems:
        done = manifest.articles > 0
        what = f"{len(manifest.failures)} shard(s) failed, {len(manifest.problems)} input(s) could not be read"
        typer.echo(f"attrib: {what}; {'the others were tagged' if done else 'nothing was tagged'}", err=True)
        raise typer.Exit(EXIT_PARTIAL if done else EXIT_FAILED)


class _Writing:
    """Where one `predict` run's tagged batches go, with counts for the exit code.

    When the reader of standard output goes away (`attrib predict ... |
    head`), tagging stops but the inputs are still read, to report which
    could not be; any other write error ends the run (exit 2).
    """

    def __init__(self, records: _Records, fmt: str) -> None:
        self.records = records
        self.header = header_line(fmt)
        self.writing = True
        self.tagged = 0
        self.problems = 0
        # The HTML page holds every article, so it is written once at the end.
        self.page: list[tuple[Article, list[Record]]] | None = [] if fmt == "html" else None

    def add(self, batch: Tagged, tagging: Tagging) -> None:
        """Write a tagged batch (or keep it for the page)."""
        self.tagged += len(batch.articles)
        if not self.writing:
            return
        if self.page is not None and batch.records is not None:
            self.page += zip(batch.articles, batch.records)
            return
        lines = batch.lines
        if self.header is not None:
            lines = [self.header, *lines]
            self.header = None
        self._write(lines)
        if not self.writing:
            tagging.stop_tagging()

    def write_page(self) -> None:
        """The HTML page of every article tagged, when that is the format."""
        if self.page and self.writing:
            self._write([html_page([(a.id, a.text) for a, _ in self.page], [records for _, records in self.page])])

    def _write(self, lines: list[str]) -> None:
        try:
            self.records.write(lines)
        except BrokenPipeError:
            self.writing = False
            _discard_stdout()
        except OSError as error:
            _fail(f"attrib: cannot write the records to {self.records.name} ({error.strerror or error}); {self.records.give_up()}")


def _is_terminal(stream: Optional[TextIO]) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # replaced by something that is not a file, or closed
        return False


class _Progress:
    """A progress bar on standard error while `predict` runs: articles done, sentences per second, time left.

    Shown only when asked for and the inputs hold more than a few articles;
    otherwise `say` prints lines as they are and `advance` does nothing.
    """

    def __init__(self, paths: list[str], shown: bool) -> None:
        self._bar = None
        self._sentences = 0
        total = count_articles(paths) if shown else 0
        if total > _PROGRESS_ABOVE:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                BarColumn(), MofNCompleteColumn(), TextColumn("articles, {task.fields[rate]}"), TimeRemainingColumn(),
                console=Console(stderr=True), redirect_stdout=False, redirect_stderr=False,
            )
            self._task = self._bar.add_task("tagging", total=total, rate="")

    def __enter__(self) -> "_Progress":
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, articles: int, sentences: int) -> None:
        if self._bar is None:
            return
        self._sentences += sentences
        elapsed = self._bar.tasks[0].elapsed or 0.0
        rate = f"{self._sentences / elapsed:,.0f} sentences/s" if elapsed > 0 else ""
        self._bar.update(self._task, advance=articles, rate=rate)

    def say(self, line: str) -> None:
        """One line on standard error, above the bar when there is one."""
        if self._bar is None:
            typer.echo(line, err=True)
        else:
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)


@app.command()
def summarize(
    paths: list[str] = typer.Argument(..., help="Inputs as for predict, or .jsonl files of records written by predict --format jsonl."),
    format: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
    model: Optional[Path] = typer.Option(None, help="Model directory (or its model.json); default: the bundled model."),
    encoding: Optional[str] = typer.Option(None, help="Text encoding of the inputs when not UTF-8, e.g. cp1252."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Tag the articles in this many worker processes (-1: one per core), as predict does; the summary is the same."),
) -> None:
    """One row per speaker across articles: stances counted, articles, the most confident sentence of each stance."""
    if format not in SUMMARY_FORMATS:
        _fail(f"attrib: unknown format {format!r}; use one of {', '.join(SUMMARY_FORMATS)}")
    try:
        workers = worker_count(jobs)
    except ValueError as error:
        _fail(f"attrib: {error}")
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
        tagging = Tagging(_loaded(lambda: resolve_model(model)), None, jobs=workers)
        for item in tagging.run(articles, encoding):
            if isinstance(item, Tagged):
                records += [record for tagged in item.records or [] for record in tagged]
            elif isinstance(item, InputNote):
                typer.echo(f"attrib: {item}", err=True)
            else:
                problems.append(str(item))
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
    from attrib.views.explain import explain as explain_sentences
    from attrib.views.explain import explanation_json, explanation_lines

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
    tagger = _load(model, pipelines=True)
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
    except (OSError, ValueError, AttributeError):  # not a real file (tests), nothing to redirect
        pass


@app.command()
def evaluate(
    cv: bool = typer.Option(False, "--cv", help="Leave-one-article-out over all seeds instead of the held-out split."),
    dev: bool = typer.Option(False, "--dev", help="Score a saved model on the development set (data/dev of a clone)."),
    gold: Optional[Path] = typer.Option(None, help="Score a saved model on this labelled JSONL instead."),
    articles: Optional[Path] = typer.Option(None, help="Directory of the --gold file's articles."),
    model: Optional[Path] = typer.Option(None, help="Model to score with --gold or --dev; default: the bundled model."),
    data: Optional[list[Path]] = typer.Option(None, help="Labelled sentences for the held-out and --cv splits (a file or folder; repeat for several). Default: the bundled seed labels."),
    seeds: Optional[list[Path]] = typer.Option(None, help="Articles of --data (repeat for several folders). Default: the bundled seed articles."),
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON."),
) -> None:
    """Score quote type, speaker, stance, sentence boundaries and confidences beside two baselines."""
    from attrib.evaluation import cross_validate, dev_set, evaluate_model, held_out
    from attrib.training import sources

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
            tagger, corpus = _load(model), load_corpus(gold, articles)
            _warn_if_trained_on(corpus, model)
            result = evaluate_model(tagger, corpus)
        else:
            corpus = load_corpus(*sources(data or [], seeds or []))
            result = cross_validate(corpus) if cv else held_out(corpus)
    except FileNotFoundError as error:
        _fail(f"attrib: {error}")
    except CorpusError as error:
        _corpus_failed(error, "the labelled data")
    except ValueError as error:
        _fail(f"attrib: {error}")
    typer.echo(json.dumps(result, indent=2) if as_json else evaluation_report(result))


def _warn_if_trained_on(corpus: Corpus, model: Optional[Path]) -> None:
    """Say so when the gold articles are among those the model was trained on: its scores there flatter it."""
    from attrib.loading import model_card
    from attrib.model.persistence import ModelError
    from attrib.training import trained_texts

    try:
        seen = overlap(corpus, trained_texts(model_card(model)))
    except (ModelError, CorpusError):
        return
    if seen:
        shown = ", ".join(seen[:3]) + (", ..." if len(seen) > 3 else "")
        typer.echo(
            f"attrib: warning: {len(seen)} of {len(corpus.articles)} gold articles ({shown}) are in the model's "
            "training data; its scores on them measure memory, not accuracy on new text",
            err=True,
        )


def main() -> None:
    """Entry point: no tracebacks for users, and exit codes that say what happened.

    A broken pipe (`attrib predict ... | head`) is not an error.  SIGTERM
    (a job scheduler's timeout, `kill`) exits like Ctrl-C does, so that an
    interrupted `attrib train` removes its temporary files and leaves the
    previous model in place.  Any other exception is a bug in attrib: one
    line and EXIT_INTERNAL, the traceback only with --debug.
    """
    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except Exception as error:  # noqa: BLE001 - the last line of defence, reported and given its own exit code
        if _options.debug:
            traceback.print_exc()
        if isinstance(error, MemoryError):
            message = "out of memory; tag fewer or smaller articles at a time (see --max-size)"
        else:
            hint = "" if _options.debug else "; `attrib --debug ...` shows where"
            message = f"unexpected error ({type(error).__name__}: {_first_line(error)}); this is a bug in attrib, please report it{hint}"
        print(f"attrib: {message}", file=sys.stderr)
        sys.exit(EXIT_INTERNAL)


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:200] if text else "no message"


def _terminate(signum: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signum)
