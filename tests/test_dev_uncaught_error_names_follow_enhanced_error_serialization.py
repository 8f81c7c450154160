"""``workers-env dev``: the name an uncaught ``PythonError`` keeps where workerd clones it or sends
it on depends on the Worker's ``enhanced_error_serialization`` (on from 2026-04-21). wrangler dev
4.164.0, an unbundled JavaScript twin throwing an error of a class named as Pyodide's
(``class PythonError extends Error``, the name on its prototype) with a traceback message
(review68): at 2025-11-02 the 500's body reads ``Error: PythonError: Traceback ...`` and the
event's copy ``✘ [ERROR] Uncaught Error: Traceback ...``; at 2026-11-17 both keep
``PythonError``. The first block is ``Uncaught PythonError: ...`` at both dates; a ``TypeError``
reads ``TypeError: bad`` at both (V8's own class)."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.devconsole import wranglers_output
from workers_env.runtime.server import BackgroundServer

ENTRY = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/wait"):
            async def late():
                raise KeyError("late")
            self.ctx.waitUntil(late())
            return Response("ok")
        raise ValueError("boom")
"""


def _served(tmp_path, date: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """The 500's body for ``/`` and dev's stderr after ``/`` and ``/wait``, the Worker dated ``date``."""
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, flags=["disable_python_external_sdk"],
                                         pyproject=False))
    capsys.readouterr()
    with wranglers_output(), BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(server.url + "/", timeout=10)
        urllib.request.urlopen(server.url + "/wait", timeout=10).read()
        body = answer.value.read().decode()
    return body, capsys.readouterr().err


@pytest.mark.parametrize(("date", "kept"), [("2025-11-02", False), ("2026-04-20", False), ("2026-04-21", True),
                                            ("2026-11-17", True)])
def test_the_500_body_and_the_events_copy_keep_the_name_with_enhanced_error_serialization(
        tmp_path, capsys: pytest.CaptureFixture[str], date: str, kept: bool) -> None:
    body, err = _served(tmp_path, date, capsys)
    assert body.startswith("PythonError: Traceback (most recent call last):\n" if kept
                           else "Error: PythonError: Traceback (most recent call last):\n")
    assert body.endswith("ValueError: boom\n")
    copy = "PythonError" if kept else "Error"
    for error in ("ValueError: boom", "KeyError: 'late'"):  # the request's and its waitUntil work's
        assert f"  {error}\n   Error\n\n\n\u2718 [ERROR] Uncaught {copy}: Traceback (most recent call last):\n\n" in err
    assert err.count("\u2718 [ERROR] Uncaught ") == 4


def test_a_worker_dated_before_the_flag_that_names_it_keeps_names_too(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-11-02",
                                         flags=["disable_python_external_sdk", "enhanced_error_serialization"],
                                         pyproject=False))
    with BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(server.url + "/", timeout=10)
        assert answer.value.read().decode().startswith("PythonError: Traceback")
