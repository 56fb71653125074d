"""--quiet, --jobs and --lang work after the command as before it: the same meaning, and
given in both places the later one wins, as with any option given twice (issue 26, 7)."""

from __future__ import annotations

import pytest
import typer.main
from typer.core import TyperGroup

from conftest import SEED, Run, cli
from hankkeet.cli import app

# (a global option, the command and its own arguments, environment, why)
SAME_MEANING = [
    (["--lang", "en"], ["totals", "--by-program"], {"LANG": "fi_FI.UTF-8"}, "--lang en"),
    (["--lang", "fi"], ["list", "--active", "2022"], {}, "--lang fi, with a note"),
    (["--lang=fi"], ["validate", str(SEED)], {}, "--lang=fi"),
    (["-q"], ["list", "--active", "2022"], {}, "-q leaves out the counts"),
    (["--quiet"], ["totals"], {}, "--quiet"),
    (["--jobs", "2"], ["list", "--format", "jsonl", str(SEED)], {}, "--jobs 2"),
    (["-j", "1"], ["search", "korona"], {}, "-j 1"),
    (["--jobs", "0"], ["list"], {}, "a usage error"),
    (["--lang", "fi", "--jobs", "0"], ["list"], {}, "a usage error in Finnish"),
]


@pytest.mark.parametrize(
    ("option", "command", "env", "why"), SAME_MEANING, ids=[s[3] for s in SAME_MEANING]
)
def test_after_the_command_as_before_it(
    option: list[str], command: list[str], env: dict[str, str], why: str
) -> None:
    before = cli(*option, *command, env=env)
    after = cli(*command, *option, env=env)
    assert "No such option" not in after.stderr and "no such option" not in after.stderr, why
    assert outcome(after) == outcome(before), why


def outcome(run: Run) -> tuple[int, str, str]:
    """Exit code, stdout and stderr; of a usage error only its last line (the usage line
    names the command the option was given to)."""
    said = run.stderr.splitlines()[-1] if run.exit_code == 2 else run.stderr
    return run.exit_code, run.stdout, said


def test_the_option_does_something() -> None:
    """The table above compares two runs: here each option changes the run it is given to."""
    plain = cli("totals", "--by-program")
    assert "Programme" in plain.stdout
    assert "Ohjelma" in cli("totals", "--by-program", "--lang", "fi").stdout
    assert "project" in cli("list").stderr
    assert cli("list", "-q").stderr == ""
    assert cli("list", "--jobs", "0").exit_code == 2


# (before the command, after it, a word of the language that wins, why)
LATER_WINS = [
    (["--lang", "fi"], ["--lang", "en"], "Programme", "en after fi"),
    (["--lang", "en"], ["--lang", "fi"], "Ohjelma", "fi after en"),
]


@pytest.mark.parametrize(
    ("before", "after", "word", "why"), LATER_WINS, ids=[w[3] for w in LATER_WINS]
)
def test_the_later_wins(before: list[str], after: list[str], word: str, why: str) -> None:
    run = cli(*before, "totals", "--by-program", *after)
    assert run.exit_code == 0, run.stderr
    assert word in run.stdout, why


@pytest.mark.parametrize(
    ("env", "expected", "why"),
    [
        ({"LANG": "fi_FI.UTF-8"}, "no such option: --bogus", "--lang en over the locale"),
        ({}, "no such option: --bogus", "English"),
    ],
)
def test_a_usage_error_after_the_command_speaks_its_lang(
    env: dict[str, str], expected: str, why: str
) -> None:
    run = cli("list", "--bogus", "--lang", "en", env=env)
    assert run.exit_code == 2
    assert expected in run.stderr and "Virhe" not in run.stderr, why
    finnish = cli("list", "--bogus", "--lang", "fi", env=env)
    assert "tuntematon valitsin: --bogus" in finnish.stderr, why


def test_every_command_takes_them() -> None:
    """Every command of the app, a new one too, takes the global options after its name."""
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    wanted = {"--quiet", "-q", "--jobs", "-j", "--lang"}
    for name, command in group.commands.items():
        taken = {opt for param in command.params for opt in param.opts}
        assert wanted <= taken, name


def test_a_value_after_double_dash_is_no_option() -> None:
    """`--` ends the options: a --lang after it is an argument (here a path that is not)."""
    run = cli("list", "--", "--lang", "fi")
    assert run.exit_code == 2
    assert "--lang" in run.stderr and "Virhe" not in run.stderr
