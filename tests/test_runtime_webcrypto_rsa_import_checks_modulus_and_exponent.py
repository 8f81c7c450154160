"""An imported RSA key's modulus and public exponent are checked as rsa.c++'s
``validateRsaParams`` checks them under ``strict_crypto_checks``: 256 to 16,384 bits, counted as
BoringSSL counts them (whole bytes: a 1,020-bit modulus shows ``modulusLength`` 1024), an exponent
of 3, 17, 37 or 65537 (the WebCrypto differential: the same under wrangler dev 4.164.0)."""

from __future__ import annotations

import pytest
from webcrypto_helpers import b64url, error_of, imported

OAEP = {"name": "RSA-OAEP", "hash": "SHA-256"}


def jwk(n: int, e: int) -> dict:
    return {"kty": "RSA", "n": b64url(n.to_bytes((n.bit_length() + 7) // 8, "big")),
            "e": b64url(e.to_bytes((e.bit_length() + 7) // 8, "big"))}


@pytest.mark.asyncio
async def test_the_modulus_is_counted_in_whole_bytes_and_bounded():
    key = await imported("jwk", jwk((1 << 1019) | 1, 65537), {"name": "RSASSA-PKCS1-v1_5", "hash": "SHA-256"},
                         ["verify"])
    assert key.algorithm.modulusLength == 1024
    assert await error_of(imported("jwk", jwk((1 << 247) | 1, 65537), OAEP, ["encrypt"])) == \
        "OperationError: The modulus length must be a multiple of 8 and between 256 and 16k, but 248 was requested."
    assert await error_of(imported("jwk", jwk((1 << 16391) | 1, 3), OAEP, ["encrypt"])) == \
        "OperationError: The modulus length must be a multiple of 8 and between 256 and 16k, but 16392 was requested."


@pytest.mark.asyncio
async def test_the_exponent_must_be_one_workerd_allows():
    for e in (3, 17, 37, 65537):
        assert (await imported("jwk", jwk((1 << 2047) | 1, e), OAEP, ["encrypt"])).type == "public"
    assert await error_of(imported("jwk", jwk((1 << 2047) | 1, 5), OAEP, ["encrypt"])) == \
        "OperationError: Imported RSA key has invalid publicExponent 5."
    assert await error_of(imported("jwk", jwk((1 << 2047) | 1, (1 << 32) + 1), OAEP, ["encrypt"])) == \
        'OperationError: The "publicExponent" must be either 3 or 65537, but got a number larger than 2^32.'
