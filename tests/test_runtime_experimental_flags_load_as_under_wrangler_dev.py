"""Flags workerd marks ``$experimental`` load as they do under ``wrangler dev``: workerd refuses
them without ``--experimental`` ("The compatibility flag X is experimental and may break or be
removed in a future version of workerd. To use this flag, you must pass --experimental on the
command line."), but miniflare 4.164.0 always passes it (``getRuntimeArgs``), so wrangler dev starts
a Worker naming ``rtti_api`` or ``experimental`` (measured), and ``wrangler deploy --dry-run``
passes them (its config check knows no flags). Cloudflare refuses them at deploy ("... is
experimental and cannot yet be used in Workers deployed to Cloudflare."). The one exception
here is ``python_workers_development``: workerd runs such a Python Worker on its development
build of Pyodide (the ``$pythonSnapshotRelease`` flag of the highest field ordinal that is on wins,
and that flag's is python_metadata.bzl's "development" one), which no release ships, so
workers-env refuses it rather than run another Python."""

from __future__ import annotations

import asyncio

import pytest
from dev_reload_helpers import answering
from worker_helpers import one_file_worker

from workers_env import ConfigError, load_env, load_worker


def test_experimental_flags_load(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, answering("ok"), date="2026-03-01",
                                         flags=("rtti_api", "experimental", "python_zstd_snapshot")))

    async def scenario():
        return await (await worker.fetch("/")).text()

    assert asyncio.run(scenario()) == "ok"


def test_python_workers_development_is_refused_with_deploys_words(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_worker(one_file_worker(tmp_path, answering("ok"), date="2026-03-01", flags=("python_workers_development",)))
    text = str(info.value)
    assert text.startswith("python_workers_development runs a Python Worker on workerd's development build of "
                           "Pyodide")
    assert ("\"The compatibility flag python_workers_development is experimental and cannot yet be used in Workers "
            "deployed to Cloudflare.\"") in text


def test_it_comes_after_workerds_own_lines(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_worker(one_file_worker(tmp_path, answering("ok"), date="2026-03-01",
                                    flags=("python_workers_development", "made_up")))
    lines = str(info.value).splitlines()
    assert lines[0] == "No such compatibility flag: made_up"
    assert lines[2].startswith("python_workers_development runs a Python Worker")


def test_load_env_alone_takes_it(tmp_path):  # the env starts no Worker
    folder = one_file_worker(tmp_path, answering("ok"), date="2026-03-01", flags=("python_workers_development",))
    assert load_env(folder / "wrangler.toml") is not None
