"""Hostile and big input (issue 7): every command survives it with the right answer or a refusal.

Commands run as real processes, so main()'s own error handling is what is tested. The big
matrix (every command on every hostile input) runs each command in a child forked from a
process that has already imported the CLI: the same main(), streams and exit codes as
`python -m hankkeet` (a test checks the two agree), without paying the import time a
hundred times over. Everything else goes through conftest.run_process.

Pathological inputs (tests/pathological.py) are correctness tests here: each is read to the
right findings. What they cost against normal text is measured by benchmarks/run.py, where
a ratio is a figure to read, not an assertion that fails on a busy machine. Big inputs and
memory checks are marked slow: `pytest -m slow` runs them.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import queue
import random
import re
import select
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import FIXTURES, TEST_ENV, Run, run_process
from hankkeet.cli.output import FILE_FORMATS
from hankkeet.finnish import format_number
from hankkeet.reading.parser import parse_text
from hankkeet.reading.sources import resolve
from hankkeet.render import ListFormat
from hankkeet.render.search import SearchFormat
from hankkeet.render.totals import TotalsFormat
from hankkeet.render.validation import ValidateFormat
from hankkeet.validate import validate_sources
from pathological import HEAD, PATHOLOGICAL, PERIOD, normal_text, prose

# Every command on every hostile input (a forking server runs ~300 commands): a big
# matrix, run by `pytest -m slow` (and CI), not the fast loop.
pytestmark = pytest.mark.slow

HOSTILE = FIXTURES / "hostile"
SAMPLE_TEXT = (HOSTILE / "sample.txt").read_text(encoding="utf-8")
SAMPLE_ID = "kaupunkipyorailyn-edistamishanke"
ESC = "\x1b"
# The C1 form of the control sequence introducer; a terminal may act on it like ESC [.
CSI_C1 = "\x9b"
# Wide enough that no cell of the fixtures wraps, so literal text can be looked for.
WIDE = {"COLUMNS": "200"}
WORKERS = max(2, os.cpu_count() or 2)


# -- the commands ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Invocation:
    """One way to run a command: its name, output format and extra options."""

    command: str
    fmt: str  # the output format, or "table"/"text" for the default human output
    options: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """A short id for test names."""
        return "-".join((self.command, self.fmt, *[o.lstrip("-") for o in self.options]))

    def argv(self, paths: list[str], ident: str, query: str) -> list[str]:
        """The command line for these inputs."""
        head: list[str] = [self.command]
        if self.command == "show":
            head.append(ident)
        elif self.command == "search":
            head.append(query)
        fmt = [] if self.fmt in ("table", "text", "default") else ["--format", self.fmt]
        return [*head, *paths, *fmt, *self.options]


# The one invocation per command that decoding and shape inputs go through: a machine format
# where there is one, so the records themselves can be compared.
PRIMARY = (
    Invocation("list", "json"),
    Invocation("show", "json"),
    Invocation("validate", "json"),
    Invocation("totals", "json"),
    Invocation("timeline", "default"),
    Invocation("search", "json"),
)
# Every output format of every command (from the formats' own enums, so a new format is
# tested the day it is added), for the inputs that attack the output.
BY_CONTACT = ("--by-contact",)
# Files (xlsx, sqlite) need -o and never reach stdout; test_export reads them back.
TEXT_LIST_FORMATS = [f for f in ListFormat if f.value not in FILE_FORMATS]
EVERY_FORMAT = (
    *(Invocation("list", f.value) for f in TEXT_LIST_FORMATS),
    Invocation("list", "csv", ("--excel",)),
    *(Invocation("show", f.value) for f in TEXT_LIST_FORMATS),
    *(Invocation("validate", f.value) for f in ValidateFormat),
    *(
        Invocation("totals", f.value, (*BY_CONTACT, "--by-program") if f == "table" else BY_CONTACT)
        for f in TotalsFormat
        if f.value not in FILE_FORMATS
    ),
    Invocation("totals", "csv", (*BY_CONTACT, "--excel")),
    Invocation("timeline", "default"),
    *(Invocation("search", f.value) for f in SearchFormat),
)


# -- the hostile inputs ---------------------------------------------------------------------

DATA = frozenset({0, 1})
UNUSABLE = frozenset({2})


@dataclass(frozen=True)
class Hostile:
    """A hostile input: how to write it, what exits are right, and why."""

    name: str
    make: Callable[[Path], list[str]]  # writes into a folder; returns the PATH arguments
    expect: frozenset[int]
    why: str
    reason: str = ""  # a word the one-line refusal must contain (exit 2 only)
    same_as_sample: bool = False  # reads to exactly the sample's records and findings
    stdin: bytes | None = None
    ident: str = SAMPLE_ID
    query: str = "hanke"


def _file(name: str, data: bytes) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        path = folder / name
        path.write_bytes(data)
        return [str(path)]

    return make


def _sample(encoding: str, bom: bytes = b"", newline: str = "\n") -> bytes:
    return bom + SAMPLE_TEXT.replace("\n", newline).encode(encoding)


def _random_bytes(size: int, allowed: bytes | None = None) -> bytes:
    rnd = random.Random(7)
    if allowed is None:
        return rnd.randbytes(size)
    return bytes(rnd.choice(allowed) for _ in range(size))


# Bytes Windows-1252 does not define: a file with one of them and no valid UTF-8 is unreadable.
CP1252_HOLES = b"\x81\x8d\x8f\x90\x9d"
CP1252_DEFINED = bytes(b for b in range(1, 256) if b not in CP1252_HOLES)


def _mixed_line_ends() -> bytes:
    lines = SAMPLE_TEXT.split("\n")
    # A CR is always followed by another CR or a CRLF: a CR then LF would be one CRLF.
    ends = ["\r\n", "\n", "\r"]
    return "".join(line + ends[i % 3] for i, line in enumerate(lines[:-1])).encode("utf-8")


def _nul_in_middle() -> bytes:
    data = SAMPLE_TEXT.encode("utf-8")
    return data[: len(data) // 2] + b"\x00" + data[len(data) // 2 :]


def _empty_folder(folder: Path) -> list[str]:
    empty = folder / "no-text"
    empty.mkdir()
    (empty / "notes.md").write_text("not a .txt file\n", encoding="utf-8")
    return [str(empty)]


def _folder_with_one_bad(folder: Path) -> list[str]:
    mixed = folder / "mixed"
    mixed.mkdir()
    (mixed / "a-good.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    (mixed / "b-bad.txt").write_bytes(b"Hanke\x00\n")
    return [str(mixed)]


def escapes_text() -> str:
    """A project whose every field holds terminal control sequences."""
    return (
        f"Hanke {ESC}[2J{ESC}[31mpunainen{ESC}[0m {CSI_C1}2J\n\n"
        f"Rahoitus ja ohjelma: EAKR-rahoitus {ESC}]0;otsikko\x07 80 %.\n"
        "Toiminta-aika: 1.1.2022–31.12.2022\n"
        f"Budjetti koko toiminta-ajalle: 10 000 euroa{ESC}[1A\n"
        f"Yhteyshenkilö: projektipäällikkö Matti{ESC}[5D Meikäläinen\n"
        f"Tiivistelmä: linkki {ESC}]8;;https://example.com{ESC}\\teksti{ESC}]8;;{ESC}\\ "
        "ja askelpalautin \x08\x08 ja kello \x07.\n"
        f"Tuntematon{ESC}[2J: arvo\n"
        f"{ESC}[2J irrallinen rivi.\n"
    )


INPUTS: tuple[Hostile, ...] = (
    Hostile(
        "random-bytes",
        _file("random.txt", _random_bytes(64 * 1024)),
        UNUSABLE,
        "64 KiB of random bytes hold NUL bytes: not a text file",
        "NUL",
    ),
    Hostile(
        "random-bytes-no-nul",
        _file("random.txt", _random_bytes(64 * 1024, CP1252_DEFINED)),
        DATA,
        "random bytes Windows-1252 can decode are (bad) text, not a refusal",
    ),
    Hostile(
        "random-bytes-undecodable",
        _file("random.txt", _random_bytes(4096, CP1252_DEFINED) + CP1252_HOLES),
        UNUSABLE,
        "not UTF-8 and bytes Windows-1252 does not define",
        "UTF-8",
    ),
    Hostile(
        "nul-byte",
        _file("nul.txt", _nul_in_middle()),
        UNUSABLE,
        "one NUL byte makes the file binary",
        "NUL",
    ),
    Hostile(
        "empty-file",
        _file("empty.txt", b""),
        DATA,
        "an empty file is data with no project, not a crash",
    ),
    Hostile("blank-lines-only", _file("blank.txt", b"\n \n\t\n\r\n"), DATA, "white space only"),
    Hostile(
        "preamble-only",
        _file("preamble.txt", (HOSTILE / "preamble-only.txt").read_bytes()),
        DATA,
        "prose and no project",
    ),
    Hostile(
        "utf-8",
        _file("utf8.txt", _sample("utf-8")),
        DATA,
        "the reference reading",
        same_as_sample=True,
    ),
    Hostile(
        "utf-8-bom",
        _file("bom.txt", _sample("utf-8", codecs.BOM_UTF8)),
        DATA,
        "a BOM is not part of the first title",
        same_as_sample=True,
    ),
    Hostile(
        "windows-1252",
        _file("cp1252.txt", _sample("cp1252")),
        DATA,
        "ä, ö, Å and € in Windows-1252",
        same_as_sample=True,
    ),
    Hostile(
        "utf-16-le-bom",
        _file("u16le.txt", _sample("utf-16-le", codecs.BOM_UTF16_LE)),
        DATA,
        "UTF-16 LE with its BOM",
        same_as_sample=True,
    ),
    Hostile(
        "utf-16-be-bom",
        _file("u16be.txt", _sample("utf-16-be", codecs.BOM_UTF16_BE)),
        DATA,
        "UTF-16 BE with its BOM",
        same_as_sample=True,
    ),
    Hostile(
        "utf-16-le-crlf",
        _file("u16crlf.txt", _sample("utf-16-le", codecs.BOM_UTF16_LE, "\r\n")),
        DATA,
        "UTF-16 with Windows line ends",
        same_as_sample=True,
    ),
    Hostile(
        "utf-16-no-bom",
        _file("u16nobom.txt", _sample("utf-16-le")),
        UNUSABLE,
        "UTF-16 without a BOM looks like text full of NUL bytes",
        "NUL",
    ),
    Hostile(
        "utf-16-broken",
        _file("u16bad.txt", codecs.BOM_UTF16_LE + "Hanke\n".encode("utf-16-le") + b"\x00\xd8a\x00"),
        UNUSABLE,
        "a lone surrogate is not UTF-16",
        "UTF-16",
    ),
    Hostile(
        "utf-16-odd-length",
        _file("u16odd.txt", codecs.BOM_UTF16_LE + "Hanke\n".encode("utf-16-le") + b"a"),
        UNUSABLE,
        "half a UTF-16 code unit at the end",
        "UTF-16",
    ),
    Hostile(
        "cr",
        _file("cr.txt", _sample("utf-8", newline="\r")),
        DATA,
        "old Mac line ends",
        same_as_sample=True,
    ),
    Hostile(
        "crlf",
        _file("crlf.txt", _sample("utf-8", newline="\r\n")),
        DATA,
        "Windows line ends",
        same_as_sample=True,
    ),
    Hostile(
        "mixed-line-ends",
        _file("mixed.txt", _mixed_line_ends()),
        DATA,
        "CRLF, CR and LF in one file",
        same_as_sample=True,
    ),
    Hostile(
        "missing-file",
        lambda folder: [str(folder / "no-such-file.txt")],
        UNUSABLE,
        "a path that is not there",
        "no such",
    ),
    Hostile("folder-without-txt", _empty_folder, UNUSABLE, "a folder holding no .txt file", ".txt"),
    Hostile(
        "folder-with-one-nul-file",
        _folder_with_one_bad,
        UNUSABLE,
        "one unusable file spoils the run: no partial answer that looks whole",
        "NUL",
    ),
    Hostile(
        "stdin",
        lambda folder: ["-"],
        DATA,
        "the sample on standard input",
        same_as_sample=True,
        stdin=SAMPLE_TEXT.encode("utf-8"),
    ),
    Hostile(
        "stdin-nul",
        lambda folder: ["-"],
        UNUSABLE,
        "NUL bytes on standard input",
        "NUL",
        stdin=b"Hanke\x00\n",
    ),
    Hostile(
        "user-text",
        _file("user-text.txt", (HOSTILE / "user-text.txt").read_bytes()),
        DATA,
        "Rich markup and spreadsheet formulas in every field",
        ident="bold-red",
        query="Merkintähanke",
    ),
    Hostile(
        "escapes",
        _file("escapes.txt", escapes_text().encode("utf-8")),
        DATA,
        "terminal control sequences in every field",
        ident="hanke",
        query="punainen",
    ),
)
BY_NAME = {h.name: h for h in INPUTS}
OUTPUT_ATTACKS = ("user-text", "escapes")


# -- running the matrix ---------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One process run: an input through an invocation."""

    hostile: Hostile
    invocation: Invocation

    @property
    def id(self) -> str:
        """input/command-format."""
        return f"{self.hostile.name}/{self.invocation.key}"


