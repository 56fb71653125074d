"""-o/--output, Excel workbooks and SQLite databases, read back through real readers."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from conftest import FIXTURES, SEED, cli
from hankkeet.export.output import atomic_path, format_for_path

HARR = "harrastusten-jaanmurtajahanke"


def projects_json() -> list[dict[str, object]]:
    """The seed's records, as `list --format json` gives them."""
    records: list[dict[str, object]] = json.loads(cli("list", "--format", "json").stdout)
    return records


# -- -o/--output and atomic writing ----------------------------------------------------------

# (file name, format it asks for, why)
EXTENSIONS = [
    ("out.json", "json", "JSON"),
    ("out.jsonl", "jsonl", "JSON Lines"),
    ("out.CSV", "csv", "extensions ignore case"),
    ("out.md", "markdown", "Markdown"),
    ("out.xlsx", "xlsx", "Excel"),
    ("out.sqlite", "sqlite", "SQLite"),
    ("out.db", "sqlite", "SQLite, datasette's usual name"),
    ("out.sarif", "sarif", "SARIF"),
    ("out.sarif.json", "sarif", "SARIF as GitHub names it"),
    ("out.txt", None, "no format for .txt: --format decides"),
]


@pytest.mark.parametrize(("name", "fmt", "why"), EXTENSIONS, ids=[e[2] for e in EXTENSIONS])
def test_format_follows_the_extension(name: str, fmt: str | None, why: str) -> None:
    assert format_for_path(Path(name)) == fmt, why


@pytest.mark.parametrize(
    ("name", "reader"),
    [
        ("h.json", lambda t: len(json.loads(t))),
        ("h.jsonl", lambda t: len([json.loads(line) for line in t.splitlines()])),
        ("h.csv", lambda t: len(list(csv.DictReader(io.StringIO(t))))),
        ("h.md", lambda t: t.count("\n") - 2),
    ],
)
def test_output_file_in_the_format_of_its_extension(
    tmp_path: Path, name: str, reader: object
) -> None:
    target = tmp_path / name
    run = cli("list", "-o", str(target))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    assert reader(target.read_text(encoding="utf-8")) == 8  # type: ignore[operator]


def test_format_option_wins_over_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "h.txt"
    assert cli("list", "-o", str(target), "--format", "jsonl").exit_code == 0
    assert len(target.read_text(encoding="utf-8").splitlines()) == 8


def test_a_failed_run_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "h.json"
    target.write_text("old", encoding="utf-8")
    run = cli("list", str(tmp_path / "missing.txt"), "-o", str(target))
    assert run.exit_code == 2
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.json"]


def test_a_writer_that_fails_midway_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "h.xlsx"
    target.write_bytes(b"old workbook")

    def broken(path: Path, sheets: object) -> None:
        path.write_bytes(b"half a work")
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr("hankkeet.export.xlsx.write_workbook", broken)
    run = cli("list", "-o", str(target))
    assert run.exit_code == 2 and "No space left" in run.stderr
    assert target.read_bytes() == b"old workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["h.xlsx"]


def test_atomic_path_replaces_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("new", encoding="utf-8")
        raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    with atomic_path(target) as temporary:
        temporary.write_text("new", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_folder_that_does_not_exist_is_one_line(tmp_path: Path) -> None:
    run = cli("list", "-o", str(tmp_path / "no" / "h.json"))
    assert run.exit_code == 2
    assert run.stderr.startswith("hankkeet: cannot write") and "h.json" in run.stderr
    assert ".part" not in run.stderr


@pytest.mark.parametrize("fmt", ["xlsx", "sqlite"])
def test_file_formats_need_a_file_name(fmt: str) -> None:
    run = cli("list", "--format", fmt)
    assert run.exit_code == 2 and "-o FILE" in run.stderr
    assert run.stdout == ""


def test_a_command_refuses_an_extension_it_cannot_write(tmp_path: Path) -> None:
    run = cli("totals", "-o", str(tmp_path / "t.sqlite"))
    assert run.exit_code == 2 and ".sqlite" in run.stderr
    assert list(tmp_path.iterdir()) == []


# -- Excel ------------------------------------------------------------------------------------


def test_list_workbook_reads_back_with_openpyxl(tmp_path: Path) -> None:
    target = tmp_path / "hankkeet.xlsx"
    run = cli("list", "-o", str(target))
    assert run.exit_code == 0, run.stderr
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["Hankkeet", "Diagnostiikka"]
    sheet = workbook["Hankkeet"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["id", "name", "programme"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(header))}9"
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(2, values_only=True)}
    assert len(rows) == 8
    records = {r["id"]: r for r in projects_json()}
    harr = rows[HARR]
    # Numbers are numbers, dates are dates, and they equal the JSON records.
    assert harr["budget"] == 61875 and Decimal(str(harr["budget"])) == Decimal(
        str(records[HARR]["budget"])
    )
    assert harr["start"] == datetime(2021, 8, 1)
    share = rows["kemin-akillisen-rakennemuutoksen-toimenpiteet-case-arm-agentti-hanke"]
    assert share["city_share"] == pytest.approx(4979.2) and share["city_share_year"] == 2021
    # The source line of each value stands in its own column.
    assert harr["budget_line"] == records[HARR]["lines"]["budget"]  # type: ignore[index]
    assert harr["name_line"] == harr["line"]
    column = header.index("budget") + 1
    cell = sheet.cell(2, column)
    assert cell.number_format == '#,##0.00\\ "€"'  # Finnish Excel shows 61 875,00 €
    assert sheet.cell(2, header.index("start") + 1).number_format == "d.m.yyyy"
    assert isinstance(sheet.cell(2, header.index("start") + 1).value, datetime)


