"""Differential check of workers-env's ``crypto.subtle`` against workerd's (outside the test run).

The same cases run in a small JavaScript Worker under ``wrangler dev`` (local mode: workerd, as
Miniflare runs it) and through ``from workers_env import js, to_js`` (``js.crypto.subtle``);
results (bytes as hex -- a random result, RSA-OAEP's ``encrypt``/``wrapKey``, by its length --, keys
as their ``type``/``algorithm``/``extractable``/``usages`` plus an HMAC signature made with them, a
generated key pair -- random keys -- as both keys' shapes and what they do together: sign and
verify, encrypt and decrypt, agree with a second generated pair both ways, the ``spki`` size and JWK
members each exports or the refusal of a non-extractable one) and error texts (``"<name>:
<message>"``, a DOMException's -- an error whose ``code`` is a number -- with `` (code N)``) must be
equal. A key in an algorithm's member (ECDH's ``public``) is written ``{"$key": [...]}`` too.

A case is ``[operation, *arguments]`` (JSON): ``{"$hex": ...}`` is a ``Uint8Array``
(``to_js(bytes)``), ``{"$null": true}`` JavaScript ``null`` (``jsnull``), ``{"$key": [...]}``
the ``CryptoKey`` that ``importKey(...)`` with those arguments gives, any other object a plain
JavaScript object (``to_js(d, dict_converter=js.Object.fromEntries)``), ``{"$pydict": {...}}``
a Python dict passed as is (in JavaScript a PyProxy-like object whose fields read undefined, as
Pyodide 0.26 shows one; workers-env runs those cases as a Worker on 0.26 -- from 0.28 a dict's keys
are read, as an object's are). A case written as
``{"call": [...], "expected": "why"}`` may differ on purpose (production behaviour that local
workerd does not apply, algorithms workers-env does not emulate); it is reported apart.

    WORKERS_ENV_WRANGLER_DIR=/work/wt/wrangler python3 tools/wrangler/webcrypto_differential.py [--all] [--date D]

``--all`` prints the cases that agree too. ``--date YYYY-MM-DD`` runs both sides at that
compatibility date (workers-env's cases as Worker code of that date, with its workerd flags) in
place of 2026-09-28 -- e.g. 2025-12-02 and 2025-12-03 around ``enable_fast_jsg_struct``, which
sets a key's ``algorithm`` and an exported JWK's unset members to ``undefined`` where they were
absent. A date before 2025-09-29 (Pyodide 0.28's era: a ``$pydict`` case always runs as 0.26), a
missing or malformed one is refused before wrangler dev starts.

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import asyncio
import base64
import datetime
import inspect
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from casediff import own_class, report, run_under_wrangler_dev

from workers_env import JsException, js, to_js
from workers_env.runtime.jsproxy import jsnull  # pyodide.ffi.jsnull

COMPATIBILITY_DATE = "2026-09-28"


def H(text: str) -> dict:  # text as bytes
    return {"$hex": text.encode().hex()}


def X(hex_: str) -> dict:  # hex as bytes
    return {"$hex": hex_}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


NULL = {"$null": True}
MSG = H("The quick brown fox")
MSG_BYTES = b"The quick brown fox"
SECRET = "secret-key"  # 10 bytes, 80 bits


def hmac_key(hash_="SHA-256", usages=("sign", "verify"), **extra) -> dict:
    return {"$key": ["raw", H(SECRET), {"name": "HMAC", "hash": hash_, **extra}, False, list(usages)]}


SALT = H("salty")
PBKDF2_KEY = {"$key": ["raw", H("correct horse battery"), "PBKDF2", False, ["deriveBits", "deriveKey"]]}


def pbkdf2(hash_="SHA-256", iterations=1, salt=SALT, **extra) -> dict:
    algo = {"name": "PBKDF2", "hash": hash_, "iterations": iterations, "salt": salt, **extra}
    return {k: v for k, v in algo.items() if v is not None}


# RFC 8032, section 7.1, TEST 2 (one-byte message 0x72)
ED_PUBLIC = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"
ED_SIGNATURE = ("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")
ED_KEY = {"$key": ["raw", X(ED_PUBLIC), "Ed25519", False, ["verify"]]}
CAP = "production caps PBKDF2 at 100,000 iterations; local workerd does not, workers-env does on purpose"

CASES: list = [
    # digest
    *[["digest", h, H("abc")] for h in ("SHA-1", "SHA-256", "SHA-384", "SHA-512", "MD5")],
    ["digest", "sha-256", H("abc")], ["digest", "md5", H("abc")], ["digest", "Sha-1", H("abc")],
    ["digest", {"name": "SHA-256"}, H("abc")], ["digest", {"name": "sha-512"}, H("abc")],
    ["digest", "SHA-256", X("")],
    ["digest", "SHA-3", H("abc")], ["digest", "SHA256", H("abc")], ["digest", {"name": "nope"}, H("abc")],
    ["digest", {}, H("abc")], ["digest", "", H("abc")],
    # importKey: HMAC raw, each hash, with and without length
    *[["importKey", "raw", H(SECRET), {"name": "HMAC", "hash": h}, False, ["sign"]]
      for h in ("SHA-1", "SHA-256", "SHA-384", "SHA-512")],
    ["importKey", "raw", H(SECRET), {"name": "HMAC", "hash": {"name": "SHA-256"}}, True, ["sign", "verify"]],
    ["importKey", "raw", H(SECRET), {"name": "hmac", "hash": "sha-256"}, False, ["verify", "sign"]],
    *[["importKey", "raw", H(SECRET), {"name": "HMAC", "hash": "SHA-256", "length": n}, False, ["sign"]]
      for n in (80, 73, 72, 128, 0)],
    ["importKey", "raw", H(SECRET), {"name": "HMAC", "hash": "MD5"}, False, ["sign"]],
    ["importKey", "raw", H(SECRET), {"name": "HMAC"}, False, ["sign"]],
    ["importKey", "raw", H(SECRET), "HMAC", False, ["sign"]],
    ["importKey", "raw", X(""), {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["importKey", "raw", H(SECRET), {"name": "HMAC", "hash": "SHA-256"}, False, ["encrypt"]],
    ["importKey", "raw", H(SECRET), {"name": "HMAC", "hash": "SHA-256"}, False, []],
    # importKey: HMAC jwk oct
    ["importKey", "jwk", {"kty": "oct", "k": b64url(SECRET.encode())}, {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["importKey", "jwk", {"kty": "oct", "k": b64url(SECRET.encode()), "alg": "HS256", "ext": True, "key_ops": ["sign"]},
     {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]],
    ["importKey", "jwk", {"kty": "oct", "k": b64url(SECRET.encode()), "alg": "HS512"}, {"name": "HMAC", "hash": "SHA-256"},
     False, ["sign"]],
    ["importKey", "jwk", {"kty": "RSA", "k": b64url(SECRET.encode())}, {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["importKey", "jwk", {"kty": "oct"}, {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    # importKey: names and formats
    ["importKey", "raw", H(SECRET), {"name": "FOO"}, False, ["sign"]],
    ["importKey", "raw", H(SECRET), "FOO", False, ["sign"]],
    ["importKey", "pem", H(SECRET), {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["importKey", "spki", H(SECRET), {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["importKey", "pkcs8", X("6b" * 16), "AES-GCM", False, ["encrypt"]],
    # importKey: PBKDF2
    ["importKey", "raw", H("pw"), "PBKDF2", False, ["deriveBits"]],
    ["importKey", "raw", "text", {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["importKey", "raw", 5, "PBKDF2", False, ["deriveBits"]], ["importKey", "spki", "text", "Ed25519", False, ["verify"]],
    ["importKey", "raw", H("pw"), {"name": "pbkdf2"}, False, ["deriveKey", "deriveBits"]],
    ["importKey", "raw", H("pw"), "PBKDF2", True, ["deriveBits"]],
    ["importKey", "jwk", {"kty": "oct", "k": b64url(b"pw")}, "PBKDF2", False, ["deriveBits"]],
    ["importKey", "raw", H("pw"), "PBKDF2", False, []],
    ["importKey", "raw", H("pw"), "PBKDF2", False, ["sign"]],
    # importKey: Ed25519 public key
    ["importKey", "raw", X(ED_PUBLIC), "Ed25519", False, ["verify"]],
    ["importKey", "raw", X(ED_PUBLIC), {"name": "Ed25519"}, True, ["verify"]],
    ["importKey", "raw", X(ED_PUBLIC[:-2]), "Ed25519", False, ["verify"]],
    ["importKey", "raw", X(ED_PUBLIC), "Ed25519", False, ["sign"]],
    # sign / verify HMAC
    *[["sign", "HMAC", hmac_key(h), MSG] for h in ("SHA-1", "SHA-256", "SHA-384", "SHA-512")],
    ["sign", {"name": "HMAC"}, hmac_key(), MSG], ["sign", "hmac", hmac_key(), MSG],
    ["sign", "HMAC", hmac_key(length=80), X("")],
    ["sign", "HMAC", hmac_key(usages=["verify"]), MSG],
    ["sign", "HMAC", hmac_key(), "text"], ["sign", "HMAC", hmac_key(usages=["verify"]), "text"],
    ["verify", "HMAC", hmac_key(), "sig", MSG], ["verify", "HMAC", hmac_key(), X("00"), 5],
    ["sign", "HMAC", "not a key", "text"], ["exportKey", "raw", "not a key"], ["sign", "HMAC", "not a key", MSG],
    ["digest", 5, MSG], ["digest", NULL, MSG], ["digest", [1], MSG],
    ["importKey", "raw", H("pw"), NULL, False, ["sign"]], ["sign", NULL, hmac_key(), MSG],
    ["verify", NULL, hmac_key(), X("00"), MSG],
    ["generateKey", NULL, False, ["sign"]], ["generateKey", {"name": "HMAC", "hash": "SHA-256"}, False, ["encrypt"]], ["deriveBits", NULL, PBKDF2_KEY, 256],
    ["deriveKey", pbkdf2("SHA-256"), PBKDF2_KEY, NULL, False, ["sign"]], ["sign", 5, hmac_key(), MSG],
    ["sign", "HMAC", PBKDF2_KEY, MSG],
    ["sign", "PBKDF2", PBKDF2_KEY, MSG],
    ["sign", "SHA-256", hmac_key(), MSG],
    ["sign", "HMAC", "not a key", MSG],
    ["verify", "HMAC", hmac_key(),
     X("fb8626bea6af7aca505231f3fa99c27995e34bf32128625aac73ac2a67d8b409"), MSG],  # HMAC-SHA256(SECRET, MSG)
    ["verify", "HMAC", hmac_key(usages=["sign"]), X("00" * 32), MSG],
    ["verify", "HMAC", hmac_key("SHA-1"), X("00" * 20), MSG],
    ["verify", "HMAC", hmac_key("SHA-256"), X("00" * 5), MSG],
    ["verify", "HMAC", PBKDF2_KEY, X("00" * 32), MSG],
    # verify Ed25519
    ["verify", "Ed25519", ED_KEY, X(ED_SIGNATURE), X("72")],
    ["verify", {"name": "Ed25519"}, ED_KEY, X(ED_SIGNATURE), X("73")],
    ["verify", "Ed25519", ED_KEY, X(ED_SIGNATURE[:-2] + "01"), X("72")],
    ["verify", "Ed25519", ED_KEY, X(ED_SIGNATURE[:64]), X("72")],
    ["verify", "ECDSA", ED_KEY, X(ED_SIGNATURE), X("72")],
    # PBKDF2 deriveBits
    *[["deriveBits", pbkdf2(h), PBKDF2_KEY, 256] for h in ("SHA-1", "SHA-256", "SHA-384", "SHA-512")],
    ["deriveBits", {"name": "PBKDF2", "hash": "SHA-256", "iterations": 1000, "salt": "salt"}, PBKDF2_KEY, 256],
    ["deriveBits", {"name": "PBKDF2", "hash": "SHA-256", "iterations": 1000, "salt": X("00"), "info": 5}, PBKDF2_KEY,
     256],
    ["deriveBits", pbkdf2({"name": "SHA-256"}), PBKDF2_KEY, 256], ["deriveBits", pbkdf2("sha-256"), PBKDF2_KEY, 256],
    ["deriveBits", {**pbkdf2(), "name": "pbkdf2"}, PBKDF2_KEY, 256],
    *[["deriveBits", pbkdf2(), PBKDF2_KEY, n] for n in (0, 8, 12, 256, 1024)],
    *[["deriveBits", pbkdf2(iterations=n), PBKDF2_KEY, 128] for n in (0, 1, 1000, -1)],
    ["deriveBits", pbkdf2("SHA-1", iterations=100000), PBKDF2_KEY, 160],
    {"call": ["deriveBits", pbkdf2("SHA-1", iterations=100001), PBKDF2_KEY, 160], "expected": CAP},
    ["deriveBits", pbkdf2("SHA-1"), PBKDF2_KEY, 255 * 160 + 8],
    ["deriveBits", pbkdf2(salt=X("")), PBKDF2_KEY, 128],
    ["deriveBits", pbkdf2(salt=None), PBKDF2_KEY, 128],
    ["deriveBits", pbkdf2(iterations=None), PBKDF2_KEY, 128],
    ["deriveBits", pbkdf2(hash_=None), PBKDF2_KEY, 128],
    ["deriveBits", pbkdf2(hash_="MD5"), PBKDF2_KEY, 128],
    ["deriveBits", pbkdf2(hash_="SHA-3"), PBKDF2_KEY, 128],
    ["deriveBits", pbkdf2(), PBKDF2_KEY, NULL],
    ["deriveBits", pbkdf2(), PBKDF2_KEY],
    ["deriveBits", pbkdf2(), {"$key": ["raw", H("pw"), "PBKDF2", False, ["deriveKey"]]}, 128],
    ["deriveBits", {**pbkdf2(), "name": "HKDF"}, PBKDF2_KEY, 128],
    ["deriveBits", pbkdf2(), hmac_key(), 128],
    # PBKDF2 deriveKey -> HMAC
    ["deriveKey", pbkdf2(), PBKDF2_KEY, {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["deriveKey", pbkdf2(), PBKDF2_KEY, {"name": "HMAC", "hash": "SHA-512"}, True, ["sign", "verify"]],
    ["deriveKey", pbkdf2(), PBKDF2_KEY, {"name": "HMAC", "hash": "SHA-1"}, False, ["sign"]],
    *[["deriveKey", pbkdf2(), PBKDF2_KEY, {"name": "HMAC", "hash": "SHA-256", "length": n}, False, ["sign"]]
      for n in (256, 128, 512, 12, 0)],
    ["deriveKey", pbkdf2(), PBKDF2_KEY, {"name": "HMAC"}, False, ["sign"]],
    ["deriveKey", pbkdf2(), PBKDF2_KEY, {"name": "FOO"}, False, ["sign"]],
    ["deriveKey", pbkdf2(), PBKDF2_KEY, {"name": "HMAC", "hash": "SHA-256"}, False, []],
    ["deriveKey", pbkdf2(), {"$key": ["raw", H("pw"), "PBKDF2", False, ["deriveBits"]]},
     {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["deriveKey", pbkdf2(iterations=0), PBKDF2_KEY, {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    # a Python dict not converted with to_js (a PyProxy in Pyodide: its fields read undefined)
    ["digest", {"$pydict": {"name": "SHA-256"}}, H("abc")],
    ["importKey", "raw", H(SECRET), {"$pydict": {"name": "HMAC", "hash": "SHA-256"}}, False, ["sign"]],
    ["sign", {"$pydict": {"name": "HMAC"}}, hmac_key(), MSG],
    ["deriveBits", {"$pydict": pbkdf2()}, PBKDF2_KEY, 128],
    ["deriveKey", pbkdf2(), PBKDF2_KEY, {"$pydict": {"name": "HMAC", "hash": "SHA-256"}}, False, ["sign"]],
]


# --- AES (inputs to decrypt made with the cryptography package) ---------------------------------
AES_KEY = bytes(range(32))
IV12, IV16 = bytes(12), bytes(16)


def aes_key(name="AES-GCM", size=32, usages=("encrypt", "decrypt"), extractable=False) -> dict:
    return {"$key": ["raw", X(AES_KEY[:size].hex()), name, extractable, list(usages)]}


def _gcm(plain: bytes, aad: bytes = b"", tag: int = 16, iv: bytes = IV12) -> dict:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    enc = Cipher(algorithms.AES(AES_KEY), modes.GCM(iv)).encryptor()
    if aad:
        enc.authenticate_additional_data(aad)
    out = enc.update(plain) + enc.finalize()
    return X((out + enc.tag[:tag]).hex())


def _cbc(padded: bytes) -> dict:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    enc = Cipher(algorithms.AES(AES_KEY), modes.CBC(IV16)).encryptor()
    return X((enc.update(padded) + enc.finalize()).hex())


def gcm(**extra) -> dict:
    return {"name": "AES-GCM", "iv": X(IV12.hex()), **extra}


def cbc(iv: bytes = IV16) -> dict:
    return {"name": "AES-CBC", "iv": X(iv.hex())}


def ctr(counter: bytes = IV16, length=64) -> dict:
    algo = {"name": "AES-CTR", "counter": X(counter.hex()), "length": length}
    return {k: v for k, v in algo.items() if v is not None}


AES_JWK = {"kty": "oct", "k": b64url(AES_KEY)}
GCM_TEXT = H("attack at dawn")

CASES += [
    # importKey: AES raw, each size and mode
    *[["importKey", "raw", X(AES_KEY[:n].hex()), mode, False, ["encrypt", "decrypt"]]
      for n in (16, 24, 32) for mode in ("AES-GCM", "AES-CBC", "AES-CTR")],
    ["importKey", "raw", X(AES_KEY.hex()), {"name": "aes-gcm"}, True, ["decrypt", "encrypt", "wrapKey"]],
    ["importKey", "raw", X(AES_KEY[:15].hex()), "AES-GCM", False, ["encrypt"]],
    ["importKey", "raw", X(""), "AES-CBC", False, ["encrypt"]],
    ["importKey", "raw", X(AES_KEY.hex()), "AES-GCM", False, ["sign"]],
    ["importKey", "raw", X(AES_KEY.hex()), "AES-GCM", False, []],
    ["importKey", "spki", X(AES_KEY.hex()), "AES-GCM", False, ["encrypt"]],
    ["importKey", "raw", "not bytes", "AES-GCM", False, ["encrypt"]],
    ["importKey", "jwk", "not a jwk", "AES-GCM", False, ["encrypt"]],
    ["importKey", "raw", X(AES_KEY[:16].hex()), "AES-KW", False, ["wrapKey"]],
    # importKey: AES jwk
    ["importKey", "jwk", AES_JWK, "AES-GCM", False, ["encrypt"]],
    ["importKey", "jwk", {**AES_JWK, "alg": "A256GCM", "use": "enc", "key_ops": ["encrypt", "decrypt"], "ext": True},
     "AES-GCM", True, ["encrypt", "decrypt"]],
    ["importKey", "jwk", {**AES_JWK, "alg": "A128GCM"}, "AES-GCM", False, ["encrypt"]],
    ["importKey", "jwk", {**AES_JWK, "alg": "A256CBC"}, "AES-CBC", False, ["encrypt"]],
    ["importKey", "jwk", {**AES_JWK, "kty": "RSA"}, "AES-GCM", False, ["encrypt"]],
    ["importKey", "jwk", {"kty": "oct"}, "AES-GCM", False, ["encrypt"]],
    ["importKey", "jwk", {"kty": "oct", "k": "!!!!"}, "AES-GCM", False, ["encrypt"]],
    ["importKey", "jwk", {"kty": "oct", "k": b64url(AES_KEY[:10])}, "AES-GCM", False, ["encrypt"]],
    ["importKey", "jwk", {**AES_JWK, "use": "sig"}, "AES-GCM", False, ["encrypt"]],
    ["importKey", "jwk", {**AES_JWK, "key_ops": ["encrypt", "encrypt"]}, "AES-GCM", False, ["encrypt"]],
    ["importKey", "jwk", {**AES_JWK, "key_ops": ["decrypt"]}, "AES-GCM", False, ["encrypt"]],
    ["importKey", "jwk", {**AES_JWK, "ext": False}, "AES-GCM", True, ["encrypt"]],
    ["importKey", "jwk", {**AES_JWK, "ext": False}, "aes-gcm", True, ["encrypt"]],
    ["importKey", "jwk", {**AES_JWK, "ext": False}, "AES-GCM", False, ["encrypt"]],
    # AES-GCM encrypt / decrypt
    ["encrypt", gcm(), aes_key(), GCM_TEXT],
    ["encrypt", gcm(), aes_key(size=16), X("")],
    ["encrypt", gcm(additionalData=H("header")), aes_key(), GCM_TEXT],
    *[["encrypt", gcm(tagLength=n), aes_key(), GCM_TEXT] for n in (32, 96, 104, 120, 128, 100, 0)],
    ["encrypt", {"name": "AES-GCM", "iv": X("00" * 16)}, aes_key(size=24), GCM_TEXT],
    ["encrypt", {"name": "AES-GCM", "iv": X("")}, aes_key(), GCM_TEXT],
    ["encrypt", {"name": "AES-GCM"}, aes_key(), GCM_TEXT],
    ["encrypt", {"name": "AES-GCM", "iv": "not bytes"}, aes_key(), GCM_TEXT], ["encrypt", NULL, aes_key(), GCM_TEXT],
    ["encrypt", {"name": "AES-GCM", "iv": X("00" * 12), "additionalData": 5}, aes_key(), GCM_TEXT],
    ["encrypt", {"name": "AES-GCM", "iv": X("00" * 12), "counter": "x"}, aes_key(), GCM_TEXT],
    ["encrypt", {"name": "AES-GCM", "iv": 5}, "not a key", GCM_TEXT],
    ["decrypt", {"name": "AES-CBC", "iv": [1, 2]}, aes_key(), GCM_TEXT],
    ["encrypt", {"name": "AES-GCM", "iv": X("00" * 12)}, aes_key(), "text"],
    ["digest", "SHA-256", "text"],
    ["encrypt", "AES-GCM", aes_key(), GCM_TEXT],
    ["encrypt", {"name": "AES-GCM", "iv": X("0001020304050607")}, aes_key(), GCM_TEXT],
    {"call": ["encrypt", {"name": "AES-GCM", "iv": X("00010203")}, aes_key(), GCM_TEXT],
     "expected": "an IV under 8 bytes: workerd takes it, the cryptography package does not (NotEmulatedError)"},
    ["encrypt", gcm(), aes_key(usages=["decrypt"]), GCM_TEXT],
    ["encrypt", cbc(), aes_key(), GCM_TEXT],
    ["encrypt", gcm(), hmac_key(), GCM_TEXT],
    ["decrypt", gcm(), aes_key(), _gcm(b"attack at dawn")],
    ["decrypt", gcm(additionalData=H("header")), aes_key(), _gcm(b"attack at dawn", b"header")],
    ["decrypt", gcm(), aes_key(), _gcm(b"attack at dawn", b"header")],
    ["decrypt", gcm(tagLength=96), aes_key(), _gcm(b"attack at dawn", tag=12)],
    ["decrypt", gcm(tagLength=96), aes_key(), _gcm(b"attack at dawn")],
    ["decrypt", gcm(), aes_key(), X("00" * 30)],
    ["decrypt", gcm(), aes_key(), X("00" * 15)],
    ["decrypt", gcm(), aes_key(), _gcm(b"")],
    ["decrypt", gcm(), aes_key(usages=["encrypt"]), _gcm(b"x")],
    # AES-CBC
    *[["encrypt", cbc(), aes_key("AES-CBC"), X(("41" * n))] for n in (0, 3, 15, 16, 17, 32)],
    ["encrypt", cbc(bytes(15)), aes_key("AES-CBC"), GCM_TEXT],
    ["encrypt", {"name": "AES-CBC"}, aes_key("AES-CBC"), GCM_TEXT],
    ["decrypt", cbc(), aes_key("AES-CBC"), _cbc(b"attack at dawn\x02\x02")],
    ["decrypt", cbc(), aes_key("AES-CBC"), _cbc(b"A" * 16 + b"\x10" * 16)],
    ["decrypt", cbc(bytes(15)), aes_key("AES-CBC"), _cbc(b"A" * 16)],
    ["decrypt", cbc(), aes_key("AES-CBC"), _cbc(b"attack at dawn\x03\x02")],
    ["decrypt", cbc(), aes_key("AES-CBC"), _cbc(b"A" * 15 + b"\x00")],
    ["decrypt", cbc(), aes_key("AES-CBC"), _cbc(b"A" * 16 + b"\x11" * 16)],
    ["decrypt", cbc(), aes_key("AES-CBC"), X("00" * 17)],
    ["decrypt", cbc(), aes_key("AES-CBC"), X("00" * 33)],
    ["decrypt", cbc(), aes_key("AES-CBC"), X("")],
    # AES-CTR
    *[["encrypt", ctr(), aes_key("AES-CTR", size=n), X("41" * 40)] for n in (16, 24, 32)],
    ["decrypt", ctr(length=128), aes_key("AES-CTR"), X("41" * 40)],
    ["encrypt", ctr(bytes(15) + b"\xfe", length=8), aes_key("AES-CTR"), X("41" * 40)],
    ["encrypt", ctr(b"\xab" * 15 + b"\xff", length=4), aes_key("AES-CTR"), X("41" * 40)],
    ["encrypt", ctr(b"\xab" * 15 + b"\xff", length=12), aes_key("AES-CTR"), X("41" * 40)],
    ["encrypt", ctr(length=1), aes_key("AES-CTR"), X("41" * 33)],
    ["encrypt", ctr(length=1), aes_key("AES-CTR"), X("41" * 32)],
    ["encrypt", ctr(bytes(15)), aes_key("AES-CTR"), X("41")],
    *[["encrypt", ctr(length=n), aes_key("AES-CTR"), X("41")] for n in (0, 129, None)],
    ["encrypt", {"name": "AES-CTR", "length": 64}, aes_key("AES-CTR"), X("41")],
    # generateKey
    ["generateKey", {"name": "AES-GCM", "length": 256}, True, ["encrypt", "decrypt"]],
    ["generateKey", {"name": "aes-cbc", "length": 128}, False, ["decrypt"]],
    ["generateKey", {"name": "AES-GCM", "length": 100}, True, ["encrypt"]],
    ["generateKey", {"name": "AES-GCM"}, True, ["encrypt"]],
    ["generateKey", {"name": "AES-GCM", "length": 256}, True, ["sign"]],
    ["generateKey", {"name": "AES-GCM", "length": 256}, True, []],
    ["generateKey", {"name": "HMAC", "hash": "SHA-256"}, True, ["sign", "verify"]],
    ["generateKey", {"name": "HMAC", "hash": "SHA-1", "length": 100}, False, ["verify"]],
    ["generateKey", {"name": "HMAC", "hash": "SHA-256", "length": 0}, True, ["sign"]],
    ["generateKey", {"name": "HMAC"}, True, ["sign"]],
    ["generateKey", {"name": "HMAC", "hash": "SHA-3"}, True, ["sign"]],
    ["generateKey", {"name": "HMAC", "hash": "SHA-256"}, True, ["encrypt"]],
    ["generateKey", {"name": "FOO"}, True, ["sign"]],
    ["generateKey", "PBKDF2", True, ["deriveBits"]],
    ["generateKey", {"name": "AES-KW", "length": 128}, True, ["wrapKey"]],
    # exportKey
    ["exportKey", "raw", aes_key(extractable=True)],
    ["exportKey", "jwk", aes_key(extractable=True)],
    ["exportKey", "jwk", aes_key("AES-CTR", size=16, usages=["decrypt"], extractable=True)],
    ["exportKey", "raw", aes_key()],
    ["exportKey", "spki", aes_key(extractable=True)],
    ["exportKey", "spki", {"$key": ["raw", H(SECRET), {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]]}],
    ["importKey", "raw", {"kty": "oct", "k": "AA"}, {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["importKey", "jwk", X("00"), {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["exportKey", "raw", {"$key": ["raw", H(SECRET), {"name": "HMAC", "hash": "SHA-256"}, True, ["verify", "sign"]]}],
    ["exportKey", "jwk", {"$key": ["raw", H(SECRET), {"name": "HMAC", "hash": "SHA-384"}, True, ["sign"]]}],
    ["exportKey", "jwk", {"$key": ["raw", H(SECRET), {"name": "HMAC", "hash": "MD5"}, True, ["sign"]]}],
    ["exportKey", "pkcs8", {"$key": ["raw", H(SECRET), {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]]}],
    ["exportKey", "raw", hmac_key()],
    ["exportKey", "raw-secret", aes_key(extractable=True)],
    ["exportKey", "raw-secret", aes_key()], ["exportKey", "foo", aes_key()], ["exportKey", "pkcs8", aes_key(extractable=True)],
    *[["importKey", f, X(AES_KEY.hex()), "AES-CBC", True, ["encrypt"]] for f in ("raw-private", "raw-seed", "pkcs8")],
    ["exportKey", "raw", "not a key"],
    ["importKey", "raw-secret", X(AES_KEY.hex()), "AES-GCM", True, ["encrypt"]],
    ["importKey", "raw-public", X(AES_KEY.hex()), "AES-GCM", True, ["encrypt"]],
    ["encrypt", gcm(), "not a key", GCM_TEXT],
    # timingSafeEqual (workerd's extension; synchronous)
    ["timingSafeEqual", H("abc"), H("abc")], ["timingSafeEqual", H("abc"), H("abd")],
    ["timingSafeEqual", H("abc"), H("ab")], ["timingSafeEqual", X(""), X("")],
    ["timingSafeEqual", "abc", H("abc")], ["timingSafeEqual", H("abc"), 5],
    # PBKDF2 deriveKey -> AES
    ["deriveKey", pbkdf2(), PBKDF2_KEY, {"name": "AES-GCM", "length": 256}, False, ["encrypt", "decrypt"]],
    ["deriveKey", pbkdf2(), PBKDF2_KEY, {"name": "AES-CBC", "length": 128}, True, ["encrypt"]],
    ["deriveKey", pbkdf2(), PBKDF2_KEY, {"name": "AES-GCM"}, False, ["encrypt"]],
    ["deriveKey", pbkdf2(), PBKDF2_KEY, {"name": "AES-GCM", "length": 100}, False, ["encrypt"]],
    ["deriveKey", pbkdf2(), PBKDF2_KEY, {"name": "AES-GCM", "length": 256}, False, ["sign"]],
    ["deriveKey", pbkdf2(), PBKDF2_KEY, {"name": "AES-KW", "length": 128}, False, ["wrapKey"]],
]


# --- RSA and Ed25519 private keys (made once per run with the cryptography package) ------------
def _asymmetric_keys() -> dict:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

    pkcs8 = (serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    spki = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    r = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    e = ed25519.Ed25519PrivateKey.generate()
    n = r.private_numbers()

    def b(i: int, size: int | None = None) -> str:
        return b64url(i.to_bytes(size or (i.bit_length() + 7) // 8, "big"))

    jwk_pub = {"kty": "RSA", "n": b(n.public_numbers.n), "e": b(n.public_numbers.e)}
    jwk_priv = {**jwk_pub, "d": b(n.d), "p": b(n.p), "q": b(n.q), "dp": b(n.dmp1), "dq": b(n.dmq1), "qi": b(n.iqmp)}
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    p256 = ec.generate_private_key(ec.SECP256R1())
    p384 = ec.generate_private_key(ec.SECP384R1())
    r_, s_ = decode_dss_signature(p256.sign(MSG_BYTES, ec.ECDSA(hashes.SHA256())))
    pn = p256.private_numbers()
    ec_jwk = {"kty": "EC", "crv": "P-256", "x": b(pn.public_numbers.x, 32), "y": b(pn.public_numbers.y, 32)}
    pss = r.sign(MSG_BYTES, padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256())
    return {"ec_pkcs8": p256.private_bytes(*pkcs8).hex(), "ec_spki": p256.public_key().public_bytes(*spki).hex(),
            "ec_raw": p256.public_key().public_bytes(serialization.Encoding.X962,
                                                     serialization.PublicFormat.UncompressedPoint).hex(),
            "ec_jwk_pub": ec_jwk, "ec_jwk_priv": {**ec_jwk, "d": b(pn.private_value, 32)},
            "ec_other_d": b(ec.generate_private_key(ec.SECP256R1()).private_numbers().private_value, 32),
            "ec384_spki": p384.public_key().public_bytes(*spki).hex(), "ec384_pkcs8": p384.private_bytes(*pkcs8).hex(),
            **_second_keys(pkcs8, spki),
            "ec_sig": (r_.to_bytes(32, "big") + s_.to_bytes(32, "big")).hex(), "pss_sig": pss.hex(),
            "rsa_pkcs8": r.private_bytes(*pkcs8).hex(), "rsa_spki": r.public_key().public_bytes(*spki).hex(),
            "rsa_jwk_pub": jwk_pub, "rsa_jwk_priv": jwk_priv, "ed_pkcs8": e.private_bytes(*pkcs8).hex(),
            "ed_spki": e.public_key().public_bytes(*spki).hex(), **_x25519_keys(pkcs8, spki)}


def _second_keys(pkcs8, spki) -> dict:
    """A P-521 key pair, and a second P-256 and X25519 pair to agree with the first (crypto39)."""
    from cryptography.hazmat.primitives.asymmetric import ec, x25519

    p521, p256, x = (ec.generate_private_key(ec.SECP521R1()), ec.generate_private_key(ec.SECP256R1()),
                     x25519.X25519PrivateKey.generate())
    return {"ec521_pkcs8": p521.private_bytes(*pkcs8).hex(), "ec521_spki": p521.public_key().public_bytes(*spki).hex(),
            "ec2_pkcs8": p256.private_bytes(*pkcs8).hex(), "ec2_spki": p256.public_key().public_bytes(*spki).hex(),
            "x2_pkcs8": x.private_bytes(*pkcs8).hex(), "x2_spki": x.public_key().public_bytes(*spki).hex()}


def _x25519_keys(pkcs8, spki) -> dict:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import x25519

    x = x25519.X25519PrivateKey.generate()
    raw = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {"x_pkcs8": x.private_bytes(*pkcs8).hex(), "x_spki": x.public_key().public_bytes(*spki).hex(),
            "x_raw": x.public_key().public_bytes(*raw).hex(),
            "x_d": b64url(x.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                          serialization.NoEncryption()))}


ASYM = _asymmetric_keys()
WRONG_TYPE = ("workerd takes an RSA key under the name Ed25519 (importEddsa checks no key type); workers-env "
              "refuses it at import (DataError), not at first use")
RS256 = {"name": "RSASSA-PKCS1-v1_5", "hash": "SHA-256"}
RSA_PRIV = {"$key": ["pkcs8", X(ASYM["rsa_pkcs8"]), RS256, False, ["sign"]]}
RSA_PUB = {"$key": ["spki", X(ASYM["rsa_spki"]), RS256, False, ["verify"]]}
ED_PRIV = {"$key": ["pkcs8", X(ASYM["ed_pkcs8"]), "Ed25519", False, ["sign"]]}

CASES += [
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), RS256, False, ["sign"]],
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), {"name": "RSASSA-PKCS1-v1_5", "hash": "SHA-512"}, True, ["sign"]],
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), RS256, False, ["verify"]],
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), RS256, False, []],
    ["importKey", "pkcs8", X("3000"), RS256, False, ["sign"]],
    ["importKey", "spki", X(ASYM["rsa_spki"]), RS256, False, ["verify"]],
    ["importKey", "spki", X(ASYM["rsa_spki"]), RS256, False, ["sign"]],
    ["importKey", "spki", X(ASYM["rsa_spki"]), {"name": "RSASSA-PKCS1-v1_5"}, False, ["verify"]],
    ["importKey", "jwk", ASYM["rsa_jwk_pub"], RS256, False, ["verify"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_pub"], "alg": "RS256"}, RS256, False, ["verify"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_pub"], "alg": "RS512"}, RS256, False, ["verify"]],
    ["importKey", "jwk", ASYM["rsa_jwk_priv"], RS256, False, ["sign"]],
    ["importKey", "jwk", ASYM["rsa_jwk_priv"], RS256, False, ["verify"]],
    ["importKey", "raw", X(ASYM["rsa_spki"]), RS256, False, ["verify"]],
    ["sign", "RSASSA-PKCS1-v1_5", RSA_PRIV, MSG],
    ["sign", {"name": "RSASSA-PKCS1-v1_5"}, {"$key": ["jwk", ASYM["rsa_jwk_priv"], RS256, False, ["sign"]]}, MSG],
    ["sign", "RSASSA-PKCS1-v1_5", RSA_PUB, MSG],
    ["verify", "RSASSA-PKCS1-v1_5", RSA_PUB, X("00" * 256), MSG],
    ["verify", "RSASSA-PKCS1-v1_5", RSA_PUB, X("00" * 5), MSG],
    ["importKey", "pkcs8", X(ASYM["ed_pkcs8"]), "Ed25519", False, ["sign"]],
    ["importKey", "pkcs8", X(ASYM["ed_pkcs8"]), "Ed25519", False, ["verify"]],
    ["importKey", "spki", X(ASYM["ed_spki"]), "Ed25519", True, ["verify"]],
    ["sign", "Ed25519", ED_PRIV, MSG],
    ["sign", {"name": "Ed25519"}, ED_PRIV, X("")],
    # JWK checks of signature keys
    ["importKey", "jwk", {k: v for k, v in ASYM["rsa_jwk_priv"].items() if k != "qi"}, RS256, False, ["sign"]],
    ["importKey", "jwk", {k: v for k, v in ASYM["rsa_jwk_priv"].items() if k not in ("p", "q", "dp", "dq", "qi")},
     RS256, False, ["sign"]],
    ["importKey", "jwk", {"kty": "RSA", "e": "AQAB"}, RS256, False, ["verify"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_pub"], "kty": "EC"}, RS256, False, ["verify"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_pub"], "alg": "HS256"}, RS256, False, ["verify"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_pub"], "alg": "PS256"}, RS256, False, ["verify"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_pub"], "use": "enc"}, RS256, False, ["verify"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_pub"], "key_ops": ["sign"]}, RS256, False, ["verify"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_pub"], "key_ops": ["verify", "verify"]}, RS256, False, ["verify"]],
    ["importKey", "jwk", ASYM["rsa_jwk_pub"], {"name": "RSASSA-PKCS1-v1_5"}, False, ["verify"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "Ed25519", "x": b64url(bytes.fromhex(ED_PUBLIC))}, "Ed25519", False,
     ["verify"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "Ed25519", "x": b64url(bytes.fromhex(ED_PUBLIC)), "alg": "EdDSA"},
     "Ed25519", True, ["verify"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "Ed25519", "x": b64url(bytes.fromhex(ED_PUBLIC)), "alg": "ES256"},
     "Ed25519", False, ["verify"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "X25519", "x": b64url(bytes(32))}, "Ed25519", False, ["verify"]],
    ["importKey", "jwk", {"kty": "OKP", "x": b64url(bytes(32))}, "Ed25519", False, ["verify"]],
    ["importKey", "jwk", {"kty": "EC", "crv": "Ed25519", "x": b64url(bytes(32))}, "Ed25519", False, ["verify"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "Ed25519", "x": b64url(bytes(31))}, "Ed25519", False, ["verify"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "Ed25519", "x": b64url(bytes.fromhex(ED_PUBLIC)), "d": b64url(bytes(32))},
     "Ed25519", False, ["sign"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "Ed25519", "x": b64url(bytes.fromhex(ED_PUBLIC)), "d": b64url(bytes(5))},
     "Ed25519", False, ["sign"]],
    ["importKey", "pkcs8", X(ASYM["ed_pkcs8"]), RS256, False, ["sign"]],
    ["importKey", "spki", X(ASYM["ed_spki"]), RS256, False, ["verify"]],
    ["importKey", "spki", X("3000"), RS256, False, ["verify"]],
    *[{"call": ["importKey", f, X(ASYM[f"rsa_{f}"]), "Ed25519", False, [u]], "expected": WRONG_TYPE}
      for f, u in (("pkcs8", "sign"), ("spki", "verify"))],
    # ECDSA
    ["importKey", "spki", X(ASYM["ec_spki"]), {"name": "ECDSA", "namedCurve": "P-256"}, True, ["verify"]],
    ["importKey", "spki", X(ASYM["ec_spki"]), {"name": "ecdsa", "namedCurve": "p-256"}, False, ["verify"]],
    ["importKey", "pkcs8", X(ASYM["ec_pkcs8"]), {"name": "ECDSA", "namedCurve": "P-256"}, False, ["sign"]],
    ["importKey", "raw", X(ASYM["ec_raw"]), {"name": "ECDSA", "namedCurve": "P-256"}, False, ["verify"]],
    ["importKey", "raw", X(ASYM["ec_raw"][:-2]), {"name": "ECDSA", "namedCurve": "P-256"}, False, ["verify"]],
    ["importKey", "raw", X(ASYM["ec_raw"]), {"name": "ECDSA", "namedCurve": "P-256"}, False, ["sign"]],
    ["importKey", "raw", X("04" + "01" * 64), {"name": "ECDSA", "namedCurve": "P-256"}, False, ["verify"]],
    ["importKey", "raw", X("02" + ASYM["ec_raw"][2:66]), {"name": "ECDSA", "namedCurve": "P-256"}, False, ["verify"]],
    ["importKey", "raw", X("05" + ASYM["ec_raw"][2:]), {"name": "ECDSA", "namedCurve": "P-256"}, False, ["verify"]],
    ["importKey", "jwk", ASYM["ec_jwk_pub"], {"name": "ECDSA", "namedCurve": "P-256"}, False, ["verify"]],
    ["importKey", "jwk", ASYM["ec_jwk_priv"], {"name": "ECDSA", "namedCurve": "P-256"}, False, ["sign"]],
    ["importKey", "jwk", {**ASYM["ec_jwk_pub"], "alg": "ES384"}, {"name": "ECDSA", "namedCurve": "P-256"}, False,
     ["verify"]],
    ["importKey", "jwk", {**ASYM["ec_jwk_pub"], "alg": "ES256K"}, {"name": "ECDSA", "namedCurve": "P-256"}, False,
     ["verify"]],
    ["importKey", "jwk", {**ASYM["ec_jwk_pub"], "kty": "OKP"}, {"name": "ECDSA", "namedCurve": "P-256"}, False,
     ["verify"]],
    ["importKey", "jwk", {k: v for k, v in ASYM["ec_jwk_pub"].items() if k != "y"}, {"name": "ECDSA",
     "namedCurve": "P-256"}, False, ["verify"]],
    ["importKey", "jwk", {**ASYM["ec_jwk_pub"], "y": ASYM["ec_jwk_pub"]["x"]}, {"name": "ECDSA", "namedCurve": "P-256"},
     False, ["verify"]],
    ["importKey", "spki", X(ASYM["ec_spki"]), {"name": "ECDSA"}, False, ["verify"]],
    ["importKey", "spki", X(ASYM["ec_spki"]), {"name": "ECDSA", "namedCurve": "P-192"}, False, ["verify"]],
    ["importKey", "spki", X(ASYM["ec384_spki"]), {"name": "ECDSA", "namedCurve": "P-256"}, False, ["verify"]],
    ["importKey", "spki", X(ASYM["rsa_spki"]), {"name": "ECDSA", "namedCurve": "P-256"}, False, ["verify"]],
    ["verify", {"name": "ECDSA", "hash": "SHA-256"}, {"$key": ["spki", X(ASYM["ec_spki"]), {"name": "ECDSA",
     "namedCurve": "P-256"}, False, ["verify"]]}, X(ASYM["ec_sig"]), MSG],
    ["verify", {"name": "ECDSA", "hash": "SHA-256"}, {"$key": ["raw", X(ASYM["ec_raw"]), {"name": "ECDSA",
     "namedCurve": "P-256"}, False, ["verify"]]}, X(ASYM["ec_sig"]), H("tampered")],
    ["verify", {"name": "ECDSA", "hash": "SHA-384"}, {"$key": ["raw", X(ASYM["ec_raw"]), {"name": "ECDSA",
     "namedCurve": "P-256"}, False, ["verify"]]}, X(ASYM["ec_sig"]), MSG],
    ["verify", {"name": "ECDSA", "hash": "SHA-256"}, {"$key": ["raw", X(ASYM["ec_raw"]), {"name": "ECDSA",
     "namedCurve": "P-256"}, False, ["verify"]]}, X(ASYM["ec_sig"][:-2]), MSG],
    ["verify", {"name": "ECDSA"}, {"$key": ["raw", X(ASYM["ec_raw"]), {"name": "ECDSA", "namedCurve": "P-256"},
     False, ["verify"]]}, X(ASYM["ec_sig"]), MSG],
    ["sign", {"name": "ECDSA"}, {"$key": ["pkcs8", X(ASYM["ec_pkcs8"]), {"name": "ECDSA", "namedCurve": "P-256"},
     False, ["sign"]]}, MSG],
    # RSA-PSS
    ["importKey", "spki", X(ASYM["rsa_spki"]), {"name": "RSA-PSS", "hash": "SHA-256"}, False, ["verify"]],
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), {"name": "RSA-PSS", "hash": "SHA-256"}, False, ["sign"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_pub"], "alg": "PS256"}, {"name": "RSA-PSS", "hash": "SHA-256"}, False,
     ["verify"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_pub"], "kty": "EC"}, {"name": "RSA-PSS", "hash": "SHA-256"}, False,
     ["verify"]],
    *[["verify", {"name": "RSA-PSS", **({} if salt is None else {"saltLength": salt})},
       {"$key": ["spki", X(ASYM["rsa_spki"]), {"name": "RSA-PSS", "hash": "SHA-256"}, False, ["verify"]]},
       X(ASYM["pss_sig"]), MSG] for salt in (32, 20, 0, None, -1)],
    *[["sign", {"name": "RSA-PSS", **({} if salt is None else {"saltLength": salt})},
       {"$key": ["pkcs8", X(ASYM["rsa_pkcs8"]), {"name": "RSA-PSS", "hash": "SHA-256"}, False, ["sign"]]}, MSG]
      for salt in (None, -1, 223, 300)],
    # HKDF
    ["importKey", "raw", H("input key material"), "HKDF", False, ["deriveBits", "deriveKey"]],
    ["importKey", "raw", H("ikm"), "HKDF", True, ["deriveBits"]],
    ["importKey", "jwk", {"kty": "oct", "k": "aWtt"}, "HKDF", False, ["deriveBits"]],
    ["importKey", "raw", H("ikm"), "HKDF", False, ["sign"]],
    *[["deriveBits", {"name": "HKDF", "hash": h, "salt": H("salt"), "info": H("info")},
       {"$key": ["raw", H("input key material"), "HKDF", False, ["deriveBits"]]}, n]
      for h, n in (("SHA-256", 256), ("SHA-1", 160), ("SHA-512", 1024), ("SHA-256", 0), ("SHA-256", 12),
                   ("SHA-256", 255 * 256), ("SHA-256", 255 * 256 + 8))],
    ["deriveBits", {"name": "HKDF", "hash": "SHA-256", "salt": X(""), "info": X("")},
     {"$key": ["raw", H("ikm"), "HKDF", False, ["deriveBits"]]}, 128],
    *[["deriveBits", {k: v for k, v in {"name": "HKDF", "hash": "SHA-256", "salt": H("s"), "info": H("i")}.items()
                      if k != missing}, {"$key": ["raw", H("ikm"), "HKDF", False, ["deriveBits"]]}, 128]
      for missing in ("hash", "salt", "info")],
    ["deriveBits", {"name": "HKDF", "hash": "SHA-256", "salt": H("s"), "info": H("i")},
     {"$key": ["raw", H("ikm"), "HKDF", False, ["deriveBits"]]}, NULL],
    ["deriveKey", {"name": "HKDF", "hash": "SHA-256", "salt": H("s"), "info": H("i")},
     {"$key": ["raw", H("ikm"), "HKDF", False, ["deriveKey"]]}, {"name": "AES-GCM", "length": 128}, False, ["encrypt"]],
    ["deriveKey", {"name": "HKDF", "hash": "SHA-256", "salt": H("s"), "info": H("i")},
     {"$key": ["raw", H("ikm"), "HKDF", False, ["deriveKey"]]}, {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
]

# --- wrapKey / unwrapKey (crypto.c++): export then encrypt, decrypt then import -------------------
def _kw(plain: bytes) -> dict:
    from cryptography.hazmat.primitives.keywrap import aes_key_wrap

    return X(aes_key_wrap(AES_KEY, plain).hex())


WRAPPER = aes_key("AES-GCM", usages=("wrapKey", "unwrapKey"))
EXPORTABLE_HMAC = {"$key": ["raw", H(SECRET), {"name": "HMAC", "hash": "SHA-256"}, True, ["sign", "verify"]]}
HMAC_JWK_TEXT = json.dumps({"kty": "oct", "k": b64url(SECRET.encode()), "alg": "HS256"}).encode()

CASES += [
    ["wrapKey", "raw", EXPORTABLE_HMAC, WRAPPER, gcm()],
    ["wrapKey", "jwk", EXPORTABLE_HMAC, WRAPPER, gcm()],  # the JWK's JSON text, members in workerd's order
    ["wrapKey", "raw", aes_key("AES-CTR", 16, ("encrypt",), True), aes_key("AES-CBC", usages=("wrapKey",)), cbc()],
    ["wrapKey", "jwk", aes_key("AES-GCM", 24, ("decrypt", "encrypt"), True), aes_key("AES-CTR", usages=("wrapKey",)),
     ctr()],
    ["wrapKey", "raw", hmac_key(), WRAPPER, gcm()],  # not extractable
    ["wrapKey", "raw", EXPORTABLE_HMAC, aes_key("AES-GCM", usages=("unwrapKey",)), gcm()],
    ["wrapKey", "raw", EXPORTABLE_HMAC, WRAPPER, cbc()],
    ["wrapKey", "raw", EXPORTABLE_HMAC, WRAPPER, "AES-GCM"],
    ["wrapKey", "raw", EXPORTABLE_HMAC, WRAPPER, NULL],
    ["wrapKey", "raw", "not a key", WRAPPER, gcm()], ["wrapKey", "raw", EXPORTABLE_HMAC, "not a key", gcm()],
    ["wrapKey", "pkcs8", EXPORTABLE_HMAC, WRAPPER, gcm()], ["wrapKey", "spki", EXPORTABLE_HMAC, WRAPPER, gcm()],
    ["wrapKey", "raw", EXPORTABLE_HMAC, WRAPPER, {"name": "AES-GCM"}],
    ["unwrapKey", "raw", _gcm(SECRET.encode()), WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]],
    ["unwrapKey", "jwk", _gcm(HMAC_JWK_TEXT), WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256"}, False,
     ["sign", "verify"]],
    ["unwrapKey", "raw", _gcm(bytes(range(16))), WRAPPER, gcm(), "AES-CBC", True, ["encrypt", "decrypt"]],
    ["unwrapKey", "raw", _gcm(SECRET.encode()), WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256"}, True, []],
    ["unwrapKey", "raw", _gcm(SECRET.encode()), WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256"}, True, ["encrypt"]],
    ["unwrapKey", "raw", _gcm(bytes(15)), WRAPPER, gcm(), "AES-GCM", True, ["encrypt"]],
    ["unwrapKey", "jwk", _gcm(b"not json"), WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]],
    ["unwrapKey", "jwk", _gcm(b"5"), WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]],
    ["unwrapKey", "jwk", _gcm(b"{}"), WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]],
    *[["unwrapKey", "jwk", _gcm(text), WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]]
      for text in (b"[1]", b"null", b'"oct"', b'{"kty": null}', b'{"kty": "oct", "k": 5}')],
    ["unwrapKey", "jwk", _gcm(b"{}"), WRAPPER, gcm(), "AES-GCM", True, ["encrypt"]],
    ["importKey", "jwk", {"k": b64url(SECRET.encode())}, {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["unwrapKey", "raw", X("00" * 26), WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]],
    ["unwrapKey", "raw", "not bytes", WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]],
    ["unwrapKey", "raw", _gcm(SECRET.encode()), "not a key", gcm(), {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]],
    ["unwrapKey", "raw", _gcm(SECRET.encode()), aes_key("AES-GCM", usages=("wrapKey",)), gcm(),
     {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]],
    ["unwrapKey", "raw", _gcm(SECRET.encode()), WRAPPER, NULL, {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]],
    ["unwrapKey", "raw", _gcm(SECRET.encode()), WRAPPER, gcm(), NULL, True, ["sign"]],
    ["unwrapKey", "raw", _gcm(SECRET.encode()), WRAPPER, gcm(), {"name": "NOPE"}, True, ["sign"]],
    ["unwrapKey", "pkcs8", _gcm(SECRET.encode()), WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]],
    # AES-KW (RFC 3394): keys for wrapKey/unwrapKey alone
    ["importKey", "raw", X(AES_KEY.hex()), "AES-KW", True, ["unwrapKey", "wrapKey"]],
    ["importKey", "raw", X(AES_KEY[:16].hex()), "AES-KW", False, ["encrypt"]],
    ["importKey", "jwk", {**AES_JWK, "alg": "A256KW"}, "AES-KW", False, ["wrapKey"]],
    ["importKey", "jwk", {**AES_JWK, "alg": "A256GCM"}, "AES-KW", False, ["wrapKey"]],
    ["exportKey", "jwk", aes_key("AES-KW", 24, ("wrapKey",), True)],
    ["generateKey", {"name": "AES-KW", "length": 256}, True, ["encrypt"]],
    ["wrapKey", "raw", aes_key("AES-GCM", 16, ("encrypt",), True), aes_key("AES-KW", usages=("wrapKey",)), "AES-KW"],
    ["wrapKey", "raw", aes_key("AES-GCM", 32, ("encrypt",), True), aes_key("AES-KW", 16, ("wrapKey",)), "AES-KW"],
    ["wrapKey", "raw", EXPORTABLE_HMAC, aes_key("AES-KW", usages=("wrapKey",)), "AES-KW"],  # 80 bits
    ["wrapKey", "raw", {"$key": ["raw", X("00" * 8), {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]]},
     aes_key("AES-KW", usages=("wrapKey",)), "AES-KW"],  # 64 bits: under 16 bytes
    ["wrapKey", "jwk", aes_key("AES-GCM", 16, ("encrypt",), True), aes_key("AES-KW", usages=("wrapKey",)), "AES-KW"],
    ["wrapKey", "raw", aes_key("AES-GCM", 16, ("encrypt",), True), aes_key("AES-KW", usages=("wrapKey",)),
     {"name": "AES-KW"}],
    ["unwrapKey", "raw", _kw(AES_KEY[:16]), aes_key("AES-KW", usages=("unwrapKey",)), "AES-KW", "AES-GCM", True,
     ["encrypt", "decrypt"]],
    ["unwrapKey", "raw", X("00" * 24), aes_key("AES-KW", usages=("unwrapKey",)), "AES-KW", "AES-GCM", True,
     ["encrypt"]],
    ["unwrapKey", "raw", X("00" * 20), aes_key("AES-KW", usages=("unwrapKey",)), "AES-KW", "AES-GCM", True,
     ["encrypt"]],
    ["unwrapKey", "raw", X("00" * 16), aes_key("AES-KW", usages=("unwrapKey",)), "AES-KW", "AES-GCM", True,
     ["encrypt"]],
    ["encrypt", gcm(), aes_key("AES-KW", usages=("wrapKey",)), GCM_TEXT],
]


# JWK refusals the text audit pinned (mutaudit9): each member missing or not base64url, numbers
# that form no key
RSA_JWK_PRIV, EC_JWK_PRIV = ASYM["rsa_jwk_priv"], ASYM["ec_jwk_priv"]
EC256 = {"name": "ECDSA", "namedCurve": "P-256"}
NO_KEY_JWKS = ({**ASYM["rsa_jwk_pub"], "d": "AQ"}, {**RSA_JWK_PRIV, "qi": "Ag"})
NO_KEY = ("RSA JWK numbers that form no key: workerd imports them and sign fails with 'Error: internal error; "
          "reference = ...'; the cryptography package holds no such key, so workers-env refuses them at import "
          "(DataError)")
ED_X = b64url(bytes.fromhex(ED_PUBLIC))
CASES += [
    ["importKey", "jwk", {k: v for k, v in ASYM["rsa_jwk_pub"].items() if k != "e"}, RS256, False, ["verify"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_pub"], "n": "!!!"}, RS256, False, ["verify"]],
    ["importKey", "jwk", {**RSA_JWK_PRIV, "d": "!!!"}, RS256, False, ["sign"]],
    *[["importKey", "jwk", {**RSA_JWK_PRIV, f: "!!!"}, RS256, False, ["sign"]] for f in ("p", "q", "dp", "dq", "qi")],
    ["importKey", "jwk", {**RSA_JWK_PRIV, "oth": [{"r": "AQ", "d": "AQ", "t": "AQ"}]}, RS256, False, ["sign"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_pub"], "oth": [{"r": "AQ"}]}, RS256, False, ["verify"]],
    *[{"call": ["importKey", "jwk", jwk, RS256, False, ["sign"]], "expected": NO_KEY} for jwk in NO_KEY_JWKS],
    *[{"call": ["sign", "RSASSA-PKCS1-v1_5", {"$key": ["jwk", jwk, RS256, False, ["sign"]]}, MSG], "expected": NO_KEY}
      for jwk in NO_KEY_JWKS],
    ["importKey", "jwk", {**RSA_JWK_PRIV, "use": "enc"}, RS256, False, ["sign"]],
    ["importKey", "jwk", {**RSA_JWK_PRIV, "key_ops": ["verify"]}, RS256, False, ["sign"]],
    ["importKey", "jwk", {k: v for k, v in ASYM["ec_jwk_pub"].items() if k != "x"}, EC256, False, ["verify"]],
    ["importKey", "jwk", {**ASYM["ec_jwk_pub"], "x": "!!!"}, EC256, False, ["verify"]],
    ["importKey", "jwk", {**EC_JWK_PRIV, "d": "!!!"}, EC256, False, ["sign"]],
    ["importKey", "jwk", {**EC_JWK_PRIV, "d": b64url(b"\xff" * 32)}, EC256, False, ["sign"]],
    ["importKey", "jwk", {**EC_JWK_PRIV, "d": b64url(bytes(32))}, EC256, False, ["sign"]],
    ["importKey", "jwk", {**EC_JWK_PRIV, "d": ASYM["ec_other_d"]}, EC256, False, ["sign"]],
    ["importKey", "jwk", {**ASYM["ec_jwk_pub"], "kty": "RSA"}, EC256, False, ["verify"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "Ed25519"}, "Ed25519", False, ["verify"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "Ed25519", "x": "!!!"}, "Ed25519", False, ["verify"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "Ed25519", "x": ED_X, "d": "!!!"}, "Ed25519", False, ["sign"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "Ed25519", "x": ED_X, "use": "enc"}, "Ed25519", False, ["verify"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "Ed25519", "x": ED_X, "key_ops": ["verify", "verify"]}, "Ed25519",
     False, ["verify"]],
    ["importKey", "jwk", {"kty": "oct"}, {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["importKey", "jwk", {**AES_JWK, "key_ops": ["encrypt", "decrypt", "encrypt"]}, "AES-CBC", False, ["encrypt"]],
    ["exportKey", "pkcs8", aes_key("AES-CTR", extractable=True)],
    ["encrypt", {"name": "AES-CBC"}, aes_key("AES-CBC"), GCM_TEXT],
    ["decrypt", {"name": "AES-CBC"}, aes_key("AES-CBC"), X("00" * 16)],
    ["deriveBits", pbkdf2(iterations=None), PBKDF2_KEY, 128],
    ["deriveBits", pbkdf2("SHA-512"), PBKDF2_KEY, 255 * 512 + 8],
    ["importKey", "spki", X(ASYM["ed_spki"]), EC256, False, ["verify"]],
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), EC256, False, ["sign"]],
]

# --- review40: wrapping asymmetric keys in every format, AES-KW lengths, bad unwraps -----------------
ECDSA256 = {"name": "ECDSA", "namedCurve": "P-256"}
EC_PRIV_X = {"$key": ["pkcs8", X(ASYM["ec_pkcs8"]), ECDSA256, True, ["sign"]]}
EC_PUB_X = {"$key": ["spki", X(ASYM["ec_spki"]), ECDSA256, True, ["verify"]]}
RSA_PRIV_X = {"$key": ["pkcs8", X(ASYM["rsa_pkcs8"]), RS256, True, ["sign"]]}
RSA_PUB_X = {"$key": ["spki", X(ASYM["rsa_spki"]), RS256, True, ["verify"]]}
ED_PRIV_X = {"$key": ["pkcs8", X(ASYM["ed_pkcs8"]), "Ed25519", True, ["sign"]]}
ED_PUB_X = {"$key": ["spki", X(ASYM["ed_spki"]), "Ed25519", True, ["verify"]]}
KW_WRAP = aes_key("AES-KW", usages=("wrapKey",))
KW_UNWRAP = aes_key("AES-KW", usages=("unwrapKey",))


def _tampered(data: dict) -> dict:
    raw = bytearray.fromhex(data["$hex"])
    raw[-1] ^= 1
    return X(raw.hex())


CASES += [
    *[["wrapKey", fmt, key, WRAPPER, gcm()] for fmt, key in (
        ("pkcs8", EC_PRIV_X), ("spki", EC_PUB_X), ("raw", EC_PUB_X), ("jwk", EC_PRIV_X), ("jwk", EC_PUB_X),
        ("raw", EC_PRIV_X), ("pkcs8", EC_PUB_X), ("spki", RSA_PUB_X), ("jwk", RSA_PUB_X), ("raw", RSA_PUB_X),
        ("pkcs8", ED_PRIV_X), ("spki", ED_PUB_X), ("raw", ED_PUB_X), ("jwk", ED_PRIV_X), ("jwk", ED_PUB_X),
        ("raw", ED_PRIV_X))],
    ["wrapKey", "pkcs8", EC_PRIV_X, KW_WRAP, "AES-KW"],  # pkcs8 of P-256: 138 bytes, no multiple of 8
    ["wrapKey", "raw", ED_PUB_X, KW_WRAP, "AES-KW"],  # 32 bytes
    ["wrapKey", "pkcs8", ED_PRIV_X, KW_WRAP, "AES-KW"],  # 48 bytes
    ["wrapKey", "jwk", ED_PUB_X, KW_WRAP, "AES-KW"],
    ["wrapKey", "raw", EXPORTABLE_HMAC, KW_WRAP, "AES-GCM"],
    ["wrapKey", "raw", aes_key("AES-GCM", 16, ("encrypt",), True), KW_UNWRAP, "AES-KW"],
    ["wrapKey", "raw", aes_key("AES-KW", 16, ("wrapKey",), True), KW_WRAP, "AES-KW"],
    ["unwrapKey", "pkcs8", _gcm(bytes.fromhex(ASYM["ec_pkcs8"])), WRAPPER, gcm(), ECDSA256, False, ["sign"]],
    ["unwrapKey", "pkcs8", _gcm(bytes.fromhex(ASYM["ec_pkcs8"])), WRAPPER, gcm(), ECDSA256, True, ["verify"]],
    ["unwrapKey", "pkcs8", _gcm(bytes.fromhex(ASYM["ec_pkcs8"])), WRAPPER, gcm(), "ECDSA", True, ["sign"]],
    ["unwrapKey", "pkcs8", _gcm(bytes.fromhex(ASYM["ec_pkcs8"])), WRAPPER, gcm(),
     {"name": "ECDSA", "namedCurve": "P-384"}, True, ["sign"]],
    {"call": ["unwrapKey", "pkcs8", _gcm(bytes.fromhex(ASYM["ec_pkcs8"])), WRAPPER, gcm(), "Ed25519", True, ["sign"]],
     "expected": WRONG_TYPE},
    ["unwrapKey", "spki", _gcm(bytes.fromhex(ASYM["ed_spki"])), WRAPPER, gcm(), "Ed25519", False, ["verify"]],
    ["unwrapKey", "pkcs8", _gcm(bytes.fromhex(ASYM["rsa_pkcs8"])), WRAPPER, gcm(), RS256, True, ["sign"]],
    ["unwrapKey", "jwk", _gcm(json.dumps(ASYM["ec_jwk_priv"]).encode()), WRAPPER, gcm(), ECDSA256, True, ["sign"]],
    ["unwrapKey", "jwk", _gcm(json.dumps(ASYM["ec_jwk_pub"]).encode()), WRAPPER, gcm(), ECDSA256, True, ["sign"]],
    ["unwrapKey", "raw", _tampered(_gcm(SECRET.encode())), WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256"},
     True, ["sign"]],
    ["unwrapKey", "raw", _gcm(SECRET.encode()), aes_key("AES-GCM", 16, ("unwrapKey",)), gcm(),
     {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]],
    ["unwrapKey", "raw", _gcm(SECRET.encode()), WRAPPER, gcm(), "HMAC", True, ["sign"]],
    ["unwrapKey", "raw", _gcm(SECRET.encode()), WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256", "length": 80},
     False, ["sign"]],
    ["unwrapKey", "raw", _gcm(SECRET.encode()), WRAPPER, gcm(), {"name": "HMAC", "hash": "SHA-256", "length": 72},
     False, ["sign"]],
    ["unwrapKey", "raw", _gcm(bytes(range(16))), WRAPPER, gcm(), "AES-KW", False, ["wrapKey", "unwrapKey"]],
    ["unwrapKey", "raw", _gcm(bytes(range(16))), WRAPPER, gcm(), "AES-KW", False, ["encrypt"]],
    ["unwrapKey", "raw", _gcm(bytes(range(16))), WRAPPER, gcm(), {"name": "AES-GCM", "length": 256}, False,
     ["encrypt"]],
    ["unwrapKey", "raw", _kw(AES_KEY[:16]), aes_key("AES-KW", 16, ("unwrapKey",)), "AES-KW", "AES-GCM", True,
     ["encrypt"]],
    ["unwrapKey", "raw", _tampered(_kw(AES_KEY[:16])), KW_UNWRAP, "AES-KW", "AES-GCM", True, ["encrypt"]],
    ["unwrapKey", "raw", _kw(AES_KEY[:16]), KW_UNWRAP, {"name": "AES-KW"}, "AES-GCM", False, ["encrypt"]],
    ["unwrapKey", "raw", _kw(AES_KEY[:16]), KW_UNWRAP, "AES-KW", "AES-GCM", True, ["sign"]],
    ["unwrapKey", "raw", _kw(AES_KEY[:16]), aes_key("AES-KW", usages=("wrapKey",)), "AES-KW", "AES-GCM", True,
     ["encrypt"]],
    ["unwrapKey", "raw", _kw(bytes(range(24))), KW_UNWRAP, "AES-KW", {"name": "HMAC", "hash": "SHA-1"}, True,
     ["sign"]],
    ["unwrapKey", "raw", _kw(AES_KEY[:16]), KW_UNWRAP, "AES-GCM", "AES-GCM", True, ["encrypt"]],
    ["unwrapKey", "raw", X("00" * 23), KW_UNWRAP, "AES-KW", "AES-GCM", True, ["encrypt"]],
    ["unwrapKey", "raw", X("00" * 8), KW_UNWRAP, "AES-KW", "AES-GCM", True, ["encrypt"]],
]



# --- crypto38: asymmetric exportKey in every format, RSA-OAEP ------------------------------------
def _oaep(plain: bytes, hash_="SHA-256", label: bytes | None = None) -> dict:
    """``plain`` encrypted with the run's RSA key by the cryptography package (OAEP, ``hash_``
    for the digest and MGF1): what workerd's decrypt must read back."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding

    digest = getattr(hashes, hash_.replace("-", ""))()
    public = serialization.load_der_private_key(bytes.fromhex(ASYM["rsa_pkcs8"]), None).public_key()
    return X(public.encrypt(plain, padding.OAEP(mgf=padding.MGF1(digest), algorithm=digest, label=label)).hex())


