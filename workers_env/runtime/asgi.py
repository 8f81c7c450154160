"""The runtime's ``asgi`` module: ``await asgi.fetch(app, request, env, ctx=None)``.

Serves one request with an ASGI application (FastAPI, Starlette, ...) as the Python SDK's
bridge does: a lifespan startup before the request and a shutdown after it, a scope with
``type``, ``method``, ``scheme``, ``path``, ``query_string``, lower-cased byte ``headers``
and the Worker's ``env`` under ``scope["env"]``; the request body read first, each chunk of its
stream an ``http.request`` message with ``more_body``, then an empty last one; the response a JS
``Response``. The external SDK (compatibility dates from 2026-04-21) percent-decodes ``path`` and
adds ``raw_path`` (from 1.6.6), shares lifespan ``state``, answers a null-body status without
the body and streams a body sent in several messages (from 1.1.1: the response returned at the
first, a ``TransformStream`` written as the app sends; a stream its app fails in closed from
1.6.10); the built-in one (workerd's ``asgi.py``) does none of that, makes the first body
message the whole response (a later one fails inside the app's ``send``), wants ``ctx`` for
server-sent events, never shuts the lifespan down and waits forever for an app that does not
complete the lifespan startup; its server-sent events stream, the response returned at their
start. A WebSocket upgrade (``asgi.websocket``/``process_websocket``) runs the app over a
``WebSocketPair``, per SDK release (:func:`process_websocket`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from workers_env._errors import JsException, users_mistake
from workers_env.runtime import lifespans
from workers_env.runtime.current import caller_gone, cancelling, current_context, current_runtime
from workers_env.runtime.eras import NEWEST_SDK
from workers_env.runtime.gateway import BaseOptions, with_options
from workers_env.runtime.jsbuffers import JsTypedArray
from workers_env.runtime.jsglobals import JsURL
from workers_env.runtime.jsstreams import HANGING, JsTransformStream
from workers_env.runtime.jsheaders import JsHeaders
from workers_env.runtime.jsweb import JsRequest, JsResponse
from workers_env.runtime.tracebacks import runs_the_workers, without_our_frames

__all__ = ["ASGI", "DEFAULT_OPTIONS", "Options", "acquire_js_buffer", "close_stream_quietly", "entrypoint", "fetch",
           "process_request", "process_websocket", "request_to_scope", "run_in_background", "start_application",
           "websocket"]

ASGI = {"spec_version": "2.0", "version": "3.0"}
NULL_BODY_STATUSES = frozenset({101, 103, 204, 205, 304})
logger = logging.getLogger("asgi")


async def _application(app: Any, scope: dict[str, Any], receive: Any, send: Any) -> None:
    """``app(scope, receive, send)``: the Worker's ASGI application, whose frames (FastAPI's,
    Starlette's) a traceback keeps, as the SDK's ``asgi.py`` calls it in production (runtime/tracebacks.py)."""
    await app(scope, receive, send)


runs_the_workers(_application)


background_tasks: set[asyncio.Future[Any]] = set()


def _log_background_error(error: BaseException) -> None:
    """The SDKs' ``run_in_background`` log line for a task that ended with ``error``."""
    logger.error("Unhandled exception in background task", exc_info=(type(error), error, without_our_frames(error)))


def run_in_background(coro: Any) -> asyncio.Future[Any] | None:
    """The SDKs' ``asgi.run_in_background``: schedule ``coro`` on the running loop, keep a
    reference until it ends, and log an exception it ends with. The external SDK returns the
    task's future from 1.8.0; before, and the built-in SDK, ``None``."""
    future = asyncio.ensure_future(coro)
    background_tasks.add(future)

    def done(f: asyncio.Future[Any]) -> None:
        background_tasks.discard(f)
        error = f.exception() if not f.cancelled() else None
        if error is not None:
            _log_background_error(error)

    future.add_done_callback(done)
    return future if external_sdk() and _sdk_version() >= TASK_FROM else None


@contextmanager
def acquire_js_buffer(pybuffer: Any) -> Iterator[JsTypedArray]:
    """The SDKs' ``asgi.acquire_js_buffer``: ``create_proxy(pybuffer).getBuffer().data``, a JS
    view of the object's bytes, for the ``with`` block; released after it."""
    from workers_env.runtime.pybuffer import get_buffer

    buf = get_buffer(pybuffer)
    try:
        yield buf.data
    finally:
        buf.release()


