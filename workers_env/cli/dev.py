"""``workers-env dev [PATH | -c PATH [-c PATH ...]] [--port 8787] [--ip localhost] [--env NAME] [--persist-to DIR] [--var KEY:VALUE] [--test-scheduled]``.

Loads the Python Worker named by ``main`` in the wrangler config and serves it over HTTP,
like ``wrangler dev``, after running the config's ``build.command`` as wrangler does, and reloads it
when its files change (:mod:`.devreload`). State (vectors, KV) persists under ``--persist-to`` (default
``.wrangler/state`` beside the config, wrangler's default). Bindings you supply come from
``[tool.workers-env.bindings]`` in ``pyproject.toml`` (``NAME = "package.module:factory"``).
A second ``-c`` runs that config's Worker beside the first, bound to its services (:mod:`.devsession`).
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import json
import math
import os
import signal
import socket
import subprocess
import sys
import traceback
from collections.abc import Callable, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workers_env._errors import ConfigError, IndexDefinitionError, WorkersEnvError
from workers_env._loglevel import emit, from_environment, logging_at
from workers_env.cli.common import (
    BARE,
    CommandError,
    fail,
    in_ci,
    js_number,
    message_of,
    print_hint,
    value_optional,
    warn,
    warn_block,
    with_hint,
)
from workers_env.cli.deventry import missing_entry, unusable_main
from workers_env.cli.devbuild import stop_build
from workers_env.cli.devhosts import ready_lines, scheduled_host
from workers_env.cli.devsection import DevSection, dev_section
from workers_env.cli.devstop import Stopped, held, stoppable
from workers_env.cli.devupstream import OriginOptions
from workers_env.cli.toplevel import SUMMARIES
from workers_env.cli.wrangler_config import check_openable, warn_config
from workers_env.cli.negations import FALSE
from workers_env.config import find_config
from workers_env.config.devvars import has_secrets_table, local_secrets, missing_secrets, secrets_kept
from workers_env.config.wrangler import display_path

if TYPE_CHECKING:  # the reloader imports the runtime: only `dev` itself pays for it, not every command
    from workers_env.cli.devreload import Reloader
    from workers_env.cli.devsession import Slot

__all__ = ["register", "run"]

DEFAULT_PORT = 8787
#: how many ports wrangler dev's getPort tries from 8787 on (NUM_CONSECUTIVE_PORTS_TO_PROBE + 1) outside CI
_PORTS_PROBED = 11
DEFAULT_IP = "localhost"
#: wrangler dev's --log-level choices, in its order
_LOG_LEVELS = ["debug", "info", "log", "warn", "error", "none"]


def register(subparsers: Any) -> None:
    """Add the ``dev`` subcommand to the ``workers-env`` parser."""
    parser = subparsers.add_parser(
        "dev",
        help=SUMMARIES["dev"],
        description="Load the worker named by `main` in the wrangler config and serve it on localhost.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        default=None,
        help="config file, or a folder to search upward from (default: the current folder)",
    )
    parser.add_argument("--port", type=_port, default=None, **value_optional(None),
                        help=f"port to listen on (default: the config's [dev] port, else {DEFAULT_PORT}, else the next free one "
                        f"up to {DEFAULT_PORT + _PORTS_PROBED - 1}, else any free one)")
    parser.add_argument("--ip", default=None, **value_optional(),
                        help="address to listen on (default: the config's [dev] ip, else localhost)")
    parser.add_argument("--host", default=None, metavar="HOST",
                        help="the host of the URL the Worker sees (as wrangler dev's; default: the config's [dev] host, "
                        "else the first route's host, else the request's own)")
    parser.add_argument("--local-upstream", dest="local_upstream", default=None, metavar="HOST", **value_optional(),
                        help="the same as --host, which wins over it (as wrangler dev's)")
    parser.add_argument("--routes", "--route", dest="routes", action="extend", nargs="+", default=None,
                        metavar="ROUTE", help="routes instead of the config's; the first one's host is the host of "
                        "the URL the Worker sees, as under wrangler dev (nothing is routed by them)")
    parser.add_argument("--upstream-protocol", dest="upstream_protocol", choices=["http", "https"], default=None,
                        **value_optional(BARE),
                        help="the scheme of the URL the Worker sees (default: the config's [dev] upstream_protocol, "
                        "else http; dev serves plain HTTP either way)")
    parser.add_argument("--infer-origin-from-routes", dest="infer_origin", action=argparse.BooleanOptionalAction,
                        default=None, help="take the first route's host as the host of the URL the Worker sees "
                        "(default: yes, as wrangler dev; --no-infer-origin-from-routes keeps the request's own)")
    parser.add_argument(
        "--env", "-e", dest="env", default=None, metavar="NAME",
        help="environment to run, [env.NAME] (default: $CLOUDFLARE_ENV)",
    )
    parser.add_argument(
        "--persist-to", dest="persist_to", default=None, metavar="DIR",
        help="folder for local state (default: .wrangler/state beside the config)",
    )
    parser.add_argument(
        "--test-scheduled", dest="test_scheduled", action="store_true",
        help="accepted as wrangler dev's; it serves a Python Worker no /__scheduled (wrangler runs Python Workers "
             "unbundled, without that middleware): trigger scheduled with /cdn-cgi/handler/scheduled?cron=...",
    )
    parser.add_argument("--config", "-c", dest="config", default=None, metavar="PATH",
                        help="the wrangler config file (as wrangler's -c; the same as PATH); given again, as wrangler "
                        "dev -c A -c B, each further config's Worker runs in the same session, reached through the "
                        "[[services]] entries naming it")
    parser.add_argument("--var", action="append", default=[], metavar="KEY:VALUE",
                        help="a var for the Worker, over the config's and .dev.vars' (as wrangler dev --var; repeatable)")
    parser.add_argument("--env-file", dest="env_file", action="extend", nargs="+", default=[], metavar="PATH",
                        help="a .env file to read local secrets from instead of .dev.vars and the default .env "
                        "files (as wrangler's --env-file; repeatable, later files winning)")
    parser.add_argument("--compatibility-date", dest="compatibility_date", default=None, metavar="DATE",
                        help="run on this compatibility date instead of the config's (as wrangler dev's)")
    parser.add_argument("--compatibility-flags", "--compatibility-flag", dest="compatibility_flags", action="extend",
                        nargs="+", default=None, metavar="FLAG",
                        help="run with these compatibility flags instead of the config's: the whole list (as "
                        "wrangler dev's; repeatable)")
    parser.add_argument("--log-level", dest="log_level", choices=_LOG_LEVELS, default=None, **value_optional(BARE),
                        help="what dev prints, as wrangler dev's --log-level (default: $WRANGLER_LOG, else log): "
                        "none, error, warn, info (Ready and the request lines), log (the bindings table, the "
                        "Worker's print()), debug (as log)")
    parser.add_argument("--local", "-l", action="store_true", help="accepted as wrangler's: workers-env dev is local")
    parser.add_argument("--remote", "-r", action="store_true",
                        help="refused: workers-env runs the Worker locally, never on Cloudflare's network")
    parser.add_argument("--live-reload", dest="live_reload", action="store_true",
                        help="accepted as wrangler's, with a warning: the Worker reloads after an edit, but pages "
                        "open in a browser do not")
    parser.set_defaults(handler=run)


def _vars(pairs: list[str]) -> dict[str, str]:
    """``--var KEY:VALUE`` pairs as wrangler's ``collectKeyValues`` reads them: split at the first
    ``:`` (the value keeps any other), a string each; the last of one key wins."""
    found: dict[str, str] = {}
    for pair in pairs:
        key, _, value = pair.partition(":")
        found[key] = value
    return found


def _config_argument(args: argparse.Namespace) -> str | None:
    """The config named by ``PATH`` or ``-c``; a Worker script there is refused with the way out
    (wrangler dev's positional is the entry script, which workers-env reads from ``main``), and
    so is ``-c ""``, which wrangler reads as no config at all."""
    if args.config == "":
        raise ConfigError('-c "" names no config: wrangler reads an empty --config as none (wrangler dev then '
                          "stops at its missing entry point), and workers-env dev runs the config's main; pass the "
                          "config's path (-c wrangler.toml), or leave -c out to use the one found upward from here")
    if args.path is not None and args.config is not None and Path(args.path) != Path(args.config):
        raise ConfigError(f"Conflicting options: PATH ({args.path}) and --config ({args.config}) name different "
                          "configs. Please provide only one.")
    path = args.config if args.config is not None else args.path
    if path is not None and str(path).endswith(".py"):
        raise ConfigError(f"{path} is a Worker script, not a config: workers-env dev runs the config's main "
                          "(wrangler dev's [script] overrides it, which workers-env does not); run it in the "
                          "project folder, or pass the config with -c wrangler.toml")
    return path


_SCRIPT_HINT = ("workers-env dev's PATH names the wrangler config or its folder (wrangler dev's names the Worker's "
                "script, which workers-env reads from the config's main): pass an existing one, or leave PATH out")


#: how ``--compatibility-flags`` and ``--compatibility-date`` are named in the hint after a refusal
#: of a flag or a date given so
_FLAGS_GIVEN_AS = "--compatibility-flags"
_DATE_GIVEN_AS = "--compatibility-date {date}"


def _refuse(problem: tuple[str, str]) -> None:
    """wrangler's error (``fail``), then workers-env's line saying what is wrong. (wrangler's
    ``If you think this is a bug ...`` line after it, pointing at workers-sdk's issues, is left
    out: README "Where we had to choose".)"""
    fail(problem[0])
    print_hint(with_hint(CommandError(problem[0]), problem[1]))


def _entry_refused(problem: tuple[str, str | None] | None) -> bool:
    """Print wrangler's error for an entry point it cannot use, and workers-env's line after
    it (:mod:`.deventry`); whether there was one."""
    if problem is None:
        return False
    fail(problem[0])
    print_hint(with_hint(CommandError(problem[0]), problem[1]))
    return True


def _port(text: str) -> int | str:
    """A TCP port as yargs' ``Number()`` reads it (``--port=`` is 0, as wrangler 4.164.0 then
    listens on a free port: measured; ``0x50`` is 80); a text that is no port number is kept as
    given, for :func:`_port_problem` to refuse after the bindings table, where wrangler does."""
    number = js_number(text)
    return int(number) if math.isfinite(number) and number == int(number) and 0 <= number <= 65535 else text


def _port_problem(port: int | str | None, given_as: str) -> tuple[str, str] | None:
    """wrangler dev 4.164.0's error for a ``--port`` (or ``[dev] port``: the same) that is no port
    number -- Miniflare's option check, after the bindings table (measured: ``abc``, ``Infinity``,
    ``70000``, ``-1``, ``1.5``, and ``[dev] port = 70000``, exit 1; workerd's ``Socket "entry"``
    line before it comes only sometimes, a race) -- and workers-env's line saying what is wrong,
    naming it as ``given_as`` (``--port``); None for a port (or none given)."""
    if port is None or isinstance(port, int):
        return None
    number = js_number(port)
    if math.isnan(number) or math.isinf(number):
        received = "NaN" if math.isnan(number) else "Infinity" if number > 0 else "-Infinity"
        issue = {"expected": "number", "code": "invalid_type", "received": received, "path": ["port"],
                 "message": f"Invalid input: expected number, received {received}"}
    else:  # a number, but not a whole one from 0 to 65535: the URL wrangler makes of it is invalid
        return _invalid_url(f"{given_as} is not a port number: give a whole number from 0 to 65535 (0: any free port)")
    return (json.dumps([issue], indent=2),
            f"{given_as} is not a port number: give a whole number from 0 to 65535 (0: any free port)")


def _invalid_url(hint: str) -> tuple[str, str]:
    """Miniflare's refusal of the public URL wrangler dev builds from a port or address it cannot
    use (measured: ``[dev] port = 70000``, ``[dev] ip = ""``), and workers-env's ``hint``."""
    issue = {"code": "invalid_format", "format": "url", "path": ["publicUrl"], "message": "Invalid URL"}
    return json.dumps([issue], indent=2), hint


