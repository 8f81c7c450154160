"""A request's head read the same whether it comes in one TCP read or in several, as ``wrangler
dev`` 4.164.0 reads it (measured with the parts sent 0.3 s apart, tools/wrangler/http_differential.py):
an empty line whose CR and LF come apart is still skipped (also between two requests on a kept-alive
connection), a UTF-8 character cut in two is still served percent-encoded, and a head whose first
byte no method begins with (a space, a TLS handshake) gets the front server's ``invalid HTTP method
parsed`` before its line is complete, as it does when the line comes whole."""

from __future__ import annotations

import socket
import time

import pytest
from test_dev_server import TIMEOUT, serving, split_answer
from worker_helpers import URL_ECHO

REST = b"Host: h\r\nConnection: close\r\n\r\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("reads") / "app", URL_ECHO) as running:
        yield running


def _in_parts(server, *parts: bytes) -> bytes:
    """Send each part as a read of its own (a pause between them) and read until the server closes."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for i, part in enumerate(parts):
            if i:
                time.sleep(0.1)
            try:
                sock.sendall(part)
            except OSError:  # the server answered and closed already
                break
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize("parts", [
    (b"\r", b"\nGET /x HTTP/1.1\r\n" + REST),
    (b"\r", b"\n\r", b"\nGET /x HTTP/1.1\r\n" + REST),
    (b"\r\n", b"\r", b"\n", b"GET /x HTTP/1.1\r\n" + REST),
])
def test_an_empty_line_split_between_reads_is_skipped(server, parts: tuple[bytes, ...]) -> None:
    assert split_answer(_in_parts(server, *parts))[::2] == ("HTTP/1.1 200 OK", b"http://h/x")


def test_an_empty_line_split_between_reads_after_a_kept_alive_request_is_skipped(server) -> None:
    raw = _in_parts(server, b"GET /one HTTP/1.1\r\nHost: h\r\n\r\n\r", b"\nGET /two HTTP/1.1\r\n" + REST)
    assert raw.count(b"HTTP/1.1 200 OK\r\n") == 2 and raw.endswith(b"http://h/two")


def test_a_utf8_target_cut_between_reads_is_served_percent_encoded(server) -> None:
    raw = _in_parts(server, b"GE", b"T /caf\xc3", b"\xa9?q=\xe2\x82", b"\xac HTTP/1.1\r\nHo", b"st: h\r\nConnection: close\r\n\r\n")
    assert split_answer(raw)[::2] == ("HTTP/1.1 200 OK", b"http://h/caf%C3%A9?q=%E2%82%AC")


@pytest.mark.parametrize("parts", [
    (b" GET", b" / HTTP/1.1\r\n" + REST),
    (b"\tGET", b" / HTTP/1.1\r\n" + REST),
    (b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + bytes(range(32)),),  # a TLS ClientHello's start, no CRLF
    (b" GET / HTTP/1.1\r\n" + REST,),  # the same, whole
])
def test_a_head_no_method_begins_gets_invalid_method_before_its_line_ends(server, parts: tuple[bytes, ...]) -> None:
    status, headers, body = split_answer(_in_parts(server, *parts))
    assert (status, body) == ("HTTP/1.1 400 Bad Request", b"invalid HTTP method parsed")
    assert headers == {"content-type": "text/plain", "connection": "close", "content-length": "26"}


def test_a_cr_without_its_lf_gets_invalid_header_across_reads_too(server) -> None:
    status, _, body = split_answer(_in_parts(server, b"\r", b"xGET / HTTP/1.1\r\n" + REST))
    assert (status, body) == ("HTTP/1.1 400 Bad Request", b"invalid HTTP header parsed")
