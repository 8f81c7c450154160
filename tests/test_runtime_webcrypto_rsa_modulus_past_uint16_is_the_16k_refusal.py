"""generateKey's RSA ``modulusLength`` from 65,536 (past uint16) to 2^31 - 1: the refusal Worker
code catches is the 16k OperationError, as wrangler dev 4.164.0 answers (measured for 65528,
65536, 65544, 70000, 131072, 1048576 and 2147483647, RSASSA-PKCS1-v1_5 and RSA-OAEP, at
2025-12-02 and 2025-12-03) -- not an internal error, though workerd's mirror asserts
``modulusLength <= 0xFFFF`` in ``validateRsaParams``; 2^31 is jsg's int range TypeError."""

import pytest
from webcrypto_helpers import error_of, obj

from workers_env import js, to_js


def _generate(name: str, bits: int, usages: list[str]):
    algorithm = obj({"name": name, "modulusLength": bits, "publicExponent": b"\x01\x00\x01", "hash": "SHA-256"})
    return js.crypto.subtle.generateKey(algorithm, True, to_js(usages))


@pytest.mark.asyncio
@pytest.mark.parametrize("bits", [65528, 65536, 65544, 70000, 131072, 1048576, 2**31 - 1])
@pytest.mark.parametrize(("name", "usages"), [("RSASSA-PKCS1-v1_5", ["sign", "verify"]),
                                              ("RSA-OAEP", ["encrypt", "decrypt"])])
async def test_a_modulus_past_uint16_is_refused_as_past_16k(bits, name, usages):
    assert await error_of(_generate(name, bits, usages)) == (
        f"OperationError: The modulus length must be a multiple of 8 and between 256 and 16k, but {bits} was "
        "requested.")


@pytest.mark.asyncio
async def test_past_int32_it_is_jsgs_range_error():
    assert await error_of(_generate("RSA-PSS", 2**31, ["sign"])) == \
        "TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive)."
