"""The ``workers`` module a Python Worker imports, as the Python Workers SDK defines it.

Covers what worker code commonly touches: ``WorkerEntrypoint`` (``self.env`` wrapped,
``self.ctx``), ``Request``, ``Response`` (with the static ``Response.json``),
``FetchResponse``, ``fetch`` and the ``handler`` decorator for legacy ``on_fetch``.
Each SDK class wraps the JavaScript object from :mod:`jsweb`, as in production.
"""

from __future__ import annotations

import asyncio
import functools
import http.client
import inspect
import json as _json
from collections.abc import Awaitable, Callable, Iterator, Mapping
from http import HTTPMethod, HTTPStatus
from typing import Any

from workers_env import _jsvalues
from workers_env._deep import python_str
from workers_env._errors import JsException, NotEmulatedError, add_hint, is_users_mistake, users_mistake
from workers_env.runtime import envwrap
from workers_env.runtime.abort import JsAbortController, JsAbortSignal, any_signal
from workers_env.runtime.current import (
    GLOBAL_SCOPE_ERROR,
    current_context,
    current_runtime,
    in_global_scope,
    pyodide_028,
    pyodide_029,
)
from workers_env.runtime.dataurl import answered_before_the_binding, fetcher_answer
from workers_env.runtime.envwrap import env_wrapper
from workers_env.runtime.fetchredirect import follow_through_fetcher, refuse_if_aborted, refuse_init
from workers_env.runtime.forms import Blob, File, FormData
from workers_env.runtime.httperrors import AbortError, BodyUsedError, HttpStatusError, _in_the_314_package, http_error
from workers_env.runtime.jsbase import js_keywords, jsnull
from workers_env.runtime.jspyproxies import PROXIED_TYPES, warn_pyproxy
from workers_env.runtime.jsconvert import object_from_entries, to_js
from workers_env.runtime.jsfunctions import python_callers_answer
from workers_env.runtime.jsreadable import JsReadableStream
from workers_env.runtime.jspromise import binding_promise, promise_call
from workers_env.runtime.jsproxy import JsArray, JsBuffer, JsBufferSource, JsMap, JsObject, JsProxy, from_plain
from workers_env.runtime.jsweb import JsHeaders, JsRequest, JsResponse, init_options, leave_locked
from workers_env.runtime.sdknames import SdkClass, default_repr
from workers_env.runtime.subrequests import send_request
from workers_env.runtime.tracebacks import runs_the_workers

__all__ = [
    "Blob",
    "FetchResponse",
    "File",
    "FormData",
    "Request",
    "Response",
    "DurableObject",
    "WorkerEntrypoint",
    "WorkflowEntrypoint",
    "fetch",
    "handler",
    "import_from_javascript",
    "python_from_rpc",
    "python_to_rpc",
]

#: the external SDK release whose responses' ``headers`` became an ``http.client.HTTPMessage``
#: (workers-py e627c11, runtime-sdk 1.5.1)
_HEADER_MESSAGES_SINCE = (1, 5, 1)

#: the external SDK release whose headers became an ``HTTPMessageMapping`` (runtime-sdk 1.8.1's
#: ``workers/utils.py``; 1.8.0 and before, and the built-in SDK, a plain ``HTTPMessage``)
_HEADER_MAPPINGS_SINCE = (1, 8, 1)


class HTTPMessageMapping(http.client.HTTPMessage, Mapping, metaclass=SdkClass):  # type: ignore[misc]
    """workers-runtime-sdk 1.8.1's ``workers.utils.HTTPMessageMapping``: an ``HTTPMessage`` that is a
    ``Mapping`` too, so ``==`` compares ``dict(items())``, it is unhashable and not reversible,
    and a ``match`` mapping pattern takes it."""

    _sdk_class = True  # named as production names it (sdknames)

    def __repr__(self) -> str:
        return default_repr(self)


#: the external SDK release that gave ``Request`` its ``cf`` (workers-py 5777f80, runtime-sdk
#: 1.2.0, 2026-06-12); workerd's built-in SDK never had it
_REQUEST_CF_SINCE = (1, 2, 0)


def _no_cf(request: Request, sdk_text: str) -> AttributeError:
    """Python's miss of ``request.cf`` on an SDK whose ``Request`` has none, with a note."""
    error = AttributeError("'Request' object has no attribute 'cf'", name="cf", obj=request)
    runs = f"workers-runtime-sdk {sdk_text}" if sdk_text else "the runtime's built-in SDK"
    add_hint(error, f"workers.Request.cf came with workers-runtime-sdk 1.2.0 and this Worker runs {runs}: "
                    "read request.js_object.cf (the JS Request's), which every era has")
    return users_mistake(error)


def _headers_to_message(js_headers: JsHeaders) -> http.client.HTTPMessage:
    """Both SDKs' ``http.client.HTTPMessage`` of a JS ``Headers`` (workerd ``_workers.py``
    ``Request.headers``, workers-py ``utils._js_headers_to_http_message``): its pairs in the JS
    order, each value stripped; with ``python_request_headers_preserve_commas`` (on from
    2026-02-17, workerd#5915) the ``Set-Cookie`` values first, then the rest. From
    workers-runtime-sdk 1.8.1 the message is an :class:`HTTPMessageMapping` (outside Worker
    code too: the newest SDK's)."""
    era = getattr(current_runtime(), "era", None)
    mapping = era is None or era.sdk_at_least(_HEADER_MAPPINGS_SINCE)
    result = HTTPMessageMapping() if mapping else http.client.HTTPMessage()
    flags = getattr(current_runtime(), "compat_flags", None) or {}
    if not flags.get("python_request_headers_preserve_commas"):
        for name, value in js_headers.items():
            result[name] = value.strip()
        return result
    for value in js_headers.getSetCookie():
        result.add_header("Set-Cookie", value.strip())
    for name, value in js_headers.items():
        if name.lower() != "set-cookie":
            result.add_header(name, value.strip())
    return result


def _to_js_headers(headers: Any) -> JsHeaders:
    """Both SDKs' ``_to_js_headers``: a list of pairs, a ``dict`` or a JS ``Headers`` -- not the
    ``HTTPMessage`` their own ``request.headers`` is (workerd ``_workers.py``, workers-py
    ``utils.py``): ``Response(body, headers=request.headers)`` is their ``TypeError``."""
    if isinstance(headers, JsHeaders):
        return headers
    if isinstance(headers, list):
        return JsHeaders(headers)
    if isinstance(headers, dict):
        return JsHeaders(list(headers.items()))
    raise TypeError("Received unexpected type for headers argument")


def _body_used_error() -> OSError:
    return OSError("Body already used")


