"""``lastRequestId`` and ``aiGatewayLogId`` follow workerd's rule (ai-api.ts ``run()``): ``""``
is set before sending, then after the service answers -- a result or a refusal alike -- the
fields read the answer's ``cf-ai-req-id`` and ``cf-aig-log-id`` headers, ``null`` for one the
answer lacks. The service gives a request id on every answer (the mock service of workerd's
tests sends it on its 400 too); AI Gateway's log id only comes with ``gateway: {id}``. Ours
are local ids, the same in every run: UUIDs, and 26-character Crockford base-32 log ids as AI
Gateway's (ULIDs). What ai-api.ts throws before sending leaves ``lastRequestId`` ``""`` and
``aiGatewayLogId`` as it was."""

from __future__ import annotations

import re

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError, JsException

BGE = "@cf/baai/bge-base-en-v1.5"
GATEWAY = {"gateway": {"id": "my-gateway"}}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
LOG_ID = re.compile(r"[0-9A-HJKMNP-TV-Z]{26}")


def ids(env):
    return env.AI.lastRequestId, env.AI.aiGatewayLogId


def test_every_answer_has_a_new_request_id_refusals_too(tmp_path):
    env = ai_env(tmp_path)
    assert ids(env) == (None, None)
    seen = []
    run(env, BGE, {"text": "a"})
    seen.append(env.AI.lastRequestId)
    with pytest.raises(AiError):
        run(env, BGE, {"text": ""})  # 5006
    seen.append(env.AI.lastRequestId)
    with pytest.raises(AiError):
        run(env, "@cf/meta/llama-3.1-8b-instruct", {"prompt": "hi"})  # retired: 5028
    seen.append(env.AI.lastRequestId)
    assert all(UUID.fullmatch(i) for i in seen) and len(set(seen)) == 3
    assert env.AI.aiGatewayLogId is None


def test_ids_are_the_same_in_every_run_and_env(tmp_path):
    def sequence():
        env = ai_env(tmp_path)
        out = []
        for options in ({}, GATEWAY, {}):
            run(env, BGE, {"text": "a"}, options)
            out.append(ids(env))
        return out

    first = sequence()
    assert sequence() == first


def test_a_gateway_log_id_comes_only_through_a_gateway(tmp_path):
    env = ai_env(tmp_path)
    run(env, BGE, {"text": "a"}, GATEWAY)
    logged = env.AI.aiGatewayLogId
    assert LOG_ID.fullmatch(logged)
    with pytest.raises(AiError):
        run(env, BGE, {"text": ""}, GATEWAY)  # a refusal through the gateway is logged too
    assert LOG_ID.fullmatch(env.AI.aiGatewayLogId) and env.AI.aiGatewayLogId != logged
    for falsy_id in ({"gateway": {"id": ""}}, {"gateway": {}}, {"gateway": None}, {}):
        run(env, BGE, {"text": "a"}, falsy_id)
        assert env.AI.aiGatewayLogId is None  # each answer without the header sets null
    raw = run(env, BGE, {"text": "a"}, {**GATEWAY, "returnRawResponse": True})
    assert raw.header("cf-aig-log-id") == env.AI.aiGatewayLogId and raw.header("cf-ai-req-id") == env.AI.lastRequestId


def test_what_javascript_throws_before_sending_sets_only_the_empty_request_id(tmp_path):
    env = ai_env(tmp_path)
    run(env, BGE, {"text": "a"}, GATEWAY)
    log_id = env.AI.aiGatewayLogId
    with pytest.raises(JsException, match="Invalid header name"):
        run(env, BGE, {"text": "a"}, {"extraHeaders": {"a b": "c"}})
    assert ids(env) == ("", log_id)
    with pytest.raises(JsException, match="Cannot convert undefined or null to object"):
        run(env, BGE, None)
    assert ids(env) == ("", log_id)
