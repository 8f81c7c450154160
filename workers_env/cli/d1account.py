"""``workers-env d1 create|info|list|delete|insights|time-travel info|restore``: wrangler's
commands on the D1 databases of a Cloudflare account, which have no local mode.

Each takes wrangler 4.164.0's arguments and makes its checks (yargs' choices, a missing name, an
unknown option: the same errors, with the help; ``time-travel restore``'s ``validateArgs``,
without it), reads the config once as wrangler's command runner does (its warnings, a broken
config's error), then stops where wrangler's handler asks for ``CLOUDFLARE_API_TOKEN`` first
(its ``requireAuth``, before any line of its own): one error saying the command needs
Cloudflare's API and what runs locally instead, exit 1.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import Any

from workers_env.cli.apionly import refused_offline
from workers_env.cli.common import CommandError, config_options, js_number, value_optional

__all__ = ["add_database_commands", "add_insights", "add_time_travel", "location_choices"]

#: wrangler's ``LOCATION_CHOICES`` and ``JURISDICTION_CHOICES`` (``src/d1/constants.ts``)
_LOCATIONS = ("weur", "eeur", "apac", "oc", "wnam", "enam")
_JURISDICTIONS = ("eu", "fedramp", "us")

#: what runs locally instead, after each refusal
_LOCALLY = ("running locally needs no database made first: `workers-env dev` and `workers-env d1 execute|export|"
            "migrations ... --local` open each d1_databases binding's local database (made at its first use under "
            ".wrangler/state/v3/d1, as wrangler dev's), whatever its database_id")

_WHAT = {
    "create": "creates a database",
    "info": "reads a database's size and state",
    "list": "lists the databases",
    "delete": "deletes a database",
    "insights": "reads the statistics of the queries run on your databases",
    "time-travel info": "reads a database's Time Travel bookmark",
    "time-travel restore": "restores a database to a Time Travel bookmark",
}

_REMOTE = ("This command acts on remote D1 Databases: workers-env, working offline, refuses it where wrangler logs in "
           "(CLOUDFLARE_API_TOKEN).")
#: (laid out as written: argparse would cut the address at its dash)
_TIME_TRAVEL = ("This command acts on remote D1 Databases: workers-env, working offline, refuses it\n"
                "where wrangler logs in (CLOUDFLARE_API_TOKEN).\n\n"
                "For more information about Time Travel, see\nhttps://developers.cloudflare.com/d1/reference/time-travel/")


def location_choices() -> tuple[str, ...]:
    """``create --location``'s choices: wrangler's, then those ``WRANGLER_D1_EXTRA_LOCATION_CHOICES``
    adds (comma-separated), read as the parser is built -- wrangler reads it as its commands are
    defined, before any ``.env`` file is loaded."""
    extra = os.environ.get("WRANGLER_D1_EXTRA_LOCATION_CHOICES")
    return _LOCATIONS + (tuple(extra.split(",")) if extra is not None else ())


def add_database_commands(commands: Any) -> None:
    """Add ``create``, ``info``, ``list`` and ``delete`` to ``d1``'s commands, in wrangler's order."""
    create = commands.add_parser("create", help="Creates a new D1 database (Cloudflare's API only: refused)",
                                 description="Creates a new D1 database, and provides the binding and UUID that you "
                                             "will put in your config file.", epilog=_REMOTE)
    create.add_argument("name", help="The name of the new D1 database")
    create.add_argument("--location", metavar="LOCATION", choices=location_choices(), **value_optional(),
                        help="A hint for the primary location of the new DB: " + ", ".join(location_choices()))
    create.add_argument("--jurisdiction", metavar="NAME", choices=_JURISDICTIONS, **value_optional(),
                        help="The location to restrict the D1 database to run and store data within: eu, fedramp, us")
    create.add_argument("--use-remote", dest="use_remote", action="store_true",
                        help="Use a remote binding when adding the newly created resource to your config")
    create.add_argument("--update-config", dest="update_config", action="store_true",
                        help="Automatically update your config file with the newly added resource")
    create.add_argument("--binding", metavar="NAME", **value_optional(),
                        help="The binding name of this resource in your Worker")
    config_options(create)
    create.set_defaults(handler=_refused("create"))

    info = commands.add_parser("info", help="Get information about a D1 database (Cloudflare's API only: refused)",
                               description="Get information about a D1 database, including the current database "
                                           "size and state.", epilog=_REMOTE)
    info.add_argument("name", help="The name of the DB")
    _json(info)
    info.set_defaults(handler=_refused("info"))

    listing = commands.add_parser("list", help="List all D1 databases in your account (Cloudflare's API only: "
                                               "refused)", description="List all D1 databases in your account.",
                                  epilog=_REMOTE)
    _json(listing)
    listing.set_defaults(handler=_refused("list"))

    delete = commands.add_parser("delete", help="Delete a D1 database (Cloudflare's API only: refused)",
                                 description="Delete a D1 database.", epilog=_REMOTE)
    delete.add_argument("name", help="The name or binding of the DB")
    delete.add_argument("--skip-confirmation", "-y", dest="skip_confirmation", action="store_true",
                        help="Skip confirmation")
    config_options(delete)
    delete.set_defaults(handler=_refused("delete"))


def add_time_travel(commands: Any, usage: Callable[[argparse.ArgumentParser], Any]) -> None:
    """Add ``time-travel`` with ``info`` and ``restore`` to ``d1``'s commands; ``usage`` makes a
    group's handler (its help, exit 0, as ``wrangler d1 time-travel``)."""
    group = commands.add_parser("time-travel", help="Use Time Travel to restore a database at a point in time "
                                                    "(Cloudflare's API only: refused)",
                                description="Use Time Travel to restore, fork or copy a database at a specific "
                                            "point-in-time. Each command needs your Cloudflare account: refused here "
                                            "where wrangler logs in.")
    travel = group.add_subparsers(dest="time_travel_command", metavar="COMMAND")
    info = travel.add_parser("info", help="Retrieve information about a database at a specific point-in-time",
                             description="Retrieve information about a database at a specific point-in-time using "
                                         "Time Travel.", epilog=_TIME_TRAVEL,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    info.add_argument("database", help="The name or binding of the DB")
    info.add_argument("--timestamp", metavar="TIME", **value_optional(),
                      help="Accepts a Unix (seconds from epoch) or RFC3339 timestamp (e.g. 2023-07-13T08:46:42.228Z) "
                           "to retrieve a bookmark for")
    _json(info)
    info.set_defaults(handler=_refused("time-travel info"))

    restore = travel.add_parser("restore", help="Restore a database back to a specific point-in-time",
                                description="Restore a database back to a specific point-in-time.",
                                epilog=_TIME_TRAVEL, formatter_class=argparse.RawDescriptionHelpFormatter)
    restore.add_argument("database", help="The name or binding of the DB")
    restore.add_argument("--bookmark", metavar="BOOKMARK", **value_optional(), help="Bookmark to use for time travel")
    restore.add_argument("--timestamp", metavar="TIME", **value_optional(),
                         help="Accepts a Unix (seconds from epoch) or RFC3339 timestamp (e.g. "
                              "2023-07-13T08:46:42.228Z) to retrieve a bookmark for (within the last 30 days)")
    _json(restore)
    restore.set_defaults(handler=_refused("time-travel restore", _restore_checks))
    group.set_defaults(handler=usage(group))


def add_insights(commands: Any) -> None:
    """Add ``insights`` to ``d1``'s commands (wrangler lists it last)."""
    insights = commands.add_parser("insights", help="Get information about the queries run on a D1 database "
                                                    "[experimental] (Cloudflare's API only: refused)",
                                   description="Get information about the queries run on a D1 database, or on all "
                                               "D1 databases in the account.", epilog=_REMOTE)
    insights.add_argument("name", nargs="?", help="The name or binding of the DB. Omit to get insights for every D1 "
                                                  "database in the account")
    # an option with a default given bare is its default, as yargs-parser reads it (measured:
    # `--sort-type` alone is no `Invalid values`, where `create --location` alone is `Given: ""`)
    insights.add_argument("--time-period", dest="time_period", metavar="PERIOD", default="1d", **value_optional("1d"),
                          help="Fetch data from now to the provided time period (default: 1d)")
    for name, choices, default, text in (
            ("sort-type", ("sum", "avg"), "sum", "Choose the operation you want to sort insights by"),
            ("sort-by", ("time", "reads", "writes", "count"), "time", "Choose the field you want to sort insights by"),
            ("sort-direction", ("ASC", "DESC"), "DESC", "Choose a sort direction")):
        insights.add_argument(f"--{name}", dest=name.replace("-", "_"), choices=choices, default=default,
                              **value_optional(default), help=f"{text} (default: {default})")
    # numbers, read with yargs' Number() (NaN for a word) and used by wrangler only once logged in
    insights.add_argument("--limit", metavar="N", type=js_number, default=5, **value_optional(5),
                          help="fetch insights about the first X queries (default: 5)")
    insights.add_argument("--count", metavar="N", type=js_number, default=5, **value_optional(5),
                          help=argparse.SUPPRESS)  # (wrangler's hidden, deprecated "Same as --limit")
    _json(insights, "return output as JSON")
    insights.set_defaults(handler=_refused("insights"))


def _json(parser: argparse.ArgumentParser, text: str = "Return output as JSON") -> None:
    parser.add_argument("--json", action="store_true", help=text)
    config_options(parser)


def _restore_checks(args: argparse.Namespace) -> None:
    """wrangler's ``validateArgs`` of ``time-travel restore``: one of ``--timestamp`` and
    ``--bookmark`` (as JavaScript's truthiness: an empty one is none), not both; a
    ``UserError``, printed without the help."""
    if args.timestamp and args.bookmark:
        raise CommandError("Cannot use --timestamp and --bookmark together. Provide only one: --timestamp to restore "
                           "to a point in time, or --bookmark to restore to a specific bookmark.")
    if not args.timestamp and not args.bookmark:
        raise CommandError("Missing required option --timestamp or --bookmark. Provide --timestamp to restore to a "
                           "point in time (e.g. --timestamp=2023-07-13T08:46:42.228Z), or --bookmark to restore to a "
                           "specific bookmark.")


def _refused(command: str, checks: Callable[[argparse.Namespace], None] | None = None
             ) -> Callable[[argparse.Namespace], int]:
    """The handler of ``d1 <command>`` (apionly.py): ``checks`` (wrangler's ``validateArgs``), the
    config read once, then the refusal where wrangler's handler calls ``requireAuth``."""
    return refused_offline(f"d1 {command}", _WHAT[command], _LOCALLY, checks)
