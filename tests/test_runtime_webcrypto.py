"""``crypto.subtle`` as Workers code uses it for webhooks and tokens, held to the standard library / cryptography."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa

from workers_env import JsException, js, to_js


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@pytest.mark.asyncio
@pytest.mark.parametrize("hash_name", ["SHA-1", "SHA-256", "SHA-384", "SHA-512"])
async def test_hmac_sign_and_verify_match_the_standard_library(hash_name):
    secret, message = b"webhook-secret", b'{"event": "push"}'
    key = await js.crypto.subtle.importKey(
        "raw", to_js(secret), to_js({"name": "HMAC", "hash": hash_name}, dict_converter=js.Object.fromEntries),
        False, to_js(["sign", "verify"]),
    )
    expected = hmac.new(secret, message, hash_name.replace("-", "").lower()).digest()
    assert (await js.crypto.subtle.sign("HMAC", key, to_js(message))).to_bytes() == expected
    assert await js.crypto.subtle.verify("HMAC", key, to_js(expected), to_js(message)) is True
    assert await js.crypto.subtle.verify("HMAC", key, to_js(b"x" * len(expected)), to_js(message)) is False


@pytest.mark.asyncio
async def test_hmac_jwk_key_and_usage_checks():
    jwk = js.JSON.parse(f'{{"kty": "oct", "k": "{b64url(b"k")}"}}')
    key = await js.crypto.subtle.importKey("jwk", jwk, js.JSON.parse('{"name": "HMAC", "hash": {"name": "SHA-256"}}'),
                                           False, to_js(["verify"]))
    assert key.type == "secret" and key.algorithm.name == "HMAC"
    with pytest.raises(JsException, match="doesn't support sign") as info:
        await js.crypto.subtle.sign("HMAC", key, to_js(b"m"))
    assert info.value.name == "InvalidAccessError"
    with pytest.raises(JsException, match="Unrecognized"):
        await js.crypto.subtle.importKey("raw", to_js(b"k"), "AES-GCM", False, to_js(["encrypt"]))


@pytest.mark.asyncio
async def test_ed25519_verify_as_discord_interactions_do():
    private = ed25519.Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    message = b"1700000000" + b'{"type":1}'
    signature = private.sign(message)
    key = await js.crypto.subtle.importKey("raw", to_js(public), "Ed25519", False, to_js(["verify"]))
    assert await js.crypto.subtle.verify("Ed25519", key, to_js(signature), to_js(message)) is True
    assert await js.crypto.subtle.verify("Ed25519", key, to_js(signature), to_js(message + b"!")) is False
    with pytest.raises(JsException) as bad:
        await js.crypto.subtle.importKey("raw", to_js(b"short"), "Ed25519", False, to_js(["verify"]))
    assert bad.value.name == "DataError"


@pytest.mark.asyncio
async def test_rsassa_pkcs1_jwk_verify_as_access_jwts_do():
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    numbers = private.public_key().public_numbers()
    jwk = {"kty": "RSA", "n": b64url(numbers.n.to_bytes(256, "big")), "e": b64url(numbers.e.to_bytes(3, "big"))}
    data = b"header.payload"
    signature = private.sign(data, padding.PKCS1v15(), hashes.SHA256())
    algorithm = to_js({"name": "RSASSA-PKCS1-v1_5", "hash": "SHA-256"}, dict_converter=js.Object.fromEntries)
    key = await js.crypto.subtle.importKey("jwk", to_js(jwk, dict_converter=js.Object.fromEntries), algorithm, False, to_js(["verify"]))
    assert await js.crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, js.Uint8Array.new(to_js(signature)), to_js(data)) is True
    assert await js.crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, to_js(signature), to_js(b"tampered")) is False


@pytest.mark.asyncio
async def test_digest_names():
    data = js.TextEncoder.new().encode("abc")
    assert (await js.crypto.subtle.digest("MD5", data)).to_bytes() == hashlib.md5(b"abc").digest()  # noqa: S324
    assert (await js.crypto.subtle.digest(to_js({"name": "sha-512"}, dict_converter=js.Object.fromEntries), data)).to_bytes() == hashlib.sha512(b"abc").digest()
    with pytest.raises(JsException, match="Unrecognized name"):
        await js.crypto.subtle.digest("SHA-3", data)
