"""Human output fits the width it is given and never breaks a word of the data inside.

Every command's table or picture is rendered at 60, 80, 100 and 160 columns, in both
languages; no line may be wider than the width, and no word of the data may be split
(a line may break at a space or after a hyphen only).
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from conftest import SEED, cli
from hankkeet.reading.parser import parse_text
from hankkeet.render.layout import fit_widths, least_width, pieces, wrap, wrap_measured

WIDTHS = [60, 80, 100, 160]
LANGS = ["en", "fi"]
HARR = "harrastusten-jaanmurtajahanke"

# (arguments, why)
COMMANDS = [
    (["list"], "the list table"),
    (["list", "--active", "2022"], "the README's first command"),
    (["list", "--ids"], "the list with the id column"),
    (["show", HARR], "every field of one project"),
    (["show", "kemin-akillisen"], "a long name and a one-year city share"),
    (["totals"], "totals without groups"),
    (["totals", "--by-program"], "the finance headline"),
    (["totals", "--by-year"], "years only"),
    (["totals", "--by-program", "--by-year"], "the programme × year pivot"),
    (["totals", "--by-funder"], "funders"),
    (["totals", "--by-contact"], "contacts"),
    (["totals", "--by-program", "--by-funder", "--by-contact"], "three keys"),
    (["totals", "--by-program", "--chart"], "bars by programme"),
    (["totals", "--by-contact", "--chart"], "bars by contact"),
    (["totals", "--by-year", "--chart"], "bars by year"),
    (["validate"], "the findings"),
    (["validate", "--list-rules"], "the rule catalogue"),
    (["search", "korona"], "search results with snippets"),
    (["search", "Jylkka"], "a contact match"),
    (["timeline"], "the Gantt chart"),
]

_EDGE = "│┃|#<>.,;:!?()[]{}'\"…–—-+*"


def _strip(word: str) -> str:
    return word.strip(_EDGE)


@cache
def vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """The data's words (and their hyphen pieces), and every proper start and end of them."""
    words: set[str] = set()
    for item in parse_text(SEED.read_text(encoding="utf-8")).projects:
        p = item.project
        texts = [
            p.name,
            p.id,
            p.summary or "",
            p.funding.text or "",
            p.programme or "",
            *(c.name or "" for c in p.contacts),
            *(c.title or "" for c in p.contacts),
        ]
        for text in texts:
            for word in re.split(r"\s+", text):
                # A line may break after any hyphen: every run of whole pieces is a word.
                parts = pieces(word)
                words.update(
                    _strip("".join(parts[i:j]))
                    for i in range(len(parts))
                    for j in range(i + 1, len(parts) + 1)
                )
    # Words the tool writes itself (headers and notes in both languages, a suggested title)
    # are whole words even where they happen to start or end a word of the data.
    from hankkeet.locale import LOCALE_DIR
    from hankkeet.locale.msgfmt import parse_po

    catalog = parse_po(
        (LOCALE_DIR / "fi" / "LC_MESSAGES" / "hankkeet.po").read_text(encoding="utf-8")
    )
    from hankkeet.diagnostics import RULES

    own = " ".join([*catalog, *catalog.values(), *(r.title for r in RULES.values())])
    own = own.replace("\0", " ")
    for word in re.split(r"\s+", own):
        parts = pieces(word)
        words.update(
            _strip("".join(parts[i:j]))
            for i in range(len(parts))
            for j in range(i + 1, len(parts) + 1)
        )
    # The rule explanations' examples ('1.1.2023 alkaen', '2027–2028'): their numbers are
    # whole words too, not only the ends of a date.
    words.update(re.findall(r"[0-9]+", own))
    words.update({"koordinaattori"})
    words.discard("")
    affixes = {w[:i] for w in words for i in range(4, len(w))}
    affixes |= {w[i:] for w in words for i in range(1, len(w) - 3)}
    return frozenset(words), frozenset(affixes - words)


def broken_words(text: str) -> list[str]:
    """Pieces of the output that are only a start or an end of a data word."""
    _words, affixes = vocabulary()
    found = []
    for line in text.splitlines():
        for token in re.split(r"[ \t]+", line):
            core = _strip(token)
            if len(core) >= 4 and core in affixes:
                found.append(core)
    return found


