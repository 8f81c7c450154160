"""``containers``: the container apps of the top level, an environment or a ``previews`` table,
checked entry by entry as wrangler 4.168.0's ``validateContainerApp`` checks them.

An app managed by a Durable Object (``scheduling_policy = "durable_object"``) takes only a few
fields (:mod:`.container_parts` checks them); any other app needs an ``image`` -- a Dockerfile
beside the config or a registry reference with a tag, judged on disk as wrangler's
``isDockerfile`` judges it -- and may set rollout, instance, constraint and SSH settings.
Most messages name the field ``containers.<key>`` whatever the section, as wrangler's do; the
rest name ``<section's field>.<key>`` (``previews.containers.ssh.enabled``).
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import ada_url

from workers_env._jscoercions import js_to_number
from workers_env.config.diagnostics.checks import _optional_typed, _typed_string_array
from workers_env.config.diagnostics.container_parts import (
    _get,
    _plain,
    validate_container_observability,
    validate_durable_object_images,
    validate_durable_object_unsafe,
    validate_ssh,
    validate_ssh_keys,
)
from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _destructured,
    _js_join_item,
    _js_template,
    _js_truthy,
    _js_typeof,
    _keys,
    is_js_object,
    js_double,
    js_json,
)
from workers_env.config.diagnostics.sink import _Sink

#: wrangler's ``ALLOWED_INSTANCE_TYPES`` (``dev`` and ``standard`` are the old names)
INSTANCE_TYPES = ("lite", "basic", "standard-1", "standard-2", "standard-3", "standard-4", "dev", "standard")
ROLLOUT_STEPS = (5, 10, 20, 25, 50, 100)
REGIONS = ("ENAM", "WNAM", "EEUR", "WEUR", "APAC", "SAM", "ME", "OC", "AFR")
APP_FIELDS = (
    "name", "instances", "max_instances", "image", "image_build_context", "image_vars", "observability",
    "class_name", "scheduling_policy", "instance_type", "ssh", "wrangler_ssh", "authorized_keys",
    "trusted_user_ca_keys", "configuration", "constraints", "affinities", "rollout_step_percentage",
    "rollout_kind", "durable_objects", "rollout_active_grace_period", "unsafe",
)  # fmt: skip
DURABLE_OBJECT_APP_FIELDS = (
    "name", "class_name", "scheduling_policy", "images", "observability", "ssh", "authorized_keys", "unsafe",
)  # fmt: skip
CONFIGURATION_FIELDS = ("image", "secrets", "labels", "disk", "vcpu", "memory_mib")
INSTANCE_TYPE_FIELDS = ("vcpu", "memory_mib", "disk_mb")
#: the deprecated fields and what wrangler's warning says to use instead, in its order
DEPRECATED_APP_FIELDS = (
    ("instances", '"containers.max_instances"'), ("durable_objects", 'the "class_name" field'),
    ("wrangler_ssh", '"containers.ssh"'),
)  # fmt: skip


def _to_number(value: Any) -> float:
    """JavaScript's ``ToNumber`` of a config value, for its ``<`` and ``>`` (``null`` is 0)."""
    if value is None:
        return 0
    if isinstance(value, int) and not isinstance(value, bool):
        return js_double(value)  # a JSON integer past the doubles: JavaScript's Infinity
    try:
        return js_to_number(value)
    except (TypeError, ValueError):
        return math.nan


def _received(value: Any, toml: bool) -> str:
    """How Node's ``ERR_INVALID_ARG_TYPE`` describes a value that is not a string (``toml``: a table
    is smol-toml's, an object without a prototype, which it shows as such, ``{}`` after it when empty)."""
    if value is MISSING or value is None:
        return "Received undefined" if value is MISSING else "Received null"
    if isinstance(value, bool):
        return f"Received type boolean ({'true' if value else 'false'})"
    if isinstance(value, (int, float)):
        shown = "-0" if value == 0 and math.copysign(1, value) < 0 else _js_template(value)
        return f"Received type number ({shown})"
    if isinstance(value, dict) and toml:
        return "Received [Object: null prototype]" + ("" if value else " {}")
    kind = "Object" if isinstance(value, dict) else "Array" if isinstance(value, list) else "TomlDate"
    return f"Received an instance of {kind}"


