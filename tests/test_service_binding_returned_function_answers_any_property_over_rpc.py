"""A function another Worker returns over RPC answers any property name, as workerd's stub
(``JsRpcStub``) does: ``f.anything`` is an RPC property (``JsRpcProperty``), callable and
awaitable, which a Python callee refuses -- ``TypeError: The RPC receiver does not implement the
method "anything".`` (``remote``) -- but for its PyProxy's own ``prototype`` (``None`` awaited,
``"prototype" is not a function.`` called). ``name``, ``length``, ``call``, ``apply`` and ``bind``
are such properties too (a stub has no ``Function.prototype``); ``then`` is none; ``String()`` of
the stub is ``[object JsRpcStub]``. Measured with JavaScript twins under ``wrangler dev``
4.164.0 and Pyodide's PyProxy own properties in real 0.26.0a4/0.28.2/314.0.6 (review85:
runtime/rpcproperty.py). Before, each was ``AttributeError: anything`` (rpc54 noted it). Through
the external SDK's wrappers the read is the SDK's call wrapper, whose call rejects so; nested
results keep the shapes the real 1.6.4/1.6.5/1.9.5 SDKs give in real Pyodide 314.0.6 and 0.28.2
(a dict's function a raw callable proxy, a list's top-level one the wrapper's class)."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

CALLEE = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("search")

    async def nested(self):
        return [{"f": self.times_ten, "n": 1}, self.times_ten]

    def times_ten(self, x):
        return x * 10
'''

CALLER = '''
from workers import Response, WorkerEntrypoint


async def settle(pending):
    try:
        return repr(await pending)
    except Exception as error:
        return [str(error), getattr(error, "remote", None)]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        listed = await self.env.SEARCH.nested()
        raw, top = listed[0]["f"], listed[1]
        read = top.anything
        return Response.json({
            "shapes": [type(listed[0]).__name__, callable(raw), type(top).__name__, callable(top),
                       await settle(raw(2))],
            "wrapper": [callable(read), await settle(read(1)), await settle(top.name(1))],
            "raw": [repr(raw), raw.toString(), repr(raw.anything), callable(raw.anything),
                    await settle(raw.anything), await settle(raw.anything(1)), await settle(raw.anything.deeper(1)),
                    await settle(raw.name), await settle(raw.length), await settle(raw.call(None, 1)),
                    await settle(raw.prototype), await settle(raw.prototype(1)), hasattr(raw, "then")],
        })
'''


def refused(name: str) -> list:
    return [f'TypeError: The RPC receiver does not implement the method "{name}".', True]


@pytest.mark.asyncio
@pytest.mark.parametrize(("sdk", "wrapper", "calls"), [("1.6.4", "_FetcherWrapper", False),
                                                        ("1.6.5", "_RpcStubWrapper", True)])
async def test_any_property_of_a_returned_function_is_an_rpc_property(tmp_path, sdk, wrapper, calls):
    answer = await (await service_pair(tmp_path, CALLEE, CALLER, "2026-05-01", caller_sdk=sdk).fetch("/")).json()
    assert answer == {
        "shapes": ["JsDict", True, wrapper, calls, "20"],
        "wrapper": [True, refused("anything"), refused("name")],
        "raw": ["[object JsRpcStub]", "[object JsRpcStub]", "[object JsRpcProperty]", True,
                refused("anything"), refused("anything"), refused("anything"),
                refused("name"), refused("length"), refused("call"),
                "None", ['TypeError: "prototype" is not a function.', True], False],
    }
