"""Totals: budgets, city shares, stated funding and person-years, summed by group.

Pure functions over project records, fed one project at a time so memory stays flat however
long the input is. Money is Decimal and person-years are exact Fractions until output.

Three rules decide what may be added to what:

* A city share stated for one year only ("Kaupungin osuus vuonna 2021") is not the city's
  share of the whole project. It is summed per year in its own column and never added into
  the whole-period city share.
* Stated funding is summed by kind of source (EU and state, municipalities, other) from the
  amounts the funding text states; a share in per cent adds nothing.
* A project counted in several groups (two contacts, two kinds of funder) adds to each of
  them, but to the grand total only once.
"""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any

from hankkeet.locale import M_, MN_, Language, Message
from hankkeet.models import Contact, FundingSource, Project, StaffPeriod


class GroupBy(StrEnum):
    """What a row of totals stands for; rows are keyed in this order."""

    PROGRAMME = "programme"
    FUNDER = "funder"
    CONTACT = "contact"


# The groups totals sum stated funding under (the parser's finer kinds of funder, in
# reading/labels.py, are folded into these): "private" and unclear funders are "other".
FUNDER_GROUPS: tuple[str, ...] = ("eu_state", "municipal", "other")
# The year column of budgets whose period is missing or open.
UNKNOWN_YEAR = "unknown"

# A row of totals: one value (or None, "not stated") per GroupBy, in group_by order.
RowKey = tuple[str | None, ...]


def funder_group(source: FundingSource) -> str:
    """The FUNDER_GROUPS entry a funding source is summed under: eu_state or municipal as
    the parser read its kind; anything else is 'other'."""
    return source.kind if source.kind in ("eu_state", "municipal") else "other"


def contact_key(contact: Contact) -> str | None:
    """What a contact is grouped by: the name, else the title or e-mail."""
    return contact.name or contact.title or contact.email


# --- Money over calendar years -------------------------------------------------------------


def days_by_year(start: date, end: date) -> dict[int, int]:
    """Days of the inclusive period start..end in each calendar year it touches."""
    days: dict[int, int] = {}
    for year in range(start.year, end.year + 1):
        first = max(start, date(year, 1, 1))
        last = min(end, date(year, 12, 31))
        days[year] = (last - first).days + 1
    return days


def round_cents(value: Fraction) -> Decimal:
    """An exact amount rounded to whole cents, ties to even (banker's rounding)."""
    return Decimal(round(value * 100)).scaleb(-2)


def split_by_year(budget: Decimal, start: date | None, end: date | None) -> dict[str, Decimal]:
    """A budget spread over calendar years pro rata by the days of its period in each year.

    Each year but the last gets its exact share rounded to the cent; the last year gets the
    rest (the rounding remainder), so the shares add up exactly to the budget. A period with
    no start, no end, or an end before its start puts the whole budget under 'unknown'.
    """
    if start is None or end is None or end < start:
        return {UNKNOWN_YEAR: budget}
    days = days_by_year(start, end)
    total_days = sum(days.values())
    years = sorted(days)
    shares: dict[str, Decimal] = {}
    for year in years[:-1]:
        shares[str(year)] = round_cents(Fraction(budget) * days[year] / total_days)
    shares[str(years[-1])] = budget - sum(shares.values(), Decimal(0))
    return shares


# --- Person-years (henkilötyövuodet) --------------------------------------------------------


def months_covered(start: date, end: date) -> Fraction:
    """Calendar months in the inclusive period: whole months count 1, a part month its days.

    A part month counts as (days covered) / (days in that month), so 1.9.–31.12.2021 is
    exactly 4 months and 1.–15.2.2022 is 15/28 of a month.
    """
    if end < start:
        return Fraction(0)

    def part(first: date, last: date) -> Fraction:
        days_in_month = calendar.monthrange(first.year, first.month)[1]
        return Fraction((last - first).days + 1, days_in_month)

    if (start.year, start.month) == (end.year, end.month):
        return part(start, end)
    first_month_end = date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    whole_between = (end.year - start.year) * 12 + end.month - start.month - 1
    return part(start, first_month_end) + whole_between + part(end.replace(day=1), end)


@dataclass(frozen=True)
class PersonYears:
    """Person-years of a staff list, and how many staff periods could not be counted."""

    value: Fraction | None
    skipped: int = 0


def person_years(staff: Iterable[StaffPeriod]) -> PersonYears:
    """Henkilötyövuodet: headcount × months covered / 12, summed over the staff periods.

    Months are counted as in months_covered, so whole calendar months count exactly: Vahvax,
    2.5 people for September–December 2021 and 3.0 for January 2022–July 2023, gives
    2.5 × 4/12 + 3.0 × 19/12 = 5.58 person-years. A period without a start or an end (or
    ending before it starts) cannot be measured: it adds nothing and is counted as skipped.
    The value is None when no period could be counted.
    """
    value: Fraction | None = None
    skipped = 0
    for period in staff:
        if period.start is None or period.end is None or period.end < period.start:
            skipped += 1
            continue
        years = Fraction(period.count) * months_covered(period.start, period.end) / 12
        value = years if value is None else value + years
    return PersonYears(value, skipped)


