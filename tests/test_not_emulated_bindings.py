"""Declared bindings workers-env does not emulate: env.NAME exists, any use raises
BindingNotEmulatedError naming the binding, its kind and how to supply one; load_worker and
workers-env dev say so in one line at start; the Worker's other routes keep working."""

from __future__ import annotations

import pytest

from workers_env import (
    BindingNotEmulatedError,
    JsException,
    NotEmulatedError,
    WorkersEnvError,
    load_env,
    load_worker,
)
from workers_env.config.bindings import BINDING_KINDS, declared_bindings

TOML = (
    'name = "r2-app"\nmain = "src/entry.py"\ncompatibility_date = "2025-09-01"\n'
    'compatibility_flags = ["python_workers"]\n'
    '[[kv_namespaces]]\nbinding = "KV"\nid = "kv-1"\n'
    '[[r2_buckets]]\nbinding = "BUCKET"\nbucket_name = "files"\n'
    '[[queues.producers]]\nbinding = "JOBS"\nqueue = "jobs"\n'
    '[[durable_objects.bindings]]\nname = "COUNTER"\nclass_name = "Counter"\n'
    '[[services]]\nbinding = "AUTH"\nservice = "auth-worker"\n'
    '[[ratelimits]]\nname = "LIMITER"\nnamespace_id = "1001"\nsimple = { limit = 10, period = 60 }\n'
    '[browser]\nbinding = "BROWSER"\n'
    '[assets]\ndirectory = "public"\n'
)

ENTRY = '''
from urllib.parse import urlparse
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/kv":
            await self.env.KV.put("hits", "1")
            return Response(await self.env.KV.get("hits"))
        if path == "/r2":
            obj = await self.env.BUCKET.get("file.txt")
            return Response(await obj.text())
        if path == "/has":
            return Response(str(hasattr(self.env, "BUCKET")))
        return Response("not found", status=404)
'''


def test_declared_bindings_follow_wranglers_kinds(project):
    env = load_env(project(TOML))
    kinds = {d.name: (d.field, d.kind) for d in declared_bindings(env.config.merged)}
    assert kinds == {
        "KV": ("kv_namespaces", "KV Namespace"), "BUCKET": ("r2_buckets", "R2 Bucket"),
        "JOBS": ("queues", "Queue"), "COUNTER": ("durable_objects", "Durable Object"),
        "AUTH": ("services", "Worker"), "LIMITER": ("ratelimits", "Rate Limit"),
        "BROWSER": ("browser", "Browser Run"),
    }  # assets without a binding name puts nothing on env
    assert "r2_buckets" in dict(BINDING_KINDS) and "vars" not in dict(BINDING_KINDS)


def test_a_placeholder_exists_and_any_use_raises_a_clear_error(project):
    env = load_env(project(TOML))
    assert hasattr(env, "BUCKET") and "BUCKET" in env
    assert "not emulated" in repr(env.BUCKET)
    with pytest.raises(BindingNotEmulatedError) as err:
        env.BUCKET.get("x")
    e = err.value
    assert isinstance(e, WorkersEnvError) and isinstance(e, NotImplementedError)
    assert isinstance(e, NotEmulatedError) and not isinstance(e, JsException)  # Worker code's except JsException misses it
    assert (e.binding, e.kind, e.field) == ("BUCKET", "R2 Bucket", "r2_buckets")
    text = str(e)
    assert text.startswith("env.BUCKET (R2 Bucket binding, r2_buckets in the wrangler config) is not emulated by workers-env.")
    assert "bindings={'BUCKET': my_fake}" in text and "[tool.workers-env.bindings] BUCKET" in text
    for use in (lambda b: b(), lambda b: iter(b), lambda b: setattr(b, "x", 1), lambda b: b.put):
        with pytest.raises(BindingNotEmulatedError):
            use(env.COUNTER)


def test_kv_is_emulated_and_supplied_bindings_replace_placeholders(project):
    env = load_env(project(TOML), bindings={"BUCKET": object()})
    assert type(env.unwrapped("KV")).__name__ == "KvNamespace"
    assert type(env.BUCKET) is object
    assert type(env.COUNTER).__name__ == "NotEmulatedBinding"
    assert type(env.unwrapped("JOBS")).__name__ == "QueueProducer"


def test_load_worker_names_them_in_one_line(project, capsys):
    load_worker(project(TOML, src__entry_DOT_py=ENTRY, public__index_DOT_html="<p>home</p>"))
    lines = [line for line in capsys.readouterr().err.splitlines() if "not emulated" in line]
    assert len(lines) == 1
    assert "BUCKET (R2 Bucket)" in lines[0] and "COUNTER (Durable Object)" in lines[0]
    assert "JOBS" not in lines[0]  # a queue producer is emulated (it records what is sent)
    assert "KV" not in lines[0].split(":", 2)[-1].replace("KV Namespace", "")
    assert lines[0].startswith("workers-env: not emulated, so any use raises BindingNotEmulatedError: ")
    assert lines[0].endswith("; supply your own with bindings= (or [tool.workers-env.bindings] for workers-env dev)")


@pytest.mark.asyncio
async def test_worker_code_gets_the_error_on_use_only(project):
    worker = load_worker(project(TOML, src__entry_DOT_py=ENTRY, public__index_DOT_html="<p>home</p>"))
    assert await (await worker.fetch("/has")).text() == "True"
    assert await (await worker.fetch("/kv")).text() == "1"
    with pytest.raises(BindingNotEmulatedError, match=r"env.BUCKET \(R2 Bucket binding"):
        await worker.fetch("/r2")


def test_under_workers_env_dev_the_r2_route_fails_clearly_and_the_others_work(project):
    from test_dev_server import _run_dev, _stop, request

    root = project(TOML, src__entry_DOT_py=ENTRY, public__index_DOT_html="<p>home</p>")
    proc, url = _run_dev(root)
    try:
        kv = request(url + "/kv")
        r2 = request(url + "/r2")
        again = request(url + "/kv")
    finally:
        out = _stop(proc)
    assert (kv[0], kv[2]) == (200, b"1")
    # (dated 2025-09-01: before enhanced_error_serialization the name is written into an Error's message)
    assert r2[0] == 500 and r2[2].startswith(b"Error: PythonError: Traceback (most recent call last):\n")
    assert b"BindingNotEmulatedError" in r2[2]
    assert (again[0], again[2]) == (200, b"1")
    assert "BindingNotEmulatedError: env.BUCKET (R2 Bucket binding" in out
    start = [line for line in out.splitlines() if "not emulated" in line and "supply your own" in line]
    assert len(start) == 1 and "BUCKET (R2 Bucket)" in start[0]
    assert (root / ".wrangler" / "state" / "v3" / "kv" / "kv-1" / "blobs").is_dir()
