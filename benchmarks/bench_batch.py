"""Whole-process `attrib predict` over many files: worker processes and memory.

Run from anywhere (the working tree this file sits in is benchmarked):

    python benchmarks/bench_batch.py                  # both parts, plain-text report
    python benchmarks/bench_batch.py --json
    python benchmarks/bench_batch.py --skip memory --repeats 1

What it measures (see benchmarks/README.md):

1. jobs    - wall time of `attrib predict DIR --format jsonl` as a fresh
             process, with --jobs 1 and with --jobs N (2 by default), on
             --files files of about --sentences sentences in all; best of
             --repeats each.  The two outputs must be byte-identical.
2. memory  - peak resident set size of the `attrib predict` process
             (getrusage RUSAGE_CHILDREN of a wrapper that runs only it) on
             --small-files counts of one-paragraph files (1,000 and 10,000).
3. dask    - wall time of `attrib predict DIR --format jsonl` (one process)
             against `attrib predict DIR --out OUT --scheduler local --jobs N`
             on --dask-files files of --dask-sentences sentences in all
             (1,000 and 100,000); the shards put end to end must equal the
             single process's output.  Needs `pip install 'attrib[dask]'`.

Inputs are the seed articles' paragraphs, cycled in order, so runs are
deterministic.  Standard output goes to a temporary file.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT))

from attrib.analysis.segmentation import split_sentences  # noqa: E402

# Runs one command and prints the largest peak RSS of its processes (KiB on Linux).
_PEAK_RSS = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)\n"
)


def seed_paragraphs() -> list[str]:
    """Every non-blank line of the seed articles, in file-name order."""
    return [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_corpus(folder: Path, files: int, sentences: int, paragraphs: list[str]) -> int:
    """`files` files of about sentences/files sentences each, cycling through the paragraphs; gives the sentence count."""
    per_file = max(1, round(sentences / files))
    counts = [len(split_sentences(paragraph)) for paragraph in paragraphs]
    folder.mkdir(parents=True, exist_ok=True)
    cursor = total = 0
    for number in range(files):
        lines: list[str] = []
        found = 0
        while found < per_file:
            lines.append(paragraphs[cursor % len(paragraphs)])
            found += counts[cursor % len(paragraphs)]
            cursor += 1
        (folder / f"article{number:06d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        total += found
    return total




def attrib_command() -> list[str]:
    return [sys.executable, "-c", "from attrib.cli import main; main()"]


def timed_predict(folder: Path, jobs: int, out: Path) -> float:
    start = time.perf_counter()
    with out.open("wb") as handle:
        subprocess.run([*attrib_command(), "predict", str(folder), "--format", "jsonl", "--jobs", str(jobs)], stdout=handle, check=True)
    return time.perf_counter() - start


def timed_dask(folder: Path, jobs: int, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([*attrib_command(), "predict", str(folder), "--out", str(out), "--scheduler", "local", "--jobs", str(jobs)],
                   stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def peak_rss_kib(folder: Path, jobs: int) -> int:
    command = [*attrib_command(), "predict", str(folder), "--format", "jsonl", "--jobs", str(jobs)]
    done = subprocess.run([sys.executable, "-c", _PEAK_RSS, *command], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1])


def load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def bench_jobs(work: Path, args: argparse.Namespace) -> dict[str, Any]:
    folder = work / "jobs"
    sentences = write_corpus(folder, args.files, args.sentences, seed_paragraphs())
    timed_predict(folder, 1, work / "warm.jsonl")  # the default model cached, the files in the page cache
    times: dict[int, list[float]] = {1: [], args.jobs: []}
    for _ in range(args.repeats):
        for jobs in times:
            print(f"  jobs: --jobs {jobs} ...", file=sys.stderr, flush=True)
            times[jobs].append(timed_predict(folder, jobs, work / f"out{jobs}.jsonl"))
    identical = filecmp.cmp(work / "out1.jsonl", work / f"out{args.jobs}.jsonl", shallow=False)
    best = {jobs: min(values) for jobs, values in times.items()}
    return {
        "files": args.files,
        "sentences": sentences,
        "jobs": args.jobs,
        "seconds": {str(jobs): values for jobs, values in times.items()},
        "best_seconds": {str(jobs): value for jobs, value in best.items()},
        "speed_up": best[1] / best[args.jobs],
        "outputs_identical": identical,
    }


def bench_memory(work: Path, args: argparse.Namespace) -> dict[str, Any]:
    rows = []
    paragraphs = seed_paragraphs()
    for files in args.small_files:
        folder = work / f"small{files}"
        sentences = write_corpus(folder, files, files, paragraphs)
        print(f"  memory: {files} files ...", file=sys.stderr, flush=True)
        rows.append({"files": files, "sentences": sentences, "peak_rss_kib": peak_rss_kib(folder, 1)})
    return {"runs": rows, "ratio_last_to_first": rows[-1]["peak_rss_kib"] / rows[0]["peak_rss_kib"]}


def bench_dask(work: Path, args: argparse.Namespace) -> dict[str, Any]:
    folder = work / "dask"
    sentences = write_corpus(folder, args.dask_files, args.dask_sentences, seed_paragraphs())
    print("  dask: one process ...", file=sys.stderr, flush=True)
    single = timed_predict(folder, 1, work / "single.jsonl")
    print(f"  dask: --scheduler local --jobs {args.jobs} ...", file=sys.stderr, flush=True)
    distributed = timed_dask(folder, args.jobs, work / "shards")
    shards = b"".join(path.read_bytes() for path in sorted((work / "shards").glob("part-*.jsonl")))
    return {
        "files": args.dask_files,
        "sentences": sentences,
        "workers": args.jobs,
        "single_seconds": single,
        "dask_seconds": distributed,
        "speed_up": single / distributed,
        "outputs_identical": shards == (work / "single.jsonl").read_bytes(),
    }


def report(results: dict[str, Any]) -> str:
    lines = [f"load average (1, 5, 15 min) at start {results['load_average_at_start']}, at end {results['load_average_at_end']}; {os.cpu_count()} CPUs"]
    if "jobs" in results:
        j = results["jobs"]
        lines.append(f"attrib predict DIR --format jsonl, {j['files']} files, {j['sentences']} sentences, whole process:")
        for jobs, values in j["seconds"].items():
            lines.append(f"  --jobs {jobs}: best {min(values):.2f} s (all: {', '.join(f'{v:.2f}' for v in values)})")
        lines.append(f"  speed-up --jobs {j['jobs']} over --jobs 1: {j['speed_up']:.2f}x; outputs byte-identical: {j['outputs_identical']}")
    if "memory" in results:
        m = results["memory"]
        lines.append("peak RSS of attrib predict DIR --format jsonl (--jobs 1), one-paragraph files:")
        for row in m["runs"]:
            lines.append(f"  {row['files']} files ({row['sentences']} sentences): {row['peak_rss_kib']} KiB ({row['peak_rss_kib'] / 1024:.1f} MiB)")
        lines.append(f"  ratio largest/smallest count: {m['ratio_last_to_first']:.3f}")
    if "dask" in results:
        d = results["dask"]
        lines.append(f"{d['files']} files, {d['sentences']} sentences, whole process:")
        lines.append(f"  attrib predict DIR --format jsonl: {d['single_seconds']:.2f} s")
        lines.append(f"  attrib predict DIR --out OUT --scheduler local --jobs {d['workers']}: {d['dask_seconds']:.2f} s")
        lines.append(f"  speed-up: {d['speed_up']:.2f}x; shards byte-identical to the single process: {d['outputs_identical']}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=500, help="files for the jobs part (default 500)")
    parser.add_argument("--sentences", type=int, default=50_000, help="sentences in all for the jobs part (default 50000)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes to compare with --jobs 1 (default 2)")
    parser.add_argument("--repeats", type=int, default=2, help="runs of each; the best is reported (default 2)")
    parser.add_argument("--small-files", type=lambda text: [int(n) for n in text.split(",")], default=[1000, 10000],
                        help="comma-separated file counts for the memory part (default 1000,10000)")
    parser.add_argument("--dask-files", type=int, default=1000, help="files for the dask part (default 1000)")
    parser.add_argument("--dask-sentences", type=int, default=100_000, help="sentences in all for the dask part (default 100000)")
    parser.add_argument("--skip", action="append", default=[], choices=("jobs", "memory", "dask"), help="leave out a part; may be repeated")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the text report")
    args = parser.parse_args()
    results: dict[str, Any] = {"load_average_at_start": load_average()}
    with tempfile.TemporaryDirectory(prefix="attrib-bench-batch-") as work:
        if "jobs" not in args.skip:
            results["jobs"] = bench_jobs(Path(work), args)
        if "memory" not in args.skip:
            results["memory"] = bench_memory(Path(work), args)
        if "dask" not in args.skip:
            results["dask"] = bench_dask(Path(work), args)
    results["load_average_at_end"] = load_average()
    print(json.dumps(results, indent=2) if args.json else report(results))


if __name__ == "__main__":
    main()
