"""How deep a ``json`` queue message ``wrangler dev`` sends and delivers: a JavaScript Worker
producing to a queue it consumes (one message a batch) sends arrays, objects or both in turn
(``arr``, ``obj``, ``mix``) nested N levels (``send``, ``batch`` for ``sendBatch``, ``v8`` for a
``send`` of content type ``v8``), ``JSON.stringify``s or ``JSON.parse``s or ``structuredClone``s
(``clone``) them, and prints each outcome, then the depths its consumer got. Measured 2026-12-05
(wrangler 4.164.0, leftovers47): 5,028 levels sent, 5,029 on refused with ``RangeError: Maximum
call stack size exceeded``, arrays and objects, ``send`` and ``sendBatch`` alike; the consumer got
3,360 levels of arrays and 2,000 of objects, failing from 3,400 and 2,500. Under wrangler 4.168.0
(2026-12-07, wprobes69): ``json`` 4,303 levels of arrays sent, 4,304 refused, objects 3,346 and
3,347, ``mix`` 3,765 and 3,770; ``v8`` arrays 2,087 and 2,088, objects 3,782 and 3,784, ``mix``
about 2,690; ``clone`` arrays 2,090 and 2,091, objects about 1,890 and 1,895, ``mix`` about 2,475;
the consumer got 2,000 levels of arrays and 1,000 of objects, failing at 3,000 and 2,000. A border
moves by a level or three between runs. With ``MINIFLARE_WORKERD_PATH`` = workerd 1.20261201.1 (V8
15.9; 2026-12-08, wd70): ``json`` arrays 4,297 and 4,298, objects 3,342 and 3,343, ``mix`` 3,760 and
3,761; ``v8`` 2,629 and 2,630 of arrays, objects or ``mix`` alike; ``clone`` arrays 2,086 and 2,087,
objects 2,630-2,631 and 2,631-2,632, ``mix`` 2,327 and 2,328. Not collected by pytest.

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler168 python3 tools/wrangler/queue_json_depth_probe.py \
        '[[4303, "arr", "send"], [3347, "obj", "batch"], [2088, "arr", "v8"], [20000, "arr", "stringify"]]'
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import queue_probe  # noqa: E402
from casediff import wrangler_dev  # noqa: E402

#: queue_probe's queues (``Q`` produced and consumed here), one message a batch
CONFIG = queue_probe.CONFIG + "max_batch_size = 1\n"

JS = r'''
let got = [];
function nested(n, kind) { let v = 0; for (let i = 0; i < n; i++) v = kind === "obj" || (kind === "mix" && i % 2) ? {a: v} : [v]; return v; }
function depth(v) { let d = 0; while (typeof v === "object" && v !== null) { v = Array.isArray(v) ? v[0] : v.a; d++; } return d; }
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (request.method === "GET") return url.pathname === "/got" ? Response.json(got) : new Response("ready");
    const out = [];
    for (const [n, kind, how] of await request.json()) {
      try {
        const v = nested(n, kind);
        if (how === "stringify") { const s = JSON.stringify(v); out.push([n, kind, how, "ok", s.length]); continue; }
        if (how === "parse") { const s = "[".repeat(n) + "]".repeat(n); JSON.parse(s); out.push([n, kind, how, "ok"]); continue; }
        if (how === "clone") { structuredClone(v); out.push([n, kind, how, "ok"]); continue; }
        if (how === "v8") { await env.Q.send(v, {contentType: "v8"}); out.push([n, kind, how, "ok"]); continue; }
        if (how === "batch") await env.Q.sendBatch([{body: v}]); else await env.Q.send(v, how === "text" ? {contentType: "json"} : undefined);
        out.push([n, kind, how, "ok"]);
      } catch (e) { out.push([n, kind, how, "error", `${e.name}: ${e.message}`]); }
    }
    return Response.json(out);
  },
  async queue(batch) { for (const m of batch.messages) got.push(depth(m.body)); },
};
'''


def main(cases: list[list]) -> None:
    with wrangler_dev(JS, "queue-json-depth", "2026-11-01", extra_config=CONFIG) as dev:
        for row in dev.post(cases):
            print(json.dumps(row))
        time.sleep(4)
        print("delivered", queue_probe.urlopen_text(dev.url + "got"))
        print("log", json.dumps([line for line in dev.log.read_text().splitlines() if "rror" in line or "QUEUE" in line][-20:]))


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
