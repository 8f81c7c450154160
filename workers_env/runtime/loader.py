"""Loading a Python Worker's ``main`` file: :func:`load_worker` and :func:`reload_worker`.

A load refuses what would not start (no ``main``, named as wrangler names it, with the file it
likely means; a compatibility date or flags workerd refuses), installs what production's Python
does differently, imports ``main`` in the Worker's import scope with the stand-ins, and says once
a project what deploys otherwise than it runs here (packages not uploaded, a build that fails);
a failed import gets its notes here. The :class:`~workers_env.runtime.loadedworker.Worker` it
returns dispatches requests and events to the Worker's handlers (``loadedworker.py``).
"""

from __future__ import annotations

import collections
import contextlib
import difflib
import functools
import importlib
import os
import re
import sys
import threading
from collections.abc import Callable, Mapping
from os import PathLike
from pathlib import Path
from typing import Any, Literal

from workers_env import _loglevel
from workers_env._env import cf_worker_zone_of, env_clock
from workers_env._errors import ConfigError, WorkersEnvError, add_hint
from workers_env._oneload import resolved
from workers_env.assets.server import AssetServer, assets_config
from workers_env.config.bindings import queue_entries
from workers_env.config.build import build_command, build_syncs, unfound_pyproject
from workers_env.config.compat import (
    ALLOW_EVAL_DURING_STARTUP,
    BROTLI_CONTENT_ENCODING,
    ENABLE_REQUEST_SIGNAL,
    FETCH_STANDARD_URL,
    FIXUP_TRANSFORM_STREAM_BACKPRESSURE,
    INTERNAL_WRITABLE_STREAM_ABORT_CLEARS_QUEUE,
    PIPE_TO_BACKWARD_PROPAGATION,
    PYTHON_FORCE_NEW_VENDOR_PATH,
    PYTHON_NO_GLOBAL_HANDLERS,
    PYTHON_PROCESS_PTH_FILES,
    REQUEST_SIGNAL_PASSTHROUGH,
    SPEC_COMPLIANT_DISPATCH_EXCEPTIONS,
    STRIP_AUTHORIZATION_ON_CROSS_ORIGIN_REDIRECT,
    TRANSFORM_STREAM_STANDARD_CONSTRUCTOR,
    WRITABLE_STREAM_SPEC_COMPLIANT_WRITER,
    cache_modes,
    compatibility_date,
    compatibility_date_problem,
    compatibility_flags_problem,
    flag_enabled,
    set_by_flag,
    node_globals,
    python_release,
    workerd_flag_values,
)
from workers_env.config.routes import cf_worker_zone
from workers_env.config.uploads import (
    cf_requirements_warning,
    python_modules_problem,
    requirements_txt_names,
    uploads_of,
)
from workers_env.config.wrangler import display_path
from workers_env.runtime import identity, newloops, osenviron, processes, sockets, threadpool, timers, zonedata
from workers_env.runtime.cacheapi import CacheStore, JsCacheStorage
from workers_env.runtime.syntaxhints import keyword_member_hint, newer_syntax
from workers_env.runtime.undeclared import undeclared_note
from workers_env.runtime.current import WorkerRuntime
from workers_env.runtime.entropy import top_level_entropy
from workers_env.runtime.envwrap import JsEnv
from workers_env.runtime.eras import (
    MAIN_ONLY_SINCE,
    MissingSdk,
    declared_packages,
    deploys_with_plain_wrangler,
    era_of,
    failing_build_note,
    missing_sdk_note,
    missing_sdk_reason,
    one_load,
)
from workers_env.runtime.events import QueueMessage, QueueResult, ScheduledResult
from workers_env.runtime.executioncontext import ExecutionContext
from workers_env.runtime.filesystem import install_upload_check
from workers_env.runtime.handlererrors import HandlerCancelledError
from workers_env.runtime.hostmodules import note_host_modules
from workers_env.runtime.loadedworker import NO_GLOBAL_HANDLERS_DATE, Worker, missing_entrypoint_text
from workers_env.runtime.moduledicts import looked_at_once
from workers_env.runtime.pthfiles import process_pth_files
from workers_env.runtime.nosdk import without_sdk
from workers_env.runtime.pyhash import install_production_hash
from workers_env.runtime.scope import ImportScope, is_a_workers_own
from workers_env.runtime.sessionpaths import install_session_hook
from workers_env.runtime.services import ServiceSource, WorkerService
from workers_env.runtime.uninstalled import uninstalled_note, watch_uninstalled
from workers_env.runtime.unsynced import watch_unsynced

__all__ = ["NO_GLOBAL_HANDLERS_DATE", "ExecutionContext", "HandlerCancelledError", "QueueMessage", "QueueResult", "ScheduledResult", "Worker", "load_worker",
           "reload_worker"]


