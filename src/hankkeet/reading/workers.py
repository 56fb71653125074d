"""A long input on every core: the text cut at project boundaries, each part read by a worker.

This process cuts the text into parts of about PART_CHARS characters. A part ends before a
line that looks like a project's start: a title line after a blank line, with one of our
labels on the line under it. A worker reads its part from a fresh start, lines to blocks to
records, and then reads the next part's first two lines on a copy of its parser, to see
whether they open a project at that title as they do in one pass over the file. When they
do, the state a one-pass reader has at that moment is the state a fresh reader has after
the same two lines: nothing is pending, the new block holds the label's field alone, and
the text before it was all read into earlier blocks. So the next part's records, read from
a fresh start, are the ones one pass gives. When they do not (the title was the text of an
empty field, say), the worker's parser comes back as it was at the end of its part, and
this process reads the next part on from there itself.

Two things depend on everything before a project and are done here, in input order: ids
(and their duplicate-project findings), and the suggestions of unknown labels, which a
file gets for its first HINTS_PER_FILE unknown labels only. What comes out is what one
process gives, byte for byte (tests/test_jobs.py proves it). The workers end with this
process however it ends, killed included, and leave Ctrl-C to it (see _worker_pool).
"""

from __future__ import annotations

import copy
import os
import re
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

from hankkeet.checks import check_project
from hankkeet.diagnostics import Diagnostic, Packed, pack_message, unpack_message
from hankkeet.models import PackedRecord, Project, pack_project, unpack_project
from hankkeet.reading.blocks import Block, IdRegistry, Note, ParsedProject
from hankkeet.reading.layouts.labelled import HINTS_PER_FILE, LabelledParser
from hankkeet.reading.lines import classify, titleable
from hankkeet.reading.pages import opens_other_page
from hankkeet.reading.records import ReadBlock, claim, read_block
from hankkeet.reading.text import clean_line, clean_lines, count_breaks

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = [
    "AHEAD",
    "PART_CHARS",
    "Part",
    "pack_project",
    "parts",
    "read_in_parts",
    "unpack_project",
]

# Characters a part holds, about: a few hundred projects, one round trip to a worker.
PART_CHARS = 1 << 18
# Parts queued per worker: enough to keep every core busy, few enough for flat memory.
AHEAD = 3


# -- cutting the text ------------------------------------------------------------------

# A blank line and the line after it; each break whole ('\r\n' is one, never '\r' and '\n').
# (Both kept as text: re compiles them when a long file is first cut, not at every start.)
_GAP = r"(?>\r\n|\n|\r)[ \t\u00a0]*(?>\r\n|\n|\r)(?=[^\r\n])"
_BREAK = r"\r\n|\n|\r"


@dataclass
class Part:
    """A stretch of the text, whole lines, and where it stands in the file."""

    text: str
    first: int  # the 1-based number of its first line
    # How many of its first lines open its first project (title, blank lines, label line);
    # 0 for the file's first part.
    opening: int
    # The next part's opening lines; None for the file's last part.
    after: tuple[str, ...] | None


def parts(text: str, pieces: Iterator[str], size: int | None = None) -> Iterator[Part]:
    """The text (`text` read so far, then `pieces`) as parts of about `size` characters
    (PART_CHARS by default).

    The lines of the parts, in turn, are the lines of the whole text (text.lines_of).
    """
    size = PART_CHARS if size is None else size
    buffer, first, opening, ended = text, 1, 0, False
    scan = size  # where to look for the next cut (what is before it was looked at)
    while True:
        cut = None
        if len(buffer) > size:
            cut, scan = _cut(buffer, scan, ended)
        if cut is None:
            if ended:
                yield Part(buffer, first, opening, None)
                return
            piece = next(pieces, None)
            if piece is None:
                ended = True
            else:
                buffer += piece
            continue
        part, buffer = buffer[: cut[0]], buffer[cut[0] :]
        yield Part(part, first, opening, cut[1])
        first += count_breaks(part)
        opening, scan = len(cut[1]), size


# Blank lines allowed between a title and its first label line.
_BLANKS_UNDER_TITLE = 2


def _cut(buffer: str, start: int, ended: bool) -> tuple[tuple[int, tuple[str, ...]] | None, int]:
    """Where a part may end, looked for from `start` on, and where to look next time."""
    for gap in re.compile(_GAP).finditer(buffer, start):
        at = gap.end()
        opening: list[str] = []
        pos = at
        while len(opening) < _BLANKS_UNDER_TITLE + 2:
            end = re.compile(_BREAK).search(buffer, pos)
            if end is None and not ended:
                return None, gap.start()  # the lines go on in the next piece
            # A '\r' ending the buffer may be half of a '\r\n': the line is whole anyway.
            opening.append(buffer[pos : end.start() if end else len(buffer)])
            if len(opening) > 1 and clean_line(opening[-1]).strip():
                break
            if end is None:
                break
            pos = end.end()
        if _starts_project([clean_line(line) for line in opening]):
            return (at, tuple(opening)), at
    return None, max(start, len(buffer) - 4)


