"""A progress bar on stderr while the inputs are read: bytes read, projects, rate.

For a person at a terminal only: it appears when reading has taken DELAY seconds (a small
input never shows it), never when stderr is not a terminal or with --quiet, and it gives
way for good as soon as data goes to a terminal on stdout, so rows and the bar never mix.
It never writes to stdout (Rich's redirection of stdout is off) and disappears when reading
ends (transient), before the notes and the output. Rich loads only when the bar is shown.

Bytes read are the position of the file being read (what its sources' lines have come
from) plus the size of every file read to its end; the sizes come from the sources.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, BinaryIO

from hankkeet.locale import _, ngettext
from hankkeet.reading.sources import Source

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from hankkeet.diagnostics import Diagnostic

# Seconds of reading before the bar appears, and between two updates of it.
DELAY = 1.0
REFRESH = 0.1
# Lines read between two looks at the clock: a look costs more than a line.
EVERY = 512


def stderr_is_terminal() -> bool:
    """Whether a person watches stderr: a terminal that can redraw a line."""
    stream = sys.stderr
    return (
        stream is not None
        and hasattr(stream, "isatty")
        and stream.isatty()
        and os.environ.get("TERM") != "dumb"
    )


def stdout_is_terminal() -> bool:
    """Whether data written to stdout lands on the terminal the bar is drawn on."""
    stream = sys.stdout
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()


def size_of(source: Source) -> int:
    """The source's size in bytes (0 when it cannot be known)."""
    if source.data is not None:
        return len(source.data)
    try:
        return source.file.stat().st_size if source.file is not None else 0
    except OSError:
        return 0


class _Bar:
    """The Rich progress display on stderr."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self.progress: Progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TextColumn("{task.fields[projects]}"),
            TimeRemainingColumn(),
            # Only ever drawn on a terminal; forced, so a test's fake terminal gets it too.
            console=Console(file=sys.stderr, force_terminal=True),
            auto_refresh=False,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.task: TaskID = self.progress.add_task(_("Reading"), total=total or None, projects="")
        self.progress.start()

    def show(self, position: int, projects: int | None) -> None:
        """Draw the bar at this many bytes (and projects, when they are counted)."""
        counted = (
            ""
            if projects is None
            else ngettext("{total} project", "{total} projects", projects).format(total=projects)
        )
        self.progress.update(self.task, completed=position, projects=counted)
        self.progress.refresh()

    def stop(self) -> None:
        """Take the bar off the screen."""
        self.progress.stop()


class ReadingProgress:
    """What has been read of the sources, shown as a bar once reading takes a while."""

    def __init__(self, sources: Sequence[Source], counts_projects: bool = True) -> None:
        self.total = sum(size_of(s) for s in sources)
        self.left = len(sources)  # sources not yet read to their end
        self.enabled = True
        # Rows written to stdout would tear a bar drawn on the same terminal.
        self.shares_terminal = stdout_is_terminal()
        self.counts_projects = counts_projects
        self.done = 0  # bytes of the sources read to their end
        self.projects = 0
        self.stream: BinaryIO | None = None
        self.next_look = time.monotonic() + DELAY
        self.bar: _Bar | None = None

    def watched(self, sources: Sequence[Source]) -> list[Source]:
        """The sources, each telling this progress what is read of it."""
        return [
            WatchedSource(**{f.name: getattr(s, f.name) for f in fields(Source)}, progress=self)
            for s in sources
        ]

    def count(self) -> None:
        """One more project read."""
        self.projects += 1

    def following(self, lines: Iterator[str], size: int, every: int = EVERY) -> Iterator[str]:
        """The lines (or pieces) of the source being read, looking at the clock now and then."""
        stream = self.stream
        for number, line in enumerate(lines):
            if not number % every:
                self.look(stream)
            yield line
        self.done += size
        self.left -= 1
        if self.left <= 0:
            self.stop()  # everything is read: what comes next is the output
        else:
            self.look(None)

    def look(self, stream: BinaryIO | None) -> None:
        """Show the bar (once DELAY has passed) and update it (every REFRESH seconds)."""
        now = time.monotonic()
        if not self.enabled or now < self.next_look:
            return
        self.next_look = now + REFRESH
        try:
            position = self.done + (stream.tell() if stream is not None else 0)
        except (OSError, ValueError):  # a stream that cannot tell: the files done so far
            position = self.done
        if self.bar is None:
            self.bar = _Bar(self.total)
        shown = min(position, self.total) if self.total else position
        self.bar.show(shown, self.projects if self.counts_projects else None)

    def stop(self) -> None:
        """Take the bar away for good (reading ended, or stdout needs the terminal)."""
        self.enabled = False
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


@dataclass(frozen=True)
class WatchedSource(Source):
    """A source whose reading a ReadingProgress follows."""

    progress: ReadingProgress | None = field(default=None, compare=False, repr=False)

    @contextmanager
    def open(self) -> Iterator[BinaryIO]:
        """The input as a stream, which the progress looks at while its lines are read."""
        with super().open() as stream:
            if self.progress is not None:
                self.progress.stream = stream
            yield stream

    @contextmanager
    def lines(self, found: list[Diagnostic] | None = None) -> Iterator[Iterator[str]]:
        """The input's lines, followed by the progress."""
        with super().lines(found) as lines:
            yield self._followed(lines, EVERY)

    @contextmanager
    def pieces(self, found: list[Diagnostic] | None = None) -> Iterator[Iterator[str]]:
        """The input's text in pieces, followed by the progress (a look at every piece)."""
        with super().pieces(found) as pieces:
            yield self._followed(pieces, 1)

    def _followed(self, items: Iterator[str], every: int) -> Iterator[str]:
        if self.progress is None:
            return items
        return self.progress.following(items, size_of(self), every)


# The progress of the reading going on now, if any.
_current: list[ReadingProgress] = []


def wanted(quiet: bool) -> bool:
    """Whether this run may show a bar: not --quiet, and stderr is a terminal."""
    return not quiet and stderr_is_terminal()


@contextmanager
def reading_progress(
    sources: Sequence[Source], counts_projects: bool = True
) -> Iterator[ReadingProgress]:
    """A progress for reading these sources, taken off the screen when the block ends."""
    progress = ReadingProgress(sources, counts_projects)
    _current.append(progress)
    try:
        yield progress
    finally:
        _current.remove(progress)
        progress.stop()


def stdout_in_use() -> None:
    """Data goes to stdout: when that is the terminal, the bar gives way for good."""
    for progress in _current:
        if progress.shares_terminal and progress.enabled:
            progress.stop()


def messages_in_use() -> None:
    """A message goes to stderr: take the bar away first, so that the message stays whole."""
    for progress in _current:
        progress.stop()
