"""The ``ctx`` a handler receives is workerd's ``ExecutionContext``, a JavaScript object, so
in Pyodide it is a ``JsProxy``: ``isinstance(ctx, JsProxy)``, ``type(ctx).__name__`` is
``"JsProxy"`` and ``repr(type(ctx))`` ``<class 'pyodide.ffi.JsProxy'>`` (one C type for every
JS value, pyodide #4010), as for ``request`` and ``env`` -- in a module-level ``on_fetch``,
an ``@handler`` cron handler and a ``WorkerEntrypoint``'s ``self.ctx``. ``waitUntil`` still
keeps the request's work running."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

from workers_env import load_worker

MODULE = """
import json
from js import Response
from pyodide.ffi import JsProxy

DONE = []

def kind(v):
    return [isinstance(v, JsProxy), type(v).__name__, repr(type(v))]

async def on_fetch(request, env, ctx):
    async def later():
        DONE.append(1)
    ctx.waitUntil(later())
    return Response.new(json.dumps({"ctx": kind(ctx), "request": kind(request)}))
"""

CLASS = """
from workers import WorkerEntrypoint, Response
from pyodide.ffi import JsProxy

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({"ctx": [isinstance(self.ctx, JsProxy), type(self.ctx).__name__,
                                      repr(type(self.ctx))]})
"""

CRON = """
from workers import handler
from pyodide.ffi import JsProxy

SEEN = []

@handler
async def on_scheduled(controller, env, ctx):
    SEEN.append([isinstance(ctx, JsProxy), type(ctx).__name__, repr(type(ctx))])
"""

AS_JS = [True, "JsProxy", "<class 'pyodide.ffi.JsProxy'>"]


def test_module_level_handlers_ctx_is_a_jsproxy(tmp_path: Path) -> None:
    worker = load_worker(one_file_worker(tmp_path, MODULE, date="2025-04-22"))

    async def scenario() -> object:
        response = await worker.fetch("/")
        return await response.json()

    assert asyncio.run(scenario()) == {"ctx": AS_JS, "request": AS_JS}
    assert worker.module.DONE == [1]  # the waitUntil work ran


@pytest.mark.parametrize("date", ["2025-10-01", "2026-05-01"])
def test_worker_entrypoints_self_ctx_is_a_jsproxy(tmp_path: Path, date: str) -> None:
    assert json_answer(one_file_worker(tmp_path, CLASS, date=date), "/") == {"ctx": AS_JS}


def test_cron_handlers_ctx_is_a_jsproxy(tmp_path: Path) -> None:
    worker = load_worker(one_file_worker(tmp_path, CRON, date="2025-04-22"))
    result = asyncio.run(worker.scheduled("* * * * *"))
    assert result.outcome == "ok"
    assert worker.module.SEEN == [AS_JS]


PROPS = """
from workers import WorkerEntrypoint, Response
from pyodide.ffi import JsProxy


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        props = self.ctx.props
        try:
            props.userId
            missing = "found"
        except AttributeError as exc:
            missing = f"AttributeError: {exc}"
        return Response.json([isinstance(props, JsProxy), repr(props), props.to_py(), missing,
                              self.ctx.props is props])
"""


@pytest.mark.parametrize("date", ["2025-08-14", "2026-05-01"])
def test_ctx_props_is_an_empty_js_object(tmp_path: Path, date: str) -> None:
    # workerd (global-scope.h): ExecutionContext's props default to js.obj(), an empty JS object,
    # a lazy instance property (one object); in Pyodide a JsProxy, to_py() {}, a missing property
    # the AttributeError naming it
    got = json_answer(one_file_worker(tmp_path, PROPS, date=date), "/")
    assert got == [True, "[object Object]", {}, "AttributeError: userId", True]


SNAKE = """
from workers import WorkerEntrypoint, Response


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            self.ctx.wait_until
            got = "found"
        except AttributeError as exc:
            got = f"AttributeError: {exc}"
        return Response.json([got, hasattr(self.ctx, "wait_until"), callable(self.ctx.waitUntil)])
"""


@pytest.mark.parametrize("date", ["2025-08-14", "2026-05-01"])
def test_ctx_has_no_snake_case_wait_until(tmp_path: Path, date: str) -> None:
    # workerd's ExecutionContext has waitUntil only (global-scope.h), and neither SDK wraps ctx
    # (workers-py entrypoints.py keeps it as given; no wait_until in workerd's src/pyodide):
    # ctx.wait_until is the missing property's AttributeError; `from workers import wait_until` is the snake-case one
    got = json_answer(one_file_worker(tmp_path, SNAKE, date=date), "/")
    assert got == ["AttributeError: wait_until", False, True]
