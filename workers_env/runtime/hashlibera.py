"""``hashlib`` as the Python 3.14 era's Pyodide has it: without OpenSSL's hash functions.

Pyodide 314.0.0 stopped shipping the hash functions ``hashlib`` takes from OpenSSL ("We do not
provide hash functions in hashlib that are provided by OpenSSL", its changelog), and workerd runs
the 314.0.x bundles for compatibility dates from 2026-09-08 (``python_workers_314``). There,
``hashlib.pbkdf2_hmac`` and ``hashlib.scrypt`` do not exist -- cloudflare/python-workers-examples
PR #102 met ``AttributeError: module 'hashlib' has no attribute 'pbkdf2_hmac'`` in a library --
``hashlib.algorithms_available`` is the 14 built-in algorithms, and ``hashlib.new`` of any other
name is ``ValueError: unsupported hash type <name>`` (npm pyodide 314.0.6 measured).

``hashlib`` is one module for the process, shared with tests and workers-env, so the module's
class is swapped for one whose attribute reads answer so only for code running as a Worker of
that era (:func:`~workers_env.runtime.current.pyodide_029`), and never for workers-env's own
code (its Web Crypto ``deriveBits`` runs on ``pbkdf2_hmac``)."""

from __future__ import annotations

import hashlib
import sys
from types import ModuleType
from typing import Any

from workers_env.runtime.current import pyodide_029
from workers_env.runtime.tracebacks import PACKAGE_DIR

__all__ = ["BUILT_IN_ALGORITHMS", "install_hashlib_era"]

#: ``hashlib.algorithms_available`` in Pyodide 314.0.6 (CPython's own HACL* implementations)
BUILT_IN_ALGORITHMS = frozenset({
    "blake2b", "blake2s", "md5", "sha1", "sha224", "sha256", "sha384", "sha3_224", "sha3_256", "sha3_384",
    "sha3_512", "sha512", "shake_128", "shake_256"})
#: the names Pyodide 314's ``hashlib`` has not: they come from OpenSSL's ``_hashlib`` (nor does
#: its ``__all__`` list ``pbkdf2_hmac``, so ``from hashlib import *`` works there)
_OPENSSL_ONLY = frozenset({"pbkdf2_hmac", "scrypt"})
#: the spellings ``hashlib.__get_builtin_constructor`` knows (3.14): upper case for the sha1/md5/
#: sha2 ones only
_BUILT_IN_NAMES = BUILT_IN_ALGORITHMS | {"SHA1", "MD5", "SHA224", "SHA256", "SHA384", "SHA512"}
_new = hashlib.new


def _new_built_in(name: str, data: bytes = b"", **kwargs: Any) -> Any:
    """``hashlib.new`` without OpenSSL: only the built-in algorithms, by the names
    ``__get_builtin_constructor`` knows (its message is ``'unsupported hash type ' + name``: a
    name that is not a string is the ``TypeError`` of that concatenation, as there)."""
    if name not in _BUILT_IN_NAMES:
        raise ValueError("unsupported hash type " + name)
    return _new(name, data, **kwargs)


def _era_applies() -> bool:
    """Whether the reader is Worker code of the Pyodide 314 era (not workers-env's own frames)."""
    return pyodide_029() and not sys._getframe(2).f_code.co_filename.startswith(PACKAGE_DIR)


class _HashlibOfTheEra(ModuleType):
    """``hashlib``'s class while Workers run: the 314 era's names for that era's Worker code."""

    def __getattribute__(self, name: str) -> Any:
        if name in _OPENSSL_ONLY or name in ("algorithms_available", "new", "__all__"):
            if _era_applies():
                if name == "new":
                    return _new_built_in
                if name == "algorithms_available":
                    return set(BUILT_IN_ALGORITHMS)
                if name == "__all__":
                    return tuple(n for n in super().__getattribute__(name) if n not in _OPENSSL_ONLY)
                raise AttributeError(f"module 'hashlib' has no attribute {name!r}")
        return super().__getattribute__(name)

    def __dir__(self) -> list[str]:
        names = list(super().__dir__())
        return [n for n in names if n not in _OPENSSL_ONLY] if _era_applies() else names


def install_hashlib_era() -> None:
    """Give the process's ``hashlib`` module the class above (once; the module stays the same object)."""
    if type(hashlib) is ModuleType:
        hashlib.__class__ = _HashlibOfTheEra
