"""The SDK's JSON readers and writers are Python's ``json`` called on what the Worker handed them:
``await request.json()`` of a body that is not JSON (the quick start's Worker asked with a plain
``curl localhost:8787``), ``Response.json`` of a value JSON cannot write, ``await resp.json()`` of a
fetched body that is not JSON. The error is the Worker's, so the 500 body, the dev log and a test's
traceback show the Worker's frames and ``json``'s, as production does -- not the dev server's,
the loader's and the task plumbing's frames that an error starting inside workers-env keeps
(walk16: all ten of them were in the quick start's 500 body)."""

from __future__ import annotations

import logging
import textwrap
import urllib.error
import urllib.request

import pytest
from traceback_helpers import section, traceback_project
from worker_helpers import one_file_worker

from workers_env.runtime import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """\
    from workers import Response, WorkerEntrypoint, fetch

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/read"):
                return Response.json(await request.json())
            if request.url.endswith("/write"):
                return Response.json({"tags": {"a"}})
            return Response.json(await (await fetch("data:,not%20json")).json())
"""

ERRORS = {
    "/read": ("line 6, in fetch", "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"),
    "/write": ("line 8, in fetch", "TypeError: Object of type set is not JSON serializable"),
    "/fetched": ("line 9, in fetch", "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"),
}


def _last_error(traceback: str) -> str:
    """A traceback's error line, without the notes Python 3.14's ``json`` adds after it (``when
    serializing dict item 'tags'``: the host's Python, not the era's, writes them)."""
    lines = traceback.rstrip("\n").splitlines()
    while lines and lines[-1].startswith("when serializing "):
        lines.pop()
    return lines[-1] if lines else ""


@pytest.mark.parametrize("date", ["2026-03-01", "2026-05-01"])  # the built-in SDK, then the external one
@pytest.mark.parametrize("path", sorted(ERRORS))
def test_the_body_and_the_log_show_the_workers_frames_and_jsons(tmp_path, caplog, date, path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    line, error = ERRORS[path]
    with caplog.at_level(logging.ERROR, logger="workers_env.dev"), BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(urllib.request.Request(server.url + path, data=b"", method="POST"),
                                   timeout=10).read()
    body = answer.value.read().decode()
    answer.value.close()
    assert answer.value.code == 500
    # before 2026-04-21 the name is written into an Error's message (enhanced_error_serialization; review68)
    assert body.startswith(("PythonError: " if date >= "2026-04-21" else "Error: PythonError: ")
                           + "Traceback (most recent call last):\n  File ")
    assert f'entry.py", line {line.split()[1][:-1]}, in fetch' in body and _last_error(body) == error
    assert "workers_env" not in body and "json" in body.split("in fetch", 1)[1]  # json's frames stay
    record = next(r for r in caplog.records if r.name == "workers_env.dev")
    logged = logging.Formatter().formatException(record.exc_info)
    assert _last_error(logged) == error and "workers_env" not in logged


def test_a_tests_traceback_runs_from_the_test_to_the_workers_line(pytester: pytest.Pytester) -> None:
    tests = """\
        import pytest

        @pytest.mark.asyncio
        async def test_posts_text(worker):
            await worker.fetch("/read", method="POST", body="not json")
    """
    traceback_project(pytester, textwrap.dedent(ENTRY), tests)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")
    result.assert_outcomes(failed=1)
    failure = section(result.stdout.str(), "test_posts_text")
    assert "src/entry.py:6: in fetch" in failure and "JSONDecodeError" in failure
    assert "workers_env/" not in failure


def test_a_workers_env_bug_writing_json_keeps_its_frames():
    # the jsnull-aware fallback json.dumps calls is left out, but its error belongs to the frame
    # that called json: here one of workers-env's own (a bug), so every frame stays
    import os

    from workers_env.runtime.tracebacks import PACKAGE_DIR, hides_our_frames

    space: dict = {}
    exec(compile("import json\ndef write():\n    return json.dumps({'tags': {1}})\n",
                 os.path.join(PACKAGE_DIR, "runtime", "sdkhttp.py"), "exec"), space)
    with pytest.raises(TypeError, match="set is not JSON serializable") as raised:
        space["write"]()
    assert not hides_our_frames(raised.value, raised.value.__traceback__)
