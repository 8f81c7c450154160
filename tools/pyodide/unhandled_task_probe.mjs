// devleft49: what Pyodide prints on stderr for a failure nobody handles -- a task of failing
// code nobody awaits, a coroutine handed to Promise.resolve whose promise nobody awaits, a future
// whose exception is never retrieved (collected) -- each stderr line as Pyodide hands it over
// (production's console.error lines), and the JavaScript side's unhandled rejections.
//   node tools/pyodide/unhandled_task_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-05: 314.0.6 and 0.28.2 alike -- "Unhandled exception in event loop", the
// traceback (a blank line after each piece) as the task fails; "PyodideFuture exception was never
// retrieved", "future: <PyodideFuture ...>" and the exception's lines. 0.26.0a4: "PyodideTask
// exception was never retrieved" and "future: <PyodideTask ...>" when collected, no traceback;
// the futures' two lines alone. (runtime/unhandled.py)
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
py.setStderr({ batched: (l) => console.log("STDERR " + JSON.stringify(l)) });
py.setStdout({ batched: (l) => console.log("STDOUT " + JSON.stringify(l)) });
process.on("unhandledRejection", (e) => console.log("UNHANDLED", e.constructor.name, JSON.stringify(String(e.message))));
await py.runPythonAsync(`
import asyncio, gc, js
async def fails():
    raise ValueError("boom-reject")
async def h():
    asyncio.ensure_future(fails())
    await asyncio.sleep(0.05)
await h()
gc.collect()
print("--- jsreject")
async def fails_too():
    raise ValueError("boom-jsreject")
js.Promise.resolve(fails_too())
await asyncio.sleep(0.05)
gc.collect()
print("--- future")
f = asyncio.get_event_loop().create_future()
f.set_exception(ValueError("boom-future"))
del f
gc.collect()
await asyncio.sleep(0.05)
print("--- end")
`);
await new Promise((r) => setTimeout(r, 200));
console.log(py.version);
