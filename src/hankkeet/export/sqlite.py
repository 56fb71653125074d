"""A SQLite database of the records for datasette: tables, foreign keys, full-text search.

Written with the standard library's sqlite3: no extra install, and the schema is ours to
keep stable. Money is stored as INTEGER cents (`budget_cents`): exact, summable in SQL and
sorted as numbers by datasette. Headcounts and funding shares are REAL (they are counts and
percentages with at most two decimals, not money). Dates are ISO text (YYYY-MM-DD); `lines`
(the source line of each field) and `read` (how a field was read when not from its label)
are JSON objects.

`projects_fts` indexes the names and summaries of `projects` (FTS5, external content), the
way sqlite-utils does it, so `datasette hankkeet.db` offers search on the projects table.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from hankkeet.diagnostics import Diagnostic
from hankkeet.export import DatabaseError, InexactMoney
from hankkeet.locale import M_, Language
from hankkeet.models import Project

SCHEMA = """
CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    programme TEXT,
    fund TEXT,
    start TEXT,
    "end" TEXT,
    budget_cents INTEGER,
    city_share_cents INTEGER,
    city_share_year INTEGER,
    funding_text TEXT,
    stated_budget_cents INTEGER,
    summary TEXT,
    path TEXT NOT NULL,
    line INTEGER NOT NULL,
    layout TEXT,
    lines TEXT,
    read TEXT
);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id),
    position INTEGER NOT NULL,
    title TEXT,
    name TEXT,
    email TEXT,
    phone TEXT
);
CREATE TABLE funding_sources (
    id INTEGER PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id),
    position INTEGER NOT NULL,
    funder TEXT NOT NULL,
    kind TEXT,
    amount_cents INTEGER,
    share REAL
);
CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id),
    position INTEGER NOT NULL,
    count REAL NOT NULL,
    start TEXT,
    "end" TEXT
);
CREATE TABLE diagnostics (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    path TEXT NOT NULL,
    line INTEGER NOT NULL,
    "column" INTEGER,
    project_id TEXT REFERENCES projects(id)
);
CREATE INDEX contacts_project_id ON contacts(project_id);
CREATE INDEX funding_sources_project_id ON funding_sources(project_id);
CREATE INDEX staff_project_id ON staff(project_id);
CREATE INDEX diagnostics_project_id ON diagnostics(project_id);
CREATE VIRTUAL TABLE [projects_fts] USING FTS5 ([name], [summary], content=[projects]);
"""


def cents(value: Decimal | None) -> int | None:
    """Euros as integer cents, exactly; InexactMoney for fractions of a cent."""
    if value is None:
        return None
    scaled = value * 100
    if scaled != scaled.to_integral_value():
        raise InexactMoney(
            M_("{value} € has fractions of a cent; it cannot be stored exactly", value=str(value))
        )
    return int(scaled)


def _real(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _iso(value: object) -> str | None:
    return None if value is None else str(value)


def write_database(
    path: Path, projects: Sequence[Project], diagnostics: Iterable[Diagnostic]
) -> None:
    """Create a new database file at `path` with every table filled and indexed; SQLite's
    own errors come as DatabaseError (so callers need not load sqlite3 to catch them)."""
    try:
        _write(path, projects, diagnostics)
    except sqlite3.Error as exc:
        raise DatabaseError(str(exc)) from exc


def _write(path: Path, projects: Sequence[Project], diagnostics: Iterable[Diagnostic]) -> None:
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.executescript(SCHEMA)
            _fill(connection, projects, diagnostics)
            connection.execute(
                "INSERT INTO projects_fts (rowid, name, summary) "
                "SELECT rowid, name, summary FROM projects"
            )
        violations = connection.execute("PRAGMA foreign_key_check").fetchall()
        if violations:  # a bug, not a data problem: the rows above are built to fit
            raise RuntimeError(f"foreign keys broken in the export: {violations[:3]}")
    finally:
        connection.close()


def _fill(
    connection: sqlite3.Connection, projects: Sequence[Project], diagnostics: Iterable[Diagnostic]
) -> None:
    known: set[str] = set()
    for p in projects:
        known.add(p.id)
        _add_project(connection, p)
    connection.executemany(
        'INSERT INTO diagnostics (code, severity, message, path, line, "column", project_id) '
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                str(d.code),
                d.severity.value,
                d.text(Language.EN),
                d.path,
                d.line,
                d.column,
                d.project if d.project in known else None,
            )
            for d in diagnostics
        ],
    )


def _add_project(connection: sqlite3.Connection, p: Project) -> None:
    """One project's row, and the rows of its contacts, funding sources and staff."""
    connection.execute(
        "INSERT INTO projects VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            p.id,
            p.name,
            p.programme,
            p.fund,
            _iso(p.start),
            _iso(p.end),
            cents(p.budget),
            cents(p.city_share),
            p.city_share_year,
            p.funding.text,
            cents(p.funding.stated_budget),
            p.summary,
            p.source.path,
            p.source.line,
            p.layout,
            json.dumps(p.lines, ensure_ascii=False),
            json.dumps(p.read, ensure_ascii=False),
        ),
    )
    connection.executemany(
        "INSERT INTO contacts (project_id, position, title, name, email, phone) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(p.id, i, c.title, c.name, c.email, c.phone) for i, c in enumerate(p.contacts, start=1)],
    )
    connection.executemany(
        "INSERT INTO funding_sources (project_id, position, funder, kind, amount_cents, "
        "share) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (p.id, i, s.funder, s.kind, cents(s.amount), _real(s.share))
            for i, s in enumerate(p.funding.sources, start=1)
        ],
    )
    connection.executemany(
        'INSERT INTO staff (project_id, position, count, start, "end") VALUES (?, ?, ?, ?, ?)',
        [
            (p.id, i, float(s.count), _iso(s.start), _iso(s.end))
            for i, s in enumerate(p.staff, start=1)
        ],
    )
