"""A caught ``JsException``'s ``args`` and ``Object.assign`` onto a JS error, as Pyodide 0.26.0a4,
0.28.2 and 314.0.6 give them under Node (``tools/pyodide`` group ``jsexception-args``, 8/8 on each,
leftovers47): ``e.args`` is one JsProxy of the error itself -- equal to ``e``, not ``is`` it, its
``repr`` the error's text unquoted, its properties the error's -- and ``Object.assign(error, ...)``
sets the properties on the error (``name`` becoming an own, enumerable one), returning it. Before,
``args`` held the error's text (a ``str``) and the assign was ``NotEmulatedError``."""

from __future__ import annotations

import json

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

CODE = '''
from js import JSON, Object, Error, TypeError as JsTypeError
from pyodide.ffi import JsException, JsProxy, to_js
from workers import Response, WorkerEntrypoint


def caught():
    try:
        JSON.parse("{")
    except JsException as error:
        return error


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        e = caught()
        [first] = e.args
        made = JsException("X", "m")
        error = Error.new("m")
        returned = Object.assign(error, to_js({"code": 5, "name": "X"}, dict_converter=Object.fromEntries))
        typed = JsTypeError.new("m")
        Object.assign(typed, to_js({"a": 1}, dict_converter=Object.fromEntries))
        Object.assign(e, to_js({"b": 2}, dict_converter=Object.fromEntries))
        return Response.json([
            type(first).__name__, isinstance(first, JsProxy), first is e, first == e, e.args == (e,), repr(first),
            first.name, str(first.message), repr(made.args), returned == error, error.code, error.name, str(error),
            JSON.stringify(error), str(typed), list(Object.keys(typed)), e.b, list(Object.keys(e))])
'''


def _worker(tmp_path, code: str, date: str):
    """A one-file Worker of ``code`` at ``date``, loaded."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(code)
    (tmp_path / "wrangler.json").write_text(json.dumps({"name": "w", "main": "src/entry.py", "compatibility_date": date,
                                                        "compatibility_flags": ["python_workers"]}))
    return load_worker(typical_pyproject(tmp_path))


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
async def test_as_pyodide(tmp_path, date):
    worker = _worker(tmp_path, CODE, date)
    text = "SyntaxError: Expected property name or '}' in JSON at position 1 (line 1 column 2)"
    assert await (await worker.fetch("/")).json() == [
        "JsProxy", True, False, True, True, text, "SyntaxError", text.partition(": ")[2], "(X: m,)", True, 5, "X",
        "X: m", '{"code":5,"name":"X"}', "TypeError: m", ["a"], 2, ["b"]]


HASHED = '''
import pickle
from js import JSON
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint


def hashed(value):
    try:
        return hash(value) == hash(value)
    except TypeError as error:
        return str(error)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            JSON.parse("{")
        except JsException as error:
            e = error
        back = pickle.loads(pickle.dumps(e))
        return Response.json([hashed(e), hashed(e.args[0]), type(back).__name__, str(back) == str(e), repr(e) == str(e)])
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
async def test_a_jsexception_is_unhashable_and_pickles(tmp_path, date):
    """Unhashable as Pyodide's (``hash(e)`` a ``TypeError``; before, hashed by identity), its ``args[0]``
    too; pickled and loaded a ``JsException`` of the same text; ``repr`` its ``str`` -- review69, group
    ``jsexception-args`` 14/14 on 0.26.0a4, 0.28.2 and 314.0.6."""
    worker = _worker(tmp_path, HASHED, date)
    assert await (await worker.fetch("/")).json() == [
        "unhashable type: 'pyodide.ffi.JsException'", "unhashable type: 'pyodide.ffi.JsProxy'", "JsException", True, True]
