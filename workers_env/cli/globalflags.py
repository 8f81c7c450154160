"""wrangler's global options and where yargs finds a line's command among them.

wrangler 4.164.0 (``createCLIParser``) gives yargs global options -- ``-c/--config``,
``-e/--env``, ``--env-file``, ``--cwd``, ``--profile``, ``-v/--version``, ``--install-skills``,
``--experimental-provision``/``--x-provision`` and ``--experimental-auto-create``/
``--x-auto-create`` -- that every command and command group knows, and yargs reads a command's
own options anywhere on the line too: each level of commands is found in the words yargs'
parser leaves over with only the global options known (an option it does not know there takes
the word after it as its value, so ``--local kv key list`` names no command, where ``--binding
KV kv key list`` runs ``kv key list --binding KV``). argparse reads options per subcommand, so
:func:`command_first` moves the words naming the command to the front of the line, as yargs
finds them, and every parser gets the global options it lacks (:func:`add_global_options`).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from typing import NamedTuple

__all__ = [
    "NEGATIVE", "TRUE_WORD", "WORDS_KEY", "array_options", "GLOBAL_FLAGS", "GLOBAL_REQUIRED", "GLOBAL_VALUED", "add_global_options", "command_first", "missing_value", "read_line",
    "camel_case", "kebab_case", "short_groups", "subcommands", "valued_options",
]

#: the word ``true`` that yargs adds for a lone ``-_`` (its key of the words given true), which no
#: boolean option before it takes as its value (``--local -_``: ``Unknown argument: true``); read
#: as ``true`` once the booleans are read (no command line holds a NUL)
TRUE_WORD = "\0true"
#: yargs' key of the words itself, kept on the line where it follows an option with no value yet:
#: that option then takes no value from it or from the word it names (``-e -_ dev`` is ``Not
#: enough arguments following: e``, ``--command -_ x`` is ``Unknown argument: x``, ``--local -_
#: kv key list`` runs ``kv key list``: wrangler 4.164.0). Every parser knows it as a flag that does
#: nothing (:func:`add_global_options`), :func:`read_line` as neither a word nor an option
WORDS_KEY = "-_"

#: the global options taking a value (``env-file`` takes every word up to the next option)
GLOBAL_VALUED = frozenset({"config", "c", "env", "e", "env-file", "envFile", "profile", "cwd"})
_GLOBAL_ARRAYS = frozenset({"env-file", "envFile"})
#: the global flags (with yargs' own ``help``)
GLOBAL_FLAGS = frozenset({
    "help", "h", "version", "v", "install-skills", "installSkills",
    "experimental-provision", "experimentalProvision", "x-provision", "xProvision",
    "experimental-auto-create", "experimentalAutoCreate", "x-auto-create", "xAutoCreate",
})

#: yargs-parser's negative number, the one rule for a word starting with ``-``: a value (of the
#: option before it, or an argument), never a group of one-letter options. ``-1.``, ``-1e5``,
#: ``-0x10``, ``-1_000``, ``-Infinity`` are groups (``-1e5`` is ``-1 -e 5``: ``Unknown argument: 1``)
NEGATIVE = re.compile(r"-(\d+(\.\d+)?|\.\d+)")
#: the words an option wrangler gives ``requiresArg`` takes after it, as yargs-parser's
#: ``eatNargs`` does: any but one starting with ``-`` and no digit (``--prefix -1e5`` is the
#: prefix ``-1e5``), or a negative number
_NOT_EATEN = re.compile(r"-[^0-9]")
#: the global options wrangler gives ``requiresArg`` (every command's own: :func:`valued_options`)
GLOBAL_REQUIRED = frozenset({"-c", "--config", "-e", "--env", "--cwd", "--profile"})


#: our one-letter options: those taking a value, and the flags
_VALUED_LETTERS = frozenset({"c", "e"})
_FLAG_LETTERS = frozenset({"v", "h", "y", "f", "l", "r"})
_GROUP_NUMBER = re.compile(r"-?\d+(\.\d*)?(e-?\d+)?")


def valued_options(parser: argparse.ArgumentParser) -> frozenset[str]:
    """The spellings of every option under ``parser`` that requires one value (wrangler's
    ``requiresArg``: the others take theirs with :func:`~workers_env.cli.common.value_optional`
    or are flags or arrays), with :data:`GLOBAL_REQUIRED`."""
    return GLOBAL_REQUIRED.union(*(
        action.option_strings for each in _parsers(parser) for action in each._actions
        if action.option_strings and action.nargs is None
        and isinstance(action, (argparse._StoreAction, argparse._AppendAction))))


def _eaten(word: str) -> bool:
    """A word starting with ``-`` that an option requiring a value takes all the same."""
    return word.startswith("-") and (not _NOT_EATEN.match(word) or NEGATIVE.fullmatch(word) is not None)


def array_options(parser: argparse.ArgumentParser) -> frozenset[str]:
    """The spellings of every option under ``parser`` taking a greedy array of words (``--ids``,
    ``--vector``, ``--table``): yargs ends one at the next option, ``-_`` too."""
    return frozenset().union(*(
        action.option_strings for each in _parsers(parser) for action in each._actions
        if action.option_strings and action.nargs in ("*", "+")))


def _in_array(out: list[str], arrays: frozenset[str]) -> bool:
    """Whether the words last written out are the values of an array option of ``arrays``."""
    for token in reversed(out):
        if token.startswith("-") and not NEGATIVE.fullmatch(token):
            return token.partition("=")[0] in arrays
    return False


def short_groups(argv: list[str], required: frozenset[str] = GLOBAL_REQUIRED,
                 arrays: frozenset[str] = frozenset()) -> list[str]:
    """``argv`` with each group of one-letter options (``-vc``, ``-ce``, ``-e=staging``,
    ``-c/abs/wrangler.toml``) written out one option a word, as yargs-parser 21's
    ``short-option-groups`` (on in wrangler 4.164.0) reads it, up to ``--``: each letter but the
    last is set to its default (``""`` for ``-c``/``-e``, true for a flag or an unknown letter),
    unless followed by ``=`` (the rest is its value), a number or a character that is no letter,
    digit or ``_`` (the rest of the word is its value); the last letter reads the next word as
    a lone option does. So ``-cwrangler.toml`` is ``-c "" -w -r ...`` (yargs: ``Unknown
    arguments: w, r, a, n, g, l``), where argparse would read ``-c wrangler.toml``. A letter that
    is no letter (``-1e5``'s ``1``) is written ``--1``, an option argparse does not read as a
    number. An option of ``required`` (spelt as given) takes the word after it that
    :func:`_eaten` names as ``--option=word``, as yargs gives it that word whole."""
    out: list[str] = []
    skip = False
    for i, token in enumerate(argv):
        if skip:
            skip = False
            continue
        if token == "--":
            return out + argv[i:]
        if token in required and i + 1 < len(argv) and _eaten(argv[i + 1]):
            out.append(f"{token}={argv[i + 1]}")
            skip = True
            continue
        if token.startswith("-_") and out and (_bare_option(out[-1]) or _in_array(out, arrays)):
            # (the option before it takes no value, an array no more words: yargs reads `-_` as an
            # option; `--ids a -_ b` is `Unknown argument: b`, wrangler 4.164.0: review90)
            out.append(WORDS_KEY)
        if token == "-_":  # yargs' key of the words: the next word stays one, else `true` is one
            if i + 1 == len(argv) or (re.match(r"--?[^-]", argv[i + 1]) and not NEGATIVE.fullmatch(argv[i + 1])):
                out.append(TRUE_WORD)
            continue
        if (token.startswith("--") or not token.startswith("-") or len(token) < 3
                or NEGATIVE.fullmatch(token) or re.match(r"-.\..", token)):  # (-c.x: yargs' dot notation)
            out.append(token)
            continue
        letters = token[1:-1]
        for j, letter in enumerate(letters):
            rest = token[j + 2:]
            if j + 1 < len(letters) and letters[j + 1] == "=":
                out += _letter(letter, token[j + 3:])
                break
            if rest == "-":
                out += _letter(letter, rest)
                continue
            if ((letter.isascii() and letter.isalpha() and _GROUP_NUMBER.fullmatch(rest))
                    or (j + 1 < len(letters) and re.match(r"\W", letters[j + 1], re.ASCII))):
                out += _letter(letter, rest)
                break
            out += _letter(letter, None)
        else:
            if f"-{token[-1]}" in required and i + 1 < len(argv) and _eaten(argv[i + 1]):
                out.append(f"-{token[-1]}={argv[i + 1]}")
                skip = True
            elif token[-1] == "_":  # yargs' list of words: the next word stays one, else `true` is one
                if i + 1 == len(argv) or (re.match(r"--?[^-]", argv[i + 1]) and not NEGATIVE.fullmatch(argv[i + 1])):
                    out.append(TRUE_WORD)
            elif token[-1] != "-":
                out.append(_spelt(token[-1]))
    return out


def missing_value(argv: list[str]) -> str | None:
    """The key of the last global option requiring a value (:data:`GLOBAL_REQUIRED`) that has
    none in ``argv`` as :func:`short_groups` wrote it out (the line's end, or a word it does
    not take, after it), up to ``--``: yargs-parser's ``Not enough arguments following: KEY``, which wrangler
    4.164.0 reports before a word naming no command (``nope -c``, ``kv nope -e -_ x``)."""
    missing = None
    for i, token in enumerate(argv):
        if token == "--":
            break
        if token in GLOBAL_REQUIRED and (i + 1 == len(argv) or (argv[i + 1].startswith("-") and not _eaten(argv[i + 1]))):
            missing = token.lstrip("-")
    return missing


def _bare_option(token: str) -> bool:
    """Whether ``token``, written out by :func:`short_groups`, is an option with no value in it
    (``--cwd``, ``-e``; not ``-x=true``), which would take the word after it."""
    return token.startswith("-") and "=" not in token and token != "-" and not NEGATIVE.fullmatch(token)


def _spelt(letter: str) -> str:
    """A group's letter as an option of its own: ``-x``, or ``--1`` for one that is no letter."""
    return f"-{letter}" if letter.isascii() and letter.isalpha() else f"--{letter}"


def _letter(letter: str, value: str | None) -> list[str]:
    """One letter of a group as its own words: ``value`` (``None``: its default) for ``-c``/``-e``;
    a flag given unless its value is other than ``true`` (yargs reads any other string as
    false); ``_`` its value (``true`` by default) as a word, as yargs adds it to the words of its
    ``_`` key; any other letter given whatever its value (yargs names it unknown)."""
    if letter == "_":  # yargs' key of the words that are no option's value: its value becomes one
        return ["true" if value is None else value]
    if letter in _VALUED_LETTERS:  # (`=`: a value starting with `-` stays its value for argparse)
        return [f"-{letter}", ""] if value is None else [f"-{letter}={value}"]
    if letter not in _FLAG_LETTERS:  # (`=true`: the word after it is not its value, as in yargs)
        return [f"{_spelt(letter)}=true"]
    return [f"-{letter}"] if value in (None, "true") else []


class Option(NamedTuple):
    """An option on the line as yargs reads it with only the global options known: where it
    stands, its name, and where the words it takes as its value stand."""

    at: int
    name: str
    values: tuple[int, ...]

    @property
    def is_global(self) -> bool:
        """A global option, spelt ``--no-NAME`` too (yargs' negation of ``NAME``: ``kv
        --no-help`` is the ``kv`` group, as ``kv --help=false``)."""
        name = self.name[3:] if self.name.startswith("no-") and len(self.name) > 3 else self.name
        return name in GLOBAL_VALUED or name in GLOBAL_FLAGS


def _is_word(token: str) -> bool:
    return not token.startswith("-") or token == "-" or NEGATIVE.fullmatch(token) is not None


def read_line(argv: list[str]) -> tuple[list[int], list[Option], int | None]:
    """yargs-parser's reading of ``argv`` with only wrangler's global options known: where the
    words it leaves over (``_``) stand, the options, and where ``--`` stands (``None``: absent).
    A global flag takes a following ``true``/``false``; a global option with a value the word
    after it (``--env-file`` every word up to the next option, given ``=FILE`` or not); any
    other option the word after it, unless spelt ``--name=value`` or ``--no-name``."""
    words: list[int] = []
    options: list[Option] = []
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--":
            return words, options, i
        if token == WORDS_KEY:  # (short_groups keeps it only where the option before it takes no value)
            i += 1
            continue
        if _is_word(token):
            words.append(i)
            i += 1
            continue
        name, eq, _ = token.lstrip("-").partition("=")
        taken: list[int] = []
        if name in _GLOBAL_ARRAYS:  # `--env-file=a b` too: yargs-parser's eatArray
            while i + 1 + len(taken) < len(argv) and _is_word(argv[i + 1 + len(taken)]):
                taken.append(i + 1 + len(taken))
        elif not eq and not token.startswith("--no-"):
            if name in GLOBAL_FLAGS:
                if i + 1 < len(argv) and argv[i + 1] in ("true", "false"):
                    taken.append(i + 1)
            elif i + 1 < len(argv) and _is_word(argv[i + 1]):
                taken.append(i + 1)
        options.append(Option(i, name, tuple(taken)))
        i += 1 + len(taken)
    return words, options, None


def camel_case(name: str) -> str:
    """yargs-parser's ``camelCase``: lower case unless already mixed, each ``-``/``_`` dropped
    and the next character upper-cased."""
    if name in (name.lower(), name.upper()):
        name = name.lower()
    out: list[str] = []
    upper = False
    for i, ch in enumerate(name):
        if upper:
            upper = False
            ch = ch.upper()
        if i and ch in "-_":
            upper = True
        elif ch not in "-_":
            out.append(ch)
    return "".join(out)


def kebab_case(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """``argv`` with each option ``parser`` knows spelt in camelCase (``--persistTo``,
    ``--namespaceId=X``, ``--no-returnValues``) in its kebab-case spelling, as yargs-parser's
    ``camel-case-expansion`` makes the one an alias of the other."""
    known = {f"--{camel_case(option[2:])}": option for option in parser._option_string_actions
             if option.startswith("--") and "-" in option[2:]}
    out: list[str] = []
    for token in argv:
        name, eq, value = token.partition("=")
        negated = name.startswith("--no-") and f"--{name[5:]}" in known
        spelt = known.get(f"--{name[5:]}" if negated else name)
        if spelt is None:
            out.append(token)
        else:
            out.append(f"{'--no-' + spelt[2:] if negated else spelt}{eq}{value}")
    return out


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser] | None:
    """The commands under ``parser`` by name; ``None`` for a command that has none."""
    return next((a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)


def command_first(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[list[str], bool]:
    """``argv`` with the words naming its command first, the rest in their order, as yargs
    finds the command: each level's name is the next word :func:`read_line` leaves over, up to
    a command with no subcommands (a word that names no command stays where argparse then
    refuses it, as yargs' strict mode does). Also whether the line stops at a command group
    with options it does not know (``kv key --local list``: ``--local`` took ``list``), which
    yargs refuses naming those options."""
    words, options, _ = read_line(argv)
    path: list[int] = []
    at = parser
    for index in words:
        commands = subcommands(at)
        if commands is None:
            break
        path.append(index)
        if argv[index] not in commands:
            break
        at = commands[argv[index]]
    else:
        if subcommands(at) is not None and any(not option.is_global for option in options):
            return argv, True
    chosen = set(path)
    if subcommands(at) is None:
        # the command's own parse: a word a command group took as an unknown option's value is
        # a word of its own where the command has that option as a flag (`kv --local x key
        # list`), and the command's arguments are its words after as many as name the command
        # (yargs drops them by count): `Unknown argument: list`, as wrangler 4.164.0 says
        flags = _flags(at)
        freed = [i for option in options if not option.is_global and f"--{option.name}" in flags
                 for i in option.values if argv[i] not in ("true", "false")]
        chosen = set(sorted([*words, *freed])[:len(path)])
    return [argv[i] for i in path] + [token for i, token in enumerate(argv) if i not in chosen], False


def _flags(parser: argparse.ArgumentParser) -> frozenset[str]:
    """The ``--name`` spellings of ``parser``'s boolean options (yargs' booleans: they take no
    word after them but ``true``/``false``)."""
    return frozenset(option for action in parser._actions if action.option_strings
                     and (isinstance(action, (argparse._StoreTrueAction, argparse.BooleanOptionalAction))
                          or (action.nargs == "?" and action.const is True))
                     for option in action.option_strings if option.startswith("--"))


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for sub in dict.fromkeys((subcommands(parser) or {}).values()):  # an alias is the same parser
        yield from _parsers(sub)


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """Give every command and command group of ``parser`` the global options it does not have
    yet, as yargs gives them all wrangler's: ``-c``/``-e`` (read by the commands that read a
    config), ``--env-file`` (``dev``'s own; elsewhere it names the ``.env`` files wrangler loads
    into its environment), ``--cwd`` (taken out of the line before parsing: listed in the help
    as wrangler's is), ``--profile`` (an auth profile: nothing to log in to here),
    ``--x-provision``/``--x-auto-create`` (remote provisioning, which no local command does),
    ``-v`` (wrangler prints its version only with no command), ``--install-skills`` (refused
    when given true: :func:`workers_env.cli._run`). Added options keep no default, so that one
    given to a command group never hides a subcommand's."""
    for each in _parsers(parser):
        known = each._option_string_actions
        group = subcommands(each) is not None
        if "--config" not in known and "-c" not in known:
            each.add_argument("--config", "-c", metavar="PATH", default=argparse.SUPPRESS,
                              help="wrangler config file" + (" (read by the command run)" if group else ""))
        if "--env" not in known and "-e" not in known:
            each.add_argument("--env", "-e", metavar="NAME", default=argparse.SUPPRESS,
                              help="environment ([env.NAME]) of the config")
        if "--env-file" not in known:
            each.add_argument("--env-file", dest="env_file", metavar="PATH", nargs="+", action="extend",
                              default=argparse.SUPPRESS,
                              help=".env files to load into the environment first (default: .env, .env.local)")
        if "--cwd" not in known:  # read before argparse (cli.yargsline._take_cwd): here for the help alone
            each.add_argument("--cwd", metavar="DIR", default=argparse.SUPPRESS,
                              help="run as if started in DIR (as wrangler's global --cwd)")
        if "--profile" not in known:
            each.add_argument("--profile", metavar="NAME", default=argparse.SUPPRESS,
                              help="wrangler's auth profile: no effect (workers-env logs in nowhere)")
        if "--version" not in known and "-v" not in known:
            each.add_argument("-v", "--version", action="store_true", default=argparse.SUPPRESS,
                              help="no effect after a command (as in wrangler: `workers-env -v` prints the version)")
        if "--install-skills" not in known:
            each.add_argument("--install-skills", dest="install_skills", action="store_true",
                              default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        if WORDS_KEY not in known:  # (short_groups' mark that the option before it has no value)
            each.add_argument(WORDS_KEY, dest="words_key", action="store_true", default=argparse.SUPPRESS,
                              help=argparse.SUPPRESS)
        for spellings in (("--experimental-provision", "--x-provision"),
                          ("--experimental-auto-create", "--x-auto-create")):
            if not any(s in known for s in spellings):
                each.add_argument(*spellings, action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
