"""Fidelity on the real-world corpus: fields right / left empty with a diagnostic / silently wrong.

Each description in tests/corpus/<kind>/ is a text and a .toml of expected fields written by
hand from the real page (see tests/corpus/FORMAT.md). This script parses every text with the
real parser and compares field by field:

- right: the value is the expected one (an expected-empty field left empty is right too);
- empty+diagnostic: the value is missing and a finding on that project says why (a name
  kept with an `unsure-name` warning, and a stand-in name with an error saying the project
  has none, count here too: the tool says it does not know);
- silently wrong: a different value, a made-up value, a missing value with no finding, a
  project missed with no finding, or a project made up. (A missed project has a finding
  when the file has an error, or when an `unsure-boundary` finding names it: "the page
  names the project 'X' here, but no project was read for it".)

    python benchmarks/fidelity.py            # the table
    python benchmarks/fidelity.py -v         # and every field that is not right
    python benchmarks/fidelity.py --corpus tests/incoming/h4   # a new batch, at first contact

The HTML column (issue 24): each saved page in tests/corpus_html/<kind>/<slug>.html is read
as `hankkeet` reads a page (hankkeet.inputs.html) and scored against the .toml of the same
slug in tests/corpus, next to the score of that slug's text.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hankkeet.diagnostics import Code, Diagnostic, Severity
from hankkeet.models import Project
from hankkeet.reading.parser import ParsedProject, parse_lines, parse_text

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
CORPUS_HTML = CORPUS.parent / "corpus_html"
FIELDS = (
    "name",
    "start",
    "end",
    "budget",
    "city_share",
    "programme",
    "fund",
    "contacts",
    "summary",
)
# A project whose page never names it: its name is expected to be left empty.
NO_NAME = "(no name)"
RIGHT, EMPTY, WRONG = "right", "empty+diagnostic", "silently wrong"
# Kinds 1-4 of issue 10 (register cards, database pages, Leader and village pages, agendas),
# the seed's own family from other cities, and the prose kinds.
KINDS_1_4 = ("eu-card", "database", "leader", "agenda")
SEED_FAMILY = ("city-page",)
PROSE = ("news", "list-page")
_ABOUT = {"start": "period", "end": "period"}


@dataclass(frozen=True)
class Outcome:
    """One field of one expected project (or one made-up project) and its verdict."""

    kind: str
    file: str
    project: str
    field: str
    expected: object
    got: object
    verdict: str
    batch: int = 1


def norm_name(name: str) -> str:
    """A name as compared: case, quotes, dash kinds and a '-hanke' suffix do not matter."""
    text = name.casefold().replace("”", "").replace("“", "").replace('"', "")
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"-?(?:hanke|projekti)$", "", text.strip(" .:"))
    return " ".join(text.replace(" :", ":").split()).strip(" -")


def _value(project: Project, name: str) -> object:
    if name == "contacts":
        return [c.name for c in project.contacts if c.name]
    return getattr(project, name)


def _same(name: str, expected: object, got: object) -> bool:
    if name == "name":
        return norm_name(str(expected)) == norm_name(str(got))
    if name == "contacts":
        return [norm_name(str(x)) for x in expected] == [  # type: ignore[attr-defined]
            norm_name(str(x)) for x in got
        ]  # type: ignore[attr-defined]
    if name == "summary":
        return isinstance(got, str) and " ".join(got.split()).startswith(
            " ".join(str(expected).split())
        )
    if name in ("budget", "city_share"):
        return got is not None and Decimal(str(expected)) == got
    return expected == got


def _expected(spec: dict[str, Any], name: str) -> object:
    if name == "contacts":
        return spec.get("contacts", [])
    if name == "summary":
        return spec.get("summary_start")
    value = spec.get(name)
    if isinstance(value, date):
        return value
    return value


def _unnamed(diagnostics: list[Diagnostic]) -> bool:
    """The project was given a stand-in name, with an error saying it has none."""
    return any(d.code is Code.MISSING_FIELD and d.about == "name" for d in diagnostics)


def _said_unread(diagnostics: list[Diagnostic], expected: str) -> bool:
    """A finding says the page names this project but no project was read for it (the name
    it gives is the expected one, or its start)."""
    want = norm_name(expected)
    for d in diagnostics:
        if d.code is not Code.UNSURE_BOUNDARY:
            continue
        named = d.message.values().get("name")
        key = norm_name(named) if isinstance(named, str) else ""
        if len(key) >= 3 and want.startswith(key):
            return True
    return False


def _has_diagnostic(diagnostics: list[Diagnostic], name: str) -> bool:
    about = _ABOUT.get(name, name)
    return any(d.about == about and d.severity is not Severity.INFO for d in diagnostics)


def score_file(kind: str, txt: Path) -> list[Outcome]:
    """Every field of every expected project of one description, with its verdict."""
    spec = tomllib.loads(txt.with_suffix(".toml").read_text(encoding="utf-8"))
    batch = int(spec.get("batch", 1))
    return [
        Outcome(o.kind, o.file, o.project, o.field, o.expected, o.got, o.verdict, batch)
        for o in _score(kind, txt)
    ]


def _score(kind: str, txt: Path) -> list[Outcome]:
    spec = tomllib.loads(txt.with_suffix(".toml").read_text(encoding="utf-8"))
    result = parse_text(txt.read_text(encoding="utf-8"), str(txt.name))
    return _verdicts(kind, txt.name, spec, list(result.projects), result.diagnostics)


def _verdicts(
    kind: str,
    name: str,
    spec: dict[str, Any],
    parsed: list[ParsedProject],
    diagnostics: list[Diagnostic],
) -> list[Outcome]:
    """Every field of every expected project of one description, against what was read."""
    txt = Path(name)
    expected = spec.get("project", [])
    file_errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    out: list[Outcome] = []
    if spec.get("no_projects"):
        out.append(
            Outcome(
                kind, txt.name, "-", "no project", 0, len(parsed), RIGHT if not parsed else WRONG
            )
        )
        return out
    # Match by name first, then in order.
    unmatched = list(range(len(parsed)))
    pairs: list[tuple[dict[str, Any], int | None]] = []
    for exp in expected:
        hit = next(
            (
                i
                for i in unmatched
                if "name" in exp and norm_name(parsed[i].project.name) == norm_name(exp["name"])
            ),
            None,
        )
        if hit is not None:
            unmatched.remove(hit)
        pairs.append((exp, hit))
    pairs = [
        (exp, hit if hit is not None else (unmatched.pop(0) if unmatched else None))
        for exp, hit in pairs
    ]
    for exp, hit in pairs:
        for name in FIELDS:
            want = _expected(exp, name)
            if name == "summary" and want is None:
                continue
            if hit is None:
                missing = want in (None, [])
                said = file_errors or _said_unread(diagnostics, str(exp.get("name", "")))
                out.append(
                    Outcome(
                        kind,
                        txt.name,
                        exp.get("name", NO_NAME),
                        name,
                        want,
                        None,
                        RIGHT if missing else EMPTY if said else WRONG,
                    )
                )
                continue
            pp = parsed[hit]
            got = _value(pp.project, name)
            if name == "name" and _unnamed(pp.diagnostics):
                got = None  # '(nimetön hanke, rivi 4)': a stand-in, said to be no name
            unsure = any(d.code is Code.UNSURE_NAME for d in pp.diagnostics)
            if want in (None, []):
                verdict = RIGHT if got in (None, []) else WRONG
            elif _same(name, want, got):
                verdict = RIGHT
            elif got in (None, []) and _has_diagnostic(pp.diagnostics, name):
                verdict = EMPTY
            elif name == "name" and unsure:
                verdict = EMPTY  # kept, with a warning that it may not be the name
            else:
                verdict = WRONG
            out.append(Outcome(kind, txt.name, exp.get("name", NO_NAME), name, want, got, verdict))
    for i in unmatched:
        out.append(
            Outcome(
                kind,
                txt.name,
                parsed[i].project.name,
                "made-up project",
                None,
                parsed[i].project.name,
                WRONG,
            )
        )
    return out


def score_corpus(corpus: Path = CORPUS) -> list[Outcome]:
    """Every outcome of every description in the corpus."""
    out: list[Outcome] = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        for txt in sorted(folder.glob("*.txt")):
            out.extend(score_file(folder.name, txt))
    return out


def score_html_file(kind: str, page: Path, corpus: Path = CORPUS) -> list[Outcome]:
    """Every field of every expected project of a saved page, read as a page, against the
    .toml of the text of the same slug."""
    from hankkeet.inputs.html import html_lines

    spec = tomllib.loads((corpus / kind / f"{page.stem}.toml").read_text(encoding="utf-8"))
    extracted = html_lines(page.read_bytes(), page.name)
    projects: list[ParsedProject] = []
    diagnostics: list[Diagnostic] = list(extracted.findings)
    for item in parse_lines(extracted.lines, page.name):
        if isinstance(item, ParsedProject):
            projects.append(item)
        else:
            diagnostics.append(item)
    return _verdicts(kind, f"{page.stem}.txt", spec, projects, diagnostics)


def score_html(
    corpus: Path = CORPUS, pages: Path = CORPUS_HTML
) -> tuple[list[Outcome], list[Outcome]]:
    """The saved pages scored as pages, and their texts (the same slugs) as text."""
    as_html: list[Outcome] = []
    as_text: list[Outcome] = []
    for folder in sorted(p for p in pages.iterdir() if p.is_dir()):
        for page in sorted(folder.glob("*.html")):
            txt = corpus / folder.name / f"{page.stem}.txt"
            if not txt.is_file():
                continue
            as_html.extend(score_html_file(folder.name, page, corpus))
            as_text.extend(score_file(folder.name, txt))
    return as_html, as_text


def html_table(as_html: list[Outcome], as_text: list[Outcome]) -> str:
    """The HTML column: per kind, the pages' fields right and silently wrong as text and as
    HTML (made-up projects, from menus or banners, count as silently wrong)."""
    kinds = sorted({o.kind for o in as_text})
    lines = [
        f"{'kind':<24}{'pages':>6}{'fields':>8}{'text right':>14}{'html right':>14}"
        f"{'text wrong':>12}{'html wrong':>12}"
    ]
    for label, chosen in [*((k, (k,)) for k in kinds), ("total", tuple(kinds))]:
        text = [o for o in as_text if o.kind in chosen]
        html = [o for o in as_html if o.kind in chosen]
        total = len(text) or 1
        right_t = sum(o.verdict == RIGHT for o in text)
        right_h = sum(o.verdict == RIGHT for o in html)
        lines.append(
            f"{label:<24}{len({o.file for o in text}):>6}{len(text):>8}"
            f"{right_t:>6} ({100 * right_t / total:5.1f}%)"
            f"{right_h:>6} ({100 * right_h / total:5.1f}%)"
            f"{sum(o.verdict == WRONG for o in text):>12}"
            f"{sum(o.verdict == WRONG for o in html):>12}"
        )
    return "\n".join(lines)


def score_pasted(corpus: Path = CORPUS) -> list[Outcome]:
    """Every description of the corpus pasted into one text, as `cat` joins files, and read
    once: each description scored on the projects and file findings whose line falls in
    its own lines (a project made of two pages counts for the page its title stands in)."""
    pieces: list[tuple[str, Path, int, int]] = []
    text = ""
    line = 1
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        for txt in sorted(folder.glob("*.txt")):
            body = txt.read_text(encoding="utf-8")
            body += "" if body.endswith("\n") else "\n"
            lines = body.count("\n")
            pieces.append((folder.name, txt, line, line + lines - 1))
            text += body
            line += lines
    result = parse_text(text, "pasted.txt")
    out: list[Outcome] = []
    for kind, txt, first, last in pieces:
        spec = tomllib.loads(txt.with_suffix(".toml").read_text(encoding="utf-8"))
        mine = [p for p in result.projects if first <= p.project.source.line <= last]
        notes = [d for d in result.diagnostics if first <= d.line <= last]
        out.extend(
            Outcome(o.kind, o.file, o.project, o.field, o.expected, o.got, o.verdict, 1)
            for o in _verdicts(kind, txt.name, spec, mine, notes)
        )
    return out


def table(outcomes: list[Outcome]) -> str:
    """Counts per kind, for the structured kinds, the prose kinds and in total."""
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    files: dict[str, set[str]] = defaultdict(set)
    for o in outcomes:
        by_kind[o.kind][o.verdict] += 1
        files[o.kind].add(o.file)
    rows = [(k, by_kind[k], len(files[k])) for k in sorted(by_kind)]
    groups = [
        ("kinds 1-4", KINDS_1_4),
        ("seed family (cities)", SEED_FAMILY),
        ("prose (news, lists)", PROSE),
        ("total", tuple(by_kind)),
    ]
    for label, kinds in groups:
        c: Counter[str] = Counter()
        for k in kinds:
            c.update(by_kind.get(k, Counter()))
        rows.append((label, c, sum(len(files[k]) for k in kinds)))
    for batch in sorted({o.batch for o in outcomes}):
        c = Counter(o.verdict for o in outcomes if o.batch == batch)
        rows.append((f"batch {batch}", c, len({o.file for o in outcomes if o.batch == batch})))
    lines = [
        f"{'kind':<24}{'files':>6}{'fields':>8}{'right':>14}{'empty+diag':>14}"
        f"{'silently wrong':>16}"
    ]
    for label, c, n in rows:
        total = sum(c.values()) or 1
        lines.append(
            f"{label:<24}{n:>6}{total:>8}"
            f"{c[RIGHT]:>6} ({100 * c[RIGHT] / total:5.1f}%)"
            f"{c[EMPTY]:>6} ({100 * c[EMPTY] / total:5.1f}%)"
            f"{c[WRONG]:>8} ({100 * c[WRONG] / total:5.1f}%)"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the table (and with -v every field not right); exit 1 when any is silently wrong."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="a folder of <kind>/<slug>.txt + .toml (default: tests/corpus)",
    )
    parser.add_argument(
        "--pasted",
        action="store_true",
        help="every description pasted into one text and read at once (issue 27)",
    )
    parser.add_argument(
        "--html",
        type=Path,
        default=CORPUS_HTML,
        help="saved pages <kind>/<slug>.html of the corpus's slugs (default: tests/corpus_html)",
    )
    args = parser.parse_args(argv)
    outcomes = score_pasted(args.corpus) if args.pasted else score_corpus(args.corpus)
    print(table(outcomes))
    as_html: list[Outcome] = []
    if args.html.is_dir() and not args.pasted:
        as_html, as_text = score_html(args.corpus, args.html)
        print()
        print("The same descriptions as saved web pages (HTML) and as text")
        print(html_table(as_html, as_text))
    if args.verbose:
        for o in outcomes:
            if o.verdict != RIGHT:
                _say(o)
        for o in as_html:
            if o.verdict != RIGHT:
                _say(o, "html ")
    return int(any(o.verdict == WRONG for o in outcomes))


def _say(o: Outcome, prefix: str = "") -> None:
    print(
        f"{o.verdict:>16}  {prefix}{o.kind}/{o.file} [{o.project[:30]}] {o.field}: "
        f"expected {o.expected!r}, got {o.got!r}"
    )


if __name__ == "__main__":
    sys.exit(main())
