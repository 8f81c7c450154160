"""``site``, ``alias``, the module path tables (``wasm_modules``, ``text_blobs``, ``data_blobs``), the
``assets`` table (``base_path`` and ``run_worker_first`` included), ``placement``'s targeted form,
``observability``'s sub-objects and the module fields (``main``, ``base_dir``, ``find_additional_modules``,
``preserve_file_names``, ``no_bundle``, ``tsconfig``, ``jsx_*``) checked as wrangler 4.168.0 checks them
(``normalizeAndValidateSite``, ``normalizeAndValidateAliases``, ``normalizeAndValidateModulePaths``,
``validateAssetsConfig``, ``normalizeAndValidatePlacement``, ``validateObservability``). Each case's
verdict and lines are what ``unstable_readConfig`` of wrangler 4.168.0 printed for it (cfgb69,
``tools/wrangler/config_diff.py``'s reader over ``tools/wrangler/config_corpus_fields69.py``); before,
workers-env checked neither ``site``, ``alias`` nor the module path tables and took no ``assets.base_path``
(46 of the 63 verdicts and 130 of wrangler's 257 lines alike)."""

from __future__ import annotations

from pathlib import Path

import pytest
from config_report_helpers import checked, refused_everywhere

CASES = [
    ('f69-site-with-main', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "site": {"bucket": "./public"}}', None, True,
     []),
    ('f69-site-without-main', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "site": {"bucket": "./public"}}', None, True,
     ['Processing wrangler.json configuration:', '- Because you\'ve defined a [site] configuration, we\'re defaulting to "workers-site" for the deprecated `site.entry-point`field.', 'Add the top level `main` field to your configuration file:', '```', 'main = "workers-site/index.js"', '```']),
    ('f69-site-entry-point-folder', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "site": {"bucket": "p", "entry-point": "src"}}', None, True,
     ['Processing wrangler.json configuration:', '- Deprecation: "site.entry-point":', 'Delete the `site.entry-point` field, then add the top level `main` field to your configuration file:', '```', 'main = "src/index.js"', '```']),
    ('f69-site-entry-point-file', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "site": {"bucket": "p", "entry-point": "src/w.mjs"}}', None, True,
     ['Processing wrangler.json configuration:', '- Deprecation: "site.entry-point":', 'Delete the `site.entry-point` field, then add the top level `main` field to your configuration file:', '```', 'main = "src/w.mjs"', '```']),
    ('f69-site-entry-point-empty', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "site": {"bucket": "p", "entry-point": ""}}', None, True,
     ['Processing wrangler.json configuration:', '- Deprecation: "site.entry-point":', 'Delete the `site.entry-point` field, then add the top level `main` field to your configuration file:', '```', 'main = "workers-site/index.js"', '```', '- Because you\'ve defined a [site] configuration, we\'re defaulting to "workers-site" for the deprecated `site.entry-point`field.', 'Add the top level `main` field to your configuration file:', '```', 'main = "workers-site/index.js"', '```']),
    ('f69-site-entry-point-and-main', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "site": {"bucket": "p", "entry-point": "src"}}', None, False,
     ['Processing wrangler.json configuration:', '- Deprecation: "site.entry-point":', 'Delete the `site.entry-point` field, then add the top level `main` field to your configuration file:', '```', 'main = "src/index.js"', '```', 'Processing wrangler.json configuration:', "- Don't define both the `main` and `site.entry-point` fields in your configuration.", 'They serve the same purpose: to point to the entry-point of your worker.', 'Delete the deprecated `site.entry-point` field from your config.']),
    ('f69-site-entry-point-and-empty-main', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "", "site": {"bucket": "p", "entry-point": "src"}}', None, False,
     ['Processing wrangler.json configuration:', '- Deprecation: "site.entry-point":', 'Delete the `site.entry-point` field, then add the top level `main` field to your configuration file:', '```', 'main = "src/index.js"', '```', 'Processing wrangler.json configuration:', "- Don't define both the `main` and `site.entry-point` fields in your configuration.", 'They serve the same purpose: to point to the entry-point of your worker.', 'Delete the deprecated `site.entry-point` field from your config.']),
    ('f69-site-entry-point-and-false-main', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": false, "site": {"bucket": "p", "entry-point": "s"}}', None, False,
     ['Processing wrangler.json configuration:', '- Deprecation: "site.entry-point":', 'Delete the `site.entry-point` field, then add the top level `main` field to your configuration file:', '```', 'main = "s/index.js"', '```', 'Processing wrangler.json configuration:', '- Expected "main" to be of type string but got false.']),
    ('f69-site-bad-fields', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "site": {"bucket": 1, "include": "x", "exclude": [1, "a", null], "y": 2}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in site field: "y"', 'Processing wrangler.json configuration:', '- Expected "site.bucket" to be of type string but got 1.', '- Expected "sites.include" to be an array of strings but got "x"', '- Expected "sites.exclude.[0]" to be of type string but got 1.', '- Expected "sites.exclude.[2]" to be of type string but got null.']),
    ('f69-site-no-bucket', 'wrangler.toml', 'name = "w"\nmain = "a.js"\n[site]\ninclude = ["a", 2]\nexclude = []\n', None, False,
     ['Processing wrangler.toml configuration:', '- "site.bucket" is a required field.', '- Expected "sites.include.[1]" to be of type string but got 2.']),
    ('f69-site-array', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "site": ["a", "b"]}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in site field: "0","1"', 'Processing wrangler.json configuration:', '- "site.bucket" is a required field.']),
    ('f69-site-env-main', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "site": {"bucket": "p", "entry-point": "e"}, "env": {"s": {"main": "b.js"}}}', 's', False,
     ['Processing wrangler.json configuration:', '- Deprecation: "site.entry-point":', 'Delete the `site.entry-point` field, then add the top level `main` field to your configuration file:', '```', 'main = "e/index.js"', '```', 'Processing wrangler.json configuration:', "- Don't define both the `main` and `site.entry-point` fields in your configuration.", 'They serve the same purpose: to point to the entry-point of your worker.', 'Delete the deprecated `site.entry-point` field from your config.']),
    ('f69-site-env-inherits-main', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "site": {"bucket": "p"}, "env": {"s": {"site": {"bucket": 1}}}}', 's', True,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- Unexpected fields found in env.s field: "site"']),
    ('f69-site-env-no-main', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "site": {"bucket": "p"}, "env": {"s": {}}}', 's', True,
     ['Processing wrangler.json configuration:', '- Because you\'ve defined a [site] configuration, we\'re defaulting to "workers-site" for the deprecated `site.entry-point`field.', 'Add the top level `main` field to your configuration file:', '```', 'main = "workers-site/index.js"', '```']),
    ('f69-alias-ok', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "alias": {"a": "b", "c": "./d"}}', None, True,
     []),
    ('f69-alias-number', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "alias": 5}', None, False,
     ['Processing wrangler.json configuration:', '- Expected alias to be an object, but got number']),
    ('f69-alias-string', 'wrangler.toml', 'name = "w"\nmain = "a.js"\nalias = "x"\n', None, False,
     ['Processing wrangler.toml configuration:', '- Expected alias to be an object, but got string']),
    ('f69-alias-bool', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "alias": false}', None, False,
     ['Processing wrangler.json configuration:', '- Expected alias to be an object, but got boolean']),
    ('f69-alias-entries', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "alias": {"a": 1, "b": "x", "c": true, "d": null, "e": [], "f": {}}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected alias["a"] to be a string, but got number', '- Expected alias["c"] to be a string, but got boolean', '- Expected alias["d"] to be a string, but got object', '- Expected alias["e"] to be a string, but got object', '- Expected alias["f"] to be a string, but got object']),
    ('f69-alias-array', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "alias": ["x", 2]}', None, False,
     ['Processing wrangler.json configuration:', '- Expected alias["1"] to be a string, but got number']),
    ('f69-alias-env', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "alias": {"a": 1}, "env": {"s": {"alias": {"b": 2}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- Unexpected fields found in env.s field: "alias"', 'Processing wrangler.json configuration:', '- Expected alias["a"] to be a string, but got number']),
    ('f69-module-paths-ok', 'wrangler.toml', 'name = "w"\nmain = "a.js"\n[wasm_modules]\nW = "a.wasm"\n[text_blobs]\nT = "t.txt"\n[data_blobs]\nD = "d.bin"\n', None, True,
     []),
    ('f69-module-paths-bad', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "wasm_modules": {"W": 1, "V": "v.wasm"}, "text_blobs": {"T": null, "U": ["x"]}, "data_blobs": {"D": true, "E": {"a": 1}}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "wasm_modules[\'W\']" to be of type string but got 1.', '- Expected "text_blobs[\'T\']" to be of type string but got null.', '- Expected "text_blobs[\'U\']" to be of type string but got ["x"].', '- Expected "data_blobs[\'D\']" to be of type string but got true.', '- Expected "data_blobs[\'E\']" to be of type string but got {"a":1}.']),
    ('f69-module-paths-odd', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "wasm_modules": 5, "text_blobs": "ab", "data_blobs": [1, "x"]}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "data_blobs[\'0\']" to be of type string but got 1.', '- 1 assigned to Data Blob and Text Blob bindings.', '- Bindings must have unique names, so that they can all be referenced in the worker.', 'Please change your bindings to have unique names.']),
    ('f69-module-paths-env', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "text_blobs": {"T": 1}, "env": {"s": {"wasm_modules": {"W": 2}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- Unexpected fields found in env.s field: "wasm_modules"', 'Processing wrangler.json configuration:', '- Expected "text_blobs[\'T\']" to be of type string but got 1.']),
    ('f69-module-paths-order', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "data_blobs": {"D": 1}, "text_blobs": {"T": 2}, "wasm_modules": {"W": 3}, "alias": {"a": 4}, "site": {"bucket": 5}, "dev": {"port": "x"}, "kv_namespaces": [{"binding": "A", "id": "1"}, {"binding": "A", "id": "2"}]}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "dev.port" to be of type number but got "x".', '- Expected "site.bucket" to be of type string but got 5.', '- Expected alias["a"] to be a string, but got number', '- Expected "wasm_modules[\'W\']" to be of type string but got 3.', '- Expected "text_blobs[\'T\']" to be of type string but got 2.', '- Expected "data_blobs[\'D\']" to be of type string but got 1.', '- A assigned to multiple KV Namespace bindings.', '- Bindings must have unique names, so that they can all be referenced in the worker.', 'Please change your bindings to have unique names.']),
    ('f69-assets-ok', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "assets": {"directory": "p", "binding": "A", "html_handling": "none", "not_found_handling": "404-page", "base_path": "/b", "run_worker_first": ["/api/*"]}}', None, True,
     []),
    ('f69-assets-base-path-wrong', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "assets": {"directory": "p", "base_path": 5}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "assets.base_path" to be of type string but got 5.']),
    ('f69-assets-all-wrong', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "assets": {"directory": 1, "binding": [], "html_handling": "x", "not_found_handling": 2, "base_path": null, "run_worker_first": "yes", "experimental_x": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in assets field: "experimental_x"', 'Processing wrangler.json configuration:', '- Expected "assets.directory" to be of type string but got 1.', '- Expected "assets.binding" to be of type string but got [].', '- Expected "assets.html_handling" field to be one of ["auto-trailing-slash","force-trailing-slash","drop-trailing-slash","none"] but got "x".', '- Expected "assets.not_found_handling" to be of type string but got 2.', '- Expected "assets.base_path" to be of type string but got null.', '- The field "assets.run_worker_first" should be an array of strings or a boolean, but got "yes".']),
    ('f69-assets-run-worker-first-items', 'wrangler.toml', 'name = "w"\nmain = "a.js"\n[assets]\ndirectory = "p"\nrun_worker_first = ["/a", 1, true]\n', None, False,
     ['Processing wrangler.toml configuration:', '- Expected "assets.run_worker_first.[1]" to be of type string but got 1.', '- Expected "assets.run_worker_first.[2]" to be of type string but got true.']),
    ('f69-assets-run-worker-first-bool', 'wrangler.toml', 'name = "w"\nmain = "a.js"\n[assets]\nrun_worker_first = false\n', None, True,
     []),
    ('f69-assets-array', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "assets": ["p"]}', None, True,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in assets field: "0"']),
    ('f69-assets-null', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "assets": null}', None, False,
     ['Processing wrangler.json configuration:', '- "assets" should be an object, but got value "assets" of type object']),
    ('f69-assets-string', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "assets": "p"}', None, False,
     ['Processing wrangler.json configuration:', '- "assets" should be an object, but got value "assets" of type string']),
    ('f69-assets-env', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "assets": {"directory": "p"}, "env": {"s": {"assets": {"base_path": 1, "run_worker_first": [2]}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- Expected "assets.base_path" to be of type string but got 1.', '- Expected "assets.run_worker_first.[0]" to be of type string but got 2.']),
    ('f69-assets-env-inherited', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "assets": {"base_path": 1}, "env": {"s": {}}}', 's', False,
     ['Processing wrangler.json configuration:', '- Expected "assets.base_path" to be of type string but got 1.']),
    ('f69-assets-previews', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "previews": {"assets": {"directory": "p", "base_path": 2, "run_worker_first": [3], "z": 1}}}', None, True,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in previews field: "assets"']),
    ('f69-placement-region', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "placement": {"region": "aws:us-east-1"}}', None, True,
     []),
    ('f69-placement-host-mode', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "placement": {"mode": "targeted", "host": "db.example.com:5432"}}', None, True,
     []),
    ('f69-placement-hostname-bad-mode', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "placement": {"mode": "smart", "hostname": "a.example.com"}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "placement.mode" field to be one of ["targeted"] but got "smart".']),
    ('f69-placement-targeted-wrong', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "placement": {"region": 1, "host": "", "hostname": null}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "placement.region" to be of type string but got 1.', '- "placement.host" must be a non-empty string.', '- Expected "placement.hostname" to be of type string but got null.', '- "placement" fields "region", "host", "hostname" are mutually exclusive. Only one can be specified.']),
    ('f69-placement-targeted-mode-only', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "placement": {"mode": "targeted"}}', None, False,
     ['Processing wrangler.json configuration:', '- "placement.region" or "placement.host" or "placement.hostname" is required.']),
    ('f69-placement-targeted-hint', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "placement": {"mode": "smart", "hint": "x", "region": "r"}}', None, False,
     ['Processing wrangler.json configuration:', '- "placement" cannot have both "hint" (smart format) and "region"/"host"/"hostname" (targeted format) fields']),
    ('f69-placement-hint-off', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "placement": {"mode": "off", "hint": "x"}}', None, False,
     ['Processing wrangler.json configuration:', '- "placement.hint" can only be set when "placement.mode" is "smart"']),
    ('f69-placement-hint-number', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "placement": {"mode": "smart", "hint": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- "placement.hint" must be a string when "placement.mode" is "smart"']),
    ('f69-placement-hint-no-mode', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "placement": {"hint": ""}}', None, False,
     ['Processing wrangler.json configuration:', '- "placement.mode" is a required field.']),
    ('f69-placement-env-targeted', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "placement": {"region": "r"}, "env": {"s": {"placement": {"host": 5, "mode": 1}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- Expected "placement.mode" to be of type string but got 1.', '- Expected "placement.host" to be of type string but got 5.']),
    ('f69-placement-previews-targeted', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "previews": {"placement": {"region": "", "hostname": "h"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "previews.placement.region" must be a non-empty string.', '- "previews.placement" fields "region", "hostname" are mutually exclusive. Only one can be specified.']),
    ('f69-observability-ok', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "observability": {"enabled": true, "head_sampling_rate": 0.5, "logs": {"enabled": true, "head_sampling_rate": 1, "invocation_logs": false, "destinations": ["d"], "persist": true}, "traces": {"enabled": false, "head_sampling_rate": 0, "destinations": [], "persist": false}, "issues": {"enabled": true}}}', None, True,
     []),
    ('f69-observability-logs-wrong', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "observability": {"logs": {"enabled": "y", "head_sampling_rate": "2", "invocation_logs": 1, "destinations": "d", "persist": 0, "x": 1}}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in observability field: "x"', 'Processing wrangler.json configuration:', '- Expected "observability.enabled" to be of type boolean but got undefined.', '- Expected "observability.logs.enabled" to be of type boolean but got "y".', '- Expected "observability.traces.enabled" to be of type boolean but got undefined.', '- Expected "observability.issues.enabled" to be of type boolean but got undefined.', '- Expected "observability.logs.enabled" to be of type boolean but got "y".', '- Expected "observability.logs.head_sampling_rate" to be of type number but got "2".', '- Expected "observability.logs.invocation_logs" to be of type boolean but got 1.', '- Expected "logs.destinations" to be an array of strings but got "d"', '- Expected "observability.logs.persist" to be of type boolean but got 0.', '- "observability.logs.head_sampling_rate" must be a value between 0 and 1.']),
    ('f69-observability-traces-wrong', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "observability": {"traces": {"enabled": 1, "head_sampling_rate": 2, "destinations": [1, "a"], "persist": "no", "invocation_logs": true}}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in observability field: "invocation_logs"', 'Processing wrangler.json configuration:', '- Expected "observability.enabled" to be of type boolean but got undefined.', '- Expected "observability.logs.enabled" to be of type boolean but got undefined.', '- Expected "observability.traces.enabled" to be of type boolean but got 1.', '- Expected "observability.issues.enabled" to be of type boolean but got undefined.', '- Expected "observability.traces.enabled" to be of type boolean but got 1.', '- Expected "traces.destinations.[0]" to be of type string but got 1.', '- Expected "observability.traces.persist" to be of type boolean but got "no".', '- "observability.traces.head_sampling_rate" must be a value between 0 and 1.']),
    ('f69-observability-rates', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "observability": {"enabled": true, "head_sampling_rate": -1, "logs": {"head_sampling_rate": 1.5}, "traces": {"head_sampling_rate": "-0.5"}}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "observability.traces.head_sampling_rate" to be of type number but got "-0.5".', '- "observability.head_sampling_rate" must be a value between 0 and 1.', '- "observability.logs.head_sampling_rate" must be a value between 0 and 1.', '- "observability.traces.head_sampling_rate" must be a value between 0 and 1.']),
    ('f69-observability-issues-wrong', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "observability": {"issues": {"enabled": "x", "y": 1}}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in observability.issues field: "y"', 'Processing wrangler.json configuration:', '- Expected "observability.enabled" to be of type boolean but got undefined.', '- Expected "observability.logs.enabled" to be of type boolean but got undefined.', '- Expected "observability.traces.enabled" to be of type boolean but got undefined.', '- Expected "observability.issues.enabled" to be of type boolean but got "x".', '- Expected "observability.issues.enabled" to be of type boolean but got "x".']),
    ('f69-observability-issues-array', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "observability": {"enabled": true, "issues": [true]}}', None, False,
     ['Processing wrangler.json configuration:', '- "observability.issues" should be an object but got [true].']),
    ('f69-observability-logs-array', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "observability": {"enabled": true, "logs": ["a"], "traces": 5}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in observability field: "0"', 'Processing wrangler.json configuration:', '- Expected "observability.traces" to be of type object but got 5.']),
    ('f69-observability-none-enabled', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "observability": {"head_sampling_rate": 1, "logs": {"persist": true}}}', None, False,
     ['Processing wrangler.json configuration:', '- "observability.enabled" or "observability.logs.enabled" or "observability.traces.enabled" or "observability.issues.enabled" is required.']),
    ('f69-observability-redact', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "observability": {"enabled": false, "redact_query_string": "y"}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "observability.redact_query_string" to be of type boolean but got "y".']),
    ('f69-observability-env', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "env": {"s": {"observability": {"logs": {"enabled": 1, "destinations": [2]}}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- Expected "observability.enabled" to be of type boolean but got undefined.', '- Expected "observability.logs.enabled" to be of type boolean but got 1.', '- Expected "observability.traces.enabled" to be of type boolean but got undefined.', '- Expected "observability.issues.enabled" to be of type boolean but got undefined.', '- Expected "observability.logs.enabled" to be of type boolean but got 1.', '- Expected "logs.destinations.[0]" to be of type string but got 2.']),
    ('f69-observability-previews', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "previews": {"observability": {"traces": {"enabled": true, "persist": 1, "destinations": 3}}}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "traces.destinations" to be an array of strings but got 3', '- Expected "previews.observability.traces.persist" to be of type boolean but got 1.']),
    ('f69-module-fields-ok', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "base_dir": "src", "find_additional_modules": true, "preserve_file_names": false, "no_bundle": true, "tsconfig": "t.json", "jsx_factory": "h", "jsx_fragment": "F", "rules": [{"type": "Text", "globs": ["**/*.txt"], "fallthrough": true}]}', None, True,
     []),
    ('f69-module-fields-wrong', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": 5, "base_dir": [], "find_additional_modules": "y", "preserve_file_names": 1, "no_bundle": "no", "tsconfig": false, "jsx_factory": 1, "jsx_fragment": null}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "jsx_factory" to be of type string but got 1.', '- Expected "jsx_fragment" to be of type string but got null.', '- Expected "tsconfig" to be of type string but got false.', '- Expected "main" to be of type string but got 5.', '- Expected "find_additional_modules" to be of type boolean but got "y".', '- Expected "preserve_file_names" to be of type boolean but got 1.', '- Expected "base_dir" to be of type string but got [].', '- Expected "no_bundle" to be of type boolean but got "no".']),
    ('f69-module-fields-env', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "env": {"s": {"main": 1, "base_dir": 2, "find_additional_modules": 3, "preserve_file_names": 4, "no_bundle": 5, "tsconfig": false, "jsx_factory": 7, "jsx_fragment": 8}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- Expected "jsx_factory" to be of type string but got 7.', '- Expected "jsx_fragment" to be of type string but got 8.', '- Expected "tsconfig" to be of type string but got false.', '- Expected "main" to be of type string but got 1.', '- Expected "find_additional_modules" to be of type boolean but got 3.', '- Expected "preserve_file_names" to be of type boolean but got 4.', '- Expected "base_dir" to be of type string but got 2.', '- Expected "no_bundle" to be of type boolean but got 5.']),
    ('f69-module-fields-python', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.py", "compatibility_flags": ["python_workers"], "no_bundle": false}', None, True,
     []),
]


@pytest.mark.parametrize(("name", "file_name", "text", "env", "ok", "expected"), [
    pytest.param(*case, id=case[0]) for case in CASES
])
def test_fields_read_as_wrangler_4_168(tmp_path: Path, name: str, file_name: str, text: str, env: str | None,
                                      ok: bool, expected: list[str]) -> None:
    assert checked(tmp_path, file_name, text, env) == (ok, expected)


@pytest.mark.parametrize(("fields", "expected"), [
    ('"site": 5', ['- "site.bucket" is a required field.']),
    ('"site": "ab"', ['- Unexpected fields found in site field: "0","1"', 'Processing wrangler.json configuration:',
                      '- "site.bucket" is a required field.']),
    ('"site": null', ['- "site" should be an object but got null.']),
    ('"alias": null', ['- Expected alias to be an object, but got null']),
    ('"text_blobs": null', ['- Expected "text_blobs" to be an object but got null.']),
    ('"observability": {"enabled": true, "logs": null}', ['- "observability.logs" should be an object but got null.']),
    ('"observability": {"enabled": true, "traces": null}', ['- "observability.traces" should be an object but got null.']),
    ('"tsconfig": 6', ['- Expected "tsconfig" to be of type string but got 6.']),
], ids=["site-number", "site-string", "site-null", "alias-null", "blobs-null", "logs-null", "traces-null", "tsconfig-number"])
def test_what_wrangler_stops_on_is_refused_in_words(tmp_path: Path, fields: str, expected: list[str]) -> None:
    """wrangler 4.168.0 stops on each with a TypeError of its own (``Cannot use 'in' operator to search for
    'entry-point' in 5``, ``Cannot destructure property 'bucket' of 'rawConfig.site' as it is null.``,
    ``Cannot convert undefined or null to object``, ``Cannot read properties of null (reading 'enabled')``,
    ``The "path" argument must be of type string``); workers-env refuses it naming the field."""
    text = '{"name": "w", "main": "a.js", ' + fields + "}"
    assert checked(tmp_path, "wrangler.json", text, None) == (False, ["Processing wrangler.json configuration:", *expected])


def test_a_site_entry_point_that_is_no_string_is_named_beside_its_deprecation(tmp_path: Path) -> None:
    """wrangler 4.168.0 stops on it (``The "path" argument must be of type string. Received type number (5)``)."""
    text = '{"name": "w", "site": {"bucket": "p", "entry-point": 5}}'
    assert checked(tmp_path, "wrangler.json", text, None) == (False, [
        "Processing wrangler.json configuration:", '- Deprecation: "site.entry-point":',
        "Delete the `site.entry-point` field, then add the top level `main` field to your configuration file:",
        "```", 'main = "5/index.js"', "```",
        "Processing wrangler.json configuration:", '- Expected "site.entry-point" to be of type string but got 5.',
    ])


def test_validate_and_load_env_refuse_a_bad_alias_and_change_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    refused_everywhere(tmp_path, monkeypatch, capsys, 'name = "w"\nmain = "a.js"\n[alias]\nx = 1\n',
                       'Expected alias["x"] to be a string, but got number')


def test_validate_and_load_env_refuse_a_site_beside_main_and_change_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    refused_everywhere(tmp_path, monkeypatch, capsys,
                       'name = "w"\nmain = "a.js"\n[site]\nbucket = "p"\nentry-point = "s"\n',
                       "Don't define both the `main` and `site.entry-point` fields in your configuration.")
