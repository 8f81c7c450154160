"""``integrity`` of a Request init, as workerd takes it (api/http.c++ ``Request::constructor``):
it checks no subresource integrity, so anything but ``undefined`` or ``""`` (``null`` too, a
DOMString ``"null"``) is ``TypeError: Subrequest integrity checking is not implemented. The
integrity option must be either undefined or an empty string.`` -- before a bad ``method`` or
``redirect`` is noticed -- and ``request.integrity`` reads ``""``. In every era, through
``js.Request.new``, ``workers.Request`` and ``fetch`` (which sends nothing then; ``null``
is ``pyodide.ffi.jsnull``, which Pyodide 0.26 lacks); checked against
wrangler dev 4.164.0 by tools/wrangler/cache_option_differential.py. Before this, any value was
ignored."""

from __future__ import annotations

import pytest
from worker_helpers import SENT_OUTCOME, json_answer, local_origin, one_file_worker

ENTRY = """
from js import Request as JsRequest
try:
    from pyodide.ffi import jsnull  # Pyodide 0.28 (2025-09-29 on)
except ImportError:  # 0.26: JavaScript null has no Python spelling, None is undefined
    jsnull = None
from workers import Request, Response, WorkerEntrypoint, fetch

ORIGIN = "http://%s/"


def made(make):
    try:
        return make().integrity
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"

""" + SENT_OUTCOME + """

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({
            "empty": made(lambda: JsRequest.new("https://e.com/", integrity="")),
            "none": made(lambda: Request("https://e.com/")),
            "hash": made(lambda: JsRequest.new("https://e.com/", integrity="sha256-abc")),
            "null": made(lambda: JsRequest.new("https://e.com/", integrity=jsnull)),
            "sdk": made(lambda: Request("https://e.com/", integrity="sha384-abc")),
            "before method": made(lambda: JsRequest.new("https://e.com/", integrity="x", method="bad method")),
            "fetch": await outcome(fetch(ORIGIN, integrity="sha256-abc")),
        })
"""

REFUSED = ("TypeError: Subrequest integrity checking is not implemented. "
           "The integrity option must be either undefined or an empty string.")


@pytest.mark.parametrize("date", ["2024-11-10", "2025-08-07", "2026-05-01"])
def test_a_non_empty_integrity_is_refused(tmp_path, date):
    early = ("python_no_global_handlers",) if date < "2025-08-14" else ()
    with local_origin() as (origin, seen):
        answer = json_answer(one_file_worker(tmp_path, ENTRY.replace("%s", origin), date=date, flags=early), "/")
    null = f"JsException: {REFUSED}" if date >= "2025-09-29" else ""  # Pyodide 0.26: undefined
    assert answer == {"empty": "", "none": "", "hash": f"JsException: {REFUSED}", "null": null,
                      "sdk": f"JsException: {REFUSED}", "before method": f"JsException: {REFUSED}",
                      "fetch": REFUSED.removeprefix("TypeError: ")}
    assert seen == []
