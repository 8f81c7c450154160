"""What every ``workers-env`` command that mirrors wrangler shares: printing, errors, numbers.

Output follows wrangler: progress and results on stdout, warnings (``▲ [WARNING]``) and
errors (``✘ [ERROR]``) on stderr, exit code 1 on error. ``--json`` prints clean JSON only.
"""

from __future__ import annotations

import argparse
import difflib
import math
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from workers_env._errors import WorkersEnvError, node_fs_error
from workers_env.cli.ciinfo import in_ci
from workers_env._loglevel import emit, laid_out

__all__ = [
    "BARE",
    "CommandError",
    "InstalledVersion",
    "UsageError",
    "close_name",
    "config_options",
    "dump_json",
    "error",
    "fail",
    "in_ci",
    "js_number",
    "laid_out",
    "log",
    "message_of",
    "node_fs_error",
    "note",
    "render_table",
    "reports_errors",
    "silence_stdout",
    "value_optional",
    "warn",
    "warn_block",
]

_Error = TypeVar("_Error", bound=BaseException)


class CommandError(WorkersEnvError):
    """A user error found by a command itself (wrangler's ``UserError``); printed, exit 1."""


class UsageError(CommandError):
    """A mistake in the command line itself (wrangler's ``CommandLineArgsError``: what yargs'
    validation refuses, an option given twice, none or both of two options one of which is
    wanted): printed as wrangler's ``handleError`` prints one -- the empty line on stdout, the
    error on stderr, then the command's help on stdout -- exit 1."""


def log(text: str = "") -> None:
    """``logger.log(text)``: a line on stdout -- progress, a result, ``--json`` output -- hidden
    from ``WRANGLER_LOG=info`` down, as wrangler hides its own (measured: ``d1 execute --json``
    prints nothing there)."""
    emit("log", text)


def note(text: str) -> None:
    """A ``(workers-env: ...)`` line of workers-env's own on stderr, not tied to an error: a
    warning, hidden from ``WRANGLER_LOG=error`` down as wrangler's warnings are."""
    emit("warn", f"(workers-env: {text})", "stderr")


def flag_given(args: argparse.Namespace, name: str) -> bool | None:
    """A plain flag (``--local``, ``--remote``) as yargs holds it: the last value given --
    ``False`` for ``--no-local`` or ``--local=false`` -- or ``None`` when it is not on the line."""
    flags = getattr(args, "flags_given", None)
    if flags is None:  # a namespace cli.main did not make: argparse's value
        return True if getattr(args, name, False) else None
    found = None
    for flag, value in flags:
        if flag == name:
            found = value
    return found


def is_local(args: argparse.Namespace) -> bool:
    """wrangler's ``isLocal``: local when neither ``--local`` nor ``--remote`` is given, or
    ``--local`` is true, or ``--remote`` false -- so ``--no-local`` alone is remote."""
    local, remote = flag_given(args, "local"), flag_given(args, "remote")
    return (local is None and remote is None) or local is True or remote is False


def locations_given(args: argparse.Namespace) -> list[str]:
    """``local``/``remote`` in the order given, whatever their values: yargs' ``conflicts``
    refuses the two together even given false (``--no-local --no-remote``)."""
    flags = getattr(args, "flags_given", None)
    if flags is None:
        return [name for name in ("local", "remote") if getattr(args, name, False)]
    return list(dict.fromkeys(flag for flag, _ in flags if flag in ("local", "remote")))


def resource_location(args: argparse.Namespace) -> None:
    """The lines wrangler prints before a command with ``printResourceLocation`` runs (``d1
    execute|export|migrations``, ``kv key put|delete``, ``kv bulk put|delete``): after its
    argument checks, before the config is read; ``local`` or ``remote`` by :func:`is_local` --
    ``remote`` with ``--no-local`` too, though a d1 command then runs on the local database, as
    wrangler's does."""
    log("Resource location: local \n\nUse --remote if you want to access the remote instance.\n" if is_local(args)
        else "Resource location: remote \n")


