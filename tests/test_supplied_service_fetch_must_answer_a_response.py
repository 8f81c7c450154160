"""A service binding supplied in Python (``load_env(bindings={"SVC": obj})``) whose ``fetch``
answers something that is no Response fails the Worker's ``await env.SVC.fetch(...)`` with a
``TypeError`` naming the binding, what it answered and what it must answer instead (workers-env's
own text: production's other Worker is JavaScript's, which workerd holds to a Response), named
as it answered it (a dict, not the JsProxy it becomes); a ``js.Response`` goes through."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workers_env import js, load_env, load_worker

ENTRY = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            answer = await self.env.SVC.fetch("http://svc/" + request.url.rsplit("/", 1)[1])
            return Response(await answer.text())
        except Exception as exc:
            return Response(f"{type(exc).__name__}: {exc}")
"""


class Service:
    async def fetch(self, resource: Any, init: Any = None) -> Any:
        path = str(getattr(resource, "url", resource)).rsplit("/", 1)[1]
        return {"text": "plain text", "dict": {"status": 200}}.get(path) or js.Response.new("a response")


@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "answered"), [
    ("text", "TypeError: SVC.fetch() must answer a Response (a js.Response, a workers Response or an HttpResponse), "
             "got str"),
    ("dict", "TypeError: SVC.fetch() must answer a Response (a js.Response, a workers Response or an HttpResponse), "
             "got dict"),
    ("ok", "a response"),
])
async def test_a_supplied_service_answering_no_response_is_a_type_error(tmp_path: Path, path: str,
                                                                       answered: str) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(ENTRY)
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "w", "main": "src/entry.py", "compatibility_date": "2025-10-01",
        "compatibility_flags": ["python_workers"], "services": [{"binding": "SVC", "service": "other"}]}))
    worker = load_worker(env=load_env(tmp_path, bindings={"SVC": Service()}))
    assert await (await worker.fetch(f"/{path}")).text() == answered
