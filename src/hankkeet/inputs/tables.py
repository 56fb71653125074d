"""Register exports (CSV and XLSX) read straight into records, a row a project.

A table is structured already: each cell is read by the reader of its column's field (an
amount, a date, a programme), never the row as text. Which column is which field comes from
one table of header aliases (PROFILES): the Kohesio export, the structural funds project
list (rakennerahastot.fi), and hankkeet's own CSV and XLSX exports, so that `list --format
csv` read back gives the same records. The profile is the one whose name column the header
row holds; columns it does not know are left out, and a finding says which.

Provenance: a project's line is its row (the header row is row 1), and a finding names the
column. A cell that does not read (an amount, a date) is a finding on that row, and the
field is left empty: never an exception, never a guess.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.inputs import Extracted, Kind, MissingExtra
from hankkeet.locale import M_, Message
from hankkeet.models import (
    Contact,
    Funding,
    FundingSource,
    Layout,
    Project,
    SourceRef,
    StaffPeriod,
)
from hankkeet.reading.blocks import IdRegistry, Note, ParsedProject
from hankkeet.reading.dates import read_date
from hankkeet.reading.funding import find_funds, find_programmes, read_funding
from hankkeet.reading.money import read_money_field
from hankkeet.reading.records import claim
from hankkeet.reading.text import UnreadableInput, clean_line, shorten, slug, squash

# Several values in one cell (Kohesio) are joined by this.
MULTI = "|"

# The columns both EURA exports end with: the implementer and the money (only the EU and
# state support granted is read; public funding is not the project's budget).
_EURA_MONEY: dict[str, str] = {
    "toteuttajan nimi": "",
    "myönnetty eu- ja valtion rahoitus": "eu_support",
    "toteutunut eu- ja valtion rahoitus": "",
    "suunniteltu julkinen rahoitus yhteensä": "",
    "toteutunut julkinen rahoitus yhteensä": "",
}
# Each export's headers (compared case- and space-insensitively) and the field each holds;
# "" marks a column that is known and left out. A profile is chosen by its name column.
PROFILES: dict[str, dict[str, str]] = {
    # hankkeet's own exports: `list --format csv` (also --excel) and `list -o FILE.xlsx`
    "hankkeet": {
        "id": "id",
        "code": "code",
        "name": "name",
        "programme": "programme",
        "start": "start",
        "end": "end",
        "budget": "budget",
        "city_share": "city_share",
        "city_share_year": "city_share_year",
        "staff": "staff",
        "contacts": "contacts",
        "funding": "funding",
        "summary": "summary",
        "path": "",
        "line": "",
        "sources": "",  # a merged record's sources (list --merge): known, left out
    },
    # Kohesio (kohesio.ec.europa.eu) project search, downloaded as CSV or XLSX
    "kohesio": {
        "id": "code",
        "project name": "name",
        "total budget": "budget",
        "amount eu support": "eu_support",
        "start date": "start",
        "end date": "end",
        "country": "",
        "summary": "summary",
        "region": "",
        "fund": "fund",
        "programme": "",
        "beneficiary": "",
        "themes": "",
        "categories": "",
    },
    # The structural funds project lists of rakennerahastot.fi, as downloaded: EURA 2014
    # (2014-2020) here, EURA 2007 (2007-2013) below. The headers are those of the downloads
    # kept in os-data/eu-structural-funds (data/FI.finland); no EURA 2021 download was
    # found, so none of its headers is guessed. Public funding is not the project's budget.
    "rakennerahastot": {
        "koodi": "code",
        "rahasto": "fund",
        "hankkeen nimi": "name",
        "tl": "",
        "viranomainen": "",
        "tila": "",
        "aloituspvm": "start",
        "päättymispvm": "end",
        **_EURA_MONEY,
    },
    # EURA 2007: a project is a 'projekti', with its programme part and its state
    "rakennerahastot-2007": {
        "koodi": "code",
        "rahasto": "fund",
        "projektin nimi": "name",
        "ohjelma / osio": "",
        "tl": "",
        "viranomainen": "",
        "toiminnan tila": "",
        "aloituspvm": "start",
        "päättymispvm": "end",
        **_EURA_MONEY,
    },
}
# The field a profile is known by: the project's name.
NAME = "name"
# The own export's columns of where a field stood (`name_line` ...): known, left out.
_LINE_SUFFIX = "_line"
# The funder of the EU support column, as the funding text names it.
EU_SUPPORT = "EU- ja valtion rahoitus"

# The machine form of staff in the flat formats: '2.5 (2021-09-01–2021-12-31)'.
_STAFF = re.compile(r"(\d+(?:\.\d+)?) \((\d{4}-\d{2}-\d{2}|…)–(\d{4}-\d{2}-\d{2}|…)\)")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T][0-9:.]+)?")


class UnknownHeaders(UnreadableInput):
    """A table whose header row names no project column that hankkeet knows."""


def header_key(header: object) -> str:
    """A header as compared: spaces squashed, case folded."""
    return squash(clean_line(str(header or ""))).casefold()


def choose_profile(headers: list[str], path: str) -> tuple[str, dict[int, str], list[str]]:
    """The profile of a header row: its name, each known column's field by index, and the
    headers it does not know. UnknownHeaders when no profile's name column is there."""
    keys = [header_key(h) for h in headers]
    for profile, aliases in PROFILES.items():
        name_headers = {h for h, f in aliases.items() if f == NAME}
        if name_headers & set(keys):
            fields: dict[int, str] = {}
            unknown: list[str] = []
            for at, key in enumerate(keys):
                if key in aliases:
                    if aliases[key]:
                        fields[at] = aliases[key]
                elif not (profile == "hankkeet" and key.endswith(_LINE_SUFFIX)) and key:
                    unknown.append(headers[at])
            return profile, fields, unknown
    known = "; ".join(f"{profile}: " + ", ".join(aliases) for profile, aliases in PROFILES.items())
    raise UnknownHeaders(
        M_(
            "the header row ({headers}) is not one of a register export hankkeet reads; "
            "headers it knows: {known}",
            headers=shorten(", ".join(headers), 120),
            known=known,
        ),
        path,
    )


