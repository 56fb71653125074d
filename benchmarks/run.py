"""The benchmark of issues 7 and 13, in one command: startup, throughput, scaling, the text
report and memory.

Every figure is measured in this run, side by side with its reference, as the median of
several runs (these machines are noisy: read the ratios). Generated corpora and a JSON copy
of the results go to benchmarks/out/ (git-ignored).

Usage: python benchmarks/run.py [--runs 3] [--size-mb 15] [--findings 200000] [--profile]
       python benchmarks/run.py --only report --reuse     # one group: the text report
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

from generate import write_corpus, write_findings  # noqa: E402  (the generator lives next to this file)

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
    """One process run: wall seconds, peak resident memory in MB, and CPU seconds (user and
    system, its waited-for children included: steadier than wall time on a busy machine)."""

    seconds: float
    peak_mb: float
    cpu: float = 0.0


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


def run_once(argv: list[str], ok: tuple[int, ...] = (0, 1), columns: int = 100) -> Sample:
    """Run a process to its end (stdout to /dev/null, not a terminal): wall time and its own
    peak RSS (from wait4, not a total)."""
    env = {k: v for k, v in os.environ.items() if k != "HANKKEET_SOURCE"}
    env.update({"NO_COLOR": "1", "COLUMNS": str(columns)})
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
    # ru_maxrss is in KiB on Linux
    return Sample(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def medians(
    pairs: list[tuple[str, list[str]]], runs: int, columns: dict[str, int] | None = None
) -> dict[str, list[Sample]]:
    """Run each command `runs` times, interleaved so drift hits all of them alike (at 100
    columns, or those `columns` names)."""
    samples: dict[str, list[Sample]] = {name: [] for name, _ in pairs}
    for _ in range(runs):
        for name, argv in pairs:
            samples[name].append(run_once(argv, columns=(columns or {}).get(name, 100)))
    return samples


def median_seconds(samples: list[Sample]) -> float:
    """The median wall time."""
    return statistics.median(s.seconds for s in samples)


def command_exists(name: str) -> bool:
    """Whether `hankkeet NAME --help` works (commands land while others write them)."""
    done = subprocess.run([*hankkeet_command(), name, "--help"], capture_output=True, check=False)
    return done.returncode == 0


def has_option(command: str | None, option: str) -> bool:
    """Whether `hankkeet COMMAND --help` names the option (options land while others
    write them); with no command, whether the app's own options (before a command) do."""
    done = subprocess.run(
        [*hankkeet_command(), *([command] if command else []), "--help"],
        capture_output=True,
        check=False,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
    )
    return done.returncode == 0 and option in done.stdout


def findings_file(count: int, reuse: bool) -> Path:
    """A generated file of exactly `count` findings in benchmarks/out/."""
    path = (
        OUT / f"findings-{count // 1000}k.txt"
        if count % 1000 == 0
        else OUT / f"findings-{count}.txt"
    )
    if not (reuse and path.exists()):
        written, made = write_findings(path, count)
        print(
            f"  generated {path.relative_to(HERE.parent)}: {made} projects, {count} findings, "
            f"{written / 1e6:.1f} MB",
            file=sys.stderr,
        )
    return path


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


Samples = dict[str, list[Sample]]
GROUPS = ("startup", "throughput", "report", "memory", "linear")


def startup_figures(hk: list[str], runs: int) -> tuple[list[Figure], Samples]:
    """`list --format json` on the embedded data against the bare imports.

    Both sides start from compiled bytecode, as an installed package does (pip compiles it):
    the reference's libraries have theirs in site-packages, and hankkeet's are compiled
    here first, since PYTHONDONTWRITEBYTECODE (set on some machines) would otherwise make
    every run compile the package's sources again.
    """
    print("  startup ...", file=sys.stderr)
    package = Path(__file__).resolve().parents[1] / "src" / "hankkeet"
    if package.is_dir():
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    start = medians(
        [
            ("hankkeet", [*hk, "list", "--format", "json"]),
            ("imports", [sys.executable, "-c", IMPORTS]),
        ],
        runs,
    )
    t_start, t_imports = median_seconds(start["hankkeet"]), median_seconds(start["imports"])
    figure = Figure(
        "startup",
        "list --format json (embedded data)",
        t_start,
        "python -c 'import typer, rich.table, pydantic.main, dateutil.relativedelta'",
        t_imports,
        t_start / t_imports,
        1.5,
    )
    return [figure], start


def validate_check() -> tuple[list[str], str]:
    """The throughput command: validate --format json, or a stand-in before validate."""
    if command_exists("validate"):
        return ["validate", "--format", "json"], "validate --format json"
    return ["list", "--format", "jsonl"], "list --format jsonl (no validate)"


