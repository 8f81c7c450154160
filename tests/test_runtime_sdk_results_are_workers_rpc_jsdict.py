"""A binding's converted result is the external SDK's ``JsDict`` as Worker code sees it: the SDK's
``python_from_rpc`` rebuilds every object as ``workers.rpc.JsDict`` (workers-runtime-sdk 1.9.5's
``rpc.py``; ``workers._workers.JsDict`` from 1.3.0 to 1.5.1, workers-py b12650e, until 1d5f751 moved
it to the new ``rpc.py`` in 1.5.2; 1.3.0's tag is the first whose ``_workers.py`` has a ``class
JsDict``, 1.2.0's has none -- audit31), so ``str(type(result))`` is ``<class 'workers.rpc.JsDict'>``
(public Workers compare such texts: nicolad/nomadically.work's ``str(type(content)) == "<class
'pyodide.ffi.JsProxy'>"``, hunt54) and ``from workers.rpc import JsDict`` is the class of every
result. KV's bulk ``get`` (a ``Map``) is one too. ``pickle`` still finds the class here, and the
built-in SDK era's ``.to_py()`` stays a plain ``dict``, as Pyodide's."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

from workers_env._jsvalues import JsDict, JsMapResult

BINDINGS = """
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "00000000-0000-0000-0000-000000000001"

[[kv_namespaces]]
binding = "KV"
id = "0123456789abcdef0123456789abcdef"
"""

WORKER = """
import pickle
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        res = await self.env.DB.prepare("SELECT 1 AS value").all()
        await self.env.KV.put("k", "v")
        bulk = await self.env.KV.get(["k"])
        out = {"result": str(type(res)), "row": str(type(res.results[0])), "bulk": str(type(bulk)),
               "name": [type(res).__name__, type(bulk).__name__, type(res).__qualname__]}
        try:
            from workers.rpc import JsDict
            out["rpc"] = [isinstance(res, JsDict), type(res) is JsDict, isinstance(bulk, JsDict)]
        except ImportError as e:
            out["rpc"] = type(e).__name__
        again = pickle.loads(pickle.dumps(res))
        out["pickled"] = [type(again) is type(res), again.results[0].value]
        return Response.json(out)
"""


@pytest.mark.parametrize(("vendored", "module"), [(None, "workers.rpc"), ("1.5.2", "workers.rpc"),
                                                  ("1.5.1", "workers._workers"), ("1.3.0", "workers._workers")])
def test_a_converted_result_is_the_sdks_jsdict(tmp_path: Path, vendored: str | None, module: str) -> None:
    folder = one_file_worker(tmp_path, WORKER, date="2026-05-01", extra=BINDINGS)
    if vendored is not None:
        (folder / "python_modules" / f"workers_runtime_sdk-{vendored}.dist-info").mkdir(parents=True)
    got = json_answer(folder, "/")
    shown = f"<class '{module}.JsDict'>"
    assert [got["result"], got["row"], got["bulk"]] == [shown] * 3
    assert got["name"] == ["JsDict"] * 3
    # workers.rpc came with 1.5.2 (every SDK on PyPI has it); 1.5.1's JsDict is in workers._workers
    assert got["rpc"] == ([True, True, True] if module == "workers.rpc" else "ModuleNotFoundError")
    assert got["pickled"] == [True, 1]


BUILTIN = """
from js import JSON
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        res = await self.env.DB.prepare("SELECT 1 AS value").all()
        return Response.json([str(type(res.to_py())), str(type(JSON.parse('{"a": 1}').to_py()))])
"""


def test_the_built_in_sdk_eras_to_py_stays_a_dict(tmp_path: Path) -> None:
    folder = one_file_worker(tmp_path, BUILTIN, date="2025-11-02", extra=BINDINGS)
    assert json_answer(folder, "/") == ["<class 'dict'>", "<class 'dict'>"]


def test_outside_worker_code_the_class_shows_the_newest_sdks_name_and_pickles() -> None:
    value = JsDict({"a": JsMapResult({"k": "v"})})
    assert repr(JsDict) == "<class 'workers.rpc.JsDict'>" == repr(JsMapResult)
    again = pickle.loads(pickle.dumps(value))
    assert type(again) is JsDict and type(again["a"]) is JsMapResult and again == value
