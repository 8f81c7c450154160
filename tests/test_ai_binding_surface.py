"""The rest of workerd's ``Ai`` class as Worker code reaches it: the methods that need
Cloudflare's services say so (``NotEmulatedError``, never a bare ``AttributeError``), the
deprecated ``getLogs()`` answers ``[]``, the ``lastRequest*`` fields follow each ``run()``,
and ``run()`` without inputs throws the JavaScript ``TypeError`` workerd throws."""

from __future__ import annotations

import asyncio

import pytest
from ai_helpers import ai_env, run, worker_json

from workers_env import AiError, JsException, NotEmulatedError

BGE = "@cf/baai/bge-small-en-v1.5"


@pytest.mark.parametrize("call,named", [
    (lambda ai: ai.gateway("my-gateway"), "gateway() (AI Gateway)"),
    (lambda ai: asyncio.run(ai.websearch({"gatewayId": "g", "query": "cats"})),
     "websearch() (web search through AI Gateway)"),
    (lambda ai: ai.autorag("docs"), "autorag() (AutoRAG)"),
    (lambda ai: ai.aiSearch(), "aiSearch() (AI Search)"),
    (lambda ai: ai.toMarkdown([{"name": "a.pdf", "blob": b""}]), "toMarkdown() (Markdown conversion)"),
    (lambda ai: asyncio.run(ai.fetch("https://workers-binding.ai/run")), "fetch() (the Workers AI HTTP endpoint)"),
])
def test_methods_needing_cloudflare_raise_not_emulated_naming_themselves(tmp_path, call, named):
    env = ai_env(tmp_path)
    with pytest.raises(NotEmulatedError) as info:
        call(env.AI)
    assert str(info.value) == (
        f"workers-env does not emulate env.AI.{named} offline: it needs Cloudflare's services. Keep it out of the "
        "code your tests run, or supply your own AI binding with load_env(..., bindings={...}).")
    assert not isinstance(info.value, JsException)  # a Worker's `except JsException` does not hide it


def test_get_logs_is_the_deprecated_empty_list(tmp_path):
    assert ai_env(tmp_path).AI.getLogs() == []


def test_last_request_fields_follow_each_run(tmp_path):
    ai = ai_env(tmp_path).AI
    assert (ai.lastRequestId, ai.lastRequestHttpStatusCode, ai.lastRequestInternalStatusCode) == (None, None, None)
    run(ai_env(tmp_path), BGE, {"text": "x"})  # another env's binding: this one is untouched
    assert ai.lastRequestHttpStatusCode is None
    asyncio.run(ai.run(BGE, {"text": "x"}))
    assert (len(ai.lastRequestId), ai.lastRequestHttpStatusCode, ai.lastRequestInternalStatusCode) == (36, 200, None)
    for inputs, code in (({"text": ""}, 5006), ({"text": "x"}, 5007)):
        with pytest.raises(AiError):
            asyncio.run(ai.run(BGE if code == 5006 else "@cf/no/such-model", inputs))
        # the service's error answer carries a cf-ai-req-id too (workerd's ai-mock.js), which workerd reads
        assert (len(ai.lastRequestId), ai.lastRequestHttpStatusCode, ai.lastRequestInternalStatusCode) == (36, 400, code)
    asyncio.run(ai.run(BGE, {"text": "x"}))
    # workerd sets the internal code only from an error body, so a success leaves the last one
    assert (ai.lastRequestHttpStatusCode, ai.lastRequestInternalStatusCode) == (200, 5007)


def test_run_without_inputs_throws_the_type_error_before_any_request(tmp_path):
    env = ai_env(tmp_path)
    for args in ((BGE,), (BGE, None), ("@cf/no/such-model",)):
        with pytest.raises(JsException) as info:
            asyncio.run(env.AI.run(*args))
        assert str(info.value) == "TypeError: Cannot convert undefined or null to object"
        assert not isinstance(info.value, AiError)
    assert env.AI.lastRequestHttpStatusCode is None  # nothing was sent
    assert [c.model for c in env.AI.calls] == [BGE, BGE, "@cf/no/such-model"]


WORKER = '''
from js import Object
from pyodide.ffi import jsnull, to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        ai = self.env.AI
        out = {"logs": list(ai.getLogs()), "unset": ai.lastRequestHttpStatusCode in (None, jsnull)}
        for name in ("gateway", "autorag", "aiSearch", "toMarkdown"):
            try:
                getattr(ai, name)("x")
                out[name] = "returned"
            except NotImplementedError as exc:  # NotEmulatedError is one
                out[name] = type(exc).__name__
        try:
            await ai.websearch(to_js({"gatewayId": "g", "query": "cats"}, dict_converter=Object.fromEntries))
            out["websearch"] = "returned"
        except NotImplementedError as exc:
            out["websearch"] = type(exc).__name__
        try:
            await ai.run("@cf/baai/bge-small-en-v1.5")
        except Exception as exc:
            out["no_inputs"] = str(exc)
        await ai.run("@cf/baai/bge-small-en-v1.5", to_js({"text": "x"}, dict_converter=Object.fromEntries))
        out["after"] = ai.lastRequestHttpStatusCode
        return Response.json(out)
'''


@pytest.mark.parametrize("date", ["2026-05-01", "2026-01-01"])  # the external-SDK era and the built-in one
def test_worker_code_reaches_the_whole_surface(tmp_path, date):
    body = worker_json(tmp_path, WORKER, date=date)
    # the external SDK's wrapper keeps the field it read first (setattr in its __getattr__, every
    # release): `after` is that unset value there, and the raw binding's fresh 200 on the built-in SDK
    after = None if date >= "2026-04-21" else 200
    assert body["logs"] == [] and body["unset"] is True and body["after"] == after
    assert [body[m] for m in ("gateway", "autorag", "aiSearch", "toMarkdown", "websearch")] == ["NotEmulatedError"] * 5
    assert body["no_inputs"] == "TypeError: Cannot convert undefined or null to object"
