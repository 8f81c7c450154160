"""What every ``workers-env vectorize`` command shares: finding the state, printing, errors.

Output follows wrangler: progress and results on stdout, warnings (``▲ [WARNING]``) and
errors (``✘ [ERROR]``) on stderr, exit code 1 on error. ``--json`` prints clean JSON only.
"""

from __future__ import annotations

import argparse
import errno
import math
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from workers_env._errors import WorkersEnvError
from workers_env._jsvalues import json_text
from workers_env.vectorize.persistent import (
    VectorizeStore,
    default_persist_to,
    open_state,
)

__all__ = [
    "CommandError",
    "add_common_options",
    "js_number",
    "command",
    "add_version_option",
    "dump_json",
    "error",
    "log",
    "message_of",
    "node_fs_error",
    "open_store",
    "reports_errors",
    "persist_to_of",
    "render_table",
    "warn",
]


class CommandError(WorkersEnvError):
    """A user error found by a command itself (wrangler's ``UserError``); printed, exit 1."""


def log(text: str = "") -> None:
    print(text, file=sys.stdout, flush=True)


def warn(text: str) -> None:
    print(f"▲ [WARNING] {text}", file=sys.stderr, flush=True)


def warn_block(text: str) -> None:
    """wrangler's ``logger.warn`` layout for a block: the marked first line, a blank line, the
    rest indented by two spaces, a blank line."""
    first, *rest = text.split("\n")
    print("\n".join([f"\u25b2 [WARNING] {first}", "", *(f"  {line}" for line in rest)]) + "\n",
          file=sys.stderr, flush=True)


def warn_config(path: Any, environment: str | None, extra_checks: Sequence[Any] = ()) -> None:
    """Print the config's warnings as wrangler does before a command runs (the unknown
    ``--env``, bindings an environment does not inherit, unexpected fields, ...)."""
    import dataclasses

    from workers_env.config import check_config

    report = check_config(path, environment=environment, extra_checks=list(extra_checks))
    if report.warnings:
        warn_block(dataclasses.replace(report, errors=()).render())


def error(text: str) -> None:
    print(f"✘ [ERROR] {text}", file=sys.stderr, flush=True)


_NODE_ERRORS = {  # libuv's texts, where they are not the C library's in lower case
    errno.EISDIR: "illegal operation on a directory",
    errno.ELOOP: "too many symbolic links encountered",
    errno.ENAMETOOLONG: "name too long",
}


def node_fs_error(exc: OSError, syscall: str, path: str | None) -> str:
    """Node's message for a failed file call, as wrangler prints it:
    ``ENOENT: no such file or directory, open 'out/x.sql'`` (libuv's code and text; a call on
    a descriptor, such as ``read``, names no path)."""
    code = errno.errorcode.get(exc.errno or 0, "EIO")
    text = _NODE_ERRORS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    return f"{code}: {text}, {syscall}" + (f" '{path}'" if path is not None else "")


def dump_json(value: Any) -> str:
    """JSON as wrangler prints it (``JSON.stringify(value, null, 2)``), numbers as JavaScript
    writes them (a D1 integer beyond 2**53 is ``9223372036854776000``, not ``9.2...e+18``)."""
    return json_text(value, "  ")


