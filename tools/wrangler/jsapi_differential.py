"""Differential check of workers-env's ``js`` module stand-in against workerd (outside the test run).

The same cases run in a small JavaScript Worker under ``wrangler dev`` (local mode: workerd, as
Miniflare runs it) and through ``from workers_env import js, to_js``: typed arrays, ``ArrayBuffer``,
``DataView``, ``TextEncoder``/``TextDecoder``, ``atob``/``btoa``, ``JSON``, ``parseInt``/
``parseFloat``/``Number``, ``URL``, ``URLSearchParams``, ``Headers``, ``Request`` and ``Response``.
Results (as JSON: numbers, strings, typed arrays as their type, offsets and element values, URLs
by their parts, bodies as text) and error texts (``"<name>: <message>"``, a DOMException's -- an
error whose ``code`` is a number -- ``"<name>: <message> (code N)"``) must be equal.

A case is ``[operation, *arguments]`` (JSON):

- ``["new", "Name", *args]``: ``new Name(...args)`` (``js.Name.new(*args)``);
- ``["call", "A.b", *args]``: the function at that global path called (``js.A.b(*args)``);
- ``["get", "A.b"]``: the global value at that path;
- ``["do", target, *steps]``: ``target`` (an argument value) then each step on it in turn, the
  result being the list of the steps' results: a step ``["path.to.method", *args]`` calls that
  method of the target, ``"path.to.prop"`` reads a property, ``["=path.to.prop", value]`` assigns one.

Argument values: ``{"$hex": ...}`` is a ``Uint8Array`` (``to_js(bytes)``), ``{"$buf": hex}`` an
``ArrayBuffer``, ``{"$null": true}`` JavaScript ``null`` (``jsnull``), ``{"$undefined": true}``
``undefined`` (``None``), ``{"$num": "NaN" | "Infinity" | "-Infinity" | "-0"}`` those numbers,
``{"$bigint": "123"}`` a BigInt, ``{"$new": ["Name", *args]}`` / ``{"$call": ["A.b", *args]}`` the
object that makes; ``{"$fn": true}`` a function that notes each call's arguments (a Python function
here, a PyProxy under Pyodide), ``{"$handler": true}`` an object whose ``handleEvent`` is one, and the
step ``"$calls"`` of a ``do`` reads the calls noted so far in the case (a path ``"$calls.0.0.x"`` reaches
into them: the first call's first argument's ``x``). A step ``["@name", path, *args]`` keeps what the
call (or, for a property, the value) gives, unawaited, under ``name`` (a path ``"@name.x"`` reaches into
it), its work begun at once as a JavaScript call's (``["@name", "$new", "Name", *args]`` keeps ``new Name(...args)``,
whose arguments may be ``{"$kept": name}``, a value kept before); ``["$settle", *names]`` waits 50 ms and gives how
each kept promise stands: ``{"fulfilled": value}``, ``{"rejected": "<name>: <message>"}`` (a value that is
not an Error as ``{"$thrown": value}``) or ``"pending"`` (an ``Event`` argument shows
as ``{"$event": type}``; a ``ReadableStream`` result as its ``locked``, read whole when unlocked); a list is a JavaScript array (``to_js(list)``), any other object a plain
JavaScript object (``to_js(d, dict_converter=js.Object.fromEntries)``). Results use the same
markers. ``["$same", a, b]`` gives whether two kept values are the same object (JavaScript's ``===``,
Python's ``is``: a property that gives the same promise each time it is read, as a reader's ``closed``).
A case written as ``{"call": [...], "expected": "why"}`` may differ on purpose; it is
reported apart.

    WORKERS_ENV_WRANGLER_DIR=/work/wt/wrangler python3 tools/wrangler/jsapi_differential.py [--all]

``--all`` prints the cases that agree too; ``--dump FILE`` writes every case's two results in
full, one JSON line each; ``--only TEXT`` runs only the cases whose label (as printed) holds ``TEXT``.
The cases of :data:`DATED_CASES` run at their own compatibility date and flags (a Worker of
their own under ``wrangler dev``), labelled ``["at", date, [flags], case]``.

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import asyncio
import inspect
import json
import math
import sys
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from casediff import own_class, report, run_under_wrangler_dev

from workers_env import JsException, js, to_js
from workers_env._jsvalues import BigInt
from workers_env.runtime.jsproxy import jsnull  # pyodide.ffi.jsnull
from workers_env.runtime.jsreadable import JsReadableStream
from workers_env.runtime.webloop import unawaited

COMPATIBILITY_DATE = "2026-09-28"


def X(hex_: str) -> dict:  # hex as a Uint8Array
    return {"$hex": hex_}


def B(hex_: str) -> dict:  # hex as an ArrayBuffer
    return {"$buf": hex_}


NULL = {"$null": True}
UNDEF = {"$undefined": True}
NAN, INF, NINF, NEG0 = ({"$num": t} for t in ("NaN", "Infinity", "-Infinity", "-0"))


def big(n: int) -> dict:
    return {"$bigint": str(n)}


def pattern_hex(n: int) -> str:  # n bytes 0, 1, ... 255, 0, 1, ... as hex
    return bytes(i % 256 for i in range(n)).hex()


def pattern_text(n: int) -> str:  # n letters a-z over and over
    return "".join(chr(97 + i % 26) for i in range(n))


def reads(name: str, count: int, method: str = "read") -> list:
    """``count`` reads of the reader (or iterator) kept as ``name``, each kept and settled in turn."""
    return [step for i in range(count) for step in ([f"@{name}{i}", f"@{name}.{method}"], ["$settle", f"{name}{i}"])]


def new(name: str, *args) -> dict:  # an argument: the object ``new name(...args)`` makes
    return {"$new": [name, *args]}


def of(name: str, *items) -> dict:  # an argument: ``name.of(...items)``
    return {"$call": [f"{name}.of", *items]}


BYTES8 = "0102030405060708"
#: the streams a writer writes to: JavaScript's TransformStream, workerd's two internal ones
STREAM_KINDS = [("TransformStream",), ("IdentityTransformStream",), ("FixedLengthStream", 4)]
#: bodies (internal streams) whose readers are checked
BODIES = [new("Response", "abc"), new("Response", X("00ff10")),
          new("Request", "https://e.com", {"method": "POST", "body": "abc"})]
UNDEFINED_REASON = ("abort() or a JavaScript stream's cancel() without a reason stores undefined, which JavaScript "
                    "rejects with as it is; workers-env gives Python code an Error whose message is 'undefined' (as "
                    "workerd's internal reader does)")
NON_ERROR_REASON = ("a JavaScript stream canceled with a reason that is not an Error rejects its writes with that "
                    "value as it is; workers-env gives Python code an Error with its text (a JsException)")
def _expected_for_js(case: list, kind: tuple, why: str):
    """``case``, marked as differing on purpose for JavaScript's TransformStream."""
    return {"call": case, "expected": why} if kind == ("TransformStream",) else case
FF8 = "ff" * 8
ZERO8 = "00" * 8

