"""`hankkeet search`: Finnish-aware matching, ranking, snippets, output and exit codes.

The expected sets below were worked out by reading data/source.txt, not by running the code.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import pickle
import subprocess
import sys
import weakref
import zlib
from pathlib import Path

import pytest

from conftest import BOTH_RUNNERS, SEED, Runner, cli, run_process
from hankkeet.encode import dumps
from hankkeet.models import Project, pack_project
from hankkeet.query import QueryError
from hankkeet.reading.parser import parse_text
from hankkeet.render.search import (
    MATCH_STYLE,
    SearchFormat,
    highlighted,
    render_json,
    render_search,
    result_row,
)
from hankkeet.render.search_data import result_record
from hankkeet.search import (
    ALL_FIELDS,
    SearchField,
    SearchIndex,
    SearchResult,
    WordMatcher,
    _stemmer,
    field_text,
    fold,
    lower,
    parse_fields,
    parse_query,
    search,
    snippet,
    stem,
)

# The eight projects of the seed, by the start of their ids.
ARM = "arm-koordinaatiohanke"  # ÄRM-koordinaatiohanke case Veitsiluoto – Kemin äkillisen ...
MATKAILU = "matkailun-ja-palveluiden"  # Matkailun ja palveluiden elpymissuunnitelma
KEMIN = "kemin-akillisen-rakennemuutoksen"  # Kemin äkillisen rakennemuutoksen toimenpiteet
VAHVAX = "vahvax"  # Vahvax-digiosaamista ja -palveluja ...
PERAMERI = "perameren-saaristomatkailun"  # Perämeren saaristomatkailun kehittämishanke
VILJELY = "ymparivuotinen-kaupunkiviljely"  # Ympärivuotinen kaupunkiviljely ja lähiruoan ...
HARRASTUS = "harrastusten-jaanmurtajahanke"  # Harrastusten jäänmurtajahanke
KORONA = "koronasta-kasvuun"  # Koronasta kasvuun -hanke
ALL = frozenset({ARM, MATKAILU, KEMIN, VAHVAX, PERAMERI, VILJELY, HARRASTUS, KORONA})


def others(*found: str) -> frozenset[str]:
    """Every seed project but these: the ones a query must not find when it finds exactly these."""
    return ALL - set(found)


# (arguments after `search`, must find, must not find, why)
# fmt: off
QUERIES: list[tuple[tuple[str, ...], frozenset[str], frozenset[str], str]] = [
    (("rakennemuutos",), frozenset({ARM, KEMIN}), others(ARM, KEMIN),
     "rakennemuutoksen/rakennemuutokseen: the s-stem becomes ks; only the two ÄRM projects"),
    (("rakennemuutokseen",), frozenset({ARM, KEMIN}), others(ARM, KEMIN),
     "an inflected query: the stemmer strips the ending"),
    (("Jylkka",), frozenset({HARRASTUS}), others(HARRASTUS),
     "typed without ä it still finds Janne Jylkkä (smart case)"),
    (("JYLKKÄ",), frozenset({HARRASTUS}), others(HARRASTUS), "upper case, with ä"),
    (("Bohme",), frozenset({MATKAILU}), others(MATKAILU), "ö typed as o: Erkki Böhme"),
    (("matkailu",), frozenset({MATKAILU, PERAMERI}), others(MATKAILU, PERAMERI),
     "matkailun, and the compound part of saaristomatkailun"),
    (("saaristo",), frozenset({PERAMERI}), others(PERAMERI),
     "saaristoon and the first part of saaristomatkailun"),
    (("viljely",), frozenset({VILJELY}), others(VILJELY),
     "kaupunkiviljely, kaupunkiviljelyä, viljelymenetelmiä"),
    (("suunnitelma",), frozenset({ARM, MATKAILU}), others(ARM, MATKAILU),
     "toimintasuunnitelman, elpymissuunnitelma, kehittämissuunnitelmalla"),
    (("verkosto",), frozenset({ARM, MATKAILU, KORONA}), others(ARM, MATKAILU, KORONA),
     "yhteistyöverkoston, yhteistyöverkostoja, verkostoitumista"),
    (("perhe",), frozenset({VAHVAX}), others(VAHVAX), "perheiden, perhekeskusta"),
    (("muutos",), frozenset({ARM, KEMIN, KORONA}), others(ARM, KEMIN, KORONA),
     "the last part of rakennemuutoksen; the first of muutoskyvykkyyden (Koronasta funding)"),
    (("Veitsiluoto",), frozenset({ARM, KEMIN}), others(ARM, KEMIN),
     "gradation t/d: Veitsiluodon (Kemin's only mention)"),
    (("tehdas",), frozenset({ARM, KEMIN, MATKAILU}), others(ARM, KEMIN, MATKAILU),
     "gradation d/t and the as-stem: tehtaan, paperitehtaan, biotuotetehtaan"),
    (("lähiruoka",), frozenset({VILJELY}), others(VILJELY), "gradation k/–: lähiruoan"),
    (("kaupunki",), frozenset({VAHVAX, KEMIN, VILJELY}), others(VAHVAX, KEMIN, VILJELY),
     "gradation nk/ng: kaupungin; compounds kaupunkikuvaa, kaupunkiviljely"),
    (("kaupungin",), frozenset({VAHVAX, KEMIN, VILJELY}), others(VAHVAX, KEMIN, VILJELY),
     "the weak grade typed finds the strong one too"),
    (("Lappi",), frozenset({ARM, MATKAILU, KEMIN}), others(ARM, MATKAILU, KEMIN),
     "gradation pp/p: Lapin liitto, Meri-Lapin"),
    (("apu",), frozenset({ARM, MATKAILU}), others(ARM, MATKAILU),
     "gradation p/v in a short word: avulla"),
    (("hanke",), others(VILJELY), frozenset({VILJELY}),
     "hankkeen, hankkeessa, -hanke in compounds; the urban-farming project never says it"),
    (("toiminta",), others(PERAMERI), frozenset({PERAMERI}),
     "gradation nt/nn: toiminnan, harrastustoiminnan; Perämeren's text never has it"),
    (("kasvu",), frozenset({ARM, MATKAILU, KEMIN, KORONA}), frozenset({VAHVAX, PERAMERI}),
     "kasvuun, kasvua, kasvun; not kasvatusalan (Vahvax) nor kasvattaa (Perämeren)"),
    (("EU",), frozenset({MATKAILU, VAHVAX, KORONA}), frozenset({PERAMERI, VILJELY, HARRASTUS}),
     "EU:n of REACT-EU; a short word is not the start of euroa or Euroopan"),
    (("koulu harrastus",), frozenset({HARRASTUS}), others(HARRASTUS),
     "two words: both must match (koulutus alone does not make Vahvax or Kemin a hit)"),
    (("korona yrittäjä",), frozenset({KORONA}), others(KORONA),
     "koronatilanteesta + yrittäjien; Matkailun has korona but no yrittäjä"),
    (("Kemi matkailu",), frozenset({MATKAILU, PERAMERI}), others(MATKAILU, PERAMERI),
     "AND over different fields: Kemi in the name, matkailu in the summary"),
    (("Stora Enso",), frozenset({ARM, KEMIN}), others(ARM, KEMIN),
     "two words in one argument: Stora Enson"),
    (('"master plan"',), frozenset({MATKAILU}), others(MATKAILU), "a quoted phrase"),
    (('"äkillinen rakennemuutos"',), frozenset({ARM, KEMIN}), others(ARM, KEMIN),
     "a phrase of inflected words: äkillisen rakennemuutoksen, äkilliseen rakennemuutokseen"),
    (('"positiivinen rakennemuutos"',), frozenset({KEMIN}), others(KEMIN),
     "positiiviseen rakennemuutokseen"),
    (('"rakennemuutos positiivinen"',), frozenset(), ALL,
     "a phrase keeps its order: nothing says them the other way round"),
    (("12.3",), frozenset({VAHVAX}), others(VAHVAX),
     "a word with inner punctuation is a phrase: erityistavoite 12.3, not 12.1 or 12.4"),
    (("Jylkkä Simonaho",), frozenset(), ALL, "AND: nobody is both"),
    (("Jylkkä Simonaho", "--any"), frozenset({HARRASTUS, KORONA}), others(HARRASTUS, KORONA),
     "--any: either contact"),
    (("Kemi", "--in", "name"), frozenset({ARM, MATKAILU, KEMIN, VILJELY}),
     frozenset({VAHVAX, PERAMERI, HARRASTUS, KORONA}),
     "--in name: Kemi, Kemin, Kemissä in the names; the rest say it in the summary only"),
    (("projektipäällikkö", "--in", "contacts"), frozenset({MATKAILU, VAHVAX, PERAMERI, VILJELY}),
     others(MATKAILU, VAHVAX, PERAMERI, VILJELY), "--in contacts: the job title"),
    (("projektipäällikkö", "--in", "summary"), frozenset(), ALL,
     "--in summary: no summary names the title"),
    (("EAKR", "--in", "funding,name"), frozenset({MATKAILU, PERAMERI, VILJELY, HARRASTUS}),
     others(MATKAILU, PERAMERI, VILJELY, HARRASTUS), "--in with two fields"),
    (("ala",), frozenset(), ALL,
     "a short stem never matches inside a compound (terveysalan, palvelualojen)"),
    (("kenkä",), frozenset(), ALL, "a word the seed does not have"),
    (("Anne",), frozenset({VAHVAX, VILJELY}), others(VAHVAX, VILJELY),
     "two contacts named Anne; not inside koronatilanteesta or tilanteita"),
    (("Rovaniemi",), frozenset(), ALL, "a town the seed does not mention"),
]
# fmt: on


def _ids(args: tuple[str, ...]) -> tuple[int, set[str]]:
    """Exit code and the seed projects (by short id) the search found, through the CLI."""
    run = cli("search", *args, "--format", "json", str(SEED))
    document = json.loads(run.stdout)
    found = set()
    for item in document["results"]:
        found |= {key for key in ALL if item["project"]["id"].startswith(key)}
    return run.exit_code, found


def test_the_query_table_has_no_repeats() -> None:
    args = [q[0] for q in QUERIES]
    assert len(args) == len(set(args))
    assert len(QUERIES) >= 25


@pytest.mark.parametrize(
    ("args", "must", "must_not", "why"), QUERIES, ids=[" ".join(q[0]) for q in QUERIES]
)
def test_query_finds_what_people_mean(
    args: tuple[str, ...], must: frozenset[str], must_not: frozenset[str], why: str
) -> None:
    exit_code, found = _ids(args)
    assert must <= found, f"{why}: missed {sorted(must - found)}"
    assert not (must_not & found), f"{why}: wrongly found {sorted(must_not & found)}"
    assert exit_code == (0 if must else 1)


# (query word, a word of some text, whether it matches, why): the word-level rules.
# fmt: off
WORDS: list[tuple[str, str, bool, str]] = [
    ("kenkä", "kengän", True, "nk/ng"),
    ("tupa", "tuvan", True, "p/v"),
    ("pankki", "pankin", True, "kk/k"),
    ("katu", "kadun", True, "t/d"),
    ("ruoka", "ruoan", True, "k/–"),
    ("kunta", "kotikunnassa", True, "nt/nn inside a compound"),
    ("lehti", "sanomalehteen", True, "ht/hd and i/e, compound"),
    ("joki", "joen", True, "k/– in a short stem, with a case ending"),
    ("hammas", "hampaan", True, "mm/mp and the as-stem"),
    ("opas", "oppaan", True, "p/pp and the as-stem"),
    ("hanke", "hankkeita", True, "e-word: weak nominative, strong stem"),
    ("ihminen", "ihmisiä", True, "nen/s"),
    ("vanhemmuus", "vanhemmuutta", True, "uus/uut"),
    ("kiertotalous", "kiertotalouden", True, "ous/oude: a vowel and -us, like -uus"),
    ("talous", "taloutta", True, "ous/out"),
    ("pimeys", "pimeyden", True, "eys/eyde"),
    ("puhelin", "puhelimen", True, "in/ime"),
    ("yritys", "yrityksiin", True, "s/ks"),
    ("matka", "benchmarkkausmatkojen", True, "a/o of the plural, inside a compound"),
    ("työ", "työtä", True, "a short word with a case ending"),
    ("työ", "yhteistyöverkoston", False, "a short word is never a part inside a compound"),
    ("työ", "työpaikka", False, "nor the first part of one"),
    ("eu", "euroa", False, "EU is not the start of euroa"),
    ("akke", "äkillisen", False, "a folded short stem (ak-) does not start a longer word"),
    ("tehdas", "tehdään", False, "the as-stem doubles the strong grade only"),
    ("kasvu", "kasvatusalan", False, "kasvu- is not kasva-"),
    ("2030", "20300", False, "numbers match whole"),
    ("jylkka", "jylkkä", True, "folded: the query has no ä"),
    ("jylkkä", "jylkka", False, "exact: the query has an ä, the text has none"),
    ("jylkkä", "jylkän", True, "exact, and the ä of the text is where the query has it"),
    ("kenkä", "kenkien", True, "exact: an ending without ä is still the word"),
    ("äkillinen", "akillisen", False, "exact both ways: ä in the query needs ä in the text"),
    ("rakenne", "rakenteen", True, "nn/nt in an e-word"),
    ("anne", "tilanteita", False, "a compound part follows a vowel, n or s, not an l"),
    ("rakenne", "rakentamisvaiheen", False, "the stemmer's short stem (rake) is no prefix"),
    ("kevät", "kevään", True, "a short stem with a case ending"),
]
# fmt: on


@pytest.mark.parametrize(
    ("query", "word", "expected", "why"), WORDS, ids=[f"{q}~{w}" for q, w, _, _ in WORDS]
)
def test_word_rules(query: str, word: str, expected: bool, why: str) -> None:
    matcher = WordMatcher.build(lower(query))
    token = fold(word) if matcher.folded else word
    assert matcher.matches(token) is expected, why


def test_word_table_has_no_repeats() -> None:
    pairs = [(q, w) for q, w, _, _ in WORDS]
    assert len(pairs) == len(set(pairs))


def _block(name: str, contact: str, summary: str) -> str:
    """One project in the seed's format."""
    return (
        f"{name}\n\nRahoitus ja ohjelma: Kunnan rahoitus.\n"
        "Toiminta-aika: 1.1.2022–31.12.2022\nBudjetti koko toiminta-ajalle: 1000 euroa\n"
        "Kaupungin osuus: 100 euroa\nHankehenkilökunnan määrä: 1\n"
        f"Yhteyshenkilö: {contact}\nTiivistelmä: {summary}\n\n"
    )


