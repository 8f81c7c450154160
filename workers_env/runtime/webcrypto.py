"""``crypto.subtle`` as public Python Workers use it: digests, HMAC, PBKDF2, HKDF, AES, signatures.

Webhook and token checks in Workers code import a key (``importKey``) and ``sign`` or
``verify`` with it; password hashing derives bits with PBKDF2; stored secrets are encrypted
with AES-GCM. ``digest`` (SHA-1/256/384/512, MD5), HMAC (any of those hashes, keys as ``raw``
bytes or an ``oct`` JWK, generated, exported) and PBKDF2 (``deriveBits``, ``deriveKey`` of an
HMAC or AES key; production's cap of 100,000 iterations) use the standard library; AES-GCM,
AES-CBC and AES-CTR (``encrypt``/``decrypt``; keys imported, generated, derived, exported) and
Ed25519, RSASSA-PKCS1-v1_5, RSA-PSS and ECDSA signatures (``sign`` with ``pkcs8``/``jwk``
private keys, ``verify`` with ``raw``/``spki``/``jwk`` public keys) use the ``cryptography``
package when it is installed, and otherwise say so; HKDF uses the standard library's HMAC.
Errors are workerd's (``NotSupportedError``, ``InvalidAccessError``, ``OperationError`` ...,
its texts); an algorithm workerd has and workers-env does not is a ``NotEmulatedError``. A
Python ``dict`` as the algorithm is a PyProxy to JavaScript: its ``name`` reads ``undefined``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from typing import Any

from workers_env._errors import JsException, NotEmulatedError
from workers_env.runtime.jsbuffers import JsBufferSource, buffer_bytes
from workers_env.runtime.jsproxy import (
    JsArray,
    JsBuffer,
    JsLiteralMap,
    JsMap,
    JsNull,
    JsObject,
    JsProxy,
    js_type_error,
    pyproxy_options,
    reads_dict_keys,
    to_js,
)

__all__ = ["CryptoKey", "SubtleCrypto"]

_HASHES = {"SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512"}
_DIGESTS = {**_HASHES, "MD5": "md5"}  # workerd's digest also takes MD5 (a non-standard extension)


def _plain(value: Any) -> Any:
    """A JS argument as plain data. A ``Map`` (``to_js(dict)`` without ``dict_converter``) is an
    object with no fields to workerd -- its entries are not properties -- so it reads as ``{}``
    (checked with a probe under ``wrangler dev`` 4.164.0)."""
    if isinstance(value, JsLiteralMap):  # to_js(dict) from Pyodide 0.27: its keys are properties
        return value.to_py()
    if isinstance(value, JsMap):
        return {}
    if isinstance(value, (JsObject, JsArray)):
        return value.to_py()
    return value


#: what workerd's ``importKey`` knows (``crypto.c++``), upper-cased
_WORKERD_ALGORITHMS = frozenset({
    "AES-CTR", "AES-CBC", "AES-GCM", "AES-KW", "HMAC", "PBKDF2", "HKDF", "RSASSA-PKCS1-V1_5", "RSA-PSS",
    "RSA-OAEP", "ECDSA", "ECDH", "NODE-ED25519", "ED25519", "X25519", "RSA-RAW",
})
_PBKDF2_MAX_ITERATIONS = 100_000  # production's limit enforcer (local workerd does not apply it)


def _algorithm(value: Any) -> dict[str, Any]:
    """An algorithm argument as JavaScript reads it: a name, or an object's fields. A Python
    ``dict`` reaches JavaScript as a PyProxy, read as the Worker's Pyodide reads one: by its
    keys from 0.28 (nested dicts alike), none of them on 0.26 (its ``name`` is ``undefined``)."""
    if type(value) is dict:
        return _pyproxy_fields(value)
    value = _plain(value)
    if isinstance(value, str):
        return {"name": value}
    if isinstance(value, dict):
        return dict(value)
    raise js_type_error("Algorithm: the algorithm must be a string or an object with a name.")


def _pyproxy_fields(value: dict[str, Any]) -> dict[str, Any]:
    fields = pyproxy_options(value, "algorithm of a crypto.subtle call")
    return {k: _pyproxy_fields(v) if type(v) is dict else _plain(v) for k, v in fields.items()}


def _name(algorithm: dict[str, Any]) -> str:
    """The algorithm's ``name`` as JavaScript prints it (``undefined`` when missing)."""
    name = algorithm.get("name")
    return "undefined" if name is None else str(name)


def _fail(error: JsException, given: Any) -> JsException:
    """``error``, with a note when the algorithm was a Python dict Pyodide 0.26 reads as empty."""
    if type(given) is dict and not reads_dict_keys() and hasattr(error, "add_note"):
        error.add_note("workers-env: the algorithm is a Python dict, which reaches JavaScript as a PyProxy "
                       "whose fields read undefined; convert it with to_js(value, dict_converter=Object.fromEntries)")
    return error


def _digest_key(name: Any) -> str:
    key = str(name).upper() if isinstance(name, str) else ""
    if key not in _DIGESTS:
        raise JsException("Unrecognized or unimplemented digest algorithm requested.", name="NotSupportedError")
    return key


def _hash_name(algorithm: dict[str, Any]) -> str:
    hash_ = _plain(algorithm.get("hash"))
    if hash_ is None:
        raise js_type_error('Missing field "hash" in "algorithm".')
    name = hash_.get("name") if isinstance(hash_, dict) else hash_
    return _digest_key(name)  # workerd's one lookup: MD5 too, for HMAC and PBKDF2 keys


#: workerd's ``CryptoKeyUsageSet`` order: a key lists its usages in it
_USAGE_ORDER = ("encrypt", "decrypt", "sign", "verify", "deriveKey", "deriveBits", "wrapKey", "unwrapKey")
#: what ``deriveKey`` can make (workerd's ``getKeyLength``), upper-cased
_DERIVED_KEY_TYPES = frozenset({"AES-CTR", "AES-CBC", "AES-GCM", "AES-KW", "HMAC", "HKDF", "PBKDF2"})
#: what workerd's ``generateKey`` knows (its algorithms with a ``generateFunc``), upper-cased
_GENERATED_KEY_TYPES = frozenset({"AES-CTR", "AES-CBC", "AES-GCM", "AES-KW", "HMAC", "RSASSA-PKCS1-V1_5", "RSA-PSS",
                                  "RSA-OAEP", "ECDSA", "ECDH", "NODE-ED25519", "ED25519", "X25519"})


def _usages(usages: Any) -> list[str]:
    return [str(u) for u in (_plain(usages) or [])]


def _allowed(usages: list[str], kind: str, name: str, allowed: tuple[str, ...]) -> None:
    """workerd's ``CryptoKeyUsageSet::validate`` for an import."""
    for usage in usages:
        if usage not in allowed:
            raise JsException(f'Attempt to import {kind} {name} key with invalid usage "{usage}".', name="SyntaxError")