CASES: list = [
    # --- typed arrays: constructors ------------------------------------------------------
    ["new", "Uint8Array", 4], ["new", "Int8Array", -1], ["new", "Uint8Array", 1.5], ["new", "Float64Array", "3"],
    ["new", "Uint8Array", NAN], ["new", "Uint8Array", INF], ["new", "Uint8Array", "abc"], ["new", "Uint8Array", NULL],
    ["new", "Uint8Array"],
    ["new", "Uint8Array", [1, 2, 300, -1, 1.9, "7", "x"]], ["new", "Int8Array", [127, 128, -129]],
    ["new", "Uint8ClampedArray", [300, -5, 0.5, 1.5, 2.5, "7", NAN]],
    ["new", "Int16Array", B("00010203"), 1], ["new", "Int16Array", B("000102")], ["new", "Int16Array", B("00010203"), 2],
    ["new", "Uint8Array", B("00010203"), 5], ["new", "Uint8Array", B("00010203"), 4],
    ["new", "Uint8Array", B("00010203"), 1, 10], ["new", "Uint8Array", B("00010203"), 1, 2],
    ["new", "Uint8Array", B("00010203"), -1], ["new", "Uint8Array", B("00010203"), 0, -1],
    ["new", "Uint32Array", B(BYTES8), 4, 1], ["new", "Uint32Array", B(BYTES8), 4, 2], ["new", "Uint32Array", B(BYTES8), 6],
    ["new", "Float32Array", B("0000803f0000c07f")], ["new", "Float64Array", B(BYTES8), 0, 1],
    ["new", "BigInt64Array", 2], ["new", "BigInt64Array", [1, 2]], ["new", "BigInt64Array", B(FF8)],
    ["new", "Uint16Array", X("0102")], ["new", "Uint8Array", of("Uint16Array", 258, 3)],
    # --- typed arrays: of / from ----------------------------------------------------------
    ["call", "Int8Array.of", 127, 128, -129, 255, -128],
    ["call", "Uint8Array.of", 256, -1, 1.9, -1.9, NAN, "12", "abc", True, NULL, UNDEF],
    ["call", "Uint8ClampedArray.of", -1, 256, 0.5, 1.5, 2.5, 254.5, 254.6, NAN, INF, "3"],
    ["call", "Int16Array.of", 32767, 32768, -32769, 65535, 1e10],
    ["call", "Uint32Array.of", -1, 4294967296, 4294967297.5, NINF, "0x10"],
    ["call", "Float32Array.of", 1.1, 16777217, 1e40, -1e40, NAN, "2.5", NEG0, 1e-50],
    ["call", "Float64Array.of", 0.1, NEG0, "x", INF, 5e-324],
    ["call", "BigInt64Array.of", big(2**63), big(-1), big(2**64 + 5)],
    ["call", "BigInt64Array.of", 1], ["call", "BigInt64Array.of", "12", " 0x1f "], ["call", "BigInt64Array.of", "1.5"],
    ["call", "BigInt64Array.of", True], ["call", "BigInt64Array.of", NAN],
    ["call", "Uint8Array.from", [1, 2, 3]], ["call", "Uint8Array.from", "123"],
    # --- typed arrays: subarray / slice / set / fill / toString ----------------------------
    ["do", of("Uint8Array", 1, 2, 3, 4, 5), ["subarray", -2], ["subarray", 1, -1], ["subarray", -10, 2],
     ["subarray", 3, 1], ["subarray"], ["subarray", NAN, 2.7]],
    ["do", of("Int16Array", 1, 2, 3, 4), ["subarray", 1, 3], ["slice", 1, 3], ["slice", -3], ["slice", 3, 1]],
    ["do", of("Uint8Array", 1, 2, 3, 4, 5), ["slice", -3], ["slice", 1, -1], ["slice", NAN, 2], ["slice", 10]],
    ["do", new("Uint8Array", 4), ["set", [1, 2], 2], "length", ["set", [9], 0], ["toString"]],
    ["do", new("Uint8Array", 4), ["set", [1, 2], 3]], ["call", "BigInt64Array.of", "abc"], ["do", new("Uint8Array", 2), ["set", new("BigInt64Array", 1)]],
    ["call", "String.raw"], ["call", "Symbol.keyFor", 5], ["call", "BigInt", {"$call": ["Symbol", "x"]}],
    ["do", new("Uint8Array", 4), ["set", [1, 2], -1]],
    ["do", new("Uint8Array", 4), ["set", [1, 2, 3, 4, 5]]],
    ["do", new("Uint8Array", 4), ["set", of("Uint16Array", 256, 257, 65535)], ["toString"]],
    ["do", new("Uint8Array", 4), ["set", of("BigInt64Array", big(2**60))]],
    ["do", new("Uint8Array", 5), ["fill", 300, 1, -1], ["fill", "7", -1]],
    ["do", new("Float32Array", 3), ["fill", NAN], ["fill", 0.1, 2]],
    ["do", new("Uint8ClampedArray", 3), ["fill", 1.5], ["fill", -3, 1, 2]],
    ["do", of("Float32Array", 1.5, 0.1, NAN), ["toString"], ["join", "-"], ["join"], ["at", -1], ["at", 5], "length",
     "byteLength", "BYTES_PER_ELEMENT"],
    # --- ArrayBuffer ----------------------------------------------------------------------
    ["new", "ArrayBuffer", 8], ["new", "ArrayBuffer", -1], ["new", "ArrayBuffer", 1.7], ["new", "ArrayBuffer", "4"],
    ["new", "ArrayBuffer", NAN], ["new", "ArrayBuffer"],
    ["do", B("0001020304"), ["slice", 1, -1], ["slice", -2], ["slice", 3, 1], ["slice"], "byteLength"],
    ["call", "ArrayBuffer.isView", X("00")], ["call", "ArrayBuffer.isView", B("00")],
    ["call", "ArrayBuffer.isView", new("DataView", B("00"))], ["call", "ArrayBuffer.isView", [1]],
    # --- DataView ---------------------------------------------------------------------------
    ["do", new("DataView", B(BYTES8)), ["getInt8", 0], ["getUint8", 7], ["getInt16", 0], ["getInt16", 0, True],
     ["getUint16", 6, True], ["getInt32", 4], ["getUint32", 0, True], ["getFloat32", 0], ["getFloat64", 0, True],
     ["getBigInt64", 0], ["getBigUint64", 0, True], "byteLength", "byteOffset"],
    ["do", new("DataView", B(FF8)), ["getInt8", 1], ["getUint8", 1], ["getInt16", 0], ["getUint16", 0],
     ["getInt32", 0, True], ["getUint32", 4], ["getFloat32", 0], ["getBigInt64", 0], ["getBigUint64", 0]],
    ["do", new("DataView", B(BYTES8)), ["getInt16", 7]],
    ["do", new("DataView", B(BYTES8)), ["getUint8", -1]],
    ["do", new("DataView", B(BYTES8)), ["getFloat64", 1]],
    ["do", new("DataView", B(BYTES8)), ["getUint8", 8]],
    ["do", new("DataView", B(BYTES8), 2, 4), ["getUint32", 0], ["getUint8", 4]],
    ["do", new("DataView", B(ZERO8)), ["setInt16", 0, -2], ["setUint16", 2, 65535, True], ["setFloat32", 4, 1.5, True],
     "buffer"],
    ["do", new("DataView", B(ZERO8)), ["setInt8", 0, 300], ["setUint32", 4, -1], ["setUint8", 1, "7"], "buffer"],
    ["do", new("DataView", B(ZERO8)), ["setFloat64", 0, NAN], "buffer"],
    ["do", new("DataView", B(ZERO8)), ["setBigInt64", 0, big(-2), True], "buffer"],
    ["do", new("DataView", B(ZERO8)), ["setBigInt64", 0, 1]],
    ["do", new("DataView", B(ZERO8)), ["setFloat64", 1, 1]],
    ["do", new("DataView", B(ZERO8)), ["setInt8", -1, 1]],
    ["new", "DataView", B(BYTES8), 2, 4], ["new", "DataView", B(BYTES8), 8], ["new", "DataView", B(BYTES8), 9],
    ["new", "DataView", B(BYTES8), 2, 10], ["new", "DataView", B(BYTES8), -1], ["new", "DataView", X(BYTES8)],
    ["new", "DataView"], ["new", "DataView", "abc"],
    # --- TextEncoder / TextDecoder ------------------------------------------------------------
    ["do", new("TextEncoder"), ["encode", "héllo €😀"], ["encode"], ["encode", "\ud800x"], "encoding"],
    # encodeInto: {read, written}, stopping before a character that does not fit
    ["do", new("TextEncoder"), ["encodeInto", "héllo €😀", new("Uint8Array", 32)],
     ["encodeInto", "héllo €😀", new("Uint8Array", 5)], ["encodeInto", "a😀", new("Uint8Array", 4)],
     ["encodeInto", "\ud800x", new("Uint8Array", 8)], ["encodeInto", "", new("Uint8Array", 0)]],
    ["do", new("TextEncoder"), ["encodeInto", "abc", new("ArrayBuffer", 4)]],
    ["do", new("TextEncoder"), ["encodeInto", "abc"]],
    # forEach without a function: jsg's TypeError (Headers has a header, so a call would be tried)
    ["do", new("Headers", {"a": "1"}), ["forEach"]], ["do", new("Headers", {"a": "1"}), ["forEach", 5]],
    ["do", new("URLSearchParams", "a=1"), ["forEach"]],
    # a second reader of a locked stream: workerd's getReader text
    ["do", new("ReadableStream"), ["getReader"], "locked", ["getReader"]],
    ["do", new("TextDecoder"), ["decode", X("68c3a96c6c6f")], ["decode", X("efbbbf6869")], ["decode"],
     ["decode", B("6869")], "encoding", "fatal", "ignoreBOM"],
    ["do", new("TextDecoder", "utf-8", {"ignoreBOM": True}), ["decode", X("efbbbf6869")]],
    ["do", new("TextDecoder"), ["decode", "text"]], ["do", new("TextDecoder"), ["decode", 5]],
    ["do", new("TextDecoder"), ["decode", X("ff61")], ["decode", X("eda080")], ["decode", X("c080")],
     ["decode", X("f4908080")], ["decode", X("e282")], ["decode", X("f09f98")]],
    ["do", new("TextDecoder", "utf-8", {"fatal": True}), ["decode", X("ff61")]],
    ["do", new("TextDecoder", "utf-8", {"fatal": True}), ["decode", X("e282")]],
    ["do", new("TextDecoder", "utf-8", {"fatal": True}), ["decode", X("e282"), {"stream": True}], ["decode"]],
    ["do", new("TextDecoder"), ["decode", X("e282"), {"stream": True}], ["decode", X("ac"), {"stream": True}],
     ["decode", X("f09f"), {"stream": True}], ["decode", X("98"), {"stream": True}], ["decode", X("80")]],
    ["do", new("TextDecoder"), ["decode", X("efbb"), {"stream": True}], ["decode", X("bf61")]],
    ["do", new("TextDecoder"), ["decode", X("e282"), {"stream": True}], ["decode"]],
    ["do", new("TextDecoder", "utf8"), "encoding"], ["do", new("TextDecoder", " UTF-8 "), "encoding"],
    ["new", "TextDecoder", "bogus"],
    ["do", new("TextDecoder", "utf-16le"), "encoding", ["decode", X("68006900")]],
    ["do", new("TextDecoder", "latin1"), "encoding", ["decode", X("e980")]],
    # --- atob / btoa ---------------------------------------------------------------------------
    ["call", "btoa", "hello"], ["call", "btoa", "é\u00ff"], ["call", "btoa", "€"], ["call", "btoa", ""],
    ["call", "btoa", 123], ["call", "btoa", NULL], ["call", "btoa"],
    ["call", "atob", "aGVsbG8="], ["call", "atob", "aGVsbG8"], ["call", "atob", " aGVs\nbG8= "],
    ["call", "atob", "aGVsbG8=="], ["call", "atob", "a"], ["call", "atob", "@@@@"], ["call", "atob", "6f8="],
    ["call", "atob", ""], ["call", "atob", "aGVsbG8=x"], ["call", "atob", "YQ"], ["call", "atob", "YR=="],
    ["call", "atob", "-_8"], ["call", "atob", NULL],
    # --- JSON.parse ------------------------------------------------------------------------------
    ["call", "JSON.parse", '{"a":1,}'], ["call", "JSON.parse", "{'a':1}"], ["call", "JSON.parse", "NaN"],
    ["call", "JSON.parse", ""], ["call", "JSON.parse", '"abc'], ["call", "JSON.parse", '{"a":1} x'],
    ["call", "JSON.parse", "[1,2"], ["call", "JSON.parse", "tru"], ["call", "JSON.parse", '{"a" 1}'],
    ["call", "JSON.parse", "01"], ["call", "JSON.parse", '"\\x"'], ["call", "JSON.parse", "1e"],
    ["call", "JSON.parse", "[1,]"], ["call", "JSON.parse", "{a:1}"], ["call", "JSON.parse", '"a\tb"'],
    ["call", "JSON.parse", " [1, -0, 1E400, 12345678901234567890, 0.1] "],
    ["call", "JSON.parse", '{"b":1,"a":{"c":[true,null]},"b":2}'], ["call", "JSON.parse", '"\\ud800\\u00e9"'],
    ["call", "JSON.parse", NULL], ["call", "JSON.parse"],
    # V8's other JSON.parse messages (the cases of tests/test_js_json_parse_errors.py)
    ["call", "JSON.parse", "undefined"],
    ["call", "JSON.parse", "Infinity"],
    ["call", "JSON.parse", "[object Object]"],
    ["call", "JSON.parse", "-Infinity"],
    ["call", "JSON.parse", "-"],
    ["call", "JSON.parse", "-01"],
    ["call", "JSON.parse", "1."],
    ["call", "JSON.parse", "[1.x]"],
    ["call", "JSON.parse", "1e+"],
    ["call", "JSON.parse", "[1 2]"],
    ["call", "JSON.parse", "\"\\u12G4\""],
    ["call", "JSON.parse", "\"\\u12"],
    ["call", "JSON.parse", "\"\\"],
    ["call", "JSON.parse", "\"\\\u00e9\""],
    ["call", "JSON.parse", "\"\\\u03c0\""],
    ["call", "JSON.parse", "\"\u0000\""],
    ["call", "JSON.parse", "{\"a\\x\":1}"],
    ["call", "JSON.parse", "{"],
    ["call", "JSON.parse", "{\"a\":1"],
    ["call", "JSON.parse", "{\"a\":1 \"b\":2}"],
    ["call", "JSON.parse", "{\"a\":1,\"b\" 2}"],
    ["call", "JSON.parse", "[\"a\" \"b\"]"],
    ["call", "JSON.parse", "["],
    ["call", "JSON.parse", " \t\r\n"],
    ["call", "JSON.parse", "{\"a\":}"],
    ["call", "JSON.parse", "\"a\" \"b\""],
    ["call", "JSON.parse", "[1,2] ]"],
    ["call", "JSON.parse", "hello"],
    ["call", "JSON.parse", "trux"],
    ["call", "JSON.parse", "nul1"],
    ["call", "JSON.parse", "tr\""],
    ["call", "JSON.parse", "[1,1,1,1,1,1,1,1,1,x"],
    ["call", "JSON.parse", "[1,1,1,1,1,1,1,1,1,x]"],
    ["call", "JSON.parse", "x                    "],
    ["call", "JSON.parse", "          x          "],
    ["call", "JSON.parse", "{\"key\": \"value\", \"other\": tru, \"more\": 1}"],
    ["call", "JSON.parse", "[[[{\"a\":[1,2,{\"b\":[}]}]]]"],
    ["call", "JSON.parse", "[\"\ud83d\ude00\" 1]"],
    ["call", "JSON.parse", "[\ud83d\ude00]"],
    ["call", "JSON.parse", "\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00"],
    ["call", "JSON.parse", "[1,1,1,1,1,1,1,1,1,1, \ud83d\ude00]"],
    ["call", "JSON.parse", "[\"aaa\", y, \"x\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\"]"],
    ["call", "JSON.parse", "{\n  \"a\": 1,\n  \"b\": 2,\n}"],
    ["call", "JSON.parse", "[1,\r\n2\r\n3]"],
    ["call", "JSON.parse", "[1,\r2\r3]"],
    ["call", "JSON.parse", "[\"\ud83d\ude00\",\n \"\ud83d\ude00\" x]"],
    ["call", "JSON.parse", "[" * 5000 + "]" * 4999],
    # --- JSON.stringify ---------------------------------------------------------------------------
    ["call", "JSON.stringify", {"b": 1, "a": [1, "x", NULL, True], "c": {"d": {}}}],
    ["call", "JSON.stringify", {"a": [1, {"b": 2}], "e": []}, NULL, 2],
    ["call", "JSON.stringify", {"a": [1]}, NULL, "--"], ["call", "JSON.stringify", {"a": 1}, NULL, 20],
    ["call", "JSON.stringify", {"a": 1}, NULL, "abcdefghijklm"],
    ["call", "JSON.stringify", {"a": 1, "b": {"a": 2, "c": 3}, "c": 4}, ["a", "b"]],
    ["call", "JSON.stringify", [NAN, INF, NEG0, 1e21, 1e-7, 0.1, UNDEF]],
    ["call", "JSON.stringify", {"u": UNDEF, "n": NULL}], ["call", "JSON.stringify", UNDEF],
    ["call", "JSON.stringify", "\u2028\ud800\u0007\"\\/é"], ["call", "JSON.stringify", big(2**60)],
    ["call", "JSON.stringify", of("Uint8Array", 1, 2)], ["call", "JSON.stringify", new("URL", "https://e.com/a b")],
    ["call", "JSON.stringify", new("Headers", {"a": "1"})],
    # --- parseInt / parseFloat / Number --------------------------------------------------------------
    *[["call", "parseInt", s] for s in ("  42px", "0x1F", "0x", "-0", "1e3", "", "abc", "  -0x10", "+12", "٣",
                                        "123456789012345678901234567890")],
    ["call", "parseInt", "1012", 2], ["call", "parseInt", "ff", 16], ["call", "parseInt", "z", 36],
    ["call", "parseInt", "10", 1], ["call", "parseInt", "10", 37], ["call", "parseInt", "10", 0],
    ["call", "parseInt", "0x10", 16], ["call", "parseInt", "0x10", 8], ["call", "parseInt", 1e21],
    ["call", "parseInt", 0.0000005], ["call", "parseInt", NULL], ["call", "parseInt", "12", "16"],
    *[["call", "parseFloat", s] for s in ("3.14abc", ".5", "-.5e-3x", "Infinityx", "-Infinity", "1e", "0x10", "",
                                          "  \n 7", "1_000", "+-1", "1e400", "-0")],
    *[["call", "Number", s] for s in ("", " 12 ", "0x10", "0b101", "0o17", "1e3", "1_000", "Infinity", "-0",
                                      "12px", "  \t\n", "+0x10", "1.", ".1", "-0x10", "1e-400")],
    ["call", "Number", NULL], ["call", "Number", True], ["call", "Number", []], ["call", "Number", [5]],
    ["call", "Number", UNDEF], ["call", "Number", big(10)], ["call", "Number"],
    ["call", "Number.isInteger", 5.0], ["call", "Number.isInteger", 5.5], ["call", "Number.isInteger", "5"],
    ["call", "Number.isInteger", NAN], ["call", "Number.isInteger", 1e300],
    ["call", "Number.isSafeInteger", 2.0**53], ["call", "Number.isSafeInteger", 2.0**53 - 1],
    ["call", "Number.isNaN", "abc"], ["call", "isNaN", "abc"], ["call", "isNaN", "12"],
    ["call", "isFinite", "12"], ["call", "Number.isFinite", "12"], ["call", "Number.parseFloat", "1.5e1x"],
    ["get", "Number.MAX_SAFE_INTEGER"], ["get", "Number.EPSILON"], ["get", "Number.MIN_VALUE"],
    ["do", new("Number", "12"), ["toString"], ["valueOf"]],
    # --- URL -------------------------------------------------------------------------------------------
    ["new", "URL", "/a/../b?x=1#f", "https://example.com/c/d"], ["new", "URL", "b", "https://example.com/c/d"],
    ["new", "URL", "//other.org/p", "https://example.com"], ["new", "URL", "?q", "https://example.com/c/d#h"],
    ["new", "URL", "#h2", "https://example.com/c/d?q#h"], ["new", "URL", "../../../x", "https://example.com/a/b/c"],
    ["new", "URL", "not a url"], ["new", "URL", "/x"], ["new", "URL", "/x", "not-a-base"], ["new", "URL", ""],
    ["new", "URL", "http://EXAMPLE.com:80/%7Efoo/./bar/../baz%2f?q=a b#h h"],
    ["new", "URL", "https://example.com:443/"], ["new", "URL", "https://example.com:8443"],
    ["new", "URL", "https://example.com:65536/"], ["new", "URL", "https://example.com:12ab/"],
    ["new", "URL", "http://bücher.de/"], ["new", "URL", "http://xn--bcher-kva.DE./p"], ["new", "URL", "https://ÉXAMPLE.com"],
    ["new", "URL", "HTTP://user:pa ss@Host.COM/ä?ä=ö#ä"], ["new", "URL", "file:///C:/x/../y"],
    ["new", "URL", "mailto:Someone@Example.com"], ["new", "URL", "http://[::1]:8080/"], ["new", "URL", "http://[::1/"],
    ["new", "URL", "http://0x7f.1/"], ["new", "URL", "http://a b/"], ["new", "URL", "https://example.com/path with spaces/ü"],
    ["new", "URL", "https://example.com?a=1&b=2"], ["new", "URL", "http://example.com/a\\b/./c/%2e%2E/d"],
    ["new", "URL", "  https://example.com/\t\n  "], ["new", "URL", "https://exa%41mple.com/"],
    ["new", "URL", "https://example.com/?q=%zz&r=%41"], ["new", "URL", "ws://example.com:80/"],
    ["new", "URL", "https:example.com/x"], ["new", "URL", "https://user@example.com"],
    ["do", new("URL", "https://e.com/p?a=1&b=2"), ["searchParams.append", "c", "x y"], ["searchParams.set", "a", "&="],
     ["searchParams.delete", "b"], "href", "search"],
    ["do", new("URL", "https://e.com/p?a=1"), ["searchParams.delete", "a"], "href", "search"],
    ["do", new("URL", "https://e.com/p?b=2&a=1"), ["searchParams.sort"], "href"],
    ["do", new("URL", "https://e.com/p"), ["=pathname", "/new path/ü"], ["=search", "?q=1 2"], "href", "searchParams"],
    ["do", new("URL", "https://e.com/p"), ["=search", ""], ["=hash", "x y"], "href"],
    ["do", new("URL", "https://e.com/p"), ["=pathname", "no-slash"], "href"],
    ["do", new("URL", "https://e.com/p#frag"), ["toString"], ["toJSON"]],
    ["new", "URL", "http://h/[id]|^?a=[1]&b='x'"], ["new", "URL", "http://h/{x}`#`y`"],
    ["new", "URL", "blob:https://a.com/x"], ["new", "URL", "data:text/plain,hi there"],
    ["new", "URL", "https://e.com/\ud800"], ["new", "URL", "https://e.com", NULL], ["new", "URL", "https://e.com", UNDEF],
    ["call", "URL.parse", "/x"], ["call", "URL.parse", "/x", "https://e.com/a/b"],
    ["do", new("URL", "https://e.com:8080/p?a=1#h"), ["=port", "99999"], ["=port", "12ab"], "href", ["=port", ""], "href",
     ["=host", "a b"], ["=host", "other.org:81"], "href", ["=hostname", "[::1]"], "href", ["=protocol", "ftp"], "href",
     ["=protocol", "bogus:"], ["=protocol", "mailto"], "href", ["=username", "u s"], ["=password", "p@"], "href"],
    ["do", new("URL", "https://e.com/p?a=1"), ["=href", "https://other.org/?b=2"], "searchParams", ["=href", "nope"]],
    ["do", new("URL", "https://e.com/p?a=1"), "searchParams", ["=search", "x=1&y=2"], "searchParams", ["=hash", ""],
     "href", ["searchParams.delete", "x"], ["searchParams.delete", "y"], "href"],
    ["do", new("URLSearchParams", "a=1&a=2&b=3"), ["has", "a", UNDEF], ["delete", "a", UNDEF], ["toString"]],
    ["call", "URL.canParse", "x"], ["call", "URL.canParse", "/x", "https://a.com"], ["call", "URL.canParse", "https://a"],
    # --- iterators of Headers, URLSearchParams, FormData: workerd's items; Headers' from a copy made at once,
    # the others live (a URLSearchParams' keys()/values() are Pyodide's Python views of a JsMutableMap: entries())
    ["do", new("Headers", [["B", "1"], ["Set-Cookie", "x=1"], ["set-cookie", "y=2"], ["a", "p"], ["A", "q"]]),
     ["@it", "entries"], ["append", "c", "3"], ["@n1", "@it.next"], "@n1.value", "@n1.done", ["@n2", "@it.next"],
     "@n2.value", ["@n3", "@it.next"], "@n3.value", ["@n4", "@it.next"], "@n4.value", ["@n5", "@it.next"], "@n5.done",
     "@n5.value"],
    ["do", new("Headers", [["b", "1"], ["a", "2"]]), ["@k", "keys"], ["@v", "values"], ["delete", "a"],
     ["@k1", "@k.next"], "@k1.value", ["@v1", "@v.next"], "@v1.value"],
    ["do", new("URLSearchParams", "a=1&b=2"), ["@it", "entries"], ["@n1", "@it.next"], "@n1.value", ["append", "c", "3"],
     ["@n2", "@it.next"], "@n2.value", ["@n3", "@it.next"], "@n3.value", ["@n4", "@it.next"], "@n4.done"],
    ["do", new("FormData"), ["append", "a", "1"], ["@it", "values"], ["append", "b", "2"], ["@n1", "@it.next"],
     "@n1.value", ["@n2", "@it.next"], "@n2.value", ["@n3", "@it.next"], "@n3.done"],
    # --- URLSearchParams ------------------------------------------------------------------------------
    ["new", "URLSearchParams", "?a=1&b=2&a=3"], ["new", "URLSearchParams", "a=b+c&d=%20e%zz&f&=g&&h=1=2"],
    ["new", "URLSearchParams", [["a", "1"], ["b", "2"]]], ["new", "URLSearchParams", [["a"]]],
    ["new", "URLSearchParams", [["a", "1", "2"]]], ["new", "URLSearchParams", {"x": "1", "y": "ü", "z": 3}],
    ["new", "URLSearchParams", ""], ["new", "URLSearchParams"],
    {"call": ["new", "URLSearchParams", "%F0%9F%98%80=%FF"],
     "expected": "workerd keeps the raw bytes of an invalid UTF-8 escape and writes them back (%FF); "
                 "workers-env keeps strings and writes U+FFFD (%EF%BF%BD)"},
    ["new", "URLSearchParams", new("URLSearchParams", "a=1")],
    ["do", new("URLSearchParams", "b=2&a=1&c=3&a=0"), ["append", "sp ace", "a+b&c=d/é~*'()!-._"], ["sort"], ["toString"],
     ["set", "a", "9"], ["delete", "c"], ["toString"], ["get", "zz"], ["getAll", "a"], ["has", "b"], "size"],
    ["do", new("URLSearchParams", "a=1&b=2&a=3"), ["set", "a", "x"], ["toString"], ["delete", "a"], ["toString"]],
    ["do", new("URLSearchParams", "a=1&a=2&b=3"), ["delete", "a", "2"], ["has", "a", "1"], ["has", "a", "2"], ["toString"]],
    ["do", new("URLSearchParams", "z=1&é=2&a=3&Z=4&a=0"), ["sort"], ["toString"]],
    ["do", new("URLSearchParams"), ["append", "k", 1.5], ["append", "n", NULL], ["append", "u", UNDEF], ["toString"]],
    # JavaScript null (Pyodide's jsnull) where a Web API reads a string: String(null), "null", except
    # where the member's type takes null (a body, an init) or is an enum or a number
    ["new", "URLSearchParams", NULL], ["new", "URLSearchParams", {"a": NULL}], ["new", "URLSearchParams", [["a", NULL]]],
    ["do", new("URLSearchParams", "a=1&null=2"), ["set", "a", NULL], ["get", NULL], ["has", NULL], ["getAll", NULL],
     ["delete", NULL], ["toString"]],
    ["new", "Headers", {"a": NULL}], ["new", "Headers", [["a", NULL]]], ["new", "Headers", NULL],
    ["do", new("Headers"), ["set", "a", NULL], ["append", "b", NULL], ["get", "a"], ["get", "b"], ["append", NULL, "x"],
     ["get", NULL], ["has", NULL], ["delete", NULL], ["has", "null"]],
    ["new", "Request", "https://e.com/", {"method": NULL}], ["new", "Request", "https://e.com/", {"headers": NULL}],
    ["new", "Request", "https://e.com/", {"method": "POST", "body": NULL}],
    ["new", "Request", "https://e.com/", {"redirect": NULL}], ["new", "Request", "https://e.com/", {"signal": NULL}],
    ["new", "Request", "https://e.com/", {"cf": NULL}], ["new", "Request", "https://e.com/", {"mode": NULL}],
    ["new", "Request", "https://e.com/", {"credentials": NULL}], ["new", "Request", "https://e.com/", {"referrer": NULL}],
    ["new", "Request", "https://e.com/", {"integrity": NULL}], ["new", "Request", "https://e.com/", NULL],
    ["new", "Request", NULL],
    ["new", "Response", "x", {"statusText": NULL}], ["new", "Response", "x", {"status": NULL}],
    ["new", "Response", "x", {"headers": NULL}], ["new", "Response", "x", NULL], ["new", "Response", "x", {"cf": NULL}],
    ["new", "Response", "x", {"webSocket": NULL}], ["new", "Response", "x", {"encodeBody": NULL}],
    ["call", "Response.redirect", NULL], ["call", "Response.json", "x", {"statusText": NULL}],
    ["call", "Response.json", "x", NULL], ["call", "Response.json", "x", {"headers": NULL}],
    *[["new", kind, *first, {member: value}] for kind, first in (("Request", ["https://e.com/"]), ("Response", ["x"]))
      for member in ("headers", "cf") for value in (5, "x", True)],
    ["do", new("Response", "x", {"cf": {"a": [1, {"$new": ["Date", 5]}]}}), "cf"],
    ["do", new("Request", "https://e.com/", {"cf": {"a": [1, {"$new": ["Date", 5]}]}}), "cf"],
    # null as a dictionary and as a number (review48): Blob/File options the defaults, a File's lastModified
    # Number() of it (NaN 0), TextDecoder's options refused in jsg's words, a function as cf V8's SyntaxError
    ["do", new("Blob", ["a"], NULL), "type"], ["do", new("File", ["a"], "f", NULL), "type", "name"],
    *[["do", new("File", ["a"], "f", {"lastModified": value}), "lastModified"]
      for value in (NULL, "abc", "5", 1.7, -1.7, True, NAN, INF, {})],
    ["new", "TextDecoder", "utf-8", NULL], ["new", "TextDecoder", "bogus", NULL], ["new", "TextDecoder", "utf-8", "x"],
    ["do", new("TextDecoder", "utf-8", {"fatal": NULL}), "fatal"],
    ["do", new("TextDecoder"), ["decode", X("61"), NULL]], ["do", new("TextDecoder"), ["decode", X("61"), "x"]],
    ["new", "Request", "https://e.com/", {"cf": {"$fn": True}}], ["new", "Response", "x", {"cf": {"$fn": True}}],
    ["do", new("TextEncoder"), ["encode", NULL], ["encode", UNDEF], ["encode"]],
    ["do", new("TextEncoder"), ["encodeInto", NULL, new("Uint8Array", 8)]],
    ["do", new("TextDecoder"), ["decode", NULL]], ["new", "TextDecoder", NULL], ["new", "URL", NULL],
    ["new", "Blob", [NULL]], ["do", new("Blob", ["a"], {"type": NULL}), "type"],
    ["do", new("FormData"), ["append", "a", NULL], ["get", "a"], ["append", NULL, "b"], ["get", "null"]],
    ["call", "encodeURIComponent", NULL], ["call", "decodeURIComponent", NULL],
    # --- Headers --------------------------------------------------------------------------------------
    ["new", "Headers", {"Content-Type": "text/plain", "X-B": "1", "x-a": " padded\t "}],
    ["new", "Headers", [["b", "1"], ["A", "2"], ["b", "3"]]], ["new", "Headers", [["a", "1"], ["b"]]],
    ["new", "Headers", {"bad name": "x"}], ["new", "Headers", {"x": "a\nb"}], ["new", "Headers", {"x": "a\rb"}],
    ["new", "Headers", {"": "x"}], ["new", "Headers", {"x": "é"}], ["new", "Headers", {"x": "€"}],
    ["new", "Headers", {"x": "a\u0000b"}], ["new", "Headers", {"é": "x"}], ["new", "Headers", "x"],
    ["new", "Headers", new("Headers", {"a": "1"})],
    ["do", new("Headers"), ["append", "X-A", "1"], ["append", "x-a", "2"], ["get", "X-A"], ["has", "X-a"],
     ["get", "missing"], ["delete", "x-A"], ["has", "x-a"]],
    ["do", new("Headers"), ["append", "Set-Cookie", "a=1"], ["append", "set-cookie", "b=2; Path=/"], ["get", "set-cookie"],
     ["getSetCookie"], ["append", "a", "x"], ["append", "z", "y"], ["set", "a", "w"]],
    ["do", new("Headers"), ["append", "bad name", "x"]], ["do", new("Headers"), ["set", "x", "a\nb"]],
    ["do", new("Headers"), ["get", "bad name"]], ["do", new("Headers"), ["has", "(x)"]],
    ["do", new("Headers"), ["delete", "bad name"]], ["do", new("Headers"), ["set", "x", 12], ["get", "x"]],
    ["do", new("Headers", {"b": "2", "a": "1", "C": "3"}), ["keys"], ["values"], ["entries"]],
    # inner items that are not sequences; fewer arguments than the method's parameters
    ["new", "Headers", [5]], ["new", "URLSearchParams", [5]], ["new", "URLSearchParams", ["ab"]],
    # an init that is no iterable: a record of its own enumerable properties, none for these
    ["do", new("Headers", new("URL", "http://a.test/")), ["entries"]],
    ["do", new("Headers", new("Response", "x", {"headers": {"a": "1"}})), ["entries"]],
    ["do", new("Headers", new("Date", 0)), ["entries"]], ["do", new("Headers", {"$fn": True}), ["entries"]],
    ["do", new("Headers"), ["set", "a"], ["get", "a"]], ["do", new("Headers"), ["append"]],
    ["do", new("Headers"), ["get"]], ["do", new("Headers"), ["has"]], ["do", new("Headers"), ["delete"]],
    ["do", new("URLSearchParams", "a=1"), ["has"]], ["do", new("URLSearchParams", "a=1"), ["getAll"]],
    ["do", new("URLSearchParams", "a=1"), ["append", "b"], ["toString"]], ["new", "URL"], ["call", "URL.canParse"],
    ["do", new("TextEncoder", "utf-16"), "encoding"], ["call", "crypto.getRandomValues"],
    # crypto.getRandomValues' refusals: DOMExceptions (TypeMismatchError 17, QuotaExceededError 22)
    *[["call", "crypto.getRandomValues", value] for value in (
        new("Uint8Array", 0), new("BigInt64Array", 0), new("Float32Array", 1), new("Float64Array", 0),
        new("DataView", B("00")), new("Uint8Array", 65537), new("Uint32Array", 16385), "x", B("00"), NULL, [1],
        new("Float32Array", 20000))],
    # --- Response --------------------------------------------------------------------------------------
    ["new", "Response", "hi"], ["new", "Response"], ["new", "Response", NULL, {"status": 204}],
    ["new", "Response", "x", {"status": 199}], ["new", "Response", "x", {"status": 600}],
    ["new", "Response", "x", {"status": 204}], ["new", "Response", "", {"status": 304}],
    ["new", "Response", NULL, {"status": 101}], ["new", "Response", "x", {"status": "201"}],
    ["new", "Response", "x", {"status": 200.5}], ["new", "Response", "x", {"status": 418, "statusText": "Teapot!"}],
    ["new", "Response", "x", {"statusText": "bad\ntext"}], ["new", "Response", "x", {"status": 599}],
    ["new", "Response", "x", {"headers": [["A", "b"]], "status": 201}], ["new", "Response", "x", {"headers": [["a"]]}],
    ["new", "Response", X("6869")], ["new", "Response", B("6869")], ["new", "Response", new("URLSearchParams", "a=1 2")],
    ["new", "Response", "x", {"headers": {"content-type": "text/html"}}], ["new", "Response", 12],
    ["call", "Response.redirect", "https://e.com/a b", 301], ["call", "Response.redirect", "https://e.com"],
    ["call", "Response.redirect", "https://e.com", 200], ["call", "Response.redirect", "/rel"],
    ["call", "Response.redirect", "HTTPS://E.COM:443/./x/../y"],
    ["do", {"$call": ["Response.redirect", "https://e.com/", 303]}, ["headers.set", "x", "1"], ["headers.delete", "location"],
     ["headers.append", "x", "1"], ["clone"], "headers.size"],
    ["do", {"$call": ["Response.error"]}, ["headers.set", "x", "1"], ["headers.get", "x"]],
    ["call", "Response.json", {"a": 1, "b": [NULL, "é"]}],
    ["call", "Response.json", {"a": 1}, {"status": 201, "headers": {"x": "1"}}],
    ["call", "Response.json", "s", {"headers": {"Content-Type": "text/plain"}}], ["call", "Response.json", UNDEF],
    ["call", "Response.json", big(1)], ["call", "Response.json", {"a": 1}, {"status": 204}],
    ["call", "Response.error"],
    # --- Request ----------------------------------------------------------------------------------------
    ["new", "Request", "https://e.com/a/../b?x#y"], ["new", "Request", "HTTPS://E.COM:443"],
    ["new", "Request", "https://e.com", {"method": "post", "body": "x"}], ["new", "Request", "https://e.com", {"method": "patch"}],
    ["new", "Request", "https://e.com", {"method": "Get"}], ["new", "Request", "https://e.com", {"method": "delete"}],
    ["new", "Request", "https://e.com", {"method": "CONNECT"}], ["new", "Request", "https://e.com", {"method": "bad method"}],
    ["new", "Request", "https://e.com", {"method": "TRACE"}],
    ["new", "Request", "https://e.com", {"body": "x"}], ["new", "Request", "https://e.com", {"method": "HEAD", "body": "x"}],
    ["new", "Request", "https://e.com", {"method": "POST", "body": "x", "headers": {"X-A": "1"}}],
    ["new", "Request", "https://e.com", {"method": "PUT", "body": new("URLSearchParams", "a=1")}],
    ["new", "Request", "/relative"], ["new", "Request", "not a url"], ["new", "Request", "https://e.com", {"redirect": "manual"}],
    ["new", "Request", "https://e.com", {"redirect": "bogus"}], ["new", "Request", "https://e.com/ü?q=ü"],
    ["new", "Request", new("Request", "https://e.com/x", {"method": "POST", "body": "b"})],
    ["new", "Request", new("URL", "https://e.com/from-url")],
    # --- bodies: reading once, clones, the body kinds --------------------------------------------------
    ["do", new("Response", "héllo"), ["text"], "bodyUsed", ["text"]],
    ["do", new("Response", '{"a": [1, 2.5, null]}'), ["json"], "bodyUsed"],
    ["do", new("Response", "{bad"), ["json"]], ["do", new("Response", ""), ["json"]],
    ["do", new("Response", "hi"), ["arrayBuffer"], ["clone"]],
    ["do", new("Response", "hi"), ["clone"], ["text"], ["clone"]],
    ["do", new("Response"), ["text"], "bodyUsed", ["text"], ["arrayBuffer"]],
    ["do", new("Response", new("URLSearchParams", "a=1&b=x y")), ["formData"]],
    ["do", new("Response", "a=1", {"headers": {"content-type": "text/plain"}}), ["formData"]],
    ["new", "Response", "x", 5], ["new", "Response", "x", "init"], ["new", "Request", "https://e.com", 5],
    ["call", "Response.json", 1, 5], ["call", "fetch", "https://e.com", 5],
    ["do", new("Response", '--XyZ\r\nContent-Disposition: form-data; name="a"',
               {"headers": {"content-type": "multipart/form-data; boundary=XyZ"}}), ["formData"]],
    ["do", new("Response", X("00ff")), ["blob"]], ["do", new("Response", "x", {"headers": {"content-type": "Text/HTML"}}), ["blob"]],
    ["do", new("Request", "https://e.com", {"method": "POST", "body": '{"q": 1}'}), ["json"], "bodyUsed", ["clone"]],
    ["do", new("Request", "https://e.com", {"method": "POST", "body": "x"}), ["clone"], ["text"]],
    ["do", new("Request", "https://e.com"), ["text"], "bodyUsed"],
    # a body read's promise kept unawaited: the body is used from the call (bodyUsed at once, a second read rejected)
    ["do", new("Response", "x"), ["@t", "text"], "bodyUsed", ["@t2", "text"], ["$settle", "t", "t2"], "bodyUsed"],
    ["do", new("Response", "x"), ["@j", "json"], "bodyUsed", ["$settle", "j"]],
    ["do", new("Request", "https://e.com", {"method": "POST", "body": "x"}), ["@a", "arrayBuffer"], "bodyUsed",
     ["@f", "formData"], ["$settle", "a", "f"]],
    ["do", new("Response", "x"), ["@b", "blob"], "bodyUsed", "body.locked",
     ["@b2", "$new", "Response", "x", {"headers": {"content-type": "text/plain"}}], ["@bb", "@b2.blob"], ["$settle", "bb"]],
    ["do", new("Response", "x"), ["blob"]],  # Body::blob: MimeType::extract, so 'text/plain;charset=UTF-8'
    ["do", new("Response", "x", {"headers": {"content-type": "Text/Plain; Charset=ISO-8859-1, text/plain"}}), ["blob"]],
    ["do", new("Blob", ["x"]), ["@t", "text"], ["@a", "arrayBuffer"], ["$settle", "t", "a"]],
    ["do", {"$get": "crypto.subtle"}, ["@d", "digest", "SHA-256", X("00")], ["@e", "digest", "SHA-0", X("00")],
     ["$settle", "d", "e"]],
    ["do", {"$get": "caches.default"}, ["@m", "match", "https://c.test/kept"], ["@d", "delete", "https://c.test/kept"],
     ["$settle", "m", "d"]],
    ["new", "Blob", ["a", "bc", X("64")], {"type": "Text/Plain"}], ["new", "Blob"], ["new", "Blob", ["x"], {"type": "a\u00e9"}],
    ["new", "Blob", "abc"], ["new", "Blob", [new("Blob", ["in"]), B("2121")]],
    ["do", new("Blob", ["hello world"]), ["slice", 6], ["slice", -5, -1], ["slice", 2, 1], "size"],
    ["do", new("Blob", ["héllo"]), ["arrayBuffer"], ["text"]],
    ["new", "File", ["data"], "a.txt", {"type": "text/plain"}], ["new", "File", ["data"]],
    ["do", new("FormData"), ["append", "a", "1"], ["append", "a", "2"], ["append", "f", new("Blob", ["x"]), "f.bin"],
     ["get", "a"], ["getAll", "a"], ["has", "f"], ["get", "f"], ["set", "a", "9"], ["delete", "zz"], ["entries"]],
    ["do", new("FormData"), ["get", "missing"], ["append", "n", 12], ["append", "b", new("Blob", ["y"], {"type": "text/csv"})],
     ["get", "n"], ["get", "b"]],
    ["do", new("FormData"), ["append", "a"]],
    # --- Date (fixed moments; Workers run in UTC) --------------------------------------------------------
    *[["do", new("Date", v), ["getTime"], ["toISOString"]] for v in (
        0, 1767323045678, 1767323045678.9, -1, 8.64e15, "2026-01-02T03:04:05.678Z", "2026-01-02", "2026-01-02T03:04",
        "2026-01-02T03:04:05+02:00", "2026-01-02 03:04:05", "Tue, 01 Dec 2026 10:00:00 GMT", "Jan 2 2026",
        "2026", "2026-13-01", "nonsense", "")],
    ["do", new("Date", 8.64e15 + 1), ["getTime"]], ["do", new("Date", "nonsense"), ["toISOString"]],
    ["do", new("Date", 1767323045678), ["toUTCString"], ["getUTCFullYear"], ["getUTCMonth"], ["getUTCDate"],
     ["getUTCDay"], ["getUTCHours"], ["getUTCMinutes"], ["getUTCSeconds"], ["getUTCMilliseconds"], ["getFullYear"],
     ["getMonth"], ["getDate"], ["getDay"], ["getHours"], ["getTimezoneOffset"], ["valueOf"], ["toJSON"]],
    ["call", "Date.parse", "2026-01-02T03:04:05Z"], ["call", "Date.parse", "Tue, 01 Dec 2026 10:00:00 GMT"],
    ["call", "Date.parse", "x"], ["call", "Date.UTC", 2026, 0, 2], ["call", "Date.UTC", 2026, 11, 31, 23, 59, 59, 999],
    ["do", new("Date", 2026, 0, 2, 3, 4, 5, 6), ["getTime"]],
    ["call", "Date.parse", "-000000-01-01"],  # the standard forbids year -000000; V8's legacy parser reads 2001-01-01
    ["call", "Date.parse", "0"], ["call", "Date.parse", "Oct 21"], ["call", "Date.parse", "garbage 2030"],
    ["call", "Date.parse", "Sun, 06 Nov 1994 08:49:37 EST"], ["call", "Date.parse", "Wed, 21 Oct 2030 07:28:00 +01"],
    ["do", new("Date", 99, 11, 31), ["toISOString"]],
    ["do", new("Date", 2026, 13, 35, 25, 61), ["toISOString"]], ["do", new("Date", -62198755200000), ["toISOString"]],
    ["do", new("Date", "nonsense"), ["toJSON"], ["toUTCString"], ["toString"], ["getUTCFullYear"], ["getTimezoneOffset"]],
    ["do", new("Date", 1767323045678), ["toString"], ["setTime", 0], ["toISOString"]],
    *[["call", "Date.parse", v] for v in (
        "2026-01-02T03:04:05.1234Z", "2026-01-02T24:00:00Z", "2026-01-02T24:00:01Z", "2026-02-30", "+002026-01-02",
        "2026-01-02T03:04:05.678+05:30", "Friday, January 2, 2026", "2 Jan 2026 10:00 +0200",
        "01/02/2026", "2026/01/02 10:00:00", "1/2/26", "Jan 2, 2026 3:04 PM", "Thu Jan 01 1970 00:00:00 GMT+0000 (UTC)",
        "2026-01-02 03:04:05Z", "12/31/1999 23:59:59", "Dec 25 1995 13:30 UTC")],

    # --- Promise, the URI functions, navigator ------------------------------------------------------
    ["call", "Promise.resolve", 1], ["call", "Promise.resolve"],
    {"call": ["call", "Promise.reject", "no"],
     "expected": "JavaScript rejects with the string itself (no name or message); Python code gets an Error carrying it"},
    ["call", "Promise.all", [{"$call": ["Promise.resolve", 1]}, 2]], ["call", "Promise.all", []],
    ["call", "Promise.all", [{"$call": ["Promise.resolve", 1]}, {"$call": ["Promise.reject", {"$new": ["Error", "x"]}]}]],
    ["call", "Promise.race", [{"$call": ["Promise.resolve", "a"]}, {"$call": ["Promise.resolve", "b"]}]],
    *[["call", f, s] for f in ("encodeURIComponent", "encodeURI") for s in (
        "a b&c=d/é?#[]!'()*~-_.", "😀", "\ud800", "", 12)],
    *[["call", f, s] for f in ("decodeURIComponent", "decodeURI") for s in (
        "a%20b%26c%3Dd%2F%C3%A9%3F%23", "%F0%9F%98%80", "%", "%zz", "%C3", "%80", "%E2%82", "plain", "%2f%3B")],
    ["get", "navigator.userAgent"], ["get", "navigator.hardwareConcurrency"],
    # --- AbortController / AbortSignal, and fetch() given an aborted signal --------------------------
    ["new", "AbortController"], ["do", new("AbortController"), ["abort"], "signal", ["abort", "again"], "signal"],
    {"call": ["do", new("AbortController"), ["abort", "why"], "signal.reason", ["signal.throwIfAborted"]],
     "expected": "JavaScript throws the string itself (no name or message); Python code gets an Error carrying it"},
    ["do", new("AbortController"), ["signal.throwIfAborted"], "signal.aborted"],
    ["call", "AbortSignal.abort"], ["call", "AbortSignal.abort", "r"], ["call", "AbortSignal.abort", NULL],
    ["call", "AbortSignal.timeout", 1000], ["call", "AbortSignal.timeout", -1], ["call", "AbortSignal.timeout"],
    ["call", "AbortSignal.timeout", "x"], ["call", "AbortSignal.any", [{"$call": ["AbortSignal.timeout", 1000]}]],
    ["call", "AbortSignal.any", [{"$call": ["AbortSignal.abort", "first"]}, {"$call": ["AbortSignal.abort", "2nd"]}]],
    ["call", "AbortSignal.any", []], ["new", "AbortSignal"], ["call", "AbortSignal.any", [5]],
    ["call", "AbortSignal.any", [{"$call": ["AbortSignal.abort"]}, "x"]], ["call", "AbortSignal.any", 5],
    ["call", "AbortSignal.any"],
    ["do", {"$call": ["AbortSignal.abort"]}, ["throwIfAborted"]],
    ["call", "fetch", "https://example.com/", {"signal": {"$call": ["AbortSignal.abort"]}}],
    {"call": ["call", "fetch", "https://example.com/", {"signal": {"$call": ["AbortSignal.abort", "stop"]}}],
     "expected": "JavaScript rejects with the string itself (no name or message); Python code gets an Error carrying it"},
    ["new", "Request", "https://e.com", {"signal": {"$call": ["AbortSignal.abort"]}}],
    # the init's cache (this date: no-store and no-cache, reload behind an experimental flag; the
    # eras are cache_option_differential.py's) and integrity (undefined or "" only)
    ["do", new("Request", "https://e.com", {"cache": "no-store"}), "cache", "integrity"],
    ["do", new("Request", "https://e.com", {"cache": "no-cache"}), "cache", ["@c", "clone"], "@c.cache"],
    ["do", new("Request", "https://e.com"), "cache", "integrity"],
    ["new", "Request", "https://e.com", {"cache": "reload"}], ["new", "Request", "https://e.com", {"cache": "default"}],
    ["new", "Request", "https://e.com", {"cache": NULL}],
    ["new", "Request", "https://e.com", {"cache": "no-store", "cf": {"cacheControl": "no-cache"}}],
    ["do", new("Request", new("Request", "https://e.com", {"cache": "no-store"}), {"method": "POST"}), "cache"],
    ["new", "Request", "https://e.com", {"integrity": "sha256-x"}], ["new", "Request", "https://e.com", {"integrity": ""}],
    ["call", "fetch", "https://example.com/", {"integrity": "sha256-x"}],
    ["call", "fetch", "https://example.com/", {"cache": "no-store", "cf": {"cacheTtl": 60}}],
    # listeners: a function or an object with handleEvent is called with the abort Event; anything
    # else is jsg's TypeError when added (Handler is not optional on AbortSignal); onabort keeps
    # only a function or an object, and calls only a function
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True}], ["abort", "r"], "$calls",
     ["abort"], "$calls"],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$handler": True}], ["abort"], "$calls"],
    ["do", new("AbortController"), ["signal.addEventListener", "other", {"$fn": True}], ["abort"], "$calls"],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", 42]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", "f"]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {}]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", NULL]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", UNDEF]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort"]],
    ["do", new("AbortController"), ["signal.addEventListener", "other", 42]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort", 42]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort", {"$fn": True}], ["abort"], "$calls"],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True}, {"once": True}], ["abort"],
     "$calls"],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True}, True]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True}, False], ["abort"], "$calls"],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True}, {"capture": True}]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True}, {"passive": True}]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True},
                                    {"signal": {"$call": ["AbortSignal.abort"]}}], ["abort"], "$calls"],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True},
                                    {"signal": {"$call": ["AbortSignal.timeout", 100000]}}], ["abort"], "$calls"],
    ["do", new("AbortController"), ["signal.addEventListener"]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort", "f"]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort", {}]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort", NULL]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort", UNDEF]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort"]],
    ["do", new("AbortController"), ["signal.removeEventListener"]],
    ["do", new("AbortController"), ["=signal.onabort", {"$fn": True}], ["abort"], "$calls"],
    ["do", new("AbortController"), ["=signal.onabort", 42], "signal.onabort", ["abort"], "$calls"],
    ["do", new("AbortController"), ["=signal.onabort", "f"], "signal.onabort", ["abort"], "$calls"],
    ["do", new("AbortController"), ["=signal.onabort", {"$handler": True}], ["abort"], "$calls"],
    ["do", new("AbortController"), ["=signal.onabort", {}], "signal.onabort", ["abort"], "$calls"],
    ["do", new("AbortController"), ["=signal.onabort", NULL], "signal.onabort", ["abort"], "$calls"],
    ["do", new("AbortController"), "signal.onabort"],
    # the third argument: a primitive is a boolean (1, "x": useCapture), options.signal must be an
    # AbortSignal (checked even for a null listener, before capture); removeEventListener checks
    # capture whatever the listener
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True}, 1]],
    ["do", new("AbortController"), ["signal.addEventListener", "other", {"$fn": True}, "x"]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True}, 0], ["abort"], "$calls"],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True}, ""], ["abort"], "$calls"],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True}, {"signal": "nope"}]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True}, {"signal": NULL}]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True}, {"signal": {}}]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", NULL, {"signal": 5}]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True},
                                    {"signal": "nope", "capture": True}]],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", {"$fn": True}, {"signal": UNDEF}], ["abort"],
     "$calls"],
    ["do", new("AbortController"), ["signal.addEventListener", "abort", NULL, True]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort", {"$fn": True}, True]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort", {"$fn": True}, 1]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort", {"$fn": True}, 0]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort", {"$fn": True}, {"capture": 1}]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort", NULL, True]],
    ["do", new("AbortController"), ["signal.removeEventListener", "other", UNDEF, {"capture": True}]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort", 42, True]],
    ["do", new("AbortController"), ["signal.removeEventListener", "abort", {"$fn": True}, {"signal": "nope"}]],
    # --- forEach with a callback: (value, key, object) in order ---------------------------------
    ["do", new("Headers", {"b": "2", "a": "1", "A-b": "x"}), ["forEach", {"$fn": True}], "$calls"],
    ["do", new("Headers"), ["forEach", {"$fn": True}], "$calls"],
    ["do", new("URLSearchParams", "b=2&a=1&b=3"), ["forEach", {"$fn": True}], "$calls"],
    ["do", new("Map", [["k", "v"], [1, 2]]), ["forEach", {"$fn": True}], "$calls"],
    ["do", new("Set", ["x", "y"]), ["forEach", {"$fn": True}], "$calls"],
    ["do", new("Set", ["x"]), ["forEach", 5]], ["do", new("Set", ["x"]), ["forEach", "f"]],
    ["do", new("Set", ["x"]), ["forEach", {}]],
    ["do", new("Set", ["x"]), ["forEach", NULL]], ["do", new("Set", ["x"]), ["forEach"]],
    ["do", new("Map", [["k", "v"]]), ["forEach", 5]], ["do", new("Map", [["k", "v"]]), ["forEach", NULL]],
    ["do", new("Map", [["k", "v"]]), ["forEach"]], ["do", new("Map", [["k", "v"]]), ["forEach", {}]],
    ["do", new("Map"), ["forEach", "s"]],
    ["do", [3, 4], ["forEach", {"$fn": True}], "$calls"],
    # an Array method's callback that is not a function: V8's TypeError, its value described
    ["do", [1], ["forEach"]], ["do", [1], ["forEach", NULL]], ["do", [1], ["forEach", {}]],
    ["do", [1], ["forEach", 5]], ["do", [1], ["map", "f"]], ["do", [], ["filter", True]],
    ["do", [1], ["some", NULL]], ["do", [1], ["find"]], ["do", [2, 1], ["sort", 5]], ["do", [2, 1], ["sort", NULL]],
    ["do", [1], ["reduce"]],
    ["do", new("URLSearchParams", "b=1"), ["append", "\ud800", "x"], ["append", "a", "y"], ["sort"], ["toString"]],
    ["do", [3, 1, 2], ["flatMap", 5]], ["do", [3, 1, 2], ["findLast", 5]], ["do", [1], ["findLastIndex", NULL]],
    ["do", [1], ["reduceRight"]], ["do", [], ["reduceRight", {"$fn": True}]], ["do", [2, 1], ["toSorted", 5]],
    ["do", [3, 1, 2], ["toSorted"]], ["do", [3, 1, 2], ["toReversed"]],
    ["do", [3, 4], ["findLast", {"$fn": True}], "$calls"], ["do", [3, 4], ["reduceRight", {"$fn": True}, 0], "$calls"],
    ["do", [1], ["forEach", "x" * 101]], ["do", [1], ["forEach", "x" * 99 + "\U0001f600yy"]],
    ["do", [1], ["forEach", {"$bigint": "5"}]], ["do", [1], ["every", {"$bigint": "12345678901234567890"}]],
    ["do", [2, 1], ["sort", {}]], ["do", [2, 1], ["sort", [1, 2]]], ["do", [2, 1], ["sort", {"toString": 1}]],
    ["do", [2, 1], ["sort", {"$new": ["Map"]}]], ["do", [2, 1], ["sort", {"$new": ["Headers"]}]],
    ["do", [2, 1], ["sort", {"$new": ["URL", "http://a/"]}]], ["do", [2, 1], ["sort", {"$new": ["Uint8Array", 2]}]],
    ["do", [2, 1], ["sort", {"$bigint": "12345678901234567890"}]], ["do", [2, 1], ["sort", "x" * 300]],
    ["do", ["b", "\ud800", "a"], ["sort"]],
    # a second argument (thisArg), which a Python callback has no use for
    ["do", [1, 2], ["map", {"$fn": True}, 5], "$calls"], ["do", [1, 2], ["filter", {"$fn": True}, NULL], "$calls"],
    # a body read to the end, then a reader asked of it
    ["do", new("Response", "x"), ["arrayBuffer"], ["body.getReader"]],
    ["do", new("Response", "x"), ["text"], ["body.getReader"]],
    ["do", new("FormData"), ["append", "a", "1"], ["append", "b", "2"], ["forEach", {"$fn": True}], "$calls"],
    ["do", new("FormData"), ["forEach", 5]],
    # --- ReadableStream.tee(): two branches of the same bytes; the stream itself locked -------------
    ["do", new("Response", "hello"), ["body.tee"], "body.locked", "bodyUsed"],
    ["do", new("Response", ""), ["body.tee"], "body.locked"],
    ["do", new("Response", X("00ff10")), ["body.tee"]],
    ["do", new("Response", "hello"), ["body.getReader"], ["body.tee"]],
    ["do", new("Response", "hello"), ["body.tee"], ["body.tee"]],
    ["do", new("Response", "hello"), ["text"], ["body.tee"]],
    ["do", new("Response", "hello"), ["body.tee"], ["text"]],
    # --- ReadableStream.values() / async iteration: locked until the end or return() ----------------
    ["do", new("Response", "hello"), ["@it", "body.values"], "body.locked", "bodyUsed", ["@n1", "@it.next"],
     ["@n2", "@it.next"], ["@n3", "@it.next"], ["$settle", "n1", "n2", "n3"], "body.locked", "bodyUsed"],
    ["do", new("Response", "hello"), ["@it", "body.values"], ["body.getReader"]],
    ["do", new("Response", "hello"), ["body.getReader"], ["body.values"]],
    ["do", new("Response", "hello"), ["text"], ["body.values"]],
    ["do", new("Response", "hello"), ["body.values", 5], "body.locked"],
    ["do", new("Response", "hello"), ["body.values", "x"], "body.locked"],
    ["do", new("Response", "hello"), ["body.values", True], "body.locked"],
    ["do", new("Response", "hello"), ["body.values", NULL], "body.locked"],
    ["do", new("Response", "hello"), ["@it", "body.values", {"preventCancel": "yes"}], ["@r", "@it.return"],
     ["$settle", "r"], "bodyUsed"],
    ["do", new("Response", "hello"), ["@it", "body.values"], ["@r", "@it.return", "why"], ["$settle", "r"],
     "body.locked", "bodyUsed", ["@rd", "body.getReader"], ["@rr", "@rd.read"], ["$settle", "rr"]],
    ["do", new("Response", "hello"), ["@it", "body.values", {"preventCancel": True}], ["@r", "@it.return"],
     ["$settle", "r"], "body.locked", "bodyUsed", ["@rd", "body.getReader"], ["@rr", "@rd.read"],
     ["$settle", "rr"]],
    ["do", new("Response", "hello"), ["@it", "body.values"], ["@n1", "@it.next"], ["@n2", "@it.next"],
     ["@r", "@it.return", "late"], ["@n3", "@it.next"], ["$settle", "n1", "n2", "r", "n3"], "body.locked"],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@it", "readable.values"],
       ["@n1", "@it.next"], ["@x", "@w.write", X("01020304")], ["@c", "@w.close"], ["@n2", "@it.next"],
       ["$settle", "n1", "x", "c", "n2"], "readable.locked"] for kind in STREAM_KINDS],
    *[_expected_for_js(["do", new(*kind), ["@w", "writable.getWriter"], ["@it", "readable.values"],
       ["@r", "@it.return", "why"], ["@x", "@w.write", X("01")], ["$settle", "r", "x"], "readable.locked"],
       kind, NON_ERROR_REASON) for kind in STREAM_KINDS],
    ["do", new("ReadableStream", {"start": {"$fn": True}}), ["$calls.0.0.enqueue", X("01")], ["$calls.0.0.close"],
     ["@it", "values"], ["@n1", "@it.next"], ["@n2", "@it.next"], ["$settle", "n1", "n2"], "locked"],
    ["do", new("ReadableStream", {"start": {"$fn": True}}), ["$calls.0.0.error", new("Error", "boom")],
     ["@it", "values"], ["@n1", "@it.next"], ["@n2", "@it.next"], ["$settle", "n1", "n2"], "locked",
     ["@r", "@it.return"], ["$settle", "r"], "locked"],
    # --- the Cache API (caches.default, as wrangler dev's Miniflare keeps it; each case its own URLs) ----
    ["do", {"$get": "caches.default"}, ["match", "https://c.test/none"], ["delete", "https://c.test/none"],
     ["put", "https://c.test/a", new("Response", "body-a", {"headers": {"cache-control": "max-age=60", "x-k": "1"}})],
     ["match", "https://c.test/a"], ["match", new("Request", "https://c.test/a")], ["match", "https://c.test/a?q"],
     ["match", "https://c.test/a#frag"], ["delete", "https://c.test/a"], ["match", "https://c.test/a"],
     ["delete", "https://c.test/a"]],
    ["do", {"$get": "caches.default"}, ["put", new("Request", "https://c.test/p", {"method": "POST", "body": "x"}),
                                        new("Response", "r")]],
    ["do", {"$get": "caches.default"}, ["put", "https://c.test/r", new("Response", "r", {"status": 206})]],
    ["do", {"$get": "caches.default"}, ["put", "https://c.test/v", new("Response", "r", {"headers": {"vary": "*"}})]],
    ["do", {"$get": "caches.default"}, ["put", "https://c.test/e", {"$call": ["Response.error"]}]],
    ["do", {"$get": "caches.default"}, ["put", "https://c.test/np", 5]],
    ["new", "Request", "https://e.com", {"signal": 5}], ["do", new("ReadableStream"), ["pipeTo", 5]],
    ["do", {"$get": "caches.default"}, ["put", "/relative", new("Response", "r")]],
    ["do", {"$get": "caches.default"}, ["match", "/relative"]],
    ["do", {"$get": "caches.default"}, ["put", "https://c.test/304", new("Response", NULL, {"status": 304})],
     ["match", "https://c.test/304"]],
    ["do", {"$get": "caches.default"},
     ["put", "https://c.test/ns", new("Response", "x", {"headers": {"cache-control": "no-store"}})],
     ["put", "https://c.test/pv", new("Response", "x", {"headers": {"cache-control": "private"}})],
     ["put", "https://c.test/sc", new("Response", "x", {"headers": {"set-cookie": "a=1", "cache-control": "max-age=60"}})],
     ["put", "https://c.test/nc", new("Response", "x", {"headers": {"cache-control": "no-cache"}})],
     ["put", "https://c.test/m0", new("Response", "x", {"headers": {"cache-control": "max-age=0"}})],
     ["put", "https://c.test/plain", new("Response", "x")],
     ["put", "https://c.test/500", new("Response", "x", {"status": 500})],
     ["put", "https://c.test/404", new("Response", "x", {"status": 404})],
     ["put", "https://c.test/302", new("Response", NULL, {"status": 302, "headers": {"location": "https://x.test/"}})],
     ["match", "https://c.test/ns"], ["match", "https://c.test/pv"], ["match", "https://c.test/sc"],
     ["match", "https://c.test/nc"], ["match", "https://c.test/m0"], ["match", "https://c.test/plain"],
     ["match", "https://c.test/500"], ["match", "https://c.test/404"], ["match", "https://c.test/302"]],
    ["do", {"$get": "caches.default"},
     ["put", "https://c.test/etag", new("Response", "tagged", {"headers": {"etag": '"v1"', "cache-control": "max-age=60",
                                                                          "last-modified": "Tue, 01 Dec 2026 10:00:00 GMT"}})],
     ["match", new("Request", "https://c.test/etag", {"headers": {"if-none-match": '"v1"'}})],
     ["match", new("Request", "https://c.test/etag", {"headers": {"if-none-match": '"v2"'}})],
     ["match", new("Request", "https://c.test/etag", {"headers": {"if-modified-since": "Wed, 02 Dec 2026 10:00:00 GMT"}})],
     ["match", new("Request", "https://c.test/etag", {"headers": {"range": "bytes=1-3"}})],
     ["match", new("Request", "https://c.test/etag", {"headers": {"range": "bytes=10-20"}})],
     ["match", new("Request", "https://c.test/etag", {"method": "HEAD"})],
     ["match", new("Request", "https://c.test/etag", {"method": "POST"}), {"ignoreMethod": True}],
     ["delete", new("Request", "https://c.test/etag", {"method": "POST"})]],
    # the reason phrase of each status the cache answers with, and warning 113 of a heuristic freshness past a day
    ["do", {"$get": "caches.default"},
     *[["put", f"https://c.test/reason{status}", new("Response", NULL if status == 204 else "x", {
         "status": status, "statusText": "mine", "headers": {"cache-control": "max-age=60"}})]
       for status in (203, 204, 300, 301, 302, 303, 307, 308, 405, 410, 414, 501)],
     *[["match", f"https://c.test/reason{status}"]
       for status in (203, 204, 300, 301, 302, 303, 307, 308, 405, 410, 414, 501)],
     ["put", "https://c.test/old", new("Response", "x", {"headers": {
         "date": "Tue, 01 Dec 2026 10:00:00 GMT", "last-modified": "Tue, 01 Dec 2020 10:00:00 GMT", "age": "100000"}})],
     ["match", "https://c.test/old"]],
    ["do", {"$get": "caches.default"}, ["put", "https://c.test/used", new("Response", "u", {"headers": {"cache-control": "max-age=9"}})],
     ["add", "https://c.test/x"]],
    ["do", {"$get": "caches.default"}, ["keys"]], ["do", {"$get": "caches.default"}, ["matchAll"]],
    ["do", {"$get": "caches"}, ["open", "x" * 1024]], ["do", {"$get": "caches"}, ["has", "x"]],
    ["do", {"$get": "caches"}, ["keys"]], ["do", {"$get": "caches"}, ["match", "https://c.test/a"]],
    # --- writers and readers of each stream kind once it errors, is aborted, closed or released ---------
    # (["@name", path, *args] keeps a call's promise unawaited, ["$settle", *names] says how each stands)
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["@c", "readable.cancel", new("Error", "boom")],
       ["@r", "@w.ready"], ["@cl", "@w.closed"], ["$settle", "r0", "c", "r", "cl"], ["@x", "@w.write", X("01")],
       ["@r2", "@w.ready"], ["@cl2", "@w.closed"], ["$settle", "x", "r2", "cl2"], ["@y", "@w.write", X("02")],
       ["@c2", "@w.close"], ["@a2", "@w.abort"], "@w.desiredSize", ["$settle", "y", "c2", "a2"]] for kind in STREAM_KINDS],
    # a FixedLengthStream's read past its length: the writer's next write meets the error, then it is detached
    ["do", new("FixedLengthStream", 2), ["@w", "writable.getWriter"], ["@rd", "readable.getReader"],
     ["@x", "@w.write", X("010203")], ["@rr", "@rd.read"], ["$settle", "x", "rr"], ["@y", "@w.write", X("04")],
     ["@c", "@w.close"], ["@rr2", "@rd.read"], ["$settle", "y", "c", "rr2"]],
    ["do", new("FixedLengthStream", 2), ["@w", "writable.getWriter"], ["@rd", "readable.getReader"],
     ["@x", "@w.write", X("010203")], ["@rr", "@rd.read"], ["$settle", "x", "rr"], ["@y", "@w.write", X("04")],
     ["$settle", "y"], ["@c", "@w.close"], ["@z", "@w.write", X("05")], ["$settle", "c", "z"]],
    ["do", new("FixedLengthStream", 2), ["@w", "writable.getWriter"], ["@rd", "readable.getReader"],
     ["@x", "@w.write", X("010203")], ["@rr", "@rd.read"], ["$settle", "x", "rr"], ["@c", "@w.close"],
     ["@y", "@w.write", X("04")], ["$settle", "c", "y"]],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@a", "@w.abort", new("Error", "why")], ["@r", "@w.ready"],
       ["@x", "@w.write", X("01")], ["@cl", "@w.close"], ["@cd", "@w.closed"], ["@rd", "readable.getReader"],
       ["@rr", "@rd.read"], ["@c", "readable.cancel"], ["$settle", "a", "r", "x", "cl", "cd", "rr", "c"]]
      for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X("01")], ["@r", "@w.ready"],
       ["@a", "@w.abort", new("Error", "why")], ["$settle", "x", "r", "a"]] for kind in STREAM_KINDS],
    *[{"call": ["do", new(*kind), ["@w", "writable.getWriter"], ["@a", "@w.abort"], ["@r", "@w.ready"],
                ["@x", "@w.write", X("01")], ["@cl", "@w.close"], ["@cd", "@w.closed"], ["@rd", "readable.getReader"],
                ["@rr", "@rd.read"], ["$settle", "a", "r", "x", "cl", "cd", "rr"]],
       "expected": UNDEFINED_REASON} for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@c1", "@w.close"], ["@c2", "@w.close"], ["@x", "@w.write", X("01")],
       ["@rd", "readable.getReader"], ["@rr", "@rd.read"], ["$settle", "c1", "c2", "x", "rr"]] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
       ["@x1", "@w.write", X("01")], ["@x2", "@w.write", X("02")], ["@rl", "@w.releaseLock"], ["@cd", "@w.closed"], ["@r", "@w.ready"], ["$settle", "x1", "x2", "cd", "r"],
       ["@w2", "writable.getWriter"], ["@rd", "readable.getReader"], ["@rr", "@rd.read"], ["$settle", "x1", "x2", "rr"],
       ["@rr2", "@rd.read"], ["$settle", "x1", "x2", "rr2"], ["@x3", "@w2.write", X("03")], ["@rr3", "@rd.read"],
       ["$settle", "x3", "rr3"]] for kind in STREAM_KINDS],
    # after an abort: desiredSize, a second abort, a write; a TransformStream's ready while a write waits
    # and the readable side is canceled; a close that completed, then a write and a close
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@a", "@w.abort", new("Error", "why")],
       "@w.desiredSize", ["@a2", "@w.abort", new("Error", "again")], ["@x", "@w.write", X("01")],
       ["$settle", "a", "a2", "x"], "@w.desiredSize"] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X("01")], ["@r", "@w.ready"],
       ["@c", "readable.cancel", new("Error", "boom")], ["@r2", "@w.ready"], ["$settle", "x", "r", "c", "r2"],
       "@w.desiredSize"] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@c", "@w.close"], ["$settle", "c"], ["@x", "@w.write", X("01")],
       ["@c2", "@w.close"], ["@a", "@w.abort", new("Error", "why")], ["@cd", "@w.closed"], "@w.desiredSize",
       ["$settle", "x", "c2", "a", "cd"]] for kind in (("TransformStream",), ("IdentityTransformStream",))],
    # a TransformStream's writes once its start has run: the readable canceled, the writer aborted
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@x2", "@w.write", X("02")], ["@c", "readable.cancel", new("Error", "boom")],
     ["@r", "@w.ready"], ["@cd", "@w.closed"], ["$settle", "x1", "x2", "c", "r", "cd"], ["@x3", "@w.write", X("03")],
     ["$settle", "x3"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@x2", "@w.write", X("02")], ["@r", "@w.ready"],
     ["@a", "@w.abort", new("Error", "why")], ["@r2", "@w.ready"], ["$settle", "x1", "x2", "r", "a", "r2"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@x1", "@w.write", X("01")], ["@c1", "@w.close"],
     ["@c2", "@w.close"], ["@rd", "readable.getReader"], ["@rr", "@rd.read"], ["$settle", "x1", "c1", "c2", "rr"]],
    # two writes waiting for a read (the first one in flight), then an abort and a read, or a close and a cancel
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rd", "readable.getReader"], ["@r0", "@w.ready"],
       ["$settle", "r0"], ["@x1", "@w.write", X("0102")], ["@x2", "@w.write", X("0304")], ["$settle", "x1", "x2"],
       ["@a", "@w.abort", new("Error", "stopped")], ["@rr", "@rd.read"], ["$settle", "x1", "x2", "a", "rr"],
       ["@rr2", "@rd.read"], ["$settle", "rr2"]] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rd", "readable.getReader"], ["@r0", "@w.ready"],
       ["$settle", "r0"], ["@x1", "@w.write", X("0102")], ["@x2", "@w.write", X("0304")], ["@cl", "@w.close"],
       ["$settle", "x1", "x2", "cl"], ["@c", "@rd.cancel", new("Error", "gone")], ["$settle", "x1", "x2", "cl", "c"]]
      for kind in STREAM_KINDS],
    # a write waiting for a read when the readable side is canceled (made at once, or once the stream started),
    # then the writer's next write
    *[_expected_for_js(["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X("0102")],
       ["@c", "readable.cancel", reason], ["$settle", "x", "c"], ["@y", "@w.write", X("03")], ["$settle", "y"]],
       kind if reason == UNDEF else (), UNDEFINED_REASON) for kind in STREAM_KINDS for reason in (UNDEF, new("Error", "enough"))],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"], ["@x", "@w.write", X("0102")],
       ["@c", "readable.cancel", new("Error", "enough")], ["$settle", "x", "c"], ["@y", "@w.write", X("03")],
       ["$settle", "y"]] for kind in STREAM_KINDS],
    # the readable side's cancel() once the writer aborted (the stream errored)
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@a", "@w.abort", new("Error", "why")], ["$settle", "a"],
       ["@c", "readable.cancel", new("Error", "other")], ["$settle", "c"]] for kind in STREAM_KINDS],
    # a ReadableStream whose controller errored: cancel() (of the stream, of its reader) and read()
    ["do", new("ReadableStream", {"start": {"$fn": True}}), ["$calls.0.0.error", new("Error", "boom")],
     ["@c", "cancel"], ["@c2", "cancel", new("Error", "other")], ["$settle", "c", "c2"]],
    ["do", new("ReadableStream", {"start": {"$fn": True}}), ["@rd", "getReader"], ["$calls.0.0.error", new("Error", "boom")],
     ["@rr", "@rd.read"], ["@c", "@rd.cancel"], ["$settle", "rr", "c"]],
    ["do", new("ReadableStream", {"start": {"$fn": True}}), ["$calls.0.0.close"], ["@c", "cancel"], ["$settle", "c"]],
    # a reader's closed: as the stream is written and closed, aborted, released, canceled; a release while a read waits
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rd", "readable.getReader"],
       ["@cd", "@rd.closed"], ["$settle", "cd"], ["@x", "@w.write", X("01")], ["@c", "@w.close"], ["$settle", "cd", "x", "c"],
       ["@rr", "@rd.read"], ["$settle", "cd", "x", "c", "rr"], ["@rr2", "@rd.read"], ["$settle", "cd", "rr2"]]
      for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rd", "readable.getReader"], ["@cd", "@rd.closed"],
       ["@a", "@w.abort", new("Error", "why")], ["$settle", "cd", "a"], ["@cd2", "@rd.closed"], ["$settle", "cd2"]]
      for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@rd", "readable.getReader"], ["@cd", "@rd.closed"], ["@rl", "@rd.releaseLock"],
       ["@cd2", "@rd.closed"], ["$settle", "cd", "cd2"], ["@rd2", "readable.getReader"], ["@cd3", "@rd2.closed"],
       ["$settle", "cd3"]] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rd", "readable.getReader"], ["@c", "@w.close"],
       ["@rr", "@rd.read"], ["$settle", "c", "rr"], ["@rl", "@rd.releaseLock"], ["@cd", "@rd.closed"], ["$settle", "cd"]]
      for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rd", "readable.getReader"],
       ["@a", "@w.abort", new("Error", "why")], ["$settle", "a"], ["@rl", "@rd.releaseLock"], ["@cd", "@rd.closed"],
       ["$settle", "cd"]] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@rd", "readable.getReader"], ["@cd", "@rd.closed"], ["@c", "@rd.cancel", new("Error", "x")],
       ["$settle", "cd", "c"]] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@rd", "readable.getReader"], ["@rr", "@rd.read"], ["@rl", "@rd.releaseLock"],
       ["$settle", "rr", "rl"]] for kind in STREAM_KINDS],
    # a ReadableStream's controller closing or erroring it (with an Error, with undefined): reader.closed, desiredSize
    *[_expected_for_js(["do", new("ReadableStream", {"start": {"$fn": True}}), ["@rd", "getReader"], ["@cd", "@rd.closed"],
       step, "$calls.0.0.desiredSize", ["@rr", "@rd.read"], ["$settle", "cd", "rr"]],
       ("TransformStream",) if step[-1] == UNDEF else (), UNDEFINED_REASON)
      for step in (["$calls.0.0.close"], ["$calls.0.0.error", new("Error", "boom")], ["$calls.0.0.error", UNDEF])],
    {"call": ["do", new("ReadableStream", {"start": {"$fn": True}}), ["$calls.0.0.error", UNDEF], ["@c", "cancel"],
              ["$settle", "c"]], "expected": UNDEFINED_REASON},
    ["do", new("ReadableStream", {"start": {"$fn": True}}), ["$calls.0.0.enqueue", X("01")],
     ["$calls.0.0.error", new("Error", "boom")], ["$calls.0.0.error", new("Error", "again")], ["@rr", "getReader"],
     ["@x", "@rr.read"], ["$settle", "x"]],
    # a writer's desiredSize while its close waits behind a write no read has taken
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X("01")],
       ["@c", "@w.close"], "@w.desiredSize", ["$settle", "x", "c"], "@w.desiredSize", ["@rd", "readable.getReader"],
       ["@rr", "@rd.read"], ["$settle", "x", "c", "rr"], "@w.desiredSize"]
      for kind in STREAM_KINDS],
    # a TransformStream writer's ready at releaseLock (writable_stream_spec_compliant_writer, on at this date)
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@rl", "@w.releaseLock"], ["@r", "@w.ready"], ["@cd", "@w.closed"], ["$settle", "r0", "r", "cd"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["@rl", "@w.releaseLock"],
     ["@r", "@w.ready"], ["$settle", "r0", "r"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x", "@w.write", X("01")], ["@r1", "@w.ready"], ["$settle", "r1"], ["@rl", "@w.releaseLock"], ["@r", "@w.ready"],
     ["$settle", "x", "r1", "r"]],
    # a body's reader (an internal stream): closed as reads meet the end, at releaseLock, at cancel;
    # read, cancel and releaseLock of a released reader; a new reader after the end
    *[["do", body, ["@rd", "body.getReader"], ["@cd", "@rd.closed"], ["$settle", "cd"], ["@r1", "@rd.read"],
       ["$settle", "cd"], ["@r2", "@rd.read"], ["$settle", "cd", "r2"], ["@r3", "@rd.read"], ["$settle", "r3"],
       ["@rl", "@rd.releaseLock"], ["@cd2", "@rd.closed"], ["@rd2", "body.getReader"], ["@cd3", "@rd2.closed"],
       ["@r4", "@rd2.read"], ["$settle", "cd2", "cd3", "r4"], "bodyUsed"] for body in BODIES],
    *[["do", body, ["@rd", "body.getReader"], ["@cd", "@rd.closed"], ["@rl", "@rd.releaseLock"], ["@cd2", "@rd.closed"],
       ["$settle", "cd", "cd2"], ["@rr", "@rd.read"], ["@cc", "@rd.cancel"], ["@rl2", "@rd.releaseLock"],
       ["$settle", "rr", "cc"], "body.locked", ["@rd2", "body.getReader"], ["@cd3", "@rd2.closed"], ["@r1", "@rd2.read"],
       ["$settle", "cd3"], ["@r2", "@rd2.read"], ["$settle", "cd3", "r2"]] for body in BODIES],
    *[["do", body, ["@rd", "body.getReader"], ["@cd", "@rd.closed"], ["@c", "@rd.cancel", new("Error", "x")],
       ["$settle", "cd", "c"], ["@r", "@rd.read"], ["@c2", "@rd.cancel"], ["$settle", "r", "c2"], "bodyUsed"]
      for body in BODIES],
    *[["do", body, ["@c", "body.cancel"], ["$settle", "c"], "bodyUsed", "body.locked", ["@t", "text"], ["$settle", "t"]]
      for body in BODIES],
    # a body closed by a cancel or by reads to its end (its reader released) is not locked: clone() and tee()
    # give closed (empty) streams (internal.c++ tee's Closed case); a locked one still refuses
    *[["do", body, ["@c", "body.cancel"], ["$settle", "c"], ["@k", "clone"], "@k.bodyUsed", ["@kt", "@k.text"],
       ["$settle", "kt"], "body.locked", ["@t", "body.tee"], "body.locked"] for body in BODIES],
    *[["do", body, ["@rd", "body.getReader"], ["@cd", "@rd.closed"], ["@r1", "@rd.read"], ["$settle", "cd"],
       ["@r2", "@rd.read"], ["$settle", "r2"], ["@rl", "@rd.releaseLock"], "bodyUsed", ["@k", "clone"], "bodyUsed",
       ["@kt", "@k.text"], ["$settle", "kt"], ["@t", "body.tee"], "body.locked"] for body in BODIES],
    ["do", new("Response", "abc"), ["@rd", "body.getReader"], ["@cd", "@rd.closed"], ["@r1", "@rd.read"],
     ["$settle", "cd"], ["@r2", "@rd.read"], ["$settle", "r2"], ["@k", "clone"]],
    ["do", new("Response", "abc"), ["@t", "text"], ["$settle", "t"], ["@k", "clone"]],
    # one a released reader read 4 KiB of: clone() tees the rest (http.c++ Body::clone looks at no bodyUsed)
    *[["do", body, ["@rd", "body.getReader"], *reads("rd", 1), ["@rl", "@rd.releaseLock"], "bodyUsed", ["@k", "clone"],
       "bodyUsed", "@k.bodyUsed", ["@kt", "@k.text"], ["@t", "text"], ["$settle", "kt", "t"]]
      for body in (new("Response", pattern_text(10000)),
                   new("Request", "https://example.com/", {"method": "POST", "body": pattern_text(10000)}))],
    ["do", new("Response", "abc"), ["@rd", "body.getReader"], ["@r1", "@rd.read"], ["@rl", "@rd.releaseLock"],
     ["@cd", "@rd.closed"], ["$settle", "cd"]],
    # a body still being written (a writer's stream's readable): clone() tees it, after a released reader's
    # read too -- the clone and the original each read every chunk not read yet, neither used; a locked
    # one, or one a text() is reading, refuses
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}],
       ["@x1", "@w.write", X("0102")], ["@rd", "@b.body.getReader"], ["@r1", "@rd.read"], ["$settle", "r1"],
       "@b.bodyUsed", ["@rl", "@rd.releaseLock"], ["@k", "@b.clone"], "@b.bodyUsed", "@k.bodyUsed",
       ["@x2", "@w.write", X("03")], ["@c", "@w.close"], ["@kt", "@k.text"], ["@t", "@b.text"],
       ["$settle", "x1", "x2", "c", "kt", "t"]] for kind in (("TransformStream",), ("IdentityTransformStream",))],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}],
       ["@k", "@b.clone"], "@b.bodyUsed", "@k.bodyUsed", ["@x1", "@w.write", X("0102")], ["@x2", "@w.write", X("0304")],
       ["@c", "@w.close"], ["@kb", "@k.arrayBuffer"], ["@t", "@b.arrayBuffer"], ["$settle", "x1", "x2", "c", "kb", "t"]]
      for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}],
       ["@rd", "@b.body.getReader"], ["@k", "@b.clone"]] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}],
       ["@t", "@b.text"], ["@k", "@b.clone"], ["@x1", "@w.write", X("01")], ["@c", "@w.close"], ["$settle", "t"]]
      for kind in (("TransformStream",), ("IdentityTransformStream",))],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}],
       ["@x1", "@w.write", X("0102")], ["@rd", "@b.body.getReader"], ["@r1", "@rd.read"], ["$settle", "r1"],
       ["@rl", "@rd.releaseLock"], ["@t", "@b.text"], ["$settle", "t"], "@b.bodyUsed"]
      for kind in (("TransformStream",), ("IdentityTransformStream",))],
    # a body over such a stream no longer open clones too (workerd's tee takes any state): canceled, or
    # read to its end by a reader since released, two empty bodies, neither used; errored, both reads reject
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}],
       ["@bc", "@b.body.cancel"], ["$settle", "bc"], "@b.bodyUsed", ["@k", "@b.clone"], "@b.bodyUsed", "@k.bodyUsed",
       ["@kt", "@k.text"], ["@t", "@b.text"], ["$settle", "kt", "t"]]
      for kind in (("TransformStream",), ("IdentityTransformStream",))],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}],
       ["@x1", "@w.write", X("01")], ["@c", "@w.close"], ["@rd", "@b.body.getReader"], ["@r1", "@rd.read"],
       ["@r2", "@rd.read"], ["$settle", "r1", "r2", "x1", "c"], ["@rl", "@rd.releaseLock"], "@b.bodyUsed",
       ["@k", "@b.clone"], "@b.bodyUsed", "@k.bodyUsed", ["@kt", "@k.text"], ["@t", "@b.text"], ["$settle", "kt", "t"]]
      for kind in (("TransformStream",), ("IdentityTransformStream",))],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}],
       *([["@x1", "@w.write", X("01")]] if write else []), ["@a", "@w.abort", new("Error", "boom")], ["$settle", "a"],
       ["@k", "@b.clone"], ["@kt", "@k.text"], ["@t", "@b.text"], ["$settle", "kt", "t"]]
      for kind in (("TransformStream",), ("IdentityTransformStream",)) for write in (False, True)],
    # a clone canceled, the original read; a clone and the original read while the writer aborts
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}],
       ["@k", "@b.clone"], ["@kc", "@k.body.cancel", "x"], ["@x1", "@w.write", X("01")], ["@c", "@w.close"],
       ["@t", "@b.text"], ["$settle", "kc", "x1", "c", "t"]] for kind in (("TransformStream",), ("IdentityTransformStream",))],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}],
       ["@k", "@b.clone"], ["@kt", "@k.text"], ["@t", "@b.text"], ["@a", "@w.abort", new("Error", "boom")],
       ["$settle", "a", "kt", "t"]] for kind in (("TransformStream",), ("IdentityTransformStream",))],
    # every branch of a tee (a body and its clones) canceled: a JavaScript stream is canceled with the last
    # reason (its source's cancel called, its writer's writes failing); an internal stream's writes wait on
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}],
       ["@k", "@b.clone"], ["@kc", "@k.body.cancel", new("Error", "x")], ["@bc", "@b.body.cancel", new("Error", "y")],
       ["@x1", "@w.write", X("01")], ["$settle", "kc", "bc", "x1"]] for kind in (("TransformStream",), ("IdentityTransformStream",))],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}],
       ["@k", "@b.clone"], ["@k2", "@k.clone"], ["@kc", "@k.body.cancel", new("Error", "x")],
       ["@bc", "@b.body.cancel", new("Error", "y")], ["@x1", "@w.write", X("01")], ["$settle", "kc", "bc", "x1"],
       ["@k2c", "@k2.body.cancel", new("Error", "z")], ["@x2", "@w.write", X("02")], ["$settle", "k2c", "x1", "x2"]]
      for kind in (("TransformStream",), ("IdentityTransformStream",))],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@t", "@rs.tee"],
       ["@c0", "@t.0.cancel", new("Error", "x")], ["@c1", "@t.1.cancel", new("Error", "y")], ["@x1", "@w.write", X("01")],
       ["$settle", "c0", "c1", "x1"]] for kind in (("TransformStream",), ("IdentityTransformStream",))],
    ["do", new("ReadableStream", {"cancel": {"$fn": True}}), ["@t", "tee"], ["@c0", "@t.0.cancel", "x"], "$calls",
     ["@c1", "@t.1.cancel", "y"], ["$settle", "c0", "c1"], "$calls"],
    # a Response over a stream keeps that stream as its body: the same object, whose cancel (its reader's too,
    # or the last of the body and its clone) calls the source's cancel
    *[["do", new("Response", new("ReadableStream", {"cancel": {"$fn": True}})), *steps]
      for steps in ([["@bc", "body.cancel", "y"], ["$settle", "bc"], "$calls"],
                    [["@k", "clone"], ["@kc", "@k.body.cancel", "x"], "$calls", ["@bc", "body.cancel", "y"],
                     ["$settle", "kc", "bc"], "$calls"],
                    [["@rd", "body.getReader"], ["@c", "@rd.cancel", "y"], ["$settle", "c"], "$calls"])],
    *[["do", new(*kind), ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}], ["@bb", "@b.body"],
       ["$same", "rs", "bb"], "readable.locked"] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rs", "readable"], ["@b", "$new", "Response", {"$kept": "rs"}],
       ["@rd", "@rs.getReader"], "@b.bodyUsed", ["@x1", "@w.write", X("0102")], ["@r1", "@rd.read"], ["$settle", "r1"],
       "@b.bodyUsed", ["@t", "@b.text"], ["$settle", "t"]] for kind in STREAM_KINDS],
    # a clone of the clone of a stream still being written
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@rs", "readable"],
     ["@b", "$new", "Response", {"$kept": "rs"}], ["@k", "@b.clone"], ["@k2", "@k.clone"], ["@x1", "@w.write", X("0a")],
     ["@c", "@w.close"], ["@t", "@b.text"], ["@kt", "@k.text"], ["@k2t", "@k2.text"], ["$settle", "x1", "c", "t", "kt", "k2t"]],
    {"call": ["do", new("Response", new("FormData")), ["text"]],
     "expected": "the boundary is 32 random hex digits on both sides; the shape (--<boundary>--, no line break) is the same"},
    # --- promise identity: a reader's and a writer's closed, a writer's ready (["$same", a, b]) ----------
    # the same object at each read; a JavaScript stream's ready replaced when back-pressure begins, and a
    # settled one at abort and release; an internal stream's never; a settled closed stays so at release
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@r1", "@w.ready"], ["@r2", "@w.ready"], ["$same", "r1", "r2"],
         ["@cl1", "@w.closed"], ["@cl2", "@w.closed"], ["$same", "cl1", "cl2"], ["@rd", "readable.getReader"],
         ["@rc1", "@rd.closed"], ["@rc2", "@rd.closed"], ["$same", "rc1", "rc2"], ["$settle", "r1"], ["@r1b", "@w.ready"],
         ["$same", "r1", "r1b"], ["@x", "@w.write", X("01")], ["@r3", "@w.ready"], ["$same", "r1", "r3"],
         ["@r4", "@w.ready"], ["$same", "r3", "r4"], ["@rr", "@rd.read"], ["$settle", "x", "r3", "rr"],
         ["@r5", "@w.ready"], ["$same", "r3", "r5"], ["@c", "@w.close"], ["$settle", "c"], ["@cl3", "@w.closed"],
         ["$same", "cl1", "cl3"], ["@rc3", "@rd.closed"], ["$same", "rc1", "rc3"], ["@r6", "@w.ready"],
         ["$same", "r5", "r6"]] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["@cl", "@w.closed"], ["$settle", "r0"],
       ["@a", "@w.abort", new("Error", "why")], ["@r1", "@w.ready"], ["$same", "r0", "r1"], ["@cl2", "@w.closed"],
       ["$same", "cl", "cl2"], ["$settle", "a", "r1", "cl"], ["@r2", "@w.ready"], ["$same", "r1", "r2"],
       ["@cl3", "@w.closed"], ["$same", "cl", "cl3"]] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["@cl0", "@w.closed"], ["$settle", "r0"],
       ["@rl", "@w.releaseLock"], ["@r1", "@w.ready"], ["@cl1", "@w.closed"], ["$same", "r0", "r1"], ["$same", "cl0", "cl1"],
       ["$settle", "r0", "r1", "cl0"], ["@rd", "readable.getReader"], ["@rc0", "@rd.closed"], ["@rrl", "@rd.releaseLock"],
       ["@rc1", "@rd.closed"], ["$same", "rc0", "rc1"], ["$settle", "rc0"]] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@c", "@w.close"], ["@rd", "readable.getReader"], ["@rr", "@rd.read"],
       ["$settle", "c", "rr"], ["@rl", "@w.releaseLock"], ["@cl", "@w.closed"], ["@r", "@w.ready"], ["$settle", "cl", "r"]]
      for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
       ["@k", "readable.cancel", new("Error", "gone")], ["@r1", "@w.ready"], ["$same", "r0", "r1"], ["@x", "@w.write", X("01")],
       ["@r2", "@w.ready"], ["$same", "r1", "r2"], ["$settle", "r1", "x"]] for kind in STREAM_KINDS],
    ["do", new("ReadableStream", {"start": {"$fn": True}}), ["@rd", "getReader"], ["@c1", "@rd.closed"], ["@c2", "@rd.closed"],
     ["$same", "c1", "c2"], ["$calls.0.0.close"], ["$settle", "c1"], ["@c3", "@rd.closed"], ["$same", "c1", "c3"]],
    ["do", new("Response", "abc"), ["@rd", "body.getReader"], ["@c1", "@rd.closed"], ["@c2", "@rd.closed"],
     ["$same", "c1", "c2"], ["@r1", "@rd.read"], ["$settle", "r1"], ["@r2", "@rd.read"], ["$settle", "c1", "r2"],
     ["@c3", "@rd.closed"], ["$same", "c1", "c3"]],
    # --- a TransformStream writer's abort() while a write is in flight and nothing reads: erroring (standard.c++
    # startErroring): the write, the abort, closed and a close wait; ready rejects; a new write is refused;
    # desiredSize still counts the chunks; then a read (the write fails, the readable side errors) or a cancel
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@x2", "@w.write", X("02")], ["@r", "@w.ready"], "@w.desiredSize",
     ["@a", "@w.abort", new("Error", "why")], "@w.desiredSize", ["@r2", "@w.ready"], ["@cd", "@w.closed"],
     ["$settle", "x1", "x2", "r", "a", "r2", "cd"], "@w.desiredSize", ["@x3", "@w.write", X("03")], ["@c", "@w.close"],
     ["@a2", "@w.abort", new("Error", "again")], ["$settle", "x3", "c", "a2"], "@w.desiredSize",
     ["@rd", "readable.getReader"], ["@rc", "@rd.closed"], ["@rr", "@rd.read"],
     ["$settle", "x1", "x2", "a", "cd", "rr", "rc", "a2", "c"], "@w.desiredSize", ["@rr2", "@rd.read"], ["$settle", "rr2"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@a", "@w.abort", new("Error", "why")], ["@cd", "@w.closed"], ["$settle", "x1", "a"],
     ["@k", "readable.cancel", new("Error", "gone")], ["$settle", "x1", "a", "k", "cd"], "@w.desiredSize"],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@a", "@w.abort", new("Error", "why")], ["@rd", "readable.getReader"],
     ["@rc", "@rd.closed"], ["$settle", "x1", "a", "rc"], ["@rr", "@rd.read"], ["$settle", "x1", "a", "rc", "rr"],
     ["@rr2", "@rd.read"], ["$settle", "rr2"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@a", "@w.abort", new("Error", "why")], ["@rl", "@w.releaseLock"],
     ["@cd", "@w.closed"], ["@r", "@w.ready"], ["$settle", "x1", "a", "cd", "r"]],
    # desiredSize at abort(): null at once once the stream's start settled; before, the chunks counted in its turn
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@a", "@w.abort", new("Error", "why")], "@w.desiredSize", ["@r", "@w.ready"], ["$settle", "a", "r"], "@w.desiredSize"],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@x1", "@w.write", X("01")], ["@x2", "@w.write", X("02")],
     ["@a", "@w.abort", new("Error", "why")], "@w.desiredSize", ["$settle", "x1", "x2", "a"], "@w.desiredSize"],
    # a ReadableStream's controller.error() after close() while chunks wait: ignored, the chunks are read
    ["do", new("ReadableStream", {"start": {"$fn": True}}), ["$calls.0.0.enqueue", X("01")], ["$calls.0.0.close"],
     ["$calls.0.0.error", new("Error", "boom")], "$calls.0.0.desiredSize", ["@rd", "getReader"], ["@cd", "@rd.closed"],
     ["@rr", "@rd.read"], ["$settle", "cd", "rr"], ["@rr2", "@rd.read"], ["$settle", "rr2"]],
    ["do", new("ReadableStream", {"start": {"$fn": True}}), ["$calls.0.0.enqueue", X("01")], ["$calls.0.0.enqueue", X("02")],
     ["@rd", "getReader"], ["@cd", "@rd.closed"], ["$calls.0.0.close"], ["@rr", "@rd.read"], ["$settle", "cd", "rr"],
     ["$calls.0.0.error", new("Error", "boom")], "$calls.0.0.desiredSize", ["@rr2", "@rd.read"], ["$settle", "cd", "rr2"]],
    ["do", new("ReadableStream", {"start": {"$fn": True}}), ["$calls.0.0.enqueue", X("01")], ["$calls.0.0.close"],
     ["$calls.0.0.error", new("Error", "boom")], ["@c", "cancel", new("Error", "x")], ["$settle", "c"]],
    # --- a stream canceled (read or not) or piped at all is disturbed: refused as a body -------------------
    *[["do", new(*kind), ["@k", "readable.cancel"], ["$settle", "k"], ["@rs", "readable"],
       ["@resp", "$new", "Response", {"$kept": "rs"}], "readable.locked"] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@rd", "readable.getReader"], ["@k", "@rd.cancel"], ["@rl", "@rd.releaseLock"], ["$settle", "k"],
       ["@rs", "readable"], ["@resp", "$new", "Response", {"$kept": "rs"}]] for kind in STREAM_KINDS],
    ["do", {"s": new("ReadableStream", {"start": {"$fn": True}})}, ["@k", "s.cancel"], ["$settle", "k"], ["@s", "s"],
     ["@resp", "$new", "Response", {"$kept": "s"}]],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X("6c656674")], ["@c", "@w.close"],
       ["@d", "$new", "TransformStream"], ["@dw", "@d.writable.getWriter"], ["@dc", "@dw.close"], ["$settle", "dc"],
       ["@rl", "@dw.releaseLock"], ["@dwr", "@d.writable"],
       ["@p", "readable.pipeTo", {"$kept": "dwr"}, {"preventCancel": prevent}], ["$settle", "p", "x", "c"],
       "readable.locked", ["@rs", "readable"], ["@resp", "$new", "Response", {"$kept": "rs"}], ["$settle", "x", "c"]]
      for kind in STREAM_KINDS for prevent in (False, True)],
    # --- kept promises of a writer or reader released, then a new one's; abort with a close queued behind the
    # write in flight (erroring, then a read, a cancel, or in the turn that made the stream); a cancel while
    # erroring (the queued writes and a close meet the abort's reason); a read of a write in flight then a
    # releaseLock or a cancel in the same turn (the read still pending); a tee branch canceled, or a stream
    # piped (to its end, with preventCancel, by an aborted signal), refused as a body
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@r1", "@w.ready"], ["@c1", "@w.closed"], ["$settle", "r1"],
         ["@rl", "@w.releaseLock"], ["@w2", "writable.getWriter"], ["@r2", "@w2.ready"], ["@c2", "@w2.closed"],
         ["$same", "r1", "r2"], ["$same", "c1", "c2"], ["@r1b", "@w.ready"], ["$same", "r1", "r1b"], ["@c1b", "@w.closed"],
         ["$same", "c1", "c1b"], ["$settle", "r1", "c1", "r2", "c2", "r1b", "c1b"], ["@x", "@w2.write", X("01")],
         ["@r3", "@w2.ready"], ["$same", "r2", "r3"], ["@rd", "readable.getReader"], ["@rc1", "@rd.closed"], ["@rr", "@rd.read"],
         ["$settle", "x", "rr", "r3"], ["@rrl", "@rd.releaseLock"], ["@rd2", "readable.getReader"], ["@rc2", "@rd2.closed"],
         ["$same", "rc1", "rc2"], ["@rc1b", "@rd.closed"], ["$same", "rc1", "rc1b"], ["@cl", "@w2.close"], ["@rr2", "@rd2.read"],
         ["$settle", "rc1", "rc2", "cl", "rr2", "c2"], ["@rc2b", "@rd2.closed"], ["$same", "rc2", "rc2b"], ["@c2b", "@w2.closed"],
         ["$same", "c2", "c2b"]] for kind in STREAM_KINDS],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@c", "@w.close"], ["@a", "@w.abort", new("Error", "why")], ["@cd", "@w.closed"],
     "@w.desiredSize", ["@r", "@w.ready"], ["$settle", "x1", "c", "a", "cd", "r"], "@w.desiredSize", ["@x2", "@w.write", X("02")],
     ["@c2", "@w.close"], ["@a2", "@w.abort", new("Error", "again")], ["$settle", "x2", "c2", "a2"], ["@rd", "readable.getReader"],
     ["@rc", "@rd.closed"], ["@rr", "@rd.read"], ["$settle", "x1", "c", "a", "cd", "rr", "rc", "c2", "a2"], "@w.desiredSize"],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@x2", "@w.write", X("02")], ["@c", "@w.close"], ["@a", "@w.abort", new("Error", "why")],
     ["$settle", "x1", "x2", "c", "a"], "@w.desiredSize", ["@rd", "readable.getReader"], ["@rr", "@rd.read"],
     ["$settle", "x1", "x2", "c", "a", "rr"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@x1", "@w.write", X("01")], ["@c", "@w.close"],
     ["@a", "@w.abort", new("Error", "why")], "@w.desiredSize", ["$settle", "x1", "c", "a"], "@w.desiredSize"],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"], ["@c", "@w.close"],
     ["@a", "@w.abort", new("Error", "why")], ["$settle", "c", "a"], "@w.desiredSize"],
    *[["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"], *writes,
       ["@a", "@w.abort", new("Error", "why")], ["@cd", "@w.closed"], ["$settle", "x1", "a", "cd"],
       ["@k", "readable.cancel", new("Error", "gone")], ["$settle", "x1", *[w[0][1:] for w in writes[1:]], "a", "k", "cd"],
       "@w.desiredSize", ["@x3", "@w.write", X("03")], ["$settle", "x3"]]
      for writes in ([["@x1", "@w.write", X("01")], ["@x2", "@w.write", X("02")]],
                     [["@x1", "@w.write", X("01")], ["@c", "@w.close"]],
                     [["@x1", "@w.write", X("01")], ["@x2", "@w.write", X("02")], ["@c", "@w.close"]])],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x", "@w.write", X("01")], ["@x2", "@w.write", X("02")], ["@rd", "readable.getReader"], ["@rr", "@rd.read"],
     ["@rr1", "@rd.read"], ["@rl", "@rd.releaseLock"], ["$settle", "rr", "rr1", "x", "x2"],
     ["@rd2", "readable.getReader"], ["@rr2", "@rd2.read"], ["@rr3", "@rd2.read"], ["$settle", "rr2", "rr3", "x2"],
     "@w.desiredSize"],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x", "@w.write", X("01")], ["@rd", "readable.getReader"], ["@rr", "@rd.read"],
     ["@k", "@rd.cancel", new("Error", "c")], ["$settle", "rr", "x", "k"]],
    # a read of a write in flight, then in its turn: the writer's abort (the transform meets the erroring
    # stream), desiredSize (the write still counts), the reader's release (the chunk waits for the next
    # reader, read at once), a close; the writer's release with a second read of the write queued behind
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x", "@w.write", X("01")], ["@rd", "readable.getReader"], ["@rr", "@rd.read"],
     ["@a", "@w.abort", new("Error", "why")], ["$settle", "rr", "x", "a"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x", "@w.write", X("01")], ["@rd", "readable.getReader"], ["@rr", "@rd.read"], "@w.desiredSize",
     ["$settle", "rr", "x"], "@w.desiredSize"],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x", "@w.write", X("01")], ["@rd", "readable.getReader"], ["@rr", "@rd.read"], ["@rl", "@rd.releaseLock"],
     ["$settle", "rr", "x"], ["@rd2", "readable.getReader"], ["@rr2", "@rd2.read"], ["@rl2", "@rd2.releaseLock"],
     ["$settle", "rr2"], ["@rd3", "readable.getReader"], ["@rr3", "@rd3.read"], ["$settle", "rr3"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x", "@w.write", X("01")], ["@rd", "readable.getReader"], ["@rr", "@rd.read"], ["@c", "@w.close"],
     ["$settle", "rr", "x", "c"]],
    {"call": ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
              ["@x", "@w.write", X("01")], ["@x2", "@w.write", X("02")], ["@rd", "readable.getReader"], ["@rr", "@rd.read"],
              ["@rr1", "@rd.read"], ["@rl", "@w.releaseLock"], ["$settle", "rr", "rr1", "x", "x2"]],
     "expected": "a TransformStream's second read, made with the first in the turn, takes the chunk of the write queued "
                 "behind the one in flight at once here, so the writer's releaseLock() in that turn finds it taken; in "
                 "workerd that write is still queued, the release fails it and the read waits"},
    # the same in one turn: a write woken by the close() queued behind it still fails as the waiting ones; a close
    # after the abort rejects with its reason; a ready rejected in place by an abort stays the same promise
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@c", "@w.close"], ["@k", "readable.cancel", new("Error", "gone")], ["$settle", "x1", "c", "k"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@c", "@w.close"], ["@a", "@w.abort", new("Error", "why")],
     ["@k", "readable.cancel", new("Error", "gone")], ["$settle", "x1", "c", "a", "k"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@x2", "@w.write", X("02")], ["@a", "@w.abort", new("Error", "why")],
     ["@k", "readable.cancel", new("Error", "gone")], ["$settle", "x1", "x2", "a", "k"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@a", "@w.abort", new("Error", "why")], ["@c", "@w.close"],
     ["@k", "readable.cancel", new("Error", "gone")], ["$settle", "x1", "a", "c", "k"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@r1", "@w.ready"], ["@a", "@w.abort", new("Error", "why")], ["@r2", "@w.ready"],
     ["$same", "r1", "r2"], ["$settle", "r1", "r2", "a"], ["@r3", "@w.ready"], ["$same", "r2", "r3"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["$settle", "r0"],
     ["@x1", "@w.write", X("01")], ["@r1", "@w.ready"], ["@rl", "@w.releaseLock"], ["@r2", "@w.ready"],
     ["$same", "r1", "r2"], ["$settle", "r1", "x1"], ["@r3", "@w.ready"], ["$same", "r2", "r3"]],
    ["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@r0", "@w.ready"], ["@x1", "@w.write", X("01")],
     ["@r1", "@w.ready"], ["$same", "r0", "r1"], ["$settle", "r0", "r1", "x1"], "@w.desiredSize", ["@r2", "@w.ready"],
     ["$same", "r1", "r2"], ["@x2", "@w.write", X("02")], ["@r3", "@w.ready"], ["$same", "r2", "r3"],
     ["$settle", "x2", "r3"], "@w.desiredSize", ["@rd", "readable.getReader"], ["@rr", "@rd.read"],
     ["$settle", "rr", "x1", "x2", "r3"], "@w.desiredSize"],
    # an internal stream's read of a chunk written waits for an I/O turn: a releaseLock() in its turn throws (also
    # with a close queued), a second read is refused, a reader's cancel rejects it (with or without a reason), as
    # it rejects a read waiting for a chunk; the writer's abort in its turn fails the write
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X("01")], ["@rd", "readable.getReader"],
       ["@rr", "@rd.read"], ["@rl", "@rd.releaseLock"], ["$settle", "rr", "x"], "readable.locked"]
      for kind in STREAM_KINDS[1:]],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X("01")], ["@rd", "readable.getReader"],
       ["@rr", "@rd.read"], ["@c", "@w.close"], ["@rl", "@rd.releaseLock"], ["$settle", "rr", "x", "c"]]
      for kind in STREAM_KINDS[1:]],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X("01")], ["@rd", "readable.getReader"],
       ["@rr", "@rd.read"], ["@rr2", "@rd.read"], ["$settle", "rr", "rr2", "x"]] for kind in STREAM_KINDS[1:]],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X("01")], ["@rd", "readable.getReader"],
       ["@rr", "@rd.read"], ["@k", "@rd.cancel", *reason], ["$settle", "rr", "x", "k"]]
      for kind in STREAM_KINDS[1:] for reason in ([new("Error", "c")], [])],
    *[["do", new(*kind), ["@rd", "readable.getReader"], ["@rr", "@rd.read"], ["@k", "@rd.cancel", *reason],
       ["$settle", "rr", "k"]] for kind in STREAM_KINDS[1:] for reason in (["r"], [])],
    *[["do", new(*kind), ["@rd", "readable.getReader"], ["@rr", "@rd.read"], ["@k", "@rd.cancel", new("Error", "c")],
       ["@cd", "@rd.closed"], ["$settle", "rr", "k", "cd"], ["@rr2", "@rd.read"], ["$settle", "rr2"]]
      for kind in STREAM_KINDS[1:]],
    # (the write a read took resolves an I/O turn later: an abort in a later turn leaves it resolved; one in the turn
    # of a read that took only a piece of a bigger write fails that write too)
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X("01")], ["@rd", "readable.getReader"],
       ["@rr", "@rd.read"], ["@a", "@w.abort", new("Error", "why")], ["$settle", "rr", "x", "a"]]
      for kind in STREAM_KINDS[1:]],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X("01")], ["@rd", "readable.getReader"],
       ["@rr", "@rd.read"], ["$settle", "rr"], ["@a", "@w.abort", new("Error", "why")], ["$settle", "rr", "x", "a"]]
      for kind in STREAM_KINDS[1:]],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X(pattern_hex(5000))],
       ["@rd", "readable.getReader"], ["@rr", "@rd.read"], ["@a", "@w.abort", new("Error", "why")],
       ["$settle", "rr", "x", "a"], ["@rr2", "@rd.read"], ["$settle", "rr2"]]
      for kind in (("IdentityTransformStream",), ("FixedLengthStream", 5000))],
    # a body's read likewise: cancel() in its turn rejects it, a second read is refused, a releaseLock() throws
    # (also for the read that meets the end)
    *[["do", new("Response", "abc"), ["@rd", "body.getReader"], ["@r1", "@rd.read"], ["@k", "@rd.cancel", *reason],
       ["$settle", "r1", "k"], "bodyUsed"] for reason in ([new("Error", "c")], [])],
    ["do", new("Response", "abc"), ["@rd", "body.getReader"], ["@r1", "@rd.read"], ["@r2", "@rd.read"],
     ["$settle", "r1", "r2"]],
    ["do", new("Response", "abc"), ["@rd", "body.getReader"], ["@r1", "@rd.read"], ["$settle", "r1"],
     ["@r2", "@rd.read"], ["@rl", "@rd.releaseLock"], ["$settle", "r2"], "body.locked"],
    ["do", new("Response", "abc"), ["@rd", "body.getReader"], ["@r1", "@rd.read"], ["@rl", "@rd.releaseLock"],
     ["$settle", "r1"], "body.locked", ["@r2", "@rd.read"], ["$settle", "r2"]],
    *[["do", new(*kind), ["@t", "readable.tee"], ["@t0", "@t.0"], ["@k", "@t0.cancel"], ["$settle", "k"],
       ["@resp", "$new", "Response", {"$kept": "t0"}], ["@t1", "@t.1"], ["@resp1", "$new", "Response", {"$kept": "t1"}]]
      for kind in STREAM_KINDS],
    ["do", new("Response", "abc"), ["@t", "body.tee"], ["@t0", "@t.0"], ["@k", "@t0.cancel"], ["$settle", "k"],
     ["@resp", "$new", "Response", {"$kept": "t0"}], ["@t1", "@t.1"], ["@resp1", "$new", "Response", {"$kept": "t1"}],
     ["@tx", "@resp1.text"], ["$settle", "tx"]],
    ["do", {"s": new("ReadableStream", {"start": {"$fn": True}})}, ["@t", "s.tee"], ["@t0", "@t.0"], ["@rd", "@t0.getReader"],
     ["@k", "@rd.cancel"], ["@rl", "@rd.releaseLock"], ["$settle", "k"], ["@resp", "$new", "Response", {"$kept": "t0"}]],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X("6c")], ["@c", "@w.close"],
         ["@d", "$new", "TransformStream"], ["@dw", "@d.writable"], ["@dr", "@d.readable"],
         ["@p", "readable.pipeTo", {"$kept": "dw"}, {"preventCancel": True}], ["@drd", "@dr.getReader"], ["@rr", "@drd.read"],
         ["@rr2", "@drd.read"], ["$settle", "p", "x", "c", "rr", "rr2"], "readable.locked", ["@rs", "readable"],
         ["@resp", "$new", "Response", {"$kept": "rs"}]] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@ac", "$new", "AbortController"], ["@sg", "@ac.signal"], ["@ab", "@ac.abort"],
       ["@d", "$new", "TransformStream"], ["@dw", "@d.writable"],
       ["@p", "readable.pipeTo", {"$kept": "dw"}, {"preventCancel": True, "signal": {"$kept": "sg"}}], ["$settle", "p"],
       "readable.locked", ["@rs", "readable"], ["@resp", "$new", "Response", {"$kept": "rs"}]] for kind in STREAM_KINDS],
    *[["do", new(*kind), ["@d", "$new", "TransformStream"], ["@dw", "@d.writable"], ["@dww", "@dw.getWriter"],
       ["@p", "readable.pipeTo", {"$kept": "dw"}], ["$settle", "p"], "readable.locked", ["@rs", "readable"],
       ["@resp", "$new", "Response", {"$kept": "rs"}]] for kind in STREAM_KINDS],
    # the reads of an internal stream (a body, an IdentityTransformStream's, a FixedLengthStream's): each a view
    # into a 4 KiB buffer of its own, at most that much of one write's chunk (the rest left for the next read,
    # that chunk's write resolving once its last piece is read); a body's bytes 4 KiB a read
    *[["do", new(kind, *init(n)), ["@rd", "body.getReader"], *reads("rd", n // 4096 + 2)]
      for kind, init in (("Response", lambda n: [pattern_text(n)]), ("Response", lambda n: [X(pattern_hex(n))]),
                         ("Request", lambda n: ["https://e.com", {"method": "POST", "body": pattern_text(n)}]))
      for n in (1, 4096, 4097, 10000)],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X(pattern_hex(n))], ["@c", "@w.close"],
       ["@rd", "readable.getReader"], *[step for i in range(n // 4096 + 2)
                                         for step in (["@r%d" % i, "@rd.read"], ["$settle", "x", "c", "r%d" % i])]]
      for kind in (("IdentityTransformStream",), ("FixedLengthStream", 10000), ("FixedLengthStream", 5000))
      for n in (4096, 4097, 10000)],
    # a read waiting when a big chunk is written takes its first 4 KiB; two writes are read apart
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@rd", "readable.getReader"], ["@r0", "@rd.read"],
       ["@x", "@w.write", X(pattern_hex(5000))], ["$settle", "x", "r0"], ["@r1", "@rd.read"], ["$settle", "x", "r1"],
       ["@y", "@w.write", X(pattern_hex(3000))], ["@z", "@w.write", X(pattern_hex(3000))], ["@r2", "@rd.read"],
       ["$settle", "y", "z", "r2"], ["@r3", "@rd.read"], ["$settle", "y", "z", "r3"]]
      for kind in (("IdentityTransformStream",), ("FixedLengthStream", 11000))],
    # values(), a pipe into a TransformStream, tee() and a Blob's stream of 10000 bytes
    ["do", new("Response", pattern_text(10000)), ["@it", "body.values"], *reads("it", 4, "next")],
    ["do", new("Response", pattern_text(10000)), ["@d", "$new", "TransformStream"], ["@dw", "@d.writable"],
     ["@dr", "@d.readable"], ["@p", "body.pipeTo", {"$kept": "dw"}], ["@drd", "@dr.getReader"], *reads("drd", 4)],
    ["do", new("Response", pattern_text(10000)), ["@t", "body.tee"], ["@t0", "@t.0"], ["@t1", "@t.1"],
     ["@a", "@t0.getReader"], ["@b", "@t1.getReader"], *reads("a", 1), *reads("b", 1), *reads("a", 3)],
    *[["do", new(*kind), ["@w", "writable.getWriter"], ["@x", "@w.write", X(pattern_hex(10000))], ["@c", "@w.close"],
       ["@t", "readable.tee"], ["@t0", "@t.0"], ["@a", "@t0.getReader"], *reads("a", 4), ["$settle", "x", "c"]]
      for kind in (("IdentityTransformStream",), ("FixedLengthStream", 10000))],
    ["do", new("Blob", [pattern_text(10000)]), ["@s", "stream"], ["@rd", "@s.getReader"], *reads("rd", 4)],
    # tee() of an internal stream a released reader read 4 KiB of: the branches give the rest (internal.c++
    # tee looks at no ``disturbed``)
    ["do", new("Response", pattern_text(10000)), ["@rd", "body.getReader"], *reads("rd", 1), ["@rl", "@rd.releaseLock"],
     ["@t", "body.tee"], ["@t0", "@t.0"], ["@a", "@t0.getReader"], *reads("a", 3), "bodyUsed"],
    ["do", new("IdentityTransformStream"), ["@w", "writable.getWriter"], ["@x", "@w.write", X(pattern_hex(10000))],
     ["@c", "@w.close"], ["@rd", "readable.getReader"], *reads("rd", 1), ["@rl", "@rd.releaseLock"],
     ["@t", "readable.tee"], ["@t0", "@t.0"], ["@a", "@t0.getReader"], *reads("a", 3), ["$settle", "x", "c"]],
    # a JavaScript TransformStream's read gives the chunk written itself: a view as it is (its offset and buffer)
    *[["do", new("TransformStream"), ["@w", "writable.getWriter"], ["@rd", "readable.getReader"], ["@r", "@rd.read"],
       ["@x", "@w.write", chunk], ["$settle", "r", "x"]]
      for chunk in (new("Uint8Array", B(BYTES8), 2, 3), B("0102"), new("DataView", B(BYTES8), 1, 2))],
    # a body made over an internal stream reads as that stream, over a JavaScript stream its chunks as enqueued
    ["do", new("IdentityTransformStream"), ["@w", "writable.getWriter"], ["@x", "@w.write", X(pattern_hex(5000))],
     ["@c", "@w.close"], ["@rs", "readable"], ["@resp", "$new", "Response", {"$kept": "rs"}], ["@rd", "@resp.body.getReader"],
     *reads("rd", 3), ["$settle", "x", "c"]],
    ["do", {"s": new("ReadableStream", {"start": {"$fn": True}})}, ["$calls.0.0.enqueue", new("Uint8Array", B(BYTES8), 2, 3)],
     ["$calls.0.0.close"], ["@rs", "s"], ["@resp", "$new", "Response", {"$kept": "rs"}], ["@rd", "@resp.body.getReader"],
     *reads("rd", 2)],
    # a BYOB reader's read fills the buffer given (at most its size, 8192 bytes too), giving a Uint8Array of it
    # (its buffer detached and taken); at the end a zero-length one at its start, done
    *[["do", new("Response", pattern_text(n)), ["@rd", "body.getReader", {"mode": "byob"}],
       *[step for i in range(3) for step in (["@r%d" % i, "@rd.read", new("Uint8Array", size)], ["$settle", "r%d" % i])]]
      for n, size in ((10, 4), (10, 16), (5000, 8192))],
    # (its view's buffer transferred, the view detached; a Uint8Array whatever the view; the default reader's rules)
    *[["do", new("Response", "abcdefghij"), ["@rd", "body.getReader", {"mode": "byob"}], *steps]
      for steps in (
          [["@v", "$new", "Uint8Array", 4], ["@r0", "@rd.read", {"$kept": "v"}], ["$settle", "r0"], "@v.byteLength",
           "@v.buffer.byteLength", "bodyUsed", "body.locked"],
          [["@r0", "@rd.read"], ["$settle", "r0"]],
          [["@r0", "@rd.read", new("Uint8Array", 0)], ["$settle", "r0"]],
          [["@r0", "@rd.read", "x"], ["$settle", "r0"]],
          [["@r0", "@rd.read", B("0000")], ["$settle", "r0"]],
          [["@r0", "@rd.read", new("Uint16Array", 2)], ["$settle", "r0"], ["@r1", "@rd.read", new("Uint16Array", 4)],
           ["$settle", "r1"], ["@r2", "@rd.read", new("Uint16Array", 4)], ["$settle", "r2"]],
          [["@r0", "@rd.read", new("DataView", B("00000000"), 1, 2)], ["$settle", "r0"]],
          [["@r0", "@rd.read", new("Uint8Array", B("0000000000"), 1, 3)], ["$settle", "r0"]],
          [["@r0", "@rd.read", new("Uint8Array", 16)], ["@r1", "@rd.read", new("Uint8Array", 16)], ["$settle", "r0", "r1"]],
          [["@r0", "@rd.read", new("Uint8Array", 4)], ["@rl", "@rd.releaseLock"], ["$settle", "r0"], "body.locked"],
          [["@r0", "@rd.read", new("Uint8Array", 4)], ["$settle", "r0"], ["@rl", "@rd.releaseLock"], "body.locked",
           ["@rd2", "body.getReader"], ["@r1", "@rd2.read"], ["$settle", "r1"]],
          [["@cd", "@rd.closed"], ["@r0", "@rd.read", new("Uint8Array", 16)], ["$settle", "r0", "cd"],
           ["@r1", "@rd.read", new("Uint8Array", 16)], ["$settle", "r1", "cd"]],
          [["@k", "@rd.cancel", "why"], ["@r0", "@rd.read", new("Uint8Array", 4)], ["$settle", "k", "r0"], "bodyUsed"],
          [["@r0", "@rd.read", new("Uint8Array", 4)], ["@k", "@rd.cancel", "why"], ["$settle", "r0", "k"]],
          [["@r0", "@rd.read", new("Uint8Array", 4), {"min": 2}], ["$settle", "r0"]],
          ["body.locked", ["@t", "text"], ["$settle", "t"]],
      )],
    ["do", new("Response", pattern_text(10000)), ["@rd", "body.getReader", {"mode": "byob"}],
     *[step for i in range(3) for step in (["@r%d" % i, "@rd.read", new("Uint8Array", 6000)], ["$settle", "r%d" % i])]],
    # a body read while a reader of its own holds the stream, nothing read: refused as locked
    *[["do", body, ["@rd", "body.getReader"], ["@t", "text"], ["$settle", "t"], "bodyUsed"]
      for body in (new("Response", "abc"), new("Request", "https://e.com", {"method": "POST", "body": "abc"}))],
    ["do", new("Response", "abc"), ["@rd", "body.getReader"], ["@rl", "@rd.releaseLock"], ["@t", "text"], ["$settle", "t"]],
    # a JavaScript stream of values has none; an internal stream's or a byte stream's is not emulated
    ["do", new("TransformStream"), ["@rd", "readable.getReader", {"mode": "byob"}]],
    ["do", new("ReadableStream"), ["@rd", "getReader", {"mode": "byob"}]],
    *[{"call": ["do", new(*kind), ["@rd", "readable.getReader", {"mode": "byob"}]],
       "expected": "a BYOB reader of an IdentityTransformStream's or FixedLengthStream's readable is not emulated: "
                   "workers-env raises NotEmulatedError (a body's is emulated)"} for kind in STREAM_KINDS[1:]],
    ["do", new("Blob", ["abc"]), ["@s", "stream"], ["@rd", "@s.getReader", {"mode": "byob"}],
     ["@r0", "@rd.read", new("Uint8Array", 8)], ["$settle", "r0"]],
    ["do", new("Request", "https://e.com", {"method": "POST", "body": "abc"}), ["@rd", "body.getReader", {"mode": "byob"}],
     ["@r0", "@rd.read", new("Uint8Array", 8)], ["$settle", "r0"]],
    # Request.fetcher (http.h): null for a Request made without one, from another or cloned
    ["do", new("Request", "https://e.com/"), "fetcher", ["clone"]],
    ["do", {"r": new("Request", new("Request", "https://e.com/"), {"fetcher": NULL})}, "r.fetcher"],
    # Object.keys/values/entries (Pyodide's object_keys & co.) of objects owning no enumerable property
    *[["call", f"Object.{how}", value] for how in ("keys", "values", "entries")
      for value in (new("Date", 0), {"$get": "console"}, new("Error", "x"), new("TypeError", "x"),
                    {"$get": "crypto"}, {"$get": "JSON"}, {"$get": "crypto.subtle"})],
    # performance (now() is Date.now(): compared as such), scheduler.wait, structuredClone, DOMException,
    # escape/unescape
    ["get", "performance.timeOrigin"], ["call", "performance.toJSON"], ["call", "JSON.stringify", {"$get": "performance"}],
    ["call", "scheduler.wait", 5], ["call", "scheduler.wait"], ["call", "scheduler.wait", "x"],
    ["call", "scheduler.wait", 5, {"signal": {"$call": ["AbortSignal.abort"]}}],
    ["call", "scheduler.wait", 5000, {"signal": {"$call": ["AbortSignal.timeout", 10]}}],
    # kept unawaited: a Promise as every method's, the refused one rejected (not thrown) at the call
    ["do", {"$get": "scheduler"}, ["@w", "wait", 5], ["@x", "wait"], ["@y", "wait", 5, {"signal": 1}],
     ["$settle", "w", "x", "y"]],
    *[["call", "scheduler.wait", 1, {"signal": value}] for value in ("x", {}, NULL, UNDEF, new("AbortController"))],
    ["call", "scheduler.wait", 1, 5], ["call", "scheduler.wait", 1, NULL], ["call", "scheduler.wait", 1, "x"],
    *[["call", "structuredClone", value] for value in (
        "x", 5, NULL, UNDEF, NAN, big(7), [1, "a", [2]], {"a": {"b": [1, NULL]}}, X("010203"),
        B("0102"), new("Error", "m"), new("TypeError", "m"), new("DOMException", "m", "AbortError"),
        new("Map", [[1, "a"]]), new("Set", [1, 2]), new("DataView", B(BYTES8), 1, 2),
        new("URL", "https://e.com/"), new("URLSearchParams", "a=1"), new("TextEncoder"), new("FormData"),
        new("AbortController"), new("TransformStream"), new("Response", "x"), {"$call": ["AbortSignal.abort"]},
        {"$get": "fetch"}, {"$call": ["Symbol", "x"]}, {"$get": "crypto"}, {"$get": "Math"}, {"$get": "JSON"},
        {"$get": "console"}, {"$get": "caches"}, new("TextDecoder"), {"$call": ["Promise.resolve", 1]},
        new("ReadableStream"))],
    ["call", "structuredClone", new("Headers")],
    ["do", {"$call": ["structuredClone", new("Headers", [["a", "1"], ["B", "2"], ["a", "3"], ["set-cookie", "x"],
                                                        ["set-cookie", "y"]])]},
     ["append", "c", "4"], ["get", "a"], ["getSetCookie"], ["has", "b"], ["get", "c"]],
    ["call", "structuredClone", new("Headers", [[f"x{i}", "v"] for i in range(1025)])],
    ["do", {"$call": ["structuredClone", new("Headers", [["x", "v"]] * 1024)]}, ["get", "x"]],
    ["do", {"$call": ["structuredClone", new("Blob", ["ab", "c"], {"type": "Text/Plain"})]}, "type", "size"],
    ["call", "structuredClone", new("File", ["xyz"], "n.txt", {"type": "text/plain", "lastModified": 5})],
    ["call", "structuredClone", new("Request", "https://e.com/p", {"method": "POST", "body": "hi"})],
    ["do", {"$call": ["structuredClone", new("Request", "https://e.com/p", {"headers": {"a": "1"}})]}, "method", "url"],
    # a Request or Response without a body: its init dictionary serialized and constructed again (http.c++)
    *[["do", {"$call": ["structuredClone", new("Request", "https://e.com/p", init)]}, "method", "url", "redirect",
       "cache", "cf", ["headers.entries"], "bodyUsed", "body", "signal.aborted", "integrity", "keepalive", "fetcher"]
      for init in ({"method": "delete", "headers": {"a": "1", "B": "2"}, "redirect": "manual",
                    "cf": {"cacheTtl": 5, "x": [1, {"y": NULL}]}, "cache": "no-store", "encodeResponseBody": "manual"},
                   {"method": "HEAD"}, {"cf": {"d": new("Date", 5)}})],
    ["do", {"$call": ["structuredClone", new("Request", "https://e.com/p", {"encodeResponseBody": "manual"})]},
     ["headers.set", "x", "1"], ["headers.get", "x"]],
    ["call", "structuredClone", new("Request", "https://e.com/p", {"signal": {"$call": ["AbortSignal.timeout", 10000]}})],
    ["call", "structuredClone", new("Request", "https://e.com/p", {"signal": {"$call": ["AbortSignal.abort"]}})],
    ["call", "structuredClone", new("Request", "https://e.com/p", {"cf": {"f": {"$fn": True}}})],
    ["call", "structuredClone", [new("Request", "https://e.com/a"), new("Response", NULL, {"status": 404})]],
    *[["do", {"$call": ["structuredClone", response]}, "status", "statusText", "ok", "type", "url", "redirected", "cf",
       ["headers.entries"], "bodyUsed", "body"]
      for response in (new("Response", NULL, {"status": 204, "statusText": "Nothing", "headers": {"a": "1"},
                                             "cf": {"k": [1, 2]}, "encodeBody": "manual"}),
                       new("Response"), new("Response", NULL, {"status": 200, "statusText": "OK"}),
                       new("Response", NULL, {"status": 404}), {"$call": ["Response.error"]},
                       {"$call": ["Response.redirect", "https://e.com/x", 301]})],
    ["do", {"$call": ["structuredClone", {"$call": ["Response.redirect", "https://e.com/x", 301]}]},
     ["headers.set", "x", "1"], ["headers.get", "x"]],
    ["do", {"$call": ["structuredClone", {"$call": ["Response.error"]}]}, ["headers.set", "x", "1"], ["headers.get", "x"]],
    ["do", {"$call": ["structuredClone", new("Response", NULL, {"headers": {"set-cookie": "a=1"}})]},
     ["headers.getSetCookie"]],
    ["call", "structuredClone", new("Response", NULL, {"cf": {"f": {"$fn": True}}})],
    ["do", {"$call": ["structuredClone", new("Date", 5)]}, ["getTime"]],
    {"call": ["call", "structuredClone", {"$fn": True}],
     "expected": "V8 names a function it cannot clone by its source: the Worker's own function here, a Python "
                 "function's PyProxy (function(){}) in workers-env, as real Pyodide 0.28.2 shows it"},
    ["call", "structuredClone"], ["call", "structuredClone", 1, {"transfer": 5}],
    ["call", "structuredClone", 1, {"transfer": []}],
    ["do", {"$call": ["structuredClone", new("Uint8Array", B(BYTES8), 2, 3)]}, "byteOffset", "buffer.byteLength"],
    *[["new", "DOMException", *args] for args in ([], ["m"], ["m", "TimeoutError"], ["m", "Foo"], [UNDEF, UNDEF],
                                                    [NULL, NULL], ["m", "DataCloneError"])],
    *[["do", new("DOMException", *args), "name", "message", "code"]
      for args in ([], ["m", "TimeoutError"], ["m", "Foo"], ["m", "InvalidCharacterError"])],
    ["get", "DOMException.ABORT_ERR"], ["get", "DOMException.DATA_CLONE_ERR"], ["call", "DOMException", "m"],
    ["do", {"$call": ["AbortSignal.abort"]}, "reason.code", "reason.name"],
    ["new", "Navigator"],
    *[["call", fn, *args] for fn in ("escape", "unescape")
      for args in ([], ["a b+\u00fc\u20ac\U0001F600/@*_-.%"], ["%u20AC%41%zz%%4"], [NULL], [5])],
]

