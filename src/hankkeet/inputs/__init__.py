"""Inputs beyond plain text: which kind an input is, and its text as the readers' lines.

bytes -> lines: a saved web page (html.py) and a PDF (pdf.py) become plain text lines that
the readers of `.txt` files understand, and go through the one reading engine; a register
export (tables.py: CSV and XLSX) is structured already and is read straight into records;
an address is fetched (url.py) and then read as the kind its content type says.

The kind comes from the file's suffix, from an address's content type, or (for standard
input and files with another suffix) from its first bytes. Every module of this package is
imported only when an input of its kind is read: `hankkeet list` on `.txt` files never
loads any of them (tests/test_startup.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from hankkeet.diagnostics import Diagnostic
from hankkeet.locale import M_
from hankkeet.reading.text import UnreadableInput


class Kind(StrEnum):
    """The kinds of input hankkeet reads."""

    TEXT = "text"
    HTML = "html"
    PDF = "pdf"
    CSV = "csv"
    XLSX = "xlsx"


# A file's kind by its suffix (case ignored); a folder walk lists exactly these.
SUFFIXES: dict[str, Kind] = {
    ".txt": Kind.TEXT,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".pdf": Kind.PDF,
    ".csv": Kind.CSV,
    ".xlsx": Kind.XLSX,
}

# An address's kind by the content type its server sends (parameters left out).
CONTENT_TYPES: dict[str, Kind] = {
    "text/plain": Kind.TEXT,
    "text/html": Kind.HTML,
    "application/xhtml+xml": Kind.HTML,
    "application/pdf": Kind.PDF,
    "text/csv": Kind.CSV,
    "application/csv": Kind.CSV,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Kind.XLSX,
}

# Register exports: read into records, not into lines.
TABLES = frozenset({Kind.CSV, Kind.XLSX})

# The kinds that need a package beyond the core: (module, extra that installs it).
EXTRAS: dict[Kind, tuple[str, str]] = {
    Kind.PDF: ("pypdf", "pdf"),
    Kind.XLSX: ("openpyxl", "xlsx"),
}

# First bytes that tell a kind whatever the name says (checked in this order).
_MAGIC: tuple[tuple[bytes, Kind], ...] = (
    (b"%PDF-", Kind.PDF),
    (b"PK\x03\x04", Kind.XLSX),
)
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<meta")
SNIFF_BYTES = 512


class MissingExtra(UnreadableInput):
    """An input of a kind whose reader needs a package that is not installed."""

    def __init__(self, path: str, kind: Kind) -> None:
        module, extra = EXTRAS[kind]
        super().__init__(
            M_(
                "reading a {kind} file needs {module}, which is not installed: "
                "pip install 'hankkeet[{extra}]'",
                kind=kind.value.upper(),
                module=module,
                extra=extra,
            ),
            path,
        )
        self.args = (path, kind)  # as it is made again when pickled


def kind_of_name(name: str) -> Kind | None:
    """The kind a file name's suffix says, or None for another suffix."""
    return SUFFIXES.get(Path(name).suffix.lower())


def kind_of_content_type(content_type: str) -> Kind | None:
    """The kind an HTTP content type says ('text/html; charset=utf-8'), or None."""
    return CONTENT_TYPES.get(content_type.split(";", 1)[0].strip().lower())


def charset_of(content_type: str) -> str | None:
    """The charset parameter of a content type ('text/html; charset=utf-8'), or None."""
    for parameter in content_type.split(";")[1:]:
        key, _sep, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("'\"")
    return None


def sniff(head: bytes) -> Kind:
    """The kind an input's first bytes show: a PDF, a workbook, a web page, else text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return Kind.HTML if start.startswith(_HTML_STARTS) else Kind.TEXT


def kind_of_file(path: Path) -> Kind:
    """A file's kind: by its suffix, else by its first bytes (a file it cannot open is
    text: opening it later says why it cannot be read)."""
    kind = kind_of_name(path.name)
    if kind is not None:
        return kind
    try:
        with path.open("rb") as stream:
            return sniff(stream.read(SNIFF_BYTES))
    except OSError:
        return Kind.TEXT


@dataclass
class Extracted:
    """An input's text as lines (1-based as numbered here), and what reading it found."""

    lines: list[str]
    findings: list[Diagnostic] = field(default_factory=list)
    # For a PDF: the 1-based line of the text where each page starts (page n at index n-1).
    pages: list[int] = field(default_factory=list)
