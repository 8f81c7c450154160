"""``run(model, inputs, {"returnRawResponse": True})`` returns the service's answer itself, as
workerd's ai-api.ts returns the fetch's ``Response`` before it reads the body: status 200 with
``content-type: application/json`` and the result's JSON, ``text/event-stream`` and the SSE body
for ``stream: true``; a refusal is no error but the service's answer (400; 410 for a retired
model) with its error body
``{internalCode, message, name, description}`` (ai-api.ts's ``AiError``, the mock service's
shape), and ``lastRequestInternalStatusCode`` is not set (only ``_parseError`` sets it). What
ai-api.ts throws before sending anything is still thrown. Each answer carries ``cf-ai-req-id``,
the id ``lastRequestId`` reads."""

from __future__ import annotations

import json

import pytest
from ai_helpers import ai_env, run, worker_json

from workers_env import AiError, JsException

BGE = "@cf/baai/bge-base-en-v1.5"
LLAMA = "@cf/meta/llama-3.2-3b-instruct"
RAW = {"returnRawResponse": True}


def test_a_result_is_its_json_with_the_request_id(tmp_path):
    env = ai_env(tmp_path)
    plain = run(env, BGE, {"text": ["a cat", "a dog"]})
    raw = run(env, BGE, {"text": ["a cat", "a dog"]}, RAW)
    assert (raw.status, raw.status_text) == (200, "OK")
    assert raw.header("content-type") == "application/json"
    assert raw.header("cf-ai-req-id") == env.AI.lastRequestId and len(env.AI.lastRequestId) == 36
    assert raw.header("cf-aig-log-id") is None
    assert json.loads(raw.text()) == plain
    assert env.AI.lastRequestHttpStatusCode == 200


def test_stream_true_gives_the_event_stream(tmp_path):
    env = ai_env(tmp_path)
    env.AI.reply("hello there")
    raw = run(env, LLAMA, {"prompt": "hi", "stream": True}, RAW)
    assert raw.status == 200 and raw.header("content-type") == "text/event-stream"
    text = raw.text()
    assert text.startswith('data: {"response":"hello') and text.endswith("data: [DONE]\n\n")


@pytest.mark.parametrize(("model", "inputs", "code", "status"), [
    (BGE, {"text": ""}, 5006, (400, "Bad Request")),
    ("@cf/no/such-model", {"text": "x"}, 5007, (400, "Bad Request")),
    ("@cf/meta/llama-3.1-8b-instruct", {"prompt": "hi"}, 5028, (410, "Gone")),  # retired
])
def test_a_refusal_is_the_services_answer_not_an_error(tmp_path, model, inputs, code, status):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as thrown:  # what the same call throws without the option
        run(env, model, inputs)
    env = ai_env(tmp_path)
    raw = run(env, model, inputs, RAW)
    assert (raw.status, raw.status_text, raw.header("content-type")) == (*status, "application/json")
    description = thrown.value.description
    assert str(thrown.value) == f"AiError: {code}: {description}"
    assert json.loads(raw.text()) == {"internalCode": code, "message": f"AiError: {description}",
                                      "name": "AiError", "description": description}
    assert raw.header("cf-ai-req-id") == env.AI.lastRequestId != ""
    # workerd records the status; the internal code only when it parses the error (not here)
    assert (env.AI.lastRequestHttpStatusCode, env.AI.lastRequestInternalStatusCode) == (status[0], None)


def test_what_ai_api_ts_throws_before_sending_is_still_thrown(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(JsException, match="Invalid header name") as caught:
        run(env, BGE, {"text": "a"}, {**RAW, "extraHeaders": {"bad name": "x"}})
    assert not isinstance(caught.value, AiError) and env.AI.lastRequestId == ""
    with pytest.raises(JsException, match="Cannot convert undefined or null"):
        run(env, BGE, None, RAW)


def test_falsy_values_are_no_raw_response(tmp_path):
    env = ai_env(tmp_path)
    for falsy in (False, 0, "", None):
        assert run(env, BGE, {"text": "a"}, {"returnRawResponse": falsy}).shape == [1, 768]


ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        ai = self.env.AI
        out = []
        resp = await ai.run("@cf/baai/bge-small-en-v1.5", {"text": "a"}, {"returnRawResponse": True})
        body = await resp.json()
        body = body.to_py() if hasattr(body, "to_py") else body  # a JsProxy, or the SDK's Response's dict
        out.append([type(resp).__name__, resp.status, resp.ok, resp.headers.get("content-type"),
                    resp.headers.get("cf-ai-req-id") == ai.lastRequestId, body["shape"]])
        resp = await ai.run("@cf/meta/llama-3.2-3b-instruct", {"prompt": "hi", "stream": True}, {"returnRawResponse": True})
        out.append([resp.headers.get("content-type"), (await resp.text()).endswith("data: [DONE]\\n\\n")])
        resp = await ai.run("@cf/no/such-model", {"text": "a"}, {"returnRawResponse": True})
        error = await resp.json()
        out.append([resp.status, resp.ok, (error.to_py() if hasattr(error, "to_py") else error)["internalCode"]])
        return Response.json(out)
'''


@pytest.mark.parametrize("date", ["2025-11-01", "2026-08-21"])  # the raw JavaScript binding's era, the SDK's
def test_worker_code_gets_a_js_response_in_both_sdk_eras(tmp_path, date):
    json_answer, stream, refused = worker_json(tmp_path, ENTRY, date=date)
    # the JavaScript Response; the SDK era hands Worker code a JS Response as a workers.Response
    assert json_answer == [{"2025-11-01": "JsProxy", "2026-08-21": "Response"}[date],
                           200, True, "application/json", True, [1, 384]]
    assert stream == ["text/event-stream", True]
    assert refused == [400, False, 5007]
