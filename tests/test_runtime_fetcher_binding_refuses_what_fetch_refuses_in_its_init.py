"""A Fetcher binding's ``fetch`` (``self.env.ASSETS.fetch(url, **options)`` through both SDKs'
``_FetcherWrapper``, which is ``workers.fetch(..., fetcher=binding.fetch)``) refuses what
workerd's ``Fetcher.fetch`` refuses as it makes the Request (api/http.c++ ``fetchImpl``): a
``cache`` mode the era does not take, a non-empty ``integrity``, and ``cache="no-store"`` -- the
init's or the Request's -- beside a ``cf`` ``cacheTtl`` other than ``-1``; raised as ``pyfetch``
raises what JavaScript's fetch threw (``OSError`` on Pyodide 0.26, its ``AbortError`` on 0.28).
The asset was served for each of them here."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
from workers import Request, Response, WorkerEntrypoint

URL = "https://example.com/page.txt"


async def outcome(call):
    try:
        answer = await call
        return answer.status
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        assets = self.env.ASSETS
        return Response.json([
            await outcome(assets.fetch(URL)),
            await outcome(assets.fetch(URL, cache="no-store")),
            await outcome(assets.fetch(URL, cache=None)),
            await outcome(assets.fetch(URL, cache="bogus")),
            await outcome(assets.fetch(URL, integrity="sha256-x")),
            await outcome(assets.fetch(URL, cache="no-store", cf={"cacheTtl": 300})),
            await outcome(assets.fetch(Request(URL, cache="no-store"), cf={"cacheTtl": 300})),
            await outcome(assets.fetch(URL, cache="no-store", cf={"cacheTtl": -1})),
        ])
"""

CASES = [
    ("2025-08-07", ("python_no_global_handlers",), "OSError"),
    ("2026-05-01", (), "AbortError"),
]


@pytest.mark.parametrize(("date", "flags", "raised"), CASES)
def test_a_fetcher_refuses_the_init_fetch_refuses(tmp_path, date, flags, raised):
    (tmp_path / "src" / "static").mkdir(parents=True)
    (tmp_path / "src" / "static" / "page.txt").write_text("hi")
    folder = one_file_worker(tmp_path, ENTRY, date=date, flags=flags,
                             extra='[assets]\ndirectory = "src/static"\nbinding = "ASSETS"\n')
    ttl = f"{raised}: CacheTtl: 300, is not compatible with cache: no-store header."
    assert json_answer(folder, "/") == [
        200, 200, 200,
        f"{raised}: Unsupported cache mode: bogus",
        f"{raised}: Subrequest integrity checking is not implemented. The integrity option must be either "
        "undefined or an empty string.",
        ttl, ttl, 200,
    ]
