"""A binding name the env lacks is production's ``AttributeError`` (with a note naming the env's
bindings), raised by workers-env as its answer to the user's code: a failing test's traceback
ends at the line that read the name -- in the Worker or in the test -- without workers-env's
frames, as for a binding's refusal. So does the SDK's ``TypeError`` for a tuple sent over RPC."""

from __future__ import annotations

import pytest
from traceback_helpers import section, traceback_project

ENTRY = """\
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/tuple"):
            await self.env.VECTORIZE.upsert([{"id": "a", "values": (1, 0, 0)}])
        await self.env.VECTORISE.query([1, 0, 0])
        return Response("ok")
"""

TESTS = """\
import pytest

@pytest.mark.asyncio
async def test_in_the_worker(worker):
    await worker.fetch("/")

@pytest.mark.asyncio
async def test_tuple_over_rpc(worker):
    await worker.fetch("/tuple")

def test_in_the_test(env):
    env.VECTORISE

def test_as_an_item(env):
    env["VECTORISE"]
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    return traceback_project(pytester, ENTRY, TESTS)


def test_a_wrong_binding_name_ends_at_the_line_that_read_it(project: pytest.Pytester) -> None:
    result = project.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")
    result.assert_outcomes(failed=4)
    out = result.stdout.str()
    worker = section(out, "test_in_the_worker")
    assert "src/entry.py:7: AttributeError" in worker and "did you mean 'VECTORIZE'?" in worker
    assert "workers_env/" not in worker
    tuple_ = section(out, "test_tuple_over_rpc")
    assert "src/entry.py:6: TypeError" in tuple_ and "cannot be sent over RPC" in tuple_
    assert "workers_env/" not in tuple_
    for name, line, kind in (("test_in_the_test", 12, "AttributeError"), ("test_as_an_item", 15, "KeyError")):
        failure = section(out, name)
        assert f"test_tb.py:{line}: {kind}" in failure and "did you mean 'VECTORIZE'?" in failure
        assert "workers_env/" not in failure
