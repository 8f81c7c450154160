"""``crypto.subtle`` as public Python Workers use it: digests, HMAC, signature checks.

Webhook and token checks in Workers code import a key (``importKey``) and ``sign`` or
``verify`` with it. ``digest`` (SHA-1/256/384/512) and HMAC (any of those hashes, keys as
``raw`` bytes or an ``oct`` JWK) use the standard library; verifying Ed25519 and
RSASSA-PKCS1-v1_5 signatures (``raw``/``spki``/``jwk`` public keys) uses the
``cryptography`` package when it is installed, and otherwise says so. Errors carry WebCrypto's
names (``NotSupportedError``, ``DataError``, ``InvalidAccessError``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

from workers_env._errors import JsException
from workers_env.runtime.jsbuffers import buffer_bytes
from workers_env.runtime.jsproxy import (
    JsArray,
    JsBuffer,
    JsMap,
    JsObject,
    JsProxy,
    js_type_error,
)

__all__ = ["CryptoKey", "SubtleCrypto"]

_HASHES = {"SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512"}
_DIGESTS = {**_HASHES, "MD5": "md5"}  # workerd's digest also takes MD5 (a non-standard extension)


def _plain(value: Any) -> Any:
    if isinstance(value, (JsObject, JsArray, JsMap)):
        return value.to_py()
    return value


def _algorithm(value: Any) -> dict[str, Any]:
    value = _plain(value)
    if isinstance(value, str):
        return {"name": value}
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return dict(value)
    raise js_type_error("Algorithm: the algorithm must be a string or an object with a name.")


def _hash_name(algorithm: dict[str, Any]) -> str:
    hash_ = _plain(algorithm.get("hash"))
    name = hash_.get("name") if isinstance(hash_, dict) else hash_
    key = str(name or "").upper()
    if key not in _HASHES:
        raise JsException(f"Unrecognized hash algorithm: {name!r}", name="NotSupportedError")
    return key


def _b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _needs_cryptography(what: str) -> JsException:
    return JsException(
        f"{what} is emulated with the 'cryptography' package, which is not installed (pip install cryptography)",
        name="NotSupportedError",
    )


class CryptoKey(JsProxy):
    """``CryptoKey``: an imported key (``type``, ``algorithm``, ``extractable``, ``usages``)."""

    _js_name = "CryptoKey"

    def __init__(self, kind: str, algorithm: dict[str, Any], extractable: bool, usages: list[str], material: Any):
        self.type = kind
        self.algorithm = JsObject(algorithm)
        self.extractable = bool(extractable)
        self.usages = JsArray(list(usages))
        self._name = algorithm["name"]
        self._material = material


def _import_public(fmt: str, data: Any, name: str) -> Any:
    try:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
    except ImportError:
        raise _needs_cryptography(f"{name} keys") from None
    try:
        if fmt == "spki":
            return serialization.load_der_public_key(buffer_bytes(data))
        if name == "ED25519" and fmt == "raw":
            return ed25519.Ed25519PublicKey.from_public_bytes(buffer_bytes(data))
        jwk = _plain(data)
        if fmt == "jwk" and name == "ED25519" and isinstance(jwk, dict):
            return ed25519.Ed25519PublicKey.from_public_bytes(_b64url(jwk["x"]))
        if fmt == "jwk" and name == "RSASSA-PKCS1-V1_5" and isinstance(jwk, dict):
            n, e = (int.from_bytes(_b64url(jwk[k]), "big") for k in ("n", "e"))
            return rsa.RSAPublicNumbers(e, n).public_key()
    except (KeyError, ValueError, TypeError) as exc:
        raise JsException(f"Invalid key data: {exc}", name="DataError") from None
    raise JsException(f"Unsupported key format {fmt!r} for {name}", name="NotSupportedError")


class SubtleCrypto(JsProxy):
    """``crypto.subtle`` (the subset Workers code uses); every method is async, as in JavaScript."""

    _js_name = "SubtleCrypto"

    async def digest(self, algorithm: Any, data: Any) -> JsBuffer:
        key = _algorithm(algorithm)["name"].upper()
        if key not in _DIGESTS:
            raise JsException("Unrecognized name.", name="NotSupportedError")
        return JsBuffer(hashlib.new(_DIGESTS[key], buffer_bytes(data)).digest())

    async def importKey(  # noqa: N802 - JS name
        self, fmt: str, key_data: Any, algorithm: Any, extractable: bool = False, usages: Any = None
    ) -> CryptoKey:
        algo = _algorithm(algorithm)
        name = algo["name"].upper()
        usage_list = [str(u) for u in (_plain(usages) or [])]
        if name == "HMAC":
            algo["hash"] = {"name": _hash_name(algo)}
            if fmt == "raw":
                secret = buffer_bytes(key_data)
            elif fmt == "jwk" and isinstance(_plain(key_data), dict) and "k" in _plain(key_data):
                secret = _b64url(_plain(key_data)["k"])
            else:
                raise JsException(f"Unsupported key format {fmt!r} for HMAC", name="NotSupportedError")
            return CryptoKey("secret", {**algo, "name": "HMAC"}, extractable, usage_list, secret)
        if name in ("ED25519", "RSASSA-PKCS1-V1_5"):
            if name == "RSASSA-PKCS1-V1_5":
                algo["hash"] = {"name": _hash_name(algo)}
            return CryptoKey("public", algo, extractable, usage_list, _import_public(fmt, key_data, name))
        raise JsException(f"Unrecognized or unsupported algorithm: {algo['name']}", name="NotSupportedError")

    @staticmethod
    def _check(key: Any, usage: str) -> CryptoKey:
        if not isinstance(key, CryptoKey):
            raise js_type_error("Failed to execute: parameter 2 is not of type 'CryptoKey'.")
        if usage not in key.usages:
            raise JsException(f"CryptoKey doesn't support {usage}.", name="InvalidAccessError")
        return key

    async def sign(self, algorithm: Any, key: Any, data: Any) -> JsBuffer:
        key = self._check(key, "sign")
        if key._name.upper() != "HMAC":
            raise JsException(f"Signing with {key._name} is not emulated by workers-env", name="NotSupportedError")
        digest = _HASHES[_hash_name(key.algorithm.to_py())]
        return JsBuffer(hmac.new(key._material, buffer_bytes(data), digest).digest())

    async def verify(self, algorithm: Any, key: Any, signature: Any, data: Any) -> bool:
        key = self._check(key, "verify")
        name = key._name.upper()
        if name == "HMAC":
            expected = await self.sign(algorithm, CryptoKey("secret", key.algorithm.to_py(), False, ["sign"], key._material), data)
            return hmac.compare_digest(expected.to_bytes(), buffer_bytes(signature))
        from cryptography.exceptions import InvalidSignature

        try:
            if name == "ED25519":
                key._material.verify(buffer_bytes(signature), buffer_bytes(data))
            else:
                from cryptography.hazmat.primitives import hashes
                from cryptography.hazmat.primitives.asymmetric import padding

                hash_cls = getattr(hashes, _HASHES[_hash_name(key.algorithm.to_py())].upper())
                key._material.verify(buffer_bytes(signature), buffer_bytes(data), padding.PKCS1v15(), hash_cls())
        except InvalidSignature:
            return False
        return True
