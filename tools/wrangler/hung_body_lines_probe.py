"""What ``wrangler dev`` prints when the hang check ends a response body (leftovers52): a JavaScript
twin answering ``/its0`` with an ``IdentityTransformStream`` (highWaterMark 0) written in
``waitUntil`` by a loop awaiting ``writer.ready`` (replaced at each write, so awaited in vain),
``/idle`` with one nothing writes, and ``/pull`` with a ``ReadableStream`` whose ``pull``
enqueues nothing. Prints the ``✘`` lines of each request.

Measured 2026-12-06 with 4.164.0: ``/its0`` two ``Uncaught Error: The Workers runtime canceled
this request ...`` lines (the ``waitUntil``'s, with the event's copy), then ``Uncaught exception:
workerd/io/io-context.c++:2052: failed: remote.jsg.Error: The Workers runtime canceled ...``;
``/idle`` and ``/pull`` one ``Uncaught Error`` line, then that one. 4.168.0 (devprobes69): the same
lines but ``io-context.c++:2067``
(``tests/test_dev_a_hung_response_body_prints_workerds_lines.py``,
``tests/test_runtime_pull_source_stream_hangs_as_the_other_streams.py``).

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/hung_body_lines_probe.py

Not collected by pytest (needs Node and wrangler).
"""
import http.client
import re
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import casediff

WORKER = """export default {
  async fetch(request, env, ctx) {
    const path = new URL(request.url).pathname;
    if (path === "/") return new Response("ready");
    const t = new IdentityTransformStream({ highWaterMark: 0 });
    if (path === "/idle") return new Response(t.readable);
    if (path === "/pull") return new Response(new ReadableStream({ pull(controller) {} }));
    const w = t.writable.getWriter();
    ctx.waitUntil((async () => {
      for (let i = 0; i < 20; i++) { await w.ready; w.write(new TextEncoder().encode(String(i).padStart(2, "0") + ",")); }
      await w.close();
    })());
    return new Response(t.readable);
  },
};
"""


def main() -> int:
    with casediff.wrangler_dev(WORKER, "hung", "2026-05-01") as dev:
        for path in ("its0", "idle", "pull"):
            mark = len(dev.log.read_text())
            try:
                with urllib.request.urlopen(dev.url + path, timeout=30) as r:
                    r.read()
            except http.client.IncompleteRead:
                pass
            time.sleep(3)
            printed = re.sub(r"\x1b\[[0-9;]*m", "", dev.log.read_text()[mark:])
            print(f"== /{path}")
            print("\n".join(line for line in printed.splitlines() if line.startswith("✘")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
