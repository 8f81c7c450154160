"""A failing test's traceback runs from the test to the Worker's code and the error, without
workers-env's own frames between (as pytest hides its own): a binding's refusal ends at the
Worker's line that called it, an error of the Worker's own shows the Worker's frames alone.
An error that starts inside workers-env for another reason (likely a workers-env bug) keeps
them, and ``--full-trace`` shows every frame."""

from __future__ import annotations

import asyncio
import re

import pytest
from traceback_helpers import section, traceback_project

ENTRY = """\
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/own"):
            raise RuntimeError("the Worker's own mistake")
        await self.env.VECTORIZE.upsert([{"id": "a", "values": [1, 2]}])
        return Response("ok")
"""

TESTS = """\
import pytest

@pytest.mark.asyncio
async def test_refused(worker):
    await worker.fetch("/")

@pytest.mark.asyncio
async def test_own(worker):
    await worker.fetch("/own")

def test_library_bug(env, monkeypatch):
    from workers_env.vectorize import binding

    # a function "in" binding.py that fails: a bug raised inside workers-env's own code
    code = compile("def broken(*args, **kwargs):\\n    raise TypeError('a bug inside workers-env')\\n",
                   binding.__file__, "exec")
    space = {}
    exec(code, space)
    monkeypatch.setattr(binding, "parse_vectors", space["broken"])
    env.unwrapped("VECTORIZE").upsert_sync([{"id": "a", "values": [1, 2, 3]}])

def test_library_bug_inside_the_standard_library(env, monkeypatch):
    from workers_env.vectorize import binding

    # a workers-env bug whose exception is raised inside json: the workers-env frame still shows
    code = compile("import json\\ndef broken(*args, **kwargs):\\n    return json.loads('{bad')\\n",
                   binding.__file__, "exec")
    space = {}
    exec(code, space)
    monkeypatch.setattr(binding, "parse_vectors", space["broken"])
    env.unwrapped("VECTORIZE").upsert_sync([{"id": "a", "values": [1, 2, 3]}])
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    return traceback_project(pytester, ENTRY, TESTS)


def test_library_frames_are_left_out(project: pytest.Pytester) -> None:
    result = project.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")
    result.assert_outcomes(failed=4)
    out = result.stdout.str()
    refused = section(out, "test_refused")
    assert "src/entry.py:7: JsException" in refused and "expected 3 dimensions, and got 2" in refused
    assert "workers_env/" not in refused
    own = section(out, "test_own")
    assert "src/entry.py:6: RuntimeError" in own and "workers_env/" not in own
    bug = section(out, "test_library_bug")
    assert re.search(r"workers_env/vectorize/binding\.py:\d+: in upsert_sync", bug)  # not the user's doing: kept
    in_json = section(out, "test_library_bug_inside_the_standard_library")
    assert re.search(r"binding\.py:\d+: in upsert_sync", in_json) and "JSONDecodeError" in in_json


def test_full_trace_shows_them(project: pytest.Pytester) -> None:
    result = project.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "--full-trace", "-k", "refused")
    result.assert_outcomes(failed=1)
    assert "workers_env/vectorize/validation.py" in result.stdout.str()


CAUGHT = """\
import traceback
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.VECTORIZE.upsert([{"id": "a", "values": [1, 2]}])
        except Exception:
            return Response(traceback.format_exc())
"""


def test_a_full_trace_run_inside_another_leaves_its_setting(project: pytest.Pytester) -> None:
    # pytester's in-process run with --full-trace, inside a run that has it on too: at its end
    # a rejection the outer run's Worker catches still keeps every frame (it once turned that off)
    from workers_env import load_worker
    from workers_env.runtime.tracebacks import keep_every_frame

    async def caught() -> str:
        return await (await load_worker(project.path).fetch("/")).text()

    outer = keep_every_frame(True)  # as the outer run's --full-trace sets it
    try:
        inner = project.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "--full-trace", "-k", "refused")
        inner.assert_outcomes(failed=1)
        project.path.joinpath("src", "entry.py").write_text(CAUGHT)
        text = asyncio.run(caught())
    finally:
        keep_every_frame(outer)
    assert "workers_env/vectorize/validation.py" in text, text
