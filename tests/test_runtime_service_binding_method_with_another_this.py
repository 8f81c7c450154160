"""``call``/``apply``/``bind`` of a service binding's method with a ``this`` other than the binding:
``fetch`` (and ``connect``) are ``Fetcher.prototype``'s jsg methods, whose V8 signature check is
``TypeError: Illegal invocation`` (workerd http.h, jsg/resource.h); any other name is the RPC
wildcard property workerd answers with a JavaScript stub that would run with that ``this``, which
workers-env does not emulate: a NotEmulatedError saying so. With the binding as ``this`` both run.
audit30: a mutant giving every Fetcher method the jsg check passed every test (the tests' foreign
``this`` was a KV binding's and Workers AI's)."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

CALLEE = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("fetched")

    async def lookup(self, key):
        return "rpc " + key
'''

CALLER = '''
from workers import Response


def outcome(call):
    try:
        call()
        return "ran"
    except Exception as error:
        return type(error).__name__ + ": " + str(error)


async def on_fetch(request, env):
    svc = env.SEARCH
    answer = await svc.fetch.call(svc, "https://search/")
    own = [await answer.text(), await svc.lookup.call(svc, "k"), await svc.lookup.bind(svc)("k")]
    foreign = [outcome(lambda: svc.fetch.call(None, "https://search/")),
               outcome(lambda: svc.lookup.call(env, "k")), outcome(lambda: svc.lookup.bind(None)("k"))]
    return Response(repr([own, foreign]))
'''


@pytest.mark.asyncio
async def test_fetch_is_jsgs_illegal_invocation_and_an_rpc_method_not_emulated(tmp_path):
    gateway = service_pair(tmp_path, CALLEE, CALLER, "2025-10-01", caller_flags=["disable_python_no_global_handlers"])
    own, foreign = eval(await (await gateway.fetch("/")).text())  # noqa: S307 - the test's own repr
    assert own == ["fetched", "rpc k", "rpc k"]
    assert foreign[0] == "JsException: TypeError: Illegal invocation"
    for said in foreign[1:]:
        assert said.startswith("NotEmulatedError: SEARCH.lookup called with a `this` other than SEARCH (its call, "
                               "apply or bind) is not emulated by workers-env")