def round_places(value: Fraction, places: int = 2) -> Decimal:
    """An exact value rounded for output, ties to even."""
    return Decimal(round(value * 10**places)).scaleb(-places)


# --- One project's part in the sums ---------------------------------------------------------


@dataclass(frozen=True)
class Contribution:
    """What one project adds to every group it belongs to."""

    budget: Decimal | None
    city_share: Decimal | None
    one_year_share: tuple[int, Decimal] | None
    funding: dict[str, Decimal]
    person_years: Fraction | None
    years: dict[str, Decimal] | None
    skipped_staff: int = 0


def contribution(project: Project, by_year: bool = False) -> Contribution:
    """The amounts a project adds: the one-year city share kept apart from the whole-period one."""
    funding: dict[str, Decimal] = {}
    for source in project.funding.sources:
        if source.amount is not None:
            kind = funder_group(source)
            funding[kind] = funding.get(kind, Decimal(0)) + source.amount
    whole, one_year = project.city_share, None
    if project.city_share is not None and project.city_share_year is not None:
        whole, one_year = None, (project.city_share_year, project.city_share)
    years = None
    if by_year and project.budget is not None:
        years = split_by_year(project.budget, project.start, project.end)
    staff = person_years(project.staff)
    return Contribution(
        budget=project.budget,
        city_share=whole,
        one_year_share=one_year,
        funding=funding,
        person_years=staff.value,
        years=years,
        skipped_staff=staff.skipped,
    )


def _add(total: Decimal | None, value: Decimal | None) -> Decimal | None:
    if value is None:
        return total
    return value if total is None else total + value


@dataclass
class Measures:
    """The sums of one group (or of everything). None means nothing was stated to sum."""

    projects: int = 0
    budget: Decimal | None = None
    city_share: Decimal | None = None
    city_share_one_year: dict[int, Decimal] = field(default_factory=dict)
    funding: dict[str, Decimal] = field(default_factory=dict)
    person_years: Fraction | None = None
    years: dict[str, Decimal] = field(default_factory=dict)

    def add(self, part: Contribution) -> None:
        """Add one project."""
        self.projects += 1
        self.budget = _add(self.budget, part.budget)
        self.city_share = _add(self.city_share, part.city_share)
        if part.one_year_share is not None:
            one_year, share = part.one_year_share
            self.city_share_one_year[one_year] = (
                self.city_share_one_year.get(one_year, Decimal(0)) + share
            )
        for kind, amount in part.funding.items():
            self.funding[kind] = self.funding.get(kind, Decimal(0)) + amount
        if part.person_years is not None:
            self.person_years = (
                part.person_years
                if self.person_years is None
                else self.person_years + part.person_years
            )
        for year, amount in (part.years or {}).items():
            self.years[year] = self.years.get(year, Decimal(0)) + amount


@dataclass
class TotalsRow:
    """One group: its key (one value per GroupBy, None for 'not stated') and its sums."""

    key: RowKey
    measures: Measures


@dataclass
class Totals:
    """The sums by group and in total, with what the reader must know about them."""

    group_by: tuple[GroupBy, ...]
    by_year: bool
    rows: list[TotalsRow]
    total: Measures
    one_year_columns: list[int]
    year_columns: list[str]
    skipped_staff: int = 0
    without_budget: int = 0
    multi_counted: int = 0

    def notes(self) -> list[Message]:
        """Plain sentences on how the sums were made, for every output format (as values:
        each edge writes them in its language)."""
        out: list[Message] = []
        if self.by_year:
            out.append(
                M_(
                    "Years: each budget is spread over calendar years pro rata by days of its "
                    "period (first and last day included); every year but the last is rounded to "
                    "the cent and the last year takes the remainder, so a project's years add up "
                    "exactly to its budget. A project without a complete period counts under "
                    "'unknown'."
                )
            )
        if self.one_year_columns:
            out.append(
                M_(
                    "City shares stated for one year only are shown per year and are not "
                    "added into the city share for the whole period."
                )
            )
        if self.multi_counted:
            out.append(
                MN_(
                    "{n} project counts in more than one row (several contacts, or several kinds "
                    "of funder); the total counts every project once.",
                    "{n} projects count in more than one row (several contacts, or several kinds "
                    "of funder); the total counts every project once.",
                    count=self.multi_counted,
                    n=self.multi_counted,
                )
            )
        if self.without_budget:
            out.append(
                MN_(
                    "{n} project has no readable budget: it counts as a project but adds nothing "
                    "to the budget.",
                    "{n} projects have no readable budget: they count as projects but add nothing "
                    "to the budget.",
                    count=self.without_budget,
                    n=self.without_budget,
                )
            )
        if self.skipped_staff:
            out.append(
                MN_(
                    "Person-years: {n} staff period without a start or an end was skipped.",
                    "Person-years: {n} staff periods without a start or an end were skipped.",
                    count=self.skipped_staff,
                    n=self.skipped_staff,
                )
            )
        return out

    def measures_dict(self, measures: Measures) -> dict[str, Any]:
        """One row's sums as plain values; every row has the same keys."""
        out: dict[str, Any] = {
            "projects": measures.projects,
            "budget": measures.budget,
            "city_share": measures.city_share,
            "city_share_one_year": {
                str(y): measures.city_share_one_year.get(y) for y in self.one_year_columns
            },
            "funding": {kind: measures.funding.get(kind) for kind in FUNDER_GROUPS},
            "person_years": None
            if measures.person_years is None
            else round_places(measures.person_years),
        }
        if self.by_year:
            out["years"] = {y: measures.years.get(y, Decimal(0)) for y in self.year_columns}
        return out

    def to_dict(self, language: Language = Language.EN) -> dict[str, Any]:
        """The totals as JSON-ready data: group_by, rows, total, notes (written in
        `language`)."""
        rows = []
        for row in self.rows:
            keyed: dict[str, Any] = {
                g.value: k for g, k in zip(self.group_by, row.key, strict=True)
            }
            rows.append({**keyed, **self.measures_dict(row.measures)})
        out: dict[str, Any] = {"group_by": [g.value for g in self.group_by]}
        if self.by_year:
            out["years"] = list(self.year_columns)
        out.update(
            rows=rows,
            total=self.measures_dict(self.total),
            notes=[n.text(language) for n in self.notes()],
        )
        return out


