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

import json

import pytest
from worker_helpers import service_pair

SEARCH = '''
import js
from pyodide.ffi import jsnull, to_js
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
    async def msg_number(self):
        error = named("m", "CustomError")
        error.message = 5
        raise error

    async def msg_number_type(self):
        error = js.TypeError.new("m")
        error.message = 5
        raise error

    async def msg_null_with_code(self):
        error = named("m", "CustomError")
        error.message = jsnull
        error.code = 7
        raise error

    async def name_object(self):
        raise named("m", js.Object.new())

    async def name_array(self):
        raise named("m", to_js([1, 2]))

    async def name_symbol(self):
        raise named("m", js.Symbol("x"))

    async def name_null(self):
        raise named("m", jsnull)

    async def code(self):
        error = named("m", "CustomError")
        error.code = 7
        error.z = jsnull
        raise error

    async def type_code(self):
        error = js.TypeError.new("m")
        error.code = 7
        raise error

    async def code_function(self):
        error = named("m", "CustomError")
        error.code = lambda: 1
        raise error

    async def code_symbol(self):
        error = named("m", "CustomError")
        error.code = js.Symbol("s")
        raise error
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


# A callee's error whose message is no string, whose name is an object or a Symbol, or which
# carries own properties crosses as workerd sends it, on each side of ``enhanced_error_serialization``
# (2026-04-21). Measured with JS twins under ``wrangler dev -c caller -c callee`` 4.164.0 (the
# caller's ``[String(e), e.name, e.message, Object.keys(e)]``):
#
# - before the date each part is written only when it is a string, as V8's side-effect-free
# ``NoSideEffectsErrorToString`` reads it: ``e.message = 5`` on a ``CustomError`` arrives
# ``Error: CustomError``, on a ``TypeError`` ``TypeError`` with an empty message; a name that
# is an object, array or Symbol is left out (``Error: m``); own properties are dropped;
# - from the date the name stays whatever it is (``{}`` arrives ``{}``, ``String(e)``
# ``[object Object]: m``) and own properties are structured clones (``code`` after ``name``),
# unless the message is no string or a value does not clone (a function, a Symbol): then the
# legacy form above.
#
# Before review58 an object or Symbol name failed the caller with Python's ``unhashable type``,
# a number message arrived as ``CustomError: 5`` and own properties never crossed.

JS_GATEWAY = '''
from js import JSON, Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await getattr(self.env.SEARCH, request.url.rsplit("/", 1)[1])()
        except Exception as exc:
            return Response(JSON.stringify(to_js([str(exc), exc.name, exc.message, Object.keys(exc), exc.remote])))
        return Response("no error")
'''

LEGACY = {
    "msg_number": ["Error: CustomError", "Error", "CustomError", ["remote"], True],
    "msg_number_type": ["TypeError", "TypeError", "", ["remote"], True],
    "msg_null_with_code": ["Error: CustomError", "Error", "CustomError", ["remote"], True],
    "name_object": ["Error: m", "Error", "m", ["remote"], True],
    "name_array": ["Error: m", "Error", "m", ["remote"], True],
    "name_symbol": ["Error: m", "Error", "m", ["remote"], True],
    "name_null": ["Error: m", "Error", "m", ["remote"], True],
    "code": ["Error: CustomError: m", "Error", "CustomError: m", ["remote"], True],
    "type_code": ["TypeError: m", "TypeError", "m", ["remote"], True],
    "code_function": ["Error: CustomError: m", "Error", "CustomError: m", ["remote"], True],
    "code_symbol": ["Error: CustomError: m", "Error", "CustomError: m", ["remote"], True],
}
ENHANCED = {
    **LEGACY,  # a message no string, a Symbol name, a value that does not clone: the legacy form
    "name_object": ["[object Object]: m", {}, "m", ["name", "remote"], True],
    "name_array": ["1,2: m", [1, 2], "m", ["name", "remote"], True],
    "name_null": ["null: m", None, "m", ["name", "remote"], True],
    "code": ["CustomError: m", "CustomError", "m", ["name", "code", "z", "remote"], True],
    "type_code": ["TypeError: m", "TypeError", "m", ["code", "remote"], True],
}


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "expected"), [("2026-04-20", LEGACY), ("2026-04-21", ENHANCED)])
async def test_non_string_parts_and_own_properties_cross_as_workerd_sends_them(tmp_path, date, expected):
    gateway = service_pair(tmp_path, SEARCH, JS_GATEWAY, date)
    caught = {method: json.loads(await (await gateway.fetch(f"/{method}")).text()) for method in expected}
    assert caught == expected
