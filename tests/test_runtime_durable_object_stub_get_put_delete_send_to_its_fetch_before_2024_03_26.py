"""A Durable Object stub is a ``Fetcher`` too (workerd: ``class DurableObject: public Fetcher``), so
before compatibility date 2024-03-26 its ``get``, ``put`` and ``delete`` are the shortcuts a service
binding's are (runtime/fetchershortcuts.py): a request to the stub's ``fetch``, answered as
workerd's ``Fetcher::get``/``put``/``delete_`` read it. A stub you supply without ``fetch`` is
told so (``AttributeError`` with a note), its RPC method of that name never called."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = """\
    from workers import Response


    async def on_fetch(request, env):
        out = []
        for name in ("with", "without"):
            stub = env.NS.get(env.NS.idFromName(name))
            try:
                out.append(await stub.get("http://do/k"))
                out.append(await stub.delete("http://do/k"))
            except Exception as error:
                out.append(type(error).__name__ + ": " + str(error))
                out.append(any("has no fetch" in note for note in getattr(error, "__notes__", ())))
        return Response(repr(out))
"""


class Answering:
    async def fetch(self, resource, init=None):  # (a Fetcher you supply is handed fetch's arguments as given)
        import js
        return js.Response.new(f"{init.method} {resource}")

    async def get(self, key):  # (shadowed: never called)
        return "rpc " + key


class Silent:
    async def get(self, key):
        return "rpc " + key


class Namespace:
    def idFromName(self, name):  # noqa: N802 - JavaScript's name
        return name

    def get(self, ident):
        return Answering() if ident == "with" else Silent()


@pytest.mark.asyncio
async def test_a_stubs_get_and_delete_reach_its_fetch(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="2024-03-25",
                             extra='[[durable_objects.bindings]]\nname = "NS"\nclass_name = "Room"\n')
    worker = load_worker(env=load_env(folder, bindings={"NS": Namespace()}))
    assert eval(await (await worker.fetch("/")).text()) == [  # noqa: S307 - the test's own repr
        "GET http://do/k", None, "AttributeError: 'Silent' object has no attribute 'fetch'", True]
