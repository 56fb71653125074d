"""`hankkeet validate`: every rule at a known line, the seed's findings, formats, exit codes."""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import BOTH_RUNNERS, FIXTURES, ROOT, SEED, Runner, cli, run_process
from hankkeet.diagnostics import RULES, Code, Diagnostic, Report, Severity
from hankkeet.library import read_projects
from hankkeet.locale import M_, Language, Message, use_language
from hankkeet.reading.parser import ParsedProject, parse_text
from hankkeet.reading.sources import Source, resolve
from hankkeet.render.validation import (
    ValidateFormat,
    annotation,
    escape_data,
    escape_property,
    render_report,
    render_text,
)
from hankkeet.validate import (
    ALL_RULES,
    RuleSelection,
    UnknownRule,
    collect,
    findings_about,
    findings_of,
    has_errors,
    projects_and_findings,
    validate_sources,
)
from test_rules import NO_FIXTURE_YET

RULE_FIXTURES = FIXTURES / "rules"
SEED_ID = "harrastusten-jaanmurtajahanke"

# (code, line, severity, other codes the fixture may also give, why the line is that line)
RULE_CASES: list[tuple[str, int, Severity, frozenset[str], str]] = [
    ("unknown-label", 5, Severity.WARNING, frozenset(), "the 'Vastuualue:' line"),
    ("label-typo", 4, Severity.WARNING, frozenset(), "the 'Budjeti:' line"),
    ("stray-text", 6, Severity.WARNING, frozenset(), "the sentence after a blank line"),
    ("unreadable-money", 4, Severity.ERROR, frozenset(), "the budget line"),
    ("ambiguous-money", 4, Severity.ERROR, frozenset(), "the budget line"),
    ("per-year-amount", 4, Severity.WARNING, frozenset(), "the budget line"),
    ("money-decimal-point", 5, Severity.WARNING, frozenset(), "the city-share line"),
    ("unreadable-date", 3, Severity.ERROR, frozenset(), "the period line"),
    ("impossible-date", 3, Severity.ERROR, frozenset(), "the period line"),
    ("period-years-only", 3, Severity.INFO, frozenset(), "the period line"),
    ("period-months-only", 3, Severity.WARNING, frozenset(), "the period line"),
    ("open-ended-period", 3, Severity.INFO, frozenset(), "the period line"),
    ("unreadable-staff", 5, Severity.WARNING, frozenset(), "the staff line"),
    ("missing-field", 1, Severity.ERROR, frozenset(), "no budget: the title line"),
    ("empty-field", 5, Severity.WARNING, frozenset(), "the empty staff line"),
    ("repeated-field", 5, Severity.WARNING, frozenset(), "the second budget line"),
    ("unknown-programme", 3, Severity.INFO, frozenset(), "the funding line"),
    ("programme-typo", 3, Severity.WARNING, frozenset(), "the funding line"),
    ("multiple-programmes", 3, Severity.INFO, frozenset(), "the funding line"),
    ("preamble", 1, Severity.INFO, frozenset(), "the first line of the text"),
    ("end-before-start", 3, Severity.ERROR, frozenset(), "the period line"),
    ("staff-outside-period", 5, Severity.WARNING, frozenset(), "the staff line"),
    ("city-share-year-outside-period", 5, Severity.WARNING, frozenset(), "the city-share line"),
    ("city-share-above-budget", 5, Severity.ERROR, frozenset(), "the city-share line"),
    ("funding-sum-mismatch", 3, Severity.ERROR, frozenset(), "the funding line"),
    ("share-mismatch", 3, Severity.ERROR, frozenset(), "the funding line"),
    ("stated-budget-mismatch", 3, Severity.ERROR, frozenset(), "the funding line"),
    ("unknown-title", 5, Severity.WARNING, frozenset(), "the contact line"),
    ("title-typo", 5, Severity.WARNING, frozenset(), "the contact line"),
    ("contact-without-name", 5, Severity.WARNING, frozenset(), "the contact line"),
    ("duplicate-project", 6, Severity.ERROR, frozenset(), "the second title line"),
    (
        "no-projects",
        1,
        Severity.ERROR,
        frozenset({"preamble"}),
        "line 1; the text itself is a preamble",
    ),
    (
        "prose-fact",
        3,
        Severity.INFO,
        frozenset({"missing-field", "prose-only"}),
        "the sentence that states the budget",
    ),
    (
        "uncertain-fact",
        3,
        Severity.WARNING,
        frozenset({"prose-fact", "missing-field", "prose-only"}),
        "the sentence with 'noin'",
    ),
    ("prose-only", 1, Severity.INFO, frozenset({"prose-fact"}), "the headline"),
    ("prose-disagrees", 3, Severity.WARNING, frozenset(), "the sentence, not the label"),
    (
        "unsure-boundary",
        6,
        Severity.ERROR,
        frozenset({"repeated-field"}),
        "the second funding line with no title before it",
    ),
    (
        "unsure-name",
        5,
        Severity.WARNING,
        frozenset(
            {"missing-field", "prose-only", "uncertain-fact", "prose-fact", "unsure-boundary"}
        ),
        "a heading inside the text, while the text names two projects of its own (each said "
        "as a project named but not read, too)",
    ),
    (
        "unknown-layout",
        3,
        Severity.WARNING,
        frozenset({"no-projects"}),
        "a project spoken of, with a date, in no layout: nothing made up, said where it stands",
    ),
    ("unreadable-file", 1, Severity.ERROR, frozenset(), "NUL bytes: the file is not read"),
    ("invalid-byte", 5, Severity.WARNING, frozenset(), "the summary line, at its lone 0xE4"),
]


