// importlib.util.find_spec in real Pyodide, a Worker's folder as production lays it out:
// /session/metadata (its files) and /session/metadata/python_modules (what pywrangler vendored: here one package `held`).
// usage: node find_spec_probe.mjs /tmp/pyodide/0.28.2
// Measured 2026-12-06 on 0.26.0a4, 0.28.2, 314.0.6: held, worker and json their specs; requests, numpy, orjson,
// pydantic, held.nope, tkinter None (sqlite3 and ssl too but on 314.0.6, whose zip holds them); missing.sub
// ModuleNotFoundError: No module named 'missing' (README "Where we had to choose": find_spec).
import path from "path"; import { pathToFileURL } from "url";
const [dir] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
py.FS.mkdirTree("/session/metadata/python_modules/held");
py.FS.writeFile("/session/metadata/python_modules/held/__init__.py", "X = 1\n");
py.FS.writeFile("/session/metadata/worker.py", "Y = 2\n");
console.log(py.runPython(`
import sys, importlib.util
sys.path[:0] = ["/session/metadata", "/session/metadata/python_modules"]
out = [sys.version.split()[0]]
for name in ("held", "worker", "json", "requests", "numpy", "sqlite3", "ssl", "orjson", "pydantic", "missing.sub", "held.nope", "tkinter"):
    try:
        spec = importlib.util.find_spec(name)
        out.append(f"{name}: {None if spec is None else (spec.name, spec.origin)}")
    except BaseException as e:
        out.append(f"{name}: {type(e).__name__}: {e}")
"\\n".join(out)
`));
