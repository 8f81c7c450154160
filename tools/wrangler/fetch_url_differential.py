"""Differential check of the URLs a Worker's ``new Request(url)`` and ``fetch(url)`` take, by
compatibility date, against workerd (outside the test run).

workerd parses a fetch URL with the WHATWG parser from ``fetch_standard_url`` (2024-06-03);
before it, ``new Request(url)`` keeps the string as given and ``fetch`` parses it with kj's own
URL parser (http.c++, ``Fetcher::parseUrl``). The same cases run in a JavaScript Worker under
``wrangler dev`` (local workerd) and in a Python Worker under workers-env, each at the dates in
``DATES``: for each URL, ``new Request(url).url`` (or the error's ``"<name>: <message>"``) and
what a local origin received from ``fetch(url)`` -- its request target and ``Host`` -- or the
error. ``{origin}`` in a case is the origin's ``127.0.0.1:<port>``.

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler WRANGLER_SEND_METRICS=false \\
        python3 tools/wrangler/fetch_url_differential.py [--all]

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from casediff import RawOrigin, run_python_worker, run_under_wrangler_dev, without_reference

#: the day before ``fetch_standard_url`` and its first day
DATES = ["2024-06-02", "2024-06-03"]

CASES = [
    "http://{origin}/plain?q=1",
    "HTTP://{origin}/Upper/Case",
    "http://{origin}/a b?c d",
    "http://{origin}/a%20b?c%20d",
    "http://{origin}\\back\\slash",
    "http://{origin}/x/../y/./z",
    "http://{origin}/%2e%2e/up",
    "http://{origin}/caf\u00e9?q=\u00e9",
    "http://{origin}/q?a='\"<>`{{}}|^",
    "http://{origin}/q?a='",
    "http://{origin}/q?a=\"",
    "http://{origin}/q?a=<",
    "http://{origin}/q?a=>",
    "http://{origin}/q?a=`",
    "http://{origin}/q?a={{",
    "http://{origin}/q?a=|",
    "http://{origin}/q?a=^",
    "http://{origin}/q?a=\x01",
    "http://{origin}/p\x7f",
    "http://{origin}//double//slash/",
    "http://{origin}/a/..",
    "http://{origin}/q?a&&b=&",
    "http://{origin}/%41%2F",
    "http://{origin}/p#frag",
    "http://{origin}/p?",
    "http://{origin}",
    "http://{origin}/%zz",
    "http://user:pass@{origin}/auth",
    "http:{origin}/no-slashes",
    "http:/{origin}/one-slash",
    "http:///{origin}/three-slashes",
    "{origin}/no-scheme",
    "//{origin}/scheme-relative",
    "/relative",
    "http://127.1:{port}/short-ipv4",
    "http://0x7f.0.0.1:{port}/hex-ipv4",
    "http://[::1]:1/ipv6",
    "http://b\u00fccher.invalid/idna",
    "http://xn--bcher-kva.invalid/punycode",
    "http://exa mple.invalid/space-host",
    "http://exa_mple.invalid/underscore-host",
    "http://{origin}/tab\there",
    " http://{origin}/leading-space",
    "ftp://{origin}/ftp",
    "http://{origin}:/empty-port",
    "http://localhost:80x/bad-port",
    "http://127.0.0.1:99999/port-out-of-range",
    "http://[::1]:0x50/hex-port",
    "http://h.invalid:80x/unresolved-bad-port",
    "http://localhost:80:80/two-ports",
    # (currency68b) hosts kj takes that name no address: which are looked up (4.168.0's workerd words a failed
    # lookup; tests/test_runtime_fetch_legacy_url_with_a_host_kj_takes_and_no_address.py)
    "http://[::1/unclosed",
    "http://a:b:c/two-colons",
    "http://[zz]/not-ipv6",
    "http://h:99999/unresolved-port-out-of-range",
    "http://h.invalid/unresolved",
]

JS_WORKER = r"""
async function outcome(make) {
  try { return await make(); } catch (e) { return `${e.name}: ${e.message}`; }
}
export default {
  async fetch(request) {
    if (request.method !== "POST") return new Response("ready");
    const urls = await request.json();
    const out = [];
    for (const url of urls) {
      out.push([await outcome(() => new Request(url).url), await outcome(async () => (await fetch(url)).text())]);
    }
    return Response.json(out);
  },
};
"""

PY_WORKER = """
import json
import js
from workers import Response, WorkerEntrypoint

async def outcome(make):
    try:
        return await make()
    except Exception as exc:
        name = getattr(exc, "name", type(exc).__name__)
        return f"{name}: {getattr(exc, 'message', str(exc))}"

async def url_of(url):
    return js.Request.new(url).url

async def text_of(url):
    return await (await js.fetch(url)).text()

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        urls = json.loads(await request.text())
        return Response(json.dumps([[await outcome(lambda: url_of(u)), await outcome(lambda: text_of(u))]
                                    for u in urls]))

    on_fetch = fetch
"""


class Origin(RawOrigin):
    """A local origin answering each request with its request line's target and ``Host``."""

    def answer(self, conn: socket.socket, head: list[str], body: bytes) -> None:
        host = next((line.split(":", 1)[1].strip() for line in head[1:] if line.lower().startswith("host:")), None)
        auth = next((line.split(":", 1)[1].strip() for line in head[1:]
                     if line.lower().startswith("authorization:")), None)
        seen = json.dumps({"target": head[0].split(" ", 1)[1].rsplit(" ", 1)[0], "host": host,
                           **({"authorization": auth} if auth else {})}).encode()
        conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n"
                     b"content-length: " + str(len(seen)).encode() + b"\r\n\r\n" + seen)


def main(argv: list[str]) -> int:
    origin = Origin()
    urls = [case.format(origin=f"127.0.0.1:{origin.port}", port=origin.port) for case in CASES]
    differing = 0
    for date in DATES:
        # without bundling, so without wrangler's checked-fetch (its `new URL(request.url)` would
        # refuse, as "Invalid URL string.", what production's fetch() parses its own way)
        theirs = run_under_wrangler_dev(JS_WORKER, "fetch-url", date, urls, extra_config="no_bundle = true\n")
        mine = run_python_worker(PY_WORKER, "fetch-url", date, urls)
        print(f"== {date}")
        for url, x, y in zip(urls, theirs, mine, strict=True):
            same = without_reference(x) == without_reference(y)
            differing += not same
            if not same or "--all" in argv:
                print(f"{'  ' if same else '! '}{url!r}\n    workerd     {x}\n    workers-env {y}")
        print(f"   {sum(without_reference(a) == without_reference(b) for a, b in zip(theirs, mine))}/{len(urls)} agree")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
