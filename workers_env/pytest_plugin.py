"""pytest plugin (entry point ``pytest11``): the ``env``, ``worker``, ``seed_vectors``, ``seed_kv`` and ``d1_schema`` fixtures.

Bindings you supply come from the ``workers_env_bindings`` fixture and the
``@pytest.mark.workers_env(bindings=...)`` marker; KV expiry runs on ``workers_env_clock``.

Every test gets a fresh ``env`` with empty in-memory indexes, built from the wrangler
config nearest the test file up to the rootdir, else found from the rootdir (or
``--wrangler-config`` / the ``workers_env_config`` ini option /
``@pytest.mark.workers_env(config=...)``). Data is seeded before the test from
``@pytest.mark.vectorize_seed(...)`` markers, the ``workers_env_seed`` fixture, or by
calling ``seed_vectors``; D1 schemas from ``@pytest.mark.d1_schema(...)``, the
``workers_env_d1_schema`` fixture or ``d1_schema(...)``; KV keys from ``@pytest.mark.kv_seed(...)``,
the ``workers_env_kv_seed`` fixture or ``seed_kv(...)``. Nothing heavy is imported until a fixture is used, so projects
without a wrangler config are not affected.
"""

from __future__ import annotations

import inspect
import os
import re
import sys
from collections.abc import Callable, Generator, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

from workers_env.seeding import _short, binding_named, seed_binding, seed_kv_namespace

if TYPE_CHECKING:
    from workers_env._env import Env
    from workers_env.runtime import Worker

__all__ = ["seed_binding", "seed_kv_namespace", "apply_d1_schema"]  # workers_env.seeding's, named here too

