// What a real SDK's wrappers hand back for a function and a JS class instance a binding call
// returns, with the SDK imported in one real Pyodide under Node as sdk_wrapper_names_probe.mjs does
// (rpc54): a _FetcherWrapper round a plain JS object whose give() resolves to a function, prep()
// answers a class instance (a D1 statement's stand-in) and whose `nested` is one:
//   node tools/pyodide/sdk_rpc_result_probe.mjs /tmp/pyodide/<version> <dir holding workers/>
// Measured 2026-12-06 on 314.0.6 and 0.28.2: 1.5.4 and 1.6.4 give the function back as
// _FetcherWrapper, callable() False, calling it "TypeError: '_FetcherWrapper' object is not
// callable"; 1.6.5 and 1.9.5 as _RpcStubWrapper, called: 40. prep() and prep().inner are
// _FetcherWrapper (_BindingWrapper from a _BindingWrapper) in each; so is the attribute `nested`.
import { sdkPyodide } from "./sdk_pyodide.mjs";
const py = await sdkPyodide(...process.argv.slice(2));
class Stmt { constructor(){ this.inner = new Id(); } async first(){ return 1; } } class Id { toString(){ return "id"; } }
globalThis.makeBinding = () => ({ give: async () => ((x) => Promise.resolve(x * 10)), prep: () => new Stmt(), nested: new Id() });
console.log(await py.runPythonAsync(`
import workers
try:
    from workers.rpc import _FetcherWrapper, _BindingWrapper
except ImportError:
    from workers._workers import _FetcherWrapper, _BindingWrapper
from js import makeBinding
out = []
w = _FetcherWrapper(makeBinding())
f = await w.give()
out.append(("give", type(f).__name__, callable(f)))
try:
    out.append(("call", await f(4)))
except Exception as e:
    out.append(("call", type(e).__name__, str(e)))
s = w.prep()
out.append(("prep", type(s).__name__))
out.append(("prep.inner", type(s.inner).__name__))
out.append(("nested attr", type(w.nested).__name__))
b = _BindingWrapper(makeBinding())
out.append(("binding prep", type(b.prep()).__name__, "nested attr", type(b.nested).__name__))
chr(10).join(repr(o) for o in out)
`));
