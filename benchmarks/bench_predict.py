"""Speed and memory of `attrib predict` and `Tagger.tag_many`.

Run from anywhere (the working tree this file sits in is benchmarked):

    python benchmarks/bench_predict.py                 # everything, plain-text report
    python benchmarks/bench_predict.py --json          # the same figures as one JSON object
    python benchmarks/bench_predict.py --skip linearity --profile 10

What it measures (see benchmarks/README.md for how to read each figure):

1. throughput  - the default model (`load_tagger()`) tags the five seed
                 articles, copied until there are at least --min-sentences
                 sentences (each copy a separate article id), through
                 `tag_many` in batches of --batch articles as the CLI does;
                 best of --repeats wall times (time.perf_counter).
   varied      - the same, on the seeds and the development articles
                 (data/dev/articles, when the clone has them: 29 texts)
                 repeated --varied-copies times.  The seeds alone fit the
                 per-sentence and per-article caches after one copy; these
                 cycle through them, closer to a stream of new articles.
2. memory      - the process's peak resident set size (getrusage ru_maxrss)
                 after loading the model and after the throughput run, and
                 the tracemalloc peak of one `tag_many` call over all of
                 those articles at once.
3. cli         - wall time of `attrib predict <seed> --format jsonl` in a
                 fresh process: once with an empty ATTRIB_CACHE_DIR (the
                 default model is trained and cached), then best of
                 --cli-repeats with that cache in place.
4. linearity   - one article per --sizes entry (MB of UTF-8, 1 MB = 10**6
                 bytes) made by cycling through the seed paragraphs, tagged
                 with `Tagger.tag`; seconds, sentences, the time ratio of the
                 largest to the smallest size beside the size ratio, and the
                 tracemalloc peak of a separate run of each size.  Then
                 --line-mb MB of one line with no full stop
                 ("Mr Smith said officials denied it and ", repeated)
                 against as many MB of the seed prose: dense names and
                 reporting verbs in an unpunctuated transcript must cost
                 about what ordinary sentences do.

Everything is deterministic: the inputs are the seed (and development) articles, repeated.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import os
import platform
import pstats
import resource
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CLI_INPUT = SEEDS / "002_8434543e79469e45.txt"
DEV_ARTICLES = ROOT / "data" / "dev" / "articles"
MB = 1_000_000
# A transcript with no full stop: a name, reporting verbs and a role noun every few words.
LONG_LINE_UNIT = "Mr Smith said officials denied it and "
# Above this many seconds for one size, the report says the size is too slow to repeat often.
SLOW_SECONDS = 180.0

# Benchmark the working tree this file belongs to, whatever the current directory.
sys.path.insert(0, str(ROOT))

from attrib import Tagger, load_tagger  # noqa: E402

Articles = list[tuple[str, str]]


# ---------------------------------------------------------------------------
# Inputs


def seed_texts() -> list[tuple[str, str]]:
    """(id, text) of every seed article, sorted by file name."""
    return [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]


def copied_articles(seeds: list[tuple[str, str]], copies: int) -> Articles:
    """The seeds repeated `copies` times, each copy under its own article id."""
    return [(f"{name}#{copy}", text) for copy in range(copies) for name, text in seeds]


def varied_articles(seeds: list[tuple[str, str]], copies: int) -> Articles:
    """The seeds and the development articles (if present) repeated `copies` times, each copy under its own id."""
    dev = [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(DEV_ARTICLES.glob("*.txt"))]
    return copied_articles(seeds + dev, copies)


def big_article(seeds: list[tuple[str, str]], size: int) -> str:
    """One article of at least `size` UTF-8 bytes: the seeds' paragraphs in order, cycled."""
    paragraphs = [line for _, text in seeds for line in text.splitlines() if line.strip()]
    lines: list[str] = []
    total = 0
    while total < size:
        line = paragraphs[len(lines) % len(paragraphs)]
        lines.append(line)
        total += len(line.encode("utf-8")) + 1
    return "\n".join(lines) + "\n"


