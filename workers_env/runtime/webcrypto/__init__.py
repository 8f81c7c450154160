"""``crypto.subtle`` as public Python Workers use it: digests, HMAC, PBKDF2, HKDF, AES, signatures.

Webhook and token checks in Workers code import a key (``importKey``) and ``sign`` or
``verify`` with it; password hashing derives bits with PBKDF2; stored secrets are encrypted
with AES-GCM. ``digest`` (SHA-1/256/384/512, MD5), HMAC (any of those hashes, keys as ``raw``
bytes or an ``oct`` JWK, generated, exported) and PBKDF2 (``deriveBits``, ``deriveKey`` of an
HMAC or AES key; production's cap of 100,000 iterations) use the standard library; AES-GCM,
AES-CBC and AES-CTR (``encrypt``/``decrypt``; keys imported, generated, derived, exported) and
Ed25519, RSASSA-PKCS1-v1_5, RSA-PSS and ECDSA signatures (``sign`` with ``pkcs8``/``jwk``
private keys, ``verify`` with ``raw``/``spki``/``jwk`` public keys; NODE-ED25519, RSA-RAW's blind
signing), RSA-OAEP encryption, ECDH and X25519 key agreement (``deriveBits``/``deriveKey``), the
generation of every asymmetric key pair and the export of every asymmetric key use the
``cryptography`` package when it is installed, and otherwise say so; HKDF uses the standard
library's HMAC.
Errors are workerd's (``NotSupportedError``, ``InvalidAccessError``, ``OperationError`` ...,
its texts); what workers-env cannot do as workerd does is a ``NotEmulatedError``. A
Python ``dict`` as the algorithm is a PyProxy to JavaScript: its ``name`` reads ``undefined``.
"""

from workers_env.runtime.webcrypto.keys import CryptoKey
from workers_env.runtime.webcrypto.subtle import SubtleCrypto

__all__ = ["CryptoKey", "SubtleCrypto"]