def _starts_project(opening: list[str]) -> bool:
    """A title line, maybe blank lines, then a label line: a project's start, when read
    from a fresh start."""
    title, label = opening[0], opening[-1]
    if len(opening) < 2 or not title.strip() or not label.strip():
        return False
    if classify(title) is not None or not titleable(title.strip(), None):
        return False
    under = classify(label)
    return under is not None and under.field is not None


# -- reading a part --------------------------------------------------------------------


class _Sent(NamedTuple):
    """A block as a worker sends it back: the record packed, and what this process needs
    for its id and findings without unpacking it."""

    record: PackedRecord | None  # None when the caller wants findings only
    name: str
    line: int
    slug: str
    notes: list[Packed]  # Note.pack
    duplicate_at: int
    hinted: list[tuple[int, Packed | None]]  # the message without its suggestion, packed
    checks: list[Packed]  # the findings of its checks, with no id yet (Note.pack)

    @classmethod
    def of(cls, read: ReadBlock, records: bool = True) -> _Sent:
        project = read.project
        checks = [
            Note(d.code, d.message, d.line, d.column, d.about).pack()
            for d in check_project(project)
        ]
        return cls(
            pack_project(project) if records else None,
            project.name,
            project.source.line,
            read.slug,
            [note.pack() for note in read.notes],
            read.duplicate_at,
            [(k, None if m is None else pack_message(m)) for k, m in read.hinted],
            checks,
        )


class _Unpacked(ParsedProject):
    """A record a worker read: made a Project only when asked for. A worker asked for
    findings only (validate) sends no record: then there is none to ask for."""

    def __init__(
        self,
        packed: PackedRecord | None,
        pid: str,
        diagnostics: list[Diagnostic],
        checks: list[Diagnostic],
    ) -> None:
        self._packed: PackedRecord | None = packed
        self._pid = pid
        self._project: Project | None = None
        self.diagnostics = diagnostics
        self.checks = checks

    @property
    def project(self) -> Project:
        """The record, unpacked on first use."""
        if self._project is None:
            if self._packed is None:
                raise LookupError("the record was not kept: it was read for its findings only")
            self._project, self._packed = unpack_project(self._packed, self._pid), None
        return self._project

    @project.setter
    def project(self, project: Project) -> None:
        self._project, self._packed = project, None

    def __eq__(self, other: object) -> bool:
        """Equal to a ParsedProject of the same record and findings (as one process gives)."""
        if not isinstance(other, ParsedProject):
            return NotImplemented
        return (self.project, self.diagnostics) == (other.project, other.diagnostics)

    __hash__ = None  # type: ignore[assignment]  # as ParsedProject's: mutable, unhashable

    def __repr__(self) -> str:
        """As a ParsedProject shows itself."""
        return repr(ParsedProject(self.project, self.diagnostics))


@dataclass
class PartRead:
    """A part read: its blocks as packed records, and file findings, in input order."""

    # Each block as sent back, or a file finding.
    items: list[_Sent | Diagnostic]
    # The next part's first lines open a project at its title, as in one pass.
    ends_clean: bool
    # Where the reader stood at the end of the part, when it did not end clean.
    state: LabelledParser | None
    # A part read from a fresh start opened a project at its first line, before anything.
    starts_clean: bool
    # A line of the part may open a page of another layout (pages pasted into one file):
    # this process reads the file on from this part, a layout per part (engine.py).
    other_pages: bool = False


def read_part(
    part: Part, path: str, parser: LabelledParser | None = None, records: bool = True
) -> PartRead:
    """Read a part into records (from a fresh start, or on from `parser`'s state); with
    `records` false, into the records' ids and findings only."""
    fresh = parser is None and part.opening > 0
    reader = LabelledParser(path) if parser is None else parser
    lines = clean_lines(part.text)
    if part.after is not None:
        lines.pop()  # the '' after the part's last line break
    found: list[Block | Diagnostic] = []
    starts_clean = True
    for number, line in enumerate(lines, start=part.first):
        if done := reader.feed(number, line):
            found.extend(done)
        if fresh and number == part.first + part.opening - 1:
            starts_clean = _opened_first(reader, part, found)
    ends_clean, state = True, None
    if part.after is None:
        found.extend(reader.finish())
    else:
        ends_clean, state = _read_ahead(reader, part.after, part.first + len(lines), found)
    if opens_other_page(lines):
        return PartRead([], ends_clean, state, starts_clean, other_pages=True)
    items = [
        _Sent.of(read_block(item, path), records) if isinstance(item, Block) else item
        for item in found
    ]
    return PartRead(items, ends_clean, state, starts_clean)


