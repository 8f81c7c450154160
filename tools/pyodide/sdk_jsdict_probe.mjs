// What JSON.stringify, called from Python, makes of the values the external SDK hands Worker code
// (its workers.rpc.JsDict, copied from workers-runtime-sdk 1.9.5's rpc.py, and the lists a D1 all()'s
// `results` is), in one real Pyodide under Node (hunt54: nicolad/nomadically.work's
// json.loads(JSON.stringify(result.results))):
//   node tools/pyodide/sdk_jsdict_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-06: 0.26.0a4 every case '{}'; 0.28.2 and 314.0.6 a JsDict '{}', a plain dict by
// its keys, a list of ints as its JSON, a list holding a dict/JsDict/list "Error: This borrowed proxy
// was automatically destroyed when an iterator was exhausted." -- workers-env answers the same.
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
console.log(py.version);
console.log(py.runPython(`
from js import JSON
class JsDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
    def __setattr__(self, name, value):
        self[name] = value
res = JsDict({"results": [JsDict({"value": 1})], "success": True, "meta": JsDict({"duration": 0.1})})
out = []
for name, v in [("JsDict", JsDict({"a": 1})), ("D1 result", res), ("result.results", res.results),
                ("JsDict holding a list of ints", JsDict({"a": [1, 2]})), ("dict", {"a": 1}),
                ("dict holding a list", {"a": [1]}), ("list of dicts", [{"value": 1}]), ("list of ints", [1, 2]),
                ("empty list", []), ("list of lists", [[1]])]:
    try:
        out.append((name, "ok", JSON.stringify(v)))
    except Exception as e:
        out.append((name, type(e).__name__, str(e).split(chr(10))[0]))
chr(10).join(repr(o) for o in out)
`));
