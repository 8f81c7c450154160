"""ArrayBuffer, the typed arrays and DataView: shared bytes, JavaScript's storing rules and
V8's errors on the JavaScript side, Pyodide's JsBuffer methods on the Python side."""

from __future__ import annotations

import math
import array as array_module
import struct
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from worker_helpers import typical_pyproject

from workers_env import JsException, js, load_worker, to_js

INT_ARRAYS = {  # name: (bytes per element, signed)
    "Int8Array": (1, True), "Uint8Array": (1, False), "Int16Array": (2, True), "Uint16Array": (2, False),
    "Int32Array": (4, True), "Uint32Array": (4, False),
}


def _wrapped(value: float, size: int, signed: bool) -> int:
    """The reference: ToIntN/ToUintN through two's-complement bytes (not the library's formula)."""
    if not math.isfinite(value):
        return 0
    raw = (math.trunc(value) & ((1 << (8 * size)) - 1)).to_bytes(size, "little")
    return int.from_bytes(raw, "little", signed=signed)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(INT_ARRAYS)),
       st.one_of(st.integers(-(2**40), 2**40), st.floats(allow_nan=True, allow_infinity=True, width=64)))
def test_integer_arrays_wrap_numbers_as_javascript_stores_them(name, value):
    size, signed = INT_ARRAYS[name]
    assert getattr(js, name).of(value)[0] == _wrapped(value, size, signed)


def test_storing_rules_of_each_kind():
    assert list(js.Int8Array.of(200, -129, 1.9, -1.9)) == [-56, 127, 1, -1]
    assert list(js.Uint8Array.of(-1, 256, "7", True, None)) == [255, 0, 7, 1, 0]
    # clamped: clamps, then rounds half to even; NaN is 0
    assert list(js.Uint8ClampedArray.of(300, -5, 1.5, 2.5, 254.5, float("nan"))) == [255, 0, 2, 2, 254, 0]
    assert list(js.Int16Array.of("10", "24", " 0x1f ", "1e2", "", "abc")) == [10, 24, 31, 100, 0, 0]
    assert js.Float32Array.of(0.1)[0] == struct.unpack("f", struct.pack("f", 0.1))[0]
    assert js.Float32Array.of(1e300)[0] == math.inf  # rounds to Infinity, no error
    assert js.Float64Array.of(2.0)[0] == 2 and isinstance(js.Float64Array.of(2.0)[0], int)  # as Pyodide reads it
    assert list(js.BigInt64Array.of(2**63, -(2**63) - 1)) == [-(2**63), 2**63 - 1]
    assert list(js.BigUint64Array.of(-(2**60))) == [2**64 - 2**60]
    with pytest.raises(JsException, match="TypeError: Cannot convert 1 to a BigInt"):
        js.BigInt64Array.of(1)  # a safe int reaches JavaScript as a Number
    with pytest.raises(JsException) as caught:
        js.BigInt64Array.of("abc")
    assert str(caught.value) == "SyntaxError: Cannot convert abc to a BigInt"
    with pytest.raises(JsException, match="TypeError: Cannot convert a BigInt value to a number"):
        js.Int32Array.of(2**60)


def test_views_share_their_buffer_and_slice_copies():
    buffer = js.ArrayBuffer.new(8)
    words = js.Uint16Array.new(buffer)
    tail = js.Uint8Array.new(buffer, 4, 2)
    assert (words.length, words.byteLength, tail.byteOffset, tail.length) == (4, 8, 4, 2)
    words[2] = 0x0102  # little-endian, as every platform Workers run on
    assert list(tail) == [2, 1] and words.buffer is buffer
    middle = words.subarray(1, -1)
    middle.fill(0xFFFF)
    assert list(words) == [0, 0xFFFF, 0xFFFF, 0] and middle.byteOffset == 2
    copy = words.slice(1)
    copy[0] = 5
    assert words[1] == 0xFFFF and copy.buffer is not buffer and list(copy) == [5, 0xFFFF, 0]
    words.set(js.Uint8Array.of(7, 8), 2)
    assert list(words) == [0, 0xFFFF, 7, 8]
    assert buffer.slice(-2).byteLength == 2 and js.ArrayBuffer.isView(words) and not js.ArrayBuffer.isView(buffer)
    assert words.at(-1) == 8 and words.join("-") == "0-65535-7-8"


