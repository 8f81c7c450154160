"""The parts of a container app that wrangler checks with functions of their own (wrangler
4.168.0, ``validateContainerApp``'s helpers): its ``observability``, ``ssh`` and SSH keys, and what
a Durable Object-managed container takes instead of ``image`` -- ``images`` pinned in the managed
registry and a restricted ``unsafe``.

Kept apart from :mod:`.containers`, which walks the apps and calls these in wrangler's order.
"""

from __future__ import annotations

import os
import re
from typing import Any

from workers_env.config.diagnostics.checks import _at_least_one, _optional_typed
from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _destructured,
    _is_record,
    _js_template,
    _js_truthy,
    _js_typeof,
    _keys,
    js_json,
)
from workers_env.config.diagnostics.sink import _Sink

#: a digest-pinned reference below the registry: ``<account>/<repository>@sha256:<64 hex>``
_DIGEST_REFERENCE = re.compile(
    r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+@sha256:[a-f0-9]{64}"
)
MAX_DURABLE_OBJECT_IMAGES = 100
COMPLIANCE_REGIONS = ("public", "fedramp_high")


def _plain(value: Any) -> bool:
    """A plain object: not ``null``, not an array; a TOML date is one, without fields."""
    return _is_record(value)


def _get(value: Any, key: str) -> Any:
    """``value?.[key]`` of a config value (``MISSING`` for ``undefined``)."""
    if isinstance(value, dict):
        return value.get(key, MISSING)
    if isinstance(value, list) and key.isdigit() and int(key) < len(value):
        return value[int(key)]
    return MISSING


def _js_length(text: str) -> int:
    """A string's ``length``: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _number(value: Any) -> bool:
    return _js_typeof(value) == "number" and value is not MISSING


def _integer(value: Any) -> bool:
    """``Number.isInteger``."""
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def validate_container_observability(sink: _Sink, field: str, value: Any) -> None:
    """wrangler's ``validateContainerObservability``: logs on or off, optionally for a share of
    the instances (``target_instance_percentage`` 1-99, or ``target_instance_count``)."""
    if value is MISSING:
        return
    if not _plain(value):
        sink.error(field, f'"{field}" should be an object but got {js_json(value)}.')
        return
    value = _destructured(value)
    enabled, logs = value.get("enabled", MISSING), value.get("logs", MISSING)
    percentage = value.get("target_instance_percentage", MISSING)
    count = value.get("target_instance_count", MISSING)
    _optional_typed(sink, field, "enabled", enabled, "boolean")
    if logs is not MISSING:
        if not _plain(logs):
            sink.error(field, f'Expected "{field}.logs" to be of type object but got {js_json(logs)}.')
        else:
            _optional_typed(sink, field, "logs.enabled", _get(logs, "enabled"), "boolean")
            sink.unexpected_fields(f"{field}.logs", _keys(logs), ("enabled",))
    logs_enabled = _get(logs, "enabled")
    if enabled is MISSING and percentage is MISSING and count is MISSING and (
        logs is MISSING or (_plain(logs) and logs_enabled is MISSING)
    ):
        _at_least_one(sink, field, [("enabled", enabled, "boolean"), ("logs.enabled", logs_enabled, "boolean")])
    _optional_typed(sink, field, "target_instance_percentage", percentage, "number")
    _optional_typed(sink, field, "target_instance_count", count, "number")
    sink.unexpected_fields(field, _keys(value), ("enabled", "logs", "target_instance_percentage",
                                                 "target_instance_count"))
    if isinstance(enabled, bool) and isinstance(logs_enabled, bool) and enabled != logs_enabled:
        sink.error(field, f'"{field}.enabled" and "{field}.logs.enabled" cannot be set to different values.')
    if percentage is not MISSING and count is not MISSING:
        sink.error(field, f'"{field}.target_instance_percentage" and "{field}.target_instance_count" cannot both be set.')
    if _number(percentage) and (not _integer(percentage) or not 1 <= percentage <= 99):
        sink.error(field, f'"{field}.target_instance_percentage" must be an integer between 1 and 99 inclusive.')
    if _number(count) and (not _integer(count) or count < 1):
        sink.error(field, f'"{field}.target_instance_count" must be a positive integer.')
    on = logs_enabled is True or enabled is True
    for key, given in (("target_instance_percentage", percentage), ("target_instance_count", count)):
        if given is not MISSING and not on:
            sink.error(field, f'"{field}.{key}" requires "{field}.enabled" or "{field}.logs.enabled" to be true '
                              "because container observability overrides root observability.")


def validate_ssh(sink: _Sink, field: str, value: Any) -> None:
    """wrangler's ``validateContainerSshConfig`` (``ssh`` or the deprecated ``wrangler_ssh``)."""
    ssh = value if isinstance(value, (dict, list)) else {}
    if _js_typeof(_get(ssh, "enabled")) != "boolean":
        sink.error(field, f"{field}.enabled must be a boolean")
    port = _get(ssh, "port")
    if port is not MISSING and (not _number(port) or not _integer(port) or not 1 <= port <= 65535):
        sink.error(field, f"{field}.port must be a number between 1 and 65535 inclusive")


