"""Worker code cannot subclass ``pyodide.ffi.JsException``: real Pyodide 0.26.0a4, 0.28.2 and
314.0.6 refuse ``class MyError(JsException)`` -- and ``class E(Exception, JsException)``, and a
subclass of a caught error's class -- with ``TypeError: type 'pyodide.ffi.JsException' is not an
acceptable base type`` (its C type has no ``Py_TPFLAGS_BASETYPE``; every other ``pyodide.ffi``
class, ``JsProxy`` and ``JsArray`` among them, takes a subclass; review86's probe). Here a Worker
subclassing it ran, and so did a local subclass's ``pickle.dumps``, whose bytes then failed to
load. workers-env's own subclasses (``VectorizeError``, the ``pyodide.ffi`` faces of a binding's
errors) and a test's -- outside Worker code, or in a fake binding the Worker calls -- are made as
before."""

from __future__ import annotations

import asyncio

from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

ENTRY = '''
import js
from pyodide.ffi import JsException, JsProxy
from workers import Response, WorkerEntrypoint


def subclass(*bases):
    try:
        type("MyError", bases, {})
        return "made"
    except TypeError as exc:
        return f"TypeError: {exc}"


try:
    class AtTop(JsException):
        pass
    top = "made"
except TypeError as exc:
    top = f"TypeError: {exc}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.KV.get("")
        except JsException as exc:
            caught = type(exc)
        try:
            await self.env.FAKE.get()
        except JsException as exc:
            faked = str(exc)
        try:
            js.JSON.parse("{")
        except JsException as exc:
            parsed = type(exc)
        return Response.json({
            "top": top, "plain": subclass(JsException), "mixed": subclass(Exception, JsException),
            "caught": subclass(caught), "parsed": subclass(parsed), "proxy": subclass(JsProxy),
            "exception": subclass(Exception), "raised": str(caught("Error", "still made")), "faked": faked,
        })
'''

REFUSED = "TypeError: type 'pyodide.ffi.JsException' is not an acceptable base type"


class Fake:
    """A test's fake binding, whose call makes a subclass of its own while the Worker runs."""

    async def get(self):
        class Faked(JsException):
            pass

        raise Faked("faked")


async def _answer(worker):
    return await (await worker.fetch("/")).json()


def test_worker_code_cannot_subclass_js_exception(tmp_path):
    extra = '[[kv_namespaces]]\nbinding = "KV"\nid = "k"\n'
    worker = load_worker(one_file_worker(tmp_path, ENTRY, extra=extra), bindings={"FAKE": Fake()})
    assert asyncio.run(_answer(worker)) == {
        "top": REFUSED, "plain": REFUSED, "mixed": REFUSED, "caught": REFUSED, "parsed": REFUSED,
        "proxy": "made", "exception": "made", "raised": "Error: still made", "faked": "Error: faked",
    }


def test_a_test_outside_worker_code_still_subclasses_it():
    class Faked(JsException):
        pass

    assert str(Faked("boom")) == "Error: boom" and isinstance(Faked("x"), JsException)
