"""Differential check, against workerd (outside the test run), of a Fetcher's ``get``, ``put`` and
``delete`` before compatibility date 2024-03-26 (``fetcher_no_get_put_delete``): workerd's
undocumented shortcuts for ``fetch()`` with that method (``Fetcher::get``/``put``/``delete_``,
src/workerd/api/http.c++): ``get`` answers ``null`` for a 404 or 410, rejects with ``HTTP GET
request failed: <status> <statusText>`` for another status that is not ok, else the body as its
``type`` says (``text`` by default, ``arrayBuffer``, ``json``, ``stream``; another is a
``TypeError``); ``put`` sends its body, its options' ``expiration``/``expirationTtl`` appended to the
URL's query (``expiration``, ``expiration_ttl``), and ``put``/``delete`` resolve ``undefined`` for a
2xx, else reject with ``HTTP PUT|DELETE request failed: ...``.

The same calls run in a JavaScript Worker under ``wrangler dev`` (local workerd; its ``SVC`` the
Worker bound to itself, which logs each request it is sent) and in a Python Worker under
workers-env (its ``SVC`` a Python Worker answering as the JavaScript one does), at 2024-03-25.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler \\
        WRANGLER_SEND_METRICS=false python3 tools/wrangler/fetcher_get_put_delete_differential.py

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from casediff import python_worker_folder, report_cases, run_under_wrangler_dev  # noqa: E402

DATE = "2024-03-25"
NAME = "fetcher-shortcuts"

#: [method, url, second argument, third]: the callee answers /s/<status>?body=...&text=<statusText>
#: &type=<content-type>; /r/<status>?to=<location>
CASES: list[list[Any]] = [
    ["get", "http://b/s/200?body=hi", None, None],
    ["get", "http://b/s/200?body=hi", "text", None],
    ["get", "http://b/s/200?body=%7B%22a%22%3A1%7D", "json", None],
    ["get", "http://b/s/200?body=7", "json", None],
    ["get", "http://b/s/200?body=hi", "arrayBuffer", None],
    ["get", "http://b/s/200?body=hi", "stream", None],
    ["get", "http://b/s/204", "stream", None],
    ["get", "http://b/s/204", None, None],
    ["get", "http://b/s/201?body=made", None, None],
    ["get", "http://b/s/404?body=gone", None, None],
    ["get", "http://b/s/410?body=gone", "json", None],
    ["get", "http://b/s/500?body=x", None, None],
    ["get", "http://b/s/503?body=x&text=Busy", None, None],
    ["get", "http://b/s/400?body=x", None, None],
    ["get", "http://b/s/304", None, None],
    ["get", "http://b/s/200?body=hi", "xml", None],
    ["get", "http://b/s/404", "xml", None],
    ["get", "http://b/s/200?body=nojson", "json", None],
    ["get", "http://b/r/302?to=/s/200%3Fbody%3Dlanded", None, None],
    ["get", "/relative", None, None],
    ["put", "http://b/s/200", "a body", None],
    ["put", "http://b/s/201", "a body", {"expiration": 1700000000, "expirationTtl": 60}],
    ["put", "http://b/s/200?q=1", "x", {"expirationTtl": 60}],
    ["put", "http://b/s/204", None, None],
    ["put", "http://b/s/500", "x", None],
    ["put", "http://b/s/404", "x", None],
    ["put", "http://b/s/200", "x", {"expiration": 1.5}],
    ["put", "http://b/s/200", "x", {"expirationTtl": "60"}],
    ["put", "http://b/s/200", "x", {"expiration": -1}],
    ["put", "http://b/s/200", "x", {"expirationTtl": 3000000000}],
    ["put", "http://b/s/200#frag", "x", {"expirationTtl": 5}],
    ["put", "http://b/s/200", 5, None],
    ["get", "http://b/s/200?body=hi", 5, None],
    ["delete", "http://b/s/200", None, None],
    ["delete", "http://b/s/204", None, None],
    ["delete", "http://b/s/404", None, None],
    ["delete", "http://b/s/500?text=Nope", None, None],
]

#: cases that differ, by label, and why (none since leftovers54 mended a service binding's redirect
#: to a module-level on_fetch: the hop's Request reached the callee as an RPC argument, its URL the repr)
APART: dict[str, str] = {}

JS_WORKER = r"""
const seen = [];
function describe(v) {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "string") return `string ${JSON.stringify(v)}`;
  if (v instanceof ArrayBuffer) return `ArrayBuffer ${v.byteLength}`;
  if (v instanceof ReadableStream) return "ReadableStream";
  return `${typeof v} ${JSON.stringify(v)}`;
}
export default {
  async fetch(request, env) {
    const u = new URL(request.url);
    const s = u.pathname.match(/^\/s\/(\d+)$/);
    if (s) {
      seen.push(`${request.method} ${request.url} ${await request.text()}`);
      const status = +s[1];
      const body = [204, 304].includes(status) ? null : (u.searchParams.get("body") ?? "");
      const init = {status};
      if (u.searchParams.has("text")) init.statusText = u.searchParams.get("text");
      return new Response(body, init);
    }
    const r = u.pathname.match(/^\/r\/(\d+)$/);
    if (r) return new Response("redir", {status: +r[1], headers: {location: u.searchParams.get("to")}});
    if (request.method !== "POST") return new Response("ready");
    const out = [];
    for (const [method, url, second, third] of await request.json()) {
      seen.length = 0;
      let got;
      try {
        const args = [url];
        if (second !== null || third !== null) args.push(second ?? undefined);
        if (third !== null) args.push(third);
        got = describe(await env.SVC[method](...args));
        if (got === "ReadableStream") got += " " + JSON.stringify(await new Response(await env.SVC[method](...args)).text());
      } catch (e) { got = `${e.name}: ${e.message}`; }
      out.push([got, seen.slice(0, 1)]);
    }
    return Response.json(out);
  },
};
"""

PY_CALLEE = """
from urllib.parse import parse_qs, urlsplit
import json
import js
from pyodide.ffi import to_js
from workers import Response

