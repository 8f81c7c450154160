"""The JavaScript ``Headers``, ``Request`` and ``Response`` objects behind the SDK classes.

In production ``workers.Request``/``workers.Response`` wrap the runtime's JS objects;
legacy ``on_fetch`` handlers get the JS ``Request`` raw and may return a JS ``Response``
(``js.Response.new(...)``). These classes are those JS objects, reduced to the surface
worker code touches: JS method names, ``null`` for missing headers, bodies readable once.

This module holds ``Request`` and ``Response`` with what reads their init dictionaries (the
members, ``method``, ``redirect``, a Request's refusals in workerd's order); the body they share
is in runtime/jsbody.py, their ``Headers`` in runtime/jsheaders.py and ``JSON.parse`` (a body's
``json()``, a copied ``cf``) in runtime/jsonparse.py; none of them imports this module.
"""

from __future__ import annotations

import logging
from typing import Any

from workers_env import _jsvalues
from workers_env._loglevel import WORKERD_WARNING
from workers_env._errors import JsException
from workers_env.runtime.abort import JsAbortSignal, no_request_signal
from workers_env.runtime.cachemode import cache_property, checked_cache, checked_integrity
from workers_env.runtime.contentencoding import checked_mode
from workers_env.runtime.current import current_runtime
from workers_env.runtime import jsbody
from workers_env.runtime.jsbody import (
    _CLONE_USED,
    _Body,
    _BodyStream,
    _crossed_body,
    _extract_body,
    _length_unknown,
    _refuse_disturbed,
)
from workers_env.runtime.jsfunctions import JsDoubleProxy
from workers_env.runtime.jsglobals import JsURL, js_text
from workers_env.runtime.jsheaders import JsHeaders
from workers_env.runtime.jsjson import js_json_dumps
from workers_env.runtime.jsnumbers import to_number
from workers_env.runtime.jsonparse import json_parse
from workers_env.runtime.jsproxy import (
    JsArray,
    JsBuffer,
    JsLiteralMap,
    JsObject,
    JsObjectMap,
    JsProxy,
    js_null,
    js_type_error,
    jsnull,
)
from workers_env.runtime.jspyproxies import (
    is_container_subclass_proxy,
    is_dict_subclass_proxy,
    is_python_container,
    pyproxy_attributes,
    pyproxy_json,
    pyproxy_options,
)
from workers_env.runtime.jsreadable import JsgObject, JsReadableStream
from workers_env.runtime.livebytestream import live_source

__all__ = ["HTTP_METHODS", "JsHeaders", "JsRequest", "JsResponse", "checked_method", "checked_redirect", "init_options",
           "json_parse", "leave_locked", "refuse_request_init"]

#: (the name pickles of a body's ``_BodyCell`` made before jsbody.py held it call: they still load;
#: those of ``JsHeaders``, ``_Body``, ``_BodyStream`` and ``json_parse``, imported above, too)
_BodyCell = jsbody._BodyCell

_NULL_BODY_STATUSES = (101, 204, 205, 304)

#: jsg's refusal of an init that is no object, by the call that takes it (wrangler dev 4.164.0)
FETCH_INIT = ("Failed to execute 'fetch' on 'ServiceWorkerGlobalScope': parameter 2 is not of type "
              "'RequestInitializerDict or Request'.")
FETCHER_INIT = "Failed to execute 'fetch' on 'Fetcher': parameter 2 is not of type 'RequestInitializerDict or Request'."
REQUEST_INIT = ("Failed to construct 'Request': constructor parameter 2 is not of type "
                "'RequestInitializerDict or Request'.")
RESPONSE_INIT = "Failed to construct 'Response': constructor parameter 2 is not of type 'InitializerDict or Response'."
RESPONSE_JSON_INIT = "Failed to execute 'json' on 'Response': parameter 2 is not of type 'InitializerDict or Response'."


#: the members of workerd's Request and Response initializer dictionaries (http.h JSG_STRUCT)
_INIT_FIELDS = ("method", "headers", "body", "redirect", "fetcher", "cf", "cache", "integrity", "signal",
                "encodeResponseBody", "status", "statusText", "webSocket", "encodeBody")
_INIT_DEFAULTS = "a GET, status 200, no headers"


