"""The corpus cases for the fields cfgb69 held to wrangler 4.168.0, which ``config_corpus.py`` adds
to its own: ``site`` (``normalizeAndValidateSite``: ``bucket``, ``include``/``exclude``, the deprecated
``entry-point`` beside or instead of ``main``), ``alias`` (``normalizeAndValidateAliases``), the module
path tables ``wasm_modules``/``text_blobs``/``data_blobs`` (``normalizeAndValidateModulePaths``), the
``assets`` table (``validateAssetsConfig``, ``base_path`` and ``run_worker_first`` included),
``placement``'s targeted form, ``observability``'s sub-objects and the module fields (``main``,
``base_dir``, ``find_additional_modules``, ``preserve_file_names``, ``no_bundle``, ``tsconfig``,
``jsx_*``), on both sides of each check, at the top level, in an environment and in ``previews``.
"""

from __future__ import annotations

import json
from typing import Any

J = "wrangler.json"
T = "wrangler.toml"
TOP = {"name": "w", "compatibility_date": "2024-09-23"}
MAIN = {**TOP, "main": "a.js"}


def cfg(**fields: Any) -> str:
    """A JSON config: the basic top level (no ``main``) and ``fields``."""
    return json.dumps({**TOP, **fields})


def mcfg(**fields: Any) -> str:
    """A JSON config with ``main = "a.js"`` and ``fields``."""
    return json.dumps({**MAIN, **fields})


