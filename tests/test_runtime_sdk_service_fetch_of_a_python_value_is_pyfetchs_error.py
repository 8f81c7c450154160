"""A service binding's ``fetch`` through the SDK's wrapper (``self.env.SEARCH.fetch`` in a
``WorkerEntrypoint``) is ``pyfetch(resource, fetcher=binding.fetch)``: a Python container given as
the resource reaches workerd's ``Fetcher.fetch`` as a PyProxy, which it reads as the text of a URL --
``String()`` of it, Python's ``str()`` -- and what the binding rejects with is raised as pyfetch
raises what JavaScript threw: ``pyodide.http.AbortError`` (an ``OSError``; 0.28 and 314), a plain
``OSError`` (the SDK's patched pyfetch of Pyodide 0.26), the message alone. Measured with
workers-runtime-sdk 1.9.5 in real Pyodide 0.26.0a4 (as 0.26.0a2), 0.28.2 and 314.0.6:
tools/pyodide/service_fetch_resource_probe.mjs. Before (review84's note), the external-SDK era read
``JsException: TypeError: Invalid URL: [object Object]`` and a list of two URLs fetched ``http://s/a,b``.

A text that is no URL, or an init a Request refuses: Pyodide 314's pyfetch makes a text URL a
``Request`` (with the init) before its ``try`` (pyodide/http/_pyfetch.py, 314.0.6 and 314.0.8), so on
``python_workers_314`` the constructor's ``JsException`` is raised itself, not wrapped -- measured
with workers-runtime-sdk 1.9.5 in real Pyodide 314.0.6 (the probe's ``"not a url"``); 0.28's pyfetch
hands the text to the fetcher inside its ``try``, which raises the binding's rejection as
``pyodide.http.AbortError``. workers-env raised ``AbortError`` on 314 too (the SDK's
``workers.fetch`` and ``pyfetch`` itself alike)."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker, service_pair

from workers_env import PyProxyWarning

CALLEE = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(request.method + " " + request.url)
'''

CALLER = '''
from urllib.parse import urlsplit

from workers import Request, Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if urlsplit(str(request.url)).path == "/texts":
            cases = [("not a url", {}), ("http://s/get", {"body": "x"}), ("http://s/ok", {})]
        else:
            cases = [(resource, {}) for resource in ({"url": "http://s/dict"}, [1], ["http://s/a", "b"], 5, None,
                                                     Request("http://s/python"), "http://s/text")]
        out = []
        for resource, options in cases:
            try:
                out.append(await (await self.env.SEARCH.fetch(resource, **options)).text())
            except Exception as error:  # noqa: BLE001
                out.append(f"{type(error).__module__}.{type(error).__qualname__}: {error}")
        return Response(" | ".join(out))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "raised"), [
    ("2025-09-01", "builtins.OSError"),  # built-in SDK, Pyodide 0.26
    ("2026-05-01", "pyodide.http.AbortError"),  # external SDK, 0.28
    ("2026-10-01", "pyodide.http._exceptions.AbortError"),  # external SDK, 314
])
async def test_a_python_value_is_read_as_its_str_and_refused_as_pyfetch_raises(tmp_path, date, raised):
    gateway = service_pair(tmp_path, CALLEE, CALLER, date)
    with pytest.warns(PyProxyWarning) as caught:
        out = (await (await gateway.fetch("/python-values")).text()).split(" | ")
    texts = [str(warning.message) for warning in caught]
    for kind, shown in [("dict", "\"{'url': 'http://s/dict'}\""), ("list", "'[1]'"), ("list", "\"['http://s/a', 'b']\"")]:
        assert any(f"a Python {kind} reached JavaScript as a PyProxy in this call to SEARCH.fetch()" in text
                   and f"str() of it, {shown}," in text for text in texts), texts
    assert out == [f"{raised}: Invalid URL: {{'url': 'http://s/dict'}}", f"{raised}: Invalid URL: [1]",
                   f"{raised}: Invalid URL: ['http://s/a', 'b']", f"{raised}: Invalid URL: 5",
                   f"{raised}: Invalid URL: undefined", "GET http://s/python", "GET http://s/text"]


BODY = "Request with a GET or HEAD method cannot have a body."


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "answer"), [
    ("2026-05-01", ["pyodide.http.AbortError: Invalid URL: not a url", f"pyodide.http.AbortError: {BODY}"]),
    ("2026-10-01", ["pyodide.ffi.JsException: TypeError: Invalid URL: not a url",
                    f"pyodide.ffi.JsException: TypeError: {BODY}"]),
])
async def test_on_314_the_request_constructors_error_is_raised_itself(tmp_path, date, answer):
    gateway = service_pair(tmp_path, CALLEE, CALLER, date)
    assert (await (await gateway.fetch("/texts")).text()).split(" | ") == [*answer, "GET http://s/ok"]


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
