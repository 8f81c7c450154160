"""The top-level-only tables wrangler checks after ``dev``: ``site`` (``normalizeAndValidateSite``),
``alias`` (``normalizeAndValidateAliases``) and the module path tables ``wasm_modules``,
``text_blobs`` and ``data_blobs`` (``normalizeAndValidateModulePaths``), in wrangler 4.168.0's order.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from workers_env._jsvalues import js_string
from workers_env.config.diagnostics.checks import _optional_typed, _required_typed, _typed_string_array
from workers_env.config.diagnostics.jsvalues import MISSING, _destructured, _js_truthy, _js_typeof, _keys, js_json
from workers_env.config.diagnostics.sink import _Sink

__all__ = ["MODULE_PATH_FIELDS", "module_path_names", "validate_top_level_tables"]

#: the tables of module paths, each name a binding
MODULE_PATH_FIELDS = ("wasm_modules", "text_blobs", "data_blobs")

SITE_WITHOUT_MAIN = (
    "Because you've defined a [site] configuration, we're defaulting to \"workers-site\" for the deprecated "
    "`site.entry-point`field.\nAdd the top level `main` field to your configuration file:\n```\n"
    'main = "workers-site/index.js"\n```'
)
SITE_AND_MAIN = (
    "Don't define both the `main` and `site.entry-point` fields in your configuration.\n"
    "They serve the same purpose: to point to the entry-point of your worker.\n"
    "Delete the deprecated `site.entry-point` field from your config."
)


def validate_top_level_tables(sink: _Sink, raw: Mapping[str, Any], main: Any) -> None:
    """``site``, ``alias`` and the module path tables of ``raw``; ``main`` is the selected
    environment's (a string, even empty, counts: wrangler has made it a path by then)."""
    if "site" in raw:
        _validate_site(sink, raw["site"], isinstance(main, str) or _js_truthy(main))
    if "alias" in raw:
        _validate_alias(sink, raw["alias"])
    for field in MODULE_PATH_FIELDS:
        if field in raw:
            _validate_module_paths(sink, field, raw[field])


def module_path_names(value: Any) -> list[str]:
    """The binding names a module path table keeps (its entries whose path is a string)."""
    return [name for name, path in _destructured(value).items() if isinstance(path, str)]


def _validate_site(sink: _Sink, site: Any, has_main: bool) -> None:
    if site is None:  # wrangler cannot destructure it (a TypeError of its own)
        sink.error("site", '"site" should be an object but got null.')
        return
    fields = _destructured(site)
    sink.unexpected_fields("site", [k for k in _keys(fields) if k not in ("bucket", "include", "exclude")],
                           ("entry-point",))
    _required_typed(sink, "site", "bucket", fields.get("bucket", MISSING), "string")
    _typed_string_array(sink, "sites.include", fields.get("include", []), required=True)
    _typed_string_array(sink, "sites.exclude", fields.get("exclude", []), required=True)
    entry_point = site.get("entry-point", MISSING) if isinstance(site, dict) else MISSING
    _optional_typed(sink, "site", "entry-point", entry_point, "string")
    if entry_point is not MISSING:
        shown = js_string(entry_point) or "workers-site"
        sink.warn("site", 'Deprecation: "site.entry-point":\nDelete the `site.entry-point` field, then add the top '
                          "level `main` field to your configuration file:\n```\n"
                          f'main = "{_node_join(shown, "" if _node_extname(shown) else "index.js")}"\n```')
    if not has_main and not _js_truthy(entry_point):
        sink.warn("site", SITE_WITHOUT_MAIN)
    elif has_main and _js_truthy(entry_point):
        sink.error("site", SITE_AND_MAIN)


def _node_extname(path: str) -> str:
    """Node's ``path.extname`` (trailing slashes ignored)."""
    base = posixpath.basename(path.rstrip("/"))
    dot = base.rfind(".")
    return base[dot:] if dot > 0 else ""


def _node_join(first: str, second: str) -> str:
    """Node's ``path.join`` of two parts (a trailing slash kept)."""
    joined = posixpath.normpath(posixpath.join(first, second) if second else first)
    return joined + "/" if (second or first).endswith("/") and joined != "/" else joined


def _validate_alias(sink: _Sink, alias: Any) -> None:
    if alias is None or _js_typeof(alias) != "object":  # null: wrangler's Object.entries throws
        sink.error("alias", f"Expected alias to be an object, but got {'null' if alias is None else _js_typeof(alias)}")
        return
    entries = _destructured(alias)
    for key in _keys(entries):  # Object.entries: integer-like keys first
        if not isinstance(entries[key], str):
            sink.error("alias", f'Expected alias["{key}"] to be a string, but got {_js_typeof(entries[key])}')


def _validate_module_paths(sink: _Sink, field: str, mapping: Any) -> None:
    if mapping is None:  # wrangler's Object.entries throws
        sink.error(field, f'Expected "{field}" to be an object but got null.')
        return
    entries = _destructured(mapping)
    for name in _keys(entries):  # Object.entries: integer-like keys first
        if not isinstance(entries[name], str):
            sink.error(field, f"Expected \"{field}['{name}']\" to be of type string but got {js_json(entries[name])}.")
