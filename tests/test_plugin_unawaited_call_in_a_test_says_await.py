"""A test of ours that reads an un-awaited call as its value (``resp = worker.fetch(...)`` then
``resp.status``; ``env.VECTORIZE.describe().vectorCount``) fails with Python's "'coroutine'
object has no attribute ...", which does not say what is missing; its report adds a
``workers-env`` section saying to ``await`` the call. Other failures, and tests not using our
fixtures, get no such section."""

from __future__ import annotations

from worker_helpers import one_file_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("ok")
"""
VECTORIZE = '[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n'
PYPROJECT = ('[tool.workers-env.indexes.docs]\ndimensions = 3\nmetric = "cosine"\n\n[tool.pytest.ini_options]\n'
             'asyncio_mode = "auto"\nasyncio_default_fixture_loop_scope = "function"\n')
SECTION = ("The test used an awaitable as the value it gives: a call was not awaited. worker.fetch(...) and every "
           "binding method of env (env.VECTORIZE.query(...), env.KV.get(...), ...) are async, and so are a response's "
           "body reads (resp.json(), resp.text(), resp.bytes()): write `await` before "
           "the call, in an `async def` test.")
TESTS = '''
import pytest

async def test_fetch_without_await(worker):
    resp = worker.fetch("/")
    try:
        assert resp.status == 200
    finally:
        resp.close()

async def test_binding_without_await(env):
    described = env.VECTORIZE.describe()
    try:
        assert described.vectorCount == 0
    finally:
        described.close()

async def test_body_read_without_await(worker):
    body = (await worker.fetch("/")).text()
    try:
        assert body.upper() == "OK"
    finally:
        body.close()

async def test_other_failure(env):
    assert (await env.VECTORIZE.describe()).vectorCount == 1

def test_not_ours():
    class Lazy:
        async def get(self):
            return 1
    got = Lazy().get()
    try:
        got.value
    finally:
        got.close()
'''


def test_the_report_says_to_await_the_call(pytester):
    one_file_worker(pytester.path, ENTRY, extra=VECTORIZE)
    (pytester.path / "pyproject.toml").write_text(PYPROJECT)
    pytester.makepyfile(test_it=TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")  # in-process
    result.assert_outcomes(failed=5)
    out = result.stdout.str()
    assert out.count(SECTION) == 3
    reports = out.split("_ test_")
    assert [SECTION in part for part in reports[1:]] == [True, True, True, False, False]