def matrix_cases() -> list[Case]:
    """Every command (primary form) on every input; every format on the output attacks."""
    cases = [Case(h, inv) for h in INPUTS for inv in PRIMARY]
    cases += [
        Case(BY_NAME[name], inv)
        for name in OUTPUT_ATTACKS
        for inv in EVERY_FORMAT
        if inv not in PRIMARY
    ]
    return cases


CASES = matrix_cases()


_FORK_SERVER = r"""
import json, os, sys
import hankkeet.cli
hankkeet.cli.app  # every command, loaded once before forking
# Jobs come on their own pipe, so the server never reads from (or buffers) standard input.
jobs, replies = os.fdopen(int(sys.argv[1])), os.fdopen(int(sys.argv[2]), "w")
for line in jobs:
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            for fd, name, flags in ((0, job["stdin"], os.O_RDONLY),
                                    (1, job["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                                    (2, job["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)):
                opened = os.open(name, flags, 0o600)
                os.dup2(opened, fd)
                os.close(opened)
            os.environ.clear()
            os.environ.update(job["env"])
            sys.argv = ["hankkeet", *job["argv"]]
            try:
                hankkeet.cli.main()
                code = 0
            except SystemExit as exc:  # what the interpreter does with it at exit
                if exc.code is None or isinstance(exc.code, int):
                    code = exc.code or 0
                else:
                    print(exc.code, file=sys.stderr)
                    code = 1
        finally:
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except Exception:
                    pass
            os._exit(code)
    replies.write(f"{pid}\n")
    replies.flush()
    _, status = os.waitpid(pid, 0)
    replies.write(f"{os.waitstatus_to_exitcode(status)}\n")
    replies.flush()
"""


