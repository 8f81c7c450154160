"""wrangler's ``validateImagesBinding`` and ``normalizeAndValidateImages`` (workers-utils 0.57.0,
wrangler 4.168.0): ``images`` holds a ``binding``, a ``url_transformations`` setting (the Images URL
transformations ``wrangler deploy`` applies to the Worker's zone; no binding), or both. wrangler
4.164.0 knew only ``{binding, remote}`` (``validateNamedSimpleBinding``).
"""

from __future__ import annotations

import re
from typing import Any

from workers_env.config.diagnostics.checks import _optional_typed, _required_typed
from workers_env.config.diagnostics.jsvalues import MISSING, _destructured, _is_record, _js_typeof, _keys, _optional_bool, js_json
from workers_env.config.diagnostics.sink import _Pass, _Sink

#: ``MAX_IMAGES_ALLOWED_ORIGINS``
MAX_ALLOWED_ORIGINS = 10
_PROTOCOL = re.compile(r"^https?://", re.IGNORECASE)


def _validate_images(p: _Pass, value: Any) -> None:
    """``validateImagesBinding``: the field named by its whole path (``env.NAME.images`` in an
    environment) in every line, the unknown-field warning too."""
    field_path = p.path("images")
    sink = p.sink
    if not _is_record(value):
        sink.wrong_type(field_path, "an object", value)
        return
    value = _destructured(value)  # a TOML date: an object without fields
    if "binding" not in value and "url_transformations" not in value:
        sink.error(field_path, f'The field "{field_path}" should have a "binding" or "url_transformations" field.')
    _optional_typed(sink, field_path, "binding", value.get("binding", MISSING), "string")
    if not _optional_bool(value, "remote"):
        sink.error(field_path, f'"{field_path}" should, optionally, have a boolean "remote" field but got {js_json(value)}.')
    if "url_transformations" in value:
        _url_transformations(sink, f"{field_path}.url_transformations", value["url_transformations"])
    sink.unexpected_fields(field_path, _keys(value), ("binding", "remote", "url_transformations"))


def _url_transformations(sink: _Sink, field_path: str, value: Any) -> None:
    """``validateImagesUrlTransformations``: ``{enabled: boolean, allowed_origins?: string[]}``."""
    if not _is_record(value):
        sink.wrong_type(field_path, "an object", value)
        return
    value = _destructured(value)
    _required_typed(sink, field_path, "enabled", value.get("enabled", MISSING), "boolean")
    origins = value.get("allowed_origins", MISSING)
    if origins is not MISSING and _typed_string_array_ok(sink, f"{field_path}.allowed_origins", origins):
        _allowed_origins(sink, f"{field_path}.allowed_origins", origins)
    sink.unexpected_fields(field_path, _keys(value), ("enabled", "allowed_origins"))


def _typed_string_array_ok(sink: _Sink, field_path: str, value: Any) -> bool:
    """``validateTypedArray(..., "string")``, and whether it passed."""
    if not isinstance(value, list):
        sink.error(field_path, f'Expected "{field_path}" to be an array of strings but got {js_json(value)}')
        return False
    ok = True
    for i, item in enumerate(value):
        if _js_typeof(item) != "string":
            sink.error(field_path, f'Expected "{field_path}.[{i}]" to be of type string but got {js_json(item)}.')
            ok = False
    return ok


def _allowed_origins(sink: _Sink, field_path: str, origins: list[str]) -> None:
    """``validateImagesAllowedOrigins``: the list's checks stop at the first that fails; then each origin."""
    if not origins:
        sink.error(field_path, f'The field "{field_path}" should not be empty. Omit it to only allow images from the '
                               "Worker's own zone.")
        return
    if "*" in origins and len(origins) > 1:
        sink.error(field_path, f'The field "{field_path}" cannot contain "*" alongside other origins. Use ["*"] on its '
                               "own to allow any origin.")
        return
    if len(origins) > MAX_ALLOWED_ORIGINS:
        sink.error(field_path, f'The field "{field_path}" can contain at most {MAX_ALLOWED_ORIGINS} origins, but got '
                               f"{len(origins)}.")
        return
    for i, origin in enumerate(origins):
        if origin == "":
            sink.error(field_path, f'"{field_path}[{i}]" should not be empty.')
        elif _PROTOCOL.match(origin):
            sink.error(field_path, f'"{field_path}[{i}]" should be a hostname without a protocol, e.g. '
                                   f"{js_json(_PROTOCOL.sub('', origin, count=1))} rather than {js_json(origin)}.")
        elif "," in origin:
            sink.error(field_path, f'"{field_path}[{i}]" should not contain a comma, but got {js_json(origin)}.')


def _url_transformations_left_behind(p: _Pass, value: Any) -> None:
    """``normalizeAndValidateImages``' warning: an environment's own ``images`` without the
    ``url_transformations`` the top level has (``images`` is not inherited)."""
    top = p.raw_top.get("images")
    if (p.env is not None and value is not MISSING and isinstance(top, dict) and top.get("url_transformations", MISSING)
            is not MISSING and (not isinstance(value, dict) or value.get("url_transformations", MISSING) is MISSING)):
        p.sink.warn(
            p.path("images"),
            f'"images.url_transformations" exists at the top level, but not on "env.{p.env}".\n'
            'This is not what you probably want, since "images.url_transformations" is not inherited by environments.\n'
            f'Please add "images.url_transformations" to "env.{p.env}".',
        )