def long_line(size: int) -> str:
    """One line of at least `size` UTF-8 bytes with no full stop and no line break."""
    return LONG_LINE_UNIT * math.ceil(size / len(LONG_LINE_UNIT.encode("utf-8")))


# ---------------------------------------------------------------------------
# Measuring


def peak_rss_kib() -> int:
    """The process's peak resident set size so far, in KiB (ru_maxrss is bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def tag_in_batches(tagger: Tagger, articles: Articles, batch: int) -> int:
    """Tag like `attrib predict` does; returns the number of sentences tagged."""
    sentences = 0
    for start in range(0, len(articles), batch):
        for records in tagger.tag_many(articles[start : start + batch]):
            sentences += len(records)
    return sentences


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def traced_peak(run: Callable[[], Any]) -> tuple[int, float]:
    """tracemalloc peak in bytes of `run()`, and its (slowed-down) wall time."""
    tracemalloc.start()
    try:
        seconds, _ = timed(run)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, seconds


def profile(run: Callable[[], Any], top: int) -> dict[str, Any]:
    """cProfile of `run()`: the `top` functions by cumulative and by own (internal) time.

    Also the `top` functions of attrib itself by cumulative time, since the
    overall cumulative list starts with scikit-learn's wrapper layers.
    Gives rows for JSON and the tables as text.
    """
    profiler = cProfile.Profile()
    profiler.runcall(run)
    stats = pstats.Stats(profiler)
    rows = [
        {"function": f"{_short(filename)}:{line}({name})", "calls": calls, "tottime": tottime, "cumtime": cumtime}
        for (filename, line, name), (_, calls, tottime, cumtime, _) in stats.stats.items()  # type: ignore[attr-defined]
    ]
    own = sorted((row for row in rows if row["function"].startswith("attrib" + os.sep)), key=lambda row: row["cumtime"], reverse=True)[:top]
    text = io.StringIO()
    for order in ("cumulative", "tottime"):
        pstats.Stats(profiler, stream=text).sort_stats(order).print_stats(top)
    text.write(f"attrib's own functions, top {top} by cumulative time:\n")
    text.write(f"{'calls':>9} {'tottime':>9} {'cumtime':>9}  function\n")
    for row in own:
        text.write(f"{row['calls']:>9} {row['tottime']:>9.3f} {row['cumtime']:>9.3f}  {row['function']}\n")
    return {
        "total_seconds": stats.total_tt,  # type: ignore[attr-defined]
        "by_cumulative": sorted(rows, key=lambda row: row["cumtime"], reverse=True)[:top],
        "by_tottime": sorted(rows, key=lambda row: row["tottime"], reverse=True)[:top],
        "attrib_by_cumulative": own,
        "text": text.getvalue(),
    }


def _short(filename: str) -> str:
    """A profiled file's path relative to the repository or site-packages."""
    for marker in (str(ROOT) + os.sep, "site-packages" + os.sep):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


# ---------------------------------------------------------------------------
# The four benchmarks


def bench_throughput(tagger: Tagger, articles: Articles, batch: int, repeats: int) -> dict[str, Any]:
    """Wall times, and the CPU times beside them: a run whose wall time is well above its CPU time waited for a core."""
    times = []
    cpu_times = []
    sentences = 0
    for _ in range(repeats):
        cpu_start = time.process_time()
        seconds, sentences = timed(lambda: tag_in_batches(tagger, articles, batch))
        cpu_times.append(time.process_time() - cpu_start)
        times.append(seconds)
    best = min(times)
    return {
        "articles": len(articles),
        "sentences": sentences,
        "batch": batch,
        "repeats": repeats,
        "seconds_all": times,
        "seconds_best": best,
        "sentences_per_second": sentences / best,
        "cpu_seconds_best": min(cpu_times),
        "sentences_per_cpu_second": sentences / min(cpu_times),
    }


def bench_tracemalloc(tagger: Tagger, articles: Articles) -> dict[str, Any]:
    peak, seconds = traced_peak(lambda: tagger.tag_many(articles))
    return {"articles": len(articles), "tracemalloc_peak_bytes": peak, "seconds_under_tracemalloc": seconds}


