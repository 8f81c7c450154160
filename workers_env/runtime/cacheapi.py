"""The Cache API -- ``caches.default`` and ``await caches.open(name)`` -- as ``wrangler dev`` keeps it.

workerd checks the call (``src/workerd/api/cache.c++``: GET only, no 206, no ``Vary: *``, no
error response, a 304 silently ignored, ``ignoreMethod``) and sends it to a cache service;
under ``wrangler dev`` that service is Miniflare's cache worker, which decides what is stored
and for how long with the ``http-cache-semantics`` package (a shared cache; a response with
``Set-Cookie`` is not stored) and answers matches with ``CF-Cache-Status: HIT``, ranges and
conditional 304s. This module is both halves: :class:`CacheStore` (synchronous, thread-safe,
in memory, one per Worker) and the JavaScript objects Worker code holds. Checked against
``wrangler dev`` 4.164.0 by ``tools/wrangler/jsapi_differential.py``.

Production differs in one way this cannot know: on a ``*.workers.dev`` hostname the Cache API
stores nothing (every ``match`` misses); on a custom domain it behaves as here.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import formatdate
from typing import Any

from workers_env._lazyre import lazy_pattern
from workers_env._loglevel import WORKERD_WARNING
from workers_env._errors import JsException, NotEmulatedError
from workers_env.runtime.jsconversions import to_boolean
from workers_env.runtime.jsdate import parse_date
from workers_env.runtime.jsglobals import js_text
from workers_env.runtime.jspromise import promise_call
from workers_env.runtime.jsproxy import JsObject, JsProxy, js_type_error, options_member
from workers_env.runtime.jsreadable import JsgObject
from workers_env.runtime.jsweb import JsRequest, JsResponse

__all__ = ["CacheStore", "JsCache", "JsCacheStorage"]

MAX_CACHE_NAME_LENGTH = 1024  # workerd: a name must be shorter

# http-cache-semantics 4.1.1, as Miniflare bundles it
_UNDERSTOOD = frozenset({200, 203, 204, 300, 301, 302, 303, 307, 308, 404, 405, 410, 414, 501})
_CACHEABLE_BY_DEFAULT = frozenset({200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501})
_HOP_BY_HOP = frozenset({"date", "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
                         "trailer", "transfer-encoding", "upgrade"})
_IMMUTABLE_MIN_TTL = 24 * 3600 * 1000  # the package's default, in milliseconds though used as seconds
_HEURISTIC = 0.1

#: the reason phrases workerd writes on the responses it reads back from the cache service
_REASONS = {200: "OK", 203: "Non-Authoritative Information", 206: "Partial Content",
            300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other",
            304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect", 404: "Not Found",
            405: "Method Not Allowed", 410: "Gone", 414: "URI Too Long", 416: "Range Not Satisfiable",
            501: "Not Implemented"}


_utc_date_pattern = lazy_pattern(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                                 r"\d\d\d\d \d\d:\d\d:\d\d GMT")


_etag_pattern = lazy_pattern(r'(W/)?"(.+)"')
_range_pattern = lazy_pattern(r"bytes=\s*(\d*)\s*-\s*(\d*)\s*")


_log = logging.getLogger("workers_env.runtime")


def _cache_control(header: str | None) -> dict[str, Any]:
    """The package's ``parseCacheControl``: ``{directive: value or True}`` (names as written)."""
    directives: dict[str, Any] = {}
    for part in (header or "").strip().split(",") if header else []:
        name, eq, value = part.partition("=")
        directives[name.strip()] = value.strip().strip('"') if eq else True
    return directives


def _int_or_zero(value: Any) -> int:
    """JavaScript's ``parseInt(s, 10)``, 0 when it is not a number."""
    match = re.match(r"\s*([+-]?\d+)", str(value)) if value not in (None, True) else None
    return int(match.group(1)) if match else 0


def _date_ms(text: str | None) -> float:
    """``Date.parse`` of a header, as the package reads ``Date``, ``Expires`` and
    ``Last-Modified``, in milliseconds (NaN when it is not a date to V8)."""
    return parse_date(text) if text else math.nan


