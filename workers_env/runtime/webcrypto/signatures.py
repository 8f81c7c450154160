"""Signature keys (RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA, Ed25519) and the other asymmetric keys
(RSA-OAEP, ECDH, X25519): import from ``raw``/``spki``/``pkcs8``/JWK with workerd's checks in its
order, and the signing and verifying that need more than the key (RSA-PSS's salt, ECDSA's r and s)."""

from __future__ import annotations

from typing import Any

from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsbuffers import buffer_bytes
from workers_env.runtime.jsconvert import to_js
from workers_env.runtime.current import flag_on
from workers_env.runtime.jsproxy import js_type_error
from workers_env.runtime.webcrypto.arguments import (
    hash_instance,
    hash_key_of,
    jwk_number,
    jsg_int,
    jwk_secret,
    needs_cryptography,
    plain,
)
from workers_env.runtime.webcrypto.agreement import AGREEMENT
from workers_env.runtime.webcrypto.keys import CryptoKey, check_usages, with_usages

#: the asymmetric algorithms workers-env emulates, upper-cased -> as keys name them
ASYMMETRIC = {"RSASSA-PKCS1-V1_5": "RSASSA-PKCS1-v1_5", "RSA-PSS": "RSA-PSS", "ED25519": "Ed25519", "ECDSA": "ECDSA",
              "RSA-OAEP": "RSA-OAEP", "ECDH": "ECDH", "X25519": "X25519", "NODE-ED25519": "NODE-ED25519",
              "RSA-RAW": "RSA-RAW"}


def _key_usages(name: str, kind: str) -> tuple[str, ...]:
    """The usages a ``kind`` (public, private) key of ``name`` may have (workerd's allowed usages
    masked with ``publicKeyMask``/``privateKeyMask``)."""
    if name == "RSA-OAEP":
        return ("encrypt", "wrapKey") if kind == "public" else ("decrypt", "unwrapKey")
    if name in AGREEMENT:  # a public key none (strict_crypto_checks, on from 2023-08-01)
        return () if kind == "public" else ("deriveKey", "deriveBits")
    return ("verify",) if kind == "public" else ("sign",)


#: ECDSA's curves (workerd's ``lookupEllipticCurve``): name -> (cryptography's class name, size of r and s)
CURVES = {"P-256": ("SECP256R1", 32), "P-384": ("SECP384R1", 48), "P-521": ("SECP521R1", 66)}


_ECDSA_JWK_CURVES = {"ES256": "P-256", "ES384": "P-384", "ES512": "P-521"}


#: a JWK's ``alg`` -> the hash it stands for, as workerd's ``importRsa`` knows them
#: an RSA JWK's prime factors and CRT members, as workerd's ``rsaJwkReader`` names them in its errors
_RSA_FACTORS = {"p": "First Prime Factor", "q": "Second Prime Factor", "dp": "First Factor CRT Exponent",
                "dq": "Second Factor CRT Exponent", "qi": "First CRT Coefficient"}


_RSA_JWK_HASHES = {"RS1": "SHA-1", "RS256": "SHA-256", "RS384": "SHA-384", "RS512": "SHA-512", "PS1": "SHA-1",
                   "PS256": "SHA-256", "PS384": "SHA-384", "PS512": "SHA-512", "RSA-OAEP": "SHA-1",
                   "RSA-OAEP-256": "SHA-256", "RSA-OAEP-384": "SHA-384", "RSA-OAEP-512": "SHA-512"}


