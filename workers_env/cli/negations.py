"""``--no-NAME`` of an option that takes a value, as wrangler 4.164.0 reads it.

yargs-parser's ``boolean-negation`` gives any option spelt ``--no-NAME`` the value ``false``,
also one that takes a string. What wrangler then does depends on the option (each measured
with wrangler 4.164.0 in a scratch project): most take ``false`` as not given (``--no-binding``,
``--no-command``), ``--no-persist-to`` as no state on disk (read by the command: ``kv`` keeps
the namespace in memory), some as the text ``false`` (``--no-prefix``), a number option as 0
(``--no-ttl``), one with choices as none of them (``--no-metric``: yargs' ``Invalid values``);
``--no-c`` is its option's (``--no-config``); given a value too,
it is wrangler's ``expects a single value, but received multiple: ["KV",false]``; some fail
inside wrangler with a JavaScript error (``--no-config``: ``configPath.endsWith is not a
function``), refused here in those words with a ``(workers-env: ...)`` line saying why; the
rest are refused naming what wrangler would do (README "Where we had to choose").
"""

from __future__ import annotations

import argparse
from typing import NamedTuple

__all__ = ["FALSE", "PATH_FALSE", "Negated", "failed_hint", "negated_values"]

#: the value a ``--no-NAME`` gives an option also given a value, so that wrangler's
#: ``expects a single value`` error lists it as ``false`` (no command line holds a NUL:
#: :func:`workers_env.cli.main` refuses one first)
FALSE = "\0false"

#: options wrangler reads as not given when false
_ABSENT = frozenset({"binding", "namespace-id", "command", "file", "path", "profile", "ip", "host", "local-upstream",
                     "routes"})

#: (command group, option) given :data:`FALSE` for the command to read where wrangler reads it:
#: wrangler's ``getLocalPersistencePath(false)`` keeps no state on disk -- ``kv`` a namespace in
#: memory (Miniflare's in-memory storage: ``kv key list --no-persist-to`` in a project holding keys
#: is ``[]``), ``dev`` refused in words (wrangler dev's state in memory), ``d1`` failing with
#: :data:`PATH_FALSE` where it joins the folder (after the ``Resource location`` lines; ``execute
#: --json``'s JSON error)
_READ_BY_COMMAND = frozenset({("kv", "persist-to"), ("dev", "persist-to"), ("d1", "persist-to")})

#: options wrangler reads false as the text ``false``: ``kv key list --no-prefix`` lists the keys
#: starting with ``false``; ``kv key put --metadata``'s JSON ``false`` is refused as no object
_AS_TEXT = frozenset({"prefix", "metadata"})

#: Node's error at ``path.join(false, ...)``: ``d1 --no-persist-to``'s
PATH_FALSE = 'The "path" argument must be of type string. Received type boolean (false)'

#: (command group or ``*``, option) -> the JavaScript error wrangler 4.164.0 fails with (4.168.0 the same,
#: but its bundle's name for ``dev --var``'s value: ``v``, 4.164.0's ``v8``), and
#: whether it fails as the command reads its config, after the ``Resource location`` lines of a
#: command printing them (``location_first``: ``kv key put --no-config``, ``d1 export --no-env``)
_WRANGLER_FAILS: dict[tuple[str, str], tuple[str, bool]] = {
    ("*", "config"): ("configPath.endsWith is not a function", True),
    ("*", "env"): ('The expression evaluated to a falsy value:\n\n  (envName === void 0 || typeof envName === "string")\n',
                   True),
    ("*", "env-file"): ('The "paths[0]" argument must be of type string. Received type boolean (false)', False),
    ("dev", "var"): ("v.split is not a function or its return value is not iterable", False),  # 4.164.0: v8.split
    ("d1", "output"): ('The "path" argument must be of type string or an instance of Buffer or URL. '
                       "Received type boolean (false)", True),
}


#: options whose ``--no-NAME`` wrangler fails at before it finds the command, so also on a line
#: naming a command group (its global middleware loads the ``--env-file`` files first); any
#: other fails only in a command, a group printing its help (``kv --no-config``: measured)
_BEFORE_ANY_COMMAND = frozenset({"env-file"})


#: (command group, option) -> what wrangler 4.164.0 does with the false that workers-env refuses
#: (measured), for the refusal to say
_WRANGLER_DOES: dict[tuple[str, str], str] = {
    ("d1", "table"): ("wrangler 4.164.0 then exports no table, none being named false: a file holding only "
                      "`PRAGMA defer_foreign_keys=TRUE;`, or only the other --table names"),
}


