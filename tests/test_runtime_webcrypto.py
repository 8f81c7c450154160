"""``crypto.subtle`` as Workers code uses it for webhooks and tokens, held to the standard library / cryptography."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa

from workers_env import JsException, js, to_js


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@pytest.mark.asyncio
@pytest.mark.parametrize("hash_name", ["SHA-1", "SHA-256", "SHA-384", "SHA-512"])
async def test_hmac_sign_and_verify_match_the_standard_library(hash_name):
    secret, message = b"webhook-secret", b'{"event": "push"}'
    key = await js.crypto.subtle.importKey(
        "raw", to_js(secret), to_js({"name": "HMAC", "hash": hash_name}, dict_converter=js.Object.fromEntries),
        False, to_js(["sign", "verify"]),
    )
    expected = hmac.new(secret, message, hash_name.replace("-", "").lower()).digest()
    assert (await js.crypto.subtle.sign("HMAC", key, to_js(message))).to_bytes() == expected
    assert await js.crypto.subtle.verify("HMAC", key, to_js(expected), to_js(message)) is True
    assert await js.crypto.subtle.verify("HMAC", key, to_js(b"x" * len(expected)), to_js(message)) is False


@pytest.mark.asyncio
async def test_hmac_jwk_key_and_usage_checks():
    jwk = js.JSON.parse(f'{{"kty": "oct", "k": "{b64url(b"k")}"}}')
    key = await js.crypto.subtle.importKey("jwk", jwk, js.JSON.parse('{"name": "HMAC", "hash": {"name": "SHA-256"}}'),
                                           False, to_js(["verify"]))
    assert key.type == "secret" and key.algorithm.name == "HMAC"
    with pytest.raises(JsException, match='Requested key usage "sign" does not match any usage listed') as info:
        await js.crypto.subtle.sign("HMAC", key, to_js(b"m"))
    assert info.value.name == "InvalidAccessError"
    with pytest.raises(JsException, match='NotSupportedError: Unrecognized key import algorithm "AES-XYZ" requested'):
        await js.crypto.subtle.importKey("raw", to_js(b"k"), "AES-XYZ", False, to_js(["encrypt"]))


@pytest.mark.asyncio
async def test_ed25519_verify_as_discord_interactions_do():
    private = ed25519.Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    message = b"1700000000" + b'{"type":1}'
    signature = private.sign(message)
    key = await js.crypto.subtle.importKey("raw", to_js(public), "Ed25519", False, to_js(["verify"]))
    assert await js.crypto.subtle.verify("Ed25519", key, to_js(signature), to_js(message)) is True
    assert await js.crypto.subtle.verify("Ed25519", key, to_js(signature), to_js(message + b"!")) is False
    with pytest.raises(JsException) as bad:
        await js.crypto.subtle.importKey("raw", to_js(b"short"), "Ed25519", False, to_js(["verify"]))
    assert bad.value.name == "DataError"


@pytest.mark.asyncio
async def test_rsassa_pkcs1_jwk_verify_as_access_jwts_do():
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    numbers = private.public_key().public_numbers()
    jwk = {"kty": "RSA", "n": b64url(numbers.n.to_bytes(256, "big")), "e": b64url(numbers.e.to_bytes(3, "big"))}
    data = b"header.payload"
    signature = private.sign(data, padding.PKCS1v15(), hashes.SHA256())
    algorithm = to_js({"name": "RSASSA-PKCS1-v1_5", "hash": "SHA-256"}, dict_converter=js.Object.fromEntries)
    key = await js.crypto.subtle.importKey("jwk", to_js(jwk, dict_converter=js.Object.fromEntries), algorithm, False, to_js(["verify"]))
    assert await js.crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, js.Uint8Array.new(to_js(signature)), to_js(data)) is True
    assert await js.crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, to_js(signature), to_js(b"tampered")) is False


@pytest.mark.asyncio
async def test_digest_names():
    data = js.TextEncoder.new().encode("abc")
    assert (await js.crypto.subtle.digest("MD5", data)).to_bytes() == hashlib.md5(b"abc").digest()  # noqa: S324
    assert (await js.crypto.subtle.digest(to_js({"name": "sha-512"}, dict_converter=js.Object.fromEntries), data)).to_bytes() == hashlib.sha512(b"abc").digest()
    with pytest.raises(JsException, match="NotSupportedError: Unrecognized or unimplemented digest algorithm requested"):
        await js.crypto.subtle.digest("SHA-3", data)


def _pbkdf2_algorithm(salt: bytes, iterations: int, hash_name: str = "SHA-256"):
    return to_js({"name": "PBKDF2", "salt": salt, "iterations": iterations, "hash": hash_name},
                 dict_converter=js.Object.fromEntries)


@pytest.mark.asyncio
@pytest.mark.parametrize("hash_name", ["SHA-1", "SHA-256", "SHA-512"])
async def test_pbkdf2_derive_bits_matches_the_standard_library(hash_name):
    """Password hashing as Workers code does it (hashlib's pbkdf2 is not there in production)."""
    password, salt = b"correct horse", b"0123456789abcdef"
    key = await js.crypto.subtle.importKey("raw", to_js(password), "PBKDF2", False, to_js(["deriveBits", "deriveKey"]))
    assert (key.type, key.algorithm.name, key.extractable) == ("secret", "PBKDF2", False)
    bits = await js.crypto.subtle.deriveBits(_pbkdf2_algorithm(salt, 1000, hash_name), key, 256)
    want = hashlib.pbkdf2_hmac(hash_name.replace("-", "").lower(), password, salt, 1000, 32)
    assert bits.to_bytes() == want
    hmac_key = await js.crypto.subtle.deriveKey(
        _pbkdf2_algorithm(salt, 1000, hash_name), key,
        to_js({"name": "HMAC", "hash": "SHA-256", "length": 256}, dict_converter=js.Object.fromEntries),
        False, to_js(["sign"]))
    signature = await js.crypto.subtle.sign("HMAC", hmac_key, to_js(b"m"))
    assert signature.to_bytes() == hmac.new(want, b"m", "sha256").digest()


@pytest.mark.asyncio
async def test_pbkdf2_limits_and_errors_are_workerds():
    subtle = js.crypto.subtle
    key = await subtle.importKey("raw", to_js(b"pw"), "PBKDF2", False, to_js(["deriveBits"]))
    assert (await subtle.deriveBits(_pbkdf2_algorithm(b"s", 100_000), key, 8)).byteLength == 1  # the cap itself
    cases = [
        (_pbkdf2_algorithm(b"s", 100_001), 256,
         "NotSupportedError: Pbkdf2 failed: iteration counts above 100000 are not supported (requested 100001)."),
        (_pbkdf2_algorithm(b"s", 0), 256, "OperationError: PBKDF2 requires a positive iteration count (requested 0)."),
        (_pbkdf2_algorithm(b"s", 10), 12,
         "OperationError: PBKDF2 requires a derived key length that is a multiple of eight (requested 12)."),
        (_pbkdf2_algorithm(b"s", 10), None, "OperationError: PBKDF2 cannot derive a key with null length."),
        (to_js({"name": "PBKDF2", "iterations": 10, "hash": "SHA-256"}, dict_converter=js.Object.fromEntries), 256,
         'TypeError: Missing field "salt" in "algorithm".'),
        (to_js({"name": "PBKDF2", "salt": b"s", "hash": "SHA-256"}, dict_converter=js.Object.fromEntries), 256,
         'TypeError: Missing field "iterations" in "algorithm".'),
        (_pbkdf2_algorithm(b"s", 1, "SHA-512"), 255 * 512 + 8,
         "OperationError: Pbkdf2 failed: derived key length exceeds maximum for this hash"),
    ]
    for algorithm, length, text in cases:
        with pytest.raises(JsException) as caught:
            await subtle.deriveBits(algorithm, key, length)
        assert f"{caught.value.name}: {caught.value.message}" == text
    with pytest.raises(JsException, match='InvalidAccessError: Requested algorithm "HMAC" does not match'):
        await subtle.deriveBits("HMAC", key, 256)
    with pytest.raises(JsException, match="SyntaxError: PBKDF2 key cannot be extractable."):
        await subtle.importKey("raw", to_js(b"pw"), "PBKDF2", True, to_js(["deriveBits"]))


DICT_ALGORITHM_WORKER = """
import hashlib
from js import crypto
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        subtle = crypto.subtle
        out = {}
        try:
            out["digest"] = (await subtle.digest({"name": "SHA-256"}, to_js(b"x"))).to_bytes().hex()
        except Exception as exc:
            out["digest"] = str(exc)
        try:
            key = await subtle.importKey("raw", to_js(b"k"), {"name": "HMAC", "hash": {"name": "SHA-256"}}, False,
                                         to_js(["sign"]))
            out["hmac"] = (await subtle.sign("HMAC", key, to_js(b"m"))).to_bytes().hex()
        except Exception as exc:
            out["hmac"] = str(exc)
            out["note"] = "".join(getattr(exc, "__notes__", []))
        return Response.json(out)
"""


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore::workers_env.PyProxyWarning")
async def test_a_python_dict_algorithm_is_read_as_the_workers_pyodide_reads_a_pyproxy(tmp_path):
    """A dict reaches JavaScript as a PyProxy: Pyodide 0.26 (dates before 2025-09-29) shows none
    of its keys -- its ``name`` is ``undefined``, and workerd says so (a JS probe under wrangler
    dev 4.164.0 gave these texts), with a note naming the fix -- while 0.28 reads its keys,
    nested dicts too, so the same call works; but the HMAC import's ``length`` is the PyProxy's
    own property, the dict's len() (2), in every Pyodide: the 8-bit key keeps its 2 high bits."""
    import hmac as hmac_module

    from worker_helpers import one_file_worker

    from workers_env import load_worker

    from workers_env import PyProxyWarning

    with pytest.warns(PyProxyWarning) as caught:
        old = await (await load_worker(one_file_worker(tmp_path / "old", DICT_ALGORITHM_WORKER, date="2025-09-01")).fetch("/")).json()
    assert str(caught[0].message).startswith("a Python dict reached JavaScript as a PyProxy as the algorithm of a "
                                             "crypto.subtle call: ")
    assert old["digest"] == "NotSupportedError: Unrecognized or unimplemented digest algorithm requested."
    assert old["hmac"] == 'NotSupportedError: Unrecognized key import algorithm "undefined" requested.'
    assert old["note"] == ("workers-env: the algorithm is a Python dict, which reaches JavaScript as a PyProxy whose "
                           "fields read undefined; convert it with to_js(value, dict_converter=Object.fromEntries)")
    new = await (await load_worker(one_file_worker(tmp_path / "new", DICT_ALGORITHM_WORKER, date="2025-11-02")).fetch("/")).json()
    assert new == {"digest": hashlib.sha256(b"x").hexdigest(),
                   "hmac": hmac_module.new(bytes([ord("k") & 0xC0]), b"m", hashlib.sha256).hexdigest()}


@pytest.mark.asyncio
async def test_hmac_import_checks_as_workerd():
    """Checked against workerd by tools/wrangler/webcrypto_differential.py (121/124 the same)."""
    subtle, secret = js.crypto.subtle, b"secret-key"  # 80 bits
    algorithm = lambda **extra: to_js({"name": "HMAC", "hash": "SHA-256", **extra}, dict_converter=js.Object.fromEntries)  # noqa: E731
    key = await subtle.importKey("raw", to_js(secret), algorithm(), False, to_js(["verify", "sign"]))
    assert (key.algorithm.length, list(key.usages)) == (80, ["sign", "verify"])  # workerd's usage order
    trimmed = await subtle.importKey("raw", to_js(secret), algorithm(length=73), False, to_js(["sign"]))
    masked = (int.from_bytes(secret, "big") >> 7 << 7).to_bytes(10, "big")  # the low 7 bits cleared
    assert (await subtle.sign("HMAC", trimmed, to_js(b"m"))).to_bytes() == hmac.new(masked, b"m", "sha256").digest()
    for length in (72, 81, 0):
        with pytest.raises(JsException, match=rf"DataError: Imported HMAC key length \({length}\) must be a non-zero "
                                              r"value up to 7 bits less than.*\(80\)\."):
            await subtle.importKey("raw", to_js(secret), algorithm(length=length), False, to_js(["sign"]))
    with pytest.raises(JsException, match='SyntaxError: Attempt to import secret HMAC key with invalid usage "encrypt".'):
        await subtle.importKey("raw", to_js(secret), algorithm(), False, to_js(["encrypt"]))
    with pytest.raises(JsException, match="SyntaxError: Secret/private CryptoKeys must have at least one usage."):
        await subtle.importKey("raw", to_js(secret), algorithm(), False, to_js([]))
    jwk = lambda **fields: to_js(fields, dict_converter=js.Object.fromEntries)  # noqa: E731
    with pytest.raises(JsException, match=r'incompatible with the hash name \(encountered "HS512", expected "HS256"\)'):
        await subtle.importKey("jwk", jwk(kty="oct", k=b64url(secret), alg="HS512"), algorithm(), False, to_js(["sign"]))
    with pytest.raises(JsException, match=r'\("kty"\) equal to "oct" \(encountered "RSA"\)'):
        await subtle.importKey("jwk", jwk(kty="RSA", k=b64url(secret)), algorithm(), False, to_js(["sign"]))
    md5 = await subtle.importKey("raw", to_js(secret), algorithm(hash="MD5"), False, to_js(["sign"]))  # workerd takes it
    assert (await subtle.sign("HMAC", md5, to_js(b"m"))).to_bytes() == hmac.new(secret, b"m", "md5").digest()


@pytest.mark.asyncio
async def test_derive_key_lengths_and_ed25519_signature_length():
    subtle = js.crypto.subtle
    base = await subtle.importKey("raw", to_js(b"pw"), "PBKDF2", False, to_js(["deriveKey", "deriveBits"]))
    params = _pbkdf2_algorithm(b"salty", 1)
    hmac_of = lambda **extra: to_js({"name": "HMAC", **extra}, dict_converter=js.Object.fromEntries)  # noqa: E731
    derived = await subtle.deriveKey(params, base, hmac_of(hash="SHA-512"), False, to_js(["sign"]))
    assert derived.algorithm.length == 1024  # the hash's block size
    with pytest.raises(JsException, match="TypeError: HMAC key length must be a non-zero unsigned long integer."):
        await subtle.deriveKey(params, base, hmac_of(hash="SHA-256", length=0), False, to_js(["sign"]))
    with pytest.raises(JsException, match='TypeError: Missing field "hash" in "derivedKeyParams".'):
        await subtle.deriveKey(params, base, hmac_of(), False, to_js(["sign"]))
    with pytest.raises(JsException, match='NotSupportedError: Unrecognized derived key type "FOO" requested.'):
        await subtle.deriveKey(params, base, "FOO", False, to_js(["sign"]))
    assert (await subtle.deriveBits(params, base, 0)).byteLength == 0
    public = ed25519.Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    key = await subtle.importKey("raw", to_js(public), "Ed25519", False, to_js(["verify"]))
    with pytest.raises(JsException, match="OperationError: Invalid Ed25519 signature length 32"):
        await subtle.verify("Ed25519", key, to_js(bytes(32)), to_js(b"r"))
    with pytest.raises(JsException, match=r"DataError: Ed25519 raw keys must be exactly 32-bytes \(provided 31\)\."):
        await subtle.importKey("raw", to_js(public[:31]), "Ed25519", False, to_js(["verify"]))


@pytest.mark.asyncio
async def test_a_map_algorithm_has_no_fields():
    """A ``Map`` (``to_js(dict)`` on Pyodide 0.26): workerd reads no ``name`` from it (a probe
    under wrangler dev 4.164.0 answered this text), as from any object without fields; Pyodide
    0.28's ``LiteralMap`` (``to_js(dict)`` there and outside a Worker) reads as its keys."""
    with pytest.raises(JsException) as caught:
        await js.crypto.subtle.importKey("raw", to_js(b"k" * 32), js.Map.new([["name", "HMAC"], ["hash", "SHA-256"]]),
                                         False, to_js(["sign"]))
    assert str(caught.value) == 'NotSupportedError: Unrecognized key import algorithm "undefined" requested.'
    key = await js.crypto.subtle.importKey("raw", to_js(b"k" * 32), to_js({"name": "HMAC", "hash": "SHA-256"}), False,
                                           to_js(["sign"]))
    assert key.algorithm.name == "HMAC"


def test_timing_safe_equal_compares_buffers_of_one_length():
    """workerd's ``crypto.subtle.timingSafeEqual`` (synchronous; Cloudflare's timing-attack example)."""
    encode = js.TextEncoder.new().encode
    assert js.crypto.subtle.timingSafeEqual(encode("secret"), encode("secret")) is True
    assert js.crypto.subtle.timingSafeEqual(encode("secret"), encode("secreT")) is False
    assert js.crypto.subtle.timingSafeEqual(to_js(b""), to_js(b"")) is True
    with pytest.raises(JsException) as info:
        js.crypto.subtle.timingSafeEqual(encode("ab"), encode("abc"))
    assert str(info.value) == "TypeError: Input buffers must have the same byte length."
    with pytest.raises(JsException) as info:
        js.crypto.subtle.timingSafeEqual("ab", encode("ab"))
    assert str(info.value) == ("TypeError: Failed to execute 'timingSafeEqual' on 'SubtleCrypto': parameter 1 is not "
                               "of type 'BufferSource'.")


@pytest.mark.asyncio
async def test_buffer_arguments_are_converted_as_jsg_converts_them_before_any_other_check():
    """A ``BufferSource`` member of the algorithm or parameter that is none is jsg's TypeError,
    named by its dictionary or position, before the key's usages are looked at (wrangler dev
    4.164.0, ``tools/wrangler/webcrypto_differential.py``)."""
    subtle = js.crypto.subtle
    aes = await subtle.importKey("raw", to_js(bytes(16)), "AES-GCM", False, to_js(["encrypt"]))
    pbkdf2 = await subtle.importKey("raw", to_js(b"pw"), "PBKDF2", False, to_js(["deriveBits"]))
    signer = await subtle.importKey("raw", to_js(b"k"), to_js({"name": "HMAC", "hash": "SHA-256"},
                                                              dict_converter=js.Object.fromEntries),
                                    False, to_js(["verify"]))

    def obj(**fields):
        return to_js(fields, dict_converter=js.Object.fromEntries)

    calls = [
        (lambda: subtle.encrypt(obj(name="AES-GCM", iv="x"), aes, to_js(b"m")),
         "Incorrect type for the 'iv' field on 'EncryptAlgorithm': the provided value is not of type 'BufferSource'."),
        (lambda: subtle.decrypt(obj(name="AES-GCM", iv=to_js(bytes(12)), additionalData=5), aes, to_js(b"m")),
         "Incorrect type for the 'additionalData' field on 'EncryptAlgorithm': the provided value is not of type "
         "'BufferSource'."),
        (lambda: subtle.deriveBits(obj(name="PBKDF2", hash="SHA-256", iterations=1, salt="s"), pbkdf2, 256),
         "Incorrect type for the 'salt' field on 'DeriveKeyAlgorithm': the provided value is not of type "
         "'BufferSource'."),
        (lambda: subtle.encrypt(obj(name="AES-GCM", iv=to_js(bytes(12))), aes, "text"),
         "Failed to execute 'encrypt' on 'SubtleCrypto': parameter 3 is not of type 'BufferSource'."),
        (lambda: subtle.digest("SHA-256", "text"),
         "Failed to execute 'digest' on 'SubtleCrypto': parameter 2 is not of type 'BufferSource'."),
        (lambda: subtle.sign("HMAC", signer, "text"),  # a verify-only key: the conversion fails first
         "Failed to execute 'sign' on 'SubtleCrypto': parameter 3 is not of type 'BufferSource'."),
        (lambda: subtle.verify("HMAC", signer, to_js(b"s"), 5),
         "Failed to execute 'verify' on 'SubtleCrypto': parameter 4 is not of type 'BufferSource'."),
    ]
    for call, message in calls:
        with pytest.raises(JsException) as info:
            await call()
        assert (info.value.name, info.value.message) == ("TypeError", message)


@pytest.mark.asyncio
async def test_key_data_of_the_wrong_kind_and_what_is_not_emulated_are_refused_by_name():
    subtle = js.crypto.subtle
    hmac_algorithm = to_js({"name": "HMAC", "hash": "SHA-256"}, dict_converter=js.Object.fromEntries)
    jwk = to_js({"kty": "oct", "k": "AA"}, dict_converter=js.Object.fromEntries)
    for call, message in [
        (lambda: subtle.importKey("raw", jwk, hmac_algorithm, False, to_js(["sign"])),
         "Import data provided for buffer-based import formats must be a buffer source."),  # wrangler dev 4.164.0
        (lambda: subtle.importKey("jwk", to_js(b"\0"), hmac_algorithm, False, to_js(["sign"])),
         'Import data provided for "jwk" import format must be a JsonWebKey.'),
        (lambda: subtle.importKey("raw", "text", hmac_algorithm, False, to_js(["sign"])),
         "Failed to execute 'importKey' on 'SubtleCrypto': parameter 2 is not of type 'BufferSource or JsonWebKey'."),
    ]:
        with pytest.raises(JsException) as info:
            await call()
        assert (info.value.name, info.value.message) == ("TypeError", message)
    key = await subtle.importKey("raw", to_js(b"k"), hmac_algorithm, True, to_js(["sign"]))
    with pytest.raises(JsException) as info:
        await subtle.exportKey("spki", key)
    assert str(info.value) == 'NotSupportedError: Unimplemented key export format "spki".'
    md5 = await subtle.importKey("raw", to_js(b"k"), to_js({"name": "HMAC", "hash": "MD5"},
                                                           dict_converter=js.Object.fromEntries), True, to_js(["sign"]))
    with pytest.raises(JsException) as info:
        await subtle.exportKey("jwk", md5)
    assert str(info.value) == 'NotSupportedError: Unimplemented JWK key export format for key algorithm "MD5".'
    for call, method in [(lambda: subtle.exportKey("raw", "not a key"), "exportKey"),
                         (lambda: subtle.sign("HMAC", "not a key", to_js(b"m")), "sign")]:
        with pytest.raises(JsException) as info:
            await call()
        assert str(info.value) == (f"TypeError: Failed to execute '{method}' on 'SubtleCrypto': parameter 2 is not of "
                                   "type 'CryptoKey'.")
    # wrapKey/unwrapKey are emulated (test_runtime_crypto_wrap_and_unwrap_key_as_workerd.py): an HMAC key
    # asked to wrap is workerd's algorithm mismatch, a key where the wrapped bytes go jsg's TypeError
    with pytest.raises(JsException) as info:
        await subtle.wrapKey("raw", key, key, "AES-KW")
    assert str(info.value) == ('InvalidAccessError: Requested algorithm "AES-KW" does not match this CryptoKey\'s '
                               'algorithm "HMAC".')
    with pytest.raises(JsException) as info:
        await subtle.unwrapKey("raw", key, key, "AES-KW")
    assert str(info.value) == ("TypeError: Failed to execute 'unwrapKey' on 'SubtleCrypto': parameter 2 is not of "
                               "type 'BufferSource'.")


@pytest.mark.asyncio
async def test_an_algorithm_that_is_no_name_nor_object_is_read_as_jsg_reads_it():
    """jsg's ``kj::OneOf<kj::String, ...Algorithm>``: a number or an array is made a string (an
    algorithm of that name), ``null``/``undefined`` its C++ struct's refusal (wrangler dev 4.164.0)."""
    subtle = js.crypto.subtle
    data = to_js(b"x")
    for algorithm in (5, to_js([1])):
        with pytest.raises(JsException) as info:
            await subtle.digest(algorithm, data)
        assert str(info.value) == "NotSupportedError: Unrecognized or unimplemented digest algorithm requested."
    key = await subtle.importKey("raw", to_js(b"k"), to_js({"name": "HMAC", "hash": "SHA-256"},
                                                           dict_converter=js.Object.fromEntries), False, to_js(["sign"]))
    for call, struct in [(lambda: subtle.digest(None, data), "HashAlgorithm"),
                         (lambda: subtle.sign(js.JSON.parse("null"), key, data), "SignAlgorithm"),
                         (lambda: subtle.importKey("raw", data, None, False, to_js(["sign"])), "ImportKeyAlgorithm"),
                         (lambda: subtle.generateKey(None, False, to_js(["sign"])), "GenerateKeyAlgorithm")]:
        with pytest.raises(JsException) as info:
            await call()
        # the struct's own name from workerd 1.20261123.1 (1.20261117.1 mangled it: N7workerd3api12SubtleCrypto...E)
        assert str(info.value) == (f"TypeError: Cannot initialize {struct} with required members from an undefined "
                                   "or null value.")


@pytest.mark.asyncio
async def test_a_format_the_algorithm_does_not_import_is_workerds_not_supported_error():
    subtle = js.crypto.subtle
    hmac_algorithm = to_js({"name": "HMAC", "hash": "SHA-256"}, dict_converter=js.Object.fromEntries)
    for fmt, algorithm in [("pem", hmac_algorithm), ("spki", hmac_algorithm), ("pkcs8", "AES-GCM")]:
        with pytest.raises(JsException) as info:
            await subtle.importKey(fmt, to_js(b"k" * 16), algorithm, False, to_js(["sign"] if algorithm != "AES-GCM"
                                                                                  else ["encrypt"]))
        assert str(info.value) == f'NotSupportedError: Unrecognized key import format "{fmt}".'
