"""``new Request(url, init)``, ``fetch`` and a Fetcher's ``fetch`` read an init's ``headers`` once, as
workerd's constructor does: checking the init before building the Request (assets57's one source
of the constructor's refusals) must not read them a second time -- a Python object given as
headers warns one ``PyProxyWarning``, not two, also through ``env.ASSETS`` (whose own reading of
such headers was Python's ``TypeError: 'types.SimpleNamespace' object is not iterable``; now none,
as the Headers workerd makes of an object listing no own properties)."""

from __future__ import annotations

import asyncio
import warnings
from pathlib import Path
from typing import Any

from fetcher_init_helpers import Echo
from worker_helpers import one_file_worker

from workers_env import PyProxyWarning, load_env, load_worker

ENTRY = '''
import types
import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        which = request.url.rsplit("/", 1)[1]
        headers = types.SimpleNamespace(a=1)
        if which == "request":
            js.Request.new("http://x/", headers=headers)
        elif which == "fetch":
            await js.fetch("data:,d", headers=headers)
        else:
            await getattr(self.env, which).fetch("http://a/a.txt", headers=headers)
        return Response("done")
'''


def test_one_warning_each(tmp_path: Path) -> None:
    folder = one_file_worker(tmp_path, ENTRY, date="2025-11-01",
                             extra='services = [{binding = "SVC", service = "echo"}]\n'
                                   '[assets]\ndirectory = "public"\nbinding = "ASSETS"\n')
    (folder / "public").mkdir()
    (folder / "public" / "a.txt").write_text("a")
    worker = load_worker(env=load_env(folder, bindings={"SVC": Echo()}))
    counts: dict[str, Any] = {}
    for which in ("request", "fetch", "ASSETS"):
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")

            async def scenario(path: str = which) -> str:
                return str(await (await worker.fetch(f"/{path}")).text())

            assert asyncio.run(scenario()) == "done"
        counts[which] = sum(issubclass(w.category, PyProxyWarning) for w in seen)
    assert counts == {"request": 1, "fetch": 1, "ASSETS": 1}
