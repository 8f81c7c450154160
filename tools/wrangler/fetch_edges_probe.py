"""What workerd answers for a few ``fetch`` and ``AbortSignal`` edges (outside the test run): the
cases the tests below pin down, run in a JavaScript Worker under ``wrangler dev`` (local
workerd), printed as JSON to compare with the tests' expectations by eye.

- ``data``: ``fetch`` of ``data:`` URLs, by method (tests/test_runtime_fetch_of_a_data_url_answers_it.py),
  at 2024-06-02 and 2025-09-01;
- ``bindings``: ``data:`` URLs and other schemes fetched through ``env.ASSETS``, a service
  binding to itself and a Durable Object stub (tests/test_runtime_fetcher_binding_answers_a_data_url_itself.py,
  tests/test_runtime_fetcher_binding_refuses_what_fetch_cannot_load.py,
  tests/test_runtime_fetcher_binding_reads_its_url_as_the_era_does.py), at 2024-06-02 and 2025-09-01;
- ``hosts``: before ``fetch_standard_url``, hosts kj's parser takes that name no address
  (tests/test_runtime_fetch_legacy_url_with_a_host_kj_takes_and_no_address.py);
- ``urls``: a fetched response's ``url`` and ``redirected`` against a local origin, at
  2024-06-02 and 2024-06-03 (tests/test_runtime_fetch_response_url_as_workerd_serializes_it.py);
- ``abort``: the order of an abort's listeners, ``onabort`` and ``AbortSignal.any`` followers
  (tests/test_runtime_abort_signal_any_followers_abort_in_workerds_order.py).

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler WRANGLER_SEND_METRICS=false python3 tools/wrangler/fetch_edges_probe.py

Measured with wrangler 4.164.0, 2026-12-02; with 4.168.0, 2026-12-07 (wprobes69): the same answers
but ``hosts``' failed lookups (``[zz]``, ``h:99999``, ``:80``), ``Error: Network connection failed:
failed to lookup address information: ...`` where 4.164.0 said ``Error: internal error``. Not collected by pytest (needs Node and wrangler's
node_modules).
"""

from __future__ import annotations

import http.server
import json
import sys
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casediff import run_under_wrangler_dev

FETCHES = r"""
export default {
  async fetch(request) {
    if (request.method === "GET") return new Response("ready");
    const out = [];
    for (const [url, method] of await request.json()) {
      try {
        const r = await fetch(url, {method});
        const body = r.body === null ? null : Array.from(new Uint8Array(await r.arrayBuffer()));
        out.push([r.status, r.statusText, [...r.headers], body, r.url, r.redirected]);
      } catch (e) { out.push(`${e.name}: ${e.message}`); }
    }
    return Response.json(out);
  }
};
"""

ABORTS = r"""
export default {
  async fetch(request) {
    if (request.method === "GET") return new Response("ready");
    const out = {};
    { const c = new AbortController(); const o = [];
      c.signal.addEventListener("abort", () => o.push("L")); c.signal.onabort = () => o.push("on");
      c.abort(); out.listenerThenOnabort = o; }
    { const c = new AbortController(); const o = [];
      c.signal.onabort = () => o.push("on"); c.signal.addEventListener("abort", () => o.push("L"));
      c.abort(); out.onabortThenListener = o; }
    { const c = new AbortController(); const S = c.signal; const o = []; let F;
      S.addEventListener("abort", () => o.push("L1:F=" + F.aborted));
      F = AbortSignal.any([S]); F.addEventListener("abort", () => o.push("F"));
      S.addEventListener("abort", () => o.push("L2:F=" + F.aborted));
      c.abort(); out.flags = o; }
    { const c = new AbortController(); const S = c.signal; const o = [];
      const A = AbortSignal.any([S]); const D = AbortSignal.any([S]); const C = AbortSignal.any([A]);
      A.addEventListener("abort", () => o.push("A:D=" + D.aborted + ",C=" + C.aborted));
      D.addEventListener("abort", () => o.push("D")); C.addEventListener("abort", () => o.push("C"));
      c.abort(); out.nested = o; }
    { const c = new AbortController(); const S = c.signal; const o = [];
      const F = AbortSignal.any([S]); F.addEventListener("abort", () => o.push("F"));
      S.addEventListener("abort", () => { o.push("L1"); throw new Error("bang"); });
      S.addEventListener("abort", () => o.push("L2"));
      let threw = "no"; try { c.abort(); } catch (e) { threw = String(e); }
      o.push("threw=" + threw, "F=" + F.aborted); out.throwing = o; }
    { const c = new AbortController(); const c2 = new AbortController(); const o = [];
      const F = AbortSignal.any([c.signal]); F.addEventListener("abort", () => o.push("F"));
      c.signal.addEventListener("abort", () => { o.push("L1"); c2.abort(); });
      c2.signal.addEventListener("abort", () => o.push("other"));
      c.abort(); out.abortInside = o; }
    return Response.json(out);
  }
};
"""