def _asymmetric_jwk_checks(jwk: dict[str, Any], name: str, private: bool, usages: list[str]) -> None:
    """workerd's ``importAsymmetricForWebCrypto`` checks of an asymmetric key's JWK, in its order
    (its first ``use`` refusal says "sig" whatever use it expects)."""
    if private and jwk.get("oth") is not None:
        raise dom_exception("Multi-prime private keys not supported.", "NotSupportedError")
    expected, op0, op1 = ("enc", "encrypt", "wrapKey") if name == "RSA-OAEP" else \
        ("enc", "unused", "unused") if name in AGREEMENT else ("sig", "sign", "verify")
    use = jwk.get("use")
    if usages and use is not None and use != expected:
        raise dom_exception('Asymmetric "jwk" key import with usages requires a JSON Web Key with Public Key Use '
                            f'parameter "use" ("{use}") equal to "sig".', "DataError")
    ops = jwk.get("key_ops")
    if ops is None:
        return
    ops = sorted(str(op) for op in ops)
    if len(set(ops)) != len(ops):
        raise dom_exception('A JSON Web Key\'s Key Operations parameter ("key_ops") must not contain duplicates.',
                            "DataError")
    if use is not None:
        if use != expected:
            raise dom_exception(f'Asymmetric "jwk" import requires a JSON Web Key with Public Key Use "use" ("{use}") '
                                f'equal to "{expected}".', "DataError")
        for op in ops:
            if name in AGREEMENT:
                raise dom_exception('A JSON Web Key should have either a Public Key Use parameter ("use") or a Key '
                                    'Operations parameter ("key_ops"); otherwise, the parameters must be consistent '
                                    f'with each other. For public {name} keys, there are no valid usages,so keys with '
                                    'a non-empty "key_ops" parameter are not allowed.', "DataError")
            if op not in (op0, op1):
                raise dom_exception('A JSON Web Key should have either a Public Key Use parameter ("use") or a Key '
                                    'Operations parameter ("key_ops"); otherwise, the parameters must be consistent '
                                    f'with each other. A Public Key Use for {name} would allow a Key Operations array '
                                    f'with only "{op0}" and/or "{op1}" values (not "{op}").', "DataError")
    wanted = [usages[0]] + [u for u in usages[1:] if u != usages[0]][:1] if usages else []
    if any(usage not in ops for usage in wanted):
        raise dom_exception('All specified key usages must be present in the JSON Web Key\'s Key Operations parameter '
                            '("key_ops").', "DataError")


def _jwk_kty_and_alg(jwk: dict[str, Any], kty: str, what: str, algs: dict[str, str], wanted: str,
                     mismatch: str) -> None:
    """A JWK's ``kty``, then its optional ``alg`` against what ``importKey`` asked for (workerd's
    RSA and EC readers, the same steps and texts but for the noun)."""
    if jwk.get("kty") != kty:
        raise dom_exception(f'{what} requires a JSON Web Key with Key Type parameter "kty" ("{jwk.get("kty")}") equal '
                            f'to "{kty}".', "DataError")
    alg = jwk.get("alg")
    if alg is None:
        return
    if alg not in algs:
        raise dom_exception(f'Unrecognized or unimplemented algorithm "{alg}" listed in JSON Web Key Algorithm '
                            "parameter.", "NotSupportedError")
    if algs[alg] != wanted:
        raise dom_exception(f'JSON Web Key Algorithm parameter "alg" ("{alg}") does not match requested '
                            f"{mismatch.format(alg=alg)}.", "DataError")


#: the JWK ``alg`` values an RSA-RAW key may name (importRsaRaw's table; no hash to match)
_RSA_RAW_JWK_ALGS = {alg: "" for alg in ("RS1", "RS256", "RS384", "RS512")}


