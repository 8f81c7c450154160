"""A binding result's key named like a dict method, read as an attribute (``listed.keys`` of a
KV ``list()``, as the KV docs' JavaScript writes ``value.keys``), is the dict's own method, in
production too (the SDK's ``JsDict``): Python's error -- ``object of type
'builtin_function_or_method' has no len()`` -- keeps its text and gains a note naming the key
and ``listed["keys"]``, in Worker code and in a test of ours (walk59). Other errors get none."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "0123456789abcdef0123456789abcdef"\n'
ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            listed = await self.env.KV.list()
            if request.url.endswith("/len"):
                return Response(str(len(listed.keys)))
            if request.url.endswith("/loop"):
                return Response(" ".join(k["name"] for k in listed.keys))
            if request.url.endswith("/called"):
                return Response(str(len(listed.keys())))
            if request.url.endswith("/called-and-other"):  # the builtin's error, on a line calling keys()
                return Response(str(len(listed.keys()) + len(print)))
            if request.url.endswith("/plain"):  # a dict of the Worker's own: its method, meant so
                mine = {"keys": []}
                return Response(str(len(mine.keys)))
            if request.url.endswith("/absent"):  # a result with no 'items' key: the method is all there is
                return Response(str(len(listed.items)))
            return Response(str(len(print)))
"""
NOTE = ("workers-env: listed.keys is the dict method keys(), not the 'keys' key of this result: a binding's result "
        "is a JsDict (as the Python SDK hands it out in production), whose keys read as attributes only where dict "
        "has no attribute of that name -- read listed['keys']")


@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "text"), [
    ("/len", "object of type 'builtin_function_or_method' has no len()"),
    ("/loop", "'builtin_function_or_method' object is not iterable"),
])
async def test_worker_code_gets_the_note(tmp_path, path, text):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, extra=KV))
    with pytest.raises(TypeError) as info:
        await worker.fetch(path)
    assert str(info.value) == text
    assert info.value.__notes__ == [NOTE]


@pytest.mark.asyncio
async def test_other_errors_and_calls_get_none(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, extra=KV))
    assert await (await worker.fetch("/called")).text() == "3"  # keys(): the dict's three keys, meant so
    for path in ("/other", "/called-and-other", "/plain", "/absent"):  # (/other: no JsDict on the line)
        with pytest.raises(TypeError) as info:
            await worker.fetch(path)
        assert str(info.value) == "object of type 'builtin_function_or_method' has no len()"
        assert not hasattr(info.value, "__notes__"), path


TESTS = '''
async def test_listed(env):
    listed = await env.KV.list()
    assert len(listed.keys) == 0

def test_not_ours():
    listed = {"keys": []}
    assert len(listed.keys) == 0
'''


def test_a_tests_report_says_it(pytester):
    one_file_worker(pytester.path, ENTRY, extra=KV)
    (pytester.path / "pyproject.toml").write_text('[tool.pytest.ini_options]\nasyncio_mode = "auto"\n'
                                                  'asyncio_default_fixture_loop_scope = "function"\n')
    pytester.makepyfile(test_it=TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")  # in-process
    result.assert_outcomes(failed=2)
    reports = result.stdout.str().split("_ test_")
    assert [NOTE.removeprefix("workers-env: ") in part for part in reports[1:]] == [True, False]


WORKER_TEST = '''
async def test_fetch(worker):
    await worker.fetch("/len")
'''


def test_a_workers_own_note_is_not_said_again_in_the_report(pytester):
    one_file_worker(pytester.path, ENTRY, extra=KV)
    (pytester.path / "pyproject.toml").write_text('[tool.pytest.ini_options]\nasyncio_mode = "auto"\n'
                                                  'asyncio_default_fixture_loop_scope = "function"\n')
    pytester.makepyfile(test_it=WORKER_TEST)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")  # in-process
    result.assert_outcomes(failed=1)
    said = result.stdout.str()
    # the failure's report (pytest's short summary repeats the whole message when it runs on CI: not ours)
    report = said.split("short test summary info")[0]
    assert report.count(NOTE.removeprefix("workers-env: ")) == 1, said  # the error's note, no section repeating it
