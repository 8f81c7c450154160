"""How ``fetch`` follows a redirect, as workerd's http.c++ ``handleHttpRedirectResponse`` does.

An answer of status 301, 302, 303, 307 or 308 with a non-empty ``Location`` (an empty one is no
``Location``: the answer is the response, as ``wrangler dev`` 4.164.0 gives it) is followed unless
the request said ``redirect: "manual"``. Its ``Location`` is read against the current URL -- from
``fetch_standard_url`` (2024-06-03) by the WHATWG parser, whose ``href`` kj's parser then reads
again; before it by kj's own ``Url::tryParseRelative`` (runtime/legacyurl.py) -- and what cannot
be read is ``TypeError: Invalid Location header; unable to follow redirect.``. After 20 redirects
the next is ``TypeError: Too many redirects.`` followed by the URLs so far. From
``strip_authorization_on_cross_origin_redirect`` (2025-09-01) a redirect to another origin drops
the request's ``Authorization``. A request whose body cannot be sent again -- given as a stream
or an incoming request's (``JsRequest._one_time_body``) -- fails at any redirect but a 303 (even
one that would drop the body) with workerd's ``TypeError`` saying so. A POST meeting 301 or 302, or anything but HEAD meeting 303, goes
on as a GET without its body (its headers, ``Content-Type`` among them, kept); any other request
is sent again as it was. Measured by ``tools/wrangler/fetch_redirect_differential.py``. A request
whose ``redirect`` is ``"error"`` (``fetch_redirect_error``, workerd 1.20261201.1) fails at an answer
of any of those statuses, a ``Location`` or none (:func:`redirect_error`; measured with that workerd).

A Fetcher binding's answer (``env.ASSETS``, a service binding, a Durable Object stub) is followed
the same way, each ``Location`` fetched again through that same binding
(:func:`follow_through_fetcher`): even one naming another host or scheme -- the binding is asked
for ``http://other.example/...`` or ``ftp://x/y``, nothing leaves it for the network, and no
scheme is refused (measured under ``wrangler dev`` 4.164.0 with a service binding and
``env.ASSETS``).
"""

from __future__ import annotations

import warnings
from collections.abc import Awaitable, Callable
from typing import Any

from workers_env._errors import JsException, NotEmulatedError, PyProxyWarning
from workers_env.runtime import swallowed
from workers_env.runtime.abort import JsAbortSignal, subrequest_signal
from workers_env.runtime.current import current_runtime
from workers_env.runtime.jsglobals import JsURL
from workers_env.runtime.jsreadable import JsReadableStream
from workers_env.runtime.cachemode import checked_cache, subrequest_cache_headers
from workers_env.runtime.jsweb import FETCHER_INIT, JsRequest, JsResponse, init_options, refuse_request_init
from workers_env.runtime.legacyurl import LegacyUrl, fetch_cannot_load, parse_legacy_url

__all__ = ["MAX_REDIRECT_COUNT", "REDIRECT_STATUSES", "crosses_origin", "follow_through_fetcher", "location_url", "sent_body",
           "method_after", "one_time_body_refusal", "redirect_error", "redirect_hop", "refuse_if_aborted", "refuse_init", "scheme_refusal",
           "too_many_redirects"]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECT_COUNT = 20  # http.c++ MAX_REDIRECT_COUNT


def _type_error(message: str) -> JsException:
    return JsException(message, name="TypeError")


def _invalid_location() -> JsException:
    return _type_error("Invalid Location header; unable to follow redirect.")


def location_url(current: LegacyUrl, location: str, standard: bool) -> LegacyUrl:
    """The URL a redirect from ``current`` to ``location`` goes to, as kj holds it; an unreadable
    ``location`` is workerd's ``TypeError``."""
    if standard:
        try:
            href = JsURL(location, current.full_href()).href
        except JsException:
            raise _invalid_location() from None
        resolved = parse_legacy_url(href)
    else:
        resolved = current.resolve(location)
    if resolved is None:
        raise _invalid_location()
    return resolved


def redirect_error(status: int, mode: str) -> JsException | None:
    """workerd 1.20261201.1's ``TypeError`` for an answer of a redirect status to a request whose
    ``redirect`` is ``"error"`` -- before its ``Location`` is read (none, an empty or an unreadable
    one: the same error), and before a one-time body's refusal -- or None."""
    if mode != "error" or status not in REDIRECT_STATUSES:
        return None
    return _type_error('Received a redirect response with redirect mode set to "error".')


def too_many_redirects(urls: list[LegacyUrl]) -> JsException:
    """workerd's error for the redirect after the 20th: its message runs on into the URL list
    (kj's exception details, each URL as kj writes it)."""
    return _type_error("Too many redirects." + ", ".join(url.full_href() for url in urls))