def _rsa_from_jwk(jwk: dict[str, Any], hash_key: str) -> Any:
    """workerd's RSA JWK reader: ``kty``, ``alg`` against the requested hash (any ``RS`` one for
    RSA-RAW, whose ``hash_key`` is empty), then the numbers."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    if hash_key:
        _jwk_kty_and_alg(jwk, "RSA", 'RSASSA-PKCS1-v1_5 "jwk" key import', _RSA_JWK_HASHES, hash_key,
                         "hash algorithm \"{alg}\"")  # (workerd names the JWK's alg twice)
    else:
        _jwk_kty_and_alg(jwk, "RSA", 'RSA-RAW "jwk" key import', _RSA_RAW_JWK_ALGS, "", "")
    n = jwk_number(jwk, "n", 'Invalid RSA key in JSON Web Key; missing or invalid Modulus parameter ("n").')
    e = jwk_number(jwk, "e", 'Invalid RSA key in JSON Web Key; missing or invalid Exponent parameter ("e").')
    public = rsa.RSAPublicNumbers(e, n)
    if jwk.get("d") is None:
        return public.public_key()
    d = jwk_number(jwk, "d", 'Invalid RSA key in JSON Web Key; missing or invalid Private Exponent parameter ("d").')
    present = [jwk.get(f) is not None for f in _RSA_FACTORS]
    if any(present) and not all(present):
        raise dom_exception('Invalid RSA private key in JSON Web Key; if one Prime Factor or CRT Exponent/Coefficient '
                            'parameter is present, then they must all be present ("p", "q", "dp", "dq", "qi").',
                            "DataError")
    try:
        if all(present):
            p, q, dp, dq, qi = (jwk_number(jwk, f, f"Invalid RSA key in JSON Web Key; invalid {named} parameter "
                                                   f'("{f}").') for f, named in _RSA_FACTORS.items())
        else:
            p, q = rsa.rsa_recover_prime_factors(n, e, d)
            dp, dq, qi = rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q), rsa.rsa_crt_iqmp(p, q)
        return rsa.RSAPrivateNumbers(p, q, d, dp, dq, qi, public).private_key()
    except ValueError:
        raise dom_exception("Invalid RSA private key in JSON Web Key: its numbers do not form a key.",
                            "DataError") from None


def okp_classes(curve: str) -> tuple[Any, Any]:
    """cryptography's public and private key classes of an OKP curve (Ed25519 -- NODE-ED25519's
    too -- and X25519)."""
    from cryptography.hazmat.primitives.asymmetric import ed25519, x25519

    if curve == "X25519":
        return x25519.X25519PublicKey, x25519.X25519PrivateKey
    return ed25519.Ed25519PublicKey, ed25519.Ed25519PrivateKey


def node_ed25519_curve(algo: dict[str, Any]) -> None:
    """NODE-ED25519's ``namedCurve``: required, and "NODE-ED25519" itself (``importEddsa``,
    ``generateEddsa``)."""
    named = algo.get("namedCurve")
    if named is None:
        raise js_type_error('Missing field "namedCurve" in "algorithm".')
    if named != "NODE-ED25519":
        raise dom_exception(f'EDDSA curve "{named}" isn\'t supported.', "NotSupportedError")


def _okp_from_jwk(jwk: dict[str, Any], curve: str) -> Any:
    """workerd's ``ellipticJwkReader`` for Ed25519 and X25519, its checks and texts."""
    if jwk.get("kty") != "OKP":
        raise dom_exception(f'{curve} "jwk" key imports requires a JSON Web Key with Key Type parameter "kty" '
                            f'("{jwk.get("kty")}") equal to "OKP".', "DataError")
    crv = jwk.get("crv")
    if crv is None:
        raise dom_exception(f'Missing field "crv" for {curve} key.', "DataError")
    if crv != curve:
        # DataError from workerd 1.20261123.1 (NotSupportedError in 1.20261117.1, wrangler 4.164.0's)
        raise dom_exception(f'Only {curve} is supported but "{crv}" was requested.', "DataError")
    if curve == "Ed25519" and jwk.get("alg") is not None and jwk["alg"] != "EdDSA":
        raise dom_exception(f'JSON Web Key Algorithm parameter "alg" ("{jwk["alg"]}") does not match requested Ed25519 '
                            "curve.", "DataError")
    x = jwk_secret({"k": jwk.get("x")}, f'Invalid {crv} key in JSON WebKey; missing or invalid public key component '
                                         '("x").')
    if len(x) != 32:
        raise dom_exception(f"Invalid length {len(x)} for public key", "DataError")
    public, private = okp_classes(curve)
    if jwk.get("d") is None:
        return public.from_public_bytes(x)
    d = jwk_secret({"k": jwk.get("d")}, f'Invalid {curve} key in JSON Web Key; missing or invalid private key '
                                         'component ("d").')
    if len(d) != 32:
        raise dom_exception(f"Invalid length {len(d)} for private key", "DataError")
    return private.from_private_bytes(d)


def named_curve(algo: dict[str, Any]) -> str:
    """``algorithm.namedCurve``, normalised as workerd's case-insensitive curve table has it."""
    named = algo.get("namedCurve")
    if named is None:
        raise js_type_error('Missing field "namedCurve" in "algorithm".')
    for curve in CURVES:
        if str(named).upper() == curve:
            return curve
    raise dom_exception(f'Unrecognized or unimplemented EC curve "{named}" requested.', "NotSupportedError")


