"""Help and usage errors speak the run's language: every heading, option help, note and
usage error in Finnish in a Finnish run and in English in an English one (issue 27, 9)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from typer.core import TyperArgument, TyperGroup, TyperOption

from conftest import SEED, changed_copy, cli, run_process
from hankkeet.cli import app
from hankkeet.cli.language import translate_help
from hankkeet.export.output import EXTENSION_FORMATS
from hankkeet.locale import Language, use_language


def app_commands() -> list[str]:
    """Every command of the app, as its help lists them (a new command is walked too)."""
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    return list(group.commands)


COMMANDS = app_commands()

# Words of English sentences that no Finnish help holds (option names, metavars, format
# names and examples are left out before looking).
ENGLISH = frozenset(
    {
        "usage",
        "options",
        "arguments",
        "commands",
        "this",
        "message",
        "exit",
        "the",
        "of",
        "and",
        "to",
        "with",
        "for",
        "from",
        "is",
        "are",
        "not",
        "each",
        "every",
        "only",
        "default",
        "required",
        "least",
        "most",
        "try",
        "error",
        "write",
    }
)
# Words of Finnish sentences that no English help holds.
FINNISH = frozenset(
    {
        "käyttö",
        "valitsimet",
        "argumentit",
        "komennot",
        "näytä",
        "ohje",
        "lopeta",
        "esimerkki",
        "oletus",
        "vähintään",
        "tai",
        "ja",
        "kun",
        "tämä",
        "kaikki",
        "vain",
        "virhe",
    }
)

# (how the language is chosen: extra arguments first, environment, language, why)
CHOICES = [
    (["--lang", "fi"], {}, Language.FI, "--lang fi"),
    (["--lang", "en"], {"LANG": "fi_FI.UTF-8"}, Language.EN, "--lang en over the locale"),
    ([], {"LANG": "fi_FI.UTF-8"}, Language.FI, "the locale alone"),
    ([], {}, Language.EN, "nothing set"),
]
CHOICE_IDS = [c[3] for c in CHOICES]
# (extra arguments after the command, environment, language, why): help only
HELP_CHOICES = [
    *CHOICES,
    ([], {"LANG": "fi"}, Language.FI, "LANG=fi"),
]
AFTER = [
    (["--lang", "fi"], {}, Language.FI, "--lang fi after the command"),
    (["--lang", "en"], {"LANG": "fi"}, Language.EN, "--lang en after the command"),
]


def sentence_words(text: str) -> set[str]:
    """The lower-case words of the help's sentences: not option names, metavars (CAPITALS),
    choice lists (<a|b>), quoted examples ('x'), paths or the example command lines."""
    text = "\n".join(
        line for line in text.splitlines() if not re.match(r"\s*(Example|Esimerkki):", line)
    )
    text = re.sub(r"(?<=\w)-\n\s*", "-", text)  # a code wrapped at its hyphen is one word
    text = re.sub(r"<[^>]*>|'[^']*'|\"[^\"]*\"|--?[\w-]+|\S*[./]\S*|\w+(?:-\w+)+", " ", text)
    return {w.casefold() for w in re.findall(r"[^\W\d_]+", text) if not w.isupper()}


def help_of(args: list[str], env: dict[str, str]) -> str:
    run = cli(*args, env=env)
    assert run.exit_code == 0, run.stderr
    return run.stdout


@pytest.mark.parametrize("command", [None, *COMMANDS], ids=["(root)", *COMMANDS])
@pytest.mark.parametrize(
    ("where", "given", "env", "language", "why"),
    [("before", *c) for c in HELP_CHOICES]
    # After the command the same texts again, for every command: a wide matrix, run with
    # the slow tests (tests/test_global_options.py checks options after the command fast).
    + [pytest.param("after", *c, marks=pytest.mark.slow) for c in AFTER],
    ids=[c[3] for c in HELP_CHOICES] + [c[3] for c in AFTER],
)
def test_help_speaks_one_language(
    command: str | None,
    where: str,
    given: list[str],
    env: dict[str, str],
    language: Language,
    why: str,
) -> None:
    named = [command] if command else []
    args = [*given, *named, "--help"] if where == "before" else [*named, "--help", *given]
    text = help_of(args, env)
    words = sentence_words(text)
    if language is Language.FI:
        assert text.startswith("Käyttö: hankkeet"), why
        assert "Esimerkki: hankkeet" in text, "every command has help with an example"
        assert not words & ENGLISH, f"{why}: English in Finnish help: {sorted(words & ENGLISH)}"
    else:
        assert text.startswith("Usage: hankkeet"), why
        assert "Example: hankkeet" in text, "every command has help with an example"
        assert not words & FINNISH, f"{why}: Finnish in English help: {sorted(words & FINNISH)}"


@pytest.mark.parametrize("command", [None, *COMMANDS], ids=["(root)", *COMMANDS])
def test_no_line_of_the_other_language(command: str | None) -> None:
    """A line of sentences that reads the same in the Finnish and the English help was left
    untranslated (`LANG=fi hankkeet validate --help` once mixed the two languages)."""
    named = [command] if command else []
    finnish = help_of([*named, "--help"], {"LANG": "fi"})
    english = help_of([*named, "--help"], {})
    assert finnish != english

    def sentences(text: str) -> set[str]:
        return {line.strip() for line in text.splitlines() if sentence_words(line)}

    same = sentences(finnish) & sentences(english)
    assert not same, f"the same line in the Finnish and the English help: {sorted(same)}"


def test_every_help_text_has_a_finnish_translation() -> None:
    """Each command's help and each option's and argument's help differs in Finnish."""

    def texts(language: Language) -> dict[str, str | None]:
        group = typer.main.get_command(app)
        assert isinstance(group, TyperGroup)
        with use_language(language):
            translate_help(group)
        found: dict[str, str | None] = {"(root)": group.help}
        for name, command in group.commands.items():
            found[name] = command.help
            for param in command.params:
                if isinstance(param, TyperOption | TyperArgument):
                    found[f"{name} {param.name}"] = param.help
        for param in group.params:
            if isinstance(param, TyperOption | TyperArgument):
                found[f"(root) {param.name}"] = param.help
        return found

    english, finnish = texts(Language.EN), texts(Language.FI)
    assert english.keys() == finnish.keys()
    same = [key for key, text in english.items() if text and finnish[key] == text]
    assert not same, f"help left in English in a Finnish run: {same}"