CASES: list[tuple[str, str, str, str | None]] = [
    # site (top level only; main is the selected environment's)
    ("f69-site-with-main", J, mcfg(site={"bucket": "./public"}), None),
    ("f69-site-without-main", J, cfg(site={"bucket": "./public"}), None),
    ("f69-site-entry-point-folder", J, cfg(site={"bucket": "p", "entry-point": "src"}), None),
    ("f69-site-entry-point-file", J, cfg(site={"bucket": "p", "entry-point": "src/w.mjs"}), None),
    ("f69-site-entry-point-empty", J, cfg(site={"bucket": "p", "entry-point": ""}), None),
    ("f69-site-entry-point-and-main", J, mcfg(site={"bucket": "p", "entry-point": "src"}), None),
    ("f69-site-entry-point-and-empty-main", J, cfg(main="", site={"bucket": "p", "entry-point": "src"}), None),
    ("f69-site-entry-point-and-false-main", J, cfg(main=False, site={"bucket": "p", "entry-point": "s"}), None),
    ("f69-site-bad-fields", J, mcfg(site={"bucket": 1, "include": "x", "exclude": [1, "a", None], "y": 2}), None),
    ("f69-site-no-bucket", T, 'name = "w"\nmain = "a.js"\n[site]\ninclude = ["a", 2]\nexclude = []\n', None),
    ("f69-site-array", J, mcfg(site=["a", "b"]), None),
    ("f69-site-env-main", J, cfg(site={"bucket": "p", "entry-point": "e"}, env={"s": {"main": "b.js"}}), "s"),
    ("f69-site-env-inherits-main", J, mcfg(site={"bucket": "p"}, env={"s": {"site": {"bucket": 1}}}), "s"),
    ("f69-site-env-no-main", J, cfg(site={"bucket": "p"}, env={"s": {}}), "s"),
    # alias (top level only)
    ("f69-alias-ok", J, mcfg(alias={"a": "b", "c": "./d"}), None),
    ("f69-alias-number", J, mcfg(alias=5), None),
    ("f69-alias-string", T, 'name = "w"\nmain = "a.js"\nalias = "x"\n', None),
    ("f69-alias-bool", J, mcfg(alias=False), None),
    ("f69-alias-entries", J, mcfg(alias={"a": 1, "b": "x", "c": True, "d": None, "e": [], "f": {}}), None),
    ("f69-alias-array", J, mcfg(alias=["x", 2]), None),
    ("f69-alias-env", J, mcfg(alias={"a": 1}, env={"s": {"alias": {"b": 2}}}), "s"),
    # wasm_modules, text_blobs, data_blobs (top level only)
    ("f69-module-paths-ok", T, 'name = "w"\nmain = "a.js"\n[wasm_modules]\nW = "a.wasm"\n[text_blobs]\nT = "t.txt"\n'
     '[data_blobs]\nD = "d.bin"\n', None),
    ("f69-module-paths-bad", J, mcfg(wasm_modules={"W": 1, "V": "v.wasm"}, text_blobs={"T": None, "U": ["x"]},
                                     data_blobs={"D": True, "E": {"a": 1}}), None),
    ("f69-module-paths-odd", J, mcfg(wasm_modules=5, text_blobs="ab", data_blobs=[1, "x"]), None),
    ("f69-module-paths-env", J, mcfg(text_blobs={"T": 1}, env={"s": {"wasm_modules": {"W": 2}}}), "s"),
    ("f69-module-paths-order", J, mcfg(data_blobs={"D": 1}, text_blobs={"T": 2}, wasm_modules={"W": 3},
                                       alias={"a": 4}, site={"bucket": 5}, dev={"port": "x"}, kv_namespaces=[
                                           {"binding": "A", "id": "1"}, {"binding": "A", "id": "2"}]), None),
    # assets
    ("f69-assets-ok", J, mcfg(assets={"directory": "p", "binding": "A", "html_handling": "none",
                                      "not_found_handling": "404-page", "base_path": "/b", "run_worker_first": ["/api/*"]}), None),
    ("f69-assets-base-path-wrong", J, mcfg(assets={"directory": "p", "base_path": 5}), None),
    ("f69-assets-all-wrong", J, mcfg(assets={"directory": 1, "binding": [], "html_handling": "x", "not_found_handling": 2,
                                             "base_path": None, "run_worker_first": "yes", "experimental_x": 1}), None),
    ("f69-assets-run-worker-first-items", T, 'name = "w"\nmain = "a.js"\n[assets]\ndirectory = "p"\n'
     'run_worker_first = ["/a", 1, true]\n', None),
    ("f69-assets-run-worker-first-bool", T, 'name = "w"\nmain = "a.js"\n[assets]\nrun_worker_first = false\n', None),
    ("f69-assets-array", J, mcfg(assets=["p"]), None),
    ("f69-assets-null", J, mcfg(assets=None), None),
    ("f69-assets-string", J, mcfg(assets="p"), None),
    ("f69-assets-env", J, mcfg(assets={"directory": "p"}, env={"s": {"assets": {"base_path": 1, "run_worker_first": [2]}}}), "s"),
    ("f69-assets-env-inherited", J, mcfg(assets={"base_path": 1}, env={"s": {}}), "s"),
    ("f69-assets-previews", J, mcfg(previews={"assets": {"directory": "p", "base_path": 2, "run_worker_first": [3], "z": 1}}), None),
    # placement's targeted form
    ("f69-placement-region", J, mcfg(placement={"region": "aws:us-east-1"}), None),
    ("f69-placement-host-mode", J, mcfg(placement={"mode": "targeted", "host": "db.example.com:5432"}), None),
    ("f69-placement-hostname-bad-mode", J, mcfg(placement={"mode": "smart", "hostname": "a.example.com"}), None),
    ("f69-placement-targeted-wrong", J, mcfg(placement={"region": 1, "host": "", "hostname": None}), None),
    ("f69-placement-targeted-mode-only", J, mcfg(placement={"mode": "targeted"}), None),
    ("f69-placement-targeted-hint", J, mcfg(placement={"mode": "smart", "hint": "x", "region": "r"}), None),
    ("f69-placement-hint-off", J, mcfg(placement={"mode": "off", "hint": "x"}), None),
    ("f69-placement-hint-number", J, mcfg(placement={"mode": "smart", "hint": 1}), None),
    ("f69-placement-hint-no-mode", J, mcfg(placement={"hint": ""}), None),
    ("f69-placement-env-targeted", J, mcfg(placement={"region": "r"}, env={"s": {"placement": {"host": 5, "mode": 1}}}), "s"),
    ("f69-placement-previews-targeted", J, mcfg(previews={"placement": {"region": "", "hostname": "h"}}), None),
    # observability's sub-objects
    ("f69-observability-ok", J, mcfg(observability={"enabled": True, "head_sampling_rate": 0.5, "logs": {
        "enabled": True, "head_sampling_rate": 1, "invocation_logs": False, "destinations": ["d"], "persist": True},
        "traces": {"enabled": False, "head_sampling_rate": 0, "destinations": [], "persist": False}, "issues": {"enabled": True}}), None),
    ("f69-observability-logs-wrong", J, mcfg(observability={"logs": {"enabled": "y", "head_sampling_rate": "2",
        "invocation_logs": 1, "destinations": "d", "persist": 0, "x": 1}}), None),
    ("f69-observability-traces-wrong", J, mcfg(observability={"traces": {"enabled": 1, "head_sampling_rate": 2,
        "destinations": [1, "a"], "persist": "no", "invocation_logs": True}}), None),
    ("f69-observability-rates", J, mcfg(observability={"enabled": True, "head_sampling_rate": -1,
        "logs": {"head_sampling_rate": 1.5}, "traces": {"head_sampling_rate": "-0.5"}}), None),
    ("f69-observability-issues-wrong", J, mcfg(observability={"issues": {"enabled": "x", "y": 1}}), None),
    ("f69-observability-issues-array", J, mcfg(observability={"enabled": True, "issues": [True]}), None),
    ("f69-observability-logs-array", J, mcfg(observability={"enabled": True, "logs": ["a"], "traces": 5}), None),
    ("f69-observability-none-enabled", J, mcfg(observability={"head_sampling_rate": 1, "logs": {"persist": True}}), None),
    ("f69-observability-redact", J, mcfg(observability={"enabled": False, "redact_query_string": "y"}), None),
    ("f69-observability-env", J, mcfg(env={"s": {"observability": {"logs": {"enabled": 1, "destinations": [2]}}}}), "s"),
    ("f69-observability-previews", J, mcfg(previews={"observability": {"traces": {"enabled": True, "persist": 1,
                                                                                  "destinations": 3}}}), None),
    # the module fields
    ("f69-module-fields-ok", J, mcfg(base_dir="src", find_additional_modules=True, preserve_file_names=False,
                                     no_bundle=True, tsconfig="t.json", jsx_factory="h", jsx_fragment="F",
                                     rules=[{"type": "Text", "globs": ["**/*.txt"], "fallthrough": True}]), None),
    ("f69-module-fields-wrong", J, cfg(main=5, base_dir=[], find_additional_modules="y", preserve_file_names=1,
                                       no_bundle="no", tsconfig=False, jsx_factory=1, jsx_fragment=None), None),
    ("f69-module-fields-env", J, mcfg(env={"s": {"main": 1, "base_dir": 2, "find_additional_modules": 3,
                                                 "preserve_file_names": 4, "no_bundle": 5, "tsconfig": False,
                                                 "jsx_factory": 7, "jsx_fragment": 8}}), "s"),
    ("f69-module-fields-python", J, cfg(main="a.py", compatibility_flags=["python_workers"], no_bundle=False), None),
]

FILES: dict[str, dict[str, str | None]] = {}

__all__ = ["CASES", "FILES"]
