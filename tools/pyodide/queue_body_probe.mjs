// What V8's structured clone, JSON.stringify and to_py make of the bodies a Python Worker can
// give a Queue's send(), in one real Pyodide under Node (queues43):
//   node tools/pyodide/queue_body_probe.mjs /tmp/pyodide/<version>
// Prints one JSON line per Python value (typeof, the clone's error or result, its JSON), then
// what JsProxy.to_py() makes of a Uint8Array, an ArrayBuffer, a Map and an object (the external
// SDK's python_from_rpc reads a delivered body so). "v8 len" is Node's v8.serialize, which writes typed
// arrays as its own host objects: workerd's sizes are `tools/wrangler/queue_probe.py sizes`.
import path from "path"; import { pathToFileURL } from "url"; import v8 from "v8";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
py.runPython(`
import js
from pyodide.ffi import to_js
def f(): return 1
class C: pass
values = {"function": f, "lambda": lambda: 1, "builtin": len, "instance": C(), "class": C, "bytes": b"abc",
          "bytearray": bytearray(b"ab"), "memoryview": memoryview(b"ab"), "to_js bytes": to_js(b"abc"), "set": {1}, "complex": 1j,
          "symbol": js.Symbol("s"), "dict": {"a": 1}, "tuple": (1, 2), "None": None, "big int": 2**64}
`);
const conv = py.globals.get("values");
for (const key of ["function","lambda","builtin","instance","class","bytes","bytearray","memoryview","to_js bytes","set","complex","symbol","dict","tuple","None","big int"]) {
  const v = conv.get(key);
  const row = [key, typeof v, Object.prototype.toString.call(v)];
  try { const c = structuredClone(v); row.push("clone ok " + Object.prototype.toString.call(c)); } catch (e) { row.push(`clone ${e.name}: ${e.message}`); }
  try { row.push("json " + String(JSON.stringify(v))); } catch (e) { row.push(`json ${e.name}: ${e.message.slice(0, 120)}`); }
  try { const s = v8.serialize(v); row.push("v8 len " + s.length); } catch (e) { row.push(`v8 ${e.name}: ${e.message}`); }
  console.log(JSON.stringify(row));
}
console.log(py.runPython(`
def conv(value, convert, cache):
    return value
out = []
for name, v in [("Uint8Array", js.Uint8Array.new([1, 2, 3])), ("ArrayBuffer", js.Uint8Array.new([1, 2, 3]).buffer),
                ("Map", js.Map.new([["a", 1]])), ("Object", js.JSON.parse('{"0":1,"1":2}'))]:
    r = v.to_py(default_converter=conv)
    out.append((name, type(r).__name__, bytes(r) if isinstance(r, memoryview) else r))
repr(out)
`));
