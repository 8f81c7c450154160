"""Pyodide 314.0.0 dropped the hash functions ``hashlib`` takes from OpenSSL, and workerd runs its
314.0.x bundles from compatibility date 2026-09-08 (``python_workers_314``): a Python Worker of
that era has no ``hashlib.pbkdf2_hmac`` nor ``scrypt`` (cloudflare/python-workers-examples PR #102
met ``AttributeError: module 'hashlib' has no attribute 'pbkdf2_hmac'``), ``algorithms_available``
is the 14 built-in algorithms and ``hashlib.new("ripemd160")`` is ``ValueError: unsupported hash
type ripemd160`` -- real Pyodide 314.0.6's answers -- while sha2/sha3/blake2 and ``hmac`` work.
Earlier eras, test code and workers-env itself (Web Crypto's PBKDF2 ``deriveBits``) keep the
host's ``hashlib``."""

from __future__ import annotations

import hashlib

from worker_helpers import one_file_worker, snippet_answers

from workers_env import load_worker

SNIPPETS = [
    "import hashlib\nsorted(hashlib.algorithms_available)",
    "import hashlib\nhashlib.new('ripemd160', b'a').hexdigest()[:8]",
    "import hashlib\nhashlib.sha3_256(b'a').hexdigest()[:8]",
    "import hashlib\nhashlib.pbkdf2_hmac('sha256', b'p', b's', 2).hex()[:8]",
    "import hashlib\nhashlib.scrypt(b'p', salt=b's', n=2, r=1, p=1).hex()[:8]",
    "from hashlib import pbkdf2_hmac",
    "import hashlib\nhasattr(hashlib, 'pbkdf2_hmac')",
    "import hmac, hashlib\nhmac.new(b'k', b'm', hashlib.sha256).hexdigest()[:8]",
]


def test_the_python_314_era_has_no_openssl_hash_functions(tmp_path):
    answers = snippet_answers(tmp_path, SNIPPETS, "2026-09-08")
    assert answers[0] == ("['blake2b', 'blake2s', 'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha3_224', "
                          "'sha3_256', 'sha3_384', 'sha3_512', 'sha512', 'shake_128', 'shake_256'] (list)")
    assert answers[1] == "ValueError: unsupported hash type ripemd160"
    assert answers[2] == "'80084bf2' (str)"
    assert answers[3] == "AttributeError: module 'hashlib' has no attribute 'pbkdf2_hmac'"
    assert answers[4] == "AttributeError: module 'hashlib' has no attribute 'scrypt'"
    assert answers[5].startswith("ImportError: cannot import name 'pbkdf2_hmac' from 'hashlib'")
    assert answers[6:] == ["False (bool)", "'b60090e3' (str)"]
    assert hashlib.pbkdf2_hmac("sha256", b"p", b"s", 2).hex()[:8] == "1998f3d3"  # the test's own hashlib


#: what real Pyodide 314.0.6 answers to each (npm pyodide 314.0.6 under Node, tools/pyodide's runner)
NAMES = {
    "import hashlib\n'pbkdf2_hmac' in hashlib.__all__": "False (bool)",
    "import hashlib\n'pbkdf2_hmac' in dir(hashlib) or 'scrypt' in dir(hashlib)": "False (bool)",
    "space = {}\nexec('from hashlib import *', space)\nsorted(k for k in space if not k.startswith('_'))[:3]":
        "['algorithms_available', 'algorithms_guaranteed', 'blake2b'] (list)",
    "import hashlib\nhashlib.new('SHA256').name": "'sha256' (str)",
    "import hashlib\nhashlib.new('Sha256').name": "ValueError: unsupported hash type Sha256",
    "import hashlib\nhashlib.new('SHA3_256').name": "ValueError: unsupported hash type SHA3_256",
    "import hashlib\nhashlib.new(b'sha256')": "TypeError: can only concatenate str (not \"bytes\") to str",
}


def test_the_python_314_era_lists_no_openssl_names_and_star_imports(tmp_path):
    """``from hashlib import *`` works there (its ``__all__`` has no ``pbkdf2_hmac``); ``new`` takes
    the names ``__get_builtin_constructor`` knows, as they are spelled there."""
    assert snippet_answers(tmp_path, list(NAMES), "2026-09-08") == list(NAMES.values())


def test_the_python_313_era_keeps_them(tmp_path):
    answers = snippet_answers(tmp_path, SNIPPETS, "2026-09-07")
    assert "ripemd160" in answers[0]
    assert answers[3:5] == ["'1998f3d3' (str)", "'48b0d2a8' (str)"]
    assert answers[6] == "True (bool)"


PBKDF2_WORKER = """
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        key = await js.crypto.subtle.importKey("raw", js.Uint8Array.new([1, 2]), "PBKDF2", False, ["deriveBits"])
        options = to_js({"name": "PBKDF2", "salt": js.Uint8Array.new([3]), "iterations": 2, "hash": "SHA-256"})
        bits = await js.crypto.subtle.deriveBits(options, key, 64)
        return Response(str(bits.byteLength))
"""


def test_web_crypto_pbkdf2_still_derives_in_the_python_314_era(tmp_path):
    """workers-env's own ``deriveBits`` runs on the host's ``pbkdf2_hmac``, as workerd's runs on BoringSSL."""
    import asyncio

    worker = load_worker(one_file_worker(tmp_path, PBKDF2_WORKER, date="2026-09-08"))

    async def answer() -> str:
        return await (await worker.fetch("/")).text()

    assert asyncio.run(answer()) == "8"