def _with_usages(key: CryptoKey) -> CryptoKey:
    """``importKeySync``'s last check, and the usages in workerd's order."""
    listed = list(key.usages)
    if not listed and key.type in ("secret", "private"):
        raise JsException("Secret/private CryptoKeys must have at least one usage.", name="SyntaxError")
    key.usages = JsArray([u for u in _USAGE_ORDER if u in listed])
    return key


def _hmac_jwk(jwk: dict[str, Any], hash_key: str) -> bytes:
    """The secret of an ``oct`` JWK, checked as workerd's ``importHmac`` checks it."""
    if jwk.get("kty") != "oct":
        raise JsException('HMAC "jwk" key import requires a JSON Web Key with Key Type parameter ("kty") equal to '
                          f'"oct" (encountered "{jwk.get("kty")}").', name="DataError")
    if not isinstance(jwk.get("k"), str):
        raise JsException('HMAC "jwk" key import requires a base64Url encoding of the key', name="DataError")
    expected = "HS" + hash_key.split("-")[-1] if hash_key != "MD5" else None
    if jwk.get("alg") is not None and jwk["alg"] != expected:
        raise JsException('HMAC "jwk" key import specifies "alg" that is incompatible with the hash name '
                          f'(encountered "{jwk["alg"]}", expected "{expected}").', name="DataError")
    return _b64url(jwk["k"])


def _hmac_length(secret: bytes, length: Any) -> tuple[bytes, int]:
    """The key bits an HMAC import keeps: all, or ``length`` of them (at most 7 fewer)."""
    bits = 8 * len(secret)
    wanted = bits if length is None else int(length)
    if not (0 < wanted <= bits and wanted > bits - 8):
        raise JsException(f"Imported HMAC key length ({wanted}) must be a non-zero value up to 7 bits less than, "
                          f"and no greater than, the bit length of the raw key data ({bits}).", name="DataError")
    if wanted % 8:  # the unused low bits of the last byte are cleared
        secret = secret[:-1] + bytes([secret[-1] & (0xFF << (8 - wanted % 8)) & 0xFF])
    return secret, wanted


def _not_emulated(operation: str, name: str) -> NotEmulatedError:
    return NotEmulatedError(
        f"crypto.subtle.{operation} with {name} is not emulated by workers-env (production has it): "
        "digest, HMAC, PBKDF2, HKDF, AES-GCM / AES-CBC / AES-CTR and Ed25519 / RSASSA-PKCS1-v1_5 / RSA-PSS / "
        "ECDSA signatures are"
    )


def _b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _needs_cryptography(what: str) -> JsException:
    return JsException(
        f"{what} is emulated with the 'cryptography' package, which is not installed (pip install cryptography)",
        name="NotSupportedError",
    )


#: the AES modes workers-env emulates (AES-KW, key wrapping, is not)
_AES_MODES = frozenset({"AES-GCM", "AES-CBC", "AES-CTR"})
_AES_USAGES = ("encrypt", "decrypt", "wrapKey", "unwrapKey")
_AES_BITS = (128, 192, 256)
_GCM_TAG_BITS = (32, 64, 96, 104, 112, 120, 128)


#: key formats of WebCrypto's "modern algorithms" draft, behind a compatibility flag workers-env
#: does not emulate (wrangler 4.164.0's workerd refuses them without it, with this text)
_MODERN_FORMATS = frozenset({"raw-secret", "raw-public", "raw-private", "raw-seed"})


def _modern_format(fmt: str) -> JsException:
    return JsException(f'Key format "{fmt}" requires the webcrypto_modern_algorithms flag.', name="NotSupportedError")


def _is_buffer(data: Any) -> bool:
    return isinstance(data, (JsBufferSource, bytes, bytearray, memoryview))


def _jwk_secret(jwk: dict[str, Any], error: str) -> bytes:
    """A JWK's ``k``, base64url, as workerd decodes it (a missing or malformed one: ``error``)."""
    k = jwk.get("k")
    try:
        if not isinstance(k, str):
            raise ValueError(k)
        return base64.b64decode(k.replace("-", "+").replace("_", "/") + "=" * (-len(k) % 4), validate=True)
    except (ValueError, binascii.Error):
        raise JsException(error, name="DataError") from None


def _aes_length(secret: bytes) -> bytes:
    if 8 * len(secret) not in _AES_BITS:
        raise JsException(f"Imported AES key length must be 128, 192, or 256 bits but provided {8 * len(secret)}.",
                          name="DataError")
    return secret


def _aes_jwk(jwk: dict[str, Any], name: str, usages: list[str]) -> bytes:
    """The secret of an ``oct`` JWK, checked as workerd's ``importAes`` checks it, in its order."""
    if jwk.get("kty") != "oct":
        raise JsException('Symmetric "jwk" key import requires a JSON Web Key with Key Type parameter "kty" equal '
                          f'to "oct" (encountered "{jwk.get("kty")}").', name="DataError")
    secret = _aes_length(_jwk_secret(jwk, 'Symmetric "jwk" key import requires a base64Url encoding of the key.'))
    expected = f"A{8 * len(secret)}{name[4:]}"
    if jwk.get("alg") is not None and jwk["alg"] != expected:
        raise JsException(f'Symmetric "jwk" key contains invalid "alg" value "{jwk["alg"]}", expected "{expected}".',
                          name="DataError")
    if usages and jwk.get("use") is not None and jwk["use"] != "enc":
        raise JsException(f'Symmetric "jwk" key must have a "use" of "enc", not "{jwk["use"]}".', name="DataError")
    ops = jwk.get("key_ops")
    if ops is not None:
        ops = sorted(str(op) for op in ops)
        for first, second in zip(ops, ops[1:]):
            if first == second:
                raise JsException(f'Symmetric "jwk" key contains duplicate value "{first}", in "key_op".',
                                  name="DataError")
        for usage in usages:
            if usage not in ops:
                raise JsException(f'"jwk" key missing usage "{usage}", in "key_ops".', name="DataError")
    return secret


def _aes_cipher(name: str) -> Any:
    """``cryptography``'s ciphers module (AES needs it: the standard library has no AES)."""
    try:
        from cryptography.hazmat.primitives import ciphers
    except ImportError:
        raise _needs_cryptography(f"{name} encryption") from None
    return ciphers


