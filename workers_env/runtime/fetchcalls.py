"""The fetch calls Worker code makes besides ``workers.fetch``: ``pyodide.http.pyfetch`` (and
``_pyfetch``, the Pyodide function both SDKs' ``workers.fetch`` calls), JavaScript's ``fetch``
(:func:`js_fetch`, :func:`global_fetch`) and a Fetcher binding's ``fetch`` as both SDKs hand it
out (:class:`FetcherView`).

Each reads its arguments as production does and sends the request (runtime/subrequests.py) or
hands it to the binding, raising what JavaScript threw as ``pyfetch`` raises it
(:func:`_fetch_failed`). Apart from the classes they answer (runtime/sdkhttp.py) and from the
``workers`` module (runtime/workers_api.py), whose ``fetch`` calls ``_pyfetch``.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Awaitable, Iterator
from http import HTTPMethod
from typing import Any

from workers_env._deep import python_str
from workers_env._errors import JsException, is_users_mistake, users_mistake
from workers_env.runtime.abort import JsAbortController, JsAbortSignal, any_signal
from workers_env.runtime.current import GLOBAL_SCOPE_ERROR, in_global_scope, pyodide_028, pyodide_029
from workers_env.runtime.dataurl import answered_before_the_binding, fetcher_answer
from workers_env.runtime.fetchredirect import follow_through_fetcher, refuse_if_aborted, refuse_init
from workers_env.runtime.httperrors import AbortError, http_error
from workers_env.runtime.jsbase import js_keywords
from workers_env.runtime.jspyproxies import PROXIED_TYPES, warn_pyproxy
from workers_env.runtime.jsconvert import object_from_entries, to_js
from workers_env.runtime.jsfunctions import python_callers_answer
from workers_env.runtime.jsreadable import JsReadableStream
from workers_env.runtime.jspromise import binding_promise, promise_call
from workers_env.runtime.jsproxy import JsProxy, from_plain
from workers_env.runtime.jsweb import JsRequest, JsResponse, init_options, leave_locked
from workers_env.runtime.sdkhttp import FetchResponse, Request, Response, _construct_abort_reason, fetch_response_class
from workers_env.runtime.subrequests import send_request

__all__ = ["FetcherView", "global_fetch", "js_fetch", "pyfetch"]


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
