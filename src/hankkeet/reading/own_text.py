"""A project's own text: the lines the reader gave it, read again from its source.

A record keeps the fields read from a project's lines, not the lines: a page of prose that
has no summary would leave its text out of search. OwnText gives a stream of projects
their text back without holding any input whole: a project's text is the lines of its
source from its first line (`Project.source.line`) to the line before the next project of
the same source, or to the end of the source. The source is read a second time, in step
with the projects, one project's lines at a time: so each project waits in `follow` until
the next one is read (only then is its last line known), and a project the caller never
asks about (a filter left it out) has its lines skipped, never kept.

The text is the project's own words: a label of ours or a known label of other things
(``Budjetti:``, ``Y-tunnus:``) is left out of its line, since every project has those
words, and blank lines are dropped. An unknown label stays: it may be the page's own words.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import ExitStack

from hankkeet.models import Project
from hankkeet.reading.lines import classify
from hankkeet.reading.sources import Source

__all__ = ["OwnText", "own_line"]


def own_line(line: str) -> str:
    """A line without its label (ours, or a known label of other things), stripped."""
    label = classify(line)
    if label is not None and (label.field is not None or label.other):
        return label.value.strip()
    return line.strip()


class OwnText:
    """The own text of each project of a stream, read again from the sources it came from."""

    def __init__(self, sources: Sequence[Source]) -> None:
        """Texts from these sources, in the order the projects were read from them."""
        self._sources = list(sources)
        self._stack = ExitStack()
        self._at = -1  # which source is open (an index of _sources), -1 for none
        self._lines: Iterator[str] = iter(())
        self._read = 0  # lines of the open source read so far
        # The project follow() gave last: it, its first line and its last (None: to the end).
        self._span: tuple[Project, int, int | None] | None = None

    def follow(self, projects: Iterable[Project]) -> Generator[Project, None, None]:
        """The projects as they come, each one when the next is read (its span is known)."""
        pending: Project | None = None
        try:
            for project in projects:
                if pending is not None:
                    self._span = _span(pending, project)
                    yield pending
                pending = project
            if pending is not None:
                self._span = _span(pending, None)
                yield pending
        finally:
            self._span = None
            self._stack.close()

    def lines(self, project: Project) -> tuple[str, ...]:
        """The own lines of the project follow() gave last (ValueError for any other)."""
        if self._span is None or self._span[0] is not project:
            raise ValueError("OwnText.lines: only the project follow() gave last")
        _, first, last = self._span
        if not self._open(project.source.path, first):
            return ()
        lines = self._lines
        while self._read < first - 1 and next(lines, None) is not None:
            self._read += 1
        own: list[str] = []
        for line in lines:
            self._read += 1
            text = own_line(line)
            if text:
                own.append(text)
            if last is not None and self._read >= last:
                break
        return tuple(own)

    def _open(self, path: str, first: int) -> bool:
        """The source of a project at this path and line ready to read; False with none."""
        if self._at >= 0 and self._sources[self._at].path == path and self._read < first:
            return True
        # The next source of that path (a file named twice is read twice), else its first.
        order = [*range(self._at + 1, len(self._sources)), *range(self._at + 1)]
        at = next((n for n in order if self._sources[n].path == path), None)
        if at is None:
            return False
        self._stack.close()
        self._stack = ExitStack()
        self._lines = self._stack.enter_context(self._sources[at].lines())
        self._at, self._read = at, 0
        return True


def _span(project: Project, following: Project | None) -> tuple[Project, int, int | None]:
    """A project's first and last line: up to the next project's first line when that
    one stands later in the same source, else to the end of the source."""
    first = project.source.line
    if (
        following is not None
        and following.source.path == project.source.path
        and following.source.line > first
    ):
        return project, first, following.source.line - 1
    return project, first, None