def _ec_from_jwk(jwk: dict[str, Any], curve: str, name: str) -> Any:
    """workerd's ``ellipticJwkReader`` for ECDSA and ECDH: ``kty``, ``alg`` against the curve
    (ECDSA's alone), x, y, d."""
    from cryptography.hazmat.primitives.asymmetric import ec

    _jwk_kty_and_alg({**jwk, "alg": None} if name == "ECDH" else jwk, "EC", 'Elliptic curve "jwk" key import',
                     _ECDSA_JWK_CURVES, curve, "curve")
    x = jwk_number(jwk, "x", 'Invalid EC key in JSON Web Key; missing "x".')
    y = jwk_number(jwk, "y", 'Invalid EC key in JSON Web Key; missing "y".')
    group = getattr(ec, CURVES[curve][0])()
    try:
        public = ec.EllipticCurvePublicNumbers(x, y, group).public_key()
    except ValueError:
        raise dom_exception('Invalid EC key; public key coordinates "x" and "y" are invalid: Point is not on curve..',
                            "DataError") from None  # OperationError before workerd 1.20261123.1 (as the d one below)
    if jwk.get("d") is None:
        return public
    d = jwk_number(jwk, "d", 'Invalid EC key in JSON Web Key; missing or invalid private key component ("d").')
    try:
        private = ec.derive_private_key(d, group)
    except ValueError:
        raise dom_exception('Invalid EC key; private key component "d" is invalid.', "DataError") from None
    if private.public_key().public_numbers() != public.public_numbers():
        raise dom_exception("Invalid EC key in JSON Web Key.", "DataError")
    return private


def _der_length(der: bytes) -> int:
    """The length of the DER element ``der`` begins with, its header included (all of ``der`` when
    its header is malformed: the parser then refuses it)."""
    if len(der) < 2:
        return len(der)
    if der[1] < 0x80:
        return min(len(der), 2 + der[1])
    size = der[1] & 0x7F
    if not 0 < size <= 4 or len(der) < 2 + size:
        return len(der)
    return min(len(der), 2 + size + int.from_bytes(der[2:2 + size], "big"))


