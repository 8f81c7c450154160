"""``worker.fetch`` with a lone surrogate in a ``str`` header value or body (no HTTP client can
send one): it reaches the Worker as U+FFFD, as a JavaScript ``Request``/``Headers`` built from
such a string holds it (USVString/ByteString conversion) and as the URL already does. Before, a
header value reached the SDK's ``request.headers`` as an ``email.header.Header`` object rather
than a ``str``, and a body was a bare ``UnicodeEncodeError``."""

from __future__ import annotations

from typing import Any

import pytest

from workers_env import load_worker

WRANGLER = 'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n'
ENTRY = '''from workers import WorkerEntrypoint, Response
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        value = request.headers.get("x-a")
        return Response.json({"type": type(value).__name__, "header": value, "body": await request.text(),
                              "length": request.headers.get("content-length")})
'''


@pytest.fixture
def worker(project: Any) -> Any:
    return load_worker(project(WRANGLER, src__entry_DOT_py=ENTRY))


@pytest.mark.asyncio
async def test_a_lone_surrogate_in_a_header_value_is_u_fffd(worker: Any) -> None:
    answer = await (await worker.fetch("/", headers={"x-a": "a\udc80b"})).json()
    assert answer["type"] == "str" and answer["header"] == "a\ufffdb"


@pytest.mark.asyncio
@pytest.mark.parametrize(("body", "seen"), [("x\udc80y", "x\ufffdy"), ("\ud83d\ude00", "\U0001f600"), ("\ud800", "\ufffd")])
async def test_a_lone_surrogate_in_a_str_body_is_u_fffd(worker: Any, body: str, seen: str) -> None:
    answer = await (await worker.fetch("/", method="POST", body=body)).json()
    assert answer["body"] == seen
    assert answer["length"] == str(len(seen.encode()))