def _no_global_handlers(config: Any) -> bool:
    return flag_enabled(PYTHON_NO_GLOBAL_HANDLERS, config)


class _Itself(ServiceSource):
    """A ``[[services]]`` entry naming the Worker being loaded, for which nothing was supplied:
    the Worker itself (its ``entrypoint`` class, if named), as production and wrangler dev
    connect a Worker's binding to itself; ``reload_worker`` puts the Worker it loads in."""

    def __init__(self, entrypoint: str | None):
        self.worker: Worker | None = None
        self.entrypoint = entrypoint

    def as_service(self, caller_config: Any = None) -> WorkerService:
        return WorkerService(lambda: self.worker, caller_config, self.entrypoint)


def _bind_itself(env: Any, config: Any) -> dict[str, _Itself]:
    """The env's service bindings naming the config's own Worker that nothing was supplied for
    (a declared, not-emulated binding), each made :class:`_Itself` (kept on a reload)."""
    from workers_env._env import Env, NotEmulatedBinding

    name, merged = getattr(config, "name", None), getattr(config, "merged", None)
    entries = merged.get("services") if isinstance(merged, dict) else None
    if not name or not isinstance(env, Env) or not isinstance(entries, list):
        return {}
    found: dict[str, _Itself] = {}
    for entry in entries:
        binding = entry.get("binding") if isinstance(entry, Mapping) else None
        if not isinstance(binding, str) or entry.get("service") != name or "environment" in entry or binding not in env:
            continue
        value = env.unwrapped(binding)
        if isinstance(value, NotEmulatedBinding):
            entrypoint = entry.get("entrypoint")
            value = _Itself(entrypoint if isinstance(entrypoint, str) else None)
            setattr(env, binding, value)
        if isinstance(value, _Itself):
            found[binding] = value
    return found


def _note(text: str) -> None:
    """One of workers-env's notes on stderr: a warning, which ``dev --log-level error`` hides --
    or one of Miniflare's lines copied (``[wrangler:info] ✨ Parsed ...``), at the level it names:
    Miniflare logs ``_headers``/``_redirects``' parse at ``info`` and their skipped lines at
    ``warn`` (``constructHeaders``; measured: ``wrangler dev --log-level warn`` hides the first)."""
    copied = re.match(r"\[wrangler:(info|warn)\] ", text)
    if copied:  # (on stdout under dev, as wrangler dev prints them)
        _loglevel.copied(copied.group(1), text)
    else:
        _loglevel.emit("warn", text, "stderr")


def _announce_not_emulated(env: Any) -> None:
    """One line on stderr naming the declared bindings nobody emulates or supplied."""
    from workers_env._env import Env, not_emulated_line

    if isinstance(env, Env):
        line = not_emulated_line(env)
        if line:
            _note(line)


def _missing_main(config: Any, main_path: Path) -> str:
    """wrangler's words for a ``main`` that is not there (its ``getMissingEntryPointMessage``;
    the path relative to the current folder, as wrangler shows it). A config with a ``[build]
    command`` gets a note that it has not run: ``load_worker`` and the fixtures never run it
    (``workers-env dev`` does, and words a main still missing after it as wrangler does)."""
    text = (f'The entry-point file at "{display_path(main_path)}" was not found.\n\n'
            "This might mean that your entry-point file needs to be generated (which is the general case when a "
            "framework is being used).\nIf that's the case please run your project's build command and try again.")
    command = build_command(config)
    if command:
        text += (f"\n(workers-env: the config's [build] command `{command}` has not run: load_worker and the pytest "
                 "fixtures never run it, workers-env dev does.)")
    return text + near_main(config, main_path)


_TOOLING_STEMS = frozenset({"conftest", "setup", "noxfile", "fabfile", "manage"})
_NOT_SOURCE_DIRS = frozenset({"node_modules", "site-packages", "dist-packages", "__pycache__", "build", "dist"})
_WALK_LIMIT = 400  # folders looked at for a misspelt folder of ``main``


def _file_kind(name: str) -> str | None:
    """What a file is when it is not a likely entry point: a dunder module (``__main__.py``,
    ``__init__.py``), a hidden or private file, a test (``test_x.py``, ``x_test.py``) or a tool's
    file (``conftest.py``, ``setup.py``); ``None`` for any other name."""
    stem = name.split(".", 1)[0]
    if stem.startswith("__") and stem.endswith("__"):
        return "dunder"
    if name.startswith((".", "_")):
        return "hidden"
    if stem.startswith("test_") or stem.endswith("_test") or stem in ("test", "tests"):
        return "test"
    if stem in _TOOLING_STEMS:
        return "tooling"
    return None


