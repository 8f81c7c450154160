"""The SDK's service-binding fetch (``pyfetch(resource, fetcher=binding.fetch)``) of a text that is no
URL, or with an init a Request refuses: Pyodide 314's pyfetch makes a text URL a ``Request`` (with
the init) before its ``try`` (pyodide/http/_pyfetch.py, 314.0.6 and 314.0.8), so on
``python_workers_314`` the constructor's ``JsException`` is raised itself, not wrapped -- measured
with workers-runtime-sdk 1.9.5 in real Pyodide 314.0.6 (tools/pyodide/service_fetch_resource_probe.mjs,
its ``"not a url"``); 0.28's pyfetch hands the text to the fetcher inside its ``try``, which raises
the binding's rejection as ``pyodide.http.AbortError``. workers-env raised ``AbortError`` on 314 too
(the SDK's ``workers.fetch`` and ``pyfetch`` itself alike)."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker, service_pair

CALLEE = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(request.method + " " + request.url)
'''

CALLER = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for resource, options in (("not a url", {}), ("http://s/get", {"body": "x"}), ("http://s/ok", {})):
            try:
                out.append(await (await self.env.SEARCH.fetch(resource, **options)).text())
            except Exception as error:  # noqa: BLE001
                out.append(f"{type(error).__module__}.{type(error).__qualname__}: {error}")
        return Response(" | ".join(out))
'''

BODY = "Request with a GET or HEAD method cannot have a body."


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "answer"), [
    ("2026-05-01", ["pyodide.http.AbortError: Invalid URL: not a url", f"pyodide.http.AbortError: {BODY}"]),
    ("2026-10-01", ["pyodide.ffi.JsException: TypeError: Invalid URL: not a url",
                    f"pyodide.ffi.JsException: TypeError: {BODY}"]),
])
async def test_on_314_the_request_constructors_error_is_raised_itself(tmp_path, date, answer):
    gateway = service_pair(tmp_path, CALLEE, CALLER, date)
    assert (await (await gateway.fetch("/")).text()).split(" | ") == [*answer, "GET http://s/ok"]


FETCHING = """
from pyodide.http import pyfetch
from workers import Response, WorkerEntrypoint, fetch


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for call in (lambda: pyfetch("not a url"), lambda: fetch("not a url")):
            try:
                await call()
            except Exception as error:  # noqa: BLE001
                out.append(f"{type(error).__module__}.{type(error).__qualname__}: {error}")
        return Response.json(out)
"""


@pytest.mark.parametrize(("date", "raised"), [
    ("2026-05-01", "pyodide.http.AbortError: Invalid URL: not a url"),
    ("2026-10-01", "pyodide.ffi.JsException: TypeError: Invalid URL: not a url"),
])
def test_pyfetch_and_workers_fetch_alike(tmp_path, date, raised):
    assert json_answer(one_file_worker(tmp_path, FETCHING, date=date), "/") == [raised, raised]
