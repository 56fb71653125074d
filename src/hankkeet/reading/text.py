"""Text plumbing: decoding bytes, normalising spaces and control characters, slugs."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import BinaryIO, NamedTuple

from hankkeet.locale import M_, HankkeetError

# Unicode spaces count as spaces; zero-width marks are dropped; control characters that
# could drive a terminal (ESC and friends) become U+FFFD, visibly, never silently.
_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\t\x0b\x0c"
)
_TABLE: dict[int, str | None] = {ord(c): " " for c in _SPACES}
_TABLE.update({ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff"})
_TABLE.update(
    {c: "\ufffd" for c in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]}
)
_NEEDS_CLEANING = re.compile("[" + re.escape("".join(chr(c) for c in _TABLE)) + "]")
# The letters Finnish names use most, folded without the cost of Unicode normalisation.
_FOLD = "äöåéü–—"
_FOLD_TABLE: dict[int, str | None] = {
    ord(c): plain for c, plain in zip(_FOLD, "aoaeu--", strict=True)
}
# The patterns of this module are kept as text: re compiles (and keeps) one when a text
# first needs it (most never do: text without a CR, ASCII or UTF-8), not at every start.
_LINE_BREAK = r"\r\n|\r|\n"
CHUNK = 1 << 20


class UnreadableInput(HankkeetError):
    """The input cannot be used at all: missing, empty folder, NUL bytes, unknown encoding
    (its text a value: hankkeet.locale.HankkeetError)."""


def clean_line(line: str) -> str:
    """A line with Unicode spaces as spaces and control characters made visible; a row of
    cells parted by tabs (a table copied from a page) as cells (table_row)."""
    # Most lines need nothing; a search in C is far cheaper than translating every line.
    if _NEEDS_CLEANING.search(line) is None:
        return line
    if "\t" in line:
        line = table_row(line)
    return replace_each(line, set(_NEEDS_CLEANING.findall(line)), _TABLE)


# The longest first cell of two that is read as a label ('Kontaktperson<TAB>Mirva Leppälä').
_LABEL_CELL_MAX = 60


def table_row(line: str) -> str:
    """A line of cells parted by tabs, as a page's table copies: two cells, the first a
    word or a few ('Kontaktperson', 'Hankkeen nimi'), are a label and its value
    ('Kontaktperson: Mirva Leppälä'); three or more are a table's row, written as one
    ('| Hankkeen nimi | Kokonaisbudjetti | Kesto |'), which no reader takes for a title or a
    label. Anything else keeps its tabs, as white space."""
    cells = [cell.strip() for cell in line.split("\t")]
    filled = [cell for cell in cells if cell]
    if len(filled) >= 3:
        return "| " + " | ".join(filled) + " |"
    first = cells[0]
    if (
        len(filled) == 2
        and first
        and len(first) <= _LABEL_CELL_MAX
        and ":" not in first
        and any(c.isalpha() for c in first)
    ):
        return f"{first}: {filled[1]}"
    return line


def replace_each(text: str, chars: Iterable[str], table: Mapping[int, str | None]) -> str:
    """text.translate(table) for the characters given (those of them the text holds),
    where no replacement holds a character of the table.

    str.translate looks up every character in Python and costs microseconds on a short
    line beyond ASCII; a replace a character is a search in C.
    """
    for c in chars:
        if c in text:
            text = text.replace(c, table[ord(c)] or "")
    return text


# Every control character, line breaks and tabs included, as a visible escape ('\x1b').
_VISIBLE = {c: f"\\x{c:02x}" for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]}
_VISIBLE.update({0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"})


def visible(text: str) -> str:
    """Text for a one-line message or a displayed path: control characters escaped.

    A file name or an argument can hold ESC or a line break; printed raw it would drive the
    terminal or start a new line (a new GitHub workflow command, say).
    """
    return text.translate(_VISIBLE)


def shorten(text: str, width: int = 60) -> str:
    """Text for quoting in a message: cut with '…' when longer than width."""
    return text if len(text) <= width else text[: width - 1] + "…"


# White space other than ' ' (what str.split splits at, '\t', '\u2028' and the rest).
_OTHER_SPACE = r"[^\S ]"


def squashable(text: str) -> bool:
    """Whether squash changes the text: white space other than ' ', two spaces in a row,
    or a space at either end."""
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        return True
    # White space other than ' ' is never printable: most text is, and says so fast.
    return not text.isprintable() and re.search(_OTHER_SPACE, text) is not None


def squash(text: str) -> str:
    """Runs of white space as one space, trimmed."""
    # Most text has single spaces already: searches in C are cheaper than splitting it.
    return " ".join(text.split()) if squashable(text) else text


# The white space other than ' ' that a cleaned line can hold: clean_line makes every other
# kind a space or U+FFFD, and line breaks end lines.
_LEFT_BY_CLEANING = ("\u2028", "\u2029")


def squash_clean(text: str) -> str:
    """squash for text made of cleaned lines (clean_line's, joined by spaces): what squash
    gives, with cheaper checks (tests/test_fast_paths.py)."""
    if (
        "  " in text
        or text[:1] == " "
        or text[-1:] == " "
        or _LEFT_BY_CLEANING[0] in text
        or _LEFT_BY_CLEANING[1] in text
    ):
        return " ".join(text.split())
    return text


# A comma that no closing bracket follows before an opening one: not inside '(…)'.
# (Kept as text: re compiles it when a list row first needs it, not at every start.)
_COMMA_OUTSIDE = r",(?![^()]*\))"


def comma_parts(text: str) -> list[str]:
    """The text's parts between commas, a comma inside brackets kept ('VEPATUKI (tutkimus-,
    kehittämis- ja innovaatioklusteri), 20 000 €' is two parts), each stripped."""
    return [part.strip() for part in re.split(_COMMA_OUTSIDE, text)]


_SLUG_WORD = re.compile(r"[a-z0-9]+")


def slug(name: str) -> str:
    """A stable id from a name: 'Jäänmurtajahanke' -> 'jaanmurtajahanke'."""
    plain = replace_each(name.casefold(), _FOLD, _FOLD_TABLE)
    if not plain.isascii():
        plain = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in plain if not unicodedata.combining(c))
    return "-".join(_SLUG_WORD.findall(plain)) or "hanke"


