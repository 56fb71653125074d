"""The README's examples are the tool's real output, and its Quick start works as written.

Every ```console block that starts with `$ hankkeet ...` is run at 80 columns without
colour, in English; the block must equal what the command writes (stdout, then stderr).
After a deliberate change of output, rewrite the blocks with UPDATE_README=1.
"""

from __future__ import annotations

import os
import re
import shlex

import pytest

from conftest import ROOT, cli

README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n\$ (hankkeet[^\n]*)\n(.*?)```", re.DOTALL)
WIDTH = "80"


def real_output(command: str) -> str:
    """What the command writes at 80 columns: stdout, then the notes on stderr."""
    run = cli(*shlex.split(command)[1:], env={"COLUMNS": WIDTH})
    return run.stdout + run.stderr


def examples() -> list[tuple[str, str]]:
    return [(m[1], m[2]) for m in BLOCK.finditer(README.read_text(encoding="utf-8"))]


def test_the_readme_has_examples() -> None:
    commands = [c for c, _ in examples()]
    assert {
        "hankkeet list --active 2022",
        "hankkeet totals --by-program",
        "hankkeet validate",
    } <= set(commands)


@pytest.mark.parametrize(("command", "shown"), examples(), ids=[c for c, _ in examples()])
def test_readme_example_is_real_output(command: str, shown: str) -> None:
    real = real_output(command)
    if os.environ.get("UPDATE_README") and real != shown:
        text = README.read_text(encoding="utf-8")
        old = f"```console\n$ {command}\n{shown}```"
        README.write_text(
            text.replace(old, f"```console\n$ {command}\n{real}```"), encoding="utf-8"
        )
        return
    assert shown == real, f"README example '{command}' differs; run with UPDATE_README=1"


def quick_start() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return block.strip().splitlines()


def test_quick_start_is_two_lines_that_work_on_an_externally_managed_python() -> None:
    lines = quick_start()
    assert len(lines) == 2, "run the main job; run the tests"
    for line in lines:
        # PEP 668: a fresh Debian refuses 'pip install' into the system Python.
        assert line.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install ")
    assert lines[0].endswith("&& hankkeet list --active 2022")
    assert lines[1].endswith("&& pytest")


def test_ci_runs_the_readme_test_command() -> None:
    # .ci/run has its own venv and runs one command per line: the install, then the tests.
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    steps = quick_start()[1].split(" && ")
    assert steps[-2:] == ["pip install -e '.[test]'", "pytest"]
    assert steps[-2] in ci and steps[-1] in ci
