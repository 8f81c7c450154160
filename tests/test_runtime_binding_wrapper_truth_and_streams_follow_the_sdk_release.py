"""``self.env``'s binding wrapper as each ``workers-runtime-sdk`` release wrote it
(``_BindingWrapper``, read in each tag of cloudflare/workers-py):

- 1.3.0 and 1.4.0 wrapped every proxy a call returned, so a KV ``"stream"`` read came back as a
  wrapper, and ``Response(stream)`` failed in the SDK's type check with ``AttributeError:
  'function' object has no attribute 'name'`` (workers-py #128, fixed in 1.4.1);
- before 1.4.2 (workers-py #127) the wrapper had neither ``__len__`` nor ``__iter__``;
- from 1.4.2 until 1.6.5 (workers-py #160: "calling ``bool(binding)`` was failing because the
  Python class fallbacks to ``len()``") ``if self.env.KV:`` raised ``TypeError: 'KvNamespace'
  object has no len()``.
"""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

BINDINGS = """\
[[kv_namespaces]]
binding = "KV"
id = "kv1"
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "db1"
"""

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    def attempt(make):
        try:
            return ["ok", make()]
        except Exception as exc:
            return [type(exc).__name__, str(exc)]

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/stream"):
                await self.env.KV.put("k", "hello")
                stream = await self.env.KV.get("k", "stream")
                try:
                    return Response(stream)
                except AttributeError as exc:
                    return Response("refused: " + str(exc), status=500)
            return Response.json({
                "kv": attempt(lambda: bool(self.env.KV)),
                "statement": attempt(lambda: bool(self.env.DB.prepare("select 1"))),
                "len": attempt(lambda: len(self.env.KV)),
                "iter": attempt(lambda: list(self.env.KV)),
            })
"""


def _worker(folder, sdk):
    one_file_worker(folder, ENTRY, date="2026-07-01", extra=BINDINGS)
    if sdk:
        (folder / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    return load_worker(folder)


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.4.2", "1.6.4"])
async def test_a_bindings_truth_is_its_len_between_1_4_2_and_1_6_5(tmp_path, sdk):
    got = await (await _worker(tmp_path, sdk).fetch("/")).json()
    assert got["kv"] == ["TypeError", "'KvNamespace' object has no len()"]
    assert got["statement"] == ["TypeError", "'D1PreparedStatement' object has no len()"]
    assert got["iter"] == ["TypeError", "'KvNamespace' object is not iterable"]


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.6.5", None])  # the fix, and the newest release
async def test_a_binding_is_true_from_1_6_5(tmp_path, sdk):
    got = await (await _worker(tmp_path, sdk).fetch("/")).json()
    assert got["kv"] == ["ok", True] and got["statement"] == ["ok", True]
    assert got["len"] == ["TypeError", "'KvNamespace' object has no len()"]


@pytest.mark.asyncio
async def test_before_1_4_2_the_wrapper_has_no_len_nor_iter(tmp_path):
    got = await (await _worker(tmp_path, "1.3.0").fetch("/")).json()
    assert got["kv"] == ["ok", True]  # object's own truth
    assert got["len"] == ["TypeError", "object of type '_BindingWrapper' has no len()"]
    # iteration falls back to __getitem__(0), which read getattr(binding, 0)
    assert got["iter"] == ["TypeError", "attribute name must be string, not 'int'"]


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.3.0", "1.4.0"])
async def test_a_kv_stream_is_wrapped_and_refused_by_response_in_1_3_and_1_4_0(tmp_path, sdk):
    resp = await _worker(tmp_path, sdk).fetch("/stream")
    assert (resp.status, await resp.text()) == (500, "refused: 'function' object has no attribute 'name'")


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.4.1", None])
async def test_a_kv_stream_is_a_response_body_from_1_4_1(tmp_path, sdk):
    resp = await _worker(tmp_path, sdk).fetch("/stream")
    assert (resp.status, await resp.text()) == (200, "hello")
