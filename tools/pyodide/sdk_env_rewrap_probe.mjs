// type(self.env)(self.env) with a real SDK in one real Pyodide under Node (leftovers57): the SDK's
// `workers/` folder (a workers-runtime-sdk tag's packages/runtime-sdk/src/workers, or workerd's
// src/pyodide/internal/workers-api/src/workers) copied in and imported as sdk_wrapper_names_probe.mjs
// does; an env of JS objects whose constructors carry workerd's class names (Fetcher, D1Database,
// KvNamespace, DurableObjectNamespace, WorkflowImpl, Hyperdrive) and two vars, wrapped by the SDK's
// _EnvWrapper, then wrapped again; each binding read through the second wrapper:
//   node tools/pyodide/sdk_env_rewrap_probe.mjs /tmp/pyodide/<version> <dir holding workers/>
// Measured 2026-12-06 on 314.0.6 and 0.26.0a4 with workers-runtime-sdk 1.5.1 and 1.5.2 and workerd
// 2026-08-22's built-in SDK: 1.5.2's is the same wrapper (_idempotent_new); 1.5.1's and the built-in
// one's a new wrapper (._env the first) whose reads go through _is_js_instance: a var or a binding
// handed out unwrapped comes back as it is, a binding the first wrapped in _BindingWrapper or
// _FetcherWrapper is AttributeError: 'function' object has no attribute 'name' (its constructor a
// wrapped method), a Durable Object namespace's or Workflow's wrapper is wrapped again
// (tests/test_sdk_env_wrapped_again_reads_through_the_first_wrapper.py).
import { sdkPyodide } from "./sdk_pyodide.mjs";
const py = await sdkPyodide(...process.argv.slice(2));
class Fetcher { async hello(x) { return "hi " + x; } }
class D1Database { prepare(q) { return { q }; } }
class KvNamespace { async get(k) { return "v:" + k; } }
class DurableObjectNamespace { get(id) { return new Fetcher(); } idFromName(n) { return "id:" + n; } }
class WorkflowImpl { async create(o) { return { id: "w1", status: async () => ({ status: "queued" }) }; } }
class Hyperdrive { constructor() { this.host = "h"; } }
globalThis.makeEnv = () => ({ SVC: new Fetcher(), DB: new D1Database(), KV: new KvNamespace(), NS: new DurableObjectNamespace(),
                              WF: new WorkflowImpl(), HD: new Hyperdrive(), NAME: "n", OBJ: { a: 1 } });
console.log(await py.runPythonAsync(`
import js
from workers._workers import _EnvWrapper
def attempt(make):
    try:
        got = make()
        return type(got).__name__ if not isinstance(got, (str, bool, int)) else got
    except Exception as e:
        return f"{type(e).__name__}: {e}"
old = _EnvWrapper(js.makeEnv())
new = type(old)(old)
out = [("new is old", new is old, attempt(lambda: new._env is old))]
for name in ("NAME", "OBJ", "HD", "DB", "KV", "SVC", "NS", "WF"):
    out.append((name, attempt(lambda: getattr(new, name)), attempt(lambda: getattr(new, name) is getattr(old, name)),
                attempt(lambda: getattr(new, name)._binding is getattr(old, name)),
                attempt(lambda: type(getattr(old, name).constructor).__name__), attempt(lambda: name in vars(new))))
out.append(("NS.get", attempt(lambda: new.NS.get(new.NS.idFromName("a"))), attempt(lambda: new.NS.get("x")._binding)))
try:
    out.append(("NS hello", await new.NS.get("x").hello("a")))
except Exception as e:
    out.append(("NS hello", f"{type(e).__name__}: {e}"))
inst = await new.WF.create()
out.append(("WF instance", type(inst).__name__, type(inst._binding).__name__))
"\\n".join(map(repr, out))
`));
