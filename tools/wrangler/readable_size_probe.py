"""``new ReadableStream(source, {highWaterMark, size})``: what workerd does with a queuing
strategy's ``size`` (outside the test run).

A JavaScript Worker under ``wrangler dev`` and its Python twin loaded by workers-env run the same
cases: how often ``pull`` is asked when each chunk counts what ``size(chunk)`` says,
``controller.desiredSize`` after each enqueue, a ``size`` that throws or answers what is no
``uint64`` (negative, NaN, a string, a fraction, ``undefined``), a ``size`` that is no function,
a ``type: "bytes"`` source given one, and what ``size`` is called with. Each result is JSON;
the two sides must be equal.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/readable_size_probe.py

Not collected by pytest (needs Node and wrangler).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import casediff  # noqa: E402

DATE = "2026-09-28"
#: the Python twin's: the built-in SDK era (Pyodide 0.28), the streams the same
PY_DATE = "2026-03-01"

JS_WORKER = casediff.JS_HELPERS + r'''const settled = async (p) => { try { const r = await p; return ["ok", r.done, r.value === undefined ? null : String(r.value)]; } catch (e) { return ["rejected", text(e)]; } };
const one = async (size, read = true) => {  // a stream whose start enqueues "x" with this size function
  const out = [];
  let c;
  try {
    const s = new ReadableStream({ start(ctrl) { c = ctrl; try { ctrl.enqueue("x"); out.push("enqueued"); } catch (e) { out.push(text(e)); } } },
                                 { highWaterMark: 5, size });
    out.push(c.desiredSize);
    if (read) out.push(await settled(s.getReader().read()));
  } catch (e) { out.push("constructor " + text(e)); }
  return out;
};
const hwm = async (mark) => {  // desiredSize with this highWaterMark: at the start, after one chunk
  let c;
  new ReadableStream({ start(ctrl) { c = ctrl; } }, { highWaterMark: mark });
  const out = [c.desiredSize];
  c.enqueue("x");
  out.push(c.desiredSize);
  return out;
};
const CASES = {
  async pulls() {
    const log = [];
    let pulls = 0, c;
    const s = new ReadableStream({ start(ctrl) { c = ctrl; }, pull(ctrl) { pulls++; ctrl.enqueue("abcd"); log.push(ctrl.desiredSize); } },
                                 { highWaterMark: 10, size: (chunk) => chunk.length });
    await tick();
    const before = [pulls, c.desiredSize, log.slice()];
    const r = s.getReader();
    const first = await r.read();
    await tick();
    return [before, first.value, pulls, c.desiredSize, log];
  },
  async desired() {
    const sizes = [];
    new ReadableStream({ start(c) { for (const v of ["abc", "", "abcdefgh"]) { c.enqueue(v); sizes.push(c.desiredSize); } } },
                       { highWaterMark: 5, size: (chunk) => chunk.length });
    return sizes;
  },
  async throws() { return one(() => { throw new Error("boom"); }); },
  async negative() { return one(() => -1); },
  async nan() { return one(() => NaN); },
  async infinite() { return one(() => Infinity); },
  async string() { return one(() => "3"); },
  async fraction() { return one(() => 2.7); },
  async undefinedSize() { return one(() => undefined); },
  async bool() { return one(() => true); },
  async huge() { return one(() => 2 ** 70); },
  async bigNegative() { return one(() => -(2n ** 60n)); },
  async bigHuge() { return one(() => 2n ** 64n); },
  async bigFits() { return one(() => 2n ** 60n); },
  async s2p31() { return one(() => 2 ** 31); },
  async s2p32() { return one(() => 2 ** 32); },
  async s2p32p3() { return one(() => 2 ** 32 + 3); },
  async s2p53p1() { return one(() => 2 ** 53 + 1); },
  async s1e20() { return one(() => 1e20); },
  async bigSmall() { return one(() => BigInt(2 ** 31)); },
  async big2p32p1() { return one(() => 2n ** 32n + 1n); },
  async big2p63() { return one(() => 2n ** 63n); },
  async big2p64m1() { return one(() => 2n ** 64n - 1n); },
  async sObject() { return one(() => ({})); },
  async sArray() { return one(() => [7]); },
  async sNull() { return one(() => null, false); },  // size 0: the chunk is dropped, a read would wait
  async sNegZero() { return one(() => -0, false); },
  async sTiny() { return one(() => -0.5); },
  async hwm2p32p5() { return hwm(2 ** 32 + 5); },
  async hwm2p31() { return hwm(2 ** 31); },
  async hwm2p32m1() { return hwm(2 ** 32 - 1); },
  async hwmBig() { return hwm(2 ** 40); },
  async sumWraps() {  // two chunks of 2**63: the total wraps past 2**64
    const out = [];
    new ReadableStream({ start(c) { c.enqueue("a"); out.push(c.desiredSize); c.enqueue("b"); out.push(c.desiredSize); } },
                       { highWaterMark: 5, size: () => 2n ** 63n });
    return out;
  },
  async zeroSize() {  // a chunk whose size is 0, then one of 1
    const out = [];
    const s = new ReadableStream({ start(c) { c.enqueue("a"); out.push(c.desiredSize); c.enqueue("b"); out.push(c.desiredSize); c.close(); } },
                                 { highWaterMark: 5, size: (ch) => (ch === "a" ? 0 : 1) });
    const r = s.getReader();
    out.push(await settled(r.read()));
    out.push(await settled(r.read()));
    return out;
  },
  async zeroSizeWaiting() {  // a read waits, then a chunk of size 0 comes, then one of 1
    const out = [];
    let c;
    const s = new ReadableStream({ start(ctrl) { c = ctrl; } }, { highWaterMark: 0, size: (ch) => (ch === "a" ? 0 : 1) });
    const r = s.getReader();
    const first = settled(r.read());
    await tick();
    c.enqueue("a");
    await tick();
    c.enqueue("b");
    out.push(await first);
    return out;
  },
  async pullsWrap() {  // each chunk 2**32: desiredSize (an int) stays 5, so pull is asked again
    let pulls = 0, c;
    new ReadableStream({ start(ctrl) { c = ctrl; }, pull(ctrl) { pulls++; if (pulls <= 3) ctrl.enqueue("x"); } },
                       { highWaterMark: 5, size: () => 2 ** 32 });
    await tick();
    return [pulls, c.desiredSize];
  },
  async bytesZero() {  // a byte source's zero-length chunks
    const out = [];
    const s = new ReadableStream({ type: "bytes", start(c) {
      for (const chunk of [new Uint8Array(0), new Uint8Array(new ArrayBuffer(8), 8), new DataView(new ArrayBuffer(0)), new ArrayBuffer(0)]) {
        try { c.enqueue(chunk); out.push("enqueued"); } catch (e) { out.push(text(e)); }
      }
      c.enqueue(new Uint8Array(2));
      out.push(c.desiredSize);
    } });
    out.push((await s.getReader().read()).value.byteLength);
    return out;
  },
  async bytesZeroThrown() {  // not caught: start throws, the stream errors
    const s = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array(0)); } });
    return [await settled(s.getReader().read())];
  },
  async notAFunction() { return one(5); },
  async nullSize() { return one(null); },
  async bytes() {
    const out = [];
    const s = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array(3)); out.push(c.desiredSize); } },
                                 { highWaterMark: 10, size: () => 100 });
    out.push((await s.getReader().read()).value.byteLength);
    return out;
  },
  async argument() {
    const seen = [];
    new ReadableStream({ start(c) { c.enqueue(5); c.enqueue("s"); c.enqueue(); } },
                       { highWaterMark: 5, size: (chunk) => { seen.push([typeof chunk, String(chunk)]); return 1; } });
    return seen;
  },
};
''' + casediff.JS_RUN_CASES

PY_WORKER = r'''
import asyncio
import json

from js import JSON, ArrayBuffer, BigInt, DataView, Object, ReadableStream, Uint8Array
from pyodide.ffi import JsException, create_proxy, to_js
from workers import Response, WorkerEntrypoint
''' + casediff.PY_HELPERS + r'''

async def settled(p):
    try:
        r = await p
        return ["ok", r.done, None if r.value is None else str(r.value)]
    except Exception as e:
        return ["rejected", text(e)]


async def one(size, read=True):
    out, c = [], []

    def start(ctrl):
        c.append(ctrl)
        try:
            ctrl.enqueue("x")
            out.append("enqueued")
        except Exception as e:
            out.append(text(e))

    try:
        s = ReadableStream.new(obj(start=create_proxy(start)), obj(highWaterMark=5, size=size))
        out.append(c[0].desiredSize)
        if read:
            out.append(await settled(s.getReader().read()))
    except Exception as e:
        out.append("constructor " + text(e))
    return out


def boom(chunk):
    raise Exception("boom")


async def pulls():
    log, count, c = [], [0], []

    def pull(ctrl):
        count[0] += 1
        ctrl.enqueue("abcd")
        log.append(ctrl.desiredSize)

    s = ReadableStream.new(obj(start=create_proxy(lambda ctrl: c.append(ctrl)), pull=create_proxy(pull)),
                           obj(highWaterMark=10, size=create_proxy(lambda chunk: len(chunk))))
    await asyncio.sleep(0.02)
    before = [count[0], c[0].desiredSize, list(log)]
    first = await s.getReader().read()
    await asyncio.sleep(0.02)
    return [before, first.value, count[0], c[0].desiredSize, log]


async def desired():
    sizes = []

    def start(c):
        for v in ("abc", "", "abcdefgh"):
            c.enqueue(v)
            sizes.append(c.desiredSize)

    ReadableStream.new(obj(start=create_proxy(start)), obj(highWaterMark=5, size=create_proxy(lambda chunk: len(chunk))))
    return sizes


async def bytes_source():
    out = []

    def start(c):
        c.enqueue(Uint8Array.new(3))
        out.append(c.desiredSize)

    s = ReadableStream.new(obj(type="bytes", start=create_proxy(start)), obj(highWaterMark=10, size=create_proxy(lambda chunk: 100)))
    out.append((await s.getReader().read()).value.byteLength)
    return out


async def argument():
    seen = []

    def size(chunk):
        seen.append(["string" if isinstance(chunk, str) else "number" if isinstance(chunk, (int, float)) else "undefined",
                     str(chunk) if chunk is not None else "undefined"])
        return 1

    def start(c):
        c.enqueue(5)
        c.enqueue("s")
        c.enqueue()

    ReadableStream.new(obj(start=create_proxy(start)), obj(highWaterMark=5, size=create_proxy(size)))
    return seen


async def hwm(mark):
    c = []
    ReadableStream.new(obj(start=create_proxy(lambda ctrl: c.append(ctrl))), obj(highWaterMark=mark))
    out = [c[0].desiredSize]
    c[0].enqueue("x")
    out.append(c[0].desiredSize)
    return out


def enqueue_two(out, close=False):
    """A source's start that enqueues "a" then "b", noting desiredSize after each (then closes)."""
    def start(c):
        for chunk in ("a", "b"):
            c.enqueue(chunk)
            out.append(c.desiredSize)
        if close:
            c.close()

    return create_proxy(start)


