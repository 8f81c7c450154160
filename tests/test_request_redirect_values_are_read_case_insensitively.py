"""An init's ``redirect`` is ``"follow"`` or ``"manual"`` in any case (workerd's
``tryParseRedirect`` is ``strcasecmp``): ``"FOLLOW"`` and ``"Manual"`` are taken on every fetch path
(``fetch``, ``env.ASSETS.fetch``, a service binding's, raw and through the SDK) and a Request reads
them back lower-cased; ``"error"`` is taken only so written and only with ``fetch_redirect_error``
(``"ERROR"`` refused even then). Measured with workerd 1.20261201.1 (``workerd test``, with and
without the flag) and under ``wrangler dev`` 4.164.0 (tools/wrangler/fetcher_init_refusals_probe.py);
workers-env refused ``"FOLLOW"`` before."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fetcher_init_helpers import PATHS, both
from worker_helpers import one_file_worker

from workers_env import load_worker

NO_FLAG = ('TypeError: Invalid redirect value. Use "follow" or "manual". To use "error", enable the '
           "fetch_redirect_error compatibility flag.")
OK = {"js.fetch": "ok 200 d", "ASSETS": "ok 200 a", "SVC": "ok 200 GET "}

READ_BACK = '''
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for value in ("FOLLOW", "Manual", "follow", "error", "ERROR", "Error"):
            try:
                init = to_js({"redirect": value}, dict_converter=js.Object.fromEntries)
                out.append(js.Request.new("http://x/", init).redirect)
            except Exception as e:
                out.append(str(e))
        return Response.json(out)
'''


def test_follow_and_manual_in_any_case_on_every_path(tmp_path: Path) -> None:
    values = ["FOLLOW", "Manual", "fOlLoW", "ERROR", "bogus"]
    got = both(tmp_path, "2025-11-01", [["url", {"redirect": value}] for value in values])
    assert got == [OK, OK, OK, dict.fromkeys(PATHS, NO_FLAG), dict.fromkeys(PATHS, NO_FLAG)]


def test_a_request_reads_them_back_lower_cased(tmp_path: Path) -> None:
    answers = []
    for flags in ((), ("fetch_redirect_error",)):
        worker = load_worker(one_file_worker(tmp_path / str(len(flags)), READ_BACK, date="2026-11-01", flags=flags))

        async def scenario() -> list[str]:
            resp = await worker.fetch("/")
            return list(await resp.json())

        answers.append(asyncio.run(scenario()))
    with_flag = 'TypeError: Invalid redirect value, must be one of "follow", "manual", or "error".'
    assert answers == [["follow", "manual", "follow", NO_FLAG, NO_FLAG, NO_FLAG],
                       ["follow", "manual", "follow", "error", with_flag, with_flag]]
