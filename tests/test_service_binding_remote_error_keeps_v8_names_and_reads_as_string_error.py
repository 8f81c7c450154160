"""What a callee Worker throws reaches the caller as workerd serialises an error across RPC, on
each side of ``enhanced_error_serialization`` (2026-04-21): V8's seven error classes keep their
name either way; before the date any other name is written into an ``Error``'s message as
``String(error)`` reads it -- ``CustomError: m``, the name alone when the message is empty, the
message alone when the name is -- save that a name which is no string (``5``, ``null``,
``undefined``) is left out, where ``String(error)`` would write it (review55) -- and from it the
name stays, an own property, whatever it is. Measured with JS twins of both Workers under
``wrangler dev`` 4.164.0 at 2026-04-20 and 2026-04-21 (a caller's ``env.SEARCH.<method>()``
catching what the callee's method threw); the callee here throws the same JavaScript errors from
Python. Either Worker without the flag is the legacy form."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

SEARCH = '''
import js
from pyodide.ffi import jsnull
from workers import WorkerEntrypoint


def named(message, name):
    error = js.Error.new(message)
    error.name = name
    return error


class Default(WorkerEntrypoint):
    async def custom(self):
        raise named("m", "CustomError")

    async def custom_empty(self):
        raise named("", "CustomError")

    async def empty_name(self):
        raise named("m", "")

    async def both_empty(self):
        raise named("", "")

    async def number_name(self):
        raise named("m", 5)

    async def number_name_empty(self):
        raise named("", 5)

    async def null_name(self):
        raise named("m", jsnull)

    async def undefined_name(self):
        raise named("m", None)

    async def plain_empty(self):
        raise js.Error.new("")

    async def type_empty(self):
        raise js.TypeError.new("")

    async def uri(self):
        js.decodeURIComponent("%")

    async def range(self):
        js.Array.new(-1)

    async def ref(self):
        raise js.ReferenceError.new("r")

    async def ev(self):
        raise js.EvalError.new("e")

    async def typ(self):
        raise js.TypeError.new("t")

    async def syn(self):
        raise js.SyntaxError.new("s")
'''

GATEWAY = '''
from js import Object
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await getattr(self.env.SEARCH, request.url.rsplit("/", 1)[1])()
        except Exception as exc:
            return Response.json([str(exc), exc.name, exc.message, list(Object.keys(exc)), exc.remote])
        return Response("no error")
'''

#: what the JS twins' caller caught (String(e), e.name, e.message, Object.keys(e), e.remote)
V8_NAMES = {  # (SyntaxError: the twins threw JSON.parse("{")'s; here one made with a short message)
    "uri": ["URIError: URI malformed", "URIError", "URI malformed", ["remote"], True],
    "range": ["RangeError: Invalid array length", "RangeError", "Invalid array length", ["remote"], True],
    "ref": ["ReferenceError: r", "ReferenceError", "r", ["remote"], True],
    "ev": ["EvalError: e", "EvalError", "e", ["remote"], True],
    "typ": ["TypeError: t", "TypeError", "t", ["remote"], True],
    "syn": ["SyntaxError: s", "SyntaxError", "s", ["remote"], True],
    "plain_empty": ["Error", "Error", "", ["remote"], True],
    "type_empty": ["TypeError", "TypeError", "", ["remote"], True],
}
OTHER_NAMES = {
    "2026-04-20": {
        "custom": ["Error: CustomError: m", "Error", "CustomError: m", ["remote"], True],
        "custom_empty": ["Error: CustomError", "Error", "CustomError", ["remote"], True],
        "empty_name": ["Error: m", "Error", "m", ["remote"], True],
        "both_empty": ["Error", "Error", "", ["remote"], True],
        "number_name": ["Error: m", "Error", "m", ["remote"], True],  # (String(error): "5: m")
        "number_name_empty": ["Error", "Error", "", ["remote"], True],
        "null_name": ["Error: m", "Error", "m", ["remote"], True],
        "undefined_name": ["Error: m", "Error", "m", ["remote"], True],
    },
    "2026-04-21": {
        "custom": ["CustomError: m", "CustomError", "m", ["name", "remote"], True],
        "custom_empty": ["CustomError", "CustomError", "", ["name", "remote"], True],
        "empty_name": ["m", "", "m", ["name", "remote"], True],
        "both_empty": ["", "", "", ["name", "remote"], True],
        "number_name": ["5: m", 5, "m", ["name", "remote"], True],
    },
}


async def caught(gateway, method):
    return await (await gateway.fetch(f"/{method}")).json()


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-04-20", "2026-04-21"])
async def test_each_error_crosses_as_workerd_serialises_it_on_each_side_of_the_date(tmp_path, date):
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, date)
    expected = {**V8_NAMES, **OTHER_NAMES[date]}
    assert {method: await caught(gateway, method) for method in expected} == expected


@pytest.mark.asyncio
@pytest.mark.parametrize("side", ["caller", "callee"])
async def test_either_worker_without_the_flag_is_the_legacy_form(tmp_path, side):
    flags = {f"{side}_flags": ["legacy_error_serialization"]}
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, "2026-04-21", **flags)
    assert await caught(gateway, "custom") == OTHER_NAMES["2026-04-20"]["custom"]
    assert await caught(gateway, "typ") == V8_NAMES["typ"]
