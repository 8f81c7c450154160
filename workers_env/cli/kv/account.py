"""``workers-env kv namespace create|list|delete|rename``: wrangler's commands on the namespaces of
a Cloudflare account, which have no local mode. Each takes wrangler 4.164.0's arguments and makes
its checks (the same mistakes get the same errors, with the help), reads the config and prints
what wrangler prints before it logs in, then stops where wrangler asks for ``CLOUDFLARE_API_TOKEN``
(exit 1): one error line saying the command needs Cloudflare's API and what runs locally instead."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from workers_env._jsvalues import js_length
from workers_env.cli.apionly import refused_offline
from workers_env.cli.common import UsageError, config_options

__all__ = ["register_namespace_commands"]

#: what runs locally instead, after each refusal
_LOCALLY = ("running locally needs no namespace made first: `workers-env dev` and `workers-env kv key ...` keep each "
            "kv_namespaces binding's keys under the namespace wrangler dev binds (its preview_id, else its id, else "
            "the binding's name), whatever the value")
_WHAT = {
    "create": "creates a namespace",
    "list": "lists the namespaces",
    "delete": "deletes a namespace",
    "rename": "renames a namespace",
}


def register_namespace_commands(kinds: Any, usage: Callable[[argparse.ArgumentParser], Any]) -> None:
    """Add ``namespace`` with ``create|list|delete|rename`` under ``kv`` (``kinds``); ``usage``
    makes a group's handler (its help, exit 0, as ``wrangler kv namespace``)."""
    namespace = kinds.add_parser("namespace", help="interact with your Workers KV namespaces (Cloudflare's API only)",
                                 description="Interact with your Workers KV Namespaces. Each command needs your "
                                             "Cloudflare account: refused here where wrangler logs in.")
    commands = namespace.add_subparsers(dest="kv_command", metavar="COMMAND")
    create = commands.add_parser("create", help="Create a new namespace")
    create.add_argument("namespace", help="The name of the new namespace")
    create.add_argument("--preview", action="store_true", help="Interact with a preview namespace")
    create.add_argument("--jurisdiction", metavar="NAME", help='The jurisdiction where the new namespace will be '
                                                               'created (e.g. "us", "eu", "fedramp")')
    create.add_argument("--experimental-mode", "--x-mode", dest="experimental_mode", choices=["instant"],
                        help="The storage mode for the new namespace (cannot be combined with --jurisdiction)")
    create.add_argument("--use-remote", action="store_true",
                        help="Use a remote binding when adding the newly created resource to your config")
    create.add_argument("--update-config", action="store_true",
                        help="Automatically update your config file with the newly added resource")
    create.add_argument("--binding", metavar="NAME", help="The binding name of this resource in your Worker")
    config_options(create)
    create.set_defaults(handler=_refused("create", _create_checks))

    listing = commands.add_parser("list", help="Output a list of all KV namespaces associated with your account id")
    config_options(listing)
    listing.set_defaults(handler=_refused("list"))

    delete = commands.add_parser("delete", help="Delete a given namespace.")
    delete.add_argument("namespace", nargs="?", help="The name of the namespace to delete")
    delete.add_argument("--binding", metavar="NAME", help="The binding name to the namespace to delete from")
    delete.add_argument("--namespace-id", dest="namespace_id", metavar="ID", help="The id of the namespace to delete")
    delete.add_argument("--preview", action="store_true", help="Interact with a preview namespace")
    delete.add_argument("--skip-confirmation", "-y", dest="skip_confirmation", action="store_true",
                        help="Skip confirmation")
    config_options(delete)
    delete.set_defaults(handler=_refused("delete", _delete_checks, remote=True))

    rename = commands.add_parser("rename", help="Rename a KV namespace")
    rename.add_argument("old_name", nargs="?", metavar="old-name", help="The current name of the namespace to rename")
    rename.add_argument("--namespace-id", dest="namespace_id", metavar="ID", help="The id of the namespace to rename")
    rename.add_argument("--new-name", dest="new_name", metavar="NAME", required=True,
                        help="The new name for the namespace")
    config_options(rename)
    rename.set_defaults(handler=_refused("rename", _rename_checks, remote=True))
    namespace.set_defaults(handler=usage(namespace))


def _create_checks(args: argparse.Namespace) -> None:
    """yargs' ``conflicts`` of ``--experimental-mode`` with ``--jurisdiction``."""
    if args.experimental_mode is not None and args.jurisdiction is not None:
        raise UsageError("Arguments experimental-mode and jurisdiction are mutually exclusive")


def _delete_checks(args: argparse.Namespace) -> None:
    """wrangler's ``validateArgs``: exactly one of the name, ``--binding`` and ``--namespace-id``."""
    given = [value for value in (args.namespace, args.binding, args.namespace_id) if value]
    if not given:
        raise UsageError("No KV namespace specified. Provide a namespace name as a positional argument, or use "
                         "`--binding` or `--namespace-id`.")
    if len(given) > 1:
        raise UsageError("Only one namespace selector is allowed. Provide exactly one of: a positional namespace "
                         "name, `--binding`, or `--namespace-id`.")


def _rename_checks(args: argparse.Namespace) -> None:
    """wrangler's ``validateArgs``: the old name or ``--namespace-id``, not both; a new name of
    at most 512 characters as JavaScript counts them (``length``: UTF-16 units, an emoji two)."""
    if args.old_name and args.namespace_id:
        raise UsageError("Cannot specify both a positional namespace name and `--namespace-id`. Use one or the other "
                         "to identify the namespace to rename.")
    if not args.namespace_id and not args.old_name:
        raise UsageError("No KV namespace specified. Provide the current namespace name as a positional argument, or "
                         "use `--namespace-id` to identify the namespace to rename.")
    length = js_length(args.new_name)  # JavaScript's: UTF-16 units
    if args.new_name and length > 512:
        raise UsageError(f"The new namespace name exceeds the 512-character limit (got {length} "
                         "characters). Provide a shorter name with `--new-name`.")


def _refused(command: str, checks: Callable[[argparse.Namespace], None] | None = None, *,
             remote: bool = False) -> Callable[[argparse.Namespace], int]:
    """The handler of ``kv namespace <command>`` (apionly.py): ``checks`` (a mistake is printed with
    the help), the config read (its warnings), ``Resource location: remote`` where wrangler prints
    it before logging in (``delete``, ``rename``), then the refusal. The config's warnings print
    as often as wrangler 4.164.0 reads it: twice (the runner's read; all but ``list`` read it
    again), once for ``list`` (measured)."""
    return refused_offline(f"kv namespace {command}", _WHAT[command], _LOCALLY, checks,
                           reads=1 if command == "list" else 2, remote=remote)
