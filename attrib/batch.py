"""Tag a stream of inputs in batches, in order, optionally in worker processes.

Articles are read one input at a time and tagged a batch at a time (up to
BATCH_ARTICLES articles or BATCH_CHARACTERS characters), so memory stays
flat however many inputs there are.  An article's records do not depend
on the other articles of its batch, so the output does not depend on the
number of processes either.

`tag_batch` is the unit of work: a plain top-level function of the model's
location and a batch of articles, returning the formatted lines.  Worker
processes (and the partitions of attrib.distributed) call it; each process
loads the model once, on its first batch, and keeps it.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

from attrib.formats import format_lines
from attrib.inputs import MAX_BYTES, STDIN_ARG, Article, InputProblem, iter_inputs
from attrib.records import Record

if TYPE_CHECKING:
    from attrib.model.tagger import Tagger

# Articles tagged per vectorisation: large enough to batch, small enough to stream output.
BATCH_ARTICLES = 256
BATCH_CHARACTERS = 2_000_000
# Batches for worker processes are smaller (a few seconds each), so that
# the workers share the work evenly and the first lines come out soon.
WORKER_BATCH_CHARACTERS = 500_000
# Batches submitted to workers and not yet written, per worker: one being
# tagged and one waiting, so no worker idles while the parent writes.
_IN_FLIGHT_PER_WORKER = 2
# A warnings filter for the resource tracker's own messages, which all start so.
_QUIET_TRACKER = "ignore:resource_tracker:UserWarning"


@dataclass(frozen=True)
class ModelRef:
    """Where a process finds the model, and which model that is.

    `path` is an absolute path, or None for the default model; `digest` is
    the model file's sha256 from its card, so that a process that outlives
    one run never reuses a model that was since replaced at the same path.
    """

    path: Optional[str]
    digest: Optional[str]


@dataclass
class Tagged:
    """One batch tagged: its articles, their lines in the format asked for, or their records."""

    articles: list[Article]
    sentences: int
    lines: list[str] = field(default_factory=list)
    records: Optional[list[list[Record]]] = None


# The model this process has loaded, by ModelRef: one entry, replaced when another model is asked for.
_loaded: dict[ModelRef, Tagger] = {}


def load_tagger(path: Optional[str]) -> Tagger:
    """The model at `path`, or the default model (trained and cached on first use)."""
    from attrib.loading import load_tagger as load  # model code only once there is work: `attrib --help` stays light

    return load(path)


def resolve_model(path: Optional[Path]) -> ModelRef:
    """Load the model in this process and name it for others.

    Loading here first reports a bad model before any work starts, and
    builds and caches the default model once, so that worker processes
    only read it.  Raises ModelError, or CorpusError when the default model
    cannot be built from the bundled data.
    """
    from attrib.loading import model_card

    location = None if path is None else os.path.abspath(path)
    tagger = load_tagger(location)
    digest = model_card(None if location is None else Path(location)).get("model_sha256")
    model = ModelRef(location, digest if isinstance(digest, str) else None)
    _loaded.clear()
    _loaded[model] = tagger
    return model


def tagger_for(model: ModelRef) -> Tagger:
    """The model, loaded once per process."""
    if model not in _loaded:
        tagger = load_tagger(model.path)
        _loaded.clear()
        _loaded[model] = tagger
    return _loaded[model]


def tag_batch(model: ModelRef, articles: list[Article], fmt: Optional[str], csv_safe: bool = False) -> Tagged:
    """Tag a batch; with `fmt` (jsonl, csv, table) give its lines, with None its records.

    Formatting here, rather than in the caller, lets worker processes share
    that work too.
    """
    tagged = tagger_for(model).tag_many([(article.id, article.text) for article in articles])
    sentences = sum(len(records) for records in tagged)
    if fmt is None:
        return Tagged(articles, sentences, records=tagged)
    return Tagged(articles, sentences, lines=[line for records in tagged for line in format_lines(records, fmt, csv_safe)])


def worker_count(jobs: int) -> int:
    """Processes for `--jobs`: N as given, -1 for every usable core."""
    if jobs == -1:
        from joblib import cpu_count

        return cpu_count()
    if jobs < 1:
        raise ValueError(f"--jobs must be a number of processes (1 or more), or -1 for all cores; got {jobs}")
    return jobs


class Tagging:
    """Tag inputs in order, in this process (`jobs` 1) or in `jobs` worker processes.

    `run` yields each input problem and note as it is read, and each batch
    once it is tagged, in input order.  Reading stays at most a few
    batches ahead of tagging, so memory does not grow with the inputs.
    """

    def __init__(self, model: ModelRef, fmt: Optional[str], csv_safe: bool = False, jobs: int = 1) -> None:
        self.model, self.fmt, self.csv_safe = model, fmt, csv_safe
        self.workers = worker_count(jobs)
        self.tagging = True

    def stop_tagging(self) -> None:
        """Read the remaining inputs only to report their problems (the output has gone)."""
        self.tagging = False

    def run(self, paths: Iterable[str], encoding: Optional[str] = None, max_bytes: int = MAX_BYTES) -> Iterator[Union[Tagged, InputProblem]]:
        """Problems, notes and tagged batches, in input order.

        Everything read before standard input is tagged and yielded before
        it is read, so a slow pipe never holds back articles already read.
        """
        pending: deque[tuple[list[Article], Optional[Future[Tagged]]]] = deque()
        executor = self._executor() if self.workers > 1 else None
        ahead = self.workers * _IN_FLIGHT_PER_WORKER if executor is not None else 0
        finished = False
        try:
            characters = WORKER_BATCH_CHARACTERS if executor is not None else BATCH_CHARACTERS
            for item in batches(_items(paths, encoding, max_bytes), characters):
                if isinstance(item, InputProblem):
                    yield item
                    continue
                if isinstance(item, list):
                    submit = executor is not None and self.tagging
                    pending.append((item, executor.submit(tag_batch, self.model, item, self.fmt, self.csv_safe) if submit else None))
                while len(pending) > (ahead if isinstance(item, list) else 0):
                    yield self._result(pending.popleft())
            while pending:
                yield self._result(pending.popleft())
            finished = True
        finally:
            if executor is not None and not finished:
                executor.shutdown(wait=False, kill_workers=True)

    def _result(self, batch: tuple[list[Article], Optional[Future[Tagged]]]) -> Tagged:
        articles, future = batch
        if not self.tagging:
            if future is not None:
                future.cancel()
            return Tagged(articles, 0)
        if future is None:
            return tag_batch(self.model, articles, self.fmt, self.csv_safe)
        return future.result()

    def _executor(self) -> Any:
        """joblib's reusable process pool (loky), its workers warmed up with the model.

        The pool is driven directly rather than through joblib.Parallel:
        Parallel reads its task iterator from a background thread and
        dispatches a new batch whenever one finishes, not when one is
        written, so behind a slow reader finished batches pile up; here a
        batch is submitted only when an earlier one has been written.
        """
        from joblib.externals.loky import get_reusable_executor

        # When a worker is killed, loky's resource tracker (a process of its
        # own, started with this process's -W options, writing to our stderr)
        # may warn at exit about a queue lock it finds already removed: noise
        # after the one line the user gets.  Measured: 5 runs in 240 printed it.
        if _QUIET_TRACKER not in sys.warnoptions:
            sys.warnoptions.append(_QUIET_TRACKER)
        return get_reusable_executor(max_workers=self.workers, initializer=tagger_for, initargs=(self.model,))


class _Drain:
    """Marks the point before standard input is read: what was read so far is tagged and given out first."""


_DRAIN = _Drain()


def _items(paths: Iterable[str], encoding: Optional[str], max_bytes: int) -> Iterator[Union[Article, InputProblem, _Drain]]:
    """Every input's articles, problems and notes, with _DRAIN before standard input."""
    for arg in paths:
        if arg == STDIN_ARG:
            yield _DRAIN
        yield from iter_inputs([arg], encoding=encoding, max_bytes=max_bytes)


def batches(items: Iterable[Union[Article, InputProblem, _Drain]], most_characters: int) -> Iterator[Union[list[Article], InputProblem, _Drain]]:
    """Articles grouped into batches; problems, notes and _DRAIN passed on as they come."""
    batch: list[Article] = []
    characters = 0
    for item in items:
        if isinstance(item, Article):
            batch.append(item)
            characters += len(item.text)
            if len(batch) >= BATCH_ARTICLES or characters >= most_characters:
                yield batch
                batch, characters = [], 0
        elif isinstance(item, _Drain):
            if batch:
                yield batch
                batch, characters = [], 0
            yield item
        else:
            yield item
    if batch:
        yield batch
