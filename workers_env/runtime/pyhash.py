"""``hash()`` as a Python Worker computes it in production.

workerd starts Pyodide with ``PYTHONHASHSEED=111`` (``src/pyodide/internal/pool/emscriptenSetup.ts``:
no entropy at startup, so no hash randomization), and Pyodide is a 32-bit build whose string
hash is FNV (``sys.hash_info``: width 32, algorithm ``fnv``). So ``hash("abc")`` is the same
number in every isolate and every deploy -- ``1200133617`` -- where the host's CPython gives a
64-bit SipHash that changes with every process. Worker code that keys stored data by ``hash()``
(a vector id, a KV key, a shard) finds it again in production and not locally.

:func:`production_hash` computes production's value for ``str``, ``bytes`` (and a read-only
byte ``memoryview``), ``int`` (and ``bool``), ``float``, ``complex``, ``None``, tuples,
frozensets and ranges of them, ``Enum`` members (``hash(self._name_)``), ``Fraction`` and
``Decimal``, ``uuid.UUID``, and the ``datetime`` module's dates, datetimes, times, timedeltas
and timezones --
CPython's ``fnv``, ``long_hash``, ``_Py_HashDouble``'s numeric rule with the modulus
``2**31 - 1``, ``none_hash``'s constant, ``tuplehash``'s 32-bit xxHash, ``frozenset_hash``,
``range_hash`` and ``_datetime``'s packed-field hashes, with the secret ``lcg_urandom(111)``
makes; every value checked against Pyodide 0.26.2 and 0.28.2 under Node with
``PYTHONHASHSEED=111`` (tests/test_runtime_hash_is_productions.py). Anything else keeps its
own hash, brought into the 32-bit range as production brings an oversized ``__hash__`` result
(the ``int`` rule) -- right for a class whose ``__hash__`` calls ``hash()`` in the Worker's
files, the host's number for one whose ``__hash__`` lives in a library (``pathlib``'s paths,
``ipaddress``'s addresses: not production's). Such a ``__hash__`` is not run with production's
``hash()`` inside: several cache their first answer (``PurePath``'s ``_hash``), and an object
keeping production's number would then be missed by a dict lookup of an equal one.

:func:`install_production_hash` puts a ``builtins.hash`` in place that answers
:func:`production_hash` to a call from a Worker's own files -- under the main module's folder of
any Worker loaded in the process, outside ``site-packages``/``dist-packages``/``node_modules``
folders there and outside workers-env's package; code made by ``exec`` (a dataclass's
``__hash__``) counts as its module's -- and the host's hash to every other caller (workers-env,
libraries, tests). It depends on the calling file alone, from the Worker's load for the rest of
the process: the same call gives the same number whoever runs it and whenever, so a set the
Worker filled at import is found by a test, a thread or another Worker's request. Dicts and sets
hash through the type's slot and are left alone (their iteration order stays the host's).
"""

from __future__ import annotations

import builtins
import datetime
import decimal
import enum
import fractions
import math
import os
import sys
from typing import Any

from workers_env import _errors
from workers_env._oneload import real_path
from workers_env.runtime.tracebacks import PACKAGE_DIR

__all__ = ["install_production_hash", "production_hash", "workers_own_file", "workers_own_subfolders"]

_MASK = 0xFFFFFFFF
#: ``_PyHASH_MODULUS`` of a 32-bit build: ``2**_PyHASH_BITS - 1`` with 31 bits
_MODULUS = (1 << 31) - 1
_INF = 314159  # _PyHASH_INF
_FNV_MULTIPLIER = 1000003  # _PyHASH_MULTIPLIER
_NONE = 0xFCA86420  # none_hash's constant (Python 3.12 and later)
_XXPRIME_1, _XXPRIME_2, _XXPRIME_5 = 2654435761, 2246822519, 374761393
_host_hash = builtins.hash
_getframe = sys._getframe
_INVERSE_10 = pow(10, _MODULUS - 2, _MODULUS)
_ENUM_HASH = enum.Enum.__hash__
_FRACTION_HASH = fractions.Fraction.__hash__


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


def _rational_hash(numerator: int, denominator: int) -> int:
    """The hash of every number equal to ``numerator / denominator`` (``denominator`` > 0): CPython's
    numeric rule (``_Py_HashDouble``, ``Fraction.__hash__``, ``_decimal``'s) with 32-bit's modulus."""
    inverse = pow(denominator, _MODULUS - 2, _MODULUS)
    reduced = abs(numerator) % _MODULUS * inverse % _MODULUS if inverse else _INF
    reduced = -reduced if numerator < 0 else reduced
    return -2 if reduced == -1 else reduced


def _float_hash(value: float) -> int | None:
    if math.isnan(value):
        return None  # the object's own hash, as CPython 3.10 and later
    if math.isinf(value):
        return _INF if value > 0 else -_INF
    return _rational_hash(*value.as_integer_ratio())


