"""Diagnostics: findings about the data as values, with a stable code, severity and line.

A finding is its code, its message as a value (locale.Message: the English template and the
values that fill it) and its place; the message is written in a language only where it is
shown (`Diagnostic.text`). Workers and spill files carry findings as plain values
(`pack_message`, `Diagnostic.pack`).
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from hankkeet.locale import N_, Language, Message


class Severity(StrEnum):
    """How bad a finding is: an error makes a number or date wrong or unusable."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Code(StrEnum):
    """Every diagnostic code. The values are stable: tools and CI configurations depend on
    them, so a code is never renamed, only added."""

    UNKNOWN_LABEL = "unknown-label"
    LABEL_TYPO = "label-typo"
    STRAY_TEXT = "stray-text"
    UNREADABLE_MONEY = "unreadable-money"
    AMBIGUOUS_MONEY = "ambiguous-money"
    PER_YEAR_AMOUNT = "per-year-amount"
    MONEY_DECIMAL_POINT = "money-decimal-point"
    UNREADABLE_DATE = "unreadable-date"
    IMPOSSIBLE_DATE = "impossible-date"
    PERIOD_YEARS_ONLY = "period-years-only"
    PERIOD_MONTHS_ONLY = "period-months-only"
    OPEN_ENDED_PERIOD = "open-ended-period"
    UNREADABLE_STAFF = "unreadable-staff"
    MISSING_FIELD = "missing-field"
    EMPTY_FIELD = "empty-field"
    REPEATED_FIELD = "repeated-field"
    UNKNOWN_PROGRAMME = "unknown-programme"
    PROGRAMME_TYPO = "programme-typo"
    MULTIPLE_PROGRAMMES = "multiple-programmes"
    PREAMBLE = "preamble"
    END_BEFORE_START = "end-before-start"
    STAFF_OUTSIDE_PERIOD = "staff-outside-period"
    CITY_SHARE_YEAR_OUTSIDE_PERIOD = "city-share-year-outside-period"
    CITY_SHARE_ABOVE_BUDGET = "city-share-above-budget"
    FUNDING_SUM_MISMATCH = "funding-sum-mismatch"
    SHARE_MISMATCH = "share-mismatch"
    STATED_BUDGET_MISMATCH = "stated-budget-mismatch"
    UNKNOWN_TITLE = "unknown-title"
    TITLE_TYPO = "title-typo"
    CONTACT_WITHOUT_NAME = "contact-without-name"
    DUPLICATE_PROJECT = "duplicate-project"
    NO_PROJECTS = "no-projects"
    PROSE_FACT = "prose-fact"
    UNCERTAIN_FACT = "uncertain-fact"
    PROSE_ONLY = "prose-only"
    PROSE_DISAGREES = "prose-disagrees"
    UNSURE_BOUNDARY = "unsure-boundary"
    UNREADABLE_FILE = "unreadable-file"
    INVALID_BYTE = "invalid-byte"
    UNSURE_NAME = "unsure-name"
    UNKNOWN_LAYOUT = "unknown-layout"
    NO_TEXT_LAYER = "no-text-layer"
    SOURCES_DISAGREE = "sources-disagree"
    DUPLICATE_ACROSS_FILES = "duplicate-across-files"


# Each code as its rule's code, by its text: what Code(text) gives, without the enum's call
# (a finding kept as plain values, in a worker's message or a spill file, is made again).
CODE_OF: dict[str, Code] = {code.value: code for code in Code}

# The findings that say a value was read from a sentence, not from its label.
PROSE_CODES = frozenset({Code.PROSE_FACT, Code.PROSE_ONLY})
# A message quotes the value it is about; a 5 MB value is quoted by its start.
MESSAGE_MAX = 300


class Problem(NamedTuple):
    """What a reader found wrong with one value: the code and a message for people."""

    code: Code
    message: Message


# -- findings as plain values ----------------------------------------------------------
# A message as plain values (tuples, text and numbers: what marshal and pickle take
# cheaply): (template, plural, (name, value, name, value, ...)), a value that is a message
# of its own packed the same way.
Packed = tuple[Any, ...]


