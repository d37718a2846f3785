"""Tag a large corpus with Dask: one JSONL shard per partition of the inputs, and a manifest.

The inputs (directories of .txt files, .jsonl files, glob patterns) are
split into partitions in a fixed way: the same inputs and the same number
of partitions always give the same partitions, so a re-run lines up with
the shards already written.  A partition is a list of pieces (a .txt file,
or a byte range of lines of a .jsonl file), and the worker that tags it
reads those pieces itself, so nothing large travels through the scheduler.

Each partition is tagged by `tag_partition`, which calls the same
`attrib.batch.tag_batch` as `attrib predict --jobs`, so the shards put end
to end are what `attrib predict --format jsonl` writes for the same inputs.
A shard is written under a temporary name and renamed into place, then a
small record of it (`part-NNNNN.json`: what it was made from, counts,
problems) likewise: a shard counts as done only when that record names the
same inputs and model, so a re-run skips finished shards and redoes
missing, failed or outdated ones, and a worker that dies leaves no
half-written shard.

Needs Dask (`pip install 'attrib[dask]'`); `attrib predict` imports this
module only for --out or --scheduler.
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import math
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

from distributed import Client, LocalCluster, as_completed

from attrib.batch import BATCH_CHARACTERS, ModelRef, batches, tag_batch
from attrib.inputs import MAX_BYTES, Article, InputNote, InputProblem, iter_inputs, iter_jsonl_span
from attrib.atomic import AtomicFile

MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1
# Articles per partition when no number is given: small enough to share out
# among workers evenly, large enough that scheduling costs nothing.
PARTITION_ARTICLES = 100
MAX_DEFAULT_PARTITIONS = 1000
_SHARD = "part-{:05d}.jsonl"
_RECORD = "part-{:05d}.json"


@dataclass(frozen=True)
class Piece:
    """A .txt file (`stop` -1), or the lines of a .jsonl file from byte `start` to `stop`, the first numbered `line`."""

    path: str
    start: int = 0
    stop: int = -1
    line: int = 1


@dataclass(frozen=True)
class Partition:
    """The pieces one worker tags into one shard; `key` names them, their files' sizes and times, and the model."""

    index: int
    pieces: tuple[Piece, ...]
    key: str


@dataclass
class PartitionResult:
    """What tagging one partition gave; written beside its shard as the shard's record."""

    index: int
    key: str
    articles: int
    sentences: int
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """The partitions of the inputs, and the inputs that could not be used at all."""

    partitions: list[Partition]
    problems: list[str]


@dataclass
class Manifest:
    """A run's outcome, as written to DIR/manifest.json."""

    path: Path
    partitions: int
    complete: int
    skipped: int
    articles: int
    sentences: int
    problems: list[str]
    failures: list[str]


def tag_corpus(
    paths: list[str],
    out: Path,
    scheduler: str,
    model: ModelRef,
    partitions: Optional[int] = None,
    workers: Optional[int] = None,
    encoding: Optional[str] = None,
    max_bytes: int = MAX_BYTES,
) -> Manifest:
    """Tag every partition not already done into `out`, on a LocalCluster ("local") or the scheduler at that address.

    `workers` is the LocalCluster's number of processes (default: one per
    core).  A partition that fails (a worker that died, an error) is listed
    in the manifest and the others go on; running again redoes it.  One
    whose shard and record were written whole before its worker died counts
    as complete.  Raises
    OSError when `out` cannot be written.
    """
    plan = plan_partitions(paths, partitions, model, encoding, max_bytes)
    out.mkdir(parents=True, exist_ok=True)
    results = {p.index: found for p in plan.partitions if (found := finished(out, p)) is not None}
    skipped = len(results)
    todo = [p for p in plan.partitions if p.index not in results]
    failures: list[str] = []
    if todo:
        with _client(scheduler, workers) as client:
            futures = client.map(tag_partition, todo, model=model, out=str(out), encoding=encoding, max_bytes=max_bytes, pure=False)
            partition_of = {future.key: partition for future, partition in zip(futures, todo)}
            for future in as_completed(futures):
                try:
                    result = future.result()
                except Exception as error:  # noqa: BLE001 - a worker's failure is reported, the other partitions go on
                    partition = partition_of[future.key]
                    # A worker can write a shard and its record whole, then die before it reports back.
                    written = finished(out, partition)
                    if written is not None:
                        results[partition.index] = written
                        continue
                    (out / _SHARD.format(partition.index)).unlink(missing_ok=True)  # a shard without its record
                    failures.append(f"{out / _SHARD.format(partition.index)}: not written ({type(error).__name__}: {error}); run the same command again to redo it")
                else:
                    results[result.index] = result
    _remove_stale(out, len(plan.partitions))
    return _write_manifest(out, paths, model, plan, results, skipped, sorted(failures))