class Negated(NamedTuple):
    """What a ``--no-NAME`` of a valued option comes to: the line to parse, and (if any) the
    error wrangler fails with, whether it fails after the command's ``Resource location``
    lines, the line saying why, and whether it fails on a line naming no command too."""

    argv: list[str]
    fails: str | None = None
    after_location: bool = False
    hint: str | None = None
    without_command: bool = False


def _spellings(parser: argparse.ArgumentParser, name: str) -> tuple[str, ...] | None:
    """The spellings of ``--name`` when ``parser`` has it as an option taking one value or a
    list of values (not a flag), else None."""
    action = parser._option_string_actions.get(f"--{name}")
    if action is None or action.nargs == 0 or isinstance(action, argparse.BooleanOptionalAction):
        return None
    if action.nargs == "?" and action.const is True:  # (kv --preview: a boolean)
        return None
    return tuple(action.option_strings)


def failed_hint(name: str) -> str:
    """The line saying why wrangler's JavaScript error came, after it."""
    return (f"--no-{name} gives --{name} the value false, as wrangler reads any --no-NAME, and "
            f"wrangler 4.168.0 fails with the error above; give --{name} a value, or leave it out")


def _long_name(parser: argparse.ArgumentParser, letter: str) -> str | None:
    """The long name of the option ``parser`` spells ``-letter`` (``c``: ``config``), if any."""
    action = parser._option_string_actions.get(f"-{letter}")
    return next((o[2:] for o in action.option_strings if o.startswith("--")), None) if action else None


def _given(argv: list[str], spellings: tuple[str, ...]) -> bool:
    return any(token in spellings or token.partition("=")[0] in spellings for token in argv)


def negated_values(parser: argparse.ArgumentParser, group: str, argv: list[str]) -> Negated:
    """``argv`` (a command's line, its options in kebab case) with each ``--no-NAME`` of an
    option of ``parser`` taking a value read as wrangler reads it (module docstring): dropped
    where wrangler takes ``false`` as not given, or given as :data:`FALSE` where the option is
    given a value too; the first that wrangler fails at, or that workers-env refuses, is named
    in :class:`Negated` (the line is still parsed, without it, for yargs' own errors first;
    the command then is not run)."""
    out: list[str] = []
    found: Negated | None = None
    for token in argv:
        if token == "--":
            out.append(token)
            continue
        name = token[5:] if token.startswith("--no-") and "=" not in token else None
        if name is not None and len(name) == 1:  # `--no-c`: yargs negates the alias, so its option (`config`)
            name = _long_name(parser, name) or name
            token = f"--no-{name}"
        spellings = _spellings(parser, name) if name else None
        if name is None or spellings is None:
            out.append(token)
            continue
        action = parser._option_string_actions[f"--{name}"]
        others = [t for t in argv if t is not token]
        if getattr(action, "takes_false", False):  # its coerce reads the false (`--no-event-code`)
            out.append(f"--{name}={FALSE}")
            continue
        if action.type is not None:  # a number option: yargs' Number(false), 0 (`--no-ttl`: wrangler's
            out.append(f"--{name}=0")  # `Invalid expiration_ttl of 0`; `dev --no-port`: any free port)
            continue
        if action.choices is not None:  # yargs checks false against the choices: `Invalid values: ... Given: false`
            out.append(f"--{name}={FALSE}")
            continue
        if action.nargs in (None, "?") and _given(others, spellings):
            out.append(f"--{name}={FALSE}")  # wrangler's `expects a single value` lists false
            continue
        if (group, name) in _READ_BY_COMMAND:
            out.append(f"--{name}={FALSE}")
            continue
        fails = _WRANGLER_FAILS.get((group, name)) or _WRANGLER_FAILS.get(("*", name))
        if name in _ABSENT and fails is None:
            continue  # false: as if not given
        if name in _AS_TEXT:  # read as the text `false`: `--metadata must be a JSON object. Received: false`
            out.append(f"--{name}=false")
            continue
        if fails is not None:  # (a value, so that a required option is not missing first)
            out.append(f"--{name}={FALSE}")
        first = name in _BEFORE_ANY_COMMAND and fails is not None  # (wrangler's middleware: before --no-config's)
        if found is not None and not (first and not found.without_command):
            continue
        if fails is not None:
            found = Negated([], fails[0], fails[1], failed_hint(name), name in _BEFORE_ANY_COMMAND)
        else:
            does = _WRANGLER_DOES.get((group, name), "wrangler 4.164.0 goes on with it")
            found = Negated([], f"--no-{name} gives --{name} the value false, as wrangler reads any --no-NAME; "
                                f"workers-env takes no false for --{name} ({does}): "
                                f"give --{name} a value, or leave it out")
    return Negated(out) if found is None else found._replace(argv=out)
