"""Key agreement: ECDH (P-256/384/521) and X25519 ``deriveBits`` as workerd's ``EllipticKey`` and
``EdDsaKey`` (ec.c++) have it -- the peer's public key checked in its order and words, the
shared secret cut to ``length`` bits (the last byte's unused low bits cleared)."""

from __future__ import annotations

from typing import Any

from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsproxy import js_type_error
from workers_env.runtime.webcrypto.keys import CryptoKey, first_bits

#: the key-agreement algorithms, as keys name them
AGREEMENT = ("ECDH", "X25519")


def _algorithm_kind(key: CryptoKey) -> str:
    """Which of workerd's ``CryptoKey::AlgorithmVariant`` alternatives a key's algorithm is: the
    peer's must be the base key's (an ECDH key's peer an EC key, an X25519 key's an OKP one)."""
    members = key.algorithm.to_py()  # (a secret key is refused before: HMAC's and AES' kinds never asked)
    return "elliptic" if "namedCurve" in members else "rsa" if "modulusLength" in members else "plain"


def agree(key: CryptoKey, algorithm: dict[str, Any], length: int | None) -> bytes:
    """The secret ``key`` (a private ECDH or X25519 key) shares with ``algorithm.public``,
    its first ``length`` bits (all of it when ``length`` is none)."""
    # (workerd's refusals of a base key of another algorithm or of a public base key are never
    # reached: validateOperation asks for the deriveBits/deriveKey usage first, which neither has)
    public = algorithm.get("public")
    if public is None:
        raise js_type_error('Missing field "public" in "derivedKeyParams".')
    if public.type != "public":
        raise dom_exception(f'The provided key has type "{public.type}", not "public"', "InvalidAccessError")
    if _algorithm_kind(key) != _algorithm_kind(public):
        raise dom_exception(f"Base {key._name} private key cannot be used to derive a key from a peer "
                            f"{public._name} public key", "InvalidAccessError")
    if key._name != public._name:
        raise dom_exception(f'Private key for derivation is using "{key._name}" while public key is using '
                            f'"{public._name}".', "InvalidAccessError")
    if key._name == "ECDH":
        from cryptography.hazmat.primitives.asymmetric import ec

        curve, peer_curve = key.algorithm.namedCurve, public.algorithm.namedCurve
        if curve != peer_curve:
            raise dom_exception(f'Private key for derivation is using curve "{curve}" while public key is using '
                                f'"{peer_curve}".', "InvalidAccessError")
        secret = key._material.exchange(ec.ECDH(), public._material)
    else:
        secret = b""
    available = 8 * (len(secret) if key._name == "ECDH" else 32)
    bits = available if length is None else length
    if bits > available:
        raise dom_exception(f"Derived key length ({bits} bits) is too long (should be at most {available} bits).",
                            "OperationError")
    if key._name == "X25519":
        try:
            secret = key._material.exchange(public._material)
        except ValueError:  # an all-zero secret: a small-order peer point, which BoringSSL refuses so
            raise dom_exception("Failed to derive EDDH key: public key routines INVALID_PEER_KEY.",
                                "OperationError") from None
    return first_bits(secret, bits)