def test_help_fits_the_terminal() -> None:
    run = run_process("--lang", "fi", "list", "--help", env={"COLUMNS": "60"})
    assert run.exit_code == 0, run.stderr
    assert max(len(line) for line in run.stdout.splitlines()) <= 60


# (arguments, Finnish, English, why): each a usage error, exit 2
USAGE_ERRORS = [
    (["list", "--bogus"], "tuntematon valitsin: --bogus", "no such option: --bogus", "option"),
    (
        ["list", "--format", "foo"],
        "'foo' ei ole mikään näistä: table, json",
        "'foo' is not one of: table, json",
        "a choice that is not one",
    ),
    (["--jobs", "0", "list"], "'0' on pienempi kuin 1", "'0' is less than 1", "below a minimum"),
    (["list", "--limit", "x"], "'x' ei ole kokonaisluku", "'x' is not a whole number", "int"),
    (["show"], "argumentti 'ID' puuttuu", "missing argument 'ID'", "a missing argument"),
    (["lisst"], "tuntematon komento 'lisst'", "no such command 'lisst'", "unknown command"),
    (["schema", "x"], "ylimääräisiä argumentteja: x", "unexpected extra arguments: x", "extra"),
    (["list", "--format"], "valitsin --format tarvitsee arvon", "--format needs a value", "value"),
    (
        ["show", "x", "--format", "xlsx"],
        "'xlsx' ei ole mikään näistä",
        "'xlsx' is not one of",
        "show writes no files",
    ),
]


@pytest.mark.parametrize(("first", "env", "language", "why"), CHOICES, ids=CHOICE_IDS)
@pytest.mark.parametrize(
    ("args", "finnish", "english", "what"), USAGE_ERRORS, ids=[u[3] for u in USAGE_ERRORS]
)
def test_usage_errors_speak_the_language(
    args: list[str],
    finnish: str,
    english: str,
    what: str,
    first: list[str],
    env: dict[str, str],
    language: Language,
    why: str,
) -> None:
    run = cli(*first, *args, env=env)
    assert run.exit_code == 2, (what, why, run.stderr)
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    if language is Language.FI:
        assert finnish in run.stderr, (what, why, run.stderr)
        assert "Virhe: " in run.stderr
        for word in ("Usage:", "Error:", "Try '", "Invalid value", "Value error"):
            assert word not in run.stderr, (what, why, run.stderr)
    else:
        assert english in run.stderr, (what, why, run.stderr)
        assert "Error: " in run.stderr
        for word in ("Käyttö:", "Virhe:", "Ohje:", "Value error"):
            assert word not in run.stderr, (what, why, run.stderr)