def _address_problem(args: argparse.Namespace, section: DevSection, config_name: str) -> tuple[str, str] | None:
    """The refusal of the address dev would listen on, else None, with ``args.port`` set to the
    port given (``--port``, else ``[dev] port``), as wrangler dev's ``resolveDevConfig`` picks them."""
    if args.port is None and section.port is not None:
        problem = _port_problem(section.port, f"[dev] port = {section.port} in {config_name}")
        args.port = section.port
    else:
        problem = _port_problem(args.port, f"--port {args.port}")
    if problem is None and not args.ip:  # [dev] ip = "": wrangler builds a URL with no host
        problem = _invalid_url(f'[dev] ip = "" in {config_name} names no address: give one (ip = "localhost"), '
                               "or remove it")
    return problem


def _listen(host: str, port: int | None) -> list[socket.socket]:
    """The listening sockets on ``host`` and ``port`` (None: not given). Without one, wrangler dev's
    ``getPort``: the first of 8787 to 8797 not in use (8787 alone under CI, as ci-info tells it),
    else any free port, silently (measured, 4.164.0: 8787 taken, ``Ready on http://localhost:8788``);
    a port given is that port or an error."""
    from workers_env.runtime.server import bind

    if port is not None:
        return bind(host, port)
    for candidate in range(DEFAULT_PORT, DEFAULT_PORT + (1 if in_ci() else _PORTS_PROBED)):
        try:
            return bind(host, candidate)
        except OSError as exc:
            if exc.errno not in (errno.EADDRINUSE, errno.EACCES):  # (get-port passes over both)
                raise
    return bind(host, 0)


