"""``js.Error`` and JavaScript's other error constructors as Worker code uses them: called with
or without ``new`` (``Error("x")`` constructs in JavaScript), raisable, with ``stack`` (django-cf
re-raises D1 failures as ``raise Error(Error.new().stack)``; batch 22, real Pyodide 0.28.2).
``AggregateError(errors, message)`` keeps what ``errors`` iterates as ``errors`` (V8's, measured
under wrangler dev 4.164.0)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

ENTRY = '''
import json

from js import AggregateError, Error, JSON, RangeError, TypeError as JsTypeError
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        made = Error.new("boom")
        out["new"] = [type(made).__name__, str(made), made.message, made.name, made.stack]
        out["called"] = str(Error("called"))
        out["empty stack"] = Error.new().stack
        out["others"] = [str(JsTypeError("t")), str(RangeError.new("r")), RangeError.new("r").stack]
        out["cause"] = Error.new("outer", JSON.parse('{"cause": "inner"}')).cause
        many = AggregateError.new(JSON.parse('[1, "two"]'), "several")
        out["aggregate"] = [str(many), many.name, many.errors.to_py(), str(AggregateError(JSON.parse("[]"))),
                            AggregateError.length]
        try:
            AggregateError.new(5)
        except JsException as refused:
            out["aggregate refused"] = str(refused)
        try:
            raise Error(Error.new("db failed").stack)
        except JsException as caught:
            out["raised"] = str(caught)
        return Response(json.dumps(out))
'''


@pytest.mark.asyncio
async def test_error_constructors_construct_when_called_and_carry_a_stack(tmp_path):
    out = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY, date="2025-11-01")).fetch("/")).text())
    assert out == {
        "new": ["JsException", "Error: boom", "boom", "Error", "Error: boom"],
        "called": "Error: called",
        "empty stack": "Error",
        "others": ["TypeError: t", "RangeError: r", "RangeError: r"],
        "cause": "inner",
        "aggregate": ["AggregateError: several", "AggregateError", [1, "two"], "AggregateError", 2],
        "aggregate refused": "TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
        "raised": "Error: Error: db failed",
    }


def test_a_bindings_error_has_a_stack_too():
    error = JsException("no such table: t", name="Error")
    assert error.stack == "Error: no such table: t"
