"""``request.headers`` and a ``workers.Response``'s ``headers`` per SDK: workers-runtime-sdk 1.8.1
made ``utils._js_headers_to_http_message`` return ``HTTPMessageMapping(http.client.HTTPMessage,
collections.abc.Mapping)`` (the 1.8.0 -> 1.8.1 wheels' ``workers/utils.py``; still so in 1.9.5):
a ``Mapping`` whose ``==`` compares ``dict(items())`` and so is unhashable and not reversible,
shown as ``<workers.utils.HTTPMessageMapping object at ...>``.
Every earlier release and workerd's built-in SDK (``_workers.py`` ``Request.headers``) return a
plain ``http.client.HTTPMessage``: hashable, ``==`` is identity, not a ``Mapping``."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
import pickle
from collections.abc import Mapping
from workers import Response, WorkerEntrypoint


def facts(h):
    try:
        hash(h)
        hashable = True
    except TypeError as exc:
        hashable = str(exc)
    match h:
        case {"x-a": value}:
            matched = value
        case _:
            matched = None
    return [repr(h).split(" at ")[0], isinstance(h, Mapping), hashable,
            h == {"x-a": "1", "host": "localhost", "accept-encoding": "br, gzip"}, matched,
            h["X-A"], h.get("x-b", "none"), "X-A" in h, type(pickle.loads(pickle.dumps(h))) is type(h)]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        response = Response("", headers={"x-a": "1"})
        return Response(json.dumps([facts(request.headers), facts(response.headers)[:3]]))
'''

PLAIN = ["<http.client.HTTPMessage object", False, True, False, None, "1", "none", True, True]
MAPPING = ["<workers.utils.HTTPMessageMapping object", True, "unhashable type: 'HTTPMessageMapping'", True, "1",
           "1", "none", True, True]


def _worker(folder, sdk):
    one_file_worker(folder, ENTRY, date="2026-08-01")
    (folder / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    return load_worker(folder)


@pytest.mark.asyncio
@pytest.mark.parametrize(("sdk", "want"), [("1.6.0", PLAIN), ("1.8.0", PLAIN), ("1.8.1", MAPPING), ("1.9.5", MAPPING)])
async def test_headers_type_by_sdk(tmp_path, sdk, want):
    worker = _worker(tmp_path, sdk)
    got = json.loads(await (await worker.fetch("/", headers=[("x-a", "1")])).text())
    assert got == [want, want[:3]]
