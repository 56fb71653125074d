"""Configuration files found upwards from the current folder, and shell completion."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, SEED, TEST_ENV, Run, cli
from hankkeet.config import NO_CONFIG, ConfigError, discover


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with the seed under data/ and a nested work folder."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "kemi.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "work" / "deep").mkdir(parents=True)
    return tmp_path


def test_pyproject_table_is_found_from_a_subfolder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.hankkeet]\npaths = ["data/kemi.txt"]\n'
        'format = "jsonl"\nlanguage = "fi"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(project / "work" / "deep")
    config = discover(Path.cwd())
    assert config.source == project / "pyproject.toml" and config.language == "fi"
    run = cli("list")
    assert run.exit_code == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(records) == 8
    assert {r["source"]["path"] for r in records} == {str(project / "data" / "kemi.txt")}


def test_command_line_wins(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "hankkeet.toml").write_text('paths = ["data"]\nformat = "json"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    rows = list(csv.reader(io.StringIO(cli("list", "--format", "csv").stdout)))
    assert len(rows) == 9
    one = FIXTURES / "rules" / "empty-field.txt"
    assert len(json.loads(cli("list", str(one)).stdout)) == 1  # PATH beats paths
    # A format the command does not have is left to that command's default.
    assert cli("timeline").exit_code == 0


@pytest.mark.parametrize(
    ("value", "expected", "why"),
    [
        ("", 1, "unset: the configured paths (one project)"),
        ("   ", 1, "blank is unset too, as the reader takes it: not the embedded data"),
        (str(SEED), 8, "the file it names (the seed's 8 projects) beats paths"),
    ],
)
def test_hankkeet_source_against_configured_paths(
    project: Path, monkeypatch: pytest.MonkeyPatch, value: str, expected: int, why: str
) -> None:
    (project / "one").mkdir()
    (project / "one" / "one.txt").write_bytes((FIXTURES / "rules" / "empty-field.txt").read_bytes())
    (project / "hankkeet.toml").write_text('paths = ["one"]\nformat = "json"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    run = cli("list", env={"HANKKEET_SOURCE": value})
    assert run.exit_code == 0, run.stderr
    assert len(json.loads(run.stdout)) == expected, why


def test_hankkeet_toml_wins_over_pyproject_and_the_nearest_folder_wins(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "pyproject.toml").write_text('[tool.hankkeet]\nformat = "csv"\n', encoding="utf-8")
    (project / "hankkeet.toml").write_text('format = "jsonl"\n', encoding="utf-8")
    (project / "work" / "pyproject.toml").write_text(
        '[project]\nname = "no-table"\n', encoding="utf-8"
    )
    monkeypatch.chdir(project / "work")
    # work/pyproject.toml has no [tool.hankkeet]: the search goes on upwards.
    assert discover(Path.cwd()).output_format == "jsonl"
    (project / "work" / "hankkeet.toml").write_text('format = "markdown"\n', encoding="utf-8")
    assert discover(Path.cwd()).output_format == "markdown"


def test_select_ignore_and_strict_for_validate(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    (project / "hankkeet.toml").write_text(
        'paths = ["data"]\nignore = ["funding-sum-mismatch"]\n', encoding="utf-8"
    )
    assert cli("validate").exit_code == 0  # the only error is ignored
    assert cli("validate", "--ignore", "preamble").exit_code == 1  # the option replaces it
    (project / "hankkeet.toml").write_text(
        'paths = ["data"]\nselect = ["empty-field", "title-typo"]\nstrict = true\n',
        encoding="utf-8",
    )
    run = cli("validate", "--format", "json")
    assert run.exit_code == 1  # warnings fail under strict
    assert {d["code"] for d in json.loads(run.stdout)["diagnostics"]} == {
        "empty-field",
        "title-typo",
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('colour = "red"\n', "unknown setting 'colour'"),
        ("strict = 1\n", "'strict' must be true or false"),
        ("paths = 3\n", "'paths' must be a list of strings"),
        ("paths = [\n", "not valid TOML"),
    ],
)
def test_a_bad_configuration_is_one_line(
    project: Path, monkeypatch: pytest.MonkeyPatch, content: str, message: str
) -> None:
    (project / "hankkeet.toml").write_text(content, encoding="utf-8")
    monkeypatch.chdir(project)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        discover(project)
    run = cli("list")
    assert run.exit_code == 2 and message in run.stderr and "hankkeet.toml" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_an_unknown_rule_in_the_configuration_names_the_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "hankkeet.toml").write_text('select = ["fundin-sum-mismatch"]\n', encoding="utf-8")
    monkeypatch.chdir(project)
    run = cli("validate")
    assert run.exit_code == 2 and "hankkeet.toml" in run.stderr


def test_no_config_ignores_the_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "hankkeet.toml").write_text('colour = "red"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    assert cli("--no-config", "list", "--format", "jsonl").exit_code == 0


def test_no_file_means_no_config(tmp_path: Path) -> None:
    # Nothing in the temporary folder or above it (/tmp, /) configures hankkeet.
    assert discover(tmp_path) == NO_CONFIG


def test_completion_is_on() -> None:
    assert "--install-completion" in cli("--help").stdout
    run = installed(
        env={
            "_HANKKEET_COMPLETE": "complete_bash",
            "COMP_WORDS": "hankkeet list --sort c",
            "COMP_CWORD": "3",
        }
    )
    assert run.exit_code == 0 and run.stdout.split() == ["city-share"]
    shown = installed("--show-completion", "bash")
    assert shown.exit_code == 0 and "_HANKKEET_COMPLETE" in shown.stdout


def installed(*args: str, env: dict[str, str] | None = None) -> Run:
    """Run the installed `hankkeet` script, as a shell's completion calls it."""
    script = Path(sys.executable).parent / "hankkeet"
    done = subprocess.run(
        [str(script), *args],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, **TEST_ENV, **(env or {})},
    )
    return Run(done.returncode, done.stdout.decode(), done.stderr.decode())


def test_a_configured_file_format_needs_a_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "hankkeet.toml").write_text('paths = ["data"]\nformat = "xlsx"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    assert "Harrastusten" in cli("list").stdout  # no file named: the table, not a refusal
    assert cli("list", "-o", "out.xlsx").exit_code == 0
    assert (project / "out.xlsx").read_bytes()[:2] == b"PK"  # a zip: the workbook


def test_configured_language_applies_and_lang_wins(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "hankkeet.toml").write_text('paths = ["data"]\nlanguage = "fi"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    run = cli("list", env={"COLUMNS": "160"})
    assert run.exit_code == 0, run.stderr
    assert "Budjetti" in run.stdout and "8 hanketta" in run.stderr
    english = cli("--lang", "en", "list", env={"COLUMNS": "160"})
    assert "Budget" in english.stdout and "Budjetti" not in english.stdout
    assert (
        "Budget" in cli("--no-config", "list", str(project / "data"), env={"COLUMNS": "160"}).stdout
    )
    # The configured language beats the locale (it is the more specific choice).
    assert "Budjetti" in cli("list", env={"COLUMNS": "160", "LANG": "en_US.UTF-8"}).stdout


def test_configured_language_must_be_known(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "hankkeet.toml").write_text('language = "sv"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    run = cli("list")
    assert run.exit_code == 2 and "'language' must be one of: fi, en" in run.stderr
