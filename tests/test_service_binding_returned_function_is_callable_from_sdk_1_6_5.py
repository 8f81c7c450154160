"""A function another Worker returns over RPC, per workers-runtime-sdk release: 1.3.0 to 1.6.4's
``_BindingWrapper._convert_result`` hand it back as ``self.__class__(converted)`` -- the calling
wrapper's class (a service's ``_FetcherWrapper``), which has no ``__call__``; 1.6.5 (workers-py
#160) added the callable ``_RpcStubWrapper``. Read in the 1.3.0-1.5.4 tags and the 1.6.4/1.6.5
wheels; measured with the real 1.5.4, 1.6.4, 1.6.5 and 1.9.5 SDKs in real Pyodide 314.0.6 and
0.28.2 (tools/pyodide/sdk_rpc_result_probe.mjs)."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

CALLEE = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("search")

    async def give(self):
        return self.times_ten

    async def give_list(self):
        return [self.times_ten, 3]

    def times_ten(self, x):
        return x * 10
'''

CALLER = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        given = await self.env.SEARCH.give()
        try:
            answer = await given(4)
        except TypeError as error:
            answer = str(error)
        listed = await self.env.SEARCH.give_list()
        return Response.json([repr(type(given)), callable(given), answer,
                              [type(item).__name__ for item in listed]])
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("sdk", "module"), [("1.3.0", "workers._workers"), ("1.6.4", "workers.rpc")])
async def test_before_1_6_5_the_function_comes_back_in_the_callers_class_not_callable(tmp_path, sdk, module):
    answer = await (await service_pair(tmp_path, CALLEE, CALLER, "2026-05-01", caller_sdk=sdk).fetch("/")).json()
    assert answer == [f"<class '{module}._FetcherWrapper'>", False,
                      "'_FetcherWrapper' object is not callable", ["_FetcherWrapper", "int"]]


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.6.5", "1.9.5"])
async def test_from_1_6_5_the_function_comes_back_callable(tmp_path, sdk):
    answer = await (await service_pair(tmp_path, CALLEE, CALLER, "2026-05-01", caller_sdk=sdk).fetch("/")).json()
    assert answer == ["<class 'workers.rpc._RpcStubWrapper'>", True, 40, ["_RpcStubWrapper", "int"]]
