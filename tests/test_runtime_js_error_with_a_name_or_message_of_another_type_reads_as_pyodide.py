"""``str()``/``repr()`` of a ``JsException`` whose ``name`` or ``message`` Worker code set to a
value that is no string, and of a thrown value that is no error, as Pyodide gives them.

A JS error's ``str`` is JavaScript's ``Error.prototype.toString``: ``String()`` of a name or
message of another type (``5: m``, ``null: m``, ``Error: [object Object]``), ``undefined`` (Python
``None``) the default; a Symbol makes it throw -- V8's ``TypeError`` from Pyodide 0.28, 0.26's own
Python ``TypeError``. Its ``stack``'s first line is written the same way when first read. A thrown
value that is no error reaches Python as Pyodide's ``ensureCaughtObjectIsError`` wraps it: a
string as ``new Error(s)``, anything else an ``Error`` describing it. workers-env printed the
constructor's name and message instead (``Error: m``), ``jsnull: m``/``True: m`` in the stack, and
``Error: 42`` for a thrown number; an object whose own ``toString`` is no function read as
``[object Object]`` where both of Pyodide's attempts fail (review65). Every expected text is real Pyodide's (0.26.0a4, 0.28.2, 314.0.6
under Node 24, ``tools/pyodide/``'s runner; session 46)."""

from __future__ import annotations

import pytest
from worker_helpers import REPR_OUTCOME, sdk_worker_answer

ENTRY = REPR_OUTCOME + '''
import js
from js import JSON, Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


def jnull():
    return JSON.parse("null")


def with_set(attribute, value):
    error = js.Error.new("m")
    setattr(error, attribute, value)
    return error


def thrown(reason):
    try:
        js.AbortSignal.abort(reason).throwIfAborted()
    except Exception as error:
        return error


def own(**methods):
    made = Object.new()
    for name, method in methods.items():
        setattr(made, name, method)
    return made


VALUES = {"5": lambda: 5, "null": jnull, "None": lambda: None, "object": Object.new, "true": lambda: True,
          "1.5": lambda: 1.5, "empty": lambda: "", "array": lambda: JSON.parse("[3,1,2]"), "symbol": lambda: js.Symbol("s")}


class Default(WorkerEntrypoint):
  async def fetch(self, request):
    out = {}
    for key, make in VALUES.items():
        for attribute in ("name", "message"):
            out[f"{attribute} {key}"] = [outcome(lambda: str(with_set(attribute, make()))),
                                         outcome(lambda: with_set(attribute, make()).stack.splitlines()[0])]
    for key, make in {"str": lambda: "boom", "42": lambda: 42, "null": jnull, "object": Object.new,
                      "symbol": lambda: js.Symbol("x"), "true": lambda: True,
                      "array": lambda: JSON.parse("[3,1,2]"), "bigint": lambda: 2**53 - 1,
                      "uncallable toString": lambda: JSON.parse('{"toString": 1}'),
                      "own toString": lambda: own(toString=lambda: "own"), "own valueOf": lambda: own(valueOf=lambda: 7)}.items():
        error = thrown(make())
        out[f"thrown {key}"] = [type(error).__name__, str(error), repr(error) == str(error), error.name]
    return Response.json(out)
'''

SYMBOL_028 = "JsException: TypeError: Cannot convert a Symbol value to a string"
SYMBOL_026 = "TypeError: Pyodide cannot generate a repr for this Javascript object because it has no 'toString' method"


def _wrapped(kind: str, tag: str, interpolated: str | None, to_string: str | None) -> str:
    text = f"A value of type {kind} with tag {tag} was thrown as an error!"
    text += ("\nString interpolation of the thrown value fails." if interpolated is None
             else f'\nString interpolation of the thrown value gives """{interpolated}""".')
    return text + ("\nThe thrown value's toString method fails." if to_string is None
                   else f'\nThe thrown value\'s toString method returns """{to_string}""".')


def _expected(era: str) -> dict:
    null = "'null: m'" if era != "0.26" else "'Error: m'"  # 0.26 reads JavaScript null as None: undefined
    null_message = "'Error: null'" if era != "0.26" else "'Error'"
    symbol_str = SYMBOL_028 if era != "0.26" else SYMBOL_026
    expected = {
        "name 5": ["'5: m'", "'5: m'"], "message 5": ["'Error: 5'", "'Error: 5'"],
        "name null": [null, null], "message null": [null_message, null_message],
        "name None": ["'Error: m'", "'Error: m'"], "message None": ["'Error'", "'Error'"],
        "name object": ["'[object Object]: m'", "'[object Object]: m'"],
        "message object": ["'Error: [object Object]'", "'Error: [object Object]'"],
        "name true": ["'true: m'", "'true: m'"], "message true": ["'Error: true'", "'Error: true'"],
        "name 1.5": ["'1.5: m'", "'1.5: m'"], "message 1.5": ["'Error: 1.5'", "'Error: 1.5'"],
        "name empty": ["'m'", "'m'"], "message empty": ["'Error'", "'Error'"],
        "name array": ["'3,1,2: m'", "'3,1,2: m'"], "message array": ["'Error: 3,1,2'", "'Error: 3,1,2'"],
        "name symbol": [symbol_str, SYMBOL_028], "message symbol": [symbol_str, SYMBOL_028],
        "thrown str": ["JsException", "Error: boom", True, "Error"],
        "thrown 42": ["JsException", "Error: " + _wrapped("number", "[object Number]", "42", "42"), True, "Error"],
        "thrown object": ["JsException", "Error: " + _wrapped("object", "[object Object]", "[object Object]",
                                                               "[object Object]"), True, "Error"],
        "thrown symbol": ["JsException", "Error: " + _wrapped("symbol", "[object Symbol]", None, "Symbol(x)"), True,
                          "Error"],
        "thrown true": ["JsException", "Error: " + _wrapped("boolean", "[object Boolean]", "true", "true"), True,
                        "Error"],
    }
    for key, kind, tag, shown in (("array", "object", "[object Array]", "3,1,2"), ("bigint", "bigint", "[object BigInt]", "9007199254740991"),
                                  ("own toString", "object", "[object Object]", "own"),
                                  ("own valueOf", "object", "[object Object]", "[object Object]")):
        expected[f"thrown {key}"] = ["JsException", "Error: " + _wrapped(kind, tag, shown, shown), True, "Error"]
    # ``${value}`` finds no primitive and ``value.toString()`` is no function: both fail
    expected["thrown uncallable toString"] = ["JsException", "Error: " + _wrapped("object", "[object Object]", None, None),
                                              True, "Error"]
    if era == "0.26":  # JavaScript null is None there: abort(None) is the default reason
        expected["thrown null"] = ["JsException", "AbortError: The operation was aborted", True, "AbortError"]
    else:
        expected["thrown null"] = ["JsException", "Error: " + _wrapped("object", "[object Null]", "null", None), True,
                                   "Error"]
    return expected


@pytest.mark.parametrize(("era", "date", "sdk"), [("0.26", "2025-09-01", None), ("0.28", "2025-10-01", None),
                                                  ("314", "2026-09-08", "1.9.5")])
def test_names_messages_and_thrown_values_read_as_pyodide_gives_them(tmp_path, era, date, sdk):
    assert sdk_worker_answer(tmp_path, ENTRY, date, sdk) == _expected(era)
