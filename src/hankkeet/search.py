"""Finnish-aware search over project records: query terms, matching, ranking and snippets.

No I/O, no printing. How a query word finds the forms of the text:

1. The word is lower-cased; when it holds no letter with a diacritic (``Jylkka``), the text is
   compared with its diacritics folded away (ä→a, ö→o, å→a), otherwise exactly (smart case).
2. The word becomes a few *keys*: itself, its Snowball stem (the Finnish stemmer strips case
   and possessive endings from a typed ``rakennemuutoksen``), and the stems its inflected forms
   take that no stemmer gives back: consonant gradation (``Veitsiluoto``/``Veitsiluodon``,
   ``kaupunki``/``kaupungin``, ``ruoka``/``ruoan``, ``hanke``/``hankkeen``) and the stem
   classes of ``-s`` (``muutos``/``muutoksen``, ``tehdas``/``tehtaan``,
   ``vanhemmuus``/``vanhemmuuden``), ``-nen`` and ``-in`` words, with the stem vowel's plural
   changes (``matka``/``matkoja``).
3. A key of four letters or more matches a word of the text that starts with it (any ending)
   or holds it from its third letter on, after a vowel, n or s (a part of a compound:
   ``saaristomatkailun`` holds ``matkailu``; ``tilanteita`` does not hold ``Anne``). A
   shorter key, or a short stem the stemmer cut too far (``rakenne`` → ``rake``), matches
   only a whole word with an inflectional ending (``EU:n``, ``avulla``), never the start or
   inside of a longer word (``EU`` is not ``euroa``, ``ala`` is not in ``terveysalan``).

Every term must match (AND) unless any term is enough (OR); a quoted phrase, or a word with
inner punctuation (``Meri-Lappi``), matches consecutive words on one line.

The fields are the record's name, summary, funding text and contacts, and the project's own
text: the lines the reader gave it in its source, labels left out (reading.own_text), so a
page of prose with no summary is searched too. The text would say the other fields' words
again, so it holds only the lines no other searched field says whole, and a term another
field found counts in the text only in words that field does not have: no match is counted
twice, and its snippet shows the text where the match stands.

A search reads its projects as a stream: SearchIndex matches each one as it comes and keeps
only what ranking, sorting and the snippet need of those it finds (their records packed as
the workers send them, models.pack_project, then pickled and compressed; and the text when
the text matched), so a 60 MB input is never held as records; only the results shown are
made whole again.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import math
import pickle
import re
import sys
import types
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple, overload

from hankkeet.locale import M_
from hankkeet.models import Project, pack_project, unpack_project
from hankkeet.query import QueryError


class SearchField(StrEnum):
    """The parts of a project that search looks in."""

    NAME = "name"
    SUMMARY = "summary"
    FUNDING = "funding"
    CONTACTS = "contacts"
    # The project's own lines in its source (reading.own_text): a page of prose that has no
    # summary is searched too. Not a part of the record: SearchIndex.add is given it.
    TEXT = "text"


ALL_FIELDS: tuple[SearchField, ...] = tuple(SearchField)

# How much one match weighs in each field: a name says what the project is about, a contact
# is an exact person, the summary and the funding text mention many things in passing, and
# the rest of a project's text (a page's paragraphs, its footer, the values of other fields)
# holds the most words in passing.
FIELD_WEIGHTS: dict[SearchField, float] = {
    SearchField.NAME: 3.0,
    SearchField.CONTACTS: 2.0,
    SearchField.SUMMARY: 1.0,
    SearchField.FUNDING: 1.0,
    SearchField.TEXT: 0.5,
}

# BM25's term-frequency saturation: the third mention of a word adds less than the first.
BM25_K1 = 1.2

# Keys shorter than this match only whole words (plus an inflectional ending).
MIN_PART = 4
# A compound part starts at this index of a word or later (``yö`` is the shortest first part).
MIN_PART_OFFSET = 2
# A compound's first part ends in a vowel, in -n (a genitive) or in -s (kehittämis-,
# yritys-): a key found after any other letter is not a part (Anne is not in tilanteita).
PART_FOLLOWS = frozenset("aeiouyäöåns")
# A key shorter than this is too vague to use, unless it is the whole query word (``EU``).
# A stem from the stemmer shorter than this matches whole words only (see query_keys).
MIN_STEM_PART = 5
MIN_KEY = 3

VOWELS = frozenset("aeiouyäöå")
# The stem vowel of a word and what it may turn into before plural and other endings:
# matka→matkoja/matkailu, yrittäjä→yrittäjiä, hanke→hankkeita, kaupunki→kaupungeissa.
# fmt: off
STEM_VOWELS: dict[str, str] = {
    "a": "aio", "ä": "äöi", "e": "ei", "i": "ie", "o": "o", "ö": "ö", "u": "u", "y": "y",
}

# Consonant gradation (astevaihtelu) at the end of a stem: strong grade -> weak grade.
# Pairs of two letters apply to the end of the consonant cluster; the single-letter pairs
# apply only to a lone consonant after a vowel (ruoka→ruoan, tupa→tuvan, Veitsiluoto→-luodon).
WEAKENING: tuple[tuple[str, str], ...] = (
    ("kk", "k"), ("pp", "p"), ("tt", "t"), ("nk", "ng"), ("mp", "mm"), ("nt", "nn"),
    ("lt", "ll"), ("rt", "rr"), ("ht", "hd"), ("lk", "l"), ("lk", "lj"), ("rk", "r"),
    ("rk", "rj"), ("lp", "lv"), ("rp", "rv"),
    ("k", ""), ("p", "v"), ("t", "d"),
)
STRENGTHENING: tuple[tuple[str, str], ...] = (
    ("ng", "nk"), ("mm", "mp"), ("nn", "nt"), ("ll", "lt"), ("rr", "rt"), ("hd", "ht"),
    ("lj", "lk"), ("rj", "rk"), ("lv", "lp"), ("rv", "rp"),
    ("k", "kk"), ("p", "pp"), ("t", "tt"), ("d", "t"), ("v", "p"),
)
# fmt: on

# What may follow a short key in a whole word: a case ending, optionally after the plural
# i/j (työtä, avulla, EU:n, Kemissä, lapin, kevään). Only for keys of fewer than MIN_PART
# letters and short stems from the stemmer; longer keys take any ending.
SHORT_WORD_ENDING = (
    r"(?:[ij]?(?:n|t|a|ä|ta|tä|tta|ttä|na|nä|ne|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi"
    r"|en|den|tten|[aeiouyäö]n|h[aeiouyäö]n|seen|siin))?"
)

WORD_PATTERN = re.compile(r"\w+")
# Straight and typographic double quotes open and close a phrase.
QUERY_PATTERN = re.compile(r"[\"“”„]([^\"“”„]*)[\"“”„]?|([^\s\"“”„]+)")


@functools.cache
def fold_char(char: str) -> str:
    """A letter without its diacritics (ä→a, ö→o, å→a), when that leaves exactly one letter."""
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 else char


class _FoldTable(dict[int, str]):
    """str.translate's table for folding, filled in as characters are first seen."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def lower(text: str) -> str:
    """Lower-case, one character for one, so positions in it are positions in the text."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # Rare letters (İ) lower to two characters: keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold(text: str) -> str:
    """Diacritics folded away, one character for one."""
    return text.translate(_FOLD_TABLE)


def has_diacritics(word: str) -> bool:
    """Whether folding would change the word (then it is matched exactly)."""
    return fold(word) != word


# The name under which the Finnish module of snowballstemmer is loaded on its own.
_FINNISH_ONLY = "_hankkeet_snowball_finnish"


@functools.cache
def _stemmer() -> Callable[[str], str]:
    """Snowball's Finnish stemmer, loaded on the first search (never by `list`).

    `import snowballstemmer` imports all of its 36 languages (about 13 ms, most of what a
    search cost over `list`); the Finnish module alone loads in under 1 ms. So the package
    folder is mounted under a private name and only finnish_stemmer (with basestemmer and
    among, which it imports) is loaded from it; the public API is the fallback should that
    layout change.
    """
    try:
        spec = importlib.util.find_spec("snowballstemmer")
        folders = spec.submodule_search_locations if spec else None
        if folders is None:
            raise ImportError("snowballstemmer is not a package folder")
        if _FINNISH_ONLY not in sys.modules:
            mount = types.ModuleType(_FINNISH_ONLY)
            mount.__path__ = list(folders)
            sys.modules[_FINNISH_ONLY] = mount
        finnish = importlib.import_module(f"{_FINNISH_ONLY}.finnish_stemmer")
        stem_word: Callable[[str], str] = finnish.FinnishStemmer().stemWord
    except (ImportError, AttributeError):
        module = importlib.import_module("snowballstemmer")
        stem_word = module.stemmer("finnish").stemWord
    return stem_word


def stem(word: str) -> str:
    """The Snowball Finnish stem of a lower-case word (case and possessive endings removed)."""
    return _stemmer()(word)


# The records of this module are NamedTuples, not dataclasses: they are made once per module
# load, and a frozen dataclass costs about 0.5 ms to create against a NamedTuple's 0.1 ms.
class StemKey(NamedTuple):
    """A stem a word of the text may start with: a literal and, optionally, one vowel of a set."""

    literal: str
    vowels: str = ""
    whole: bool = False  # only a whole word with a case ending, never a prefix or a part

    @property
    def size(self) -> int:
        """How many letters of a word the key covers."""
        return len(self.literal) + (1 if self.vowels else 0)

    def pattern(self, folded: bool) -> str:
        """The key as a regular expression, with diacritics folded when asked."""
        literal = fold(self.literal) if folded else self.literal
        vowels = "".join(sorted(set(fold(self.vowels) if folded else self.vowels)))
        return re.escape(literal) + (f"[{vowels}]" if vowels else "")


def _cluster(root: str) -> str:
    """The consonants at the end of a stem."""
    end = len(root)
    while end > 0 and root[end - 1] not in VOWELS:
        end -= 1
    return root[end:]


def _regrade(root: str, rules: Iterable[tuple[str, str]]) -> set[str]:
    """The root with the consonants at its end changed by each rule that applies."""
    cluster = _cluster(root)
    if not cluster or len(cluster) == len(root):
        return set()
    out: set[str] = set()
    for before, after in rules:
        fits = cluster.endswith(before) if len(before) > 1 else cluster == before
        if fits:
            out.add(root[: len(root) - len(before)] + after)
    return out


def grades(root: str) -> set[str]:
    """The root in both grades of consonant gradation: kaupunk/kaupung, jylkk/jylk, ruok/ruo."""
    return {root} | _regrade(root, WEAKENING) | _regrade(root, STRENGTHENING)


def word_keys(word: str) -> set[StemKey]:
    """The stems the inflected forms of a lower-case base-form word start with."""
    keys = {StemKey(word)}
    last = word[-1]
    if last in STEM_VOWELS and len(word) > 1:
        root = word[:-1]
        if last == "e":
            # hanke→hankkeen, tarve→tarpeen: the nominative of an e-word is the weak grade.
            roots = {root} | _regrade(root, STRENGTHENING)
            if root[-1:] in ("k", "p", "t"):
                roots.add(root + root[-1])
        else:
            # kunta→kunnan, kaupunki→kaupungin: the nominative is the strong grade. Only
            # weakening, so a name without gradation gets no made-up stem (Anne is not ante-).
            roots = {root} | _regrade(root, WEAKENING)
        keys |= {StemKey(r, STEM_VOWELS[last]) for r in roots if _cluster(r) != r}
    elif word.endswith("nen") and len(word) > 4:
        keys.add(StemKey(word[:-3] + "s"))  # positiivinen → positiivisen, positiivista
    elif len(word) > 2 and last == "s" and word[-2] in VOWELS:
        keys.add(StemKey(word[:-1] + "ks"))  # muutos → muutoksen, yritys → yrityksiin
        if word[-2] in "aäei":
            # tehdas → tehtaan, rikas → rikkaan: the vowel doubles, the consonant strengthens.
            stems = _regrade(word[:-2], STRENGTHENING) or {word[:-2]}
            keys |= {StemKey(s + word[-2] * 2) for s in stems}
        if word[-2] in "uy" and word[-3:-2] in VOWELS:
            # vanhemmuus → vanhemmuuden, talous → talouden, taloutta (a vowel and -us)
            keys |= {StemKey(word[:-1] + "de"), StemKey(word[:-1] + "t")}
    elif word.endswith("in") and len(word) > 4:
        keys.add(StemKey(word[:-1] + "me"))  # puhelin → puhelimen
    return keys


def stem_keys(stemmed: str) -> set[StemKey]:
    """Keys from the Snowball stem of an inflected word: kaupung→kaupunk, rakennemuutoks→-os."""
    if stemmed[-1:] in STEM_VOWELS:
        return word_keys(stemmed)
    keys = {StemKey(s) for s in grades(stemmed)}
    if stemmed.endswith("ks"):
        keys.add(StemKey(stemmed[:-2] + "s"))
    return keys


def query_keys(word: str) -> set[StemKey]:
    """Every key of a lower-case query word, the too-short ones dropped."""
    if word.isdigit():
        return {StemKey(word)}
    keys = word_keys(word)
    stemmed = stem(word)
    if stemmed and stemmed != word:
        # Snowball sometimes takes a base form's end for an ending (rakenne → rake, as if
        # -nne were a possessive): a short stem stands for whole words only, never a prefix.
        keys |= {
            k if k.size >= MIN_STEM_PART else k._replace(whole=True) for k in stem_keys(stemmed)
        }
    shortest = min(MIN_KEY, len(word))
    return {k for k in keys if k.size >= shortest}


class WordMatcher(NamedTuple):
    """One query word, ready to test the words of a text."""

    word: str
    folded: bool
    part: re.Pattern[str] | None
    whole: re.Pattern[str] | None

    @classmethod
    def build(cls, word: str) -> WordMatcher:
        """The matcher of a lower-case query word (smart case decided by its letters)."""
        folded = not has_diacritics(word)
        keys = sorted(query_keys(word), key=lambda k: (-k.size, k))
        # Numbers and words shorter than MIN_PART never match inside or at the start of a
        # longer word: short stems hit too much by chance.
        short_word = word.isdigit() or len(word) < MIN_PART
        short = {k for k in keys if short_word or k.whole or k.size < MIN_PART}
        long_keys = [k.pattern(folded) for k in keys if k not in short]
        short_keys = [k.pattern(folded) for k in keys if k in short]
        ending = fold(SHORT_WORD_ENDING) if folded else SHORT_WORD_ENDING
        if word.isdigit():
            ending = ""
        return cls(
            word=word,
            folded=folded,
            part=re.compile("|".join(long_keys)) if long_keys else None,
            whole=re.compile(f"(?:{'|'.join(short_keys)}){ending}") if short_keys else None,
        )

    def matches(self, token: str) -> bool:
        """Whether a word of the text (lower-cased, folded when this word folds) matches."""
        if self.whole is not None and self.whole.fullmatch(token):
            return self._same_marks(token)
        if self.part is None:
            return False
        # At the start of the word (any ending follows), or a later part of a compound.
        if self.part.match(token):
            return self._same_marks(token)
        at = MIN_PART_OFFSET
        while (inside := self.part.search(token, at)) is not None:
            start = inside.start()
            if token[start - 1] in PART_FOLLOWS and self._same_marks(token[start:]):
                return True
            at = start + 1
        return False

    def _same_marks(self, text: str) -> bool:
        """Exact matching: where the word and the text agree up to diacritics, the diacritics
        agree too. A key may have lost the word's ä with its ending (the stem of jylkkä is
        jylk), and jylkkä must still not match jylkka."""
        if self.folded:
            return True
        for mine, theirs in zip(self.word, text, strict=False):
            if mine == theirs:
                continue
            return fold_char(mine) != fold_char(theirs)
        return True


class Term(NamedTuple):
    """A query word or phrase; a phrase's words must stand next to each other."""

    text: str
    words: tuple[WordMatcher, ...]


