"""A Python value the built-in SDK hands a JavaScript binding unconverted -- a PyProxy in
production -- where the binding takes only JavaScript data is refused with workers-env's
``TypeError`` naming the value's type and the fix: ``to_js(value, dict_converter=Object.fromEntries)``
for a ``dict``, ``to_js()`` for anything else, and the external SDK, which converts plain Python
values. A Workflow's ``create()`` is such a binding (README, "Supplied services, Durable Objects
and Workflows across RPC": production fails to clone the PyProxy); each text is pinned whole."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = """
import json
from workers import Response, WorkerEntrypoint

VALUES = {"dict": {"id": "a"}, "set": {1}, "object": object()}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.WF.create(VALUES[request.url.rsplit("/", 1)[1]])
        except Exception as exc:
            return Response(json.dumps([type(exc).__name__, str(exc)]))
        return Response(json.dumps(["ok", ""]))
"""

SDK_HINT = ("; or give the Worker the external SDK, which converts plain Python values (compatibility_date "
            "2026-04-21 or later, or the enable_python_external_sdk flag)")


class Workflow:
    JS_METHODS = ("create",)

    async def create(self, options=None):  # never reached: the value is refused on the way
        raise AssertionError(options)


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    root = one_file_worker(tmp_path_factory.mktemp("wf"), ENTRY, date="2025-11-02",
                           extra='[[workflows]]\nname = "flow"\nbinding = "WF"\nclass_name = "Flow"\n')
    return load_worker(env=load_env(root, bindings={"WF": Workflow()}))


@pytest.mark.asyncio
@pytest.mark.parametrize(("value", "text"), [
    ("dict", "TypeError: a Python dict reached JavaScript as a PyProxy in this call to WF.create(); convert it with "
             "to_js(value, dict_converter=Object.fromEntries) (from pyodide.ffi import to_js; from js import Object)" + SDK_HINT),
    ("set", "TypeError: a Python set reached JavaScript as a PyProxy in this call to WF.create(); convert it with "
            "to_js() (from pyodide.ffi import to_js)" + SDK_HINT),
    ("object", "TypeError: a Python object reached JavaScript as a PyProxy in this call to WF.create(); convert it "
               "with to_js() (from pyodide.ffi import to_js)" + SDK_HINT),
])
async def test_an_unconverted_value_is_refused_with_its_type_and_the_fix(worker, value, text):
    response = await worker.fetch(f"/{value}")
    assert json.loads(await response.text()) == ["JsException", text]