#: a multipart body with two uploaded files (one not UTF-8) and a plain field, as a request's
MULTIPART = ("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n"
             "h\u00e9llo\r\n--b\r\nContent-Disposition: form-data; name=\"g\"; filename=\"b.bin\"\r\n\r\n").encode().hex() \
    + "ff00" + ("\r\n--b\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nplain\r\n--b--\r\n").encode().hex()
FORM_REQUEST = new("Request", "https://e.com/", {"method": "POST", "body": X(MULTIPART),
                                                 "headers": {"content-type": "multipart/form-data; boundary=b"}})
#: cases run at other compatibility dates and flags than :data:`COMPATIBILITY_DATE`'s: (date, flags, cases)
DATED_CASES = [
    # formdata_parser_supports_files (2021-11-03): before it (or with formdata_parser_converts_files_to_strings)
    # formData() gives an uploaded file as a string of its bytes; a File appended stays one
    *[(date, flags, [["do", FORM_REQUEST, ["formData"]],
                     ["do", FORM_REQUEST, ["@f", "formData"], ["$settle", "f"]],
                     ["do", new("FormData"), ["append", "x", new("File", ["y"], "y.txt")], ["get", "x"]]])
      for date, flags in (("2021-11-02", ()), ("2021-11-02", ("formdata_parser_supports_files",)),
                          ("2021-11-03", ()), (COMPATIBILITY_DATE, ("formdata_parser_converts_files_to_strings",)))],
]

