// A promise of a JavaScript call that rejects, cancelled from Python (p.cancel(), or the cancel of a task
// awaiting one that rejects later), then collected: what Pyodide prints (stdout/stderr lines as OUT/ERR).
//   node tools/pyodide/cancelled_promise_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-06 (review87): 0.28.2 and 314.0.6 print nothing -- ['PyodideFuture', True, True, True, True];
// 0.26.0a4 did not load with the stdout/stderr options here.
// tests/test_runtime_cancelled_promise_that_rejects_is_not_reported.py.
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide({ stdout: (s) => console.log("OUT", s), stderr: (s) => console.log("ERR", s) });
globalThis.KV = {
  bad: (k) => Promise.reject(new TypeError("bad")),
  later: (k) => new Promise((_, reject) => setTimeout(() => reject(new TypeError("later")), 5)),
};
const out = await py.runPythonAsync(`
import asyncio, gc
from js import KV
p = KV.bad("k")
info = [type(p).__name__, hasattr(p, "cancel")]
cancelled = p.cancel() if hasattr(p, "cancel") else None
async def awaiting():
    await KV.later("k")
task = asyncio.ensure_future(awaiting())
await asyncio.sleep(0)
task.cancel()
for _ in range(3):
    await asyncio.sleep(0.01)
gc.collect()
str(info + [cancelled, p.cancelled() if hasattr(p, "cancelled") else None, task.cancelled()])
`);
await new Promise((resolve) => setTimeout(resolve, 50));
await py.runPythonAsync("import gc; gc.collect()");
console.log(py.version, out);
