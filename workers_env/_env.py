"""Assembling ``env``: one attribute per binding and var, as Worker code sees ``self.env``.

:func:`load_env` reads the wrangler config (:mod:`workers_env.config`), adds ``[vars]`` and
``.dev.vars``, then asks each binding package for the bindings it builds from that config.
The binding packages are named here as ``"module:function"`` strings and imported only when
``load_env`` runs: this module imports no binding (imports run config ← env ← bindings), so
each binding package is free to import :class:`AssemblyContext` from here.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import importlib
import inspect
import math
import re
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from types import EllipsisType
from typing import Any

from workers_env import _ownmodules
from workers_env._clock import SYSTEM_CLOCK, Clock
from workers_env._errors import (
    BindingNotEmulatedError,
    ConfigError,
    IndexDefinitionError,
    add_hint,
    users_mistake,
)
from workers_env._jsvalues import js_number
from workers_env._targets import import_target, split_target
from workers_env.config import WorkerConfig, load_config, read_dev_vars
from workers_env.config.bindings import declared_bindings
from workers_env.config.devvars import has_secrets_table, secrets_kept
from workers_env.config.diagnostics import ENVIRONMENT_FIELDS
from workers_env.config.wrangler import toml_date_text

__all__ = [
    "AssemblyContext",
    "BINDING_BUILDERS",
    "Env",
    "cf_worker_zone_of",
    "env_config",
    "missing_name",
    "name_cf_worker_zone",
    "unknown_fields",
    "unknown_fields_note",
    "NotEmulatedBinding",
    "bindings_from_pyproject",
    "env_clock",
    "load_env",
    "not_emulated",
    "not_emulated_line",
]

#: Every emulated binding kind: ``(name, "module:function")``; the function takes an
#: :class:`AssemblyContext` and returns ``{attribute name: binding}`` for the config's entries.
BINDING_BUILDERS: tuple[tuple[str, str], ...] = (
    ("vectorize", "workers_env.vectorize.assembly:build_bindings"),
    ("ai", "workers_env.ai.assembly:build_bindings"),
    ("d1_databases", "workers_env.d1.assembly:build_bindings"),
    ("kv", "workers_env.kv.assembly:build_bindings"),
    ("assets", "workers_env.assets.assembly:build_bindings"),
    ("queues", "workers_env.queues.assembly:build_bindings"),
    ("ratelimits", "workers_env.ratelimit.assembly:build_bindings"),
)

#: How ``env.<binding>`` is handed out: as the config's Worker holds it in ``self.env``,
#: which depends on its compatibility-date era (the one conversion lives in ``runtime/``).
#: Called as ``view(kind, name, binding, config)``; named here, imported on first use.
BINDING_VIEW = "workers_env.runtime.eras:binding_view"


@dataclass
class AssemblyContext:
    """What a binding package gets to build its bindings: the config and ``load_env``'s options.

    ``options`` holds ``load_env``'s keyword arguments by name (``indexes``, ...); each binding
    reads its own. A binding that opens something to release (a database file) registers the
    release with :meth:`on_close`; ``Env.close()`` runs them in reverse order.
    """

    config: WorkerConfig
    persist_to: Path | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    closers: list[Callable[[], None]] = field(default_factory=list)

    def on_close(self, release: Callable[[], None]) -> None:
        """Run ``release`` when the env is closed (or when assembly fails half-way)."""
        self.closers.append(release)

    def close(self) -> None:
        """Run every registered release, newest first; all run even if one raises."""
        errors: list[BaseException] = []
        while self.closers:
            try:
                self.closers.pop()()
            except Exception as exc:  # noqa: BLE001 - collected and re-raised below
                errors.append(exc)
        if errors:
            raise errors[0]


class NotEmulatedBinding:
    """``env.NAME`` for a declared binding workers-env does not emulate (R2, Queues, ...).

    It exists, so ``hasattr(env, "BUCKET")`` is true as in production; any use of it --
    reading a method, calling, awaiting -- raises :class:`~workers_env.BindingNotEmulatedError`
    naming the binding, its kind and how to supply one (``load_env(..., bindings=...)``).
    """

    __slots__ = ("_name", "_kind", "_field", "_dev_table")

    def __init__(self, name: str, kind: str, field: str, dev_table: bool = False):
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_field", field)
        object.__setattr__(self, "_dev_table", dev_table)  # pyproject's dev-only table names it

    @property
    def error(self) -> BindingNotEmulatedError:
        return BindingNotEmulatedError(self._name, self._kind, self._field, self._dev_table)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)  # Python's protocol probes (copy, pickle, ...) stay quiet
        raise self.error

    def __setattr__(self, name: str, value: Any) -> None:
        raise self.error

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise self.error

    def __await__(self) -> Any:
        raise self.error

    def __iter__(self) -> Any:
        raise self.error

    def __repr__(self) -> str:
        return f"<{self._kind} binding {self._name}: not emulated by workers-env; supply one with bindings=>"


class UndefinedIndexBinding(NotEmulatedBinding):
    """``env.NAME`` under ``workers-env dev`` for a ``[[vectorize]]`` binding whose index has no
    definition: the Worker is served, as wrangler dev serves one whose Vectorize bindings cannot
    run locally, and any use of the binding raises the :class:`~workers_env.IndexDefinitionError`
    that says how to define the index."""

    __slots__ = ("_problem",)

    def __init__(self, name: str, problem: IndexDefinitionError):
        super().__init__(name, "Vectorize Index", "vectorize")
        object.__setattr__(self, "_problem", problem)

    @property
    def error(self) -> IndexDefinitionError:  # type: ignore[override]
        problem = self._problem
        return IndexDefinitionError(str(problem), problems=problem.problems, path=problem.path,
                                    index_names=problem.index_names)

    def __repr__(self) -> str:
        return f"<Vectorize Index binding {self._name}: its index has no definition>"


def missing_name(name: object, names: Iterable[str], *, config: WorkerConfig | None = None) -> str:
    """What to say when ``name`` is no binding or var of an env holding ``names`` (read from
    ``config``, whose misspelt binding sections are named: a likely reason it is missing)."""
    known = sorted(names)
    text = f"env has no binding or var named {name!r}; it has: {', '.join(known) or 'nothing'}"
    if isinstance(name, str):
        same_letters = [k for k in known if k.casefold() == name.casefold()]  # ``ai`` for ``AI``: names are case-sensitive
        close = same_letters or difflib.get_close_matches(name, known, n=1)
        text += f" (did you mean {close[0]!r}?)" if close else ""
        inherited = _not_inherited_note(name, config)
        fields = unknown_fields_note(config)
        if not (close or inherited or fields):
            # AI: the name every Workers AI example binds; any other a binding not declared yet or a secret, set on Cloudflare only
            text += ('; Workers AI is a binding you declare in the wrangler config: add [ai] with binding = "AI" '
                     '(wrangler.jsonc: "ai": {"binding": "AI"})' if name == "AI" else
                     f'; declare a binding in the wrangler config (binding = "{name}" under its [[kv_namespaces]], '
                     f"[[d1_databases]], ...) or a var under [vars]"
                     f"; if it is a secret (wrangler secret put {name}), wrangler dev and workers-env read it from "
                     f".dev.vars (or .env) beside the wrangler config: add a line {name}=... there; a test, run "
                     f"where that file is not (it is kept out of git), gets one from bindings={{{name!r}: ...}}: a "
                     f"workers_env_bindings fixture returning that, or load_env(..., bindings=...)")
        return text + inherited + fields
    return text + unknown_fields_note(config)


def _not_inherited_note(name: str, config: WorkerConfig | None) -> str:
    """Why ``name``, declared at the top level, is missing under a selected ``[env.NAME]``:
    wrangler does not let an environment inherit bindings or vars (its "not inherited" warning)."""
    if config is None or config.environment is None or not isinstance(config.raw, Mapping):
        return ""
    top = config.raw
    declared = {b.name: b.field for b in declared_bindings(top)}
    if isinstance(top.get("vars"), Mapping):
        declared.update({key: "vars" for key in top["vars"] if isinstance(key, str)})
    if name not in declared:
        return ""
    return (f"; {name!r} is declared at the top level of {config.path.name} ({declared[name]}), but an environment "
            f'does not inherit bindings or vars: add it to "env.{config.environment}" too, as wrangler\'s '
            f'"not inherited" warning says')


_UNEXPECTED_FIELDS = re.compile(r"^Unexpected fields found in (?P<where>\S+) field: (?P<fields>.+)$")


def unknown_fields(warnings: Iterable[str], section: str | None = None) -> list[tuple[str, str, str | None]]:
    """``(section, field, likely field or None)`` for each field of the top level or an
    ``[env.NAME]`` that wrangler's "Unexpected fields found in ... field" warnings name (of
    ``section`` only, when given: ``"top-level"`` or ``"env.NAME"``)."""
    found = []
    for warning in warnings:
        m = _UNEXPECTED_FIELDS.match(warning)
        if m is None or not re.fullmatch(r"top-level|env\.[^.\[]+", m["where"]):
            continue
        if section is not None and m["where"] != section:
            continue
        for field_name in re.findall(r'"((?:[^"\\]|\\.)*)"', m["fields"]):
            close = difflib.get_close_matches(field_name, ENVIRONMENT_FIELDS, n=1, cutoff=0.75)
            found.append((m["where"], field_name, close[0] if close else None))
    return found


def unknown_fields_note(config: WorkerConfig | None) -> str:
    """The fields of the selected section wrangler does not know (its "Unexpected fields"
    warning), each with the field it is likely a misspelling of: ``[[vectorise]]`` makes no
    binding, so a Worker reading ``env.VECTORIZE`` fails far from the typo."""
    if config is None:
        return ""
    return _fields_note(config.path.name, config.environment, tuple(config.warnings))


@functools.lru_cache(maxsize=64)
def _fields_note(config_name: str, environment: str | None, warnings: tuple[str, ...]) -> str:
    """:func:`unknown_fields_note` of one config, computed once: ``hasattr(env, "CACHE")`` on an
    optional binding, per request, pays for difflib over the fields only the first time."""
    section = "top-level" if environment is None else f"env.{environment}"
    fields = [f'"{name}"' + (f' (did you mean "{close}"?)' if close else "")
              for _, name, close in unknown_fields(warnings, section)]
    if not fields:
        return ""
    where = "at the top level" if environment is None else f"in [env.{environment}]"
    return (f"; {config_name} has {'a field' if len(fields) == 1 else 'fields'} wrangler does not know "
            f"{where}, which make{'s' if len(fields) == 1 else ''} no binding: {', '.join(fields)}")


def env_config(env: object) -> WorkerConfig | None:
    """The parsed config behind ``env`` when it is an :class:`Env` (``None`` for a mapping)."""
    return object.__getattribute__(env, "_config") if isinstance(env, Env) else None


class Env:
    """The bindings and vars of one Worker configuration.

    Read them as attributes (``env.VECTORIZE``, ``env.API_TOKEN``) like ``self.env`` in a
    Worker, or as items (``env["VECTORIZE"]``); iterate for their names. ``env.config`` is
    the parsed wrangler configuration, unless a binding or var is itself named ``config``.
    A binding is handed out as the config's compatibility-date era hands it to Worker
    code (``kinds`` names each binding's kind); :meth:`unwrapped` gives the emulator itself.
    """

    def __init__(self, values: Mapping[str, Any], *, config: WorkerConfig | None = None,
                 context: AssemblyContext | None = None, kinds: Mapping[str, str] | None = None):
        object.__setattr__(self, "_values", dict(values))
        object.__setattr__(self, "_config", config)
        object.__setattr__(self, "_context", context)
        object.__setattr__(self, "_kinds", dict(kinds or {}))
        object.__setattr__(self, "_views", {})

    def _view(self, name: str) -> Any:
        value = self._values[name]
        kind = self._kinds.get(name)
        if kind is None or self._config is None:
            return value
        views = self._views
        if name not in views:
            views[name] = _builder(BINDING_VIEW)(kind, name, value, self._config)
        return views[name]

    def unwrapped(self, name: str) -> Any:
        """The emulated binding (or var) ``name`` itself: plain Python in, plain data out.

        For seeding and tools; Worker code never holds this object (``env.NAME`` is what
        it holds, in the config's era).
        """
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(missing_name(name, self._values, config=self._config)) from None

    def kind(self, name: str) -> str | None:
        """The binding kind of ``name`` (``"vectorize"``, ...), ``None`` for vars."""
        return self._kinds.get(name)

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "_values")
        if name in values:
            return self._view(name)
        if name == "config":
            return object.__getattribute__(self, "_config")
        raise users_mistake(AttributeError(missing_name(name, values, config=object.__getattribute__(self, "_config"))))

    def __setattr__(self, name: str, value: Any) -> None:
        """A value set by hand (a fake binding, a var) is handed out exactly as given."""
        self._values[name] = value
        self._kinds.pop(name, None)
        self._views.pop(name, None)

    def __getitem__(self, name: str) -> Any:
        if name not in self._values:
            error = users_mistake(KeyError(name))  # a Mapping's error; the note says what the env has
            add_hint(error, missing_name(name, self._values, config=self._config))
            raise error
        return self._view(name)

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __dir__(self) -> list[str]:
        return sorted(set(self._values) | {"config", "close", "unwrapped", "kind"})

    def __repr__(self) -> str:
        return f"<Env {', '.join(self._values)}>"

    def close(self) -> None:
        """Release persisted state (SQLite connections); in-memory envs need no closing."""
        context = self._context
        if context is not None:
            context.close()

    def __enter__(self) -> Env:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _builder(target: str) -> Callable[..., Any]:
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)


def load_env(
    path: str | PathLike[str] | None = None,
    *,
    environment: str | None = None,
    indexes: Mapping[str, Any] | None = None,
    persist_to: str | PathLike[str] | None = None,
    bindings: Mapping[str, Any] | None = None,
    clock: Clock | None = None,
    embedders: Mapping[str, Any] | None = None,
    ai_replies: Any = None,
    env_files: list[str] | None = None,
    secrets_environment: str | None | EllipsisType = ...,
    compatibility_date: str | None = None,
    compatibility_flags: Sequence[str] | None = None,
) -> Env:
    """Build the ``env`` a Worker would get from its wrangler config.

    ``path`` is a config file or a folder to search from (default: the current folder);
    ``environment`` selects an ``[env.NAME]`` section (``""`` is the top level, with the local
    secrets of ``.dev.vars.``, else ``.dev.vars``, as ``wrangler dev -e ""``); ``indexes`` maps index names to
    definitions (``{"dimensions": 768, "metric": "cosine"}``, a ``"preset"``, optional
    ``"version": "v2"`` and ``"metadata_indexes"``); ``persist_to`` keeps state on disk
    under ``<persist_to>/v3/`` (as ``wrangler dev --persist-to``), otherwise every call
    starts with fresh, empty bindings. ``bindings`` adds or replaces any binding or var by
    name with an object of yours (a fake R2 bucket, a stub service); ``clock`` is what KV
    expiry is measured against (a :class:`~workers_env.ManualClock` lets a test move time);
    ``embedders`` plugs a real embedding model into
    ``env.AI`` per model name (a function ``list[str] -> (n, d)`` array, or a
    ``"package.module:function"`` string); ``ai_replies`` scripts its text generation (a reply,
    a list of replies, a function ``(model, inputs)``, or ``{model: ...}``); ``env_files`` reads
    local secrets from those files (relative to the config's folder) instead of ``.dev.vars`` or
    the default ``.env`` files, as ``wrangler dev --env-file`` does. ``secrets_environment``
    names the environment whose ``.dev.vars.<env>`` / ``.env.<env>`` are read, when it is not
    ``environment`` (``None``: the plain ``.dev.vars`` / ``.env``): ``workers-env dev`` under
    ``CLOUDFLARE_ENV`` alone, as wrangler dev 4.164.0 reads the top level's files there.
    ``compatibility_date`` / ``compatibility_flags`` replace the config's, as ``wrangler dev
    --compatibility-date`` / ``--compatibility-flags`` do: the env (and a Worker loaded with it)
    runs in that date's era -- a test suite run in two eras without a second config.
    """
    _check_path("path", path, "a wrangler config file or a folder to search from")
    _check_path("persist_to", persist_to, "the folder to keep local state in")
    if environment is not None and not isinstance(environment, str):
        raise ConfigError(f"environment= must be the name of an [env.NAME] section (a str), got {type(environment).__name__}")
    if secrets_environment is ...:
        secrets_environment = environment
    elif secrets_environment is not None and not isinstance(secrets_environment, str):
        raise ConfigError("secrets_environment= must be the name of an [env.NAME] section (a str) or None, got "
                          f"{type(secrets_environment).__name__}")
    files = _check_env_files(env_files)
    if indexes is not None and not isinstance(indexes, Mapping):
        raise ConfigError(
            f"indexes= must map index names to definitions, got {type(indexes).__name__}"
        )
    supplied = _check_supplied(bindings)
    if clock is not None and not callable(getattr(clock, "now", None)):
        raise ConfigError(
            f"clock= must be a clock object with a now() method (e.g. workers_env.ManualClock()), "
            f"got {type(clock).__name__}"
        )
    config = load_config(path, environment=environment).with_compatibility(compatibility_date, compatibility_flags)
    context = AssemblyContext(
        config=config,
        persist_to=None if persist_to is None else Path(persist_to),
        options={"indexes": indexes, "clock": clock, "bindings": supplied, "embedders": embedders,
                 "ai_replies": ai_replies, "env_files": files, "environment": secrets_environment},
    )
    try:
        return _assemble(context)
    except BaseException:
        context.close()
        raise


def cf_worker_zone_of(env: Any) -> str | None:
    """The ``CF-Worker`` zone ``workers-env dev`` named for ``env`` (from its ``--host``,
    ``--routes``: :func:`name_cf_worker_zone`), else None (the config's, as the loader reads it)."""
    context = getattr(env, "_context", None) if isinstance(env, Env) else None
    zone = context.options.get("cf_worker") if context is not None else None
    return zone if isinstance(zone, str) else None


def name_cf_worker_zone(env: Any, zone: str) -> None:
    """Give ``env``'s Worker ``zone`` as its ``CF-Worker`` header (``workers-env dev``'s options)."""
    context = getattr(env, "_context", None) if isinstance(env, Env) else None
    if context is not None:
        context.options = {**context.options, "cf_worker": zone}


def env_clock(env: Any) -> Clock:
    """The clock an env's bindings read (``load_env(clock=...)``, else the system's); a
    Worker's Cache API reads it too."""
    context = getattr(env, "_context", None) if isinstance(env, Env) else None
    clock = context.options.get("clock") if context is not None else None
    return clock if clock is not None else SYSTEM_CLOCK


def _assemble(context: AssemblyContext) -> Env:
    config = context.config
    # neither a var nor a secret hides a binding (getBindings): a var can share a Send Email or Rate
    # Limit binding's name, which wrangler's unique-name check does not see; the Worker gets the binding
    bound = {declared.name for declared in declared_bindings(config.merged)}
    values: dict[str, Any] = {name: _var_value(value, f"vars.{name}", config) for name, value in config.vars.items()}
    values = {name: value for name, value in values.items() if name not in bound}
    # the environment as given: "" is the top level, whose secrets wrangler reads from `.dev.vars.`
    secrets = read_dev_vars(config.root, context.options.get("environment", config.environment),
                            secrets_table=has_secrets_table(config.merged),
                            env_files=context.options.get("env_files"))
    values.update((k, v) for k, v in secrets_kept(secrets, config.merged, config.vars).items() if k not in bound)
    values.update(_version_metadata(config, context.options.get("clock") or SYSTEM_CLOCK))
    kinds: dict[str, str] = {}
    failures: list[ConfigError] = []
    for kind, target in BINDING_BUILDERS:
        try:
            built: Mapping[str, Any] = _builder(target)(context)
            values.update(built)
            kinds.update(dict.fromkeys(built, kind))
        except ConfigError as exc:
            failures.append(exc)
    if failures:
        problems = [problem for exc in failures for problem in exc.problems]
        if all(isinstance(e, IndexDefinitionError) for e in failures):
            names = [name for e in failures for name in getattr(e, "index_names", ())]
            raise IndexDefinitionError("\n".join(problems), problems=problems, path=str(config.path),
                                       index_names=names)
        raise ConfigError("\n".join(problems), problems=problems, path=str(config.path))
    supplied = context.options.get("bindings") or {}
    values.update(supplied)
    for name in supplied:  # a supplied object is handed out exactly as given
        kinds.pop(name, None)
    in_dev_table = _dev_table_names(config)
    for declared in declared_bindings(config.merged):
        if declared.name not in values:
            values[declared.name] = NotEmulatedBinding(declared.name, declared.kind, declared.field,
                                                       declared.name in in_dev_table)
    return Env(values, config=config, context=context, kinds=kinds)


def _version_metadata(config: WorkerConfig, clock: Clock) -> dict[str, Any]:
    """``version_metadata = {binding = NAME}`` as ``wrangler dev`` makes it: a JSON binding
    ``{id, tag, timestamp}`` -- a random UUID, an empty tag and the time the bindings were made
    (``toISOString()``), new on every load (Miniflare's ``plugins/version-metadata``). A
    deployed Worker reads its version's own values there, which no local run can know."""
    names = [d.name for d in declared_bindings(config.merged) if d.field == "version_metadata"]
    if not names:
        return {}
    stamp = datetime.datetime.fromtimestamp(clock.now_ms() / 1000, tz=datetime.timezone.utc)
    timestamp = stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"
    return {name: {"id": str(uuid.uuid4()), "tag": "", "timestamp": timestamp} for name in names}


def _var_value(value: Any, where: str, config: WorkerConfig) -> Any:
    """A ``[vars]`` value as a Worker gets it: wrangler hands a non-string var to workerd as
    JSON, so a whole number written as a float (``1.0``, ``1e3``) arrives as the JS number ``1``,
    which Pyodide gives Python as ``int`` -- in tables and arrays too; an integer past 2**53 - 1
    (a JSON config's: TOML refuses them) is the nearest double, a ``float``. ``inf`` and ``nan``, which
    JSON cannot hold, are refused: wrangler dev stops on them (Miniflare's "Invalid input")."""
    out: list[Any] = [None]
    todo: list[tuple[Any, Any, Any, tuple[Any, str]]] = [(value, out, 0, (None, where))]
    while todo:  # not recursive: a JSON config's var may nest 5,000 levels deep (config.wrangler.JSON_MAX_DEPTH)
        item, into, slot, path = todo.pop()
        made: Any
        if isinstance(item, list):
            into[slot] = made = [None] * len(item)
            todo.extend(reversed([(v, made, i, (path, f"[{i}]")) for i, v in enumerate(item)]))
        elif isinstance(item, dict):
            into[slot] = made = dict.fromkeys(item)
            todo.extend(reversed([(v, made, k, (path, f".{k}")) for k, v in item.items()]))
        else:
            into[slot] = _var_leaf(item, path, config)
    return out[0]


def _var_leaf(value: Any, path: tuple[Any, str], config: WorkerConfig) -> Any:
    if isinstance(value, (datetime.date, datetime.time)):  # inside a var (validate refuses one as the var)
        raise ConfigError(
            f'"{_var_path(path)}" is a TOML date, which a JSON var cannot hold: wrangler dev refuses to start on it '
            '(Miniflare: "Invalid input: expected string, received TomlDate"); write it as a string, as '
            f'wrangler deploy would send it: "{toml_date_text(value)}"', path=str(config.path))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ConfigError(
                f'"{_var_path(path)}" is {value}, which a JSON var cannot hold: wrangler dev refuses to start on it '
                '(Miniflare: "Invalid input: expected number, received Infinity"); write it as a string',
                path=str(config.path))
        return js_number(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53 - 1:
        return float(value)  # a JSON config's big integer: the nearest double, as JavaScript reads it
    return value


def _var_path(path: tuple[Any, str] | None) -> str:
    """The dotted place of a var's value (``vars.X.a[1]``) from :func:`_var_value`'s linked path."""
    parts = []
    while path is not None:
        path, part = path
        parts.append(part)
    return "".join(reversed(parts))


def _check_path(name: str, value: Any, what: str) -> None:
    """``load_env``'s ``path=``/``persist_to=``: None, or a path (``str`` or ``os.PathLike``) without a NUL."""
    if value is None:
        return
    if not isinstance(value, (str, PathLike)):
        raise ConfigError(f"{name}= must be {what} (a str or os.PathLike), got {type(value).__name__}")
    if "\0" in str(value):
        raise ConfigError(f"{name}= {str(value)!r} holds a NUL character, which no file name can: it must be {what}")


def _check_env_files(env_files: Any) -> list[Any] | None:
    """``env_files=``: None, or a list of dotenv file names (an empty one is None); a bare name
    is refused rather than read as a list of its characters."""
    if isinstance(env_files, (str, PathLike)):
        raise ConfigError(f"env_files= takes a list of dotenv file names: env_files=[{str(env_files)!r}]")
    if env_files is None or (isinstance(env_files, (list, tuple)) and not env_files):
        return None
    if not isinstance(env_files, (list, tuple)):
        raise ConfigError(f"env_files= must be a list of dotenv file names (relative to the config's folder), "
                          f"got {type(env_files).__name__}")
    for item in env_files:
        if item is None:
            raise ConfigError("env_files= must be a list of dotenv file names (relative to the config's folder), "
                              "got None in it")
        _check_path("env_files", item, "a list of dotenv file names (relative to the config's folder)")
    return list(env_files)


def _check_supplied(bindings: Any) -> dict[str, Any]:
    if bindings is None:
        return {}
    if not isinstance(bindings, Mapping):
        raise ConfigError(
            f"bindings= must map binding names to objects, e.g. bindings={{'BUCKET': FakeBucket()}}; "
            f"got {type(bindings).__name__}"
        )
    bad = [name for name in bindings if not isinstance(name, str) or not name]
    if bad:
        raise ConfigError(f"bindings= names must be non-empty strings (the env attribute names), got {bad!r}")
    return dict(bindings)


def not_emulated(env: Env) -> list[NotEmulatedBinding]:
    """The placeholders in ``env``: declared bindings nobody emulates or supplied."""
    return [value for value in (env.unwrapped(name) for name in env)
            if isinstance(value, NotEmulatedBinding) and not isinstance(value, UndefinedIndexBinding)]


def _dev_table_names(config: WorkerConfig) -> set[str]:
    """The names ``[tool.workers-env.bindings]`` of the config's ``pyproject.toml`` gives a
    factory: a table only ``workers-env dev`` reads, so ``load_env``'s errors for those names say
    so (found running a Worker whose project supplied its R2 bucket there: walk60)."""
    table = config.tool.get("bindings") if isinstance(config.tool, Mapping) else None
    return {name for name in table if isinstance(name, str)} if isinstance(table, Mapping) else set()


def not_emulated_line(env: Env) -> str | None:
    """The one line ``workers-env dev`` and ``load_worker`` print at start, or ``None``."""
    missing = not_emulated(env)
    if not missing:
        return None
    names = ", ".join(f"{p._name} ({p._kind})" for p in missing)
    line = (
        f"workers-env: not emulated, so any use raises BindingNotEmulatedError: {names}; "
        "supply your own with bindings= (or [tool.workers-env.bindings] for workers-env dev)"
    )
    tabled = [p._name for p in missing if p._dev_table]
    if tabled:
        line += (f"; pyproject.toml's [tool.workers-env.bindings] names {', '.join(tabled)}, but only "
                 "workers-env dev reads that table: pass them here with bindings=")
    return line


def _factory_arguments(factory: Any, config: WorkerConfig) -> dict[str, Any]:
    """``environment=`` (the selected ``[env.NAME]``, ``None`` for the top level) for a factory
    with a parameter of that name -- one that loads another Worker in the same environment --,
    nothing for any other."""
    try:
        parameters = inspect.signature(factory).parameters
    except (TypeError, ValueError):  # a builtin without a signature: called without arguments
        return {}
    taken = parameters.get("environment")
    if taken is None or taken.kind not in (taken.POSITIONAL_OR_KEYWORD, taken.KEYWORD_ONLY):
        return {}
    return {"environment": config.environment}


def bindings_from_pyproject(config: WorkerConfig) -> dict[str, Any]:
    """``[tool.workers-env.bindings] NAME = "package.module:factory"``: call each factory.

    Modules are imported with the config's folder on ``sys.path`` (so a ``fakes.py`` beside
    ``wrangler.toml`` is found); each factory is called without arguments (but ``environment=``,
    the selected ``[env.NAME]``, for one taking that parameter) and its result becomes ``env.NAME``. Every problem is reported at once, as a :class:`ConfigError`.
    The modules a previous call imported from the config's folder are imported afresh (an
    edit of them is seen); :func:`~workers_env._ownmodules.files_of` names their files.
    """
    table = config.tool.get("bindings") if isinstance(config.tool, Mapping) else None
    if table is None:
        return {}
    where = f"[tool.workers-env.bindings] in {config.root / 'pyproject.toml'}"
    if not isinstance(table, Mapping):
        raise ConfigError(f'{where} must be a table of NAME = "package.module:factory" entries')
    built: dict[str, Any] = {}
    problems: list[str] = []
    root = str(config.root)
    added = root not in sys.path
    if added:
        sys.path.insert(0, root)
    _ownmodules.forget(Path(root))
    before = set(sys.modules)
    targets: list[str] = []
    failures: list[BaseException] = []
    try:
        for name, target in table.items():
            split = split_target(target)
            if split is not None:
                targets.append(split[0])
            try:  # (the one parser of "package.module:function" references: _targets.py)
                factory = import_target(target, f"{where}: {name}", root, "factory")
            except ConfigError as exc:
                if isinstance(exc.__cause__, Exception):
                    failures.append(exc.__cause__)
                problems.append(str(exc))
                continue
            if not callable(factory):
                problems.append(f"{where}: {name}: {target} is not callable; name a function or class that returns the binding")
                continue
            try:
                built[name] = factory(**_factory_arguments(factory, config))
            except Exception as exc:  # noqa: BLE001 - reported with the entry that failed
                problems.append(f"{where}: {name}: {target}() raised {type(exc).__name__}: {exc}")
    finally:
        _ownmodules.record(Path(root), before, targets, failures)
        if added:
            sys.path.remove(root)
    if problems:
        raise ConfigError("\n".join(problems), problems=problems, path=str(config.path))
    return built
