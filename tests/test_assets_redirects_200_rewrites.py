"""A ``_redirects`` rule with status 200 serves its target's asset at the request's own URL, as
the asset worker's ``handleRedirects`` rewrites the pathname before the asset lookup: the target
goes through ``html_handling`` like any path (a rewrite to ``/about.html`` is then the usual 307
to ``/about``), a ``:placeholder`` target works, a target with no asset is the asset worker's 404
(the Worker is not asked), and ``_headers`` rules match the request's path, not the target's.
Compared with ``wrangler dev`` 4.164.0 (``tools/wrangler/redirects_differential.py``)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from worker_helpers import assets_site

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("from the worker")
'''

REDIRECTS = """
/home /about 200
/folder /docs/ 200
/with-html /about.html 200
/users/:id /users/profile 200
/gone /nothing-here 200
"""

HEADERS = """
/home
  X-Rule: home's
/about
  X-Rule: about's
"""


def project(root: Path, assets: dict | None = None) -> Path:
    return assets_site(root, {"about.html": "about", "docs/index.html": "docs", "users/profile.html": "profile",
                              "_redirects": textwrap.dedent(REDIRECTS), "_headers": textwrap.dedent(HEADERS)},
                       entry=textwrap.dedent(ENTRY), assets=assets)


@pytest.mark.asyncio
async def test_the_targets_asset_at_the_requests_url(tmp_path):
    worker = load_worker(project(tmp_path))
    home = await worker.fetch("/home?x=1")
    assert (home.status, await home.text(), home.headers.get("content-type")) == (
        200, "about", "text/html; charset=utf-8")
    assert (await (await worker.fetch("/folder")).text()) == "docs"
    assert (await (await worker.fetch("/users/42")).text()) == "profile"


@pytest.mark.asyncio
async def test_the_target_goes_through_html_handling(tmp_path):
    worker = load_worker(project(tmp_path))
    resp = await worker.fetch("/with-html?x=1")
    assert (resp.status, resp.headers.get("location")) == (307, "/about?x=1")  # the request's query
    worker = load_worker(project(tmp_path, {"html_handling": "none"}))
    resp = await worker.fetch("/with-html")
    assert (resp.status, await resp.text()) == (200, "about")
    assert (await worker.fetch("/home")).status == 404  # /about is no file without html_handling


@pytest.mark.asyncio
async def test_a_target_with_no_asset_is_a_404_not_the_worker(tmp_path):
    worker = load_worker(project(tmp_path))
    resp = await worker.fetch("/gone")
    assert (resp.status, await resp.text()) == (404, "")
    assert (await (await worker.fetch("/not-a-rule")).text()) == "from the worker"


@pytest.mark.asyncio
async def test_headers_rules_match_the_requests_path(tmp_path):
    worker = load_worker(project(tmp_path))
    assert (await worker.fetch("/home")).headers.get("x-rule") == "home's"
    assert (await worker.fetch("/about")).headers.get("x-rule") == "about's"
