"""A Request's URL and what ``fetch`` sends for it, by ``fetch_standard_url`` (2024-06-03).

From that date ``new Request(url)`` parses the URL with the WHATWG parser -- one it cannot parse
(no scheme, a space in the host) is ``TypeError: Invalid URL: <url>``, surrounding spaces are
trimmed -- and ``request.url`` is its serialization. Before it workerd keeps the string as given,
whatever it is, and ``fetch`` parses it with kj's own parser (http.c++ ``Fetcher::parseUrl``):
scheme and host lower-cased, ``.``/``..`` parts collapsed (``%2e%2e`` kept), a space sent as
``%20`` and non-ASCII as its UTF-8 bytes, the host sent as written (``127.1``); what kj cannot
parse -- no scheme, no ``//``, a backslash or non-ASCII letter in the host, a leading space --
is ``TypeError: Fetch API cannot load: <url>``. In both eras a scheme other than http(s) is
that error, and user info is not sent. (Checked against ``wrangler dev`` 4.164.0 by
``tools/wrangler/fetch_url_differential.py``: 45/45 cases agree at both dates.)"""

from __future__ import annotations

import http.server
import json
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker, serving

WORKER = """
import json
import js
from workers import Response, WorkerEntrypoint

O = "{origin}"

def error_text(exc):
    return f"{{getattr(exc, 'name', type(exc).__name__)}}: {{getattr(exc, 'message', exc)}}"

def url_of(url):
    try:
        return js.Request.new(url).url
    except Exception as exc:
        return error_text(exc)

async def sent(url):
    try:
        return json.loads(await (await js.fetch(url)).text())
    except Exception as exc:
        return error_text(exc)

URLS = [f"HTTP://{{O}}/x/../y/./Z", f"http://{{O}}/a b?c d", f"http://{{O}}", f"http://{{O}}/%2e%2e/up#frag",
        f"http://{{O}}/caf\\u00e9", "/relative", f"{{O}}/no-scheme", f"http:{{O}}/no-slashes",
        f"http://{{O}}\\\\back", "http://b\\u00fccher.invalid/", f" http://{{O}}/lead", "http://exa mple.invalid/",
        f"ftp://{{O}}/ftp", f"http://user:pass@{{O}}/auth"]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([[url_of(url), await sent(url)] for url in URLS])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


def echo(origin: str, target: str, host: str | None = None) -> dict[str, str]:
    return {"target": target, "host": host or origin}


def legacy(o: str) -> list:
    cannot = "TypeError: Fetch API cannot load: {}".format
    return [
        [f"HTTP://{o}/x/../y/./Z", echo(o, "/y/Z")],
        [f"http://{o}/a b?c d", echo(o, "/a%20b?c%20d")],
        [f"http://{o}", echo(o, "/")],
        [f"http://{o}/%2e%2e/up#frag", echo(o, "/%2e%2e/up")],
        [f"http://{o}/caf\u00e9", echo(o, "/caf\u00c3\u00a9")],  # its UTF-8 bytes, read as Latin-1
        ["/relative", cannot("/relative")],
        [f"{o}/no-scheme", cannot(f"{o}/no-scheme")],
        [f"http:{o}/no-slashes", cannot(f"http:{o}/no-slashes")],
        [f"http://{o}\\back", cannot(f"http://{o}\\back")],
        ["http://b\u00fccher.invalid/", cannot("http://b\u00fccher.invalid/")],
        [f" http://{o}/lead", cannot(f" http://{o}/lead")],
        ["http://exa mple.invalid/", cannot("http://exa mple.invalid/")],
        [f"ftp://{o}/ftp", cannot(f"ftp://{o}/ftp")],
        [f"http://user:pass@{o}/auth", echo(o, "/auth")],
    ]


def standard(o: str) -> list:
    invalid = "TypeError: Invalid URL: {}".format
    return [
        [f"http://{o}/y/Z", echo(o, "/y/Z")],
        [f"http://{o}/a%20b?c%20d", echo(o, "/a%20b?c%20d")],
        [f"http://{o}/", echo(o, "/")],
        [f"http://{o}/up#frag", echo(o, "/up")],
        [f"http://{o}/caf%C3%A9", echo(o, "/caf%C3%A9")],
        [invalid("/relative"), invalid("/relative")],
        [invalid(f"{o}/no-scheme"), invalid(f"{o}/no-scheme")],
        [f"http://{o}/no-slashes", echo(o, "/no-slashes")],
        [f"http://{o}/back", echo(o, "/back")],
        ["http://xn--bcher-kva.invalid/", None],  # the host does not resolve: workerd's failed lookup
        [f"http://{o}/lead", echo(o, "/lead")],
        [invalid("http://exa mple.invalid/"), invalid("http://exa mple.invalid/")],
        [f"ftp://{o}/ftp", f"TypeError: Fetch API cannot load: ftp://{o}/ftp"],
        [f"http://user:pass@{o}/auth", echo(o, "/auth")],
    ]


class Echo(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        data = json.dumps({"target": self.path, "host": self.headers.get("host")}).encode()
        self.send_response(200)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(("date", "expected"), [("2024-06-02", legacy), ("2024-06-03", standard)])
def test_request_url_and_what_fetch_sends_per_date(tmp_path: Path, date: str, expected) -> None:
    with serving(Echo) as url:
        origin = url.removeprefix("http://")
        answer = json_answer(one_file_worker(tmp_path, WORKER.format(origin=origin), date=date), "/")
    wanted = expected(origin)
    if date == "2024-06-03":
        # wrangler dev 4.168.0 (workerd 1.20261123.1; 4.164.0's said "internal error; reference = ...")
        assert answer[9][1].startswith("Error: Network connection failed: failed to lookup address information: ")
        answer[9][1] = None
    assert answer == wanted


def test_the_legacy_parser_follows_the_flags(tmp_path: Path) -> None:
    """``fetch_legacy_url`` keeps the old reading after the date, ``fetch_standard_url`` takes the
    new one before it; a Request made of another, and a clone, keep its URL as it is."""
    worker = """
    import js
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            made = js.Request.new("HTTP://Example.com/a b")
            return Response.json([made.url, js.Request.new(made).url, made.clone().url])

        on_fetch = fetch
    """
    late = one_file_worker(tmp_path / "late", worker, date="2025-01-01", flags=["fetch_legacy_url"])
    early = one_file_worker(tmp_path / "early", worker, date="2024-05-01", flags=["fetch_standard_url"])
    assert json_answer(late, "/") == ["HTTP://Example.com/a b"] * 3
    assert json_answer(early, "/") == ["http://example.com/a%20b"] * 3
