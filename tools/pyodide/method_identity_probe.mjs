// What a JS object's method read twice from Python is in real Pyodide (call60, before workers-env
// kept a binding method's function per name): a new JsProxy per read, of one JS function.
//   node tools/pyodide/method_identity_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-06 on 0.26.0a4, 0.28.2 and 314.0.6 alike: kv.get is kv.get False, == True, js_id
// equal; a plain object's arrow function the same; js.kv is js.kv False;
// kv.get == kv.put False.
// review93b: a service's RPC method (workerd makes a JsRpcProperty per read) as a getter answering a
// new function per read: svc.add == svc.add False, js_id differs; its fetch (a prototype method) ==.
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
class K { async get(k){ return k; } async put(k, v){ return undefined; } }
globalThis.kv = new K();
globalThis.plain = { get: async (k) => k };
class Fetcher { async fetch(r) { return r; } }
globalThis.svc = new Proxy(new Fetcher(), { get(t, name, r) { return name in t ? Reflect.get(t, name, r) : (async (...a) => a.length); } });
console.log(py.version, py.runPython(`
from js import kv, plain
out = []
a, b = kv.get, kv.get
out.append(("is", a is b))
out.append(("==", a == b))
out.append(("js_id", a.js_id == b.js_id))
out.append(("type", type(a).__name__, repr(a)[:40]))
c, d = plain.get, plain.get
out.append(("plain is", c is d, "==", c == d, "js_id", c.js_id == d.js_id))
k1, k2 = kv, kv
out.append(("kv is", k1 is k2, "==", k1 == k2))
import js
out.append(("js.kv is js.kv", js.kv is js.kv))
out.append(("kv.get == kv.put", kv.get == kv.put))
from js import svc
out.append(("svc.add ==", svc.add == svc.add, "js_id", svc.add.js_id == svc.add.js_id, "svc.fetch ==", svc.fetch == svc.fetch))
"\\n".join(repr(o) for o in out)
`));