async def close_stream_quietly(writer: Any) -> None:
    """The external SDK's ``asgi.close_stream_quietly``: ``await writer.close()``, a failure
    logged at debug level instead of raised."""
    try:
        await writer.close()
    except Exception:  # noqa: BLE001 - as the SDK: a closed or errored stream is not the app's error
        logger.debug("Closing the response stream failed", exc_info=True)


def external_sdk() -> bool:
    """Whether the running Worker's SDK is the external one (outside a Worker: the newest, so yes)."""
    runtime = current_runtime()
    era = getattr(runtime, "era", None)
    return era is None or bool(era.external_sdk)


def _sdk_version() -> tuple[int, ...]:
    """The external SDK's version (the newest outside a Worker or with none known)."""
    era = getattr(current_runtime(), "era", None)
    return tuple(getattr(era, "sdk_version", None) or NEWEST_SDK)


#: the external SDK's bridge streams every body message from 1.1.1 (1.1.0 kept the first, as
#: the built-in one does), drops a null-body status's body from 1.6.1 and keeps repeated
#: response headers from 1.6.13 (``Object.fromEntries`` before)
STREAMS_FROM, DROPS_NULL_BODY_FROM, HEADER_PAIRS_FROM = (1, 1, 1), (1, 6, 1), (1, 6, 13)
#: the external SDK's ``start_application`` returns ``(shutdown, state)`` from 1.6.14 (the shutdown
#: alone before), its ``process_request`` ``(response, task)`` from 1.8.0 (the response alone before)
STATE_FROM, TASK_FROM = (1, 6, 14), (1, 8, 0)
#: before 1.6.1 the external SDK's ``start_application`` is the built-in one's (lifespan required)
#: and its ``send`` reads a response message's ``headers`` and ``body`` without ASGI's defaults
LIFESPAN_OPTIONAL_FROM = MESSAGE_DEFAULTS_FROM = (1, 6, 1)
#: the external SDK percent-decodes ``scope["path"]`` and adds ``raw_path`` from 1.6.6 (workers-py
#: #169, 2026-08-03); before, as in the built-in SDK, ``path`` is ``URL.pathname`` as sent
DECODES_PATH_FROM = (1, 6, 6)
#: from 1.6.10 the external SDK closes a streamed body whose app failed mid-stream (workers-py #168);
#: before, the stream is left open
CLOSES_ON_FAILURE_FROM = (1, 6, 10)
#: from 1.8.4 the external SDK words a lifespan failure with an empty ``message`` by its default
#: (``got.get("message") or ...``; ``RuntimeError('')`` before) and logs, at debug level, a lifespan
#: that raised before its startup (read in the 1.8.2 and 1.8.4 wheels; 1.8.3 was not published)
LIFESPAN_DEFAULT_TEXT_FROM = (1, 8, 4)


class _AppHung(Exception):  # not an error the Worker sees: asgi.fetch's signal to itself
    """The app's own ``CancelledError`` (its ``__cause__``) before its response existed. Both
    SDKs run the app in a task (``run_app``, which catches ``Exception`` only) and ``await result``,
    a future only ``send`` or that ``except`` settles: the app's task ends cancelled and the
    request waits on ``result`` forever, which workerd cancels as hung."""


def _app_cancelled(error: asyncio.CancelledError) -> None:
    """``error``, the app's own ``CancelledError`` after its response existed, as the SDKs'
    ``wait_until(app_task)`` meets it: the request's ``waitUntil`` work failing (logged)."""
    error.with_traceback(without_our_frames(users_mistake(error)))
    ctx = current_context()
    if ctx is None:
        return

    async def cancelled_task() -> None:
        raise error

    ctx.waitUntil(cancelled_task())


def _hung(error: asyncio.CancelledError) -> _AppHung:
    error.with_traceback(without_our_frames(users_mistake(error)))
    hung = _AppHung()
    hung.__cause__ = error
    return hung


def js_request_of(req: Any, caller: str = "asgi.fetch()") -> JsRequest:
    """The JS request behind a ``workers.Request`` (or the ``js.Request`` itself)."""
    js_object = getattr(req, "js_object", None)
    if isinstance(js_object, JsRequest):
        return js_object
    if isinstance(req, JsRequest):
        return req
    req.method  # noqa: B018 - both SDKs' fetch reads it first (its debug line): Python's own AttributeError
    raise TypeError(f"{caller} needs a workers.Request or a js.Request, got {type(req).__name__}")


