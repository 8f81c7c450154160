"""``unpack_archive(*, extract_dir=None, format=None)`` of Pyodide's ``FetchResponse`` (0.26 and
0.28), inherited by both SDKs' ``Response``: the body unpacked by ``shutil`` into ``extract_dir``,
its format ``format`` or the extension of the last part of the response's URL (``unpack_buffer``):
a URL ending in ``/`` without ``format`` is ``ValueError: At least one of filename and format must
be provided``, an unknown format ``ValueError: Unrecognized format ...``, and it reads the body, so
a second call is the era's used-body error."""

from __future__ import annotations

import contextlib
import http.server
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker, serving

WORKER = """
from pathlib import Path
from pyodide.http import pyfetch
from workers import Response, WorkerEntrypoint, fetch

URL = "{url}"
OUT = "{out}"

async def outcome(awaitable):
    try:
        await awaitable
        return "ok"
    except Exception as exc:
        return f"{{type(exc).__name__}}: {{exc}}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seen = []
        by_name = await fetch(URL + "/files/site.zip")
        seen.append(await outcome(by_name.unpack_archive(extract_dir=OUT + "/a")))
        seen.append(await outcome(by_name.unpack_archive(extract_dir=OUT + "/a")))
        seen.append(await outcome((await fetch(URL + "/files/")).unpack_archive(extract_dir=OUT + "/b")))
        seen.append(await outcome((await pyfetch(URL + "/files/")).unpack_archive(extract_dir=OUT + "/c",
                                                                                   format="zip")))
        seen.append(await outcome((await fetch(URL + "/files/")).unpack_archive(format="rar")))
        made = Response((await (await fetch(URL + "/files/x.zip")).bytes()))
        seen.append(await outcome(made.unpack_archive(extract_dir=OUT + "/d", format=".zip")))
        seen.append(sorted(str(p.relative_to(OUT)) for p in Path(OUT).rglob("*.txt")))
        return Response.json(seen)

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


def _zip() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("docs/hello.txt", "hello")
    return data.getvalue()


@contextlib.contextmanager
def archive_origin() -> Iterator[str]:
    """A local origin answering every GET with the same zip archive."""
    body = _zip()

    class Archive(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self.send_response(200)
            self.send_header("content-type", "application/zip")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    with serving(Archive) as url:
        yield url


@pytest.mark.parametrize(("date", "used"), [
    ("2025-08-13", "OSError: Response body is already used"),  # Pyodide 0.26
    ("2025-10-01", "BodyUsedError: Response body is already used"),  # Pyodide 0.28, the built-in SDK
    ("2026-05-01", "BodyUsedError: Response body is already used"),  # the external SDK
])
def test_unpack_archive_of_a_fetched_response(tmp_path: Path, date: str, used: str) -> None:
    out = tmp_path / "out"
    with archive_origin() as url:
        folder = one_file_worker(tmp_path / "w", WORKER.format(url=url, out=out), date=date)
        assert json_answer(folder, "/") == [
            "ok", used,
            "ValueError: At least one of filename and format must be provided",
            "ok",
            "ValueError: Unrecognized format rar",
            "ok",
            ["a/docs/hello.txt", "c/docs/hello.txt", "d/docs/hello.txt"],
        ]
