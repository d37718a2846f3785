"""Tagging without scikit-learn: the compiled tagger scores as the fitted pipelines do, and loads alone.

The session model's own three models (quote type, stance, speaker ranker)
are compared with their scikit-learn pipelines on the seeds, on data/dev/
and on generated input; `attrib predict` runs in fresh processes, one of
them with scikit-learn and scipy made unimportable.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attrib.analysis.structure import analyse
from attrib.loading import load_tagger
from attrib.model.features import SentenceInput, sentence_inputs
from attrib.model.speakers import Candidate, SpeakerRanker, candidates
from attrib.model.tagger import Tagger
from tests.conftest import REPO, SEEDS
from tests.strategies import hostile_text

DEV = REPO / "data" / "dev"
TOLERANCE = 1e-9
SEED = SEEDS / "002_8434543e79469e45.txt"
# Prints, after running `attrib ARGS`, the modules of these packages that got imported.
_RUN_AND_LIST = """
import json, sys
from attrib.cli import main
try:
    main()
finally:
    loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("sklearn", "scipy", "joblib", "threadpoolctl", "pydantic"))
    model_code = sorted(name for name in sys.modules if name.startswith(("attrib.model", "attrib.training", "attrib.evaluation", "attrib.loading")))
    print(json.dumps({"heavy": loaded, "model_code": model_code}), file=sys.stderr)
"""
_BLOCKED = "raise ImportError('{name} is not installed here')\n"


def _texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) + (sorted((DEV / "articles").glob("*.txt")) if DEV.is_dir() else [])
    assert len(paths) > 5, "data/dev/articles is part of the clone"
    return [path.read_text(encoding="utf-8") for path in paths]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


@pytest.fixture(scope="module")
def seed_and_dev_inputs(texts: list[str]) -> list[SentenceInput]:
    return [item for text in texts for item in sentence_inputs(analyse(text))]


def _candidate_groups(tagger: Tagger, text: str) -> list[list[Candidate]]:
    """Every sentence's speaker candidates, as tagging builds them (each sentence treated as attributed)."""
    view = analyse(text)
    choices = tagger.speaker_choices(view, ["direct"] * len(view.sentences))
    return [found for choice in choices if choice is not None for found in [choice[0]] if found]


def assert_same_ranking(ranker: SpeakerRanker, groups: list[list[Candidate]]) -> float:
    """The compiled ranker's probability of each candidate is the pipeline's, within TOLERANCE; returns the largest difference."""
    compiled = ranker.compiled()
    largest = 0.0
    for found in groups:
        expected = ranker.pipeline_.predict_proba([candidate.features for candidate in found])[:, 1]
        got = np.array([compiled.probability(score) for score in compiled.scores(found)])
        largest = max(largest, float(np.max(np.abs(got - expected))))
        assert largest <= TOLERANCE
        assert np.array_equal(got > 0.5, expected > 0.5)
    return largest


def test_the_compiled_tagger_holds_no_scikit_learn_object(session_tagger: Tagger) -> None:
    compiled = session_tagger.compiled()
    assert set(vars(compiled)) == {"quote_scorer_", "stance_scorer_", "speaker_model_", "calibration_"}
    assert set(vars(compiled.speaker_model_)) == {"weights_", "bias_"}


def test_tagger_scorers_match_their_pipelines_on_seed_and_dev_articles(
    session_tagger: Tagger, seed_and_dev_inputs: list[SentenceInput]
) -> None:
    for pipeline, scorer in ((session_tagger.quote_model_, session_tagger.quote_scorer_), (session_tagger.stance_model_, session_tagger.stance_scorer_)):
        expected, got = pipeline.predict_proba(seed_and_dev_inputs), scorer.predict_proba(seed_and_dev_inputs)
        assert float(np.max(np.abs(got - expected))) <= TOLERANCE
        assert np.array_equal(np.argmax(got, axis=1), np.argmax(expected, axis=1))