def plan_partitions(paths: list[str], partitions: Optional[int], model: ModelRef, encoding: Optional[str], max_bytes: int) -> Plan:
    """Split the inputs into `partitions` runs of about equal numbers of articles, in input order."""
    files, problems = expand(paths)
    units = [(path, _jsonl_lines(path) if _is_jsonl(path) and not _is_wide(encoding) else None) for path in files]
    total = sum(1 if lines is None else len(lines) for _, lines in units)
    count = partitions or min(MAX_DEFAULT_PARTITIONS, max(1, math.ceil(total / PARTITION_ARTICLES)))
    per = max(1, math.ceil(total / count))
    groups: list[list[Piece]] = [[]]
    filled = 0
    for path, lines in units:
        if lines is None:
            if filled == per:
                groups.append([])
                filled = 0
            groups[-1].append(Piece(path))
            filled += 1
            continue
        taken = 0
        while taken < len(lines) - 1:
            if filled == per:
                groups.append([])
                filled = 0
            end = min(len(lines) - 1, taken + per - filled)
            groups[-1].append(Piece(path, lines[taken], lines[end], taken + 1))
            filled += end - taken
            taken = end
    groups += [[] for _ in range(count - len(groups))]
    setting = {"model": model.digest, "encoding": encoding, "max_bytes": max_bytes}
    return Plan([Partition(index, tuple(group), _key(group, setting)) for index, group in enumerate(groups)], problems)


def expand(paths: list[str]) -> tuple[list[str], list[str]]:
    """The files the inputs name, in order (directories: their *.txt by name; patterns: matches by name), and problems."""
    files: list[str] = []
    problems: list[str] = []
    for arg in paths:
        matches = [arg] if os.path.lexists(arg) or not glob.has_magic(arg) else sorted(glob.glob(arg))
        if not matches:
            problems.append(f"{arg}: no file matches this pattern; check it (quote it so the shell leaves it to attrib)")
        for path in matches:
            if os.path.isdir(path):
                found = sorted(entry.path for entry in os.scandir(path) if entry.name.lower().endswith(".txt") and entry.is_file())
                if not found:
                    problems.append(f"{path}: no .txt files in this directory; attrib reads regular *.txt files directly inside it")
                files += found
            elif _is_regular(path):
                files.append(path)
            else:
                problems.append(f"{path}: no such file, or not a regular file; check the path")
    return files, problems


def tag_partition(partition: Partition, model: ModelRef, out: str, encoding: Optional[str], max_bytes: int) -> PartitionResult:
    """Tag one partition into its shard, then write the shard's record; runs on a worker."""
    result = PartitionResult(partition.index, partition.key, 0, 0)
    directory = Path(out)
    shard = AtomicFile(directory / _SHARD.format(partition.index))
    try:
        for item in batches(_read(partition, encoding, max_bytes), BATCH_CHARACTERS):
            if isinstance(item, list):
                tagged = tag_batch(model, item, "jsonl")
                result.articles += len(item)
                result.sentences += tagged.sentences
                if tagged.lines:
                    shard.handle.write("\n".join(tagged.lines) + "\n")
            elif isinstance(item, InputNote):
                result.notes.append(str(item))
            elif isinstance(item, InputProblem):
                result.problems.append(str(item))
        shard.commit()
    finally:
        shard.discard()
    record = AtomicFile(directory / _RECORD.format(partition.index))
    try:
        record.handle.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
        record.commit()
    finally:
        record.discard()
    return result


