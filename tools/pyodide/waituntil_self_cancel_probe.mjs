// review72: what Pyodide does with waitUntil work whose task the Worker's own code cancels --
// the work cancelling asyncio.current_task(), a task cancelled by other code of the Worker, and
// (audit23) one cancelled by a loop callback the Worker scheduled (call_later(d, t.cancel)).
// waitUntil here is Promise.resolve(...) of what Python hands it, as workerd's jsg takes a thenable.
//   node tools/pyodide/waituntil_self_cancel_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-05 on 314.0.6, 0.28.2, 0.26.0a4: all three 'rejected PythonError ... CancelledError'.
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
globalThis.waitUntil = (p) => Promise.resolve(p).then((v) => console.log("resolved", String(v)), (e) => console.log("rejected", e.constructor.name, String(e.message).trim().split("\n").slice(-1)[0]));
await py.runPythonAsync(`
import asyncio, js
from pyodide.ffi import create_proxy
async def work():
    asyncio.current_task().cancel()
    await asyncio.sleep(0.01)
    return 1
async def holder():
    me = asyncio.current_task()
    await asyncio.sleep(0.01)
    return 2
js.waitUntil(create_proxy(work()))
async def h():
    c = holder()
    js.waitUntil(create_proxy(c))
    await asyncio.sleep(0)
    for t in asyncio.all_tasks():
        if t.get_coro() is c: t.cancel()
await h()
async def later():
    c = holder()
    js.waitUntil(create_proxy(c))
    await asyncio.sleep(0)
    for t in asyncio.all_tasks():
        if t.get_coro() is c: asyncio.get_running_loop().call_later(0.001, t.cancel)
await later()
await asyncio.sleep(0.1)
`);
await new Promise((r) => setTimeout(r, 200));
console.log(py.version);
