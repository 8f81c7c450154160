"""The integer members of crypto.subtle's algorithms -- PBKDF2's ``iterations``, AES-GCM's
``tagLength``, AES-CTR's ``length``, RSA-PSS's ``saltLength``, an AES or HMAC key's ``length`` in
``generateKey``, ``importKey`` and ``deriveKey`` -- are converted as jsg's ``int`` (value.h):
``ToNumber`` (``"2"`` is 2, ``"abc"`` NaN is 0), truncated, past int32 a ``TypeError``. Never a
Python ``ValueError`` out of ``int()``. The texts are workerd's as wrangler dev 4.164.0 answers
the same calls (tools/wrangler/webcrypto_differential.py: 0 unexpected; AES-GCM's range text is
its own)."""

from __future__ import annotations

import pytest
from webcrypto_helpers import error_of, imported, obj

from workers_env import js, to_js

RANGE = "TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive)."
subtle = js.crypto.subtle


async def _password():
    return await imported("raw", b"correct horse battery", "PBKDF2", ["deriveBits", "deriveKey"], False)


def _pbkdf2(iterations):
    return obj({"name": "PBKDF2", "hash": "SHA-256", "iterations": iterations, "salt": to_js(b"salty")})


@pytest.mark.asyncio
async def test_pbkdf2_iterations():
    password = await _password()
    two = (await subtle.deriveBits(_pbkdf2(2), password, 256)).to_bytes()
    for same in ("2", 2.9):
        assert (await subtle.deriveBits(_pbkdf2(same), password, 256)).to_bytes() == two
    assert await error_of(subtle.deriveBits(_pbkdf2("abc"), password, 256)) == \
        "OperationError: PBKDF2 requires a positive iteration count (requested 0)."
    assert await error_of(subtle.deriveBits(_pbkdf2(2**31), password, 256)) == RANGE


@pytest.mark.asyncio
async def test_aes_gcm_tag_length_and_aes_ctr_length():
    gcm_key = await imported("raw", bytes(32), "AES-GCM", ["encrypt"])
    ctr_key = await imported("raw", bytes(16), "AES-CTR", ["encrypt"])

    async def gcm(tag):
        return await subtle.encrypt(obj({"name": "AES-GCM", "iv": to_js(bytes(12)), "tagLength": tag}), gcm_key,
                                    to_js(b"x"))

    async def ctr(length):
        return await subtle.encrypt(obj({"name": "AES-CTR", "counter": to_js(bytes(16)), "length": length}), ctr_key,
                                    to_js(b"x"))

    assert [len((await gcm(tag)).to_bytes()) for tag in (96, "96", 96.5)] == [13, 13, 13]
    assert await error_of(gcm("abc")) == "OperationError: Invalid AES-GCM tag length 0."
    assert await error_of(gcm(2**31)) == "TypeError: AES-GCM tagLength is outside the integer range."
    assert len({(await ctr(length)).to_bytes() for length in (64, "64", 64.9)}) == 1
    assert await error_of(ctr("abc")) == "OperationError: Invalid counter of 0 bits length provided."
    assert await error_of(ctr(2**31)) == RANGE


@pytest.mark.asyncio
async def test_rsa_pss_salt_length_given_as_text_verifies():
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa
    from webcrypto_helpers import spki

    private = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    signature = private.sign(b"abc", padding.PSS(padding.MGF1(hashes.SHA256()), 32), hashes.SHA256())
    public = await imported("spki", spki(private), {"name": "RSA-PSS", "hash": "SHA-256"}, ["verify"])

    async def verify(salt):
        return await subtle.verify(obj({"name": "RSA-PSS", "saltLength": salt}), public, to_js(signature),
                                   to_js(b"abc"))

    assert [await verify(salt) for salt in (32, "32", 32.5, "abc")] == [True, True, True, False]
    assert await error_of(verify(2**31)) == RANGE


@pytest.mark.asyncio
@pytest.mark.parametrize(("length", "texts"), [
    ("abc", ("OperationError: Generated AES key length must be 128, 192, or 256 bits but requested 0.",
             "OperationError: HMAC key length must be a non-zero unsigned long integer (requested 0).",
             "DataError: Imported HMAC key length (0) must be a non-zero value up to 7 bits less than, and no greater "
             "than, the bit length of the raw key data (256).",
             "OperationError: Derived AES key must be 128, 192, or 256 bits in length but provided 0.",
             "TypeError: HMAC key length must be a non-zero unsigned long integer.")),
    (2**31, (RANGE,) * 5),
])
async def test_a_keys_length(length, texts):
    password = await _password()
    derive = obj({"name": "PBKDF2", "hash": "SHA-256", "iterations": 1, "salt": to_js(b"s")})
    assert (
        await error_of(subtle.generateKey(obj({"name": "AES-GCM", "length": length}), True, to_js(["encrypt"]))),
        await error_of(subtle.generateKey(obj({"name": "HMAC", "hash": "SHA-256", "length": length}), True,
                                          to_js(["sign"]))),
        await error_of(subtle.importKey("raw", to_js(b"k" * 32), obj({"name": "HMAC", "hash": "SHA-256",
                                                                      "length": length}), False, to_js(["sign"]))),
        await error_of(subtle.deriveKey(derive, password, obj({"name": "AES-GCM", "length": length}), False,
                                        to_js(["encrypt"]))),
        await error_of(subtle.deriveKey(derive, password, obj({"name": "HMAC", "hash": "SHA-256", "length": length}),
                                        False, to_js(["sign"]))),
    ) == texts


@pytest.mark.asyncio
async def test_a_key_length_given_as_text_is_that_length():
    key = await subtle.generateKey(obj({"name": "AES-GCM", "length": "256"}), True, to_js(["encrypt"]))
    assert key.algorithm.to_py() == {"name": "AES-GCM", "length": 256}