def finished(out: Path, partition: Partition) -> Optional[PartitionResult]:
    """The record of this partition's shard when the shard is there and was made from the same inputs and model."""
    try:
        data = json.loads((out / _RECORD.format(partition.index)).read_text(encoding="utf-8"))
        result = PartitionResult(**data)
    except (OSError, ValueError, TypeError):
        return None
    if result.key != partition.key or not (out / _SHARD.format(partition.index)).is_file():
        return None
    return result


def _read(partition: Partition, encoding: Optional[str], max_bytes: int) -> Iterator[Union[Article, InputProblem]]:
    for piece in partition.pieces:
        if piece.stop < 0:
            yield from iter_inputs([piece.path], encoding=encoding, max_bytes=max_bytes)
        else:
            yield from iter_jsonl_span(piece.path, piece.start, piece.stop, piece.line, encoding, max_bytes)


@contextmanager
def _client(scheduler: str, workers: Optional[int]) -> Iterator[Client]:
    """A client of the scheduler at `scheduler`, or of a LocalCluster started for this run and closed after it."""
    if scheduler != "local":
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        with Client(cluster) as client:
            yield client


def _jsonl_lines(path: str) -> list[int]:
    """Byte offsets where each line of a .jsonl file starts, and its end: one pass, no decoding."""
    offsets = [0]
    with open(path, "rb") as handle:
        for raw in handle:
            offsets.append(offsets[-1] + len(raw))
    return offsets


def _is_jsonl(path: str) -> bool:
    return path.lower().endswith(".jsonl")


def _is_wide(encoding: Optional[str]) -> bool:
    """UTF-16 and UTF-32 files cannot be split at \\n bytes: they are one piece."""
    try:
        return encoding is not None and b"\x00" in "a".encode(encoding)
    except LookupError:
        return False


def _is_regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _key(pieces: list[Piece], setting: dict[str, Any]) -> str:
    """A digest of the pieces, their files' sizes and modification times, and the model and reading settings."""
    digest = hashlib.sha256(json.dumps(setting, sort_keys=True).encode("utf-8"))
    for piece in pieces:
        try:
            info = os.stat(piece.path)
            state = [info.st_size, info.st_mtime_ns]
        except OSError:
            state = []
        digest.update(json.dumps([asdict(piece), state]).encode("utf-8"))
    return digest.hexdigest()


def _remove_stale(out: Path, count: int) -> None:
    """Remove shards beyond this plan's partitions (an earlier run had more) and workers' leftover temporary files.

    Called once no worker of this run writes any more: a temporary file
    then belongs to a worker that died while writing.
    """
    for path in out.glob("part-*.json*"):
        number = path.name[len("part-") :].split(".")[0]
        if number.isdigit() and int(number) >= count:
            path.unlink(missing_ok=True)
    for path in out.glob(".part-*.tmp"):
        path.unlink(missing_ok=True)


def _write_manifest(out: Path, paths: list[str], model: ModelRef, plan: Plan, results: dict[int, PartitionResult], skipped: int, failures: list[str]) -> Manifest:
    rows = []
    for partition in plan.partitions:
        result = results.get(partition.index)
        rows.append({
            "shard": _SHARD.format(partition.index),
            "complete": result is not None,
            "articles": result.articles if result else None,
            "sentences": result.sentences if result else None,
            "problems": result.problems if result else [],
            "inputs": [asdict(piece) for piece in partition.pieces],
        })
    problems = plan.problems + [problem for result in sorted(results.values(), key=lambda r: r.index) for problem in result.problems]
    manifest = Manifest(
        out / MANIFEST,
        partitions=len(plan.partitions),
        complete=len(results),
        skipped=skipped,
        articles=sum(result.articles for result in results.values()),
        sentences=sum(result.sentences for result in results.values()),
        problems=problems,
        failures=failures,
    )
    data = {
        "format": MANIFEST_FORMAT,
        "inputs": paths,
        "model": {"path": model.path, "model_sha256": model.digest},
        "partitions": len(plan.partitions),
        "complete": manifest.complete,
        "articles": manifest.articles,
        "sentences": manifest.sentences,
        "problems": problems,
        "failures": failures,
        "shards": rows,
    }
    handle = AtomicFile(out / MANIFEST)
    try:
        handle.handle.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        handle.commit()
    finally:
        handle.discard()
    return manifest
