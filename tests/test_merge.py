"""`--merge` on list and show (issue 25): one record per match group, each value with its
source, the trust order from the configuration, and the schema of the merged and linked
output. The folder tests/link-mixed mixes the input kinds (text, HTML, CSV)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import cli
from hankkeet.config import ConfigError, parse_config

MIXED = Path(__file__).parent / "link-mixed"
LINKAGE = Path(__file__).parent / "linkage"


def schema() -> dict[str, Any]:
    run = cli("schema")
    assert run.exit_code == 0, run.stderr
    loaded: dict[str, Any] = json.loads(run.stdout)
    return loaded


@pytest.mark.parametrize(
    ("value", "expected", "why"),
    [
        ([], (), "not set: the default order"),
        (
            ["news", "decision", "page", "register"],
            ("news", "decision", "page", "register"),
            "every kind named: that order",
        ),
        (["page"], ("page", "register", "decision", "news"), "kinds left out follow in order"),
        (["Register"], ("register", "page", "decision", "news"), "case is folded"),
    ],
)
def test_the_trust_order_from_the_configuration(
    value: list[str], expected: tuple[str, ...], why: str
) -> None:
    assert parse_config(Path("hankkeet.toml"), {"trust": value}).trust == expected, why


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (["registers"], "not a kind of source"),
        (["page", "page"], "a kind twice"),
        ([1], "not a string"),
    ],
)
def test_a_wrong_trust_order_is_a_configuration_error(value: list[Any], why: str) -> None:
    with pytest.raises(ConfigError):
        parse_config(Path("hankkeet.toml"), {"trust": value})


@pytest.mark.parametrize(
    ("config", "name", "taken_from", "why"),
    [
        ("", "Kasvua kyliin", "eura.csv", "by default a register is trusted before a city's page"),
        (
            'trust = ["page", "register"]\n',
            "Kasvua kyliin -hanke",
            "card.txt",
            "pages first: the first page in input order gives the name",
        ),
    ],
)
def test_list_merge_takes_each_value_from_the_most_trusted_source(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: str,
    name: str,
    taken_from: str,
    why: str,
) -> None:
    if config:
        (tmp_path / "hankkeet.toml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = cli("list", "--merge", "--format", "json", str(MIXED))
    assert run.exit_code == 0, run.stderr
    records = json.loads(run.stdout, parse_float=Decimal)
    assert len(records) == 2, why  # the three sources of one project, and another project
    (merged,) = [r for r in records if "sources" in r]
    assert merged["name"] == name, why
    places = {Path(s["path"]).name: s for s in merged["sources"]}
    assert set(places) == {"card.txt", "page.html", "eura.csv"}, why
    assert "name" in places[taken_from]["fields"], why
    # The register export (the real EURA 2014 list's columns) states no budget: the first
    # page in input order gives it, whichever kind comes first.
    assert merged["budget"] == Decimal("52300.5"), why
    assert merged["code"] == "S21949", why
    assert "counted once" in run.stderr


def test_list_without_merge_keeps_each_record_and_no_sources() -> None:
    run = cli("list", "--format", "json", str(MIXED))
    records = json.loads(run.stdout)
    assert len(records) == 4
    assert not any("sources" in r for r in records)


def test_show_merge_lists_every_source_and_where_each_value_came_from() -> None:
    run = cli("show", "kasvua", "--merge", str(MIXED), env={"COLUMNS": "200"})
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    sources = [line for line in lines if line.startswith("from")]
    assert len(sources) == 3
    assert "eura.csv:2 (register)" in sources[0]  # most trusted first
    assert any("page.html" in line and "(project page)" in line for line in sources)
    at = lines.index(sources[0])
    assert lines[at + 1].split()[-2:] == ["name", "2"]  # the value's field and its row


def test_merged_and_linked_json_are_valid_against_the_schema() -> None:
    whole = schema()
    listed = cli("list", "--merge", "--format", "json", str(MIXED))
    validator = jsonschema.Draft202012Validator(whole)
    records = json.loads(listed.stdout)
    assert any("sources" in r for r in records)
    for record in records:
        validator.validate(record)
    linkage = {**whole["$defs"]["Linkage"], "$defs": whole["$defs"]}
    for folder in (MIXED, LINKAGE):
        linked = cli("link", "--format", "json", str(folder))
        jsonschema.Draft202012Validator(linkage).validate(json.loads(linked.stdout))


def test_the_schema_describes_sources_code_and_groups() -> None:
    whole = schema()
    assert {"sources", "code"} <= set(whole["properties"])
    assert "sources" not in whole.get("required", [])
    source = whole["$defs"]["RecordSource"]["properties"]
    assert {"path", "line", "kind", "fields"} <= set(source)
    group = whole["$defs"]["Linkage"]["properties"]["groups"]["items"]["properties"]
    assert group["status"]["enum"] == ["match", "probable", "review"]


@pytest.mark.parametrize(
    ("args", "projects", "budget", "why"),
    [
        ([], "2", "52300.5", "merged: 52 300,50 (the first page's; the register states none)"),
        (
            ["--no-merge"],
            "4",
            "104300.5",
            "each record: 52 300,50 + 52 000 (the register rows state no budget), one "
            "project thrice",
        ),
    ],
)
def test_totals_over_a_mixed_folder_counts_to_the_cent(
    args: list[str], projects: str, budget: str, why: str
) -> None:
    run = cli("totals", "--format", "csv", *args, str(MIXED))
    assert run.exit_code == 0, run.stderr
    (row,) = list(csv.DictReader(io.StringIO(run.stdout)))
    assert (row["projects"], row["budget"]) == (projects, budget), why


def test_link_groups_a_mixed_folder() -> None:
    run = cli("link", "--format", "json", str(MIXED))
    assert run.exit_code == 0, run.stderr
    (group,) = json.loads(run.stdout)["groups"]
    assert group["status"] == "match"
    assert {Path(r["path"]).name for r in group["records"]} == {
        "card.txt",
        "eura.csv",
        "page.html",
    }


@pytest.mark.parametrize(
    ("args", "has_sources", "why"),
    [
        (["--merge"], True, "a merged record's row ends with its sources"),
        ([], False, "without --merge the columns are the usual ones, exactly"),
    ],
)
def test_csv_export_says_where_merged_values_came_from(
    args: list[str], has_sources: bool, why: str
) -> None:
    run = cli("list", "--format", "csv", *args, str(MIXED))
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert ("sources" in rows[0]) == has_sources, why
    if has_sources:
        (merged,) = [r for r in rows if r["sources"]]
        assert merged["sources"].startswith(f"{MIXED / 'eura.csv'}:2 register (name 2,"), why
        assert "page.html:1 page" in merged["sources"], why


def test_xlsx_export_of_merged_records_has_the_sources_column(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "yhdistetty.xlsx"
    run = cli("list", "--merge", "-o", str(out), str(MIXED))
    assert run.exit_code == 0, run.stderr
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    values = [row[header.index("sources")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sum(1 for v in values if v) == 1
