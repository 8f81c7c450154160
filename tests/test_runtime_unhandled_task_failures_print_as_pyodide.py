"""A failure nobody handles in a task or promise of the Worker's code prints what Pyodide's
``WebLoop`` prints on stderr -- production's ``console.error`` lines -- measured under Node with
npm pyodide 0.26.0a4, 0.28.2 and 314.0.6 (tools/pyodide/unhandled_task_probe.mjs): from 0.28 a
task that fails with nobody awaiting it is ``Unhandled exception in event loop`` and its
traceback, each piece followed by a blank line, as it ends; in 0.26 ``PyodideTask exception was
never retrieved`` and the task's repr when it is collected, with no traceback; a coroutine
handed to ``Promise.resolve`` whose promise nobody awaits, ``PyodideFuture exception was never
retrieved``, the future's repr and (from 0.28) ``pyodide.ffi.JsException: PythonError: ...``.
Under ``workers-env dev`` each line is a ``✘ [ERROR]`` block, as wrangler dev 4.164.0 prints a
twin's ``console.error`` lines (tools/wrangler/dev_uncaught_kinds_probe.py, ``reject`` and
``jsreject``). workers-env printed asyncio's ``Task exception was never retrieved`` with its own
frames, as plain lines."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest
from dev_reload_helpers import DevServer, printed_before_request_line, python_project
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from js import Promise
from workers import Response, WorkerEntrypoint


def boom(kind):
    raise ValueError("boom-" + kind)


async def fails():
    boom("reject")


async def fails_too():
    boom("jsreject")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/reject"):
            asyncio.ensure_future(fails())
        elif request.url.endswith("/awaited"):
            try:
                await asyncio.ensure_future(fails())
            except ValueError:
                pass
        else:
            Promise.resolve(fails_too())
        await asyncio.sleep(0.01)
        return Response("ok")
"""


#: a line of the carets CPython writes under a frame's source line
CARETS = re.compile(r"^\s*[~^]+\s*$")


def _trace(tmp_path: Path, *frames: tuple[int, str, str]) -> list[str]:
    lines = ["Traceback (most recent call last):"]
    for line, name, code in frames:
        lines += [f'  File "{tmp_path / "src" / "entry.py"}", line {line}, in {name}', f"    {code}"]
    return lines


async def _printed(tmp_path: Path, capsys: pytest.CaptureFixture[str], date: str, path: str) -> list[str]:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    capsys.readouterr()
    assert (await worker.fetch(f"http://example.com{path}")).status == 200
    gc.collect()
    # (the host's caret lines under a frame's source -- Python 3.13 on marks a call -- left out)
    return [line for line in capsys.readouterr().err.split("\n") if not CARETS.match(line)]


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-10-01"])
async def test_a_failing_task_nobody_awaits_is_an_unhandled_exception_in_the_event_loop(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], date: str) -> None:
    head, *frames = _trace(tmp_path, (12, "fails", 'boom("reject")'), (8, "boom", 'raise ValueError("boom-" + kind)'))
    expected = ["Unhandled exception in event loop", head, ""] + [
        line for pair in zip(frames[::2], frames[1::2], [""] * 2) for line in pair] + ["ValueError: boom-reject", ""]
    assert await _printed(tmp_path, capsys, date, "/reject") == [*expected, ""]


@pytest.mark.asyncio
async def test_in_the_pyodide_026_era_it_is_never_retrieved_when_collected_without_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    printed = await _printed(tmp_path, capsys, "2025-09-01", "/reject")
    assert printed[0] == "PyodideTask exception was never retrieved"
    assert printed[1].startswith("future: <PyodideTask finished name='Task-") and printed[1].endswith(
        f"coro=<fails() done, defined at {tmp_path / 'src' / 'entry.py'}:11> exception=ValueError('boom-reject')>")
    assert printed[2:] == [""]


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "traceback_shown"), [("2025-09-01", False), ("2025-11-02", True)])
async def test_a_promise_of_a_failing_coroutine_nobody_awaits_is_never_retrieved(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], date: str, traceback_shown: bool) -> None:
    rejected = ["PythonError: " + _trace(tmp_path, (16, "fails_too", 'boom("jsreject")'),
                                         (8, "boom", 'raise ValueError("boom-" + kind)'))[0],
                *_trace(tmp_path, (16, "fails_too", 'boom("jsreject")'),
                        (8, "boom", 'raise ValueError("boom-" + kind)'))[1:], "ValueError: boom-jsreject"]
    expected = ["PyodideFuture exception was never retrieved", "future: <PyodideFuture finished exception=" + rejected[0],
                *rejected[1:], ">"]
    if traceback_shown:
        expected += ["pyodide.ffi.JsException: " + rejected[0], *rejected[1:], "", ""]
    assert await _printed(tmp_path, capsys, date, "/jsreject") == [*expected, ""]


