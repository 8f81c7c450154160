"""Probe (leftovers50b): what a caller's ``env.SVC.fetch(...)`` rejects with when the service is a
named entrypoint class without ``fetch``. JavaScript twin classes under ``wrangler dev`` 4.164.0, each
bound to the Worker itself (``[[services]] entrypoint = ...``): ``Plain``, a ``WorkerEntrypoint``
with only an RPC method, and ``Proxied``, the same class behind the proxy workerd's Python
entrypoint wraps every exported class in (``makeEntrypointProxyHandler`` of
``src/pyodide/python-entrypoint-helper.ts``: every name a function that throws
``TypeError: Method <name> does not exist`` when the Python instance lacks it; ``on_fetch`` before
``python_no_global_handlers``; ``LegacyProxied``), and ``Legacy``, whose fetch throws what a module
without ``on_fetch`` throws (``makeHandler``'s ``PythonUserError``, src/pyodide/internal/util.ts). Printed: the caller's ``String(e)``, ``e.name``, ``e.remote`` and
``Object.keys(e)`` at a date before and after ``enhanced_error_serialization`` (2026-04-21).

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler \\
        python3 tools/wrangler/named_entrypoint_without_fetch_probe.py

Measured 2026-12-05 (4.164.0), at both dates: Plain ``Error: Handler does not export a
fetch() function.``; Proxied ``TypeError: Method fetch does not exist`` and LegacyProxied
``TypeError: Method on_fetch does not exist`` -- each ``remote: true``, its only own key; Legacy
(workerd's ``PythonUserError``, its name a getter) ``Error: Python entrypoint "entry.py" does not
export a handler named "on_fetch"`` at 2025-11-02 (the getter skipped), ``PythonUserError: ...``
with ``name`` an own key at 2026-05-01 (``enhanced_error_serialization``).
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

export class Plain extends WorkerEntrypoint {
  async reset(n) { return `reset ${n}`; }
}

class Inner { async reset(n) { return `reset ${n}`; } }

function proxied(target, legacy) {
    const inner = new Inner();
    return new Proxy(target, {
      get(target, prop, receiver) {
        if (typeof prop !== "string") return Reflect.get(target, prop, receiver);
        if (legacy && (prop === "fetch" || prop === "connect")) prop = "on_" + prop;
        return async function (...args) {
          if (typeof inner[prop] !== "function") throw new TypeError(`Method ${prop} does not exist`);
          return inner[prop](...args);
        };
      },
    });
}

export class Proxied extends WorkerEntrypoint {
  constructor(ctx, env) { super(ctx, env); return proxied(this, false); }
}

class PythonUserError extends Error {  // src/pyodide/internal/util.ts's
  get name() { return this.constructor.name; }
}

export class Legacy extends WorkerEntrypoint {  // makeHandler("on_fetch") of a module without it
  async fetch() {
    throw new PythonUserError('Python entrypoint "entry.py" does not export a handler named "on_fetch"');
  }
}

export class LegacyProxied extends WorkerEntrypoint {
  constructor(ctx, env) { super(ctx, env); return proxied(this, true); }
}

export default {
  async fetch(request, env) {
    if (request.method === "GET") return new Response("ready");
    const out = [];
    for (const name of ["PLAIN", "PROXIED", "LEGACY_PROXIED", "LEGACY"]) {
      try {
        const r = await env[name].fetch("http://x/a");
        out.push([name, "answered", r.status, await r.text()]);
      } catch (e) {
        out.push([name, String(e), e.name, e.remote, Object.keys(e), e.constructor.name]);
      }
    }
    return Response.json(out);
  },
};
"""

CONFIG = """
[[services]]
binding = "PLAIN"
service = "{name}"
entrypoint = "Plain"

[[services]]
binding = "PROXIED"
service = "{name}"
entrypoint = "Proxied"

[[services]]
binding = "LEGACY_PROXIED"
service = "{name}"
entrypoint = "LegacyProxied"

[[services]]
binding = "LEGACY"
service = "{name}"
entrypoint = "Legacy"
"""

if __name__ == "__main__":
    for date in ("2025-11-02", "2026-05-01"):
        name = "named-nofetch"
        config = CONFIG.format(name=name)  # LEGACY_PROXIED: the proxy as before the flag (on_fetch)
        answer = run_under_wrangler_dev(WORKER, name, date, [], extra_config=config)
        for row in answer:
            print(date, json.dumps(row))