class ForkedCli:
    """A process with the CLI imported that forks one child per command run."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        job_read, self._jobs = os.pipe()
        self._replies, reply_write = os.pipe()
        self.server = subprocess.Popen(
            [sys.executable, "-c", _FORK_SERVER, str(job_read), str(reply_write)],
            pass_fds=(job_read, reply_write),
            stdin=subprocess.DEVNULL,
            env={**os.environ, **TEST_ENV},
        )
        os.close(job_read)
        os.close(reply_write)
        self.jobs = os.fdopen(self._jobs, "w")
        self.replies = os.fdopen(self._replies)
        self.count = 0

    def run(
        self,
        *args: str,
        input: bytes | None = None,  # noqa: A002  (run_process's name)
        env: dict[str, str] | None = None,
        timeout: float = 120,
    ) -> Run:
        """Like conftest.run_process: exit code, stdout and stderr of one command."""
        self.count += 1
        base = self.workdir / f"run{self.count}"
        stdin, stdout, stderr = (base.with_suffix(s) for s in (".in", ".out", ".err"))
        stdin.write_bytes(input or b"")
        job = {
            "argv": list(args),
            "env": {**os.environ, **TEST_ENV, **(env or {})},
            "stdin": str(stdin),
            "stdout": str(stdout),
            "stderr": str(stderr),
        }
        self.jobs.write(json.dumps(job) + "\n")
        self.jobs.flush()
        pid = int(self.replies.readline())
        ready, _, _ = select.select([self.replies], [], [], timeout)
        if not ready:
            os.kill(pid, signal.SIGKILL)
        code = int(self.replies.readline())
        assert ready, f"hankkeet {' '.join(args)} did not finish in {timeout} s"
        return Run(code, stdout.read_text("utf-8", "replace"), stderr.read_text("utf-8", "replace"))

    def close(self) -> None:
        """Stop the server."""
        self.jobs.close()
        self.server.wait(timeout=30)
        self.replies.close()


@pytest.fixture(scope="module")
def matrix_paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every hostile input written out once: input name -> PATH arguments."""
    folder = tmp_path_factory.mktemp("hostile")
    paths: dict[str, list[str]] = {}
    for hostile in INPUTS:
        own = folder / hostile.name
        own.mkdir()
        paths[hostile.name] = hostile.make(own)
    return paths


