"""AES-GCM, AES-CBC and AES-CTR as workerd's ``aes.c++`` has them: key import and export, and
encryption with its checks, texts and output (the ``cryptography`` package does the AES)."""

from __future__ import annotations

from typing import Any

from workers_env._errors import JsException, NotEmulatedError
from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsbuffers import buffer_bytes
from workers_env.runtime.jsproxy import JsBuffer, js_type_error
from workers_env.runtime.webcrypto.arguments import jsg_int, jwk_secret, member_text, needs_cryptography
from workers_env.runtime.webcrypto.keys import CryptoKey, secret_jwk

#: the AES modes workers-env emulates for encryption
AES_MODES = frozenset({"AES-GCM", "AES-CBC", "AES-CTR"})

#: every AES key kind: the modes and AES-KW (RFC 3394 key wrapping, for wrapKey/unwrapKey alone)
AES_KEYS = AES_MODES | {"AES-KW"}


AES_USAGES = ("encrypt", "decrypt", "wrapKey", "unwrapKey")


def _tag_length(value: Any) -> int:
    """AES-GCM's ``tagLength`` as jsg's ``int`` converts it (NaN 0, truncated), with the text
    wrangler 4.164.0's workerd gives past int32 (measured; not jsg's own range text)."""
    try:
        return jsg_int(value)
    except JsException:
        raise js_type_error("AES-GCM tagLength is outside the integer range.") from None

def aes_usages(name: str) -> tuple[str, ...]:
    """The usages an AES key of ``name`` may have (aes.c++ ``validateAesUsages``)."""
    return AES_USAGES[2:] if name == "AES-KW" else AES_USAGES


AES_BITS = (128, 192, 256)


_GCM_TAG_BITS = (32, 64, 96, 104, 112, 120, 128)


def aes_length(secret: bytes) -> bytes:
    if 8 * len(secret) not in AES_BITS:
        raise dom_exception(f"Imported AES key length must be 128, 192, or 256 bits but provided {8 * len(secret)}.",
                            "DataError")
    return secret


def aes_jwk(jwk: dict[str, Any], name: str, usages: list[str]) -> bytes:
    """The secret of an ``oct`` JWK, checked as workerd's ``importAes`` checks it, in its order."""
    if jwk.get("kty") != "oct":
        raise dom_exception('Symmetric "jwk" key import requires a JSON Web Key with Key Type parameter "kty" equal '
                            f'to "oct" (encountered "{member_text(jwk.get("kty"))}").', "DataError")
    secret = aes_length(jwk_secret(jwk, 'Symmetric "jwk" key import requires a base64Url encoding of the key.'))
    expected = f"A{8 * len(secret)}{name[4:]}"
    if jwk.get("alg") is not None and jwk["alg"] != expected:
        raise dom_exception(f'Symmetric "jwk" key contains invalid "alg" value "{jwk["alg"]}", expected "{expected}".',
                            "DataError")
    if usages and jwk.get("use") is not None and jwk["use"] != "enc":
        raise dom_exception(f'Symmetric "jwk" key must have a "use" of "enc", not "{jwk["use"]}".', "DataError")
    ops = jwk.get("key_ops")
    if ops is not None:
        ops = sorted(str(op) for op in ops)
        for first, second in zip(ops, ops[1:]):
            if first == second:
                raise dom_exception(f'Symmetric "jwk" key contains duplicate value "{first}", in "key_op".',
                                    "DataError")
        for usage in usages:
            if usage not in ops:
                raise dom_exception(f'"jwk" key missing usage "{usage}", in "key_ops".', "DataError")
    return secret


def _aes_cipher(name: str) -> Any:
    """``cryptography``'s ciphers module (AES needs it: the standard library has no AES)."""
    try:
        from cryptography.hazmat.primitives import ciphers
    except ImportError:
        raise needs_cryptography(f"{name} encryption") from None
    return ciphers


