"""What every ``workers-env vectorize`` command shares: its options, finding the state, reading
the config first (the printing and errors every mirror command shares are in ``cli/common.py``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from workers_env.cli.common import CommandError, reports_errors, with_hint
from workers_env.cli.wrangler_config import read_config, state_root
from workers_env.config import WorkerConfig
from workers_env.vectorize import limits as _limits
from workers_env.vectorize.persistent import (
    NoIndexPurpose,
    VectorizeStore,
    open_state,
)
from workers_env.vectorize.store import IndexRecord

__all__ = [
    "add_common_options",
    "api_version",
    "check_config",
    "command",
    "open_store",
    "persist_to_of",
    "require_index",
]


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """``--persist-to`` and ``--config``: where the persisted state lives."""
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
    return state_root(args)


def open_store(args: argparse.Namespace, *, create: bool = False) -> VectorizeStore:
    """The state the command works on. Only ``create`` makes the state file: any other
    command finds no index in state that does not exist, and leaves nothing new behind."""
    return open_state(persist_to_of(args), create=create)


def api_version(args: argparse.Namespace) -> str:
    """The Vectorize REST API generation wrangler's command calls: v1 with ``--deprecated-v1``
    (``create``, ``delete``, ``get``, ``list`` and ``insert`` have it), else v2 (every other
    command calls the v2 API whatever the index)."""
    return "v1" if getattr(args, "deprecated_v1", False) else "v2"


def require_index(store: VectorizeStore, args: argparse.Namespace, purpose: NoIndexPurpose = "read") -> IndexRecord:
    """The record of the index ``args.name``, refused as Cloudflare's API refuses it when it is
    of the other generation than the API the command calls (:func:`api_version`): locally no
    command passes that fails against Cloudflare. The error is the API's; a ``(workers-env:
    ...)`` line says what to change."""
    record = store.require(args.name, purpose=purpose)
    api = api_version(args)
    if record.version == api:
        return record
    name = record.name
    if hasattr(args, "deprecated_v1"):  # wrangler's command has the flag
        fix = "add --deprecated-v1" if record.version == "v1" else "leave out --deprecated-v1"
        hint = f"index {name!r} is a {record.version} index: {fix}, as Cloudflare's API needs"
    else:
        hint = (f"index {name!r} is a v1 index, and wrangler's `vectorize {args.vectorize_command}` calls the v2 API, "
                "with no --deprecated-v1 (only create, delete, get, list and insert have it), so Cloudflare refuses "
                "it as here; a Worker's binding still reaches a v1 index. An index definition without "
                '"version": "v2" is v1')
    raise with_hint(CommandError(_limits.incorrect_api_version(name, record.version, api)), hint)


def command(fn: Callable[[argparse.Namespace], int | None]) -> Callable[[argparse.Namespace], int]:
    """A vectorize command: the config read first (:func:`check_config`), then the body, its
    errors printed as :func:`reports_errors` prints them."""

    def run(args: argparse.Namespace) -> int | None:
        args.worker_config = check_config(args)  # read once: its warnings print once
        return fn(args)

    run.__name__ = fn.__name__
    run.__doc__ = fn.__doc__
    return reports_errors(run)