def _bind_error(host: str, port: int | None, exc: OSError) -> tuple[str, str]:
    """wrangler dev 4.164.0's error for an address it cannot listen on (measured: a port in use,
    an address no interface has, a host name that does not resolve, a port below 1024 without the
    privilege), and workers-env's line. ``port``: None when ``--port`` was not given."""
    given, port = port is not None, DEFAULT_PORT if port is None else port
    where = f"cannot listen on {host}:{port}"
    if exc.errno == errno.EADDRINUSE:
        return (f"Address already in use ({host}:{port}). Please check that you are not already running a server on "
                "this address or specify a different port with --port.",
                f"{where}: is another `workers-env dev` or `wrangler dev` running? Stop it or choose another port "
                "with --port")
    if exc.errno == errno.EACCES:  # workerd's (measured under setpriv; wrangler's "The Workers runtime failed to
        # start" block after it, with workerd's stderr as JSON, left out)
        return ('Socket "entry": bind(): Permission denied (os error 13)',
                f"{where}: ports below 1024 need privileges; use --port 8787")
    if isinstance(exc, socket.gaierror):
        return f"getaddrinfo ENOTFOUND {host}", f"{where}: unknown address {host!r} ({exc.strerror}); check --ip"
    if exc.errno == errno.EADDRNOTAVAIL:  # Node's text: the port only from the default's probe (a given
        # one is not probed: the error is another listen's, on port 0; measured with 0, 8787, 9000)
        return (f"listen EADDRNOTAVAIL: address not available {host}{'' if given else f':{port}'}",
                f"{where}: no interface here has that address; check --ip")
    return f"listen {exc.strerror or exc} {host}:{port}", f"{where}: check --ip and --port"


def _worker_traceback(exc: BaseException, project: Path) -> str:
    """``exc`` as Python prints it, with only the frames of the Worker's own files (those under
    ``project``): a syntax error shows its line and caret, an error at import time where in the
    Worker it happened -- not workers-env's or importlib's frames."""
    shown = traceback.TracebackException.from_exception(exc)
    root = project.resolve()
    own = [frame for frame in shown.stack
           if os.path.isabs(frame.filename) and Path(frame.filename).resolve().is_relative_to(root)]
    shown.stack = traceback.StackSummary.from_list(own)
    return "".join(shown.format())


def _custom_build(build: Any, project: Path, running: list[subprocess.Popen[str]] | None = None) -> bool:
    """Run the config's ``build.command`` before the Worker loads, as ``wrangler dev`` does
    (wrangler's ``runCommand``: through the shell, ``WRANGLER_COMMAND=dev`` set, every output
    line prefixed ``[custom build]``); in ``build.cwd`` taken relative to the config's folder
    (wrangler: to where it was started, the same folder when run in the project). False (and
    wrangler's message) when the command fails. Run again after a change in ``build.watch_dir``
    or the config (:mod:`.devreload`). In a process group of its own, listed in ``running`` while
    it runs, so that stopping the server stops it too (wrangler: "a build must never outlive
    dev"); a signal that stops dev while it runs here (the first build) stops it as well."""
    command = build.get("command") if isinstance(build, dict) else None
    if not isinstance(command, str) or not command:
        return True
    cwd = project / build["cwd"] if isinstance(build.get("cwd"), str) else project
    print(f"[custom build] Running: {command}", flush=True)
    arrived: list[int] = []  # a stop signal while the build starts, raised once it can be stopped
    try:
        with held(arrived):
            proc = subprocess.Popen(command, shell=True, cwd=cwd, env={**os.environ, "WRANGLER_COMMAND": "dev"},
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
                                    start_new_session=os.name == "posix")
            if running is not None:
                running.append(proc)
    except OSError as exc:  # a cwd that does not exist, say: what and where, not Python's repr
        print(f"[custom build] {exc.strerror or exc}: {exc.filename or cwd}", flush=True)
        if arrived:
            raise Stopped(arrived[0]) from None
        code = 1
    else:
        assert proc.stdout is not None
        try:
            if arrived:
                raise Stopped(arrived[0])
            # line by line; output ending in a newline ends with an empty `[custom build] ` line,
            # as wrangler's runCommand splits a chunk of output at its newlines (measured: `echo
            # built`); wrangler's further empty lines where a chunk ends, which depend on timing,
            # are not copied (README)
            ended = False
            for line in proc.stdout:
                ended = line.endswith("\n")
                print(f"[custom build] {line.removesuffix(chr(10))}", flush=True)
            if ended:
                print("[custom build] ", flush=True)
            code = proc.wait()
        except BaseException:  # dev stopped by a signal (Stopped, KeyboardInterrupt) while it ran
            stop_build(proc)
            raise
        finally:
            proc.stdout.close()  # its pipe, read to the end or given up: not left to the collector
        if running is not None:
            try:
                running.remove(proc)
            except ValueError:  # stopped with the server, which took it out: nothing to say
                return False
    if code != 0:  # wrangler's last error (before it, it logs the JavaScript error of the exit status)
        fail(f"Running custom build `{command}` failed. There are likely more logs from your build command above.")
        return False
    return True


