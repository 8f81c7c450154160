"""The ``workers-env`` commands as the top level lists them, and the lines that need no more.

A line whose first word names a command builds that command's parser alone; one naming none --
``--version``, ``--help``, a bare ``workers-env``, a mistyped command -- prints only the top
level (the version, or the help listing the commands, after any unknown-argument error), which
needs each command's name and summary but none of its options. Building every command's parser
for such a line took ~0.55 s of CPU and imported numpy (``vectorize``) and the runtime (``dev``).
"""

from __future__ import annotations

from typing import Any

from workers_env.cli.globalflags import _eaten

__all__ = ["SUMMARIES", "add_summaries", "top_level_only"]

#: each command, in the help's order, with its line in the top-level help (its parser's ``help``)
SUMMARIES: dict[str, str] = {
    "validate": "check a wrangler.toml / wrangler.json(c) the way wrangler does",
    "dev": "serve the Python Worker locally over HTTP, like wrangler dev",
    "vectorize": "manage and query persisted local Vectorize indexes, like `wrangler vectorize`",
    "d1": "run SQL, exports and migrations on local D1 databases, like `wrangler d1`",
    "kv": "read and write local KV namespaces, like `wrangler kv`",
    "ai": "list the Workers AI models workers-env emulates offline, like `wrangler ai`",
}


def add_summaries(subparsers: Any) -> None:
    """Each command as a parser holding its summary alone: the top-level help lists them as the
    commands' own parsers do, and a word that is none of their names is refused as it is there."""
    for name, summary in SUMMARIES.items():
        subparsers.add_parser(name, help=summary)


def top_level_only(*lines: list[str]) -> bool:
    """Whether a line naming no command by its first word (``lines``: the line as typed and as
    its one-letter groups read) prints what the top level alone gives: no word of it names a
    command anywhere -- ``--foo dev`` prints ``dev``'s help after its error, ``-- dev`` too --
    and none is a word that some command's option taking a value would take (``-``, ``-5``,
    ``-1e5``: ``--prefix -1e5`` is ``--prefix=-1e5``), so that reading the line knowing only
    the global options' values reads it as every command's options do."""
    return not any(word in SUMMARIES or _eaten(word) for line in lines for word in line)