def _width(text: str) -> int:
    """Columns of ``text`` as wrangler's tables count them (cli-table3's string-width 4): wide
    characters and emoji two, control characters and U+0300-U+036F marks none, everything else
    one -- a variation selector too, so ``🕒️`` (U+1F552 U+FE0F) is three."""
    width = 0
    for ch in text:
        code = ord(ch)
        if code <= 31 or 127 <= code <= 159 or 768 <= code <= 879:
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def render_table(rows: Sequence[Mapping[str, str]]) -> str:
    """A boxed table like wrangler's ``logger.table`` (column headers from the first row)."""
    headers = list(rows[0]) if rows else []
    cells = [[str(row.get(h, "")) for h in headers] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(left: str, mid: str, right: str) -> str:
        return left + mid.join("─" * (w + 2) for w in widths) + right

    def row(values: Sequence[str]) -> str:
        return "│" + "│".join(f" {v}{' ' * (w - _width(v))} " for v, w in zip(values, widths)) + "│"

    out = [line("┌", "┬", "┐"), row(headers)]
    for r in cells:
        out.append(line("├", "┼", "┤"))
        out.append(row(r))
    out.append(line("└", "┴", "┘"))
    return "\n".join(out)


#: Boolean options of the vectorize commands, as yargs reads them: ``--x``, ``--x=true``,
#: ``--x true``, ``--x=false``, ``--x false`` and ``--no-x``.
def js_number(text: str) -> float:
    """``Number(text)`` as yargs applies it to a number option: NaN when it is not one."""
    t = text.strip()
    if t in ("Infinity", "+Infinity", "-Infinity"):
        return float(t.replace("Infinity", "inf"))
    if re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", t):
        return float(t)
    if re.fullmatch(r"0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+", t):
        return float(int(t, 0))
    return 0.0 if t == "" else math.nan


def add_version_option(parser: argparse.ArgumentParser) -> None:
    """``-v``/``--version``, as every wrangler command has."""
    from workers_env.cli import installed_version

    parser.add_argument("-v", "--version", action="version", version=installed_version(), help="show version number")


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


def check_config(args: argparse.Namespace) -> None:
    """Read the wrangler config as wrangler does before any command: a broken one stops the
    command (``ConfigError``, printed as the error, nothing written) and its warnings print first.
    No config anywhere is fine (the state then lives in the current folder)."""
    from workers_env.cli.wrangler_config import read_config

    read_config(args)


def persist_to_of(args: argparse.Namespace) -> Path:
    """The state root the command works on."""
    if args.persist_to is not None:
        return Path(args.persist_to)
    return default_persist_to(args.config)


def open_store(args: argparse.Namespace, *, create: bool = False) -> VectorizeStore:
    """The state the command works on. Only ``create`` makes the state file: any other
    command finds no index in state that does not exist, and leaves nothing new behind."""
    return open_state(persist_to_of(args), create=create)


def reports_errors(fn: Callable[[argparse.Namespace], int | None]) -> Callable[[argparse.Namespace], int]:
    """Run a command body: library errors and user errors print as errors and exit 1."""

    def run(args: argparse.Namespace) -> int:
        try:
            return int(fn(args) or 0)
        except WorkersEnvError as exc:
            error(message_of(exc))
            return 1

    run.__name__ = fn.__name__
    run.__doc__ = fn.__doc__
    return run


def command(fn: Callable[[argparse.Namespace], int | None]) -> Callable[[argparse.Namespace], int]:
    """A vectorize command: the config read first (:func:`check_config`), then the body, its
    errors printed as :func:`reports_errors` prints them."""

    def run(args: argparse.Namespace) -> int | None:
        check_config(args)
        return fn(args)

    run.__name__ = fn.__name__
    run.__doc__ = fn.__doc__
    return reports_errors(run)


def message_of(exc: WorkersEnvError) -> str:
    """The text a command prints for ``exc``: wrangler's config report with its problems
    indented as wrangler prints them (``    - ...``, their own further lines two deeper), other
    reports of several problems one per line, a JavaScript error's message alone."""
    problems = getattr(exc, "problems", None)
    first, _, rest = str(exc).partition("\n")
    if problems and first.startswith("Processing ") and rest:  # wrangler's config report
        return "\n".join([first, *(f"  {line}" if line else line for line in rest.split("\n"))])
    if problems and len(problems) > 1:
        return "\n".join(problems)
    message = getattr(exc, "message", None)  # a JsException: the JS message, without "Error: "
    return str(message if isinstance(message, str) else exc)