def _aes_gcm(encrypting: bool, secret: bytes, algorithm: dict[str, Any], data: bytes) -> bytes:
    """workerd's ``AesGcmKey::encrypt``/``decrypt``: its checks, texts and output (the tag after
    the ciphertext)."""
    iv = algorithm.get("iv")
    if iv is None:
        raise js_type_error('Missing field "iv" in "algorithm".')
    iv = buffer_bytes(iv)
    if not iv:
        raise JsException("AES-GCM IV must not be empty.", name="OperationError")
    aad = algorithm.get("additionalData")
    aad = b"" if aad is None else buffer_bytes(aad)
    tag_bits = algorithm.get("tagLength")
    tag_bits = 128 if tag_bits is None else int(tag_bits)
    if tag_bits not in _GCM_TAG_BITS:
        raise JsException(f"Invalid AES-GCM tag length {tag_bits}.", name="OperationError")
    tag_bytes = tag_bits // 8
    if not encrypting and len(data) < tag_bytes:
        raise JsException(f"Ciphertext length of {8 * len(data)} bits must be greater than or equal to the size of "
                          f"the AES-GCM tag length of {tag_bits} bits.", name="OperationError")
    if not 8 <= len(iv) <= 128:  # BoringSSL takes any length; the cryptography package these
        raise NotEmulatedError(  # lengths only (every IV a Worker uses in practice is 12 bytes)
            f"crypto.subtle AES-GCM with a {len(iv)}-byte IV is not emulated by workers-env (production takes it): "
            "IVs of 8 to 128 bytes are")
    ciphers = _aes_cipher("AES-GCM")
    from cryptography.exceptions import InvalidTag

    if encrypting:
        engine = ciphers.Cipher(ciphers.algorithms.AES(secret), ciphers.modes.GCM(iv)).encryptor()
        if aad:
            engine.authenticate_additional_data(aad)
        out = engine.update(data) + engine.finalize()
        return out + engine.tag[:tag_bytes]
    body, tag = data[: len(data) - tag_bytes], data[len(data) - tag_bytes :]
    engine = ciphers.Cipher(ciphers.algorithms.AES(secret), ciphers.modes.GCM(iv, tag, min_tag_length=4)).decryptor()
    if aad:
        engine.authenticate_additional_data(aad)
    try:
        return engine.update(body) + engine.finalize()
    except InvalidTag:
        raise _decryption_failed(len(body), len(body), "AES-GCM") from None


def _decryption_failed(given: int, expected: int, name: str) -> JsException:
    return JsException("Decryption failed. This could be due to a ciphertext authentication failure, bad padding, "
                       f"incorrect CryptoKey, or another algorithm-specific reason. Input length was {given}, output "
                       f"length expected to be {expected} for {name}", name="OperationError")


def _aes_cbc(encrypting: bool, secret: bytes, algorithm: dict[str, Any], data: bytes) -> bytes:
    """workerd's ``AesCbcKey``: PKCS#7 padding; a bad one is its ``OperationError``, with the
    output length BoringSSL reports."""
    iv = algorithm.get("iv")
    if iv is None:
        raise js_type_error('Missing field "iv" in "algorithm".')
    iv = buffer_bytes(iv)
    if len(iv) != 16:  # (workerd's two texts differ by the word "bytes")
        raise JsException(f"AES-CBC IV must be 16 bytes long (provided {len(iv)}{' bytes' if encrypting else ''}).",
                          name="OperationError")
    ciphers = _aes_cipher("AES-CBC")
    from cryptography.hazmat.primitives import padding

    cipher = ciphers.Cipher(ciphers.algorithms.AES(secret), ciphers.modes.CBC(iv))
    if encrypting:
        padder = padding.PKCS7(128).padder()
        engine = cipher.encryptor()
        return engine.update(padder.update(data) + padder.finalize()) + engine.finalize()
    whole = len(data) - len(data) % 16
    if not data or len(data) % 16:  # BoringSSL: "wrong final block length"
        raise _decryption_failed(len(data), whole, "AES-CBC")
    engine = cipher.decryptor()
    padded = engine.update(data) + engine.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError:  # (BoringSSL holds the last block back until the padding checks out)
        raise _decryption_failed(len(data), len(data) - 16, "AES-CBC") from None


