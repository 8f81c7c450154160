// A task awaiting Pyodide's pyfetch twice beside one counting asyncio.sleep(0) turns, with JavaScript's
// fetch resolved, rejected, or throwing at the call (and, on 314, a text URL its Request constructor refuses):
// the order of their steps.
//   node tools/pyodide/fetch_await_order_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-06 (review87), 0.26.0a4, 0.28.2 and 314.0.6: resolved a1 c0 a2 c1 a3, rejected
// a1 c0 E a2 c1 E a3, thrown at the call a1 E a2 E a3 c0; "nope nope" on 314 is thrown (pyfetch makes a text
// URL a Request before calling fetch), resolved on 0.26/0.28.
// tests/test_runtime_pyfetch_and_service_fetch_suspend_the_awaiting_task.py.
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
globalThis.fetch = (r, init) => {
  const url = String(r.url ?? r);
  if (url.includes("sync")) throw new TypeError("sync");
  if (url.includes("bad")) return Promise.reject(new TypeError("bad"));
  return Promise.resolve(new Response("x"));
};
const out = await py.runPythonAsync(`
import asyncio
from pyodide.http import pyfetch
async def run(url):
    log = []
    async def task(label):
        log.append(label + "1")
        for n in (2, 3):
            try:
                await pyfetch(url)
            except Exception as e:
                log.append("E")
            log.append(label + str(n))
    async def counter():
        for i in range(6):
            log.append("c%d" % i)
            await asyncio.sleep(0)
    await asyncio.gather(task("a"), counter())
    return url + ": " + " ".join(log)
"\\n".join([await run("https://x/"), await run("https://bad/"), await run("https://sync/"), await run("nope nope")])
`);
console.log(py.version); console.log(out);