BINDINGS = r"""
import { DurableObject } from "cloudflare:workers";
export class Obj extends DurableObject { async fetch(r) { return new Response("do:" + r.url); } }
export default {
  async fetch(request, env) {
    if (request.method === "GET") {
      return new Response(new URL(request.url).pathname === "/" ? "ready" : "svc:" + request.url);
    }
    const out = [];
    for (const [b, url, method] of await request.json()) {
      const f = b === "DO" ? env.DO.get(env.DO.idFromName("x")) : env[b];
      try {
        const r = await f.fetch(url, {method});
        const body = r.body === null ? null : await r.text();
        out.push([b, url, method, r.status, r.statusText, [...r.headers], body, r.url]);
      } catch (e) { out.push([b, url, method, `${e.name}: ${e.message}`]); }
    }
    return Response.json(out);
  }
};
"""

BINDINGS_CONFIG = """no_bundle = true
services = [{ binding = "SELF", service = "fetcherdata-probe" }]
[assets]
directory = "src"
binding = "ASSETS"
run_worker_first = true
[[durable_objects.bindings]]
name = "DO"
class_name = "Obj"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Obj"]
"""

BINDING_CALLS = [[b, url, method] for b in ("ASSETS", "SELF", "DO")
                 for url, method in (("data:,hi", "GET"), ("data:text/html;base64,PGI+", "GET"), ("data:,hi", "POST"),
                                     ("data:nocomma", "GET"), ("http://x/index.js", "GET"), ("ftp://x/a", "GET"),
                                     ("about:blank", "GET"), ("mailto:a@b", "GET"), ("/rel", "GET"),
                                     ("HTTPS://x/up", "GET"), ("ws://x/w", "GET"), ("http://x\\back", "GET"),
                                     ("http://%41/", "GET"), ("http://h:99999/", "GET"), ("http://x/a b", "GET"))]

DATA = [["data:text/plain,Hello%2C%20World!", "GET"],
        ['  DATA:text/plain;a="b";base64,\t\nSGVsbG8sIFdvcmxkIQ%3D%3D', "GET"],
        ["data:,a b", "GET"], ["data:nocomma", "GET"], ["data:;base64,!!!", "GET"],
        ["data:;charset=utf-8,%C3%A9", "GET"], ["data:TEXT/HTML;Charset=UTF-8,<b>x</b>#frag", "GET"],
        ["data:text/plain,x", "HEAD"], ["data:text/plain,x", "POST"], ["data:bogus type,x", "GET"],
        ["data:application/json;base64,eyJhIjoxfQ", "GET"], ["data:,%zz%41", "GET"], ["data:,\u00e9", "GET"]]
HOSTS = [[url, "GET"] for url in ("http://localhost:80x/", "http://[::1/", "http://a:b:c/", "http://[zz]/",
                                  "http://h:99999/", "http://:80/")]


class Origin(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path in ("/redir", "/gone"):
            self.send_response(302)
            self.send_header("location", "/landed#lf" if self.path == "/redir" else "/missing")
            self.send_header("content-length", "0")
            self.end_headers()
            return
        body = json.dumps(self.path).encode()
        self.send_response(404 if self.path == "/missing" else 200)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def main() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Origin)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"127.0.0.1:{server.server_address[1]}"
    urls = [[url.format(O=origin), "GET"] for url in (
        "HTTP://{O}/x/../y/./Z#frag", "http://{O}/p?q#f", "http://user:pass@{O}/auth", "http://{O}/redir#f0",
        "http://{O}/a b", "http://{O}", "http://{O}/gone")]
    unbundled = "no_bundle = true\n"  # without wrangler's checked-fetch wrapper, which production lacks
    for date in ("2024-06-02", "2025-09-01"):
        print("data", date, json.dumps(run_under_wrangler_dev(FETCHES, "data-probe", date, DATA, extra_config=unbundled)))
    for date in ("2024-06-02", "2025-09-01"):
        print("bindings", date, json.dumps(run_under_wrangler_dev(BINDINGS, "fetcherdata-probe", date, BINDING_CALLS,
                                                                  extra_config=BINDINGS_CONFIG)))
    print("hosts 2024-06-02", json.dumps(run_under_wrangler_dev(FETCHES, "host-probe", "2024-06-02", HOSTS,
                                                               extra_config=unbundled)))
    for date in ("2024-06-02", "2024-06-03"):
        answer = run_under_wrangler_dev(FETCHES, "url-probe", date, urls, extra_config=unbundled)
        print("urls", date, json.dumps(answer).replace(origin, "O"))
    print("abort", json.dumps(run_under_wrangler_dev(ABORTS, "abort-probe", "2025-09-01", [], extra_config=unbundled)))
    server.shutdown()


if __name__ == "__main__":
    main()