def request_to_scope(req: Any, env: Any, ws: bool = False, state: dict[str, Any] | None = None) -> dict[str, Any]:
    """The ASGI connection scope for a request (``scope["env"]`` is the Worker's env)."""
    js_req = js_request_of(req)
    headers = [(k.lower().encode(), v.encode()) for k, v in js_req.headers.items()]
    url = JsURL(js_req.url)
    external = external_sdk()
    decoded = external and _sdk_version() >= DECODES_PATH_FROM
    scope: dict[str, Any] = {
        "asgi": ASGI,
        "headers": headers,
        "http_version": "1.1",
        "method": js_req.method,
        "scheme": url.protocol[:-1],
        "path": unquote(url.pathname) if decoded else url.pathname,
        "query_string": url.search[1:].encode(),
        "type": "websocket" if ws else "http",
        "env": env,
    }
    if decoded:
        scope["raw_path"] = url.pathname.encode()
    if external:
        if state is not None:
            scope["state"] = dict(state)
    return scope


def _lifespan_required() -> bool:
    """Whether the running SDK's bridge is workerd's built-in ``asgi.py`` lifespan (the built-in
    SDK, and the external SDK before 1.6.1): its ``send`` raises ``Unexpected lifespan event ...``
    into the app for ``lifespan.startup.failed``, and it runs the app with ``run_in_background``,
    which logs an app's exception as an unhandled background-task exception; the request then
    waits for a startup that never comes (workerd's hung-request error)."""
    return not external_sdk() or _sdk_version() < LIFESPAN_OPTIONAL_FROM


async def _start_application(app: Any, required: bool) -> tuple[Any, dict[str, Any], bool]:
    """One lifespan startup; returns the shutdown coroutine function, the lifespan state and
    whether the app completed the startup. ``required``: workerd's built-in lifespan
    (:func:`_lifespan_required`), else the external SDK's from 1.6.1, where the lifespan is optional."""
    state: dict[str, Any] = {}
    inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    inbox.put_nowait({"type": "lifespan.startup"})
    loop = asyncio.get_running_loop()
    startup: asyncio.Future[bool] = loop.create_future()
    shutdown_done: asyncio.Future[None] = loop.create_future()

    async def receive() -> dict[str, Any]:
        return await inbox.get()

    async def send(message: dict[str, Any]) -> None:
        kind = message["type"]
        if kind == "lifespan.shutdown.failed" and cancelling():  # a lifespan left waiting, which production
            if not shutdown_done.done():  # never ends, cancelled as the loop closes (Starlette then
                shutdown_done.set_result(None)  # sends this): nobody to tell
            return
        if required and kind in ("lifespan.startup.failed", "lifespan.shutdown.failed"):
            raise RuntimeError(f"Unexpected lifespan event {kind}")  # into the app, as workerd's asgi.py
        if kind == "lifespan.startup.complete":
            if not startup.done():
                startup.set_result(True)
        elif kind == "lifespan.startup.failed":
            if not startup.done():
                startup.set_exception(RuntimeError(_failure_text(message, "ASGI lifespan startup failed")))
        elif kind == "lifespan.shutdown.complete":
            if not shutdown_done.done():
                shutdown_done.set_result(None)
        elif kind == "lifespan.shutdown.failed":  # asked for or not: the SDK's shutdown() raises it
            if not shutdown_done.done():
                shutdown_done.set_exception(RuntimeError(_failure_text(message, "ASGI lifespan shutdown failed")))
        else:
            raise RuntimeError(f"Unexpected lifespan event {kind}")

    async def run() -> None:
        try:
            await _application(app, {"asgi": ASGI, "state": state, "type": "lifespan"}, receive, send)
            if not startup.done():
                startup.set_result(False)
            elif not shutdown_done.done():
                shutdown_done.set_result(None)
        except Exception as exc:  # noqa: BLE001 - an app without lifespan support raises here
            if required:  # the built-in bridge's run_in_background logs it; the request then waits
                _log_background_error(exc)  # for a startup that never comes
                if not startup.done():
                    startup.set_result(False)
                return
            if not startup.done():
                if _sdk_version() >= LIFESPAN_DEFAULT_TEXT_FROM:
                    logger.debug("ASGI lifespan task raised before reporting startup; treating the app as not "
                                  "supporting lifespan", exc_info=exc)
                startup.set_result(False)
                return
            logger.exception("Exception in ASGI lifespan application")
            if not shutdown_done.done():
                shutdown_done.set_result(None)

    task = asyncio.ensure_future(run())
    # left waiting when dev stops or a test ends: ended as production's isolate ends it; referenced
    # until it ends, as the SDKs' run_in_background keeps it (the built-in bridge never ends one)
    lifespans.note(task, kept_in=background_tasks)
    supported = await startup

    async def shutdown() -> None:
        if lifespans.abandoned(task):  # dev stopped: the isolate is gone, nothing hears or waits
            return
        if supported:
            inbox.put_nowait({"type": "lifespan.shutdown"})
            await shutdown_done
        await task

    return shutdown, state, supported


