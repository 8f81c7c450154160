"""What a caller sees on the stub of a function another Worker's RPC method returned (review85):
JavaScript twins under ``wrangler dev`` (local workerd), the callee an entrypoint of the same Worker
(a service binding to itself). For each name: ``typeof`` and ``Object.prototype.toString`` of
``f[name]``, its call (an RPC property called as ``f[name](3)``; a prototype method with ``f`` as
``this``) and, for a thenable, what awaiting it gives; the stub's prototype chain and own keys;
nested results (an array of objects holding functions).

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler \
        WRANGLER_SEND_METRICS=false python3 tools/wrangler/rpc_function_stub_properties_probe.py [dates]

Measured with wrangler 4.164.0 (workerd 1.20261117.1) at 2026-05-01, 2026-12-06: the stub's chain
is ``[constructor, dup]`` then ``Object.prototype``'s, no own keys, ``then`` undefined; every other
name (``anything``, ``name``, ``length``, ``call``, ``apply``, ``bind``, ``prototype``, ``alarm``,
``fetch``) a ``[object JsRpcProperty]``, ``typeof`` function, thenable. Called or awaited, a name the
callee function does not own is ``TypeError: The RPC receiver does not implement the method "x".``
(``remote: true``; ``f.a.b(1)`` names ``a``); an own one awaited is its value (``name``
``"timesTen"``, ``length`` 1, ``extra`` 7, a function property a stub), called, if no function,
``TypeError: "name" is not a function.``. ``String(f)`` is ``[object JsRpcStub]``, ``String(f.x)``
``[object JsRpcProperty]``; nested functions are callable stubs. ``dup`` (``dupText``, ffi56, 2026-05-01):
``String(f.dup)`` ``function dup() { [native code] }``, ``name`` ``dup``, ``length`` 0, ``f.dup === f.dup``.
Not collected by pytest.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casediff import run_under_wrangler_dev  # noqa: E402

WORKER = r"""
import { WorkerEntrypoint, RpcTarget } from "cloudflare:workers";
function timesTen(x) { return x * 10; }
timesTen.extra = 7;
timesTen.method = function (y) { return y + 1; };
export class Api extends WorkerEntrypoint {
  async give() { return timesTen; }
  async giveArrow() { return (x) => x * 10; }
  async giveNested() { return [{ f: (x) => x * 10, n: 1 }, { fs: [(x) => x * 2] }]; }
}
function show(v) {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  const t = typeof v;
  if (t === "function" || t === "object") {
    let ctor; try { ctor = v.constructor && v.constructor.name; } catch (e) { ctor = "throws " + e; }
    if (typeof ctor !== "string") ctor = typeof ctor;
    return [t, Object.prototype.toString.call(v), ctor, typeof v.then];
  }
  return [t, v];
}
async function settle(p) {
  try { const v = await p; return ["ok", show(v)]; }
  catch (e) { return ["err", String(e), e.name, e.remote ?? null]; }
}
function chain(o) {
  const levels = [];
  for (let p = Object.getPrototypeOf(o); p; p = Object.getPrototypeOf(p)) levels.push(Object.getOwnPropertyNames(p).sort());
  return levels;
}
export default {
  async fetch(request, env) {
    if (request.method === "GET") return new Response("ready");
    const out = {};
    for (const how of ["give", "giveArrow"]) {
      const f = await env.API[how]();
      const r = { typeof: typeof f, chain: chain(f), own: Object.getOwnPropertyNames(f), keys: Object.keys(f) };
      for (const name of ["anything", "name", "length", "extra", "method", "then", "dup", "toString", "constructor", "valueOf", "hasOwnProperty", "prototype", "call", "apply", "bind"]) {
        let v; try { v = f[name]; } catch (e) { r[name] = "get throws " + e; continue; }
        r[name] = { read: show(v) };
        if (typeof v === "function") r[name].call = await settle((async () => Object.prototype.toString.call(v) === "[object JsRpcProperty]" ? v(3) : Function.prototype.call.call(v, f, 3))());
        if (v && typeof v.then === "function") r[name].awaited = await settle(v);
      }
      r.called = await settle(f(4));
      r.dupText = [String(f.dup), f.dup.name, f.dup.length, Function.prototype.toString.call(f.dup), f.dup === f.dup];
      out[how] = r;
    }
    const nested = await env.API.giveNested();
    out.nested = [show(nested[0].f), await settle(nested[0].f(2)), show(nested[1].fs[0]), await settle(nested[1].fs[0](3))];
    return Response.json(out);
  }
};
"""
CONFIG = '\n[[services]]\nbinding = "API"\nservice = "{name}"\nentrypoint = "Api"\n'


def main() -> None:
    for date in sys.argv[1:] or ["2026-05-01"]:
        name = "stubprops-probe"
        print(date, json.dumps(run_under_wrangler_dev(WORKER, name, date, [], extra_config=CONFIG.format(name=name)),
                               indent=1))


if __name__ == "__main__":
    main()
