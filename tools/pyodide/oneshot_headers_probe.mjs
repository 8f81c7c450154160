// pyodide.http.pyfetch(url, headers=<a generator of pairs>) and headers=<a list of pairs>: the headers of the Request
// JavaScript's fetch builds of what pyfetch hands it (new Request(resource, init), as workerd's fetch and Fetcher.fetch do).
//   PATH=$(cat /tmp/wrangler/node-bin-path):$PATH node tools/pyodide/oneshot_headers_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-06 (review88): 0.26.0a4 and 0.28.2 [["x-a","1"]] then [["x-a","2"]]; 314.0.6 [] then [["x-a","2"]]
// (314 builds a Request of a text URL with its init, reading the generator, then hands fetch that Request and the
// same init: the spent iterator leaves it no headers). tests/test_sdk_fetcher_fetch_on_314_sends_a_spent_one_shot_headers_init.py.
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
globalThis.seen = [];
globalThis.fetch = (r, init) => {
  const req = new Request(r, init);
  globalThis.seen.push(JSON.stringify([...req.headers]));
  return Promise.resolve(new Response("x"));
};
const out = await py.runPythonAsync(`
import js
from pyodide.http import pyfetch
async def run():
    await pyfetch("https://x/", headers=(p for p in [("x-a", "1")]))
    await pyfetch("https://x/", headers=[("x-a", "2")])
    return list(js.seen)
await run()
`);
console.log(py.version, JSON.stringify(out.toJs ? out.toJs() : out));
