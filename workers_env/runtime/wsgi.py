"""The external SDK's ``workers.wsgi`` (workers-runtime-sdk 1.6.0 and later):
``await wsgi.fetch(app, request, env, ctx=None)`` serves one request with a WSGI application
(Django, Flask), as django-cf's Workers do.

The environ is PEP 3333's, built as the SDK builds it: ``PATH_INFO`` percent-decoded and
given as a WSGI native string (UTF-8 bytes read as latin-1), ``QUERY_STRING`` as sent,
``SERVER_NAME``/``SERVER_PORT`` from the URL (443 or 80 by scheme), each header as
``HTTP_<NAME>`` (repeated ones joined with ``,``; ``CONTENT_TYPE`` and ``CONTENT_LENGTH``
bare), and the Worker's env under ``environ["workers.env"]``. ``wsgi.input`` reads the
request body's stream as the application reads it (each read a ``run_sync`` of the reader's
``read()``), as every SDK release with ``wsgi`` does (its ``_make_wsgi_input``; its
pre-buffering fallback is never taken): so no ``CONTENT_LENGTH`` is made up for a chunked
request (Werkzeug then reads an empty body, as in production), and a body still arriving is
read as it comes; the rest of a body the application left unread is canceled. The response is
the SDK's streamed one (every release with ``wsgi``, 1.6.0 on): the first non-empty chunk is
taken at once, then ``write()`` output and the rest of the iterable are pulled as the client
reads a ``ReadableStream`` of unknown length -- so workerd sends it chunked, whatever
``Content-Length`` the application set, an error midway cuts the body, and the iterable and
``wsgi.input`` are closed when it ends (no body for the null-body statuses).
"""

from __future__ import annotations

import io
import logging
import sys
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from workers_env.runtime.asgi import NULL_BODY_STATUSES, js_request_of
from workers_env.runtime.gateway import BaseOptions, with_options
from workers_env.runtime.jsproxy import JsObject
from workers_env.runtime.jsconvert import to_js
from workers_env.runtime.jsstreams import readable_stream_class
from workers_env.runtime.jsheaders import JsHeaders
from workers_env.runtime.jsweb import JsResponse
from workers_env.runtime.runsync import run_sync
from workers_env.runtime.tracebacks import runs_the_workers

__all__ = ["DEFAULT_OPTIONS", "Options", "build_environ", "entrypoint", "fetch", "process_request"]

logger = logging.getLogger("wsgi")


class _StreamInput(io.RawIOBase):
    """The SDK's ``_ReadableStreamInput``: a blocking ``wsgi.input`` over the body's stream,
    reading no more than the application asks for; closed, it releases its reader (the body
    read to its end) or cancels the rest."""

    def __init__(self, js_body: Any) -> None:
        self._reader = js_body.getReader()
        self._buf = bytearray()
        self._eof = False

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while not self._buf and not self._eof:
            result = run_sync(self._reader.read())
            if result.done:
                self._eof = True
            elif result.value is not None:
                self._buf.extend(result.value.to_bytes())
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        del self._buf[:n]
        return n

    def close(self) -> None:
        if not self.closed:
            try:
                if self._eof:
                    self._reader.releaseLock()
                else:
                    run_sync(self._reader.cancel())
            except Exception:  # noqa: BLE001 - as the SDK: best-effort cleanup
                pass
        super().close()


def _wsgi_input(req: Any) -> io.IOBase:
    """The SDK's ``_make_wsgi_input``: an empty stream for no body, else the lazy one."""
    body = req.body
    if not body:
        return io.BytesIO(b"")
    return io.BufferedReader(_StreamInput(body))


def _native(text: str) -> str:
    """A WSGI "native string": the UTF-8 bytes of ``text``, one character per byte."""
    return text.encode("utf-8").decode("latin-1")


def build_environ(req: Any, env: Any, body: bytes | io.IOBase) -> dict[str, Any]:
    """The WSGI environ of ``req`` with its (already read) ``body``, or a file-like ``wsgi.input``
    (as the SDK: then no ``CONTENT_LENGTH`` is made up when the request named none)."""
    js_req = js_request_of(req, "wsgi.fetch()")
    url = urlsplit(js_req.url)
    if not url.scheme:
        raise ValueError(f"Request URL is not absolute: {js_req.url!r}")
    environ: dict[str, Any] = {
        "REQUEST_METHOD": str(js_req.method),
        "SCRIPT_NAME": "",
        "PATH_INFO": _native(unquote(url.path or "/")),
        "QUERY_STRING": url.query,
        "SERVER_NAME": url.hostname,
        "SERVER_PORT": str(url.port) if url.port else ("443" if url.scheme == "https" else "80"),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": url.scheme,
        "wsgi.input": io.BytesIO(body) if isinstance(body, (bytes, bytearray)) else body,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "workers.env": env,
    }
    for name, value in js_req.headers.items():
        key = name.upper().replace("-", "_")
        if key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            environ[key] = value
        elif "HTTP_" + key in environ:  # a repeated header: one comma-separated value
            environ["HTTP_" + key] += "," + value
        else:
            environ["HTTP_" + key] = value
    if "CONTENT_LENGTH" not in environ and isinstance(body, (bytes, bytearray)) and body:
        environ["CONTENT_LENGTH"] = str(len(body))
    return environ


#: the end of the application's chunks (the SDK's ``_END``)
_END = object()