def report_for(*paths: Path | str, rules: RuleSelection = ALL_RULES) -> Report:
    return validate_sources(resolve([str(p) for p in paths]), rules)


def seed_without_block() -> str:
    """The seed with the Harrastusten block (lines 65–74) taken out."""
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[64].startswith("Harrastusten jäänmurtajahanke")
    assert lines[74].startswith("Koronasta kasvuun")
    return "".join(lines[:64] + lines[74:])


# -- one fixture per rule -----------------------------------------------------------------


def test_every_rule_has_a_fixture_and_a_case() -> None:
    # Codes with no rule fixture: no-text-layer needs a PDF (tests/test_pdf.py), the
    # cross-file codes need two files (tests/test_link.py).
    with_fixture = [code for code in RULES if code not in NO_FIXTURE_YET]
    assert [c[0] for c in RULE_CASES] == with_fixture
    assert {p.stem for p in RULE_FIXTURES.glob("*.txt")} == set(with_fixture)


@pytest.mark.parametrize(
    ("code", "line", "severity", "also", "why"), RULE_CASES, ids=[c[0] for c in RULE_CASES]
)
def test_rule_fixture(
    code: str, line: int, severity: Severity, also: frozenset[str], why: str
) -> None:
    report = report_for(RULE_FIXTURES / f"{code}.txt")
    mine = [d for d in report.diagnostics if d.code == code]
    assert [(d.line, d.severity) for d in mine] == [(line, severity)], why
    assert {d.code for d in report.diagnostics} - {code} <= also


@pytest.mark.parametrize("code", ["unknown-label", "title-typo", "label-typo"])
def test_messages_suggest_the_fix(code: str) -> None:
    (finding,) = [
        d for d in report_for(RULE_FIXTURES / f"{code}.txt").diagnostics if d.code == code
    ]
    assert "'" in finding.text(Language.EN)
    assert any(hint in finding.text(Language.EN) for hint in ("did you mean", "read as"))


# -- the seed -----------------------------------------------------------------------------


def test_seed_has_one_error_and_two_warnings() -> None:
    report = report_for(SEED)
    errors = [
        (d.code, d.line, d.project) for d in report.diagnostics if d.severity is Severity.ERROR
    ]
    warnings = [
        (d.code, d.line, d.project) for d in report.diagnostics if d.severity is Severity.WARNING
    ]
    assert errors == [("funding-sum-mismatch", 67, SEED_ID)]
    assert warnings == [("empty-field", 71, SEED_ID), ("title-typo", 72, SEED_ID)]
    assert (report.files, report.projects, report.valid) == (1, 8, False)