def _decimal_hash(value: decimal.Decimal) -> int | None:
    if value.is_nan():
        return None  # a quiet NaN hashes by identity (a signaling one raises: the host's hash says so)
    if value.is_infinite():
        return -_INF if value.is_signed() else _INF
    sign, digits, exponent = value.as_tuple()
    coefficient = int("".join(map(str, digits)) or "0")
    assert isinstance(exponent, int)
    scale = pow(10, exponent, _MODULUS) if exponent >= 0 else pow(_INVERSE_10, -exponent, _MODULUS)
    reduced = coefficient % _MODULUS * scale % _MODULUS
    reduced = -reduced if sign else reduced
    return -2 if reduced == -1 else reduced


def _complex_hash(value: complex) -> int | None:
    real, imag = _float_hash(value.real), _float_hash(value.imag)
    if real is None or imag is None:
        return None
    combined = (real + _FNV_MULTIPLIER * imag) & _MASK  # _PyHASH_IMAG is _PyHASH_MULTIPLIER
    return -2 if combined == _MASK else _signed(combined)


def _tuple_hash(items: tuple[Any, ...]) -> int:
    acc = _XXPRIME_5
    for item in items:
        lane = production_hash(item) & _MASK
        acc = (acc + lane * _XXPRIME_2) & _MASK
        acc = ((acc << 13) | (acc >> 19)) & _MASK
        acc = (acc * _XXPRIME_1) & _MASK
    acc = (acc + (len(items) ^ (_XXPRIME_5 ^ 3527539))) & _MASK
    return 1546275796 if acc == _MASK else _signed(acc)


def _shuffle(value: int) -> int:
    return (((value ^ 89869747) ^ (value << 16)) * 3644798167) & _MASK


def _frozenset_hash(items: frozenset[Any]) -> int:
    """setobject.c's ``frozenset_hash`` over the entries' (production) hashes, 32-bit."""
    acc = 0
    for item in items:
        acc ^= _shuffle(production_hash(item) & _MASK)
    acc ^= ((len(items) + 1) * 1927868237) & _MASK
    acc ^= (acc >> 11) ^ (acc >> 25)
    acc = (acc * 69069 + 907133923) & _MASK
    return _signed(590923713 if acc == _MASK else acc)


