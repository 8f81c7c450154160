"""Which error a response body's writer meets when its client leaves, under ``wrangler dev`` and
under ``workers-env dev`` (outside the test run).

A JavaScript Worker under ``wrangler dev`` (local workerd) and its Python twin under ``workers-env
dev`` (the tree on ``PYTHONPATH``) answer with a body fed 20 kB chunks: ``waitUntil`` work writing
to a ``TransformStream`` (``/transform``), an ``IdentityTransformStream`` (``/identity``), a
``FixedLengthStream`` (``/fixed``); a ``ReadableStream`` whose ``pull`` enqueues one (``/pull``);
an async generator's chunks each written as it comes (``/generator``: in Python a raw ASGI app
through the SDK's bridge, workers-runtime-sdk 1.9.5) -- ``pause`` 50 ms between writes, or none
(each write as soon as the last resolved). A raw-socket client leaves ``early`` (once the first
body bytes are in), ``late`` (30 ms after 60 kB) or ``stalled`` (300 ms after 60 kB read through a 4
kB receive buffer, reading nothing: the buffers fill). Printed per case and side: what the
writer's failed write rejected with (as ``${error}``; Python's ``Error: undefined`` and ``None``
written as JavaScript's ``undefined``), whether its ``ready`` resolves, its ``desiredSize``, and
which write failed (``[#a-b]``; a ``pull`` source: which pull came last before ``cancel``).
``--sweep``: flaky50's moments spread over a pausing writer's 50 ms. By hand, JavaScript side:
``?closed``, after 3 writes the writer waits for ``writer.closed`` (5 s at most); ``?hog=N``, a
task does N rounds of arithmetic a turn of the loop (``SEEN[case-hog]``: how long a turn took).

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler PYTHONPATH=$PWD python3 tools/wrangler/client_leaves_probe.py [ROUNDS] [--side both|wrangler|ours] [--sweep]

Measured 2026-12-05 (wrangler 4.164.0, workerd 1.20261117.1), 10 rounds a side (hangup51): under
wrangler every case gave one outcome 10 of 10 -- a pausing writer ``undefined`` (``ready``
resolves, ``desiredSize`` null), an internal stream's ``Error: Network connection lost.`` (``ready``
resolves, ``desiredSize`` 0), a pull source ``cancel(undefined)``, a ``TransformStream`` writer
with no pause ``TypeError: The readable side of this TransformStream is no longer readable.`` with
its ``ready`` rejecting so (also through the generator). workers-env dev at main (b77f8051):
the pausing writers alike, the no-pause ``TransformStream`` writers mixed (``undefined`` 22 of 30,
the ``TypeError`` 8, ``ready`` resolving in all) and the no-pause generator likewise (21 and 9);
since hangup51 every case as wrangler's, 300 of 300. The failing write is a write or so later
under wrangler (a pausing writer's 3rd-4th / 6th / 10th-11th for early / late / stalled, the 3rd /
5th-6th / 10th-11th here). workerd hears of the client only when its body pump fails to send a
chunk it read (standard.c++ ``pumpToImpl``), after the code that read woke has run: a writer that
writes again at once has that write in flight. flaky50, before: a writer pausing 50 ms failed with
``undefined`` whenever in its pause the client went (84 of 84, 48 under load ~10; 16 of 16 with
``hog`` holding the loop 87 to 202 ms a turn), and one that stops writing never hears of the
client (``closed`` still pending after 5 s). Not collected by pytest (needs Node and wrangler's
node_modules).
"""

from __future__ import annotations

import argparse
import re
import socket
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casediff import raw_get_json, workers_env_dev, wrangler_dev  # noqa: E402