WORKER_JS = r"""
const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
const unhex = (h) => Uint8Array.from(h.match(/../g) || [], (x) => parseInt(x, 16));
function resolve(root, path) {
  let parent, value = root;
  for (const k of path.split(".")) { parent = value; value = value[k]; }
  return [value, parent];
}
let CALLS = [];
function recorder() { return function recorded(...args) { CALLS.push(args); }; }
function decode(v) {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === "object") {
    if ("$fn" in v) return recorder();
    if ("$handler" in v) return { handleEvent: recorder() };
    if ("$hex" in v) return unhex(v.$hex);
    if ("$buf" in v) return unhex(v.$buf).buffer;
    if ("$null" in v) return null;
    if ("$undefined" in v) return undefined;
    if ("$num" in v) return Number(v.$num);
    if ("$bigint" in v) return BigInt(v.$bigint);
    if ("$new" in v) { const [name, ...args] = v.$new; return new (resolve(globalThis, name)[0])(...decode(args)); }
    if ("$call" in v) { const [path, ...args] = v.$call; const [f, self] = resolve(globalThis, path); return f.apply(self, decode(args)); }
    if ("$get" in v) return resolve(globalThis, v.$get)[0];
    if ("$kept" in v) return SLOTS[v.$kept].value;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}
async function shape(v) {
  if (v === undefined) return { $undefined: true };
  if (typeof v === "number") {
    if (Object.is(v, -0)) return { $num: "-0" };
    return Number.isFinite(v) ? v : { $num: String(v) };
  }
  if (typeof v === "bigint") return { $bigint: String(v) };
  if (typeof v === "function") return { $function: v.name };
  if (v === null || typeof v !== "object") return v;
  if (v instanceof ArrayBuffer) return { $type: "ArrayBuffer", byteLength: v.byteLength, hex: hex(new Uint8Array(v)) };
  if (v instanceof DataView)
    return { $type: "DataView", byteOffset: v.byteOffset, byteLength: v.byteLength, bufferByteLength: v.buffer.byteLength };
  if (ArrayBuffer.isView(v))
    return { $type: v.constructor.name, length: v.length, byteOffset: v.byteOffset, byteLength: v.byteLength,
             bufferByteLength: v.buffer.byteLength, values: await shape([...v]) };
  if (v instanceof URL)
    return { $type: "URL", href: v.href, origin: v.origin, protocol: v.protocol, username: v.username,
             password: v.password, host: v.host, hostname: v.hostname, port: v.port, pathname: v.pathname,
             search: v.search, hash: v.hash };
  if (v instanceof URLSearchParams) return { $type: "URLSearchParams", string: v.toString(), entries: [...v] };
  if (v instanceof Headers) return { $type: "Headers", entries: [...v] };
  if (v instanceof Response)
    return { $type: "Response", status: v.status, statusText: v.statusText, ok: v.ok, redirected: v.redirected,
             url: v.url, type: v.type, headers: [...v.headers].map(([k, x]) => [k, k === "date" ? "<date>" : x]),
             body: v.body === null ? null : await v.text() };
  if (v instanceof Request)
    return { $type: "Request", method: v.method, url: v.url, redirect: v.redirect, headers: [...v.headers],
             body: v.body === null ? null : await v.text() };
  if (v instanceof File)
    return { $type: "File", name: v.name, size: v.size, type: v.type, text: await v.text() };
  if (v instanceof Blob) return { $type: "Blob", size: v.size, type: v.type, text: await v.text() };
  if (v instanceof FormData) { const out = []; for (const [k, x] of v) out.push([k, await shape(x)]); return { $type: "FormData", entries: out }; }
  if (v instanceof TextEncoder) return { $type: "TextEncoder", encoding: v.encoding };
  if (v instanceof Error || v instanceof DOMException) return { $error: errorText(v) };
  if (v instanceof AbortSignal) return { $type: "AbortSignal", aborted: v.aborted, reason: await shape(v.reason) };
  if (v instanceof Event) return { $event: v.type };
  if (v instanceof Map) return { $type: "Map", entries: await shape([...v]) };
  if (v instanceof Set) return { $type: "Set", values: await shape([...v]) };
  if (v instanceof ReadableStream)
    return { $type: "ReadableStream", locked: v.locked, text: v.locked ? null : await new Response(v).text() };
  if (v instanceof AbortController) return { $type: "AbortController", signal: await shape(v.signal) };
  if (v instanceof TextDecoder) return { $type: "TextDecoder", encoding: v.encoding, fatal: v.fatal, ignoreBOM: v.ignoreBOM };
  if (v instanceof Number) return { $type: "Number", value: await shape(v.valueOf()) };
  if (Array.isArray(v)) { const out = []; for (const x of v) out.push(await shape(x)); return out; }
  if (typeof v.next === "function" && typeof v[Symbol.iterator] === "function") return shape([...v]);
  const out = {};
  for (const [k, x] of Object.entries(v)) out[k] = await shape(x);
  return out;
}
let SLOTS = {};
// an error as "<name>: <message>", a DOMException's (a number code) with " (code N)"
function errorText(e) { return `${e && e.name}: ${e && e.message}` + (typeof (e && e.code) === "number" ? ` (code ${e.code})` : ""); }
function reasonOf(e) { return e instanceof Error ? errorText(e) : { $thrown: e === undefined ? { $undefined: true } : e }; }
function keep(name, value) {  // a slot: the value, and (a promise) how it settled
  const slot = { value, outcome: "pending" };
  SLOTS[name] = slot;
  if (value && typeof value.then === "function")
    value.then(async (v) => { slot.outcome = { fulfilled: await shape(v) }; }, (e) => { slot.outcome = { rejected: reasonOf(e) }; });
}
function where(target, path) {  // "$calls.0.0.x": in the calls noted; "@slot.x": in a kept value
  if (path.startsWith("$calls.")) return resolve(CALLS, path.slice(7));
  if (path.startsWith("@")) { const [name, ...rest] = path.slice(1).split("."); const v = SLOTS[name].value;
    return rest.length ? resolve(v, rest.join(".")) : [v, undefined]; }
  return resolve(target, path);
}
async function run([op, ...args]) {
  if (op === "new") return shape(decode({ $new: args }));
  if (op === "call") return shape(await decode({ $call: args }));
  if (op === "get") return shape(resolve(globalThis, args[0])[0]);
  if (op === "do") {
    CALLS = [];
    SLOTS = {};
    const target = decode(args[0]);
    const results = [];
    for (const step of args.slice(1)) {
      if (step === "$calls") { results.push(await shape(CALLS)); continue; }
      if (typeof step === "string") { results.push(await shape(where(target, step)[0])); continue; }
      if (step[0] === "$same") { results.push(SLOTS[step[1]].value === SLOTS[step[2]].value); continue; }
      if (step[0] === "$settle") {  // a few ticks, then how each kept promise stands
        await new Promise((r) => setTimeout(r, 50));
        results.push(step.slice(1).map((n) => SLOTS[n].outcome));
        continue;
      }
      if (step[0].startsWith("@")) {  // ["@name", path, ...args]: the call (or value) kept, not awaited
        try {
          if (step[1] === "$new") { keep(step[0].slice(1), decode({ $new: step.slice(2) })); results.push("kept"); continue; }
          const [f, self] = where(target, step[1]);
          keep(step[0].slice(1), typeof f === "function" ? f.apply(self, decode(step.slice(2))) : f);
          results.push("kept");
        } catch (e) { SLOTS[step[0].slice(1)] = { value: undefined, outcome: { threw: reasonOf(e) } }; results.push({ threw: reasonOf(e) }); }
        continue;
      }
      const [path, ...stepArgs] = step;
      if (path.startsWith("=")) {
        const names = path.slice(1).split(".");
        const last = names.pop();
        const owner = names.length ? resolve(target, names.join("."))[0] : target;
        owner[last] = decode(stepArgs[0]);
        results.push({ $undefined: true });
        continue;
      }
      const [f, self] = where(target, path);
      results.push(await shape(await f.apply(self, decode(stepArgs))));
    }
    return results;
  }
  throw new Error(`unknown operation ${op}`);
}
export default {
  async fetch(request) {
    if (request.method !== "POST") return new Response("ready");
    const results = [];
    for (const call of await request.json()) {
      try {
        results.push({ ok: await run(call) });
      } catch (e) {
        results.push({ error: errorText(e) });
      }
    }
    return Response.json(results);
  },
};
"""


