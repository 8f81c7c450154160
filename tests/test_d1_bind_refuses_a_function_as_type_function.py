"""``bind()`` of a function -- ``js.fetch``, a static such as ``Object.keys``, a
``create_proxy`` of a Python function -- is D1's ``D1_TYPE_ERROR`` naming its ``typeof``,
``function`` (d1-api.ts: ``Type '${typeof value}' not supported for value '${value}'``), and the
value as ``String()`` prints it (``function fetch() { [native code] }``). It said ``'object'``."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import js
from js import Object
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint


def shout():
    return "!"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for value in (js.fetch, Object.keys, js.Response, create_proxy(shout)):
            try:
                await self.env.DB.prepare("SELECT ?").bind(value).first()
                out.append("bound")
            except Exception as error:
                out.append(str(error).replace(hex(id(shout)), "0x..."))
        return Response.json(out)
"""

D1 = '\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "d"\n'


@pytest.mark.parametrize("date", ["2025-08-14", "2025-10-01"])
def test_bind_of_a_function_is_refused_as_type_function(tmp_path: Path, date: str) -> None:
    got = json_answer(one_file_worker(tmp_path, ENTRY, date=date, extra=D1), "/")
    refused = "Error: D1_TYPE_ERROR: Type 'function' not supported for value '{}'"
    assert got == [refused.format("function fetch() { [native code] }"),
                   refused.format("function keys() { [native code] }"),
                   refused.format("function Response() { [native code] }"),
                   refused.format("<function shout at 0x...>")]
