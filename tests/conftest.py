"""Shared test helpers: the seed file, and running the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer
from typer import _click as click
from typer.testing import CliRunner, Result

from hankkeet.cli import app
from hankkeet.locale import Language, use_language

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "source.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Fixed width and no colour, so wrapping and styles never break assertions.
TEST_ENV = {
    "COLUMNS": "100",
    "NO_COLOR": "1",
    "HANKKEET_SOURCE": "",
    "TERM": "dumb",
    "LC_ALL": "",
    "LC_MESSAGES": "",
    "LANG": "C.UTF-8",
}


@dataclass
class Run:
    """What a command run gave: exit code, stdout, stderr."""

    exit_code: int
    stdout: str
    stderr: str


def cli(
    *args: str,
    input: str | bytes | None = None,  # noqa: A002  (CliRunner's name)
    env: dict[str, str] | None = None,
) -> Run:
    """Run the Typer app in-process (fast); stdout and stderr apart."""
    runner = CliRunner()
    command = command_of(app)
    # A run chooses its language for the whole process; the library's own default (English)
    # comes back after it, so a Finnish run never leaks into the next test's library calls.
    with (
        use_language(Language.EN),
        runner.isolation(input=input, env={**TEST_ENV, **(env or {})}) as (out, err, both),
    ):
        # What Typer's CliRunner.invoke does with the command it makes: no exception caught.
        try:
            command.main(args=list(args), prog_name=runner.get_default_prog_name(command))
            code = 0
        except SystemExit as exit_:
            code = exit_code_of(exit_.code)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        result = Result(
            runner=runner,
            stdout_bytes=out.getvalue(),
            stderr_bytes=err.getvalue(),
            output_bytes=both.getvalue(),
            return_value=None,
            exit_code=code,
            exception=None,
        )
    return Run(result.exit_code, result.stdout, result.stderr)


# The Click command Typer makes of the app, by the app's commands at the time.
_COMMANDS: dict[tuple[int, ...], click.Command] = {}


def command_of(app: typer.Typer) -> click.Command:
    """The Click command Typer makes of the app, made once while the app's commands stay the
    same, as a real process makes it once: making it (every option of every command read from
    its signature) took some 30 ms, more than most of the runs it serves, and Typer's
    CliRunner makes it again on every run."""
    key = (id(app), id(app.registered_callback), *map(id, app.registered_commands))
    if key not in _COMMANDS:
        _COMMANDS[key] = typer.main.get_command(app)
    return _COMMANDS[key]


def exit_code_of(code: object) -> int:
    """The exit code of a SystemExit's code, as Typer's CliRunner reads it: None is 0, a
    message (printed to stdout) is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stdout.write(f"{code}\n")
    return 1


def run_process(
    *args: str,
    input: bytes | None = None,  # noqa: A002  (subprocess's name)
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> Run:
    """Run `python -m hankkeet` as a real process: real exit codes, real streams."""
    full_env = {**os.environ, **TEST_ENV, **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "hankkeet", *args],
        input=input,
        capture_output=True,
        env=full_env,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return Run(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


# How a test runs the command: cli (in-process) or run_process (a real process).
Runner = Callable[..., Run]
# A table of exit codes and streams, run both ways: in-process in the fast loop, and as real
# `python -m hankkeet` processes (some 0.6 s each, most of it starting Python and importing)
# in the slow one. A real process of the same command stays in the fast loop beside each.
BOTH_RUNNERS = [
    pytest.param(cli, id="in-process"),
    pytest.param(run_process, id="process", marks=pytest.mark.slow),
]


@pytest.fixture
def seed() -> Path:
    """The real data file."""
    return SEED


def changed_copy(folder: Path) -> Path:
    """The seed with one budget changed, for `diff`."""
    text = SEED.read_text(encoding="utf-8")
    changed = text.replace("344 616 euroa", "344 617 euroa", 1)
    assert changed != text
    path = folder / "muutettu.txt"
    path.write_text(changed, encoding="utf-8")
    return path


def write_pdf(path: Path, pages: list[list[list[str]]]) -> Path:
    """A PDF of pages, each a list of rows, each row its cells (set 60 mm apart), written
    with fpdf2 (a test dependency: no PDF is checked in); the test is skipped without it."""
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.set_font("helvetica", size=10)
    for rows in pages:
        pdf.add_page()
        for cells in rows:
            for cell in cells[:-1]:
                pdf.cell(60, 6, cell)
            pdf.cell(0, 6, cells[-1] if cells else "", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


# Council minutes of three items, one of them a project (tests/test_pdf.py writes them as a
# PDF, and so does the mixed folder of tests/test_inputs.py).
MINUTES = [
    "Kemin kaupunki      PÖYTÄKIRJA      3/2022",
    "Kaupunginhallitus   14.3.2022",
    "",
    "§ 155 Talousarvion toteutuminen",
    "Kaupunginhallitus merkitsee tiedoksi talousarvion toteutuman.",
    "",
    "§ 156 Perämeren saaristomatkailun kehittämishanke",
    "Hankkeen kesto: 1.6.2021-31.5.2022",
    "Kokonaisbudjetti: 135 484 euroa",
    "Kaupungin osuus: 15 490 euroa",
    "Rahoitus: EAKR",
    "",
    "§ 157 Kokouksen päättäminen",
    "Puheenjohtaja päätti kokouksen klo 18.05.",
]
