"""What a whole page names that none of its projects took: said, never given to one.

Every family's reader gives a project only what its own text states (issue 23: a fact goes
to the project whose segment holds it). What the page names elsewhere is not lost silently:

- a programme or an EU fund the page names, when a project has none of its own, is said on
  that project as `uncertain-fact` (its field stays empty: the page may name it for another
  project, for the publisher, or in a logo);
- so are a contact the page gives (a contact's label or words, an e-mail address) and a
  municipality's share it speaks of, when a project has none;
- a grant the page reports to another recipient, in a paragraph of its own that names no
  project ('Lemillä toimiva Misa Oy saa elyltä investointitukea 15 424 euroa.'), when the
  page reports two or more such grants, is said where it stands (`unsure-boundary`): a news
  item of several grants is never one project;
- a project the page names by its own `-hanke` phrase ('VIUHKA-hanke', 'CLT-pro-hanketta')
  that no project read from the page is called by, is said as `unsure-boundary` where it
  stands: the page may describe a project that was not read, or its facts may have gone to
  another.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from itertools import pairwise

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.locale import M_
from hankkeet.reading.blocks import Note
from hankkeet.reading.dates import read_period
from hankkeet.reading.funding import find_funds, find_programmes
from hankkeet.reading.labels import (
    CONTACT_CUE_WORDS,
    FUNDS,
    PROGRAMME_IMPLIES,
    PROJECT_WORDS,
    RECIPIENT_FORMS,
    RECIPIENT_WORDS,
    SHARE_CUE,
    Field,
)
from hankkeet.reading.layouts.items import Item, ItemKind
from hankkeet.reading.layouts.names import compound_names, hanke_names, listed_names
from hankkeet.reading.layouts.news import scan_money
from hankkeet.reading.lines import HEADING_MAX, titleable
from hankkeet.reading.people import find_email
from hankkeet.reading.prose import about_many
from hankkeet.reading.records import ReadBlock
from hankkeet.reading.text import shorten


def _texts(items: list[Item], labels: bool = False) -> Iterator[tuple[int, str]]:
    """Every line of the page's items, numbered (a label line as one text: its value, or
    with `labels` its label and value, since 'Leader-toimintaryhmähanke:' over a card names
    its programme)."""
    for item in items:
        if item.lines:
            yield from item.lines
        if labels and item.label is not None:
            yield item.line, f"{item.label.label}: {item.text}"
        elif item.label is not None or not item.lines:
            yield item.line, item.text


def _first_named(
    items: list[Item],
) -> tuple[dict[str, int], dict[str, int]]:
    """The programmes and the funds the page names, each with the first line naming it."""
    programmes: dict[str, int] = {}
    funds: dict[str, int] = {}
    for line, text in _texts(items, labels=True):
        for name in find_programmes(text):
            programmes.setdefault(name, line)
        for name in find_funds(text):
            funds.setdefault(name, line)
    return programmes, funds


def _implied_funds(programmes: dict[str, int]) -> dict[str, int]:
    """The funds the page's programmes imply ('Interreg Botnia-Atlantica': EAKR)."""
    return {
        fund: line
        for name, line in programmes.items()
        for fund in PROGRAMME_IMPLIES.get(name, ())
        if fund in FUND_NAMES
    }


FUND_NAMES = frozenset(name for name, _ in FUNDS)
_PERSON_FIELDS = frozenset(
    {Field.CONTACTS, Field.CONTACT_NAME, Field.CONTACT_EMAIL, Field.CONTACT_PHONE}
)


def _contact_line(items: list[Item]) -> int | None:
    """The first line that gives a contact: a contact's label, a line with a contact's
    word, or an e-mail address."""
    for item in items:
        if item.fld in _PERSON_FIELDS:
            return item.line
        for line, text in item.lines or [(item.line, item.text)]:
            if find_email(text) is not None:
                return line
            if any(w in text.casefold() for w in CONTACT_CUE_WORDS):
                return line
    return None


_SHARE = re.compile(SHARE_CUE, re.IGNORECASE)


