"""``crypto.subtle`` private signature keys (RSASSA-PKCS1-v1_5 and Ed25519 from ``pkcs8`` or a
JWK) and ``sign``, held to the ``cryptography`` package; error texts are workerd's (checked
against ``wrangler dev`` by ``tools/wrangler/webcrypto_differential.py``)."""

from __future__ import annotations

import base64
import json
import textwrap

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa
from worker_helpers import hide_cryptography

from workers_env import JsException, js, load_worker, to_js

subtle = js.crypto.subtle
PKCS8 = (serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
SPKI = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def obj(d: dict) -> object:
    return to_js(d, dict_converter=js.Object.fromEntries)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def num(i: int) -> str:
    return b64url(i.to_bytes((i.bit_length() + 7) // 8, "big"))


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def rsa_jwk(key: rsa.RSAPrivateKey, *, crt: bool = True) -> dict:
    n = key.private_numbers()
    jwk = {"kty": "RSA", "n": num(n.public_numbers.n), "e": num(n.public_numbers.e), "d": num(n.d)}
    if crt:
        jwk.update(p=num(n.p), q=num(n.q), dp=num(n.dmp1), dq=num(n.dmq1), qi=num(n.iqmp))
    return jwk


RS256 = {"name": "RSASSA-PKCS1-v1_5", "hash": "SHA-256"}


@pytest.mark.asyncio
@pytest.mark.parametrize("form", ["pkcs8", "jwk", "jwk without CRT parameters"])
async def test_rsa_private_keys_sign_as_the_cryptography_package_does(rsa_key, form):
    if form == "pkcs8":
        key = await subtle.importKey("pkcs8", to_js(rsa_key.private_bytes(*PKCS8)), obj(RS256), False, to_js(["sign"]))
    else:
        jwk = rsa_jwk(rsa_key, crt=form == "jwk")
        key = await subtle.importKey("jwk", obj(jwk), obj(RS256), False, to_js(["sign"]))
    assert key.type == "private" and list(key.usages) == ["sign"]
    algorithm = key.algorithm.to_py()
    assert algorithm["modulusLength"] == 2048 and bytes(algorithm["publicExponent"]) == b"\x01\x00\x01"
    assert algorithm["hash"] == {"name": "SHA-256"} and key.algorithm.publicExponent.constructor.name == "Uint8Array"
    message = b"header.payload"
    signature = (await subtle.sign("RSASSA-PKCS1-v1_5", key, to_js(message))).to_bytes()
    assert signature == rsa_key.sign(message, padding.PKCS1v15(), hashes.SHA256())  # PKCS#1 v1.5 is deterministic
    public = await subtle.importKey("spki", to_js(rsa_key.public_key().public_bytes(*SPKI)), obj(RS256), False,
                                    to_js(["verify"]))
    assert public.type == "public" and public.algorithm.modulusLength == 2048
    assert await subtle.verify("RSASSA-PKCS1-v1_5", public, to_js(signature), to_js(message)) is True
    assert await subtle.verify("RSASSA-PKCS1-v1_5", public, to_js(signature), to_js(b"tampered")) is False


@pytest.mark.asyncio
async def test_ed25519_private_keys_sign_as_the_cryptography_package_does():
    private = ed25519.Ed25519PrivateKey.generate()
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    x = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    from_pkcs8 = await subtle.importKey("pkcs8", to_js(private.private_bytes(*PKCS8)), "Ed25519", False, to_js(["sign"]))
    from_jwk = await subtle.importKey("jwk", obj({"kty": "OKP", "crv": "Ed25519", "x": b64url(x), "d": b64url(raw)}),
                                      "Ed25519", False, to_js(["sign"]))
    for key in (from_pkcs8, from_jwk):
        assert key.type == "private" and key.algorithm.to_py() == {"name": "Ed25519"}
        assert (await subtle.sign("Ed25519", key, to_js(b"m"))).to_bytes() == private.sign(b"m")


@pytest.mark.asyncio
async def test_signature_key_import_refusals(rsa_key):
    pkcs8 = to_js(rsa_key.private_bytes(*PKCS8))
    cases = [
        (("pkcs8", pkcs8, obj(RS256), False, to_js(["verify"])),
         'SyntaxError: Attempt to import private RSASSA-PKCS1-v1_5 key with invalid usage "verify".'),
        (("pkcs8", pkcs8, obj(RS256), False, to_js([])), "SyntaxError: Secret/private CryptoKeys must have at least one usage."),
        (("pkcs8", to_js(b"\x30\x00"), obj(RS256), False, to_js(["sign"])), "DataError: Invalid PKCS8 input."),
        (("spki", to_js(b"\x30\x00"), obj(RS256), False, to_js(["verify"])), "DataError: Invalid SPKI input."),
        (("raw", to_js(b"x" * 32), obj(RS256), False, to_js(["verify"])),
         'NotSupportedError: Unrecognized key import format "raw".'),
        (("pkcs8", pkcs8, obj({"name": "RSASSA-PKCS1-v1_5"}), False, to_js(["sign"])),
         'TypeError: Missing field "hash" in "algorithm".'),
        (("jwk", obj({**rsa_jwk(rsa_key), "alg": "RS512"}), obj(RS256), False, to_js(["sign"])),
         'DataError: JSON Web Key Algorithm parameter "alg" ("RS512") does not match requested hash algorithm "RS512".'),
        (("jwk", obj({k: v for k, v in rsa_jwk(rsa_key).items() if k != "qi"}), obj(RS256), False, to_js(["sign"])),
         'DataError: Invalid RSA private key in JSON Web Key; if one Prime Factor or CRT Exponent/Coefficient parameter '
         'is present, then they must all be present ("p", "q", "dp", "dq", "qi").'),
        (("jwk", obj({"kty": "OKP", "crv": "X25519", "x": b64url(bytes(32))}), "Ed25519", False, to_js(["verify"])),
         'DataError: Only Ed25519 is supported but "X25519" was requested.'),
        (("jwk", obj({"kty": "OKP", "crv": "Ed25519", "x": b64url(bytes(32)), "d": b64url(bytes(5))}), "Ed25519", False,
          to_js(["sign"])), "DataError: Invalid length 5 for private key"),
    ]
    for args, error in cases:
        with pytest.raises(JsException) as info:
            await subtle.importKey(*args)
        assert str(info.value) == error
    ed = ed25519.Ed25519PrivateKey.generate().private_bytes(*PKCS8)
    with pytest.raises(JsException, match=r"^DataError: Input was not an RSA key.$"):
        await subtle.importKey("pkcs8", to_js(ed), obj(RS256), False, to_js(["sign"]))
    with pytest.raises(JsException) as info:  # workers-env's own: workerd takes it (README, Where we had to choose)
        await subtle.importKey("pkcs8", pkcs8, "Ed25519", False, to_js(["sign"]))
    assert str(info.value) == "DataError: Input was not an Ed25519 key"


@pytest.mark.asyncio
async def test_without_the_cryptography_package_signature_keys_say_what_to_install(rsa_key, monkeypatch):
    spki = to_js(rsa_key.public_key().public_bytes(*SPKI))
    hide_cryptography(monkeypatch)
    with pytest.raises(JsException) as info:
        await subtle.importKey("spki", spki, obj(RS256), False, to_js(["verify"]))
    assert str(info.value) == ("NotSupportedError: RSASSA-PKCS1-v1_5 key import is emulated with the 'cryptography' "
                               "package, which is not installed (pip install cryptography)")


ENTRY = '''
import base64
import json

import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


def b64url(data):
    return base64.urlsafe_b64encode(bytes(data)).rstrip(b"=").decode()


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        """A service account's OAuth assertion, signed as Google's docs have Workers sign it."""
        account = json.loads(self.env.SERVICE_ACCOUNT)
        body = "".join(account["private_key"].strip().splitlines()[1:-1])
        der = base64.b64decode(body)
        key = await js.crypto.subtle.importKey(
            "pkcs8", to_js(der), to_js({"name": "RSASSA-PKCS1-v1_5", "hash": "SHA-256"}, dict_converter=js.Object.fromEntries),
            False, to_js(["sign"]))
        header = b64url(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
        claims = b64url(json.dumps({"iss": account["client_email"], "aud": "https://oauth2.googleapis.com/token"}).encode())
        signed = f"{header}.{claims}"
        signature = await js.crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, js.TextEncoder.new().encode(signed))
        return Response(f"{signed}.{b64url(signature.to_bytes())}")
'''


@pytest.mark.asyncio
async def test_a_worker_signs_a_service_account_assertion(tmp_path, rsa_key):
    pem = rsa_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.toml").write_text('name = "sa"\nmain = "src/entry.py"\ncompatibility_date = "2025-10-01"\n'
                                            'compatibility_flags = ["python_workers"]\n')
    # single-quoted: wrangler's dotenv unescapes nothing there (in double quotes it would keep \" as
    # written, and the JSON would not parse -- under wrangler dev too)
    (tmp_path / ".dev.vars").write_text("SERVICE_ACCOUNT='" + json.dumps(
        {"client_email": "bot@example.iam.gserviceaccount.com", "private_key": pem}) + "'\n")
    worker = load_worker(tmp_path)
    jwt = await (await worker.fetch("/")).text()
    signed, _, signature = jwt.rpartition(".")
    raw = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
    rsa_key.public_key().verify(raw, signed.encode(), padding.PKCS1v15(), hashes.SHA256())  # raises if wrong
    assert json.loads(base64.urlsafe_b64decode(signed.split(".")[1] + "==")) == {
        "iss": "bot@example.iam.gserviceaccount.com", "aud": "https://oauth2.googleapis.com/token"}


@pytest.mark.asyncio
@pytest.mark.parametrize(("curve", "size", "hash_name"), [("P-256", 32, "SHA-256"), ("P-384", 48, "SHA-384"),
                                                          ("P-521", 66, "SHA-512")])
async def test_ecdsa_signatures_are_r_and_s_and_interoperate_with_the_cryptography_package(curve, size, hash_name):
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

    group = {"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1(), "P-521": ec.SECP521R1()}[curve]
    digest = {"SHA-256": hashes.SHA256(), "SHA-384": hashes.SHA384(), "SHA-512": hashes.SHA512()}[hash_name]
    private = ec.generate_private_key(group)
    algo = obj({"name": "ECDSA", "namedCurve": curve})
    signer = await subtle.importKey("pkcs8", to_js(private.private_bytes(*PKCS8)), algo, False, to_js(["sign"]))
    point = private.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    checker = await subtle.importKey("raw", to_js(point), algo, True, to_js(["verify"]))
    assert signer.algorithm.to_py() == {"name": "ECDSA", "namedCurve": curve} and checker.type == "public"
    params = obj({"name": "ECDSA", "hash": hash_name})
    ours = (await subtle.sign(params, signer, to_js(b"payload"))).to_bytes()
    assert len(ours) == 2 * size
    private.public_key().verify(encode_dss_signature(int.from_bytes(ours[:size], "big"), int.from_bytes(ours[size:], "big")),
                                b"payload", ec.ECDSA(digest))  # raises if ours is wrong
    r, s = decode_dss_signature(private.sign(b"payload", ec.ECDSA(digest)))
    theirs = r.to_bytes(size, "big") + s.to_bytes(size, "big")
    assert await subtle.verify(params, checker, to_js(theirs), to_js(b"payload")) is True
    assert await subtle.verify(params, checker, to_js(theirs), to_js(b"other")) is False
    assert await subtle.verify(params, checker, to_js(theirs[:-1]), to_js(b"payload")) is False  # wrong size: invalid
    with pytest.raises(JsException, match=r'^TypeError: Missing "hash" in AlgorithmIdentifier. \(ECDSA requires'):
        await subtle.sign(obj({"name": "ECDSA"}), signer, to_js(b"payload"))


@pytest.mark.asyncio
async def test_ecdsa_import_refusals():
    from cryptography.hazmat.primitives.asymmetric import ec

    p384 = ec.generate_private_key(ec.SECP384R1()).public_key().public_bytes(*SPKI)
    cases = [
        (("spki", to_js(p384), obj({"name": "ECDSA", "namedCurve": "P-256"}), False, to_js(["verify"])),
         'DataError: "algorithm.namedCurve" "P-256" does not match the curve specified by the input key data.'),
        (("spki", to_js(p384), obj({"name": "ECDSA"}), False, to_js(["verify"])),
         'TypeError: Missing field "namedCurve" in "algorithm".'),
        (("spki", to_js(p384), obj({"name": "ECDSA", "namedCurve": "P-192"}), False, to_js(["verify"])),
         'NotSupportedError: Unrecognized or unimplemented EC curve "P-192" requested.'),
        (("raw", to_js(b"\x04" + b"\x01" * 64), obj({"name": "ECDSA", "namedCurve": "P-256"}), False, to_js(["verify"])),
         "DataError: Failed to import raw EC key data: Point is not on curve.."),
        (("raw", to_js(b"\x04" + b"\x01" * 63), obj({"name": "ECDSA", "namedCurve": "P-256"}), False, to_js(["verify"])),
         "DataError: Failed to import raw EC key data: Invalid point encoding.."),
        (("spki", to_js(rsa.generate_private_key(public_exponent=65537, key_size=1024).public_key().public_bytes(*SPKI)),
          obj({"name": "ECDSA", "namedCurve": "P-256"}), False, to_js(["verify"])), "DataError: Input was not an EC key."),
    ]
    for args, error in cases:
        with pytest.raises(JsException) as info:
            await subtle.importKey(*args)
        assert str(info.value) == error


@pytest.mark.asyncio
async def test_rsa_pss_signs_with_the_given_salt_and_verifies_the_cryptography_packages(rsa_key):
    algo = obj({"name": "RSA-PSS", "hash": "SHA-256"})
    signer = await subtle.importKey("pkcs8", to_js(rsa_key.private_bytes(*PKCS8)), algo, False, to_js(["sign"]))
    checker = await subtle.importKey("spki", to_js(rsa_key.public_key().public_bytes(*SPKI)), algo, False,
                                     to_js(["verify"]))
    ours = (await subtle.sign(obj({"name": "RSA-PSS", "saltLength": 32}), signer, to_js(b"m"))).to_bytes()
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
    rsa_key.public_key().verify(ours, b"m", pss, hashes.SHA256())  # raises if ours is wrong
    theirs = rsa_key.sign(b"m", pss, hashes.SHA256())
    assert await subtle.verify(obj({"name": "RSA-PSS", "saltLength": 32}), checker, to_js(theirs), to_js(b"m")) is True
    assert await subtle.verify(obj({"name": "RSA-PSS", "saltLength": 20}), checker, to_js(theirs), to_js(b"m")) is False
    assert len((await subtle.sign(obj({"name": "RSA-PSS", "saltLength": 222}), signer, to_js(b"m"))).to_bytes()) == 256
    refusals = [(subtle.sign, (obj({"name": "RSA-PSS"}), signer, to_js(b"m")),
                 "DataError: Failed to provide salt for RSA-PSS key operation which requires a salt"),
                (subtle.verify, (obj({"name": "RSA-PSS"}), checker, to_js(theirs), to_js(b"m")),
                 "TypeError: Failed to provide salt for RSA-PSS key operation which requires a salt"),
                (subtle.sign, (obj({"name": "RSA-PSS", "saltLength": 223}), signer, to_js(b"m")),
                 "OperationError: key too small for signing with given digest and salt length"),
                (subtle.sign, (obj({"name": "RSA-PSS", "saltLength": -1}), signer, to_js(b"m")),
                 "DataError: SaltLength for RSA-PSS must be non-negative (provided -1).")]
    for method, args, error in refusals:
        with pytest.raises(JsException) as info:
            await method(*args)
        assert str(info.value) == error
