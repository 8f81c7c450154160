"""The ``socket`` module's name lookups as a Python Worker has them: Emscripten's fake DNS.

Pyodide has no network resolver: its libc answers ``gethostbyname`` from Emscripten's
``DNS.lookup_name``, which hands each new name the next fake address ``172.29.<id & 0xff>.0``
(ids from 1, per isolate; past 255 names the addresses repeat), returns an IPv4 literal as it is,
and maps an address back to the name it was given for. Checked with Pyodide 0.26.0a4 and 0.28.2
under Node: ``gethostbyname("example.com")`` is ``'172.29.1.0'`` and ``gethostbyaddr`` of it
``('example.com', ['example.com'], ['172.29.1.0'])``; ``gethostbyname("")`` is ``'0.0.0.0'``, an
IPv6 literal ``gaierror(-2, 'Name does not resolve')``, ``gethostname()`` ``'emscripten'``.
:func:`install` gives ``socket.gethostbyname``, ``gethostbyname_ex``, ``gethostbyaddr`` and
``gethostname`` that behaviour for calls made from Worker code (``socket.getfqdn`` follows, as it
calls ``gethostbyaddr``); other callers, test code included, keep the host's resolver.
"""

from __future__ import annotations

import ipaddress
import socket
import weakref
from collections.abc import Callable
from typing import Any

from workers_env.runtime.current import current_runtime

__all__ = ["install"]

#: the fake addresses of one Worker's isolate: name -> address, address -> name, the next id
_TABLES: weakref.WeakKeyDictionary[Any, _Table] = weakref.WeakKeyDictionary()


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


def _is_ipv4(name: str) -> bool:
    try:
        ipaddress.IPv4Address(name)
    except ValueError:
        return False
    return True


def _lookup_name(runtime: Any, name: str) -> str:
    """Emscripten's ``DNS.lookup_name``: an address for ``name``, made up the first time."""
    if name == "":
        return "0.0.0.0"
    if _is_ipv4(name):
        return name
    if ":" in name:  # an IPv6 literal: Pyodide's gethostbyname (AF_INET) finds nothing
        raise socket.gaierror(-2, "Name does not resolve")
    table = _table(runtime)
    addr = table.addrs.get(name)
    if addr is None:
        made = table.next_id
        table.next_id += 1
        # Emscripten writes '172.29.<id & 0xff>.<id & 0xff00>'; the last part reads back as 0
        addr = f"172.29.{made & 0xFF}.0"
        table.addrs[name] = addr
        table.names[addr] = name
    return addr


def _wrap(original: Callable[..., Any], emulated: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        runtime = current_runtime()
        if runtime is None:  # not Worker code: the host's resolver
            return original(*args, **kwargs)
        return emulated(runtime, *args, **kwargs)

    call.workers_env_original = original  # type: ignore[attr-defined]
    call.__name__ = original.__name__
    call.__doc__ = original.__doc__
    return call


def _gethostbyname(runtime: Any, name: str) -> str:
    return _lookup_name(runtime, name)


def _gethostbyname_ex(runtime: Any, name: str) -> tuple[str, list[str], list[str]]:
    addr = _lookup_name(runtime, name)
    return name, [name], [addr]


def _gethostbyaddr(runtime: Any, ip: str) -> tuple[str, list[str], list[str]]:
    addr = _lookup_name(runtime, ip)
    name = _table(runtime).names.get(addr, addr)
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
