"""`models.assembled` builds a record without pydantic's validation, by writing pydantic's
own attributes: every record read (the embedded data and the corpus) is, field by field
and down to its contacts and funding, the record pydantic validates from its dump (issue
26, 1). pyproject pins pydantic's major version; this test catches a minor one that
changes what a model holds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from conftest import ROOT
from hankkeet.library import read_projects
from hankkeet.models import Contact, Funding, FundingSource, Project, SourceRef, assembled
from hankkeet.reading.parser import ParsedProject
from hankkeet.reading.sources import embedded_source

CORPUS = ROOT / "tests" / "corpus"
# What pydantic keeps on a model besides its fields (`__dict__`): a new one in a pydantic
# release is one `assembled` does not write.
PYDANTIC_STATE = tuple(s for s in BaseModel.__slots__ if s != "__dict__")


def differences(built: Any, validated: Any, where: str) -> list[str]:
    """Where two values differ: type, digits (Decimal('1.0') is not Decimal('1')), a
    model's fields in their order, and pydantic's own attributes."""
    if type(built) is not type(validated):
        return [f"{where}: {type(built).__name__} is not {type(validated).__name__}"]
    if isinstance(built, BaseModel):
        found = [
            f"{where}.{state}"
            for state in PYDANTIC_STATE
            if getattr(built, state) != getattr(validated, state)
        ]
        if list(built.__dict__) != list(validated.__dict__):
            found.append(f"{where}: fields {list(built.__dict__)} != {list(validated.__dict__)}")
        for name in type(built).model_fields:
            found += differences(
                built.__dict__.get(name), validated.__dict__.get(name), f"{where}.{name}"
            )
        return found
    if isinstance(built, list):
        if len(built) != len(validated):
            return [f"{where}: {len(built)} items, not {len(validated)}"]
        return [
            d
            for i, pair in enumerate(zip(built, validated, strict=True))
            for d in differences(*pair, f"{where}[{i}]")
        ]
    if isinstance(built, dict):
        if list(built) != list(validated):
            return [f"{where}: keys {list(built)} != {list(validated)}"]
        return [
            d for key in built for d in differences(built[key], validated[key], f"{where}[{key!r}]")
        ]
    if isinstance(built, Decimal | date | str | int | bool) or built is None:
        return [] if repr(built) == repr(validated) else [f"{where}: {built!r} != {validated!r}"]
    return [f"{where}: a {type(built).__name__} in a record"]


def read_records(sources: list[Any]) -> list[Project]:
    return [item.project for item in read_projects(sources) if isinstance(item, ParsedProject)]


def pages() -> list[Path]:
    return sorted(CORPUS.glob("*/*.txt"))


@pytest.mark.parametrize(
    ("name", "sources"),
    [("the embedded data", lambda: [embedded_source()]), ("the corpus", pages)],
)
def test_assembled_records_are_the_validated_records(name: str, sources: Any) -> None:
    projects = read_records(sources())
    assert len(projects) >= (8 if name == "the embedded data" else 70), name
    parts = {"contacts": 0, "funding sources": 0, "staff": 0}
    for project in projects:
        validated = Project.model_validate(project.model_dump(exclude_unset=True))
        assert differences(project, validated, project.id) == []
        parts["contacts"] += len(project.contacts)
        parts["funding sources"] += len(project.funding.sources)
        parts["staff"] += len(project.staff)
    if name == "the corpus":
        del parts["staff"]  # no corpus page states staff
    assert all(parts.values()), f"{name}: nothing nested to compare: {parts}"


# (the assembled record, the validated one, a difference found, why): the comparison itself
NOT_THE_SAME = [
    (
        assembled(SourceRef, {"path": "a", "line": 1}, {"path", "line"}),
        SourceRef(path="a", line=2),
        "x.line: 1 != 2",
        "a value",
    ),
    (
        assembled(FundingSource, {"funder": "EU", "amount": Decimal("1.0")}, {"funder", "amount"}),
        FundingSource(funder="EU", amount=Decimal("1")),
        "x.amount: Decimal('1.0') != Decimal('1')",
        "a Decimal's digits",
    ),
    (
        assembled(Contact, {"name": "A"}, {"name"}),
        Contact(name="A"),
        "x: fields ['name'] != ['title', 'name', 'email', 'phone']",
        "a field left out",
    ),
    (
        assembled(
            Contact, {"title": None, "name": "A", "email": None, "phone": None}, {"name", "title"}
        ),
        Contact(name="A"),
        "x.__pydantic_fields_set__",
        "the fields set",
    ),
    (
        assembled(Funding, {"text": "t", "sources": (), "stated_budget": None}, {"text"}),
        Funding(text="t"),
        "x.sources: tuple is not list",
        "a type",
    ),
]


@pytest.mark.parametrize(
    ("built", "validated", "found", "why"), NOT_THE_SAME, ids=[n[3] for n in NOT_THE_SAME]
)
def test_the_comparison_sees_a_difference(
    built: BaseModel, validated: BaseModel, found: str, why: str
) -> None:
    assert found in differences(built, validated, "x"), why
