"""``workers-env dev -c A -c B`` prints each Worker's bindings table as wrangler 4.164.0's
multi-Worker dev prints it (``printBindings``; the expected text below is wrangler's own output
for JavaScript twins of these two configs, piped): ``<name> has access to the following
bindings:``, kinds in wrangler's order, the value column as wide as the longest name and value,
KV's ``preview_id``, D1's ``database_name``, a var's value truncated at 40, secrets and ``--var``
``"(hidden)"``, wrangler's modes (``remote`` for AI, ``not supported`` for Vectorize), a service
bound to the Worker itself ``[connected]``, any other ``[not connected]``, then the connection
note once; a Worker with no bindings prints no table."""

from __future__ import annotations

from dev_reload_helpers import dev_printed_before_serving

ALPHA = '''name = "alpha"
main = "src/entry.py"
compatibility_date = "2025-11-02"
compatibility_flags = ["python_workers"]
[vars]
S = "text"
N = 5
OBJ = { k = [1, 2] }
LONG = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
[[kv_namespaces]]
binding = "KV"
id = "kvid"
preview_id = "kvpreview"
[[kv_namespaces]]
binding = "KV2"
id = "kv2"
remote = true
[[d1_databases]]
binding = "DB"
database_name = "dbname"
database_id = "dbid"
[[vectorize]]
binding = "VEC"
index_name = "idx"
[ai]
binding = "AI"
[[queues.producers]]
binding = "Q"
queue = "qname"
[[r2_buckets]]
binding = "R2"
bucket_name = "bucket"
[[services]]
binding = "SELF"
service = "alpha"
[[services]]
binding = "B"
service = "beta"
entrypoint = "E"
[[durable_objects.bindings]]
name = "DO"
class_name = "Counter"
[[durable_objects.bindings]]
name = "DO2"
class_name = "Other"
script_name = "beta"
[[analytics_engine_datasets]]
binding = "AE"
dataset = "ds"
[version_metadata]
binding = "VM"
[[send_email]]
name = "MAIL"
destination_address = "a@example.com"
[[migrations]]
tag = "v1"
new_classes = ["Counter"]
'''

WRANGLERS_TABLE = '''alpha has access to the following bindings:
Binding                                                    Resource                      Mode
env.DO (Counter)                                           Durable Object                local
env.DO2 (Other, defined in beta)                           Durable Object                local [not connected]
env.KV (kvpreview)                                         KV Namespace                  local
env.KV2 (kv2)                                              KV Namespace                  remote
env.MAIL (a@example.com)                                   Send Email                    local
env.Q (qname)                                              Queue                         local
env.DB (dbname)                                            D1 Database                   local
env.VEC (idx)                                              Vectorize Index               not supported
env.R2 (bucket)                                            R2 Bucket                     local
env.SELF (alpha)                                           Worker                        local [connected]
env.B (beta#E)                                             Worker                        local [not connected]
env.AE (ds)                                                Analytics Engine Dataset      local
env.AI                                                     AI                            remote
env.VM                                                     Worker Version Metadata       local
env.S ("text")                                             Environment Variable          local
env.N (5)                                                  Environment Variable          local
env.OBJ ({"k":[1,2]})                                      Environment Variable          local
env.LONG ("abcdefghijklmnopqrstuvwxyzabcdefghijk...")      Environment Variable          local
env.SEC ("(hidden)")                                       Environment Variable          local
env.V ("(hidden)")                                         Environment Variable          local


Service bindings, Durable Object bindings, and Tail consumers connect to other Wrangler or Vite dev processes \
running locally, with their connection status indicated by [connected] or [not connected]. For more details, refer \
to https://developers.cloudflare.com/workers/runtime-apis/bindings/service-bindings/#local-development

'''

ENTRY = '''from workers import DurableObject, Response, WorkerEntrypoint


class {extra}(DurableObject):
    pass


class E(WorkerEntrypoint):
    pass


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("hi")
'''


def test_each_workers_table_in_turn(tmp_path, monkeypatch):
    for name, config, extra in (("a", ALPHA, "Counter"), ("b", 'name = "beta"\nmain = "src/entry.py"\n'
                                'compatibility_date = "2025-11-02"\ncompatibility_flags = ["python_workers"]\n', "Other")):
        (tmp_path / name / "src").mkdir(parents=True)
        (tmp_path / name / "src" / "entry.py").write_text(ENTRY.format(extra=extra))
        (tmp_path / name / "wrangler.toml").write_text(config)
    (tmp_path / "a" / ".dev.vars").write_text("SEC=1\n")
    (tmp_path / "a" / "pyproject.toml").write_text('[tool.workers-env.indexes."idx"]\ndimensions = 3\nmetric = "cosine"\n')
    out, served = dev_printed_before_serving(tmp_path, "-c", "a/wrangler.toml", "-c", "b/wrangler.toml", "--var", "V:1",
                                             monkeypatch=monkeypatch)
    assert "Using secrets defined in a/.dev.vars\n" + WRANGLERS_TABLE in out
    assert "beta has access" not in out  # (no bindings: no table, as wrangler prints none)
    assert served
