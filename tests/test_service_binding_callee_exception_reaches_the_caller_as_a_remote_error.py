"""What the callee Worker's RPC method or fetch handler raises reaches the caller as workerd's RPC
sends an error across (measured with two JavaScript Workers under ``wrangler dev`` 4.164.0,
served unbundled as a Python Worker is): a new JS ``Error`` with ``remote: true``, so the
caller's Python catches a ``JsException``, never the callee's own exception class. Before
``enhanced_error_serialization`` (2026-04-21) Pyodide's ``PythonError`` (not one of V8's error
names) is written into an ``Error``'s message, ``Error: PythonError: Traceback ...``; with it on
both Workers the name stays, an own property beside the ``PythonError``'s ``type``; a
``TypeError`` keeps its name either way. A fetch through the SDK's ``self.env.SEARCH.fetch``
(``pyfetch(..., fetcher=binding.fetch)``) gets that rejection as pyfetch raises what JavaScript
threw: ``AbortError`` (Pyodide 0.28), ``OSError`` (0.26), the message alone (leftovers55)."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

SEARCH = '''
import asyncio
from js import JSON
from workers import Response, WorkerEntrypoint


class Missing(Exception):
    pass


class Default(WorkerEntrypoint):
    async def value(self):
        raise ValueError("no index")

    async def custom(self):
        raise Missing("no such document")

    async def later(self):
        await asyncio.sleep(0)
        raise KeyError("k")

    async def js_type(self):
        JSON.parse("{")

    async def fetch(self, request):
        raise ValueError("fetch boom")
'''

GATEWAY = '''
from js import JSON, Object
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        name = request.url.rsplit("/", 1)[1]
        try:
            await getattr(self.env.SEARCH, name)()
        except Exception as exc:
            return Response.json({"type": f"{type(exc).__module__}.{type(exc).__name__}", "str": str(exc),
                                  "name": exc.name, "remote": exc.remote, "keys": list(Object.keys(exc)),
                                  "error_type": getattr(exc, "type", None)})
        return Response("no error")
'''


async def caught(gateway, name):
    return await (await gateway.fetch(f"/{name}")).json()


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "name", "keys", "error_type", "start"), [
    ("2025-11-02", "Error", ["remote"], None, "Error: PythonError: Traceback (most recent call last):\n"),
    ("2026-05-01", "PythonError", ["name", "type", "remote"], "ValueError", "PythonError: Traceback (most recent call last):\n"),
])
async def test_a_python_exception_is_an_error_holding_the_traceback(tmp_path, date, name, keys, error_type, start):
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, date)
    out = await caught(gateway, "value")
    assert (out["type"], out["name"], out["remote"], out["keys"], out["error_type"]) == (
        "pyodide.ffi.JsException", name, True, keys, error_type)
    assert out["str"].startswith(start)
    assert out["str"].endswith('raise ValueError("no index")\nValueError: no index\n')
    assert "in value" in out["str"]


@pytest.mark.asyncio
async def test_a_custom_class_and_one_raised_after_an_await_cross_the_same_way(tmp_path):
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, "2026-05-01")
    custom, later = await caught(gateway, "custom"), await caught(gateway, "later")
    assert custom["str"].startswith("PythonError: Traceback")
    assert custom["str"].endswith("Missing: no such document\n") and custom["error_type"] == "Missing"
    assert later["str"].endswith("KeyError: 'k'\n") and later["type"] == "pyodide.ffi.JsException"


@pytest.mark.asyncio
async def test_a_javascript_error_keeps_v8s_name(tmp_path):
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, "2026-05-01")
    out = await caught(gateway, "js_type")
    assert (out["name"], out["remote"]) == ("SyntaxError", True)
    assert out["str"].startswith("SyntaxError: ")


FETCHING = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.SEARCH.fetch("https://search/")
        except Exception as exc:
            return Response.json({"type": f"{type(exc).__module__}.{type(exc).__name__}", "str": str(exc),
                                  "name": getattr(exc, "name", None), "remote": getattr(exc, "remote", None)})
        return Response("no error")
'''


@pytest.mark.asyncio
async def test_a_fetch_handler_that_raises_rejects_the_callers_fetch(tmp_path):
    # no 500 response: workerd rejects the caller's fetch() with the callee's error; through the SDK's
    # self.env.SEARCH.fetch -- pyfetch(..., fetcher=binding.fetch) -- it is pyfetch's AbortError holding
    # the error's message alone (leftovers55: tools/pyodide/service_fetch_resource_probe.mjs)
    gateway = service_pair(tmp_path, SEARCH, FETCHING, "2026-05-01")
    out = await caught(gateway, "sdk")
    assert (out["type"], out["name"], out["remote"]) == ("pyodide.http.AbortError", None, None)
    assert out["str"].startswith("Traceback (most recent call last):") and out["str"].endswith("ValueError: fetch boom\n")


CALLER_MISTAKE = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.SEARCH.value("an argument value() does not take")
        except Exception as exc:
            return Response(str(exc))
'''


@pytest.mark.asyncio
async def test_an_error_of_no_frame_of_the_callees_shows_none_of_workers_envs(tmp_path):
    gateway = service_pair(tmp_path, SEARCH, CALLER_MISTAKE, "2026-05-01")
    # Python formats a traceback of no frames as its last line alone (production's would hold the SDK's)
    assert await (await gateway.fetch("/")).text() == (
        "PythonError: TypeError: Default.value() takes 1 positional argument but 2 were given\n")


@pytest.mark.asyncio
async def test_one_worker_without_the_enhanced_form_is_the_legacy_one(tmp_path):
    # measured with the twins at 2025-06-01 and 2026-05-01, either way round
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, "2026-05-01",
                           callee_flags=["legacy_error_serialization"])
    out = await caught(gateway, "value")
    assert (out["name"], out["keys"]) == ("Error", ["remote"]) and out["str"].startswith("Error: PythonError: ")
