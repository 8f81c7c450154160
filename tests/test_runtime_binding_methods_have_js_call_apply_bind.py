"""A binding's method as Worker code holds it where ``env`` hands out the JavaScript binding (the
module era's ``on_fetch(request, env)``, a raw JsProxy) is a JS function: Function.prototype's
``call``, ``apply`` and ``bind`` reach through it, as through any JsProxy of a JS object's method
(real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node: ``o.get.call(o, 'a')``,
``o.get.apply(o, to_js(['a']))``, ``o.get.bind(o)('a')`` all call ``o.get('a')``; the bound
function is ``bound get``, ``String()`` ``function () { [native code] }``). ``this`` other than
the binding is V8's ``TypeError: Illegal invocation`` for workerd's C++ (jsg) classes, whose
methods carry their class's signature (``KvNamespace``, ``R2Bucket``, queues, ``Fetcher``); for its
JavaScript ones (Workers AI, D1, Vectorize) it is not emulated. review79: each was an
AttributeError."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import NotEmulatedError, load_worker

ENTRY = """\
    import js
    from pyodide.ffi import to_js


    def outcome(call):
        try:
            call()
            return "ran"
        except Exception as e:
            return type(e).__name__ + ": " + str(e)


    async def on_fetch(request, env):
        kv = env.KV
        await kv.put("k", "v")
        out = [await kv.get.call(kv, "k"), await kv.get.apply(kv, to_js(["k"])), await kv.get.bind(kv)("k"),
               await kv.get.bind(kv, "k")()]
        bound = kv.get.bind(kv)
        out.append([repr(bound), bound.name, repr(kv.get), kv.get.name, kv.get.call.name, kv.get.apply.name])
        out += [outcome(lambda: kv.get.call(None, "k")), outcome(lambda: kv.get.bind(env)("k")),
                outcome(lambda: kv.get.apply(kv, 3))]
        if request.url.endswith("/ai"):
            out.append(outcome(lambda: env.AI.run.call(None, "@cf/x", to_js({}))))
        return js.Response.new(js.JSON.stringify(to_js(out)))
"""

KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "kv"\n'


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2024-09-01", "2025-10-01"])
async def test_call_apply_and_bind_of_a_binding_method(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra=KV, pyproject=False,
                                         flags=["disable_python_no_global_handlers"] if date >= "2025-08-14" else []))
    got = await (await worker.fetch("/")).json()
    assert got[:4] == ["v", "v", "v", "v"]
    assert got[4] == ["function () { [native code] }", "bound get", "function get() { [native code] }", "get",
                      "call", "apply"]
    assert got[5:] == ["JsException: TypeError: Illegal invocation", "JsException: TypeError: Illegal invocation",
                       "JsException: TypeError: CreateListFromArrayLike called on non-object"]


@pytest.mark.asyncio
async def test_another_this_for_a_javascript_classs_method_is_not_emulated(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2024-09-01",
                                         extra=KV + '[ai]\nbinding = "AI"\n', pyproject=False))
    got = await (await worker.fetch("/ai")).json()
    assert got[-1].startswith(f"{NotEmulatedError.__name__}: AI.run called with a `this` other than AI")