@pytest.mark.parametrize("build, error", [
    (lambda: js.Int16Array.new(js.ArrayBuffer.new(4), 1), "RangeError: start offset of Int16Array should be a multiple of 2"),
    (lambda: js.Int16Array.new(js.ArrayBuffer.new(3)), "RangeError: byte length of Int16Array should be a multiple of 2"),
    (lambda: js.Int16Array.new(js.ArrayBuffer.new(4), 8), "RangeError: Start offset 8 is outside the bounds of the buffer"),
    (lambda: js.Int16Array.new(js.ArrayBuffer.new(4), 0, 3), "RangeError: Invalid typed array length: 3"),
    (lambda: js.Uint8Array.new(-1), "RangeError: Invalid typed array length: -1"),
    (lambda: js.ArrayBuffer.new(-1), "RangeError: Invalid array buffer length"),
    (lambda: js.DataView.new(js.Uint8Array.new(4)), "TypeError: First argument to DataView constructor must be an ArrayBuffer"),
    (lambda: js.DataView.new(js.ArrayBuffer.new(4), 5), "RangeError: Start offset 5 is outside the bounds of the buffer"),
    (lambda: js.DataView.new(js.ArrayBuffer.new(4), 0, 8), "RangeError: Invalid DataView length 8"),
    (lambda: js.DataView.new(js.ArrayBuffer.new(4)).getInt32(1), "RangeError: Offset is outside the bounds of the DataView"),
    (lambda: js.BigInt64Array.new(js.Int8Array.new(2)), "TypeError: Cannot mix BigInt and other types"),
    (lambda: js.Uint8Array.new(4).set(js.Uint8Array.new(2), 3), "RangeError: offset is out of bounds"),
    (lambda: js.Uint8Array.new(2).set(js.BigInt64Array.new(1)),
     "TypeError: Cannot mix BigInt and other types, use explicit conversions"),
])
def test_bad_arguments_raise_v8s_errors(build, error):
    with pytest.raises(JsException) as caught:
        build()
    assert f"{caught.value.name}: {caught.value.message}".startswith(error)


def test_exact_fits_are_accepted():
    assert js.Int16Array.new(js.ArrayBuffer.new(4), 4).length == 0  # offset at the end: an empty view
    assert js.Int16Array.new(js.ArrayBuffer.new(4), 0, 2).length == 2
    assert js.DataView.new(js.ArrayBuffer.new(4), 4).byteLength == 0
    assert js.DataView.new(js.ArrayBuffer.new(4), 0, 4).getInt32(0) == 0


def test_data_view_reads_and_writes_either_byte_order():
    buffer = js.ArrayBuffer.new(16)
    view = js.DataView.new(buffer, 2)
    view.setUint16(0, 0x0102)
    view.setUint16(2, 0x0102, True)
    assert list(js.Uint8Array.new(buffer, 2, 4)) == [1, 2, 2, 1]
    view.setFloat64(4, 1.5, True)
    assert view.getFloat64(4, True) == 1.5 and view.getFloat64(4) != 1.5
    view.setInt8(12, 255)
    assert view.getInt8(12) == -1 and view.getUint8(12) == 255
    view.setBigUint64(4, 2**64 - 1)
    assert view.getBigInt64(4) == -1 and view.getBigUint64(4) == 2**64 - 1
    assert (view.byteOffset, view.byteLength, view.buffer is buffer) == (2, 14, True)


