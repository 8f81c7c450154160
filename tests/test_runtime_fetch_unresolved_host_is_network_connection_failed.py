"""A Worker's ``fetch`` to a host name that does not resolve fails, as under ``wrangler dev``
4.168.0 (workerd 1.20261123.1; ``tools/wrangler/fetch_url_differential.py``, currency68b), with
``Error: Network connection failed: failed to lookup address information: <the resolver's words>``
(``Name or service not known`` from glibc's ``gai_strerror``) -- 4.164.0's workerd said ``Error:
internal error; reference = <id>`` -- at either URL parser's date, and for a host whose name fails
to resolve before its bad port is read. A host kj sends to no address without a lookup is still
the internal error (tests/test_runtime_fetch_legacy_url_with_a_host_kj_takes_and_no_address.py)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from worker_helpers import json_answer, one_file_worker

WORKER = """
import js
from workers import Response, WorkerEntrypoint

URLS = {urls!r}

async def sent(url):
    try:
        return (await js.fetch(url)).status
    except Exception as exc:
        return f"{{getattr(exc, 'name', '')}}: {{getattr(exc, 'message', exc)}}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([await sent(url) for url in URLS])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


def _resolver_words(name: str) -> str:
    try:
        socket.getaddrinfo(name, None)
    except socket.gaierror as exc:
        return str(exc.strerror)
    pytest.skip(f"{name} resolves on this machine")


@pytest.mark.parametrize(("date", "urls"), [
    ("2024-06-02", ["http://exa_mple.invalid/u", "http://xn--bcher-kva.invalid/p", "http://h.invalid:80x/bad-port"]),
    ("2024-06-03", ["http://exa_mple.invalid/u", "http://b\u00fccher.invalid/idna"]),
])
def test_an_unresolved_host_is_network_connection_failed(tmp_path: Path, date: str, urls: list[str]) -> None:
    words = _resolver_words("exa_mple.invalid")
    answer = json_answer(one_file_worker(tmp_path, WORKER.format(urls=urls), date=date), "/")
    assert answer == [f"Error: Network connection failed: failed to lookup address information: {words}"] * len(urls)
