"""A TOML date or time inside a ``[vars]`` value (wrangler refuses one as a var itself) reaches
the Worker as wrangler hands it on: the JSON text of smol-toml's ``TomlDate`` -- milliseconds
always, cut, a local date, time or date-time without a zone, an offset kept in its own wall
time -- and ``workers-env dev``'s bindings table prints it so. The expected table is wrangler
dev -c a -c b 4.164.0's for a JavaScript twin of this config, line for line. Before review58 the
Worker got Python ``datetime`` objects (``JSON.stringify`` of one: ``{}``) and the table wrote
``isoformat()`` (``1979-05-27T07:32:00+00:00``)."""

from __future__ import annotations

import pytest
from dev_reload_helpers import dev_start_output

from workers_env import load_env, load_worker

VARS = '''[vars]
ARR = [1979-05-27, 1.5]
O1 = { d = 1979-05-27T07:32:00Z }
O2 = { d = 1979-05-27T00:32:00.999999-07:00 }
O3 = { d = 1979-05-27T07:32:00 }
O4 = { d = 1979-05-27 }
O5 = { d = 07:32:00 }
O6 = { d = 00:32:00.5 }
O7 = { d = 1979-05-27 07:32:00.123456789Z }
NEG0 = -0.0
TINY = 5e-324
NEST = { a = [{ b = -0.0 }] }
'''

WRANGLERS_ROWS = '''env.ARR (["1979-05-27",1.5])                          Environment Variable      local
env.O1 ({"d":"1979-05-27T07:32:00.000Z"})             Environment Variable      local
env.O2 ({"d":"1979-05-27T00:32:00.999-07:00"})        Environment Variable      local
env.O3 ({"d":"1979-05-27T07:32:00.000"})              Environment Variable      local
env.O4 ({"d":"1979-05-27"})                           Environment Variable      local
env.O5 ({"d":"07:32:00.000"})                         Environment Variable      local
env.O6 ({"d":"00:32:00.500"})                         Environment Variable      local
env.O7 ({"d":"1979-05-27T07:32:00.123Z"})             Environment Variable      local
env.NEG0 (0)                                          Environment Variable      local
env.TINY (5e-324)                                     Environment Variable      local
env.NEST ({"a":[{"b":0}]})                            Environment Variable      local
'''

ENTRY = '''from js import JSON
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(JSON.stringify(self.env.O2) + " " + JSON.stringify(self.env.ARR))
'''


def _write(root, name, extra=""):
    (root / name / "src").mkdir(parents=True)
    (root / name / "src" / "entry.py").write_text(ENTRY)
    (root / name / "wrangler.toml").write_text(
        f'name = "{name}"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\n'
        f'compatibility_flags = ["python_workers"]\n{extra}')
    return root / name


@pytest.mark.asyncio
async def test_the_worker_and_load_env_get_the_json_text(tmp_path):
    folder = _write(tmp_path, "alpha", VARS)
    env = load_env(folder)
    assert [env.O1["d"], env.O4["d"], env.O5["d"], env.ARR[0]] == [
        "1979-05-27T07:32:00.000Z", "1979-05-27", "07:32:00.000", "1979-05-27"]
    worker = load_worker(folder)
    assert await (await worker.fetch("/")).text() == '{"d":"1979-05-27T00:32:00.999-07:00"} ["1979-05-27",1.5]'


def test_the_dev_table_prints_them_as_wrangler(tmp_path):
    _write(tmp_path, "a", 'services = [{ binding = "B", service = "beta" }]\n' + VARS)
    _write(tmp_path, "b")
    (tmp_path / "b" / "wrangler.toml").write_text((tmp_path / "b" / "wrangler.toml").read_text().replace('"b"', '"beta"'))
    out = dev_start_output(tmp_path, "-c", "a/wrangler.toml", "-c", "b/wrangler.toml")
    assert WRANGLERS_ROWS in out
