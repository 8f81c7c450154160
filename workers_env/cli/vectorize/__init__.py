"""``workers-env vectorize <command>``: wrangler's ``vectorize`` commands on persisted local state.

Same command names and options as ``wrangler vectorize``; the state is the SQLite file under
``<persist-to>/v3/vectorize/`` that ``load_env(persist_to=...)`` and ``workers-env dev``
bind to. Commands: create, delete, get, list, info, insert, upsert, query, get-vectors,
delete-vectors, list-vectors, create-metadata-index, list-metadata-index,
delete-metadata-index.
"""

from __future__ import annotations

import argparse
from typing import Any

from workers_env.cli.toplevel import SUMMARIES

from . import indexes, metadata, vectors
from .common import add_common_options

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``vectorize`` and its subcommands to the ``workers-env`` parser."""
    parser = subparsers.add_parser(
        "vectorize",
        help=SUMMARIES["vectorize"],
        description=(
            "Manage and query Vectorize indexes in the persisted local state "
            "(<persist-to>/v3/vectorize), with wrangler's command names and options."
        ),
    )
    from workers_env.cli import Parser

    common = Parser(add_help=False)
    add_common_options(common)
    sub = parser.add_subparsers(dest="vectorize_command", metavar="COMMAND")
    indexes.register(sub, common)
    vectors.register(sub, common)
    metadata.register(sub, common)

    def usage(_: argparse.Namespace) -> int:
        parser.print_help()  # as `wrangler vectorize`: the help, exit 0
        return 0

    parser.set_defaults(handler=usage)