# --- workers-env ---------------------------------------------------------------------------

def _attr(obj, name: str):
    """``obj.name`` as Pyodide reads it (``from_`` for ``from``)."""
    try:
        return getattr(obj, name)
    except AttributeError:
        if hasattr(obj, name + "_"):
            return getattr(obj, name + "_")
        raise


def _resolve(root, path: str):
    value = root
    for name in path.split("."):
        # a list, or a JS array (``tee()``'s branches): indexed, as JavaScript's ``a.0`` path reads ``a[0]``
        indexed = name.isdigit() and (isinstance(value, list) or own_class(value) == "JsArray")
        value = value[int(name)] if indexed else _attr(value, name)
    return value


_SLOTS: dict = {}


def _error_text(exc: JsException) -> str:
    """An error as the Worker writes it: ``<name>: <message>``, a DOMException's (a number
    ``code``) with `` (code N)``."""
    code = getattr(exc, "code", None)
    return f"{exc.name}: {exc.message}" + (f" (code {code})" if isinstance(code, int) else "")


def _reason_of(exc) -> object:
    """A rejection as the Worker reports it: ``<name>: <message>`` of an Error."""
    if isinstance(exc, JsException):
        return _error_text(exc)
    return f"(Python) {type(exc).__name__}: {exc}"


