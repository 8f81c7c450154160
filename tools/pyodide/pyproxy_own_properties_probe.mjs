// Own properties of the PyProxy of a Python function -- what workerd's RPC server looks up on a
// function target (tryGetProperty: HasOwnProperty, then Get) when a caller reads a property of the
// function's stub -- in real Pyodide under Node (review85):
//   node tools/pyodide/pyproxy_own_properties_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-06 on 0.26.0a4, 0.28.2, 314.0.6: for a bound method, a function with an
// attribute (extra = 7) and a lambda, hasOwnProperty is true of "prototype" alone (its value
// undefined), false of name, length, extra, __name__ and any other (getOwnPropertyNames lists dir()).
import path from "path"; import { pathToFileURL } from "url";
const [dir] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
py.runPython(`
from pyodide.ffi import create_proxy
class C:
    def times_ten(self, x):
        return x * 10
def plain(x):
    return x
plain.extra = 7
import js
js.bound = create_proxy(C().times_ten)
js.plainp = create_proxy(plain)
js.lam = create_proxy(lambda x: x)
`);
const out = [py.version];
for (const name of ["bound", "plainp", "lam"]) {
  const p = globalThis[name];
  const r = { typeof: typeof p, own: (() => { try { return Object.getOwnPropertyNames(p); } catch (e) { return String(e); } })() };
  for (const k of ["anything", "name", "length", "extra", "prototype", "__name__", "__call__", "__doc__", "__self__", "call", "apply", "bind", "toString", "type", "destroy"]) {
    let own, v;
    try { own = Object.prototype.hasOwnProperty.call(p, k); } catch (e) { own = "throws " + e; }
    try { v = p[k]; v = v === undefined ? "undefined" : (typeof v === "function" ? "function" : (typeof v === "object" ? Object.prototype.toString.call(v) : v)); } catch (e) { v = "throws " + e; }
    r[k] = [own, v];
  }
  out.push([name, r]);
}
console.log(JSON.stringify(out, null, 0));
