"""The request a Worker receives: the one ``worker.fetch()`` builds from its arguments (checked
first, as a test passes them), and any request made one workerd hands a Worker
(:func:`as_received`, the dev server's too).

Also the words for an argument of the wrong kind that the Worker API's other calls share
(:func:`_misused`, :func:`_shown`). Apart from
:mod:`~workers_env.runtime.loadedworker`: building a request needs nothing of a loaded Worker.
"""

from __future__ import annotations

import json as _json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from workers_env._deep import MAX_CONVERSION_DEPTH
from workers_env._errors import users_mistake
from workers_env._jsontext import surrogate_pairs_joined
from workers_env._jsvalues import well_formed
from workers_env._sendchecks import nests_deeper_than
from workers_env.runtime.jsweb import HTTP_METHODS, NEXT_FETCHER, JsRequest
from workers_env.runtime.requestcf import incoming_cf


_BASE_URL = "http://localhost"


def _misused(call: str, takes: str, value: Any) -> TypeError:
    """The ``TypeError`` for a test's call of the :class:`Worker` API with an argument of the
    wrong kind (``worker.fetch(method=None)``), saying what the argument takes; marked as the
    user's mistake, so a traceback ends at the test's line."""
    return users_mistake(TypeError(f"{call} takes {takes}, got {type(value).__name__}"))


def _check_request_arguments(url: Any, method: Any, headers: Any, cf: Any = None) -> None:
    """``worker.fetch()``'s arguments, checked before a request is built from them."""
    if cf is not None:
        takes = 'a dict of request.cf properties ({"country": "DE"})'
        if not isinstance(cf, Mapping):
            raise _misused("worker.fetch(cf=...)", takes, cf)
        # request.cf is JSON data in production (Cloudflare's, Miniflare's): JSON.parse of it; a
        # Worker reading one nested past what workers-env converts would meet NotEmulatedError, so it
        # is refused here, on every Python (Python's json writes such a one from 3.13)
        deeper = "it nests deeper than workers-env converts (about 1,000 levels)"
        if nests_deeper_than(dict(cf), MAX_CONVERSION_DEPTH):
            raise users_mistake(TypeError(f"worker.fetch(cf=...) takes {takes} of JSON data: {deeper}"))
        try:
            _json.dumps(dict(cf))
        except (TypeError, ValueError, RecursionError) as exc:  # (json's own depth limit: before 3.13)
            reason = deeper if isinstance(exc, RecursionError) else str(exc)
            raise users_mistake(TypeError(f"worker.fetch(cf=...) takes {takes} of JSON data: {reason}")) from None
    if not isinstance(url, str):
        raise _misused("worker.fetch()", 'the URL or path as a str (worker.fetch("/search"))', url)
    if not isinstance(method, str):
        raise _misused("worker.fetch(method=...)", 'an HTTP method as a str ("POST")', method)
    if method.upper() not in HTTP_METHODS and method.upper() != "CONNECT":
        raise users_mistake(ValueError(f"worker.fetch(method=...) takes an HTTP method workerd receives "
                                       f"({', '.join(sorted(HTTP_METHODS))}), got {_shown(method)}"))
    pairs = headers.items() if isinstance(headers, Mapping) else headers if isinstance(headers, (list, tuple)) else None
    if headers is not None and (pairs is None or not all(
            (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], str)) if isinstance(headers, Mapping)
            else (isinstance(pair, (list, tuple)) and len(pair) == 2 and isinstance(pair[0], str)) for pair in pairs)):
        raise users_mistake(TypeError(
            "worker.fetch(headers=...) takes a dict of header names (str) to values, or a list of (name, value) "
            f"pairs; got {type(headers).__name__} {_shown(headers)}"))
    for name, value in pairs or ():
        if value is None:  # Pyodide's undefined, which workerd's Headers would write as the text "undefined"
            raise users_mistake(TypeError(
                f"worker.fetch(headers=...) got None for the header {name!r}: a request carries every header's "
                "value as text, so there is no header without one (None would reach workerd's Headers as "
                "JavaScript's undefined, and arrive as the text 'undefined'). Leave the header out to send none, "
                "or give its text (\"\" for an empty value)"))


