"""``hash()`` as a Python Worker computes it in production.

workerd starts Pyodide with ``PYTHONHASHSEED=111`` (``src/pyodide/internal/pool/emscriptenSetup.ts``:
no entropy at startup, so no hash randomization), and Pyodide is a 32-bit build whose string
hash is FNV (``sys.hash_info``: width 32, algorithm ``fnv``). So ``hash("abc")`` is the same
number in every isolate and every deploy -- ``1200133617`` -- where the host's CPython gives a
64-bit SipHash that changes with every process. Worker code that keys stored data by ``hash()``
(a vector id, a KV key, a shard) finds it again in production and not locally.

:func:`production_hash` computes production's value for ``str``, ``bytes``, ``int`` (and
``bool``), ``float``, ``None`` and tuples of them -- CPython's ``fnv``, ``long_hash``,
``_Py_HashDouble`` with the modulus ``2**31 - 1``, ``none_hash``'s constant and ``tuplehash``'s
32-bit xxHash, with the secret ``lcg_urandom(111)`` makes; every value checked against Pyodide
0.26.2 and 0.28.2 under Node with ``PYTHONHASHSEED=111``
(tests/test_runtime_hash_is_productions.py). Anything else keeps its own hash, brought into
the 32-bit range as production brings an oversized ``__hash__`` result (the ``int`` rule).

:func:`install_production_hash` puts a ``builtins.hash`` in place that answers
:func:`production_hash` to a call from the Worker's own files (its main module's folder) while
its code runs, and the host's hash to every other caller -- workers-env, libraries, tests, and
the code ``dataclasses`` generates -- so a key hashed outside the Worker still finds its entry
inside it. Dicts and sets hash through the type's slot and are left alone (their iteration
order stays the host's).
"""

from __future__ import annotations

import builtins
import math
import sys
from typing import Any

from workers_env.runtime.current import current_runtime

__all__ = ["install_production_hash", "production_hash"]

_MASK = 0xFFFFFFFF
#: ``_PyHASH_MODULUS`` of a 32-bit build: ``2**_PyHASH_BITS - 1`` with 31 bits
_MODULUS = (1 << 31) - 1
_INF = 314159  # _PyHASH_INF
_FNV_MULTIPLIER = 1000003  # _PyHASH_MULTIPLIER
_NONE = 0xFCA86420  # none_hash's constant (Python 3.12 and later)
_XXPRIME_1, _XXPRIME_2, _XXPRIME_5 = 2654435761, 2246822519, 374761393
_host_hash = builtins.hash


def _secret(seed: int) -> bytes:
    """``_Py_HashSecret`` for ``PYTHONHASHSEED=seed``: CPython's ``lcg_urandom``."""
    x, out = seed, bytearray()
    for _ in range(24):
        x = (x * 214013 + 2531011) & _MASK
        out.append((x >> 16) & 0xFF)
    return bytes(out)


_SECRET = _secret(111)
_PREFIX = int.from_bytes(_SECRET[0:4], "little")  # _Py_HashSecret.fnv.prefix (a 32-bit Py_hash_t)
_SUFFIX = int.from_bytes(_SECRET[4:8], "little")  # .suffix


def _signed(value: int) -> int:
    return value - (1 << 32) if value & 0x80000000 else value


def _fnv(data: bytes) -> int:
    """CPython's ``fnv()`` over ``data`` with 4-byte blocks, as ``_Py_HashBytes`` returns it."""
    size = len(data)
    if size == 0:
        return 0
    remainder = size % 4 or 4
    blocks = (size - remainder) // 4
    x = (_PREFIX ^ (data[0] << 7)) & _MASK
    at = 0
    for _ in range(blocks):
        x = ((_FNV_MULTIPLIER * x) & _MASK) ^ int.from_bytes(data[at:at + 4], "little")
        at += 4
    for byte in data[at:]:
        x = ((_FNV_MULTIPLIER * x) & _MASK) ^ byte
    x = (x ^ size ^ _SUFFIX) & _MASK
    return -2 if x == _MASK else _signed(x)


def _str_bytes(text: str) -> bytes:
    """The string's data as CPython stores it (PEP 393: 1, 2 or 4 bytes a character)."""
    widest = max(map(ord, text), default=0)
    if widest < 0x100:
        return text.encode("latin-1")
    if widest < 0x10000:
        return text.encode("utf-16-le", "surrogatepass")
    return text.encode("utf-32-le", "surrogatepass")


def _int_hash(value: int) -> int:
    reduced = abs(value) % _MODULUS
    reduced = -reduced if value < 0 else reduced
    return -2 if reduced == -1 else reduced


def _float_hash(value: float) -> int | None:
    if math.isnan(value):
        return None  # the object's own hash, as CPython 3.10 and later
    if math.isinf(value):
        return _INF if value > 0 else -_INF
    numerator, denominator = value.as_integer_ratio()
    reduced = abs(numerator) % _MODULUS * pow(denominator, _MODULUS - 2, _MODULUS) % _MODULUS
    reduced = -reduced if numerator < 0 else reduced
    return -2 if reduced == -1 else reduced


def _tuple_hash(items: tuple[Any, ...]) -> int:
    acc = _XXPRIME_5
    for item in items:
        lane = production_hash(item) & _MASK
        acc = (acc + lane * _XXPRIME_2) & _MASK
        acc = ((acc << 13) | (acc >> 19)) & _MASK
        acc = (acc * _XXPRIME_1) & _MASK
    acc = (acc + (len(items) ^ (_XXPRIME_5 ^ 3527539))) & _MASK
    return 1546275796 if acc == _MASK else _signed(acc)


def production_hash(obj: Any, /) -> int:
    """``hash(obj)`` as production's Pyodide computes it (see the module's docstring)."""
    method = getattr(type(obj), "__hash__", None)
    if method is str.__hash__:
        return _fnv(_str_bytes(obj))
    if method is bytes.__hash__:
        return _fnv(bytes(obj))
    if method is int.__hash__:
        return _int_hash(int(obj))
    if method is float.__hash__:
        found = _float_hash(float(obj))
        if found is not None:
            return found
    elif method is tuple.__hash__:
        return _tuple_hash(tuple(obj))
    elif obj is None:
        return _signed(_NONE)
    own = _host_hash(obj)
    return own if -(1 << 31) <= own < (1 << 31) and own != -1 else _int_hash(own)


def _hash(obj: Any, /) -> int:
    """``builtins.hash`` while workers-env runs Workers: production's value for the Worker's own
    code (see the module's docstring), the host's for everyone else."""
    runtime = current_runtime()
    folder = runtime.code_folder if runtime is not None else None
    if folder is not None and sys._getframe(1).f_code.co_filename.startswith(folder):
        return production_hash(obj)
    return _host_hash(obj)


_hash.__module__, _hash.__qualname__, _hash.__name__ = "builtins", "hash", "hash"  # pickles as builtins.hash
_hash.__doc__ = _host_hash.__doc__


def install_production_hash() -> None:
    """Put :func:`_hash` in ``builtins`` (once; the host's stays :data:`_host_hash`)."""
    builtins.hash = _hash