async def _keep(name: str, value) -> None:
    """A slot: the value, and (an awaitable) how it settled; its work begun at once up to its first
    suspension, as a JavaScript call's is (and as Worker code's call is, webloop.unawaited)."""
    if inspect.iscoroutine(value):
        value = unawaited(value)
    slot = {"value": value, "outcome": "pending"}
    _SLOTS[name] = slot
    if inspect.isawaitable(value):
        async def settle():
            try:
                result = await value
            except Exception as exc:  # noqa: BLE001 - each rejection is reported
                slot["outcome"] = {"rejected": _reason_of(exc)}
            else:
                slot["outcome"] = {"fulfilled": await _py_shape(result)}
        slot["task"] = asyncio.ensure_future(settle())


def _where(target, path: str):
    """``$calls.0.0.x``: in the calls noted; ``@slot.x``: in a kept value; else in the target."""
    if path.startswith("$calls."):
        return _resolve(_CALLS, path[len("$calls."):])
    if path.startswith("@"):
        name, *rest = path[1:].split(".")
        value = _SLOTS[name]["value"]
        return _resolve(value, ".".join(rest)) if rest else value
    return _resolve(target, path)


_CALLS: list = []


def _recorder():
    """A Python function that notes its calls, as a Worker's callback would be passed."""
    def recorded(*args):
        _CALLS.append(list(args))
    return recorded