def validate_ssh_keys(sink: _Sink, field: str, value: Any, name_required: bool) -> None:
    """wrangler's ``validateSshPublicKeys``: ``authorized_keys`` (named) or ``trusted_user_ca_keys``."""
    if not isinstance(value, list):
        sink.error(field, f"{field} must be an array")
        return
    for i, key in enumerate(value):
        where = f"{field}[{i}]"
        if not _plain(key):
            sink.error(where, f"{where} must be an object")
            continue
        name = _get(key, "name")
        if not (isinstance(name, str) if name_required else name is MISSING or isinstance(name, str)):
            sink.error(where, f"{where}.name must be a string")
        public_key = _get(key, "public_key")
        if not isinstance(public_key, str):
            sink.error(where, f"{where}.public_key must be a string")
        elif not public_key.lower().startswith("ssh-ed25519"):
            sink.error(where, f"{where}.public_key is an unsupported key type. Please provide an ED25519 public key.")


def container_registry(compliance_region: Any) -> str:
    """wrangler's ``getCloudflareContainerRegistry``: ``$CLOUDFLARE_CONTAINER_REGISTRY``, else the
    managed registry of the API environment and compliance region (FedRAMP High's ``.fed``).
    ``ValueError`` with wrangler's text for a ``$CLOUDFLARE_COMPLIANCE_REGION`` that is no region
    or is not the config's ``compliance_region`` (``MISSING`` when it has none)."""
    given = os.environ.get("CLOUDFLARE_CONTAINER_REGISTRY")
    if given:
        return given
    from_env = os.environ.get("CLOUDFLARE_COMPLIANCE_REGION", MISSING)
    if from_env is not MISSING and from_env not in COMPLIANCE_REGIONS:
        raise ValueError(f"Expected {js_json(from_env)} to be one of {js_json(list(COMPLIANCE_REGIONS))}")
    if from_env is not MISSING and compliance_region is not MISSING and from_env != compliance_region:
        raise ValueError("The compliance region has been set to different values in two places:\n"
                         f" - `CLOUDFLARE_COMPLIANCE_REGION` environment variable: `{from_env}`\n"
                         f" - `compliance_region` configuration property: `{_js_template(compliance_region)}`")
    if from_env is not MISSING:
        region = from_env
    else:
        region = compliance_region if _js_truthy(compliance_region) else "public"
    staging = "staging." if os.environ.get("WRANGLER_API_ENVIRONMENT") == "staging" else ""
    return f"{staging}registry{'.fed' if region == 'fedramp_high' else ''}.cloudflare.com"


