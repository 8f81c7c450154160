"""ECDH and X25519 ``deriveBits``/``deriveKey`` as workerd's ``EllipticKey``/``EdDsaKey`` (ec.c++)
have them: the same secret both ways, ``length`` null (all of it), cut to any number of bits (the
last byte's low bits cleared) and refused past the secret's size, the peer's public key checked in
workerd's order and words (the WebCrypto differential: the same under wrangler dev 4.164.0)."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, x25519
from webcrypto_helpers import error_of, imported, obj, pkcs8, spki

from workers_env import js, to_js
from workers_env.runtime.jsproxy import jsnull

A, B = ec.derive_private_key(1111, ec.SECP256R1()), ec.derive_private_key(2222, ec.SECP256R1())
XA, XB = (x25519.X25519PrivateKey.from_private_bytes(bytes([n]) * 32) for n in (7, 9))
ECDH = {"name": "ECDH", "namedCurve": "P-256"}
DERIVE = ["deriveBits", "deriveKey"]


async def _pair(key, algorithm):
    return await imported("pkcs8", pkcs8(key), algorithm, DERIVE, False), await imported("spki", spki(key), algorithm,
                                                                                          [])


async def _bits(algorithm, public, private, length=jsnull) -> bytes:
    return (await js.crypto.subtle.deriveBits(obj({**algorithm, "public": public}), private, length)).to_bytes()


@pytest.mark.asyncio
async def test_both_sides_derive_the_secret_whole_or_cut():
    (a, a_pub), (b, b_pub) = await _pair(A, ECDH), await _pair(B, ECDH)
    secret = A.exchange(ec.ECDH(), B.public_key())
    assert await _bits({"name": "ECDH"}, b_pub, a) == await _bits({"name": "ecdh"}, a_pub, b, 256) == secret
    assert await js.crypto.subtle.deriveBits(obj({"name": "ECDH", "public": b_pub}), a) is not None  # no length
    assert await _bits({"name": "ECDH"}, b_pub, a, 12) == secret[:1] + bytes([secret[1] & 0xF0])
    assert await _bits({"name": "ECDH"}, b_pub, a, 1.5) == bytes([secret[0] & 0x80])  # a number made an integer
    assert await _bits({"name": "ECDH"}, b_pub, a, 0) == b""
    (xa, xa_pub), (xb, xb_pub) = await _pair(XA, "X25519"), await _pair(XB, "X25519")
    shared = XA.exchange(XB.public_key())
    assert await _bits({"name": "X25519"}, xb_pub, xa) == await _bits({"name": "X25519"}, xa_pub, xb, 256) == shared
    assert await _bits({"name": "X25519"}, xb_pub, xa, 7) == bytes([shared[0] & 0xFE])


@pytest.mark.asyncio
async def test_p521_gives_528_bits():
    key = ec.derive_private_key(3333, ec.SECP521R1())
    private, public = await _pair(key, {"name": "ECDH", "namedCurve": "P-521"})
    secret = key.exchange(ec.ECDH(), key.public_key())
    assert len(secret) == 66 and await _bits({"name": "ECDH"}, public, private, 528) == secret
    assert await _bits({"name": "ECDH"}, public, private, 521) == secret[:65] + bytes([secret[65] & 0x80])
    assert await error_of(js.crypto.subtle.deriveBits(obj({"name": "ECDH", "public": public}), private, 529)) == \
        "OperationError: Derived key length (529 bits) is too long (should be at most 528 bits)."


@pytest.mark.asyncio
async def test_the_peer_key_and_length_refusals_are_workerds():
    (a, _), (b, b_pub) = await _pair(A, ECDH), await _pair(B, ECDH)
    (xa, xa_pub) = await _pair(XA, "X25519")
    p384 = await imported("spki", spki(ec.derive_private_key(5, ec.SECP384R1())), {"name": "ECDH", "namedCurve": "P-384"}, [])
    ecdsa = await imported("spki", spki(B), {"name": "ECDSA", "namedCurve": "P-256"}, ["verify"])
    hmac = await imported("raw", b"secret", {"name": "HMAC", "hash": "SHA-256"}, ["sign"])
    subtle = js.crypto.subtle
    cases = [
        (subtle.deriveBits(obj({"name": "ECDH"}), a, 128), 'TypeError: Missing field "public" in "derivedKeyParams".'),
        (subtle.deriveBits(obj({"name": "ECDH", "public": "key"}), a, 128),
         "TypeError: Incorrect type for the 'public' field on 'DeriveKeyAlgorithm': the provided value is not of "
         "type 'CryptoKey'."),
        (subtle.deriveBits(obj({"name": "ECDH", "public": b}), a, 128),
         'InvalidAccessError: The provided key has type "private", not "public"'),
        (subtle.deriveBits(obj({"name": "ECDH", "public": hmac}), a, 128),
         'InvalidAccessError: The provided key has type "secret", not "public"'),
        (subtle.deriveBits(obj({"name": "ECDH", "public": xa_pub}), a, 128),
         "InvalidAccessError: Base ECDH private key cannot be used to derive a key from a peer X25519 public key"),
        (subtle.deriveBits(obj({"name": "X25519", "public": b_pub}), xa, 128),
         "InvalidAccessError: Base X25519 private key cannot be used to derive a key from a peer ECDH public key"),
        (subtle.deriveBits(obj({"name": "ECDH", "public": ecdsa}), a, 128),
         'InvalidAccessError: Private key for derivation is using "ECDH" while public key is using "ECDSA".'),
        (subtle.deriveBits(obj({"name": "ECDH", "public": p384}), a, 128),
         'InvalidAccessError: Private key for derivation is using curve "P-256" while public key is using "P-384".'),
        (subtle.deriveBits(obj({"name": "ECDH", "public": b_pub}), a, 264),
         "OperationError: Derived key length (264 bits) is too long (should be at most 256 bits)."),
        (subtle.deriveBits(obj({"name": "X25519", "public": xa_pub}), xa, 264),
         "OperationError: Derived key length (264 bits) is too long (should be at most 256 bits)."),
        (subtle.deriveBits(obj({"name": "ECDH", "public": b_pub}), a, -8),  # jsg's uint32, workerd 1.20261201.1
         "TypeError: The value cannot be converted because it is negative and this API expects a positive number."),
    ]
    for call, expected in cases:
        assert await error_of(call) == expected
    small_order = await imported("raw", bytes(32), "X25519", [])
    assert await error_of(subtle.deriveBits(obj({"name": "X25519", "public": small_order}), xa, 128)) == \
        "OperationError: Failed to derive EDDH key: public key routines INVALID_PEER_KEY."


@pytest.mark.asyncio
async def test_derive_key_takes_the_derived_keys_length_or_the_whole_secret():
    (a, _), (_, b_pub) = await _pair(A, ECDH), await _pair(B, ECDH)
    secret = A.exchange(ec.ECDH(), B.public_key())
    subtle, params = js.crypto.subtle, obj({"name": "ECDH", "public": b_pub})
    aes = await subtle.deriveKey(params, a, obj({"name": "AES-GCM", "length": 128}), True, to_js(["encrypt"]))
    assert (await subtle.exportKey("raw", aes)).to_bytes() == secret[:16]
    hmac = await subtle.deriveKey(params, a, obj({"name": "HMAC", "hash": "SHA-256", "length": 256}), True,
                                  to_js(["sign"]))
    assert (await subtle.exportKey("raw", hmac)).to_bytes() == secret
    hkdf = await subtle.deriveKey(params, a, "HKDF", False, to_js(["deriveBits"]))
    assert hkdf.algorithm.to_py() == {"name": "HKDF"}
    assert await error_of(subtle.deriveKey(params, a, obj({"name": "HMAC", "hash": "SHA-256"}), False,
                                           to_js(["sign"]))) == \
        "OperationError: Derived key length (512 bits) is too long (should be at most 256 bits)."  # its block size
    assert await error_of(subtle.deriveKey(obj({"name": "ECDH"}), a, obj({"name": "AES-GCM", "length": 128}), False,
                                           to_js(["encrypt"]))) == \
        'TypeError: Missing field "public" in "derivedKeyParams".'


@pytest.mark.asyncio
async def test_a_length_that_is_no_integer_converts_as_jsgs_int():
    """jsg's ``uint32`` (value.h), as workerd 1.20261201.1 reads the length (1.20261129.1 and before:
    an ``int``, NaN 0): ``ToNumber``, NaN and the infinities "not an integer", a negative number
    "negative", past 2**32 - 1 out of range, the rest truncated -- not a Python ValueError/OverflowError
    out of ``int()``; 2**31 is then too long for the key (measured, currency55)."""
    xa, xa_pub = await _pair(XA, "X25519")

    def refused(length):
        return error_of(js.crypto.subtle.deriveBits(obj({"name": "X25519", "public": xa_pub}), xa, length))

    for length in (float("nan"), float("inf"), "abc"):
        assert await refused(length) == "TypeError: The value cannot be converted because it is not an integer."
    assert len(await _bits({"name": "X25519"}, xa_pub, xa, "16")) == 2
    assert len(await _bits({"name": "X25519"}, xa_pub, xa, 8.7)) == 1
    assert len(await _bits({"name": "X25519"}, xa_pub, xa, True)) == 1
    assert await refused(-2**31 - 1) == ("TypeError: The value cannot be converted because it is negative and this API "
                                         "expects a positive number.")
    assert await refused(2**32) == "TypeError: Value out of range. Must be less than or equal to 4294967295."
    assert await refused(2**31) == ("OperationError: Derived key length (2147483648 bits) is too long (should be at "
                                    "most 256 bits).")
