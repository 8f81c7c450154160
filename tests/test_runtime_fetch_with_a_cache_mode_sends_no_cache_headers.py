"""A ``fetch()`` made with a ``cache`` mode, as workerd sends it (api/http.c++
``fetchImplNoOutputLock``, ``serializeCfBlobJson``): the subrequest gets ``Cache-Control:
no-cache`` and ``Pragma: no-cache`` unless the Worker's headers name them; ``no-store`` with a
``cf.cacheTtl`` other than ``-1`` rejects with ``TypeError: CacheTtl: 300, is not compatible with
cache: no-store header.``; and before ``cache_option_enabled`` (2024-11-11) the fetch rejects with
the not-implemented ``Error`` and sends nothing. The same through ``js.fetch`` and the SDK's
``workers.fetch(url, cache=...)`` in both SDK eras (checked against wrangler dev 4.164.0 by
tools/wrangler/cache_option_differential.py). Before this, the mode was ignored: no header sent."""

from __future__ import annotations

import pytest
from worker_helpers import SENT_OUTCOME, json_answer, local_origin, one_file_worker

ENTRY = """
from js import fetch as js_fetch
from workers import Response, WorkerEntrypoint, fetch

ORIGIN = "http://%s/"

""" + SENT_OUTCOME + """

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([
            await outcome(fetch(ORIGIN + "sdk", cache="no-store")),
            await outcome(js_fetch(ORIGIN + "js", cache="no-store")),
            await outcome(fetch(ORIGIN + "own", cache="no-store", headers={"Cache-Control": "max-age=5"})),
            await outcome(fetch(ORIGIN + "plain")),
            await outcome(fetch(ORIGIN + "ttl", cache="no-store", cf={"cacheTtl": 300})),
            await outcome(fetch(ORIGIN + "ttl-1", cache="no-store", cf={"cacheTtl": -1})),
        ])
"""

SENT_ALL = ["sent"] * 4 + ["CacheTtl: 300, is not compatible with cache: no-store header.", "sent"]


def _cache_headers(seen):
    return [{k: v for k, v in headers.items() if k in ("cache-control", "pragma")} for headers in seen]


@pytest.mark.parametrize("date", ["2024-11-11", "2025-08-07", "2026-05-01"])
def test_a_cache_mode_adds_no_cache_headers_the_worker_did_not_set(tmp_path, date):
    early = ("python_no_global_handlers",) if date < "2025-08-14" else ()
    with local_origin() as (origin, seen):
        answer = json_answer(one_file_worker(tmp_path, ENTRY.replace("%s", origin), date=date, flags=early), "/")
    assert answer == SENT_ALL
    no_cache = {"cache-control": "no-cache", "pragma": "no-cache"}
    assert _cache_headers(seen) == [no_cache, no_cache, {"cache-control": "max-age=5", "pragma": "no-cache"}, {},
                                    no_cache]


def test_before_cache_option_enabled_a_cache_mode_fails_the_fetch(tmp_path):
    with local_origin() as (origin, seen):
        folder = one_file_worker(tmp_path, ENTRY.replace("%s", origin), date="2024-11-10",
                                 flags=("python_no_global_handlers",))
        answer = json_answer(folder, "/")
    refused = "The 'cache' field on 'RequestInitializerDict' is not implemented."
    assert answer == [refused, f"Error: {refused}", refused, "sent", refused, refused]
    assert _cache_headers(seen) == [{}]  # only the fetch without a mode went out