def throughput_figures(
    hk: list[str], small: Path, big: Path, runs: int, notes: list[str]
) -> tuple[list[Figure], Samples]:
    """Throughput (default settings, and one process when there is --jobs), scaling, and
    the peak memory of the big run."""
    check, check_name = validate_check()
    jobs = check[0] == "validate" and has_option(None, "--jobs")  # global: before the command
    print("  throughput and scaling ...", file=sys.stderr)
    pairs = [
        ("small", [*hk, *check, str(small)]),
        ("loop", [sys.executable, "-c", LINE_LOOP, str(small)]),
    ]
    if jobs:
        pairs.append(("small, --jobs 1", [*hk, "--jobs", "1", *check, str(small)]))
    through = medians(pairs, runs)
    scale = medians([("big", [*hk, *check, str(big)])], runs)
    t_small, t_loop = median_seconds(through["small"]), median_seconds(through["loop"])
    t_big = median_seconds(scale["big"])
    mb_small, mb_big = small.stat().st_size / 1e6, big.stat().st_size / 1e6
    loop_name = "for line in open(f): pass"
    figures = [
        Figure(
            "throughput",
            f"{check_name}, {mb_small:.0f} MB",
            t_small,
            loop_name,
            t_loop,
            t_small / t_loop,
            20,
        )
    ]
    if jobs:
        t_one = median_seconds(through["small, --jobs 1"])
        figures.append(
            Figure(
                "throughput, one process",
                f"{check_name} --jobs 1, {mb_small:.0f} MB",
                t_one,
                loop_name,
                t_loop,
                t_one / t_loop,
                35,
            )
        )
    else:
        notes.append(
            "throughput, one process: not measured (hankkeet has no --jobs option: "
            "the default settings are one process)"
        )
    figures += [
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
            max(s.peak_mb for s in scale["big"]),
            "",
            None,
            None,
            150,
            unit="MB",
        ),
    ]
    return figures, {**through, **scale}


def median_cpu(samples: list[Sample]) -> float:
    """The median CPU seconds."""
    return statistics.median(s.cpu for s in samples)


def report_figures(
    hk: list[str], small: Path, findings: Path, count: int, runs: int, notes: list[str]
) -> tuple[list[Figure], Samples]:
    """The text report against JSON: on normal data, and on a file of `count` findings (at
    100 and 80 columns), with the peak memory of both on the findings file."""
    print("  text report ...", file=sys.stderr)
    validate = [*hk, "validate"]
    report = medians(
        [
            ("text", [*validate, str(small)]),
            ("json", [*validate, "--format", "json", str(small)]),
        ],
        runs,
    )
    print(f"  text report, {count} findings ...", file=sys.stderr)
    many = medians(
        [
            ("findings text", [*validate, str(findings)]),
            ("findings text, 80 columns", [*validate, str(findings)]),
            ("findings json", [*validate, "--format", "json", str(findings)]),
        ],
        runs,
        columns={"findings text, 80 columns": 80},
    )
    mb_small = small.stat().st_size / 1e6
    t_json = median_seconds(many["findings json"])
    shown = f"{count:,}".replace(",", " ")
    figures = [
        Figure(
            "text report",
            f"validate (text), {mb_small:.0f} MB",
            median_seconds(report["text"]),
            "validate --format json, same file",
            median_seconds(report["json"]),
            median_seconds(report["text"]) / median_seconds(report["json"]),
            1.3,
        )
    ]
    for name, columns in (("findings text", 100), ("findings text, 80 columns", 80)):
        t_text = median_seconds(many[name])
        figures.append(
            Figure(
                "text report",
                f"validate (text), {shown} findings, {columns} columns",
                t_text,
                "validate --format json, same file",
                t_json,
                t_text / t_json,
                1.3,
            )
        )
    for name, subject in (
        ("findings text", "validate (text)"),
        ("findings json", "validate --format json"),
    ):
        figures.append(
            Figure(
                "memory",
                f"peak RSS, {subject}, {shown} findings",
                max(s.peak_mb for s in many[name]),
                "",
                None,
                None,
                150,
                unit="MB",
            )
        )
    cpu = [
        f"{median_cpu(texts) / median_cpu(jsons):.2f}x {where}"
        for texts, jsons, where in (
            (report["text"], report["json"], f"on {mb_small:.0f} MB"),
            (many["findings text"], many["findings json"], f"on {shown} findings"),
            (many["findings text, 80 columns"], many["findings json"], "at 80 columns"),
        )
    ]
    notes.append(f"text report in CPU time (steadier than wall time): {', '.join(cpu)}")
    return figures, {**report, **many}


