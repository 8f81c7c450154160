"""``apply_d1_schema(env, "DB")`` from several threads at once (a ``unittest`` suite run on threads
sharing one env, a script's workers) applies each migration once: the database is held from
reading which are applied to the last one applied, so a second thread finds them done. Before,
two threads both read "none applied" and the second failed with ``table t1 already exists``."""

from __future__ import annotations

import threading

from workers_env import apply_d1_schema, load_env

WRANGLER = """\
name = "threads"
[[d1_databases]]
binding = "DB"
database_name = "threads-db"
database_id = "00000000-0000-0000-0000-000000000001"
"""


def test_threads_applying_one_envs_migrations_apply_each_once(project) -> None:
    folder = project(WRANGLER, files={f"migrations/{i:04d}_t{i}.sql": f"CREATE TABLE t{i} (x);\n"
                                      for i in range(1, 21)})
    failures: list[str] = []
    applied: list[list[str]] = []
    for _ in range(5):
        with load_env(folder) as env:
            def apply() -> None:
                try:
                    applied.append(apply_d1_schema(env, "DB"))
                except Exception as exc:  # noqa: BLE001 -- what the test counts
                    failures.append(f"{type(exc).__name__}: {exc}")

            threads = [threading.Thread(target=apply) for _ in range(6)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            rows = env.unwrapped("DB").database.query([("SELECT count(*) FROM d1_migrations", ())])[0].rows
            assert rows == [(20,)]
    assert failures == []
    assert sorted(len(names) for names in applied) == [0] * 25 + [20] * 5
