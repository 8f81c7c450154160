"""A note telling built-in-SDK Worker code to convert a Python value with ``to_js(...)`` says where
``to_js`` (and, when the call names it, ``Object``) come from in Worker code:
``(from pyodide.ffi import to_js; from js import Object)`` right after the call, once, whatever the
call's own parentheses (walk58: a Worker of Cloudflare's docs dated 2025-09-01 was told to write
``to_js(value, dict_converter=Object.fromEntries)`` for ``AI.run(model, {"text": ...})``, and
neither the note nor the README said what to import)."""

from __future__ import annotations

import collections
import json
import types
import warnings

import pytest
from worker_helpers import one_file_worker

from workers_env import PyProxyWarning, js, load_worker

ENTRY = """
import json
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.AI.run("@cf/baai/bge-base-en-v1.5", {"text": "cats"})
        except Exception as exc:
            return Response(json.dumps(getattr(exc, "__notes__", [])))
        return Response("[]")
"""

IMPORTS = "(from pyodide.ffi import to_js; from js import Object)"


@pytest.mark.asyncio
async def test_a_dict_given_to_a_raw_binding_is_told_what_to_import(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01", extra='[ai]\nbinding = "AI"\n'))
    with pytest.warns(PyProxyWarning) as caught:
        notes = json.loads(await (await worker.fetch("/")).text())
    fix = f"Convert it with to_js(value, dict_converter=Object.fromEntries) {IMPORTS}"
    assert [note for note in notes if fix in note] == notes and len(notes) == 1
    assert fix in str(caught[0].message) and str(caught[0].message).count("from pyodide.ffi") == 1


def test_the_imports_follow_the_whole_call_parentheses_inside_it_too():
    class Members(dict):
        pass

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        js.Blob.new([], collections.OrderedDict(endings="native"))  # its type, then its keys: two notes
        js.Headers.new(types.SimpleNamespace(a="1"))
        js.JSON.stringify(Members(a=1))
    endings = [str(w.message).rsplit(". ", 1)[-1] for w in caught if w.category is PyProxyWarning]
    assert endings == [
        f"Convert it with to_js(a dict of its members, dict_converter=Object.fromEntries) {IMPORTS}",
        f"Convert it with to_js(dict(value), dict_converter=Object.fromEntries) {IMPORTS}",
        f"Pass a dict's items(), a list of [name, value] pairs or to_js(d, dict_converter=Object.fromEntries) {IMPORTS}",
        f"Write its JSON with json.dumps(value), or convert it with to_js(value, dict_converter=Object.fromEntries) "
        f"{IMPORTS}",
    ]