def _member(message: dict[str, Any], key: str, default: Any) -> Any:
    """``message[key]`` as the running bridge reads it: ASGI's default for a missing one in the
    external SDK from 1.6.1 (``got.get("body", b"")``), else ``got["body"]`` -- a ``KeyError`` in the
    app's ``send``, as in workerd's built-in ``asgi.py`` and the SDK before 1.6.1 (1.6.0 read)."""
    if external_sdk() and _sdk_version() >= MESSAGE_DEFAULTS_FROM:
        return message.get(key, default)
    return message[key]


def _response_headers(message: dict[str, Any]) -> list[tuple[str, str]]:
    """An ``http.response.start`` message's header byte pairs read as UTF-8, as both bridges read
    them (``(k.decode(), v.decode())``, workerd's ``asgi.py`` and workers-runtime-sdk's at every
    tag). A pair that is not UTF-8 bytes fails the app's ``send`` as there (``UnicodeDecodeError``,
    ``AttributeError``, ``KeyError`` for no ``headers`` where :func:`_member` says so): the app's
    mistake, shown without workers-env's frames."""
    try:
        return [(k.decode(), v.decode()) for k, v in _member(message, "headers", [])]
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        users_mistake(error)
        raise  # as it is (its context, an app's error it was answering, kept)


def _failure_text(message: dict[str, Any], default: str) -> str:
    """The ``RuntimeError`` text of a ``lifespan.*.failed`` message under the external SDK: its
    ``message``, the default for a missing one -- or, from 1.8.4, an empty one."""
    if _sdk_version() >= LIFESPAN_DEFAULT_TEXT_FROM:
        return message.get("message") or default
    return message.get("message", default)


async def _receiver(req: Any) -> tuple[Callable[[], Awaitable[dict[str, Any]]], asyncio.Event]:
    """The app's ``receive``, as both SDKs make it: each chunk of the request body's stream
    (read to its end first, ``async for data in req.body``) as an ``http.request`` message with
    ``more_body``, then an empty last one; then ``http.disconnect`` once the response is
    finished (set the event)."""
    js_req = js_request_of(req)
    messages: list[dict[str, Any]] = []
    if js_req.body:
        async for data in js_req.body:
            messages.append({"type": "http.request", "body": data.to_bytes(), "more_body": True})
    messages.append({"type": "http.request", "body": b"", "more_body": False})
    finished = asyncio.Event()

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop(0)
        await finished.wait()
        return {"type": "http.disconnect"}

    return receive, finished