def _py_value(v):
    """A case value as the Python object Worker code would pass (``to_js`` for lists and dicts)."""
    if isinstance(v, dict):
        if "$fn" in v:
            return _recorder()
        if "$handler" in v:  # a Python object with a handleEvent method (a PyProxy under Pyodide)
            return types.SimpleNamespace(handleEvent=_recorder())
        if "$hex" in v:
            return to_js(bytes.fromhex(v["$hex"]))
        if "$buf" in v:
            return to_js(bytes.fromhex(v["$buf"])).buffer
        if "$null" in v:
            return jsnull
        if "$undefined" in v:
            return None
        if "$num" in v:
            return float(v["$num"])
        if "$bigint" in v:
            return BigInt(int(v["$bigint"]))
        if "$new" in v:
            name, *args = v["$new"]
            return _resolve(js, name).new(*[_py_value(a) for a in args])
        if "$call" in v:
            path, *args = v["$call"]
            return _resolve(js, path)(*[_py_value(a) for a in args])
        if "$get" in v:
            return _resolve(js, v["$get"])
        if "$kept" in v:
            return _SLOTS[v["$kept"]]["value"]
        return to_js({k: _py_value(x) for k, x in v.items()}, dict_converter=js.Object.fromEntries)
    if isinstance(v, list):
        return to_js([_py_value(x) for x in v], dict_converter=js.Object.fromEntries)
    return v


