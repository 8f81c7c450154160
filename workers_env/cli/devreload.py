"""``workers-env dev`` picking up edits, as ``wrangler dev`` 4.164.0 does.

What is watched, as wrangler watches a Python Worker (``no_bundle``, so its ``runBuild``
watch of the module root; its ``ConfigController``; its ``BundlerController``):

- the **config file** (and ``pyproject.toml``'s ``[tool.workers-env]`` beside it, workers-env's
  own config): when one is written, it is read again (its warnings printed again), the
  ``build.command`` runs, the env is rebuilt from it -- persisted state kept, it lives on
  disk -- and the Worker loaded into it; its ``[dev]`` address and the Worker's origin are
  taken up too (``configured``: a new port listened on, as wrangler dev moves); ``.dev.vars`` and ``.env`` are read then, but are not
  watched: wrangler does not watch them (measured), so an edit there waits for the next one
  to the config, or a restart;
- the project's own modules ``[tool.workers-env.bindings]`` factories were imported from (and
  the project modules they import; not those in site-packages or a virtualenv): an edit of one
  rebuilds the env as an edit of the config does, the module imported afresh (wrangler rebuilds
  a Worker when any module it bundles changes); one that no longer imports is reported as the
  config's problems are, and a fix of it is watched for;
- without a ``build.command``, every file under the **module root** (``base_dir``, else
  ``main``'s folder) but ``.git``, ``node_modules``, ``.wrangler`` (and ``__pycache__`` and
  virtualenvs, which Python writes or holds): a file written there reloads the Worker in the
  same env; a file only added or deleted does not, as in wrangler (its ``change`` events);
- with one, **``build.watch_dir``** instead (default ``./src``, from the config's folder): any
  file added, written or deleted there prints ``The file <path> changed, restarting build...``,
  runs the build (again after a change made while it ran: :mod:`.devbuild`), then reloads;
- the **assets directory**, if the config has one: any change reloads.

Each reload prints wrangler's ``⎔ Reloading local server...`` and, once the new Worker
answers, ``⎔ Local server updated and ready``. The Worker is loaded on the server's event
loop, between requests: a request arriving meanwhile waits and is answered by the new Worker,
as wrangler holds it; one already under way finishes on the Worker it started with (wrangler
replays it on the new one). When the new code does not load -- a syntax error, an import that
fails, a config error -- the error is printed and the last Worker that loaded goes on serving
until a fix loads (wrangler 4.164.0 exits instead, its maintainers call that a bug:
workers-sdk #3290, #4031).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workers_env._errors import ConfigError, WorkersEnvError
from workers_env._ownmodules import files_of
from workers_env.cli.common import CommandError, fail, message_of, print_hint, warn, with_hint
from workers_env.cli.devbuild import Rebuilds, stop_build
from workers_env.config.uploads import uploads_of
from workers_env.runtime.runsync import drop_between_steps, raise_between_steps
from workers_env.runtime.watch import Stamps, modified, scan, scan_folders, stamps_of, touched

__all__ = ["POLL_INTERVAL_VARIABLE", "READY", "RELOADING", "Reloader", "say_flag_warnings", "say_runtime_refusal"]

#: wrangler's lines (``LocalRuntimeController``), dimmed there when printed to a terminal
RELOADING = "\u2394 Reloading local server..."
READY = "\u2394 Local server updated and ready"


def say_flag_warnings(*configs: Any) -> None:
    """workerd's warnings about each config's compatibility flags (a flag its date turns on
    already), as wrangler dev 4.164.0 prints them each time its runtime starts -- at start and
    at every reload, before the ready line: ``▲ [WARNING] service core:user:<name>: ...``; a
    ``dev -c A -c B`` session's runtime restarts whole, so every Worker's come again, in the
    session's order (``tools/wrangler/dev_session_probe.py flags``)."""
    from workers_env.cli.devsession import worker_name
    from workers_env.config.compat import redundant_flag_warnings

    for config in configs:
        for line in redundant_flag_warnings(config):
            warn(f"service core:user:{worker_name(config)}: {line}")


