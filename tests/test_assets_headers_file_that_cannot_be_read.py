"""A ``_headers`` that cannot be read -- a symlink loop (an ``OSError`` of its own), a folder of
that name -- adds no headers and raises nothing, at load or at a request, as a missing one; a
symlink loop raised ``OSError`` out of ``load_worker`` and of every assets request."""

from __future__ import annotations

import os

import pytest
from worker_helpers import assets_site

from workers_env import load_worker


@pytest.mark.asyncio
async def test_a_symlink_loop_and_a_folder(tmp_path):
    assets_site(tmp_path, {"about.html": "about"})
    os.symlink("_headers", tmp_path / "public" / "_headers")
    worker = load_worker(tmp_path)
    assert (await worker.fetch("/about")).status == 200
    (tmp_path / "public" / "_headers").unlink()
    (tmp_path / "public" / "_headers").mkdir()
    assert (await worker.fetch("/about")).status == 200