async def _process_request(app: Any, req: Any, env: Any, state: dict[str, Any]) -> tuple[JsResponse, asyncio.Future[None]]:
    """The external SDK's bridge (workers-py ``runtime-sdk/src/workers/asgi.py``, 1.1.1 on), as
    it behaves: a body message with ``more_body`` true and no response yet returns the response
    at once, the readable side of a ``TransformStream`` each body message is written to as the
    app sends it (a copy of its bytes; the write waits for the reader) and the last one closes;
    a first body message with ``more_body`` false is the whole body (a ``Content-Length``), and
    from 1.6.1 a null-body status (101/103/204/205/304) answers without it. A later body message
    finds the response set (``InvalidStateError``) or, streaming, the writer closed, inside the
    app's ``send``. An app that fails once the response exists is logged; before 1.6.10 the
    stream is left open (workerd cancels the idle request as hung: the body is cut off, here at
    once), from 1.6.10 it is closed (the body ends where the app stopped). Repeated response
    headers are kept from 1.6.13 (``Object.fromEntries`` before). Returns the response and the
    app's task: before 1.8.0 the task runs on under ``waitUntil`` once the response exists; from
    1.8.0 a whole body waits for the app to end (its background tasks) and a stream does not."""
    receive, finished = await _receiver(req)
    loop = asyncio.get_running_loop()
    result: asyncio.Future[JsResponse] = loop.create_future()
    version = _sdk_version()
    status: int | None = None
    headers: list[tuple[str, str]] = []
    stream: JsTransformStream | None = None
    writer: Any = None
    writer_closed = False

    def response_of(body: Any) -> JsResponse:
        js_headers = JsHeaders(headers) if version >= HEADER_PAIRS_FROM else _from_entries(headers)
        return JsResponse(body, None, status=status, headers=js_headers)

    async def write(data: bytes) -> None:
        with acquire_js_buffer(data) as chunk:  # the SDK writes jsbytes.slice(): a copy
            await writer.write(chunk)

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, headers, stream, writer, writer_closed
        if message["type"] == "http.response.start":
            status = message["status"]
            headers = _response_headers(message)
        elif message["type"] == "http.response.body":
            data = bytes(_member(message, "body", b""))
            more_body = message.get("more_body", False)
            if writer is not None:  # streaming: a send after the last is a write to a closed writer
                await write(data)
                if not more_body:
                    await writer.close()
                    writer_closed = True
                    finished.set()
            elif more_body:  # the first chunk of more: the response is returned now
                stream = JsTransformStream()
                writer = stream.writable.getWriter()
                result.set_result(response_of(stream.readable))  # after a whole body: InvalidStateError
                await write(data)
            elif status in NULL_BODY_STATUSES and version >= DROPS_NULL_BODY_FROM:
                result.set_result(response_of(None))
                finished.set()
            else:
                result.set_result(response_of(data))  # a second one: InvalidStateError, as there
                finished.set()

    def left_open() -> None:  # nothing can end the body now
        if stream is not None and not writer_closed:
            _end_as_hung(stream)

    async def run_app() -> None:
        try:
            await _application(app, request_to_scope(req, env, state=state), receive, send)
            if not result.done():
                raise RuntimeError("The application did not generate a response")  # noqa: TRY301
        except asyncio.CancelledError as exc:  # the app's own, not an Exception to run_app (see _AppHung)
            if caller_gone():
                raise
            if not result.done():
                raise _hung(exc) from exc
            _app_cancelled(exc)  # the response exists: the SDK's wait_until(app_task) sees it
        except Exception as exc:
            if not result.done():
                result.set_exception(exc)
                if writer is not None:  # Response() refused the stream (a null-body status)
                    await writer.close()
                finished.set()
                return
            # the response exists: the error cannot reach the client
            logger.error("Exception in ASGI application after response started",
                         exc_info=(type(exc), exc, without_our_frames(exc)))
            if version >= CLOSES_ON_FAILURE_FROM:
                finished.set()
                if writer is not None and not writer_closed:  # not awaited: close() waits for the reader
                    run_in_background(close_stream_quietly(writer))
                return
        left_open()

    app_task = asyncio.ensure_future(run_app())
    waits: list[asyncio.Future[Any]] = [result, app_task]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        if not result.done():
            await app_task  # a hung app (_AppHung)
        if result.exception() is not None:
            await app_task  # the SDK lets the app's task end before the error reaches fetch()
            result.result()
    except asyncio.CancelledError:  # the request itself cancelled (its client gone): the app with it
        app_task.cancel()
        raise
    if version < TASK_FROM:  # wait_until(app_task), made before the response was awaited
        ctx = current_context()
        if ctx is not None and not app_task.done():
            ctx.waitUntil(app_task)
    elif writer is None:  # a whole body: the app's cleanup (background tasks) first
        await app_task
    return result.result(), app_task


def _end_as_hung(stream: JsTransformStream) -> None:
    """A streamed body the app left open: nothing can close its writer now, and workerd, once
    idle, cancels the request as hung -- the client gets the chunks written so far, then the
    connection closes without the last chunk, the hung error logged (wrangler dev 4.164.0, a
    JavaScript twin of each bridge). Here that happens at once, after the chunks already written."""
    stream.writable._sink.close(JsException(HANGING))


def _from_entries(headers: list[tuple[str, str]]) -> JsHeaders:
    """``Object.fromEntries(headers)``, as the built-in bridge passes them: a repeated name
    keeps its last value only (two ``set-cookie`` headers: the second)."""
    return JsHeaders(list(dict(headers).items()))


def _is_event_stream(headers: list[tuple[str, str]]) -> bool:
    return any(k.lower() == "content-type" and v.lower().startswith("text/event-stream") for k, v in headers)


