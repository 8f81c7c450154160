"""``pyfetch``, ``workers.fetch`` and a Fetcher's ``fetch`` through the SDK's wrapper
(``env.SVC.fetch``, a Durable Object stub's) await JavaScript's promise once, so the awaiting task
is suspended once however soon the answer is ready -- a ``data:`` URL's answer, a binding you
supply that answers at once, a refusal (a rejection: suspended, then raised). Real Pyodide 0.26.0a4,
0.28.2 and 314.0.6 with ``fetch`` resolved, rejected or throwing at the call: a task awaiting twice
beside one counting ``asyncio.sleep(0)`` turns runs ``a1 c0 a2 c1 a3`` (resolved), ``a1 c0 E a2 c1 E
a3`` (rejected), ``a1 E a2 E a3 c0`` only where ``fetch`` throws at the call -- 314's ``pyfetch``
makes a text URL a ``Request`` first, whose constructor throws for a bad URL or init
(tools/pyodide/fetch_await_order_probe.mjs). workers-env ran every one of these without
suspending: ``a1 a2 a3 c0`` (review87; leftovers56 had made ``js.fetch`` and the env's binding calls
suspend, not these)."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import js
import workers
from pyodide.http import pyfetch
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        env = self.env
        calls = {
            "workers.fetch data": lambda: workers.fetch("data:,hi"),
            "pyfetch data": lambda: pyfetch("data:,hi"),
            "pyfetch ftp": lambda: pyfetch("ftp://x/"),
            "pyfetch bad url": lambda: pyfetch("not a url"),
            "service fetch": lambda: env.SVC.fetch("https://svc/x"),
            "service fetch data": lambda: env.SVC.fetch("data:,hi"),
            "service fetch bad init": lambda: env.SVC.fetch("https://svc/x", method="B A D"),
            "service fetch request bad init": lambda: env.SVC.fetch(js.Request.new("https://svc/x"), method="B A D"),
            "stub fetch": lambda: env.NS.get(env.NS.idFromName("a")).fetch("https://do/x"),
        }
        orders = {}
        for name, call in calls.items():
            log = []

            async def task():
                log.append("a1")
                for n in (2, 3):
                    try:
                        await call()
                    except Exception:
                        log.append("E")
                    log.append(f"a{n}")

            async def counter():
                for i in range(4):
                    log.append(f"c{i}")
                    await asyncio.sleep(0)

            await asyncio.gather(task(), counter())
            orders[name] = " ".join(log)
        return Response.json(orders)

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
'''

EXTRA = """
[[services]]
binding = "SVC"
service = "other"

[[durable_objects.bindings]]
name = "NS"
class_name = "Thing"
script_name = "other"
"""


class Answers:
    """A service (and a Durable Object stub) you supply, answering at once."""

    async def fetch(self, resource, init=None):
        from workers_env import js

        return js.Response.new("ok")


class Namespace:
    def idFromName(self, name):  # noqa: N802 - the JavaScript name
        return name

    def get(self, _id):
        return Answers()


RESOLVED, REJECTED, THROWN = "a1 c0 a2 c1 a3 c2 c3", "a1 c0 E a2 c1 E a3 c2 c3", "a1 E a2 E a3 c0 c1 c2 c3"


@pytest.mark.parametrize(("date", "flags", "thrown_at_the_call"), [
    ("2025-06-01", (), set()),  # Pyodide 0.26, the built-in SDK's patched pyfetch
    ("2025-11-01", (), set()),  # Pyodide 0.28, the built-in SDK
    ("2026-05-01", (), set()),  # the external SDK
    # 314's pyfetch: a text URL is a Request before fetch is called
    ("2026-05-01", ("python_workers_314",), {"pyfetch bad url", "service fetch bad init"}),
])
def test_each_fetch_suspends_the_awaiting_task_once(tmp_path, date, flags, thrown_at_the_call):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra=EXTRA, flags=flags),
                         bindings={"SVC": Answers(), "NS": Namespace()})

    async def scenario():
        return await (await worker.fetch("/")).json()

    rejected = {"pyfetch ftp", "pyfetch bad url", "service fetch bad init", "service fetch request bad init"}
    assert asyncio.run(scenario()) == {
        name: THROWN if name in thrown_at_the_call else REJECTED if name in rejected else RESOLVED
        for name in ["workers.fetch data", "pyfetch data", "pyfetch ftp", "pyfetch bad url", "service fetch",
                     "service fetch data", "service fetch bad init", "service fetch request bad init", "stub fetch"]}
