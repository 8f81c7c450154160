"""What ``console.log`` prints of the stub of a function another Worker's RPC method returned, and
of one of its RPC properties (audit32): a JavaScript twin under ``wrangler dev`` (local workerd),
the callee an entrypoint of the same Worker (a service binding to itself), its log lines read back.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler \
        WRANGLER_SEND_METRICS=false python3 tools/wrangler/rpc_stub_console_probe.py [dates]

Measured with wrangler 4.164.0 (workerd 1.20261117.1) at 2026-05-01: ``STUB1 RpcStub {}`` (a named
function's stub), ``STUB2 RpcStub {}`` (an arrow function's), ``PROP RpcProperty {}``, ``LIST [
RpcStub {} ]``. Not collected by pytest.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casediff import wrangler_dev  # noqa: E402

WORKER = r"""
import { WorkerEntrypoint } from "cloudflare:workers";
function timesTen(x) { return x * 10; }
export class Api extends WorkerEntrypoint {
  async give() { return timesTen; }
  async giveArrow() { return (x) => x * 10; }
}
export default {
  async fetch(request, env) {
    if (request.method === "GET") return new Response("ready");
    const f = await env.API.give();
    const g = await env.API.giveArrow();
    console.log("STUB1", f);
    console.log("STUB2", g);
    console.log("PROP", f.anything);
    console.log("LIST", [f]);
    return Response.json(["done"]);
  }
};
"""
CONFIG = '\n[[services]]\nbinding = "API"\nservice = "{name}"\nentrypoint = "Api"\n'


def main() -> None:
    for date in sys.argv[1:] or ["2026-05-01"]:
        name = "stubconsole-probe"
        with wrangler_dev(WORKER, name, date, extra_config=CONFIG.format(name=name)) as session:
            session.post([])
            time.sleep(1.5)  # (the log lines reach the file)
            lines = [line for line in session.log.read_text().splitlines() if line.startswith(("STUB", "PROP", "LIST"))]
        print(date, *lines, sep="\n")


if __name__ == "__main__":
    main()
