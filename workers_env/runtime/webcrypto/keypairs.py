"""``generateKey``'s key pairs: RSA (RSASSA-PKCS1-v1_5, RSA-PSS, RSA-OAEP), EC (ECDSA, ECDH) and
OKP (Ed25519, X25519, NODE-ED25519) keys as workerd's ``generateRsa``, ``generateEcdsa``/
``generateEcdh`` and ``generateEddsa`` (rsa.c++, ec.c++) make them: their checks in their order
and words, the usages split between the two keys, the public key always extractable."""

from __future__ import annotations

import math
import secrets
from typing import Any

from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsbuffers import buffer_bytes
from workers_env.runtime.jsconvert import to_js
from workers_env.runtime.jsproxy import JsObject, js_type_error
from workers_env.runtime.webcrypto.arguments import hash_key_of, jsg_int, needs_cryptography
from workers_env.runtime.webcrypto.keys import CryptoKey, check_usages, with_usages
from workers_env.runtime.webcrypto.signatures import (
    CURVES,
    named_curve,
    check_rsa_params,
    node_ed25519_curve,
    okp_algorithm,
    okp_classes,
)

#: the usages a generated pair's public key keeps (workerd's ``publicKeyMask``); the private key
#: keeps the others (an ECDH pair's public key none)
_PUBLIC_USAGES = ("encrypt", "verify", "wrapKey")


def generate_pair(name: str, algo: dict[str, Any], extractable: bool, usages: list[str]) -> JsObject:
    """A ``CryptoKeyPair`` (``publicKey``, ``privateKey``) of ``name`` (as keys name it)."""
    try:
        __import__("cryptography")  # (whether it is installed: each maker imports what it needs)
    except ImportError:
        raise needs_cryptography(f"{name} key generation") from None
    if name.startswith("RSA"):
        algorithm, make = _rsa(name, algo, usages)
    elif name in ("ECDSA", "ECDH"):
        algorithm, make = _elliptic(name, algo, usages)
    else:
        algorithm, make = _okp(name, algo, usages)
    private_usages = [u for u in usages if u not in _PUBLIC_USAGES]
    public_usages = [] if name == "ECDH" else [u for u in usages if u in _PUBLIC_USAGES]
    if not private_usages:
        raise dom_exception("Attempt to generate asymmetric keys with no valid private key usages.", "SyntaxError")
    private = make()
    return JsObject({"publicKey": with_usages(CryptoKey("public", algorithm(), True, public_usages,
                                                        private.public_key())),
                     "privateKey": with_usages(CryptoKey("private", algorithm(), extractable, private_usages,
                                                         private))})


def _rsa(name: str, algo: dict[str, Any], usages: list[str]) -> tuple[Any, Any]:
    """``generateRsa``'s checks, then the key's ``algorithm`` (its own copy for each key) and maker."""
    exponent = algo.get("publicExponent")
    if exponent is None:
        raise js_type_error('Missing field "publicExponent" in "algorithm".')
    if algo.get("hash") is None:
        raise js_type_error('Missing field "hash" in "algorithm".')
    modulus_bits = algo.get("modulusLength")
    if modulus_bits is None:
        raise js_type_error('Missing field "modulusLength" in "algorithm".')
    modulus_bits = jsg_int(modulus_bits)
    if modulus_bits <= 0:
        raise dom_exception(f"modulusLength must be greater than zero (requested {modulus_bits}).", "OperationError")
    hash_key = hash_key_of(algo)
    check_usages(usages, "generate", name, ("encrypt", "decrypt", "wrapKey", "unwrapKey") if name == "RSA-OAEP"
                 else ("sign", "verify"))
    exponent_bytes = buffer_bytes(exponent)
    e = int.from_bytes(exponent_bytes, "big")
    check_rsa_params(modulus_bits, e, generating=True)
    if modulus_bits % 128:  # (BoringSSL would round it down to a multiple of 128 unchecked)
        raise dom_exception("Can't generate key: RSA key size is required to be a multiple of 128",
                            "OperationError")

    def algorithm() -> dict[str, Any]:
        return {"name": name, "modulusLength": modulus_bits, "publicExponent": to_js(exponent_bytes),
                "hash": {"name": hash_key}}
    return algorithm, lambda: _rsa_key(modulus_bits, e)


def _rsa_key(modulus_bits: int, e: int) -> Any:
    """A new RSA private key: cryptography's from 1,024 bits; below that (which it refuses to
    make, and workerd makes from 256 bits) two random primes of half the size each."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    if modulus_bits >= 1024:
        return rsa.generate_private_key(public_exponent=e, key_size=modulus_bits)
    p = _prime(modulus_bits // 2, e)
    q = p
    while q == p:
        q = _prime(modulus_bits // 2, e)
    d = pow(e, -1, math.lcm(p - 1, q - 1))
    return rsa.RSAPrivateNumbers(p, q, d, rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q), rsa.rsa_crt_iqmp(p, q),
                                 rsa.RSAPublicNumbers(e, p * q)).private_key()


def _prime(bits: int, e: int) -> int:
    """A random prime of ``bits`` bits, its top two set (so that two make a modulus of twice
    ``bits``), ``e`` prime to it less one (Miller-Rabin, 40 rounds)."""
    while True:
        candidate = secrets.randbits(bits) | (3 << (bits - 2)) | 1
        if math.gcd(e, candidate - 1) == 1 and _probably_prime(candidate):
            return candidate


def _probably_prime(n: int) -> bool:
    if any(n % p == 0 for p in (3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)):
        return False
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for _ in range(40):
        x = pow(secrets.randbelow(n - 3) + 2, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _elliptic(name: str, algo: dict[str, Any], usages: list[str]) -> tuple[Any, Any]:
    """``generateEcdsa``/``generateEcdh``: the usages, then ``namedCurve``."""
    from cryptography.hazmat.primitives.asymmetric import ec

    check_usages(usages, "generate", name, ("sign", "verify") if name == "ECDSA" else ("deriveKey", "deriveBits"))
    curve = named_curve(algo)
    return (lambda: {"name": name, "namedCurve": curve},
            lambda: ec.generate_private_key(getattr(ec, CURVES[curve][0])()))


def _okp(name: str, algo: dict[str, Any], usages: list[str]) -> tuple[Any, Any]:
    """``generateEddsa``: the usages, then NODE-ED25519's ``namedCurve``."""
    check_usages(usages, "generate", name, ("deriveKey", "deriveBits") if name == "X25519" else ("sign", "verify"))
    if name == "NODE-ED25519":
        node_ed25519_curve(algo)
    return lambda: okp_algorithm(name), okp_classes(name)[1].generate
