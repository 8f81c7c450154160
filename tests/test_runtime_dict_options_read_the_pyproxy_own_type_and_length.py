"""A Python dict handed to a JavaScript API as its options or algorithm is a PyProxy whose own
``type`` (``"dict"``) and ``length`` (its len()) answer before any key, in every Pyodide
(measured under Node on 0.26.0a4, 0.28.2 and 314.0.6: differential group
pyproxy-own-type-length): ``new Blob([...], {"type": ...})`` and ``File``'s options have type
``"dict"``; a dict as a ReadableStream's underlying source is workerd's ``"dict" is not a valid
type`` TypeError; a crypto.subtle AES/HMAC algorithm's ``length`` is the dict's len(). A JS
object -- ``to_js(..., dict_converter=Object.fromEntries)`` or keyword arguments -- reads the
key. Each says so with a ``PyProxyWarning``."""

from __future__ import annotations

import warnings

import pytest

from workers_env import PyProxyWarning, load_worker

ENTRY = '''
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

def obj(**kw):
    return to_js(kw, dict_converter=js.Object.fromEntries)

async def outcome(make):
    try:
        return await make()
    except Exception as exc:
        return str(exc)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        subtle = js.crypto.subtle
        out = {}
        out["blob"] = js.Blob.new(["x"], {"type": "text/plain"}).type
        out["blob_obj"] = js.Blob.new(["x"], obj(type="text/plain")).type
        out["blob_kw"] = js.Blob.new(["x"], type="text/plain").type
        f = js.File.new(["x"], "n", {"type": "text/plain", "lastModified": 5})
        out["file"] = [f.type, f.lastModified == 5]
        async def stream(source):
            js.ReadableStream.new(source)
            return "made"
        out["stream"] = await outcome(lambda: stream({"type": "bytes"}))
        out["stream_obj"] = await outcome(lambda: stream(obj(type="bytes")))
        out["stream_potato"] = await outcome(lambda: stream(obj(type="potato")))
        async def length(algorithm, usages):
            return (await subtle.generateKey(algorithm, True, usages)).algorithm.length
        out["aes"] = await outcome(lambda: length({"name": "AES-GCM", "length": 256}, ["encrypt"]))
        out["aes_obj"] = await outcome(lambda: length(obj(name="AES-GCM", length=256), ["encrypt"]))
        out["hmac"] = await outcome(lambda: length({"name": "HMAC", "hash": "SHA-256"}, ["sign"]))
        base = await subtle.importKey("raw", js.Uint8Array.new(16), "PBKDF2", False, ["deriveKey"])
        pbkdf2 = obj(name="PBKDF2", salt=js.Uint8Array.new(8), iterations=1, hash="SHA-256")
        async def derived(algorithm):
            return (await subtle.deriveKey(pbkdf2, base, algorithm, True, ["encrypt"])).algorithm.length
        out["derive"] = await outcome(lambda: derived({"name": "AES-GCM", "length": 256}))
        out["derive_obj"] = await outcome(lambda: derived(obj(name="AES-GCM", length=256)))
        return Response.json(out)
'''

AES = "OperationError: Generated AES key length must be 128, 192, or 256 bits but requested 2."


def _worker(project, date):
    return load_worker(project(f'name = "c"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
                               'compatibility_flags = ["python_workers"]\n', src__entry_DOT_py=ENTRY))


async def _run(worker):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        body = await (await worker.fetch("/")).json()
    return body, [str(w.message) for w in seen if issubclass(w.category, PyProxyWarning)]


@pytest.mark.asyncio
async def test_a_dict_reads_its_own_type_and_length_on_pyodide_028(project):
    body, said = await _run(_worker(project, "2025-11-01"))
    assert {k: body[k] for k in ("blob", "blob_obj", "blob_kw", "file")} == {
        "blob": "dict", "blob_obj": "text/plain", "blob_kw": "text/plain", "file": ["dict", True]}
    assert body["stream"] == 'TypeError: "dict" is not a valid type of ReadableStream.'
    assert body["stream_obj"] == "made"
    assert body["stream_potato"] == 'TypeError: "potato" is not a valid type of ReadableStream.'
    assert (body["aes"], body["aes_obj"], body["hmac"]) == (AES, 256, 2)
    assert body["derive"].startswith("OperationError: Derived AES key must be 128, 192, or 256 bits")
    assert body["derive_obj"] == 256
    assert any("options of new Blob(): JavaScript reads its type as the PyProxy own property, 'dict'" in t for t in said)
    assert any("underlying source of a ReadableStream: JavaScript reads its type" in t for t in said)
    assert any("crypto.subtle call: JavaScript reads its length as the PyProxy own property, 2" in t for t in said)


@pytest.mark.asyncio
async def test_on_pyodide_026_the_own_type_is_read_though_no_key_is(project):
    body, said = await _run(_worker(project, "2025-09-01"))
    assert body["blob"] == "dict" and body["file"] == ["dict", False]  # lastModified: no key read, now
    assert body["stream"] == 'TypeError: "dict" is not a valid type of ReadableStream.'
    assert body["blob_obj"] == "text/plain" and body["aes_obj"] == 256


@pytest.mark.asyncio
async def test_the_external_sdk_leaves_javascripts_own_apis_their_pyproxy(project):
    """The external SDK converts what it hands to a binding; ``js.Blob`` and the rest are called
    directly, so the dict still reaches them as its PyProxy."""
    worker = load_worker(project('name = "c"\nmain = "src/entry.py"\ncompatibility_date = "2026-08-20"\n'
                                 'compatibility_flags = ["python_workers"]\n', src__entry_DOT_py=ENTRY,
                                 pyproject_DOT_toml='[project]\nname = "c"\nversion = "0"\nrequires-python = ">=3.12"\n'
                                 'dependencies = []\n[dependency-groups]\ndev = ["workers-py"]\n'))
    body, _ = await _run(worker)
    assert (body["blob"], body["blob_kw"], body["aes"], body["aes_obj"]) == ("dict", "text/plain", AES, 256)
    assert body["stream"] == 'TypeError: "dict" is not a valid type of ReadableStream.'