def init_options(init: Any, kwargs: dict[str, Any], refusal: str = FETCH_INIT) -> dict[str, Any]:
    """The init dictionary of a JS constructor call, as Pyodide builds it.

    Keyword arguments become one object appended as the last argument; the explicit init
    may be a JS object or a ``Map`` (whose entries JavaScript does not see); any other JS
    object (an ``Array``, a ``Headers``) and ``null`` have none of the fields: the defaults.
    """
    options: dict[str, Any] = {}
    if isinstance(init, JsDoubleProxy):  # create_proxy(dict): the dict's PyProxy
        init = init.unwrap()
    if isinstance(init, JsRequest):  # workerd's Request::Initializer: another Request reads as its
        options.update(method=init.method, redirect=init.redirect, signal=init.signal, cf=init.cf,
                       headers=JsHeaders(init.headers),  # fields, its body not taken but shared: reading
                       body=None if init._body is None else JsBuffer(init._body), _body_of=init,  # one stream
                       encodeResponseBody=init._encode_response_body, _cache_mode=init._cache_mode,
                       fetcher=jsnull if init._fetcher is None else init._fetcher)
    elif isinstance(init, JsResponse):  # Response::Initializer: another Response's status, text, headers
        options.update(status=init.status, headers=JsHeaders(init.headers), webSocket=init._web_socket,
                       encodeBody=init._encode_body, cf=init.cf)  # and its encodeBody and cf (workerd http.c++)
        if init.statusText:
            options["statusText"] = init.statusText
    elif isinstance(init, JsObject):
        options.update(_present(init._props))
    elif isinstance(init, JsLiteralMap):  # to_js(dict) from Pyodide 0.27: its keys are properties
        options.update(_present(init.read_properties()))
    elif isinstance(init, JsObjectMap):  # obj.as_object_map(): JavaScript is handed the object itself
        options.update(_present(init._object._props))
    elif isinstance(init, dict) and not is_dict_subclass_proxy(init):  # a PyProxy: its keys from Pyodide 0.28
        options.update(pyproxy_options(init, "init object of this call", _INIT_DEFAULTS))
    elif isinstance(init, (str, int, float)):  # Pyodide hands these over as JS primitives: no object
        raise js_type_error(refusal)
    elif not (init is None or init is jsnull or isinstance(init, JsProxy)):  # any other Python object's
        options.update(_present(pyproxy_attributes(init, _INIT_FIELDS, "init object of this call",  # PyProxy:
                                                   _INIT_DEFAULTS)))  # its attributes, in every era
    # else null, a Map, or another JS object -- an Array (what to_js(d, dict_converter=lambda e: e)
    # makes), a Headers, a URL, a function: workerd's dictionary wrapper takes any object and reads
    # the fields by name (jsg/struct.h StructWrapper::tryUnwrap), these have none, so the defaults apply
    options.update(_present(kwargs))
    _check_members(options, "InitializerDict" if refusal in (RESPONSE_INIT, RESPONSE_JSON_INIT)
                   else "RequestInitializerDict")
    return options


def copied_cf(cf: Any) -> Any:
    """The ``cf`` a Request or Response takes from its init (or from the Request or Response it
    is made of, or cloned from): a JSON copy of a JavaScript object (workerd's
    ``CfProperty::deepClone``: a ``Date`` in it is its ISO text, a function left out, a BigInt
    ``TypeError: Do not know how to serialize a BigInt``, changes to either not seen by the
    other); a function, whose JSON is ``undefined``, V8's ``SyntaxError: "undefined" is not valid
    JSON`` (wrangler dev 4.164.0, a Request's and a Response's). A Python dict or list (``cf={...}``
    as a keyword argument reaches JavaScript as a PyProxy) is copied the same way, as
    ``JSON.stringify`` writes its PyProxy: its keys from Pyodide 0.28 (``None`` values dropped),
    ``{}`` on 0.26 -- measured on 0.26.0a4, 0.28.2 and 314.0.6 under Node -- so the Worker's later
    changes to the dict are not seen, and ``cf`` reads back a JS object."""
    if getattr(type(cf), "typeof", None) == "function" or (callable(cf) and not isinstance(cf, JsProxy)):
        # a JavaScript function, create_proxy(a callable), or a Python callable -- a PyProxy function
        raise JsException('"undefined" is not valid JSON', name="SyntaxError")
    if is_python_container(cf) or is_container_subclass_proxy(cf):
        cf = pyproxy_json(cf, "cf of a Request or Response init")
    return json_parse(js_json_dumps(cf)) if isinstance(cf, (JsObject, JsArray)) else cf