def _share_line(items: list[Item]) -> int | None:
    """The first line that speaks of a municipality's own share."""
    for item in items:
        if item.fld is Field.CITY_SHARE:
            return item.line
        for line, text in item.lines or [(item.line, item.text)]:
            if _SHARE.search(text):
                return line
    return None


def unclaimed_facts(items: list[Item], read: list[ReadBlock]) -> None:
    """A programme, a fund, a contact or a municipality's share the page gives, on each
    project that has none: said, not used."""
    programmes, funds = _first_named(items)
    contact = _contact_line(items)
    share = _share_line(items)
    for one in read:
        about = {note.about for note in one.notes}
        project = one.project
        if project.programme is None and programmes and "programme" not in about:
            one.notes.append(_unclaimed("programme", programmes, project.source.line))
        # A fund the page's programme implies is said only where that programme is none of
        # this project's own too (a project's own Leader implies its fund).
        named = funds or (_implied_funds(programmes) if project.programme is None else {})
        if project.fund is None and named and "fund" not in about:
            one.notes.append(_unclaimed("fund", named, project.source.line))
        if project.city_share is None and share is not None and "city_share" not in about:
            one.notes.append(
                Note(
                    Code.UNCERTAIN_FACT,
                    M_(
                        "the page speaks of a municipality's share (line {line}), but no share "
                        "of this project was read",
                        line=share,
                    ),
                    project.source.line,
                    None,
                    "city_share",
                )
            )
        if not project.contacts and contact is not None and "contacts" not in about:
            one.notes.append(
                Note(
                    Code.UNCERTAIN_FACT,
                    M_(
                        "the page gives contact details (line {line}), but no contact was "
                        "read for this project",
                        line=contact,
                    ),
                    project.source.line,
                    None,
                    "contacts",
                )
            )


def _unclaimed(about: str, named: dict[str, int], line: int) -> Note:
    names = ", ".join(f"'{name}'" for name in list(named)[:3])
    first = min(named.values())
    message = (
        M_(
            "the page names the programme {names} (line {line}), but not in this project's "
            "own text; left empty",
            names=names,
            line=first,
        )
        if about == "programme"
        else M_(
            "the page names the fund {names}, or a programme of it (line {line}), but not in "
            "this project's own text; left empty",
            names=names,
            line=first,
        )
    )
    return Note(Code.UNCERTAIN_FACT, message, line, None, about)


_LIST_MARKS = re.compile(r"\s[•|▪·]\s")


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("–", "-").replace("-", " ").split())


def _names_one(text: str, name: str) -> bool:
    """Whether a `-hanke` phrase names one project: not 'projektit' (many), not
    'projektisuunnitelma' (a document), no quoted fragment, no fund alone."""
    at = text.find(name)
    after = [w.casefold().strip(".,:;!?()") for w in text[at + len(name) :].split()[:2]]
    kind = next((w for w in after if w.strip("-–")), "")  # '-hankkeet', '-projektisuunnitelma'
    words = [w.casefold().strip(".,:;!?()") for w in name.split()]
    if any(q in name for q in '"”“') or find_funds(name) == [name.strip()]:
        return False
    return not (any(about_many(w) for w in [*words, kind]) or "suunnitel" in kind)


# A grant given or got, in any form ('investointitukea', 'saa … euroa', 'beviljades').
_GRANTED = re.compile(
    r"rahoit|myönt|myönn|tuki|tuke|avustu|\bsaa\b|\bsaavat\b|\bfår\b|\bbeviljade", re.IGNORECASE
)


def _grant_elsewhere(text: str) -> bool:
    """A paragraph that reports a grant, with its amount, to an organisation, and names no
    project (a project's own paragraph says 'hanke'; this one tells of another grant)."""
    folded = text.casefold()
    if not _GRANTED.search(text) or any(w in folded for w in PROJECT_WORDS):
        return False
    words = {w.strip(".,:;()!?") for w in folded.split()}
    recipient = any(w in folded for w in RECIPIENT_WORDS) or bool(
        words & RECIPIENT_FORMS or {w.split(":")[0] for w in words} & RECIPIENT_FORMS
    )
    return recipient and scan_money(text)