#: the exit statuses of a stop by SIGINT or SIGTERM (wrangler's launcher's ``128 +`` the signal)
_STOP_STATUSES = frozenset({128 + signal.SIGINT, 128 + signal.SIGTERM})


def run(args: argparse.Namespace) -> int:
    """Load the worker and serve it until interrupted, in UTC as production runs Workers;
    returns the exit code."""
    from workers_env.runtime.devconsole import wranglers_output
    from workers_env.runtime.timezone import production_timezone

    level, unrecognised = _log_level(args)
    with production_timezone(), stoppable() as stopping:
        try:
            with logging_at(level), wranglers_output():
                if unrecognised is not None:
                    warn(unrecognised)
                status = _run(args)
                stopping.final = status in _STOP_STATUSES  # the server stopped on a signal
        except Stopped as stop:  # before the server started, or again while closing: said there
            stopping.final = True
            status = stop.status
        return status


def _log_level(args: argparse.Namespace) -> tuple[str, str | None]:
    """The level dev prints at: ``--log-level``, else ``WRANGLER_LOG`` (any case), else ``log``
    (wrangler's ``getLoggerLevel``; its warning for a ``WRANGLER_LOG`` that is no level,
    which ``--log-level`` overrides unread)."""
    if args.log_level is not None:
        return args.log_level, None
    return from_environment(os.environ)


