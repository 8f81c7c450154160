"""Before compatibility date 2024-03-26 a Fetcher's ``get``/``put``/``delete`` are each one promise
whose steps -- the request through the binding's ``fetch``, the answer's status, its body read --
are workerd's C++ (``Fetcher::get``, http.c++): a Worker awaiting one waits as long as awaiting the
binding's ``fetch`` would. Measured in workerd (wrangler 4.164.0 at 2024-03-25, a JavaScript
Worker whose service binding is itself, a task counting ``setTimeout(0)`` turns -- Pyodide's
``asyncio.sleep(0)`` in workerd -- beside one awaiting each twice): ``fetch``, ``fetch`` then
``text()``, ``get`` of each type, a 404's ``get``, ``put`` and ``delete`` all settle within the same
turns. Here ``get`` took 5 loop turns and ``put``/``delete`` 4 where ``fetch`` took 1 (a binding
you supply answering at once), and 6-7 where ``fetch`` took 4 (another Worker) (review87). The
promise a Worker cancels while the answer is pending stays cancelled, the answer dropped unread,
nothing printed (tools/wrangler/fetcher_shortcut_turns_probe.py)."""

from __future__ import annotations

import asyncio

from worker_helpers import AWAITED_TWICE, one_file_worker, service_pair

from workers_env import load_worker

CALLER = '''
import asyncio
import json
from workers import Response


async def on_fetch(request, env):
    calls = {
        "fetch": lambda: env.SEARCH.fetch("https://s/x"),
        "get": lambda: env.SEARCH.get("https://s/x"),
        "get json": lambda: env.SEARCH.get("https://s/j", "json"),
        "get 404": lambda: env.SEARCH.get("https://s/404"),
        "put": lambda: env.SEARCH.put("https://s/x", "body"),
        "delete": lambda: env.SEARCH.delete("https://s/x"),
        "get 500": lambda: env.SEARCH.get("https://s/500"),
    }
    orders = {}
    for name, call in calls.items():
        log = []
        await twice(call, log, turns=10)
        orders[name] = " ".join(log)
    return Response(json.dumps(orders))
''' + AWAITED_TWICE

CALLEE = '''
from workers import Response


async def on_fetch(request, env):
    status = 404 if request.url.endswith("404") else 500 if request.url.endswith("500") else 200
    return Response('{"a": 1}', status=status)
'''


class Answers:
    """A service you supply, answering at once."""

    async def fetch(self, resource, init=None):
        from workers_env import js

        url = str(getattr(resource, "url", resource))
        status = 404 if url.endswith("404") else 500 if url.endswith("500") else 200
        return js.Response.new('{"a": 1}', js.Object.fromEntries([["status", status]]))


def orders_of(worker) -> dict[str, str]:
    async def scenario():
        return await (await worker.fetch("/")).json()

    return asyncio.run(scenario())


def counted(*at: int) -> str:
    """The order of a task whose two awaits each end after the counter's turns ``at``."""
    log, turn = ["a1"], 0
    for i in range(10):
        log.append(f"c{i}")
        if turn < 2 and i == at[turn]:
            turn += 1
            log.append(f"a{turn + 1}")
    return " ".join(log)


def test_with_a_binding_you_supply_each_takes_one_turn_as_fetch(tmp_path):
    extra = '\n[[services]]\nbinding = "SEARCH"\nservice = "search"\n'
    worker = load_worker(one_file_worker(tmp_path, CALLER, date="2024-03-25", extra=extra),
                         bindings={"SEARCH": Answers()})
    orders = orders_of(worker)
    assert orders.pop("get 500") == counted(0, 1).replace("a2", "E a2").replace("a3", "E a3")
    assert orders == dict.fromkeys(orders, counted(0, 1))  # a1 c0 a2 c1 a3 ...


def test_through_another_worker_each_takes_the_turns_of_its_fetch(tmp_path):
    orders = orders_of(service_pair(tmp_path, CALLEE, CALLER, "2024-03-25"))
    fetch = orders.pop("fetch")
    assert fetch == counted(3, 7)  # the other Worker's answer: 4 turns here
    assert orders.pop("get 500") == fetch.replace("a2", "E a2").replace("a3", "E a3")
    assert orders == dict.fromkeys(orders, fetch)


CANCELLING = '''
import asyncio
from workers import Response


async def on_fetch(request, env):
    p = env.SEARCH.get("https://s/x")
    p.cancel()  # the Worker cancels the promise; workerd's request goes on, its answer unread
    for _ in range(8):
        await asyncio.sleep(0)
    return Response(f"{p.cancelled()} " + await env.SEARCH.get("https://s/x"))
'''


def test_a_promise_cancelled_while_pending_stays_cancelled_without_a_word(tmp_path, capsys, caplog):
    gateway = service_pair(tmp_path, CALLEE, CANCELLING, "2024-03-25")
    async def scenario():
        return await (await gateway.fetch("/")).text()

    assert asyncio.run(scenario()) == 'True {"a": 1}'
    assert "InvalidStateError" not in capsys.readouterr().err + caplog.text
