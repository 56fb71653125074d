"""The progress bar: on a terminal's stderr while reading takes a while, and nowhere else.

Whether stderr is a terminal is one function the tests force; the delay before the bar
appears is set to nothing, so a small input shows it too (no test waits or times).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SEED, TEST_ENV, Run, cli
from hankkeet.cli import app
from hankkeet.cli.progress import ReadingProgress
from hankkeet.locale import Language, use_language
from hankkeet.reading.sources import resolve

# A terminal that can redraw a line (the suite's TERM=dumb cannot: no bar there).
XTERM = {"TERM": "xterm"}
BAR = re.compile(r"(Reading|Luetaan)\s.*\d/\d+(\.\d+)? [kMG]?B")
COUNTED = re.compile(r"\d+ projects?\b")


@pytest.fixture
def at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bar appears at once and is drawn on every line read."""
    monkeypatch.setattr("hankkeet.cli.progress.DELAY", 0.0)
    monkeypatch.setattr("hankkeet.cli.progress.REFRESH", 0.0)
    monkeypatch.setattr("hankkeet.cli.progress.EVERY", 1)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch, at_once: None) -> None:
    """stderr is a terminal; stdout is not (it is captured)."""
    monkeypatch.setattr("hankkeet.cli.progress.stderr_is_terminal", lambda: True)


# (arguments, why)
COMMANDS = [
    (["list", "--format", "jsonl"], "rows streamed to a pipe"),
    (["list"], "a table written when reading ends"),
    (["totals", "--format", "json"], "totals"),
    (["search", "kemi"], "search"),
    (["show", "harrastusten"], "one project"),
]


def on_xterm(*args: str) -> Run:
    """A run on an xterm (when stderr counts as a terminal)."""
    return cli(*args, env=XTERM)


def plain(*args: str) -> tuple[str, str]:
    """stdout and stderr of a run with no bar."""
    done = on_xterm(*args, str(SEED))
    return done.stdout, done.stderr


@pytest.mark.parametrize(("args", "why"), COMMANDS, ids=[c[1] for c in COMMANDS])
def test_on_a_terminal_the_bar_goes_to_stderr_only(
    args: list[str], why: str, monkeypatch: pytest.MonkeyPatch, at_once: None
) -> None:
    stdout, stderr = plain(*args)
    monkeypatch.setattr("hankkeet.cli.progress.stderr_is_terminal", lambda: True)
    run = on_xterm(*args, str(SEED))
    assert BAR.search(run.stderr), why
    assert run.stdout == stdout, "the bar never touches stdout"
    assert run.stderr.endswith(stderr), "the notes come after the bar, whole"


def test_the_bar_counts_projects(terminal: None) -> None:
    run = on_xterm("list", "--format", "jsonl", str(SEED))
    assert COUNTED.search(run.stderr)


@pytest.mark.parametrize(("args", "why"), COMMANDS, ids=[c[1] for c in COMMANDS])
def test_without_a_terminal_nothing_more_goes_to_stderr(
    args: list[str], why: str, at_once: None
) -> None:
    run = on_xterm(*args, str(SEED))
    assert not BAR.search(run.stderr), why
    assert "\x1b" not in run.stderr


def test_quiet_shows_no_bar(monkeypatch: pytest.MonkeyPatch, at_once: None) -> None:
    stdout, stderr = plain("list", "--format", "jsonl")
    monkeypatch.setattr("hankkeet.cli.progress.stderr_is_terminal", lambda: True)
    run = on_xterm("--quiet", "list", "--format", "jsonl", str(SEED))
    assert stderr, "without --quiet the counts are said"
    assert (run.stdout, run.stderr) == (stdout, ""), "--quiet: no bar, and no counts"
    run = on_xterm("-q", "totals", str(SEED))
    assert not BAR.search(run.stderr)


def test_rows_on_the_same_terminal_make_the_bar_give_way(
    monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    """Rows streamed to the terminal the bar is drawn on would tear it: the bar is gone
    before the first row and is not drawn again."""
    monkeypatch.setattr("hankkeet.cli.progress.stdout_is_terminal", lambda: True)
    with use_language(Language.EN):
        screen = CliRunner().invoke(
            app, ["list", "--format", "jsonl", str(SEED)], env={**TEST_ENV, **XTERM}
        )
    first_row = screen.output.index('{"id"')
    assert "Reading" not in screen.output[first_row:]
    assert screen.output.endswith("}\n8 projects\n1 project has errors; run 'hankkeet validate'\n")
    # The table waits for the end of reading: the bar can be shown all along.
    assert BAR.search(on_xterm("list", str(SEED)).stderr)


def test_validate_shows_bytes_read(monkeypatch: pytest.MonkeyPatch, at_once: None) -> None:
    before = on_xterm("validate", "--format", "json", str(SEED))
    monkeypatch.setattr("hankkeet.cli.progress.stderr_is_terminal", lambda: True)
    with_bar = on_xterm("validate", "--format", "json", str(SEED))
    assert BAR.search(with_bar.stderr) and not COUNTED.search(with_bar.stderr)
    assert with_bar.stdout == before.stdout
    assert with_bar.exit_code == before.exit_code


def test_the_bar_speaks_the_language(terminal: None) -> None:
    run = on_xterm("--lang", "fi", "list", "--format", "jsonl", str(SEED))
    assert "Luetaan" in run.stderr and "Reading" not in run.stderr


def test_an_unusable_input_takes_the_bar_away_before_the_message(
    terminal: None, tmp_path: os.PathLike[str]
) -> None:
    broken = os.path.join(tmp_path, "nul.txt")
    with open(broken, "wb") as f:
        f.write(b"Hanke\n\x00\n")
    run = on_xterm("list", "--format", "jsonl", str(SEED), broken)
    assert run.exit_code == 2
    assert run.stderr.rstrip("\n").endswith("contains NUL bytes; not a text file")


CHILD = (
    "import sys, hankkeet.cli.progress as p\n"
    "p.DELAY = p.REFRESH = 0.0\n"
    "sys.argv = ['hankkeet', *sys.argv[1:]]\n"
    "from hankkeet.cli import main\n"
    "main()\n"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pseudo-terminal")
def test_a_real_terminal_gets_the_bar_and_the_pipe_gets_the_data() -> None:
    """stderr on a pseudo-terminal, stdout a pipe: the bar is drawn, the data is intact."""
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, **TEST_ENV, "TERM": "xterm"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, "list", "--format", "jsonl", str(SEED)],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    screen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    stdout, _ = child.communicate(timeout=120)
    os.close(master)
    assert child.returncode == 0
    assert BAR.search(screen.decode("utf-8", "replace"))
    assert stdout.decode("utf-8") == plain("list", "--format", "jsonl")[0]


def test_bytes_read_add_up_to_the_sources_sizes(tmp_path: Path) -> None:
    """Each source counts its whole size once its lines are read, however often it opens."""
    other = tmp_path / "other.txt"
    other.write_bytes(SEED.read_bytes()[:3000])
    sources = resolve([str(SEED), str(other)])
    progress = ReadingProgress(sources)
    assert progress.total == SEED.stat().st_size + 3000
    watched = progress.watched(sources)
    with watched[0].lines():
        pass  # opened and never read (validate does this first): nothing counted
    assert progress.done == 0
    for source, unwatched in zip(watched, sources, strict=True):
        with source.lines() as lines, unwatched.lines() as expected:
            assert list(lines) == list(expected)  # the lines themselves are untouched
    assert progress.done == progress.total
    assert not progress.enabled  # everything read: the bar is off
