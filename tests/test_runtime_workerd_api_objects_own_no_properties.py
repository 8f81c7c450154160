"""``Object.keys``/``values``/``entries`` of a workerd API object, and Pyodide's
``object_keys()``/``object_values()``/``object_entries()`` of its proxy, are empty arrays: jsg
defines a ``Request``'s, ``Headers``', a ``URL``'s, a ``Blob``'s, a stream reader's or writer's, a
``TextEncoder``'s, ``crypto.subtle``'s, a ``Cache``'s ... properties on the prototype
(``workers_api_getters_setters_on_prototype``, 2022-01-31), so the object owns none. A plain
object (``request.cf``) still lists its own."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import json_answer, one_file_worker

WORKER = """
import js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        controller = js.AbortController.new()
        objects = {
            "request": request.js_object, "headers": request.js_object.headers,
            "response": js.Response.new("x"), "url": js.URL.new("https://example.com/a?b=1"),
            "params": js.URLSearchParams.new("b=1"), "blob": js.Blob.new(["a"]),
            "form": js.FormData.new(), "controller": controller, "signal": controller.signal,
            "body": js.Response.new("x").body, "transform": js.TransformStream.new(),
            "reader": js.Response.new("x").body.getReader(),
            "writer": js.TransformStream.new().writable.getWriter(), "encoder": js.TextEncoder.new(),
            "decoder": js.TextDecoder.new(), "subtle": js.crypto.subtle, "caches": js.caches,
            "cache": js.caches.default,
        }
        answer = {}
        for name, value in objects.items():
            listed = [js.Object.keys(value), js.Object.values(value), js.Object.entries(value),
                      value.object_keys(), value.object_values(), value.object_entries()]
            answer[name] = [len(array) for array in listed]
        answer["cf has keys"] = len(js.Object.keys(js.JSON.parse('{"colo": "LHR"}'))) == 1
        return Response.json(answer)
"""


def test_workerd_api_objects_list_no_own_properties(tmp_path: Path) -> None:
    answer = json_answer(one_file_worker(tmp_path, WORKER), "/")
    assert answer.pop("cf has keys") is True
    assert answer == {name: [0] * 6 for name in ("request", "headers", "response", "url", "params", "blob",
                                                  "form", "controller", "signal", "body", "transform",
                                                  "reader", "writer", "encoder", "decoder", "subtle",
                                                  "caches", "cache")}
