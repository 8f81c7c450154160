"""Probe (review77): what a caller's ``env.SVC.fetch()`` and ``env.SVC.<name>()`` reject with, for
the names leftovers50b's ``named_entrypoint_without_fetch_probe`` did not try. JavaScript twins
under ``wrangler dev`` 4.164.0 behind the proxy workerd's Python entrypoint wraps every exported
class in (``makeEntrypointProxyHandler`` of ``src/pyodide/python-entrypoint-helper.ts``: every
string name an async function that throws ``TypeError: Method <name> does not exist`` when
``typeof pyInstance[name] !== 'function'``); the inner object stands for the Python instance:
``NoFetch`` (an RPC method only), ``FetchNumber`` (``fetch = 5``), ``FetchGetter`` (a property
whose value is a function), ``FetchGetterThrows`` (a property whose getter raises).
Calls: ``fetch``; RPC to a missing name, a non-function attribute, ``env``/``ctx`` (the
``WorkerEntrypoint``'s own properties), reserved names (``alarm``, ``dup``, ``constructor``),
``toString``. Printed: each call's ``String(e)``, ``e.name``, ``e.remote``.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler \\
        python3 tools/wrangler/entrypoint_names_probe.py

Measured 2026-12-05 (4.164.0, 2026-05-01), each ``remote: true`` unless said: ``fetch`` of NoFetch
and FetchNumber ``TypeError: Method fetch does not exist``; FetchGetter answered 200; FetchGetterThrows
the getter's own error; RPC ``nope``/``limit`` ``TypeError: Method <name> does not exist``; ``env``/``ctx``
``TypeError: The RPC receiver does not implement the method "env".``; ``alarm``/``dup``/
``webSocketMessage`` ``TypeError: '<name>' is a reserved method and cannot be called over RPC.``;
``constructor`` ``TypeError: Illegal constructor`` (not remote); ``toString`` the caller's own
``[object Fetcher]``; ``connect`` the Fetcher's (``Failed to execute 'connect' on 'Fetcher'``, not
remote). /tmp/review77/names_ours.py-style Python twins answer the same since review77 but
``toString`` (an RPC call here) and ``connect`` (not emulated). An object default export
(what workerd exports for a Python Worker's module-level handlers), measured apart at 2025-06-01
and 2026-05-01: ``nope``/``env`` ``TypeError: The RPC receiver does not implement the method
"nope".``, ``scheduled()`` the wrong-number ``TypeError`` ("... you must always send exactly one
argument ..."), each ``remote: true``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casediff import run_under_wrangler_dev  # noqa: E402

WORKER = """
import { WorkerEntrypoint } from "cloudflare:workers";

class NoFetchInner { async reset(n) { return `reset ${n}`; } }
class FetchNumberInner { constructor() { this.fetch = 5; this.limit = 5; } }
class FetchGetterInner { get fetch() { return async () => new Response("from getter"); } }
class FetchGetterThrowsInner { get fetch() { throw new RangeError("getter failed"); } }

function proxied(target, inner) {
    return new Proxy(target, {
      get(target, prop, receiver) {
        if (typeof prop !== "string") return Reflect.get(target, prop, receiver);
        return async function (...args) {
          if (typeof inner[prop] !== "function") throw new TypeError(`Method ${prop} does not exist`);
          return inner[prop](...args);
        };
      },
    });
}

export class NoFetch extends WorkerEntrypoint {
  constructor(ctx, env) { super(ctx, env); return proxied(this, new NoFetchInner()); }
}
export class FetchNumber extends WorkerEntrypoint {
  constructor(ctx, env) { super(ctx, env); return proxied(this, new FetchNumberInner()); }
}
export class FetchGetter extends WorkerEntrypoint {
  constructor(ctx, env) { super(ctx, env); return proxied(this, new FetchGetterInner()); }
}
export class FetchGetterThrows extends WorkerEntrypoint {
  constructor(ctx, env) { super(ctx, env); return proxied(this, new FetchGetterThrowsInner()); }
}

export default {
  async fetch(request, env) {
    if (request.method === "GET") return new Response("ready");
    const out = [];
    for (const [binding, name] of await request.json()) {
      try {
        if (name === "fetch") {
          const r = await env[binding].fetch("http://x/a");
          out.push([binding, name, "answered", r.status, await r.text()]);
        } else {
          out.push([binding, name, "answered", String(await env[binding][name]())]);
        }
      } catch (e) {
        out.push([binding, name, String(e), e.name, e.remote ?? null]);
      }
    }
    return Response.json(out);
  },
};
"""

BINDINGS = ("NoFetch", "FetchNumber", "FetchGetter", "FetchGetterThrows")
CONFIG = "".join(f'\n[[services]]\nbinding = "{b.upper()}"\nservice = "{{name}}"\nentrypoint = "{b}"\n'
                 for b in BINDINGS)
CALLS = [[b.upper(), "fetch"] for b in BINDINGS] + [
    ["NOFETCH", name] for name in ("reset", "nope", "env", "ctx", "alarm", "dup", "constructor", "toString",
                                   "webSocketMessage", "connect")] + [["FETCHNUMBER", "limit"]]

if __name__ == "__main__":
    for date in ("2026-05-01",):
        name = "entrypoint-names"
        answer = run_under_wrangler_dev(WORKER, name, date, CALLS, extra_config=CONFIG.format(name=name))
        for row in answer:
            print(date, json.dumps(row))
