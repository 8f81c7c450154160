"""``importKey``'s and ``exportKey``'s format is jsg's ``kj::String``: any value is read as
JavaScript's ``String(value)``, so a refusal names ``null`` or ``true`` as workerd's does
(wrangler dev 4.164.0, the WebCrypto differential), not Python's ``jsnull``/``True``."""

from __future__ import annotations

import pytest
from webcrypto_helpers import error_of, imported

from workers_env import js
from workers_env.runtime.jsproxy import jsnull  # pyodide.ffi.jsnull


@pytest.mark.asyncio
async def test_export_key_names_the_format_as_javascript_prints_it():
    hmac_key = await imported("raw", b"secret", {"name": "HMAC", "hash": "SHA-256"}, ["sign"])
    assert await error_of(js.crypto.subtle.exportKey(True, hmac_key)) == \
        'NotSupportedError: Unimplemented key export format "true".'
    aes_key = await imported("raw", bytes(16), "AES-GCM", ["encrypt"])
    assert await error_of(js.crypto.subtle.exportKey(jsnull, aes_key)) == \
        'NotSupportedError: AES-GCM key only supports exporting "raw", "raw-secret" & "jwk", not "null".'
    ed_key = await imported("raw", bytes(range(32)), "Ed25519", ["verify"])
    assert await error_of(js.crypto.subtle.exportKey(5, ed_key)) == \
        'InvalidAccessError: Cannot export "Ed25519" in "5" format.'


@pytest.mark.asyncio
async def test_import_key_names_the_format_as_javascript_prints_it():
    assert await error_of(imported(jsnull, b"secret", {"name": "HMAC", "hash": "SHA-256"}, ["sign"])) == \
        'NotSupportedError: Unrecognized key import format "null".'