def _check_members(options: dict[str, Any], dictionary: str) -> None:
    """jsg's reading of an init's ``headers`` and ``cf``: ``null`` or another primitive there is
    its ``TypeError``, before the constructor runs (wrangler dev 4.164.0)."""
    for member, kind in (("headers", "Headers or Sequence or object"), ("cf", "Object")):
        value = options.get(member)
        if value is jsnull or isinstance(value, (str, int, float)):
            raise js_type_error(f"Incorrect type for the '{member}' field on '{dictionary}': the provided value is "
                                f"not of type '{kind}'.")


def _present(members: dict[str, Any]) -> dict[str, Any]:
    """The members a WebIDL dictionary reads: one whose value is ``undefined`` -- Python's ``None``,
    as Pyodide converts it in ``to_js`` and in keyword arguments -- is absent, so its default (or
    an input Request's own) applies: ``method=None`` is a GET, ``headers=None`` keeps a Request's."""
    return {name: value for name, value in members.items() if value is not None}


def _request_url(text: str) -> str:
    """The URL ``new Request(text)`` keeps: parsed and serialized by the WHATWG parser, a URL it
    cannot parse (no scheme, a space in the host, ...) being ``TypeError: Invalid URL: <text>``
    (http.c++); before ``fetch_standard_url`` (2024-06-03) the string as given, whatever it is,
    which ``fetch`` parses its own way (runtime/legacyurl.py)."""
    if not _standard_url():
        return text
    try:
        return JsURL(text).href
    except JsException:
        raise js_type_error(f"Invalid URL: {text}") from None


def _standard_url() -> bool:
    """Whether the running Worker has ``fetch_standard_url`` (outside a Worker: yes)."""
    return getattr(current_runtime(), "fetch_standard_url", True)


def _serialized(url: str) -> str:
    """A request URL as ``new Request(url).url`` gives it back: parsed and serialized (scheme and
    host lower-cased, the default port and ``.``/``..`` segments dropped, WHATWG's escapes)."""
    try:
        return JsURL(url).href
    except JsException:
        return url  # not an absolute URL: left as given


#: the methods workerd's ``Request`` takes (kj's HTTP methods but CONNECT), case-insensitively
#: the methods workerd (kj's HttpMethod) knows: an init's other method is its TypeError
HTTP_METHODS = frozenset({
    "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "PURGE", "OPTIONS", "TRACE", "COPY", "LOCK", "MKCOL", "MOVE",
    "PROPFIND", "PROPPATCH", "SEARCH", "UNLOCK", "ACL", "REPORT", "MKACTIVITY", "CHECKOUT", "MERGE", "MSEARCH",
    "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE", "QUERY",
})  # (kj's names: ``MSEARCH``, not ``M-SEARCH``; ``QUERY`` too -- workerd 1.20261117.1 and 1.20261201.1, measured)
#: the methods the Fetch standard upper-cases (http.c++): before ``upper_case_all_http_methods``
#: (2024-10-14) another one written in lower case (``patch``) is refused
_SPEC_UPPER_CASED = frozenset({"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"})


def _signal(value: Any) -> Any:
    """A ``signal`` init member: an ``AbortSignal``, or ``null``/``undefined`` for none."""
    if value is None or value is jsnull:
        return None
    if not isinstance(value, JsAbortSignal):
        raise js_type_error("Incorrect type for the 'signal' field on 'RequestInitializerDict': the provided value is "
                            "not of type 'AbortSignal'.")
    return value


def _upper_cases_all_methods() -> bool:
    """Whether the running Worker has ``upper_case_all_http_methods`` (2024-10-14); outside a
    Worker, on (the newest dates)."""
    flags = getattr(current_runtime(), "compat_flags", None)
    return flags is None or bool(flags.get("upper_case_all_http_methods"))


def checked_method(method: Any) -> str:
    """An init's ``method`` as workerd's Request constructor reads it (http.c++): a name kj knows
    as written, else upper-cased (ASCII only, kj's ``toUpper``) -- before
    ``upper_case_all_http_methods`` only GET, POST, PUT, DELETE, HEAD and OPTIONS, as the Fetch
    standard says (``patch`` refused, ``Patch`` too, ``Get`` a GET); another is workerd's
    ``TypeError`` naming the text as given (measured: workerd 1.20261117.1 and 1.20261201.1,
    2024-09-01 and 2026-11-01)."""
    text = js_text(method)  # String() of it: a JS null is "null"
    if text in HTTP_METHODS:
        return text
    upper = "".join(c.upper() if "a" <= c <= "z" else c for c in text)
    if upper not in HTTP_METHODS or (upper not in _SPEC_UPPER_CASED and not _upper_cases_all_methods()):
        raise js_type_error(f"Invalid HTTP method string: {text}")
    return upper


