"""Rules across fields of one record: periods, staff dates, and whether the money adds up.

Each check is a pure function from a project to the diagnostics it finds; the parser has
already reported what could not be read, so a check only looks at values that were read.
A finding about one field stands at that field's line; one about the whole project at the
title line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.finnish import format_date, format_euros, format_number, format_percent, format_period
from hankkeet.locale import M_, N_, Message
from hankkeet.models import Project

# Amounts in the text are rounded to whole euros; a difference of one euro is rounding.
TOLERANCE = Decimal(1)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")

# A check gives its findings as a tuple: most projects have none, and an empty tuple is
# cheaper to give (and to go through) than a generator for each check and project.
Findings = tuple[Diagnostic, ...]
Check = Callable[[Project], Findings]
NONE: Findings = ()


def euros(value: Decimal) -> str:
    """An amount for a message, as every view writes it: '108 387 €' with NBSPs, so a
    wrapped message never breaks an amount."""
    return format_euros(value)


def _percent(value: Decimal) -> str:
    return format_percent(value)


def _period(project: Project) -> str:
    return format_period(project.start, project.end)


def _at(project: Project, code: Code, message: Message, *fields: str) -> Diagnostic:
    """A diagnostic at the first of the fields that has a line, else at the title line."""
    line = next((project.lines[f] for f in fields if f in project.lines), project.source.line)
    return Diagnostic(code, message, project.source.path, line, project.id)


def end_before_start(project: Project) -> Findings:
    """The period ends before it starts."""
    if project.start is not None and project.end is not None and project.end < project.start:
        return (
            _at(
                project,
                Code.END_BEFORE_START,
                M_(
                    "the period ends on {end}, before it starts on {start}",
                    end=format_date(project.end),
                    start=format_date(project.start),
                ),
                "end",
                "period",
            ),
        )
    return NONE


def _outside(day: date, project: Project) -> bool:
    return (project.start is not None and day < project.start) or (
        project.end is not None and day > project.end
    )


def staff_outside_period(project: Project) -> Findings:
    """A headcount whose dates (from a change of headcount) fall outside the period."""
    if project.end is not None and project.start is not None and project.end < project.start:
        return NONE  # end-before-start already says the period itself is wrong
    for staff in project.staff:
        # The message is looked up only for a day outside: most staff lines have none.
        if staff.start is not None and _outside(staff.start, project):
            day, message = (
                staff.start,
                N_("staff count {count} from {date} lies outside the period {period}"),
            )
        elif staff.end is not None and _outside(staff.end, project):
            day, message = (
                staff.end,
                N_("staff count {count} until {date} lies outside the period {period}"),
            )
        else:
            continue
        # One finding (the first staff line outside) is enough to send the editor there.
        return (
            _at(
                project,
                Code.STAFF_OUTSIDE_PERIOD,
                M_(
                    message,
                    count=format_number(staff.count),
                    date=format_date(day),
                    period=_period(project),
                ),
                "staff",
            ),
        )
    return NONE


def city_share_year_outside_period(project: Project) -> Findings:
    """The year of a one-year city share is not a year of the period."""
    year = project.city_share_year
    if year is None or (project.start is None and project.end is None):
        return NONE
    first = project.start.year if project.start is not None else None
    last = project.end.year if project.end is not None else None
    if (first is not None and year < first) or (last is not None and year > last):
        return (
            _at(
                project,
                Code.CITY_SHARE_YEAR_OUTSIDE_PERIOD,
                M_(
                    "the city share is for {year}, outside the period {period}",
                    year=year,
                    period=_period(project),
                ),
                "city_share",
            ),
        )
    return NONE


def city_share_above_budget(project: Project) -> Findings:
    """The city's share is larger than the whole budget."""
    share, budget = project.city_share, project.budget
    if share is not None and budget is not None and share > budget:
        return (
            _at(
                project,
                Code.CITY_SHARE_ABOVE_BUDGET,
                M_(
                    "the city share {share} is larger than the budget {budget}",
                    share=euros(share),
                    budget=euros(budget),
                ),
                "city_share",
            ),
        )
    return NONE


