"""Inputs beyond plain text (issue 24): saved web pages, register exports (CSV, XLSX), web
addresses and folders that mix them. PDFs are in tests/test_pdf.py."""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import MINUTES, SEED, cli, run_process, write_pdf
from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.inputs import (
    SUFFIXES,
    TABLES,
    Kind,
    MissingExtra,
    kind_of_content_type,
    sniff,
)
from hankkeet.inputs.html import decode_page, page_lines
from hankkeet.inputs.tables import PROFILES, UnknownHeaders, read_table
from hankkeet.library import read_projects
from hankkeet.locale import Language
from hankkeet.reading.blocks import IdRegistry, ParsedProject
from hankkeet.reading.kinds import TABLE_KINDS
from hankkeet.reading.sources import FOLDER_SUFFIXES, Source, folder_files

# -- the registry ----------------------------------------------------------------------------


def test_written_out_kinds_agree_with_the_registry() -> None:
    # sources.py and kinds.py name the suffixes and table kinds without importing the
    # registry (a run on text files loads nothing of hankkeet.inputs).
    assert set(SUFFIXES) == FOLDER_SUFFIXES
    assert {k.value for k in TABLES} == TABLE_KINDS


# (first bytes, kind, why)
SNIFFED: list[tuple[bytes, Kind, str]] = [
    (b"%PDF-1.7\n", Kind.PDF, "a PDF's magic number"),
    (b"PK\x03\x04\x14\x00", Kind.XLSX, "a workbook is a zip file"),
    (b"<!DOCTYPE html><html>", Kind.HTML, "a doctype"),
    (b"\xef\xbb\xbf  \n<html lang='fi'>", Kind.HTML, "a BOM and blank lines before <html>"),
    (b"Harrastusten j\xc3\xa4\xc3\xa4nmurtajahanke\n", Kind.TEXT, "text"),
    (b"<Hanke> ei ole merkint\xc3\xa4kieli\xc3\xa4", Kind.TEXT, "text that starts with '<'"),
]


@pytest.mark.parametrize(("head", "kind", "why"), SNIFFED, ids=[w for *_, w in SNIFFED])
def test_sniff(head: bytes, kind: Kind, why: str) -> None:
    assert sniff(head) is kind, why


# (content type, kind, why)
CONTENT_TYPES: list[tuple[str, Kind | None, str]] = [
    ("text/html; charset=ISO-8859-1", Kind.HTML, "parameters left out"),
    ("TEXT/CSV", Kind.CSV, "case ignored"),
    ("application/pdf", Kind.PDF, "a PDF"),
    ("application/octet-stream", None, "unknown: the address or the bytes decide"),
]


@pytest.mark.parametrize(
    ("header", "kind", "why"), CONTENT_TYPES, ids=[w for *_, w in CONTENT_TYPES]
)
def test_kind_of_content_type(header: str, kind: Kind | None, why: str) -> None:
    assert kind_of_content_type(header) is kind, why


# -- saved web pages: markup to lines ----------------------------------------------------------