def _entry_names(folder: Path, suffix: str, wanted_kind: str | None) -> list[str]:
    """The files of ``folder`` a missing ``main`` may mean: importable as the main module (a
    stem with a dot, ``entry.bak.py``, is not) and no test, dunder, hidden or tool file -- unless
    ``main`` names one of that kind itself."""
    return sorted(p.name for p in folder.iterdir()
                  if p.suffix == suffix and "." not in p.stem and _file_kind(p.name) in (None, wanted_kind)
                  and p.is_file())


def _source_folders(root: Path, wanted_kinds: frozenset[str | None] = frozenset()) -> list[Path]:
    """The project's folders under ``root`` (itself included), breadth first, leaving out hidden
    ones, virtual environments (a ``pyvenv.cfg``), installed packages and build output, and test
    and dunder folders (``tests``, ``__app__``) unless ``main`` names a folder of that kind itself
    (``wanted_kinds``, as :func:`_entry_names` keeps such files when ``main`` names one)."""
    found: list[Path] = []
    queue = collections.deque([root])
    while queue and len(found) < _WALK_LIMIT:
        folder = queue.popleft()
        found.append(folder)
        try:  # the entry's type as the folder listing gives it: no stat per file of a data folder
            with os.scandir(folder) as entries:
                children = sorted(folder / entry.name for entry in entries if entry.is_dir())
        except OSError:
            continue
        queue.extend(p for p in children
                     if not p.name.startswith(".") and p.name not in _NOT_SOURCE_DIRS
                     and (_file_kind(p.name) not in ("test", "dunder") or _file_kind(p.name) in wanted_kinds)
                     and not (p / "pyvenv.cfg").exists())
    return found


def near_main(config: Any, main_path: Path) -> str:
    """A note naming the file a missing ``main`` likely means (a typo in ``main =
    "src/entri.py"``, or in its folder, ``"scr/entry.py"``), or nothing. Only files that can be an
    entry point are named: not ``__main__.py``, tests, hidden files or those of a virtual
    environment or installed package."""
    wanted_kind = _file_kind(main_path.name)
    near: list[str] = []
    try:
        if main_path.parent.is_dir():
            names = _entry_names(main_path.parent, main_path.suffix, wanted_kind)
            near = [str(main_path.with_name(name)) for name in difflib.get_close_matches(main_path.name, names, n=1)]
        else:
            root = getattr(config, "root", None)
            if isinstance(root, Path) and root.is_dir() and main_path.is_relative_to(root):
                wanted = main_path.relative_to(root).as_posix()
                folder_kinds = frozenset(_file_kind(part) for part in main_path.relative_to(root).parent.parts)
                paths = {(folder / name).relative_to(root).as_posix(): folder / name
                         for folder in _source_folders(root, folder_kinds)
                         for name in _entry_names(folder, main_path.suffix, wanted_kind)}
                near = [str(paths[p]) for p in difflib.get_close_matches(wanted, sorted(paths), n=1)]
    except OSError:
        return ""
    if not near:
        return ""
    config_name = getattr(getattr(config, "path", None), "name", "the config")
    return (f'\n(workers-env: did you mean "{display_path(Path(near[0]))}"? `main` in {config_name} '
            "names the file to run.)")


_ANNOUNCED: set[tuple[str, Path]] = set()  # (which line, project root): each said once per process
_ANNOUNCED_LOCK = threading.Lock()


#: the lines :func:`_first_time` prints once a project (a key, no text: the line itself is built apart)
_OnceLine = Literal["queue consumers", "main only", "cf-requirements", "requirements.txt", "failing build",
                   "unvendored"]


def _first_time(kind: _OnceLine, root: Path) -> bool:
    """Whether the line ``kind`` has not been printed for ``root`` yet in this process."""
    with _ANNOUNCED_LOCK:
        if (kind, root) in _ANNOUNCED:
            return False
        _ANNOUNCED.add((kind, root))
        return True


def queue_consumer_names(config: Any) -> list[str]:
    """The queues the config's ``queues.consumers`` entries consume (a nameless entry: ``?``)
    that none of its ``queues.producers`` sends to and no consumer names as its dead-letter queue."""
    merged = getattr(config, "merged", None)
    if not isinstance(merged, dict):
        return []
    consumers = queue_entries(merged, "consumers")
    produced = {p.get("queue") for p in queue_entries(merged, "producers") if isinstance(p, dict)}
    produced |= {c.get("dead_letter_queue") for c in consumers if isinstance(c, dict)}  # fed by the broker
    names = [str(c.get("queue")) if isinstance(c, dict) and c.get("queue") else "?" for c in consumers]
    return [name for name in names if name not in produced]


