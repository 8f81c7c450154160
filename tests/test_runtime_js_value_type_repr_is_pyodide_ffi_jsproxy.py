"""``repr(type(x))`` of every JavaScript value Worker code holds is Pyodide's
``<class 'pyodide.ffi.JsProxy'>`` (``__module__`` ``pyodide.ffi``, ``__qualname__`` ``JsProxy``):
Pyodide names its one C type ``pyodide.ffi.JsProxy`` since pyodide #4010 (2023, before 0.26.0a2)
and makes each JsProxy subtype with that dotted name (``JsProxy_create_subtype``'s
``type_name``, 0.26.0a2 and 0.28.3). Worker code compares ``str(type(x))`` with that text --
"Guard against JsNull content from Workers AI binding" in nicolad/nomadically.work's Python
Worker -- so the comparison holds here as deployed, in both Pyodide eras. A class holding a JS
value still pickles outside Worker code (by workers-env's own module, as ``pyodide.ffi`` is no
module there). `jsnull` (Pyodide 0.28) is of `_pyodide._core_docs.JsNull`, where 0.28 defines it."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
from workers import WorkerEntrypoint, Response
from js import JSON, Map, Object
from pyodide.ffi import JsProxy, to_js


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        values = [Object.new(), Map.new(), JSON.parse("[1]"), to_js({"a": 1}), to_js([1]), JSON.parse,
                  JSON.parse('{"d": {}}').d, Object.fromEntries(to_js([["a", 1]]))]
        return Response.json({
            "reprs": sorted({repr(type(v)) for v in values}),
            "str": [str(type(v)) == "<class 'pyodide.ffi.JsProxy'>" for v in values],
            "names": sorted({(type(v).__module__, type(v).__qualname__, type(v).__name__) for v in values}),
            "base": repr(JsProxy),
        })
"""


@pytest.mark.parametrize("date", ["2025-08-14", "2025-10-01"])
def test_repr_of_a_js_values_type_is_pyodide_ffi_jsproxy(tmp_path: Path, date: str) -> None:
    got = json_answer(one_file_worker(tmp_path, ENTRY, date=date), "/")
    assert got == {
        "reprs": ["<class 'pyodide.ffi.JsProxy'>"],
        "str": [True] * 8,
        "names": [["pyodide.ffi", "JsProxy", "JsProxy"]],
        "base": "<class 'pyodide.ffi.JsProxy'>",
    }


def test_proxy_classes_pickle_by_workers_envs_own_module() -> None:
    from workers_env.runtime.jsbase import JsProxy
    from workers_env.runtime.jsproxy import JsObject

    for cls in (JsProxy, JsObject):
        assert pickle.loads(pickle.dumps(cls)) is cls
    assert repr(JsObject) == "<class 'pyodide.ffi.JsProxy'>"


JSNULL = """
from workers import WorkerEntrypoint, Response
from js import JSON
from pyodide.ffi import JsNull


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        value = JSON.parse("null")
        return Response.json([repr(value), repr(type(value)), repr(JsNull)])
"""


def test_jsnull_type_is_pyodide_028s_core_docs_class(tmp_path: Path) -> None:
    # Pyodide 0.28.3's _pyodide/_core_docs.py defines ``class JsNull`` (0.26 has none)
    got = json_answer(one_file_worker(tmp_path, JSNULL, date="2025-10-01"), "/")
    assert got == ["jsnull", "<class '_pyodide._core_docs.JsNull'>", "<class '_pyodide._core_docs.JsNull'>"]


def test_jsnull_pickles_as_itself() -> None:
    from workers_env.runtime.jsbase import jsnull

    assert pickle.loads(pickle.dumps(jsnull)) is jsnull


SETS = """
from workers import WorkerEntrypoint, Response
from js import Set
from pyodide.ffi import to_js


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        values = [Set.new(), to_js({1, 2})]
        return Response.json([[repr(type(v)), type(v).__module__, type(v).__qualname__, type(v).__name__]
                              for v in values])
"""


@pytest.mark.parametrize("date", ["2025-08-14", "2025-10-01"])
def test_a_js_sets_type_is_pyodide_ffi_jsproxy_too(tmp_path: Path, date: str) -> None:
    # real Pyodide 0.28.2 and 0.26.0a4 (tools/pyodide, group "type-names"): js.Set.new()'s type
    # is <class 'pyodide.ffi.JsProxy'> as every JS value's; workers-env's Set is a list underneath
    got = json_answer(one_file_worker(tmp_path, SETS, date=date), "/")
    assert got == [["<class 'pyodide.ffi.JsProxy'>", "pyodide.ffi", "JsProxy", "JsProxy"]] * 2


def test_the_js_set_class_still_pickles_outside_worker_code_but_a_set_does_not() -> None:
    import copy

    from workers_env._jsvalues import JsSet

    assert pickle.loads(pickle.dumps(JsSet)) is JsSet
    for refused in (pickle.dumps, copy.deepcopy, copy.copy):  # as no JsProxy does (Pyodide 0.26.0a4, 0.28.2)
        with pytest.raises(TypeError, match="cannot pickle 'pyodide.ffi.JsProxy' object"):
            refused(JsSet([1, "a"]))
