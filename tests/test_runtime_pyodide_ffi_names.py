"""``pyodide.ffi`` has every name Pyodide's has, per the Worker's Pyodide: the abstract proxy types
(``isinstance`` by what a JS value can do, Pyodide's quirks included), ``IN_BROWSER``,
``ConversionError``, ``create_once_callable`` and ``register_js_module``; the names new in 0.28
(``JsNull``, ``JsOnceCallable``, ...) are an ``ImportError`` on 0.26. Expected values are what
Pyodide 0.28.2 and 0.26.0a4 answer under Node (``tools/pyodide/``, group ``ffi-types``)."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
import traceback

from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        code = await request.text()
        scope = {}
        try:
            exec(code, scope)
            result = scope.get("result")
        except Exception as exc:
            result = f"{type(exc).__name__}: {exc}"
        return Response(json.dumps(result))

    on_fetch = fetch  # before 2025-08-14 workerd calls Default.on_fetch
'''

PYODIDE_028, PYODIDE_026 = "2025-10-01", "2025-09-01"

KINDS = """
import pyodide.ffi as f
from js import JSON
from pyodide.ffi import to_js, create_proxy

NAMES = ("JsProxy JsArray JsMap JsMutableMap JsIterable JsAsyncIterable JsCallable JsDoubleProxy "
         "JsCallableDoubleProxy JsOnceCallable JsPromise JsBuffer JsTypedArray JsFetchResponse JsWeakRef").split()

def kinds(v):
    return [n for n in NAMES if isinstance(getattr(f, n, None), type) and isinstance(v, getattr(f, n))]
