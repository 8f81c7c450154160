"""``crypto.subtle.wrapKey``/``unwrapKey`` as workerd's crypto.c++ has them: the wrapping key's
algorithm and ``wrapKey`` usage checked, the key's extractability, then the key exported (``raw``,
or a ``jwk`` as its JSON text) and encrypted -- AES-GCM, -CBC and -CTR wrap as they encrypt
(impl.h), AES-KW by RFC 3394 (aes.c++ ``AesKwKey``) --; unwrapping decrypts, parses a ``jwk`` and
imports as ``importKey``, a secret key with no usage refused. The bytes and texts below are
``wrangler dev`` 4.164.0's for the same calls (tools/wrangler/webcrypto_differential.py: 55 cases,
all the same). workers-env raised NotEmulatedError for both, and for any AES-KW key."""

from __future__ import annotations

import asyncio
import base64
import json

import pytest

from workers_env import JsException, js, to_js

SUBTLE = js.crypto.subtle
SECRET = b"secret-key"
GCM = {"name": "AES-GCM", "iv": bytes(12)}
HMAC = {"name": "HMAC", "hash": "SHA-256"}


def obj(value):
    return to_js(value, dict_converter=js.Object.fromEntries)


async def _keys():
    wrapper = await SUBTLE.importKey("raw", to_js(bytes(range(32))), "AES-GCM", False, obj(["wrapKey", "unwrapKey"]))
    hmac_key = await SUBTLE.importKey("raw", to_js(SECRET), obj(HMAC), True, obj(["sign", "verify"]))
    return wrapper, hmac_key


def test_wrap_raw_and_jwk_give_workerds_bytes():
    async def scenario():
        wrapper, key = await _keys()
        raw = (await SUBTLE.wrapKey("raw", key, wrapper, obj(GCM))).to_bytes()
        jwk = (await SUBTLE.wrapKey("jwk", key, wrapper, obj(GCM))).to_bytes()
        text = (await SUBTLE.decrypt(obj(GCM), await SUBTLE.importKey(
            "raw", to_js(bytes(range(32))), "AES-GCM", False, obj(["decrypt"])), to_js(jwk))).to_bytes()
        return raw, text

    raw, text = asyncio.run(scenario())
    assert raw.hex() == "7dd9d6acd058aed66dd1841181bcc73a8adecc9a0d6d89d72ea6"
    k = base64.urlsafe_b64encode(SECRET).rstrip(b"=").decode()
    assert text.decode() == f'{{"kty":"oct","key_ops":["sign","verify"],"alg":"HS256","ext":true,"k":"{k}"}}'


def test_unwrap_imports_what_it_decrypts():
    async def scenario():
        wrapper, key = await _keys()
        for fmt in ("raw", "jwk"):
            wrapped = await SUBTLE.wrapKey(fmt, key, wrapper, obj(GCM))
            unwrapped = await SUBTLE.unwrapKey(fmt, wrapped, wrapper, obj(GCM), obj(HMAC), False, obj(["sign"]))
            assert (unwrapped.type, unwrapped.extractable, list(unwrapped.usages)) == ("secret", False, ["sign"])
            signed = await SUBTLE.sign("HMAC", unwrapped, to_js(b"abc"))
            assert signed.to_bytes().hex() == "28c2c4a6a91ebb4773a7b0342b1a5a2897aca4fb7ad7bcb33a6ff91afc7a03b0"

    asyncio.run(scenario())


async def _error(call):
    try:
        await call
    except JsException as error:
        return f"{error.name}: {error.message}"
    raise AssertionError("no error")


