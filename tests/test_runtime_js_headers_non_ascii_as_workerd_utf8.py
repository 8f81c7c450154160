"""``js.Headers`` holds a name or value that is not ASCII as workerd holds it: the UTF-8 bytes of
the JS string (a lone surrogate as its three bytes), a name lower-cased byte by byte (``A``-``Z``
and 0xC0-0xDE plus 0x20), both read back as UTF-8 with U+FFFD for what does not decode. Measured
with a JS twin under ``wrangler dev`` 4.164.0 (``new Headers()``'s set/append/init, get, has,
``[...headers]``): ``x-é`` reads ``x-\\ufffd`` and ``x-€`` stays, ``"\\ud800"`` as a value is
three U+FFFD, a control character in a name is ``Invalid header name.``; a header whose name is
not ASCII is not sent on the wire. Before, every non-ASCII name character was one U+FFFD, a value
kept its lone surrogate, ``\\x01``/``\\x7f`` in a name passed, and such a name crashed the dev
server's response."""

from __future__ import annotations

import pytest
from test_dev_server import exchange, serving

from workers_env import JsException, js
from workers_env.runtime.jsproxy import jsnull

NAMES = [("x-\u00e9", "x-\ufffd"), ("x-\u00ff", "x-\ufffd"), ("X-\u00c9\u00e9", "x-\ufffd\ufffd"),
         ("x-\u0100", "x-\ufffd"), ("x-\u00a0", "x-\ufffd"), ("x-\u05c0", "x-\ufffd\ufffd"),
         ("x-\u07c0", "x-\u07c0"), ("x-\u20ac", "x-\u20ac"), ("x-\u4e2d", "x-\u4e2d"),
         ("x-\U0001f600", "x-\U0001f600"), ("x-\ud800", "x-\ufffd\ufffd\ufffd"), ("X-A", "x-a"), ("", "")]
VALUES = [("caf\u00e9", "caf\u00e9"), ("\u00ff", "\u00ff"), ("\u20ac", "\u20ac"), ("\U0001f600", "\U0001f600"),
          ("\ud800", "\ufffd\ufffd\ufffd"), ("a\udc00b", "a\ufffd\ufffd\ufffdb"), ("\u00a0v\u00a0", "\u00a0v\u00a0"),
          (" \t v \t\r\n", "v"), ("\x7f\x01", "\x7f\x01")]


@pytest.mark.parametrize(("name", "held"), NAMES)
def test_a_name_is_held_as_workerd_holds_its_utf8(name: str, held: str) -> None:
    for made in (js.Headers.new([[name, "v"]]), js.Headers.new()):
        if not len(list(made)):
            made.append(name, "v")
        assert [list(pair) for pair in made] == [[held, "v"]]
        assert made.get(name) == "v" and made.has(name)


def test_mojibake_of_a_name_is_another_name() -> None:
    """``x-Ã©`` (what ``x-é``'s UTF-8 read as Latin-1 spells) is not ``x-é``: workerd's ``get``
    answers ``null`` (its bytes E3 83 E2 A9 are not E3 A9), and so does workers-env."""
    headers = js.Headers.new([["x-\u00e9", "v"]])
    assert headers.get("x-\u00c3\u00a9") is jsnull and not headers.has("x-\u00c3\u00a9")


@pytest.mark.parametrize(("value", "held"), VALUES)
def test_a_value_is_the_utf8_of_the_js_string(value: str, held: str) -> None:
    headers = js.Headers.new()
    headers.set("x-a", value)
    headers.append("x-b", value)
    assert [list(pair) for pair in headers] == [["x-a", held], ["x-b", held]]


@pytest.mark.parametrize("name", ["x-a\x00", "x-a\r", "x-a\n", "x a", "x-\x7f", "x-\x01", "x:a"])
def test_a_control_character_or_separator_in_a_name_is_refused(name: str) -> None:
    headers = js.Headers.new([["x-b", "1"]])
    for call in (lambda: headers.set(name, "v"), lambda: headers.append(name, "v"),
                 lambda: headers.get(name), lambda: headers.has(name), lambda: js.Headers.new([[name, "v"]])):
        with pytest.raises(JsException, match=r"^TypeError: Invalid header name\.$"):
            call()
    assert [list(pair) for pair in headers] == [["x-b", "1"]]


@pytest.mark.parametrize("value", ["a\x00b", "a\rb", "a\nb"])
def test_nul_cr_or_lf_inside_a_value_is_refused(value: str) -> None:
    headers = js.Headers.new()
    for call in (lambda: headers.set("x-a", value), lambda: headers.append("x-a", value),
                 lambda: js.Headers.new([["x-a", value]])):
        with pytest.raises(JsException, match=r"^TypeError: Invalid header value\.$"):
            call()
    assert list(headers) == []


ENTRY = """
from js import Headers
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        h = Headers.new()
        h.set("x-\\u00e9", "1")
        h.set("x-\\u20ac", "2")
        h.set("x-a", "caf\\u00e9")
        h.set("x-b", "\\ud800")
        return Response("ok", headers=h)
"""


def test_on_the_wire_a_non_ascii_name_is_not_sent_and_a_value_is_utf8(tmp_path) -> None:
    with serving(tmp_path / "app", ENTRY) as server:
        raw = exchange(server.port, b"GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
    head = raw.partition(b"\r\n\r\n")[0].lower()
    assert raw.startswith(b"HTTP/1.1 200") and b"\r\nx-a: caf\xc3\xa9" in head
    assert b"\r\nx-b: \xed\xa0\x80" in head  # a lone surrogate's bytes, as workerd sends them
    assert b"\xe2\x82\xac" not in head and b"x-\xef" not in head