SEEN = []

async def on_fetch(request, env):
    parts = urlsplit(request.url)
    query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    if parts.path == "/seen":
        out = list(SEEN)
        SEEN.clear()
        return Response(json.dumps(out))
    if parts.path.startswith("/s/"):
        SEEN.append(f"{request.method} {request.url} {await request.text()}")
        status = int(parts.path[3:])
        body = None if status in (204, 304) else query.get("body", "")
        if "text" in query:
            return js.Response.new(body, to_js({"status": status, "statusText": query["text"]},
                                               dict_converter=js.Object.fromEntries))
        return Response(body, status=status)
    return Response("redir", status=int(parts.path[3:]), headers={"location": query["to"]})
"""

PY_CALLER = """
import json
import js
from pyodide.ffi import to_js
from workers import Response

def describe(v):
    if v is None or type(v).__name__ == "JsNull":
        return "null"
    if isinstance(v, str):
        return "string " + json.dumps(v)
    name = getattr(getattr(v, "constructor", None), "name", None)
    if name == "ArrayBuffer":
        return f"ArrayBuffer {v.byteLength}"
    if name == "ReadableStream":
        return "ReadableStream"
    if isinstance(v, (int, float)):
        return "number " + json.dumps(v)
    return "object " + js.JSON.stringify(v)

async def seen(env):
    return json.loads(await (await env.SVC.fetch("http://b/seen")).text())

async def on_fetch(request, env):
        out = []
        for method, url, second, third in json.loads(await request.text()):
            await seen(env)
            args = [url]
            if second is not None or third is not None:
                args.append(second)
            if third is not None:
                args.append(to_js(third, dict_converter=js.Object.fromEntries))
            try:
                got = describe(await getattr(env.SVC, method)(*args))
                if method != "get" and got == "null":  # (undefined and null are both None in Pyodide 0.26)
                    got = "undefined"
                if got == "ReadableStream":
                    again = await getattr(env.SVC, method)(*args)
                    got += " " + json.dumps(await js.Response.new(again).text())
            except Exception as e:
                got = f"{getattr(e, 'name', type(e).__name__)}: {getattr(e, 'message', str(e))}"
            out.append([got, (await seen(env))[:1]])
        return Response(json.dumps(out))
"""


def run_python(calls: list[Any]) -> list[Any]:
    """workers-env's side: the caller with ``SVC`` bound to the Python callee, both at :data:`DATE`."""
    from workers_env import load_worker

    with tempfile.TemporaryDirectory(prefix=f"{NAME}-") as folder:
        for each in ("callee", "caller"):
            (Path(folder) / each).mkdir()
        callee = load_worker(python_worker_folder(Path(folder) / "callee", PY_CALLEE, DATE, name="callee"))
        caller_dir = python_worker_folder(Path(folder) / "caller", PY_CALLER, DATE, name="caller")
        with (caller_dir / "wrangler.toml").open("a") as config:
            config.write('\n[[services]]\nbinding = "SVC"\nservice = "callee"\n')
        caller = load_worker(caller_dir, bindings={"SVC": callee})

        async def scenario() -> list[Any]:
            resp = await caller.fetch("/", method="POST", body=json.dumps(calls))
            return json.loads(await resp.text())

        return asyncio.run(scenario())


def main() -> int:
    theirs = run_under_wrangler_dev(JS_WORKER, NAME, DATE, CASES,
                                    extra_config=f'[[services]]\nbinding = "SVC"\nservice = "{NAME}"\n')
    ours = run_python(CASES)
    if "--show" in sys.argv:
        for case, answer in zip(CASES, theirs):
            print(json.dumps(case), "->", json.dumps(answer))
    return report_cases([json.dumps(case) for case in CASES], theirs, ours, APART)


if __name__ == "__main__":
    raise SystemExit(main())
