"""A callee's error whose message is no string, whose name is an object or a Symbol, or which
carries own properties crosses as workerd sends it, on each side of ``enhanced_error_serialization``
(2026-04-21). Measured with JS twins under ``wrangler dev -c caller -c callee`` 4.164.0 (the
caller's ``[String(e), e.name, e.message, Object.keys(e)]``):

- before the date each part is written only when it is a string, as V8's side-effect-free
  ``NoSideEffectsErrorToString`` reads it: ``e.message = 5`` on a ``CustomError`` arrives
  ``Error: CustomError``, on a ``TypeError`` ``TypeError`` with an empty message; a name that
  is an object, array or Symbol is left out (``Error: m``); own properties are dropped;
- from the date the name stays whatever it is (``{}`` arrives ``{}``, ``String(e)``
  ``[object Object]: m``) and own properties are structured clones (``code`` after ``name``),
  unless the message is no string or a value does not clone (a function, a Symbol): then the
  legacy form above.

Before review58 an object or Symbol name failed the caller with Python's ``unhashable type``,
a number message arrived as ``CustomError: 5`` and own properties never crossed."""

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
async def test_each_error_crosses_as_workerd_sends_it(tmp_path, date, expected):
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, date)
    caught = {method: json.loads(await (await gateway.fetch(f"/{method}")).text()) for method in expected}
    assert caught == expected
