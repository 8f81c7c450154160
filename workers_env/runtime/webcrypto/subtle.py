"""``crypto.subtle``: the ``SubtleCrypto`` methods Worker code calls, each a thin dispatch to the
module that holds the algorithm; every method is async, as in JavaScript."""

from __future__ import annotations

import hashlib
import hmac
import os
from typing import Any

from workers_env._errors import JsException
from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsbuffers import buffer_bytes
from workers_env.runtime.jsjson import js_json_dumps
from workers_env.runtime.jspromise import promise_call
from workers_env.runtime.jsproxy import JsArray, JsBuffer, JsObject, JsProxy, js_type_error
from workers_env.runtime.jsreadable import JsgObject
from workers_env.runtime.webcrypto.aes import (
    AES_BITS,
    AES_KEYS,
    AES_MODES,
    aes_cbc,
    aes_ctr,
    aes_export,
    aes_gcm,
    aes_jwk,
    aes_kw,
    aes_length,
    aes_usages,
)
from workers_env.runtime.webcrypto.arguments import (
    DIGESTS,
    MODERN_FORMATS,
    WORKERD_ALGORITHMS,
    algorithm_dict,
    algorithm_struct,
    refuse_null_algorithm,
    derive_length,
    jsg_int,
    digest_key,
    fail,
    hash_instance,
    hash_key_of,
    is_buffer,
    member_text,
    modern_format,
    name_of,
    not_emulated,
    plain,
    with_length,
)
from workers_env.runtime.webcrypto.agreement import agree
from workers_env.runtime.webcrypto.kdf import hkdf, pbkdf2
from workers_env.runtime.webcrypto.keyexport import asymmetric_export
from workers_env.runtime.webcrypto.keypairs import generate_pair
from workers_env.runtime.webcrypto.keys import (
    DERIVED_KEY_TYPES,
    GENERATED_KEY_TYPES,
    CryptoKey,
    check_usages,
    hmac_jwk,
    hmac_length,
    secret_jwk,
    usage_names,
    with_usages,
)
from workers_env.runtime.webcrypto.oaep import rsa_oaep
from workers_env.runtime.webcrypto.signatures import (
    ASYMMETRIC,
    ecdsa_sign,
    ecdsa_verify,
    import_asymmetric,
    pss_salt,
    pss_sign,
    rsa_raw_sign,
)


def _unknown_format(fmt: str) -> JsException:
    """workerd's refusal of a key format it does not import (or not for that algorithm)."""
    return dom_exception(f'Unrecognized key import format "{fmt}".', "NotSupportedError")


def _buffer_parameters(method: str, key: Any, *parameters: tuple[int, Any]) -> None:
    """jsg's conversion of a method's ``BufferSource`` parameters, done as the call begins: after
    its key's (a parameter before them), before the operation's own checks (the key's usages ...)."""
    if key is not None and not isinstance(key, CryptoKey):
        return  # the key's own conversion fails first
    for position, value in parameters:
        if not is_buffer(value):
            raise js_type_error(f"Failed to execute '{method}' on 'SubtleCrypto': parameter {position} is not of "
                                "type 'BufferSource'.")


