"""Issue 27's smaller defects ("never lose, never invent"): each a table of cases.

Output names and options that would be ignored are refused; notes go to stderr in one
sentence; human views write Finnish forms; --active reads the forms people type; nothing is
written when nothing was read; -q, SARIF, the configuration and the README say what is true.
"""

from __future__ import annotations

import json
import re
import sqlite3
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT, SEED, cli
from hankkeet import HOMEPAGE
from hankkeet.finnish import format_staff
from hankkeet.models import StaffPeriod
from hankkeet.query import QueryError, parse_active
from hankkeet.render.table import NAMES_ONLY, width_note

VAHVAX = "vahvax-digiosaamista-ja-palveluja-aikuisuuden-ja-vanhemmuuden-vahvistamiseksi"


def unique(table: list[tuple[object, ...]]) -> bool:
    """Every case of a table has its own why (the last item)."""
    return len({row[-1] for row in table}) == len(table)


# -- -o FILE: a name that tells no format is refused ----------------------------------------

# (command, file name, extra options, exit code, words on stderr, why)
OUTPUT_NAMES = [
    ("list", "out.xls", [], 2, ["out.xls", "did you mean .xlsx?", ".csv"], "a near ending"),
    ("list", "x.pdf", [], 2, ["ending .pdf", ".json", "--format"], "an ending of no format"),
    ("list", "noext", [], 2, ["no ending", ".xlsx"], "no ending at all"),
    ("totals", "t.xls", [], 2, ["did you mean .xlsx?"], "totals too"),
    ("validate", "report.txt", [], 2, [".sarif", "--format"], "validate names its own endings"),
    ("search", "found", ["kemi"], 2, [".jsonl"], "search too"),
    ("list", "noext", ["--format", "jsonl"], 0, [], "--format says what to write"),
]


@pytest.mark.parametrize(
    ("command", "name", "extra", "code", "words", "why"),
    OUTPUT_NAMES,
    ids=[o[-1] for o in OUTPUT_NAMES],
)
def test_an_output_name_of_no_format_is_refused(
    tmp_path: Path, command: str, name: str, extra: list[str], code: int, words: list[str], why: str
) -> None:
    target = tmp_path / name
    run = cli(command, *extra, "-o", str(target))
    assert run.exit_code == code, (why, run.stderr)
    for word in words:
        assert word in run.stderr, why
    assert target.exists() is (code == 0), "a refused run writes no file"


def test_output_names_table_is_unique() -> None:
    assert unique(OUTPUT_NAMES)  # type: ignore[arg-type]


# -- --columns: applied to JSON, refused for SQLite -----------------------------------------

# (arguments, the keys of each JSON record, why)
COLUMNS_JSON = [
    (["list", "--format", "json", "--columns", "name,budget"], ["name", "budget"], "list"),
    (
        ["list", "--format", "json", "--columns", "budget,id", "--active", "2020"],
        ["budget", "id"],
        "in the order given",
    ),
]


@pytest.mark.parametrize(("args", "keys", "why"), COLUMNS_JSON, ids=[c[-1] for c in COLUMNS_JSON])
def test_columns_apply_to_json(args: list[str], keys: list[str], why: str) -> None:
    run = cli(*args)
    assert run.exit_code == 0, run.stderr
    records = json.loads(run.stdout, parse_float=Decimal)
    assert records and all(list(r) == keys for r in records), why


def test_columns_apply_to_search_json() -> None:
    run = cli("search", "korona", "--format", "json", "--columns", "name,score")
    results = json.loads(run.stdout)["results"]
    assert results and all(list(r) == ["name", "score"] for r in results)


def test_columns_with_sqlite_are_refused(tmp_path: Path) -> None:
    target = tmp_path / "h.db"
    run = cli("list", "--columns", "name,budget", "-o", str(target))
    assert run.exit_code == 2
    assert "--columns does not apply to SQLite" in run.stderr
    assert not target.exists()
    assert cli("list", "-o", str(target)).exit_code == 0, "without --columns it is written"
    with sqlite3.connect(target) as db:
        assert db.execute("select count(*) from projects").fetchone() == (8,)


# -- show: an ambiguous start suggests the projects that start with it -----------------------

# (what was typed, the ids suggested, why)
SUGGESTIONS = [
    (
        "k",
        [
            "kemin-akillisen-rakennemuutoksen-toimenpiteet-case-arm-agentti-hanke",
            "koronasta-kasvuun-hanke",
        ],
        "an ambiguous start: only the projects that start with it",
    ),
    (
        "veitsiluo",
        [
            "arm-koordinaatiohanke-case-veitsiluoto-kemin-akillisen-rakennemuutoksen-"
            "toimintasuunnitelman-mukainen-koordinaatiohanke"
        ],
        "no project starts with it: those that hold it",
    ),
]


