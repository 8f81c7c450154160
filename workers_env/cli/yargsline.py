"""The command line's words rewritten as yargs reads them, before argparse parses them:
``--name="VALUE"``'s quotes, an array option's ``--name=VALUE``, booleans' ``--x=false``, ``--x
true`` and ``--no-x``, and wrangler's global ``--cwd`` taken out (with wrangler's report of a
folder it cannot enter). Apart from the dispatch (:mod:`workers_env.cli`) that runs them in turn."""

from __future__ import annotations

import argparse
import errno
import re

from workers_env.cli.common import node_fs_error
from workers_env.cli.globalflags import NEGATIVE, TRUE_WORD
from workers_env.cli.negations import FALSE


#: a word yargs takes as the next option, not as the value of one requiring a value
_NOT_A_VALUE = re.compile(r"-[^0-9]")


def _quotes_stripped(argv: list[str]) -> list[str]:
    """``argv`` with each ``--name="VALUE"`` (or ``'VALUE'``) before ``--`` read as ``--name=VALUE``,
    as yargs-parser's ``stripQuotes`` reads a value after ``=`` (measured with wrangler 4.164.0:
    ``d1 execute --command="select 1"`` runs ``select 1``; ``--command '"select 1"'``, a word of its
    own, keeps its quotes)."""
    out: list[str] = []
    for at, token in enumerate(argv):
        if token == "--":
            return out + argv[at:]
        name, eq, value = token.partition("=")
        if (eq and name.startswith("--") and name.strip("-") and len(value) > 1 and value[0] in "'\""
                and value[-1] == value[0]):
            token = f"{name}={value[1:-1]}"
        out.append(token)
    return out


def _array_values(command: argparse.ArgumentParser, argv: list[str], ends_line: str | None) -> list[str]:
    """``argv`` with each array option spelt ``--name=VALUE`` written ``--name VALUE``, so that
    it takes the words after it too, as yargs' greedy arrays do (``--ids=a b`` is ``a`` and
    ``b``); an empty VALUE is the value ``""``, but given as the line's very last word
    (``ends_line``: nothing, not even ``--``, after it) it is no value at all, as yargs-parser's
    ``eatArray`` reads ``"" || args[i + 1]`` (``d1 export --table=`` exports every table,
    ``get-vectors --ids=`` has no id, ``dev --var=`` one requiring a value is ``Not enough
    arguments following: var``; measured with wrangler 4.164.0). (``--env-file=`` keeps its own
    refusal: README.)"""
    out: list[str] = []
    for at, token in enumerate(argv):
        name, eq, value = token.partition("=")
        action = command._option_string_actions.get(name) if token.startswith("--") and eq else None
        if action is not None and action.dest == "env_file":
            action = None
        last = not value and at == len(argv) - 1 and token == ends_line
        if last and action is not None and action.nargs is None and isinstance(action, argparse._AppendAction):
            out.append(name)  # (dev --var, yargs' requiresArg array: `Not enough arguments following: var`)
        elif action is None or action.nargs not in ("*", "+") or (
                value.startswith("-") and not NEGATIVE.fullmatch(value)):  # (argparse would read an option)
            out.append(token)
        elif last:
            out.append(name)
        else:
            out += [name, value]
    return out


def _plain(token: str) -> str:
    """A word of the line as the command reads it: :data:`TRUE_WORD` is ``true``."""
    return "true" if token == TRUE_WORD else token


def _boolean_options(parser: argparse.ArgumentParser, argv: list[str]) -> dict[str, bool | None]:
    """The ``--name`` boolean options of the command ``argv`` names (its parser and those above
    it): True where ``--no-name`` exists (``BooleanOptionalAction``), False for a plain flag
    (``store_true``), None for one that keeps an explicit false apart from its default
    (``nargs="?", const=True``: ``kv --preview``). ``--help`` and ``--version`` are yargs' booleans
    too (``--help=false``, ``--no-h``, ``--version=1``: the command runs, as in wrangler). Per command: ``d1 --preview`` is a flag where
    ``kv --preview`` takes a value."""
    found: dict[str, bool | None] = {}
    for action in parser._actions:
        if isinstance(action, (argparse.BooleanOptionalAction, argparse._StoreTrueAction, argparse._HelpAction,
                               argparse._VersionAction)):
            for option in action.option_strings:
                if option.startswith("--") and not option.startswith("--no-"):
                    found[option[2:]] = isinstance(action, argparse.BooleanOptionalAction)
        elif action.nargs == "?" and action.const is True:
            found.update((option[2:], None) for option in action.option_strings if option.startswith("--"))
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            at = next((i for i, token in enumerate(argv) if not token.startswith("-")), None)  # the command's name
            if at is not None and argv[at] in action.choices:
                found.update(_boolean_options(action.choices[argv[at]], argv[at + 1:]))
    return found