def aes_gcm(encrypting: bool, secret: bytes, algorithm: dict[str, Any], data: bytes) -> bytes:
    """workerd's ``AesGcmKey::encrypt``/``decrypt``: its checks, texts and output (the tag after
    the ciphertext)."""
    iv = algorithm.get("iv")
    if iv is None:
        raise js_type_error('Missing field "iv" in "algorithm".')
    iv = buffer_bytes(iv)
    if not iv:
        raise dom_exception("AES-GCM IV must not be empty.", "OperationError")
    aad = algorithm.get("additionalData")
    aad = b"" if aad is None else buffer_bytes(aad)
    tag_bits = algorithm.get("tagLength")
    tag_bits = 128 if tag_bits is None else _tag_length(tag_bits)
    if tag_bits not in _GCM_TAG_BITS:
        raise dom_exception(f"Invalid AES-GCM tag length {tag_bits}.", "OperationError")
    tag_bytes = tag_bits // 8
    if not encrypting and len(data) < tag_bytes:
        raise dom_exception(f"Ciphertext length of {8 * len(data)} bits must be greater than or equal to the size of "
                            f"the AES-GCM tag length of {tag_bits} bits.", "OperationError")
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
    return dom_exception("Decryption failed. This could be due to a ciphertext authentication failure, bad padding, "
                         f"incorrect CryptoKey, or another algorithm-specific reason. Input length was {given}, output "
                         f"length expected to be {expected} for {name}", "OperationError")


def aes_cbc(encrypting: bool, secret: bytes, algorithm: dict[str, Any], data: bytes) -> bytes:
    """workerd's ``AesCbcKey``: PKCS#7 padding; a bad one is its ``OperationError``, with the
    output length BoringSSL reports."""
    iv = algorithm.get("iv")
    if iv is None:
        raise js_type_error('Missing field "iv" in "algorithm".')
    iv = buffer_bytes(iv)
    if len(iv) != 16:  # (workerd's two texts differ by the word "bytes")
        raise dom_exception(f"AES-CBC IV must be 16 bytes long (provided {len(iv)}{' bytes' if encrypting else ''}).",
                            "OperationError")
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


def aes_ctr(secret: bytes, algorithm: dict[str, Any], data: bytes) -> bytes:
    """workerd's ``AesCtrKey``: the low ``length`` bits of the counter block count the blocks and
    wrap to zero; a message needing more blocks than they count is refused."""
    counter = algorithm.get("counter")
    if counter is None:
        raise js_type_error('Missing "counter" member in "algorithm".')
    counter = buffer_bytes(counter)
    if len(counter) != 16:
        raise dom_exception(f"Counter must have length of 16 bytes (provided {len(counter)}).", "OperationError")
    bits = algorithm.get("length")
    if bits is None:
        raise js_type_error('Missing "length" member in "algorithm".')
    bits = jsg_int(bits)
    if not 0 < bits <= 128:
        raise dom_exception(f"Invalid counter of {bits} bits length provided.", "OperationError")
    blocks = -(-len(data) // 16)
    if blocks > 1 << bits:
        raise dom_exception("Counter block values will repeat.", "OperationError")
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


def aes_kw(wrapping: bool, secret: bytes, data: bytes) -> bytes:
    """workerd's ``AesKwKey::wrapKey``/``unwrapKey`` (RFC 3394, the default IV): its length
    checks and texts, in its order."""
    if wrapping:
        if len(data) % 8:
            raise dom_exception("Unwrapped key bit length must be a multiple of 64 bits but unwrapped key has a "
                                f"length of {8 * len(data)} bits.", "OperationError")
        if len(data) < 16:
            raise dom_exception(f"Unwrapped key has length {len(data)} bytes but it should be greater than or equal "
                                f"to 16 and less than or equal to {2**64 - 1 - 8}", "OperationError")
    else:
        if len(data) % 8:
            raise dom_exception(f"Provided a wrapped key to unwrap that is {8 * len(data)} bits which isn't a "
                                "multiple of 64 bits.", "OperationError")
        if len(data) < 24:
            raise dom_exception(f"Provided a wrapped key to unwrap this is {8 * len(data)} bits that is less than the "
                                "minimal length of 192 bits.", "OperationError")
    try:
        from cryptography.hazmat.primitives import keywrap
    except ImportError:
        raise needs_cryptography("AES-KW key wrapping") from None
    if wrapping:
        return bytes(keywrap.aes_key_wrap(secret, data))
    try:
        return bytes(keywrap.aes_key_unwrap(secret, data))
    except keywrap.InvalidUnwrap:
        raise dom_exception("AES-KW key unwrapping failed.", "OperationError") from None  # (tryDescribeOpensslErrors: ".")


def aes_export(key: CryptoKey, fmt: str) -> Any:
    """workerd's ``AesKeyBase::exportKey``: the bytes, or an ``oct`` JWK."""
    if fmt not in ("raw", "jwk"):
        raise dom_exception(f'{key._name} key only supports exporting "raw", "raw-secret" & "jwk", not "{fmt}".',
                            "NotSupportedError")
    if fmt == "raw":
        return JsBuffer(key._material)
    return secret_jwk(key, f"A{8 * len(key._material)}{key._name[4:]}")