def _run(args: argparse.Namespace) -> int:
    from workers_env._env import bindings_from_pyproject, load_env, name_cf_worker_zone
    from workers_env.cli.devreload import Reloader, say_flag_warnings, say_runtime_refusal
    from workers_env.cli.devsession import (
        Slot,
        configs_as_edited,
        edited_consumers_problem,
        empty_session_queues,
        missing_entrypoints,
        multiple_consumers,
        route_session_queues,
        runtime_failed,
        session_bindings,
        worker_name,
    )
    from workers_env.runtime import load_worker
    from workers_env.runtime.server import serve
    from workers_env.vectorize.definitions import pyproject_diagnostics
    from workers_env._statebeside import default_persist_to

    unnamed = next((pair for pair in args.var if not pair.partition(":")[0]), None)
    if unnamed is not None:  # (a var needs a name: the env attribute the Worker reads)
        fail(f"--var {unnamed!r} names no var: --var takes KEY:VALUE (as wrangler dev's --var), the var's name "
             "before the first colon")
        return 1
    environment = (args.env if args.env is not None else os.environ.get("CLOUDFLARE_ENV")) or None
    # the local secrets' environment: -e as given, as wrangler's getVarsForDev gets it -- `-e ""`
    # reads `.dev.vars.` (else `.dev.vars`), or `.env.` and `.env..local` after `.env`, `.env.local`;
    # CLOUDFLARE_ENV alone selects [env.NAME] but the plain `.dev.vars` / `.env` (measured)
    secrets_environment = args.env
    if args.remote:
        print("workers-env dev: --remote runs the Worker on Cloudflare's network, which workers-env does not do: "
              "it runs the Worker locally, as wrangler dev does without --remote; drop --remote",
              file=sys.stderr, flush=True)
        return 1
    if args.persist_to == FALSE:
        fail("--no-persist-to gives --persist-to the value false, as wrangler reads any --no-NAME: wrangler dev "
             "then keeps the Worker's state in memory; workers-env dev keeps it on disk only: give --persist-to a "
             "folder (a fresh one for empty state), or leave it out")
        return 1
    if args.live_reload:
        warn_block("--live-reload has no effect: workers-env dev reloads the Worker when its files change, but "
                   "does not reload the pages open in a browser (wrangler's --live-reload does); reload them by hand")
    try:
        given = _config_argument(args)
        # a PATH that is not there: wrangler dev's [script], whose entry point it then cannot find
        script = Path(args.path).absolute() if given is not None and args.config is None and not os.path.lexists(
            given) else None
        try:
            if args.config is not None:  # a -c file that cannot be opened, as wrangler's readConfig says it
                check_openable(args.config)
            config_path = find_config(None if script is not None else given)  # none anywhere: dev's own words
        except ConfigError as exc:
            if script is not None:
                _entry_refused(unusable_main(None, None, script, _SCRIPT_HINT))
                return 1
            fail(message_of(exc))
            return 1

        # read as wrangler reads it: a -c file as given (a parse error names it so), else the one found
        read_from = args.config if args.config is not None and Path(args.config).is_file() else config_path
        try:
            take = warn_config(read_from, environment, [pyproject_diagnostics])  # as wrangler dev reads it, first
            # dev's --compatibility-date/-flags over the first Worker's own (a refusal's hint naming
            # them); a session's other Workers keep theirs, as wrangler dev 4.164.0 hands them only
            # --env (cli.js: setupDevEnv of args.config.slice(1); measured, review81)
            config = take().with_compatibility(
                args.compatibility_date, args.compatibility_flags, given_as=_DATE_GIVEN_AS, flags_given_as=_FLAGS_GIVEN_AS)
        except ConfigError as exc:  # the config's own problems, after its warnings, as wrangler's
            fail(message_of(exc))
            return 1
        section = dev_section(config.raw)  # the first config's [dev]: the session's address
        https = section.https_refusal(display_path(read_from))
        if https is not None:
            print(f"workers-env dev: {https}", file=sys.stderr)
            return 1
        given_address = (args.ip or None, args.port)  # over every [dev] section, that of an edit too
        # `--ip ""` (`--ip` alone) is [dev] ip's: wrangler's `hostname || config.dev.ip`
        args.ip = args.ip or (section.ip if section.ip is not None else DEFAULT_IP)
        origin_options = OriginOptions.of(args)
        persist_to = Path(args.persist_to) if args.persist_to else default_persist_to(config_path)
        if script is None and _entry_refused(missing_entry(config)):  # wrangler's getEntry: before the build
            return 1
        build = config.merged.get("build")
        if not _custom_build(build, config_path.parent):
            return 1
        command = build.get("command") if isinstance(build, dict) else None
        if _entry_refused(unusable_main(config, command if isinstance(command, str) else None, script,
                                        _SCRIPT_HINT if script is not None else None)):
            return 1  # (wrangler's runCustomBuild: after the build, before secrets and warnings)

        others = _other_configs(args, environment, config, lambda: _secrets_and_table(
            config, secrets_environment, args.env_file or None, list(_vars(args.var)), alone=False))
        if others is None:
            return 1
        # the served Worker has a slot too: a lone Worker's binding to itself is connected, as under
        # wrangler dev 4.164.0 (a JavaScript twin's self-calls went 200 deep)
        session_configs = [config, *others]
        slots = {worker_name(c): Slot() for c in session_configs}

        def make_env(config: Any, path: Path = config_path, first: bool = True) -> Any:
            # a session's Workers bound to each other first; the pyproject's own bindings and
            # --var (the first Worker's alone, as measured) over them; --compatibility-date/-flags
            # --env-file, --host and --routes the first Worker's alone too (``first``), as wrangler
            # dev 4.164.0's
            # (another Worker not in the session: [not connected], as under wrangler dev)
            session = session_bindings(config, slots)
            made = bindings_from_pyproject(config)  # the factories' Workers: closed with this env
            supplied = {**session, **made, **(_vars(args.var) if first else {})}

            def build(supplied: dict[str, Any]) -> Any:
                return load_env(path, environment=environment, persist_to=persist_to, bindings=supplied,
                                env_files=(args.env_file or None) if first else None,
                                secrets_environment=secrets_environment,
                                compatibility_date=args.compatibility_date if first else None,
                                compatibility_flags=args.compatibility_flags if first else None)
            try:
                try:
                    built = build(supplied)
                except IndexDefinitionError as exc:
                    if not exc.index_names:
                        raise
                    built = build({**_undefined_indexes(config, exc), **supplied})
            except BaseException:
                _close_supplied_workers(made)
                raise
            if first:  # --host, --routes: the CF-Worker header's (the others': their own configs', as wrangler's)
                name_cf_worker_zone(built, origin_options.zone(config))
            route_session_queues(built, worker_name(config), slots)  # a queue another Worker of it consumes
            context = getattr(built, "_context", None)
            if context is not None and _loads_workers(made):  # closed with the env dev closes (a reload's
                context.on_close(lambda: _close_supplied_workers(made))  # retired one, at exit)
            return built

        env = make_env(config)
    except WorkersEnvError as exc:
        print(f"workers-env dev: {exc}", file=sys.stderr)
        return 1
    reloader: Reloader | None = None
    callees: list[tuple[Reloader, Slot]] = []
    stopped_by: int | None = None
    table_vars = list(_vars(args.var))  # each Worker's bindings table, "Your Worker" for one alone
    try:
        _announce(config, env, secrets_environment, args.env_file or None, table_vars, alone=not others)
        refused_origin = origin_options.problem(config)
        if refused_origin is not None:  # wrangler's, after the table
            fail(refused_origin)
            return 1
        problem = _address_problem(args, section, display_path(read_from))
        if problem is not None:  # wrangler refuses it after the table, before the Worker starts
            _refuse(problem)
            return 1
        port_given = None if args.port is None else int(args.port)
        # the files' stamps are taken now, so an edit made while the Worker loads reloads it
        reloader = Reloader(config=config, env=env, persist_to=persist_to, environment=environment,
                            build=_custom_build, make_env=make_env,
                            announce=lambda c, e: _announce(c, e, secrets_environment, args.env_file or None,
                                                            table_vars, alone=not others),
                            configured=lambda c, app: _reconfigured(c, app, args, given_address, origin_options),
                            load_failed=lambda exc: _reload_failed(exc, config_path.parent),
                            reloaded=(lambda: empty_session_queues(slots)) if others else None,
                            refused=(lambda c: edited_consumers_problem(slots, worker_name(config), c))
                            if others else None,
                            session=(lambda c: configs_as_edited(slots, worker_name(config), c)) if others else None)
        # miniflare's refusal of a date after today, else workerd's of a date or flags, after the table
        if say_runtime_refusal([config, *others]):
            return 1
        say_flag_warnings(env.config)
        try:
            worker = load_worker(env=env)
        except WorkersEnvError:
            raise
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - the Worker's own code failed while
            # importing (sys.exit() there too: the Worker does not load, as in production)
            print(f"workers-env dev: the Worker failed to load:\n{_worker_traceback(exc, config_path.parent)}",
                  file=sys.stderr, end="", flush=True)
            return 1
        _say_loaded(worker_name(config), worker, persist_to)
        slots[worker_name(config)].worker = worker
        for other in others:
            loaded = _load_callee(other, slots, make_env, persist_to, environment, secrets_environment)
            if loaded is None:
                return 1
            callees.append(loaded)
        doubled = multiple_consumers(session_configs)
        if doubled is not None:  # miniflare's, before workerd starts
            fail(doubled)
            return 1
        refused = missing_entrypoints([config, *others], slots)
        if refused:  # workerd refuses to start, and wrangler says so after its lines
            for line in refused:
                fail(line)
            # (workerd's records hold its own text, not workers-env's note on what the callee exports)
            fail(runtime_failed([(True, line.partition(" (Its WorkerEntrypoint classes:")[0]) for line in refused]))
            return 1
        try:
            sockets = _listen(args.ip, port_given)
        except OSError as exc:
            _refuse(_bind_error(args.ip, port_given, exc))
            return 1
        port = sockets[0].getsockname()[1]  # --port 0 picks a free one
        args.listening_port = port  # (an edit of [dev] port or ip may move it: _reconfigured)
        crons = any(_has_crons(c.merged) for c in [env.config, *others])  # any Worker of the session's

        def ready() -> None:
            for line in ready_lines(args.ip, port):  # miniflare's lines: harnesses wait for "Ready on"
                emit("info", f"[wrangler:info] {line}")
            if crons and not args.test_scheduled:  # wrangler's maybePrintScheduledWorkerWarning
                warn_block("Scheduled Workers are not automatically triggered during local development.\n"
                      "To manually trigger a scheduled event, run:\n"
                      f'  curl "http://{scheduled_host(args.ip)}:{port}/cdn-cgi/local/scheduled"\n'
                      "For more details, see https://developers.cloudflare.com/workers/configuration/cron-triggers/"
                      "#test-cron-triggers-locally")
            if args.test_scheduled:  # wrangler says nothing; its /__scheduled is bundling-time middleware
                warn_block("--test-scheduled adds no /__scheduled route to a Python Worker: wrangler serves Python "
                           "Workers unbundled, without the middleware that answers it, so /__scheduled reaches your "
                           "fetch handler (as under wrangler dev 4.164.0).\n"
                           "To trigger a scheduled event, run:\n"
                           f'  curl "http://{scheduled_host(args.ip)}:{port}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*"')

        # a Python Worker gets no --test-scheduled middleware under wrangler dev (served unbundled)
        primary = reloader

        async def watch_all(app: Any) -> None:
            # every Worker of the session is watched; an edit of one reloads that one; the
            # others' queue consumers run as the served one's do (wrangler dev's one Miniflare)
            slots[worker_name(config)].app = app
            await asyncio.gather(primary.run(app), *(each.run(slot) for each, slot in callees),
                                 *(app.deliver_queues_of(slot.current) for _each, slot in callees))

        stopped_by = serve(worker, host=args.ip, sockets=sockets, test_scheduled=False, on_ready=ready,
                           background=watch_all, origin=origin_options.origin(config))
    except WorkersEnvError as exc:
        print(f"workers-env dev: {exc}", file=sys.stderr)
        return 1
    finally:
        closed = _close_envs(reloader, env)
        for each, _slot in callees:  # the other Workers' state too (Ctrl-C closes them all)
            closed = _close_envs(each, each.env) and closed
    # wrangler's launcher exits with the shell's 128 + the signal that ended wrangler (130 for
    # Ctrl+C, 143 for SIGTERM), printing nothing (measured)
    if stopped_by is not None:
        return 128 + stopped_by
    return 0 if closed else 1