@pytest.mark.parametrize(("typed", "ids", "why"), SUGGESTIONS, ids=[s[-1] for s in SUGGESTIONS])
def test_show_suggests_matching_projects(typed: str, ids: list[str], why: str) -> None:
    run = cli("show", typed)
    assert run.exit_code == 1
    suggested = run.stderr.split("did you mean: ", 1)[1].strip()
    assert suggested.split(", ") == ids, why


def test_show_says_how_many_suggestions_it_left_out(tmp_path: Path) -> None:
    source = tmp_path / "many.txt"
    source.write_text(
        "".join(
            f"Hanke numero {i}\nToiminta-aika: 1.1.2022–31.12.2022\nBudjetti: {i} €\n\n"
            for i in range(1, 8)
        ),
        encoding="utf-8",
    )
    run = cli("show", "hanke", str(source))
    assert run.exit_code == 1
    assert "hanke-numero-5 (and 2 more)" in run.stderr


# -- the table's note: stderr, one sentence, never contradicting itself ----------------------

# (the steps fit_table took, the note, why)
WIDTH_NOTES = [
    ([], "", "nothing hidden: no note"),
    (
        [NAMES_ONLY],
        "At this width, contacts show names only (a wider terminal or --format csv shows them "
        "in full).",
        "contacts shortened",
    ),
    (
        [NAMES_ONLY, "Contacts"],
        "At this width, column left out: Contacts (a wider terminal or --format csv shows "
        "every column).",
        "contacts left out: their names-only step is no longer said",
    ),
    (
        [NAMES_ONLY, "Contacts", "City share"],
        "At this width, columns left out: Contacts, City share (a wider terminal or --format "
        "csv shows every column).",
        "one sentence naming the columns",
    ),
]


@pytest.mark.parametrize(("taken", "said", "why"), WIDTH_NOTES, ids=[w[-1] for w in WIDTH_NOTES])
def test_width_note_is_one_sentence(taken: list[str], said: str, why: str) -> None:
    assert width_note(taken) == said, why


@pytest.mark.parametrize("width", ["60", "70", "80", "90", "100"])
def test_the_list_note_goes_to_stderr_and_never_contradicts_itself(width: str) -> None:
    run = cli("list", env={"COLUMNS": width})
    assert run.exit_code == 0
    assert "At this width" not in run.stdout
    notes = [line for line in run.stderr.splitlines() if line.startswith("At this width")]
    assert len(notes) <= 1
    for line in notes:
        assert not ("names only" in line and "left out" in line), line
    if width in ("60", "80"):
        assert notes, "a narrow table says what it hid"


# -- Finnish forms in human views, machine forms in CSV ---------------------------------------

# (headcounts, as people read them, why)
STAFF = [
    (
        [
            StaffPeriod(count=Decimal("2.5"), start=date(2021, 9, 1), end=date(2021, 12, 31)),
            StaffPeriod(count=Decimal("3.0"), start=date(2022, 1, 1), end=date(2023, 7, 31)),
        ],
        "2,5 (1.9.2021–31.12.2021); 3,0 (1.1.2022–31.7.2023)",
        "decimal comma, day.month.year",
    ),
    ([StaffPeriod(count=Decimal(1), start=date(2023, 1, 1))], "1 (1.1.2023–…)", "an open end"),
    ([StaffPeriod(count=Decimal(2))], "2 (…)", "no period"),
    ([], "", "no staff"),
]


@pytest.mark.parametrize(("staff", "text", "why"), STAFF, ids=[s[-1] for s in STAFF])
def test_format_staff(staff: list[StaffPeriod], text: str, why: str) -> None:
    assert format_staff(staff) == text, why


FINNISH_STAFF = "2,5 (1.9.2021–31.12.2021); 3,0 (1.1.2022–31.7.2023)"
MACHINE_STAFF = "2.5 (2021-09-01–2021-12-31); 3.0 (2022-01-01–2023-07-31)"


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_show_writes_staff_the_finnish_way(lang: str) -> None:
    run = cli("--lang", lang, "show", "vahvax", env={"COLUMNS": "200"})
    assert FINNISH_STAFF in run.stdout
    assert "2021-09-01" not in run.stdout


