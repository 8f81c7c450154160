"""The environment's settings tables: ``build``, ``limits``, ``observability``,
``placement``, ``rules``, ``migrations``, ``tail_consumers`` and ``python_modules``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workers_env.config.diagnostics.checks import (
    _at_least_one,
    _is_string_array,
    _optional_typed,
    _required_typed,
    _typed_string_array,
)
from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _destructured,
    _is_record,
    _js_shown,
    _js_template,
    _js_truthy,
    _js_typeof,
    _keys,
    is_js_object,
    js_json,
)
from workers_env.config.diagnostics.sink import _Pass, _Sink


def _validate_build(p: _Pass, raw_env: Mapping[str, Any]) -> None:
    """wrangler's ``normalizeAndValidateBuild`` on the section's ``build``, else the top level's."""
    build = raw_env.get("build")
    inherited = build is None and p.env is not None
    if inherited:  # the top level's build as wrangler normalised it: only its three fields
        build = p.raw_top.get("build")
        build = {k: v for k, v in build.items() if k in ("command", "cwd", "watch_dir")} if isinstance(build, dict) else None
    fields = _destructured(build)
    p.sink.unexpected_fields("build", [k for k in _keys(fields) if k not in ("command", "cwd", "watch_dir")], ())
    build = fields
    for key in ("command", "cwd"):
        if key in build and not isinstance(build[key], str):
            p.sink.error(f"build.{key}", f'Expected "build.{key}" to be of type string but got {js_json(build[key])}.')
    watch = build.get("watch_dir", "./src")
    if isinstance(watch, list):
        for i, item in enumerate(watch):
            if not isinstance(item, str):
                p.sink.error("build.watch_dir", f'Expected "build.watch_dir.[{i}]" to be of type string but got {js_json(item)}.')
    elif not isinstance(watch, str):
        p.sink.error("build.watch_dir", f'Expected "build.watch_dir" to be of type string but got {js_json(watch)}.')


def _validate_limits(p: _Pass, raw_env: Mapping[str, Any], field: str = "limits") -> None:
    """wrangler's ``normalizeAndValidateLimits``: ``cpu_ms`` and ``subrequests`` are numbers."""
    limits = raw_env.get("limits")
    if isinstance(limits, dict):
        for key in ("cpu_ms", "subrequests"):
            if key in limits and _js_typeof(limits[key]) != "number":
                p.sink.error(f"{field}.{key}", f'Expected "{field}.{key}" to be of type number but got {js_json(limits[key])}.')


def _validate_observability(p: _Pass, value: Any, field: str = "observability") -> None:
    """wrangler's ``validateObservability``."""
    if value is MISSING:
        return
    sink = p.sink
    if not is_js_object(value):
        sink.error(field, f'"{field}" should be an object but got {js_json(value)}.')
        return
    val = value if isinstance(value, dict) else {}

    def sub(name: str, key: str) -> Any:
        inner = val.get(name, MISSING)
        return inner.get(key, MISSING) if isinstance(inner, dict) else MISSING

    _at_least_one(sink, field, [
        ("enabled", val.get("enabled", MISSING), "boolean"), ("logs.enabled", sub("logs", "enabled"), "boolean"),
        ("traces.enabled", sub("traces", "enabled"), "boolean"), ("issues.enabled", sub("issues", "enabled"), "boolean"),
    ])
    _optional_typed(sink, field, "head_sampling_rate", val.get("head_sampling_rate", MISSING), "number")
    _optional_typed(sink, field, "redact_query_string", val.get("redact_query_string", MISSING), "boolean")
    issues = val.get("issues", MISSING)
    issues_ok = issues is MISSING or _is_record(issues)
    if not issues_ok:
        sink.error(field, f'"{field}.issues" should be an object but got {js_json(issues)}.')
    _optional_typed(sink, field, "logs", val.get("logs", MISSING), "object")
    _optional_typed(sink, field, "traces", val.get("traces", MISSING), "object")
    sink.unexpected_fields(
        field, _keys(value), ("enabled", "head_sampling_rate", "redact_query_string", "issues", "logs", "traces")
    )
    if issues_ok and issues is not MISSING:
        _optional_typed(sink, f"{field}.issues", "enabled", _destructured(issues).get("enabled", MISSING), "boolean")
        sink.unexpected_fields(f"{field}.issues", _keys(issues), ("enabled",))
    for name, known in (("logs", ("enabled", "head_sampling_rate", "invocation_logs", "destinations", "persist")),
                        ("traces", ("enabled", "head_sampling_rate", "destinations", "persist"))):
        inner = val.get(name, MISSING)
        if inner is None:  # wrangler reads its "enabled" and stops on a TypeError of its own
            sink.error(field, f'"{field}.{name}" should be an object but got null.')
            continue
        if not is_js_object(inner):
            continue
        fields = inner if isinstance(inner, dict) else {}
        for key, kind in (("enabled", "boolean"), ("head_sampling_rate", "number"), ("invocation_logs", "boolean"),
                          ("destinations", None), ("persist", "boolean")):
            if key not in known:
                continue
            if kind is None:
                _typed_string_array(sink, f"{name}.destinations", fields.get("destinations", MISSING))
            else:
                _optional_typed(sink, field, f"{name}.{key}", fields.get(key, MISSING), kind)
            if key == "invocation_logs" and fields.get("enabled") is False and fields.get("invocation_logs") is True:
                # wrangler 4.168.0 (workers-utils 0.57.0); named "observability" in an env too
                sink.warn(field, f'"{field}.logs.invocation_logs" has no effect when '
                                 f'"{field}.logs.enabled" is false. Set "{field}.logs.enabled" '
                                 "to true to enable invocation logs.")
        sink.unexpected_fields(field, _keys(inner), known)
    for key, rate in (("head_sampling_rate", val.get("head_sampling_rate", MISSING)),
                      ("logs.head_sampling_rate", sub("logs", "head_sampling_rate")),
                      ("traces.head_sampling_rate", sub("traces", "head_sampling_rate"))):
        if _js_truthy(rate) and _js_number(rate) is not None and not 0 <= _js_number(rate) <= 1:  # type: ignore[operator]
            sink.error(field, f'"{field}.{key}" must be a value between 0 and 1.')