def _range_hash(value: range) -> int:
    """rangeobject.c's ``range_hash``: the hash of ``(len, start, step)``, None for what an empty
    or one-item range does not need."""
    size = max(0, (value.stop - value.start + value.step - (1 if value.step > 0 else -1)) // value.step)
    return _tuple_hash((size, value.start if size else None, value.step if size > 1 else None))


def _datetime_hash(value: Any) -> int:
    """``_datetime``'s ``date_hash``/``datetime_hash``/``time_hash``/``delta_hash``/``timezone_hash``:
    a naive value's FNV over its packed fields, an aware one's the hash of its UTC offset-adjusted
    timedelta (fold ignored)."""
    if isinstance(value, datetime.timezone):
        value = value.utcoffset(None)
    if isinstance(value, datetime.timedelta):
        return _tuple_hash((value.days, value.seconds, value.microseconds))
    if not isinstance(value, (datetime.datetime, datetime.time)):  # a date
        return _fnv(bytes((value.year >> 8, value.year & 0xFF, value.month, value.day)))
    offset = value.replace(fold=0).utcoffset()
    days = value.toordinal() if isinstance(value, datetime.datetime) else 0
    if offset is not None:
        delta = datetime.timedelta(days, value.hour * 3600 + value.minute * 60 + value.second, value.microsecond)
        return _datetime_hash(delta - offset)
    us = value.microsecond
    clock = bytes((value.hour, value.minute, value.second, us >> 16, (us >> 8) & 0xFF, us & 0xFF))
    if isinstance(value, datetime.datetime):
        clock = bytes((value.year >> 8, value.year & 0xFF, value.month, value.day)) + clock
    return _fnv(clock)


_DATETIME_HASHES = frozenset(cls.__hash__ for cls in (datetime.date, datetime.datetime, datetime.time,
                                                      datetime.timedelta, datetime.timezone))


def production_hash(obj: Any, /) -> int:
    """``hash(obj)`` as production's Pyodide computes it (see the module's docstring)."""
    method = getattr(type(obj), "__hash__", None)
    found: int | None = None
    if method is str.__hash__:
        return _fnv(_str_bytes(obj))
    if method is bytes.__hash__:
        return _fnv(bytes(obj))
    if method is int.__hash__:
        return _int_hash(int(obj))
    if method is tuple.__hash__:
        return _tuple_hash(tuple(obj))
    if method is frozenset.__hash__:
        return _frozenset_hash(obj)
    if method is float.__hash__:
        found = _float_hash(float(obj))
    elif method is complex.__hash__:
        found = _complex_hash(complex(obj))
    elif method is range.__hash__:
        return _range_hash(obj)
    elif method is _ENUM_HASH:
        return production_hash(obj._name_)  # Enum.__hash__ is hash(self._name_)
    elif method is _FRACTION_HASH:
        return _rational_hash(obj.numerator, obj.denominator)
    elif method is decimal.Decimal.__hash__:
        found = _decimal_hash(obj)
    elif method in _DATETIME_HASHES:
        return _datetime_hash(obj)
    elif method is memoryview.__hash__ and obj.readonly and obj.format in ("B", "b", "c"):
        return _fnv(obj.tobytes())
    elif obj is None:
        return _signed(_NONE)
    elif (uuids := sys.modules.get("uuid")) is not None and method is uuids.UUID.__hash__:
        return _int_hash(obj.int)  # UUID.__hash__ is hash(self.int)
    if found is not None:
        return found
    own = _host_hash(obj)
    return own if -(1 << 31) <= own < (1 << 31) and own != -1 else _int_hash(own)


def _hash(obj: Any, /) -> int:
    """``builtins.hash`` while workers-env runs Workers: production's value for a call from a
    Worker's own files, the host's for every other caller (see the module's docstring)."""
    frame = _getframe(1)
    own = _OWN.get(frame.f_code.co_filename)
    if own is False:
        return _host_hash(obj)
    if own or _decide(frame):
        return production_hash(obj)
    return _host_hash(obj)


def _decide(frame: Any) -> bool:
    """Whether the frame's code is a Worker's own, remembered for its file; code made by ``exec``
    (a ``<string>`` file: a dataclass's ``__hash__``) is its module's, by its globals' ``__file__``."""
    filename = frame.f_code.co_filename
    if filename[:1] == "<":
        return _workers_file(frame.f_globals.get("__file__") or filename)
    own = _OWN[filename] = _workers_file(filename)
    return own


_hash.__module__, _hash.__qualname__, _hash.__name__ = "builtins", "hash", "hash"  # pickles as builtins.hash
_hash.__doc__ = _host_hash.__doc__

#: the code folders of every Worker loaded in this process, each with a trailing separator
_FOLDERS: list[str] = []
_FOLDER_SET: set[str] = set()  # (the same, looked up by :func:`_workers_file`)
#: a file name -> whether it is a Worker's own code (decided once, for the life of the process)
_OWN: dict[str, bool] = {}
#: folders of a code folder that hold installed packages, not the Worker's code
_INSTALLED = frozenset({"site-packages", "dist-packages", "node_modules"})
#: workers-env's own package folder, with a trailing separator


def _workers_file(filename: str) -> bool:
    """Whether ``filename`` is a Worker's own code: in one of :data:`_FOLDERS`, and not in a folder
    of installed packages there (a virtualenv's ``site-packages``, ``node_modules``) -- those are
    the host's libraries, shared with tests and workers-env -- nor workers-env's own package (a
    Worker whose main lies at the root of a checkout of it)."""
    if filename.startswith(PACKAGE_DIR) or not _FOLDER_SET:
        return False
    # each folder filename starts with ends at one of its separators: its folders are looked up,
    # not every Worker folder of the process (one a load: thousands in a test suite; load61)
    parts = filename.split(os.sep)
    prefix = ""
    for index in range(len(parts) - 1):
        prefix += parts[index] + os.sep
        if prefix in _FOLDER_SET and _INSTALLED.isdisjoint(parts[index + 1:-1]):
            return True
    return False


def workers_own_file(filename: str) -> bool:
    """Whether ``filename`` is one of the Worker's own files (see :func:`_workers_file`),
    remembered for the life of the process as :func:`hash` remembers it."""
    own = _OWN.get(filename)
    if own is None:
        own = _OWN[filename] = _workers_file(filename)
    return own


def workers_own_subfolders(filename: str) -> list[str] | None:
    """The folders of ``filename`` below the Worker's code folder holding it (the innermost one
    when folders nest), or None when it is not a Worker's own file."""
    if not workers_own_file(filename):
        return None
    holding = max((folder for folder in _FOLDERS if filename.startswith(folder)), key=len)
    return filename[len(holding):].split(os.sep)[:-1]


_errors.worker_file = workers_own_file  # JsException("x"): Pyodide's reading in a Worker's own code


def install_production_hash(folder: str | os.PathLike[str]) -> None:
    """Count the files in ``folder`` (a Worker's main module's) as a Worker's own code, and put
    :func:`_hash` in ``builtins`` (the host's stays :data:`_host_hash`). A file counts for the life
    of the process, so the same call gives the same number whoever runs it and whenever: a set
    the Worker built at import is found by a test, a thread or another Worker's request."""
    for name in {os.fspath(folder), real_path(os.fspath(folder))}:  # (within a load's reading: _oneload.py)
        name = os.path.join(name, "")
        if name not in _FOLDER_SET:
            _FOLDERS.append(name)
            _FOLDER_SET.add(name)
            _OWN.clear()  # decided again against the folders now known
    builtins.hash = _hash