_MARKERS = (
    "workers_env(config=None, environment=None, indexes=None, embedders=None, ai_replies=None, bindings=None, "
    "compatibility_date=None, compatibility_flags=None): "
    "per-test wrangler config path, [env.NAME], index definitions, Workers AI embedders, "
    "scripted text generation replies, bindings you supply ({name: object}) and the compatibility date "
    "and flags run instead of the config's, for the env fixture",
    "vectorize_seed(binding, source, namespace=None): upsert vectors (a list, or an NDJSON file "
    "relative to the test file) into env.<binding> before the test",
    "d1_schema(binding, source=None): before the test, apply the D1 binding's migrations_dir "
    "(source=None), a .sql file or a migrations folder (relative to the test file) to env.<binding>",
    "kv_seed(binding, source): put keys into the KV binding env.<binding> before the test: a dict "
    "{key: value}, a list of items as `wrangler kv bulk put` takes them ({key, value, metadata, expiration, "
    "expiration_ttl, base64}), or such a JSON file (relative to the test file)",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("workers-env", "Cloudflare Worker env and Vectorize bindings (workers-env)")
    group.addoption(
        "--wrangler-config", dest="wrangler_config", default=None, metavar="PATH",
        help="wrangler config file or folder for the env fixture (relative to the current folder)",
    )
    group.addoption(
        "--wrangler-env", dest="wrangler_env", default=None, metavar="NAME",
        help="wrangler environment ([env.NAME]) for the env fixture",
    )
    group.addoption(
        "--compatibility-date", dest="workers_env_compatibility_date", default=None, metavar="DATE",
        help="run the env and worker fixtures on this compatibility_date instead of the config's "
             "(as wrangler dev --compatibility-date)",
    )
    group.addoption(
        "--compatibility-flag", "--compatibility-flags", dest="workers_env_compatibility_flags", action="append",
        default=None, metavar="FLAG",
        help="run the env and worker fixtures with compatibility_flags instead of the config's: one flag each, "
             "repeated for the whole list (as wrangler dev --compatibility-flags; one value each, so a test "
             "path after it is not taken for a flag)",
    )
    parser.addini("workers_env_config", "wrangler config file or folder for the env fixture (relative to the ini file)", default="")
    parser.addini("workers_env_environment", "wrangler environment ([env.NAME]) for the env fixture", default="")
    parser.addini("workers_env_timezone", "the local time zone Worker code sees in the worker fixture: UTC as in "
                  "production (the default), another TZ name, or 'local' for the host's", default="UTC")


def pytest_configure(config: pytest.Config) -> None:
    for line in _MARKERS:
        config.addinivalue_line("markers", line)
    _check_options(config)
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(_XdistWarnings(), "workers_env_xdist")
    if config.getoption("fulltrace", False):  # a rejection's traceback keeps workers-env's frames
        from workers_env.runtime.tracebacks import keep_every_frame

        config.stash[_KEPT_EVERY_FRAME] = keep_every_frame(True)


#: the setting :func:`keep_every_frame` had before this run's ``--full-trace`` (put back at its end)
_KEPT_EVERY_FRAME = pytest.StashKey[bool]()
#: how many ASGI lifespans had started as a test began (runtime/lifespans.py)
_LIFESPANS_BEFORE = pytest.StashKey[int]()


def pytest_unconfigure(config: pytest.Config) -> None:
    if _KEPT_EVERY_FRAME in config.stash:  # an in-process pytester run leaves the outer run's setting
        from workers_env.runtime.tracebacks import keep_every_frame

        keep_every_frame(config.stash[_KEPT_EVERY_FRAME])


def _exists(path: Path) -> bool:
    """``path.exists()``, a path the system cannot look up (too long, ...) counting as absent."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _check_options(config: pytest.Config) -> None:
    """Refuse a wrangler config path that names nothing and a time zone the C library would not
    know (it would run in UTC without a word), before any test runs: a mistake in an option is
    the run's, not each test's. Cheap checks only: nothing heavy is imported for a project that
    does not use the fixtures."""
    option = config.getoption("wrangler_config", None)
    if option and not _exists(config.invocation_params.dir / option):
        raise pytest.UsageError(f"workers-env: --wrangler-config {option}: no such file or folder "
                                f"({config.invocation_params.dir / option}); name a wrangler.toml / wrangler.json(c) "
                                "or the folder holding one, relative to the current folder")
    if option:
        _check_folder(config.invocation_params.dir / option, f"--wrangler-config {option}")
    ini = config.getini("workers_env_config")
    if ini and not option:
        base = config.inipath.parent if config.inipath else config.rootpath
        if not _exists(base / ini):
            raise pytest.UsageError(f"workers-env: the workers_env_config ini option {ini!r} names no file or folder "
                                    f"({base / ini}); name a wrangler.toml / wrangler.json(c) or the folder holding one, "
                                    f"relative to {config.inipath or 'the rootdir'}")
        _check_folder(base / ini, f"the workers_env_config ini option {ini!r}")
    zone = config.getini("workers_env_timezone")
    if zone not in ("", "UTC", "local"):  # the default needs no check (and no import of the runtime)
        from workers_env._errors import ConfigError
        from workers_env.runtime.timezone import check_timezone

        try:
            check_timezone(zone)
        except ConfigError as exc:
            raise pytest.UsageError(f"workers-env: the workers_env_timezone ini option: {exc}") from None


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Leave out the ``python_modules/`` beside a wrangler config: the packages ``pywrangler sync``
    vendors there for production (gitignored build output, as ``node_modules``, which pytest leaves
    out itself) bring their own test files -- networkx 3.6.1's 265 added 6,452 tests to a Worker's
    6, and four minutes (walk59). A run naming the folder, or a path inside it, still collects it:
    pytest asks no ignore hook about a path named on the command line nor the folders above one
    (``Dir.collect``/``Package.collect``: ``isinitpath(path, with_parents=True)``, pytest 9.0.3; 7.4.4
    alike, audit36's PM2) -- the check of the named paths this hook made was dead for them, and for a
    link into ``python_modules/`` named beside the project kept the whole folder (leftovers60)."""
    if collection_path.name != "python_modules" or not collection_path.is_dir():
        return None
    from workers_env.config.wrangler import CONFIG_FILE_NAMES

    if not any((collection_path.parent / name).is_file() for name in CONFIG_FILE_NAMES):
        return None
    return True


@pytest.hookimpl(trylast=True)  # after -k / -m deselected what will not run
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    _check_environment(config, items)


def _check_environment(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Refuse ``--wrangler-env`` / ``workers_env_environment`` naming an environment that a
    config the collected tests' ``env`` reads does not define, once for the run (wrangler's
    rule: an error when the config defines other environments; with none defined, wrangler
    warns and uses the top level, and so do we, in the summary). Only known after collection:
    each test's config is the one nearest its file unless an option names one."""
    option = config.getoption("wrangler_env", None)
    environment = option or config.getini("workers_env_environment") or None
    if not environment:
        return
    from workers_env._errors import ConfigError
    from workers_env._jscoercions import js_truthy
    from workers_env.config import find_config
    from workers_env.config.wrangler import read_config_file

    users: dict[Path, int] = {}
    for item in items:
        if "env" not in getattr(item, "fixturenames", ()):
            continue
        marker = _collected_marker(item)
        if "environment" in marker:  # the marker's own environment wins
            continue
        try:
            found = find_config(_location_for(config, Path(str(item.path)).parent, marker))
        except ConfigError:  # no config: each test says so
            continue
        users[found] = users.get(found, 0) + 1
    missing: list[str] = []
    for path, count in users.items():
        try:
            raw = read_config_file(path)
        except ConfigError:  # a broken config: each test reports it in full
            continue
        envs = raw.get("env")
        # wrangler's rule: an error only when `env` is there by JavaScript truthiness (`env = {}` counts)
        if not js_truthy(envs) or "pages_build_output_dir" in raw or (isinstance(envs, Mapping) and environment in envs):
            continue
        names = ", ".join(f'"{name}"' for name in envs) if isinstance(envs, Mapping) and envs else "none"
        tests = f"{count} test{'' if count == 1 else 's'}"
        missing.append(f"{_short_path(str(path))} ({tests}) defines {names}")
    if missing:
        given = f"--wrangler-env {environment}" if option else f"the workers_env_environment ini option {environment!r}"
        _stop_after_collection(
            config, items, f"workers-env: {given}: no [env.{environment}] in the wrangler config of the tests using env: "
            + "; ".join(missing) + ". Pass an environment the config defines, or none for its top level."
        )


def _stop_after_collection(config: pytest.Config, items: list[pytest.Item], message: str) -> None:
    """Stop the run with a usage error found in the collected tests (exit status 4). In a
    pytest-xdist worker, where raising it would crash the worker (an INTERNALERROR), the worker
    runs no test and hands the message to the controller, which says it and exits 4 alike."""
    output = getattr(config, "workeroutput", None)
    if output is None:
        raise pytest.UsageError(message)
    output[_USAGE_ERROR_KEY] = message
    items.clear()


def _collected_marker(item: pytest.Item) -> dict[str, Any]:
    """The ``workers_env`` markers' keywords as the env fixture merges them (the closest wins),
    read leniently: a malformed marker is the test's own failure, reported when it runs."""
    merged: dict[str, Any] = {}
    for marker in reversed(list(item.iter_markers("workers_env"))):
        merged.update(marker.kwargs)
    if not isinstance(merged.get("config"), (str, os.PathLike)):
        merged.pop("config", None)
    return merged


def _check_folder(path: Path, given: str) -> None:
    """A folder an option names must hold a wrangler config, or have one above it (wrangler's
    search): else every test using ``env`` would fail the same way, so the run stops once."""
    if not path.is_dir():
        return
    from workers_env._errors import ConfigError
    from workers_env.config import find_config

    try:
        find_config(path)
    except ConfigError as exc:
        raise pytest.UsageError(f"workers-env: {given}: {str(exc).splitlines()[0].rstrip('.')}; name a folder holding a "
                                "wrangler.toml / wrangler.json(c), or the file itself") from None


_OUR_FIXTURES = frozenset({"env", "worker", "seed_vectors", "seed_kv", "d1_schema"})


#: what pytest before 8.4 says when it skips an ``async def`` test no plugin ran (8.4 fails it)
_ASYNC_SKIPPED = "async def function and no async plugin installed"


@pytest.hookimpl(hookwrapper=True)  # old-style: pytest 7.4, the oldest we support, has it
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    """An ``async def`` test of ours that no async plugin ran gets pytest's "async def functions
    are not natively supported ... install a plugin", which does not say what is missing; the
    report says it. Before pytest 8.4 such a test was skipped, so a suite that ran nothing
    passed: a test of ours fails instead."""
    if call.excinfo is not None:  # every module the failure went through is loaded by now
        _hide_our_frames()
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed and call.excinfo is not None:
        hint = _unawaited_hint(call.excinfo.value, item) or _dict_method_hint(call.excinfo.value, item)
        if hint:
            report.sections.append(("workers-env", hint))
    function = getattr(item, "obj", None)
    if (report.when != "call" or not (report.failed or report.skipped) or not inspect.iscoroutinefunction(function)
            or not _OUR_FIXTURES & set(getattr(item, "fixturenames", ()))):
        return
    text = str(report.longrepr)
    if report.failed and "not natively supported" in text:
        report.sections.append(("workers-env", _unrun_async_hint(item)))
    elif report.skipped and _ASYNC_SKIPPED in text:
        report.outcome = "failed"
        report.longrepr = f'pytest skipped this test without running it ("{_ASYNC_SKIPPED}")\n\n{_unrun_async_hint(item)}'


#: a test module's import of a name only the Worker has (``ModuleNotFoundError``'s text, as pytest shows it)
_WORKER_ONLY_IMPORT = re.compile(r"ModuleNotFoundError: No module named '(?P<name>workers|js|pyodide)(?:\.[\w.]+)?'")


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None, Any, None]:
    """A test module that imports the Worker's code (``from src.entry import ...``) fails to import
    where that code imports ``workers``, ``js`` or ``pyodide``: production provides them, and so does
    workers-env, to the Worker as it runs -- not to a test's own imports. The report says how a test
    reaches the Worker's module instead; only in a folder with a wrangler config (a Worker's)."""
    outcome = yield
    report = outcome.get_result()
    if not report.failed or not isinstance(collector, pytest.Module):
        return
    found = _WORKER_ONLY_IMPORT.search(str(report.longrepr))
    if found is None or not _in_a_worker_project(Path(str(collector.path)).parent):
        return
    report.sections.append(("workers-env", (
        f"`{found['name']}` exists only inside the Worker: workers-env gives it to the Worker's code as it runs, as "
        "production does, not to a test's own imports (this test module imports it, or imports Worker code that does). "
        "Reach the "
        "Worker through the `worker` fixture instead: `worker.module` is its main module, run (`worker.module.NAME` "
        "for what it defines or imports), and `await worker.call(worker.module.function, ...)` runs one of its "
        "functions inside the Worker")))


