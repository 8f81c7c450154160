"""A Python dict given as the init of a Fetcher's ``fetch`` -- ``env.ASSETS.fetch(url, {...})``, a service
binding's -- in the built-in SDK's era is read as ``fetch`` reads it: a PyProxy, whose members JavaScript
does not see on Pyodide 0.26 (the defaults: a GET, with a ``PyProxyWarning``) and reads by its keys from
0.28 (README, "JavaScript values, globals and Pyodide"). assets57's checks read it so (a GET with a body
refused), but the binding was then handed the dict itself and refused it as a PyProxy argument (``a Python
dict reached JavaScript as a PyProxy in this call to ASSETS.fetch()``) where ``fetch`` made the request
(review88)."""

from __future__ import annotations

import asyncio
import warnings
from pathlib import Path
from typing import Any

import pytest
from fetcher_init_helpers import Echo
from worker_helpers import one_file_worker

from workers_env import PyProxyWarning, load_env, load_worker

ENTRY = '''
import js
from workers import Response


async def on_fetch(request, env):
    out = []
    for target in ("fetch", "ASSETS", "SVC"):
        f = js.fetch if target == "fetch" else getattr(env, target).fetch
        url = "data:,d" if target == "fetch" else "http://a/a.txt"
        for init in ({"method": "GET", "body": "x"}, {"method": "POST", "body": "x"}):
            try:
                r = await f(url, init)
                out.append([r.status, await r.text()])
            except Exception as e:
                out.append(str(e))
    return Response.json(out)
'''

GET_WITH_BODY = "TypeError: Request with a GET or HEAD method cannot have a body."


@pytest.mark.parametrize(("date", "expected", "warned"), [
    ("2024-09-01", [[200, "d"], [200, "d"], [200, "a"], [200, "a"], [200, "GET "], [200, "GET "]], 6),  # 0.26
    ("2025-11-01", [GET_WITH_BODY, [200, ""], GET_WITH_BODY, [405, ""], GET_WITH_BODY, [200, "POST x"]], 0),  # 0.28
])
def test_each_fetch_reads_the_dict_alike(tmp_path: Path, date: str, expected: list[Any], warned: int) -> None:
    folder = one_file_worker(tmp_path, ENTRY, date=date, flags=["disable_python_no_global_handlers"],
                             extra='services = [{binding = "SVC", service = "echo"}]\n'
                                   '[assets]\ndirectory = "public"\nbinding = "ASSETS"\n')
    (folder / "public").mkdir()
    (folder / "public" / "a.txt").write_text("a")
    worker = load_worker(env=load_env(folder, bindings={"SVC": Echo()}))

    async def scenario() -> Any:
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        assert asyncio.run(scenario()) == expected
    assert sum(issubclass(w.category, PyProxyWarning) for w in seen) == warned  # one a call, as fetch's own