def _redirect_error_mode() -> bool:
    """Whether the running Worker has ``fetch_redirect_error`` (workerd 1.20261201.1, on from
    2026-12-22), which lets a Request's ``redirect`` be ``"error"``; outside a Worker, off (its date
    is after the newest workerd's newest date, 2026-12-15)."""
    flags = getattr(current_runtime(), "compat_flags", None)
    return bool(flags and flags.get("fetch_redirect_error"))


def checked_redirect(redirect: Any) -> Any:
    """An init's ``redirect``: ``"follow"``, ``"manual"``, with ``fetch_redirect_error``
    ``"error"``, or none; another is workerd 1.20261201.1's ``TypeError`` (http.c++
    ``Request::constructor``), which without the flag names it (measured)."""
    if redirect is None:
        return redirect
    if isinstance(redirect, str) and redirect.isascii() and redirect.lower() in ("follow", "manual"):  # strcasecmp (http.c++),
        return redirect.lower()  # "FOLLOW" read back "follow"; "error" only so written (1.20261201.1, measured)
    if not _redirect_error_mode():
        raise js_type_error('Invalid redirect value. Use "follow" or "manual". To use "error", enable the '
                            "fetch_redirect_error compatibility flag.")
    if redirect != "error":
        raise js_type_error('Invalid redirect value, must be one of "follow", "manual", or "error".')
    return redirect


_GET_WITH_BODY = "Request with a GET or HEAD method cannot have a body."
#: an input Request whose body was used, the init giving none (http.c++ ``Request::constructor``)
_USED_INPUT = "Cannot reconstruct a Request with a used body."


def leave_locked(body: Any) -> None:
    """A ReadableStream a fetch sent as its init's body is left locked, as the pump that read it
    leaves it (wrangler dev 4.164.0 reads ``locked`` true after ``fetch``, ``env.ASSETS.fetch`` and
    a service's ``fetch`` took it, whatever they answered; false after a refusal: left57)."""
    if isinstance(body, JsReadableStream) and not body.locked:
        body.getReader()


def refuse_request_init(input: Any, options: dict[str, Any]) -> None:  # noqa: A002 - JS name
    """Throw what workerd's Request constructor refuses of ``(input, init)`` -- the init read by
    :func:`init_options`, its ``cache`` already checked -- in its order (http.c++
    ``Request::constructor``, after jsg has read the ``signal``): a non-empty ``integrity``, a
    ``method`` it does not know, bad ``headers``, a GET or HEAD with a body (the init's, even
    ``""`` or a stream; ``null`` is none; the input Request's when the init names a method),
    a ``redirect`` the Worker's flags do not take, a bad ``encodeResponseBody`` -- after an input
    Request whose body was used when the init gives no body (not even ``null``). The one source of these refusals for ``new
    Request``, ``fetch`` and every Fetcher's ``fetch`` (``env.ASSETS``, service bindings:
    runtime/fetchredirect.py's ``refuse_init``), which build that Request first. A refusal
    leaves an input Request's body unused (``bodyUsed`` false): workerd 1.20261123.1 and
    1.20261201.1 read the whole init before taking it (wd70; 1.20261117.1, wrangler 4.164.0's, had
    taken it first); nothing is changed (tools/wrangler/fetcher_init_refusals_probe.py) but
    ``options["headers"]``, made the ``Headers`` the Request then takes."""
    _signal(options.get("signal"))
    if isinstance(input, JsRequest) and "body" not in options and input.bodyUsed:  # (the input, before the init)
        raise js_type_error(_USED_INPUT)
    checked_integrity(options.get("integrity"))
    method = checked_method(options["method"]) if "method" in options else \
        input.method if isinstance(input, JsRequest) else "GET"
    if "headers" in options:  # made once, here (an iterator read twice would be empty the second time)
        options["headers"] = JsHeaders(options["headers"])
    if "_cache_mode" in options:  # a Request as the init: its fields, as they are (http.c++)
        return
    # (below, workerd's order: the body, redirect, encodeResponseBody, then the input's body)
    given = options.get("body")
    has_body = given is not None and given is not jsnull
    if has_body and method in ("GET", "HEAD"):
        raise js_type_error(_GET_WITH_BODY)
    checked_redirect(options.get("redirect"))
    checked_mode(options.get("encodeResponseBody"), "encodeResponseBody")
    if "method" in options and "body" not in options and method in ("GET", "HEAD") and \
            isinstance(input, JsRequest) and input._body is not None:
        raise js_type_error(_GET_WITH_BODY)