def pack_message(message: Message) -> Packed:
    """A message as plain values (see unpack_message)."""
    flat: list[Any] = []
    for name, value in message.args:
        flat.append(name)
        flat.append(pack_message(value) if isinstance(value, Message) else value)
    return message.template, message.plural, tuple(flat)


def unpack_message(packed: Packed) -> Message:
    """The message pack_message was given."""
    template, plural, flat = packed
    args = tuple(
        (flat[k], unpack_message(flat[k + 1]) if isinstance(flat[k + 1], tuple) else flat[k + 1])
        for k in range(0, len(flat), 2)
    )
    return Message(template, args, plural)


@dataclass(frozen=True)
class Rule:
    """One entry of the rule catalogue: a stable code with a title and an explanation."""

    code: Code
    severity: Severity
    title: str
    explanation: str


# The rule catalogue. Codes are stable kebab-case strings: tools and CI configurations
# depend on them, so a code is never renamed, only added.
RULES: dict[Code, Rule] = {
    r.code: r
    for r in (
        # reading
        Rule(
            Code.UNKNOWN_LABEL,
            Severity.WARNING,
            N_("Unknown label"),
            N_(
                "A line looks like 'Label: value' but hankkeet does not know the label, so "
                "the value is not used. Write the label as the other descriptions write it "
                "(such as 'Kokonaisbudjetti'); if the label is right, ask the maintainers "
                "of hankkeet to add it."
            ),
        ),
        Rule(
            Code.LABEL_TYPO,
            Severity.WARNING,
            N_("Misspelt label"),
            N_("A label is close to exactly one known label and was read as that label."),
        ),
        Rule(
            Code.STRAY_TEXT,
            Severity.WARNING,
            N_("Text that belongs to no field"),
            N_("A line inside a project is neither a label nor the continuation of one."),
        ),
        Rule(
            Code.UNREADABLE_MONEY,
            Severity.ERROR,
            N_("Unreadable money"),
            N_("A money field holds no amount that can be read exactly; the field is left empty."),
        ),
        Rule(
            Code.AMBIGUOUS_MONEY,
            Severity.ERROR,
            N_("Ambiguous money"),
            N_(
                "A money field holds several different amounts and none is clearly the total; "
                "the field is left empty."
            ),
        ),
        Rule(
            Code.PER_YEAR_AMOUNT,
            Severity.WARNING,
            N_("Amount per year"),
            N_(
                "The amount is stated per year (for example '12 000 €/vuosi'); it is not the "
                "total and the field is left empty."
            ),
        ),
        Rule(
            Code.MONEY_DECIMAL_POINT,
            Severity.WARNING,
            N_("Decimal point in money"),
            N_(
                "A dot followed by one or two digits was read as a decimal point; Finnish uses "
                "a decimal comma and a dot only to group thousands."
            ),
        ),
        Rule(
            Code.UNREADABLE_DATE,
            Severity.ERROR,
            N_("Unreadable date"),
            N_(
                "The period cannot be read as dates (a season such as 'syksy 2024' is not a "
                "date); it is left empty."
            ),
        ),
        Rule(
            Code.IMPOSSIBLE_DATE,
            Severity.ERROR,
            N_("Impossible date"),
            N_(
                "A date that does not exist in the calendar, such as 31.2.2023; the period "
                "is left empty."
            ),
        ),
        Rule(
            Code.PERIOD_YEARS_ONLY,
            Severity.INFO,
            N_("Period given in years only"),
            N_("A period such as '2027–2028' is read as 1 January to 31 December."),
        ),
        Rule(
            Code.PERIOD_MONTHS_ONLY,
            Severity.WARNING,
            N_("Period given in months only"),
            N_(
                "A month without a day, such as '9/2022–9/2023', is no date: it is left "
                "empty (a whole date beside it is kept)."
            ),
        ),
        Rule(
            Code.OPEN_ENDED_PERIOD,
            Severity.INFO,
            N_("Open-ended period"),
            N_("The period has a start ('1.1.2023 alkaen') but no end."),
        ),
        Rule(
            Code.UNREADABLE_STAFF,
            Severity.WARNING,
            N_("Unreadable staff count"),
            N_("The staff line cannot be read as headcounts over periods; it is left empty."),
        ),
        Rule(
            Code.MISSING_FIELD,
            Severity.ERROR,
            N_("Missing required field"),
            N_("A project has no name, period or budget."),
        ),
        Rule(
            Code.EMPTY_FIELD,
            Severity.WARNING,
            N_("Empty field"),
            N_("A label is present but has no value."),
        ),
        Rule(
            Code.REPEATED_FIELD,
            Severity.WARNING,
            N_("Field given twice"),
            N_("The same field appears twice in one project; the first value is used."),
        ),
        Rule(
            Code.UNKNOWN_PROGRAMME,
            Severity.INFO,
            N_("Funding programme not recognised"),
            N_(
                "The funding text names no funding programme that hankkeet knows; the "
                "programme is left empty. Name the programme as the other descriptions do "
                "(such as EAKR or ESR)."
            ),
        ),
        Rule(
            Code.PROGRAMME_TYPO,
            Severity.WARNING,
            N_("Misspelt programme"),
            N_(
                "A programme name is misspelt (such as 'EARK' for 'EAKR') and was read as the "
                "programme it is close to."
            ),
        ),
        Rule(
            Code.MULTIPLE_PROGRAMMES,
            Severity.INFO,
            N_("Several programmes named"),
            N_(
                "The funding text names several programmes; the first in the vocabulary's "
                "order is the project's programme."
            ),
        ),
        Rule(
            Code.PREAMBLE,
            Severity.INFO,
            N_("Text before the first project"),
            N_("Text before the first project or between projects is not a project."),
        ),
        # time
        Rule(
            Code.END_BEFORE_START,
            Severity.ERROR,
            N_("End before start"),
            N_("The period ends before it starts."),
        ),
        Rule(
            Code.STAFF_OUTSIDE_PERIOD,
            Severity.WARNING,
            N_("Staff change outside the period"),
            N_("A date in the staff line lies outside the project's period."),
        ),
        Rule(
            Code.CITY_SHARE_YEAR_OUTSIDE_PERIOD,
            Severity.WARNING,
            N_("City-share year outside the period"),
            N_("The year of a one-year city share is not a year of the project's period."),
        ),
        # money
        Rule(
            Code.CITY_SHARE_ABOVE_BUDGET,
            Severity.ERROR,
            N_("City share above the budget"),
            N_("The city's share is larger than the whole budget."),
        ),
        Rule(
            Code.FUNDING_SUM_MISMATCH,
            Severity.ERROR,
            N_("Funding does not add up to the budget"),
            N_(
                "The funding amounts stated in the funding text do not add up to the budget "
                "(±1 € for rounding)."
            ),
        ),
        Rule(
            Code.SHARE_MISMATCH,
            Severity.ERROR,
            N_("Funding share disagrees with the city share"),
            N_(
                "The stated funding share (such as '80 %') implies a city share of budget × "
                "(100 − share) %, which differs from the whole-period city share by more than "
                "1 €."
            ),
        ),
        Rule(
            Code.STATED_BUDGET_MISMATCH,
            Severity.ERROR,
            N_("Budget in the funding text differs"),
            N_("The funding text states a total budget that differs from the budget field."),
        ),
        # people
        Rule(
            Code.UNKNOWN_TITLE,
            Severity.WARNING,
            N_("Unknown job title"),
            N_(
                "A contact's job title is not one that hankkeet knows; the title is kept as "
                "written. Check its spelling; if the title is right, ask the maintainers of "
                "hankkeet to add it."
            ),
        ),
        Rule(
            Code.TITLE_TYPO,
            Severity.WARNING,
            N_("Misspelt job title"),
            N_("A contact's title is close to a known title and is probably misspelt."),
        ),
        Rule(
            Code.CONTACT_WITHOUT_NAME,
            Severity.WARNING,
            N_("Contact without a name"),
            N_("A contact line holds a title or details but no person's name."),
        ),
        # records
        Rule(
            Code.DUPLICATE_PROJECT,
            Severity.ERROR,
            N_("Same project twice"),
            N_("Two projects have the same name or id."),
        ),
        Rule(
            Code.NO_PROJECTS,
            Severity.ERROR,
            N_("No project in the file"),
            N_("A file holds no project at all."),
        ),
        # prose
        Rule(
            Code.PROSE_FACT,
            Severity.INFO,
            N_("Value read from a sentence"),
            N_(
                "No label gave this field; it was read from the sentence quoted in the message. "
                "Check it in one look."
            ),
        ),
        Rule(
            Code.UNCERTAIN_FACT,
            Severity.WARNING,
            N_("Value too vague to read"),
            N_(
                "A sentence or a labelled value states the fact, but not as one exact value (an "
                "approximation, rounded millions, a part of a total, a cap, two different "
                "totals, or a date that may be a decision's); the field is left empty."
            ),
        ),
        Rule(
            Code.PROSE_ONLY,
            Severity.INFO,
            N_("Project read from prose only"),
            N_(
                "The project has no labelled fields: everything known of it was read from "
                "sentences."
            ),
        ),
        Rule(
            Code.PROSE_DISAGREES,
            Severity.WARNING,
            N_("Sentence disagrees with the label"),
            N_(
                "A sentence of the project states a value that differs from its labelled field; "
                "the labelled value is used."
            ),
        ),
        Rule(
            Code.UNSURE_BOUNDARY,
            Severity.ERROR,
            N_("Unsure where a project or page starts"),
            N_(
                "The text may start a new project or a new page here (pages pasted into one "
                "file), or may continue the one before; it was read as stated in the message, "
                "and the facts of two projects may have been put together. Check both, and "
                "part the pages with a blank line or save them as files of their own."
            ),
        ),
        Rule(
            Code.UNSURE_NAME,
            Severity.WARNING,
            N_("Unsure of the project's name"),
            N_(
                "Nothing the readers trust names this project: no name label, no title line "
                "over its fields, no 'X -hanke' phrase, no list entry that opens with its name. "
                "The record keeps the line the message names, which may be a section heading "
                "or a headline about something else; the message lists the other candidates. "
                "Check the name, or give the project a 'Hankkeen nimi:' line."
            ),
        ),
        Rule(
            Code.UNKNOWN_LAYOUT,
            Severity.WARNING,
            N_("Layout not recognised"),
            N_(
                "The text speaks of projects, but in none of the layouts the readers know "
                "(labelled lines, a register card, a database page, an agenda item, a news "
                "release or a list of projects) with enough evidence to tell where a project "
                "starts and what its name is. Nothing is made up from it: no project is read, "
                "and the finding stands where the text starts. Save the page as HTML or give "
                "each project a title line and labelled lines."
            ),
        ),
        Rule(
            Code.UNREADABLE_FILE,
            Severity.ERROR,
            N_("File cannot be read"),
            N_(
                "An input is missing, or holds NUL bytes, or is in no supported encoding. It is "
                "an error like any other finding (exit 1), and the other inputs are still "
                "checked."
            ),
        ),
        Rule(
            Code.INVALID_BYTE,
            Severity.WARNING,
            N_("Byte that is not UTF-8"),
            N_(
                "A UTF-8 file holds a byte that is not UTF-8 (a damaged character, or text "
                "pasted from a Windows-1252 file). The file is still read as UTF-8 and each "
                "such byte reads as '\ufffd', so the text around it stays as written; the "
                "message names the bytes. A file is read as Windows-1252 only when it is not "
                "UTF-8 as a whole (fewer valid UTF-8 characters beyond ASCII than bytes that "
                "are not UTF-8). Fix the character and save the file as UTF-8."
            ),
        ),
        Rule(
            Code.NO_TEXT_LAYER,
            Severity.ERROR,
            N_("PDF page without text"),
            N_(
                "A page of a PDF has no text layer: it is a scanned image, so nothing on it "
                "can be read, and a project on it is missed. Run the PDF through OCR (for "
                "example ocrmypdf) and read the result."
            ),
        ),
        # linking (hankkeet link): records of one project in several sources
        Rule(
            Code.SOURCES_DISAGREE,
            Severity.WARNING,
            N_("Sources of one project disagree"),
            N_(
                "Records in different sources describe one project ('hankkeet link' says "
                "so: a 'match' group), and they state a field differently: a budget of "
                "52 300 € on one page and 52 000 € on another. The message names both values "
                "and their places; a merged record takes the value of the most trusted source "
                "(a register, then the city's page, then a decision, then news)."
            ),
        ),
        Rule(
            Code.DUPLICATE_ACROSS_FILES,
            Severity.WARNING,
            N_("One project in several files"),
            N_(
                "Records in different files describe one project (a 'match' group of "
                "'hankkeet link'). Read as they are, the project is counted once for each "
                "record; 'hankkeet totals' counts it once (and says so), '--no-merge' counts "
                "each record."
            ),
        ),
    )
}


