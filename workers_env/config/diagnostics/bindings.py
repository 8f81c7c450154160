"""What every binding field shares: wrangler's ``validateBindingArray`` with its
left-behind warning, the ``remote`` and ``binding`` checks, the ``--strict`` naming rules,
the property tests (``isRequiredProperty`` and kin), ``getBindingNames``, and the single-object
bindings (``ai``, ``browser`` and the like, ``version_metadata``).
"""

from __future__ import annotations

import keyword
from collections.abc import Callable
from typing import Any

from workers_env.config.diagnostics.fields import (
    _JS_RESERVED_WORDS,
    INDEX_NAME_RE,
    INDEX_NAME_RULE,
    MAX_INDEX_NAME_BYTES,
)
from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _destructured,
    _has_str,
    _is_record,
    _js_template,
    _js_typeof,
    _keys,
    _optional_bool,
    is_js_identifier,
    is_js_object,
    js_json,
)
from workers_env.config.diagnostics.sink import _Pass, _Sink


def _binding_names_of_array(value: Any) -> list[Any]:
    """``value.map((entry) => entry.binding)``: ``MISSING`` where an entry has none."""
    return [entry.get("binding", MISSING) if isinstance(entry, dict) else MISSING for entry in value]


def _same_value_key(value: Any) -> tuple[str, str]:
    """A key that tells values apart as a JavaScript ``Set`` does (``1`` is not ``"1"``)."""
    if value is MISSING:
        return ("undefined", "")
    kind = _js_typeof(value)
    return (kind, js_json(value) if kind != "object" or value is None else str(id(value)))


def _validate_binding_array(
    p: _Pass, name: str, value: Any, entry: Callable[[_Pass, str, Any], bool] | None
) -> bool:
    """wrangler's ``validateBindingArray``: an array, each entry checked, none left behind."""
    field_path = p.path(name)
    if not isinstance(value, list):
        p.sink.wrong_type(field_path, "an array", value)
        return False
    valid = True
    if entry is not None:
        for i, item in enumerate(value):
            valid = entry(p, f"{field_path}[{i}]", item) and valid
    top_value = p.top(name)
    if isinstance(top_value, list) and top_value:
        env_names = {_same_value_key(n) for n in _binding_names_of_array(value)}
        for top_name in _binding_names_of_array(top_value):
            shown = _js_template(top_name)
            if _same_value_key(top_name) not in env_names:
                p.sink.warn(
                    field_path,
                    f'There is a {name} binding with name "{shown}" at the top level, but not on "env.{p.env}".\n'
                    f'This is not what you probably want, since "{name}" configuration is not inherited by environments.\n'
                    f'Please add a binding for "{shown}" to "env.{p.env}.{name}.bindings".',
                )
    return valid


def _remote_ok(p: _Pass, field_path: str, value: Any) -> bool:
    if not _optional_bool(value, "remote"):
        p.sink.error(
            field_path,
            f'"{field_path}" should, optionally, have a boolean "remote" field but got {js_json(value)}.',
        )
        return False
    return True


def _strict_binding_name(p: _Pass, field_path: str, name: str) -> bool:
    """``--strict``: a binding name the Worker can reach as ``env.NAME`` in JavaScript."""
    if not is_js_identifier(name):
        p.sink.error(
            field_path,
            f'"{field_path}" bindings should have a "binding" field that is a valid JavaScript identifier '
            f'(letters, digits, "_" or "$", not starting with a digit) but got {js_json(name)}.',
        )
        return False
    if name in _JS_RESERVED_WORDS:
        p.sink.error(
            field_path,
            f'"{field_path}" bindings should have a "binding" field that is not a JavaScript reserved word '
            f"but got {js_json(name)}.",
        )
        return False
    if keyword.iskeyword(name):  # legal for the service, awkward for a Python Worker
        p.sink.warn(
            field_path,
            f'"{field_path}" binding {js_json(name)} is a Python keyword: a Python Worker cannot write '
            f'self.env.{name}; it writes self.env.{name}_ (Pyodide reads a keyword with an underscore after '
            f'it as the keyword) or getattr(self.env, {js_json(name)}).',
        )
    return True


