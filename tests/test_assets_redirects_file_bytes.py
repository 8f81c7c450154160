"""The ``_redirects`` file is read as wrangler's ``readFileSync(path, "utf8")`` reads it: bytes
that are not UTF-8 are U+FFFD and the other rules apply (checked under ``wrangler dev`` 4.164.0:
``/caf\\xe9`` matches ``/caf%EF%BF%BD``). A ``_redirects`` that cannot be read -- a folder of
that name, a symlink loop, a file deleted or replaced between requests -- is no traceback: its
rules are not applied (said once at load)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from worker_helpers import assets_site

from workers_env import load_worker


def project(root: Path) -> Path:
    return assets_site(root, {"about.html": "about"})


async def answer(worker, path: str) -> tuple[int, str | None]:
    resp = await worker.fetch(path)
    return resp.status, resp.headers.get("location")


@pytest.mark.asyncio
async def test_bytes_that_are_not_utf8_are_replacement_characters(tmp_path, capsys):
    root = project(tmp_path)
    (root / "public" / "_redirects").write_bytes(b"/old /about 301\n/caf\xe9 /about 302\n/y\xff /about 307\n")
    worker = load_worker(root)
    assert "Parsed 3 valid redirect rules." in capsys.readouterr().err
    assert await answer(worker, "/old") == (301, "/about")
    assert await answer(worker, "/caf%EF%BF%BD") == (302, "/about")
    assert await answer(worker, "/y%EF%BF%BD") == (307, "/about")


@pytest.mark.asyncio
async def test_a_lone_cr_is_no_line_end(tmp_path, capsys):
    root = project(tmp_path)
    (root / "public" / "_redirects").write_bytes(b"/a /about\r/b /about\n/c /about 301\n")
    worker = load_worker(root)
    assert "Expected exactly 2 or 3 whitespace-separated tokens. Got 4." in capsys.readouterr().err
    assert (await worker.fetch("/b")).status == 200  # the Worker: /b was no rule of its own
    assert await answer(worker, "/c") == (301, "/about")


@pytest.mark.asyncio
async def test_a_folder_named_redirects_is_said_and_not_applied(tmp_path, capsys):
    root = project(tmp_path)
    (root / "public" / "_redirects").mkdir()
    worker = load_worker(root)
    assert capsys.readouterr().err == (f"workers-env: {root / 'public' / '_redirects'} cannot be read as a file: its "
                                       "redirect rules are not applied\n")
    assert await answer(worker, "/about") == (200, None)


@pytest.mark.asyncio
async def test_a_file_gone_or_unreadable_between_requests_is_no_rule(tmp_path):
    root = project(tmp_path)
    redirects = root / "public" / "_redirects"
    redirects.write_text("/old /about 301\n")
    worker = load_worker(root)
    assert await answer(worker, "/old") == (301, "/about")
    redirects.unlink()
    assert (await worker.fetch("/old")).status == 200  # the Worker
    redirects.mkdir()
    assert (await worker.fetch("/old")).status == 200
    shutil.rmtree(redirects)
    os.symlink("_redirects", redirects)  # a loop: reading it is an OSError (ELOOP), as no permission would be
    assert (await worker.fetch("/old")).status == 200
    assert (await worker.fetch("/about")).status == 200
