"""Worker code of the external SDK era calling ``.to_py()`` on a binding's result -- as
Cloudflare's D1 docs' Python tabs do (``print(stmt[1].results.to_py())``), written for the
built-in SDK's raw JsProxy results -- fails with Python's own ``AttributeError`` (the SDK's
``JsDict`` raises ``AttributeError('to_py')``, a list ``'list' object has no attribute
'to_py'``), which does not say why; the error keeps its text and gains a note: the value is
Python already, drop ``.to_py()``. In the built-in SDK era the same code runs; other
attribute errors get no such note."""

from __future__ import annotations

import pytest
from worker_helpers import PYPROJECT, one_file_worker

from workers_env import load_worker
from workers_env.runtime.handlererrors import TO_PY_NOTE

D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "5f1b6a2e-8c3d-4f7a-9b1e-2d4c6e8f0a1b"\n'
ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            res = await self.env.DB.prepare("SELECT 7 AS id").all()
            if request.url.endswith("/results"):
                return Response(str(res.results.to_py()[0]["id"]))
            if request.url.endswith("/result"):
                return Response(str(res.to_py()["results"][0]["id"]))
            return Response(str(res.nope))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "text"), [("/results", "'list' object has no attribute 'to_py'"),
                                            ("/result", "to_py")])
async def test_to_py_of_an_sdk_converted_result_notes_that_it_is_python_already(tmp_path, path, text):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-05-01", extra=D1))
    with pytest.raises(AttributeError) as caught:
        await worker.fetch(path)
    assert str(caught.value) == text  # Python's (or the SDK's JsDict's) text, kept
    assert caught.value.__notes__ == [TO_PY_NOTE]
    assert "drop the .to_py()" in TO_PY_NOTE
    assert TO_PY_NOTE == (
        "workers-env: to_py() is a method of a JsProxy (a JavaScript object as Pyodide hands it over); this value is "
        "a Python one already: use it as it is. From compatibility_date 2026-04-21, and at any date in a project "
        "that vendors workers-runtime-sdk (pywrangler 1.9 and later add it to python_modules/ on every sync), the "
        "external SDK hands binding results out converted (dicts whose keys also read as attributes, lists, str, "
        "None, a memoryview for an ArrayBuffer): drop the .to_py() that code written for the built-in SDK calls (as "
        "Cloudflare's docs do: results.to_py())")


KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "0f2ac74b498b48028cb68387c421e279"\n'
KV_ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            await self.env.KV.put("w", "abc")
            buf = await self.env.KV.get("w", "arrayBuffer")
            return Response(bytes(buf.to_py()))
"""


@pytest.mark.asyncio
async def test_a_vendored_sdk_before_the_new_era_converts_too_and_the_note_says_so(tmp_path):
    """A Worker dated before 2026-04-21 whose project pywrangler syncs (``workers-py`` a dev
    dependency: pywrangler 1.9 and later vendor the SDK whatever the date) runs the external SDK,
    whose KV ``get(key, "arrayBuffer")`` is a ``memoryview``; the note names that cause, not the
    date alone (a public Worker of 2026-03-24, casaterraneo/hello-world-python-worker, hunt40)."""
    folder = one_file_worker(tmp_path, KV_ENTRY, date="2026-03-24", extra=KV, pyproject=False)
    (folder / "pyproject.toml").write_text(PYPROJECT)
    worker = load_worker(folder)
    with pytest.raises(AttributeError) as caught:
        await worker.fetch("/")
    assert str(caught.value) == "'memoryview' object has no attribute 'to_py'"
    assert caught.value.__notes__ == [TO_PY_NOTE]
    assert "at any date in a project that vendors workers-runtime-sdk" in TO_PY_NOTE
    assert "a memoryview for an ArrayBuffer" in TO_PY_NOTE
    builtin = load_worker(one_file_worker(tmp_path / "builtin", KV_ENTRY, date="2026-03-24", extra=KV, pyproject=False))
    assert await (await builtin.fetch("/")).text() == "abc"  # plain wrangler deploy: the built-in SDK, raw ArrayBuffer


@pytest.mark.asyncio
async def test_the_builtin_sdk_era_converts_with_to_py(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01", extra=D1))
    assert await (await worker.fetch("/results")).text() == "7"
    assert await (await worker.fetch("/result")).text() == "7"


@pytest.mark.asyncio
async def test_other_attribute_errors_get_no_such_note(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-05-01", extra=D1))
    with pytest.raises(AttributeError) as caught:
        await worker.fetch("/other")
    assert TO_PY_NOTE not in getattr(caught.value, "__notes__", [])


SDK_NEW_ENTRY = """\
    from js import Object
    from pyodide.ffi import to_js
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/js"):
                from js import Response as JsResponse
                return JsResponse.new("js", to_js({"status": 201}, dict_converter=Object.fromEntries))
            return Response.new("{}", to_js({"status": 200}, dict_converter=Object.fromEntries))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2026-05-01"])
async def test_new_of_the_sdks_response_class_notes_the_javascript_one(tmp_path, date):
    """A public cron Worker (hunt30) answers with ``Response.new(body, init)`` after ``from workers
    import Response``: Python's ``AttributeError`` in both eras, as deployed, with a note."""
    worker = load_worker(one_file_worker(tmp_path, SDK_NEW_ENTRY, date=date))
    with pytest.raises(AttributeError) as caught:
        await worker.fetch("/sdk")
    assert str(caught.value) == "type object 'Response' has no attribute 'new'"
    assert caught.value.__notes__ == [
        "workers-env: Response here is the Python SDK's class (from workers import Response), which has no new(); "
        "new() is how Pyodide calls the JavaScript constructor: from js import Response and Response.new(body, init), "
        "or keep the SDK's class and call it: Response(body, status=..., headers=...)"]
    assert (await worker.fetch("/js")).status == 201
