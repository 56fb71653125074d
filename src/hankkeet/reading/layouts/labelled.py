"""The seed's family: a title line, then labelled lines (`Toiminta-aika: …`), project after project.

It reads one line at a time and hands out each project's block as soon as it is complete, so
memory stays flat however long the input is; the field readers (records.py) make it a
record. A title is a line that may be one (lines.titleable) followed by our labels;
whatever it cannot place becomes a finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.locale import M_
from hankkeet.reading.blocks import Block, FieldValue, Note
from hankkeet.reading.labels import Field
from hankkeet.reading.layouts.labelled_notes import (
    canonical_label,
    glued_heading,
    heading,
    name_from_head,
    near_label,
    repeated,
)
from hankkeet.reading.lines import LabelLine, classify, titleable
from hankkeet.reading.text import shorten, squash_clean

HINTS_PER_FILE = 200
# A heading between projects is one short line that does not end a sentence.
HEADING_MAX = 80


class LabelledParser:
    """Reads the lines of one file of the seed's family and hands out blocks as they complete."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.block: Block | None = None
        self.pending: tuple[int, str, LabelLine | None] | None = None
        # An unknown label after a blank line, under a title candidate: a field we do not
        # know if a line follows it directly, else a title that holds a colon.
        self.held_label: tuple[int, str, LabelLine] | None = None
        self.pending_attached = False
        self.pending_alone = True
        self.after_blank = True
        self.attached = False  # the previous non-blank line was a field or its continuation
        self.projects = 0
        self.hints = 0
        self.file_notes: list[Diagnostic] = []
        self.preamble: tuple[int, int] | None = None
        # The preamble's first line (number, text): a one-project page's name when its
        # fields stand under its text with no title above them (name_from_head).
        self.head: tuple[int, str] | None = None
        self._done: list[Block | Diagnostic] = []  # complete, not yet handed out

    # -- feeding -------------------------------------------------------------------------

    # complexity: the inline step for a known label (most lines) is measured at 1.0 % of
    # all instructions (benchmarks/README.md); it goes when the floors have slack again.
    def feed(self, number: int, line: str) -> Sequence[Block | Diagnostic]:
        """Take one line (1-based number); hand out whatever it completes, in order.

        (A list, not a generator: this runs for every line, and a generator for each line
        and each step cost more than the steps.)
        """
        if not line.strip():
            self.after_blank = True
            return ()
        label = classify(line)
        if (
            label is not None
            and self.pending is None
            and self.held_label is None
            and (block := self.block) is not None
            and (fld := label.field) is not None
            and fld not in block.fields
            and label.typo_of is None
            and not self.file_notes
            and not self._done
        ):
            # Most lines: a label of ours, once in its block, with nothing pending. What the
            # steps below do for it (_resolve_pending has nothing to resolve, _add_field adds
            # the field, nothing is complete), without their calls.
            block.dropping = False
            block.fields[fld] = FieldValue(
                label.value, number, label.column, label.label, label.year
            )
            block.last = fld
            self.attached = True
            self.after_blank = False
            return ()
        if (held := self.held_label) is not None:
            self._release_held(held)
        if (
            label is not None
            and label.field is None
            and (label.other or not self.after_blank)
            and (label.other or self.pending is not None or self.attached)
        ):
            # A label not ours under a field or a title candidate; or a label of another
            # thing ('Vahvuusala' alone over 'Biotalous'), never a title candidate itself.
            self._resolve_pending(None)
            self._unknown_label(number, label)
            self.attached = True
        elif (
            label is not None
            and label.field is None
            and self.after_blank
            and self.pending is not None
        ):
            return self._label_after_blank(number, line, label)
        elif label is not None and label.field is not None:
            self._resolve_pending(label.field)
            self._add_field(number, label)
            self.attached = True
        else:
            self._take_text(number, line.strip(), label)
        self.after_blank = False
        self._drain()
        return self._handed()

    def _release_held(self, held: tuple[int, str, LabelLine]) -> None:
        """The unknown label held under a title candidate, now that the next line is in:
        after a blank line it was a title that holds a colon, else a field we do not know."""
        self.held_label = None
        if self.after_blank:
            self._take_text(*held)
        else:
            self._resolve_pending(None)
            self._unknown_label(held[0], held[2])
            self.attached = True  # the line under it is its value, as under any label
            self.after_blank = False

    def _label_after_blank(
        self, number: int, line: str, label: LabelLine
    ) -> Sequence[Block | Diagnostic]:
        """A label not ours after a blank line, under a title candidate: held until the next
        line tells a field we do not know from a title that holds a colon."""
        if label.other:
            # A label of another thing ('Kunta: Kajaani') is never a title: the line
            # above it is the project's, as over a label of ours.
            self._resolve_pending(None)
            self._unknown_label(number, label)
            self.attached = True
            self.after_blank = False
            self._drain()
            return self._handed()
        self.held_label = (number, line.strip(), label)
        self.after_blank = False
        return self._handed()

    def _take_text(self, number: int, text: str, label: LabelLine | None) -> None:
        """A text line: the new title candidate; the one before it is resolved as text."""
        if self.pending is not None:
            if self.after_blank:
                self._resolve_as_text(*self.pending, self.pending_attached, self.pending_alone)
                self.pending_alone = True
            else:
                self._resolve_as_text(*self.pending, self.pending_attached, False)
                self.pending_alone = False
            self.pending_attached = self.pending_attached and not self.after_blank
        else:
            self.pending_attached = self.attached and not self.after_blank
            self.pending_alone = True
        self.pending = (number, text, label)
        self.attached = self.pending_attached

    def finish(self) -> Sequence[Block | Diagnostic]:
        """End of the file: resolve what is pending, complete the last project."""
        if self.held_label is not None:
            self.after_blank = True
            self._take_text(*self.held_label)
            self.held_label = None
        if self.pending is not None:
            self._resolve_as_text(*self.pending, self.pending_attached, self.pending_alone)
            self.pending = None
        if self.projects == 0 and self.block is not None and self.head is not None:
            self.preamble = name_from_head(self.block, self.head, self.preamble)
        self._close_block()
        self._flush_preamble()
        self._drain()
        if self.projects == 0:
            self._done.append(
                Diagnostic(
                    Code.NO_PROJECTS,
                    M_("{path} holds no project description", path=self.path),
                    self.path,
                    1,
                )
            )
        return self._handed()

    # -- internals -----------------------------------------------------------------------

    def _handed(self) -> Sequence[Block | Diagnostic]:
        """What is complete, handed out once."""
        done = self._done
        if not done:
            return ()
        self._done = []
        return done

    def _drain(self) -> None:
        if self.file_notes:
            self._done.extend(self.file_notes)
            self.file_notes.clear()

    def _resolve_pending(self, next_field: Field | None) -> None:
        if self.pending is None:
            return
        number, text, maybe_label = self.pending
        self.pending = None
        block = self.block
        last_has_value = bool(block and block.last and block.fields[block.last].text)
        sentence = text.endswith((".", "!", "?"))
        if not titleable(text, maybe_label):
            self._resolve_as_text(
                number, text, maybe_label, self.pending_attached, self.pending_alone
            )
            return
        is_title = (
            block is None
            or (next_field is not None and _stated(block, next_field))
            or (
                not self.pending_attached
                and not sentence
                and (last_has_value or block.last is None)
            )
        )
        if not is_title:
            self._resolve_as_text(
                number, text, maybe_label, self.pending_attached, self.pending_alone
            )
            return
        self._close_block()
        self._flush_preamble()
        self.block = Block(title=squash_clean(text), line=number)

    def _resolve_as_text(
        self, number: int, text: str, maybe_label: LabelLine | None, attached: bool, alone: bool
    ) -> None:
        block = self.block
        if block is None:
            if self.preamble is None:
                self.head = (number, text)
            start = self.preamble[0] if self.preamble else number
            self.preamble = (start, number)
            return
        if maybe_label is not None and maybe_label.field is None:
            self._unknown_label(number, maybe_label)
            return
        if attached and block.dropping:
            return
        last = block.fields.get(block.last) if block.last else None
        if not attached and alone and _heading_shaped(text, ":,"):
            block.notes.append(heading(text, number))
            block.last = None
            return
        if (
            attached
            and last is not None
            and _under_finished_summary(block, last, text)
            and titleable(text, maybe_label)
        ):
            # A heading glued under a finished summary: another page pasted with no blank
            # line may start here. Read on as the summary, and said.
            block.notes.append(glued_heading(block, text, number))
        if last is not None and (attached or not last.text or block.last is Field.SUMMARY):
            _continue(last, number, text)
            return
        block.notes.append(
            Note(
                Code.STRAY_TEXT,
                M_("text that belongs to no field: '{text}'", text=shorten(text)),
                number,
                None,
                None,
            )
        )

    def _unknown_label(self, number: int, label: LabelLine) -> None:
        block = self.block
        if block is None:
            start = self.preamble[0] if self.preamble else number
            self.preamble = (start, number)
            return
        if label.other:
            # A known label of other things (Y-tunnus, Hankekoodi): its value is not ours.
            block.last = None
            block.dropping = True
            return
        # A suggestion costs a fuzzy look-up; a file of thousands of different unknown
        # labels gets suggestions for the first HINTS_PER_FILE, the code for all of them.
        self.hints += 1
        near = near_label(label.label) if self.hints <= HINTS_PER_FILE else None
        plain = M_("unknown label '{label}'; its value is not used", label=label.label)
        message = (
            M_(
                "unknown label '{label}' (did you mean '{near}'?); its value is not used",
                label=label.label,
                near=near,
            )
            if near
            else plain
        )
        block.hinted.append((len(block.notes), plain if near else None))
        block.notes.append(Note(Code.UNKNOWN_LABEL, message, number, 1, None))
        block.last = None
        block.dropping = True

    def _flush_preamble(self) -> None:
        if self.preamble is None:
            return
        start, end = self.preamble
        where = (
            M_("line {start}", start=start)
            if start == end
            else M_("lines {start}–{end}", start=start, end=end)
        )
        self.file_notes.append(
            Diagnostic(
                Code.PREAMBLE,
                M_("text before the first project ({where}) is not a project", where=where),
                self.path,
                start,
            )
        )
        self.preamble = None

    def _add_field(self, number: int, label: LabelLine) -> None:
        assert label.field is not None
        block = self.block
        if block is None:
            # A label before any title: the fields belong to a project without a name.
            block = self.block = Block(title="", line=number)
        if label.typo_of is not None:
            block.notes.append(
                Note(
                    Code.LABEL_TYPO,
                    M_(
                        "label '{label}' read as '{known}'",
                        label=label.label,
                        known=canonical_label(label.typo_of),
                    ),
                    number,
                    1,
                    None,
                )
            )
        if (
            label.field in block.fields
            and self.after_blank
            and label.field is next(iter(block.fields))
        ):
            # The project's first field again after a blank line: the next project starts
            # here, its title missing ('Duration: …' opens each project of a list page whose
            # names were images or links). It is a project of its own, said to have no name.
            self._close_block()
            block = self.block = Block(title="", line=number)
        if _stated(block, label.field):
            repeated(block, number, label)
            return
        block.fields.pop(label.field, None)  # given first empty ('Rahoitusohjelma' alone)
        block.dropping = False
        block.fields[label.field] = FieldValue(
            label.value, number, label.column, label.label, label.year
        )
        block.last = label.field

    def _close_block(self) -> None:
        block = self.block
        self.block = None
        if block is None:
            return
        self.projects += 1
        self._done.append(block)


def _stated(block: Block, fld: Field) -> bool:
    """Whether the block has the field with a value (a label given first with none, and
    again with one, is one field: the page's empty placeholder, then its value)."""
    fv = block.fields.get(fld)
    return fv is not None and bool(fv.text)


def _under_finished_summary(block: Block, last: FieldValue, text: str) -> bool:
    """A heading-shaped line right under a summary that has ended its sentence."""
    return (
        block.last is Field.SUMMARY
        and last.text.endswith((".", "!", "?"))
        and _heading_shaped(text, ":,;")
    )


def _continue(last: FieldValue, number: int, text: str) -> None:
    """A line that continues the field above it (or gives a value to its empty label)."""
    if not last.text:
        last.line = number
        last.column = 1
    last.text = f"{last.text} {text}" if last.text else text


def _heading_shaped(text: str, more_ends: str) -> bool:
    """Short, and ending in no sentence's mark nor in one of more_ends: a heading's shape."""
    return len(text) <= HEADING_MAX and not text.endswith((".", "!", "?", *more_ends))
