"""A ``PyProxyWarning`` names the external SDK as a way out when the dict went to a binding,
whose arguments the SDK's wrappers convert (workers-runtime-sdk 1.9.5 ``rpc._BindingWrapper``:
``python_to_rpc`` -> ``to_js(value, dict_converter=Object.fromEntries)``), and not when it went
to a JavaScript API (``js.Response.new``, ``js.Headers``, ``JSON.stringify``), which the SDK
never sees: there the note keeps to ``to_js`` and keyword arguments (walk58: the note for
``AI.run(model, {"text": ...})`` did not name the SDK, while one for a raw JS call did)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import PyProxyWarning, load_worker

ENTRY = """
import json
from js import JSON, Response as JsResponse
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.AI.run("@cf/baai/bge-base-en-v1.5", {"text": "cats"})  # a binding
        except Exception:
            pass
        await self.env.KV.put("k", "v", {"expirationTtl": 60})  # a binding
        JsResponse.new("x", {"status": 201})  # JavaScript's own
        JSON.stringify({"a": 1})  # JavaScript's own
        return Response("ok")
"""

SDK = ("; or give the Worker the external SDK, which converts plain Python values (compatibility_date 2026-04-21 or "
       "later, or the enable_python_external_sdk flag)")


@pytest.mark.asyncio
async def test_binding_calls_name_the_sdk_and_javascript_calls_do_not(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01",
                                         extra='[ai]\nbinding = "AI"\n[[kv_namespaces]]\nbinding = "KV"\nid = "x"\n'))
    with pytest.warns(PyProxyWarning) as caught:
        assert await (await worker.fetch("/")).text() == "ok"
    messages = [str(w.message) for w in caught]

    def said(where: str) -> str:
        (message,) = [m for m in messages if f" {where}:" in m]
        return message

    assert len(messages) == 4, messages
    assert said("call to AI.run()").endswith(SDK) and said("options of KV.put()").endswith(SDK)
    assert "external SDK" not in said("call to JSON.stringify()")
    assert said("init object of this call").endswith("or pass keyword arguments")
