"""Rich tables for people at a terminal. User text is passed as Text, never as markup."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from hankkeet.finnish import euro_places, format_euros, format_period, money_column
from hankkeet.flat import contact_text
from hankkeet.locale import _, ngettext
from hankkeet.models import Project
from hankkeet.render.draw import draw_table
from hankkeet.render.layout import CELL_MAX, Column, Step, clipped, fit_table


def cell(value: str, limit: int = CELL_MAX) -> Text:
    """User text for a table cell: never markup, and cut when very long."""
    return Text(clipped(value, limit))


def city_share_text(project: Project, sep: str = " ", places: int | None = None) -> str:
    """The city share, with the one year it covers when the text says so."""
    if project.city_share is None:
        return ""
    money = format_euros(project.city_share, places=places)
    if not project.city_share_year:
        return money
    # The year keeps to its word (a no-break space): '(in 2021)', in Finnish '(v. 2021)'.
    return sep.join((money, _("(in\u00a0{year})").format(year=project.city_share_year)))


def _without(header: str) -> Callable[[list[Column]], list[Column]]:
    return lambda columns: [c for c in columns if c.header != header]


def _names_only(header: str, names: tuple[str, ...]) -> Callable[[list[Column]], list[Column]]:
    return lambda columns: [Column(c.header, names) if c.header == header else c for c in columns]


def list_layout(
    projects: list[Project], width: int, ids: bool = False
) -> tuple[list[Column], list[int], list[str]]:
    """The list table's columns fitted to the width, and the notes of what was left out.

    At narrow widths, in this order: contacts shrink to names only, then the contacts, the
    city share, the programme and the period are left out (the name, budget and id never).
    """
    budgets = money_column([p.budget for p in projects])
    share_places = euro_places([p.city_share for p in projects])
    contacts = tuple(
        cell("\n".join(contact_text(c) for c in p.contacts), 300).plain for p in projects
    )
    names = tuple("\n".join(c.name or c.title or "" for c in p.contacts) for p in projects)
    h_contacts = _("Contacts")
    h_share, h_programme, h_period = _("City share"), _("Programme"), _("Period")
    columns = [
        *([Column(_("Id"), tuple(p.id for p in projects))] if ids else []),
        Column(_("Project"), tuple(cell(p.name, 200).plain for p in projects)),
        Column(h_programme, tuple(p.programme or "–" for p in projects), nowrap=True),
        Column(h_period, tuple(format_period(p.start, p.end, spaced=True) for p in projects)),
        Column(_("Budget"), tuple(budgets), right=True, nowrap=True),
        Column(h_share, tuple(city_share_text(p, " ", share_places) for p in projects), right=True),
        Column(h_contacts, contacts),
    ]
    # Each step says what it hid: the names-only step the word NAMES_ONLY, the others the
    # header of the column left out (width_note makes the sentence).
    steps = [
        Step(NAMES_ONLY, _names_only(h_contacts, names)),
        *(Step(h, _without(h)) for h in (h_contacts, h_share, h_programme, h_period)),
    ]
    return fit_table(columns, width, steps)


# What list_layout's first narrowing step says (the others say a column's header).
NAMES_ONLY = "names only"


def width_note(taken: list[str]) -> str:
    """One sentence on what the width hid: contacts shortened to names, or the columns left
    out (once the contacts are left out, their names-only step no longer applies)."""
    left_out = [step for step in taken if step != NAMES_ONLY]
    if left_out:
        return ngettext(
            "At this width, column left out: {names} (a wider terminal or --format csv "
            "shows every column).",
            "At this width, columns left out: {names} (a wider terminal or --format csv "
            "shows every column).",
            len(left_out),
        ).format(names=", ".join(left_out))
    if taken:
        return _(
            "At this width, contacts show names only (a wider terminal or --format csv "
            "shows them in full)."
        )
    return ""


def project_table(
    projects: list[Project], width: int, color: bool, ids: bool = False
) -> tuple[str, str]:
    """The list table fitted to the width, and a note (for stderr) of what the width hid."""
    if not projects:
        return "", ""  # the note on stderr says how many matched; an empty box says nothing
    columns, widths, taken = list_layout(projects, width, ids)
    return draw_table(columns, widths, color), width_note(taken)


def render_project_table(
    projects: list[Project], width: int, color: bool, ids: bool = False
) -> str:
    """The list table fitted to the width (project_table gives the note of what it hid)."""
    return project_table(projects, width, color, ids)[0]
