"""The benchmark of issue 7, in one command: startup, throughput, scaling and memory.

Every figure is measured in this run, side by side with its reference, as the median of
several runs (these machines are noisy: read the ratios). Generated corpora and a JSON copy
of the results go to benchmarks/out/ (git-ignored).

Usage: python benchmarks/run.py [--runs 3] [--size-mb 15] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import io
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_corpus  # noqa: E402  (the generator lives next to this file)

sys.path.insert(0, str(HERE.parent / "tests"))
from pathological import (  # noqa: E402  (the suite's shapes: the same text it checks)
    PATHOLOGICAL,
    PERIOD,
    normal_text,
    prose,
)

OUT = HERE / "out"
IMPORTS = "import typer, rich.table, pydantic.main, dateutil.relativedelta"
LINE_LOOP = "import sys\nfor line in open(sys.argv[1], encoding='utf-8'): pass"


@dataclass
class Sample:
    """One process run: wall seconds and peak resident memory in MB."""

    seconds: float
    peak_mb: float


@dataclass
class Figure:
    """One line of the result table."""

    measure: str
    subject: str
    value: float
    reference_name: str
    reference: float | None
    ratio: float | None
    limit: float  # the target: a ratio, or megabytes for memory
    unit: str = "s"

    @property
    def checked(self) -> float:
        """What the target limits: the ratio, or the value itself for memory."""
        return self.ratio if self.ratio is not None else self.value

    @property
    def met(self) -> bool:
        """Whether the target is met."""
        return self.checked <= self.limit

    @property
    def target(self) -> str:
        """'≤1.5x' or '≤150 MB'."""
        return f"≤{self.limit:g}x" if self.ratio is not None else f"≤{self.limit:g} MB"


def hankkeet_command() -> list[str]:
    """The installed `hankkeet` script next to this Python, or `python -m hankkeet`."""
    script = Path(sys.executable).with_name("hankkeet")
    return [str(script)] if script.exists() else [sys.executable, "-m", "hankkeet"]


def run_once(argv: list[str], ok: tuple[int, ...] = (0, 1)) -> Sample:
    """Run a process to its end: wall time and its own peak RSS (from wait4, not a total)."""
    env = {k: v for k, v in os.environ.items() if k != "HANKKEET_SOURCE"}
    env.update({"NO_COLOR": "1", "COLUMNS": "100"})
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert child.stderr is not None
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in ok:
        raise SystemExit(
            f"{' '.join(argv)} exited {child.returncode}: "
            f"{stderr.decode('utf-8', 'replace')[-500:]}"
        )
    return Sample(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def medians(pairs: list[tuple[str, list[str]]], runs: int) -> dict[str, list[Sample]]:
    """Run each command `runs` times, interleaved so drift hits all of them alike."""
    samples: dict[str, list[Sample]] = {name: [] for name, _ in pairs}
    for _ in range(runs):
        for name, argv in pairs:
            samples[name].append(run_once(argv))
    return samples


def median_seconds(samples: list[Sample]) -> float:
    """The median wall time."""
    return statistics.median(s.seconds for s in samples)


def command_exists(name: str) -> bool:
    """Whether `hankkeet NAME --help` works (commands land while others write them)."""
    done = subprocess.run([*hankkeet_command(), name, "--help"], capture_output=True, check=False)
    return done.returncode == 0


def corpus(size_mb: float, reuse: bool) -> Path:
    """A generated corpus of about size_mb megabytes in benchmarks/out/."""
    path = OUT / f"corpus-{size_mb:g}mb.txt"
    if not (reuse and path.exists()):
        written, made = write_corpus(path, size_bytes=int(size_mb * 1_000_000))
        print(
            f"  generated {path.relative_to(HERE.parent)}: {made} projects, {written / 1e6:.1f} MB",
            file=sys.stderr,
        )
    return path


def machine() -> str:
    """CPU model, cores and Python, for the record."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def verdict(figure: Figure) -> str:
    """'yes', or 'no (+47%)' saying by how much the target is missed."""
    if figure.met:
        return "yes"
    return f"no (+{figure.checked / figure.limit - 1:.0%})"