def warn(text: str) -> None:
    """``logger.warn(text)``: ``▲ [WARNING]`` and :func:`laid_out`'s layout, on stderr (unless
    ``dev --log-level`` hides warnings)."""
    emit("warn", laid_out("\u25b2 [WARNING]", text), "stderr")


#: a block of several lines is laid out as any warning is
warn_block = warn


def error(text: str) -> None:
    """``logger.error(text)``: ``✘ [ERROR]`` and :func:`laid_out`'s layout, on stderr. A parse
    error already laid out (its place and the marked line, as ``format_syntax_error`` writes
    them) is printed as esbuild prints a message with a location: as it is, then a blank line."""
    emit("error", f"✘ [ERROR] {text}\n\n" if _located(text) else laid_out("✘ [ERROR]", text), "stderr")


def _located(text: str) -> bool:
    """A parse error already laid out: its second line blank, its third the indented
    ``file:line:column:`` of ``format_syntax_error``."""
    lines = text.split("\n")
    return len(lines) > 2 and not lines[1] and re.fullmatch(r"    \S.*:\d+:\d+:", lines[2]) is not None


def fail(text: str) -> None:
    """A command's error as wrangler's ``handleError`` reports what a command threw: an empty
    line on stdout (its ``logger.log("")``), then the error on stderr. The empty line is best
    effort, as Node's ``console.log`` is: a stdout that cannot be written (a reader gone, a
    full disk) still gets the error itself on stderr."""
    try:
        log("")
    except OSError:
        silence_stdout()
    error(text)


def silence_stdout() -> None:
    """Point stdout at /dev/null, so nothing written later (and not the interpreter's flush at
    exit) hits the broken output again and prints the error it raised (Python's docs' recipe
    for a closed pipe)."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # a stand-in without a descriptor: replaced instead
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - for the life of the process
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def dump_json(value: Any) -> str:
    """JSON as wrangler prints it (``JSON.stringify(value, null, 2)``), numbers as JavaScript
    writes them (a D1 integer beyond 2**53 is ``9223372036854776000``, not ``9.2...e+18``)."""
    from workers_env._jsontext import json_text  # (imported here: --help and --version need none of it)

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
    """A boxed table like wrangler's ``logger.table`` (column headers from the first row). A
    cell holding newlines is several lines, at the top of its row, as cli-table3 splits it
    (its width the widest of them; the row as tall as its tallest cell)."""
    headers = list(rows[0]) if rows else []
    cells = [[str(row.get(h, "")).split("\n") for h in headers] for row in rows]
    widths = [max([_width(h)] + [_width(line) for r in cells for line in r[i]]) for i, h in enumerate(headers)]

    def line(left: str, mid: str, right: str) -> str:
        return left + mid.join("─" * (w + 2) for w in widths) + right

    def row(values: Sequence[str]) -> str:
        return "│" + "│".join(f" {v}{' ' * (w - _width(v))} " for v, w in zip(values, widths)) + "│"

    out = [line("┌", "┬", "┐"), row(headers)]
    for r in cells:
        out.append(line("├", "┼", "┤"))
        out.extend(row([cell[i] if i < len(cell) else "" for cell in r]) for i in range(max(map(len, r), default=1)))
    out.append(line("└", "┴", "┘"))
    return "\n".join(out)


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


class InstalledVersion(argparse._VersionAction):
    """argparse's ``version`` action printing the installed version, read only when the option
    is given: reading the distribution's metadata takes milliseconds, and every command builds
    the whole parser (three version options) before it parses. A ``log`` line, as wrangler's
    (``WRANGLER_LOG=info wrangler -v`` prints nothing: measured)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        from workers_env.cli import installed_version

        log(installed_version())
        parser.exit()