def _in_a_worker_project(folder: Path) -> bool:
    """Whether ``folder`` or one above it holds a wrangler config (wrangler's search)."""
    from workers_env._errors import ConfigError
    from workers_env.config import find_config

    try:
        find_config(folder)
    except ConfigError:
        return False
    return True


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Note how many ASGI lifespans have started before the test's fixtures (see the teardown below)."""
    lifespans = sys.modules.get("workers_env.runtime.lifespans")  # (not loaded: none has started)
    item.stash[_LIFESPANS_BEFORE] = lifespans.started() if lifespans is not None else 0


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, Any, None]:
    """Before any fixture is torn down -- the test's event loop would cancel what still waits as
    it closes -- the ASGI lifespans the test's Workers started and left waiting (the ``worker``
    fixture's, one it loaded itself with ``load_worker``) are ended without resuming them, as
    production's isolate ends them (runtime/lifespans.py): the built-in bridge never shuts one
    down, the external SDK each after its request; the app's shutdown code never runs at the
    test's end (review78: the loop's closing ran it; review80: a second Worker's still did)."""
    lifespans = sys.modules.get("workers_env.runtime.lifespans")
    if lifespans is not None:
        lifespans.abandon(since=item.stash.get(_LIFESPANS_BEFORE, 0))
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef: Any, request: pytest.FixtureRequest) -> Generator[None, Any, None]:
    """A fixture giving an event loop (pytest-asyncio's runner, an ``event_loop`` fixture): just
    before it closes the loop -- after every fixture using it is torn down -- the ASGI lifespans
    still waiting on that loop are ended as the test's teardown ends its own (see above). One a
    fixture's teardown started by a request after that (audit29) was cancelled as the loop closed
    and ran the app's shutdown code, which production never runs."""
    outcome = yield
    loop = _loop_given(outcome.get_result()) if outcome.excinfo is None else None
    if loop is not None:  # (a fixture's own teardown is its first finalizer: this one runs before it)
        fixturedef.addfinalizer(lambda: _end_lifespans_on(loop))


def _loop_given(value: Any) -> Any:
    """The event loop ``value`` is or runs (an ``asyncio.Runner``'s), else None. Asked of its type,
    not ``isinstance``: that reads ``__class__``, which loads a module ``LazyLoader`` holds back
    when a fixture gives one (and runs a stand-in's ``__getattr__``)."""
    asyncio = sys.modules.get("asyncio")  # (not imported: no loop to look for)
    if asyncio is None:
        return None
    kind = type(value)
    if issubclass(kind, asyncio.AbstractEventLoop):
        return value
    if issubclass(kind, asyncio.Runner):
        try:
            return value.get_loop()
        except RuntimeError:  # (closed already)
            return None
    return None


def _end_lifespans_on(loop: Any) -> None:
    """End the lifespans still waiting on ``loop`` (runtime/lifespans.py), unless it is closed."""
    lifespans = sys.modules.get("workers_env.runtime.lifespans")
    if lifespans is not None and not loop.is_closed():
        lifespans.abandon(loop=loop)


