"""Before ``fetch_standard_url`` a host kj's parser takes (only letters, digits and ``.-:[]_``)
but that names no address -- an unclosed or non-IPv6 bracket, a second colon, a port out of
range -- fails the fetch with workerd's error, not a Python ``ValueError`` of the standard
library's URL parsing: ``Error: internal error; reference = ...`` where kj looks no name up (an
unclosed bracket, a second colon), and where it looks up one that does not resolve (``[zz]``'s
``zz``, ``h:99999``'s ``h``) its failed lookup, ``Error: Network connection failed: failed to lookup
address information: ...``, as ``wrangler dev`` 4.168.0 answered at 2024-06-02
(tools/wrangler/fetch_url_differential.py, currency68b; 4.164.0's workerd: the internal error for
all four)."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import json_answer, one_file_worker

WORKER = """
import js
from workers import Response, WorkerEntrypoint

URLS = ["http://[::1/", "http://a:b:c/", "http://[zz]/", "http://h:99999/"]

async def sent(url):
    try:
        return (await js.fetch(url)).status
    except Exception as exc:
        return f"{type(exc).__name__} {getattr(exc, 'name', '')}: {getattr(exc, 'message', exc)}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([(await sent(url))[:47] for url in URLS])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


def test_a_host_naming_no_address_is_workerds_internal_error(tmp_path: Path) -> None:
    answer = json_answer(one_file_worker(tmp_path, WORKER, date="2024-06-02"), "/")
    assert answer == ["JsException Error: internal error; reference = "] * 2 + [
        "JsException Error: Network connection failed: f"] * 2
