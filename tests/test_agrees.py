"""Human output agrees with itself: one Finnish form for every amount, date and period."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import FIXTURES, cli
from hankkeet.finnish import NBSP, format_euros, format_period, money_column

N = NBSP

# (values, expected, why)
COLUMNS = [
    (
        [Decimal("178866"), Decimal("264103.92")],
        [f"178{N}866,00{N}€", f"264{N}103,92{N}€"],
        "one column, one number of decimals",
    ),
    (
        [Decimal("4979.2"), Decimal(12375)],
        [f"4{N}979,20{N}€", f"12{N}375,00{N}€"],
        "a tenth of a euro is written in cents",
    ),
    ([Decimal("1200000.0")], [f"1{N}200{N}000{N}€"], "1,2 milj. euroa is whole euros"),
    ([Decimal(0), Decimal(5)], [f"0{N}€", f"5{N}€"], "a zero is '0 €', never blank"),
    ([None, Decimal(5)], ["", f"5{N}€"], "no value stays blank"),
]


@pytest.mark.parametrize(("values", "expected", "why"), COLUMNS, ids=[c[2] for c in COLUMNS])
def test_money_column(values: list[Decimal | None], expected: list[str], why: str) -> None:
    assert money_column(values) == expected, why


def test_money_column_table_is_unique() -> None:
    assert len({c[2] for c in COLUMNS}) == len(COLUMNS)


def test_a_period_reads_the_same_everywhere() -> None:
    from datetime import date

    assert format_period(date(2021, 11, 1), date(2023, 10, 31)) == "1.11.2021–31.10.2023"
    assert format_period(date(2021, 11, 1), None) == "1.11.2021–…"
    assert format_euros(Decimal("4979.2")) == f"4{N}979,20{N}€"


def test_the_same_city_share_reads_the_same_in_list_totals_and_show() -> None:
    share = f"4{N}979,20{N}€"
    assert share in cli("list", env={"COLUMNS": "160"}).stdout
    assert share in cli("totals", "--by-program").stdout
    assert share in cli("show", "kemin-akillisen").stdout
    rows = cli("list", "--format", "csv").stdout
    assert "4979.2" in rows, "machine formats keep the exact decimals"


def test_million_euros_shows_whole_euros(tmp_path: Path) -> None:
    source = tmp_path / "m.txt"
    source.write_text(
        "Miljoonahanke\nToiminta-aika: 1.1.2022–31.12.2022\nBudjetti: 1 200 000,00 euroa\n",
        encoding="utf-8",
    )
    run = cli("list", str(source))
    assert f"1{N}200{N}000{N}€" in run.stdout
    assert "1 200 000,0" not in run.stdout.replace(N, " ")


def test_rounded_millions_are_no_amount(tmp_path: Path) -> None:
    """'1,2 milj. euroa' is a rounded figure (issue 27): no budget, and validate says so."""
    source = tmp_path / "m.txt"
    source.write_text(
        "Miljoonahanke\nToiminta-aika: 1.1.2022–31.12.2022\nBudjetti: 1,2 milj. euroa\n",
        encoding="utf-8",
    )
    assert "200" not in cli("list", str(source)).stdout
    assert "uncertain-fact" in cli("validate", str(source)).stdout


def test_a_zero_total_is_written() -> None:
    run = cli("totals", "--by-program", "--by-year", env={"COLUMNS": "160"})
    assert f"0,00{N}€" in run.stdout  # 2020 of AKKE, in a column with cents


def test_messages_keep_amounts_whole() -> None:
    run = cli("validate", env={"COLUMNS": "60"})
    assert f"27{N}097{N}€" in run.stdout
    for line in run.stdout.splitlines():
        assert not line.rstrip().endswith((" 27", "108")), line


def test_by_funder_rows_carry_that_funders_amounts() -> None:
    run = cli("totals", "--by-funder", "--format", "json")
    rows = {r["funder"]: r for r in json.loads(run.stdout)["rows"]}
    assert rows["municipal"]["funding"]["municipal"] == 161021
    assert rows["municipal"]["funding"]["eu_state"] is None
    assert rows["eu_state"]["funding"]["eu_state"] == 728339
    table = cli("totals", "--by-funder").stdout
    line = next(x for x in table.splitlines() if x.startswith("municipalities"))
    assert f"161{N}021{N}€" in line and "728" not in line
    assert f"19,7{N}%" in line, "the share of these projects' budget"


def test_valid_in_json_follows_strict() -> None:
    warned = str(FIXTURES / "rules" / "title-typo.txt")
    plain = cli("validate", warned, "--format", "json")
    strict = cli("validate", warned, "--strict", "--format", "json")
    assert (plain.exit_code, json.loads(plain.stdout)["valid"]) == (0, True)
    assert (strict.exit_code, json.loads(strict.stdout)["valid"]) == (1, False)


def test_chart_with_years_draws_the_years() -> None:
    run = cli("totals", "--by-program", "--by-year", "--chart", env={"COLUMNS": "80"})
    assert run.exit_code == 0
    assert "AKKE 2022" in run.stdout and "#" in run.stdout
    years = cli("totals", "--by-year", "--chart").stdout
    assert "2021" in years and "2022" in years
