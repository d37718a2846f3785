"""The compiled text analysis (setup.py builds it with mypyc) is in use, tags as the source does, and never goes stale."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib import import_module
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import attrib.analysis
from attrib.analysis import stale_compiled
from tests.conftest import REPO, SEEDS

ANALYSIS = Path(attrib.analysis.__file__).parent
MODULES = sorted(path.stem for path in ANALYSIS.glob("*.py") if path.name != "__init__.py")


def test_the_text_analysis_runs_compiled() -> None:
    if os.environ.get("ATTRIB_PURE_PYTHON"):
        return  # installed as source on purpose
    source = [name for name in MODULES if not str(import_module(f"attrib.analysis.{name}").__file__).endswith(tuple(EXTENSION_SUFFIXES))]
    assert not source, (
        f"attrib.analysis modules {source} run as Python source: the build could not compile them "
        "(see the warning of `pip install -v -e .`); set ATTRIB_PURE_PYTHON=1 to test the source on purpose"
    )


def test_the_source_tags_exactly_as_the_compiled_modules_do(tmp_path: Path) -> None:
    # A copy of the package without its compiled modules, run from its own directory.
    shutil.copytree(REPO / "attrib", tmp_path / "attrib", ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"))
    articles = [str(SEEDS), *([str(REPO / "data" / "dev" / "articles")] if (REPO / "data" / "dev").is_dir() else [])]
    run = (
        "import sys, attrib.analysis.lexicon as lexicon; from attrib.cli import main; "
        "assert sys.argv[1] != 'source' or lexicon.__file__.endswith('.py'), lexicon.__file__; "
        "sys.argv[1:2] = []; main()"
    )
    outputs = {}
    for kind, where in (("source", tmp_path), ("installed", REPO)):
        process = subprocess.run(
            [sys.executable, "-c", run, kind, "predict", *articles, "--format", "jsonl", "--quiet"],
            cwd=where, capture_output=True, timeout=300,
        )
        assert process.returncode == 0, process.stderr.decode()
        outputs[kind] = process.stdout
    assert outputs["source"].count(b"\n") > 100
    assert outputs["source"] == outputs["installed"]


def test_a_source_edited_after_compiling_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "attrib" / "analysis"
    folder.mkdir(parents=True)
    for name in ("setup.py", "pyproject.toml"):
        (tmp_path / name).write_text("")
    built = folder / f"lexicon{EXTENSION_SUFFIXES[0]}"
    source = folder / "lexicon.py"
    built.write_bytes(b"")
    source.write_text("")
    os.utime(built, (1_000, 1_000))
    os.utime(source, (2_000, 2_000))
    (folder / "prose.py").write_text("")  # never compiled: nothing to go stale
    assert stale_compiled(folder) == [source]
    os.utime(built, (3_000, 3_000))  # rebuilt
    assert stale_compiled(folder) == []


def test_an_installed_package_is_never_reported(tmp_path: Path) -> None:
    folder = tmp_path / "site-packages" / "attrib" / "analysis"
    folder.mkdir(parents=True)
    (folder / f"lexicon{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    (folder / "lexicon.py").write_text("")
    os.utime(folder / f"lexicon{EXTENSION_SUFFIXES[0]}", (1_000, 1_000))
    assert stale_compiled(folder) == []