def near_codes(code: str) -> list[str]:
    """Rule codes close to a mistyped one, nearest first (for 'did you mean')."""
    return difflib.get_close_matches(code.strip().casefold(), RULES.keys(), n=3, cutoff=0.6)


@dataclass(frozen=True)
class Diagnostic:
    """One finding: a rule code and its message as a value, at a 1-based line of a file,
    about a project if known."""

    code: Code
    message: Message
    path: str
    line: int
    project: str | None = None
    column: int | None = None
    # The record field the finding is about (internal: the fidelity scorer reads it).
    about: str | None = field(default=None, compare=False)

    @property
    def severity(self) -> Severity:
        """The rule's severity."""
        return RULES[self.code].severity

    def text(self, language: Language) -> str:
        """The message written in `language`, cut at MESSAGE_MAX characters."""
        text = self.message.text(language)
        return text if len(text) <= MESSAGE_MAX else text[: MESSAGE_MAX - 1] + "…"

    def pack(self) -> Packed:
        """The finding as plain values (see unpack)."""
        return (
            self.code.value,
            pack_message(self.message),
            self.path,
            self.line,
            self.project,
            self.column,
            self.about,
        )

    @classmethod
    def unpack(cls, packed: Packed) -> Diagnostic:
        """The finding `pack` gave."""
        code, message, path, line, project, column, about = packed
        return cls(CODE_OF[code], unpack_message(message), path, line, project, column, about)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON shape of a diagnostic: the message in English, and the values
        that fill it."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.text(Language.EN),
            "args": self.message.values(),
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "project": self.project,
        }


