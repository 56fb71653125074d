"""A saved web page as the plain text lines the readers understand.

The page is parsed with the standard library's html.parser into a small tree (no regular
expression ever looks at markup). Its main content is chosen: an agenda system's item body
(CloudNC, Dynasty), else `<main>` or `role=main`, else the page's `<article>`s, else the
whole body; what is never content (navigation, the site's header and footer, asides, cookie
banners, share buttons, breadcrumbs, scripts) is left out wherever it stands. These choices
are data (CONTENT_ROOTS, MARKED_REGIONS, SKIPPED_TAGS, SKIPPED_ROLES, SKIPPED_WORDS), not
code.

The markup's structure is written into the lines, as a person copying the page with care
would write it, so that the readers see the evidence it gives:

- a heading is a line of its own with a blank line around it; the page's `<h1>` comes first
  (the title candidate) even when it stands outside the main content;
- `dt`/`dd`, and table rows of a header cell and a value, are `Label: value` lines;
- every other table row is a line of its own, its cells parted by ' | ' (never glued);
- a list entry is a line of its own, `<br>` ends a line, paragraphs are parted by a blank line;
- a paragraph that starts with `<strong>`/`<b>` text ending in ':' is `Label: value`.

Encoding: a byte-order mark, then `<meta charset>` (or http-equiv Content-Type), then UTF-8,
else Windows-1252 (as browsers read a page that declares nothing, or declares latin-1).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.inputs import Extracted, charset_of
from hankkeet.locale import M_
from hankkeet.reading.text import clean_line

# Elements whose text is never content.
SKIPPED_TAGS = frozenset(
    {
        "nav",
        "footer",
        "aside",
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "button",
        "select",
        "textarea",
        "head",
        "title",
        "dialog",
    }
)
# The site's header: skipped outside the main content (inside it, an article's own header
# holds its title and date).
HEADER = "header"
# ARIA roles of what is never content.
SKIPPED_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
)
# Words of an id or class (split at '-' and '_') that mark what is never content: cookie
# banners, share buttons, breadcrumbs, menus and skip links. ('hidden' is a whole name
# only: Drupal's 'field--label-hidden' holds the body of the page.)
SKIPPED_WORDS = frozenset(
    {
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "share",
        "sharing",
        "sharer",
        "social",
        "some",  # 'sosiaalinen media': some-jako, some-linkit
        "jako",  # 'jaa sivu': share links in Finnish
        "breadcrumb",
        "breadcrumbs",
        "murupolku",
        "skip",
        "skiplink",
        "nav",
        "navbar",
        "navigation",
        "menu",
        "sidebar",
        "newsletter",
        "feedback",
        "palaute",
    }
)
# Whole id or class names that mark what is never content: text only for screen readers,
# the site's header and footer of themes older than <header>/<footer>, and a post's byline
# (author and category: 'Julkaissut toimisto | Ajankohtaista').
SKIPPED_NAMES = frozenset(
    {
        "sr-only",
        "visually-hidden",
        "screen-reader-text",
        "element-invisible",
        "visuallyhidden",
        "hidden",
        "footer",
        "post-meta",
    }
)

# The main content, in order of preference: (attribute, value). An agenda system's item
# body first (its page holds the meeting's menus and other items around it); then the
# page's main element; then its articles (all of them, in order: a list of news items).
# Seen in saved pages and scrapers (tests/corpus_html/README.md says where).
CONTENT_ROOTS: tuple[tuple[str, str], ...] = (
    # CloudNC (CaseM): the item's body, `div#ContentStart[role=main]`
    ("id", "contentstart"),
    # Dynasty (DREQUEST.PHP?page=meetingitem): the item's text, `div.data-part-block-htm`
    # inside `div.data-part.meetingitem`; the service's header, the RSS links, the item
    # navigation and the attachment list stand outside it
    ("class", "data-part-block-htm"),
    # Dynasty, any version: the region between its `<!--DATABEGIN-->` and `<!--DATAEND-->`
    # comments (MARKED_REGIONS), the service's header and footer outside it
    ("marker", "databegin"),
    # EURA 2014 public project card (rrtiepa projekti.php): `div.description`
    ("class", "description"),
    # any page
    ("tag", "main"),
    ("role", "main"),
    ("tag", "article"),
)

# Comments that mark where a page's content starts and ends: {start: end}, lower-cased.
# The text between them is read as an element of its own (REGION, its `marker` the start).
MARKED_REGIONS: dict[str, str] = {"databegin": "dataend"}
REGION = "#region"

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that start and end a block of text (a line break on each side).
BLOCKS = frozenset(
    {
        "address", "article", "blockquote", "body", "center", "dd", "details", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "form", "header", "hgroup", "html", "li",
        "main", "ol", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
        "caption", REGION,
    }
)  # fmt: skip
# Elements that are paragraphs: a blank line on each side.
PARAGRAPHS = frozenset({"p", "blockquote", "table", "ul", "ol", "dl", "pre", "figure", "address"})
# An open element that a new one of these closes (HTML's implied end tags).
_CLOSED_BY: dict[str, frozenset[str]] = {
    "p": frozenset({"p", "pre", "td", "th", "tr"} | BLOCKS - {"html", "body", "form"} | HEADINGS),
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "tr": frozenset({"tr", "tbody", "thead", "tfoot"}),
    "td": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "th": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "option": frozenset({"option"}),
}
# Elements an implied end never crosses (a list inside a list entry keeps its entry open).
_SCOPES = frozenset({"ul", "ol", "dl", "table", "div", "section", "article", "main", "td", "th"})
# Web pages that say latin-1 (or ASCII) are read as Windows-1252, as browsers do.
_AS_WINDOWS_1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii",
                              "us-ascii", "windows-1252", "cp1252"})  # fmt: skip
# Where a page declares its encoding: in its first bytes.
_PRESCAN = 4096
# The longest first table cell read as a label.
LABEL_MAX = 60


@dataclass
class Node:
    """An element of the page: its tag, attributes and children (elements and text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def elements(self) -> Iterator[Node]:
        """This element and every element under it, in document order."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed([c for c in node.children if isinstance(c, Node)]))

    def names(self) -> list[str]:
        """The id and class names, lower-cased."""
        return [
            n.lower() for n in (self.attrs.get("id", ""), *self.attrs.get("class", "").split()) if n
        ]

    def words(self) -> set[str]:
        """The words of the id and class names (split at '-' and '_'), lower-cased."""
        return {w for name in self.names() for w in name.replace("_", "-").split("-") if w}


class _TreeBuilder(HTMLParser):
    """html.parser's events as a tree, with the implied end tags pages rely on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack: list[Node] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        node = Node(tag, {k.lower(): v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        self.stack[-1].children.append(Node(tag, {k.lower(): v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for at in range(len(self.stack) - 1, 0, -1):
            if self.stack[at].tag == tag:
                del self.stack[at:]
                return
        # An end tag with no open element is left alone, as browsers do.

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        """A comment that starts a marked region opens it; the one that ends it closes it."""
        marker = data.strip().lower()
        if marker in MARKED_REGIONS:
            node = Node(REGION, {"marker": marker})
            self.stack[-1].children.append(node)
            self.stack.append(node)
            return
        for at in range(len(self.stack) - 1, 0, -1):
            node = self.stack[at]
            if node.tag == REGION and MARKED_REGIONS[node.attrs["marker"]] == marker:
                del self.stack[at:]
                return

    def _close_implied(self, tag: str) -> None:
        """Close the open elements a new `tag` ends: down the stack past inline elements,
        never past a block that it does not end (a list inside a list entry stays in it)."""
        cut = 0
        for at in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[at].tag
            if tag in _CLOSED_BY.get(open_tag, ()):
                cut = at
            elif open_tag in _SCOPES or open_tag in BLOCKS:
                break
        if cut:
            del self.stack[cut:]


def skipped(node: Node, in_content: bool) -> bool:
    """Whether an element is never content (its whole subtree is left out)."""
    if node.tag in SKIPPED_TAGS or (node.tag == HEADER and not in_content):
        return True
    attrs = node.attrs
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    if attrs.get("role", "").lower() in SKIPPED_ROLES:
        return True
    return not SKIPPED_NAMES.isdisjoint(node.names()) or not SKIPPED_WORDS.isdisjoint(node.words())


def _matches(node: Node, attribute: str, value: str) -> bool:
    if attribute == "tag":
        return node.tag == value
    if attribute == "class":
        return value in node.attrs.get("class", "").lower().split()
    return node.attrs.get(attribute, "").lower() == value


def content_roots(document: Node) -> list[Node]:
    """The page's main content: the elements of the first CONTENT_ROOTS entry it has (the
    outermost ones, in document order), else its body (or the whole document)."""
    for attribute, value in CONTENT_ROOTS:
        found: list[Node] = []
        for node in _unskipped(document, in_content=False):
            if _matches(node, attribute, value) and not any(_inside(node, f) for f in found):
                found.append(node)
        if found:
            return found
    body = next((n for n in document.elements() if n.tag == "body"), None)
    return [body if body is not None else document]


def _unskipped(node: Node, in_content: bool) -> Iterator[Node]:
    """The elements under a node (itself included) that no skipped element holds."""
    if skipped(node, in_content):
        return
    yield node
    for child in node.children:
        if isinstance(child, Node):
            yield from _unskipped(child, in_content)


def _inside(node: Node, ancestor: Node) -> bool:
    return any(n is node for n in ancestor.elements())


def text_of(node: Node, in_content: bool = True) -> str:
    """An element's text on one line: white space squashed, skipped elements left out."""
    parts: list[str] = []

    def walk(n: Node) -> None:
        for child in n.children:
            if isinstance(child, str):
                parts.append(child)
            elif not skipped(child, in_content):
                if child.tag == "br" or child.tag in BLOCKS or child.tag in PARAGRAPHS:
                    parts.append(" ")
                walk(child)
                if child.tag in BLOCKS or child.tag in PARAGRAPHS or child.tag in ("td", "th"):
                    parts.append(" ")

    walk(node)
    return " ".join("".join(parts).split())


def title_candidate(document: Node, roots: list[Node]) -> Node | None:
    """The page's `<h1>` when the main content holds none: the first one with text that
    no skipped element holds (one outside the site's header first)."""
    if any(n.tag == "h1" for root in roots for n in _unskipped(root, True)):
        return None
    outside: list[Node] = []
    in_header: list[Node] = []

    def walk(node: Node, header: bool) -> None:
        if node.tag != HEADER and skipped(node, in_content=True):
            return
        header = header or node.tag == HEADER
        if node.tag == "h1" and text_of(node):
            (in_header if header else outside).append(node)
            return
        for child in node.children:
            if isinstance(child, Node):
                walk(child, header)

    walk(document, False)
    found = outside or in_header
    return found[0] if found else None


class _Writer:
    """Lines written from elements, with blank lines between paragraphs (never two)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.inline: list[str] = []
        self.pending_label: str | None = None

    def text(self, data: str) -> None:
        self.inline.append(data)

    def end_line(self) -> None:
        text = " ".join("".join(self.inline).split())
        self.inline = []
        if text:
            self.lines.append(text)

    def line(self, text: str) -> None:
        self.end_line()
        if text:
            self.lines.append(text)

    def blank(self) -> None:
        self.end_line()
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def write(self, node: Node) -> None:
        """An element and everything under it."""
        for child in node.children:
            if isinstance(child, str):
                self.text(child)
            elif not skipped(child, in_content=True):
                self.element(child)

    def element(self, node: Node) -> None:
        tag = node.tag
        if tag in HEADINGS:
            self.blank()
            self.line(text_of(node))
            self.blank()
        elif tag == "br":
            self.end_line()
        elif tag == "hr":
            self.blank()
        elif tag == "p":
            self.blank()
            self.paragraph(node)
            self.blank()
        elif tag == "pre":
            self.blank()
            for raw in "".join(_raw_text(node)).splitlines():
                self.line(raw.rstrip())
            self.blank()
        elif tag == "li":
            self.end_line()
            self.list_entry(node)
        elif tag == "dl":
            self.blank()
            self.definitions(node)
            self.blank()
        elif tag == "table":
            self.blank()
            for row in _rows(node):
                self.line(row)
            self.blank()
        elif tag in PARAGRAPHS:
            self.blank()
            self.write(node)
            self.blank()
        elif tag in BLOCKS:
            self.end_line()
            self.write(node)
            self.end_line()
        else:
            self.write(node)

    def paragraph(self, node: Node) -> None:
        """A paragraph; `<strong>Label:</strong>` at its start (a line break after it or not)
        makes it `Label: value`."""
        children = list(node.children)
        first = next(
            (i for i, c in enumerate(children) if not (isinstance(c, str) and not c.strip())),
            None,
        )
        if first is not None:
            lead = children[first]
            if isinstance(lead, Node) and lead.tag in ("strong", "b"):
                label = text_of(lead)
                rest = children[first + 1 :]
                if label.endswith(":"):
                    while rest and isinstance(rest[0], str) and not rest[0].strip():
                        rest = rest[1:]
                    if rest and isinstance(rest[0], Node) and rest[0].tag == "br":
                        rest = rest[1:]  # 'Label:' and its value on the next line: one line
                    self.text(label + " ")
                    self.write(Node("p", children=rest))
                    return
        self.write(node)

    def list_entry(self, node: Node) -> None:
        """A list entry on its own line; a list inside it goes on the lines after it."""
        for child in node.children:
            if isinstance(child, Node) and child.tag in ("ul", "ol"):
                self.end_line()
                self.write(child)
            elif isinstance(child, str):
                self.text(child)
            elif not skipped(child, in_content=True):
                if child.tag in ("p", "div", "br"):
                    self.text(" ")
                    self.write(child)
                    self.text(" ")
                else:
                    self.element(child)
        self.end_line()

    def definitions(self, node: Node) -> None:
        """A definition list: each term with its first description as `Term: description`,
        more descriptions of the same term on lines of their own."""
        term: str | None = None
        for child in _children_through(node, "div"):
            if child.tag == "dt":
                if term is not None:
                    self.line(term)  # a term with no description
                term = text_of(child)
            elif child.tag == "dd":
                value = text_of(child)
                if term is not None:
                    self.line(_labelled(term, value))
                    term = None
                else:
                    self.line(value)
        if term is not None:
            self.line(term)


def _children_through(node: Node, wrapper: str) -> Iterator[Node]:
    """The element children of a node, looking through wrappers (`<div>` in a `<dl>`)."""
    for child in node.children:
        if isinstance(child, Node) and not skipped(child, in_content=True):
            if child.tag == wrapper:
                yield from _children_through(child, wrapper)
            else:
                yield child


def _labelled(label: str, value: str) -> str:
    """'Label: value', whether the label ends in ':' or not."""
    label = label.rstrip()
    if not label.endswith(":"):
        label += ":"
    return f"{label} {value}".rstrip()


def _rows(table: Node) -> Iterator[str]:
    """Each row of a table as one line (tables inside cells are read as their text)."""
    for row in _table_rows(table):
        cells = [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]
        texts = [text_of(c) for c in cells if not skipped(c, True)]
        if not any(texts):
            continue
        if len(cells) == 2 and _is_label(cells[0], texts[0]):
            yield _labelled(texts[0], texts[1])
        else:
            yield " | ".join(texts)


def _table_rows(node: Node) -> Iterator[Node]:
    for child in node.children:
        if isinstance(child, Node) and not skipped(child, True):
            if child.tag == "tr":
                yield child
            elif child.tag in ("thead", "tbody", "tfoot"):
                yield from _table_rows(child)


def _is_label(cell: Node, text: str) -> bool:
    """Whether a row's first of two cells is the label of the second: a header cell, or a
    short text with no digit (a year or an amount in the first cell is data)."""
    if cell.tag == "th":
        return True
    return 0 < len(text) <= LABEL_MAX and not any(c.isdigit() for c in text)


def _raw_text(node: Node) -> Iterator[str]:
    for child in node.children:
        if isinstance(child, str):
            yield child
        elif child.tag == "br":
            yield "\n"
        elif not skipped(child, True):
            yield from _raw_text(child)


# -- decoding ---------------------------------------------------------------------------


class _CharsetFinder(HTMLParser):
    """The encoding a page's `<meta>` declares, if any."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.charset: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta" or self.charset is not None:
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        if values.get("charset"):
            self.charset = values["charset"].strip()
        elif values.get("http-equiv", "").lower() == "content-type":
            self.charset = charset_of(values.get("content", ""))


def declared_encoding(data: bytes) -> str | None:
    """The Python codec of the encoding the page declares (BOM first, then `<meta>`)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    finder = _CharsetFinder()
    finder.feed(data[:_PRESCAN].decode("latin-1"))
    if finder.charset is None:
        return None
    name = finder.charset.lower()
    if name in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_page(data: bytes, path: str) -> tuple[str, list[Diagnostic]]:
    """The page as text, and a finding when bytes did not fit its encoding."""
    encoding = declared_encoding(data)
    if encoding is None:
        try:
            return data.decode("utf-8"), []
        except UnicodeDecodeError:
            encoding = "cp1252"
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError:
        text = data.decode(encoding, "replace")
        count = text.count("\ufffd")
        return text, [
            Diagnostic(
                Code.INVALID_BYTE,
                M_(
                    "the page is not valid {encoding}: {count} places read as '\ufffd'",
                    encoding=encoding.upper(),
                    count=count,
                ),
                path,
                1,
            )
        ]


def page_lines(text: str) -> list[str]:
    """A page's text (decoded) as the readers' lines."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    document = builder.root
    roots = content_roots(document)
    writer = _Writer()
    title = title_candidate(document, roots)
    if title is not None:
        writer.element(title)
    for root in roots:
        writer.blank()
        writer.write(root)
    writer.blank()
    lines = writer.lines
    while lines and not lines[-1]:
        lines.pop()
    return [clean_line(line) for line in lines]


def html_lines(data: bytes, path: str) -> Extracted:
    """A saved web page's text lines and the findings of decoding it."""
    text, found = decode_page(data, path)
    return Extracted(page_lines(text), found)
