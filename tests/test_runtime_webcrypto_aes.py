"""``crypto.subtle`` AES (GCM, CBC, CTR) and key generation / export, held to the
``cryptography`` package and to slow references; error texts are workerd's (checked against
``wrangler dev`` by ``tools/wrangler/webcrypto_differential.py``)."""

from __future__ import annotations

import base64
import hashlib

import pytest
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from worker_helpers import hide_cryptography, one_file_worker

from workers_env import JsException, NotEmulatedError, js, load_worker, to_js

subtle = js.crypto.subtle
KEY = bytes(range(32))


def obj(d: dict) -> object:
    return to_js(d, dict_converter=js.Object.fromEntries)


async def aes_key(name: str, secret: bytes = KEY, usages=("encrypt", "decrypt"), extractable: bool = False):
    return await subtle.importKey("raw", to_js(secret), name, extractable, to_js(list(usages)))


def failed(given: int, expected: int, name: str) -> str:
    return ("OperationError: Decryption failed. This could be due to a ciphertext authentication failure, bad padding, "
            f"incorrect CryptoKey, or another algorithm-specific reason. Input length was {given}, output length "
            f"expected to be {expected} for {name}")


@pytest.mark.asyncio
@pytest.mark.parametrize("size", [16, 24, 32])
async def test_aes_gcm_matches_the_cryptography_package(size):
    key = await aes_key("AES-GCM", KEY[:size])
    iv, aad, message = b"\x01" * 12, b"header", b"attack at dawn"
    expected = AESGCM(KEY[:size]).encrypt(iv, message, aad)
    params = obj({"name": "AES-GCM", "iv": iv, "additionalData": aad})
    sealed = (await subtle.encrypt(params, key, to_js(message))).to_bytes()
    assert sealed == expected  # the ciphertext, then the 16-byte tag
    assert (await subtle.decrypt(params, key, to_js(sealed))).to_bytes() == message
    short = (await subtle.encrypt(obj({"name": "AES-GCM", "iv": iv, "additionalData": aad, "tagLength": 96}), key,
                                  to_js(message))).to_bytes()
    assert short == expected[:-4]  # a shorter tag is the full tag cut
    with pytest.raises(JsException) as tampered:
        await subtle.decrypt(params, key, to_js(bytes([sealed[0] ^ 1]) + sealed[1:]))
    assert str(tampered.value) == failed(len(message), len(message), "AES-GCM")


