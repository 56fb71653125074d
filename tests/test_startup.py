"""Starting fast: a run loads only the module of its command, and nothing else changes.

What a run imports is checked here; how long it takes is measured by benchmarks/run.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TEST_ENV, run_process
from hankkeet.cli.application import COMMAND_MODULES, command_name, load_commands

# (arguments after the program name, the command they name, why)
COMMAND_NAMES: list[tuple[list[str], str | None, str]] = [
    ([], None, "no arguments: help"),
    (["--help"], None, "help of the app"),
    (["-h"], None, "the short help option"),
    (["list"], "list", "the command alone"),
    (["list", "--format", "json"], "list", "options after the command are the command's"),
    (["--debug", "totals"], "totals", "a global flag first"),
    (["--lang", "fi", "search", "x"], "search", "--lang takes a value"),
    (["--lang", "list", "show"], "show", "the value of --lang is not the command"),
    (["--lang=fi", "diff", "a", "b"], "diff", "--lang=VALUE is one word"),
    (["--no-config", "--debug", "validate"], "validate", "several global flags"),
    (["--lang"], None, "--lang with no value"),
    (["--", "timeline"], "timeline", "after -- the next word is the command"),
    (["lisst"], "lisst", "an unknown word is returned as it is"),
    (["--install-completion"], None, "completion options name no command"),
]


def test_command_names_are_unique_cases() -> None:
    assert len({tuple(argv) for argv, _, _ in COMMAND_NAMES}) == len(COMMAND_NAMES)


@pytest.mark.parametrize(("argv", "expected", "why"), COMMAND_NAMES, ids=lambda v: str(v))
def test_command_name(argv: list[str], expected: str | None, why: str) -> None:
    assert command_name(argv) == expected, why


def test_command_modules_say_where_every_command_is_defined() -> None:
    app = load_commands()
    defined = {
        command.name: command.callback.__module__
        for command in app.registered_commands
        if command.callback is not None
    }
    assert defined == COMMAND_MODULES
    # Help lists them in this order, whichever module was loaded first.
    assert [command.name for command in app.registered_commands] == list(COMMAND_MODULES)


def test_an_unknown_name_loads_every_command() -> None:
    app = load_commands(["lisst"])
    assert {command.name for command in app.registered_commands} == set(COMMAND_MODULES)


LOADED = """
import json, sys
sys.argv = ["hankkeet", *json.loads(sys.argv[1])]
from hankkeet.cli import main
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
sys.stderr.write("\\nLOADED " + json.dumps(sorted(sys.modules)) + "\\n")
"""


def loaded_modules(*args: str) -> set[str]:
    """The modules a real run of `hankkeet ARGS` has imported by its end."""
    done = subprocess.run(
        [sys.executable, "-c", LOADED, json.dumps(args)],
        capture_output=True,
        env={**os.environ, **TEST_ENV},
        timeout=120,
        check=False,
    )
    marker = done.stderr.decode("utf-8").rsplit("\nLOADED ", 1)[1]
    return set(json.loads(marker))


def test_list_as_json_loads_only_what_it_needs() -> None:
    loaded = loaded_modules("list", "--format", "json")
    assert "hankkeet.cli.records" in loaded
    unwanted = {
        "hankkeet.cli.diff",
        "hankkeet.cli.search",
        "hankkeet.cli.totals",
        "hankkeet.cli.validate",
        "hankkeet.search",  # the search index
        "rich",  # machine formats need no Rich
        "sqlite3",
    }
    assert loaded & unwanted == set()


def test_help_still_lists_every_command() -> None:
    run = run_process("--help")
    commands = run.stdout.split("Commands:", 1)[1].split()
    listed = [word for word in commands if word in COMMAND_MODULES]
    assert listed == list(COMMAND_MODULES)


def test_an_unknown_command_still_suggests_the_known_one() -> None:
    run = run_process("lisst")
    assert run.exit_code == 2
    assert "no such command 'lisst' (did you mean 'list'?)" in run.stderr


def test_version_needs_no_command() -> None:
    loaded = loaded_modules("--version")
    assert not any(name.startswith("hankkeet.cli.") for name in loaded)


@pytest.mark.parametrize("args", [["list"], ["list", "--format", "json"]], ids=" ".join)
def test_reading_the_embedded_data_loads_no_other_kind_of_input(args: list[str]) -> None:
    """Web pages, PDFs, register exports and addresses are read by modules loaded only when
    such an input is read (issue 24): the embedded text loads none of them."""
    loaded = loaded_modules(*args)
    assert not {name for name in loaded if name.startswith("hankkeet.inputs")}
    assert loaded & {"html.parser", "urllib.request", "pypdf", "openpyxl"} == set()


def test_a_web_page_loads_its_reader_only(tmp_path: Path) -> None:
    page = tmp_path / "sivu.html"
    page.write_text("<h1>Hanke</h1><p>Budjetti: 1 000 €</p>", encoding="utf-8")
    loaded = loaded_modules("list", "--format", "json", str(page))
    assert {"hankkeet.inputs", "hankkeet.inputs.html", "html.parser"} <= loaded
    assert not loaded & {"hankkeet.inputs.pdf", "hankkeet.inputs.tables", "pypdf", "openpyxl"}