def test_seed_messages_quote_the_values() -> None:
    by_code = {d.code: d.text(Language.EN) for d in report_for(SEED).diagnostics}
    # Amounts carry NBSPs (never broken across lines), as in every view.
    for amount in (
        "108\u00a0387\u00a0€",
        "27\u00a0097\u00a0€",
        "135\u00a0484\u00a0€",
        "61\u00a0875\u00a0€",
    ):
        assert amount in by_code[Code.FUNDING_SUM_MISMATCH]
    assert "did you mean 'koordinaattori'?" in by_code[Code.TITLE_TYPO]
    assert "Korrdinattori".casefold() in by_code[Code.TITLE_TYPO]


def test_seed_command_exits_1() -> None:
    run = run_process("validate")
    assert run.exit_code == 1, run.stderr
    assert "funding-sum-mismatch" in run.stdout and SEED_ID in run.stdout
    assert run.stderr.strip() == "1 error, 2 warnings, 1 info in 8 projects from 1 file: not valid"


def test_seed_without_the_harrastusten_block_exits_0(tmp_path: Path) -> None:
    clean = tmp_path / "hankkeet.txt"
    clean.write_text(seed_without_block(), encoding="utf-8")
    report = report_for(clean)
    assert [d.code for d in report.diagnostics if d.severity is not Severity.INFO] == []
    assert report.projects == 7
    run = run_process("validate", str(clean))
    assert run.exit_code == 0, run.stdout + run.stderr


# -- where findings stand -----------------------------------------------------------------

PLACEMENT = [
    (
        "Hanke\n\nToiminta-aika:\nBudjetti: 1 000 €\n",
        "missing-field",
        3,
        "an empty required field: its own line",
    ),
    ("Hanke\n\nBudjetti: 1 000 €\n", "missing-field", 1, "no period at all: the title line"),
    (
        "Hanke\n\nToiminta-aika: 2022\nBudjetti: 1 000 €\n\nHanke\n\nToiminta-aika: 2022\n"
        "Budjetti: 1 000 €\n",
        "duplicate-project",
        6,
        "the duplicate's title line",
    ),
    (
        "Hanke\n\nRahoitus: EAKR 900 €, kunta 200 €.\nToiminta-aika: 2022\nBudjetti: 1 000 €\n",
        "funding-sum-mismatch",
        3,
        "a money check: the funding line",
    ),
]


@pytest.mark.parametrize(("text", "code", "line", "why"), PLACEMENT, ids=[c[3] for c in PLACEMENT])
def test_placement(text: str, code: str, line: int, why: str) -> None:
    report = validate_sources([Source(path="x.txt", data=text.encode())])
    assert (code, line) in [(d.code, d.line) for d in report.diagnostics], why


def test_findings_are_in_file_then_line_order(tmp_path: Path) -> None:
    second = tmp_path / "b.txt"
    second.write_text("Hanke\n\nToiminta-aika: 2022\nBudjetti: 1 000 €\n", encoding="utf-8")
    report = report_for(SEED, second)
    assert report.files == 2
    paths = [d.path for d in report.diagnostics]
    assert paths == sorted(paths, key=lambda p: p != str(SEED))
    seed_lines = [d.line for d in report.diagnostics if d.path == str(SEED)]
    assert seed_lines == sorted(seed_lines)
    assert report.projects == 9


def test_duplicate_across_files(tmp_path: Path) -> None:
    text = "Hanke\n\nToiminta-aika: 1.1.2022–31.12.2022\nBudjetti: 1 000 €\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = report_for(tmp_path)
    assert [(Path(d.path).name, d.code, d.line) for d in report.diagnostics] == [
        ("b.txt", "duplicate-project", 1)
    ]


# -- streaming ----------------------------------------------------------------------------


@pytest.mark.slow  # 50 gc.collect() calls: a memory check
def test_projects_are_not_kept() -> None:
    """Each project is dropped once checked: only findings and counters grow."""
    one = parse_text("Hanke {}\n\nToiminta-aika: 2022\nBudjetti: 1 000 €\n").projects[0]
    seen: list[weakref.ref[ParsedProject]] = []

    def stream() -> Iterator[ParsedProject | Diagnostic]:
        for n in range(50):
            # Everything handed out before the one in hand must be gone by now.
            gc.collect()
            assert all(ref() is None for ref in seen[:-1]), f"project {n} kept older ones"
            item = ParsedProject(one.project.model_copy(update={"id": f"hanke-{n}"}), [])
            seen.append(weakref.ref(item))
            yield item

    report = collect(stream(), Report())
    assert report.projects == 50


