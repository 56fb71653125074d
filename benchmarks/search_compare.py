"""Compare Finnish stemmers and lemmatizers for `hankkeet search` on the seed's vocabulary.

Run with a Python that has hankkeet importable and any of the candidates installed
(snowballstemmer, PyStemmer, simplemma, libvoikko + the system voikko library and dictionary,
pyvoikko); a missing candidate is reported and skipped:

    python benchmarks/search_compare.py            # a Markdown table on stdout
    python benchmarks/search_compare.py --cases    # every (query, word) decision as well

For each candidate: recall and false matches on the gold pairs below (a query word and seed
words that must or must not match it), import + first call time (a fresh process, median of
5), per-word speed over every word of the seed, and the installed size of its distributions.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hankkeet.reading.parser import parse_text
from hankkeet.search import ALL_FIELDS, FieldIndex, WordMatcher, field_text, fold, lower

SEED = Path(__file__).resolve().parents[1] / "data" / "source.txt"

# (query word, seed words it must match, seed words it must not match). The words are read
# from data/source.txt; the negatives are words that only look alike.
GOLD: list[tuple[str, list[str], list[str]]] = [
    ("rakennemuutos", ["rakennemuutoksen", "rakennemuutokseen"], ["muutoskyvykkyyden"]),
    ("matkailu", ["matkailun", "matkailua", "saaristomatkailun", "matkailunelpyminen"], []),
    ("saaristo", ["saaristoon", "saaristomatkailun"], []),
    ("Veitsiluoto", ["Veitsiluoto", "Veitsiluodon"], []),
    ("tehdas", ["tehtaan", "paperitehtaan", "biotuotetehtaan"], ["tehdään", "tehdä"]),
    ("kaupunki", ["kaupungin", "kaupunkikuvaa", "kaupunkiviljely", "kaupunkiviljelyä"], []),
    ("lähiruoka", ["lähiruoan"], []),
    ("Lappi", ["Lapin"], []),
    ("apu", ["avulla"], []),
    (
        "hanke",
        ["hankkeen", "hankkeessa", "Hankkeella", "koordinaatiohanke", "jäänmurtajahanke"],
        [],
    ),
    ("toiminta", ["toiminnan", "toimintaa", "harrastustoiminnan", "liiketoimintaa"], []),
    ("harrastus", ["harrastusten", "harrastuksiin", "harrastusta", "tutustumisharrastus"], []),
    ("yrittäjä", ["yrittäjien", "yrittäjiä", "yrittäjät"], []),
    ("korona", ["koronasta", "koronan", "koronatilanteesta"], []),
    ("vanhemmuus", ["vanhemmuuden"], []),
    ("digitaalinen", ["digitaalisia", "Digitaalisten"], []),
    ("verkosto", ["yhteistyöverkoston", "yhteistyöverkostoja"], []),
    ("kasvu", ["kasvuun", "kasvua", "kasvun"], ["kasvatusalan"]),
    ("koulupäivä", ["koulupäivän", "koulupäivien"], []),
    ("Jylkka", ["Jylkkä"], []),
    ("EU", ["EU"], ["euroa", "Euroopan"]),
    ("AKKE", ["AKKE"], ["äkillisen", "äkilliseen"]),
]

# The same beyond the seed: common inflection patterns (gradation, stem classes, irregular
# stems such as käsi/käden that prefix rules cannot reach) and look-alikes.
BEYOND: list[tuple[str, list[str], list[str]]] = [
    ("kenkä", ["kengän", "kenkiä"], []),
    ("tupa", ["tuvan", "tupaan"], []),
    ("pankki", ["pankin", "pankkiin"], []),
    ("katu", ["kadun", "katuja"], []),
    ("lupa", ["luvan", "lupia"], []),
    ("hammas", ["hampaan"], []),
    ("rikas", ["rikkaan"], []),
    ("kirje", ["kirjeen"], []),
    ("opas", ["oppaan"], []),
    ("ihminen", ["ihmisen", "ihmisiä"], []),
    ("työpaikka", ["työpaikan", "työpaikkoja"], []),
    ("kunta", ["kunnan", "kuntien", "kotikunnassa"], []),
    ("joki", ["joen", "jokea"], []),
    ("lehti", ["lehden", "lehtiä", "sanomalehteen"], []),
    ("käsi", ["käden"], []),
    ("vesi", ["veden", "vettä"], []),
    ("aika", ["ajan"], []),
    ("järvi", ["järven"], []),
    ("kieli", ["kielen"], []),
    ("hevonen", ["hevosen"], []),
    ("kevät", ["kevään"], []),
    ("mies", ["miehen"], []),
    ("ranta", ["rannan", "rantaan"], []),
    ("ilta", ["illan"], []),
    ("jalka", ["jalan", "jalkoja"], []),
    ("sopimus", ["sopimuksen"], []),
    ("rakennus", ["rakennuksen", "rakennukseen"], []),
    ("kysely", ["kyselyn", "asukaskyselyyn"], []),
    ("tila", [], ["tilasto"]),
    ("koulu", [], ["koulutus"]),
    ("kuu", [], ["kuusi"]),
    ("sää", [], ["sääntö"]),
    ("EU", [], ["eurooppa"]),
    ("kasvu", [], ["kasvattaa"]),
    ("tuli", [], ["tulevaisuus"]),
    ("kala", [], ["kallis"]),
    ("ala", [], ["alainen"]),
    ("Kemi", [], ["kemikaali"]),
]


@dataclass
class Candidate:
    """A tool under test: how to make its matcher, and how to time it in a fresh process."""

    name: str
    distributions: list[str]
    timed: str  # Python timed in a fresh process: import the tool and make its first call
    make: Callable[[], Callable[[str, str], bool]]  # -> match(query word, text word)
    normalise: Callable[[], Callable[[str], object]]  # -> per-word work, for the speed test
    system_kib: int = 0  # system packages the tool needs (dpkg Installed-Size), KiB
    preamble: str = ""  # run before the timing starts


def _snowball_module() -> object:
    # The pure-Python Finnish stemmer itself, even where PyStemmer is installed.
    from snowballstemmer.finnish_stemmer import FinnishStemmer

    return FinnishStemmer()


def _stem_match(stem: Callable[[str], str]) -> Callable[[str, str], bool]:
    """Stems equal, or the query's stem (4+ letters) inside the word's: a compound part."""

    def match(query: str, word: str) -> bool:
        q, w = stem(lower(query)), stem(lower(word))
        return q == w or (len(q) >= 4 and q in w)

    return match


def _lemma_match(lemmas: Callable[[str], set[str]]) -> Callable[[str, str], bool]:
    """A lemma in common, or a query lemma (4+ letters) inside a word's lemma: a compound."""

    def match(query: str, word: str) -> bool:
        qs, ws = lemmas(query), lemmas(word)
        return bool(qs & ws) or any(len(q) >= 4 and q in w for q in qs for w in ws)

    return match


