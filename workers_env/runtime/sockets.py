"""The ``socket`` module's name lookups as a Python Worker has them: Emscripten's fake DNS.

Pyodide has no network resolver: its libc answers from Emscripten's ``DNS.lookup_name``
(``src/lib/libcore.js``), which hands each new name the next made-up address ``172.29.<id &
0xff>.<id & 0xff00>`` -- read back as ``172.29.<n>.0``, ids from 1, per isolate; past 255 names
the addresses repeat -- and keeps a name that ``inetPton4`` (each of four ``.``-parts read with
JavaScript's ``Number()``: ``0x7f.0.0.1`` is ``127.0.0.1``) or ``inetPton6`` accepts. In front
of it CPython's ``setipaddr`` answers ``""`` (``0.0.0.0``) and ``<broadcast>`` itself and
IDNA-encodes a ``str``. Checked with Pyodide 0.26.0a4 and 0.28.2 under Node:
``gethostbyname("example.com")`` is ``'172.29.1.0'`` and ``gethostbyaddr`` of it
``('example.com', ['example.com'], ['172.29.1.0'])``; an IPv6 literal is ``gaierror(-2, 'Name
does not resolve')`` (``gethostbyaddr``: ``OSError('unknown address family')``),
``gethostbyname_ex("")`` ``herror(1, 'Host not found')``, ``gethostname()`` ``'emscripten'``.
:func:`install` gives ``socket.gethostbyname``, ``gethostbyname_ex``, ``gethostbyaddr`` and
``gethostname`` that behaviour for calls made from Worker code (``socket.getfqdn`` follows, as it
calls ``gethostbyaddr``); other callers keep the host's resolver: test code, and workers-env's
own code or a binding you supplied running for the Worker.
"""

from __future__ import annotations

import ipaddress
import math
import os
import re
import socket
import sys
import threading
import weakref
from collections.abc import Callable
from typing import Any

from workers_env.runtime.current import current_runtime
from workers_env.runtime.filesystem import done_for_the_worker

__all__ = ["install"]

#: the fake addresses of one Worker's isolate: name -> address, address -> name, the next id
_TABLES: weakref.WeakKeyDictionary[Any, _Table] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()  # Worker code in threads (anyio's pool, a test's executor) shares the table


class _Table:
    __slots__ = ("addrs", "names", "next_id")

    def __init__(self) -> None:
        self.addrs: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.next_id = 1


def _table(runtime: Any) -> _Table:
    table = _TABLES.get(runtime)
    if table is None:
        table = _TABLES[runtime] = _Table()
    return table


#: what JavaScript's ``Number()`` reads of a string with no ``.`` in it (ECMAScript StringToNumber)
_JS_DECIMAL = re.compile(r"[+-]?(?:\d+(?:[eE][+-]?\d+)?|Infinity)")
_JS_RADIX = re.compile(r"0([xXoObB])([0-9a-fA-F]+)")
_RADIX = {"x": 16, "o": 8, "b": 2}
_JS_SPACE = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def _js_uint32(part: str | None) -> int | None:
    """``Number(part)`` as a 32-bit unsigned integer (JavaScript's ``ToUint32``); ``None`` for NaN."""
    if part is None:  # fewer than four parts: Number(undefined) is NaN
        return None
    text = part.strip(_JS_SPACE)
    if text == "":
        return 0
    radix = _JS_RADIX.fullmatch(text)
    if radix is not None:
        try:
            return int(radix.group(2), _RADIX[radix.group(1).lower()]) & 0xFFFFFFFF
        except ValueError:  # a digit beyond the radix
            return None
    if _JS_DECIMAL.fullmatch(text) is None:
        return None
    number = float(text.replace("Infinity", "inf"))
    return 0 if math.isinf(number) else int(number) & 0xFFFFFFFF


def _inet_pton4(name: str) -> str | None:
    """Emscripten's lax ``inetPton4``: the first four ``.``-separated parts read with
    ``Number()`` and or-ed into a 32-bit address (``0x7f.0.0.1`` is ``127.0.0.1``, ``1.2.3.256``
    wraps to ``1.2.3.0``, a fifth part is ignored); ``None`` when one of them is NaN."""
    parts = name.split(".")
    words = [_js_uint32(parts[i] if i < len(parts) else None) for i in range(4)]
    if any(word is None for word in words):
        return None
    packed = 0
    for shift, word in zip((0, 8, 16, 24), words):
        packed |= (word or 0) << shift
    packed &= 0xFFFFFFFF
    return ".".join(str((packed >> shift) & 0xFF) for shift in (0, 8, 16, 24))


