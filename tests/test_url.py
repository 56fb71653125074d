"""Web addresses as inputs (issue 24), against a local http.server on 127.0.0.1 only."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from conftest import SEED, cli
from hankkeet import __version__
from hankkeet.inputs.url import USER_AGENT, cache_folder

PAGE = (
    "<!DOCTYPE html><html><head><title>Hanke</title></head><body>"
    "<nav><a>Etusivu</a></nav><main><h1>Perämeren saaristomatkailun kehittämishanke</h1>"
    "<dl><dt>Hankkeen kesto</dt><dd>1.6.2021-31.5.2022</dd>"
    "<dt>Kokonaisbudjetti</dt><dd>135 484 euroa</dd><dt>Rahoitus</dt><dd>EAKR</dd></dl>"
    "</main></body></html>"
)

# path -> (status, content type, body); '/siirretty' redirects to '/sivu'.
ROUTES: dict[str, tuple[int, str, bytes]] = {
    # latin-1 bytes that only the header's charset tells (the page declares nothing)
    "/sivu": (200, "text/html; charset=ISO-8859-1", PAGE.encode("latin-1")),
    # an address that says .txt, a server that says HTML: the header decides
    "/hanke.txt": (200, "text/html; charset=utf-8", PAGE.encode("utf-8")),
    "/kemi": (200, "text/plain; charset=utf-8", SEED.read_bytes()),
    "/rikki": (500, "text/plain", b"Internal Server Error"),
}


class _Handler(BaseHTTPRequestHandler):
    agents: ClassVar[list[str]] = []
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        self.hits.append(self.path)
        if self.path == "/siirretty":
            self.send_response(302)
            self.send_header("Location", "/sivu")
            self.end_headers()
            return
        status, content_type, body = ROUTES.get(self.path, (404, "text/plain", b"Not Found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # quiet


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A local server's base address; the cache in a folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _Handler.agents, _Handler.hits = [], []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    # Polled every 20 ms, not 500: shutdown() waits for the poll, at every test's end.
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _names(stdout: str) -> list[str]:
    return [p["name"] for p in json.loads(stdout)]


def test_a_page_by_its_address(server: str) -> None:
    run = cli("list", "--format", "json", f"{server}/siirretty")
    assert run.exit_code == 0, run.stderr
    (project,) = json.loads(run.stdout)
    # the charset of the header read the latin-1 bytes; the redirect was followed
    assert project["name"] == "Perämeren saaristomatkailun kehittämishanke"
    assert project["budget"] == 135484
    assert project["source"]["path"] == f"{server}/siirretty"
    assert _Handler.hits == ["/siirretty", "/sivu"]
    assert _Handler.agents[0] == USER_AGENT and __version__ in USER_AGENT


def test_the_content_type_decides_the_kind(server: str) -> None:
    run = cli("list", "--format", "json", f"{server}/hanke.txt")
    assert _names(run.stdout) == ["Perämeren saaristomatkailun kehittämishanke"]


def test_the_cache_and_refresh(server: str, tmp_path: Path) -> None:
    address = f"{server}/sivu"
    assert cli("list", address).exit_code == 0
    assert cli("list", address).exit_code == 0
    assert _Handler.hits == ["/sivu"]  # the second run read the cache
    assert cache_folder() == tmp_path / "cache" / "hankkeet"
    assert len(list(cache_folder().glob("*.body"))) == 1
    assert cli("list", "--refresh", address).exit_code == 0
    assert _Handler.hits == ["/sivu", "/sivu"]


@pytest.mark.parametrize(
    ("path", "said"),
    [("/puuttuu", "HTTP 404"), ("/rikki", "HTTP 500")],
)
def test_an_error_status_exits_2_and_keeps_the_rest(server: str, path: str, said: str) -> None:
    run = cli("list", "--format", "csv", f"{server}/kemi", f"{server}{path}", str(SEED))
    assert run.exit_code == 2
    assert f"{server}{path}" in run.stderr and said in run.stderr
    # everything else read in the run is written
    assert len(run.stdout.strip().splitlines()) == 1 + 8 + 8


def test_an_address_alone_that_fails_exits_2(server: str) -> None:
    run = cli("list", f"{server}/puuttuu")
    assert run.exit_code == 2
    assert "HTTP 404" in run.stderr and run.stdout == ""


def test_offline_exits_2_naming_the_address(server: str) -> None:
    # A port nobody listens on: the connection is refused at once.
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"http://127.0.0.1:{port}/sivu"
    run = cli("list", "--format", "json", address, str(SEED))
    assert run.exit_code == 2
    assert address in run.stderr and "cannot be fetched" in run.stderr
    assert len(json.loads(run.stdout)) == 8


def test_validate_and_totals_read_an_address(server: str) -> None:
    validated = cli("validate", "--format", "json", f"{server}/kemi")
    assert json.loads(validated.stdout)["stats"]["projects"] == 8
    totals = cli("totals", "--format", "json", f"{server}/kemi")
    assert totals.exit_code == 0 and json.loads(totals.stdout)["total"]["projects"] == 8


def test_an_address_and_a_folder_in_one_run(server: str, tmp_path: Path) -> None:
    """`list`, `validate` and `totals` read a folder and an address side by side."""
    folder = tmp_path / "aineisto"
    folder.mkdir()
    (folder / "kemi.txt").write_bytes(SEED.read_bytes())
    address = f"{server}/sivu"
    listed = cli("list", "--format", "json", str(folder), address)
    assert listed.exit_code == 0, listed.stderr
    paths = [r["source"]["path"] for r in json.loads(listed.stdout)]
    assert paths.count(address) == 1 and len(paths) == 9
    report = json.loads(cli("validate", "--format", "json", str(folder), address).stdout)
    assert (report["stats"]["files"], report["stats"]["projects"]) == (2, 9)
    each = cli("totals", "--no-merge", "--format", "json", str(folder), address)
    assert each.exit_code == 0 and json.loads(each.stdout)["total"]["projects"] == 9
    # The page describes one of the text's projects: by default it is counted once (issue 25).
    once = cli("totals", "--format", "json", str(folder), address)
    assert once.exit_code == 0 and json.loads(once.stdout)["total"]["projects"] == 8
    assert _Handler.hits == ["/sivu"], "fetched once, then read from the cache"


# (address's path, why): `show` quotes the line of the text read from the page, as for a
# saved page, from the user's cache (the bytes and kind the first read kept).
SHOWN = [
    ("/sivu", "a page whose encoding only the header's charset tells"),
    ("/hanke.txt", "an address that says .txt, a server that says HTML"),
]


@pytest.mark.parametrize(("path", "why"), SHOWN, ids=[w for _, w in SHOWN])
def test_show_quotes_the_line_of_an_addresss_text(server: str, path: str, why: str) -> None:
    url = server + path
    run = cli("show", "perameren", url, env={"COLUMNS": "400"})
    assert run.exit_code == 0, run.stderr
    assert f"{url}:1 (line 1 of the text read from the page: " in run.stdout, why
    assert "'Perämeren saaristomatkailun kehittämishanke'" in run.stdout, why
    assert _Handler.hits == [path], "read once, then from the cache"
