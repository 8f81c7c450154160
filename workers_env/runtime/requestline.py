"""What ``workers-env dev`` accepts of a request's head, and how it refuses the rest, as ``wrangler dev``.

h11 (the HTTP layer under uvicorn) refuses more than ``wrangler dev``'s front server and refuses it
otherwise. Checked side by side with ``wrangler dev`` 4.164.0 (``tools/wrangler/http_differential.py``):

- a request-target with UTF-8 bytes (``GET /café``) is served, the bytes percent-encoded (the URL
  parser would encode them anyway); one with bytes that are not UTF-8, a control byte or ``DEL``
  is a 400 ``invalid URI``;
- empty lines before the request line are skipped (RFC 9112 section 2.2);
- only ``HTTP/1.0`` and ``HTTP/1.1`` are served (``HTTP/2.0``, ``http/1.1``: 400
  ``invalid HTTP version parsed``);
- a malformed head gets the front server's 400 and its text (``invalid content-length parsed``,
  ``invalid transfer-encoding parsed``, ``invalid HTTP header parsed`` -- a folded header line
  too, which h11 would unfold --, ...); a request with no
  ``Host`` workerd's bare ``400 Bad Request``, one with two ``Host`` headers its bare 500.

:class:`FrontConnection` is the h11 connection that reads request lines this way; :func:`refusal`
the bytes that answer what it (or h11) refused.
"""

from __future__ import annotations

import re
from typing import Any

import h11

__all__ = ["FrontConnection", "refusal"]

_TOKEN = re.compile(rb"[-!#$%&'*+.^_`|~0-9A-Za-z]+")
_VERSIONS = (b"HTTP/1.0", b"HTTP/1.1")

#: the front server's texts (hyper's ``Parse`` errors), by what h11 or the request-line check raised
_BAD_METHOD = "invalid HTTP method parsed"
_BAD_URI = "invalid URI"
_BAD_VERSION = "invalid HTTP version parsed"
_BAD_HEADER = "invalid HTTP header parsed"
_BAD_LENGTH = "invalid content-length parsed"
_BAD_TRANSFER_ENCODING = "invalid transfer-encoding parsed"
_H11_TEXTS = {
    "bad Content-Length": _BAD_LENGTH,
    "conflicting Content-Length headers": _BAD_LENGTH,
    "Only Transfer-Encoding: chunked is supported": _BAD_TRANSFER_ENCODING,
}


def _checked_request_line(line: bytes) -> bytes:
    """``line`` with the target's UTF-8 bytes percent-encoded, or h11's ``LocalProtocolError``
    carrying the front server's text for what is wrong with it."""
    method, sp1, rest = line.partition(b" ")
    if not sp1 or not _TOKEN.fullmatch(method):
        raise h11.LocalProtocolError(_BAD_METHOD)
    target, sp2, version = rest.partition(b" ")
    if not target or any(b < 0x21 or b == 0x7F for b in target):
        raise h11.LocalProtocolError(_BAD_URI)
    try:
        target.decode("utf-8")
    except UnicodeDecodeError:
        raise h11.LocalProtocolError(_BAD_URI) from None
    if not sp2 or version not in _VERSIONS:
        raise h11.LocalProtocolError(_BAD_VERSION)
    encoded = b"".join(b"%%%02X" % b if b >= 0x80 else bytes((b,)) for b in target)
    return method + b" " + encoded + b" " + version


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
        return reader(buf)
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
        return found


def refusal(error: str) -> bytes | None:
    """The whole answer (the connection then closed) to a request whose head was refused with
    h11's or :func:`_checked_request_line`'s ``error``; None for an error not measured."""
    if error == "Missing mandatory Host: header":  # workerd's bare 400
        return b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 11\r\n\r\nBad Request"
    if error == "Found multiple Host: headers":  # workerd reads "a, b" as the host, which no URL takes
        return (b"HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 21\r\n\r\n"
                b"Internal Server Error")
    text = _H11_TEXTS.get(error, error)
    if text not in (_BAD_METHOD, _BAD_URI, _BAD_VERSION, _BAD_HEADER, _BAD_LENGTH, _BAD_TRANSFER_ENCODING):
        return None  # anything else h11 refuses gets uvicorn's answer
    body = text.encode("ascii")
    return (b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