# (markup of a page, the lines it gives, why)
PAGES: list[tuple[str, list[str], str]] = [
    (
        "<h1>Hanke</h1><p>Ensimmäinen kappale.</p><p>Toinen<br>rivi.</p>",
        ["Hanke", "", "Ensimmäinen kappale.", "", "Toinen", "rivi."],
        "a heading and paragraphs parted by blank lines; <br> ends a line",
    ),
    (
        "<dl><dt>Hankkeen kesto</dt><dd>1.8.2021–30.6.2022</dd>"
        "<dt>Budjetti:</dt><dd>61 875 €</dd></dl>",
        ["Hankkeen kesto: 1.8.2021–30.6.2022", "Budjetti: 61 875 €"],
        "dt/dd as Label: value, a label's own colon kept once",
    ),
    (
        "<table><tr><th>Kaupungin osuus</th><td>12 375 €</td></tr>"
        "<tr><td>Vuosi</td><td>Summa</td><td>Osuus</td></tr>"
        "<tr><td>2021<td>30 000<td>50 %</table>",
        ["Kaupungin osuus: 12 375 €", "Vuosi | Summa | Osuus", "2021 | 30 000 | 50 %"],
        "th/td as a label; a wider row's cells parted, never glued (unclosed td too)",
    ),
    (
        "<table><tr><td>2021</td><td>30 000 €</td></tr></table>",
        ["2021 | 30 000 €"],
        "two data cells: a year is no label",
    ),
    (
        "<ul><li>Yksi<ul><li>Alakohta</li></ul><li>Kaksi</ul>",
        ["Yksi", "Alakohta", "Kaksi"],
        "each list entry on its own line, a nested list too",
    ),
    (
        "<p><strong>Rahoitus:</strong><br>EAKR 108 387 euroa</p>",
        ["Rahoitus: EAKR 108 387 euroa"],
        "a bold label at a paragraph's start keeps its value on its line",
    ),
    (
        "<p><b>Yhteyshenkilö</b> Anne Oikarinen</p>",
        ["Yhteyshenkilö Anne Oikarinen"],
        "bold text without a colon is no label: left as written",
    ),
    (
        "<body><nav><ul><li>Etusivu</li></ul></nav><div id='cookie-consent'>Evästeet</div>"
        "<main><h1>Hanke</h1><p>Teksti.</p><div class='some-jako'>Jaa</div></main>"
        "<aside>Muuta</aside><footer>Kemin kaupunki</footer></body>",
        ["Hanke", "", "Teksti."],
        "the main element alone: navigation, banners, share links, asides and footers out",
    ),
    (
        "<body><header class='site-header'><a class='logo'>Kemi</a></header>"
        "<div class='page-title'><h1>Hanke</h1></div><main><p>Teksti.</p></main></body>",
        ["Hanke", "", "Teksti."],
        "the page's <h1> first when it stands outside <main>",
    ),
    (
        "<body><nav class='breadcrumb'>Etusivu › Hankkeet</nav>"
        "<article><header><h1>Uutinen</h1><p>12.3.2022</p></header><p>Teksti.</p></article>"
        "<article><h2>Toinen</h2><p>Lisää.</p></article></body>",
        ["Uutinen", "", "12.3.2022", "", "Teksti.", "", "Toinen", "", "Lisää."],
        "every article in order; an article's own header is content",
    ),
    (
        "<div class='header'><a>Dynasty tietopalvelu</a> <a>Haku</a></div><p>RSS-linkki</p>"
        "<!--DATABEGIN--><div class='data-part page-title'><p>Kaupunginhallitus</p>"
        "<p>Pöytäkirja 04.12.2023/Pykälä 5</p></div><div class='data-part meetingitem'>"
        "<div class='data-part-block-htm'><div><p><span>§ 5</span></p><p><span>&#xa0;</span></p>"
        "<p><span style='font-weight:bold'>Hanke</span></p></div></div></div><!--DATAEND-->"
        "<div class='footer'><a>&copy;</a></div>",
        ["§ 5", "", "Hanke"],
        "a Dynasty item page: the item's text alone (service header, RSS links, footer out)",
    ),
    (
        "<div class='header'>Etusivu Haku</div><!--DATABEGIN--><table class='tbl navigation'>"
        "<caption class='caption navigation hidden'>Navigointi</caption><tr><td><a>Edellinen "
        "asia</a> | <a>Seuraava asia</a></td><td><a>Muutoksenhakuohje</a></td></tr></table>"
        "<div><p><span>Päätös tarkastetaan heti.</span></p></div><!--DATAEND-->"
        "<div class='footer'><a>&copy;</a></div>",
        ["Päätös tarkastetaan heti."],
        "Dynasty's <!--DATABEGIN-->…<!--DATAEND--> region, its navigation table out",
    ),
    (
        "<p>Ennen</p><div><!-- DATABEGIN --><p>Sisältö</p></div><p>Jälkeen</p><!--DATAEND-->",
        ["Sisältö"],
        "a marked region closed early by its parent's end tag keeps what it held",
    ),
    (
        "<script>document.write('<p>ei</p>')</script><style>p{}</style><p>Kyllä</p>"
        "<p hidden>Piilossa</p><span class='sr-only'>Ruudunlukijalle</span>",
        ["Kyllä"],
        "scripts, styles, hidden text and screen-reader text are no content",
    ),
    (
        "<p>Kustannukset&nbsp;yhteensä &amp; 1&#160;000&nbsp;€</p>",
        ["Kustannukset yhteensä & 1 000 €"],
        "character references read, no-break spaces as spaces",
    ),
]