def _strict_index_name(p: _Pass, field_path: str, name: str) -> bool:
    """``--strict``: what the Vectorize service accepts as an index name."""
    size = len(name.encode("utf-8"))
    valid = True
    if size > MAX_INDEX_NAME_BYTES:
        p.sink.error(
            field_path,
            f'"{field_path}" bindings should have an "index_name" of at most {MAX_INDEX_NAME_BYTES} bytes '
            f"but got {size} bytes: {js_json(name)}.",
        )
        valid = False
    if not INDEX_NAME_RE.match(name):
        p.sink.error(
            field_path,
            f'"{field_path}" bindings should have an "index_name" the Vectorize service accepts but got '
            f"{js_json(name)}. {INDEX_NAME_RULE}",
        )
        valid = False
    return valid


def _string_field(p: _Pass, field_path: str, value: Any, key: str, wording: str, *, non_empty: bool = False) -> bool:
    """An optional string property; ``wording`` completes ``"<path>" bindings ...``."""
    present = isinstance(value, dict) and key in value
    bad = present and not isinstance(value[key], str)
    if non_empty and present and value[key] == "":
        bad = True
    if bad:
        p.sink.error(field_path, f'"{field_path}" bindings {wording} but got {js_json(value)}.')
        return False
    return True


def _binding_string(p: _Pass, field_path: str, value: Any) -> bool:
    if not _has_str(value, "binding"):
        p.sink.error(field_path, f'"{field_path}" bindings should have a string "binding" field but got {js_json(value)}.')
        return False
    return True


def _has(value: Any, key: str) -> bool:
    """JavaScript ``key in value`` for a config object."""
    return isinstance(value, dict) and key in value


def _required(value: Any, key: str, kind: str) -> bool:
    """wrangler's ``isRequiredProperty`` (``typeof`` compared, so ``null`` is an "object")."""
    return _has(value, key) and _js_typeof(value[key]) == kind


def _optional(value: Any, key: str, kind: str) -> bool:
    """wrangler's ``isOptionalProperty``."""
    return not _has(value, key) or _js_typeof(value[key]) == kind


def _check(p: _Pass, field_path: str, value: Any, ok: bool, wording: str) -> bool:
    """``"<path>" bindings <wording> but got <value>.`` unless ``ok``."""
    if not ok:
        p.sink.error(field_path, f'"{field_path}" bindings {wording} but got {js_json(value)}.')
    return ok


def _objects(p: _Pass, field_path: str, value: Any, label: str) -> bool:
    """``"<label>" bindings should be objects, but got ...`` for a non-object entry."""
    if not is_js_object(value):
        p.sink.error(field_path, f'"{label}" bindings should be objects, but got {js_json(value)}')
        return False
    return True


def _validate_single_binding(p: _Pass, name: str, value: Any, *, known_keys: tuple[str, ...] | None) -> None:
    """``validateAIBinding`` (no unknown-field check) and ``validateNamedSimpleBinding``."""
    field_path = p.path(name)
    if not _is_record(value):
        p.sink.wrong_type(field_path, "an object", value)
        return
    if not _has_str(value, "binding"):
        p.sink.error(field_path, 'binding should have a string "binding" field.')
    _remote_ok(p, name, value)
    if known_keys is not None:
        p.sink.unexpected_fields(name, _keys(value), known_keys)
    if p.strict and name == "ai" and _has_str(value, "binding"):
        _strict_binding_name(p, field_path, value["binding"])


