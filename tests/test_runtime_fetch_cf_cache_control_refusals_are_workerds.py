"""A ``fetch()`` whose ``cf.cacheControl`` comes with ``cf.cacheTtl`` or with a ``cache`` mode
rejects with the text of workerd's ``TypeError`` word for word (api/http.c++
``RequestInitializerDict::validate``) and sends nothing; ``cacheControl`` alone is sent."""

from __future__ import annotations

from worker_helpers import OUTCOME, json_answer, local_origin, one_file_worker

ENTRY = OUTCOME + """
from workers import Response, WorkerEntrypoint, fetch

ORIGIN = "http://%s/"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([
            await outcome(fetch(ORIGIN + "ttl", cf={"cacheControl": "max-age=5", "cacheTtl": 300})),
            await outcome(fetch(ORIGIN + "mode", cache="no-store", cf={"cacheControl": "max-age=5"})),
            await outcome(fetch(ORIGIN + "alone", cf={"cacheControl": "max-age=5"})),
        ])
"""

WITH_TTL = ("The 'cacheControl' and 'cacheTtl' options on cf are mutually exclusive. Use 'cacheControl' for "
            "explicit Cache-Control header directives, or 'cacheTtl' for a simplified TTL, but not both.")
WITH_CACHE = ("The 'cacheControl' option on cf cannot be used together with the 'cache' request option. The "
              "'cache' option ('no-store'/'no-cache') maps to cache TTL behavior internally, which conflicts "
              "with explicit Cache-Control directives.")


def test_cache_control_beside_cache_ttl_or_a_cache_mode_is_refused_in_workerds_words(tmp_path):
    with local_origin() as (origin, seen):
        answer = json_answer(one_file_worker(tmp_path, ENTRY.replace("%s", origin), date="2026-05-01"), "/")
    assert answer[2] == "resolved"
    assert len(seen) == 1
    assert answer[:2] == [WITH_TTL, WITH_CACHE]
