"""RSA-OAEP as workerd's ``RsaOaepKey`` (rsa.c++) has it: keys imported from ``spki``/``pkcs8``/JWK
(public: ``encrypt``/``wrapKey``, private: ``decrypt``/``unwrapKey``), the key's hash as OAEP's
digest and MGF1's, ``label``, ``wrapKey``/``unwrapKey`` through it, and workerd's texts
(tools/wrangler/webcrypto_differential.py: the same under wrangler dev 4.164.0)."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from webcrypto_helpers import b64url, error_of, obj, pkcs8, spki

from workers_env import js, to_js

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PKCS8, SPKI = pkcs8(KEY), spki(KEY)


async def keys(hash_="SHA-256"):
    subtle, algorithm = js.crypto.subtle, obj({"name": "RSA-OAEP", "hash": hash_})
    public = await subtle.importKey("spki", to_js(SPKI), algorithm, True, to_js(["wrapKey", "encrypt"]))
    private = await subtle.importKey("pkcs8", to_js(PKCS8), algorithm, False, to_js(["decrypt", "unwrapKey"]))
    return public, private


@pytest.mark.asyncio
async def test_keys_show_their_rsa_algorithm_and_usages():
    public, private = await keys()
    assert (public.type, list(public.usages), private.type, list(private.usages)) == (
        "public", ["encrypt", "wrapKey"], "private", ["decrypt", "unwrapKey"])
    assert public.algorithm.to_py() == {"name": "RSA-OAEP", "modulusLength": 2048,
                                        "publicExponent": bytes([1, 0, 1]), "hash": {"name": "SHA-256"}}


@pytest.mark.asyncio
@pytest.mark.parametrize("hash_", ["SHA-1", "SHA-256", "SHA-512"])
async def test_decrypt_reads_what_oaep_with_the_keys_hash_and_label_wrote(hash_):
    public, private = await keys(hash_)
    digest = getattr(hashes, hash_.replace("-", ""))()
    theirs = KEY.public_key().encrypt(b"secret", padding.OAEP(padding.MGF1(digest), digest, b"label"))
    with_label = obj({"name": "RSA-OAEP", "label": b"label"})
    assert (await js.crypto.subtle.decrypt(with_label, private, to_js(theirs))).to_bytes() == b"secret"
    ours = (await js.crypto.subtle.encrypt(with_label, public, to_js(b"again"))).to_bytes()
    assert len(ours) == 256 and KEY.decrypt(ours, padding.OAEP(padding.MGF1(digest), digest, b"label")) == b"again"


@pytest.mark.asyncio
async def test_refusals_are_workerds():
    public, private = await keys()
    subtle = js.crypto.subtle
    assert await error_of(subtle.encrypt("RSA-OAEP", public, to_js(bytes(191)))) == \
        "OperationError: RSA-OAEP failed encrypt/decrypt."  # 256 - 2 * 32 - 2 = 190 bytes at most
    good = (await subtle.encrypt(obj({"name": "RSA-OAEP", "label": b"a"}), public, to_js(b"x"))).to_bytes()
    assert await error_of(subtle.decrypt("RSA-OAEP", private, to_js(good))) == \
        "OperationError: RSA-OAEP failed encrypt/decrypt."
    assert await error_of(subtle.decrypt("RSA-OAEP", private, to_js(bytes(16)))) == \
        "OperationError: RSA-OAEP failed encrypt/decrypt: Invalid RSA signature.."
    assert await error_of(subtle.decrypt("RSA-OAEP", public, to_js(good))) == \
        'InvalidAccessError: Requested key usage "decrypt" does not match any usage listed in this CryptoKey.'
    assert await error_of(subtle.importKey("pkcs8", to_js(PKCS8), obj({"name": "RSA-OAEP", "hash": "SHA-1"}), False,
                                           to_js(["encrypt"]))) == \
        'SyntaxError: Attempt to import private RSA-OAEP key with invalid usage "encrypt".'


@pytest.mark.asyncio
async def test_a_jwk_must_be_for_encryption():
    numbers = KEY.public_key().public_numbers()
    jwk = {"kty": "RSA", "n": b64url(numbers.n.to_bytes(256, "big")), "e": "AQAB"}
    algorithm = obj({"name": "RSA-OAEP", "hash": "SHA-256"})
    key = await js.crypto.subtle.importKey("jwk", obj({**jwk, "use": "enc", "alg": "RSA-OAEP-256"}), algorithm, True,
                                           to_js(["encrypt"]))
    assert js.JSON.stringify(await js.crypto.subtle.exportKey("jwk", key)) == \
        f'{{"kty":"RSA","key_ops":["encrypt"],"alg":"RSA-OAEP-256","ext":true,"n":"{jwk["n"]}","e":"AQAB"}}'
    assert await error_of(js.crypto.subtle.importKey("jwk", obj({**jwk, "use": "sig"}), algorithm, False,
                                                     to_js(["encrypt"]))) == \
        'DataError: Asymmetric "jwk" key import with usages requires a JSON Web Key with Public Key Use parameter ' \
        '"use" ("sig") equal to "sig".'  # (workerd's text names "sig" whatever use it expects)
    assert await error_of(js.crypto.subtle.importKey("jwk", obj({**jwk, "use": "sig", "key_ops": ["encrypt"]}),
                                                     algorithm, False, to_js([]))) == \
        'DataError: Asymmetric "jwk" import requires a JSON Web Key with Public Key Use "use" ("sig") equal to "enc".'
    assert await error_of(js.crypto.subtle.importKey("jwk", obj({**jwk, "use": "enc", "key_ops": ["verify"]}),
                                                     algorithm, False, to_js([]))) == \
        'DataError: A JSON Web Key should have either a Public Key Use parameter ("use") or a Key Operations ' \
        'parameter ("key_ops"); otherwise, the parameters must be consistent with each other. A Public Key Use for ' \
        'RSA-OAEP would allow a Key Operations array with only "encrypt" and/or "wrapKey" values (not "verify").'


@pytest.mark.asyncio
async def test_wrap_and_unwrap_key_go_through_oaep():
    public, private = await keys()
    aes = await js.crypto.subtle.importKey("raw", to_js(bytes(range(16))), "AES-GCM", True, to_js(["encrypt"]))
    wrapped = await js.crypto.subtle.wrapKey("jwk", aes, public, "RSA-OAEP")
    digest = hashes.SHA256()
    assert KEY.decrypt(wrapped.to_bytes(), padding.OAEP(padding.MGF1(digest), digest, None)).startswith(b'{"kty":"oct"')
    back = await js.crypto.subtle.unwrapKey("jwk", wrapped, private, "RSA-OAEP", "AES-GCM", True, to_js(["encrypt"]))
    assert (await js.crypto.subtle.exportKey("raw", back)).to_bytes() == bytes(range(16))
