"""``str()``/``repr()`` of a binding is what production prints (``print("DB:", env.DB)``, as
squary13/bookingapp's D1 helpers log it). In the built-in SDK's era the binding is a JsProxy, and
Pyodide's ``str``/``repr`` of one is JavaScript's ``String()`` (real Pyodide 0.26.2 and 0.28.2):
workerd's own classes carry their name (``[object KvNamespace]``), the TypeScript wrappers that
extend its native ``WrappedBinding`` (D1, Workers AI; workerd b3b584c26) write
``[object WrappedBinding]``, and its plain TypeScript classes (a D1 statement or session,
Vectorize's ``VectorizeIndexImpl``) ``[object Object]`` -- measured under wrangler dev 4.164.0
for KV, D1, a statement and a session. In the external SDK's era these bindings are the SDK's
``_BindingWrapper``, which defines no ``repr``: ``<workers.rpc._BindingWrapper object at 0x...>``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker, service_pair

BINDINGS = """
[[d1_databases]]
binding = "DB"
database_name = "probe-db"
database_id = "00000000-0000-0000-0000-000000000001"
[[kv_namespaces]]
binding = "KV"
id = "11111111111111111111111111111111"
[ai]
binding = "AI"
[[vectorize]]
binding = "VEC"
index_name = "v"
"""

WORKER = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        env = self.env
        shown = {"KV": env.KV, "DB": env.DB, "AI": env.AI, "VEC": env.VEC,
                 "statement": env.DB.prepare("SELECT 1"), "session": env.DB.withSession()}
        return Response.json({name: [str(value), repr(value)] for name, value in shown.items()})

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


def _worker(folder: Path, date: str) -> Path:
    one_file_worker(folder, WORKER, date=date, extra=BINDINGS)
    (folder / "pyproject.toml").write_text(
        '[tool.workers-env.indexes.v]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n')
    return folder


def test_raw_bindings_print_as_javascript_strings_them(tmp_path: Path) -> None:
    got = json_answer(_worker(tmp_path, "2025-10-01"), "/")  # the built-in SDK: raw bindings
    expected = {"KV": "[object KvNamespace]", "DB": "[object WrappedBinding]", "AI": "[object WrappedBinding]",
                "VEC": "[object Object]", "statement": "[object Object]", "session": "[object Object]"}
    assert got == {name: [text, text] for name, text in expected.items()}


def test_sdk_wrapped_bindings_print_as_the_sdks_class(tmp_path: Path) -> None:
    got = json_answer(_worker(tmp_path, "2026-05-01"), "/")  # the external SDK wraps them all
    assert set(got) == {"KV", "DB", "AI", "VEC", "statement", "session"}
    for text, again in got.values():
        assert re.fullmatch(r"<workers\.rpc\._BindingWrapper object at 0x[0-9a-f]+>", text)
        assert again == text


SEARCH = """
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def hello(self):
        return "hi"
"""

PRINTS_SERVICE = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([str(self.env.SEARCH), repr(self.env.SEARCH)])
"""


@pytest.mark.asyncio
async def test_a_service_binding_prints_as_the_sdks_fetcher_wrapper(tmp_path: Path) -> None:
    # both SDKs hand a Fetcher out as their _FetcherWrapper, which defines no repr (workerd's
    # _workers.py, workers-runtime-sdk's workers/rpc.py); review79: "<Fetcher SEARCH>" here
    for date, module in (("2025-10-01", "workers._workers"), ("2026-05-01", "workers.rpc")):
        gateway = service_pair(tmp_path / date, SEARCH, PRINTS_SERVICE, date)
        text, again = await (await gateway.fetch("/")).json()
        assert re.fullmatch(rf"<{re.escape(module)}\._FetcherWrapper object at 0x[0-9a-f]+>", text), (date, text)
        assert again == text