def _unawaited_hint(error: BaseException, item: pytest.Item) -> str | None:
    """What to say when a test of ours failed reading an awaitable as its value (``resp =
    worker.fetch(...)`` then ``resp.status``): Python's "'coroutine' object has no attribute"
    does not say that an ``await`` is missing. A Worker's own such error carries its note already."""
    from workers_env.runtime.handlererrors import UNAWAITED_NOTE, unawaited_error

    if (not _OUR_FIXTURES & set(getattr(item, "fixturenames", ())) or not unawaited_error(error)
            or UNAWAITED_NOTE in getattr(error, "__notes__", ())):
        return None
    return ("The test used an awaitable as the value it gives: a call was not awaited. worker.fetch(...) and every "
            "binding method of env (env.VECTORIZE.query(...), env.KV.get(...), ...) are async, and so are a response's "
            "body reads (resp.json(), resp.text(), resp.bytes()): write `await` before "
            "the call, in an `async def` test.")


def _dict_method_hint(error: BaseException, item: pytest.Item) -> str | None:
    """What to say when a test of ours failed on a binding result's key named like a dict method,
    read as an attribute (``len(listed.keys)`` of ``env.KV.list()``: the dict's method). A Worker's
    own such error carries its note already."""
    from workers_env.runtime.dictmethodread import dict_method_note

    if not _OUR_FIXTURES & set(getattr(item, "fixturenames", ())):
        return None
    note = dict_method_note(error)
    if note is None or note in getattr(error, "__notes__", ()):
        return None
    return note.removeprefix("workers-env: ")


def _hidden_frame(excinfo: Any) -> bool:
    """pytest's ``__tracebackhide__`` for workers-env's frames (:mod:`workers_env.runtime.tracebacks`:
    left out when the error is workers-env's answer to the user's code or came from the user's
    code; kept when it started inside workers-env otherwise). ``--full-trace`` shows them all."""
    from workers_env.runtime.tracebacks import hides_our_frames

    return excinfo is not None and hides_our_frames(excinfo.value, excinfo.tb)


def _hide_our_frames() -> None:
    """Mark every loaded workers-env module with :func:`_hidden_frame` (pytest reads
    ``__tracebackhide__`` from a frame's globals), so a failing test's traceback runs from the
    test to the user's code and the error, without the library's frames between."""
    for name, module in list(sys.modules.items()):
        if (name == "workers_env" or name.startswith("workers_env.")) and name != __name__ and module is not None:
            if getattr(module, "__tracebackhide__", None) is not _hidden_frame:
                try:
                    module.__tracebackhide__ = _hidden_frame  # type: ignore[attr-defined]
                except (AttributeError, TypeError):  # a module object that takes no attributes
                    continue


def _unrun_async_hint(item: pytest.Item) -> str:
    """Why no plugin ran the ``async def`` test ``item``, and the fix for the plugins at hand."""
    plugins = item.config.pluginmanager
    if plugins.hasplugin("asyncio"):
        if item.get_closest_marker("asyncio") is not None:
            return "This test is `async def` and marked @pytest.mark.asyncio, but pytest-asyncio did not run it."
        return ("This test is `async def` but pytest-asyncio did not run it: in strict mode (pytest-asyncio's "
                "default) a test needs @pytest.mark.asyncio -- or set "
                f"{_auto_mode_where(item.config)} to run every async test.")
    missing, fix = _why_no_pytest_asyncio(plugins)
    if plugins.hasplugin("anyio"):
        return (f"This test is `async def` but no plugin ran it: {missing}, and anyio's "
                "pytest plugin runs only tests marked @pytest.mark.anyio -- mark it so (with anyio_backend "
                f"\"asyncio\", what Workers run on), or {fix} and mark it @pytest.mark.asyncio.")
    return (f"This test is `async def` but no plugin ran it: {missing}: "
            f"{fix}, then mark the test "
            f"@pytest.mark.asyncio or set {_auto_mode_where(item.config)}.")


def _auto_mode_where(config: pytest.Config) -> str:
    """Where ``asyncio_mode = auto`` goes: the section of the file pytest read its settings from
    (a ``pytest.ini`` beside ``pyproject.toml`` wins, and pyproject's table is then ignored)."""
    inipath = getattr(config, "inipath", None)
    name = inipath.name if inipath is not None else None
    if inipath is not None and name in ("pytest.ini", ".pytest.ini", "tox.ini", "setup.cfg"):
        section = "[tool:pytest]" if name == "setup.cfg" else "[pytest]"
        beside = inipath.parent / "pyproject.toml"  # the file the quick start writes, shadowed by this one
        ignored = (" (pytest reads its settings from that file, not from pyproject.toml)"
                   if name != "setup.cfg" and beside.is_file() else "")
        return f"asyncio_mode = auto under {section} in {name}{ignored}"
    if name in ("pytest.toml", ".pytest.toml"):
        return f'asyncio_mode = "auto" under [pytest] in {name}'
    return 'asyncio_mode = "auto" under [tool.pytest.ini_options] in pyproject.toml (or [pytest] in pytest.ini)'


def _why_no_pytest_asyncio(plugins: pytest.PytestPluginManager) -> tuple[str, str]:
    """Why pytest-asyncio is not running, and the fix: turned off, not loaded, or not installed."""
    from importlib.util import find_spec

    if plugins.is_blocked("asyncio"):
        return "pytest-asyncio is turned off (-p no:asyncio)", "drop -p no:asyncio"
    try:
        installed = find_spec("pytest_asyncio") is not None
    except (ImportError, ValueError):
        installed = False
    if installed:  # PYTEST_DISABLE_PLUGIN_AUTOLOAD, without -p asyncio
        return ("pytest-asyncio is installed but not loaded (plugin autoloading is off)",
                "load it with -p pytest_asyncio.plugin")
    return "pytest-asyncio is not installed", "pip install 'workers-env[pytest]' (pytest-asyncio comes with it)"


# -- fixtures --------------------------------------------------------------------------------


#: the keywords of ``@pytest.mark.workers_env`` (its line in ``_MARKERS``)
_ENV_MARKER_KEYWORDS = ("config", "environment", "indexes", "embedders", "ai_replies", "bindings",
                        "compatibility_date", "compatibility_flags")


