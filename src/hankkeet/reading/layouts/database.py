"""Database pages: a header block ('Kehittämishanke - 171169', the name, the dates) starts a
project.
"""

from __future__ import annotations

import re

from hankkeet.models import Layout
from hankkeet.reading.blocks import Block, FieldValue
from hankkeet.reading.labels import Field
from hankkeet.reading.layouts.fill import add, new_block
from hankkeet.reading.layouts.items import Item, Page, is_prose
from hankkeet.reading.lines import titleable

_KIND_NUMBER = re.compile(r"^[\w ]{3,60}\s[-–]\s\d{3,}$")
_DATES_LINE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}\s*[-–]\s*\d{1,2}\.\d{1,2}\.\d{4}$")


def read(page: Page, items: list[Item]) -> list[Block]:
    """A database page's blocks: each header ('Kehittämishanke - 171169') starts one, its
    name line the block, its dates line the period; the items under the header fill it."""
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
