"""What every ``workers-env vectorize`` command shares: its options, finding the state, reading
the config first (the printing and errors every mirror command shares are in ``cli/common.py``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from workers_env.cli.common import add_version_option, reports_errors
from workers_env.cli.wrangler_config import read_config
from workers_env.config import WorkerConfig
from workers_env.vectorize.persistent import (
    VectorizeStore,
    default_persist_to,
    open_state,
)

__all__ = [
    "add_common_options",
    "check_config",
    "command",
    "open_store",
    "persist_to_of",
]


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """``--persist-to``, ``--config`` and ``--version``: where the persisted state lives."""
    add_version_option(parser)
    group = parser.add_argument_group("local state")
    group.add_argument(
        "--persist-to",
        metavar="DIR",
        default=None,
        help="state root, as wrangler's --persist-to; indexes live in DIR/v3/vectorize "
        "(default: .wrangler/state beside the wrangler config, or in the current folder)",
    )
    group.add_argument(
        "--config",
        "-c",
        metavar="PATH",
        default=None,
        help="wrangler config file (or folder to search upward from) whose folder holds "
        ".wrangler/state (default: found upward from the current folder)",
    )
    group.add_argument(
        "--env", "-e", metavar="NAME", default=None,
        help="the config's environment ([env.NAME]; default: $CLOUDFLARE_ENV): checked as wrangler "
        "checks it, and named in create's snippet",
    )


def check_config(args: argparse.Namespace) -> WorkerConfig | None:
    """Read the wrangler config as wrangler does before any command: a broken one stops the
    command (``ConfigError``, printed as the error, nothing written) and its warnings print first.
    No config anywhere is fine (the state then lives in the current folder: ``None``)."""
    return read_config(args)


def persist_to_of(args: argparse.Namespace) -> Path:
    """The state root the command works on."""
    if args.persist_to is not None:
        return Path(args.persist_to)
    return default_persist_to(args.config)


def open_store(args: argparse.Namespace, *, create: bool = False) -> VectorizeStore:
    """The state the command works on. Only ``create`` makes the state file: any other
    command finds no index in state that does not exist, and leaves nothing new behind."""
    return open_state(persist_to_of(args), create=create)


def command(fn: Callable[[argparse.Namespace], int | None]) -> Callable[[argparse.Namespace], int]:
    """A vectorize command: the config read first (:func:`check_config`), then the body, its
    errors printed as :func:`reports_errors` prints them."""

    def run(args: argparse.Namespace) -> int | None:
        args.worker_config = check_config(args)  # read once: its warnings print once
        return fn(args)

    run.__name__ = fn.__name__
    run.__doc__ = fn.__doc__
    return reports_errors(run)
