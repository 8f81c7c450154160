"""A Worker's own ``Content-Length`` or ``Transfer-Encoding`` header is not what ``fetch`` sends:
kj frames the body it sends itself, so a wrong length neither cuts the body nor promises one
that never comes -- a GET without a body gets none (a POST's ``content-length: 3`` kept on the
GET a 303 makes of it would leave the origin waiting for a body), and a body sent with
``transfer-encoding: chunked`` goes with its length. As ``wrangler dev`` 4.164.0 sent them."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import BODY_INITS, EchoOrigin, json_answer, one_file_worker, serving

WORKER = BODY_INITS + """
import json
from workers import Response, WorkerEntrypoint

CALLS = [
    ("/landed", init(method="POST", body="x=1", headers=init(**{"content-length": "2"}))),
    ("/landed", init(headers=init(**{"content-length": "0"}))),
    ("/landed", init(method="POST", body="abc", headers=init(**{"transfer-encoding": "chunked"}))),
    ("/303", init(method="POST", body="x=1", headers=init(**{"content-length": "3"}))),
    ("/307", init(method="POST", body="x=1", headers=init(**{"content-length": "9"}))),
]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([json.loads(await (await js.fetch(ORIGIN + path, options)).text())
                              for path, options in CALLS])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

TEXT = "text/plain;charset=UTF-8"


def test_fetch_sends_no_content_length_of_the_workers_own(tmp_path: Path) -> None:
    with serving(EchoOrigin) as url:
        answers = json_answer(one_file_worker(tmp_path, f"ORIGIN = {url!r}\n" + WORKER), "/")
    assert answers == [
        ["POST", "x=1", {"content-length": "3", "content-type": TEXT}],
        ["GET", "", {}],
        ["POST", "abc", {"content-length": "3", "content-type": TEXT}],
        ["GET", "", {"content-type": TEXT}],  # a 303's GET keeps the type, as workerd's does
        ["POST", "x=1", {"content-length": "3", "content-type": TEXT}],
    ]
