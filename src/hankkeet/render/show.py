"""`show`: every field of one project with the line it came from, fitted to the width."""

from __future__ import annotations

from hankkeet.encode import decimal_text
from hankkeet.finnish import NBSP, format_euros, format_period, format_staff
from hankkeet.locale import _
from hankkeet.models import Project
from hankkeet.render.draw import draw_table
from hankkeet.render.layout import Column, fit_table
from hankkeet.render.table import cell, city_share_text


def show_rows(project: Project, where: str | None = None) -> list[tuple[str, str, int | None]]:
    """(field, value, line) for every field of a project, in reading order, for people;
    `where` tells the source when its path and line do not say it all (a PDF's page)."""
    lines = project.lines
    funding = project.funding
    rows: list[tuple[str, str, int | None]] = [
        (_("id"), project.id, None),
        (_("name"), project.name, lines.get("name")),
        (_("source"), where or f"{project.source.path}:{project.source.line}", None),
        (_("programme"), project.programme or "", lines.get("funding")),
        (_("funding"), funding.text or "", lines.get("funding")),
    ]
    for source in funding.sources:
        parts = [source.funder]
        if source.amount is not None:
            parts.append(format_euros(source.amount))
        if source.share is not None:
            parts.append(f"{decimal_text(source.share).replace('.', ',')}{NBSP}%")
        rows.append(("  " + _("source"), ", ".join(parts), lines.get("funding")))
    if funding.stated_budget is not None:
        rows.append(
            ("  " + _("stated budget"), format_euros(funding.stated_budget), lines.get("funding"))
        )
    rows += [
        (_("period"), format_period(project.start, project.end), lines.get("start")),
        (_("budget"), format_euros(project.budget), lines.get("budget")),
        (_("city share"), city_share_text(project), lines.get("city_share")),
        (_("staff"), format_staff(project.staff), lines.get("staff")),
    ]
    for contact in project.contacts:
        details = ", ".join(
            filter(None, (contact.title, contact.name, contact.email, contact.phone))
        )
        rows.append((_("contact"), details, lines.get("contacts")))
    rows.append((_("summary"), project.summary or "", lines.get("summary")))
    rows += source_rows(project)
    return rows


def source_rows(project: Project) -> list[tuple[str, str, int | None]]:
    """A merged record's sources, most trusted first: each source's place, kind and name,
    then the fields taken from it (each at its line in that source)."""
    kinds = {
        "register": _("register"),
        "page": _("project page"),
        "decision": _("decision"),
        "news": _("news"),
    }
    rows: list[tuple[str, str, int | None]] = []
    for source in project.sources:
        rows.append(
            (
                _("from"),
                f"{source.path}:{source.line} ({kinds[source.kind]}) {source.name}",
                source.line,
            )
        )
        for field_name, line in source.fields.items():
            rows.append(("  " + _("value of"), field_name, line))
    return rows


def render_show(project: Project, width: int, color: bool, where: str | None = None) -> str:
    """The project's name, then a table of field, value and line, fitting the width."""
    rows = show_rows(project, where)
    columns = [
        Column(_("Field"), tuple(r[0] for r in rows), nowrap=True),
        Column(_("Value"), tuple(cell(r[1]).plain for r in rows)),
        Column(_("Line"), tuple(str(r[2]) if r[2] else "" for r in rows), right=True, nowrap=True),
    ]
    columns, widths, _taken = fit_table(columns, width)
    return draw_table(columns, widths, color, title=cell(project.name, 300).plain)
