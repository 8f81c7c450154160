"""A WebSocket over ``workers-env dev``'s socket: the handshake and RFC 6455 frames, as workerd's
HTTP server (KJ) speaks them to the client of a Worker that answered with a ``webSocket``.

No protocol library: the server's side of RFC 6455 is small, and ``workers-env dev`` stays
offline and dependency-free. The handshake's refusals are KJ's (measured under ``wrangler dev``
4.164.0): a method other than ``GET`` is ``400``, a version other than 13 (or none) ``426`` with
``Sec-WebSocket-Version: 13``, a missing key ``400``; the Worker has run by then and its end
hears 1006. The 101 carries
``Connection``, ``Upgrade``, ``Sec-WebSocket-Accept`` and then the Worker's own headers, in KJ's
order and spelling (:mod:`.wireheaders`).
``permessage-deflate``, which workerd negotiates under ``web_socket_compression``, is not offered:
the frames' payloads are the same, uncompressed (README, Where we had to choose). A client's frame
breaking RFC 6455 is refused as KJ's ``WebSocketImpl::receive`` refuses it, in its order (a close
frame of 1002 or 1009 with KJ's description; the Worker's end an ``error`` event); what KJ lets
through (unmasked frames, long pings, invalid UTF-8 replaced) passes.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import struct
from collections.abc import Callable
from typing import Any

from workers_env.runtime.jsbuffers import JsBuffer, JsBufferSource
from workers_env.runtime.websockets import MAX_MESSAGE_SIZE, JsCloseEvent, JsWebSocket
from workers_env.runtime.wireheaders import CONNECTION_LEVEL, wire_order

__all__ = ["WireWebSocket", "handshake_refusal", "handshake_response"]

_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, BINARY, CONTINUATION, CLOSE, PING, PONG = 1, 2, 0, 8, 9, 10


class _ProtocolError(Exception):
    """A client's frame breaking RFC 6455, as KJ refuses it: the close code and KJ's description."""

    def __init__(self, code: int, description: str):
        super().__init__(description)
        self.code, self.description = code, description


def handshake_refusal(method: str, headers: Any) -> bytes | None:
    """KJ's answer to a handshake it cannot accept (``None``: it can), its checks in its order:
    the method (a ``HEAD``'s answer without its body), the version, the key."""
    if method != "GET":
        body = b"ERROR: WebSocket must be initiated with a GET request."
        return (b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: %d\r\n"
                b"Content-Type: text/plain\r\n\r\n%s" % (len(body), b"" if method == "HEAD" else body))
    if (headers.get("sec-websocket-version") or "") != "13":
        body = b"ERROR: The requested WebSocket version is not supported."
        return (b"HTTP/1.1 426 Upgrade Required\r\nConnection: close\r\nContent-Length: %d\r\n"
                b"Sec-WebSocket-Version: 13\r\nContent-Type: text/plain\r\n\r\n%s" % (len(body), body))
    if not headers.get("sec-websocket-key"):
        body = b"ERROR: Missing Sec-WebSocket-Key"
        return (b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: %d\r\n"
                b"Content-Type: text/plain\r\n\r\n%s" % (len(body), body))
    return None


def handshake_response(key: str, headers: list[tuple[str, str]]) -> bytes:
    """The 101 for ``key`` as KJ writes it: ``Connection`` and ``Upgrade``, then ``Sec-WebSocket-Accept``
    and the Worker's header ``lines`` (``JsHeaders.lines``, its ``Sec-WebSocket-Extensions`` left
    out: no extension is negotiated) in KJ's order and spelling (:func:`.wire_order`): the indexed
    ones (``Cache-Control``, ``Set-Cookie`` a line each, ``Sec-WebSocket-Protocol``), then the others
    as the Worker spelt them, a line per value (``X-Zed: 1``, ``X-Zed: 3``), as wrangler dev
    4.164.0 writes them (header_wire_probe.py's ``/ws``, 2026-12-05)."""
    accept = base64.b64encode(hashlib.sha1(key.encode("latin-1") + _GUID).digest())  # noqa: S324 - RFC 6455's
    left_out = CONNECTION_LEVEL | {"sec-websocket-accept", "sec-websocket-extensions"}
    given = [(name.encode("ascii"), value.encode("utf-8", "surrogateescape")) for name, value in headers
             if name.isascii() and name.lower() not in left_out]
    lines = [b"HTTP/1.1 101 Switching Protocols", b"Connection: Upgrade", b"Upgrade: websocket"]
    lines += [name + b": " + value for name, value in wire_order([(b"Sec-WebSocket-Accept", accept), *given])]
    return b"\r\n".join(lines) + b"\r\n\r\n"


def _utf8(text: str) -> bytes:
    """A close reason as workerd writes it (V8's UTF-8: a lone surrogate U+FFFD, measured under
    ``wrangler dev`` 4.164.0; a text message keeps it, WTF-8, as KJ sends it)."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace").encode("utf-8")


def _unmasked(payload: bytes, mask: bytes) -> bytes:
    """A client frame's payload XORed with its 4-byte mask (as one integer: a large message at C speed)."""
    size = len(payload)
    key = (mask * (size // 4 + 1))[:size]
    return (int.from_bytes(payload, "big") ^ int.from_bytes(key, "big")).to_bytes(size, "big")


def _frame(opcode: int, payload: bytes) -> bytes:
    """A server frame: final, unmasked."""
    size = len(payload)
    if size < 126:
        head = struct.pack("!BB", 0x80 | opcode, size)
    elif size < 65536:
        head = struct.pack("!BBH", 0x80 | opcode, 126, size)
    else:
        head = struct.pack("!BBQ", 0x80 | opcode, 127, size)
    return head + payload


class WireWebSocket(JsWebSocket):
    """The client's end, coupled to the Worker's: what the client's frames say is sent to the
    Worker, what the Worker sends is written as frames. A close is passed on, not answered here
    (the client answers it, as under workerd); the connection ends once both sides have closed,
    or at once when either goes away (the other hears 1006)."""

    def __init__(self, write: Callable[[bytes], None], close_transport: Callable[[], None]) -> None:
        super().__init__()
        self._binary_blob = False
        self._auto_reply = False
        self._write = write
        self._close_transport = close_transport
        self._buffer = bytearray()
        self._fragments: list[bytes] = []
        self._fragment_type, self._fragment_compressed = TEXT, False
        self.ended: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.accept()
        self._add("message", self._to_client)  # workers-env's own listeners: no borrowed proxies
        self._add("close", self._close_to_client)

    # -- from the Worker --------------------------------------------------------------------
    def _to_client(self, event: Any) -> None:
        data = event.data
        if isinstance(data, JsBufferSource):
            self._write(_frame(BINARY, data.to_bytes()))
        else:
            self._write(_frame(TEXT, str(data).encode("utf-8", "surrogatepass")))

    def _close_to_client(self, event: JsCloseEvent) -> None:
        if not event.wasClean:  # the Worker's end went away: the connection is dropped
            self._end()
            return
        raw = event._raw_reason
        payload = b"" if event.code == 1005 else struct.pack("!H", event.code) + (
            _utf8(event.reason) if raw is None else raw)
        self._write(_frame(CLOSE, payload))
        if self._closed_outgoing:  # the client had closed first: both done
            self._end()

    # -- from the client --------------------------------------------------------------------
    def feed(self, data: bytes) -> None:
        """Bytes from the client: each whole frame acted on."""
        self._buffer += data
        while not self.ended.done():
            try:
                frame = self._next_frame()
                if frame is None:
                    return
                self._act(*frame)
            except _ProtocolError as error:
                self._refuse(error)

    def _next_frame(self) -> tuple[bool, int, bool, bytes] | None:
        """The next whole frame (``None``: not all read yet), its header refused first as KJ's
        ``WebSocketImpl::receive`` refuses it (:class:`_ProtocolError`)."""
        buffer = self._buffer
        if len(buffer) < 2:
            return None
        first, second = buffer[0], buffer[1]
        size, at = second & 0x7F, 2
        if size == 126:
            if len(buffer) < 4:
                return None
            size, at = struct.unpack("!H", buffer[2:4])[0], 4
        elif size == 127:
            if len(buffer) < 10:
                return None
            size, at = struct.unpack("!Q", buffer[2:10])[0], 10
        final, opcode = bool(first & 0x80), first & 0x0F
        if first & 0x30:
            raise _ProtocolError(1002, "Received frame had RSV bits 2 or 3 set")
        limit = self._peer._max_message if self._peer is not None else MAX_MESSAGE_SIZE  # the Worker's flags
        room = limit - sum(len(part) for part in self._fragments)
        if size > room:
            raise _ProtocolError(1009, f"Message is too large: {size} > {room}")
        if opcode == CONTINUATION and not self._fragments:
            raise _ProtocolError(1002, "Unexpected continuation frame")
        if CONTINUATION < opcode < CLOSE and self._fragments:
            raise _ProtocolError(1002, "Missing continuation frame")
        if not final and opcode >= CLOSE:
            raise _ProtocolError(1002, "Received fragmented control frame")
        mask = b""
        if second & 0x80:
            mask, at = bytes(buffer[at:at + 4]), at + 4
        if len(buffer) < at + size:
            return None
        payload = bytes(buffer[at:at + size])
        del buffer[:at + size]  # in place: a message read in many chunks is not copied once a chunk
        if mask:
            payload = _unmasked(payload, mask)
        return final, opcode, bool(first & 0x40), payload

    def _act(self, final: bool, opcode: int, compressed: bool, payload: bytes) -> None:
        if opcode < CLOSE and not final:  # a fragment: the message's kind and compression bit are its first's
            if not self._fragments:
                self._fragment_type, self._fragment_compressed = opcode, compressed
            self._fragments.append(payload)
            return
        if opcode == CONTINUATION:
            opcode, compressed = self._fragment_type, self._fragment_compressed or compressed
            payload, self._fragments = b"".join(self._fragments) + payload, []
        if compressed:
            raise _ProtocolError(1002, "Received a WebSocket frame whose compression bit was set, but the compression "
                                       "extension was not negotiated for this connection.")
        if opcode == PING:
            self._write(_frame(PONG, payload))
        elif opcode == PONG:
            return  # unsolicited: ignored
        elif opcode == CLOSE:
            code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
            raw = payload[2:]  # the Worker reads it as V8 decodes UTF-8 (U+FFFD for each bad sequence);
            reason = raw.decode("utf-8", "replace")  # the automatic reply echoes the bytes (KJ's string)
            already = self._closed_incoming  # the Worker closed first: this is the answer
            self._closed_outgoing = True
            if self._peer is not None:
                self._peer._arrive(("close", code, reason, bytes(raw)))
            if already:
                self._end()
        elif opcode == TEXT:
            self.send(payload.decode("utf-8", "replace"))
        elif opcode == BINARY:
            self.send(JsBuffer(payload))
        else:
            raise _ProtocolError(1002, f"Unknown opcode {opcode}")

    def _refuse(self, error: _ProtocolError) -> None:
        """KJ's answer to a frame breaking RFC 6455: a close frame with the code and description,
        the connection ended, and an ``error`` event (no ``close``) at the Worker's end."""
        self._write(_frame(CLOSE, struct.pack("!H", error.code) + error.description.encode()))
        self._aborted = self._closed_outgoing = self._closed_incoming = True
        if self._peer is not None:
            self._peer._arrive(("error", f"WebSocket protocol error; protocolError.statusCode = {error.code}; "
                                         f"protocolError.description = {error.description}"))
        self._end()

    def lost(self) -> None:
        """The client went away (no close frame, or after it): the Worker hears 1006 if it had not closed."""
        if not self._closed_outgoing:
            self._drop()
        self._end()

    def _end(self) -> None:
        if not self.ended.done():
            self.ended.set_result(None)
            self._close_transport()