def _resolve(base: str, value: Any, toml: bool) -> str:
    """Node's ``path.resolve(base, value)``, refusing a value that is not a string as it does."""
    if not isinstance(value, str):
        raise ValueError(f'The "paths[1]" argument must be of type string. {_received(value, toml)}')
    return os.path.normpath(os.path.join(base, value))


def _is_dockerfile(image: Any, base: str, toml: bool) -> bool:
    """wrangler's ``isDockerfile``: an existing file (a Dockerfile to build), else a registry
    reference with a tag and no protocol; ``ValueError`` with wrangler's text for anything else."""
    candidate = _resolve(base, image, toml)
    try:
        exists, folder = os.path.exists(candidate), os.path.isdir(candidate)
    except ValueError:  # a NUL in the path: no such file
        exists = folder = False
    if exists:
        if folder:
            raise ValueError(f"{image} is a directory, you should specify a path to the Dockerfile")
        return True
    prefix = f'The image "{image}" does not appear to be a valid path to a Dockerfile, or a valid image registry path:\n'
    try:
        ada_url.URL(f"https://{image}")
    except ValueError:
        raise ValueError(prefix + "Invalid URL") from None
    if ":" not in image.split("/")[-1]:
        raise ValueError(prefix + "If this is an image registry path, it needs to include at least a tag ':' "
                                  "(e.g: docker.io/httpd:1)")
    if "://" in image:
        raise ValueError(prefix + "Image reference should not include the protocol part "
                                  "(e.g: docker.io/httpd:1, not https://docker.io/httpd:1)")
    return False


def validate_container_apps(sink: _Sink, field: str, value: Any, *, worker_name: Any, config_path: Path | None,
                            compliance_region: Any, default_name: bool = True) -> None:
    """wrangler's ``validateContainerApp`` of one section's ``containers`` (``field`` names it:
    ``containers`` or ``previews.containers``); ``worker_name`` is the name a container without
    one is named after (none in ``previews``, whose names are made at deploy: ``default_name``)."""
    if not _js_truthy(value):
        return
    if not isinstance(value, list):
        sink.error(field, f'"containers" field should be an array, but got {js_json(value)}')
        return
    base = str(Path(config_path).absolute().parent) if config_path is not None else os.getcwd()
    toml = config_path is not None and Path(config_path).suffix == ".toml"
    for i, entry in enumerate(value):
        if not is_js_object(entry):  # wrangler 4.168.0 stops with a TypeError of its own (a TOML date: no fields)
            sink.error(f"{field}[{i}]", f'"{field}[{i}]" should be an object but got {js_json(entry)}.')
            continue
        app = _destructured(entry)
        if app.get("scheduling_policy") == "durable_object":
            _durable_object_app(sink, field, app, worker_name, default_name, compliance_region)
        else:
            _app(sink, field, app, worker_name, default_name, (base, toml))


def _names(sink: _Sink, field: str, app: dict[str, Any], worker_name: Any, default_name: bool, managed: bool) -> None:
    """``class_name`` and ``name``, and the default name made of the Worker's and the class's."""
    class_name = app.get("class_name", MISSING)
    _optional_typed(sink, field, "class_name", class_name, "string")
    if managed and class_name == "":
        sink.error(field, '"containers.class_name" must be a non-empty string when specified for a Durable '
                          "Object-managed Container.")
    _optional_typed(sink, field, "name", app.get("name", MISSING), "string")
    if default_name and _takes_default_name(app):
        if class_name is MISSING:
            sink.error(field, '"containers.name" is required when "containers.class_name" is not defined, because '
                              "there is no class name to derive a default name from. Either name this container and "
                              "reference it from a Durable Object's `exports` entry, or set \"containers.class_name\".")
        elif not _js_truthy(worker_name):
            sink.error(field, 'Must have either a top level "name" and "containers.class_name" field defined, or have '
                              'field "containers.name" defined.')


