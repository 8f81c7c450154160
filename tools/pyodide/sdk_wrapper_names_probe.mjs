// What Worker code reads of the SDK's wrapper classes -- type(x), its __module__, __qualname__,
// repr(type(x)), an instance's __module__ and repr -- with a real SDK imported in one real Pyodide
// under Node (wrap54): the SDK's `workers/` folder (a workers-runtime-sdk wheel unpacked, or workerd's
// src/pyodide/internal/workers-api/src/workers) is copied into Pyodide's file system and imported,
// the two workerd-internal modules it imports (_cloudflare_compat_flags, _pyodide_entrypoint_helper)
// stood in for by empty modules (sdk_pyodide.mjs, which the other sdk_*_probe.mjs share); each wrapper
// wraps a plain JS object:
//   node tools/pyodide/sdk_wrapper_names_probe.mjs /tmp/pyodide/<version> <dir holding workers/>
// Measured 2026-12-06 on 314.0.6, 0.28.2 and 0.26.0a4 (workerd 2026-08-22's built-in SDK,
// workers-runtime-sdk 1.6.3, 1.6.4, 1.9.5): the README ("The SDK classes' production module names").
import { sdkPyodide } from "./sdk_pyodide.mjs";
const py = await sdkPyodide(...process.argv.slice(2));
console.log(py.runPython(`
import importlib, pickle
import workers
from js import Object
out = []
seen = set()
for modname in ("workers._workers", "workers.rpc"):
    try:
        mod = importlib.import_module(modname)
    except ImportError as e:
        out.append((modname, type(e).__name__))
        continue
    for name, cls in sorted(vars(mod).items()):
        if not (isinstance(cls, type) and (name.endswith("Wrapper") or name == "JsDict")) or cls in seen:
            continue
        seen.add(cls)
        if name == "_WorkflowStepWrapper":
            continue
        try:
            x = cls({"a": 1}) if name == "JsDict" else cls(Object.new())
        except Exception as e:
            out.append((name, "instance:", type(e).__name__, str(e)))
            continue
        t = type(x)
        out.append((name, repr(t), t.__module__, t.__qualname__, x.__module__, repr(x).split(" object at")[0],
                    [c.__qualname__ for c in t.__mro__]))
chr(10).join(repr(o) for o in out)
`));
