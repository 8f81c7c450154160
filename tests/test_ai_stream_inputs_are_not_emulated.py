"""An input that is a ReadableStream or FormData -- or an object whose ``body`` is one, as
``{"multipart": {"body": stream, "contentType": ...}}`` -- is sent by ai-api.ts as the request
body with its ``contentType`` (``#generateStreamFetch``), not as JSON: its own checks come first
(``AI Gateway does not support ReadableStreams yet.``, ``Content-Type is required with
ReadableStream inputs``), then workers-env's ``NotEmulatedError`` -- not a JsException, so a
Worker's ``except JsException`` does not hide it. Cloudflare's image-redraw example sends a
FormData's stream this way (batch 54); it got "a Python ByteStream has no JavaScript
conversion"."""

from __future__ import annotations

from ai_helpers import worker_json

ENTRY = '''
from js import FormData as JsFormData
from workers import FormData, Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        form = FormData()
        form["prompt"] = "a cat"
        serialized = Response(form)
        content_type = serialized.headers["content-type"]
        out = []
        for model, inputs, options in [
            ("@cf/black-forest-labs/flux-2-klein-4b", {"multipart": {"body": serialized.body, "contentType": content_type}}, None),
            ("@cf/meta/llama-3.1-8b-instruct-fast", {"multipart": {"body": Response(form).body, "contentType": content_type}}, None),
            ("@cf/meta/llama-3.1-8b-instruct-fast", {"multipart": {"body": Response(form).body}}, None),
            ("@cf/meta/llama-3.1-8b-instruct-fast", {"audio": Response(form).body}, None),
            ("@cf/meta/llama-3.1-8b-instruct-fast", {"multipart": {"body": JsFormData.new(), "contentType": "x"}}, None),
            ("@cf/meta/llama-3.1-8b-instruct-fast", {"multipart": {"body": Response(form).body, "contentType": "x"}},
             {"gateway": {"id": "g"}}),
        ]:
            try:
                await (self.env.AI.run(model, inputs) if options is None else self.env.AI.run(model, inputs, options))
                out.append("ok")
            except Exception as exc:
                out.append(f"{type(exc).__name__}: {exc}")
        return Response.json(out)
'''


def test_stream_inputs_are_checked_as_ai_api_checks_them_then_not_emulated(tmp_path):
    image, text, no_type, bare, form, gateway = worker_json(tmp_path, ENTRY, date="2026-08-21")
    assert image.startswith("NotEmulatedError: workers-env does not emulate Workers AI inputs sent as a stream: "
                            "the 'multipart' input's ReadableStream body")
    assert text == image
    assert no_type == bare == "JsException: AiInternalError: Content-Type is required with ReadableStream inputs"
    assert "the 'multipart' input's FormData body" in form
    assert gateway == "JsException: AiInternalError: AI Gateway does not support ReadableStreams yet."
