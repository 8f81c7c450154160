"""``type(self.env)(self.env)`` in the built-in SDK and before workers-runtime-sdk 1.5.2 is a new
``_EnvWrapper`` around ``self.env`` (no ``_idempotent_new`` there), and what it reads goes through
the SDK's ``_getattr_helper`` over what ``self.env`` hands out -- ``_is_js_instance`` asks each
value's ``constructor.name``: a var, or a binding handed out as JavaScript gives it (the built-in
SDK's D1 and KV), comes back as it is; a binding ``self.env`` wrapped in ``_BindingWrapper`` or
``_FetcherWrapper`` hands its ``constructor`` out as a wrapped method, so reading it is
``AttributeError: 'function' object has no attribute 'name'``; a Durable Object namespace's and a
Workflow's wrapper pass ``constructor`` through and are wrapped again. Measured with the real 1.5.1
and built-in SDKs in real Pyodide 314.0.6, 0.28.2 and 0.26.0a4 (tools/pyodide/sdk_env_rewrap_probe.mjs);
here ``type(self.env)(self.env)`` was ``self.env``. From 1.5.2 it is (the SDK's ``_idempotent_new``).
The namespace wrapped twice hands out the stub its inner wrapper gives (the SDK wraps that once more:
README, "Where we had to choose")."""

from __future__ import annotations

from pathlib import Path

import pytest
from sdk_wrapper_helpers import wrapper_answer

EXTRA = """
[vars]
NAME = "n"
OBJ = { a = 1 }

[[kv_namespaces]]
binding = "KV"
id = "k"
"""

WORKER = '''
from workers import Response, WorkerEntrypoint


def attempt(make):
    try:
        got = make()
        return got if isinstance(got, (str, bool)) else type(got).__name__
    except Exception as e:
        return f"{type(e).__name__}: {e}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        old = self.env
        new = type(old)(old)
        out = {"new": [new is old, attempt(lambda: new._env is old)]}
        for name in ("NAME", "OBJ", "DB", "KV", "SVC", "NS", "WF"):
            out[name] = [attempt(lambda: getattr(new, name)), attempt(lambda: getattr(new, name) is getattr(old, name))]
        for name in ("NS", "WF"):
            out[name].append(attempt(lambda: getattr(new, name)._binding is getattr(old, name)))
        out["stub"] = [attempt(lambda: new.NS.get(new.NS.idFromName("a"))), (await new.NS.getByName("b").add(1))["item"]]
        instance = await new.WF.create()
        out["instance"] = [type(instance).__name__, type(instance._binding).__name__]
        return Response.json(out)
'''


NO_NAME = "AttributeError: 'function' object has no attribute 'name'"
REWRAPPED = {"NS": ["_DurableObjectNamespaceWrapper", False, True], "WF": ["_WorkflowBindingWrapper", False, True],
             "stub": ["_FetcherWrapper", 1], "instance": ["_WorkflowInstanceWrapper", "_WorkflowInstanceWrapper"]}


@pytest.mark.parametrize(("date", "vendored", "expected"), [
    ("2026-05-01", "1.5.1", {"new": [False, True], "NAME": ["n", True], "OBJ": ["JsProxy", True], "DB": [NO_NAME] * 2,
                             "KV": [NO_NAME] * 2, "SVC": [NO_NAME] * 2, **REWRAPPED}),
    ("2025-11-02", None, {"new": [False, True], "NAME": ["n", True], "OBJ": ["JsProxy", True], "DB": ["JsProxy", True],
                          "KV": ["JsProxy", True], "SVC": [NO_NAME] * 2, **REWRAPPED}),
], ids=["sdk-1.5.1", "built-in-sdk"])
def test_a_wrapper_of_self_env_reads_through_it_as_the_sdks(tmp_path: Path, date: str, vendored: str | None,
                                                             expected: dict) -> None:
    assert wrapper_answer(tmp_path, WORKER, date, vendored, EXTRA) == expected
