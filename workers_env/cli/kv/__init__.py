"""``workers-env kv key put|get|list|delete`` and ``kv bulk put|get|delete``: wrangler's ``kv``
commands on the local KV state.

Same arguments as ``wrangler kv`` (``--binding``/``--namespace-id``, ``--preview``,
``--ttl``, ``--expiration``, ``--metadata``, ``--path``, ``--text``, ``--prefix``,
``--persist-to``, ``--local``, ``--force``) and the same output, minus wrangler's banner. The state is
Miniflare's layout under ``<persist-to>/v3/kv`` (default ``.wrangler/state`` beside the
config), so ``wrangler kv ... --local`` and ``wrangler dev`` see what these commands write.
``--remote`` is refused where wrangler would first reach the account: after the same argument
checks, namespace lookup and file reading (nothing here talks to Cloudflare); so are the
``kv namespace`` commands, which act on the account only (``account.py``).

This module wires the commands into argparse and runs them (errors printed, exit 1); the
namespace lookup is ``namespace.py``, the commands ``keys.py`` and ``bulk.py``, a bulk file's
reading ``files.py``, the options they share ``options.py``, wrangler's blocks ``output.py``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from workers_env._errors import JsException, WorkersEnvError
from workers_env.cli.common import (
    UsageError,
    js_number,
    locations_given,
    print_hint,
    resource_location,
    value_optional,
)

from workers_env.cli.temporary import add_temporary_options
from workers_env.cli.toplevel import SUMMARIES

from .account import register_namespace_commands
from .bulk import _bulk_delete, _bulk_get, _bulk_put
from .files import _deep_reading
from .keys import _key_delete, _key_get, _key_list, _key_put, _key_put_checks
from .options import _one_of, _put_options_of
from .output import _error

__all__ = ["register"]


def _preview(text: str) -> bool:
    """``--preview=true|false`` (``--preview true``, ``--no-preview``: the CLI's
    ``_yargs_booleans`` spells them so); any other value is refused, as ``--json=maybe`` is."""
    if text in ("true", "false"):
        return text == "true"
    raise argparse.ArgumentTypeError(f"--preview takes true or false, got {text!r}")


def _namespace_options(parser: argparse.ArgumentParser, verb: str, *, preview: bool | None = None) -> None:
    """``preview``: the ``--preview`` default, wrangler's per command (false for get and list)."""
    parser.add_argument("--binding", metavar="NAME", help=f"the binding name to the namespace to {verb}")
    parser.add_argument("--namespace-id", dest="namespace_id", metavar="ID", help=f"the id of the namespace to {verb}")
    parser.add_argument("--preview", nargs="?", const=True, default=preview, type=_preview, metavar="BOOL",
                        help="interact with a preview namespace (the binding's preview_id)"
                        + ("; default: the production id" if preview is False else ""))
    parser.add_argument("--local", action="store_true", help="interact with local storage (always the case here)")
    parser.add_argument("--remote", action="store_true", help="refused: workers-env works on local state only")
    parser.add_argument("--persist-to", dest="persist_to", metavar="DIR", **value_optional(),
                        help="directory for local persistence (default: .wrangler/state beside the config)")
    parser.add_argument("--config", "-c", metavar="PATH", help="wrangler config file (default: searched upward)")
    parser.add_argument("--env", "-e", metavar="NAME", help="environment ([env.NAME]) whose kv_namespaces --binding reads")


def _put_options(parser: argparse.ArgumentParser) -> None:
    # yargs' number options: Number(text), so "0x7fffffff" is a number and "abc" NaN, which the
    # binding then reads as 0 (wrangler: "Invalid expiration of 0")
    parser.add_argument("--ttl", type=js_number, metavar="SECONDS", **value_optional(None),
                        help="time for which the entries should be visible")
    parser.add_argument("--expiration", type=js_number, metavar="EPOCH", **value_optional(None),
                        help="time since the UNIX epoch after which the entry expires")
    parser.add_argument("--metadata", metavar="JSON", **value_optional(),
                        help="arbitrary JSON that is associated with a key")