def say_runtime_refusal(configs: list[Any], *, reloading: bool = False) -> bool:
    """When the runtime would not start with ``configs``' compatibility dates and flags: what
    wrangler dev 4.164.0 prints as it starts it -- miniflare's refusal of a date after today, its
    error alone (:func:`.compat.future_date_refusal`), else each Worker's errors from workerd (a
    date it cannot read, a flag it refuses), then its warnings (:func:`.devsession.refused_flags`),
    then its ``The Workers runtime failed to start`` error with workerd's ``Runtime stderr``
    (:func:`.devsession.runtime_failed`) -- and workers-env's hints after them; True.
    ``reloading``: after a config edit, where wrangler prints the same and exits 1 (measured: an
    unknown flag, a contradictory pair, a date after today and ``2026-1-01`` brought by an edit,
    ``tools/wrangler/dev_flag_edit_probe.py``), a last line says that the Worker loaded before
    serves on. Else False, nothing printed (each Worker's warnings then come as it loads:
    :func:`say_flag_warnings`)."""
    from workers_env.cli.devsession import refused_flags, runtime_failed
    from workers_env.config.compat import future_date_refusal

    future = next(filter(None, map(future_date_refusal, configs)), None)
    if future is not None:  # miniflare's, before workerd runs: no line of workerd's
        fail(future[0])
        hints = [future[1]]
    else:
        lines, hints = refused_flags(configs)
        if not any(is_error for is_error, _ in lines):
            return False
        for is_error, line in lines:
            (fail if is_error else warn)(line)
        fail(runtime_failed(lines))
    if reloading:  # (wrangler dev stops here: README, Where we had to choose)
        hints = [*hints, "wrangler dev exits here; workers-env keeps serving the Worker loaded before until an edit "
                         "that loads"]
    for hint in hints:
        print_hint(with_hint(CommandError(hint), hint))
    return True


#: seconds between two looks at the files (an internal knob, for tests)
POLL_INTERVAL_VARIABLE = "WORKERS_ENV_DEV_POLL_INTERVAL"
DEFAULT_POLL_INTERVAL = 0.25
#: a change must hold still this long before it is acted on (an editor's save in several
#: writes): wrangler waits 50 ms for the config's writes to finish, debounces builds by 100 ms
_SETTLE = 0.1
#: but no longer than this: a file written all the time (a log) must not hold an edit back
_SETTLE_AT_MOST = 1.0
#: how many times as long as a look at the files took the watcher waits before the next one
_MAX_SHARE = 50
#: a watched file gone for less than this and back counts as written: an editor that saves by
#: moving the old file away and writing a new one leaves no file for a moment, and a look at
#: that moment must not lose the edit (chokidar's ``atomic``, on by default in wrangler's
#: watchers, takes a file re-added within 100 ms as changed; a look every 0.25 s needs longer)
_GONE_GRACE = 1.0


def poll_interval() -> float:
    """``$WORKERS_ENV_DEV_POLL_INTERVAL`` if it is a positive number of seconds, else 0.25."""
    try:
        value = float(os.environ.get(POLL_INTERVAL_VARIABLE, ""))
    except ValueError:
        return DEFAULT_POLL_INTERVAL
    return value if 0 < value < 3600 else DEFAULT_POLL_INTERVAL


@dataclass
class _Targets:
    """What to watch for one config."""

    config_files: list[Path]
    binding_files: list[Path]  # the project's modules [tool.workers-env.bindings] factories came from
    code_root: Path | None  # without a build command
    build_dirs: list[Path]  # with one
    assets: Path | None
    skip: list[Path]


@dataclass
class _Seen:
    config: Stamps = field(default_factory=dict)
    bindings: Stamps = field(default_factory=dict)
    code: Stamps = field(default_factory=dict)
    build: Stamps = field(default_factory=dict)
    assets: Stamps = field(default_factory=dict)


def _config_watching_disabled() -> bool:
    """wrangler's ``WRANGLER_CI_DISABLE_CONFIG_WATCHING=true``: the config is not watched."""
    return os.environ.get("WRANGLER_CI_DISABLE_CONFIG_WATCHING", "").strip().lower() == "true"


