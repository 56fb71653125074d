"""Contact persons: "projektipäällikkö Virpi Pakarinen ja projektikoordinaattori Erkki Böhme"."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, NamedTuple

from hankkeet.diagnostics import Code, Problem
from hankkeet.locale import M_
from hankkeet.models import Contact, assembled, shallow_copy
from hankkeet.reading.labels import (
    CONTACT_JOINERS,
    DETAIL_WORDS,
    NAME_PARTICLES,
    ORGANISATION_ENDINGS,
    ORGANISATION_HEADS,
    PHONE_WORDS,
    RECIPIENT_FORMS,
    ROLE_LABEL_WORDS,
    TITLE_WORDS,
)

# An e-mail address is found from its '@' (or '(at)') outwards, not by one pattern with
# unbounded runs on both sides, which would cost quadratic time on long runs of letters.
_AT = re.compile(r" ?(?:@|\(at\)|\[at\]) ?", re.IGNORECASE)
_LOCAL_TEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-"
# Kept as text: re compiles it when a text with a digit first needs it, not at every start.
_PHONE = (
    r"(?i)(?:"
    + "|".join(re.escape(w) for w in PHONE_WORDS)
    + r")? ?:? ?(\+?[0-9][0-9 ()-]{5,18}[0-9])"
)
_DIGIT = re.compile(r"[0-9]")  # what every phone number holds
_SPLIT = re.compile(r"[,;]| (?:ja|sekä|&) (?=\S)|\n")
_TITLES = frozenset(TITLE_WORDS)


@dataclass
class ContactsReading:
    """Contacts read from one field, with problems as (code, message)."""

    contacts: list[Contact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# A job title as the vocabulary knows it: a known one, a misspelling of one, or unknown.
TitleStatus = Literal["known", "typo", "unknown"]


@lru_cache(maxsize=4096)
def title_status(title: str) -> tuple[TitleStatus, str | None]:
    """Whether a title is 'known', a 'typo' (with the nearest title) or 'unknown' (with one)."""
    last = title.split()[-1].casefold() if title.split() else ""
    if last in _TITLES or any(last.endswith(word) for word in _TITLES):
        return "known", None
    # The best title at least 60 % alike; a misspelling when it is 80 % alike. (One pass:
    # the best match is the same whatever the cutoff it passes.)
    near = difflib.get_close_matches(last, _TITLES, n=1, cutoff=0.6)
    if not near:
        return "unknown", None
    if difflib.SequenceMatcher(None, near[0], last).ratio() >= 0.8:
        return "typo", near[0]
    return "unknown", near[0]


def before_details(name: str) -> str:
    """A name without the form's empty labels after it ('Tauno Korpela Sähköpostiosoite
    Puhelinnumero' -> 'Tauno Korpela')."""
    words = name.split()
    for k, word in enumerate(words):
        if k and word.casefold().strip(".:") in DETAIL_WORDS:
            return " ".join(words[:k])
    return name


def _is_title_word(word: str) -> bool:
    return title_status(word)[0] != "unknown"


@lru_cache(maxsize=8192)  # the same first names and surnames, project after project
def _is_name_word(word: str) -> bool:
    body = word.replace("-", "").replace("'", "").replace("\u2019", "")
    return (
        bool(body)
        and word[0].isupper()
        and body.isalpha()
        and not (len(body) > 1 and body.isupper())
    )


def role_label(name: str) -> bool:
    """Whether a head ends with a role's word (labels.ROLE_LABEL_WORDS, or a known title):
    'Lead partner', 'Reference Board Leader', 'Projektipäällikkö'."""
    words = name.split()
    last = words[-1].casefold().strip("()") if words else ""
    return last in ROLE_LABEL_WORDS or title_status(last)[0] == "known"


def find_email(text: str, start: int = 0) -> tuple[int, int, str] | None:
    """The first e-mail address at or after start: (start, end, address with '@')."""
    if "@" not in text and "(" not in text and "[" not in text:
        return None  # _AT needs one of them: most contact texts hold none
    for at in _AT.finditer(text, start):
        # The run of address characters on each side, at most 64 before and 255 after
        # (stripped off a slice in C, not walked a character at a time).
        before = text[max(0, at.start() - 64) : at.start()]
        left = at.start() - (len(before) - len(before.rstrip(_LOCAL_TEXT)))
        after = text[at.end() : at.end() + 255]
        right = at.end() + (len(after) - len(after.lstrip(_LOCAL_TEXT)))
        domain = text[at.end() : right].rstrip(".")
        if left < at.start() and "." in domain.strip("."):
            return left, at.end() + len(domain), f"{text[left : at.start()]}@{domain}"
    return None


