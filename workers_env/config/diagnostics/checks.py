"""wrangler's single-field checks (``isString``, ``validateOptionalProperty``,
``validateRequiredProperty``, ``validateTypedArray`` and kin), shared by the rule modules.
"""

from __future__ import annotations

from typing import Any

from workers_env.config.diagnostics.fields import _WORKER_NAME_RE
from workers_env.config.diagnostics.jsvalues import MISSING, _js_shown, _js_typeof, js_json
from workers_env.config.diagnostics.sink import _Sink


def _is_string(sink: _Sink, name: str, value: Any) -> None:
    if value is not MISSING and not isinstance(value, str):
        sink.error(name, f'Expected "{name}" to be of type string but got {js_json(value)}.')


def _is_boolean(sink: _Sink, name: str, value: Any) -> None:
    if value is not MISSING and not isinstance(value, bool):
        sink.error(name, f'Expected "{name}" to be of type boolean but got {js_json(value)}.')


def _is_string_array(sink: _Sink, name: str, value: Any) -> None:
    if value is not MISSING and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
        sink.error(name, f'Expected "{name}" to be of type string array but got {js_json(value)}.')


def _is_valid_name(sink: _Sink, name: str, value: Any) -> None:
    if value is MISSING or (isinstance(value, str) and _WORKER_NAME_RE.match(value)):
        return
    sink.error(
        name,
        f'Expected "{name}" to be of type string, alphanumeric and lowercase with dashes only '
        f"but got {js_json(value)}.",
    )


def _is_compliance_region(sink: _Sink, name: str, value: Any) -> None:
    if value is not MISSING and value not in ("public", "fedramp_high"):
        sink.error(name, f'Expected "{name}" field to be one of ["public","fedramp_high"] but got {js_json(value)}.')


def _at_least_one(sink: _Sink, container: str, props: list[tuple[str, Any, str]]) -> None:
    """wrangler's ``validateAtLeastOnePropertyRequired``."""
    if all(v is MISSING for _, v, _ in props):
        sink.error(container, " or ".join(f'"{container}.{k}"' for k, _, _ in props) + " is required.")
        return
    if any(_js_typeof(v) == kind for _, v, kind in props):
        return
    for key, v, kind in props:
        sink.error(container, f'Expected "{container}.{key}" to be of type {kind} but got {_js_shown(v)}.')


def _optional_typed(sink: _Sink, container: str, key: str, value: Any, kind: str,
                    choices: tuple[str, ...] | None = None) -> bool:
    """wrangler's ``validateOptionalProperty``: whether the value passed."""
    return value is MISSING or _required_typed(sink, container, key, value, kind, choices)


def _required_typed(sink: _Sink, container: str, key: str, value: Any, kind: str,
                    choices: tuple[str, ...] | None = None) -> bool:
    """wrangler's ``validateRequiredProperty``: whether the value passed."""
    if value is MISSING:
        sink.error(container, f'"{container}.{key}" is a required field.')
    elif _js_typeof(value) != kind:
        sink.error(container, f'Expected "{container}.{key}" to be of type {kind} but got {js_json(value)}.')
    elif choices is not None and value not in choices:
        sink.error(container, f'Expected "{container}.{key}" field to be one of {js_json(list(choices))} but got {js_json(value)}.')
    else:
        return True
    return False


def _typed_string_array(sink: _Sink, container: str, value: Any, kind: str = "string", *,
                        required: bool = False) -> bool:
    """wrangler's ``validateOptionalTypedArray`` (``required``: ``validateTypedArray``) of
    ``kind`` items, ``"string"`` unless told: whether the value passed."""
    if value is MISSING and not required:
        return True
    if not isinstance(value, list):
        sink.error(container, f'Expected "{container}" to be an array of {kind}s but got {_js_shown(value)}')
        return False
    valid = True
    for i, item in enumerate(value):
        if _js_typeof(item) != kind:
            sink.error(container, f'Expected "{container}.[{i}]" to be of type {kind} but got {js_json(item)}.')
            valid = False
    return valid
