"""What the asymmetric-key tests of ``crypto.subtle`` share: DER encodings of a key made with the
``cryptography`` package, an import through ``js.crypto.subtle``, an error as ``name: message``."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization

from workers_env import JsException, js, to_js


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def obj(value: Any) -> Any:
    """A dict as a JavaScript object (``to_js`` with ``Object.fromEntries``); anything else as is."""
    return to_js(value, dict_converter=js.Object.fromEntries) if isinstance(value, dict) else value


def pkcs8(key: Any) -> bytes:
    return key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def spki(key: Any) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


async def imported(fmt: str, data: Any, algorithm: Any, usages: list[str], extractable: bool = True) -> Any:
    """``importKey`` of ``data`` (bytes, or a dict as a JWK object)."""
    return await js.crypto.subtle.importKey(fmt, to_js(data) if isinstance(data, bytes) else obj(data), obj(algorithm),
                                            extractable, to_js(usages))


async def error_of(call: Any) -> str:
    """The JavaScript error ``call`` rejects with, as ``name: message``."""
    with pytest.raises(JsException) as info:
        await call
    return f"{info.value.name}: {info.value.message}"
