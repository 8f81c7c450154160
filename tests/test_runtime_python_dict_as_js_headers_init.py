"""A Python ``dict`` handed to the raw JavaScript ``Headers`` / ``Response`` / ``Request``
(``Response.new(body, headers={...})``) crosses as a PyProxy, which is iterable over its keys.
workerd's ``Headers::Initializer`` is ``OneOf<Ref<Headers>, Sequence<Sequence<String>>,
Dict<String, String>>`` and jsg tries the iterable ``Sequence`` before the record (headers.h,
jsg value.h ``OneOfWrapper``), so each key must itself be a pair: a ``str`` key is jsg's
``TypeError: Incorrect type: the provided value is not of type 'Sequence'.``, on Pyodide 0.26
and 0.28 alike. ``dict.items()``, a list of pairs or ``to_js`` pass. Found running a tutorial
("Cloudflare Workers 完整指南：Python & Go", 2024-12-01) whose own troubleshooting notes that
``headers={"Content-Type": ...}`` fails under ``wrangler dev`` while ``Headers.new(d.items())``
works; workers-env served the dict's items as headers."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
from urllib.parse import urlparse

from js import Headers, Request, Response


async def on_fetch(request, env):
    path = urlparse(request.url).path
    if path == "/dict":
        return Response.new(json.dumps({"a": 1}), headers={"Content-Type": "application/json"})
    if path == "/items":
        return Response.new("{}", headers=Headers.new({"Content-Type": "application/json"}.items()))
    if path == "/pairs":
        return Response.new("{}", headers=[["Content-Type", "application/json"]])
    if path == "/empty":
        return Response.new("x", headers={})
    if path == "/headers-new":
        Headers.new({"x-a": "1"})
    if path == "/request":
        Request.new("https://a.test/", headers={"x-a": "1"})
    if path == "/proxy":  # create_proxy(dict) is the same PyProxy the dict becomes
        from pyodide.ffi import create_proxy
        Headers.new(create_proxy({"x-a": "1"}))
    if path == "/proxy-pairs":
        from pyodide.ffi import create_proxy
        return Response.new("{}", headers=create_proxy([["Content-Type", "application/json"]]))
    if path == "/json":
        return Response.json(json.dumps({"a": 1}), headers={"x-a": "1"})
    return Response.new("unreached")
'''

SEQUENCE = "TypeError: Incorrect type: the provided value is not of type 'Sequence'."


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2024-12-01", "2025-08-01"])  # Pyodide 0.26 (module-level on_fetch era)
async def test_a_dict_of_headers_is_refused_and_its_items_are_taken(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    for path in ("/dict", "/headers-new", "/request", "/json", "/proxy"):
        with pytest.raises(Exception) as caught:
            await worker.fetch(path)
        assert str(caught.value) == SEQUENCE, path
    for path in ("/items", "/pairs", "/proxy-pairs"):
        response = await worker.fetch(path)
        assert (response.status, response.headers["content-type"]) == (200, "application/json"), path
    empty = await worker.fetch("/empty")  # no key, nothing to refuse: no headers
    assert (empty.status, empty.headers["content-type"]) == (200, "text/plain;charset=UTF-8")


@pytest.mark.asyncio
async def test_the_same_on_pyodide_0_28(tmp_path):
    entry = ENTRY.replace("async def on_fetch(request, env):", "async def _route(request):") + '''

from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await _route(request)
'''
    worker = load_worker(one_file_worker(tmp_path, entry, date="2025-12-01"))
    with pytest.raises(Exception) as caught:
        await worker.fetch("/dict")
    assert str(caught.value) == SEQUENCE
    assert (await worker.fetch("/items")).headers["content-type"] == "application/json"