@dataclass
class Report:
    """All findings of one run, with counts; valid when there is no error."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    projects: int = 0
    # --strict-labels: a value read from a sentence fails the run (labelled fields required).
    labels_required: bool = False

    @property
    def counts(self) -> Counter[str]:
        """Number of findings per severity."""
        return Counter(d.severity.value for d in self.diagnostics)

    def codes_found(self) -> set[Code]:
        """The rules of the findings."""
        return {d.code for d in self.diagnostics}

    @property
    def valid(self) -> bool:
        """True when no finding is an error."""
        return not self.counts.get(Severity.ERROR.value)

    def passes(self, strict: bool = False) -> bool:
        """Whether a run passes: no error, and under strict no warning either; under
        --strict-labels no value read from a sentence either. (A report that counts its
        findings instead of holding them gives `counts` and `codes_found` its own way.)"""
        if self.labels_required and self.codes_found() & PROSE_CODES:
            return False
        failing = (Severity.ERROR, Severity.WARNING) if strict else (Severity.ERROR,)
        counts = self.counts
        return not any(counts.get(severity.value) for severity in failing)

    def to_dict(self, strict: bool = False) -> dict[str, Any]:
        """The public JSON shape of a report; `valid` says whether the run passes (or strictly)."""
        counts = self.counts
        return {
            "valid": self.passes(strict),
            "stats": {
                "files": self.files,
                "projects": self.projects,
                "errors": counts.get("error", 0),
                "warnings": counts.get("warning", 0),
                "infos": counts.get("info", 0),
            },
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }
