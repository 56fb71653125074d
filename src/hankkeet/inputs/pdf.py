"""A PDF as the plain text lines the readers understand (pypdf, the `hankkeet[pdf]` extra).

pypdf's layout mode keeps a page's rows as lines, with the columns of a row parted by runs
of spaces. A row of two or more columns is written as `Label: value` when its first column
is a label the readers know (reading.lines.classify: the vocabulary decides, not code here),
else its columns are parted by ' | ' (never glued). EURA application and decision forms
flatten into runs of labels without colons, their values after them, on the same line or
the next (`Alkamispäivämäärä Päättymispäivämäärä 1.9.2016 31.12.2018`): a run of two or
more known labels followed by as many values becomes a `Label: value` line each.

Pages follow one another with a blank line between them; the line where each page starts
is kept (Extracted.pages), so that a line of the text can be told as `page:line`. A page
with no text at all (a scan) is a `no-text-layer` finding, never silence.
"""

from __future__ import annotations

import io
import re

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.inputs import Extracted, Kind, MissingExtra
from hankkeet.locale import M_
from hankkeet.reading.lines import classify
from hankkeet.reading.text import UnreadableInput, clean_line

# Columns of a layout row are parted by at least this many spaces.
_GAP = re.compile(r" {3,}")
# The most words a label has (a run of labels is cut into the longest known ones).
LABEL_WORDS = 5


def known_label(text: str) -> bool:
    """Whether text is a whole label the readers know (one of ours or another's)."""
    text = text.strip().rstrip(":").strip()
    if not text or ":" in text:
        return False
    found = classify(f"{text}: x")
    return found is not None and (found.field is not None or found.other)


def label_run(words: list[str]) -> tuple[list[str], list[str]]:
    """The known labels the words start with (each the longest that is known), and the
    words after them."""
    labels: list[str] = []
    at = 0
    while at < len(words):
        for size in range(min(LABEL_WORDS, len(words) - at), 0, -1):
            candidate = " ".join(words[at : at + size])
            if known_label(candidate):
                labels.append(candidate)
                at += size
                break
        else:
            break
    return labels, words[at:]


def _values(text: str, count: int) -> list[str] | None:
    """The text as `count` values: its columns, else its words; None when neither fits."""
    cells = [c for c in _GAP.split(text.strip()) if c]
    if len(cells) == count:
        return cells
    words = text.split()
    return words if len(words) == count else None


def form_lines(rows: list[str]) -> list[str]:
    """A page's layout rows as the readers' lines (see the module's docstring)."""
    out: list[str] = []
    at = 0
    while at < len(rows):
        row = rows[at].strip()
        at += 1
        cells = [c for c in _GAP.split(row) if c]
        if not cells:
            out.append("")
            continue
        words = row.split()
        labels, rest = label_run(words)
        if len(labels) >= 2 and " ".join(labels) == " ".join(words[: len(words) - len(rest)]):
            if rest:
                values = _values(" ".join(rest), len(labels))
            elif at < len(rows):
                values = _values(rows[at], len(labels))
                if values is not None:
                    at += 1
            else:
                values = None
            if values is not None:
                out.extend(f"{label}: {value}" for label, value in zip(labels, values, strict=True))
                continue
        if len(cells) >= 2 and known_label(cells[0]):
            label = cells[0].rstrip().rstrip(":")
            out.append(f"{label}: {' '.join(cells[1:])}")
        elif len(cells) >= 3:
            out.append(" | ".join(cells))
        else:
            out.append(" ".join(" ".join(c.split()) for c in cells))
    return out


def pdf_lines(data: bytes, path: str) -> Extracted:
    """A PDF's text lines, the line each page starts at, and a finding for each page with
    no text layer. MissingExtra without pypdf; UnreadableInput for a file that is no PDF."""
    try:
        import pypdf
        from pypdf.errors import PyPdfError
    except ImportError:
        raise MissingExtra(path, Kind.PDF) from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = list(reader.pages)
    except (PyPdfError, ValueError, OSError) as exc:
        raise UnreadableInput(
            M_("not a readable PDF ({problem})", problem=str(exc)), path
        ) from None
    lines: list[str] = []
    starts: list[int] = []
    found: list[Diagnostic] = []
    for number, page in enumerate(pages, start=1):
        if lines:
            lines.append("")
        starts.append(len(lines) + 1)
        try:
            text = page.extract_text(extraction_mode="layout")
        except (PyPdfError, ValueError, KeyError, TypeError) as exc:
            raise UnreadableInput(
                M_("page {page} cannot be read ({problem})", page=number, problem=str(exc)), path
            ) from None
        rows = [clean_line(row).rstrip() for row in text.splitlines()]
        if not any(row.strip() for row in rows):
            found.append(
                Diagnostic(
                    Code.NO_TEXT_LAYER,
                    M_(
                        "page {page} has no text layer (a scanned image?): nothing on it is "
                        "read; run it through OCR first",
                        page=number,
                    ),
                    path,
                    len(lines) + 1,
                )
            )
            continue
        while rows and not rows[-1].strip():
            rows.pop()
        while rows and not rows[0].strip():
            rows.pop(0)
        lines.extend(_squeezed(form_lines(rows)))
    return Extracted(lines, found, starts)


def _squeezed(lines: list[str]) -> list[str]:
    """The lines with runs of blank lines as one (layout mode spaces rows out)."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return out


def page_and_line(pages: list[int], line: int) -> tuple[int, int]:
    """A line of the text as (page, line on that page), both 1-based."""
    page = 1
    for number, start in enumerate(pages, start=1):
        if start <= line:
            page = number
    start = pages[page - 1] if pages else 1
    return page, line - start + 1