def _split_segments(text: str) -> list[str]:
    """Pieces of a contact list: split at commas, ';' and 'ja', not inside 'sosiaali- ja'."""
    joined: list[str] = []
    pos = 0
    while (found := find_email(text, pos)) is not None:
        # An address holds dots and maybe spaces around '(at)': keep it in one piece.
        joined += [text[pos : found[0]], " ", found[2], " "]
        pos = found[1]
    text = "".join([*joined, text[pos:]])
    pieces: list[str] = []
    last = 0
    for m in _SPLIT.finditer(text):
        if m.group().strip() in CONTACT_JOINERS and m.start() > 0 and text[m.start() - 1] == "-":
            continue
        pieces.append(text[last : m.start()])
        last = m.end()
    pieces.append(text[last:])
    return [p.strip() for p in pieces if p.strip()]


class _Segment(NamedTuple):
    """A piece of a contact list, read: what no caller changes (readings are shared)."""

    title_words: tuple[str, ...]
    name_words: tuple[str, ...]
    email: str | None
    phone: str | None
    other: tuple[str, ...]
    own: str | None  # the title words as a contact's title: joined, case-folded
    name: str  # the name words joined ('' for none)


def _segment(
    title_words: list[str] | tuple[str, ...],
    name_words: list[str] | tuple[str, ...],
    email: str | None,
    phone: str | None,
    other: list[str] | tuple[str, ...],
) -> _Segment:
    return _Segment(
        tuple(title_words),
        tuple(name_words),
        email,
        phone,
        tuple(other),
        " ".join(title_words).casefold() or None,
        " ".join(name_words),
    )


# The same people stand in one contact list after another, with other people and details
# around them: each distinct piece ('projektipäällikkö Virpi Pakarinen') is read once.
@lru_cache(maxsize=8192)
def _read_segment(text: str) -> _Segment:
    text, email, phone = _details_taken(text)
    words = text.replace("(", " ").replace(")", " ").split()
    if ":" in text or ".n " in text:  # a genitive 'Oy:n', 'Ab:s' (searches in C)
        words = _after_organisation(words)
    if words and all(title_status(w)[0] == "known" for w in words):
        # 'Projektipäällikkö' on a line of its own in a contact block: a title, capitalised.
        return _segment(words, (), email, phone, ())
    # Title words come first: everything before the first name word that is not a title.
    i = 0
    while i < len(words) and _is_title_at(words, i):
        i += 1
    first_name = i
    while i < len(words) and _is_name_at(words, i, first_name):
        i += 1
    return _segment(words[:first_name], words[first_name:i], email, phone, words[i:])


def _after_organisation(words: list[str]) -> list[str]:
    """The words after an organisation named in the genitive before its person ('Porin
    Satama Oy:n toimitusjohtaja Vesa Mäkilä', 'Dynamo Ab:s VD …'): whose, not who."""
    for k in range(len(words) - 1, -1, -1):
        folded = words[k].casefold()
        stem = folded.removesuffix(":n").removesuffix(".n").removesuffix(":s")
        if stem != folded and stem in RECIPIENT_FORMS:
            return words[k + 1 :]
    return words


def _details_taken(text: str) -> tuple[str, str | None, str | None]:
    """A piece without its e-mail address and phone number (one of at least six digits),
    and those two (None for one not there)."""
    email_found = find_email(text)
    email = phone = None
    if email_found:
        email = email_found[2]
        text = text[: email_found[0]] + " " + text[email_found[1] :]
    phone_found = re.search(_PHONE, text) if _DIGIT.search(text) else None
    if phone_found and sum(c.isdigit() for c in phone_found.group(1)) >= 6:
        phone = " ".join(phone_found.group(1).split())
        text = text[: phone_found.start()] + " " + text[phone_found.end() :]
    return text, email, phone


def _is_title_at(words: list[str], i: int) -> bool:
    """Whether words[i], after title words only, is a title word too: no name word; a
    genitive before a title ('Nuorisotoimen suunnittelija'), which belongs to the title; or
    a title word with a name after it."""
    word = words[i]
    qualifier = (
        word.endswith("n")
        and i + 1 < len(words)
        and not _is_name_word(words[i + 1])
        and _is_title_word(words[i + 1])
    )
    return (
        not _is_name_word(word)
        or qualifier
        or (_is_title_word(word) and i + 2 < len(words) + 1 and _name_follows(words, i + 1))
    )


def _is_name_at(words: list[str], i: int, first_name: int) -> bool:
    """Whether words[i] goes on with the name begun at words[first_name]: no detail word
    ('puh.'), and a name word, or a particle ('von') between name words."""
    return words[i].casefold().strip(".:") not in DETAIL_WORDS and (
        _is_name_word(words[i])
        or (
            words[i] in NAME_PARTICLES
            and i + 1 < len(words)
            and _is_name_word(words[i + 1])
            and i > first_name
        )
    )


def _name_follows(words: list[str], i: int) -> bool:
    """At least one name word follows (a title word is a title only before a name)."""
    return i < len(words) and _is_name_word(words[i])


