"""The command runs at all: help, version, the embedded data."""

from __future__ import annotations

from conftest import cli, run_process


def test_version() -> None:
    run = cli("--version")
    assert run.exit_code == 0
    assert run.stdout.startswith("hankkeet ")


def test_python_m_lists_embedded_data() -> None:
    run = run_process("list", "--format", "jsonl")
    assert run.exit_code == 0, run.stderr
    assert len(run.stdout.splitlines()) == 8


def _command_names() -> list[str]:
    from hankkeet.cli import app

    return [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]


def test_every_registered_command_has_help_with_an_example() -> None:
    names = _command_names()
    assert {"list", "show", "schema", "validate", "totals", "timeline", "search"} <= set(names)
    for name in names:
        run = cli(name, "--help")
        assert run.exit_code == 0, name
        assert "Example: hankkeet " + name in run.stdout, f"{name} --help has no example"
