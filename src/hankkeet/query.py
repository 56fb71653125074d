"""Filters, sorting and look-ups over project records: pure functions, no I/O."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple, Protocol, TypeVar

from hankkeet.locale import M_, HankkeetError
from hankkeet.models import Project
from hankkeet.reading.dates import parse_cli_date
from hankkeet.reading.labels import PROGRAMMES


class SortKey(StrEnum):
    """How `list` orders projects."""

    NAME = "name"
    START = "start"
    END = "end"
    BUDGET = "budget"
    CITY_SHARE = "city-share"
    PROGRAMME = "programme"
    SOURCE = "source"


class QueryError(HankkeetError, ValueError):
    """A filter the user typed cannot be understood (a usage error, not a data problem; its
    text a value: hankkeet.locale.HankkeetError)."""


@dataclass(frozen=True)
class DateRange:
    """Inclusive days; None on a side means open."""

    first: date | None
    last: date | None


# Both kept as text: re compiles one when a filter first needs it, not at every start.
# A month as typed: '2022-06' (ISO) or '6/2022' (as descriptions write them).
_MONTH = r"([0-9]{4})-([0-9]{1,2})|([0-9]{1,2})/([0-9]{4})"
# Where a range written with a dash may be cut: en or em dash, or a hyphen, spaces around.
_DASH = r"\s*[-–—]\s*"


def _month(text: str, end: bool) -> date | None:
    """The first (or last) day of a month typed as '2022-06' or '6/2022'; None if not one."""
    m = re.fullmatch(_MONTH, text)
    if m is None:
        return None
    year, month = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
    if not 1 <= month <= 12:
        return None
    if not end:
        return date(year, month, 1)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def _day(text: str, end: bool) -> date | None:
    """A year (its first or last day), a month (likewise) or a day; None if none of them."""
    if text.isdigit() and len(text) == 4:
        return date(int(text), 12, 31) if end else date(int(text), 1, 1)
    return _month(text, end) or parse_cli_date(text)


def _not_a_bound(text: str) -> QueryError:
    return QueryError(
        M_(
            "'{text}' is not a year (2022), a month (2022-06), a day (2022-06-15 or 15.6.2022) "
            "or a range FROM..TO (2021..2022)",
            text=text,
        )
    )


def _bound(text: str, end: bool) -> date | None:
    text = text.strip()
    if not text:
        return None
    day = _day(text, end)
    if day is None:
        raise _not_a_bound(text)
    return day


def _dash_range(spec: str) -> tuple[date, date] | None:
    """'2021–2022', '1.1.2022-31.12.2022', '2022-01-01 - 2022-06-30': the one place a dash
    can cut the text into two bounds (a hyphen inside an ISO date is not such a place)."""
    found = []
    for cut in re.finditer(_DASH, spec):
        lo = _day(spec[: cut.start()].strip(), end=False)
        hi = _day(spec[cut.end() :].strip(), end=True)
        if lo is not None and hi is not None:
            found.append((lo, hi))
    return found[0] if len(found) == 1 else None


def _in_order(spec: str, lo: date | None, hi: date | None) -> DateRange:
    if lo and hi and hi < lo:
        raise QueryError(M_("'{spec}' ends before it starts", spec=spec))
    return DateRange(lo, hi)


def parse_active(spec: str) -> DateRange:
    """'2022', '2022-06', '2022-06-15', '15.6.2022', '2021..2022', '2022-01-01..', and a
    range with a dash ('2021–2022', '1.1.2022-31.12.2022') as a date range."""
    spec = spec.strip()
    if not spec:
        raise QueryError(
            M_(
                "--active needs a year (2022), a month (2022-06), a day (15.6.2022) "
                "or a range FROM..TO (2021..2022)"
            )
        )
    if ".." in spec:
        lo_text, _dots, hi_text = spec.partition("..")
        lo, hi = _bound(lo_text, end=False), _bound(hi_text, end=True)
        if lo is None and hi is None:
            raise QueryError(M_("'..' needs a start, an end or both, as in 2021..2022"))
        return _in_order(spec, lo, hi)
    lo, hi = _day(spec, end=False), _day(spec, end=True)
    if lo is not None and hi is not None:
        return DateRange(lo, hi)
    dashed = _dash_range(spec)
    if dashed is None:
        raise _not_a_bound(spec)
    return _in_order(spec, *dashed)


def overlaps(project: Project, window: DateRange) -> bool | None:
    """Whether the project's period overlaps the window; None when it has no period."""
    if project.start is None and project.end is None:
        return None
    if window.last is not None and project.start is not None and project.start > window.last:
        return False
    return not (window.first is not None and project.end is not None and project.end < window.first)


