"""Block -> record: one reader per field, each giving a typed value plus problems.

A labelled value always wins; the prose reader fills only what no label gave, and says so
(`read` in the record, a `prose-fact` finding quoting the sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from hankkeet.diagnostics import MESSAGE_MAX, Code, Diagnostic
from hankkeet.finnish import format_date, format_euros
from hankkeet.locale import M_, N_, Message
from hankkeet.models import (
    Contact,
    Funding,
    Layout,
    Project,
    ReadHow,
    SourceRef,
    StaffPeriod,
    assembled,
    shallow_copy,
)
from hankkeet.reading.blocks import Block, FieldValue, IdRegistry, Note, ParsedProject
from hankkeet.reading.dates import PeriodReading, read_date, read_period
from hankkeet.reading.funding import find_funds, find_programmes, read_funding
from hankkeet.reading.labels import FIRST_NAMES, NAME_PARTICLES, Field
from hankkeet.reading.lines import (
    DAY_DATE,
    strip_note,
    strip_subtitle,
    strip_translation,
    without_list_mark,
    without_prompt,
)
from hankkeet.reading.money import read_money_field
from hankkeet.reading.people import before_details, read_contacts
from hankkeet.reading.staff import read_staff
from hankkeet.reading.text import shorten, slug, squash, squash_clean

if TYPE_CHECKING:
    from hankkeet.reading.prose import Fact, ProseReading

REQUIRED = (Field.PERIOD, Field.BUDGET)
_PROJECT_FIELDS = tuple(Project.model_fields)
# Which record field a reader's finding is about.
_ABOUT = {
    Field.PERIOD: "period",
    Field.START: "period",
    Field.END: "period",
    Field.BUDGET: "budget",
    Field.CITY_SHARE: "city_share",
    Field.STAFF: "staff",
    Field.CONTACTS: "contacts",
    Field.FUNDING: "programme",
    Field.SUMMARY: "summary",
    Field.FUND: "fund",
    Field.NAME: "name",
    Field.LEADER: "programme",
    Field.CONTACT_NAME: "contacts",
    Field.CONTACT_TITLE: "contacts",
    Field.CONTACT_EMAIL: "contacts",
    Field.CONTACT_PHONE: "contacts",
}


# The fields whose label line is a record's line of the same name.
_RECORD_FIELDS = frozenset(
    {
        Field.FUNDING,
        Field.PERIOD,
        Field.START,
        Field.END,
        Field.BUDGET,
        Field.CITY_SHARE,
        Field.STAFF,
        Field.CONTACTS,
        Field.SUMMARY,
    }
)


# Each field's key in a record's `lines` (a dict look-up: an enum's `.value` is a Python
# property, and this runs for every field of every project).
_KEYS = {fld: fld.value for fld in Field}


class _Reader:
    """The state of reading one block: its notes, line numbers and values."""

    def __init__(self, block: Block) -> None:
        self.block = block
        self.notes: list[Note] = list(block.notes)
        self.lines: dict[str, int] = {"name": block.line}
        self.read: dict[str, ReadHow] = {}

    def note(self, code: Code, message: Message, fv: FieldValue, fld: Field) -> None:
        self.notes.append(Note(code, message, fv.line, fv.column, _ABOUT.get(fld)))

    def at_title(self, code: Code, message: Message, about: str | None) -> None:
        self.notes.append(Note(code, message, self.block.line, None, about))

    def text(self, fld: Field) -> FieldValue | None:
        fv = self.block.fields.get(fld)
        return fv if fv is not None and fv.text else None

    def mark(self, key: str, fv: FieldValue) -> None:
        self.lines[key] = fv.line
        if fv.how != "label":
            self.read[key] = cast(ReadHow, fv.how)


def _period(r: _Reader) -> PeriodReading:
    fields = r.block.fields
    period = PeriodReading(None, None)
    days: Fact | None = None
    fv = r.text(Field.PERIOD)
    if fv is not None:
        period = read_period(fv.text)
        days = _days_in_summary(r, period) if period.problems else None
        for code, message in () if days else period.problems:
            r.note(code, message, fv, Field.PERIOD)
    elif Field.START in fields or Field.END in fields:
        start = end = None
        for fld in (Field.START, Field.END):
            one_fv = r.text(fld)
            if one_fv is None:
                continue
            one = _one_date(one_fv.text)
            for code, message in one.problems:
                r.note(code, message, one_fv, fld)
            if fld is Field.START:
                start = one.start
            else:
                end = one.end
        period = PeriodReading(start, end)
        for fld, key in ((Field.START, "start"), (Field.END, "end")):
            if fld in fields:
                r.mark(key, fields[fld])
    if Field.PERIOD in fields:
        r.mark("start", fields[Field.PERIOD])
        r.mark("end", fields[Field.PERIOD])
    if days is not None:
        start, end = days.period
        _read_from_prose(r, "period", days, f"{format_date(start)}–{format_date(end)}")
        return PeriodReading(start, end)
    return period


def _days_in_summary(r: _Reader, period: PeriodReading) -> Fact | None:
    """The days of a period labelled by its years alone ('Toteutusaika: 2019-2021'), when
    the summary states the period to the day within those years ('Hankkeen kesto oli
    2.10.2019 – 30.9.2021'): the sentence is the more exact of the two."""
    if not any(code is Code.PERIOD_YEARS_ONLY for code, _ in period.problems):
        return None
    summary = r.text(Field.SUMMARY)
    if (
        summary is None
        or period.start is None
        or period.end is None
        or not re.search(DAY_DATE, summary.text)
    ):
        return None
    from hankkeet.reading.prose import read_prose  # only a summary that gives a day's date

    fact = read_prose([(summary.line, summary.text)]).period
    if fact is None or not fact.line:
        return None
    start, end = fact.period
    return fact if (start.year, end.year) == (period.start.year, period.end.year) else None


def _one_date(text: str) -> PeriodReading:
    """A start or an end label's date; a year alone ('Alkamisvuosi' over '2014') is that
    whole year, read as a period's years are, and said."""
    if len(text) == 4 and text.isdigit():
        return read_period(text)
    return read_date(text)


def _money(r: _Reader, fld: Field) -> Decimal | None:
    fv = r.text(fld)
    if fv is None:
        return None
    money = read_money_field(fv.text)
    if money.problem is not None and money.message is not None:
        r.note(money.problem, money.message, fv, fld)
    if fld is Field.BUDGET and fv.year is not None:
        r.note(
            Code.PER_YEAR_AMOUNT,
            M_("'{label}' is the budget of one year, not the total", label=fv.label),
            fv,
            fld,
        )
        return None
    if money.value is not None:
        r.mark("budget" if fld is Field.BUDGET else "city_share", fv)
    return money.value


# The same people are named project after project: each distinct name is looked at once.
@lru_cache(maxsize=8192)
def natural_name(name: str) -> str:
    """'VIRTANEN MARKKU', 'Kaunismaa Pekka' or 'Kraft Tapionsalo Seija Kaarina' as 'Markku
    Virtanen', 'Pekka Kaunismaa', 'Seija Kaarina Kraft Tapionsalo'.

    Capitals are a register's surname-first convention, unless the first-name vocabulary
    tells the first word is the first name ('TERHI LAINE'); otherwise the order is told by
    the first-name vocabulary (surnames first, then only first names), and a name it cannot
    tell stays as written.
    """
    words = name.split()
    if len(words) == 2 and name.isupper():
        first, last = (w.casefold() for w in words)
        words = ["-".join(p.capitalize() for p in w.split("-")) for w in words]
        if first in FIRST_NAMES and last not in FIRST_NAMES:
            return f"{words[0]} {words[1]}"
        return f"{words[1]} {words[0]}"
    if not 2 <= len(words) <= 4 or name.isupper():
        return name
    known = [w.casefold() in FIRST_NAMES for w in words]
    for k in range(1, len(words)):
        if not any(known[:k]) and all(known[k:]):
            return " ".join(words[k:] + words[:k])
    return name


def _people_of_block(contacts: list[Contact]) -> list[Contact]:
    """The people of a contact block: a line that names no one we know as a person (a unit,
    'Xamk Xentre') gives its e-mail and phone to the person before it."""
    kept: list[Contact] = []
    for contact in contacts:
        words = {w.casefold() for w in (contact.name or "").split()}
        if contact.name is None or (_person_like(contact.name) and words & FIRST_NAMES):
            kept.append(contact)
        elif (kept and _person_like(contact.name)) or (kept and not _person_like(contact.name)):
            last = kept[-1]
            kept[-1] = shallow_copy(
                last, email=last.email or contact.email, phone=last.phone or contact.phone
            )
        elif _known_person(contact):
            kept.append(contact)
    return kept


def _known_person(contact: Contact) -> bool:
    """A person: a name of person's shape with a first name we know, or with details."""
    name = contact.name or ""
    words = {w.casefold() for w in name.split()}
    return _person_like(name) and bool(
        words & FIRST_NAMES or contact.title or contact.email or contact.phone
    )


def _person_like(name: str) -> bool:
    """'Tuire Ranta-Meyer', 'Oskar van Ieperen': capitalised words, particles aside."""
    words = name.split()
    return (
        2 <= len(words) <= 5
        and all(w[:1].isupper() or w in NAME_PARTICLES for w in words)
        and not any(map(str.isdigit, name))
    )


_PERSON_FIELDS = (Field.CONTACT_NAME, Field.CONTACT_TITLE, Field.CONTACT_EMAIL, Field.CONTACT_PHONE)


def _contact_list(r: _Reader) -> list[Contact]:
    """The contacts of the contacts field (a list of people in one text)."""
    fv = r.text(Field.CONTACTS)
    if fv is None:
        return []
    people = read_contacts(fv.text)
    contacts = [
        c.model_copy(update={"name": natural})
        if c.name and (natural := natural_name(c.name)) != c.name
        else c
        for c in people.contacts
    ]
    if fv.how == "heading":
        # A contact block under 'Lisätietoja' holds the people's addresses and units on
        # lines of their own: a line that is no person ('Isoharjantie 6', 'Xamk Xentre')
        # is no contact.
        contacts = _people_of_block(contacts)
    for code, message in people.problems:
        r.note(code, message, fv, Field.CONTACTS)
    r.mark("contacts", fv)
    return contacts


def _contacts(r: _Reader) -> list[Contact]:
    """The contacts field's people, then each person a field of their own names (a name
    field of the block's own first), each person once."""
    contacts = _contact_list(r)
    persons = list(r.block.people)
    if r.text(Field.CONTACT_NAME) is not None:
        fields = r.block.fields.items()
        persons.insert(0, {f: fv for f, fv in fields if f in _PERSON_FIELDS and fv.text})
    seen = {c.name for c in contacts}
    for person in persons:
        name_fv = person[Field.CONTACT_NAME]
        name, own_title = _person_of_name_field(name_fv.text)
        if not _person_like(name):
            r.note(
                Code.CONTACT_WITHOUT_NAME,
                M_("'{name}' is not a person's name", name=shorten(name)),
                name_fv,
                Field.CONTACT_NAME,
            )
            continue
        if name in seen:
            continue
        seen.add(name)
        title_fv = person.get(Field.CONTACT_TITLE)
        email_fv = person.get(Field.CONTACT_EMAIL)
        phone_fv = person.get(Field.CONTACT_PHONE)
        email = email_fv.text.replace("(at)", "@").replace(" ", "") if email_fv else None
        contacts.append(
            Contact(
                title=title_fv.text.casefold() if title_fv else own_title,
                name=name,
                email=email,
                phone=phone_fv.text if phone_fv else None,
            )
        )
        r.lines.setdefault("contacts", name_fv.line)
    return contacts


def _person_of_name_field(text: str) -> tuple[str, str | None]:
    """A name field's person and the title written beside the name ('Stefan Malm VD',
    'projektipäällikkö Maija Virtanen'), read as a contact list reads one person; the whole
    text when it is not one named person."""
    text = before_details(squash(text))
    read = read_contacts(text).contacts
    if len(read) == 1 and read[0].name and _person_like(name := natural_name(read[0].name)):
        return name, read[0].title
    return natural_name(text), None


def _funding(r: _Reader) -> tuple[Funding, str | None, str | None]:
    programme = fund = None
    fv = r.text(Field.FUNDING)
    if fv is not None:
        text = squash_clean(fv.text)
        if find_programmes(fv.label) and not find_programmes(text):
            # 'Leaderstöd: 36 167 euro' names its programme (the label asked first: it is
            # short, and names none on most pages).
            text = f"{fv.label}: {text}"
        reading = read_funding(text)
        funding, programme = reading.funding, reading.programme
        for code, message in reading.problems:
            r.note(code, message, fv, Field.FUNDING)
        funds = find_funds(fv.text)
        fund = funds[0] if funds else None
        r.mark("programme", fv)
    else:
        funding = Funding()
    fund_fv = r.text(Field.FUND)
    if fund_fv is not None:
        funds = find_funds(fund_fv.text)
        if funds:
            fund = funds[0]
            r.mark("fund", fund_fv)
    leader_fv = r.text(Field.LEADER)
    if (
        leader_fv is not None
        and leader_fv.text.casefold().startswith(("kyllä", "ja", "yes"))
        and programme in (None, "Maaseuturahasto")
    ):
        programme = "Leader"
        r.mark("programme", leader_fv)
    return funding, programme, fund


# A field filled from a sentence, in words (in English its key with spaces, as before).
_FIELD_NAMES = {
    "budget": N_("budget"),
    "city_share": N_("city share"),
    "period": N_("period"),
    "programme": N_("programme"),
    "fund": N_("fund"),
    "contacts": N_("contacts"),
}


def _quote(fact: Fact) -> str:
    return f"'{shorten(fact.sentence, 160)}'"


class _Values:
    """The record's values the labels gave, which the sentences may fill when they did not
    (the attributes are the record's field names and the prose findings' `about`).

    (A plain class: one is made per project, and a dataclass's generated methods cost
    start-up time.)"""

    __slots__ = ("budget", "city_share", "contacts", "end", "fund", "programme", "start")

    def __init__(self, start: date | None, end: date | None) -> None:
        self.start = start
        self.end = end
        self.budget: Decimal | None = None
        self.city_share: Decimal | None = None
        self.programme: str | None = None
        self.fund: str | None = None
        self.contacts: list[Contact] = []


def _from_prose(r: _Reader, values: _Values) -> None:
    """Fill what no label gave from the block's sentences; each value is reported."""
    block = r.block
    if not block.prose and not block.asides:
        if values.programme is None and values.fund is not None:
            values.programme = values.fund
        return
    # Loaded here: blocks of the seed's family have no paragraphs of prose.
    from hankkeet.reading.prose import contacts_in, read_prose

    prose = read_prose(block.prose, block.years, block.title)
    contacts_in(block.asides, prose)
    _prose_problems(r, values, prose)
    filled: list[tuple[str, Fact, str]] = []
    _budget_from_prose(r, values, prose.budget, filled)
    if values.city_share is None and prose.city_share is not None:
        values.city_share = prose.city_share.money
        filled.append(("city_share", prose.city_share, format_euros(prose.city_share.money)))
    if values.start is None and values.end is None and prose.period is not None:
        _period_from_prose(r, values, prose.period, filled)
    _programme_from_prose(values, prose, filled)
    if not values.contacts and prose.contacts:
        _contacts_from_prose(values, prose.contacts, filled)
    for key, fact, shown in filled:
        _read_from_prose(r, key, fact, shown)


def _prose_problems(r: _Reader, values: _Values, prose: ProseReading) -> None:
    """The sentences' findings about the values no label gave (a start a label gave settles
    the period)."""
    for (code, message), line, about in prose.problems:
        if getattr(values, about, None) is None and not (about == "period" and values.start):
            r.notes.append(Note(code, message, line, None, about))


def _contacts_from_prose(
    values: _Values, contacts: list[Fact], filled: list[tuple[str, Fact, str]]
) -> None:
    """The people the sentences name, each once, as the contacts; quoted by the first."""
    names = list(dict.fromkeys(str(f.value) for f in contacts))
    values.contacts = [Contact(name=name) for name in names]
    filled.append(("contacts", contacts[0], ", ".join(names)))


def _programme_from_prose(
    values: _Values, prose: ProseReading, filled: list[tuple[str, Fact, str]]
) -> None:
    """The programme and the fund the sentences name, where no label named them; the fund
    names the programme when nothing more specific does."""
    if values.programme is None and prose.programme is not None:
        values.programme = str(prose.programme.value)
        filled.append(("programme", prose.programme, values.programme))
    if values.fund is None and prose.fund is not None:
        values.fund = str(prose.fund.value)
        filled.append(("fund", prose.fund, values.fund))
    if values.programme is None and values.fund is not None:
        # 'Fond: Europeiska regionala utvecklingsfonden (ERDF)': the fund names the
        # programme when nothing more specific does.
        values.programme = values.fund


def _budget_from_prose(
    r: _Reader, values: _Values, budget: Fact | None, filled: list[tuple[str, Fact, str]]
) -> None:
    """The budget a sentence states: the budget when no label gave one, a finding when it
    disagrees with the label's."""
    if budget is None:
        return
    if values.budget is None:
        values.budget = budget.money
        filled.append(("budget", budget, format_euros(budget.money)))
    elif budget.value != values.budget:
        r.notes.append(
            Note(
                Code.PROSE_DISAGREES,
                M_(
                    "the budget field says {field} but {quote} says {sentence}",
                    field=format_euros(values.budget),
                    quote=_quote(budget),
                    sentence=format_euros(budget.money),
                ),
                budget.line,
                None,
                "budget",
            )
        )


def _period_from_prose(
    r: _Reader, values: _Values, period: Fact, filled: list[tuple[str, Fact, str]]
) -> None:
    """The period a sentence states (or the title's years: line 0), when no label gave one."""
    start, end = period.period
    values.start, values.end = start, end
    if period.line:
        filled.append(("period", period, f"{format_date(start)}–{format_date(end)}"))
        return
    block = r.block
    r.lines["start"] = r.lines["end"] = block.line
    r.read["start"] = r.read["end"] = "header"
    r.notes.append(
        Note(
            Code.PERIOD_YEARS_ONLY,
            M_(
                "the title '{title}' gives years only: read as 1 January to 31 December",
                title=shorten(block.title),
            ),
            block.line,
            None,
            "period",
        )
    )


def _read_from_prose(r: _Reader, key: str, fact: Fact, shown: str) -> None:
    """A value read from a sentence: its line, how it was read, and the finding that says so."""
    for k in ("start", "end") if key == "period" else (key,):
        r.lines[k] = fact.line
        r.read[k] = "prose"
    r.notes.append(
        Note(
            Code.PROSE_FACT,
            M_(
                "{field} {value} read from the sentence {quote}",
                field=M_(_FIELD_NAMES[key]),
                value=shown,
                quote=_quote(fact),
            ),
            fact.line,
            None,
            key,
        )
    )


@dataclass
class ReadBlock:
    """A block read into its record, before the record has its id (see claim_id).

    Reading is the costly part and needs nothing but the block, so it may run in another
    process; ids depend on every project before this one and are claimed in input order.
    """

    project: Project
    notes: list[Note]
    # Where a duplicate-project note goes among the notes: after the layout's own.
    duplicate_at: int
    # The layout's unknown-label notes among the notes (Block.hinted).
    hinted: list[tuple[int, Message | None]]
    # What the id is made of: the slug of the name.
    slug: str


def build_project(block: Block, path: str, registry: IdRegistry) -> ParsedProject:
    """Read every raw field of a block into a record; problems become diagnostics."""
    return claim_id(read_block(block, path), registry)


def claim_id(read: ReadBlock, registry: IdRegistry) -> ParsedProject:
    """The record with its id (unique in the run), its notes as diagnostics in line order."""
    project = read.project
    source = project.source
    pid, diagnostics = claim(
        read.notes, read.duplicate_at, read.slug, project.name, source.path, source.line, registry
    )
    project.id = pid
    return ParsedProject(project, diagnostics)


def _line_of(note: Note) -> int:
    return note.line


def claim(
    notes: list[Note],
    duplicate_at: int,
    base: str,
    name: str,
    path: str,
    line: int,
    registry: IdRegistry,
) -> tuple[str, list[Diagnostic]]:
    """The id of a record (unique in the run: `base`, the slug of its name, or that with a
    number) and its notes as diagnostics in line order. Only the record's name and place
    are needed, not the record."""
    pid, first = registry.claim(base, f"{path}:{line}")
    if first is not None:
        notes.insert(
            duplicate_at,
            Note(
                Code.DUPLICATE_PROJECT,
                M_("'{name}' is already at {place}", name=name, place=first),
                line,
                None,
                "name",
            ),
        )
    if not notes:
        return pid, []  # most projects: nothing to say
    diagnostics = [
        Diagnostic(n.code, n.message.bounded(MESSAGE_MAX), path, n.line, pid, n.column, n.about)
        for n in sorted(notes, key=_line_of)
    ]
    return pid, diagnostics


def _field_lines(r: _Reader, fields: dict[Field, FieldValue]) -> None:
    """Each field's line in the record, and a finding for each empty field."""
    for fld, fv in fields.items():
        if fld in _RECORD_FIELDS:
            r.lines[_KEYS[fld]] = fv.line
        if not fv.text:
            if fld in REQUIRED or fld in (Field.START, Field.END):
                r.note(Code.MISSING_FIELD, M_("'{label}' is empty", label=fv.label), fv, fld)
            else:
                r.note(Code.EMPTY_FIELD, M_("'{label}' is empty", label=fv.label), fv, fld)


def _staff(r: _Reader, period: PeriodReading) -> list[StaffPeriod]:
    """The staff periods of the staff field (within the project's period when open)."""
    staff_fv = r.text(Field.STAFF)
    if staff_fv is None:
        return []
    reading = read_staff(staff_fv.text, period.start, period.end)
    for code, message in reading.problems:
        r.note(code, message, staff_fv, Field.STAFF)
    return reading.periods


def _missing(r: _Reader, block: Block, values: _Values) -> None:
    """Findings at the title for what the whole block lacks: a period, a budget, a label."""
    fields = block.fields
    has_period = Field.PERIOD in fields or Field.START in fields or "start" in r.read
    if not has_period:
        r.at_title(Code.MISSING_FIELD, M_("no period (Toiminta-aika)"), "period")
    if Field.BUDGET not in fields and values.budget is None:
        r.at_title(Code.MISSING_FIELD, M_("no budget (Budjetti)"), "budget")
    if (
        block.layout is not Layout.LABELLED
        and not any(fv.how == "label" for fv in fields.values())
        and r.read
    ):
        r.at_title(
            Code.PROSE_ONLY, M_("no labelled field: every value was read from sentences"), None
        )


# Longer than any project name seen in real pages (the longest had 20 words): a title that
# runs on into the text that follows it.
_NAME_WORDS = 22
_NAME_CHARS = 2 * _NAME_WORDS  # 23 words and their spaces take at least this many characters
# Two cells of a saved table run together ('ValtionvarainministeriöKalajoen kaupunki'): a
# long word in lower case straight into a capital (coined names join shorter parts:
# 'DigiMetsä', 'iFeelMath').
_GLUED = re.compile(r"[a-zåäö]{8}[A-ZÅÄÖ][a-zåäö]{4}")
# A headline or a table's header names a project only with the facts under it: a list's
# entry, a label or a title line is evidence of a name by itself.
_WEAK_NAME_SOURCES = frozenset({"headline", "header"})
_FACT_LABELS = (Field.PERIOD, Field.START, Field.END, Field.BUDGET, Field.CITY_SHARE)


def _name_doubt(
    r: _Reader, name: str, values: _Values, funding: Funding, summary: str | None
) -> None:
    """Said at the title when the name is weaker evidence than a name: two cells run
    together, a title that runs on into its text, or a headline or a header with no period
    or money label and nothing at all read under it."""
    block = r.block
    if _GLUED.search(name):
        doubt = M_(
            "'{name}' (line {line}) may be two cells of a table run together",
            name=shorten(name),
            line=block.line,
        )
    elif len(name) > _NAME_CHARS and len(name.split()) > _NAME_WORDS:
        doubt = M_(
            "'{name}' (line {line}) is too long for a name: it may run on into the text",
            name=shorten(name),
            line=block.line,
        )
    elif block.name_from in _WEAK_NAME_SOURCES and not (
        # A period or money label under it, even one that could not be read.
        any(fld in block.fields for fld in _FACT_LABELS)
        or values.start
        or values.end
        or values.budget
        or values.city_share
        or values.programme
        or values.fund
        or values.contacts
        or funding.sources
        or summary
    ):
        doubt = M_(
            "'{name}' (line {line}) may not be a project's name: nothing under it was "
            "read as a project's fact",
            name=shorten(name),
            line=block.line,
        )
    else:
        return
    if block.title and not any(n.code is Code.UNSURE_NAME for n in r.notes):
        r.at_title(Code.UNSURE_NAME, doubt, "name")


def _summary(r: _Reader) -> str | None:
    """The summary: a list starts with its first item's text, not its mark, and a form's
    answer with the answer, not the form's instruction."""
    summary_fv = r.text(Field.SUMMARY)
    if summary_fv is None:
        return None
    r.mark("summary", summary_fv)
    return without_prompt(without_list_mark(squash_clean(summary_fv.text)))


def _unquoted(name: str) -> str:
    """A name quoted whole ('“How place matters …”') without its quotes."""
    if len(name) > 2 and name[0] in _QUOTES and name[-1] in _QUOTES:
        return name[1:-1].strip()
    return name


_QUOTES = "“”\"«»„'’"


def read_block(block: Block, path: str) -> ReadBlock:
    """Read every raw field of a block into a record (its id left empty)."""
    r = _Reader(block)
    name = strip_translation(strip_note(block.title))
    if block.layout is Layout.PROSE:
        name = strip_subtitle(_unquoted(name))
    name = name or f"(nimetön hanke, rivi {block.line})"
    duplicate_at = len(r.notes)
    if not block.title:
        r.at_title(
            Code.MISSING_FIELD,
            M_("the project has no name (no title line before its fields)"),
            "name",
        )
    _field_lines(r, block.fields)
    period = _period(r)
    values = _Values(period.start, period.end)
    values.budget = _money(r, Field.BUDGET)
    city_fv = r.text(Field.CITY_SHARE)
    values.city_share = _money(r, Field.CITY_SHARE)
    staff = _staff(r, period)
    values.contacts = _contacts(r)
    funding, values.programme, values.fund = _funding(r)
    _from_prose(r, values)
    _missing(r, block, values)
    summary = _summary(r)
    _name_doubt(r, name, values, funding, summary)
    # Every value is of its field's type already (the readers make them so): the record is
    # assembled without pydantic's validation, which would only copy them
    # (tests/test_fast_paths.py validates every record of the fixtures and the corpus).
    source = assembled(SourceRef, {"path": path, "line": block.line}, {"path", "line"})
    project = assembled(
        Project,
        {
            "id": "",
            "name": name,
            "code": None,
            "source": source,
            "programme": values.programme,
            "fund": values.fund,
            "start": values.start,
            "end": values.end,
            "budget": values.budget,
            "city_share": values.city_share,
            "city_share_year": city_fv.year if city_fv is not None else None,
            "staff": staff,
            "contacts": values.contacts,
            "funding": funding,
            "summary": summary,
            "lines": r.lines,
            "read": r.read,
            "layout": block.layout,
        },
        set(_PROJECT_FIELDS),
    )
    return ReadBlock(project, r.notes, duplicate_at, block.hinted, slug(name))
