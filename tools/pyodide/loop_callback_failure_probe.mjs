// leftovers57: what Pyodide's WebLoop prints on stderr (production's console.error lines) when a loop
// callback of the Worker's own raises -- loop.call_soon(f), call_later -- and what a handler the Worker
// sets gets and prints: one deferring to loop.default_exception_handler, one that raises.
//   node tools/pyodide/loop_callback_failure_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-06: 314.0.6 and 0.28.2 alike -- "Exception in callback boom() at <file>:<line>",
// "handle: <Handle boom() at ...>" (call_later's a Handle too: Pyodide's timer is JavaScript's), then
// traceback.format_exception's pieces, a blank line after each (asyncio/events.py's _run frame first);
// a raising handler "Unhandled error in exception handler", "context: {...}" and the traceback with its
// chained cause. 0.26.0a4: the same first two lines with the callback's arguments (boom('soon')), no
// traceback. (runtime/unhandled.py; tests/test_runtime_worker_loop_callback_failures_print_as_pyodides_webloop.py)
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
py.setStderr({ batched: (l) => console.log("STDERR " + JSON.stringify(l)) });
py.setStdout({ batched: (l) => console.log("STDOUT " + JSON.stringify(l)) });
py.FS.mkdirTree("/session/metadata");
py.FS.writeFile("/session/metadata/entry.py", `
import asyncio

def boom(x):
    raise ValueError("boom-" + x)

def handler(loop, context):
    print("HANDLER", sorted(context), context["message"], repr(context.get("exception")))

def handler_default(loop, context):
    print("HANDLER-DEFAULT", sorted(context))
    loop.default_exception_handler(context)

def handler_raises(loop, context):
    raise RuntimeError("in handler")

async def run():
    loop = asyncio.get_event_loop()
    print("--- call_soon")
    loop.call_soon(boom, "soon")
    await asyncio.sleep(0.01)
    print("--- call_later")
    loop.call_later(0.001, boom, "later")
    await asyncio.sleep(0.02)
    print("--- handler")
    loop.set_exception_handler(handler)
    loop.call_soon(boom, "h")
    await asyncio.sleep(0.01)
    print("--- handler calling default")
    loop.set_exception_handler(handler_default)
    loop.call_soon(boom, "hd")
    await asyncio.sleep(0.01)
    print("--- handler raises")
    loop.set_exception_handler(handler_raises)
    loop.call_soon(boom, "hr")
    await asyncio.sleep(0.01)
    loop.set_exception_handler(None)
    print("--- lambda")
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0.01)
    print("--- end")
`);
await py.runPythonAsync(`
import sys
sys.path.insert(0, "/session/metadata")
import entry
await entry.run()
`);
await new Promise((r) => setTimeout(r, 100));
console.log(py.version);
