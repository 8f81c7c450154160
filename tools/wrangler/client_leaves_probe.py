"""Which error a response body's writer meets when its client leaves, by the moment it leaves (outside the test run).

The JavaScript twin of tests/test_dev_a_body_being_written_fails_as_workerds_when_its_client_leaves.py's
Worker, under ``wrangler dev`` (local workerd): ``waitUntil`` work writes 20 kB chunks to a
``TransformStream`` (or an ``IdentityTransformStream``, a ``FixedLengthStream``) with ``?pause=``
ms between writes (50 as the test's; 0: each write as soon as the last resolved), the Worker
answering with its readable side. A raw-socket client reads 60 kB, waits ``delay`` ms without
reading -- moments spread over the writer's 50 ms pause; 300 ms and more with a 4 kB receive
buffer, so that the body's pump is stuck in a socket write -- and closes. Printed: what the
writer's failed write rejected with (as ``${error}``; a JavaScript ``undefined`` is Python's
``Error: undefined``), whether its ``ready`` resolves, its ``desiredSize``, and which write
failed. By hand: ``?closed``, after 3 writes the writer waits for ``writer.closed`` (5 s at most);
``?hog=N``, a task does N rounds of arithmetic a turn of the loop (``SEEN[case-hog]``: how long a turn took).

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/client_leaves_probe.py [ROUNDS]

Measured 2026-12-05 (wrangler 4.164.0, workerd 1.20261117.1; flaky50), 3 rounds alone and 4 under
load ~10 (three busy Python loops beside): a writer pausing 50 ms fails a write with ``undefined``
whenever the client goes (84 of 84: its 6th, the 7th or 8th 3 times under load; ``ready``
resolves, ``desiredSize`` null; the 9th or 10th for a client that stalls 300 ms first), an internal stream's with ``Error: Network connection
lost.`` (``ready`` resolves, ``desiredSize`` 0); a writer with no pause gets ``TypeError: The
readable side of this TransformStream is no longer readable.`` and its ``ready`` rejects with it (21
of 21) -- its write was waiting when the pump, failing to send a chunk it had read, canceled the
body. With ``hog`` holding the loop 87 to 202 ms a turn (20 to 80 million rounds), the pausing
writer still fails its 6th write with ``undefined`` (16 of 16). A writer that stops writing after
3 chunks never hears of the client's going (``closed`` still pending after 5 s): workerd learns of
it only from a failed send. README: "A client's
hang-up is seen when its socket closes". Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import socket
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casediff import raw_get_json, wrangler_dev  # noqa: E402

JS_WORKER = """
const SEEN = {};
const CHUNK = new TextEncoder().encode("x".repeat(20000) + "\\n");
export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === "/seen") return new Response(JSON.stringify(SEEN));
    const key = url.searchParams.get("case");
    if (key === null) return new Response("ready");
    const pause = Number(url.searchParams.get("pause") ?? 50);
    const count = Number(url.searchParams.get("count") ?? 100);
    const untilClosed = url.searchParams.get("closed") !== null;  // after 3 writes: none until closed settles
    const hog = Number(url.searchParams.get("hog") ?? 0);  // a task holding the loop this many loop rounds of work a turn
    if (hog) {
      ctx.waitUntil((async () => {
        let x = 0;
        const began = Date.now();
        let turn = 0;
        for (; turn < 200 && !(key in SEEN); turn++) {
          for (let i = 0; i < hog; i++) x += i % 7;
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        SEEN[`${key}-hog`] = `${turn} turns of ${((Date.now() - began) / turn).toFixed(1)} ms (${x > 0})`;
      })());
    }
    const stream = path === "/transform" ? new TransformStream()
                 : path === "/identity" ? new IdentityTransformStream() : new FixedLengthStream(20001 * count);
    const writer = stream.writable.getWriter();
    ctx.waitUntil((async () => {
      for (let i = 0; i < count; i++) {
        if (untilClosed && i === 3) {
          const settled = await Promise.race([writer.closed.then(() => "closed resolves", (e) => `closed rejects ${e}`),
                                              new Promise((resolve) => setTimeout(() => resolve("closed pending after 5 s"), 5000))]);
          SEEN[key + "-closed"] = settled;
        }
        try {
          await writer.write(CHUNK);
        } catch (exc) {
          let ready;
          try { await writer.ready; ready = "resolves"; } catch (later) { ready = `rejects ${later}`; }
          SEEN[key] = `${exc}; ready ${ready}; desiredSize ${writer.desiredSize}; write ${i}`;
          return;
        }
        if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
      }
      SEEN[key] = "all written";
    })());
    return new Response(stream.readable);
  },
};
"""

#: (path, ms between writes, how many writes, ms the client waits after 60 kB, reading nothing);
#: a client that waits 300 ms or more has a 4 kB receive buffer, so that the buffers fill
CASES = ([("/transform", 50, 100, delay) for delay in (0, 5, 10, 20, 30, 40, 45, 48, 50, 52, 55, 70, 300)]
         + [(path, 50, 100, delay) for path in ("/identity", "/fixed") for delay in (0, 30)]
         + [(path, 0, 100_000, delay) for path in ("/transform", "/identity", "/fixed") for delay in (0, 30, 3000)])


def leave(port: int, path: str, pause: int, count: int, delay: int, key: str) -> None:
    """One client: ``GET path``, 60 kB read, then gone ``delay`` ms later."""
    client = socket.socket()
    if delay >= 300:
        client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    client.settimeout(10)
    client.connect(("127.0.0.1", port))
    client.sendall(f"GET {path}?case={key}&pause={pause}&count={count} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    received = 0
    while received < 60000:
        received += len(client.recv(65536))
    time.sleep(delay / 1000)
    client.close()


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    outcomes: dict[tuple[str, int, int, int], Counter[str]] = {case: Counter() for case in CASES}
    with wrangler_dev(JS_WORKER, "client-leaves", "2026-05-01") as session:
        port = urlsplit(session.url).port
        assert port is not None
        for round_ in range(rounds):
            for n, case in enumerate(CASES):
                leave(port, *case, f"{round_}-{n}")
                time.sleep(0.2)
        time.sleep(1)
        found = raw_get_json(port, "/seen", 10)
    for n, case in enumerate(CASES):
        for round_ in range(rounds):
            outcomes[case][found.get(f"{round_}-{n}", "(nothing seen)")] += 1
    for (path, pause, count, delay), counts in outcomes.items():
        for text, times in counts.items():
            print(f"{path:10} {count} writes {pause:2} ms apart, client gone {delay:4} ms after 60 kB: {times}x {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
