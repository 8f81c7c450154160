"""The handler of a wrangler command that acts on the Cloudflare account only (``d1 create``,
``kv namespace list``, ...; wrangler 4.164.0 has no local mode for them): refused where wrangler
asks for ``CLOUDFLARE_API_TOKEN``, once it has checked its arguments and read the config.

d1account.py and kv/account.py made it alike, each for its own commands; one now, their
differences given as arguments (how often wrangler reads the config, its ``Resource location``
line).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from workers_env.cli.common import CommandError, log, reports_errors
from workers_env.cli.wrangler_config import read_config

__all__ = ["refused_offline"]


def refused_offline(command: str, what: str, locally: str, checks: Callable[[argparse.Namespace], None] | None = None,
                    *, reads: int = 1, remote: bool = False) -> Callable[[argparse.Namespace], int]:
    """The handler of ``command`` (``"d1 create"``), which ``what`` (``"creates a database"``) in the
    account, ``locally`` saying what runs locally instead: ``checks`` (wrangler's ``validateArgs``
    and yargs' checks; a ``UsageError`` prints the help, a ``CommandError`` not), the config read
    (its warnings, ``reads`` times as wrangler prints them; a broken one is its error), ``Resource
    location: remote`` where wrangler prints it before logging in (``remote``), then the refusal,
    exit 1. Its ``checks_first`` makes the checks alone, for the CLI to make them before a
    ``--no-NAME`` wrangler fails at as it reads the config (``kv namespace delete --no-config`` is
    wrangler's "No KV namespace specified", measured)."""

    def refuse(args: argparse.Namespace) -> int:
        if checks is not None:
            checks(args)
        read_config(args, reads=reads)
        if remote:
            log("Resource location: remote \n")
        raise CommandError(f"`{command}` {what} in your Cloudflare account through its API, which wrangler logs in "
                           "to (CLOUDFLARE_API_TOKEN) and workers-env, working offline, does not: run "
                           f"`wrangler {command}` for it; {locally}")

    refuse.__name__ = "refuse_" + command.replace(" ", "_").replace("-", "_")
    handler = reports_errors(refuse)
    if checks is not None:
        handler.checks_first = checks  # type: ignore[attr-defined]
    return handler
