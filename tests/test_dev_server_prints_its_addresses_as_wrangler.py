"""The addresses ``workers-env dev --ip`` prints, as wrangler dev 4.164.0 prints them (measured
with a Worker that has crons, ``--ip`` 0.0.0.0, ``::``, ``::1``, localhost and 127.0.0.1):
miniflare's ``Ready on`` line with an IPv6 address in brackets, then, for an address that means
every interface, one ``- http://...`` line per way in (``localhost`` and ``[::1]`` for ``::``,
then every IPv4 address of the machine, the loopback first); the cron hint's ``curl`` names
the address a local client reaches (127.0.0.1 for 0.0.0.0 and ``::``). It once printed the
raw ``--ip`` in both: ``curl "http://0.0.0.0:8787/..."``, ``curl "http://:::8787/..."``."""

from __future__ import annotations

import ipaddress
import re
import socket
from pathlib import Path

import pytest
from dev_reload_helpers import DevServer, answering, python_project


def _ipv6() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(("::1", 0))
        return True
    except OSError:
        return False


needs_ipv6 = pytest.mark.skipif(not _ipv6(), reason="no IPv6 loopback here")


def _printed(tmp_path: Path, ip: str) -> tuple[int, list[str], str]:
    """The port, the ready lines and the curl hint's URL printed for ``--ip ip``."""
    project = python_project(tmp_path / "app", answering("x"), config_extra='[triggers]\ncrons = ["* * * * *"]\n')
    with DevServer(project, ip=ip) as dev:
        dev.wait_for("/cdn-cgi/local/scheduled")
        ready = dev.wait_for("Ready on")
        port = dev.port
        lines = [dev.lines[ready]]
        for line in dev.lines[ready + 1:]:
            if not line.startswith("[wrangler:info] - "):
                break
            lines.append(line)
        curl = re.search(r'curl "([^"]+)"', dev.output)
    assert curl is not None, dev.output
    return port, lines, curl.group(1)


def test_every_ipv4_interface(tmp_path: Path) -> None:
    port, lines, curl = _printed(tmp_path, "0.0.0.0")
    assert lines[:2] == [f"[wrangler:info] Ready on http://0.0.0.0:{port}", f"[wrangler:info] - http://127.0.0.1:{port}"]
    for line in lines[2:]:  # the machine's other addresses, IPv4 ones only
        host = line.removeprefix("[wrangler:info] - http://").rsplit(":", 1)[0]
        assert ipaddress.ip_address(host).version == 4, line
    assert curl == f"http://127.0.0.1:{port}/cdn-cgi/local/scheduled"


@needs_ipv6
def test_every_interface(tmp_path: Path) -> None:
    port, lines, curl = _printed(tmp_path, "::")
    assert lines[:4] == [f"[wrangler:info] Ready on http://[::]:{port}", f"[wrangler:info] - http://localhost:{port}",
                         f"[wrangler:info] - http://[::1]:{port}", f"[wrangler:info] - http://127.0.0.1:{port}"]
    assert curl == f"http://127.0.0.1:{port}/cdn-cgi/local/scheduled"


@needs_ipv6
def test_the_ipv6_loopback(tmp_path: Path) -> None:
    # wrangler prints the curl hint's host in brackets twice, http://[[::1]]:8787 (its formatHostname
    # bracketing miniflare's already bracketed "[::1]"): a URL curl refuses; we print the one that works
    port, lines, curl = _printed(tmp_path, "::1")
    assert lines == [f"[wrangler:info] Ready on http://[::1]:{port}"]
    assert curl == f"http://[::1]:{port}/cdn-cgi/local/scheduled"


@pytest.mark.parametrize("ip", ["localhost", "127.0.0.1"])
def test_one_name_or_address_is_printed_as_given(tmp_path: Path, ip: str) -> None:
    port, lines, curl = _printed(tmp_path, ip)
    assert lines == [f"[wrangler:info] Ready on http://{ip}:{port}"]
    assert curl == f"http://{ip}:{port}/cdn-cgi/local/scheduled"