def _yargs_booleans(argv: list[str], booleans: dict[str, bool | None]
                    ) -> tuple[list[str], list[tuple[str, bool]], dict[str, str]]:
    """yargs' spellings of a boolean option -- ``--x=false``, ``--x true``, ``--no-x`` -- as
    argparse takes them: ``--x`` / ``--no-x``, or nothing for a plain flag set false; for one
    that takes a value (None in ``booleans``), ``--x=true`` / ``--x=false``, so that a word after
    it other than true or false stays a word of its own, as yargs leaves it (``--preview 1``:
    ``Unknown argument: 1``). Also every boolean given, in order, with its value (yargs holds a
    flag given false as given: wrangler's ``--no-local`` is not an absent ``--local``;
    :func:`workers_env.cli.common.flag_given`). ``--no-x=VALUE`` sets no ``x``, as in wrangler
    4.164.0 (``d1 export --no-data=true`` exports the data): it is given as ``no-x``, a key of its
    own (which only ``d1 export``'s conflicts read). ``--x=VALUE`` is false for every VALUE but
    ``true`` (``--json=1``, ``--local=yes``, ``--local=``), as yargs-parser reads a boolean's
    value (measured: only ``true`` is true); given twice, the last spelling wins (``--json
    --json=false`` is false); each such VALUE is returned by option name, for
    the commands where false would mean the Cloudflare account (``kv --local=yes``)."""
    out: list[str] = []
    given: list[tuple[str, bool]] = []
    worded: dict[str, str] = {}
    i = 0
    while i < len(argv):
        token = argv[i]
        i += 1
        name, eq, value = token[2:].partition("=")
        if token.startswith("--no-") and eq and name[3:] in booleans:
            given.append((name, value == "true"))  # yargs' key `no-data` of its own, which sets no `data`
            continue
        if token.startswith("--no-") and not eq and name[3:] in booleans and booleans[name[3:]] is None:
            out = [t for t in out if t.partition("=")[0] != f"--{name[3:]}"]  # (the last spelling wins)
            out.append(f"--{name[3:]}=false")
            continue
        if token.startswith("--no-") and not eq and name[3:] in booleans and not booleans[name[3:]]:
            given.append((name[3:], False))
            out = [t for t in out if t != f"--{name[3:]}"]  # (the last spelling wins, as in yargs)
            continue  # --no-x of a plain flag: its default, false
        if not token.startswith("--") or name not in booleans:
            out.append(token)
            continue
        if eq:
            flag = value == "true"
            if value not in ("true", "false"):
                worded[name] = value
        elif i < len(argv) and argv[i] in ("true", "false"):  # as yargs-parser: these two words only
            flag = argv[i] == "true"
            i += 1
        else:
            flag = True
        given.append((name, flag))
        if booleans[name] is None:
            out = [t for t in out if t.partition("=")[0] != f"--{name}"]
            out.append(f"--{name}={'true' if flag else 'false'}")
        elif flag:
            out.append(f"--{name}")
        elif booleans[name]:
            out.append(f"--no-{name}")
        else:  # a plain flag set false: an earlier `--x` no longer holds (`--json --json=false`: false)
            out = [t for t in out if t != f"--{name}"]
    return out, given, worded


def _chdir_failed(exc: OSError, before: str, cwd: str) -> str:
    """wrangler's report of ``process.chdir(cwd)`` failing: for a folder that does not exist its
    "A file or directory could not be found" block, which names the folder it was started in
    (Node's error's ``path``); else Node's message (``ENOTDIR: not a directory, chdir 'FROM' ->
    'TO'``)."""
    if exc.errno == errno.ENOENT:
        return ("A file or directory could not be found.\n\n"
                f"Missing file or directory: {before}\n\n"
                "This is typically caused by:\n  - The file or directory does not exist\n  - A typo in the file path\n"
                "  - The file was moved or deleted\n\nPlease check the file path and try again.")
    return f"{node_fs_error(exc, 'chdir', before)} -> '{cwd}'"


def _take_cwd(argv: list[str]) -> tuple[list[str], list[str | None]]:
    """wrangler's global ``--cwd DIR`` (``--cwd=DIR``) taken out of ``argv`` wherever it stands
    before ``--`` (every command then runs as if started in ``DIR``): the rest, and the values
    given (``None`` for a ``--cwd`` with no value after it, :data:`FALSE` for ``--no-cwd``)."""
    rest: list[str] = []
    values: list[str | None] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest.extend(argv[i:])
            break
        if arg == "--cwd":  # (a word yargs takes as no value, `--cwd --foo`: none)
            after = argv[i + 1] if i + 1 < len(argv) else None
            taken = after is not None and not _NOT_A_VALUE.match(after)  # (`--cwd -_`: WORDS_KEY follows)
            values.append(after if taken else None)
            i += taken
        elif arg == "--no-cwd":  # yargs' false: wrangler runs where it was started (beside a --cwd
            values.append(FALSE)  # its `expects a single value ... ["sub",false]`)
        elif arg.startswith("--cwd="):
            values.append(arg[len("--cwd="):])
        else:
            rest.append(arg)
        i += 1
    return rest, values