def oaep_key(kind="private", hash_="SHA-256", usages=None, extractable=False, fmt=None) -> dict:
    usages = usages or (["decrypt", "unwrapKey"] if kind == "private" else ["encrypt", "wrapKey"])
    fmt = fmt or ("pkcs8" if kind == "private" else "spki")
    data = {"pkcs8": X(ASYM["rsa_pkcs8"]), "spki": X(ASYM["rsa_spki"]), "jwk": ASYM["rsa_jwk_priv" if kind == "private" else "rsa_jwk_pub"]}[fmt]
    return {"$key": [fmt, data, {"name": "RSA-OAEP", "hash": hash_}, extractable, usages]}


def ext(fmt, data, algorithm, usages) -> dict:  # an extractable imported key
    return {"$key": [fmt, data, algorithm, True, usages]}


OAEP = {"name": "RSA-OAEP"}
OAEP_256 = {"name": "RSA-OAEP", "hash": "SHA-256"}
RSA_PSS_PRIV_X = ext("pkcs8", X(ASYM["rsa_pkcs8"]), {"name": "RSA-PSS", "hash": "SHA-384"}, ["sign"])
EC384_PRIV_X = ext("pkcs8", X(ASYM["ec384_pkcs8"]), {"name": "ECDSA", "namedCurve": "P-384"}, ["sign"])
EC521_PRIV_X = ext("pkcs8", X(ASYM["ec521_pkcs8"]), {"name": "ECDSA", "namedCurve": "P-521"}, ["sign"])
ASYMMETRIC_KEYS = (EC_PRIV_X, EC_PUB_X, RSA_PRIV_X, RSA_PUB_X, ED_PRIV_X, ED_PUB_X, RSA_PSS_PRIV_X, EC384_PRIV_X,
                   EC521_PRIV_X, oaep_key(extractable=True), oaep_key("public", extractable=True))