@pytest.fixture(scope="module")
def runs(
    matrix_paths: dict[str, list[str]], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Run]:
    """Every matrix case run once, on as many forking servers as there are cores."""
    folder = tmp_path_factory.mktemp("servers")
    paths = matrix_paths
    servers: queue.Queue[ForkedCli] = queue.Queue()
    for n in range(WORKERS):
        workdir = folder / f"server{n}"
        workdir.mkdir()
        servers.put(ForkedCli(workdir))

    def one(case: Case) -> tuple[str, Run]:
        h = case.hostile
        argv = case.invocation.argv(paths[h.name], h.ident, h.query)
        server = servers.get()
        try:
            return case.id, server.run(*argv, input=h.stdin, env=WIDE)
        finally:
            servers.put(server)

    try:
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            return dict(pool.map(one, CASES))
    finally:
        while not servers.empty():
            servers.get().close()


# Cases run both ways, to show the forked runs behave like `python -m hankkeet`.
CROSS_CHECK = (
    "utf-8/list-json",
    "user-text/list-table",
    "missing-file/validate-json",
    "random-bytes/totals-json",
    "escapes/show-table",
    "empty-file/timeline-default",
    "user-text/search-table",
    "folder-with-one-nul-file/list-json",
)


@pytest.mark.slow  # real processes, one a case: CI's slow lane runs them
@pytest.mark.parametrize("case_id", CROSS_CHECK)
def test_forked_runs_match_real_processes(
    case_id: str, runs: dict[str, Run], matrix_paths: dict[str, list[str]]
) -> None:
    """The forked child and a fresh `python -m hankkeet` give the same exit and streams."""
    case = next(c for c in CASES if c.id == case_id)
    h = case.hostile
    real = run_process(
        *case.invocation.argv(matrix_paths[h.name], h.ident, h.query), input=h.stdin, env=WIDE
    )
    assert (real.exit_code, real.stdout, real.stderr) == (
        runs[case_id].exit_code,
        runs[case_id].stdout,
        runs[case_id].stderr,
    )


# -- what every run must satisfy ------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")
_ANNOTATION = re.compile(r"::(?:error|warning|notice) file=[^\n]*::")


def assert_no_control_sequences(run: Run) -> None:
    """No ESC (nor the C1 introducer) in either stream: nothing can drive the terminal."""
    for name, stream in (("stdout", run.stdout), ("stderr", run.stderr)):
        at = stream.find(ESC)
        assert at < 0, f"ESC reached {name}: {stream[max(0, at - 40) : at + 40]!r}"
        assert CSI_C1 not in stream, f"C1 CSI reached {name}"


def assert_clean_exit(run: Run, expect: frozenset[int], reason: str = "") -> None:
    """No traceback, an expected exit code, and for exit 2 one line saying why."""
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert "internal error" not in run.stderr, run.stderr[-500:]
    assert run.exit_code in expect, (run.exit_code, run.stderr[-500:])
    if run.exit_code == 2:
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1, f"the refusal is not one line: {run.stderr!r}"
        assert lines[0].startswith("hankkeet: "), lines[0]
        assert reason.casefold() in lines[0].casefold(), (reason, lines[0])
        assert run.stdout == "", "a refusal prints no partial data"


def csv_cells(text: str, excel: bool) -> list[list[str]]:
    """The cells of CSV output (the Excel dialect: ';' and a BOM)."""
    if excel:
        assert text.startswith("\ufeff"), "Excel CSV starts with a BOM"
        text = text[1:]
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if excel else ","))


def assert_machine_format(case: Case, run: Run) -> None:
    """Machine output parses whole; CSV text cells never start a formula."""
    fmt = case.invocation.fmt
    if run.exit_code == 2:
        return
    # An input with no project description writes no data at all (issue 27): no '[]'.
    nothing_read = "no input holds a project description" in run.stderr
    if fmt == "json":
        # show: no record, no output
        if run.stdout or not (case.invocation.command == "show" or nothing_read):
            json.loads(run.stdout)
    elif fmt == "jsonl":
        for line in run.stdout.splitlines():
            json.loads(line)
    elif fmt == "csv" and run.stdout:
        for row in csv_cells(run.stdout, "--excel" in case.invocation.options):
            for cell in row:
                if not _NUMBER.fullmatch(cell):
                    assert not cell.startswith(_FORMULA_START), f"formula cell {cell!r}"
    elif fmt == "markdown" and run.stdout:
        # Every row has the header's number of cells: a '|' in user text is escaped.
        cells = {re.sub(r"\\.", "", line).count("|") for line in run.stdout.splitlines()}
        assert len(cells) == 1, run.stdout
        assert all(line.startswith("|") for line in run.stdout.splitlines())
    elif fmt == "github":
        for line in run.stdout.splitlines():
            if line.startswith("::"):
                assert _ANNOTATION.match(line), f"not the tool's annotation: {line!r}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_command_survives_every_input(case: Case, runs: dict[str, Run]) -> None:
    """No traceback, the right exit code, one-line refusals, no control codes, valid formats."""
    run = runs[case.id]
    if case.invocation.command == "validate" and case.hostile.expect == UNUSABLE:
        # validate reports an unreadable input as a finding and checks the rest (issue 12).
        assert_clean_exit(run, frozenset({1}))
        if case.invocation.fmt == "json":
            codes = {d["code"] for d in json.loads(run.stdout)["diagnostics"]}
            assert "unreadable-file" in codes, codes
        return
    assert_clean_exit(run, case.hostile.expect, case.hostile.reason)
    assert_no_control_sequences(run)
    assert_machine_format(case, run)


