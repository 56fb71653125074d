"""A web address as a source: fetched once (urllib), kept in the user's cache folder.

The request names the tool and its version (User-Agent), waits at most TIMEOUT seconds and
follows redirects. The kind of input comes from the content type the server sends, not from
the address (a page at `…/hanke.pdf` may be HTML); the encoding from its charset. A fetched
input is kept in `$XDG_CACHE_HOME/hankkeet` (else `~/.cache/hankkeet`) and read from there
next time; `refresh` fetches it again. An address that cannot be fetched (no connection, no
answer, an HTTP error) is UnreadableInput naming the address and the status.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import urllib.error
import urllib.request
from contextlib import suppress
from pathlib import Path

from hankkeet import __version__
from hankkeet.inputs import (
    SNIFF_BYTES,
    Kind,
    charset_of,
    kind_of_content_type,
    kind_of_name,
    sniff,
)
from hankkeet.locale import M_
from hankkeet.reading.text import UnreadableInput, visible

TIMEOUT = 30.0
USER_AGENT = f"hankkeet/{__version__} (+https://github.com/hankkeet/hankkeet)"
# The kinds whose bytes are text: decoded with the charset the server names, when it names
# one, and kept as UTF-8 with a byte-order mark (which every reader honours first).
_TEXT_KINDS = frozenset({Kind.TEXT, Kind.HTML, Kind.CSV})


class FetchFailed(UnreadableInput):
    """An address that could not be fetched."""


def cache_folder(environ: dict[str, str] | None = None) -> Path:
    """Where fetched inputs are kept: $XDG_CACHE_HOME/hankkeet, else ~/.cache/hankkeet."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "hankkeet"


def _cache_paths(url: str) -> tuple[Path, Path]:
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()
    folder = cache_folder()
    return folder / f"{key}.body", folder / f"{key}.json"


def _cached(url: str) -> tuple[bytes, str] | None:
    body, meta = _cache_paths(url)
    try:
        content_type = json.loads(meta.read_text(encoding="utf-8"))["content_type"]
        return body.read_bytes(), str(content_type)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _keep(url: str, data: bytes, content_type: str) -> None:
    """Keep a fetched input (a cache that cannot be written is no reason to stop)."""
    body, meta = _cache_paths(url)
    with suppress(OSError):
        body.parent.mkdir(parents=True, exist_ok=True)
        body.write_bytes(data)
        meta.write_text(json.dumps({"url": url, "content_type": content_type}), encoding="utf-8")


def download(url: str) -> tuple[bytes, str]:
    """The body and content type of an address (redirects followed); FetchFailed when the
    server cannot be reached, does not answer in time, or answers with an error status."""
    shown = visible(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        exc.close()  # the error's own response holds the connection
        raise FetchFailed(
            M_("the server answered HTTP {status} {reason}", status=exc.code, reason=exc.reason),
            shown,
        ) from None
    except urllib.error.URLError as exc:
        raise FetchFailed(
            M_("cannot be fetched ({reason})", reason=str(exc.reason)), shown
        ) from None
    except TimeoutError:
        raise FetchFailed(
            M_("no answer in {seconds} seconds", seconds=int(TIMEOUT)), shown
        ) from None
    except (OSError, ValueError) as exc:
        raise FetchFailed(M_("cannot be fetched ({reason})", reason=str(exc)), shown) from None


def fetch(url: str, refresh: bool = False) -> tuple[bytes, str]:
    """An address's bytes and the kind its content type says (from the cache unless
    `refresh`); reading/sources.py makes the source of them."""
    cached = None if refresh else _cached(url)
    if cached is None:
        data, content_type = download(url)
        _keep(url, data, content_type)
    else:
        data, content_type = cached
    return _as_input(url, data, content_type)


def kept(url: str) -> tuple[bytes, str] | None:
    """An address's bytes and kind as `fetch` gave them, from the cache alone (never the
    network): `show` quotes the text read from them. None when the address is not kept."""
    cached = _cached(url)
    return None if cached is None else _as_input(url, *cached)


def _as_input(url: str, data: bytes, content_type: str) -> tuple[bytes, str]:
    """A fetched input's bytes (a text kind in UTF-8 with a byte-order mark when the server
    named a charset) and its kind: by content type, else the address, else its bytes."""
    kind = (
        kind_of_content_type(content_type)
        or kind_of_name(url.split("?", 1)[0].split("#", 1)[0])
        or sniff(data[:SNIFF_BYTES])
    )
    charset = charset_of(content_type)
    if charset and kind in _TEXT_KINDS and not data.startswith(codecs.BOM_UTF8):
        # A charset Python does not know: the input says its own encoding.
        with suppress(LookupError):
            data = codecs.BOM_UTF8 + data.decode(charset, "replace").encode("utf-8")
    return data, kind.value