def table(figures: list[Figure]) -> str:
    """The figures side by side, as plain text."""
    head = ("measure", "hankkeet", "value", "reference", "value", "ratio", "target", "met")
    rows = [head]
    for f in figures:
        rows.append(
            (
                f.measure,
                f.subject,
                f"{f.value:.3f} s" if f.unit == "s" else f"{f.value:.0f} MB",
                f.reference_name,
                f"{f.reference:.3f} s" if f.reference is not None else "",
                f"{f.ratio:.2f}x" if f.ratio is not None else "",
                f.target,
                verdict(f),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def profile(path: Path, top: int) -> str:
    """cProfile of validate over a corpus, in this process: the hot spots, by own time."""
    from hankkeet.reading.sources import resolve
    from hankkeet.validate import validate_sources

    profiler = cProfile.Profile()
    profiler.enable()
    validate_sources(resolve([str(path)]))
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    out.write("\nhankkeet's own functions, by cumulative time:\n")
    stats.sort_stats("cumulative").print_stats(r"src/hankkeet", top)
    return out.getvalue()


# -- linear time: pathological shapes, long numbers and long names against normal work --------

SHAPE_SIZE = 500_000  # half a MB: a quadratic step shows as minutes here; linear ones take a second
LINEAR_LIMIT = 3.0  # a shape may cost this many times normal text of the same size
_PARSE_CHILD = """
import statistics, sys, time
from hankkeet.reading.parser import parse_text
text = open(sys.argv[1], encoding="utf-8").read()
times = []
for _ in range(int(sys.argv[2])):
    # CPU time of this process: other work on the machine does not run its clock.
    start = time.process_time()
    parse_text(text)
    times.append(time.process_time() - start)
print(statistics.median(times))
"""


def parse_seconds(path: Path, runs: int, timeout: float) -> float | None:
    """Median CPU seconds parse_text takes on the file, in a child; None when stopped."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _PARSE_CHILD, str(path), str(runs)],
            capture_output=True,
            timeout=timeout,
            check=False,
            text=True,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"parsing {path.name} failed: {done.stderr[-500:]}")
    return float(done.stdout)


def median_call(action: Callable[[], object], runs: int) -> float:
    """The median wall seconds of calling action, in this process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pathological_figures(runs: int) -> list[Figure]:
    """Each shape of tests/pathological.py against normal projects of the same size."""
    folder = OUT / "pathological"
    folder.mkdir(parents=True, exist_ok=True)
    normal = folder / "normal.txt"
    normal.write_text(normal_text(SHAPE_SIZE), encoding="utf-8")
    reference = parse_seconds(normal, runs, timeout=600)
    assert reference is not None
    # One child at a time, as the reference was timed: children side by side share caches.
    stop = 2 + 2.5 * LINEAR_LIMIT * reference * runs
    figures = []
    for shape in PATHOLOGICAL:
        path = folder / f"{shape.name}.txt"
        path.write_text(shape.make(SHAPE_SIZE), encoding="utf-8")
        took = parse_seconds(path, runs, timeout=stop)
        value = stop if took is None else took
        subject = shape.name + (f" (stopped after {stop:.0f} s)" if took is None else "")
        figures.append(
            Figure(
                "linear",
                subject,
                value,
                "parse of normal text",
                reference,
                value / reference,
                LINEAR_LIMIT,
            )
        )
    return figures


def long_value_figures(runs: int) -> list[Figure]:
    """A number of 4x the digits, and a 2 MB name in the list table, against normal work."""
    from decimal import Decimal

    from hankkeet.finnish import format_number
    from hankkeet.reading.parser import parse_text
    from hankkeet.render.table import render_project_table

    small, big = Decimal("9" * 50_000), Decimal("9" * 200_000)
    t_small = median_call(lambda: format_number(small), runs)
    t_big = median_call(lambda: format_number(big), runs)
    size = 2_000_000
    tenth = [p.project for p in parse_text(normal_text(size // 10)).projects]
    long_name = [
        p.project
        for p in parse_text("Otsikko " + prose(size) + "\n\n" + PERIOD + "Budjetti: 5 €\n").projects
    ]
    rows = 10 * median_call(lambda: render_project_table(tenth, 100, False), runs)
    name = median_call(lambda: render_project_table(long_name, 100, False), runs)
    return [
        Figure(
            "linear",
            "format_number, 200 000 digits",
            t_big,
            "50 000 digits",
            t_small,
            t_big / t_small,
            8,
        ),
        Figure(
            "linear",
            "list table, one 2 MB name",
            name,
            "rows of 2 MB of normal text",
            rows,
            name / rows,
            LINEAR_LIMIT,
        ),
    ]


def linear_figures(runs: int) -> list[Figure]:
    """Every linear-time figure, with progress on stderr."""
    print("  linear time: pathological shapes ...", file=sys.stderr)
    figures = pathological_figures(runs)
    print("  linear time: long values ...", file=sys.stderr)
    return figures + long_value_figures(runs)


def print_linear(figures: list[Figure], runs: int) -> None:
    """The linear-time table: what a pathological input costs against normal work."""
    worst = max(figures, key=lambda f: f.checked)
    print()
    print(
        f"linear time: medians of {runs} runs (CPU time, parsing in a child); "
        f"worst {worst.subject} at {worst.checked:.2f}x"
    )
    print()
    print(table(figures))


def as_result(figure: Figure) -> dict[str, object]:
    """A figure as saved in the results file."""
    return {**asdict(figure), "target": figure.target, "met": figure.met}


def save(results: dict[str, object], stem: str) -> None:
    """Write the results, dated, to benchmarks/out/STEM-DATE.json."""
    today = datetime.date.today().isoformat()
    saved = OUT / f"{stem}-{today}.json"
    body = {"date": today, "machine": machine(), **results}
    saved.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    print(f"\nsaved {saved.relative_to(HERE.parent)}")


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, save the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--startup-runs", type=int, default=11, help="runs for startup")
    parser.add_argument("--size-mb", type=float, default=15, help="throughput corpus size")
    parser.add_argument("--reuse", action="store_true", help="reuse corpora already in out/")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also profile validate on a 3 MB corpus and print hot spots",
    )
    parser.add_argument(
        "--linear-only",
        action="store_true",
        help="only the linear-time figures (pathological shapes, long values): about a minute",
    )
    args = parser.parse_args(argv)

    OUT.mkdir(exist_ok=True)
    if args.linear_only:
        linear = linear_figures(args.runs)
        print()
        print(f"hankkeet benchmark, {datetime.date.today().isoformat()}, {machine()}")
        print_linear(linear, args.runs)
        save({"runs": args.runs, "linear": [as_result(f) for f in linear]}, "linear")
        return 0
    hk = hankkeet_command()
    print(f"hankkeet benchmark: {datetime.date.today().isoformat()}; {machine()}", file=sys.stderr)
    small, big = corpus(args.size_mb, args.reuse), corpus(4 * args.size_mb, args.reuse)
    if command_exists("validate"):
        check, check_name = ["validate", "--format", "json"], "validate --format json"
    else:  # stand-in until validate lands; the lead re-runs this
        check, check_name = ["list", "--format", "jsonl"], "list --format jsonl (no validate)"

    print("  startup ...", file=sys.stderr)
    start = medians(
        [
            ("hankkeet", [*hk, "list", "--format", "json"]),
            ("imports", [sys.executable, "-c", IMPORTS]),
        ],
        args.startup_runs,
    )
    print("  throughput and scaling ...", file=sys.stderr)
    through = medians(
        [
            ("small", [*hk, *check, str(small)]),
            ("loop", [sys.executable, "-c", LINE_LOOP, str(small)]),
        ],
        args.runs,
    )
    scale = medians([("big", [*hk, *check, str(big)])], args.runs)
    print("  text report ...", file=sys.stderr)
    report = medians(
        [
            ("text", [*hk, "validate", str(small)]),
            ("json", [*hk, "validate", "--format", "json", str(small)]),
        ],
        args.runs,
    )
    print("  memory of each command on the big corpus ...", file=sys.stderr)
    memory = {
        name: run_once([*hk, *command, str(big)])
        for name, command in (
            ("list --format jsonl", ["list", "--format", "jsonl"]),
            ("validate", ["validate"]),
            ("totals", ["totals"]),
            ("search kemi", ["search", "kemi"]),
        )
    }

    t_start, t_imports = median_seconds(start["hankkeet"]), median_seconds(start["imports"])
    t_small, t_loop = median_seconds(through["small"]), median_seconds(through["loop"])
    t_big = median_seconds(scale["big"])
    peak = max(s.peak_mb for s in scale["big"])
    mb_small, mb_big = small.stat().st_size / 1e6, big.stat().st_size / 1e6
    figures = [
        Figure(
            "startup",
            "list --format json (embedded data)",
            t_start,
            "python -c 'import typer, rich.table, pydantic.main, dateutil.relativedelta'",
            t_imports,
            t_start / t_imports,
            1.5,
        ),
        Figure(
            "throughput",
            f"{check_name}, {mb_small:.0f} MB",
            t_small,
            "for line in open(f): pass",
            t_loop,
            t_small / t_loop,
            20,
        ),
        Figure(
            "throughput, one process",
            f"{check_name}, {mb_small:.0f} MB (no --jobs yet: always one process)",
            t_small,
            "for line in open(f): pass",
            t_loop,
            t_small / t_loop,
            35,
        ),
        Figure(
            "scaling",
            f"{check_name}, {mb_big:.0f} MB",
            t_big,
            f"the same on {mb_small:.0f} MB",
            t_small,
            t_big / t_small,
            4.4,
        ),
        Figure(
            "memory",
            f"peak RSS, {check_name}, {mb_big:.0f} MB",
            peak,
            "",
            None,
            None,
            150,
            unit="MB",
        ),
        Figure(
            "text report",
            f"validate (text), {mb_small:.0f} MB",
            median_seconds(report["text"]),
            "validate --format json, same file",
            median_seconds(report["json"]),
            median_seconds(report["text"]) / median_seconds(report["json"]),
            1.3,
        ),
    ]
    for name, sample in memory.items():
        figures.append(
            Figure(
                "memory",
                f"peak RSS, {name}, {mb_big:.0f} MB",
                sample.peak_mb,
                "",
                None,
                None,
                300 if name.startswith("search") else 150,
                unit="MB",
            )
        )
    print()
    print(f"hankkeet benchmark, {datetime.date.today().isoformat()}, {machine()}")
    print(
        f"medians of {args.runs} runs ({args.startup_runs} for startup); "
        f"throughput {mb_small / t_small:.2f} MB/s; line loop {mb_small / t_loop:.0f} MB/s"
    )
    print()
    print(table(figures))
    linear = linear_figures(args.runs)
    print_linear(linear, args.runs)
    results = {
        "runs": args.runs,
        "figures": [as_result(f) for f in figures],
        "linear": [as_result(f) for f in linear],
        "samples": {
            name: [asdict(s) for s in samples]
            for group in (start, through, scale, report)
            for name, samples in group.items()
        },
    }
    save(results, "results")
    if args.profile:
        print("\nprofile of validate on a 3 MB corpus (in process):\n")
        print(profile(corpus(3, args.reuse), 25))
    return 0


if __name__ == "__main__":
    sys.exit(main())
