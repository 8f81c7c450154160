"""A Worker's own subclass of a ``pyodide.ffi`` class is a plain Python class there (Pyodide's
``_core_docs.py`` classes are Python ones): its ``__doc__`` is its own docstring, or ``None``
without one, as for any Python class -- not the ``pyodide.ffi`` class's docstring, which only the
``pyodide.ffi`` classes themselves show (runtime/jsabc.py's metaclass, per Pyodide release;
tests/test_runtime_pyodide_ffi_abstract_types_have_pyodides_docstrings.py). ``help()`` of the
Worker's class reads it. audit33's mutant showing Pyodide's docstring on the subclass survived."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = '''
from pyodide.ffi import JsArray, JsMap
from workers import Response, WorkerEntrypoint


class Rows(JsArray):
    """The rows a query answers."""


class Bare(JsMap):
    pass


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([Rows.__doc__, Bare.__doc__, JsArray.__doc__ == Rows.__doc__])
'''


def test_a_workers_subclass_shows_its_own_docstring(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/") == ["The rows a query answers.", None, False]
