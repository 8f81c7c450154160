"""A JS Request's and Response's own properties (``status``, ``url``, ``headers``, ``bodyUsed``, ...)
are read-only in workerd: Worker code assigning one gets V8's TypeError, the value unchanged,
while a property of its own making is kept -- as a JavaScript Worker under ``wrangler dev``
4.164.0 answers (Pyodide assigns in strict mode: real Pyodide raises for an assignment to a
getter-only property too)."""

from __future__ import annotations

import asyncio

import pytest

from tests.worker_helpers import one_file_worker
from workers_env import JsException, js, load_worker

ENTRY = '''
from js import Request, Response
from workers import WorkerEntrypoint
from workers import Response as SdkResponse


def attempt(target, name, value):
    try:
        setattr(target, name, value)
        return f"{name}: ok"
    except Exception as exc:
        return f"{name}: {type(exc).__name__}: {exc}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        incoming = request.js_object
        response = Response.new("x", status=201)
        out = [attempt(incoming, "url", "https://x.example/"), attempt(incoming, "method", "PUT"),
               attempt(response, "status", 404), attempt(response, "headers", None),
               attempt(response, "bodyUsed", True), attempt(response, "ok", False),
               attempt(response, "custom", 1)]
        out.append(f"after: {incoming.url} {incoming.method} {response.status} {response.bodyUsed} {response.custom}")
        return SdkResponse("\\n".join(out))
'''


def test_worker_code_cannot_assign_a_request_or_response_property(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))

    async def scenario():
        response = await worker.fetch("/path", method="POST", body=b"b")
        return await response.text()

    lines = asyncio.run(scenario()).splitlines()
    assert lines == [
        "url: JsException: TypeError: Cannot assign to read only property 'url' of object '#<Request>'",
        "method: JsException: TypeError: Cannot assign to read only property 'method' of object '#<Request>'",
        "status: JsException: TypeError: Cannot assign to read only property 'status' of object '#<Response>'",
        "headers: JsException: TypeError: Cannot assign to read only property 'headers' of object '#<Response>'",
        "bodyUsed: JsException: TypeError: Cannot assign to read only property 'bodyUsed' of object '#<Response>'",
        "ok: JsException: TypeError: Cannot assign to read only property 'ok' of object '#<Response>'",
        "custom: ok",
        "after: http://localhost/path POST 201 False 1",
    ]


@pytest.mark.parametrize(("make", "name"), [
    (lambda: js.Request.new("https://e.example/"), "redirect"),
    (lambda: js.Request.new("https://e.example/"), "signal"),
    (lambda: js.Response.new("x"), "statusText"),
    (lambda: js.Response.new("x"), "url"),
    (lambda: js.Request.new("https://e.example/"), "cf"),
])
def test_the_js_module_refuses_the_assignment_outside_a_worker_too(make, name):
    value = make()
    before = getattr(value, name)
    with pytest.raises(JsException, match=f"Cannot assign to read only property '{name}'"):
        setattr(value, name, "changed")
    assert getattr(value, name) is before or getattr(value, name) == before


def test_a_response_cf_the_constructor_leaves_unset_is_refused_too():
    value = js.Response.new("x")
    with pytest.raises(JsException, match="Cannot assign to read only property 'cf' of object '#<Response>'"):
        value.cf = {"cacheTtl": 5}
    assert value.cf is None  # still undefined: workerd's getter's, which Pyodide reads as None (a missing
    # property would be an AttributeError; a class getter answering undefined is None in 0.26.0a4/0.28.2/314.0.6)