def _response_body_used() -> OSError:
    """Pyodide's ``FetchResponse._raise_if_failed`` for a used body: 0.26's ``OSError``, 0.28's
    subclass ``BodyUsedError`` -- the same text (not ``Request``'s "Body already used")."""
    return http_error(BodyUsedError)() if pyodide_028() else OSError("Response body is already used")


def _abort_on_cancel(method: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """Pyodide 0.28's ``_abort_on_cancel`` around a ``FetchResponse`` body reader: what JavaScript
    threw is ``AbortError`` of the response's signal's reason (of the error itself when it has no
    signal -- a ``workers.fetch`` answer), and a cancelled read aborts its fetch's controller.
    Pyodide 0.26 has neither: the JS error comes through as it is."""

    @functools.wraps(method)
    async def wrapper(self: FetchResponse, *args: Any, **kwargs: Any) -> Any:
        if current_runtime() is None or not pyodide_028():  # a test reading a Worker's answer: as it is
            return await method(self, *args, **kwargs)
        try:
            return await method(self, *args, **kwargs)
        except JsException as exc:
            # Pyodide reads ``signal.reason`` even while the signal is not aborted: undefined, so
            # ``AbortError(None)`` fails on ``None.message`` -- an AttributeError, as in production.
            # Either is production's answer to the read, not a workers-env bug (``users_mistake``:
            # tracebacks show the Worker's frames, as for :func:`_fetch_failed`'s)
            try:
                error = http_error(AbortError)(self.abort_signal.reason if self.abort_signal else exc)
            except AttributeError as failed:
                users_mistake(failed)
                raise
            raise users_mistake(error) from None
        except asyncio.CancelledError as exc:
            if self.abort_controller is not None:
                self.abort_controller.abort(_construct_abort_reason(exc))
            raise

    return wrapper


def _construct_abort_reason(exc: BaseException) -> Any:
    """Pyodide 0.28's reason for a cancelled fetch: an ``AbortError`` error of the cancel message,
    ``None`` (JavaScript's default ``AbortError``) when the cancel carried none."""
    if not exc.args:
        return None
    return JsException("\n".join(map(str, exc.args)), name="AbortError")


#: An HTTP client's spelling (requests, httpx, Starlette's ``TestClient``) -> what a Fetch response has
#: instead: the note on the ``AttributeError`` of a test (or Worker code) that reads it.
_CLIENT_SPELLINGS = {
    "status_code": "resp.status",
    "reason_phrase": "resp.status_text",
    "reason": "resp.status_text",
    "is_success": "resp.ok",
    "content": "await resp.bytes()",
}


class _NothingToSuggest:
    """The ``obj`` of an ``AttributeError`` whose note names the fix: with ``obj`` set, Python no
    longer fills it in, and with nothing in its ``dir()`` suggests no other name of its own."""

    def __dir__(self) -> list[str]:
        return []


class FetchResponse:
    """A response wrapping a JS ``Response`` (Pyodide's ``FetchResponse`` surface): on Pyodide 0.28
    with ``abort_controller`` and ``abort_signal``, which ``pyodide.http.pyfetch`` sets and
    ``workers.fetch`` leaves unset (both SDKs wrap pyfetch's JS response in a new ``Response``)."""

    __module__ = "pyodide.http"  # Pyodide 0.26's and 0.28's (314.0.x: fetch_response_class)

    def __getattr__(self, name: str) -> Any:
        """Python's ``AttributeError`` for a name the response lacks; an HTTP client's spelling
        (``resp.status_code``, which Python 3.12 would answer "Did you mean: 'status_text'?")
        gets a note naming the Fetch API's."""
        message = f"{type(self).__name__!r} object has no attribute {name!r}"
        instead = _CLIENT_SPELLINGS.get(name)
        if instead is None:
            raise AttributeError(message, name=name, obj=self)
        error = AttributeError(message, name=name, obj=_NothingToSuggest())
        add_hint(error, f"workers-env: a Response (the Fetch API's, as worker.fetch() returns and the SDK wraps) "
                        f"has no {name}, which is requests' and httpx's name: read {instead}")
        raise users_mistake(error)

    def __init__(self, url: str, js_response: JsResponse, abort_controller: JsAbortController | None = None,
                 abort_signal: JsAbortSignal | None = None):
        self._url = url
        self.js_response = js_response
        if pyodide_028():  # attributes of Pyodide 0.28's FetchResponse only
            self.abort_controller = abort_controller
            self.abort_signal = abort_signal

    @property
    def abort(self) -> Callable[..., None]:
        """Pyodide 0.28's ``FetchResponse.abort(reason=None)``: abort the fetch (its body too)
        through its controller; without one -- a ``workers.fetch`` answer -- ``ValueError``.
        Pyodide 0.26's ``FetchResponse`` has no ``abort``."""
        if not pyodide_028():
            raise AttributeError(f"{type(self).__name__!r} object has no attribute 'abort'")
        controller = self.abort_controller

        def abort(reason: Any = None) -> None:
            if controller is None:
                raise ValueError("abort_controller is not set")
            controller.abort(None if reason is None else JsException(str(reason), name="AbortError"))

        return abort

    @_abort_on_cancel
    async def unpack_archive(self, *, extract_dir: str | None = None, format: str | None = None) -> None:  # noqa: A002
        """Pyodide's ``FetchResponse.unpack_archive``: the body as an archive ``shutil`` unpacks
        into ``extract_dir`` (the working directory by default), its format ``format`` or the
        extension of the last part of the URL (Pyodide's ``unpack_buffer``)."""
        buffer = await self.buffer()
        filename = self._url.rsplit("/", -1)[-1]
        _unpack_buffer(buffer, filename=filename, format=format, extract_dir=extract_dir)

    @property
    def js_object(self) -> JsResponse:
        return self.js_response

    @property
    def status(self) -> int:
        return self.js_response.status

    @property
    def status_text(self) -> str:
        return self.js_response.statusText

    @property
    def ok(self) -> bool:
        return self.js_response.ok

    @property
    def url(self) -> str:
        return self.js_response.url

    @property
    def type(self) -> str:
        return self.js_response.type

    @property
    def redirected(self) -> bool:
        return self.js_response.redirected

    @property
    def body_used(self) -> bool:
        return self.js_response.bodyUsed

    @property
    def headers(self) -> http.client.HTTPMessage | dict[str, str]:
        """The external SDK's (workers-runtime-sdk 1.5.1 on) ``http.client.HTTPMessage``; the built-in
        SDK's is Pyodide's ``FetchResponse.headers``, ``Object.fromEntries(headers.entries())
        .to_py()``: a plain ``dict`` of the lower-cased names, where ``h[k] = v`` replaces and a
        missing name is a ``KeyError`` (Cloudflare's alter-headers example relies on it)."""
        era = getattr(current_runtime(), "era", None)
        if era is not None and not era.sdk_at_least(_HEADER_MESSAGES_SINCE):
            return dict(self.js_response.headers.items())
        return _headers_to_message(self.js_response.headers)

    @property
    def body(self) -> Any:
        return self.js_response.body

    def _raise_if_failed(self) -> None:
        signal = getattr(self, "abort_signal", None)  # Pyodide 0.28: an aborted fetch's reason first
        if signal is not None and signal.aborted:
            raise http_error(AbortError)(signal.reason)
        if self.js_response.bodyUsed:
            raise _response_body_used()

    @_abort_on_cancel
    async def text(self) -> str:
        self._raise_if_failed()
        return await self.js_response.text()

    @_abort_on_cancel
    async def string(self) -> str:
        return await self.text()

    @_abort_on_cancel
    async def bytes(self) -> bytes:
        self._raise_if_failed()
        return (await self.buffer()).to_bytes()

    @_abort_on_cancel
    async def buffer(self) -> JsBuffer:
        self._raise_if_failed()
        return await self.js_response.arrayBuffer()

    @_abort_on_cancel
    async def memoryview(self) -> memoryview:
        return memoryview(await self.bytes())

    async def form_data(self) -> FormData:
        self._raise_if_failed()
        try:
            return FormData(await self.js_response.formData())
        except JsException as exc:  # as both SDKs: a body workerd cannot read is Python's TypeError
            raise _to_python_exception(exc) from exc

    async def formData(self) -> FormData:  # both SDKs keep the JS name too
        return await self.form_data()

    async def blob(self) -> Blob:
        self._raise_if_failed()
        return Blob(await self.js_response.blob())

    @_abort_on_cancel
    async def _read_json(self, **kwargs: Any) -> Any:
        self._raise_if_failed()
        return _json.loads(await self.string(), **kwargs)

    def json(self, *args: Any, **kwargs: Any) -> Any:
        """On an instance: ``await resp.json()``. On the class: ``Response.json(data, ...)``."""
        if isinstance(self, FetchResponse):
            return self._read_json(**kwargs)
        return Response.from_json(self, *args, **kwargs)

    def raise_for_status(self) -> None:
        """Pyodide's: 0.28's ``HttpStatusError`` (an ``OSError``), 0.26's ``OSError``, same text."""
        if 400 <= self.status < 600:
            if pyodide_028():
                raise http_error(HttpStatusError)(self.status, self.status_text, self.url)
            raise OSError(f"{self.status} {'Client' if self.status < 500 else 'Server'} Error: {self.status_text} for url: {self.url}")

    def clone(self) -> FetchResponse:
        """Pyodide's ``clone``: a ``FetchResponse`` of the JS response's clone with this one's URL and,
        on 0.28, its abort controller and signal (so ``abort()`` of either aborts both); a
        ``workers.Response``'s clone is a ``workers.Response`` here (see README)."""
        if self.js_response.bodyUsed:  # Pyodide's clone asks bodyUsed only
            raise _response_body_used()
        if isinstance(self, Response):
            return Response(self.js_response.clone())
        return fetch_response_class()(self._url, self.js_response.clone(), getattr(self, "abort_controller", None),
                             getattr(self, "abort_signal", None))

    @staticmethod
    def redirect(url: str, status: HTTPStatus | int = HTTPStatus.FOUND) -> JsResponse:
        code = status.value if isinstance(status, HTTPStatus) else status
        try:
            return JsResponse.redirect(url, code)
        except JsException as exc:
            raise _to_python_exception(exc) from exc

    @staticmethod
    def from_json(
        data: Any,
        status: HTTPStatus | int = HTTPStatus.OK,
        status_text: str = "",
        headers: Any = None,
    ) -> Response:
        """A JSON response: ``json.dumps(data)`` with ``content-type: application/json``."""
        options = Response._create_options(status, status_text, headers)
        try:
            if isinstance(data, JsProxy):
                return Response(JsResponse.json(data, **options))
            js_headers = options.setdefault("headers", JsHeaders([("content-type", "application/json")]))
            if not js_headers.has("content-type"):
                js_headers.set("content-type", "application/json")
            return Response(JsResponse(_json.dumps(data), None, **options))
        except JsException as exc:
            raise _to_python_exception(exc) from exc


#: the SDK's ``RESPONSE_ACCEPTED_TYPES``: the JS body types ``workers.Response`` takes
_RESPONSE_ACCEPTED_TYPES = frozenset({
    "Blob", "File", "ArrayBuffer", "TypedArray", "DataView", "Uint8Array", "Uint8ClampedArray", "Int8Array",
    "Uint16Array", "Int16Array", "Uint32Array", "Int32Array", "Float16Array", "Float32Array", "Float64Array",
    "BigInt64Array", "BigUint64Array", "FormData", "ReadableStream", "URLSearchParams", "Response",
})


#: workers-env's note on ``Response(jsnull)``: a JS null that the code took for ``None``
JSNULL_BODY_NOTE = (
    "workers-env: the body is jsnull, JavaScript's null as Pyodide 0.28 and later hand it over "
    "(compatibility dates from 2025-09-29, or python_workers_20250116), where Pyodide 0.26 gave None: a "
    "missing KV key's get(), a D1 first() with no row and a raw binding's other nulls are jsnull, so `x is "
    "not None` lets one through. Test `if x:` or `x not in (None, jsnull)` (`from pyodide.ffi import "
    "jsnull`); the external SDK's bindings (from 2026-04-21) give None again."
)
#: the note on ``Response(result)`` of a dict or list (a binding's result, parsed JSON): the SDK takes
#: text, bytes, a stream or FormData as a body; JSON is ``Response.json`` (walk59)
JSON_BODY_NOTE = (
    "workers-env: a Response's body is a str, bytes, a stream or FormData; to answer with this {kind} as JSON, "
    "write Response.json(value) (it takes status= and headers= too, and sets content-type: application/json)"
)


class Response(FetchResponse, metaclass=SdkClass):
    """``workers.Response(body=None, status=None, status_text="", headers=None)``."""

    _sdk_class = True

    def __init__(
        self,
        body: Any = None,
        status: HTTPStatus | int | None = None,
        status_text: str = "",
        headers: Any = None,
        web_socket: Any = None,
    ):
        if isinstance(body, JsResponse):
            if status is not None or status_text or headers is not None:
                raise ValueError("Expected no options when constructing Response from a js.Response")
            super().__init__(body.url, body)
            return
        if isinstance(body, FormData):  # the SDK's _get_js_body: its JS FormData
            body = body.js_object
        if isinstance(body, envwrap._BindingWrapper):
            # a stream workers-runtime-sdk 1.3.0/1.4.0 wrapped (workers-py #128): the SDK's check reads
            # body.constructor.name, and the wrapper's constructor is a Python function (AttributeError)
            raise TypeError(f"Unsupported type in Response: {body.constructor.name}")
        if isinstance(body, JsProxy):
            if body.constructor.name not in _RESPONSE_ACCEPTED_TYPES and not isinstance(body, JsBufferSource):
                raise TypeError(f"Unsupported type in Response: {body.constructor.name}")
        elif body is not None and not isinstance(body, (str, bytes)):
            error = TypeError(f"Unsupported type in Response: {type(body).__name__}")
            if body is jsnull:
                add_hint(error, JSNULL_BODY_NOTE)
            elif isinstance(body, (dict, list)):
                add_hint(error, JSON_BODY_NOTE.format(kind="dict" if isinstance(body, dict) else "list"))
            raise error
        options = self._create_options(status, status_text, headers, web_socket)
        js_response = JsResponse(body, None, **options)
        super().__init__(js_response.url, js_response)

    @staticmethod
    def _create_options(
        status: HTTPStatus | int | None = HTTPStatus.OK,
        status_text: str = "",
        headers: Any = None,
        web_socket: Any = None,
    ) -> dict[str, Any]:
        options: dict[str, Any] = {}
        if status:
            options["status"] = status.value if isinstance(status, HTTPStatus) else status
        if status_text:
            options["statusText"] = status_text
        if headers:
            options["headers"] = _to_js_headers(headers)
        if web_socket:
            options["webSocket"] = web_socket
        return options

    @property
    def body(self) -> Any:
        """The JS ``ReadableStream``, or ``None`` for a response without a body (``Response(None,
        status=204)``): both SDKs' ``_jsnull_to_none(self.js_response.body)`` (workerd's built-in
        SDK, workers-runtime-sdk from 1.5.4; workerd's ``sdk`` test asserts ``body is None``), where
        the JS response's own ``body`` is ``jsnull`` from Pyodide 0.28."""
        body = self.js_response.body
        return None if body is jsnull else body

    def replace_body(self, body: Any) -> Response:
        """A new response with this one's status and headers and another body."""
        return Response(body, self.status, self.status_text, self.js_response.headers)

    def __repr__(self) -> str:
        parts = [f"status={self.status}"]
        if self.status_text:
            parts.append(f"status_text={self.status_text!r}")
        if "content-type" in self.headers:
            parts.append(f"content_type={self.headers['content-type']!r}")
        if self.js_response.url:  # both SDKs' (workerd ca60884f2, 2025-09-01)
            parts.append(f"url={self.js_response.url!r}")
        if self.js_response.type != "default":
            parts.append(f"type={self.js_response.type!r}")
        return f"Response({', '.join(parts)})"


class Request(metaclass=SdkClass):
    """``workers.Request``: an incoming request (``url``, ``method``, ``headers``, body readers)."""

    _sdk_class = True

    def __init__(self, input: Any, **other_options: Any):  # noqa: A002 - SDK name
        if isinstance(input, JsRequest):
            if other_options:
                raise ValueError("Expected no options when constructing Request from a js.Request")
            self._js_request = input
            return
        if isinstance(other_options.get("method"), HTTPMethod):
            other_options["method"] = other_options["method"].value
        if "headers" in other_options:
            other_options["headers"] = _to_js_headers(other_options["headers"])
        source = input._js_request if isinstance(input, Request) else input
        self._js_request = JsRequest.new(source, **other_options)

    @property
    def js_object(self) -> JsRequest:
        return self._js_request

    @property
    def url(self) -> str:
        return self._js_request.url

    @property
    def method(self) -> HTTPMethod:
        return HTTPMethod[self._js_request.method]

    @property
    def headers(self) -> http.client.HTTPMessage:
        return _headers_to_message(self._js_request.headers)

    @property
    def body(self) -> Any:
        return self._js_request.body

    @property
    def body_used(self) -> bool:
        return self._js_request.bodyUsed

    @property
    def cf(self) -> Any:
        era = getattr(current_runtime(), "era", None)
        if era is not None and not era.sdk_at_least(_REQUEST_CF_SINCE):
            raise _no_cf(self, era.sdk_text)
        return self._js_request.cf

    # Both SDKs' fetch-standard properties, each its JS Request's own: workerd has ``redirect``,
    # ``integrity``, ``keepalive`` and (from ``cache_option_enabled``, 2024-11-11) ``cache``;
    # ``mode``, ``credentials``, ``destination``, ``referrer``, ``referrerPolicy``,
    # ``isHistoryNavigation`` (and ``cache`` before that flag) it leaves out, so Pyodide's
    # ``AttributeError`` naming the JS property answers them.
    @property
    def cache(self) -> Any:
        return self._js_request.cache

    @property
    def credentials(self) -> Any:
        return self._js_request.credentials

    @property
    def destination(self) -> Any:
        return self._js_request.destination

    @property
    def integrity(self) -> str:
        return self._js_request.integrity

    @property
    def is_history_navigation(self) -> Any:
        return self._js_request.isHistoryNavigation

    @property
    def keepalive(self) -> bool:
        return self._js_request.keepalive

    @property
    def mode(self) -> Any:
        return self._js_request.mode

    @property
    def redirect(self) -> str:
        return self._js_request.redirect

    @property
    def referrer(self) -> Any:
        return self._js_request.referrer

    @property
    def referrer_policy(self) -> Any:
        return self._js_request.referrerPolicy

    def _raise_if_failed(self) -> None:
        if self._js_request.bodyUsed:
            raise _body_used_error()

    async def text(self) -> str:
        self._raise_if_failed()
        return await self._js_request.text()

    async def json(self, **kwargs: Any) -> Any:
        self._raise_if_failed()
        return _json.loads(await self.text(), **kwargs)

    async def bytes(self) -> bytes:
        self._raise_if_failed()
        return (await self._js_request.arrayBuffer()).to_bytes()

    async def buffer(self) -> JsBuffer:
        self._raise_if_failed()
        return await self._js_request.arrayBuffer()

    def clone(self) -> Request:
        self._raise_if_failed()
        return Request(self._js_request.clone())

    # No ``formData`` alias here: both SDKs keep the JS name on ``Response`` only, so a Worker's
    # ``await request.formData()`` is Python's AttributeError, as deployed.
    async def form_data(self) -> FormData:
        self._raise_if_failed()
        try:
            return FormData(await self._js_request.formData())
        except JsException as exc:
            raise _to_python_exception(exc) from exc

    async def blob(self) -> Blob:
        self._raise_if_failed()
        return Blob(await self._js_request.blob())

    def __repr__(self) -> str:
        return f"Request(method={self._js_request.method!r}, url={self._js_request.url!r})"


async def fetch(resource: Any, **other_options: Any) -> Response:
    """Outgoing HTTP request (``workers.fetch``), made with the standard library. As both SDKs
    do, a ``workers.Request`` is its JS Request and the options go to Pyodide's ``pyfetch``, which
    hands JavaScript's ``fetch(resource, init)`` one init of all of them, ``to_js``-converted (a
    ``bytes`` body is a Uint8Array, a tuple of header pairs an Array): so they apply over a
    Request given too, unlike ``workers.Request``'s keywords (``js.Request.new(url, **options)``).
    The answer is a new ``Response`` over pyfetch's JS response, without its abort controller.
    On Pyodide 0.26 a ``request=`` keyword is the ``TypeError`` of the SDKs' patched pyfetch,
    whose first parameter has that name; on 0.28 it is one more field of the init, ignored."""
    if isinstance(resource, Request):
        resource = resource.js_object
    if isinstance(other_options.get("method"), HTTPMethod):
        other_options["method"] = other_options["method"].value
    if "request" in other_options and not pyodide_028():
        # on Pyodide 0.26 both SDKs call their patched copy of pyfetch, whose first parameter is
        # named ``request`` (``_pyfetch_patched(request, **kwargs)``), with the options as keywords
        raise TypeError("_pyfetch_patched() got multiple values for argument 'request'")
    try:
        js_response, _controller, _signal = await _pyfetch(resource, other_options, sdk_patched=True)
    except OSError as error:
        if not is_users_mistake(error):
            raise
        raise error.with_traceback(None) from None  # this frame alone, as pyfetch's (see _fetch_failed)
    return Response(js_response)


async def pyfetch(*args: Any, **kwargs: Any) -> FetchResponse:
    """``pyodide.http.pyfetch``: a ``FetchResponse`` of ``url``; on Pyodide 0.28 it keeps pyfetch's
    abort controller and signal (``resp.abort()``, a cancelled read aborts the fetch). Its
    arguments are read as the running Worker's Pyodide declares them: 0.26's ``pyfetch(url,
    **kwargs)`` takes ``url=`` too, 0.28's ``pyfetch(url, /, *, signal=None, fetcher=None,
    **kwargs)`` only by position; a wrong call is Python's ``TypeError`` of Pyodide's signature,
    raised when awaited (Pyodide's when called: workers-env reads the era then, keeping ``pyfetch``
    a coroutine function)."""
    try:
        return await (_pyfetch_028 if pyodide_028() else _pyfetch_026)(*args, **kwargs)
    except OSError as error:
        if not is_users_mistake(error):
            raise
        raise error.with_traceback(None) from None  # this frame alone, as Pyodide's (see _fetch_failed)


async def _pyfetch_026(url: Any, **kwargs: Any) -> FetchResponse:
    js_response, controller, signal = await _pyfetch(url, kwargs, sdk_patched=False)
    return fetch_response_class()(url, js_response, controller, signal)


async def _pyfetch_028(url: Any, /, **kwargs: Any) -> FetchResponse:
    js_response, controller, signal = await _pyfetch(url, kwargs, sdk_patched=False)
    return fetch_response_class()(url, js_response, controller, signal)


# a wrong call's TypeError names Pyodide's function: "pyfetch() missing 1 required positional argument"
_pyfetch_026.__name__ = _pyfetch_026.__qualname__ = "pyfetch"
_pyfetch_028.__name__ = _pyfetch_028.__qualname__ = "pyfetch"


async def _pyfetch(resource: Any, options: dict[str, Any], *,
                   sdk_patched: bool) -> tuple[JsResponse, JsAbortController | None, JsAbortSignal | None]:
    """Pyodide's ``pyfetch`` -- on 0.26 the SDKs' patched copy (``sdk_patched``) or Pyodide's own --
    answering the JS response, and on 0.28 its controller and signal.

    Pyodide 0.28's always puts its own AbortController's signal in the init (``AbortSignal.any`` of
    it and a ``signal=`` given), so a Request's own signal gives way to it, and aborts that controller
    when the task awaiting it is cancelled: the subrequest is dropped and the ``CancelledError`` goes
    on. Pyodide 0.26's has no controller: a cancelled await leaves the subrequest running."""
    # pyfetch's ``fetcher``, called in place of JavaScript's fetch: 0.28's ``fetcher or js.fetch``;
    # the SDKs' patched 0.26 pyfetch calls it whenever given (so None is not callable) and leaves
    # it in the init as undefined; Pyodide 0.26's own pyfetch has no such parameter (a field of
    # the init, which fetch ignores)
    fetcher_given = "fetcher" in options
    fetcher = options.pop("fetcher", None)
    if not pyodide_028() and not sdk_patched:
        fetcher_given, fetcher = False, None
    controller: JsAbortController | None = None
    signal: JsAbortSignal | None = None
    if pyodide_028():
        controller = JsAbortController()
        given = options.get("signal")
        signal = any_signal([given, controller.signal]) if given else controller.signal
        options["signal"] = signal
    if pyodide_029():  # 314's pyfetch converts the init and makes a text URL a Request before its try:
        init = to_js(options, dict_converter=object_from_entries) if options else None
        if isinstance(resource, str):  # a text no URL parser takes is the constructor's JsException itself
            resource = JsRequest.new(resource, init)  # (pyodide/http/_pyfetch.py, 314.0.6 and 314.0.8)
            if _sent_from(resource, options):
                init = to_js(options, dict_converter=object_from_entries)
    try:
        if not pyodide_029():
            init = to_js(options, dict_converter=object_from_entries) if options else None
        if fetcher is not None or (fetcher_given and not pyodide_028()):
            # pyfetch's ``await fetcher(request, args)``: a Python coroutine answering at once does not suspend
            # the task, a JavaScript function's promise does (``js.fetch``, a binding's ``fetch``, a
            # ``create_proxy`` of an ``async def``: a PyodideFuture) -- real Pyodide 0.28.2 and 314.0.6, and
            # the SDKs' patched 0.26 pyfetch awaits it alike (suspend58)
            answer = fetcher(resource, init)
            if isinstance(fetcher, JsProxy):  # a create_proxy's coroutine: the future of its task (proxycall58)
                future = python_callers_answer(fetcher, answer)
                answer = binding_promise(answer) if future is answer else future
            return await answer, controller, signal
        # JavaScript's fetch, a promise however soon it settles: the awaiting task is suspended
        # once, a data: URL's answer and a refusal (a rejection) included (review87)
        return await _js_fetch_promise(resource, init), controller, signal
    except asyncio.CancelledError as exc:
        if controller is not None:
            controller.abort(_construct_abort_reason(exc))
        raise
    except JsException as exc:
        raise _fetch_failed(exc) from None


def _sent_from(made: JsRequest, options: dict[str, Any]) -> bool:
    """314's pyfetch hands ``fetch`` the Request it made of the URL and the init, and the init
    again: a ReadableStream body is that Request's body in workerd, read once, as it is sent (then
    ``locked``). Here the Request read it already, so the init sends the Request's body instead, and
    the stream is left locked -- a second read was the disturbed-stream error (left57; wrangler dev
    4.164.0 answers, tools/wrangler/fetcher_init_refusals_probe.py). Whether the init changed."""
    given = options.get("body")
    if not isinstance(given, JsReadableStream):
        return False
    options["body"] = made.body
    leave_locked(given)
    return True


def _fetch_failed(exc: JsException) -> OSError:
    """What pyfetch raises for what JavaScript's fetch threw: ``pyodide.http.AbortError`` on Pyodide
    0.28 (an ``OSError``), a plain ``OSError`` on 0.26. It is production's answer to the Worker's
    call, not a workers-env bug, so it is marked as such (``users_mistake``): tracebacks show the
    Worker's frames and this error, and :func:`pyfetch` and :func:`fetch` raise it again from their
    own frame alone, where Pyodide's is ``pyodide/http.py``'s ``pyfetch`` (found running
    Hugo-C/threatfox-daily-c2, whose failed pyfetch was logged with every frame of the plumbing)."""
    return users_mistake(http_error(AbortError)(exc) if pyodide_028() else OSError(exc.message))


# The SDK's JSON readers and writer are Python's ``json`` run on what the Worker handed them (its
# request's body, its value, a fetched body): an error there is the Worker's, shown with its frames
# and ``json``'s, not the plumbing's kept for a workers-env bug (runtime/tracebacks.py).
runs_the_workers(Request.json, FetchResponse._read_json.__wrapped__, Response.from_json)  # type: ignore[attr-defined]


#: ``FetchResponse`` as the 314.0.x bundles define it (:func:`_in_the_314_package`)
_FETCH_RESPONSE_314 = _in_the_314_package(FetchResponse, "pyodide.http._pyfetch")


def fetch_response_class() -> type[FetchResponse]:
    """``pyodide.http.FetchResponse`` as the running Worker's Pyodide defines it (its module:
    ``pyodide.http``, ``pyodide.http._pyfetch`` from the 314.0.x bundles)."""
    return _FETCH_RESPONSE_314 if pyodide_029() else FetchResponse


def _unpack_buffer(buffer: JsBuffer, *, filename: str, format: str | None,  # noqa: A002 - Pyodide's name
                   extract_dir: str | None) -> None:
    """Pyodide's ``_package_loader.unpack_buffer`` as ``unpack_archive`` calls it."""
    import shutil
    import tempfile
    from pathlib import Path

    if format:
        format = _archive_format(format)
    if not filename and format is None:
        raise ValueError("At least one of filename and format must be provided")
    extract_path = Path(extract_dir or ".")
    filename = filename.rpartition("/")[-1]
    extract_path.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(suffix=filename) as f:
        f.write(buffer.to_bytes())
        f.flush()
        shutil.unpack_archive(f.name, extract_path, format)


def _archive_format(format: str) -> str:  # noqa: A002 - Pyodide's name
    import shutil

    for fmt, extensions, _ in shutil.get_unpack_formats():
        if format == fmt or format in extensions or "." + format in extensions:
            return fmt
    raise ValueError(f"Unrecognized format {format}")


def _to_python_exception(exc: JsException) -> Exception:
    """Both SDKs' ``_to_python_exception``: a JS ``RangeError`` as ``ValueError``, a
    ``TypeError`` as ``TypeError`` (used by ``Response.redirect``, ``Response.json``, ...): the
    runtime's answer to the Worker's call, so a traceback shows the Worker's frames, not ours."""
    if exc.name == "RangeError":
        return users_mistake(ValueError(exc.message))
    if exc.name == "TypeError":
        return users_mistake(TypeError(exc.message))
    return exc


class FetcherView:
    """A Fetcher binding (``env.ASSETS``, a ``[[services]]`` binding) as both SDKs hand it out
    (``_FetcherWrapper``): ``await env.X.fetch(url_or_request, method=..., headers=...)`` is
    ``workers.fetch`` (Pyodide's ``pyfetch``) sent through the binding -- the binding's
    ``fetch(resource, init)`` gets the URL or JS request and the keywords as its init -- answering
    a ``workers`` ``Response``."""

    def __init__(self, name: str, binding: Any):
        self._name = name
        self._binding = binding

    def __repr__(self) -> str:
        return f"<Fetcher {self._name}>"

    def __getattr__(self, name: str) -> Any:
        return getattr(self._binding, name)

    def fetch(self, *args: Any, **kwargs: Any) -> Awaitable[Response]:
        binding, name = self._binding, self._name

        async def fetch(resource: Any, **other_options: Any) -> Response:  # the SDK's signature
            text_url = isinstance(resource, str)
            if isinstance(resource, Request):
                resource = resource.js_object
            elif isinstance(resource, PROXIED_TYPES) and not isinstance(resource, JsProxy):
                resource = _pyproxy_resource(resource, name)
            if isinstance(other_options.get("method"), HTTPMethod):
                other_options["method"] = other_options["method"].value
            if text_url and pyodide_029():  # 314's pyfetch makes a text URL a Request before its try: a text no
                # URL parser takes, or an init the constructor refuses, is its JsException itself (leftovers56)
                resource = JsRequest.new(resource, to_js(other_options, dict_converter=object_from_entries)
                                         if other_options else None)
                _sent_from(resource, other_options)
            if isinstance(other_options.get("headers"), Iterator):  # one-shot (a generator): read once, here, for
                # the check and the binding (left57) -- after 314's Request read it: the init then hands the
                # binding the spent iterator, no headers (pyfetch's one to_js'd init given twice; review88)
                other_options["headers"] = list(other_options["headers"])
            # the rest is the binding's ``fetch(resource, init)``, one JavaScript promise pyfetch
            # awaits: the awaiting task is suspended once however soon it settles (review87)
            return Response(await binding_promise(fetched(resource, other_options)))

        async def fetched(resource: Any, other_options: dict[str, Any]) -> JsResponse:
            taken = _fetcher_init_checked(resource, other_options)  # (its body the binding's from now: used after)
            try:
                return await answered_through(resource, other_options)
            finally:
                if taken is not None:
                    taken.bodyUsed = True
                leave_locked(other_options.get("body"))

        async def answered_through(resource: Any, other_options: dict[str, Any]) -> JsResponse:
            answered = _fetcher_answer(resource, other_options)
            if answered is not None:  # workerd answers it before the binding is asked (runtime/dataurl.py)
                return answered
            init = to_js(other_options, dict_converter=object_from_entries) if other_options else None
            try:
                refuse_if_aborted(resource, init)
            except JsException as exc:
                raise _fetch_failed(exc) from None

            async def asked(*arguments: Any) -> JsResponse:
                answer = binding.fetch(*arguments)
                if inspect.isawaitable(answer):
                    answer = await answer
                if isinstance(answer, FetchResponse):
                    answer = answer.js_object
                given, answer = answer, from_plain(answer)
                if not isinstance(answer, JsResponse):  # (named as the binding answered it: a dict, not its JsProxy)
                    raise TypeError(f"{name}.fetch() must answer a Response (a js.Response, a workers Response or "
                                    f"an HttpResponse), got {type(given).__name__}")
                return answer

            try:  # what the binding's fetch rejects with, raised as pyfetch raises it (`except JsException`)
                answer = await (asked(resource, other_options) if other_options else asked(resource))
            except JsException as exc:
                raise _fetch_failed(exc) from None
            try:  # its redirects followed through the same binding (runtime/fetchredirect.py)
                return await follow_through_fetcher(resource, init, answer, asked)
            except JsException as exc:
                raise _fetch_failed(exc) from None

        fetch.__qualname__ = "fetch"  # so a wrong call reads "fetch() takes ...", as the SDK's does
        return fetch(*args, **kwargs)


def _pyproxy_resource(resource: Any, name: str) -> str:
    """A Python container handed to a Fetcher's ``fetch`` as its resource, as production reads it:
    pyfetch passes it to the binding as a PyProxy, which workerd's ``Fetcher.fetch`` reads as the
    text of a URL, ``String()`` of it -- Python's ``str()`` (``TypeError: Invalid URL: {'url':
    ...}``, raised as pyfetch raises it; measured with workers-runtime-sdk 1.9.5 on Pyodide 0.28.2
    and 314.0.6: tools/pyodide/service_fetch_resource_probe.mjs). With a ``PyProxyWarning`` saying so."""
    text = python_str(resource)
    shown = text if len(text) <= 60 else text[:57] + "..."
    warn_pyproxy(f"a Python {type(resource).__name__} reached JavaScript as a PyProxy in this call to {name}.fetch(), "
                 f"whose resource is a URL or a Request: JavaScript reads the Python str() of it, {shown!r}, in "
                 "production too; pass the URL as a string, or a workers Request")
    return text


def _fetcher_init_checked(resource: Any, options: dict[str, Any]) -> JsRequest | None:
    """What workerd's ``Fetcher.fetch(resource, init)`` refuses before the binding sees the
    request (:func:`~workers_env.runtime.fetchredirect.refuse_init`), the keywords read as
    ``pyfetch`` hands them to JavaScript; raised as the SDKs' ``pyfetch`` raises what JavaScript
    threw. Only checked: the binding still gets the Worker's arguments as given. Returns the input
    Request whose body the call takes (``refuse_init``'s), to be left used."""
    try:
        return refuse_init(resource, to_js(options, dict_converter=object_from_entries) if options else None)
    except JsException as exc:
        raise _fetch_failed(exc) from None


def _fetcher_answer(resource: Any, options: dict[str, Any]) -> JsResponse | None:
    """workerd's answer to a Fetcher's ``fetch`` of a ``data:`` URL, or its refusal of another
    URL that is not ``http``/``https`` (runtime/dataurl.py), made of the keywords as ``pyfetch``
    hands them to JavaScript (None: the binding answers); what JavaScript threw raised as
    ``pyfetch`` raises it."""
    if not answered_before_the_binding(resource):
        return None
    try:
        init = to_js(options, dict_converter=object_from_entries) if options else None
        return fetcher_answer(resource, init)
    except JsException as exc:
        raise _fetch_failed(exc) from None


@js_keywords("fetch()")
async def js_fetch(resource: Any, init: Any = None) -> JsResponse:
    """The global ``fetch`` of JavaScript (``from js import fetch``): resolves to a JS ``Response``."""
    if isinstance(resource, Request):
        resource = resource.js_object
    return await send_request(_fetch_request(resource, init))


#: ``js.fetch`` as Worker code calls it (:func:`jspromise.promise_call`): what Pyodide's ``pyfetch`` awaits
_js_fetch_promise = promise_call(js_fetch)


@functools.wraps(js_fetch)
def global_fetch(*args: Any, **kwargs: Any) -> Any:
    """``js.fetch`` as Worker code calls it: at a module's top level it throws workerd's
    ``Disallowed operation called within global scope`` at the call, before the resource is
    read (http.c++ ``fetchImpl`` asks ``IoContext::current()`` first; workerd's ``hello`` test
    catches it around ``js.fetch("example.com")``); otherwise :func:`js_fetch`'s coroutine."""
    if in_global_scope():
        raise JsException(GLOBAL_SCOPE_ERROR)
    return js_fetch(*args, **kwargs)


def _fetch_request(resource: Any, init: Any) -> JsRequest:
    """The Request ``fetch(resource, init)`` makes and sends (http.c++ ``fetchImpl`` calls the
    Request constructor): a Request given as ``resource`` (without an init body) or as ``init``
    has its body taken, so it is left used -- ``bodyUsed``, and reading or sending it again is
    the used-body error -- as ``wrangler dev`` 4.164.0 leaves it, even once the fetch is over."""
    options = init_options(init, {})
    takes_resource_body = "body" not in options
    made = JsRequest.from_options(resource, options)
    leave_locked(options.get("body"))
    for given in (resource if takes_resource_body else None, init):
        if isinstance(given, JsRequest) and given._body is not None:
            given.bodyUsed = True
    return made


def handler(func: Callable[..., Any]) -> Callable[..., Any]:
    """Decorator for legacy ``on_fetch``: converts the JS request and wraps ``env``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if args and isinstance(args[0], JsRequest):
            args = (Request(args[0]), *args[1:])
        if len(args) > 1:
            args = (args[0], env_wrapper(args[1]), *args[2:])
        return func(*args, **kwargs)

    return wrapper


class DurableObject(metaclass=SdkClass):
    """Base class of a Durable Object (``class Counter(DurableObject)``), as both SDKs define it.

    Importable so that a Worker defining one loads and serves its other routes; Durable Object
    namespaces are not emulated (using the binding raises ``BindingNotEmulatedError``), so
    workers-env never builds one itself -- a test may, as ``Counter(ctx, env)``.
    """

    # no class annotations, as the built-in SDK's have none: typing.get_type_hints() of a
    # Worker's subclass resolves them through this class's module, which production names
    _sdk_class = True  # named as production names it (sdknames)

    def __init__(self, ctx: Any, env: Any):
        self.ctx = ctx
        self.env = env_wrapper(env)


class WorkflowEntrypoint(metaclass=SdkClass):
    """Base class of a Workflow (``class MyFlow(WorkflowEntrypoint)``), as both SDKs define it:
    importable, as :class:`DurableObject` is; Workflows are not emulated."""

    # no class annotations, as the built-in SDK's have none: typing.get_type_hints() of a
    # Worker's subclass resolves them through this class's module, which production names
    _sdk_class = True  # named as production names it (sdknames)

    def __init__(self, ctx: Any, env: Any):
        self.ctx = ctx
        self.env = env_wrapper(env)


class NonRetryableError(Exception):
    """``workers.workflows.NonRetryableError``: raised in a Workflow step so it is not retried,
    as both SDKs define it (importable, so a Worker defining a Workflow loads)."""


class WorkerEntrypoint(metaclass=SdkClass):
    """Base class of a Worker's entry point: ``class Default(WorkerEntrypoint)``.

    Constructed as ``Default(ctx, env)`` for each request; ``self.env`` is wrapped so
    binding calls convert arguments and results (subclass ``__init__`` receives it wrapped).
    """

    # no class annotations, as the built-in SDK's have none: typing.get_type_hints() of a
    # Worker's subclass resolves them through this class's module, which production names
    _sdk_class = True  # named as production names it (sdknames)

    def __init__(self, ctx: Any, env: Any):
        self.ctx = ctx
        self.env = env_wrapper(env)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        original = cls.__dict__.get("__init__")
        if original is None:
            return

        @functools.wraps(original)
        def wrapped_init(self: Any, *args: Any, **kw: Any) -> None:
            if len(args) > 1:
                args = (args[0], env_wrapper(args[1]), *args[2:])
            original(self, *args, **kw)

        cls.__init__ = wrapped_init  # type: ignore[method-assign]


def wait_until(awaitable: Any) -> None:
    """``cloudflare:workers``' ``waitUntil`` (``from workers import wait_until``): the running
    request's ``ctx.waitUntil``, for code that has no ``ctx`` at hand."""
    ctx = current_context()
    if ctx is None:
        raise JsException(GLOBAL_SCOPE_ERROR)
    ctx.waitUntil(awaitable)


def import_from_javascript(module_name: str) -> Any:
    """``workers.import_from_javascript``: ``cloudflare:workers`` (``env``, ``waitUntil``) and
    ``cloudflare:sockets`` anywhere, as both SDKs import them ahead (``connect`` raises
    :class:`NotEmulatedError`). Other modules production imports with ``run_sync`` (JSPI): on
    Pyodide 0.26 (before 2025-09-29) ``pyodide.ffi`` has no ``run_sync``, so any other name is the
    SDK's ``ImportError`` wherever it is called; from 0.28 on, anywhere -- the module's top level
    too, which workerd imports with ``callPromising`` (``pyimportMainModule``,
    python-entrypoint-helper.ts; workerd's ``top-level-tests``) -- ``cloudflare:vectorize``'s
    constants among them."""
    from types import SimpleNamespace

    if module_name == "cloudflare:workers":
        runtime = current_runtime()
        return SimpleNamespace(env=getattr(runtime, "js_env", None), waitUntil=wait_until)
    if module_name == "cloudflare:sockets":
        return SimpleNamespace(connect=_sockets_connect)
    if not pyodide_028():  # the SDK's ``from pyodide.ffi import run_sync`` fails on 0.26
        raise ImportError(f"Failed to import '{module_name}': Only 'cloudflare:workers' and 'cloudflare:sockets' are "
                          "available until the next python runtime version.")
    if module_name == "cloudflare:vectorize":  # constant tables (workerd src/cloudflare/vectorize.ts)
        return SimpleNamespace(
            KnownModel=JsObject({m: m for m in ("openai/text-embedding-ada-002", "cohere/embed-multilingual-v2.0",
                                                "@cf/baai/bge-small-en-v1.5", "@cf/baai/bge-base-en-v1.5",
                                                "@cf/baai/bge-large-en-v1.5")}),
            DistanceMetric=JsObject({"EUCLIDEAN": "euclidean", "COSINE": "cosine", "DOT_PRODUCT": "dot-product"}),
            MetadataRetrievalLevel=JsObject({"ALL": "all", "INDEXED": "indexed", "NONE": "none"}),
        )
    raise ImportError(
        f"Failed to import '{module_name}': JavaScript module {module_name!r} is not emulated by workers-env "
        "(cloudflare:workers, cloudflare:sockets and cloudflare:vectorize are; see \"The `workers` module\" "
        "in docs/runtime-stand-ins.md)"
    )


def _sockets_connect(*args: Any, **kwargs: Any) -> Any:
    if in_global_scope():  # connectImpl asks IoContext::current() before anything else (sockets.c++)
        raise JsException(GLOBAL_SCOPE_ERROR)
    raise NotEmulatedError("cloudflare:sockets connect() is not emulated by workers-env: outbound TCP sockets need "
                           "Cloudflare's network. Keep it out of the code your tests run, or patch connect in them")


def _builtin_sdk() -> bool:
    era = getattr(current_runtime(), "era", None)
    return era is not None and not era.external_sdk


def python_from_rpc(obj: Any) -> Any:
    """``workers.python_from_rpc``: JS -> Python as the running Worker's SDK converts.

    Both SDKs run ``to_py()`` with their default converter (Response, Request, Date, Error,
    ...); the external one then makes objects ``JsDict`` and ``null`` ``None``, the built-in
    one stops there (plain ``dict``).
    """
    return sdk_python_from_rpc(obj, builtin=_builtin_sdk())


def sdk_python_from_rpc(obj: Any, *, builtin: bool) -> Any:
    """:func:`python_from_rpc` as the built-in SDK (``builtin``) or the external one converts."""
    if isinstance(obj, JsProxy) and not isinstance(obj, _jsvalues.JsSet):
        if isinstance(obj, (JsObject, JsArray, JsMap, JsBufferSource)):
            obj = obj.to_py(default_converter=envwrap.from_rpc_default)
        else:
            obj = envwrap.from_rpc_default(obj)
        if builtin:
            return obj
    elif builtin:
        if isinstance(obj, _jsvalues.JsSet):  # to_py of a Set: a set
            return {sdk_python_from_rpc(v, builtin=True) for v in obj}
        return obj
    return envwrap.python_from_rpc(obj)


def python_to_rpc(value: Any) -> Any:
    """``workers.python_to_rpc``: Python -> JS as the running Worker's SDK converts.

    The external SDK makes dicts plain objects; the built-in one makes them ``Map``s.
    """
    return sdk_python_to_rpc(value, builtin=_builtin_sdk())


def sdk_python_to_rpc(value: Any, *, builtin: bool) -> Any:
    """:func:`python_to_rpc` as the built-in SDK (``builtin``) or the external one converts."""
    return envwrap.builtin_python_to_rpc(value) if builtin else envwrap.python_to_rpc(value)