class SubtleCrypto(JsgObject, JsProxy):
    """``crypto.subtle`` (the subset Workers code uses); every method is async, as in JavaScript."""

    _js_name = "SubtleCrypto"

    @promise_call
    async def digest(self, algorithm: Any, data: Any) -> JsBuffer:
        refuse_null_algorithm(algorithm, "HashAlgorithm")
        _buffer_parameters("digest", None, (2, data))
        try:
            key = digest_key(algorithm_dict(algorithm).get("name"))
        except JsException as exc:
            raise fail(exc, algorithm) from None
        return JsBuffer(hashlib.new(DIGESTS[key], buffer_bytes(data)).digest())

    @promise_call
    async def importKey(  # noqa: N802 - JS name
        self, fmt: str, key_data: Any, algorithm: Any, extractable: bool = False, usages: Any = None
    ) -> CryptoKey:
        if not is_buffer(key_data) and not isinstance(plain(key_data), dict):  # (JSG's argument check)
            raise js_type_error("Failed to execute 'importKey' on 'SubtleCrypto': parameter 2 is not of type "
                                "'BufferSource or JsonWebKey'.")
        refuse_null_algorithm(algorithm, "ImportKeyAlgorithm")  # parameter 3
        return self._import_key(member_text(fmt), key_data, algorithm, extractable, usages)  # (jsg's kj::String)

    def _import_key(self, fmt: str, key_data: Any, algorithm: Any, extractable: bool, usages: Any) -> CryptoKey:
        """workerd's ``importKeySync``: what ``importKey`` and ``unwrapKey`` share once their
        arguments are converted."""
        algo = algorithm_dict(algorithm)
        if fmt in MODERN_FORMATS:
            raise modern_format(fmt)
        if fmt not in ("raw", "pkcs8", "spki", "jwk"):
            raise _unknown_format(fmt)
        if fmt != "jwk" and not is_buffer(key_data):
            # wrangler dev 4.164.0's workerd words it so (crypto.c++ once named the three formats)
            raise js_type_error("Import data provided for buffer-based import formats must be a buffer source.")
        if fmt == "jwk":
            jwk = plain(key_data)
            if not isinstance(jwk, dict):
                raise js_type_error('Import data provided for "jwk" import format must be a JsonWebKey.')
            if jwk.get("ext") is False and extractable:
                raise dom_exception(f'JWK ext field for "{name_of(algo)}" is set to false but extractable is true',
                                    "DataError")
        name = name_of(algo).upper()
        if algo.get("name") is None or name not in WORKERD_ALGORITHMS:
            raise fail(dom_exception(f'Unrecognized key import algorithm "{name_of(algo)}" requested.',
                                      "NotSupportedError"), algorithm)
        usage_list = usage_names(usages)
        if name in ("HKDF", "PBKDF2"):  # workerd's importHkdf / importPbkdf2: the same checks
            check_usages(usage_list, "secret", name, ("deriveKey", "deriveBits"))
            if extractable:
                raise dom_exception(f"{name} key cannot be extractable.", "SyntaxError")
            if fmt != "raw":  # (only PBKDF2's text ends with a full stop)
                raise dom_exception(f'{name} key must be imported in "raw" format (requested "{fmt}")'
                                    f'{"." if name == "PBKDF2" else ""}', "NotSupportedError")
            return with_usages(CryptoKey("secret", {"name": name}, False, usage_list, buffer_bytes(key_data)))
        if name == "HMAC":
            if fmt not in ("raw", "jwk"):
                raise _unknown_format(fmt)
            check_usages(usage_list, "secret", "HMAC", ("sign", "verify"))
            hash_key = hash_key_of(algo)
            secret = buffer_bytes(key_data) if fmt == "raw" else hmac_jwk(plain(key_data), hash_key)
            secret, length = hmac_length(secret, with_length(algorithm, algo).get("length"))
            key_algorithm = {"name": "HMAC", "hash": {"name": hash_key}, "length": length}
            return with_usages(CryptoKey("secret", key_algorithm, extractable, usage_list, secret))
        if name in AES_KEYS:
            check_usages(usage_list, "secret", name, aes_usages(name))
            if fmt == "raw":
                secret = aes_length(buffer_bytes(key_data))
            elif fmt == "jwk":
                secret = aes_jwk(plain(key_data), name, usage_list)
            else:
                raise _unknown_format(fmt)
            return with_usages(CryptoKey("secret", {"name": name, "length": 8 * len(secret)}, extractable,
                                          usage_list, secret))
        # (WORKERD_ALGORITHMS: what is left is asymmetric)
        return import_asymmetric(fmt, key_data, name, algo, usage_list, extractable)

    @staticmethod
    def _check(key: Any, usage: str, algorithm: Any = None) -> CryptoKey:
        """workerd's ``validateOperation``: the requested algorithm must be one workerd knows (a
        digest's name is none), then the key's, the usage one the key lists."""
        if not isinstance(key, CryptoKey):
            operation = {"deriveKey": "deriveKey", "deriveBits": "deriveBits"}.get(usage, usage)
            raise js_type_error(f"Failed to execute '{operation}' on 'SubtleCrypto': parameter 2 is not of type 'CryptoKey'.")
        requested = name_of(algorithm_dict(algorithm))
        if requested.upper() not in WORKERD_ALGORITHMS:  # workerd 1.20261123.1 on; before, the mismatch below
            raise fail(dom_exception(f'Unrecognized or unimplemented algorithm "{requested}" requested.',
                                     "NotSupportedError"), algorithm)
        if requested.lower() != key._name.lower():
            raise fail(dom_exception(f'Requested algorithm "{requested}" does not match this CryptoKey\'s algorithm '
                                      f'"{key._name}".', "InvalidAccessError"), algorithm)
        if usage not in key.usages:
            raise dom_exception(f'Requested key usage "{usage}" does not match any usage listed in this CryptoKey.',
                                "InvalidAccessError")
        return key

    @promise_call
    async def sign(self, algorithm: Any, key: Any, data: Any) -> JsBuffer:
        refuse_null_algorithm(algorithm, "SignAlgorithm")
        _buffer_parameters("sign", key, (3, data))
        key = self._check(key, "sign", algorithm)
        if key._name in ("Ed25519", "NODE-ED25519"):
            return JsBuffer(key._material.sign(buffer_bytes(data)))
        if key._name == "RSASSA-PKCS1-v1_5":
            from cryptography.hazmat.primitives.asymmetric import padding

            hash_key = key.algorithm.to_py()["hash"]["name"]
            return JsBuffer(key._material.sign(buffer_bytes(data), padding.PKCS1v15(), hash_instance(hash_key)))
        if key._name == "RSA-PSS":
            return JsBuffer(pss_sign(key, algorithm_dict(algorithm), buffer_bytes(data)))
        if key._name == "ECDSA":
            return JsBuffer(ecdsa_sign(key, algorithm_dict(algorithm), buffer_bytes(data)))
        if key._name == "RSA-RAW":
            return JsBuffer(rsa_raw_sign(key, buffer_bytes(data)))
        digest = DIGESTS[hash_key_of(key.algorithm.to_py())]
        return JsBuffer(hmac.new(key._material, buffer_bytes(data), digest).digest())

    @promise_call
    async def deriveBits(self, algorithm: Any, baseKey: Any, length: Any = None) -> JsBuffer:  # noqa: N802,N803 - JS names
        """PBKDF2, HKDF, ECDH and X25519 (workerd's ``deriveBits``, its checks and texts,
        production's iteration cap)."""
        refuse_null_algorithm(algorithm, "DeriveKeyAlgorithm")
        algorithm_struct(algorithm, "DeriveKeyAlgorithm")
        if isinstance(baseKey, CryptoKey):  # (the base key's conversion refuses any other first)
            length = derive_length(length)
        key = self._check(baseKey, "deriveBits", algorithm)
        return JsBuffer(self._derive(key, algorithm_dict(algorithm), length))

    @staticmethod
    def _derive(key: CryptoKey, algorithm: dict[str, Any], length: int | None) -> bytes:
        """The base key's ``deriveBits`` (a key with a derive usage is one of these four)."""
        if key._name == "PBKDF2":
            return pbkdf2(algorithm, key._material, length)
        if key._name == "HKDF":
            return hkdf(algorithm, key._material, length)
        return agree(key, algorithm, length)

    @promise_call
    async def deriveKey(  # noqa: N802 - JS name
        self, algorithm: Any, baseKey: Any, derivedKeyAlgorithm: Any, extractable: bool = False,  # noqa: N803
        keyUsages: Any = None,  # noqa: N803
    ) -> CryptoKey:
        """The base key's bits (PBKDF2, HKDF, ECDH, X25519) imported as a key: an AES or HMAC key
        of its length (HMAC's default the hash's block size), an HKDF or PBKDF2 key of all of them
        (workerd's ``getKeyLength``)."""
        refuse_null_algorithm(algorithm, "DeriveKeyAlgorithm")
        algorithm_struct(algorithm, "DeriveKeyAlgorithm")
        if isinstance(baseKey, CryptoKey):  # parameter 3 is converted after the key, before any check
            refuse_null_algorithm(derivedKeyAlgorithm, "ImportKeyAlgorithm")
        key = self._check(baseKey, "deriveKey", algorithm)
        derived = with_length(derivedKeyAlgorithm, algorithm_dict(derivedKeyAlgorithm))
        if derived.get("name") is None or name_of(derived).upper() not in DERIVED_KEY_TYPES:
            raise fail(dom_exception(f'Unrecognized derived key type "{name_of(derived)}" requested.',
                                      "NotSupportedError"), derivedKeyAlgorithm)
        derived_name = name_of(derived).upper()
        if derived_name in AES_KEYS:  # workerd's getKeyLength: an AES key's length is required
            length = derived.get("length")
            if length is None:
                raise js_type_error('Missing field "length" in "derivedKeyParams".')
            length = jsg_int(length)
            if length not in AES_BITS:
                raise dom_exception("Derived AES key must be 128, 192, or 256 bits in length but provided "
                                    f"{length}.", "OperationError")
            bits = self._derive(key, algorithm_dict(algorithm), length)
            return await self.importKey("raw", bits, JsObject(derived), extractable, keyUsages)
        if derived_name != "HMAC":  # HKDF, PBKDF2: no length (the whole secret; PBKDF2 refuses none)
            bits = self._derive(key, algorithm_dict(algorithm), None)
            return await self.importKey("raw", bits, JsObject(derived), extractable, keyUsages)
        if derived.get("hash") is None:
            raise js_type_error('Missing field "hash" in "derivedKeyParams".')
        hash_key = hash_key_of(derived)
        length = derived.get("length")
        length = hashlib.new(DIGESTS[hash_key]).block_size * 8 if length is None else jsg_int(length)
        if length <= 0:
            raise js_type_error("HMAC key length must be a non-zero unsigned long integer.")
        bits = self._derive(key, algorithm_dict(algorithm), length)
        return await self.importKey("raw", bits, JsObject({**derived, "name": "HMAC", "length": length}),
                                    extractable, keyUsages)

    @promise_call
    async def verify(self, algorithm: Any, key: Any, signature: Any, data: Any) -> bool:
        refuse_null_algorithm(algorithm, "SignAlgorithm")
        _buffer_parameters("verify", key, (3, signature), (4, data))
        key = self._check(key, "verify", algorithm)
        name = key._name.upper()
        if name == "HMAC":
            expected = await self.sign("HMAC", CryptoKey("secret", key.algorithm.to_py(), False, ["sign"], key._material), data)
            return hmac.compare_digest(expected.to_bytes(), buffer_bytes(signature))
        from cryptography.exceptions import InvalidSignature

        try:
            if name == "ECDSA":
                return ecdsa_verify(key, algorithm_dict(algorithm), buffer_bytes(signature), buffer_bytes(data))
            if name == "RSA-PSS":
                from cryptography.hazmat.primitives.asymmetric import padding

                salt = pss_salt(algorithm_dict(algorithm), missing_is_type_error=True)
                hash_object = hash_instance(hash_key_of(key.algorithm.to_py()))
                key._material.verify(buffer_bytes(signature), buffer_bytes(data),
                                     padding.PSS(mgf=padding.MGF1(hash_object), salt_length=salt), hash_object)
                return True
            if name in ("ED25519", "NODE-ED25519"):
                if len(buffer_bytes(signature)) != 64:
                    raise dom_exception(f"Invalid {key._name} signature length {len(buffer_bytes(signature))}",
                                        "OperationError")
                key._material.verify(buffer_bytes(signature), buffer_bytes(data))
            else:
                from cryptography.hazmat.primitives.asymmetric import padding

                key._material.verify(buffer_bytes(signature), buffer_bytes(data), padding.PKCS1v15(),
                                     hash_instance(hash_key_of(key.algorithm.to_py())))
        except InvalidSignature:
            return False
        return True

    @promise_call
    async def encrypt(self, algorithm: Any, key: Any, data: Any) -> JsBuffer:
        return JsBuffer(self._cipher(True, algorithm, key, data))

    @promise_call
    async def decrypt(self, algorithm: Any, key: Any, data: Any) -> JsBuffer:
        return JsBuffer(self._cipher(False, algorithm, key, data))

    def _cipher(self, encrypting: bool, algorithm: Any, key: Any, data: Any) -> bytes:
        refuse_null_algorithm(algorithm, "EncryptAlgorithm")
        algorithm_struct(algorithm, "EncryptAlgorithm")
        _buffer_parameters("encrypt" if encrypting else "decrypt", key, (3, data))
        key = self._check(key, "encrypt" if encrypting else "decrypt", algorithm)
        return self._cipher_with(encrypting, key, algorithm, buffer_bytes(data),
                                 "encrypt" if encrypting else "decrypt")

    @staticmethod
    def _cipher_with(encrypting: bool, key: CryptoKey, algorithm: Any, raw: bytes, operation: str) -> bytes:
        """``raw`` through ``key``'s AES mode or RSA-OAEP (workerd's ``encrypt``/``decrypt``,
        which its ``wrapKey``/``unwrapKey`` are for AES-GCM, -CBC, -CTR and RSA-OAEP: impl.h's
        defaults)."""
        if key._name == "AES-KW":  # (a wrapKey/unwrapKey: an AES-KW key has no other usage)
            return aes_kw(encrypting, key._material, raw)
        algo = algorithm_dict(algorithm)
        if key._name == "RSA-OAEP":
            return rsa_oaep(encrypting, key, algo, raw)
        if key._name not in AES_MODES:
            raise not_emulated(operation, key._name)
        if key._name == "AES-GCM":
            return aes_gcm(encrypting, key._material, algo, raw)
        if key._name == "AES-CBC":
            return aes_cbc(encrypting, key._material, algo, raw)
        return aes_ctr(key._material, with_length(algorithm, algo), raw)

    @promise_call
    async def generateKey(self, algorithm: Any, extractable: bool = False,  # noqa: N802 - JS name
                          keyUsages: Any = None) -> CryptoKey | JsObject:  # noqa: N803 - JS name
        """An AES or HMAC secret key from the system's random source, or an RSA, EC or OKP key
        pair (keypairs.py): workerd's checks and texts."""
        refuse_null_algorithm(algorithm, "GenerateKeyAlgorithm")
        algorithm_struct(algorithm, "GenerateKeyAlgorithm")
        algo = with_length(algorithm, algorithm_dict(algorithm))
        name = name_of(algo).upper()
        if algo.get("name") is None or name not in GENERATED_KEY_TYPES:
            raise fail(dom_exception(f'Unrecognized key generation algorithm "{name_of(algo)}" requested.',
                                      "NotSupportedError"), algorithm)
        usages = usage_names(keyUsages)
        if name in AES_KEYS:
            check_usages(usages, "generate", name, aes_usages(name))
            length = algo.get("length")
            if length is None:
                raise js_type_error('Missing field "length" in "algorithm".')
            length = jsg_int(length)
            if length not in AES_BITS:
                raise dom_exception("Generated AES key length must be 128, 192, or 256 bits but requested "
                                    f"{length}.", "OperationError")
            key = CryptoKey("secret", {"name": name, "length": length}, extractable, usages, os.urandom(length // 8))
        elif name == "HMAC":
            hash_key = hash_key_of(algo)
            check_usages(usages, "generate", "HMAC", ("sign", "verify"))
            length = algo.get("length")
            length = hashlib.new(DIGESTS[hash_key]).block_size * 8 if length is None else jsg_int(length)
            if length <= 0:
                raise dom_exception(f"HMAC key length must be a non-zero unsigned long integer (requested {length}).",
                                    "OperationError")
            secret, _ = hmac_length(os.urandom(-(-length // 8)), length)
            key = CryptoKey("secret", {"name": "HMAC", "hash": {"name": hash_key}, "length": length}, extractable,
                            usages, secret)
        else:  # (GENERATED_KEY_TYPES: an asymmetric algorithm)
            return generate_pair(ASYMMETRIC[name], algo, bool(extractable), usages)
        return with_usages(key)

    @promise_call
    async def exportKey(self, fmt: str, key: Any) -> Any:  # noqa: N802 - JS name
        """An extractable key: an AES or HMAC key's bytes (``raw``) or ``oct`` JWK, an
        asymmetric key's ``spki``/``pkcs8``/``jwk``/``raw`` (keyexport.py)."""
        if not isinstance(key, CryptoKey):
            raise js_type_error("Failed to execute 'exportKey' on 'SubtleCrypto': parameter 2 is not of type 'CryptoKey'.")
        fmt = member_text(fmt)  # (jsg's kj::String: String(value))
        if fmt in MODERN_FORMATS:  # (checked before extractability, as workerd does)
            raise modern_format(fmt)
        if not key.extractable:
            raise dom_exception(f"Attempt to export non-extractable {key._name} key.", "InvalidAccessError")
        return self._export_key(key, fmt)

    @staticmethod
    def _export_key(key: CryptoKey, fmt: str) -> Any:
        """workerd's ``impl->exportKey``: what ``exportKey`` and ``wrapKey`` share once the key
        is known extractable."""
        if key._name in AES_KEYS:
            return aes_export(key, fmt)
        if key._name == "HMAC":
            if fmt not in ("raw", "jwk"):
                raise dom_exception(f'Unimplemented key export format "{fmt}".', "NotSupportedError")
            if fmt == "raw":
                return JsBuffer(key._material)
            hash_name = key.algorithm.to_py()["hash"]["name"]
            if not hash_name.startswith("SHA-"):  # an MD5 HMAC key: workerd has no "alg" for it
                raise dom_exception(f'Unimplemented JWK key export format for key algorithm "{hash_name}".',
                                    "NotSupportedError")
            return secret_jwk(key, f"HS{hash_name[4:]}")
        if key.type in ("public", "private"):
            return asymmetric_export(key, fmt)
        raise not_emulated("exportKey", key._name)

    def timingSafeEqual(self, a: Any, b: Any) -> bool:  # noqa: N802 - JS name
        """workerd's non-standard ``crypto.subtle.timingSafeEqual(a, b)`` (synchronous): a
        constant-time comparison of two buffers of the same byte length (``crypto.c++``)."""
        for position, value in ((1, a), (2, b)):
            if not is_buffer(value):
                raise js_type_error(f"Failed to execute 'timingSafeEqual' on 'SubtleCrypto': parameter {position} is "
                                    "not of type 'BufferSource'.")
        left, right = buffer_bytes(a), buffer_bytes(b)
        if len(left) != len(right):
            raise js_type_error("Input buffers must have the same byte length.")
        return hmac.compare_digest(left, right)

    @promise_call
    async def wrapKey(self, fmt: Any = None, key: Any = None, wrappingKey: Any = None,  # noqa: N802,N803 - JS names
                      wrapAlgorithm: Any = None) -> JsBuffer:
        """workerd's ``SubtleCrypto::wrapKey``: ``key`` exported in ``fmt`` (a ``jwk`` as its
        JSON text) and encrypted with ``wrappingKey`` (AES-GCM, -CBC, -CTR: impl.h's
        ``wrapKey`` is ``encrypt``; AES-KW: RFC 3394), after the wrapping key's algorithm and ``wrapKey`` usage and
        the key's extractability are checked, in that order (crypto.c++)."""
        for position, value in ((2, key), (3, wrappingKey)):
            if not isinstance(value, CryptoKey):
                raise js_type_error(f"Failed to execute 'wrapKey' on 'SubtleCrypto': parameter {position} is not of "
                                    "type 'CryptoKey'.")
        refuse_null_algorithm(wrapAlgorithm, "EncryptAlgorithm")  # parameter 4
        algorithm_struct(wrapAlgorithm, "EncryptAlgorithm")
        wrapping = self._check(wrappingKey, "wrapKey", wrapAlgorithm)
        if not key.extractable:
            raise dom_exception(f"Attempt to export non-extractable {key._name} key.", "InvalidAccessError")
        fmt = member_text(fmt)
        if fmt in MODERN_FORMATS:
            raise modern_format(fmt)
        exported = self._export_key(key, fmt)
        data = exported.to_bytes() if isinstance(exported, JsBuffer) else js_json_dumps(exported).encode()
        return JsBuffer(self._cipher_with(True, wrapping, wrapAlgorithm, data, "wrapKey"))

    @promise_call
    async def unwrapKey(  # noqa: N802 - JS name
        self, fmt: Any = None, wrappedKey: Any = None, unwrappingKey: Any = None,  # noqa: N803 - JS names
        unwrapAlgorithm: Any = None, unwrappedKeyAlgorithm: Any = None,  # noqa: N803 - JS names
        extractable: Any = False, keyUsages: Any = None,  # noqa: N803 - JS names
    ) -> CryptoKey:
        """workerd's ``SubtleCrypto::unwrapKey``: ``wrappedKey`` decrypted with
        ``unwrappingKey`` (its algorithm and ``unwrapKey`` usage checked first), a ``jwk``
        parsed as JSON, then imported as ``importKey`` imports it (crypto.c++)."""
        _buffer_parameters("unwrapKey", None, (2, wrappedKey))
        if not isinstance(unwrappingKey, CryptoKey):
            raise js_type_error("Failed to execute 'unwrapKey' on 'SubtleCrypto': parameter 3 is not of type "
                                "'CryptoKey'.")
        refuse_null_algorithm(unwrapAlgorithm, "EncryptAlgorithm")  # parameter 4
        algorithm_struct(unwrapAlgorithm, "EncryptAlgorithm")
        refuse_null_algorithm(unwrappedKeyAlgorithm, "ImportKeyAlgorithm")  # parameter 5
        usages = usage_names(keyUsages)
        unwrapping = self._check(unwrappingKey, "unwrapKey", unwrapAlgorithm)
        data = self._cipher_with(False, unwrapping, unwrapAlgorithm, buffer_bytes(wrappedKey), "unwrapKey")
        fmt = member_text(fmt)
        key_data: Any = JsBuffer(data)
        if fmt == "jwk":
            from workers_env.runtime.jsonparse import json_parse

            key_data = json_parse(data.decode("utf-8", errors="replace"))
            refuse_null_algorithm(key_data, "JsonWebKey")  # JSON null: jsg's struct refusal
            if isinstance(key_data, JsArray):  # an object to jsg's JsonWebKey, none of whose fields it has
                key_data = JsObject({})
            if not isinstance(key_data, JsObject):
                raise dom_exception('Missing "kty" field or corrupt JSON unwrapping key?', "DataError")
        return self._import_key(fmt, key_data, unwrappedKeyAlgorithm, bool(extractable), usages)  # (its
        # with_usages refuses a secret key with no usage, as unwrapKey then importKeySync do)
