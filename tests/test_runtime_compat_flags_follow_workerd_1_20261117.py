"""workerd 1.20261117.1 (the one wrangler 4.164.0 ships) turns ``enable_request_signal`` on from
compatibility date 2026-11-17 -- at 6552d99 it had no date -- and knows flags 6552d99 did not
(``python_workers_314``, implied by ``python_workers`` from 2026-09-08; ``temporal``, ...):
``_cloudflare_compat_flags`` lists them as it does, and from that date a request's ``signal``
aborts when its caller stops waiting without the flag being named."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from urllib.parse import urlparse
from pyodide.ffi.wrappers import add_event_listener
from workers import Response, WorkerEntrypoint
import _cloudflare_compat_flags as flags

SEEN = {}
NAMES = ("enable_request_signal", "python_workers_314", "spec_compliant_dispatch_exceptions", "temporal")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/flags":
            return Response.json({name: getattr(flags, name) for name in NAMES})
        if path == "/seen":
            return Response.json(SEEN)
        signal = request.js_object.signal

        def on_abort(event):
            SEEN["aborted"] = signal.reason.message
        add_event_listener(signal, "abort", on_abort)
        await asyncio.sleep(30)
        return Response("answered")
"""


@pytest.mark.parametrize(("date", "values", "seen"), [
    ("2026-11-16", {"enable_request_signal": False, "python_workers_314": True,
                    "spec_compliant_dispatch_exceptions": True, "temporal": False}, {}),
    ("2026-11-17", {"enable_request_signal": True, "python_workers_314": True,
                    "spec_compliant_dispatch_exceptions": True, "temporal": False},
     {"aborted": "The client has disconnected"}),
])
def test_the_request_signal_is_on_from_2026_11_17_and_the_newer_flags_are_listed(tmp_path, date, values, seen):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))

    async def scenario():
        listed = await (await worker.fetch("/flags")).json()
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(worker.fetch("/hang"), 0.3)
        for _ in range(50):  # the abort comes from a waitUntil task of the cancelled request
            await asyncio.sleep(0.02)
        return listed, await (await worker.fetch("/seen")).json()

    listed, got = asyncio.run(scenario())
    assert listed == values
    assert got == seen


def test_a_flag_workerd_has_since_is_named_off_by_its_disable_flag(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-11-17", flags=["no_python_workers_314"]))

    async def scenario():
        return await (await worker.fetch("/flags")).json()

    assert asyncio.run(scenario())["python_workers_314"] is False