def crosses_origin(current: LegacyUrl, location: str) -> bool:
    """Whether ``location`` names another origin than ``current`` (both read by the WHATWG
    parser, as workerd does for ``strip_authorization_on_cross_origin_redirect`` in either era)."""
    base = current.full_href()
    try:
        here = JsURL(base)
    except JsException:
        raise _type_error("Invalid current URL; unable to follow redirect.") from None
    try:
        there = JsURL(location, base)
    except JsException:
        raise _invalid_location() from None
    return bool(here.origin != there.origin)


def one_time_body_refusal(status: int, one_time_body: bool) -> JsException | None:
    """workerd's ``TypeError`` for a redirect other than 303 of a request whose body is not
    buffer-backed (http.c++: ``status != 303 && !jsRequest->canRewindBody()``, checked before
    a 301 or 302 turns a POST into a GET), or None (measured under ``wrangler dev`` 4.164.0)."""
    if status == 303 or not one_time_body:
        return None
    return _type_error("A request with a one-time-use body (it was initialized from a stream, not a buffer) "
                       "encountered a redirect requiring the body to be retransmitted. To avoid this error "
                       "in the future, construct this request from a buffer-like body initializer.")


def method_after(status: int, method: str) -> str | None:
    """``GET`` when the redirect turns the request into a GET without its body, else None (the
    request is sent again as it was)."""
    if (status in (301, 302) and method == "POST") or (status == 303 and method != "HEAD"):
        return "GET"
    return None


def redirect_hop(urls: list[LegacyUrl], status: int, location: str, method: str, *, one_time_body: bool,
                 standard: bool, strip_authorization: bool) -> tuple[bool, bool]:
    """One redirect of the URL list ``urls`` (http.c++ ``handleHttpRedirectResponse``): the
    ``Location``'s URL appended, after refusing an unparsable one, a 21st redirect and a one-time
    body that would be sent again. Returns whether ``Authorization`` goes (across origins, when
    ``strip_authorization``) and whether the request becomes a GET without its body
    (:func:`method_after`). Both ``fetch`` and a Fetcher binding's redirects take this step."""
    url = urls[-1]
    target = location_url(url, location, standard)
    if len(urls) - 1 >= MAX_REDIRECT_COUNT:
        raise too_many_redirects(urls)
    drop_authorization = strip_authorization and crosses_origin(url, location)
    urls.append(target)
    refusal = one_time_body_refusal(status, one_time_body)
    if refusal is not None:
        raise refusal
    return drop_authorization, method_after(status, method) is not None


def scheme_refusal(url: LegacyUrl) -> JsException | None:
    """A redirect to a scheme other than ``http``/``https`` (in any case: kj keeps ``HTTP`` as
    written, and it is sent) fails as ``TypeError: Fetch API cannot load: <url>``, measured under
    ``wrangler dev`` 4.164.0 (``ftp://...``; ``mailto:x@y`` before ``fetch_standard_url``)."""
    if url.scheme.lower() in ("http", "https"):
        return None
    return _type_error(fetch_cannot_load(url.href()))


def refuse_init(resource: Any, init: Any) -> JsRequest | None:
    """Throw what workerd's ``Fetcher.fetch(resource, init)`` refuses as it builds a Request of
    them for every Fetcher, before the binding is asked (http.c++ ``fetchImpl``): the init's
    ``cache`` by era (and ``cf.cacheControl`` beside it), then the Request constructor's own
    refusals (:func:`~workers_env.runtime.jsweb.refuse_request_init`, which ``new Request`` and
    ``fetch`` run too: a GET or HEAD with a body, a bad method, header, ``signal``, ``redirect``,
    ``integrity``), and ``cache: "no-store"`` -- the init's or the Request's -- with a
    ``cf.cacheTtl`` other than ``-1`` (``serializeCfBlobJson``). Only checked: the binding gets the
    arguments as given (a refused input Request's body is left unused, as workerd 1.20261123.1 on leaves it).
    Returns the input Request whose body that Request takes (none when the init gives a body or
    is a Request): the caller leaves it used once the binding has it, as workerd does."""
    options = init_options(init, {}, FETCHER_INIT) if init is not None else {}
    mode = checked_cache(options)
    with warnings.catch_warnings():  # (only checked: the binding's Request, made of the init, warns)
        warnings.simplefilter("ignore", PyProxyWarning)
        refuse_request_init(resource, options)
    if mode is None and isinstance(resource, JsRequest):
        mode = resource._cache_mode
    subrequest_cache_headers(mode, options["cf"] if "cf" in options else getattr(resource, "cf", None), {})
    takes_body = isinstance(resource, JsRequest) and resource._body is not None and "body" not in options \
        and "_cache_mode" not in options
    return resource if takes_body else None


def sent_body(init: Any) -> Any:
    """The body a Fetcher's ``fetch(resource, init)`` sends from its init (a ReadableStream there is
    left locked once the binding has had it: jsweb's ``leave_locked``), or None."""
    return init_options(init, {}, FETCHER_INIT).get("body") if init is not None else None