def _shown(value: Any) -> str:
    """A short text of ``value`` for a message: its repr cut to 80 characters, or its type
    where that repr cannot be made (a value nested past the recursion limit)."""
    try:
        text = repr(value)
    except RecursionError:
        return f"(a {type(value).__name__} nested too deeply to show)"
    return text if len(text) <= 80 else text[:77] + "..."


def _text_sent(text: str) -> str:
    """``text`` as the UTF-8 a JavaScript string converts to holds it: a surrogate pair the one
    character it stands for, a lone surrogate U+FFFD."""
    return text if text.isascii() else well_formed(surrogate_pairs_joined(text))


def build_request(
    url: str = "/",
    *,
    method: str = "GET",
    headers: Mapping[str, str] | list[tuple[str, str]] | None = None,
    body: str | bytes | None = None,
    json: Any = None,
    cf: Mapping[str, Any] | None = None,
) -> JsRequest:
    """The JS request a worker receives for ``url`` (a path is taken relative to localhost),
    with a ``Host`` header naming the URL's host unless one is given: every request reaching a
    Worker has one (FastAPI's ``request.base_url`` and Django's ``get_host()`` read it);
    ``Accept-Encoding: br, gzip``, as in Workers; and a body's ``Content-Length``, as an HTTP
    client sends it (a Worker's size guard reads it); ``request.cf`` as ``wrangler dev`` gives it
    offline, with ``cf`` laid over it."""
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", url):  # a path (its query may hold "://")
        url = _BASE_URL + (url if url.startswith("/") else "/" + url)
    pairs = list(headers.items()) if isinstance(headers, Mapping) else list(headers or [])
    # a str's lone surrogate (no HTTP client sends one) is U+FFFD, as a JS string converts to bytes
    pairs = [(k, _text_sent(v) if isinstance(v, str) else v) for k, v in pairs]
    if isinstance(body, str):
        body = _text_sent(body)
    if not any(k.lower() == "host" for k, _ in pairs):
        host = urlsplit(url).netloc.rpartition("@")[2]
        if host:
            pairs.insert(0, ("host", host))
    # as Miniflare's entry worker sets it on every request: always "br, gzip" in Workers (the
    # client's own goes to request.cf.clientAcceptEncoding)
    accept_encoding = next((v for k, v in pairs if k.lower() == "accept-encoding"), None)
    pairs = [(k, v) for k, v in pairs if k.lower() != "accept-encoding"] + [("accept-encoding", "br, gzip")]
    if json is not None:
        if body is not None:
            raise users_mistake(ValueError("give either body or json, not both"))
        try:
            body = _json.dumps(json)
        except (TypeError, ValueError, RecursionError) as exc:
            # (a body is text: as deep as this Python's json writes -- from 3.13 far past 1,000 levels,
            # a little under it before)
            reason = ("it nests deeper than this Python's json module writes" if isinstance(exc, RecursionError)
                      else str(exc))
            raise users_mistake(TypeError(f"worker.fetch(json=...) takes JSON data (dicts, lists, str, numbers, "
                                          f"booleans, None): {reason}")) from None
        if not any(k.lower() == "content-type" for k, _ in pairs):
            pairs.append(("content-type", "application/json"))
    if isinstance(body, (str, bytes, bytearray, memoryview)) and not any(k.lower() == "content-length" for k, _ in pairs):
        size = len(body.encode("utf-8", errors="surrogatepass")) if isinstance(body, str) else memoryview(body).nbytes
        pairs.append(("content-length", str(size)))
    # redirect "manual", as workerd makes every incoming Request (global-scope.c++): a Worker
    # that hands it to fetch() passes a redirect on rather than following it
    request = JsRequest(url, method=method, headers=pairs, body=body, cf=incoming_cf(cf, accept_encoding=accept_encoding),
                        redirect="manual")
    return as_received(request)


def as_received(request: JsRequest) -> JsRequest:
    """``request`` as workerd hands a Worker a request it received (global-scope.c++), for
    ``worker.fetch`` and ``workers-env dev`` alike: it carries the global scope's Fetcher, its
    body is a one-time stream from the client, its headers are guarded (``Guard::REQUEST``)."""
    request._fetcher = NEXT_FETCHER
    request._one_time_body = request._body is not None
    request.headers.immutable()
    return request
