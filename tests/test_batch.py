"""Tagging in batches: worker processes give the same output, the progress bar stays off stdout."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from attrib import batch
from attrib.batch import ModelRef, Tagged, Tagging, resolve_model, tag_batch
from attrib.inputs import Article, InputProblem, count_articles
from tests.conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def corpus(folder: Path, files: int) -> Path:
    """`files` copies of the seed articles, one per file."""
    folder.mkdir()
    for number in range(files):
        seed = SEED_FILES[number % len(SEED_FILES)]
        (folder / f"copy{number:03d}.txt").write_bytes(seed.read_bytes())
    return folder


def attrib_process(*args: str, stderr: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", "from attrib.cli import main; main()", *args], stdout=subprocess.PIPE, stderr=stderr, timeout=300)


def test_two_worker_processes_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "articles", 5)
    many = tmp_path / "many.jsonl"  # more articles than one batch holds
    many.write_text("".join(json.dumps({"id": f"short{i}", "text": f"Officials said {i} trucks arrived. \u201cIt is late,\u201d Ms Ode said."}) + "\n" for i in range(300)))
    args = ["predict", str(folder), str(tmp_path / "missing.txt"), str(many), "--format", "jsonl"]
    one = attrib_process(*args)
    two = attrib_process(*args, "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    assert len(one.stdout.splitlines()) > 600


def test_jobs_must_be_a_number_of_processes_or_minus_one(cli) -> None:
    for jobs in ("0", "-2"):
        result = cli("predict", SEED_FILES[0], "--jobs", jobs)
        assert result.exit_code == 2
        assert result.stderr.startswith("attrib: --jobs must be") and len(result.stderr.splitlines()) == 1


def test_summarize_with_workers_gives_the_same_summary(cli, tmp_path: Path) -> None:
    folder = corpus(tmp_path / "articles", 6)
    one = cli("summarize", folder, "--format", "json")
    two = cli("summarize", folder, "--format", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    assert json.loads(one.stdout)
    refused = cli("summarize", folder, "--jobs", "0")
    assert refused.exit_code == 2 and refused.stderr.startswith("attrib: --jobs must be")


def test_html_with_workers_holds_every_article(cli, tmp_path: Path) -> None:
    folder = corpus(tmp_path / "articles", 3)
    one = cli("predict", folder, "--format", "html")
    two = cli("predict", folder, "--format", "html", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout.count("copy00") == two.stdout.count("copy00") > 0


def test_one_job_starts_no_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    import joblib.externals.loky

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker process was started")

    monkeypatch.setattr(joblib.externals.loky, "get_reusable_executor", refuse)
    items = list(Tagging(resolve_model(None), "jsonl").run([str(SEED_FILES[0]), "missing.txt"]))
    assert isinstance(items[0], InputProblem) and isinstance(items[1], Tagged)
    assert items[1].sentences == len(items[1].lines) > 0


def test_workers_give_batches_in_input_order(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "articles", 30)
    model = resolve_model(None)
    found = [item for item in Tagging(model, None, jobs=2).run([str(folder)]) if isinstance(item, Tagged)]
    articles = [article.id for item in found for article in item.articles]
    assert articles == sorted(path.stem for path in folder.iterdir())
    assert [records[0].article for item in found for records in item.records or []] == articles


def test_each_process_loads_the_model_once(monkeypatch: pytest.MonkeyPatch) -> None:
    model = resolve_model(None)
    loads: list[str | None] = []
    real = batch.load_tagger

    def counted(path: str | None):
        loads.append(path)
        return real(path)

    monkeypatch.setattr(batch, "load_tagger", counted)
    article = Article("a", SEED_FILES[0].read_text(encoding="utf-8"), "a.txt")
    tag_batch(model, [article], "jsonl")
    tag_batch(model, [article], "jsonl")
    assert loads == []  # resolve_model loaded it here already
    other = ModelRef(model.path, "another digest")  # the same path, since replaced: loaded afresh
    tag_batch(other, [article], "jsonl")
    tag_batch(other, [article], "jsonl")
    assert loads == [None]


def test_count_articles_counts_without_reading_text(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "articles", 4)
    lines = tmp_path / "lines.jsonl"
    lines.write_text('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n{"id": "c", "text": "z"}')
    assert count_articles([str(folder), str(lines), str(SEED_FILES[0]), "-", str(tmp_path / "missing")]) == 4 + 3 + 1 + 1 + 1


# ------------------------------------------------------------------ progress ---


def test_no_progress_when_standard_error_is_not_a_terminal(cli, tmp_path: Path) -> None:
    folder = corpus(tmp_path / "articles", 15)
    result = cli("predict", folder, "--format", "jsonl")
    assert result.exit_code == 0 and result.stderr == ""


def run_on_a_terminal(*args: str) -> tuple[subprocess.CompletedProcess[bytes], str]:
    """Run attrib with standard error on a pseudo-terminal; gives the process and what the terminal showed."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", "from attrib.cli import main; main()", *args], stdout=subprocess.PIPE, stderr=terminal,
    )
    os.close(terminal)
    stdout = process.stdout.read() if process.stdout is not None else b""
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 1 << 16)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    return subprocess.CompletedProcess(process.args, process.wait(timeout=300), stdout), shown.decode("utf-8", "replace")


def test_progress_on_a_terminal_stays_off_standard_output_and_quiet_turns_it_off(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "articles", 15)
    shown_run, shown = run_on_a_terminal("predict", str(folder), "--format", "jsonl")
    quiet_run, quiet = run_on_a_terminal("predict", str(folder), "--format", "jsonl", "--quiet")
    assert shown_run.returncode == quiet_run.returncode == 0
    assert "15/15" in shown and "sentences/s" in shown
    assert quiet == ""
    for run in (shown_run, quiet_run):
        records = [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]
        assert {record["article"] for record in records} == {path.stem for path in folder.iterdir()}


# Every process of the run loads this first; in a worker, tagging a batch kills the process.
KILLING_WORKERS = "import os\nimport attrib.batch\nattrib.batch.tag_batch = lambda *args, **kwargs: os._exit(9)\n"
# A queue lock the pool's resource tracker finds already gone at exit, as
# happens now and then when a worker is killed (5 runs in 240 here).
LEAKING_A_LOCK = """
from joblib.externals.loky.backend import resource_tracker
pool = attrib.batch.Tagging._executor
def leaking(self):
    executor = pool(self)
    resource_tracker.register("/attrib-test-never-created", "semlock")
    return executor
attrib.batch.Tagging._executor = leaking
"""


@pytest.mark.parametrize("hook", [KILLING_WORKERS, KILLING_WORKERS + LEAKING_A_LOCK], ids=["killed", "killed-and-a-lock-left"])
def test_a_worker_that_dies_gives_one_clear_line_and_a_failure_exit(tmp_path: Path, hook: str) -> None:
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(hook)
    folder = corpus(tmp_path / "articles", 4)
    process = subprocess.run(
        [sys.executable, "-c", "from attrib.cli import main; main()", "predict", str(folder), "--jobs", "2", "--format", "jsonl"],
        capture_output=True, timeout=300, env={**os.environ, "PYTHONPATH": str(hooks)},
    )
    stderr = process.stderr.decode()
    assert process.returncode != 0
    assert "Traceback" not in stderr
    assert stderr.startswith("attrib: a worker process died while tagging") and len(stderr.splitlines()) == 1
    assert process.stdout == b""
