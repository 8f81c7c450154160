"""How many event-loop turns a Fetcher's ``get``/``put``/``delete`` (before 2024-03-26) take in
workerd, set against its ``fetch`` (outside the test run): a JavaScript Worker under ``wrangler
dev`` (local workerd) whose ``SVC`` is itself, a task awaiting each call twice beside one counting
``setTimeout(0)`` turns (what Pyodide's ``asyncio.sleep(0)`` and a task's wakeup are in workerd:
pyodide's ``scheduleCallback`` outside Node and browsers), three times each. (A Python Worker
cannot run under this workerd offline: it fetches its Pyodide bundle from the network.)

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler \\
        WRANGLER_SEND_METRICS=false PYTHONPATH=$PWD python3 tools/wrangler/fetcher_shortcut_turns_probe.py

Measured 2026-12-06 (leftovers58), wrangler 4.164.0: every call -- ``fetch``, ``fetch`` then
``text()``, ``get`` (text, arrayBuffer, stream), a 404's and a 500's ``get``, ``put``, ``delete``,
``Promise.resolve`` -- ``a1 c0 a2 a3`` all three times: the answer and its body read settle before one
0 ms timer, so no shortcut takes a turn its ``fetch`` does not. workers-env (after leftovers58):
each shortcut's order in a Python Worker equals its ``fetch``'s, 1 turn (a binding you supply)
and 4 (another Worker): tests/test_runtime_fetcher_shortcuts_take_the_loop_turns_of_its_fetch.py.
Not collected by pytest.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import casediff  # noqa: E402

JS = r'''
const tick = () => new Promise(r => setTimeout(r, 0));
export default {
  async fetch(request, env) {
    const u = new URL(request.url);
    if (u.pathname.startsWith("/s/")) {
      const status = u.pathname.endsWith("404") ? 404 : u.pathname.endsWith("500") ? 500 : 200;
      return new Response("x", {status});
    }
    if (request.method !== "POST") return new Response("ready");
    const calls = {
      fetch: () => env.SVC.fetch("http://b/s/200"),
      "fetch text": async () => (await env.SVC.fetch("http://b/s/200")).text(),
      get: () => env.SVC.get("http://b/s/200"),
      "get arrayBuffer": () => env.SVC.get("http://b/s/200", "arrayBuffer"),
      "get stream": () => env.SVC.get("http://b/s/200", "stream"),
      "get 404": () => env.SVC.get("http://b/s/404"),
      "get 500": () => env.SVC.get("http://b/s/500"),
      put: () => env.SVC.put("http://b/s/200", "body"),
      delete: () => env.SVC.delete("http://b/s/200"),
      "Promise.resolve": () => Promise.resolve(1),
    };
    const out = {};
    for (const [name, call] of Object.entries(calls)) {
      const seen = new Set();
      for (let rep = 0; rep < 3; rep++) {
        const log = [];
        let done = false;
        const task = (async () => {
          log.push("a1");
          for (const n of [2, 3]) { try { await call(); } catch (e) { log.push("E"); } log.push("a" + n); }
          done = true;
        })();
        const counter = (async () => { for (let i = 0; i < 40 && !done; i++) { log.push("c" + i); await tick(); } })();
        await Promise.all([task, counter]);
        seen.add(log.join(" "));
      }
      out[name] = [...seen];
    }
    return Response.json(out);
  },
};
'''


def main() -> int:
    got = casediff.run_under_wrangler_dev(JS, "shortcut-turns", "2024-03-25", [],
                                          extra_config='[[services]]\nbinding = "SVC"\nservice = "shortcut-turns"\n')
    for name, orders in got.items():
        print(f"workerd  {name:16} {' | '.join(orders)}")
    fetch = got["fetch"]
    apart = [name for name, orders in got.items() if orders != fetch and not name.endswith("500")]
    print("calls whose order is not fetch's:", apart or "none")
    return 1 if apart else 0


if __name__ == "__main__":
    raise SystemExit(main())
