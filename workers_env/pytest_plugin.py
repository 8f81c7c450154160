"""pytest plugin (entry point ``pytest11``): the ``env``, ``worker``, ``seed_vectors`` and ``d1_schema`` fixtures.

Bindings you supply come from the ``workers_env_bindings`` fixture and the
``@pytest.mark.workers_env(bindings=...)`` marker; KV expiry runs on ``workers_env_clock``.

Every test gets a fresh ``env`` with empty in-memory indexes, built from the wrangler
config nearest the test file up to the rootdir, else found from the rootdir (or
``--wrangler-config`` / the ``workers_env_config`` ini option /
``@pytest.mark.workers_env(config=...)``). Data is seeded before the test from
``@pytest.mark.vectorize_seed(...)`` markers, the ``workers_env_seed`` fixture, or by
calling ``seed_vectors``; D1 schemas from ``@pytest.mark.d1_schema(...)``, the
``workers_env_d1_schema`` fixture or ``d1_schema(...)``. Nothing heavy is imported until a fixture is used, so projects
without a wrangler config are not affected.
"""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable, Generator, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

if TYPE_CHECKING:
    from workers_env._env import Env
    from workers_env.runtime import Worker

__all__ = ["seed_binding", "apply_d1_schema"]

_MARKERS = (
    "workers_env(config=None, environment=None, indexes=None, embedders=None, ai_replies=None, bindings=None): "
    "per-test wrangler config path, [env.NAME], index definitions, Workers AI embedders, "
    "scripted text generation replies and bindings you supply ({name: object}) for the env fixture",
    "vectorize_seed(binding, source, namespace=None): upsert vectors (a list, or an NDJSON file "
    "relative to the test file) into env.<binding> before the test",
    "d1_schema(binding, source=None): before the test, apply the D1 binding's migrations_dir "
    "(source=None), a .sql file or a migrations folder (relative to the test file) to env.<binding>",
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
    parser.addini("workers_env_config", "wrangler config file or folder for the env fixture (relative to the ini file)", default="")
    parser.addini("workers_env_environment", "wrangler environment ([env.NAME]) for the env fixture", default="")
    parser.addini("workers_env_timezone", "the local time zone Worker code sees in the worker fixture: UTC as in "
                  "production (the default), another TZ name, or 'local' for the host's", default="UTC")


def pytest_configure(config: pytest.Config) -> None:
    for line in _MARKERS:
        config.addinivalue_line("markers", line)


_OUR_FIXTURES = frozenset({"env", "worker", "seed_vectors", "d1_schema"})


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
        return ("This test is `async def` but pytest-asyncio did not run it: in its strict mode (your "
                "configuration) a test needs @pytest.mark.asyncio -- or set asyncio_mode = \"auto\" "
                "under [tool.pytest.ini_options] (or [pytest]) to run every async test.")
    if plugins.hasplugin("anyio"):
        return ("This test is `async def` but no plugin ran it: pytest-asyncio is not installed, and anyio's "
                "pytest plugin runs only tests marked @pytest.mark.anyio -- mark it so (with anyio_backend "
                "\"asyncio\", what Workers run on), or pip install 'workers-env[pytest]' for pytest-asyncio "
                "and mark it @pytest.mark.asyncio.")
    return ("This test is `async def` but no plugin ran it: pytest-asyncio is not installed. "
            "pip install 'workers-env[pytest]' (pytest-asyncio comes with it), then mark the test "
            "@pytest.mark.asyncio or set asyncio_mode = \"auto\" under [tool.pytest.ini_options].")


# -- seeding ---------------------------------------------------------------------------------


def _load_vectors(source: Any, base: Path) -> list[dict[str, Any]]:
    from workers_env.vectorize.ndjson import read_ndjson_vectors

    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        return read_ndjson_vectors(path if path.is_absolute() else base / path)
    return [dict(v) for v in source]


def seed_binding(binding: Any, source: Any, *, namespace: str | None = None, base: str | os.PathLike[str] = ".") -> int:
    """Upsert vectors into a Vectorize binding synchronously; returns how many were written.

    ``source`` is a list of vector dicts or the path of an NDJSON file in the format
    ``wrangler vectorize insert --file`` takes (relative paths against ``base``).
    ``namespace`` applies to vectors that name none. Batches respect the 1000-vector limit.
    """
    from workers_env.vectorize.limits import MAX_VECTORS_PER_WRITE

    vectors = _load_vectors(source, Path(base))
    if namespace is not None:
        for vector in vectors:
            vector.setdefault("namespace", namespace)
    for start in range(0, len(vectors), MAX_VECTORS_PER_WRITE):
        binding.upsert_sync(vectors[start : start + MAX_VECTORS_PER_WRITE])  # no event loop needed
    return len(vectors)


# -- fixtures --------------------------------------------------------------------------------


def _marker_kwargs(request: pytest.FixtureRequest) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for marker in reversed(list(request.node.iter_markers("workers_env"))):  # closest wins
        merged.update(marker.kwargs)
    return merged


def _test_dir(request: pytest.FixtureRequest) -> Path:
    return Path(str(request.node.path)).parent


def _config_location(request: pytest.FixtureRequest, marker: Mapping[str, Any]) -> Path:
    config = request.config
    if marker.get("config"):
        return _test_dir(request) / marker["config"]
    option = config.getoption("wrangler_config")
    if option:
        return config.invocation_params.dir / option
    ini = config.getini("workers_env_config")
    if ini:
        base = config.inipath.parent if config.inipath else config.rootpath
        return base / ini
    return _nearest_config(_test_dir(request), config.rootpath) or config.rootpath


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
def workers_env_d1_schema() -> Mapping[str, Any]:
    """D1 schemas applied before each test, ``{"DB": None (its migrations_dir) or "schema.sql"}``
    (override in a conftest; paths relative to the test file)."""
    return {}


def apply_d1_schema(env: Env, binding: str, source: Any = None, *, base: str | os.PathLike[str] = ".") -> list[str]:
    """Apply a schema to ``env.<binding>`` (a D1 database): its ``migrations_dir`` when ``source``
    is ``None``, else a ``.sql`` file or a migrations folder (relative to ``base``). Returns what ran:
    the migration names, or the file's name."""
    from workers_env.d1 import migrations
    from workers_env.d1.assembly import d1_entries

    database = getattr(env.unwrapped(binding), "database", None) if binding in env else None
    entry = next((e for e in d1_entries(env.config) if e.binding == binding), None) if env.config else None
    if database is None or entry is None:
        names = [e.binding for e in d1_entries(env.config)] if env.config else []
        raise pytest.UsageError(f"workers-env: {binding!r} is not a D1 binding of this env; its D1 bindings: "
                                f"{', '.join(names) or 'none'}{_config_named(env)}")
    if source is None:
        directory = entry.migrations_path(env.config.root)
        if not directory.is_dir():
            raise pytest.UsageError(
                f"workers-env: no migrations folder {directory} for the D1 binding {binding}: create it "
                f"(workers-env d1 migrations create {binding} init) or pass a .sql file to d1_schema"
            )
        return migrations.apply_all(database, directory, entry.migrations_table)
    path = Path(base) / Path(source)
    if path.is_dir():
        return migrations.apply_all(database, path, entry.migrations_table)
    if not path.is_file():
        raise pytest.UsageError(f"workers-env: the D1 schema {path} does not exist")
    migrations.run_sql_file(database, path)
    return [path.name]


@pytest.fixture
def d1_schema(env: Env, request: pytest.FixtureRequest) -> Callable[..., list[str]]:
    """``d1_schema("DB", source=None) -> list[str]``: apply a schema now (synchronous)."""

    def apply(binding: str, source: Any = None) -> list[str]:
        return _apply_schema(env, binding, source, _test_dir(request))

    return apply


def _schema_from_marker(env: Env, base: Path, binding: str, source: Any = None) -> None:
    _apply_schema(env, binding, source, base)


def _fail(message: str) -> NoReturn:
    """Fail the test with ``message`` alone: raised from an ``except``, ``pytest.fail`` would
    print the caught error first and then again, "During handling of the above exception"."""
    raise pytest.fail.Exception(message, pytrace=False) from None


def _config_named(env: Env) -> str:
    """`` (from <config file>)``: which config the env was built from, for messages."""
    path = getattr(env.config, "path", None)
    return f" (from {path})" if path else ""


def _apply_schema(env: Env, binding: str, source: Any, base: Path) -> list[str]:
    from workers_env._errors import JsException

    try:
        return apply_d1_schema(env, binding, source, base=base)
    except pytest.UsageError as exc:  # a mistake in the marker or fixture: its message alone
        _fail(str(exc))
    except (JsException, ValueError) as exc:
        _fail(f"workers-env: the D1 schema for {binding} failed: {exc}")


@pytest.fixture
def env(request: pytest.FixtureRequest, workers_env_indexes: Mapping[str, Any] | None, workers_env_seed: Mapping[str, Any],
        workers_env_d1_schema: Mapping[str, Any], workers_env_embedders: Mapping[str, Any] | None,
        workers_env_ai_replies: Any, workers_env_bindings: Mapping[str, Any],
        workers_env_clock: Any) -> Iterator[Env]:
    """A fresh ``Env`` for this test: the wrangler config's bindings, empty, plus those you supply."""
    from workers_env._env import load_env
    from workers_env._errors import ConfigError
    from workers_env.config import find_config

    marker = _marker_kwargs(request)
    location = _config_location(request, marker)
    indexes = marker.get("indexes", workers_env_indexes)
    supplied = dict(workers_env_bindings or {})
    supplied.update(marker.get("bindings") or {})  # the marker wins, name by name
    try:
        built = load_env(
            location,
            environment=_environment(request, marker),
            indexes=indexes,
            embedders=marker.get("embedders", workers_env_embedders),
            ai_replies=marker.get("ai_replies", workers_env_ai_replies),
            bindings=supplied,
            clock=workers_env_clock,
        )
    except ConfigError as exc:
        try:
            found: Path | None = find_config(location)
        except ConfigError:
            found = None
        if found is None:
            _fail(f"workers-env: the env fixture found no wrangler config from {location}:\n{exc}\n"
                  "Point it at one with --wrangler-config PATH, the workers_env_config ini option, "
                  "or @pytest.mark.workers_env(config=...).")
        _fail(f"workers-env: the env fixture could not build the env of {found}:\n{exc}")
    try:
        base = _test_dir(request)
        for name, source in workers_env_seed.items():
            seed_binding(_binding(built, name), source, base=base)
        for mark in request.node.iter_markers("vectorize_seed"):
            _seed_from_marker(built, base, *mark.args, **mark.kwargs)
        for name, source in workers_env_d1_schema.items():
            _apply_schema(built, name, source, base)
        for mark in reversed(list(request.node.iter_markers("d1_schema"))):  # outermost first
            _schema_from_marker(built, base, *mark.args, **mark.kwargs)
        yield built
    finally:
        built.close()


def _seed_from_marker(env: Env, base: Path, binding: str, source: Any, *, namespace: str | None = None) -> None:
    seed_binding(_binding(env, binding), source, namespace=namespace, base=base)


def _binding(env: Env, binding: str) -> Any:
    if binding not in env:
        pytest.fail(f"workers-env: cannot seed {binding!r}: the env has {', '.join(env) or 'no bindings'}"
                    f"{_config_named(env)}", pytrace=False)
    unwrapped = getattr(env, "unwrapped", None)
    return unwrapped(binding) if callable(unwrapped) else env[binding]  # the emulator, whatever the era


@pytest.fixture
def seed_vectors(env: Env, request: pytest.FixtureRequest) -> Callable[..., int]:
    """``seed_vectors("VECTORIZE", vectors_or_ndjson_path, namespace=None) -> int`` (synchronous)."""

    def seed(binding: str, source: Any, *, namespace: str | None = None) -> int:
        return seed_binding(_binding(env, binding), source, namespace=namespace, base=_test_dir(request))

    return seed


@pytest.fixture
def worker(env: Env, request: pytest.FixtureRequest) -> Iterator[Worker]:
    """The Python Worker named by ``main``, loaded with this test's ``env``; while the test runs,
    local time is UTC, as production runs Workers (ini ``workers_env_timezone``)."""
    from workers_env._errors import ConfigError
    from workers_env.runtime import load_worker
    from workers_env.runtime.timezone import production_timezone

    with production_timezone(request.config.getini("workers_env_timezone")):
        try:
            loaded = load_worker(env=env)
        except ConfigError as exc:
            _fail(f"workers-env: the worker fixture could not load the worker: {exc}")
        yield loaded
