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


MULTIPLE = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        def body():
            return Response("RIFF....").body
        out = []
        for inputs, options in [
            ({"audio": {"body": body(), "contentType": "audio/wav"}, "extra": body()}, None),
            ({"audio": body(), "b": body(), "c": {"body": body()}}, {"gateway": {"id": "g"}}),
        ]:
            try:
                await (self.env.AI.run("@cf/openai/whisper", inputs) if options is None
                       else self.env.AI.run("@cf/openai/whisper", inputs, options))
                out.append("ok")
            except Exception as exc:
                out.append(f"{type(exc).__name__}: {exc}")
        return Response.json(out)
'''


def test_more_than_one_stream_input_is_refused_before_the_rest(tmp_path):
    # ai-api.ts run(): findReadableStreamKeys, then more than one is an AiInternalError naming
    # them in order -- before the gateway and Content-Type checks of the one it would send (the
    # text as in wrangler 4.164.0's workerd; hunt20: workers-env said "a Python ByteStream has no
    # JavaScript conversion" for the second, or checked the first alone)
    two, three = worker_json(tmp_path, MULTIPLE, date="2026-08-21")
    assert two == ("JsException: AiInternalError: Multiple ReadableStreams are not supported. "
                   "Found streams in keys: [audio, extra]")
    assert three == ("JsException: AiInternalError: Multiple ReadableStreams are not supported. "
                     "Found streams in keys: [audio, b, c]")
