"""One language: Finnish or English for every human text, through the gettext catalogs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import cli
from hankkeet.locale import (
    LOCALE_DIR,
    Language,
    _,
    language_from_environment,
    translation,
    use_language,
)
from hankkeet.locale.msgfmt import extract, mo_bytes, parse_po

SRC = Path(__file__).resolve().parents[1] / "src" / "hankkeet"

# (environment, language, why)
ENVIRONMENTS = [
    ({}, Language.EN, "nothing set: English"),
    ({"LANG": "fi_FI.UTF-8"}, Language.FI, "LANG starting with fi"),
    ({"LANG": "en_US.UTF-8"}, Language.EN, "another language"),
    ({"LC_ALL": "fi_FI.UTF-8", "LANG": "en_US.UTF-8"}, Language.FI, "LC_ALL wins over LANG"),
    ({"LC_ALL": "C", "LANG": "fi_FI.UTF-8"}, Language.EN, "LC_ALL=C wins too"),
    ({"LC_MESSAGES": "fi_FI", "LANG": "C"}, Language.FI, "LC_MESSAGES before LANG"),
    ({"LC_ALL": "", "LANG": "fi"}, Language.FI, "an empty variable is not set"),
]


@pytest.mark.parametrize(("environ", "expected", "why"), ENVIRONMENTS,
                         ids=[e[2] for e in ENVIRONMENTS])
def test_language_from_environment(environ: dict[str, str], expected: Language,
                                   why: str) -> None:
    assert language_from_environment(environ) is expected, why


def test_environment_table_is_unique() -> None:
    assert len({e[2] for e in ENVIRONMENTS}) == len(ENVIRONMENTS)


def test_every_message_has_a_finnish_translation() -> None:
    catalog = parse_po((LOCALE_DIR / "fi" / "LC_MESSAGES" / "hankkeet.po")
                       .read_text(encoding="utf-8"))
    for msgid, plural in extract(SRC):
        key = msgid if plural is None else f"{msgid}\0{plural}"
        assert catalog.get(key, "").strip("\0"), f"no Finnish for {msgid!r}"


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_committed_catalogs_match_their_po_files(lang: str) -> None:
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    po = parse_po((folder / "hankkeet.po").read_text(encoding="utf-8"))
    assert (folder / "hankkeet.mo").read_bytes() == mo_bytes(po), \
        "run python -m hankkeet.locale.msgfmt after editing a .po file"


def test_placeholders_survive_translation() -> None:
    import re
    catalog = parse_po((LOCALE_DIR / "fi" / "LC_MESSAGES" / "hankkeet.po")
                       .read_text(encoding="utf-8"))
    for key, value in catalog.items():
        if not key:
            continue  # the header
        wanted = set(re.findall(r"\{\w+\}", key.split("\0")[0]))
        for form in value.split("\0"):
            assert set(re.findall(r"\{\w+\}", form)) == wanted, (key, form)


def test_gettext_switches_language() -> None:
    with use_language(Language.FI):
        assert _("Budget") == "Budjetti"
    with use_language(Language.EN):
        assert _("Budget") == "Budget"
    assert translation(Language.FI).ngettext("{n} error", "{n} errors", 2) == "{n} virhettä"


# (arguments, English, Finnish, why)
TEXTS = [
    (["list"], "Budget", "Budjetti", "list headers"),
    (["totals", "--by-program"], "Total", "Yhteensä", "totals footer"),
    (["totals", "--by-funder"], "municipalities", "kunnat", "funder names"),
    (["totals", "--by-year"], "spread over calendar years", "jaetaan kalenterivuosille",
     "totals notes"),
    (["show", "harrastusten"], "city share", "kaupungin osuus", "show labels"),
    (["search", "korona"], "3 projects: korona", "3 hanketta: korona", "search title"),
    (["timeline"], "today", "tänään", "timeline marker"),
    (["validate", "--list-rules"], "Severity", "Vakavuus", "rule catalogue headers"),
    (["validate"], "warning", "varoitus", "severities in the report"),
]


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize(("args", "english", "finnish", "why"), TEXTS, ids=[t[3] for t in TEXTS])
def test_human_text_in_one_language(args: list[str], english: str, finnish: str, why: str,
                                    lang: str) -> None:
    run = cli("--lang", lang, *args, env={"COLUMNS": "160"})
    expected, other = (english, finnish) if lang == "en" else (finnish, english)
    assert expected in run.stdout, why
    if other not in expected:
        assert other not in run.stdout, why


# (arguments, English, Finnish, exit code, why)
MESSAGES = [
    (["validate"], "1 error, 2 warnings, 1 info in 8 projects from 1 file: not valid",
     "1 virhe, 2 varoitusta, 1 tieto 8 hankkeessa 1 tiedostosta: ei kunnossa", 1, "summary"),
    (["list", "--active", "x"], "is not a year", "ei ole vuosi", 2, "a usage error"),
    (["list", "--programme", "NOPE"], "unknown programme", "tuntematon ohjelma", 2,
     "an unknown programme"),
    (["show", "ei-tallaista"], "no single project", "ei löydy yhtä hanketta", 1, "show"),
    (["list", "--excel"], "--excel applies", "--excel koskee", 2, "excel without csv"),
    (["search", "zzzzqq"], "no project matches", "mikään hanke ei vastaa", 1, "no result"),
]


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize(("args", "english", "finnish", "code", "why"), MESSAGES,
                         ids=[m[4] for m in MESSAGES])
def test_messages_in_one_language(args: list[str], english: str, finnish: str, code: int,
                                  why: str, lang: str) -> None:
    run = cli("--lang", lang, *args)
    assert run.exit_code == code, why
    assert (english if lang == "en" else finnish) in run.stderr, why


def test_locale_chooses_finnish_and_lang_overrides_it() -> None:
    assert "Budjetti" in cli("list", env={"LANG": "fi_FI.UTF-8"}).stdout
    assert "Budget" in cli("--lang", "en", "list", env={"LANG": "fi_FI.UTF-8"}).stdout


def test_codes_and_json_keys_stay_english() -> None:
    run = cli("--lang", "fi", "validate", "--format", "json")
    report = json.loads(run.stdout)
    assert set(report) == {"valid", "stats", "diagnostics"}
    assert {d["severity"] for d in report["diagnostics"]} <= {"error", "warning", "info"}
    assert "funding-sum-mismatch" in {d["code"] for d in report["diagnostics"]}
    totals = json.loads(cli("--lang", "fi", "totals", "--by-funder", "--format", "json").stdout)
    assert totals["rows"][1]["funder"] == "eu_state"


@pytest.mark.parametrize(("env", "args", "expected", "why"), [
    ({"LANG": "fi_FI.UTF-8"}, ["list", "--help"], "Esimerkki: hankkeet list", "locale"),
    ({}, ["--lang", "fi", "totals", "--help"], "Esimerkki: hankkeet totals", "--lang"),
    ({"LANG": "fi_FI.UTF-8"}, ["--lang", "en", "list", "--help"], "Example: hankkeet list",
     "--lang wins over the locale"),
])
def test_help_follows_the_language(env: dict[str, str], args: list[str], expected: str,
                                   why: str) -> None:
    from conftest import run_process
    run = run_process(*args, env=env)
    assert run.exit_code == 0, run.stderr
    assert expected in run.stdout, why