def snowball() -> Callable[[str, str], bool]:
    """Snowball (pure Python): stem equality or stem inside the word."""
    stemmer = _snowball_module()
    return _stem_match(stemmer.stemWord)  # type: ignore[attr-defined]


def pystemmer() -> Callable[[str, str], bool]:
    """PyStemmer (Snowball in C): the same algorithm."""
    import Stemmer

    return _stem_match(Stemmer.Stemmer("finnish").stemWord)


def simplemma_lemmas() -> Callable[[str], set[str]]:
    """simplemma's lemma of a word, lower-cased."""
    import simplemma

    return lambda word: {simplemma.lemmatize(word, lang="fi").lower()}


def voikko_lemmas() -> Callable[[str], set[str]]:
    """libvoikko's base forms of a word (the system library and dictionary)."""
    import libvoikko

    voikko = libvoikko.Voikko("fi")
    return lambda word: {a["BASEFORM"].lower() for a in voikko.analyze(word)} or {word.lower()}


def pyvoikko_lemmas() -> Callable[[str], set[str]]:
    """pyvoikko's base forms of a word (pure Python, bundled dictionary)."""
    import pyvoikko

    return lambda word: {a.BASEFORM.lower() for a in pyvoikko.analyse(word)} or {word.lower()}


def hankkeet_matcher() -> Callable[[str, str], bool]:
    """hankkeet.search: Snowball for the query + gradation and stem-class keys + compounds."""

    def match(query: str, word: str) -> bool:
        matcher = WordMatcher.build(lower(query))
        token = lower(word)
        return matcher.matches(fold(token) if matcher.folded else token)

    return match


def hankkeet_keys() -> Callable[[str], object]:
    """The per-word work of hankkeet.search: test a text word against a query word."""
    matcher = WordMatcher.build("rakennemuutos")
    return lambda word: matcher.matches(fold(lower(word)))


CANDIDATES = [
    Candidate(
        "hankkeet.search (snowballstemmer + gradation keys)",
        ["snowballstemmer"],
        "WordMatcher.build('rakennemuutoksen')",
        hankkeet_matcher,
        hankkeet_keys,
        preamble="from hankkeet.search import WordMatcher",
    ),
    Candidate(
        "snowballstemmer (pure Python)",
        ["snowballstemmer"],
        "import sys; sys.modules['Stemmer'] = None\n"
        "import snowballstemmer; snowballstemmer.stemmer('finnish')"
        ".stemWord('rakennemuutoksen')",
        snowball,
        lambda: _snowball_module().stemWord,
    ),  # type: ignore[attr-defined]
    Candidate(
        "PyStemmer (Snowball in C)",
        ["PyStemmer"],
        "import Stemmer; Stemmer.Stemmer('finnish').stemWord('rakennemuutoksen')",
        pystemmer,
        lambda: __import__("Stemmer").Stemmer("finnish").stemWord,
    ),
    Candidate(
        "simplemma (lemmatizer, dictionary)",
        ["simplemma"],
        "import simplemma; simplemma.lemmatize('rakennemuutoksen', lang='fi')",
        lambda: _lemma_match(simplemma_lemmas()),
        simplemma_lemmas,
    ),
    Candidate(
        "libvoikko (ctypes + system libvoikko1, voikko-fi)",
        ["libvoikko"],
        "import libvoikko; libvoikko.Voikko('fi').analyze('rakennemuutoksen')",
        lambda: _lemma_match(voikko_lemmas()),
        voikko_lemmas,
        system_kib=316 + 3920 + 238 + 865,
    ),
    Candidate(
        "pyvoikko (pure Python FST)",
        ["pyvoikko", "kfst", "immutables"],
        "import pyvoikko; pyvoikko.analyse('rakennemuutoksen')",
        lambda: _lemma_match(pyvoikko_lemmas()),
        pyvoikko_lemmas,
    ),
]