class Query(NamedTuple):
    """A parsed query: the text as typed and its terms."""

    text: str
    terms: tuple[Term, ...]


def parse_query(text: str) -> Query:
    """Terms of a query: words, "quoted phrases", and words with inner punctuation as phrases.

    QueryError when nothing searchable is left (an empty query, or punctuation only).
    """
    terms: list[Term] = []
    for found in QUERY_PATTERN.finditer(unicodedata.normalize("NFC", text)):
        chunk = found.group(1) if found.group(1) is not None else found.group(2)
        words = WORD_PATTERN.findall(lower(chunk))
        if words:
            terms.append(Term(" ".join(words), tuple(WordMatcher.build(w) for w in words)))
    if not terms:
        raise QueryError(M_("the query is empty: give at least one word to search for"))
    return Query(text, tuple(terms))


def parse_fields(spec: str | None) -> tuple[SearchField, ...]:
    """'name,summary' as fields, in their standard order; None or empty means all of them."""
    if spec is None or not spec.strip():
        return ALL_FIELDS
    wanted: set[SearchField] = set()
    for part in spec.split(","):
        name = part.strip().casefold()
        if not name:
            continue
        try:
            wanted.add(SearchField(name))
        except ValueError:
            raise QueryError(
                M_(
                    "unknown field '{name}' for --in; known: {known}",
                    name=part.strip(),
                    known=", ".join(ALL_FIELDS),
                )
            ) from None
    return tuple(f for f in ALL_FIELDS if f in wanted)