def _announce_queue_consumers(config: Any) -> None:
    """One line on stderr, once per project, when the config consumes a queue none of its
    producers sends to: workers-env delivers only what the Worker itself sends (or another Worker
    of its ``dev -c A -c B`` session), while wrangler dev also takes what a producer in another
    local dev session sends (its dev registry)."""
    names = queue_consumer_names(config)
    if not names or not _first_time("queue consumers", Path(getattr(config, "root", ".")).resolve()):
        return
    shown = ", ".join(names)
    _note(f"workers-env: queues.consumers ({shown}): no producer of this Worker sends to it, and workers-env "
          f"delivers to queue() only what the Worker itself sends, or another Worker of its dev -c A -c B session "
          f"(wrangler dev also takes what another local dev session sends); deliver a batch yourself: await "
          f"worker.queue([...], queue={names[0]!r}) in a test or script")


def _announce_main_only(config: Any, main_path: Path) -> None:
    """One line on stderr when ``find_additional_modules = false`` leaves packages behind: wrangler
    then uploads ``main`` alone, so neither ``python_modules/`` nor the packages the project
    declares are there once deployed, while locally they import from the virtualenv."""
    root = Path(getattr(config, "root", main_path.parent))
    if ("main only", root.resolve()) in _ANNOUNCED:  # said already: no files to read again
        return
    declared = declared_packages(root, python_release(config).python)
    if (not declared and not (root / "python_modules").is_dir()) or not _first_time("main only", root.resolve()):
        return
    what = f"the packages it declares ({', '.join(declared)})" if declared else "the packages in python_modules/"
    shown = main_path.resolve().relative_to(root.resolve()).as_posix() if main_path.resolve().is_relative_to(root.resolve()) else main_path.name
    _note(f"workers-env: find_additional_modules = false: wrangler uploads only main ({shown}) ({MAIN_ONLY_SINCE}), not "
          f"python_modules/, so {what} are not there once deployed; workers-env still imports them from your "
          "virtualenv. Remove that line (or set it to true) to deploy them.")


def _announce_cf_requirements(config: Any) -> None:
    """wrangler's warning for a ``cf-requirements.txt`` in the project folder, on stderr once."""
    root = Path(getattr(config, "root", "."))
    warning = cf_requirements_warning(root)
    if warning is not None and _first_time("cf-requirements", root.resolve()):
        _note(f"\u25b2 [WARNING] {warning}\n")  # logger.warn's layout


def _announce_requirements_txt(config: Any) -> None:
    """One line on stderr, once per project, when a ``requirements.txt`` beside the config lists
    packages and no ``python_modules/`` is there: production once loaded them from its built-in
    packages, which workerd removed (0665be3); now nothing reads the file -- wrangler uploads no
    package of it and ``pywrangler sync`` refuses the project -- so they are not there once
    deployed, while workers-env imports them from the virtualenv."""
    root = Path(getattr(config, "root", "."))
    if (root / "python_modules").is_dir():
        return
    names = requirements_txt_names(root)
    if names and _first_time("requirements.txt", root.resolve()):
        _note(f"workers-env: requirements.txt lists {', '.join(names)}, which nothing reads any more: the runtime's "
              "built-in packages are gone (workerd 0665be3), wrangler uploads none of them, and pywrangler refuses "
              f"a project holding the file (\"{root / 'requirements.txt'} exists. Delete the file to continue.\"); so "
              "they are not there once deployed (ModuleNotFoundError), while workers-env imports them from your "
              "virtualenv. Move the Worker's own packages to pyproject.toml's dependencies (tools such as pytest to "
              "a dev dependency group: they are not deployed), delete requirements.txt and deploy with "
              "`uv run pywrangler deploy`, which vendors them.")


def _announce_failing_build(config: Any, unfound: str | None, missing: MissingSdk | None) -> None:
    """One line on stderr when the config's ``[build] command`` runs a syncing pywrangler command
    and no ``pyproject.toml`` is there for it (``unfound``, :func:`failing_build_note`): deployed,
    pywrangler exits with 1, so the build fails and nothing is deployed, while locally the Worker
    runs (the build never runs here). Where the SDK only that build would vendor is missing
    (``missing``), ``load_worker`` raises instead (:func:`missing_sdk_reason` says the same)."""
    note = failing_build_note(config, unfound=unfound)
    if note is None:
        return
    root = Path(getattr(config, "root", ".")).resolve()
    if (missing is None or not missing.build_fails) and _first_time("failing build", root):
        _note(note)


