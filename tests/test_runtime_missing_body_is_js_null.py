"""A missing body is JavaScript's ``null`` (the fetch spec: ``request.body`` of a GET, of a
``new Request(url)``, ``new Response(null).body``), so Worker code sees it as its era's Pyodide
converts ``null``: ``None`` on 0.26 (dates before 2025-09-29), ``jsnull`` from 0.28 -- as it
already saw ``headers.get("x-nope")``. ``if request.body is None`` must fail locally where it
fails deployed (found by batch 51 on IceCodeNew/anti-fwd-spam's body reader)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import js
    from workers import Response, WorkerEntrypoint

    try:
        from pyodide.ffi import jsnull  # Pyodide 0.28 and later
    except ImportError:
        jsnull = object()

    def name(value):
        return "None" if value is None else "jsnull" if value is jsnull else type(value).__name__

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            seen = [request.body, request.js_object.body, js.Request.new("https://example.com/").body,
                    js.Response.new(None, status=204).body, request.js_object.headers.get("x-nope")]
            return Response(" ".join(name(value) for value in seen))
"""


# the Pyodide 0.26 era's handler is the module-level on_fetch(request) (a Default.fetch came later)
# (its request is the raw JavaScript Request, so request.js_object is request itself)
ON_FETCH = ENTRY.replace("class Default(WorkerEntrypoint):\n        async def fetch(self, request):",
                         "if True:\n        async def on_fetch(request):").replace("request.js_object.", "request.")


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "entry", "null"), [("2025-08-01", ON_FETCH, "None"), ("2025-10-01", ENTRY, "jsnull"),
                                                      ("2026-08-26", ENTRY, "jsnull")])
async def test_a_missing_body_is_the_eras_null(tmp_path, date, entry, null):
    worker = load_worker(one_file_worker(tmp_path, entry, date=date))
    assert await (await worker.fetch("/")).text() == " ".join([null] * 5)


@pytest.mark.asyncio
async def test_a_body_is_still_a_stream(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY.replace(
        'seen = [', 'seen = [request.body if request.method == "POST" else None] + 0 * [').replace(
        'return Response(" ".join(name(value) for value in seen))',
        'return Response(seen[0].constructor.name)'), date="2026-08-26"))
    response = await worker.fetch("/", method="POST", body=b"data")
    assert await response.text() == "ReadableStream"
