"""Serving a loaded Python Worker over real HTTP: a small ASGI app run by uvicorn.

Each HTTP request becomes the JS ``Request`` the worker's fetch handler receives; its
response goes back with status, headers and body. An exception in the worker is logged
with its traceback and answered with a 500, and the server keeps serving. ``waitUntil``
work runs after the response has been sent.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

import uvicorn

from workers_env.runtime.jsweb import JsRequest
from workers_env.runtime.loader import Worker

__all__ = ["WorkerApp", "serve", "BackgroundServer"]

log = logging.getLogger("workers_env.dev")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

_ERROR_BODY = b"Worker threw exception"
SCHEDULED_PATH = "/__scheduled"


class WorkerApp:
    """An ASGI application that hands every HTTP request to a worker's fetch handler.

    With ``test_scheduled`` (``workers-env dev --test-scheduled``, as wrangler's flag),
    ``/__scheduled?cron=...`` runs the worker's ``scheduled`` handler instead.
    """

    def __init__(self, worker: Worker, *, test_scheduled: bool = False):
        self.worker = worker
        self.test_scheduled = test_scheduled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":  # websockets are not emulated
            return
        if self.test_scheduled and scope["path"] == SCHEDULED_PATH:
            await self._scheduled(scope, receive, send)
            return
        request = self._request(scope, await self._read_body(receive))
        ctx = self.worker.new_context()
        try:
            response = await self.worker.dispatch(request, ctx)
            status, headers, body = response.status, response.headers.items(), response.raw_body()
        except Exception:
            log.exception("Uncaught exception in the worker while handling %s %s", request.method, request.url)
            status, headers, body = 500, [("content-type", "text/plain;charset=UTF-8")], _ERROR_BODY
        raw_headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers]
        if not any(k == b"content-length" for k, _ in raw_headers):
            raw_headers.append((b"content-length", str(len(body)).encode()))
        if scope["method"] == "HEAD":
            body = b""
        await send({"type": "http.response.start", "status": status, "headers": raw_headers})
        await send({"type": "http.response.body", "body": body})
        await ctx.drain()

    async def _scheduled(self, scope: Scope, receive: Receive, send: Send) -> None:
        """wrangler's ``--test-scheduled`` middleware: run ``scheduled`` with ``?cron=``."""
        await self._read_body(receive)
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        cron = (query.get("cron") or [""])[0]
        try:
            await self.worker.scheduled(cron)
            status, body = 200, b"Ran scheduled event"
        except Exception:
            log.exception("Uncaught exception in the worker's scheduled handler (cron %r)", cron)
            status, body = 500, _ERROR_BODY
        headers = [(b"content-type", b"text/plain;charset=UTF-8"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body if scope["method"] != "HEAD" else b""})

    @staticmethod
    async def _lifespan(receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return

    @staticmethod
    async def _read_body(receive: Receive) -> bytes:
        chunks = []
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    @staticmethod
    def _request(scope: Scope, body: bytes) -> JsRequest:
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
        host = next((v for k, v in headers if k.lower() == "host"), None)
        if host is None:
            server_host, server_port = scope.get("server") or ("localhost", 80)
            host = f"{server_host}:{server_port}"
        path = scope.get("raw_path") or scope["path"].encode("utf-8")
        url = f"{scope.get('scheme', 'http')}://{host}{path.decode('latin-1')}"
        if scope.get("query_string"):
            url += "?" + scope["query_string"].decode("latin-1")
        method = scope["method"]
        return JsRequest(url, method=method, headers=headers, body=body if body and method not in ("GET", "HEAD") else None)


def _config(worker: Worker, *, host: str, port: int, log_level: str = "info", test_scheduled: bool = False) -> uvicorn.Config:
    app = WorkerApp(worker, test_scheduled=test_scheduled)
    return uvicorn.Config(app, host=host, port=port, lifespan="on", log_level=log_level, server_header=False)


def serve(worker: Worker, *, host: str = "localhost", port: int = 8787, test_scheduled: bool = False) -> None:
    """Serve ``worker`` on ``host:port`` until interrupted (Ctrl+C)."""
    uvicorn.Server(_config(worker, host=host, port=port, test_scheduled=test_scheduled)).run()


@dataclass
class BackgroundServer:
    """A worker served on a free loopback port from a background thread (for tests).

    ``with BackgroundServer(worker) as server: urlopen(server.url + "/")``; the server is
    always shut down on exit, within ``timeout`` seconds.
    """

    worker: Worker
    host: str = "127.0.0.1"
    timeout: float = 10.0
    test_scheduled: bool = False

    def __post_init__(self) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind((self.host, 0))
        self.port: int = self._socket.getsockname()[1]
        self._server = uvicorn.Server(_config(self.worker, host=self.host, port=self.port, log_level="warning", test_scheduled=self.test_scheduled))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> BackgroundServer:
        self._thread.start()
        deadline = time.monotonic() + self.timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise RuntimeError(f"the worker server did not start on {self.url}")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(self.timeout)
        self._socket.close()