async def _builtin_process_request(app: Any, req: Any, env: Any, ctx: Any) -> JsResponse:
    """The runtime's built-in bridge (workerd's ``asgi.py``, compatibility dates before
    2026-04-21), as it behaves: the **first** body message becomes the whole ``Response``
    (``Response.new(body, status=...)``, so a null-body status with a body is the runtime's
    ``TypeError``); a later body message finds the response already set (``InvalidStateError``
    inside the app's ``send``, logged), so a streamed body is cut to its first chunk
    (workers-py issue #67); headers go through ``Object.fromEntries`` (a repeated one keeps its
    last value). A server-sent-event response is the readable side of a ``TransformStream``,
    returned as soon as ``http.response.start`` names ``text/event-stream``: each body message is
    written to it as the app sends it (a stream that never ends answers its headers at once), the
    last one closes it, and the app runs on under ``ctx.waitUntil`` -- without ``ctx``, the
    bridge's ``RuntimeError`` once the response exists."""
    receive, finished = await _receiver(req)
    result: asyncio.Future[JsResponse] = asyncio.get_running_loop().create_future()
    status: int | None = None
    headers: list[tuple[str, str]] = []
    event_stream = False
    closed = False
    stream = JsTransformStream()  # made before the app runs, as there
    writer = stream.writable.getWriter()

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, headers, event_stream, closed
        if message["type"] == "http.response.start":
            status = message["status"]
            headers = _response_headers(message)
            event_stream = _is_event_stream(headers)
            if event_stream:
                result.set_result(JsResponse(stream.readable, None, status=status, headers=_from_entries(headers)))
        elif message["type"] == "http.response.body":
            data = bytes(_member(message, "body", b""))
            if event_stream:
                with acquire_js_buffer(data) as chunk:
                    await writer.write(chunk)
                if not message.get("more_body", False):
                    closed = True
                    await writer.close()
                    finished.set()
                return
            response = JsResponse(data, None, status=status, headers=_from_entries(headers))
            result.set_result(response)  # a second body message: InvalidStateError, as there
            finished.set()

    async def run_app() -> None:
        try:
            await _application(app, request_to_scope(req, env), receive, send)
            if not result.done():
                raise RuntimeError("The application did not generate a response")  # noqa: TRY301
        except asyncio.CancelledError as exc:  # the app's own, not an Exception to run_app (see _AppHung)
            if caller_gone():
                raise
            if not result.done():
                raise _hung(exc) from exc
            if not event_stream:  # workerd's asgi.py awaits app_task after the response: its CancelledError
                raise
            _app_cancelled(exc)  # an event stream's ctx.waitUntil(app_task) sees it
        except Exception as exc:
            if not result.done():
                raise
            # the response exists: the error cannot reach the client
            logger.error("Exception in ASGI application after response started",
                         exc_info=(type(exc), exc, without_our_frames(exc)))
        finally:
            if event_stream and not closed:  # nothing can end the body now
                _end_as_hung(stream)

    app_task = asyncio.ensure_future(run_app())
    waits: list[asyncio.Future[Any]] = [result, app_task]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        if not (result.done() and event_stream):
            await app_task  # the response's own errors, a hung app
            return result.result()
    except asyncio.CancelledError:  # the request itself cancelled (its client gone): the app with it
        app_task.cancel()
        raise
    if ctx is None:
        raise RuntimeError("Server-Side-Events require ctx to be passed to asgi.fetch")
    ctx.waitUntil(app_task)
    return result.result()


async def start_application(app: Any) -> Any:
    """The SDKs' ``asgi.start_application``: one lifespan startup. The external SDK returns the
    shutdown coroutine function and the lifespan state (from 1.6.14; the shutdown alone before); the built-in one (workerd's
    ``asgi.py``) returns a shutdown that never reaches the app (its lifespan ``receive`` waits
    on a future nothing resolves) and waits forever for an app that does not complete the
    startup, which workerd ends with its hung-request error."""
    required = _lifespan_required()
    shutdown, state, started = await _start_application(app, required)
    if not required:
        return (shutdown, state) if _sdk_version() >= STATE_FROM else shutdown
    if not started:
        raise JsException(HANGING)

    async def never_heard() -> None:
        await asyncio.sleep(0)

    return never_heard


async def process_request(app: Any, req: Any, env: Any, ctx: Any, state: dict[str, Any] | None = None,
                          options: Any = None) -> Any:
    """The SDKs' ``asgi.process_request``, the request half of ``asgi.fetch`` (no lifespan);
    ``ctx`` is required, as in each SDK (workerd's built-in one and every workers-runtime-sdk
    release from 1.5.4 to 1.9.5 give it no default, though they use it no more):
    the built-in bridge returns the ``Response``; the external SDK returns the ``Response`` and
    the app's task from 1.8.0 (still running while a streamed body goes on), the ``Response``
    alone before."""
    external = external_sdk()
    try:
        if not external or _sdk_version() < STREAMS_FROM:
            response = await _builtin_process_request(app, req, env, ctx)
            task = None
        else:
            response, task = await _process_request(app, req, env, state or {})
    except _AppHung as exc:
        raise JsException(HANGING) from exc.__cause__
    if task is None or _sdk_version() < TASK_FROM:
        return with_options(response, options)
    return with_options(response, options), task


