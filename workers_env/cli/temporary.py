"""wrangler's hidden ``--temporary`` and ``--event-code`` on the ``d1`` and ``kv`` commands.

wrangler 4.164.0 gives both to every command whose ``behaviour.supportTemporary`` is set
(``src/core/register-yargs-command.ts``; among ours: each ``d1`` and ``kv`` command, no
``vectorize`` or ``ai`` one), hidden from the help. ``--temporary`` makes a temporary preview
account over the network where the command would log in; here, where nothing reaches an account,
it changes nothing: a local command runs as without it, an account's command is refused where
wrangler logs in, as always. ``--event-code`` is read as wrangler reads it: its ``coerce``
(``parseEventCode``: one value, not blank), then ``--event-code requires --temporary.`` before
the config is read (``createHandler``), each with the command's help.
"""

from __future__ import annotations

import argparse
from typing import Any

from workers_env.cli.negations import FALSE

__all__ = ["REQUIRES_TEMPORARY", "add_temporary_options", "coerce_error", "needs_temporary"]

#: wrangler's ``CommandLineArgsError`` for ``--event-code`` without ``--temporary``
REQUIRES_TEMPORARY = "--event-code requires --temporary."


class _EventCode(argparse.Action):
    """``--event-code VALUE`` with wrangler's ``parseEventCode`` coerce: its first error is noted
    in the namespace (``_coerce_error``), for the parser to raise where yargs does -- after a
    missing positional, before an unknown argument. ``--no-event-code`` reaches the coerce as
    ``false`` (``value.trim is not a function``)."""

    takes_false = True  # (negations: `--no-event-code` is given to the coerce as false)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        before = getattr(namespace, "_event_codes", None) or []
        codes = [*before, values]
        namespace._event_codes = codes
        if len(codes) > 1:
            error = "--event-code expects a single value."
        elif values == FALSE:
            error = "value.trim is not a function"
        elif not values.strip():
            error = "--event-code cannot be empty."
        else:
            error = None
            setattr(namespace, self.dest, values.strip())
        if error is not None:
            namespace._coerce_error = error  # (a second value's error replaces the first's, as yargs coerces the array)


def add_temporary_options(group: argparse.ArgumentParser) -> None:
    """Add the hidden ``--temporary`` (a boolean, default false) and ``--event-code`` (a string
    that requires a value) to each command under ``group`` (``d1``, ``kv``: all of theirs have them)."""
    from workers_env.cli.globalflags import subcommands

    commands = subcommands(group)
    if commands is None:
        group.add_argument("--temporary", action="store_true", help=argparse.SUPPRESS)
        group.add_argument("--event-code", dest="event_code", action=_EventCode, default=None, help=argparse.SUPPRESS)
        return
    for command in dict.fromkeys(commands.values()):  # (an alias is the same parser)
        add_temporary_options(command)


def coerce_error(args: argparse.Namespace) -> str | None:
    """The error ``--event-code``'s coerce refused its value with, if any (taken out of ``args``)."""
    args.__dict__.pop("_event_codes", None)
    return args.__dict__.pop("_coerce_error", None)


def needs_temporary(args: argparse.Namespace) -> bool:
    """Whether the line gives ``--event-code`` without ``--temporary``: wrangler's
    :data:`REQUIRES_TEMPORARY`, made after the command's ``validateArgs`` and ``Resource
    location`` lines, before its config is read."""
    return getattr(args, "event_code", None) is not None and not getattr(args, "temporary", False)
