"""One language for every human text: Finnish or English through the standard gettext.

Messages are written in English in the code (`_("Budget")`) and translated by the catalogs
in this package (`fi/LC_MESSAGES/hankkeet.mo`, compiled from the `.po` beside it by
`hankkeet.locale.msgfmt`). The CLI chooses the language once per run: `--lang fi|en`, else the
locale (`LC_ALL`, `LC_MESSAGES` or `LANG` starting with `fi` means Finnish), else English.
Rule codes, JSON keys and CSV columns are never translated.

A finding's text is a value, not a string: a `Message` holds the English template (the
catalogues' msgid) and the values that fill it, and is written in a language only where it is
shown (`Message.text(language)`): the readers speak no language.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import NamedTuple

DOMAIN = "hankkeet"
LOCALE_DIR = Path(__file__).resolve().parent


class Language(StrEnum):
    """The languages of human output."""

    FI = "fi"
    EN = "en"


@cache
def translation(language: Language) -> gettext.NullTranslations:
    """The catalog of a language (English falls back to the messages as written)."""
    return gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[language.value], fallback=True
    )


_active: list[Language] = [Language.EN]


def language_from_environment(environ: Mapping[str, str]) -> Language:
    """Finnish when the first locale variable that is set starts with 'fi', else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return Language.FI if value.lower().startswith("fi") else Language.EN
    return Language.EN


def set_language(language: Language) -> None:
    """Make `language` the language of every message from now on."""
    _active[0] = language


def current_language() -> Language:
    """The language messages are written in."""
    return _active[0]


@contextmanager
def use_language(language: Language) -> Iterator[None]:
    """Messages in `language` inside the block (for tests and library callers)."""
    before = _active[0]
    _active[0] = language
    try:
        yield
    finally:
        _active[0] = before


# Each message is looked up once per language: a long file gives the same few messages
# thousands of times. (The messages are the code's own, a few hundred; the cap only keeps
# a caller that passes other text from growing it without end.)
_looked_up: dict[Language, dict[str, str]] = {language: {} for language in Language}
_LOOKED_UP_MAX = 10_000


def gettext_in(language: Language, message: str) -> str:
    """The message in `language` (each looked up once, as `_()` does)."""
    seen = _looked_up[language]
    text = seen.get(message)
    if text is None:
        text = translation(language).gettext(message)
        if len(seen) < _LOOKED_UP_MAX:
            seen[message] = text
    return text


def _(message: str) -> str:
    """The message in the active language."""
    return gettext_in(_active[0], message)


def N_(message: str) -> str:
    """Mark a message for the catalogs without translating it: it is translated with `_()`
    where it is shown (the rule catalogue is built once, before any language is chosen)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural message for `count`, in the active language."""
    return translation(_active[0]).ngettext(singular, plural, count)


class Message(NamedTuple):
    """A text for people as a value: the English template (the catalogues' msgid; with a
    plural, chosen by the `count` argument) and the named values that fill it.

    (A NamedTuple, not a dataclass: made for every finding, and a dataclass's generated
    methods cost start-up time.)"""

    template: str
    args: tuple[tuple[str, Arg], ...] = ()
    plural: str | None = None

    def text(self, language: Language) -> str:
        """The message written in `language`."""
        if self.plural is not None:
            count = dict(self.args)["count"]
            assert isinstance(count, int)
            template = translation(language).ngettext(self.template, self.plural, count)
        else:
            template = gettext_in(language, self.template)
        if not self.args:
            return template
        return template.format(
            **{k: v.text(language) if isinstance(v, Message) else v for k, v in self.args}
        )

    def values(self) -> dict[str, str | int | None]:
        """The named values (a message among them in English): a finding's JSON `args`."""
        return {k: v.text(Language.EN) if isinstance(v, Message) else v for k, v in self.args}

    def bounded(self, width: int) -> Message:
        """The message with each text value longer than `width` cut with '…' (a finding
        quotes a 5 MB value by its start)."""
        if all(not isinstance(v, str) or len(v) <= width for _k, v in self.args):
            return self
        return Message(
            self.template,
            tuple(
                (k, v[: width - 1] + "…" if isinstance(v, str) and len(v) > width else v)
                for k, v in self.args
            ),
            self.plural,
        )


# A value that fills a message: text, a number, or a message of its own (a field's name,
# 'lines 3–5'), written in the same language; None is written 'None', as str.format does.
Arg = str | int | Message | None


def M_(template: str, /, **args: Arg) -> Message:
    """A message as a value, written in a language where it is shown (Message.text)."""
    return Message(template, tuple(args.items()))


def MN_(singular: str, plural: str, /, count: int, **args: Arg) -> Message:
    """A message with a plural as a value: the form is chosen by `count` where it is shown."""
    return Message(singular, (("count", count), *args.items()), plural)


class HankkeetError(Exception):
    """The library's errors for people (an input that cannot be read, a value that makes no
    sense), their text a value: the `reason` a Message, and the `path` it is about when there
    is one. The library raises them and never writes them; the command line writes them in
    the run's language (`text`). str() is the English text, as a log or a traceback shows it."""

    def __init__(self, reason: Message, path: str | None = None) -> None:
        super().__init__(reason, path)
        self.reason = reason
        self.path = path

    @property
    def message(self) -> Message:
        """The whole message: 'path: reason', or the reason alone."""
        if self.path is None:
            return self.reason
        return M_("{path}: {problem}", path=self.path, problem=self.reason)

    def text(self, language: Language) -> str:
        """The message written in `language`."""
        return self.message.text(language)

    def __str__(self) -> str:
        return self.text(Language.EN)
