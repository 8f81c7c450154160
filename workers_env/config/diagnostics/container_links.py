"""Which Durable Object each container backs: wrangler 4.168.0's ``validateContainerExportLinks``,
run at the end of a section's checks.

A container names its class (``containers[].class_name``) or a Durable Object export names its
container (``exports.<Class>.container``); each container backs one class and each class has one
container, and both directions must agree. Containers are judged by the names wrangler gives
them (:func:`.containers.named_container_apps`), so two of one class clash by name too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workers_env.config.diagnostics.containers import named_container_apps
from workers_env.config.diagnostics.jsvalues import MISSING, _destructured, _js_template, _keys
from workers_env.config.diagnostics.sink import _Pass

LIVE_STATES = ("created", "expecting-transfer")


def _js_sorted(names: set[str]) -> list[str]:
    """``[...names].sort()``: by UTF-16 code units."""
    return sorted(names, key=lambda name: name.encode("utf-16-be", "surrogatepass"))


def _durable_object_exports(exports: Any) -> dict[str, dict[str, Any]]:
    """wrangler's ``getDurableObjectExports``: the ``durable-object`` entries, in key order."""
    entries = _destructured(exports)
    return {k: entries[k] for k in _keys(entries)
            if isinstance(entries[k], dict) and entries[k].get("type") == "durable-object"}


def _declared_elsewhere(p: _Pass) -> bool:
    """The other sections' containers: the top level's for an environment, an environment's for the top level."""
    if p.env is not None:
        return p.raw_top.get("containers") is not None
    envs = p.raw_top.get("env")
    return isinstance(envs, dict) and any(isinstance(e, dict) and e.get("containers") is not None
                                          for e in envs.values())


def validate_container_links(p: _Pass, raw_env: Mapping[str, Any]) -> None:
    """wrangler's ``validateContainerExportLinks`` of this section's ``containers`` and ``exports``."""
    containers = raw_env.get("containers")
    if containers is not None and not isinstance(containers, list):
        return
    if containers is None and _declared_elsewhere(p):
        return
    exports = p.own_or_top(raw_env, "exports")
    apps = named_container_apps(containers, p.own_or_top(raw_env, "name"), p.env)
    sink = p.sink
    by_name: dict[str, dict[str, Any]] = {}
    duplicates: set[str] = set()
    for app in apps:
        name = app.get("name")
        if isinstance(name, str):
            if name in by_name:
                duplicates.add(name)
            else:
                by_name[name] = app
    for name in _js_sorted(duplicates):
        sink.error("containers", f'"containers" contains more than one container named "{name}". '
                                 "Container names must be unique.")
    counts: dict[str, int] = {}
    for app in apps:
        if isinstance(app.get("class_name"), str):
            counts[app["class_name"]] = counts.get(app["class_name"], 0) + 1
    crowded = {c for c, n in counts.items() if n > 1}
    for class_name in _js_sorted(crowded):
        sink.error("containers", f'More than one container is attached to the Durable Object "{class_name}". '
                                 "A Durable Object can only have one container attached to it.")
    objects = _durable_object_exports(exports)
    live: set[str] = set()
    claims: dict[str, list[str]] = {}
    for class_name, entry in objects.items():
        if entry.get("state", MISSING) not in (MISSING, *LIVE_STATES):
            continue
        live.add(class_name)
        container = entry.get("container")
        if not isinstance(container, str) or not container:
            continue
        if container not in by_name:
            sink.error("exports", f'"exports.{class_name}.container" references a container named "{container}", '
                                  'but no container with that name is defined in "containers".')
            continue
        claims.setdefault(container, []).append(class_name)
    for container, classes in claims.items():
        if len(classes) > 1:
            sink.error("exports", f'The container "{container}" is referenced by more than one Durable Object export '
                                  f"({', '.join(classes)}). A container can only back a single Durable Object.")
    first_claims: dict[str, str] = {}
    for class_name, entry in objects.items():
        if isinstance(entry.get("container"), str):
            first_claims.setdefault(entry["container"], class_name)
    for app in apps:
        _check_link(p, app, objects, live, claims, first_claims, crowded)


def _check_link(p: _Pass, app: dict[str, Any], objects: dict[str, dict[str, Any]], live: set[str],
                claims: dict[str, list[str]], first_claims: dict[str, str], crowded: set[str]) -> None:
    """One named container against the exports (the first disagreement only)."""
    name = app.get("name")
    if not isinstance(name, str):
        return
    class_name = app.get("class_name", MISSING)
    if class_name is MISSING:
        if name not in first_claims:
            p.sink.error("containers", f'The container "{name}" is not linked to a Durable Object. Either set '
                                       '"containers.class_name", or reference this container from a Durable '
                                       "Object's `exports` entry via its \"container\" field.")
        return
    if isinstance(class_name, str) and class_name in crowded:
        return
    key = _js_template(class_name)
    shown = f'The container "{name}" sets "class_name" to "{key}", but'
    entry = objects.get(key)
    referenced = entry.get("container", MISSING) if entry is not None else MISSING
    if isinstance(referenced, str) and referenced != name:
        p.sink.error("containers", f'{shown} "exports.{key}.container" is "{referenced}". A Durable Object and its '
                                   "container must reference each other consistently.")
        return
    claiming = claims.get(name, [])
    if len(claiming) == 1 and claiming[0] != class_name:
        p.sink.error("containers", f'{shown} "exports.{claiming[0]}.container" references it. A Durable Object and '
                                   "its container must reference each other consistently.")
        return
    if objects and not (isinstance(class_name, str) and class_name in live):
        p.sink.error("containers", f'{shown} "exports" has no live "durable-object" entry for "{key}".')
        return
    if referenced is MISSING and entry is not None and entry.get("storage", MISSING) == "legacy-kv":
        p.sink.error("containers", f'{shown} "exports.{key}.storage" is "legacy-kv". Containers are not supported on '
                                   'Durable Objects using the "legacy-kv" storage backend.')
