"""A Fetcher's ``fetch`` (a service binding's) given its ``headers`` as a one-shot iterator -- a
generator of pairs, as a keyword of the SDK's or the raw binding's, or a member of a JavaScript
init -- reads them once, as workerd's Request constructor does (it builds the Request the callee
gets): checking the init (assets57's refusals) read the iterator first and the callee then got
none of the headers (left57)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fetcher_init_helpers import as_request
from worker_helpers import json_answer, one_file_worker


RAW = '''
import js
from pyodide.ffi import to_js
from workers import Response


async def on_fetch(request, env):
    r = await env.SVC.fetch("http://b/", headers=(pair for pair in [("x-a", "1")]))
    out = [r.headers.get("x-seen")]
    init = js.Object.fromEntries(to_js([["headers", (pair for pair in [("x-a", "2")])]]))
    r = await env.SVC.fetch("http://b/", init)
    out.append(r.headers.get("x-seen"))
    return Response.json(out)
'''

SDK = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        r = await self.env.SVC.fetch("http://b/", headers=(pair for pair in [("x-a", "1")]))
        return Response.json([r.headers.get("x-seen")])
'''


class Echo:
    """The service: answers the ``x-a`` header it got as ``x-seen``."""

    async def fetch(self, request: Any, init: Any = None) -> Any:
        from workers_env import js, to_js

        request = as_request(request, init)
        return js.Response.new("", to_js({"headers": {"x-seen": str(request.headers.get("x-a"))}},
                                         dict_converter=js.Object.fromEntries))


@pytest.mark.parametrize(("source", "flags", "expected"), [(RAW, ["disable_python_no_global_handlers"], ["1", "2"]),
                                                           (SDK, [], ["1"])])
def test_the_callee_gets_the_headers(tmp_path: Path, source: str, flags: list[str], expected: list[str]) -> None:
    folder = one_file_worker(tmp_path, source, date="2025-11-01", flags=flags,
                             extra='services = [{binding = "SVC", service = "echo"}]\n')
    assert json_answer(folder, "/", bindings={"SVC": Echo()}) == expected
