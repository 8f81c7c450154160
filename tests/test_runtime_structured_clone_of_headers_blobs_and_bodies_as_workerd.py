"""``structuredClone`` of workerd's serializable objects, as Miniflare (wrangler 4.164.0) clones
them in a JavaScript Worker: a ``Headers`` with its values (each kept apart, ``set-cookie``
too) and its guard -- a redirect's immutable headers stay immutable, a Request's do not --
more than 1024 values refused as workerd's deserializer refuses them; a ``Blob`` with its
bytes and type; a ``File`` is not serializable; a ``Request`` or ``Response`` with a body is
the ``ReadableStream`` refusal; shared references stay shared."""

from __future__ import annotations

import pytest

from workers_env import JsException, js


def entries(headers) -> list[list[str]]:
    return [list(pair) for pair in headers.entries()]


def clone_error(value) -> str:
    with pytest.raises(JsException) as caught:
        js.structuredClone(value)
    return f"{caught.value.name}: {caught.value.message} {caught.value.code}"


def test_headers_keep_their_values():
    headers = js.Headers.new([["a", "1"], ["B", "2"], ["a", "3"], ["set-cookie", "x"], ["set-cookie", "y"]])
    made = js.structuredClone(headers)
    made.append("c", "4")
    assert made is not headers
    assert entries(made) == [["a", "1, 3"], ["b", "2"], ["c", "4"], ["set-cookie", "x"], ["set-cookie", "y"]]
    assert list(made.getSetCookie()) == ["x", "y"] and len(entries(headers)) == 4
    assert str(made) == "[object Headers]"


def test_their_guard_comes_along():
    made = js.structuredClone(js.Response.redirect("https://e.com/").headers)
    assert entries(made) == [["location", "https://e.com/"]]
    with pytest.raises(JsException, match="Can't modify immutable headers."):
        made.append("x", "1")
    made = js.structuredClone(js.Request.new("https://e.com/", headers=[["a", "1"]]).headers)
    made.append("x", "1")
    assert entries(made) == [["a", "1"], ["x", "1"]]


def test_more_than_1024_values_are_refused():
    headers = js.Headers.new()
    for i in range(1024):
        headers.append("x", "v")
    assert len(js.structuredClone(headers).get("x")) == 3070
    headers.append("y", "v")
    assert clone_error(headers) == "DataCloneError: Deserialization failed: header count exceeds maximum (1025) 25"


def test_shared_headers_stay_shared():
    headers = js.Headers.new([["a", "1"]])
    made = js.structuredClone(js.Object.fromEntries([["h", headers], ["again", headers], ["list", [headers]]]))
    assert made.h is made.again and made.list[0] is made.h and entries(made.h) == [["a", "1"]]


@pytest.mark.asyncio
async def test_a_blob_keeps_its_bytes_and_type():
    blob = js.Blob.new(["ab", "c"], type="Text/Plain")
    made = js.structuredClone(blob)
    assert made is not blob
    assert (str(made), made.type, made.size, await made.text()) == (
        "[object Blob]", "text/plain", 3, "abc")


def test_a_file_and_bodies_are_refused_as_workerd_refuses_them():
    assert clone_error(js.File.new(["xyz"], "n.txt", type="text/plain", lastModified=5)) == (
        'DataCloneError: Could not serialize object of type "File". This type does not support serialization. 25')
    assert clone_error(js.Request.new("https://e.com/p", method="POST", body="hi")) == (
        "DataCloneError: ReadableStream can only be serialized for RPC. 25")
    assert clone_error(js.Response.new("x")) == "DataCloneError: ReadableStream can only be serialized for RPC. 25"
