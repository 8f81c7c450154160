"""The ``pyodide.ffi`` classes derive from one another as Pyodide's own (``_pyodide/_core_docs.py``
of 0.28.2, read from its ``python_stdlib.zip``: ``class JsTypedArray(JsBuffer, JsArray[int])``,
``class JsMutableMap(JsMap[KT, VT], ...)``, ``class JsCallableDoubleProxy(JsDoubleProxy[...],
JsCallable[P, T], ...)``, ``class JsGenerator(JsIterable[T_co], ...)``), so ``issubclass`` between
them and a Worker's subclass's ``__mro__`` are Pyodide's, less the ``collections.abc`` bases
workers-env leaves out (README, "Where we had to choose"). ffi56 built the hierarchy; its test
pinned ``JsArray``'s line only, and audit33's mutants taking ``JsBuffer`` off ``JsTypedArray``
and ``JsMap`` off ``JsMutableMap`` survived."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = '''
from pyodide.ffi import (JsArray, JsBuffer, JsCallable, JsCallableDoubleProxy, JsDoubleProxy, JsGenerator,
                         JsIterable, JsMap, JsMutableMap, JsProxy, JsTypedArray)
from workers import Response, WorkerEntrypoint


class MyTyped(JsTypedArray):
    pass


class MyMutable(JsMutableMap):
    pass


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({
            "mro": [[c.__name__ for c in cls.__mro__] for cls in (MyTyped, MyMutable, JsCallableDoubleProxy)],
            "sub": [issubclass(JsTypedArray, JsBuffer), issubclass(JsTypedArray, JsArray), issubclass(MyTyped, JsIterable),
                    issubclass(JsMutableMap, JsMap), issubclass(MyMutable, JsMap), issubclass(JsCallableDoubleProxy, JsCallable),
                    issubclass(JsCallableDoubleProxy, JsDoubleProxy), issubclass(JsGenerator, JsIterable),
                    issubclass(JsBuffer, JsTypedArray), issubclass(JsArray, JsTypedArray)],
        })
'''


def test_pyodide_ffi_classes_derive_as_pyodides(tmp_path):
    answer = json_answer(one_file_worker(tmp_path, ENTRY), "/")
    assert answer == {
        "mro": [["MyTyped", "JsTypedArray", "JsBuffer", "JsArray", "JsIterable", "JsProxy", "Generic", "object"],
                ["MyMutable", "JsMutableMap", "JsMap", "JsIterable", "JsProxy", "Generic", "object"],
                ["JsCallableDoubleProxy", "JsDoubleProxy", "JsCallable", "JsProxy", "Generic", "object"]],
        # the last by flags, as _JsProxyMetaClass.__subclasscheck__ ORs a class's flag list: JsArray's
        # ["IS_ARRAY", "IS_NODE_LIST", "IS_TYPEDARRAY"] holds JsTypedArray's IS_TYPEDARRAY
        "sub": [True] * 8 + [False, True],
    }
