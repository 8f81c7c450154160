"""A JavaScript ``TransformStream``'s writer ``ready`` around ``readable.cancel()`` with writes in
flight, under wrangler dev (workerd) and workers-env (a Python twin under ``workers-env dev``),
outside the test run.

Each case is ``[steps, writableHighWaterMark, readableHighWaterMark]``; the steps (comma-separated):
``R`` read ``writer.ready`` (logged as new or the same promise as the one read before, with
``desiredSize``), ``W`` write a byte, ``C``/``CU`` ``readable.cancel(new Error("boom"))``/``cancel()``,
``A`` ``writer.abort(new Error("why"))``, ``m`` one microtask (a loop turn in Python), ``t`` 20 ms,
``S`` await ``ready``, ``D`` log ``desiredSize``. Every promise's settling is logged as it happens.
workerd's rule (leftovers56): the cancel resolves the ``ready`` it had; once the write in flight
has failed (``The readable side of this TransformStream is no longer readable.``) ``ready`` is a
new promise rejected with that error. The interleaving at microtask level differs (asyncio's loop
turns); each ``ready``'s outcome and identity must not. workers-env refuses a readable
highWaterMark other than 0 (those cases differ): workerd follows it (streams/transform.c++ hands the
readableStrategy to its ReadableStream; leftovers58 read it again), and workers-env's transform
models the one-to-one hand-over of 0 only.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler PYTHONPATH=. python3 tools/wrangler/transform_ready_cancel_probe.py

Not collected by pytest; tests/test_runtime_transform_stream_cancel_with_a_write_in_flight_rejects_ready.py
pins what it found.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import casediff  # noqa: E402

CASES = [
    ["R,S,W,W,C,R,t,R", None, None],
    ["R,S,W,W,R,C,R,t,R", None, None],
    ["R,S,W,W,m,C,R,t,R", None, None],
    ["R,S,W,W,m,m,C,R,t,R", None, None],
    ["R,S,W,W,t,C,R,t,R", None, None],
    ["R,S,W,C,R,t,R", None, None],
    ["R,S,W,t,C,R,t,R", None, None],
    ["R,W,W,C,R,t,R", None, None],
    ["R,W,W,t,C,R,t,R", None, None],
    ["R,S,W,W,W,C,R,t,R", 3, None],
    ["R,S,W,W,W,t,C,R,t,R", 3, None],
    ["R,S,W,W,C,R,t,R", 3, None],
    ["R,S,W,W,C,R,t,R", None, 2],
    ["R,S,W,W,t,C,R,t,R", None, 2],
    ["R,S,W,W,W,C,R,t,R", None, 1],
    ["R,S,W,W,W,t,C,R,t,R", None, 1],
    ["R,S,W,W,CU,R,t,R", None, None],
    ["R,S,W,W,t,CU,R,t,R", None, None],
    ["R,S,W,W,C,m,R,t,R", None, None],
    ["R,S,W,W,C,m,m,R,t,R", None, None],
    ["R,S,W,W,C,m,m,m,R,t,R", None, None],
    ["R,S,W,W,C,m,m,m,m,R,t,R", None, None],
    ["R,S,W,W,C,m,m,m,m,m,m,R,t,R", None, None],
    ["R,S,W,W,C,m,m,m,m,m,m,m,m,m,m,R,t,R", None, None],
    ["R,S,W,C,m,R,m,R,m,R,m,R,m,R,m,R,t,R", None, None],
    ["R,S,W,W,t,C,m,R,m,R,m,R,m,R,m,R,m,R,t,R", None, None],
    ["R,W,W,C,R,m,R,m,R,m,R,t,R", None, None],
    ["R,S,C,R,t,R", None, None],
    ["R,S,W,W,W,C,R,m,R,m,R,m,R,m,R,t,R", 3, None],
    ["R,S,W,W,W,W,C,R,m,R,m,R,m,R,m,R,t,R", 3, None],
    ["R,S,W,W,t,C,R,t,R", 3, None],
    ["R,S,W,W,A,R,m,R,t,R", None, None],
    ["R,S,W,W,C,D,m,D,t,D", None, None]]

JS = casediff.JS_HELPERS + r'''
const run = async (steps, whwm, rhwm) => {
  const t = new TransformStream({}, whwm === null ? undefined : {highWaterMark: whwm}, rhwm === null ? undefined : {highWaterMark: rhwm});
  const w = t.writable.getWriter();
  const log = [];
  const readies = [];
  let nw = 0;
  const watch = (p, name) => p.then(() => log.push(name + " ok"), (e) => log.push(name + " " + text(e)));
  for (const s of steps.split(",")) {
    if (s === "R") { const r = w.ready; const i = readies.length; readies.push(r);
      log.push("R" + i + (i && r === readies[i - 1] ? " same" : " new") + " ds=" + w.desiredSize); watch(r, "r" + i); }
    else if (s === "W") { watch(w.write(new Uint8Array([nw])), "w" + nw); nw++; }
    else if (s === "C") { watch(t.readable.cancel(new Error("boom")), "cancel"); }
    else if (s === "CU") { watch(t.readable.cancel(), "cancel"); }
    else if (s === "A") { watch(w.abort(new Error("why")), "abort"); }
    else if (s === "m") { await Promise.resolve(); log.push("m"); }
    else if (s === "t") { await tick(); log.push("t"); }
    else if (s === "S") { try { await w.ready; } catch (e) {} log.push("S"); }
    else if (s === "D") { log.push("ds=" + w.desiredSize); }
  }
  await tick(); await tick();
  return log;
};
export default {
  async fetch(request) {
    if (request.method !== "POST") return new Response("ready");
    const out = [];
    for (const [steps, whwm, rhwm] of await request.json()) {
      try { out.push(await run(steps, whwm, rhwm)); } catch (e) { out.push("threw " + text(e)); }
    }
    return Response.json(out);
  },
};
'''

PY = '''
import asyncio, json
from js import TransformStream, Uint8Array, Error, Object
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint
from pyodide.ffi import to_js
''' + casediff.PY_HELPERS + r'''

async def tick():
    await asyncio.sleep(0.02)


async def run(steps, whwm, rhwm):
    args = [None]
    if whwm is not None or rhwm is not None:
        args.append(obj(highWaterMark=whwm) if whwm is not None else None)
    if rhwm is not None:
        args.append(obj(highWaterMark=rhwm))
    t = TransformStream.new(*args)
    w = t.writable.getWriter()
    log, readies, keep = [], [], []
    nw = 0

    def watch(p, name):
        async def go():
            try:
                await p
                log.append(name + " ok")
            except Exception as e:
                log.append(name + " " + text(e))
        keep.append(asyncio.ensure_future(go()))

    for s in steps.split(","):
        if s == "R":
            r = w.ready
            i = len(readies)
            readies.append(r)
            ds = w.desiredSize
            log.append(f"R{i}" + (" same" if i and r is readies[i - 1] else " new") + f" ds={'null' if ds is None or str(ds) == 'jsnull' else ds}")
            watch(r, f"r{i}")
        elif s == "W":
            watch(w.write(Uint8Array.new([nw])), f"w{nw}")
            nw += 1
        elif s == "C":
            watch(t.readable.cancel(Error.new("boom")), "cancel")
        elif s == "CU":
            watch(t.readable.cancel(), "cancel")
        elif s == "A":
            watch(w.abort(Error.new("why")), "abort")
        elif s == "m":
            await asyncio.sleep(0)
            log.append("m")
        elif s == "t":
            await tick()
            log.append("t")
        elif s == "S":
            try:
                await w.ready
            except Exception:
                pass
            log.append("S")
        elif s == "D":
            log.append(f"ds={'null' if str(w.desiredSize) == 'jsnull' else w.desiredSize}")
    await tick(); await tick()
    return log


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.method != "POST":
            return Response("ready")
        out = []
        for steps, whwm, rhwm in json.loads(await request.text()):
            try:
                out.append(await run(steps, whwm, rhwm))
            except Exception as e:
                out.append("threw " + text(e))
        return Response(json.dumps(out))
'''


def readies(log: object) -> object:
    """Each ``ready`` read: new or the same as the one before, and how it settled; each write's outcome --
    what must agree (the order of the log's lines need not)."""
    if not isinstance(log, list):
        return log
    settled = {line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in log if line[:1] in "rw" and " " in line}
    return [(line.split(" ")[1], settled.get("r" + line.split(" ")[0][1:])) for line in log if line.startswith("R")] + \
        sorted((name, outcome) for name, outcome in settled.items() if name.startswith("w"))


def main() -> int:
    theirs = casediff.run_under_wrangler_dev(JS, "tsprobe", "2026-09-28", CASES)
    with casediff.workers_env_dev(PY, "tsprobe", "2025-11-01") as session:
        ours = session.post(CASES)
    same = 0
    for case, a, b in zip(CASES, theirs, ours):
        agree = readies(a) == readies(b)
        same += agree
        print(("SAME " if agree else "DIFF ") + json.dumps(case))
        print("  workerd:    ", a)
        if a != b:
            print("  workers-env:", b)
    print(f"{same}/{len(CASES)} cases: each ready's identity and outcome and each write's outcome as workerd's")
    return 0


if __name__ == "__main__":
    casediff.ending_on_signals()
    raise SystemExit(main())
