"""What a Durable Object stub has beside an RPC method of any name (outside the test run): its own
properties and each prototype's up the chain -- what Pyodide's ``dir()`` of its proxy walks
(``JsProxy_Dir``) -- ``Object.keys``, and ``id``/``name`` for a stub from ``get(idFromName(n))``,
``getByName(n)``, ``get(newUniqueId())`` and ``get(idFromString(...))``, in a JavaScript Worker under
``wrangler dev`` (local workerd), at 2024-03-25 (before ``fetcher_no_get_put_delete``) and
2025-09-01. workerd's ``src/workerd/api/actor.h``: ``DurableObject`` is ``JSG_INHERIT(Fetcher)``
with ``JSG_READONLY_INSTANCE_PROPERTY(id, getId)`` and ``(name, getName)``
(tests/test_runtime_durable_object_stub_has_fetchers_names_and_id.py).

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler \
        WRANGLER_SEND_METRICS=false python3 tools/wrangler/durable_object_stub_names_probe.py

Measured with wrangler 4.164.0 (workerd 1.20261117.1), 2026-12-06. Not collected by pytest.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casediff import run_under_wrangler_dev

WORKER = r"""
import { DurableObject } from "cloudflare:workers";
export class Obj extends DurableObject { async fetch() { return new Response("hi"); } }
function chain(o) {
  const levels = [];
  for (let p = o; p; p = Object.getPrototypeOf(p)) {
    levels.push([p.constructor && p.constructor.name, Object.getOwnPropertyNames(p).sort()]);
  }
  return levels;
}
function show(v) {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "object") return [Object.prototype.toString.call(v), v.constructor.name, String(v), v.name];
  return [typeof v, v];
}
export default {
  async fetch(request, env) {
    if (request.method === "GET") return new Response("ready");
    const ns = env.DO;
    const makers = {
      idFromName: () => ns.get(ns.idFromName("room")),
      getByName: () => ns.getByName("room"),
      newUniqueId: () => ns.get(ns.newUniqueId()),
      idFromString: () => ns.get(ns.idFromString(ns.idFromName("room").toString())),
    };
    const out = {};
    for (const [how, make] of Object.entries(makers)) {
      try {
        const stub = make();
        const forIn = []; for (const x in stub) forIn.push(x);
        const d = Object.getOwnPropertyDescriptor(stub, "id");
        out[how] = {
          chain: chain(stub), keys: Object.keys(stub), forIn, id: show(stub.id), name: show(stub.name),
          sameId: stub.id === stub.id, descriptor: d ? [d.enumerable, d.writable, typeof d.get] : null,
        };
      } catch (e) { out[how] = `${e.name}: ${e.message}`; }
    }
    out.idChain = chain(ns.idFromName("room"));
    return Response.json(out);
  }
};
"""

CONFIG = """no_bundle = true
[[durable_objects.bindings]]
name = "DO"
class_name = "Obj"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Obj"]
"""


def main() -> None:
    for date in ("2024-03-25", "2025-09-01"):
        print(date)
        print(json.dumps(run_under_wrangler_dev(WORKER, "dostub-probe", date, [], extra_config=CONFIG), indent=1))


if __name__ == "__main__":
    main()