@dataclass
class _Policy:
    """``CachePolicy(request, response, {shared: true})`` for one ``put``."""

    status: int
    headers: dict[str, str]  # the response's, lower-cased names
    authorized: bool  # the request carried Authorization
    now_ms: float

    def __post_init__(self) -> None:
        self.cc = _cache_control(self.headers.get("cache-control"))
        if "cache-control" not in self.headers and "no-cache" in self.headers.get("pragma", ""):
            self.cc["no-cache"] = True

    def storable(self) -> bool:
        cc = self.cc
        return bool(
            self.status in _UNDERSTOOD and not cc.get("no-store") and not cc.get("private")
            and (not self.authorized or cc.get("must-revalidate") or cc.get("public") or cc.get("s-maxage"))
            and (self.headers.get("expires") or cc.get("max-age") or cc.get("s-maxage") or cc.get("public")
                 or self.status in _CACHEABLE_BY_DEFAULT)
        )

    def _explicit_expiration(self) -> bool:
        return bool(self.cc.get("s-maxage") or self.cc.get("max-age") or self.headers.get("expires"))

    def age(self) -> float:
        return float(_int_or_zero(self.headers.get("age")))  # no time has passed since the response

    def max_age(self) -> float:
        cc, headers = self.cc, self.headers
        if (not self.storable() or cc.get("no-cache") or headers.get("vary") == "*"
                or ("set-cookie" in headers and not cc.get("public") and not cc.get("immutable"))):
            return 0
        if cc.get("proxy-revalidate"):
            return 0
        if cc.get("s-maxage"):
            return _int_or_zero(cc["s-maxage"])
        if cc.get("max-age"):
            return _int_or_zero(cc["max-age"])
        minimum = _IMMUTABLE_MIN_TTL if cc.get("immutable") else 0
        server_date = _date_ms(headers.get("date"))
        if math.isnan(server_date):
            server_date = self.now_ms
        if headers.get("expires"):
            expires = _date_ms(headers["expires"])
            return 0 if math.isnan(expires) or expires < server_date else max(minimum, (expires - server_date) / 1000)
        last_modified = _date_ms(headers.get("last-modified"))
        if not math.isnan(last_modified) and server_date > last_modified:
            return max(minimum, (server_date - last_modified) / 1000 * _HEURISTIC)
        return minimum

    def time_to_live_ms(self) -> float:
        left = self.max_age() - self.age()
        return max(0.0, left, left + _int_or_zero(self.cc.get("stale-if-error")),
                   left + _int_or_zero(self.cc.get("stale-while-revalidate"))) * 1000

    def response_headers(self) -> dict[str, str]:
        headers = {k: v for k, v in self.headers.items() if k not in _HOP_BY_HOP}
        for token in self.headers.get("connection", "").split(","):
            headers.pop(token.strip(), None)
        if "warning" in headers:
            kept = [w for w in headers["warning"].split(",") if not re.match(r"\s*1[0-9][0-9]", w)]
            if kept:
                headers["warning"] = ",".join(kept).strip()
            else:
                del headers["warning"]
        age = self.age()
        if age > 86400 and not self._explicit_expiration() and self.max_age() > 86400:
            headers["warning"] = (headers["warning"] + ", " if "warning" in headers else "") + '113 - "rfc7234 5.5.4"'
        headers["age"] = str(math.floor(age + 0.5))
        headers["date"] = formatdate(self.now_ms / 1000, usegmt=True)
        return headers


@dataclass(frozen=True)
class CachedResponse:
    """One stored response: its status, headers and body, and when it expires (ms)."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    expires_ms: float


class CacheStore:
    """Every cache of one Worker: ``{namespace: {key: CachedResponse}}``; expired entries are
    misses. Synchronous and safe to share across threads; ``now_ms`` is the Worker's clock."""

    def __init__(self, now_ms: Callable[[], float]):
        self._now_ms = now_ms
        self._entries: dict[str, dict[str, CachedResponse]] = {}
        self._lock = threading.Lock()

    def now_ms(self) -> float:
        return self._now_ms()

    def put(self, namespace: str, key: str, entry: CachedResponse) -> None:
        with self._lock:
            self._entries.setdefault(namespace, {})[key] = entry

    def get(self, namespace: str, key: str) -> CachedResponse | None:
        with self._lock:
            entries = self._entries.get(namespace, {})
            entry = entries.get(key)
            if entry is not None and entry.expires_ms <= self._now_ms():
                del entries[key]
                return None
            return entry

    def delete(self, namespace: str, key: str) -> bool:
        with self._lock:
            entries = self._entries.get(namespace, {})
            entry = entries.pop(key, None)
            return entry is not None and entry.expires_ms > self._now_ms()


