"""A writable side's ``desiredSize`` and ``ready`` under a queuing strategy: what workerd does
(outside the test run).

A JavaScript Worker under ``wrangler dev`` and its Python twin loaded by workers-env run the same
cases: a ``TransformStream``'s ``writableStrategy`` (a ``highWaterMark`` of 0, 3, 2**31,
2**32 + 5, -1, NaN; a ``size`` answering 2**31, 2**32, 2**60 as a BigInt, NaN, -1, Infinity, a
string, an object, a fraction, 0, or throwing -- also at a write before the stream's start has
settled, with the writer's ``closed`` and a read of the readable side after; a ``size`` that is
no function), an
``IdentityTransformStream``'s and a ``FixedLengthStream``'s ``highWaterMark`` -- the writer's
``desiredSize`` and whether ``ready`` and each write are pending after each write (and, for the
internal streams, after one read). Each result is JSON; the two sides must be equal.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/writable_size_probe.py

Not collected by pytest (needs Node and wrangler); ``tests/test_runtime_writable_stream_desired_size_is_workerds_int.py``
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

JS_WORKER = casediff.JS_HELPERS + r'''const state = async (p) => { let s = "pending"; p.then(() => { s = "resolved"; }, (e) => { s = "rejected " + text(e); }); await tick(); return s; };
const ts = async (strategy, chunks = ["x"]) => {
  const out = [];
  try {
    const t = new TransformStream(undefined, strategy);
    const w = t.writable.getWriter();
    out.push(w.desiredSize, await state(w.ready));
    for (const c of chunks) {
      const p = w.write(c);
      p.catch(() => {});
      out.push(w.desiredSize, await state(w.ready), await state(p));
    }
  } catch (e) { out.push("threw " + text(e)); }
  return out;
};
const its = async (make, lengths = [3]) => {
  const out = [];
  try {
    const t = make();
    const w = t.writable.getWriter();
    out.push(w.desiredSize, await state(w.ready));
    for (const n of lengths) {
      const p = w.write(new Uint8Array(n));
      p.catch(() => {});
      out.push(w.desiredSize, await state(w.ready));
    }
    const r = t.readable.getReader();
    await r.read();
    await tick();
    out.push(w.desiredSize, await state(w.ready));
  } catch (e) { out.push("threw " + text(e)); }
  return out;
};
const sized = (size) => ts({ highWaterMark: 5, size });
const early = async (late) => {
  const t = new TransformStream(undefined, { highWaterMark: 5, size() { throw new Error("boom"); } });
  const w = t.writable.getWriter();
  if (late) await tick();
  const out = [w.desiredSize];
  const p = w.write("x");
  p.catch(() => {});
  const ready = w.ready, closed = w.closed;
  closed.catch(() => {});
  out.push(w.desiredSize, await state(p), await state(ready), await state(closed), w.desiredSize);
  await new Promise((r) => setTimeout(r, 250));
  out.push(w.desiredSize, await state(w.ready), await state(closed));
  const again = w.write("y");
  again.catch(() => {});
  const read = t.readable.getReader().read();
  read.catch(() => {});
  out.push(await state(again), await state(read));
  return out;
};
const CASES = {
  wDefault: () => ts(undefined, ["a", "b"]),
  w2p31: () => sized(() => 2 ** 31),
  w2p32: () => sized(() => 2 ** 32),
  w2p32p3: () => sized(() => 2 ** 32 + 3),
  wBig60: () => sized(() => 2n ** 60n),
  wNaN: () => sized(() => NaN),
  wNeg: () => sized(() => -1),
  wInf: () => sized(() => Infinity),
  wString: () => sized(() => "3"),
  wObject: () => sized(() => ({})),
  wThrows: () => sized(() => { throw new Error("boom"); }),
  wThrowsAtOnce: () => early(false),
  wThrowsLate: () => early(true),
  wFraction: () => sized(() => 2.7),
  wZero: () => ts({ highWaterMark: 5, size: () => 0 }, ["a", "b"]),
  hwm0: () => ts({ highWaterMark: 0 }, ["a", "b"]),
  hwm3: () => ts({ highWaterMark: 3 }, ["a", "b", "c", "d"]),
  hwm2p31: () => ts({ highWaterMark: 2 ** 31 }),
  hwm2p32p5: () => ts({ highWaterMark: 2 ** 32 + 5 }),
  hwmNeg: () => ts({ highWaterMark: -1 }),
  hwmNaN: () => ts({ highWaterMark: NaN }),
  sizeNotFn: () => ts({ highWaterMark: 5, size: 5 }),
  itsDefault: () => its(() => new IdentityTransformStream()),
  its10: () => its(() => new IdentityTransformStream({ highWaterMark: 10 }), [3, 8]),
  its2p31: () => its(() => new IdentityTransformStream({ highWaterMark: 2 ** 31 })),
  its2p32p5: () => its(() => new IdentityTransformStream({ highWaterMark: 2 ** 32 + 5 })),
  its0: () => its(() => new IdentityTransformStream({ highWaterMark: 0 })),
  itsNeg: () => its(() => new IdentityTransformStream({ highWaterMark: -1 })),
  fls: () => its(() => new FixedLengthStream(20, { highWaterMark: 2 ** 40 }), [3, 8]),
  fls2p33: () => its(() => new FixedLengthStream(2 ** 33, { highWaterMark: 2 ** 32 + 7 })),
};
''' + casediff.JS_RUN_CASES

PY_WORKER = r'''
import asyncio
import json

from js import JSON, BigInt, FixedLengthStream, IdentityTransformStream, Object, TransformStream, Uint8Array
from pyodide.ffi import JsException, create_proxy, to_js
from workers import Response, WorkerEntrypoint
''' + casediff.PY_HELPERS + r'''

async def state(p):
    s = ["pending"]

    def ok(_):
        s[0] = "resolved"

    def bad(e):
        s[0] = "rejected " + text(e)

    p.then(create_proxy(ok), create_proxy(bad))
    await asyncio.sleep(0.02)
    return s[0]


async def ts(strategy, chunks=("x",)):
    out = []
    try:
        t = TransformStream.new(None, strategy)
        w = t.writable.getWriter()
        out += [w.desiredSize, await state(w.ready)]
        for c in chunks:
            p = w.write(c)
            p.catch(create_proxy(lambda e: None))
            out += [w.desiredSize, await state(w.ready), await state(p)]
    except Exception as e:
        out.append("threw " + text(e))
    return out


async def its(make, lengths=(3,)):
    out = []
    try:
        t = make()
        w = t.writable.getWriter()
        out += [w.desiredSize, await state(w.ready)]
        for n in lengths:
            p = w.write(Uint8Array.new(n))
            p.catch(create_proxy(lambda e: None))
            out += [w.desiredSize, await state(w.ready)]
        r = t.readable.getReader()
        await r.read()
        await asyncio.sleep(0.02)
        out += [w.desiredSize, await state(w.ready)]
    except Exception as e:
        out.append("threw " + text(e))
    return out


def sized(size):
    return ts(obj(highWaterMark=5, size=create_proxy(size)))


def boom(c):
    raise JsException("Error", "boom")


async def early(late):
    t = TransformStream.new(None, obj(highWaterMark=5, size=create_proxy(boom)))
    w = t.writable.getWriter()
    if late:
        await asyncio.sleep(0.02)
    out = [w.desiredSize]
    p = w.write("x")
    p.catch(create_proxy(lambda e: None))
    ready, closed = w.ready, w.closed
    closed.catch(create_proxy(lambda e: None))
    out += [w.desiredSize, await state(p), await state(ready), await state(closed), w.desiredSize]
    await asyncio.sleep(0.25)
    out += [w.desiredSize, await state(w.ready), await state(closed)]
    again = w.write("y")
    again.catch(create_proxy(lambda e: None))
    read = t.readable.getReader().read()
    read.catch(create_proxy(lambda e: None))
    out += [await state(again), await state(read)]
    return out


CASES = {
    "wDefault": lambda: ts(None, ["a", "b"]),
    "w2p31": lambda: sized(lambda c: 2**31),
    "w2p32": lambda: sized(lambda c: 2.0**32),
    "w2p32p3": lambda: sized(lambda c: 2.0**32 + 3),
    "wBig60": lambda: sized(lambda c: 2**60),
    "wNaN": lambda: sized(lambda c: float("nan")),
    "wNeg": lambda: sized(lambda c: -1),
    "wInf": lambda: sized(lambda c: float("inf")),
    "wString": lambda: sized(lambda c: "3"),
    "wObject": lambda: sized(lambda c: Object.new()),
    "wThrows": lambda: sized(boom),
    "wThrowsAtOnce": lambda: early(False),
    "wThrowsLate": lambda: early(True),
    "wFraction": lambda: sized(lambda c: 2.7),
    "wZero": lambda: ts(obj(highWaterMark=5, size=create_proxy(lambda c: 0)), ["a", "b"]),
    "hwm0": lambda: ts(obj(highWaterMark=0), ["a", "b"]),
    "hwm3": lambda: ts(obj(highWaterMark=3), ["a", "b", "c", "d"]),
    "hwm2p31": lambda: ts(obj(highWaterMark=2**31)),
    "hwm2p32p5": lambda: ts(obj(highWaterMark=2**32 + 5)),
    "hwmNeg": lambda: ts(obj(highWaterMark=-1)),
    "hwmNaN": lambda: ts(obj(highWaterMark=float("nan"))),
    "sizeNotFn": lambda: ts(obj(highWaterMark=5, size=5)),
    "itsDefault": lambda: its(lambda: IdentityTransformStream.new()),
    "its10": lambda: its(lambda: IdentityTransformStream.new(obj(highWaterMark=10)), [3, 8]),
    "its2p31": lambda: its(lambda: IdentityTransformStream.new(obj(highWaterMark=2**31))),
    "its2p32p5": lambda: its(lambda: IdentityTransformStream.new(obj(highWaterMark=2**32 + 5))),
    "its0": lambda: its(lambda: IdentityTransformStream.new(obj(highWaterMark=0))),
    "itsNeg": lambda: its(lambda: IdentityTransformStream.new(obj(highWaterMark=-1))),
    "fls": lambda: its(lambda: FixedLengthStream.new(20, obj(highWaterMark=2**40)), [3, 8]),
    "fls2p33": lambda: its(lambda: FixedLengthStream.new(2**33, obj(highWaterMark=2**32 + 7))),
}
''' + casediff.PY_RUN_CASES

NAMES = re.findall(r'^    "(\w+)": ', PY_WORKER, re.M)


def main() -> int:
    return casediff.report_twins(JS_WORKER, PY_WORKER, "writable-size", NAMES, DATE, PY_DATE)

if __name__ == "__main__":
    sys.exit(main())
