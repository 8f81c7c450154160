"""``console.log`` of a ``Blob``, ``File`` or ``TextDecoder`` prints its class and properties as
workerd does -- ``File { name: 'n.txt', lastModified: 5, size: 1, type: '' }`` -- a ``FormData``'s
files among them; before, each was ``[object File]``. workerd decides whether one fits on a line
as a fresh ``inspect`` of a plain object would (no indentation, the brace alone), so a file whose
line is 80 characters stays on one line wherever it stands. The expected lines are a JavaScript
Worker's own output for the same values under ``wrangler dev`` 4.164.0."""

from __future__ import annotations

from workers_env import js, to_js

T = 1796264313516


def obj(value):
    return to_js(value, dict_converter=js.Object.fromEntries)


def file(name, **init):
    return js.File.new(to_js(["x"]), name, obj({"lastModified": T, **init}))


def test_blob_file_and_textdecoder_print_their_properties(capsys) -> None:
    js.console.log(js.Blob.new(to_js(["xy"]), obj({"type": "text/plain"})))
    js.console.log(js.File.new(to_js(["x"]), "n.txt", obj({"lastModified": 5})))
    js.console.log(js.TextDecoder.new("utf-16le", obj({"fatal": True, "ignoreBOM": True})))
    js.console.log(js.TextDecoder.new())
    assert capsys.readouterr().out.splitlines() == [
        "Blob { size: 2, type: 'text/plain' }",
        "File { name: 'n.txt', lastModified: 5, size: 1, type: '' }",
        "TextDecoder { encoding: 'utf-16le', fatal: true, ignoreBOM: true }",
        "TextDecoder { encoding: 'utf-8', fatal: false, ignoreBOM: false }",
    ]


def test_a_file_fits_a_line_as_a_fresh_inspect_decides(capsys) -> None:
    form = js.FormData.new()
    form.append("a", "1")
    form.append("f", file("n.txt"))
    js.console.log(file("abcdefg.txt"))
    js.console.log(obj({"a": {"f": file("n.txt")}}))
    js.console.log(form)
    js.console.log(obj({"x": {"y": js.AbortSignal.abort("a reason that is long enough to overflow the line")}}))
    assert capsys.readouterr().out.splitlines() == [
        f"File {{ name: 'abcdefg.txt', lastModified: {T}, size: 1, type: '' }}",
        "{",
        "  a: {",
        f"    f: File {{ name: 'n.txt', lastModified: {T}, size: 1, type: '' }}",
        "  }",
        "}",
        "FormData(2) {",
        "  'a' => '1',",
        f"  'f' => File {{ name: 'n.txt', lastModified: {T}, size: 1, type: '' }}",
        "}",
        "{",
        "  x: {",
        "    y: AbortSignal {",
        "      aborted: true,",
        "      reason: 'a reason that is long enough to overflow the line',",
        "      onabort: null",
        "    }",
        "  }",
        "}",
    ]