# -- selecting rules ----------------------------------------------------------------------

SELECTIONS = [
    (["--select", "empty-field"], 0, {"empty-field"}, "only one rule"),
    (["--select", "empty-field,title-typo"], 0, {"empty-field", "title-typo"}, "comma-separated"),
    (
        ["--select", "empty-field", "--select", "funding-sum-mismatch"],
        1,
        {"empty-field", "funding-sum-mismatch"},
        "repeated",
    ),
    (
        ["--ignore", "funding-sum-mismatch"],
        0,
        {"empty-field", "title-typo", "preamble"},
        "ignoring the one error",
    ),
    (
        ["--select", "empty-field,title-typo", "--ignore", "title-typo"],
        0,
        {"empty-field"},
        "ignore wins over select",
    ),
    (
        ["--ignore", "funding-sum-mismatch", "--strict"],
        1,
        {"empty-field", "title-typo", "preamble"},
        "--strict: the warnings fail",
    ),
    (["--select", "preamble", "--strict"], 0, {"preamble"}, "--strict: an info does not fail"),
]


@pytest.mark.parametrize(
    ("args", "exit_code", "found", "why"), SELECTIONS, ids=[c[3] for c in SELECTIONS]
)
def test_select_and_ignore(args: list[str], exit_code: int, found: set[str], why: str) -> None:
    run = cli("validate", str(SEED), "--format", "json", *args)
    assert run.exit_code == exit_code, why
    assert {d["code"] for d in json.loads(run.stdout)["diagnostics"]} == found, why


@pytest.mark.parametrize("option", ["--select", "--ignore", "--explain"])
def test_unknown_rule_is_a_usage_error(option: str) -> None:
    run = cli("validate", option, "funding-sum-mismach")
    assert run.exit_code == 2
    assert run.stderr.strip() == (
        "hankkeet: unknown rule 'funding-sum-mismach' in "
        f"{option} (did you mean 'funding-sum-mismatch'?)"
    )


def test_rule_selection_in_the_library() -> None:
    rules = RuleSelection.from_options(["Empty-Field, title-typo"], [])
    assert rules.select == frozenset({"empty-field", "title-typo"})
    assert [d.code for d in report_for(SEED, rules=rules).diagnostics] == [
        "empty-field",
        "title-typo",
    ]
    with pytest.raises(UnknownRule):
        RuleSelection.from_options([], ["nope"])


# -- exit codes and unusable input --------------------------------------------------------


def _unusable(tmp_path: Path, kind: str) -> str:
    if kind == "missing":
        return str(tmp_path / "ei-ole.txt")
    if kind == "empty folder":
        (tmp_path / "muistio.md").write_text("# ei tekstiä\n", encoding="utf-8")
        return str(tmp_path)
    path = tmp_path / "rikki.txt"
    data = {
        "nul bytes": b"Hanke\x00\n\nBudjetti: 1 \xe2\x82\xac\n",
        "undecodable": b"Hanke \x81\x8d\n\nBudjetti: 1 000 e\n",
    }[kind]
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("missing", "no such file or folder"),
        ("empty folder", "folder holds no file of a kind hankkeet reads"),
        ("nul bytes", "NUL"),
        ("undecodable", "save it as UTF-8"),
    ],
)
@pytest.mark.parametrize("runner", BOTH_RUNNERS)
def test_unusable_input_exits_2(runner: Runner, tmp_path: Path, kind: str, reason: str) -> None:
    # An unusable input is a finding (exit 1) and the other inputs are still checked.
    run = runner("validate", _unusable(tmp_path, kind), str(SEED))
    assert run.exit_code == 1
    assert "unreadable-file" in run.stdout and reason in run.stdout.replace("\n", " ")
    assert "funding-sum-mismatch" in run.stdout, "the seed was still checked"
    assert len(run.stderr.strip().splitlines()) == 1, "the summary line"
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("code", "strict", "exit_code"),
    [
        ("empty-field", False, 0),
        ("empty-field", True, 1),
        ("preamble", True, 0),
        ("funding-sum-mismatch", False, 1),
    ],
)
@pytest.mark.parametrize("runner", BOTH_RUNNERS)
def test_exit_codes(runner: Runner, code: str, strict: bool, exit_code: int) -> None:
    args = ["validate", str(RULE_FIXTURES / f"{code}.txt")] + (["--strict"] if strict else [])
    assert runner(*args).exit_code == exit_code