def _is_ipv6(name: str) -> bool:
    """Emscripten's ``inetPton6`` accepts ``name`` (an IPv6 literal, without a scope)."""
    if ":" not in name or "%" in name:
        return False
    try:
        ipaddress.IPv6Address(name)
    except ValueError:
        return False
    return True


def _name(function: str, name: Any) -> str:
    """The name as CPython's ``socket`` hands it to libc: a ``str`` IDNA-encoded, bytes as given."""
    if isinstance(name, str):
        return name.encode("idna").decode("ascii")
    if isinstance(name, (bytes, bytearray)):
        return bytes(name).decode("utf-8", "replace")  # Emscripten's UTF8ToString
    shown = "None" if name is None else type(name).__name__
    raise TypeError(f"{function}() argument 1 must be str, bytes or bytearray, not {shown}")


def _lookup_name(runtime: Any, name: str) -> str:
    """Emscripten's ``DNS.lookup_name``: ``name`` itself when it reads as an address, else the
    made-up ``172.29.<id & 0xff>.<id & 0xff00>`` of the name, made the first time it is asked."""
    if _inet_pton4(name) is not None or _is_ipv6(name):
        return name
    with _LOCK:
        table = _table(runtime)
        addr = table.addrs.get(name)
        if addr is None:
            made = table.next_id
            table.next_id += 1
            addr = table.addrs[name] = f"172.29.{made & 0xFF}.{made & 0xFF00}"
            table.names[addr] = name
    return addr


def _resolve(runtime: Any, name: str, family_any: bool) -> str:
    """CPython's ``setipaddr`` on Emscripten's ``getaddrinfo``: ``""`` (the wildcard) and
    ``<broadcast>`` answered by CPython, an IPv4 literal read laxly, an IPv6 literal refused
    (``gethostbyname``, AF_INET) or of an address family CPython built without IPv6 cannot look
    up (``gethostbyaddr``), any other name its made-up address."""
    if name == "":
        return "0.0.0.0"
    if name in ("<broadcast>", "255.255.255.255"):
        return "255.255.255.255"
    addr = _inet_pton4(name)
    if addr is not None:
        return addr
    if _is_ipv6(name):
        if family_any:
            raise OSError("unknown address family")
        raise socket.gaierror(-2, "Name does not resolve")
    return _inet_pton4(_lookup_name(runtime, name)) or "0.0.0.0"


def _for_the_worker(runtime: Any) -> bool:
    """Whether the lookup under way is workers-env's or a binding you supplied, done for the
    running Worker (its frames come before the Worker's own, as for its file reads)."""
    uploads = getattr(runtime, "uploads", None)
    if uploads is None:
        return False
    return done_for_the_worker(sys._getframe(2), str(uploads.root) + os.sep)


def _wrap(original: Callable[..., Any], emulated: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        runtime = current_runtime()
        if runtime is None or _for_the_worker(runtime):  # not Worker code: the host's resolver
            return original(*args, **kwargs)
        return emulated(runtime, *args, **kwargs)

    call.workers_env_original = original  # type: ignore[attr-defined]
    call.__name__ = call.__qualname__ = original.__name__
    call.__doc__ = original.__doc__
    return call


def _gethostbyname(runtime: Any, hostname: Any) -> str:
    return _resolve(runtime, _name("gethostbyname", hostname), family_any=False)


def _gethostbyname_ex(runtime: Any, hostname: Any) -> tuple[str, list[str], list[str]]:
    name = _name("gethostbyname_ex", hostname)
    _resolve(runtime, name, family_any=False)  # CPython checks the name first, then asks libc's gethostbyname
    if name == "":
        raise socket.herror(1, "Host not found")
    addr = _inet_pton4(_lookup_name(runtime, name)) or "0.0.0.0"
    return name, [name], [addr]


def _gethostbyaddr(runtime: Any, ip: Any) -> tuple[str, list[str], list[str]]:
    addr = _resolve(runtime, _name("gethostbyaddr", ip), family_any=True)
    with _LOCK:
        name = _table(runtime).names.get(addr, addr)  # Emscripten's DNS.lookup_addr
    return name, [name], [addr]


def _gethostname(runtime: Any) -> str:
    return "emscripten"


_EMULATED: dict[str, Callable[..., Any]] = {
    "gethostbyname": _gethostbyname,
    "gethostbyname_ex": _gethostbyname_ex,
    "gethostbyaddr": _gethostbyaddr,
    "gethostname": _gethostname,
}


def install() -> None:
    """Wrap the ``socket`` module's lookups (once)."""
    for name, emulated in _EMULATED.items():
        original = getattr(socket, name)
        if getattr(original, "workers_env_original", None) is not None:
            continue
        setattr(socket, name, _wrap(original, emulated))
