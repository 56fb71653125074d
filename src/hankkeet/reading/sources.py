"""Where the text comes from: files, folders, standard input, or the embedded data."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.locale import M_, MN_, Message
from hankkeet.reading.text import (
    BAD_BYTES_LISTED,
    Decoding,
    UnreadableInput,
    detect_encoding,
    iter_lines,
    iter_pieces,
    visible,
)

ENV_SOURCE = "HANKKEET_SOURCE"
STDIN = "-"
EMBEDDED_NAME = "source.txt"


# The suffixes a folder walk lists (hankkeet.inputs.SUFFIXES, written out here: walking a
# folder of text files loads no reader of another kind; tests/test_inputs.py compares them).
FOLDER_SUFFIXES = frozenset({".txt", ".html", ".htm", ".pdf", ".csv", ".xlsx"})
TEXT = "text"


@dataclass(frozen=True)
class Source:
    """One input: a display path, how to open it as bytes, and its kind (hankkeet.inputs.Kind:
    text, html, pdf, csv or xlsx; anything but text is turned into lines there)."""

    path: str
    file: Path | None = None
    data: bytes | None = None
    kind: str = TEXT

    @contextmanager
    def open(self) -> Iterator[BinaryIO]:
        """The input as a seekable binary stream."""
        if self.data is not None:
            yield io.BytesIO(self.data)
            return
        assert self.file is not None
        try:
            with self.file.open("rb") as stream:
                yield stream
        except OSError as exc:
            # The system's own words: a message with nothing to translate.
            raise UnreadableInput(Message(exc.strerror or str(exc)), self.path) from None

    @contextmanager
    def lines(self, found: list[Diagnostic] | None = None) -> Iterator[Iterator[str]]:
        """The input's cleaned lines, decoded in the encoding it was written in; the
        findings of the decoding (bytes that are not UTF-8) go to `found` when given.

        A web page or a PDF gives the lines of its text (hankkeet.inputs), a table its rows,
        with the findings of reading it."""
        if self.kind != TEXT:
            yield iter(self._extracted(found))
            return
        with self.open() as stream:
            decoding = detect_encoding(stream, self.path)
            if found is not None:
                found.extend(decoding_findings(decoding, self.path))
            yield iter_lines(stream, decoding.encoding)

    @contextmanager
    def pieces(self, found: list[Diagnostic] | None = None) -> Iterator[Iterator[str]]:
        """The input decoded, in pieces of about a megabyte (uncleaned; see text.lines_of);
        the findings of the decoding go to `found` when given, as with lines()."""
        if self.kind != TEXT:
            yield iter(["\n".join(self._extracted(found))])
            return
        with self.open() as stream:
            decoding = detect_encoding(stream, self.path)
            if found is not None:
                found.extend(decoding_findings(decoding, self.path))
            yield iter_pieces(stream, decoding.encoding)

    def _extracted(self, found: list[Diagnostic] | None) -> list[str]:
        """The lines of an input that is not plain text, read whole (its findings to found)."""
        from hankkeet.inputs import Kind
        from hankkeet.inputs.dispatch import extract

        with self.open() as stream:
            data = stream.read()
        extracted = extract(Kind(self.kind), data, self.path)
        if found is not None:
            found.extend(extracted.findings)
        return extracted.lines


def decoding_findings(decoding: Decoding, path: str) -> list[Diagnostic]:
    """An invalid-byte finding for each of the first places with bytes that are not UTF-8
    (each read as U+FFFD), and one more that counts the places past them."""
    found = [
        Diagnostic(
            Code.INVALID_BYTE,
            MN_(
                "not UTF-8: {count} byte {bytes}, read as '\ufffd'",
                "not UTF-8: {count} bytes {bytes}, each read as '\ufffd'",
                count=place.size,
                bytes=" ".join(f"0x{b:02X}" for b in place.head)
                + (" …" if place.size > len(place.head) else ""),
            ),
            path,
            place.line,
            column=place.column,
        )
        for place in decoding.bad[:BAD_BYTES_LISTED]
    ]
    if decoding.places > BAD_BYTES_LISTED:
        more = decoding.places - BAD_BYTES_LISTED
        first = decoding.bad[BAD_BYTES_LISTED]
        found.append(
            Diagnostic(
                Code.INVALID_BYTE,
                MN_(
                    "{count} more place with bytes that are not UTF-8 from here on, each "
                    "byte read as '\ufffd' (is the file UTF-8?)",
                    "{count} more places with bytes that are not UTF-8 from here on, each "
                    "byte read as '\ufffd' (is the file UTF-8?)",
                    count=more,
                ),
                path,
                first.line,
                column=first.column,
            )
        )
    return found


def embedded_source() -> Source:
    """The data shipped with the package (a byte copy of the project's data/source.txt)."""
    packaged = resources.files("hankkeet").joinpath("data", EMBEDDED_NAME)
    if packaged.is_file():
        return Source(path=f"<embedded>/{EMBEDDED_NAME}", data=packaged.read_bytes())
    # An editable install runs from the source tree, where the file lives at the top.
    checkout = Path(__file__).resolve().parents[3] / "data" / EMBEDDED_NAME
    if checkout.is_file():
        return Source(path=f"<embedded>/{EMBEDDED_NAME}", file=checkout)
    raise UnreadableInput(M_("the embedded data is missing from this installation"))


def is_address(name: str) -> bool:
    """Whether an input names a web address (http:// or https://), not a file."""
    return name[:8].lower().startswith(("http://", "https://"))


def source_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The file $HANKKEET_SOURCE names, '' when it names none (unset or blank): the one
    place that reads it."""
    return (os.environ if environ is None else environ).get(ENV_SOURCE, "").strip()


def resolve(
    paths: Sequence[str],
    stdin: BinaryIO | None = None,
    environ: dict[str, str] | None = None,
    refresh: bool = False,
    failed: list[UnreadableInput] | None = None,
) -> list[Source]:
    """The inputs named on the command line; with none, $HANKKEET_SOURCE or the embedded data.

    A folder gives every file of a kind hankkeet reads under it (expand_paths). A web
    address is fetched now (hankkeet.inputs.url; `refresh` bypasses the cache). Raises
    UnreadableInput for a path that is missing or not a readable kind of file, or a folder
    with no such file; an address that cannot be fetched goes to `failed` when given (the
    other inputs are still read), else it raises too.
    """
    if not paths:
        default = source_from_environment(environ)
        if not default:
            return [embedded_source()]
        paths = [default]
    sources: list[Source] = []
    for name in expand_paths(paths):
        if name == STDIN:
            if stdin is None:
                raise UnreadableInput(M_("standard input is not available"))
            sources.append(stdin_source(stdin.read()))
            continue
        if is_address(name):
            from hankkeet.inputs.url import fetch

            try:
                data, kind = fetch(name, refresh=refresh)
                sources.append(Source(path=visible(name), data=data, kind=kind))
            except UnreadableInput as problem:
                if failed is None:
                    raise
                failed.append(problem)
            continue
        path = Path(name)
        if path.is_dir():  # a folder expand_paths found no file in
            raise UnreadableInput(
                M_(
                    "folder holds no file of a kind hankkeet reads ({suffixes})",
                    suffixes=", ".join(sorted(FOLDER_SUFFIXES)),
                ),
                visible(name),
            )
        sources.append(file_source(path, name))
    return sources


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Each folder as the files under it that hankkeet reads (folder_files), each a path of
    its own; every other name as it is, and a folder without such a file too (resolve says
    so). The one expansion of paths: the library's and the CLI's inputs go through it."""
    out: list[str] = []
    for name in paths:
        if name == STDIN or is_address(name) or not Path(name).is_dir():
            out.append(name)
            continue
        out.extend([str(p) for p in folder_files(Path(name))] or [name])
    return out


def stdin_source(data: bytes) -> Source:
    """Standard input as a source: its kind told by its first bytes (a PDF, a web page)."""
    from hankkeet.inputs import SNIFF_BYTES, sniff

    return Source(path="<stdin>", data=data, kind=sniff(data[:SNIFF_BYTES]).value)


def folder_files(folder: Path) -> list[Path]:
    """Every entry under a folder of a kind hankkeet reads (FOLDER_SUFFIXES: .txt, .html,
    .htm, .pdf, .csv, .xlsx), at any depth and in any case (.TXT), sorted by path; hidden
    folders and files (.git, .venv) are skipped, as ruff and frictionless do.

    Every such entry that is not a folder is listed, whatever it is: a broken link or a
    FIFO is then refused by file_source, as when it is named on its own, never skipped.
    The CLI and the library both walk folders with this (one walk, one answer).
    """
    return sorted(
        (
            p
            for p in folder.rglob("*")
            if p.suffix.lower() in FOLDER_SUFFIXES
            and not p.is_dir()
            and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        ),
        key=str,
    )


def file_source(path: Path, shown: str | None = None) -> Source:
    """A file as a source, shown as `shown` (its path by default); UnreadableInput when it
    is missing, a link to nothing, or not a regular file (a FIFO is told by its status,
    never opened: opening it could block)."""
    shown = visible(str(path) if shown is None else shown)
    if path.is_file():
        if path.suffix.lower() == ".txt":
            return Source(path=shown, file=path)
        from hankkeet.inputs import kind_of_file

        return Source(path=shown, file=path, kind=kind_of_file(path).value)
    if path.exists():
        raise UnreadableInput(M_("not a file or folder"), shown)
    if path.is_symlink():
        raise UnreadableInput(
            M_("a link to {target}, which is not there", target=visible(os.readlink(path))), shown
        )
    raise UnreadableInput(M_("no such file or folder"), shown)