def test_usage_error_tables_are_unique() -> None:
    assert len({u[3] for u in USAGE_ERRORS}) == len(USAGE_ERRORS)
    assert len({c[3] for c in CHOICES}) == len(CHOICES)


def test_a_real_usage_error_exits_2_without_a_traceback() -> None:
    run = run_process("--lang", "fi", "list", "--format", "foo")
    assert run.exit_code == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith("Käyttö: ") and "hankkeet list [VALITSIMET]" in run.stderr
    assert "Ohje: '" in run.stderr and "hankkeet list -h'." in run.stderr


# -- help that lists only what the command accepts ------------------------------------------


def test_format_help_lists_only_the_formats_a_command_writes() -> None:
    """--format's choices are what the command takes, and -o's help names only endings of
    those formats (show offered xlsx and sqlite; search offered .xlsx and .sqlite)."""
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    with use_language(Language.EN):
        translate_help(group)
    checked = 0
    for name, command in group.commands.items():
        params = {p.name: p for p in command.params if isinstance(p, TyperOption)}
        fmt = params.get("fmt")
        if fmt is None or fmt.type_descriptor.choices is None:
            continue
        formats = {str(getattr(c, "value", c)) for c in fmt.type_descriptor.choices}
        output = params.get("output")
        if output is not None and output.help:
            endings = re.findall(r"(?<![\w/])\.[a-z0-9]+\b", output.help)
            assert endings, name
            assert {EXTENSION_FORMATS[e] for e in endings} <= formats, name
            checked += 1
    assert checked >= 5
    assert "--format <table|json|jsonl|csv|markdown>" in cli("show", "--help").stdout
    search_help = cli("search", "--help").stdout
    assert ".xlsx" not in search_help and ".sqlite" not in search_help


# -- human output in the language; machine output never changes ------------------------------


@pytest.mark.parametrize(
    ("lang", "expected", "other"),
    [("en", "(in\u00a02021)", "(v.\u00a02021)"), ("fi", "(v.\u00a02021)", "(in\u00a02021)")],
)
def test_the_city_share_year_in_the_language(lang: str, expected: str, other: str) -> None:
    for args in (["list"], ["show", "kemin-akillisen"]):
        run = cli("--lang", lang, *args, env={"COLUMNS": "160"})
        assert run.exit_code == 0, run.stderr
        assert expected in run.stdout and other not in run.stdout, args


def test_validate_file_heading_in_the_language() -> None:
    assert "  (tiedosto)" in cli("--lang", "fi", "validate").stdout.splitlines()
    assert "  (file)" in cli("--lang", "en", "validate").stdout.splitlines()


def test_diff_field_column_in_the_language(tmp_path: Path) -> None:
    changed = str(changed_copy(tmp_path))
    finnish = cli("--lang", "fi", "diff", str(SEED), changed, env={"COLUMNS": "160"}).stdout
    english = cli("--lang", "en", "diff", str(SEED), changed, env={"COLUMNS": "160"}).stdout
    assert re.search(r"\bbudjetti\b", finnish) and not re.search(r"\bbudget\b", finnish)
    assert re.search(r"\bbudget\b", english)
    # The Markdown for a review keeps the field's key, as JSON does.
    markdown = cli("--lang", "fi", "diff", str(SEED), changed, "--format", "markdown").stdout
    assert "| budget |" in markdown.replace("  ", " ")


def test_search_field_column_in_the_language() -> None:
    run = cli("--lang", "fi", "search", "korona", "--in", "name,summary", env={"COLUMNS": "160"})
    assert run.exit_code == 0, run.stderr
    assert "tiivistelmä" in run.stdout and "summary" not in run.stdout
    data = cli("--lang", "fi", "search", "korona", "--format", "json").stdout
    assert '"summary"' in data  # JSON keeps the field's key


def test_completion_install_says_it_in_the_language(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    run = run_process("--lang", "fi", "--install-completion", "bash", env=env)
    assert run.exit_code == 0, run.stderr
    assert "bash-täydennys asennettu tiedostoon" in run.stderr
    assert "installed" not in run.stderr + run.stdout
