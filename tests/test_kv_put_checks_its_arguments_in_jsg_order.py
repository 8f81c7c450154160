"""``put(key, value, options)`` refuses in workerd's order: JSG unwraps the three parameters in
turn (``jsg/type-wrapper.h``: a missing required one is ``parameter N is not of type ...``, an
options field that cannot convert is its ``TypeError``), and only then does ``KvNamespace::put``
check the key name (``kv.c++`` ``validateKeyName``). So ``put("")`` is the missing value, not
the empty key (measured on workerd: ``tools/wrangler/kv_differential.py``). An int option's
string is JavaScript's ``Number()``: a hex, octal or binary literal too large for a double is
``Infinity``, read as 0 -- never a Python ``OverflowError``. Nothing is written."""

from __future__ import annotations

import pytest
from kv_helpers import KV_TOML

from workers_env import JsException, load_env

MISSING_VALUE = "TypeError: Failed to execute 'put' on 'KvNamespace': parameter 2 is not of type 'string or Object'."
TTL_0 = "Error: KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0."
OUT_OF_RANGE = "TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive)."


@pytest.mark.asyncio
@pytest.mark.parametrize(("args", "options", "message"), [
    (("",), {}, MISSING_VALUE),
    (("", "v", "abc"), {}, "TypeError: Failed to execute 'put' on 'KvNamespace': parameter 3 is not of type 'PutOptions'."),
    (("", "v"), {"expirationTtl": 2**60}, "TypeError: Cannot convert a BigInt value to a number"),
    (("", "v"), {"expirationTtl": 60}, "TypeError: Key name cannot be empty."),
    (("k", "v"), {"expirationTtl": "0x" + "f" * 300}, TTL_0),  # Number(): Infinity, so 0
    (("k", "v"), {"expirationTtl": "0b" + "1" * 1100}, TTL_0),
    (("k", "v"), {"expirationTtl": "0xfffffffffffffffffff"}, OUT_OF_RANGE),  # a finite double
])
async def test_put_refusals_come_in_workerds_order(project, args, options, message):
    kv = load_env(project(KV_TOML)).KV
    with pytest.raises(JsException) as caught:
        await kv.put(*args, options) if options else await kv.put(*args)
    assert str(caught.value) == message
    assert (await kv.list())["keys"] == []


@pytest.mark.asyncio
async def test_list_limit_of_a_huge_binary_literal_is_no_limit(project):
    kv = load_env(project(KV_TOML)).KV
    await kv.put("k", "v")
    listed = await kv.list({"limit": "0b" + "1" * 1100})  # Infinity: 0, so no limit is sent
    assert [k["name"] for k in listed["keys"]] == ["k"]
