"""What workerd's SQLite (3.54) runs that an older SQLite linked into Python lacks.

D1 runs on the SQLite library Python's ``sqlite3`` links (3.40 on Debian 12, 3.37 on Ubuntu
22.04). Where a later SQLite added something a Worker may well use, and plain Python can
reproduce it exactly, it is added to each connection here, and only when the linked SQLite
lacks it: ``unhex`` (3.41), the ``subsec`` modifier of the date and time functions (3.42), ``octet_length`` (3.43), ``concat``, ``concat_ws`` and ``string_agg`` (3.44; an aggregate only, see :func:`install`). Each was
checked against wrangler 4.164.0's local D1 (SQLite 3.54) with ``tools/wrangler/d1_differential.py``.
The functions D1 refuses that such an SQLite does not know get a stand-in, so the authorizer
refuses them in D1's words (``not authorized to use function``) rather than SQLite's ``no such
function``. What cannot be added (``jsonb``, ``timediff``, ``ORDER BY`` inside an aggregate's
arguments, ...) fails as the linked SQLite says, with a note from :func:`older_sqlite_note`.
"""

from __future__ import annotations

import atexit
import functools
import math
import re
import sqlite3
import sys
import threading
from collections.abc import Callable
from typing import Any

from workers_env.d1 import rawtext

__all__ = ["install", "older_sqlite_note", "real_text"]

LINKED = sqlite3.sqlite_version_info
#: The SQLite workerd bundles (wrangler 4.164.0), whose answers D1 gives.
WORKERD_SQLITE = "3.54"
_MAX_ARGS = 127  # SQLITE_LIMIT_FUNCTION_ARG (workerd keeps SQLite's default)

#: Functions of a later SQLite that D1's authorizer refuses, by the argument counts SQLite
#: registers them with (-1: any), so a call with another count fails with SQLite's
#: ``wrong number of arguments`` as under wrangler, and the others with D1's refusal.
_REFUSED_LATER: dict[str, tuple[int, ...]] = {
    "json_error_position": (1,),  # 3.42
    "json_pretty": (1, 2),  # 3.46
    "fts5_locale": (2,),  # 3.47
    "fts5_insttoken": (1,),
    "fts5_get_locale": (-1,),
    "if": tuple(range(2, _MAX_ARGS + 1)),  # 3.48 (iif's other name)
    "unistr": (1,),  # 3.50
    "unistr_quote": (1,),
    "json_array_insert": (-1,),  # 3.51
    "jsonb_array_insert": (-1,),
}

#: What the linked SQLite may lack and cannot be added here: (pattern of SQLite's error, what
#: it is, the SQLite release that added it).
_NOT_ADDED: tuple[tuple[re.Pattern[str], str, tuple[int, int]], ...] = (
    (re.compile(r"no such function: (jsonb\w*)"), "{0}()", (3, 45)),
    (re.compile(r"no such function: (timediff)"), "{0}()", (3, 43)),
    (re.compile(r'near "ORDER": syntax error'), "if this is an ORDER BY inside an aggregate function's arguments: that",
     (3, 44)),
    (re.compile(r'unrecognized option: "(contentless_delete|contentless_unindexed|locale)"'),
     "the FTS5 option {0}", (3, 43)),
    (re.compile(r"wrong number of arguments to function json_valid\(\)"), "json_valid()'s second argument", (3, 45)),
    (re.compile(r"(string_agg)\(\) may not be used as a window function"), "{0}() as a window function", (3, 44)),
)


def older_sqlite_note(message: str) -> str | None:
    """For an error the linked SQLite gives where workerd's would run the statement: a note
    saying so (``None`` for any other error, or when the linked SQLite is recent enough)."""
    for pattern, what, since in _NOT_ADDED:
        found = pattern.search(message)
        if found is not None and LINKED < since:
            name = what.format(*found.groups())
            return (f"{name} needs SQLite {since[0]}.{since[1]}: D1 runs it (workerd bundles SQLite "
                    f"{WORKERD_SQLITE}), but the SQLite your Python links is {sqlite3.sqlite_version}, so it fails "
                    f"here only; run with a Python linked against SQLite {since[0]}.{since[1]} or later to use it")
    return None


