"""``worker.fetch(headers={"a": None})`` is refused with an error saying how to fix it. A request
carries every header's value as text; a ``None`` would reach workerd's ``Headers`` as Pyodide
hands it over, JavaScript's ``undefined``, which ``new Headers({a: undefined})`` writes as the
text ``"undefined"`` (``wrangler dev`` 4.164.0; ``null`` likewise ``"null"``) -- what the test's
request carried before, where the test most likely meant "no such header"."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps([[k, v] for k, v in request.headers.items() if k in ("a", "b")]))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("headers", [{"a": None}, [("a", None)], {"b": "1", "a": None}, [["b", "1"], ["a", None]]])
async def test_a_header_of_none_is_a_clear_error_and_no_request(tmp_path, headers) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(TypeError) as caught:
        await worker.fetch("/", headers=headers)
    message = str(caught.value)
    assert message.startswith("worker.fetch(headers=...) got None for the header 'a'")
    assert "Leave the header out to send none" in message and "'undefined'" in message


@pytest.mark.asyncio
async def test_headers_with_text_values_still_arrive(tmp_path) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    resp = await worker.fetch("/", headers={"a": "", "b": "undefined"})
    assert json.loads(await resp.text()) == [["a", ""], ["b", "undefined"]]
