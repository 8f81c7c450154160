"""A JS value takes no weak reference, as Pyodide's ``JsProxy`` takes none: ``weakref.ref``,
``weakref.proxy``, ``weakref.finalize`` and the weak containers of one are ``TypeError: cannot
create weak reference to 'pyodide.ffi.JsProxy' object`` (a thrown JS error's: ``'pyodide.ffi.
JsException'``), real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 alike (tools/pyodide group
``weakref-of-js-values``). workers-env's own bookkeeping of JS values (a request's ``ctx``, an
``AbortSignal.any`` follower, a ``pyodide.ffi.wrappers`` listener) still lets go of them."""

from __future__ import annotations

import asyncio
import gc
import weakref

import pytest
from worker_helpers import json_answer, one_file_worker

from workers_env import js, load_worker
from workers_env._proxytype import PyodideProxyType

REFUSED = "cannot create weak reference to 'pyodide.ffi.JsProxy' object"


def _values():
    return {"object": js.Object.new(), "function": js.fetch, "namespace": js.JSON, "array": js.JSON.parse("[1]"),
            "map": js.Map.new(), "set": js.Set.new(), "bytes": js.Uint8Array.new(2), "response": js.Response.new("x"),
            "signal": js.AbortController.new().signal, "class": js.Array,
            "proxy": js.Object.fromEntries([["a", 1]])}


@pytest.mark.parametrize("kind", sorted(_values()))
def test_every_weak_reference_to_a_js_value_is_refused(kind):
    value = _values()[kind]
    for make in (weakref.ref, weakref.proxy, lambda v: weakref.ref(v, print), lambda v: weakref.finalize(v, print),
                 lambda v: weakref.WeakSet().add(v), lambda v: weakref.WeakKeyDictionary().__setitem__(v, 1)):
        with pytest.raises(TypeError) as refused:
            make(value)
        assert str(refused.value) == REFUSED
    kept = weakref.WeakValueDictionary()
    with pytest.raises(TypeError, match="^cannot create weak reference to 'pyodide.ffi.JsProxy' object$"):
        kept["k"] = value
    assert ("k" in kept, len(kept)) == (False, 0)  # nothing half-stored
    assert not hasattr(value, "__weakref__")


def test_no_js_value_class_has_a_weakref_slot():
    from workers_env.runtime.jsbase import JsProxy

    seen, todo = [], [JsProxy, type(js.Set.new())]  # (a class is unhashable too: by identity)
    while todo:
        cls = todo.pop()
        seen.append(cls)
        todo.extend(sub for sub in type.__subclasses__(cls) if all(sub is not known for known in seen))
    assert len(seen) > 50
    weakly = sorted(cls._own_name for cls in seen if cls.__weakrefoffset__)
    assert weakly == []
    assert all(isinstance(cls, PyodideProxyType) for cls in seen)


def test_a_thrown_js_error_takes_no_weak_reference_either():
    try:
        js.JSON.parse("{")
    except Exception as error:  # noqa: BLE001 - the JsException
        caught = error
    with pytest.raises(TypeError, match="^cannot create weak reference to 'pyodide.ffi.JsException' object$"):
        weakref.ref(caught)
    assert type(caught).__name__ == "JsException"
    assert repr(caught).startswith("SyntaxError: ")  # its toString, as Pyodide shows a JsException


WORKER = '''
import weakref
from pyodide.ffi import create_proxy
from pyodide.ffi.wrappers import add_event_listener, remove_event_listener
from js import AbortController, AbortSignal, Object
from workers import Response, WorkerEntrypoint

HEARD = []


def attempt(make):
    try:
        make()
    except TypeError as error:
        return str(error)
    return "taken"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        controller = AbortController.new()
        follower = AbortSignal.any([controller.signal])
        listener = lambda event: HEARD.append("heard")
        add_event_listener(follower, "abort", listener)
        remove_event_listener(follower, "abort", listener)
        controller.abort("stop")
        return Response.json([attempt(lambda: weakref.ref(self.ctx)), attempt(lambda: weakref.ref(request.js_object)),
                              attempt(lambda: weakref.ref(create_proxy(Object.new()))),
                              follower.aborted, HEARD])
'''


def test_worker_code_is_refused_and_the_runtimes_own_bookkeeping_goes_on(tmp_path):
    answer = json_answer(one_file_worker(tmp_path, WORKER, date="2025-10-01"), "/")
    assert answer == [REFUSED, REFUSED, REFUSED, True, []]


def test_a_requests_own_bookkeeping_goes_with_its_context(tmp_path):
    from workers_env.runtime import current

    folder = one_file_worker(tmp_path, WORKER, date="2025-10-01")

    async def requests():
        worker = load_worker(folder)
        for _ in range(30):
            assert (await worker.fetch("/")).status == 200

    gc.collect()
    before = len(current._TASKS)
    asyncio.run(requests())
    gc.collect()
    assert len(current._TASKS) <= before  # 30 contexts' entries gone with them
