"""The type names both SDKs export from ``workers`` (``Context``, ``Headers``, ``Body``,
``JSBody``, ``BlobValue``, ``BlobEnding``, ``FormDataValue``, ``FetchKwargs``,
``RequestInitCfProperties``) import, so a Worker annotated with them loads
(workers-runtime-sdk ``workers/__init__.py`` 1.6.0-1.9.5; workerd's built-in ``workers/__init__.py``)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json

from workers import (BlobEnding, BlobValue, Body, Context, FetchKwargs, FormDataValue, Headers, JSBody,
                     RequestInitCfProperties, Response, WorkerEntrypoint)


def options(ctx: Context, headers: Headers, body: Body) -> FetchKwargs:
    cf: RequestInitCfProperties = {"cacheTtl": 5}
    return {"headers": headers, "body": body, "cf": cf}


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        made = options(self.ctx, {"a": "1"}, "x")
        return Response(json.dumps([made, BlobEnding.NATIVE.value, sorted(FetchKwargs.__annotations__),
                                    isinstance(BlobValue, str) and isinstance(JSBody, str)
                                    and isinstance(FormDataValue, str)]))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-10-01", "2026-05-01"])
async def test_the_sdks_type_names_import(tmp_path, date):
    got = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY, date=date)).fetch("/")).text())
    assert got == [{"headers": {"a": "1"}, "body": "x", "cf": {"cacheTtl": 5}}, "native",
                   ["body", "cf", "fetcher", "headers", "method", "redirect"], True]
