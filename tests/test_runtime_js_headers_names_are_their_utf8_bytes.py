"""A ``js.Headers`` name is the bytes workerd holds -- its UTF-8, lower-cased byte by byte -- not
the text those bytes read back as: names whose bytes differ are different headers even when both
read ``x-\\ufffd`` (``x-é``, ``X-É``, ``x-Ā``, ``x-ÿ``, a literal ``x-\\ufffd``), and iteration
goes in the order of the bytes (``x-é``, E3 A9 once lower-cased, before ``x-中``, E4 B8 AD).
Measured with a JS twin under ``wrangler dev`` 4.164.0 (2026-12-04: ``new Headers`` from pairs,
a record and another ``Headers``, ``append``/``set``, ``keys()``, ``forEach``, ``has``/``get``/
``delete``, a Request's and a Response's init: 11 cases alike); before, such names were one name
here, sorted by their text."""

from __future__ import annotations

from workers_env import js, to_js
from workers_env.runtime.jsproxy import jsnull

NAMES = ["x-\u4e2d", "x-\u00e9", "x-\u0100", "x-\u20ac", "x-\U0001f600", "x-b", "X-\u00c9", "x-\ud800",
         "x-\ufffd", "x-\u00ff", "x-\u07c0", "x-\u05c0", "Content-Type", "x-\u00d7", "x-\u00df", "x-\u00de"]
#: what wrangler dev 4.164.0 lists, in its order: x-é, x-Ā, X-É, x-ÿ, x-×, x-ß, x-Þ read x-\ufffd
#: (E3 A9, E4 80, E3 89, E3 BF, E3 97, E3 9F, E3 9E) and sort by those bytes beside x-中 (E4 B8 AD)
#: and the literal x-\ufffd (EF BF BD); x-\ud800 is ED A0 80, x-\u05c0 F7 80
SHOWN = ["content-type", "x-b", "x-\u07c0", "x-\u20ac"] + ["x-\ufffd"] * 7 + [
    "x-\u4e2d", "x-\ufffd\ufffd\ufffd", "x-\ufffd", "x-\U0001f600", "x-\ufffd\ufffd"]


def test_every_name_is_its_own_header_in_the_order_of_its_bytes() -> None:
    pairs = js.Headers.new(to_js([[name, "v"] for name in NAMES]))
    appended = js.Headers.new()
    for name in NAMES:
        appended.append(name, "v")
    record = js.Headers.new(to_js({name: "v" for name in NAMES}, dict_converter=js.Object.fromEntries))
    for headers in (pairs, appended, record, js.Headers.new(pairs)):
        assert list(headers.keys()) == SHOWN
        assert [list(pair) for pair in headers] == [[name, "v"] for name in SHOWN]


def test_names_that_read_alike_are_found_by_their_own_bytes_only() -> None:
    headers = js.Headers.new(to_js([["x-\u00e9", "1"], ["x-\u20ac", "2"]]))
    assert not headers.has("X-\u00c9") and headers.has("x-\u00e9") and headers.has("X-\u20ac")
    assert headers.get("x-\ufffd") is jsnull and headers.get("X-\u00c9") is jsnull
    headers.append("x-\ufffd", "3")
    headers.set("x-\u00e9", "4")
    assert [list(pair) for pair in headers] == [["x-\u20ac", "2"], ["x-\ufffd", "4"], ["x-\ufffd", "3"]]
    headers.delete("x-\u00e9")
    headers.delete("X-\u20ac")
    assert [list(pair) for pair in headers] == [["x-\ufffd", "3"]]


def test_a_request_and_a_response_keep_the_order_of_the_bytes() -> None:
    init = to_js({"headers": to_js([["x-\u00e9", "\u00e9"], ["X-\u4e2d", "1"]])}, dict_converter=js.Object.fromEntries)
    expected = [["x-\ufffd", "\u00e9"], ["x-\u4e2d", "1"]]
    assert [list(pair) for pair in js.Request.new("https://x/", init).headers] == expected
    assert [list(pair) for pair in js.Response.new("", init).headers][1:] == expected
    assert [list(pair) for pair in js.Request.new(js.Request.new("https://x/", init)).headers] == expected