@pytest.mark.parametrize(("markup", "lines", "why"), PAGES, ids=[w for *_, w in PAGES])
def test_page_lines(markup: str, lines: list[str], why: str) -> None:
    assert page_lines(markup) == lines, why


def test_page_cases_are_unique() -> None:
    assert len({markup for markup, *_ in PAGES}) == len(PAGES)


# (bytes of a page, its text's first line, why)
ENCODINGS: list[tuple[bytes, str, str]] = [
    ("<meta charset='utf-8'><p>Jäänmurtaja</p>".encode(), "Jäänmurtaja", "declared UTF-8"),
    (
        "<meta charset='iso-8859-1'><p>Jäänmurtaja – €</p>".encode("cp1252"),
        "Jäänmurtaja – €",
        "latin-1 declared is read as Windows-1252 (as browsers do): the dash and euro",
    ),
    (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<p>Päijät-Häme</p>".encode("cp1252"),
        "Päijät-Häme",
        "http-equiv Content-Type",
    ),
    ("<p>Jäänmurtaja</p>".encode("cp1252"), "Jäänmurtaja", "nothing declared, not UTF-8"),
    ("<p>Jäänmurtaja</p>".encode(), "Jäänmurtaja", "nothing declared, UTF-8"),
    (
        b"\xef\xbb\xbf" + "<meta charset='iso-8859-1'><p>Jäänmurtaja</p>".encode(),
        "Jäänmurtaja",
        "a byte-order mark outranks <meta>",
    ),
]


@pytest.mark.parametrize(("data", "first", "why"), ENCODINGS, ids=[w for *_, w in ENCODINGS])
def test_page_encoding(data: bytes, first: str, why: str) -> None:
    text, found = decode_page(data, "page.html")
    assert page_lines(text)[0] == first, why
    assert found == []


def test_bytes_that_do_not_fit_the_declared_encoding_are_a_finding() -> None:
    data = "<meta charset='utf-8'><p>Jäänmurtaja</p>".encode("cp1252")
    text, found = decode_page(data, "page.html")
    assert "\ufffd" in text
    assert [d.code for d in found] == [Code.INVALID_BYTE]


# -- saved web pages through the command line ---------------------------------------------------