def _marker_kwargs(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The ``workers_env`` markers' keywords, the closest marker winning, each checked: a
    positional argument or a misspelt keyword would otherwise be dropped without a word."""
    takes = ", ".join(f"{k}=" for k in _ENV_MARKER_KEYWORDS)
    merged: dict[str, Any] = {}
    for marker in reversed(list(request.node.iter_markers("workers_env"))):  # closest wins
        if marker.args:
            _fail(f"workers-env: @pytest.mark.workers_env takes keyword arguments only ({takes}), "
                  f"got {', '.join(_short(a) for a in marker.args)} by position")
        for key in marker.kwargs:
            if key not in _ENV_MARKER_KEYWORDS:
                _fail(f"workers-env: @pytest.mark.workers_env has no argument {key}={_did_you_mean(key)}; it takes {takes}")
        merged.update(marker.kwargs)
    checks: tuple[tuple[str, Any, str], ...] = (
        ("config", (str, os.PathLike), "a wrangler config file or folder (a str or path, relative to the test file)"),
        ("environment", str, 'an [env.NAME] name, a str such as "staging"'),
        ("indexes", Mapping, "{index name: definition}"),
        ("embedders", Mapping, '{model name: function or "package.module:function"}'),
        ("bindings", Mapping, "{binding name: object}"),
        ("compatibility_date", str, 'a date such as "2026-11-17"'),
        ("compatibility_flags", (list, tuple), 'a list of flag names such as ["python_workers"]'),
    )
    for key, kinds, what in checks:
        value = merged.get(key)
        if value is not None and not isinstance(value, kinds):
            _fail(f"workers-env: @pytest.mark.workers_env({key}=...) takes {what}, got {type(value).__name__} {_short(value)}")
    wrong = [flag for flag in merged.get("compatibility_flags") or () if not isinstance(flag, str)]
    if wrong:  # (else load_env's own words, naming its argument, not the marker)
        _fail("workers-env: @pytest.mark.workers_env(compatibility_flags=...) takes a list of flag names such as "
              f'["python_workers"], got {type(wrong[0]).__name__} {_short(wrong[0])} among them')
    return merged


def _did_you_mean(key: str) -> str:
    from difflib import get_close_matches

    close = get_close_matches(key, _ENV_MARKER_KEYWORDS, n=1)
    return f" (did you mean {close[0]}=?)" if close else ""


def _marker_arguments(mark: pytest.Mark, shape: Callable[..., None], usage: str) -> dict[str, Any]:
    """``mark``'s arguments bound to ``shape``'s signature (its defaults filled in), or the
    test fails naming the marker and what it takes -- not a TypeError from workers-env's insides."""
    try:
        bound = inspect.signature(shape).bind(*mark.args, **mark.kwargs)
    except TypeError as exc:
        _fail(f"workers-env: @pytest.mark.{usage}: {exc}")
    bound.apply_defaults()
    binding = bound.arguments["binding"]
    if not isinstance(binding, str):
        _fail(f"workers-env: @pytest.mark.{usage}: binding is the binding's name in the env, a str, "
              f"got {type(binding).__name__} {_short(binding)}")
    return dict(bound.arguments)


def _vectorize_seed_shape(binding: str, source: Any, *, namespace: str | None = None) -> None:
    """The arguments of ``@pytest.mark.vectorize_seed``."""


def _d1_schema_shape(binding: str, source: Any = None) -> None:
    """The arguments of ``@pytest.mark.d1_schema``."""


def _kv_seed_shape(binding: str, source: Any) -> None:
    """The arguments of ``@pytest.mark.kv_seed``."""


_SEED_USAGE = "vectorize_seed(binding, source, *, namespace=None)"
_SCHEMA_USAGE = "d1_schema(binding, source=None)"
_KV_SEED_USAGE = "kv_seed(binding, source)"


def _fixture_mapping(name: str, value: Any, what: str) -> Mapping[str, Any]:
    """A conftest override of one of our mapping fixtures (``None`` reads as empty), or the test
    fails naming the fixture."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        _fail(f"workers-env: the {name} fixture returns {what}, got {type(value).__name__} {_short(value)}")
    return value


def _test_dir(request: pytest.FixtureRequest) -> Path:
    return Path(str(request.node.path)).parent


def _config_location(request: pytest.FixtureRequest, marker: Mapping[str, Any]) -> Path:
    return _location_for(request.config, _test_dir(request), marker)


def _location_for(config: pytest.Config, test_dir: Path, marker: Mapping[str, Any]) -> Path:
    """Where the env fixture looks for the wrangler config of a test in ``test_dir``."""
    if marker.get("config"):
        return test_dir / marker["config"]
    option = config.getoption("wrangler_config")
    if option:
        return config.invocation_params.dir / option
    ini = config.getini("workers_env_config")
    if ini:
        base = config.inipath.parent if config.inipath else config.rootpath
        return base / ini
    return _nearest_config(test_dir, config.rootpath) or config.rootpath


def _nearest_config(start: Path, rootdir: Path) -> Path | None:
    """The wrangler config nearest the test file, in its folder or one above it up to the rootdir
    (``wrangler.json``, then ``.jsonc``, then ``.toml`` within a folder): in a repository of
    several Workers, each one's tests get its own config, not the one at the repository's root."""
    from workers_env.config import CONFIG_FILE_NAMES

    try:
        start.resolve().relative_to(rootdir.resolve())
    except ValueError:  # a test outside the rootdir: the rootdir's rule
        return None
    root = rootdir.resolve()
    for folder in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_FILE_NAMES:
            if (folder / name).is_file():
                return folder / name
        if folder == root:
            return None
    return None


def _environment(request: pytest.FixtureRequest, marker: Mapping[str, Any]) -> str | None:
    if "environment" in marker:
        return marker["environment"]
    return request.config.getoption("wrangler_env") or request.config.getini("workers_env_environment") or None


@pytest.fixture
def workers_env_environment(request: pytest.FixtureRequest) -> str | None:
    """The ``[env.NAME]`` this test's ``env`` selects (the marker's, ``--wrangler-env``'s or the
    ini option's; ``None``: the top level), for a ``workers_env_bindings`` fixture that loads
    another Worker in the same environment (``load_worker(path, environment=...)``)."""
    return _environment(request, _marker_kwargs(request))


@pytest.fixture
def workers_env_compatibility_date(request: pytest.FixtureRequest) -> str | None:
    """The ``compatibility_date`` the env and worker fixtures run on instead of the config's
    (``--compatibility-date``; ``None``: the config's). Override it with ``params=[...]`` to run
    each test once per era."""
    return request.config.getoption("workers_env_compatibility_date")


@pytest.fixture
def workers_env_compatibility_flags(request: pytest.FixtureRequest) -> list[str] | None:
    """The ``compatibility_flags`` (the whole list) the env and worker fixtures run with instead
    of the config's (``--compatibility-flags``; ``None``: the config's)."""
    return request.config.getoption("workers_env_compatibility_flags")


@pytest.fixture
def workers_env_indexes() -> Mapping[str, Any] | None:
    """Index definitions for ``env`` (override in a conftest); ``None`` uses pyproject's."""
    return None


@pytest.fixture
def workers_env_bindings() -> Mapping[str, Any]:
    """Bindings you supply, ``{"NAME": object}``, added to (or replacing) ``env``'s (override in a conftest)."""
    return {}


@pytest.fixture
def workers_env_clock() -> Any:
    """The clock KV expiry is measured against: a ``ManualClock`` at the current time.

    Move it with ``workers_env_clock.advance(seconds)``; override the fixture to start elsewhere.
    """
    from workers_env._clock import ManualClock

    return ManualClock()


@pytest.fixture
def workers_env_embedders() -> Mapping[str, Any] | None:
    """Real embedding functions for ``env.AI`` by model name (override in a conftest);
    ``None`` uses ``[tool.workers-env.ai.embedders]`` or the offline embedder."""
    return None


@pytest.fixture
def workers_env_ai_replies() -> Any:
    """Scripted text generation replies for ``env.AI`` (override in a conftest): a reply, a
    list of replies, a function ``(model, inputs)``, or ``{model: ...}``; ``None``: defaults."""
    return None


@pytest.fixture
def workers_env_seed() -> Mapping[str, Any]:
    """Vectors to seed before each test, ``{"BINDING": [vectors] or "file.ndjson"}`` (override in a conftest)."""
    return {}


@pytest.fixture
def workers_env_kv_seed() -> Mapping[str, Any]:
    """Keys put before each test, ``{"BINDING": {key: value}, [items] or "items.json"}`` (override
    in a conftest; paths relative to the test file)."""
    return {}


@pytest.fixture
def workers_env_d1_schema() -> Mapping[str, Any]:
    """D1 schemas applied before each test, ``{"DB": None (its migrations_dir) or "schema.sql"}``
    (override in a conftest; paths relative to the test file)."""
    return {}


def apply_d1_schema(env: Env, binding: str, source: Any = None, *, base: str | os.PathLike[str] | None = None) -> list[str]:
    """:func:`workers_env.apply_d1_schema`, a schema naming nothing raised as ``pytest.UsageError``."""
    from workers_env.seeding import SchemaNamingError, apply_d1_schema as apply

    try:
        return apply(env, binding, source, base=base)
    except SchemaNamingError as exc:
        raise pytest.UsageError(str(exc)) from None



@pytest.fixture
def d1_schema(env: Env, request: pytest.FixtureRequest) -> Callable[..., list[str]]:
    """``d1_schema("DB", source=None) -> list[str]``: apply a schema now (synchronous)."""

    def apply(binding: str, source: Any = None) -> list[str]:
        return _apply_schema(env, binding, source, _test_dir(request))

    return apply


def _schema_from_marker(env: Env, base: Path, mark: pytest.Mark) -> None:
    arguments = _marker_arguments(mark, _d1_schema_shape, _SCHEMA_USAGE)
    _apply_schema(env, arguments["binding"], arguments["source"], base)


def _fail(message: str) -> NoReturn:
    """Fail the test with ``message`` alone: raised from an ``except``, ``pytest.fail`` would
    print the caught error first and then again, "During handling of the above exception"."""
    raise pytest.fail.Exception(message, pytrace=False) from None


def _apply_schema(env: Env, binding: str, source: Any, base: Path) -> list[str]:
    from workers_env._errors import JsException

    try:
        return apply_d1_schema(env, binding, source, base=base)
    except pytest.UsageError as exc:  # a mistake in the marker or fixture: its message alone
        _fail(str(exc))
    except (JsException, ValueError) as exc:  # ConfigError is a ValueError
        _fail(f"workers-env: the D1 schema for {binding} failed: {exc}")


def _given_where(request: pytest.FixtureRequest, marker: Mapping[str, Any], key: str, fixture_value: Any,
                 spelled: tuple[str, str, str]) -> tuple[Any, str]:
    """A compatibility setting given instead of the config's (``key``), and how it was given:
    ``spelled``'s text for the marker, the command-line option, or the fixture."""
    if key in marker:
        return marker[key], spelled[0]
    if fixture_value is not None and fixture_value == request.config.getoption(f"workers_env_{key}"):
        return fixture_value, spelled[1]
    return fixture_value, spelled[2]


def _check_given_date(request: pytest.FixtureRequest, marker: Mapping[str, Any], fixture_date: str | None) -> None:
    """A compatibility date given instead of the config's that the Workers runtime would refuse
    fails the test, its hint naming where it was given (the marker, the option, the fixture)."""
    from types import SimpleNamespace

    from workers_env.config.compat import compatibility_date_problem

    date, given_as = _given_where(request, marker, "compatibility_date", fixture_date, (
        '@pytest.mark.workers_env(compatibility_date="{date}")', "--compatibility-date {date}",
        'a workers_env_compatibility_date fixture returning "{date}"'))
    if not isinstance(date, str):
        return  # None: the config's; another type: load_env's own error
    problem = compatibility_date_problem(SimpleNamespace(compatibility_date=date, compatibility_date_given_as=given_as))
    if problem is not None:
        _fail(f"workers-env: {problem}")


def _check_given_flags(request: pytest.FixtureRequest) -> None:
    """Compatibility flags given instead of the config's that the Workers runtime would refuse
    fail the test before the Worker loads, the hint naming where they were given (the marker,
    the option, the fixture), as :func:`_check_given_date` does for a date."""
    from types import SimpleNamespace

    from workers_env.config.compat import compatibility_flags_problem

    marker = _marker_kwargs(request)
    given = request.getfixturevalue("workers_env_compatibility_flags")
    flags, given_as = _given_where(request, marker, "compatibility_flags", given, (
        "@pytest.mark.workers_env(compatibility_flags=[...])", "--compatibility-flags",
        "the workers_env_compatibility_flags fixture's list"))
    if not isinstance(flags, (list, tuple)):
        return  # None: the config's (the load's refusal names its key); another type: load_env's own error
    problem = compatibility_flags_problem(SimpleNamespace(compatibility_flags=tuple(flags),
                                                          compatibility_flags_given_as=given_as))
    if problem is not None:
        _fail(f"workers-env: the worker fixture could not load the worker: {problem}")


@pytest.fixture
def env(request: pytest.FixtureRequest, workers_env_indexes: Mapping[str, Any] | None, workers_env_seed: Mapping[str, Any],
        workers_env_d1_schema: Mapping[str, Any], workers_env_kv_seed: Mapping[str, Any],
        workers_env_embedders: Mapping[str, Any] | None,
        workers_env_ai_replies: Any, workers_env_bindings: Mapping[str, Any],
        workers_env_clock: Any, workers_env_compatibility_date: str | None,
        workers_env_compatibility_flags: list[str] | None) -> Iterator[Env]:
    """A fresh ``Env`` for this test: the wrangler config's bindings, empty, plus those you supply."""
    from workers_env._env import load_env
    from workers_env._errors import ConfigError
    from workers_env.config import find_config

    marker = _marker_kwargs(request)
    location = _config_location(request, marker)
    indexes = marker.get("indexes", workers_env_indexes)
    supplied = dict(_fixture_mapping("workers_env_bindings", workers_env_bindings, "{binding name: object}"))
    supplied.update(marker.get("bindings") or {})  # the marker wins, name by name
    seeds = _fixture_mapping("workers_env_seed", workers_env_seed, '{binding: [vectors] or "file.ndjson"}')
    schemas = _fixture_mapping("workers_env_d1_schema", workers_env_d1_schema, '{binding: None or "schema.sql"}')
    kv_seeds = _fixture_mapping("workers_env_kv_seed", workers_env_kv_seed, '{binding: {key: value}, [items] or "items.json"}')
    _check_given_date(request, marker, workers_env_compatibility_date)
    try:
        built = load_env(
            location,
            environment=_environment(request, marker),
            indexes=indexes,
            embedders=marker.get("embedders", workers_env_embedders),
            ai_replies=marker.get("ai_replies", workers_env_ai_replies),
            bindings=supplied,
            clock=workers_env_clock,
            compatibility_date=marker.get("compatibility_date", workers_env_compatibility_date),
            compatibility_flags=marker.get("compatibility_flags", workers_env_compatibility_flags),
        )
    except ConfigError as exc:
        try:
            found: Path | None = find_config(location)
        except ConfigError:
            found = None
        if found is None and marker.get("config"):
            _fail(f"workers-env: @pytest.mark.workers_env(config={_short(marker['config'])}) names no wrangler config "
                  f"(paths are relative to the test file): {exc}")
        if found is None:
            _fail(f"workers-env: the env fixture found no wrangler config from {location}:\n{exc}\n"
                  "Point it at one with --wrangler-config PATH, the workers_env_config ini option, "
                  "or @pytest.mark.workers_env(config=...).")
        _fail(f"workers-env: the env fixture could not build the env of {found}:\n"
              f"{_warnings_then(exc)}")
    _note_config_warnings(request.config, built)
    try:
        base = _test_dir(request)
        for name, source in seeds.items():
            _seed(built, name, source, None, base, f"the workers_env_seed fixture's {name!r}")
        for mark in reversed(list(request.node.iter_markers("vectorize_seed"))):  # outermost first: the closest wins
            _seed_from_marker(built, base, mark)
        for name, source in schemas.items():
            _apply_schema(built, name, source, base)
        for mark in reversed(list(request.node.iter_markers("d1_schema"))):  # outermost first
            _schema_from_marker(built, base, mark)
        for name, source in kv_seeds.items():
            _seed_kv(built, name, source, base, f"the workers_env_kv_seed fixture's {name!r}")
        for mark in reversed(list(request.node.iter_markers("kv_seed"))):  # outermost first: the closest wins
            arguments = _marker_arguments(mark, _kv_seed_shape, _KV_SEED_USAGE)
            _seed_kv(built, arguments["binding"], arguments["source"], base,
                     f"@pytest.mark.kv_seed({arguments['binding']!r}, ...)")
        yield built
    finally:
        built.close()


def _warnings_then(exc: Exception) -> str:
    """A broken config's errors after its warnings, as wrangler prints them: a misspelt key's
    ``Unexpected fields found in vectorize[0] field: "bindng"`` is what says how to fix the
    ``should have a string "binding" field`` error below it."""
    warnings = getattr(exc, "config_warnings", "")
    return f"{warnings}\n\n{exc}" if warnings else str(exc)


#: every wrangler config the env fixture read in this run that had warnings: (path, env) -> them
_CONFIG_WARNINGS = pytest.StashKey[dict]()


def _note_config_warnings(config: pytest.Config, built: Env) -> None:
    """Keep the warnings wrangler would print for the config a test's env came from, a Worker's
    missing ``compatibility_date`` included (shown once, in the summary: not as Python warnings,
    which ``-W error`` would turn into failures)."""
    from workers_env.config.compat import missing_date_warning

    read = getattr(built, "config", None)
    if read is None:
        return
    warnings = list(read.warnings)
    # a Worker's config without a date runs on today's, so its era moves under the tests: wrangler dev warns
    undated = missing_date_warning(read) if read.main else None
    if undated:
        warnings.append(undated)
    if warnings:
        config.stash.setdefault(_CONFIG_WARNINGS, {})[(str(read.path), read.environment)] = warnings


_WORKER_OUTPUT_KEY = "workers_env_config_warnings"
_USAGE_ERROR_KEY = "workers_env_usage_error"
#: a usage error a pytest-xdist worker found after collection, in the controller
_USAGE_ERROR = pytest.StashKey[str]()


class _XdistWarnings:
    """Under pytest-xdist the env fixture reads configs, and the checks after collection run, in
    the worker processes: each worker hands its warnings and usage error over when it finishes,
    and the controller lists the warnings once, says the error and exits 4, as without xdist."""

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        output = getattr(session.config, "workeroutput", None)  # set in a worker only
        found = session.config.stash.get(_CONFIG_WARNINGS, None)
        if output is not None and found:
            output[_WORKER_OUTPUT_KEY] = [[path, environment, list(messages)]
                                          for (path, environment), messages in found.items()]
        message = session.config.stash.get(_USAGE_ERROR, None)
        if output is None and message is not None:
            session.exitstatus = pytest.ExitCode.USAGE_ERROR
            reporter = session.config.pluginmanager.get_plugin("terminalreporter")
            if reporter is not None:
                reporter.write_line(f"ERROR: {message}", red=True)

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node: Any, error: Any) -> None:
        output = getattr(node, "workeroutput", {})
        for path, environment, messages in output.get(_WORKER_OUTPUT_KEY, []):
            node.config.stash.setdefault(_CONFIG_WARNINGS, {})[(path, environment)] = messages
        if output.get(_USAGE_ERROR_KEY):
            node.config.stash[_USAGE_ERROR] = output[_USAGE_ERROR_KEY]


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """The wrangler config warnings of this run, as wrangler words them (a misspelt key in
    wrangler.toml would otherwise pass every test without a word)."""
    found = config.stash.get(_CONFIG_WARNINGS, None)
    if not found:
        return
    terminalreporter.section("workers-env: wrangler config warnings", yellow=True)
    for (path, environment), messages in sorted(found.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        where = f"{_short_path(path)}" + (f' (environment "{environment}")' if environment else "")
        terminalreporter.write_line(f"Processing {where} configuration:")
        for message in messages:
            for i, line in enumerate(message.splitlines()):
                terminalreporter.write_line(("  - " if i == 0 else "    ") + line)


def _short_path(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path


def _seed_from_marker(env: Env, base: Path, mark: pytest.Mark) -> None:
    arguments = _marker_arguments(mark, _vectorize_seed_shape, _SEED_USAGE)
    binding = arguments["binding"]
    _seed(env, binding, arguments["source"], arguments["namespace"], base,
          f"@pytest.mark.vectorize_seed({binding!r}, ...)")


def _seed(env: Env, binding: Any, source: Any, namespace: str | None, base: Path, what: str) -> int:
    """Seed ``env.<binding>``, or fail the test with the one line that says what went wrong
    (``what`` names the marker, fixture or call), not workers-env's traceback."""
    from workers_env._errors import WorkersEnvError

    target = _binding(env, binding)
    try:
        return seed_binding(target, source, namespace=namespace, base=base)
    except WorkersEnvError as exc:
        _fail(f"workers-env: {what}: {exc}")


def _binding(env: Env, binding: Any, kind: str = "Vectorize", method: str = "upsert_sync", prefix: str = "") -> Any:
    """The emulator of ``env.<binding>`` to seed (one with ``method``, a ``kind`` binding), or the
    test fails with one line (after ``prefix``) naming the env's bindings of that kind."""
    from workers_env._errors import ConfigError

    try:
        return binding_named(env, binding, kind, method)
    except ConfigError as exc:
        _fail(f"workers-env: {prefix}{exc}")


def _seed_kv(env: Env, binding: Any, source: Any, base: Path, what: str) -> int:
    """Put ``source``'s keys into ``env.<binding>``, or fail the test with one line naming ``what``."""
    from workers_env._errors import WorkersEnvError

    target = _binding(env, binding, "KV", "put_many_sync", prefix=f"{what}: ")
    try:
        return seed_kv_namespace(target, source, base=base)
    except WorkersEnvError as exc:
        _fail(f"workers-env: {what}: {exc}")


@pytest.fixture
def seed_kv(env: Env, request: pytest.FixtureRequest) -> Callable[..., int]:
    """``seed_kv("KV", {key: value} or [items] or "items.json") -> int`` (synchronous)."""

    def seed(binding: str, source: Any) -> int:
        return _seed_kv(env, binding, source, _test_dir(request), f"seed_kv({binding!r}, ...)")

    return seed


@pytest.fixture
def seed_vectors(env: Env, request: pytest.FixtureRequest) -> Callable[..., int]:
    """``seed_vectors("VECTORIZE", vectors_or_ndjson_path, namespace=None) -> int`` (synchronous)."""

    def seed(binding: str, source: Any, *, namespace: str | None = None) -> int:
        return _seed(env, binding, source, namespace, _test_dir(request), f"seed_vectors({binding!r}, ...)")

    return seed


@pytest.fixture
def worker(env: Env, request: pytest.FixtureRequest) -> Iterator[Worker]:
    """The Python Worker named by ``main``, loaded with this test's ``env``; while the test runs,
    local time is UTC, as production runs Workers (ini ``workers_env_timezone``)."""
    from workers_env._errors import ConfigError
    from workers_env.runtime import load_worker
    from workers_env.runtime.timezone import production_timezone

    with production_timezone(request.config.getini("workers_env_timezone")):
        _check_given_flags(request)
        try:
            loaded = load_worker(env=env)
        except ConfigError as exc:
            _fail(f"workers-env: the worker fixture could not load the worker: {exc}")
        yield loaded