def known_programmes() -> list[str]:
    """Canonical programme names of the vocabulary."""
    return [name for name, _ in PROGRAMMES]


def resolve_programme(name: str) -> str:
    """The canonical programme a user typed, case-insensitively; QueryError if unknown."""
    for known in known_programmes():
        if known.casefold() == name.strip().casefold():
            return known
    raise QueryError(
        M_(
            "unknown programme '{name}'; known: {known}",
            name=name,
            known=", ".join(known_programmes()),
        )
    )


def fold_text(text: str) -> str:
    """Case and diacritics folded away (Jylkkä → jylkka), as `search` matches words."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def matches_contact(project: Project, text: str) -> bool:
    """Whether any contact's name, title or e-mail holds the text (case and ä/ö/å folded).

    As in `search`, a text typed with ä/ö/å matches exactly (case aside); one typed
    without them also matches the letters with them.
    """
    exact = fold_text(text) != text.casefold()
    needle = text.casefold() if exact else fold_text(text)
    for contact in project.contacts:
        hay = " ".join(filter(None, (contact.name, contact.title, contact.email))).casefold()
        if needle in (hay if exact else fold_text(hay)):
            return True
    return False


@dataclass(frozen=True)
class Filters:
    """The filters `list`, `totals` and `timeline` share."""

    active: DateRange | None = None
    programme: str | None = None
    contact: str | None = None


@dataclass
class Selection:
    """Projects kept by the filters, and how many had no period to test."""

    projects: list[Project]
    without_period: int = 0


@dataclass
class Skipped:
    """What a streaming filter counts as it goes: projects --active could not test."""

    without_period: int = 0


def keeps(project: Project, filters: Filters) -> bool | None:
    """Whether the filters keep a project; None when --active cannot test it (no period)."""
    if filters.active is not None:
        hit = overlaps(project, filters.active)
        if not hit:
            return hit
    if filters.programme is not None and project.programme != filters.programme:
        return False
    return filters.contact is None or matches_contact(project, filters.contact)


def filter_projects(
    projects: Iterable[Project], filters: Filters, skipped: Skipped | None = None
) -> Iterator[Project]:
    """The projects the filters keep, one at a time as they come (memory stays flat);
    those without a period to test against --active are counted in `skipped`."""
    for project in projects:
        kept = keeps(project, filters)
        if kept is None:
            if skipped is not None:
                skipped.without_period += 1
            continue
        if kept:
            yield project


def select(projects: Iterable[Project], filters: Filters) -> Selection:
    """Apply the filters; a project without a period is never counted as active."""
    skipped = Skipped()
    kept = list(filter_projects(projects, filters, skipped))
    return Selection(kept, skipped.without_period)


class Sortable(Protocol):
    """What sorting looks at: a project, or a stand-in holding only these fields."""

    @property
    def name(self) -> str: ...
    @property
    def start(self) -> date | None: ...
    @property
    def end(self) -> date | None: ...
    @property
    def budget(self) -> Decimal | None: ...
    @property
    def city_share(self) -> Decimal | None: ...
    @property
    def programme(self) -> str | None: ...


S = TypeVar("S", bound=Sortable)


def sort_projects(projects: list[S], key: SortKey, reverse: bool = False) -> list[S]:
    """Projects in order (or the opposite order); those missing the sort field come last,
    then by name. SOURCE keeps the input's order (reversed with `reverse`)."""
    if key is SortKey.SOURCE:
        return projects[::-1] if reverse else list(projects)

    def value_of(project: S) -> object:
        match key:
            case SortKey.NAME:
                return project.name.casefold()
            case SortKey.START:
                return project.start
            case SortKey.END:
                return project.end
            case SortKey.BUDGET:
                return project.budget
            case SortKey.CITY_SHARE:
                return project.city_share
            case SortKey.PROGRAMME:
                return project.programme.casefold() if project.programme else None

    present = [p for p in projects if value_of(p) is not None]
    missing = [p for p in projects if value_of(p) is None]
    by_name = sorted(present, key=lambda p: p.name.casefold())
    # Two stable sorts: by name first, so equal values keep name order either way.
    ordered = sorted(by_name, key=value_of, reverse=reverse)  # type: ignore[arg-type]
    return ordered + sorted(missing, key=lambda p: p.name.casefold())