def test_standard_input() -> None:
    run = cli(
        "validate", "-", "--format", "json", input=(RULE_FIXTURES / "empty-field.txt").read_bytes()
    )
    assert run.exit_code == 0
    (finding,) = json.loads(run.stdout)["diagnostics"]
    assert (finding["path"], finding["line"], finding["code"]) == ("<stdin>", 5, "empty-field")


# -- formats ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paths", [[], [str(SEED)], [str(RULE_FIXTURES)]], ids=["embedded", "seed", "every fixture"]
)
def test_json_equals_the_library_report(paths: list[str]) -> None:
    run = cli("validate", "--format", "json", *paths)
    expected = validate_sources(resolve(paths, environ={})).to_dict()
    assert json.loads(run.stdout) == expected
    assert run.exit_code == (0 if expected["valid"] else 1)
    assert run.stderr == ""


def test_json_shape() -> None:
    data = json.loads(cli("validate", "--format", "json").stdout)
    assert set(data) == {"valid", "stats", "diagnostics"}
    assert data["stats"] == {"files": 1, "projects": 8, "errors": 1, "warnings": 2, "infos": 1}
    assert list(data["diagnostics"][0]) == [
        "code",
        "severity",
        "message",
        "args",
        "path",
        "line",
        "column",
        "project",
    ]


# (code, what its JSON finding's args are: the values its English message is made of, why)
ARGS = [
    (Code.PREAMBLE, {"where": "lines 1–3"}, "a message of its own, in English"),
    (
        Code.FUNDING_SUM_MISMATCH,
        {
            "stated": "108\u00a0387\u00a0€ + 27\u00a0097\u00a0€ = 135\u00a0484\u00a0€",
            "budget": "61\u00a0875\u00a0€",
            "difference": "73\u00a0609\u00a0€",
        },
        "amounts as every view writes them",
    ),
    (Code.EMPTY_FIELD, {"label": "Hankehenkilökunnan määrä"}, "the label as written"),
    (Code.TITLE_TYPO, {"title": "korrdinattori", "near": "koordinaattori"}, "two values"),
]


@pytest.mark.parametrize(("code", "args", "why"), ARGS, ids=[a[2] for a in ARGS])
@pytest.mark.parametrize("lang", ["en", "fi"])
def test_json_gives_each_finding_its_args(
    code: Code, args: dict[str, object], why: str, lang: str
) -> None:
    """JSON keeps the English message and gains the values that fill it, whatever the
    language of the run (issue 26 item 2)."""
    data = json.loads(cli("--lang", lang, "validate", "--format", "json").stdout)
    (finding,) = [d for d in data["diagnostics"] if d["code"] == code]
    assert finding["args"] == args, why
    for value in args.values():
        assert str(value) in finding["message"], why
    english = [d for d in report_for(SEED).diagnostics if d.code == code]
    assert finding["message"] == english[0].text(Language.EN), why