#: what an option given bare reads as where wrangler declares it with choices and no type: yargs
#: takes it for a boolean flag, ``true``, which its choices then refuse (``wrangler dev
#: --upstream-protocol``: ``Invalid values: Argument: upstream-protocol, Given: true, Choices:
#: "http", "https"``; ``--log-level`` and ``--local-protocol`` too: wrangler 4.164.0, measured)
BARE = "\0true"


def value_optional(const: Any = "") -> dict[str, Any]:
    """``add_argument``'s keywords for an option wrangler gives no ``requiresArg``: yargs reads
    it with no value after it (``--ip``, ``--ip --port 1``, at the end of the line) as its
    default, else ``""`` for a string option and undefined for a number one, and the command goes
    on (where a ``requiresArg`` option is "Not enough arguments following"). ``const``: that
    value (a string is checked against the option's choices, as yargs checks ``""``)."""
    return {"nargs": "?", "const": const}


def config_options(parser: argparse.ArgumentParser, default: Any = None) -> None:
    """wrangler's global ``-c``/``-e`` on a command that reads the config before it runs (the
    ``ai`` commands, the account commands of ``d1`` and ``kv namespace``). ``default``: ``SUPPRESS``
    where a group has them too, so that ``ai models -c X list`` keeps the ``-c`` given before
    ``list`` (a subcommand's defaults overwrite it)."""
    parser.add_argument("--config", "-c", metavar="PATH", default=default,
                        help="wrangler config file (default: searched upward)")
    parser.add_argument("--env", "-e", metavar="NAME", default=default, help="environment to use for operations")


def reports_errors(fn: Callable[[argparse.Namespace], int | None]) -> Callable[[argparse.Namespace], int]:
    """Run a command body: library errors and user errors print as wrangler prints what a
    command throws (:func:`fail`) and exit 1."""

    def run(args: argparse.Namespace) -> int:
        try:
            return int(fn(args) or 0)
        except UsageError:
            raise  # the command line's mistake: printed with the command's help (cli.main)
        except WorkersEnvError as exc:
            fail(message_of(exc))
            print_hint(exc)
            return 1

    run.__name__ = fn.__name__
    run.__doc__ = fn.__doc__
    return run


def close_name(name: str, names: Sequence[str]) -> str | None:
    """The one of ``names`` that ``name`` likely misspells (difflib's closest, else the closest
    ignoring case), as the config writes it; ``None`` when none is close."""
    close = difflib.get_close_matches(name, names, n=1) or difflib.get_close_matches(
        name.lower(), [n.lower() for n in names], n=1)
    return next(n for n in names if n.lower() == close[0].lower()) if close else None


def with_hint(error: _Error, hint: str | None) -> _Error:
    """``error`` carrying a line of workers-env's own, printed on stderr after the error wrangler
    prints (:func:`print_hint`), whose text stays wrangler's."""
    if hint:
        error.workers_env_hint = hint  # type: ignore[attr-defined]
    return error


def print_hint(exc: BaseException) -> None:
    """The ``(workers-env: ...)`` line :func:`with_hint` gave ``exc``, if any, on stderr: part of
    the error, shown and hidden with it."""
    hint = getattr(exc, "workers_env_hint", None)
    if isinstance(hint, str):
        emit("error", f"(workers-env: {hint})", "stderr")


def message_of(exc: WorkersEnvError) -> str:
    """The text a command prints for ``exc``: wrangler's config report as it is (:func:`error`
    indents its lines as wrangler's logger does), other reports of several problems one per
    line, a JavaScript error's message alone."""
    problems = getattr(exc, "problems", None)
    if problems and str(exc).startswith("Processing "):  # wrangler's config report
        return str(exc)
    if problems and len(problems) > 1:
        return "\n".join(problems)
    message = getattr(exc, "message", None)  # a JsException: the JS message, without "Error: "
    return str(message if isinstance(message, str) else exc)
