"""The typed records: a project and its parts. Money and headcounts are exact Decimals."""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

# Euros, exact. JSON carries them as numbers written out digit for digit (see encode.py).
Euros = Annotated[Decimal, WithJsonSchema({"type": "number", "description": "euros, exact"})]
Exact = Annotated[Decimal, WithJsonSchema({"type": "number"})]
ReadHow = Literal["heading", "header", "prose"]
# Who a funder is, for totals: the EU or the state, municipalities, or private money.
FunderKind = Literal["eu_state", "municipal", "private"]


class Layout(StrEnum):
    """The layout family of the text a record was read from (its JSON value is the value)."""

    LABELLED = "labelled"
    CARD = "card"
    DATABASE = "database"
    AGENDA = "agenda"
    PROSE = "prose"


# The record's JSON Schema shows the layout as it did when it was a Literal: an enum of
# strings inside the property, not a $ref.
_LAYOUT_SCHEMA = WithJsonSchema({"enum": [layout.value for layout in Layout], "type": "string"})
# What kind of source a record comes from, as merging trusts it (see link.SOURCE_KIND).
SourceKind = Literal["register", "page", "decision", "news"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceRef(_Record):
    """Where a project's title stands: file path and 1-based line."""

    path: str
    line: int


class StaffPeriod(_Record):
    """A headcount of project staff over a period (henkilöstö ajanjaksolla)."""

    count: Exact
    start: date | None = None
    end: date | None = None


class Contact(_Record):
    """A contact person (yhteyshenkilö): lower-cased job title, name, and details."""

    # Frozen: the projects that name the same people in the same words share these records
    # (each contact text is read once), so one project's contact cannot be changed under
    # another's. A changed contact is a copy: `contact.model_copy(update={...})`. (Said in
    # a comment: the docstring is the JSON schema's description.)
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = None
    name: str | None = None
    email: str | None = None
    phone: str | None = None


class FundingSource(_Record):
    """One funder named in the funding text, with the amount and share it states."""

    # Frozen, and shared by the projects whose funding text is the same (as Contact).
    model_config = ConfigDict(extra="forbid", frozen=True)

    funder: str
    amount: Euros | None = None
    share: Exact | None = Field(default=None, description="per cent of the budget")
    kind: FunderKind | None = Field(
        default=None, description="eu_state, municipal, private or null"
    )


class Funding(_Record):
    """The funding text (rahoitus) and the sources and total it states."""

    text: str | None = None
    sources: list[FundingSource] = Field(default_factory=list)
    stated_budget: Euros | None = Field(
        default=None, description="a total budget stated inside the funding text"
    )


class RecordSource(_Record):
    """One source of a merged record (`--merge`): where the source's record stands, what
    kind of source it is, and the fields whose values the merged record took from it, each
    with its line (a register export's row) in that source."""

    path: str
    line: int = Field(description="1-based line of the source's record (a table's row)")
    name: str = Field(description="the project's name as this source writes it")
    kind: SourceKind = Field(
        description="register, page (the city's project page), decision or news"
    )
    fields: dict[str, int] = Field(
        default_factory=dict,
        description="each field the merged record took from this source, with its line",
    )


class Project(_Record):
    """One development project (hanke) as read from the text."""

    id: str = Field(description="unique, stable slug of the name")
    name: str
    code: str | None = Field(
        default=None, description="register code: EURA S21949/A72571, a Kohesio id, a case number"
    )
    source: SourceRef
    programme: str | None = Field(default=None, description="canonical funding programme")
    fund: str | None = Field(
        default=None, description="the EU fund the text names (EAKR, ESR, JTF, Maaseuturahasto...)"
    )
    start: date | None = None
    end: date | None = None
    budget: Euros | None = None
    city_share: Euros | None = None
    city_share_year: int | None = Field(
        default=None, description="the one year the city share covers, when the text says so"
    )
    staff: list[StaffPeriod] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    funding: Funding = Field(default_factory=Funding)
    summary: str | None = None
    lines: dict[str, int] = Field(
        default_factory=dict, description="1-based source line of each field read"
    )
    read: dict[str, ReadHow] = Field(
        default_factory=dict,
        description="how a field was read when not from its own label line: 'heading' (text "
        "under a heading), 'header' (a page's header lines), 'prose' (a sentence)",
    )
    layout: Annotated[Layout, _LAYOUT_SCHEMA] = Field(
        default=Layout.LABELLED, description="the layout family of the text", title="Layout"
    )
    sources: list[RecordSource] = Field(
        default_factory=list,
        description="a merged record's sources (list/show --merge), most trusted first; "
        "left out of a record read from one source",
    )

    def record(self) -> dict[str, Any]:
        """The public record: plain Python values, Decimals and dates kept exact (`sources`
        only when the record was merged from several)."""
        record = self.model_dump(mode="python")
        if not record["sources"]:
            del record["sources"]
        return record


_M = TypeVar("_M", bound=BaseModel)


_new = object.__new__
_set = object.__setattr__


def assembled(cls: type[_M], values: dict[str, Any], fields_set: set[str]) -> _M:
    """A record from values that are already a valid record's (its own, or a copy's), in
    field order, without validating them again: what pydantic builds, at a fraction of the
    cost. Only for values known to be of their fields' types (shallow_copy, the workers'
    unpacking, the readers' records: tests/test_fast_paths.py validates those)."""
    if cls is Project and "code" not in values:
        # The readers (reading/records.py) do not fill `code` yet: until they do, a record
        # they assemble gets it empty here (the workers' packing needs every field).
        # In field order (after the name), as a validated record and the workers' have it.
        values = {"id": values["id"], "name": values["name"], "code": None, **values}
    if cls is Project and "sources" not in values:
        # Nor `sources` (only merging fills it): the last field, so order is kept.
        values["sources"] = []
    record = _new(cls)
    _set(record, "__dict__", values)
    _set(record, "__pydantic_fields_set__", fields_set)
    _set(record, "__pydantic_extra__", None)  # extra="forbid": never any
    _set(record, "__pydantic_private__", None)  # no private attributes
    return record


def shallow_copy(model: _M, **changed: Any) -> _M:
    """A copy of a record (its lists and nested records shared), with `changed` fields
    replaced: what `model.model_copy(update=changed)` gives, at a fraction of the cost."""
    values = model.__dict__.copy()
    fields_set = model.__pydantic_fields_set__.copy()
    if changed:
        values.update(changed)
        fields_set.update(changed)
    return assembled(type(model), values, fields_set)


# Which key of `Project.lines` holds the source line of each record field (a field read from
# the funding text stands at the funding line). In reading order.
LINE_OF_FIELD: dict[str, str] = {
    "name": "name",
    "programme": "funding",
    "fund": "funding",
    "start": "start",
    "end": "end",
    "budget": "budget",
    "city_share": "city_share",
    "city_share_year": "city_share",
    "staff": "staff",
    "contacts": "contacts",
    "funding": "funding",
    "summary": "summary",
}


_NUMBER_OR_NULL = {"anyOf": [{"type": "number"}, {"type": "null"}]}
_STRING_OR_NULL = {"anyOf": [{"type": "string"}, {"type": "null"}]}
_DATE_OR_NULL = {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]}
_COUNT = {"type": "integer", "minimum": 0}

