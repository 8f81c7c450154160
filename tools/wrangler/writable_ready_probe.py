"""A writer's ``ready`` while back-pressure holds, write after write: is it the same promise
(``===``; Pyodide's ``==`` of two JsProxies), which of them settle, and in what order their
reactions run beside the writes' -- what workerd does (outside the test run).

A JavaScript Worker under ``wrangler dev`` and its Python twin loaded by workers-env run the same
cases: an ``IdentityTransformStream`` and a ``FixedLengthStream`` with a small ``highWaterMark``
(internal streams), and a JavaScript ``TransformStream`` for contrast; each case writes chunks
past the highWaterMark, keeping ``ready`` as read before the first write and after each, then
reads chunk by chunk. Each result is JSON: which readies are the same as the one before, then
the reactions run so far (``rN`` the Nth ready, ``wN`` the Nth write) after the writes and after
each read.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/writable_ready_probe.py [--tick 0ms|microtasks]

Not collected by pytest (needs Node and wrangler); ``tests/test_runtime_writable_ready_is_workerds_per_write.py``
runs the Python twin against the answers it gave.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import casediff  # noqa: E402
from readable_size_probe import DATE, PY_DATE  # noqa: E402 - the readable side's probe's eras

JS_WORKER = casediff.JS_HELPERS + r'''const run = async (t, chunks) => {
  const w = t.writable.getWriter();
  const log = [];
  const readies = [w.ready];
  chunks.forEach((c, i) => {
    w.write(c).then(() => log.push("w" + i), (e) => log.push("w" + i + " " + text(e)));
    readies.push(w.ready);
  });
  readies.forEach((r, i) => r.then(() => log.push("r" + i), (e) => log.push("r" + i + " " + text(e))));
  const out = [readies.slice(1).map((r, i) => r === readies[i]).concat([w.ready === readies[readies.length - 1]])];
  await tick();
  out.push(log.slice());
  const reader = t.readable.getReader();
  for (const c of chunks) {
    await reader.read();
    await tick();
    out.push(log.slice());
  }
  return out;
};
const bytes = (...ns) => ns.map((n) => new Uint8Array(n));
const CASES = {
  its4: () => run(new IdentityTransformStream({ highWaterMark: 4 }), bytes(5, 5, 5)),
  its4rise: () => run(new IdentityTransformStream({ highWaterMark: 4 }), bytes(2, 3, 2)),
  its0: () => run(new IdentityTransformStream({ highWaterMark: 0 }), bytes(1, 1)),
  its4at: () => run(new IdentityTransformStream({ highWaterMark: 4 }), bytes(2, 2, 1)),
  its4take: () => run(new IdentityTransformStream({ highWaterMark: 4 }), bytes(3, 4)),
  fls4: () => run(new FixedLengthStream(15, { highWaterMark: 4 }), bytes(5, 5, 5)),
  ts1: () => run(new TransformStream(), ["a", "b", "c"]),
  ts2: () => run(new TransformStream(undefined, { highWaterMark: 2 }), ["a", "b", "c"]),
};
''' + casediff.JS_RUN_CASES

PY_WORKER = r'''
import asyncio
import json

from js import FixedLengthStream, IdentityTransformStream, Object, TransformStream, Uint8Array
from pyodide.ffi import JsException, create_proxy, to_js
from workers import Response, WorkerEntrypoint
''' + casediff.PY_HELPERS + r'''

async def run(t, chunks):
    w = t.writable.getWriter()
    log = []
    readies = [w.ready]

    def note(label):
        return create_proxy(lambda *_: log.append(label))

    def failed(label):
        return create_proxy(lambda e: log.append(label + " " + text(e)))

    for i, c in enumerate(chunks):
        w.write(c).then(note(f"w{i}"), failed(f"w{i}"))
        readies.append(w.ready)
    for i, r in enumerate(readies):
        r.then(note(f"r{i}"), failed(f"r{i}"))
    out = [[readies[i + 1] == readies[i] for i in range(len(chunks))] + [w.ready == readies[-1]]]
    await asyncio.sleep(0.02)
    out.append(list(log))
    reader = t.readable.getReader()
    for _ in chunks:
        await reader.read()
        await asyncio.sleep(0.02)
        out.append(list(log))
    return out


def data(*ns):
    return [Uint8Array.new(n) for n in ns]


CASES = {
    "its4": lambda: run(IdentityTransformStream.new(obj(highWaterMark=4)), data(5, 5, 5)),
    "its4rise": lambda: run(IdentityTransformStream.new(obj(highWaterMark=4)), data(2, 3, 2)),
    "its0": lambda: run(IdentityTransformStream.new(obj(highWaterMark=0)), data(1, 1)),
    "its4at": lambda: run(IdentityTransformStream.new(obj(highWaterMark=4)), data(2, 2, 1)),
    "its4take": lambda: run(IdentityTransformStream.new(obj(highWaterMark=4)), data(3, 4)),
    "fls4": lambda: run(FixedLengthStream.new(15, obj(highWaterMark=4)), data(5, 5, 5)),
    "ts1": lambda: run(TransformStream.new(), ["a", "b", "c"]),
    "ts2": lambda: run(TransformStream.new(None, obj(highWaterMark=2)), ["a", "b", "c"]),
}
''' + casediff.PY_RUN_CASES

NAMES = re.findall(r'^    "(\w+)": ', PY_WORKER, re.M)


#: ``--tick NAME``: how the JavaScript twin waits after the writes and each read instead of its
#: 20 ms timer -- workerd's answers do not depend on it (runtime/heldtimers.py: nor do ours)
TICKS = {"0ms": "const tick = () => new Promise((r) => setTimeout(r, 0));",
         "microtasks": "const tick = async () => { for (let i = 0; i < 50; i++) await null; };"}


def main() -> int:
    js = JS_WORKER
    if sys.argv[1:2] == ["--tick"]:
        js = js.replace("const tick = () => new Promise((r) => setTimeout(r, 20));", TICKS[sys.argv[2]])
        assert js != JS_WORKER, "the twin's tick moved: update TICKS"
    return casediff.report_twins(js, PY_WORKER, "writable-ready", NAMES, DATE, PY_DATE)


if __name__ == "__main__":
    sys.exit(main())
