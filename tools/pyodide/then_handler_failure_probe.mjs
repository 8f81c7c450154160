// leftovers60: what a JS promise's Python handler that fails does in real Pyodide -- what is printed,
// how the promise `then` returned settles, for a ValueError and for the BaseExceptions that are no
// Exception (KeyboardInterrupt, SystemExit, CancelledError, GeneratorExit).
//   node tools/pyodide/then_handler_failure_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-06 (node 24.19.0):
// - Promise.new(...).then(bad) (a JsProxy promise, create_promise_handles): 314.0.6 and 0.28.2 print
//   "Unexpected error:" (stdout) and the traceback (stderr) as the handler fails and fulfil with -1,
//   awaited or dropped alike, for every kind; a rejection handler, finally_ print nothing and reject
//   with the PythonError's JsException. 0.26.0a4 prints nothing and rejects (for every kind too).
// - Promise.all(to_js([create_proxy(async_fn)()])) of a failing async def: the JsException, every kind, 314.0.6.
// - js.Promise.resolve(1).then(f) (a PyodideFuture: webloop's Python then): a raw ValueError, and
//   dropped "PyodideFuture exception was never retrieved" with it (all three versions); a BaseException
//   that is no Exception leaves its future pending (314.0.6, 0.28.2). Not run on 0.26.0a4: its
//   KeyboardInterrupt case ended in a fatal "memory access out of bounds" there, and the "all" case's
//   KeyboardInterrupt ends the run right after it rejects (its KeyboardInterrupt/SystemExit "all" cases are
//   skipped there; the run may still end early after the KeyboardInterrupt cases: read what it printed).
// - 0.26.0a4: every kind of a Promise.new then/catch/finally_ handler rejects with the JsException.
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
process.on("unhandledRejection", (r) => console.log("UNHANDLED-REJECTION " + String(r).slice(-60).replace(/\n/g, "|")));
process.on("uncaughtException", (r) => console.log("UNCAUGHT " + String(r).slice(-80).replace(/\n/g, "|")));
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
py.setStderr({ batched: (l) => console.log("STDERR " + JSON.stringify(l)) });
py.setStdout({ batched: (l) => console.log("STDOUT " + JSON.stringify(l)) });
await py.runPythonAsync(`
import asyncio, js, pyodide
from pyodide.ffi import create_proxy, to_js
KINDS = {"ValueError": ValueError, "KeyboardInterrupt": KeyboardInterrupt, "SystemExit": SystemExit,
         "CancelledError": asyncio.CancelledError, "GeneratorExit": GeneratorExit}
def sync(kind):
    def h(*a):
        raise KINDS[kind]("x")
    return h
def asyn(kind):
    async def h(*a):
        raise KINDS[kind]("x")
    return h
def ok(*a):
    return 5
async def outcome(make):
    try:
        return "-> " + repr(await asyncio.wait_for(make(), 0.5))
    except asyncio.TimeoutError:
        return "PENDING"
    except BaseException as e:
        return "raises " + type(e).__name__ + " " + str(e)[-45:].replace("\\n", "|")
CASES = {
    "new.then(sync)": lambda k: js.Promise.new(lambda r, j: r(1)).then(sync(k)),
    "new.then(ok, sync)": lambda k: js.Promise.new(lambda r, j: j(1)).then(ok, sync(k)),
    "new.finally_(sync)": lambda k: js.Promise.new(lambda r, j: r(1)).finally_(sync(k)),
    "all([proxy async()])": lambda k: js.Promise.all(to_js([create_proxy(asyn(k))()])),
}
if not pyodide.__version__.startswith("0.26"):
    CASES["future.then(sync)"] = lambda k: js.Promise.resolve(1).then(sync(k))
for kind in KINDS:
    for label, make in CASES.items():
        if pyodide.__version__.startswith("0.26") and label.startswith("all") and kind in ("KeyboardInterrupt", "SystemExit"):
            continue  # (0.26.0a4 dies of it: a fatal error, or no answer)
        print(kind, label, await outcome(lambda: make(kind)))
print("--- end")
`);
