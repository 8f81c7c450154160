"""``pyfetch``, ``workers.fetch``, ``js.fetch`` and a Fetcher's ``fetch`` through the SDK's wrapper
(``env.SVC.fetch``, a Durable Object stub's, ``self.env.ASSETS.fetch``) await JavaScript's promise
once, so the awaiting task is suspended once however soon the answer is ready -- a ``data:`` URL's
answer, an ``ASSETS`` file, a binding you supply that answers at once, a refusal (a rejection:
suspended, then raised). Pyodide's ``pyfetch`` ends in ``await fetcher(request, args)`` (its
``_pyfetch.py`` in 0.28.2 and 314.0.6), whose outcome Pyodide's future takes in a ``then`` reaction.
Real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 with ``fetch`` resolved, rejected or throwing at the call
(tools/pyodide/fetch_await_order_probe.mjs): a task awaiting twice beside one counting
``asyncio.sleep(0)`` turns runs ``a1 c0 a2 c1 a3`` (resolved), ``a1 c0 E a2 c1 E a3`` (rejected),
``a1 E a2 E a3 c0`` only where ``fetch`` throws at the call -- 314's ``pyfetch`` makes a text URL a
``Request`` first, whose constructor throws for a bad URL or init; two tasks gathered each awaiting
one run ``a1 b1 a2 b2``, as with a binding call (tests/test_runtime_binding_calls_suspend_the_awaiting_task.py).
workers-env ran these without suspending: ``a1 a2 a3 c0`` (review87) and ``a1 a2 b1 b2`` (audit33,
probing its binding-promise mutants); leftovers56 had made ``js.fetch`` and the env's binding calls
suspend, not these. The Worker runs the calls a test names (``?calls=``) under one of the two
harnesses (``/twice``, ``/pair``)."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import AWAITED_TWICE, GATHERED_PAIR, one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
from urllib.parse import urlsplit

import js
import workers
from pyodide.http import pyfetch
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        env = self.env
        calls = {
            "js fetch data": lambda: js.fetch("data:,x"),
            "workers.fetch data": lambda: workers.fetch("data:,hi"),
            "pyfetch data": lambda: pyfetch("data:,hi"),
            "pyfetch ftp": lambda: pyfetch("ftp://x/"),
            "pyfetch bad url": lambda: pyfetch("not a url"),
            "service fetch": lambda: env.SVC.fetch("https://svc/x"),
            "service fetch data": lambda: env.SVC.fetch("data:,hi"),
            "service fetch bad init": lambda: env.SVC.fetch("https://svc/x", method="B A D"),
            "service fetch request bad init": lambda: env.SVC.fetch(js.Request.new("https://svc/x"), method="B A D"),
            "stub fetch": lambda: env.NS.get(env.NS.idFromName("a")).fetch("https://do/x"),
            "assets": lambda: env.ASSETS.fetch("http://x/a.txt"),
            "assets data": lambda: env.ASSETS.fetch("data:,x"),
            "assets bad method": lambda: env.ASSETS.fetch("http://x/a.txt", method="bad method"),
        }
        url = urlsplit(str(request.url))
        harness = {"/twice": twice, "/pair": pair}[url.path]
        orders = {}
        for name in url.query.removeprefix("calls=").split(","):
            log = []
            await harness(calls[name.replace("+", " ")], log)
            orders[name.replace("+", " ")] = " ".join(log)
        return Response.json(orders)

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
''' + GATHERED_PAIR + AWAITED_TWICE

EXTRA = """
[assets]
directory = "public"
binding = "ASSETS"

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


def orders(tmp_path, date, harness, names, flags=()):
    """What the Worker dated ``date`` answers for each of ``names`` under ``harness``."""
    folder = one_file_worker(tmp_path, ENTRY, date=date, extra=EXTRA, flags=flags)
    (folder / "public").mkdir()
    (folder / "public" / "a.txt").write_text("a")
    worker = load_worker(folder, bindings={"SVC": Answers(), "NS": Namespace()})

    async def scenario():
        resp = await worker.fetch(f"/{harness}?calls=" + ",".join(names).replace(" ", "+"))
        assert resp.status == 200, await resp.text()
        return await resp.json()

    return asyncio.run(scenario())


RESOLVED, REJECTED, THROWN = "a1 c0 a2 c1 a3 c2 c3", "a1 c0 E a2 c1 E a3 c2 c3", "a1 E a2 E a3 c0 c1 c2 c3"
TWICE = ["workers.fetch data", "pyfetch data", "pyfetch ftp", "pyfetch bad url", "service fetch",
         "service fetch data", "service fetch bad init", "service fetch request bad init", "stub fetch"]


@pytest.mark.parametrize(("date", "flags", "thrown_at_the_call"), [
    ("2025-06-01", (), set()),  # Pyodide 0.26, the built-in SDK's patched pyfetch
    ("2025-11-01", (), set()),  # Pyodide 0.28, the built-in SDK
    ("2026-05-01", (), set()),  # the external SDK
    # 314's pyfetch: a text URL is a Request before fetch is called
    ("2026-05-01", ("python_workers_314",), {"pyfetch bad url", "service fetch bad init"}),
])
def test_each_fetch_suspends_the_awaiting_task_once(tmp_path, date, flags, thrown_at_the_call):
    rejected = {"pyfetch ftp", "pyfetch bad url", "service fetch bad init", "service fetch request bad init"}
    assert orders(tmp_path, date, "twice", TWICE, flags) == {
        name: THROWN if name in thrown_at_the_call else REJECTED if name in rejected else RESOLVED
        for name in TWICE}


PAIR = ["js fetch data", "pyfetch data", "workers.fetch data", "assets", "assets data"]


@pytest.mark.parametrize(("date", "refused"), [
    ("2025-11-01", "a1 b1 a! b!"),  # the built-in SDK
    ("2026-05-01", "a1 b1 a! b!"),  # the external SDK, Pyodide 0.28
    ("2026-09-08", "a1 a! b1 b!"),  # python_workers_314: the Request constructor refuses before the await
])
def test_gathered_fetches_interleave_as_deployed(tmp_path, date, refused):
    assert orders(tmp_path, date, "pair", [*PAIR, "assets bad method"]) == {
        **dict.fromkeys(PAIR, "a1 b1 a2 b2"), "assets bad method": refused}