CASES += [
    # every asymmetric key in every format: byte for byte, or workerd's refusal
    *[["exportKey", fmt, key] for key in ASYMMETRIC_KEYS for fmt in ("pkcs8", "spki", "jwk", "raw", "pem")],
    ["exportKey", "raw-public", EC_PUB_X], ["exportKey", "spki", RSA_PUB], ["exportKey", "jwk", ED_PRIV],
    ["exportKey", NULL, EC_PUB_X], ["exportKey", 5, RSA_PUB_X], ["exportKey", NULL, aes_key(extractable=True)],
    ["exportKey", True, EXPORTABLE_HMAC], ["importKey", NULL, H(SECRET), {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["importKey", True, X(ASYM["ec_spki"]), ECDSA256, False, ["verify"]],
    ["exportKey", "jwk", {"$key": ["spki", X(ASYM["ec_spki"]), ECDSA256, False, ["verify"]]}],
    # keys imported from a JWK or raw bytes, exported again
    ["exportKey", "jwk", ext("jwk", ASYM["ec_jwk_priv"], ECDSA256, ["sign"])],
    ["exportKey", "pkcs8", ext("jwk", ASYM["ec_jwk_priv"], ECDSA256, ["sign"])],
    ["exportKey", "spki", ext("jwk", ASYM["ec_jwk_pub"], ECDSA256, ["verify"])],
    ["exportKey", "jwk", ext("raw", X(ASYM["ec_raw"]), ECDSA256, ["verify"])],
    ["exportKey", "raw", ext("jwk", ASYM["ec_jwk_pub"], ECDSA256, [])],
    ["exportKey", "jwk", ext("jwk", RSA_JWK_PRIV, RS256, ["sign"])],
    ["exportKey", "pkcs8", ext("jwk", RSA_JWK_PRIV, RS256, ["sign"])],
    ["exportKey", "jwk", ext("jwk", {**ASYM["rsa_jwk_pub"], "alg": "RS256", "ext": True, "key_ops": ["verify"]}, RS256,
                             ["verify"])],
    ["exportKey", "jwk", ext("spki", X(ASYM["rsa_spki"]), RS256, [])],
    *[["exportKey", "jwk", ext("spki", X(ASYM["rsa_spki"]), {"name": name, "hash": h}, [])]
      for name in ("RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP") for h in ("SHA-1", "SHA-512")],
    ["exportKey", "jwk", ext("spki", X(ASYM["rsa_spki"]), {"name": "RSASSA-PKCS1-v1_5", "hash": "MD5"}, [])],
    ["exportKey", "jwk", ext("raw", X(ED_PUBLIC), "Ed25519", ["verify"])],
    ["exportKey", "spki", ext("raw", X(ED_PUBLIC), "Ed25519", ["verify"])],
    ["exportKey", "raw", ext("jwk", {"kty": "OKP", "crv": "Ed25519", "x": ED_X}, "Ed25519", ["verify"])],
    ["exportKey", "jwk", ext("spki", X(ASYM["ed_spki"]), "Ed25519", [])],
    ["exportKey", "jwk", oaep_key(usages=["unwrapKey", "decrypt"], extractable=True)],
    # a JWK's JSON text, its members in workerd's order, byte for byte
    *[["wrapKey", "jwk", key, WRAPPER, gcm()] for key in (RSA_PRIV_X, RSA_PSS_PRIV_X, EC521_PRIV_X,
                                                          oaep_key(extractable=True))],
    # RSA-OAEP imports
    *[["importKey", fmt, data, {"name": "RSA-OAEP", "hash": h}, False, usages] for fmt, data, usages in (
        ("spki", X(ASYM["rsa_spki"]), ["encrypt", "wrapKey"]), ("pkcs8", X(ASYM["rsa_pkcs8"]), ["decrypt"]),
        ("jwk", ASYM["rsa_jwk_pub"], ["wrapKey"]), ("jwk", RSA_JWK_PRIV, ["unwrapKey", "decrypt"]))
      for h in ("SHA-1", "SHA-256")],
    ["importKey", "spki", X(ASYM["rsa_spki"]), {"name": "RSA-OAEP", "hash": "SHA-256"}, False, ["decrypt"]],
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), {"name": "RSA-OAEP", "hash": "SHA-256"}, False, ["encrypt"]],
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), {"name": "RSA-OAEP", "hash": "SHA-256"}, False, ["sign"]],
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), {"name": "RSA-OAEP", "hash": "SHA-256"}, False, []],
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), {"name": "rsa-oaep", "hash": "sha-384"}, True, ["decrypt"]],
    ["importKey", "spki", X(ASYM["rsa_spki"]), {"name": "RSA-OAEP"}, False, ["encrypt"]],
    # one DER element, nothing after it
    ["importKey", "spki", X(ASYM["ec_spki"] + "00"), ECDSA256, False, ["verify"]],
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"] + "0000"), OAEP_256, False, ["decrypt"]],
    ["importKey", "spki", X(ASYM["x_spki"] + ASYM["x_spki"]), "X25519", False, []],
    ["importKey", "spki", X(ASYM["ec_spki"][:-2]), ECDSA256, False, ["verify"]],
    ["importKey", "pkcs8", X("30"), OAEP_256, False, ["decrypt"]],
    ["importKey", "pkcs8", X("3084ffffffff00"), OAEP_256, False, ["decrypt"]],
    # rsa.c++'s validateRsaParams on import (strict_crypto_checks)
    *[["importKey", "jwk", {"kty": "RSA", "n": b64url(n.to_bytes((n.bit_length() + 7) // 8, "big")),
                            "e": b64url(e.to_bytes((e.bit_length() + 7) // 8, "big"))}, OAEP_256, False, ["encrypt"]]
      for n, e in (((1 << 247) | 1, 65537), ((1 << 255) | 1, 65537), ((1 << 1019) | 1, 65537),
                   ((1 << 16383) | 1, 3), ((1 << 16391) | 1, 3), ((1 << 2047) | 1, 17), ((1 << 2047) | 1, 37),
                   ((1 << 2047) | 1, 5), ((1 << 2047) | 1, (1 << 32) - 1), ((1 << 2047) | 1, (1 << 32) + 1))],
    ["importKey", "jwk", {"kty": "RSA", "n": b64url(((1 << 2047) | 1).to_bytes(256, "big")), "e": "AAEAAQ"}, RS256,
     False, ["verify"]],
    ["importKey", "raw", X(ASYM["rsa_spki"]), {"name": "RSA-OAEP", "hash": "SHA-256"}, False, ["encrypt"]],
    ["importKey", "spki", X(ASYM["ec_spki"]), {"name": "RSA-OAEP", "hash": "SHA-256"}, False, ["encrypt"]],
    *[["importKey", "jwk", jwk, {"name": "RSA-OAEP", "hash": "SHA-256"}, False, usages] for jwk, usages in (
        ({**ASYM["rsa_jwk_pub"], "alg": "RSA-OAEP-256"}, ["encrypt"]),
        ({**ASYM["rsa_jwk_pub"], "alg": "RSA-OAEP"}, ["encrypt"]),
        ({**ASYM["rsa_jwk_pub"], "alg": "RS256"}, ["encrypt"]),
        ({**ASYM["rsa_jwk_pub"], "alg": "A256KW"}, ["encrypt"]),
        ({**ASYM["rsa_jwk_pub"], "use": "enc"}, ["encrypt"]),
        ({**ASYM["rsa_jwk_pub"], "use": "sig"}, ["encrypt"]),
        ({**ASYM["rsa_jwk_pub"], "use": "sig", "key_ops": ["encrypt"]}, []),
        ({**ASYM["rsa_jwk_pub"], "use": "enc", "key_ops": ["encrypt", "verify"]}, ["encrypt"]),
        ({**ASYM["rsa_jwk_pub"], "use": "enc", "key_ops": ["wrapKey", "encrypt"]}, ["encrypt", "wrapKey"]),
        ({**ASYM["rsa_jwk_pub"], "key_ops": ["encrypt"]}, ["encrypt", "wrapKey"]),
        ({**RSA_JWK_PRIV, "use": "enc", "key_ops": ["decrypt"]}, ["decrypt"]),
        ({**ASYM["rsa_jwk_pub"], "kty": "EC"}, ["encrypt"]))],
    ["importKey", "jwk", {**ASYM["ec_jwk_pub"], "use": "sig", "key_ops": ["verify", "sign", "encrypt"]}, ECDSA256,
     False, ["verify"]],
    # RSA-OAEP decrypt: the cryptography package's ciphertexts, read back by workerd
    ["decrypt", OAEP, oaep_key(), _oaep(b"attack at dawn")],
    ["decrypt", {"name": "rsa-oaep"}, oaep_key(hash_="SHA-1"), _oaep(b"attack at dawn", "SHA-1")],
    ["decrypt", OAEP, oaep_key(hash_="SHA-512"), _oaep(b"", "SHA-512")],
    ["decrypt", {"name": "RSA-OAEP", "label": H("label")}, oaep_key(), _oaep(b"with a label", label=b"label")],
    ["decrypt", {"name": "RSA-OAEP", "label": X("")}, oaep_key(), _oaep(b"empty label")],
    ["decrypt", OAEP, oaep_key(), _oaep(b"with a label", label=b"label")],
    ["decrypt", {"name": "RSA-OAEP", "label": H("other")}, oaep_key(), _oaep(b"with a label", label=b"label")],
    ["decrypt", OAEP, oaep_key(hash_="SHA-1"), _oaep(b"attack at dawn")],
    ["decrypt", OAEP, oaep_key(), X("00" * 256)], ["decrypt", OAEP, oaep_key(), X("00" * 16)],
    ["decrypt", OAEP, oaep_key(), X("00" * 257)], ["decrypt", OAEP, oaep_key(), X("ff" * 256)],
    ["decrypt", OAEP, oaep_key(), X("")],
    ["decrypt", OAEP, oaep_key(fmt="jwk"), _oaep(b"from a JWK")],
    ["decrypt", {"name": "RSA-OAEP", "label": "text"}, oaep_key(), _oaep(b"x")],
    ["decrypt", OAEP, oaep_key(usages=["unwrapKey"]), _oaep(b"x")],
    ["decrypt", "AES-GCM", oaep_key(), _oaep(b"x")],
    ["decrypt", OAEP, aes_key("AES-GCM"), _oaep(b"x")],
    # RSA-OAEP encrypt: a random result, compared by its length
    ["encrypt", OAEP, oaep_key("public"), H("attack at dawn")],
    ["encrypt", {"name": "RSA-OAEP", "label": H("label")}, oaep_key("public", "SHA-1"), X("")],
    ["encrypt", OAEP, oaep_key("public"), X("00" * 190)],  # 256 - 2 * 32 - 2: the most SHA-256 takes
    ["encrypt", OAEP, oaep_key("public"), X("00" * 191)],
    ["encrypt", OAEP, oaep_key("public", "SHA-512"), X("00" * 127)],
    ["encrypt", OAEP, oaep_key("public", usages=["wrapKey"]), H("x")],
    ["encrypt", OAEP, oaep_key("public", fmt="jwk"), H("x")],
    ["sign", OAEP, oaep_key(), MSG],
    # RSA-OAEP key wrapping
    ["wrapKey", "raw", aes_key("AES-GCM", 16, ("encrypt",), True), oaep_key("public"), OAEP],
    ["wrapKey", "jwk", EXPORTABLE_HMAC, oaep_key("public"), {"name": "RSA-OAEP", "label": H("l")}],
    ["wrapKey", "jwk", EC_PRIV_X, oaep_key("public"), OAEP],  # too long for one OAEP block
    ["wrapKey", "raw", ED_PUB_X, oaep_key("public"), OAEP],
    ["wrapKey", "raw", aes_key("AES-GCM", 16, ("encrypt",), True), oaep_key("public", usages=["encrypt"]), OAEP],
    ["wrapKey", "raw", aes_key("AES-GCM", 16, ("encrypt",), True), oaep_key("public"), "AES-GCM"],
    ["unwrapKey", "raw", _oaep(AES_KEY[:16]), oaep_key(), OAEP, "AES-GCM", True, ["encrypt"]],
    ["unwrapKey", "jwk", _oaep(HMAC_JWK_TEXT), oaep_key(), OAEP, {"name": "HMAC", "hash": "SHA-256"}, False,
     ["sign"]],
    ["unwrapKey", "raw", _oaep(SECRET.encode(), label=b"l"), oaep_key(), {"name": "RSA-OAEP", "label": H("l")},
     {"name": "HMAC", "hash": "SHA-256"}, True, ["sign"]],
    ["unwrapKey", "raw", _oaep(SECRET.encode(), label=b"l"), oaep_key(), OAEP, {"name": "HMAC", "hash": "SHA-256"},
     True, ["sign"]],
    ["unwrapKey", "raw", _oaep(AES_KEY[:16]), oaep_key(usages=["decrypt"]), OAEP, "AES-GCM", True, ["encrypt"]],
    ["unwrapKey", "spki", _gcm(bytes.fromhex(ASYM["rsa_spki"])), WRAPPER, gcm(), {"name": "RSA-OAEP", "hash": "SHA-256"},
     True, ["encrypt"]],
]


# --- crypto38: ECDH and X25519 keys: imported and exported (deriving bits with them is not emulated)
ECDH256 = {"name": "ECDH", "namedCurve": "P-256"}
DERIVE = ["deriveBits", "deriveKey"]
X_JWK_PUB = {"kty": "OKP", "crv": "X25519", "x": b64url(bytes.fromhex(ASYM["x_raw"]))}
X_JWK_PRIV = {**X_JWK_PUB, "d": ASYM["x_d"]}
ECDH_KEYS = (ext("pkcs8", X(ASYM["ec_pkcs8"]), ECDH256, DERIVE), ext("spki", X(ASYM["ec_spki"]), ECDH256, []),
             ext("jwk", EC_JWK_PRIV, ECDH256, ["deriveBits"]), ext("raw", X(ASYM["ec_raw"]), ECDH256, []),
             ext("pkcs8", X(ASYM["x_pkcs8"]), "X25519", DERIVE), ext("spki", X(ASYM["x_spki"]), "X25519", []),
             ext("jwk", X_JWK_PRIV, "X25519", ["deriveKey"]), ext("raw", X(ASYM["x_raw"]), "X25519", []))
CASES += [
    *[["exportKey", fmt, key] for key in ECDH_KEYS for fmt in ("pkcs8", "spki", "jwk", "raw")],
    *[["importKey", fmt, data, ECDH256, False, usages] for fmt, data, usages in (
        ("pkcs8", X(ASYM["ec_pkcs8"]), ["deriveBits"]), ("pkcs8", X(ASYM["ec_pkcs8"]), ["sign"]),
        ("pkcs8", X(ASYM["ec_pkcs8"]), []), ("spki", X(ASYM["ec_spki"]), ["deriveBits"]),
        ("raw", X(ASYM["ec_raw"]), ["deriveKey"]), ("raw", X(ASYM["ec_raw"][:-2]), []),
        ("jwk", ASYM["ec_jwk_pub"], ["deriveBits"]), ("jwk", {**ASYM["ec_jwk_pub"], "alg": "ES384"}, []),
        ("jwk", {**EC_JWK_PRIV, "alg": "nonsense"}, ["deriveBits"]),
        ("jwk", {**ASYM["ec_jwk_pub"], "use": "sig"}, []), ("jwk", {**EC_JWK_PRIV, "use": "sig"}, ["deriveBits"]),
        ("jwk", {**EC_JWK_PRIV, "use": "enc", "key_ops": ["deriveBits"]}, ["deriveBits"]),
        ("jwk", {**EC_JWK_PRIV, "key_ops": ["deriveKey"]}, ["deriveBits"]),
        ("spki", X(ASYM["ec384_spki"]), []), ("spki", X(ASYM["rsa_spki"]), []), ("spki", X(ASYM["x_spki"]), []))],
    ["importKey", "spki", X(ASYM["ec_spki"]), {"name": "ECDH"}, False, []],
    ["importKey", "spki", X(ASYM["ec_spki"]), {"name": "ecdh", "namedCurve": "p-256"}, True, []],
    *[["importKey", fmt, data, "X25519", False, usages] for fmt, data, usages in (
        ("pkcs8", X(ASYM["x_pkcs8"]), ["deriveKey", "deriveBits"]), ("pkcs8", X(ASYM["x_pkcs8"]), ["encrypt"]),
        ("spki", X(ASYM["x_spki"]), ["deriveBits"]), ("raw", X(ASYM["x_raw"]), ["deriveBits"]),
        ("raw", X(ASYM["x_raw"][:-2]), []), ("jwk", X_JWK_PUB, ["deriveBits"]),
        ("jwk", {**X_JWK_PUB, "crv": "Ed25519"}, []), ("jwk", {**X_JWK_PUB, "kty": "EC"}, []),
        ("jwk", {"kty": "OKP", "x": X_JWK_PUB["x"]}, []), ("jwk", {**X_JWK_PUB, "alg": "EdDSA"}, []),
        ("jwk", {**X_JWK_PUB, "x": "AAAA"}, []), ("jwk", {**X_JWK_PRIV, "d": "AAAA"}, ["deriveBits"]),
        ("jwk", {**X_JWK_PUB, "use": "enc", "key_ops": ["deriveBits"]}, []))],
    ["deriveBits", {"name": "ECDH", "public": ECDH_KEYS[1]}, ECDH_KEYS[1], 128],
    ["exportKey", "spki", {"$key": ["spki", X(ASYM["x_spki"]), "X25519", False, []]}],
    ["wrapKey", "jwk", ECDH_KEYS[0], WRAPPER, gcm()], ["wrapKey", "jwk", ECDH_KEYS[4], WRAPPER, gcm()],
    ["wrapKey", "raw", ECDH_KEYS[7], KW_WRAP, "AES-KW"],
    ["unwrapKey", "pkcs8", _gcm(bytes.fromhex(ASYM["x_pkcs8"])), WRAPPER, gcm(), "X25519", True, ["deriveBits"]],
    {"call": ["importKey", "spki", X(ASYM["ed_spki"]), "X25519", False, []],
     "expected": WRONG_TYPE.replace("an RSA key under the name Ed25519", "an Ed25519 key under the name X25519")},
]


# --- crypto39: ECDH and X25519 deriveBits/deriveKey; generated key pairs; NODE-ED25519; RSA-RAW ----
def agree(fmt, data, algorithm, usages=DERIVE) -> dict:  # a key-agreement key, not extractable
    return {"$key": [fmt, data, algorithm, False, usages]}


ECDH384 = {"name": "ECDH", "namedCurve": "P-384"}
NODE_ED = {"name": "NODE-ED25519", "namedCurve": "NODE-ED25519"}
ECDH521 = {"name": "ECDH", "namedCurve": "P-521"}
EC_PRIV, EC_PUB = agree("pkcs8", X(ASYM["ec_pkcs8"]), ECDH256), agree("spki", X(ASYM["ec_spki"]), ECDH256, [])
EC2_PRIV, EC2_PUB = agree("pkcs8", X(ASYM["ec2_pkcs8"]), ECDH256), agree("spki", X(ASYM["ec2_spki"]), ECDH256, [])
X_PRIV, X_PUB = agree("pkcs8", X(ASYM["x_pkcs8"]), "X25519"), agree("spki", X(ASYM["x_spki"]), "X25519", [])
X2_PRIV, X2_PUB = agree("pkcs8", X(ASYM["x2_pkcs8"]), "X25519"), agree("spki", X(ASYM["x2_spki"]), "X25519", [])
EC384_PUB = agree("spki", X(ASYM["ec384_spki"]), ECDH384, [])
EC521_PRIV, EC521_PUB = agree("pkcs8", X(ASYM["ec521_pkcs8"]), ECDH521), agree("spki", X(ASYM["ec521_spki"]), ECDH521, [])
ECDSA_PUB = {"$key": ["spki", X(ASYM["ec2_spki"]), {"name": "ECDSA", "namedCurve": "P-256"}, False, ["verify"]]}
ED_PUB = {"$key": ["spki", X(ASYM["ed_spki"]), "Ed25519", False, ["verify"]]}
OAEP_PUB = {"$key": ["spki", X(ASYM["rsa_spki"]), OAEP_256, False, ["encrypt"]]}


def ecdh(public, name="ECDH") -> dict:
    return {"name": name, "public": public}


def rsa_gen(name="RSASSA-PKCS1-v1_5", bits=1024, exponent="010001", hash_="SHA-256") -> dict:
    algo = {"name": name, "modulusLength": bits, "publicExponent": None if exponent is None else X(exponent),
            "hash": hash_}
    return {k: v for k, v in algo.items() if v is not None}


RSA_RAW = {"name": "RSA-RAW"}
RAW_PRIV = {"$key": ["pkcs8", X(ASYM["rsa_pkcs8"]), RSA_RAW, True, ["sign"]]}
CASES += [
    # ECDH deriveBits: the same secret both ways, byte-exact; lengths; the public key's checks
    ["deriveBits", ecdh(EC2_PUB), EC_PRIV, 256], ["deriveBits", ecdh(EC_PUB), EC2_PRIV, 256],
    ["deriveBits", ecdh(EC_PUB), EC_PRIV, 256],
    *[["deriveBits", ecdh(EC2_PUB), EC_PRIV, n] for n in (NULL, 0, 8, 12, 255, 264, -8, 1.5)],
    ["deriveBits", ecdh(EC2_PUB), EC_PRIV],
    ["deriveBits", {"name": "ecdh", "public": EC2_PUB}, EC_PRIV, 128],
    ["deriveBits", {"name": "ECDH"}, EC_PRIV, 128], ["deriveBits", ecdh("text"), EC_PRIV, 128],
    ["deriveBits", ecdh({"type": "public"}), EC_PRIV, 128], ["deriveBits", ecdh(NULL), EC_PRIV, 128],
    ["deriveBits", ecdh(EC2_PRIV), EC_PRIV, 128], ["deriveBits", ecdh(ECDSA_PUB), EC_PRIV, 128],
    ["deriveBits", ecdh(X_PUB), EC_PRIV, 128], ["deriveBits", ecdh(EC384_PUB), EC_PRIV, 128],
    ["deriveBits", ecdh(OAEP_PUB), EC_PRIV, 128], ["deriveBits", ecdh(hmac_key()), EC_PRIV, 128],
    ["deriveBits", ecdh(ED_PUB), EC_PRIV, 128],
    ["deriveBits", ecdh(EC2_PUB), EC_PUB, 128], ["deriveBits", ecdh(EC2_PUB, "X25519"), EC_PRIV, 128],
    ["deriveBits", ecdh(EC2_PUB), agree("pkcs8", X(ASYM["ec_pkcs8"]), ECDH256, ["deriveKey"]), 128],
    ["deriveBits", ecdh(EC_PUB), agree("jwk", EC_JWK_PRIV, ECDH256, ["deriveBits"]), NULL],
    ["deriveBits", ecdh(agree("raw", X(ASYM["ec_raw"]), ECDH256, [])), EC2_PRIV, NULL],
    ["deriveBits", ecdh(agree("jwk", ASYM["ec_jwk_pub"], ECDH256, [])), EC2_PRIV, 256],
    ["deriveBits", ecdh(agree("spki", X(ASYM["ec384_spki"]), ECDH384, [])),
     agree("pkcs8", X(ASYM["ec384_pkcs8"]), ECDH384), NULL],
    *[["deriveBits", ecdh(EC521_PUB), EC521_PRIV, n] for n in (NULL, 521, 528, 529)],
    ["deriveBits", ecdh(EC2_PUB), {"$key": ["pkcs8", X(ASYM["ec_pkcs8"]), {"name": "ECDSA", "namedCurve": "P-256"},
                                           False, ["sign"]]}, 128],
    # X25519 deriveBits
    ["deriveBits", ecdh(X2_PUB, "X25519"), X_PRIV, 256], ["deriveBits", ecdh(X_PUB, "X25519"), X2_PRIV, 256],
    *[["deriveBits", ecdh(X2_PUB, "X25519"), X_PRIV, n] for n in (NULL, 0, 7, 100, 264, -1)],
    # review40: length as jsg's int converts it ("abc" is NaN, so 0 bits; past int32 a TypeError)
    *[["deriveBits", ecdh(X2_PUB, "X25519"), X_PRIV, n] for n in ("abc", "16", 2**31, -2**31 - 1)],
    ["deriveBits", ecdh(X2_PUB, "X25519"), X_PRIV], ["deriveBits", ecdh(X2_PUB, "x25519"), X_PRIV, 64],
    ["deriveBits", {"name": "X25519"}, X_PRIV, 128], ["deriveBits", ecdh(X2_PRIV, "X25519"), X_PRIV, 128],
    ["deriveBits", ecdh(ED_PUB, "X25519"), X_PRIV, 128], ["deriveBits", ecdh(EC_PUB, "X25519"), X_PRIV, 128],
    ["deriveBits", ecdh(X2_PUB, "X25519"), X_PUB, 128],
    *[["deriveBits", ecdh({"$key": ["raw", X(ED_PUBLIC), NODE_ED, False, []]}, name), key, 128]
      for name, key in (("ECDH", EC_PRIV), ("X25519", X_PRIV))],  # NODE-ED25519's algorithm: an EC key's kind
    ["deriveBits", ecdh(agree("raw", X("00" * 32), "X25519", []), "X25519"), X_PRIV, 128],
    ["deriveBits", ecdh(agree("raw", X(ASYM["x_raw"]), "X25519", []), "X25519"), X2_PRIV, NULL],
    ["deriveBits", ecdh(agree("jwk", X_JWK_PUB, "X25519", []), "X25519"),
     agree("jwk", X_JWK_PRIV, "X25519", ["deriveBits"]), NULL],
    # deriveKey: the whole secret (HKDF, PBKDF2: no length) or the derived key's length
    *[["deriveKey", ecdh(EC2_PUB), EC_PRIV, derived, False, usages] for derived, usages in (
        ({"name": "AES-GCM", "length": 256}, ["encrypt"]), ({"name": "AES-CBC", "length": 128}, ["encrypt"]),
        ({"name": "HMAC", "hash": "SHA-256", "length": 256}, ["sign"]), ({"name": "HMAC", "hash": "SHA-256"}, ["sign"]),
        ({"name": "HMAC", "hash": "SHA-1"}, ["sign"]), ("HKDF", ["deriveBits"]), ("PBKDF2", ["deriveKey"]),
        ({"name": "AES-GCM", "length": 512}, ["encrypt"]), ("ECDH", ["deriveBits"]),
        ({"name": "AES-GCM"}, ["encrypt"]), ({"name": "AES-KW", "length": 192}, ["wrapKey"]))],
    ["deriveKey", ecdh(EC2_PUB), EC_PRIV, "HKDF", True, ["deriveBits"]],
    ["deriveKey", ecdh(EC_PUB), EC2_PRIV, {"name": "HMAC", "hash": "SHA-256", "length": 256}, True, ["sign"]],
    ["deriveKey", ecdh(EC521_PUB), EC521_PRIV, {"name": "HMAC", "hash": "SHA-256"}, False, ["sign"]],
    ["deriveKey", ecdh(X2_PUB, "X25519"), X_PRIV, {"name": "AES-GCM", "length": 256}, True, ["encrypt"]],
    ["deriveKey", ecdh(X_PUB, "X25519"), X2_PRIV, {"name": "HMAC", "hash": "SHA-256", "length": 100}, False, ["sign"]],
    ["deriveKey", ecdh(X_PUB, "X25519"), X2_PRIV, {"name": "HMAC", "hash": "SHA-512"}, False, ["sign"]],
    ["deriveKey", {"name": "ECDH"}, EC_PRIV, {"name": "AES-GCM", "length": 128}, False, ["encrypt"]],
    ["deriveKey", ecdh(EC2_PUB), agree("pkcs8", X(ASYM["ec_pkcs8"]), ECDH256, ["deriveBits"]),
     {"name": "AES-GCM", "length": 128}, False, ["encrypt"]],
    ["deriveKey", ecdh(EC2_PUB), EC_PRIV, {"name": "AES-GCM", "length": 128}, False, ["sign"]],
    ["deriveKey", pbkdf2(), PBKDF2_KEY, "HKDF", False, ["deriveBits"]],  # (a KDF's key: no length)
    ["deriveKey", {"name": "HKDF", "hash": "SHA-256", "salt": H("s"), "info": H("i")},
     {"$key": ["raw", H("ikm"), "HKDF", False, ["deriveKey"]]}, "PBKDF2", False, ["deriveBits"]],
    # generateKey: key pairs (a random result: shapes, then the round trips the Worker makes)
    ["generateKey", rsa_gen(), True, ["sign", "verify"]],
    ["generateKey", rsa_gen(bits=2048), False, ["verify", "sign", "sign"]],
    ["generateKey", rsa_gen("RSA-PSS", hash_="SHA-384"), True, ["sign", "verify"]],
    ["generateKey", rsa_gen("rsa-oaep", exponent="03", hash_={"name": "sha-1"}), True,
     ["encrypt", "decrypt", "wrapKey", "unwrapKey"]],
    ["generateKey", rsa_gen("RSA-OAEP"), False, ["decrypt"]],
    ["generateKey", rsa_gen("RSA-OAEP", exponent="00010001"), False, ["decrypt", "encrypt"]],
    *[["generateKey", algo, True, usages] for algo, usages in (
        (rsa_gen(), ["verify"]), (rsa_gen(), []), (rsa_gen(), ["encrypt"]), (rsa_gen("RSA-OAEP"), ["encrypt"]),
        (rsa_gen("RSA-OAEP"), ["sign"]), (rsa_gen(exponent="11"), ["sign"]), (rsa_gen(exponent="010000000001"), ["sign"]),
        (rsa_gen(exponent=""), ["sign"]), (rsa_gen(bits=1000), ["sign"]), (rsa_gen(bits=128), ["sign"]),
        (rsa_gen(bits=0), ["sign"]), (rsa_gen(bits=-1024), ["sign"]), (rsa_gen(bits=None), ["sign"]),
        (rsa_gen(exponent=None), ["sign"]), (rsa_gen(hash_=None), ["sign"]), (rsa_gen(hash_="SHA-3"), ["sign"]),
        (rsa_gen(hash_="MD5"), ["sign"]), (rsa_gen(bits=32768), ["sign"]),
        ({**rsa_gen(), "publicExponent": 65537}, ["sign"]), (rsa_gen(bits=0, hash_="SHA-3"), ["encrypt"]),
        (rsa_gen(hash_="SHA-3"), ["encrypt"]), (rsa_gen(exponent="11"), ["encrypt"]),
        (rsa_gen(bits=1000, exponent="11"), ["sign"]), (rsa_gen(exponent=None, hash_=None), ["sign"]),
        (rsa_gen(bits=None, hash_=None), ["sign"]),
        # review40: modulusLength as jsg's int converts it (NaN 0, past int32 a TypeError first)
        (rsa_gen(bits="abc"), ["sign"]), (rsa_gen(bits=2**40, exponent=None), ["sign"]),
        # crypto40: past uint16 (rsa.c++'s KJ_ASSERT in the mirror) wrangler 4.164.0 answers the 16k text
        *[(rsa_gen(bits=n), ["sign"]) for n in (65528, 65536, 65544, 70000, 131072, 2**31 - 1, 2**31)],
        (rsa_gen("RSA-OAEP", bits=65536, exponent="03"), ["encrypt", "decrypt"]))],
    *[["generateKey", {"name": "ECDSA", "namedCurve": c}, True, ["sign", "verify"]] for c in ("P-256", "P-384", "P-521")],
    ["generateKey", {"name": "ecdsa", "namedCurve": "p-384"}, False, ["sign"]],
    *[["generateKey", algo, False, usages] for algo, usages in (
        ({"name": "ECDSA", "namedCurve": "P-256"}, ["verify"]), ({"name": "ECDSA", "namedCurve": "P-256"}, ["deriveBits"]),
        ({"name": "ECDSA"}, ["sign"]), ({"name": "ECDSA", "namedCurve": "P-192"}, ["sign"]),
        ({"name": "ECDSA"}, ["encrypt"]), ({"name": "ECDSA", "namedCurve": "P-192"}, ["verify"]),
        (ECDH256, ["deriveBits"]), (ECDH521, ["deriveKey", "deriveBits"]), ({"name": "ecdh", "namedCurve": "P-384"},
                                                                          ["deriveKey"]),
        (ECDH256, []), (ECDH256, ["sign"]), ({"name": "ECDH"}, ["deriveBits"]), ({"name": "ECDH"}, ["verify"]),
        ({"name": "ECDH", "namedCurve": "secp256k1"}, ["deriveBits"]),
        ("Ed25519", ["sign", "verify"]), ("ed25519", ["sign"]), ("Ed25519", ["verify"]), ("Ed25519", ["deriveBits"]),
        ("X25519", ["deriveBits", "deriveKey"]), ("x25519", ["deriveKey"]), ("X25519", []), ("X25519", ["sign"]),
        (NODE_ED, ["sign", "verify"]), ({"name": "NODE-ED25519"}, ["sign"]),
        ({"name": "NODE-ED25519", "namedCurve": "Ed25519"}, ["sign"]), ({"name": "NODE-ED25519"}, ["encrypt"]),
        ({"name": "node-ed25519", "namedCurve": "NODE-ED25519"}, ["sign"]), (RSA_RAW, ["sign"]))],
    ["generateKey", "Ed25519", True, ["sign", "verify"]], ["generateKey", "X25519", True, ["deriveBits"]],
    ["generateKey", ECDH256, True, ["deriveBits"]],
    # NODE-ED25519: workerd's legacy name for Ed25519 (a namedCurve of its own)
    ["importKey", "spki", X(ASYM["ed_spki"]), NODE_ED, True, ["verify"]],
    ["importKey", "raw", X(ED_PUBLIC), NODE_ED, False, ["verify"]],
    ["importKey", "raw", X(ED_PUBLIC), {"name": "NODE-ED25519"}, False, ["verify"]],
    ["importKey", "raw", X(ED_PUBLIC), {"name": "NODE-ED25519", "namedCurve": "Ed25519"}, False, ["verify"]],
    ["importKey", "raw", X(ED_PUBLIC), {"name": "node-ed25519", "namedCurve": "node-ed25519"}, False, ["verify"]],
    ["importKey", "pkcs8", X(ASYM["ed_pkcs8"]), NODE_ED, False, ["sign"]],
    ["importKey", "pkcs8", X(ASYM["ed_pkcs8"]), NODE_ED, False, ["verify"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "Ed25519", "x": b64url(bytes.fromhex(ED_PUBLIC))}, NODE_ED, True,
     ["verify"]],
    ["importKey", "jwk", {"kty": "OKP", "crv": "NODE-ED25519", "x": b64url(bytes.fromhex(ED_PUBLIC))}, NODE_ED, True,
     ["verify"]],
    ["sign", "NODE-ED25519", {"$key": ["pkcs8", X(ASYM["ed_pkcs8"]), NODE_ED, False, ["sign"]]}, MSG],
    ["sign", "Ed25519", {"$key": ["pkcs8", X(ASYM["ed_pkcs8"]), NODE_ED, False, ["sign"]]}, MSG],
    ["verify", {"name": "NODE-ED25519"}, {"$key": ["raw", X(ED_PUBLIC), NODE_ED, False, ["verify"]]}, X(ED_SIGNATURE),
     X("72")],
    ["verify", "NODE-ED25519", {"$key": ["raw", X(ED_PUBLIC), NODE_ED, False, ["verify"]]}, X("00" * 63), X("72")],
    *[["exportKey", fmt, {"$key": [kfmt, X(data), NODE_ED, True, usages]}] for fmt in ("jwk", "raw", "spki", "pkcs8")
      for kfmt, data, usages in (("pkcs8", ASYM["ed_pkcs8"], ["sign"]), ("raw", ED_PUBLIC, ["verify"]))],
    # RSA-RAW: a private key's raw (unpadded) RSA signature, for blind signing
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), RSA_RAW, True, ["sign"]],
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), {"name": "rsa-raw", "hash": "SHA-256"}, False, ["sign"]],
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), RSA_RAW, False, ["verify"]],
    ["importKey", "pkcs8", X(ASYM["rsa_pkcs8"]), RSA_RAW, False, []],
    ["importKey", "spki", X(ASYM["rsa_spki"]), RSA_RAW, False, []],
    ["importKey", "spki", X(ASYM["rsa_spki"]), RSA_RAW, False, ["verify"]],
    ["importKey", "raw", X(ASYM["rsa_spki"]), RSA_RAW, False, ["sign"]],
    ["importKey", "jwk", ASYM["rsa_jwk_priv"], RSA_RAW, False, ["sign"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_priv"], "alg": "RS256"}, RSA_RAW, False, ["sign"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_priv"], "alg": "PS256"}, RSA_RAW, False, ["sign"]],
    ["importKey", "jwk", {**ASYM["rsa_jwk_priv"], "kty": "EC"}, RSA_RAW, False, ["sign"]],
    ["importKey", "jwk", ASYM["rsa_jwk_pub"], RSA_RAW, False, []],
    ["importKey", "pkcs8", X(ASYM["ec_pkcs8"]), RSA_RAW, False, ["sign"]],
    ["sign", "RSA-RAW", RAW_PRIV, X("00" + "5a" * 255)], ["sign", {"name": "rsa-raw"}, RAW_PRIV, X("00" * 256)],
    ["sign", "RSA-RAW", RAW_PRIV, X("00" * 32)], ["sign", "RSA-RAW", RAW_PRIV, X("00" * 257)],
    ["sign", "RSA-RAW", RAW_PRIV, X("ff" * 256)], ["sign", "RSA-RAW", RAW_PRIV, X("")],
    *[["exportKey", fmt, RAW_PRIV] for fmt in ("pkcs8", "spki", "raw")],
    {"call": ["exportKey", "jwk", RAW_PRIV],
     "expected": "workerd fails with an internal error (its RSA-RAW key has no hash for the JWK's alg, a random "
                 "reference in the text); workers-env refuses it in words (NotSupportedError)"},
    ["exportKey", "pkcs8", {"$key": ["pkcs8", X(ASYM["rsa_pkcs8"]), RSA_RAW, False, ["sign"]]}],
]

