// Probe (loops54): asyncio.new_event_loop() in real Pyodide where the differential cannot go, outside the test run.
//   PATH=$(cat /tmp/wrangler/node-bin-path):$PATH node --experimental-wasm-jspi tools/pyodide/new_loop_probe.mjs /tmp/pyodide/0.28.2
// 1. "task": a running coroutine (runPythonAsync's task, as a handler) starts a task on its loop, makes a
//    loop and waits for the task with the new loop's run_until_complete. Pyodide 0.28.2 never settles it
//    (the task's step is "Cannot enter into task ..."), so pyodide_differential.py's one runner would hang:
//    each scenario here runs in a fresh Pyodide, raced against a 3 s timeout.
// 2. "top": a module's top level (0.26: called plainly; 0.28/314: callPromising, as workerd imports the
//    main module) makes a loop: its type, is_running, run_until_complete, close; then a request
//    (runPythonAsync) uses it.
// Measured 2026-12-06 (Node 24.19.0): see CHECKS.md (loops54).
import path from "path";
import { pathToFileURL } from "url";

const [dir] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const timeout = (ms) => new Promise((resolve) => setTimeout(() => resolve("never settled (3 s)"), ms));
const HEAD = "import asyncio\nasync def co():\n    await asyncio.sleep(0.01)\n    return 5\n";
const TASK = HEAD + `old = asyncio.get_running_loop()
t = asyncio.ensure_future(co())
new = asyncio.new_event_loop()
try:
    x = new.run_until_complete(t)
except BaseException as e:
    x = f"{type(e).__name__}: {e}"
asyncio._set_running_loop(old)
repr(x)`;
const TOP = HEAD + `out = []
try:
    out.append(type(asyncio.get_running_loop()).__name__)
except RuntimeError as e:
    out.append(str(e))
ev = asyncio.get_event_loop()
out.append(type(ev).__name__)
new = asyncio.new_event_loop()
out.append((type(new).__name__, new is ev, new.is_running(), new.is_closed(), asyncio.get_event_loop() is new,
            asyncio._get_running_loop() is new))
try:
    x = new.run_until_complete(co())
except BaseException as e:
    x = f"{type(e).__name__}: {e}"
out.append(x if isinstance(x, (int, str)) else type(x).__name__)
out.append((new.close(), new.is_closed(), new.is_running()))
r = repr(out)`;
const REQUEST = `async def req():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.01)
    x = new.run_until_complete(co())
    return repr((loop is new, loop is ev, asyncio.get_event_loop() is new, x if isinstance(x, int) else type(x).__name__))
`;

let py = await loadPyodide();
const task = await Promise.race([py.runPythonAsync(TASK).then(String, (e) => "error " + String(e).slice(-300)), timeout(3000)]);
console.log(py.version, "task:", task);

py = await loadPyodide();
py.globals.set("TOP", TOP);
py.runPython("def top():\n    ns = {'__name__': 'entry'}\n    exec(TOP, ns)\n    globals()['NS'] = ns\n    return ns['r']");
const top = py.globals.get("top");
const plain = py.version.startsWith("0.26");
const first = await Promise.race([
  Promise.resolve().then(() => (plain ? top() : top.callPromising())).then(String, (e) => "error " + String(e).slice(-300)),
  timeout(3000)]);
console.log(py.version, `top (${plain ? "plain call" : "callPromising"}):`, first);
py.globals.set("REQUEST", REQUEST);
const later = await Promise.race([
  py.runPythonAsync("ns = NS\nexec(REQUEST, ns)\nawait ns['req']()").then(String, (e) => "error " + String(e).slice(-300)),
  timeout(3000)]);
console.log(py.version, "request after:", later);
process.exit(0);