@pytest.mark.parametrize("lang", LANGS)
# The narrow widths, where things break, in the fast loop; the wide ones with the slow tests.
@pytest.mark.parametrize(
    "width", [w if w <= 80 else pytest.param(w, marks=pytest.mark.slow) for w in WIDTHS]
)
@pytest.mark.parametrize(("args", "why"), COMMANDS, ids=[c[1] for c in COMMANDS])
def test_output_fits_and_breaks_no_word(args: list[str], why: str, width: int, lang: str) -> None:
    run = cli("--lang", lang, *args, env={"COLUMNS": str(width)})
    assert run.exit_code in (0, 1), run.stderr
    assert run.stdout.strip(), why
    for line in run.stdout.splitlines():
        assert cell_len(line) <= width, f"{why}: {line!r}"
    assert broken_words(run.stdout) == [], why


def test_the_broken_word_check_finds_a_broken_word() -> None:
    assert broken_words("projektikoordinaa\nttori") == ["projektikoordinaa", "ttori"]
    assert broken_words("projektikoordinaattori ÄRM-\nkoordinaatiohanke") == []


# (text, width, expected lines, why)
WRAPS = [
    (
        "ÄRM-koordinaatiohanke case",
        10,
        ["ÄRM-", "koordinaa…", "case"],
        "a hyphen is a break; a word wider than the width is cut, never folded",
    ),
    ("ja -palveluja", 6, ["ja", "-palv…"], "a leading hyphen is not a break"),
    (
        "108 387 euroa",
        8,
        ["108\u00a0387\u00a0euroa"[:7] + "…"],
        "an amount in user text is one piece (its spaces become NBSPs)",
    ),
    (
        "1.8.2021\u00a0– 30.6.2022",
        12,
        ["1.8.2021\u00a0–", "30.6.2022"],
        "a period breaks after the dash, never before it",
    ),
    ("a b c", 80, ["a b c"], "short text is one line"),
]


@pytest.mark.parametrize(("text", "width", "expected", "why"), WRAPS, ids=[w[3] for w in WRAPS])
def test_wrap(text: str, width: int, expected: list[str], why: str) -> None:
    assert wrap(text, width) == expected, why


def test_wrap_table_is_unique() -> None:
    assert len({w[3] for w in WRAPS}) == len(WRAPS)


# Spaces, hyphens and dashes (the breaks), digits and units (amounts), NBSP, tabs, newlines,
# wide, zero-width and joining characters: every way a line's cells can differ from its length.
_WRAP_TEXT = st.text(
    st.sampled_from(list("ab cd-–—\t\n0 1€%\xa0äö…漢\u0301\u200b\u200d\ufe0f\x85\u2028.,'👍")),
    max_size=60,
) | st.lists(st.sampled_from(["euroa", "EUR", " 000", "e ", "  ", "Ähtäri", "-", "12"])).map(
    "".join
)


@given(_WRAP_TEXT, st.integers(min_value=-2, max_value=40))
def test_wrap_adds_up_what_wrap_measured_measures(text: str, width: int) -> None:
    """wrap counts a line's cells piece by piece (or by length); wrap_measured measures each
    candidate line whole: the lines are the same."""
    assert wrap(text, width) == wrap_measured(text, width)


def test_least_width_is_the_longest_piece() -> None:
    assert least_width("Vahvax-digiosaamista ja -palveluja") == len("digiosaamista")


# (least, natural, room, expected, why)
FITS = [
    ([5, 5], [10, 10], 30, [10, 10], "room for all"),
    ([5, 5], [10, 30], 30, [10, 20], "the small column is satisfied first"),
    ([5, 5], [10, 10], 9, None, "not even the least widths fit"),
]


@pytest.mark.parametrize(
    ("least", "natural", "room", "expected", "why"), FITS, ids=[f[4] for f in FITS]
)
def test_fit_widths(
    least: list[int], natural: list[int], room: int, expected: list[int] | None, why: str
) -> None:
    assert fit_widths(least, natural, room) == expected, why


@pytest.mark.parametrize("width", [60, 80])
def test_narrow_list_says_what_it_left_out(width: int) -> None:
    run = cli("list", env={"COLUMNS": str(width)})
    assert "At this width, column" in run.stderr, "a note, on stderr as the counts"
    assert "--format csv" in run.stderr
    assert "At this width" not in run.stdout


def test_wide_list_leaves_nothing_out() -> None:
    run = cli("list", env={"COLUMNS": "160"})
    assert "At this width" not in run.stdout + run.stderr
    assert "Contacts" in run.stdout and "City share" in run.stdout