def validate_durable_object_images(sink: _Sink, field: str, images: Any, compliance_region: Any) -> None:
    """wrangler's ``validateDurableObjectContainerImages``: a non-empty table of at most 100
    named images, each a ``dockerfile`` to build or an ``image`` pinned by digest in the registry."""
    if images is MISSING:
        return
    if not _plain(images) or not _keys(images):
        sink.error(field, f'"{field}" must be a non-empty object when present.')
        return
    names = _keys(images)
    if len(names) > MAX_DURABLE_OBJECT_IMAGES:
        sink.error(field, f'"{field}" must contain at most {MAX_DURABLE_OBJECT_IMAGES} images.')
    for image_name in names:
        where = f"{field}.{image_name}"
        if not 1 <= _js_length(image_name) <= 128:
            sink.error(field, f'"{field}" image names must be between 1 and 128 characters.')
        image = images[image_name]
        if not _plain(image):
            sink.error(where, f'"{where}" must be an object with either a "dockerfile" or "image" field.')
            continue
        image = _destructured(image)
        dockerfile, pinned = image.get("dockerfile", MISSING), image.get("image", MISSING)
        has_dockerfile, has_image = dockerfile is not MISSING, pinned is not MISSING
        if has_dockerfile == has_image:
            sink.error(where, f'"{where}" must specify exactly one of "dockerfile" or "image".')
        for key, given in (("dockerfile", dockerfile), ("image", pinned)):
            if given is not MISSING and (not isinstance(given, str) or not given):
                sink.error(where, f'"{where}.{key}" must be a non-empty string.')
        if isinstance(pinned, str) and pinned:
            try:
                registry = container_registry(compliance_region)
            except ValueError as exc:  # wrangler throws: nothing else is printed
                sink.stop(where, str(exc))
                return
            prefix = f"{registry}/"
            if not pinned.startswith(prefix) or not _DIGEST_REFERENCE.fullmatch(pinned[len(prefix):]):
                sink.error(where, f'"{where}.image" must be a digest-pinned image in the managed registry, in the form '
                                  f'"{registry}/<account-id>/<repository>@sha256:<64 lowercase hex characters>".')
        build = has_dockerfile and not has_image
        if build:
            context, build_vars = image.get("build_context", MISSING), image.get("build_vars", MISSING)
            if context is not MISSING and (not isinstance(context, str) or not context):
                sink.error(where, f'"{where}.build_context" must be a non-empty string.')
            if build_vars is not MISSING and (
                not _plain(build_vars) or not all(isinstance(v, str) for v in _destructured(build_vars).values())
            ):
                sink.error(where, f'"{where}.build_vars" must be an object with string values.')
        allowed = ("dockerfile", "image", "build_context", "build_vars") if build else ("dockerfile", "image")
        unsupported = [k for k in _keys(image) if k not in allowed]
        if unsupported:
            sink.error(where, f"Unexpected fields found in {where} field: " + ", ".join(f'"{k}"' for k in unsupported))


def validate_durable_object_unsafe(sink: _Sink, field: str, value: Any) -> None:
    """wrangler's ``validateDurableObjectContainerUnsafe``: only ``configuration.experimental_flags``."""
    if value is MISSING:
        return
    if not _plain(value):
        sink.error(field, f'"{field}" should be an object.')
        return
    configuration = _get(value, "configuration")
    if any(k != "configuration" for k in _keys(value)) or configuration is not MISSING and (
        not _plain(configuration) or any(k != "experimental_flags" for k in _keys(configuration))
    ):
        sink.error(field, f'Only "{field}.configuration.experimental_flags" is supported for Durable Object-managed '
                          "Containers.")
        return
    flags = _get(configuration, "experimental_flags")
    if flags is not MISSING and (not isinstance(flags, list) or not all(isinstance(f, str) for f in flags)):
        sink.error(field, f'"{field}.configuration.experimental_flags" should be an array of strings.')
