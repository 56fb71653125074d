"""Where the text comes from: files, folders, standard input, or the embedded data."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from hankkeet.locale import _
from hankkeet.reading.text import (
    UnreadableInput,
    detect_encoding,
    iter_lines,
    iter_pieces,
    visible,
)

ENV_SOURCE = "HANKKEET_SOURCE"
STDIN = "-"
EMBEDDED_NAME = "source.txt"


@dataclass(frozen=True)
class Source:
    """One input: a display path and how to open it as bytes."""

    path: str
    file: Path | None = None
    data: bytes | None = None

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
            raise UnreadableInput(f"{self.path}: {exc.strerror or exc}") from None

    @contextmanager
    def lines(self) -> Iterator[Iterator[str]]:
        """The input's cleaned lines, decoded in the encoding it was written in."""
        with self.open() as stream:
            encoding = detect_encoding(stream, self.path)
            yield iter_lines(stream, encoding)

    @contextmanager
    def pieces(self) -> Iterator[Iterator[str]]:
        """The input decoded, in pieces of about a megabyte (uncleaned; see text.lines_of)."""
        with self.open() as stream:
            encoding = detect_encoding(stream, self.path)
            yield iter_pieces(stream, encoding)


def embedded_source() -> Source:
    """The data shipped with the package (a byte copy of the project's data/source.txt)."""
    packaged = resources.files("hankkeet").joinpath("data", EMBEDDED_NAME)
    if packaged.is_file():
        return Source(path=f"<embedded>/{EMBEDDED_NAME}", data=packaged.read_bytes())
    # An editable install runs from the source tree, where the file lives at the top.
    checkout = Path(__file__).resolve().parents[3] / "data" / EMBEDDED_NAME
    if checkout.is_file():
        return Source(path=f"<embedded>/{EMBEDDED_NAME}", file=checkout)
    raise UnreadableInput("the embedded data is missing from this installation")


def resolve(
    paths: Sequence[str], stdin: BinaryIO | None = None, environ: dict[str, str] | None = None
) -> list[Source]:
    """The inputs named on the command line; with none, $HANKKEET_SOURCE or the embedded data.

    Folders give every *.txt file in them, sorted. Raises UnreadableInput for a missing
    path or a folder with no .txt file.
    """
    env = os.environ if environ is None else environ
    if not paths:
        default = env.get(ENV_SOURCE, "").strip()
        if not default:
            return [embedded_source()]
        paths = [default]
    sources: list[Source] = []
    for name in paths:
        if name == STDIN:
            if stdin is None:
                raise UnreadableInput("standard input is not available")
            sources.append(Source(path="<stdin>", data=stdin.read()))
            continue
        path = Path(name)
        shown = visible(name)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not found:
                raise UnreadableInput(f"{shown}: " + _("folder holds no .txt file"))
            sources.extend(Source(path=visible(str(p)), file=p) for p in found)
        elif path.is_file():
            sources.append(Source(path=shown, file=path))
        elif path.exists():
            raise UnreadableInput(f"{shown}: " + _("not a file or folder"))
        else:
            raise UnreadableInput(f"{shown}: " + _("no such file or folder"))
    return sources
