"""Asymmetric key export as workerd's ``AsymmetricKeyCryptoKeyImpl::exportKey`` (keys.c++) has it:
``pkcs8`` of a private key, ``spki`` of a public one (DER), a JWK (rsa.c++ and ec.c++'s
``exportJwk``) and ``raw`` (an EC point, uncompressed; an Ed25519/X25519 key's 32 bytes), with
workerd's refusals and texts."""

from __future__ import annotations

from typing import Any

from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsproxy import JsBuffer, JsObject
from workers_env.runtime.webcrypto.arguments import b64url_text
from workers_env.runtime.webcrypto.keys import CryptoKey, exported_jwk

#: an RSA key's JWK ``alg`` prefix by algorithm (rsa.c++'s ``jwkHashAlgorithmName``)
_RSA_ALG_PREFIX = {"RSASSA-PKCS1-v1_5": "RS", "RSA-PSS": "PS", "RSA-OAEP": "RSA-OAEP-"}


def _minimal(number: int) -> str:
    """BoringSSL's ``bignumToArray``: the number's bytes, no leading zeros, base64url."""
    return b64url_text(number.to_bytes(max(1, (number.bit_length() + 7) // 8), "big"))


def _rsa_jwk(key: CryptoKey) -> JsObject:
    from cryptography.hazmat.primitives.asymmetric import rsa

    if key._name == "RSA-RAW":  # its algorithm has no hash, which workerd's RsaRawKey requires here
        raise dom_exception("JWK export of an RSA-RAW key is not possible: the key has no hash to name its "
                            '"alg" (workerd fails with an internal error); export it as "pkcs8".', "NotSupportedError")
    hash_name = key.algorithm.to_py()["hash"]["name"]
    if not hash_name.startswith("SHA"):
        raise dom_exception(f'JWK export not supported for hash algorithm "{hash_name}".', "NotSupportedError")
    alg = "RSA-OAEP" if key._name == "RSA-OAEP" and hash_name == "SHA-1" else \
        _RSA_ALG_PREFIX[key._name] + hash_name[4:]
    if isinstance(key._material, rsa.RSAPrivateKey):
        private = key._material.private_numbers()
        public = private.public_numbers
        secret = {"d": private.d, "p": private.p, "q": private.q, "dp": private.dmp1, "dq": private.dmq1,
                  "qi": private.iqmp}
    else:
        public, secret = key._material.public_numbers(), {}
    numbers = {"n": public.n, "e": public.e, **secret}
    return exported_jwk(key, kty="RSA", alg=alg, **{name: _minimal(value) for name, value in numbers.items()})


def _ec_jwk(key: CryptoKey) -> JsObject:
    """ec.c++'s ``Ec::toJwk``: x, y and d padded to the curve's size in bytes; no ``alg``."""
    from cryptography.hazmat.primitives.asymmetric import ec

    size = (key._material.curve.key_size + 7) // 8
    if isinstance(key._material, ec.EllipticCurvePrivateKey):
        private = key._material.private_numbers()
        public, d = private.public_numbers, b64url_text(private.private_value.to_bytes(size, "big"))
    else:
        public, d = key._material.public_numbers(), None
    return exported_jwk(key, kty="EC", crv=key.algorithm.namedCurve, x=b64url_text(public.x.to_bytes(size, "big")),
                        y=b64url_text(public.y.to_bytes(size, "big")), d=d)


def _raw_public(material: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    if hasattr(material, "curve"):  # an EC key: the uncompressed X9.62 point
        return material.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    return material.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _okp_jwk(key: CryptoKey) -> JsObject:
    """ec.c++'s ``EdDsaKey::exportJwk``: an ``OKP`` JWK (a NODE-ED25519 key's ``crv`` Ed25519);
    ``alg`` ``EdDSA`` for Ed25519 alone."""
    from cryptography.hazmat.primitives import serialization

    d = None
    if key.type == "private":
        d = b64url_text(key._material.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                                    serialization.NoEncryption()))
    material = key._material.public_key() if key.type == "private" else key._material
    return exported_jwk(key, kty="OKP", crv="X25519" if key._name == "X25519" else "Ed25519",
                        alg="EdDSA" if key._name == "Ed25519" else None,
                        x=b64url_text(_raw_public(material)), d=d)


def asymmetric_export(key: CryptoKey, fmt: str) -> Any:
    """An extractable asymmetric key in ``fmt``, workerd's checks in its order."""
    from cryptography.hazmat.primitives import serialization

    if fmt == "pkcs8":
        if key.type != "private":
            raise dom_exception(f'Asymmetric pkcs8 export requires private key (not "{key.type}").',
                                "InvalidAccessError")
        return JsBuffer(key._material.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                    serialization.NoEncryption()))
    if fmt == "spki":
        if key.type != "public":
            raise dom_exception(f'Asymmetric spki export requires public key (not "{key.type}").',
                                "InvalidAccessError")
        return JsBuffer(key._material.public_bytes(serialization.Encoding.DER,
                                                   serialization.PublicFormat.SubjectPublicKeyInfo))
    is_rsa, is_ec = key._name.startswith("RSA"), key._name in ("ECDSA", "ECDH")
    if fmt == "jwk":
        return _rsa_jwk(key) if is_rsa else _ec_jwk(key) if is_ec else _okp_jwk(key)
    if fmt != "raw" or is_rsa:
        raise dom_exception(f'Cannot export "{key._name}" in "{fmt}" format.', "InvalidAccessError")
    if key.type != "public":
        what = "elliptic curve" if is_ec else key._name
        raise dom_exception(f"Raw export of {what} keys is only allowed for public keys.", "InvalidAccessError")
    return JsBuffer(_raw_public(key._material))