def refuse_if_aborted(resource: Any, init: Any) -> None:
    """Throw the reason of the ``signal`` a Fetcher binding's ``fetch(resource, init)`` carries
    (the init's, else the Request's) when it has aborted already: workerd asks the binding
    nothing then (http.c++ ``fetchImplNoOutputLock``); an incoming request's is none, as for ``fetch``."""
    signal = init_options(init, {}, FETCHER_INIT).get("signal", getattr(resource, "signal", None))
    if isinstance(signal, JsAbortSignal):
        subrequest_signal(signal).throwIfAborted()


def _binding_request(resource: Any, init: Any) -> tuple[JsRequest, bool]:
    """The Request a Fetcher's ``fetch(resource, init)`` made (http.c++ ``fetchImpl``), rebuilt
    once the binding has answered a redirect, and whether its body was one-time-use (a stream:
    the binding has read it, so the rebuilt one has none)."""
    options = init_options(init, {}, FETCHER_INIT)
    given = options.get("_body_of")
    if "body" in options:
        body = options["body"]
        one_time = isinstance(body, JsReadableStream) or (isinstance(given, JsRequest) and given._one_time_body)
    else:
        one_time = isinstance(resource, JsRequest) and resource._one_time_body and resource._body is not None
    if one_time:
        options.pop("_body_of", None)
        options["body"] = None
    return JsRequest.from_options(resource, options), one_time


async def follow_through_fetcher(resource: Any, init: Any, answer: JsResponse,
                                 send: Callable[[JsRequest], Awaitable[JsResponse]]) -> JsResponse:
    """A Fetcher binding's ``answer`` to ``fetch(resource, init)``, its redirects followed as
    workerd follows them -- each sent by ``send`` through the same binding, as a Request to the
    ``Location`` (any host, any scheme: nothing leaves the binding), with :func:`method_after`'s
    method, without ``Authorization`` across origins, a one-time body refused as for ``fetch`` and
    the 21st redirect ``Too many redirects.`` -- unless ``redirect: "manual"`` (``"error"``:
    :func:`redirect_error`); a ``signal``
    aborted by the time an answer comes fails it with the signal's reason, the next hop unasked.
    The answer's ``url`` is the last URL asked (the request's own when there was no redirect,
    without its fragment) and ``redirected`` whether there was more than one -- not the ``url`` or
    ``redirected`` of the Response the binding made (one of its own ``fetch``, say)."""
    redirect = answer.status in REDIRECT_STATUSES and bool(answer.headers.get("location"))
    try:
        request, one_time = _binding_request(resource, init)
    except (JsException, NotEmulatedError) as exc:
        if redirect:
            raise
        swallowed.escaped(exc)  # workers-env's own question, not the Worker's code going on past it
        return answer  # what the binding took as it was (a body still being written, say) is answered as is
    signal = subrequest_signal(request.signal)
    signal.throwIfAborted()  # aborted by the time the binding answered (http.c++ handleHttpResponse)
    first = parse_legacy_url(request.url)
    # the caller's own Response (makeHttpResponse): not what the Response the binding made said
    answer.url, answer.redirected = request.url if first is None else first.href(), False
    refusal = redirect_error(answer.status, request.redirect)
    if refusal is not None:
        raise refusal
    if not redirect or request.redirect != "follow" or first is None:
        return _answer_to(request.method, answer)
    runtime = current_runtime()
    standard = getattr(runtime, "fetch_standard_url", True)
    strip_authorization = getattr(runtime, "strip_authorization_on_redirect", True)
    urls = [first]
    method, headers, data = request.method, request.headers, request._body
    while True:
        location = answer.headers.get("location") if answer.status in REDIRECT_STATUSES else None
        if not location:
            break
        drop_authorization, to_get = redirect_hop(urls, answer.status, location, method, one_time_body=one_time,
                                                  standard=standard, strip_authorization=strip_authorization)
        if drop_authorization:
            headers = type(headers)([(k, v) for k, v in headers.items() if k.lower() != "authorization"])
        if to_get:
            method, data, one_time = "GET", None, False
        answer = await send(JsRequest(urls[-1].href(), method=method, headers=headers, body=data, cf=request.cf,
                                      redirect="manual", signal=request.signal))
        signal.throwIfAborted()  # nothing more is asked once it is aborted
    answer.redirected = len(urls) > 1
    answer.url = urls[-1].href()
    return _answer_to(method, answer)


def _answer_to(method: str, answer: JsResponse) -> JsResponse:
    """``answer`` as the caller's Response has it: an answer to HEAD has a ``null`` body whatever the
    binding's had (http.c++ ``makeHttpResponse``, the Fetch spec's main fetch step 21; wrangler dev
    4.164.0: a service's answer to HEAD reads ``""``, the callee's ``"HEAD "`` dropped; left57). A
    body still being written (a stream) is left to its writer: only one held whole is dropped."""
    if method == "HEAD" and answer._body is not None and answer._live is None:
        answer.__dict__.pop("_stream", None)
        answer._body = None
        answer._length_unknown = False
    return answer
