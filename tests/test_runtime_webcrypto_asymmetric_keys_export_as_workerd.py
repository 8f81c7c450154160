"""``exportKey`` (and so ``wrapKey``) of RSA, ECDSA and Ed25519 keys as workerd's keys.c++,
rsa.c++ and ec.c++ export them: ``pkcs8`` of a private key and ``spki`` of a public one byte for
byte, a JWK with workerd's members in its order (``ext``, ``key_ops``; RSA numbers unpadded, EC
coordinates padded to the curve), ``raw`` of a public EC or Ed25519 key, and workerd's refusals
(tools/wrangler/webcrypto_differential.py, 689 cases, the same under wrangler dev 4.164.0)."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from webcrypto_helpers import b64url, error_of, imported, obj, pkcs8, spki

from workers_env import js, to_js

RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=1024)
P256 = ec.derive_private_key(7, ec.SECP256R1())  # a small d: its JWK "d" is padded to 32 bytes
ED_KEY = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


async def exported(fmt, key):
    out = await js.crypto.subtle.exportKey(fmt, key)
    return out.to_bytes() if fmt != "jwk" else js.JSON.stringify(out)


RS256 = {"name": "RSASSA-PKCS1-v1_5", "hash": "SHA-256"}
ECDSA = {"name": "ECDSA", "namedCurve": "P-256"}


@pytest.mark.asyncio
async def test_pkcs8_and_spki_come_back_byte_for_byte():
    for key, algorithm in ((RSA_KEY, RS256), (P256, ECDSA), (ED_KEY, "Ed25519")):
        private = await imported("pkcs8", pkcs8(key), algorithm, ["sign"])
        public = await imported("spki", spki(key), algorithm, ["verify"])
        assert await exported("pkcs8", private) == pkcs8(key)
        assert await exported("spki", public) == spki(key)


@pytest.mark.asyncio
async def test_rsa_jwk_has_workerds_members_in_its_order():
    numbers = RSA_KEY.private_numbers()
    public = await imported("spki", spki(RSA_KEY), {"name": "RSA-PSS", "hash": "SHA-384"}, ["verify"])
    n = b64url(numbers.public_numbers.n.to_bytes(128, "big"))
    assert await exported("jwk", public) == f'{{"kty":"RSA","key_ops":["verify"],"alg":"PS384","ext":true,"n":"{n}","e":"AQAB"}}'
    private = await imported("pkcs8", pkcs8(RSA_KEY), {"name": "RSASSA-PKCS1-v1_5", "hash": "SHA-1"}, ["sign"])
    jwk = js.JSON.parse(await exported("jwk", private)).to_py()
    assert list(jwk) == ["kty", "key_ops", "alg", "ext", "d", "n", "e", "p", "q", "dp", "dq", "qi"]  # JsonWebKey's order
    assert jwk["alg"] == "RS1" and jwk["qi"] == b64url(numbers.iqmp.to_bytes((numbers.iqmp.bit_length() + 7) // 8, "big"))
    again = await imported("jwk", js.JSON.parse(await exported("jwk", private)), {"name": "RSASSA-PKCS1-v1_5", "hash": "SHA-1"},
                           ["sign"])
    assert await exported("pkcs8", again) == pkcs8(RSA_KEY)


@pytest.mark.asyncio
async def test_ec_jwk_pads_its_numbers_to_the_curve_and_raw_is_the_uncompressed_point():
    private = await imported("pkcs8", pkcs8(P256), ECDSA, ["sign"])
    point = P256.public_key().public_numbers()
    x, y = (b64url(v.to_bytes(32, "big")) for v in (point.x, point.y))
    assert await exported("jwk", private) == (f'{{"kty":"EC","key_ops":["sign"],"ext":true,"crv":"P-256","x":"{x}",'
                                              f'"y":"{y}","d":"{b64url((7).to_bytes(32, "big"))}"}}')
    public = await imported("jwk", to_js({"kty": "EC", "crv": "P-256", "x": x, "y": y},
                                         dict_converter=js.Object.fromEntries), ECDSA, [])
    raw = P256.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    assert public.type == "public" and await exported("raw", public) == raw


@pytest.mark.asyncio
async def test_ed25519_jwk_names_eddsa_and_raw_is_the_public_key():
    private = await imported("pkcs8", pkcs8(ED_KEY), "Ed25519", ["sign"])
    x = ED_KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    assert await exported("jwk", private) == (f'{{"kty":"OKP","key_ops":["sign"],"alg":"EdDSA","ext":true,'
                                              f'"crv":"Ed25519","x":"{b64url(x)}","d":"{b64url(bytes(range(32)))}"}}')
    public = await imported("raw", x, "Ed25519", ["verify"])
    assert await exported("raw", public) == x


@pytest.mark.asyncio
@pytest.mark.parametrize(("fmt", "which", "expected"), [
    ("pkcs8", "public", 'InvalidAccessError: Asymmetric pkcs8 export requires private key (not "public").'),
    ("spki", "private", 'InvalidAccessError: Asymmetric spki export requires public key (not "private").'),
    ("raw", "private", "InvalidAccessError: Raw export of elliptic curve keys is only allowed for public keys."),
    ("pem", "public", 'InvalidAccessError: Cannot export "ECDSA" in "pem" format.'),
])
async def test_each_format_refuses_the_other_kind_of_key(fmt, which, expected):
    key = await (imported("pkcs8", pkcs8(P256), ECDSA, ["sign"]) if which == "private"
                 else imported("spki", spki(P256), ECDSA, ["verify"]))
    assert await error_of(js.crypto.subtle.exportKey(fmt, key)) == expected


@pytest.mark.asyncio
async def test_rsa_has_no_raw_ed25519_no_private_raw_md5_no_jwk_and_a_non_extractable_key_nothing():
    cases = [
        ("raw", imported("spki", spki(RSA_KEY), RS256, ["verify"]),
         'InvalidAccessError: Cannot export "RSASSA-PKCS1-v1_5" in "raw" format.'),
        ("raw", imported("pkcs8", pkcs8(ED_KEY), "Ed25519", ["sign"]),
         "InvalidAccessError: Raw export of Ed25519 keys is only allowed for public keys."),
        ("jwk", imported("spki", spki(RSA_KEY), {"name": "RSASSA-PKCS1-v1_5", "hash": "MD5"}, ["verify"]),
         'NotSupportedError: JWK export not supported for hash algorithm "MD5".'),
        ("spki", imported("spki", spki(P256), ECDSA, ["verify"], extractable=False),
         "InvalidAccessError: Attempt to export non-extractable ECDSA key."),
    ]
    for fmt, making, expected in cases:
        key = await making
        assert await error_of(js.crypto.subtle.exportKey(fmt, key)) == expected


@pytest.mark.asyncio
async def test_wrap_key_of_an_ec_key_unwraps_to_the_same_key():
    wrapper = await imported("raw", bytes(32), "AES-GCM", ["wrapKey", "unwrapKey"], extractable=False)
    gcm = obj({"name": "AES-GCM", "iv": bytes(12)})
    private = await imported("pkcs8", pkcs8(P256), ECDSA, ["sign"])
    for fmt in ("pkcs8", "jwk"):
        wrapped = await js.crypto.subtle.wrapKey(fmt, private, wrapper, gcm)
        back = await js.crypto.subtle.unwrapKey(fmt, wrapped, wrapper, gcm, obj(ECDSA), True, to_js(["sign"]))
        assert await exported("pkcs8", back) == pkcs8(P256)
