"""A service binding you supply: besides ``fetch``, its RPC methods reach Worker code converted as
the SDK's ``_FetcherWrapper`` of the Worker's era converts them (built-in SDK: every method an
``async def``, a ``dict`` sent as a ``Map`` and results plain ``dict``s; external SDK: a
``_BindingWrapper``), and arrive at your object as Python data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_env, load_worker

ENTRY = '''
import inspect
import json
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        svc = self.env.SVC
        found = await svc.lookup({"q": [1, {"deep": True}]}, "extra")
        count = svc.count()
        counted = await count if inspect.isawaitable(count) else count
        answer = await svc.fetch("https://svc/x", method="PUT")
        return Response(json.dumps({"wrapper": type(svc).__name__, "found": [type(found).__name__, repr(found)],
                                    "count": [type(count).__name__, counted],
                                    "fetch": [answer.status, await answer.text()]}))
'''


class Service:
    def __init__(self):
        self.seen = []

    async def lookup(self, query, extra=None):
        self.seen.append((query, extra))
        return {"query": query, "hit": None}

    def count(self):
        return len(self.seen)

    async def fetch(self, resource, init=None):
        from workers_env import js

        self.seen.append((resource, init))
        return js.Response.new("ok", status=201)


def project(root: Path, date: str) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(ENTRY)
    (root / "wrangler.json").write_text(json.dumps({
        "name": "svc", "main": "src/entry.py", "compatibility_date": date, "compatibility_flags": ["python_workers"],
        "services": [{"binding": "SVC", "service": "other"}]}))
    typical_pyproject(root)
    return root


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "found", "count"), [
    # a Python None crosses RPC as undefined (python_to_rpc's to_js): None on the Worker's side too
    ("2025-11-02", ["dict", "{'query': {'q': [1, {'deep': True}]}, 'hit': None}"], ["coroutine", 1]),
    ("2026-05-01", ["JsDict", "{'query': {'q': [1, {'deep': True}]}, 'hit': None}"], ["int", 1]),
])
async def test_a_supplied_services_rpc_methods_convert_as_the_eras_fetcher_wrapper(tmp_path, date, found, count):
    service = Service()
    worker = load_worker(env=load_env(project(tmp_path, date), bindings={"SVC": service}))
    resp = await worker.fetch("/")
    out = json.loads(await resp.text())
    assert out == {"wrapper": "_FetcherWrapper", "found": found, "count": count, "fetch": [201, "ok"]}
    assert service.seen == [({"q": [1, {"deep": True}]}, "extra"), ("https://svc/x", {"method": "PUT"})]


TYPED_ENTRY = '''
import datetime
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        got = [await self.env.SVC.echo(value) for value in
               (request, datetime.datetime(2026, 1, 1, 8, 30), ValueError("boom"), {"k": [1, 2]})]
        return Response(" | ".join(got))
'''


class Echo:
    async def echo(self, value):
        return f"{type(value).__name__} {value.url}" if hasattr(value, 'url') else f"{type(value).__name__} {value!r}"


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-02", "2026-05-01"])
async def test_requests_dates_and_errors_cross_as_the_python_entrypoint_receives_them(tmp_path, date):
    """Both SDKs' ``python_to_rpc`` (the built-in one since "Implements Python RPC", 2025-04)
    sends a ``workers.Request`` as its JS object, a ``datetime`` as a ``Date``, an ``Exception``
    as an ``Error``; the other side's SDK turns them back into Python's: so does your object."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(TYPED_ENTRY)
    (tmp_path / "wrangler.toml").write_text(
        f'name = "t"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n'
        '[[services]]\nbinding = "SVC"\nservice = "other"\n')
    typical_pyproject(tmp_path)
    worker = load_worker(tmp_path, env=load_env(tmp_path / "wrangler.toml", bindings={"SVC": Echo()}))
    reply = await (await worker.fetch("/p")).text()
    assert reply.split(" | ") == ["Request http://localhost/p", "datetime datetime.datetime(2026, 1, 1, 8, 30)",
                                  "Exception Exception('Error: boom')", "dict {'k': [1, 2]}"]


CALLBACK_ENTRY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    def plus_100(self, x):
        return x + 100

    async def fetch(self, request):
        return Response(str(await self.env.SVC.take(self.plus_100)))
'''


class Keeper:
    """Keeps the function a Worker hands it, as a service Worker could."""

    def __init__(self):
        self.kept = None

    async def take(self, cb):
        self.kept = cb
        return await cb(1)


async def kept_after_the_call(tmp_path: Path, date: str) -> Keeper:
    """The :class:`Keeper` the Worker dated ``date`` handed its ``plus_100`` to, once the call has returned."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(CALLBACK_ENTRY)
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "t", "main": "src/entry.py", "compatibility_date": date, "compatibility_flags": ["python_workers"],
        "services": [{"binding": "SVC", "service": "other"}]}))
    keeper = Keeper()
    worker = load_worker(typical_pyproject(tmp_path), bindings={"SVC": keeper})
    assert await (await worker.fetch("/")).text() == "101"
    return keeper


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])
async def test_a_function_handed_to_a_supplied_service_is_disposed_as_its_method_returns(tmp_path, date):
    """A supplied service stands for a Worker: the function stub its method gets is workerd's,
    disposed when the call returns ('RPC stub used after being disposed.' after, as a JS twin
    that kept one got it under wrangler dev 4.164.0); before review58 it was never disposed."""
    keeper = await kept_after_the_call(tmp_path, date)
    with pytest.raises(Exception, match="^Error: RPC stub used after being disposed.$"):
        await keeper.kept(2)


@pytest.mark.asyncio
async def test_a_disposed_stubs_property_is_refused_as_the_stub(tmp_path: Path) -> None:
    """A property of that stub, called or awaited, is refused as the stub is: ``Error: RPC stub used
    after being disposed.``, not the callee's "does not implement the method" (the callee is never
    asked). workerd's ``JsRpcProperty`` gets its client from the stub for each call
    (``JsRpcStub::getClientForOneCall``, worker-rpc.c++), whose disposed stub is that error; its own
    test calls a disposed stub's ``counter.increment(2)`` and gets it (js-rpc-test.js, ``disposal``).
    audit32: a mutant not checking survived."""
    keeper = await kept_after_the_call(tmp_path, "2026-05-01")
    for use in (lambda f: f.anything(2), lambda f: f.anything, lambda f: f.name(), lambda f: f.prototype):
        with pytest.raises(Exception, match="^Error: RPC stub used after being disposed.$"):
            await use(keeper.kept)