@dataclass
class Matched(Skipped):
    """What `ordered_rows` counts as it goes: the projects the filters keep, and those
    --active could not test."""

    kept: int = 0


class Placed(NamedTuple):
    """What sorting needs of a project, and where its row waits in the spill file (a named
    tuple: one is made per project sorted, and the class costs every start less than a
    frozen dataclass)."""

    name: str
    start: date | None
    end: date | None
    budget: Decimal | None
    city_share: Decimal | None
    programme: str | None
    offset: int
    size: int


def ordered_rows(
    projects: Iterable[Project],
    filters: Filters,
    sort: SortKey,
    reverse: bool,
    limit: int | None,
    row: Callable[[Project], str],
    counted: Matched,
) -> Generator[str, None, None]:
    """The rows of the projects the filters keep, in the order asked, without holding the
    projects: in source order each row as its project is read; in another order each row
    goes to a temporary file, only what sorting needs is held, and the rows come back from
    the file in order once every project is read. At most `limit` rows; every project
    kept is counted in `counted`, as select() counts them."""
    kept = filter_projects(projects, filters, counted)
    if sort is SortKey.SOURCE and not reverse:
        for project in kept:
            counted.kept += 1
            if limit is None or counted.kept <= limit:
                yield row(project)
        return
    placed: list[Placed] = []
    with tempfile.TemporaryFile() as spill:
        for project in kept:
            counted.kept += 1
            data = row(project).encode("utf-8")
            placed.append(
                Placed(
                    project.name,
                    project.start,
                    project.end,
                    project.budget,
                    project.city_share,
                    project.programme,
                    spill.tell(),
                    len(data),
                )
            )
            spill.write(data)
        ordered = sort_projects(placed, sort, reverse)
        for spot in ordered if limit is None else ordered[:limit]:
            spill.seek(spot.offset)
            yield spill.read(spot.size).decode("utf-8")


def find_project(projects: Iterable[Project], ident: str) -> Project | None:
    """A project by id or name, or by a unique start of either; case and ä/ö/å ignored."""
    key = fold_text(ident.strip())
    if not key:
        return None
    candidates: dict[str, Project] = {}
    for project in projects:
        id_key, name_key = fold_text(project.id), fold_text(project.name)
        if key in (id_key, name_key):
            return project
        if id_key.startswith(key) or name_key.startswith(key):
            candidates[project.id] = project
    return next(iter(candidates.values())) if len(candidates) == 1 else None


def near_projects(projects: Iterable[Project], ident: str) -> list[str]:
    """Ids for 'did you mean' (text folded): those whose id or name starts with the text
    (an ambiguous start: `show k` names the projects starting with k), else those whose
    id or name holds it anywhere."""
    key = fold_text(ident.strip())
    if not key:
        return []
    starting: list[str] = []
    holding: list[str] = []
    for p in projects:
        id_key, name_key = fold_text(p.id), fold_text(p.name)
        if id_key.startswith(key) or name_key.startswith(key):
            starting.append(p.id)
        elif key in id_key or key in name_key:
            holding.append(p.id)
    return starting or holding
