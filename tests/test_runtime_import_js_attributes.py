"""``import js.fetch`` and ``from js.JSON import parse`` work, as Pyodide's ``JsFinder``
imports a JavaScript module's attribute as a module (real Pyodide 0.26.2 and 0.28.2 under
Node); a missing one is ``ModuleNotFoundError: No module named 'js.<name>'``."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import importlib

import js.fetch
import js.JSON
from js.JSON import parse
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            importlib.import_module("js.nope")
        except ModuleNotFoundError as exc:
            missing = str(exc)
        return Response.json({"parsed": js.JSON.stringify(parse('{"a": 1}')), "fetch": callable(js.fetch),
                              "same": parse is js.JSON.parse, "missing": missing})
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-08-14", "2026-05-01"])
async def test_a_js_attribute_imports_as_a_module(tmp_path, date):
    one_file_worker(tmp_path, ENTRY, date=date)
    reply = await (await load_worker(tmp_path).fetch("/")).json()
    assert reply == {"parsed": '{"a":1}', "fetch": True, "same": True, "missing": "No module named 'js.nope'"}