def _get(obj, name: str):
    try:
        return _attr(obj, name)
    except AttributeError:
        return {"$missing": name}


async def _py_shape(v):  # one branch a JavaScript type, as in shape() in WORKER_JS
    kind = own_class(v)  # workers-env's own class (every JS value's type reads as JsProxy, as in Pyodide)
    if isinstance(v, dict) and "$missing" in v:
        return v
    if v is None:
        return {"$undefined": True}
    if v is jsnull:
        return None
    if isinstance(v, (bool, str)):
        return v
    if isinstance(v, BigInt) or (isinstance(v, int) and abs(v) >= 2**53):
        return {"$bigint": str(int(v))}  # Pyodide: a BigInt reaches Python as an int
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        if v == 0 and math.copysign(1, v) < 0:
            return {"$num": "-0"}
        if not math.isfinite(v):
            return {"$num": "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")}
        return int(v) if v.is_integer() and abs(v) < 2**53 else v
    if kind == "JsBuffer":
        return {"$type": "ArrayBuffer", "byteLength": v.byteLength, "hex": v.to_bytes().hex()}
    if kind == "JsDataView":
        return {"$type": "DataView", "byteOffset": v.byteOffset, "byteLength": v.byteLength,
                "bufferByteLength": v.buffer.byteLength}
    if kind == "JsTypedArray":
        return {"$type": v.constructor.name, "length": v.length, "byteOffset": v.byteOffset, "byteLength": v.byteLength,
                "bufferByteLength": v.buffer.byteLength, "values": [await _py_shape(x) for x in v.numbers()]}
    if kind == "JsURL":
        return {"$type": "URL", **{k: await _py_shape(_get(v, k)) for k in (
            "href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search",
            "hash")}}
    if kind == "JsURLSearchParams":
        return {"$type": "URLSearchParams", "string": v.toString(), "entries": await _py_shape(list(v.entries()))}
    if kind == "JsHeaders":
        return {"$type": "Headers", "entries": await _py_shape(list(v.entries()))}
    if kind in ("JsResponse", "JsRequest"):
        keys = (("status", "statusText", "ok", "redirected", "url", "type") if kind == "JsResponse"
                else ("method", "url", "redirect"))
        out = {"$type": kind[2:], **{k: await _py_shape(_get(v, k)) for k in keys}}
        out["headers"] = [[k, "<date>" if k == "date" else x] for k, x in await _py_shape(list(v.headers.entries()))]
        out["body"] = None if v.body is None or v.body is jsnull else await v.text()  # (jsnull: JavaScript null, from Pyodide 0.28)
        return out
    if kind == "JsFile":
        return {"$type": "File", "name": v.name, "size": v.size, "type": v.type, "text": await v.text()}
    if kind == "JsBlob":
        return {"$type": "Blob", "size": v.size, "type": v.type, "text": await v.text()}
    if kind == "JsFormData":
        return {"$type": "FormData", "entries": [[k, await _py_shape(x)] for k, x in (list(p) for p in v.entries())]}
    if kind == "TextEncoder":
        return {"$type": "TextEncoder", "encoding": _get(v, "encoding")}
    if isinstance(v, JsException):
        return {"$error": _error_text(v)}
    if kind == "JsAbortSignal":
        return {"$type": "AbortSignal", "aborted": v.aborted, "reason": await _py_shape(v.reason)}
    if kind == "JsAbortController":
        return {"$type": "AbortController", "signal": await _py_shape(v.signal)}
    if kind == "JsMap":
        return {"$type": "Map", "entries": await _py_shape([list(pair) for pair in v.entries()])}
    if kind == "JsSet":
        return {"$type": "Set", "values": await _py_shape(list(v))}
    if getattr(type(v), "_js_name", None) == "Event":
        return {"$event": v.type}
    if isinstance(v, JsReadableStream):
        return {"$type": "ReadableStream", "locked": v.locked,
                "text": None if v.locked else await js.Response.new(v).text()}
    if kind == "ReadableStreamAsyncIterator":
        return {}  # values()'s iterator: no own properties, as JSON shows workerd's
    if kind == "TextDecoder":
        return {"$type": "TextDecoder", **{k: await _py_shape(_get(v, k)) for k in ("encoding", "fatal", "ignoreBOM")}}
    if kind == "JsNumberObject":
        return {"$type": "Number", "value": await _py_shape(v.valueOf())}
    if kind == "JsObject":
        return {k: await _py_shape(x) for k, x in v.as_object_map().items()}
    if kind == "JsArray" or isinstance(v, (list, tuple)):
        return [await _py_shape(x) for x in v]
    if hasattr(v, "__next__"):
        return [await _py_shape(x) for x in v]
    if isinstance(v, dict):
        return {k: await _py_shape(x) for k, x in v.items()}
    if callable(v) and isinstance(getattr(v, "name", None), str):  # a JS function (console's methods)
        return {"$function": v.name}
    return {"$python": f"{kind}: {v!r}"}


async def _py_run(op, args):
    if op == "new":
        return await _py_shape(_py_value({"$new": args}))
    if op == "call":
        result = _py_value({"$call": args})
        return await _py_shape(await result if inspect.isawaitable(result) else result)
    if op == "get":
        return await _py_shape(_resolve(js, args[0]))
    if op == "do":
        _CALLS.clear()
        _SLOTS.clear()
        target = _py_value(args[0])
        results = []
        for step in args[1:]:
            if step == "$calls":
                results.append(await _py_shape(_CALLS))
                continue
            if isinstance(step, str):  # a property missing here reads as {"$missing": name}
                *parents, name = step.split(".")
                results.append(await _py_shape(_get(_where(target, ".".join(parents)) if parents else target, name)))
                continue
            if step[0] == "$same":
                results.append(_SLOTS[step[1]]["value"] is _SLOTS[step[2]]["value"])
                continue
            if step[0] == "$settle":
                await asyncio.sleep(0.05)
                results.append([_SLOTS[n]["outcome"] for n in step[1:]])
                continue
            if step[0].startswith("@"):
                try:
                    value = _py_value({"$new": step[2:]}) if step[1] == "$new" else _where(target, step[1])
                    if step[1] != "$new" and callable(value) and not inspect.isawaitable(value):
                        value = value(*[_py_value(a) for a in step[2:]])
                except JsException as exc:
                    _SLOTS[step[0][1:]] = {"value": None, "outcome": {"threw": _reason_of(exc)}}
                    results.append({"threw": _reason_of(exc)})
                    continue
                await _keep(step[0][1:], value)
                results.append("kept")
                continue
            path, *step_args = step
            if path.startswith("="):
                *owner, name = path[1:].split(".")
                setattr(_resolve(target, ".".join(owner)) if owner else target, name, _py_value(step_args[0]))
                results.append({"$undefined": True})
                continue
            result = _where(target, path)(*[_py_value(a) for a in step_args])
            if inspect.isawaitable(result):
                result = await result
            results.append(await _py_shape(result))
        return results
    raise ValueError(f"unknown operation {op}")


async def _py_case(call):
    try:
        return {"ok": await _py_run(call[0], call[1:])}
    except JsException as exc:
        return {"error": _error_text(exc)}
    except Exception as exc:  # noqa: BLE001 - a Python exception where JavaScript has none is a difference
        return {"error": f"(Python) {type(exc).__name__}: {exc}"}


def ours(calls, date: str | None = None, flags: tuple[str, ...] = ()):
    """Each case's result here; with ``date``, as Worker code of that compatibility date and
    those flags runs it (handling a request: their workerd flags, as a Worker loaded so has them)."""
    if date is None:
        return [asyncio.run(_py_case(call)) for call in calls]
    from workers_env.config.compat import workerd_flag_values
    from workers_env.runtime.current import WorkerRuntime, acting_for, set_current

    dated = WorkerRuntime(js_env=None, era=None, compat_flags=workerd_flag_values(
        types.SimpleNamespace(compatibility_date=date, compatibility_flags=list(flags))))

    async def case(call):
        set_current(dated)
        with acting_for(types.SimpleNamespace()):
            return await _py_case(call)

    return [asyncio.run(case(call)) for call in calls]


def label(value) -> str:
    """A case, short: long byte strings by their length."""
    def short(v):
        if isinstance(v, dict) and ("$hex" in v or "$buf" in v):
            h = v.get("$hex", v.get("$buf"))
            return v if len(h) <= 16 else {next(iter(v)): f"<{len(h) // 2} bytes>"}
        if isinstance(v, dict):
            return {k: short(x) for k, x in v.items()}
        if isinstance(v, list):
            return [short(x) for x in v]
        return v
    return json.dumps(short(value), ensure_ascii=False)


def canonical(value):
    """A result as Python code under Pyodide would see it: a JavaScript number that is a safe
    integer (``-0`` among them) and a BigInt both reach Python as an ``int`` (so ``1n`` and ``1``,
    ``-0`` and ``0`` cannot be told apart there); other numbers as floats."""
    if isinstance(value, dict):
        if value.keys() == {"$num"} and value["$num"] == "-0":
            return 0
        if value.keys() == {"$bigint"}:
            whole = int(value["$bigint"])
            return whole if abs(whole) < 2**53 else value
        return {k: canonical(x) for k, x in value.items()}
    if isinstance(value, list):
        return [canonical(x) for x in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 2**53:
        return float(value)
    return value


def main(argv: list[str]) -> int:
    sys.stdout.reconfigure(errors="backslashreplace")  # lone surrogates in cases print escaped
    only = argv[argv.index("--only") + 1] if "--only" in argv else None  # the cases whose label holds it
    groups = [(COMPATIBILITY_DATE, (), CASES), *DATED_CASES]
    cases, a, b = [], [], []
    for date, flags, group in groups:
        shown = group if group is CASES else [["at", date, list(flags), case] for case in group]  # (labelled so)
        chosen = [(case, c) for case, c in zip(group, shown, strict=True)
                  if only is None or only in label(c["call"] if isinstance(c, dict) else c)]
        if not chosen:
            continue
        calls = [case["call"] if isinstance(case, dict) else case for case, _ in chosen]
        a += run_under_wrangler_dev(WORKER_JS, "jsapi-diff", date, calls, compatibility_flags=flags)
        b += ours(calls, None if group is CASES else date, flags)
        cases += [c for _, c in chosen]
    if "--dump" in argv:  # every case's two results in full, as JSON lines
        with open(argv[argv.index("--dump") + 1], "w", encoding="utf-8", errors="backslashreplace") as out:
            for case, x, y in zip(cases, a, b, strict=True):
                call = case["call"] if isinstance(case, dict) else case
                out.write(json.dumps({"case": call, "workerd": x, "workers-env": y}) + "\n")
    return report(cases, a, b, label=label, normalise=canonical, width=900, show_all="--all" in argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
