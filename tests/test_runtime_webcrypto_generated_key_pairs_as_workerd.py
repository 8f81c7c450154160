"""``generateKey`` of RSA, EC and OKP key pairs as workerd's ``generateRsa``/``generateEcdsa``/
``generateEcdh``/``generateEddsa`` make them: a ``{publicKey, privateKey}`` object, the usages
split between the two keys (an ECDH pair's public key none), the public key always extractable,
the two working together; workerd's refusals in its order and words (the WebCrypto differential:
the same shapes and round trips under wrangler dev 4.164.0)."""

from __future__ import annotations

import pytest
from webcrypto_helpers import error_of, obj
from worker_helpers import hide_cryptography

from workers_env import js, to_js
from workers_env.runtime.jsproxy import jsnull

ABC = b"abc"


async def _generate(algorithm, extractable, usages):
    return await js.crypto.subtle.generateKey(obj(algorithm), extractable, to_js(usages))


def _rsa(name="RSASSA-PKCS1-v1_5", bits=1024, exponent=b"\x01\x00\x01", hash_="SHA-256"):
    algorithm = {"name": name, "modulusLength": bits, "publicExponent": None if exponent is None else to_js(exponent),
                 "hash": hash_}
    return {k: v for k, v in algorithm.items() if v is not None}


@pytest.mark.asyncio
async def test_an_rsa_pair_splits_its_usages_and_signs():
    pair = await _generate(_rsa(), False, ["verify", "sign", "sign"])
    public, private = pair.publicKey, pair.privateKey
    assert (public.type, public.extractable, list(public.usages)) == ("public", True, ["verify"])
    assert (private.type, private.extractable, list(private.usages)) == ("private", False, ["sign"])
    algorithm = private.algorithm.to_py()
    assert (algorithm["name"], algorithm["modulusLength"], bytes(algorithm["publicExponent"]), algorithm["hash"]) == \
        ("RSASSA-PKCS1-v1_5", 1024, b"\x01\x00\x01", {"name": "SHA-256"})
    signature = await js.crypto.subtle.sign("RSASSA-PKCS1-v1_5", private, to_js(ABC))
    assert len(signature.to_bytes()) == 128
    assert await js.crypto.subtle.verify("RSASSA-PKCS1-v1_5", public, signature, to_js(ABC)) is True
    assert len((await js.crypto.subtle.exportKey("spki", public)).to_bytes()) == 162
    assert await error_of(js.crypto.subtle.exportKey("pkcs8", private)) == \
        "InvalidAccessError: Attempt to export non-extractable RSASSA-PKCS1-v1_5 key."


@pytest.mark.asyncio
async def test_an_oaep_pair_encrypts_and_a_small_modulus_is_made_too():
    pair = await _generate(_rsa("rsa-oaep", 512, b"\x03", {"name": "sha-1"}), True,
                           ["encrypt", "decrypt", "wrapKey", "unwrapKey"])
    assert list(pair.publicKey.usages) == ["encrypt", "wrapKey"] and list(pair.privateKey.usages) == ["decrypt",
                                                                                                     "unwrapKey"]
    assert pair.privateKey.algorithm.to_py()["hash"] == {"name": "SHA-1"}
    assert pair.privateKey.algorithm.modulusLength == 512
    sealed = await js.crypto.subtle.encrypt(obj({"name": "RSA-OAEP"}), pair.publicKey, to_js(ABC))
    assert len(sealed.to_bytes()) == 64
    assert (await js.crypto.subtle.decrypt(obj({"name": "RSA-OAEP"}), pair.privateKey, sealed)).to_bytes() == ABC


@pytest.mark.asyncio
async def test_ec_and_okp_pairs_sign_and_agree():
    ecdsa = await _generate({"name": "ecdsa", "namedCurve": "p-384"}, True, ["sign", "verify"])
    assert ecdsa.privateKey.algorithm.to_py() == {"name": "ECDSA", "namedCurve": "P-384"}
    params = obj({"name": "ECDSA", "hash": "SHA-256"})
    signature = await js.crypto.subtle.sign(params, ecdsa.privateKey, to_js(ABC))
    assert len(signature.to_bytes()) == 96 and await js.crypto.subtle.verify(params, ecdsa.publicKey, signature,
                                                                             to_js(ABC))
    ed = await _generate("Ed25519", False, ["sign", "verify"])
    signature = await js.crypto.subtle.sign("Ed25519", ed.privateKey, to_js(ABC))
    assert await js.crypto.subtle.verify("Ed25519", ed.publicKey, signature, to_js(ABC)) is True
    for algorithm, size in (({"name": "ECDH", "namedCurve": "P-521"}, 66), ("X25519", 32)):
        one, other = [await _generate(algorithm, True, ["deriveBits"]) for _ in range(2)]
        assert list(one.publicKey.usages) == [] and list(one.privateKey.usages) == ["deriveBits"]
        name = one.privateKey.algorithm.name
        mine = await js.crypto.subtle.deriveBits(obj({"name": name, "public": other.publicKey}), one.privateKey, jsnull)
        theirs = await js.crypto.subtle.deriveBits(obj({"name": name, "public": one.publicKey}), other.privateKey,
                                                   jsnull)
        assert len(mine.to_bytes()) == size and mine.to_bytes() == theirs.to_bytes()
        jwk = (await js.crypto.subtle.exportKey("jwk", one.privateKey)).to_py()
        assert jwk["d"] and jwk["kty"] in ("EC", "OKP")


