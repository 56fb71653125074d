"""Shared test helpers: the seed file, and running the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

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
    # A run chooses its language for the whole process; the library's own default (English)
    # comes back after it, so a Finnish run never leaks into the next test's library calls.
    with use_language(Language.EN):
        result = runner.invoke(
            app, list(args), input=input, env={**TEST_ENV, **(env or {})}, catch_exceptions=False
        )
    return Run(result.exit_code, result.stdout, result.stderr)


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
