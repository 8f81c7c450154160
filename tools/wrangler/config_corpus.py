"""The corpus of wrangler configs the differential check runs (``config_diff.py``).

Each case: (name, file name, file text, environment or None). Written by hand to cover what
wrangler's config reader checks: bindings, routes, dev, vars, dates, python_workers,
environments, empty files and syntax errors in TOML, JSON and JSONC.
"""

from __future__ import annotations

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
]
