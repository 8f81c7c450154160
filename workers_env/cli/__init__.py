"""The ``workers-env`` command line: thin argument parsing over the library's layers.

Each subcommand lives in its own module exposing ``register(subparsers)``; the module's
``register`` attaches a handler with ``parser.set_defaults(handler=fn)`` where
``fn(args) -> int`` returns the exit code.

This module builds the parser tree (reused per process) and dispatches a line: :func:`main`,
:func:`run_process` and what runs between them. The argparse :class:`Parser` reading a line as
yargs does is in :mod:`~workers_env.cli.yargsparser`, yargs' and wrangler's texts for a line it
refuses in :mod:`~workers_env.cli.yargstexts`, and the rewriting of the line's words before
argparse reads them (quotes, arrays, booleans, ``--cwd``) in :mod:`~workers_env.cli.yargsline`;
:class:`Parser` is still importable from here.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import operator
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from workers_env._loglevel import chosen, emit
from workers_env.cli.common import (
    CommandError,
    InstalledVersion,
    UsageError,
    error,
    fail,
    message_of,
    print_hint,
    resource_location,
    silence_stdout,
    with_hint,
)
from workers_env.cli.devoptions import dev_option_note
from workers_env.cli.devstop import AS_PROCESS, leave_after_a_stop
from workers_env.cli.didyoumean import command_box, did_you_mean
from workers_env.cli.negations import FALSE, negated_values
from workers_env.cli.temporary import REQUIRES_TEMPORARY, needs_temporary
from workers_env.cli.toplevel import SUMMARIES, add_summaries, top_level_only
from workers_env.cli.globalflags import (
    add_global_options,
    array_options,
    command_first,
    read_line,
    kebab_case,
    missing_value,
    short_groups,
    subcommands,
    valued_options,
)
from workers_env.cli.yargsline import (
    _array_values,
    _boolean_options,
    _chdir_failed,
    _plain,
    _quotes_stripped,
    _take_cwd,
    _yargs_booleans,
)
from workers_env.cli.yargsparser import Parser
from workers_env.cli.yargstexts import _given_twice, _unknown_command_text

__all__ = ["Parser", "build_parser", "installed_version", "main", "run_process"]

DISTRIBUTION = "workers-env"

# One entry per subcommand module under workers_env.cli, in the help's order.
_COMMAND_MODULES: tuple[str, ...] = tuple(SUMMARIES)


def build_parser(command: str | None = None, *, summaries_only: bool = False) -> argparse.ArgumentParser:
    """The ``workers-env`` parser, with every command, or with only ``command`` when that names
    one, or (``summaries_only``) with each command's summary alone (:mod:`~workers_env.cli.toplevel`):
    :func:`main` builds only the command its first argument names, and none for a line that
    prints the top level alone (``--version``, ``--help``), as building every command's options
    (hundreds of them) took most of a quick command's time."""
    parser = Parser(
        prog="workers-env",
        description="Run and test Cloudflare Python Workers and their bindings (Vectorize, D1, KV, ...) locally.",
    )
    parser.add_argument(
        "--version", "-v", action=InstalledVersion,
        help="show the installed workers-env version and exit (as wrangler --version)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    if summaries_only:
        add_summaries(subparsers)
    for name in () if summaries_only else (command,) if command in _COMMAND_MODULES else _COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(subparsers)
    add_global_options(parser)
    return parser


#: per thread (a parse switches a parser's arguments off for a pass: two threads parsing with one
#: parser at once would see each other's), the parsers :func:`main` built, by what they were built
#: from, each with the command line modules' names as they were then (:func:`_parser_for`)
_BUILT = threading.local()


def _cli_names() -> list[tuple[dict[str, Any], tuple[Any, ...]]]:
    """The namespace of each ``workers_env.cli`` module imported, with what its names hold then."""
    found = []
    for name, module in list(sys.modules.items()):
        if name == __name__ or name.startswith(__name__ + "."):
            found.append((vars(module), tuple(vars(module).values())))
    return found


def _same_names(namespace: dict[str, Any], values: tuple[Any, ...]) -> bool:
    """Whether ``namespace`` holds ``values``, the same objects in the same order (compared by
    identity in C: no ``id()``, an audit event each once the runtime's audit hook is installed)."""
    return len(namespace) == len(values) and all(map(operator.is_, namespace.values(), values))


def _parser_for(first: str | None, *, summaries_only: bool) -> argparse.ArgumentParser:
    """:func:`build_parser`'s parser for a line whose first word is ``first``, built once per
    process (in each thread) and reused: parsing a line changes no parser (what :class:`Parser` switches off for a
    pass it switches back on), and building one took most of an in-process ``main`` call's time
    (the tests call it thousands of times). Keyed by all that a build reads: the command, the
    top level alone or not, ``WRANGLER_D1_EXTRA_LOCATION_CHOICES`` (``d1 create``'s choices, read
    as wrangler reads it, when its commands are defined), and what the command line modules' names
    hold (a test replacing a command's handler, ``dev.run``, gets a parser with it). The list
    defaults that a line can leave in its namespace (``dev --var``) are copied there by
    :func:`_own_defaults`."""
    key = (first if first in _COMMAND_MODULES else None, summaries_only,
           os.environ.get("WRANGLER_D1_EXTRA_LOCATION_CHOICES"))
    built: dict[tuple[str | None, bool, str | None], tuple[argparse.ArgumentParser, list[Any]]] = (
        _BUILT.__dict__.setdefault("parsers", {}))
    cached = built.get(key)
    if cached is not None and all(_same_names(namespace, values) for namespace, values in cached[1]):
        return cached[0]
    parser = build_parser(first, summaries_only=summaries_only)
    parser._shared_defaults = frozenset(  # type: ignore[attr-defined]
        id(value) for each in _all_parsers(parser)
        for value in (*(action.default for action in each._actions), *each._defaults.values())
        if isinstance(value, (list, dict, set)))
    built[key] = (parser, _cli_names())
    return parser


def _all_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """``parser`` and every parser of a command under it."""
    found = [parser]
    for each in (subcommands(parser) or {}).values():
        found += _all_parsers(each)
    return found


def _own_defaults(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """``args`` with each list (dict, set) it shares with ``parser`` -- an option's default left
    as it is, argparse's own object -- made a copy of its own: a command changing it changes no
    later line's default (:func:`_parser_for` reuses the parser)."""
    shared = getattr(parser, "_shared_defaults", ())
    for name, value in vars(args).items():
        if id(value) in shared:
            setattr(args, name, type(value)(value))


def installed_version() -> str:
    """The version of the installed ``workers-env`` distribution, printed bare as wrangler does."""
    import importlib.metadata  # (~30 ms of CPU: only --version reads it)

    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return f"unknown: the {DISTRIBUTION} distribution is not installed (pip install workers-env)"


def run_process() -> NoReturn:
    """``workers-env`` as a process (the console script, ``python -m workers_env``): exits with
    :func:`main`'s status -- after dev stopped on a signal, at once (:func:`leave_after_a_stop`)."""
    gc.disable()  # until the command runs (_started): start-up's imports make only what the process keeps
    AS_PROCESS.append(True)  # (its start-up run with the cyclic collector off: _started)
    status = main()
    leave_after_a_stop(status)
    sys.exit(status)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: the process's): its exit code. What it prints is
    held to the level ``WRANGLER_LOG`` chooses, as every wrangler command's is (``dev`` sets its
    own from it and ``--log-level``)."""
    with chosen(os.environ):
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    if sys.stdout is None:  # started with stdout closed (`>&-`): the output goes nowhere
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - for the life of the process
    argv = list(sys.argv[1:] if argv is None else argv)
    held = next((arg for arg in argv if isinstance(arg, str) and "\0" in arg), None)
    if held is not None:  # no exec'd command line carries one (its arguments are C strings)
        at = held.index("\0")
        shown = repr(held) if len(held) <= 80 else (  # a long one around its first NUL, not whole
            f"{'...' if at > 30 else ''}{held[max(0, at - 30):at + 30]!r}{'...' if at + 30 < len(held) else ''} "
            f"({len(held)} characters, the first NUL at {at})")
        error(f"The argument {shown} holds a NUL character (U+0000), which no command line can carry: "
              "a program's arguments end at one. Remove it; a value holding NUL characters goes in a file "
              "(`kv key put KEY --path FILE`, `d1 execute DB --file FILE`)")
        return 1
    typed = _quotes_stripped(argv)
    argv = _take_cwd(short_groups(typed))[0]
    # the first word yargs reads as no option's value names the command, as it does for yargs;
    # none, or a misspelling, gets the top level's parser (every command's where the line needs it)
    words = read_line(argv)[0]
    first = argv[words[0]] if words else None
    parser = _parser_for(first, summaries_only=first not in _COMMAND_MODULES and top_level_only(typed, argv))
    # read again knowing the command's options that take any word after them (`--prefix -1e5`)
    argv, cwds = _take_cwd(short_groups(typed, valued_options(parser), array_options(parser)))
    if None in cwds:
        return _usage_error(parser, argv, UsageError("Not enough arguments following: cwd"))
    if len(cwds) > 1:
        return _usage_error(parser, argv, UsageError(str(_given_twice(argparse.Namespace(_given={'--cwd': cwds})))))
    cwd = cwds[0] if cwds else None
    if not cwd or cwd == FALSE:  # wrangler's `if (argv.cwd) process.chdir(argv.cwd)`: "" and false stay put
        return _run(parser, argv)
    before = os.getcwd()
    try:
        os.chdir(cwd)  # before anything reads a path, as wrangler's global --cwd
    except OSError as exc:
        fail(_chdir_failed(exc, before, cwd))  # as wrangler's handleError reports Node's error
        print_hint(with_hint(CommandError(""), f"--cwd {cwd} names no folder workers-env can enter ({exc.strerror}): "
                                               "pass an existing folder"))
        return 1
    try:
        return _run(parser, argv)
    finally:
        os.chdir(before)  # main() called in-process leaves the caller's folder as it was


def _run(parser: argparse.ArgumentParser, argv: list[str]) -> int:
    """Parse ``argv`` and run its command: the exit code. The words after ``--`` are no
    command's arguments (:func:`_after_double_dash`)."""
    tail: list[str] = []
    last = argv[-1] if argv and "--" not in argv else None  # the line's last word, if no `--` follows it
    if "--" in argv:
        at = argv.index("--")
        argv, tail = argv[:at], argv[at + 1:]
    ordered, stranded = command_first(parser, argv)
    if ordered[:1] in (["d1"], ["kv"]):
        # bytes that are not UTF-8 in an argument become U+FFFD, as Node decodes wrangler's argv
        # and `wrangler d1|kv --local` then stores (Python keeps them as lone surrogates, which
        # SQLite refuses); `vectorize` names such an argument in its error instead (README)
        argv, ordered = ([arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for arg in line]
                         for line in (argv, ordered))
    given = [_plain(token) for token in argv]
    missing = missing_value(argv)  # (yargs' parse error comes before a word naming no command)
    if stranded:  # options a command group does not know, one of them taking the next command's name
        return _usage_error(parser, given, UsageError(
            f"Not enough arguments following: {missing}" if missing else _unknown_command_text(given, None)))
    command = _help_parser(parser, ordered)
    argv = _array_values(command, kebab_case(command, ordered), last)
    negated = negated_values(_help_parser(parser, argv), argv[0] if argv else "", argv)
    argv, flags, worded = _yargs_booleans(negated.argv, _boolean_options(parser, negated.argv))
    argv = [_plain(token) for token in argv]
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        if getattr(exc, "spellings", None) and _asks_help(argv):  # (`kv key list -c --help`: yargs' help first)
            _help_parser(parser, argv).print_help()
            return 0
        if missing and getattr(exc, "unknown_command", None) is not None:
            exc = UsageError(f"Not enough arguments following: {missing}")
        return _usage_error(parser, given, _as_typed(_positionals_first(parser, argv, exc), argv, parser))
    except CommandError as exc:
        fail(str(exc))
        return 1
    _own_defaults(parser, args)
    if tail:
        answered = _after_double_dash(parser, ordered, argv, tail)
        if answered is not None:
            return answered
    args.flags_given = tuple(flags)
    args.flags_worded = worded
    configs = getattr(args, "_given", {}).get("--config", [])
    if getattr(args, "command", None) == "dev" and len(configs) > 1:  # wrangler's multi-Worker session
        args.configs, args.config = list(configs), configs[0]
        del args._given["--config"]
    twice = _given_twice(args)
    if twice is not None:
        return _usage_error(parser, given, UsageError(twice))
    group = subcommands(_help_parser(parser, argv)) is not None  # (a line naming no command)
    if needs_temporary(args) and not (negated.fails is not None and negated.without_command):
        return _before_config(parser, given, args, UsageError(REQUIRES_TEMPORARY))
    if negated.fails is not None and (not group or negated.without_command):
        # a --no-NAME wrangler fails at, or workers-env refuses (a command group prints its help),
        # after the command's own argument checks (wrangler's yargs checks and validateArgs), but
        # for one failing before any command (--no-env-file)
        stop = CommandError(negated.fails)
        return _before_config(parser, given, args, stop if negated.hint is None else with_hint(stop, negated.hint),
                              checks=not negated.without_command, location=negated.after_location)
    if getattr(args, "install_skills", False):
        fail("--install-skills installs Cloudflare's skills for AI coding agents from the network; workers-env "
             "installs none (run `wrangler --install-skills` for them), so it runs no command given it")
        return 1
    handler = getattr(args, "handler", None)
    if handler is None:  # no command: the help on stdout, exit 0, as a bare `wrangler`
        parser.print_help()
        return 0
    environment = getattr(args, "env", None)  # (a group's `--no-env`: wrangler's `.env.${false}`)
    return _with_env_files(getattr(args, "env_file", None) or None, "false" if environment == FALSE else environment,
                           lambda: _handle(parser, given, handler, args))


def _before_config(parser: argparse.ArgumentParser, given: list[str], args: argparse.Namespace,
                   stop: CommandError, *, checks: bool = True, location: bool = True) -> int:
    """Stop the command where wrangler's runner stops it before reading the config: after the
    command's own argument checks (its yargs checks and ``validateArgs``: the handler's
    ``checks_first``; not with ``checks`` false, a stop before any command) and, with
    ``location``, its ``Resource location`` lines (``d1 execute --json`` prints none). ``stop``
    is printed as wrangler prints it: a :class:`UsageError` with the help, else alone (and its
    ``(workers-env: ...)`` line); exit 1."""
    checks_first = getattr(getattr(args, "handler", None), "checks_first", None)
    try:
        if checks_first is not None and checks:
            checks_first(args)
    except UsageError as exc:
        return _usage_error(parser, given, exc)
    except CommandError as exc:  # a validateArgs' UserError (`d1 time-travel restore`): without the help
        fail(message_of(exc))
        print_hint(exc)
        return 1
    if location and getattr(args, "location_first", False) and not getattr(args, "json", False):
        resource_location(args)
    if isinstance(stop, UsageError):
        return _usage_error(parser, given, stop)
    fail(message_of(stop))
    print_hint(stop)
    return 1


def _after_double_dash(parser: argparse.ArgumentParser, ordered: list[str], argv: list[str],
                       tail: list[str]) -> int | None:
    """What wrangler 4.164.0 does with the words after ``--`` (yargs puts them in ``_`` but
    gives them to no positional, and its strict mode lets them be): a command ignores them
    (``None``: run it as if they were not there); a command group prints the help of the
    command they name under it, exit 0 (``kv key -- list``: ``kv key list``'s, as its ``*``
    command parses ``[..._, "--help"]``); with no command, they are wrangler's ``Unknown
    command: a,b.``, with a "Did you mean" box when there are two or more and the first names
    a command (wrangler's handleError reads the message split at commas, the last keeping its
    full stop), then the help, exit 1."""
    reached = _help_parser(parser, ordered)
    if subcommands(reached) is None:
        return None
    if reached is not parser:
        _help_parser(reached, tail).print_help()
        return 0
    message = f"Unknown command: {','.join(tail)}."
    fail(message)
    words = [word for word in [*argv, *tail] if word and not word.startswith("-")]
    unknown = [name.strip() for name in message.partition(": ")[2].split(",")]
    root = bool(words) and words[0] in unknown
    box = command_box(parser, unknown[0]) if root else None
    try:
        if box is not None:
            emit("info", f"\n{box}\n")  # wrangler's logger.info, above the help
        (parser if root else _help_parser(parser, words)).print_help()
    except BrokenPipeError:
        silence_stdout()
    return 1


def _with_env_files(env_files: list[str] | None, environment: str | None, run: Callable[[], int]) -> int:
    """``run()`` with ``.env`` files loaded into the environment, as every wrangler command
    (``dev`` too) first loads them into ``process.env``, the shell's values winning: the
    ``--env-file`` files, else ``.env``, ``.env.local`` and, given ``--env NAME``,
    ``.env.NAME`` and ``.env.NAME.local``, in the current folder (after ``--cwd``), those that
    exist. The environment is as it was afterwards (``main`` runs in-process in tests). An
    ``--env-file`` that cannot be read stops the command first, as wrangler stops at Node's
    ``not found``."""
    from pathlib import Path

    from workers_env._errors import ConfigError
    from workers_env.config.devvars import dot_env_paths, process_environment

    if env_files is not None and "" in env_files:  # (Path("") would be the current folder)
        fail('--env-file "" names no file (wrangler 4.164.0 stops at Node\'s `node: : not found`): --env-file names '
             "a .env file to load; pass one that exists")
        return 1
    try:
        if env_files is not None:
            loaded = process_environment([Path(name) for name in env_files])
        else:
            loaded = process_environment(dot_env_paths(Path.cwd(), environment), required=False)
    except ConfigError as exc:
        fail(f"{exc}: --env-file names a .env file to load; pass one that exists")
        return 1
    held = next((name for name, value in loaded.items() if "\0" in value), None)
    if held is not None:  # no environment variable holds one: Node refuses it as workerd's env
        from workers_env.runtime.jsinspect import quoted  # (the value as Node's util.inspect shows it)

        fail(f"The property 'options.env['{held}']' must be a string without null bytes. "
             f"Received {quoted(loaded[held])}")
        return 1
    before = dict(os.environ)
    os.environ.update(loaded)
    try:
        with chosen(os.environ):  # (a .env file's WRANGLER_LOG counts, as wrangler reads it then)
            return run()
    finally:
        os.environ.clear()
        os.environ.update(before)


def _handle(parser: argparse.ArgumentParser, given: list[str], handler: Callable[[argparse.Namespace], int],
            args: argparse.Namespace) -> int:
    """Run the command's ``handler``: its exit code, a mistake or an interruption reported."""
    _started()
    try:
        return int(handler(args))
    except UsageError as exc:
        return _usage_error(parser, given, exc)
    except KeyboardInterrupt:  # Ctrl+C: the shell's 128 + SIGINT, without a traceback
        emit("error", "\nInterrupted.", "stderr")  # (an error's level: hidden at WRANGLER_LOG=none alone)
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as Unix tools do
        silence_stdout()
        return 141  # the shell's 128 + SIGPIPE
    except OSError as exc:  # the file system refused (a full disk, a file where a folder goes, ...)
        where = f": {exc.filename}" if exc.filename else ""
        if exc.filename is None:  # most likely the output itself: do not write to it again at exit
            silence_stdout()
        fail(f"{exc.strerror or exc}{where}")  # as wrangler's handleError (its stdout line then goes nowhere)
        return 1


def _started() -> None:
    """In ``workers-env``'s own process, as its command starts: what start-up made (modules,
    classes, the parser: ~65,000 objects) is moved out of the cyclic collector's passes
    (``gc.freeze``) and the collector turned back on. Collected along the way, start-up's objects
    cost a ``workers-env dev`` start ~13% of its CPU, all of it spent finding nothing to free."""
    if AS_PROCESS and not gc.isenabled():
        gc.freeze()
        gc.enable()


def _asks_help(argv: list[str]) -> bool:
    """Whether ``argv`` holds ``--help``/``-h`` before any ``--``: yargs shows the command's help,
    exit 0, though an option before it has no value (wrangler 4.164.0: ``kv key list -c --help``,
    ``d1 execute -c --help``; argparse stopped at the option first; audit35)."""
    words = argv[:argv.index("--")] if "--" in argv else argv
    return "--help" in words or "-h" in words


def _positionals_first(parser: argparse.ArgumentParser, argv: list[str], exc: UsageError) -> UsageError:
    """``exc``, or for an option with no value after it (argparse's error at that option) on a
    command missing a positional argument, that error instead: yargs counts a command's
    positionals before it reports a parse error (wrangler 4.164.0: ``d1 execute -c`` is ``Not
    enough non-option arguments: got 0, need at least 1``, ``kv key put k -c`` is ``Not enough
    arguments following: c``; audit35). Found by parsing the line again without the option."""
    spellings = getattr(exc, "spellings", None)
    if not spellings or any(token in ("-h", "--help", "-v", "--version") for token in argv):
        return exc  # (a help or version flag in a parse again would print)
    bare = argv
    while spellings:  # (each option with no value out, `-e -c` both)
        shorter = [token for i, token in enumerate(bare)
                   if not (token in spellings and (i + 1 == len(bare) or bare[i + 1].startswith("-")))]
        if len(shorter) == len(bare):
            break
        bare = shorter
        try:
            parser.parse_args(bare)
        except UsageError as again:
            if message_of(again).startswith("Not enough non-option arguments"):
                return again
            spellings = getattr(again, "spellings", None)
            continue
        except CommandError:
            pass
        break
    return exc


def _as_typed(exc: UsageError, argv: list[str], parser: argparse.ArgumentParser | None = None) -> UsageError:
    """``exc``, or for an option with no value after it (:data:`_NO_VALUE`), yargs' error naming
    the option as the line spells it: ``Not enough arguments following: c`` for ``-c`` -- the last
    such option on the line (any of ``parser``'s requiring a value, :func:`valued_options`), as
    yargs-parser keeps its last error where argparse stops at the first (wrangler 4.164.0: ``kv
    key list -c -e`` names ``e``, ``kv key list -c --binding`` ``binding``; audit35)."""
    spellings = getattr(exc, "spellings", None)
    if not spellings:
        return exc
    valued = set(spellings) | (valued_options(parser) if parser is not None else set())
    named = None
    for i, token in enumerate(argv):
        if token in valued and (i + 1 == len(argv) or argv[i + 1].startswith("-")):
            named = token
    if named is None:
        return exc
    return with_hint(UsageError(f"Not enough arguments following: {named.lstrip('-')}"),
                     getattr(exc, "workers_env_hint", None))


def _usage_error(parser: argparse.ArgumentParser, argv: list[str], exc: UsageError) -> int:
    """Print a mistake in the command line as wrangler's handleError prints a
    ``CommandLineArgsError``: its empty line on stdout, the error on stderr (then any
    ``(workers-env: ...)`` line), then on stdout the "Did you mean" box for a misspelt command
    (:func:`~workers_env.cli.didyoumean.did_you_mean`) and the help of the command the line
    names; exit 1."""
    unknown = getattr(exc, "unknown_command", None)
    if unknown is not None:  # yargs names every word and option the command group does not know
        exc = with_hint(UsageError(_unknown_command_text(argv, unknown)), getattr(exc, "workers_env_hint", None))
    if getattr(exc, "workers_env_hint", None) is None and _help_parser(parser, argv).prog.endswith(" dev"):
        exc = with_hint(exc, dev_option_note(message_of(exc)))  # wrangler dev's own option
    if getattr(exc, "workers_env_hint", None) is None and " vectorize" in _help_parser(parser, argv).prog:
        # (imported here: the vectorize package imports numpy, which no other command needs)
        from workers_env.cli.vectorize.locationnote import location_option_note
        exc = with_hint(exc, location_option_note(message_of(exc)))  # `--local`, as d1 and kv take it
    fail(message_of(exc))
    print_hint(exc)
    words = [word for word in argv if word and not word.startswith("-")]
    box = did_you_mean(parser, words, message_of(exc))
    try:
        if box is not None:
            emit("info", f"\n{box}\n")  # wrangler's logger.info, above the help
        _help_parser(parser, argv).print_help()
    except BrokenPipeError:
        silence_stdout()
    return 1


def _help_parser(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.ArgumentParser:
    """The parser of the command ``argv`` names, as wrangler finds the help it shows after a
    mistake (it parses the line's words that are not options, plus ``--help``): each word in
    turn names a command of the one before, until one does not."""
    words = iter(word for word in argv if word and not word.startswith("-"))
    while True:
        commands = subcommands(parser)
        word = next(words, None)
        if commands is None or word is None or word not in commands:
            return parser
        parser = commands[word]


