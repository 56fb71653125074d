"""`list`, `show` and `schema` as a user runs them: filters, formats, inputs, errors."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import BOTH_RUNNERS, SEED, Runner, cli, run_process
from hankkeet.cli.output import FILE_FORMATS
from hankkeet.reading.parser import parse_text
from hankkeet.render import ListFormat
from hankkeet.render.records import render_list

HARR = "harrastusten-jaanmurtajahanke"


def ids(stdout: str) -> list[str]:
    return [json.loads(line)["id"] for line in stdout.splitlines()]


# (arguments after 'list', how many projects, why)
FILTERS = [
    (["--active", "2023"], 4, "four projects ran in 2023"),
    (["--active", "2020"], 1, "only the urban farming project ran in 2020"),
    (["--active", "2024"], 0, "nothing ran in 2024"),
    (["--active", "2022-06-15"], 7, "all but Perämeren (ended 31.5.2022) on that day"),
    (["--active", "15.6.2022"], 7, "the same day written the Finnish way"),
    (["--active", "2019..2020"], 1, "a range of years"),
    (["--active", "2022-06-01..2022-06-30"], 7, "a range of days"),
    (["--active", "2023-08-01.."], 1, "open-ended range: only ÄRM-koordinaatio runs on"),
    (["--programme", "EAKR"], 3, "programme, exact canonical name"),
    (["--programme", "react-eu esr"], 2, "programme names ignore case"),
    (["--contact", "jylkkä"], 1, "contact name, any case"),
    (["--contact", "projektipäällikkö"], 4, "contact title"),
    (["--active", "2023", "--programme", "AKKE"], 1, "filters combine"),
]


@pytest.mark.parametrize(("args", "count", "why"), FILTERS, ids=[f[2] for f in FILTERS])
def test_filters(args: list[str], count: int, why: str) -> None:
    run = cli("list", *args, "--format", "jsonl")
    assert run.exit_code == 0, run.stderr
    assert len(run.stdout.splitlines()) == count, why


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--active", "2022-13-01"], "not a year"),
        (["--active", "2023..2021"], "ends before it starts"),
        (["--programme", "NOPE"], "unknown programme"),
        (["--sort", "colour"], "colour"),
        (["--format", "xml"], "xml"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    run = cli("list", *args)
    assert run.exit_code == 2
    assert message in run.stderr
    assert "Traceback" not in run.stderr


def test_sort_by_budget_and_start() -> None:
    by_budget = ids(cli("list", "--sort", "budget", "--format", "jsonl").stdout)
    assert by_budget[0] == HARR and by_budget[-1].startswith("ymparivuotinen")
    by_start = ids(cli("list", "--sort", "start", "--format", "jsonl").stdout)
    assert by_start[0].startswith("ymparivuotinen")


def test_sort_by_name_follows_the_finnish_alphabet() -> None:
    names = ids(cli("list", "--sort", "name", "--format", "jsonl").stdout)
    assert names[-1].startswith("arm-")  # Ä sorts after Z in Finnish


def test_the_default_order_is_the_source_order() -> None:
    """The order a reader of the page sees, in every format."""
    in_source = [p.project.id for p in parse_text(SEED.read_text(encoding="utf-8")).projects]
    assert in_source != sorted(in_source)  # the seed is not in name order: the test means it
    assert ids(cli("list", "--format", "jsonl").stdout) == in_source
    assert [p["id"] for p in json.loads(cli("list", "--format", "json").stdout)] == in_source


TEXT_FORMATS = [f for f in ListFormat if f.value not in FILE_FORMATS]  # files: test_export.py


@pytest.mark.parametrize("fmt", TEXT_FORMATS, ids=[f.value for f in TEXT_FORMATS])
def test_every_format_renders_and_stays_valid_when_empty(fmt: ListFormat) -> None:
    projects = [p.project for p in parse_text(SEED.read_text(encoding="utf-8")).projects]
    full = render_list(projects, fmt)
    empty = render_list([], fmt)
    assert "Harrastusten" in full
    if fmt is ListFormat.JSON:
        assert json.loads(empty) == []
        assert len(json.loads(full)) == 8
    elif fmt is ListFormat.JSONL:
        assert empty == ""
        assert len(full.splitlines()) == 8
    elif fmt is ListFormat.CSV:
        assert len(list(csv.reader(io.StringIO(empty)))) == 1  # header only
        assert len(list(csv.reader(io.StringIO(full)))) == 9
    elif fmt is ListFormat.MARKDOWN:
        assert empty.count("\n") == 2 and full.count("\n") == 10


def test_table_shows_finnish_money() -> None:
    run = cli("list")
    assert run.exit_code == 0
    assert "344\u00a0616\u00a0€" in run.stdout
    # One column, one number of decimals: 4979,2 makes every city share show cents.
    assert "4\u00a0979,20\u00a0€" in run.stdout and "(in\u00a02021)" in run.stdout
    assert "12\u00a0375,00\u00a0€" in run.stdout


def test_csv_is_rfc4180_and_numbers_stay_numbers() -> None:
    run = run_process("list", "--format", "csv", "--sort", "start")  # real bytes: CRLF kept
    rows = list(csv.DictReader(io.StringIO(run.stdout, newline="")))
    assert run.stdout.endswith("\r\n")
    arm = next(r for r in rows if r["id"].startswith("kemin-akillisen"))
    assert arm["budget"] == "145616" and arm["city_share"] == "4979.2"


def test_excel_csv_has_bom_semicolons_and_decimal_commas() -> None:
    run = cli("list", "--format", "csv", "--excel")
    assert run.stdout.startswith("\ufeffid;name;")
    rows = list(csv.DictReader(io.StringIO(run.stdout.lstrip("\ufeff"), newline=""), delimiter=";"))
    arm = next(r for r in rows if r["id"].startswith("kemin-akillisen"))
    assert arm["city_share"] == "4979,2"


HOSTILE_TITLES = [
    ('=HYPERLINK("http://x")', "'=HYPERLINK"),
    ("+358 hanke", "'+358"),
    ("-hanke", "'-hanke"),
    ("@SUM(A1)", "'@SUM"),
]


@pytest.mark.parametrize(("title", "cell"), HOSTILE_TITLES, ids=[t[1] for t in HOSTILE_TITLES])
def test_csv_neutralises_formulas(tmp_path: Path, title: str, cell: str) -> None:
    source = tmp_path / "h.txt"
    source.write_text(
        f"{title}\n\nToiminta-aika: 1.1.2024–31.12.2024\nBudjetti: -5 euroa\n", encoding="utf-8"
    )
    run = cli("list", str(source), "--format", "csv")
    row = next(iter(csv.DictReader(io.StringIO(run.stdout, newline=""))))
    assert row["name"].startswith(cell)


def test_markup_in_names_prints_literally(tmp_path: Path) -> None:
    source = tmp_path / "m.txt"
    source.write_text(
        "[bold red]Hanke[/] [link=http://x]y[/link]\n\n"
        "Toiminta-aika: 1.1.2024–31.12.2024\nBudjetti: 5 euroa\n",
        encoding="utf-8",
    )
    run = cli("list", str(source), env={"COLUMNS": "200"})
    assert "[bold red]Hanke[/] [link=http://x]y[/link]" in run.stdout


def test_inputs_files_folders_stdin_and_environment(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    (folder / "skip.md").write_text("not read", encoding="utf-8")
    assert len(cli("list", str(folder), "-f", "jsonl").stdout.splitlines()) == 8
    piped = cli("list", "-", "-f", "jsonl", input=SEED.read_bytes())
    assert len(piped.stdout.splitlines()) == 8
    assert json.loads(piped.stdout.splitlines()[0])["source"]["path"] == "<stdin>"
    one = tmp_path / "one.txt"
    one.write_text("Yksi\n\nToiminta-aika: 2024\nBudjetti: 1 euroa\n", encoding="utf-8")
    from_env = cli("list", "-f", "jsonl", env={"HANKKEET_SOURCE": str(one)})
    assert ids(from_env.stdout) == ["yksi"]


def test_same_project_in_two_files_gets_unique_ids(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.txt").write_bytes(SEED.read_bytes())
    got = ids(cli("list", str(tmp_path), "-f", "jsonl").stdout)
    assert len(got) == 16 and len(set(got)) == 16
    assert f"{HARR}-2" in got


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (["list", "/no/such/file.txt"], "missing file"),
        (["show", "x", "/no/such/file.txt"], "missing file for show"),
    ],
)
@pytest.mark.parametrize("runner", BOTH_RUNNERS)
def test_missing_input_is_one_line_and_exit_2(runner: Runner, args: list[str], why: str) -> None:
    run = runner(*args)
    assert run.exit_code == 2, why
    assert run.stderr.count("\n") == 1 and "no such file" in run.stderr
    assert run.stdout == ""


def test_empty_folder_exit_2(tmp_path: Path) -> None:
    run = cli("list", str(tmp_path))
    assert run.exit_code == 2 and "no file of a kind hankkeet reads" in run.stderr


def test_show_every_field_with_its_line() -> None:
    run = cli("show", HARR)
    assert run.exit_code == 0, run.stderr
    for expected in (
        "Harrastusten jäänmurtajahanke",
        "61\u00a0875\u00a0€",
        "korrdinattori",
        "67",
        "73",
    ):
        assert expected in run.stdout
    as_json = json.loads(cli("show", "harrastusten", "-f", "json").stdout, parse_float=Decimal)
    assert as_json["id"] == HARR and as_json["lines"]["budget"] == 69


def test_show_unknown_id_exit_1_with_hint() -> None:
    run = cli("show", "jaanmurtaja")
    assert run.exit_code == 1
    assert HARR in run.stderr


def test_schema_is_json_schema_of_the_record() -> None:
    run = cli("schema")
    schema = json.loads(run.stdout)
    assert schema["title"] == "Project"
    fields = set(schema["properties"])
    assert {"id", "name", "code", "budget", "staff", "contacts", "funding"} <= fields
    assert schema["properties"]["code"]["anyOf"] == [{"type": "string"}, {"type": "null"}]


@pytest.mark.parametrize("command", ["list", "show", "schema"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    run = cli(command, "--help")
    assert run.exit_code == 0
    assert "Example:" in run.stdout


def test_list_from_any_folder(tmp_path: Path) -> None:
    run = run_process("list", "--format", "jsonl", cwd=tmp_path)
    assert run.exit_code == 0 and len(run.stdout.splitlines()) == 8
