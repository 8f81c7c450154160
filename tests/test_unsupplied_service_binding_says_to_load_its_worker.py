"""A ``[[services]]`` entry a test's env was given no Worker for: its first use raises
``BindingNotEmulatedError`` saying to supply ``load_worker(...)`` (or, under ``workers-env
dev``, to run both configs), not the generic "supply your own fake" of a binding workers-env
does not emulate -- a test reaching an unsupplied Worker has forgotten it (README "Where we had
to choose"; ``workers-env dev`` answers wrangler's ``[not connected]`` instead)."""

from __future__ import annotations

import json

import pytest

from workers_env import BindingNotEmulatedError, load_env


def test_an_unsupplied_service_says_how_to_supply_the_worker(tmp_path):
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "gateway", "main": "src/entry.py", "compatibility_date": "2026-05-01", "compatibility_flags": ["python_workers"],
        "services": [{"binding": "SEARCH", "service": "search"}], "r2_buckets": [{"binding": "B", "bucket_name": "bucket"}]}))
    env = load_env(tmp_path)
    with pytest.raises(BindingNotEmulatedError) as caught:
        env.SEARCH.fetch  # noqa: B018 - the use that raises
    assert str(caught.value).startswith(
        "env.SEARCH (Worker binding, services in the wrangler config) was given no Worker: workers-env runs the "
        "service only when you hand it one. Supply the Worker: load_env(..., bindings={'SEARCH': "
        'load_worker("path/to/its/folder")})')
    assert "workers-env dev -c wrangler.toml -c path/to/its/wrangler.toml" in str(caught.value)
    with pytest.raises(BindingNotEmulatedError, match="is not emulated by workers-env. Supply your own object"):
        env.B.get  # noqa: B018 - another kind keeps its words
