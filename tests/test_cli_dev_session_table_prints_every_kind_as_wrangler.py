"""``workers-env dev -c A -c B`` prints every kind of binding's row as wrangler 4.164.0's
``printBindings`` does: the kinds no other table test holds (workflows, send_email's address lists
and senders, Hyperdrive, an R2 bucket's jurisdiction, Secrets Store, unsafe_hello_world's timer,
Browser Run, Images, pipelines, rate limits, assets, dispatch namespaces and their outbound Worker,
mTLS, Worker Loaders, AI on ``staging``; AI Search, Agent Memory, VPC services and networks,
logfwdr, Artifacts, Flagship, Stream, Media, ``remote = true`` queues, Vectorize and services)
with their values and modes, all in one table, which pins their order; the ``Resource`` column at
least as wide as its heading; a value written empty shown as none, as JavaScript's ``??`` keeps it;
the connection note only after a table with a service. The expected texts are wrangler's own output
for JavaScript twins of these configs (``wrangler dev -c a/wrangler.toml -c b/wrangler.toml``,
piped, audit19); the table is printed before the remote-binding session that fails offline."""

from __future__ import annotations

import pytest
from dev_reload_helpers import dev_printed_before_serving

HEAD = '''name = "alpha"
main = "src/entry.py"
compatibility_date = "2025-11-02"
compatibility_flags = ["python_workers"]
'''

#: a binding of every kind wrangler prints, and a Durable Object, KV, D1, a var: its whole order
ALL_KINDS = '''[[workflows]]
binding = "WF"
name = "wf"
class_name = "Wf"
[[workflows]]
binding = "WF2"
name = "wf2"
class_name = "Other"
script_name = "beta"
[[send_email]]
name = "MAIL2"
allowed_destination_addresses = ["x@example.com", "y@example.com"]
allowed_sender_addresses = ["s@example.com", "t@example.com"]
[[send_email]]
name = "MAIL3"
[[hyperdrive]]
binding = "HD"
id = "hdid"
localConnectionString = "postgres://u:p@localhost:5432/db"
[[r2_buckets]]
binding = "R2J"
bucket_name = "bkt"
jurisdiction = "eu"
[[secrets_store_secrets]]
binding = "SS"
store_id = "store1"
secret_name = "sec1"
[[unsafe_hello_world]]
binding = "HW"
enable_timer = true
[[unsafe_hello_world]]
binding = "HW2"
[browser]
binding = "BR"
[images]
binding = "IMG"
[[pipelines]]
binding = "PL"
pipeline = "pipe"
[[ratelimits]]
name = "RL"
namespace_id = "1001"
simple = { limit = 100, period = 60 }
[assets]
directory = "public"
binding = "ASSETS"
[[dispatch_namespaces]]
binding = "DN"
namespace = "ns"
outbound = { service = "out" }
[[dispatch_namespaces]]
binding = "DN2"
namespace = "ns2"
[[mtls_certificates]]
binding = "MT"
certificate_id = "cert"
[[worker_loaders]]
binding = "WL"
[ai]
binding = "AI"
staging = true
[[ai_search_namespaces]]
binding = "ASN"
namespace = "asns"
[[ai_search]]
binding = "AS"
instance_name = "inst"
[[agent_memory]]
binding = "AM"
namespace = "amns"
[[vpc_services]]
binding = "VS"
service_id = "svc1"
[[vpc_services]]
binding = "VS2"
service_id = "svc2"
remote = true
[[vpc_networks]]
binding = "VN"
tunnel_id = "tun1"
[[logfwdr.bindings]]
name = "LF"
destination = "dest"
[[artifacts]]
binding = "ART"
namespace = "artns"
[[flagship]]
binding = "FS"
app_id = "app1"
[stream]
binding = "ST"
[media]
binding = "MD"
remote = false
[[analytics_engine_datasets]]
binding = "AE2"
[[vectorize]]
binding = "V2"
index_name = "vix"
remote = true
[[d1_databases]]
binding = "DB2"
database_id = "dbid2"
preview_database_id = "prev"
[[queues.producers]]
binding = "Q2"
queue = "qq"
remote = true
[[services]]
binding = "B"
service = "beta"
remote = true
[[services]]
binding = "B2"
service = "beta"
[[durable_objects.bindings]]
name = "DO"
class_name = "MyDO"
[[kv_namespaces]]
binding = "KV"
id = "kvid"
[[d1_databases]]
binding = "DB"
database_name = "dbname"
database_id = "dbid"
[version_metadata]
binding = "VM"
[vars]
S = "text"
[[migrations]]
tag = "v1"
new_classes = ["MyDO"]
'''

