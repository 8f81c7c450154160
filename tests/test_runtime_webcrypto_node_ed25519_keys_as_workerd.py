"""NODE-ED25519, workerd's legacy name for Ed25519 (ec.c++'s ``EdDsaKey``): its keys import,
generate, sign, verify and export as Ed25519's, with a ``namedCurve`` of "NODE-ED25519" required
and shown, a JWK's ``crv`` Ed25519 and no ``alg``, workerd's texts (the WebCrypto differential:
the same under wrangler dev 4.164.0)."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from webcrypto_helpers import b64url, error_of, imported, pkcs8, spki

from workers_env import js, to_js

KEY = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
RAW = KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
NODE = {"name": "NODE-ED25519", "namedCurve": "NODE-ED25519"}


@pytest.mark.asyncio
async def test_a_node_ed25519_key_signs_and_exports_as_an_ed25519_key():
    private = await imported("pkcs8", pkcs8(KEY), NODE, ["sign"])
    public = await imported("raw", RAW, NODE, ["verify"])
    assert private.algorithm.to_py() == public.algorithm.to_py() == NODE
    signature = await js.crypto.subtle.sign("NODE-ED25519", private, to_js(b"abc"))
    assert signature.to_bytes() == KEY.sign(b"abc")
    assert await js.crypto.subtle.verify("NODE-ED25519", public, signature, to_js(b"abc")) is True
    assert js.JSON.stringify(await js.crypto.subtle.exportKey("jwk", public)) == \
        f'{{"kty":"OKP","key_ops":["verify"],"ext":true,"crv":"Ed25519","x":"{b64url(RAW)}"}}'
    assert (await js.crypto.subtle.exportKey("spki", public)).to_bytes() == spki(KEY)
    pair = await js.crypto.subtle.generateKey(to_js(NODE, dict_converter=js.Object.fromEntries), False,
                                              to_js(["sign", "verify"]))
    assert pair.publicKey.algorithm.to_py() == NODE and list(pair.privateKey.usages) == ["sign"]


@pytest.mark.asyncio
async def test_refusals_are_workerds():
    public = await imported("raw", RAW, NODE, ["verify"])
    assert await error_of(imported("raw", RAW, {"name": "NODE-ED25519"}, ["verify"])) == \
        'TypeError: Missing field "namedCurve" in "algorithm".'
    assert await error_of(imported("raw", RAW, {"name": "node-ed25519", "namedCurve": "node-ed25519"}, ["verify"])) \
        == 'NotSupportedError: EDDSA curve "node-ed25519" isn\'t supported.'
    assert await error_of(imported("jwk", {"kty": "OKP", "crv": "NODE-ED25519", "x": b64url(RAW)}, NODE,
                                   ["verify"])) == \
        'DataError: Only Ed25519 is supported but "NODE-ED25519" was requested.'
    assert await error_of(js.crypto.subtle.verify("NODE-ED25519", public, to_js(bytes(63)), to_js(b"abc"))) == \
        "OperationError: Invalid NODE-ED25519 signature length 63"
    assert await error_of(js.crypto.subtle.verify("Ed25519", public, to_js(bytes(64)), to_js(b"abc"))) == \
        'InvalidAccessError: Requested algorithm "Ed25519" does not match this CryptoKey\'s algorithm "NODE-ED25519".'
    private = await imported("pkcs8", pkcs8(KEY), NODE, ["sign"])
    assert await error_of(js.crypto.subtle.exportKey("raw", private)) == \
        "InvalidAccessError: Raw export of NODE-ED25519 keys is only allowed for public keys."
