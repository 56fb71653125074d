"""`hankkeet diff OLD NEW` on real files: added, removed, renamed, changed; exit like diff."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import SEED, cli
from hankkeet.diff import ChangeKind, diff_projects
from hankkeet.reading.parser import parse_text
from hankkeet.render.diff import DiffFormat, render_diff

HARR = "harrastusten-jaanmurtajahanke"
TEXT = SEED.read_text(encoding="utf-8")
LINES = TEXT.split("\n")


def edited(tmp_path: Path, name: str, edits: dict[int, str | None], extra: str = "") -> Path:
    """A copy of the seed with 1-based lines replaced (None drops the line), text appended."""
    lines = [edits.get(i + 1, line) for i, line in enumerate(LINES)]
    path = tmp_path / name
    path.write_text("\n".join(x for x in lines if x is not None) + extra, encoding="utf-8")
    return path


def diff_json(old: Path, new: Path) -> tuple[dict[str, Any], int]:
    run = cli("diff", str(old), str(new), "--format", "json")
    assert run.exit_code in (0, 1), run.stderr
    document: dict[str, Any] = json.loads(run.stdout)
    return document, run.exit_code


def test_the_same_version_exits_0(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED.read_bytes())
    document, code = diff_json(SEED, copy)
    assert code == 0 and document["changed"] is False and document["changes"] == []
    assert document["counts"]["unchanged"] == 8
    table = cli("diff", str(SEED), str(copy))
    assert table.exit_code == 0 and table.stdout == ""
    assert "8 unchanged" in table.stderr


def test_a_changed_field_has_old_and_new_value_and_line(tmp_path: Path) -> None:
    assert LINES[68].startswith("Budjetti")  # line 69, Harrastusten jäänmurtajahanke
    new = edited(tmp_path, "new.txt", {69: LINES[68].replace("875", "975")})
    document, code = diff_json(SEED, new)
    assert code == 1
    (change,) = document["changes"]
    assert change["kind"] == "changed" and change["id"] == HARR
    assert change["fields"] == [
        {"field": "budget", "old": 61875, "new": 61975, "old_line": 69, "new_line": 69}
    ]


def test_a_renamed_project_is_matched_by_content(tmp_path: Path) -> None:
    assert LINES[64] == "Harrastusten jäänmurtajahanke"
    new = edited(tmp_path, "new.txt", {65: "Harrastusten jäänmurtaja -hanke"})
    document, code = diff_json(SEED, new)
    assert code == 1
    (change,) = document["changes"]
    assert change["kind"] == "renamed"
    assert (
        change["old"]["id"] == HARR and change["new"]["name"] == "Harrastusten jäänmurtaja -hanke"
    )
    assert [f["field"] for f in change["fields"]] == ["name"]
    assert document["counts"] == {
        "added": 0,
        "removed": 0,
        "renamed": 1,
        "changed": 0,
        "unchanged": 7,
    }


def test_added_and_removed_projects(tmp_path: Path) -> None:
    # Drop the Harrastusten project (lines 65-73) and add an unrelated one at the end.
    dropped = dict.fromkeys(range(65, 74))
    assert LINES[72].startswith("Tiivistelmä")
    new = edited(
        tmp_path,
        "new.txt",
        dropped,
        extra=(
            "\nUusi kokeiluhanke\n\nRahoitus ja ohjelma: AKKE\n"
            "Toiminta-aika: 1.1.2025 – 31.12.2026\nBudjetti koko toiminta-ajalle: 10 000 euroa\n"
            "Tiivistelmä: Aivan uusi asia.\n"
        ),
    )
    document, code = diff_json(SEED, new)
    assert code == 1
    kinds = {c["kind"]: c for c in document["changes"]}
    assert set(kinds) == {"added", "removed"}
    assert kinds["removed"]["id"] == HARR and kinds["removed"]["new"] is None
    assert kinds["added"]["new"]["name"] == "Uusi kokeiluhanke"
    assert kinds["added"]["old"] is None


def test_markdown_and_table_show_the_change(tmp_path: Path) -> None:
    new = edited(tmp_path, "new.txt", {69: LINES[68].replace("875", "975")})
    markdown = cli("diff", str(SEED), str(new), "--format", "markdown")
    assert markdown.exit_code == 1
    assert (
        "| changed | Harrastusten jäänmurtajahanke | budget | 61\u00a0875\u00a0€ | "
        "61\u00a0975\u00a0€ | 69 |" in markdown.stdout
    )
    assert markdown.stdout.startswith("**0 added, 0 removed, 0 renamed, 1 changed")
    table = cli("diff", str(SEED), str(new))
    assert table.exit_code == 1 and "61\u00a0975\u00a0€" in table.stdout


@pytest.mark.parametrize(
    ("lang", "words", "summary"),
    [
        ("en", ("Change", "Old", "New", "changed"), "1 changed, 7 unchanged"),
        ("fi", ("Muutos", "Vanha", "Uusi", "muuttunut"), "1 muuttunut, 7 ennallaan"),
    ],
)
def test_table_and_summary_speak_the_language(
    tmp_path: Path, lang: str, words: tuple[str, ...], summary: str
) -> None:
    new = edited(tmp_path, "new.txt", {69: LINES[68].replace("875", "975")})
    for width in ("60", "160"):
        table = cli("--lang", lang, "diff", str(SEED), str(new), env={"COLUMNS": width})
        assert table.exit_code == 1
        assert all(word in table.stdout for word in words), table.stdout
        assert max(len(line) for line in table.stdout.splitlines()) <= int(width)
        assert summary in table.stderr
    # The Markdown is for a review and keeps its column names and kinds in every language.
    markdown = cli("--lang", "fi", "diff", str(SEED), str(new), "--format", "markdown")
    assert "| change | project |" in markdown.stdout and "| changed |" in markdown.stdout


def test_diff_reads_standard_input_and_writes_a_file(tmp_path: Path) -> None:
    new = edited(tmp_path, "new.txt", {69: LINES[68].replace("875", "975")})
    target = tmp_path / "changes.json"
    run = cli("diff", "-", str(new), "-o", str(target), input=SEED.read_bytes())
    assert run.exit_code == 1 and run.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["changes"][0]["id"] == HARR


def test_an_unreadable_version_exits_2(tmp_path: Path) -> None:
    run = cli("diff", str(SEED), str(tmp_path / "missing.txt"))
    assert run.exit_code == 2 and run.stderr.startswith("hankkeet: ")


def test_money_stays_exact_in_json() -> None:
    old = [p.project for p in parse_text(TEXT).projects]
    new = [p.model_copy(update={"budget": Decimal("0.10")}) if p.id == HARR else p for p in old]
    result = diff_projects(old, new)
    assert [c.kind for c in result.changes] == [ChangeKind.CHANGED]
    field = json.loads(render_diff(result, DiffFormat.JSON), parse_float=Decimal)["changes"][0][
        "fields"
    ][0]
    assert (field["old"], field["new"]) == (61875, Decimal("0.1"))


@pytest.mark.parametrize("fmt", list(DiffFormat), ids=str)
def test_every_format_renders(fmt: DiffFormat) -> None:
    old = [p.project for p in parse_text(TEXT).projects]
    same = render_diff(diff_projects(old, old), fmt)
    changed = render_diff(diff_projects(old, old[1:]), fmt)
    match fmt:
        case DiffFormat.JSON:
            assert json.loads(same)["changes"] == []
            assert json.loads(changed)["counts"]["removed"] == 1
        case DiffFormat.TABLE:
            assert same == "" and "removed" in changed
        case DiffFormat.MARKDOWN:
            assert "8 unchanged" in same and "| removed |" in changed