# A WordPress city page: the site's header, menu, breadcrumbs, a cookie banner and share
# buttons around the entry, as WordPress themes mark them up (entry-header, entry-content).
WORDPRESS = """<!DOCTYPE html>
<html lang="fi"><head><meta charset="UTF-8"><title>Harrastusten jäänmurtajahanke – Kemi</title>
<script>window.dataLayer = [];</script></head>
<body class="page-template-default page">
<a class="skip-link screen-reader-text" href="#content">Siirry sisältöön</a>
<div id="cookie-notice" role="dialog"><p>Käytämme evästeitä.</p><button>Hyväksy</button></div>
<header id="masthead" class="site-header"><p class="site-title">Kemin kaupunki</p>
<nav id="site-navigation" class="main-navigation"><ul><li><a>Hankkeet</a></li>
<li><a>Hankkeen kesto: 1.1.2000–31.12.2001</a></li></ul></nav></header>
<nav class="breadcrumbs"><a>Etusivu</a> / <a>Hankkeet</a></nav>
<main id="main" class="site-main">
<article id="post-65" class="page type-page">
<header class="entry-header"><h1 class="entry-title">Harrastusten jäänmurtajahanke</h1></header>
<div class="entry-content">
<p><strong>Rahoitus:</strong> Euroopan aluekehitysrahaston EAKR:n ja valtion rahoitus 108 387 euroa,
kuntien rahoitus 27 097 euroa.</p>
<table><tbody>
<tr><th>Hankkeen kesto</th><td>1.8.2021–30.6.2022</td></tr>
<tr><th>Kokonaisbudjetti</th><td>61 875 €</td></tr>
<tr><th>Kaupungin osuus</th><td>12 375 €</td></tr>
</tbody></table>
<p><strong>Yhteyshenkilö:</strong> koordinaattori Janne Jylkkä</p>
<p><strong>Hankkeen kuvaus:</strong> Harrastustoimintaa koulupäivän yhteydessä.</p>
</div>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Jaa tämä:</h3>
<ul><li><a class="share-facebook">Facebook</a></li></ul></div>
</article></main>
<aside id="secondary" class="widget-area"><h2>Uusimmat hankkeet</h2>
<ul><li>Koronasta kasvuun -hanke</li></ul></aside>
<footer id="colophon" class="site-footer"><p>Kemin kaupunki, Valtakatu 26</p></footer>
</body></html>
"""


def test_a_saved_page_reads_as_its_project(tmp_path: Path) -> None:
    page = tmp_path / "jaanmurtaja.html"
    page.write_text(WORDPRESS, encoding="utf-8")
    run = cli("list", "--format", "json", str(page))
    assert run.exit_code == 0, run.stderr
    (project,) = json.loads(run.stdout)
    assert project["name"] == "Harrastusten jäänmurtajahanke"
    assert (project["start"], project["end"]) == ("2021-08-01", "2022-06-30")
    assert (project["budget"], project["city_share"]) == (61875, 12375)
    assert project["programme"] == "EAKR"
    assert [c["name"] for c in project["contacts"]] == ["Janne Jylkkä"]
    assert project["source"] == {"path": str(page), "line": 1}


def test_menus_and_banners_make_no_project(tmp_path: Path) -> None:
    page = tmp_path / "jaanmurtaja.htm"
    page.write_text(WORDPRESS, encoding="utf-8")
    items = list(read_projects([page]))
    names = [i.project.name for i in items if isinstance(i, ParsedProject)]
    assert names == ["Harrastusten jäänmurtajahanke"]
    text = " ".join(Source(str(page), page, kind="html")._extracted(None))
    for outside in ("Koronasta kasvuun", "Valtakatu", "evästeitä", "Facebook", "1.1.2000"):
        assert outside not in text


# The Dynasty item pages of the corpus (tests/corpus_html/README.md names the markup), and
# what stands around their item: the service's header, its RSS links, the item navigation
# and the footer.
DYNASTY_PAGES = [
    Path(__file__).parent / "corpus_html" / "agenda" / f"{slug}.html"
    for slug in ("helsinki-baltic-sohjoa-2018", "h2-helsinki-robust-2021")
]
DYNASTY_CHROME = ("Dynasty tietopalvelu", "RSS-linkki", "Kokousasiat", "Edellinen asia",
                  "Muutoksenhakuohje", "PDF-muodossa", "Pykälä", "©")  # fmt: skip


@pytest.mark.parametrize("page", DYNASTY_PAGES, ids=lambda p: p.stem)
def test_a_dynasty_item_page_reads_as_its_item_alone(page: Path) -> None:
    extracted = Source(str(page), page, kind="html")._extracted(None)
    text = "\n".join(extracted)
    assert [c for c in DYNASTY_CHROME if c in text] == []
    as_text = page.parents[2] / "corpus" / "agenda" / f"{page.stem}.txt"
    assert extracted[0] == as_text.read_text(encoding="utf-8").splitlines()[0]