@pytest.mark.asyncio
async def test_refusals_come_in_workerds_order_and_words():
    cases = [
        (_rsa(exponent=None, hash_=None), ["sign"], 'TypeError: Missing field "publicExponent" in "algorithm".'),
        ({**_rsa(), "publicExponent": 65537}, ["sign"],
         "TypeError: Incorrect type for the 'publicExponent' field on 'GenerateKeyAlgorithm': the provided value is "
         "not of type 'BufferSource'."),
        (_rsa(bits=None, hash_=None), ["sign"], 'TypeError: Missing field "hash" in "algorithm".'),
        (_rsa(bits=None), ["sign"], 'TypeError: Missing field "modulusLength" in "algorithm".'),
        (_rsa(bits=0, hash_="SHA-3"), ["encrypt"], "OperationError: modulusLength must be greater than zero "
                                                   "(requested 0)."),
        (_rsa(hash_="SHA-3"), ["encrypt"], "NotSupportedError: Unrecognized or unimplemented digest algorithm "
                                           "requested."),
        (_rsa(exponent=b"\x11"), ["encrypt"], 'SyntaxError: Attempt to generate RSASSA-PKCS1-v1_5 key with invalid '
                                              'usage "encrypt".'),
        (_rsa(bits=1000, exponent=b"\x11"), ["sign"], 'OperationError: The "publicExponent" must be either 3 or '
                                                      '65537, but got 17.'),
        (_rsa(exponent=b"\x01\x00\x00\x00\x00\x01"), ["sign"], 'OperationError: The "publicExponent" must be either '
                                                               '3 or 65537, but got a number larger than 2^32.'),
        (_rsa(bits=128), ["sign"], "OperationError: The modulus length must be a multiple of 8 and between 256 and "
                                   "16k, but 128 was requested."),
        (_rsa(bits=1000), ["sign"], "OperationError: Can't generate key: RSA key size is required to be a multiple "
                                    "of 128"),
        (_rsa("RSA-OAEP"), ["encrypt"], "SyntaxError: Attempt to generate asymmetric keys with no valid private key "
                                        "usages."),
        ({"name": "ECDSA"}, ["encrypt"], 'SyntaxError: Attempt to generate ECDSA key with invalid usage "encrypt".'),
        ({"name": "ECDSA", "namedCurve": "P-192"}, ["verify"], 'NotSupportedError: Unrecognized or unimplemented EC '
                                                               'curve "P-192" requested.'),
        ({"name": "ECDH"}, ["deriveBits"], 'TypeError: Missing field "namedCurve" in "algorithm".'),
        ({"name": "ECDH", "namedCurve": "P-256"}, [], "SyntaxError: Attempt to generate asymmetric keys with no valid "
                                                      "private key usages."),
        ("X25519", ["sign"], 'SyntaxError: Attempt to generate X25519 key with invalid usage "sign".'),
        ("Ed25519", ["verify"], "SyntaxError: Attempt to generate asymmetric keys with no valid private key usages."),
        ({"name": "RSA-RAW"}, ["sign"], 'NotSupportedError: Unrecognized key generation algorithm "RSA-RAW" '
                                        'requested.'),
    ]
    for algorithm, usages, expected in cases:
        assert await error_of(_generate(algorithm, True, usages)) == expected, (algorithm, usages)


@pytest.mark.asyncio
async def test_a_modulus_length_that_is_no_integer_converts_as_jsgs_int():
    """jsg's ``int`` (value.h) as the struct converts: NaN is 0, past int32 a TypeError before any
    other check -- not a Python ValueError out of ``int()``."""
    assert await error_of(_generate(_rsa(bits="abc"), True, ["sign"])) == \
        "OperationError: modulusLength must be greater than zero (requested 0)."
    assert await error_of(_generate(_rsa(bits=2**40, exponent=None), True, ["sign"])) == \
        "TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive)."


@pytest.mark.asyncio
async def test_without_the_cryptography_package_it_says_so(monkeypatch):
    hide_cryptography(monkeypatch)
    assert await error_of(_generate({"name": "ECDSA", "namedCurve": "P-256"}, True, ["sign"])) == \
        ("NotSupportedError: ECDSA key generation is emulated with the 'cryptography' package, which is not installed "
         "(pip install cryptography)")
