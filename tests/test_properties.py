"""Properties (Hypothesis): parsing never raises; money and dates survive Finnish rendering."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hankkeet.finnish import NBSP, format_date, format_euros, format_number
from hankkeet.reading.dates import DASHES, read_date, read_period
from hankkeet.reading.labels import LABELS
from hankkeet.reading.money import read_money_field
from hankkeet.reading.parser import ParsedProject, parse_text

# Modest example counts: these run on every `pytest`; a deadline would only measure the CI box.
FEW = settings(max_examples=150, deadline=None)

# -- parsing never raises -------------------------------------------------------------------

LABEL_VARIANTS = sorted(v for variants in LABELS.values() for v in variants)
# Values that reach the deeper readers: amounts, dates, staff changes, contacts, programmes.
VALUE_PIECES = [
    "344 616 euroa",
    "256.506 €",
    "4979,2 e",
    "1,2 milj. euroa",
    "80 %",
    "1.11.2021–31.10.2023",
    "1/2024–12/2024",
    "2027–2028",
    "31.2.2023",
    "1.1.",
    "alkaen",
    "saakka",
    "(",
    ")",
    "2,5 (31.12.2021 saakka, minkä jälkeen 3,0)",
    "projektipäällikkö",
    "Matti Meikäläinen",
    "ja",
    ",",
    ";",
    "matti@example.fi",
    "puh. 040 123 4567",
    "EAKR",
    "REACT-EU",
    "ESR",
    "kuntien rahoitus",
    "vuonna",
    "/v",
    "[bold]",
    "[/]",
    "\x1b[2J",
    "\u00a0",
    "\u2013",
    ":",
    "=SUM(A1)",
    "",
]
value_text = st.lists(
    st.one_of(st.sampled_from(VALUE_PIECES), st.text(max_size=12)), max_size=8
).map(" ".join)
label_line = st.builds(
    lambda label, sep, value: f"{label}{sep}{value}",
    st.sampled_from(LABEL_VARIANTS),
    st.sampled_from([": ", ":", " "]),
    value_text,
)
title_line = st.text(min_size=1, max_size=40).filter(lambda t: "\n" not in t and "\r" not in t)
any_line = st.one_of(label_line, title_line, st.just(""), value_text)
newline = st.sampled_from(["\n", "\r\n", "\r"])
document = st.builds(lambda lines, nl: nl.join(lines), st.lists(any_line, max_size=30), newline)


@FEW
@given(st.text())
def test_parsing_any_text_never_raises(text: str) -> None:
    """Arbitrary Unicode text parses into projects and diagnostics, never an exception."""
    result = parse_text(text)
    for diagnostic in result.all_diagnostics:
        assert diagnostic.line >= 1


@FEW
@given(document)
def test_parsing_label_soup_never_raises(text: str) -> None:
    """Lines of real labels with mangled values reach every field reader without a crash."""
    result = parse_text(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for item in result.projects:
        assert isinstance(item, ParsedProject)
        assert 1 <= item.project.source.line <= lines
        assert all(1 <= d.line <= lines for d in item.diagnostics)


# -- money round-trips through its Finnish rendering ----------------------------------------

amounts = st.decimals(
    min_value=0, max_value=10**13, places=2, allow_nan=False, allow_infinity=False
)
# (how to render, id, why it is a form people write)
RENDERINGS: list[tuple[Callable[[Decimal], str], str, str]] = [
    (format_euros, "format_euros", "the tool's own form: NBSP groups and ' €'"),
    (lambda x: f"{format_number(x)} euroa", "euroa", "'euroa' spelt out"),
    (lambda x: f"{format_number(x, group=' ')} €", "space-groups", "plain-space grouping"),
    (lambda x: f"{format_number(x, group='.')} €", "dot-groups", "dot grouping: 256.506 €"),
    (lambda x: f"{format_number(x, group='')} e", "bare-e", "no grouping and a bare 'e'"),
    (
        lambda x: f"Hankkeen kokonaisbudjetti on {format_number(x)} euroa.",
        "sentence",
        "inside a sentence",
    ),
]


@pytest.mark.parametrize(("render", "name", "why"), RENDERINGS, ids=[r[1] for r in RENDERINGS])
@FEW
@given(amount=amounts)
def test_money_round_trips(
    render: Callable[[Decimal], str], name: str, why: str, amount: Decimal
) -> None:
    """read_money_field gives back exactly the amount that was rendered."""
    text = render(amount)
    reading = read_money_field(text)
    assert reading.value == amount, (why, text, reading)
    assert reading.problem is None, (why, text, reading)


@FEW
@given(amounts)
def test_a_budget_line_round_trips(amount: Decimal) -> None:
    """Through the whole parser, 'Budjetti: 344 616 €' gives the budget back."""
    text = f"Hanke\n\nToiminta-aika: 1.1.2022–31.12.2022\nBudjetti: {format_euros(amount)}\n"
    projects = parse_text(text).projects
    assert [p.project.budget for p in projects] == [amount], text


@FEW
@given(amounts.filter(lambda x: x > 0))
def test_a_minus_sign_is_never_dropped(amount: Decimal) -> None:
    """'-5 000 €' is read as -5000 or refused; reading it as +5000 would be a lie."""
    for minus in ("-", "\u2212"):
        text = f"{minus}{format_number(amount)} €"
        reading = read_money_field(text)
        assert reading.value in (-amount, None), (text, reading)


def test_the_renderings_are_the_forms_they_claim() -> None:
    """The renderings above really are the Finnish forms (so the round trip means something)."""
    x = Decimal("344616.5")
    # The tool writes money to the cent ('344 616,50 €'), as every view does.
    assert [render(x) for render, _, _ in RENDERINGS] == [
        f"344{NBSP}616,50{NBSP}€",
        f"344{NBSP}616,5 euroa",
        "344 616,5 €",
        "344.616,5 €",
        "344616,5 e",
        f"Hankkeen kokonaisbudjetti on 344{NBSP}616,5 euroa.",
    ]


# -- dates round-trip through their Finnish rendering -----------------------------------------

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
dashes = st.sampled_from(["–", "-", " – ", " - ", *DASHES])


@FEW
@given(days, days, dashes)
def test_period_round_trips(a: date, b: date, dash: str) -> None:
    """read_period gives back (a, b) from '1.11.2021–31.10.2023' with any dash."""
    if b < a:
        a, b = b, a
    text = f"{format_date(a)}{dash}{format_date(b)}"
    reading = read_period(text)
    assert (reading.start, reading.end) == (a, b), (text, reading)
    assert reading.problems == (), (text, reading)


@FEW
@given(days)
def test_one_date_round_trips(day: date) -> None:
    """read_date gives back the day from '1.11.2021'."""
    reading = read_date(format_date(day))
    assert (reading.start, reading.end) == (day, day), reading
