"""What workerd passes a class entrypoint's handlers: ``fetch``, ``scheduled``, ``queue`` and
``email`` of ``class extends WorkerEntrypoint``, each declared ``(...args)``, report how many
arguments they got and what the ones after the first are (outside the test run).

workerd's ``worker.c++`` sets a class entrypoint's handler ``env`` and ``ctx`` to ``undefined``
("we want the handler methods to act like they take just one parameter") and still calls each
event's handler with three arguments; a Python ``Default`` class's method is then called by
``introspection.py``'s ``wrapper_func`` with all three (``None`` for the two), strictly but for
``fetch``. Measured here: ``fetch``, ``scheduled`` and ``queue`` get 3 (``undefined`` twice);
Miniflare's ``email`` (``/cdn-cgi/handler/email``) calls it with the message alone.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/class_handler_arguments_probe.py

Not collected by pytest (needs Node and wrangler).
"""
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
import casediff
JS = r'''
import { WorkerEntrypoint } from "cloudflare:workers";
let seen = {};
const describe = (args) => [args.length, ...Array.from(args).slice(1).map((a) => a === undefined ? "undefined" : typeof a)];
export default class extends WorkerEntrypoint {
  async fetch(request, ...rest) {
    const url = new URL(request.url);
    if (url.pathname === "/send") { await this.env.Q.send("m"); return new Response("sent"); }
    if (url.pathname === "/seen") return Response.json(seen);
    seen.fetch = describe([request, ...rest]);
    return new Response("ready");
  }
  async scheduled(...args) { seen.scheduled = [describe(args), typeof this.env, typeof this.ctx]; }
  async queue(...args) { seen.queue = [describe(args), typeof this.env, typeof this.ctx]; args[0].ackAll(); }
  async email(...args) { seen.email = [describe(args), typeof this.env, typeof this.ctx]; }
}
'''
EXTRA = '''
[[queues.producers]]
binding = "Q"
queue = "q"
[[queues.consumers]]
queue = "q"
max_batch_timeout = 1
'''
with casediff.wrangler_dev(JS, "argprobe", "2026-09-28", extra_config=EXTRA) as s:
    base = s.url
    def get(path, data=None, headers={}):
        req = urllib.request.Request(base.rstrip("/") + path, data=data, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, r.read().decode()[:300]
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()[:300]
    print(get("/"))
    print(get("/cdn-cgi/handler/scheduled"))
    print(get("/send"))
    eml = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\nMessage-ID: <1@example.com>\r\n\r\nhi\r\n"
    print(get("/cdn-cgi/handler/email?from=a@example.com&to=b@example.com", data=eml, headers={"Content-Type": "message/rfc822"}))
    time.sleep(4)
    print(get("/seen"))