# Each byte that is not UTF-8 in a file read as UTF-8 becomes one U+FFFD (never a guess):
# the name of that error handler, for codecs.
REPLACE_BYTES = "hankkeet.replace-bytes"


def _replace_bytes(error: UnicodeError) -> tuple[str, int]:
    """A U+FFFD for each byte of a decoding error (Python's 'replace' gives one a run)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return "\ufffd" * (error.end - error.start), error.end


codecs.register_error(REPLACE_BYTES, _replace_bytes)

# The places with bytes that are not UTF-8 a decoding lists one by one (past them, a count:
# a binary-ish file must not give a finding for every byte).
BAD_BYTES_LISTED = 20
# The bytes of one place a message shows.
BAD_BYTES_SHOWN = 8


class BadBytes(NamedTuple):
    """A run of bytes that are not UTF-8, each read as U+FFFD: the 1-based line and column of
    its first byte in the decoded text, its first bytes and how many there are."""

    line: int
    column: int
    head: bytes
    size: int


class Decoding(NamedTuple):
    """How a file is decoded: its encoding, and the runs of bytes that are not UTF-8 in a
    file read as UTF-8 (`bad`: the first BAD_BYTES_LISTED + 1 of them; `places`: how many
    there are in all)."""

    encoding: str
    bad: tuple[BadBytes, ...] = ()
    places: int = 0


def detect_encoding(stream: BinaryIO, name: str) -> Decoding:
    """Decide the encoding by reading the whole stream; the stream is left at its start.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. A file that is
    UTF-8 as a whole with a few bytes that are not is still read as UTF-8, each such byte
    as U+FFFD, and the Decoding says where they are. A file is UTF-8 as a whole when it
    starts with the UTF-8 BOM, or when its valid UTF-8 characters beyond ASCII (ä is two
    bytes, C3 A4) are at least as many as its bytes that are not UTF-8. Otherwise it is
    read as Windows-1252: there ä is the one byte E4, which is never valid UTF-8 before a
    letter, so a Windows-1252 file has almost no valid multi-byte sequence and many bad
    bytes. NUL bytes make a file unusable, and so do bytes that neither reading defines.
    """
    head = stream.read(4)
    stream.seek(0)
    if head.startswith(codecs.BOM_UTF8):
        candidate = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidate = "utf-16"
    else:
        candidate = "utf-8"
    decoder = codecs.getincrementaldecoder(candidate)()
    ok = True
    while chunk := stream.read(CHUNK):
        if candidate == "utf-8" and b"\x00" in chunk:
            raise UnreadableInput(M_("contains NUL bytes; not a text file"), name)
        if ok:
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError:
                if candidate == "utf-16":
                    raise _not_valid(name, candidate) from None
                ok = False
                continue
            if candidate == "utf-16" and "\x00" in text:
                raise UnreadableInput(M_("contains NUL characters; not a text file"), name)
    if ok:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            if candidate == "utf-16":
                raise _not_valid(name, candidate) from None
            ok = False
    stream.seek(0)
    if ok:
        return Decoding(candidate)
    scan = _scan_utf8(stream, candidate)
    stream.seek(0)
    if candidate == "utf-8-sig" or scan.multibyte >= scan.bad_bytes:
        return Decoding(candidate, tuple(scan.places), scan.count)
    _check_cp1252(stream, name)
    stream.seek(0)
    return Decoding("cp1252")


def _not_valid(name: str, encoding: str) -> UnreadableInput:
    """The refusal of a file that says it is in `encoding` and is not."""
    return UnreadableInput(M_("not valid {encoding} text", encoding=encoding.upper()), name)


# A run of bytes that are not UTF-8, as surrogateescape decodes them (one character a byte).
_ESCAPED = "[\udc80-\udcff]+"


@dataclass
class _Utf8Scan:
    """Text decoded from UTF-8 with surrogateescape, fed in pieces: where its runs of bytes
    that are not UTF-8 are, and how much of it is valid UTF-8 beyond ASCII."""

    places: list[BadBytes] = field(default_factory=list)
    count: int = 0  # runs of bad bytes in all
    bad_bytes: int = 0
    multibyte: int = 0  # valid characters beyond ASCII
    # Where the text fed so far ends, while places are still listed: the line, and how many
    # characters of it were fed; whether its last character is a CR (half of a CRLF?).
    line: int = 1
    column: int = 0
    after_cr: bool = False
    # The text fed so far ends in a run of bad bytes (the next piece may go on with it).
    in_run: bool = False

    def feed(self, text: str) -> None:
        """Scan the next piece of the text."""
        if not text:
            return
        ascii_chars = len(text.encode("ascii", "ignore"))
        escaped = 0
        at = 0
        for match in re.finditer(_ESCAPED, text):
            start, end = match.span()
            escaped += end - start
            goes_on = start == 0 and self.in_run  # the run the piece before ended in
            if len(self.places) > BAD_BYTES_LISTED:
                # Every place to list is found: the rest are counted (in C), not placed.
                runs = re.compile(_ESCAPED).findall(text, end)
                self.count += len(runs) + (not goes_on)
                escaped += sum(map(len, runs))
                break
            if goes_on:
                self._went_on(match.group())
            else:
                self._advance(text[at:start])
                raw = match.group().encode("utf-8", "surrogateescape")
                self.places.append(
                    BadBytes(self.line, self.column + 1, raw[:BAD_BYTES_SHOWN], len(raw))
                )
                self.count += 1
            self.column += end - start
            self.after_cr = False
            at = end
        if len(self.places) <= BAD_BYTES_LISTED:
            self._advance(text[at:])
        self.in_run = "\udc80" <= text[-1] <= "\udcff"
        self.bad_bytes += escaped
        self.multibyte += len(text) - ascii_chars - escaped

    def _went_on(self, run: str) -> None:
        """The last place listed goes on in this piece."""
        last = self.places[-1]
        raw = run.encode("utf-8", "surrogateescape")
        head = (last.head + raw)[:BAD_BYTES_SHOWN]
        self.places[-1] = last._replace(head=head, size=last.size + len(raw))

    def _advance(self, gap: str) -> None:
        """Move the position over text with no bad byte."""
        if self.after_cr and gap[:1] == "\n":
            gap = gap[1:]  # the LF of a CRLF whose CR ended the piece before
        if not gap:
            return
        self.after_cr = gap[-1] == "\r"
        breaks = count_breaks(gap)
        if breaks:
            self.line += breaks
            self.column = len(gap) - 1 - max(gap.rfind("\n"), gap.rfind("\r"))
        else:
            self.column += len(gap)


def _scan_utf8(stream: BinaryIO, encoding: str) -> _Utf8Scan:
    """The stream decoded as UTF-8 (`encoding`: with its BOM or not), scanned (_Utf8Scan)."""
    scan = _Utf8Scan()
    decoder = codecs.getincrementaldecoder(encoding)("surrogateescape")
    while True:
        chunk = stream.read(CHUNK)
        scan.feed(decoder.decode(chunk, final=not chunk))
        if not chunk:
            return scan


def _check_cp1252(stream: BinaryIO, name: str) -> None:
    decoder = codecs.getincrementaldecoder("cp1252")()
    try:
        while chunk := stream.read(CHUNK):
            decoder.decode(chunk)
    except UnicodeDecodeError:
        raise UnreadableInput(
            M_("not UTF-8, UTF-16 or Windows-1252 text; save it as UTF-8"), name
        ) from None


def iter_lines(stream: BinaryIO, encoding: str) -> Iterator[str]:
    """The stream's lines, decoded and cleaned, split at LF, CRLF or CR, one at a time."""
    return lines_of(iter_pieces(stream, encoding))


