"""``run(model, inputs, {"signal": signal})``: workerd's ai-api.ts hands the signal to the
``fetch`` that sends the request, so one that has aborted already rejects the call with its
reason (``AbortError: The operation was aborted``, or what the Worker aborted it with), after
ai-api.ts has built the request (its own errors first) and before the service sees anything:
no answer, so ``lastRequestId`` stays ``""``. A signal that has not aborted changes nothing."""

from __future__ import annotations

import pytest
from ai_helpers import worker_json

ENTRY = '''
from js import AbortController, Error
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for case in ("live", "aborted", "reason", "bigint"):
            controller = AbortController.new()
            if case == "aborted":
                controller.abort()
            elif case == "reason":
                controller.abort(Error.new("stop"))
            inputs = {"prompt": "hi", "n": 2**60} if case == "bigint" else {"prompt": "hi"}
            if case == "bigint":
                controller.abort()
            try:
                answer = await self.env.AI.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", inputs,
                                               {"signal": controller.signal})
                out[case] = answer.response  # (a JsProxy in the built-in SDK: attributes)
            except JsException as e:
                out[case] = [str(e), self.env.AI.lastRequestId, self.env.AI.lastRequestHttpStatusCode]
        return Response.json(out)
'''


@pytest.mark.parametrize("date", ["2026-05-01", "2025-11-01"])
def test_an_aborted_signal_rejects_with_its_reason_before_the_service_answers(tmp_path, date):
    # (2025-11-01, the built-in SDK's raw binding, reads lastRequestId afresh each time; the
    # external SDK's wrapper keeps the first reading, the "aborted" case's, for the request)
    out = worker_json(tmp_path, ENTRY, reply="answered", date=date)
    assert out["live"] == "answered"
    assert out["aborted"] == ["AbortError: The operation was aborted", "", 200]  # the status of the last answer
    assert out["reason"] == ["Error: stop", "", 200]
    assert out["bigint"][0] == "TypeError: Do not know how to serialize a BigInt"  # building the request comes first
