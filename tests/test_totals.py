"""`totals`: sums by programme, year, funder and contact, exact to the cent, in every format.

Expected values are worked out by hand from data/source.txt (the budgets are written as the
sums of the seed projects' own budgets), never by calling the code under test.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import re
import weakref
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import cli
from hankkeet.cli.output import FILE_FORMATS
from hankkeet.finnish import NBSP
from hankkeet.locale import Language, use_language
from hankkeet.models import Contact, Funding, FundingSource, Project, SourceRef, StaffPeriod
from hankkeet.render.totals import TotalsFormat, render_chart, render_totals
from hankkeet.totals import (
    UNKNOWN_YEAR,
    GroupBy,
    compute_totals,
    months_covered,
    person_years,
    split_by_year,
)
from test_charts import matches_snapshot

D = Decimal

# Seed budgets, one by one (data/source.txt).
ARM_KOORDINAATIO = 344_616  # AKKE, 1.11.2021–31.10.2023
MATKAILU = 256_506  # REACT-EU EAKR, two contacts
ARM_AGENTTI = 145_616  # AKKE, city share for 2021 only
VAHVAX = 295_400  # REACT-EU ESR
PERAMERI = 135_484  # EAKR, city share for 2021 only
KAUPUNKIVILJELY = 449_880  # EAKR, city share for 2020 only
HARRASTUKSET = 61_875  # EAKR, no staff line
KORONA = 168_512  # REACT-EU ESR

# (programme, projects, budget): the issue's "done when".
BY_PROGRAMME = [
    ("AKKE", 2, ARM_KOORDINAATIO + ARM_AGENTTI),
    ("REACT-EU EAKR", 1, MATKAILU),
    ("REACT-EU ESR", 2, VAHVAX + KORONA),
    ("EAKR", 3, PERAMERI + KAUPUNKIVILJELY + HARRASTUKSET),
]
TOTAL_BUDGET = 1_857_889
TOTAL_PROJECTS = 8


def test_hand_sums_match_the_issue() -> None:
    # The issue states these numbers; the hand sums above must agree with it.
    assert [b for _, _, b in BY_PROGRAMME] == [490_232, 256_506, 463_912, 647_239]
    assert sum(b for _, _, b in BY_PROGRAMME) == TOTAL_BUDGET


def euros(amount: int) -> str:
    """'490 232 €' with NBSP, as Finnish tables write it (built here, not by the code)."""
    digits = f"{amount:,}".replace(",", NBSP)
    return f"{digits}{NBSP}€"


def totals_json(*args: str) -> dict[str, Any]:
    run = cli("totals", *args, "--format", "json")
    assert run.exit_code == 0, run.stderr
    data: dict[str, Any] = json.loads(run.stdout, parse_float=Decimal)
    return data


def rows_by(data: dict[str, Any], key: str) -> dict[Any, dict[str, Any]]:
    return {row[key]: row for row in data["rows"]}


# --- The seed by programme, in every format -------------------------------------------------


def test_by_programme_json() -> None:
    data = totals_json("--by-program")
    assert data["group_by"] == ["programme"]
    got = [(r["programme"], r["projects"], r["budget"]) for r in data["rows"]]
    assert sorted(got) == sorted(BY_PROGRAMME)
    assert data["total"]["projects"] == TOTAL_PROJECTS
    assert data["total"]["budget"] == TOTAL_BUDGET


@pytest.mark.parametrize("excel", [False, True], ids=["csv", "excel"])
def test_by_programme_csv(excel: bool) -> None:
    run = cli("totals", "--by-program", "--format", "csv", *(["--excel"] if excel else []))
    assert run.exit_code == 0, run.stderr
    text = run.stdout
    if excel:
        assert text.startswith("\ufeff")
        text = text[1:]
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";" if excel else ","))
    groups = [
        (r["programme"], int(r["projects"]), int(r["budget"]))
        for r in rows
        if r["level"] == "group"
    ]
    assert sorted(groups) == sorted(BY_PROGRAMME)
    (total,) = [r for r in rows if r["level"] == "total"]
    assert (int(total["projects"]), int(total["budget"])) == (TOTAL_PROJECTS, TOTAL_BUDGET)


def test_by_programme_markdown() -> None:
    run = cli("totals", "--by-program", "--format", "markdown")
    assert run.exit_code == 0, run.stderr
    # render/markdown.py's md_cell folds every white space, NBSP included, into a plain
    # space (reported); the grouping is checked whichever space it uses.
    lines = run.stdout.replace(NBSP, " ").splitlines()
    for programme, count, budget in BY_PROGRAMME:
        row = f"| {programme} | {count} | {euros(budget).replace(NBSP, ' ')} |"
        assert any(line.startswith(row) for line in lines), programme
    total = f"| Total | {TOTAL_PROJECTS} | {euros(TOTAL_BUDGET).replace(NBSP, ' ')} |"
    assert any(line.startswith(total) for line in lines)


def test_by_programme_table() -> None:
    # Wide enough that no programme name wraps, so each row is one line.
    run = cli("totals", "--by-program", env={"COLUMNS": "160"})
    assert run.exit_code == 0, run.stderr
    for programme, count, budget in BY_PROGRAMME:
        pattern = rf"^{re.escape(programme)}\s+{count}\s+{re.escape(euros(budget))}\s"
        assert re.search(pattern, run.stdout, re.MULTILINE), programme
    assert re.search(
        rf"^Total\s+{TOTAL_PROJECTS}\s+{re.escape(euros(TOTAL_BUDGET))}", run.stdout, re.MULTILINE
    )


def test_by_programme_chart() -> None:
    run = cli("totals", "--by-program", "--chart")
    assert run.exit_code == 0, run.stderr
    for programme, _, budget in BY_PROGRAMME:
        line = next(x for x in run.stdout.splitlines() if x.startswith(programme + " "))
        assert line.endswith(euros(budget)), line
        assert "#" in line
    assert euros(TOTAL_BUDGET) in run.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--by-program"],
        ["--by-program", "--by-year"],
        ["--by-funder"],
        [],
    ],
    ids=["programme", "programme-year", "funder", "no-groups"],
)
def test_table_snapshot(args: list[str]) -> None:
    run = cli("totals", *args)
    assert run.exit_code == 0, run.stderr
    assert matches_snapshot(
        "totals-" + "-".join(a.removeprefix("--") for a in args or ["--all"]) + "-100", run.stdout
    )


def test_programme_table_fits_100_columns() -> None:
    run = cli("totals", "--by-program")
    assert max(len(line) for line in run.stdout.splitlines()) <= 100


# --- City shares: whole period and one year never mix ----------------------------------------


def test_one_year_city_shares_stay_in_their_own_columns() -> None:
    data = totals_json("--by-program")
    rows = rows_by(data, "programme")
    # Whole-period shares: ÄRM-koordinaatio 68 923; Matkailu 25 651; Vahvax 29 540 and
    # Korona 16 851; Harrastukset 12 375. One-year shares: ÄRM-agentti 4979,2 (2021),
    # Perämeri 15 490 (2021), Kaupunkiviljely 31 670 (2020).
    assert rows["AKKE"]["city_share"] == 68_923
    assert rows["AKKE"]["city_share_one_year"] == {"2020": None, "2021": D("4979.2")}
    assert rows["REACT-EU ESR"]["city_share"] == 29_540 + 16_851
    assert rows["EAKR"]["city_share"] == 12_375
    assert rows["EAKR"]["city_share_one_year"] == {"2020": 31_670, "2021": 15_490}
    total = data["total"]
    assert total["city_share"] == 68_923 + 25_651 + 29_540 + 16_851 + 12_375
    assert total["city_share_one_year"] == {"2020": 31_670, "2021": D("4979.2") + 15_490}
    assert any("one year only" in n for n in data["notes"])


def _project(name: str, **fields: Any) -> Project:
    defaults: dict[str, Any] = {
        "id": name.casefold(),
        "name": name,
        "source": SourceRef(path="t.txt", line=1),
    }
    return Project(**{**defaults, **fields})


def test_one_year_share_is_never_added_to_the_whole_period_share() -> None:
    projects = [
        _project("A", budget=D(1000), city_share=D(100)),
        _project("B", budget=D(1000), city_share=D("4979.2"), city_share_year=2021),
        _project("C", budget=D(1000), city_share=D(50), city_share_year=2022),
    ]
    data = compute_totals(projects).to_dict()
    assert data["total"]["city_share"] == D(100)
    assert data["total"]["city_share_one_year"] == {"2021": D("4979.2"), "2022": D(50)}


# --- Stated funding by kind of source --------------------------------------------------------


def test_stated_funding_by_kind_on_the_seed() -> None:
    rows = rows_by(totals_json("--by-program"), "programme")
    # EAKR: Perämeri and Harrastukset 108 387 + 27 097 each, Kaupunkiviljely 359 904 + 89 976.
    assert rows["EAKR"]["funding"] == {
        "eu_state": 108_387 * 2 + 359_904,
        "municipal": 27_097 * 2 + 89_976,
        "other": None,
    }
    # REACT-EU ESR: Korona states 151 661 + 16 851; Vahvax states no amounts.
    assert rows["REACT-EU ESR"]["funding"] == {
        "eu_state": 151_661,
        "municipal": 16_851,
        "other": None,
    }
    # AKKE states shares in per cent only: nothing to add.
    assert rows["AKKE"]["funding"] == {"eu_state": None, "municipal": None, "other": None}


def test_private_and_unknown_funders_are_other() -> None:
    sources = [
        FundingSource(funder="Säätiö", amount=D(10), kind="private"),
        FundingSource(funder="Joku", amount=D(5), kind=None),
        FundingSource(funder="EU", amount=None, share=D(80), kind="eu_state"),
    ]
    totals = compute_totals([_project("A", funding=Funding(text="x", sources=sources))])
    assert totals.to_dict()["total"]["funding"] == {
        "eu_state": None,
        "municipal": None,
        "other": D(15),
    }


# --- Person-years -----------------------------------------------------------------------------


def sp(count: str, start: str | None, end: str | None) -> StaffPeriod:
    return StaffPeriod(
        count=D(count),
        start=date.fromisoformat(start) if start else None,
        end=date.fromisoformat(end) if end else None,
    )


# (staff periods, exact person-years or None, skipped, why)
PERSON_YEARS = [
    (
        [sp("2.5", "2021-09-01", "2021-12-31"), sp("3.0", "2022-01-01", "2023-07-31")],
        Fraction(25, 10) * 4 / 12 + 3 * Fraction(19, 12),
        0,
        "Vahvax: 2.5 people for 4 months + 3.0 for 19 months = 5.58",
    ),
    ([sp("1", "2022-01-01", "2022-12-31")], Fraction(1), 0, "one person, one calendar year"),
    (
        [sp("1", "2022-02-01", "2022-02-14")],
        Fraction(14, 28) / 12,
        0,
        "half of February (14 of 28 days)",
    ),
    ([sp("1", "2024-02-01", "2024-02-29")], Fraction(1, 12), 0, "leap February is one month"),
    (
        [sp("2", "2021-06-15", "2021-07-15")],
        2 * (Fraction(16, 30) + Fraction(15, 31)) / 12,
        0,
        "two part months, each by its own length",
    ),
    ([sp("1.5", "2021-06-01", "2022-05-31")], Fraction(3, 2), 0, "Perämeri: 1.5 for 12 months"),
    ([sp("1", "2022-01-01", None)], None, 1, "no end: skipped, not guessed"),
    (
        [sp("1", None, "2022-12-31"), sp("1", "2022-01-01", "2022-06-30")],
        Fraction(1, 2),
        1,
        "the skipped period does not hide the counted one",
    ),
    ([sp("1", "2022-06-30", "2022-01-01")], None, 1, "an end before the start is skipped"),
    ([], None, 0, "no staff line at all"),
]


@pytest.mark.parametrize(
    ("staff", "expected", "skipped", "why"), PERSON_YEARS, ids=[p[3] for p in PERSON_YEARS]
)
def test_person_years(
    staff: list[StaffPeriod], expected: Fraction | None, skipped: int, why: str
) -> None:
    got = person_years(staff)
    assert got.value == expected, why
    assert got.skipped == skipped, why


def test_vahvax_rounds_to_5_58() -> None:
    staff = PERSON_YEARS[0][0]
    totals = compute_totals([_project("Vahvax", staff=staff)])
    assert totals.to_dict()["total"]["person_years"] == D("5.58")


def test_person_years_on_the_seed() -> None:
    # AKKE 1×24/12 + 1×19/12; REACT-EU EAKR 2×19/12; REACT-EU ESR Vahvax 67/12 + 1×24/12;
    # EAKR 1.5×12/12 + 3×30/12 (Harrastukset has no staff line).
    data = totals_json("--by-program")
    rows = rows_by(data, "programme")
    assert rows["AKKE"]["person_years"] == D("3.58")  # 43/12
    assert rows["REACT-EU EAKR"]["person_years"] == D("3.17")  # 38/12
    assert rows["REACT-EU ESR"]["person_years"] == D("7.58")  # 91/12
    assert rows["EAKR"]["person_years"] == 9
    assert data["total"]["person_years"] == D("23.33")  # 280/12


def test_skipped_staff_periods_are_reported(tmp_path: Path) -> None:
    source = tmp_path / "open.txt"
    source.write_text(
        "Avoin hanke\n\n"
        "Rahoitus ja ohjelma: EAKR\n"
        "Toiminta-aika: 1.1.2023 alkaen\n"
        "Budjetti koko toiminta-ajalle: 1000 euroa\n"
        "Hankehenkilökunnan määrä: 2\n",
        encoding="utf-8",
    )
    data = totals_json(str(source))
    assert data["total"]["person_years"] is None
    assert any("1 staff period without a start or an end was skipped" in n for n in data["notes"])
    table = cli("totals", str(source))
    assert "1 staff period without a start or an end was skipped" in table.stdout


def test_months_covered_whole_months() -> None:
    assert months_covered(date(2021, 9, 1), date(2021, 12, 31)) == 4
    assert months_covered(date(2022, 1, 1), date(2023, 7, 31)) == 19


# --- Budgets over calendar years ------------------------------------------------------------


# (budget, start, end, expected shares, why)
SPLITS = [
    ("1200", "2021-01-01", "2022-12-31", {"2021": "600", "2022": "600"}, "two whole years"),
    (
        "100",
        "2021-12-31",
        "2022-01-02",
        {"2021": "33.33", "2022": "66.67"},
        "1 day and 2 days: 33.333… rounds down, the last year takes the rest",
    ),
    (
        "0.01",
        "2021-12-31",
        "2022-01-01",
        {"2021": "0.00", "2022": "0.01"},
        "half a cent rounds to even (0), the last year takes the cent",
    ),
    (
        "344616",
        "2021-11-01",
        "2023-10-31",
        {"2021": "28796.68", "2022": "172308", "2023": "143511.32"},
        "ÄRM-koordinaatio: 61, 365 and 304 of 730 days",
    ),
    ("366", "2024-01-01", "2024-12-31", {"2024": "366"}, "one (leap) year takes it all"),
    ("500", None, None, {UNKNOWN_YEAR: "500"}, "no period: unknown"),
    ("500", "2024-01-01", None, {UNKNOWN_YEAR: "500"}, "open end: unknown"),
    ("500", "2024-06-01", "2024-01-01", {UNKNOWN_YEAR: "500"}, "end before start: unknown"),
]


@pytest.mark.parametrize(
    ("budget", "start", "end", "expected", "why"), SPLITS, ids=[s[4] for s in SPLITS]
)
def test_split_by_year(
    budget: str, start: str | None, end: str | None, expected: dict[str, str], why: str
) -> None:
    got = split_by_year(
        D(budget),
        date.fromisoformat(start) if start else None,
        date.fromisoformat(end) if end else None,
    )
    assert got == {k: D(v) for k, v in expected.items()}, why
    assert sum(got.values()) == D(budget)


def test_by_year_on_one_seed_project() -> None:
    # Only ÄRM-koordinaatio is AKKE and still running in 2023.
    data = totals_json("--by-year", "--programme", "AKKE", "--active", "2023")
    assert data["total"]["projects"] == 1
    assert data["years"] == ["2021", "2022", "2023", UNKNOWN_YEAR]
    assert data["total"]["years"] == {
        "2021": D("28796.68"),
        "2022": 172_308,
        "2023": D("143511.32"),
        UNKNOWN_YEAR: 0,
    }


def test_programme_by_year_pivot_adds_up() -> None:
    data = totals_json("--by-program", "--by-year")
    for row in data["rows"]:
        assert sum(row["years"].values()) == row["budget"], row["programme"]
    for year in data["years"]:
        assert sum(r["years"][year] for r in data["rows"]) == data["total"]["years"][year]
    assert sum(data["total"]["years"].values()) == TOTAL_BUDGET
    assert any("pro rata by days" in n for n in data["notes"])


def test_by_year_says_pro_rata_by_days_in_every_format() -> None:
    for fmt in ("table", "markdown"):
        assert "pro rata by days" in cli("totals", "--by-year", "--format", fmt).stdout
    assert "pro rata by days" in cli("totals", "--by-year", "--format", "csv").stderr


def test_project_without_period_goes_to_unknown() -> None:
    projects = [
        _project("A", budget=D(1000), start=date(2022, 1, 1), end=date(2022, 12, 31)),
        _project("B", budget=D(250)),
    ]
    data = compute_totals(projects, by_year=True).to_dict()
    assert data["total"]["years"] == {"2022": D(1000), UNKNOWN_YEAR: D(250)}
    assert data["total"]["budget"] == D(1250)


budgets = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
starts = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@st.composite
def dated_projects(draw: st.DrawFn) -> Project:
    """A project with a budget and any period: whole, open, missing or backwards."""
    start = draw(starts | st.none())
    if start is None:
        end = draw(starts | st.none())
    else:
        days = draw(st.none() | st.integers(min_value=-5, max_value=4000))
        end = None if days is None else start + timedelta(days=days)
    return _project(
        f"p{draw(st.integers(0, 10**6))}",
        budget=draw(budgets),
        start=start,
        end=end,
        programme=draw(st.sampled_from(["EAKR", "AKKE", None])),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(dated_projects(), max_size=8))
def test_years_add_up_exactly_to_each_budget_and_the_total(projects: list[Project]) -> None:
    for project in projects:
        assert project.budget is not None
        shares = split_by_year(project.budget, project.start, project.end)
        assert sum(shares.values()) == project.budget
        # Every year but the last is within half a cent of its exact share.
        if project.start and project.end and project.start <= project.end:
            years = [int(y) for y in shares]
            assert years == list(range(project.start.year, project.end.year + 1))
    totals = compute_totals(projects, [GroupBy.PROGRAMME], by_year=True)
    data = totals.to_dict()
    for row in data["rows"]:
        assert sum(row["years"].values()) == row["budget"]
    total_budget = sum((p.budget for p in projects if p.budget is not None), D(0))
    assert sum(data["total"]["years"].values()) == total_budget


# --- Contacts and funders: counted in several rows, once in the total ------------------------


def test_by_contact_counts_a_two_contact_project_under_both() -> None:
    data = totals_json("--by-contact")
    rows = rows_by(data, "contact")
    assert rows["Virpi Pakarinen"]["budget"] == MATKAILU
    assert rows["Erkki Böhme"]["budget"] == MATKAILU
    assert sum(r["projects"] for r in data["rows"]) == TOTAL_PROJECTS + 1
    assert data["total"]["projects"] == TOTAL_PROJECTS
    assert data["total"]["budget"] == TOTAL_BUDGET
    assert any("1 project counts in more than one row" in n for n in data["notes"])


def test_by_funder_kind() -> None:
    data = totals_json("--by-funder")
    rows = rows_by(data, "funder")
    stating = PERAMERI + KAUPUNKIVILJELY + HARRASTUKSET + KORONA
    assert (rows["eu_state"]["projects"], rows["eu_state"]["budget"]) == (4, stating)
    assert (rows["municipal"]["projects"], rows["municipal"]["budget"]) == (4, stating)
    assert rows[None]["budget"] == ARM_KOORDINAATIO + MATKAILU + ARM_AGENTTI + VAHVAX
    assert data["total"]["budget"] == TOTAL_BUDGET


def test_groups_combine() -> None:
    data = totals_json("--by-program", "--by-contact")
    assert data["group_by"] == ["programme", "contact"]
    keys = {(r["programme"], r["contact"]) for r in data["rows"]}
    assert ("REACT-EU EAKR", "Virpi Pakarinen") in keys
    assert ("REACT-EU EAKR", "Erkki Böhme") in keys
    assert len(keys) == 9


def test_project_without_programme_groups_under_null() -> None:
    projects = [
        _project("A", budget=D(10), programme="EAKR"),
        _project("B", budget=D(7)),
        _project("C", budget=D(4), contacts=[Contact(name="X"), Contact(name="Y")]),
    ]
    totals = compute_totals(projects, [GroupBy.PROGRAMME])
    rows = rows_by(totals.to_dict(), "programme")
    assert rows[None]["budget"] == D(11)
    table = render_totals(totals, TotalsFormat.TABLE, width=80)
    assert re.search(r"^–\s+2\s", table, re.MULTILINE)


# --- Filters, formats, errors -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "projects", "budget", "why"),
    [
        (
            ["--active", "2023"],
            4,
            ARM_KOORDINAATIO + MATKAILU + VAHVAX + KORONA,
            "four projects ran in 2023",
        ),
        (["--programme", "react-eu esr"], 2, VAHVAX + KORONA, "programme filter"),
        (["--contact", "jylkkä"], 1, HARRASTUKSET, "contact filter"),
    ],
    ids=["active", "programme", "contact"],
)
def test_filters(args: list[str], projects: int, budget: int, why: str) -> None:
    total = totals_json(*args)["total"]
    assert (total["projects"], total["budget"]) == (projects, budget), why


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--active", "2022-13-01"], "not a year"),
        (["--programme", "NOPE"], "unknown programme"),
        (["--chart", "--format", "json"], "--chart"),
        (["--format", "xml"], "xml"),
    ],
    ids=["bad date", "bad programme", "chart with json", "bad format"],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    run = cli("totals", *args)
    assert run.exit_code == 2
    assert message in run.stderr
    assert "Traceback" not in run.stderr


def test_unreadable_input_exits_2(tmp_path: Path) -> None:
    run = cli("totals", str(tmp_path / "missing.txt"))
    assert run.exit_code == 2
    assert "Traceback" not in run.stderr


TEXT_FORMATS = [f for f in TotalsFormat if f.value not in FILE_FORMATS]  # xlsx: test_export


@pytest.mark.parametrize("fmt", TEXT_FORMATS, ids=[f.value for f in TEXT_FORMATS])
@pytest.mark.parametrize("by_year", [False, True], ids=["plain", "by-year"])
def test_every_format_renders_and_stays_valid_when_empty(fmt: TotalsFormat, by_year: bool) -> None:
    empty = render_totals(compute_totals([], [GroupBy.PROGRAMME], by_year), fmt)
    full = render_totals(
        compute_totals([_project("A", budget=D(5))], [GroupBy.PROGRAMME], by_year), fmt
    )
    assert empty and full
    if fmt is TotalsFormat.JSON:
        assert json.loads(empty)["rows"] == []
        assert json.loads(empty)["total"]["projects"] == 0
    if fmt is TotalsFormat.CSV:
        assert [r["level"] for r in csv.DictReader(io.StringIO(empty))] == ["total"]


@pytest.mark.parametrize(
    ("language", "expected", "why"),
    [
        (Language.FI, "Vuodet: kunkin hankkeen budjetti", "Finnish, the active language English"),
        (Language.EN, "Years: each budget", "English, the active language Finnish"),
    ],
)
@pytest.mark.parametrize("fmt", TEXT_FORMATS, ids=[f.value for f in TEXT_FORMATS])
def test_notes_are_written_in_the_language_given(
    fmt: TotalsFormat, language: Language, expected: str, why: str
) -> None:
    """The notes are values (code + args), written in the language the edge names, never
    the active one (CSV has no notes: the CLI writes them on stderr)."""
    totals = compute_totals([_project("A", budget=D(5))], [GroupBy.PROGRAMME], by_year=True)
    other = Language.EN if language is Language.FI else Language.FI
    with use_language(other):
        text = render_totals(totals, fmt, width=200, language=language)
        notes = [n.text(language) for n in totals.notes()]
    assert notes[0].startswith(expected), why
    if fmt is not TotalsFormat.CSV:
        assert " ".join(text.split()).count(expected) == 1, why
    chart = render_chart(totals, 200, False, language)
    assert " ".join(chart.split()).count(expected) == 1, why


def test_csv_is_not_formatted_and_neutralises_formulas() -> None:
    projects = [_project("A", budget=D("1234.5"), contacts=[Contact(name='=HYPERLINK("x")')])]
    text = render_totals(compute_totals(projects, [GroupBy.CONTACT]), TotalsFormat.CSV)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["contact"].startswith("'=")
    assert rows[0]["budget"] == "1234.5"


def test_markup_in_names_prints_literally() -> None:
    projects = [
        _project("A", budget=D(1), programme=None, contacts=[Contact(name="[bold]Liisa[/]")])
    ]
    totals = compute_totals(projects, [GroupBy.CONTACT])
    for color in (False, True):
        assert "[bold]Liisa[/]" in render_totals(totals, TotalsFormat.TABLE, width=80, color=color)


@pytest.mark.slow  # a gc.collect() per project: a memory check
def test_streams_one_project_at_a_time() -> None:
    # Totals hold no project: by the time a project is made, all but the last one or two
    # handed out (the caller's loop variable) are gone.
    refs: list[weakref.ref[Project]] = []

    def projects() -> Iterator[Project]:
        for i in range(12):
            gc.collect()
            assert all(ref() is None for ref in refs[:-2]), f"projects kept before #{i}"
            project = _project(f"P{i}", budget=D(i), contacts=[Contact(name=f"C{i}")])
            refs.append(weakref.ref(project))
            yield project
            del project

    totals = compute_totals(projects(), [GroupBy.PROGRAMME, GroupBy.CONTACT], by_year=True)
    assert totals.total.projects == 12
    assert totals.total.budget == D(sum(range(12)))


@pytest.mark.parametrize("command", ["totals", "timeline"])
def test_help_has_an_example(command: str) -> None:
    run = cli(command, "--help")
    assert run.exit_code == 0
    assert f"Example: hankkeet {command}" in run.stdout