def _projects(*blocks: str) -> list[Project]:
    return [p.project for p in parse_text("".join(blocks), "test.txt").projects]


@pytest.fixture
def makela(tmp_path: Path) -> Path:
    """Two projects: one says Mäkelä, the other Makela."""
    path = tmp_path / "makela.txt"
    path.write_text(
        _block("Kylätalon korjaus", "projektipäällikkö Anna Mäkelä", "Talo.")
        + _block("Toinen hanke", "projektipäällikkö Pekka Makela", "Muuta."),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Makela", {"kylatalon-korjaus", "toinen-hanke"}),
        ("makela", {"kylatalon-korjaus", "toinen-hanke"}),
        ("Mäkelä", {"kylatalon-korjaus"}),
        ("MÄKELÄ", {"kylatalon-korjaus"}),
    ],
    ids=["plain", "lower", "with-ä", "upper-with-ä"],
)
def test_smart_case(makela: Path, query: str, expected: set[str]) -> None:
    run = cli("search", query, str(makela), "--format", "json")
    assert {r["project"]["id"] for r in json.loads(run.stdout)["results"]} == expected


def test_ranking_name_above_contacts_above_summary() -> None:
    projects = _projects(
        _block("Aaa kirjasto", "projektipäällikkö Pekka Virtanen", "Muuta."),
        _block("Ccc hanke", "projektipäällikkö Kirjasto Virtanen", "Muuta."),
        _block("Bbb hanke", "projektipäällikkö Pekka Virtanen", "Kirjasto on auki."),
    )
    results = search(list(reversed(projects)), parse_query("kirjasto"))
    assert [r.project.name for r in results] == ["Aaa kirjasto", "Ccc hanke", "Bbb hanke"]
    assert [r.fields for r in results] == [
        (SearchField.NAME,),
        (SearchField.CONTACTS,),
        (SearchField.SUMMARY,),
    ]
    assert results[0].score > results[1].score > results[2].score


