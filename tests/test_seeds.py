"""The seed articles are the labels' ground: nobody edits them by accident."""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_seeds_match_their_recorded_checksums() -> None:
    recorded = {}
    for line in (ROOT / "tests" / "seeds.sha256").read_text(encoding="utf-8").splitlines():
        digest, name = line.split()
        recorded[name] = digest
    present = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in (ROOT / "seeds").glob("*.txt")}
    assert len(recorded) == 5
    assert present == recorded


def test_the_package_bundles_the_same_labels_and_seeds() -> None:
    bundled = ROOT / "attrib" / "bundled"
    assert (bundled / "labels.jsonl").read_bytes() == (ROOT / "data" / "labels.jsonl").read_bytes()
    for seed in (ROOT / "seeds").glob("*.txt"):
        assert (bundled / "seeds" / seed.name).read_bytes() == seed.read_bytes()
