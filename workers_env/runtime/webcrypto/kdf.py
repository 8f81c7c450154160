"""Key derivation: PBKDF2 (with production's iteration cap) and HKDF (RFC 5869), from the
standard library, with workerd's checks and texts."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsbuffers import buffer_bytes
from workers_env.runtime.jsproxy import js_type_error
from workers_env.runtime.webcrypto.arguments import DIGESTS, hash_key_of, jsg_int

_PBKDF2_MAX_ITERATIONS = 100_000  # production's limit enforcer (local workerd does not apply it)


def hkdf(algorithm: dict[str, Any], secret: bytes, length: int | None) -> bytes:
    """workerd's HKDF ``deriveBits`` (RFC 5869 with the standard library's HMAC): its checks in
    its order."""
    hash_key = hash_key_of(algorithm)
    salt, info = algorithm.get("salt"), algorithm.get("info")
    if salt is None:
        raise js_type_error('Missing field "salt" in "algorithm".')
    if info is None:
        raise js_type_error('Missing field "info" in "algorithm".')
    if length is None:
        raise dom_exception("HKDF cannot derive a key with null length.", "OperationError")
    if length % 8:
        raise dom_exception(f"HKDF requires a derived key length that is a multiple of eight (requested {length}).",
                            "OperationError")
    digest = DIGESTS[hash_key]
    size = hashlib.new(digest).digest_size
    if length // 8 > 255 * size:
        raise dom_exception("HKDF deriveBits failed.", "OperationError")
    prk = hmac.new(buffer_bytes(salt), secret, digest).digest()
    out, block, counter = b"", b"", 1
    while len(out) < length // 8:
        block = hmac.new(prk, block + buffer_bytes(info) + bytes([counter]), digest).digest()
        out += block
        counter += 1
    return out[: length // 8]


def pbkdf2(algorithm: dict[str, Any], password: bytes, length: int | None) -> bytes:
    """workerd's PBKDF2 ``deriveBits``: its checks in its order, then ``hashlib.pbkdf2_hmac``."""
    hash_key = hash_key_of(algorithm)
    salt = algorithm.get("salt")
    if salt is None:
        raise js_type_error('Missing field "salt" in "algorithm".')
    iterations = algorithm.get("iterations")
    if iterations is None:
        raise js_type_error('Missing field "iterations" in "algorithm".')
    if length is None:
        raise dom_exception("PBKDF2 cannot derive a key with null length.", "OperationError")
    iterations = jsg_int(iterations)
    if length % 8:
        raise dom_exception(f"PBKDF2 requires a derived key length that is a multiple of eight (requested {length}).",
                            "OperationError")
    if iterations <= 0:
        raise dom_exception(f"PBKDF2 requires a positive iteration count (requested {iterations}).", "OperationError")
    if iterations > _PBKDF2_MAX_ITERATIONS:
        raise dom_exception(f"Pbkdf2 failed: iteration counts above {_PBKDF2_MAX_ITERATIONS} are not supported "
                            f"(requested {iterations}).", "NotSupportedError")
    digest = DIGESTS[hash_key]
    if length // 8 > 255 * hashlib.new(digest).digest_size:
        raise dom_exception("Pbkdf2 failed: derived key length exceeds maximum for this hash", "OperationError")
    if length == 0:
        return b""
    return hashlib.pbkdf2_hmac(digest, password, buffer_bytes(salt), iterations, length // 8)
