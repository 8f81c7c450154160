"""``CryptoKey`` and what every key shares: usages in workerd's order and their checks, an
exported secret key's JWK, HMAC key material."""

from __future__ import annotations

from typing import Any

from workers_env.runtime.current import flag_on
from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsproxy import JsArray, JsObject, JsProxy
from workers_env.runtime.webcrypto.arguments import b64url, b64url_text, jsg_int, member_text, plain

#: workerd's ``CryptoKeyUsageSet`` order: a key lists its usages in it
_USAGE_ORDER = ("encrypt", "decrypt", "sign", "verify", "deriveKey", "deriveBits", "wrapKey", "unwrapKey")


#: what ``deriveKey`` can make (workerd's ``getKeyLength``), upper-cased
DERIVED_KEY_TYPES = frozenset({"AES-CTR", "AES-CBC", "AES-GCM", "AES-KW", "HMAC", "HKDF", "PBKDF2"})


#: what workerd's ``generateKey`` knows (its algorithms with a ``generateFunc``), upper-cased
GENERATED_KEY_TYPES = frozenset({"AES-CTR", "AES-CBC", "AES-GCM", "AES-KW", "HMAC", "RSASSA-PKCS1-V1_5", "RSA-PSS",
                                  "RSA-OAEP", "ECDSA", "ECDH", "NODE-ED25519", "ED25519", "X25519"})


def usage_names(usages: Any) -> list[str]:
    return [str(u) for u in (plain(usages) or [])]


def check_usages(usages: list[str], kind: str, name: str, allowed: tuple[str, ...]) -> None:
    """workerd's ``CryptoKeyUsageSet::validate``: for an import of a ``kind`` (secret, public,
    private) key, or for ``generateKey`` (``kind`` "generate")."""
    operation = "generate" if kind == "generate" else f"import {kind}"
    for usage in usages:
        if usage not in allowed:
            raise dom_exception(f'Attempt to {operation} {name} key with invalid usage "{usage}".', "SyntaxError")


def with_usages(key: CryptoKey) -> CryptoKey:
    """``importKeySync``'s last check, and the usages in workerd's order."""
    listed = list(key.usages)
    if not listed and key.type in ("secret", "private"):
        raise dom_exception("Secret/private CryptoKeys must have at least one usage.", "SyntaxError")
    key.usages = JsArray([u for u in _USAGE_ORDER if u in listed])
    return key


def hmac_jwk(jwk: dict[str, Any], hash_key: str) -> bytes:
    """The secret of an ``oct`` JWK, checked as workerd's ``importHmac`` checks it."""
    if jwk.get("kty") != "oct":
        raise dom_exception('HMAC "jwk" key import requires a JSON Web Key with Key Type parameter ("kty") equal to '
                            f'"oct" (encountered "{member_text(jwk.get("kty"))}").', "DataError")
    if not isinstance(jwk.get("k"), str):
        raise dom_exception('HMAC "jwk" key import requires a base64Url encoding of the key', "DataError")
    expected = "HS" + hash_key.split("-")[-1] if hash_key != "MD5" else None
    if jwk.get("alg") is not None and jwk["alg"] != expected:
        raise dom_exception('HMAC "jwk" key import specifies "alg" that is incompatible with the hash name '
                            f'(encountered "{jwk["alg"]}", expected "{expected}").', "DataError")
    return b64url(jwk["k"])


def hmac_length(secret: bytes, length: Any) -> tuple[bytes, int]:
    """The key bits an HMAC import keeps: all, or ``length`` of them (at most 7 fewer)."""
    bits = 8 * len(secret)
    wanted = bits if length is None else jsg_int(length)
    if not (0 < wanted <= bits and wanted > bits - 8):
        raise dom_exception(f"Imported HMAC key length ({wanted}) must be a non-zero value up to 7 bits less than, "
                            f"and no greater than, the bit length of the raw key data ({bits}).", "DataError")
    return first_bits(secret, wanted), wanted


def first_bits(data: bytes, bits: int) -> bytes:
    """The first ``bits`` bits of ``data``, whole bytes, the last one's unused low bits cleared."""
    data = data[:-(-bits // 8)]
    if bits % 8:
        data = data[:-1] + bytes([data[-1] & (0xFF << (8 - bits % 8)) & 0xFF])
    return data


#: every member of workerd's ``JsonWebKey``, in its order: from ``enable_fast_jsg_struct``
#: (2025-12-03) an exported key has them all as properties, the unused ones ``undefined``
#: (``JSON.stringify`` drops them); before, only the ones it sets (wrangler 4.164.0's workerd)
_JWK_MEMBERS = ("kty", "use", "key_ops", "alg", "ext", "crv", "x", "y", "d", "n", "e", "p", "q", "dp", "dq", "qi",
                "oth", "k", "pub", "priv")


def exported_jwk(key: CryptoKey, **members: Any) -> JsObject:
    """An exported key's JWK as workerd gives it: ``members`` with ``ext`` and the key's usages
    as ``key_ops``, in ``JsonWebKey``'s order; its unset members ``undefined`` from
    ``enable_fast_jsg_struct`` on (jsg's struct.h), absent before."""
    members = {**members, "key_ops": JsArray(list(key.usages)), "ext": True}
    every = flag_on("enable_fast_jsg_struct")
    return JsObject({name: members.get(name) for name in _JWK_MEMBERS  # None here: undefined
                     if every or members.get(name) is not None})


def secret_jwk(key: CryptoKey, alg: str) -> JsObject:
    """An exported secret key as workerd gives it: an ``oct`` JWK."""
    return exported_jwk(key, kty="oct", alg=alg, k=b64url_text(key._material))


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
