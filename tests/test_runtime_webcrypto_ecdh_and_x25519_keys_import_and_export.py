"""ECDH and X25519 keys as workerd's ``importEcdh``/``importEddsa`` (ec.c++) import them and its
``exportKey`` gives them back: a private key ``deriveKey``/``deriveBits`` alone, a public key no
usage (``strict_crypto_checks``), each format byte for byte, workerd's texts (the WebCrypto
differential: the same under wrangler dev 4.164.0). Deriving with them: the key agreement tests."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, x25519
from webcrypto_helpers import b64url, error_of, imported, pkcs8, spki

from workers_env import js

DER = serialization.Encoding.DER
X_KEY = x25519.X25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
EC_KEY = ec.derive_private_key(12345, ec.SECP384R1())
ECDH = {"name": "ECDH", "namedCurve": "P-384"}


@pytest.mark.asyncio
async def test_ecdh_keys_come_back_in_every_format():
    private = await imported("pkcs8", pkcs8(EC_KEY), ECDH, ["deriveBits", "deriveKey"])
    assert private.algorithm.to_py() == ECDH and list(private.usages) == ["deriveKey", "deriveBits"]
    assert (await js.crypto.subtle.exportKey("pkcs8", private)).to_bytes() == pkcs8(EC_KEY)
    jwk = (await js.crypto.subtle.exportKey("jwk", private)).to_py()
    assert (jwk["kty"], jwk["crv"], jwk["alg"], jwk["d"]) == ("EC", "P-384", None, b64url((12345).to_bytes(48, "big")))
    public = await imported("spki", spki(EC_KEY), ECDH, [])
    raw = EC_KEY.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    assert (await js.crypto.subtle.exportKey("raw", public)).to_bytes() == raw
    again = await imported("raw", raw, ECDH, [])
    assert (await js.crypto.subtle.exportKey("spki", again)).to_bytes() == spki(EC_KEY)


@pytest.mark.asyncio
async def test_x25519_keys_come_back_in_every_format():
    private = await imported("pkcs8", pkcs8(X_KEY), "X25519", ["deriveBits"])
    raw = X_KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    assert js.JSON.stringify(await js.crypto.subtle.exportKey("jwk", private)) == (
        f'{{"kty":"OKP","key_ops":["deriveBits"],"ext":true,"crv":"X25519","x":"{b64url(raw)}",'
        f'"d":"{b64url(bytes(range(1, 33)))}"}}')  # no "alg": workerd names EdDSA for Ed25519 alone
    public = await imported("jwk", {"kty": "OKP", "crv": "X25519", "x": b64url(raw)}, "X25519", [])
    assert (await js.crypto.subtle.exportKey("raw", public)).to_bytes() == raw
    assert (await js.crypto.subtle.exportKey("spki", public)).to_bytes() == spki(X_KEY)
    assert await error_of(js.crypto.subtle.exportKey("raw", private)) == \
        "InvalidAccessError: Raw export of X25519 keys is only allowed for public keys."


@pytest.mark.asyncio
async def test_refusals_are_workerds():
    assert await error_of(imported("spki", spki(EC_KEY), ECDH, ["deriveBits"])) == \
        'SyntaxError: Attempt to import public ECDH key with invalid usage "deriveBits".'
    assert await error_of(imported("spki", spki(EC_KEY), {"name": "ECDH", "namedCurve": "P-256"}, [])) == \
        'DataError: "algorithm.namedCurve" "P-256", does not match the curve specified by the input key data.'
    assert await error_of(imported("spki", spki(X_KEY), ECDH, [])) == \
        "DataError: Input was not an EC public key nor a DH key."
    assert await error_of(imported("raw", bytes(31), "X25519", [])) == \
        "DataError: X25519 raw keys must be exactly 32-bytes (provided 31)."
    assert await error_of(imported("jwk", {"kty": "OKP", "crv": "Ed25519", "x": "AA"}, "X25519", [])) == \
        'DataError: Only X25519 is supported but "Ed25519" was requested.'
    assert await error_of(imported("jwk", {"kty": "OKP", "crv": "X25519", "x": b64url(bytes(32)), "use": "enc",
                                           "key_ops": ["deriveBits"]}, "X25519", [])) == \
        'DataError: A JSON Web Key should have either a Public Key Use parameter ("use") or a Key Operations ' \
        'parameter ("key_ops"); otherwise, the parameters must be consistent with each other. For public X25519 ' \
        'keys, there are no valid usages,so keys with a non-empty "key_ops" parameter are not allowed.'


@pytest.mark.asyncio
async def test_an_ed25519_key_named_x25519_is_refused():
    ed_spki = ed25519.Ed25519PrivateKey.generate().public_key().public_bytes(
        DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    assert await error_of(imported("spki", ed_spki, "X25519", [])) == "DataError: Input was not an X25519 key"