def field_text(project: Project, which: SearchField, own: str = "") -> str:
    """The searchable text of one field of a project; contacts one a line. The text field
    is not in the record: it is `own`, the project's own lines one a line."""
    if which is SearchField.TEXT:
        return own
    if which is SearchField.NAME:
        return project.name
    if which is SearchField.SUMMARY:
        return project.summary or ""
    if which is SearchField.FUNDING:
        return project.funding.text or ""
    return "\n".join(
        " ".join(filter(None, (c.title, c.name, c.email, c.phone))) for c in project.contacts
    )


class FieldIndex(NamedTuple):
    """A field's text (NFC) and its words: where each stands, lower-cased and folded."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    lowered: tuple[str, ...]
    folded: tuple[str, ...]

    @classmethod
    def build(cls, text: str) -> FieldIndex:
        """Split a field into words once, for every query word to test."""
        text = unicodedata.normalize("NFC", text)
        lowered = lower(text)
        folded = fold(lowered)
        spans = [m.span() for m in WORD_PATTERN.finditer(lowered)]
        return cls(
            text,
            tuple(s for s, _ in spans),
            tuple(e for _, e in spans),
            tuple(lowered[s:e] for s, e in spans),
            tuple(folded[s:e] for s, e in spans),
        )

    def find(
        self, term: Term, tests: Sequence[Callable[[str], bool]] | None = None
    ) -> list[tuple[int, int]]:
        """(start, end) of every place the term matches: a word, or a phrase on one line.

        `tests` stand in for the words' own `matches`, one for each (SearchIndex gives
        memoised ones).
        """
        words = term.words
        checks = [w.matches for w in words] if tests is None else tests
        forms = [self.folded if w.folded else self.lowered for w in words]
        first, first_forms = checks[0], forms[0]
        rest = list(enumerate(zip(checks, forms, strict=True)))[1:]
        spans: list[tuple[int, int]] = []
        for i in range(len(self.starts) - len(words) + 1):
            if not first(first_forms[i]) or not all(test(f[i + n]) for n, (test, f) in rest):
                continue
            start, end = self.starts[i], self.ends[i + len(words) - 1]
            if "\n" not in self.text[start:end]:
                spans.append((start, end))
        return spans


class Hit(NamedTuple):
    """One place a term matched: field, span in the field's text, and which term."""

    field: SearchField
    start: int
    end: int
    term: int