def _validate_version_metadata(p: _Pass, value: Any, name: str = "version_metadata") -> None:
    """wrangler's ``validateVersionMetadataBinding``: only a string ``binding`` is checked."""
    if not _is_record(value):
        p.sink.wrong_type(p.path(name), "an object", value)
        return
    if not _has_str(value, "binding"):
        p.sink.error(p.path(name), 'binding should have a string "binding" field.')


def _binding_names(value: Any) -> list[str]:
    """wrangler's ``getBindingNames``: the names a binding field puts on ``env`` (a record's keys in
    ``Object.keys`` order; a TOML date, an object without keys, none)."""
    if isinstance(value, list):
        if all(isinstance(e, dict) and isinstance(e.get("binding"), str) for e in value):
            return [e["binding"] for e in value]
        return []
    if not isinstance(value, dict):
        return []
    bindings = value.get("bindings")
    if isinstance(bindings, list) and all(isinstance(b, dict) and isinstance(b.get("name"), str) for b in bindings):
        return [b["name"] for b in bindings]
    if "binding" in value:  # a null one too (``!== undefined``)
        return [_js_template(value["binding"])]  # String(): the name as a key
    return _keys(value)


def normalised_durable_objects(value: Any) -> dict[str, Any]:
    """``{...value, bindings: value.bindings ?? []}``: the ``durable_objects`` wrangler's normalised config
    holds (whose binding names ``validateBindingsHaveUniqueNames`` takes)."""
    out = dict(_destructured(value)) if value is not MISSING else {}
    if out.get("bindings") is None:
        out["bindings"] = []
    return out


def heading_entry_strings(sink: _Sink, where: str, value: Any, keys: tuple[str, ...]) -> bool | None:
    """How wrangler's ``validateDurableObjectBinding`` and ``validateCflogfwdrBinding`` begin (messages under
    the binding's own heading): ``None`` for no object, else whether each of ``keys`` is a string."""
    if not is_js_object(value):
        sink.error(where, f'Expected "{where}" to be an object but got {js_json(value)}')
        return None
    valid = True
    for key in keys:
        if not _required(value, key, "string"):
            sink.error(where, f'binding should have a string "{key}" field.')
            valid = False
    return valid


def bindings_entries(p: _Pass, name: str, field_path: str, bindings: Any, entry: Callable[[_Sink, str, Any], bool],
                     top: Any = MISSING) -> bool:
    """The ``bindings`` array of wrangler's ``validateBindingsProperty`` (``durable_objects``, ``unsafe``,
    ``logfwdr``): each entry checked under its own heading, then, all of them valid, the top level's
    binding names this environment leaves out (``top``: the top level's value as wrangler normalised it,
    when that is not the raw one)."""
    if bindings is MISSING:
        p.sink.error(field_path, f'The field "{field_path}" is missing the required "bindings" property.')
        return False
    if not isinstance(bindings, list):
        p.sink.wrong_type(f"{field_path}.bindings", "an array", bindings)
        return False
    valid = True
    for i, binding in enumerate(bindings):
        valid = p.sink.grouped(f"{field_path}.bindings[{i}]", binding, entry) and valid
    if valid:
        _bindings_left_behind(p, name, field_path, {"bindings": bindings}, top)
    return valid


def _bindings_left_behind(p: _Pass, name: str, field_path: str, value: Any, top: Any = MISSING) -> None:
    """The warning of wrangler's ``validateBindingsProperty`` (``durable_objects``, ``unsafe``): the
    top level's binding names that this environment's ``value`` leaves out."""
    top_names = _binding_names(p.top(name) if top is MISSING else top)
    if not top_names:
        return
    here = set(_binding_names(value))
    missing = [n for n in top_names if n not in here]
    if missing:
        p.sink.warn(
            field_path,
            f'The following bindings are at the top level, but not on "env.{p.env}".\n'
            f'This is not what you probably want, since "{name}" configuration is not inherited by environments.\n'
            f'Please add a binding for each to "{field_path}.bindings":\n' + "\n".join(f"- {n}" for n in missing),
        )