def test_equal_scores_rank_by_name() -> None:
    projects = _projects(
        *(
            _block(f"{name} hanke", "projektipäällikkö Pekka Virtanen", "Kirjasto on auki.")
            for name in ("Ööö", "Bbb", "Aaa")
        )
    )
    results = search(projects, parse_query("kirjasto"))
    assert len({r.score for r in results}) == 1
    assert [r.project.name for r in results] == ["Aaa hanke", "Bbb hanke", "Ööö hanke"]


def test_a_term_in_more_fields_scores_higher() -> None:
    projects = _projects(
        _block("Kirjasto", "projektipäällikkö Pekka Virtanen", "Kirjasto."),
        _block("Kirjasto", "projektipäällikkö Pekka Virtanen", "Muuta."),
    )
    first, second = search(projects, parse_query("kirjasto"))
    assert first.fields == (SearchField.NAME, SearchField.SUMMARY)
    assert first.score > second.score


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("rakennemuutos", ["rakennemuutos"]),
        ('"master plan" Kemi', ["master plan", "kemi"]),
        ("“master plan”", ["master plan"]),
        ('"master plan', ["master plan"]),
        ("Meri-Lappi", ["meri lappi"]),
        ("  Jylkkä   Simonaho ", ["jylkkä", "simonaho"]),
        ('"" kemi', ["kemi"]),
    ],
    ids=[
        "word",
        "phrase-and-word",
        "typographic-quotes",
        "unclosed-quote",
        "hyphen",
        "spaces",
        "empty-phrase",
    ],
)
def test_parse_query(text: str, terms: list[str]) -> None:
    query = parse_query(text)
    assert [t.text for t in query.terms] == terms
    assert query.text == text