def _gcm(plain: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(bytes(range(32))).encrypt(bytes(12), plain, None)


@pytest.mark.parametrize(("wrapped", "fmt", "usages", "expected"), [
    (b"not json", "jwk", ["sign"], "SyntaxError: Unexpected token 'o', \"not json\" is not valid JSON"),
    (b"5", "jwk", ["sign"], 'DataError: Missing "kty" field or corrupt JSON unwrapping key?'),
    (b"null", "jwk", ["sign"], "TypeError: Cannot initialize JsonWebKey with required "
                               "members from an undefined or null value."),
    (b"[1]", "jwk", ["sign"], 'DataError: HMAC "jwk" key import requires a JSON Web Key with Key Type parameter '
                              '("kty") equal to "oct" (encountered "undefined").'),
    (SECRET, "raw", [], "SyntaxError: Secret/private CryptoKeys must have at least one usage."),
])
def test_unwrap_refusals_are_workerds(wrapped, fmt, usages, expected):
    async def scenario():
        wrapper, _ = await _keys()
        return await _error(SUBTLE.unwrapKey(fmt, to_js(_gcm(wrapped)), wrapper, obj(GCM), obj(HMAC), True,
                                             obj(usages)))

    assert asyncio.run(scenario()) == expected


def test_wrap_refusals_in_workerds_order():
    async def scenario():
        wrapper, key = await _keys()
        fixed = await SUBTLE.importKey("raw", to_js(SECRET), obj(HMAC), False, obj(["sign"]))
        unwrap_only = await SUBTLE.importKey("raw", to_js(bytes(32)), "AES-GCM", False, obj(["unwrapKey"]))
        return [await _error(SUBTLE.wrapKey("raw", fixed, wrapper, obj(GCM))),
                await _error(SUBTLE.wrapKey("raw", fixed, unwrap_only, obj(GCM))),  # usage before extractable
                await _error(SUBTLE.wrapKey("pkcs8", key, wrapper, obj(GCM))),
                await _error(SUBTLE.wrapKey("raw", "not a key", wrapper, obj(GCM)))]

    assert asyncio.run(scenario()) == [
        "InvalidAccessError: Attempt to export non-extractable HMAC key.",
        'InvalidAccessError: Requested key usage "wrapKey" does not match any usage listed in this CryptoKey.',
        'NotSupportedError: Unimplemented key export format "pkcs8".',
        "TypeError: Failed to execute 'wrapKey' on 'SubtleCrypto': parameter 2 is not of type 'CryptoKey'."]


def test_the_wrapped_json_is_javascripts_stringify():
    async def scenario():
        wrapper, _ = await _keys()
        aes = await SUBTLE.importKey("raw", to_js(bytes(24)), "AES-GCM", True, obj(["decrypt", "encrypt"]))
        jwk = (await SUBTLE.wrapKey("jwk", aes, wrapper, obj(GCM))).to_bytes()
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        return json.loads(AESGCM(bytes(range(32))).decrypt(bytes(12), jwk, None))

    assert list(asyncio.run(scenario())) == ["kty", "key_ops", "alg", "ext", "k"]


KW = "AES-KW"


async def _kw_key(usages, size=32):
    return await SUBTLE.importKey("raw", to_js(bytes(range(size))), KW, False, obj(usages))


def test_aes_kw_wraps_as_rfc_3394_and_workerd():
    async def scenario():
        wrapper = await _kw_key(["wrapKey", "unwrapKey"])
        inner = await SUBTLE.importKey("raw", to_js(bytes(range(16))), "AES-GCM", True, obj(["encrypt"]))
        wrapped = await SUBTLE.wrapKey("raw", inner, wrapper, KW)
        back = await SUBTLE.unwrapKey("raw", wrapped, wrapper, KW, "AES-GCM", True, obj(["encrypt"]))
        return wrapped.to_bytes().hex(), (await SUBTLE.exportKey("raw", back)).to_bytes()

    wrapped, raw = asyncio.run(scenario())
    assert wrapped == "8cc4bfeca8a9f2f38c8b28392f1e8f4b3e5a5fd2f20bd688"  # wrangler dev 4.164.0's
    assert raw == bytes(range(16))


@pytest.mark.parametrize(("call", "expected"), [
    ("wrap-80", "OperationError: Unwrapped key bit length must be a multiple of 64 bits but unwrapped key has a "
                "length of 80 bits."),
    ("wrap-64", "OperationError: Unwrapped key has length 8 bytes but it should be greater than or equal to 16 and "
                "less than or equal to 18446744073709551607"),
    ("unwrap-bad", "OperationError: AES-KW key unwrapping failed."),
    ("unwrap-20", "OperationError: Provided a wrapped key to unwrap that is 160 bits which isn't a multiple of 64 "
                  "bits."),
    ("unwrap-16", "OperationError: Provided a wrapped key to unwrap this is 128 bits that is less than the minimal "
                  "length of 192 bits."),
])
def test_aes_kw_refusals_are_workerds(call, expected):
    async def scenario():
        wrapper = await _kw_key(["wrapKey", "unwrapKey"])
        if call.startswith("wrap"):
            size = 10 if call == "wrap-80" else 8
            inner = await SUBTLE.importKey("raw", to_js(bytes(size)), obj(HMAC), True, obj(["sign"]))
            return await _error(SUBTLE.wrapKey("raw", inner, wrapper, KW))
        size = {"unwrap-bad": 24, "unwrap-20": 20, "unwrap-16": 16}[call]
        return await _error(SUBTLE.unwrapKey("raw", to_js(bytes(size)), wrapper, KW, "AES-GCM", True, obj(["encrypt"])))

    assert asyncio.run(scenario()) == expected
