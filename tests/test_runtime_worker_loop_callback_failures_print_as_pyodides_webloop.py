"""A loop callback of the Worker's own that raises (``loop.call_soon(f)``, ``call_later``) prints
what Pyodide's ``WebLoop.default_exception_handler`` prints on stderr -- production's
``console.error`` lines -- measured under Node with npm pyodide 0.26.0a4, 0.28.2 and 314.0.6
(tools/pyodide/loop_callback_failure_probe.mjs): ``Exception in callback boom() at <file>:<line>``,
``handle: <Handle boom() at ...>`` (a plain ``Handle`` for ``call_later`` too: Pyodide's is a JS
timer; the callback without its arguments from Python 3.13, with them on 0.26's 3.12) and, from
0.28, the traceback with a blank line after each piece. A handler the Worker set gets the report;
one deferring to ``loop.default_exception_handler`` prints those lines, and one that raises prints
``Unhandled error in exception handler`` and ``context: {...}`` (from 0.28 the traceback with its
chained cause). workers-env printed asyncio's logger text (its ``TimerHandle when=...``, a
traceback with no blank lines, on 0.26 too)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from workers import Response, WorkerEntrypoint


def boom(x):
    raise ValueError("boom-" + x)


def deferring(loop, context):
    loop.default_exception_handler(context)


def raising(loop, context):
    raise RuntimeError("in handler")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        loop = asyncio.get_running_loop()
        handler = {"/defer": deferring, "/raise": raising}.get(request.url[len("http://x"):])
        if handler is not None:
            loop.set_exception_handler(handler)
        try:
            loop.call_later(0.001, boom, "later")
            await asyncio.sleep(0.02)
        finally:
            if handler is not None:
                loop.set_exception_handler(None)
        return Response("ok")
"""

#: a line of the carets CPython writes under a frame's source line (Python 3.13 on)
CARETS = re.compile(r"^\s*[~^]+\s*$")


async def _printed(tmp_path: Path, capsys: pytest.CaptureFixture[str], date: str, path: str) -> list[str]:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    capsys.readouterr()
    assert (await worker.fetch(f"http://x{path}")).status == 200
    return [line for line in capsys.readouterr().err.split("\n") if not CARETS.match(line)][:-1]


def _head(tmp_path: Path, shown: str) -> list[str]:
    where = f"{tmp_path / 'src' / 'entry.py'}:6"
    return [f"Exception in callback {shown} at {where}", f"handle: <Handle {shown} at {where}>"]


def _trace(tmp_path: Path) -> list[str]:
    entry = tmp_path / "src" / "entry.py"
    return ["Traceback (most recent call last):", "", "", f'  File "{entry}", line 7, in boom',
            '    raise ValueError("boom-" + x)', "", "ValueError: boom-later", ""]


def _without_asyncio_frame(lines: list[str]) -> list[str]:
    """(The host asyncio's ``_run`` frame and its source line stand where Pyodide's do.)"""
    at = next(i for i, line in enumerate(lines) if "asyncio" in line and line.endswith("in _run"))
    assert lines[at + 1].strip() == "self._context.run(self._callback, *self._args)"
    return lines[:at] + lines[at + 2:]


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/", "/defer"])
async def test_from_0_28_the_report_and_its_traceback(tmp_path, capsys, path):
    lines = await _printed(tmp_path, capsys, "2025-10-01", path)
    assert _without_asyncio_frame(lines) == _head(tmp_path, "boom()") + _trace(tmp_path)


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/", "/defer"])
async def test_on_0_26_the_two_lines_with_the_arguments(tmp_path, capsys, path):
    assert await _printed(tmp_path, capsys, "2025-09-01", path) == _head(tmp_path, "boom('later')")


@pytest.mark.asyncio
async def test_a_handler_that_raises_is_reported_with_its_context(tmp_path, capsys):
    old = await _printed(tmp_path / "a", capsys, "2025-09-01", "/raise")
    message = f"Exception in callback boom('later') at {tmp_path / 'a' / 'src' / 'entry.py'}:6"
    assert old == ["Unhandled error in exception handler",
                   f"context: {{'message': \"{message}\", 'exception': ValueError('boom-later'), "
                   f"'handle': <Handle boom('later') at {tmp_path / 'a' / 'src' / 'entry.py'}:6>}}"]
    new = await _printed(tmp_path / "b", capsys, "2026-09-08", "/raise")
    assert new[0] == "Unhandled error in exception handler" and "<Handle boom() at " in new[1]
    assert "During handling of the above exception, another exception occurred:" in new
    assert new[-2:] == ["RuntimeError: in handler", ""]
