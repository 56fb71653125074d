"""One language: Finnish or English for every human text, through the gettext catalogs."""

from __future__ import annotations

import json
import marshal
from pathlib import Path

import pytest

from conftest import BOTH_RUNNERS, Runner, cli
from hankkeet.diagnostics import MESSAGE_MAX, pack_message, unpack_message
from hankkeet.locale import (
    LOCALE_DIR,
    M_,
    MN_,
    Language,
    Message,
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


@pytest.mark.parametrize(
    ("environ", "expected", "why"), ENVIRONMENTS, ids=[e[2] for e in ENVIRONMENTS]
)
def test_language_from_environment(environ: dict[str, str], expected: Language, why: str) -> None:
    assert language_from_environment(environ) is expected, why


def test_environment_table_is_unique() -> None:
    assert len({e[2] for e in ENVIRONMENTS}) == len(ENVIRONMENTS)


def test_every_message_has_a_finnish_translation() -> None:
    catalog = parse_po(
        (LOCALE_DIR / "fi" / "LC_MESSAGES" / "hankkeet.po").read_text(encoding="utf-8")
    )
    for msgid, plural in extract(SRC):
        key = msgid if plural is None else f"{msgid}\0{plural}"
        assert catalog.get(key, "").strip("\0"), f"no Finnish for {msgid!r}"


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_committed_catalogs_match_their_po_files(lang: str) -> None:
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    po = parse_po((folder / "hankkeet.po").read_text(encoding="utf-8"))
    assert (folder / "hankkeet.mo").read_bytes() == mo_bytes(po), (
        "run python -m hankkeet.locale.msgfmt after editing a .po file"
    )


def test_placeholders_survive_translation() -> None:
    import re

    catalog = parse_po(
        (LOCALE_DIR / "fi" / "LC_MESSAGES" / "hankkeet.po").read_text(encoding="utf-8")
    )
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
    (
        ["totals", "--by-year"],
        "spread over calendar years",
        "jaetaan kalenterivuosille",
        "totals notes",
    ),
    (["show", "harrastusten"], "city share", "kaupungin osuus", "show labels"),
    (["search", "korona"], "3 projects: korona", "3 hanketta: korona", "search title"),
    (["timeline"], "today", "tänään", "timeline marker"),
    (["validate", "--list-rules"], "Severity", "Vakavuus", "rule catalogue headers"),
    (["validate"], "warning", "varoitus", "severities in the report"),
]


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize(("args", "english", "finnish", "why"), TEXTS, ids=[t[3] for t in TEXTS])
def test_human_text_in_one_language(
    args: list[str], english: str, finnish: str, why: str, lang: str
) -> None:
    run = cli("--lang", lang, *args, env={"COLUMNS": "160"})
    expected, other = (english, finnish) if lang == "en" else (finnish, english)
    assert expected in run.stdout, why
    if other not in expected:
        assert other not in run.stdout, why


# (arguments, English, Finnish, exit code, why)
MESSAGES = [
    (
        ["validate"],
        "1 error, 2 warnings, 1 info in 8 projects from 1 file: not valid",
        "1 virhe, 2 varoitusta, 1 tieto 8 hankkeessa 1 tiedostosta: ei kunnossa",
        1,
        "summary",
    ),
    (["list", "--active", "x"], "is not a year", "ei ole vuosi", 2, "a usage error"),
    (
        ["list", "--programme", "NOPE"],
        "unknown programme",
        "tuntematon ohjelma",
        2,
        "an unknown programme",
    ),
    (["show", "ei-tallaista"], "no single project", "ei löydy yhtä hanketta", 1, "show"),
    (["list", "--excel"], "--excel applies", "--excel koskee", 2, "excel without csv"),
    (["search", "zzzzqq"], "no project matches", "mikään hanke ei vastaa", 1, "no result"),
]


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize(
    ("args", "english", "finnish", "code", "why"), MESSAGES, ids=[m[4] for m in MESSAGES]
)
def test_messages_in_one_language(
    args: list[str], english: str, finnish: str, code: int, why: str, lang: str
) -> None:
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