def unread_grants(items: list[Item], read: list[ReadBlock], path: str) -> list[Diagnostic]:
    """Grants to other recipients that the page reports in paragraphs of their own, when it
    reports two or more and fewer projects were read: said where each stands."""
    grants = [
        (item.line, item.text)
        for item in items
        if item.kind is ItemKind.TEXT and _grant_elsewhere(item.text)
    ]
    if len(grants) < 2 or len(read) >= len(grants):
        return []
    return [
        Diagnostic(
            Code.UNSURE_BOUNDARY,
            M_(
                "this paragraph reports a grant of its own ('{text}'), but no project was read "
                "for it: the page reports several grants",
                text=shorten(text),
            ),
            path,
            line,
        )
        for line, text in grants
    ]


def unread_projects(items: list[Item], read: list[ReadBlock], path: str) -> list[Diagnostic]:
    """Projects the page names ('X -hanke') that no project read from it is called by."""
    known = [_key(one.project.name) for one in read]
    out: list[Diagnostic] = []
    said: set[str] = set()
    titles = {one.project.source.line for one in read}
    headings = _headings(items, titles)
    periods = {(one.project.start, one.project.end) for one in read}
    for line, name in _over_dates(items, titles, periods):
        headings.setdefault(line, []).append(name)
    for line, text in _texts(items):
        listed = listed_names(text) + headings.get(line, [])
        for found in [*hanke_names(text), *listed]:
            name = _LIST_MARKS.split(found)[-1].strip()  # 'Posintra Oy • HIRS-kuntien …'
            key = _key(name)
            if len(key) < 3 or key in said or (found not in listed and not _names_one(text, name)):
                continue
            if any(key in k or k in key for k in known if k):
                continue
            said.add(key)
            out.append(
                Diagnostic(
                    Code.UNSURE_BOUNDARY,
                    M_(
                        "the page names the project '{name}' here, but no project was read "
                        "for it: its facts may be missing or in another project's record",
                        name=name,
                    ),
                    path,
                    line,
                )
            )
    return out


def _over_dates(
    items: list[Item], titles: set[int], periods: set[tuple[date | None, date | None]]
) -> Iterator[tuple[int, str]]:
    """Headings right over a line that is a period and nothing else ('Työelämän rajapinta
    … – TYRSKY' over '1.9.2020 – 31.8.2023'): a project's, on a page of several. Not a
    read project's own title line, and not over a read project's own period (a card's
    implementer over its dates)."""
    for item, nxt in pairwise(items):
        if (
            item.kind is ItemKind.TEXT
            and nxt.kind is ItemKind.TEXT
            and len(item.lines) == 1
            and item.line not in titles
            and titleable(item.text)
            and len(nxt.lines) == 1
            and re.fullmatch(r"[0-9.\s–-]+", nxt.text)
        ):
            period = read_period(nxt.text)
            if period.start is not None and (period.start, period.end) not in periods:
                yield item.line, item.text


def _headings(items: list[Item], titles: set[int]) -> dict[int, list[str]]:
    """The projects that headings inside the page name in a compound ('NIHAK tukee Centria
    Ylivieskan osaamisympäristöjen investointihanketta'), by line: a proper name of two
    capitalised words or more before the compound, none of them a project's word. Not a read
    project's own title line, not a label line, not running text (where compounds name
    kinds: 'yleishyödyllinen investointihanke')."""
    out: dict[int, list[str]] = {}
    for item in items:
        text = item.text
        if (
            item.kind is not ItemKind.TEXT
            or len(item.lines) != 1
            or item.line in titles
            or len(text) >= HEADING_MAX
            or text.endswith((".", ":", "!", "?"))
        ):
            continue
        names = [
            n
            for n in compound_names(text)
            if sum(w[:1].isupper() for w in n.split()) >= 2
            and not any(c.isdigit() or c in "():%" for c in n)
            and not any(w in n.casefold().rsplit(" ", 1)[0] for w in PROJECT_WORDS)
        ]
        if names:
            out[item.line] = names
    return out