def _takes_default_name(app: dict[str, Any]) -> bool:
    """No ``name``, and (unless managed by a Durable Object with a bad ``class_name``) one is made."""
    class_name = app.get("class_name", MISSING)
    return not _js_truthy(app.get("name", MISSING)) and (
        app.get("scheduling_policy") != "durable_object" or class_name is MISSING
        or (isinstance(class_name, str) and class_name != "")
    )


def named_container_apps(value: Any, worker_name: Any, env_name: str | None) -> list[dict[str, Any]]:
    """The apps (objects only) with the name wrangler gives one without: ``<worker>-<class>``,
    ``-<env>`` after it in an environment, lower case with dashes for spaces."""
    apps = []
    for entry in value if isinstance(value, list) else []:
        if not isinstance(entry, dict):
            continue
        class_name = entry.get("class_name", MISSING)
        if _takes_default_name(entry) and class_name is not MISSING and _js_truthy(worker_name):
            made = f"{_js_template(worker_name)}-{_js_template(class_name)}" + (f"-{env_name}" if env_name else "")
            entry = {**entry, "name": made.lower().replace(" ", "-")}
        apps.append(entry)
    return apps


def _durable_object_app(sink: _Sink, field: str, app: dict[str, Any], worker_name: Any, default_name: bool,
                        compliance_region: Any) -> None:
    _names(sink, field, app, worker_name, default_name, managed=True)
    validate_durable_object_images(sink, f"{field}.images", app.get("images", MISSING), compliance_region)
    observability = app.get("observability", MISSING)
    validate_container_observability(sink, f"{field}.observability", observability)
    if (_get(observability, "target_instance_count") is not MISSING
            or _get(observability, "target_instance_percentage") is not MISSING):
        sink.error(field, f'"{field}.observability" only supports enabling or disabling logs for Durable '
                          "Object-managed Containers; instance targeting is not supported.")
    validate_durable_object_unsafe(sink, f"{field}.unsafe", app.get("unsafe", MISSING))
    unsupported = [k for k in _keys(app) if k not in DURABLE_OBJECT_APP_FIELDS]
    if unsupported:
        sink.error(field, f"Unsupported fields for Durable Object-managed Containers in {field}: "
                          + ",".join(f'"{k}"' for k in unsupported) + '. Only "name", "class_name", "scheduling_policy", '
                          '"images", "observability", "ssh", "authorized_keys", and restricted "unsafe" settings are '
                          "supported.")
    if "ssh" in app:
        validate_ssh(sink, f"{field}.ssh", app["ssh"])
    if "authorized_keys" in app:
        validate_ssh_keys(sink, f"{field}.authorized_keys", app["authorized_keys"], True)