JS_WORKER = """
const SEEN = {};
const CHUNK = new TextEncoder().encode("x".repeat(20000) + "\\n");
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const said = (e) => (e === undefined ? "undefined" : `${e}`);
async function* chunks(count, pause) {
  for (let i = 0; i < count; i++) {
    yield CHUNK;
    if (pause) await sleep(pause);
  }
}
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
    if (path === "/pull") {  // a ReadableStream whose pull enqueues a chunk (after the pause)
      let pulls = 0;
      return new Response(new ReadableStream({
        async pull(controller) { if (pause) await sleep(pause); controller.enqueue(CHUNK); pulls++; },
        cancel(reason) { SEEN[key] = `cancel ${said(reason)}; pull ${pulls}`; },
      }));
    }
    const stream = path === "/identity" ? new IdentityTransformStream()
                 : path === "/fixed" ? new FixedLengthStream(20001 * count) : new TransformStream();
    const writer = stream.writable.getWriter();
    if (path === "/generator") {  // an async generator's chunks, each written as it comes (as an ASGI app's sends)
      ctx.waitUntil((async () => {
        let i = 0;
        try {
          for await (const chunk of chunks(count, pause)) { await writer.write(chunk); i++; }
        } catch (exc) { SEEN[key] = `${said(exc)}; write ${i}`; return; }
        SEEN[key] = "all written";
      })());
      return new Response(stream.readable);
    }
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
          try { await writer.ready; ready = "resolves"; } catch (later) { ready = `rejects ${said(later)}`; }
          SEEN[key] = `${said(exc)}; ready ${ready}; desiredSize ${writer.desiredSize}; write ${i}`;
          return;
        }
        if (pause) await sleep(pause);
      }
      SEEN[key] = "all written";
    })());
    return new Response(stream.readable);
  },
};
"""

#: the Python twin of :data:`JS_WORKER` for ``workers-env dev`` (no ``hog``, no ``closed``): what it
#: records is written as the JavaScript one writes it (``Error: undefined`` as ``undefined``, ``None``
#: as ``undefined``, a null ``desiredSize`` as ``null``); its ``/generator`` is a raw ASGI app
#: iterating an async generator through the SDK's bridge (workers-runtime-sdk 1.9.5)
PY_WORKER = """
import asyncio
import json
from urllib.parse import parse_qs, urlparse

import asgi
import js
from js import FixedLengthStream, IdentityTransformStream, ReadableStream, TextEncoder, TransformStream
from pyodide.ffi import create_proxy, to_js
from workers import Response, WorkerEntrypoint

SEEN = {}
CHUNK = TextEncoder.new().encode("x" * 20000 + "\\n")
RAW = b"x" * 20000 + b"\\n"


def said(error):
    text = "undefined" if error is None else str(error)
    return "undefined" if text == "Error: undefined" else text


def size(value):
    return "null" if value is None or str(value) == "jsnull" else str(value)


def asked(query):
    fields = parse_qs(query)
    return fields["case"][0], int(fields.get("pause", ["50"])[0]), int(fields.get("count", ["100"])[0])


async def chunks(count, pause):
    for _ in range(count):
        yield RAW
        if pause:
            await asyncio.sleep(pause / 1000)


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            await send({"type": message["type"] + ".complete"})
            if message["type"] == "lifespan.shutdown":
                return
    key, pause, count = asked(scope["query_string"].decode())
    await send({"type": "http.response.start", "status": 200, "headers": []})
    written = 0
    try:
        async for chunk in chunks(count, pause):
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
            written += 1
    except Exception as exc:
        SEEN[key] = f"{said(exc)}; write {written}"
        return
    SEEN[key] = "all written"


async def produce(key, writer, pause, count):
    for i in range(count):
        try:
            await writer.write(CHUNK)
        except Exception as exc:
            try:
                await writer.ready
                ready = "resolves"
            except Exception as later:
                ready = f"rejects {said(later)}"
            SEEN[key] = f"{said(exc)}; ready {ready}; desiredSize {size(writer.desiredSize)}; write {i}"
            return
        if pause:
            await asyncio.sleep(pause / 1000)
    SEEN[key] = "all written"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        url = urlparse(request.url)
        if url.path == "/seen":
            return Response(json.dumps(SEEN))
        if not url.query:
            return Response("ready")
        if url.path == "/generator":
            return await asgi.fetch(app, request, self.env, self.ctx)
        key, pause, count = asked(url.query)
        if url.path == "/pull":
            pulls = [0]

            async def pull(controller):
                if pause:
                    await asyncio.sleep(pause / 1000)
                controller.enqueue(CHUNK)
                pulls[0] += 1

            def cancel(reason):
                SEEN[key] = f"cancel {said(reason)}; pull {pulls[0]}"

            source = to_js({"pull": create_proxy(pull), "cancel": create_proxy(cancel)},
                           dict_converter=js.Object.fromEntries)
            return Response(ReadableStream.new(source))
        stream = (IdentityTransformStream.new() if url.path == "/identity"
                  else FixedLengthStream.new(20001 * count) if url.path == "/fixed" else TransformStream.new())
        self.ctx.waitUntil(produce(key, stream.writable.getWriter(), pause, count))
        return Response(stream.readable)
"""

