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
``gethostbyname_ex("")`` ``herror(1, 'Host not found')``, ``gethostname()`` ``'emscripten'``;
``getnameinfo(("172.29.1.0", 80), 0)`` ``('172.29.1.0', '80')``, and ``('example.com', '80')``
once ``example.com`` was looked up; ``getservbyname("http")`` ``OSError('service/proto not found')``.
:func:`install` gives ``socket.gethostbyname``, ``gethostbyname_ex``, ``gethostbyaddr`` and
``gethostname`` (and ``getnameinfo``, ``getservbyname``, ``getservbyport``, whose arguments CPython's own code checks, stopped at its audit event) that behaviour for calls made from Worker code (``socket.getfqdn`` follows, as it
calls ``gethostbyaddr``); other callers keep the host's resolver: test code, and workers-env's
own code or a binding you supplied running for the Worker.
"""

from __future__ import annotations

import ipaddress
import math
import operator
import os
import re
import socket
import sys
import threading
from collections.abc import Callable
from typing import Any

from workers_env._jsvalues import JS_WHITESPACE
from workers_env.runtime.auditstop import until_event
from workers_env.runtime.byidentity import WeakIdentityDict
from workers_env.runtime.current import current_runtime
from workers_env.runtime.filesystem import done_for_the_worker

__all__ = ["install"]

#: the fake addresses of one Worker's isolate: name -> address, address -> name, the next id
_TABLES: WeakIdentityDict[Any, _Table] = WeakIdentityDict()  # (by identity: a runtime holds unhashable JsProxies)
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


def _js_uint32(part: str | None) -> int | None:
    """``Number(part)`` as a 32-bit unsigned integer (JavaScript's ``ToUint32``); ``None`` for NaN."""
    if part is None:  # fewer than four parts: Number(undefined) is NaN
        return None
    text = part.strip(JS_WHITESPACE)
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


#: ``getnameinfo``'s flags, as Emscripten (musl) numbers them
_NI_NUMERICHOST, _NI_NAMEREQD = 1, 8
_NO_NAME = (-2, "Name does not resolve")  # EAI_NONAME, as Pyodide words it
#: what a wasm32 ``long`` cannot hold (CPython's ``i`` format reads a ``long`` first, 32-bit there)
_HOST_INT_OVERFLOW = ("signed integer is greater than maximum", "signed integer is less than minimum")


def _checked(function: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Run CPython's own ``socket.<function>`` up to its audit event, after it parsed its
    arguments and before any lookup: a wrong call is its own error, worded as there (an int a
    wasm32 ``long`` cannot hold as Pyodide words it)."""
    current = getattr(socket, function)
    original = getattr(current, "workers_env_original", current)
    try:
        until_event(f"socket.{function}", original, *args, **kwargs)
    except OverflowError as exc:
        if str(exc) in _HOST_INT_OVERFLOW:
            raise OverflowError("Python int too large to convert to C long") from None
        raise


def _inet_ntop6(packed: bytes) -> str:
    """Emscripten's ``inetNtop6``: an IPv4-mapped address as ``::ffff:1.2.3.4``, one whose first
    six words are zero as ``::1.2.3.4`` (``::`` and ``::1`` themselves), else the longest run
    (the first of equal ones) of two or more zero words as ``::``, words in lower-case hex."""
    words = [int.from_bytes(packed[i:i + 2], "big") for i in range(0, 16, 2)]
    if not any(words[:5]):
        v4 = ".".join(str(b) for b in packed[12:])
        if words[5] == 0xFFFF:
            return "::ffff:" + v4
        if words[5] == 0:
            return "::" + {"0.0.0.0": "", "0.0.0.1": "1"}.get(v4, v4)
    longest = length = zstart = lastzero = 0
    for i, word in enumerate(words):  # Emscripten's own run counting
        if word == 0:
            if i - lastzero > 1:
                length = 0
            lastzero = i
            length += 1
        if length > longest:
            longest, zstart = length, i - length + 1
    out = ""
    for i, word in enumerate(words):
        if longest > 1 and word == 0 and zstart <= i < zstart + longest:
            if i == zstart:
                out += "::" if zstart == 0 else ":"
            continue
        out += format(word, "x") + (":" if i < 7 else "")
    return out


def _htons_read_back(port: int) -> int:
    """The port as Emscripten's ``getaddrinfo`` stores it and ``getnameinfo`` reads it back:
    wasm's ``htons`` swaps the bytes of the whole 32-bit value before the store keeps 16 bits
    (``0``-``65535`` come back as given; ``70000`` as ``4465``, ``-1`` as ``65535``)."""
    wide = port & 0xFFFFFFFF
    stored = ((wide << 8) | (wide >> 8)) & 0xFFFF
    return ((stored & 0xFF) << 8) | (stored >> 8)


def _getnameinfo(runtime: Any, *args: Any, **kwargs: Any) -> tuple[str, str]:
    """CPython's ``getnameinfo`` on Emscripten's: the host part read as a numeric address only
    (``getaddrinfo`` with ``AI_NUMERICHOST``: a name, ``""`` or ``<broadcast>`` is
    ``gaierror(-2, 'Name does not resolve')``), an IPv4 one given as a 2-tuple; then the name
    Emscripten's DNS made up for that address (``DNS.lookup_addr``), else the address
    (``NI_NAMEREQD``: that gaierror), and the port as a number (no service names)."""
    _checked("getnameinfo", args, kwargs)
    sockaddr, flags = args
    host, port = sockaddr[0], _htons_read_back(operator.index(sockaddr[1]))
    addr = _inet_pton4(host)
    if addr is not None:
        if len(sockaddr) != 2:
            raise OSError("IPv4 sockaddr must be 2 tuple")
    elif _is_ipv6(host):
        addr = _inet_ntop6(ipaddress.IPv6Address(host).packed)
    else:
        raise socket.gaierror(*_NO_NAME)
    flags = operator.index(flags)
    name = None
    if not flags & _NI_NUMERICHOST:
        with _LOCK:
            name = _table(runtime).names.get(addr)
    if name is None and flags & _NI_NAMEREQD:
        raise socket.gaierror(*_NO_NAME)
    return name or addr, str(port)


def _getservbyname(runtime: Any, *args: Any, **kwargs: Any) -> int:
    """Pyodide has no services database: every name is ``OSError('service/proto not found')``."""
    _checked("getservbyname", args, kwargs)
    raise OSError("service/proto not found")


def _getservbyport(runtime: Any, *args: Any, **kwargs: Any) -> str:
    """Pyodide has no services database: every port is ``OSError('port/proto not found')``."""
    _checked("getservbyport", args, kwargs)
    raise OSError("port/proto not found")


_EMULATED: dict[str, Callable[..., Any]] = {
    "getservbyname": _getservbyname,
    "getservbyport": _getservbyport,
    "getnameinfo": _getnameinfo,
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
