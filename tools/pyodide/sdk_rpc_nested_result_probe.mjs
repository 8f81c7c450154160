// What a real SDK's wrappers hand back for functions nested in a binding call's result, with the
// SDK imported in one real Pyodide under Node as sdk_rpc_result_probe.mjs does (review85): nested()
// resolves to [{f: fn, n: 1}, fn, {fs: [fn]}]:
//   node tools/pyodide/sdk_rpc_nested_result_probe.mjs /tmp/pyodide/<version> <dir holding workers/>
// Measured 2026-12-06 on 314.0.6 and 0.28.2 with 1.6.4, 1.6.5 and 1.9.5: a list of JsDict,
// <the wrapper>, JsDict -- the top-level function the calling wrapper's class (_FetcherWrapper,
// not callable) in 1.6.4 and _RpcStubWrapper (callable) from 1.6.5; a dict's function, at any
// depth, the raw JsProxy, callable (f(2) -> 20, fs[0](2) -> 6) in each release.
import { sdkPyodide } from "./sdk_pyodide.mjs";
const py = await sdkPyodide(...process.argv.slice(2));
class Stmt { constructor(){ this.inner = new Id(); } async first(){ return 1; } } class Id { toString(){ return "id"; } }
globalThis.makeBinding = () => ({ nested: async () => [{ f: async (x) => x * 10, n: 1 }, async (x) => x * 2, { fs: [async (x) => x * 3] }], give: async () => (async (x) => x * 10) });
console.log(await py.runPythonAsync(`
import workers
try:
    from workers.rpc import _FetcherWrapper, _BindingWrapper
except ImportError:
    from workers._workers import _FetcherWrapper, _BindingWrapper
from js import makeBinding
out = []
w = _FetcherWrapper(makeBinding())
r = await w.nested()
out.append(("top", type(r).__name__, [type(i).__name__ for i in r]))
out.append(("r0", type(r[0]).__name__, type(r[0]["f"]).__name__, callable(r[0]["f"])))
try:
    out.append(("r0.f(2)", await r[0]["f"](2)))
except Exception as e:
    out.append(("r0.f(2)", type(e).__name__, str(e)))
out.append(("r1", type(r[1]).__name__, callable(r[1])))
out.append(("r2.fs0", type(r[2]["fs"][0]).__name__, callable(r[2]["fs"][0])))
try:
    out.append(("r2.fs0(2)", await r[2]["fs"][0](2)))
except Exception as e:
    out.append(("r2.fs0(2)", type(e).__name__, str(e)))
chr(10).join(repr(o) for o in out)
`));
