"""The findings the labelled reader writes: a heading between fields, a heading glued under
a summary, a field given twice, an unknown label's nearest known one."""

from __future__ import annotations

from functools import lru_cache

from hankkeet.diagnostics import Code
from hankkeet.locale import M_
from hankkeet.reading.blocks import Block, Note
from hankkeet.reading.labels import Field, label_key
from hankkeet.reading.lines import LabelLine, close_labels
from hankkeet.reading.text import shorten


@lru_cache(maxsize=4096)
def near_label(label: str) -> str | None:
    """The known label an unknown one is closest to (cached: the message is made per run)."""
    near = close_labels(label_key(label), 0.6)
    return canonical_label(near[0]) if near else None


def canonical_label(key: str) -> str:
    return key[:1].upper() + key[1:]


def heading(text: str, number: int) -> Note:
    """A short line standing alone between fields: a heading, not part of the project."""
    return Note(
        Code.PREAMBLE,
        M_("'{text}' is a heading, not part of a project", text=text),
        number,
        None,
        None,
    )


def glued_heading(block: Block, text: str, number: int) -> Note:
    """A heading glued under a finished summary, read on as the summary."""
    return Note(
        Code.UNSURE_BOUNDARY,
        M_(
            "'{text}' may open another page or project; read as part of the "
            "summary of '{title}' (line {line})",
            text=shorten(text),
            title=shorten(block.title),
            line=block.line,
        ),
        number,
        None,
        "summary",
    )


def repeated(block: Block, number: int, label: LabelLine) -> None:
    """A field of the block given again: its value is not used, and said; the lines under
    it are dropped with it."""
    assert label.field is not None
    first = block.fields[label.field]
    if label.field is Field.FUNDING and block.title:
        # A project's first label again, with no title line before it: a second
        # project may start here, its title missing. Said, not guessed.
        block.notes.append(
            Note(
                Code.UNSURE_BOUNDARY,
                M_(
                    "'{label}' again (first on line {first}) with no title "
                    "line before it: a new project may start here without "
                    "its title; read as part of '{title}' (line {line})",
                    label=label.label,
                    first=first.line,
                    title=shorten(block.title),
                    line=block.line,
                ),
                number,
                None,
                "name",
            )
        )
    block.notes.append(
        Note(
            Code.REPEATED_FIELD,
            M_(
                "'{label}' again (first on line {line}); '{value}' is not used",
                label=label.label,
                line=first.line,
                value=shorten(label.value),
            ),
            number,
            label.column,
            None,
        )
    )
    block.last = None
    block.dropping = True
