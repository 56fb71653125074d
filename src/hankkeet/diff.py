"""What changed between two versions of the descriptions: projects added, removed, renamed,
and fields changed, each with the old and the new value and line.

Projects are matched by id first. An id only in the old version and one only in the new are
the same project renamed when the rest of the record is alike (RENAME_THRESHOLD); otherwise
one was removed and the other added. Nothing here prints.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from hankkeet.models import LINE_OF_FIELD, Contact, Project, StaffPeriod

Value = str | Decimal | date | int | None

# The fields compared, in reading order, and the key of `Project.lines` each stands at.
FIELD_LINES = LINE_OF_FIELD
# Free text compared by likeness when telling a rename from a removal plus an addition.
TEXT_FIELDS = frozenset({"summary", "funding", "contacts", "staff"})
# How alike two records (names left out) must be to count as one project renamed.
RENAME_THRESHOLD = 0.7


class ChangeKind(StrEnum):
    """What happened to a project between the versions."""

    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    CHANGED = "changed"


def _staff(periods: Sequence[StaffPeriod]) -> str | None:
    parts = [f"{p.count} ({p.start or '…'}–{p.end or '…'})" for p in periods]
    return "; ".join(parts) or None


def _contacts(contacts: Sequence[Contact]) -> str | None:
    parts = [", ".join(filter(None, (c.title, c.name, c.email, c.phone))) for c in contacts]
    return "; ".join(parts) or None


def field_value(project: Project, name: str) -> Value:
    """One compared field of a project as a plain value (lists as one text)."""
    match name:
        case "staff":
            return _staff(project.staff)
        case "contacts":
            return _contacts(project.contacts)
        case "funding":
            return project.funding.text
        case _:
            value: Value = getattr(project, name)
            return value


def field_line(project: Project, name: str) -> int | None:
    """The 1-based line a field was read from (a period's line for start and end)."""
    key = FIELD_LINES[name]
    found = project.lines.get(key)
    if found is None and key in ("start", "end"):
        found = project.lines.get("period")
    return found


@dataclass(frozen=True)
class FieldChange:
    """One field whose value differs: old and new value, and the line of each."""

    name: str
    old: Value
    new: Value
    old_line: int | None
    new_line: int | None

    def to_dict(self) -> dict[str, Any]:
        """Plain values (Decimals and dates kept exact)."""
        return {
            "field": self.name,
            "old": self.old,
            "new": self.new,
            "old_line": self.old_line,
            "new_line": self.new_line,
        }


@dataclass(frozen=True)
class ProjectChange:
    """A project added, removed, renamed or changed, with the fields that differ."""

    kind: ChangeKind
    old: Project | None
    new: Project | None
    fields: tuple[FieldChange, ...] = ()

    @property
    def project(self) -> Project:
        """The project as it is now (as it was, when removed)."""
        chosen = self.new or self.old
        assert chosen is not None
        return chosen

    def to_dict(self) -> dict[str, Any]:
        """Plain values: kind, ids, names, where each version stands, the fields."""

        def where(project: Project | None) -> dict[str, Any] | None:
            if project is None:
                return None
            return {
                "id": project.id,
                "name": project.name,
                "path": project.source.path,
                "line": project.source.line,
            }

        return {
            "kind": self.kind.value,
            "id": self.project.id,
            "old": where(self.old),
            "new": where(self.new),
            "fields": [f.to_dict() for f in self.fields],
        }


@dataclass
class Diff:
    """Every change between two versions, and how many projects each has."""

    changes: list[ProjectChange] = field(default_factory=list)
    old_projects: int = 0
    new_projects: int = 0

    @property
    def changed(self) -> bool:
        """Whether anything differs."""
        return bool(self.changes)

    def counts(self) -> dict[str, int]:
        """How many projects of each kind of change, and unchanged."""
        out = {kind.value: sum(c.kind is kind for c in self.changes) for kind in ChangeKind}
        out["unchanged"] = self.new_projects - out["added"] - out["renamed"] - out["changed"]
        return out

    def to_dict(self) -> dict[str, Any]:
        """The diff as JSON-ready data: changed, counts, changes."""
        return {
            "changed": self.changed,
            "old_projects": self.old_projects,
            "new_projects": self.new_projects,
            "counts": self.counts(),
            "changes": [c.to_dict() for c in self.changes],
        }


def field_changes(old: Project, new: Project) -> tuple[FieldChange, ...]:
    """The fields whose values differ, in reading order."""
    return tuple(
        FieldChange(
            name,
            field_value(old, name),
            field_value(new, name),
            field_line(old, name),
            field_line(new, name),
        )
        for name in FIELD_LINES
        if field_value(old, name) != field_value(new, name)
    )


def likeness(old: Project, new: Project) -> float:
    """How alike two records are apart from their names, 0 to 1."""
    scores: list[float] = []
    for name in FIELD_LINES:
        if name == "name":
            continue
        a, b = field_value(old, name), field_value(new, name)
        if a is None and b is None:
            continue
        if a == b:
            scores.append(1.0)
        elif name in TEXT_FIELDS and isinstance(a, str) and isinstance(b, str):
            scores.append(difflib.SequenceMatcher(None, a, b, autojunk=False).ratio())
        else:
            scores.append(0.0)
    return sum(scores) / len(scores) if scores else 0.0


def diff_projects(old: Sequence[Project], new: Sequence[Project]) -> Diff:
    """The changes from the old version's projects to the new one's."""
    old_by_id = {p.id: p for p in old}
    new_by_id = {p.id: p for p in new}
    changes: list[ProjectChange] = []
    for project in new:
        before = old_by_id.get(project.id)
        if before is not None:
            differ = field_changes(before, project)
            if differ:
                changes.append(ProjectChange(ChangeKind.CHANGED, before, project, differ))
    gone = [p for p in old if p.id not in new_by_id]
    came = [p for p in new if p.id not in old_by_id]
    renamed = _renamed_pairs(gone, came)
    changes += [
        ProjectChange(ChangeKind.RENAMED, gone[i], came[j], field_changes(gone[i], came[j]))
        for i, j in renamed
    ]
    taken_old = {i for i, _ in renamed}
    taken_new = {j for _, j in renamed}
    changes += [
        ProjectChange(ChangeKind.ADDED, None, p) for j, p in enumerate(came) if j not in taken_new
    ]
    changes += [
        ProjectChange(ChangeKind.REMOVED, p, None) for i, p in enumerate(gone) if i not in taken_old
    ]
    order = {kind: n for n, kind in enumerate(ChangeKind)}
    changes.sort(key=lambda c: (order[c.kind], c.project.source.line))
    return Diff(changes, len(old), len(new))


def _renamed_pairs(gone: Sequence[Project], came: Sequence[Project]) -> list[tuple[int, int]]:
    """Which gone project became which new one (indexes into `gone` and `came`): the most
    alike pairs first, each project in one pair at most, none below RENAME_THRESHOLD."""
    pairs = sorted(
        ((likeness(a, b), i, j) for i, a in enumerate(gone) for j, b in enumerate(came)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    renamed: list[tuple[int, int]] = []
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for score, i, j in pairs:
        if score < RENAME_THRESHOLD:
            break
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        renamed.append((i, j))
    return renamed
