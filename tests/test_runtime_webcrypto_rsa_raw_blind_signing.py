"""RSA-RAW, workerd's blind-signing algorithm (rsa.c++'s ``importRsaRaw`` and ``Rsa::sign``): a
private key alone imports (``pkcs8`` or a JWK; its ``algorithm`` has no hash, undefined from
2025-12-03), and signs a number
below its modulus, given in the modulus' size, by raising it to the private exponent -- no padding,
no hash; workerd's refusals and texts (the WebCrypto differential: the same under wrangler dev
4.164.0)."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from webcrypto_helpers import b64url, error_of, imported, pkcs8, spki
from worker_helpers import json_answer, one_file_worker

from workers_env import js, to_js

KEY = rsa.generate_private_key(public_exponent=65537, key_size=1024)
N, D = KEY.public_key().public_numbers().n, KEY.private_numbers().d


@pytest.mark.asyncio
async def test_a_private_key_signs_the_number_it_is_given():
    key = await imported("pkcs8", pkcs8(KEY), {"name": "rsa-raw", "hash": "SHA-256"}, ["sign"])
    algorithm = key.algorithm.to_py()
    assert (algorithm["name"], algorithm["modulusLength"], bytes(algorithm["publicExponent"]), algorithm["hash"]) == \
        ("RSA-RAW", 1024, b"\x01\x00\x01", None)
    message = b"\x00" + b"\x5a" * 127
    signature = (await js.crypto.subtle.sign("RSA-RAW", key, to_js(message))).to_bytes()
    assert signature == pow(int.from_bytes(message, "big"), D, N).to_bytes(128, "big")
    assert (await js.crypto.subtle.exportKey("pkcs8", key)).to_bytes() == pkcs8(KEY)


@pytest.mark.asyncio
async def test_refusals_are_workerds():
    key = await imported("pkcs8", pkcs8(KEY), {"name": "RSA-RAW"}, ["sign"])
    numbers = KEY.private_numbers()
    jwk = {"kty": "RSA", "n": b64url(N.to_bytes(128, "big")), "e": "AQAB"}
    cases = [
        (imported("spki", spki(KEY), {"name": "RSA-RAW"}, ["verify"]),
         'DataError: RSA-RAW only supports private keys but requested "public".'),
        (imported("pkcs8", pkcs8(KEY), {"name": "RSA-RAW"}, ["verify"]),
         'SyntaxError: Attempt to import private RSA-RAW key with invalid usage "verify".'),
        (imported("jwk", {**jwk, "kty": "EC"}, {"name": "RSA-RAW"}, []),
         'DataError: RSA-RAW "jwk" key import requires a JSON Web Key with Key Type parameter "kty" ("EC") equal to '
         '"RSA".'),
        (imported("jwk", {**jwk, "alg": "PS256", "d": b64url(numbers.d.to_bytes(128, "big"))}, {"name": "RSA-RAW"},
                  ["sign"]),
         'NotSupportedError: Unrecognized or unimplemented algorithm "PS256" listed in JSON Web Key Algorithm '
         'parameter.'),
        (js.crypto.subtle.sign("RSA-RAW", key, to_js(bytes(129))),
         "DataError: Blind Signing requires presigned data (129 bytes) to be smaller than the key (128 bytes)."),
        (js.crypto.subtle.sign("RSA-RAW", key, to_js(b"\xff" * 128)),
         "DataError: Blind Signing requires presigned data value to be strictly smaller than RSA keymodulus, consider "
         "using a larger key size."),
        (js.crypto.subtle.sign("RSA-RAW", key, to_js(bytes(32))), "OperationError: Invalid RSA signature."),
        (js.crypto.subtle.exportKey("spki", key),
         'InvalidAccessError: Asymmetric spki export requires public key (not "private").'),
        (js.crypto.subtle.exportKey("jwk", key),
         'NotSupportedError: JWK export of an RSA-RAW key is not possible: the key has no hash to name its "alg" '
         '(workerd fails with an internal error); export it as "pkcs8".'),
    ]
    for call, expected in cases:
        assert await error_of(call) == expected
    assert await error_of(js.crypto.subtle.generateKey("RSA-RAW", False, to_js(["sign"]))) == \
        'NotSupportedError: Unrecognized key generation algorithm "RSA-RAW" requested.'


ENTRY = """
import base64

import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        der = to_js(base64.b64decode("%s"))
        key = await js.crypto.subtle.importKey("pkcs8", der, "RSA-RAW", False, to_js(["sign"]))
        return Response.json(list(js.Object.keys(key.algorithm)))
"""


@pytest.mark.parametrize(("date", "members"), [("2025-12-02", ["name", "modulusLength", "publicExponent"]),
                                               ("2025-12-03", ["name", "modulusLength", "publicExponent", "hash"])])
def test_its_algorithm_has_a_hash_member_from_fast_jsg_struct_on(tmp_path, date, members):
    """jsg sets no member for an empty Optional (struct.h) until ``enable_fast_jsg_struct``
    (2025-12-03) sets it to undefined (measured under wrangler dev 4.164.0: 2025-04-10 lists no
    hash, 2026-09-28 ``hash: undefined``)."""
    entry = ENTRY % base64.b64encode(pkcs8(KEY)).decode()
    assert json_answer(one_file_worker(tmp_path, entry, date=date), "/") == members
