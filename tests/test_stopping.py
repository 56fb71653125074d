"""A run stopped from outside: its main process killed, Ctrl-C, or its reader gone.

Each test runs the real command as a process on a generated input long enough to be still
reading (and, with --jobs 2, to have its workers) when it is stopped. Workers are found as
the processes whose parent is the main process (/proc, so Linux only). A worker that has
ended but is not yet reaped by init (a zombie) counts as gone.

A worker waiting for work used to print a KeyboardInterrupt traceback on Ctrl-C. The
Ctrl-C tests meet that moment every time, not by chance: the parts are small (their results
never fill a pipe) and the main process is paused (SIGSTOP) until every worker waits.
"""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from conftest import ROOT, TEST_ENV, cli

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import write_corpus, write_findings  # the benchmark's generator

# Real processes on megabytes of input, stopped from outside: slow tests (`pytest -m slow`,
# which CI runs too), so that the default run stays under a minute on two cores.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path("/proc/self/stat").exists(), reason="finds the workers in /proc (Linux)"
    ),
]

# Seconds a test waits for what should happen at once, at most.
PATIENCE = 10.0
BAR = re.compile(rb"Reading\s.*\d/\d+(\.\d+)? [kMG]?B")
ESCAPE = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
XTERM = {"TERM": "xterm"}


@pytest.fixture(scope="module")
def long_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 2 MB of projects: some eight parts for the workers, a second or more to read."""
    path = tmp_path_factory.mktemp("stopping") / "long.txt"
    write_corpus(path, size_bytes=2_000_000)
    return path


@pytest.fixture(scope="module")
def findings_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Projects full of defects: a validate report of some 350 kB, errors among them."""
    path = tmp_path_factory.mktemp("stopping") / "findings.txt"
    write_findings(path, 3000)
    return path


def start(*args: str, **popen: Any) -> subprocess.Popen[bytes]:
    """`python -m hankkeet ARGS` as a process of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "hankkeet", *args],
        stdin=subprocess.DEVNULL,
        env={**os.environ, **TEST_ENV, **popen.pop("env", {})},
        **popen,
    )


class Status(NamedTuple):
    """A process as /proc/PID/stat shows it."""

    state: str  # R running, S sleeping, Z ended (a zombie, not yet reaped), ...
    parent: int
    started: int  # clock ticks after boot: tells a process from a later one of its pid


def status(pid: int) -> Status | None:
    """The process's status; None when there is no such process."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as f:
            fields = f.read().rsplit(")", 1)[1].split()  # after the name, which may hold ')'
    except (OSError, IndexError):
        return None
    return Status(fields[0], int(fields[1]), int(fields[19]))


def alive(pid: int) -> bool:
    """Whether the process runs (a zombie has ended)."""
    found = status(pid)
    return found is not None and found.state != "Z"


def children(parent: int) -> set[int]:
    """The live processes whose parent is `parent`."""
    found = set()
    for name in os.listdir("/proc"):
        seen = status(int(name)) if name.isdigit() else None
        if seen is not None and seen.parent == parent and seen.state != "Z":
            found.add(int(name))
    return found


def until(condition: Any, what: str, patience: float = PATIENCE) -> None:
    """Wait until `condition()` holds; fail saying `what` did not happen."""
    deadline = time.monotonic() + patience
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen in {patience} s")
        time.sleep(0.01)


def workers_of(main: subprocess.Popen[bytes], count: int = 2) -> set[int]:
    """The main process's workers, once `count` of them run; the main process still reads."""
    until(lambda: len(children(main.pid)) >= count or main.poll() is not None, "workers")
    assert main.poll() is None, "the run ended before it could be stopped: a longer input"
    return children(main.pid)


def waiting(workers: set[int], looks: int = 5) -> bool:
    """Whether every worker sleeps (waits for work), as seen `looks` times in a row."""
    for _ in range(looks):
        if any((status(pid) or Status("Z", 0, 0)).state not in "SZ" for pid in workers):
            return False
        time.sleep(0.01)
    return True


