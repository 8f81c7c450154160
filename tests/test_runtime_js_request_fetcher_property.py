"""workerd's ``Request.fetcher`` (``http.h``: a ``kj::Maybe<jsg::Ref<Fetcher>>`` property): the
init's ``fetcher``, else the input Request's, else ``null`` -- ``None`` to Python on Pyodide 0.26,
``jsnull`` from 0.28. An incoming request carries the global scope's own ``Fetcher``
(``global-scope.c++``, the network: its ``fetch`` is the global one), so a Request made from it
has one too; an init naming ``fetcher: null`` drops the input's; a Request given as the init
passes its own on; ``clone()`` keeps it. The global ``fetch(request)`` sends a request through
its fetcher (``fetchImpl``): one bound to ``env.ASSETS`` is answered by the assets."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

WORKER = """
from js import JSON, Request, fetch
from workers import Response, WorkerEntrypoint, import_from_javascript

def named(value):
    if value is None or type(value).__name__ == "JsNull":
        return type(value).__name__
    return value.constructor.name

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        assets = import_from_javascript("cloudflare:workers").env.ASSETS
        plain = Request.new("https://example.com/")
        bound = Request.new("https://example.com/hello.txt", fetcher=assets)
        incoming = request.js_object
        return Response.json([
            named(plain.fetcher), named(incoming.fetcher), named(Request.new(incoming).fetcher),
            named(bound.fetcher), bound.fetcher == assets,
            named(Request.new(bound).fetcher), named(bound.clone().fetcher),
            named(Request.new("https://example.com/", bound).fetcher),
            named(Request.new(bound, JSON.parse('{"fetcher": null}')).fetcher),
            await (await fetch(bound)).text(),
        ])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

ASSETS = '[assets]\ndirectory = "public"\nbinding = "ASSETS"\n'


@pytest.mark.parametrize(("date", "null"), [
    ("2025-08-13", "NoneType"),  # Pyodide 0.26: null is None
    ("2025-10-01", "JsNull"),  # Pyodide 0.28: jsnull
    ("2026-05-01", "JsNull"),
])
def test_a_requests_fetcher_is_the_inits_the_inputs_or_null(tmp_path: Path, date: str, null: str) -> None:
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "hello.txt").write_text("from the assets")
    folder = one_file_worker(tmp_path, WORKER, date=date, extra=ASSETS)
    assert json_answer(folder, "/") == [null, "Fetcher", "Fetcher", "Fetcher", True, "Fetcher", "Fetcher",
                                        "Fetcher", null, "from the assets"]
