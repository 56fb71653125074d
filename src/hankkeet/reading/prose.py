"""Facts stated in sentences: a budget, a period, the city's share, the programme.

Precision before recall: a sentence gives a value only when it states one exact value for
the whole project. An approximation ('noin'), a part ('josta', 'osahanke'), a cap
('enintään'), a per-year amount, two different totals, or a date that may be a decision's
leaves the field empty, with a finding that says why and quotes the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from hankkeet.diagnostics import Code, Problem
from hankkeet.finnish import format_date
from hankkeet.locale import M_, N_, Message
from hankkeet.reading.dates import MONTH_YEAR, date_tokens, normalise_dashes
from hankkeet.reading.funding import find_funds, find_programmes
from hankkeet.reading.labels import (
    ABBREVIATIONS,
    APPROXIMATION_WORDS,
    BUDGET_CHANGE_WORDS,
    COUNT_STEMS,
    COUNT_WORDS,
    DECISION_WORDS,
    DOCUMENT_YEARS_STEMS,
    EURO_UNITS,
    EXAMPLE_WORDS,
    HEDGE_WORDS,
    NOT_ONE_PROJECT,
    ONE_PROJECT_WORD,
    OVERVIEW_HEADS,
    PART_WORDS,
    PERCENT_WORDS,
    PERIOD_CUE_WORDS,
    PROGRAMME_PERIOD_WORDS,
    PROGRAMME_PERIODS,
    PROJECT_WORDS,
    START_WORDS,
)
from hankkeet.reading.money import Kind, Quantity, after_dash, in_millions, scan
from hankkeet.reading.people import read_contacts
from hankkeet.reading.text import find_word, shorten

# Sentences end at '.', '!' or '?' before a capital letter or a digit that starts a new
# sentence; a date's dots ('1.5.2023') and a grouped amount ('24.000') have no space.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])")
_BUDGET = re.compile(
    r"\b(?P<whole>kokonais)?(?:budjet(?:ti|in|illa|iksi)|kustannusarvio(?:ltaan|lla|n)?"
    r"|kustannukset|kustannus|kustannuksiltaan|kustannuksia)\b"
    r"|\bkustannukset yhteensä\b|\bkokonaisbudjetti\b|\bkokonaiskustannus\w*",
    re.IGNORECASE,
)
_CITY_SHARE = re.compile(
    r"\b(?P<who>kaupungin|kunnan|kuntien)\s+(?:oma)?(?:rahoitus)?osuu(?:s|deksi|tena|den)\b"
    r"|\b(?P<who2>kunta|kuntarahoitus|kuntaraha|omarahoitus)osuu(?:s|deksi|tena|den)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)[0-9]{2}\b")
_RANGE = re.compile(
    r"(?<![0-9.])(?P<a>[0-9]{1,2}\.[0-9]{1,2}\.(?:[0-9]{4})?)\s*(?:-|–|—|\s-\s)\s*"
    r"(?P<b>[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4})(?![0-9])"
)
# A range of years ('2019–2021'), not part of a date or a longer number.
YEAR_RANGE = re.compile(
    r"(?<![0-9.])(?P<a>(?:19|20)[0-9]{2})\s*[-–—]\s*(?P<b>(?:19|20)[0-9]{2})"
    r"(?![0-9]|\.[0-9])"
)
_STARTS_YEAR = re.compile(
    r"\b(?:käynnistyi|käynnistynyt|käynnistyy|alkoi|alkanut|alkaa)\s+(?:vuonna\s+)?"
    r"(?P<a>(?:19|20)[0-9]{2})\b.{0,40}?\b(?:jatkuu|kestää|päättyy)\s+(?:vuoteen|vuoden)\s+"
    r"(?P<b>(?:19|20)[0-9]{2})",
    re.IGNORECASE,
)
_ENDED = re.compile(
    r"\b(?:päättyi|päättyy|päättynyt|loppui|loppuu)\s+(?P<d>[0-9]{1,2}\.[0-9]{1,2}"
    r"\.[0-9]{4})",
    re.IGNORECASE,
)
_FUNDING_VERBS = re.compile(
    r"rahoit|myönt|myönn|\btuke|\btuki|avustu|tukea|rahasto|ohjelma|mahdollista", re.IGNORECASE
)


@dataclass(frozen=True)
class Fact:
    """A value read from a sentence, with the sentence's line and text for the steward."""

    value: Decimal | str | tuple[date, date]
    line: int
    sentence: str

    @property
    def money(self) -> Decimal:
        """The value as euros, for a budget or share fact."""
        assert isinstance(self.value, Decimal)
        return self.value

    @property
    def period(self) -> tuple[date, date]:
        """The value as (start, end), for a period fact."""
        assert isinstance(self.value, tuple)
        return self.value


