"""``load_env(environment="staging")`` builds the D1 databases and KV namespaces only
``[env.staging]`` names -- bindings are not inherited, so the top level may have none of that kind.
startup57 made each kind's assembly return early, importing nothing, for a config without that kind
(D1's SQLite, KV's namespace); audit34's mutant deciding that on the top-level table alone built no
binding for such an environment and survived the tests before. The top level's own env has none."""

from __future__ import annotations

import asyncio
from pathlib import Path

from worker_helpers import HELLO, one_file_worker

from workers_env import load_env

STAGING = ('[env.staging]\n[[env.staging.d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "x"\n\n'
           '[[env.staging.kv_namespaces]]\nbinding = "KV"\nid = "abc"\n')


def test_an_environments_own_d1_and_kv_are_built(tmp_path: Path) -> None:
    folder = one_file_worker(tmp_path, HELLO, extra=STAGING)

    async def use(env):
        await env.KV.put("k", "v")
        return [await env.KV.get("k"), (await env.DB.prepare("SELECT 1 AS one").first())["one"]]

    with load_env(folder, environment="staging") as env:
        assert sorted(k for k in dir(env) if k.isupper()) == ["DB", "KV"]
        assert asyncio.run(use(env)) == ["v", 1]
    with load_env(folder) as env:
        assert [k for k in dir(env) if k.isupper()] == []