def test_a_table_of_chosen_columns_writes_staff_the_finnish_way() -> None:
    run = cli("list", "--columns", "name,staff", env={"COLUMNS": "250"})
    assert FINNISH_STAFF in run.stdout and "2021-09-01" not in run.stdout


def test_diff_table_writes_staff_the_finnish_way(tmp_path: Path) -> None:
    new = tmp_path / "new.txt"
    new.write_text(
        SEED.read_text(encoding="utf-8").replace(
            "2,5 (31.12.2021 saakka", "3,5 (31.12.2021 saakka"
        ),
        encoding="utf-8",
    )
    table = cli("diff", str(SEED), str(new), env={"COLUMNS": "250"})
    assert table.exit_code == 1
    assert FINNISH_STAFF in table.stdout and "2021-09-01" not in table.stdout
    as_json = json.loads(cli("diff", str(SEED), str(new), "--format", "json").stdout)
    assert as_json["changes"][0]["fields"][0]["old"] == MACHINE_STAFF, "JSON is for machines"


def test_csv_keeps_staff_machine_readable() -> None:
    run = cli("list", "--format", "csv", "--columns", "id,staff")
    assert f"{VAHVAX},{MACHINE_STAFF}" in run.stdout


# -- --active: years, months, days and ranges as people type them ----------------------------

# (what was typed, first and last day or the words of the error, why)
ACTIVE: list[tuple[str, tuple[date | None, date | None] | str, str]] = [
    ("2022", (date(2022, 1, 1), date(2022, 12, 31)), "a year"),
    ("2022-06", (date(2022, 6, 1), date(2022, 6, 30)), "a month, ISO"),
    ("6/2022", (date(2022, 6, 1), date(2022, 6, 30)), "a month as descriptions write it"),
    ("2024-02", (date(2024, 2, 1), date(2024, 2, 29)), "a leap February"),
    ("2022-12", (date(2022, 12, 1), date(2022, 12, 31)), "December: the year's last day"),
    ("2022-06-15", (date(2022, 6, 15), date(2022, 6, 15)), "a day, ISO"),
    ("15.6.2022", (date(2022, 6, 15), date(2022, 6, 15)), "a day, Finnish"),
    ("2021..2022", (date(2021, 1, 1), date(2022, 12, 31)), "a range"),
    ("2023..", (date(2023, 1, 1), None), "an open end"),
    ("2021–2022", (date(2021, 1, 1), date(2022, 12, 31)), "years with an en dash"),
    ("2021-2022", (date(2021, 1, 1), date(2022, 12, 31)), "years with a hyphen"),
    ("2021 – 2022", (date(2021, 1, 1), date(2022, 12, 31)), "a dash with spaces"),
    ("1.1.2022-31.12.2022", (date(2022, 1, 1), date(2022, 12, 31)), "Finnish days, a hyphen"),
    ("2022-01-01-2022-06-30", (date(2022, 1, 1), date(2022, 6, 30)), "ISO days, a hyphen"),
    ("2022-06–2022-08", (date(2022, 6, 1), date(2022, 8, 31)), "months with a dash"),
    ("2022-06..2022-07", (date(2022, 6, 1), date(2022, 7, 31)), "months with dots"),
    ("", "FROM..TO", "empty: an error naming the range form"),
    ("  ", "FROM..TO", "only spaces"),
    ("x", "FROM..TO", "not a date"),
    ("2022-13", "FROM..TO", "no 13th month"),
    ("2023–2021", "ends before it starts", "a backward range"),
]


@pytest.mark.parametrize(("typed", "expected", "why"), ACTIVE, ids=[a[-1] for a in ACTIVE])
def test_parse_active(
    typed: str, expected: tuple[date | None, date | None] | str, why: str
) -> None:
    if isinstance(expected, str):
        with pytest.raises(QueryError, match=re.escape(expected)):
            parse_active(typed)
        return
    window = parse_active(typed)
    assert (window.first, window.last) == expected, why


def test_active_table_is_unique() -> None:
    assert unique(ACTIVE)  # type: ignore[arg-type]


# (what was typed, exit code, what stderr holds, why)
ACTIVE_CLI = [
    ("2021–2022", 0, "8 of 8 projects match --active 2021–2022", "an en dash range"),
    ("1.1.2022-31.12.2022", 0, "8 of 8 projects match", "Finnish days"),
    ("2022-06", 0, "7 of 8 projects match --active 2022-06", "a month"),
    ("", 2, "FROM..TO", "empty is refused, never ignored"),
]


