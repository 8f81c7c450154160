"""A Durable Object stub is a ``Fetcher`` too (workerd: ``class DurableObject: public Fetcher``), so
before compatibility date 2024-03-26 (``fetcher_no_get_put_delete``) it has ``get``, ``put`` and
``delete`` on its prototype like a service binding (workerd http.h), which ``dir()`` lists and
which are shortcuts for the stub's own ``fetch`` (leftovers54: this supplied stub has none, so the
shortcut fails as Python does), from that date an RPC method of the name is called. The stub comes from a binding's method (``env.NS.get(id)``), which hands the binding's
era on to it. audit30: a mutant that handed it no era (the stub's ``get`` an RPC call whatever the
date) passed every test, which looked at service bindings alone."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = """\
    from workers import Response


    async def on_fetch(request, env):
        stub = env.NS.get(env.NS.idFromName("room"))
        listed = [name for name in ("delete", "get", "put") if name in dir(stub)]
        try:
            got = await stub.get("k")
        except Exception as error:
            got = [type(error).__name__ + ": " + str(error), *getattr(error, "__notes__", ())]
        return Response(repr([listed, got]))
"""


class Stub:
    async def get(self, key):
        return "rpc " + key


class Namespace:
    def idFromName(self, name):  # noqa: N802 - JavaScript's name
        return f"id:{name}"

    def get(self, ident):
        return Stub()


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "expected"), [
    ("2024-03-25", [["delete", "get", "put"], [
        "AttributeError: 'Stub' object has no attribute 'fetch'",
        "before compatibility date 2024-03-26 (fetcher_no_get_put_delete) NS.get() is workerd's shortcut for fetch() "
        "with that HTTP method, sent to the object behind NS, which has no fetch: give it `async def fetch(self, "
        "request)`"]]),  # (the hint worded whole: audit31)
    ("2024-03-26", [[], "rpc k"]),
])
async def test_a_stubs_get_put_delete_follow_the_flag(tmp_path, date, expected):
    folder = one_file_worker(tmp_path, ENTRY, date=date,
                             extra='[[durable_objects.bindings]]\nname = "NS"\nclass_name = "Room"\n')
    worker = load_worker(env=load_env(folder, bindings={"NS": Namespace()}))
    assert eval(await (await worker.fetch("/")).text()) == expected  # noqa: S307 - the test's own repr