@pytest.mark.parametrize(
    "text", ["", "   ", '""', "!!! --- ..."], ids=["empty", "spaces", "empty-quotes", "punctuation"]
)
def test_empty_query_is_an_error(text: str) -> None:
    with pytest.raises(QueryError, match="empty"):
        parse_query(text)


def test_parse_fields() -> None:
    assert parse_fields(None) == ALL_FIELDS
    assert parse_fields("") == ALL_FIELDS
    assert parse_fields("summary, NAME") == (SearchField.NAME, SearchField.SUMMARY)
    with pytest.raises(QueryError, match="unknown field 'budjetti'"):
        parse_fields("name,budjetti")


def _seed_projects() -> list[Project]:
    return [p.project for p in parse_text(SEED.read_text(encoding="utf-8"), str(SEED)).projects]


def _seed_results(query: str) -> list[SearchResult]:
    return search(_seed_projects(), parse_query(query))


def _indexed(query: str) -> tuple[SearchIndex, list[weakref.ref[Project]]]:
    """The seed added to an index one project at a time, and a weak reference to each."""
    index = SearchIndex(parse_query(query))
    alive = []
    for project in _seed_projects():
        index.add(project)
        alive.append(weakref.ref(project))
    return index, alive


def test_the_index_holds_no_record() -> None:
    """What a search keeps of a stream is the index, never the records: were a project
    held (say in the list of hits), a 60 MB input would stay in memory whole."""
    index, alive = _indexed("kemi")
    gc.collect()
    assert [ref() for ref in alive] == [None] * 8
    assert index.total == 8
    assert len(index.ranked()) == 8


def test_results_are_made_whole_as_they_are_read() -> None:
    """The records shown come back exactly as they were read, in the ranked order."""
    index, _alive = _indexed("rakennemuutos")
    found = index.ranked()
    results = index.results(found)
    assert len(results) == len(found) == 2
    by_id = {p.id: p for p in _seed_projects()}
    assert [r.project for r in results] == [by_id[f.id] for f in found]
    assert [r.score for r in results] == [f.score for f in found]
    assert results[1:][0].project.id == found[1].id
    assert list(results) == _seed_results("rakennemuutos")


def test_a_found_record_is_kept_as_the_workers_pack_it() -> None:
    """One codec for a record (issue 26): what a search keeps of a project it found is
    models.pack_project's plain values, as a worker sends them (a third smaller pickled
    than the model), and it comes back equal in every field and in the fields it had set."""
    index, _alive = _indexed("kemi")
    found = index.ranked()
    by_id = {p.id: p for p in _seed_projects()}
    for kept in found:
        assert pickle.loads(zlib.decompress(kept.record)) == pack_project(by_id[kept.id])
    for result in index.results(found):
        original = by_id[result.project.id]
        assert result.project == original
        assert result.project.model_fields_set == original.model_fields_set


