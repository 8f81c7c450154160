"""Differential check of how ``fetch`` follows a redirect's ``Location``, by compatibility date,
against workerd (outside the test run).

workerd resolves ``Location`` against the current URL with the WHATWG parser from
``fetch_standard_url`` (2024-06-03) and with kj's ``Url::tryParseRelative`` before it (http.c++,
``handleHttpRedirectResponse``). A local origin answers ``/start/<case>/<status>/dir/page?x=1``
once with ``<status>`` and the case's ``Location`` (its bytes as written, UTF-8), and every
other request with its request target and ``Host`` as JSON. The same cases run in a JavaScript
Worker under ``wrangler dev`` (local workerd) and in a Python Worker under workers-env at the
dates in ``DATES``: for each, what the origin saw next, the response's ``url`` and
``redirected`` (or the error's ``"<name>: <message>"``). ``{origin}`` is ``127.0.0.1:<port>``,
``{port}`` the origin's port.

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler WRANGLER_SEND_METRICS=false \\
        python3 tools/wrangler/fetch_redirect_differential.py [--all]

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import json
import re
import socket
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from casediff import RawOrigin, run_python_worker, run_under_wrangler_dev, without_reference

#: the day before ``fetch_standard_url``, its first day, and the first of
#: ``strip_authorization_on_cross_origin_redirect``
DATES = ["2024-06-02", "2024-06-03", "2025-09-01"]
STATUSES = [301, 302, 307]

#: the Locations the origin answers with (each at every status in ``STATUSES``)
LOCATIONS = [
    "/a b",
    "//localhost:{port}/other-host",
    "../x",
    "x",
    "./",
    ".",
    "..",
    "?q",
    "?a&&b=&",
    "?",
    "#f",
    "",
    "http:x",
    "x\\y",
    "\\\\localhost:{port}/two-backslashes",
    "/caf\u00e9?q=\u00e9",
    "http://{origin}/sp ace/x y?a b",
    "/x/./y/../z",
    "%2e%2e/enc",
    "/p#frag",
    "HTTP://{origin}/Upper",
    "http://LOCALHOST:{port}/upper-host",
    "http://user:pw@{origin}/auth",
    "http://{origin}",
    "http://{origin}?only-query",
    "ftp://{origin}/ftp",
    "mailto:x@y",
    "//",
    "http://exa mple.invalid/space-host",
    "/tab\there",
    "/q?a=<",
    "/q?a=\"",
    "http://127.1:{port}/short-ipv4",
    "http://[::1]:1/ipv6",
    "http://localhost:80x/bad-port",
    "/%zz",
    "//user@localhost:{port}/userinfo-relative",
]

#: each fetch carries ``Authorization: Bearer t``, so the origin shows where it is kept
JS_WORKER = r"""
async function outcome(make) {
  try { return await make(); } catch (e) { return `${e.name}: ${e.message}`; }
}
export default {
  async fetch(request) {
    if (request.method !== "POST") return new Response("ready");
    const calls = await request.json();
    const out = [];
    for (const [url, method, body] of calls) {
      out.push(await outcome(async () => {
        const resp = await fetch(url, {method, body, headers: {authorization: "Bearer t"}});
        return [resp.status, await resp.text(), resp.url, resp.redirected];
      }));
    }
    return Response.json(out);
  },
};
"""

PY_WORKER = """
import json
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

async def outcome(url, method, body):
    try:
        init = {"method": method, "body": body, "headers": {"authorization": "Bearer t"}}
        resp = await js.fetch(url, to_js(init, dict_converter=js.Object.fromEntries))
        return [resp.status, await resp.text(), resp.url, resp.redirected]
    except Exception as exc:
        name = getattr(exc, "name", type(exc).__name__)
        return f"{name}: {getattr(exc, 'message', str(exc))}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        calls = json.loads(await request.text())
        return Response(json.dumps([await outcome(*c) for c in calls]))

    on_fetch = fetch