def test_speaker_ranker_matches_its_pipeline_on_seed_and_dev_articles(session_tagger: Tagger, texts: list[str]) -> None:
    groups = [found for text in texts for found in _candidate_groups(session_tagger, text)]
    assert sum(len(found) for found in groups) > 500
    assert_same_ranking(session_tagger.speaker_model_, groups)


_KNOWN = sorted(
    {name for text in _texts()[:5] for view in [analyse(text)] for sentence in view.sentences for c in candidates(view, sentence, {}) for name in c.features}
)
_values = st.one_of(st.just(0.0), st.just(1.0), st.floats(min_value=-10, max_value=10, allow_nan=False), st.integers(-5, 5))
_features = st.dictionaries(st.one_of(st.sampled_from(_KNOWN), st.text(max_size=20)), _values, max_size=30)
_groups = st.lists(st.lists(st.builds(Candidate, st.just("someone"), st.none(), _features), min_size=1, max_size=6), min_size=1, max_size=4)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(groups=_groups)
def test_speaker_ranker_matches_its_pipeline_on_generated_candidates(session_tagger: Tagger, groups: list[list[Candidate]]) -> None:
    assert_same_ranking(session_tagger.speaker_model_, groups)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=st.lists(st.one_of(hostile_text, st.sampled_from(["Healey said", "“We deny it,” he said.", "She told reporters.", "\n"])), max_size=12).map(" ".join))
def test_all_three_models_match_their_pipelines_on_generated_text(session_tagger: Tagger, text: str) -> None:
    inputs = sentence_inputs(analyse(text))
    if inputs:
        for pipeline, scorer in ((session_tagger.quote_model_, session_tagger.quote_scorer_), (session_tagger.stance_model_, session_tagger.stance_scorer_)):
            assert float(np.max(np.abs(scorer.predict_proba(inputs) - pipeline.predict_proba(inputs)))) <= TOLERANCE
    assert_same_ranking(session_tagger.speaker_model_, _candidate_groups(session_tagger, text))


# ------------------------------------------------------------- fresh processes ---


def _attrib(*args: str, env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str], dict[str, list[str]]]:
    """`attrib ARGS` in a fresh interpreter; returns the process and the modules it imported."""
    process = subprocess.run(
        [sys.executable, "-c", _RUN_AND_LIST, *args], capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})}
    )
    *messages, listing = process.stderr.strip().splitlines()
    return subprocess.CompletedProcess(process.args, process.returncode, process.stdout, "\n".join(messages)), json.loads(listing)


@pytest.fixture(scope="module")
def default_model_cached() -> None:
    load_tagger()  # trains and caches it when this session has not yet


def test_predict_imports_neither_scikit_learn_nor_scipy_nor_pydantic(default_model_cached: None) -> None:
    process, imported = _attrib("predict", str(SEED), "--format", "jsonl")
    assert process.returncode == 0, process.stderr
    assert process.stdout.count("\n") > 10
    assert imported["heavy"] == []


def test_predict_gives_the_same_records_when_scikit_learn_cannot_be_imported(default_model_cached: None, tmp_path: Path) -> None:
    for name in ("sklearn", "scipy"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text(_BLOCKED.format(name=name), encoding="utf-8")
    blocked = subprocess.run([sys.executable, "-c", "import sklearn"], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert "sklearn is not installed here" in blocked.stderr  # the blocker works
    normal, _ = _attrib("predict", str(SEED), "--format", "jsonl")
    without, _ = _attrib("predict", str(SEED), "--format", "jsonl", env={"PYTHONPATH": str(tmp_path)})
    assert without.returncode == 0, without.stderr
    assert without.stderr == ""
    assert without.stdout == normal.stdout and normal.stdout.count("\n") > 10


@pytest.mark.parametrize("args", [("--help",), ("predict", "--help")], ids=["attrib", "predict"])
def test_help_imports_no_model_code(args: tuple[str, ...]) -> None:
    process, imported = _attrib(*args)
    assert process.returncode == 0 and "Usage" in process.stdout
    assert imported == {"heavy": [], "model_code": []}