def _opened_first(reader: LabelledParser, part: Part, found: list[Block | Diagnostic]) -> bool:
    """Whether the reader, after the part's opening lines from a fresh start, has opened a
    project at the part's first line, with nothing read before it."""
    opened = reader.block
    return (
        opened is not None and opened.line == part.first and reader.preamble is None and not found
    )


def _read_ahead(
    reader: LabelledParser,
    after: tuple[str, ...],
    title_at: int,
    found: list[Block | Diagnostic],
) -> tuple[bool, LabelledParser | None]:
    """The next part's first lines (`after`, from line `title_at`) read on a copy of the
    reader: whether they open a project at that title, as in one pass (then what they
    closed joins `found`); and, when they do not, the reader as it stands at the end of
    the part."""
    ahead = copy.deepcopy(reader)
    closed: list[Block | Diagnostic] = []
    for number, line in enumerate(after, start=title_at):
        closed.extend(ahead.feed(number, clean_line(line)))
    if ahead.block is not None and ahead.block.line == title_at:
        found.extend(closed)
        return True, None
    return False, reader


# -- putting the parts together --------------------------------------------------------


class _Hints:
    """A file's unknown labels, counted in input order: past HINTS_PER_FILE, no suggestion."""

    def __init__(self) -> None:
        self.seen = 0

    def settle(self, notes: list[Note], hinted: list[tuple[int, Packed | None]]) -> None:
        """Take the suggestion out of the notes of unknown labels past the file's limit."""
        for index, plain in hinted:
            self.seen += 1
            if self.seen > HINTS_PER_FILE and plain is not None:
                notes[index].message = unpack_message(plain)


@dataclass
class _File:
    """The file being read, and what is settled for it in input order."""

    path: str
    registry: IdRegistry
    records: bool  # false: the caller wants ids and findings only
    hints: _Hints = field(default_factory=_Hints)


def read_in_parts(
    head: str,
    pieces: Iterator[str],
    path: str,
    registry: IdRegistry,
    jobs: int,
    records: bool = True,
) -> Iterator[ParsedProject | Diagnostic]:
    """The records and file findings of a labelled file (`head`, then `pieces`), as one
    process reading it line by line gives them; parts go to `jobs` worker processes.

    With `records` false, the records are not sent back from the workers (validate needs
    only their ids and findings): the items' `project` is then not there to ask for.
    """
    file = _File(path, registry, records)
    cut = parts(head, pieces)
    first = next(cut)
    rest = next(cut, None)
    if rest is None:  # one part: no worker
        done = read_part(first, path, None, records)
        if done.other_pages:
            yield from _read_on([first], None, file)
        else:
            yield from _handed_out(done.items, file)
        return
    yield from _in_workers(chain([first, rest], cut), file, jobs)


def _handed_out(
    items: Iterable[_Sent | Diagnostic], file: _File
) -> Iterator[ParsedProject | Diagnostic]:
    for item in items:
        if isinstance(item, Diagnostic):
            yield item
            continue
        notes = [Note.unpack(note) for note in item.notes]
        if item.hinted:
            file.hints.settle(notes, item.hinted)
        pid, diagnostics = claim(
            notes, item.duplicate_at, item.slug, item.name, file.path, item.line, file.registry
        )
        checks = [
            Diagnostic(n.code, n.message, file.path, n.line, pid, n.column, n.about)
            for n in map(Note.unpack, item.checks)
        ]
        yield _Unpacked(item.record, pid, diagnostics, checks)


def _read_task(part: Part, path: str, records: bool) -> PartRead:
    """A worker's task."""
    return read_part(part, path, None, records)


def _in_workers(
    todo: Iterator[Part], file: _File, jobs: int
) -> Iterator[ParsedProject | Diagnostic]:
    queue: deque[tuple[Part, Future[PartRead]]] = deque()
    state: LabelledParser | None = None  # where this process goes on reading, if it must
    with _worker_pool(jobs) as pool:
        for part in todo:
            queue.append((part, pool.submit(_read_task, part, file.path, file.records)))
            while len(queue) > jobs * AHEAD:
                if queue[0][1].result().other_pages:
                    yield from _read_on(chain((p for p, _ in queue), todo), state, file)
                    return
                state = yield from _settled(queue.popleft(), state, file)
        while queue:
            if queue[0][1].result().other_pages:
                yield from _read_on((p for p, _ in queue), state, file)
                return
            state = yield from _settled(queue.popleft(), state, file)