class JsRequest(_Body):
    """The JS ``Request`` an incoming HTTP request becomes."""

    _js_name = "Request"
    _not_js = frozenset({"fetcher", "from_options"})  # workers-env's own (``dir()`` leaves them out)
    _read_only = frozenset({"method", "url", "headers", "redirect", "signal", "cf", "body", "bodyUsed", "fetcher",
                            "integrity", "keepalive", "cache"})

    #: the init's ``encodeResponseBody``: ``"manual"`` leaves the answer's body encoded
    _encode_response_body = "automatic"
    #: the init's ``cache`` mode (``"no-store"``, ``"no-cache"``, ``"reload"``); None: none
    _cache_mode: str | None = None
    #: the init's ``fetcher`` (or the input Request's); None: none, ``fetcher`` reads ``null``
    _fetcher: Any = None
    #: a body ``fetch`` cannot send again (http.c++ ``Body::canRewindBody``: not buffer-backed):
    #: one given as a stream -- a ReadableStream, another body's ``body`` -- or an incoming
    #: request's; a redirect that would send it again fails (runtime/fetchredirect.py)
    _one_time_body: bool = False

    def __init__(self, url: str, *, method: str = "GET", headers: Any = None, body: Any = None, cf: Any = None,
                 redirect: str = "follow", signal: Any = None):
        method = str(method).upper()
        _refuse_disturbed(body)
        source = body.handed_over() if isinstance(body, _BodyStream) else None
        data, implied_type = (source._body, None) if source is not None else _extract_body(body)
        if data is not None and method in ("GET", "HEAD"):
            raise js_type_error(_GET_WITH_BODY)
        self.url = _serialized(url)
        self.method = method
        self.headers = JsHeaders(headers)
        if implied_type is not None and not self.headers.has("content-type"):
            self.headers.set("content-type", implied_type)
        self.cf = cf
        self._body = data
        self.bodyUsed = False
        self.redirect = redirect
        self.signal = signal if signal is not None else no_request_signal()  # every Request has one
        self._one_time_body = data is not None and isinstance(body, JsReadableStream)
        self._length_unknown = data is not None and _length_unknown(body, source)
        if source is not None:
            self._share_body(source)

    @staticmethod
    def new(input: Any, init: Any = None) -> JsRequest:  # noqa: A002 - JS name
        """``new Request(input, init)``: an input Request whose body the init does not replace
        gives it to the new one and is left used (``bodyUsed``, its reads ``Body has already been
        used``), as workerd's constructor takes it (http.c++; wrangler dev 4.164.0: leftovers58)."""
        options = init_options(init, {}, REQUEST_INIT)
        made = JsRequest.from_options(input, options)
        if isinstance(input, JsRequest) and input._body is not None and "body" not in options:
            input.bodyUsed = True
        return made

    @staticmethod
    def from_options(input: Any, options: dict[str, Any]) -> JsRequest:  # noqa: A002 - JS name
        """``new Request(input, init)`` of an init already read as JavaScript reads it
        (:func:`init_options`): what ``Request.new`` and ``fetch`` share."""
        body_of = options.pop("_body_of", None)
        if body_of is not None:
            made = JsRequest.from_options(input, options)
            made._share_body(body_of)
            made._one_time_body = body_of._one_time_body  # the same body, rewindable or not
            return made
        # the init dictionary's validate(): cache (and cf.cacheControl), then encodeResponseBody;
        # a Request given as the init is read as its fields, its cache mode unchecked (http.c++)
        init_is_request = "_cache_mode" in options
        cache = options.pop("_cache_mode") if init_is_request else checked_cache(options)
        made = JsRequest._from_options(input, options)  # (refuse_request_init first: the constructor's order)
        mode = checked_mode(options.get("encodeResponseBody"), "encodeResponseBody")
        if "fetcher" in options:  # an init's fetcher (null: none), else the input Request's (http.c++)
            made._fetcher = None if options["fetcher"] is jsnull else options["fetcher"]
        elif isinstance(input, JsRequest):
            made._fetcher = input._fetcher
        made._encode_response_body = mode  # an input Request's is not taken, only an init's (workerd)
        if cache is not None or init_is_request:  # a Request as the init gives its own, none too
            made._cache_mode = cache
        elif isinstance(input, JsRequest):  # the input Request's, unless the init names one
            made._cache_mode = input._cache_mode
        return made

    @staticmethod
    def _from_options(input: Any, options: dict[str, Any]) -> JsRequest:  # noqa: A002 - JS name
        if "body" in options:
            options["body"] = _crossed_body(options["body"])
        url = input.url if isinstance(input, JsRequest) else _request_url(js_text(input))
        refuse_request_init(input, options)
        if "method" in options:
            options["method"] = checked_method(options["method"])
        redirect = checked_redirect(options.get("redirect"))
        if isinstance(input, JsRequest):
            base = input
            made = JsRequest(
                url,
                method=options.get("method", base.method),
                headers=options.get("headers", base.headers),
                body=options.get("body", base._body),
                cf=copied_cf(options.get("cf", base.cf)),
                redirect=redirect or base.redirect,
                signal=_signal(options.get("signal", base.signal)),
            )
            if "body" not in options:  # the input Request's body, rewindable or not, its length known or not
                made._one_time_body = base._one_time_body
                made._length_unknown = base._length_unknown and made._body is not None
        else:
            made = JsRequest(
                url,
                method=options.get("method", "GET"),
                headers=options.get("headers"),
                body=options.get("body"),
                cf=copied_cf(options.get("cf")),
                redirect=redirect or "follow",
                signal=_signal(options.get("signal")),
            )
        made.url = url  # as read above: before fetch_standard_url, the string as given
        return made

    @property
    def cache(self) -> str | None:
        """The init's ``cache`` mode (``undefined`` without one); no such property before
        ``cache_option_enabled`` (2024-11-11), as workerd defines it only with that flag."""
        return cache_property(self._cache_mode)

    @property
    def integrity(self) -> str:
        """workerd checks no subresource integrity and answers the spec's default ``""``."""
        return ""

    @property
    def fetcher(self) -> Any:
        """workerd's ``Request.fetcher`` (``http.h``, a ``kj::Maybe<jsg::Ref<Fetcher>>``): the
        init's ``fetcher`` or the input Request's, else ``null`` -- ``None`` on Pyodide 0.26,
        ``jsnull`` from 0.28."""
        return js_null() if self._fetcher is None else self._fetcher

    @property
    def keepalive(self) -> bool:
        """workerd's hard-coded ``false`` (``http.h``: the standard property, kept without keepalive)."""
        return False

    def clone(self) -> JsRequest:
        self._tee_live()  # (an incoming body a released reader read part of: the rest, read whole)
        self._reopen_closed()
        if self.bodyUsed:
            raise js_type_error(_CLONE_USED)
        copy = JsRequest(self.url, method=self.method, headers=self.headers, body=self._body, cf=copied_cf(self.cf),
                         redirect=self.redirect, signal=self.signal)
        copy.headers._immutable = self.headers._immutable  # (workerd's Headers::clone keeps the guard)
        copy.url = self.url  # the same string (one kept as given, before fetch_standard_url)
        copy._encode_response_body = self._encode_response_body
        copy._cache_mode = self._cache_mode
        copy._fetcher = self._fetcher
        copy._one_time_body = self._one_time_body  # a tee of a stream is a stream
        copy._length_unknown = self._length_unknown
        return copy

    def _inspected(self) -> str:
        """What ``console.log`` prints of it (its ``repr``, Pyodide's, is its toString:
        ``[object Request]``, the base's)."""
        return f"Request {{ method: {self.method!r}, url: {self.url!r} }}"


