"""How ``crypto.subtle`` reads its arguments as workerd does: algorithm objects (a Python ``dict``
is a PyProxy), hash names, key data, JWK members; the errors every operation shares."""

from __future__ import annotations

import base64
import binascii
import math
from typing import Any

from workers_env._errors import JsException, NotEmulatedError, add_hint
from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsbuffers import JsBufferSource
from workers_env.runtime.jsnumbers import jsg_int, to_number
from workers_env._jsvalues import js_string
from workers_env.runtime.jsproxy import JsArray, JsLiteralMap, JsMap, JsObject, js_type_error, jsnull
from workers_env.runtime.jspyproxies import pyproxy_options, pyproxy_own, reads_dict_keys

_HASHES = {"SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512"}


DIGESTS = {**_HASHES, "MD5": "md5"}  # workerd's digest also takes MD5 (a non-standard extension)


def plain(value: Any) -> Any:
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
WORKERD_ALGORITHMS = frozenset({
    "AES-CTR", "AES-CBC", "AES-GCM", "AES-KW", "HMAC", "PBKDF2", "HKDF", "RSASSA-PKCS1-V1_5", "RSA-PSS",
    "RSA-OAEP", "ECDSA", "ECDH", "NODE-ED25519", "ED25519", "X25519", "RSA-RAW",
})


def algorithm_dict(value: Any) -> dict[str, Any]:
    """An algorithm argument as JavaScript reads it: a name, or an object's fields. A Python
    ``dict`` reaches JavaScript as a PyProxy, read as the Worker's Pyodide reads one: by its
    keys from 0.28 (nested dicts alike), none of them on 0.26 (its ``name`` is ``undefined``)."""
    if type(value) is dict:
        return _pyproxy_fields(value)
    value = plain(value)
    if isinstance(value, str):
        return {"name": value}
    if isinstance(value, dict):
        return dict(value)
    # jsg's kj::OneOf<kj::String, ...Algorithm>: any other value is made a string, its name
    return {"name": "undefined" if value is None else js_string(value)}


def refuse_null_algorithm(value: Any, struct: str) -> None:
    """jsg's refusal of ``null``/``undefined`` for an algorithm parameter (``kj::OneOf<kj::String,
    struct>``), as the call begins: the struct's name, as workerd 1.20261123.1 and later give it
    (1.20261117.1, wrangler 4.164.0's, mangled it: ``N7workerd3api12SubtleCrypto13HashAlgorithmE``)."""
    if value is None or value is jsnull:
        raise js_type_error(f"Cannot initialize {struct} with required members from an undefined or null value.")


#: the ``BufferSource``, ``CryptoKey`` and ``int`` members of workerd's algorithm dictionaries
#: (``crypto.h``), in their ``JSG_STRUCT`` order: jsg converts them as the call begins, before any
#: check of the operation's
TYPED_MEMBERS = {"EncryptAlgorithm": (("iv", "BufferSource"), ("additionalData", "BufferSource"),
                                      ("counter", "BufferSource"), ("label", "BufferSource")),
                 "DeriveKeyAlgorithm": (("salt", "BufferSource"), ("public", "CryptoKey"), ("info", "BufferSource"),
                                         ("iterations", "int")),
                 "GenerateKeyAlgorithm": (("modulusLength", "int"), ("publicExponent", "BufferSource"))}


def algorithm_struct(value: Any, struct: str) -> dict[str, Any]:
    """:func:`algorithm_dict`, its typed members checked as jsg converts ``struct`` (a member
    given as JavaScript's ``null`` is refused too; ``undefined`` is a missing member)."""
    algorithm = algorithm_dict(value)
    for member, kind in TYPED_MEMBERS[struct]:
        given = algorithm.get(member)
        if kind == "int":
            if given is not None:
                jsg_int(given)  # (its range refused as the struct converts; generateRsa reads it again)
            continue
        fits = is_buffer(given) if kind == "BufferSource" else getattr(given, "_js_name", None) == "CryptoKey"
        if given is not None and not fits:
            raise js_type_error(f"Incorrect type for the '{member}' field on '{struct}': the provided value is not "
                                f"of type '{kind}'.")
    return algorithm


def derive_length(length: Any) -> int | None:
    """``deriveBits``' ``length`` as workerd 1.20261201.1 reads it (jsg's ``uint32``): ``null`` or
    missing is none (the whole secret); anything else is ``ToNumber``'d -- NaN and the infinities
    are "not an integer", a negative number "negative", one past 2**32 - 1 out of range, each in
    jsg's words -- and truncated (measured; 1.20261117.1 to 1.20261129.1 read an ``int``: NaN 0, past
    int32 out of range, a negative ``deriveBits length must be an unsigned long integer.``)."""
    if length is None or length is jsnull:
        return None
    number = to_number(length)
    if not math.isfinite(number):
        raise js_type_error("The value cannot be converted because it is not an integer.")
    if number < 0:
        raise js_type_error("The value cannot be converted because it is negative and this API expects a positive "
                            "number.")
    if number > 0xFFFFFFFF:
        raise js_type_error("Value out of range. Must be less than or equal to 4294967295.")
    return math.trunc(number)


