"""Shared fixtures: a private model cache, one trained model per session, CLI runners.

The default model is trained on first use and cached in $ATTRIB_CACHE_DIR;
the session points that at a temporary directory, so tests never write to
the user's home and train the default model once per session.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from threadpoolctl import threadpool_limits
from typer.testing import CliRunner, Result

from attrib.cli import app
from attrib.loading import load_tagger
from attrib.model.tagger import Tagger
from attrib.training import train

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data" / "labels.jsonl"
SEEDS = REPO / "seeds"

# An invented article a user might label, and its labels (see write_user_labels).
USER_ARTICLE = (
    "Harbour ferry fares to rise\n"
    "\u201cWe deny that the fares were set in secret,\u201d port director Ines Varga said on Monday.\n"
    "Passengers were told the rise was \u201ctemporary and necessary\u201d.\n"
)
USER_LABELS = [
    ("Harbour ferry fares to rise", "none", None, None, None, "none"),
    ("\u201cWe deny that the fares were set in secret,\u201d port director Ines Varga said on Monday.", "direct", "Ines Varga", "port director Ines Varga", "said", "deny"),
    ("Passengers were told the rise was \u201ctemporary and necessary\u201d.", "direct", None, None, None, "none"),
]


def write_user_labels(labels: Path) -> Path:
    """Labels for USER_ARTICLE: the last sentence quotes words whose source the article never gives."""
    with labels.open("w", encoding="utf-8") as handle:
        for index, (text, quote, speaker, mention, cue, stance) in enumerate(USER_LABELS):
            start = USER_ARTICLE.index(text)
            record = {"article": "ferry", "index": index, "start": start, "end": start + len(text), "text": text,
                      "quote": quote, "speaker": speaker, "mention": mention, "cue": cue, "stance": stance}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return labels


# Small models: multi-threaded BLAS only slows them down, badly so on a busy
# machine.  Set for subprocesses here; attrib's CLI limits its own threads.
_SESSION_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@pytest.fixture(scope="session", autouse=True)
def attrib_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """$ATTRIB_CACHE_DIR (and BLAS thread limits) for the whole session, restored afterwards."""
    cache = tmp_path_factory.mktemp("attrib-cache")
    settings = {"ATTRIB_CACHE_DIR": str(cache), **_SESSION_ENV}
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        with threadpool_limits(limits=1, user_api="blas"):
            yield cache
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(scope="session")
def trained_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model directory trained once from data/labels.jsonl and seeds/ (no cross-validation)."""
    out = tmp_path_factory.mktemp("model")
    train(DATA, SEEDS, out, evaluate=False)
    return out


@pytest.fixture(scope="session")
def session_tagger(trained_model: Path) -> Tagger:
    """The session model, loaded once, with its scikit-learn pipelines (for the explanations)."""
    return load_tagger(trained_model, pipelines=True)


def assert_clean(result_stdout: str, result_stderr: str) -> None:
    """No traceback may reach the user, on either stream."""
    assert "Traceback" not in result_stdout
    assert "Traceback" not in result_stderr


@pytest.fixture(scope="session")
def cli() -> Callable[..., Result]:
    """Run `attrib ARGS` in-process; an exception escaping a command fails the test."""
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None) -> Result:
        result = runner.invoke(app, [str(arg) for arg in args], input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"attrib {' '.join(map(str, args))} raised {result.exception!r}") from result.exception
        assert_clean(result.stdout, result.stderr)
        return result

    return run


@pytest.fixture(scope="session")
def cli_process() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `attrib ARGS` as its own process, the way the console script does."""

    def run(*args: str, cwd: Path | None = None, input: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        process = subprocess.run(
            [sys.executable, "-c", "from attrib.cli import main; main()", *map(str, args)],
            cwd=cwd,
            input=input,
            capture_output=True,
            timeout=timeout,
        )
        stdout, stderr = process.stdout.decode("utf-8"), process.stderr.decode("utf-8")
        assert_clean(stdout, stderr)
        return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)

    return run
