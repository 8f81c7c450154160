"""An ``.assetsignore`` written or edited while a Worker serves is taken up at the next request,
as ``wrangler dev`` 4.164.0 takes it up (measured: ``/secret.txt`` 200, then ``.assetsignore``
naming it written, then 404 -- wrangler reloads on the change); an edit that stops ignoring a file
serves it again."""

from __future__ import annotations

import os

import pytest
from test_assets_in_front_of_the_worker import get, project

from workers_env import load_worker


@pytest.mark.asyncio
async def test_an_ignore_file_written_later_hides_what_it_names_and_an_edit_shows_it_again(tmp_path):
    root = project(tmp_path)
    ignore = root / "public" / ".assetsignore"
    ignore.unlink()
    worker = load_worker(root)
    assert (await get(worker, "/secret/key.txt"))[:2] == (200, "do not serve")
    ignore.write_text("secret/\n")
    assert (await get(worker, "/secret/key.txt"))[1] == "worker GET http://localhost/secret/key.txt"
    stat = ignore.stat()
    ignore.write_text("nothing\n")
    os.utime(ignore, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # (a later mtime, as any later edit has)
    assert (await get(worker, "/secret/key.txt"))[:2] == (200, "do not serve")
