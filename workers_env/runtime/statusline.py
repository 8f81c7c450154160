"""The reason phrase of ``workers-env dev``'s status lines, as workerd writes them.

workerd sends a response's ``statusText`` when the Worker gave one (``HTTP/1.1 200 Fine``),
otherwise its own table (``defaultStatusText`` in ``src/workerd/api/http.c++``: RFC 7231's
phrases, ``I'm a teapot``, then the class name, ``Server Error`` for an unknown 5xx) --
checked under ``wrangler dev`` 4.164.0. uvicorn would write Python's ``http.HTTPStatus``
phrases, which change between Python versions (3.13 renamed 413 and 422). So the dev server
hands the phrase to :class:`ReasonConnection` in a private header, which sets it on the way
out and never sends the header.
"""

from __future__ import annotations

from typing import Any

import h11

__all__ = ["BARE_HEAD_HEADER", "REASON_HEADER", "ReasonConnection", "default_status_text", "reason_value"]

#: a response's reason phrase, from the dev server's ASGI app to the connection (never sent),
#: between two ``|`` so that a phrase of spaces passes h11's header checks (use :func:`reason_value`)
REASON_HEADER = b"x-workers-env-reason"
#: marks an answer to HEAD sent with no framing header at all, as KJ sends one whose Worker named
#: no Content-Length (h11 would add ``Transfer-Encoding: chunked``, mirroring a GET); never sent
BARE_HEAD_HEADER = b"x-workers-env-bare-head"


def reason_value(text: bytes) -> bytes:
    """:data:`REASON_HEADER`'s value for the phrase ``text``."""
    return b"|" + text + b"|"

_TEXTS = {
    100: "Continue", 101: "Switching Protocols", 102: "Processing", 103: "Early Hints",
    200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information", 204: "No Content",
    205: "Reset Content", 206: "Partial Content", 207: "Multi-Status", 208: "Already Reported", 226: "IM Used",
    300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
    305: "Use Proxy", 307: "Temporary Redirect", 308: "Permanent Redirect",
    400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required",
    408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed",
    413: "Payload Too Large", 414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable",
    417: "Expectation Failed", 418: "I'm a teapot", 421: "Misdirected Request", 422: "Unprocessable Entity",
    423: "Locked", 424: "Failed Dependency", 426: "Upgrade Required", 428: "Precondition Required",
    429: "Too Many Requests", 431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
    504: "Gateway Timeout", 505: "HTTP Version Not Supported", 506: "Variant Also Negotiates",
    507: "Insufficient Storage", 508: "Loop Detected", 510: "Not Extended", 511: "Network Authentication Required",
}
_CLASSES = {2: "Successful", 3: "Redirection", 4: "Client Error", 5: "Server Error"}


