"""Building ``env.<BINDING>`` for each ``[[kv_namespaces]]`` entry of a config.

The namespace a binding reads and writes is the one ``wrangler dev`` uses locally:
``preview_id``, else ``id``, else the binding name. Two bindings naming the same namespace
share it. With ``persist_to`` the data lives in Miniflare's layout (``persistent.py``);
otherwise each ``load_env`` starts with empty namespaces in memory. Expiry is measured
against ``load_env(..., clock=...)`` (default: the system clock).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from workers_env._env import AssemblyContext

if TYPE_CHECKING:  # (imported once a config has [[kv_namespaces]]: load_env builds every kind's)
    from workers_env.kv.namespace import KvNamespace
    from workers_env.kv.store import Store

__all__ = ["build_bindings", "local_namespace_id"]


def local_namespace_id(entry: Mapping[str, Any]) -> str | None:
    """The namespace id ``wrangler dev`` uses for a ``kv_namespaces`` entry locally."""
    for field in ("preview_id", "id", "binding"):
        value = entry.get(field)
        if isinstance(value, str) and value:
            return value
    return None


def _warn_if_beside_only(context: AssemblyContext, namespace_id: str, binding: str) -> None:
    """Warn when a relative ``persist_to`` holds no key of a namespace of which the state beside
    the config holds some: a subfolder's run would read an empty namespace without an error."""
    from workers_env._statebeside import other_state_beside, warn_state_elsewhere
    from workers_env.kv.persistent import holds_entries

    persist_to = context.persist_to
    beside = other_state_beside(context.config, persist_to)
    if persist_to is None or beside is None:
        return
    if holds_entries(persist_to, namespace_id) or not holds_entries(beside, namespace_id):
        return  # (holds_entries reads a missing, locked or unreadable file as no row)
    warn_state_elsewhere(f'the KV namespace "{namespace_id}"', binding, persist_to, beside)


def build_bindings(context: AssemblyContext) -> dict[str, KvNamespace]:
    """One :class:`KvNamespace` per well-formed ``[[kv_namespaces]]`` entry."""
    entries = [e for e in context.config.entries("kv_namespaces") if isinstance(e, Mapping) and isinstance(e.get("binding"), str)]
    if not entries:
        return {}
    from workers_env.kv.namespace import KvNamespace
    from workers_env.kv.store import MemoryStore

    clock = context.options.get("clock")
    stores: dict[str, Store] = {}
    bindings: dict[str, KvNamespace] = {}
    for entry in entries:
        namespace_id = local_namespace_id(entry) or entry["binding"]
        store = stores.get(namespace_id)
        if store is None:
            if context.persist_to is not None:
                from workers_env.kv.persistent import (
                    MiniflareStore,  # only when state is on disk
                )

                _warn_if_beside_only(context, namespace_id, entry["binding"])
                store = MiniflareStore(context.persist_to, namespace_id)
                context.on_close(store.close)
            else:
                store = MemoryStore()
            stores[namespace_id] = store
        bindings[entry["binding"]] = KvNamespace(store, binding=entry["binding"], namespace_id=namespace_id, clock=clock)
    return bindings
