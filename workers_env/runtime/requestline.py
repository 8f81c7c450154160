"""What ``workers-env dev`` accepts of a request's head, and how it refuses the rest, as ``wrangler dev``.

h11 (the HTTP layer under uvicorn) refuses more than ``wrangler dev``'s front server and refuses it
otherwise. Checked side by side with ``wrangler dev`` 4.164.0 (``tools/wrangler/http_differential.py``):

- a request-target with UTF-8 bytes (``GET /café``) is served, the bytes percent-encoded (the URL
  parser would encode them anyway); one with bytes that are not UTF-8, a control byte or ``DEL``
  is a 400 ``invalid URI``;
  a line that ends after the target (``GET /``) is one too;
- empty lines before the request line are skipped (RFC 9112 section 2.2), also when a line's CR
  and LF come in different reads;
- only ``HTTP/1.0`` and ``HTTP/1.1`` are served (``HTTP/2.0``, ``http/1.1``: 400
  ``invalid HTTP version parsed``; ``HTTP/1.1`` followed by anything, ``invalid HTTP header parsed``);
- a head starting with a byte no method starts with (a space, a TLS handshake) gets ``invalid HTTP
  method parsed`` at once, its line whole or not; a lone CR ``invalid HTTP header parsed``;
- a malformed head gets the front server's 400 and its text (``invalid content-length parsed``,
  ``invalid transfer-encoding parsed``, ``invalid HTTP header parsed`` -- a folded header line
  too, which h11 would unfold --, ...); a request with no
  ``Host`` workerd's bare ``400 Bad Request``, one with two ``Host`` headers its bare 500;
- the front server prints nothing for a head it refuses (uvicorn warns ``Invalid HTTP request
  received.``), but for two ``Host`` headers workerd's ``Invalid URL string.`` line
  (``tools/wrangler/dev_refused_head_log_probe.py``).

:class:`FrontConnection` is the h11 connection that reads request lines this way; :func:`refusal`
the bytes that answer what it (or h11) refused; :class:`QuietRefusals` the log that stays silent.
"""

from __future__ import annotations

import re
from typing import Any

import h11

__all__ = ["TWO_HOSTS", "FrontConnection", "QuietRefusals", "front_connection", "refusal"]

_TOKEN = re.compile(rb"[-!#$%&'*+.^_`|~0-9A-Za-z]+")
_VERSIONS = (b"HTTP/1.0", b"HTTP/1.1")
_NOT_IN_TARGET = re.compile(rb"[\x00-\x20\x7f]")  # a control byte, a space or DEL
_NON_ASCII = re.compile(rb"[\x80-\xff]+")  # a run of them

#: the front server's texts (hyper's ``Parse`` errors), by what h11 or the request-line check raised
_BAD_METHOD = "invalid HTTP method parsed"
_BAD_URI = "invalid URI"
_BAD_VERSION = "invalid HTTP version parsed"
_BAD_HEADER = "invalid HTTP header parsed"
_BAD_LENGTH = "invalid content-length parsed"
_BAD_TRANSFER_ENCODING = "invalid transfer-encoding parsed"
#: what h11 raises of a well-formed field for its value (h11's ``normalize_and_validate``)
_FIELD_VALUE_ERRORS = frozenset({"bad Content-Length", "conflicting Content-Length headers",
                                 "Only Transfer-Encoding: chunked is supported", "multiple Transfer-Encoding headers"})
_H11_TEXTS = {
    "bad Content-Length": _BAD_LENGTH,
    "conflicting Content-Length headers": _BAD_LENGTH,
    "Only Transfer-Encoding: chunked is supported": _BAD_TRANSFER_ENCODING,
}


def _checked_request_line(line: bytes) -> bytes:
    """``line`` with the target's UTF-8 bytes percent-encoded, or h11's ``LocalProtocolError``
    carrying the front server's text for what is wrong with it."""
    if line[:1] == b"\r":  # a CR that no LF follows, where an empty line may stand
        raise h11.LocalProtocolError(_BAD_HEADER)
    method, sp1, rest = line.partition(b" ")
    if not sp1 or not _TOKEN.fullmatch(method):
        raise h11.LocalProtocolError(_BAD_METHOD)
    target, sp2, version = rest.partition(b" ")
    if not sp2 or not target or _NOT_IN_TARGET.search(target):  # ("GET /" and the line ends: the target's end)
        raise h11.LocalProtocolError(_BAD_URI)
    try:
        target.decode("utf-8")
    except UnicodeDecodeError:
        raise h11.LocalProtocolError(_BAD_URI) from None
    if version[:8] in _VERSIONS and len(version) > 8:  # "HTTP/1.1 ", "HTTP/1.10": no line end where one was due
        raise h11.LocalProtocolError(_BAD_HEADER)
    if version not in _VERSIONS:
        raise h11.LocalProtocolError(_BAD_VERSION)
    if not target.isascii():  # (by runs, in C: a long target costs no Python loop per byte)
        target = _NON_ASCII.sub(lambda run: b"%" + run[0].hex("%").upper().encode(), target)
    return method + b" " + target + b" " + version


class _Lines:
    """A receive buffer that has already given its lines (for h11's own request reader)."""

    def __init__(self, lines: list[bytearray]):
        self._lines = lines

    def maybe_extract_lines(self) -> list[bytearray]:
        return self._lines

    def is_next_line_obviously_invalid_request_line(self) -> bool:  # pragma: no cover - lines are there
        return False


