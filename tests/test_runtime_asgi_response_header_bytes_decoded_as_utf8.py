"""The app's response header bytes are read as UTF-8, as every bridge reads them: workerd's
built-in ``asgi.py`` and workers-runtime-sdk's (1.1.1 to 1.6.15 and main read in workers-py)
both take ``(k.decode(), v.decode())``. So ``b"caf\\xc3\\xa9"`` is the header ``café`` -- workerd's
``Headers`` keeps any string and writes it out in UTF-8, the bytes the app sent (measured with a
JavaScript twin under ``wrangler dev`` 4.164.0) -- and bytes that are not UTF-8 are the
``UnicodeDecodeError`` the app's ``send`` raises. workers-env read them as Latin-1 before:
``cafÃ©``, and ``ÿ`` for ``b"\\xff"``."""

from __future__ import annotations

import pytest
from worker_helpers import ASGI_SEEN_AFTER, ASGI_SEEN_BEFORE, one_file_worker, sdk_worker, served_text

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = ASGI_SEEN_BEFORE + """

async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        return await lifespan(receive, send)
    value = b"caf\\xc3\\xa9 \\xe2\\x82\\xac" if scope["path"] == "/utf8" else b"caf\\xe9"
    try:
        await send({"type": "http.response.start", "status": 200, "headers": [(b"x-name", value)]})
    except Exception as exc:
        SEEN.append(f"{type(exc).__name__}: {exc}")
        raise
    await send({"type": "http.response.body", "body": b"ok"})
""" + ASGI_SEEN_AFTER


def _worker(tmp_path, where):
    return load_worker(one_file_worker(tmp_path, ENTRY, date="2025-10-01") if where == "built-in"
                       else sdk_worker(tmp_path, ENTRY, where))


@pytest.mark.asyncio
@pytest.mark.parametrize("where", ["built-in", "1.6.0", "1.9.5"])
async def test_utf8_header_bytes_are_the_text_they_encode(tmp_path, where):
    response = await _worker(tmp_path, where).fetch("/utf8")
    assert response.headers.get("x-name") == "caf\u00e9 \u20ac"


@pytest.mark.asyncio
@pytest.mark.parametrize("where", ["built-in", "1.6.0", "1.9.5"])
async def test_bytes_that_are_not_utf8_fail_the_apps_send(tmp_path, where):
    worker = _worker(tmp_path, where)
    with pytest.raises(UnicodeDecodeError):
        await worker.fetch("/latin1")
    assert await (await worker.fetch("/seen")).text() == (
        "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 3: unexpected end of data")


@pytest.mark.parametrize("where", ["built-in", "1.9.5"])
def test_the_500_shows_the_apps_frames_not_workers_envs(tmp_path, where):
    """The ``UnicodeDecodeError`` is the app's mistake, raised in the bridge's ``send`` as in
    production's ``asgi.py``: the ``PythonError`` body leaves workers-env's frames out (it showed
    server.py, loader.py, tasks.py and asgi.py, as for a bug of workers-env's own)."""
    with BackgroundServer(_worker(tmp_path, where)) as server:
        body = served_text(server, "/latin1")
    # (built-in: dated 2025-10-01, before enhanced_error_serialization: the name in an Error's message)
    assert body.startswith(("Error: " if where == "built-in" else "") + "PythonError: Traceback (most recent call last):\n")
    assert 'entry.py", line' in body and "workers_env" not in body
    assert body.endswith("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 3: "
                         "unexpected end of data\n")
