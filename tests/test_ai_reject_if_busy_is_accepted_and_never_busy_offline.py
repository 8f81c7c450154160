"""The ``rejectIfBusy`` run() option (cloudflare-docs, workers-ai/features/reject-if-busy.mdx
at c19784cdc15f; changelog 2026-08-28): ai-api.ts sends it in the body's ``options`` like any
option it does not strip, and the service then refuses a synchronous request it has no
capacity for (HTTP 429, ``3040: Capacity temporarily exceeded, please try again.``) instead of
queueing it. Offline there is no capacity queue: the request is answered as without the
option, the option is recorded with the call, and the service's own refusals come first as
before. A Worker's handling of the 429 is tested by scripting that error, which then answers
with the error table's status for its code (429 for 3040; 400 for an error without a code)."""

from __future__ import annotations

import json

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError

BGE = "@cf/baai/bge-base-en-v1.5"
LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"
BUSY = "Capacity temporarily exceeded, please try again."


def test_an_embedding_request_with_it_is_answered(tmp_path):
    env = ai_env(tmp_path)
    plain = run(env, BGE, {"text": "a cat"})
    answer = run(env, BGE, {"text": "a cat"}, {"rejectIfBusy": True})
    assert answer.shape == [1, 768] and answer.data == plain.data
    assert env.AI.lastRequestHttpStatusCode == 200
    assert env.AI.calls[-1].options == {"rejectIfBusy": True}


def test_a_text_generation_request_with_it_takes_the_scripted_reply(tmp_path):
    env = ai_env(tmp_path)
    env.AI.reply("On the mat.")
    answer = run(env, LLAMA, {"messages": [{"role": "user", "content": "where?"}]}, {"rejectIfBusy": True})
    assert answer["response"] == "On the mat."


def test_the_services_refusals_come_first(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(AiError, match="^AiError: 5006: "):
        run(env, BGE, {"text": ""}, {"rejectIfBusy": True})
    with pytest.raises(AiError, match="^AiError: 5028: "):
        run(env, "@cf/meta/llama-3.1-8b-instruct", {"prompt": "hi"}, {"rejectIfBusy": True})


def test_a_raw_response_is_the_200_answer(tmp_path):
    env = ai_env(tmp_path)
    raw = run(env, BGE, {"text": "a"}, {"rejectIfBusy": True, "returnRawResponse": True})
    assert raw.status == 200


def test_the_busy_refusal_can_be_scripted(tmp_path):
    env = ai_env(tmp_path)

    def busy(model, inputs):
        raise AiError(BUSY, code=3040)

    env.AI.reply(busy, model=LLAMA)
    with pytest.raises(AiError) as caught:
        run(env, LLAMA, {"prompt": "hi"}, {"rejectIfBusy": True})
    assert str(caught.value) == f"AiError: 3040: {BUSY}" and caught.value.code == 3040
    assert (env.AI.lastRequestHttpStatusCode, env.AI.lastRequestInternalStatusCode) == (429, 3040)
    raw = run(env, LLAMA, {"prompt": "hi"}, {"returnRawResponse": True})
    assert (raw.status, raw.status_text) == (429, "Too Many Requests")
    assert json.loads(raw.text())["internalCode"] == 3040


@pytest.mark.parametrize(("code", "status"), [(3036, 429), (3007, 408), (3006, 413), (5016, 403), (None, 400)])
def test_a_scripted_error_answers_with_its_codes_status_in_the_error_table(tmp_path, code, status):
    env = ai_env(tmp_path)

    def refuse(model, inputs):
        raise AiError("refused", code=code)

    env.AI.reply(refuse)
    with pytest.raises(AiError):
        run(env, LLAMA, {"prompt": "hi"})
    assert env.AI.lastRequestHttpStatusCode == status
