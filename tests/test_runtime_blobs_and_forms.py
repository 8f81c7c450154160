"""``js.Blob``, ``js.File`` and ``js.FormData`` as workerd builds and serializes them (checked
against ``wrangler dev`` by ``tools/wrangler/jsapi_differential.py`` and a multipart probe)."""

from __future__ import annotations

import re

import pytest

from workers_env import JsException, js, to_js
from workers_env.runtime.jsproxy import jsnull


def _raises(call, message: str) -> None:
    with pytest.raises(JsException) as caught:
        call()
    assert (caught.value.name, caught.value.message) == ("TypeError", message)


@pytest.mark.asyncio
async def test_blob_parts_types_and_slices():
    blob = js.Blob.new(["a", "bc", to_js(b"d"), 1.0], to_js({"type": "Text/Plain"}, dict_converter=js.Object.fromEntries))
    assert (blob.size, await blob.text(), blob.type) == (5, "abcd1", "text/plain")
    assert js.Blob.new(["x"], type="a\u00e9").type == ""  # outside printable ASCII: no type
    _raises(lambda: js.Blob.new("abc"), "Failed to construct 'Blob': constructor parameter 1 is not of type 'Array'.")
    words = js.Blob.new(["hello world"])
    assert [await words.slice(6).text(), await words.slice(-5, -1).text(), words.slice(2, 1).size] == ["world", "worl", 0]
    _raises(lambda: js.File.new(["data"]), "Failed to construct 'File': constructor parameter 2 is not of type 'string'.")
    assert js.File.new(["data"], "a.txt").name == "a.txt"


@pytest.mark.asyncio
async def test_form_data_entries_and_the_multipart_body():
    form = js.FormData.new()
    form.append('a b"c', "v\r\nw")
    form.append("f", js.File.new(["é"], 'n"a\nme.txt', type="text/plain"))
    form.append("g", js.Blob.new(["z"]))  # a Blob becomes a File named after its entry, as workerd names it
    form.append("n", 12)
    assert (form.get("g").name, form.get("n"), form.get("missing")) == ("g", "12", jsnull)  # null, as the newest Pyodide
    _raises(lambda: form.append("only-a-name"),
            "Failed to execute 'append' on 'FormData': parameter 2 is not of type 'File or Blob or string'.")
    response = js.Response.new(form)
    boundary = re.fullmatch(r"multipart/form-data; boundary=([0-9a-f]{32})", response.headers.get("content-type")).group(1)
    assert (await response.text()).replace(boundary, "B") == (
        '--B\r\nContent-Disposition: form-data; name="a b%22c"\r\n\r\nv\r\nw\r\n'
        '--B\r\nContent-Disposition: form-data; name="f"; filename="n%22a%0Ame.txt"\r\nContent-Type: text/plain\r\n\r\né\r\n'
        '--B\r\nContent-Disposition: form-data; name="g"; filename="g"\r\nContent-Type: application/octet-stream\r\n\r\nz\r\n'
        '--B\r\nContent-Disposition: form-data; name="n"\r\n\r\n12\r\n'
        "--B--"
    )
    back = await js.Response.new(form).formData()  # read back, the escapes kept, as workerd keeps them
    assert [(k, v if isinstance(v, str) else (v.name, v.type)) for k, v in (list(p) for p in back.entries())] == [
        ("a b%22c", "v\r\nw"), ("f", ("n%22a%0Ame.txt", "text/plain")), ("g", ("g", "application/octet-stream")),
        ("n", "12")]


@pytest.mark.asyncio
async def test_a_read_body_cannot_be_cloned_and_form_parsing_names_its_types():
    response = js.Response.new("hi")
    await response.text()
    _raises(response.clone, "This ReadableStream is currently locked to a reader,")
    request = js.Request.new("https://e.com", method="POST", body="x")
    await request.text()
    _raises(request.clone, "This ReadableStream is currently locked to a reader,")
    with pytest.raises(JsException, match="multipart/form-data, application/x-www-form-urlencoded$"):
        await js.Response.new("a=1", headers=to_js([["content-type", "text/plain"]])).formData()
    parsed = await js.Response.new(js.URLSearchParams.new("a=1&b=x y")).formData()
    assert [list(pair) for pair in parsed.entries()] == [["a", "1"], ["b", "x y"]]


@pytest.mark.asyncio
async def test_names_are_escaped_as_workerds_add_escaping_quotes_escapes_them():
    form = js.FormData.new()
    form.append("c\rd", "v")  # a carriage return as it is
    form.append("a\\b", js.File.new(["x"], "c\\d", type="text/plain"))  # a backslash doubled, a filename's too
    response = js.Response.new(form)
    boundary = response.headers.get("content-type").rpartition("=")[2]
    assert (await response.text()).replace(boundary, "B") == (
        '--B\r\nContent-Disposition: form-data; name="c\rd"\r\n\r\nv\r\n'
        '--B\r\nContent-Disposition: form-data; name="a\\\\b"; filename="c\\\\d"\r\nContent-Type: text/plain\r\n\r\nx\r\n'
        "--B--")
    for name, filename in (("a\\", None), ("a", "f\\")):
        ending = js.FormData.new()
        ending.append(name, "x") if filename is None else ending.append(name, js.File.new(["x"], filename))
        _raises(lambda: js.Response.new(ending), "Name or filename can't end with backslash")