# -- never lie: the same text in any encoding or line end reads the same ----------------------


def _records(run: Run) -> list[dict[str, object]]:
    records = json.loads(run.stdout)
    for record in records:
        record["source"].pop("path")
    return list(records)


def _findings(run: Run) -> list[tuple[object, ...]]:
    report = json.loads(run.stdout)
    return [
        tuple(sorted((k, str(v)) for k, v in d.items() if k != "path"))
        for d in report["diagnostics"]
    ]


SAME = [h for h in INPUTS if h.same_as_sample and h.name != "utf-8"]


@pytest.mark.parametrize("hostile", SAME, ids=[h.name for h in SAME])
def test_encodings_and_line_ends_read_like_utf8(hostile: Hostile, runs: dict[str, Run]) -> None:
    """Records and findings (with their line numbers) equal the plain UTF-8 reading."""
    reference = runs[f"utf-8/{PRIMARY[0].key}"]
    run = runs[f"{hostile.name}/{PRIMARY[0].key}"]
    assert run.exit_code == 0, run.stderr
    assert _records(run) == _records(reference)
    assert len(_records(run)) == 2, "the sample holds two projects"
    names = {r["name"] for r in _records(run)}
    assert "Kaupunkipyöräilyn edistämishanke" in names, names  # no BOM, no mojibake
    key = f"{PRIMARY[2].key}"
    assert _findings(runs[f"{hostile.name}/{key}"]) == _findings(runs[f"utf-8/{key}"])


def test_utf8_reference_reads_the_sample(runs: dict[str, Run]) -> None:
    """The reference itself is right, so the comparison above cannot pass on two wrongs."""
    records = _records(runs[f"utf-8/{PRIMARY[0].key}"])
    by_name = {r["name"]: r for r in records}
    first = by_name["Kaupunkipyöräilyn edistämishanke"]
    assert first["budget"] == 100000
    assert first["start"] == "2022-03-01" and first["end"] == "2024-02-28"
    contacts = first["contacts"]
    assert isinstance(contacts, list) and contacts[0]["name"] == "Åsa Öhman"


# -- markup is data, formulas are defused ---------------------------------------------------

# (invocation key, text that must appear exactly, why)
LITERALS: list[tuple[str, str, str]] = [
    ("list-table", "[bold red]Merkintähanke[/]", "the name in the table"),
    ("list-table", "[bold]projektipäällikkö[/] Matti Meikäläinen", "a contact's title"),
    ("list-markdown", "[bold red]Merkintähanke[/]", "Markdown keeps brackets"),
    ("list-json", "[link=https://example.com/x]Lapin liitto[/link]", "the funding text"),
    ("show-table", "[bold red]Merkintähanke[/]", "the table title"),
    ("show-table", "[link=https://example.com/x]Lapin liitto[/link]", "the funding row"),
    ("show-table", "[bold]lihavointi[/], [/] ja", "the summary row"),
    ("validate-text", "'[bold]projektipäällikkö[/]'", "a message quoting user text"),
    ("validate-github", "'[bold]projektipäällikkö[/]'", "an annotation quoting user text"),
    ("timeline-default", "[bold red]Merkintähanke[/]", "the bar's label"),
    ("search-table", "[bold red]Merkintähanke[/]", "the hit's name"),
]


@pytest.mark.parametrize(
    ("key", "literal", "why"),
    [pytest.param(k, lit, why, id=f"{k}:{why}") for k, lit, why in LITERALS],
)
def test_markup_is_printed_literally(
    key: str, literal: str, why: str, runs: dict[str, Run]
) -> None:
    """User text holding Rich markup shows its brackets; nothing is styled or dropped."""
    run = runs[f"user-text/{key}"]
    assert run.exit_code in DATA, run.stderr
    assert literal in run.stdout, f"{why}: {literal!r} not in output:\n{run.stdout[:3000]}"
    assert "\x1b]8;" not in run.stdout, "a [link] became a terminal hyperlink"


@pytest.mark.parametrize(("key", "excel"), [("list-csv", False), ("list-csv-excel", True)])
def test_formula_cells_get_a_quote(key: str, excel: bool, runs: dict[str, Run]) -> None:
    """Cells starting = + - @ are written with a leading ' (and the fixture has them)."""
    cells = {cell for row in csv_cells(runs[f"user-text/{key}"].stdout, excel) for cell in row}
    for expected in (
        '\'=HYPERLINK("https://example.com","klikkaa")',
        "'@Laskentahanke",
        "'-2+3 on laskukaava, =1+1 myös.",
        "'+358 40 123 4567 soittaa.",
    ):
        assert expected in cells, (expected, sorted(cells))


