"""yargs' and wrangler's texts for a command line argparse refuses: argparse's messages in yargs'
words (``Not enough arguments following``, ``Missing required argument``, ``Invalid values``), the
``Unknown argument(s)`` lists in yargs' key order, the note on wrangler 3's ``kv:`` spellings and
wrangler's error for a single-valued option given twice. Apart from the parser
(:mod:`~workers_env.cli.yargsparser`) and the dispatch (:mod:`workers_env.cli`), which both print them."""

from __future__ import annotations

import argparse
import json
import re

from workers_env.cli.common import BARE
from workers_env.cli.globalflags import NEGATIVE, camel_case, read_line
from workers_env.cli.negations import FALSE


_NO_VALUE = re.compile(r"argument (?P<name>\S+): expected (?:at least )?one argument")
_EXPLICIT = re.compile(r"argument (?:-\w/)?(?P<name>--\S+): ignored explicit argument (?P<given>.*)", re.DOTALL)
_CHOICE = re.compile(r"argument (?P<name>[^:]+): invalid choice: (?P<given>.*?) \(choose from .*\)$", re.DOTALL)


#: wrangler 3's ``kv:namespace``, ``kv:key`` and ``kv:bulk``, which wrangler 4 dropped for
#: ``kv namespace`` ... (older tutorials still write them; wrangler 4.164.0 answers them with
#: yargs' ``Unknown arguments`` alone), each with the line naming the spelling that works
_WRANGLER3_SPELLINGS: dict[str, str] = {
    **{f"kv:{word}": (f"`kv:{word}` is wrangler 3's spelling, which wrangler 4 (and workers-env) no longer has: "
                      f"write `kv {word} ...` with a space (`workers-env kv {word} ...`)") for word in ("key", "bulk")},
    "kv:namespace": ("`kv:namespace` is wrangler 3's spelling of wrangler 4's `kv namespace`, which acts on your "
                     "Cloudflare account only (workers-env refuses it); running locally needs no namespace made "
                     "first: `workers-env kv key ...` and `workers-env dev` use each kv_namespaces binding's own"),
}


def _wrangler3_note(message: str) -> str | None:
    """The ``(workers-env: ...)`` line for a command wrangler 3 spelt with a colon
    (:data:`_WRANGLER3_SPELLINGS`), given where argparse wanted a subcommand, else None."""
    choice = _CHOICE.match(message)
    if choice is None:
        return None
    return _WRANGLER3_SPELLINGS.get(choice["given"].strip().strip("'\""))


def _key(spellings: str) -> str:
    """yargs' name of an option from argparse's ``--a/--b`` spellings: its camelCase one if any."""
    names = [name.lstrip("-") for name in spellings.split("/") if name.startswith("--")] or [spellings.lstrip("-")]
    return next((name for name in names if name != name.lower()), names[0])


#: between the messages of the option values out of their choices, joined for one ``Invalid values``
_EACH = "\0\n"


def _yargs_text(parser: argparse.ArgumentParser, message: str) -> str:
    """yargs' wording of argparse's ``message`` where yargs has one, else argparse's own; several
    out-of-choices messages (joined by :data:`_EACH`) one ``Invalid values`` with a line each."""
    if _EACH in message:
        first, *more = (_yargs_text(parser, part) for part in message.split(_EACH))
        return first + "".join("\n" + text.partition("\n")[2] for text in more)
    required = "the following arguments are required: "
    if message.startswith(required):
        missing = message[len(required):].split(", ")
        positional = [name for name in missing if not name.startswith("-")]
        if positional:
            need = sum(1 for a in parser._actions if not a.option_strings and a.nargs in (None, "+"))
            return f"Not enough non-option arguments: got {need - len(positional)}, need at least {need}"
        keys = [_key(name) for name in missing]
        return f"Missing required argument{'s' if len(keys) > 1 else ''}: {', '.join(keys)}"
    one = _NO_VALUE.fullmatch(message)
    if one:
        return f"Not enough arguments following: {_key(one['name'])}"
    choice = _CHOICE.match(message)
    if choice and any(isinstance(a, argparse._SubParsersAction) and choice["name"] in (a.dest, a.metavar)
                      for a in parser._actions):  # no such command: yargs' strict mode calls it unknown
        given = choice["given"].strip().strip("'\"")
        return f"Unknown argument: {given}"
    if choice:
        action = next((a for a in parser._actions if "/".join(a.option_strings) == choice["name"]
                       or a.dest == choice["name"] or a.metavar == choice["name"]), None)
        given = choice["given"].strip()
        if len(given) >= 2 and given[0] == given[-1] and given[0] in "'\"":
            given = given[1:-1]
        choices = ", ".join(json.dumps(str(c)) for c in (action.choices or ())) if action is not None else ""
        shown = ("false" if given in (FALSE, repr(FALSE)[1:-1]) else "true" if given in (BARE, repr(BARE)[1:-1])
                 else json.dumps(given))  # (`--no-metric`; `--upstream-protocol` alone)
        return (f"Invalid values:\n  Argument: {_key(choice['name'])}, Given: {shown}"
                + (f", Choices: {choices}" if choices else ""))
    return message  # (words argparse cannot place never get here: Parser.parse_args names them)


