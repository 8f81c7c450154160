"""The head of a response as workerd writes it: KJ's ``HttpHeaders::serialize`` order.

workerd hands a Worker's response headers to KJ, whose header table (``kj::HttpHeaderTable``)
indexes some names: KJ's own builtins, then the names workerd's components register
(``Range``/``Content-Range``, capnp's ``CommonHeaderName`` list, io-thread-context.c++'s bundle,
Miniflare's ``MF-CF-Blob``). KJ writes the indexed headers first, in the table's order and its
spelling (``Content-Type``, ``ETag``, ``WWW-Authenticate``), several values of one joined by
``, `` on one line (``Set-Cookie`` excepted: a line each), then every other header as workerd
hands them over (``JsHeaders.lines``: spelt as the Worker first spelt each, in order of those
spellings' bytes, a line per value). An indexed name's slot holds one string, an empty one
counting as none (KJ's ``StringPtr == nullptr``): a value after an empty one takes its place, an
empty one after a value leaves ``, `` behind (the line's trailing space trimmed: ``Vary: a,``), and
a slot still empty is not written (``ETag: ``, ``Content-Type: `` never go out; an empty
``Set-Cookie`` before the first value neither). Measured under ``wrangler dev`` 4.164.0
(tools/wrangler/header_wire_probe.py, 2026-12-04): ``Content-Length`` first, ``Content-Type``
next, a custom header after ``Set-Cookie``, ``X-Zed`` before ``a-lower``; the empty values
2026-12-05.

A Worker's own ``fetch`` goes out the same way (:func:`request_head`): its body's framing first
(``Content-Length``, or ``Transfer-Encoding: chunked`` for a stream), then ``Host``, then the rest
as above -- ``CF-Worker`` among the unindexed names, in order of its bytes, as Miniflare's
outbound Worker sets it -- and nothing else: no ``Connection``, ``Accept-Encoding`` or
``User-Agent`` of its own (header_wire_probe.py's ``/fetch-*`` paths, 2026-12-05).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["CONNECTION_LEVEL", "INDEXED", "request_head", "wire_order", "with_zone"]

#: the headers KJ writes itself for a connection and drops from a Worker's fetch (a Worker's own
#: ``Connection: keep-alive``, ``Keep-Alive``, ``TE``, ``Trailer``, ``Upgrade: h2c`` never go
#: out: wrangler dev 4.164.0)
CONNECTION_LEVEL = frozenset({"connection", "keep-alive", "te", "trailer", "upgrade", "content-length",
                              "transfer-encoding"})
#: what a Worker's fetch never sends as given: the connection-level headers and its own ``Host``
#: (KJ writes the URL's)
_WRITTEN_BY_KJ = CONNECTION_LEVEL | {"host"}

#: the names KJ's header table indexes under wrangler dev 4.164.0, in its order and spelling
#: (KJ's connection-level builtins -- Connection, Keep-Alive, TE, Trailer, Upgrade -- are the
#: server's and never a Worker's; Transfer-Encoding is placed by the server's HTTP layer)
INDEXED = (
    "Content-Length", "Transfer-Encoding", "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Accept",
    "Sec-WebSocket-Extensions", "Host", "Date", "Location", "Content-Type",
    "Range", "Content-Range",
    # capnp's CommonHeaderName (those not above)
    "Accept-Charset", "Accept-Encoding", "Accept-Language", "Accept-Ranges", "Accept", "Access-Control-Allow-Origin",
    "Age", "Allow", "Authorization", "Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Language",
    "Content-Location", "Cookie", "ETag", "Expect", "Expires", "From", "If-Match", "If-Modified-Since",
    "If-None-Match", "If-Range", "If-Unmodified-Since", "Last-Modified", "Link", "Max-Forwards",
    "Proxy-Authenticate", "Proxy-Authorization", "Referer", "Refresh", "Retry-After", "Server", "Set-Cookie",
    "Strict-Transport-Security", "User-Agent", "Vary", "Via", "WWW-Authenticate",
    # io-thread-context.c++'s HeaderIdBundle (those not above)
    "CF-Cache-Status", "Pragma", "CF-Cache-Namespace", "CF-KV-Metadata", "CF-R2-Error", "CF-R2-Metadata-Size",
    "CF-R2-Request", "CF-Queues-Error-Code", "CF-Queues-Error-Cause", "Sec-WebSocket-Protocol", "CF-Ray", "Origin",
    # workerd's server.c++, as Miniflare configures it
    "MF-CF-Blob",
)
_POSITION = {name.lower(): (index, name) for index, name in enumerate(INDEXED)}


def wire_order(lines: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """``lines`` (names as the Worker's ``Headers`` hand them to KJ, in that order) as KJ writes
    them: the indexed names first, in the table's order and spelling, one line each (values
    joined by ``, ``, ``Set-Cookie``'s apart, an empty slot not written), then the others as they came."""
    indexed: dict[int, list[bytes]] = {}
    others: list[tuple[bytes, bytes]] = []
    for name, value in lines:
        found = _POSITION.get(name.decode("latin-1").lower())
        if found is None:
            others.append((name, value))
        else:
            indexed.setdefault(found[0], []).append(value)
    ordered: list[tuple[bytes, bytes]] = []
    for index in sorted(indexed):
        name = INDEXED[index].encode("ascii")
        values = indexed[index]
        if name == b"Set-Cookie":  # a line each from the first that is not empty
            first = next((i for i, value in enumerate(values) if value), len(values))
            ordered.extend((name, value) for value in values[first:])
            continue
        slot = b""
        for value in values:  # KJ's HttpHeaders::add: an empty slot is taken, a full one extended
            slot = slot + b", " + value if slot else value
        if slot:
            ordered.append((name, slot.rstrip(b" \t")))
    return ordered + others


def with_zone(lines: list[tuple[str, str]], zone: str) -> list[tuple[str, str]]:
    """A fetch's header ``lines`` (names as spelt, in order of their bytes) as Miniflare's outbound
    Worker sends them on: ``CF-Connecting-IP`` deleted, ``CF-Worker`` set to ``zone`` -- spelt as
    the Worker spelt its own, if it sent one -- and put in its place among the others."""
    own = next((name for name, _ in lines if name.lower() == "cf-worker"), "CF-Worker")
    kept = [(name, value) for name, value in lines if name.lower() not in ("cf-worker", "cf-connecting-ip")]
    return sorted([*kept, (own, zone)], key=lambda line: line[0].encode("utf-8", "surrogateescape"))


def request_head(method: str, host: str, body: object, lines: list[tuple[str, str]]) -> list[tuple[bytes, bytes]]:
    """The header lines of a Worker's fetch as workerd writes them (KJ's ``HttpClient::request``):
    the framing -- ``Content-Length`` of a ``bytes`` body, ``Transfer-Encoding: chunked`` of any
    other (a stream's), ``Content-Length: 0`` without one but for GET and HEAD --, ``Host``, then
    ``lines`` (the Worker's, without the connection-level ones) in :func:`wire_order`, values as
    their UTF-8 bytes (a lone surrogate's three)."""
    if body is None:
        framing = [] if method in ("GET", "HEAD") else [("Content-Length", "0")]
    elif isinstance(body, bytes):
        framing = [("Content-Length", str(len(body)))]
    else:
        framing = [("Transfer-Encoding", "chunked")]
    given = [(name, value) for name, value in lines if name.lower() not in _WRITTEN_BY_KJ]
    return wire_order([(name.encode("ascii"), value.encode("utf-8", "surrogateescape"))
                       for name, value in [*framing, ("Host", host), *given]])
