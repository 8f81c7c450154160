"""The addresses ``workers-env dev`` prints for its ``--ip``, as ``wrangler dev`` 4.164.0 prints them.

miniflare's ready lines: ``Ready on http://<host>:<port>`` with an IPv6 address in brackets
(``getURLSafeHost``), then, when listening on every address (``--ip 0.0.0.0``, ``::`` or ``*``),
one ``- http://<address>:<port>`` line per way in: ``localhost`` and ``[::1]`` for ``::``/``*``,
and every IPv4 address of the machine's interfaces (``getAccessibleHosts(true)``). The scheduled
handler's ``curl`` hint names the address a local client reaches the server on (miniflare's
``maybeGetLocallyAccessibleHost``): ``127.0.0.1`` for ``0.0.0.0``, ``::`` and ``*``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import ipaddress
import socket
import sys

__all__ = ["ready_lines", "scheduled_host"]

_EVERYWHERE = ("0.0.0.0", "::", "*")


def _url_safe(host: str) -> str:
    """miniflare's ``getURLSafeHost``: an IPv6 address in brackets, anything else as given."""
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


def scheduled_host(ip: str) -> str:
    """The host of the scheduled handler's ``curl`` hint for ``--ip ip``."""
    if ip == "localhost":
        return "localhost"
    if ip in ("127.0.0.1", *_EVERYWHERE):
        return "127.0.0.1"
    return _url_safe(ip)


def ready_lines(ip: str, port: int, *, updated: bool = False) -> list[str]:
    """miniflare's lines once the server listens on ``ip:port`` (without wrangler's prefix);
    ``updated``: its one line once it listens there after an edit of the config moved it."""
    if updated:
        return [f"Updated and ready on http://{_url_safe(ip)}:{port}"]
    lines = [f"Ready on http://{_url_safe(ip)}:{port}"]
    hosts: list[str] = []
    if ip in ("::", "*"):
        hosts += ["localhost", "[::1]"]
    if ip in _EVERYWHERE:
        try:
            hosts += _ipv4_addresses()
        except Exception:  # noqa: BLE001 - a platform's surprise must not stop dev: no lines of addresses then
            pass
    return lines + [f"- http://{host}:{port}" for host in hosts]


class _IfAddrs(ctypes.Structure):
    pass


_IfAddrs._fields_ = [("ifa_next", ctypes.POINTER(_IfAddrs)), ("ifa_name", ctypes.c_char_p),
                     ("ifa_flags", ctypes.c_uint), ("ifa_addr", ctypes.c_void_p), ("ifa_netmask", ctypes.c_void_p),
                     ("ifa_ifu", ctypes.c_void_p), ("ifa_data", ctypes.c_void_p)]


def _ipv4_addresses() -> list[str]:
    """Every IPv4 address of the machine's interfaces, by interface in the system's order (as
    Node.js's ``os.networkInterfaces()``, from ``getifaddrs``); where there is no ``getifaddrs``
    (Windows), the loopback address and those the host name resolves to."""
    found: dict[str, list[str]] = {}
    libc_name = ctypes.util.find_library("c") if sys.platform != "win32" else None
    try:
        if libc_name is None:  # (these errors are never shown: they lead to the fallback below)
            raise OSError
        libc = ctypes.CDLL(libc_name, use_errno=True)
        head = ctypes.POINTER(_IfAddrs)()
        if libc.getifaddrs(ctypes.byref(head)) != 0:
            raise OSError
        try:
            entry = head
            while entry:
                item = entry.contents
                if item.ifa_addr:
                    raw = ctypes.string_at(item.ifa_addr, 8)
                    # sa_family: 16 bits on Linux, a length byte then 8 bits on the BSDs and macOS
                    family = raw[1] if sys.platform == "darwin" or "bsd" in sys.platform else \
                        int.from_bytes(raw[:2], sys.byteorder)
                    if family == socket.AF_INET:
                        name = (item.ifa_name or b"").decode(errors="replace")
                        found.setdefault(name, []).append(socket.inet_ntoa(raw[4:8]))
                entry = item.ifa_next
        finally:
            libc.freeifaddrs(head)
    except (OSError, AttributeError):
        addresses = ["127.0.0.1"]
        try:
            infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        except (OSError, UnicodeError):  # a host name the resolver refuses (IDNA: a label over 63 characters)
            infos = []
        addresses += [str(info[4][0]) for info in infos]
        return list(dict.fromkeys(addresses))
    return [address for addresses in found.values() for address in addresses]