async def _reconfigured(config: Any, app: Any, args: argparse.Namespace, given: tuple[str | None, int | str | None],
                        options: OriginOptions) -> None:
    """An edited config's origin and address taken up, as wrangler dev 4.164.0 takes them up on
    its reload (measured): the Worker's new origin; a new ``[dev] port`` or ``ip`` (neither given
    on the command line) listened on instead of the old one, ``Updated and ready on <url>``
    said. What wrangler refuses at start is refused here too, the old origin or address kept
    (wrangler exits: README "Where we had to choose")."""
    problem = options.problem(config)
    if problem is not None:
        fail(problem)
    else:
        app.origin = options.origin(config)
    section = dev_section(config.raw)
    https = section.https_refusal(display_path(config.path))
    if https is not None:
        print(f"workers-env dev: {https}", file=sys.stderr, flush=True)
    edited = argparse.Namespace(ip=given[0] or (section.ip if section.ip is not None else DEFAULT_IP), port=given[1])
    address = _address_problem(edited, section, display_path(config.path))
    if (edited.ip, edited.port) == (args.ip, args.port) or app.relisten is None:
        return
    if address is not None:
        _refuse(address)
        return
    port = None if edited.port is None else int(edited.port)
    try:
        sockets = _listen(edited.ip, port)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            _refuse(_bind_error(edited.ip, port, exc))
            return
        # the new address overlaps the one served (127.0.0.1 to localhost, the same port): that one
        # let go first, and listened on again if the new one is still taken
        await app.relisten([])
        try:
            sockets = _listen(edited.ip, port)
        except OSError as again:
            _refuse(_bind_error(edited.ip, port, again))
            await app.relisten(_listen(args.ip, args.listening_port))
            return
    await app.relisten(sockets)
    args.ip, args.port, args.listening_port = edited.ip, edited.port, sockets[0].getsockname()[1]
    emit("info", f"[wrangler:info] {ready_lines(edited.ip, sockets[0].getsockname()[1], updated=True)[0]}")


def _loads_workers(made: dict[str, Any]) -> bool:
    """Whether the binding factories made a Worker (whose env :func:`_close_supplied_workers`
    closes): a factory's plain object holds no state, so it asks for no closer -- which would
    say, at a second signal, that state was left untidied (review90)."""
    from workers_env.runtime.services import ServiceSource

    return any(isinstance(value, ServiceSource) for value in made.values())


def _close_supplied_workers(supplied: dict[str, Any]) -> None:
    """Close the envs of the Workers the project's binding factories loaded (another Worker
    behind a service binding, its persisted state open): dev made them, for this env only, so
    they close with it -- after a reload the retired one's, at exit the last -- as the env's own
    bindings do, and are not left to the garbage collector."""
    from workers_env.runtime.services import ServiceSource

    errors: list[Exception] = []
    for value in supplied.values():
        held = getattr(value, "env", None) if isinstance(value, ServiceSource) else None
        if held is not None:
            try:
                held.close()
            except Exception as exc:  # noqa: BLE001 - the others close all the same; the first is raised
                errors.append(exc)
    if errors:
        raise errors[0]


def _has_crons(merged: dict[str, Any]) -> bool:
    """Whether a config's ``[triggers] crons`` lists a cron: wrangler 4.164.0 warns that scheduled
    Workers are not triggered when any Worker of its session has one (``allDevEnvs.some``), the
    second of ``dev -c A -c B`` too (measured with JavaScript twins)."""
    triggers = merged.get("triggers")
    return isinstance(triggers, dict) and bool(triggers.get("crons"))


def _other_configs(args: argparse.Namespace, environment: str | None, first: Any,
                   announce_first: Callable[[], None]) -> list[Any] | None:
    """The configs after the first of ``dev -c A -c B`` (:mod:`.devsession`), each read as the
    first is, under the same ``--env``, its build run; None (said) when one cannot be used -- one
    that cannot be read after ``announce_first`` (the first Worker's secrets and bindings table),
    as wrangler 4.164.0 prints the first's table before it refuses (measured: exit 1)."""
    from workers_env.cli.devsession import worker_name
    from workers_env.vectorize.definitions import pyproject_diagnostics

    found = []
    for path in getattr(args, "configs", [])[1:]:
        try:
            check_openable(path)
            other = warn_config(path, environment, [pyproject_diagnostics])()
        except ConfigError as exc:
            announce_first()
            fail(message_of(exc))
            return None
        if _entry_refused(missing_entry(other)) or not _custom_build(other.merged.get("build"), Path(other.root)):
            return None
        found.append(other)
    names = [worker_name(c) for c in found]
    for name in names:
        if names.count(name) > 1 or name == worker_name(first):
            fail(f'Two configs of this session name the Worker "{name}": each -c config must be a Worker of its '
                 "own (a name of its own), as the session binds services by name")
            return None
    return found


