"""A tiny msgfmt: .po catalogs to GNU .mo files, in pure Python (CPython's tool is not shipped).

Handles what our catalogs use: msgctxt-free entries, msgid/msgid_plural/msgstr[n], multi-line
strings and the usual escapes. Run `python -m hankkeet.locale.msgfmt` after editing a .po file;
a test checks every committed .mo matches its .po.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path


def parse_po(text: str) -> dict[str, str]:
    """msgid -> msgstr (plural forms joined by NUL, as .mo stores them); fuzzy entries skipped."""
    entries: dict[str, str] = {}
    msgid: list[str] = []
    plural: list[str] | None = None
    strs: dict[int, list[str]] = {}
    current: list[str] | None = None
    fuzzy = False

    def flush() -> None:
        nonlocal msgid, plural, strs, fuzzy
        if msgid or strs:
            key = "".join(msgid) + ("\0" + "".join(plural) if plural is not None else "")
            values = ["".join(strs[i]) for i in sorted(strs)]
            if not fuzzy and any(values):
                entries[key] = "\0".join(values)
        msgid, plural, strs, fuzzy = [], None, {}, False

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#,") and "fuzzy" in line:
            flush()
            fuzzy = True
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith("msgid_plural "):
            plural = [ast.literal_eval(line[len("msgid_plural ") :])]
            current = plural
        elif line.startswith("msgid "):
            if strs:
                keep_fuzzy = fuzzy
                flush()
                fuzzy = keep_fuzzy
            msgid = [ast.literal_eval(line[len("msgid ") :])]
            current = msgid
        elif line.startswith("msgstr["):
            index = int(line[len("msgstr[") : line.index("]")])
            strs[index] = [ast.literal_eval(line[line.index("]") + 1 :].strip())]
            current = strs[index]
        elif line.startswith("msgstr "):
            strs[0] = [ast.literal_eval(line[len("msgstr ") :])]
            current = strs[0]
        elif line.startswith('"') and current is not None:
            current.append(ast.literal_eval(line))
    flush()
    return entries


def extract(root: Path) -> list[tuple[str, str | None]]:
    """Every message the code translates: (msgid, msgid_plural or None), in source order."""
    found: dict[tuple[str, str | None], None] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and _is_command(node):
                doc = ast.get_docstring(node, clean=True)
                if doc:
                    found[(doc, None)] = None  # a command's help (see cli.language.translate_help)
                continue
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            args = [
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            if node.func.id in ("_", "N_", "M_") and len(args) == 1:
                found[(args[0], None)] = None
            elif node.func.id in ("ngettext", "MN_") and len(args) == 2:
                found[(args[0], args[1])] = None
    return list(found)


def _is_command(node: ast.FunctionDef) -> bool:
    """Whether a function is a Typer command or the app's callback (its docstring is help)."""
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute) and target.attr in ("command", "callback"):
            return True
    return False


def mo_bytes(entries: dict[str, str]) -> bytes:
    """The GNU .mo file of a catalog (little-endian, no hash table)."""
    keys = sorted(entries)
    ids = [k.encode("utf-8") for k in keys]
    strs = [entries[k].encode("utf-8") for k in keys]
    count = len(keys)
    start = 7 * 4 + 16 * count
    id_table, str_table = b"", b""
    offset = start
    for data in ids:
        id_table += struct.pack("<2I", len(data), offset)
        offset += len(data) + 1
    for data in strs:
        str_table += struct.pack("<2I", len(data), offset)
        offset += len(data) + 1
    header = struct.pack("<7I", 0x950412DE, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, 0)
    return (
        header
        + id_table
        + str_table
        + b"".join(d + b"\0" for d in ids)
        + b"".join(d + b"\0" for d in strs)
    )


def compile_catalogs(root: Path) -> list[Path]:
    """Write a .mo beside every .po under root; the paths written."""
    written = []
    for po in sorted(root.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(mo_bytes(parse_po(po.read_text(encoding="utf-8"))))
        written.append(mo)
    return written


if __name__ == "__main__":
    for path in compile_catalogs(Path(__file__).resolve().parent):
        sys.stdout.write(f"{path}\n")
