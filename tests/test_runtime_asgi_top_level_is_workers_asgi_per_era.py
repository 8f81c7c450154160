"""From workers-runtime-sdk 1.6.14 (workers-py 16cac5c, #194) the top-level ``asgi.py`` is
``sys.modules[__name__] = workers.asgi``: ``import asgi`` and ``from workers import asgi`` are
one module, named ``workers.asgi``, and a patch of either is seen through the other. Before it
(the built-in SDK era; an external SDK before 1.6.14) ``asgi`` is its own module, named so, and
``workers.asgi`` is not there. ``_to_js_headers`` (private, ``workers.utils``'s from 1.5.2, which
``asgi.py`` imports from 1.6.13) is imported by public Worker code to build a ``Response``."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
import sys

import asgi
from js import Response
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seen = {"name": asgi.__name__, "spec": asgi.__spec__.name, "headers": hasattr(asgi, "_to_js_headers")}
        try:
            from workers import asgi as other
        except ImportError:
            return Response.new(json.dumps(seen))
        asgi.patched = "through asgi"
        other.request_to_scope = "through workers.asgi"
        seen.update(same=asgi is other is sys.modules["workers.asgi"] is sys.modules["asgi"],
                    getattr_same=asgi.__getattr__ is other.__getattr__, patched=other.patched,
                    scope=asgi.request_to_scope,
                    headers_same=asgi._to_js_headers is other._to_js_headers)
        del asgi.patched, other.request_to_scope
        return Response.new(json.dumps(seen))

    on_fetch = fetch
'''


async def _seen(folder, date, sdk=None):
    one_file_worker(folder, ENTRY, date=date)
    if sdk is not None:
        (folder / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    return json.loads(await (await load_worker(folder).fetch("/")).text())


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "sdk", "headers"), [("2024-12-30", None, False), ("2026-05-01", "1.6.12", False),
                                                      ("2026-05-01", "1.6.13", True)])
async def test_before_1_6_14_asgi_is_its_own_module(tmp_path, date, sdk, headers):
    assert await _seen(tmp_path, date, sdk) == {"name": "asgi", "spec": "asgi", "headers": headers}


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.6.14", None])  # None: the newest release
async def test_from_1_6_14_asgi_is_workers_asgi_and_a_patch_is_seen_through_both(tmp_path, sdk):
    assert await _seen(tmp_path, "2026-05-01", sdk) == {
        "name": "workers.asgi", "spec": "workers.asgi", "headers": True, "same": True, "getattr_same": True,
        "patched": "through asgi", "scope": "through workers.asgi", "headers_same": True}


@pytest.mark.asyncio
async def test_a_patch_leaves_with_its_delete_for_the_next_worker(tmp_path):
    await _seen(tmp_path / "a", "2026-05-01")
    assert (await _seen(tmp_path / "b", "2024-12-30"))["name"] == "asgi"
    worker = load_worker(one_file_worker(tmp_path / "c", "import asgi\nNAMES = sorted(vars(asgi))\n", date="2026-05-01"))
    assert "patched" not in worker.module.NAMES and "request_to_scope" not in worker.module.NAMES


def test_workers_utils_to_js_headers_imports_as_public_workers_do(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, "from workers.utils import _to_js_headers\n"
                                                    "H = _to_js_headers([('a', '1'), ('a', '2')])\n", date="2026-05-01"))
    assert worker.module.H.get("a") == "1, 2"