"""

_START = re.compile(r"/start/(\d+)/(\d+)/dir/page\?x=1\Z")
_LOOP = re.compile(r"/loop/(\d+)\Z")
#: a POST with a body at each redirect status (workerd turns it into a GET without the body at
#: 301/302/303, resends it at 307/308), then redirects without end (``Too many redirects.``)
METHOD_STATUSES = [301, 302, 303, 307, 308]


class Origin(RawOrigin):
    """A local origin: ``/start/<case>/<status>/...`` answers once with the redirect (``reset()``
    before each run), ``/post/<status>`` with a redirect to ``/landed``, ``/loop/<n>`` with one to
    ``/loop/<n + 1>``, anything else with its method, request target, ``Host``, ``Authorization``
    and body length."""

    def __init__(self) -> None:
        super().__init__()
        self.locations = [loc.format(origin=f"127.0.0.1:{self.port}", port=self.port) for loc in LOCATIONS]
        self.seen: set[str] = set()

    def reset(self) -> None:
        self.seen = set()

    def calls(self) -> list[tuple[str, list]]:
        """``(label, [url, method, body])`` of every case."""
        base = f"http://127.0.0.1:{self.port}"
        return ([(f"{status} {loc!r}", [f"{base}/start/{i}/{status}/dir/page?x=1", "GET", None])
                 for status in STATUSES for i, loc in enumerate(self.locations)]
                + [(f"POST body at {status}", [f"{base}/post/{status}", "POST", "abc"]) for status in METHOD_STATUSES]
                + [("HEAD at 303", [f"{base}/post/303", "HEAD", None]),
                   ("PUT body at 303", [f"{base}/post/303", "PUT", "abc"]),
                   ("PUT body at 301", [f"{base}/post/301", "PUT", "abc"]),
                   ("endless redirects", [f"{base}/loop/0", "GET", None]),
                   ("20 redirects", [f"{base}/loop/1", "GET", None])])

    def answer(self, conn: socket.socket, head: list[str], body: bytes) -> None:
        method, rest = head[0].split(" ", 1)
        target = rest.rsplit(" ", 1)[0]
        fields = {line.split(":", 1)[0].strip().lower(): line.split(":", 1)[1].strip()
                  for line in head[1:] if ":" in line}
        length = int(fields.get("content-length", "0") or 0)
        while len(body) < length:
            try:
                chunk = conn.recv(65536)
            except OSError:
                return
            if not chunk:
                break
            body += chunk
        location = None
        start, loop = _START.match(target), _LOOP.match(target)
        if start and target not in self.seen:
            self.seen.add(target)
            status, location = start.group(2), self.locations[int(start.group(1))]
        elif target.startswith("/post/"):
            status, location = target[len("/post/"):], "/landed"
        elif loop and int(loop.group(1)) <= 21 and target != "/loop/21":
            status, location = "302", f"/loop/{int(loop.group(1)) + 1}"
        if location is not None:
            conn.sendall(b"HTTP/1.1 " + status.encode() + b" Moved\r\nlocation: " + location.encode("utf-8")
                         + b"\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
            return
        seen = {"method": method, "target": target, "host": fields.get("host"), "body": len(body),
                **({"authorization": fields["authorization"]} if "authorization" in fields else {}),
                **({"content-type": fields["content-type"]} if "content-type" in fields else {})}
        answer = json.dumps(seen).encode()
        conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n"
                     b"content-length: " + str(len(answer)).encode() + b"\r\n\r\n" + answer)


def main(argv: list[str]) -> int:
    origin = Origin()
    labels, urls = zip(*origin.calls(), strict=True)
    differing = 0
    for date in DATES:
        origin.reset()
        theirs = run_under_wrangler_dev(JS_WORKER, "fetch-redirect", date, list(urls), extra_config="no_bundle = true\n")
        if "--save" in argv:  # the measurement, for writing tests
            Path(f"/tmp/fetch_redirect_{date}.json").write_text(json.dumps([labels, theirs]))
        origin.reset()
        mine = run_python_worker(PY_WORKER, "fetch-redirect", date, list(urls))
        print(f"== {date}")
        for label, x, y in zip(labels, theirs, mine, strict=True):
            same = without_reference(x) == without_reference(y)
            differing += not same
            if not same or "--all" in argv:
                print(f"{'  ' if same else '! '}{label}\n    workerd     {x}\n    workers-env {y}")
        print(f"   {sum(without_reference(a) == without_reference(b) for a, b in zip(theirs, mine))}/{len(urls)} agree")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