class Started:
    """The processes a test started: those still running after it are killed (a failing
    test must not leave them), and only they (a pid is used again once it is free)."""

    def __init__(self) -> None:
        self.mains: list[subprocess.Popen[bytes]] = []
        self.workers: dict[int, int] = {}

    def main(self, main: subprocess.Popen[bytes]) -> None:
        """A main process the test started."""
        self.mains.append(main)

    def workers_of(self, main: subprocess.Popen[bytes]) -> set[int]:
        """The main process's workers (see workers_of), kept to be killed if they outlive it."""
        found = workers_of(main)
        for pid in found:
            seen = status(pid)
            if seen is not None:
                self.workers[pid] = seen.started
        return found

    def kill(self) -> None:
        """Kill what still runs."""
        for main in self.mains:
            if main.poll() is None:
                main.kill()
            main.wait()
        for pid, started in self.workers.items():
            seen = status(pid)
            if seen is not None and seen.started == started and seen.state != "Z":
                os.kill(pid, signal.SIGKILL)


@pytest.fixture
def started() -> Iterator[Started]:
    """What the test starts, killed after it if it still runs."""
    processes = Started()
    yield processes
    processes.kill()


# (signal, why)
KILLS = [
    (signal.SIGKILL, "a kill no handler sees (also what subprocess.run's timeout sends)"),
    (signal.SIGTERM, "kill's default: the process ends without a word to its workers"),
]