def _respond(app: Any, environ: dict[str, Any]) -> JsResponse:
    """Run ``app`` on ``environ`` as the SDK's ``process_request`` does (start_response's rules
    enforced): the first non-empty chunk is pulled at once, so that status and headers are
    known; the rest, ``write()`` output first, is pulled from the iterable as the client reads
    the body, a ``ReadableStream`` of unknown length (so workerd sends it chunked, whatever
    ``Content-Length`` the application set)."""
    started: dict[str, Any] = {}
    written: list[bytes] = []

    def write(chunk: bytes) -> None:
        if not started:
            raise AssertionError("write() called before start_response()")
        if chunk:
            written.append(chunk)

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        if exc_info is not None:
            try:
                if started:  # headers already chosen: the original error goes on
                    raise exc_info[1].with_traceback(exc_info[2])
            finally:
                exc_info = None
        elif started:
            raise AssertionError("start_response() called more than once")
        started.update(status=status, headers=list(headers))
        return write

    result = app(environ, start_response)
    chunks = iter(result)

    def close_all() -> None:
        close = getattr(result, "close", None)
        if close is not None:  # PEP 3333: the server calls the iterable's close()
            close()
        try:
            environ["wsgi.input"].close()
        except Exception:  # noqa: BLE001 - as the SDK: best-effort cleanup
            logger.exception("Failed to close wsgi.input")

    try:  # the first non-empty chunk, for an application that calls start_response late
        first: Any = next((chunk for chunk in chunks if chunk), _END)
    except Exception:
        close_all()
        raise
    if not started:
        close_all()
        raise RuntimeError("The WSGI application did not call start_response()")

    def body() -> Any:
        yield from written
        if first is not _END:
            yield first
        yield from (chunk for chunk in chunks if chunk)

    return _streamed(str(started["status"]), started["headers"], body(), close_all)


def _nested_codes(code: Any) -> list[Any]:
    """``code`` and the code of every function and generator expression defined inside it."""
    found = [code]
    for const in code.co_consts:
        if hasattr(const, "co_consts"):
            found += _nested_codes(const)
    return found


# _respond calls, iterates and closes the WSGI application the Worker handed it, as the SDK's own wsgi.py does
# in production: Django's request_started/request_finished handlers there are the Worker's code (its os.environ,
# where django-cf wrote DJANGO_ALLOW_ASYNC_UNSAFE: python-workers-examples' 19-django-todo-d1)
runs_the_workers(*_nested_codes(_respond.__code__))


def _streamed(status: str, pairs: list[tuple[str, str]], chunks: Any, on_close: Any) -> JsResponse:
    """The SDK's ``_make_streaming_response``: a ``Response`` whose body pulls ``chunks`` one
    per read; ``on_close`` runs once, when they end, fail (the stream errored with the error's
    text, logged) or the reader cancels. No body for the null-body statuses."""
    code_text, _, reason = status.partition(" ")
    code = int(code_text)
    headers = JsHeaders()
    for name, value in pairs:
        headers.append(name, value)  # append: repeated headers (Set-Cookie) stay apart
    init: dict[str, Any] = {"status": code, "headers": headers, **({"statusText": reason} if reason else {})}
    done: list[bool] = []

    def cleanup() -> None:
        if not done:
            done.append(True)
            on_close()

    if code in NULL_BODY_STATUSES:
        cleanup()
        return JsResponse(None, None, **init)

    def pull(controller: Any) -> None:
        try:
            chunk: Any = next(chunks, _END)
        except Exception as exc:  # noqa: BLE001 - as the SDK: the application's error ends the stream
            logger.exception("Exception while streaming WSGI response body")
            cleanup()
            controller.error(str(exc))
            return
        if chunk is _END:
            controller.close()
            cleanup()
            return
        controller.enqueue(to_js(bytes(chunk)))

    def cancel(_reason: Any = None) -> None:
        cleanup()

    return JsResponse(readable_stream_class().new(JsObject({"pull": pull, "cancel": cancel})), None, **init)


@dataclass(frozen=True, kw_only=True)
class Options(BaseOptions):
    """Options for the WSGI adapter (``workers.wsgi.Options``, workers-runtime-sdk 1.9.5 on)."""


#: the SDK's ``wsgi.DEFAULT_OPTIONS`` (workers-runtime-sdk 1.9.5 on)
DEFAULT_OPTIONS = Options()


def process_request(app: Any, req: Any, env: Any, body: bytes | io.IOBase, options: Options = DEFAULT_OPTIONS) -> JsResponse:
    """The SDK's ``wsgi.process_request``, the synchronous half of ``fetch``: ``app`` called with
    the environ of ``req`` and its already read ``body`` (bytes or a file-like ``wsgi.input``);
    returns the JS ``Response`` (``options`` from 1.9.5)."""
    return with_options(_respond(app, build_environ(req, env, body)), options)


async def fetch(app: Any, req: Any, env: Any, ctx: Any = None, *, options: Options | None = None) -> JsResponse:
    """Serve ``req`` with the WSGI ``app``; returns the JS ``Response`` (``ctx`` is unused, as
    in the SDK; ``options``' ``encode_body`` is the response's ``encodeBody``)."""
    js_req = js_request_of(req, "wsgi.fetch()")
    logger.debug("WSGI request: %s %s", js_req.method, js_req.url)
    body = _wsgi_input(js_req)  # the SDK: _make_wsgi_input(req), before its try
    try:
        return with_options(_respond(app, build_environ(req, env, body)), options)
    except Exception:
        logger.exception("WSGI request failed")
        body.close()  # (the SDK's is closed when collected; on success, when the body ends)
        raise


def entrypoint(app: Any, *, options: Options | None = None) -> type:
    """``workers.wsgi.entrypoint(app)`` (workers-runtime-sdk 1.8.0 on; ``options`` from 1.9.5): a ``Default`` class
    serving ``app`` (Cloudflare's Flask guide ends with ``Default = wsgi.entrypoint(app)``)."""
    from workers_env.runtime.workers_api import WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request: Any) -> JsResponse:
            return await fetch(app, request, self.env, options=options)

    return Default