def _unknown_text(items: list[str]) -> str:
    """yargs' ``Unknown argument(s): ...`` for the words argparse could not place (the line
    holds no ``--``: :func:`_run` keeps what follows it apart): the options' names in yargs' key
    order (:func:`_in_key_order`), then every other word, each as often as given (yargs' strict
    mode lists the words left over without comparing them: ``-1e5 1`` is ``1, 1``)."""
    names, words = _unknown_parts(items)
    extra = [*_in_key_order(names), *words]
    return f"Unknown argument{'s' if len(extra) > 1 else ''}: {', '.join(_shown(extra))}"


def _unknown_command_text(argv: list[str], word: str | None) -> str:
    """yargs' ``Unknown arguments: ...`` for a line whose ``word`` names no command (``None``:
    the line stops at a command group, with options it does not know): at the command group the
    line reached, every option but wrangler's global ones is unknown too, and so is every word
    from ``word`` on that is no option's value, as often as given -- the options first, each key
    once (``d1 exectue DB --local`` is ``local, exectue, DB``; ``kv bogus bogus`` is ``bogus, bogus``)."""
    words, options, _ = read_line(argv)  # (no `--`: _run keeps what follows it apart)
    named = [name for option in options if not option.is_global for name in _unknown_parts([argv[option.at]])[0]]
    start = next((i for i in words if argv[i] == word), len(argv))
    reached = [argv[i] for i in words if i >= start]
    unknown = [*_in_key_order(list(dict.fromkeys(named))), *reached]  # (each key once; a word as often as given)
    return f"Unknown argument{'s' if len(unknown) > 1 else ''}: {', '.join(_shown(unknown))}"


def _unknown_parts(items: list[str]) -> tuple[list[str], list[str]]:
    """The names yargs lists for unknown options among ``items`` -- an option's name, then its
    camelCase alias when it has a dash (``persist-to, persistTo``; ``---binding``'s are ``-binding,
    binding``), each once; a name with a dot
    is the key before it (yargs' dot notation: ``-1.5e3`` is ``1``), ``--no-x``'s is ``x`` --
    and the words that are
    none of their values: the word after an option without ``=`` is its value (``--persist-to
    st``), not an argument of its own."""
    names: list[str] = []
    words: list[str] = []
    i = 0
    while i < len(items):
        item = items[i]
        i += 1
        if not item.startswith("-") or item == "-" or NEGATIVE.fullmatch(item):
            words.append(item)
            continue
        body = item[2:] if item.startswith("--") else item[1:]  # (`---binding`: yargs' key `-binding`)
        head, eq, _ = body[1:].partition("=")
        name = body[:1] + head  # (a name is one character at least: `-c=`'s last letter is `=`)
        if item.startswith("--no-") and not eq and len(name) > 3:  # yargs' boolean negation: the key is
            # what follows (a bare `--no-` negates nothing: the key `no-`)
            name = name[3:]
        names.append(name.split(".")[0])
        if "-" in name and "." not in name:
            names.append(camel_case(name))
        if not eq and i < len(items) and not items[i].startswith("-"):
            i += 1
    return list(dict.fromkeys(names)), words


_ARRAY_INDEX = re.compile(r"0|[1-9]\d{0,9}")


def _in_key_order(names: list[str]) -> list[str]:
    """``names`` in the order JavaScript lists an object's keys, as yargs lists unknown options:
    those that are array indices (``0``, ``1``; not ``07``) first, by value, then the others
    as given (``-1_000``'s letters ``1``, ``0`` are ``0, 1``)."""
    def index(name: str) -> int | None:
        return int(name) if _ARRAY_INDEX.fullmatch(name) and int(name) < 2**32 - 1 else None

    numbered = sorted((n for n in names if index(n) is not None), key=lambda n: int(n))
    return [*numbered, *(n for n in names if index(n) is None)]


def _shown(names: list[str]) -> list[str]:
    """yargs' strict mode writes an empty (or blank) name in quotes: ``-1.``'s ``.`` is ``""``."""
    return [name if name.strip() else f'"{name}"' for name in names]


def _given_twice(args: argparse.Namespace) -> str | None:
    """wrangler's error for the first single-valued option given more than once, if any."""
    from workers_env._jsontext import json_text

    for option, values in getattr(args, "_given", {}).items():
        if len(values) > 1:
            shown = ",".join(json_text(False if v == FALSE else v) for v in values)
            return f'The argument "{option}" expects a single value, but received multiple: [{shown}].'
    return None
