"""A ``None`` option is JavaScript's ``undefined`` -- Pyodide converts it so in ``to_js`` (what
``pyfetch``, and so ``workers.fetch``, hands ``fetch``) and in keyword arguments (what
``workers.Request`` hands ``js.Request.new``) -- and a WebIDL dictionary member that is
``undefined`` is absent (workerd ``RequestInitializerDict``: ``jsg::Optional``). So
``method=None`` is a GET, not ``Invalid HTTP method string``, and ``headers=None``/``body=None``
over a Request keep the Request's own, in every SDK era. JS ``null`` is not absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_runtime_workers_fetch_options_apply_over_a_request import echo_origin
from worker_helpers import json_answer, one_file_worker

WORKER = """
import js
from pyodide.ffi import to_js
from workers import Request, Response, WorkerEntrypoint, fetch

URL = "{url}"

async def sent(call):
    return await (await call).json()

def refused(make):
    try:
        make()
    except Exception as exc:
        return str(exc)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        init = to_js({{"method": None, "headers": None}}, dict_converter=js.Object.fromEntries)
        return Response.json({{
            "fetch": [await sent(fetch(URL, method=None, body=None)),
                      await sent(fetch(Request(URL, method="PUT", headers={{"x": "r"}}, body="q"),
                                       method=None, headers=None, body=None))],
            "request": [str(Request(URL, method=None).method), js.Request.new(URL, method=None).method,
                        js.Request.new(URL, init).method],
            "null": refused(lambda: js.Request.new(URL, js.JSON.parse('{{"method": null}}'))),
        }})

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize("date", ["2025-08-13", "2025-10-01", "2026-05-01"])  # Pyodide 0.26, 0.28, external SDK
def test_none_options_leave_the_defaults(tmp_path: Path, date: str) -> None:
    with echo_origin() as url:
        answer = json_answer(one_file_worker(tmp_path, WORKER.format(url=url), date=date), "/")
    assert answer == {
        "fetch": [{"method": "GET", "x": None, "body": ""}, {"method": "PUT", "x": "r", "body": "q"}],
        "request": ["GET", "GET", "GET"],
        "null": "TypeError: Invalid HTTP method string: null",
    }
