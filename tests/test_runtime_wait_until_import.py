"""``from workers import wait_until`` / ``waitUntil`` (``cloudflare:workers``' ``waitUntil``):
the running request's ``ctx.waitUntil`` for code without a ``ctx`` -- ``worker.fetch`` returns
once that work is done, as it does for ``ctx.waitUntil``; the built-in SDK has only the
camelCase name; outside a request it is workerd's global-scope error."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

ENTRY = """
import asyncio
import workers
from workers import Response, WorkerEntrypoint

DONE = []


async def later(tag):
    await asyncio.sleep(0.01)
    DONE.append(tag)


def schedule(tag):  # deep in library code: no ctx at hand
    getattr(workers, NAME)(later(tag))


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        schedule(request.url.rsplit("/", 1)[1])
        return Response(",".join(DONE) or "-")
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "name"), [("2026-05-01", "wait_until"), ("2026-05-01", "waitUntil"),
                                            ("2025-11-02", "waitUntil")])
async def test_work_handed_to_wait_until_is_done_when_fetch_returns(tmp_path, date, name):
    worker = load_worker(one_file_worker(tmp_path, f"NAME = {name!r}\n" + ENTRY, date=date))
    assert await (await worker.fetch("/a")).text() == "-"  # the response does not wait for it ...
    assert await (await worker.fetch("/b")).text() == "a"  # ... but the request did, before it ended
    assert worker.module.DONE == ["a", "b"]


@pytest.mark.asyncio
async def test_the_built_in_sdk_has_no_snake_case_name_and_global_scope_has_no_request(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, "NAME = 'wait_until'\n" + ENTRY, date="2025-11-02"))
    with pytest.raises(AttributeError, match="workers.wait_until does not exist in the built-in Python SDK"):
        await worker.fetch("/a")
    from workers_env.runtime.workers_api import wait_until

    async def nothing():
        return None

    coroutine = nothing()
    with pytest.raises(JsException, match="Disallowed operation called within global scope"):
        wait_until(coroutine)
    coroutine.close()


@pytest.mark.asyncio
async def test_an_external_sdk_before_1_1_1_has_no_snake_case_name(tmp_path):
    one_file_worker(tmp_path, "NAME = 'wait_until'\n" + ENTRY, date="2026-05-01", pyproject=False)
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env]\npython-sdk = "1.1.0"\n')
    worker = load_worker(tmp_path)
    with pytest.raises(AttributeError) as caught:
        await worker.fetch("/a")
    assert str(caught.value) == "workers.wait_until does not exist in workers-runtime-sdk 1.1.0: it came with 1.1.1"