ESCAPES = [
    ("plain", "plain", "plain", "nothing to escape"),
    ("80 %", "80 %25", "80 %25", "a per cent sign"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab", "CR and LF"),
    ("a: b, c", "a: b, c", "a%3A b%2C c", "colon and comma only in properties"),
    ("%0A", "%250A", "%250A", "an escape sequence in the data stays literal"),
]


@pytest.mark.parametrize(("raw", "data", "prop", "why"), ESCAPES, ids=[c[3] for c in ESCAPES])
def test_github_escaping(raw: str, data: str, prop: str, why: str) -> None:
    assert escape_data(raw) == data, why
    assert escape_property(raw) == prop, why


def test_github_annotation_escapes_path_title_and_message() -> None:
    finding = Diagnostic(
        Code.FUNDING_SUM_MISMATCH, Message("80 %: a, b\nnext"), "C:\\data,1.txt", 7, "hanke", 3
    )
    assert annotation(finding, Language.EN) == (
        "::error file=C%3A\\data%2C1.txt,line=7,col=3,"
        "title=funding-sum-mismatch::80 %25: a, b%0Anext"
    )


def test_github_format_on_the_seed() -> None:
    run = cli("validate", "--format", "github")
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    path = "<embedded>/source.txt"
    assert lines[:4] == [
        f"::notice file={path},line=1,title=preamble::text before the first project "
        "(lines 1–3) is not a project",
        f"::error file={path},line=67,title=funding-sum-mismatch::the funding text states "
        "108\u00a0387\u00a0€ + 27\u00a0097\u00a0€ = 135\u00a0484\u00a0€, but the budget is "
        "61\u00a0875\u00a0€ (a difference of "
        "73\u00a0609\u00a0€)",
        f"::warning file={path},line=71,col=26,title=empty-field::'Hankehenkilökunnan määrä' "
        "is empty",
        f"::warning file={path},line=72,col=16,title=title-typo::title 'korrdinattori': did "
        "you mean 'koordinaattori'?",
    ]
    # The full text report follows: GitHub shows only ten annotations of each kind.
    assert lines[4] == ""
    assert run.stdout.split("\n\n", 1)[1] == cli("validate").stdout


def test_text_is_grouped_by_file_and_project() -> None:
    out = cli("validate").stdout.splitlines()
    assert out[0] == "<embedded>/source.txt"
    assert out[1].strip() == "(file)"
    assert out[3].strip() == SEED_ID
    assert out[4].split()[:3] == ["67", "error", "funding-sum-mismatch"]
    assert all(line == line.rstrip() for line in out)


def test_text_shows_user_text_literally() -> None:
    finding = Diagnostic(
        Code.STRAY_TEXT, M_("text '{text}'", text="[bold]x[/] [red]"), "[b]a.txt", 2, "[i]p"
    )
    out = render_text(Report([finding], 1, 1), 100, False, Language.EN)
    assert "[bold]x[/] [red]" in out and "[b]a.txt" in out and "[i]p" in out


@pytest.mark.parametrize("fmt", list(ValidateFormat))
@pytest.mark.parametrize("report", [Report(), report_for(SEED)], ids=["empty", "seed"])
def test_every_format_renders(fmt: ValidateFormat, report: Report) -> None:
    out = render_report(report, fmt, 100, False, Language.EN)
    if fmt is ValidateFormat.JSON:
        assert json.loads(out) == report.to_dict()
    elif fmt is ValidateFormat.SARIF:  # a whole log even when empty; test_sarif checks more
        results = json.loads(out)["runs"][0]["results"]
        assert [r["ruleId"] for r in results] == [d.code for d in report.diagnostics]
    elif report.diagnostics:
        assert all(d.code in out for d in report.diagnostics)
    else:
        assert out == ""


@pytest.mark.parametrize(
    ("code", "strict", "summary"),
    [
        ("empty-field", False, "0 errors, 1 warning, 0 infos in 1 project from 1 file: valid"),
        (
            "empty-field",
            True,
            "0 errors, 1 warning, 0 infos in 1 project from 1 file: not valid: "
            "warnings fail under --strict",
        ),
        ("preamble", True, "0 errors, 0 warnings, 1 info in 1 project from 1 file: valid"),
    ],
)
def test_summary_line(code: str, strict: bool, summary: str) -> None:
    run = cli("validate", str(RULE_FIXTURES / f"{code}.txt"), *(["--strict"] if strict else []))
    assert run.stderr.strip() == summary


def test_clean_input_prints_nothing_but_the_summary(tmp_path: Path) -> None:
    clean = tmp_path / "a.txt"
    clean.write_text(
        "Hanke\n\nToiminta-aika: 1.1.2022–31.12.2022\nBudjetti: 1 000 €\n", encoding="utf-8"
    )
    run = cli("validate", str(clean))
    assert (run.exit_code, run.stdout) == (0, "")
    assert run.stderr.strip() == "0 errors, 0 warnings, 0 infos in 1 project from 1 file: valid"


# -- the rule catalogue -------------------------------------------------------------------


def test_list_rules() -> None:
    run = cli("validate", "--list-rules")
    assert run.exit_code == 0
    for code, rule in RULES.items():
        assert code in run.stdout and rule.title in run.stdout


def test_list_rules_json() -> None:
    listed = json.loads(cli("validate", "--list-rules", "--format", "json").stdout)
    assert [(r["code"], r["severity"], r["title"], r["explanation"]) for r in listed] == [
        (r.code, r.severity.value, r.title, r.explanation) for r in RULES.values()
    ]


def test_every_rule_is_documented() -> None:
    for rule in RULES.values():
        assert rule.title and rule.explanation.endswith("."), rule.code
        assert rule.code == rule.code.casefold() and " " not in rule.code


def test_help_has_an_example() -> None:
    run = cli("validate", "--help")
    assert run.exit_code == 0
    assert "Example: hankkeet validate" in run.stdout


# -- pre-commit and docs ------------------------------------------------------------------


def test_pre_commit_hook() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    fields = dict(
        line.strip(" -").split(": ", 1)
        for line in text.splitlines()
        if ": " in line and not line.lstrip().startswith("#")
    )
    assert fields["id"] == "hankkeet-validate"
    # A .txt without projects (requirements.txt, LICENSE.txt) is not a project file.
    assert fields["entry"] == "hankkeet validate --ignore no-projects"
    assert fields["files"] == r"(?i)\.txt$"
    assert fields["require_serial"] == "true"  # one run sees every file: duplicates across files


def test_docs_name_the_hook_and_the_github_format() -> None:
    docs = (ROOT / "docs" / "validate.md").read_text(encoding="utf-8")
    assert "id: hankkeet-validate" in docs
    assert "hankkeet validate --format github" in docs


@pytest.mark.parametrize(
    ("args", "code", "valid", "why"),
    [
        ([], 0, True, "values read from sentences are info: the run passes"),
        (["--strict-labels"], 1, False, "--strict-labels requires labelled fields"),
        (
            ["--strict-labels", "--ignore", "prose-fact,prose-only"],
            0,
            True,
            "ignored findings do not fail the run",
        ),
    ],
)
def test_strict_labels(args: list[str], code: int, valid: bool, why: str) -> None:
    """A steward can require labelled fields (issue 11): prose-only projects fail the run."""
    run = cli("validate", "--format", "json", *args, str(RULE_FIXTURES / "prose-only.txt"))
    assert run.exit_code == code, why
    assert json.loads(run.stdout)["valid"] is valid, why


def readable_rule_fixtures() -> list[str]:
    return [
        str(p)
        for p in sorted((FIXTURES / "rules").glob("*.txt"))
        if p.name != "unreadable-file.txt"
    ]


CROSS_FILE = {Code.DUPLICATE_ACROSS_FILES, Code.SOURCES_DISAGREE}


def test_projects_and_findings_from_an_item_stream() -> None:
    """The library's projects and findings of a parse stream: the projects read, and the
    findings validate reports (English messages), each about a project read or a file."""
    sources = resolve([str(SEED), *readable_rule_fixtures()])
    with use_language(Language.FI):
        projects, findings = projects_and_findings(read_projects(sources))
    report = validate_sources(sources)
    # What only the files together give (hankkeet.link) is validate's, not a stream's.
    per_file = [d for d in report.diagnostics if d.code not in CROSS_FILE]
    assert findings and sorted(map(str, findings)) == sorted(map(str, per_file))
    assert len(projects) == report.projects
    ids = {p.id for p in projects}
    assert all(d.project is None or d.project in ids for d in findings)
    chosen = projects[:3]
    about = findings_about(chosen, findings)
    kept = {p.id for p in chosen}
    assert about == [d for d in findings if d.project is None or d.project in kept]
    assert len(about) < len(findings)


def test_has_errors_says_what_the_findings_say() -> None:
    sources = resolve(readable_rule_fixtures())
    items = [i for i in read_projects(sources) if isinstance(i, ParsedProject)]
    answers = [has_errors(i) for i in items]
    assert answers == [any(d.severity is Severity.ERROR for d in findings_of(i)) for i in items]
    assert any(answers) and not all(answers)