def test_escapes_are_removed_but_the_text_stays(runs: dict[str, Run]) -> None:
    """The control sequences go, the words around them stay (nothing is silently dropped)."""
    records = json.loads(runs[f"escapes/{PRIMARY[0].key}"].stdout)
    assert len(records) == 1
    record = records[0]
    assert "punainen" in record["name"]
    assert "Meikäläinen" in json.dumps(record["contacts"], ensure_ascii=False)
    assert record["budget"] == 10000
    assert "teksti" in record["summary"]


# -- hostile text typed on the command line -------------------------------------------------

OSC = f"{ESC}]0;pwned\x07"  # sets the window title; click does not strip it in pipes
ARGUMENT_CASES: list[tuple[list[str], frozenset[int], str]] = [
    (["show", f"x{OSC}"], frozenset({1}), "an id that is not there is echoed back"),
    (["list", "--active", f"2022{OSC}"], UNUSABLE, "a bad --active value is echoed back"),
    (["totals", "--active", f"2022{OSC}"], UNUSABLE, "the same through totals"),
    (["timeline", "--active", f"2022{OSC}"], UNUSABLE, "the same through timeline"),
    (["list", "--programme", f"EAKR{OSC}"], UNUSABLE, "an unknown programme is echoed back"),
    (["list", f"missing{OSC}.txt"], UNUSABLE, "a missing path is echoed back"),
    (
        ["validate", f"missing{OSC}.txt"],
        frozenset({1}),
        "the same through validate (an unreadable-file finding)",
    ),
    (["validate", "--select", f"x{OSC}"], UNUSABLE, "an unknown rule code is echoed back"),
    (["validate", "--explain", f"x{OSC}"], UNUSABLE, "the same through --explain"),
    (["list", "--sort", f"x{OSC}"], UNUSABLE, "click echoes a bad choice"),
    ([f"x{OSC}"], UNUSABLE, "click echoes an unknown command"),
    (["search", f"x{OSC}"], frozenset({1}), "a query with no hits may be echoed back"),
]


@pytest.mark.slow  # real processes, one a case: CI's slow lane runs them
@pytest.mark.parametrize(
    ("argv", "expect", "why"), [pytest.param(a, e, w, id=w) for a, e, w in ARGUMENT_CASES]
)
def test_control_sequences_in_arguments_never_reach_the_output(
    argv: list[str], expect: frozenset[int], why: str
) -> None:
    """Arguments are user text too: echoed back, their control codes are made harmless."""
    run = run_process(*argv)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.exit_code in expect, (run.exit_code, run.stderr)
    assert_no_control_sequences(run)