def test_a_page_on_standard_input_is_told_by_its_bytes() -> None:
    run = cli("list", "--format", "json", "-", input=WORDPRESS.encode("utf-8"))
    assert run.exit_code == 0, run.stderr
    assert [p["name"] for p in json.loads(run.stdout)] == ["Harrastusten jäänmurtajahanke"]


def test_show_gives_the_line_of_the_pages_text(tmp_path: Path) -> None:
    page = tmp_path / "jaanmurtaja.html"
    page.write_text(WORDPRESS, encoding="utf-8")
    run = cli("show", "harrastusten", str(page), env={"COLUMNS": "400"})
    assert run.exit_code == 0, run.stderr
    assert f"{page}:1 (line 1 of the text read from the page: " in run.stdout
    assert "'Harrastusten jäänmurtajahanke'" in run.stdout


# -- register exports ---------------------------------------------------------------------------

KOHESIO = (
    "ID,PROJECT NAME,TOTAL BUDGET,AMOUNT EU SUPPORT,START DATE,END DATE,COUNTRY,SUMMARY\n"
    "Q3182468,Kestävää kasvua Pohjois-Savoon,218740.00,153118.00,2023-03-01,2025-02-28,FI,"
    "Hankkeessa kehitetään kiertotaloutta.\n"
    'Q3182470,Rajat ylittävä matkailu,1200000.50,840000.35,2019-01-01,2021-12-31,FI|SE,"Yhteistä '
    'markkinointia | Ruotsin puolella"\n'
    "Q3182471,Huono rivi,noin miljoona,,2020-02-30,31.12.2021,FI,\n"
)

RAKENNERAHASTOT = (
    "Koodi;Rahasto;Hankkeen nimi;Tl;Viranomainen;Tila;Aloituspvm;Päättymispvm;"
    "Toteuttajan nimi;Myönnetty EU- ja valtion rahoitus\n"
    "S21949;EAKR;Matkailun elpyminen;5;Varsinais-Suomen liitto;Päättynyt;1.9.2016;31.12.2018;"
    "Turun ammattikorkeakoulu Oy;344 616,50\n"
    "A72571;ESR;Koronasta kasvuun;3;Lapin ELY-keskus;Käynnissä;1.8.2021;31.7.2023;Kemin kaupunki;"
    "168512\n"
)


def _table(tmp_path: Path, name: str, text: str) -> list[ParsedProject | Diagnostic]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(read_projects([path]))


def test_a_kohesio_export(tmp_path: Path) -> None:
    items = _table(tmp_path, "kohesio.csv", KOHESIO)
    projects = [i for i in items if isinstance(i, ParsedProject)]
    first, second, bad = (p.project for p in projects)
    assert (first.code, first.name, first.budget) == (
        "Q3182468",
        "Kestävää kasvua Pohjois-Savoon",
        Decimal(218740),
    )
    assert str(first.budget) == "218740.00"
    assert first.funding.sources[0].amount == 153118
    assert (str(first.start), str(first.end)) == ("2023-03-01", "2025-02-28")
    assert second.summary == "Yhteistä markkinointia; Ruotsin puolella"  # '|' is a list
    assert (first.source.line, second.source.line, bad.source.line) == (2, 3, 4)
    # A cell that does not read: empty, and a finding on that row naming the column.
    assert (bad.budget, bad.start, bad.end) == (None, None, date(2021, 12, 31))
    found = {(d.code, d.line, d.column) for d in projects[2].diagnostics}
    assert (Code.UNREADABLE_MONEY, 4, 3) in found
    assert (Code.IMPOSSIBLE_DATE, 4, 5) in found
    assert any("column 'TOTAL BUDGET'" in d.text(Language.EN) for d in projects[2].diagnostics)
    assert projects[0].diagnostics == []