@pytest.mark.asyncio
async def test_aes_gcm_argument_checks():
    key = await aes_key("AES-GCM")
    text = to_js(b"x")
    cases = [
        ({"name": "AES-GCM"}, 'TypeError: Missing field "iv" in "algorithm".'),
        ({"name": "AES-GCM", "iv": b""}, "OperationError: AES-GCM IV must not be empty."),
        ({"name": "AES-GCM", "iv": bytes(12), "tagLength": 100}, "OperationError: Invalid AES-GCM tag length 100."),
        ({"name": "AES-CBC", "iv": bytes(16)},
         'InvalidAccessError: Requested algorithm "AES-CBC" does not match this CryptoKey\'s algorithm "AES-GCM".'),
    ]
    for params, error in cases:
        with pytest.raises(JsException) as info:
            await subtle.encrypt(obj(params), key, text)
        assert str(info.value) == error
    for bits in (32, 128):  # the shortest and longest tags, both sides of the tag-length check on decrypt
        params = obj({"name": "AES-GCM", "iv": bytes(12), "tagLength": bits})
        with pytest.raises(JsException) as info:
            await subtle.decrypt(params, key, to_js(bytes(bits // 8 - 1)))
        assert str(info.value) == (f"OperationError: Ciphertext length of {bits - 8} bits must be greater than or "
                                   f"equal to the size of the AES-GCM tag length of {bits} bits.")
        empty = await subtle.encrypt(params, key, to_js(b""))
        assert (await subtle.decrypt(params, key, empty)).to_bytes() == b""
    with pytest.raises(NotEmulatedError) as short_iv:
        await subtle.encrypt(obj({"name": "AES-GCM", "iv": bytes(4)}), key, text)
    assert str(short_iv.value) == ("crypto.subtle AES-GCM with a 4-byte IV is not emulated by workers-env (production "
                                   "takes it): IVs of 8 to 128 bytes are")
    encrypt_only = await aes_key("AES-GCM", usages=["encrypt"])
    with pytest.raises(JsException, match='^InvalidAccessError: Requested key usage "decrypt" does not match'):
        await subtle.decrypt(obj({"name": "AES-GCM", "iv": bytes(12)}), encrypt_only, to_js(bytes(16)))


@pytest.mark.asyncio
@pytest.mark.parametrize("length", [0, 3, 15, 16, 17, 32])
async def test_aes_cbc_pads_as_pkcs7_and_matches_the_cryptography_package(length):
    key = await aes_key("AES-CBC")
    iv, message = bytes(range(16)), b"A" * length
    padder = padding.PKCS7(128).padder()
    engine = Cipher(algorithms.AES(KEY), modes.CBC(iv)).encryptor()
    expected = engine.update(padder.update(message) + padder.finalize()) + engine.finalize()
    params = obj({"name": "AES-CBC", "iv": iv})
    sealed = (await subtle.encrypt(params, key, to_js(message))).to_bytes()
    assert sealed == expected and len(sealed) == (length // 16 + 1) * 16
    assert (await subtle.decrypt(params, key, to_js(sealed))).to_bytes() == message


@pytest.mark.asyncio
async def test_aes_cbc_refusals_report_boringssls_lengths():
    key = await aes_key("AES-CBC")
    params = obj({"name": "AES-CBC", "iv": bytes(16)})

    def raw_cbc(block: bytes) -> bytes:  # encrypted without padding: its last byte is the "padding"
        engine = Cipher(algorithms.AES(KEY), modes.CBC(bytes(16))).encryptor()
        return engine.update(block) + engine.finalize()

    cases = [(raw_cbc(b"A" * 15 + b"\x00"), 16, 0), (raw_cbc(b"A" * 16 + b"\x11" * 16), 32, 16),
             (bytes(17), 17, 16), (bytes(33), 33, 32), (b"", 0, 0)]
    for data, given, expected in cases:
        with pytest.raises(JsException) as info:
            await subtle.decrypt(params, key, to_js(data))
        assert str(info.value) == failed(given, expected, "AES-CBC")
    assert (await subtle.decrypt(params, key, to_js(raw_cbc(b"A" * 16 + b"\x10" * 16)))).to_bytes() == b"A" * 16
    for method in (subtle.encrypt, subtle.decrypt):
        with pytest.raises(JsException) as missing:
            await method(obj({"name": "AES-CBC"}), key, to_js(bytes(16)))
        assert str(missing.value) == 'TypeError: Missing field "iv" in "algorithm".'
    for iv_len in (15, 17):  # the IV is exactly 16 bytes; the two texts differ by a word
        bad = obj({"name": "AES-CBC", "iv": bytes(iv_len)})
        with pytest.raises(JsException) as enc:
            await subtle.encrypt(bad, key, to_js(b"x"))
        assert str(enc.value) == f"OperationError: AES-CBC IV must be 16 bytes long (provided {iv_len} bytes)."
        with pytest.raises(JsException) as dec:
            await subtle.decrypt(bad, key, to_js(bytes(16)))
        assert str(dec.value) == f"OperationError: AES-CBC IV must be 16 bytes long (provided {iv_len})."


def ctr_reference(secret: bytes, counter: bytes, bits: int, data: bytes) -> bytes:
    """AES-CTR one block at a time, as the WebCrypto spec words it: the low ``bits`` of the
    counter block count up and wrap to zero, the rest stays."""
    ecb = Cipher(algorithms.AES(secret), modes.ECB()).encryptor()
    value, mask, out = int.from_bytes(counter, "big"), (1 << bits) - 1, bytearray()
    for i in range(0, len(data), 16):
        stream = ecb.update(value.to_bytes(16, "big"))
        out += bytes(a ^ b for a, b in zip(data[i : i + 16], stream))
        value = (value & ~mask) | ((value + 1) & mask)
    return bytes(out)


@pytest.mark.asyncio
@pytest.mark.parametrize(("counter", "bits"), [
    (bytes(16), 64), (bytes(16), 128), (bytes(15) + b"\xfe", 8), (b"\xab" * 15 + b"\xff", 4),
    (b"\xab" * 15 + b"\xff", 12), (b"\xff" * 16, 128), (b"\x12" * 8 + b"\xff" * 8, 64),
])
async def test_aes_ctr_counts_and_wraps_the_low_bits_as_the_reference_does(counter, bits):
    key = await aes_key("AES-CTR")
    data = bytes(range(40)) * 2  # 5 blocks
    params = obj({"name": "AES-CTR", "counter": counter, "length": bits})
    sealed = (await subtle.encrypt(params, key, to_js(data))).to_bytes()
    assert sealed == ctr_reference(KEY, counter, bits, data)
    assert (await subtle.decrypt(params, key, to_js(sealed))).to_bytes() == data


@pytest.mark.asyncio
async def test_aes_ctr_limits():
    key = await aes_key("AES-CTR")
    one_bit = obj({"name": "AES-CTR", "counter": bytes(16), "length": 1})
    assert len((await subtle.encrypt(one_bit, key, to_js(bytes(32)))).to_bytes()) == 32  # 2 blocks: 2**1 values
    with pytest.raises(JsException) as info:
        await subtle.encrypt(one_bit, key, to_js(bytes(33)))  # 3 blocks
    assert str(info.value) == "OperationError: Counter block values will repeat."
    cases = [({"counter": bytes(15), "length": 64}, "OperationError: Counter must have length of 16 bytes (provided 15)."),
             ({"counter": bytes(16), "length": 0}, "OperationError: Invalid counter of 0 bits length provided."),
             ({"counter": bytes(16), "length": 129}, "OperationError: Invalid counter of 129 bits length provided."),
             ({"length": 64}, 'TypeError: Missing "counter" member in "algorithm".'),
             ({"counter": bytes(16)}, 'TypeError: Missing "length" member in "algorithm".')]
    for params, error in cases:
        with pytest.raises(JsException) as info:
            await subtle.encrypt(obj({"name": "AES-CTR", **params}), key, to_js(b"x"))
        assert str(info.value) == error


@pytest.mark.asyncio
async def test_aes_key_import_checks_both_sides_of_each_limit():
    for size in (16, 24, 32):
        key = await aes_key("AES-GCM", KEY[:size], extractable=True)
        assert key.algorithm.to_py() == {"name": "AES-GCM", "length": 8 * size} and key.type == "secret"
        assert (await subtle.exportKey("raw", key)).to_bytes() == KEY[:size]
    for size in (15, 17, 33, 0):
        with pytest.raises(JsException) as info:
            await aes_key("AES-GCM", bytes(size))
        assert str(info.value) == (f"DataError: Imported AES key length must be 128, 192, or 256 bits but provided "
                                   f"{8 * size}.")
    with pytest.raises(JsException, match='^SyntaxError: Attempt to import secret AES-GCM key with invalid usage "sign".$'):
        await aes_key("AES-GCM", usages=["sign"])
    with pytest.raises(JsException, match="^SyntaxError: Secret/private CryptoKeys must have at least one usage.$"):
        await aes_key("AES-GCM", usages=[])
    with pytest.raises(JsException, match=r"^TypeError: Failed to execute 'importKey' on 'SubtleCrypto': parameter 2 "
                                          r"is not of type 'BufferSource or JsonWebKey'.$"):
        await subtle.importKey("raw", "text", "AES-GCM", False, to_js(["encrypt"]))
    with pytest.raises(JsException, match='^SyntaxError: Attempt to import secret AES-KW key with invalid usage '
                                          '"encrypt".$'):  # an AES-KW key wraps and unwraps, nothing else
        await aes_key("AES-KW", KEY[:16], usages=["encrypt"])


@pytest.mark.asyncio
async def test_aes_jwk_import_and_export():
    k = base64.urlsafe_b64encode(KEY).rstrip(b"=").decode()
    jwk = obj({"kty": "oct", "k": k, "alg": "A256GCM", "use": "enc", "key_ops": ["encrypt", "decrypt"], "ext": True})
    key = await subtle.importKey("jwk", jwk, "AES-GCM", True, to_js(["decrypt", "encrypt"]))
    exported = await subtle.exportKey("jwk", key)
    assert js.JSON.stringify(exported) == f'{{"kty":"oct","key_ops":["encrypt","decrypt"],"alg":"A256GCM","ext":true,"k":"{k}"}}'
    assert exported.use is None and exported.to_py()["kty"] == "oct"  # every member there, unused ones undefined
    refusals = [
        ({"kty": "oct", "k": k, "alg": "A128GCM"}, False,
         'DataError: Symmetric "jwk" key contains invalid "alg" value "A128GCM", expected "A256GCM".'),
        ({"kty": "RSA", "k": k}, False, 'DataError: Symmetric "jwk" key import requires a JSON Web Key with Key Type '
                                        'parameter "kty" equal to "oct" (encountered "RSA").'),
        ({"kty": "oct", "k": "!!!!"}, False, 'DataError: Symmetric "jwk" key import requires a base64Url encoding of '
                                             'the key.'),
        ({"kty": "oct", "k": k, "use": "sig"}, False, 'DataError: Symmetric "jwk" key must have a "use" of "enc", not '
                                                      '"sig".'),
        ({"kty": "oct", "k": k, "key_ops": ["decrypt"]}, False, 'DataError: "jwk" key missing usage "encrypt", in '
                                                                '"key_ops".'),
        ({"kty": "oct", "k": k, "ext": False}, True, 'DataError: JWK ext field for "AES-GCM" is set to false but '
                                                     'extractable is true'),
    ]
    for fields, extractable, error in refusals:
        with pytest.raises(JsException) as info:
            await subtle.importKey("jwk", obj(fields), "AES-GCM", extractable, to_js(["encrypt"]))
        assert str(info.value) == error
    with pytest.raises(JsException, match='^InvalidAccessError: Attempt to export non-extractable AES-GCM key.$'):
        await subtle.exportKey("raw", await aes_key("AES-GCM"))
    with pytest.raises(JsException) as info:
        await subtle.exportKey("spki", key)
    assert str(info.value) == ('NotSupportedError: AES-GCM key only supports exporting "raw", "raw-secret" & "jwk", '
                               'not "spki".')
    for fmt in ("raw-secret", "raw-public"):  # the draft's formats: refused before extractability is looked at
        with pytest.raises(JsException) as info:
            await subtle.exportKey(fmt, await aes_key("AES-GCM"))
        assert str(info.value) == f'NotSupportedError: Key format "{fmt}" requires the webcrypto_modern_algorithms flag.'


@pytest.mark.asyncio
async def test_generated_keys_encrypt_and_export_their_own_bytes():
    key = await subtle.generateKey(obj({"name": "AES-GCM", "length": 256}), True, to_js(["encrypt", "decrypt"]))
    assert key.algorithm.to_py() == {"name": "AES-GCM", "length": 256} and list(key.usages) == ["encrypt", "decrypt"]
    secret = (await subtle.exportKey("raw", key)).to_bytes()
    sealed = (await subtle.encrypt(obj({"name": "AES-GCM", "iv": bytes(12)}), key, to_js(b"hi"))).to_bytes()
    assert AESGCM(secret).decrypt(bytes(12), sealed, None) == b"hi"
    other = await subtle.generateKey(obj({"name": "AES-GCM", "length": 256}), True, to_js(["encrypt"]))
    assert (await subtle.exportKey("raw", other)).to_bytes() != secret
    for length in (128, 192, 256):
        made = await subtle.generateKey(obj({"name": "AES-CBC", "length": length}), True, to_js(["encrypt"]))
        assert len((await subtle.exportKey("raw", made)).to_bytes()) == length // 8
    refusals = [({"name": "AES-GCM", "length": 100}, ["encrypt"],
                 "OperationError: Generated AES key length must be 128, 192, or 256 bits but requested 100."),
                ({"name": "AES-GCM"}, ["encrypt"], 'TypeError: Missing field "length" in "algorithm".'),
                ({"name": "AES-GCM", "length": 256}, ["sign"],
                 'SyntaxError: Attempt to generate AES-GCM key with invalid usage "sign".'),
                ({"name": "AES-GCM", "length": 256}, [], "SyntaxError: Secret/private CryptoKeys must have at least one usage."),
                ({"name": "HMAC", "hash": "SHA-256", "length": 0}, ["sign"],
                 "OperationError: HMAC key length must be a non-zero unsigned long integer (requested 0)."),
                ({"name": "HMAC"}, ["sign"], 'TypeError: Missing field "hash" in "algorithm".'),
                ({"name": "HMAC", "hash": "SHA-256"}, ["encrypt"],
                 'SyntaxError: Attempt to generate HMAC key with invalid usage "encrypt".'),
                ({"name": "FOO"}, ["sign"], 'NotSupportedError: Unrecognized key generation algorithm "FOO" requested.')]
    for params, usages, error in refusals:
        with pytest.raises(JsException) as info:
            await subtle.generateKey(obj(params), True, to_js(usages))
        assert str(info.value) == error


@pytest.mark.asyncio
async def test_generated_hmac_keys_sign_as_the_standard_library_does():
    key = await subtle.generateKey(obj({"name": "HMAC", "hash": "SHA-256"}), True, to_js(["sign", "verify"]))
    assert key.algorithm.to_py() == {"name": "HMAC", "hash": {"name": "SHA-256"}, "length": 512}
    secret = (await subtle.exportKey("raw", key)).to_bytes()
    assert len(secret) == 64
    import hmac

    assert (await subtle.sign("HMAC", key, to_js(b"m"))).to_bytes() == hmac.new(secret, b"m", "sha256").digest()
    assert (await subtle.exportKey("jwk", key)).alg == "HS256"
    odd = await subtle.generateKey(obj({"name": "HMAC", "hash": "SHA-1", "length": 100}), True, to_js(["sign"]))
    raw = (await subtle.exportKey("raw", odd)).to_bytes()
    assert len(raw) == 13 and raw[-1] & 0x0F == 0  # 100 bits: the last byte's low 4 bits cleared


@pytest.mark.asyncio
async def test_pbkdf2_derives_aes_keys_as_hashlib_does():
    base = await subtle.importKey("raw", to_js(b"correct horse"), "PBKDF2", False, to_js(["deriveKey"]))
    params = obj({"name": "PBKDF2", "hash": "SHA-256", "salt": b"salty", "iterations": 1000})
    key = await subtle.deriveKey(params, base, obj({"name": "AES-GCM", "length": 256}), True, to_js(["encrypt"]))
    expected = hashlib.pbkdf2_hmac("sha256", b"correct horse", b"salty", 1000, 32)
    assert (await subtle.exportKey("raw", key)).to_bytes() == expected
    assert key.algorithm.to_py() == {"name": "AES-GCM", "length": 256}
    with pytest.raises(JsException, match='^TypeError: Missing field "length" in "derivedKeyParams".$'):
        await subtle.deriveKey(params, base, obj({"name": "AES-GCM"}), True, to_js(["encrypt"]))
    with pytest.raises(JsException, match="^OperationError: Derived AES key must be 128, 192, or 256 bits in length "
                                          "but provided 100.$"):
        await subtle.deriveKey(params, base, obj({"name": "AES-GCM", "length": 100}), True, to_js(["encrypt"]))


@pytest.mark.asyncio
async def test_without_the_cryptography_package_aes_says_what_to_install(monkeypatch):
    key = await aes_key("AES-GCM")
    hide_cryptography(monkeypatch)
    with pytest.raises(JsException) as info:
        await subtle.encrypt(obj({"name": "AES-GCM", "iv": bytes(12)}), key, to_js(b"x"))
    assert str(info.value) == ("NotSupportedError: AES-GCM encryption is emulated with the 'cryptography' package, "
                               "which is not installed (pip install cryptography)")


ENTRY = """
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


def obj(d):
    return to_js(d, dict_converter=js.Object.fromEntries)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        secret = js.Uint8Array.new(to_js(list(range(32))))
        key = await js.crypto.subtle.importKey("raw", secret, obj({"name": "AES-GCM"}), False,
                                               to_js(["encrypt", "decrypt"]))
        iv = js.crypto.getRandomValues(js.Uint8Array.new(12))
        sealed = await js.crypto.subtle.encrypt(obj({"name": "AES-GCM", "iv": iv}), key,
                                                js.TextEncoder.new().encode(await request.text()))
        opened = await js.crypto.subtle.decrypt(obj({"name": "AES-GCM", "iv": iv}), key, sealed)
        return Response.json({"sealed": sealed.byteLength, "opened": js.TextDecoder.new().decode(opened)})
"""


@pytest.mark.asyncio
async def test_a_worker_seals_and_opens_a_secret(tmp_path):
    """A public Worker's token store (encrypt before KV, decrypt after): AES-GCM in Worker code."""
    one_file_worker(tmp_path, ENTRY, date="2025-10-01")
    worker = load_worker(tmp_path)
    reply = await (await worker.fetch("/", method="POST", body="refresh-token-123")).json()
    assert reply == {"sealed": len("refresh-token-123") + 16, "opened": "refresh-token-123"}