def width(sheet: object, column: int) -> float:
    """A column's width as stored (openpyxl groups neighbouring columns of one width)."""
    for dimension in sheet.column_dimensions.values():  # type: ignore[attr-defined]
        if dimension.min <= column <= dimension.max:
            return float(dimension.width)
    raise AssertionError(f"column {column} has no width")


def test_workbook_columns_fit_their_text(tmp_path: Path) -> None:
    target = tmp_path / "h.xlsx"
    assert cli("list", "-o", str(target), "--columns", "id,name,budget").exit_code == 0
    sheet = openpyxl.load_workbook(target)["Hankkeet"]
    assert [c.value for c in sheet[1]] == ["id", "name", "budget", "name_line", "budget_line"]
    longest_name = max(len(str(r[1])) for r in sheet.iter_rows(2, values_only=True))
    assert width(sheet, 1) == pytest.approx(60, abs=1)  # long ids are capped at 60
    assert len("344 616,00 €") <= width(sheet, 3) < 20  # the money fits, with a little air
    assert longest_name > 60 and width(sheet, 2) <= 61
    assert width(sheet, 4) >= len("name_line")  # a header is never cut


def test_diagnostics_sheet_lists_the_findings(tmp_path: Path) -> None:
    target = tmp_path / "h.xlsx"
    assert cli("list", "-o", str(target)).exit_code == 0
    sheet = openpyxl.load_workbook(target)["Diagnostiikka"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("path", "line", "column", "severity", "code", "project", "message")
    report = json.loads(cli("validate", "--format", "json").stdout)
    assert [(r[4], r[1]) for r in rows[1:]] == [
        (d["code"], d["line"]) for d in report["diagnostics"]
    ]
    assert sheet.freeze_panes == "A2"


def test_totals_workbook(tmp_path: Path) -> None:
    target = tmp_path / "totals.xlsx"
    run = cli("totals", "--by-program", "-o", str(target))
    assert run.exit_code == 0, run.stderr
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["Yhteenveto", "Huomiot", "Diagnostiikka"]
    sheet = workbook["Yhteenveto"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    expected = json.loads(cli("totals", "--by-program", "--format", "json").stdout)
    total = dict(zip(header, rows[-1], strict=True))
    assert total["level"] == "total" and total["projects"] == 8
    assert total["budget"] == expected["total"]["budget"] == 1857889
    assert sheet.cell(2, header.index("budget") + 1).number_format == '#,##0.00\\ "€"'
    assert {r[1] for r in rows[1:-1]} == {r["programme"] for r in expected["rows"]}
    notes = [r[0] for r in workbook["Huomiot"].iter_rows(2, values_only=True)]
    assert notes == expected["notes"]


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    source = tmp_path / "h.txt"
    text = SEED.read_text(encoding="utf-8").replace(
        "Harrastusten jäänmurtajahanke", '=HYPERLINK("http://x")', 1
    )
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "h.xlsx"
    assert cli("list", str(source), "-o", str(target)).exit_code == 0
    sheet = openpyxl.load_workbook(target)["Hankkeet"]
    names = [r[1] for r in sheet.iter_rows(2, values_only=True)]
    cell = next(c for c in sheet["B"] if c.value and str(c.value).startswith("=HYPER"))
    assert cell.data_type == "s", names  # a string, never a formula


def test_missing_xlsx_extra_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)  # as if not installed
    run = cli("list", "-o", str(tmp_path / "h.xlsx"))
    assert run.exit_code == 2
    assert "pip install '.[xlsx]'" in run.stderr, "the extra, as a checkout installs it"
    assert "pip install XlsxWriter" in run.stderr, "or the one package, anywhere"
    assert list(tmp_path.iterdir()) == []


# -- SQLite -----------------------------------------------------------------------------------

Opener = Callable[[Path], sqlite3.Connection]


@pytest.fixture
def open_db() -> Iterator[Opener]:
    """Opens SQLite files for one test and closes them after it: a connection left open
    is a ResourceWarning from Python 3.13 on, and the suite turns warnings into errors."""
    opened: list[sqlite3.Connection] = []

    def open_(path: Path) -> sqlite3.Connection:
        opened.append(sqlite3.connect(path))
        return opened[-1]

    yield open_
    for db in opened:
        db.close()


def test_sqlite_tables_keys_and_exact_money(tmp_path: Path, open_db: Opener) -> None:
    target = tmp_path / "hankkeet.db"
    run = cli("list", "-o", str(target))
    assert run.exit_code == 0, run.stderr
    db = open_db(target)
    tables = {r[0] for r in db.execute("select name from sqlite_master where type='table'")}
    assert {
        "projects",
        "contacts",
        "funding_sources",
        "staff",
        "diagnostics",
        "projects_fts",
    } <= tables
    records = {r["id"]: r for r in projects_json()}
    for ident, cents in db.execute("select id, budget_cents from projects"):
        assert Decimal(cents) / 100 == Decimal(str(records[ident]["budget"]))
    one_year = db.execute(
        "select city_share_cents from projects where city_share_year = 2021"
    ).fetchone()[0]
    assert one_year == 497920  # 4 979,20 € exactly
    # Every child table points at its project.
    for table in ("contacts", "funding_sources", "staff"):
        keys = db.execute(f"pragma foreign_key_list({table})").fetchall()
        assert [(k[2], k[3], k[4]) for k in keys] == [("projects", "project_id", "id")]
    assert db.execute("pragma foreign_key_check").fetchall() == []
    contacts = db.execute("select count(*) from contacts").fetchone()[0]
    assert contacts == sum(len(cast(list[Any], r["contacts"])) for r in records.values())
    codes = [r[0] for r in db.execute("select code from diagnostics order by id")]
    report = json.loads(cli("validate", "--format", "json").stdout)
    assert codes == [d["code"] for d in report["diagnostics"]]


def test_sqlite_full_text_search(tmp_path: Path, open_db: Opener) -> None:
    target = tmp_path / "hankkeet.sqlite"
    assert cli("list", "-o", str(target)).exit_code == 0
    db = open_db(target)
    found = [
        r[0]
        for r in db.execute(
            "select projects.id from projects_fts join projects on projects.rowid = "
            "projects_fts.rowid where projects_fts match ? order by projects.id",
            ("rakennemuutoksen",),
        )
    ]
    assert len(found) == 2 and all("rakennemuutoksen" in i for i in found)
    # Summaries are indexed too; unicode61 folds ä so 'jaanmurtaja' style typing works.
    assert (
        db.execute(
            "select count(*) from projects_fts where projects_fts match "
            "'summary:harrastustoiminnan'"
        ).fetchone()[0]
        == 1
    )
    # datasette finds the index the way it looks for one: an FTS table with content=[projects].
    sql = db.execute("select sql from sqlite_master where name='projects_fts'").fetchone()[0]
    assert "USING FTS5" in sql and "content=[projects]" in sql


def test_sqlite_export_respects_filters(tmp_path: Path, open_db: Opener) -> None:
    target = tmp_path / "eakr.db"
    assert cli("list", "--programme", "EAKR", "-o", str(target)).exit_code == 0
    db = open_db(target)
    assert db.execute("select count(*) from projects").fetchone()[0] == 3
    assert (
        db.execute(
            "select count(*) from staff where project_id not in (select id from projects)"
        ).fetchone()[0]
        == 0
    )


def test_sqlite_replaces_an_existing_database(tmp_path: Path, open_db: Opener) -> None:
    target = tmp_path / "h.db"
    assert cli("list", "--programme", "EAKR", "-o", str(target)).exit_code == 0
    assert cli("list", "-o", str(target)).exit_code == 0
    assert open_db(target).execute("select count(*) from projects").fetchone()[0] == 8


def test_hostile_text_goes_into_both_files(tmp_path: Path, open_db: Opener) -> None:
    source = FIXTURES / "rules" / "unreadable-money.txt"
    for name in ("h.xlsx", "h.db"):
        run = cli("list", str(source), "-o", str(tmp_path / name))
        assert run.exit_code == 0, run.stderr
    assert openpyxl.load_workbook(tmp_path / "h.xlsx")["Diagnostiikka"].max_row >= 2
    db = open_db(tmp_path / "h.db")
    assert (
        db.execute("select count(*) from diagnostics where code='unreadable-money'").fetchone()[0]
        >= 1
    )


# -- columns, limit, reverse, sort ------------------------------------------------------------


def test_columns_choose_and_order_the_csv_columns() -> None:
    run = cli("list", "--columns", "name,budget,programme", "--format", "csv")
    assert run.exit_code == 0, run.stderr
    rows = list(csv.reader(io.StringIO(run.stdout)))
    assert rows[0] == ["name", "budget", "programme"] and len(rows) == 9


def test_columns_make_jsonl_flat_rows() -> None:
    run = cli("list", "--columns", "id,budget", "--format", "jsonl")
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert all(set(r) == {"id", "budget"} for r in rows)


def test_unknown_column_is_a_usage_error() -> None:
    run = cli("list", "--columns", "name,budjet", "--format", "csv")
    assert run.exit_code == 2 and "budjet" in run.stderr and "budget" in run.stderr


@pytest.mark.parametrize(
    ("sort", "field"),
    [("budget", "budget"), ("city-share", "city_share"), ("programme", "programme")],
)
def test_sort_limit_and_reverse(sort: str, field: str) -> None:
    rows = [
        json.loads(line)
        for line in cli("list", "--sort", sort, "--format", "jsonl").stdout.splitlines()
    ]
    values = [r[field] for r in rows if r[field] is not None]
    key = (lambda v: v.casefold()) if field == "programme" else (lambda v: v)
    assert values == sorted(values, key=key)
    backwards = [
        json.loads(line)
        for line in cli(
            "list", "--sort", sort, "--reverse", "--format", "jsonl"
        ).stdout.splitlines()
    ]
    assert [r[field] for r in backwards if r[field] is not None] == sorted(
        values, key=key, reverse=True
    )
    top = cli("list", "--sort", sort, "--reverse", "--limit", "2", "--format", "jsonl")
    assert [json.loads(line)["id"] for line in top.stdout.splitlines()] == [
        r["id"] for r in backwards[:2]
    ]


def test_search_as_jsonl_and_csv(tmp_path: Path) -> None:
    jsonl = cli("search", "rakennemuutos", "--format", "jsonl")
    assert jsonl.exit_code == 0
    lines = [json.loads(line) for line in jsonl.stdout.splitlines()]
    document = json.loads(cli("search", "rakennemuutos", "--format", "json").stdout)
    assert lines == document["results"]
    target = tmp_path / "found.csv"
    run = cli(
        "search",
        "kemi",
        "--columns",
        "name,budget",
        "--sort",
        "budget",
        "--reverse",
        "--limit",
        "3",
        "-o",
        str(target),
    )
    assert run.exit_code == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert list(rows[0]) == ["name", "budget"] and len(rows) == 3
    budgets = [Decimal(r["budget"]) for r in rows]
    assert budgets == sorted(budgets, reverse=True)


def test_columns_on_the_table() -> None:
    run = cli("list", "--columns", "name,budget", "--sort", "budget", "--limit", "1")
    assert run.exit_code == 0, run.stderr
    assert "Harrastusten jäänmurtajahanke" in run.stdout and "61\u00a0875\u00a0€" in run.stdout
    assert "Ohjelma" not in run.stdout and "Perämeren" not in run.stdout
    found = cli("search", "kemi", "--columns", "name,city_share", "--limit", "1")
    assert found.exit_code == 0 and "city_share" in found.stdout


def test_show_refuses_file_formats() -> None:
    # show's --format offers only its text formats; its help says where the files are.
    run = cli("show", HARR, "--format", "xlsx")
    assert run.exit_code == 2 and "'xlsx' is not one of: table, json" in run.stderr
    assert "hankkeet list -o FILE" in cli("show", "--help").stdout


@pytest.mark.parametrize("width", [60, 100, 160])
def test_columns_table_fits_the_width_and_takes_ids(width: int) -> None:
    run = cli("list", "--columns", "name,budget,programme", "--ids", env={"COLUMNS": str(width)})
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["id", "name", "budget", "programme"]
    assert max(len(line) for line in lines) <= width
    assert "8 projects" in run.stderr


def test_file_outputs_say_what_was_read(tmp_path: Path) -> None:
    for name in ("h.xlsx", "h.db", "h.csv"):
        run = cli("list", "--active", "2022", "-o", str(tmp_path / name))
        assert run.exit_code == 0 and run.stdout == "", run.stderr
        assert "8 of 8 projects match --active 2022" in run.stderr
        assert "1 project has errors" in run.stderr
    totals = cli("--lang", "fi", "totals", "-o", str(tmp_path / "t.xlsx"))
    assert totals.exit_code == 0 and "8 hanketta" in totals.stderr