def _announce_unvendored(config: Any) -> None:
    """One line on stderr when the project deploys with plain wrangler (its CI runs
    ``wrangler-action`` or ``wrangler deploy``, never pywrangler) and has no ``python_modules/``:
    wrangler then uploads no packages, so those ``pyproject.toml`` declares are not there once
    deployed, while locally they import from the virtualenv."""
    root = Path(getattr(config, "root", "."))
    if ("unvendored", resolved(root)) in _ANNOUNCED or _vendors_declared(config):
        return
    declared = declared_packages(root, python_release(config).python, pywrangler_own=False)
    if declared and _first_time("unvendored", root.resolve()):
        _note(f"workers-env: this project deploys with plain wrangler (its CI never runs pywrangler) and has no "
              f"python_modules/, so wrangler uploads no packages: the ones it declares ({', '.join(declared)}) are "
              "not there once deployed; workers-env still imports them from your virtualenv. Deploy with "
              "`uv run pywrangler deploy`, which vendors them.")


def _vendors_declared(config: Any) -> bool:
    """Whether production gets the packages ``pyproject.toml`` declares: ``pywrangler`` deploys the
    project (or its build syncs), or a committed ``python_modules/`` goes up -- the opposite of
    :func:`_announce_unvendored`'s plain-wrangler case."""
    root = Path(getattr(config, "root", "."))
    return (root / "python_modules").is_dir() or build_syncs(config) or not deploys_with_plain_wrangler(root)


def _watch_uninstalled(config: Any, runtime: WorkerRuntime) -> None:
    """A line on stderr when the Worker imports a package ``pyproject.toml`` declares that this
    environment lacks while production has it (:mod:`workers_env.runtime.uninstalled`)."""
    root = Path(getattr(config, "root", "."))
    if (root / "pyproject.toml").is_file() and _vendors_declared(config):
        watch_uninstalled(runtime, root, python_release(config).python)


def _asset_server(config: Any) -> AssetServer | None:
    """The config's static assets, served in front of the Worker (``None`` without a
    ``directory``); a directory the upload would refuse is refused here too, and wrangler dev's
    lines on the ``_redirects`` and ``_headers`` files go to stderr."""
    table = assets_config(config)
    if table is None:
        return None
    server = AssetServer(table, root=config.root, compatibility_date=compatibility_date(config),
                         compatibility_flags=tuple(getattr(config, "compatibility_flags", ()) or ()))
    directory = server.manifest.directory
    if not directory.is_dir():
        raise ConfigError(
            f'The directory specified by the "assets.directory" field in your configuration file does not exist:\n'
            f"{directory}", path=str(getattr(config, "path", "")))
    server.manifest.check_limits()
    redirects = server.redirect_rules()  # the parse the first request uses too
    if redirects is not None:  # wrangler dev's lines as it reads the file (the path as from the working folder)
        try:
            named = os.path.relpath(directory / "_redirects")
        except ValueError:  # another drive
            named = str(directory / "_redirects")
        for line in redirects.report(named):
            _note(line)
    elif os.path.lexists(directory / "_redirects"):  # wrangler dev stops on it (EISDIR, EACCES): said, not applied
        _note(f"workers-env: {directory / '_redirects'} cannot be read as a file: its redirect rules are not applied")
    rules = server.header_rules()
    if rules is not None:  # wrangler dev's lines as it reads the file (the path as from the working folder)
        try:
            where = os.path.relpath(directory / "_headers")
        except ValueError:  # another drive
            where = str(directory / "_headers")
        for line in rules.report(where):
            _note(line)
    return server


def _note_python_version(exc: SyntaxError, config: Any) -> None:
    """Say so when the Worker's code is newer than this interpreter: production runs it on the
    Python of its compatibility era (3.12 to 3.14), workers-env on the one it runs under -- only
    when the error falls on syntax a Python after this one and up to the era's added
    (``runtime/syntaxhints.py``): any other error fails under the era's Python too."""
    if "(unicode error)" in str(exc.msg) or "Non-UTF-8" in str(exc.msg):  # bytes, not syntax: no Python fixes it
        add_hint(exc, "Save the file as UTF-8: production's Python reads Worker modules as UTF-8 as well.")
        return
    member = keyword_member_hint(exc)
    if member is not None:  # ``Buffer.from(...)``: no Python takes it, so no interpreter's era is to blame
        add_hint(exc, member)
        return
    release = python_release(config)
    newer = newer_syntax(exc)
    if newer is None or not sys.version_info[:2] < newer[0] <= release.python:
        return
    era = f"the {release.flag.enable} flag" if release.flag is not None else "python_workers"
    wanted = ".".join(map(str, release.python))
    note = (f"workers-env imports the Worker with this interpreter, Python {sys.version_info[0]}.{sys.version_info[1]}; "
            f"production runs it on Python {wanted} (Pyodide {release.pyodide}, {era} at compatibility date "
            f"{compatibility_date(config)}). This line uses {newer[1]}, syntax of Python "
            f"{'.'.join(map(str, newer[0]))}: run workers-env under Python {wanted}.")
    add_hint(exc, note)


