"""Commands say what they did: how many projects, which filter, errors, inputs without any."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SEED, cli

HARR = "harrastusten-jaanmurtajahanke"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder: the seed in a sub-folder with an upper-case suffix, and an empty file."""
    (tmp_path / "sub").mkdir()
    shutil.copy(SEED, tmp_path / "sub" / "KEMI.TXT")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "junk.txt").write_text("Hanke\nBudjetti: 5 €\n", encoding="utf-8")
    return tmp_path


# (command, the note on stderr, why)
NOTES = [
    (["list"], "8 projects", "how many"),
    (["list", "--active", "2023"], "4 of 8 projects match --active 2023", "which filter"),
    (["totals", "--by-program"], "8 projects", "totals too"),
    (["search", "korona"], "8 projects", "search too"),
    (["list"], "1 project has errors; run 'hankkeet validate'", "errors are not silent"),
    (["totals"], "1 project has errors; run 'hankkeet validate'", "a sum with a bad project"),
]


@pytest.mark.parametrize(("args", "expected", "why"), NOTES, ids=[n[2] for n in NOTES])
def test_notes(args: list[str], expected: str, why: str) -> None:
    run = cli(*args)
    assert run.exit_code == 0, run.stderr
    assert expected in run.stderr, why


def test_notes_table_is_unique() -> None:
    assert len({n[2] for n in NOTES}) == len(NOTES)


def test_notes_in_finnish() -> None:
    run = cli("--lang", "fi", "list", "--active", "2023")
    assert "4/8 hanketta vastaa ehtoa --active 2023" in run.stderr
    assert "1 hankkeessa on virheitä; aja 'hankkeet validate'" in run.stderr


def test_a_filter_that_matches_nothing_is_not_an_error() -> None:
    run = cli("list", "--active", "2024")
    assert run.exit_code == 0
    assert run.stdout == "", "no empty box"
    assert "0 of 8 projects match --active 2024" in run.stderr


def test_an_input_without_projects_is_named_and_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    run = cli("list", str(empty))
    assert run.exit_code == 1
    assert f"{empty}: holds no project description" in run.stderr
    assert "no input holds a project description" in run.stderr
    assert run.stdout == ""


def test_folders_are_read_recursively_with_txt_in_any_case(folder: Path) -> None:
    run = cli("list", str(folder), "--format", "jsonl")
    assert run.exit_code == 0, run.stderr
    assert len(run.stdout.splitlines()) == 8, "the seed in sub/KEMI.TXT; .git is skipped"
    assert "empty.txt: holds no project description" in run.stderr


def test_an_unreadable_file_is_a_finding_and_the_rest_is_checked(folder: Path) -> None:
    (folder / "bad.txt").write_bytes(b"Hanke\x00\n")
    run = cli("validate", str(folder), "--format", "json")
    assert run.exit_code == 1, "a finding like any other"
    report = json.loads(run.stdout)
    codes = {d["code"] for d in report["diagnostics"]}
    assert "unreadable-file" in codes
    assert "funding-sum-mismatch" in codes, "the seed was still checked"
    assert report["stats"]["projects"] == 8


def test_a_missing_file_is_a_finding_too(tmp_path: Path) -> None:
    run = cli("validate", str(tmp_path / "nope.txt"), str(SEED))
    assert run.exit_code == 1
    assert "unreadable-file" in run.stdout and "funding-sum-mismatch" in run.stdout


def test_an_error_from_the_environment_names_the_variable() -> None:
    run = cli("list", env={"HANKKEET_SOURCE": "/no/such/file.txt"})
    assert run.exit_code == 2
    assert "$HANKKEET_SOURCE" in run.stderr


def test_excel_without_csv_is_a_usage_error() -> None:
    for command in ("list", "totals"):
        run = cli(command, "--excel")
        assert run.exit_code == 2
        assert "--excel applies to --format csv" in run.stderr


# (text, matches Jylkkä, why)
CONTACTS = [
    ("jylkka", True, "without ä, as search does"),
    ("JYLKKÄ", True, "any case"),
    ("jylkkä", True, "exactly"),
    ("jylkko", False, "another word"),
]


@pytest.mark.parametrize(("text", "found", "why"), CONTACTS, ids=[c[2] for c in CONTACTS])
def test_contact_folds_like_search(text: str, found: bool, why: str) -> None:
    run = cli("list", "--contact", text, "--format", "jsonl")
    assert (HARR in run.stdout) is found, why


# (what is typed, why)
SHOWS = [
    (HARR, "the id"),
    ("HARRASTUSTEN", "a start of the id, any case"),
    ("Harrastusten jäänmurtajahanke", "the name"),
    ("harrastusten jaanmurtajahanke", "the name without ä"),
]


@pytest.mark.parametrize(("ident", "why"), SHOWS, ids=[s[1] for s in SHOWS])
def test_show_matches_ids_and_names_like_search(ident: str, why: str) -> None:
    run = cli("show", ident, "--format", "json")
    assert run.exit_code == 0, why
    assert json.loads(run.stdout)["id"] == HARR


def test_list_shows_ids_on_request() -> None:
    run = cli("list", "--ids", env={"COLUMNS": "160"})
    assert HARR in run.stdout


# (path, passed to the hook, why)
HOOK_FILES = [
    ("hankkeet.txt", True, "a project file"),
    ("data/KEMI.TXT", True, "any case of .txt"),
    ("requirements.txt", False, "pip's file"),
    ("requirements-dev.txt", False, "pip's other files"),
    ("LICENSE.txt", False, "a licence"),
    ("docs/CHANGELOG.txt", False, "a change log in a folder"),
]


@pytest.mark.parametrize(("path", "passed", "why"), HOOK_FILES, ids=[h[2] for h in HOOK_FILES])
def test_pre_commit_hook_leaves_non_project_files_alone(path: str, passed: bool, why: str) -> None:
    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: hankkeet validate --ignore no-projects" in hook
    files = re.search(r"^  files: (.+)$", hook, re.MULTILINE)
    exclude = re.search(r"^  exclude: (.+)$", hook, re.MULTILINE)
    assert files and exclude
    chosen = bool(re.search(files[1], path)) and not re.search(exclude[1], path)
    assert chosen is passed, why


def test_validate_ignoring_no_projects_passes_on_requirements(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("requests>=2\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Just some notes.\n", encoding="utf-8")
    run = cli(
        "validate",
        "--ignore",
        "no-projects",
        str(tmp_path / "requirements.txt"),
        str(tmp_path / "notes.txt"),
        str(SEED),
    )
    assert run.exit_code == 1, "the real finding in the seed"
    assert "no-projects" not in run.stdout
