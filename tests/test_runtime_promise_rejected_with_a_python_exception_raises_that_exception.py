"""A promise rejected with a Python exception -- ``js.Promise.reject(to_js(err))``, a call's
``Promise.reject(err)``, an executor's ``reject(to_js(err))`` -- raises that very exception object
where the Worker awaits it, as in Pyodide 0.26.0a4, 0.28.2 and 314.0.6 (``to_js`` of an exception is
a PyProxy that converts back to it: tools/pyodide, group ``promise-rejections``), with the Worker's
frames only. Before, ``to_js(err)`` came back as a ``JsException`` reading ``Error: mine``."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import json
import traceback

import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        makers = {
            "to_js": lambda err: js.Promise.reject(to_js(err)),
            "plain": lambda err: js.Promise.reject(err),
            "executor": lambda err: js.Promise.new(lambda resolve, reject: reject(to_js(err))),
        }
        out = {}
        for name, make in makers.items():
            err = ValueError("mine")
            try:
                await make(err)
                out[name] = "no error"
            except Exception as e:
                frames = [f.filename.rsplit("/", 1)[-1] for f in traceback.extract_tb(e.__traceback__)]
                out[name] = [type(e).__name__, str(e), e is err, frames]
        return Response(json.dumps(out))
'''


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
def test_the_worker_gets_its_own_exception_back(tmp_path, date):
    one_file_worker(tmp_path, ENTRY, date=date)
    answer = json_answer(tmp_path, "/")
    assert answer == {name: ["ValueError", "mine", True, ["entry.py"]] for name in ("to_js", "plain", "executor")}


HANDLERS = '''
import json

import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        err, obj, got = KeyError("k"), object(), {}

        def keep(name, expected):
            return lambda value: got.__setitem__(name, [type(value).__name__, value is expected])

        await js.Promise.new(lambda resolve, reject: reject(to_js(err))).catch(keep("catch", err))
        await js.Promise.new(lambda resolve, reject: reject(to_js(err))).then(None, keep("then", err))
        await js.Promise.reject(to_js(err)).catch(keep("reject", err))
        await js.Promise.new(lambda resolve, reject: resolve(to_js(obj))).then(keep("fulfilled", obj))
        return Response(json.dumps(got))
'''


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
def test_a_python_handler_gets_the_object_a_to_js_pyproxy_holds(tmp_path, date):
    """A ``.catch``/``.then`` handler of a promise an executor settled with ``to_js(value)`` (a
    PyProxy) gets ``value`` itself, as Pyodide converts a PyProxy argument back (0.26.0a4, 0.28.2,
    314.0.6: group ``promise-rejections``); before, the rejection handler got the JsProxy and
    resolving with a non-awaitable object's PyProxy rejected (its ``__await__`` was looked for)."""
    one_file_worker(tmp_path, HANDLERS, date=date)
    assert json_answer(tmp_path, "/") == {"catch": ["KeyError", True], "then": ["KeyError", True],
                                          "reject": ["KeyError", True], "fulfilled": ["object", True]}