def _pyproxy_fields(value: dict[str, Any]) -> dict[str, Any]:
    fields = pyproxy_options(value, "algorithm of a crypto.subtle call")
    return {k: _pyproxy_fields(v) if type(v) is dict else plain(v) for k, v in fields.items()}


def with_length(given: Any, algorithm: dict[str, Any]) -> dict[str, Any]:
    """``algorithm`` (read from ``given``) with its ``length`` as an operation that reads one
    sees it (AES and HMAC keys, AES-CTR's counter): a Python dict's PyProxy answers its own
    ``length`` -- the dict's len() -- whatever it holds, in every Pyodide (measured under Node:
    0.26.0a4, 0.28.2, 314.0.6), with a ``PyProxyWarning``."""
    if type(given) is not dict:
        return algorithm
    return {**algorithm, **pyproxy_own(given, ("length",), "algorithm of a crypto.subtle call", keywords=False)}


def name_of(algorithm: dict[str, Any]) -> str:
    """The algorithm's ``name`` as JavaScript prints it (``undefined`` when missing)."""
    name = algorithm.get("name")
    return "undefined" if name is None else str(name)


def fail(error: JsException, given: Any) -> JsException:
    """``error``, with a note when the algorithm was a Python dict Pyodide 0.26 reads as empty."""
    if type(given) is dict and not reads_dict_keys() and hasattr(error, "add_note"):
        add_hint(error, "workers-env: the algorithm is a Python dict, which reaches JavaScript as a PyProxy "
                       "whose fields read undefined; convert it with to_js(value, dict_converter=Object.fromEntries)")
    return error


def digest_key(name: Any) -> str:
    key = str(name).upper() if isinstance(name, str) else ""
    if key not in DIGESTS:
        raise dom_exception("Unrecognized or unimplemented digest algorithm requested.", "NotSupportedError")
    return key


def hash_key_of(algorithm: dict[str, Any]) -> str:
    hash_ = plain(algorithm.get("hash"))
    if hash_ is None:
        raise js_type_error('Missing field "hash" in "algorithm".')
    name = hash_.get("name") if isinstance(hash_, dict) else hash_
    return digest_key(name)  # workerd's one lookup: MD5 too, for HMAC and PBKDF2 keys


def member_text(value: Any) -> str:
    """``String(value)`` of a value read from a JavaScript object or argument: ``undefined`` when
    absent (``None``), ``null`` for JavaScript's ``null``, else as JavaScript prints it."""
    if value is None:
        return "undefined"
    return "null" if value is jsnull else js_string(value)


def not_emulated(operation: str, name: str) -> NotEmulatedError:
    return NotEmulatedError(
        f"crypto.subtle.{operation} with {name} is not emulated by workers-env (production has it): "
        "digest, HMAC, PBKDF2, HKDF, AES-GCM / AES-CBC / AES-CTR / AES-KW, RSA-OAEP, ECDH / X25519 key agreement and "
        "Ed25519 / RSASSA-PKCS1-v1_5 / RSA-PSS / ECDSA / RSA-RAW signatures are, their keys imported, generated and "
        "exported"
    )


def b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def needs_cryptography(what: str) -> JsException:
    return JsException(
        f"{what} is emulated with the 'cryptography' package, which is not installed (pip install cryptography)",
        name="NotSupportedError",
    )


#: key formats of WebCrypto's "modern algorithms" draft, behind a compatibility flag workers-env
#: does not emulate (wrangler 4.164.0's workerd refuses them without it, with this text)
MODERN_FORMATS = frozenset({"raw-secret", "raw-public", "raw-private", "raw-seed"})


def modern_format(fmt: str) -> JsException:
    return dom_exception(f'Key format "{fmt}" requires the webcrypto_modern_algorithms flag.', "NotSupportedError")


def is_buffer(data: Any) -> bool:
    return isinstance(data, (JsBufferSource, bytes, bytearray, memoryview))


def jwk_secret(jwk: dict[str, Any], error: str) -> bytes:
    """A JWK's ``k``, base64url, as workerd decodes it (a missing or malformed one: ``error``)."""
    k = jwk.get("k")
    try:
        if not isinstance(k, str):
            raise ValueError(k)
        return base64.b64decode(k.replace("-", "+").replace("_", "/") + "=" * (-len(k) % 4), validate=True)
    except (ValueError, binascii.Error):
        raise dom_exception(error, "DataError") from None


def b64url_text(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def hash_instance(hash_key: str) -> Any:
    from cryptography.hazmat.primitives import hashes

    return getattr(hashes, DIGESTS[hash_key].upper())()


def jwk_number(jwk: dict[str, Any], member: str, error: str) -> int:
    return int.from_bytes(jwk_secret({"k": jwk.get(member)}, error), "big")