@pytest.mark.parametrize(
    ("env", "args", "expected", "why"),
    [
        ({"LANG": "fi_FI.UTF-8"}, ["list", "--help"], "Esimerkki: hankkeet list", "locale"),
        ({}, ["--lang", "fi", "totals", "--help"], "Esimerkki: hankkeet totals", "--lang"),
        (
            {"LANG": "fi_FI.UTF-8"},
            ["--lang", "en", "list", "--help"],
            "Example: hankkeet list",
            "--lang wins over the locale",
        ),
    ],
)
@pytest.mark.parametrize("runner", BOTH_RUNNERS)
def test_help_follows_the_language(
    runner: Runner, env: dict[str, str], args: list[str], expected: str, why: str
) -> None:
    run = runner(*args, env=env)
    assert run.exit_code == 0, run.stderr
    assert expected in run.stdout, why


# -- finding messages and the rule catalogue ------------------------------------------------

RULE_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"


def github_findings(lang: str, path: str) -> list[tuple[str, str]]:
    """(code, message) of every finding, from validate's one-line GitHub annotations."""
    run = cli("--lang", lang, "validate", "--format", "github", path)
    found = []
    for line in run.stdout.splitlines():
        if line.startswith("::"):
            head, _sep, message = line[2:].partition("::")
            # GitHub's escapes undone; amounts keep no-break spaces, compared as spaces here.
            plain = message.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
            found.append((head.rpartition("title=")[2], plain.replace("\xa0", " ")))
    return found


# (rule fixture, Finnish message, why)
FINNISH_FINDINGS = [
    ("empty-field", "'Hankehenkilökunnan määrä' on tyhjä", "the label quoted as written"),
    ("missing-field", "budjetti puuttuu (Budjetti)", "a required field"),
    ("impossible-date", "'31.2.2023' ei ole todellinen päivämäärä", "a date"),
    ("unreadable-date", "'syksy 2024' on vuodenaika, ei päivämäärä", "a season"),
    ("unreadable-money", "tekstissä 'noin satatuhatta' ei ole euromäärää", "money"),
    ("per-year-amount", "'50 000 €' on vuosikohtainen summa, ei kokonaissumma", "per year"),
    ("label-typo", "otsikko 'Budjeti' luettu otsikoksi 'Budjetti'", "a misspelt label"),
    (
        "unknown-label",
        "tuntematon otsikko 'Vastuualue' (tarkoititko 'Vastuuhenkilö'?); sen arvoa ei käytetä",
        "a suggestion, made per run",
    ),
    ("programme-typo", "'EARK' luettu muotoon 'EAKR'", "a misspelt programme"),
    ("title-typo", "nimike 'projektipäälikkö': tarkoititko 'projektipäällikkö'?", "a title"),
    (
        "end-before-start",
        "toiminta-aika päättyy 31.12.2022, ennen kuin se alkaa 1.1.2023",
        "a check",
    ),
    (
        "city-share-above-budget",
        "kaupungin osuus 120 000 € on suurempi kuin budjetti 100 000 €",
        "amounts as every view writes them",
    ),
    (
        "funding-sum-mismatch",
        "rahoitustekstissä on 70 000 € + 20 000 € = 90 000 €, mutta "
        "budjetti on 100 000 € (erotus 10 000 €)",
        "a sum",
    ),
    (
        "share-mismatch",
        "rahoitusosuus 80 % tarkoittaa kaupungin osuutta 20 000 € (100 000 € × "
        "20 %), mutta kaupungin osuus on 10 000 €",
        "a fragment inside a message",
    ),
    (
        "prose-fact",
        "budjetti 48 000 € luettu virkkeestä 'Hankkeen kokonaisbudjetti on 48 000 euroa.'",
        "the field's name translated, the sentence quoted",
    ),
    (
        "uncertain-fact",
        "'Hankkeen budjetti on noin 50 000 euroa.' ilmoittaa budjetin "
        "likimääräisenä ('noin'), ei tarkasti",
        "a sentence too vague",
    ),
    ("preamble", "teksti ennen ensimmäistä hanketta (rivi 1) ei ole hanke", "file level"),
    ("unreadable-file", "sisältää NUL-tavuja; ei ole tekstitiedosto", "an input error"),
]


def test_finnish_findings_table_is_unique() -> None:
    assert len({f[0] for f in FINNISH_FINDINGS}) == len(FINNISH_FINDINGS) >= 10


@pytest.mark.parametrize(
    ("code", "finnish", "why"), FINNISH_FINDINGS, ids=[f[0] for f in FINNISH_FINDINGS]
)
def test_finding_messages_in_finnish(code: str, finnish: str, why: str) -> None:
    path = str(RULE_FIXTURES / f"{code}.txt")
    found = github_findings("fi", path)
    assert (code, finnish) in found, (why, found)