def attrib_command() -> tuple[list[str], str]:
    """The installed `attrib` console script (this interpreter's first), else the CLI via -c."""
    script = shutil.which("attrib", path=sysconfig.get_path("scripts")) or shutil.which("attrib")
    if script:
        return [script], script
    return [sys.executable, "-c", "from attrib.cli import main; main()"], f"{sys.executable} -c <attrib.cli.main>"


def bench_cli(repeats: int) -> dict[str, Any]:
    command, described = attrib_command()
    command = [*command, "predict", str(CLI_INPUT), "--format", "jsonl"]

    with tempfile.TemporaryDirectory(prefix="attrib-bench-cache-") as cache:
        env = {**os.environ, "ATTRIB_CACHE_DIR": cache}

        def call() -> None:
            subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)

        try:
            cold, _ = timed(call)  # trains the default model and caches it in `cache`
            warm = [timed(call)[0] for _ in range(repeats)]
        except subprocess.CalledProcessError as error:
            raise SystemExit(f"bench_predict: {' '.join(command)} failed ({error.returncode}):\n{error.stderr.decode(errors='replace')}")
    return {
        "command": f"{described} predict {CLI_INPUT.relative_to(ROOT)} --format jsonl",
        "cold_cache_seconds": cold,
        "warm_seconds_all": warm,
        "warm_seconds_best": min(warm),
    }


def bench_long_line(tagger: Tagger, seeds: list[tuple[str, str]], size_mb: float) -> dict[str, Any]:
    """`size_mb` MB as one unpunctuated line, beside as many MB of the seed prose."""
    rows = {}
    for name, text in (("prose", big_article(seeds, int(size_mb * MB))), ("long_line", long_line(int(size_mb * MB)))):
        print(f"  linearity: tagging {size_mb:g} MB of {name.replace('_', ' ')} ...", file=sys.stderr, flush=True)
        seconds, records = timed(lambda: tagger.tag(text, name))
        rows[name] = {"bytes": len(text.encode("utf-8")), "sentences": len(records), "seconds": seconds}
    return {"size_mb": size_mb, **rows, "time_ratio": rows["long_line"]["seconds"] / rows["prose"]["seconds"]}


def bench_linearity(tagger: Tagger, seeds: list[tuple[str, str]], sizes_mb: list[float], trace: bool) -> dict[str, Any]:
    rows = []
    for size_mb in sizes_mb:
        text = big_article(seeds, int(size_mb * MB))
        print(f"  linearity: tagging {size_mb:g} MB ...", file=sys.stderr, flush=True)
        seconds, records = timed(lambda: tagger.tag(text, "big"))
        row: dict[str, Any] = {
            "size_mb": size_mb,
            "bytes": len(text.encode("utf-8")),
            "sentences": len(records),
            "seconds": seconds,
            "sentences_per_second": len(records) / seconds,
            "slow": seconds > SLOW_SECONDS,
        }
        del records
        if trace:
            print(f"  linearity: tracemalloc run of {size_mb:g} MB ...", file=sys.stderr, flush=True)
            row["tracemalloc_peak_bytes"], row["seconds_under_tracemalloc"] = traced_peak(lambda: tagger.tag(text, "big"))
        row["peak_rss_kib_so_far"] = peak_rss_kib()
        rows.append(row)
    result: dict[str, Any] = {"sizes": rows}
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]
        result["size_ratio"] = large["bytes"] / small["bytes"]
        result["time_ratio"] = large["seconds"] / small["seconds"]
    return result


# ---------------------------------------------------------------------------
# Report


def machine() -> dict[str, Any]:
    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "not installed"

    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "load_average_at_start": _load_average(),
        "attrib": version("attrib"),
        "scikit-learn": version("scikit-learn"),
        "numpy": version("numpy"),
        "scipy": version("scipy"),
    }


def _load_average() -> list[float] | None:
    """1, 5 and 15-minute load averages: other work on the machine skews every figure."""
    return [round(load, 2) for load in os.getloadavg()] if hasattr(os, "getloadavg") else None