class SearchResult(NamedTuple):
    """A project that matched, its score, the fields that matched and where."""

    project: Project
    score: float
    fields: tuple[SearchField, ...]
    hits: tuple[Hit, ...]
    texts: dict[SearchField, str]

    def spans(self, which: SearchField) -> list[tuple[int, int]]:
        """The matched spans of one field, in order."""
        return sorted((h.start, h.end) for h in self.hits if h.field is which)


class Found(NamedTuple):
    """A project the query found, held without its record: its score, what sorting looks at
    (a query.Sortable), where the terms matched, and the record packed, pickled and compressed until
    it is shown (SearchIndex.result)."""

    score: float
    name: str
    id: str
    start: date | None
    end: date | None
    budget: Decimal | None
    city_share: Decimal | None
    programme: str | None
    fields: tuple[SearchField, ...]
    hits: tuple[Hit, ...]
    record: bytes
    # The project's own text, compressed, when the text field matched (for the snippet).
    own: bytes | None = None


def _idf(total: int, with_term: int) -> float:
    """BM25's inverse document frequency: a term few projects have counts more."""
    return math.log(1 + (total - with_term + 0.5) / (with_term + 0.5))


def _score(idf: Sequence[float], weighted: Sequence[float]) -> float:
    """Σ idf × weighted over the terms, added in their order (not sum(): since Python 3.12
    it adds floats with compensation, and a score must not change with the Python)."""
    score = 0.0
    for term_idf, weight in zip(idf, weighted, strict=True):
        score += term_idf * weight
    return score


