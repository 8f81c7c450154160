// pyodide.http.pyfetch(url, fetcher=F) where F answers no awaitable (a Python function answering a JS Response, or 5):
// what the awaiting code gets.
//   PATH=$(cat /tmp/wrangler/node-bin-path):$PATH node tools/pyodide/sync_fetcher_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-06 (review88): 0.28.2 "TypeError: object pyodide.ffi.JsProxy can't be used in 'await' expression | TypeError: object
// int can't be used in 'await' expression"; 314.0.6 "TypeError: 'pyodide.ffi.JsProxy' object can't be awaited | TypeError: 'int' object
// can't be awaited". tests/test_pyfetch_refuses_a_fetcher_answering_no_awaitable.py.
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
const out = await py.runPythonAsync(`
import js
from pyodide.http import pyfetch
out = []
for f in (lambda r, i: js.Response.new("sync"), lambda r, i: 5):
    try:
        await pyfetch("http://x/", fetcher=f)
        out.append("answered")
    except BaseException as e:
        out.append(type(e).__name__ + ": " + str(e))
" | ".join(out)
`);
console.log(py.version, out);
