"""RSA-OAEP encryption as workerd's ``RsaOaepKey`` (rsa.c++) has it: a public key encrypts (and
wraps), a private key decrypts (and unwraps); the key's hash is OAEP's digest and MGF1's, the
algorithm's ``label`` its label; workerd's refusals and texts."""

from __future__ import annotations

from typing import Any

from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsbuffers import buffer_bytes
from workers_env.runtime.webcrypto.arguments import hash_instance, hash_key_of
from workers_env.runtime.webcrypto.keys import CryptoKey


def rsa_oaep(encrypting: bool, key: CryptoKey, algorithm: dict[str, Any], data: bytes) -> bytes:
    """``data`` encrypted with a public RSA-OAEP key, or decrypted with a private one."""
    from cryptography.hazmat.primitives.asymmetric import padding

    # (workerd's refusal of a private key to encrypt, a public one to decrypt, is never reached:
    # importKey gives a public RSA-OAEP key encrypt/wrapKey alone, a private one decrypt/unwrapKey)
    hash_object = hash_instance(hash_key_of(key.algorithm.to_py()))
    label = algorithm.get("label")
    oaep = padding.OAEP(mgf=padding.MGF1(hash_object), algorithm=hash_object,
                        label=buffer_bytes(label) if label is not None and buffer_bytes(label) else None)
    try:
        if encrypting:
            return bytes(key._material.encrypt(data, oaep))
        return bytes(key._material.decrypt(data, oaep))
    except ValueError:
        # BoringSSL's reason, when workerd translates it: a ciphertext not the modulus' size
        # (RSA_R_DATA_LEN_NOT_EQUAL_TO_MOD_LEN) -- its "." follows the reason's own
        wrong_size = not encrypting and len(data) != (key._material.key_size + 7) // 8
        raise dom_exception(f"RSA-OAEP failed encrypt/decrypt{': Invalid RSA signature.' if wrong_size else ''}.",
                            "OperationError") from None
