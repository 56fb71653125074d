"""Register cards: a card heading or a name label starts a project."""

from __future__ import annotations

from hankkeet.diagnostics import Code
from hankkeet.locale import M_
from hankkeet.models import Layout
from hankkeet.reading.blocks import Block, FieldValue, Note
from hankkeet.reading.labels import Field
from hankkeet.reading.layouts.fill import add, new_block
from hankkeet.reading.layouts.items import Item, Page
from hankkeet.reading.lines import is_card_heading
from hankkeet.reading.text import squash


def read(page: Page, items: list[Item]) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    heading_text: tuple[int, str] | None = None
    for item in items:
        heading = (
            next(
                ((n, t) for n, t in item.lines if is_card_heading(t)),
                None,
            )
            if item.kind == "text"
            else None
        )
        if heading is not None and (
            current is None or current.title or Field.FUNDING in current.fields
        ):
            current = new_block("", heading[0], Layout.CARD, "label")
            blocks.append(current)
        if heading is not None and current is not None:
            heading_text = heading
            current.fields.setdefault(
                Field.FUNDING,
                FieldValue(heading[1], heading[0], 1, "kortin otsikko", None, "heading"),
            )
            continue
        if item.kind == "name":
            if current is None or current.title:
                current = new_block(item.text, item.line, Layout.CARD, "label")
                blocks.append(current)
            else:
                current.title = squash(item.text)
                current.line = item.line if heading_text is None else current.line
            continue
        if current is None:
            continue  # the page's preamble ('Euroopan unioni', a logo's text)
        add(current, item)
    for block in blocks:
        if not block.title:
            block.notes.append(
                Note(
                    Code.MISSING_FIELD,
                    M_("the card has no name label (Hankkeen nimi)"),
                    block.line,
                    None,
                    "name",
                )
            )
    return blocks