def _read_request(reader: Any, buf: Any) -> Any:
    """h11's reader of a request's head, with the request line checked and re-encoded first."""
    lines = buf.maybe_extract_lines()
    while lines == []:  # empty lines before the request line are skipped (RFC 9112 2.2), as wrangler dev does
        lines = buf.maybe_extract_lines()
    if lines is None:  # not all there yet
        if not buf.is_next_line_obviously_invalid_request_line():  # (its first byte is not below "!")
            return reader(buf)
        if len(buf) == 1 and bytes(buf) == b"\r":
            return None  # an empty line's CR, its LF still on the way: h11 would refuse it as a request line
        if bytes(buf)[:1] == b"\r":  # a CR that no LF follows (copied once: the connection ends here)
            raise h11.LocalProtocolError(_BAD_HEADER)
        raise h11.LocalProtocolError(_BAD_METHOD)  # a space, a control byte (a TLS handshake): no method begins so
    lines[0] = bytearray(_checked_request_line(bytes(lines[0])))
    if any(line[:1] in (b" ", b"\t") for line in lines[1:]):  # obs-fold, which h11 would unfold
        raise h11.LocalProtocolError(_BAD_HEADER)
    try:
        return reader(_Lines(lines))
    except h11.LocalProtocolError as exc:
        if str(exc).startswith("illegal header line"):
            raise h11.LocalProtocolError(_BAD_HEADER) from None
        raise


class FrontConnection(h11.Connection):
    """h11's server connection reading request lines as ``wrangler dev``'s front server does."""

    def _get_io_object(self, role: Any, event: Any, io_dict: Any) -> Any:
        found = super()._get_io_object(role, event, io_dict)
        if role is h11.CLIENT and found is not None and self.their_state is h11.IDLE:
            return lambda buf: _read_request(found, buf)
        if role is h11.CLIENT and hasattr(found, "_reading_trailer"):  # h11's ChunkedReader
            return _TrailersIgnored(found)
        return found


class _TrailersIgnored:
    """h11's chunked body reader, a request's well-formed trailer fields ignored whatever their
    values, as ``wrangler dev`` 4.164.0 ignores them (a Worker never sees them): h11 would refuse
    the request for a trailer it refuses as a header (``Content-Length: abc``). A trailer line that
    is not a field (no colon, folded) still fails the request, as it fails wrangler dev's."""

    def __init__(self, reader: Any):
        self._reader = reader
        self.read_eof = reader.read_eof  # (h11 asks its body reader for it when the client closes)

    def __call__(self, buf: Any) -> Any:
        try:
            return self._reader(buf)
        except h11.LocalProtocolError as exc:
            # the trailer's lines are read (the message is whole), each a field h11 only judged by value
            if self._reader._reading_trailer and str(exc) in _FIELD_VALUE_ERRORS:
                return h11.EndOfMessage()
            raise


#: h11's text for a head with two ``Host`` headers (workerd reads "a, b" as the host: no URL)
TWO_HOSTS = "Found multiple Host: headers"
#: what uvicorn logs (a warning) before it answers a head h11 refused
_UVICORN_REFUSED = "Invalid HTTP request received."


def refusal(error: str) -> bytes | None:
    """The whole answer (the connection then closed) to a request whose head was refused with
    h11's or :func:`_checked_request_line`'s ``error``; None for an error not measured."""
    if error == "Missing mandatory Host: header":  # workerd's bare 400
        return b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 11\r\n\r\nBad Request"
    if error == TWO_HOSTS:  # workerd reads "a, b" as the host, which no URL takes
        return (b"HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 21\r\n\r\n"
                b"Internal Server Error")
    text = _H11_TEXTS.get(error, error)
    if text not in (_BAD_METHOD, _BAD_URI, _BAD_VERSION, _BAD_HEADER, _BAD_LENGTH, _BAD_TRANSFER_ENCODING):
        return None  # anything else h11 refuses gets uvicorn's answer
    body = text.encode("ascii")
    return (b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (len(body), body))


class QuietRefusals:
    """uvicorn's log for one connection without its warning for a refused head that is answered
    as the front server answers it (:func:`refusal`), which prints nothing for it; ``refused()``
    gives that head's error (h11's text) once h11 refused it. Everything else is uvicorn's log."""

    def __init__(self, logger: Any, refused: Any):
        self._logger = logger
        self._refused = refused

    def __getattr__(self, name: str) -> Any:
        return getattr(self._logger, name)

    def warning(self, msg: Any, *args: Any, **kwargs: Any) -> None:
        if msg == _UVICORN_REFUSED and refusal(self._refused() or "") is not None:
            return
        self._logger.warning(msg, *args, **kwargs)


def _h11_has_what_we_read() -> bool:
    """Whether the installed h11 has the private pieces :class:`FrontConnection` hooks into
    (checked on h11 0.16.0): the connection's reader look-up, the receive buffer's line methods
    and the chunked reader's trailer flag."""
    try:
        from h11._readers import ChunkedReader
        from h11._receivebuffer import ReceiveBuffer
    except ImportError:
        return False
    return (callable(getattr(h11.Connection, "_get_io_object", None))
            and all(callable(getattr(ReceiveBuffer, name, None))
                    for name in ("maybe_extract_lines", "is_next_line_obviously_invalid_request_line"))
            and hasattr(ChunkedReader(), "_reading_trailer"))


H11_HOOKS_PRESENT = _h11_has_what_we_read()


def front_connection(max_incomplete_event_size: int) -> h11.Connection:
    """The server side of one HTTP/1 connection: a :class:`FrontConnection`, or -- should a
    future h11 lack what it hooks into -- h11's own (requests then read as h11 reads them,
    never a server broken on every request)."""
    if H11_HOOKS_PRESENT:
        return FrontConnection(h11.SERVER, max_incomplete_event_size)
    return h11.Connection(h11.SERVER, max_incomplete_event_size)
