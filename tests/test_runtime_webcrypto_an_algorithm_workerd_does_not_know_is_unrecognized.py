"""``sign``, ``verify``, ``encrypt`` and ``deriveBits`` given an algorithm workerd does not know --
a digest's name (``SHA-256``), ``5``, ``bogus`` -- refuse it as workerd 1.20261123.1 and later do:
``NotSupportedError: Unrecognized or unimplemented algorithm "X" requested.``, before the key is
compared; a known algorithm that is not the key's stays the ``InvalidAccessError`` of the mismatch.
1.20261117.1 (wrangler 4.164.0's) gave the mismatch for both. Measured with ``workerd test`` of
1.20261117.1, 1.20261123.1 and 1.20261201.1 (currency55)."""

from __future__ import annotations

import pytest
from webcrypto_helpers import error_of, imported, obj

from workers_env import js, to_js


def unknown(name: str) -> str:
    return f'NotSupportedError: Unrecognized or unimplemented algorithm "{name}" requested.'


def mismatch(name: str, key: str) -> str:
    return f'InvalidAccessError: Requested algorithm "{name}" does not match this CryptoKey\'s algorithm "{key}".'


@pytest.mark.asyncio
async def test_an_algorithm_workerd_does_not_know_is_unrecognized() -> None:
    subtle, data = js.crypto.subtle, to_js(b"x")
    hmac = await imported("raw", b"k" * 16, {"name": "HMAC", "hash": "SHA-256"}, ["sign", "verify"])
    aes = await imported("raw", bytes(16), "AES-GCM", ["encrypt"])
    x25519 = await subtle.generateKey(obj({"name": "X25519"}), False, to_js(["deriveBits"]))
    derive = lambda name: subtle.deriveBits(obj({"name": name, "public": x25519.publicKey}), x25519.privateKey, 8)  # noqa: E731
    assert [await error_of(call) for call in (
        subtle.sign(5, hmac, data), subtle.sign("SHA-256", hmac, data), subtle.verify("SHA-256", hmac, data, data),
        subtle.encrypt(obj({"name": "SHA-256"}), aes, data), subtle.encrypt(obj({"name": "bogus"}), aes, data),
        derive("bogus"),
        subtle.sign("AES-GCM", hmac, data), subtle.sign("ECDH", hmac, data), subtle.encrypt(obj({"name": "HMAC"}), aes, data),
        derive("HMAC"),
    )] == [unknown("5"), unknown("SHA-256"), unknown("SHA-256"), unknown("SHA-256"), unknown("bogus"), unknown("bogus"),
           mismatch("AES-GCM", "HMAC"), mismatch("ECDH", "HMAC"), mismatch("HMAC", "AES-GCM"), mismatch("HMAC", "X25519")]
