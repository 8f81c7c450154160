"""``cache: "no-store"``'s check of ``cf.cacheTtl`` reads the Request's own ``cf``, which workerd
keeps as a JSON copy of the init's (cf-property.c++ ``deepClone``: ``jsonClone``): a ``cacheTtl``
that is ``undefined`` -- Python's ``None`` through ``to_js`` -- is no member, so the fetch is sent
(with ``Cache-Control``/``Pragma: no-cache``), and ``NaN`` is ``null``: ``TypeError: CacheTtl:
null, is not compatible with cache: no-store header.`` Through ``js.fetch`` and the SDK's
``workers.fetch`` in both SDK eras; checked against wrangler dev 4.164.0 by
tools/wrangler/cache_option_differential.py. Here ``None`` was refused as ``CacheTtl: undefined``
and ``NaN`` named as ``NaN``."""

from __future__ import annotations

import pytest
from worker_helpers import SENT_OUTCOME, json_answer, local_origin, one_file_worker

ENTRY = """
import math

from js import Object
from js import fetch as js_fetch
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint, fetch

ORIGIN = "http://%s/"

""" + SENT_OUTCOME + """

def cf(ttl):
    return to_js({"cacheTtl": ttl}, dict_converter=Object.fromEntries)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([
            await outcome(fetch(ORIGIN + "sdk-none", cache="no-store", cf={"cacheTtl": None})),
            await outcome(js_fetch(ORIGIN + "js-none", cache="no-store", cf=cf(None))),
            await outcome(fetch(ORIGIN + "sdk-nan", cache="no-store", cf={"cacheTtl": math.nan})),
            await outcome(js_fetch(ORIGIN + "js-inf", cache="no-store", cf=cf(math.inf))),
        ])
"""

NULL_TTL = "CacheTtl: null, is not compatible with cache: no-store header."


@pytest.mark.parametrize("date", ["2025-08-07", "2026-05-01"])
def test_an_undefined_cache_ttl_is_absent_and_nan_is_null(tmp_path, date):
    early = ("python_no_global_handlers",) if date < "2025-08-14" else ()
    with local_origin() as (origin, seen):
        answer = json_answer(one_file_worker(tmp_path, ENTRY.replace("%s", origin), date=date, flags=early), "/")
    assert answer == ["sent", "sent", NULL_TTL, f"TypeError: {NULL_TTL}"]
    no_cache = {"cache-control": "no-cache", "pragma": "no-cache"}
    assert [{k: v for k, v in h.items() if k in ("cache-control", "pragma")} for h in seen] == [no_cache, no_cache]