WRANGLERS_ALL = '''alpha has access to the following bindings:
Binding                                                                                Resource                      Mode
env.DO (MyDO)                                                                          Durable Object                local
env.WF (Wf)                                                                            Workflow                      local
env.WF2 (Other (defined in beta))                                                      Workflow                      local
env.KV (kvid)                                                                          KV Namespace                  local
env.MAIL2 (x@example.com, y@example.com - senders: s@example.com, t@example.com)       Send Email                    local
env.MAIL3 (unrestricted)                                                               Send Email                    local
env.Q2 (qq)                                                                            Queue                         remote
env.DB2 (prev)                                                                         D1 Database                   local
env.DB (dbname)                                                                        D1 Database                   local
env.V2 (vix)                                                                           Vectorize Index               remote
env.ASN (asns)                                                                         AI Search Namespace           remote
env.AS (inst)                                                                          AI Search Instance            remote
env.AM (amns)                                                                          Agent Memory                  remote
env.HD (hdid)                                                                          Hyperdrive Config             local
env.VS (svc1)                                                                          VPC Service                   not supported
env.VS2 (svc2)                                                                         VPC Service                   remote
env.VN (tun1)                                                                          VPC Network                   not supported
env.R2J (bkt (eu))                                                                     R2 Bucket                     local
env.LF (dest)                                                                          logfwdr                       not supported
env.SS (store1/sec1)                                                                   Secrets Store Secret          local
env.ART (artns)                                                                        Artifacts                     local
env.HW (Timer enabled)                                                                 Hello World                   local
env.HW2 (Timer disabled)                                                               Hello World                   local
env.FS (app1)                                                                          Flagship                      local
env.B (beta)                                                                           Worker                        remote
env.B2 (beta)                                                                          Worker                        local [not connected]
env.AE2 (AE2)                                                                          Analytics Engine Dataset      local
env.BR                                                                                 Browser Run                   local
env.IMG                                                                                Images                        local
env.ST                                                                                 Stream                        remote
env.MD                                                                                 Media                         not supported
env.AI (staging)                                                                       AI                            remote
env.PL (pipe)                                                                          Pipeline                      local
env.RL (100 requests/60s)                                                              Rate Limit                    local
env.ASSETS                                                                             Assets                        local
env.VM                                                                                 Worker Version Metadata       local
env.S ("text")                                                                         Environment Variable          local
env.DN (ns (outbound -> out))                                                          Dispatch Namespace            not supported
env.DN2 (ns2)                                                                          Dispatch Namespace            not supported
env.MT (cert)                                                                          mTLS Certificate              not supported
env.WL                                                                                 Worker Loader                 local


Service bindings, Durable Object bindings, and Tail consumers connect to other Wrangler or Vite dev processes running locally, with their connection status indicated by [connected] or [not connected]. For more details, refer to https://developers.cloudflare.com/workers/runtime-apis/bindings/service-bindings/#local-development

'''

#: kinds all shorter than the "Resource" heading: the column is as wide as the heading
KINDS_SHORT = '''[ai]
binding = "AI"
[[queues.producers]]
binding = "Q"
queue = "q"
'''

WRANGLERS_SHORT = '''alpha has access to the following bindings:
Binding         Resource      Mode
env.Q (q)       Queue         local
env.AI          AI            remote

'''

#: values written empty: wrangler reads ``preview_id ?? id`` (JavaScript's ``??``), so an empty
#: ``preview_id`` or ``database_name`` is the value shown -- none -- not the next key's
KINDS_EMPTY = '''[vars]
EMPTY = ""
[[d1_databases]]
binding = "DB"
database_name = ""
database_id = "dbid"
[[d1_databases]]
binding = "DB2"
database_name = "n2"
database_id = "dbid2"
preview_database_id = ""
[[kv_namespaces]]
binding = "KV"
id = "kvid"
preview_id = ""
[[r2_buckets]]
binding = "R2"
bucket_name = "bkt"
'''