@pytest.mark.parametrize("fixture", sorted(p.stem for p in RULE_FIXTURES.glob("*.txt")))
def test_no_finding_message_left_in_english(fixture: str) -> None:
    path = str(RULE_FIXTURES / f"{fixture}.txt")
    english, finnish = github_findings("en", path), github_findings("fi", path)
    assert [c for c, _m in english] == [c for c, _m in finnish]
    assert english, "every rule fixture has a finding"
    for (code, en), (_code, fi) in zip(english, finnish, strict=True):
        assert en != fi, f"{code}: still English in a Finnish run: {en}"


def test_machine_output_keeps_english_messages() -> None:
    path = str(RULE_FIXTURES / "funding-sum-mismatch.txt")
    for fmt in ("json", "sarif"):
        en = cli("--lang", "en", "validate", "--format", fmt, path).stdout
        assert cli("--lang", "fi", "validate", "--format", fmt, path).stdout == en, fmt
        assert "the funding text states" in en
    rules = cli("--lang", "fi", "validate", "--list-rules", "--format", "json").stdout
    assert json.loads(rules)[0]["title"] == "Unknown label"


def test_a_baseline_written_in_finnish_matches_in_english(tmp_path: Path) -> None:
    path = str(RULE_FIXTURES / "funding-sum-mismatch.txt")
    baseline = tmp_path / "baseline.json"
    assert cli("--lang", "fi", "validate", "--write-baseline", str(baseline), path).exit_code == 0
    assert "the funding text states" in baseline.read_text(encoding="utf-8")
    assert cli("--lang", "en", "validate", "--baseline", str(baseline), path).exit_code == 0


# (arguments, Finnish, why)
FINNISH_CATALOGUE = [
    (["validate", "--list-rules"], "Rahoitus ei täsmää budjettiin", "titles"),
    (
        ["validate", "--explain", "per-year-amount"],
        "Summa on ilmoitettu vuotta kohden",
        "explanations",
    ),
    (["validate", "--explain", "per-year-amount"], "(varoitus)", "the severity in words"),
    (["validate", "--statistics"], "Rahoitus ei täsmää budjettiin", "--statistics"),
]


@pytest.mark.parametrize(
    ("args", "finnish", "why"), FINNISH_CATALOGUE, ids=[f[2] for f in FINNISH_CATALOGUE]
)
def test_rule_catalogue_in_finnish(args: list[str], finnish: str, why: str) -> None:
    run = cli("--lang", "fi", *args, env={"COLUMNS": "200"})
    assert finnish in run.stdout, why


@pytest.mark.parametrize(
    ("args", "finnish", "why"),
    [
        (["list", "--columns", "nope"], "tuntematon sarake 'nope'", "--columns"),
        (["search", "korona", "--in", "nope"], "tuntematon kenttä 'nope'", "search --in"),
        (
            ["validate", "--select", "fundng-sum-mismatch"],
            "tarkoititko 'funding-sum-mismatch'",
            "a rule code",
        ),
        (["list", "nope/missing.txt"], "tiedostoa tai kansiota ei ole", "a missing input"),
    ],
)
def test_usage_errors_in_finnish(args: list[str], finnish: str, why: str) -> None:
    run = cli("--lang", "fi", *args)
    assert run.exit_code == 2, (why, run.stderr)
    assert finnish in run.stderr, why


def test_configuration_errors_follow_the_locale(tmp_path: Path) -> None:
    from conftest import run_process

    (tmp_path / "hankkeet.toml").write_text('strict = "yes"\n', encoding="utf-8")
    run = run_process("list", env={"LANG": "fi_FI.UTF-8"}, cwd=tmp_path)
    assert run.exit_code == 2 and "'strict' on oltava true tai false" in run.stderr


def test_the_library_speaks_no_language() -> None:
    """A reader's finding is a value: written in English or Finnish where it is shown,
    whatever language the process has chosen when it was read (issue 26 item 2)."""
    from hankkeet.reading.dates import read_period

    cli("--lang", "fi", "validate", str(RULE_FIXTURES / "unreadable-date.txt"))
    with use_language(Language.FI):
        message = read_period("syksy 2024").problems[0].message
    assert message.text(Language.EN) == "'syksy 2024' names a season, not a date"
    assert message.text(Language.FI) == "'syksy 2024' on vuodenaika, ei päivämäärä"
    assert message.values() == {"text": "syksy 2024"}


