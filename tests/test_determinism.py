"""The same model and articles give the same records in every process.

Python salts string hashes per process (PYTHONHASHSEED), so anything that
iterates over a set of strings can reorder a sum and change the last digit
of a confidence from one run to the next.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SEEDS


def _predict(model: Path, hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    process = subprocess.run(
        [sys.executable, "-c", "from attrib.cli import main; main()", "predict", str(SEEDS), "--model", str(model), "--format", "jsonl"],
        capture_output=True, env=env, timeout=120, check=True,
    )
    return process.stdout.decode("utf-8")


def test_records_do_not_depend_on_the_hash_seed(trained_model: Path) -> None:
    outputs = {seed: _predict(trained_model, seed) for seed in ("0", "1", "2", "3")}
    assert outputs["0"].count("\n") > 100
    assert len(set(outputs.values())) == 1
