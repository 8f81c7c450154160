"""``workers.Request`` has ``form_data()`` and not the JS name ``formData()``: neither SDK ever
defined it on ``Request`` (workerd's ``_workers.py`` and workers-runtime-sdk 1.9.5's
``request.py``; only their ``Response``/``FetchResponse`` keep ``formData`` beside ``form_data``),
so a Worker's ``await request.formData()`` is Python's ``AttributeError`` once deployed, in both
SDK eras -- as a public "websaver" OCR Worker's upload route met it. The JS Request under it
(``request.js_object``) keeps its own ``formData()``."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import js, load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                await request.formData()
            except AttributeError as err:
                js_form = await request.js_object.formData()
                return Response.json([str(err), err.name, hasattr(request, "formData"),
                                      js_form.get("doc_name")])
            return Response("formData answered")
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-12-01", "2026-09-01"])  # the built-in SDK's era and the external one's
async def test_request_form_data_js_name_is_an_attribute_error(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    form = js.FormData.new()
    form.append("doc_name", "receipt")
    resp = await worker.fetch("/api/upload", method="POST", body=form)
    assert await resp.json() == ["'Request' object has no attribute 'formData'", "formData", False, "receipt"]


@pytest.mark.asyncio
async def test_form_data_and_the_responses_alias_still_read_the_form(tmp_path):
    entry = """\
        import js
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                form = await request.form_data()
                back = await Response(form.js_object).formData()
                return Response.json([form["doc_name"], back["doc_name"]])
    """
    worker = load_worker(one_file_worker(tmp_path, entry, date="2026-09-01"))
    form = js.FormData.new()
    form.append("doc_name", "receipt")
    assert await (await worker.fetch("/", method="POST", body=form)).json() == ["receipt", "receipt"]