def test_snippet_highlights_the_matched_words() -> None:
    results = _seed_results("rakennemuutos")
    for result in results:
        piece = snippet(result)
        assert piece is not None and piece.field is SearchField.SUMMARY
        assert piece.spans
        for start, end in piece.spans:
            assert piece.text[start:end].lower().startswith("rakennemuutok")
        assert len(piece.text) <= 130  # a short piece, not the whole summary
        assert "  " not in piece.text


def test_snippet_prefers_the_piece_with_most_terms() -> None:
    [result] = _seed_results("korona yrittäjä")
    piece = snippet(result)
    assert piece is not None
    words = {piece.text[s:e].lower() for s, e in piece.spans}
    assert any(w.startswith("korona") for w in words)
    assert any(w.startswith("yrittäj") for w in words)


def test_snippet_cut_marks() -> None:
    [result] = _seed_results('"master plan"')
    piece = snippet(result)
    assert piece is not None
    assert piece.text.endswith("…")
    for start, end in piece.spans:
        assert piece.text[start:end].lower() == "master plan"


def test_name_only_match_shows_the_summary_start() -> None:
    [result] = search(_seed_projects(), parse_query("elpymissuunnitelma"), (SearchField.NAME,))
    assert result.project.id.startswith(MATKAILU)
    piece = snippet(result)
    assert piece is not None and piece.spans == ()
    assert piece.text.startswith("Hankkeen tavoitteena on")


def test_highlighted_text_is_data_not_markup() -> None:
    text = highlighted("a [bold]x[/] rakennemuutos", [(13, 26)])
    assert text.plain == "a [bold]x[/] rakennemuutos"
    assert [(s.start, s.end, str(s.style)) for s in text.spans] == [(13, 26, MATCH_STYLE)]


def test_table_cells_are_highlighted() -> None:
    [result] = _seed_results("Jylkka")
    name, fields, excerpt = result_row(result)
    assert name.spans == []  # the name did not match
    assert fields.plain == "contacts"
    assert excerpt.plain == "korrdinattori Janne Jylkkä"
    assert [excerpt.plain[s.start : s.end] for s in excerpt.spans] == ["Jylkkä"]


def test_table_in_colour_marks_the_match() -> None:
    results = _seed_results("Jylkka")
    coloured = render_search("Jylkka", results, SearchFormat.TABLE, width=100, color=True)
    plain = render_search("Jylkka", results, SearchFormat.TABLE, width=100, color=False)
    assert "\x1b[" in coloured and "\x1b[" not in plain
    assert "\x1b[1;31mJylkkä\x1b[0m" in coloured


def test_markup_in_the_data_prints_literally(tmp_path: Path) -> None:
    path = tmp_path / "markup.txt"
    path.write_text(
        _block(
            "Kylätalo [red]", "projektipäällikkö Anna [/]", "Kylätalo [bold]korjataan[/] kuntoon."
        ),
        encoding="utf-8",
    )
    run = cli("search", "korjata", str(path))
    assert run.exit_code == 0, run.stderr
    assert "[bold]korjataan[/]" in run.stdout
    assert "Kylätalo [red]" in run.stdout


@pytest.mark.parametrize("fmt", list(SearchFormat), ids=str)
def test_every_format_renders(fmt: SearchFormat) -> None:
    results = _seed_results("rakennemuutos")
    # Every format names the projects found (JSON Lines and CSV have no room for the query).
    assert "rakennemuutok" in render_search("rakennemuutos", results, fmt).lower()
    empty = render_search("kenkä", [], fmt)
    if fmt is SearchFormat.JSON:
        assert json.loads(empty) == {"query": "kenkä", "results": []}
    elif fmt is SearchFormat.JSONL:
        assert empty == ""
    elif fmt is SearchFormat.CSV:
        assert len(list(csv.reader(io.StringIO(empty)))) == 1  # the header, still valid


def test_json_carries_the_list_record() -> None:
    run = cli("search", "rakennemuutos", "--format", "json")
    assert run.exit_code == 0, run.stderr
    document = json.loads(run.stdout)
    assert document["query"] == "rakennemuutos"
    listed = {r["id"]: r for r in json.loads(cli("list", "--format", "json").stdout)}
    for item in document["results"]:
        assert set(item) == {"project", "score", "fields"}
        assert item["project"] == listed[item["project"]["id"]]
        assert item["fields"] == ["name", "summary"]
        assert item["score"] > 0
    scores = [item["score"] for item in document["results"]]
    assert scores == sorted(scores, reverse=True)


def test_json_writes_decimals_exactly() -> None:
    [result] = _seed_results("Jylkka")
    text = render_json("Jylkka", [result])
    assert '"budget": 61875' in text
    assert json.loads(text)["results"][0]["project"]["budget"] == 61875