# How many different words of the text each query word remembers its answer for.
MATCH_MEMO = 1 << 15
# zlib's fastest level: a packed record pickled, about 1.4 kB, keeps about 0.8 kB, for a few
# microseconds (the better levels save a few per cent more for several times the time).
RECORD_LEVEL = 1


class SearchIndex:
    """What a search keeps of a stream of projects: for each project the query finds, its
    weighted term frequencies and a Found; nothing of the projects it does not find.

    The query is known before the first project is read, so each project is matched as it
    comes and its words are let go at once; a project found keeps its hits (for the
    snippet) and its record as packed, pickled and compressed bytes (about a sixth of the live
    record), made whole again only for the results that are shown (result()).
    """

    def __init__(
        self,
        query: Query,
        fields: Sequence[SearchField] = ALL_FIELDS,
        match_any: bool = False,
    ) -> None:
        """An empty index for one query over these fields (any term enough with match_any)."""
        self.query = query
        self.fields = tuple(fields)
        self.match_any = match_any
        self.total = 0  # projects added, found or not (BM25's document count)
        self._with_term = [0] * len(query.terms)  # projects found that hold each term
        self._found: list[tuple[tuple[float, ...], Found]] = []
        # A text says the same words again and again: each query word tests a word of the
        # text once (up to MATCH_MEMO different words), not at every occurrence.
        self._tests = [
            [functools.lru_cache(maxsize=MATCH_MEMO)(w.matches) for w in term.words]
            for term in query.terms
        ]

    def add(self, project: Project, own_lines: Sequence[str] = ()) -> bool:
        """Match one project; keep it compactly when the query finds it (then True).

        `own_lines` are the project's own lines in its source (reading.own_text), the text
        field's words: none, and the text field finds nothing.
        """
        self.total += 1
        # The words of the fields live only while the project is matched.
        indexes = self._indexes(project, own_lines)
        hits = [
            Hit(f, start, end, n)
            for n, term in enumerate(self.query.terms)
            for f, index in indexes.items()
            for start, end in index.find(term, self._tests[n])
        ]
        if SearchField.TEXT in indexes and len(indexes) > 1:
            hits = _new_in_text(hits, indexes)
        matched = {h.term for h in hits}
        if not (bool(matched) if self.match_any else len(matched) == len(self.query.terms)):
            return False
        for n in matched:
            self._with_term[n] += 1
        self._found.append((self._weighted(hits), self._kept(project, hits, indexes)))
        return True

    def _indexes(self, project: Project, own_lines: Sequence[str]) -> dict[SearchField, FieldIndex]:
        """The words of each searched field of one project; the text field's are its own
        lines less those another field says whole (_rest_of)."""
        indexes: dict[SearchField, FieldIndex] = {
            f: FieldIndex.build(field_text(project, f))
            for f in self.fields
            if f is not SearchField.TEXT
        }
        if SearchField.TEXT in self.fields:
            indexes[SearchField.TEXT] = FieldIndex.build(
                _rest_of(own_lines, [index.text for index in indexes.values()])
            )
        return indexes

    def _weighted(self, hits: Sequence[Hit]) -> tuple[float, ...]:
        """Each term's weight in one project, before its idf: Σ over the fields of
        FIELD_WEIGHTS × tf·(k1+1)/(tf+k1)."""
        weighted: list[float] = []
        for n in range(len(self.query.terms)):
            weight = 0.0
            for f in self.fields:
                tf = sum(1 for h in hits if h.term == n and h.field is f)
                if tf:
                    weight += FIELD_WEIGHTS[f] * tf * (BM25_K1 + 1) / (tf + BM25_K1)
            weighted.append(weight)
        return tuple(weighted)

    def _kept(
        self, project: Project, hits: list[Hit], indexes: dict[SearchField, FieldIndex]
    ) -> Found:
        """A found project as kept until the ranking: what a table shows, its hits, and its
        record (and the text field's words, when they hold a hit) compressed."""
        return Found(
            score=0.0,  # known when every project has been read (the idf needs them all)
            name=project.name,
            id=project.id,
            start=project.start,
            end=project.end,
            budget=project.budget,
            city_share=project.city_share,
            programme=project.programme,
            fields=tuple(f for f in self.fields if any(h.field is f for h in hits)),
            hits=tuple(hits),
            record=zlib.compress(
                pickle.dumps(pack_project(project), pickle.HIGHEST_PROTOCOL), RECORD_LEVEL
            ),
            own=(
                zlib.compress(indexes[SearchField.TEXT].text.encode(), RECORD_LEVEL)
                if any(h.field is SearchField.TEXT for h in hits)
                else None
            ),
        )

    def ranked(self) -> list[Found]:
        """The projects found, best first; equal scores by name.

        The score is BM25 without length normalisation, summed over the fields with their
        FIELD_WEIGHTS: for each term, idf × Σ weight × tf·(k1+1)/(tf+k1).
        """
        idf = [_idf(self.total, count) for count in self._with_term]
        ranked = [
            found._replace(score=round(_score(idf, weighted), 3)) for weighted, found in self._found
        ]
        ranked.sort(key=lambda f: (-f.score, f.name.casefold(), f.id))
        return ranked

    def result(self, found: Found) -> SearchResult:
        """A found project made whole: its record, and the searched texts its hits point into."""
        project = unpack_project(pickle.loads(zlib.decompress(found.record)), found.id)
        own = zlib.decompress(found.own).decode() if found.own is not None else ""
        texts = {f: unicodedata.normalize("NFC", field_text(project, f, own)) for f in self.fields}
        return SearchResult(project, found.score, found.fields, found.hits, texts)

    def results(self, found: Sequence[Found]) -> Results:
        """These found projects as results, each made whole only when it is read."""
        return Results(self, found)


