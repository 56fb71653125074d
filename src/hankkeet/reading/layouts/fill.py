"""Items into a block: a label's value into its field (the first wins), people, asides, prose."""

from __future__ import annotations

import re

from hankkeet.diagnostics import Code
from hankkeet.locale import M_
from hankkeet.models import Layout
from hankkeet.reading.blocks import Block, FieldValue, Note
from hankkeet.reading.labels import (
    ORGANISATION_ENDINGS,
    PROGRAMME_CONTEXT_LABELS,
    Field,
    label_key,
)
from hankkeet.reading.layouts.items import Item, is_prose
from hankkeet.reading.lines import TITLE_PERIOD
from hankkeet.reading.text import shorten, squash


def new_block(
    title: str, line: int, layout: Layout, name_from: str, heading: str | None = None
) -> Block:
    """A project's block under its title. A period of full dates that its heading (the
    title, unless the name came from elsewhere) ends with is its period. A title that is an
    organisation's name is kept with unsure-name."""
    heading = title if heading is None else heading
    m = re.search(TITLE_PERIOD, heading)
    if m is not None and m.start() > 0 and heading is title:
        title = title[: m.start()]
    block = Block(title=squash(title), line=line, layout=layout, name_from=name_from)
    if block.title.casefold().endswith(ORGANISATION_ENDINGS):
        unsure_name(block, [])  # 'Keski-Karjalan Jetina ry': an organisation, no project named
    if m is not None and m.start() > 0 and m.group(1)[-1].isdigit():
        # The title's period, when both its dates are whole; a first date without its
        # year ('… esiselvityshanke. 1.4.-30.9.2018') is only cut from the name, and the
        # page's own date lines give the period.
        block.fields[Field.PERIOD] = FieldValue(
            f"{m.group(1)} - {m.group(2)}", line, m.start() + 1, "otsikko", None, "header"
        )
    return block


_PERSON_FIELDS = frozenset(
    {Field.CONTACT_NAME, Field.CONTACT_TITLE, Field.CONTACT_EMAIL, Field.CONTACT_PHONE}
)


def add(block: Block, item: Item) -> None:
    """Put one item into a block: a field (first value wins), or a paragraph of prose."""
    if item.kind == "field" and item.fld in _PERSON_FIELDS:
        _add_person(block, item.fld, item)
    elif item.kind == "field" and item.fld is not None:
        _add_field(block, item.fld, item)
    elif item.kind == "other" and item.label is not None and item.text:
        _add_other(block, item.label.label, item)
    elif item.kind == "unknown" and item.label is not None:
        block.notes.append(
            Note(
                Code.UNKNOWN_LABEL,
                M_("unknown label '{label}'; its value is not used", label=item.label.label),
                item.line,
                1,
                None,
            )
        )
    elif item.kind == "text":
        block.prose.append((item.line, item.text))


def _add_person(block: Block, fld: Field, item: Item) -> None:
    """A contact's field (fld: item's): a name starts a person, the other fields go to the
    last one (the first value wins)."""
    if fld is Field.CONTACT_NAME and item.text:
        block.people.append({Field.CONTACT_NAME: _value(item)})
    elif block.people and item.text:
        block.people[-1].setdefault(fld, _value(item))


def _add_field(block: Block, fld: Field, item: Item) -> None:
    """A labelled field (fld: item's): the first value wins; a label over nothing is no
    field unless a heading gives its value; a description under a heading and a funding
    label's sentence go to the prose too."""
    if fld in block.fields:
        _again(block, item)
        return
    if not item.text and fld not in (Field.PERIOD, Field.BUDGET, Field.START, Field.END):
        return  # a label standing alone over nothing: a heading of a page, no field
    block.fields[fld] = _value(item)
    if (fld is Field.SUMMARY and item.how == "heading") or (
        fld is Field.FUNDING and is_prose([(item.line, item.text)])
    ):
        # A description under a heading, or a funding label's sentence, is prose too:
        # it may state facts that no label of their own gives.
        block.prose.append((_value(item).line, item.text))


def _add_other(block: Block, label: str, item: Item) -> None:
    """Another's label with a value (label: as written): a programme's context is the
    funding (or added to a funding heading's text); any other is an aside."""
    if label_key(label) in PROGRAMME_CONTEXT_LABELS:
        funding = block.fields.get(Field.FUNDING)
        if funding is None:
            block.fields[Field.FUNDING] = _value(item)
        elif funding.how == "heading":
            funding.text = f"{funding.text}. {item.text}"
    else:
        # 'Hallinnoija: Kylä ry, yhteyshenkilö Pasi Latvateikari.': its sentence may state
        # a fact.
        block.asides.append((item.line, f"{label}: {item.text}"))


def _again(block: Block, item: Item) -> None:
    """A field given again: its value when the first was empty, else said and not used."""
    assert item.fld is not None
    first = block.fields[item.fld]
    if item.text and not first.text:
        block.fields[item.fld] = _value(item)
    elif item.text and item.text != first.text:
        block.notes.append(
            Note(
                Code.REPEATED_FIELD,
                M_(
                    "'{label}' again (first on line {line}); '{value}' is not used",
                    label=item.label.label if item.label else "",
                    line=first.line,
                    value=shorten(item.text),
                ),
                item.line,
                item.column,
                None,
            )
        )


def _value(item: Item) -> FieldValue:
    assert item.label is not None
    line = item.lines[0][0] if item.lines else item.line
    column = 1 if item.lines else item.column
    return FieldValue(item.text, line, column, item.label.label, item.label.year, item.how)


def unsure_name(block: Block, others: list[str]) -> None:
    """The name is a line no reader trusts as a name: kept, and said, with the names the
    text gives ('… -hanke') as the other candidates."""
    others = list(dict.fromkeys(others))[:3]
    block.notes.append(
        Note(
            Code.UNSURE_NAME,
            M_(
                "'{name}' (line {line}) may not be the project's name; other candidates: {others}",
                name=shorten(block.title),
                line=block.line,
                others=", ".join(f"'{shorten(n)}'" for n in others),
            )
            if others
            else M_(
                "'{name}' (line {line}) may not be the project's name; no other candidate",
                name=shorten(block.title),
                line=block.line,
            ),
            block.line,
            None,
            "name",
        )
    )
