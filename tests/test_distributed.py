"""`attrib predict --out DIR --scheduler ...`: Dask shards equal to `predict --format jsonl`, resumable, and safe."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import dask
import pytest
from distributed import Client, LocalCluster

from attrib.batch import ModelRef
from attrib.distributed import _read, plan_partitions
from attrib.inputs import Article, iter_inputs
from tests.conftest import SEEDS

# Dask starts its workers with this hash seed (when none is set); the
# reference run uses it too, since the last digit of some confidences
# depends on the order in which Python iterates over sets of names.
MARKER = "Quillfeather"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], bytes]:
    """Inputs (a folder of .txt, a .jsonl with one bad line, a missing file) and what `predict --format jsonl` writes for them."""
    root = tmp_path_factory.mktemp("corpus")
    folder = root / "articles"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    lines = [json.dumps({"id": f"short{i}", "text": f"Officials said {i} trucks arrived. \u201cIt is late,\u201d Ms Ode said."}) for i in range(30)]
    lines[17] = json.dumps({"id": "marked", "text": f"The {MARKER} inquiry was dropped, the ministry said."})
    lines.insert(8, '{"id": "broken", "text": ')
    shorts = root / "shorts.jsonl"
    shorts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths = [str(folder), str(shorts), str(root / "missing.txt")]
    reference = subprocess.run([sys.executable, "-c", "from attrib.cli import main; main()", "predict", *paths, "--format", "jsonl"],
                               capture_output=True, timeout=300)
    assert reference.returncode == 1
    return paths, reference.stdout


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One LocalCluster of two worker processes for the module; a task whose worker dies fails at once."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            yield cluster.scheduler_address


def shards(out: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(out.glob("part-*.jsonl")))


def test_shards_hold_what_predict_writes_and_bad_inputs_are_listed(cli, corpus, scheduler: str, tmp_path: Path) -> None:
    paths, reference = corpus
    out = tmp_path / "out"
    result = cli("predict", *paths, "--out", out, "--scheduler", scheduler, "--partitions", "3")
    assert result.exit_code == 1
    assert shards(out) == reference
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["partitions"] == manifest["complete"] == 3 and manifest["failures"] == []
    assert manifest["sentences"] == len(reference.splitlines())
    assert [problem.split(":")[0] for problem in manifest["problems"]] == [paths[2], paths[1]]
    assert f"{paths[1]}:9:" in result.stderr and paths[2] in result.stderr
    assert "3 of 3 shards complete" in result.stdout

    (out / "part-00001.jsonl").unlink()
    before = {path.name: path.stat().st_mtime_ns for path in out.glob("part-*")}
    again = cli("predict", *paths, "--out", out, "--scheduler", scheduler, "--partitions", "3")
    assert again.exit_code == 1 and "(2 from an earlier run)" in again.stdout
    after = {path.name: path.stat().st_mtime_ns for path in out.glob("part-*")}
    assert {name for name in after if after[name] != before.get(name)} == {"part-00001.jsonl", "part-00001.json"}
    assert shards(out) == reference


def _die_on_marked_articles() -> None:
    """Runs in each worker: tagging an article with the marker ends the worker process."""
    import attrib.distributed

    real = attrib.distributed.tag_batch

    def dying(model: ModelRef, articles: list[Article], fmt: str | None, csv_safe: bool = False):  # type: ignore[no-untyped-def]
        if any(MARKER in article.text for article in articles):
            os._exit(1)
        return real(model, articles, fmt, csv_safe)

    attrib.distributed.tag_batch = dying


def test_a_worker_that_dies_takes_no_finished_shard_and_a_rerun_completes(cli, corpus, scheduler: str, tmp_path: Path) -> None:
    paths, reference = corpus
    out = tmp_path / "out"
    with Client(scheduler) as client:
        assert len(client.run(_die_on_marked_articles)) == 2
    first = cli("predict", *paths, "--out", out, "--scheduler", scheduler, "--partitions", "4")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    # The partitions queued on the dead worker fail with the marked one.
    failed = [row["shard"] for row in manifest["shards"] if not row["complete"]]
    assert first.exit_code == (1 if len(failed) < 4 else 2) and f"{len(failed)} shard(s) failed" in first.stderr, first.stderr
    assert len(failed) >= 1 and len(manifest["failures"]) == len(failed), manifest["failures"]
    assert not [shard for shard in failed if (out / shard).exists()]
    assert all((out / row["shard"]).is_file() for row in manifest["shards"] if row["complete"])
    assert not [path for path in out.iterdir() if path.name.endswith(".tmp")]
    # The dead worker was replaced by a fresh one; any worker still patched is restarted too.
    with Client(scheduler) as client:
        client.restart()
    second = cli("predict", *paths, "--out", out, "--scheduler", scheduler, "--partitions", "4")
    assert second.exit_code == 1 and f"4 of 4 shards complete ({4 - len(failed)} from an earlier run)" in second.stdout
    assert shards(out) == reference


def _lose_after_writing() -> None:
    """Runs in each worker: every partition is written whole, then its task fails as if the worker were lost."""
    import attrib.distributed

    real = attrib.distributed.tag_partition

    def written_then_lost(*args, **kwargs):  # type: ignore[no-untyped-def]
        real(*args, **kwargs)
        raise RuntimeError("worker lost after writing")

    attrib.distributed.tag_partition = written_then_lost


def test_a_shard_written_whole_counts_though_its_task_failed(cli, corpus, scheduler: str, tmp_path: Path) -> None:
    paths, reference = corpus
    out = tmp_path / "out"
    with Client(scheduler) as client:
        client.wait_for_workers(2, timeout=60)  # an earlier test restarts them
        assert len(client.run(_lose_after_writing)) == 2
    try:
        result = cli("predict", *paths, "--out", out, "--scheduler", scheduler, "--partitions", "3")
    finally:
        with Client(scheduler) as client:
            client.restart()
    assert result.exit_code == 1 and "3 of 3 shards complete" in result.stdout, result.stderr
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["failures"] == []
    assert shards(out) == reference


def test_partitions_are_fixed_and_cover_every_line_once(corpus) -> None:
    paths, _ = corpus
    model = ModelRef(None, "digest")
    plans = [plan_partitions(paths, 4, model, None, 10**7) for _ in range(2)]
    assert plans[0] == plans[1]
    assert len(plans[0].partitions) == 4 and len(plans[0].problems) == 1
    ids = [item.id for partition in plans[0].partitions for item in _read(partition, None, 10**7) if isinstance(item, Article)]
    assert ids == [item.id for item in iter_inputs(paths[:2]) if isinstance(item, Article)]


def test_plain_predict_does_not_import_dask() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from attrib.cli import app\n"
        f"result = CliRunner().invoke(app, ['predict', {str(sorted(SEEDS.glob('*.txt'))[0])!r}, '--format', 'jsonl'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('dask', 'distributed')))\n"
    )
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert process.returncode == 0, process.stderr
    assert process.stdout.strip() == "[]"
