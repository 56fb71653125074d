"""A project's own text: its lines read again from its source, in step with the projects."""

from __future__ import annotations

from pathlib import Path

import pytest

from hankkeet.library import projects
from hankkeet.models import Project
from hankkeet.reading.own_text import OwnText, own_line
from hankkeet.reading.sources import Source, resolve

# Three projects under a sentence that belongs to none of them; the last one's span runs to
# the end of the file, past a closing sentence.
PAGE = """Kaupungin hankkeet vuonna 2022 on koottu tälle sivulle.

Lukuhanke

Rahoitus ja ohjelma: Kunnan rahoitus.
Toiminta-aika: 1.1.2022–31.12.2022
Kohderyhmä: kirjastojen asiakkaat
Tiivistelmä: Kirjasto on auki.

Uimahanke

Toiminta-aika: 1.6.2022–31.8.2022
Tiivistelmä: Uimahalli on auki.

Kävelyhanke

Toiminta-aika: 1.1.2023–31.12.2023
Tiivistelmä: Kävellään.

Sivua päivitetty 1.2.2023.
"""
LUKU = (
    "Lukuhanke",
    "Kunnan rahoitus.",
    "1.1.2022–31.12.2022",
    "kirjastojen asiakkaat",
    "Kirjasto on auki.",
)
UIMA = ("Uimahanke", "1.6.2022–31.8.2022", "Uimahalli on auki.")
KAVELY = ("Kävelyhanke", "1.1.2023–31.12.2023", "Kävellään.", "Sivua päivitetty 1.2.2023.")


@pytest.fixture
def page(tmp_path: Path) -> Path:
    """The page as a file."""
    path = tmp_path / "sivu.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def _texts(sources: list[Source], wanted: set[int] | None = None) -> list[tuple[str, ...]]:
    """The own lines of each project (of the wanted ones by their place; () for the rest)."""
    own = OwnText(sources)
    out: list[tuple[str, ...]] = []
    for n, project in enumerate(own.follow(projects(sources))):
        out.append(own.lines(project) if wanted is None or n in wanted else ())
    return out


# (line, what is left of it, why)
# fmt: off
LINES: list[tuple[str, str, str]] = [
    ("Budjetti koko toiminta-ajalle: 1000 euroa", "1000 euroa", "a label of ours"),
    ("Kaupungin osuus vuonna 2021: 4979,2 euroa", "4979,2 euroa", "ours, with its year"),
    ("Y-tunnus: 1234567-8", "1234567-8", "a known label of other things"),
    ("Kirjasto on auki: tervetuloa.", "Kirjasto on auki: tervetuloa.", "a sentence, no label"),
    ("  Kävellään yhdessä.  ", "Kävellään yhdessä.", "spaces around are no words"),
]
# fmt: on


@pytest.mark.parametrize(("line", "left", "why"), LINES, ids=[w for _, _, w in LINES])
def test_own_line_leaves_out_the_label(line: str, left: str, why: str) -> None:
    assert own_line(line) == left, why


def test_each_project_has_its_lines(page: Path) -> None:
    """From its first line to the line before the next project; the last to the file's end;
    the sentence above the first project is nobody's; labels and blank lines left out."""
    assert _texts(resolve([str(page)])) == [LUKU, UIMA, KAVELY]


def test_a_project_left_out_is_skipped(page: Path) -> None:
    """A filter that leaves the middle project out: its lines are skipped, not kept."""
    assert _texts(resolve([str(page)]), {0, 2}) == [LUKU, (), KAVELY]
    assert _texts(resolve([str(page)]), {2}) == [(), (), KAVELY]


def test_a_file_named_twice_is_read_twice(page: Path, tmp_path: Path) -> None:
    other = tmp_path / "toinen.txt"
    other.write_text("Toinen sivu\n\nToiminta-aika: 1.1.2020–31.12.2020\n", encoding="utf-8")
    texts = _texts(resolve([str(page), str(other), str(page)]))
    assert texts == [LUKU, UIMA, KAVELY, ("Toinen sivu", "1.1.2020–31.12.2020"), LUKU, UIMA, KAVELY]


def test_only_the_project_just_given_has_lines(page: Path) -> None:
    sources = resolve([str(page)])
    own = OwnText(sources)
    stream = own.follow(projects(sources))
    first: Project = next(stream)
    second: Project = next(stream)
    with pytest.raises(ValueError, match="follow"):
        own.lines(first)
    assert own.lines(second) == UIMA
    stream.close()


def test_the_source_is_closed_when_the_stream_ends(page: Path) -> None:
    sources = resolve([str(page)])
    own = OwnText(sources)
    for project in own.follow(projects(sources)):
        own.lines(project)
    with pytest.raises(ValueError, match="follow"):
        own.lines(project)