def test_json_written_a_result_at_a_time_is_the_whole_document() -> None:
    """The pieces make exactly the text of dumps() over the whole document, empty or not."""
    results = _seed_results("kemi")
    document = {"query": "kemi", "results": [result_record(r) for r in results]}
    assert render_json("kemi", results) == dumps(document, indent=2) + "\n"
    assert render_json("kenkä", []) == dumps({"query": "kenkä", "results": []}, indent=2) + "\n"


def test_table_output() -> None:
    run = cli("search", "rakennemuutos")
    assert run.exit_code == 0, run.stderr
    assert "2 projects: rakennemuutos" in run.stdout
    assert "Kemin äkillisen rakennemuutoksen" in run.stdout
    assert "name, summary" in run.stdout


def test_no_result_table_says_so_on_stderr() -> None:
    run = run_process("search", "kenkä")
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "no project matches 'kenkä'" in run.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("search", "rakennemuutos"), 0, ""),
        (("search", "Rovaniemi", "--format", "json"), 1, ""),
        (("search", ""), 2, "the query is empty"),
        (("search", "..."), 2, "the query is empty"),
        (("search", "kemi", "--in", "budjetti"), 2, "unknown field 'budjetti'"),
        (("search", "kemi", "/no/such/file.txt"), 2, "hankkeet: "),
        (("search", "kemi", "--active", "huomenna"), 2, "hankkeet: "),
    ],
    ids=["found", "none", "empty", "punctuation", "bad-field", "missing-file", "bad-active"],
)
@pytest.mark.parametrize("runner", BOTH_RUNNERS)
def test_exit_codes(runner: Runner, args: tuple[str, ...], code: int, message: str) -> None:
    run = runner(*args)
    assert run.exit_code == code, run.stderr
    assert message in run.stderr
    assert "Traceback" not in run.stderr


def test_filters_apply_before_search() -> None:
    run = cli(
        "search", "rakennemuutos", "--programme", "AKKE", "--active", "2023", "--format", "json"
    )
    ids = [r["project"]["id"] for r in json.loads(run.stdout)["results"]]
    assert len(ids) == 1 and ids[0].startswith(ARM)  # Kemin's ended in 2022


def test_help_has_an_example() -> None:
    run = cli("search", "--help")
    assert run.exit_code == 0
    assert "Example: hankkeet search" in run.stdout


def test_list_does_not_load_the_stemmer() -> None:
    code = (
        "import sys\nfrom hankkeet.cli import app\n"
        "for args in (['list'], ['search', 'rakennemuutos']):\n"
        "    try:\n        app(args, standalone_mode=False)\n"
        "    except SystemExit:\n        pass\n"
        "    loaded = sorted(m for m in sys.modules if m == 'hankkeet.search' or 'stem' in m)\n"
        "    print('after', args[0], ':', *loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"COLUMNS": "100", "NO_COLOR": "1", "PATH": ""},
    )
    lines = done.stdout.splitlines()
    assert "after list :" in lines
    [after_search] = [line for line in lines if line.startswith("after search")]
    assert "hankkeet.search" in after_search
    assert "finnish_stemmer" in after_search
    # Only the Finnish stemmer, not snowballstemmer's 36 languages.
    assert "english_stemmer" not in after_search


def _seed_words() -> list[str]:
    words = []
    for project in _seed_projects():
        for which in ALL_FIELDS:
            words += lower(field_text(project, which)).split()
    return words


def test_the_finnish_stemmer_alone_stems_like_the_package() -> None:
    import snowballstemmer  # type: ignore[import-untyped]

    public = snowballstemmer.stemmer("finnish").stemWord
    words = sorted(set(_seed_words()))
    assert len(words) > 300
    assert [stem(w) for w in words] == [public(w) for w in words]


def test_the_stemmer_falls_back_to_the_public_api(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name, package=None: None)
    _stemmer.cache_clear()
    try:
        assert stem("rakennemuutoksen") == "rakennemuutoks"
    finally:
        _stemmer.cache_clear()


@pytest.mark.slow  # real processes, one a case: CI's slow lane runs them
@pytest.mark.parametrize("fmt", list(SearchFormat), ids=str)
def test_control_characters_in_the_query_never_reach_the_output(fmt: SearchFormat) -> None:
    for query in ("kemi\x1b[2J", "Jylkka\x1b]0;x\x07", "Rovaniemi\x1b[31m\nrivi"):
        run = run_process("search", query, "--format", fmt)
        assert run.exit_code in (0, 1), run.stderr
        assert "\x1b" not in run.stdout + run.stderr
        assert "Traceback" not in run.stderr
        # The echoed query stays on its one line (the other lines are the run's notes).
        assert not any(line.startswith("rivi") for line in run.stderr.splitlines())
        assert len([x for x in run.stderr.splitlines() if "matches" in x]) <= 1


# -- the project's own text: pages of prose are searched too (issue 27, defect 8) ------------

CORPUS = Path(__file__).resolve().parent / "corpus"
KIERTOTALOUS = frozenset(
    {
        "city-page/h3-savonia-kiertotalous-kasvu.txt",
        "city-page/h3-siilinjarvi-kierre.txt",
        "city-page/h3-xamk-mikkelipuisto.txt",
        "database/h3-maaseutuverkosto-kiertokylat.txt",
        "eu-card/h3-eura-hy-kiertotalous-etela-savo.txt",
        "eu-card/h3-eura-lapinamk-kiertotalous.txt",
        "list-page/h3-lapinliitto-paattyneet-hankkeet.txt",
        "news/h3-uusiouutiset-circwaste.txt",
    }
)

