"""A body ``fetch`` sends without a ``Content-Type`` -- a ``Uint8Array``, a ``ReadableStream`` --
goes without one, as workerd adds none (the standard library's own
``application/x-www-form-urlencoded`` is not sent); a string's ``text/plain;charset=UTF-8`` and
the Worker's own type go as they are. As ``wrangler dev`` 4.164.0 sent them."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import BODY_INITS, EchoOrigin, json_answer, one_file_worker, serving

WORKER = BODY_INITS + """
import json
from workers import Response, WorkerEntrypoint

BODIES = [
    init(method="POST", body=js.Uint8Array.new([1, 2])),
    init(method="POST", body=stream(), duplex="half"),
    init(method="POST", body="abc"),
    init(method="POST", body=js.Uint8Array.new([1, 2]), headers=init(**{"content-type": "a/b"})),
]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([json.loads(await (await js.fetch(ORIGIN, options)).text()) for options in BODIES])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


def test_fetch_adds_no_content_type_to_a_body_without_one(tmp_path: Path) -> None:
    with serving(EchoOrigin) as url:
        answers = json_answer(one_file_worker(tmp_path, f"ORIGIN = {url!r}\n" + WORKER), "/")
    assert [framing.get("content-type") for _, _, framing in answers] == [None, None, "text/plain;charset=UTF-8", "a/b"]
    assert [body for _, body, _ in answers] == ["\x01\x02", "ab", "abc", "\x01\x02"]
