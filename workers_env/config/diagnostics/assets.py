"""The ``assets`` table (wrangler's ``validateAssetsConfig``) and its allowed choices,
which :mod:`workers_env.assets.server` also reads.
"""

from __future__ import annotations

from typing import Any

from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _js_typeof,
    _keys,
    is_js_object,
    js_json,
)
from workers_env.config.diagnostics.sink import _Sink

__all__ = ["ASSETS_HTML_HANDLING", "ASSETS_NOT_FOUND_HANDLING"]

#: wrangler's ``validateAssetsConfig``: the choices, in its order
ASSETS_HTML_HANDLING = ("auto-trailing-slash", "force-trailing-slash", "drop-trailing-slash", "none")
ASSETS_NOT_FOUND_HANDLING = ("single-page-application", "404-page", "none")


def _validate_assets(sink: _Sink, name: str, value: Any) -> None:
    """wrangler's ``validateAssetsConfig`` (the ``assets`` table, inheritable into envs)."""
    if value is MISSING:
        return
    if not is_js_object(value):
        kind = "object" if value is None else _js_typeof(value)
        sink.error(name, f'"{name}" should be an object, but got value {js_json(name)} of type {kind}')
        return
    table = value if isinstance(value, dict) else {}
    for key, choices in (("directory", None), ("binding", None), ("html_handling", ASSETS_HTML_HANDLING),
                         ("not_found_handling", ASSETS_NOT_FOUND_HANDLING), ("base_path", None)):
        if key not in table:
            continue
        item = table[key]
        if not isinstance(item, str):
            sink.error(name, f'Expected "{name}.{key}" to be of type string but got {js_json(item)}.')
        elif choices is not None and item not in choices:
            sink.error(name, f'Expected "{name}.{key}" field to be one of {js_json(list(choices))} but got {js_json(item)}.')
    if "run_worker_first" in table:
        first = table["run_worker_first"]
        if isinstance(first, list):
            for i, item in enumerate(first):
                if not isinstance(item, str):
                    # wrangler names it "assets.run_worker_first" wherever it is
                    sink.error(name, f'Expected "assets.run_worker_first.[{i}]" to be of type string but got {js_json(item)}.')
        elif not isinstance(first, bool):
            sink.error(name, f'The field "{name}.run_worker_first" should be an array of strings or a boolean, '
                             f"but got {js_json(first)}.")
    sink.unexpected_fields(name, _keys(value), ("directory", "binding", "html_handling", "not_found_handling",
                                                "base_path", "run_worker_first"))
