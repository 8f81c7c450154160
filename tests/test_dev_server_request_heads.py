"""What the dev server makes of a request's head that h11 alone would refuse or take, as ``wrangler
dev`` 4.164.0 does (checked side by side with a JavaScript Worker, tools/wrangler/http_differential.py):
UTF-8 bytes in the target are served percent-encoded, anything else malformed gets the front
server's 400 and its text, a request without ``Host`` workerd's bare 400, with two its bare 500."""

from __future__ import annotations

import logging
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_dev_server import exchange, serving, split_answer
from worker_helpers import URL_ECHO

HOST = b"Host: h\r\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("heads") / "app", URL_ECHO) as running:
        yield running


def _answer(server, data: bytes) -> tuple[str, dict[str, str], bytes]:
    return split_answer(exchange(server.port, data), encoding="latin-1")


def _url(server, target: bytes) -> str:
    status, _, body = _answer(server, b"GET " + target + b" HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
    assert status == "HTTP/1.1 200 OK", (status, body)
    return body.decode()


@pytest.mark.parametrize(("target", "url"), [
    (b"/caf\xc3\xa9/\xe2\x82\xac", "http://h/caf%C3%A9/%E2%82%AC"),
    (b"/q?name=caf\xc3\xa9&x=\xe2\x82\xac", "http://h/q?name=caf%C3%A9&x=%E2%82%AC"),
    (b"http://other.test/caf\xc3\xa9?q=\xe2\x82\xac", "http://h/caf%C3%A9?q=%E2%82%AC"),  # absolute-form
])
def test_utf8_bytes_in_the_target_reach_the_worker_percent_encoded(server, target: bytes, url: str) -> None:
    assert _url(server, target) == url


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(min_codepoint=0x80, max_codepoint=0x10FFFF, exclude_categories=("Cs",)), min_size=1,
               max_size=6))
def test_a_raw_utf8_target_is_the_same_url_as_its_percent_encoded_form(server, text: str) -> None:
    raw = text.encode("utf-8")
    assert _url(server, b"/p/" + raw + b"?q=" + raw) == _url(server, ("/p/" + quote(text) + "?q=" + quote(text)).encode())


def test_a_utf8_target_on_a_kept_alive_connection_is_served_too(server) -> None:
    raw = exchange(server.port, b"GET /one HTTP/1.1\r\n" + HOST + b"\r\n" + b"GET /t\xc3\xa9 HTTP/1.1\r\n" + HOST
                   + b"Connection: close\r\n\r\n")
    assert raw.count(b"HTTP/1.1 200 OK") == 2 and raw.endswith(b"http://h/t%C3%A9")


