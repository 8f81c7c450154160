"""An attribute of a Durable Object stub that is a JS object (its ``id``, a ``DurableObjectId``)
reads through the external SDK's ``_FetcherWrapper`` as ``self._convert_result(attr)``: a proxy it
does not pass through, so ``self.__class__(attr)`` -- a ``_FetcherWrapper`` whose calls convert
(workers-runtime-sdk 1.3.0 to 1.9.5's ``_getattr_helper``; measured with the real 1.6.4 and 1.9.5
SDKs in real Pyodide 314.0.6 and 0.28.2, tools/pyodide/sdk_rpc_result_probe.mjs: a class
instance held as an attribute reads as ``_FetcherWrapper``). Before 1.3.0 the built-in SDK's
wrapper hands the attribute out as JavaScript gives it: here the object your namespace made."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

WORKER = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stub = self.env.ROOMS.getByName("lobby")
        ident = stub.id
        return Response.json([repr(type(ident)), ident.toString(), stub.name])
'''


class RoomId:
    def __init__(self, name: str):
        self.room = name

    def toString(self) -> str:  # noqa: N802 - JavaScript's name
        return f"id:{self.room}"


class Room:
    def __init__(self, ident: RoomId):
        self.id = ident


class Rooms:
    def idFromName(self, name: str) -> RoomId:  # noqa: N802 - JavaScript's name
        return RoomId(name)

    def get(self, ident: RoomId) -> Room:
        return Room(ident)

    def getByName(self, name: str) -> Room:  # noqa: N802 - JavaScript's name
        return Room(self.idFromName(name))


@pytest.mark.asyncio
@pytest.mark.parametrize(("sdk", "type_text"), [
    ("1.2.0", ".RoomId'>"),  # the test's own class (its module named as pytest imported it)
    ("1.3.0", "<class 'workers._workers._FetcherWrapper'>"),
    ("1.9.5", "<class 'workers.rpc._FetcherWrapper'>")])
async def test_a_stubs_id_reads_in_the_stubs_wrapper_class(tmp_path: Path, sdk: str, type_text: str) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(WORKER)
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "gateway", "main": "src/entry.py", "compatibility_date": "2026-05-01",
        "compatibility_flags": ["python_workers"],
        "durable_objects": {"bindings": [{"name": "ROOMS", "class_name": "Room", "script_name": "rooms"}]}}))
    (tmp_path / "python_modules" / f"workers_runtime_sdk-{sdk}.dist-info").mkdir(parents=True)
    worker = load_worker(typical_pyproject(tmp_path), bindings={"ROOMS": Rooms()})
    got = await (await worker.fetch("/")).json()
    assert got[1:] == ["id:lobby", "lobby"]
    assert got[0].endswith(type_text)
