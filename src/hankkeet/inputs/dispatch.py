"""Reading an input of a kind other than plain text: each kind's reader is imported here,
when such an input is read (the package's own module holds what the readers share, so that
no reader imports this one)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hankkeet.inputs import Extracted, Kind, kind_of_name
from hankkeet.reading.text import UnreadableInput


def extract(kind: Kind, data: bytes, path: str) -> Extracted:
    """The text lines of an input of a kind that is not plain text (its module imported
    here, now). A table's lines are its rows (line 1 its header), cells joined by ' | '.
    UnreadableInput when the input cannot be read at all; MissingExtra when its reader's
    package is missing."""
    match kind:
        case Kind.HTML:
            from hankkeet.inputs.html import html_lines

            return html_lines(data, path)
        case Kind.PDF:
            from hankkeet.inputs.pdf import pdf_lines

            return pdf_lines(data, path)
        case Kind.CSV | Kind.XLSX:
            from hankkeet.inputs.tables import table_lines

            return table_lines(kind, data, path)
        case Kind.TEXT:
            raise ValueError("plain text is read by Source.lines itself")


@dataclass(frozen=True)
class Place:
    """Where a line of the text read from a web page or a PDF stands: the line's text, and
    for a PDF its page and its line on that page."""

    text: str
    page: int | None = None
    page_line: int | None = None


def place_of(path: str, line: int) -> Place | None:
    """The place of a line of the text of a saved page or a PDF, read again from the file;
    for a path that is no file, from the user's cache (hankkeet.inputs.url keeps what it
    fetched under the address, and nothing else). None for another kind, or a file that
    is gone or unreadable now, or an address that is not kept."""
    data: bytes | None = None
    try:
        if Path(path).is_file():
            kind = kind_of_name(path)
        else:
            from hankkeet.inputs.url import kept

            found = kept(path)
            if found is None:
                return None
            data, kind = found[0], Kind(found[1])
        if kind not in (Kind.HTML, Kind.PDF):
            return None
        extracted = extract(kind, Path(path).read_bytes() if data is None else data, path)
    except (OSError, UnreadableInput):
        return None
    text = extracted.lines[line - 1] if 0 < line <= len(extracted.lines) else ""
    if kind is not Kind.PDF:
        return Place(text)
    from hankkeet.inputs.pdf import page_and_line

    page, page_line = page_and_line(extracted.pages, line)
    return Place(text, page, page_line)
