"""A response read with an HTTP client's spelling -- ``resp.status_code`` (requests, httpx,
Starlette's ``TestClient``), ``reason_phrase``, ``is_success``, ``content`` -- keeps Python's
``AttributeError`` text and gains a note naming the Fetch API's (``resp.status``), instead of
Python 3.12's "Did you mean: 'status_text'?"; any other missing name is Python's own error."""

from __future__ import annotations

import traceback

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok", status=201)
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("name", "instead"), [("status_code", "resp.status"), ("reason_phrase", "resp.status_text"),
                                               ("is_success", "resp.ok"), ("content", "await resp.bytes()")])
async def test_an_http_clients_name_gets_a_note(tmp_path, name, instead):
    resp = await load_worker(one_file_worker(tmp_path, ENTRY)).fetch("/")
    with pytest.raises(AttributeError) as caught:
        getattr(resp, name)
    assert str(caught.value) == f"'Response' object has no attribute '{name}'"
    assert caught.value.__notes__[-1].endswith(f"has no {name}, which is requests' and httpx's name: read {instead}")
    shown = "".join(traceback.format_exception(caught.value))
    assert "Did you mean" not in shown
    assert resp.status == 201


@pytest.mark.asyncio
async def test_another_missing_name_is_pythons_error(tmp_path):
    resp = await load_worker(one_file_worker(tmp_path, ENTRY)).fetch("/")
    with pytest.raises(AttributeError) as caught:
        resp.nope  # noqa: B018
    assert str(caught.value) == "'Response' object has no attribute 'nope'"
    assert not getattr(caught.value, "__notes__", None) and caught.value.name == "nope"
