// `from M import missing` of the SDK's and Pyodide's modules in real Pyodide: workers-runtime-sdk's files
// (an unpacked wheel: `pip download workers-runtime-sdk==1.9.5 --no-deps`, unzipped) written at
// /session/metadata/python_modules, where pywrangler vendors them, and workerd's two JS modules stood in for.
// usage: node sdk_missing_name_probe.mjs /tmp/pyodide/0.28.2 SDK_FOLDER
// Measured 2026-12-06 on 0.26.0a4, 0.28.2, 314.0.6 with 1.9.5: `cannot import name 'nope' from 'workers.asgi'
// (/session/metadata/python_modules/workers/asgi.py)` (`from asgi import` too: asgi is workers.asgi), workers'
// `__init__.py`, pyodide's `/lib/python313.zip/pyodide/__init__.py` (312/314 by version), js `(unknown location)`.
import fs from "fs"; import path from "path"; import { pathToFileURL } from "url";
const [dir, sdk] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
const root = "/session/metadata/python_modules";
function copy(src, dst) { py.FS.mkdirTree(dst); for (const n of fs.readdirSync(src)) { const s = path.join(src, n);
  if (fs.statSync(s).isDirectory()) copy(s, dst + "/" + n); else py.FS.writeFile(dst + "/" + n, fs.readFileSync(s)); } }
copy(sdk, root);
console.log(py.runPython(`
import sys, json, types
sys.modules["_pyodide_entrypoint_helper"] = types.ModuleType("_pyodide_entrypoint_helper")  # workerd registers it (a JS module) before the SDK loads
sys.modules["_cloudflare_compat_flags"] = types.SimpleNamespace()  # workerd registers it (a JS module)
sys.path.insert(0, "${root}")
out = []
for stmt in ("import workers.asgi", "from workers.asgi import nope", "from workers import nope", "from asgi import nope", "from pyodide import nope", "from pyodide.ffi import nope", "from js import nope", "from workers.workflows import nope"):
    try:
        exec(stmt, {})
        out.append(stmt + " -> ok")
    except BaseException as e:
        out.append(f"{stmt} -> {type(e).__name__}: {e} | path={getattr(e, 'path', None)!r}")
"\\n".join(out)
`));
