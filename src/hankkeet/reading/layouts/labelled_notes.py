"""The findings the labelled reader writes: a heading between fields, a heading glued under
a summary, a field given twice, an unknown label's nearest known one."""

from __future__ import annotations

import re
from functools import lru_cache

from hankkeet.diagnostics import Code
from hankkeet.locale import M_
from hankkeet.reading.blocks import Block, Note
from hankkeet.reading.labels import Field, label_key
from hankkeet.reading.lines import LabelLine, close_labels, is_card_heading, titleable
from hankkeet.reading.people import role_label
from hankkeet.reading.text import shorten, squash_clean


@lru_cache(maxsize=4096)
def near_label(label: str) -> str | None:
    """The known label an unknown one is closest to (cached: the message is made per run)."""
    near = close_labels(label_key(label), 0.6)
    return canonical_label(near[0]) if near else None


def canonical_label(key: str) -> str:
    return key[:1].upper() + key[1:]


# What a role's word stands before in a line that says who plays it ('Lead partner - …').
_ROLE_SEPARATOR = r"\s[-–—]\s|:\s"
# Words a page's first line may have to name the page's one project (longer: a sentence).
_HEAD_WORDS = 12


def name_from_head(
    block: Block, head: tuple[int, str], preamble: tuple[int, int] | None
) -> tuple[int, int] | None:
    """A page of one project whose fields stand under its text, no title above them ('ILLKKA',
    three paragraphs, then 'HANKEAIKA:'): the nameless block is named by the page's first
    line when that may be a title, and said (the line may be the site's or a section's
    name). The preamble left: the lines under the name, before the fields."""
    number, text = head
    if (
        block.title
        or number >= block.line
        or len(text.split()) > _HEAD_WORDS
        or is_card_heading(text)
        or not titleable(text)
        # 'Lead partner - University of Eastern Finland': who plays a role, not what.
        or role_label(re.split(_ROLE_SEPARATOR, text, maxsplit=1)[0])
    ):
        return preamble
    block.title, block.line, block.name_from = squash_clean(text), number, "head"
    block.notes.append(
        Note(
            Code.UNSURE_NAME,
            M_(
                "'{name}' (line {line}) is the page's first line, over text and then fields "
                "with no title above them: it may not be the project's name",
                name=shorten(block.title),
                line=number,
            ),
            number,
            None,
            "name",
        )
    )
    if preamble is None or preamble[1] <= number:
        return None
    return (number + 1, preamble[1])


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