def targets_of(config: Any, persist_to: Path) -> _Targets:
    """The files and folders ``workers-env dev`` watches for ``config``."""
    root = Path(config.root).resolve()
    files: list[Path] = []
    if not _config_watching_disabled():
        files = [Path(config.path).resolve()]
        if (root / "pyproject.toml").is_file():
            files.append(root / "pyproject.toml")
    merged = config.merged if isinstance(config.merged, dict) else {}
    table = merged.get("build")
    build: dict[str, Any] = table if isinstance(table, dict) else {}
    skip = [persist_to.resolve(), root / ".wrangler"]
    code_root: Path | None = None
    build_dirs: list[Path] = []
    if isinstance(build.get("command"), str) and build["command"]:
        watch_dir = build.get("watch_dir", "./src")
        names = watch_dir if isinstance(watch_dir, list) else [watch_dir]
        build_dirs = [(root / name).resolve() for name in names if isinstance(name, str)]
    elif config.main_path is not None:
        code_root = uploads_of(merged, root, Path(config.main_path), Path(config.path)).root
    assets = merged.get("assets")
    directory = assets.get("directory") if isinstance(assets, dict) else None
    return _Targets(files, files_of(root), code_root, build_dirs,
                    (root / directory).resolve() if isinstance(directory, str) and directory else None, skip)


def _look(targets: _Targets) -> _Seen:
    """The stamps of everything ``targets`` names (run off the event loop)."""
    return _Seen(
        config=stamps_of(targets.config_files),
        bindings=stamps_of(targets.binding_files),
        code=scan(targets.code_root, skip=targets.skip) if targets.code_root is not None else {},
        build=scan_folders(targets.build_dirs, skip=targets.skip),
        assets=scan(targets.assets, skip=targets.skip, folders=True) if targets.assets is not None else {},
    )


def _timed_look(targets: _Targets) -> tuple[_Seen, float]:
    """:func:`_look` and the CPU time it took its thread: what the pause after it is scaled by.
    Not the wall time around it, which a busy machine stretches (the thread waiting for a
    core): 0.4 s of that once made the next look 20 s away, and an edit went unseen as long."""
    started = time.thread_time()
    return _look(targets), time.thread_time() - started


def _what_changed(before: _Seen, after: _Seen) -> tuple[str, list[str]] | None:
    """``(kind, paths)`` of the change to act on, the config's first; None when nothing did."""
    for kind, found in (("config", modified(before.config, after.config)),
                        ("bindings", modified(before.bindings, after.bindings)),
                        ("build", touched(before.build, after.build)),
                        ("code", modified(before.code, after.code)),
                        ("assets", touched(before.assets, after.assets))):
        if found:
            return kind, found
    return None