async def sum_wraps():
    out = []
    ReadableStream.new(obj(start=enqueue_two(out)), obj(highWaterMark=5, size=create_proxy(lambda ch: 2**63)))
    return out


async def zero_size():
    out = []
    s = ReadableStream.new(obj(start=enqueue_two(out, close=True)),
                           obj(highWaterMark=5, size=create_proxy(lambda ch: 0 if ch == "a" else 1)))
    r = s.getReader()
    out.append(await settled(r.read()))
    out.append(await settled(r.read()))
    return out


async def zero_size_waiting():
    c = []
    s = ReadableStream.new(obj(start=create_proxy(lambda ctrl: c.append(ctrl))),
                           obj(highWaterMark=0, size=create_proxy(lambda ch: 0 if ch == "a" else 1)))
    r = s.getReader()
    first = asyncio.ensure_future(settled(r.read()))
    await asyncio.sleep(0.02)
    c[0].enqueue("a")
    await asyncio.sleep(0.02)
    c[0].enqueue("b")
    return [await first]


async def pulls_wrap():
    count, c = [0], []

    def pull(ctrl):
        count[0] += 1
        if count[0] <= 3:
            ctrl.enqueue("x")

    ReadableStream.new(obj(start=create_proxy(lambda ctrl: c.append(ctrl)), pull=create_proxy(pull)),
                       obj(highWaterMark=5, size=create_proxy(lambda ch: 2.0**32)))
    await asyncio.sleep(0.02)
    return [count[0], c[0].desiredSize]


