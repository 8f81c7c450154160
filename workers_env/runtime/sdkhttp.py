"""The SDK's HTTP classes: ``workers.Request``, ``workers.Response`` and Pyodide's ``FetchResponse``
(``pyodide.http``'s, which ``Response`` subclasses), with the headers both SDKs make of a JS
``Headers`` (``HTTPMessageMapping``) and take (``_to_js_headers``).

Each wraps the JavaScript object from :mod:`jsweb`, as in production. ``FetchResponse`` and
``Response`` call each other, so they stay together here: apart from the ``workers`` module
(runtime/workers_api.py), which exposes them, and from the fetch calls that answer them
(runtime/fetchcalls.py).
"""

from __future__ import annotations

import asyncio
import functools
import http.client
import json as _json
from collections.abc import Awaitable, Callable, Mapping
from http import HTTPMethod, HTTPStatus
from typing import Any

from workers_env._errors import JsException, add_hint, users_mistake
from workers_env.runtime import envwrap
from workers_env.runtime.abort import JsAbortController, JsAbortSignal
from workers_env.runtime.current import current_runtime, pyodide_028, pyodide_029
from workers_env.runtime.forms import Blob, FormData
from workers_env.runtime.httperrors import AbortError, BodyUsedError, HttpStatusError, _in_the_314_package, http_error
from workers_env.runtime.jsbase import jsnull
from workers_env.runtime.jsproxy import JsBuffer, JsBufferSource, JsProxy
from workers_env.runtime.jsheaders import JsHeaders
from workers_env.runtime.jsweb import JsRequest, JsResponse
from workers_env.runtime.sdknames import SdkClass, default_repr
from workers_env.runtime.tracebacks import runs_the_workers

__all__ = ["FetchResponse", "HTTPMessageMapping", "JSNULL_BODY_NOTE", "JSON_BODY_NOTE", "Request", "Response",
           "fetch_response_class"]


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
