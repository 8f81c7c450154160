"""Assembling ``env``: one attribute per binding and var, as Worker code sees ``self.env``.

:func:`load_env` reads the wrangler config (:mod:`workers_env.config`), adds ``[vars]`` and
``.dev.vars``, then asks each binding package for the bindings it builds from that config.
The binding packages are named here as ``"module:function"`` strings and imported only when
``load_env`` runs: this module imports no binding (imports run config ← env ← bindings), so
each binding package is free to import :class:`AssemblyContext` from here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from workers_env._errors import ConfigError, IndexDefinitionError
from workers_env.config import WorkerConfig, load_config, read_dev_vars

__all__ = ["AssemblyContext", "BINDING_BUILDERS", "Env", "load_env"]

#: Every emulated binding kind: ``(name, "module:function")``; the function takes an
#: :class:`AssemblyContext` and returns ``{attribute name: binding}`` for the config's entries.
BINDING_BUILDERS: tuple[tuple[str, str], ...] = (
    ("vectorize", "workers_env.vectorize.assembly:build_bindings"),
    ("ai", "workers_env.ai.assembly:build_bindings"),
    ("d1_databases", "workers_env.d1.assembly:build_bindings"),
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
            raise AttributeError(
                f"env has no binding or var named {name!r}; it has: {', '.join(sorted(self._values)) or 'nothing'}"
            ) from None

    def kind(self, name: str) -> str | None:
        """The binding kind of ``name`` (``"vectorize"``, ...), ``None`` for vars."""
        return self._kinds.get(name)

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "_values")
        if name in values:
            return self._view(name)
        if name == "config":
            return object.__getattribute__(self, "_config")
        raise AttributeError(
            f"env has no binding or var named {name!r}; it has: {', '.join(sorted(values)) or 'nothing'}"
        )

    def __setattr__(self, name: str, value: Any) -> None:
        """A value set by hand (a fake binding, a var) is handed out exactly as given."""
        self._values[name] = value
        self._kinds.pop(name, None)
        self._views.pop(name, None)

    def __getitem__(self, name: str) -> Any:
        if name not in self._values:
            raise KeyError(name)
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


def _builder(target: str) -> Callable[[AssemblyContext], Mapping[str, Any]]:
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)


def load_env(
    path: str | PathLike[str] | None = None,
    *,
    environment: str | None = None,
    indexes: Mapping[str, Any] | None = None,
    persist_to: str | PathLike[str] | None = None,
    embedders: Mapping[str, Any] | None = None,
    ai_replies: Any = None,
) -> Env:
    """Build the ``env`` a Worker would get from its wrangler config.

    ``path`` is a config file or a folder to search from (default: the current folder);
    ``environment`` selects an ``[env.NAME]`` section; ``indexes`` maps index names to
    definitions (``{"dimensions": 768, "metric": "cosine"}``, a ``"preset"``, optional
    ``"version": "v2"`` and ``"metadata_indexes"``); ``persist_to`` keeps state on disk
    under ``<persist_to>/v3/`` (as ``wrangler dev --persist-to``), otherwise every call
    starts with fresh, empty bindings. ``embedders`` plugs a real embedding model into
    ``env.AI`` per model name (a function ``list[str] -> (n, d)`` array, or a
    ``"package.module:function"`` string); ``ai_replies`` scripts its text generation (a reply,
    a list of replies, a function ``(model, inputs)``, or ``{model: ...}``).
    """
    if indexes is not None and not isinstance(indexes, Mapping):
        raise ConfigError(
            f"indexes= must map index names to definitions, got {type(indexes).__name__}"
        )
    config = load_config(path, environment=environment)
    context = AssemblyContext(
        config=config,
        persist_to=None if persist_to is None else Path(persist_to),
        options={"indexes": indexes, "embedders": embedders, "ai_replies": ai_replies},
    )
    try:
        return _assemble(context)
    except BaseException:
        context.close()
        raise


def _assemble(context: AssemblyContext) -> Env:
    config = context.config
    values: dict[str, Any] = dict(config.vars)
    values.update(read_dev_vars(config.root, config.environment))
    kinds: dict[str, str] = {}
    failures: list[ConfigError] = []
    for kind, target in BINDING_BUILDERS:
        try:
            built = _builder(target)(context)
            values.update(built)
            kinds.update(dict.fromkeys(built, kind))
        except ConfigError as exc:
            failures.append(exc)
    if failures:
        problems = [problem for exc in failures for problem in exc.problems]
        cls = IndexDefinitionError if all(isinstance(e, IndexDefinitionError) for e in failures) else ConfigError
        raise cls("\n".join(problems), problems=problems, path=str(config.path))
    return Env(values, config=config, context=context, kinds=kinds)
