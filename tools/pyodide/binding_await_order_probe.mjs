// Two Python tasks gathered, each awaiting a JavaScript binding's call that returns a promise --
// resolved at once (KV) or after 5 ms (SLOW) -- in real Pyodide under Node: the order of their steps.
//   node tools/pyodide/binding_await_order_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-06 (leftovers56), 0.26.0a4, 0.28.2 and 314.0.6 alike: both a1 b1 a2 b2 -- awaiting a
// JS promise always suspends the awaiting task; tests/test_runtime_binding_calls_suspend_the_awaiting_task.py.
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
globalThis.KV = { get: (k) => Promise.resolve("v") };
globalThis.SLOW = { get: (k) => new Promise((r) => setTimeout(() => r("v"), 5)) };
const out = await py.runPythonAsync(`
import asyncio
from js import KV, SLOW
async def run(binding):
    log = []
    async def task(name):
        log.append(name + "1")
        await binding.get("k")
        log.append(name + "2")
    await asyncio.gather(task("a"), task("b"))
    return log
str([await run(KV), await run(SLOW)])
`);
console.log(py.version, out);