async def bytes_zero():
    out = []

    def start(c):
        for chunk in (Uint8Array.new(0), Uint8Array.new(ArrayBuffer.new(8), 8), DataView.new(ArrayBuffer.new(0)),
                      ArrayBuffer.new(0)):
            try:
                c.enqueue(chunk)
                out.append("enqueued")
            except Exception as e:
                out.append(text(e))
        c.enqueue(Uint8Array.new(2))
        out.append(c.desiredSize)

    s = ReadableStream.new(obj(type="bytes", start=create_proxy(start)))
    out.append((await s.getReader().read()).value.byteLength)
    return out


async def bytes_zero_thrown():
    s = ReadableStream.new(obj(type="bytes", start=create_proxy(lambda c: c.enqueue(Uint8Array.new(0)))))
    return [await settled(s.getReader().read())]


CASES = {
    "s2p31": lambda: one(create_proxy(lambda c: 2**31)),
    "s2p32": lambda: one(create_proxy(lambda c: 2.0**32)),
    "s2p32p3": lambda: one(create_proxy(lambda c: 2.0**32 + 3)),
    "s2p53p1": lambda: one(create_proxy(lambda c: float(2**53 + 1))),
    "s1e20": lambda: one(create_proxy(lambda c: 1e20)),
    "bigSmall": lambda: one(create_proxy(lambda c: BigInt(2**31))),
    "big2p32p1": lambda: one(create_proxy(lambda c: BigInt(2**32 + 1))),
    "big2p63": lambda: one(create_proxy(lambda c: 2**63)),
    "big2p64m1": lambda: one(create_proxy(lambda c: 2**64 - 1)),
    "sObject": lambda: one(create_proxy(lambda c: Object.new())),
    "sArray": lambda: one(create_proxy(lambda c: JSON.parse("[7]"))),
    "sNull": lambda: one(create_proxy(lambda c: JSON.parse("null")), False),
    "sNegZero": lambda: one(create_proxy(lambda c: -0.0), False),
    "sTiny": lambda: one(create_proxy(lambda c: -0.5)),
    "hwm2p32p5": lambda: hwm(2**32 + 5), "hwm2p31": lambda: hwm(2**31), "hwm2p32m1": lambda: hwm(2**32 - 1),
    "hwmBig": lambda: hwm(2**40),
    "sumWraps": sum_wraps, "zeroSize": zero_size, "zeroSizeWaiting": zero_size_waiting, "pullsWrap": pulls_wrap,
    "bytesZero": bytes_zero, "bytesZeroThrown": bytes_zero_thrown,
    "pulls": pulls, "desired": desired,
    "throws": lambda: one(create_proxy(boom)),
    "negative": lambda: one(create_proxy(lambda c: -1)),
    "nan": lambda: one(create_proxy(lambda c: float("nan"))),
    "infinite": lambda: one(create_proxy(lambda c: float("inf"))),
    "string": lambda: one(create_proxy(lambda c: "3")),
    "fraction": lambda: one(create_proxy(lambda c: 2.7)),
    "undefinedSize": lambda: one(create_proxy(lambda c: None)),
    "bool": lambda: one(create_proxy(lambda c: True)),
    "huge": lambda: one(create_proxy(lambda c: 2.0**70)),
    "bigNegative": lambda: one(create_proxy(lambda c: -(2**60))),
    "bigHuge": lambda: one(create_proxy(lambda c: 2**64)),
    "bigFits": lambda: one(create_proxy(lambda c: 2**60)),
    "notAFunction": lambda: one(5),
    "nullSize": lambda: one(JSON.parse("null")),  # JavaScript null (jsnull on Pyodide 0.28)
    "bytes": bytes_source, "argument": argument,
}
''' + casediff.PY_RUN_CASES

NAMES = ["pulls", "desired", "throws", "negative", "nan", "infinite", "string", "fraction", "undefinedSize", "bool",
         "huge", "bigNegative", "bigHuge", "bigFits", "notAFunction", "nullSize", "bytes", "argument",
         "s2p31", "s2p32", "s2p32p3", "s2p53p1", "s1e20", "bigSmall", "big2p32p1", "big2p63", "big2p64m1", "sObject",
         "sArray", "sNull", "sNegZero", "sTiny", "hwm2p32p5", "hwm2p31", "hwm2p32m1", "hwmBig", "sumWraps", "zeroSize",
         "zeroSizeWaiting", "pullsWrap", "bytesZero", "bytesZeroThrown"]

#: cases whose Python twin cannot say the same thing (the reason)
APART = {
    "throws": "a Python exception crosses JavaScript as a PythonError: its text is the traceback's",
}


def main() -> int:
    theirs = casediff.run_under_wrangler_dev(JS_WORKER, "readable-size", DATE, NAMES)
    ours = casediff.run_python_worker(PY_WORKER, "readable-size", PY_DATE, NAMES)
    return casediff.report_cases(NAMES, theirs, ours, APART)

if __name__ == "__main__":
    sys.exit(main())