def _mib(n_bytes: float) -> str:
    return f"{n_bytes / 2**20:.1f} MiB"


def _best_times(t: dict[str, Any]) -> list[str]:
    return [
        f"  best of {t['repeats']}: {t['seconds_best']:.3f} s = {t['sentences_per_second']:.0f} sentences/s"
        f"  (all: {', '.join(f'{s:.3f}' for s in t['seconds_all'])} s)",
        f"  best CPU time: {t['cpu_seconds_best']:.3f} s = {t['sentences_per_cpu_second']:.0f} sentences/s",
    ]


def report(results: dict[str, Any]) -> str:
    lines = []
    m = results["machine"]
    lines.append(
        f"machine: {m['platform']}, {m['cpus_usable']} usable CPUs, {m['implementation']} {m['python']}, "
        f"attrib {m['attrib']}, scikit-learn {m['scikit-learn']}, numpy {m['numpy']}, scipy {m['scipy']}"
    )
    lines.append(f"load average (1, 5, 15 min) at start {m['load_average_at_start']}, at end {m['load_average_at_end']}")
    lines.append(f"model load (load_tagger(), default model, cached): {results['load_seconds']:.3f} s")
    if "throughput" in results:
        t = results["throughput"]
        lines += [
            "",
            f"throughput: {t['articles']} articles ({t['sentences']} sentences), tag_many in batches of {t['batch']}",
            *_best_times(t),
        ]
    if "varied" in results:
        t = results["varied"]
        lines += [
            f"varied: {t['articles']} articles ({t['sentences']} sentences: seeds and development articles, repeated)",
            *_best_times(t),
        ]
    if "memory" in results:
        mem = results["memory"]
        lines += ["", "memory:"]
        rss = [("after loading the model and tagging the seeds once", "peak_rss_kib_after_load"), ("after the throughput runs", "peak_rss_kib_after_throughput")]
        for when, key in rss:
            if key in mem:
                lines.append(f"  peak RSS of the process {when}: {mem[key]} KiB ({_mib(mem[key] * 1024)})")
        lines.append(
            f"  tracemalloc peak, one tag_many call over all {mem['articles']} articles: "
            f"{mem['tracemalloc_peak_bytes']} bytes ({_mib(mem['tracemalloc_peak_bytes'])})"
        )
    if "cli" in results:
        c = results["cli"]
        lines += [
            "",
            f"fresh process: {c['command']}",
            f"  first call, empty ATTRIB_CACHE_DIR (trains and caches the default model): {c['cold_cache_seconds']:.3f} s",
            f"  warm cache, best of {len(c['warm_seconds_all'])}: {c['warm_seconds_best']:.3f} s"
            f"  (all: {', '.join(f'{s:.3f}' for s in c['warm_seconds_all'])} s)",
        ]
    if "linearity" in results:
        lin = results["linearity"]
        lines += ["", "linearity: one article per size, Tagger.tag, one run each"]
        for row in lin["sizes"]:
            traced = f", tracemalloc peak {_mib(row['tracemalloc_peak_bytes'])}" if "tracemalloc_peak_bytes" in row else ""
            lines.append(
                f"  {row['size_mb']:g} MB ({row['bytes']} bytes): {row['sentences']} sentences in {row['seconds']:.3f} s"
                f" = {row['sentences_per_second']:.0f} sentences/s{traced}, process peak RSS so far {row['peak_rss_kib_so_far']} KiB"
            )
            if row["slow"]:
                lines.append(f"    slower than {SLOW_SECONDS:.0f} s")
        if "time_ratio" in lin:
            lines.append(f"  time ratio largest/smallest: {lin['time_ratio']:.2f} for a size ratio of {lin['size_ratio']:.2f} (equal when time is linear)")
        if "long_line" in lin:
            long = lin["long_line"]
            lines.append(f"  {long['size_mb']:g} MB in one line without a full stop ({LONG_LINE_UNIT.strip()!r} repeated) against as much seed prose:")
            for name in ("prose", "long_line"):
                row = long[name]
                lines.append(f"    {name.replace('_', ' '):<9} {row['bytes']} bytes, {row['sentences']} sentences in {row['seconds']:.3f} s")
            lines.append(f"    time ratio long line/prose: {long['time_ratio']:.2f}")
    if "profile" in results:
        top = len(results["profile"]["by_cumulative"])
        lines += ["", f"cProfile of one throughput run (slower than unprofiled), top {top} by cumulative, by own time, and attrib's own:"]
        lines += [line for line in results["profile"]["text"].splitlines() if line.strip()]
    return "\n".join(lines)


