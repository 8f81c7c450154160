"""A retired model's 5028 reaches Worker code by every path a model name takes to the service:
plain inputs, ``stream: True``, the ``gateway`` option, a name with the whitespace ``Headers``
trims, and inputs sent as a stream (ai-api.ts's own checks first -- they throw before any
request -- then 5028, which reads no input, rather than "not emulated"); in both SDK eras a
Worker catches it as ``pyodide.ffi.JsException`` with the service's text (naming the model as
the service does), and the binding records HTTP 410 and code 5028 as workerd does."""

from __future__ import annotations

import pytest
from ai_helpers import INFIRE, ai_env, retired, run, worker_json

from workers_env import AiError

ENTRY = '''
from workers import FormData, Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        form = FormData()
        form["prompt"] = "a cat"
        typed = Response(form)
        content_type = typed.headers["content-type"]
        out = []
        for model, inputs, options in [
            ("@cf/meta/llama-3.1-8b-instruct", {"prompt": "hi"}, None),
            ("@cf/meta/llama-3.1-8b-instruct", {"prompt": "hi", "stream": True}, None),
            ("@cf/meta/llama-3.1-8b-instruct", {"prompt": "hi"}, {"gateway": {"id": "my-gateway"}}),
            (" @cf/microsoft/phi-2\\t", {"prompt": "hi"}, None),
            ("@cf/unum/uform-gen2-qwen-500m", {"multipart": {"body": typed.body, "contentType": content_type}}, None),
            ("@cf/unum/uform-gen2-qwen-500m", {"multipart": {"body": Response(form).body}}, None),
        ]:
            try:
                await (self.env.AI.run(model, inputs) if options is None else self.env.AI.run(model, inputs, options))
                out.append("answered")
            except Exception as exc:
                out.append(f"{type(exc).__module__}.{type(exc).__name__}|{exc}")
        out.append([self.env.AI.lastRequestHttpStatusCode, self.env.AI.lastRequestInternalStatusCode])
        return Response.json(out)
'''


@pytest.mark.parametrize("date", ["2025-11-01", "2026-08-21"])  # the raw JavaScript binding's era, the SDK's
def test_worker_code_gets_5028_by_every_path_in_both_sdk_eras(tmp_path, date):
    *answers, no_type, status = worker_json(tmp_path, ENTRY, date=date)
    named = [INFIRE] * 3 + ["@cf/microsoft/phi-2", "@cf/unum/uform-gen2-qwen-500m"]  # phi-2's name trimmed
    assert answers == [f"pyodide.ffi.JsException|{retired(name)}" for name in named]
    assert no_type == "pyodide.ffi.JsException|AiInternalError: Content-Type is required with ReadableStream inputs"
    assert status == [410, 5028]  # the JavaScript error thrown before any request leaves the last call's


def test_the_binding_records_the_refusal_as_workerd_does(tmp_path):
    env = ai_env(tmp_path)
    run(env, "@cf/meta/llama-3.1-8b-instruct-fast", {"prompt": "hi"})
    assert (env.AI.lastRequestHttpStatusCode, env.AI.lastRequestInternalStatusCode) == (200, None)
    with pytest.raises(AiError) as caught:
        run(env, "@cf/facebook/bart-large-cnn", {"input_text": "a long text"})  # was summarization, not emulated
    assert str(caught.value) == retired("@cf/facebook/bart-large-cnn")
    assert caught.value.description.endswith("alternatives: https://developers.cloudflare.com/workers-ai/models/")
    assert (env.AI.lastRequestHttpStatusCode, env.AI.lastRequestInternalStatusCode, len(env.AI.lastRequestId)) == (410, 5028, 36)
    assert env.AI.calls[-1].model == "@cf/facebook/bart-large-cnn"
