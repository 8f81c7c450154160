"""Every Python object's PyProxy has an own ``type`` property, its type's C ``tp_name``
(Pyodide's ``_pyproxy_type``), read before any attribute -- ``MyDict``, ``Counter``,
``collections.OrderedDict``, ``types.SimpleNamespace`` -- and, for a type with ``__len__``, an
own ``length``, its len(); its other properties are its attributes (measured ``o.type``,
``o.length``, ``o.lastModified`` under Node on Pyodide 0.26.0a4, 0.28.2 and 314.0.6). So a dict
subclass, a ``SimpleNamespace`` or an instance given as Blob/File options gives that name as the
Blob's type (lower-cased), as KV ``get`` options in the built-in era KV's ``Unknown response
type`` (workerd's GetOptions.type read), and as a ReadableStream source workerd's refusal of a
type other than ``"bytes"`` (standard.c++). workers-env read no ``type`` of those (a Blob's
``""``), refused a binding's options with its own TypeError, and took a source's attributes."""

from __future__ import annotations

import collections
import json
import types

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, PyProxyWarning, js, load_worker


class MyDict(dict):
    pass


class ByKeys(dict):  # the SDK's JsDict: its keys are attributes
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


@pytest.mark.parametrize(("options", "blob_type"), [
    (MyDict(type="text/plain"), "mydict"),
    (collections.OrderedDict(type="text/plain"), "collections.ordereddict"),
    (collections.Counter(), "counter"),
    (types.SimpleNamespace(type="text/plain"), "types.simplenamespace"),
    (ByKeys(type="text/plain"), "bykeys"),
])
def test_a_blobs_type_is_the_pyproxys_own(options, blob_type):
    with pytest.warns(PyProxyWarning, match="reads its type as the PyProxy own property"):
        assert js.Blob.new(["x"], options).type == blob_type


def test_a_files_other_members_are_attributes():
    with pytest.warns(PyProxyWarning):
        by_keys = js.File.new(["x"], "n", ByKeys(lastModified=5))
        plain = js.File.new(["x"], "n", MyDict(lastModified=5))
        namespace = js.File.new(["x"], "n", types.SimpleNamespace(lastModified=7))
    assert (by_keys.type, by_keys.lastModified) == ("bykeys", 5)
    assert plain.type == "mydict" and plain.lastModified != 5  # a key, not an attribute: not read
    assert namespace.lastModified == 7


def test_the_warning_says_what_is_read():
    with pytest.warns(PyProxyWarning) as caught:
        js.Blob.new([], types.SimpleNamespace(type="a"))
    assert str(caught[0].message) == (
        "a Python SimpleNamespace reached JavaScript as a PyProxy as the options of new Blob(): JavaScript reads its "
        "type as the PyProxy own property, 'types.SimpleNamespace', whatever the object holds, in production too. "
        "Convert it with to_js(a dict of its members, dict_converter=Object.fromEntries) (from pyodide.ffi import to_js; from js import Object)")


def test_a_python_object_as_a_readable_stream_source_is_refused_for_its_type():
    class Source:
        def pull(self, controller):
            controller.close()

    for source, name in ((Source(), "Source"), (types.SimpleNamespace(type="bytes"), "types.SimpleNamespace"),
                         (MyDict(type="bytes"), "MyDict")):
        with pytest.warns(PyProxyWarning), pytest.raises(JsException) as caught:
            js.ReadableStream.new(source)
        assert str(caught.value) == f'TypeError: "{name}" is not a valid type of ReadableStream.'


ENTRY = '''
import json
from types import SimpleNamespace

from js import Response


class MyDict(dict):
    pass


class json_(dict):
    pass


json_.__name__ = json_.__qualname__ = "json"  # tp_name follows __name__: a type named json


async def on_fetch(request, env):
    await env.KV.put("k", '{"a": 1}')
    out = []
    for options in (MyDict(type="json"), MyDict(cacheTtl=60), SimpleNamespace(type="json"), json_()):
        try:
            value = await env.KV.get("k", options)
            out.append(["ok", value.to_py() if hasattr(value, "to_py") else value])
        except Exception as e:
            out.append(["error", str(e)])
    return Response.new(json.dumps(out))
'''

UNKNOWN = 'TypeError: Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".'


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-08-01", "2025-12-01"])  # Pyodide 0.26, 0.28: the built-in SDK
async def test_kv_get_options_of_a_python_object_read_its_type_name(tmp_path, date):
    flags = ["disable_python_no_global_handlers"] if date > "2025-08-14" else []
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, flags=flags,
                                         extra='kv_namespaces = [{ binding = "KV", id = "ns" }]\n'))
    with pytest.warns(PyProxyWarning):
        response = await worker.fetch("/")
    assert json.loads(await response.text()) == [["error", UNKNOWN]] * 3 + [["ok", {"a": 1}]]
