"""A NotEmulatedError the Worker's own code catches and goes on past (``except Exception``
around an R2 call, as a public runtime fixture's /errors route does: hunt30) is told on stderr
once the request is over -- once per text per Worker load -- since the answer is not the one
production gives; one that leaves the request (the handler's error, what it was raised from, a
waitUntil's failure) is shown already and is not told again."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import BindingNotEmulatedError, load_worker

R2 = '[[r2_buckets]]\nbinding = "BUCKET"\nbucket_name = "files"\n'


def loaded(folder):
    return load_worker(one_file_worker(folder, ENTRY, date="2025-09-01", extra=R2, pyproject=False))

ENTRY = '''
from urllib.parse import urlparse
from workers import Response, WorkerEntrypoint
import js

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/caught":
            try:
                await self.env.BUCKET.put("k", "v")
            except Exception:
                return Response("r2 failed", status=500)
        if path == "/caught-global":
            try:
                js.WebAssembly.validate(js.Object.new())
            except Exception as error:
                return Response(type(error).__name__)
        if path == "/raised":
            await self.env.BUCKET.get("k")
        if path == "/raised-from":
            try:
                await self.env.BUCKET.get("k")
            except Exception as error:
                raise RuntimeError("storage down") from error
        if path == "/background":
            async def later():
                await self.env.BUCKET.get("k")
            self.ctx.waitUntil(later())
        return Response("ok")
'''

TOLD = "workers-env: the Worker's code caught BindingNotEmulatedError and went on, so this request's outcome is not production's"


def told(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("workers-env: the Worker's code caught")]


@pytest.mark.asyncio
async def test_a_caught_binding_error_is_told_once_the_request_is_over(tmp_path, capsys):
    worker = loaded(tmp_path)
    capsys.readouterr()
    response = await worker.fetch("/caught")
    assert (response.status, await response.text()) == (500, "r2 failed")  # the Worker's own answer, as it wrote it
    lines = told(capsys.readouterr().err)
    assert len(lines) == 1 and lines[0].startswith(TOLD)
    assert lines[0].endswith(": " + str(BindingNotEmulatedError("BUCKET", "R2 Bucket", "r2_buckets")))
    await worker.fetch("/caught")  # the same text again in this load: said once
    assert told(capsys.readouterr().err) == []


@pytest.mark.asyncio
async def test_a_caught_global_the_stand_in_lacks_is_told(tmp_path, capsys):
    worker = loaded(tmp_path)
    capsys.readouterr()
    assert await (await worker.fetch("/caught-global")).text() == "NotEmulatedError"
    (line,) = told(capsys.readouterr().err)
    assert line.startswith("workers-env: the Worker's code caught NotEmulatedError and went on")
    assert "js.WebAssembly is not emulated by workers-env" in line


@pytest.mark.asyncio
async def test_an_error_that_leaves_the_request_is_not_told_again(tmp_path, capsys):
    worker = loaded(tmp_path)
    capsys.readouterr()
    with pytest.raises(BindingNotEmulatedError):
        await worker.fetch("/raised")
    with pytest.raises(RuntimeError, match="storage down"):
        await worker.fetch("/raised-from")
    assert await (await worker.fetch("/background")).text() == "ok"  # logged as waitUntil's failure
    assert await (await worker.fetch("/")).text() == "ok"
    assert told(capsys.readouterr().err) == []


@pytest.mark.asyncio
async def test_test_code_of_its_own_is_not_told(tmp_path, capsys):
    worker = loaded(tmp_path)
    capsys.readouterr()
    try:
        worker.env.BUCKET.get("k")
    except BindingNotEmulatedError:
        pass
    await worker.fetch("/")
    assert told(capsys.readouterr().err) == []
