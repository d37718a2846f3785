"""Speed of the compiled scorer (attrib.model.compiled) beside the scikit-learn pipelines it replaces.

Run from anywhere (the working tree this file sits in is benchmarked):

    python benchmarks/bench_scorer.py                  # plain-text report
    python benchmarks/bench_scorer.py --json           # the same figures as one JSON object
    python benchmarks/bench_scorer.py --min-sentences 4000 --repeats 5

The tagger's two classifiers (both words and hashed features; stance
adds the lexicons' evidence) are trained on the seeds
with `Tagger.fit`, compiled with `compile_pipeline`, and both forms score
the same sentence inputs.  Every sentence goes through both classifiers
(the tagger sends only attributed sentences to the stance one).

1. throughput  - predict_proba over the seed sentences, copied until there
                 are at least --min-sentences, in calls of --chunk sentences
                 (as Tagger does); best of --repeats wall times, the two
                 forms alternating.  The compiled scorer is timed warm (its
                 word and feature-name caches filled by an earlier call),
                 cold (a copy fresh from its pickle, first call on the whole
                 batch), and cold on one copy of the seeds only, where every
                 word is new to it.
2. agreement   - the largest absolute difference between the two forms'
                 probabilities over the batch, and whether every label agrees.
3. size        - joblib pickle bytes of each form and of the compiled
                 coefficient matrix.
4. fresh       - a new interpreter loads each pickled form and scores one
                 seed article; seconds from start to scores, and whether
                 scikit-learn or scipy got imported (the pickled input
                 pickers live in attrib.model.features, so they are imported
                 through it until that module imports scikit-learn lazily).

Everything is deterministic: the inputs are the seed articles, repeated.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Benchmark the working tree this file belongs to, whatever the current directory.
sys.path.insert(0, str(ROOT))

import joblib  # noqa: E402
import numpy as np  # noqa: E402

from attrib.model.compiled import CompiledClassifier, compile_pipeline  # noqa: E402
from attrib.corpus import load_corpus  # noqa: E402
from attrib.model.features import SentenceInput, sentence_inputs  # noqa: E402
from attrib.analysis.structure import analyse  # noqa: E402
from attrib.model.tagger import Tagger  # noqa: E402

SEEDS = ROOT / "seeds"
LABELS = ROOT / "data" / "labels.jsonl"

FRESH = """
import json, sys, time, types
start = time.perf_counter()
import joblib
model = joblib.load(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as handle:
    inputs = [types.SimpleNamespace(**item) for item in json.load(handle)]
model.predict_proba(inputs)
seconds = time.perf_counter() - start
heavy = {name: any(m.split(".")[0] == name for m in sys.modules) for name in ("sklearn", "scipy")}
print(json.dumps({"seconds": seconds, **heavy}))
"""


def seed_inputs() -> list[list[SentenceInput]]:
    """The sentence inputs of each seed article, articles sorted by file name."""
    return [sentence_inputs(analyse(path.read_text(encoding="utf-8"))) for path in sorted(SEEDS.glob("*.txt"))]


def best_time(run: Callable[[], Any], repeats: int, before: Callable[[], None] | None = None) -> float:
    """The fastest of `repeats` wall times of `run()`; `before()` runs untimed ahead of each."""
    times = []
    for _ in range(repeats):
        if before is not None:
            before()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def in_chunks(model: Any, inputs: list[SentenceInput], chunk: int) -> np.ndarray:
    return np.vstack([model.predict_proba(inputs[i : i + chunk]) for i in range(0, len(inputs), chunk)])


def bench_model(name: str, pipeline: Any, batch: list[SentenceInput], distinct: list[SentenceInput], args: argparse.Namespace) -> dict[str, Any]:
    compiled = compile_pipeline(pipeline)
    pickled = io.BytesIO()
    joblib.dump(compiled, pickled)
    frozen = pickled.getvalue()
    fresh: list[CompiledClassifier] = []

    def thaw() -> None:
        fresh[:] = [joblib.load(io.BytesIO(frozen))]

    expected = in_chunks(pipeline, batch, args.chunk)
    got = in_chunks(compiled, batch, args.chunk)
    sklearn_seconds, warm_seconds = [], []
    for _ in range(args.repeats):  # alternate, so a busy spell on the machine hits both
        sklearn_seconds.append(best_time(lambda: in_chunks(pipeline, batch, args.chunk), 1))
        warm_seconds.append(best_time(lambda: in_chunks(compiled, batch, args.chunk), 1))
    cold = best_time(lambda: in_chunks(fresh[0], batch, args.chunk), args.repeats, before=thaw)
    cold_distinct = best_time(lambda: fresh[0].predict_proba(distinct), args.repeats, before=thaw)
    sklearn_distinct = best_time(lambda: pipeline.predict_proba(distinct), args.repeats)
    pipeline_pickle = io.BytesIO()
    joblib.dump(pipeline, pipeline_pickle)
    return {
        "model": name,
        "classes": [str(label) for label in compiled.classes_],
        "columns": int(compiled.coef_t.shape[0]),
        "sentences": len(batch),
        "sklearn_per_second": len(batch) / min(sklearn_seconds),
        "compiled_warm_per_second": len(batch) / min(warm_seconds),
        "compiled_cold_per_second": len(batch) / cold,
        "distinct_sentences": len(distinct),
        "sklearn_distinct_per_second": len(distinct) / sklearn_distinct,
        "compiled_cold_distinct_per_second": len(distinct) / cold_distinct,
        "max_abs_difference": float(np.max(np.abs(got - expected))),
        "labels_agree": bool(np.array_equal(got.argmax(axis=1), expected.argmax(axis=1))),
        "pickle_bytes_sklearn": len(pipeline_pickle.getvalue()),
        "pickle_bytes_compiled": len(frozen),
        "coef_bytes": int(compiled.coef_t.nbytes),
        "fresh_process": bench_fresh(pipeline, compiled, distinct),
    }


def bench_fresh(pipeline: Any, compiled: CompiledClassifier, inputs: list[SentenceInput]) -> dict[str, Any]:
    """Each form loaded and used in a new interpreter, on the first seed article's sentences."""
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "inputs.json").write_text(json.dumps([{"text": i.text, "features": i.features} for i in inputs]), encoding="utf-8")
        for form, model in (("sklearn", pipeline), ("compiled", compiled)):
            joblib.dump(model, folder / f"{form}.joblib")
            process = subprocess.run(
                [sys.executable, "-c", FRESH, str(folder / f"{form}.joblib"), str(folder / "inputs.json")],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            results[form] = json.loads(process.stdout)
    return results


def report(results: dict[str, Any]) -> str:
    lines = [f"machine: {results['machine']['platform']}, {results['machine']['cpus']} CPUs, load average {results['machine']['load_average']}"]
    for row in results["models"]:
        fresh = row["fresh_process"]
        lines += [
            "",
            f"{row['model']} model: classes {', '.join(row['classes'])}; {row['columns']} columns",
            f"  sentences/s on {row['sentences']} sentences:  scikit-learn {row['sklearn_per_second']:,.0f}"
            f"   compiled warm {row['compiled_warm_per_second']:,.0f} ({row['compiled_warm_per_second'] / row['sklearn_per_second']:.1f}x)"
            f"   compiled cold {row['compiled_cold_per_second']:,.0f}",
            f"  sentences/s on {row['distinct_sentences']} distinct sentences (cold):  scikit-learn {row['sklearn_distinct_per_second']:,.0f}"
            f"   compiled {row['compiled_cold_distinct_per_second']:,.0f}",
            f"  largest probability difference {row['max_abs_difference']:.2e}; labels agree: {row['labels_agree']}",
            f"  pickle: scikit-learn {row['pickle_bytes_sklearn'] / 1e6:.2f} MB, compiled {row['pickle_bytes_compiled'] / 1e6:.2f} MB"
            f" (coefficients {row['coef_bytes'] / 1e6:.2f} MB)",
        ]
        for form in ("sklearn", "compiled"):
            seen = [name for name in ("sklearn", "scipy") if fresh[form][name]] or ["neither"]
            lines.append(f"  fresh process, load + score one article ({form}): {fresh[form]['seconds']:.2f} s; imported: {', '.join(seen)}")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-sentences", type=int, default=4000, help="copy the seeds until there are this many sentences (4000)")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of each measurement; the best counts (5)")
    parser.add_argument("--chunk", type=int, default=4096, help="sentences per predict_proba call, as Tagger scores them (4096)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    articles = seed_inputs()
    distinct = [item for article in articles for item in article]
    batch = distinct * math.ceil(args.min_sentences / len(distinct))
    print(f"  training on the seeds; {len(batch)} sentences per batch ...", file=sys.stderr, flush=True)
    tagger = Tagger().fit(load_corpus(LABELS, SEEDS))
    results: dict[str, Any] = {
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(), "load_average": _load()},
        "models": [],
    }
    for name, pipeline in (("quote", tagger.quote_model_), ("stance", tagger.stance_model_)):
        print(f"  {name} model ...", file=sys.stderr, flush=True)
        results["models"].append(bench_model(name, pipeline, batch, distinct, args))
    results["machine"]["load_average_at_end"] = _load()
    print(json.dumps(results, indent=2) if args.json else report(results))


def _load() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


if __name__ == "__main__":
    main()