def _js_number(value: Any) -> float | None:
    """``Number(value)`` for the comparisons JavaScript makes (``"2" > 1``); ``None`` when NaN."""
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip() or "0")
        except ValueError:
            return None
    if isinstance(value, list) and len(value) <= 1:
        return _js_number(value[0]) if value else 0.0
    return None


def _validate_placement(p: _Pass, value: Any, field: str = "placement") -> None:
    """wrangler's ``normalizeAndValidatePlacement``: the smart (``hint``), targeted
    (``region``/``host``/``hostname``) and plain (``mode``) forms."""
    if value is MISSING:
        return
    sink = p.sink
    if not _is_record(value):
        sink.error(field, f'The field "{field}" should be an object but got {js_json(value)}.')
        return
    value = _destructured(value)  # a TOML date: an object without fields
    targeted = [k for k in ("region", "host", "hostname") if k in value]
    mode = value.get("mode", MISSING)
    if "hint" in value and targeted:
        sink.error(field, f'"{field}" cannot have both "hint" (smart format) and "region"/"host"/"hostname" (targeted format) fields')
    elif "hint" in value:
        _required_typed(sink, field, "mode", mode, "string", ("off", "smart"))
        hint = value["hint"]
        if not isinstance(hint, str):
            sink.error(field, f'"{field}.hint" must be a string when "{field}.mode" is "{_js_template(mode)}"')
        if _js_truthy(hint) and mode != "smart":
            sink.error(field, f'"{field}.hint" can only be set when "{field}.mode" is "smart"')
    elif targeted:
        if mode is not MISSING:
            _required_typed(sink, field, "mode", mode, "string", ("targeted",))
        for key in targeted:
            _required_typed(sink, field, key, value[key], "string")
            if value[key] == "":
                sink.error(field, f'"{field}.{key}" must be a non-empty string.')
        if len(targeted) > 1:
            listed = ", ".join(f'"{k}"' for k in targeted)
            sink.error(field, f'"{field}" fields {listed} are mutually exclusive. Only one can be specified.')
    else:
        _required_typed(sink, field, "mode", mode, "string", ("off", "smart", "targeted"))
        if mode == "targeted":
            _at_least_one(sink, field, [(k, value.get(k, MISSING), "string") for k in ("region", "host", "hostname")])


_RULE_TYPES = ("ESModule", "CommonJS", "CompiledWasm", "Text", "Data")