def _read_on(
    todo: Iterable[Part], state: LabelledParser | None, file: _File
) -> Iterator[ParsedProject | Diagnostic]:
    """The file read on in this process from the first part that may hold a page of another
    layout (engine.py): the engine goes on where one pass stands there, in a labelled part
    (the parts before hold no other page), from the reader's state when the part before did
    not end at a project's start."""
    from hankkeet.reading.engine import Engine  # loaded here: most files never need it

    todo = iter(todo)
    first = next(todo)
    if first.first == 1:
        engine = Engine(file.path, file.registry)
    else:
        parser = state if state is not None else LabelledParser(file.path)
        # The suggestions of unknown labels run on: those handed out, and those of the block
        # the reader holds.
        parser.hints = file.hints.seen + (len(parser.block.hinted) if parser.block else 0)
        engine = Engine(file.path, file.registry, parser)
    for part in chain([first], todo):
        lines = clean_lines(part.text)
        if part.after is not None:
            lines.pop()  # the '' after the part's last line break
        yield from engine.read(lines, part.first)
    yield from engine.finish()


@contextmanager
def _worker_pool(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """`jobs` worker processes that end with this process, however it ends.

    A worker waits on the pool's queue for work or for the word to stop. A process killed
    (SIGKILL, SIGTERM, the kill of subprocess.run's timeout) sends neither, and the workers
    hold the queue's pipe open themselves, so no end of file ever comes: they would sleep
    for ever, adopted by init. So each worker also watches a pipe of its own whose write end
    only this process holds: when this process ends, however it ends, the kernel closes
    that end, the worker's read returns empty, and the worker ends at once. (No handler
    sees SIGKILL; Linux's PR_SET_PDEATHSIG is Linux only and fires when the forking thread
    ends, not the process; the pipe works wherever fork does.) The watch is a thread
    blocked in a read: nothing is done per part or per record.

    Ctrl-C at a terminal sends SIGINT to the whole process group, workers included. A
    worker ignores it: this process, which gets it too, stops them and exits 130 (a worker
    interrupted while waiting used to print a KeyboardInterrupt traceback). SIGINT is held
    back while the workers are forked, so that none gets it before it ignores it; this
    process gets a Ctrl-C of those milliseconds as soon as they are forked.
    """
    # Loaded here: most runs never start a worker, and these imports cost start-up time.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with every module this process has loaded, in milliseconds.
    forking = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forking else None)
    # Only a forked worker inherits the pipe; spawned ones (where there is no fork) are
    # not watched.
    watched, held = os.pipe() if forking else (-1, -1)
    try:
        with _sigint_held():
            pool = ProcessPoolExecutor(
                jobs,
                mp_context=context,
                initializer=_start_worker,
                initargs=(watched, held),
            )
            # A pool forks its workers at its first task: this one forks them now.
            pool.submit(os.getpid)
        try:
            yield pool
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        if forking:
            os.close(watched)
            os.close(held)


@contextmanager
def _sigint_held() -> Iterator[None]:
    """SIGINT held back in this thread for the block (pending, not lost), where it can be."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # not on Windows
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _start_worker(watched: int, held: int) -> None:
    """A worker's start (see _worker_pool): Ctrl-C left to the main process, and a watch that
    ends the worker when the main process ends. (Findings are values: a worker speaks no
    language.)"""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if held >= 0:
        os.close(held)
        threading.Thread(
            target=_end_with_main_process, args=(watched,), name="watch", daemon=True
        ).start()


def _end_with_main_process(watched: int) -> None:
    """Wait until the main process's end of the pipe is closed (it never writes: the read
    returns empty when it has ended), then end this worker at once."""
    os.read(watched, 1)
    os._exit(1)


def _settled(
    entry: tuple[Part, Future[PartRead]], state: LabelledParser | None, file: _File
) -> Generator[ParsedProject | Diagnostic, None, LabelledParser | None]:
    """Hand out a part's records; the reader's state when the next part must go on from it."""
    part, task = entry
    done = task.result()
    if state is not None:
        # The part before did not end at a project's start: read on from where it stopped.
        done = read_part(part, file.path, state, file.records)
    elif not done.starts_clean:
        raise AssertionError(f"a part of {file.path} at line {part.first} did not start clean")
    yield from _handed_out(done.items, file)
    return done.state