async def fetch(app: Any, req: Any, env: Any, ctx: Any = None, *, options: Any = None) -> JsResponse:
    """Serve ``req`` with the ASGI ``app``; returns the JS ``Response``."""
    logger.debug("ASGI request: %s %s", getattr(req, "method", "?"), getattr(req, "url", "?"))
    built_in = not external_sdk()
    # workerd's asgi.py (and the external SDK's before 1.6.1): its lifespan receive() waits on a
    # future nothing resolves, so the app never hears lifespan.shutdown, and an app that does not
    # complete the startup leaves the request waiting for it forever, which workerd ends with its
    # hung-request error
    lifespan_required = _lifespan_required()
    shutdown, state, started = await _start_application(app, lifespan_required)
    if lifespan_required and not started:
        raise JsException(HANGING)
    first_message_only = built_in or _sdk_version() < STREAMS_FROM  # an SDK before 1.1.1 kept it too
    # the external SDK shuts the lifespan down after the request (a shutdown the app hears from
    # 1.6.1); from 1.8.0 also when the request failed, and after a streamed body's end
    shuts_down = not first_message_only and not lifespan_required
    hung: _AppHung | None = None
    task: asyncio.Future[None] | None = None
    try:
        if first_message_only:
            response = await _builtin_process_request(app, req, env, ctx)
        else:
            response, task = await _process_request(app, req, env, state)
    except _AppHung as exc:  # the SDKs' request waits forever: no log, no lifespan shutdown
        hung = exc
    except Exception:
        logger.exception("ASGI request failed")
        if shuts_down and _sdk_version() >= TASK_FROM:
            await shutdown()
        raise
    if hung is not None:
        raise JsException(HANGING) from hung.__cause__
    if task is not None and not task.done() and _sdk_version() >= TASK_FROM:
        _shut_down_after(task, shutdown if shuts_down else None)
    elif shuts_down or (first_message_only and not built_in):  # before 1.8.0: while a stream goes on;
        await shutdown()  # an SDK before 1.1.1: after a response only
    return with_options(response, options)


def _shut_down_after(task: asyncio.Future[None], shutdown: Any) -> None:
    """The external SDK from 1.8.0, whose streamed body outlives ``fetch``:
    ``wait_until(run_in_background(finalize_request()))``, the app's task awaited, then the
    lifespan shut down (``shutdown``; ``None``: a lifespan the app never hears)."""

    async def finalize_request() -> None:
        try:
            await task
        finally:
            if shutdown is not None:
                await shutdown()

    background = run_in_background(finalize_request())
    ctx = current_context()
    if ctx is not None and background is not None:
        ctx.waitUntil(background)


#: the external SDK's WebSocket bridge per release (workers-py's ``asgi.py``, read at each tag):
#: the client's close reaches the app (as ``websocket.disconnect``) from 1.6.4 -- before, the
#: bridge set ``server.onopen = onclose``, as workerd's built-in one still does; binary frames as
#: ``bytes`` (``binaryType = "arraybuffer"``) from 1.6.9; empty messages sent from 1.6.12 (``is
#: not None``); ``websocket.accept``/``websocket.close`` handled and the ``env`` passed from 1.6.15;
#: the connection closed when the app ends (1000, or 1011 when it failed) from 1.8.0
WS_DISCONNECT_FROM, WS_BYTES_FROM, WS_EMPTY_FROM, WS_CLOSE_FROM, WS_ENDS_FROM = (
    (1, 6, 4), (1, 6, 9), (1, 6, 12), (1, 6, 15), (1, 8, 0))