def import_asymmetric(fmt: str, data: Any, name: str, algo: dict[str, Any], usages: list[str],
                       extractable: bool) -> CryptoKey:
    """An RSA, EC or OKP key, public (``spki``, ``jwk``, EC/OKP ``raw``) or private
    (``pkcs8``, ``jwk`` with ``d``): workerd's ``importRsa``/``importEddsa`` checks in their order."""
    canonical = ASYMMETRIC[name]
    try:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec, rsa
    except ImportError:
        raise needs_cryptography(f"{canonical} key import") from None
    is_rsa, is_ec = canonical.startswith("RSA"), canonical in ("ECDSA", "ECDH")
    hash_key = hash_key_of(algo) if is_rsa and canonical != "RSA-RAW" else ""  # (RSA-RAW's has none)
    curve = named_curve(algo) if is_ec else "X25519" if canonical == "X25519" else "Ed25519"  # (an OKP key's)
    if canonical == "NODE-ED25519":
        node_ed25519_curve(algo)
    material: Any  # cryptography's key, public or private: checked against the algorithm below
    if fmt == "raw":
        if is_rsa:
            raise dom_exception('Unrecognized key import format "raw".', "NotSupportedError")
        check_usages(usages, "public", canonical, _key_usages(canonical, "public"))
        raw = buffer_bytes(data)
        if is_ec:  # BoringSSL's reason after workerd's text (its "." follows the reason's own)
            field = (int(curve[2:]) + 7) // 8
            well_formed = (len(raw) == 1 + 2 * field and raw[:1] == b"\x04") or \
                (len(raw) == 1 + field and raw[:1] in (b"\x02", b"\x03"))
            try:
                if not well_formed:
                    raise dom_exception("Failed to import raw EC key data: Invalid point encoding..", "DataError")
                material = ec.EllipticCurvePublicKey.from_encoded_point(getattr(ec, CURVES[curve][0])(), raw)
            except ValueError:
                raise dom_exception("Failed to import raw EC key data: Point is not on curve..", "DataError") from None
        elif len(raw) != 32:
            raise dom_exception(f"{curve} raw keys must be exactly 32-bytes (provided {len(raw)}).", "DataError")
        else:
            material = okp_classes(curve)[0].from_public_bytes(raw)
        kind = "public"
    elif fmt == "jwk":
        jwk = plain(data)
        kind = "private" if jwk.get("d") is not None else "public"
        check_usages(usages, kind, canonical, _key_usages(canonical, kind))
        _asymmetric_jwk_checks(jwk, canonical, kind == "private", usages)
        if is_rsa:
            material = _rsa_from_jwk(jwk, hash_key)
        elif is_ec:
            material = _ec_from_jwk(jwk, curve, canonical)
        else:
            material = _okp_from_jwk(jwk, curve)
    else:  # spki or pkcs8 (importKey refuses every other format first)
        kind = "public" if fmt == "spki" else "private"
        from cryptography.exceptions import UnsupportedAlgorithm

        der = buffer_bytes(data)
        whole = _der_length(der)  # BoringSSL reads one DER element; what follows it is refused
        try:
            if kind == "public":
                material = serialization.load_der_public_key(der[:whole])
            else:
                material = serialization.load_der_private_key(der[:whole], password=None)
        except (ValueError, TypeError, UnsupportedAlgorithm):
            raise dom_exception(f"Invalid {fmt.upper()} input.", "DataError") from None
        if whole < len(der):
            raise dom_exception(f"Invalid {len(der) - whole} trailing bytes after {fmt.upper()} input.", "DataError")
        check_usages(usages, kind, canonical, _key_usages(canonical, kind))
    if is_ec:
        if not isinstance(material, (ec.EllipticCurvePublicKey, ec.EllipticCurvePrivateKey)):  # (importEcdh's words)
            raise dom_exception("Input was not an EC key." if canonical == "ECDSA" else
                                "Input was not an EC public key nor a DH key.", "DataError")
        if material.curve.name != getattr(ec, CURVES[curve][0]).name:
            raise dom_exception(f'"algorithm.namedCurve" "{algo.get("namedCurve")}"{"," if canonical == "ECDH" else ""} '
                                "does not match the curve specified by the input key data.", "DataError")
        key_algorithm: dict[str, Any] = {"name": canonical, "namedCurve": curve}
    elif is_rsa:
        if canonical == "RSA-RAW" and kind != "private":
            raise dom_exception('RSA-RAW only supports private keys but requested "public".', "DataError")
        if not isinstance(material, (rsa.RSAPublicKey, rsa.RSAPrivateKey)):
            raise dom_exception("Input was not an RSA key.", "DataError")
        numbers = material.public_key().public_numbers() if isinstance(material, rsa.RSAPrivateKey) \
            else material.public_numbers()  # (a private key exactly when kind is "private")
        # BoringSSL's RSA_size in bits (1020 bits show 1024); RSA-RAW's RSA_bits, the bits themselves
        modulus_bits = material.key_size if canonical == "RSA-RAW" else 8 * ((material.key_size + 7) // 8)
        check_rsa_params(modulus_bits, numbers.e)
        exponent = numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")
        key_algorithm = {"name": canonical, "modulusLength": modulus_bits, "publicExponent": to_js(exponent)}
        if hash_key:
            key_algorithm["hash"] = {"name": hash_key}
        elif flag_on("enable_fast_jsg_struct"):  # RSA-RAW's, which has none: from 2025-12-03 jsg sets an
            key_algorithm["hash"] = None  # empty Optional member to undefined; before, it sets no member
    else:
        if not isinstance(material, okp_classes(curve)):
            raise dom_exception(f"Input was not an {canonical} key", "DataError")
        key_algorithm = okp_algorithm(canonical)
    return with_usages(CryptoKey(kind, key_algorithm, extractable, usages, material))


def okp_algorithm(name: str) -> dict[str, Any]:
    """An OKP key's ``algorithm``: its name (NODE-ED25519's also as its ``namedCurve``)."""
    return {"name": name, "namedCurve": name} if name == "NODE-ED25519" else {"name": name}


def check_rsa_params(modulus_bits: int, exponent: int, *, generating: bool = False) -> None:
    """rsa.c++'s ``validateRsaParams`` under ``strict_crypto_checks`` (on from 2023-08-01): a
    modulus of 256 to 16,384 bits, a multiple of 8; an exponent of 3 or 65537 for a generated key,
    also 17 or 37 for an imported one."""
    if modulus_bits % 8 or not 256 <= modulus_bits <= 16384:
        raise dom_exception("The modulus length must be a multiple of 8 and between 256 and 16k, but "
                            f"{modulus_bits} was requested.", "OperationError")
    if exponent >= 1 << 32:
        raise dom_exception('The "publicExponent" must be either 3 or 65537, but got a number larger than 2^32.',
                            "OperationError")
    if generating and exponent not in (3, 65537):
        raise dom_exception(f'The "publicExponent" must be either 3 or 65537, but got {exponent}.', "OperationError")
    if exponent not in (3, 17, 37, 65537):
        raise dom_exception(f"Imported RSA key has invalid publicExponent {exponent}.", "OperationError")


def pss_salt(algorithm: dict[str, Any], *, missing_is_type_error: bool) -> int:
    """RSA-PSS's ``saltLength`` (workerd: missing is a DataError on sign, a TypeError on verify)."""
    salt = algorithm.get("saltLength")
    if salt is None:
        text = "Failed to provide salt for RSA-PSS key operation which requires a salt"
        raise js_type_error(text) if missing_is_type_error else dom_exception(text, "DataError")
    salt = jsg_int(salt)
    if salt < 0:
        raise dom_exception(f"SaltLength for RSA-PSS must be non-negative (provided {salt}).", "DataError")
    return salt


def pss_sign(key: CryptoKey, algorithm: dict[str, Any], data: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric import padding

    salt = pss_salt(algorithm, missing_is_type_error=False)
    hash_object = hash_instance(hash_key_of(key.algorithm.to_py()))  # the key's hash: PSS ignores the call's
    size = (key._material.key_size + 7) // 8
    if salt > size - hash_object.digest_size - 2:
        raise dom_exception("key too small for signing with given digest and salt length", "OperationError")
    return key._material.sign(data, padding.PSS(mgf=padding.MGF1(hash_object), salt_length=salt), hash_object)


def rsa_raw_sign(key: CryptoKey, data: bytes) -> bytes:
    """rsa.c++'s ``Rsa::sign`` for an RSA-RAW key: blind signing, ``data`` a number below the
    modulus, of the modulus' size, raised to the private exponent (no padding, no hash)."""
    numbers = key._material.private_numbers()
    size = (key._material.key_size + 7) // 8
    if len(data) > size:
        raise dom_exception(f"Blind Signing requires presigned data ({len(data)} bytes) to be smaller than the key "
                            f"({size} bytes).", "DataError")
    value = int.from_bytes(data, "big")
    if len(data) == size and value >= numbers.public_numbers.n:  # (workerd's text lacks a space: "keymodulus")
        raise dom_exception("Blind Signing requires presigned data value to be strictly smaller than RSA key"
                            "modulus, consider using a larger key size.", "DataError")
    if len(data) != size:  # BoringSSL's RSA_R_DATA_LEN_NOT_EQUAL_TO_MOD_LEN, in workerd's words
        raise dom_exception("Invalid RSA signature.", "OperationError")
    return pow(value, numbers.d, numbers.public_numbers.n).to_bytes(size, "big")


def _ecdsa_hash(algorithm: dict[str, Any]) -> Any:
    if algorithm.get("hash") is None:
        raise js_type_error('Missing "hash" in AlgorithmIdentifier. (ECDSA requires that the hash algorithm be '
                            "specified at call time rather than on the key. This differs from other WebCrypto "
                            "algorithms for historical reasons.)")
    return hash_instance(hash_key_of(algorithm))


def ecdsa_sign(key: CryptoKey, algorithm: dict[str, Any], data: bytes) -> bytes:
    """An ECDSA signature as WebCrypto gives it: r and s, each the curve's size, big-endian."""
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    r, s = decode_dss_signature(key._material.sign(data, ec.ECDSA(_ecdsa_hash(algorithm))))
    size = CURVES[key.algorithm.namedCurve][1]
    return r.to_bytes(size, "big") + s.to_bytes(size, "big")


def ecdsa_verify(key: CryptoKey, algorithm: dict[str, Any], signature: bytes, data: bytes) -> bool:
    """workerd's ECDSA verify: a signature of the wrong size is simply invalid."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    size = CURVES[key.algorithm.namedCurve][1]
    hash_object = _ecdsa_hash(algorithm)
    if len(signature) != 2 * size:
        return False
    der = encode_dss_signature(int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big"))
    try:
        key._material.verify(der, data, ec.ECDSA(hash_object))
    except InvalidSignature:
        return False
    return True