def _note_missing_module(config: Any, main_only: bool, exc: ModuleNotFoundError) -> None:
    """The notes of a Worker's failed import, at its top level or in a handler (leftovers60: a
    handler's had none): a package only in ``python_modules/``, a declared one this environment
    lacks, an undeclared one."""
    _note_vendored_only(exc, getattr(config, "root", None))
    _note_uninstalled(exc, config, main_only)
    _note_undeclared(exc, config, main_only)


def _note_handler_import(config: Any, main_only: bool, exc: ModuleNotFoundError) -> None:
    """:func:`_note_missing_module` for an import a handler's code made, unless a note is there
    already (one Worker's error passed on by another's handler: the first Worker's note)."""
    if not getattr(exc, "__notes__", None):
        _note_missing_module(config, main_only, exc)


def _note_uninstalled(exc: ModuleNotFoundError, config: Any, main_only: bool) -> None:
    """Say so when the module the Worker's import missed is a package ``pyproject.toml`` declares
    that production has (pywrangler vendors it) and this environment lacks -- found running a
    public CSV-profiling Worker whose ``import pandas`` met a virtualenv without pandas."""
    root = getattr(config, "root", None)
    if main_only or not exc.name or getattr(exc, "__notes__", None) or root is None or not _vendors_declared(config):
        return
    note = uninstalled_note(exc, Path(root), python_release(config).python)
    if note is not None:
        add_hint(exc, note)


def _note_undeclared(exc: ModuleNotFoundError, config: Any, main_only: bool) -> None:
    """Say how to declare and install a package the Worker's own code imports that neither this
    environment nor ``pyproject.toml`` has, when no note above said more (``runtime/undeclared.py``)."""
    root = getattr(config, "root", None)
    if main_only or getattr(exc, "__notes__", None) or root is None:
        return
    note = undeclared_note(exc, Path(root), python_release(config).python)
    if note is not None:
        add_hint(exc, note)


def _note_vendored_only(exc: ModuleNotFoundError, project: Any) -> None:
    """Say so when the package the Worker's import missed is in the project's ``python_modules/``:
    production imports it from there (workerd puts the uploaded folder on ``sys.path``), while
    workers-env imports the Worker's packages from the environment it runs in (``python_modules/``
    holds Pyodide's builds, whose compiled parts CPython cannot load) -- found running
    nuralivafoyev02/uyqur-ai, which commits its ``python_modules/`` and installs nothing."""
    missing = exc.name or ""
    parts = missing.split(".")
    name = parts[0]
    if not name or not isinstance(project, Path):
        return
    vendored = project / "python_modules"
    held = vendored.joinpath(*parts)  # the module missed itself, not only its top-level package
    if not (held.is_dir() or held.with_name(f"{parts[-1]}.py").is_file() or any(held.parent.glob(f"{parts[-1]}.*.so"))):
        return
    wanted, version = name, ""
    for info in sorted(vendored.glob("*.dist-info")):  # the distribution whose top_level.txt or RECORD names it
        try:
            top = (info / "top_level.txt").read_text().split() if (info / "top_level.txt").is_file() else []
            record = (info / "RECORD").read_text() if not top and (info / "RECORD").is_file() else ""
        except (OSError, UnicodeDecodeError):
            continue
        if name in top or record.startswith(f"{name}/") or f"\n{name}/" in record or f"\n{name}.py," in record:
            stem = info.name[:-len(".dist-info")]  # name-version; a folder without the version names only the name
            wanted, _, version = stem.rpartition("-") if "-" in stem else (stem, "", "")
            break
    if len(parts) > 1:  # the environment has the package (Python imported it), without this module
        add_hint(exc, f"workers-env: python_modules/{'/'.join(parts)} holds it, and production imports it from there; "
                      f"the {name} workers-env imports, from the Python environment it runs in, has no {missing}: "
                      f"install the version python_modules/ holds there: "
                      + (f"pip install {wanted}=={version}." if version else f"pip install --upgrade {wanted}."))
        return
    add_hint(exc, f"workers-env: python_modules/{name} holds it, and production imports it from there; workers-env "
                  f"imports the Worker's packages from the Python environment it runs in, not python_modules/ "
                  f"(Pyodide's builds). Install it there: pip install {wanted} (or every dependency the project "
                  f"declares: uv pip install -r pyproject.toml).")


