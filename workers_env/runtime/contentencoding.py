"""``Content-Encoding`` as workerd applies it to bodies (``getContentEncoding`` in its
``system-streams.c++``): a body whose header is exactly ``gzip`` -- or ``br`` with the
``brotli_content_encoding`` flag (on from 2024-04-29) -- is decoded when a Worker reads a
``fetch()`` response and encoded when a Worker's response goes out, unless the request said
``encodeResponseBody: "manual"`` or the response ``encodeBody: "manual"``.

gzip is the standard library's. brotli uses the ``brotli`` module when it is importable (it is
optional); without it a response is still sent as valid brotli (uncompressed meta-blocks, which
every brotli decoder reads), but a brotli body cannot be decoded: outgoing fetches then leave
``br`` out of ``Accept-Encoding``, so origins answer gzip or identity.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Mapping
from typing import Any

from workers_env._errors import NotEmulatedError
from workers_env.runtime.jsbase import js_text
from workers_env.runtime.jsproxy import js_type_error

__all__ = ["UNSUPPORTED", "Decoder", "Encoder", "brotli_module", "checked_mode", "content_encoding", "decode_body",
           "negotiated", "without_br"]

_MISSING_BROTLI = ("this body is brotli-encoded (Content-Encoding: br), which production decodes; workers-env needs "
                   "the optional `brotli` module for that (pip install brotli). Or fetch with encodeResponseBody: "
                   "\"manual\" and decode it yourself")


def brotli_module() -> Any:
    """The ``brotli`` module, or ``None`` when it is not installed."""
    try:
        import brotli  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    return brotli


def checked_mode(value: Any, option: str) -> str:
    """An ``encodeBody`` / ``encodeResponseBody`` init member: ``"automatic"`` or ``"manual"``
    (``undefined`` is the default), anything else workerd's ``TypeError``."""
    if value is None:
        return "automatic"
    text = js_text(value)  # String() of it, as jsg reads a kj::String (null is "null")
    if text not in ("automatic", "manual"):
        raise js_type_error(f"{option}: unexpected value: {text}")
    return text


def content_encoding(headers: Any, mode: str, brotli_enabled: bool) -> str | None:
    """workerd's ``getContentEncoding``: ``"gzip"``, ``"br"`` or ``None`` (identity). Only the
    exact lower-case values count: ``GZIP``, ``x-gzip`` or ``gzip, br`` leave the body as it is."""
    if mode == "manual":
        return None
    value = headers.get("content-encoding") if isinstance(headers, Mapping) or hasattr(headers, "get") else None
    if value == "gzip":
        return "gzip"
    if value == "br" and brotli_enabled:
        return "br"
    return None


def decode_body(encoding: str, data: bytes) -> bytes:
    """The body a Worker reads of a ``gzip``/``br`` response, or workerd's ``TypeError`` for
    bytes that do not decode (:class:`Decoder`)."""
    decoder = Decoder(encoding)
    return b"".join(decoder.feed(data) + decoder.end())


