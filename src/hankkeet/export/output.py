"""Writing an output file atomically, and the format a file name asks for.

A temporary file next to the target is written in full, flushed to disk and then renamed
over the target: a run that fails leaves no half file behind, and an existing file is only
replaced when the new one is complete.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# File name endings and the format value they ask for (each command's format enum uses
# these same values, so one table serves every command).
EXTENSION_FORMATS: dict[str, str] = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xlsx": "xlsx",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
    ".sarif": "sarif",
}


def format_for_path(path: Path) -> str | None:
    """The format value a file name's ending asks for ('data.xlsx' -> 'xlsx'), or None."""
    name = path.name.casefold()
    if name.endswith(".sarif.json"):
        return "sarif"
    return EXTENSION_FORMATS.get(path.suffix.casefold())


def _new_file_mode(target: Path) -> int:
    """The target's own permissions when it exists, else what a new file would get."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path to write the whole output to; renamed onto `target` on success.

    When the body raises, the temporary file is removed and `target` is left untouched.
    OSError when the folder cannot be written to.
    """
    target = Path(target)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as exc:  # name the file the person asked for, not the temporary one
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        # Writers such as SQLite expect to create the file themselves.
        temporary.unlink()
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, _new_file_mode(target))
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_bytes_atomic(target: Path, data: bytes) -> None:
    """Write bytes to `target` atomically."""
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)


def write_text_atomic(target: Path, text: str) -> None:
    """Write UTF-8 text to `target` atomically (line ends as given)."""
    write_bytes_atomic(target, text.encode("utf-8"))
