"""The corpus of wrangler configs the differential check runs (``config_diff.py``).

Each case: (name, file name, file text, environment or None). Written by hand to cover what
wrangler's config reader checks: bindings, routes, dev, vars, dates, python_workers,
environments, empty files and syntax errors in TOML, JSON and JSONC.
"""

from __future__ import annotations

from config_corpus_bindings69 import CASES as BINDING_CASES
from config_corpus_containers import CASES as CONTAINER_CASES
from config_corpus_containers import FILES
from config_corpus_dates69 import CASES as DATE_CASES
from config_corpus_exports import CASES as EXPORT_CASES
from config_corpus_fields69 import CASES as FIELD_CASES
from config_corpus_fuzz69 import CASES as FUZZ_CASES
from config_corpus_numbers import CASES as NUMBER_CASES

BASE = 'name = "w"\nmain = "src/index.js"\ncompatibility_date = "2024-09-23"\n'
PY = 'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2024-09-23"\n'

CASES: list[tuple[str, str, str, str | None]] = [
    # -- valid basics --------------------------------------------------------------------
    ("valid-toml", "wrangler.toml", BASE, None),
    ("valid-json", "wrangler.json", '{"name": "w", "main": "src/index.js", "compatibility_date": "2024-09-23"}', None),
    ("valid-jsonc", "wrangler.jsonc", '{\n  // c\n  "name": "w", /* x */ "main": "a.js",\n}\n', None),
    ("python-ok", "wrangler.toml", PY + 'compatibility_flags = ["python_workers"]\n', None),
    # -- empty files ------------------------------------------------------------------------------
    ("empty-toml", "wrangler.toml", "", None),
    ("empty-json", "wrangler.json", "", None),
    ("empty-jsonc", "wrangler.jsonc", "", None),
    ("blank-toml", "wrangler.toml", "\n# only a comment\n", None),
    # -- syntax errors --------------------------------------------------------------------
    ("toml-unclosed-table", "wrangler.toml", 'name = "x"\n[vars\n', None),
    ("toml-missing-value", "wrangler.toml", "a = 1\nb = \n", None),
    ("toml-duplicate-key", "wrangler.toml", 'name = "a"\nname = "b"\n', None),
    ("toml-unterminated-string", "wrangler.toml", 'name = "x\n', None),
    ("json-double-comma", "wrangler.json", '{"name": "x",, }', None),
    ("json-missing-comma", "wrangler.json", '{"name": "x" "main": "a.js"}', None),
    ("json-trailing-garbage", "wrangler.json", '{"name": "x"}x', None),
    ("jsonc-unclosed", "wrangler.jsonc", '{\n  // c\n  "name": "x",\n', None),
    ("jsonc-bad-value", "wrangler.jsonc", '{"name": x}', None),
    # -- python_workers -----------------------------------------------------------------------
    ("python-no-flags", "wrangler.toml", PY, None),
    ("python-other-flags", "wrangler.toml", PY + 'compatibility_flags = ["nodejs_compat"]\n', None),
    ("python-string-flag", "wrangler.toml", PY + 'compatibility_flags = "python_workers"\n', None),
    ("python-no-flag-and-errors", "wrangler.toml", PY + '[[vectorize]]\nbinding = 5\n[vars]\nA = 1979-05-27\n', None),
    ("python-flag-in-env", "wrangler.toml", PY + '[env.staging]\ncompatibility_flags = ["python_workers"]\n', "staging"),
    ("python-flag-top-env-inherits", "wrangler.toml", PY + 'compatibility_flags = ["python_workers"]\n[env.staging]\nname = "s"\n', "staging"),
    # -- compatibility_date -----------------------------------------------------------------------
    ("date-bad-month", "wrangler.toml", 'name = "w"\ncompatibility_date = "2024-13-45"\n', None),
    ("date-feb-30", "wrangler.toml", 'name = "w"\ncompatibility_date = "2024-02-30"\n', None),
    ("date-short-parts", "wrangler.toml", 'name = "w"\ncompatibility_date = "2024-1-5"\n', None),
    ("date-year-only", "wrangler.toml", 'name = "w"\ncompatibility_date = "2024"\n', None),
    ("date-year-month", "wrangler.toml", 'name = "w"\ncompatibility_date = "2024-05"\n', None),
    ("date-with-time", "wrangler.toml", 'name = "w"\ncompatibility_date = "2024-05-01T00:00:00Z"\n', None),
    ("date-en-dash", "wrangler.toml", 'name = "w"\ncompatibility_date = "2024\u201305\u201301"\n', None),
    ("date-number", "wrangler.json", '{"name": "w", "compatibility_date": 20240501}', None),
    ("date-empty", "wrangler.toml", 'name = "w"\ncompatibility_date = ""\n', None),
    ("date-words", "wrangler.toml", 'name = "w"\ncompatibility_date = "yesterday"\n', None),
    ("date-toml-date", "wrangler.toml", 'name = "w"\ncompatibility_date = 2024-05-01\n', None),
    ("date-slashes", "wrangler.toml", 'name = "w"\ncompatibility_date = "2024/05/01"\n', None),
    # -- vars -----------------------------------------------------------------------------
    ("vars-array", "wrangler.json", '{"name": "w", "vars": ["a", "b"]}', None),
    ("vars-array-env", "wrangler.json", '{"name": "w", "vars": {"A": "1"}, "env": {"s": {"vars": ["x"]}}}', "s"),
    ("vars-toml-date", "wrangler.toml", 'name = "w"\n[vars]\nWHEN = 1979-05-27\n', None),
    ("vars-string", "wrangler.json", '{"name": "w", "vars": "nope"}', None),
    ("vars-nested-ok", "wrangler.toml", 'name = "w"\n[vars]\nA = "x"\nB = { c = 1 }\n', None),
    # -- d1_databases ---------------------------------------------------------------------
    ("d1-ok", "wrangler.toml", BASE + '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "x"\n', None),
    ("d1-no-binding", "wrangler.toml", BASE + '[[d1_databases]]\ndatabase_name = "db"\n', None),
    ("d1-binding-number", "wrangler.toml", BASE + '[[d1_databases]]\nbinding = 5\ndatabase_id = "x"\n', None),
    ("d1-unknown-field", "wrangler.toml", BASE + '[[d1_databases]]\nbinding = "DB"\ndatabase_id = "x"\nfoo = 1\n', None),
    ("d1-not-array", "wrangler.json", '{"name": "w", "d1_databases": {"binding": "DB"}}', None),
    ("d1-no-id", "wrangler.toml", BASE + '[[d1_databases]]\nbinding = "DB"\n', None),
    # -- kv_namespaces ----------------------------------------------------------------------
    ("kv-ok", "wrangler.toml", BASE + '[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n', None),
    ("kv-no-id", "wrangler.toml", BASE + '[[kv_namespaces]]\nbinding = "KV"\n', None),
    ("kv-binding-number", "wrangler.toml", BASE + '[[kv_namespaces]]\nbinding = 1\nid = "a"\n', None),
    ("kv-unknown-field", "wrangler.toml", BASE + '[[kv_namespaces]]\nbinding = "KV"\nid = "a"\nroute = 5\n', None),
    ("kv-entry-string", "wrangler.json", '{"name": "w", "kv_namespaces": ["KV"]}', None),
    # -- r2_buckets -------------------------------------------------------------------------
    ("r2-ok", "wrangler.toml", BASE + '[[r2_buckets]]\nbinding = "B"\nbucket_name = "b"\n', None),
    ("r2-no-bucket", "wrangler.toml", BASE + '[[r2_buckets]]\nbinding = "B"\n', None),
    ("r2-binding-bool", "wrangler.toml", BASE + '[[r2_buckets]]\nbinding = true\nbucket_name = "b"\n', None),
    # -- routes / route -------------------------------------------------------------------------
    ("route-string", "wrangler.toml", BASE + 'route = "example.com/*"\n', None),
    ("route-number", "wrangler.toml", BASE + "route = 5\n", None),
    ("routes-not-array", "wrangler.toml", BASE + 'routes = "example.com/*"\n', None),
    ("routes-objects", "wrangler.toml", BASE + 'routes = [{ pattern = "a.com/*", zone_name = "a.com" }, { pattern = "b.com", custom_domain = true }]\n', None),
    ("routes-bad-entry", "wrangler.toml", BASE + 'routes = [5, { zone_name = "a.com" }]\n', None),
    ("route-and-routes", "wrangler.toml", BASE + 'route = "a.com/*"\nroutes = ["b.com/*"]\n', None),
    ("routes-custom-domain-string", "wrangler.toml", BASE + 'routes = [{ pattern = "b.com", custom_domain = "yes" }]\n', None),
    # -- dev -------------------------------------------------------------------------------
    ("dev-ok", "wrangler.toml", BASE + '[dev]\nport = 8787\nip = "127.0.0.1"\nlocal_protocol = "http"\n', None),
    ("dev-port-string", "wrangler.toml", BASE + '[dev]\nport = "x"\n', None),
    ("dev-ip-number", "wrangler.toml", BASE + "[dev]\nip = 5\n", None),
    ("dev-protocol-bad", "wrangler.toml", BASE + '[dev]\nlocal_protocol = "ftp"\nupstream_protocol = "gopher"\n', None),
    ("dev-unknown-field", "wrangler.toml", BASE + "[dev]\nfoo = 1\n", None),
    ("dev-inspector-port", "wrangler.toml", BASE + '[dev]\ninspector_port = "9229"\nhost = 5\n', None),
    ("dev-not-object", "wrangler.json", '{"name": "w", "dev": 5}', None),
    # -- environments ------------------------------------------------------------------------
    ("env-unknown-with-others", "wrangler.toml", BASE + '[env.staging]\nname = "s"\n', "prod"),
    ("env-unknown-none", "wrangler.toml", BASE, "prod"),
    ("env-unknown-jsonc", "wrangler.jsonc", '{"name": "w", "env": {"a": {}}}', "prod"),
    ("env-unknown-json", "wrangler.json", '{"name": "w"}', "prod"),
    ("env-bindings-not-inherited", "wrangler.toml", BASE + '[[kv_namespaces]]\nbinding = "KV"\nid = "a"\n[vars]\nA = "1"\n[env.staging]\nname = "s"\n', "staging"),
    ("env-vectorize", "wrangler.toml", BASE + '[[vectorize]]\nbinding = "VEC"\nindex_name = "i"\n[env.staging]\nvectorize = [{ index_name = 42 }]\n', "staging"),
    ("env-d1-in-env", "wrangler.toml", BASE + '[env.staging]\nd1_databases = [{ binding = "DB" }]\n', "staging"),
    ("env-route-in-env", "wrangler.toml", BASE + '[env.staging]\nroute = 7\n', "staging"),
    # -- other fields ----------------------------------------------------------------------
    ("name-invalid", "wrangler.toml", 'name = "My Worker"\n', None),
    ("main-number", "wrangler.json", '{"name": "w", "main": 5}', None),
    ("workers-dev-string", "wrangler.toml", BASE + 'workers_dev = "yes"\n', None),
    ("unknown-top-level", "wrangler.toml", BASE + "foo = 1\nbar = 2\n", None),
    ("triggers-ok", "wrangler.toml", BASE + '[triggers]\ncrons = ["* * * * *"]\n', None),
    ("triggers-bad", "wrangler.toml", BASE + '[triggers]\ncrons = "* * * * *"\n', None),
    ("durable-objects-missing-bindings", "wrangler.toml", BASE + "[durable_objects]\nfoo = 1\n", None),
    ("ai-no-binding", "wrangler.toml", BASE + "[ai]\nremote = true\n", None),
    ("account-id-number", "wrangler.toml", BASE + "account_id = 5\n", None),
    ("duplicate-binding-names", "wrangler.toml", BASE + '[[kv_namespaces]]\nbinding = "X"\nid = "a"\n[[d1_databases]]\nbinding = "X"\ndatabase_id = "b"\n', None),
    ("vectorize-missing-index", "wrangler.toml", BASE + '[[vectorize]]\nbinding = "VEC"\n', None),
    ("node-compat", "wrangler.toml", BASE + "node_compat = true\n", None),
    # -- fields workers-env checks less deeply (the differences the README lists) --------------
    ("services-no-service", "wrangler.toml", BASE + '[[services]]\nbinding = "S"\n', None),
    ("hyperdrive-no-id", "wrangler.toml", BASE + '[[hyperdrive]]\nbinding = "H"\n', None),
    ("queues-bad-producer", "wrangler.toml", BASE + '[[queues.producers]]\nbinding = 5\n', None),
    ("observability-bad", "wrangler.toml", BASE + '[observability]\nenabled = "yes"\n', None),
    ("placement-bad", "wrangler.toml", BASE + '[placement]\nmode = "fast"\n', None),
    ("limits-bad", "wrangler.toml", BASE + '[limits]\ncpu_ms = "x"\n', None),
    ("migrations-bad", "wrangler.toml", BASE + 'migrations = [{ new_classes = "A" }]\n', None),
    ("build-bad", "wrangler.toml", BASE + '[build]\ncommand = 5\n', None),
    ("rules-bad", "wrangler.toml", BASE + 'rules = [{ type = "Nope", globs = ["**/*.x"] }]\n', None),
    ("analytics-no-binding", "wrangler.toml", BASE + '[[analytics_engine_datasets]]\ndataset = "d"\n', None),
    ("compat-flags-number", "wrangler.json", '{"name": "w", "compatibility_flags": 5}', None),
    ("account-id-empty", "wrangler.toml", BASE + 'account_id = ""\n', None),
    ("route-empty", "wrangler.toml", BASE + 'route = ""\n', None),
    ("r2-bad-bucket-name", "wrangler.toml", BASE + '[[r2_buckets]]\nbinding = "B"\nbucket_name = "Bad_Name"\n', None),
    ("d1-env-left-behind", "wrangler.toml", BASE + '[[d1_databases]]\nbinding = "DB"\ndatabase_id = "x"\n[env.staging]\nd1_databases = []\n', "staging"),
    # -- static assets (validateAssetsConfig) ---------------------------------------------------
    ("assets-ok", "wrangler.toml", BASE + '[assets]\ndirectory = "public"\nbinding = "ASSETS"\nhtml_handling = "none"\nnot_found_handling = "404-page"\nrun_worker_first = ["/api/*"]\n', None),
    ("assets-bad-choices", "wrangler.toml", BASE + '[assets]\ndirectory = "public"\nhtml_handling = "auto"\nnot_found_handling = "spa"\n', None),
    ("assets-bad-types", "wrangler.toml", BASE + '[assets]\ndirectory = 5\nbinding = true\nrun_worker_first = [1, "/a"]\n', None),
    ("assets-run-first-number", "wrangler.json", '{"name": "w", "main": "a.js", "assets": {"directory": "p", "run_worker_first": 5}}', None),
    ("assets-not-object", "wrangler.json", '{"name": "w", "main": "a.js", "assets": "public"}', None),
    ("assets-unknown-field", "wrangler.toml", BASE + '[assets]\ndirectory = "public"\nserve = true\n', None),
    ("assets-in-env", "wrangler.toml", BASE + '[env.staging.assets]\ndirectory = "p"\nhtml_handling = "x"\n', "staging"),
    # -- rate limits (validateRateLimitBinding; ratelimit49) -------------------------------------
    ("ratelimits-ok", "wrangler.toml", BASE + '[[ratelimits]]\nname = "RL"\nnamespace_id = "1001"\nsimple = { limit = 100, period = 60 }\n', None),
    ("ratelimits-ten-seconds-fraction", "wrangler.toml", BASE + '[[ratelimits]]\nname = "RL"\nnamespace_id = "1"\nsimple = { limit = 1.5, period = 10 }\n', None),
    ("ratelimits-limit-zero", "wrangler.toml", BASE + '[[ratelimits]]\nname = "RL"\nnamespace_id = "1"\nsimple = { limit = 0, period = 10 }\n', None),
    ("ratelimits-bad-types", "wrangler.json", '{"name": "w", "ratelimits": [{"name": 1, "namespace_id": 1001, "simple": {"limit": "5", "period": "60"}}]}', None),
    ("ratelimits-period-30-missing-limit", "wrangler.toml", BASE + '[[ratelimits]]\nname = "RL"\nnamespace_id = "1"\nsimple = { period = 30 }\n', None),
    ("ratelimits-period-missing", "wrangler.toml", BASE + '[[ratelimits]]\nname = "RL"\nnamespace_id = "1"\nsimple = { limit = 5 }\n', None),
    ("ratelimits-simple-not-object", "wrangler.json", '{"name": "w", "ratelimits": [{"name": "RL", "namespace_id": "1", "simple": [5, 60]}, {"name": "R2", "namespace_id": "2"}, 7]}', None),
    ("ratelimits-extra-fields", "wrangler.toml", BASE + '[[ratelimits]]\nname = "RL"\nnamespace_id = "1"\nkey = "x"\nsimple = { limit = 5, period = 60, burst = 2 }\n', None),
    ("ratelimits-not-array", "wrangler.toml", BASE + '[ratelimits]\nname = "RL"\n', None),
    ("ratelimits-duplicate-name", "wrangler.toml", BASE + '[[ratelimits]]\nname = "RL"\nnamespace_id = "1"\nsimple = { limit = 5, period = 60 }\n[[kv_namespaces]]\nbinding = "RL"\nid = "k"\n', None),
    ("ratelimits-env-not-inherited", "wrangler.toml", BASE + '[[ratelimits]]\nname = "RL"\nnamespace_id = "1"\nsimple = { limit = 5, period = 60 }\n[env.production]\nname = "p"\n', "production"),
    ("ratelimits-env-own", "wrangler.toml", BASE + '[[ratelimits]]\nname = "RL"\nnamespace_id = "1"\nsimple = { limit = 5, period = 60 }\n[[env.production.ratelimits]]\nname = "RL"\nnamespace_id = "2"\nsimple = { limit = 5, period = 45 }\n', "production"),
    ("ratelimits-unsafe-binding", "wrangler.toml", BASE + '[[unsafe.bindings]]\nname = "RL"\ntype = "ratelimit"\nnamespace_id = "1001"\nsimple = { limit = 5, period = 60 }\n', None),
    # a [python_modules] table without exclude: wrangler's validator returns false without a diagnostic (and
    # inheritable ignores it), so the config is valid and nothing is left out (leftovers50)
    ("python-modules-no-exclude", "wrangler.toml", BASE + '[python_modules]\n', None),
    ("python-modules-env-no-exclude", "wrangler.toml", BASE + '[python_modules]\nexclude = ["**/*.pyi"]\n'
     '[env.production.python_modules]\n', "production"),
    # -- found by config_fuzz.py (wrangler 4.164.0) -------------------------------------------
    ("fuzz-workflows", "wrangler.toml", 'name = "w"\n[[workflows]]\nbinding = "WF"\nname = "my wf"\n[[workflows]]\nbinding = "W2"\nname = "a"\nclass_name = "A"\n[[workflows]]\nbinding = "W3"\nname = "a"\nclass_name = "B"\njurisdiction = "mars"\nschedules = []\nlimits = { steps = 0 }\n', None),
    ("fuzz-ratelimits-pipelines-secrets", "wrangler.toml", 'name = "w"\n[[ratelimits]]\nname = "RL"\nnamespace_id = "1"\nsimple = { limit = 5, period = 30, x = 1 }\n[[pipelines]]\nbinding = "P"\npipeline = "old"\n[[secrets_store_secrets]]\nbinding = "S"\n[[worker_loaders]]\nbinding = "L"\nx = 1\n', None),
    ("fuzz-send-email-dispatch-mtls", "wrangler.json", '{"name": "w", "send_email": [{"name": "E", "destination_address": "a@b.c", "allowed_destination_addresses": []}, 5], "dispatch_namespaces": [{"binding": "D", "outbound": {"service": 1}}, false], "mtls_certificates": [{"binding": "C", "certificate_id": ""}]}', None),
    ("fuzz-vpc-hello-agent", "wrangler.json", '{"name": "w", "vpc_services": [{"binding": "V"}], "vpc_networks": [{"binding": "N", "tunnel_id": "t", "network_id": "n"}], "unsafe_hello_world": [{"binding": "H", "enable_timer": 1}], "agent_memory": [{"binding": "M"}], "ai_search": [{"binding": "A"}], "k2": [{"binding": "K", "stream": "s", "remote": false}]}', None),
    ("fuzz-durable-object-entries", "wrangler.json", '{"name": "w", "durable_objects": {"bindings": [{"name": "A", "class_name": "Counter", "environment": "e"}, {"name": "B", "class_name": "Room"}, 7]}}', None),
    ("fuzz-durable-object-lifecycle-toml", "wrangler.toml", 'name = "w"\n[[durable_objects.bindings]]\nname = "A"\nclass_name = "Counter"\n', None),
    ("fuzz-queue-consumers", "wrangler.toml", 'name = "w"\n[queues]\nproducers = [{ queue = "q", delivery_delay = 5, x = 1 }]\nconsumers = [{ max_retries = "3", type = "http" }, 5]\n', None),
    ("fuzz-observability-nested", "wrangler.toml", 'name = "w"\n[observability]\nhead_sampling_rate = 2\nissues = { enabled = 1, x = 2 }\nlogs = { enabled = true, destinations = "x", y = 1 }\n', None),
    ("fuzz-placement-forms", "wrangler.toml", 'name = "w"\n[placement]\nregion = ""\nhost = 5\nmode = "smart"\n', None),
    ("fuzz-top-level-only", "wrangler.json", '{"name": "w", "send_metrics": 1, "keep_vars": "x", "addresses": [1], "$schema": 5, "dependencies_instrumentation": {"enabled": 1, "x": 2}}', None),
    ("fuzz-js-key-order", "wrangler.json", '{"name": {"b": 1, "1": 2}, "vars": {"b": 1, "2": 2}, "env": {"s": {"vars": {}}}}', "s"),
    ("fuzz-env-array", "wrangler.json", '{"name": "w", "vectorize": [], "env": {"dev": [1, 2]}}', "dev"),
    ("fuzz-env-array-inherits-no-bindings", "wrangler.toml", 'name = "w"\nanalytics_engine_datasets = [{ binding = "AE" }, { binding = "AE" }]\n[env]\ndev = [1.5]\n', "dev"),
    ("fuzz-env-inherits-custom-domain", "wrangler.json", '{"name": "w", "routes": [{"pattern": "a.example.com", "custom_domain": true}], "env": {"s": {}}}', "s"),
    ("fuzz-build-array-and-dev-protocol", "wrangler.json", '{"name": "w", "build": [0, 1], "dev": {"local_protocol": "ftp"}, "rules": {}}', None),
    ("fuzz-define-secrets-tail", "wrangler.json", '{"name": "w", "define": {"A": "1"}, "secrets": {"required": [1], "x": 1}, "tail_consumers": [{"environment": "x"}], "env": {"s": {"define": {"B": 2}}}}', "s"),
    ("fuzz-pages-unknown-env", "wrangler.toml", 'name = "w"\npages_build_output_dir = "dist"\n', "missing"),
    ("fuzz-pages-assets-name", "wrangler.toml", 'name = "w"\npages_build_output_dir = false\nsecrets = { required = ["ASSETS"] }\n'
     'kv_namespaces = [{ binding = "ASSETS", id = "a" }]\n[assets]\ndirectory = "./public"\nbinding = "ASSETS"\n', None),
    ("fuzz-env-queue-producers", "wrangler.toml", BASE + '[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n'
     '[[env.production.queues.producers]]\nbinding = "P"\nqueue = "p"\n', "production"),
    # wrangler 4.168.0 (currency68): images.url_transformations and the invocation_logs warning
    ("images-url-transformations", "wrangler.json", '{"name": "w", "images": {"url_transformations": {"enabled": true, '
     '"allowed_origins": ["a.com", "https://b.com", "", "c,d"], "x": 1}}}', None),
    ("images-url-transformations-star", "wrangler.toml", BASE + '[images]\nbinding = "I"\nurl_transformations = '
     '{ enabled = true, allowed_origins = ["*", "a.com"] }\n', None),
    ("images-neither", "wrangler.toml", BASE + '[images]\nremote = true\n', None),
    ("images-env-without-url-transformations", "wrangler.json", '{"name": "w", "images": {"url_transformations": '
     '{"enabled": false}}, "env": {"s": {"images": {"binding": "I", "y": 2}}}}', "s"),
    ("observability-invocation-logs-off", "wrangler.toml", BASE + '[observability.logs]\nenabled = false\n'
     'invocation_logs = true\n', None),
    # the previews table (currency68b: wrangler's validatePreviewsConfig, 4.168.0's url_transformations refusal)
    ("previews-images-url-transformations", "wrangler.json", '{"name": "w", "previews": {"images": {"binding": "I", '
     '"url_transformations": {"enabled": true}}, "x": 1}}', None),
    ("previews-bindings", "wrangler.toml", BASE + '[previews]\nlogpush = "yes"\nvars = 5\n[[previews.kv_namespaces]]\n'
     'binding = "K"\n[previews.durable_objects]\nbindings = [{ name = "D" }]\ncode_update_strategy = { mode = "immediate" }\n'
     '[previews.cache]\ncross_version_cache = 1\n[previews.placement]\nmode = "bogus"\n', None),
    ("previews-containers", "wrangler.json", '{"name": "w", "previews": {"containers": [{"class_name": "A", "name": "n"}], '
     '"observability": {"logs": {"enabled": false, "invocation_logs": true}}, "limits": {"cpu_ms": "5"}}}', None),
    ("previews-env", "wrangler.jsonc", '{"name": "w", "previews": 5, "env": {"s": {"previews": {"queues": {"producers": '
     '[{"binding": 1}]}, "tail_consumers": [{}], "media": []}}}}', "s"),
    ("cache-and-unsafe", "wrangler.toml", BASE + 'unsafe = 5\n[cache]\nenabled = "y"\nz = 1\n', None),
    # nesting: wrangler's jsonc-parser overflows Node's stack between 4,502 and 5,002 levels in a fresh process,
    # deeper once warmed up (6,000 reads after this corpus's other cases, 10,000 never): workers-env reads 5,000
    ("deep-json-1000", "wrangler.json", '{"name": "w", "vars": {"DEEP": ' + "[" * 998 + "1" + "]" * 998 + "}}", None),
    ("deep-jsonc-4500", "wrangler.jsonc", '// c\n{"name": "w", "vars": {"DEEP": ' + "[ // c\n" * 4498 + "1," + "]," * 4497 + "],},}", None),
    ("deep-json-10000", "wrangler.json", '{"name": "w", "vars": {"DEEP": ' + "[" * 9998 + "1" + "]" * 9998 + "}}", None),
]
CASES += CONTAINER_CASES
CASES += EXPORT_CASES
CASES += NUMBER_CASES
CASES += BINDING_CASES
CASES += FIELD_CASES
CASES += DATE_CASES
CASES += FUZZ_CASES

__all__ = ["CASES", "FILES"]
