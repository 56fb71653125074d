"""Lists whose items are projects, one a line: under a head that names their columns
('Hankkeen nimi, hakija ja haettu tuki:') or a lead-in to projects ('Rahoitusta myönnettiin
seuraaville hankkeille:'). A part of the list readers (lists.py)."""

from __future__ import annotations

import re

from hankkeet.models import Layout
from hankkeet.reading.blocks import Block, FieldValue
from hankkeet.reading.funding import find_programmes
from hankkeet.reading.labels import LISTED_NOT_PROJECTS, Field
from hankkeet.reading.layouts.fill import new_block
from hankkeet.reading.layouts.headlines import GRANT
from hankkeet.reading.layouts.items import Item
from hankkeet.reading.lines import LIST_MARK as _LIST_MARK
from hankkeet.reading.lines import titleable
from hankkeet.reading.text import comma_parts

_COLUMNS_HEAD = re.compile(r"^(?:hankkeen nimi|hanke|projekti|nimi)\b(?P<rest>.*):$", re.IGNORECASE)

LISTED_NAME = re.compile(
    r"\b(?:hanke|hankkeelle|projekti)\s+[“”\"](?P<name>[^“”\"]{3,160})[“”\"]", re.IGNORECASE
)

# A line that leads in to a list of projects: 'seuraaville hankkeille:', 'följande projekt:'.
_LEAD_IN = re.compile(r"\b(?:seuraav\w*|följande|the following)\b(?P<listed>.*):$", re.IGNORECASE)

# The most words a head that names a list's columns has ('Hankkeen nimi, hakija ja haettu
# tuki:').
_HEAD_WORDS = 12

_ITEM_START = re.compile(r"\s+(?=[•▪◦·]\s)")

LIST_MARK = re.compile(_LIST_MARK)


def column_list(items: list[Item]) -> list[Block]:
    """'Hankkeen nimi, hakija ja haettu tuki:' over list items: one project an item."""
    blocks: list[Block] = []
    for n, item in enumerate(items):
        if item.kind not in ("text", "unknown"):
            continue
        found = _column_rows(items, n, item)
        if found is None:
            continue
        rows, columns = found
        # The nearest text above that names a programme says whose call this list is.
        context = next(
            (
                (i.line, t)
                for i in reversed(items[:n])
                if i.kind == "text"
                for _, t in [(i.line, i.text)]
                if find_programmes(t)
            ),
            None,
        )
        blocks.extend(_row_blocks(rows, columns, context))
    return blocks


def _column_rows(items: list[Item], n: int, item: Item) -> tuple[list[tuple[int, str]], int] | None:
    """The list items under item n when it heads a list of projects, and how many columns
    of a row (from its end) are not the name: a head that names its columns ('Hankkeen
    nimi, hakija:'), or a lead-in to projects ('… seuraaville hankkeille:'), whose rows
    may run on as its value. None when item n heads no such list."""
    head_text = item.text if item.kind == "text" else (f"{item.label.label}:" if item.label else "")
    head = head_text.strip()
    # A head names columns in a few words; a paragraph of prose that opens with 'Hanke' and
    # ends in a colon ('Hanke tuottaa … Hankkeen tavoitteet:') leads in to its own points.
    m = _COLUMNS_HEAD.match(head) if len(head.split()) <= _HEAD_WORDS else None
    rows = _rows_below(items, n)
    if m is not None:
        return rows, 1 + len(re.findall(r",|\bja\b", m.group("rest")))
    if item.kind == "unknown" and item.text:
        # The items ran on under the lead-in label as its value: one a mark.
        rows = [(item.line, r) for r in _ITEM_START.split(item.text) if r.strip()]
    lead = head_text.strip()
    m = _LEAD_IN.search(lead)
    if not (m is not None and _of_projects(lead, m.group("listed")) and _listed(rows)):
        return None
    # 'Rahoitusta myönnettiin seuraaville hankkeille:' over 'Name, applicant'
    # items: the name is all but the last part when every item has one.
    return rows, 2 if all("," in r for _, r in rows if LIST_MARK.match(r)) else 1


def _rows_below(items: list[Item], n: int) -> list[tuple[int, str]]:
    """The lines of the text under item n, and of the paragraphs of list items after it."""
    below = items[n + 1] if n + 1 < len(items) else None
    rows = list(below.lines) if below is not None and below.kind == "text" else []
    for more in items[n + 2 :] if rows else ():
        # A list that a blank line breaks ('10. Mahdollisuuksia …' after nine '1.'s)
        # goes on in the next paragraph of list items.
        if more.kind != "text" or not all(LIST_MARK.match(r) for _, r in more.lines):
            break
        rows.extend(more.lines)
    return rows


def _row_blocks(
    rows: list[tuple[int, str]], columns: int, context: tuple[int, str] | None
) -> list[Block]:
    """A project of each list item: its name the row without its last columns but one; the
    programme the text above names (context: its line and text) its funding."""
    blocks: list[Block] = []
    # Items under items, with marks of another kind ('1. DigiMetsä' over '• Suomen
    # 4H-liitto ry'), tell of the item above (its applicant): no project of their own.
    marks = [_mark_kind(row) for _, row in rows if LIST_MARK.match(row)]
    for line, row in rows:
        if not LIST_MARK.match(row) or _mark_kind(row) != marks[0]:
            continue
        parts = comma_parts(LIST_MARK.sub("", row))
        name = ", ".join(parts[: max(1, len(parts) - columns + 1)])
        if not titleable(name):
            continue
        block = new_block(name, line, Layout.PROSE, "entry")
        if context is not None:
            block.fields[Field.FUNDING] = FieldValue(
                context[1], context[0], 1, "luettelon otsikko", None, "heading"
            )
        blocks.append(block)
    return blocks


def _of_projects(lead: str, listed: str) -> bool:
    """A lead-in about projects or grants ('Rahoitusta myönnettiin seuraaville hakkeille:'),
    not about other things ('följande uppgifter:'), nor about the areas or themes projects
    may be funded in ('… stöd från projektet … inom följande insatsområden:'; `listed`: the
    words after 'följande')."""
    words = f" {listed.casefold()}"
    if any(f" {stem}" in words for stem in LISTED_NOT_PROJECTS):
        return False
    folded = lead.casefold()
    return any(w in folded for w in ("hank", "projekt", "project")) or bool(GRANT.search(lead))


def _mark_kind(row: str) -> str:
    """The kind of a list item's mark: a number, or the mark itself ('•', '-')."""
    mark = row.lstrip()[:1]
    return "1" if mark.isdigit() else mark


def _listed(rows: list[tuple[int, str]]) -> bool:
    """Two or more list items, none naming its project in quotes (_quoted_list's)."""
    marked = [r for _, r in rows if LIST_MARK.match(r)]
    return len(marked) >= 2 and not any(LISTED_NAME.search(r) for r in marked)
