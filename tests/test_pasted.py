"""Pages pasted into one file (issue 27, defect 1): a layout is chosen per part, not per file.

Each row pastes real pages of the corpus one after another, as `cat` joins files (no blank
line between them), and says which projects must come out, in order, and which findings
must say where a page may begin. A page that cannot be told from the one before gives
`unsure-boundary`, an error: `validate` fails, so two pages are never merged silently.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, SEED, cli
from hankkeet.checks import check_project
from hankkeet.diagnostics import Code
from hankkeet.reading.pages import strong_anchor
from hankkeet.reading.parser import ParseResult, parse_text

CORPUS = ROOT / "tests" / "corpus"
SEED_NAMES = [
    "ÄRM-koordinaatiohanke case Veitsiluoto – Kemin äkillisen rakennemuutoksen "
    "toimintasuunnitelman mukainen koordinaatiohanke",
    "Matkailun ja palveluiden elpymissuunnitelma – master plan Kemi",
    "Kemin äkillisen rakennemuutoksen toimenpiteet (case ÄRM-agentti) -hanke",
    "Vahvax-digiosaamista ja -palveluja aikuisuuden ja vanhemmuuden vahvistamiseksi",
    "Perämeren saaristomatkailun kehittämishanke",
    "Ympärivuotinen kaupunkiviljely ja lähiruoan tuottaminen Kemissä",
    "Harrastusten jäänmurtajahanke",
    "Koronasta kasvuun -hanke",
]
HNRY = "6Aika: Hiilineutraalit ja resurssiviisaat yritysalueet HNRY"
TWININNO = (
    "TwinInno - Kahden maakunnan tutkimus-, osaamis- ja innovaatiokeskittymällä "
    "TKI-investoinnit kasvuun"
)
ALUSTA = (
    "ALUSTA : Monikielisten oppilaiden perustaitojen tukeminen ja koulupolkujen sujuvoittaminen"
)


def pasted(*pages: Path) -> str:
    """The pages joined as `cat` joins files (each ending its last line, as an editor
    saves it: the seed's file has no line break at its end)."""
    texts = (page.read_text(encoding="utf-8") for page in pages)
    return "".join(text if text.endswith("\n") else text + "\n" for text in texts)


def read(*pages: Path) -> ParseResult:
    return parse_text(pasted(*pages), "pasted.txt")


def names(result: ParseResult) -> list[str]:
    return [p.project.name for p in result.projects]


def codes(result: ParseResult) -> set[str]:
    return {d.code.value for d in result.all_diagnostics}


AGENDA_HNRY = CORPUS / "agenda" / "helsinki-hnry-2019.txt"
AGENDA_KAJAANI = CORPUS / "agenda" / "h2-kajaani-vesistovisio-2035.txt"
CITY_ALUSTA = CORPUS / "city-page" / "turku-alusta.txt"
DB_LAPUA = CORPUS / "database" / "lapua-kulttuurisilta.txt"
DB_MUHOS = CORPUS / "database" / "muhos-laitasaaren-mombasa.txt"
CARD_TWININNO = CORPUS / "eu-card" / "lab-twininno.txt"
CARD_HOIVADIGI = CORPUS / "eu-card" / "laurea-hoivadigi.txt"
NEWS_PAUKUNHARJU = CORPUS / "news" / "hausjarvi-paukunharju-kota.txt"

# (pages in order, the projects' names in order, codes that must be found, why)
CASES: list[tuple[tuple[Path, ...], list[str], set[str], str]] = [
    (
        (SEED, AGENDA_HNRY),
        [*SEED_NAMES, HNRY],
        {"funding-sum-mismatch"},
        "the seed then an agenda: the agenda's '§' opens a part of its own; the seed's eight "
        "projects and its real error are kept",
    ),
    (
        (AGENDA_HNRY, CITY_ALUSTA),
        [HNRY, ALUSTA],
        set(),
        "an agenda then a city page: the page's title over its labels restates the period",
    ),
    (
        (AGENDA_KAJAANI, CITY_ALUSTA),
        ["Oulujoen vesistöalueen vesistövisio 2035", ALUSTA],
        {"unsure-boundary"},
        "the city page's title glued under the agenda's last line: read as a new page, and said",
    ),
    (
        (DB_LAPUA, DB_MUHOS),
        ["Kulttuurisilta-hanke", "Laitasaaren Mombasa"],
        set(),
        "two database pages: each kind-and-number line opens a page",
    ),
    (
        (CARD_TWININNO, CARD_HOIVADIGI),
        [
            TWININNO,
            "HoivaDigi",
        ],
        set(),
        "two register cards: each card heading opens a page",
    ),
    (
        (SEED, CARD_TWININNO, SEED),
        [
            *SEED_NAMES,
            TWININNO,
            *SEED_NAMES,
        ],
        {"duplicate-project"},
        "a card between two copies of the seed: three parts, the seed read alike twice",
    ),
    (
        (SEED, NEWS_PAUKUNHARJU),
        SEED_NAMES,
        {"unsure-boundary"},
        "a news page glued under the seed's last summary: no sign of its own, so said",
    ),
]


def test_enough_cases_and_no_repeats() -> None:
    assert len(CASES) >= 6
    assert len({why for *_, why in CASES}) == len(CASES)


@pytest.mark.parametrize(("pages", "expected", "found", "why"), CASES, ids=[c[3] for c in CASES])
def test_pasted_pages(
    pages: tuple[Path, ...], expected: list[str], found: set[str], why: str
) -> None:
    result = read(*pages)
    assert [" ".join(n.split()) for n in names(result)] == expected, why
    checked = {d.code.value for p in result.projects for d in check_project(p.project)}
    assert found <= codes(result) | checked, why


def test_each_page_keeps_its_own_facts() -> None:
    """The agenda's project does not take the city page's period or contact (the defect:
    the second page's period under the first page's name)."""
    result = read(AGENDA_HNRY, CITY_ALUSTA)
    hnry, alusta = (p.project for p in result.projects)
    assert (hnry.start, hnry.end) == (date(2019, 1, 1), date(2020, 12, 31))
    assert [c.name for c in hnry.contacts] == []
    assert (alusta.start, alusta.end) == (date(2022, 6, 20), date(2025, 7, 31))
    assert [c.name for c in alusta.contacts] == ["Annika Rae"]


def _anchored(page: Path) -> bool:
    """A page with a line that opens a page of its family (a '§', a card's heading, a
    database page's kind line)."""
    lines = page.read_text(encoding="utf-8").splitlines()
    return any(strong_anchor(line, lines[k - 1] if k else "") for k, line in enumerate(lines))


def test_a_page_with_an_anchor_reads_alike_after_another() -> None:
    """Every corpus page that shows its family by an anchor line gives, pasted after a
    register card, the projects it gives alone. (A page with no such line, a news item say,
    can be taken into the page before it: tested above, it is then said.)"""
    pages = [p for p in sorted(CORPUS.glob("*/*.txt")) if _anchored(p)]
    assert len(pages) >= 20
    for page in pages:
        alone = [p.project.name for p in parse_text(page.read_text(encoding="utf-8")).projects]
        after = names(read(CARD_TWININNO, page))[1:]
        assert after == alone, page.name


def test_a_part_without_projects_is_a_preamble_not_no_projects() -> None:
    """A file with projects never says it holds none; the part that has none is named."""
    not_project = CORPUS / "not-project" / "kangasniemi-leader-valirahoituslainat.txt"
    result = read(not_project, CARD_TWININNO)
    assert len(result.projects) == 1
    assert Code.NO_PROJECTS not in {d.code for d in result.diagnostics}


def test_the_whole_corpus_pasted(tmp_path: Path) -> None:
    """All corpus pages in one file: before, 9 projects; now every register card, database
    page and agenda item is its own (a floor, so that a change that merges pages fails)."""
    text = pasted(*sorted(CORPUS.glob("*/*.txt")))
    result = parse_text(text, "all.txt")
    assert len(result.projects) >= 38
    path = tmp_path / "all.txt"
    path.write_text(text, encoding="utf-8")
    run = cli("--no-config", "validate", str(path))
    assert run.exit_code == 1
    assert "unsure-boundary" in run.stdout


def test_validate_fails_on_an_unsure_boundary(tmp_path: Path) -> None:
    """A boundary that cannot be told is an error: the data steward's CI run stops."""
    path = tmp_path / "two.txt"
    path.write_text(pasted(AGENDA_KAJAANI, CITY_ALUSTA), encoding="utf-8")
    run = cli("--no-config", "validate", "--format", "json", str(path))
    assert run.exit_code == 1
    assert '"unsure-boundary"' in run.stdout
