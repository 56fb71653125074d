"""Register cards: a card heading or a name label starts a project."""

from __future__ import annotations

from hankkeet.diagnostics import Code
from hankkeet.locale import M_
from hankkeet.models import Layout
from hankkeet.reading.blocks import Block, FieldValue, Note
from hankkeet.reading.funding import find_programmes
from hankkeet.reading.labels import Field
from hankkeet.reading.layouts.fill import add, new_block
from hankkeet.reading.layouts.items import Item, ItemKind, Page
from hankkeet.reading.lines import is_card_heading
from hankkeet.reading.text import squash


def _stated(fv: FieldValue) -> bool:
    """A field the card states: its heading counts only when it names a programme
    ('EAKR-PROJEKTISUUNNITELMA'), not a tab's name ('Hankkeen tiedot')."""
    return fv.how != "heading" or bool(find_programmes(fv.text))


def _renamed(item: Item, previous: Item | None) -> Item:
    """A name label right under the name's value is the name's label in another language
    ('Hankkeen nimi' / name / 'Project Name'), not the next project's: its value, if any,
    is the next label's line, taken as text."""
    if item.kind == "name" and previous is not None and previous.kind == "name":
        return Item(ItemKind.TEXT, item.line, item.text)
    return item


def read(page: Page, items: list[Item]) -> list[Block]:
    """A card's projects, each said when it has no name label; a card heading with no name
    and no field under it ('Hankkeen tiedot' over a page's sidebar of ELY centre and Leader
    group) is a tab's or a box's name: no project."""
    blocks = [
        b
        for b in _blocks(items)
        if b.title or b.people or any(_stated(fv) for fv in b.fields.values())
    ]
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


def _funded(block: Block) -> bool:
    """Whether a card states its funding by a label, not only by its heading: a heading
    right under another ('EAKR-PROJEKTISUUNNITELMA' over 'Euroopan aluekehitysrahaston
    osittain rahoittamat projektit') is the same card's."""
    fv = block.fields.get(Field.FUNDING)
    return fv is not None and fv.how != "heading"


def _blocks(items: list[Item]) -> list[Block]:
    """A block for each card heading or name label, and the items under it."""
    blocks: list[Block] = []
    current: Block | None = None
    heading_text: tuple[int, str] | None = None
    previous: Item | None = None
    for item in items:
        item, previous = _renamed(item, previous), item
        heading = (
            next(
                ((n, t) for n, t in item.lines if is_card_heading(t)),
                None,
            )
            if item.kind == "text"
            else None
        )
        if heading is not None and (current is None or current.title or _funded(current)):
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
    return blocks