# session 39: the other int members as jsg's int converts them (value.h: ToNumber, NaN 0, past int32
# a TypeError, truncated): PBKDF2's iterations, AES-GCM's tagLength, AES-CTR's length, RSA-PSS's
# saltLength, an AES or HMAC key's length in generateKey, importKey and deriveKey
CASES += [
    *[["deriveBits", pbkdf2(iterations=n), PBKDF2_KEY, 256] for n in ("abc", "2", 2.9, 2**31)],
    *[["encrypt", gcm(tagLength=n), aes_key(), GCM_TEXT] for n in ("abc", "96", 96.5, 2**31)],
    *[["encrypt", ctr(length=n), aes_key("AES-CTR"), X("41")] for n in ("abc", "64", 64.9, 2**31)],
    *[["verify", {"name": "RSA-PSS", "saltLength": n},
       {"$key": ["spki", X(ASYM["rsa_spki"]), {"name": "RSA-PSS", "hash": "SHA-256"}, False, ["verify"]]},
       X(ASYM["pss_sig"]), MSG] for n in ("abc", "32", 32.5, 2**31)],
    *[["generateKey", {"name": "AES-GCM", "length": n}, True, ["encrypt"]] for n in ("abc", 2**31)],
    *[["generateKey", {"name": "HMAC", "hash": "SHA-256", "length": n}, True, ["sign"]] for n in ("abc", 2**31)],
    *[["importKey", "raw", H(SECRET), {"name": "HMAC", "hash": "SHA-256", "length": n}, False, ["sign"]]
      for n in ("abc", "256", 2**31)],
    *[["deriveKey", pbkdf2(), PBKDF2_KEY, derived, False, usages] for derived, usages in (
        ({"name": "AES-GCM", "length": "abc"}, ["encrypt"]), ({"name": "AES-GCM", "length": "128"}, ["encrypt"]),
        ({"name": "AES-GCM", "length": 2**31}, ["encrypt"]), ({"name": "HMAC", "hash": "SHA-256", "length": "abc"}, ["sign"]),
        ({"name": "HMAC", "hash": "SHA-256", "length": 2**31}, ["sign"]))],
]

