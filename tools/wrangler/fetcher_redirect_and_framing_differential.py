"""Differential check, against workerd (outside the test run), of two things ``fetch`` does:

* **a Fetcher binding's redirect** -- a service binding's (here the Worker's own, bound to
  itself as ``SVC``) and ``env.ASSETS``'s (``html_handling`` and ``_redirects``) -- followed by
  asking the same binding for the ``Location``: relative, another host's, another scheme's,
  ``redirect: "manual"``, a POST's 301/303/307, a stream body, ``Authorization`` across
  origins, 21 redirects, an unreadable or empty ``Location``, a 300;
* **the framing of a request body** an origin sees: ``Content-Length`` or
  ``Transfer-Encoding: chunked``, for a string, bytes, a Blob, FormData, URLSearchParams, empty
  ones, a ``new ReadableStream``, an empty one, a FixedLengthStream's, a TransformStream's and an
  IdentityTransformStream's readable, and a Response's ``body``.

The same calls run in a JavaScript Worker under ``wrangler dev`` (local workerd) and in a
Python Worker under workers-env (the service binding a Python object answering as the
JavaScript Worker does), at 2025-09-01. An error is compared by its message (JavaScript's
``TypeError`` is Python's ``AbortError`` through ``workers.fetch`` on Pyodide 0.28).

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler WRANGLER_SEND_METRICS=false \\
        python3 tools/wrangler/fetcher_redirect_and_framing_differential.py [--all]

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import asyncio
import http.server
import json
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from casediff import run_under_wrangler_dev  # noqa: E402

DATE = "2025-09-01"
NAME = "fetcher-redirect"

#: [binding, url, options]: options ``redirect``, ``method``, ``body``, ``auth`` (an
#: ``Authorization``), ``stream`` (the body a ReadableStream of "ab")
BINDING_CASES: list[list[Any]] = [
    ["SVC", "http://b/r/302?to=/landed", {}],
    ["SVC", "http://b/r/302?to=/landed", {"redirect": "manual"}],
    ["SVC", "http://b/r/301?to=http://other.example/abs", {}],
    ["SVC", "http://b/r/307?to=/landed", {"method": "POST", "body": "hi"}],
    ["SVC", "http://b/r/308?to=/landed", {"method": "PUT", "body": "hi"}],
    ["SVC", "http://b/r/303?to=/landed", {"method": "POST", "body": "hi"}],
    ["SVC", "http://b/r/301?to=/landed", {"method": "POST", "body": "hi"}],
    ["SVC", "http://b/r/302?to=/landed", {"method": "PUT", "body": "hi"}],
    ["SVC", "http://b/r/307?to=/landed", {"method": "POST", "stream": True}],
    ["SVC", "http://b/r/303?to=/landed", {"method": "POST", "stream": True}],
    ["SVC", "http://b/r/302?to=http://x.example/landed", {"auth": True}],
    ["SVC", "http://b/r/302?to=/landed", {"auth": True}],
    ["SVC", "http://b/loop/0", {}],
    ["SVC", "http://b/loop/1", {}],
    ["SVC", "http://b/r/302?to=ftp://x/y", {}],
    ["SVC", "http://b/r/302?to=mailto:x@y", {}],
    ["SVC", "http://b/r/302?to=http://%5B", {}],
    ["SVC", "http://b/r/302?to=", {}],
    ["SVC", "http://b/r/300?to=/landed", {}],
    ["SVC", "http://b/r/302?to=../up?q#f", {}],
    ["ASSETS", "http://a/index.html", {}],
    ["ASSETS", "http://a/index.html", {"redirect": "manual"}],
    ["ASSETS", "http://a/old", {}],
    ["ASSETS", "http://a/old301", {"redirect": "manual"}],
    ["ASSETS", "http://a/chain1", {}],
    ["ASSETS", "http://a/dir", {}],
    ["ASSETS", "http://a/dir/index.html", {"method": "POST", "body": "x"}],
]

#: cases that differ on purpose, by label, and why
EXPECTED = {
    "SVC.fetch('http://b/r/302?to=ftp://x/y', {})":
        "here SVC is the Worker bound to itself, which has assets, so (we take it) wrangler's asset router "
        "stands between and its own fetch of the Worker refuses ftp://; a service binding to another Worker (wrangler dev -c a -c b, "
        "measured) follows it, the other Worker seeing ftp://x/y, as workers-env does",
    "SVC.fetch('http://b/r/302?to=', {})":
        "the Worker's empty Location header does not come back over the binding in workerd (measured: null, "
        "also between two Workers; not traced to its source); workers-env hands the supplied binding's Response on as it was made, and follows neither",
}

BODY_KINDS = ["string", "bytes", "blob", "form", "params", "empty string", "empty bytes", "stream",
              "empty stream", "fixed length stream", "a response's body", "transform stream",
              "identity transform stream"]

REDIRECTS_FILE = "/old /new 302\n/old301 /new 301\n/chain1 /chain2 302\n/chain2 /new 307\n"

JS_WORKER = r"""
function body(kind) {
  const written = (pair) => { const w = pair.writable.getWriter(); w.write(new Uint8Array([97, 98])); w.close(); return pair.readable; };
  const form = () => { const f = new FormData(); f.append("a", "b"); return f; };
  return {
    "string": () => "ab", "bytes": () => new Uint8Array([97, 98]), "blob": () => new Blob(["ab"]),
    "form": form, "params": () => new URLSearchParams("a=b"), "empty string": () => "",
    "empty bytes": () => new Uint8Array(0),
    "stream": () => new ReadableStream({start(c) { c.enqueue(new Uint8Array([97, 98])); c.close(); }}),
    "empty stream": () => new ReadableStream({start(c) { c.close(); }}),
    "fixed length stream": () => written(new FixedLengthStream(2)),
    "a response's body": () => new Response("ab").body,
    "transform stream": () => written(new TransformStream()),
    "identity transform stream": () => written(new IdentityTransformStream()),
  }[kind]();
}
async function outcome(make) {
  try {
    const r = await make();
    return [r.status, r.redirected, r.url, r.headers.get("location"), await r.text()];
  } catch (e) { return `error: ${e.message}`; }
}
export default {
  async fetch(request, env) {
    const u = new URL(request.url);
    const m = u.pathname.match(/^\/r\/(\d+)$/);
    if (m) return new Response("redir", {status: +m[1], headers: {location: u.searchParams.get("to")}});
    const l = u.pathname.match(/^\/loop\/(\d+)$/);
    if (l) return new Response("loop", {status: 302, headers: {location: `/loop/${+l[1] + 1}`}});
    if (u.pathname !== "/") {
      return new Response(`${request.method} ${request.url} ${request.headers.get("authorization") ?? "-"} ${await request.text()}`);
    }
    if (request.method !== "POST") return new Response("ready");
    const {bindings, bodies, origin} = await request.json();
    const out = [];
    for (const [name, url, o] of bindings) {
      const init = {};
      if (o.redirect) init.redirect = o.redirect;
      if (o.method) init.method = o.method;
      if (o.body) init.body = o.body;
      if (o.stream) init.body = body("stream");
      if (o.auth) init.headers = {authorization: "x"};
      out.push(await outcome(() => env[name].fetch(url, init)));
    }
    for (const kind of bodies) {
      out.push(await outcome(() => fetch(origin, {method: "POST", body: body(kind)})));
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

def init(**members):
    return to_js(members, dict_converter=js.Object.fromEntries)

def written(pair):
    writer = pair.writable.getWriter()
    writer.write(js.Uint8Array.new([97, 98]))
    writer.close()
    return pair.readable

def form():
    data = js.FormData.new()
    data.append("a", "b")
    return data

def stream():
    return js.ReadableStream.new(init(start=lambda c: (c.enqueue(js.Uint8Array.new([97, 98])), c.close())))

BODIES = {
    "string": lambda: "ab", "bytes": lambda: js.Uint8Array.new([97, 98]), "blob": lambda: js.Blob.new(to_js(["ab"])),
    "form": form, "params": lambda: js.URLSearchParams.new("a=b"), "empty string": lambda: "",
    "empty bytes": lambda: js.Uint8Array.new(0), "stream": stream,
    "empty stream": lambda: js.ReadableStream.new(init(start=lambda c: c.close())),
    "fixed length stream": lambda: written(js.FixedLengthStream.new(2)),
    "a response's body": lambda: js.Response.new("ab").body,
    "transform stream": lambda: written(js.TransformStream.new()),
    "identity transform stream": lambda: written(js.IdentityTransformStream.new()),
}

async def outcome(make):
    try:
        r = await make()
        return [r.status, r.redirected, r.url, r.headers.get("location"), await r.text()]
    except Exception as exc:
        return f"error: {getattr(exc, 'message', str(exc))}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        calls = json.loads(await request.text())
        out = []
        for name, url, o in calls["bindings"]:
            options = {k: v for k, v in o.items() if k in ("redirect", "method", "body")}
            if o.get("stream"):
                options["body"] = stream()
            if o.get("auth"):
                options["headers"] = {"authorization": "x"}
            out.append(await outcome(lambda: getattr(self.env, name).fetch(url, **options)))
        for kind in calls["bodies"]:
            out.append(await outcome(lambda: js.fetch(calls["origin"], init(method="POST", body=BODIES[kind]()))))
        return Response(json.dumps(out))
"""


class SelfService:
    """The Python side of the JavaScript Worker's own service binding: answers as it does."""

    async def fetch(self, resource: Any, init: Any = None) -> Any:
        from workers_env import js

        url = str(getattr(resource, "url", resource))
        parts = urlsplit(url)
        if parts.path.startswith("/r/"):
            location = parse_qs(parts.query, keep_blank_values=True).get("to", [""])[0]
            return js.Response.new("redir", status=int(parts.path[3:]),
                                   headers=js.Object.fromEntries([["location", location]]))
        if parts.path.startswith("/loop/"):
            return js.Response.new("loop", status=302, headers=js.Object.fromEntries(
                [["location", f"/loop/{int(parts.path[6:]) + 1}"]]))
        if isinstance(resource, str):  # the Worker's own first call (never for these paths)
            return js.Response.new(f"GET {url} - ")
        auth = resource.headers.get("authorization")
        auth = auth if isinstance(auth, str) else "-"
        return js.Response.new(f"{resource.method} {url} {auth} {await resource.text()}")


class Framing(http.server.BaseHTTPRequestHandler):
    """The origin of the body cases: answers the body it read and how it was framed."""

    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        encoding, length = self.headers.get("transfer-encoding"), self.headers.get("content-length")
        body = b""
        if encoding and "chunked" in encoding.lower():
            while size := int(self.rfile.readline().split(b";")[0], 16):
                body += self.rfile.read(size)
                self.rfile.readline()
            self.rfile.readline()
        elif length:
            body = self.rfile.read(int(length))
        text = body.decode("latin-1")
        seen = json.dumps({"content-length": None if "form-data" in text else length,
                           "transfer-encoding": encoding, "body": "<form>" if "form-data" in text else text}).encode()
        self.send_response(200)
        self.send_header("content-length", str(len(seen)))
        self.end_headers()
        self.wfile.write(seen)

    def log_message(self, *args: object) -> None:
        pass


def public_folder(root: Path) -> Path:
    public = root / "public"
    (public / "dir").mkdir(parents=True)
    (public / "index.html").write_text("<p>index</p>\n")
    (public / "new.html").write_text("<p>new</p>\n")
    (public / "dir" / "index.html").write_text("<p>dir</p>\n")
    (public / "_redirects").write_text(REDIRECTS_FILE)
    return public


def run_python(calls: dict[str, Any], public: Path) -> list[Any]:
    from workers_env import load_env, load_worker

    with tempfile.TemporaryDirectory(prefix=f"{NAME}-") as folder:
        root = Path(folder)
        (root / "src").mkdir()
        (root / "src" / "entry.py").write_text(PY_WORKER)
        (root / "wrangler.json").write_text(json.dumps({
            "name": NAME, "main": "src/entry.py", "compatibility_date": DATE, "compatibility_flags": ["python_workers"],
            "services": [{"binding": "SVC", "service": NAME}],
            "assets": {"directory": str(public), "binding": "ASSETS", "run_worker_first": True}}))
        worker = load_worker(env=load_env(root, bindings={"SVC": SelfService()}))

        async def scenario() -> list[Any]:
            resp = await worker.fetch("/", method="POST", body=json.dumps(calls))
            return json.loads(await resp.text())

        return asyncio.run(scenario())


def main(argv: list[str]) -> int:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Framing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    calls = {"bindings": BINDING_CASES, "bodies": BODY_KINDS, "origin": origin}
    labels = [f"{name}.fetch({url!r}, {options})" for name, url, options in BINDING_CASES] + \
             [f"fetch(origin, body: {kind})" for kind in BODY_KINDS]
    with tempfile.TemporaryDirectory(prefix=f"{NAME}-public-") as folder:
        public = public_folder(Path(folder))
        extra = (f'no_bundle = true\nservices = [{{binding = "SVC", service = "{NAME}"}}]\n'
                 f'[assets]\ndirectory = "{public}"\nbinding = "ASSETS"\nrun_worker_first = true\n')
        theirs = run_under_wrangler_dev(JS_WORKER, NAME, DATE, calls, extra_config=extra)  # type: ignore[arg-type]
        ours = run_python(calls, public)
    if "--save" in argv:
        Path("/tmp/fetcher_redirect_and_framing.json").write_text(json.dumps([labels, theirs, ours]))
    same = unexpected = 0
    for label, x, y in zip(labels, theirs, ours, strict=True):
        agree = x == y
        same += agree
        unexpected += not agree and label not in EXPECTED
        if not agree or "--all" in argv:
            mark = "  " if agree else "~ " if label in EXPECTED else "! "
            print(f"{mark}{label}\n    workerd     {json.dumps(x)[:300]}\n    workers-env {json.dumps(y)[:300]}")
            if not agree and label in EXPECTED:
                print(f"    expected: {EXPECTED[label]}")
    print(f"{same}/{len(labels)} agree; {unexpected} unexpected differences, {len(EXPECTED)} allowed")
    server.shutdown()
    return 1 if unexpected else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