def _app(sink: _Sink, field: str, app: dict[str, Any], worker_name: Any, default_name: bool,
         where: tuple[str, bool]) -> None:
    """One container app; ``where``: the config's folder and whether it is TOML."""
    _names(sink, field, app, worker_name, default_name, managed=False)
    configuration = app.get("configuration", MISSING)
    image = app.get("image", MISSING)
    if not _js_truthy(_get(configuration, "image")) and not _js_truthy(image):
        sink.error(field, '"containers.image" field must be defined for each container app. This should be the path '
                          "to your Dockerfile or an image URI pointing to the Cloudflare registry.")
    if configuration is not MISSING:
        sink.warn(field, '"containers.configuration" is deprecated. Use top level "containers" fields instead. '
                         '"configuration.image" should be "image", limits should be set via "instance_type".')
        if not _plain(configuration):
            sink.error(field, '"containers.configuration" should be an object')
        elif _js_truthy(app.get("instance_type", MISSING)) and any(_get(configuration, k) is not MISSING
                                                                   for k in ("disk", "vcpu", "memory_mib")):
            sink.error(field, 'Cannot set custom limits via "containers.configuration" and use preset "instance_type" '
                              "limits at the same time.")
    context = app.get("image_build_context", MISSING)
    _optional_typed(sink, field, "image_build_context", context, "string")
    resolved = image if image not in (MISSING, None) else _get(configuration, "image")
    base, toml = where
    try:
        if _is_dockerfile(resolved, base, toml) and _js_truthy(context):
            _resolve(base, context, toml)
    except ValueError as exc:
        sink.error(field, str(exc))
    _rollout(sink, field, app)
    kind = app.get("rollout_kind", MISSING)
    _optional_typed(sink, field, "rollout_kind", kind, "string", ("full_auto", "full_manual", "none"))
    grace = app.get("rollout_active_grace_period", MISSING)
    if grace is not MISSING and (not isinstance(grace, (int, float)) or isinstance(grace, bool) or grace < 0):
        sink.error(field, '"containers.rollout_active_grace_period" field should be a positive number but got '
                          f'"{_js_template(grace)}"')
    most = app.get("max_instances", MISSING)
    _optional_typed(sink, field, "max_instances", most, "number")
    if most is not MISSING and _to_number(most) < 0:
        sink.error(field, f'"containers.max_instances" field should be a positive number, but got {_js_template(most)}')
    steps = app.get("rollout_step_percentage", MISSING)
    if isinstance(steps, list) and most is not MISSING and len(steps) > _to_number(most):
        sink.error(field, f'"containers.rollout_step_percentage" cannot have more steps ({len(steps)}) than '
                          f'"max_instances" ({_js_template(most)})')
    _optional_typed(sink, field, "image_vars", app.get("image_vars", MISSING), "object")
    validate_container_observability(sink, f"{field}.observability", app.get("observability", MISSING))
    _optional_typed(sink, field, "scheduling_policy", app.get("scheduling_policy", MISSING), "string",
                    ("regional", "moon", "default"))
    for old, instead in DEPRECATED_APP_FIELDS:
        if old in app:
            sink.warn(field, f'"containers.{old}" is deprecated. Use {instead} instead.')
    if "unsafe" in app:
        unsafe = app["unsafe"]
        if (_js_truthy(unsafe) and not is_js_object(unsafe)) or isinstance(unsafe, list):
            sink.error(field, f'The field "containers.unsafe" should be an object but got {js_json(_js_typeof(unsafe))}.')
    sink.unexpected_fields(field, _keys(app), APP_FIELDS)
    if _plain(configuration):
        sink.unexpected_fields(f"{field}.configuration", _keys(configuration), CONFIGURATION_FIELDS)
    if "ssh" in app:
        validate_ssh(sink, f"{field}.ssh", app["ssh"])
    elif "wrangler_ssh" in app:
        validate_ssh(sink, f"{field}.wrangler_ssh", app["wrangler_ssh"])
    if "authorized_keys" in app:
        validate_ssh_keys(sink, f"{field}.authorized_keys", app["authorized_keys"], True)
    if "trusted_user_ca_keys" in app:
        validate_ssh_keys(sink, f"{field}.trusted_user_ca_keys", app["trusted_user_ca_keys"], False)
    _constraints(sink, field, app.get("constraints", MISSING))
    _instance_type(sink, field, app.get("instance_type", MISSING))