def funding_sum_mismatch(project: Project) -> Findings:
    """The amounts the funding text states do not add up to the budget (±1 €).

    A single amount below the budget is left alone: the text may state only one funder's
    part. A sum above the budget is always wrong.
    """
    budget = project.budget
    amounts = [s.amount for s in project.funding.sources if s.amount is not None]
    if budget is None or not amounts:
        return NONE
    total = sum(amounts, Decimal(0))
    if total > budget + TOLERANCE or (len(amounts) > 1 and total < budget - TOLERANCE):
        stated = " + ".join(euros(a) for a in amounts)
        if len(amounts) > 1:
            stated += f" = {euros(total)}"
        return (
            _at(
                project,
                Code.FUNDING_SUM_MISMATCH,
                M_(
                    "the funding text states {stated}, but the budget is {budget} (a "
                    "difference of {difference})",
                    stated=stated,
                    budget=euros(budget),
                    difference=euros(abs(total - budget)),
                ),
                "funding",
            ),
        )
    return NONE


def share_mismatch(project: Project) -> Findings:
    """A stated funding share (80 %) disagrees with the whole-period city share (±1 €).

    The share of outside funders leaves the city budget × (100 − share) %; a share the
    text gives to the municipality itself is the city's share directly. A one-year city
    share (city_share_year) is not comparable and is skipped.
    """
    budget, city = project.budget, project.city_share
    if budget is None or city is None or project.city_share_year is not None:
        return NONE
    outside = [
        s.share for s in project.funding.sources if s.share is not None and s.kind != "municipal"
    ]
    own = [
        s.share for s in project.funding.sources if s.share is not None and s.kind == "municipal"
    ]
    if outside:
        share = sum(outside, Decimal(0))
        city_percent = HUNDRED - share
    elif own:
        city_percent = sum(own, Decimal(0))
    else:
        return NONE
    expected = budget * city_percent / HUNDRED
    if abs(expected - city) > TOLERANCE:
        stated = (
            M_("the funding share {percent}", percent=_percent(share))
            if outside
            else M_("the municipal share {percent}", percent=_percent(city_percent))
        )
        return (
            _at(
                project,
                Code.SHARE_MISMATCH,
                M_(
                    "{stated} means a city share of {expected} ({budget} × {percent}), but the "
                    "city share is {city}",
                    stated=stated,
                    expected=euros(expected.quantize(CENT).normalize()),
                    budget=euros(budget),
                    percent=_percent(city_percent),
                    city=euros(city),
                ),
                "funding",
            ),
        )
    return NONE


def stated_budget_mismatch(project: Project) -> Findings:
    """The funding text states a total budget that differs from the budget field (±1 €)."""
    stated, budget = project.funding.stated_budget, project.budget
    if stated is not None and budget is not None and abs(stated - budget) > TOLERANCE:
        return (
            _at(
                project,
                Code.STATED_BUDGET_MISMATCH,
                M_(
                    "the funding text states a total budget of {stated}, but the budget is "
                    "{budget}",
                    stated=euros(stated),
                    budget=euros(budget),
                ),
                "funding",
            ),
        )
    return NONE


# Every cross-field check, in the order their findings are reported for one project.
CHECKS: tuple[Check, ...] = (
    end_before_start,
    staff_outside_period,
    city_share_year_outside_period,
    city_share_above_budget,
    funding_sum_mismatch,
    share_mismatch,
    stated_budget_mismatch,
)


def check_project(project: Project) -> list[Diagnostic]:
    """Every cross-field finding about one project."""
    found: list[Diagnostic] = []
    for check in CHECKS:
        if findings := check(project):
            found += findings
    return found
