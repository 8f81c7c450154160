"""A model Cloudflare retired answers 5028 whatever the Worker's ``compatibility_date`` and
whatever the machine's clock reads: the service retires a model by its own clock, which no
Worker setting moves, and every date workers-env's catalog speaks for is past 2026-05-30
(README, "Where we had to choose"). A date before it changes nothing, and a model the notice
keeps (``-fast``) answers under the same dates."""

from __future__ import annotations

import asyncio
import time

import pytest
from ai_helpers import INFIRE, WRANGLER, retired, run, worker_json

from workers_env import AiError, load_env
from worker_helpers import typical_pyproject

BEFORE = 1767225600.0  # 2026-01-01T00:00:00Z, five months before the retirement


# (before 2026 a dict reaches JavaScript as a PyProxy and is sent as {}: the 5028 reads no input)
@pytest.mark.filterwarnings("ignore::workers_env.PyProxyWarning")
@pytest.mark.parametrize("date", ["2025-09-01", "2026-05-29", "2026-11-17"])
def test_retired_whatever_the_compatibility_date(tmp_path, monkeypatch, date):
    (tmp_path / "wrangler.toml").write_text(WRANGLER.replace("2026-05-01", date))
    typical_pyproject(tmp_path)
    env = load_env(tmp_path)
    monkeypatch.setattr(time, "time", lambda: BEFORE)  # the host clock is no service clock either
    with pytest.raises(AiError) as info:
        run(env, "@cf/meta/llama-3.1-8b-instruct", {"prompt": "hi"})
    assert str(info.value) == retired(INFIRE) and info.value.code == 5028
    kept = asyncio.run(env.unwrapped("AI").run("@cf/meta/llama-3.1-8b-instruct-fast", {"prompt": "hi"}))
    assert kept.response.endswith("You said: hi")  # (the emulator itself: no era's argument conversion)


ENTRY = '''
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.AI.run("@cf/meta/llama-3-8b-instruct", {"prompt": "hi"})
        except JsException as e:
            return Response.json({"error": str(e)})
        return Response.json({"error": None})
'''


@pytest.mark.filterwarnings("ignore::workers_env.PyProxyWarning")
def test_a_worker_of_a_date_before_the_retirement_catches_the_5028(tmp_path):
    assert worker_json(tmp_path, ENTRY, date="2025-09-01") == {"error": retired("@cf/meta/llama-3-8b-instruct")}
