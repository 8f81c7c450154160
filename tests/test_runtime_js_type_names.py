"""Every JavaScript value Worker code holds is named as Pyodide names it -- one C type,
``pyodide.ffi.JsProxy``: ``type(x).__name__`` is ``"JsProxy"`` and Python's own TypeErrors
say ``'pyodide.ffi.JsProxy'`` (Pyodide 0.26.0a4 and 0.28.2 under Node, ``tools/pyodide``), so
a traceback or a logged type name reads as in production (batch 18: a raw D1 row subscripted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env import load_worker

ENTRY = '''
import json
from js import JSON, Object, Response
from pyodide.ffi import JsProxy, to_js


def error(f):
    try:
        f()
    except TypeError as exc:
        return str(exc)


async def on_fetch(request, env):
    obj, arr = JSON.parse('{"a": 1}'), JSON.parse("[1, 2]")
    return Response.new(json.dumps({
        "names": sorted({type(v).__name__ for v in (obj, arr, to_js({"a": 1}), to_js([1]), request, env,
                                                     Object.new(), JSON.parse('{"d": {}}').d)}),
        "isinstance": [isinstance(v, JsProxy) for v in (obj, arr, request, env)],
        "errors": [error(lambda: obj["a"]), error(lambda: len(obj)), error(lambda: list(obj)),
                   error(lambda: "a" in obj), error(lambda: obj + 1)],
    }))
'''


def _interpreters_in_error(type_name: str) -> str:
    """``x in obj``'s TypeError for a type with neither ``__contains__`` nor ``__iter__``, in the
    running interpreter's words: 3.12 and 3.13 (Pyodide 0.26, 0.28) say "is not iterable", 3.14
    "is not a container or iterable" -- CPython's wording, not the type name pinned here."""
    try:
        "a" in object()  # noqa: B015 - the TypeError is the point
    except TypeError as exc:
        return str(exc).replace("'object'", f"'{type_name}'")
    raise AssertionError("object() became a container")


def worker(root: Path, date: str):
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(ENTRY)
    (root / "wrangler.toml").write_text(
        f'name = "t"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
        'compatibility_flags = ["python_workers", "disable_python_no_global_handlers"]\n')
    return load_worker(root)


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2024-09-23", "2025-10-01"])
async def test_every_js_value_is_a_pyodide_jsproxy_by_name(tmp_path, date):
    got = await (await worker(tmp_path, date).fetch("/")).json()
    assert got == {
        "names": ["JsProxy"],
        "isinstance": [True, True, True, True],
        "errors": [
            "'pyodide.ffi.JsProxy' object is not subscriptable",
            "object of type 'pyodide.ffi.JsProxy' has no len()",
            "'pyodide.ffi.JsProxy' object is not iterable",
            _interpreters_in_error("pyodide.ffi.JsProxy"),
            "unsupported operand type(s) for +: 'pyodide.ffi.JsProxy' and 'int'",
        ],
    }