def default_status_text(status: int) -> str:
    """workerd's ``defaultStatusText(status)``."""
    return _TEXTS.get(status) or _CLASSES.get(status // 100, "")


def _chunked_first(head: bytes) -> bytes:
    """A response head with h11's ``Transfer-Encoding: chunked`` (which it writes last) where KJ
    writes it: first, the place of its builtin framing headers (wrangler dev 4.164.0)."""
    line = b"\r\nTransfer-Encoding: chunked\r\n"
    status, found, rest = head.partition(b"\r\n")
    if line not in found + rest:
        return head
    return status + line + (found + rest).replace(line, b"\r\n", 1)[2:]


#: the name a response's ``Host`` goes to h11 under, which writes a ``Host`` first whatever the order
#: given (a request's rule, RFC 9112 3.2); KJ writes it in its header table's place
_HOST_STANDIN = b"Host~workers-env"


class ReasonConnection:
    """An ``h11.Connection`` whose responses carry the reason phrase of :data:`REASON_HEADER`
    (or workerd's default for the status), the header itself dropped."""

    def __init__(self, conn: h11.Connection):
        self._conn = conn
        #: the request-target of the request being answered, as the client sent it (uvicorn's
        #: scope splits it at ``?`` and loses an empty query and an absolute form's authority)
        self.target: bytes = b""
        #: why the last request's head was refused (h11's ``RemoteProtocolError`` text), if it was;
        #: None when what failed was a body (a chunk, a trailer): the front server's 400 is for heads
        self.refused: str | None = None
        self._http10 = False  # the request being answered is HTTP/1.0 ...
        self._http10_keep_alive = False  # ... and asked to keep the connection
        self._chunked = False  # the response being sent goes chunked
        #: each header name of the request being answered as the client spelt it first, by its
        #: lower case (h11 hands them on lower-cased; workerd keeps a name as it came)
        self.names: dict[str, str] = {}

    def next_event(self) -> Any:
        reading_head = self._conn.their_state is h11.IDLE
        try:
            event = self._conn.next_event()
        except h11.RemoteProtocolError as exc:
            self.refused = str(exc) if reading_head else None
            raise
        if isinstance(event, h11.Request):
            self.target = event.target
            self.names = {}
            for raw, _value in event.headers.raw_items():
                self.names.setdefault(raw.decode("latin-1").lower(), raw.decode("latin-1"))
            self._http10 = event.http_version == b"1.0"
            self._http10_keep_alive = self._http10 and any(
                name == b"connection" and b"keep-alive" in value.lower() for name, value in event.headers)
        return event

    def send(self, event: Any) -> bytes | None:
        bare = False
        if isinstance(event, h11.Response):
            reason = default_status_text(event.status_code).encode("latin-1")
            headers = []
            for name, value in event.headers.raw_items():
                if name.lower() == REASON_HEADER:
                    reason = value[1:-1]  # (reason_value's bars off)
                elif name.lower() == BARE_HEAD_HEADER:
                    bare = True
                elif name.lower() == b"host":
                    headers.append((_HOST_STANDIN, value))
                else:
                    headers.append((name, value))
            event = h11.Response(status_code=event.status_code, headers=headers, reason=reason,
                                 http_version=event.http_version)
        data = self._conn.send(event)
        if isinstance(event, h11.Response) and data is not None:
            data = data.replace(b"\r\n" + _HOST_STANDIN + b": ", b"\r\nHost: ")
        if bare and data is not None:  # h11 frames a HEAD answer as the GET's; KJ sends none
            data = data.replace(b"\r\nTransfer-Encoding: chunked\r\n", b"\r\n", 1)
        elif isinstance(event, h11.Response) and data is not None:
            data = _chunked_first(data)
        if isinstance(event, h11.Response):
            self._chunked = data is not None and b"\r\ntransfer-encoding: chunked\r\n" in data.lower()
        elif isinstance(event, h11.Data) and self._chunked and data:  # KJ writes a chunk's size in
            size, crlf, rest = data.partition(b"\r\n")  # upper-case hex (2E, not h11's 2e), as wrangler
            data = size.upper() + crlf + rest  # dev 4.164.0 sends it
        if self._http10 and isinstance(event, h11.Response) and data is not None:
            data = self._as_http10(data)
        return data

    def _as_http10(self, head: bytes) -> bytes:
        """An answer to an HTTP/1.0 request as wrangler dev 4.164.0 sends it: ``HTTP/1.0`` in
        its status line (h11 writes ``HTTP/1.1`` whatever the client spoke) and no ``Connection:
        close`` (closing is HTTP/1.0's default) -- kept when the client asked to keep the
        connection, which h11 never does for HTTP/1.0."""
        status, _, rest = head.partition(b"\r\n")
        lines = rest.split(b"\r\n")
        if not self._http10_keep_alive:
            lines = [line for line in lines if line.lower() != b"connection: close"]
        return b"\r\n".join([b"HTTP/1.0" + status[len(b"HTTP/1.1"):], *lines])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)
