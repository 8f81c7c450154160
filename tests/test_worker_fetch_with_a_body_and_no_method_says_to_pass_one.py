"""``worker.fetch(path, json=...)`` without ``method=`` builds a GET, which the Request
constructor refuses with a body (``TypeError: Request with a GET or HEAD method cannot have a
body.``, its text kept); the error gains a note saying to pass ``method="POST"``."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response(request.method + " " + await request.text())
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("kwargs", "what"), [({"json": {"q": 1}}, "json"), ({"body": "x"}, "body")])
async def test_a_get_with_a_body_says_to_pass_a_method(tmp_path, kwargs, what):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(JsException) as info:
        await worker.fetch("/", **kwargs)
    assert str(info.value) == "TypeError: Request with a GET or HEAD method cannot have a body."
    assert info.value.__notes__ == [f'workers-env: worker.fetch() sends a GET request unless method= says otherwise; '
                                    f'pass method="POST" (or PUT, PATCH, ...) to send this {what}']


@pytest.mark.asyncio
async def test_a_head_is_named_as_such_and_a_post_goes_through(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(JsException) as info:
        await worker.fetch("/", method="head", body="x")
    assert "sends a HEAD request" in info.value.__notes__[0]
    resp = await worker.fetch("/", method="POST", json={"q": 1})
    assert await resp.text() == 'POST {"q": 1}'
