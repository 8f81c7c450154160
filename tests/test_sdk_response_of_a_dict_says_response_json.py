"""``Response(result)`` of a dict or list -- a Workers AI answer without ``stream``, a D1 row,
``request.json()``'s body -- is the SDK's ``TypeError: Unsupported type in Response: JsDict``
(workers-runtime-sdk 1.9.5 ``response.py``), its text kept; it says nothing of the way to answer
JSON, so a note names ``Response.json(value)`` (walk59). Other refused bodies get no such note."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            body = await request.json()
            return Response(body["answer"])
"""


def note(kind):
    return (f"workers-env: a Response's body is a str, bytes, a stream or FormData; to answer with this {kind} as "
            "JSON, write Response.json(value) (it takes status= and headers= too, and sets content-type: "
            "application/json)")


@pytest.mark.asyncio
@pytest.mark.parametrize(("answer", "type_name", "kind"), [({"response": "hi"}, "dict", "dict"),
                                                            ([1, 2], "list", "list")])
async def test_a_dict_or_list_body_names_response_json(tmp_path, answer, type_name, kind):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(TypeError) as info:
        await worker.fetch("/", method="POST", json={"answer": answer})
    assert str(info.value) == f"Unsupported type in Response: {type_name}"
    assert info.value.__notes__ == [note(kind)]


@pytest.mark.asyncio
async def test_other_bodies_get_no_such_note(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(TypeError) as info:
        await worker.fetch("/", method="POST", json={"answer": 1.5})
    assert str(info.value) == "Unsupported type in Response: float"
    assert not hasattr(info.value, "__notes__")
    assert await (await worker.fetch("/", method="POST", json={"answer": "fine"})).text() == "fine"