class JsNextFetcher(JsgObject, JsProxy):
    """The ``Fetcher`` an incoming request carries as its ``fetcher`` (workerd's
    ``global-scope.c++``: one per global scope, on the ``NEXT_CLIENT_CHANNEL`` -- the network):
    its ``fetch(resource, init)`` is the global ``fetch``. Its other methods are not emulated."""

    _js_name = "Fetcher"

    def fetch(self, resource: Any = None, init: Any = None) -> Any:
        # imported here: fetchcalls imports this module
        from workers_env.runtime.fetchcalls import js_fetch

        return js_fetch(resource, init)


#: the Fetcher every incoming request's ``fetcher`` is (and so a Request made from one)
NEXT_FETCHER = JsNextFetcher()


def _unsigned_short(value: Any) -> int:
    """WebIDL's ``unsigned short`` of a status: ``"201"`` is 201, ``200.5`` is 200, ``undefined``
    the default 200 (``null`` is 0, refused by the range check)."""
    if value is None:
        return 200
    number = to_number(value)
    if number != number or number in (float("inf"), float("-inf")):
        return 0
    return int(number) % 65536


class JsResponse(_Body):
    """The JS ``Response`` a handler returns."""

    _js_name = "Response"
    _not_js = frozenset({"raw_body", "pieces"})  # workers-env's own (``dir()`` leaves them out)
    _read_only = frozenset({"status", "statusText", "headers", "ok", "redirected", "url", "type", "body", "bodyUsed",
                            "webSocket", "cf"})
    #: an init's ``cf``; ``undefined`` without one (Pyodide reads a getter's ``undefined`` as None)
    cf: Any = None
    #: the init's ``webSocket`` end; None: none, ``webSocket`` reads ``null``
    _web_socket: Any = None

    def __init__(self, body: Any = None, init: Any = None, **kwargs: Any):
        options = init_options(init, kwargs, RESPONSE_INIT)
        status = _unsigned_short(options.get("status", 200))
        web_socket = options.get("webSocket")
        if web_socket is jsnull:
            web_socket = None
        if web_socket is None and not 200 <= status <= 599:
            raise JsException(
                "Responses may only be constructed with status codes in the range 200 to 599, inclusive.",
                name="RangeError",
            )
        if web_socket is not None and status != 101:  # workerd's http.c++, as wrangler dev 4.164.0 words it
            raise JsException("Responses with a WebSocket must have status code 101.", name="RangeError")
        _refuse_disturbed(body)
        live = live_source(body)
        source = body.handed_over() if isinstance(body, _BodyStream) else None
        kept: tuple[bytes, list[bytes]] | None = None  # (a binding's stream of unknown length: its chunks, for dev)
        data: bytes | None
        implied_type: str | None
        if live is None and source is None and isinstance(body, JsReadableStream) and _length_unknown(body, None):
            pieces = body.read_chunks()
            data, implied_type = b"".join(pieces), None
            if len(pieces) > 1:
                kept = (data, [p for p in pieces if p])
        else:
            data, implied_type = ((None, None) if live is not None else (source._body, None) if source is not None
                                  else _extract_body(body))
        if (data is not None or live is not None) and status in _NULL_BODY_STATUSES:
            # workerd: a stream or a non-empty buffer is refused; a zero-length buffer is allowed
            # with a console warning and treated as no body (its Workers-beta leniency)
            if data or isinstance(body, JsReadableStream):
                raise js_type_error("Response with null body status (101, 204, 205, or 304) cannot have a body.")
            logging.getLogger("workers_env.runtime").warning(
                "Constructing a Response with a null body status (%d) and a non-null, zero-length body. This is "
                "technically incorrect, and we recommend you update your code to explicitly pass in a `null` body, "
                "e.g. `new Response(null, { status: %d, ... })`. (We continue to allow the zero-length body behavior "
                "because it was previously the only way to construct a Response with a null body status. This "
                "behavior may change in the future.)", status, status, extra=WORKERD_WARNING)
            data = None
        self.status = status
        given = options.get("statusText")
        # workerd (wrangler dev 4.164.0, any compatibility date) answers "" when none was given
        if is_python_container(given) or isinstance(given, (bytes, bytearray)):  # a PyProxy, whose
            given = str(given)  # String() is Python's str() (Pyodide's PyProxy.toString)
        self.statusText = "" if given is None else js_text(given)
        self._status_text_given = given is not None  # (none: a Fetcher's caller gets workerd's phrase)
        if any(c in self.statusText for c in "\r\n"):
            raise js_type_error("Invalid statusText")
        self.headers = JsHeaders(options.get("headers"))
        if implied_type is not None and data is not None and not self.headers.has("content-type"):
            self.headers.set("content-type", implied_type)
        self._body = data
        if kept is not None:
            self._pieces = kept
        self._live = live
        if live is not None and isinstance(body, JsReadableStream):  # the stream given is the body's own
            self.__dict__["_live_stream"] = body  # (workerd keeps the ReadableStream: its source's cancel...)
        self._length_unknown = (data is not None or live is not None) and _length_unknown(body, source)
        self.bodyUsed = False
        self.url = ""
        self.type = "default"
        self.redirected = False
        self._web_socket = web_socket
        #: ``encodeBody``: ``"manual"`` sends the body as given, whatever its ``Content-Encoding``
        self._encode_body = checked_mode(options.get("encodeBody"), "encodeBody")
        if options.get("cf") is not None:  # an init's cf is the Response's (undefined without one)
            self.cf = copied_cf(options["cf"])
        if source is not None and data is not None:
            self._share_body(source)

    @property
    def ok(self) -> bool:
        return 200 <= self.status <= 299

    @property
    def webSocket(self) -> Any:  # noqa: N802 - JS name
        """workerd's ``Response.webSocket`` (``http.h``, a ``kj::Maybe<jsg::Ref<WebSocket>>``): the
        init's end, else ``null`` -- ``None`` on Pyodide 0.26, ``jsnull`` from 0.28."""
        return js_null() if self._web_socket is None else self._web_socket

    @staticmethod
    def new(body: Any = None, init: Any = None) -> JsResponse:
        return JsResponse(_crossed_body(body), init)

    @staticmethod
    def json(data: Any, init: Any = None) -> JsResponse:  # type: ignore[override]
        """``Response.json(data, init)`` (static); instances read their body with ``json()``."""
        options = init_options(init, {}, RESPONSE_JSON_INIT)
        headers = JsHeaders(options.get("headers"))
        if not headers.has("content-type"):
            headers.set("content-type", "application/json")
        options["headers"] = headers
        if is_python_container(data) or is_container_subclass_proxy(data):  # an unconverted Python container: a PyProxy
            data = pyproxy_json(data, "call to Response.json()")
        # JSON.stringify(undefined) is undefined, which workerd's toJson writes as "undefined"
        # a Python 2**53 - 1 is a BigInt there, as Pyodide sends it: JSON.stringify's TypeError
        return JsResponse("undefined" if data is None else js_json_dumps(_jsvalues.crossing(data)), JsObject(options))

    @staticmethod
    def error() -> JsResponse:
        """``Response.error()``: a network error -- status 0, type ``"error"``, no body."""
        response = JsResponse()
        response.status, response.type = 0, "error"
        return response

    @staticmethod
    def redirect(url: Any, status: Any = 302) -> JsResponse:
        """``Response.redirect(url, status)``: ``Location`` is the URL parsed and serialized, as
        workerd does (``response_redirect_url_standard``, the default since 2023-03-14) -- a
        relative URL is a ``TypeError`` there, whatever a browser would do with it."""
        if status is None:
            status = 302
        if status not in (301, 302, 303, 307, 308) or isinstance(status, bool):
            raise JsException(f"{_jsvalues.js_string(status)} is not a redirect status code. "
                              "It must be one of: 301, 302, 303, 307, or 308.", name="RangeError")
        try:
            location = JsURL(url).href
        except JsException:
            raise js_type_error(f"Unable to parse URL: {js_text(url)}") from None
        response = JsResponse(None, JsObject({"status": status, "headers": JsObject({"location": location})}))
        response.headers.immutable()  # (Headers::Guard::IMMUTABLE)
        return response

    def clone(self) -> JsResponse:
        if self._web_socket is not None:
            raise js_type_error("Cannot clone a response to a WebSocket handshake.")
        branch = self._tee_live()
        self._reopen_closed()
        if self.bodyUsed:
            raise js_type_error(_CLONE_USED)
        copy = JsResponse(None, JsObject({"status": self.status, "statusText": self.statusText, "headers": self.headers}))
        copy.headers._immutable = self.headers._immutable  # (workerd's Headers::clone keeps the guard)
        encoded = self.encoded()  # workerd tees the stream as received; encodeBody is not copied
        if branch is not None:
            copy._take_live(branch)
        elif encoded is not None:
            copy.set_encoded(*encoded)
        else:
            copy._body = self._body
        # workerd's clone copies the URL list, so the clone's url and redirected are the original's
        copy.url, copy.redirected = self.url, self.redirected
        copy._length_unknown = self._length_unknown
        return copy

    def raw_body(self) -> bytes:
        """The whole body for sending over HTTP (does not mark it used)."""
        return self._body or b""

    def pieces(self) -> list[bytes]:
        """:meth:`raw_body` in the chunks it came in, when it was given as a stream of unknown
        length (a binding's server-sent events), else whole."""
        kept = self._pieces
        return kept[1] if kept is not None and kept[0] is self._body else [self.raw_body()]

    def _inspected(self) -> str:
        """What ``console.log`` prints of it (its ``repr``, Pyodide's, is its toString:
        ``[object Response]``, the base's)."""
        return f"Response {{ status: {self.status} }}"


class _StaticJson:
    """``Response.json`` is static in JavaScript, yet instances read their body with ``json()``."""

    def __init__(self, static: Any):
        self._static = static

    def __get__(self, obj: JsResponse | None, owner: type) -> Any:
        if obj is None:
            return self._static
        return lambda: _Body.json(obj)


JsResponse.json = _StaticJson(JsResponse.__dict__["json"].__func__)  # type: ignore[assignment,method-assign]