@pytest.mark.parametrize(
    ("typed", "code", "said", "why"), ACTIVE_CLI, ids=[a[-1] for a in ACTIVE_CLI]
)
def test_active_on_the_command_line(typed: str, code: int, said: str, why: str) -> None:
    run = cli("list", "--format", "jsonl", "--active", typed)
    assert run.exit_code == code, (why, run.stderr)
    assert said in run.stderr, why


# -- nothing read: no data written --------------------------------------------------------------

# (command and options, why)
NOTHING_READ = [
    (["list", "--format", "csv"], "no CSV header"),
    (["list", "--format", "csv", "--sort", "name"], "no CSV header, sorted"),
    (["list", "--format", "json"], "no empty array"),
    (["list", "--format", "markdown"], "no empty Markdown table"),
    (["totals", "--format", "csv"], "no total of nothing"),
    (["search", "kemi", "--format", "json"], "no empty results"),
    (["search", "kemi", "--format", "csv"], "no search header"),
]


@pytest.mark.parametrize(("args", "why"), NOTHING_READ, ids=[n[-1] for n in NOTHING_READ])
def test_nothing_read_writes_nothing(tmp_path: Path, args: list[str], why: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("Just a line of text.\n", encoding="utf-8")
    run = cli(*args, str(empty))
    assert run.exit_code == 1
    assert run.stdout == "", why
    assert "no input holds a project description" in run.stderr


def test_nothing_read_leaves_the_output_file_as_it_was(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    target = tmp_path / "h.csv"
    target.write_text("old", encoding="utf-8")
    run = cli("list", str(empty), "-o", str(target))
    assert run.exit_code == 1
    assert target.read_text(encoding="utf-8") == "old"


def test_a_filter_that_matches_nothing_still_writes_the_header() -> None:
    run = cli("list", "--format", "csv", "--active", "2030")
    assert run.exit_code == 0
    assert run.stdout.startswith("id,name,")


# -- -q: the counts too -----------------------------------------------------------------------

# (command, a note -q leaves out, a note -q keeps, why)
QUIET = [
    (["list", "--format", "jsonl"], "8 projects", None, "how many were read"),
    (["list", "--format", "jsonl", "--active", "2023"], "4 of 8 projects match", None, "matched"),
    (["totals"], "1 project has errors", None, "the errors hint is a count too"),
    (["list", "--format", "jsonl", "--active", "2022"], "8 of 8", None, "search-like filters"),
]


@pytest.mark.parametrize(("args", "gone", "kept", "why"), QUIET, ids=[q[-1] for q in QUIET])
def test_quiet_leaves_out_the_counts(
    args: list[str], gone: str, kept: str | None, why: str
) -> None:
    assert gone in cli(*args).stderr, "said without -q"
    run = cli("-q", *args)
    assert run.exit_code == 0
    assert gone not in run.stderr, why


def test_quiet_keeps_what_was_left_out(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "kemi.txt").write_bytes(SEED.read_bytes())
    run = cli("-q", "list", str(tmp_path), "--format", "jsonl")
    assert "empty.txt: holds no project description" in run.stderr
    assert "8 projects" not in run.stderr
    narrow = cli("-q", "list", env={"COLUMNS": "60"})
    assert "At this width, columns left out" in narrow.stderr


def test_quiet_help_says_what_it_silences() -> None:
    run = cli("--help", env={"COLUMNS": "200"})
    assert "no counts of the projects read and matched" in " ".join(run.stdout.split())


# -- SARIF ------------------------------------------------------------------------------------


def test_sarif_names_the_tool_home_and_standard_input() -> None:
    run = cli("validate", "--format", "sarif", "-", input=SEED.read_bytes())
    log = json.loads(run.stdout)
    assert log["runs"][0]["tool"]["driver"]["informationUri"] == HOMEPAGE
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in log["runs"][0]["results"]
        for location in result["locations"]
    }
    assert uris == {"stdin"}


def test_the_home_is_one_address() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["urls"]["Homepage"] == HOMEPAGE
    for doc in ("README.md", "docs/validate.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        assert "OWNER" not in text, doc
        assert f"git+{HOMEPAGE}" in text, doc


# -- --statistics with formats that hold findings ---------------------------------------------

# (options, exit code, why)
STATISTICS = [
    (["--format", "sarif"], 2, "SARIF holds findings, not counts"),
    (["--format", "github"], 2, "so do annotations"),
    (["-o", "stats.sarif"], 2, "SARIF by the file's ending"),
    (["--format", "json"], 1, "JSON counts"),
    ([], 1, "text counts"),
]


@pytest.mark.parametrize(("options", "code", "why"), STATISTICS, ids=[s[-1] for s in STATISTICS])
def test_statistics_never_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: list[str], code: int, why: str
) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("validate", "--statistics", *options)
    assert run.exit_code == code, (why, run.stderr)
    if code == 2:
        assert "--statistics writes text or json" in run.stderr
        assert run.stdout == ""
    else:
        assert "funding-sum-mismatch" in run.stdout


def test_statistics_passes_over_a_configured_sarif(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "hankkeet.toml").write_text('format = "sarif"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = cli("validate", "--statistics")
    assert run.exit_code == 1
    assert re.search(r"1\s+funding-sum-mismatch\s+error", run.stdout)


# -- the configuration ------------------------------------------------------------------------

# (the file's text, words of the error, why)
CONFIG_ERRORS = [
    ('formt = "json"\n', "unknown setting 'formt' (did you mean 'format'?)", "a typo"),
    ('pahts = ["a"]\n', "(did you mean 'paths'?)", "letters swapped"),
    ("colour = true\n", "unknown setting 'colour'; known:", "nothing near: no guess"),
]


@pytest.mark.parametrize(("text", "said", "why"), CONFIG_ERRORS, ids=[c[-1] for c in CONFIG_ERRORS])
def test_unknown_setting_gets_did_you_mean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, said: str, why: str
) -> None:
    (tmp_path / "hankkeet.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = cli("list")
    assert run.exit_code == 2
    assert said in run.stderr, why


# (command, exit code, why)
CONFIG_PATHS = [
    (["list"], 2, "list stops"),
    (["totals"], 2, "totals too"),
    (["validate"], 1, "validate reports a finding"),
    (["validate", "--format", "json"], 1, "in JSON too"),
]


@pytest.mark.parametrize(("args", "code", "why"), CONFIG_PATHS, ids=[c[-1] for c in CONFIG_PATHS])
def test_a_missing_configured_path_names_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: int, why: str
) -> None:
    config = tmp_path / "hankkeet.toml"
    config.write_text('paths = ["sivut/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = cli(*args, env={"COLUMNS": "400"})
    assert run.exit_code == code, why
    assert f"(from 'paths' in {config})" in run.stdout + run.stderr, why


def test_a_missing_typed_path_does_not_blame_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "hankkeet.toml").write_text('paths = ["sivut/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = cli("list", "typed.txt")
    assert run.exit_code == 2
    assert "from 'paths'" not in run.stderr


# -- the README and the docs ---------------------------------------------------------------


def doc_text(name: str) -> str:
    """A Markdown file of the project with its lines joined: wrapping never hides a text."""
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())


# (file, text it must hold, why)
DOCS_HOLD = [
    (
        "docs/commands.md",
        "_search=jaanmurtaja*&_searchmode=raw",
        "a prefix search works in datasette 0.65 only raw",
    ),
    ("README.md", "pip install '.[pdf,html,xlsx]'", "the extras as a checkout installs them"),
    (
        "docs/commands.md",
        "`list`, `search`, `totals`, `validate` and `diff` take `-o FILE`",
        "-o where it is",
    ),
    ("docs/commands.md", "memory does not grow with the findings", "memory"),
    ("docs/commands.md", "keep memory flat however large the input", "memory, projects"),
]
# (file, text it must not hold, why)
DOCS_LACK = [
    (name, text, why)
    for name in ("README.md", "docs/commands.md")
    for text, why in [
        ("Every command that writes data takes `-o FILE`", "show and timeline have no -o"),
        ("pip install 'hankkeet[xlsx]'", "no index serves hankkeet"),
        ("OWNER", "no placeholder to fill in"),
    ]
]


@pytest.mark.parametrize(("name", "text", "why"), DOCS_HOLD, ids=[r[-1] for r in DOCS_HOLD])
def test_docs_say(name: str, text: str, why: str) -> None:
    assert text in doc_text(name), why


@pytest.mark.parametrize(
    ("name", "text", "why"), DOCS_LACK, ids=[f"{r[0]}: {r[-1]}" for r in DOCS_LACK]
)
def test_docs_no_longer_say(name: str, text: str, why: str) -> None:
    assert text not in doc_text(name), why


@pytest.mark.parametrize("command", ["show", "timeline", "schema"])
def test_commands_the_readme_says_have_no_output_option(command: str) -> None:
    assert "--output" not in cli(command, "--help", env={"COLUMNS": "200"}).stdout
