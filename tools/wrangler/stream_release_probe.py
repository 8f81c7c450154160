"""What workerd (wrangler dev 4.164.0) answers for the stream cases audit24's tests pin (outside the
test run): two reads of a ``TransformStream`` waiting, the first answered, then ``releaseLock()``
(``twoHeld``: ``tests/test_runtime_a_long_stream_lets_go_of_what_was_read.py``); a ``type: "bytes"``
source without a ``size`` (``bytesNoSize``), a ``size`` that errors its own stream (``sizeErrors``),
and a chunk handed to a waiting read (``pulls``:
``tests/test_runtime_readable_stream_strategy_size_is_honoured.py``).

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/stream_release_probe.py

Measured 2026-12-05: ``[[1], "TypeError: This ReadableStream reader has been released.", [2]]``,
``[7, 3]``, ``["enqueued", "Error: from size"]``, ``[[1, -3], [1, 5], [3, 5], [3, -3]]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import casediff  # noqa: E402

JS_WORKER = r'''
const text = (e) => (e instanceof Error ? `${e.name}: ${e.message}` : `thrown ${String(e)}`);
const tick = (ms) => new Promise((r) => setTimeout(r, ms));
const CASES = {
  async twoHeld() {
    const s = new TransformStream();
    const w = s.writable.getWriter();
    let r = s.readable.getReader();
    [1, 2, 3].map((n) => w.write(new Uint8Array([n])));
    const r1 = r.read(), r2 = r.read();
    const out = [Array.from((await r1).value)];
    r.releaseLock();
    try { out.push(Array.from((await r2).value)); } catch (e) { out.push(text(e)); }
    r = s.readable.getReader();
    out.push(Array.from((await r.read()).value));
    return out;
  },
  async bytesNoSize() {
    const out = [];
    const s = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array(3)); out.push(c.desiredSize); } },
                                 { highWaterMark: 10 });
    out.push((await s.getReader().read()).value.byteLength);
    return out;
  },
  async sizeErrors() {
    const out = [];
    let c;
    const s = new ReadableStream({ start(ctrl) { c = ctrl; } },
                                 { highWaterMark: 5, size: () => { c.error(new Error("from size")); return 1; } });
    try { c.enqueue("x"); out.push("enqueued"); } catch (e) { out.push(text(e)); }
    try { await s.getReader().read(); out.push("read"); } catch (e) { out.push(text(e)); }
    return out;
  },
  async pulls() {
    let pulls = 0, c;
    const s = new ReadableStream({ start(ctrl) { c = ctrl; },
      pull(ctrl) { pulls++; return new Promise((r) => setTimeout(() => { ctrl.enqueue("abcdefgh"); r(); }, 10)); } },
      { highWaterMark: 5, size: (x) => x.length });
    await tick(50);
    const out = [[pulls, c.desiredSize]];
    const r = s.getReader();
    await r.read();
    out.push([pulls, c.desiredSize]);
    await r.read();
    out.push([pulls, c.desiredSize]);
    await tick(50);
    out.push([pulls, c.desiredSize]);
    return out;
  },
};
''' + casediff.JS_RUN_CASES


def main() -> int:
    names = ["twoHeld", "bytesNoSize", "sizeErrors", "pulls"]
    answers = casediff.run_under_wrangler_dev(JS_WORKER, "stream-release-probe", "2026-09-28", names)
    for name, answer in zip(names, answers):
        print(f"{name}: {json.dumps(answer)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
