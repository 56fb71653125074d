"""The cross-field checks, on records built directly: tables of (record, expected, why)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hankkeet.checks import CHECKS, check_project
from hankkeet.diagnostics import RULES
from hankkeet.locale import Language
from hankkeet.models import FunderKind, Funding, FundingSource, Project, SourceRef, StaffPeriod

TITLE_LINE = 10
LINES = {
    "name": 10,
    "funding": 12,
    "period": 13,
    "start": 13,
    "end": 13,
    "budget": 14,
    "city_share": 15,
    "staff": 16,
    "contacts": 17,
}


def project(**fields: Any) -> Project:
    """A sound project (no finding), with the given fields replaced."""
    base: dict[str, Any] = {
        "id": "testihanke",
        "name": "Testihanke",
        "source": SourceRef(path="hankkeet.txt", line=TITLE_LINE),
        "start": date(2022, 1, 1),
        "end": date(2023, 12, 31),
        "budget": Decimal(100_000),
        "city_share": Decimal(20_000),
        "lines": dict(LINES),
    }
    base.update(fields)
    return Project(**base)


def sources(*pairs: tuple[str | int | None, str | int | None]) -> Funding:
    """Funding sources as (amount, share); the funder is an outside one."""
    return Funding(
        text="…",
        sources=[
            FundingSource(
                funder="EAKR",
                amount=None if a is None else Decimal(a),
                share=None if s is None else Decimal(s),
                kind="eu_state",
            )
            for a, s in pairs
        ],
    )


def codes(p: Project) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in check_project(p)]


CASES: list[tuple[dict[str, Any], list[tuple[str, int]], str]] = [
    ({}, [], "a sound project has no finding"),
    # time
    (
        {"start": date(2023, 1, 1), "end": date(2022, 12, 31)},
        [("end-before-start", 13)],
        "end a day before the start",
    ),
    ({"start": date(2023, 1, 1), "end": date(2023, 1, 1)}, [], "a one-day period is fine"),
    (
        {"start": date(2023, 1, 1), "end": date(2022, 12, 31), "lines": {"name": 10}},
        [("end-before-start", TITLE_LINE)],
        "no period line known: the title line",
    ),
    ({"start": None}, [], "an open start cannot end before it"),
    (
        {
            "staff": [
                StaffPeriod(count=Decimal(2), start=date(2022, 1, 1), end=date(2024, 6, 30)),
                StaffPeriod(count=Decimal(3), start=date(2024, 7, 1), end=date(2023, 12, 31)),
            ]
        },
        [("staff-outside-period", 16)],
        "a change of headcount after the period: one finding",
    ),
    (
        {
            "staff": [
                StaffPeriod(count=Decimal(2), start=date(2022, 1, 1), end=date(2022, 6, 30)),
                StaffPeriod(count=Decimal(3), start=date(2022, 7, 1), end=date(2023, 12, 31)),
            ]
        },
        [],
        "a change of headcount inside the period",
    ),
    (
        {"staff": [StaffPeriod(count=Decimal(2), start=date(2021, 1, 1), end=date(2021, 6, 30))]},
        [("staff-outside-period", 16)],
        "a headcount before the period starts",
    ),
    ({"staff": [StaffPeriod(count=Decimal(1))]}, [], "a headcount without dates"),
    (
        {"city_share_year": 2021},
        [("city-share-year-outside-period", 15)],
        "the year before the period",
    ),
    (
        {"city_share_year": 2024},
        [("city-share-year-outside-period", 15)],
        "the year after the period",
    ),
    ({"city_share_year": 2023}, [], "the last year of the period"),
    (
        {"city_share_year": 2019, "start": None, "end": None},
        [],
        "no period: the year cannot be compared",
    ),
    # money
    (
        {"city_share": Decimal("100000.01")},
        [("city-share-above-budget", 15)],
        "a cent above the budget",
    ),
    ({"city_share": Decimal(100_000)}, [], "the city pays it all"),
    ({"funding": sources((80_000, None), (20_000, None))}, [], "two amounts add up"),
    ({"funding": sources((80_000, None), (20_001, None))}, [], "one euro over is rounding"),
    ({"funding": sources((80_000, None), (19_999, None))}, [], "one euro under is rounding"),
    (
        {"funding": sources((80_000, None), (20_002, None))},
        [("funding-sum-mismatch", 12)],
        "two euros over",
    ),
    (
        {"funding": sources((80_000, None), (19_998, None))},
        [("funding-sum-mismatch", 12)],
        "two euros under, with two amounts",
    ),
    (
        {"funding": sources(("80000.5", None), ("20000.6", None))},
        [("funding-sum-mismatch", 12)],
        "1,10 € over is more than rounding",
    ),
    (
        {"funding": sources((80_000, None))},
        [],
        "one amount below the budget may be one funder's part",
    ),
    (
        {"funding": sources((100_002, None))},
        [("funding-sum-mismatch", 12)],
        "one amount above the budget",
    ),
    (
        {"funding": sources((80_000, None)), "budget": None, "city_share": None},
        [],
        "no budget to compare with",
    ),
    ({"funding": sources((None, 80))}, [], "80 % leaves the city its 20 000 €"),
    ({"funding": sources((None, 80)), "city_share": Decimal("20000.99")}, [], "within a euro"),
    (
        {"funding": sources((None, 80)), "city_share": Decimal(20_002)},
        [("share-mismatch", 12)],
        "two euros off",
    ),
    (
        {"funding": sources((None, 90))},
        [("share-mismatch", 12)],
        "90 % leaves 10 000 €, not 20 000 €",
    ),
    (
        {"funding": sources((None, 90)), "city_share_year": 2022},
        [],
        "a one-year city share is not the whole period's",
    ),
    (
        {"funding": sources((None, 70), (None, 10))},
        [],
        "two outside shares together leave the city 20 %",
    ),
    (
        {
            "funding": Funding(
                text="…",
                sources=[FundingSource(funder="kaupunki", share=Decimal(20), kind="municipal")],
            )
        },
        [],
        "a share the text gives the city itself",
    ),
    (
        {
            "funding": Funding(
                text="…",
                sources=[FundingSource(funder="kaupunki", share=Decimal(25), kind="municipal")],
            )
        },
        [("share-mismatch", 12)],
        "the city's own share disagrees",
    ),
    (
        {"funding": Funding(text="…", stated_budget=Decimal(100_001))},
        [],
        "a stated total within a euro",
    ),
    (
        {"funding": Funding(text="…", stated_budget=Decimal(145_616))},
        [("stated-budget-mismatch", 12)],
        "a stated total that differs",
    ),
    (
        {
            "funding": Funding(text="…", stated_budget=Decimal(145_616)),
            "budget": None,
            "city_share": None,
        },
        [],
        "no budget field to compare with",
    ),
]


@pytest.mark.parametrize(("fields", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_check(fields: dict[str, Any], expected: list[tuple[str, int]], why: str) -> None:
    assert codes(project(**fields)) == expected, why


def test_case_ids_are_unique() -> None:
    whys = [c[2] for c in CASES]
    assert len(whys) == len(set(whys))


def test_every_check_is_exercised() -> None:
    found = {code for _, expected, _ in CASES for code, _ in expected}
    made = {check.__name__.replace("_", "-") for check in CHECKS}
    assert made <= set(RULES), "every check is named after its rule"
    assert found == made


def test_finding_names_project_and_path() -> None:
    (finding,) = check_project(project(city_share=Decimal(120_000)))
    assert (finding.path, finding.project, finding.column) == ("hankkeet.txt", "testihanke", None)
    assert "120\u00a0000\u00a0€" in finding.text(
        Language.EN
    ) and "100\u00a0000\u00a0€" in finding.text(Language.EN)


def test_funding_sum_message_quotes_the_amounts() -> None:
    (finding,) = check_project(
        project(
            funding=sources((108_387, None), (27_097, None)),
            budget=Decimal(61_875),
            city_share=None,
        )
    )
    # NBSP inside every amount, so a wrapped message never breaks one.
    assert finding.text(Language.EN).replace("\u00a0", " ") == (
        "the funding text states 108 387 € + 27 097 € = 135 484 €, but "
        "the budget is 61 875 € (a difference of 73 609 €)"
    )
    assert "108\u00a0387\u00a0€" in finding.text(Language.EN)


def test_share_message_shows_the_expected_share() -> None:
    (finding,) = check_project(
        project(funding=sources((None, 90)), budget=Decimal(145_616), city_share=Decimal("4979.2"))
    )
    text = finding.text(Language.EN).replace("\u00a0", " ")
    assert "14 561,60 €" in text and "4 979,20 €" in text


amounts = st.none() | st.decimals(min_value=0, max_value=10**9, places=2)
days = st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@given(
    budget=amounts,
    city=amounts,
    start=days,
    end=days,
    year=st.none() | st.integers(1990, 2050),
    funding=st.lists(
        st.tuples(
            amounts,
            st.none() | st.decimals(0, 200, places=1),
            st.sampled_from(["eu_state", "municipal", None]),
        ),
        max_size=4,
    ),
    stated=amounts,
)
def test_checks_never_raise(
    budget: Decimal | None,
    city: Decimal | None,
    start: date | None,
    end: date | None,
    year: int | None,
    funding: list[tuple[Decimal | None, Decimal | None, FunderKind | None]],
    stated: Decimal | None,
) -> None:
    p = project(
        budget=budget,
        city_share=city,
        start=start,
        end=end,
        city_share_year=year,
        funding=Funding(
            text="…",
            stated_budget=stated,
            sources=[FundingSource(funder="x", amount=a, share=s, kind=k) for a, s, k in funding],
        ),
        staff=[StaffPeriod(count=Decimal(1), start=start, end=end)],
    )
    for finding in check_project(p):
        assert finding.code in RULES
        assert finding.line in set(LINES.values())