# (arguments after `search`, the corpus pages it must find, exactly, why). The pages were
# found with grep -ril on the word's stem over tests/corpus/*/*.txt, not by running search.
# fmt: off
CORPUS_QUERIES: list[tuple[tuple[str, ...], frozenset[str], str]] = [
    (("kiertotalous",), KIERTOTALOUS,
     "grep kiertotalou: 8 pages; 4 say it only in paragraphs no field holds (kiertotalouden, "
     "Kiertotaloutta), among them the news page and the list page that have no summary"),
    (("kiertotalous", "--in", "text"), KIERTOTALOUS,
     "--in text alone: every page's own lines, the summaries' lines among them"),
    (("kylätalo",), frozenset({
        "leader/h2-aisapari-lakaluoma-kylatalo.txt", "leader/h2-outokaira-laukota.txt",
        "leader/h2-tasapaa-leikkipaikka.txt", "leader/h3-emo-salonkyla-kylatalo.txt",
        "leader/vihtijarvi-kylatalo-investointi.txt"}),
     "grep kylätalo: 6 Leader pages; Laukota says it in its title line (-kylätalohanke, not in "
     "the name Laukota); Tupurin maja's news reports two theme projects' 27 measures, no "
     "project is read from it (unknown-layout), so search has no record of it to find"),
    (("jätehuolto",), frozenset({"news/h3-uusiouutiset-circwaste.txt"}),
     "grep jätehuol: jätehuollon, jätehuoltoon in a news text with no summary"),
    (("resurssiviisaus",), frozenset({"city-page/h3-siilinjarvi-kierre.txt"}),
     "grep resurssiviisau: resurssiviisauden, Resurssiviisaudella in a page with no summary; "
     "the Helsinki agenda's resurssiviisaat is the adjective viisas, another word"),
    (("biotalous",), frozenset({
        "city-page/h3-siilinjarvi-kierre.txt", "list-page/h3-lapinliitto-paattyneet-hankkeet.txt"}),
     "grep biotalou: the name Arktinen biotalous, and biotalouden in KierRe's paragraphs"),
    (("matkailu",), frozenset({
        "agenda/h3-mikkeli-paamaja-kuntarahoitus.txt", "agenda/h3-puumala-visitsaimaa.txt",
        "agenda/h3-varsinais-suomi-matkailun-elpyminen.txt", "city-page/h3-ahtari-pandatalous.txt",
        "city-page/h3-xamk-mikkelipuisto.txt", "database/kairala-kestavan-kehityksen-kairala.txt",
        "database/ristiina-astuvan-juuret.txt", "news/h3-esavo-paamaja-do-saimaa.txt"}),
     "grep matkailu: 8 pages; Ähtäri's and Mikkelipuisto's say it in numbered goals only "
     "(matkailun, matkailu- ja hyvinvointialan)"),
]
# fmt: on


def _corpus_pages(args: tuple[str, ...]) -> tuple[int, set[str]]:
    """Exit code and the corpus pages (kind/file) of the projects the search found."""
    run = cli("search", *args, str(CORPUS), "--format", "json")
    found = json.loads(run.stdout)["results"]
    pages = {Path(r["project"]["source"]["path"]).relative_to(CORPUS).as_posix() for r in found}
    return run.exit_code, pages


def test_the_corpus_query_table_has_no_repeats() -> None:
    args = [q[0] for q in CORPUS_QUERIES]
    assert len(args) == len(set(args))


@pytest.mark.parametrize(
    ("args", "pages", "why"), CORPUS_QUERIES, ids=[" ".join(q[0]) for q in CORPUS_QUERIES]
)
def test_every_page_s_own_text_is_searched(
    args: tuple[str, ...], pages: frozenset[str], why: str
) -> None:
    exit_code, found = _corpus_pages(args)
    assert found == pages, f"{why}: missed {sorted(pages - found)}, wrongly {sorted(found - pages)}"
    assert exit_code == 0


# (query, page, what the excerpt shows, what it must not show, why)
# fmt: off
SNIPPETS: list[tuple[str, str, str, str, str]] = [
    ("jätehuolto", "news/h3-uusiouutiset-circwaste.txt",
     "saavuttamaan jätehuollon tavoitteet", "Facebooktwitterlinkedin",
     "a news page with no summary: the paragraph where the word stands, not the page's start"),
    ("Jokiväylä", "eu-card/h3-eura-lapinamk-kiertotalous.txt",
     "Jokiväylä 11 C", "Vähähiilisyys",
     "a card with a summary: the address line where the word stands, not the summary's start"),
]
# fmt: on


@pytest.mark.parametrize(
    ("query", "page", "shown", "not_shown", "why"), SNIPPETS, ids=[s[0] for s in SNIPPETS]
)
def test_the_snippet_is_taken_where_the_match_stands(
    query: str, page: str, shown: str, not_shown: str, why: str
) -> None:
    run = cli("search", query, str(CORPUS / page), env={"COLUMNS": "250"})
    assert run.exit_code == 0, run.stderr
    [row] = [line for line in run.stdout.splitlines() if shown in line]
    assert "  text  " in row, f"{why}: the text field matched"
    assert not_shown not in run.stdout, why
    document = json.loads(cli("search", query, str(CORPUS / page), "--format", "json").stdout)
    assert [r["fields"] for r in document["results"]] == [["text"]], why