async def process_websocket(app: Any, req: Any, env: Any = None) -> JsResponse:
    """The SDKs' ``asgi.process_websocket``: a ``WebSocketPair`` whose server end is accepted and
    fed to the app (``websocket.connect`` first, then each message as ``websocket.receive``) run in
    the background; returns the 101 ``Response`` with the client end. Per SDK (see
    :data:`WS_DISCONNECT_FROM`): workerd's built-in bridge and the external SDK before 1.6.4 never
    tell the app of the client's close, hand a binary message over as ``text`` (its ``Blob`` or
    ``ArrayBuffer``), drop an empty message, and only log ``websocket.accept`` and
    ``websocket.close`` (`` == Not implemented ...``), the scope's ``env`` an empty dict."""
    from workers_env.runtime.websockets import JsWebSocketPair

    version = _sdk_version() if external_sdk() else (0,)
    client, server = JsWebSocketPair.new().object_values()
    server.accept()
    if version >= WS_BYTES_FROM:
        server.binaryType = "arraybuffer"
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    queue.put_nowait({"type": "websocket.connect"})
    close_type = "websocket.disconnect" if version >= WS_DISCONNECT_FROM else "websocket.close"

    def onclose(evt: Any) -> None:
        queue.put_nowait({"type": close_type, "code": evt.code, "reason": evt.reason})

    def onmessage(evt: Any) -> None:
        data = evt.data
        if version < WS_BYTES_FROM or isinstance(data, str):
            queue.put_nowait({"type": "websocket.receive", "text": data})
        else:
            queue.put_nowait({"type": "websocket.receive", "bytes": data.to_bytes()})

    if version >= WS_DISCONNECT_FROM:
        server.onclose = onclose  # (before: ``server.onopen = onclose``, so never called)
    server.onmessage = onmessage
    app_closed = False

    async def ws_send(got: dict[str, Any]) -> None:
        nonlocal app_closed
        kind = got["type"]
        if kind == "websocket.accept" and version >= WS_CLOSE_FROM:
            return
        if kind == "websocket.send":
            b, s = got.get("bytes", None), got.get("text", None)
            empty_too = version >= WS_EMPTY_FROM
            if b is not None and (b or empty_too):
                with acquire_js_buffer(b) as jsbytes:
                    server.send(jsbytes)
            if s is not None and (s or empty_too):
                server.send(s)
            return
        if kind == "websocket.close" and version >= WS_CLOSE_FROM:
            app_closed = True
            server.close(got.get("code", 1000), got.get("reason", ""))
            return
        logger.warning(" == Not implemented %s", kind)

    async def ws_receive() -> dict[str, Any]:
        return await queue.get()

    scope_env = env if env is not None and version >= WS_CLOSE_FROM else {}
    task = run_in_background(_application(app, request_to_scope(req, scope_env, ws=True), ws_receive, ws_send))
    if version >= WS_ENDS_FROM and task is not None:
        def close_transport(finished: asyncio.Future[Any]) -> None:
            if not app_closed:  # the app ended without closing: 1000, or 1011 when it failed
                failed = not finished.cancelled() and finished.exception() is not None
                try:
                    server.close(1011 if failed else 1000, "")
                except Exception:  # noqa: BLE001, S110 - as the SDK: the peer may already have closed
                    pass

        task.add_done_callback(close_transport)
        ctx = current_context()
        if ctx is not None:
            ctx.waitUntil(task)
    return JsResponse(None, None, status=101, webSocket=client)


async def websocket(app: Any, req: Any, env: Any = None) -> JsResponse:
    """The SDKs' ``asgi.websocket``: :func:`process_websocket` (no lifespan)."""
    return await process_websocket(app, req, env)


@dataclass(frozen=True, kw_only=True)
class Options(BaseOptions):
    """Options for the ASGI adapter (``workers.asgi.Options``)."""


#: the external SDK's ``asgi.DEFAULT_OPTIONS``
DEFAULT_OPTIONS = Options()


def entrypoint(app: Any, *, options: Any = None) -> type:
    """``workers.asgi.entrypoint(app)``: a ``Default`` class serving ``app``."""
    from workers_env.runtime.workers_api import WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request: Any) -> JsResponse:
            if (request.headers.get("upgrade") or "").lower() == "websocket":  # every release with entrypoint
                return await websocket(app, request, self.env)
            return await fetch(app, request, self.env, self.ctx, options=options)

    return Default


def fastapi_env() -> Any:
    """``asgi.env``, which both SDKs' ``asgi`` make in their module ``__getattr__``: FastAPI's
    ``Depends`` on the request's ``env`` (the stand-in modules answer every other name)."""
    from fastapi import Depends, Request

    async def env(request):
        return request.scope["env"]

    # The SDKs' module has no ``from __future__ import annotations``, so FastAPI sees the class
    # itself; a string "Request" would be looked up in this module's globals, miss, and turn
    # the parameter into a required query parameter (422 on every request).
    env.__annotations__ = {"request": Request}
    return Depends(env)
