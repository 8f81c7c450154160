// leftovers50: what Pyodide prints when a pending task is collected ("Task was destroyed but it
// is pending!"): a task awaiting a Python future nobody else holds, dropped and gc.collect()ed;
// one awaiting a JS promise that never settles; one sleeping (a setTimeout holds it).
//   node tools/pyodide/pending_task_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-05: 314.0.6, 0.28.2 and 0.26.0a4 alike -- the first task, collected, prints
// "Task was destroyed but it is pending!" and "task: <PyodideTask pending name=... coro=<waits() done,
// defined at ...> wait_for=<PyodideFuture pending cb=[WebLoop._decrement_in_progress(),
// PyodideTask.task_wakeup()]> cb=[WebLoop._decrement_in_progress()]>"; the two others, held by
// JavaScript (a promise's callbacks, a setTimeout), are not collected in the run: nothing. (runtime/unhandled.py)
// orderdep51, the same day: the first task again, held in a variable while a young collection
// (gc.collect(0)) runs and dropped before the full one (as the Worker of
// tests/test_runtime_a_pending_task_collected_prints_as_pyodide.py holds it), prints the same two
// lines but "coro=<waits() running at <exec>:4>", alike in the three: the collector then finalizes
// the task before its coroutine (survivors are relinked in the order they are found reachable), so
// which of the two a Worker prints depends on whether the collector ran while the task was held.
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
py.setStderr({ batched: (l) => console.log("STDERR " + JSON.stringify(l)) });
py.setStdout({ batched: (l) => console.log("STDOUT " + JSON.stringify(l)) });
await py.runPythonAsync(`
import asyncio, gc, js
async def waits(fut):
    await fut
async def waits_js():
    await js.Promise.new(lambda res, rej: None)
async def sleeps():
    await asyncio.sleep(1000)
for label, make in (("python future", lambda: waits(asyncio.get_event_loop().create_future())),
                    ("js promise", waits_js), ("sleeping", sleeps),
                    ("python future, a young collection between", lambda: waits(asyncio.get_event_loop().create_future()))):
    print("---", label)
    held = asyncio.ensure_future(make())
    if not label.endswith("between"):
        del held  # left: nothing but what it waits on holds it
    await asyncio.sleep(0.01)
    if label.endswith("between"):
        gc.collect(0)
        del held
    gc.collect()
    await asyncio.sleep(0.01)
print("--- end")
`);
console.log(py.version);
process.exit(0);
