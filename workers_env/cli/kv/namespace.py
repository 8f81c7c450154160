"""The namespace a kv command works on, as wrangler's ``getKVNamespaceId`` resolves
``--binding``/``--namespace-id``/``--preview`` from the config, and opening its local store."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from workers_env._env import unknown_fields
from workers_env.cli.common import CommandError, close_name, is_local, note, with_hint
from workers_env.cli.negations import FALSE
from workers_env.cli.othersections import in_other_sections, section_label
from workers_env.cli.wrangler_config import read_config


def _config(args: argparse.Namespace) -> Any:
    """The config, its warnings printed -- twice, as wrangler 4.164.0 prints them: its command
    runner reads the config, then each kv handler reads it again; None when there is none
    anywhere (no ``--config``): ``--namespace-id`` still works then, ``--binding`` says why not."""
    return read_config(args, reads=2)


def _misspelt_section(config: Any) -> str | None:
    """For a config with no ``kv_namespaces``: the section of the selected environment that likely
    misspells it (``[[kv_namespace]]``), which wrangler only warns of as an unexpected field."""
    if config is None:
        return None
    section = "top-level" if config.environment is None else f"env.{config.environment}"
    names = [name for _, name, close in unknown_fields(config.warnings, section) if close == "kv_namespaces"]
    if not names:
        return None
    return (f'"{names[0]}" in {config.path.name} is likely a misspelt "kv_namespaces": as written it is ignored, '
            "so the config has no KV namespace")


def _namespace_id(args: argparse.Namespace, config: Any) -> tuple[str, str]:
    """``(namespace id, display name)`` as wrangler resolves ``--namespace-id``/``--binding``."""
    if args.namespace_id:
        return args.namespace_id, f'id: "{args.namespace_id}"'
    binding = "undefined" if args.binding is None else args.binding  # as wrangler's template prints it
    # without a config file wrangler 4.164.0 still has one (readConfig's defaults, no
    # kv_namespaces), so its "Cannot resolve `--binding` without a wrangler config file" never shows
    entries = [e for e in config.entries("kv_namespaces") if isinstance(e, Mapping)] if config is not None else []
    if not entries:
        raise with_hint(CommandError(
            'No KV namespaces are configured in your wrangler config file. Use `--namespace-id` to specify the '
            'namespace directly, or add a "kv_namespaces" entry to your config.'
        ), _misspelt_section(config) or _near_binding(args.binding, [], config))
    entry = next((e for e in entries if e.get("binding") == args.binding), None)
    if entry is None:
        raise with_hint(CommandError(
            f'No KV namespace with binding "{binding}" was found in the "kv_namespaces" section of your wrangler '
            "config. Check the binding name is correct, or use `--namespace-id` instead."
        ), _near_binding(args.binding, entries, config))
    ns_id, preview_id = entry.get("id"), entry.get("preview_id")

    def shown(ns: str) -> tuple[str, str]:
        return ns, f'binding: "{binding}" (id: "{ns}")'

    if args.preview is True:
        if preview_id:
            return shown(preview_id)
        raise CommandError(
            f'No preview namespace ID is configured for binding "{binding}". Add a "preview_id" to the "{binding}" '
            "entry in your config's \"kv_namespaces\" section, or use `--namespace-id` to specify a preview namespace directly."
        )
    if args.preview is False:  # get and list unless told: the id, else (wrangler's default
        return shown(ns_id or binding)  # --experimental-provision, locally) the binding name
    if bool(ns_id) != bool(preview_id):
        return shown(cast(str, ns_id or preview_id))  # exactly one of the two is set
    if not ns_id:  # neither: wrangler dev uses the binding name as the local namespace id
        return shown(binding)
    raise CommandError(
        f'The binding "{binding}" has both an "id" and a "preview_id" configured. Pass `--preview` to target the '
        "preview namespace, or `--preview false` to target the production namespace."
    )


def _near_binding(binding: str | None, entries: list[Mapping[str, Any]], config: Any) -> str | None:
    """For a ``--binding`` the config lacks: the other environment (or the top level) that has
    it, which ``--env`` reaches; else the configured binding it likely misspells, with every
    binding the section has (wrangler's text names none), as ``d1``'s database names get.
    Nothing without either: a name unlike any gets wrangler's text alone."""
    if binding is None:
        return None
    elsewhere = in_other_sections(config, "kv_namespaces", lambda e: e.get("binding") == binding, binding,
                                  lambda e: f'id "{e.get("id")}"' if e.get("id") else "no id")
    if elsewhere is not None:
        return elsewhere
    names = [e["binding"] for e in entries if isinstance(e.get("binding"), str)]
    if not names:
        return None
    near = close_name(binding, names)
    if near is None:
        return None
    return (f"did you mean '{near}'? {config.path.name}'s "
            f"{section_label(config, 'kv_namespaces', config.environment)} bindings are: {', '.join(names)}")


def _resolve(args: argparse.Namespace) -> tuple[Any, str, str]:
    """``(config, namespace id, display name)``: the config read (its warnings printed) and the
    namespace resolved, which wrangler does before it reads a command's file."""
    config = _config(args)
    return (config, *_namespace_id(args, config))


@contextmanager
def _opened(args: argparse.Namespace, resolved: tuple[Any, str, str] | None = None) -> Iterator[tuple[Any, str]]:
    """``(namespace, display name)`` of the command's namespace in the local state, its store
    closed when the block ends, however it ends."""
    from workers_env.kv.namespace import KvNamespace
    from workers_env.kv.persistent import MiniflareStore
    from workers_env.kv.store import MemoryStore

    config, namespace_id, display = resolved or _resolve(args)
    if not is_local(args):  # (--remote, or --no-local alone) wrangler reaches the account at the first call: refused
        yield _RemoteNamespace(getattr(args, "flags_worded", {}).get("local")), display
        return
    if args.persist_to == FALSE:  # `--no-persist-to`: wrangler's Miniflare keeps the namespace in memory
        namespace = KvNamespace(MemoryStore(), binding=args.binding or namespace_id, namespace_id=namespace_id)
        yield namespace, display
        return
    if args.persist_to:
        persist_to = Path(args.persist_to)
    elif config is not None:
        persist_to = config.root / ".wrangler" / "state"
    else:  # no config (none found, or `-c ""`): the current folder's
        persist_to = Path.cwd() / ".wrangler" / "state"
    elsewhere = _state_elsewhere(config, persist_to, namespace_id)
    namespace = KvNamespace(MiniflareStore(persist_to, namespace_id, open_now=False),
                            binding=args.binding or namespace_id, namespace_id=namespace_id)
    try:
        yield namespace, display
    finally:
        namespace._store.close()
        if elsewhere:
            note(elsewhere)


class _RemoteNamespace:
    """The namespace of a ``--remote`` command: wrangler has checked the arguments, resolved the
    namespace and read the command's file by then (the same errors here) and goes to the
    account at the first call -- which workers-env refuses, in place of wrangler's login error.
    ``local_given``: the value of a ``--local=VALUE`` other than ``true`` or ``false`` that made
    the command remote (yargs reads it as false), named in the refusal."""

    def __init__(self, local_given: str | None = None) -> None:
        self._local_given = local_given

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._local_given is not None:
            raise CommandError(
                "workers-env kv works on local state only (Miniflare's layout under --persist-to); "
                f"--local={self._local_given} is false as wrangler reads it (every value but `true` is), so "
                "wrangler would reach your Cloudflare account: write --local for the local state, or use "
                "`wrangler kv ... --remote` for that.")
        raise CommandError("workers-env kv works on local state only (Miniflare's layout under --persist-to); "
                           "--remote would reach your Cloudflare account. Use `wrangler kv ... --remote` for that.")


def _state_elsewhere(config: Any, persist_to: Path, namespace_id: str) -> str | None:
    """For a relative ``--persist-to`` (read from the current folder, as wrangler reads it) in
    which the namespace is empty while the state beside the config holds keys of it: a line
    saying so, printed after wrangler's output ("Value not found", ``[]``), which it leaves as
    is."""
    from workers_env._statebeside import other_state_beside, shown
    from workers_env.kv.persistent import holds_entries

    beside = other_state_beside(config, persist_to) if config is not None else None
    if beside is None or holds_entries(persist_to, namespace_id) or not holds_entries(beside, namespace_id):
        return None
    return (f"--persist-to {persist_to} is {shown(persist_to)}, where this namespace was empty, while the state "
            f"beside the config ({beside}) holds keys of it: a relative --persist-to is read from the current "
            "folder, as wrangler reads it")