class _Interrupted(BaseException):
    """Ctrl+C (or SIGTERM) arrived while the Worker's code loaded: the server is stopping."""


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """Let Ctrl+C and SIGTERM stop a Worker's code while it loads: the load runs on the server's
    event loop, where the server's own handlers only set a flag the loop looks at, so a module
    that hangs at import (a loop, a network call) would leave the server deaf to them. The
    server's handler is still called (it stops the server and exits as it would), then
    :class:`_Interrupted` ends the load -- where the signal came, or, when it came while the
    code's ``run_sync`` (``time.sleep``) drove the loop, once the loop step under way ended: a
    loop callback or task step would keep it (asyncio logs or stores a BaseException there),
    and the server, its main task stopped so, stayed deaf for good (2 in 100 runs under load)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, Any] = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    if not all(callable(handler) and handler is not signal.default_int_handler for handler in previous.values()):
        yield  # not under the server's handlers: Ctrl+C raises KeyboardInterrupt already
        return
    until = sys._getframe(2)  # the frame whose `with` this is (past contextlib's __enter__): it catches _Interrupted
    kept: list[bool] = []

    def stop(sig: int, frame: Any) -> None:
        handler = previous[sig]
        assert callable(handler)
        handler(sig, frame)
        if raise_between_steps(frame, until, _Interrupted()):
            kept.append(True)
            return
        raise _Interrupted

    for sig in previous:
        signal.signal(sig, stop)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        drop_between_steps()
    if kept:  # kept for a run_sync that ended without raising it
        raise _Interrupted


def drop_stale_bytecode(stamps: Stamps) -> None:
    """Delete the cached bytecode of each ``.py`` written after it was cached: Python checks a
    cache against its source's mtime in whole seconds and its size, so an edit within the same
    second that keeps the size would otherwise import the old code."""
    for path, (mtime_ns, _, _) in stamps.items():
        if not path.endswith(".py"):
            continue
        try:
            cached = importlib.util.cache_from_source(path)
            if os.stat(cached).st_mtime_ns <= mtime_ns:
                os.unlink(cached)
        except (OSError, ValueError, NotImplementedError):
            continue


class Reloader:
    """Watches a served Worker's files and reloads it on the server's event loop.

    ``build(build_table, folder, running) -> bool`` runs the config's build command (printing
    as it goes), its process listed in ``running`` while it runs (:meth:`_stop_builds` takes it
    out and stops it when the server stops); ``load_failed(exc)`` prints a Worker that did not
    load, or an error of the watcher's own; ``announce(config, env)`` prints what ``workers-env dev`` says of a config at start (its secrets' sources);
    ``make_env(config)`` builds the env of a config read again; ``configured(config, app)`` takes
    up what else of a config read again dev serves by (its origin, its address), once its Worker loaded;
    ``session(config)`` gives a dev session's configs, this Worker's being ``config``, whose flag
    warnings a reload prints (every Worker's, as wrangler restarts the session's one runtime).
    """

    def __init__(self, *, config: Any, env: Any, persist_to: Path, environment: str | None,
                 build: Callable[[Any, Path, list[subprocess.Popen[str]]], bool], load_failed: Callable[[BaseException], None],
                 announce: Callable[[Any, Any], None], make_env: Callable[[Any], Any],
                 interval: float | None = None, configured: Callable[[Any, Any], Awaitable[None]] | None = None,
                 reloaded: Callable[[], None] | None = None, refused: Callable[[Any], str | None] | None = None,
                 session: Callable[[Any], list[Any]] | None = None):
        self.config = config
        self._session = session  # a dev session's configs once this Worker's is the one given (its order), or None
        self._refused = refused  # why a dev session refuses an edited config (two consumers of a queue), or None
        self._reloaded = reloaded  # after each reload that loaded a Worker (a dev session's queues emptied)
        self.env = env
        self.persist_to = persist_to
        self.environment = environment
        self._load_failed = load_failed
        self._announce = announce
        self._make_env = make_env
        self._configured = configured
        self.interval = poll_interval() if interval is None else interval
        self._targets = targets_of(config, persist_to)
        self._seen = _look(self._targets)  # taken before the Worker loads: an edit meanwhile counts
        self._retired: list[tuple[Any, Any]] = []  # (Worker, env) replaced with a new env
        self._builds: list[subprocess.Popen[str]] = []  # the build running, if any
        self._rebuilds = Rebuilds(build, self._builds, self._targets.skip)
        self._gone: dict[str, float] = {}  # watched files missing at a look, since when

    def _session_configs(self, config: Any) -> list[Any]:
        """The configs a reload with ``config`` restarts the runtime with (a session's every Worker's)."""
        return self._session(config) if self._session is not None else [config]

    def _say_flag_warnings(self, config: Any) -> None:
        """The flag warnings of a reload with ``config`` (the session's every Worker's)."""
        say_flag_warnings(*self._session_configs(config))

    async def run(self, app: Any) -> None:
        """Look for changes every ``interval`` seconds until cancelled (the server stopping)."""
        loop = asyncio.get_running_loop()
        pool = ThreadPoolExecutor(1, thread_name_prefix="workers-env-dev-watch")
        try:
            pause = self.interval
            while True:
                await asyncio.sleep(pause)
                self._close_retired(app)
                found, spent = await loop.run_in_executor(pool, _timed_look, self._targets)
                now = self._with_gone(found)
                # a big tree (thousands of files) is looked at less often: 2% of a CPU at most
                pause = max(self.interval, spent * _MAX_SHARE)
                if _what_changed(self._seen, now) is None:
                    self._seen = now  # a file added or deleted is known from now on
                    continue
                settled_by = time.monotonic() + _SETTLE_AT_MOST
                while True:  # until the writes are over
                    await asyncio.sleep(_SETTLE)
                    later = self._with_gone(await loop.run_in_executor(pool, _look, self._targets))
                    if later == now:
                        break
                    now = later
                    if time.monotonic() >= settled_by:
                        break
                change = _what_changed(self._seen, now)
                self._seen = now
                if change is not None:
                    try:
                        await self._act(app, loop, pool, *change)
                    except Exception as exc:  # noqa: BLE001 - said, and the watching goes on
                        self._load_failed(exc)
        finally:
            self._stop_builds()
            pool.shutdown(wait=False)

    def _with_gone(self, now: _Seen) -> _Seen:
        """``now`` with the config's and module root's files that went missing less than
        :data:`_GONE_GRACE` ago still at their last stamps: one that is back by then has a new
        stamp, so it counts as written (an editor's save by rename), not as deleted and added."""
        moment = time.monotonic()
        gone: dict[str, float] = {}
        for before, found in ((self._seen.config, now.config), (self._seen.bindings, now.bindings),
                              (self._seen.code, now.code)):
            for path, stamp in before.items():
                if path not in found:
                    since = self._gone.get(path, moment)
                    if moment - since < _GONE_GRACE:
                        found[path] = stamp
                        gone[path] = since
        self._gone = gone
        return now

    def _stop_builds(self) -> None:
        """Stop the build that is running, with every process it started (the server stops)."""
        for proc in list(self._builds):
            self._builds.remove(proc)  # the build then says nothing of its end
            stop_build(proc)

    async def _act(self, app: Any, loop: asyncio.AbstractEventLoop, pool: ThreadPoolExecutor, kind: str,
                   paths: list[str]) -> None:
        if kind in ("config", "bindings"):  # a factory module edited: the env built again from it
            await self._reload_config(app, loop, pool)
            return
        if kind == "build":  # wrangler's BundlerController, on the path it was told of last
            built, self._seen.build = await self._rebuilds.run(
                loop, pool, self.config.merged.get("build"), Path(self.config.root), self._targets.build_dirs, paths[-1])
            if not built:
                return
        self._reload_code(app)

    def _reload_code(self, app: Any) -> None:
        """The Worker loaded afresh into the same env (bindings and their state kept)."""
        from workers_env.queues.assembly import queue_broker
        from workers_env.runtime.loader import reload_worker

        print(RELOADING, flush=True)
        self._say_flag_warnings(self.env.config)
        if self._targets.code_root is not None:
            drop_stale_bytecode(self._seen.code)
        else:
            drop_stale_bytecode(scan(Path(self.config.main_path).parent) if self.config.main_path else {})
        try:
            with _interruptible():
                worker = reload_worker(self.env)
        except _Interrupted:
            return  # the server is stopping
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - the Worker's code: printed, the old one serves on
            self._load_failed(exc)
            return
        broker = queue_broker(self.env)
        if broker is not None:  # the same env: its queues emptied, as wrangler dev's new runtime starts empty
            broker.clear()
        app.worker = worker
        if self._reloaded is not None:
            self._reloaded()
        print(READY, flush=True)

    async def _reload_config(self, app: Any, loop: asyncio.AbstractEventLoop, pool: ThreadPoolExecutor) -> None:
        """The config read again (with its warnings), its build run, a new env made from it and
        the Worker loaded into that; the old env is closed once its requests are done."""
        from workers_env.cli.wrangler_config import warn_config
        from workers_env.runtime import load_worker
        from workers_env.vectorize.definitions import pyproject_diagnostics

        path = Path(self.config.path)
        try:
            take = warn_config(path, self.environment, [pyproject_diagnostics])
            try:
                config = take()
            except ConfigError as exc:
                fail(message_of(exc))
                return
            watched = targets_of(config, self.persist_to).build_dirs
            built, stamps = await self._rebuilds.run(loop, pool, config.merged.get("build"), path.parent, watched, None)
            if not built:
                if watched == self._targets.build_dirs:
                    self._seen.build = stamps  # the build's own writes are no edit, those after it are
                return
            drop_stale_bytecode(self._seen.bindings)
            with _interruptible():  # a factory module that hangs at import must not make the server deaf
                env = self._make_env(config)
        except _Interrupted:
            return  # the server is stopping
        except WorkersEnvError as exc:
            # a module that failed to import: its fix is an edit too -- watched before the error is
            # said, so a fix written as soon as it is read is not taken as the file's first stamp
            self._watch_binding_files(config)
            self._load_failed(exc)  # and that the last Worker serves on (walk58: the error alone was said)
            return
        self._announce(config, env)
        print(RELOADING, flush=True)
        refusal = self._refused(config) if self._refused is not None else None
        if refusal is not None:  # wrangler's error after its reload line; the last config that loaded kept
            fail(refusal)
            _close(env)
            return
        # the runtime's refusal as at a start, every session Worker's (wrangler dev 4.164.0 -c a -c b,
        # b's config edited to name an unknown flag: a's warning, b's error, b's warning; audit28,
        # tools/wrangler/dev_session_probe.py flags-edit), a date after today's too (miniflare's
        # line alone: review81); the last config that loaded kept, nothing of the new one taken up
        if say_runtime_refusal(self._session_configs(env.config), reloading=True):
            _close(env)
            return
        # the new config is the one from now on, even if its Worker does not load: a fix of the
        # code then loads into it; the old env serves the old Worker until it is replaced
        self._retired.append((app.worker, self.env))
        self.env, self.config = env, config
        self._targets = targets_of(config, self.persist_to)
        self._seen = await loop.run_in_executor(pool, _look, self._targets)
        self._seen.build = stamps  # what changed there since the build ended is an edit
        try:
            self._say_flag_warnings(env.config)
            drop_stale_bytecode(self._seen.code)
            with _interruptible():
                worker = load_worker(env=env)
        except _Interrupted:
            return  # the server is stopping
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - printed, the old Worker serves on
            self._load_failed(exc)
            return
        if self._configured is not None:
            await self._configured(config, app)
        app.worker = worker
        if self._reloaded is not None:
            self._reloaded()
        print(READY, flush=True)

    def _watch_binding_files(self, config: Any) -> None:
        """Watch the factory modules the last attempt to build ``config``'s env read, those
        watched already at the stamps last seen (an edit meanwhile still counts)."""
        files = files_of(Path(config.root).resolve())
        self._targets.binding_files = files
        self._seen.bindings = {**stamps_of(files), **{path: stamp for path, stamp in self._seen.bindings.items()
                                                     if Path(path) in files}}

    def _close_retired(self, app: Any) -> None:
        """Close the envs of replaced Workers that no request uses any more: none the server
        is answering, none of the Worker's own alive (a session's callee, reached through
        another Worker's service binding, serves no request of the server's)."""
        still = []
        for worker, env in self._retired:
            if (worker is app.worker or app.in_flight.get(worker) or getattr(worker, "requests_alive", 0)
                    or env is self.env):
                still.append((worker, env))
            else:
                _close(env)
        self._retired = still

    @property
    def retired_envs(self) -> list[Any]:
        """The replaced Workers' envs :meth:`close` closes."""
        return [env for _, env in self._retired]

    def close(self) -> None:
        """Close every replaced Worker's env (the server has stopped)."""
        for _, env in self._retired:
            _close(env)
        self._retired = []


def _close(env: Any) -> None:
    """Close a replaced Worker's env; a failure (its state folder deleted meanwhile, say) is
    said, and neither stops the watching nor the server's exit."""
    try:
        env.close()
    except Exception as exc:  # noqa: BLE001 - said; nothing else uses this env any more
        print(f"workers-env dev: closing the bindings of the Worker replaced after a change failed: {exc}",
              file=sys.stderr, flush=True)
