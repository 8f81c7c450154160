"""KV arguments are read as workerd's JSG reads them, each case measured on Miniflare's KV
binding inside workerd (``tools/wrangler/kv_differential.py``, wrangler 4.164.0):

- a string argument is V8's ``ToString`` of any value (jsg/value.h ``StringWrapper``): an object
  is the key ``"[object Object]"``, an array its ``join``, a ``bytes`` key (a ``Uint8Array``) its
  numbers joined -- one key, since only a JS Array is a bulk ``get``;
- an options argument that is an array is an object with no options; a string there is refused
  naming JSG's C++ struct (``ListOptions``, ``PutOptions``);
- a missing argument is ``undefined``, refused with the type JSG wanted (``get()``:
  ``string or Array``; ``getWithMetadata()``: ``Array or string``; ``put(key)``: ``string or Object``);
- an int option is ``ToNumber``: an int past 2**53 (a BigInt once Pyodide sends it) is V8's
  ``TypeError``, strings follow JavaScript's grammar (``"1_000"`` and other scripts' digits are
  NaN, so 0), an array is its ``join`` -- one that holds itself joins as ``""``, never a
  Python ``RecursionError`` or ``OverflowError``.

A refused call writes nothing.
"""

from __future__ import annotations

import json

import pytest
from kv_helpers import KV_TOML, error_of, run
from worker_helpers import one_file_worker

from workers_env import ManualClock, load_env, load_worker

NOW = 1_800_000_000


@pytest.fixture
def kv(project):
    return load_env(project(KV_TOML), clock=ManualClock(NOW)).KV


def names(kv) -> list[str]:
    return [k["name"] for k in run(kv.list())["keys"]]


def test_objects_and_arrays_as_keys_are_their_javascript_strings(kv):
    run(kv.put({"k": 1}, "object"))
    run(kv.put(["a", "b"], "array"))
    run(kv.put(b"k", "bytes"))
    assert names(kv) == ["107", "[object Object]", "a,b"]
    assert run(kv.get({"other": 2})) == "object"
    assert run(kv.get([["a", "b"]])) == {"a,b": "array"}  # an array of keys: each item its string
    assert run(kv.get(b"k")) == "bytes"  # a Uint8Array is one key, not a bulk get
    run(kv.delete({"k": 1}))
    assert names(kv) == ["107", "a,b"]


def test_an_array_of_options_is_an_object_without_options(kv):
    run(kv.put("n", "42", ["x"]))
    assert run(kv.get("n", ["arrayBuffer"])) == "42"  # read as {}: text, not "arrayBuffer"
    assert [k["name"] for k in run(kv.list(["x"]))["keys"]] == ["n"]
    assert run(kv.get("n", {"type": ["text"]})) == "42"  # a string option: the array's join
    assert error_of(kv.list("abc")) == "TypeError: Failed to execute 'list' on 'KvNamespace': parameter 1 is not of type 'ListOptions'."
    assert error_of(kv.put("n", "v", "abc")) == "TypeError: Failed to execute 'put' on 'KvNamespace': parameter 3 is not of type 'PutOptions'."
    assert run(kv.get("n")) == "42"


def test_missing_arguments_are_undefined_and_refused_as_jsg_refuses_them(kv):
    assert error_of(kv.get()) == "TypeError: Failed to execute 'get' on 'KvNamespace': parameter 1 is not of type 'string or Array'."
    assert error_of(kv.getWithMetadata()) == (
        "TypeError: Failed to execute 'getWithMetadata' on 'KvNamespace': parameter 1 is not of type 'Array or string'.")
    assert error_of(kv.put()) == "TypeError: Failed to execute 'put' on 'KvNamespace': parameter 1 is not of type 'string'."
    assert error_of(kv.put("k")) == "TypeError: Failed to execute 'put' on 'KvNamespace': parameter 2 is not of type 'string or Object'."
    assert error_of(kv.delete()) == "TypeError: Failed to execute 'delete' on 'KvNamespace': parameter 1 is not of type 'string'."
    run(kv.put("k", None))  # null is a value: its string
    assert run(kv.get("k")) == "null"
    run(kv.delete("k", "ignored"))  # JavaScript ignores an extra argument
    assert names(kv) == []


BIGINT = "TypeError: Cannot convert a BigInt value to a number"


@pytest.mark.parametrize("call", [
    lambda kv: kv.put("k", "v", {"expirationTtl": 2**53}),
    lambda kv: kv.put("k", "v", expiration=10**400),
    lambda kv: kv.get("k", {"cacheTtl": 2**64 + 1}),
    lambda kv: kv.list({"limit": -(10**400)}),
], ids=["2**53", "10**400", "2**64+1", "-10**400"])
def test_an_int_option_past_2_53_is_a_bigint_javascript_cannot_convert(kv, call):
    assert error_of(call(kv)) == BIGINT
    assert names(kv) == []


@pytest.mark.parametrize("ttl", ["1_000", "\u0661\u0662\u0660", "inf", [[]], "-0x78"])
def test_option_strings_and_arrays_are_numbers_by_javascripts_grammar(kv, ttl):
    assert error_of(kv.put("k", "v", {"expirationTtl": ttl})) == (
        "Error: KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0.")
    assert names(kv) == []


def test_javascript_number_strings_and_arrays_are_read(kv):
    run(kv.put("a", "v", {"expirationTtl": " 0x78 "}))
    run(kv.put("b", "v", {"expirationTtl": ["120"]}))
    run(kv.put("c", "v", {"expirationTtl": "1.2e2"}))
    assert [k["expiration"] for k in run(kv.list())["keys"]] == [NOW + 120] * 3


def test_an_option_array_that_holds_itself_joins_as_empty(kv):
    looped: list = []
    looped.append(looped)
    assert error_of(kv.get("k", {"cacheTtl": looped})) == "Error: KV GET failed: 400 Invalid cache_ttl of 0. Cache TTL must be at least 30."
    assert error_of(kv.put("k", "v", {"expirationTtl": looped})) == (
        "Error: KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0.")
    assert names(kv) == []


ENTRY = '''
import json
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv, out = self.env.KV, {}
        looped = []
        looped.append(looped)
        for name, call in [
            ("object key", lambda: kv.put({"k": 1}, "object")),
            ("read back", lambda: kv.get("[object Object]")),
            ("bigint ttl", lambda: kv.put("k", "v", expirationTtl=2**60)),
            ("looped ttl", lambda: kv.put("k", "v", to_js({"expirationTtl": looped}, dict_converter=Object.fromEntries))),
            ("missing value", lambda: kv.put("k")),
        ]:
            try:
                out[name] = await call()
            except Exception as exc:
                out[name] = f"{type(exc).__name__}: {exc}"
        out["keys"] = [k["name"] for k in (await kv.list())["keys"]]
        return Response(json.dumps(out))
'''


@pytest.mark.asyncio
async def test_worker_code_gets_the_same_conversions(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, extra=KV_TOML.split("\n", 1)[1])
    got = json.loads(await (await load_worker(folder).fetch("/")).text())
    assert got["object key"] is None and got["read back"] == "object"
    assert got["bigint ttl"] == f"JsException: {BIGINT}"
    assert got["looped ttl"] == "JsException: Error: KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0."
    assert got["missing value"] == (
        "JsException: TypeError: Failed to execute 'put' on 'KvNamespace': parameter 2 is not of type 'string or Object'.")
    assert got["keys"] == ["[object Object]"]
