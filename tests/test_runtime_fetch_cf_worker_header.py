"""A Worker's outgoing ``fetch`` carries ``CF-Worker: <zone>`` -- Cloudflare sets it to the
Worker's zone, ``wrangler dev`` to the first route's ``zone_name``, else the dev host
(``[dev] host``, else the first route's host, wildcards dropped), else ``<name>.example.com``
-- replacing a ``CF-Worker`` the Worker set, and without ``CF-Connecting-IP`` (Miniflare's
outbound worker). Compared under wrangler dev 4.164.0 for these configs: the same values.
Test code's own ``js.fetch`` (no Worker running) sends neither change."""

from __future__ import annotations

import pytest
from worker_helpers import local_origin, one_file_worker

from workers_env import js, load_env, load_worker
from workers_env._env import name_cf_worker_zone

ENTRY = '''
from js import Headers, fetch
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await fetch(request.headers.get("x-origin"),
                    headers=Headers.new([["CF-Worker", "mine"], ["CF-Connecting-IP", "1.2.3.4"]]))
        return Response("done")
'''


@pytest.fixture
def origin():
    with local_origin() as (host, seen):
        yield f"http://{host}/", seen


@pytest.mark.asyncio
@pytest.mark.parametrize(("config", "zone"), [
    ("", "w.example.com"),
    ('route = "api.example.org/*"\n', "api.example.org"),
    ('routes = [{ pattern = "shop.example.net/*", zone_name = "example.net" }]\n', "example.net"),
    ('routes = ["*.wild.example/*"]\n', "wild.example"),
    ('route = "a.example/*"\n[dev]\nhost = "dev.example"\n', "dev.example"),
    ('routes = ["example.com:8080/*"]\n', "example.com:8080"),  # the route's URL.host, port kept (devhost47)
])
async def test_the_zone_is_wrangler_devs(tmp_path, origin, config, zone):
    url, seen = origin
    folder = one_file_worker(tmp_path, ENTRY)
    toml = folder / "wrangler.toml"
    toml.write_text(config.replace("[dev]", toml.read_text() + "[dev]") if "[dev]" in config else toml.read_text() + config)
    await (await load_worker(folder).fetch("/", headers={"x-origin": url})).text()
    assert seen[-1].get("cf-worker") == zone
    assert "cf-connecting-ip" not in seen[-1]


@pytest.mark.asyncio
async def test_test_codes_own_fetch_is_left_alone(origin):
    url, seen = origin
    await js.fetch(url, headers=js.Headers.new([["CF-Worker", "mine"]]))
    assert seen[-1]["cf-worker"] == "mine"


@pytest.mark.asyncio
async def test_dev_names_the_zone_of_its_host_option(tmp_path, origin):
    # `workers-env dev --host h.test` (or --local-upstream, --routes): wrangler dev's CF-Worker is
    # that dev host (measured: tools/wrangler/dev_host_differential.py), kept by the env dev builds
    url, seen = origin
    folder = one_file_worker(tmp_path, ENTRY)
    env = load_env(folder)
    name_cf_worker_zone(env, "h.test")
    await (await load_worker(env=env).fetch("/", headers={"x-origin": url})).text()
    assert seen[-1].get("cf-worker") == "h.test"
