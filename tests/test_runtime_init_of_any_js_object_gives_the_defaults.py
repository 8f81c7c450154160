"""The init of ``fetch``, ``Request.new`` and ``Response.new`` may be any JS object: workerd's
dictionary wrapper takes every object and reads the fields by name (jsg/struct.h
``StructWrapper::tryUnwrap`` returns nothing only for a non-object), so an ``Array``, a
``Headers`` or ``null`` gives the defaults -- a GET, status 200, no headers -- where
workers-env refused it with a TypeError. A public Worker (YimingYAN/fivetran-mcp) passes
``to_js(options, dict_converter=lambda d: d)``, which makes an Array of entries: production
sends a bare GET. A string or a number is still refused."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import local_origin, one_file_worker

from workers_env import JsException, js, load_worker

ENTRY = '''
from js import Headers, JSON, Request, Response, fetch
from pyodide.ffi import to_js


async def on_fetch(request, env):
    target = request.headers.get("x-target")
    entries = to_js({"method": "POST", "headers": {"authorization": "Basic x"}, "body": "b"},
                    dict_converter=lambda d: d)
    sent = await fetch(target, entries)
    answers = [
        Response.new("a", to_js({"status": 404}, dict_converter=lambda d: d)),
        Response.new("b", Headers.new(to_js({"x-h": "1"}))),
        Response.new("c", JSON.parse("null")),
    ]
    made = Request.new(target, Headers.new(to_js({"x-h": "1"})))
    parts = [str(sent.status), made.method, str(made.headers.has("x-h"))]
    parts += [f"{r.status}:{r.headers.has('x-h')}" for r in answers]
    return Response.new(" ".join(parts))
'''


@pytest.mark.parametrize("date", ["2025-01-15", "2026-05-01"])  # Pyodide 0.26 and 0.28 alike
def test_an_array_headers_or_null_init_gives_the_defaults(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, flags=["disable_python_no_global_handlers"]))
    with local_origin() as (target, seen):
        async def scenario() -> str:
            resp = await worker.fetch("/", headers={"x-target": f"http://{target}/"})
            return await resp.text()

        text = asyncio.run(scenario())
        # the origin answers GETs only (204): the entries Array carried no method, header or body
        assert text == "204 GET False 200:False 200:False 200:False"
        assert len(seen) == 1 and "authorization" not in seen[0]


def test_a_string_or_number_init_is_still_refused():
    for init in ("status=404", 404):
        with pytest.raises(JsException, match="TypeError"):
            js.Response.new("x", init)
        with pytest.raises(JsException, match="TypeError"):
            js.Request.new("https://a.test/", init)
