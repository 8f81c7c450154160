"""What a workerd binary does with ``redirect: "error"``, with and without ``fetch_redirect_error``.

    python3 tools/workerd/redirect_error_probe.py WORKERD [DATE]

A JavaScript Worker run by ``workerd test`` (DATE, default 2026-11-30) builds Requests with
``redirect`` ``"error"``, ``"bogus"``, copies and clones, then fetches a local origin's 200, 3xx
(``/r302`` ... with ``Location: /ok``; ``-empty``, ``-none``, ``-bad``: an empty, no and an
unreadable ``Location``), a HEAD, a POST with a stream body, and a service binding's 302, each in
``"error"`` mode; it prints each answer (``[status, redirected, url, text]``) or error
(``"Name: message"``), once without the flag and once with it. The cases and their order are
``tests/test_runtime_fetch_redirect_error_mode_is_workerds.py``'s (currency55: workerd 1.20261201.1;
1.20261129.1 and before refuse the flag as unknown).
"""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

WORKER = """
const O = "ORIGIN";
async function seen(make) {
  try { const r = await make(); return typeof r === "string" ? r : [r.status, r.redirected, r.url.replace(O, "O"), await r.text()]; }
  catch (e) { return `${e.name}: ${e.message}`; }
}
const body = () => new ReadableStream({ start(c) { c.enqueue(new Uint8Array([97])); c.close(); } });
export default { async test(ctrl, env) {
  const error = () => new Request(O + "/ok", { redirect: "error" });
  const out = [
    await seen(async () => error().redirect),
    await seen(async () => new Request(O + "/ok", { redirect: "bogus" }).redirect),
    await seen(async () => new Request(error()).redirect),
    await seen(async () => error().clone().redirect),
    await seen(async () => new Request(error(), { redirect: "follow" }).redirect),
  ];
  for (const p of PATHS)
    out.push(await seen(() => fetch(O + p, { redirect: "error" })));
  out.push(await seen(() => fetch(new Request(O + "/r302", { redirect: "error" }))));
  out.push(await seen(() => fetch(new Request(O + "/r302", { redirect: "error" }), { redirect: "follow" })));
  out.push(await seen(() => fetch(O + "/r302", { method: "HEAD", redirect: "error" })));
  out.push(await seen(() => fetch(O + "/r307", { method: "POST", redirect: "error", body: body(), duplex: "half" })));
  out.push(await seen(() => env.SVC.fetch("http://svc/r302", { redirect: "error" })));
  out.push(await seen(() => env.SVC.fetch("http://svc/ok", { redirect: "error" })));
  console.log("OUT " + JSON.stringify(out));
} };
"""
#: the origin's paths fetched in "error" mode, in order (the test's Python Worker fetches the same)
PATHS = ("/ok", "/r302", "/r301", "/r303", "/r307", "/r308", "/r300", "/r304", "/r302-empty", "/r302-none", "/r302-bad")
SERVICE = """export default { async fetch(req) {
  if (req.url.endsWith("/r302")) return new Response("moved", { status: 302, headers: { location: "/ok" } });
  return new Response("svc " + req.url.split("/").pop());
} };
"""
CONFIG = """using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (services = [(name = "main", worker = .w), (name = "svc", worker = .s),
  (name = "net", network = (allow = ["public", "private", "local"]))]);
const w :Workerd.Worker = (modules = [(name = "index.js", esModule = embed "index.js")],
  compatibilityDate = "DATE", compatibilityFlags = FLAGS, globalOutbound = "net",
  bindings = [(name = "SVC", service = "svc")]);
const s :Workerd.Worker = (modules = [(name = "svc.js", esModule = embed "svc.js")], compatibilityDate = "DATE");
"""


class Origin(http.server.BaseHTTPRequestHandler):
    """``/r<status>[-empty|-none|-bad]`` that status and ``Location``; anything else 200."""

    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        if self.headers.get("transfer-encoding") == "chunked":
            while (size := int(self.rfile.readline(), 16)) > 0:
                self.rfile.read(size + 2)
            self.rfile.readline()
        self.rfile.read(int(self.headers.get("content-length") or 0))
        status, location = 200, None
        if self.path.startswith("/r"):
            status = int(self.path[2:5])
            location = {"": "/ok", "-empty": "", "-none": None, "-bad": "http://["}[self.path[5:]]
        body = f"{self.command} {self.path}".encode() if status != 304 else b""
        self.send_response(status)
        if location is not None:
            self.send_header("Location", location)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_HEAD = _answer  # noqa: N815 - http.server's names

    def log_message(self, *args: object) -> None:
        pass


def answers(workerd: str, origin: str, date: str, flags: list[str]) -> list[object] | str:
    """The Worker's answers, or workerd's output when it printed none."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "index.js").write_text(WORKER.replace("ORIGIN", origin).replace("PATHS", json.dumps(PATHS)))
        (folder / "svc.js").write_text(SERVICE)
        (folder / "config.capnp").write_text(CONFIG.replace("DATE", date).replace("FLAGS", json.dumps(flags)))
        run = subprocess.run([workerd, "test", str(folder / "config.capnp")], capture_output=True, text=True,
                             timeout=120)
    for line in (run.stdout + run.stderr).splitlines():
        if "OUT " in line:
            return list(json.loads(line.split("OUT ", 1)[1]))
    return run.stdout + run.stderr


def main() -> int:
    workerd, date = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "2026-11-30")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Origin)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        for flags in ([], ["fetch_redirect_error"]):
            print(f"== {date} {flags}")
            got = answers(workerd, origin, date, flags)
            for answer in got if isinstance(got, list) else [got]:
                print("  ", json.dumps(answer) if isinstance(answer, list) else answer)
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