def test_pyodide_jsbuffer_methods():
    array = js.Int16Array.of(1, -2, 3)
    copy = array.to_py()
    assert isinstance(copy, memoryview) and copy.format == "h" and copy.tolist() == [1, -2, 3] and not copy.readonly
    copy[0] = 9  # a copy: the JavaScript array is unchanged
    assert array[0] == 1 and array.to_bytes() == struct.pack("<3h", 1, -2, 3)
    array.assign(array_module.array("h", [4, 5, 6]))  # a buffer of its item size (Pyodide checks it)
    assert list(array) == [4, 5, 6]
    target = array_module.array("h", [0, 0, 0])
    array.assign_to(target)
    assert list(target) == [4, 5, 6]
    untyped = bytearray(6)
    js.DataView.new(array.buffer).assign_to(untyped)  # an ArrayBuffer or DataView takes any buffer
    assert bytes(untyped) == struct.pack("<3h", 4, 5, 6)
    refusals = [  # Pyodide's texts, the lengths of assign's as it swaps them (real 0.26.0a4, 0.28.2, 314.0.6)
        (lambda: array.assign(b"ab"), ValueError, "cannot assign to TypedArray of length 2 from buffer of length 6"),
        (lambda: array.assign_to(bytearray(1)), ValueError,
         "cannot assign from TypedArray of length 6 to buffer of length 1"),
        (lambda: array.assign(b"abcdef"), ValueError, "TypedArray and memorybuffer have incompatible formats"),
        (lambda: array.assign_to(b"abcdef"), BufferError, "Object is not writable."),
        (lambda: array.assign_to(memoryview(bytearray(6)).toreadonly()), BufferError,
         "memoryview: underlying buffer is not writable"),
        (lambda: js.Uint8Array.of(0xFF).to_string(), ValueError, "Failed to decode Javascript TypedArray as utf8"),
        (lambda: js.Uint8Array.of(1)["x"], TypeError, "list indices must be integers or slices, not str"),
        (lambda: js.Uint8Array.of(1).to_string("nope"), JsException, 'RangeError: "nope" is not a valid encoding.'),
    ]
    for call, kind, text in refusals:
        with pytest.raises(kind) as caught:
            call()
        assert str(caught.value) == text
    assert list(array) == [4, 5, 6]  # refused: unchanged
    assert js.TextEncoder.new().encode("héllo").to_string() == "héllo"
    assert js.Uint8Array.of(0xFF).to_string("latin1") == "ÿ"  # the TextDecoder's label (windows-1252)
    with pytest.raises(JsException) as caught:
        js.TextDecoder.new().decode("text")
    assert str(caught.value) == ("TypeError: Failed to execute 'decode' on 'TextDecoder': parameter 1 is not of type "
                                 "'BufferSource or ArrayBuffer or ArrayBufferView'.")  # workerd 1.20261123.1 on
    assert js.DataView.new(js.ArrayBuffer.new(3)).to_py().tolist() == [0, 0, 0]
    assert js.JSON.stringify(js.Uint8Array.of(5)) == '{"0":5}' and js.JSON.stringify(js.DataView.new(js.ArrayBuffer.new(1))) == "{}"
    assert list(js.Float32Array.from_([1, 2], lambda v, i: v * 10 + i)) == [10, 21]


def test_get_random_values_fills_only_the_view():
    buffer = js.ArrayBuffer.new(64)
    view = js.Uint8Array.new(buffer, 16, 32)
    assert js.crypto.getRandomValues(view) is view
    raw = js.Uint8Array.new(buffer).to_bytes()
    assert raw[:16] == bytes(16) and raw[48:] == bytes(16) and raw[16:48] != bytes(32)
    with pytest.raises(JsException, match="^TypeMismatchError: ArrayBufferView argument to getRandomValues\\(\\) must be an "
                       "integer-typed view.$"):
        js.crypto.getRandomValues(js.Float32Array.new(4))
    assert js.crypto.getRandomValues(js.Uint8Array.new(65536)).byteLength == 65536  # the limit, both sides
    with pytest.raises(JsException, match=r"^QuotaExceededError: getRandomValues\(\) only accepts buffers of size <= 64K "
                       r"but provided 65537 bytes.$"):
        js.crypto.getRandomValues(js.Uint8Array.new(65537))