def _holds(text: str, line: str) -> bool:
    """Whether the text says the line, as whole words (not 'Kemi' inside 'Kemin')."""
    at = text.find(line)
    while at != -1:
        end = at + len(line)
        if (at == 0 or not _is_word_char(text[at - 1])) and (
            end == len(text) or not _is_word_char(text[end])
        ):
            return True
        at = text.find(line, at + 1)
    return False


def _is_word_char(char: str) -> bool:
    """A character of a word (what \\w matches)."""
    return char.isalnum() or char == "_"


def _rest_of(own_lines: Sequence[str], others: Sequence[str]) -> str:
    """The text field: the project's own lines, less those another searched field says
    whole (a summary's lines, the name's, the funding text's), one a line.

    A line left out would only match where that field matches already: whatever it holds
    is counted there (_new_in_text does the same for the words of a line left in).
    """
    # One text to look in: a line break between the fields is no part of a word.
    said = "\n".join(others)
    rest: list[str] = []
    for line in own_lines:
        line = unicodedata.normalize("NFC", line)
        if not _holds(said, line):
            rest.append(line)
    return "\n".join(rest)


def _new_in_text(hits: list[Hit], indexes: dict[SearchField, FieldIndex]) -> list[Hit]:
    """The hits, less those of the text field that another field has already counted.

    The text holds the lines of the other fields too: a term that another field searched
    also matched is counted in the text only where the text says it in a word that field
    does not have (a summary that says *kiertotalouden* once, and a page that says
    *kiertotaloutta* further on, count twice; the summary's own line does not).
    """
    elsewhere = {h.term for h in hits if h.field is not SearchField.TEXT}
    if not elsewhere or all(h.field is not SearchField.TEXT for h in hits):
        return hits
    words: set[str] = set()
    for which, index in indexes.items():
        if which is not SearchField.TEXT:
            words.update(index.lowered)
    text = indexes[SearchField.TEXT].text
    return [
        h
        for h in hits
        if h.field is not SearchField.TEXT
        or h.term not in elsewhere
        or not all(w in words for w in WORD_PATTERN.findall(lower(text[h.start : h.end])))
    ]