def run_on_terminal(*args: str) -> tuple[int, bytes]:
    """Run `python -m hankkeet` with stdout and stderr on a pseudo-terminal; (exit, bytes)."""
    import pty  # POSIX only, like the rest of the suite's process handling

    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "HANKKEET_SOURCE": ""}
    child = subprocess.Popen(
        [sys.executable, "-m", "hankkeet", *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    out = b""
    while True:
        if not select.select([master], [], [], 60)[0]:  # a hung child must not hang the suite
            child.kill()
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return child.wait(timeout=60), out


TERMINAL_CASES: list[tuple[list[str], str]] = [
    (["show", f"x{ESC}[2J"], "an unknown id"),
    (["list", "--active", f"{ESC}[2J"], "a bad --active value"),
    (["list", "--programme", f"{ESC}[31mEAKR"], "an unknown programme"),
    (["list", f"{ESC}[2Jmissing.txt"], "a missing path"),
]


@pytest.mark.parametrize(("argv", "why"), [pytest.param(a, w, id=w) for a, w in TERMINAL_CASES])
def test_control_sequences_never_reach_a_terminal(argv: list[str], why: str) -> None:
    """On a real terminal click stops stripping ESC [: the tool itself must not echo it."""
    code, out = run_on_terminal(*argv)
    assert code in (1, 2), out
    assert b"\x1b" not in out, f"{why}: {out!r}"


@pytest.fixture(scope="module")
def badly_named(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of files whose names hold control codes, a line break, markup, a formula."""
    folder = tmp_path_factory.mktemp("names")
    bad = "Hanke\n\nToiminta-aika: 31.2.2023–1.1.2024\nBudjetti: 5 €\n"
    for name in (
        f"a{ESC}]0;pwned\x07.txt",
        "b\n::error::injected.txt",
        "c[bold red]x.txt",
        "=cmd.txt",
    ):
        (folder / name).write_text(bad, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["validate", "--format", "github"],
        ["validate", "--format", "json"],
        ["list", "--format", "csv"],
        ["list", "--format", "markdown"],
        ["show", "hanke-2"],
    ],
    ids=" ".join,
)
def test_hostile_file_names(argv: list[str], badly_named: Path) -> None:
    """A file name is user text: control codes and line breaks in it reach no output raw."""
    run = run_process(*argv, str(badly_named), env=WIDE)
    assert_clean_exit(run, DATA)
    problems: list[str] = []  # every problem at once: one name must not hide another
    for name, stream in (("stdout", run.stdout), ("stderr", run.stderr)):
        if ESC in stream:
            at = stream.find(ESC)
            problems.append(f"ESC in {name}: {stream[max(0, at - 30) : at + 30]!r}")
    # validate's output goes to CI logs, where a line starting '::' is a workflow command.
    for line in run.stdout.splitlines() if argv[0] == "validate" else []:
        if line.startswith("::error::injected"):
            problems.append(f"a line break in a name starts a workflow command: {line!r}")
        elif "github" in argv and line.startswith("::") and not _ANNOTATION.match(line):
            problems.append(f"not the tool's annotation: {line!r}")
    if "csv" in argv:
        problems += [
            f"formula cell {cell!r}"
            for row in csv_cells(run.stdout, excel=False)
            for cell in row
            if not _NUMBER.fullmatch(cell) and cell.startswith(_FORMULA_START)
        ]
    if argv == ["validate"] and "c[bold red]x.txt" not in run.stdout:
        problems.append("markup in a path is not printed literally")
    assert not problems, "\n".join(problems)


# -- big input through the real process -----------------------------------------------------

FIVE_MB = 5_000_000


@pytest.fixture(scope="module")
def five_mb_summary(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A project whose summary is one 5 MB line."""
    summary = prose(FIVE_MB)
    path = tmp_path_factory.mktemp("big") / "summary.txt"
    path.write_text(HEAD + "Tiivistelmä: " + summary + "\n", encoding="utf-8")
    return path, summary


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--format", "json"],
        ["validate", "--format", "json"],
        ["totals", "--format", "json"],
    ],
    ids=" ".join,
)
def test_a_5mb_line_survives(argv: list[str], five_mb_summary: tuple[Path, str]) -> None:
    """A 5 MB line is read whole: no crash, and machine output keeps every character."""
    path, summary = five_mb_summary
    run = run_process(*argv, str(path))
    assert_clean_exit(run, DATA)
    data = json.loads(run.stdout)
    if argv[0] == "list":
        assert data[0]["summary"] == " ".join(summary.split()), "the summary is not cut"
        assert data[0]["budget"] == 5000


@pytest.mark.slow
def test_hundreds_of_thousands_of_repeated_labels(tmp_path: Path) -> None:
    """200 000 repeated budget lines: each repeat is reported, the first one counts."""
    count = 200_000
    path = tmp_path / "repeated.txt"
    path.write_text(
        "Hanke X\n\nToiminta-aika: 1.1.2020–31.12.2021\n" + "Budjetti: 5 €\n" * count,
        encoding="utf-8",
    )
    listed = run_process("list", "--format", "json", str(path))
    assert_clean_exit(listed, DATA)
    records = json.loads(listed.stdout)
    assert [r["budget"] for r in records] == [5]
    checked = run_process("validate", "--format", "json", str(path))
    assert_clean_exit(checked, DATA)
    codes = [d["code"] for d in json.loads(checked.stdout)["diagnostics"]]
    assert codes.count("repeated-field") == count - 1


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--format", "json"],
        ["list", "--format", "csv"],
        ["totals", "--format", "json"],
        ["list"],
    ],
    ids=" ".join,
)
def test_a_huge_number_is_no_internal_error(argv: list[str], tmp_path: Path) -> None:
    """A budget of 20 000 digits is read exactly or refused, never a crash."""
    digits = 20_000  # beyond Python's 4 300-digit limit on int <-> str conversion
    path = tmp_path / "huge.txt"
    path.write_text(
        f"Hanke X\n\nToiminta-aika: 1.1.2020–31.12.2021\nBudjetti: {'9' * digits} €\n",
        encoding="utf-8",
    )
    run = run_process(*argv, str(path))
    assert_clean_exit(run, DATA)
    if argv[-1] == "json" and argv[0] == "list":
        budget = json.loads(run.stdout, parse_int=str)[0]["budget"]
        assert budget is None or budget == "9" * digits, "a wrong number is a lie"


