"""``workers.wsgi.entrypoint(app)`` (workers-runtime-sdk 1.8.0 on) and ``Options`` (1.9.5 on):
Cloudflare's Flask guide ends with ``Default = wsgi.entrypoint(app)`` (batch 23); an SDK
release without a name answers as production's module does."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from workers import wsgi


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"{environ['REQUEST_METHOD']} {environ['PATH_INFO']}".encode()]


Default = wsgi.entrypoint(app, options=wsgi.Options(encode_body="manual"))
'''


def _project(root, pylock_sdk=None):
    one_file_worker(root, ENTRY, date="2026-05-01")
    if pylock_sdk:
        (root / "pylock.toml").write_text(f'lock-version = "1.0"\n[[packages]]\nname = "workers-runtime-sdk"\n'
                                          f'version = "{pylock_sdk}"\n')
    return root


@pytest.mark.asyncio
async def test_wsgi_entrypoint_serves_the_app(tmp_path):
    worker = load_worker(_project(tmp_path))
    response = await worker.fetch("/hello", method="POST")
    assert (response.status, await response.text()) == (200, "POST /hello")


def test_options_are_checked_as_the_sdks():
    from workers_env.runtime.wsgi import Options

    with pytest.raises(ValueError, match=r"encode_body must be one of \('automatic', 'manual'\), got 'gzip'"):
        Options(encode_body="gzip")
    assert Options(encode_body="manual").response_init() == {"encodeBody": "manual"}
    assert Options().response_init() == {}


@pytest.mark.asyncio
async def test_an_sdk_before_options_lacks_them(tmp_path):
    with pytest.raises(AttributeError, match=r"module 'workers.wsgi' has no attribute 'Options' \(it came with "
                                             r"workers-runtime-sdk 1.9.5; this Worker runs 1.9.4\)"):
        load_worker(_project(tmp_path, pylock_sdk="1.9.4"))
