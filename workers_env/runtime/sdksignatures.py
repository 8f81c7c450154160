"""Each Python SDK's own signatures of the ``asgi`` and ``workers.wsgi`` functions whose
parameters changed.

The bridges in :mod:`workers_env.runtime.asgi` and :mod:`workers_env.runtime.wsgi` take the
newest SDK's parameters (``state``, ``options``, a WebSocket ``env``); a Worker calls the
functions of *its* SDK, where an argument the module does not have yet is Python's
``TypeError``, as it is in production. Read in workerd's built-in
``src/pyodide/internal/workers-api/src/asgi.py`` and in each ``workers-runtime-sdk`` wheel's
``asgi.py`` / ``workers/asgi.py`` / ``workers/wsgi.py``:

- built-in: ``fetch(app, req, env, ctx=None)``, ``process_request(app, req, env, ctx)``,
  ``request_to_scope(req, env, ws=False)``, ``process_websocket(app, req)``, ``websocket(app, req)``;
- external: ``request_to_scope`` and ``process_request`` take ``state=None`` from 1.6.14;
  ``process_websocket`` and ``websocket`` take ``env=None`` from 1.6.15; ``fetch`` and
  ``entrypoint`` take the keyword-only ``options=None`` and ``process_request``
  ``options=DEFAULT_OPTIONS`` from 1.9.5;
- ``workers.wsgi`` (1.6.0 on): ``fetch`` and ``entrypoint`` (1.8.0 on) take ``options=None`` and
  ``process_request`` ``options=DEFAULT_OPTIONS`` from 1.9.5.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workers_env.runtime import asgi, wsgi
from workers_env.runtime.current import current_runtime
from workers_env.runtime.eras import NEWEST_SDK

__all__ = ["VARIED", "WSGI_VARIED", "for_era"]


def _named(module: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Name a variant as the function it stands for (Python's ``TypeError`` says ``fetch()``)."""

    def name(func: Callable[..., Any]) -> Callable[..., Any]:
        func.__name__ = func.__qualname__ = func.__name__.rsplit("__", 1)[-1]
        func.__module__ = module
        return func

    return name


# the built-in SDK (workerd's asgi.py), and the external SDK before each parameter came

@_named("asgi")
async def builtin__fetch(app: Any, req: Any, env: Any, ctx: Any = None) -> Any:
    return await asgi.fetch(app, req, env, ctx)


@_named("asgi")
def builtin__request_to_scope(req: Any, env: Any, ws: bool = False) -> dict[str, Any]:
    return asgi.request_to_scope(req, env, ws)


@_named("asgi")
async def builtin__process_websocket(app: Any, req: Any) -> Any:
    return await asgi.process_websocket(app, req)


@_named("asgi")
async def builtin__websocket(app: Any, req: Any) -> Any:
    return await asgi.websocket(app, req)


@_named("asgi")
async def builtin__process_request(app: Any, req: Any, env: Any, ctx: Any) -> Any:
    return await asgi.process_request(app, req, env, ctx)


@_named("workers.asgi")
async def with_state__process_request(app: Any, req: Any, env: Any, ctx: Any, state: dict[str, Any] | None = None) -> Any:
    return await asgi.process_request(app, req, env, ctx, state)


@_named("workers.asgi")
async def with_options__process_request(app: Any, req: Any, env: Any, ctx: Any, state: dict[str, Any] | None = None,
                                        options: Any = asgi.DEFAULT_OPTIONS) -> Any:
    return await asgi.process_request(app, req, env, ctx, state, options)


@_named("workers.asgi")
def without_options__entrypoint(app: Any) -> type:
    return asgi.entrypoint(app)


@_named("workers.wsgi")
async def wsgi_without_options__fetch(app: Any, req: Any, env: Any, ctx: Any = None) -> Any:
    return await wsgi.fetch(app, req, env, ctx)


@_named("workers.wsgi")
def wsgi_without_options__process_request(app: Any, req: Any, env: Any, body: Any) -> Any:
    return wsgi.process_request(app, req, env, body)


@_named("workers.wsgi")
def wsgi_without_options__entrypoint(app: Any) -> type:
    return wsgi.entrypoint(app)


#: per name, the SDK releases' signatures, oldest first: ``(first release, function)``; the
#: built-in SDK's is the first one's function
_RELEASES: dict[str, tuple[tuple[tuple[int, ...], Callable[..., Any]], ...]] = {
    "fetch": (((0,), builtin__fetch), ((1, 9, 5), asgi.fetch)),
    "process_request": (((0,), builtin__process_request), ((1, 6, 14), with_state__process_request),
                        ((1, 9, 5), with_options__process_request)),
    "request_to_scope": (((0,), builtin__request_to_scope), ((1, 6, 14), asgi.request_to_scope)),
    "process_websocket": (((0,), builtin__process_websocket), ((1, 6, 15), asgi.process_websocket)),
    "websocket": (((0,), builtin__websocket), ((1, 6, 15), asgi.websocket)),
    "entrypoint": (((0,), without_options__entrypoint), ((1, 9, 5), asgi.entrypoint)),
}

_WSGI_RELEASES: dict[str, tuple[tuple[tuple[int, ...], Callable[..., Any]], ...]] = {
    "fetch": (((0,), wsgi_without_options__fetch), ((1, 9, 5), wsgi.fetch)),
    "process_request": (((0,), wsgi_without_options__process_request), ((1, 9, 5), wsgi.process_request)),
    "entrypoint": (((0,), wsgi_without_options__entrypoint), ((1, 9, 5), wsgi.entrypoint)),
}

#: the names whose signature depends on the running Worker's SDK
VARIED = frozenset(_RELEASES)
WSGI_VARIED = frozenset(_WSGI_RELEASES)


def for_era(name: str, submodule: str = "asgi") -> Callable[..., Any]:
    """``asgi.<name>`` (or ``workers.wsgi.<name>``) as the running Worker's SDK defines it
    (outside a Worker: the newest)."""
    releases = (_RELEASES if submodule == "asgi" else _WSGI_RELEASES)[name]
    era = getattr(current_runtime(), "era", None)
    if era is not None and not era.external_sdk:
        return releases[0][1]
    version = tuple(getattr(era, "sdk_version", None) or NEWEST_SDK)
    chosen = releases[0][1]
    for since, func in releases:
        if version >= since:
            chosen = func
    return chosen
