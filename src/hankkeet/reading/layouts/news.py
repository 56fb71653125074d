"""News pages: a headline (or a heading over the text) names the project its text reports
(heads.py finds that line); a page of several projects is read as a list (lists.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.locale import M_
from hankkeet.models import Layout
from hankkeet.reading.blocks import Block
from hankkeet.reading.labels import (
    ACCOUNTS_STEMS,
    CALL_WORDS,
    INSTRUMENT_ENDINGS,
    INSTRUMENT_STEMS,
    ONE_PROJECT_WORD,
    PROJECT_SUFFIXES,
    Field,
)
from hankkeet.reading.layouts import columns, lists, paragraphs, runs
from hankkeet.reading.layouts.fill import add, new_block, unsure_name
from hankkeet.reading.layouts.headlines import (
    GRANT,
    about_one_project,
    prose_name,
    sentence_headline,
    strip_period,
    strip_years,
    two_subjects,
    verb_at,
    years_of,
)
from hankkeet.reading.layouts.heads import head_and_body, names_itself
from hankkeet.reading.layouts.items import Item, Page
from hankkeet.reading.layouts.names import hanke_names
from hankkeet.reading.lines import DAY_DATE
from hankkeet.reading.money import Kind, scan
from hankkeet.reading.prose import about_many, counts_projects, mostly_many, read_prose
from hankkeet.reading.text import shorten

_FULL_DATE = re.compile(DAY_DATE)


# Labelled fields that make a page's text a project description on their own.
_FACT_FIELDS = frozenset(
    {Field.PERIOD, Field.START, Field.END, Field.BUDGET, Field.FUNDING, Field.CITY_SHARE}
)


def scan_money(text: str) -> bool:
    """Whether the text names an amount of euros."""
    return any(q.kind is Kind.MONEY for q in scan(text))


def _headline_names(title: str, name: str, text: str) -> bool:
    """The headline names the project its page is about by its '-hanke' ('DIGIDIA-hanke
    pureutuu uusiin kansalaistaitoihin'), or is the name the text's first sentences give with
    its '-hanke' ('Healthy Boost' over 'Healthy Boost -projekti (…) kokoaa …'): the name is
    evidence of a project of its own."""
    return any(n == name for n in hanke_names(title)) or (
        name == title and name in hanke_names(text[:_OPENING])
    )


# How far into a page's text its opening sentences reach (_headline_names).
_OPENING = 400


def _states_facts(block: Block) -> bool:
    """Whether the sentences state at least one fact of a project (evidence, not a guess)."""
    if block.years is not None or Field.CONTACTS in block.fields:
        return True
    prose = read_prose(block.prose)
    return (
        any(f is not None for f in (prose.budget, prose.period, prose.city_share, prose.programme))
        or any(problem.code is Code.UNCERTAIN_FACT for problem, *_ in prose.problems)
        or any(GRANT.search(text) and scan_money(text) for _, text in block.prose)
    )


def _as_list(items: list[Item]) -> list[Block]:
    """The page's projects when it is a list of them (lists.py), in the readers' order."""
    entries = lists.entries(items)
    if len(entries) >= 2:
        return entries
    listed = runs.label_runs(items) or columns.column_list(items) or lists.quoted_list(items)
    if len(listed) >= 2:
        return listed
    sections = lists.sections(items)
    return sections if len(sections) >= 2 else []


def read(page: Page, items: list[Item]) -> list[Block]:
    """A news page's projects: a list's when the page lists several, else the one project its
    headline (or a heading over its text) names, when the text states facts of it."""
    listed = _as_list(items)
    if listed:
        return listed
    found = head_and_body(items)
    if found is None:
        return []
    head, body, inside = found
    text = " ".join(i.text for i in body if i.kind == "text")
    title = strip_period(head[0].text)
    # A headline that joins two subjects ('Pandatalous ja kulttuurihyvinvointi saavat
    # rahoitusta') or speaks of projects in the plural may report several decisions.
    # ('Suunta Kymenlaakson ilmasto- ja energiastrategiasta': a 'ja' after a hyphen joins
    # two halves of a word, not two subjects.)
    joins = " ja " in title and "- ja " not in title
    several = paragraphs.by_paragraph(body) if (joins or about_many(title)) else []
    if len(several) >= 2:
        return several
    name = _headline_name(title, body)
    if name == strip_years(title) and (about_many(title) or two_subjects(title)):
        # 'All Projects' over its projects' headings, or two subjects that got their grants
        # ('Pumptrack ja luontopolku saivat rahaa'), which no reader could tell apart: no
        # one project of that name; said where the headline stands.
        page.notes.append(_several_unread(page, (head[0].line, title)))
        return []
    block = _headline_block(name, head[0], title, body)
    labelled = any(f in block.fields for f in _FACT_FIELDS)
    if not _reports_one_project(block, name, title, text, labelled):
        return []
    if _no_page_project(items, head[1], block, (name, title), (inside, labelled)):
        return []
    counted = None if labelled else _counted_projects(body)
    if counted is not None:
        page.notes.append(_several_unread(page, counted))
        return []
    if _name_in_doubt(name, title, inside, text):
        unsure_name(block, [n for n in hanke_names(text) if n != name])
    return [block]


def _no_page_project(
    items: list[Item], head: int, block: Block, names: tuple[str, str], where: tuple[bool, bool]
) -> bool:
    """Whether a page's one candidate is no project after all: a headline under a call's
    title, or a heading inside an article that opens with a question and gives no evidence
    of a project (`names` is the name and the headline, `where` whether the heading is
    inside the text and whether facts are labelled under it)."""
    name, title = names
    inside, labelled = where
    if name == strip_years(title) and _under_a_calls_title(items, head):
        return True
    return inside and not labelled and _asks(items) and not _evidence_inside(block, title)


def _asks(items: list[Item]) -> bool:
    """Whether the page opens with a question ('Mitä jos hakisit hankerahaa?', 'Vad är
    leader?'): an explainer's or an adviser's article, not a project's page."""
    first = next((i for i in items if i.kind == "text"), None)
    return first is not None and first.lines[0][1].rstrip().endswith("?")


def _evidence_inside(block: Block, title: str) -> bool:
    """Whether a heading under paragraphs of an article that opens with a question
    ('Hankekoordinaattorin rooli' under 'Mitä jos hakisit hankerahaa?') is evidence of a
    project: it says it names one, or the text under it gives a period or an amount."""
    if hanke_names(title) or names_itself(title):
        return True
    prose = read_prose(block.prose)
    return prose.period is not None or prose.budget is not None


def _headline_name(title: str, body: list[Item]) -> str:
    """The project's name a headline gives, read with the text under it (headlines.prose_name);
    a sentence headline's subject when that names a project."""
    name = prose_name(
        title,
        [i.text for i in body[:3] if i.kind == "text"],
        [i.text for i in body[3:] if i.kind == "text"],
    )
    if name == strip_years(title) and sentence_headline(title):
        name = _subject(title) or name  # 'Kylätalon korjaushanke käynnistyy'
    return name


def _headline_block(name: str, head: Item, title: str, body: list[Item]) -> Block:
    """The block of the project a headline names, with the items under it."""
    block = new_block(name, head.line, Layout.PROSE, "headline", head.text)
    if name.casefold() in title.casefold():
        block.years = years_of(title)  # not 'Highlights 2021' over another project's name
    for item in body:
        add(block, item)
    return block


def _reports_one_project(block: Block, name: str, title: str, text: str, labelled: bool) -> bool:
    """Whether a headline's page reports its one project: no fund's, programme's or call's
    page, and a text that labels the project's facts, or speaks of one project and states a
    fact of it (and is no report of many grants under a headline that names none of them)."""
    if name == strip_years(title) and _about_instrument(title):
        return False
    if _a_call(title.casefold()) and not hanke_names(name):
        return False  # a call's page, whatever its text names but a '-hanke'
    if labelled:
        return True
    if not (
        about_one_project(title, text)
        and (_headline_names(title, name, text) or _states_facts(block))
    ):
        return False
    return not (name == strip_years(title) and mostly_many(text))


def _several_unread(page: Page, counted: tuple[int, str]) -> Diagnostic:
    """'Rahoituksen sai yhteensä neljä hanketta': a report of several projects that no list
    reader could tell apart is no one project; said where the count stands."""
    return Diagnostic(
        Code.UNSURE_BOUNDARY,
        M_(
            "the text reports several projects ('{words}') and no reader could tell "
            "where each one's text begins; nothing was read from it",
            words=shorten(counted[1]),
        ),
        page.path,
        counted[0],
    )


def _name_in_doubt(name: str, title: str, inside: bool, text: str) -> bool:
    """Whether a name that is the whole headline is weak evidence of the project's name: a
    weak headline (a heading inside the text that does not say it names a project), a
    sentence, or a headline over a text that names two projects or more, none of them in
    the headline ('Aspa-säätiölle avustuksia …' over 'Hymis-hanke' and 'Asumisen ajokortti
    -hanke')."""
    if name != strip_years(title):
        return False
    if (
        _weak_headline(title, inside and not names_itself(name))
        or sentence_headline(title)
        or _INFLECTED.search(title) is not None
    ):
        return True
    named = set(hanke_names(text))  # the text's names only when the headline itself is no doubt
    return len(named) >= 2 and not any(n.casefold() in title.casefold() for n in named)


# A name or an abbreviation inflected after a colon ('Kymijärvi III:ssa varaudutaan …',
# 'Kemin Satama Oy:lle … CEF-tukea'): a headline that tells of something, not a name.
_INFLECTED = re.compile(
    r"\w:(?:n|lle|lla|llä|ssa|ssä|sta|stä|ksi|aan|ään|een|iin|hun|hin|ta|tä)(?!\w)"
)


def _subject(title: str) -> str | None:
    """A sentence headline's subject when it names a project ('Kylätalon korjaushanke' of
    'Kylätalon korjaushanke käynnistyy'): the words before the verb, ending in '-hanke'."""
    words = title.split()
    k = verb_at([w.casefold().strip(',.:;!?()”"') for w in words])
    if k is None:
        return None
    subject = " ".join(words[:k])
    return subject if subject.casefold().endswith(PROJECT_SUFFIXES) else None


def _about_instrument(title: str) -> bool:
    """A headline about a fund, a programme, a strategy or a call for applications, or about
    an organisation's accounts (and no project)."""
    folded = title.casefold()
    words = folded.replace("-", " ").split()
    last = words[-1].strip(',.:;!?()”"') if words else ""
    return (
        any(stem in last for stem in INSTRUMENT_STEMS)
        or last.endswith(INSTRUMENT_ENDINGS)
        or _a_call(folded)
        or (any(stem in folded for stem in ACCOUNTS_STEMS) and not hanke_names(title))
    )


def _a_call(folded: str) -> bool:
    """Whether a (case-folded) headline is a call for applications."""
    return any(w in folded for w in CALL_WORDS) or bool(_CALL_ROUND.search(folded))


def _under_a_calls_title(items: list[Item], head: int) -> bool:
    """A headline under the page's own title that is a call's ('Alueet kuntien ilmastotyön
    tukena -avustushaku' over 'Avustuksen kohteena oleva toiminta'): a call's page."""
    return any(
        i.kind == "text" and len(i.lines) == 1 and any(w in i.text.casefold() for w in CALL_WORDS)
        for i in items[:head]
    )


# A call's round and year ('…, haku 2/2024', 'Call 1/2025'): a funder's call, not a project.
_CALL_ROUND = re.compile(r"\b(?:haku|hakukierros|ansökningsomgång|call)\s+\d{1,2}/\d{4}\b")


def _counted_projects(body: list[Item]) -> tuple[int, str] | None:
    """The first sentence that counts the projects the text reports ('Rahoituksen sai
    yhteensä neljä hanketta'), with its line."""
    for item in body:
        if item.kind != "text":
            continue
        for line, text in item.lines or [(item.line, item.text)]:
            for sentence in _SENTENCE.split(text):
                if counts_projects(sentence):
                    return line, sentence
    return None


_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def unknown_layout(items: list[Item], path: str) -> Iterator[Diagnostic]:
    """A text no reader made a project of, though it speaks of one ('… hankkeessa') and
    states amounts or dates: said where it first speaks of it, since a project may stand
    there in a layout no reader knows."""
    texts = [i.text for i in items if i.kind == "text"]
    if not any(scan_money(t) or _FULL_DATE.search(t) for t in texts):
        return
    for item in items:
        if item.kind != "text":
            continue
        for line, text in item.lines:
            word = next(
                (
                    w
                    for w in text.casefold().replace("-", " ").split()
                    if re.search(ONE_PROJECT_WORD, w.strip('.,:;!?()"”'))
                ),
                None,
            )
            if word is not None:
                yield Diagnostic(
                    Code.UNKNOWN_LAYOUT,
                    M_(
                        "the text speaks of a project ('{word}') in no layout the readers "
                        "know; nothing was read from it",
                        word=word.strip('.,:;!?()"”'),
                    ),
                    path,
                    line,
                )
                return


def _weak_headline(title: str, inside: bool) -> bool:
    """A headline that is weak evidence of a name: a heading inside the text, a headline in
    capitals (a slogan: 'HELMESTÄ ON KUORIUTUNUT TODELLINEN HELMI'), or a project's status
    with no name ('Päättynyt hanke')."""
    words = title.split()
    if inside or (len(words) >= 2 and title.isupper()):
        return True
    return len(words) <= 3 and words[-1].casefold() in PROJECT_SUFFIXES
