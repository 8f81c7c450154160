// Two Python tasks each calling run_sync() of a JavaScript binding's promise (resolved, rejected, or
// resolved after 5 ms) beside one counting asyncio.sleep(0) turns, in real Pyodide under Node with JSPI:
// the order of their steps.
//   node --experimental-wasm-jspi tools/pyodide/run_sync_order_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-06 (review87) on 0.28.2 and 314.0.6 (node 24.19.0): resolved
// a1 c0 b1 v a2 c1 v b2; without --experimental-wasm-jspi can_run_sync() is False and run_sync a
// RuntimeError. workers-env answers a promise it settled at the call at once (a1 v a2 c0 b1 v b2):
// README, "Where we had to choose"; tests/test_runtime_run_sync_of_binding_calls_in_many_tasks_nests_no_loop_drives.py.
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
globalThis.KV = { get: (k) => Promise.resolve("v"), bad: (k) => Promise.reject(new TypeError("bad")),
  slow: (k) => new Promise((r) => setTimeout(() => r("v"), 5)) };
const out = await py.runPythonAsync(`
import asyncio
from js import KV
from pyodide.ffi import run_sync, can_run_sync
async def run(meth):
    log = []
    async def task(name):
        log.append(name + "1")
        try:
            log.append(str(run_sync(getattr(KV, meth)("k"))))
        except Exception as e:
            log.append(type(e).__name__)
        log.append(name + "2")
    async def counter():
        for i in range(6):
            log.append("c%d" % i)
            await asyncio.sleep(0)
    await asyncio.gather(task("a"), counter(), task("b"))
    return log
"\\n".join(str(x) for x in [can_run_sync(), await run("get"), await run("bad"), await run("slow")])
`);
console.log(py.version); console.log(out);
