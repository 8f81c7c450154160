"""A service binding's answer to a HEAD has a ``null`` body, whatever the callee answered: workerd
makes the caller's Response so (http.c++ ``makeHttpResponse``: "responses to HEAD ... as having null
bodies", the Fetch spec's main fetch step 21). wrangler dev 4.164.0 reads ``""`` where the callee
answered ``"HEAD "`` (tools/wrangler/fetcher_init_refusals_probe.py, ``method head`` and ``HEAD,
body null`` on every date); workers-env handed the callee's body on (left57). A GET keeps it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fetcher_init_helpers import Echo
from worker_helpers import json_answer, one_file_worker


RAW = '''
import js
from pyodide.ffi import to_js
from workers import Response


async def on_fetch(request, env):
    out = []
    for method in ("HEAD", "head", "GET"):
        r = await env.SVC.fetch("http://b/", to_js({"method": method}, dict_converter=js.Object.fromEntries))
        out.append([r.status, r.body is None or type(r.body).__name__ == "JsNull" or str(r.body) == "null",
                    await r.text()])
    return Response.json(out)
'''

SDK = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for method in ("HEAD", "GET"):
            r = await self.env.SVC.fetch("http://b/", method=method)
            out.append([r.status, await r.text()])
        return Response.json(out)
'''


@pytest.mark.parametrize(("source", "flags", "expected"), [
    (RAW, ["disable_python_no_global_handlers"], [[200, True, ""], [200, True, ""], [200, False, "GET "]]),
    (SDK, [], [[200, ""], [200, "GET "]]),
])
def test_the_callees_body_is_dropped(tmp_path: Path, source: str, flags: list[str], expected: list[Any]) -> None:
    folder = one_file_worker(tmp_path, source, date="2025-11-01", flags=flags,
                             extra='services = [{binding = "SVC", service = "echo"}]\n')
    assert json_answer(folder, "/", bindings={"SVC": Echo()}) == expected
