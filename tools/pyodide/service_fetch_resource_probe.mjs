// A service binding's fetch handed a Python value as its resource, through workers-runtime-sdk's own
// _FetcherWrapper.fetch (workers.fetch -> pyodide.http.pyfetch(resource, fetcher=binding.fetch)) in real
// Pyodide: the SDK's files (an unpacked wheel: `pip download workers-runtime-sdk==1.9.5 --no-deps`, unzipped)
// at /session/metadata/python_modules, where pywrangler vendors them. workerd's Fetcher stands in as a JS
// object whose fetch(input, init) reads a non-Request input as workerd's JSG reads it into its
// kj::String -- String(input) -- and refuses a text URL parsing fails on with workerd's own words
// (`TypeError: Invalid URL: <text>`, http.c++ / measured under wrangler dev 4.164.0: runtime/jsweb.py).
// Printed for each resource: what the binding received (typeof, String()) and what the Worker caught.
// On 0.26.x the SDK is told it runs production's 0.26.0a2, whose pyfetch it patches (its own copy of
// Pyodide's, calling `fetcher`). A last case: the binding rejects as workerd does when the callee's
// fetch handler raised (an Error named PythonError, remote: true).
// usage: node service_fetch_resource_probe.mjs /tmp/pyodide/314.0.6 SDK_FOLDER
// Measured 2026-12-06, SDK 1.9.5, Pyodide 0.26.0a4 / 0.28.2 / 314.0.6: see tests/test_runtime_service_fetch_of_a_python_value_is_pyfetchs_error.py.
import fs from "fs"; import path from "path"; import { pathToFileURL } from "url";
const [dir, sdk] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
const root = "/session/metadata/python_modules";
function copy(src, dst) { py.FS.mkdirTree(dst); for (const n of fs.readdirSync(src)) { const s = path.join(src, n);
  if (fs.statSync(s).isDirectory()) copy(s, dst + "/" + n); else py.FS.writeFile(dst + "/" + n, fs.readFileSync(s)); } }
copy(sdk, root);
const seen = [];
globalThis.FETCHER = {
  fetch(input, init) {
    seen.push(`${typeof input} ${String(input)}`);
    const text = input instanceof Request ? input.url : String(input);
    try { new URL(text); } catch { return Promise.reject(new TypeError(`Invalid URL: ${text}`)); }
    if (text === "http://s/throws") {  // the callee's fetch handler raised: workerd's remote error
      const error = new Error("Traceback (most recent call last):\nValueError: fetch boom\n");
      error.name = "PythonError"; error.remote = true; return Promise.reject(error);
    }
    return Promise.resolve(new Response(`GET ${text}`));
  },
};
const out = await py.runPythonAsync(`
import sys, types
sys.modules["_pyodide_entrypoint_helper"] = types.ModuleType("_pyodide_entrypoint_helper")
sys.modules["_cloudflare_compat_flags"] = types.SimpleNamespace()
sys.path.insert(0, "${root}")
import pyodide
if pyodide.__version__.startswith("0.26."):  # production's 0.26 is 0.26.0a2, for which the SDK patches pyfetch
    pyodide.__version__ = "0.26.0a2"
import js
from workers import Request
from workers.rpc import _FetcherWrapper
binding = _FetcherWrapper(js.FETCHER)
out = []
for resource in ({"url": "http://s/dict"}, {}, [1], ["http://s/a", "b"], 5, None, "not a url", Request("http://s/python"), "http://s/text", "http://s/throws"):
    try:
        out.append(await (await binding.fetch(resource)).text())
    except BaseException as error:
        out.append(f"{type(error).__module__}.{type(error).__qualname__}: {error}")
"\\n".join(out)
`);
console.log(seen.join("\n")); console.log("--"); console.log(out);
