"""``version_metadata = {binding = NAME}`` is bound as ``wrangler dev`` binds it (Miniflare's
``plugins/version-metadata``): a JSON binding ``{id, tag, timestamp}`` with a random UUID, an
empty tag and ``new Date().toISOString()`` of the moment the bindings were made, new on every
load. Worker code reads ``env.NAME.id`` as on a deployed Worker (adewale/planet_cf reads it in
every request's deployment context), instead of meeting a not-emulated placeholder."""

from __future__ import annotations

import uuid

import pytest
from worker_helpers import typical_pyproject

from workers_env import ManualClock, load_env, load_worker

TOML = (
    'name = "vm"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
    'compatibility_flags = ["python_workers"]\n'
    '[version_metadata]\nbinding = "CF_VERSION_METADATA"\n'
)
ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        meta = self.env.CF_VERSION_METADATA
        return Response.json({"id": meta.id, "tag": meta.tag, "timestamp": meta.timestamp})
'''


def test_the_binding_is_a_random_uuid_an_empty_tag_and_the_load_time(tmp_path):
    (tmp_path / "wrangler.toml").write_text(TOML.format(date="2026-01-01"))
    typical_pyproject(tmp_path)
    clock = ManualClock(start=1_767_225_600.25)  # 2026-01-01T00:00:00.250Z
    meta = load_env(tmp_path / "wrangler.toml", clock=clock).CF_VERSION_METADATA
    assert uuid.UUID(meta["id"]).version == 4  # load_env hands JSON vars over as Python values
    assert (meta["tag"], meta["timestamp"]) == ("", "2026-01-01T00:00:00.250Z")


def test_each_load_makes_a_new_id(tmp_path):
    (tmp_path / "wrangler.toml").write_text(TOML.format(date="2026-01-01"))
    typical_pyproject(tmp_path)
    first = load_env(tmp_path / "wrangler.toml").CF_VERSION_METADATA["id"]
    second = load_env(tmp_path / "wrangler.toml").CF_VERSION_METADATA["id"]
    assert first != second


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-01-01", "2026-05-01"], ids=["builtin-sdk", "external-sdk"])
async def test_worker_code_reads_its_fields_in_either_sdk_era(project, date, capsys):
    worker = load_worker(project(TOML.format(date=date), src__entry_DOT_py=ENTRY))
    body = await (await worker.fetch("/")).json()
    assert uuid.UUID(body["id"]) and body["tag"] == "" and body["timestamp"].endswith("Z")
    assert "CF_VERSION_METADATA" not in capsys.readouterr().err  # not named as not emulated