class Results(Sequence[SearchResult]):
    """Search results made whole one at a time as they are read: a renderer that walks
    through thousands of them holds one record at a time, not all of them."""

    def __init__(self, index: SearchIndex, found: Sequence[Found]) -> None:
        """The results of these found projects, in this order."""
        self._index = index
        self._found = found

    def __len__(self) -> int:
        """How many results."""
        return len(self._found)

    @overload
    def __getitem__(self, at: int) -> SearchResult: ...
    @overload
    def __getitem__(self, at: slice) -> Results: ...
    def __getitem__(self, at: int | slice) -> SearchResult | Results:
        """One result made whole, or some of them (still to be made whole)."""
        if isinstance(at, slice):
            return Results(self._index, self._found[at])
        return self._index.result(self._found[at])


def search(
    projects: Iterable[Project],
    query: Query,
    fields: Sequence[SearchField] = ALL_FIELDS,
    match_any: bool = False,
) -> list[SearchResult]:
    """The projects the query finds, best first, each made whole (see SearchIndex.ranked)."""
    index = SearchIndex(query, fields, match_any)
    for project in projects:
        index.add(project)
    return list(index.results(index.ranked()))


class Snippet(NamedTuple):
    """A short piece of a field around its matches, whitespace squashed, spans to highlight."""

    field: SearchField
    text: str
    spans: tuple[tuple[int, int], ...]