WRANGLERS_EMPTY = '''alpha has access to the following bindings:
Binding              Resource                  Mode
env.KV               KV Namespace              local
env.DB               D1 Database               local
env.DB2              D1 Database               local
env.R2 (bkt)         R2 Bucket                 local
env.EMPTY ("")       Environment Variable      local

'''

ENTRY = '''from workers import DurableObject, Response, WorkerEntrypoint


class MyDO(DurableObject):
    pass


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("hi")
'''


@pytest.mark.parametrize(("kinds", "table"), [(ALL_KINDS, WRANGLERS_ALL), (KINDS_SHORT, WRANGLERS_SHORT),
                                              (KINDS_EMPTY, WRANGLERS_EMPTY)],
                         ids=["every-kind", "short-kinds", "empty-values"])
def test_every_kinds_row_as_wrangler_prints_it(tmp_path, kinds, table, monkeypatch):
    for name, config in (("a", HEAD + kinds), ("b", HEAD.replace("alpha", "beta"))):
        (tmp_path / name / "src").mkdir(parents=True)
        (tmp_path / name / "src" / "entry.py").write_text(ENTRY)
        (tmp_path / name / "wrangler.toml").write_text(config)
    (tmp_path / "a" / "public").mkdir()
    (tmp_path / "a" / "public" / "index.html").write_text("hi")
    (tmp_path / "a" / "pyproject.toml").write_text('[tool.workers-env.indexes."vix"]\ndimensions = 3\nmetric = "cosine"\n')
    out, served = dev_printed_before_serving(tmp_path, "-c", "a/wrangler.toml", "-c", "b/wrangler.toml",
                                             monkeypatch=monkeypatch)
    assert table in out
    if table is not WRANGLERS_ALL:  # (no service, no Durable Object of another Worker: no note)
        assert "Service bindings, Durable Object bindings" not in out


#: a Durable Object of another Worker alone has a connection status; the second table, with a
#: service, gets no second note (wrangler dev 4.164.0, JavaScript twins of both: audit19)
DO_ELSEWHERE = '''[[durable_objects.bindings]]
name = "DO"
class_name = "MyDO"
script_name = "beta"
'''

SERVICE_BACK = '''[[durable_objects.bindings]]
name = "DO"
class_name = "MyDO"
[[migrations]]
tag = "v1"
new_classes = ["MyDO"]
[[services]]
binding = "A"
service = "alpha"
'''

WRANGLERS_ALPHA = '''alpha has access to the following bindings:
Binding                             Resource            Mode
env.DO (MyDO, defined in beta)      Durable Object      local [not connected]


Service bindings, Durable Object bindings, and Tail consumers connect to other Wrangler or Vite dev processes \
running locally, with their connection status indicated by [connected] or [not connected]. For more details, refer \
to https://developers.cloudflare.com/workers/runtime-apis/bindings/service-bindings/#local-development

'''

WRANGLERS_BETA = '''beta has access to the following bindings:
Binding             Resource            Mode
env.DO (MyDO)       Durable Object      local
env.A (alpha)       Worker              local [not connected]

'''


def test_a_durable_object_elsewhere_brings_the_note_and_it_comes_once(tmp_path, monkeypatch):
    for name, config in (("a", HEAD + DO_ELSEWHERE), ("b", HEAD.replace("alpha", "beta") + SERVICE_BACK)):
        (tmp_path / name / "src").mkdir(parents=True)
        (tmp_path / name / "src" / "entry.py").write_text(ENTRY)
        (tmp_path / name / "wrangler.toml").write_text(config)
    out, served = dev_printed_before_serving(tmp_path, "-c", "a/wrangler.toml", "-c", "b/wrangler.toml",
                                             monkeypatch=monkeypatch)
    assert WRANGLERS_ALPHA in out and WRANGLERS_BETA in out
    assert out.count("Service bindings, Durable Object bindings") == 1