def install(conn: sqlite3.Connection, handle: int | None = None) -> bool:
    """Add what the linked SQLite lacks to ``conn``: through SQLite's C API on its handle
    (``handle``, an ``sqlite3*``) where there is one, so TEXT that is not UTF-8 (a lone
    surrogate as V8 writes it, ``ED A0 80``) reaches the functions written here as it is (see
    :mod:`.rawtext`), else through Python's ``sqlite3``, which refuses such TEXT. Whether every
    function added takes such TEXT."""
    raw = handle is not None and rawtext.library() is not None

    def function(name: str, count: int, call: Callable[..., Any]) -> None:
        if not (raw and rawtext.create_function(handle, name, count, call)):  # type: ignore[arg-type]
            conn.create_function(name, count, call, deterministic=True)

    if LINKED < (3, 41):
        function("unhex", 1, _unhex)
        function("unhex", 2, _unhex)
    if LINKED < (3, 43):
        function("octet_length", 1, _octet_length)
    if LINKED < (3, 44):
        for count in range(1, _MAX_ARGS + 1):
            function("concat", count, _concat)
        for count in range(2, _MAX_ARGS + 1):
            function("concat_ws", count, _concat_ws)
        # an aggregate only, not a window function: Python's sqlite3 crashes the process when SQLite
        # reads a Python window function's value before any step (an empty frame, a FILTER: CPython
        # gh-153800); the ignore: typeshed's protocol wants step(int) and an int from finalize
        if not (raw and rawtext.create_aggregate(handle, "string_agg", 2, _StringAgg)):  # type: ignore[arg-type]
            conn.create_aggregate("string_agg", 2, _StringAgg)  # type: ignore[arg-type]
    known = {row[0] for row in conn.execute("SELECT name FROM pragma_function_list /* workers-env internal */")}
    for name, counts in _REFUSED_LATER.items():
        if name not in known:
            for count in counts:
                conn.create_function(name, count, _refused, deterministic=True)
    if LINKED < (3, 42):
        for name in _DATE_FUNCTIONS:
            function(name, -1, _subsec(name))
    return raw or LINKED >= (3, 44)


def _refused(*_args: Any) -> None:  # never runs: the authorizer refuses the call first
    return None


# -- values as SQLite 3.54 writes them as text ----------------------------------------------


def real_text(value: float) -> str:
    """A REAL as text, as SQLite 3.43 and later write it (CAST, ``||``, ``concat``): 15
    significant digits when they read back as the same double, else 17; plain notation for
    exponents from -4 to 16, else ``1.0e+20``; always a ``.0`` when there is no fraction."""
    if math.isinf(value):
        return "Inf" if value > 0 else "-Inf"
    if value == 0:
        return "0.0"  # -0.0 too
    digits = 15
    if float(f"{value:.14e}") != value or abs(value) < sys.float_info.min:  # (a subnormal: 17, measured)
        digits = 17
    mantissa, _, exponent_text = f"{value:.{digits - 1}e}".partition("e")
    exponent = int(exponent_text)
    sign = "-" if mantissa.startswith("-") else ""
    figures = mantissa.lstrip("-").replace(".", "").rstrip("0") or "0"
    if -4 <= exponent < 17:
        if exponent >= 0:
            whole = figures[: exponent + 1].ljust(exponent + 1, "0")
            fraction = figures[exponent + 1:]
        else:
            whole, fraction = "0", "0" * (-exponent - 1) + figures
        return f"{sign}{whole}.{fraction or '0'}"
    head, tail = figures[0], figures[1:] or "0"
    return f"{sign}{head}.{tail}e{'-' if exponent < 0 else '+'}{abs(exponent):02d}"