def test_the_structural_funds_list(tmp_path: Path) -> None:
    items = _table(tmp_path, "hankkeet.csv", RAKENNERAHASTOT)
    first, second = (i.project for i in items if isinstance(i, ParsedProject))
    assert (first.code, first.fund, first.programme) == ("S21949", "EAKR", "EAKR")
    assert (str(first.start), str(first.end)) == ("2016-09-01", "2018-12-31")
    assert first.funding.sources[0].amount == pytest.approx(344616.5)
    assert str(first.funding.sources[0].amount) == "344616.50"
    assert (second.code, second.programme) == ("A72571", "ESR")
    # Columns the profile does not name are said, never dropped silently.
    assert not [i for i in items if isinstance(i, Diagnostic)]


# (a real download's header row and one of its rows, the project's code, name, period and
# EU and state funding, why). Headers and rows as in the rakennerahastot.fi downloads kept in
# os-data/eu-structural-funds data/FI.finland (projektilista.csv, EURA 2014;
# projektilista-2007-2013.csv, EURA 2007).
REAL_HEADERS: list[tuple[str, tuple[str, str, str, str, str], str]] = [
    (
        "Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,Toteuttajan "
        "nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu "
        "julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä\n"
        "A70303,EAKR,INKA - SmartResearch,2,Innovaatiorahoituskeskus Tekes,Toiminnassa,"
        "1.1.2015,31.12.2016,Oulun Yliopisto,81000,7155,85500,7950\n",
        ("A70303", "INKA - SmartResearch", "2015-01-01", "2016-12-31", "81000"),
        "EURA 2014 (2014-2020), all thirteen columns",
    ),
    (
        "Koodi,Rahasto,Projektin nimi,Ohjelma / osio,Tl,Viranomainen,Toiminnan tila,Aloituspvm,"
        "Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja "
        "valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus "
        "yhteensä\n"
        "S10324,ESR,HoivaRekry,Etelä-Suomen suuralueosio,1,Hämeen elinkeino-, liikenne- ja "
        "ympäristökeskus,Toiminta päättynyt,1.4.2008,31.12.2010,Helsingin yliopiston "
        "Koulutus- ja kehittämiskeskus Palmenia,308999,308999,368999,366699\n",
        ("S10324", "HoivaRekry", "2008-04-01", "2010-12-31", ""),
        "EURA 2007 (2007-2013): 'Projektin nimi'; this row's authority holds the separator",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected", "why"), REAL_HEADERS, ids=[w for *_, w in REAL_HEADERS]
)
def test_a_real_structural_funds_download(
    tmp_path: Path, text: str, expected: tuple[str, str, str, str, str], why: str
) -> None:
    items = _table(tmp_path, "projektilista.csv", text)
    assert not [i for i in items if isinstance(i, Diagnostic) and i.code == Code.UNKNOWN_LABEL]
    (project,) = (i.project for i in items if isinstance(i, ParsedProject))
    code, name, start, end, eu = expected
    assert (project.code, project.name) == (code, name), why
    assert project.budget is None, "public funding is not the budget"
    if eu:
        assert (str(project.start), str(project.end)) == (start, end), why
        assert str(project.funding.sources[0].amount) == eu, why


def test_a_row_with_more_cells_than_columns_is_said_not_shifted(tmp_path: Path) -> None:
    """A download whose cells hold its separator unquoted (the EURA lists' authority names:
    'Hämeen elinkeino-, liikenne- ja ympäristökeskus'): the row's cells cannot be told apart,
    so no value is read from a column after the split; a finding says so."""
    text = REAL_HEADERS[1][0]
    items = _table(tmp_path, "projektilista.csv", text)
    (project,) = (i.project for i in items if isinstance(i, ParsedProject))
    assert (project.start, project.end, project.funding.sources) == (None, None, [])
    (ragged,) = [
        d for i in items if isinstance(i, ParsedProject) for d in i.diagnostics
        if d.code == Code.STRAY_TEXT
    ]  # fmt: skip
    assert (
        ragged.line == 2 and "15" in ragged.text(Language.EN) and "14" in ragged.text(Language.EN)
    )


def test_an_unknown_column_is_said(tmp_path: Path) -> None:
    text = RAKENNERAHASTOT.replace("Tl;", "Tl;Uusi sarake;", 1).replace(";5;", ";5;x;")
    notes = [i for i in _table(tmp_path, "h.csv", text) if isinstance(i, Diagnostic)]
    assert [(d.code, d.line) for d in notes] == [(Code.UNKNOWN_LABEL, 1)]
    assert "Uusi sarake" in notes[0].text(Language.EN)


def test_unknown_headers_exit_2_listing_the_known_ones(tmp_path: Path) -> None:
    path = tmp_path / "muu.csv"
    path.write_text("Nimi,Summa\nJotain,1\n", encoding="utf-8")
    with pytest.raises(UnknownHeaders):
        list(read_table(Kind.CSV, path.read_bytes(), str(path), IdRegistry()))
    run = cli("list", str(path))
    assert run.exit_code == 2
    for header in ("project name", "hankkeen nimi", "name"):
        assert header in run.stderr
    assert run.stdout == ""


def test_profiles_have_one_name_column_each() -> None:
    for profile, aliases in PROFILES.items():
        assert list(aliases.values()).count("name") == 1, profile
        assert all(h == h.casefold().strip() for h in aliases), profile


def _same_records(before: list[dict[str, object]], after: list[dict[str, object]]) -> None:
    """The records agree in every field a flat export carries (where they were read, and
    how, is the export's own: its file and rows)."""
    assert len(before) == len(after) > 0
    for old, new in zip(before, after, strict=True):
        for key in ("source", "lines", "read", "layout"):
            old.pop(key)
            new.pop(key)
        assert old == new


def test_csv_round_trip(tmp_path: Path) -> None:
    exported = cli("list", "--format", "csv", str(SEED))
    (tmp_path / "hankkeet.csv").write_text(exported.stdout, encoding="utf-8")
    before = json.loads(cli("list", "--format", "json", str(SEED)).stdout)
    run = cli("list", "--format", "json", str(tmp_path / "hankkeet.csv"))
    assert run.exit_code == 0, run.stderr
    _same_records(before, json.loads(run.stdout))


def test_excel_csv_round_trip(tmp_path: Path) -> None:
    # --excel: ';' between cells, decimal commas, a BOM.
    exported = cli("list", "--format", "csv", "--excel", str(SEED))
    (tmp_path / "hankkeet.csv").write_text(exported.stdout, encoding="utf-8")
    before = json.loads(cli("list", "--format", "json", str(SEED)).stdout)
    run = cli("list", "--format", "json", str(tmp_path / "hankkeet.csv"))
    assert run.exit_code == 0, run.stderr
    _same_records(before, json.loads(run.stdout))


def test_xlsx_round_trip(tmp_path: Path) -> None:
    book = tmp_path / "hankkeet.xlsx"
    assert cli("list", "-o", str(book), str(SEED)).exit_code == 0
    before = json.loads(cli("list", "--format", "json", str(SEED)).stdout)
    run = cli("list", "--format", "json", str(book))
    assert run.exit_code == 0, run.stderr
    _same_records(before, json.loads(run.stdout))


def test_a_missing_extra_names_the_pip_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl fails
    with pytest.raises(MissingExtra, match=r"pip install 'hankkeet\[xlsx\]'"):
        list(read_table(Kind.XLSX, b"PK\x03\x04", "hankkeet.xlsx", IdRegistry()))


def test_a_missing_extra_exits_2(tmp_path: Path) -> None:
    # A real run whose Python cannot import openpyxl (a module of that name that fails).
    blocker = tmp_path / "blocked"
    blocker.mkdir()
    (blocker / "openpyxl.py").write_text("raise ImportError('blocked')\n", encoding="utf-8")
    book = tmp_path / "hankkeet.xlsx"
    assert cli("list", "-o", str(book), str(SEED)).exit_code == 0
    src = Path(__file__).resolve().parents[1] / "src"
    run = run_process("list", str(book), env={"PYTHONPATH": f"{blocker}:{src}"})
    assert run.exit_code == 2
    assert "pip install 'hankkeet[xlsx]'" in run.stderr
    assert "Traceback" not in run.stderr


# -- folders that mix every kind -----------------------------------------------------------------


def mixed_folder(tmp_path: Path) -> Path:
    """A folder with a text file, a web page, a PDF, a CSV and an XLSX export, each holding
    other projects (the tests that use it are skipped without fpdf2, a test dependency)."""
    folder = tmp_path / "aineisto"
    (folder / "sivut").mkdir(parents=True)
    text = SEED.read_text(encoding="utf-8")
    (folder / "kemi.txt").write_text(text, encoding="utf-8")
    (folder / "sivut" / "jaanmurtaja.HTML").write_text(
        WORDPRESS.replace("Harrastusten jäänmurtajahanke", "Talviharrastukset"), encoding="utf-8"
    )
    (folder / "kohesio.csv").write_text(KOHESIO.rsplit("Q3182471", 1)[0], encoding="utf-8")
    assert cli("list", "-o", str(tmp_path / "x.xlsx"), str(SEED)).exit_code == 0
    book = (tmp_path / "x.xlsx").read_bytes()
    (folder / "oma.xlsx").write_bytes(book)
    # Council minutes of three items, one of them a project of its own name.
    minutes = [line.replace("Perämeren saaristo", "Tornionjokilaakson ") for line in MINUTES]
    write_pdf(folder / "sivut" / "poytakirja.pdf", [[[line] for line in minutes]])
    (folder / "muistiinpanot.md").write_text("ei luettava", encoding="utf-8")
    return folder


def test_a_folder_lists_every_kind(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path)
    names = [p.name for p in folder_files(folder)]
    assert names == ["kemi.txt", "kohesio.csv", "oma.xlsx", "jaanmurtaja.HTML", "poytakirja.pdf"]


def test_a_mixed_folder_with_list_validate_and_totals(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path)
    listed = cli("list", "--format", "json", str(folder))
    assert listed.exit_code == 0, listed.stderr
    records = json.loads(listed.stdout)
    paths = {Path(r["source"]["path"]).name for r in records}
    assert paths == {"kemi.txt", "jaanmurtaja.HTML", "poytakirja.pdf", "kohesio.csv", "oma.xlsx"}
    assert len(records) == 8 + 1 + 1 + 2 + 8
    (minutes,) = [r for r in records if r["source"]["path"].endswith(".pdf")]
    assert minutes["name"] == "Tornionjokilaakson matkailun kehittämishanke"
    # The export repeats the text's projects: their ids get a number, as names read twice do.
    assert len({r["id"] for r in records}) == len(records)
    validated = cli("validate", "--format", "json", str(folder))
    report = json.loads(validated.stdout)
    assert report["stats"]["files"] == 5 and report["stats"]["projects"] == len(records)
    each = cli("totals", "--no-merge", "--format", "json", str(folder))
    assert each.exit_code == 0, each.stderr
    total = json.loads(each.stdout, parse_float=Decimal)["total"]
    assert total["projects"] == len(records)
    budgets = [Decimal(str(r["budget"])) for r in records if r["budget"] is not None]
    assert total["budget"] == sum(budgets)
    # By default the export's 8 records of the text's 8 projects are counted once (issue 25).
    once = cli("totals", "--format", "json", str(folder))
    assert once.exit_code == 0, once.stderr
    assert json.loads(once.stdout)["total"]["projects"] == 8 + 1 + 1 + 2
    assert "--no-merge" in once.stderr


def test_an_empty_folder_names_the_kinds_it_looks_for(tmp_path: Path) -> None:
    run = cli("list", str(tmp_path))
    assert run.exit_code == 2
    assert ".html" in run.stderr and ".xlsx" in run.stderr