# -- reading the file ---------------------------------------------------------------------


def csv_rows(data: bytes, path: str) -> list[list[str]]:
    """A CSV file's rows: UTF-8 (with or without BOM, else Windows-1252), ',' or ';' or
    tab between cells, as the header row shows."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")
    if "\x00" in text:
        raise UnreadableInput(M_("contains NUL bytes; not a text file"), path)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def xlsx_rows(data: bytes, path: str) -> list[list[Any]]:
    """The first sheet's rows of a workbook (openpyxl; MissingExtra without it)."""
    try:
        import openpyxl
    except ImportError:
        raise MissingExtra(path, Kind.XLSX) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is no workbook
        raise UnreadableInput(
            M_("not an Excel workbook ({problem})", problem=str(exc)), path
        ) from None
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def rows_of(kind: Kind, data: bytes, path: str) -> list[list[Any]]:
    """The rows of a table file, blank rows kept (row numbers stay the file's)."""
    return xlsx_rows(data, path) if kind is Kind.XLSX else csv_rows(data, path)


def cell_text(value: object) -> str:
    """A cell as text: dates as ISO dates, numbers as written, None as ''."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    return clean_line(str(value)).strip()


def table_lines(kind: Kind, data: bytes, path: str) -> Extracted:
    """A table's rows as lines (line n is row n), cells parted by ' | ': what search and a
    readability check read of it."""
    rows = rows_of(kind, data, path)
    return Extracted([" | ".join(c for c in map(cell_text, row) if c) for row in rows])


# -- rows to records ----------------------------------------------------------------------


@dataclass
class _Row:
    """One row being read: its number, the cells by field, and what reading them found."""

    path: str
    number: int
    cells: dict[str, tuple[str, str, int]]  # field -> (text, header, 1-based column)
    notes: list[Note]

    def text(self, field: str) -> str | None:
        cell = self.cells.get(field)
        return cell[0] if cell and cell[0] else None

    def note(self, code: Code, field: str, message: Message, about: str | None = None) -> None:
        _text, header, column = self.cells[field]
        problem = M_(
            "row {row}, column '{column}': {problem}",
            row=self.number,
            column=header,
            problem=message,
        )
        self.notes.append(Note(code, problem, self.number, column, about or field))

    def single(self, field: str) -> str | None:
        """The one value of a cell; several different values joined by '|' are a finding."""
        text = self.text(field)
        if text is None or MULTI not in text:
            return text
        values = list(dict.fromkeys(v.strip() for v in text.split(MULTI) if v.strip()))
        if len(values) == 1:
            return values[0]
        self.note(
            Code.AMBIGUOUS_MONEY if field in _MONEY else Code.UNREADABLE_DATE,
            field,
            M_("several values ({values}); none is read", values=shorten(text)),
        )
        return None

    def joined(self, field: str) -> str | None:
        """A text cell; several values joined by '|' as a list parted by '; '."""
        text = self.text(field)
        if text is None or MULTI not in text:
            return text
        return "; ".join(v.strip() for v in text.split(MULTI) if v.strip()) or None

    def money(self, field: str) -> Decimal | None:
        text = self.single(field)
        if text is None:
            return None
        if _PLAIN_NUMBER.fullmatch(text.replace(" ", "")):
            return Decimal(text.replace(" ", "").replace(",", "."))
        reading = read_money_field(text)
        if reading.value is None and reading.message is not None:
            self.note(Code.UNREADABLE_MONEY, field, reading.message)
        return reading.value

    def day(self, field: str) -> date | None:
        text = self.single(field)
        if text is None:
            return None
        iso = _ISO_DATE.fullmatch(text)
        try:
            if iso is not None:
                return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            self.note(
                Code.IMPOSSIBLE_DATE,
                field,
                M_("'{date}' is not a real date", date=text),
                "period",
            )
            return None
        reading = read_date(text)
        if reading.start is None or reading.start != reading.end:
            problem = reading.problems[0] if reading.problems else None
            self.note(
                problem.code if problem else Code.UNREADABLE_DATE,
                field,
                problem.message if problem else M_("'{text}' is not one date", text=text),
                "period",
            )
            return None
        return reading.start

    def year(self, field: str) -> int | None:
        text = self.single(field)
        if text is None:
            return None
        if text.isdigit() and len(text) == 4:
            return int(text)
        self.note(Code.UNREADABLE_DATE, field, M_("'{text}' is not a year", text=text))
        return None

    def staff(self) -> list[StaffPeriod]:
        text = self.text("staff")
        if text is None:
            return []
        out: list[StaffPeriod] = []
        for part in text.split(";"):
            m = _STAFF.fullmatch(part.strip())
            if m is None:
                self.note(
                    Code.UNREADABLE_STAFF,
                    "staff",
                    M_("'{text}' is not a headcount with its period", text=part.strip()),
                )
                return []
            out.append(
                StaffPeriod(
                    count=Decimal(m[1]),
                    start=None if m[2] == "…" else date.fromisoformat(m[2]),
                    end=None if m[3] == "…" else date.fromisoformat(m[3]),
                )
            )
        return out


_MONEY = frozenset({"budget", "city_share", "eu_support"})


def contact_of(text: str) -> Contact:
    """'projektipäällikkö Anne Oikarinen' as a contact: the lower-case words before the
    first capitalised one are the title, the rest the name."""
    words = text.split()
    at = next((i for i, w in enumerate(words) if w[:1].isupper()), len(words))
    return Contact(title=" ".join(words[:at]) or None, name=" ".join(words[at:]) or None)


def _funding_of(row: _Row, lines: dict[str, int]) -> tuple[Funding, str | None, str | None]:
    """A row's funding, programme and fund, from the cells that state them (the row's
    number goes into `lines` when any does)."""
    funding_text = row.text("funding")
    funding = Funding()
    programme: str | None = None
    fund: str | None = None
    if funding_text is not None:
        reading = read_funding(funding_text)
        funding, programme = reading.funding, reading.programme
        funds = find_funds(funding_text)
        fund = funds[0] if len(funds) == 1 else None
        lines["funding"] = row.number
    if (text := row.joined("programme")) is not None:
        found = find_programmes(text)
        programme = found[0] if found else text
        lines["funding"] = row.number
    if (text := row.joined("fund")) is not None:
        funds = find_funds(text)
        fund = funds[0] if len(funds) == 1 else fund
        if programme is None:
            found = find_programmes(text)
            programme = found[0] if len(found) == 1 else None
        lines["funding"] = row.number
    eu_support = row.money("eu_support") if "eu_support" in row.cells else None
    if eu_support is not None and not funding.sources:
        funding = Funding(
            text=f"{EU_SUPPORT} {eu_support} €",
            sources=[FundingSource(funder=EU_SUPPORT, amount=eu_support, kind="eu_state")],
        )
        lines["funding"] = row.number
    return funding, programme, fund


def read_row(row: _Row, profile: str) -> Project | None:
    """A row as a record (None for a row with no name: a finding says so)."""
    name = row.joined("name")
    if name is None:
        return None
    values: dict[str, Any] = {}
    lines: dict[str, int] = {"name": row.number}
    funding, programme, fund = _funding_of(row, lines)
    for field in ("start", "end"):
        if field in row.cells:
            values[field] = row.day(field)
    for field in ("budget", "city_share"):
        if field in row.cells:
            values[field] = row.money(field)
    if "city_share_year" in row.cells:
        values["city_share_year"] = row.year("city_share_year")
    contacts = [contact_of(c) for c in (row.text("contacts") or "").split(";") if c.strip()]
    staff = row.staff()
    for field, value in (*values.items(), ("staff", staff), ("contacts", contacts)):
        if value not in (None, []):
            lines["city_share" if field == "city_share_year" else field] = row.number
    summary = row.joined("summary")
    if summary is not None:
        lines["summary"] = row.number
    return Project(
        id=row.text("id") or slug(name),
        name=name,
        code=row.joined("code"),
        source=SourceRef(path=row.path, line=row.number),
        programme=programme,
        fund=fund,
        staff=staff,
        contacts=contacts,
        funding=funding,
        summary=summary,
        lines=lines,
        layout=Layout.DATABASE,
        **values,
    )


def _row_of(
    cells: list[str], path: str, number: int, headers: list[str], fields: dict[int, str]
) -> _Row:
    """A row's cells under the fields of their columns (a stray-text note when there are
    more cells than columns)."""
    notes: list[Note] = []
    width = len(cells)
    while width and not cells[width - 1]:
        width -= 1
    read = fields
    if width > len(headers):
        # A cell held the separator unquoted: the cells after it stand one column to the
        # right, and which cell that was cannot be told. Only the columns up to the name
        # (the code and the name, left of the cells that hold prose) are read.
        last = max(i for i, field in fields.items() if field == NAME)
        read = {i: field for i, field in fields.items() if i <= last}
        notes.append(
            Note(
                Code.STRAY_TEXT,
                M_(
                    "row {row} has {cells} cells but the header names {columns} columns "
                    "(a cell holds the separator): only the columns up to the name are read",
                    row=number,
                    cells=width,
                    columns=len(headers),
                ),
                number,
            )
        )
    return _Row(
        path,
        number,
        {
            field: (cells[i] if i < len(cells) else "", headers[i], i + 1)
            for i, field in read.items()
        },
        notes,
    )


def read_table(
    kind: Kind, data: bytes, path: str, registry: IdRegistry
) -> Iterator[ParsedProject | Diagnostic]:
    """Every row of a register export as a project with the findings of its cells; a
    finding for the columns left out, and for a table with no project."""
    rows = rows_of(kind, data, path)
    header_at = next((i for i, r in enumerate(rows) if any(cell_text(c) for c in r)), None)
    if header_at is None:
        yield Diagnostic(
            Code.NO_PROJECTS, M_("{path} holds no project description", path=path), path, 1
        )
        return
    headers = [cell_text(c) for c in rows[header_at]]
    profile, fields, unknown = choose_profile(headers, path)
    if unknown:
        yield Diagnostic(
            Code.UNKNOWN_LABEL,
            M_(
                "columns not read (not known for a {profile} table): {columns}",
                profile=profile,
                columns=", ".join(unknown),
            ),
            path,
            header_at + 1,
        )
    projects = 0
    for at in range(header_at + 1, len(rows)):
        cells = [cell_text(c) for c in rows[at]]
        if not any(cells):
            continue
        number = at + 1
        row = _row_of(cells, path, number, headers, fields)
        project = read_row(row, profile)
        if project is None:
            yield Diagnostic(
                Code.MISSING_FIELD,
                M_("row {row} has no project name; the row is not read", row=number),
                path,
                number,
                about="name",
            )
            continue
        ident, found = claim(row.notes, 0, project.id, project.name, path, number, registry)
        project.id = ident
        projects += 1
        yield ParsedProject(project, found)
    if not projects:
        yield Diagnostic(
            Code.NO_PROJECTS, M_("{path} holds no project description", path=path), path, 1
        )