def read_contacts(text: str) -> ContactsReading:
    """Read one or more contacts; name-before-title and details after a comma are joined."""
    # A publisher names the same people project after project: each distinct text is read
    # once. Every reading gets lists of its own; the
    # contacts in them are shared (a Contact is frozen).
    reading = _read_contacts_once(text)
    return ContactsReading(list(reading.contacts), list(reading.problems))


@lru_cache(maxsize=4096)
def _read_contacts_once(text: str) -> ContactsReading:
    return read_contacts_generally(text)


def read_contacts_generally(text: str) -> ContactsReading:
    """read_contacts without its cache (what the cached reading is tested against)."""
    out = ContactsReading()
    pending: str | None = None  # a title written before the name, in a piece of its own
    for piece in _split_segments(text):
        folded = piece.casefold().rstrip(" .")
        if folded.endswith(ORGANISATION_ENDINGS) or folded.split(" ", 1)[0].endswith(
            ORGANISATION_HEADS
        ):
            # 'Nivala-Haapajärven seutu NIHAK ry, toimitusjohtaja …', 'Helena Zimmer,
            # Hushållningssällskapet Norrbotten-Västerbotten': whose, not who.
            continue
        seg = _read_segment(piece)
        own = _own_title(seg, piece, out.problems)
        if seg.name_words:
            _add_named(out, seg, own, pending)
            pending = None
        else:
            pending = _add_unnamed(out, seg, own, pending, piece)
    if pending:
        out.contacts.append(Contact(title=pending))
    for contact in out.contacts:
        _contact_problems(contact, out.problems)
    return out


def _add_named(out: ContactsReading, seg: _Segment, own: str | None, pending: str | None) -> None:
    """A piece with a person's name: a contact, titled by its own title or the one
    pending (which stands alone when the piece has its own)."""
    if own and pending:
        out.contacts.append(Contact(title=pending))
    # Values of the fields' types (strings or None): assembled without validation
    # (tests/test_fast_paths.py validates every record of the fixtures and a corpus).
    values = {
        "title": own or pending,
        "name": seg.name,
        "email": seg.email,
        "phone": seg.phone,
    }
    out.contacts.append(assembled(Contact, values, set(values)))


def _add_unnamed(
    out: ContactsReading, seg: _Segment, own: str | None, pending: str | None, piece: str
) -> str | None:
    """A piece without a name: a title for the contact before it ("Mats Berg,
    projektipäällikkö") or for the next one, details for the contact before it, or a
    contact of its own. Returns the title now pending."""
    last = out.contacts[-1] if out.contacts else None
    if own and not (seg.email or seg.phone):
        if last is not None and last.title is None and pending is None:
            out.contacts[-1] = shallow_copy(last, title=own)  # "Mats Berg, projektipäällikkö"
            return pending
        if pending:
            out.contacts.append(Contact(title=pending))
        return own
    if last is not None and pending is None and (seg.email or seg.phone):
        out.contacts[-1] = shallow_copy(
            last, email=last.email or seg.email, phone=last.phone or seg.phone
        )
        if own:
            out.problems.append(
                Problem(
                    Code.STRAY_TEXT,
                    M_("'{words}' in contact '{contact}' is not a name", words=own, contact=piece),
                )
            )
        return pending
    out.contacts.append(Contact(title=own or pending, email=seg.email, phone=seg.phone))
    return None


def _own_title(seg: _Segment, piece: str, problems: list[Problem]) -> str | None:
    """A piece's title: its own title words, or the words after a name that are no name
    ("Mats Berg projektipäällikkö"); other words are stray text (a finding)."""
    if not seg.other:
        return seg.own
    if seg.name_words and not seg.title_words and not any(_is_name_word(w) for w in seg.other):
        return " ".join(seg.other).casefold()
    problems.append(
        Problem(
            Code.STRAY_TEXT,
            M_(
                "'{words}' in contact '{contact}' is not a name or title",
                words=" ".join(seg.other),
                contact=piece,
            ),
        )
    )
    return seg.own


def _contact_problems(contact: Contact, problems: list[Problem]) -> None:
    """The findings about a contact read: no person's name, a title misspelt or unknown."""
    if contact.name is None:
        problems.append(
            Problem(
                Code.CONTACT_WITHOUT_NAME,
                M_(
                    "contact '{contact}' has no person's name",
                    contact=contact.title or contact.email or contact.phone,
                ),
            )
        )
    if not contact.title:
        return
    status, near = title_status(contact.title)
    if status == "typo":
        problems.append(
            Problem(
                Code.TITLE_TYPO,
                M_("title '{title}': did you mean '{near}'?", title=contact.title, near=near),
            )
        )
    elif status == "unknown":
        message = (
            M_(
                "title '{title}' is not in the vocabulary; nearest known: '{near}'",
                title=contact.title,
                near=near,
            )
            if near
            else M_("title '{title}' is not in the vocabulary", title=contact.title)
        )
        problems.append(Problem(Code.UNKNOWN_TITLE, message))
