"""``pyodide.http``'s classes carry the Worker's Pyodide's module names -- ``FetchResponse`` is
``pyodide.http.FetchResponse`` on 0.26 and 0.28 and ``pyodide.http._pyfetch.FetchResponse`` on
the 314.0.x bundles, its errors ``pyodide.http._exceptions.*`` there -- and those errors pickle as
Pyodide's do: ``BodyUsedError`` round-trips, ``AbortError`` fails on loading (its ``args`` hold
the text, not the JavaScript error its ``__init__`` reads ``.message`` of). Real Pyodide 0.26.0a4,
0.28.2 and 314.0.6 under Node (``tools/pyodide`` group ``http-error-classes``, review69). Before,
``FetchResponse`` was ``workers_env.runtime.workers_api.FetchResponse`` in every era, and on the
314 era pickling any of the errors was a ``PicklingError`` (no ``pyodide.http._exceptions``
module to find its class in)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
import pickle

import js
import pyodide.http
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint


def pickled(error):
    try:
        data = pickle.dumps(error)
    except Exception as exc:
        return ["dumps", type(exc).__name__]
    try:
        back = pickle.loads(data)
    except Exception as exc:
        return ["loads", type(exc).__name__, str(exc)]
    return ["loaded", f"{type(back).__module__}.{type(back).__qualname__}", str(back)]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {"FetchResponse": f"{pyodide.http.FetchResponse.__module__}.{pyodide.http.FetchResponse.__qualname__}",
               "class repr": repr(pyodide.http.FetchResponse)}
        if hasattr(pyodide.http, "AbortError"):
            try:
                js.JSON.parse("{")
            except JsException as exc:
                out["AbortError"] = pickled(pyodide.http.AbortError(exc))
            out["BodyUsedError"] = pickled(pyodide.http.BodyUsedError())
        answer = await pyodide.http.pyfetch("data:text/plain,x")
        out["pyfetch answer"] = f"{type(answer).__module__}.{type(answer).__qualname__}"
        out["clone"] = type(answer.clone()).__module__
        out["isinstance"] = isinstance(answer, pyodide.http.FetchResponse)
        return Response(json.dumps(out))
'''

NO_MESSAGE = ["loads", "AttributeError", "'str' object has no attribute 'message'"]


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "module", "errors"), [
    ("2025-09-01", "pyodide.http", None),
    ("2025-10-01", "pyodide.http", "pyodide.http"),
    ("2026-10-01", "pyodide.http._pyfetch", "pyodide.http._exceptions"),
], ids=["0.26", "0.28", "314"])
async def test_classes_are_named_and_pickle_as_the_eras(tmp_path, date, module, errors):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    out = json.loads(await (await worker.fetch("/")).text())
    assert out.pop("FetchResponse") == f"{module}.FetchResponse"
    assert out.pop("class repr") == f"<class '{module}.FetchResponse'>"
    assert out.pop("pyfetch answer") == f"{module}.FetchResponse"
    assert out.pop("clone") == module and out.pop("isinstance") is True
    if errors is None:
        assert out == {}
    else:
        assert out == {"AbortError": NO_MESSAGE,
                       "BodyUsedError": ["loaded", f"{errors}.BodyUsedError", "Response body is already used"]}
