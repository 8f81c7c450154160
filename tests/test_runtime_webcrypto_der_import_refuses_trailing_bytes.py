"""An ``spki`` or ``pkcs8`` import reads one DER element, as BoringSSL's ``d2i_PUBKEY``/
``d2i_AutoPrivateKey`` do in workerd's keys.c++: bytes after it are refused in workerd's words
(the WebCrypto differential: the same under wrangler dev 4.164.0)."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from webcrypto_helpers import error_of, imported, pkcs8, spki

KEY = ec.derive_private_key(99, ec.SECP256R1())
ECDSA = {"name": "ECDSA", "namedCurve": "P-256"}


@pytest.mark.asyncio
async def test_bytes_after_the_key_are_refused_and_a_cut_key_is_invalid():
    assert await error_of(imported("spki", spki(KEY) + b"\0", ECDSA, ["verify"])) == \
        "DataError: Invalid 1 trailing bytes after SPKI input."
    assert await error_of(imported("pkcs8", pkcs8(KEY) + pkcs8(KEY), ECDSA, ["sign"])) == \
        f"DataError: Invalid {len(pkcs8(KEY))} trailing bytes after PKCS8 input."
    assert await error_of(imported("spki", spki(KEY)[:-1], ECDSA, ["verify"])) == "DataError: Invalid SPKI input."
    assert await error_of(imported("pkcs8", b"\x30\x84\xff\xff\xff\xff\x00", ECDSA, ["sign"])) == \
        "DataError: Invalid PKCS8 input."
    assert (await imported("spki", spki(KEY), ECDSA, ["verify"])).type == "public"