@dataclass
class ProseReading:
    """What the sentences of one project state, with findings as (code, message, line, field)."""

    budget: Fact | None = None
    period: Fact | None = None
    city_share: Fact | None = None
    programme: Fact | None = None
    fund: Fact | None = None
    contacts: list[Fact] = field(default_factory=list)
    # Each finding with the line of its sentence and the field it is about.
    problems: list[tuple[Problem, int, str]] = field(default_factory=list)


def sentences(paragraphs: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Every sentence of the paragraphs with the line its paragraph starts on.

    A full stop after an abbreviation ('n. 400 000', 'esim. Leader') ends no sentence.
    """
    for line, text in paragraphs:
        flat = " ".join(text.split())
        last = 0
        for m in _SENTENCE_END.finditer(flat):
            word = flat[: m.start()].rsplit(" ", 1)[-1].rstrip(".!?").casefold()
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            if flat[last : m.start()].strip():
                yield line, flat[last : m.start()].strip()
            last = m.end()
        if flat[last:].strip():
            yield line, flat[last:].strip()


_PLURAL_ENDINGS = (
    "hankkeiden",
    "hankkeille",
    "hankkeilla",
    "hankkeisiin",
    "hankkeita",
    "hankkeet",
    "hankkeissa",
    "projektien",
    "projekteille",
    "projekteja",
)


def about_many(text: str) -> bool:
    """Words about projects in the plural ('Kuntien työllisyyshankkeille jatkoaikaa')."""
    words = [w.strip('#*:,.()”"') for w in text.casefold().split()]
    return any(w in NOT_ONE_PROJECT or w.endswith(_PLURAL_ENDINGS) or _overview(w) for w in words)


def mostly_many(text: str) -> bool:
    """A text that speaks of projects in the plural ('27 hanketta', 'hankkeille',
    'kehittämishankkeisiinsa') more often than of one project: a report of many grants, not
    a project's own page."""
    words = [w.strip('#*:,.()”"') for w in text.casefold().split()]
    many = one = counted = 0
    for k, w in enumerate(words):
        if _project_word(w) and _count_before(words, k):
            counted += 1
            many += 1
        elif w in NOT_ONE_PROJECT or w.endswith(_PLURAL_ENDINGS) or "hankkei" in w:
            many += 1
        elif re.search(ONE_PROJECT_WORD, w.rsplit("-", 1)[-1]):
            one += 1
    # Counted projects ('27 hanketta') are the evidence; plurals alone are not (a page about
    # one project may speak of 'muut hankkeet').
    return counted > 0 and many > one


def counts_projects(title: str) -> bool:
    """A headline that counts its projects ('rahoitusta kymmenelle selvityshankkeelle',
    'Åtta projekt får Leader-pengar'): a page about several projects."""
    words = [w.strip('#*:,.()”"') for w in title.casefold().split()]
    return any(_project_word(w) and _count_before(words, k) for k, w in enumerate(words))


def _count_before(words: list[str], k: int) -> bool:
    """A count right before the k-th word, or before a word in its case ('kuusi uutta
    hanketta', not 'viiden kunnan yhteishanke')."""
    if k > 0 and _counted(words[k - 1]):
        return True
    # 'kuusi uutta hanketta'; after digits any one word ('102 pågående projekt') but a
    # unit ('75 prosenttia hankkeen kustannuksista', '1 000 euroa hankkeelle').
    return (
        k > 1
        and _counted(words[k - 2])
        and words[k - 1] not in PERCENT_WORDS
        and words[k - 1] not in EURO_UNITS
        and (
            (words[k - 2].isascii() and words[k - 2].isdigit())
            or words[k - 1][-2:] == words[k][-2:]
        )
    )


def _counted(word: str) -> bool:
    """'kymmenelle', '3', 'tre', 'several': a count of two or more."""
    if word.isascii() and word.isdigit():
        return 2 <= int(word) < 1900  # '2021 EU-hankkeelle' is a year
    return word in COUNT_WORDS or (word.startswith(COUNT_STEMS) and len(word) <= 12)


def _project_word(word: str) -> bool:
    return any(stem in word for stem in PROJECT_WORDS)


def _overview(word: str) -> bool:
    """'hankekatsaus', 'hankehaku', 'projektisalkku': an overview of many projects."""
    for stem in ("hanke", "projekti"):
        if word.startswith(stem) and word[len(stem) :].startswith(OVERVIEW_HEADS):
            return True
    return False


def _words_before(text: str, start: int, span: int = 24) -> str:
    return text[max(0, start - span) : start].casefold()


def _first_money_after(found: list[Quantity], pos: int, limit: int) -> Quantity | None:
    for q in found:
        if q.kind is Kind.MONEY and pos <= q.start <= pos + limit:
            return q
    return None


# A field's name in a message about it (the English name is the field's key, as before).
_NAMES = {"budget": N_("budget"), "city_share": N_("city_share"), "period": N_("period")}


class _Candidates:
    """Values one field is given by several sentences; agreeing or not."""

    def __init__(self, name: str) -> None:
        self.name = name
        # (strength, value, line, sentence) and (strength, why, line)
        self.sure: list[tuple[int, Decimal | tuple[date, date], int, str]] = []
        self.unsure: list[tuple[int, Message, int]] = []

    def best(self, out: ProseReading) -> Fact | None:
        top = max([s for s, *_ in self.sure] + [s for s, *_ in self.unsure], default=0)
        sure = [c for c in self.sure if c[0] == top]
        values = {c[1] for c in sure}
        if len(values) == 1:
            _strength, value, line, sentence = sure[0]
            return Fact(value, line, sentence)
        if len(values) > 1:
            line = sure[0][2]
            shown = ", ".join(shorten(str(c[3]), 50) for c in sure[:2])
            out.problems.append(
                (
                    Problem(
                        Code.UNCERTAIN_FACT,
                        M_(
                            "the sentences state different {name} values ({shown}); "
                            "the {name} is left "
                            "empty",
                            name=M_(_NAMES[self.name]),
                            shown=shown,
                        ),
                    ),
                    line,
                    self.name,
                )
            )
            return None
        for _strength, why, line in self.unsure[:1]:
            out.problems.append((Problem(Code.UNCERTAIN_FACT, why), line, self.name))
        return None


def _budget(line: int, sentence: str, found: list[Quantity], cands: _Candidates) -> None:
    for m in _BUDGET.finditer(sentence):
        strength = 2 if "kokonais" in m.group().casefold() else 1
        q = _first_money_after(found, m.end(), 60)
        if q is None:
            continue
        between = sentence[m.end() : q.start].casefold()
        before = _words_before(sentence, m.start(), 40)
        quoted = f"'{shorten(sentence, 120)}'"
        why = None
        if (
            q.per_year
            or _YEAR.search(between)
            or re.search(r"vuo(?:nna|delle|sittain)", before + between)
        ):
            why = M_("{quoted} states an amount for one year, not the whole budget", quoted=quoted)
        elif word := find_word(
            between + " " + _words_before(sentence, q.start, 12), APPROXIMATION_WORDS
        ):
            why = M_(
                "{quoted} gives the budget as an approximation ('{word}'), not exactly",
                quoted=quoted,
                word=word,
            )
        elif in_millions(q.text):
            why = M_("{quoted} gives the budget in rounded millions, not exactly", quoted=quoted)
        elif after_dash(sentence, q):
            why = M_("{quoted} gives a range of amounts, not one budget", quoted=quoted)
        elif word := find_word(before + " " + between, PART_WORDS):
            why = M_(
                "{quoted} may state a part ('{word}'), not the whole budget",
                quoted=quoted,
                word=word,
            )
        elif q.in_parens:
            why = M_("{quoted}: the amount in brackets may be a part", quoted=quoted)
        if why:
            cands.unsure.append((strength, why, line))
        else:
            cands.sure.append((strength, q.value, line, sentence))


def _city_share(line: int, sentence: str, found: list[Quantity], cands: _Candidates) -> None:
    for m in _CITY_SHARE.finditer(sentence):
        q = _first_money_after(found, m.end(), 50)
        who = (m.group("who") or m.group("who2") or "").strip().casefold()
        if q is None:
            continue
        why = _share_doubt(sentence, q, sentence[m.end() : q.start], who)
        if why is None:
            cands.sure.append((1, q.value, line, sentence))
        else:
            cands.unsure.append((1, why, line))
        return


def _share_doubt(sentence: str, q: Quantity, between: str, who: str) -> Message | None:
    """Why the amount a sentence gives as the city's share may not be the share of this
    project (a part's, an own-funding or joint share, one year's, a rough one), or None."""
    quoted = f"'{shorten(sentence, 120)}'"
    if after_dash(sentence, q):
        return M_("{quoted} gives a range of amounts, not one share", quoted=quoted)
    if word := find_word(sentence[: q.start], ("osahanke*", "osahankkee*", "osatoteutu*")):
        return M_(
            "{quoted} states the share of a part ('{word}'), not of the whole project",
            quoted=quoted,
            word=word,
        )
    if who == "omarahoitus":
        return M_(
            "{quoted} states an own-funding share; whose it is (the "
            "city's or the applicant's) the sentence does not say",
            quoted=quoted,
        )
    if who == "kuntien":
        return M_(
            "{quoted} states the municipalities' joint share, not one city's",
            quoted=quoted,
        )
    if q.per_year or _YEAR.search(sentence[: q.start]):
        return M_(
            "{quoted} states a share for one year, not for the whole period",
            quoted=quoted,
        )
    if word := find_word(between, APPROXIMATION_WORDS):
        return M_(
            "{quoted} gives the share as an approximation ('{word}')",
            quoted=quoted,
            word=word,
        )
    return None


def _period(line: int, sentence: str, cands: _Candidates, name: str | None = None) -> None:
    text = normalise_dashes(sentence)
    folded = text.casefold()
    decision = find_word(folded, DECISION_WORDS)
    cue = find_word(folded, PERIOD_CUE_WORDS)
    quoted = f"'{shorten(sentence, 120)}'"
    if about_many(text) and (_RANGE.search(text) or YEAR_RANGE.search(text)):
        cands.unsure.append(
            (
                2,
                M_(
                    "{quoted} is about several projects; its dates are not this project's period",
                    quoted=quoted,
                ),
                line,
            )
        )
        return
    for m in _RANGE.finditer(text):
        dates = _range_dates(m)
        if dates is None:
            continue
        why = _range_doubt(dates, text[: m.start()], quoted, bool(decision and not cue), name)
        if why is None:
            cands.sure.append((2, dates, line, sentence))
        else:
            cands.unsure.append((2, why, line))
        return
    m2 = _STARTS_YEAR.search(text)
    if m2:
        a, b = int(m2.group("a")), int(m2.group("b"))
        if a <= b:
            cands.sure.append((1, (date(a, 1, 1), date(b, 12, 31)), line, sentence))
        return
    if cue:
        _cued_years(line, sentence, text, folded, quoted, decision, cands)


def _range_doubt(
    dates: tuple[date, date], before: str, quoted: str, decision: bool, name: str | None
) -> Message | None:
    """Why a sentence's range of dates may not be the project's period, if it may not:
    it follows another project's name or an agreement's, the sentence tells of a decision,
    or it ends before it starts."""
    other = None if name is None else _other_projects(before, name)
    if other is not None:
        return M_(
            "{quoted}: the dates follow another project's name ('{other}'), "
            "not this project's period",
            quoted=quoted,
            other=other,
        )
    last = before.rstrip(" (:").rsplit(None, 1)[-1].casefold() if before.strip() else ""
    if any(stem in last for stem in DOCUMENT_YEARS_STEMS):
        # '… sovittiin määräaikaisesta vuokrasopimuksesta 1.8.2022-31.12.2023'
        return M_(
            "{quoted}: the dates are an agreement's or a strategy's, not the project's period",
            quoted=quoted,
        )
    if decision:
        return M_(
            "{quoted}: the dates may be a decision's, not the project's period", quoted=quoted
        )
    if dates[0] > dates[1]:
        return M_("{quoted}: the period ends before it starts", quoted=quoted)
    return None


def _other_projects(before: str, name: str) -> str | None:
    """The name of another project that a period's dates follow ('… alkoi Palveleva Yhteisö
    -hankkeessa (1.8.2018-31.10.2018)' under 'Opastava Yhteisö -hanke'): the words in
    capitals before a project word joined by a dash, when they are not the project's own."""
    words = before.rstrip(" (").split()
    if not words or not words[-1].startswith(("-", "–")):
        return None
    if not re.search(ONE_PROJECT_WORD, words[-1].casefold()):
        return None
    named: list[str] = []
    for word in reversed(words[:-1]):
        if not word[:1].isupper() or len(named) == 4:
            break
        named.insert(0, word)
    other = " ".join(named)
    if not other or other.casefold() in name.casefold():
        return None
    return other


def _range_dates(m: re.Match[str]) -> tuple[date, date] | None:
    """The first and last day of a range of dates ('1.3.–31.12.2024': a start with no year
    takes the end's), or None when either end is no date."""
    end_tokens = date_tokens(m.group("b"))
    if isinstance(end_tokens, str) or not end_tokens or end_tokens[0].first is None:
        return None
    end = end_tokens[0].first
    start_text = m.group("a")
    if start_text.endswith("."):
        start_text += str(end.year)
    start_tokens = date_tokens(start_text)
    if isinstance(start_tokens, str) or not start_tokens or start_tokens[0].first is None:
        return None
    return start_tokens[0].first, end


def _cued_years(
    line: int,
    sentence: str,
    text: str,
    folded: str,
    quoted: str,
    decision: str | None,
    cands: _Candidates,
) -> None:
    """A range of years in a sentence that speaks of the project's time ('toteutetaan
    vuosina 2024–2026'): the project's period, unless the years are a funding programme's,
    an example, an agreement's, the funding's or a decision's."""
    for m3 in YEAR_RANGE.finditer(text):
        a, b = int(m3.group("a")), int(m3.group("b"))
        why = _years_doubt(text, folded, m3, quoted)
        if why is not None:
            cands.unsure.append((1, why, line))
            return
        if a <= b and not decision:
            cands.sure.append((1, (date(a, 1, 1), date(b, 12, 31)), line, sentence))
            return


def _years_doubt(text: str, folded: str, m3: re.Match[str], quoted: str) -> Message | None:
    """Why a range of years a sentence gives is not the project's period, or None."""
    a, b = int(m3.group("a")), int(m3.group("b"))
    if (a, b) in PROGRAMME_PERIODS or find_word(folded, PROGRAMME_PERIOD_WORDS):
        return M_(
            "{quoted}: the years are a funding programme's period, not the project's",
            quoted=quoted,
        )
    before = _words_before(text, m3.start(), 30)
    if find_word(before, EXAMPLE_WORDS):
        return M_("{quoted}: the years are an example, not the project's period", quoted=quoted)
    if any(stem in before for stem in DOCUMENT_YEARS_STEMS):
        return M_(
            "{quoted}: the years are an agreement's or a strategy's, not the project's period",
            quoted=quoted,
        )
    if any(q.kind is Kind.MONEY for q in scan(text)):
        return M_(
            "{quoted}: the years may be the funding's, not the project's period", quoted=quoted
        )
    return None


def _title_disagrees(out: ProseReading, years: tuple[int, int]) -> None:
    """A sentence's period in other years than the title gives ('FRESHABIT LIFE IP –hanke
    (2016-2022)' over a sentence of 1.1.2018–31.12.2019): which is the project's is unclear,
    so neither is taken, and said."""
    fact = out.period
    assert fact is not None
    start, end = fact.period
    if (start.year, end.year) == years:
        return
    out.period = None
    why = M_(
        "'{sentence}' gives the period {start}–{end}, while the title gives the years "
        "{first}–{last}: which is the project's is unclear",
        sentence=shorten(fact.sentence, 120),
        start=format_date(start),
        end=format_date(end),
        first=years[0],
        last=years[1],
    )
    out.problems.append((Problem(Code.UNCERTAIN_FACT, why), fact.line, "period"))


def _refine_end(reading: ProseReading, paragraphs: list[tuple[int, str]]) -> None:
    """A period of whole years ends on the exact day a sentence says it ended, if in its year."""
    if reading.period is None:
        return
    start, end = reading.period.period
    if not (isinstance(end, date) and end.month == 12 and end.day == 31):
        return
    for line, sentence in sentences(paragraphs):
        m = _ENDED.search(sentence)
        if m is None:
            continue
        tokens = date_tokens(m.group("d"))
        if isinstance(tokens, str) or not tokens or tokens[0].first is None:
            continue
        if tokens[0].first.year == end.year:
            reading.period = Fact((start, tokens[0].first), line, sentence)
        return


def _month_started(reading: ProseReading, paragraphs: list[tuple[int, str]]) -> None:
    """A period of whole years whose first year a sentence says the project began in a month
    of ('lähti maaliskuussa 2022 käyntiin'): the years give no start day, and 1 January
    would be made up; the period is left empty, and said."""
    if reading.period is None:
        return
    start, _end = reading.period.period
    if not (start.month == 1 and start.day == 1):
        return
    for line, sentence in sentences(paragraphs):
        m = re.search(MONTH_YEAR, sentence)
        if m is None or int(m.group("y")) != start.year or not find_word(sentence, START_WORDS):
            continue
        message = M_(
            "'{sentence}' says the project began in a month of {year}, so its years give no "
            "start day; the period is left empty",
            sentence=shorten(sentence, 120),
            year=start.year,
        )
        reading.problems.append((Problem(Code.UNCERTAIN_FACT, message), line, "period"))
        reading.period = None
        return


def _programme(paragraphs: list[tuple[int, str]], out: ProseReading) -> None:
    for line, sentence in sentences(paragraphs):
        if not _FUNDING_VERBS.search(sentence):
            continue
        names = find_programmes(sentence)
        if not names:
            continue
        if word := find_word(sentence, HEDGE_WORDS):
            out.problems.append(
                (
                    Problem(
                        Code.UNCERTAIN_FACT,
                        M_(
                            "'{sentence}' names {programme} only as a possibility ('{word}')",
                            sentence=shorten(sentence, 120),
                            programme=names[0],
                            word=word,
                        ),
                    ),
                    line,
                    "programme",
                )
            )
            continue
        if out.programme is None:
            out.programme = Fact(names[0], line, sentence)
        funds = find_funds(sentence)
        if funds and out.fund is None:
            out.fund = Fact(funds[0], line, sentence)


_CONTACT = re.compile(
    r"\b(?i:yhteyshenkilö(?:nä|t)?\s+(?:on\s+|ovat\s+)?"
    r"|kontaktperson(?:en)?\s+(?:är\s+)?|contact person\s+(?:is\s+)?)(?:[a-zåäö-]+\s+){0,2}?"
    r"(?P<name>[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?\s[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)"
)


_MORE_INFO = re.compile(
    r"^Lisätieto(?:ja|a)\s+(?:[a-zåäö]+\s+){0,2}?anta(?:a|vat)\s+(?P<who>.+?)\.?$"
)
_PARENS = re.compile(r"\([^)]*\)")


def contacts_in(paragraphs: list[tuple[int, str]], out: ProseReading) -> None:
    """'…, yhteyshenkilö Pasi Latvateikari.', 'Lisätietoa antavat projektipäällikkö Esa
    Vuorenmaa ja professori Jukka Salo.': a sentence that names the contact persons."""
    for line, sentence in sentences(paragraphs):
        for m in _CONTACT.finditer(sentence):
            out.contacts.append(Fact(m.group("name"), line, sentence))
        block = _MORE_INFO.match(sentence)
        if block is not None:
            for contact in read_contacts(_PARENS.sub("", block.group("who"))).contacts:
                if contact.name and len(contact.name.split()) >= 2:
                    out.contacts.append(Fact(contact.name, line, sentence))


def read_prose(
    paragraphs: list[tuple[int, str]],
    title_years: tuple[int, int] | None = None,
    name: str | None = None,
) -> ProseReading:
    """Read the facts the paragraphs state; unsure ones become findings, not values. With
    the project's `name`, dates that follow another project's name are not its period."""
    out = ProseReading()
    budget, share, period = _Candidates("budget"), _Candidates("city_share"), _Candidates("period")
    changed: tuple[int, str, str] | None = None
    for line, sentence in sentences(paragraphs):
        found = scan(sentence)
        if any(q.kind is Kind.MONEY for q in found):
            _budget(line, sentence, found, budget)
            _city_share(line, sentence, found, share)
        if any(c.isdigit() for c in sentence):
            _period(line, sentence, period, name)
        if (
            changed is None
            and _BUDGET.search(sentence)
            and (word := find_word(sentence, BUDGET_CHANGE_WORDS))
        ):
            changed = (line, sentence, word)
    if changed is not None and budget.sure:
        line, sentence, word = changed
        why = M_(
            "'{sentence}' says the budget changed ('{word}'): the amount the text gives may "
            "not be the final one",
            sentence=shorten(sentence, 120),
            word=word,
        )
        budget.unsure.insert(0, (3, why, line))
    out.budget = budget.best(out)
    out.city_share = share.best(out)
    out.period = period.best(out)
    if out.period is not None and title_years is not None:
        _title_disagrees(out, title_years)
    elif out.period is None and title_years is not None:
        a, b = title_years
        out.period = Fact((date(a, 1, 1), date(b, 12, 31)), 0, "")
    _refine_end(out, paragraphs)
    _month_started(out, paragraphs)
    _programme(paragraphs, out)
    contacts_in(paragraphs, out)
    return out