def test_the_snippet_of_the_text_highlights_the_match() -> None:
    """The spans point at the matched word in the excerpt of the project's own text."""
    from hankkeet.library import projects
    from hankkeet.reading.own_text import OwnText
    from hankkeet.reading.sources import resolve

    sources = resolve([str(CORPUS / "news" / "h3-uusiouutiset-circwaste.txt")])
    index = SearchIndex(parse_query("jätehuolto"))
    own = OwnText(sources)
    for project in own.follow(projects(sources)):
        index.add(project, own.lines(project))
    [result] = index.results(index.ranked())
    piece = snippet(result)
    assert piece is not None and piece.field is SearchField.TEXT
    assert [piece.text[s:e] for s, e in piece.spans] == ["jätehuollon"]
    assert piece.text.startswith("…") and len(piece.text) <= 130


LUKUHANKE = """Lukuhanke

Rahoitus ja ohjelma: Kunnan rahoitus.
Toiminta-aika: 1.1.2022–31.12.2022
Budjetti koko toiminta-ajalle: 1000 euroa
Kohderyhmä: kirjastojen asiakkaat ja koululaiset
Yhteyshenkilö: projektipäällikkö Pekka Virtanen
Tiivistelmä: Kirjasto on auki.
"""
OLD_FIELDS = ("--in", "name,summary,funding,contacts")

# (query, the fields that matched, whether the score is that of the other fields alone, why)
# fmt: off
COUNTED_ONCE: list[tuple[str, list[str], bool, str]] = [
    ("auki", ["summary"], True,
     "the summary's line is the summary's: the text leaves it out, nothing counts twice"),
    ("Pekka Virtanen", ["contacts"], True,
     "the contact line says the contact's words: not counted again in the text"),
    ("kirjasto", ["summary", "text"], False,
     "kirjastojen is a word the summary does not have: a further mention counts"),
    ("koululainen", ["text"], False,
     "a word only the text has (under a label of other things, Kohderyhmä)"),
]
# fmt: on


@pytest.mark.parametrize(
    ("query", "fields", "same_score", "why"), COUNTED_ONCE, ids=[c[0] for c in COUNTED_ONCE]
)
def test_a_match_is_counted_once(
    tmp_path: Path, query: str, fields: list[str], same_score: bool, why: str
) -> None:
    path = tmp_path / "lukuhanke.txt"
    path.write_text(LUKUHANKE, encoding="utf-8")
    run = cli("search", query, str(path), "--format", "json")
    [result] = json.loads(run.stdout)["results"]
    assert result["fields"] == fields, why
    old = json.loads(cli("search", query, str(path), *OLD_FIELDS, "--format", "json").stdout)
    if same_score:
        assert [r["score"] for r in old["results"]] == [result["score"]], why
    else:
        assert not old["results"] or old["results"][0]["score"] < result["score"], why


def test_labels_are_not_the_project_s_words(tmp_path: Path) -> None:
    """Every project has 'Budjetti' and 'Kaupungin osuus' lines: the labels are left out."""
    path = tmp_path / "lukuhanke.txt"
    path.write_text(LUKUHANKE, encoding="utf-8")
    for query in ("budjetti", "kohderyhmä", "tiivistelmä"):
        run = cli("search", query, str(path), "--format", "json")
        assert json.loads(run.stdout)["results"] == [], query
        assert run.exit_code == 1


def test_in_text_is_a_field() -> None:
    assert parse_fields("text") == (SearchField.TEXT,)
    assert ALL_FIELDS[-1] is SearchField.TEXT  # the last choice for a snippet on a tie
    assert "text" in cli("search", "--help", env={"COLUMNS": "200"}).stdout


def test_standard_input_is_read_again_for_the_text() -> None:
    page = (CORPUS / "news" / "h3-uusiouutiset-circwaste.txt").read_bytes()
    run = cli("search", "jätehuolto", "-", "--format", "json", input=page)
    assert run.exit_code == 0, run.stderr
    assert [r["fields"] for r in json.loads(run.stdout)["results"]] == [["text"]]


@pytest.mark.slow
@pytest.mark.parametrize("query", ["hanke", "2021 Kemi", "euroa"], ids=str)
def test_workers_find_what_one_process_finds(query: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """--jobs 2 with parts of 1500 characters: the same results, texts and snippets (the
    golden cases of tests/test_jobs.py run more queries with --jobs 2)."""
    from hankkeet.reading import workers

    monkeypatch.setattr(workers, "PART_CHARS", 1500)
    monkeypatch.setattr(workers, "AHEAD", 1)
    generated = str(Path(__file__).resolve().parent / "golden" / "generated.txt")
    outputs = []
    for jobs in ("1", "2"):
        for fmt in ("json", "table"):
            run = cli("--jobs", jobs, "search", query, generated, "--format", fmt)
            outputs.append((run.exit_code, run.stdout))
    assert outputs[:2] == outputs[2:]
    results = json.loads(outputs[0][1])["results"]
    assert any("text" in r["fields"] for r in results)  # the text field took part