def _unimplemented(method: str, owner: str) -> Callable[..., Any]:
    def call(*_args: Any, **_kwargs: Any) -> Any:
        raise JsException(f"Failed to execute '{method}' on '{owner}': the method is not implemented.")

    call.__name__ = method
    return call


def _request(value: Any) -> JsRequest:
    """``Request::coerce``: a ``Request`` as it is, anything else the URL of a new one."""
    return value if isinstance(value, JsRequest) else JsRequest.new(js_text(value))


def _key(request: JsRequest) -> str:
    """The cache key: ``cf.cacheKey`` when the request names one, else its URL (no fragment:
    an HTTP request does not carry it)."""
    cf = request.cf
    custom = cf._props.get("cacheKey") if isinstance(cf, JsObject) else (
        cf.get("cacheKey") if isinstance(cf, Mapping) else None)
    return js_text(custom) if custom is not None else request.url.partition("#")[0]


def _ignore_method(options: Any) -> bool:
    return to_boolean(options_member(options, "ignoreMethod"))  # jsg's bool: ``null`` false, ``[]`` true


def _match_response(request: JsRequest, entry: CachedResponse) -> JsResponse:
    """Miniflare's ``getMatchResponse``: a 304 for a met condition, a 206 or 416 for a range,
    else the stored response; each with ``CF-Cache-Status: HIT``."""
    headers = [(k, v) for k, v in entry.headers if k != "cf-cache-status"] + [("cf-cache-status", "HIT")]
    stored = dict(headers)
    size = len(entry.body)
    range_header = request.headers.get("range")
    ranges = None
    if isinstance(range_header, str):
        ranges = _ranges(range_header, size)
        if ranges is None:
            return _response(416, [("content-range", f"bytes */{size}"), ("cf-cache-status", "HIT")], b"")
    if_none_match, etag = request.headers.get("if-none-match"), stored.get("etag")
    if isinstance(if_none_match, str) and etag is not None and _etag(etag) is not None:
        if if_none_match.strip() == "*" or any(_etag(tag) == _etag(etag) for tag in if_none_match.split(",")):
            return _response(304, headers, None)
    if_modified_since, last_modified = request.headers.get("if-modified-since"), stored.get("last-modified")
    if isinstance(if_modified_since, str) and last_modified is not None:
        if _utc_date(last_modified) <= _utc_date(if_modified_since):
            return _response(304, headers, None)
    if ranges:
        if len(ranges) > 1:
            raise NotEmulatedError("a Range with several ranges (a multipart/byteranges answer) is not emulated by "
                                   "workers-env's Cache API; ask for one range")
        start, end = ranges[0]
        headers = [(k, v) for k, v in headers if k not in ("content-range", "content-length")]
        headers += [("content-range", f"bytes {start}-{end}/{size}"), ("content-length", str(end - start + 1))]
        return _response(206, headers, entry.body[start:end + 1])
    return _response(entry.status, headers, entry.body)


def _response(status: int, headers: list[tuple[str, str]], body: bytes | None) -> JsResponse:
    response = JsResponse(None, JsObject({"status": 200, "headers": headers}))
    response.status, response.statusText, response._body = status, _REASONS.get(status, ""), body
    response.headers.immutable()  # cache.c++ answers with makeHttpResponse: Headers::Guard::RESPONSE
    return response


def _etag(value: str) -> str | None:
    match = _etag_pattern().fullmatch(value.strip())
    return match.group(2) if match else None


def _utc_date(value: str) -> float:
    return _date_ms(value) if _utc_date_pattern().fullmatch(value) else math.nan


def _ranges(header: str, size: int) -> list[tuple[int, int]] | None:
    """Miniflare's ``parseRanges``: ``[(start, end)]`` inclusive, ``[]`` to ignore the header
    (not ``bytes=``), ``None`` when unsatisfiable."""
    if not header.strip().lower().startswith("bytes="):
        return []
    out = []
    for part in header.strip()[6:].split(","):
        match = _range_pattern().fullmatch("bytes=" + part.strip())
        if match is None:
            return []
        first, last = match.groups()
        if first == "" and last == "":
            return []
        if first == "":  # the last n bytes
            count = int(last)
            if count == 0:
                return None
            out.append((max(size - count, 0), size - 1))
            continue
        start = int(first)
        end = size - 1 if last == "" else min(int(last), size - 1)
        if start > end or start >= size:
            return None
        out.append((start, end))
    return out


