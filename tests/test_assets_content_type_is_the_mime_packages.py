"""An asset's ``Content-Type`` is the one wrangler gives it: the ``mime`` package's ``getType`` on
the file's name (mime 4.0.7 as wrangler 4.164.0 bundles it), ``text/*`` with ``; charset=utf-8``,
none for an extension the package lacks -- whatever the host's ``/etc/mime.types`` says. Every
expected value below was measured under ``wrangler dev`` 4.164.0 on the same files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker
from workers_env.assets.mime_package import EXTENSION_TYPES

MEASURED = {
    "a.tex": "application/x-tex",  # Python's mimetypes (Debian's mime.types): text/x-tex
    "A.TEX": "application/x-tex",
    ".hidden.tex": "application/x-tex",
    "a.gz": "application/gzip",
    "x.tar.gz": "application/gzip",
    "a.map": "application/json",
    "a.toml": "application/toml",
    "a.jsx": "text/jsx; charset=utf-8",
    "a.def": "text/plain; charset=utf-8",
    "a.py": None,  # mime has no .py: no header at all
    "a.sty": None,
    "README": None,
    ".tex": None,  # a leading dot starts no extension
}

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("worker")
"""


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    root: Path = tmp_path_factory.mktemp("site")
    (root / "public").mkdir()
    for name in MEASURED:
        (root / "public" / name).write_text("x")
    (root / "src").mkdir()
    (root / "src" / "entry.py").write_text(ENTRY)
    (root / "wrangler.json").write_text(json.dumps({
        "name": "site", "main": "src/entry.py", "compatibility_date": "2026-09-01",
        "compatibility_flags": ["python_workers"], "assets": {"directory": "public"}}))
    return load_worker(typical_pyproject(root))


@pytest.mark.asyncio
@pytest.mark.parametrize(("name", "expected"), list(MEASURED.items()))
async def test_an_assets_content_type_is_what_wrangler_dev_sends(worker, name, expected):
    resp = await worker.fetch("/" + name)
    assert (resp.status, await resp.text()) == (200, "x")  # the asset, not the Worker
    assert resp.headers.get("content-type") == expected


def test_the_table_is_the_whole_mime_package():
    # standard and "other" types alike, lower-case extensions, starred (secondary) ones left out
    assert len(EXTENSION_TYPES) == 1239
    assert EXTENSION_TYPES["ico"] == "image/vnd.microsoft.icon"  # not the starred image/x-icon
    assert EXTENSION_TYPES["exe"] == "application/octet-stream"  # x-msdownload's *exe is starred
    assert all(ext == ext.lower() and not ext.startswith("*") for ext in EXTENSION_TYPES)