ENTRY = """
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint, python_from_rpc

CASES = {
    "ArrayBuffer": lambda: js.Uint8Array.new(to_js([1, 2, 3, 4, 5, 6, 7, 8])).buffer,
    "DataView": lambda: js.DataView.new(js.Uint8Array.new(to_js([9, 10, 11, 12])).buffer),
    "Uint8ClampedArray": lambda: js.Uint8ClampedArray.new(to_js([1, 2, 3, 4])),
    "Int16Array": lambda: js.Int16Array.new(to_js([1, -2, 3, -4])),
    "Float64Array": lambda: js.Float64Array.new(to_js([1.5, -2.5])),
    "Uint8Array.subarray": lambda: js.Uint8Array.new(to_js([0, 1, 2, 3, 4, 5])).subarray(1),
    "Int8Array.subarray": lambda: js.Int8Array.new(to_js([0, 1, -1, 2, -2])).subarray(1),
}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        body = CASES[request.headers.get("x-case")]()
        sent = await Response(body).bytes()
        raw = await js.Response.new(body).arrayBuffer()
        rpc = python_from_rpc(body)
        return Response.json({"workers": list(sent), "js": list(raw.to_bytes()), "length": int(body.byteLength),
                              "rpc": type(rpc).__name__, "rpc_bytes": list(bytes(rpc.cast("B")))})
"""

EXPECTED = {  # (the body's bytes, little-endian)
    "ArrayBuffer": bytes(range(1, 9)),
    "DataView": bytes([9, 10, 11, 12]),
    "Uint8ClampedArray": bytes([1, 2, 3, 4]),
    "Int16Array": struct.pack("<4h", 1, -2, 3, -4),
    "Float64Array": struct.pack("<2d", 1.5, -2.5),
    "Uint8Array.subarray": bytes([1, 2, 3, 4, 5]),
    "Int8Array.subarray": struct.pack("<4b", 1, -1, 2, -2),
}


@pytest.fixture(scope="module")
def worker(tmp_path_factory: pytest.TempPathFactory):
    root: Path = tmp_path_factory.mktemp("buffers")
    (root / "src").mkdir()
    (root / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (root / "wrangler.toml").write_text('name = "b"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
                                        'compatibility_flags = ["python_workers"]\n')
    typical_pyproject(root)
    return load_worker(root)


@pytest.mark.asyncio
@pytest.mark.parametrize("case", sorted(EXPECTED))
async def test_every_buffer_source_is_a_response_body_of_its_own_bytes(worker, case):
    """workerd's sdk test (response_buffer_source_unit_tests): only a view's own bytes are sent."""
    reply = await (await worker.fetch("/", headers={"x-case": case})).json()
    want = list(EXPECTED[case])
    assert reply == {"workers": want, "js": want, "length": len(want), "rpc": "memoryview", "rpc_bytes": want}


def test_pyodide_ffi_names_the_buffer_classes():
    import importlib

    ffi = importlib.import_module("workers_env.runtime.standins").standin_modules()["pyodide.ffi"]
    assert isinstance(js.DataView.new(js.ArrayBuffer.new(1)), ffi.JsBuffer)
    assert isinstance(js.ArrayBuffer.new(1), ffi.JsBuffer) and isinstance(js.Int8Array.new(1), ffi.JsTypedArray)
    assert not isinstance(js.ArrayBuffer.new(1), ffi.JsTypedArray) and to_js(b"ab").constructor.name == "Uint8Array"


@pytest.mark.asyncio
async def test_uint8array_over_an_uploaded_files_array_buffer():
    """``Uint8Array.new(await file.arrayBuffer())``: how Python Workers turn uploads, bodies and
    R2 objects into bytes (a public RAG Worker's upload route)."""
    form = js.FormData.new()
    form.append("file", js.File.new(["%PDF-1.7 héllo"], "doc.pdf"))
    request = js.Request.new("https://example.com/upload", method="POST", body=form)
    upload = (await request.formData()).get("file")
    buffer = await upload.arrayBuffer()
    view = js.Uint8Array.new(buffer)
    assert view.buffer is buffer and bytes(view.to_bytes()) == "%PDF-1.7 héllo".encode()
    body = js.Uint8Array.new(await js.Response.new("abc").arrayBuffer(), 1)
    assert list(body) == [98, 99]