def load_worker(
    path: str | PathLike[str] | None = None,
    *,
    env: Any = None,
    environment: str | None = None,
    bindings: Mapping[str, Any] | None = None,
) -> Worker:
    """Load the Python Worker named by ``main`` in the wrangler config (or ``env.config``).

    ``env`` defaults to ``load_env(path, environment=environment, bindings=bindings)``
    (``bindings``: objects you supply, another loaded Worker among them as a service binding).
    The worker's modules are imported with the runtime stand-ins (``workers``, ``js``,
    ``pyodide.ffi``) and the folder of ``main`` on ``sys.path``; both are removed again once
    loading is done.
    """
    if env is None:
        from workers_env._env import (
            load_env,  # the Env layer; imported late to keep start-up light
        )

        env = load_env(path, environment=environment, bindings=bindings)
    elif bindings is not None:
        raise WorkersEnvError("load_worker(env=..., bindings=...): the env is built already; pass the bindings to "
                              "load_env(..., bindings=...) instead")
    return _load(env, announce=True)


def reload_worker(env: Any) -> Worker:
    """The Worker of ``env`` loaded afresh (``workers-env dev`` after an edit): its modules
    imported anew, not the ones a previous load holds; the declared bindings nobody emulates
    are not named again, as the bindings did not change."""
    return _load(env, announce=False)


def _load(env: Any, *, announce: bool) -> Worker:
    # the project's files read once for the load's questions, afresh on the next; sys.modules' walks share a look
    with one_load() as done_reading, looked_at_once():
        return _loading(env, announce, done_reading)


