"""``workers-env dev`` says at start which bindings carry ``remote = true``: wrangler dev binds the
Cloudflare account's own resources for those (its binding table says ``remote``; without a login,
non-interactive, it stops with ``Failed to start the remote proxy session`` -- measured with
wrangler dev 4.164.0 on JavaScript Workers with remote AI and Vectorize, and D1 and KV, bindings), while
workers-env runs them locally like every other binding. Cloudflare's ``vectorize-rag`` Python
example marks its AI and Vectorize bindings so."""

from __future__ import annotations

from dev_reload_helpers import dev_printed_before_serving

ENTRY = ("from workers import Response, WorkerEntrypoint\n\nclass Default(WorkerEntrypoint):\n"
         "    async def fetch(self, request):\n        return Response('ok')\n")


def _project(tmp_path, bindings: str):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(ENTRY)
    (tmp_path / "wrangler.jsonc").write_text(
        '{"name": "w", "main": "src/entry.py", "compatibility_date": "2026-09-01",'
        ' "compatibility_flags": ["python_workers"], ' + bindings + '}')
    (tmp_path / "pyproject.toml").write_text(
        '[tool.workers-env.indexes.docs]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n')
    return tmp_path


def test_remote_true_bindings_are_named_as_run_locally(tmp_path, monkeypatch):
    project = _project(tmp_path, '"ai": {"binding": "AI", "remote": true},'
                                 ' "vectorize": [{"binding": "VECTORIZE", "index_name": "docs", "remote": true}],'
                                 ' "kv_namespaces": [{"binding": "LOCAL_KV", "id": "k", "remote": false}],'
                                 ' "d1_databases": [{"binding": "DB", "database_name": "d", "database_id": "x",'
                                 ' "remote": true}]')
    text, served = dev_printed_before_serving(project, monkeypatch=monkeypatch)
    assert ("workers-env dev: remote = true on DB (D1 Database), VECTORIZE (Vectorize Index), AI (AI): "
            "wrangler dev binds your Cloudflare account's own resources for these") in text
    remote_line = next(line for line in text.splitlines() if "remote = true on" in line)
    assert "LOCAL_KV" not in remote_line  # remote = false is local under wrangler dev too
    assert "runs offline" not in text  # the AI line is for an [ai] without remote = true
    assert "env.LOCAL_KV (k)          KV Namespace         local" in text  # wrangler's table, one config
    assert served


def test_no_line_without_remote_bindings(tmp_path, monkeypatch):
    project = _project(tmp_path, '"ai": {"binding": "AI"}, "kv_namespaces": [{"binding": "KV", "id": "k"}]')
    text, served = dev_printed_before_serving(project, monkeypatch=monkeypatch)
    assert served
    assert "remote = true" not in text