def test_empty_lines_before_the_request_line_are_skipped(server) -> None:
    status, _, body = _answer(server, b"\r\n\r\nGET /x HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
    assert (status, body) == ("HTTP/1.1 200 OK", b"http://h/x")


@pytest.mark.parametrize(("data", "text"), [
    (b"GET /q?x=\xe9 HTTP/1.1\r\n" + HOST, b"invalid URI"),  # not UTF-8
    (b"GET /a\x01b HTTP/1.1\r\n" + HOST, b"invalid URI"),
    (b"GET / HTTP/2.0\r\n" + HOST, b"invalid HTTP version parsed"),
    (b"GET / HTTP/1.2\r\n" + HOST, b"invalid HTTP version parsed"),
    (b"GET / http/1.1\r\n" + HOST, b"invalid HTTP version parsed"),
    (b"GET /a b HTTP/1.1\r\n" + HOST, b"invalid HTTP version parsed"),  # the target ends at the space
    (b"GE@T / HTTP/1.1\r\n" + HOST, b"invalid HTTP method parsed"),
    (b"GET\t/ HTTP/1.1\r\n" + HOST, b"invalid HTTP method parsed"),
    (b"GET /\r\n" + HOST, b"invalid URI"),  # the line ends where the target would
    (b"GET / \r\n" + HOST, b"invalid HTTP version parsed"),
    (b"GET / HTTP/1.2 \r\n" + HOST, b"invalid HTTP version parsed"),
    (b"GET / HTTP/1.1 \r\n" + HOST, b"invalid HTTP header parsed"),  # a version, then no line end
    (b"GET / HTTP/1.10\r\n" + HOST, b"invalid HTTP header parsed"),
    (b"GET / HTTP/1.1x\r\n" + HOST, b"invalid HTTP header parsed"),
    (b"\rGET / HTTP/1.1\r\n" + HOST, b"invalid HTTP header parsed"),  # a CR without its LF
    (b"GET / HTTP/1.1\r\n" + HOST + b"Bad Header Here\r\n", b"invalid HTTP header parsed"),
    (b"GET / HTTP/1.1\r\n" + HOST + b"X-A: 1\r\n 2\r\n", b"invalid HTTP header parsed"),  # obs-fold
    (b"POST / HTTP/1.1\r\n" + HOST + b"Content-Length: abc\r\n", b"invalid content-length parsed"),
    (b"POST / HTTP/1.1\r\n" + HOST + b"Content-Length: 1\r\nContent-Length: 2\r\n", b"invalid content-length parsed"),
    (b"POST / HTTP/1.1\r\n" + HOST + b"Transfer-Encoding: gzip\r\n", b"invalid transfer-encoding parsed"),
])
def test_a_malformed_head_gets_the_front_servers_400_and_its_text(server, data: bytes, text: bytes) -> None:
    status, headers, body = _answer(server, data + b"Connection: close\r\n\r\n")
    assert (status, body) == ("HTTP/1.1 400 Bad Request", text)
    assert headers == {"content-type": "text/plain", "connection": "close", "content-length": str(len(text))}
    assert _url(server, b"/after") == "http://h/after"  # and the server serves on


@pytest.mark.parametrize(("data", "status", "body"), [
    (b"GET / HTTP/1.1\r\n", "HTTP/1.1 400 Bad Request", b"Bad Request"),  # no Host
    (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n", "HTTP/1.1 500 Internal Server Error", b"Internal Server Error"),
])
def test_host_missing_or_twice_gets_workerds_bare_answer(server, data: bytes, status: str, body: bytes) -> None:
    got_status, headers, got_body = _answer(server, data + b"Connection: close\r\n\r\n")
    assert (got_status, got_body) == (status, body)
    assert headers == {"connection": "close", "content-length": str(len(body))}


#: wrangler dev 4.164.0's one line for a refused head (tools/wrangler/dev_refused_head_log_probe.py)
NO_URL = "Uncaught exception: workerd/jsg/value.h:1456: failed: remote.jsg.TypeError: Invalid URL string."


@pytest.mark.parametrize(("data", "logged"), [
    (b"GET / HTTP/1.1\r\n" + HOST + b"X-A: \x00\r\n", []),  # Schemathesis' "NULL byte in headers" probe
    (b"GET / HTTP/1.1\r\n" + HOST + b"Bad Header Here\r\n", []),
    (b"GE@T / HTTP/1.1\r\n" + HOST, []),
    (b"GET / HTTP/2.0\r\n" + HOST, []),
    (b"POST / HTTP/1.1\r\n" + HOST + b"Content-Length: abc\r\n", []),
    (b"GET / HTTP/1.1\r\n", []),  # no Host
    (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n", [NO_URL]),  # workerd's host "a, b" makes no URL
])
def test_a_refused_head_is_logged_as_wrangler_dev_logs_it(server, data: bytes, logged: list[str]) -> None:
    """wrangler dev prints nothing for a head its front server refuses (where uvicorn would warn
    ``Invalid HTTP request received.``), but workerd's ``Invalid URL string.`` for two ``Host``s."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    loggers = [logging.getLogger(name) for name in ("uvicorn.error", "workers_env.dev")]  # (uvicorn's: no propagation)
    for logger in loggers:
        logger.addHandler(handler)
    try:
        _answer(server, data + b"Connection: close\r\n\r\n")
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
    assert [record.getMessage() for record in records] == logged


def test_uvicorns_other_warnings_still_reach_its_log() -> None:
    """Only the warning for a head answered as the front server answers it is dropped: a head
    whose error has no measured answer (uvicorn's own 400) and any other warning are logged."""
    from workers_env.runtime.requestline import QuietRefusals

    class Recorder:
        level = 5
        said: list[str] = []

        def warning(self, msg, *args, **kwargs):
            self.said.append(msg)

    recorder = Recorder()
    for error in ("some error h11 may raise one day", None):
        quiet = QuietRefusals(recorder, lambda error=error: error)
        quiet.warning("Invalid HTTP request received.")
        quiet.warning("Unsupported upgrade request.")
    assert recorder.said == ["Invalid HTTP request received.", "Unsupported upgrade request."] * 2
    quiet = QuietRefusals(recorder, lambda: "Found multiple Host: headers")
    quiet.warning("Invalid HTTP request received.")
    assert len(recorder.said) == 4 and quiet.level == 5  # (uvicorn reads its level for its trace lines)


def test_the_installed_h11_has_what_the_request_head_reader_hooks_into():
    """The dev server reads request heads through h11's private reader look-up; a future h11
    without it falls back to h11's own reading (never a broken server), and this names why the
    wrangler-dev texts above would then be missing."""
    from workers_env.runtime.requestline import H11_HOOKS_PRESENT

    assert H11_HOOKS_PRESENT, "h11 changed its private reader API: update workers_env/runtime/requestline.py"