class JsCache(JsgObject, JsProxy):
    """A ``Cache``: ``match``, ``put`` and ``delete`` (the rest are workerd's "not implemented")."""

    _js_name = "Cache"

    def __init__(self, store: CacheStore, namespace: str):
        self._store = store
        self._namespace = namespace

    @promise_call
    async def match(self, request: Any, options: Any = None) -> Any:
        """The stored response for ``request`` (a URL or ``Request``), or ``undefined``."""
        js_request = _request(request)
        if js_request.method != "GET" and not _ignore_method(options):
            return None
        entry = self._store.get(self._namespace, _key(js_request))
        return None if entry is None else _match_response(js_request, entry)

    @promise_call
    async def put(self, request: Any, response: Any) -> None:
        """Store ``response`` for ``request`` if HTTP caching rules let a shared cache keep it."""
        if not isinstance(response, JsResponse):
            raise js_type_error("Failed to execute 'put' on 'Cache': parameter 2 is not of type 'Response'.")
        if response.type == "error":
            raise js_type_error("Cache is unable to store an error response")
        js_request = _request(request)
        if js_request.method != "GET":
            raise js_type_error("Cannot cache response to non-GET request.")
        if response.status == 206:
            raise js_type_error("Cannot cache response to a range request (206 Partial Content).")
        vary = response.headers.get("vary")
        if isinstance(vary, str) and "*" in vary:
            raise js_type_error("Cannot cache response with 'Vary: *' header.")
        if response.status == 304:
            _log.warning("Ignoring attempt to Cache.put() a 304 status response. 304 responses are not meaningful "
                         "to cache, and a potential source of bugs. Consider validating that the response status "
                         "is meaningful to cache before calling Cache.put().", extra=WORKERD_WARNING)
            return None
        body = response._consume()
        headers = dict(response.headers.items())
        headers["content-length"] = str(len(body))
        cache_control = headers.get("cache-control", "")
        if "private=set-cookie" in cache_control.lower():  # Miniflare: cacheable without the cookie
            headers["cache-control"] = re.sub(r"private=set-cookie;?", "", cache_control.lower(), flags=re.I)
            headers.pop("set-cookie", None)
        now = self._store.now_ms()
        policy = _Policy(response.status, headers, js_request.headers.has("authorization"), now)
        if not policy.storable() or "set-cookie" in headers or response.status == 204:
            # the cache service declines it; put() resolves all the same (a 204 reaches Miniflare's
            # cache with no body, which its put asserts it has: never stored under wrangler dev 4.164.0)
            return None
        stored = tuple(sorted(policy.response_headers().items()))
        self._store.put(self._namespace, _key(js_request),
                        CachedResponse(response.status, stored, body, now + policy.time_to_live_ms()))
        return None

    @promise_call
    async def delete(self, request: Any, options: Any = None) -> bool:
        """Whether a stored response for ``request`` was removed."""
        js_request = _request(request)
        if js_request.method != "GET" and not _ignore_method(options):
            return False
        return self._store.delete(self._namespace, _key(js_request))

    add = _unimplemented("add", "Cache")
    addAll = _unimplemented("addAll", "Cache")  # noqa: N815 - JS name
    matchAll = _unimplemented("matchAll", "Cache")  # noqa: N815 - JS name
    keys = _unimplemented("keys", "Cache")


class JsCacheStorage(JsgObject, JsProxy):
    """``caches``: ``caches.default`` and ``await caches.open(name)``, one Worker's."""

    _js_name = "CacheStorage"

    def __init__(self, store: CacheStore):
        self._store = store
        self.default = JsCache(store, "default")

    @promise_call
    async def open(self, name: Any) -> JsCache:
        text = js_text(name)
        if len(text.encode("utf-8")) >= MAX_CACHE_NAME_LENGTH:
            raise js_type_error("Cache name is too long.")
        return JsCache(self._store, f"named:{text}")

    has = _unimplemented("has", "CacheStorage")
    keys = _unimplemented("keys", "CacheStorage")
    match = _unimplemented("match", "CacheStorage")
    delete = _unimplemented("delete", "CacheStorage")
