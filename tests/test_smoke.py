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