def test_rule_catalogue_is_in_the_catalogs() -> None:
    from hankkeet.diagnostics import RULES

    with use_language(Language.FI):
        for rule in RULES.values():
            assert _(rule.title) != rule.title, rule.code
            assert _(rule.explanation) != rule.explanation, rule.code


def test_a_message_looked_up_again_is_in_the_language_of_the_moment() -> None:
    """`_` remembers each message per language: switching back and forth gives each
    language's own text, the same as the catalog's."""
    message = "the project has no name (no title line before its fields)"
    finnish = translation(Language.FI).gettext(message)
    assert finnish != message
    seen = []
    for language in (Language.FI, Language.EN, Language.FI, Language.EN):
        with use_language(language):
            seen.append(_(message))
    assert seen == [finnish, message, finnish, message]


def test_messages_remembered_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text that is not one of the code's messages is translated (to itself) but does not
    grow the memory of messages beyond its cap."""
    from hankkeet import locale

    monkeypatch.setitem(locale._looked_up, Language.EN, {})  # the suite's own left alone
    with use_language(Language.EN):
        for i in range(locale._LOOKED_UP_MAX + 50):
            assert _(f"not a message {i}") == f"not a message {i}"
    assert len(locale._looked_up[Language.EN]) <= locale._LOOKED_UP_MAX


# (message, English, Finnish, its JSON args, why)
FINDING_MESSAGES = [
    (
        M_("'{label}' is empty", label="Budjetti"),
        "'Budjetti' is empty",
        "'Budjetti' on tyhjä",
        {"label": "Budjetti"},
        "a value",
    ),
    (
        M_(
            "text before the first project ({where}) is not a project",
            where=M_("lines {start}–{end}", start=1, end=3),
        ),
        "text before the first project (lines 1–3) is not a project",
        "teksti ennen ensimmäistä hanketta (rivit 1–3) ei ole hanke",
        {"where": "lines 1–3"},
        "a message inside, written in the same language (in English in JSON)",
    ),
    (
        MN_(
            "not UTF-8: {count} byte {bytes}, read as '\ufffd'",
            "not UTF-8: {count} bytes {bytes}, each read as '\ufffd'",
            count=2,
            bytes="0xC3 0x28",
        ),
        "not UTF-8: 2 bytes 0xC3 0x28, each read as '\ufffd'",
        "ei UTF-8:aa: 2 tavua 0xC3 0x28, kukin luettu merkiksi '\ufffd'",
        {"count": 2, "bytes": "0xC3 0x28"},
        "a plural chosen by its count",
    ),
    (
        MN_(
            "not UTF-8: {count} byte {bytes}, read as '\ufffd'",
            "not UTF-8: {count} bytes {bytes}, each read as '\ufffd'",
            count=1,
            bytes="0xC3",
        ),
        "not UTF-8: 1 byte 0xC3, read as '\ufffd'",
        "ei UTF-8:aa: 1 tavu 0xC3, luettu merkiksi '\ufffd'",
        {"count": 1, "bytes": "0xC3"},
        "the singular",
    ),
]


@pytest.mark.parametrize(
    ("message", "english", "finnish", "args", "why"),
    FINDING_MESSAGES,
    ids=[m[4] for m in FINDING_MESSAGES],
)
def test_a_message_is_written_where_it_is_shown(
    message: Message, english: str, finnish: str, args: dict[str, object], why: str
) -> None:
    """The same value in either language, whatever the process's language is."""
    with use_language(Language.FI):
        assert message.text(Language.EN) == english, why
    assert message.text(Language.FI) == finnish, why
    assert message.values() == args, why
    assert unpack_message(marshal.loads(marshal.dumps(pack_message(message)))) == message, why


def test_a_long_value_is_quoted_by_its_start() -> None:
    message = M_("no amount in euros in '{text}'", text="x" * 5000).bounded(MESSAGE_MAX)
    ((_name, value),) = message.args
    assert value == "x" * (MESSAGE_MAX - 1) + "…"
    assert M_("'{label}' is empty", label="Budjetti").bounded(MESSAGE_MAX).args == (
        ("label", "Budjetti"),
    )