"""


def _worker(tmp_path, date):
    return load_worker(one_file_worker(tmp_path, ENTRY, date=date))


async def _run(worker, code):
    response = await worker.fetch("/", method="POST", body=textwrap.dedent(code))
    return json.loads(await response.text())


@pytest.mark.asyncio
@pytest.mark.parametrize(("value", "want"), [
    ("JSON.parse('[3, 1]')", ["JsProxy", "JsArray", "JsIterable", "JsFetchResponse", "JsWeakRef"]),
    ("JSON.parse('{\"a\": 1}')", ["JsProxy", "JsFetchResponse", "JsWeakRef"]),
    ("to_js({'a': 1})", ["JsProxy", "JsMap", "JsMutableMap", "JsIterable", "JsFetchResponse", "JsWeakRef"]),
    ("JSON.parse('{\"a\": 1}').as_object_map()", ["JsProxy", "JsMap", "JsMutableMap", "JsFetchResponse", "JsWeakRef"]),
    ("js.Uint8Array.new(2)", ["JsProxy", "JsArray", "JsIterable", "JsBuffer", "JsTypedArray", "JsFetchResponse", "JsWeakRef"]),
    ("js.ArrayBuffer.new(2)", ["JsProxy", "JsBuffer", "JsFetchResponse", "JsWeakRef"]),
    ("create_proxy(lambda: 1)", ["JsProxy", "JsCallable", "JsDoubleProxy", "JsCallableDoubleProxy", "JsOnceCallable",
                                 "JsFetchResponse", "JsWeakRef"]),
    # a list's PyProxy has get(), a length and iteration: Pyodide's flags make it a JsMap
    ("create_proxy([1])", ["JsProxy", "JsMap", "JsMutableMap", "JsIterable", "JsDoubleProxy", "JsCallableDoubleProxy",
                           "JsFetchResponse", "JsWeakRef"]),
    ("f.create_once_callable(lambda: 1)", ["JsProxy", "JsCallable", "JsOnceCallable", "JsFetchResponse", "JsWeakRef"]),
    ("js.ReadableStream.new()", ["JsProxy", "JsAsyncIterable", "JsFetchResponse", "JsWeakRef"]),
    ("js.Map.new()", ["JsProxy", "JsMap", "JsMutableMap", "JsIterable", "JsFetchResponse", "JsWeakRef"]),
    # a Set: iterable with a size, no get() -- a JsProxy like any JS value (Pyodide 0.26.0a4, 0.28.2, 314.0.6)
    ("js.Set.new()", ["JsProxy", "JsIterable", "JsFetchResponse", "JsWeakRef"]),
    ("to_js({1, 2})", ["JsProxy", "JsIterable", "JsFetchResponse", "JsWeakRef"]),
    ("[1]", []),  # Python values are no JS value of any kind
    ("None", []),
])
async def test_isinstance_of_the_abstract_types_goes_by_what_the_js_value_can_do(tmp_path, value, want):
    worker = _worker(tmp_path, PYODIDE_028)
    assert await _run(worker, KINDS + f"import js\nresult = kinds({value})") == want


@pytest.mark.asyncio
async def test_the_names_new_in_pyodide_028_are_an_import_error_on_026(tmp_path):
    names = ["JsNull", "jsnull", "JsOnceCallable", "JsCallableDoubleProxy", "JsWeakRef", "ToJsConverter"]
    code = f"""
    out = {{}}
    for name in {names!r}:
        try:
            exec(f"from pyodide.ffi import {{name}}")
            out[name] = "ok"
        except ImportError:
            out[name] = "ImportError"
    import pyodide.ffi
    out["__all__"] = sorted(pyodide.ffi.__all__)
    out["JsPromise"] = pyodide.ffi.JsPromise.__name__  # in both
    result = out
    """
    old = await _run(_worker(tmp_path / "old", PYODIDE_026), code)
    new = await _run(_worker(tmp_path / "new", PYODIDE_028), code)
    assert {k: old[k] for k in names} == dict.fromkeys(names, "ImportError")
    assert {k: new[k] for k in names} == dict.fromkeys(names, "ok")
    assert old["JsPromise"] == new["JsPromise"] == "JsPromise"
    assert set(new["__all__"]) - set(old["__all__"]) == {*names, "run_sync"}
    assert "IN_BROWSER" in old["__all__"] and "register_js_module" in old["__all__"]


@pytest.mark.asyncio
async def test_in_browser_is_true_so_libraries_take_their_pyodide_path(tmp_path):
    """Libraries detect Pyodide with ``from pyodide.ffi import IN_BROWSER`` guarded by
    ``except ModuleNotFoundError``: an ImportError of a missing name would escape that guard."""
    code = """
    try:
        from pyodide.ffi import IN_BROWSER
    except ModuleNotFoundError:
        IN_BROWSER = "no pyodide"
    result = IN_BROWSER
    """
    assert await _run(_worker(tmp_path, PYODIDE_026), code) is True


@pytest.mark.asyncio
async def test_to_js_without_pyproxies_raises_conversion_error_for_what_it_cannot_convert(tmp_path):
    code = """
    from pyodide.ffi import ConversionError, to_js
    out = [to_js([1, "a", None], create_pyproxies=False).to_py(), issubclass(ConversionError, Exception)]
    try:
        to_js({"a": object()}, create_pyproxies=False)
    except ConversionError as exc:
        out.append(str(exc))
    out.append(type(to_js([object()])[0]).__name__)  # with PyProxies (the default) it crosses
    result = out
    """
    assert await _run(_worker(tmp_path, PYODIDE_028), code) == [[1, "a", None], True, "No conversion known for x.", "object"]


@pytest.mark.asyncio
async def test_a_once_callable_runs_once_then_throws(tmp_path):
    code = """
    from pyodide.ffi import create_once_callable
    calls = []
    g = create_once_callable(lambda x: calls.append(x) or x * 2)
    out = [g(4)]
    try:
        g(5)
    except Exception as exc:
        out.append(f"{type(exc).__name__}: {exc}")
    result = out + [calls]
    """
    assert await _run(_worker(tmp_path, PYODIDE_028), code) == [
        8, "JsException: Error: OnceProxy can only be called once", [4]]


@pytest.mark.asyncio
async def test_a_once_callable_is_destroyed_by_its_call_and_destroyed_once(tmp_path):
    """Pyodide's once-callable (pyproxy.c): a call destroys it even when it raises; a call after
    ``destroy()`` is the "called once" error, a second ``destroy()`` "already been destroyed"
    (Pyodide 0.26.0a4 and 0.28.2 under Node)."""
    code = """
    from pyodide.ffi import create_once_callable
    def rec(f):
        try:
            return repr(f())
        except BaseException as exc:
            return f"{type(exc).__name__}: {exc}"
    g = create_once_callable(lambda: 1)
    h = create_once_callable(lambda: 1 / 0)
    result = [rec(g.destroy), rec(g.destroy), rec(g), rec(h), rec(h), rec(h.destroy)]
    """
    assert await _run(_worker(tmp_path, PYODIDE_028), code) == [
        "None", "JsException: Error: OnceProxy has already been destroyed",
        "JsException: Error: OnceProxy can only be called once", "ZeroDivisionError: division by zero",
        "JsException: Error: OnceProxy can only be called once", "JsException: Error: OnceProxy has already been destroyed"]


@pytest.mark.asyncio
async def test_a_registered_js_module_imports_as_the_object_itself(tmp_path):
    code = """
    from js import JSON
    from pyodide.ffi import register_js_module, unregister_js_module
    register_js_module("settings_js", JSON.parse('{"mode": "fast", "limits": {"n": 3}}'))
    import settings_js
    import settings_js.limits
    from settings_js import mode
    out = [mode, settings_js.limits.n, type(settings_js).__name__]
    register_js_module("gone_js", JSON.parse("{}"))
    unregister_js_module("gone_js")
    try:
        import gone_js
    except ModuleNotFoundError as exc:
        out.append(str(exc))
    for call in ('unregister_js_module("never_js")', 'register_js_module("x_js", {"a": 1})', 'register_js_module(3, JSON)'):
        try:
            eval(call)
        except (ValueError, TypeError) as exc:
            out.append(f"{type(exc).__name__}: {exc}")
    result = out
    """
    worker = _worker(tmp_path, PYODIDE_028)
    assert await _run(worker, code) == [
        "fast", 3, "JsProxy", "No module named 'gone_js'",
        "ValueError: Cannot unregister 'never_js': no Javascript module with that name is registered",
        "TypeError: Argument 'jsproxy' must be a JsProxy, not 'dict'",
        "TypeError: Argument 'name' must be a str, not 'int'",
    ]
    # the module stays the Worker's: not importable outside it, nor by another Worker
    assert "settings_js" not in sys.modules
    other = _worker(tmp_path / "other", PYODIDE_028)
    assert await _run(other, "try:\n    import settings_js\n    result = 'imported'\nexcept ImportError:\n    result = 'no'") == "no"
    assert await _run(worker, "import settings_js\nresult = settings_js.mode") == "fast"


@pytest.mark.asyncio
async def test_to_py_takes_its_arguments_as_pyodides(tmp_path):
    code = """
    from js import JSON
    out = [JSON.parse('[1, [2]]').to_py(depth=1)[0]]
    for call in ("JSON.parse('{}').to_py(1)", "JSON.parse('[1]').to_py(depth='x')", "JSON.parse('[1]').to_py(deep=1)"):
        try:
            eval(call)
        except TypeError as exc:
            out.append(str(exc))
    result = out
    """
    assert await _run(_worker(tmp_path, PYODIDE_028), code) == [
        1, "to_py() takes no positional arguments", "'str' object cannot be interpreted as an integer",
        "to_py() got an unexpected keyword argument 'deep'"]