def _aes_ctr(secret: bytes, algorithm: dict[str, Any], data: bytes) -> bytes:
    """workerd's ``AesCtrKey``: the low ``length`` bits of the counter block count the blocks and
    wrap to zero; a message needing more blocks than they count is refused."""
    counter = algorithm.get("counter")
    if counter is None:
        raise js_type_error('Missing "counter" member in "algorithm".')
    counter = buffer_bytes(counter)
    if len(counter) != 16:
        raise JsException(f"Counter must have length of 16 bytes (provided {len(counter)}).", name="OperationError")
    bits = algorithm.get("length")
    if bits is None:
        raise js_type_error('Missing "length" member in "algorithm".')
    bits = int(bits)
    if not 0 < bits <= 128:
        raise JsException(f"Invalid counter of {bits} bits length provided.", name="OperationError")
    blocks = -(-len(data) // 16)
    if blocks > 1 << bits:
        raise JsException("Counter block values will repeat.", name="OperationError")
    ciphers = _aes_cipher("AES-CTR")

    def run(block: bytes, part: bytes) -> bytes:
        engine = ciphers.Cipher(ciphers.algorithms.AES(secret), ciphers.modes.CTR(block)).encryptor()
        return engine.update(part) + engine.finalize()

    value = int.from_bytes(counter, "big")
    low = (1 << bits) - 1
    until_reset = (1 << bits) - (value & low)
    if until_reset >= blocks:
        return run(counter, data)
    first = until_reset * 16
    zeroed = (value & ~low).to_bytes(16, "big")
    return run(counter, data[:first]) + run(zeroed, data[first:])


#: every member of workerd's ``JsonWebKey``, in its order: an exported key has them all as
#: properties, the unused ones ``undefined`` (wrangler 4.164.0's workerd; ``JSON.stringify`` drops them)
_JWK_MEMBERS = ("kty", "use", "key_ops", "alg", "ext", "crv", "x", "y", "d", "n", "e", "p", "q", "dp", "dq", "qi",
                "oth", "k", "pub", "priv")


def _secret_jwk(key: CryptoKey, alg: str) -> JsObject:
    """An exported secret key as workerd gives it: an ``oct`` JWK with every member present."""
    members = {"kty": "oct", "key_ops": JsArray(list(key.usages)), "alg": alg, "ext": True,
               "k": _b64url_text(key._material)}
    return JsObject({name: members.get(name) for name in _JWK_MEMBERS})  # None here: undefined


def _aes_export(key: CryptoKey, fmt: str) -> Any:
    """workerd's ``AesKeyBase::exportKey``: the bytes, or an ``oct`` JWK."""
    if fmt not in ("raw", "jwk"):
        raise JsException(f'{key._name} key only supports exporting "raw", "raw-secret" & "jwk", not "{fmt}".',
                          name="NotSupportedError")
    if fmt == "raw":
        return JsBuffer(key._material)
    return _secret_jwk(key, f"A{8 * len(key._material)}{key._name[4:]}")


def _b64url_text(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


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


#: the asymmetric algorithms workers-env emulates, upper-cased -> as keys name them
_ASYMMETRIC = {"RSASSA-PKCS1-V1_5": "RSASSA-PKCS1-v1_5", "RSA-PSS": "RSA-PSS", "ED25519": "Ed25519", "ECDSA": "ECDSA"}
#: ECDSA's curves (workerd's ``lookupEllipticCurve``): name -> (cryptography's class name, size of r and s)
_CURVES = {"P-256": ("SECP256R1", 32), "P-384": ("SECP384R1", 48), "P-521": ("SECP521R1", 66)}
_ECDSA_JWK_CURVES = {"ES256": "P-256", "ES384": "P-384", "ES512": "P-521"}
#: a JWK's ``alg`` -> the hash it stands for, as workerd's ``importRsa`` knows them
_RSA_JWK_HASHES = {"RS1": "SHA-1", "RS256": "SHA-256", "RS384": "SHA-384", "RS512": "SHA-512", "PS1": "SHA-1",
                   "PS256": "SHA-256", "PS384": "SHA-384", "PS512": "SHA-512", "RSA-OAEP": "SHA-1",
                   "RSA-OAEP-256": "SHA-256", "RSA-OAEP-384": "SHA-384", "RSA-OAEP-512": "SHA-512"}


def _hash_object(hash_key: str) -> Any:
    from cryptography.hazmat.primitives import hashes

    return getattr(hashes, _DIGESTS[hash_key].upper())()


def _jwk_number(jwk: dict[str, Any], member: str, error: str) -> int:
    return int.from_bytes(_jwk_secret({"k": jwk.get(member)}, error), "big")


def _asymmetric_jwk_checks(jwk: dict[str, Any], private: bool, usages: list[str]) -> None:
    """workerd's ``importAsymmetricForWebCrypto`` checks of a signature key's JWK, in its order."""
    if private and jwk.get("oth") is not None:
        raise JsException("Multi-prime private keys not supported.", name="NotSupportedError")
    use = jwk.get("use")
    if usages and use is not None and use != "sig":
        raise JsException('Asymmetric "jwk" key import with usages requires a JSON Web Key with Public Key Use '
                          f'parameter "use" ("{use}") equal to "sig".', name="DataError")
    ops = jwk.get("key_ops")
    if ops is None:
        return
    ops = sorted(str(op) for op in ops)
    if len(set(ops)) != len(ops):
        raise JsException('A JSON Web Key\'s Key Operations parameter ("key_ops") must not contain duplicates.',
                          name="DataError")
    wanted = [usages[0]] + [u for u in usages[1:] if u != usages[0]][:1] if usages else []
    if any(usage not in ops for usage in wanted):
        raise JsException('All specified key usages must be present in the JSON Web Key\'s Key Operations parameter '
                          '("key_ops").', name="DataError")


def _rsa_from_jwk(jwk: dict[str, Any], hash_key: str) -> Any:
    """workerd's RSA JWK reader: ``kty``, ``alg`` against the requested hash, then the numbers."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    if jwk.get("kty") != "RSA":
        raise JsException('RSASSA-PKCS1-v1_5 "jwk" key import requires a JSON Web Key with Key Type parameter "kty" '
                          f'("{jwk.get("kty")}") equal to "RSA".', name="DataError")
    alg = jwk.get("alg")
    if alg is not None:
        if alg not in _RSA_JWK_HASHES:
            raise JsException(f'Unrecognized or unimplemented algorithm "{alg}" listed in JSON Web Key Algorithm '
                              "parameter.", name="NotSupportedError")
        if _RSA_JWK_HASHES[alg] != hash_key:  # (workerd names the JWK's alg twice)
            raise JsException(f'JSON Web Key Algorithm parameter "alg" ("{alg}") does not match requested hash '
                              f'algorithm "{alg}".', name="DataError")
    n = _jwk_number(jwk, "n", 'Invalid RSA key in JSON Web Key; missing or invalid Modulus parameter ("n").')
    e = _jwk_number(jwk, "e", 'Invalid RSA key in JSON Web Key; missing or invalid Exponent parameter ("e").')
    public = rsa.RSAPublicNumbers(e, n)
    if jwk.get("d") is None:
        return public.public_key()
    d = _jwk_number(jwk, "d", 'Invalid RSA key in JSON Web Key; missing or invalid Private Exponent parameter ("d").')
    factors = ("p", "q", "dp", "dq", "qi")
    present = [jwk.get(f) is not None for f in factors]
    if any(present) and not all(present):
        raise JsException('Invalid RSA private key in JSON Web Key; if one Prime Factor or CRT Exponent/Coefficient '
                          'parameter is present, then they must all be present ("p", "q", "dp", "dq", "qi").',
                          name="DataError")
    try:
        if all(present):
            p, q, dp, dq, qi = (_jwk_number(jwk, f, f'Invalid RSA key in JSON Web Key; invalid parameter ("{f}").')
                                for f in factors)
        else:
            p, q = rsa.rsa_recover_prime_factors(n, e, d)
            dp, dq, qi = rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q), rsa.rsa_crt_iqmp(p, q)
        return rsa.RSAPrivateNumbers(p, q, d, dp, dq, qi, public).private_key()
    except ValueError:
        raise JsException("Invalid RSA private key in JSON Web Key: its numbers do not form a key.",
                          name="DataError") from None


def _ed25519_from_jwk(jwk: dict[str, Any]) -> Any:
    """workerd's ``ellipticJwkReader`` for Ed25519, its checks and texts."""
    from cryptography.hazmat.primitives.asymmetric import ed25519

    if jwk.get("kty") != "OKP":
        raise JsException('Ed25519 "jwk" key imports requires a JSON Web Key with Key Type parameter "kty" '
                          f'("{jwk.get("kty")}") equal to "OKP".', name="DataError")
    crv = jwk.get("crv")
    if crv is None:
        raise JsException('Missing field "crv" for Ed25519 key.', name="DataError")
    if crv != "Ed25519":
        raise JsException(f'Only Ed25519 is supported but "{crv}" was requested.', name="NotSupportedError")
    if jwk.get("alg") is not None and jwk["alg"] != "EdDSA":
        raise JsException(f'JSON Web Key Algorithm parameter "alg" ("{jwk["alg"]}") does not match requested Ed25519 '
                          "curve.", name="DataError")
    x = _jwk_secret({"k": jwk.get("x")}, f'Invalid {crv} key in JSON WebKey; missing or invalid public key component '
                                         '("x").')
    if len(x) != 32:
        raise JsException(f"Invalid length {len(x)} for public key", name="DataError")
    if jwk.get("d") is None:
        return ed25519.Ed25519PublicKey.from_public_bytes(x)
    d = _jwk_secret({"k": jwk.get("d")}, 'Invalid Ed25519 key in JSON Web Key; missing or invalid private key '
                                         'component ("d").')
    if len(d) != 32:
        raise JsException(f"Invalid length {len(d)} for private key", name="DataError")
    return ed25519.Ed25519PrivateKey.from_private_bytes(d)


def _curve(algo: dict[str, Any]) -> str:
    """``algorithm.namedCurve``, normalised as workerd's case-insensitive curve table has it."""
    named = algo.get("namedCurve")
    if named is None:
        raise js_type_error('Missing field "namedCurve" in "algorithm".')
    for curve in _CURVES:
        if str(named).upper() == curve:
            return curve
    raise JsException(f'Unrecognized or unimplemented EC curve "{named}" requested.', name="NotSupportedError")


def _ec_from_jwk(jwk: dict[str, Any], curve: str) -> Any:
    """workerd's ``ellipticJwkReader`` for ECDSA: ``kty``, ``alg`` against the curve, x, y, d."""
    from cryptography.hazmat.primitives.asymmetric import ec

    if jwk.get("kty") != "EC":
        raise JsException('Elliptic curve "jwk" key import requires a JSON Web Key with Key Type parameter "kty" '
                          f'("{jwk.get("kty")}") equal to "EC".', name="DataError")
    alg = jwk.get("alg")
    if alg is not None:
        if alg not in _ECDSA_JWK_CURVES:
            raise JsException(f'Unrecognized or unimplemented algorithm "{alg}" listed in JSON Web Key Algorithm '
                              "parameter.", name="NotSupportedError")
        if _ECDSA_JWK_CURVES[alg] != curve:
            raise JsException(f'JSON Web Key Algorithm parameter "alg" ("{alg}") does not match requested curve.',
                              name="DataError")
    x = _jwk_number(jwk, "x", 'Invalid EC key in JSON Web Key; missing "x".')
    y = _jwk_number(jwk, "y", 'Invalid EC key in JSON Web Key; missing "y".')
    group = getattr(ec, _CURVES[curve][0])()
    try:
        public = ec.EllipticCurvePublicNumbers(x, y, group).public_key()
    except ValueError:
        raise JsException('Invalid EC key; public key coordinates "x" and "y" are invalid: Point is not on curve..',
                          name="OperationError") from None
    if jwk.get("d") is None:
        return public
    d = _jwk_number(jwk, "d", 'Invalid EC key in JSON Web Key; missing or invalid private key component ("d").')
    try:
        private = ec.derive_private_key(d, group)
    except ValueError:
        raise JsException('Invalid EC key; private key component "d" is invalid', name="OperationError") from None
    if private.public_key().public_numbers() != public.public_numbers():
        raise JsException("Invalid EC key in JSON Web Key.", name="DataError")
    return private


def _import_asymmetric(fmt: str, data: Any, name: str, algo: dict[str, Any], usages: list[str],
                       extractable: bool) -> CryptoKey:
    """An RSASSA-PKCS1-v1_5 or Ed25519 key, public (``spki``, ``jwk``, Ed25519 ``raw``) or private
    (``pkcs8``, ``jwk`` with ``d``): workerd's ``importRsa``/``importEddsa`` checks in their order."""
    canonical = _ASYMMETRIC[name]
    try:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
    except ImportError:
        raise _needs_cryptography(f"{canonical} keys") from None
    is_rsa, is_ec = canonical.startswith("RSA"), canonical == "ECDSA"
    hash_key = _hash_name(algo) if is_rsa else ""
    curve = _curve(algo) if is_ec else ""
    if fmt == "raw":
        if is_rsa:
            raise JsException('Unrecognized key import format "raw".', name="NotSupportedError")
        _allowed(usages, "public", canonical, ("verify",))
        raw = buffer_bytes(data)
        if is_ec:  # BoringSSL's reason after workerd's text (its "." follows the reason's own)
            field = (int(curve[2:]) + 7) // 8
            well_formed = (len(raw) == 1 + 2 * field and raw[:1] == b"\x04") or \
                (len(raw) == 1 + field and raw[:1] in (b"\x02", b"\x03"))
            try:
                if not well_formed:
                    raise JsException("Failed to import raw EC key data: Invalid point encoding..", name="DataError")
                material = ec.EllipticCurvePublicKey.from_encoded_point(getattr(ec, _CURVES[curve][0])(), raw)
            except ValueError:
                raise JsException("Failed to import raw EC key data: Point is not on curve..", name="DataError") from None
        elif len(raw) != 32:
            raise JsException(f"Ed25519 raw keys must be exactly 32-bytes (provided {len(raw)}).", name="DataError")
        else:
            material = ed25519.Ed25519PublicKey.from_public_bytes(raw)
        kind = "public"
    elif fmt == "jwk":
        jwk = _plain(data)
        kind = "private" if jwk.get("d") is not None else "public"
        _allowed(usages, kind, canonical, ("sign",) if kind == "private" else ("verify",))
        _asymmetric_jwk_checks(jwk, kind == "private", usages)
        if is_rsa:
            material = _rsa_from_jwk(jwk, hash_key)
        elif is_ec:
            material = _ec_from_jwk(jwk, curve)
        else:
            material = _ed25519_from_jwk(jwk)
    elif fmt in ("spki", "pkcs8"):
        kind = "public" if fmt == "spki" else "private"
        from cryptography.exceptions import UnsupportedAlgorithm

        try:
            if kind == "public":
                material = serialization.load_der_public_key(buffer_bytes(data))
            else:
                material = serialization.load_der_private_key(buffer_bytes(data), password=None)
        except (ValueError, TypeError, UnsupportedAlgorithm):
            raise JsException(f"Invalid {fmt.upper()} input.", name="DataError") from None
        _allowed(usages, kind, canonical, ("verify",) if kind == "public" else ("sign",))
    else:
        raise JsException(f'Unrecognized key import format "{fmt}".', name="NotSupportedError")
    if is_ec:
        if not isinstance(material, (ec.EllipticCurvePublicKey, ec.EllipticCurvePrivateKey)):
            raise JsException("Input was not an EC key.", name="DataError")
        if material.curve.name != getattr(ec, _CURVES[curve][0]).name:
            raise JsException(f'"algorithm.namedCurve" "{algo.get("namedCurve")}" does not match the curve specified '
                              "by the input key data.", name="DataError")
        key_algorithm = {"name": canonical, "namedCurve": curve}
    elif is_rsa:
        if not isinstance(material, (rsa.RSAPublicKey, rsa.RSAPrivateKey)):
            raise JsException("Input was not an RSA key.", name="DataError")
        numbers = material.public_key().public_numbers() if kind == "private" else material.public_numbers()
        exponent = numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")
        key_algorithm = {"name": canonical, "modulusLength": material.key_size, "publicExponent": to_js(exponent),
                         "hash": {"name": hash_key}}
    else:
        if not isinstance(material, (ed25519.Ed25519PublicKey, ed25519.Ed25519PrivateKey)):
            raise JsException("Input was not an Ed25519 key", name="DataError")
        key_algorithm = {"name": canonical}
    return _with_usages(CryptoKey(kind, key_algorithm, extractable, usages, material))


def _pss_salt(algorithm: dict[str, Any], *, missing_is_type_error: bool) -> int:
    """RSA-PSS's ``saltLength`` (workerd: missing is a DataError on sign, a TypeError on verify)."""
    salt = algorithm.get("saltLength")
    if salt is None:
        text = "Failed to provide salt for RSA-PSS key operation which requires a salt"
        raise js_type_error(text) if missing_is_type_error else JsException(text, name="DataError")
    if int(salt) < 0:
        raise JsException(f"SaltLength for RSA-PSS must be non-negative (provided {int(salt)}).", name="DataError")
    return int(salt)


def _pss_sign(key: CryptoKey, algorithm: dict[str, Any], data: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric import padding

    salt = _pss_salt(algorithm, missing_is_type_error=False)
    hash_object = _hash_object(_hash_name(key.algorithm.to_py()))  # the key's hash: PSS ignores the call's
    size = (key._material.key_size + 7) // 8
    if salt > size - hash_object.digest_size - 2:
        raise JsException("key too small for signing with given digest and salt length", name="OperationError")
    return key._material.sign(data, padding.PSS(mgf=padding.MGF1(hash_object), salt_length=salt), hash_object)


def _ecdsa_hash(algorithm: dict[str, Any]) -> Any:
    if algorithm.get("hash") is None:
        raise js_type_error('Missing "hash" in AlgorithmIdentifier. (ECDSA requires that the hash algorithm be '
                            "specified at call time rather than on the key. This differs from other WebCrypto "
                            "algorithms for historical reasons.)")
    return _hash_object(_hash_name(algorithm))


def _ecdsa_sign(key: CryptoKey, algorithm: dict[str, Any], data: bytes) -> bytes:
    """An ECDSA signature as WebCrypto gives it: r and s, each the curve's size, big-endian."""
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    r, s = decode_dss_signature(key._material.sign(data, ec.ECDSA(_ecdsa_hash(algorithm))))
    size = _CURVES[key.algorithm.namedCurve][1]
    return r.to_bytes(size, "big") + s.to_bytes(size, "big")


def _ecdsa_verify(key: CryptoKey, algorithm: dict[str, Any], signature: bytes, data: bytes) -> bool:
    """workerd's ECDSA verify: a signature of the wrong size is simply invalid."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    size = _CURVES[key.algorithm.namedCurve][1]
    hash_object = _ecdsa_hash(algorithm)
    if len(signature) != 2 * size:
        return False
    der = encode_dss_signature(int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big"))
    try:
        key._material.verify(der, data, ec.ECDSA(hash_object))
    except InvalidSignature:
        return False
    return True


def _hkdf(algorithm: dict[str, Any], secret: bytes, length: Any) -> bytes:
    """workerd's HKDF ``deriveBits`` (RFC 5869 with the standard library's HMAC): its checks in
    its order."""
    hash_key = _hash_name(algorithm)
    salt, info = algorithm.get("salt"), algorithm.get("info")
    if salt is None:
        raise js_type_error('Missing field "salt" in "algorithm".')
    if info is None:
        raise js_type_error('Missing field "info" in "algorithm".')
    if length is None or isinstance(length, JsNull):
        raise JsException("HKDF cannot derive a key with null length.", name="OperationError")
    length = int(length)
    if length % 8:
        raise JsException(f"HKDF requires a derived key length that is a multiple of eight (requested {length}).",
                          name="OperationError")
    digest = _DIGESTS[hash_key]
    size = hashlib.new(digest).digest_size
    if length // 8 > 255 * size:
        raise JsException("HKDF deriveBits failed.", name="OperationError")
    prk = hmac.new(buffer_bytes(salt), secret, digest).digest()
    out, block, counter = b"", b"", 1
    while len(out) < length // 8:
        block = hmac.new(prk, block + buffer_bytes(info) + bytes([counter]), digest).digest()
        out += block
        counter += 1
    return out[: length // 8]


class SubtleCrypto(JsProxy):
    """``crypto.subtle`` (the subset Workers code uses); every method is async, as in JavaScript."""

    _js_name = "SubtleCrypto"

    async def digest(self, algorithm: Any, data: Any) -> JsBuffer:
        try:
            key = _digest_key(_algorithm(algorithm).get("name"))
        except JsException as exc:
            raise _fail(exc, algorithm) from None
        return JsBuffer(hashlib.new(_DIGESTS[key], buffer_bytes(data)).digest())

    async def importKey(  # noqa: N802 - JS name
        self, fmt: str, key_data: Any, algorithm: Any, extractable: bool = False, usages: Any = None
    ) -> CryptoKey:
        if not _is_buffer(key_data) and not isinstance(_plain(key_data), dict):  # (JSG's argument check)
            raise js_type_error("Failed to execute 'importKey' on 'SubtleCrypto': parameter 2 is not of type "
                                "'BufferSource or JsonWebKey'.")
        algo = _algorithm(algorithm)
        if fmt in _MODERN_FORMATS:
            raise _modern_format(fmt)
        if fmt not in ("raw", "pkcs8", "spki", "jwk"):
            raise JsException(f'Unrecognized key import format "{fmt}".', name="NotSupportedError")
        if fmt != "jwk" and not _is_buffer(key_data):
            raise js_type_error('Import data provided for "raw", "pkcs8", or "spki" import formats must be a buffer '
                                'source.')
        if fmt == "jwk":
            jwk = _plain(key_data)
            if not isinstance(jwk, dict):
                raise js_type_error('Import data provided for "jwk" import format must be a JsonWebKey.')
            if jwk.get("ext") is False and extractable:
                raise JsException(f'JWK ext field for "{_name(algo)}" is set to false but extractable is true',
                                  name="DataError")
        name = _name(algo).upper()
        if algo.get("name") is None or name not in _WORKERD_ALGORITHMS:
            raise _fail(JsException(f'Unrecognized key import algorithm "{_name(algo)}" requested.',
                                    name="NotSupportedError"), algorithm)
        usage_list = _usages(usages)
        if name == "HKDF":
            _allowed(usage_list, "secret", "HKDF", ("deriveKey", "deriveBits"))
            if extractable:
                raise JsException("HKDF key cannot be extractable.", name="SyntaxError")
            if fmt != "raw":
                raise JsException(f'HKDF key must be imported in "raw" format (requested "{fmt}")',
                                  name="NotSupportedError")
            return _with_usages(CryptoKey("secret", {"name": "HKDF"}, False, usage_list, buffer_bytes(key_data)))
        if name == "PBKDF2":
            _allowed(usage_list, "secret", "PBKDF2", ("deriveKey", "deriveBits"))
            if extractable:
                raise JsException("PBKDF2 key cannot be extractable.", name="SyntaxError")
            if fmt != "raw":
                raise JsException(f'PBKDF2 key must be imported in "raw" format (requested "{fmt}").',
                                  name="NotSupportedError")
            return _with_usages(CryptoKey("secret", {"name": "PBKDF2"}, False, usage_list, buffer_bytes(key_data)))
        if name == "HMAC":
            if fmt not in ("raw", "jwk"):
                raise JsException(f'Unrecognized key import format "{fmt}".', name="NotSupportedError")
            _allowed(usage_list, "secret", "HMAC", ("sign", "verify"))
            hash_key = _hash_name(algo)
            secret = buffer_bytes(key_data) if fmt == "raw" else _hmac_jwk(_plain(key_data), hash_key)
            secret, length = _hmac_length(secret, algo.get("length"))
            key_algorithm = {"name": "HMAC", "hash": {"name": hash_key}, "length": length}
            return _with_usages(CryptoKey("secret", key_algorithm, extractable, usage_list, secret))
        if name in _AES_MODES:
            _allowed(usage_list, "secret", name, _AES_USAGES)
            if fmt == "raw":
                secret = _aes_length(buffer_bytes(key_data))
            elif fmt == "jwk":
                secret = _aes_jwk(_plain(key_data), name, usage_list)
            else:
                raise JsException(f'Unrecognized key import format "{fmt}".', name="NotSupportedError")
            return _with_usages(CryptoKey("secret", {"name": name, "length": 8 * len(secret)}, extractable,
                                          usage_list, secret))
        if name in _ASYMMETRIC:
            return _import_asymmetric(fmt, key_data, name, algo, usage_list, extractable)
        raise _not_emulated("importKey", _name(algo))

    @staticmethod
    def _check(key: Any, usage: str, algorithm: Any = None) -> CryptoKey:
        """workerd's ``validateOperation``: the requested algorithm must be the key's, the usage
        one the key lists."""
        if not isinstance(key, CryptoKey):
            operation = {"deriveKey": "deriveKey", "deriveBits": "deriveBits"}.get(usage, usage)
            raise js_type_error(f"Failed to execute '{operation}' on 'SubtleCrypto': parameter 2 is not of type 'CryptoKey'.")
        requested = _name(_algorithm(algorithm))
        if requested.lower() != key._name.lower():
            raise _fail(JsException(f'Requested algorithm "{requested}" does not match this CryptoKey\'s algorithm '
                                    f'"{key._name}".', name="InvalidAccessError"), algorithm)
        if usage not in key.usages:
            raise JsException(f'Requested key usage "{usage}" does not match any usage listed in this CryptoKey.',
                              name="InvalidAccessError")
        return key

    async def sign(self, algorithm: Any, key: Any, data: Any) -> JsBuffer:
        key = self._check(key, "sign", algorithm)
        if key._name == "Ed25519":
            return JsBuffer(key._material.sign(buffer_bytes(data)))
        if key._name == "RSASSA-PKCS1-v1_5":
            from cryptography.hazmat.primitives.asymmetric import padding

            hash_key = key.algorithm.to_py()["hash"]["name"]
            return JsBuffer(key._material.sign(buffer_bytes(data), padding.PKCS1v15(), _hash_object(hash_key)))
        if key._name == "RSA-PSS":
            return JsBuffer(_pss_sign(key, _algorithm(algorithm), buffer_bytes(data)))
        if key._name == "ECDSA":
            return JsBuffer(_ecdsa_sign(key, _algorithm(algorithm), buffer_bytes(data)))
        if key._name.upper() != "HMAC":
            raise _not_emulated("sign", key._name)
        digest = _DIGESTS[_hash_name(key.algorithm.to_py())]
        return JsBuffer(hmac.new(key._material, buffer_bytes(data), digest).digest())

    async def deriveBits(self, algorithm: Any, baseKey: Any, length: Any = None) -> JsBuffer:  # noqa: N802,N803 - JS names
        """PBKDF2 (workerd's ``deriveBits``, its checks and texts, production's iteration cap)."""
        key = self._check(baseKey, "deriveBits", algorithm)
        return JsBuffer(self._derive(key, _algorithm(algorithm), length, "deriveBits"))

    @staticmethod
    def _derive(key: CryptoKey, algorithm: dict[str, Any], length: Any, operation: str) -> bytes:
        if key._name == "PBKDF2":
            return _pbkdf2(algorithm, key._material, length)
        if key._name == "HKDF":
            return _hkdf(algorithm, key._material, length)
        raise _not_emulated(operation, key._name)

    async def deriveKey(  # noqa: N802 - JS name
        self, algorithm: Any, baseKey: Any, derivedKeyAlgorithm: Any, extractable: bool = False,  # noqa: N803
        keyUsages: Any = None,  # noqa: N803
    ) -> CryptoKey:
        """PBKDF2 into an HMAC key (its ``length``, or the hash's block size)."""
        key = self._check(baseKey, "deriveKey", algorithm)
        if key._name not in ("PBKDF2", "HKDF"):
            raise _not_emulated("deriveKey", key._name)
        derived = _algorithm(derivedKeyAlgorithm)
        if derived.get("name") is None or _name(derived).upper() not in _DERIVED_KEY_TYPES:
            raise _fail(JsException(f'Unrecognized derived key type "{_name(derived)}" requested.',
                                    name="NotSupportedError"), derivedKeyAlgorithm)
        derived_name = _name(derived).upper()
        if derived_name in _AES_MODES:  # workerd's getKeyLength: an AES key's length is required
            length = derived.get("length")
            if length is None:
                raise js_type_error('Missing field "length" in "derivedKeyParams".')
            if int(length) not in _AES_BITS:
                raise JsException(f"Derived AES key must be 128, 192, or 256 bits in length but provided {int(length)}.",
                                  name="OperationError")
            bits = self._derive(key, _algorithm(algorithm), int(length), "deriveKey")
            return await self.importKey("raw", bits, JsObject(derived), extractable, keyUsages)
        if derived_name != "HMAC":
            raise _not_emulated("deriveKey", f"a derived {_name(derived)} key")
        if derived.get("hash") is None:
            raise js_type_error('Missing field "hash" in "derivedKeyParams".')
        hash_key = _hash_name(derived)
        length = derived.get("length")
        if length is None:
            length = hashlib.new(_DIGESTS[hash_key]).block_size * 8
        elif int(length) <= 0:
            raise js_type_error("HMAC key length must be a non-zero unsigned long integer.")
        bits = self._derive(key, _algorithm(algorithm), length, "deriveKey")
        return await self.importKey("raw", bits, JsObject({**derived, "name": "HMAC", "length": int(length)}),
                                    extractable, keyUsages)

    async def verify(self, algorithm: Any, key: Any, signature: Any, data: Any) -> bool:
        key = self._check(key, "verify", algorithm)
        name = key._name.upper()
        if name == "HMAC":
            expected = await self.sign("HMAC", CryptoKey("secret", key.algorithm.to_py(), False, ["sign"], key._material), data)
            return hmac.compare_digest(expected.to_bytes(), buffer_bytes(signature))
        from cryptography.exceptions import InvalidSignature

        try:
            if name == "ECDSA":
                return _ecdsa_verify(key, _algorithm(algorithm), buffer_bytes(signature), buffer_bytes(data))
            if name == "RSA-PSS":
                from cryptography.hazmat.primitives.asymmetric import padding

                salt = _pss_salt(_algorithm(algorithm), missing_is_type_error=True)
                hash_object = _hash_object(_hash_name(key.algorithm.to_py()))
                key._material.verify(buffer_bytes(signature), buffer_bytes(data),
                                     padding.PSS(mgf=padding.MGF1(hash_object), salt_length=salt), hash_object)
                return True
            if name == "ED25519":
                if len(buffer_bytes(signature)) != 64:
                    raise JsException(f"Invalid Ed25519 signature length {len(buffer_bytes(signature))}",
                                      name="OperationError")
                key._material.verify(buffer_bytes(signature), buffer_bytes(data))
            else:
                from cryptography.hazmat.primitives.asymmetric import padding

                key._material.verify(buffer_bytes(signature), buffer_bytes(data), padding.PKCS1v15(),
                                     _hash_object(_hash_name(key.algorithm.to_py())))
        except InvalidSignature:
            return False
        return True

    async def encrypt(self, algorithm: Any, key: Any, data: Any) -> JsBuffer:
        return JsBuffer(self._cipher(True, algorithm, key, data))

    async def decrypt(self, algorithm: Any, key: Any, data: Any) -> JsBuffer:
        return JsBuffer(self._cipher(False, algorithm, key, data))

    def _cipher(self, encrypting: bool, algorithm: Any, key: Any, data: Any) -> bytes:
        key = self._check(key, "encrypt" if encrypting else "decrypt", algorithm)
        if key._name not in _AES_MODES:
            raise _not_emulated("encrypt" if encrypting else "decrypt", key._name)
        algo, raw = _algorithm(algorithm), buffer_bytes(data)
        if key._name == "AES-GCM":
            return _aes_gcm(encrypting, key._material, algo, raw)
        if key._name == "AES-CBC":
            return _aes_cbc(encrypting, key._material, algo, raw)
        return _aes_ctr(key._material, algo, raw)

    async def generateKey(self, algorithm: Any, extractable: bool = False, keyUsages: Any = None) -> CryptoKey:  # noqa: N802,N803 - JS names
        """An AES or HMAC secret key from the system's random source (workerd's checks, texts)."""
        algo = _algorithm(algorithm)
        name = _name(algo).upper()
        if algo.get("name") is None or name not in _GENERATED_KEY_TYPES:
            raise _fail(JsException(f'Unrecognized key generation algorithm "{_name(algo)}" requested.',
                                    name="NotSupportedError"), algorithm)
        usages = _usages(keyUsages)
        if name in _AES_MODES:
            for usage in usages:
                if usage not in _AES_USAGES:
                    raise JsException(f'Attempt to generate {name} key with invalid usage "{usage}".',
                                      name="SyntaxError")
            length = algo.get("length")
            if length is None:
                raise js_type_error('Missing field "length" in "algorithm".')
            if int(length) not in _AES_BITS:
                raise JsException(f"Generated AES key length must be 128, 192, or 256 bits but requested {int(length)}.",
                                  name="OperationError")
            key = CryptoKey("secret", {"name": name, "length": int(length)}, extractable, usages,
                            os.urandom(int(length) // 8))
        elif name == "HMAC":
            hash_key = _hash_name(algo)
            for usage in usages:
                if usage not in ("sign", "verify"):
                    raise JsException(f'Attempt to generate HMAC key with invalid usage "{usage}".', name="SyntaxError")
            length = algo.get("length")
            length = hashlib.new(_DIGESTS[hash_key]).block_size * 8 if length is None else int(length)
            if length <= 0:
                raise JsException(f"HMAC key length must be a non-zero unsigned long integer (requested {length}).",
                                  name="OperationError")
            secret, _ = _hmac_length(os.urandom(-(-length // 8)), length)
            key = CryptoKey("secret", {"name": "HMAC", "hash": {"name": hash_key}, "length": length}, extractable,
                            usages, secret)
        else:
            raise _not_emulated("generateKey", name)
        return _with_usages(key)

    async def exportKey(self, fmt: str, key: Any) -> Any:  # noqa: N802 - JS name
        """An AES or HMAC key's bytes (``raw``) or ``oct`` JWK, if it was made extractable."""
        if not isinstance(key, CryptoKey):
            raise js_type_error("Failed to execute 'exportKey' on 'SubtleCrypto': parameter 2 is not of type 'CryptoKey'.")
        if fmt in _MODERN_FORMATS:  # (checked before extractability, as workerd does)
            raise _modern_format(fmt)
        if not key.extractable:
            raise JsException(f"Attempt to export non-extractable {key._name} key.", name="InvalidAccessError")
        if key._name in _AES_MODES:
            return _aes_export(key, fmt)
        if key._name == "HMAC":
            if fmt not in ("raw", "jwk"):
                raise JsException(f'Unimplemented key export format "{fmt}".', name="NotSupportedError")
            if fmt == "raw":
                return JsBuffer(key._material)
            hash_name = key.algorithm.to_py()["hash"]["name"]
            if not hash_name.startswith("SHA-"):
                raise JsException(f'Unimplemented JWK key export format for key algorithm "{hash_name}".',
                                  name="NotSupportedError")
            return _secret_jwk(key, f"HS{hash_name[4:]}")
        raise _not_emulated("exportKey", key._name)

    async def wrapKey(self, *args: Any) -> Any:  # noqa: N802 - JS name
        raise _not_emulated("wrapKey", "any algorithm")

    async def unwrapKey(self, *args: Any) -> Any:  # noqa: N802 - JS name
        raise _not_emulated("unwrapKey", "any algorithm")


def _pbkdf2(algorithm: dict[str, Any], password: bytes, length: Any) -> bytes:
    """workerd's PBKDF2 ``deriveBits``: its checks in its order, then ``hashlib.pbkdf2_hmac``."""
    hash_key = _hash_name(algorithm)
    salt = algorithm.get("salt")
    if salt is None:
        raise js_type_error('Missing field "salt" in "algorithm".')
    iterations = algorithm.get("iterations")
    if iterations is None:
        raise js_type_error('Missing field "iterations" in "algorithm".')
    if length is None or isinstance(length, JsNull):
        raise JsException("PBKDF2 cannot derive a key with null length.", name="OperationError")
    length, iterations = int(length), int(iterations)
    if length % 8:
        raise JsException(f"PBKDF2 requires a derived key length that is a multiple of eight (requested {length}).",
                          name="OperationError")
    if iterations <= 0:
        raise JsException(f"PBKDF2 requires a positive iteration count (requested {iterations}).", name="OperationError")
    if iterations > _PBKDF2_MAX_ITERATIONS:
        raise JsException(f"Pbkdf2 failed: iteration counts above {_PBKDF2_MAX_ITERATIONS} are not supported "
                          f"(requested {iterations}).", name="NotSupportedError")
    digest = _DIGESTS[hash_key]
    if length // 8 > 255 * hashlib.new(digest).digest_size:
        raise JsException("Pbkdf2 failed: derived key length exceeds maximum for this hash", name="OperationError")
    if length == 0:
        return b""
    return hashlib.pbkdf2_hmac(digest, password, buffer_bytes(salt), iterations, length // 8)