#: the Python twin's project: the SDK whose ASGI bridge ``/generator`` goes through
PYPROJECT = '[tool.workers-env]\npython-sdk = "1.9.5"\n'

#: (path, ms between writes) -- 0: each write as soon as the last resolved (100,000 of them)
KINDS = [(path, pause) for path in ("/transform", "/identity", "/fixed", "/pull", "/generator") for pause in (50, 0)]
#: when the client goes: ``early`` once the first body bytes are in, ``late`` 30 ms after 60 kB, ``stalled``
#: 300 ms after 60 kB read through a 4 kB receive buffer, reading nothing meanwhile (the buffers fill)
LEAVES = ("early", "late", "stalled")
#: the sweep measured first (flaky50): a pausing writer, client gone at moments spread over its pause
SWEEP = [("/transform", 50, f"late{delay}") for delay in (0, 5, 10, 20, 30, 40, 45, 48, 50, 52, 55, 70)]


def leave(port: int, path: str, pause: int, when: str, key: str) -> None:
    """One client: ``GET path``, then gone at ``when`` (see :data:`LEAVES`; ``lateN``: N ms after 60 kB)."""
    client = socket.socket()
    if when == "stalled":
        client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    client.settimeout(10)
    client.connect(("127.0.0.1", port))
    count = 100 if pause else 100_000
    client.sendall(f"GET {path}?case={key}&pause={pause}&count={count} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    got = b""
    want = 60000 if when != "early" else 1
    while len(got.partition(b"\r\n\r\n")[2]) < want:
        got += client.recv(65536)
    time.sleep((0 if when == "early" else 300 if when == "stalled" else int(when.removeprefix("late") or 30)) / 1000)
    client.close()


def run(side: str, cases: list[tuple[str, int, str]], rounds: int) -> dict[tuple[str, int, str], Counter[str]]:
    """Each case ``rounds`` times under ``side`` (``wrangler`` or ``ours``): what the writer met, by case."""
    server = (wrangler_dev(JS_WORKER, "client-leaves", "2026-08-01") if side == "wrangler"
              else workers_env_dev(PY_WORKER, "client-leaves", "2026-08-01", PYPROJECT))
    with server as session:
        port = urlsplit(session.url).port
        assert port is not None
        for round_ in range(rounds):
            for n, case in enumerate(cases):
                leave(port, *case, f"{round_}-{n}")
                time.sleep(0.2)
        time.sleep(1.5)
        found = raw_get_json(port, "/seen", 10)
    return {case: Counter(found.get(f"{round_}-{n}", "(nothing seen)") for round_ in range(rounds))
            for n, case in enumerate(cases)}


def _tally(counts: Counter[str]) -> str:
    """``counts`` with the write (or pull) numbers folded into a range: ``N x text [writes a-b]``."""
    folded: dict[str, list[int]] = {}
    for text, times in counts.items():
        numbers = re.findall(r"(?:write|pull) (\d+)$", text)
        folded.setdefault(re.sub(r"; (write|pull) \d+$", "", text), []).extend([int(numbers[0])] * times if numbers else [-1] * times)
    return "; ".join(f"{len(seen)}x {text}" + (f" [#{min(seen)}-{max(seen)}]" if min(seen) >= 0 else "")
                     for text, seen in folded.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rounds", type=int, nargs="?", default=3)
    parser.add_argument("--side", choices=("both", "wrangler", "ours"), default="both")
    parser.add_argument("--sweep", action="store_true", help="flaky50's sweep of moments over a 50 ms pause instead")
    args = parser.parse_args()
    cases = SWEEP if args.sweep else [(path, pause, when) for path, pause in KINDS for when in LEAVES]
    sides = ("wrangler", "ours") if args.side == "both" else (args.side,)
    results = {side: run(side, cases, args.rounds) for side in sides}
    same = 0
    for case in cases:
        path, pause, when = case
        tallies = {side: _tally(results[side][case]) for side in sides}
        agree = len(sides) == 2 and len({re.sub(r" \[#[^]]*\]", "", t) for t in tallies.values()}) == 1
        same += agree
        print(f"{path:10} {'pause ' + str(pause) + ' ms' if pause else 'no pause':12} client gone {when:8}"
              + ("  same" if agree else "  DIFFERENT" if len(sides) == 2 else ""))
        for side in sides:
            print(f"    {side:9} {tallies[side]}")
    if len(sides) == 2:
        print(f"{same} / {len(cases)} cases with the same outcomes ({args.rounds} rounds each side)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
