"""Database pages: a header block ('Kehittämishanke - 171169', the name, the dates) starts a
project.
"""

from __future__ import annotations

import re
from decimal import Decimal

from hankkeet.models import Layout
from hankkeet.reading.blocks import Block, FieldValue
from hankkeet.reading.labels import Field
from hankkeet.reading.layouts.fill import add, new_block
from hankkeet.reading.layouts.items import Item, Page, is_prose
from hankkeet.reading.lines import DAY_LINE, DAYS_LINE, EURO_LINE, PERCENT_LINE, titleable

_KIND_NUMBER = re.compile(r"^[\w ]{3,60}\s[-–]\s\d{3,}$")
# A page's lines as (line number, text).
Lines = list[tuple[int, str]]
_DATES_LINE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}\s*[-–]\s*\d{1,2}\.\d{1,2}\.\d{4}$")


def read(page: Page, items: list[Item]) -> list[Block]:
    """A database page's blocks: each header ('Kehittämishanke - 171169') starts one, its
    name line the block, its dates line the period; the items under the header fill it. A
    register item's statements (statements()) are one project."""
    one = statements(items)
    if one is not None:
        return [one]
    blocks: list[Block] = []
    current: Block | None = None
    header = True
    for item in items:
        if _starts_header(item):
            # 'Hanke' / 'Kehittämishanke - 171169': a project's header starts.
            header, current = True, None
            continue
        if header and item.kind == "text" and not is_prose([(item.line, item.text)]):
            current = _read_header(page, item, current, blocks)
            continue
        if item.kind in ("field", "name", "other", "unknown", "heading", "section") or (
            item.kind == "text" and is_prose([(item.line, item.text)])
        ):
            header = False
        if current is None:
            continue
        add(current, item)
    for block in blocks:
        # Header dates give way to the start and end labels.
        period = block.fields.get(Field.PERIOD)
        if (
            period is not None
            and period.how == "header"
            and (Field.START in block.fields or Field.END in block.fields)
        ):
            del block.fields[Field.PERIOD]
    return blocks


def _starts_header(item: Item) -> bool:
    """A short text with a kind and a number ('Kehittämishanke - 171169'): a header starts."""
    return (
        item.kind == "text"
        and len(item.lines) <= 3
        and any(_KIND_NUMBER.match(t) for _, t in item.lines)
    )


def _read_header(
    page: Page, item: Item, current: Block | None, blocks: list[Block]
) -> Block | None:
    """The lines of a header's text: the first titleable one starts a block (added to blocks;
    one word only for the page's first block below its top), a line of dates under it is
    the block's period. Returns the block the header has started, if any."""
    for line, text in item.lines:
        if current is None:
            one_word_ok = not blocks and line > page.first
            if titleable(text) and (len(text.split()) > 1 or one_word_ok):
                current = new_block(text, line, Layout.DATABASE, "header")
                blocks.append(current)
        elif _DATES_LINE.match(text):
            current.fields.setdefault(
                Field.PERIOD, FieldValue(text, line, 1, "otsikkotiedot", None, "header")
            )
        # else: organisation, status: header lines that are not ours
    return current


def statements(items: list[Item]) -> Block | None:
    """A register item's statements with no labels (Kohesio's item page: the name, the EU's
    share and the total cost in euros, the co-financing rate, the first and the last day, the
    beneficiary, then the description): one project, its budget the larger amount (the total
    holds the EU's share), its start and end the two days in order. None when the page does
    not give two amounts, a rate and two days."""
    lines = [(n, t) for item in items if item.kind == "text" for n, t in item.lines]
    values = _values(lines)
    if values is None:
        return None
    euros, days = values
    first = min(euros[0][0], days[0][0])
    # The name: the first line above the values that is no sentence ('TUKEE!' ends in its
    # own exclamation mark).
    head = next(((n, t) for n, t in lines if n < first and not t.endswith(".")), None)
    if head is None:
        return None
    name = re.sub(r"\s*\(Q\d+\)$", "", head[1])  # the register's own id after the name
    block = new_block(name, head[0], Layout.DATABASE, "header")
    block.fields[Field.BUDGET] = _total(euros)
    for fld, (n, text) in zip((Field.START, Field.END), days, strict=True):
        block.fields[fld] = FieldValue(text, n, 1, "Kohesio", None, "label")
    described = [(n, t) for n, t in lines if n > days[1][0] and is_prose([(n, t)])]
    if described:
        n, text = described[0]
        block.fields[Field.SUMMARY] = FieldValue(text, n, 1, "Kohesio", None, "label")
    return block


def _values(lines: Lines) -> tuple[Lines, Lines] | None:
    """A register item's amounts in euros and its two days, when it gives two amounts or
    more, and a rate in per cent and two days (Kohesio), or a line of two days (the two
    days of it given apart)."""
    euros = [(n, t) for n, t in lines if re.fullmatch(EURO_LINE, t)]
    days = [(n, t) for n, t in lines if re.fullmatch(DAY_LINE, t)]
    rate = any(re.fullmatch(PERCENT_LINE, t) for _, t in lines)
    if len(euros) < 2:
        return None
    if len(days) == 2 and rate:
        return euros, days
    ranges = [(n, t) for n, t in lines if re.fullmatch(DAYS_LINE, t)]
    if len(ranges) == 1:
        n, text = ranges[0]
        first, last = re.split(r"\s*[-–]\s*", text)
        return euros, [(n, first), (n, last)]
    return None


def _total(euros: Lines) -> FieldValue:
    """The larger of a register's amounts ('210,801.0 Euro'), given to the money reader in
    our way of writing it ('210801,0 €'): Kohesio writes English numbers."""
    line, total = max(euros, key=lambda e: _euros(e[1]))
    return FieldValue(
        f"{str(_euros(total)).replace('.', ',')} €", line, 1, "Kohesio", None, "label"
    )


def _euros(text: str) -> Decimal:
    """A register's amount as a number: Kohesio's English '210,801.0 Euro', or '€1 306 732'
    ('€1 306 732,50')."""
    if text.startswith("€"):
        return Decimal(text[1:].replace(" ", "").replace(",", "."))
    return Decimal(text.removesuffix(" Euro").replace(",", ""))