class Decoder:
    """Decodes a ``gzip``/``br`` body piece by piece as it arrives, as workerd reads a ``fetch()``
    answer (KJ's ``GzipAsyncInputStream``/``BrotliAsyncInputStream``, system-streams.c++):
    :meth:`feed` gives what a piece decodes to -- in pieces of at most ``piece`` bytes (gzip), so
    a small piece that inflates a lot is not one huge buffer --, :meth:`end` what is left once
    the body is all in. Bytes that do not decode, or a body that stops short of the end of its
    stream (an empty one too: KJ starts at no valid end), are workerd's ``TypeError`` (its
    texts, ``translateKjException``). gzip goes member after member, as KJ resets after each
    end, so bytes after a member that are no gzip fail too. brotli needs the optional ``brotli``
    module (:data:`NotEmulatedError` without it); one without a ``Decompressor`` decodes the
    body at its end."""

    def __init__(self, encoding: str, piece: int = 1 << 16) -> None:
        self.encoding = encoding
        self._piece = piece
        self._inflater = zlib.decompressobj(wbits=31) if encoding == "gzip" else None
        if encoding == "gzip":
            return
        brotli = brotli_module()
        if brotli is None:
            raise NotEmulatedError(_MISSING_BROTLI)
        self._brotli = brotli
        make = getattr(brotli, "Decompressor", None)
        self._unbrotli = make() if make is not None else None
        self._whole: list[bytes] = []  # the body so far, without a Decompressor: decoded at its end

    def feed(self, data: bytes) -> list[bytes]:
        """What ``data``, the next piece of the body, decodes to."""
        if self._inflater is None:
            return self._brotli_feed(data)
        out: list[bytes] = []
        try:
            while data:
                if self._inflater.eof:  # a member ended: the next one starts (KJ's inflateReset)
                    self._inflater = zlib.decompressobj(wbits=31)
                piece = self._inflater.decompress(data, self._piece)
                data = self._inflater.unused_data if self._inflater.eof else self._inflater.unconsumed_tail
                if piece:
                    out.append(piece)
        except zlib.error:
            raise js_type_error("Gzip decompression failed.") from None
        return out

    def end(self) -> list[bytes]:
        """The body is all in: what is left of it, or the error of a stream cut short."""
        if self._inflater is not None:
            if not self._inflater.eof:
                raise js_type_error("Gzip compressed stream ended prematurely.")
            return []
        if self._unbrotli is None:
            try:
                return self._split(bytes(self._brotli.decompress(b"".join(self._whole))))
            except Exception:  # noqa: BLE001 - brotli.error, whatever the binding calls it
                raise js_type_error("Brotli decompression failed.") from None
        finished = getattr(self._unbrotli, "is_finished", None)
        if finished is not None and not finished():
            raise js_type_error("Brotli compressed stream ended prematurely.")
        return []

    def _brotli_feed(self, data: bytes) -> list[bytes]:
        if self._unbrotli is None:
            self._whole.append(data)
            return []
        try:
            return self._split(bytes(self._unbrotli.process(data)))
        except Exception:  # noqa: BLE001 - brotli.error, whatever the binding calls it
            raise js_type_error("Brotli decompression failed.") from None

    def _split(self, data: bytes) -> list[bytes]:
        return [data[start:start + self._piece] for start in range(0, len(data), self._piece)]


def without_br(accept_encoding: str) -> str:
    """``Accept-Encoding`` without its ``br`` elements (what this machine cannot decode)."""
    kept = [part for part in accept_encoding.split(",") if part.split(";")[0].strip().lower() != "br"]
    return ",".join(kept).strip(" ,")


class Encoder:
    """Encodes a body chunk by chunk, as workerd's output stream does for a Worker's response."""

    def __init__(self, encoding: str):
        self.encoding = encoding
        brotli = brotli_module() if encoding == "br" else None
        self._gzip = zlib.compressobj(wbits=31) if encoding == "gzip" else None
        self._brotli = brotli.Compressor() if brotli is not None else None
        self._stored = _StoredBrotli() if encoding == "br" and brotli is None else None

    def feed(self, chunk: bytes) -> bytes:
        if self._gzip is not None:
            return self._gzip.compress(chunk)
        if self._brotli is not None:
            return bytes(self._brotli.process(chunk))
        assert self._stored is not None
        return self._stored.feed(chunk)

    def finish(self) -> bytes:
        if self._gzip is not None:
            return self._gzip.flush()
        if self._brotli is not None:
            return bytes(self._brotli.finish())
        assert self._stored is not None
        return self._stored.finish()

    def encode(self, data: bytes) -> bytes:
        """A whole body, encoded."""
        return self.feed(data) + self.finish()


