"""``pyodide.http`` has the names the Worker's Pyodide has (``src/py/pyodide/http.py``):
``open_url``, ``pyfetch`` and ``FetchResponse`` on 0.26 and 0.28, ``HttpStatusError``,
``BodyUsedError`` and ``AbortError`` from 0.28 only (compatibility dates from 2025-09-29), so
importing one on 0.26 is an ``ImportError``, as in production. ``open_url`` imports -- a Worker
importing it at its top loads -- and calling it is Pyodide's ``NameError`` for the
``XMLHttpRequest`` workerd does not have."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

PYODIDE_026, PYODIDE_028, PYODIDE_314 = "2025-09-01", "2025-10-01", "2026-10-01"

ENTRY = '''
import json

import pyodide.http
from pyodide.http import open_url
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        errors = {}
        for name in ("HttpStatusError", "BodyUsedError", "AbortError"):
            try:
                exec(f"from pyodide.http import {name}", {})
                errors[name] = "imports"
            except ImportError as exc:
                errors[name] = str(exc)
        try:
            open_url("https://example.com/")
            called = "returned"
        except NameError as exc:
            called = [str(exc), *exc.__notes__]
        return Response(json.dumps([sorted(pyodide.http.__all__), errors, called]))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "newer"), [(PYODIDE_026, False), (PYODIDE_028, True)])
async def test_pyodide_http_has_each_pyodides_names(tmp_path, date, newer):
    names, errors, called = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY, date=date)).fetch("/")).text())
    extra = ["AbortError", "BodyUsedError", "HttpStatusError"] if newer else []
    assert names == sorted(["FetchResponse", "open_url", "pyfetch", *extra])
    for name in ("HttpStatusError", "BodyUsedError", "AbortError"):
        want = "imports" if newer else f"cannot import name '{name}' from 'pyodide.http'"  # production adds the file
        assert errors[name].startswith(want)
    assert called == ["name 'XMLHttpRequest' is not defined",  # and workers-env's hint
                      "pyodide.http.open_url needs the browser's XMLHttpRequest, which the Workers runtime does not "
                      "have (Pyodide imports it only where it exists); use `await pyodide.http.pyfetch(url)` or "
                      "`workers.fetch` instead"]


RAISES = '''
import js
from pyodide.ffi import to_js
from pyodide.http import FetchResponse
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for status, text in ((404, "Not Found"), (503, "Busy")):
            init = to_js({"status": status, "statusText": text}, dict_converter=js.Object.fromEntries)
            try:
                FetchResponse("https://example.com/a", js.Response.new("x", init)).raise_for_status()
            except OSError as exc:
                out.append(f"{type(exc).__module__}.{type(exc).__name__}: {exc}")
        return Response("\\n".join(out))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "kind"), [(PYODIDE_026, "builtins.OSError"), (PYODIDE_028, "pyodide.http.HttpStatusError"),
                                            # the 314.0.x bundles' pyodide.http is a package (npm pyodide 314.0.6)
                                            (PYODIDE_314, "pyodide.http._exceptions.HttpStatusError")])
async def test_raise_for_status_says_client_or_server_error(tmp_path, date, kind):
    # the url is the JS Response's (empty for one built in the Worker), as Pyodide's FetchResponse.url reads it
    worker = load_worker(one_file_worker(tmp_path, RAISES, date=date))
    assert (await (await worker.fetch("/")).text()).splitlines() == [
        f"{kind}: 404 Client Error: Not Found for url: ", f"{kind}: 503 Server Error: Busy for url: "]


CAUGHT = '''
from pyodide.http import AbortError, BodyUsedError, HttpStatusError, pyfetch
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await pyfetch("http://127.0.0.1:1/")
        except AbortError as exc:
            return Response(f"{type(exc) is AbortError} {type(exc).__module__} " + " ".join(
                cls.__module__ for cls in (AbortError, BodyUsedError, HttpStatusError)))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "module"), [(PYODIDE_028, "pyodide.http"), (PYODIDE_314, "pyodide.http._exceptions")])
async def test_a_failed_pyfetch_raises_the_class_the_worker_imported(tmp_path, date, module):
    # npm pyodide 0.28.2 / 314.0.6: AbortError.__module__ 'pyodide.http' / 'pyodide.http._exceptions'
    worker = load_worker(one_file_worker(tmp_path, CAUGHT, date=date))
    assert await (await worker.fetch("/")).text() == f"True {module} {module} {module} {module}"
