"""Inputs sent as a stream go by ai-api.ts's ``#generateStreamFetch``: after its own checks it
writes the other inputs as ``JSON.stringify`` into the query, then ``fetch`` builds the headers
(``sessionOptions.extraHeaders``, ``extraHeaders``, the model's) -- all before anything is
sent. So a bad header or a BigInt among the other inputs throws its ``TypeError`` before a
retired model's 5028 (the service's answer) and before workers-env's "not emulated"."""

from __future__ import annotations

import pytest
from ai_helpers import retired, worker_json

RETIRED = "@cf/unum/uform-gen2-qwen-500m"

ENTRY = '''
from workers import FormData, Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        form = FormData()
        form["prompt"] = "a cat"
        out = []
        for model, extra, options in [
            ("RETIRED", {}, {"extraHeaders": {"bad name": "x"}}),
            ("RETIRED", {}, {"extraHeaders": {"x-a": "1\\n2"}}),
            ("RETIRED", {}, {"sessionOptions": {"extraHeaders": {"bad name": "x"}}}),
            ("RETIRED", {"seed": 2**64}, {}),
            ("RETIRED", {}, {"extraHeaders": {"x-fine": "yes"}}),
            ("@cf/black-forest-labs/flux-2-klein-4b", {}, {"extraHeaders": {"bad name": "x"}}),
        ]:
            typed = Response(form)
            inputs = {"multipart": {"body": typed.body, "contentType": typed.headers["content-type"]}, **extra}
            try:
                await self.env.AI.run(model, inputs, options)
                out.append("answered")
            except Exception as exc:
                out.append(f"{type(exc).__name__}|{exc}")
        return Response.json(out)
'''.replace("RETIRED", RETIRED)


@pytest.mark.parametrize("date", ["2025-11-01", "2026-08-21"])  # the raw JavaScript binding's era, the SDK's
def test_headers_and_the_query_json_are_checked_before_the_service_answers(tmp_path, date):
    name, value, session, bigint, fine, not_emulated = worker_json(tmp_path, ENTRY, date=date)
    assert name == session == "JsException|TypeError: Invalid header name."
    assert value == "JsException|TypeError: Invalid header value."
    assert bigint == "JsException|TypeError: Do not know how to serialize a BigInt"
    assert fine == f"JsException|{retired(RETIRED)}"
    assert not_emulated == "JsException|TypeError: Invalid header name."
