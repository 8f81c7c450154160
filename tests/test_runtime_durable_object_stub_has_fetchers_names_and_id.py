"""A Durable Object stub has what workerd gives it: it is a ``Fetcher`` (``fetch``, ``connect``;
``get``/``put``/``delete`` before ``fetcher_no_get_put_delete``) with its own ``id`` and ``name``
(workerd ``src/workerd/api/actor.h``: ``JSG_INHERIT(Fetcher)``, ``JSG_READONLY_INSTANCE_PROPERTY(id,
getId)`` and ``(name, getName)``), so ``dir(stub)`` lists them and ``Object.keys(stub)`` is ``["name",
"id"]`` (wrangler dev 4.164.0, tools/wrangler/durable_object_stub_names_probe.py). ``name`` is the id's:
the name given to ``idFromName``/``getByName``, ``undefined`` (``None``) for ``newUniqueId``'s; both
come before an RPC method of the same name. For the stub you supply, workers-env answers them from
what the Worker handed your namespace (your stub's own attribute first); where that cannot tell, a
``NotEmulatedError`` says so."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

EXTRA = '[[durable_objects.bindings]]\nname = "NS"\nclass_name = "Room"\n'

RAW = """
import json
from js import Object, Response


def on_fetch(request, env):
    stub = env.NS.get(env.NS.idFromName("room"))
    return Response.new(json.dumps({"dir": [n for n in dir(stub) if n in NAMES], "keys": list(Object.keys(stub)),
                                    "id": stub.id, "name": stub.name}))


NAMES = ("fetch", "connect", "get", "put", "delete", "id", "name", "add")
"""

WRAPPED = """
from workers import Response, WorkerEntrypoint


def attempt(read):
    try:
        return read()
    except Exception as e:
        return f"{type(e).__name__}: {e}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        ns = self.env.NS
        out = {}
        for how, stub in [("idFromName", ns.get(ns.idFromName("room"))), ("getByName", ns.getByName("lobby")),
                          ("newUniqueId", ns.get(ns.newUniqueId())), ("literal", ns.get("abc"))]:
            out[how] = [attempt(lambda: stub.id), attempt(lambda: stub.name), stub.id is stub.id]
        out["own"] = [ns.get("mine").id, await ns.getByName("room").add(1)]
        return Response.json(out)
"""


class Stub:
    """A stub with an RPC method named ``name``, which the stub's own property comes before."""

    def __init__(self, ident):
        self.ident = ident

    async def fetch(self, resource, init=None):
        return None

    async def add(self, n):
        return n + 1

    def name(self):
        return "an RPC method"


class OwnId(Stub):
    id = "yours"


class Namespace:
    def idFromName(self, name):  # noqa: N802 - JavaScript's name
        return f"id:{name}"

    def newUniqueId(self):  # noqa: N802
        return "unique"

    def get(self, ident):
        return OwnId(ident) if ident == "mine" else Stub(ident)

    def getByName(self, name):  # noqa: N802
        return Stub(self.idFromName(name))


def answer(folder: Path) -> dict:
    worker = load_worker(env=load_env(folder, bindings={"NS": Namespace()}))

    async def scenario() -> dict:
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return json.loads(await resp.text())

    return asyncio.run(scenario())


@pytest.mark.parametrize(("date", "shortcuts"), [("2024-03-25", True), ("2025-06-01", False)])
def test_the_raw_stub_lists_fetchers_names_and_owns_id_and_name(tmp_path: Path, date: str, shortcuts: bool) -> None:
    got = answer(one_file_worker(tmp_path, RAW, date=date, extra=EXTRA))
    listed = ["connect", "fetch", "id", "name"] + (["get", "put", "delete"] if shortcuts else [])
    assert sorted(got["dir"]) == sorted(listed)  # an RPC method (add) is never listed
    assert got["keys"] == ["name", "id"]
    assert (got["id"], got["name"]) == ("id:room", "room")


@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])  # the built-in SDK's wrapper, the external one's
def test_a_stub_reads_its_id_and_its_ids_name(tmp_path: Path, date: str) -> None:
    got = answer(one_file_worker(tmp_path, WRAPPED, date=date, extra=EXTRA))
    assert got["idFromName"] == ["id:room", "room", True]
    assert got["getByName"] == ["id:lobby", "lobby", True]  # your idFromName's id for the name
    assert got["newUniqueId"] == ["unique", None, True]  # an id without a name: undefined
    ident, name, _ = got["literal"]  # an id the namespace did not make: its name cannot be told
    assert ident == "abc"
    assert name.startswith("NotEmulatedError: NS stub's 'name' is not emulated by workers-env here")
    assert got["own"] == ["yours", 2]  # your stub's own id comes first; RPC calls go on