WORKER_JS = r"""
const subtle = crypto.subtle;
const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");
function plain(v) {
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return { $hex: hex(v.buffer ? v.buffer : v) };
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v === undefined ? { $undefined: true } : v;
}
// A Python dict passed as is reaches JavaScript as a PyProxy: every field reads undefined and
// String(proxy) is the dict's repr (Pyodide's PyProxyHandlers.get -> getattr(dict, name)).
function pyDict(repr) {
  const target = Object.create({ toString() { return repr; } });
  return new Proxy(target, {
    get: (t, k) => (typeof k === "symbol" || k in t ? Reflect.get(t, k) : undefined),
    has: () => false,
  });
}
async function decode(v) {
  if (Array.isArray(v)) return Promise.all(v.map(decode));
  if (v && typeof v === "object") {
    if ("$pydict" in v) return pyDict(JSON.stringify(v.$pydict));
    if ("$hex" in v) return Uint8Array.from(v.$hex.match(/../g) || [], (h) => parseInt(h, 16));
    if ("$null" in v) return null;
    if ("$key" in v) return subtle.importKey(...(await decode(v.$key)));
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = await decode(x);
    return out;
  }
  return v;
}
const AES_PARAMS = {
  "AES-GCM": { name: "AES-GCM", iv: new Uint8Array(12) },
  "AES-CBC": { name: "AES-CBC", iv: new Uint8Array(16) },
  "AES-CTR": { name: "AES-CTR", counter: new Uint8Array(16), length: 64 },
};
// A generated key pair's round trips: its two keys' shapes, then what they do together -- sign and
// verify, encrypt and decrypt, agree with a second pair both ways -- and what each exports.
const SIGN_PARAMS = { "RSA-PSS": { saltLength: 32 }, ECDSA: { hash: "SHA-256" } };
async function attempt(f) {
  try { return await f(); } catch (e) { return `${e && e.name}: ${e && e.message}`; }
}
async function pairShape(pair) {
  const { publicKey, privateKey } = pair;
  const name = privateKey.algorithm.name, abc = new TextEncoder().encode("abc");
  const out = { $keys: Object.keys(pair).sort(), publicKey: await shape(publicKey, true), privateKey: await shape(privateKey, true) };
  if (privateKey.usages.includes("sign")) {
    const params = { name, ...(SIGN_PARAMS[name] || {}) };
    const signature = await subtle.sign(params, privateKey, abc);
    out.$signature = signature.byteLength;
    out.$verified = await attempt(() => subtle.verify(params, publicKey, signature, abc));
  }
  if (publicKey.usages.includes("encrypt") && privateKey.usages.includes("decrypt")) {
    const sealed = await subtle.encrypt({ name }, publicKey, abc);
    out.$sealed = sealed.byteLength;
    out.$opened = hex(await subtle.decrypt({ name }, privateKey, sealed));
  }
  if (privateKey.usages.includes("deriveBits")) {
    const other = await subtle.generateKey(privateKey.algorithm, false, ["deriveBits"]);
    const mine = await subtle.deriveBits({ name, public: other.publicKey }, privateKey, null);
    const theirs = await subtle.deriveBits({ name, public: publicKey }, other.privateKey, null);
    out.$agreed = [mine.byteLength, hex(mine) === hex(theirs)];
  }
  const sizes = async (key, fmt) => attempt(async () => {
    const data = await subtle.exportKey(fmt, key);
    return data instanceof ArrayBuffer ? data.byteLength : Object.keys(JSON.parse(JSON.stringify(data))).sort();
  });
  out.$exported = { spki: await sizes(publicKey, "spki"), publicJwk: await sizes(publicKey, "jwk"),
                    privateJwk: await sizes(privateKey, "jwk") };
  return out;
}
async function shape(v, random) {
  if (v instanceof ArrayBuffer) return random ? { $length: v.byteLength } : { $hex: hex(v) };
  if (v && v.privateKey instanceof CryptoKey) return pairShape(v);
  if (v instanceof CryptoKey) {
    const out = { type: v.type, algorithm: plain(v.algorithm), extractable: v.extractable, usages: [...v.usages] };
    if (random) return out;
    if (v.algorithm.name === "HMAC" && v.usages.includes("sign"))
      out.$sign = hex(await subtle.sign("HMAC", v, new TextEncoder().encode("abc")));
    if (v.algorithm.name in AES_PARAMS && v.usages.includes("encrypt"))
      out.$enc = hex(await subtle.encrypt(AES_PARAMS[v.algorithm.name], v, new TextEncoder().encode("abc")));
    return out;
  }
  return plain(v);
}
export default {
  async fetch(request) {
    if (request.method !== "POST") return new Response("ready");
    const results = [];
    for (const [op, ...args] of await request.json()) {
      try {
        const random = op === "generateKey" || ((op === "encrypt" || op === "wrapKey") && JSON.stringify(args).includes('"RSA-OAEP"'));
        results.push({ ok: await shape(await subtle[op](...(await decode(args))), random) });
      } catch (e) {
        results.push({ error: `${e && e.name}: ${e && e.message}` + (typeof (e && e.code) === "number" ? ` (code ${e.code})` : "") });
      }
    }
    return Response.json(results);
  },
};
"""