class _StoredBrotli:
    """A brotli stream of uncompressed meta-blocks (RFC 7932 9.2): valid brotli without the
    ``brotli`` module, the size of the input plus three bytes per 64 KiB."""

    _BLOCK = 1 << 16
    #: the stream header, WBITS = 22 (RFC 7932 9.1: a 1 bit, then 22 - 17 in three bits): four bits
    _WBITS, _WBITS_LENGTH = 0b1011, 4

    def __init__(self) -> None:
        self._started = False

    def _prefix(self) -> tuple[int, int]:
        """The bits still to go before the next meta-block header, and how many."""
        if self._started:
            return 0, 0
        self._started = True
        return self._WBITS, self._WBITS_LENGTH

    def feed(self, chunk: bytes) -> bytes:
        out = bytearray()
        for start in range(0, len(chunk), self._BLOCK):
            block = chunk[start:start + self._BLOCK]
            bits, used = self._prefix()
            # ISLAST 0, MNIBBLES 0 (four nibbles), MLEN - 1 in 16 bits, ISUNCOMPRESSED 1; then up to a byte
            header = bits | ((len(block) - 1) << (used + 3)) | (1 << (used + 19))
            out += header.to_bytes((used + 20 + 7) // 8, "little") + block
        return bytes(out)

    def finish(self) -> bytes:
        bits, used = self._prefix()
        return (bits | (0b11 << used)).to_bytes(1, "little")  # ISLAST 1, ISLASTEMPTY 1


#: the types Cloudflare's edge compresses (Miniflare's ``compressedByCloudflareFL``, from
#: developers.cloudflare.com/speed/optimization/content/brotli/content-compression/)
COMPRESSED_TYPES = frozenset("""
text/html text/richtext text/plain text/css text/x-script text/x-component text/x-java-source text/x-markdown
application/javascript application/x-javascript text/javascript text/js image/x-icon image/vnd.microsoft.icon
application/x-perl application/x-httpd-cgi text/xml application/xml application/rss+xml application/vnd.api+json
application/x-protobuf application/json multipart/bag multipart/mixed application/xhtml+xml font/ttf font/otf
font/x-woff image/svg+xml application/vnd.ms-fontobject application/ttf application/x-ttf application/otf
application/x-otf application/truetype application/opentype application/x-opentype application/font-woff
application/eot application/font application/font-sfnt application/wasm application/javascript-binast
application/manifest+json application/ld+json application/graphql+json application/geo+json
""".split())

_ACCEPT_ELEMENT = re.compile(r"(?P<coding>[a-z]+|\*)(?:\s*;\s*q=(?P<weight>[0-9]+(?:.[0-9]+)?))?")  # JS's \d: ASCII
#: the start of a weight that JavaScript's ``parseFloat`` reads (Miniflare's regex lets any
#: character stand between the digit runs: ``1x5`` is 1, ``1e5`` 100000, ``0_5`` 0)
_PARSE_FLOAT = re.compile(r"[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?")


def _parse_float(text: str) -> float:
    """JavaScript's ``parseFloat`` of a weight (which starts with a digit, by the regex)."""
    match = _PARSE_FLOAT.match(text)
    return float(match.group()) if match is not None else math.nan
#: what the edge answers a client that accepts neither gzip, brotli nor identity
UNSUPPORTED = "415"


def negotiated(client_accept_encoding: str | None, content_type: str | None, encoding: str | None) -> str | None:
    """The ``Content-Encoding`` ``wrangler dev`` gives a Worker's response for the client's
    ``Accept-Encoding`` (Miniflare's ``ensureAcceptableEncoding``, standing in for the edge):
    ``encoding`` unchanged, ``None`` for identity, another of ``gzip``/``br``, or
    :data:`UNSUPPORTED` when the client refuses every coding the edge can give."""
    if client_accept_encoding is None:
        return encoding
    accepted = []
    for element in client_accept_encoding.split(","):
        match = _ACCEPT_ELEMENT.fullmatch(element.strip())
        if match is not None:
            accepted.append((match["coding"], _parse_float(match["weight"]) if match["weight"] is not None else 1.0))
    if not accepted:
        return encoding
    if content_type and content_type.split(";")[0] not in COMPRESSED_TYPES:
        return encoding
    if encoding is not None and encoding not in ("gzip", "br"):
        return encoding
    desired, identity_disallowed = None, False
    for coding, weight in sorted(accepted, key=lambda pair: -pair[1]):  # stable, as Array#sort
        if weight == 0:
            identity_disallowed = identity_disallowed or coding in ("identity", "*")
        elif coding in ("gzip", "br"):
            desired = coding
            break
        elif coding == "identity":
            break
    if desired is None and identity_disallowed:
        return UNSUPPORTED
    return desired
