"""``crypto.subtle.importKey("jwk", ...)``'s refusals, each text whole as workerd words it: the
members of an RSA, EC, Ed25519, HMAC or AES JWK missing, not base64url or not the key asked for,
``use``/``key_ops`` against the usages (each case also in ``tools/wrangler/webcrypto_differential.py``,
the same under ``wrangler dev`` 4.164.0 -- but an EC point off its curve and an invalid ``d``, which are
``DataError`` from workerd 1.20261123.1 on, ``OperationError`` before: currency55), and the one refusal that is workers-env's own: RSA numbers
that form no key (workerd imports them and fails at ``sign``; see README, Where we had to choose)."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from workers_env import JsException, js, to_js

subtle = js.crypto.subtle
RS256 = {"name": "RSASSA-PKCS1-v1_5", "hash": "SHA-256"}
EC256 = {"name": "ECDSA", "namedCurve": "P-256"}
HS256 = {"name": "HMAC", "hash": "SHA-256"}
# RFC 8032, section 7.1, TEST 2's public key
ED_X = "PUAXw-hDiVqStwqnTRt-vJyYLM8uxJaMwM1V8Sr0Zgw"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def num(i: int, size: int | None = None) -> str:
    return b64url(i.to_bytes(size or (i.bit_length() + 7) // 8, "big"))


@pytest.fixture(scope="module")
def rsa_jwks() -> tuple[dict, dict]:
    n = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_numbers()
    public = {"kty": "RSA", "n": num(n.public_numbers.n), "e": num(n.public_numbers.e)}
    private = {**public, "d": num(n.d), "p": num(n.p), "q": num(n.q), "dp": num(n.dmp1), "dq": num(n.dmq1),
               "qi": num(n.iqmp)}
    return public, private


@pytest.fixture(scope="module")
def ec_jwks() -> tuple[dict, dict, str]:
    n = ec.generate_private_key(ec.SECP256R1()).private_numbers()
    public = {"kty": "EC", "crv": "P-256", "x": num(n.public_numbers.x, 32), "y": num(n.public_numbers.y, 32)}
    other = ec.generate_private_key(ec.SECP256R1()).private_numbers().private_value
    return public, {**public, "d": num(n.private_value, 32)}, num(other, 32)


async def refusal(jwk: dict, algorithm: object, usages: list[str]) -> str:
    algorithm = to_js(algorithm, dict_converter=js.Object.fromEntries) if isinstance(algorithm, dict) else algorithm
    with pytest.raises(JsException) as info:
        await subtle.importKey("jwk", to_js(jwk, dict_converter=js.Object.fromEntries), algorithm, False,
                               to_js(usages))
    return str(info.value)


def without(jwk: dict, member: str) -> dict:
    return {k: v for k, v in jwk.items() if k != member}


@pytest.mark.asyncio
async def test_rsa_jwk_refusals(rsa_jwks):
    public, private = rsa_jwks
    invalid = "DataError: Invalid RSA key in JSON Web Key; "
    cases = [
        ({**public, "kty": "EC"}, ["verify"], 'DataError: RSASSA-PKCS1-v1_5 "jwk" key import requires a JSON Web Key '
                                              'with Key Type parameter "kty" ("EC") equal to "RSA".'),
        ({**public, "alg": "HS256"}, ["verify"], 'NotSupportedError: Unrecognized or unimplemented algorithm "HS256" '
                                                 "listed in JSON Web Key Algorithm parameter."),
        ({"kty": "RSA", "e": "AQAB"}, ["verify"], invalid + 'missing or invalid Modulus parameter ("n").'),
        ({**public, "n": "!!!"}, ["verify"], invalid + 'missing or invalid Modulus parameter ("n").'),
        (without(public, "e"), ["verify"], invalid + 'missing or invalid Exponent parameter ("e").'),
        ({**private, "d": "!!!"}, ["sign"], invalid + 'missing or invalid Private Exponent parameter ("d").'),
        ({**private, "p": "!!!"}, ["sign"], invalid + 'invalid First Prime Factor parameter ("p").'),
        ({**private, "q": "!!!"}, ["sign"], invalid + 'invalid Second Prime Factor parameter ("q").'),
        ({**private, "dp": "!!!"}, ["sign"], invalid + 'invalid First Factor CRT Exponent parameter ("dp").'),
        ({**private, "dq": "!!!"}, ["sign"], invalid + 'invalid Second Factor CRT Exponent parameter ("dq").'),
        ({**private, "qi": "!!!"}, ["sign"], invalid + 'invalid First CRT Coefficient parameter ("qi").'),
        ({**private, "oth": [{"r": "AQ", "d": "AQ", "t": "AQ"}]}, ["sign"],
         "NotSupportedError: Multi-prime private keys not supported."),
        ({**private, "use": "enc"}, ["sign"], 'DataError: Asymmetric "jwk" key import with usages requires a JSON Web '
                                              'Key with Public Key Use parameter "use" ("enc") equal to "sig".'),
        ({**private, "key_ops": ["verify"]}, ["sign"], "DataError: All specified key usages must be present in the "
                                                       "JSON Web Key's Key Operations parameter (\"key_ops\")."),
        ({**public, "key_ops": ["verify", "verify"]}, ["verify"],
         "DataError: A JSON Web Key's Key Operations parameter (\"key_ops\") must not contain duplicates."),
    ]
    for jwk, usages, error in cases:
        assert await refusal(jwk, RS256, usages) == error
    no_key = "DataError: Invalid RSA private key in JSON Web Key: its numbers do not form a key."  # workers-env's
    for jwk in ({**public, "d": "AQ"}, {**private, "qi": "Ag"}):
        assert await refusal(jwk, RS256, ["sign"]) == no_key
    key = await subtle.importKey("jwk", to_js({**public, "oth": [{"r": "AQ"}]}, dict_converter=js.Object.fromEntries),
                                 to_js(RS256, dict_converter=js.Object.fromEntries), False, to_js(["verify"]))
    assert key.type == "public"  # "oth" counts in a private key only


@pytest.mark.asyncio
async def test_ec_jwk_refusals(ec_jwks):
    public, private, other_d = ec_jwks
    cases = [
        ({**public, "kty": "RSA"}, ["verify"], 'DataError: Elliptic curve "jwk" key import requires a JSON Web Key '
                                               'with Key Type parameter "kty" ("RSA") equal to "EC".'),
        (without(public, "x"), ["verify"], 'DataError: Invalid EC key in JSON Web Key; missing "x".'),
        ({**public, "x": "!!!"}, ["verify"], 'DataError: Invalid EC key in JSON Web Key; missing "x".'),
        (without(public, "y"), ["verify"], 'DataError: Invalid EC key in JSON Web Key; missing "y".'),
        ({**public, "y": public["x"]}, ["verify"], 'DataError: Invalid EC key; public key coordinates "x" and "y" '
                                                   "are invalid: Point is not on curve.."),
        ({**private, "d": "!!!"}, ["sign"], 'DataError: Invalid EC key in JSON Web Key; missing or invalid private key '
                                            'component ("d").'),
        ({**private, "d": b64url(b"\xff" * 32)}, ["sign"],
         'DataError: Invalid EC key; private key component "d" is invalid.'),
        ({**private, "d": b64url(bytes(32))}, ["sign"],
         'DataError: Invalid EC key; private key component "d" is invalid.'),
        ({**private, "d": other_d}, ["sign"], "DataError: Invalid EC key in JSON Web Key."),
    ]
    for jwk, usages, error in cases:
        assert await refusal(jwk, EC256, usages) == error


@pytest.mark.asyncio
async def test_ed25519_jwk_refusals():
    public = {"kty": "OKP", "crv": "Ed25519", "x": ED_X}
    cases = [
        ({**public, "kty": "EC"}, ["verify"], 'DataError: Ed25519 "jwk" key imports requires a JSON Web Key with Key '
                                              'Type parameter "kty" ("EC") equal to "OKP".'),
        (without(public, "crv"), ["verify"], 'DataError: Missing field "crv" for Ed25519 key.'),
        ({**public, "alg": "ES256"}, ["verify"], 'DataError: JSON Web Key Algorithm parameter "alg" ("ES256") does not '
                                                 "match requested Ed25519 curve."),
        (without(public, "x"), ["verify"], 'DataError: Invalid Ed25519 key in JSON WebKey; missing or invalid public '
                                           'key component ("x").'),
        ({**public, "x": "!!!"}, ["verify"], 'DataError: Invalid Ed25519 key in JSON WebKey; missing or invalid public '
                                             'key component ("x").'),
        ({**public, "x": b64url(bytes(31))}, ["verify"], "DataError: Invalid length 31 for public key"),
        ({**public, "d": "!!!"}, ["sign"], 'DataError: Invalid Ed25519 key in JSON Web Key; missing or invalid private '
                                           'key component ("d").'),
        ({**public, "use": "enc"}, ["verify"], 'DataError: Asymmetric "jwk" key import with usages requires a JSON Web '
                                               'Key with Public Key Use parameter "use" ("enc") equal to "sig".'),
        ({**public, "key_ops": ["verify", "verify"]}, ["verify"],
         "DataError: A JSON Web Key's Key Operations parameter (\"key_ops\") must not contain duplicates."),
    ]
    for jwk, usages, error in cases:
        assert await refusal(jwk, "Ed25519", usages) == error


@pytest.mark.asyncio
async def test_secret_jwk_refusals():
    k = b64url(b"secret-key")
    cases = [
        ({"kty": "RSA", "k": k}, HS256, ["sign"], 'DataError: HMAC "jwk" key import requires a JSON Web Key with Key '
                                                  'Type parameter ("kty") equal to "oct" (encountered "RSA").'),
        ({"kty": "oct"}, HS256, ["sign"], 'DataError: HMAC "jwk" key import requires a base64Url encoding of the key'),
        ({"kty": "oct", "k": k, "alg": "HS512"}, HS256, ["sign"],
         'DataError: HMAC "jwk" key import specifies "alg" that is incompatible with the hash name (encountered '
         '"HS512", expected "HS256").'),
        ({"kty": "oct", "k": b64url(bytes(32)), "key_ops": ["encrypt", "decrypt", "encrypt"]}, "AES-CBC", ["encrypt"],
         'DataError: Symmetric "jwk" key contains duplicate value "encrypt", in "key_op".'),
    ]
    for jwk, algorithm, usages, error in cases:
        assert await refusal(jwk, algorithm, usages) == error