def _load_callee(config: Any, slots: dict[str, Slot], make_env: Any, persist_to: Path, environment: str | None,
                 secrets_environment: str | None) -> tuple[Reloader, Slot] | None:
    """Load one of the session's other Workers into its slot, with a reloader watching its files.
    Its secrets are its own ``.dev.vars`` or ``.env`` files', never dev's ``--env-file`` (nor its
    ``--var``, ``--compatibility-date``, ``--compatibility-flags``, nor ``--host``/``--routes`` for
    its ``CF-Worker`` header): wrangler dev 4.164.0 hands ``-c``'s later configs only ``--env``
    (cli.js ``setupDevEnv``; measured, review81)."""
    from workers_env.cli.devreload import Reloader, say_flag_warnings
    from workers_env.cli.devsession import configs_as_edited, edited_consumers_problem, empty_session_queues, worker_name
    from workers_env.runtime import load_worker

    path = Path(config.path)

    def callee_env(read: Any) -> Any:
        return make_env(read, Path(read.path), False)

    env = callee_env(config)
    _announce(config, env, secrets_environment, None, [])
    slot = slots[worker_name(config)]
    reloader = Reloader(config=config, env=env, persist_to=persist_to, environment=environment,
                        build=_custom_build, make_env=callee_env,
                        announce=lambda c, e: _announce(c, e, secrets_environment, None, []),
                        load_failed=lambda exc: _reload_failed(exc, path.parent),
                        reloaded=lambda: empty_session_queues(slots),
                        refused=lambda c: edited_consumers_problem(slots, worker_name(config), c),
                        session=lambda c: configs_as_edited(slots, worker_name(config), c))
    say_flag_warnings(env.config)
    try:
        slot.worker = load_worker(env=env)
    except WorkersEnvError as exc:
        print(f"workers-env dev: {exc}", file=sys.stderr)
        env.close()
        return None
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - its own code failed while importing
        print(f"workers-env dev: the Worker {worker_name(config)} failed to load:\n"
              f"{_worker_traceback(exc, path.parent)}", file=sys.stderr, end="", flush=True)
        env.close()
        return None
    _say_loaded(worker_name(config), slot.worker, persist_to)
    return reloader, slot


def _say_loaded(name: str, worker: Any, persist_to: Path) -> None:
    """dev's line once a Worker of its session has loaded: its name, file, state and SDK era."""
    era = f" ({worker.era.describe()})" if worker.era is not None else ""
    print(f"Loaded {name} from {worker.main_path}; state in {persist_to}{era}", flush=True)


def _close_envs(reloader: Reloader | None, env: Any) -> bool:
    """Close every env dev opened (the persisted state: SQLite's logs folded in, Vectorize
    snapshots written); whether all closed. One that fails is said and the others still
    close; a second signal meanwhile stops the closing, said too (:class:`Stopped` goes on)."""
    closed = True
    envs = [env] if reloader is None or reloader.env is env else [reloader.env, env]
    # (read before closing, which empties it: a config with no state has nothing a stop leaves untidied)
    held = any(_holds_state(each) for each in [*(reloader.retired_envs if reloader else []), *envs])
    try:
        if reloader is not None:
            reloader.close()  # the replaced Workers' envs: says its own failures
        for each in envs:
            try:
                each.close()
            except Exception as exc:  # noqa: BLE001 - said; dev exits all the same
                print(f"workers-env dev: closing the bindings' state failed: {type(exc).__name__}: {exc}",
                      file=sys.stderr, flush=True)
                closed = False
    except Stopped:
        if held:  # (none held: the second signal changed nothing, as two quick Ctrl+C's are one)
            print("workers-env dev: stopped again while closing the bindings' state: what the Worker wrote is kept, "
                  "but the state was left untidied (SQLite's -wal files, no Vectorize snapshot), which the next "
                  "start reads as it is", file=sys.stderr, flush=True)
        raise
    return closed


def _holds_state(env: Any) -> bool:
    """Whether ``env`` has persisted state still to close (a D1 database's connection, a Vectorize
    snapshot owed): what a stop during its closing would leave untidied."""
    return bool(getattr(getattr(env, "_context", None), "closers", None))


#: The config fields whose bindings workers-env emulates locally, ``remote = true`` or not.
_LOCAL_KINDS = frozenset({"ai", "vectorize", "d1_databases", "kv_namespaces"})


def _announce(config: Any, env: Any, environment: str | None, env_files: list[str] | None,
              table_vars: list[str] | None = None, alone: bool = False) -> None:
    """What dev says of a config once it is read, at start and after an edit of it: where the
    secrets come from, those missing, its bindings table (``table_vars``: its ``--var`` names; None:
    no table; ``alone``: one Worker, "Your Worker" as wrangler heads it), its services no Worker
    answers, a missing compatibility date (wrangler's lines) or one wrangler 4.164.0's runtime
    refuses, and the bindings ``remote = true``
    would send to Cloudflare under wrangler dev."""
    from workers_env._env import UndefinedIndexBinding
    from workers_env.config.bindings import remote_bindings
    from workers_env.config.compat import missing_date_warning, newer_than_wranglers_runtime

    _secrets_and_table(config, environment, env_files, table_vars, alone)
    _not_connected_note(config, env)
    for warning in (missing_date_warning(env.config), newer_than_wranglers_runtime(env.config)):
        if warning:
            warn_block(warning)
    _local_vectorize_note(config.merged, {name for name in env if isinstance(env.unwrapped(name), UndefinedIndexBinding)})
    _offline_ai_note(config.merged, config.tool)
    remote = remote_bindings(config.merged, _LOCAL_KINDS)
    if remote:  # wrangler dev's binding table says "remote" for these
        names = ", ".join(f"{b.name} ({b.kind})" for b in remote)
        emit("warn", f"workers-env dev: remote = true on {names}: wrangler dev binds your Cloudflare account's own "
             "resources for these (and, without a login, stops with \"Failed to start the remote proxy session\"); "
             "workers-env runs them locally as it runs every binding, on the local state", "stderr")


