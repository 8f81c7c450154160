// Which pyodide.ffi classes Worker code can subclass, in real Pyodide, and pickle of a Worker's own
// subclass of a class (a local one, one no longer at its name) -- review86.
// usage: node ffi_subclass_probe.mjs /tmp/pyodide/0.28.2
// Measured 2026-12-06 on 0.26.0a4, 0.28.2, 314.0.6 alike: JsException alone refuses a subclass -- a class
// statement, type(), beside Exception -- with TypeError: type 'pyodide.ffi.JsException' is not an
// acceptable base type; JsProxy, JsArray, JsPromise, JsBuffer, JsDoubleProxy, JsMap, JsCallable take one
// (kept as its own class: <class 'worker.MyProxy'>, not instantiable). pickle.dumps of a local class or of
// one no longer at its name is refused as it dumps (tests/test_runtime_js_exception_is_no_base_class_for_worker_code.py,
// tests/test_pickle_of_a_class_not_at_its_name_is_refused_as_it_dumps.py).
// The rest of how a Worker's subclass shows, refuses and matches: tools/pyodide group ffi-subclasses (ffi56).
import path from "path"; import { pathToFileURL } from "url";
const [dir] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
py.FS.mkdirTree("/session/metadata");
py.FS.writeFile("/session/metadata/worker.py", `
import pickle
import pyodide.ffi as f

def attempt(make):
    try:
        return repr(make())
    except BaseException as e:
        return f"{type(e).__name__}: {e}"

def local(base):
    class Made(base):
        pass
    return Made

def gone(base):
    global Gone
    class Gone(base):
        pass
    made = Gone
    del Gone
    return made

class MyProxy(f.JsProxy):
    pass

out = [f"{n}: {attempt(lambda: type('X', (getattr(f, n),), {}).__name__)}" for n in (
    "JsException", "JsProxy", "JsArray", "JsPromise", "JsBuffer", "JsDoubleProxy", "JsMap", "JsCallable")]
out += [f"beside Exception: {attempt(lambda: type('Y', (Exception, f.JsException), {}))}",
        f"MyProxy: {MyProxy!r} {attempt(lambda: MyProxy())} {attempt(lambda: pickle.loads(pickle.dumps(MyProxy)) is MyProxy)}",
        f"local: {attempt(lambda: pickle.dumps(local(object)))}", f"gone: {attempt(lambda: pickle.dumps(gone(object)))}",
        f"JsException: {attempt(lambda: pickle.loads(pickle.dumps(f.JsException)) is f.JsException)}"]
`);
console.log(py.runPython(`
import sys
sys.path[:0] = ["/session/metadata"]
import worker
"\\n".join([sys.version.split()[0], *worker.out])
`));
