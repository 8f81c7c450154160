"""What ``workers-env dev`` prints, and on which stream, as ``wrangler dev`` 4.164.0 prints the
same events of an unbundled JavaScript twin (devoutput47; tools/wrangler/dev_log_level_differential.py):
``console.warn``/``console.error`` and the Worker's stderr (its ``logging`` too) laid out by
wrangler's logger on stderr; an uncaught exception as two ``✘ [ERROR] Uncaught ...`` blocks,
Pyodide's ``PythonError`` with the traceback and the event's copy; workerd's own warnings and the
assets' ``[wrangler:...]`` lines as plain stdout lines."""

from __future__ import annotations

import re

import pytest
from dev_reload_helpers import dev_streams, python_project

ENTRY = '''import logging
import sys
from js import console
from workers import Response, WorkerEntrypoint


def inner():
    raise ValueError("boom")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.url.rsplit("/", 1)[1]
        if path == "log":
            console.warn("two\\nlines"); console.error("")
            logging.warning("from logging")
            print("printed", "in parts", file=sys.stderr)  # (print writes each part: one line all the same)
        if path == "throw":
            inner()
        if path == "late":
            async def late():
                raise KeyError("late")
            self.ctx.waitUntil(late())
        if path == "js":
            return Response("x", status=204)
        if path == "cache":
            from js import caches
            await caches.default.put("http://x.test/a", Response(None, status=304).js_object)
        return Response("ok")
'''
CONFIG = '[assets]\ndirectory = "public"\nbinding = "ASSETS"\nrun_worker_first = true\n'


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """dev's stdout and stderr while it answers /log, /throw, /late, /js and /cache (port, times masked)."""
    project = python_project(tmp_path_factory.mktemp("devoutput") / "app", ENTRY, config_extra=CONFIG,
                             files={"public/_headers": "/*\n  X-A: 1\n"})
    return dev_streams(project, [], ["/log", "/throw", "/late", "/js", "/cache"], settle=0.3)  # (the waitUntil work's log after its answer)


def test_console_warn_and_error_and_logging_are_laid_out_as_wranglers_logger(printed: tuple[str, str]) -> None:
    _out, err = printed
    assert ("\u25b2 [WARNING] two\n\n  lines\n\n\n\u2718 [ERROR] \n\n\n\u2718 [ERROR] WARNING:root:from logging\n\n\n"
            "\u2718 [ERROR] printed in parts\n\n\n") in err


def test_an_uncaught_python_error_is_two_error_blocks(printed: tuple[str, str]) -> None:
    # (the event's copy keeps the name PythonError at this date, 2026-05-01: enhanced_error_serialization; review68)
    _out, err = printed
    err = re.sub(r"(?m)^ *[~^]+\n", "", err)  # (CPython 3.13 marks the whole call `inner()` with ~~~~~^^ too)
    project = re.search(r'File "(/[^"]+/src/entry\.py)"', err)
    assert project is not None
    trace = (f'    File "{project.group(1)}", line 19, in fetch\n      inner()\n'
             f'    File "{project.group(1)}", line 8, in inner\n      raise ValueError("boom")\n  ValueError: boom\n')
    assert (f"\u2718 [ERROR] Uncaught PythonError: Traceback (most recent call last):\n\n{trace}   Error\n\n\n"
            f"\u2718 [ERROR] Uncaught PythonError: Traceback (most recent call last):\n\n{trace}   \n\n\n") in err
    assert "Uncaught exception in the worker" not in err


def test_a_failed_wait_until_is_two_blocks_too(printed: tuple[str, str]) -> None:
    _out, err = printed
    assert "\u2718 [ERROR] Uncaught PythonError: Traceback (most recent call last):\n\n" in err
    assert err.count("  KeyError: 'late'\n") == 2


def test_a_javascript_error_is_named_as_its_own_with_the_traceback_after_it(printed: tuple[str, str]) -> None:
    _out, err = printed
    block = re.search(r"\u2718 \[ERROR\] Uncaught TypeError: Response with null body status \(101, 204, 205, or 304\) "
                      r"cannot have a body\. Error\n\n  Traceback \(most recent call last\):\n(?:  .*\n)+\n\n"
                      r"\u2718 \[ERROR\] Uncaught TypeError: Response with null body status \(101, 204, 205, or 304\) "
                      r"cannot have a body\. \n\n\n", err)
    assert block is not None, err


def test_workerds_warnings_and_the_assets_lines_are_plain_stdout_lines(printed: tuple[str, str]) -> None:
    out, err = printed
    assert "[wrangler:info] \u2728 Parsed 1 valid header rule.\n" in out
    assert ("\nIgnoring attempt to Cache.put() a 304 status response. 304 responses are not meaningful to cache, and "
            "a potential source of bugs. Consider validating that the response status is meaningful to cache before "
            "calling Cache.put().\n[wrangler:info] GET /cache 200 OK (Nms)\n") in out
    assert "Parsed" not in err and "Ignoring attempt" not in err