def _undefined_indexes(config: Any, problem: IndexDefinitionError) -> dict[str, Any]:
    """The Worker is served without its indexes that have no definition, as wrangler dev 4.164.0
    serves one whose Vectorize bindings cannot run locally (they answer ``Error: Binding X needs to be
    run remotely`` when used): each such binding raises ``problem`` when the Worker uses it, and dev
    says so now."""
    from workers_env._env import UndefinedIndexBinding

    names = [entry.binding for entry in config.vectorize if entry.index_name in problem.index_names]
    emit("warn", f"workers-env dev: {problem}\nThe Worker is served without {'them' if len(names) > 1 else 'it'}: "
         f"any use of {', '.join(f'env.{name}' for name in names)} raises this error until the index is "
         "defined (wrangler dev serves such a Worker too, its Vectorize bindings unusable locally)", "stderr")
    return {name: UndefinedIndexBinding(name, problem) for name in names}


def _local_vectorize_note(merged: Any, undefined: Set[str] = frozenset()) -> None:
    """workers-env's line in the place of wrangler dev's warning for a Vectorize binding without
    ``remote = true`` (``Vectorize Index bindings do not support local development, and so parts of
    your Worker may not work correctly. ...``; with ``remote = false`` its refusal to start: measured,
    4.164.0): workers-env runs those indexes locally, which wrangler's text would deny."""
    entries = merged.get("vectorize") if isinstance(merged, dict) else None
    local = ([entry for entry in entries if isinstance(entry, dict) and isinstance(entry.get("binding"), str)
              and entry.get("remote") is not True and entry["binding"] not in undefined]
             if isinstance(entries, list) else [])
    if not local:
        return
    names = ", ".join(f'env.{entry["binding"]} (index "{entry.get("index_name")}")' for entry in local)
    emit("warn", f"workers-env dev: {names} run{'s' if len(local) == 1 else ''} locally, on the local state: "
         "wrangler dev has no local Vectorize (it warns \"Vectorize Index bindings do not support local "
         "development\" there, and refuses remote = false), workers-env emulates the index offline; deployed, "
         "the index of that name in your account answers", "stderr")


def _offline_ai_note(merged: Any, tool: Any = None) -> None:
    """workers-env's line for an ``[ai]`` binding without ``remote = true`` (that one gets the remote
    note), which wrangler dev's table calls ``remote`` (``not supported`` with ``remote = false``):
    wrangler dev sends its calls to the account, and without a login does not start (``Failed to
    start the remote proxy session``, either way: measured, 4.164.0); workers-env answers offline,
    which the table's word would deny. ``tool``: ``[tool.workers-env]``, whose
    ``ai.embedders`` models are answered by the user's functions (walk58: the line said "by the
    words texts share" of a model the project had plugged a real one in for)."""
    entry = merged.get("ai") if isinstance(merged, dict) else None
    if not isinstance(entry, dict) or not isinstance(entry.get("binding"), str) or entry.get("remote") is True:
        return
    ai = tool.get("ai") if isinstance(tool, dict) else None
    plugged = [str(model) for model in (ai.get("embedders") or {})] if isinstance(ai, dict) else []
    words = "embeddings by the words texts share, not by meaning"
    if plugged:
        words = (f"embeddings of {', '.join(plugged)} by your [tool.workers-env.ai.embedders] "
                 f"function{'s' if len(plugged) > 1 else ''}, of other models by the words texts share, not by meaning")
    emit("warn", f"workers-env dev: env.{entry['binding']} (Workers AI) runs offline: wrangler dev sends its calls to "
         "your Cloudflare account (and, without a login, stops with \"Failed to start the remote proxy session\"), "
         f"workers-env answers them locally -- {words}, and placeholder or scripted text (README \"Workers AI\"); "
         "deployed, Workers AI answers", "stderr")


def _secrets_and_table(config: Any, environment: str | None, env_files: list[str] | None,
                       table_vars: list[str] | None, alone: bool) -> None:
    """wrangler dev's lines on a config's local secrets (``Using secrets defined in ...``, those
    missing) and its bindings table (none when ``table_vars`` is None)."""
    from workers_env.cli.devsession import worker_name
    from workers_env.cli.devtable import bindings_table

    secrets, sources = local_secrets(config.root, environment, secrets_table=has_secrets_table(config.merged),
                                     env_files=env_files)
    for source in sources:  # wrangler dev's lines, paths relative to the current folder
        print(f"Using secrets defined in {source if source == 'process.env' else display_path(source)}", flush=True)
    missing = missing_secrets(secrets, config.merged)
    if missing:  # wrangler's getVarsForDev
        warn_block(f"Missing required secrets: {', '.join(missing)}. Add them to .dev.vars, .env, or set as "
                   "environment variables.")
    if table_vars is not None:
        variables = config.merged.get("vars")
        kept = secrets_kept(secrets, config.merged, variables if isinstance(variables, dict) else {})
        for line in bindings_table(config.merged, worker_name(config), kept, table_vars, alone=alone):
            print(line, flush=True)


def _not_connected_note(config: Any, env: Any) -> None:
    """One line on stderr for the config's services no Worker of the session (nor a factory)
    supplies: they answer as wrangler dev's ``[not connected]`` ones do, and how to run them."""
    from workers_env.runtime.services import NotConnected

    loose = [(name, value.service) for name in env if isinstance(value := env.unwrapped(name), NotConnected)]
    if not loose:
        return
    names = ", ".join(f'env.{name} (service "{service}")' for name, service in loose)
    callee = loose[0][1] if len(loose) == 1 else "<name>"
    emit("warn", f"workers-env dev: {names} [not connected], as under wrangler dev: a call rejects, and a fetch "
         f"answers 503, with 'Worker \"{callee}\" not found. Make sure it is running locally.' Run "
         f"{'that Worker' if len(loose) == 1 else 'those Workers'} in this session (workers-env dev -c "
         f"{display_path(config.path)} -c path/to/its/wrangler.toml), or supply one in [tool.workers-env.bindings]",
         "stderr")


def _reload_failed(exc: BaseException, project: Path) -> None:
    """A Worker that did not load after an edit: the error, and that the last one serves on."""
    what = str(exc) if isinstance(exc, WorkersEnvError) else _worker_traceback(exc, project).rstrip("\n")
    print(f"workers-env dev: the Worker failed to load after the change; the one loaded before goes on "
          f"serving until a fix loads:\n{what}", file=sys.stderr, flush=True)
