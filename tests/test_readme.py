"""The README's code blocks work as written: a newcomer copies them verbatim.

Every ```python block runs in a fresh interpreter from a directory laid out
like the clone (seeds/, data/).  Every ```sh line runs in bash there too,
except those that install packages or run the test suite, and `attrib
train` / `attrib evaluate` lines, which take a minute each and are run by
test_cli and test_models: for those, every option must exist.  Files a line
expects the user to have (my-labels.jsonl, my-articles/) are made from the
invented article in conftest.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO, SEEDS, USER_ARTICLE, write_user_labels

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(\w+)\n(.*?)^```", README, flags=re.MULTILINE | re.DOTALL)
# Lines that change the environment or run the tests themselves.
NOT_RUN = ("pip ", "pytest", "bash .ci")
SLOW_COMMANDS = ("attrib train", "attrib evaluate")


def shell_lines() -> list[str]:
    return [line for language, body in BLOCKS if language == "sh" for line in body.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory like the clone, plus the files the README asks a user to bring."""
    root = tmp_path_factory.mktemp("readme")
    shutil.copytree(SEEDS, root / "seeds")
    (root / "data").mkdir()
    shutil.copy(DATA, root / "data" / "labels.jsonl")
    (root / "my-articles").mkdir()
    (root / "my-articles" / "ferry.txt").write_text(USER_ARTICLE, encoding="utf-8")
    write_user_labels(root / "my-labels.jsonl")
    return root


def environment() -> dict[str, str]:
    """This interpreter's scripts first on PATH, so `attrib` is the one under test."""
    scripts = sysconfig.get_path("scripts")
    return {**os.environ, "PATH": scripts + os.pathsep + os.environ.get("PATH", "")}


def test_the_readme_has_python_and_shell_blocks() -> None:
    languages = [language for language, _ in BLOCKS]
    assert languages.count("python") >= 2 and languages.count("sh") >= 3
    assert set(languages) <= {"python", "sh"}, "a block in another language would go untested"


@pytest.mark.parametrize("code", [body for language, body in BLOCKS if language == "python"], ids=lambda code: code.splitlines()[-1][:40])
def test_python_block_runs_verbatim(workdir: Path, code: str) -> None:
    process = subprocess.run([sys.executable, "-c", code], cwd=workdir, capture_output=True, timeout=600, env=environment())
    assert process.returncode == 0, process.stderr.decode("utf-8", "replace")
    assert process.stdout.strip()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize("line", [line for line in shell_lines() if not line.startswith(NOT_RUN + SLOW_COMMANDS)])
def test_shell_line_runs_verbatim(workdir: Path, line: str) -> None:
    process = subprocess.run(["bash", "-c", "set -o pipefail; " + line], cwd=workdir, capture_output=True, timeout=600, env=environment())
    assert process.returncode == 0, process.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in process.stderr


@pytest.mark.parametrize("line", [line for line in shell_lines() if line.startswith(SLOW_COMMANDS)])
def test_slow_shell_line_uses_only_options_that_exist(workdir: Path, line: str) -> None:
    command = line.split("#")[0].split()
    help_text = subprocess.run([*command[:2], "--help"], cwd=workdir, capture_output=True, timeout=120, env=environment()).stdout.decode()
    for option in (word for word in command[2:] if word.startswith("--")):
        assert option in help_text, f"{option} is not an option of {' '.join(command[:2])}"
    for path in (word for word in command[2:] if not word.startswith("-") and "/" in word or word.endswith(".jsonl")):
        assert (workdir / path).exists() or path.startswith("models"), f"{path} does not exist"