@pytest.mark.asyncio
async def test_a_failing_task_awaited_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert await _printed(tmp_path, capsys, "2025-11-02", "/awaited") == [""]


def test_dev_prints_each_line_as_a_console_error_block(tmp_path: Path) -> None:
    with DevServer(python_project(tmp_path / "app", ENTRY)) as server:
        assert server.get("/reject") == (200, "ok")
        printed = printed_before_request_line(server, "/reject", "\u2718 [ERROR] Unhandled exception in event loop")
        blocks = [line for line in printed if line.startswith("\u2718 [ERROR]")]
        assert blocks[1:3] == ["\u2718 [ERROR] Traceback (most recent call last):", "\u2718 [ERROR] "]
        assert blocks[-2:] == ["\u2718 [ERROR] ValueError: boom-reject", "\u2718 [ERROR] "]
        assert not any("never retrieved" in line or "workers_env" in line for line in server.lines)


#: the failing coroutines Pyodide ran under Node (tools/pyodide/unhandled_task_probe.mjs), as the Worker's
FAILURES = (Path(__file__).parent.parent / "tools" / "pyodide" / "unhandled_failures.py").read_text()
GROUPS = FAILURES + """

import asyncio
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        asyncio.ensure_future(group() if request.url.endswith("/group") else chained())
        await asyncio.sleep(0.01)
        return Response("ok")
"""


def _line_of(code: str) -> int:
    return [line.strip() for line in FAILURES.split("\n")].index(code) + 1


@pytest.mark.asyncio
async def test_an_exception_group_and_a_chained_exception_print_whole_as_pyodides(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """review75: as 0.28.2 and 314.0.6 print them (tools/pyodide/unhandled_task_probe.mjs) -- each
    piece of ``traceback.format_exception`` followed by a blank line, the group's boxes and the
    cause's text included."""
    worker = load_worker(one_file_worker(tmp_path, GROUPS, date="2025-11-02"))
    entry = tmp_path / "src" / "entry.py"
    group, inner, outer = ('raise ExceptionGroup("grp", [ValueError("a"), KeyError("b")])', 'raise KeyError("inner")',
                           'raise ValueError("outer") from e')
    printed = {}
    for kind in ("group", "chained"):
        capsys.readouterr()
        assert (await worker.fetch(f"http://example.com/{kind}")).status == 200
        printed[kind] = [line for line in capsys.readouterr().err.split("\n") if not CARETS.match(line)]
    assert printed["group"] == [
        "Unhandled exception in event loop", "  + Exception Group Traceback (most recent call last):", "",
        f'  |   File "{entry}", line {_line_of(group)}, in group',
        '  |     raise ExceptionGroup("grp", [ValueError("a"), KeyError("b")])', "",
        "  | ExceptionGroup: grp (2 sub-exceptions)", "", "  +-+---------------- 1 ----------------", "",
        "    | ValueError: a", "", "    +---------------- 2 ----------------", "", "    | KeyError: 'b'", "",
        "    +------------------------------------", "", ""]
    assert printed["chained"] == [
        "Unhandled exception in event loop", "Traceback (most recent call last):", "",
        f'  File "{entry}", line {_line_of(inner)}, in chained', '    raise KeyError("inner")', "", "KeyError: 'inner'", "", "",
        "The above exception was the direct cause of the following exception:", "", "",
        "Traceback (most recent call last):", "", f'  File "{entry}", line {_line_of(outer)}, in chained',
        '    raise ValueError("outer") from e', "", "ValueError: outer", "", ""]


def test_dev_prints_them_after_a_reload_too(tmp_path: Path) -> None:
    """The serving loop's reports are silenced only once dev has stopped (server.py ``serve``,
    runtime/unhandled.py ``silence``): after a reload -- the same loop -- the new Worker's failing
    task prints as the first one's did (review77: a mutant silencing the loop at a reload passed
    every other test)."""
    project = python_project(tmp_path / "app", ENTRY)
    with DevServer(project) as server:
        server.edit(project / "src" / "entry.py", ENTRY.replace("boom-", "boom2-"))
        server.wait_for("Local server updated and ready")
        assert server.get("/reject") == (200, "ok")
        server.wait_for("\u2718 [ERROR] ValueError: boom2-reject")