def iter_pieces(stream: BinaryIO, encoding: str) -> Iterator[str]:
    """The stream decoded, in pieces of about CHUNK bytes (a line may cross two pieces)."""
    # Bytes that are not UTF-8 are each one U+FFFD: detect_encoding said where they are.
    decoder = codecs.getincrementaldecoder(encoding)(REPLACE_BYTES)
    while True:
        chunk = stream.read(CHUNK)
        text = decoder.decode(chunk, final=not chunk)
        if text:
            yield text
        if not chunk:
            return


def find_word(text: str, words: tuple[str, ...]) -> str | None:
    """The first of `words` that stands in the text as a whole word (case ignored); a word
    ending in '*' matches every word it starts."""
    folded = f" {text.casefold()} "
    for word, whole, start in _word_keys(words):
        if whole in folded or (start and start in folded):
            return word
    return None


@cache
def _word_keys(words: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """Each word of a vocabulary as find_word looks for it: the word, ' word ', and ' word'
    when it ends in '*' (else '')."""
    return tuple((w.rstrip("*"), f" {w} ", f" {w[:-1]}" if w.endswith("*") else "") for w in words)


def count_breaks(text: str) -> int:
    """How many line breaks (LF, CRLF or CR) the text holds."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def lines_of(pieces: Iterable[str]) -> Iterator[str]:
    """The cleaned lines of text given in pieces, as if the pieces were one string. Only
    whole lines are cleaned: a line's cells (table_row) are known when the line is."""
    rest = ""
    for piece in pieces:
        text = rest + piece
        # A CR at the end of a piece may be the first half of a CRLF: hold it back.
        end = len(text) - 1 if text.endswith("\r") else len(text)
        cut = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end))
        if cut < 0:
            rest = text
            continue
        parts = clean_lines(text[: cut + 1])
        parts.pop()  # the empty text after the last line break
        rest = text[cut + 1 :]
        yield from parts
    yield from clean_lines(rest)


def clean_lines(text: str) -> list[str]:
    """The text cut at LF, CRLF or CR, each line cleaned (clean_line)."""
    # Most text needs no cleaning, or has a few kinds of character to clean (no-break
    # spaces): each kind is replaced in all of the text at once, which is what cleaning
    # each line gives, as cleaning maps one character at a time and leaves line breaks
    # alone. (str.translate is slow on text beyond ASCII.) A zero-width mark, which
    # cleaning deletes, is cleaned line by line: between CR and LF, deleting it would join
    # two line breaks into one.
    found = set(_NEEDS_CLEANING.findall(text))
    if found and not any(_TABLE[ord(c)] is None for c in found) and "\t" not in found:
        text = replace_each(text, found, _TABLE)
    elif found:
        return [clean_line(part) for part in re.split(_LINE_BREAK, text)]
    # Without a CR, the line breaks are LFs: str.split is far faster than the pattern.
    return text.split("\n") if "\r" not in text else re.split(_LINE_BREAK, text)
