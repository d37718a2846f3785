"""The compiled scorer gives scikit-learn's probabilities, without scikit-learn.

Pipelines are fitted the way the tagger fits them (attrib.model.features.text_classifier
on the seeds' sentence inputs), compiled, and compared with their own
predict_proba on the seeds, on data/dev/ when it exists, and on generated
text; plus pipelines with other vectoriser settings, the hash, pickling,
refusals, and a process in which scikit-learn and scipy cannot be imported.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils import murmurhash3_32 as sklearn_murmurhash3_32

from attrib.model import compiled as compiled_module
from attrib.model import features
from attrib.model.compiled import DEFAULT_TOKEN_PATTERN, CompiledClassifier, CompileError, TextPart, compile_pipeline
from attrib.corpus import load_corpus
from attrib.model.features import SentenceInput, sentence_inputs, text_classifier
from attrib.model.murmur import murmurhash3_32
from attrib.analysis.structure import analyse
from tests.strategies import hostile_text

REPO = Path(__file__).resolve().parent.parent
DEV = REPO / "data" / "dev"
TOLERANCE = 1e-9
# Words of the seed articles, so generated text also hits the fitted vocabularies.
SEED_WORDS = sorted({word for path in sorted((REPO / "seeds").glob("*.txt")) for word in path.read_text(encoding="utf-8").split()})


def _labelled() -> tuple[list[SentenceInput], list[str], list[str]]:
    """Every seed sentence input, with its gold quote type and stance (as the tagger aligns them)."""
    corpus = load_corpus(REPO / "data" / "labels.jsonl", REPO / "seeds")
    gold = corpus.by_article()
    inputs, quotes, stances = [], [], []
    for article in corpus.articles:
        view = analyse(corpus.texts[article])
        by_span = {(record.start, record.end): record for record in gold[article]}
        for sentence, item in zip(view.sentences, sentence_inputs(view)):
            record = by_span.get((sentence.span.start, sentence.span.end))
            if record is not None:
                inputs.append(item)
                quotes.append(record.quote)
                stances.append(record.stance)
    return inputs, quotes, stances


@pytest.fixture(scope="module")
def labelled() -> tuple[list[SentenceInput], list[str], list[str]]:
    return _labelled()


@pytest.fixture(scope="module")
def seed_and_dev_inputs() -> list[SentenceInput]:
    """Sentence inputs of the seed articles, and of data/dev/*.txt when that directory exists."""
    paths = sorted((REPO / "seeds").glob("*.txt")) + (sorted(DEV.rglob("*.txt")) if DEV.is_dir() else [])
    return [item for path in paths for item in sentence_inputs(analyse(path.read_text(encoding="utf-8")))]


def _fit(kind: str, labelled: tuple[list[SentenceInput], list[str], list[str]]) -> Pipeline:
    """The quote-type and stance classifiers as the tagger builds them, multi-class and two-class."""
    inputs, quotes, stances = labelled
    attributed = [i for i, quote in enumerate(quotes) if quote != "none"]
    if kind == "quote":
        return text_classifier(C=2.0).fit(inputs, quotes)
    if kind == "quote-binary":
        return text_classifier(C=2.0).fit(inputs, ["none" if q == "none" else "reported" for q in quotes])
    chosen = [inputs[i] for i in attributed]
    if kind == "stance":
        return text_classifier(C=1.0, stance_evidence=True).fit(chosen, [stances[i] for i in attributed])
    return text_classifier(C=1.0, stance_evidence=True).fit(chosen, ["none" if stances[i] == "none" else "stance" for i in attributed])


KINDS = ["quote", "quote-binary", "stance", "stance-binary"]


@pytest.fixture(scope="module")
def fitted(labelled: tuple[list[SentenceInput], list[str], list[str]]) -> dict[str, tuple[Pipeline, CompiledClassifier]]:
    pipelines = {kind: _fit(kind, labelled) for kind in KINDS}
    return {kind: (pipeline, compile_pipeline(pipeline)) for kind, pipeline in pipelines.items()}


def assert_same(pipeline: Pipeline, compiled: CompiledClassifier, inputs: list[Any]) -> float:
    """Probabilities within TOLERANCE and the same most likely class for every input; returns the largest difference."""
    expected = pipeline.predict_proba(inputs)
    got = compiled.predict_proba(inputs)
    assert got.shape == expected.shape
    difference = float(np.max(np.abs(got - expected)))
    assert difference <= TOLERANCE
    assert list(compiled.classes_) == list(pipeline.classes_)
    assert np.array_equal(np.argmax(got, axis=1), np.argmax(expected, axis=1))
    assert np.array_equal(compiled.predict(inputs), pipeline.predict(inputs))
    return difference


def test_the_fitted_models_have_the_class_counts_under_test(fitted: dict[str, tuple[Pipeline, CompiledClassifier]]) -> None:
    assert len(fitted["quote"][0].classes_) == 3
    assert len(fitted["stance"][0].classes_) > 2
    assert len(fitted["quote-binary"][0].classes_) == len(fitted["stance-binary"][0].classes_) == 2


@pytest.mark.parametrize("kind", KINDS)
def test_same_probabilities_on_seed_and_dev_articles(
    kind: str, fitted: dict[str, tuple[Pipeline, CompiledClassifier]], seed_and_dev_inputs: list[SentenceInput]
) -> None:
    pipeline, compiled = fitted[kind]
    assert_same(pipeline, compiled, seed_and_dev_inputs)


def test_blocks_do_not_change_the_result(fitted: dict[str, tuple[Pipeline, CompiledClassifier]], seed_and_dev_inputs: list[SentenceInput]) -> None:
    """More sentences than one scoring block: rows stay in order across blocks."""
    pipeline, compiled = fitted["stance"]
    many = seed_and_dev_inputs * 9
    assert_same(pipeline, compiled, many)


def test_full_caches_start_over_without_changing_the_result(
    fitted: dict[str, tuple[Pipeline, CompiledClassifier]], seed_and_dev_inputs: list[SentenceInput], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compiled_module, "_WORD_CACHE_SIZE", 3)
    monkeypatch.setattr(compiled_module, "_NAME_CACHE_SIZE", 2)
    monkeypatch.setattr(compiled_module, "_BLOCK", 7)
    for pipeline, compiled in fitted.values():
        fresh = joblib.load(_pickled(compiled))
        assert_same(pipeline, fresh, seed_and_dev_inputs)
        assert_same(pipeline, fresh, seed_and_dev_inputs[::-1])


def _pickled(value: Any) -> io.BytesIO:
    buffer = io.BytesIO()
    joblib.dump(value, buffer)
    buffer.seek(0)
    return buffer


def test_the_tagger_word_vectorisers_take_the_token_id_path(fitted: dict[str, tuple[Pipeline, CompiledClassifier]]) -> None:
    """text_classifier keeps scikit-learn's default token pattern, which the cached word path is written for."""
    assert TfidfVectorizer().token_pattern == DEFAULT_TOKEN_PATTERN
    for _, compiled in fitted.values():
        words = [part for part in compiled.parts if isinstance(part, TextPart)]
        assert words and all(part.table is not None for part in words)


def test_the_word_cache_rests_on_a_fact_about_unicode() -> None:
    """No character str.split splits on is a word character.

    The default pattern's tokens are cached per str.split word; this fact
    makes that exact: no token holds whitespace, and a token's word
    boundaries fall where they would in the whole text.
    """
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    spaces = {char for char in every if char.isspace()}
    assert spaces and not set(re.findall(r"(?u)\w", every)) & spaces


def test_empty_batch(fitted: dict[str, tuple[Pipeline, CompiledClassifier]]) -> None:
    for _, compiled in fitted.values():
        assert compiled.predict_proba([]).shape == (0, len(compiled.classes_))


words = st.sampled_from(SEED_WORDS)
texts = st.one_of(
    hostile_text,
    st.text(),
    st.sampled_from(["", " ", "...", "?!", "\u201c\u201d", "\n\t \u00a0"]),
    st.text(st.characters(categories=["P", "S", "Z"])),
    st.text(alphabet=st.characters(categories=["L"]), min_size=200, max_size=3000),
    st.lists(st.one_of(words, hostile_text), max_size=40).map(" ".join),
    st.lists(words, min_size=1, max_size=40).map(lambda chosen: "  ".join(chosen).upper()),
)
KNOWN_FEATURES = sorted({name for item in _labelled()[0] for name in item.features})
feature_values = st.one_of(
    st.just(0.0), st.just(1.0), st.floats(min_value=-1e3, max_value=1e3, allow_nan=False), st.integers(-5, 5), st.booleans()
)
feature_dicts = st.dictionaries(st.one_of(st.sampled_from(KNOWN_FEATURES), st.text(max_size=20)), feature_values, max_size=40)
sentence_batches = st.lists(st.builds(SentenceInput, texts, feature_dicts), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=sentence_batches)
def test_same_probabilities_on_generated_text(fitted: dict[str, tuple[Pipeline, CompiledClassifier]], batch: list[SentenceInput]) -> None:
    for pipeline, compiled in fitted.values():
        assert_same(pipeline, compiled, batch)


@settings(max_examples=300, deadline=None)
@given(key=st.one_of(st.binary(max_size=40), st.text(max_size=20)), seed=st.integers(0, 2**32 - 1), positive=st.booleans())
def test_murmurhash_matches_scikit_learn(key: bytes | str, seed: int, positive: bool) -> None:
    assert murmurhash3_32(key, seed, positive) == sklearn_murmurhash3_32(key, seed, positive)


def test_murmurhash_known_values() -> None:
    """Reference values of MurmurHash3_x86_32 (seed 0), independent of scikit-learn."""
    assert murmurhash3_32(b"") == 0
    assert murmurhash3_32(b"hello", positive=True) == 0x248BFA47
    assert murmurhash3_32(b"Hello, world!", positive=True) == 0xC0363E43


def _texts_of(items: list[SentenceInput]) -> list[str]:
    return [item.text for item in items]


def _pairs_of(items: list[SentenceInput]) -> list[list[tuple[str, Any]]]:
    """Feature pairs with a string value for the first one, which FeatureHasher turns into "name=value"."""
    return [[(name, "yes" if i == 0 else value) for i, (name, value) in enumerate(item.features.items())] for item in items]


def _names_of(items: list[SentenceInput]) -> list[list[str]]:
    return [[name for name, value in item.features.items() if value] for item in items]


def _other_settings() -> Pipeline:
    """Vectoriser settings text_classifier does not use today, so compiling stays generic."""
    union = FeatureUnion(
        [
            (
                "counts",
                Pipeline([("get", FunctionTransformer(_texts_of)), ("count", CountVectorizer(binary=True, ngram_range=(2, 3), stop_words=["the", "of"]))]),
            ),
            # So many n-gram lengths that their token-id keys would overflow: the general word path.
            ("runs", Pipeline([("get", FunctionTransformer(_texts_of)), ("count", CountVectorizer(ngram_range=(7, 9)))])),
            (
                "scaled",
                Pipeline(
                    [
                        ("get", FunctionTransformer(_texts_of)),
                        ("tfidf", TfidfVectorizer(ngram_range=(1, 3), norm="l1", use_idf=False, strip_accents="unicode")),
                    ]
                ),
            ),
            (
                "words",
                Pipeline(
                    [
                        ("get", FunctionTransformer(_texts_of)),
                        (
                            "tfidf",
                            TfidfVectorizer(
                                lowercase=False, strip_accents="ascii", stop_words="english", token_pattern=r"(?u)\b(\w+)\b", ngram_range=(1, 3)
                            ),
                        ),
                    ]
                ),
            ),
            ("unsmoothed", Pipeline([("get", FunctionTransformer(_texts_of)), ("tfidf", TfidfVectorizer(ngram_range=(1, 2), smooth_idf=False))])),
            ("signed", Pipeline([("get", FunctionTransformer(features._dicts)), ("hash", FeatureHasher(n_features=64, alternate_sign=True))])),
            ("pairs", Pipeline([("get", FunctionTransformer(_pairs_of)), ("hash", FeatureHasher(n_features=2**10, input_type="pair"))])),
            ("names", Pipeline([("get", FunctionTransformer(_names_of)), ("hash", FeatureHasher(n_features=2**10, input_type="string"))])),
            ("dropped", "drop"),
        ],
        transformer_weights={"scaled": 0.5, "signed": 2.0},
    )
    return Pipeline([("union", union), ("model", LogisticRegression(C=3.0, max_iter=3000))])


@pytest.fixture(scope="module")
def other_settings(labelled: tuple[list[SentenceInput], list[str], list[str]]) -> tuple[Pipeline, CompiledClassifier]:
    inputs, quotes, _ = labelled
    pipeline = _other_settings().fit(inputs, quotes)
    return pipeline, compile_pipeline(pipeline)


def test_other_vectoriser_settings_on_seed_articles(other_settings: tuple[Pipeline, CompiledClassifier], seed_and_dev_inputs: list[SentenceInput]) -> None:
    assert_same(*other_settings, seed_and_dev_inputs)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=sentence_batches)
def test_other_vectoriser_settings_on_generated_text(other_settings: tuple[Pipeline, CompiledClassifier], batch: list[SentenceInput]) -> None:
    assert_same(*other_settings, batch)


def test_accents_are_stripped_as_scikit_learn_does(other_settings: tuple[Pipeline, CompiledClassifier]) -> None:
    batch = [SentenceInput("Café Zoë said the naïve rôle was “déjà vu”, ﬁnally.", {"has_cue": 1.0}), SentenceInput("ÉLYSÉE Ǆ ⅷ", {})]
    assert_same(*other_settings, batch)


def test_joblib_round_trip_gives_the_same_output(
    fitted: dict[str, tuple[Pipeline, CompiledClassifier]], seed_and_dev_inputs: list[SentenceInput], tmp_path: Path
) -> None:
    _, compiled = fitted["stance"]
    expected = compiled.predict_proba(seed_and_dev_inputs)
    path = tmp_path / "compiled.joblib"
    joblib.dump(compiled, path)
    size_after_use = path.stat().st_size
    loaded = joblib.load(path)
    assert np.array_equal(loaded.predict_proba(seed_and_dev_inputs), expected)
    assert list(loaded.classes_) == list(compiled.classes_)
    # The word and feature-name caches are rebuilt on use, never saved.
    joblib.dump(loaded, path)
    assert path.stat().st_size == size_after_use
    assert np.array_equal(joblib.load(path).predict_proba(seed_and_dev_inputs[:3]), expected[:3])


def _with(step: Any) -> Pipeline:
    return Pipeline([("union", FeatureUnion([("part", Pipeline([("get", FunctionTransformer(_texts_of)), ("vec", step)]))])), ("model", LogisticRegression())])


@pytest.mark.filterwarnings("ignore:The parameter 'token_pattern' will not be used")
@pytest.mark.parametrize(
    ("step", "named"),
    [
        (TfidfVectorizer(analyzer=str.split), "analyzer"),
        (TfidfVectorizer(analyzer="char", ngram_range=(1, 3)), "analyzer='char' "),
        (CountVectorizer(analyzer="char_wb", ngram_range=(2, 5)), "analyzer='char_wb' "),
        (TfidfVectorizer(tokenizer=str.split), "tokenizer"),
        (TfidfVectorizer(preprocessor=str.strip), "preprocessor"),
        (TfidfVectorizer(strip_accents=str.lower), "strip_accents"),
        (TfidfVectorizer(dtype=np.float32), "dtype"),
    ],
)
def test_unsupported_settings_are_refused_by_name(step: Any, named: str, labelled: tuple[list[SentenceInput], list[str], list[str]]) -> None:
    inputs, quotes, _ = labelled
    pipeline = _with(step).fit(inputs, quotes)
    with pytest.raises(CompileError, match=named):
        compile_pipeline(pipeline)


def test_other_models_and_shapes_are_refused(labelled: tuple[list[SentenceInput], list[str], list[str]]) -> None:
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.preprocessing import MaxAbsScaler

    inputs, quotes, _ = labelled
    texts = Pipeline([("get", FunctionTransformer(_texts_of)), ("tfidf", TfidfVectorizer())])
    with pytest.raises(CompileError, match="LogisticRegression"):
        compile_pipeline(Pipeline([("features", texts), ("model", MultinomialNB())]).fit(inputs, quotes))
    scaled = Pipeline([("get", FunctionTransformer(_texts_of)), ("tfidf", TfidfVectorizer()), ("scale", MaxAbsScaler())])
    with pytest.raises(CompileError, match="MaxAbsScaler"):
        compile_pipeline(Pipeline([("features", scaled), ("model", LogisticRegression())]).fit(inputs, quotes))
    with pytest.raises(CompileError, match="Pipeline"):
        compile_pipeline(LogisticRegression())


GETTERS = '''
"""Input pickers for a model scored in a process without scikit-learn."""


def texts(items):
    return [item["text"] for item in items]


def dicts(items):
    return [item["features"] for item in items]
'''

SCORER = """
import importlib.abc, json, sys, types

class Unimportable(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("sklearn", "scipy"):
            raise ImportError(f"{name} is not available here")
        return None

sys.meta_path.insert(0, Unimportable())
# The package __init__ imports the tagger, which trains with scikit-learn; what is
# checked here is the scorer and the compiled model, so the package is entered
# without running it.
package = types.ModuleType("attrib")
package.__path__ = [sys.argv[1]]
sys.modules["attrib"] = package

import joblib
import attrib.model.compiled

model = joblib.load(sys.argv[2])
with open(sys.argv[3], encoding="utf-8") as handle:
    inputs = json.load(handle)
probabilities = model.predict_proba(inputs)
heavy = sorted(name for name in sys.modules if name.split(".")[0] in ("sklearn", "scipy"))
print(json.dumps({"proba": probabilities.tolist(), "classes": [str(c) for c in model.classes_], "heavy": heavy}))
"""


def test_scoring_imports_neither_scikit_learn_nor_scipy(
    labelled: tuple[list[SentenceInput], list[str], list[str]], seed_and_dev_inputs: list[SentenceInput], tmp_path: Path
) -> None:
    """A compiled stance-style model (words and hashed features) scores in a process where both are unimportable."""
    (tmp_path / "scorer_getters.py").write_text(GETTERS, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        import scorer_getters
    finally:
        sys.path.remove(str(tmp_path))
    inputs, _, stances = labelled
    as_dicts = [{"text": item.text, "features": item.features} for item in inputs]
    pipeline = text_classifier(C=1.0)
    replacements = {features._texts: scorer_getters.texts, features._dicts: scorer_getters.dicts}
    for _, part in pipeline.named_steps["union"].transformer_list:
        getter = part.steps[0][1]
        getter.set_params(func=replacements[getter.func])
    pipeline.fit(as_dicts, stances)
    joblib.dump(compile_pipeline(pipeline), tmp_path / "model.joblib")
    probe = [{"text": item.text, "features": item.features} for item in seed_and_dev_inputs]
    (tmp_path / "inputs.json").write_text(json.dumps(probe), encoding="utf-8")
    process = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SCORER), str(REPO / "attrib"), str(tmp_path / "model.joblib"), str(tmp_path / "inputs.json")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert process.returncode == 0, process.stderr
    result = json.loads(process.stdout)
    assert result["heavy"] == []
    assert result["classes"] == [str(c) for c in pipeline.classes_]
    expected = pipeline.predict_proba(probe)
    assert float(np.max(np.abs(np.array(result["proba"]) - expected))) <= TOLERANCE