def group_keys(project: Project, group_by: Iterable[GroupBy]) -> list[RowKey]:
    """Every row key a project belongs to (one per contact and kind of funder it has)."""
    choices: list[list[str | None]] = []
    for group in group_by:
        values: list[str | None]
        if group is GroupBy.PROGRAMME:
            values = [project.programme]
        elif group is GroupBy.FUNDER:
            kinds = {funder_group(s) for s in project.funding.sources if s.amount is not None}
            values = [k for k in FUNDER_GROUPS if k in kinds] or [None]
        else:
            names = dict.fromkeys(contact_key(c) for c in project.contacts)
            values = list(names) or [None]
        choices.append(values)
    return list(itertools.product(*choices))


def _year_order(label: str) -> tuple[bool, str]:
    return (label == UNKNOWN_YEAR, label.rjust(8, "0"))


class TotalsBuilder:
    """Accumulates totals one project at a time; result() gives the Totals."""

    def __init__(self, group_by: Iterable[GroupBy] = (), by_year: bool = False) -> None:
        """Rows keyed by the groups (in GroupBy order); year columns when by_year."""
        chosen = set(group_by)
        self.group_by = tuple(g for g in GroupBy if g in chosen)
        self.by_year = by_year
        # Insertion order: rows come out in the order their first project came in.
        self._rows: dict[RowKey, Measures] = {}
        self._total = Measures()
        self._skipped_staff = 0
        self._without_budget = 0
        self._multi_counted = 0

    def add(self, project: Project) -> None:
        """Add one project to its rows and, once, to the total."""
        part = contribution(project, self.by_year)
        self._total.add(part)
        if self.group_by:
            keys = group_keys(project, self.group_by)
            if len(keys) > 1:
                self._multi_counted += 1
            funder_at = (
                self.group_by.index(GroupBy.FUNDER) if GroupBy.FUNDER in self.group_by else None
            )
            for key in keys:
                row_part = part
                if funder_at is not None:
                    # A funder's row carries that funder's stated amounts, not the others'.
                    kind = key[funder_at]
                    row_part = replace(
                        part, funding={k: v for k, v in part.funding.items() if k == kind}
                    )
                self._rows.setdefault(key, Measures()).add(row_part)
        self._skipped_staff += part.skipped_staff
        if project.budget is None:
            self._without_budget += 1

    def result(self) -> Totals:
        """The totals so far."""
        one_year = sorted(self._total.city_share_one_year)
        years = sorted(self._total.years, key=_year_order)
        if self.by_year and UNKNOWN_YEAR not in years:
            # Always present, so "nothing unknown" is shown rather than left to guess.
            years.append(UNKNOWN_YEAR)
        rows = [TotalsRow(key, m) for key, m in self._rows.items()]
        return Totals(
            self.group_by,
            self.by_year,
            rows,
            self._total,
            one_year,
            years,
            self._skipped_staff,
            self._without_budget,
            self._multi_counted,
        )


def compute_totals(
    projects: Iterable[Project], group_by: Iterable[GroupBy] = (), by_year: bool = False
) -> Totals:
    """Totals of the projects, consumed one at a time (an iterator is never held whole)."""
    builder = TotalsBuilder(group_by, by_year)
    for project in projects:
        builder.add(project)
    return builder.result()