def seed_words() -> list[str]:
    """Every word of the searchable fields of the seed, in order, repeats kept."""
    projects = [p.project for p in parse_text(SEED.read_text(encoding="utf-8"), str(SEED)).projects]
    words: list[str] = []
    for project in projects:
        for which in ALL_FIELDS:
            index = FieldIndex.build(field_text(project, which))
            words += [index.text[s:e] for s, e in zip(index.starts, index.ends, strict=True)]
    return words


def installed_kib(distributions: list[str]) -> int | None:
    """The size on disk of the installed files of the distributions, KiB."""
    total = 0
    for name in distributions:
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            return None
        for file in dist.files or []:
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                total += path.stat().st_size
    return total // 1024


def first_call_ms(candidate: Candidate, runs: int = 5) -> float | None:
    """Median time, in a fresh interpreter, of importing the tool and its first call."""
    code = (
        f"{candidate.preamble}\nimport time\n_start = time.perf_counter()\n"
        f"{candidate.timed}\nprint(time.perf_counter() - _start)"
    )

    def once() -> float:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
        if done.returncode:
            raise RuntimeError(done.stderr.decode(errors="replace"))
        return float(done.stdout.decode().split()[-1])

    try:
        return 1000 * statistics.median(once() for _ in range(runs))
    except RuntimeError:
        return None


def score(
    match: Callable[[str, str], bool],
    gold: list[tuple[str, list[str], list[str]]],
) -> tuple[int, int, int, int, list[str]]:
    """(forms found, forms to find, look-alikes matched, look-alikes, the errors)."""
    found = total = wrong = alike = 0
    errors: list[str] = []
    for query, must, must_not in gold:
        for word in must:
            total += 1
            if match(query, word):
                found += 1
            else:
                errors.append(f"{query}→{word} missed")
        for word in must_not:
            alike += 1
            if match(query, word):
                wrong += 1
                errors.append(f"{query}≠{word} matched")
    return found, total, wrong, alike, errors


def per_word_us(normalise: Callable[[str], object], words: list[str]) -> float:
    """Microseconds a word, over every seed word (a warm-up pass first)."""
    for word in words[:50]:
        normalise(word)
    start = time.perf_counter()
    for word in words:
        normalise(word)
    return 1e6 * (time.perf_counter() - start) / len(words)


def main() -> None:
    """Print the comparison as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", action="store_true", help="show every decision")
    args = parser.parse_args()
    words = seed_words()
    print(
        f"{len(words)} seed words ({len(set(words))} distinct); gold pairs: "
        f"{len(GOLD)} seed queries, {len(BEYOND)} beyond the seed\n"
    )
    print(
        "| candidate | recall, seed | false, seed | recall, beyond | false, beyond "
        "| import + first call | per word | installed |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for candidate in CANDIDATES:
        try:
            match = candidate.make()
            normalise = candidate.normalise()
        except (ImportError, OSError) as exc:
            print(
                f"| {candidate.name} | not available here: {type(exc).__name__}: {exc} |"
                " | | | | | | |"
            )
            continue
        cells = []
        for name, gold in (("seed", GOLD), ("beyond", BEYOND)):
            found, total, wrong, alike, errors = score(match, gold)
            cells += [f"{found}/{total} ({100 * found / total:.0f} %)", f"{wrong}/{alike}"]
            if args.cases:
                print(f"<!-- {candidate.name}, {name}: {', '.join(errors) or 'no errors'} -->")
        first = first_call_ms(candidate)
        size = installed_kib(candidate.distributions)
        size_text = f"{size / 1024:.1f} MiB" if size is not None else "?"
        if candidate.system_kib:
            size_text += f" + {candidate.system_kib / 1024:.1f} MiB system packages"
        first_text = f"{first:.0f} ms" if first is not None else "?"
        print(
            f"| {candidate.name} | {' | '.join(cells)} | {first_text} | "
            f"{per_word_us(normalise, words):.1f} µs | {size_text} |"
        )


if __name__ == "__main__":
    main()