def register(subparsers: Any) -> None:
    """Add ``kv`` with ``key put|get|list|delete`` and ``bulk put|get|delete`` to the parser."""
    kv = subparsers.add_parser("kv", help=SUMMARIES["kv"],
                               description="Wrangler's `kv key` and `kv bulk` commands on the local KV state "
                                           "(`kv namespace` needs Cloudflare's API: refused).")
    kinds = kv.add_subparsers(dest="kv_kind", metavar="key|bulk|namespace")
    key = kinds.add_parser("key", help="individually manage KV pairs")
    keys = key.add_subparsers(dest="kv_command", metavar="COMMAND")

    put = keys.add_parser("put", help="write a single key/value pair to the given namespace")
    put.add_argument("key", help="the key to write to")
    put.add_argument("value", nargs="?", help="the value to write")
    put.add_argument("--path", metavar="FILE", help="read value from the file at a given path")
    _namespace_options(put, "write to")
    _put_options(put)
    put.set_defaults(handler=_command(_key_put, one_of=True, location=True, checks=_key_put_checks), location_first=True)

    get = keys.add_parser("get", help="read a single value by key from the given namespace")
    get.add_argument("key", help="the key value to get")
    get.add_argument("--text", action="store_true", help="decode the returned value as a utf8 string")
    _namespace_options(get, "get from", preview=False)
    get.set_defaults(handler=_command(_key_get, one_of=True))

    lst = keys.add_parser("list", help="output a list of all keys in a given namespace")
    lst.add_argument("--prefix", metavar="PREFIX", help="a prefix to filter listed keys")
    _namespace_options(lst, "list", preview=False)
    lst.set_defaults(handler=_command(_key_list, one_of=True))

    delete = keys.add_parser("delete", help="remove a single key value pair from the given namespace")
    delete.add_argument("key", help="the key value to delete")
    _namespace_options(delete, "delete from")
    delete.set_defaults(handler=_command(_key_delete, location=True), location_first=True)

    bulk = kinds.add_parser("bulk", help="interact with multiple KV pairs")
    bulks = bulk.add_subparsers(dest="kv_command", metavar="COMMAND")
    bput = bulks.add_parser("put", help="upload multiple key-value pairs to a namespace")
    bput.add_argument("filename", help="the JSON file containing the key/value pairs to write")
    _namespace_options(bput, "write to")
    _put_options(bput)
    bput.set_defaults(handler=_command(_deep_reading(_bulk_put), location=True), location_first=True)

    bget = bulks.add_parser("get", help="gets multiple key-value pairs from a namespace")
    bget.add_argument("filename", help="the file containing the keys to get: a JSON array of names or {\"name\": ...}")
    _namespace_options(bget, "get from", preview=False)
    bget.set_defaults(handler=_command(_deep_reading(_bulk_get)))

    bdelete = bulks.add_parser("delete", help="delete multiple key-value pairs from a namespace")
    bdelete.add_argument("filename", help="the file containing the keys to delete: a JSON array of names or {\"name\": ...}")
    bdelete.add_argument("--force", "-f", action="store_true", help="do not ask for confirmation before deleting")
    _namespace_options(bdelete, "delete from")
    bdelete.set_defaults(handler=_command(_deep_reading(_bulk_delete), location=True), location_first=True)

    register_namespace_commands(kinds, _usage)
    for parser in (kv, key, bulk):
        parser.set_defaults(handler=_usage(parser))
    add_temporary_options(kv)  # wrangler's hidden --temporary, --event-code on each command


def _usage(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    def show(_: argparse.Namespace) -> int:
        parser.print_help()  # as `wrangler kv`, `kv key`, `kv bulk`: the help on stdout, exit 0
        return 0

    return show


def _command(run: Callable[[argparse.Namespace], None], *, one_of: bool = False,
             location: bool = False,
             checks: Callable[[argparse.Namespace], None] | None = None) -> Callable[[argparse.Namespace], int]:
    """``one_of``: the command demands exactly one of ``--binding``/``--namespace-id`` up front
    (wrangler's ``key put|get|list``); the others (``key delete``, ``bulk ...``) leave it to the
    namespace lookup, where ``--namespace-id`` wins over ``--binding`` and neither is binding
    ``"undefined"``. ``location``: the command prints wrangler's "Resource location" lines once
    its arguments are checked (wrangler's ``key put|delete``, ``bulk put|delete``; not the
    ones whose output is the data: ``key get|list``, ``bulk get``). ``checks``: the command's
    further argument checks, made before those lines as wrangler's ``validateArgs``. The
    handler's ``checks_first`` makes the checks alone: the CLI makes them before a ``--no-NAME``
    wrangler fails at as the command reads its config (``kv key put k --no-config`` is wrangler's
    "exactly one of --binding and --namespace-id", measured)."""

    def checks_first(args: argparse.Namespace) -> None:
        if getattr(args, "metadata", None) is not None:  # wrangler's coerce: read with the line, first
            _put_options_of(args)
        if len(locations_given(args)) == 2:  # yargs' conflicts, after the coerce (even given false)
            raise UsageError("Arguments remote and local are mutually exclusive")
        if one_of:
            _one_of(("--binding", bool(args.binding)), ("--namespace-id", bool(args.namespace_id)))
        if checks is not None:
            checks(args)

    def handler(args: argparse.Namespace) -> int:
        try:
            checks_first(args)
            if location:
                resource_location(args)
            run(args)
        except UsageError:
            raise  # the command line's mistake: printed with the command's help (cli.main)
        except JsException as exc:
            _error(exc.message)  # wrangler prints the JS error's message alone
            return 1
        except WorkersEnvError as exc:
            _error(str(exc))
            print_hint(exc)
            return 1
        return 0

    handler.checks_first = checks_first  # type: ignore[attr-defined]
    return handler
