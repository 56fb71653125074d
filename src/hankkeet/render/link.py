"""`link` output: groups of records that describe one project, as a table, JSON or CSV."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

from hankkeet.encode import dumps
from hankkeet.finnish import format_euros
from hankkeet.locale import N_, _, ngettext
from hankkeet.render.draw import draw_table
from hankkeet.render.layout import Column, fit_table
from hankkeet.render.spreadsheet import render_rows

if TYPE_CHECKING:
    from hankkeet.link import Group, Linkage, Pair


class LinkFormat(StrEnum):
    """Formats `link` can write."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


STATUS_TEXT = {
    "match": N_("match"),
    "probable": N_("probable"),
    "review": N_("review"),
}
FIELD_TEXT = {
    "code": N_("code"),
    "name": N_("name"),
    "name-alike": N_("name alike"),
    "name-similar": N_("name similar"),
    "follow-up": N_("follow-up numeral"),
    "period": N_("period"),
    "period-overlaps": N_("periods overlap"),
    "programme": N_("programme"),
    "fund": N_("fund"),
    "budget": N_("budget"),
    "budget-near": N_("budget near"),
    "municipality": N_("municipality"),
    "implementer": N_("implementer"),
    "business-id": N_("business ID"),
}
Row = dict[str, str | Decimal | int | None]
CSV_COLUMNS = (
    "group",
    "status",
    "record",
    "path",
    "line",
    "name",
    "codes",
    "budget",
    "score",
    "evidence",
)


def evidence_text(pair: Pair) -> str:
    """'name +6, period +4, fund −6 (= 4)': each field with its weight, and the sum."""
    parts = [f"{_(FIELD_TEXT.get(e.field, e.field))} {signed(e.weight)}" for e in pair.evidence]
    return ", ".join(parts) + f" (= {signed(pair.score)})"


def signed(weight: int) -> str:
    """A weight with its sign, a real minus for people: +6, −8."""
    return f"{weight:+d}".replace("-", "\u2212")


def _pair_of(group: Group, member: int, before: set[int]) -> Pair | None:
    """The pair that joins this record to one listed before it in its group."""
    for pair in group.pairs:
        if (pair.a == member and pair.b in before) or (pair.b == member and pair.a in before):
            return pair
    return None


def rows(linkage: Linkage) -> list[Row]:
    """A row per record of each group: the group, its status, the record, and the
    evidence of the pair that joins the record to one before it."""
    out: list[Row] = []
    for n, group in enumerate(linkage.groups, start=1):
        before: set[int] = set()
        for member in group.members:
            identity = linkage.identities[member]
            pair = _pair_of(group, member, before)
            before.add(member)
            out.append(
                {
                    "group": n,
                    "status": group.status.value,
                    "record": member + 1,
                    "path": identity.path,
                    "line": identity.line,
                    "name": identity.name,
                    "codes": " ".join(identity.codes),
                    "budget": identity.budget,
                    "score": None if pair is None else pair.score,
                    "evidence": None if pair is None else evidence_text(pair),
                }
            )
    return out


def render_table(linkage: Linkage, width: int, color: bool) -> str:
    """The groups as a table for people: one row per record, the evidence beside it."""
    table = rows(linkage)
    first = [n == 0 or table[n - 1]["group"] != row["group"] for n, row in enumerate(table)]
    budgets = [
        format_euros(b if isinstance(b := row["budget"], Decimal) else None) for row in table
    ]
    columns = [
        Column(
            _("Group"),
            tuple(str(r["group"]) if f else "" for r, f in zip(table, first, strict=True)),
            right=True,
        ),
        Column(
            _("Status"),
            tuple(
                _(STATUS_TEXT[str(r["status"])]) if f else ""
                for r, f in zip(table, first, strict=True)
            ),
        ),
        Column(_("Source"), tuple(f"{r['path']}:{r['line']}" for r in table)),
        Column(_("Project"), tuple(str(r["name"]) for r in table)),
        Column(_("Budget"), tuple(budgets), right=True, nowrap=True),
        Column(_("Evidence"), tuple(str(r["evidence"] or "") for r in table)),
    ]
    columns, widths, _taken = fit_table(columns, width)
    return draw_table(columns, widths, color, title=link_title(linkage))


def link_title(linkage: Linkage) -> str:
    """'3 groups of 8 records: 2 match, 1 probable, 0 review' in the active language."""
    counts = {s: 0 for s in STATUS_TEXT}
    for group in linkage.groups:
        counts[group.status.value] += 1
    return (
        ngettext(
            "{count} group in {records} records",
            "{count} groups in {records} records",
            len(linkage.groups),
        ).format(count=len(linkage.groups), records=len(linkage.identities))
        + ": "
        + ", ".join(f"{counts[s]} {_(STATUS_TEXT[s])}" for s in STATUS_TEXT)
    )


def render_link(linkage: Linkage, fmt: LinkFormat, width: int = 100, color: bool = False) -> str:
    """The groups in the chosen format; JSON is the library's own Linkage.to_dict()."""
    match fmt:
        case LinkFormat.TABLE:
            if not linkage.groups:
                return ""
            return render_table(linkage, width, color)
        case LinkFormat.JSON:
            return dumps(linkage.to_dict(), indent=2) + "\n"
        case LinkFormat.CSV:
            return render_rows(CSV_COLUMNS, rows(linkage))
        case _:
            assert_never(fmt)