SNIPPET_WIDTH = 110
SNIPPET_LEAD = 30


def _window_start(text: str, position: int) -> int:
    """A start at most SNIPPET_LEAD characters before the position (earlier near the end of
    the text, so the piece is full), at a word's beginning."""
    start = max(0, min(position - SNIPPET_LEAD, len(text) - SNIPPET_WIDTH))
    if start == 0:
        return 0
    space = text.find(" ", start, position)
    return space + 1 if space != -1 else position


def _window_end(text: str, start: int) -> int:
    """An end about SNIPPET_WIDTH after the start, not cutting a word."""
    end = start + SNIPPET_WIDTH
    if end >= len(text):
        return len(text)
    space = text.rfind(" ", start, end)
    return space if space > start else end


def _squash(
    text: str,
    start: int,
    end: int,
    spans: Iterable[tuple[int, int]],
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """text[start:end] on one line: runs of spaces as one, a line break (between contacts) as
    '; ', and the spans moved along."""
    out: list[str] = []
    where: dict[int, int] = {}
    for i in range(start, end):
        char = text[i]
        if char == "\n":
            while out and out[-1] == " ":
                out.pop()
            where[i] = len(out)
            out += [";", " "]
            continue
        where[i] = len(out)
        if char.isspace():
            if out and out[-1] == " ":
                continue
            char = " "
        out.append(char)
    moved = tuple((where[s], where[e - 1] + 1) for s, e in spans if start <= s and e <= end)
    return "".join(out), moved


def snippet(result: SearchResult) -> Snippet | None:
    """The piece of a non-name field that shows the most terms; the summary's start if only
    the name matched; None with nothing to show."""
    candidates = [f for f in result.fields if f is not SearchField.NAME]
    if not candidates:
        return _summary_start(result)

    def terms_in(f: SearchField) -> int:
        return len({h.term for h in result.hits if h.field is f})

    # Most distinct terms first; on a tie the order of ALL_FIELDS (summary before funding).
    best = max(candidates, key=lambda f: (terms_in(f), -ALL_FIELDS.index(f)))
    text = result.texts[best]
    hits = sorted((h for h in result.hits if h.field is best), key=lambda h: h.start)
    start, end = _best_window(text, hits)
    body, spans = _squash(text, start, end, [(h.start, h.end) for h in hits])
    stripped = body.lstrip()
    lead = "…" if start > 0 else ""
    shift = len(lead) - (len(body) - len(stripped))
    tail = "…" if end < len(text) else ""
    return Snippet(
        best, lead + stripped.rstrip() + tail, tuple((s + shift, e + shift) for s, e in spans)
    )


def _summary_start(result: SearchResult) -> Snippet | None:
    """The start of the summary (when only the name matched), or None without one."""
    summary = result.texts.get(SearchField.SUMMARY) or result.project.summary or ""
    if not summary:
        return None
    end = _window_end(summary, 0)
    text, _ = _squash(summary, 0, end, [])
    return Snippet(SearchField.SUMMARY, text + ("…" if end < len(summary) else ""), ())


def _best_window(text: str, hits: Sequence[Hit]) -> tuple[int, int]:
    """The window (start, end) of the text that shows the most distinct terms: one begun
    at each hit (sorted by start) in turn, the first of the best kept."""
    choice: tuple[int, int, int] | None = None
    for anchor in hits:
        start = _window_start(text, anchor.start)
        end = max(_window_end(text, start), anchor.end)
        shown = len({h.term for h in hits if start <= h.start and h.end <= end})
        if choice is None or shown > choice[0]:
            choice = (shown, start, end)
    assert choice is not None  # a candidate field has at least one hit
    _, start, end = choice
    return start, end