# --- workers-env ---------------------------------------------------------------------------

def _py_value(v):
    """A case value as Python data for to_js (bytes for $hex, jsnull for $null)."""
    if isinstance(v, dict):
        if "$hex" in v:
            return bytes.fromhex(v["$hex"])
        if "$null" in v:
            return jsnull
        if "$pydict" in v:
            return PyDict(_py_value(v["$pydict"]))
        return {k: _py_value(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_py_value(x) for x in v]
    return v


class PyDict(dict):
    """A case's ``{"$pydict": {...}}``: passed to crypto.subtle as a plain Python dict."""


async def _py_arg(v):
    if isinstance(v, dict) and "$key" in v:
        return await js.crypto.subtle.importKey(*[await _py_arg(a) for a in v["$key"]])
    if isinstance(v, dict) and "$key" in json.dumps(v) and not {"$hex", "$null", "$pydict"} & set(v):
        # an algorithm holding a key (ECDH's "public"): an object whose members are converted
        return js.Object.fromEntries(to_js([[k, await _py_arg(x)] for k, x in v.items()]))
    value = _py_value(v)
    if isinstance(value, PyDict):
        return dict(value)  # a plain Python dict, not converted with to_js
    if isinstance(value, (bytes, dict, list)):
        return to_js(value, dict_converter=js.Object.fromEntries)
    return value


def _py_plain(v):
    if hasattr(v, "to_py"):
        v = v.to_py()
    if isinstance(v, (bytes, bytearray, memoryview)):
        return {"$hex": bytes(v).hex()}
    if isinstance(v, dict):
        return {k: _py_plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_py_plain(x) for x in v]
    return {"$undefined": True} if v is None else v


AES_PARAMS = {
    "AES-GCM": {"name": "AES-GCM", "iv": bytes(12)},
    "AES-CBC": {"name": "AES-CBC", "iv": bytes(16)},
    "AES-CTR": {"name": "AES-CTR", "counter": bytes(16), "length": 64},
}


_SIGN_PARAMS = {"RSA-PSS": {"saltLength": 32}, "ECDSA": {"hash": "SHA-256"}}


async def _attempt(make):
    try:
        return await make()
    except JsException as exc:
        return f"{exc.name}: {exc.message}"


def _obj(value: dict):
    return to_js(value, dict_converter=js.Object.fromEntries)


async def _py_pair_shape(pair):
    """What the Worker's ``pairShape`` gives for a generated key pair."""
    subtle = js.crypto.subtle
    public, private = pair.publicKey, pair.privateKey
    name, abc = private.algorithm.name, to_js(b"abc")
    out = {"$keys": sorted(_py_plain(pair)), "publicKey": await _py_shape(public, True),
           "privateKey": await _py_shape(private, True)}
    if "sign" in list(private.usages):
        params = _obj({"name": name, **_SIGN_PARAMS.get(name, {})})
        signature = await subtle.sign(params, private, abc)
        out["$signature"] = len(signature.to_bytes())

        async def verified():
            return await subtle.verify(params, public, signature, abc)
        out["$verified"] = await _attempt(verified)
    if "encrypt" in list(public.usages) and "decrypt" in list(private.usages):
        sealed = await subtle.encrypt(_obj({"name": name}), public, abc)
        out["$sealed"] = len(sealed.to_bytes())
        out["$opened"] = (await subtle.decrypt(_obj({"name": name}), private, sealed)).to_bytes().hex()
    if "deriveBits" in list(private.usages):
        other = await subtle.generateKey(private.algorithm, False, to_js(["deriveBits"]))
        mine = await subtle.deriveBits(_obj({"name": name, "public": other.publicKey}), private, jsnull)
        theirs = await subtle.deriveBits(_obj({"name": name, "public": public}), other.privateKey, jsnull)
        out["$agreed"] = [len(mine.to_bytes()), mine.to_bytes() == theirs.to_bytes()]

    async def sizes(key, fmt):
        async def size():
            data = await subtle.exportKey(fmt, key)
            if own_class(data) == "JsBuffer":
                return len(data.to_bytes())
            return sorted(k for k, x in _py_plain(data).items() if x != {"$undefined": True})
        return await _attempt(size)
    out["$exported"] = {"spki": await sizes(public, "spki"), "publicJwk": await sizes(public, "jwk"),
                        "privateJwk": await sizes(private, "jwk")}
    return out


async def _py_shape(v, random=False):
    subtle = js.crypto.subtle
    if own_class(getattr(v, "privateKey", None)) == "CryptoKey":
        return await _py_pair_shape(v)
    if own_class(v) == "JsBuffer":  # every JS value's type reads as JsProxy, as in Pyodide
        return {"$length": len(v.to_bytes())} if random else {"$hex": v.to_bytes().hex()}
    if own_class(v) == "CryptoKey":
        usages = list(_py_plain(v.usages))
        out = {"type": v.type, "algorithm": _py_plain(v.algorithm), "extractable": v.extractable, "usages": usages}
        if random:
            return out
        name = out["algorithm"].get("name")
        if name == "HMAC" and "sign" in usages:
            out["$sign"] = (await subtle.sign("HMAC", v, to_js(b"abc"))).to_bytes().hex()
        if name in AES_PARAMS and "encrypt" in usages:
            params = to_js(AES_PARAMS[name], dict_converter=js.Object.fromEntries)
            out["$enc"] = (await subtle.encrypt(params, v, to_js(b"abc"))).to_bytes().hex()
        return out
    return _py_plain(v)


async def _py_case(op, args):
    try:
        values = [await _py_arg(a) for a in args]
        result = getattr(js.crypto.subtle, op)(*values)
        if inspect.isawaitable(result):  # every method but timingSafeEqual returns a promise
            result = await result
        random = op == "generateKey" or (op in ("encrypt", "wrapKey") and '"RSA-OAEP"' in json.dumps(args))
        return {"ok": await _py_shape(result, random)}
    except JsException as exc:  # a DOMException (a number code) with its code, as the Worker writes it
        code = getattr(exc, "code", None)
        return {"error": f"{exc.name}: {exc.message}" + (f" (code {code})" if isinstance(code, int) else "")}
    except Exception as exc:  # noqa: BLE001 - a Python exception where JavaScript has none is a difference
        return {"error": f"(Python) {type(exc).__name__}: {exc}"}


def _run_as_pyodide_026(op, args):
    """A ``$pydict`` case runs as a Worker dated before 2025-09-29 would (Pyodide 0.26, whose
    PyProxy of a dict shows none of its keys: what ``pyDict`` in the JS Worker models)."""
    import contextvars

    from workers_env.runtime.current import WorkerRuntime, set_current

    def run():
        set_current(WorkerRuntime(js_env=None, era=None, null_is_none=True))
        return asyncio.run(_py_case(op, args))

    return contextvars.copy_context().run(run)


def _run_dated(op, args, date):
    """A case as Worker code of compatibility date ``date`` runs it (its workerd flags: what
    ``enable_fast_jsg_struct`` changes in a key's ``algorithm`` and an exported JWK)."""
    import contextvars
    import types

    from workers_env.config.compat import workerd_flag_values
    from workers_env.runtime.current import WorkerRuntime, set_current

    def run():
        set_current(WorkerRuntime(js_env=None, era=None, compat_flags=workerd_flag_values(
            types.SimpleNamespace(compatibility_date=date, compatibility_flags=[]))))
        return asyncio.run(_py_case(op, args))

    return contextvars.copy_context().run(run)


def ours(calls, date: str | None = None):
    return [_run_as_pyodide_026(op, args) if "$pydict" in json.dumps(args)
            else asyncio.run(_py_case(op, args)) if date is None else _run_dated(op, args, date)
            for op, *args in calls]


def label(value) -> str:
    """A case, short: keys as key(algorithm, usages), long byte strings by their length."""
    def short(v):
        if isinstance(v, dict) and "$key" in v:
            return f"key({json.dumps(short(v['$key'][2]))}, {','.join(v['$key'][4])})"
        if isinstance(v, dict) and "$hex" in v:
            return v if len(v["$hex"]) <= 16 else f"<{len(v['$hex']) // 2} bytes>"
        if isinstance(v, dict):
            return {k: short(x) for k, x in v.items()}
        if isinstance(v, list):
            return [short(x) for x in v]
        return v
    return json.dumps(short(value))


#: the first date of Pyodide 0.28, the era every case but a ``$pydict`` one runs in here
FIRST_028_DATE = "2025-09-29"


def date_option(argv: list[str]) -> str | None:
    """``--date YYYY-MM-DD`` of ``argv`` (None without it), refused with a line saying how to
    fix it -- no date after it, not a calendar date, or before Pyodide 0.28's dates -- before
    wrangler dev starts."""
    if "--date" not in argv:
        return None
    at = argv.index("--date") + 1
    date = argv[at] if at < len(argv) else ""
    try:
        datetime.date.fromisoformat(date)
        well_formed = len(date) == 10
    except ValueError:
        well_formed = False
    if not well_formed:
        raise SystemExit(f"--date takes a compatibility date, YYYY-MM-DD (e.g. --date 2025-12-03), not {date!r}")
    if date < FIRST_028_DATE:
        raise SystemExit(f"--date {date} is before {FIRST_028_DATE}: the cases run here as Pyodide 0.28's Worker code "
                         "(a $pydict case as 0.26's); give a date from then on")
    return date


def main(argv: list[str]) -> int:
    date = date_option(argv)
    calls = [c["call"] if isinstance(c, dict) else c for c in CASES]
    a = run_under_wrangler_dev(WORKER_JS, "webcrypto-diff", date or COMPATIBILITY_DATE, calls)
    return report(CASES, a, ours(calls, date), label=label, show_all="--all" in argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