@pytest.mark.parametrize(("kill", "why"), KILLS, ids=[k[0].name for k in KILLS])
def test_workers_end_with_the_main_process(
    kill: signal.Signals, why: str, long_input: Path, started: Started
) -> None:
    main = start(
        "--jobs",
        "2",
        "list",
        "--format",
        "jsonl",
        str(long_input),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    started.main(main)
    workers = started.workers_of(main)
    os.kill(main.pid, kill)
    assert main.wait(timeout=PATIENCE) == -kill
    until(lambda: not any(alive(pid) for pid in workers), f"{why}: the workers' end")


# (command, why)
INTERRUPTED = [
    (["list", "--sort", "budget"], "records sorted when reading ends"),
    (["search", "kemi"], "results ranked when reading ends"),
    (["validate", "--format", "json"], "a report written when reading ends"),
]


# Runs the command with parts of 4 000 characters and the bar drawn at once (no second's
# wait before it).
STAGED = (
    "import sys, hankkeet.cli.progress as p, hankkeet.reading.workers as w\n"
    "p.DELAY = p.REFRESH = 0.0\n"
    "w.PART_CHARS = 4000\n"
    "sys.argv = ['hankkeet', *sys.argv[1:]]\n"
    "from hankkeet.cli import main\n"
    "main()\n"
)


def staged(*args: str, **popen: Any) -> subprocess.Popen[bytes]:
    """The command with small parts (STAGED), in a process group of its own as a terminal's
    job is."""
    return subprocess.Popen(
        [sys.executable, "-c", STAGED, *args],
        stdin=subprocess.DEVNULL,
        env={**os.environ, **TEST_ENV, **popen.pop("env", {})},
        start_new_session=True,
        **popen,
    )


def interrupt(main: subprocess.Popen[bytes]) -> None:
    """Ctrl-C at a terminal, while the workers wait: SIGINT to the whole process group."""
    workers = workers_of(main)
    os.kill(main.pid, signal.SIGSTOP)
    try:
        until(lambda: waiting(workers), "the workers' wait")
        os.killpg(main.pid, signal.SIGINT)
    finally:
        os.kill(main.pid, signal.SIGCONT)


@pytest.mark.parametrize("quiet", [[], ["-q"]], ids=["default", "-q"])
@pytest.mark.parametrize(("command", "why"), INTERRUPTED, ids=[c[1] for c in INTERRUPTED])
def test_ctrl_c_exits_130_without_a_word(
    command: list[str], why: str, quiet: list[str], long_input: Path, started: Started
) -> None:
    main = staged(
        *quiet,
        "--jobs",
        "2",
        *command,
        str(long_input),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    started.main(main)
    started.workers_of(main)
    interrupt(main)
    _, stderr = main.communicate(timeout=60)
    assert (main.returncode, stderr.decode()) == (130, ""), why


def test_ctrl_c_takes_the_bar_off_the_terminal(long_input: Path, started: Started) -> None:
    """stderr on a pseudo-terminal: the bar is drawn, and gone after Ctrl-C."""
    import pty

    master, slave = pty.openpty()
    main = staged(
        "--jobs",
        "2",
        "list",
        "--sort",
        "budget",
        str(long_input),
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env={"TERM": "xterm"},
    )
    os.close(slave)
    started.main(main)
    screen = b""

    def read(patience: float) -> bool:
        """Read what the terminal shows; false when the child has closed it."""
        nonlocal screen
        if not select.select([master], [], [], patience)[0]:
            return True
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: every process holding the terminal has ended
            return False
        screen += chunk
        return bool(chunk)

    try:
        until(lambda: not read(0.01) or BAR.search(screen) is not None, "the bar")
        started.workers_of(main)
        interrupt(main)
        while read(PATIENCE):
            pass
    finally:
        os.close(master)
    assert main.wait(timeout=PATIENCE) == 130
    assert b"Traceback" not in screen and b"KeyboardInterrupt" not in screen
    # The last line erased is the bar's, and nothing is written after it: the bar is gone.
    shown_last = screen[screen.rindex(b"\x1b[2K") :]
    assert not ESCAPE.sub(b"", shown_last).strip(), shown_last
    # The cursor the bar hid is shown again.
    assert screen.rfind(b"\x1b[?25h") > screen.rfind(b"\x1b[?25l")


def test_ctrl_c_between_two_records_closes_the_reading_at_once(
    long_input: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C in the command's own code (not in the reading's): the reading's generators
    are closed before the command returns, in this thread, so its workers are gone and its
    bar is off. (Left to a garbage collection, they closed in whichever thread it ran in:
    in a pool's own thread, which cannot wait for itself, that printed a traceback.)"""
    from hankkeet.cli import common, progress

    counted = common.Tally.count

    def count(tally: common.Tally, item: Any) -> None:
        counted(tally, item)
        if tally.projects == 100:
            raise KeyboardInterrupt

    monkeypatch.setattr(common.Tally, "count", count)
    monkeypatch.setattr(progress, "stderr_is_terminal", lambda: True)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    before = children(os.getpid())
    interrupted = signal.getsignal(signal.SIGINT)
    try:
        run = cli("--jobs", "2", "list", "--sort", "budget", str(long_input), env=XTERM)
    finally:
        signal.signal(signal.SIGINT, interrupted)  # the run's second Ctrl-C ends a process
    assert (run.exit_code, run.stdout) == (130, "")
    assert children(os.getpid()) <= before, "the workers outlived the command"
    assert not progress._current, "a bar is still on"


# (arguments, the input, why)
PIPED = [
    (["list", "--format", "jsonl"], "long", "rows streamed as they are read"),
    (["--jobs", "2", "list", "--format", "jsonl"], "long", "rows read by workers"),
    (["list", "--format", "csv", "--sort", "budget"], "long", "rows sorted, then written"),
    (["validate"], "findings", "a report with errors in it (141, not 1: it was cut short)"),
]


@pytest.mark.parametrize(("args", "given", "why"), PIPED, ids=[p[2] for p in PIPED])
def test_a_reader_gone_ends_the_run_quietly(
    args: list[str],
    given: str,
    why: str,
    long_input: Path,
    findings_input: Path,
    started: Started,
) -> None:
    """`hankkeet ... | head -1`: exit 141 as SIGPIPE would, with nothing on stderr."""
    path = long_input if given == "long" else findings_input
    main = start(*args, str(path), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    started.main(main)
    assert main.stdout is not None and main.stderr is not None
    assert main.stdout.readline()
    main.stdout.close()  # the reader has what it wanted
    stderr = main.stderr.read()
    main.stderr.close()
    assert (main.wait(timeout=60), stderr.decode()) == (141, ""), why