def memory_figures(hk: list[str], big: Path) -> list[Figure]:
    """The peak memory of each command on the big corpus (one run each)."""
    print("  memory of each command on the big corpus ...", file=sys.stderr)
    mb_big = big.stat().st_size / 1e6
    figures = []
    for name, command in (
        ("list --format jsonl", ["list", "--format", "jsonl"]),
        ("validate", ["validate"]),
        ("totals", ["totals"]),
        ("search kemi", ["search", "kemi"]),
    ):
        sample = run_once([*hk, *command, str(big)])
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
    return figures


def chosen_groups(only: list[str] | None, linear_only: bool) -> list[str]:
    """The groups to measure, in the table's order: --only's (comma-separated or repeated)."""
    if linear_only:
        return ["linear"]
    if not only:
        return list(GROUPS)
    named = {part.strip() for value in only for part in value.split(",") if part.strip()}
    unknown = named - set(GROUPS)
    if unknown:
        raise SystemExit(
            f"--only: unknown {', '.join(sorted(unknown))} (one of {', '.join(GROUPS)})"
        )
    return [g for g in GROUPS if g in named]


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, save the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--startup-runs", type=int, default=11, help="runs for startup")
    parser.add_argument("--size-mb", type=float, default=15, help="throughput corpus size")
    parser.add_argument(
        "--findings", type=int, default=200_000, help="findings in the text report's worst case"
    )
    parser.add_argument("--reuse", action="store_true", help="reuse corpora already in out/")
    parser.add_argument(
        "--only",
        action="append",
        metavar="GROUP,...",
        help=f"measure only these groups: {', '.join(GROUPS)} (default: all)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also profile validate on a 3 MB corpus and print hot spots",
    )
    parser.add_argument(
        "--linear-only",
        action="store_true",
        help="only the linear-time figures (the same as --only linear): about a minute",
    )
    args = parser.parse_args(argv)
    groups = chosen_groups(args.only, args.linear_only)

    OUT.mkdir(exist_ok=True)
    if groups == ["linear"]:
        linear = linear_figures(args.runs)
        print()
        print(f"hankkeet benchmark, {datetime.date.today().isoformat()}, {machine()}")
        print_linear(linear, args.runs)
        save({"runs": args.runs, "linear": [as_result(f) for f in linear]}, "linear")
        return 0
    hk = hankkeet_command()
    print(f"hankkeet benchmark: {datetime.date.today().isoformat()}; {machine()}", file=sys.stderr)
    small = corpus(args.size_mb, args.reuse) if {"throughput", "report"} & set(groups) else None
    big = corpus(4 * args.size_mb, args.reuse) if {"throughput", "memory"} & set(groups) else None
    figures: list[Figure] = []
    samples: Samples = {}
    notes: list[str] = []
    if "startup" in groups:
        found, taken = startup_figures(hk, args.startup_runs)
        figures += found
        samples.update(taken)
    if "throughput" in groups:
        assert small is not None and big is not None
        found, taken = throughput_figures(hk, small, big, args.runs, notes)
        figures += found
        samples.update(taken)
    if "report" in groups:
        assert small is not None
        findings = findings_file(args.findings, args.reuse)
        found, taken = report_figures(hk, small, findings, args.findings, args.runs, notes)
        figures += found
        samples.update(taken)
    if "memory" in groups:
        assert big is not None
        figures += memory_figures(hk, big)

    print()
    print(f"hankkeet benchmark, {datetime.date.today().isoformat()}, {machine()}")
    rates = ""
    if "small" in samples and "loop" in samples and small is not None:
        mb_small = small.stat().st_size / 1e6
        rates = (
            f"; throughput {mb_small / median_seconds(samples['small']):.2f} MB/s; "
            f"line loop {mb_small / median_seconds(samples['loop']):.0f} MB/s"
        )
    print(f"medians of {args.runs} runs ({args.startup_runs} for startup){rates}")
    print()
    print(table(figures))
    for note in notes:
        print(f"note: {note}")
    results: dict[str, object] = {
        "runs": args.runs,
        "groups": groups,
        "figures": [as_result(f) for f in figures],
        "notes": notes,
    }
    if "linear" in groups:
        linear = linear_figures(args.runs)
        print_linear(linear, args.runs)
        results["linear"] = [as_result(f) for f in linear]
    results["samples"] = {name: [asdict(s) for s in taken] for name, taken in samples.items()}
    save(results, "results" if groups == list(GROUPS) else "results-" + "-".join(groups))
    if args.profile:
        print("\nprofile of validate on a 3 MB corpus (in process):\n")
        print(profile(corpus(3, args.reuse), 25))
    return 0


if __name__ == "__main__":
    sys.exit(main())
