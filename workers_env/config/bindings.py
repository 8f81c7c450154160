"""Every binding kind wrangler knows, and the binding names a configuration declares.

The kinds and their display names are wrangler's ``friendlyBindingNames`` (kept in
:mod:`workers_env.config.diagnostics`, which uses them for the unique-name check); this
module reads them to tell ``Env`` assembly which names a Worker's ``env`` will have.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workers_env.config.diagnostics.fields import _FRIENDLY_BINDING_NAMES

__all__ = ["BINDING_KINDS", "DeclaredBinding", "declared_bindings", "queue_entries", "remote_bindings"]

#: Fields that are not bindings of a module Worker: vars are values, and Wasm/text/data
#: blobs exist only in the service-worker format (a Python Worker cannot have them).
_NOT_BINDINGS = frozenset({"vars", "wasm_modules", "text_blobs", "data_blobs"})
#: ``(config field, wrangler's name for the kind)`` for every binding kind wrangler knows.
BINDING_KINDS: tuple[tuple[str, str], ...] = tuple(
    (field, kind) for field, kind in _FRIENDLY_BINDING_NAMES if field not in _NOT_BINDINGS
)


@dataclass(frozen=True)
class DeclaredBinding:
    """One name a config puts on ``env``: the name, its config field and wrangler's kind."""

    name: str
    field: str
    kind: str


def declared_bindings(merged: Mapping[str, Any]) -> list[DeclaredBinding]:
    """The bindings a selected (merged) configuration declares, in wrangler's kind order."""
    found: list[DeclaredBinding] = []
    for field, kind in BINDING_KINDS:
        value = merged.get(field)
        if field == "queues":
            value = queue_entries(merged, "producers")
        for name in _names(field, value):
            found.append(DeclaredBinding(name, field, kind))
    return found


def queue_entries(merged: Mapping[str, Any], kind: str) -> list[Any]:
    """The ``queues.producers`` or ``queues.consumers`` list of a selected (merged)
    configuration as written, entries of any shape (``[]`` where there is none, or it is no
    list: ``validate`` reports that)."""
    queues = merged.get("queues")
    entries = queues.get(kind) if isinstance(queues, Mapping) else None
    return entries if isinstance(entries, list) else []


def _names(field: str, value: Any) -> list[str]:
    """The ``env`` names of one field: ``[{binding}]``, ``{bindings: [{name}]}`` or ``{binding}``.

    Rate limits and Send Email name their binding ``name`` (wrangler's ``convertConfigToBindings``).
    Malformed entries are skipped (``validate`` reports them).
    """
    names: list[Any] = []
    if isinstance(value, list):
        key = "name" if field in ("ratelimits", "send_email") else "binding"
        names = [e.get(key) for e in value if isinstance(e, Mapping)]
    elif isinstance(value, Mapping):
        if isinstance(value.get("bindings"), list):
            names = [b.get("name") for b in value["bindings"] if isinstance(b, Mapping)]
        else:
            names = [value.get("binding")]
    return [n for n in names if isinstance(n, str) and n]


def remote_bindings(merged: Mapping[str, Any], fields: frozenset[str]) -> list[DeclaredBinding]:
    """The bindings of the given config fields whose entry says ``remote = true`` (in wrangler's
    kind order): those ``wrangler dev`` binds to the Cloudflare account's real resources."""
    found: list[DeclaredBinding] = []
    for field, kind in BINDING_KINDS:
        value = merged.get(field) if field in fields else None
        if isinstance(value, Mapping):  # a single-binding field such as ``[ai]``
            value = [value]
        for entry in value if isinstance(value, list) else []:
            if isinstance(entry, Mapping) and entry.get("remote") is True:
                found.extend(DeclaredBinding(name, field, kind) for name in _names(field, [entry]))
    return found
