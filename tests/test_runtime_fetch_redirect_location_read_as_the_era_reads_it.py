"""A redirect's ``Location`` is read against the current URL as workerd reads it (http.c++
``handleHttpRedirectResponse``): from ``fetch_standard_url`` (2024-06-03) by the WHATWG parser
(``x\\y`` is ``x/y``, ``%2e%2e`` is ``..``, non-ASCII percent-encoded, ``127.1`` is
``127.0.0.1``), whose result kj's parser reads again; before it by kj's ``tryParseRelative``
(empty query parameters dropped, ``?`` no query, the scheme as written, characters as given, a
space or tab percent-encoded only on the wire). What cannot be read is ``TypeError: Invalid
Location header; unable to follow redirect.``, an empty ``Location`` none at all. Every case as
``wrangler dev`` 4.164.0 answered it (``tools/wrangler/fetch_redirect_differential.py``);
``S`` is the redirecting directory, ``P`` the origin's port, ``O`` ``127.0.0.1:P``."""

from __future__ import annotations

import http.server
import json
import re
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker, serving

LOCATIONS = ["/a b", "?a&&b=&", "?", "#f", "", "http:x", "x\\y", "%2e%2e/enc", "/caf\u00e9?q=\u00e9",
             "HTTP://{O}/Upper", "http://user:pw@{O}/auth", "mailto:x@y", "//", "ftp://{O}/ftp",
             "http://exa mple.invalid/space-host", "/q?a=<", "/tab\there", "\\\\localhost:{P}/two-backslashes",
             "http://127.1:{P}/short-ipv4", "http://localhost:80x/bad-port"]

WORKER = """
import js
from workers import Response, WorkerEntrypoint

ORIGIN = "{origin}"

async def answer(url):
    try:
        r = await js.fetch(url)
    except Exception as exc:
        return f"{{exc.name}}: {{exc.message}}"
    return [r.status, await r.text(), r.url, r.redirected]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([await answer(f"{{ORIGIN}}/s{{i}}/dir/page?x=1") for i in range({count})])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

LEGACY = [
    [200, "/a%20b", "http://O/a b", True],
    [200, "S/dir/page?a&b=", "http://OS/dir/page?a&b=", True],
    [200, "S/dir/page", "http://OS/dir/page", True],
    [200, "S/dir/page?x=1", "http://OS/dir/page?x=1", True],
    [301, "", "http://OS/dir/page?x=1", False],
    [200, "S/dir/x", "http://OS/dir/x", True],
    [200, "S/dir/x\\y", "http://OS/dir/x\\y", True],
    [200, "S/dir/%2e%2e/enc", "http://OS/dir/%2e%2e/enc", True],
    [200, "/caf\u00e9?q=\u00e9", "http://O/caf\u00e9?q=\u00e9", True],  # sent as its UTF-8 bytes, not %-encoded
    [200, "/Upper", "HTTP://O/Upper", True],
    [200, "/auth", "http://user:pw@O/auth", True],
    "TypeError: Fetch API cannot load: mailto://OS/dir/x@y",
    "Error: internal error; reference = ...",
    "TypeError: Fetch API cannot load: ftp://O/ftp",
    "TypeError: Invalid Location header; unable to follow redirect.",
    "Error: internal error; reference = ...",
    [200, "/tab%09here", "http://O/tab\there", True],
    [200, "S/dir/\\\\localhost:P/two-backslashes", "http://OS/dir/\\\\localhost:P/two-backslashes", True],
    [200, "/short-ipv4", "http://127.1:P/short-ipv4", True],
    "Error: Network connection lost.",
]

STANDARD = [
    [200, "/a%20b", "http://O/a%20b", True],
    [200, "S/dir/page?a&&b=&", "http://OS/dir/page?a&&b=&", True],
    [200, "S/dir/page?", "http://OS/dir/page?", True],
    [200, "S/dir/page?x=1", "http://OS/dir/page?x=1", True],
    [301, "", "http://OS/dir/page?x=1", False],
    [200, "S/dir/x", "http://OS/dir/x", True],
    [200, "S/dir/x/y", "http://OS/dir/x/y", True],
    [200, "S/enc", "http://OS/enc", True],
    [200, "/caf%C3%A9?q=%C3%A9", "http://O/caf%C3%A9?q=%C3%A9", True],
    [200, "/Upper", "http://O/Upper", True],
    [200, "/auth", "http://user:pw@O/auth", True],
    "TypeError: Invalid Location header; unable to follow redirect.",
    "TypeError: Invalid Location header; unable to follow redirect.",
    "TypeError: Fetch API cannot load: ftp://O/ftp",
    "TypeError: Invalid Location header; unable to follow redirect.",
    [200, "/q?a=%3C", "http://O/q?a=%3C", True],
    [200, "/tabhere", "http://O/tabhere", True],
    [200, "/two-backslashes", "http://localhost:P/two-backslashes", True],
    [200, "/short-ipv4", "http://O/short-ipv4", True],
    "TypeError: Invalid Location header; unable to follow redirect.",
]


def redirecting_origin(port: list[int]) -> type[http.server.BaseHTTPRequestHandler]:
    """``/s<i>/dir/page?x=1`` answers 301 with the i-th Location (its UTF-8 bytes) the first
    time; anything else answers the request target it received, its bytes as they came."""
    seen: set[str] = set()

    class Redirecting(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            start = re.fullmatch(r"/s(\d+)/dir/page\?x=1", self.path)
            if start and self.path not in seen:
                seen.add(self.path)
                location = LOCATIONS[int(start.group(1))].format(O=f"127.0.0.1:{port[0]}", P=port[0])
                self.wfile.write(b"HTTP/1.1 301 Moved\r\nlocation: " + location.encode() +
                                 b"\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                self.close_connection = True
                return
            body = self.path.encode("latin-1")
            self.send_response(200)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Redirecting


def shown(answer: object, port: str) -> object:
    """``answer`` with the origin, its port and each case's start directory written as in the tables."""
    text = re.sub(r"reference = \w+", "reference = ...", json.dumps(answer))
    return json.loads(text.replace(f"127.0.0.1:{port}", "O").replace(port, "P"))


@pytest.mark.parametrize(("date", "expected"), [("2024-06-02", LEGACY), ("2024-06-03", STANDARD)])
def test_a_redirect_location_is_read_as_the_era_reads_it(tmp_path: Path, date: str, expected: list[object]) -> None:
    port: list[int] = []
    with serving(redirecting_origin(port)) as url:
        port.append(int(url.rpartition(":")[2]))
        worker = WORKER.format(origin=url, count=len(LOCATIONS))
        answers = json_answer(one_file_worker(tmp_path, worker, date=date), "/")
    got = [shown(answer, str(port[0])) for answer in answers]
    want = [json.loads(json.dumps(e).replace("S/", f"/s{i}/")) for i, e in enumerate(expected)]
    assert got == want