def _loading(env: Any, announce: bool, done_reading: Callable[[], None]) -> Worker:
    config = env.config
    main_path = getattr(config, "main_path", None)
    if main_path is None:
        raise ConfigError('the wrangler config has no "main": name the Python Worker\'s entry file, e.g. main = "src/entry.py"')
    main_path = Path(main_path)
    if main_path.suffix != ".py":
        raise ConfigError("Main module needs to end with a .py file extension", path=str(main_path))
    if not main_path.is_file():
        raise ConfigError(_missing_main(config, main_path), path=str(main_path))
    start_problem = compatibility_date_problem(config) or compatibility_flags_problem(config)
    if start_problem is not None:  # the runtime would not start: wrangler dev and deploy refuse it
        raise ConfigError(start_problem, path=str(getattr(config, "path", "")) or None)
    itself = _bind_itself(env, config)  # before the not-emulated line, which then leaves them out
    if announce:
        _announce_not_emulated(env)
        _announce_queue_consumers(config)
    threadpool.install()  # anyio's thread pool as production has it (runtime/threadpool.py)
    newloops.install()  # asyncio.new_event_loop() in Worker code: a WebLoop made the running loop (runtime/newloops.py)
    sockets.install()  # Emscripten's fake DNS for socket.gethostbyname & co (runtime/sockets.py)
    osenviron.install()  # os.environ: each Worker's own, production's few variables (runtime/osenviron.py)
    identity.install()  # sys.argv, getpid, uname & co: Pyodide's for Worker code (runtime/identity.py)
    processes.install()  # os.system and multiprocessing's spawn as Pyodide has them (runtime/processes.py)
    zonedata.install()  # no time zone database but a vendored tzdata, as in Pyodide (runtime/zonedata.py)
    era = era_of(config)
    pyodide_version = python_release(config).pyodide
    null_is_none = pyodide_version.startswith("0.26")  # Pyodide 0.28 made null jsnull
    caches = JsCacheStorage(CacheStore(env_clock(env).now_ms))  # the Worker's own Cache API, on its clock
    merged = getattr(config, "merged", None)
    uploads = uploads_of(merged, config.root, main_path, config.path) if isinstance(merged, dict) else None
    if uploads is not None:
        install_upload_check()
    main_only = uploads is not None and not uploads.find_additional_modules
    if uploads is not None and not main_only:  # wrangler's findAdditionalModules: a refusal, a warning
        problem = python_modules_problem(Path(config.root), uploads.root)
        if problem is not None:
            raise ConfigError(problem, path=str(uploads.root / "python_modules"))
        if announce:
            _announce_cf_requirements(config)
            _announce_requirements_txt(config)
    if main_only:
        _announce_main_only(config, main_path)
    else:
        _announce_unvendored(config)
    unfound = unfound_pyproject(config)  # pywrangler's walk up the build's folders: once a load
    missing = missing_sdk_reason(config, unfound=unfound)
    _announce_failing_build(config, unfound, missing)
    # before 2025-08-11 workerd puts the uploaded vendor/ folder on sys.path (setup_python_search_path.py)
    vendor = main_path.parent / "vendor"
    legacy_vendor = vendor.is_dir() and not main_only and not flag_enabled(PYTHON_FORCE_NEW_VENDOR_PATH, config)
    runtime = WorkerRuntime(JsEnv(env, era), era, null_is_none, caches, node_globals=node_globals(config),
                            cf_worker=cf_worker_zone_of(env) or cf_worker_zone(config), uploads=uploads,
                            brotli_content_encoding=flag_enabled(BROTLI_CONTENT_ENCODING, config),
                            fetch_standard_url=flag_enabled(FETCH_STANDARD_URL, config),
                            strip_authorization_on_redirect=flag_enabled(
                                STRIP_AUTHORIZATION_ON_CROSS_ORIGIN_REDIRECT, config),
                            transform_stream_backpressure=flag_enabled(FIXUP_TRANSFORM_STREAM_BACKPRESSURE, config),
                            transform_stream_standard=flag_enabled(TRANSFORM_STREAM_STANDARD_CONSTRUCTOR, config),
                            request_signal=flag_enabled(ENABLE_REQUEST_SIGNAL, config),
                            request_signal_passthrough=flag_enabled(REQUEST_SIGNAL_PASSTHROUGH, config),
                            cache_modes=cache_modes(config),
                            internal_abort_clears_queue=flag_enabled(INTERNAL_WRITABLE_STREAM_ABORT_CLEARS_QUEUE,
                                                                     config),
                            writable_stream_spec_compliant_writer=flag_enabled(WRITABLE_STREAM_SPEC_COMPLIANT_WRITER,
                                                                               config),
                            eval_during_startup=flag_enabled(ALLOW_EVAL_DURING_STARTUP, config),
                            pipe_to_backward_propagation=flag_enabled(PIPE_TO_BACKWARD_PROPAGATION, config),
                            spec_compliant_dispatch_exceptions=flag_enabled(SPEC_COMPLIANT_DISPATCH_EXCEPTIONS,
                                                                            config),
                            pyodide_version=pyodide_version, compat_flags=workerd_flag_values(config))
    module_root = uploads.root if uploads is not None else main_path.parent
    osenviron.track(runtime, module_root, python_release(config).python)
    project = getattr(config, "root", None)  # your tests' own modules: never the Worker's (runtime/hostmodules.py)
    note_host_modules(tuple(str(resolved(Path(f))) + os.sep for f in (module_root, project) if f is not None), is_a_workers_own)
    if not main_only:
        _watch_uninstalled(config, runtime)
        if getattr(config, "root", None):  # a synced python_modules/ uploads as it is (runtime/unsynced.py)
            watch_unsynced(runtime, Path(config.root), module_root)
    install_production_hash(main_path.parent)
    install_session_hook()  # sys.path entries naming /session/metadata: its upload (runtime/sessionpaths.py)
    scope = ImportScope(main_path.parent, runtime=runtime, vendor=vendor if legacy_vendor else None,
                        project=project, main_only=main_path.stem if main_only else None,
                        root=uploads.root if uploads is not None else None)
    # no SDK deployed: `import workers` raises as production's stub does, and so does the start
    no_sdk = without_sdk(missing_sdk_note(config, missing), python_release(config).python) \
        if missing is not None else contextlib.nullcontext()
    done_reading()  # (the Worker's code may change the project's files: asked afresh from here on)
    with scope, top_level_entropy(runtime), no_sdk:  # random, os.urandom as production's top level has them
        if not main_only and flag_enabled(PYTHON_PROCESS_PTH_FILES, config) and getattr(config, "root", None):
            process_pth_files(Path(config.root) / "python_modules")  # site.addsitedir, as workerd's startup
        try:
            module = importlib.import_module(main_path.stem)
        except SyntaxError as exc:
            _note_python_version(exc, config)
            raise
        except ModuleNotFoundError as exc:
            _note_missing_module(config, main_only, exc)
            raise
        finally:  # its setTimeout(cb, 0) calls, once the top level has run (dropped if it failed)
            timers.run_top_level_microtasks(run=sys.exc_info()[0] is None)
    worker = Worker(env=env, main_path=main_path, module=module, scope=scope, no_global_handlers=_no_global_handlers(config),
                    handlers_flagged=set_by_flag(PYTHON_NO_GLOBAL_HANDLERS, config))
    worker.assets = _asset_server(config)
    worker._note_import = functools.partial(_note_handler_import, config, main_only)
    for binding, source in itself.items():
        if source.entrypoint is not None and source.entrypoint not in worker.named_entrypoints():
            raise ConfigError(missing_entrypoint_text(config.name, binding, config.name, source.entrypoint,
                                                      worker.named_entrypoints()))
        source.worker = worker
    return worker
