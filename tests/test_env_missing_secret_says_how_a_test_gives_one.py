"""A secret the Worker reads (``self.env.API_KEY``) comes from ``.dev.vars`` beside the config, in
the fixtures as under wrangler dev -- a file kept out of git (Cloudflare's guides put ``.dev.vars*``
in ``.gitignore``), so a fresh clone's test run has none. The missing name's note says how a test
gives one (walk59: a RAG Worker's tests passed locally and failed where ``.dev.vars`` was not),
and that way works: ``bindings={"API_KEY": ...}`` is the secret the Worker reads, over the file's."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            ok = request.headers.get("Authorization") == f"Bearer {self.env.API_KEY}"
            return Response("in" if ok else "out", status=200 if ok else 401)
"""
SAYS = ("; a test, run where that file is not (it is kept out of git), gets one from bindings={'API_KEY': ...}: "
        "a workers_env_bindings fixture returning that, or load_env(..., bindings=...)")


@pytest.mark.asyncio
async def test_without_dev_vars_the_note_says_how_a_test_gives_it(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(AttributeError) as info:
        await worker.fetch("/")
    assert str(info.value) == "API_KEY"
    assert info.value.__notes__[0].endswith("add a line API_KEY=... there" + SAYS)


@pytest.mark.asyncio
@pytest.mark.parametrize("dev_vars", [None, "API_KEY=from-the-file\n"])
async def test_bindings_give_the_secret_the_worker_reads(tmp_path, dev_vars):
    folder = one_file_worker(tmp_path, ENTRY)
    if dev_vars is not None:
        (folder / ".dev.vars").write_text(dev_vars)
    worker = load_worker(folder, bindings={"API_KEY": "test-key"})
    assert (await worker.fetch("/", headers={"Authorization": "Bearer test-key"})).status == 200
    assert (await worker.fetch("/", headers={"Authorization": "Bearer from-the-file"})).status == 401
