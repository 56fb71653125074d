"""Contact persons: "projektipäällikkö Virpi Pakarinen ja projektikoordinaattori Erkki Böhme"."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from hankkeet.labels import CONTACT_JOINERS, NAME_PARTICLES, TITLE_WORDS
from hankkeet.models import Contact

_EMAIL = re.compile(r"[\w.+-]+ ?(?:@|\(at\)|\[at\]| at ) ?[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_PHONE = re.compile(r"(?:puh\.?|p\.|tel\.?|gsm|mob\.?)? ?:? ?(\+?[0-9][0-9 ()-]{5,}[0-9])",
                    re.IGNORECASE)
_SPLIT = re.compile(r"[,;]| (?:ja|sekä|&) (?=\S)|\n")
_TITLES = frozenset(TITLE_WORDS)


@dataclass
class ContactsReading:
    """Contacts read from one field, with problems as (code, message)."""

    contacts: list[Contact] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


@lru_cache(maxsize=4096)
def title_status(title: str) -> tuple[str, str | None]:
    """Whether a title is 'known', a 'typo' (with the nearest title) or 'unknown' (with one)."""
    last = title.split()[-1].casefold() if title.split() else ""
    if last in _TITLES or any(last.endswith(word) for word in _TITLES):
        return "known", None
    near = difflib.get_close_matches(last, _TITLES, n=1, cutoff=0.8)
    if near:
        return "typo", near[0]
    near = difflib.get_close_matches(last, _TITLES, n=1, cutoff=0.6)
    return "unknown", (near[0] if near else None)


def _is_title_word(word: str) -> bool:
    return title_status(word)[0] != "unknown"


def _is_name_word(word: str) -> bool:
    body = word.replace("-", "").replace("'", "").replace("\u2019", "")
    return bool(body) and word[0].isupper() and body.isalpha() and not (
        len(body) > 1 and body.isupper())


def _split_segments(text: str) -> list[str]:
    """Pieces of a contact list: split at commas, ';' and 'ja', not inside 'sosiaali- ja'."""
    text = _EMAIL.sub(lambda m: " " + m.group().replace(" ", "") + " ", text)
    pieces: list[str] = []
    last = 0
    for m in _SPLIT.finditer(text):
        if m.group().strip() in CONTACT_JOINERS and text[:m.start()].endswith("-"):
            continue
        pieces.append(text[last:m.start()])
        last = m.end()
    pieces.append(text[last:])
    return [p.strip() for p in pieces if p.strip()]


@dataclass
class _Segment:
    title_words: list[str] = field(default_factory=list)
    name_words: list[str] = field(default_factory=list)
    email: str | None = None
    phone: str | None = None
    other: list[str] = field(default_factory=list)


def _read_segment(text: str) -> _Segment:
    seg = _Segment()
    email = _EMAIL.search(text)
    if email:
        seg.email = re.sub(r" ?(?:\(at\)|\[at\]| at ) ?", "@", email.group(), flags=re.I)
        text = text[:email.start()] + " " + text[email.end():]
    phone = _PHONE.search(text)
    if phone and sum(c.isdigit() for c in phone.group(1)) >= 6:
        seg.phone = " ".join(phone.group(1).split())
        text = text[:phone.start()] + " " + text[phone.end():]
    words = text.replace("(", " ").replace(")", " ").split()
    i = 0
    # Title words come first: everything before the first name word that is not a title.
    while i < len(words):
        word = words[i]
        if not _is_name_word(word) or (_is_title_word(word) and i + 2 < len(words) + 1 and
                                       _name_follows(words, i + 1)):
            seg.title_words.append(word)
            i += 1
            continue
        break
    while i < len(words) and (_is_name_word(words[i]) or (
            words[i] in NAME_PARTICLES and i + 1 < len(words) and _is_name_word(words[i + 1])
            and seg.name_words)):
        seg.name_words.append(words[i])
        i += 1
    seg.other = words[i:]
    return seg


def _name_follows(words: list[str], i: int) -> bool:
    """At least one name word follows (a title word is a title only before a name)."""
    return i < len(words) and _is_name_word(words[i])


def read_contacts(text: str) -> ContactsReading:
    """Read one or more contacts; name-before-title and details after a comma are joined."""
    out = ContactsReading()
    pending_title: list[str] = []
    for piece in _split_segments(text):
        seg = _read_segment(piece)
        title = " ".join(pending_title + seg.title_words).casefold() or None
        pending_title = []
        if seg.other:
            title_tail = [w for w in seg.other if not _is_name_word(w)]
            if len(title_tail) == len(seg.other) and seg.name_words and not seg.title_words:
                title = " ".join(title_tail).casefold()
            else:
                out.problems.append(("stray-text", f"'{' '.join(seg.other)}' in contact "
                                                   f"'{piece}' is not a name or title"))
        if len(seg.name_words) >= 2 or (seg.name_words and not seg.title_words and
                                         not out.contacts):
            out.contacts.append(Contact(title=title, name=" ".join(seg.name_words),
                                        email=seg.email, phone=seg.phone))
            continue
        if seg.name_words:
            # One capitalised word after a title ("Koordinaattori Jylkkä") is a surname.
            out.contacts.append(Contact(title=title, name=" ".join(seg.name_words),
                                        email=seg.email, phone=seg.phone))
            continue
        last = out.contacts[-1] if out.contacts else None
        if title and last is not None and last.title is None and not (seg.email or seg.phone):
            last.title = title
        elif title and not (seg.email or seg.phone):
            pending_title = title.split()
        elif last is not None and (seg.email or seg.phone):
            last.email = last.email or seg.email
            last.phone = last.phone or seg.phone
            if title:
                out.problems.append(("stray-text", f"'{title}' in contact '{piece}' is "
                                                   "not a name"))
        else:
            out.contacts.append(Contact(title=title, email=seg.email, phone=seg.phone))
    if pending_title:
        out.contacts.append(Contact(title=" ".join(pending_title)))
    for contact in out.contacts:
        if contact.name is None:
            out.problems.append(("contact-without-name",
                                 f"contact '{contact.title or contact.email or contact.phone}' "
                                 "has no person's name"))
        if contact.title:
            status, near = title_status(contact.title)
            if status == "typo":
                out.problems.append(("title-typo", f"title '{contact.title}': did you mean "
                                                   f"'{near}'?"))
            elif status == "unknown":
                hint = f"; nearest known: '{near}'" if near else ""
                out.problems.append(("unknown-title",
                                     f"title '{contact.title}' is not in the vocabulary{hint}"))
    return out