def _rollout(sink: _Sink, field: str, app: dict[str, Any]) -> None:
    """``rollout_step_percentage``: one of the allowed steps, or ascending steps of 10-100 ending at 100."""
    steps = app.get("rollout_step_percentage", MISSING)
    if steps is MISSING:
        return
    name = '"containers.rollout_step_percentage"'
    if isinstance(steps, (int, float)) and not isinstance(steps, bool):
        if steps not in ROLLOUT_STEPS:
            sink.error(field, f"{name} must be one of [5, 10, 20, 25, 50, 100], but got {_js_template(steps)}")
        return
    if not isinstance(steps, list):
        sink.error(field, f'{name} must be a number or array of numbers, but got "{_js_template(steps)}"')
        return
    not_numbers: list[Any] = []
    out_of_range: list[Any] = []
    index = 0  # wrangler counts the numbers only, and compares with the item at that count
    ascending = True
    for step in steps:
        if not isinstance(step, (int, float)) or isinstance(step, bool):
            not_numbers.append(step)
            continue
        if step < 10 or step > 100:
            out_of_range.append(step)
        if ascending and index > 0 and step < _to_number(steps[index - 1]):
            sink.error(field, f'{name} array elements must be in ascending order, but got "{_js_template(steps)}"')
            ascending = False
        if index == len(steps) - 1 and step != 100:
            sink.error(field, f'The final step in {name} must be 100, but got "{_js_template(step)}"')
        index += 1
    if not_numbers:
        sink.error(field, f'{name} array elements must be numbers, but got '
                                 f'"{", ".join(_js_join_item(s) for s in not_numbers)}"')
    if out_of_range:
        sink.error(field, f'{name} array elements must be between 10 and 100, but got '
                                 f'"{", ".join(_js_join_item(s) for s in out_of_range)}"')


def _constraints(sink: _Sink, field: str, constraints: Any) -> None:
    """``constraints``: ``tiers`` (``tier`` deprecated), a ``jurisdiction``, ``regions``."""
    if not _optional_typed(sink, field, "constraints", constraints, "object") or not _js_truthy(constraints):
        return
    given = _destructured(constraints)
    where = f"{field}.constraints"
    if "tier" in given:
        sink.warn(field, '"constraints.tier" has been deprecated in favor of "constraints.tiers". Please update your '
                         'configuration to use "constraints.tiers" instead.')
        if "tiers" in given:
            sink.error(field, f"{where}.tier and {where}.tiers cannot both be set")
    _typed_string_array(sink, f"{where}.tiers", given.get("tiers", MISSING), "number")
    jurisdiction = given.get("jurisdiction", MISSING)
    _optional_typed(sink, where, "jurisdiction", jurisdiction, "string")
    if _js_truthy(jurisdiction) and jurisdiction not in ("eu", "fedramp", "us"):
        sink.error(field, f'{where}.jurisdiction must be one of: "eu", "fedramp", "us"')
    regions = given.get("regions", MISSING)
    if _typed_string_array(sink, f"{where}.regions", regions) and isinstance(regions, list):
        for region in regions:
            if isinstance(region, str) and region.upper() not in REGIONS:
                sink.error(field, f'{where}.regions contains invalid region "{region}". Valid regions are: '
                                  + ", ".join(REGIONS))


def _instance_type(sink: _Sink, field: str, instance_type: Any) -> None:
    """``instance_type``: a preset's name (``dev`` and ``standard`` renamed) or custom limits."""
    if isinstance(instance_type, str):
        _optional_typed(sink, field, "instance_type", instance_type, "string", INSTANCE_TYPES)
        for old, new in (("dev", "lite"), ("standard", "standard-1")):
            if instance_type == old:
                sink.warn(field, f'The "{old}" instance_type has been renamed to "{new}" and will be removed in a '
                                 f'subsequent version. Please update your configuration to use "{new}" instead.')
        return
    if not _optional_typed(sink, field, "instance_type", instance_type, "object") or not _js_truthy(instance_type):
        return
    limits = _destructured(instance_type)
    for key in INSTANCE_TYPE_FIELDS:
        if key in limits and (not isinstance(limits[key], (int, float)) or isinstance(limits[key], bool)):
            sink.error(field, f'"containers.instance_type.{key}", when present, should be a number.')
    sink.unexpected_fields(f"{field}.instance_type", _keys(instance_type), INSTANCE_TYPE_FIELDS)