def _text(value: Any) -> str:
    """A non-NULL value as SQLite reads it as text (a BLOB's bytes as UTF-8)."""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return real_text(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


# -- the functions ---------------------------------------------------------------------------


def _concat(*values: Any) -> str:
    return "".join(_text(v) for v in values if v is not None)


def _concat_ws(separator: Any, *values: Any) -> str | None:
    if separator is None:
        return None
    return _text(separator).join(_text(v) for v in values if v is not None)


def _octet_length(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        return len(value)
    return len(_text(value).encode("utf-8", errors="surrogateescape"))  # (TEXT's bytes: see install)


_HEX = frozenset("0123456789abcdefABCDEF")


def _unhex(value: Any, ignored: Any = "") -> bytes | None:
    """SQLite's ``unhex(X, Y)``: hex digit pairs, characters of Y that are not hex digits
    skipped between pairs, anything else (or a split pair) NULL."""
    if value is None or ignored is None:
        return None
    text, skip = _text(value), set(_text(ignored)) - _HEX
    out = bytearray()
    at = 0
    while at < len(text):
        char = text[at]
        if char in skip:
            at += 1
            continue
        pair = text[at:at + 2]
        if len(pair) < 2 or pair[0] not in _HEX or pair[1] not in _HEX:
            return None
        out.append(int(pair, 16))
        at += 2
    return bytes(out)


class _StringAgg:
    """``string_agg(X, Y)`` (group_concat's two-argument form), as an aggregate (not a window
    function: :func:`install`): NULL values skipped, each value after the first preceded by its
    own row's separator (NULL: none); no value at all, NULL."""

    def __init__(self) -> None:
        self._parts: list[tuple[str, str]] = []

    def step(self, value: Any, separator: Any) -> None:
        if value is not None:
            self._parts.append((_text(value), "" if separator is None else _text(separator)))

    def finalize(self) -> str | None:
        if not self._parts:
            return None
        first, *rest = self._parts
        return first[0] + "".join(separator + text for text, separator in rest)


_SUBSEC = frozenset(("subsec", "subsecond"))
#: SQLite's date and time functions, by the position of their time value (strftime's first
#: argument is its format).
_DATE_FUNCTIONS = {"unixepoch": 0, "datetime": 0, "time": 0, "date": 0, "julianday": 0, "strftime": 1}


def _is_subsec(value: Any) -> bool:
    return isinstance(value, str) and value.lower() in _SUBSEC


_helper: sqlite3.Connection | None = None
_helper_lock = threading.Lock()


def _linked(sql: str, args: list[Any]) -> Any:
    """``sql``'s one value, run on the linked SQLite's own functions: one connection for the
    process, made when first needed (one per database would be freed only by a second round of
    the cyclic collector, its statement cache and it referring to each other)."""
    global _helper
    args = [_as_text_bytes(value) if isinstance(value, str) else value for value in args]
    with _helper_lock:
        if _helper is None:
            _helper = sqlite3.connect(":memory:", check_same_thread=False)
            _helper.text_factory = _surrogate_escaped
            atexit.register(_helper.close)  # (3.13 warns of a connection never closed)
        return _helper.execute(sql, args).fetchone()[0]


def _as_text_bytes(value: str) -> str | bytes:
    """A text argument as ``sqlite3`` can bind it: TEXT that is not UTF-8 (surrogate escapes,
    see :mod:`.rawtext`) as a BLOB of its bytes, which the date and time functions read as
    the same text."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return value.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogatepass")
    return value


def _surrogate_escaped(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")  # (strftime keeps its format's bytes)


@functools.cache  # (one function per name: each is made a C callback once, see rawtext)
def _subsec(name: str) -> Callable[..., Any]:
    """``name`` (one of :data:`_DATE_FUNCTIONS`) with SQLite 3.42's ``subsec`` modifier: the
    linked SQLite's own function (:func:`_linked`) without it, whose answer the modifier
    changes only for ``unixepoch`` (a REAL of whole milliseconds), ``datetime`` and ``time``
    (``HH:MM:SS.SSS``); ``'subsec'`` as the time value is ``'now'`` with the modifier, as 3.42
    reads it."""
    at = _DATE_FUNCTIONS[name]

    def call(*args: Any) -> Any:
        values = list(args)
        subsec = len(values) > at and _is_subsec(values[at])
        if subsec:
            values[at] = "now"
        kept = values[: at + 1] + [v for v in values[at + 1:] if not _is_subsec(v)]
        subsec = subsec or len(kept) < len(values)
        if not subsec or name not in ("unixepoch", "datetime", "time"):
            return _linked(f"SELECT {name}({','.join('?' * len(kept))})", kept)
        marks = ",".join("?" * len(kept))
        if name == "unixepoch":
            day = _linked(f"SELECT julianday({marks})", kept)
            if day is None:
                return None
            return (round(day * 86400000.0) - 210866760000000) / 1000.0
        layout = "%Y-%m-%d %H:%M:%f" if name == "datetime" else "%H:%M:%f"
        return _linked(f"SELECT strftime(?,{marks})", [layout, *kept])

    return call
