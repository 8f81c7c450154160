"""``crypto.subtle`` HKDF (``deriveBits``, ``deriveKey``) held to the ``cryptography`` package's
HKDF; limits on both sides; error texts are workerd's."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from workers_env import JsException, js, to_js

subtle = js.crypto.subtle


def obj(d: dict) -> object:
    return to_js(d, dict_converter=js.Object.fromEntries)


async def hkdf_key(usages=("deriveBits", "deriveKey")):
    return await subtle.importKey("raw", to_js(b"input key material"), "HKDF", False, to_js(list(usages)))


@pytest.mark.asyncio
@pytest.mark.parametrize(("hash_name", "algorithm", "bits"), [
    ("SHA-256", hashes.SHA256(), 256), ("SHA-1", hashes.SHA1(), 160), ("SHA-512", hashes.SHA512(), 1024),  # noqa: S303
    ("SHA-256", hashes.SHA256(), 255 * 256),  # the longest output: 255 blocks
])
async def test_hkdf_matches_the_cryptography_package(hash_name, algorithm, bits):
    key = await hkdf_key()
    for salt in (b"salt", b""):
        params = obj({"name": "HKDF", "hash": hash_name, "salt": salt, "info": b"context"})
        got = (await subtle.deriveBits(params, key, bits)).to_bytes()
        expected = HKDF(algorithm=algorithm, length=bits // 8, salt=salt or None, info=b"context").derive(
            b"input key material")
        assert got == expected


@pytest.mark.asyncio
async def test_hkdf_limits_and_checks():
    key = await hkdf_key()
    params = {"name": "HKDF", "hash": "SHA-256", "salt": b"s", "info": b"i"}
    refusals = [
        (params, 255 * 256 + 8, "OperationError: HKDF deriveBits failed."),
        (params, 12, "OperationError: HKDF requires a derived key length that is a multiple of eight (requested 12)."),
        (params, None, "OperationError: HKDF cannot derive a key with null length."),
        ({k: v for k, v in params.items() if k != "salt"}, 128, 'TypeError: Missing field "salt" in "algorithm".'),
        ({k: v for k, v in params.items() if k != "info"}, 128, 'TypeError: Missing field "info" in "algorithm".'),
        ({k: v for k, v in params.items() if k != "hash"}, 128, 'TypeError: Missing field "hash" in "algorithm".'),
    ]
    for given, bits, error in refusals:
        with pytest.raises(JsException) as info:
            await subtle.deriveBits(obj(given), key, bits)
        assert str(info.value) == error
    assert (await subtle.deriveBits(obj(params), key, 0)).to_bytes() == b""
    with pytest.raises(JsException, match="^SyntaxError: HKDF key cannot be extractable.$"):
        await subtle.importKey("raw", to_js(b"k"), "HKDF", True, to_js(["deriveBits"]))
    with pytest.raises(JsException, match='^NotSupportedError: HKDF key must be imported in "raw" format'):
        await subtle.importKey("jwk", obj({"kty": "oct", "k": "aw"}), "HKDF", False, to_js(["deriveBits"]))


@pytest.mark.asyncio
async def test_hkdf_derives_aes_and_hmac_keys():
    key = await hkdf_key()
    params = obj({"name": "HKDF", "hash": "SHA-256", "salt": b"s", "info": b"i"})
    aes = await subtle.deriveKey(params, key, obj({"name": "AES-GCM", "length": 128}), True, to_js(["encrypt"]))
    expected = HKDF(algorithm=hashes.SHA256(), length=16, salt=b"s", info=b"i").derive(b"input key material")
    assert (await subtle.exportKey("raw", aes)).to_bytes() == expected
    mac = await subtle.deriveKey(params, key, obj({"name": "HMAC", "hash": "SHA-256"}), True, to_js(["sign"]))
    assert mac.algorithm.length == 512
    assert (await subtle.exportKey("raw", mac)).to_bytes() == HKDF(
        algorithm=hashes.SHA256(), length=64, salt=b"s", info=b"i").derive(b"input key material")