# ---------------------------------------------------------------------------


PARTS = ("throughput", "varied", "memory", "cli", "linearity")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-sentences", type=int, default=10_000, help="copy the seeds until at least this many sentences (default 10000)")
    parser.add_argument("--batch", type=int, default=256, help="articles per tag_many call, as the CLI (default 256)")
    parser.add_argument("--varied-copies", type=int, default=10, help="copies of the seed and development articles for varied (default 10)")
    parser.add_argument("--repeats", type=int, default=3, help="throughput runs; the best is reported (default 3)")
    parser.add_argument("--cli-repeats", type=int, default=3, help="warm fresh-process runs; the best is reported (default 3)")
    parser.add_argument("--sizes", default="1,10", help="comma-separated article sizes in MB for linearity (default 1,10)")
    parser.add_argument("--line-mb", type=float, default=1.0, help="MB of one unpunctuated line against as much prose, in linearity; 0 skips it (default 1)")
    parser.add_argument("--no-linearity-tracemalloc", action="store_true", help="skip the (slow) tracemalloc run of each size")
    parser.add_argument("--skip", action="append", default=[], choices=PARTS, help="leave out a part; may be repeated")
    parser.add_argument("--profile", type=int, nargs="?", const=10, default=0, metavar="N",
                        help="also cProfile one throughput run and show the top N functions by cumulative and by own time (default N 10)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the text report")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    sizes = [float(size) for size in args.sizes.split(",") if size.strip()]
    results: dict[str, Any] = {"machine": machine()}

    results["load_seconds"], tagger = timed(load_tagger)
    seeds = seed_texts()
    per_copy = sum(len(records) for records in tagger.tag_many(seeds))  # also warms up
    copies = math.ceil(args.min_sentences / per_copy)
    articles = copied_articles(seeds, copies)

    memory: dict[str, Any] = {"peak_rss_kib_after_load": peak_rss_kib()}
    if "throughput" not in args.skip:
        print(f"  throughput: {copies} copies of {len(seeds)} seeds ...", file=sys.stderr, flush=True)
        results["throughput"] = bench_throughput(tagger, articles, args.batch, args.repeats)
        memory["peak_rss_kib_after_throughput"] = peak_rss_kib()
    if "varied" not in args.skip:
        print(f"  varied: {args.varied_copies} copies of the seed and development articles ...", file=sys.stderr, flush=True)
        results["varied"] = bench_throughput(tagger, varied_articles(seeds, args.varied_copies), args.batch, args.repeats)
    if "memory" not in args.skip:
        print("  memory: tracemalloc of one tag_many call ...", file=sys.stderr, flush=True)
        results["memory"] = {**memory, **bench_tracemalloc(tagger, articles)}
    if args.profile:
        print("  profile: cProfile of one throughput run ...", file=sys.stderr, flush=True)
        results["profile"] = profile(lambda: tag_in_batches(tagger, articles, args.batch), args.profile)
    if "cli" not in args.skip:
        print("  cli: fresh processes ...", file=sys.stderr, flush=True)
        results["cli"] = bench_cli(args.cli_repeats)
    if "linearity" not in args.skip:
        results["linearity"] = bench_linearity(tagger, seeds, sizes, trace=not args.no_linearity_tracemalloc)
        if args.line_mb > 0:
            results["linearity"]["long_line"] = bench_long_line(tagger, seeds, args.line_mb)

    results["machine"]["load_average_at_end"] = _load_average()
    if args.json:
        results.get("profile", {}).pop("text", None)
        print(json.dumps(results, indent=2))
    else:
        print(report(results))


if __name__ == "__main__":
    main()