# The output of `hankkeet link --format json` (link.Linkage.to_dict): written here, as data,
# because a linkage is not a pydantic record. Records and pairs name records by their
# 1-based place in the linked sequence.
LINKAGE_SCHEMA: dict[str, Any] = {
    "title": "Linkage",
    "description": "hankkeet link --format json: groups of records that describe one project",
    "type": "object",
    "additionalProperties": False,
    "required": ["stats", "groups"],
    "properties": {
        "stats": {
            "type": "object",
            "additionalProperties": False,
            "required": ["records", "compared", "match", "probable", "review"],
            "properties": {
                key: _COUNT for key in ("records", "compared", "match", "probable", "review")
            },
        },
        "groups": {
            "type": "array",
            "items": {
                "title": "Group",
                "type": "object",
                "additionalProperties": False,
                "required": ["group", "status", "parts", "records", "pairs"],
                "properties": {
                    "group": {"type": "integer", "minimum": 1},
                    "status": {"enum": ["match", "probable", "review"]},
                    "parts": {
                        "description": "match groups a probable group joins (their numbers)",
                        "type": "array",
                        "items": {"type": "integer", "minimum": 1},
                    },
                    "records": {
                        "type": "array",
                        "items": {
                            "title": "LinkedRecord",
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["record", "path", "line", "name", "codes"],
                            "properties": {
                                "record": {"type": "integer", "minimum": 1},
                                "path": {"type": "string"},
                                "line": {"type": "integer", "minimum": 0},
                                "name": {"type": "string"},
                                "codes": {
                                    "description": "register codes: the record's and its lines'",
                                    "type": "array",
                                    "items": {"type": "string"},
                                },
                                "municipality": _STRING_OR_NULL,
                                "start": _DATE_OR_NULL,
                                "end": _DATE_OR_NULL,
                                "programme": _STRING_OR_NULL,
                                "fund": _STRING_OR_NULL,
                                "budget": _NUMBER_OR_NULL,
                            },
                        },
                    },
                    "pairs": {
                        "type": "array",
                        "items": {
                            "title": "Pair",
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["records", "score", "status", "evidence"],
                            "properties": {
                                "records": {
                                    "type": "array",
                                    "items": {"type": "integer", "minimum": 1},
                                    "minItems": 2,
                                    "maxItems": 2,
                                },
                                "score": {"type": "integer"},
                                "status": {"enum": ["match", "probable", "review", None]},
                                "evidence": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "additionalProperties": False,
                                        "required": ["field", "agrees", "weight", "values"],
                                        "properties": {
                                            "field": {"type": "string"},
                                            "agrees": {"type": "boolean"},
                                            "weight": {"type": "integer"},
                                            "values": {
                                                "type": "array",
                                                "items": {"type": "string"},
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


def record_schema() -> dict[str, Any]:
    """The JSON Schema of a project record (with `sources` when merged); `$defs/Linkage`
    is the schema of `hankkeet link --format json`."""
    schema = Project.model_json_schema(mode="serialization")
    schema["$defs"]["Linkage"] = LINKAGE_SCHEMA
    return schema


# -- the one codec of a record ------------------------------------------------------

# A record as plain values, each model as (values in field order, the fields set when not
# all of them): what a worker sends back (pickled by the pool) and what a search keeps of a
# project it found (pickled and compressed). Smaller and cheaper to pickle than the models.
PackedRecord = tuple[Any, ...]


@functools.cache
def _keys(cls: type[BaseModel]) -> tuple[str, ...]:
    """A model's field names, in order (looked up once: pydantic's lookup is not free; not
    at import, as most runs never pack a record)."""
    return tuple(cls.model_fields)


def _pack(model: BaseModel, values: tuple[Any, ...]) -> PackedRecord:
    fields_set = model.__pydantic_fields_set__
    return values, (None if len(fields_set) == len(values) else tuple(fields_set))


def _unpack(cls: type[_M], packed: PackedRecord) -> _M:
    values, fields_set = packed
    keys = _keys(cls)
    return assembled(
        cls,
        dict(zip(keys, values, strict=True)),
        set(keys if fields_set is None else fields_set),
    )


def _plain(model: BaseModel) -> PackedRecord:
    d = model.__dict__
    return _pack(model, tuple(d[k] for k in _keys(type(model))))


def pack_project(project: Project) -> PackedRecord:
    """A record as plain values (PackedRecord)."""
    funding = project.funding
    nested = {
        "source": _plain(project.source),
        "staff": [_plain(s) for s in project.staff],
        "contacts": [_plain(c) for c in project.contacts],
        "funding": _pack(
            funding,
            (funding.text, [_plain(s) for s in funding.sources], funding.stated_budget),
        ),
    }
    d = project.__dict__
    return _pack(project, tuple(nested[k] if k in nested else d[k] for k in _keys(Project)))


def unpack_project(packed: PackedRecord, pid: str) -> Project:
    """The record pack_project was given, equal in every field, with its id."""
    values, fields_set = packed
    record = dict(zip(_keys(Project), values, strict=True))
    record["id"] = pid
    record["source"] = _unpack(SourceRef, record["source"])
    record["staff"] = [_unpack(StaffPeriod, s) for s in record["staff"]]
    record["contacts"] = [_unpack(Contact, c) for c in record["contacts"]]
    (text, sources, stated), funding_set = record["funding"]
    record["funding"] = _unpack(
        Funding, ((text, [_unpack(FundingSource, s) for s in sources], stated), funding_set)
    )
    return _unpack(Project, (tuple(record.values()), fields_set))