def peak_rss_mb(*args: str) -> float:
    """Peak resident memory of one `python -m hankkeet` run, in MB (that child alone)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "hankkeet", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **TEST_ENV},
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    assert child.returncode in DATA, args
    return usage.ru_maxrss / 1024  # KiB on Linux


@pytest.mark.slow
@pytest.mark.parametrize("command", ["validate", "totals"])
def test_streaming_commands_keep_memory_flat(command: str, tmp_path: Path) -> None:
    """validate and totals read record by record: 4x the input, about the same peak memory."""
    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text(normal_text(500_000), encoding="utf-8")
    big.write_text(normal_text(2_000_000), encoding="utf-8")
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        low, high = pool.map(
            lambda path: peak_rss_mb(command, "--format", "json", str(path)), (small, big)
        )
    # 1.5 MB more text may leave a few ids behind (ids stay unique across the run), no more.
    assert high - low < 8, f"{low:.0f} MB -> {high:.0f} MB for 4x the input"


# -- pathological shapes: read to the right findings (their cost: benchmarks/run.py) ---------

SHAPE_SIZE = 50_000  # every shape at this size; the benchmark times them at 500 000
# A hang guard, not a timing comparison: each shape parses in well under a second.
HANG_AFTER = 60.0
FIVE = Decimal(5000)

# (shape, projects, findings by code, budget of the first project, why)
SHAPE_FINDINGS: list[tuple[str, int, dict[str, int], Decimal | None, str]] = [
    ("summary-prose-line", 1, {}, FIVE, "a long summary is just a summary"),
    ("title-one-word", 1, {"missing-field": 1}, None, "the title line holds no budget"),
    (
        "title-many-words",
        1,
        {"missing-field": 1, "unsure-name": 1},
        None,
        "the same with a title of prose, kept with unsure-name: a line with a finite verb is a "
        "sentence about a project, weak evidence of its name (issue 23)",
    ),
    ("budget-digit-groups", 1, {"unreadable-money": 1}, None, "no exact amount in the run"),
    ("budget-digits", 1, {"unreadable-money": 1}, None, "beyond the digits the tool reads"),
    ("budget-dots", 1, {"unreadable-money": 1}, None, "no grouping makes a number"),
    ("budget-amounts", 1, {}, Decimal(1), "every amount is 1 €: one amount, read"),
    ("budget-nbsp", 1, {"unreadable-money": 1}, None, "spaces between 1 and €"),
    (
        "period-dates",
        1,
        {"missing-field": 1, "unreadable-date": 1},
        None,
        "no period in endless dates (and no budget line)",
    ),
    (
        "period-digits",
        1,
        {"missing-field": 1, "unreadable-date": 1},
        None,
        "no date in dots and digits (and no budget line)",
    ),
    ("contact-letters", 1, {"unknown-title": 1}, FIVE, "one contact, its title unknown"),
    (
        "contact-at-signs",
        1,
        {"contact-without-name": 1, "unknown-title": 1},
        FIVE,
        "no name among the '@' signs",
    ),
    (
        "contact-dots-at",
        1,
        {"contact-without-name": 1, "unknown-title": 1},
        FIVE,
        "an address is not a name",
    ),
    ("contact-phone-dashes", 1, {"unknown-title": 1}, FIVE, "a name and dashes"),
    (
        "contact-phone-digits",
        1,
        {"contact-without-name": 1, "unknown-title": 1},
        FIVE,
        "digits are not a name",
    ),
    ("contact-many", 1, {"stray-text": 1}, FIVE, "thousands of contacts, read"),
    ("contact-at-words", 1, {"stray-text": 1}, FIVE, "'(at)' without an address"),
    ("funding-clauses", 1, {}, FIVE, "the same clause again: EAKR, nothing to add up"),
    ("funding-caps", 1, {"programme-typo": 1}, FIVE, "EARK read as EAKR, once"),
    ("funding-one-caps-word", 1, {"unknown-programme": 1}, FIVE, "no programme in one word"),
    ("staff-dates", 1, {"unreadable-staff": 1}, FIVE, "no headcount in endless dates"),
    ("colons", 1, {}, FIVE, "a line of colons adds nothing"),
    ("label-like-head", 1, {}, FIVE, "a label-like head too long to be a label"),
    (
        "repeated-known-label",
        1,
        {"repeated-field": 3570},
        Decimal(5),
        "each repeat reported, the first one counts",
    ),
    ("repeated-unknown-label", 1, {"unknown-label": 3571}, FIVE, "each one reported"),
    ("distinct-unknown-labels", 1, {"unknown-label": 2817}, FIVE, "each one reported"),
    (
        "duplicate-names",
        877,
        {"duplicate-project": 876},
        Decimal(5),
        "every project after the first is a duplicate",
    ),
    (
        "headings",
        0,
        {"no-projects": 1},
        None,
        "headings are no project: one clear finding (issue 10), not a preamble too",
    ),
    ("stray-lines", 1, {"stray-text": 1515}, FIVE, "each stray line reported"),
]


def test_every_shape_has_its_findings() -> None:
    """The table below covers every shape in tests/pathological.py, once."""
    assert [c[0] for c in SHAPE_FINDINGS] == [shape.name for shape in PATHOLOGICAL]


@pytest.mark.parametrize(
    ("name", "projects", "findings", "budget", "why"),
    SHAPE_FINDINGS,
    ids=[c[0] for c in SHAPE_FINDINGS],
)
def test_pathological_input_reads_to_the_right_findings(
    name: str,
    projects: int,
    findings: dict[str, int],
    budget: Decimal | None,
    why: str,
    tmp_path: Path,
) -> None:
    """A pathological shape is read through validate: it finishes, with the right findings."""
    shape = next(s for s in PATHOLOGICAL if s.name == name)
    text = shape.make(SHAPE_SIZE)
    assert SHAPE_SIZE * 0.9 <= len(text) <= SHAPE_SIZE * 1.1, "the shape is not its size"
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    try:
        with deadline(HANG_AFTER):
            report = validate_sources(resolve([str(path)]))
            parsed = parse_text(text).projects
    except TooSlow:
        pytest.fail(f"{shape.why}: still parsing after {HANG_AFTER:.0f} s")
    assert report.projects == projects, why
    assert dict(Counter(d.code.value for d in report.diagnostics)) == findings, why
    assert (parsed[0].project.budget if parsed else None) == budget, why


def test_formatting_a_long_number_keeps_every_digit() -> None:
    """A number of 200 000 digits is written whole, grouped by three."""
    text = format_number(Decimal("9" * 200_000), group=" ")
    assert text.replace(" ", "") == "9" * 200_000
    assert text.startswith("99 999 ") and set(text.split(" ")[1:]) == {"999"}


class TooSlow(Exception):
    """The deadline passed."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise TooSlow in pure-Python work that runs longer than seconds (main thread only)."""

    def alarm(signum: int, frame: object) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_long_name_in_the_list_table_is_shortened() -> None:
    """A name of 200 000 characters shows its start and how much more there is, in the width."""
    from hankkeet.render.table import render_project_table

    name = "Otsikko " + prose(200_000)
    projects = [p.project for p in parse_text(name + "\n\n" + PERIOD + "Budjetti: 5 €\n").projects]
    assert [p.name for p in projects] == [" ".join(name.split())]
    with deadline(HANG_AFTER):
        table = render_project_table(projects, 100, False)
    assert max(len(line) for line in table.splitlines()) <= 100
    assert "Otsikko " in table and "more" in table and "characters)" in table
