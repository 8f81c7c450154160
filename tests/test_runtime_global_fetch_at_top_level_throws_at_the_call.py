"""``js.fetch`` at a module's top level throws workerd's ``Disallowed operation called within
global scope`` at the call itself, before the resource is read (http.c++ ``fetchImpl`` asks
``IoContext::current()`` first): workerd's ``hello`` test catches it around
``js.fetch("example.com")`` -- not an absolute URL, which inside a handler is the promise's
``TypeError`` rejection instead."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import js
from pyodide.ffi import JsException
from workers import Response

try:
    js.fetch("example.com")
except JsException as e:
    AT_TOP_LEVEL = str(e)
else:
    AT_TOP_LEVEL = "no error"

async def on_fetch(request):
    promise = js.fetch("example.com")   # in a handler: a promise, rejected
    try:
        await promise
    except JsException as e:
        in_handler = str(e)
    return Response(AT_TOP_LEVEL + "|" + in_handler)
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-06-01", "2025-08-01"])
async def test_top_level_fetch_throws_at_the_call_and_a_handlers_rejects(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    top, handler = (await (await worker.fetch("/")).text()).split("|")
    assert top.startswith("Error: Disallowed operation called within global scope.")
    assert handler.startswith("TypeError: ")  # the promise rejected, the call itself did not raise
