// audit25: what Pyodide prints for a loop report whose context holds a debug loop's tracebacks
// (source_traceback, handle_traceback), each stderr line as Pyodide hands it over.
//   node tools/pyodide/context_tracebacks_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-05, 0.26.0a4, 0.28.2 and 314.0.6 alike: "reported by hand", "future: <PyodideFuture
// pending cb=[WebLoop._decrement_in_progress()]>", "handle_traceback: Handle created at (most recent
// call last):" and its frame, "source_traceback: Object created at (most recent call last):" and its
// frame. (runtime/unhandled.py; tests/test_runtime_unhandled_context_tracebacks_print_as_pyodides.py)
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
py.setStderr({ batched: (l) => console.log("STDERR " + JSON.stringify(l)) });
await py.runPythonAsync(`
import asyncio, traceback
MADE = traceback.StackSummary.from_list([("entry.py", 3, "fetch", "made = 1")])
loop = asyncio.get_event_loop()
loop.call_exception_handler({"message": "reported by hand", "future": loop.create_future(),
                             "source_traceback": MADE, "handle_traceback": MADE})
`);