def _validate_rules(p: _Pass, value: Any) -> None:
    """wrangler's ``validateRules``/``validateRule``."""
    if not _js_truthy(value):  # wrangler's `if (!envValue)`: an empty table still counts
        return
    field_path = p.path("rules")
    if not isinstance(value, list):
        p.sink.wrong_type(field_path, "an array", value)
        return
    for i, rule in enumerate(value):
        where = f"{field_path}[{i}]"
        if not is_js_object(rule):
            p.sink.error(where, f'"{where}" should be an object but got {js_json(rule)}.')
            continue
        rule = rule if isinstance(rule, dict) else {}
        if rule.get("type") not in _RULE_TYPES:
            p.sink.error(
                where,
                'bindings should have a string "type" field, which contains one of "ESModule", "CommonJS", '
                '"CompiledWasm", "Text", or "Data".',
            )
        globs = rule.get("globs", MISSING)
        if not isinstance(globs, list):
            p.sink.error(where, f'Expected "{where}.globs" to be an array of strings but got {_js_shown(globs)}')
        else:
            for j, glob in enumerate(globs):
                if not isinstance(glob, str):
                    p.sink.error(where, f'Expected "{where}.globs.[{j}]" to be of type string but got {js_json(glob)}.')
        if "fallthrough" in rule and not isinstance(rule["fallthrough"], bool):
            p.sink.error(where, 'the field "fallthrough", when present, should be a boolean.')


def _validate_migrations(p: _Pass, value: Any) -> None:
    """The main rules of wrangler's ``validateMigrations`` (tags and class lists)."""
    if value is MISSING or value is None:
        return
    if not isinstance(value, list):
        p.sink.error("migrations", f'The optional "migrations" field should be an array, but got {js_json(value)}')
        return
    known = ("tag", "new_classes", "new_sqlite_classes", "renamed_classes", "deleted_classes", "transferred_classes")
    for i, migration in enumerate(value):
        entry = _destructured(migration)
        p.sink.unexpected_fields("migrations", [k for k in _keys(entry) if k not in known], ())
        tag = entry.get("tag", MISSING)
        if tag is MISSING:
            p.sink.error("migrations", f'"migrations[{i}].tag" is a required field.')
        elif not isinstance(tag, str):
            p.sink.error("migrations", f'Expected "migrations[{i}].tag" to be of type string but got {js_json(tag)}.')
        for key in ("new_classes", "new_sqlite_classes"):
            _typed_string_array(p.sink, f"migrations[{i}].{key}", entry.get(key, MISSING))
        for key, shape, fields in (
            ("renamed_classes", "{from: string, to: string}", ("from", "to")),
            ("transferred_classes", "{from: string, from_script: string, to: string}", ("from", "from_script", "to")),
        ):
            got = entry.get(key, MISSING)
            if got is MISSING:
                continue
            if not isinstance(got, list) or any(
                not isinstance(c, dict) or not all(isinstance(c.get(f), str) for f in fields) for c in got
            ):
                p.sink.error(
                    "migrations", f'Expected "migrations[{i}].{key}" to be an array of "{shape}" objects but got {js_json(got)}.'
                )
        _typed_string_array(p.sink, f"migrations[{i}].deleted_classes", entry.get("deleted_classes", MISSING))


def _validate_tail_consumers(p: _Pass, name: str, value: Any) -> None:
    """wrangler's ``validateTailConsumers`` / ``validateStreamingTailConsumers`` (field named without the env)."""
    if not _js_truthy(value):
        return
    if not isinstance(value, list):
        p.sink.error(name, f'Expected "{name}" to be an array but got {js_json(value)}.')
        return
    kind = name.rsplit(".", 1)[-1]  # "previews.tail_consumers" is checked as "tail_consumers"
    for i, item in enumerate(value):
        where = f"{name}[{i}]"
        if not is_js_object(item) or (kind == "streaming_tail_consumers" and isinstance(item, list)):
            p.sink.error(where, f'"{where}" should be an object but got {js_json(item)}.')
            continue
        fields = item if isinstance(item, dict) else {}
        service = fields.get("service", MISSING)
        if service is MISSING:
            p.sink.error(where, f'"{where}.service" is a required field.')
        elif not isinstance(service, str):
            p.sink.error(where, f'Expected "{where}.service" to be of type string but got {js_json(service)}.')
        elif kind == "tail_consumers" and "environment" in fields and not isinstance(fields["environment"], str):
            p.sink.error(where, f'Expected "{where}.environment" to be of type string but got {js_json(fields["environment"])}.')


def _validate_python_modules(sink: _Sink, value: Any) -> None:
    """wrangler's ``validatePythonModules``: ``{exclude: string[]}``."""
    if value is MISSING:
        return
    if not _is_record(value):
        sink.error("python_modules", f'"python_modules" should be an object but got {js_json(value)}.')
        return
    if isinstance(value, dict) and "exclude" in value:
        _is_string_array(sink, "python_modules.exclude", value["exclude"])
