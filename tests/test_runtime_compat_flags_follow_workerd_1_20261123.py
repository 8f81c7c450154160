"""workerd 1.20261123.1 (npm ``workerd``'s newest on 2026-12-05) has three compatibility flags
1.20261117.1 lacked -- ``websocket_standard_url_and_extensions``, ``fetch_invalid_response_type_error``
and ``connect_handler_immediate_tls`` -- none of them dated: its ``Cloudflare.compatibilityFlags``
lists them false at 2026-11-30 (its newest date) and true when the config names them, and takes
``websocket_legacy_url_and_extensions`` / ``fetch_invalid_response_legacy_error`` as their disable
flags. A Python Worker's ``_cloudflare_compat_flags`` holds the same."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

NEW = ("websocket_standard_url_and_extensions", "fetch_invalid_response_type_error", "connect_handler_immediate_tls")

ENTRY = f"""
from workers import Response, WorkerEntrypoint
import _cloudflare_compat_flags as flags


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({{name: getattr(flags, name) for name in {NEW!r}}})
"""


@pytest.mark.parametrize(("named", "expected"), [
    ((), dict.fromkeys(NEW, False)),
    (NEW, dict.fromkeys(NEW, True)),
    (("websocket_legacy_url_and_extensions", "fetch_invalid_response_legacy_error"), dict.fromkeys(NEW, False)),
])
def test_the_three_newest_flags_are_listed_off_unless_named(tmp_path, named, expected):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-11-30", flags=named))

    async def scenario():
        return await (await worker.fetch("/")).json()

    assert asyncio.run(scenario()) == expected
